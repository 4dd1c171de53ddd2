"""Boxes, masks and keypoints painted over a preview pane, at screen resolution.

The render worker computes each cell's `Overlay` (coordinates in the image's pixel frame, the mask
already coloured); here it is only painted: the frame is mapped onto the rectangle the pane draws
its image in, so lines and labels stay one screen pixel sharp at any zoom. `OverlayState` holds
which kinds are shown (the toolbar's toggles), shared by every pane of a preview area.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from augview.analysis.overlay_draw import MASK_OPACITY, text_color
from augview.analysis.overlays import RGB, Overlay, OverlayOptions

KINDS = ("boxes", "masks", "mask_only", "keypoints", "dropped")  # OverlayOptions' fields
SETTINGS_PREFIX = "overlays/"
MIN_LABELLED = 14.0  # a box smaller than this on screen (pixels) gets no name tag


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
                            options: OverlayOptions, legend_area: QRectF) -> None:
    """The image in ``rect`` with the overlay over it (or, with ``mask_only``, the mask alone)."""
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
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    font = QFont(painter.font())
    font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
    painter.setFont(font)
    metrics = QFontMetricsF(font)

    def screen(box) -> QRectF:
        return QRectF(rect.x() + box[0] * sx, rect.y() + box[1] * sy, (box[2] - box[0]) * sx, (box[3] - box[1]) * sy)

    if len(overlay.ghosts):
        pen = QPen(QColor(255, 255, 255), 1.0, Qt.PenStyle.DotLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for box in overlay.ghosts:
            painter.drawRect(screen(box))
    if options.dropped:
        for box, name, color in zip(overlay.dropped, overlay.dropped_names, overlay.dropped_colors):
            box_rect = screen(box)
            pen = QPen(qcolor(color), 1.6, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(box_rect)
            _tag(painter, metrics, box_rect, name, color, dashed=True)
    if options.boxes:
        for box, name, color in zip(overlay.boxes, overlay.box_names, overlay.box_colors):
            box_rect = screen(box)
            painter.setPen(QPen(qcolor(color), 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(box_rect)
            _tag(painter, metrics, box_rect, name, color)
    if options.keypoints and len(overlay.points):
        for (x0, y0, x1, y1), color in zip(overlay.edges, overlay.edge_colors):
            painter.setPen(QPen(qcolor(color), 2.0))
            painter.drawLine(QPointF(rect.x() + x0 * sx, rect.y() + y0 * sy),
                             QPointF(rect.x() + x1 * sx, rect.y() + y1 * sy))
        painter.setPen(QPen(QColor(255, 255, 255), 1.2))
        for (x, y), color in zip(overlay.points, overlay.point_colors):
            painter.setBrush(QBrush(qcolor(color)))
            painter.drawEllipse(QPointF(rect.x() + x * sx, rect.y() + y * sy), 3.5, 3.5)
    if overlay.legend and (options.masks or mask_only):
        _legend(painter, metrics, overlay.legend, legend_area)
    painter.restore()


def _tag(painter: QPainter, metrics: QFontMetricsF, box: QRectF, text: str, color: RGB, dashed: bool = False):
    """The class name on a tag above the box's top-left corner (inside it when that is off the
    pane's top); none for boxes too small on screen to carry one."""
    if not text or (box.width() < MIN_LABELLED and box.height() < MIN_LABELLED):
        return
    width, height = metrics.horizontalAdvance(text) + 6, metrics.height() + 2
    top = box.top() - height if box.top() - height >= 0 else box.top()
    tag = QRectF(box.left(), top, width, height)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(qcolor(color, 170 if dashed else 230)))
    painter.drawRect(tag)
    painter.setPen(qcolor(text_color(color)))
    painter.drawText(tag.adjusted(3, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)


def _legend(painter: QPainter, metrics: QFontMetricsF, legend, area: QRectF):
    """The mask's values in the bottom-left corner of the visible part of the pane."""
    line = metrics.height() + 2
    width = max(metrics.horizontalAdvance(name) for name, _ in legend) + line + 14
    height = line * len(legend) + 8
    box = QRectF(area.left() + 6, area.bottom() - height - 6, width, height)
    painter.save()
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
