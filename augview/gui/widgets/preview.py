"""Preview panes: the original and its variants, side by side or as a grid, with one shared zoom
and pan so every pane shows the same part of the picture.

The panes only paint QImages that the render worker already made, and the boxes, masks and
keypoints it computed (`overlay_painter`), at screen resolution; nothing here computes pixels.
"""

from __future__ import annotations

import math
from typing import Callable

from PySide6.QtCore import QObject, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from augview.gui.widgets.captions import cut_at_item
from augview.gui.widgets.overlay_painter import CellOverlay, OverlayState, paint_image_and_overlay

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.05, 64.0  # times the fit


class ViewState(QObject):
    """Zoom and pan shared by all panes. ``zoom`` is relative to each pane's fit (2.0: twice the
    size that fits), so panes of different pixel sizes (a 224 px crop beside a 6000 px photo)
    grow together; ``center`` is in image-relative units (0..1), so they show the same region."""

    changed = Signal()

    def __init__(self):
        super().__init__()
        self.fit = True
        self.zoom = 1.0
        self.center = QPointF(0.5, 0.5)

    def set_fit(self):
        self.fit = True
        self.center = QPointF(0.5, 0.5)
        self.changed.emit()

    def set_zoom(self, zoom: float, center: QPointF | None = None):
        self.fit = False
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        if center is not None:
            self.center = center
        self.changed.emit()

    def pan(self, dx: float, dy: float):
        # The middle of the panes stays over the picture: a drag can not lose it off-screen.
        x = min(1.0, max(0.0, self.center.x() - dx))
        y = min(1.0, max(0.0, self.center.y() - dy))
        self.center = QPointF(x, y)
        self.changed.emit()


class ImagePane(QWidget):
    """One image, drawn at the shared zoom; wheel zooms, drag pans, double-click fits."""

    painted = Signal()
    MINIMUM = (80, 40)  # pixels: 16 cells and the folder strip fit a 1280x720 screen

    def __init__(self, view: ViewState, parent=None, overlay_state: OverlayState | None = None):
        super().__init__(parent)
        self.view = view
        self.image: QImage | None = None
        self.overlay: CellOverlay | None = None
        self.overlay_state = overlay_state if overlay_state is not None else OverlayState()
        self.legend = True  # the mask's legend drawn over the picture (see `PreviewArea`)
        self._drag: QPointF | None = None
        self.setMinimumSize(*self.MINIMUM)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        view.changed.connect(self.update)
        self.overlay_state.changed.connect(self.update)

    def set_image(self, image: QImage | None, overlay: CellOverlay | None = None):
        if image is self.image and overlay is self.overlay:
            return  # the same picture (the original, render after render): nothing to paint
        self.image = image
        self.overlay = overlay
        self.update()

    def fit_scale(self) -> float:
        """The scale at which the whole image fits the pane."""
        if self.image is None or self.image.isNull():
            return 1.0
        return min(self.width() / self.image.width(), self.height() / self.image.height())

    def scale(self) -> float:
        return self.fit_scale() if self.view.fit else self.fit_scale() * self.view.zoom

    def target_rect(self) -> QRectF:
        scale = self.scale()
        w, h = self.image.width() * scale, self.image.height() * scale
        cx = self.width() / 2 - (self.view.center.x() - 0.5) * w
        cy = self.height() / 2 - (self.view.center.y() - 0.5) * h
        return QRectF(cx - w / 2, cy - h / 2, w, h)

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.fillRect(self.rect(), pane_grey(self))
        if self.image is not None and not self.image.isNull():
            smooth = self.scale() < 1.0  # enlarged pixels stay crisp, so they can be inspected
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
            paint_image_and_overlay(painter, self.target_rect(), self.image, self.overlay,
                                    self.overlay_state.options, QRectF(self.rect()), self.legend)
        else:
            painter.setPen(QColor(150, 150, 150))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("rendering…"))
        painter.end()
        self.painted.emit()

    def wheelEvent(self, event):
        if self.image is None:
            return
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.view.set_zoom((1.0 if self.view.fit else self.view.zoom) * (ZOOM_STEP ** steps))

    def mousePressEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event):
        if self._drag is None or self.image is None:
            return
        delta = event.position() - self._drag
        self._drag = event.position()
        rect = self.target_rect()
        if self.view.fit:
            self.view.set_zoom(1.0)  # the fit, now pannable
        self.view.pan(delta.x() / rect.width(), delta.y() / rect.height())

    def mouseReleaseEvent(self, event):
        self._drag = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def mouseDoubleClickEvent(self, event):
        self.view.set_fit()


class Cell(QWidget):
    """A pane with its caption (what the variant drew; the full trace in the tooltip)."""

    def __init__(self, view: ViewState, parent=None, overlay_state: OverlayState | None = None):
        super().__init__(parent)
        self.full_caption = ""
        self.pane = ImagePane(view, self, overlay_state)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(3)
        layout.addWidget(self.pane, 1)
        layout.addWidget(self.caption)

    CAPTION_LINES = 3

    def set_content(self, image: QImage | None, caption: str, tooltip: str = "", overlay: CellOverlay | None = None):
        self.pane.set_image(image, overlay)
        if caption != self.full_caption:
            self.full_caption = caption
            self.fit_caption()
        self.caption.setToolTip(tooltip or caption)

    def fit_caption(self):
        """At most `CAPTION_LINES` lines, the same height in every cell (so the panes line up and
        keep one scale); the rest is elided and the whole text is in the tooltip."""
        metrics = self.caption.fontMetrics()
        # Lines of Chinese come from a fallback font whose lines can be taller than the interface
        # font's: measure three lines holding both, so a third line of either script fits.
        sample = "\n".join(["Åg国"] * self.CAPTION_LINES)
        height = max(metrics.lineSpacing() * self.CAPTION_LINES,
                     metrics.boundingRect(QRect(0, 0, 1000, 1000), 0, sample).height())
        self.caption.setFixedHeight(height + 2)
        text = self.full_caption
        width = max(40, self.caption.width() - 2 * self.caption.margin())
        wrap = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)

        def fits(candidate: str) -> bool:
            # Measured as the label lays it out (word wrap, any script), not estimated per character;
            # a word wider than the cell (an op's name in a narrow one) does not wrap: the label
            # would clip it without an ellipsis, so its width counts too.
            laid = metrics.boundingRect(QRect(0, 0, width, 100 * height), wrap, candidate)
            return laid.height() <= height and laid.width() <= width + 1  # (a glyph's pixel of overhang)

        # No more characters fit than three lines of the narrowest one: a longer caption (a long
        # preset's) is searched within that, not laid out whole a dozen times.
        narrowest = min(metrics.horizontalAdvance(c) for c in "il.,:;'| ")
        most = self.CAPTION_LINES * (width // max(1, narrowest) + 1)
        if len(text) > most or not fits(text):
            # The longest cut (at a whole step, see `cut_at_item`) that fits: binary search.
            low, high = 0, min(len(text) - 1, most)
            while low < high:
                middle = (low + high + 1) // 2
                low, high = (middle, high) if fits(cut_at_item(text, middle)) else (low, middle - 1)
            text = cut_at_item(text, low)
        self.caption.setText(text)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.fit_caption()


def pane_grey(widget: QWidget) -> QColor:
    """The background of every pane that shows pictures: a grey a little darker than a text
    field's, so that white photos keep their edges (and one grey for every window)."""
    return widget.palette().color(QPalette.ColorRole.Base).darker(115)


def preview_columns(count: int) -> int:
    """A grid without a shape to fit: 2 columns up to 4 cells, 3 up to 9, then 4."""
    return 2 if count <= 4 else (3 if count <= 9 else 4)


def best_columns(count: int, width: float, height: float, aspect: float, caption: float,
                 smallest: tuple[float, float] = (0.0, 0.0)) -> int | None:
    """How many columns show ``count`` pictures of width/height ``aspect`` largest in a
    ``width`` x ``height`` area, each cell losing ``caption`` pixels of height to its caption.
    Of the grids within 15% of the largest pictures, the one with the fewest columns: its
    wider cells give each caption longer lines for what the variant drew. Only grids whose cells
    keep their ``smallest`` (width, height) are taken, so a grid never makes the area (and the
    window) larger; None when none does."""
    sizes = {}
    for columns in range(1, max(1, count) + 1):
        rows = max(1, math.ceil(count / columns))  # (no cells yet: one empty row)
        if columns * smallest[0] > width or rows * smallest[1] > height:
            continue
        sizes[columns] = min(width / columns / aspect, height / rows - caption)  # a picture's height
    if not sizes:
        return None
    largest = max(sizes.values())
    return min(columns for columns, size in sizes.items() if size >= largest - abs(largest) * 0.15)


class PreviewArea(QWidget):
    """Cells in a grid, sharing one zoom and pan: the main window's original and variants, the
    presentation's slides, the sweep's values. ``columns`` gives the number of columns for a
    number of cells. ``overlay_state``: which targets the cells draw (shared with the window's
    toggles; a new one, everything on, if not given)."""

    painted = Signal()

    def __init__(self, parent=None, columns: Callable[[int], int] = preview_columns,
                 overlay_state: OverlayState | None = None, fit: Callable[[], float] | None = None,
                 legend: bool = True):
        super().__init__(parent)
        # ``legend`` False: the mask's legend is shown elsewhere (the main window's LegendBar),
        # not over the pictures.
        self.legend = legend
        self.view = ViewState()
        self.overlay_state = overlay_state if overlay_state is not None else OverlayState()
        self.cells: list[Cell] = []
        self.columns = columns
        # ``fit``: the pictures' width/height; the grid then takes the columns that show them
        # largest in the area (`best_columns`), again whenever the area changes shape: a fixed
        # number of columns left a wide window's pictures small between wide grey margins.
        self.fit = None
        self.columns_shown = 0
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.setSpacing(6)
        if fit is not None:
            self.fit_to(fit)

    def fit_to(self, aspect: Callable[[], float]) -> None:
        """Lay the cells out in the grid that shows pictures of ``aspect()`` largest. The area
        then asks for no minimum of its own: the grid's minimum (its columns times a cell's) would
        become the window's, and a window could never be made narrower than the grid it has; the
        grid follows the area instead (`lay_out_again` on every resize, `refit` for a new photo)."""
        self.fit = aspect
        self.setMinimumSize(1, 1)

    def grid_columns(self, count: int) -> int:
        if self.fit is None:
            return self.columns(count)
        if count == 2:
            return 2  # the original and one variant: side by side, whatever the area's shape
        caption = self.fontMetrics().lineSpacing() * Cell.CAPTION_LINES + 12
        margins = self._layout.contentsMargins()
        spacing = self._layout.spacing()
        # A cell is never smaller than its pane's minimum and its caption (see `Cell`).
        smallest = (ImagePane.MINIMUM[0] + 4 + spacing, ImagePane.MINIMUM[1] + caption + spacing)
        width = self.width() - margins.left() - margins.right()
        fitted = best_columns(count, width, self.height() - margins.top() - margins.bottom(), max(0.05, self.fit()),
                              caption, smallest)
        if fitted is None:  # too small for every grid: as many columns as fit across (the rows then overflow)
            fitted = max(1, min(count, int(width // smallest[0])))
        return fitted

    def ensure_cells(self, count: int):
        if len(self.cells) == count:
            return
        while self.cells:
            cell = self.cells.pop()
            self._layout.removeWidget(cell)
            cell.deleteLater()
        for i in range(count):
            cell = Cell(self.view, self, self.overlay_state)
            cell.pane.legend = self.legend
            cell.pane.painted.connect(self.painted)
            self.cells.append(cell)
        self._place(self.grid_columns(count))

    def _place(self, columns: int):
        """The cells in reading order on a grid of ``columns``."""
        count = len(self.cells)
        rows = (count + columns - 1) // columns
        for cell in self.cells:
            self._layout.removeWidget(cell)
        # Rows and columns used before keep a stretch of 0, so the new ones share the space.
        for r in range(max(rows, self._layout.rowCount())):
            self._layout.setRowStretch(r, 1 if r < rows else 0)
        for c in range(max(columns, self._layout.columnCount())):
            self._layout.setColumnStretch(c, 1 if c < columns else 0)
        for i, cell in enumerate(self.cells):
            self._layout.addWidget(cell, i // columns, i % columns)
        self.columns_shown = columns

    def refit(self):
        """Lay the cells out again if another grid now shows the pictures larger."""
        if self.fit is not None:
            self.lay_out_again()

    def lay_out_again(self):
        """Ask ``columns`` again for the cells there are, and move them if the grid changed;
        what they show stays."""
        if self.cells:
            columns = self.grid_columns(len(self.cells))
            if columns != self.columns_shown:
                self._place(columns)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.lay_out_again()  # a grid fitted to the area's shape may have changed with it

    def show_images(self, images: list[QImage | None], captions: list[str], tooltips: list[str],
                    overlays: list[CellOverlay | None] | None = None):
        self.ensure_cells(len(images))
        overlays = overlays if overlays is not None else [None] * len(images)
        for cell, image, caption, tip, overlay in zip(self.cells, images, captions, tooltips, overlays):
            cell.set_content(image, caption, tip, overlay)
