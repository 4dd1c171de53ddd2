"""Parameter sweep: one op, one parameter stepped across its range, everything else held still.

Two modes:
- "sweep": N cells, the chosen parameter at N evenly spaced values (a range parameter is pinned to
  ``(v, v)``, so the value it draws is exactly the cell's title); every cell uses the same seed,
  so the only difference between two cells is that parameter;
- "extremes": every range parameter at the low end, the middle and the high end of the step's
  configured ranges, beside ordinary random draws: what a range really allows.

The cells share one zoom and pan (drag, wheel, double-click to fit), so a detail can be followed
across the sweep. With the image's annotations, every cell moves its boxes, mask and keypoints too,
and shows beside each box (dotted) the box the other rotated-box method would give: a sweep of
`rotate` shows ``largest_box`` growing with the angle while ``ellipse`` stays tight. Pixels are
computed by `BackgroundTasks`; only the newest request is painted.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel,
    QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from augview.analysis.op_targets import TargetRun
from augview.analysis.overlays import Overlay, Shown, prepare, resized
from augview.annotations import find_annotations
from augview.core import paths
from augview.core.imageio import load_image
from augview.errors import AugviewError
from augview.targets.settings import TargetSettings
from augview.core.registry import CATALOG, get_op, op_order
from augview.analysis.sweep import extremes, held_at_middle, sweep
from augview.gui.i18n import op_text, unit_text
from augview.gui.latest import LatestRequest
from augview.gui.widgets.legend_bar import LegendBar, legend_of
from augview.gui.widgets.overlay_painter import CellOverlay, OverlayState
from augview.gui.widgets.param_form import spec_decimals
from augview.gui.widgets.preview import PreviewArea
from augview.gui.widgets.seed_box import SeedBox
from augview.gui.render_worker import BackgroundTasks, make_proxy, to_qimage

PROXY_SIDE = 640  # cells are small: sweeping a display-sized copy keeps N renders quick
MIN_COUNT, MAX_COUNT, DEFAULT_COUNT = 3, 15, 7


def default_param(op, params: dict | None = None) -> str | None:
    """The parameter a sweep starts with: the first random range, else the first number, else a
    choice; one that has an effect with ``params`` (the crop size in pixels mode, not the
    fraction) before one that has none."""
    values = op.defaults() if params is None else params
    for active in (True, False):
        for kinds in (("range",), ("float", "int"), ("choice", "bool")):
            for spec in op.params:
                if spec.kind in kinds and spec.applies(values) == active:
                    return spec.name
    return None


def grid_columns(count: int) -> int:
    """Wider than tall: 7 cells -> 4 columns, 15 -> 5, 3 -> 3."""
    return max(1, min(count, math.ceil(math.sqrt(count * 1.5))))


class SweepCell(NamedTuple):
    caption: str
    image: np.ndarray
    tooltip: str
    overlay: Overlay | None = None


def sample_targets() -> Shown | None:
    """The bundled sample's annotations (what the view shows when opened on its own)."""
    try:
        found = find_annotations(paths.SAMPLE_IMAGE)
    except AugviewError:
        return None
    return prepare(found) if found is not None else None


def compute_cells(image, op_name, params, param_name, mode, count, seed, span, targets: Shown | None = None,
                  settings: TargetSettings = TargetSettings()) -> tuple[list[SweepCell], str]:
    """Runs on a worker thread: the cells and a note about them (or ""); with ``targets``, each
    cell's overlay (and the boxes of the other rotated-box method, dotted)."""
    if targets is None:
        return _cells(image, op_name, params, param_name, mode, count, seed, span, None)
    run = TargetRun(targets, settings, ghosts=True, max_side=PROXY_SIDE)
    cells, note = _cells(image, op_name, params, param_name, mode, count, seed, span, run)
    return [SweepCell(f"{c.caption} · {story}" if story else c.caption, c.image, c.tooltip, overlay)
            for c, story, overlay in zip(cells, run.captions, run.overlays)], note


def _cells(image, op_name, params, param_name, mode, count, seed, span, run) -> tuple[list[SweepCell], str]:
    note = ""
    if mode == "sweep" and param_name is not None:
        result = sweep(image, op_name, params, param_name, count, seed, span, run)
        held = QCoreApplication.translate("SweepView", "other parameters as set, seed {seed} in every cell").format(
            seed=seed)
        cells = [SweepCell(label, out, f"{op_name}: {label}\n{held}") for _, out, label in result]
        if len(cells) > 1 and all(np.array_equal(cells[0].image, c.image) for c in cells[1:]):
            note = QCoreApplication.translate(
                "SweepView", "Every cell is the same: with the other settings, {param} has no effect on {op} "
                "(another parameter decides whether it is used).").format(param=param_name, op=op_name)
        elif len(cells) < count:
            note = QCoreApplication.translate("SweepView", "{count} distinct values fit in this range.").format(
                count=len(cells))
    else:
        if mode == "sweep":
            note = QCoreApplication.translate(
                "SweepView", "{op} has no parameters to sweep: showing the extremes instead.").format(op=op_name)
        result = extremes(image, op_name, params, seed, randoms=max(1, count - 3), targets=run)
        # The op is named in the panel: the captions keep only what was drawn.
        cells = [SweepCell(title.replace(f": {op_name} ", ": ", 1), out, title) for title, out in result]
    return cells, note


class SweepView(QWidget):
    def __init__(self, image: np.ndarray | None = None, op_name: str = "rotate",
                 params: dict | None = None, seed: int = 0, parent=None, targets: Shown | None = None,
                 settings: TargetSettings | None = None, overlay_state: OverlayState | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Parameter sweep — augview"))
        if image is None:  # on its own: the sample photo, with its annotations
            image, targets = load_image(paths.SAMPLE_IMAGE), sample_targets()
        self.image = make_proxy(image, PROXY_SIDE)
        self.targets = self._fit(targets)
        self.settings = settings or TargetSettings()
        self.source_op, self.source_params = op_name, dict(params or {})
        self.params: dict = {}
        self.tasks = BackgroundTasks(workers=1)
        self.tasks.done.connect(self._on_done)
        self.tasks.error.connect(self._on_error)
        self.requests = LatestRequest()
        self.last_cells: list[SweepCell] = []  # what is painted now
        self.computed = 0  # how many requests have been painted (tests wait on it)

        self.op_box = QComboBox()
        for name in op_order():
            self.op_box.addItem(f"{name}  ({op_text(CATALOG[name].category)})", name)
        self.param_box = QComboBox()
        self.sweep_button = QPushButton(self.tr("Sweep one parameter"))
        self.extremes_button = QPushButton(self.tr("Extremes of the ranges"))
        self.modes = QButtonGroup(self)
        for button in (self.sweep_button, self.extremes_button):
            button.setCheckable(True)
            self.modes.addButton(button)
        self.sweep_button.setChecked(True)
        self.count_spin = QSpinBox()
        self.count_spin.setRange(MIN_COUNT, MAX_COUNT)
        self.count_spin.setValue(DEFAULT_COUNT)
        self.count_spin.setToolTip(self.tr("number of cells"))
        self.seed_spin = SeedBox(value=seed)
        self.seed_spin.setToolTip(self.tr("the same seed is used in every cell of a sweep"))
        self.hold_box = QCheckBox(self.tr("other ranges at their middle"))
        self.hold_box.setChecked(True)
        self.hold_box.setToolTip(self.tr("Hold the step's other ranges at the middle of their range (0° for a "
                                         "rotation of ±36°), so only the swept parameter changes; unticked, "
                                         "they keep what the seed draws."))
        self.from_spin, self.to_spin = QDoubleSpinBox(), QDoubleSpinBox()
        self.full_button = QPushButton(self.tr("full range"))
        self.full_button.setToolTip(self.tr("sweep the parameter's whole allowed range"))
        self.step_button = QPushButton(self.tr("step's range"))
        self.step_button.setToolTip(self.tr("sweep the range configured in the step"))
        # Two rows: on one, the spin boxes and the buttons squeezed the form's labels ("parai").
        values, buttons = QHBoxLayout(), QHBoxLayout()
        for widget in (self.from_spin, QLabel(self.tr("to")), self.to_spin):
            values.addWidget(widget)
        for widget in (self.full_button, self.step_button):
            buttons.addWidget(widget)
        span = QVBoxLayout()
        span.setContentsMargins(0, 0, 0, 0)
        span.addLayout(values)
        span.addLayout(buttons)
        self.span_row = QWidget()
        self.span_row.setLayout(span)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.description = QLabel()
        self.description.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("op"), self.op_box)
        form.addRow(self.tr("parameter"), self.param_box)
        form.addRow(self.tr("across"), self.span_row)
        form.addRow(self.tr("cells"), self.count_spin)
        form.addRow(self.tr("seed"), self.seed_spin)
        form.addRow("", self.hold_box)
        modes = QHBoxLayout()
        modes.addWidget(self.sweep_button)
        modes.addWidget(self.extremes_button)
        side = QVBoxLayout()
        side.addLayout(modes)
        side.addLayout(form)
        side.addWidget(self.info)
        side.addWidget(self.description)
        side.addStretch(1)
        panel = QWidget()
        panel.setLayout(side)
        panel.setFixedWidth(360)

        # Its cells share one zoom and pan, and the main window's overlay toggles. The grid takes
        # the columns that show the photo largest in the room there is (a fixed 4 x 2 left each
        # picture a third of its cell in a small window).
        self.preview = PreviewArea(columns=grid_columns, overlay_state=overlay_state,
                                   fit=lambda: self.image.shape[1] / self.image.shape[0])
        # A fitted grid asks for no minimum of its own: this keeps the pictures on screen beside
        # the fixed panel when the window is made small (they shrank to nothing).
        self.preview.setMinimumSize(320, 240)
        self.legend = LegendBar()  # the mask's colours: no cell here is the original, which has them
        pictures = QVBoxLayout()
        pictures.addWidget(self.preview, 1)
        pictures.addWidget(self.legend)
        layout = QHBoxLayout(self)
        layout.addWidget(panel)
        layout.addLayout(pictures, 1)
        self.preview.overlay_state.changed.connect(self._update_legend)
        self._update_legend(targets_changed=True)

        self.op_box.currentIndexChanged.connect(self._on_op_changed)
        self.param_box.currentIndexChanged.connect(self._on_param_changed)
        self.modes.buttonToggled.connect(lambda button, checked: checked and self._on_mode_changed())
        self.count_spin.valueChanged.connect(self.refresh)
        self.seed_spin.valueChanged.connect(self.refresh)
        self.hold_box.toggled.connect(self.refresh)
        self.from_spin.valueChanged.connect(self.refresh)
        self.to_spin.valueChanged.connect(self.refresh)
        self.full_button.clicked.connect(lambda: self._set_span("full"))
        self.step_button.clicked.connect(lambda: self._set_span("step"))
        self.set_source(None, op_name, params)

    def _update_legend(self, targets_changed: bool = False):
        if targets_changed:
            self.mask_legend = legend_of(self.targets)  # once per image, not per toggle
        self.legend.show_while_drawn(self.mask_legend, self.preview.overlay_state.options)

    # ---- inputs ----

    def _fit(self, targets: Shown | None) -> Shown | None:
        """``targets`` in the frame of the sweep's own smaller copy of the image."""
        return resized(targets, self.image.shape[1], self.image.shape[0]) if targets is not None else None

    def set_source(self, image: np.ndarray | None, op_name: str, params: dict | None = None,
                   targets: Shown | None = None, settings: TargetSettings | None = None):
        """Show ``op_name`` with ``params`` (e.g. the main window's selected step) on ``image``
        (None keeps the current image and its targets), with ``targets`` (its annotations) moved
        under the pipeline's target ``settings``."""
        if image is not None:
            self.image = make_proxy(image, PROXY_SIDE)
            self.targets = self._fit(targets)
            self._update_legend(targets_changed=True)
        if settings is not None:
            self.settings = settings
        get_op(op_name)  # unknown names fail here, not on the worker
        self.source_op, self.source_params = op_name, dict(params or {})
        index = self.op_box.findData(op_name)
        if index == self.op_box.currentIndex():
            self._on_op_changed()
        else:
            self.op_box.setCurrentIndex(index)  # -> _on_op_changed

    def mode(self) -> str:
        return "extremes" if self.extremes_button.isChecked() else "sweep"

    def set_mode(self, mode: str):
        (self.extremes_button if mode == "extremes" else self.sweep_button).setChecked(True)

    def op_name(self) -> str:
        return self.op_box.currentData()

    def param_name(self) -> str | None:
        return self.param_box.currentData()

    def set_param(self, name: str):
        self.param_box.setCurrentIndex(self.param_box.findData(name))

    def span(self) -> tuple[float, float] | None:
        spec = self._spec()
        if spec is None or spec.kind not in ("float", "int", "range"):
            return None
        return float(self.from_spin.value()), float(self.to_spin.value())

    def _spec(self):
        name = self.param_name()
        return get_op(self.op_name()).spec(name) if name else None

    def _on_op_changed(self, *_):
        op = get_op(self.op_name())
        self.params = {**op.defaults(), **(self.source_params if op.name == self.source_op else {})}
        self.description.setText(op_text(op.description))
        self.param_box.blockSignals(True)
        self.param_box.clear()
        for spec in op.params:
            kinds = {"float": self.tr("number"), "int": self.tr("whole number"), "choice": self.tr("choice"),
                     "bool": self.tr("on/off")}
            kind = self.tr("range → {drawn}").format(drawn=spec.drawn_name) if spec.kind == "range" \
                else kinds[spec.kind]
            if not spec.applies(self.params):
                kind += ", " + self.tr("no effect while {name} is {value}").format(
                    name=spec.when[0], value=self.params[spec.when[0]])
            self.param_box.addItem(f"{spec.name}  ({kind})", spec.name)
        if not op.params:
            self.param_box.addItem(self.tr("(no parameters)"), None)
        self.param_box.setCurrentIndex(max(0, self.param_box.findData(default_param(op, self.params))))
        self.param_box.blockSignals(False)
        self._on_param_changed()

    def _on_param_changed(self, *_):
        spec = self._spec()
        numeric = spec is not None and spec.kind in ("float", "int", "range")
        self.span_row.setEnabled(numeric and self.mode() == "sweep")
        self.step_button.setEnabled(numeric and spec.kind == "range")
        if numeric:
            digits = 0 if spec.kind == "int" or spec.integer else spec_decimals(spec)
            for box in (self.from_spin, self.to_spin):
                box.blockSignals(True)
                box.setDecimals(digits)
                box.setRange(spec.min, spec.max)
                box.setSingleStep(spec.step or 1)
                unit = unit_text(spec.unit)
                box.setSuffix(unit if not unit[:1].isalnum() else " " + unit)
                box.blockSignals(False)
        # A step's own range when it is narrower than the whole (what training will draw, as in
        # the extremes view); "full range" shows the parameter's whole effect.
        from_step = spec is not None and spec.kind == "range" and self.op_name() == self.source_op \
            and tuple(self.params[spec.name]) != (spec.min, spec.max) \
            and self.params[spec.name][0] < self.params[spec.name][1]
        self._set_span("step" if from_step else "full")

    def _set_span(self, which: str):
        spec = self._spec()
        if spec is not None and spec.kind in ("float", "int", "range"):
            low, high = spec.min, spec.max
            if which == "step" and spec.kind == "range":
                low, high = self.params[spec.name]
            for box, value in ((self.from_spin, low), (self.to_spin, high)):
                box.blockSignals(True)
                box.setValue(value)
                box.blockSignals(False)
        self.refresh()

    def _on_mode_changed(self):
        spec = self._spec()
        numeric = spec is not None and spec.kind in ("float", "int", "range")
        sweeping = self.mode() == "sweep"
        self.param_box.setEnabled(sweeping)
        self.hold_box.setEnabled(sweeping)
        self.span_row.setEnabled(numeric and sweeping)
        self.refresh()

    # ---- computing and showing ----

    def refresh(self, *_):
        self.info.setText(self.tr("computing…"))
        args = (self.image, self.op_name(), self.swept_params(), self.param_name(), self.mode(),
                self.count_spin.value(), self.seed_spin.value(), self.span(), self.targets, self.settings)
        self.tasks.run(self.requests.new(), compute_cells, *args)

    def holding(self) -> bool:
        """Whether a sweep holds the other ranges at their middle (the extremes pin every range)."""
        return self.hold_box.isChecked() and self.mode() == "sweep" and self.param_name() is not None

    def swept_params(self) -> dict:
        return held_at_middle(self.op_name(), self.params, self.param_name()) if self.holding() else dict(self.params)

    def _on_done(self, ticket: int, result):
        if not self.requests.is_latest(ticket):
            return  # a newer request is on its way
        cells, note = result
        self.last_cells = cells
        self.preview.show_images([to_qimage(c.image) for c in cells], [c.caption for c in cells],
                                 [c.tooltip for c in cells], [CellOverlay.wrap(c.overlay) for c in cells])
        if self.mode() == "sweep" and self.param_name():
            what = self.tr("{op}: {param} swept, seed {seed} in every cell").format(
                op=self.op_name(), param=self.param_name(), seed=self.seed_spin.value())
            if self.holding():
                what += "; " + self.tr("the other ranges at their middle")
        else:
            what = self.tr("{op}: the configured ranges at min, middle and max, then random draws").format(
                op=self.op_name())
        other = next((c.overlay.ghost_label for c in cells if c.overlay is not None and len(c.overlay.ghosts)), "")
        if other:
            note = (note + "\n\n" if note else "") + self.tr(
                "Boxes: solid as the pipeline's box_method ({method}) makes them, dotted white as {other} "
                "would.").format(method=self.settings.box_method, other=other)
        self.info.setText(what + (f"\n\n{note}" if note else ""))
        self.computed += 1

    def _on_error(self, ticket: int, message: str):
        if self.requests.is_latest(ticket):
            self.info.setText(message)
            self.computed += 1

    def captions(self) -> list[str]:
        return [cell.caption.text() for cell in self.preview.cells]
