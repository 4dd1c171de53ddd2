"""File > Apply to folder…: `augview apply` for the current pipeline, in the background.

The run happens on a plain thread (its worker processes come from a fork server, never from a
fork of this Qt process); progress and messages come back through a `Pump`, so the window stays
usable and Cancel stops the run the way Ctrl+C stops the command line: the images in progress are
finished, nothing half-written is left, and a later run resumes.
"""

from __future__ import annotations

import os
import threading
from typing import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit, QPlainTextEdit,
    QProgressBar, QPushButton, QSpinBox, QToolButton, QVBoxLayout,
)

from augview.batch.run import default_workers, run_apply
from augview.pipeline.pipeline import Pipeline
from augview.errors import AugviewError
from augview.gui.widgets.seed_box import SeedBox
from augview.gui.render_worker import Pump


def output_for(input_folder: str) -> str:
    """The output folder offered for an input folder: beside it, named <input>_augmented."""
    folder = input_folder.strip().rstrip("/\\")
    return str(Path(folder).with_name(Path(folder).name + "_augmented")) if folder and Path(folder).name else ""


class ApplyDialog(QDialog):
    def __init__(self, pipeline: Pipeline | Callable[[], Pipeline], seed: int, start_folder: str = "",
                 parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Apply to folder — augview"))
        # A callable gives the pipeline as it is when Start is pressed (the window stays editable
        # while this dialog is open); a Pipeline is used as given.
        self.pipeline_source = pipeline if callable(pipeline) and not isinstance(pipeline, Pipeline) \
            else (lambda: pipeline)
        self.pipeline = self.pipeline_source()
        self.thread: threading.Thread | None = None
        self.cancel_event = threading.Event()
        self.summary = None
        self.pump = Pump(lambda: self.thread is not None and self.thread.is_alive())

        self.input_edit = QLineEdit(start_folder)
        self.output_edit = QLineEdit(output_for(start_folder))
        # The output folder follows the input folder until someone types an output of their own.
        self.input_edit.textChanged.connect(self._follow_input)
        self._input = start_folder
        self.variants = QSpinBox()
        self.variants.setRange(1, 100)
        self.variants.setValue(3)
        self.seed = SeedBox(value=seed)
        self.workers = QSpinBox()
        self.workers.setRange(1, max(1, os.cpu_count() or 1) * 2)
        self.workers.setValue(default_workers())
        self.format = QComboBox()
        self.format.addItem("png", "png")
        self.format.addItem("jpg", "jpg")
        self.format.addItem(self.tr("same as input"), "same")
        self.overwrite = QCheckBox(self.tr("replace existing outputs"))
        self.progress = QProgressBar()
        self.progress.hide()  # until a run starts: an empty bar looks like a text box to fill in
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setPlaceholderText(self.tr("Progress and messages of the run appear here after Start."))
        self.log.setMaximumBlockCount(2000)
        self.start_button = QPushButton(self.tr("Start"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"))

        form = QFormLayout()
        form.addRow(self.tr("input folder"), self._with_browse(self.input_edit))
        form.addRow(self.tr("output folder"), self._with_browse(self.output_edit))
        form.addRow(self.tr("variants per image"), self.variants)
        form.addRow(self.tr("base seed"), self.seed)
        form.addRow(self.tr("worker processes"), self.workers)
        form.addRow(self.tr("format"), self.format)
        form.addRow("", self.overwrite)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.start_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.log, 1)
        layout.addLayout(buttons)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)
        self.resize(620, 480)

    def _follow_input(self, text: str):
        if self.output_edit.text().strip() in ("", output_for(self._input)):
            self.output_edit.setText(output_for(text))
        self._input = text

    def _with_browse(self, edit: QLineEdit):
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        button = QToolButton()
        button.setText("…")
        button.clicked.connect(lambda: self._browse(edit))
        row.addWidget(button)
        return row

    def _browse(self, edit: QLineEdit):
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), edit.text())
        if folder:
            edit.setText(folder)

    def running(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def start(self):
        if self.running():
            return
        source, target = self.input_edit.text().strip(), self.output_edit.text().strip()
        if not source or not target:
            self.log.appendPlainText(self.tr("Choose an input and an output folder first."))
            return
        self.cancel_event.clear()
        self.summary = None
        self.pipeline = self.pipeline_source()
        self.progress.setValue(0)
        self.progress.setFormat("%p%")
        self.progress.show()
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        options = dict(variants=self.variants.value(), seed=self.seed.value(), workers=self.workers.value(),
                       fmt=self.format.currentData(), overwrite=self.overwrite.isChecked())
        self.log.appendPlainText(self.tr("applying {name} to {folder} …").format(
            name=self.pipeline.name or self.tr("the pipeline"), folder=source))

        def work():
            try:
                summary = run_apply(
                    self.pipeline, source, target, progress=False, **options,
                    log=lambda message: self.pump.post(self.log.appendPlainText, message),
                    on_progress=lambda done, total: self.pump.post(self._on_progress, done, total),
                    cancel=self.cancel_event)
            except (AugviewError, OSError, ValueError) as err:
                self.pump.post(self._finished, None, str(err))
            else:
                self.pump.post(self._finished, summary, "")

        self.thread = threading.Thread(target=work, name="augview-apply", daemon=True)
        self.thread.start()
        self.pump.start()

    def _on_progress(self, done: int, total: int):
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _finished(self, summary, error: str):
        self.summary = summary
        self.log.appendPlainText(error or summary.line())
        if summary is not None and not summary.interrupted:
            # Complete even when every output was already there (no task, no progress call).
            self.progress.setValue(self.progress.maximum())
        if summary is not None and summary.failed:
            self.progress.setFormat(self.tr("%p%, {failed} failed").format(failed=summary.failed))
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def cancel(self):
        if self.running():
            self.cancel_event.set()
            self.cancel_button.setEnabled(False)
            self.log.appendPlainText(self.tr("cancelling: finishing the images in progress …"))

    def closeEvent(self, event):
        # Closing cancels; the run then ends by itself (its outputs are never half-written).
        self.cancel()
        super().closeEvent(event)
