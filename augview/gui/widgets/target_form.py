"""The pipeline's target settings (how boxes, masks and keypoints are treated) as a section of the
parameter form: controls built from `augview.targets.settings.SPECS` by the same factories as an
op's sliders, writing through the document, so every change is undoable and saved in the preset.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QToolButton

from augview.core.params import ParamSpec
from augview.gui.document import Document
from augview.gui.i18n import op_text, unit_text
from augview.gui.widgets.param_form import LABEL_COLUMN, Control, make_control
from augview.targets.settings import SPECS


class TargetForm(QGroupBox):
    def __init__(self, document: Document, parent=None):
        super().__init__(self.tr("Targets: boxes, masks, keypoints (whole pipeline)"), parent)
        self.document = document
        self.controls: dict[str, tuple[ParamSpec, Control]] = {}
        self.setToolTip(self.tr("How every geometric step treats the image's boxes, masks and keypoints; "
                                "saved in the preset, so training gets what the previews show"))
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in SPECS:
            control = make_control(spec)
            control.widget.setObjectName(f"target:{spec.name}")
            self.controls[spec.name] = (spec, control)
            control.signal.connect(lambda *_, name=spec.name: self._on_control_changed(name))
            row = QHBoxLayout()
            row.addWidget(control.widget, 1)
            reset = QToolButton()
            reset.setText("↺")
            reset.setToolTip(self.tr("reset {name} to {value}").format(name=spec.name, value=spec.to_json(spec.default)))
            reset.setObjectName(f"reset-target:{spec.name}")
            reset.clicked.connect(lambda *_, s=spec: self._write(s.name, s.default))
            row.addWidget(reset)
            unit = unit_text(spec.unit).strip()
            text = op_text(spec.name)  # in the interface language, as op parameters; presets keep English
            label = QLabel(text + (f" ({unit})" if unit else ""))
            label.setToolTip(op_text(spec.help) if text == spec.name else f"{spec.name}: {op_text(spec.help)}")
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance(LABEL_COLUMN))  # as the step's form above
            form.addRow(label, row)
        document.changed.connect(lambda *_: self.refresh())
        self.refresh()

    def refresh(self):
        """Document -> controls, signals blocked (no echo back into the document)."""
        values = self.document.pipeline.targets.to_dict()
        for name, (spec, control) in self.controls.items():
            control.widget.blockSignals(True)
            try:
                control.set(values[name])
            finally:
                control.widget.blockSignals(False)

    def _on_control_changed(self, name: str):
        spec, control = self.controls[name]
        self._write(name, control.get())

    def _write(self, name: str, value):
        spec, _ = self.controls[name]
        self.document.set_target(name, spec.validate(value))
