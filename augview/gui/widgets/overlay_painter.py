"""Boxes, masks and keypoints painted over a preview pane, at screen resolution.

The render worker computes each cell's `Overlay` (coordinates in the image's pixel frame, the mask
already coloured); here it is only painted: the frame is mapped onto the rectangle the pane draws
its image in, so lines and labels stay one screen pixel sharp at any zoom. `OverlayState` holds
which kinds are shown (the toolbar's toggles), shared by every pane of a preview area.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
from PySide6.QtCore import QLineF, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QStaticText

from augview.analysis.overlay_draw import MASK_OPACITY, text_color
from augview.analysis.overlays import RGB, Overlay, OverlayOptions
from augview.analysis.tag_layout import TagLayout, legend_corner

KINDS = ("boxes", "masks", "mask_only", "keypoints", "dropped")  # OverlayOptions' fields
SETTINGS_PREFIX = "overlays/"
MIN_LABELLED = 14.0  # a box smaller than this on screen (pixels) gets no name tag
SMALL_PICTURE = 160.0  # a picture shorter or narrower than this on screen (pixels) gets small tags and dots
LEGEND_SHARE = 0.6  # the mask's legend is left out of a pane it would fill more of than this, across or down


class OverlayState(QObject):
    """Which target kinds the panes draw; ``changed`` when a toggle moves."""

    changed = Signal()

    def __init__(self, options: OverlayOptions = OverlayOptions()):
        super().__init__()
        self.options = options

    def set(self, **changes):
        options = replace(self.options, **changes)
        if options != self.options:
            self.options = options
            self.changed.emit()


@dataclass
class CellOverlay:
    """An overlay and its mask layer as a QImage, made on the GUI thread from the worker's arrays
    (a copy, no computation)."""

    overlay: Overlay
    mask: QImage | None = None
    labels: dict = field(default_factory=dict)  # name -> (laid-out text, tag width), for one font
    label_key: float = -1.0  # the font height ``labels`` were laid out for

    @classmethod
    def wrap(cls, overlay: Overlay | None) -> "CellOverlay | None":
        if overlay is None:
            return None
        mask = None
        if overlay.mask is not None:
            layer = np.ascontiguousarray(overlay.mask)
            height, width = layer.shape[:2]
            mask = QImage(layer.data, width, height, layer.strides[0], QImage.Format.Format_RGBA8888).copy()
        return cls(overlay, mask)

    @property
    def has_mask(self) -> bool:
        return self.mask is not None


def qcolor(rgb: RGB, alpha: int = 255) -> QColor:
    return QColor(rgb[0], rgb[1], rgb[2], alpha)


def paint_image_and_overlay(painter: QPainter, rect: QRectF, image: QImage, cell: CellOverlay | None,
                            options: OverlayOptions, legend_area: QRectF, legend: bool = True) -> None:
    """The image in ``rect`` with the overlay over it (or, with ``mask_only``, the mask alone);
    the mask's legend too, unless ``legend`` is False (shown elsewhere)."""
    mask_only = options.mask_only and cell is not None and cell.mask is not None
    if mask_only:
        painter.fillRect(rect, QColor(0, 0, 0))
    else:
        painter.drawImage(rect, image)
    if cell is None:
        return
    overlay = cell.overlay
    if cell.mask is not None and (options.masks or mask_only):
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)  # labels: crisp edges
        painter.setOpacity(1.0 if mask_only else MASK_OPACITY)
        painter.drawImage(rect, cell.mask)
        painter.restore()
    if overlay.width <= 0 or overlay.height <= 0:
        return
    sx, sy = rect.width() / overlay.width, rect.height() / overlay.height
    painter.save()
    # A picture shown small (a grid of many variants, a gallery tile) gets smaller tags and dots:
    # at full size they hid most of it.
    small = min(rect.width(), rect.height()) < SMALL_PICTURE
    base = painter.font()
    font, metrics = _label_font(base, small)
    painter.setFont(font)
    # Hundreds of boxes are painted at every render: rectangles are mapped in one numpy step,
    # drawn per colour in one call, and each name is laid out once (QStaticText).
    origin = np.array([rect.x(), rect.y(), rect.x(), rect.y()])
    scale = np.array([sx, sy, sx, sy])

    def screen(boxes: np.ndarray) -> list[QRectF]:
        mapped = (np.asarray(boxes, np.float64).reshape(-1, 4) * scale + origin).tolist()
        return [QRectF(x0, y0, x1 - x0, y1 - y0) for x0, y0, x1, y1 in mapped]

    if len(overlay.ghosts):
        painter.setPen(QPen(QColor(255, 255, 255), 1.0, Qt.PenStyle.DotLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRects(screen(overlay.ghosts))
    visible = rect.intersected(legend_area)  # the part of the pane the image shows in
    labels = _Labels(cell, metrics, TagLayout(visible.left(), visible.top(), visible.right(), visible.bottom(),
                                              metrics.height() + 2))
    # Over "Mask only" the boxes and tags have the colours of the flat mask under them: a dark
    # edge keeps them apart (a flag's tag inside the flag's colour).
    dropped = []
    if options.dropped and len(overlay.dropped):
        dropped = screen(overlay.dropped)
        _outlines(painter, dropped, overlay.dropped_colors, Qt.PenStyle.DashLine, 1.6, mask_only)
    rects = []
    if options.boxes and len(overlay.boxes):
        rects = screen(overlay.boxes)
        _outlines(painter, rects, overlay.box_colors, Qt.PenStyle.SolidLine, 2.0, mask_only)
    if options.keypoints and len(overlay.points):
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        ends = (overlay.edges * scale + origin).tolist() if len(overlay.edges) else []
        by_color: dict = {}
        for (x0, y0, x1, y1), color in zip(ends, overlay.edge_colors):
            by_color.setdefault(color, []).append(QLineF(x0, y0, x1, y1))
        # A dark halo under each edge: the skeleton stays visible over a mask of its own colour
        # (the face's keypoints over the face's mask, opaque in "Mask only").
        halo = QPen(QColor(0, 0, 0, 170), 4.0)
        for lines in by_color.values():
            painter.setPen(halo)
            painter.drawLines(lines)
        for color, lines in by_color.items():
            painter.setPen(QPen(qcolor(color), 2.0))
            painter.drawLines(lines)
        painter.setPen(QPen(QColor(255, 255, 255), 1.2))
        dots = (overlay.points * scale[:2] + origin[:2]).tolist()
        for (x, y), color in zip(dots, overlay.point_colors):
            painter.setBrush(QBrush(qcolor(color)))
            painter.drawEllipse(QPointF(x, y), 2.5 if small else 3.5, 2.5 if small else 3.5)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    # The tags last, so that no outline, edge or dot crosses a name; the kept boxes' first, as
    # they matter most, then the dropped ones' where room is left.
    if rects:
        labels.draw(painter, rects, overlay.box_names, overlay.box_colors, 230, mask_only)
    if dropped:
        labels.draw(painter, dropped, overlay.dropped_names, overlay.dropped_colors, 170, mask_only, optional=True)
    if legend and overlay.legend and (options.masks or mask_only):
        boxes = [(b.left(), b.top(), b.right(), b.bottom()) for b in rects] + labels.layout.placed
        _legend(painter, base, metrics, overlay.legend, legend_area, boxes, visible)
    painter.restore()


_FONTS: dict = {}


def _label_font(base: QFont, small: bool = False) -> tuple[QFont, QFontMetricsF]:
    """The tags' font (a little smaller than the pane's; smaller still over a ``small`` picture)
    and its metrics, made once per base font."""
    key = (base.key(), small)
    found = _FONTS.get(key)
    if found is None:
        font = QFont(base)
        font.setPointSizeF(max(6.0, base.pointSizeF() * 0.65) if small else max(7.0, base.pointSizeF() * 0.85))
        found = _FONTS[key] = (font, QFontMetricsF(font))
    return found


def _outlines(painter: QPainter, rects: list[QRectF], colors: list, style, width: float, halo: bool = False):
    """Box outlines, one drawRects call per colour (over a dark halo with ``halo``)."""
    painter.setBrush(Qt.BrushStyle.NoBrush)
    by_color: dict = {}
    for box, color in zip(rects, colors):
        by_color.setdefault(color, []).append(box)
    if halo:
        painter.setPen(QPen(QColor(0, 0, 0, 200), width + 2.0, Qt.PenStyle.SolidLine))
        painter.drawRects(rects)
    for color, boxes in by_color.items():
        painter.setPen(QPen(qcolor(color), width, style))
        painter.drawRects(boxes)


class _Labels:
    """Name tags above boxes (inside them at the pane's top edge), where ``layout`` finds room
    beside the tags already placed; none for a box too small on screen to carry one legibly (its
    tag would hide it, and hundreds of them hide the picture). Each name is measured and laid out
    once per overlay and font."""

    def __init__(self, cell: CellOverlay, metrics: QFontMetricsF, layout: TagLayout):
        key = metrics.height()
        if cell.label_key != key:
            cell.label_key, cell.labels = key, {}
        self.cache, self.metrics, self.layout = cell.labels, metrics, layout

    def draw(self, painter: QPainter, rects: list[QRectF], names: list[str], colors: list, alpha: int,
             framed: bool = False, optional: bool = False):
        """``optional``: tags without a free spot are left out (the dropped boxes', see `TagLayout.place`)."""
        tags, texts = {}, {}
        for box, name, color in zip(rects, names, colors):
            if not name or box.width() < MIN_LABELLED or box.height() < MIN_LABELLED:
                continue
            laid = self.cache.get(name)
            if laid is None:
                text = QStaticText(name)
                text.prepare(font=painter.font())
                # As laid out, not the font's own height: a name in another script (Chinese
                # reasons for a dropped box) takes a fallback font that may be taller.
                size = text.size()
                laid = self.cache[name] = (text, max(self.metrics.horizontalAdvance(name), size.width()) + 6,
                                           max(self.metrics.height(), size.height()) + 2)
            text, width, height = laid
            spot = self.layout.place((box.left(), box.top(), box.right(), box.bottom()), width, height, optional)
            if spot is None:
                continue
            left, top = spot
            tags.setdefault(color, []).append(QRectF(left, top, width, height))
            texts.setdefault(color, []).append((QPointF(left + 3, top + 1), text))
        painter.setPen(QPen(QColor(0, 0, 0, 200), 1.0) if framed else Qt.PenStyle.NoPen)
        for color, boxes in tags.items():
            painter.setBrush(QBrush(qcolor(color, alpha)))
            painter.drawRects(boxes)
        for color, placed in texts.items():
            painter.setPen(qcolor(text_color(color)))
            for point, text in placed:
                painter.drawStaticText(point, text)


def _legend_size(metrics: QFontMetricsF, legend) -> tuple[float, float, float]:
    """Width, height and line height of the legend in ``metrics``' font."""
    line = metrics.height() + 2
    return max(metrics.horizontalAdvance(name) for name, _ in legend) + line + 14, line * len(legend) + 8, line


def _fits_a_margin(width: float, height: float, area: QRectF, picture: QRectF, margin: float = 6.0) -> bool:
    """Whether a legend of this size fits in the empty band beside, above or below the picture."""
    beside = max(picture.left() - area.left(), area.right() - picture.right())
    around = max(picture.top() - area.top(), area.bottom() - picture.bottom())
    return (width + 2 * margin <= beside and height + 2 * margin <= area.height()) or \
        (height + 2 * margin <= around and width + 2 * margin <= area.width())


def _legend(painter: QPainter, base: QFont, metrics: QFontMetricsF, legend, area: QRectF, boxes: list,
            picture: QRectF):
    """The mask's values in the corner of the pane that hides least of the boxes and tags (x0,
    y0, x1, y1) and of the ``picture`` (see `legend_corner`), in the tags' small font when only
    that fits in the empty margin beside the picture; none in a pane too small for it to leave
    most of the picture in view (a grid of many variants): the tags name the same colours."""
    font = None
    width, height, line = _legend_size(metrics, legend)
    if not _fits_a_margin(width, height, area, picture):
        small_font, small_metrics = _label_font(base, small=True)
        small = _legend_size(small_metrics, legend)
        if _fits_a_margin(small[0], small[1], area, picture):
            font, (width, height, line) = small_font, small
    if width > LEGEND_SHARE * max(area.width(), picture.width()) or height > LEGEND_SHARE * area.height():
        return
    x, y = legend_corner((area.left(), area.top(), area.right(), area.bottom()), (width, height), boxes,
                         picture=(picture.left(), picture.top(), picture.right(), picture.bottom()))
    box = QRectF(x, y, width, height)
    painter.save()
    if font is not None:
        painter.setFont(font)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(20, 20, 24, 200))
    painter.drawRoundedRect(box, 4, 4)
    for n, (name, color) in enumerate(legend):
        y = box.top() + 4 + n * line
        painter.setBrush(qcolor(color))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRect(QRectF(box.left() + 5, y + 3, line - 6, line - 6))
        painter.setPen(QColor(240, 240, 240))
        painter.drawText(QRectF(box.left() + line + 4, y, width, line),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)
    painter.restore()
