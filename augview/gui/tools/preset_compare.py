"""Two presets side by side: the same photo and the same seeds through preset A and preset B, one
row each, to decide between them.

A and B are each the window's pipeline (as it is on screen, edits included) or a preset: a
shipped one or a file (JSON, YAML or a .py albumentations pipeline, read like File > Open preset).
Variant i of both rows uses seed + i, so where the two presets agree on a step, the rows show
the same draw of it. Pixels are computed by `BackgroundTasks`; only the newest request is shown.
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from augview.analysis.grid import render_annotated, render_variants
from augview.analysis.overlays import Shown, resized
from augview.core import paths
from augview.errors import AugviewError
from augview.gui.latest import LatestRequest
from augview.gui.render_worker import REROLL_MAX, BackgroundTasks, make_proxy, to_qimage
from augview.gui.widgets.overlay_painter import CellOverlay
from augview.gui.widgets.preview import PreviewArea
from augview.gui.widgets.seed_box import SeedBox
from augview.interop import open_pipeline_file
from augview.pipeline.pipeline import Pipeline

WINDOW = ""  # the key of the window's own pipeline in the A and B lists
MAX_COUNT = 8
PROXY_SIDE = 768  # two rows of small cells: a display-sized copy keeps them quick


def render_rows(image: np.ndarray, pipelines: list[Pipeline], count: int, seed: int, shown: Shown | None = None):
    """Runs on a worker thread: each pipeline's ``count`` variants, variant i with seed + i, as
    ``(results, overlays)``; with ``shown`` (the photo's annotations at ``image``'s size) the
    targets move with each (no overlays for a preset no target can follow: AugMix)."""
    rows = []
    for pipeline in pipelines:
        if shown is not None:
            try:
                results, overlays = render_annotated(pipeline, image, count, seed, shown)
                rows.append((results, overlays[1:]))
                continue
            except AugviewError:
                pass
        rows.append((render_variants(pipeline, image, count, seed), [None] * count))
    return rows


def _read_preset(path: str) -> Pipeline:
    """Runs on a worker: the preset or albumentations pipeline in ``path``."""
    return open_pipeline_file(path).pipeline


def _same_pipeline(a: Pipeline, b: Pipeline) -> bool:
    """What the rows depend on, compared without serialising: the window's snapshots share the
    nodes an edit did not replace, so comparing the step lists is mostly identity checks (a
    10,000-step preset compared through to_dict took a third of a second per render)."""
    return a is b or (a.steps == b.steps and a.targets == b.targets and a.name == b.name and a.seed == b.seed)


class PresetCompareView(QWidget):
    def __init__(self, image: np.ndarray, window_pipeline: Pipeline, seed: int = 0, count: int = 3, parent=None,
                 shown: Shown | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Two presets side by side — augview"))
        self.source, self.image = image, make_proxy(image, PROXY_SIDE)  # the window's photo, and this copy
        self._given, self.shown = shown, self._fit(shown)  # its annotations, at this copy's size
        self.window_pipeline = window_pipeline
        self.opened: dict[str, Pipeline] = {}  # presets read so far, by file
        self.tasks = BackgroundTasks(workers=1)
        self.tasks.done.connect(self._on_done)
        self.tasks.error.connect(self._on_error)
        # A chosen file is read on a worker too: a preset of 10,000 steps took 0.2 s to read.
        self.reads = BackgroundTasks(workers=1)
        self.reads.done.connect(self._on_read)
        self.reads.error.connect(self._on_read_error)
        self.requests = LatestRequest()
        self.computed = 0  # how many requests have been shown (tests wait on it)
        self.rows: list[list] = []  # the results shown, one list per row
        self.problem = ""  # why the last file chosen could not be read

        self.a_box, self.b_box = self._chooser(), self._chooser()
        builtin = [self.b_box.itemData(i) for i in range(1, self.b_box.count())]
        other = next((key for key in builtin if Path(key).stem.replace("_", " ") != window_pipeline.name), None)
        if other is not None:
            self.b_box.setCurrentIndex(self.b_box.findData(other))
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, MAX_COUNT)
        self.count_spin.setValue(min(max(count, 1), MAX_COUNT))
        self.count_spin.setPrefix(self.tr("variants: "))
        self.seed_spin = SeedBox(value=seed)
        self.seed_spin.setPrefix(self.tr("seed: "))
        self.seed_spin.setToolTip(self.tr("variant i of both rows uses seed + i"))
        reroll = QPushButton(self.tr("Reroll"))
        reroll.clicked.connect(lambda: self.seed_spin.setValue(random.SystemRandom().randrange(REROLL_MAX)))
        self.info = QLabel()
        self.info.setWordWrap(True)

        form = QFormLayout()
        for name, box in (("A", self.a_box), ("B", self.b_box)):
            row = QHBoxLayout()
            row.addWidget(box, 1)
            browse = QPushButton(self.tr("Open…"))
            browse.setToolTip(self.tr("a preset file, or an albumentations pipeline (JSON, YAML, .py)"))
            browse.clicked.connect(lambda *_, b=box: self.open_dialog(b))
            row.addWidget(browse)
            form.addRow(name, row)
        bar = QHBoxLayout()
        for widget in (self.count_spin, reroll, self.seed_spin):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.preview = PreviewArea(columns=lambda cells: max(1, cells // 2))  # one row per preset
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(bar)
        layout.addWidget(self.info)
        layout.addWidget(self.preview, 1)

        for signal in (self.a_box.currentIndexChanged, self.b_box.currentIndexChanged,
                       self.count_spin.valueChanged, self.seed_spin.valueChanged):
            signal.connect(lambda *_: self.refresh())
        self.refresh()

    def _chooser(self) -> QComboBox:
        box = QComboBox()
        box.addItem(self.tr("the window's pipeline"), WINDOW)
        for path in paths.builtin_presets():
            box.addItem(path.stem.replace("_", " "), str(path))
        return box

    # ---- inputs ----

    def _fit(self, shown: Shown | None) -> Shown | None:
        return None if shown is None else resized(shown, self.image.shape[1], self.image.shape[0])

    def set_source(self, image: np.ndarray | None, window_pipeline: Pipeline, seed: int | None = None,
                   shown: Shown | None = None):
        """The window's photo, pipeline, seed or annotations changed (an edit, another photo, a
        reroll): show them; nothing is computed again when none of them changed (a full-size
        render)."""
        same = (image is None or image is self.source) and _same_pipeline(window_pipeline, self.window_pipeline) \
            and seed in (None, self.seed_spin.value()) and shown is self._given
        if same:
            return
        if image is not None:
            self.source, self.image = image, make_proxy(image, PROXY_SIDE)
        self._given, self.shown = shown, self._fit(shown)
        self.window_pipeline = window_pipeline
        if seed is not None and seed != self.seed_spin.value():
            self.seed_spin.setValue(seed)  # -> refresh
        else:
            self.refresh()

    def open_dialog(self, box: QComboBox):
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open preset"), str(paths.PRESETS),
            self.tr("Presets and albumentations pipelines (*.json *.yaml *.yml *.py);;All files (*)"))
        if path:
            self.choose(box, path)

    def choose(self, box: QComboBox, path: str) -> None:
        """Put the preset in ``path`` in ``box`` (A or B) once it is read on a worker; a file that
        cannot be read is said in one sentence and changes nothing (`reading` says whether a
        read is still under way)."""
        if str(path) in self.opened:
            self._show_chosen(box, str(path))
            return
        self.info.setText(self.tr("reading {name}…").format(name=Path(path).name))
        self.reads.run((box, str(path)), _read_preset, str(path))

    def reading(self) -> bool:
        return self.reads.outstanding > 0

    def _on_read(self, token, pipeline: Pipeline):
        box, path = token
        self.opened[path] = pipeline
        self._show_chosen(box, path)

    def _on_read_error(self, token, message: str):
        # Kept above the rows' line until another file is chosen: a render finishing meanwhile
        # must not wipe it.
        self.problem = message.split("\n")[0]
        self.info.setText(self.problem)

    def _show_chosen(self, box: QComboBox, path: str):
        self.problem = ""
        if box.findData(path) < 0:
            box.addItem(Path(path).name, path)
        if box.currentData() == path:
            self.refresh()
        else:
            box.setCurrentIndex(box.findData(path))  # -> refresh

    def pipeline(self, box: QComboBox) -> Pipeline:
        key = box.currentData()
        if key == WINDOW:
            return self.window_pipeline
        if key not in self.opened:
            self.opened[key] = open_pipeline_file(key).pipeline
        return self.opened[key]

    def names(self) -> tuple[str, str]:
        return tuple(self.pipeline(box).name or box.currentText() for box in (self.a_box, self.b_box))

    # ---- computing and showing ----

    def refresh(self):
        try:
            pipelines = [self.pipeline(self.a_box), self.pipeline(self.b_box)]
        except AugviewError as err:
            self.info.setText(str(err).split("\n")[0])
            return
        self.info.setText(self.tr("computing…"))
        self.tasks.run(self.requests.new(), render_rows, self.image, pipelines, self.count_spin.value(),
                       self.seed_spin.value(), self.shown)

    def _on_done(self, ticket: int, rows):
        if not self.requests.is_latest(ticket):
            return
        self.rows = [results for results, _ in rows]
        images, captions, overlays = [], [], []
        for letter, (results, row_overlays) in zip("AB", rows):
            for number, (result, overlay) in enumerate(zip(results, row_overlays), 1):
                images.append(to_qimage(result.image))
                height, width = result.image.shape[:2]
                captions.append(self.tr("{row} #{number} seed {seed} — {width}×{height}: {summary}").format(
                    row=letter, number=number, seed=result.seed, width=width, height=height, summary=result.summary))
                overlays.append(CellOverlay.wrap(overlay))
        self.preview.show_images(images, captions, captions, overlays)
        a, b = self.names()
        line = self.tr("A (top row): {a}    B (bottom row): {b}    the same photo and seeds in both rows").format(a=a, b=b)
        self.info.setText(f"{self.problem}\n{line}" if self.problem else line)
        self.computed += 1

    def _on_error(self, ticket: int, message: str):
        if self.requests.is_latest(ticket):
            self.info.setText(message)
            self.computed += 1
