"""How a geometric op moves masks, boxes and keypoints: one `Motion` per application.

An op that changes where things are declares ``geometry(drawn, shape) -> Motion``, built from the
drawn values alone (so a replayed trace moves targets exactly as the first run did). Four kinds
cover the catalog:

- `Affine`: a 3x3 matrix (flips, quarter turns, transpose, crops, resizing, padding, rotate,
  affine, the policies' shears and shifts). Axis-aligned matrices move boxes exactly; rotations
  and shears re-enclose each box by the pipeline's ``box_method``.
- `Perspective`: a homography; boxes as for `Affine`, keypoint angles from the local derivative.
- `Field`: a displacement field (elastic, grid and optical distortion). Masks go through the same
  remap as the pixels; keypoints through the inverse of the map, solved per point; boxes enclose
  their moved outline (many points along each edge), not four corners.
- `Holes`: dropout. Nothing moves; boxes lose the area the holes cover (and are dropped by the
  visibility rules), keypoints in a hole are dropped, and masks get the holes too when the op
  says so.
`Chain` runs several in order (a policy's sub-ops).

Coordinates are OpenCV's: pixel centres on integers, an image of width w spans [-0.5, w - 0.5];
keypoints are given in them, boxes in edge coordinates (see `augview.targets.boxes`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import cv2
import numpy as np

from augview.targets import boxes as box_rules
from augview.targets.fields import approximate_forward
from augview.targets.masks import resample

_OUTLINE_POINTS = 8  # per side of a box moved through a field (the guess of `_field_extent`)
_CV_BORDERS = {
    "constant": cv2.BORDER_CONSTANT,
    "reflect": cv2.BORDER_REFLECT,
    "reflect_101": cv2.BORDER_REFLECT_101,
    "replicate": cv2.BORDER_REPLICATE,
    "wrap": cv2.BORDER_WRAP,
}


def _fill4(fill) -> tuple:
    return (fill, fill, fill, fill)


def turn_directions(jacobians: np.ndarray, angles: np.ndarray, scales: np.ndarray):
    """New angles (degrees, in [0, 360)) and scales of keypoints whose neighbourhoods move by the
    2x2 ``jacobians``: an angle is a direction in image coordinates (x right, y down), measured
    from +x towards +y, so it turns and mirrors with the image; a scale grows with the square root
    of the area change."""
    rad = np.radians(angles)
    d = np.stack([np.cos(rad), np.sin(rad)], axis=1)
    moved = np.einsum("kij,kj->ki", jacobians, d)
    new_angles = np.degrees(np.arctan2(moved[:, 1], moved[:, 0])) % 360.0
    new_scales = scales * np.sqrt(np.abs(np.linalg.det(jacobians)))
    return new_angles, new_scales


@dataclass
class Affine:
    matrix: np.ndarray  # 3x3, input -> output pixel-centre coordinates
    out_shape: tuple[int, int]
    border_mode: str = "constant"
    # The exact mask move for ops that are not resampling (flips, crops, padding); default: warp.
    mask_move: Callable[[np.ndarray, int], np.ndarray] | None = None

    def __post_init__(self):
        # The six coefficients as Python floats, read once: the moves below run for every
        # annotated image, where each small numpy call (a slice, a transpose) costs microseconds.
        self.coefficients = tuple(self.matrix[:2].ravel().tolist())

    def points(self, xy: np.ndarray) -> np.ndarray:
        a, b, c, d, e, f = self.coefficients
        moved = np.dot(xy, np.array(((a, d), (b, e))))
        moved += (c, f)
        return moved

    def keeps_sizes(self) -> bool:
        """Whether every box keeps its width and height (flips, crops, padding: no scaling, no
        turn), so a box that passed the size rules before still passes them unless cut."""
        a, b, _, d, e, _ = self.coefficients
        return b == 0 and d == 0 and abs(a) == 1 and abs(e) == 1

    def jacobians(self, xy: np.ndarray) -> np.ndarray:
        return np.broadcast_to(self.matrix[:2, :2], (len(xy), 2, 2))

    def boxes(self, boxes: np.ndarray, method: str) -> np.ndarray:
        a, b, _, d, e, _ = self.coefficients
        if method != "ellipse" or b == 0 and d == 0 or a == 0 and e == 0:
            # The corners' enclosing box; exact for flips, quarter turns, crops and scaling, which
            # keep boxes boxes (the ellipse method only differs for rotations and shears).
            return box_rules.affine_extent(boxes, self.matrix)
        outline = box_rules.ellipse_points(boxes)
        return box_rules.enclosing(self.points(outline.reshape(-1, 2)).reshape(outline.shape))

    def mask(self, mask: np.ndarray, fill: int) -> np.ndarray:
        if self.mask_move is not None:
            return self.mask_move(mask, fill)
        height, width = self.out_shape
        return resample(mask, lambda plane, value: cv2.warpAffine(
            plane, self.matrix[:2], (width, height), flags=cv2.INTER_NEAREST,
            borderMode=_CV_BORDERS[self.border_mode], borderValue=_fill4(value)), fill)


@dataclass
class Perspective:
    matrix: np.ndarray  # 3x3 homography, input -> output pixel-centre coordinates
    out_shape: tuple[int, int]
    border_mode: str = "constant"

    def points(self, xy: np.ndarray) -> np.ndarray:
        if not len(xy):
            return xy.copy()
        out = cv2.perspectiveTransform(np.asarray(xy, np.float64).reshape(-1, 1, 2), self.matrix)
        return out.reshape(-1, 2)

    def jacobians(self, xy: np.ndarray) -> np.ndarray:
        return _numeric_jacobians(self.points, xy)

    def boxes(self, boxes: np.ndarray, method: str) -> np.ndarray:
        outline = box_rules.ellipse_points(boxes) if method == "ellipse" else box_rules.corners(boxes)
        return box_rules.enclosing(self.points(outline.reshape(-1, 2)).reshape(outline.shape))

    def mask(self, mask: np.ndarray, fill: int) -> np.ndarray:
        height, width = self.out_shape
        return resample(mask, lambda plane, value: cv2.warpPerspective(
            plane, self.matrix, (width, height), flags=cv2.INTER_NEAREST,
            borderMode=_CV_BORDERS[self.border_mode], borderValue=_fill4(value)), fill)


@dataclass
class Field:
    """A displacement field: ``forward(xy)`` moves input points to the output (the inverse of the
    remap, solved), ``maps()`` gives the remap's (map_x, map_y) for the whole output."""

    forward: Callable[[np.ndarray], np.ndarray]
    maps: Callable[[], tuple[np.ndarray, np.ndarray]]
    out_shape: tuple[int, int]
    border_mode: str = "constant"

    def points(self, xy: np.ndarray) -> np.ndarray:
        return self.forward(np.asarray(xy, np.float64)) if len(xy) else xy.copy()

    def jacobians(self, xy: np.ndarray) -> np.ndarray:
        return _numeric_jacobians(self.points, xy)

    def boxes(self, boxes: np.ndarray, method: str) -> np.ndarray:
        # The moved outline only says where to look (and keeps the part of a box beyond the image,
        # where the field is constant): the extent itself comes from the maps, so a few points per
        # side, moved to first order, will do.
        map_x, map_y = self.maps()
        outline = box_rules.outline_points(boxes, per_side=_OUTLINE_POINTS)
        moved = box_rules.enclosing(approximate_forward(map_x, map_y, outline.reshape(-1, 2)).reshape(outline.shape))
        return np.array([_field_extent(map_x, map_y, box, guess) for box, guess in zip(boxes, moved)]).reshape(-1, 4)

    def mask(self, mask: np.ndarray, fill: int) -> np.ndarray:
        map_x, map_y = self.maps()
        return resample(mask, lambda plane, value: cv2.remap(
            plane, map_x, map_y, cv2.INTER_NEAREST, borderMode=_CV_BORDERS[self.border_mode],
            borderValue=_fill4(value)), fill)


@dataclass
class Holes:
    """Rectangles ``(x_min, y_min, x_max, y_max)`` (pixels, edge coordinates) blanked out, or, for
    many holes (a fine grid), ``cover()`` giving the (H, W) uint8 map of covered pixels at once."""

    holes: np.ndarray
    out_shape: tuple[int, int]
    into_mask: bool = False
    cover: Callable[[], np.ndarray] | None = None

    def points(self, xy: np.ndarray) -> np.ndarray:
        return xy.copy()

    def jacobians(self, xy: np.ndarray) -> np.ndarray:
        return np.broadcast_to(np.eye(2), (len(xy), 2, 2))

    def boxes(self, boxes: np.ndarray, method: str) -> np.ndarray:
        return boxes.copy()

    def hole_map(self) -> np.ndarray:
        if self.cover is not None:
            return self.cover()
        height, width = self.out_shape
        covered = np.zeros((height, width), np.uint8)
        for x0, y0, x1, y1 in np.asarray(self.holes, dtype=np.int64).reshape(-1, 4):
            covered[max(y0, 0):max(y1, 0), max(x0, 0):max(x1, 0)] = 1
        return covered

    def covered(self, boxes: np.ndarray, hole_map: np.ndarray) -> np.ndarray:
        """Area of each (clipped) box hidden by the holes, counted in whole pixels."""
        if not len(boxes):
            return np.zeros(0)
        integral = cv2.integral(hole_map)  # (H + 1, W + 1) running sums
        height, width = hole_map.shape
        b = np.rint(box_rules.clip(boxes, (height, width))).astype(np.int64)
        x0, y0, x1, y1 = b.T
        return (integral[y1, x1] - integral[y0, x1] - integral[y1, x0] + integral[y0, x0]).astype(float)

    def hidden(self, xy: np.ndarray, hole_map: np.ndarray) -> np.ndarray:
        height, width = hole_map.shape
        col = np.floor(xy[:, 0] + 0.5).astype(np.int64) if len(xy) else np.zeros(0, np.int64)
        row = np.floor(xy[:, 1] + 0.5).astype(np.int64) if len(xy) else np.zeros(0, np.int64)
        inside = (col >= 0) & (col < width) & (row >= 0) & (row < height)
        out = np.zeros(len(xy), bool)
        out[inside] = hole_map[row[inside], col[inside]] > 0
        return out

    def mask(self, mask: np.ndarray, fill: int) -> np.ndarray:
        if not self.into_mask:
            return mask
        out = mask.copy()
        out[self.hole_map() > 0] = fill
        return out


@dataclass
class Tiles:
    """Rectangular tiles trading places (a grid shuffle): ``moves`` lists ``(source, destination)``
    tiles, each ``(y0, x0, y1, x1)`` in pixels. Keypoints and masks move with their tile; a box
    cut by tile edges falls apart into pieces, and the pieces that still touch after the move
    become one box each (as albumentations keeps each connected part)."""

    moves: list
    out_shape: tuple[int, int]

    def _offsets(self, xy: np.ndarray) -> np.ndarray:
        col = np.floor(xy[:, 0] + 0.5)
        row = np.floor(xy[:, 1] + 0.5)
        shift = np.zeros_like(xy)
        for (sy0, sx0, sy1, sx1), (dy0, dx0, _, _) in self.moves:
            inside = (col >= sx0) & (col < sx1) & (row >= sy0) & (row < sy1)
            shift[inside] = (dx0 - sx0, dy0 - sy0)
        return shift

    def points(self, xy: np.ndarray) -> np.ndarray:
        return xy + self._offsets(xy) if len(xy) else xy.copy()

    def jacobians(self, xy: np.ndarray) -> np.ndarray:
        return np.broadcast_to(np.eye(2), (len(xy), 2, 2))

    def boxes(self, boxes: np.ndarray, method: str) -> np.ndarray:
        return self.split_boxes(boxes, np.arange(len(boxes)))[0]

    def split_boxes(self, boxes: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        out, out_ids = [], []
        for box, index in zip(boxes, ids):
            pieces = []
            for (sy0, sx0, sy1, sx1), (dy0, dx0, _, _) in self.moves:
                x0, y0 = max(box[0], sx0), max(box[1], sy0)
                x1, y1 = min(box[2], sx1), min(box[3], sy1)
                if x1 > x0 and y1 > y0:
                    pieces.append(np.array([x0, y0, x1, y1]) + (dx0 - sx0, dy0 - sy0, dx0 - sx0, dy0 - sy0))
            for group in _touching_groups(pieces):
                out.append(np.concatenate([np.min(group, axis=0)[:2], np.max(group, axis=0)[2:]]))
                out_ids.append(index)
        return np.array(out, float).reshape(-1, 4), np.array(out_ids, dtype=np.int64)

    def mask(self, mask: np.ndarray, fill: int) -> np.ndarray:
        out = mask.copy()
        for (sy0, sx0, sy1, sx1), (dy0, dx0, dy1, dx1) in self.moves:
            if (sy1 - sy0, sx1 - sx0) == (dy1 - dy0, dx1 - dx0):
                out[dy0:dy1, dx0:dx1] = mask[sy0:sy1, sx0:sx1]
        return out


def _touching_groups(pieces: list) -> list:
    """The rectangles grouped into sets that touch or overlap (sharing more than a corner)."""
    parent = list(range(len(pieces)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(pieces):
        for j in range(i):
            b = pieces[j]
            overlap_x = min(a[2], b[2]) - max(a[0], b[0])
            overlap_y = min(a[3], b[3]) - max(a[1], b[1])
            if overlap_x >= 0 and overlap_y >= 0 and (overlap_x > 0 or overlap_y > 0):
                parent[root(i)] = root(j)
    groups: dict[int, list] = {}
    for i, piece in enumerate(pieces):
        groups.setdefault(root(i), []).append(piece)
    return list(groups.values())


@dataclass
class Chain:
    """Motions run one after the other (a policy's geometric sub-ops). `TargetSet.move` follows
    them one at a time, clipping and judging after each, as the pixels are filled after each."""

    motions: list = field(default_factory=list)
    out_shape: tuple[int, int] = (0, 0)


def _field_extent(map_x: np.ndarray, map_y: np.ndarray, box: np.ndarray, guess: np.ndarray) -> np.ndarray:
    """Where a box's pixels went: the extent of the output pixels that read inside ``box`` (what
    a mask painted with the box shows after the same remap), searched in a window around the
    moved outline ``guess``. A field that folds (a strong elastic warp) can send one input place
    to several output places, and the outline's solution then finds only one of them; the pixels
    find all. Where no pixel of the output reads the box (it left the image), the outline's box
    stands, so visibility can still be judged."""
    height, width = map_x.shape
    x0, y0, x1, y1 = box - 0.5  # pixel-centre bounds: a pixel reads the box when round(p) is in it
    margin_x = 4 + 0.25 * max(guess[2] - guess[0], 1.0)
    margin_y = 4 + 0.25 * max(guess[3] - guess[1], 1.0)
    for _ in range(3):
        left = int(max(np.floor(guess[0] - margin_x), 0))
        top = int(max(np.floor(guess[1] - margin_y), 0))
        right = int(min(np.ceil(guess[2] + margin_x), width))
        bottom = int(min(np.ceil(guess[3] + margin_y), height))
        if right <= left or bottom <= top:
            return guess
        mx = map_x[top:bottom, left:right]
        my = map_y[top:bottom, left:right]
        inside = (mx >= x0) & (mx < x1) & (my >= y0) & (my < y1)
        rows = np.flatnonzero(inside.any(axis=1))
        cols = np.flatnonzero(inside.any(axis=0))
        if not len(rows):
            return guess
        found = np.array([left + cols[0], top + rows[0], left + cols[-1] + 1, top + rows[-1] + 1], float)
        touches = ((found[0] == left and left > 0) or (found[1] == top and top > 0)
                   or (found[2] == right and right < width) or (found[3] == bottom and bottom < height))
        if not touches:
            break
        margin_x, margin_y = 2 * margin_x + (right - left), 2 * margin_y + (bottom - top)
    # The parts of the outline beyond the image keep their solved positions (for visibility).
    return np.array([min(found[0], guess[0]) if found[0] == 0 else found[0],
                     min(found[1], guess[1]) if found[1] == 0 else found[1],
                     max(found[2], guess[2]) if found[2] == width else found[2],
                     max(found[3], guess[3]) if found[3] == height else found[3]])


def _numeric_jacobians(move: Callable, xy: np.ndarray, step: float = 0.5) -> np.ndarray:
    """(K, 2, 2) derivatives of ``move`` at each point, by central differences."""
    if not len(xy):
        return np.zeros((0, 2, 2))
    offsets = np.array([[step, 0.0], [-step, 0.0], [0.0, step], [0.0, -step]])
    probes = move((xy[:, None, :] + offsets[None]).reshape(-1, 2)).reshape(len(xy), 4, 2)
    d_dx = (probes[:, 0] - probes[:, 1]) / (2 * step)
    d_dy = (probes[:, 2] - probes[:, 3]) / (2 * step)
    return np.stack([d_dx, d_dy], axis=2)
