"""Test-time crops: the views a model is evaluated on (`augview.tta`), drawn as boxes on the
image beside the crops themselves, for a chosen mode (ten crops, five crops, flips, centre) and
size, with the torchvision code that makes the same views one click away.

The views are cut from the full-resolution photo (sizes are network input sizes, in its pixels);
optionally its shorter side is first resized, as the classic recipe does (256, then 224 crops).
The resize, the crops and the two pictures are made on a worker (a resize of a 40-megapixel
photo takes seconds); only the newest request's answer is shown. The resize is refused past
`tta.MAX_RESIZED_PIXELS` (a thin strip of a photo at "shorter side 256" would otherwise become
gigabytes).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpinBox, QSplitter, QVBoxLayout, QWidget,
)

from augview import tta
from augview.analysis.grid import compose_grid
from augview.core import paths
from augview.core.imageio import load_image
from augview.errors import AugviewError
from augview.gui.latest import LatestRequest
from augview.gui.render_worker import BackgroundTasks, make_proxy, to_qimage
from augview.gui.widgets.preview import pane_grey


class ViewsAnswer(NamedTuple):
    views: list
    boxes: np.ndarray  # the photo (as the model gets it) with the views outlined, display-sized
    grid: np.ndarray | None  # the crops, one framed cell each
    shape: tuple  # of the photo as the model gets it
    problem: str = ""  # why there are no views (a crop that does not fit, a resize too large)


def compute_views(source: np.ndarray, side: int, size: tuple, mode: str, vertical: bool) -> ViewsAnswer:
    """Runs on a worker: the views of ``source`` (its shorter side resized to ``side`` first,
    unless 0), the picture of their boxes and the sheet of the crops."""
    try:
        image = tta.resize_shorter(source, side) if side else source
    except AugviewError as err:  # a resize to more pixels than is sensible: said, nothing drawn
        return ViewsAnswer([], make_proxy(source, 1024), None, source.shape[:2], str(err))
    try:
        views = tta.views(image.shape, size, mode, vertical)
    except AugviewError as err:
        return ViewsAnswer([], make_proxy(image, 1024), None, image.shape[:2], str(err))
    crops = [tta.crop(image, view) for view in views]
    titles = [f"#{i + 1} {view.label()}" for i, view in enumerate(views)]
    columns = 5 if len(crops) == 10 else min(len(crops), 3)
    # Each view framed in the colour of its box on the left; captions large enough to read once
    # the sheet is shrunk into the window.
    grid = compose_grid(crops, titles, cell=224, columns=columns, text_size=18,
                        frames=[tta.COLOURS[view.position] for view in views])
    return ViewsAnswer(views, make_proxy(tta.draw_views(image, views), 1024), grid, image.shape[:2])


class FitImage(QWidget):
    """An image scaled to fit the widget, aspect ratio kept, centred."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.image = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 200)

    def set_array(self, array: np.ndarray | None):
        self.image = None if array is None else to_qimage(array)
        self.update()

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.fillRect(self.rect(), pane_grey(self))  # the previews' background, not white
        if self.image is not None and not self.image.isNull():
            scale = min(self.width() / self.image.width(), self.height() / self.image.height())
            w, h = self.image.width() * scale, self.image.height() * scale
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h), self.image)
        painter.end()


class TtaView(QWidget):
    def __init__(self, image: np.ndarray | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Test-time crops — augview"))
        self.source = image if image is not None else load_image(paths.SAMPLE_IMAGE)

        self.mode = QComboBox()
        for mode, text in (("ten_crop", self.tr("Ten crops: four corners, centre, and their mirrors")),
                           ("five_crop", self.tr("Five crops: four corners and centre")),
                           ("flips", self.tr("Flips: centre crop and its mirror")),
                           ("center", self.tr("Centre crop only"))):
            self.mode.addItem(text, mode)
        # The longest mode's name set the window's narrowest width: it may shorten, with the whole
        # name in the open list.
        self.mode.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.mode.setMinimumContentsLength(18)
        self.crop_h, self.crop_w, self.shorter_side = QSpinBox(), QSpinBox(), QSpinBox()
        for spin in (self.crop_h, self.crop_w, self.shorter_side):
            spin.setRange(1, 8192)
            spin.setSuffix(" px")
        self.crop_h.setValue(224)
        self.crop_w.setValue(224)
        self.shorter_side.setRange(0, 8192)
        self.shorter_side.setValue(256)
        self.shorter_side.setSpecialValueText(self.tr("no resize"))
        self.shorter_side.setToolTip(self.tr("resize the shorter side to this length first (0: use the photo as it is)"))
        self.vertical = QCheckBox(self.tr("mirror top to bottom"))
        copy = QPushButton(self.tr("Copy torchvision code"))
        copy.clicked.connect(self.copy_code)

        # Two rows: in one, the controls made the window wider than a small screen.
        views = QHBoxLayout()
        views.addWidget(self.mode, 1)
        views.addWidget(self.vertical)
        views.addWidget(copy)
        sizes = QHBoxLayout()
        for text, spin in ((self.tr("shorter side"), self.shorter_side), (self.tr("crop height"), self.crop_h),
                           (self.tr("width"), self.crop_w)):
            sizes.addWidget(QLabel(text))
            sizes.addWidget(spin)
        sizes.addStretch(1)

        self.explanation = QLabel(self.tr(
            "At test time the model sees each view and its answers are averaged. The boxes show where "
            "each view comes from; augview.tta maps a view's dense prediction or boxes back to the image."))
        self.explanation.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.boxes, self.grid = FitImage(), FitImage()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.boxes)
        split.addWidget(self.grid)
        split.setSizes([400, 800])

        layout = QVBoxLayout(self)
        layout.addLayout(views)
        layout.addLayout(sizes)
        layout.addWidget(self.explanation)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

        self.mode.currentIndexChanged.connect(self.refresh)
        for spin in (self.crop_h, self.crop_w, self.shorter_side):
            spin.valueChanged.connect(self.refresh)
        self.vertical.toggled.connect(self.refresh)
        self.views: list[tta.View] = []
        self.tasks = BackgroundTasks(workers=1)
        self.tasks.done.connect(self._on_done)
        self.tasks.error.connect(self._on_error)
        self.requests = LatestRequest()
        self.computed = 0  # answers shown so far (tests wait on it)
        self.refresh()

    def set_image(self, image: np.ndarray | None):
        if image is not None:
            self.source = image
            self.refresh()

    def current_mode(self) -> str:
        return self.mode.currentData()

    def input_image(self) -> np.ndarray:
        """The photo as the model would get it: its shorter side resized first, if asked."""
        side = self.shorter_side.value()
        return tta.resize_shorter(self.source, side) if side else self.source

    def refresh(self):
        self.status.setText(self.tr("computing…"))
        self.tasks.run(self.requests.new(), compute_views, self.source, self.shorter_side.value(),
                       (self.crop_h.value(), self.crop_w.value()), self.current_mode(), self.vertical.isChecked())

    def _on_done(self, ticket: int, answer: "ViewsAnswer"):
        if not self.requests.is_latest(ticket):
            return  # the controls moved on meanwhile
        self.views = answer.views
        self.boxes.set_array(answer.boxes)
        self.grid.set_array(answer.grid)
        if answer.problem:
            self.status.setText(answer.problem)
        else:
            height, width = answer.shape
            self.status.setText(self.tr("{count} views of {height}x{width} pixels from a {image_h}x{image_w} image").format(
                count=len(self.views), height=self.crop_h.value(), width=self.crop_w.value(),
                image_h=height, image_w=width))
        self.computed += 1

    def _on_error(self, ticket: int, message: str):
        if self.requests.is_latest(ticket):
            self.views = []
            self.status.setText(message)
            self.computed += 1

    def torchvision_code(self) -> str:
        return tta.torchvision_code((self.crop_h.value(), self.crop_w.value()), self.current_mode(),
                                    self.vertical.isChecked(), resize=self.shorter_side.value() or None)

    def copy_code(self):
        QGuiApplication.clipboard().setText(self.torchvision_code())
        self.status.setText(self.tr("torchvision code copied to the clipboard"))
