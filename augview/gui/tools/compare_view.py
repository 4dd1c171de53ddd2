"""Compare: two cells of the main window (the original and variant #1 to begin with, any two
chosen in the A and B lists), three ways.

- wipe: both images in the same place, a divider the person drags across (A on the left, B on
  the right): the eye catches a shift or a colour change at the seam;
- difference: |A − B| amplified by a gain, black where nothing changed; images of different sizes
  (a crop, a pad) are compared at a common size: B is resized to A's;
- histograms: per channel (R, G, B, or grey), the original as a filled area and the augmented as a
  line: brightness moves the curve, contrast stretches it, equalisation flattens it.

The numbers come from `augview.analysis.compare`: while this window is open, the main window's
render worker computes them with each render (`show_rendered`); otherwise, and for a new gain,
`BackgroundTasks` does. Painting only draws finished data.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget,
)
from superqt import QElidingLabel, QLabeledSlider

from augview.analysis.compare import Comparison, Difference, Histograms, difference, histograms, plot_top, shares
from augview.core.images import check_image
from augview.gui.widgets.preview import Cell, ViewState, pane_grey
from augview.gui.latest import LatestRequest
from augview.gui.render_worker import BackgroundTasks, to_qimage

MODES = (("wipe", QT_TRANSLATE_NOOP("CompareView", "Wipe")),
         ("difference", QT_TRANSLATE_NOOP("CompareView", "Difference")),
         ("histogram", QT_TRANSLATE_NOOP("CompareView", "Histograms")))
class HistogramRequest(NamedTuple):
    ticket: int


class DifferenceRequest(NamedTuple):
    ticket: int
    gain: int


CHANNEL_COLORS = {"R": QColor(220, 60, 50), "G": QColor(50, 170, 70), "B": QColor(60, 110, 220),
                  "grey": QColor(150, 150, 150)}


class CompareCell(NamedTuple):
    """One image the window can compare: its short name ("original", "#1 seed 0"; the choices and
    the tags on the picture), its pixels, its QImage when made already, and what it drew (the
    title's longer label)."""

    name: str
    array: np.ndarray
    image: QImage | None = None
    summary: str = ""


class WipeWidget(QWidget):
    """Both images fitted into the same place; left of the divider the original, right of it the
    augmented. Drag (or click) to move the divider; the arrow keys nudge it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.original: QImage | None = None
        self.augmented: QImage | None = None
        self.position = 0.5  # of the widget's width
        self.labels = (self.tr("original"), self.tr("augmented"))  # the tags over either side
        self.setMinimumSize(200, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.SplitHCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_images(self, original: QImage, augmented: QImage):
        self.original, self.augmented = original, augmented
        self.update()

    def set_position(self, fraction: float):
        self.position = min(1.0, max(0.0, fraction))
        self.update()

    def fitted(self, image: QImage) -> QRectF:
        scale = min(self.width() / image.width(), self.height() / image.height())
        w, h = image.width() * scale, image.height() * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.fillRect(self.rect(), pane_grey(self))  # as in Difference and every other pane
        if self.original is None or self.augmented is None:
            painter.end()
            return
        x = self.position * self.width()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        # Both in the first one's rectangle: at a common size, so the seam lines up.
        target = self.fitted(self.original)
        for image, clip in ((self.original, QRectF(0, 0, x, self.height())),
                            (self.augmented, QRectF(x, 0, self.width() - x, self.height()))):
            painter.save()
            painter.setClipRect(clip)
            painter.drawImage(target, image)
            painter.restore()
        painter.setPen(QPen(QColor(255, 255, 255), 2))
        painter.drawLine(QPointF(x, 0), QPointF(x, self.height()))
        painter.setBrush(QColor(255, 255, 255))
        painter.drawEllipse(QPointF(x, self.height() / 2), 6, 6)
        self._tag(painter, self.labels[0], 8, Qt.AlignmentFlag.AlignLeft)
        self._tag(painter, self.labels[1], self.width() - 8, Qt.AlignmentFlag.AlignRight)
        painter.end()

    def _tag(self, painter, text, x, align):
        metrics = painter.fontMetrics()
        w, h = metrics.horizontalAdvance(text) + 10, metrics.height() + 4
        rect = QRectF(x - w if align == Qt.AlignmentFlag.AlignRight else x, 8, w, h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 150))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(QColor(255, 255, 255))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def mousePressEvent(self, event):
        self.set_position(event.position().x() / max(1, self.width()))

    def mouseMoveEvent(self, event):
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.set_position(event.position().x() / max(1, self.width()))

    def keyPressEvent(self, event):
        step = {Qt.Key.Key_Left: -0.02, Qt.Key.Key_Right: 0.02}.get(event.key())
        if step is None:
            super().keyPressEvent(event)
        else:
            self.set_position(self.position + step)


class HistogramPlot(QWidget):
    """One band per channel: the original as a filled area, the augmented as a line, each as the
    share of its own image's pixels."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.data: Histograms | None = None
        self.setMinimumSize(360, 260)

    def set_data(self, data: Histograms | None):
        self.data = data
        self.update()

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        text = self.palette().text().color()
        if self.data is None:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("computing…"))
            painter.end()
            return
        names = self.data.channels
        legend_h, left, right = 28, 12, 12
        band = (self.height() - legend_h - 8) / len(names)
        width = self.width() - left - right
        for i, name in enumerate(names):
            top = legend_h + i * band
            area = QRectF(left, top + 18, width, band - 36)
            self._band(painter, area, i, name, text)
        self._legend(painter, text)
        painter.end()

    def _band(self, painter, area: QRectF, index: int, name: str, text: QColor):
        color = CHANNEL_COLORS[name]
        original, augmented = shares(self.data.original[index]), shares(self.data.augmented[index])
        top, clipped = plot_top(original, augmented)

        def path(values, closed):
            p = QPainterPath(QPointF(area.left(), area.bottom()))
            for x, v in enumerate(values):
                p.lineTo(area.left() + (x + 0.5) / 256 * area.width(),
                         area.bottom() - min(v / top, 1.0) * area.height())
            if closed:
                p.lineTo(area.right(), area.bottom())
                p.closeSubpath()
            return p

        painter.setPen(QPen(QColor(text.red(), text.green(), text.blue(), 60), 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        fill = QColor(color)
        fill.setAlpha(80)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawPath(path(original, True))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(color.darker(140), 1.6))
        painter.drawPath(path(augmented, False))
        painter.setPen(text)
        means = self.data.original_mean[index], self.data.augmented_mean[index]
        label = self.tr("{channel}   mean {before} → {after}").format(
            channel=self.tr("grey") if name == "grey" else name, before=f"{means[0]:.1f}", after=f"{means[1]:.1f}")
        if clipped:
            label += "   " + self.tr("(tallest bins cut off)")
        painter.drawText(QPointF(area.left(), area.top() - 5), label)
        for value in (0, 128, 255):
            x = area.left() + (value + 0.5) / 256 * area.width()
            painter.drawText(QRectF(x - 20, area.bottom() + 1, 40, 16), Qt.AlignmentFlag.AlignCenter, str(value))

    def _legend(self, painter, text: QColor):
        x, y = 14, 10
        grey = QColor(120, 120, 120)
        fill = QColor(grey)
        fill.setAlpha(80)
        painter.fillRect(QRectF(x, y, 22, 10), fill)
        painter.setPen(text)
        filled = self.tr("original (filled)")
        painter.drawText(QPointF(x + 28, y + 10), filled)
        x += 40 + painter.fontMetrics().horizontalAdvance(filled)
        painter.setPen(QPen(grey.darker(140), 2))
        painter.drawLine(QPointF(x, y + 5), QPointF(x + 22, y + 5))
        painter.setPen(text)
        line = self.tr("augmented (line)")
        painter.drawText(QPointF(x + 28, y + 10), line)
        x += 40 + painter.fontMetrics().horizontalAdvance(line)
        painter.setPen(grey)
        painter.drawText(QPointF(x, y + 10), self.tr("height: share of each image's pixels"))


class CompareView(QWidget):
    def __init__(self, original: np.ndarray, augmented: np.ndarray, title: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare — augview"))
        self.tasks = BackgroundTasks(workers=2)
        self.tasks.done.connect(self._on_done)
        self.tasks.error.connect(self._on_error)
        self.requests = LatestRequest()  # one ticket per pair of images shown
        self.difference: Difference | None = None
        self.histograms: Histograms | None = None

        self.cells: list[CompareCell] = []
        self.comparison: Comparison | None = None  # of cells 0 and 1, from the render worker
        self.a_box, self.b_box = QComboBox(), QComboBox()
        self.a_box.setToolTip(self.tr("A: the left of the wipe, the reference of the difference"))
        self.b_box.setToolTip(self.tr("B: compared with A, resized to A's size when they differ"))
        self.mode_box = QComboBox()
        for key, text in MODES:
            self.mode_box.addItem(self.tr(text), key)
        self.gain = QLabeledSlider(Qt.Orientation.Horizontal)
        self.gain.setRange(1, 32)
        self.gain.setValue(4)
        self.gain.setToolTip(self.tr("difference × gain (1 = true difference)"))
        self.gain_label = QLabel(self.tr("gain"))
        # Ends in "…" when the window is narrow (the whole title is its tooltip), never mid-letter.
        self.title_label = QElidingLabel()
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.info = QLabel()
        self.info.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("A"))
        bar.addWidget(self.a_box)
        bar.addWidget(QLabel("B"))
        bar.addWidget(self.b_box)
        bar.addWidget(self.mode_box)
        bar.addWidget(self.gain_label)
        bar.addWidget(self.gain, 1)
        bar.addSpacing(16)  # apart from the gain's value, which it would seem to continue
        bar.addWidget(self.title_label, 2)

        self.wipe = WipeWidget()
        self.view = ViewState()
        self.diff_cell = Cell(self.view)
        self.diff_page = QWidget()
        diff_layout = QHBoxLayout(self.diff_page)
        diff_layout.setContentsMargins(0, 0, 0, 0)
        diff_layout.addWidget(self.diff_cell)
        self.plot = HistogramPlot()
        self.stack = QStackedWidget()
        for page in (self.wipe, self.diff_page, self.plot):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.info)

        self.mode_box.currentIndexChanged.connect(lambda *_: self._on_mode())
        self.gain.valueChanged.connect(lambda *_: self._request_diff())
        for box in (self.a_box, self.b_box):
            box.currentIndexChanged.connect(lambda *_: self._show_picked())
        self.set_cells([CompareCell(self.tr("original"), original), CompareCell(self.tr("augmented"), augmented)])
        if title:
            self.title_label.setText(title)
        self._on_mode()

    def set_images(self, original: np.ndarray, augmented: np.ndarray, title: str = "",
                   shown: tuple[QImage, QImage] | None = None, comparison: Comparison | None = None):
        """Compare ``original`` with ``augmented``. ``shown``: the two as QImages already made;
        ``comparison``: their numbers already computed (both by the main window's render worker);
        what is not given is made here, the numbers in the background."""
        check_image(original)
        check_image(augmented)
        self.original, self.augmented = original, augmented
        self.title_label.setText(title)
        self.title_label.setToolTip(title)
        self.shown = shown or (to_qimage(original), to_qimage(augmented))
        self.wipe.set_images(*self.shown)
        ticket = self.requests.new()
        self.difference = self.histograms = None
        self.plot.set_data(None)
        if comparison is None:
            self.tasks.run(HistogramRequest(ticket), histograms, original, augmented)
        else:
            self._show_histograms(comparison.histograms)
        if comparison is None or comparison.difference.gain != self.gain.value():
            self._request_diff()
        else:
            self._show_difference(comparison.difference)
        self._update_info()

    def show_rendered(self, output) -> None:
        """The cells of a main-window render (a `RenderOutput`): the original and its variants,
        with what its worker computed for the original and variant #1."""
        cells = [CompareCell(self.tr("original"), output.original_array, output.original)]
        for number, (result, image) in enumerate(zip(output.results, output.images), 1):
            cells.append(CompareCell(self.tr("#{number} seed {seed}").format(number=number, seed=result.seed),
                                     result.image, image, result.summary))
        self.set_cells(cells, output.comparison)

    def set_cells(self, cells: list[CompareCell], comparison: Comparison | None = None) -> None:
        """The images A and B are chosen from; the choice stays while it still exists (else the
        first two). ``comparison``: the numbers of cells 0 and 1, when already computed."""
        picks = (self.a_box.currentIndex(), self.b_box.currentIndex()) if self.cells else (0, 1)
        if not all(0 <= pick < len(cells) for pick in picks):
            picks = (0, min(1, len(cells) - 1))
        self.cells, self.comparison = list(cells), comparison
        for box, pick in zip((self.a_box, self.b_box), picks):
            box.blockSignals(True)
            box.clear()
            for cell in cells:
                box.addItem(cell.name, self._label(cell))
            box.setCurrentIndex(pick)
            box.blockSignals(False)
        self._show_picked()

    def pick(self, a: int, b: int) -> None:
        """Compare cell ``a`` (0: the original) with cell ``b``."""
        for box, index in ((self.a_box, a), (self.b_box, b)):
            box.blockSignals(True)
            box.setCurrentIndex(index)
            box.blockSignals(False)
        self._show_picked()

    def _show_picked(self):
        a, b = self.a_box.currentIndex(), self.b_box.currentIndex()
        if not (0 <= a < len(self.cells) and 0 <= b < len(self.cells)):
            return
        first, second = self.cells[a], self.cells[b]
        shown = (first.image, second.image) if first.image is not None and second.image is not None else None
        title = self.tr("A: {a}   B: {b}").format(a=self._label(first), b=self._label(second))
        self.wipe.labels = (f"A: {first.name}", f"B: {second.name}")
        self.set_images(first.array, second.array, title, shown, self.comparison if (a, b) == (0, 1) else None)

    def _label(self, cell: CompareCell) -> str:
        """A cell's name and, when it has one, what it drew."""
        return self.tr("{name}: {summary}").format(name=cell.name, summary=cell.summary) if cell.summary else cell.name

    def wanted_gain(self) -> int | None:
        """The gain a render worker should compute the difference with: None while closed."""
        return self.gain.value() if self.isVisible() else None

    def mode(self) -> str:
        return self.mode_box.currentData()

    def set_mode(self, mode: str):
        self.mode_box.setCurrentIndex(self.mode_box.findData(mode))

    def _on_mode(self):
        mode = self.mode()
        self.stack.setCurrentIndex([key for key, _ in MODES].index(mode))
        self.gain.setVisible(mode == "difference")
        self.gain_label.setVisible(mode == "difference")
        self._update_info()

    def _request_diff(self):
        self.tasks.run(DifferenceRequest(self.requests.ticket, self.gain.value()), difference,
                       self.original, self.augmented, float(self.gain.value()))

    def _on_done(self, request, result):
        if not self.requests.is_latest(request.ticket):
            return  # for images no longer shown
        if isinstance(request, HistogramRequest):
            self._show_histograms(result)
        elif request.gain == self.gain.value():
            self._show_difference(result)
        self._update_info()

    def _on_error(self, request, message: str):
        if self.requests.is_latest(request.ticket):
            self.info.setText(message)

    def _show_histograms(self, data: Histograms):
        self.histograms = data
        self.plot.set_data(data)

    def _show_difference(self, diff: Difference):
        self.difference = diff
        caption = self.tr("|A − B| × {gain}: mean {mean}, max {max}, {changed}% of pixels changed")
        caption = caption.format(gain=self.gain.value(), mean=f"{diff.mean:.2f}", max=diff.max,
                                 changed=f"{diff.changed * 100:.1f}")
        self.diff_cell.set_content(to_qimage(diff.image), caption)

    def _update_info(self):
        mode = self.mode()
        (h1, w1), (h2, w2) = self.original.shape[:2], self.augmented.shape[:2]
        resized = "" if (h1, w1) == (h2, w2) else " " + self.tr(
            "B ({width}×{height}) is shown at A's size, {a_width}×{a_height}, to compare them.").format(
            width=w2, height=h2, a_width=w1, a_height=h1)
        if mode == "wipe":
            text = self.tr("Drag across the image: left of the line is A, right of it B.") + resized
        elif mode == "difference":
            if self.difference is None:
                text = self.tr("computing…")
            else:
                text = self.tr("Black where nothing changed; brighter where more changed "
                               "(raise the gain to see small changes).") + resized
        else:
            text = self.tr("Per-channel histograms: the share of each image's pixels at each value, 0 (dark) to "
                           "255 (bright); a crop and its original compare by tone, not by size.")
        self.info.setText(text)
