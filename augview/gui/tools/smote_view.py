"""The SMOTE explorer: the figure teachers draw to explain SMOTE.

A small imbalanced 2-D data set, before and after oversampling: originals as dots, synthetic
samples as crosses, and each synthetic sample's segment (from its base sample to the neighbour it
was drawn towards). Sliders set k and the sampling ratio. The data are a few dozen points, so
resampling them is instant; no image pixels are involved.
"""

from __future__ import annotations

import re

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget
from superqt import QLabeledDoubleSlider, QLabeledSlider

from augview.multi.smote import SmoteResult, demo_data, smote

MAJORITY = QColor(70, 130, 200)
MINORITY = QColor(230, 120, 40)
SYNTHETIC = QColor(40, 160, 90)


def formula_text(text: str) -> str:
    """``text`` with no line break beside =, + or − ("k =" above "5.", "x +" above the rest):
    non-breaking spaces around them, in any language the text is in."""
    return re.sub(r" ([=+−]) ", "\u00a0\\1\u00a0", text)


class ScatterPlot(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.X = np.zeros((0, 2))
        self.y = np.zeros(0, int)
        self.result: SmoteResult | None = None
        self.setMinimumSize(420, 360)

    def set_data(self, X, y, result: SmoteResult | None):
        self.X, self.y, self.result = X, y, result
        self.update()

    def _mapper(self):
        points = self.X if self.result is None else self.result.X
        low, high = points.min(axis=0) - 0.3, points.max(axis=0) + 0.3
        area = QRectF(self.rect()).adjusted(30, 40, -20, -30)  # room for the legend

        def to_screen(p):
            x = area.left() + (p[0] - low[0]) / (high[0] - low[0]) * area.width()
            y = area.bottom() - (p[1] - low[1]) / (high[1] - low[1]) * area.height()
            return QPointF(x, y)

        return to_screen

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        if len(self.X) == 0:
            return
        to_screen = self._mapper()
        if self.result is not None and len(self.result.base):
            painter.setPen(QPen(QColor(40, 160, 90, 110), 1.2))
            for b, n in zip(self.result.base, self.result.neighbor):
                painter.drawLine(to_screen(self.X[b]), to_screen(self.X[n]))
        for point, label in zip(self.X, self.y):
            color = MINORITY if label == 1 else MAJORITY
            painter.setPen(QPen(color.darker(130), 1))
            painter.setBrush(color)
            painter.drawEllipse(to_screen(point), 4.5, 4.5)
        if self.result is not None:
            painter.setPen(QPen(SYNTHETIC, 2))
            for point in self.result.X[self.result.n_original:]:
                c = to_screen(point)
                painter.drawLine(c + QPointF(-4, -4), c + QPointF(4, 4))
                painter.drawLine(c + QPointF(-4, 4), c + QPointF(4, -4))
        self._legend(painter)
        painter.end()

    def _legend(self, painter):
        x, y = 40, 12
        for color, text, cross in ((MAJORITY, self.tr("majority"), False), (MINORITY, self.tr("minority"), False),
                                   (SYNTHETIC, self.tr("synthetic (SMOTE)"), True)):
            painter.setPen(QPen(color, 2))
            painter.setBrush(color)
            if cross:
                painter.drawLine(QPointF(x - 4, y - 4), QPointF(x + 4, y + 4))
                painter.drawLine(QPointF(x - 4, y + 4), QPointF(x + 4, y - 4))
            else:
                painter.drawEllipse(QPointF(x, y), 4, 4)
            painter.setPen(self.palette().text().color())
            painter.drawText(QPointF(x + 10, y + 4), text)
            x += 30 + painter.fontMetrics().horizontalAdvance(text)


class SmoteView(QWidget):
    """Scatter before/after SMOTE with k and sampling ratio sliders."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("SMOTE explorer — augview"))
        self.plot = ScatterPlot(self)
        self.k_slider = QLabeledSlider(Qt.Orientation.Horizontal)
        self.k_slider.setRange(1, 9)
        self.k_slider.setValue(5)
        self.ratio_slider = QLabeledDoubleSlider(Qt.Orientation.Horizontal)
        self.ratio_slider.setRange(0.2, 1.0)
        self.ratio_slider.setDecimals(2)
        self.ratio_slider.setValue(0.5)
        self.ratio_slider.setToolTip(self.tr("minority count after oversampling ÷ majority count"))
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 9999)
        self.info = QLabel()
        self.info.setWordWrap(True)
        explain = QLabel(formula_text(self.tr(
            "SMOTE makes new minority samples on the segments between a minority sample and one of "
            "its k nearest minority neighbours: x + u·(neighbour − x), u uniform in [0, 1). Each "
            "green segment is one such pair; each cross, one new sample.")))
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("k neighbours"), self.k_slider)
        form.addRow(self.tr("sampling ratio"), self.ratio_slider)
        form.addRow(self.tr("seed"), self.seed_spin)
        side = QVBoxLayout()
        side.addWidget(explain)
        side.addLayout(form)
        side.addWidget(self.info)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.plot, 1)
        panel = QWidget()
        panel.setLayout(side)
        panel.setFixedWidth(300)
        layout.addWidget(panel)
        for signal in (self.k_slider.valueChanged, self.ratio_slider.valueChanged, self.seed_spin.valueChanged):
            signal.connect(self.update_plot)
        self.X, self.y = demo_data()
        self.update_plot()

    def update_plot(self, *_):
        k = int(self.k_slider.value())
        ratio = float(self.ratio_slider.value())
        minority, majority = int((self.y == 1).sum()), int((self.y == 0).sum())
        if ratio * majority <= minority:
            result = None
            self.info.setText(self.tr("The minority already has {minority} of {majority} samples: nothing to add at "
                                      "this ratio.").format(minority=minority, majority=majority))
        else:
            result = smote(self.X, self.y, k_neighbors=k, sampling_strategy=ratio, seed=self.seed_spin.value())
            added = len(result.X) - result.n_original
            self.info.setText(formula_text(self.tr("{minority} minority and {majority} majority samples; SMOTE adds {added} "
                                                   "synthetic minority samples with k = {k}.").format(
                minority=minority, majority=majority, added=added, k=k)))
        self.result = result
        self.plot.set_data(self.X, self.y, result)
