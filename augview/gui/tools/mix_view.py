"""The mix view: two images A and B and what mixup, CutMix, SamplePairing or mosaic make of them,
with lambda and the label weights written under the result.

Lambda is either drawn from Beta(alpha, alpha) (as in training) or set by hand with a slider; the
plot beside the alpha slider shows the Beta(alpha, alpha) density, so a learner sees why a small
alpha gives mostly "almost A" or "almost B" and alpha = 1 gives anything in between. Mixing runs
in the background like every other pixel computation.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFileDialog, QFormLayout, QGridLayout, QHBoxLayout, QLabel, QPushButton,
    QSpinBox, QVBoxLayout, QWidget,
)
from superqt import QLabeledDoubleSlider

from augview.core import paths
from augview.core.imageio import load_image
from augview.errors import AugviewError
from augview.multi.mixing import beta_histogram, cutmix, mixup, mosaic, sample_pairing
from augview.gui.latest import LatestRequest
from augview.gui.widgets.folder_strip import list_images
from augview.gui.widgets.preview import Cell, ViewState
from augview.gui.render_worker import REROLL_MAX, BackgroundTasks, make_proxy, to_qimage

METHODS = ("mixup", "cutmix", "sample_pairing", "mosaic")


class Mix(NamedTuple):
    ticket: int


class ImageB(NamedTuple):
    path: str  # an image B being decoded


class PoolFolder(NamedTuple):
    folder: str  # a folder of B images being listed


def pool_images(folder: str) -> list[Path]:
    """The images of a folder of B images (on a worker: a large tree takes a while to walk);
    a folder that cannot be listed, or holds no image, is one sentence."""
    try:
        found = list_images(folder)
    except OSError as err:
        raise AugviewError(QCoreApplication.translate("MixView", "{folder}: cannot list the folder ({reason})").format(
            folder=folder, reason=err.strerror or err)) from None
    if not found:
        raise AugviewError(QCoreApplication.translate(
            "MixView", "{folder}: no images in it; B stays as it was").format(folder=folder))
    return found


class BetaPlot(QWidget):
    """The Beta(alpha, alpha) density, with the current lambda marked."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.alpha = 1.0
        self.lam: float | None = None
        self.setMinimumSize(220, 110)

    def set_values(self, alpha: float, lam: float | None):
        self.alpha, self.lam = alpha, lam
        self.update()

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        left, top, width, height = 8, 18, self.width() - 16, self.height() - 36
        shares = beta_histogram(self.alpha)
        tallest = max(float(shares.max()), 1e-9)
        bar = width / len(shares)
        painter.setPen(QPen(QColor(70, 130, 200), 1))
        painter.setBrush(QColor(70, 130, 200, 110))
        for i, share in enumerate(shares):
            h = share / tallest * height
            painter.drawRect(QRectF(left + i * bar, top + height - h, bar - 1, h))
        text = self.palette().text().color()
        painter.setPen(text)
        painter.drawText(QPointF(left, 13), self.tr("Beta({alpha}, {alpha}): how often each lambda is drawn").format(
            alpha=f"{self.alpha:.2f}"))
        painter.drawText(QPointF(left, self.height() - 4), "0")
        painter.drawText(QPointF(left + width - 8, self.height() - 4), "1")
        if self.lam is not None:
            x = left + self.lam * width
            painter.setPen(QPen(QColor(220, 80, 60), 2))
            painter.drawLine(QPointF(x, top), QPointF(x, top + height))
        painter.end()


class Mixed(NamedTuple):
    b: np.ndarray  # the image B used (picked from a folder, maybe)
    image: np.ndarray
    caption: str
    lam: float | None  # the share of A's pixels; None for a mosaic


def mix_images(method, a, b, extra, alpha, lam, seed) -> Mixed:
    """Runs on a worker thread: the mixed image and the caption to show under it."""
    if method == "mosaic":
        result = mosaic([a, b] + extra, seed=seed)
        # Four tiles from three pictures, A, B and the bundled coffee photo, in turn (one of them twice).
        names = ["A", "B"] + [QCoreApplication.translate("MixView", "the coffee photo")] * len(extra)
        sources = ", ".join(names[t.source] for t in result.tiles)
        return Mixed(b, result.image, QCoreApplication.translate("MixView", "mosaic 2×2, tiles from {sources}").format(
            sources=sources), None)
    if method == "sample_pairing":
        result = sample_pairing(a, b, 0, 1, num_classes=2)
    elif method == "mixup":
        result = mixup(a, b, 0, 1, alpha=alpha, lam=lam, num_classes=2, seed=seed)
    else:
        result = cutmix(a, b, 0, 1, alpha=alpha, lam=lam, num_classes=2, seed=seed)
    return Mixed(b, result.image, result.caption(), result.lam)


class MixView(QWidget):
    def __init__(self, image_a: np.ndarray | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mix images — augview"))
        self.a = make_proxy(image_a if image_a is not None else load_image(paths.SAMPLE_IMAGE), 512)
        self.b = make_proxy(load_image(paths.ASSETS / "chelsea.png"), 512)
        self.pool: list[Path] = []
        self.extra = [make_proxy(load_image(paths.ASSETS / "coffee.png"), 512)]
        self.tasks = BackgroundTasks(workers=1)
        self.tasks.done.connect(self._on_mixed)
        self.tasks.error.connect(self._on_error)
        self.requests = LatestRequest()

        self.method = QComboBox()
        self.method.addItems(METHODS)
        self.alpha = QLabeledDoubleSlider(Qt.Orientation.Horizontal)
        self.alpha.setRange(0.05, 4.0)
        self.alpha.setDecimals(2)
        self.alpha.setValue(1.0)
        self.fixed = QCheckBox(self.tr("set lambda by hand"))
        self.lam = QLabeledDoubleSlider(Qt.Orientation.Horizontal)
        self.lam.setRange(0.0, 1.0)
        self.lam.setDecimals(2)
        self.lam.setValue(0.5)
        self.lam.setEnabled(False)
        self.seed = QSpinBox()
        self.seed.setRange(0, REROLL_MAX)
        draw = QPushButton(self.tr("Draw again"))
        choose_b = QPushButton(self.tr("Choose B…"))
        choose_pool = QPushButton(self.tr("B from a folder…"))
        self.beta = BetaPlot()
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        font = self.caption.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.caption.setFont(font)

        form = QFormLayout()
        form.addRow(self.tr("method"), self.method)
        form.addRow("alpha", self.alpha)
        form.addRow("", self.fixed)
        form.addRow("lambda", self.lam)
        form.addRow(self.tr("seed"), self.seed)
        controls = QVBoxLayout()
        controls.addLayout(form)
        controls.addWidget(self.beta)
        buttons = QHBoxLayout()
        for button in (draw, choose_b, choose_pool):
            buttons.addWidget(button)
        controls.addLayout(buttons)
        controls.addWidget(self.caption)
        controls.addStretch(1)
        side = QWidget()
        side.setLayout(controls)
        side.setFixedWidth(340)

        self.view = ViewState()
        self.cells = [Cell(self.view) for _ in range(3)]
        grid = QGridLayout()
        grid.addWidget(self.cells[0], 0, 0)
        grid.addWidget(self.cells[1], 0, 1)
        grid.addWidget(self.cells[2], 1, 0, 1, 2)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 2)
        layout = QHBoxLayout(self)
        layout.addWidget(side)
        layout.addLayout(grid, 1)

        self.method.currentIndexChanged.connect(self.refresh)
        self.alpha.valueChanged.connect(self.refresh)
        self.lam.valueChanged.connect(self.refresh)
        self.fixed.toggled.connect(self._on_fixed)
        self.seed.valueChanged.connect(self.refresh)
        draw.clicked.connect(lambda: self.seed.setValue((self.seed.value() + 1) % (REROLL_MAX + 1)))
        choose_b.clicked.connect(self.choose_b)
        choose_pool.clicked.connect(self.choose_pool)
        self.refresh()

    def set_image_a(self, image: np.ndarray):
        self.a = make_proxy(image, 512)
        self.refresh()

    def set_image_b(self, image: np.ndarray):
        self.b = make_proxy(image, 512)
        self.pool = []  # one image B chosen: it replaces a folder chosen before
        self.refresh()

    def _on_fixed(self, fixed: bool):
        self.lam.setEnabled(fixed)
        self.refresh()

    def choose_b(self):
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Image B"), str(paths.ASSETS),
                                              self.tr("Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)"))
        if path:
            self.tasks.run(ImageB(path), lambda: make_proxy(load_image(path), 512))

    def choose_pool(self):
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of B images"))
        if folder:
            self.tasks.run(PoolFolder(folder), pool_images, folder)

    def refresh(self, *_):
        method = self.method.currentText()
        mixing_lambda = method in ("mixup", "cutmix")
        self.alpha.setEnabled(mixing_lambda)
        self.fixed.setEnabled(mixing_lambda)
        self.lam.setEnabled(mixing_lambda and self.fixed.isChecked())
        # How lambda is drawn (and where the one used lies): not for sample pairing or a mosaic,
        # which draw none.
        self.beta.setVisible(mixing_lambda)
        lam = float(self.lam.value()) if self.fixed.isChecked() else None
        seed = self.seed.value()
        b = self.b
        if self.pool:
            b = None  # picked from the pool on the worker, by seed
        request = Mix(self.requests.new())
        pool = list(self.pool)
        a, extra, alpha = self.a, self.extra, float(self.alpha.value())

        def work():
            other = b if b is not None else make_proxy(load_image(pool[seed % len(pool)]), 512)
            return mix_images(method, a, other, extra, alpha, lam, seed)

        self.tasks.run(request, work)
        self.beta.set_values(float(self.alpha.value()), lam)

    def _on_error(self, request, message: str):
        if isinstance(request, (ImageB, PoolFolder)) or self.requests.is_latest(request.ticket):
            self.caption.setText(message)

    def _on_mixed(self, request, result):
        if isinstance(request, ImageB):
            self.set_image_b(result)
            return
        if isinstance(request, PoolFolder):
            self.pool = result  # B is drawn from it by seed from now on
            self.refresh()
            return
        if not self.requests.is_latest(request.ticket):
            return  # a newer mix is on its way
        mixed: Mixed = result
        self.cells[0].set_content(to_qimage(self.a), self.tr("A (label 0)"))
        self.cells[1].set_content(to_qimage(mixed.b), self.tr("B (label 1)"))
        # What was drawn is said once, in large type beside the controls; the picture is named.
        self.cells[2].set_content(to_qimage(mixed.image), self.tr("result ({method})").format(
            method=self.method.currentText()))
        self.caption.setText(mixed.caption)
        if mixed.lam is not None and self.method.currentText() in ("mixup", "cutmix"):
            self.beta.set_values(float(self.alpha.value()), mixed.lam)
            if not self.fixed.isChecked():  # the (disabled) slider shows the lambda that was drawn
                self.lam.blockSignals(True)
                self.lam.setValue(float(mixed.lam))
                self.lam.blockSignals(False)
