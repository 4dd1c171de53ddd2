"""A slider that moves through a parameter's declared scale, for the specs with ``scale="log"``.

superqt's labelled sliders are linear: the slider position is the value. Here the position is a
fraction of the slider (0..1, in `POSITIONS` steps) mapped through `ParamSpec.slider_value`, and
the exact values sit in editable number boxes at the ends (one for a number; low and high for a
range), so 224 px can be typed even where one slider step jumps from 223 to 225.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QSlider, QWidget
from superqt import QRangeSlider

from augview.core.params import ParamSpec

POSITIONS = 1000  # slider steps from min to max


class ScaledSlider(QWidget):
    valueChanged = Signal(object)  # the new value: a number, or a (low, high) pair

    def __init__(self, spec: ParamSpec, digits: int, parent=None):
        super().__init__(parent)
        self.spec = spec
        self.pair = spec.kind == "range"
        self.whole = spec.kind == "int" or (self.pair and spec.integer)
        self.slider = QRangeSlider(Qt.Orientation.Horizontal) if self.pair else QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, POSITIONS)
        self.slider.setPageStep(POSITIONS // 10)
        self.boxes = [self._box(digits) for _ in range(2 if self.pair else 1)]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if self.pair:
            layout.addWidget(self.boxes[0])
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.boxes[-1])
        self._value = self._from_boxes()
        self.slider.valueChanged.connect(self._on_slider)
        for box in self.boxes:
            box.valueChanged.connect(lambda *_: self._on_box())

    def _box(self, digits: int) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setDecimals(0 if self.whole else digits)
        box.setRange(self.spec.min, self.spec.max)
        box.setSingleStep(self.spec.step or 1)
        box.setKeyboardTracking(False)  # a typed number counts once entered, not at each digit
        box.setButtonSymbols(QDoubleSpinBox.ButtonSymbols.NoButtons)
        box.setAlignment(Qt.AlignmentFlag.AlignRight)
        return box

    # ---- value ----

    def value(self):
        return self._value

    def minimum(self) -> float:
        """The smallest value (not slider position), as superqt's sliders report theirs."""
        return self.spec.min

    def maximum(self) -> float:
        return self.spec.max

    def setValue(self, value) -> None:
        """Show ``value`` (numbers between min and max); emits valueChanged when it changed."""
        values = list(value) if self.pair else [value]
        self._show(values, move_slider=True)
        self._changed()

    def _cast(self, number: float):
        return int(round(number)) if self.whole else float(number)

    def _from_boxes(self):
        values = [self._cast(box.value()) for box in self.boxes]
        return tuple(values) if self.pair else values[0]

    def _positions(self, values) -> list[int]:
        return [round(self.spec.slider_fraction(v) * POSITIONS) for v in values]

    def _show(self, values, move_slider: bool):
        for box, number in zip(self.boxes, values):
            box.blockSignals(True)
            box.setValue(number)
            box.blockSignals(False)
        if move_slider:
            positions = self._positions([box.value() for box in self.boxes])
            self.slider.blockSignals(True)
            self.slider.setValue(tuple(positions) if self.pair else positions[0])
            self.slider.blockSignals(False)

    def _changed(self):
        value = self._from_boxes()
        if value != self._value:
            self._value = value
            self.valueChanged.emit(value)

    # ---- the person moved something ----

    def _on_slider(self, position):
        positions = list(position) if self.pair else [position]
        current = [box.value() for box in self.boxes]
        # An end the person did not move keeps its exact value (a typed 224 stays 224).
        values = [old if here == pos else self.spec.slider_value(pos / POSITIONS)
                  for old, here, pos in zip(current, self._positions(current), positions)]
        self._show(values, move_slider=False)
        self._changed()

    def _on_box(self):
        values = [box.value() for box in self.boxes]
        if self.pair and values[0] > values[1]:
            # The end that was typed wins; the other follows it.
            values = [values[1], values[1]] if self.boxes[1].value() != self._value[1] else [values[0], values[0]]
        self._show(values, move_slider=True)
        self._changed()
