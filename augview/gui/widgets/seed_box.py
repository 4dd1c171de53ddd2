"""`SeedBox`: a spin box for seeds, holding every seed a preset may hold (0 to 2**63 - 1).

QSpinBox holds 32-bit ints, so a preset's seed of 5,000,000,000 would show as 2147483647 and
be saved back that way. This box keeps the value as a Python int; the arrows and the arrow keys
step it by one (Page Up/Down by ten), typing accepts digits up to the largest seed.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QStyle, QStyleOptionSpinBox

from augview.pipeline.pipeline import MAX_SEED


class SeedBox(QAbstractSpinBox):
    valueChanged = Signal(object)  # an int; `object` because a Qt int signal carries 32 bits

    def __init__(self, parent=None, value: int = 0):
        super().__init__(parent)
        self._value = 0
        self._prefix = ""
        self.lineEdit().textEdited.connect(self._typed)
        self.editingFinished.connect(self._show)  # Return or focus out: the prefix comes back
        self.lineEdit().editingFinished.connect(self._show)
        self.setValue(value)

    # ---- the value ----

    def value(self) -> int:
        return self._value

    def setValue(self, value: int) -> None:
        value = min(max(int(value), 0), MAX_SEED)
        changed = value != self._value
        self._value = value
        self._show()
        if changed:
            self.valueChanged.emit(value)

    def minimum(self) -> int:
        return 0

    def maximum(self) -> int:
        return MAX_SEED

    def setPrefix(self, prefix: str) -> None:
        self._prefix = prefix
        self._show()
        self.updateGeometry()

    def prefix(self) -> str:
        return self._prefix

    def text(self) -> str:
        return self.lineEdit().text()

    def _show(self) -> None:
        text = f"{self._prefix}{self._value}"
        if self.lineEdit().text() != text:
            longer = len(text) > max(len(self.lineEdit().text()), len(self._prefix) + 10)
            self.lineEdit().setText(text)
            if longer:
                self.updateGeometry()  # a seed of more than ten digits widens the box

    def _digits(self, text: str) -> str:
        return text[len(self._prefix):] if text.startswith(self._prefix) else text

    def _seed(self, text: str) -> int | None:
        """The seed ``text`` spells in ASCII digits, or None. (str.isdigit also takes "²" and
        other digits int() refuses; a paste of thousands of digits is no seed either.)"""
        digits = self._digits(text).strip()
        if not (digits.isascii() and digits.isdigit()) or len(digits) > len(str(MAX_SEED)):
            return None
        value = int(digits)
        return value if value <= MAX_SEED else None

    def _typed(self, text: str) -> None:
        value = self._seed(text)
        if value is not None and value != self._value:
            self._value = value
            self.valueChanged.emit(value)

    # ---- QAbstractSpinBox ----

    def validate(self, text: str, pos: int):
        # With or without the prefix: selecting everything and typing a number replaces it too.
        if not self._digits(text).strip():
            return QValidator.State.Intermediate, text, pos
        if self._seed(text) is None:
            return QValidator.State.Invalid, text, pos
        return QValidator.State.Acceptable, text, pos

    def fixup(self, text: str) -> str:
        return f"{self._prefix}{self._value}"

    def stepBy(self, steps: int) -> None:
        self.setValue(self._value + steps)
        self.selectAll()

    def stepEnabled(self):
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self._value > 0:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        if self._value < MAX_SEED:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        return flags

    def sizeHint(self) -> QSize:
        # Wide enough for the prefix and a ten-digit seed; a longer one scrolls in the box.
        self.ensurePolished()
        width = self.fontMetrics().horizontalAdvance(f"{self._prefix}{'9' * max(10, len(str(self._value)))} ")
        option = QStyleOptionSpinBox()
        self.initStyleOption(option)
        height = self.lineEdit().sizeHint().height()
        return self.style().sizeFromContents(QStyle.ContentsType.CT_SpinBox, option, QSize(width, height), self)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()
