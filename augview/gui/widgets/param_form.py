"""Controls built from parameter specs through one lookup table (spec kind -> control factory).

A control writes to the document when the person moves it, and follows the document (undo, a new
preset) with its signals blocked, so the two never echo each other. No range is written here:
minimum, maximum, step and unit all come from the op's declaration.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractSlider, QApplication, QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QToolButton, QVBoxLayout,
    QWidget,
)
from superqt import QLabeledDoubleRangeSlider, QLabeledDoubleSlider, QLabeledRangeSlider, QLabeledSlider

from augview.core.params import ParamSpec
from augview.core.registry import get_op
from augview.pipeline.choice import P_SPEC, group_specs, node_value, weight_index, with_weight
from augview.pipeline.nodes import Step
from augview.gui.document import Document
from augview.gui.i18n import op_text, unit_text
from augview.gui.widgets.scaled_slider import ScaledSlider

@dataclass
class Control:
    widget: QWidget
    get: Callable[[], Any]
    set: Callable[[Any], None]
    signal: Any  # the Qt signal fired when the person changes the value


LABEL_COLUMN = "interpolation (px)"  # the label column is at least this wide


def decimals(step: float | None) -> int:
    return 0 if not step or step >= 1 else min(6, max(0, -math.floor(math.log10(step) + 1e-9)))


def exact_decimals(value: float, most: int = 4) -> int:
    """The fewest decimals that write ``value`` exactly (0.0625: 4), or 0 when ``most`` do not
    (4/3: a rounded number is all a box can show)."""
    for digits in range(most + 1):
        if abs(round(value, digits) - value) < 1e-12:
            return digits
    return 0


def spec_decimals(spec: ParamSpec) -> int:
    """Enough digits for the step, for the bounds (a minimum of 0.001 with a step of 0.01 must
    still be reachable) and for the default (affine's shift of 0.0625 shows as itself, as in the
    step list, not as 0.062)."""
    digits = decimals(spec.step)
    for bound in (spec.min, spec.max):
        if bound is not None and bound != 0:
            digits = max(digits, decimals(abs(bound) - math.floor(abs(bound))) if bound % 1 else 0)
    defaults = spec.default if isinstance(spec.default, (tuple, list)) else (spec.default,)
    for value in defaults:
        if isinstance(value, float):
            digits = max(digits, exact_decimals(value))
    return digits


def clamp(spec: ParamSpec, value: float) -> float:
    return min(max(value, spec.min), spec.max)


def _scaled_control(spec: ParamSpec) -> Control:
    """A log slider (``scale="log"`` in the spec) with the exact values in number boxes."""
    slider = ScaledSlider(spec, spec_decimals(spec))
    return Control(slider, slider.value, slider.setValue, slider.valueChanged)


def _float_control(spec: ParamSpec) -> Control:
    if spec.scale == "log":
        return _scaled_control(spec)
    slider = QLabeledDoubleSlider(Qt.Orientation.Horizontal)
    digits = spec_decimals(spec)
    slider.setDecimals(digits)
    slider.setRange(spec.min, spec.max)
    slider.setSingleStep(spec.step)
    return Control(slider, lambda: clamp(spec, round(float(slider.value()), digits)), slider.setValue,
                   slider.valueChanged)


def _int_control(spec: ParamSpec) -> Control:
    if spec.scale == "log":
        return _scaled_control(spec)
    slider = QLabeledSlider(Qt.Orientation.Horizontal)
    slider.setRange(int(spec.min), int(spec.max))
    slider.setSingleStep(int(spec.step or 1))
    return Control(slider, lambda: int(slider.value()), slider.setValue, slider.valueChanged)


def _range_control(spec: ParamSpec) -> Control:
    if spec.scale == "log":
        return _scaled_control(spec)
    if spec.integer:
        slider = QLabeledRangeSlider(Qt.Orientation.Horizontal)
        slider.setRange(int(spec.min), int(spec.max))
        get = lambda: tuple(int(v) for v in slider.value())  # noqa: E731
    else:
        slider = QLabeledDoubleRangeSlider(Qt.Orientation.Horizontal)
        digits = spec_decimals(spec)
        slider.setDecimals(digits)
        slider.setRange(spec.min, spec.max)
        get = lambda: tuple(clamp(spec, round(float(v), digits)) for v in slider.value())  # noqa: E731
    slider.setSingleStep(spec.step or 1)
    # The values at the ends of the groove, not over the handles: labels over two close handles
    # overlapped ("-0.0620.062"; issue 15).
    slider.setHandleLabelPosition(QLabeledRangeSlider.LabelPosition.NoLabel)
    slider.setEdgeLabelMode(QLabeledRangeSlider.EdgeLabelMode.LabelIsValue)
    return Control(slider, get, lambda value: slider.setValue(tuple(value)), slider.valueChanged)


def _choice_control(spec: ParamSpec) -> Control:
    """The choices shown in the interface language, each item holding its stored English value."""
    combo = QComboBox()
    for choice in spec.choices:
        combo.addItem(op_text(choice), choice)
    return Control(combo, combo.currentData, lambda value: combo.setCurrentIndex(combo.findData(value)),
                   combo.currentIndexChanged)


def _bool_control(spec: ParamSpec) -> Control:
    box = QCheckBox()
    return Control(box, box.isChecked, box.setChecked, box.toggled)


CONTROL_FACTORIES: dict[str, Callable[[ParamSpec], Control]] = {
    "float": _float_control,
    "int": _int_control,
    "range": _range_control,
    "choice": _choice_control,
    "bool": _bool_control,
}


class ArrowKeys(QObject):
    """Arrow keys step a slider by its spec's step (Page Up/Down by ten steps); a range moves as a
    whole, keeping its width. superqt's labelled sliders do not step their float and range
    variants themselves, and a keyboard user or a teacher at a projector needs them to."""

    STEPS = {Qt.Key.Key_Right: 1, Qt.Key.Key_Up: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Down: -1,
             Qt.Key.Key_PageUp: 10, Qt.Key.Key_PageDown: -10}

    def __init__(self, control: Control, spec: ParamSpec):
        super().__init__(control.widget)
        self.control, self.spec = control, spec
        # The inner slider takes the focus (click or Tab); the labelled container only in tests.
        for widget in [control.widget, *control.widget.findChildren(QAbstractSlider)]:
            widget.installEventFilter(self)

    def eventFilter(self, watched, event):
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) or event.key() not in self.STEPS:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            # The window's Page Up/Down shortcuts (previous/next photo of a folder) would take the
            # key before the focused slider sees it: claim it while a slider has the focus.
            event.accept()
            return True
        self.step(self.STEPS[event.key()])
        return True

    def step(self, steps: int):
        spec, value = self.spec, self.control.get()
        delta = steps * (spec.step or 1)
        if spec.scale == "log":
            new = self.log_step(value, steps)
        elif isinstance(value, tuple):
            low, high = value
            delta = min(max(delta, spec.min - low), spec.max - high)  # keep the width
            new = (low + delta, high + delta)
        else:
            new = clamp(spec, value + delta)
        digits = spec_decimals(spec)
        new = tuple(round(v, digits) for v in new) if isinstance(new, tuple) else round(new, digits)
        if spec.kind == "int" or (spec.kind == "range" and spec.integer):
            new = tuple(int(v) for v in new) if isinstance(new, tuple) else int(new)
        if new != value:
            self.control.set(new)  # the slider's valueChanged writes to the document

    LOG_STEP = 0.01  # of the slider's length per arrow key on a log slider

    def log_step(self, value, steps: int):
        """A step along a log slider: the same share of the slider at 2 px as at 2000 px (a
        range moves as a whole); at least one step of the spec, so a short move still moves."""
        spec = self.spec
        ends = list(value) if isinstance(value, tuple) else [value]
        fractions = [spec.slider_fraction(v) for v in ends]
        delta = min(max(steps * self.LOG_STEP, -min(fractions)), 1 - max(fractions))
        new = [spec.slider_value(f + delta) for f in fractions]
        if new == ends and delta:
            one = (spec.step or 1) * (1 if delta > 0 else -1)
            new = [min(max(v + one, spec.min), spec.max) for v in ends]
        return tuple(new) if isinstance(value, tuple) else new[0]


def make_control(spec: ParamSpec) -> Control:
    control = CONTROL_FACTORIES[spec.kind](spec)
    control.set(spec.default)
    if spec.kind in ("float", "int", "range"):
        ArrowKeys(control, spec)
    tip = op_text(spec.help) + (f" ({unit_text(spec.unit)})" if spec.unit else "")
    control.widget.setToolTip(tip)
    control.widget.setObjectName(f"param:{spec.name}")
    return control


class ParamForm(QWidget):
    """The controls of the selected step (or group)."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.path: tuple[int, ...] | None = None
        self.controls: dict[str, tuple[ParamSpec, Control]] = {}
        self.row_widgets: dict[str, tuple[QWidget, ...]] = {}  # label, control, reset button
        self.details: QPlainTextEdit | None = None
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(6, 6, 6, 6)
        self._body: QWidget | None = None
        self._built_for = None  # what the controls were made for (`_kind_of` the node)
        document.changed.connect(self._on_document_changed)
        # Takes the keyboard when a control that had it is rebuilt away (see show_node) or when
        # the form's background is clicked.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.show_node(None)

    # ---- building ----

    def show_node(self, path: tuple[int, ...] | None):
        self.path = path
        if path is not None and self._body is not None and self._built_for is not None \
                and _kind_of(self._node()) == self._built_for:
            # Another step of the same op (or the same step again): its controls are these, so
            # they are pointed at it and refreshed, not made again (tens of ms per slider).
            self.refresh()
            return
        self.path = path
        self.controls.clear()
        self.row_widgets.clear()
        if self._body is not None:
            if self._body.isAncestorOf(QApplication.focusWidget()):
                # Else Qt hands the keyboard to the next widget in the tab order, the preset
                # name, where Space (Reroll) would type (issue 15).
                self.setFocus(Qt.FocusReason.OtherFocusReason)
            self._outer.removeWidget(self._body)
            self._body.hide()
            self._body.deleteLater()
        self._body = QWidget(self)
        layout = QVBoxLayout(self._body)
        layout.setContentsMargins(0, 0, 0, 0)
        node = self._node()
        self._built_for = _kind_of(node)
        if node is None:
            hint = QLabel(self.tr("Select a step to see its parameters, or add one with “Add op”."))
            hint.setWordWrap(True)
            hint.setEnabled(False)
            layout.addWidget(hint)
        else:
            self._build(node, layout)
        layout.addStretch(1)
        self._outer.addWidget(self._body)

    def _build(self, node, layout: QVBoxLayout):
        if isinstance(node, Step):
            op = get_op(node.op)
            title, about, specs = op.name, op_text(op.description), list(op.params)
        else:
            title = self.tr("group: {kind}").format(kind=node.kind)
            about = {
                "sequence": self.tr("Runs all its steps in order."),
                "one_of": self.tr("Runs exactly one of its steps, chosen at random (by weight)."),
                "some_of": self.tr("Runs n of its steps, chosen at random, in their listed order."),
                "random_order": self.tr("Runs all its steps, in a random order each time."),
            }[node.kind]
            specs = group_specs(node)
        heading = QLabel(f"<b>{title}</b>")
        description = QLabel(about)
        description.setWordWrap(True)
        description.setObjectName("description")
        layout.addWidget(heading)
        layout.addWidget(description)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in [P_SPEC] + specs:
            control = make_control(spec)
            self.controls[spec.name] = (spec, control)
            control.signal.connect(lambda *_, name=spec.name: self._on_control_changed(name))
            row = QHBoxLayout()
            row.addWidget(control.widget, 1)
            reset = QToolButton()
            reset.setText("↺")
            default = spec.to_json(spec.default)
            reset.setToolTip(self.tr("reset {name} to {value}").format(
                name=op_text(spec.name), value=op_text(default) if spec.kind == "choice" else default))
            reset.setObjectName(f"reset:{spec.name}")
            reset.clicked.connect(lambda *_, s=spec: self._write(s.name, s.default))
            row.addWidget(reset)
            text = op_text(spec.name)  # in the interface language; presets keep the English name
            if weight_index(spec.name) is not None:
                child = node.steps[weight_index(spec.name)]
                text = self.tr("weight of {step}").format(step=getattr(child, "op", None) or child.kind)
            label = QLabel(text + (f" ({unit_text(spec.unit).strip()})" if spec.unit.strip() else ""))
            # One label column width for most steps, so the controls do not jump sideways when
            # another step is selected (a form is as wide as its longest label).
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance(LABEL_COLUMN))
            # The stored name too, when the label is translated: it is what a preset file says.
            label.setToolTip(op_text(spec.help) if text == spec.name else f"{spec.name}: {op_text(spec.help)}")
            form.addRow(label, row)
            self.row_widgets[spec.name] = (label, control.widget, reset)
        layout.addLayout(form)
        self.details = None
        if isinstance(node, Step) and get_op(node.op).details is not None:
            # e.g. AutoAugment's 25 sub-policies, so a learner can inspect what the policy does.
            self.details = QPlainTextEdit()
            self.details.setReadOnly(True)
            self.details.setObjectName("details")
            self.details.setMinimumHeight(160)
            layout.addWidget(QLabel("<b>{}</b>".format(self.tr("What it can do"))))
            layout.addWidget(self.details)
        self.refresh()

    # ---- binding ----

    def _node(self):
        if self.path is None:
            return None
        try:
            return self.document.node(self.path)
        except (IndexError, AttributeError):
            return None

    def model_value(self, name: str):
        return node_value(self._node(), name)

    def refresh(self):
        """Model -> controls, with the controls' signals blocked (no feedback loop)."""
        if self._node() is None:
            return
        for name, (spec, control) in self.controls.items():
            control.widget.blockSignals(True)
            try:
                control.set(self.model_value(name))
            finally:
                control.widget.blockSignals(False)
        node = self._node()
        if isinstance(node, Step):
            # A parameter another one switches off (crop height in fraction mode, the fill of a
            # reflected border) is greyed out, so nobody tunes a slider that does nothing.
            for name, (spec, _) in self.controls.items():
                for widget in self.row_widgets.get(name, ()):
                    widget.setEnabled(spec.applies(node.params))
        if self.details is not None and isinstance(node, Step):
            text = "\n".join(get_op(node.op).details(node.params))
            if self.details.toPlainText() != text:
                self.details.setPlainText(text)

    def _on_control_changed(self, name: str):
        spec, control = self.controls[name]
        value = control.get()
        if spec.kind == "range" and not spec.integer:
            # A control shows rounded numbers: an end the person did not move keeps its exact
            # model value (4/3 stays 4/3 when only the other handle moves).
            digits = spec_decimals(spec)
            old = self.model_value(name)
            value = tuple(o if round(o, digits) == v else v for o, v in zip(old, value))
            if value[0] > value[1]:
                value = (value[1], value[1])
        self._write(name, value)

    def _write(self, name: str, value):
        spec, _ = self.controls[name]
        value = spec.validate(value)
        if name == "p":
            self.document.set_p(self.path, value)
        elif name == "n":
            self.document.set_group_n(self.path, value)
        elif weight_index(name) is not None:
            self.document.set_group_weights(self.path, with_weight(self._node(), weight_index(name), value))
        else:
            self.document.set_param(self.path, name, value)

    def _on_document_changed(self, kind: str):
        # Whatever order the document's listeners run in, controls made for one node are never
        # read against another: a new preset, an undo or a move can put a different op (or
        # group) at this path, and then the controls are made again (or dropped).
        node = self._node()
        if node is None:
            if self.path is not None:
                self.show_node(None)
        elif _kind_of(node) != self._built_for:
            self.show_node(self.path)
        else:
            self.refresh()


def _kind_of(node) -> tuple | None:
    """What decides which controls a node gets: its op, or its group kind (and for one_of the
    children, one weight each)."""
    if node is None:
        return None
    if isinstance(node, Step):
        return ("step", node.op)
    children = tuple(getattr(child, "op", None) or child.kind for child in node.steps)
    return ("group", node.kind, children if node.kind == "one_of" else ())
