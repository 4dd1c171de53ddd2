"""Where the name tags of boxes go, so that no tag hides another.

A tag sits above its box's top-left corner (inside the box when there is no room above). Boxes
that share a corner or an edge, which is common (a person and the flag behind them, a crop that
cuts several boxes at its edge), would put their tags on the same spot, and the later one would
hide the earlier: "space shuttle" over "person" reads "space shuttlerson". `TagLayout` places the
tags of one picture in drawing order and moves a tag that would land on an earlier one down,
below it, while it stays beside its box; with no room there, to the box's right end or below
the box. It also keeps a tag inside the picture, shifting a tag near the right edge to the left,
so a long name ("flag: visibility 0.18 < 0.3") is not cut off.

The window's panes (Qt, screen pixels) and the exported pictures (Pillow, the picture's pixels)
both place their tags here, so they look the same.
"""

from __future__ import annotations

import math

_TRIES = 8  # tags moved down past at most this many others; beyond that, it overlaps


class TagLayout:
    """The tags placed so far in one picture spanning ``left, top, right, bottom``."""

    def __init__(self, left: float, top: float, right: float, bottom: float, row_height: float):
        self.left, self.top, self.right, self.bottom = left, top, right, bottom
        self.row_height = max(1.0, float(row_height))
        # Placed tags by horizontal band of ``row_height``, so a new tag is checked only against
        # the tags in the bands it covers (hundreds of boxes are placed at every repaint).
        self._bands: dict[int, list[tuple[float, float, float, float]]] = {}
        self.placed: list[tuple[float, float, float, float]] = []  # every tag, x0, y0, x1, y1

    def place(self, box: tuple[float, float, float, float], width: float, height: float,
              optional: bool = False) -> tuple[float, float] | None:
        """The top-left corner for a ``width`` x ``height`` tag of ``box`` (x0, y0, x1, y1).
        ``optional``: None when every spot beside the box would cover a tag already placed (a
        dropped box's tag gives way to the kept boxes' instead of hiding one)."""
        x0, y0, x1, y1 = box
        x = self._fit_x(x0, width)
        first = y0 - height if y0 - height >= self.top else y0
        first = self._fit_y(first, height)  # a box reaching far outside
        # A moved tag stays beside its box: no lower than the box's bottom edge or the picture's.
        lowest = min(self.bottom, max(y1, first + height)) - height
        y = first
        for _ in range(_TRIES):
            hit = self._hit(x, y, width, height)
            if hit is None:
                return self._take(x, y, width, height)
            y = hit
            if y > lowest:
                break
        # No room down its left side (a small box whose corner others share: a name tag on a
        # helmet): above its right end, below it, then inside its bottom; failing all, the place
        # that covers least of the other tags, never simply the first.
        right = self._fit_x(x1 - width, width)
        under, inside_bottom = self._fit_y(y1, height), self._fit_y(y1 - height, height)
        others = [(right, first), (x, under), (right, under), (x, inside_bottom)]
        for x_other, y_other in others:
            if self._hit(x_other, y_other, width, height) is None:
                return self._take(x_other, y_other, width, height)
        if optional:
            return None
        best = min([(x, first)] + others, key=lambda spot: self._covered(spot[0], spot[1], width, height))
        return self._take(best[0], best[1], width, height)

    def _fit_x(self, x: float, width: float) -> float:
        return max(self.left, min(x, self.right - width))

    def _fit_y(self, y: float, height: float) -> float:
        return max(self.top, min(y, self.bottom - height))

    def _take(self, x: float, y: float, width: float, height: float) -> tuple[float, float]:
        self._add((x, y, x + width, y + height))
        return x, y

    def _covered(self, x: float, y: float, width: float, height: float) -> float:
        """How much of the placed tags a tag at (x, y) would hide."""
        right, bottom = x + width, y + height
        seen, total = set(), 0.0
        for band in self._bands_of(y, bottom):
            for rect in self._bands.get(band, ()):
                if rect not in seen:
                    seen.add(rect)
                    a0, b0, a1, b1 = rect
                    total += max(0.0, min(right, a1) - max(x, a0)) * max(0.0, min(bottom, b1) - max(y, b0))
        return total

    def _bands_of(self, y0: float, y1: float) -> range:
        return range(math.floor(y0 / self.row_height), math.floor(y1 / self.row_height) + 1)

    def _hit(self, x: float, y: float, width: float, height: float) -> float | None:
        """The bottom edge of a placed tag that the tag at (x, y) would overlap, or None."""
        right, bottom = x + width, y + height
        for band in self._bands_of(y, bottom):
            for a0, b0, a1, b1 in self._bands.get(band, ()):
                if a0 < right and x < a1 and b0 < bottom and y < b1:
                    return b1
        return None

    def _add(self, rect: tuple[float, float, float, float]) -> None:
        self.placed.append(rect)
        for band in self._bands_of(rect[1], rect[3]):
            self._bands.setdefault(band, []).append(rect)


_PICTURE_WEIGHT = 0.3  # a legend wholly over the picture counts as hiding a third of a box


def legend_corner(area: tuple[float, float, float, float], size: tuple[float, float],
                  boxes, margin: float = 6.0, picture: tuple[float, float, float, float] | None = None) -> tuple[float, float]:
    """Top-left corner for a ``size`` legend in one of the corners of ``area`` (left, top, right,
    bottom): the one that hides least of the ``boxes`` (x0, y0, x1, y1; pass the name tags too),
    each counted by the share of it hidden, so a small object or a tag is not buried under the
    legend while a corner over only the background or a big box is free. With ``picture`` (where
    the image lies in a larger ``area``), the share of the legend over the picture counts a
    little too, so a legend goes to the empty margin beside a picture when one corner is as good
    as another. Ties keep the first of bottom-left, bottom-right, top-left, top-right."""
    left, top, right, bottom = area
    width, height = size
    corners = ((left + margin, bottom - height - margin), (right - width - margin, bottom - height - margin),
               (left + margin, top + margin), (right - width - margin, top + margin))
    best, best_score = corners[0], math.inf
    for x, y in corners:
        score = 0.0
        for x0, y0, x1, y1 in boxes:
            covered = max(0.0, min(x1, x + width) - max(x0, x)) * max(0.0, min(y1, y + height) - max(y0, y))
            if covered:
                score += covered / max((x1 - x0) * (y1 - y0), 1e-9)
        if picture is not None:
            x0, y0, x1, y1 = picture
            over = max(0.0, min(x1, x + width) - max(x0, x)) * max(0.0, min(y1, y + height) - max(y0, y))
            score += _PICTURE_WEIGHT * over / max(width * height, 1e-9)
        if score < best_score - 1e-9:
            best, best_score = (x, y), score
    return best
