"""File > New / Open / Save preset for the window: the unsaved-changes prompt, presets and
albumentations pipelines opened (`augview.interop.open_pipeline_file`; a large file is read and
checked on a worker so the window stays responsive), and saves that keep the seed on screen. The
texts keep the "MainWindow" translation context."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from augview.core import paths
from augview.errors import AugviewError, PresetError
from augview.interop import open_pipeline_file
from augview.pipeline.pipeline import Pipeline

translate = QCoreApplication.translate
READ_IN_BACKGROUND_BYTES = 100_000  # larger presets are read and checked on a worker (~700 steps)


class PresetLoad(NamedTuple):
    """A preset being read on a worker."""

    path: str
    remember: bool  # in the recent files and as the last preset, once it opened
    ticket: int
    version: Any = None  # the document as it was when the read began (a read on a worker)


def read_preset_or_error(path):
    """What `augview.interop.open_pipeline_file` opens, or the AugviewError that says what is
    wrong with the file (returned, not raised, so a worker can hand it back)."""
    try:
        return open_pipeline_file(path)
    except AugviewError as err:
        return err


def problems_text(err: AugviewError) -> str:
    """Several problems of a preset one per line, as the CLI prints them (capped: a dialog no
    taller than a screen)."""
    if not isinstance(err, PresetError) or len(err.problems) < 2:
        return str(err)
    head = translate("MainWindow", "{source}: {count} problems:").format(source=err.source, count=len(err.problems))
    shown, hidden = err.first()
    lines = [head] + [f"• {where}: {what}" if where else f"• {what}" for where, what in shown]
    return "\n".join(lines + ([err.more(hidden)] if hidden else []))


class PresetFiles:
    def __init__(self, window):
        self.window = window  # `augview.gui.main_window.MainWindow`

    def confirm_discard(self) -> bool:
        """True when it is fine to replace the document (saved, discarded, or nothing to lose)."""
        window = self.window
        window.commit_pending_edits()
        if not window.document.dirty:
            return True
        answer = QMessageBox.question(
            window, translate("MainWindow", "Unsaved changes"),
            translate("MainWindow", "The preset “{name}” has unsaved changes. Save them?").format(
                name=window.document.pipeline.name or translate("MainWindow", "untitled")),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new(self):
        if self.confirm_discard():
            self.window.document.replace(Pipeline(name=translate("MainWindow", "untitled")), None)

    def open_dialog(self):
        document = self.window.document
        start = str(Path(document.path).parent) if document.path else str(paths.PRESETS)
        path, _ = QFileDialog.getOpenFileName(
            self.window, translate("MainWindow", "Open preset"), start,
            translate("MainWindow", "Presets and albumentations pipelines (*.json *.yaml *.yml *.py);;All files (*)"))
        if path:
            self.open(path)

    def open(self, path, confirm: bool = True, remember: bool = True) -> bool:
        """Open a preset (or an albumentations pipeline). A large file is read on a worker; it
        takes the document's place when it is ready (True then means "on its way")."""
        window = self.window
        if confirm and not self.confirm_discard():
            return False
        try:
            large = Path(path).stat().st_size > READ_IN_BACKGROUND_BYTES
        except OSError:
            large = False  # reading says what is wrong with it
        # A read on a worker notes the document as it is, to see edits made while it reads.
        request = PresetLoad(str(path), remember, window.preset_requests.new(),
                             window.document.version() if large else None)
        if large:
            window.statusBar().showMessage(translate("MainWindow", "reading {name}…").format(name=Path(path).name))
            window.tasks.run(request, read_preset_or_error, path)
            return True
        return self.adopt(request, read_preset_or_error(path))

    def adopt(self, request: PresetLoad, opened) -> bool:
        """The preset read for ``request`` takes the document's place (or says what is wrong)."""
        window, path = self.window, request.path
        if isinstance(opened, AugviewError):
            window.show_error(problems_text(opened))
            return False
        if request.version is not None:
            window.commit_pending_edits()  # a name still being typed is an edit too
        if request.version is not None and window.document.version() != request.version and not self.confirm_discard():
            # Edited while the file was read: the edits stay unless the person lets them go.
            window.statusBar().showMessage(translate("MainWindow", "kept the edits made while {name} was read; "
                                                     "it was not opened").format(name=Path(path).name), 10000)
            return False
        if opened.imported:
            return self.import_albumentations(path, opened)
        pipeline = opened.pipeline
        # The preset's seed first, without a render of its own: the replace renders once.
        window.seed_spin.blockSignals(True)
        window.seed_spin.setValue(pipeline.seed)  # any seed a preset may hold
        window.seed_spin.blockSignals(False)
        window.document.replace(pipeline, str(path))
        if request.remember:
            window.recent.remember("recent_presets", str(path))
            window.settings.setValue("last_preset", str(path))
        return True

    def import_albumentations(self, path, opened) -> bool:
        """An albumentations pipeline opens as a new, unsaved preset; what has no counterpart is
        listed, never dropped silently."""
        window = self.window
        pipeline, notes = opened.pipeline, [str(note) for note in opened.notes]
        pipeline.name = pipeline.name or f"{Path(path).stem} (from albumentations)"  # data: stays English
        window.document.replace(pipeline, None, saved=False)
        if notes:
            window.show_error(translate("MainWindow", "{path}: imported from albumentations with notes:").format(
                path=path) + "\n" + "\n".join(notes))
        else:
            window.statusBar().showMessage(translate(
                "MainWindow", "imported {path} from albumentations; save it as a preset").format(path=path), 8000)
        return True

    def save(self) -> bool:
        document = self.window.document
        self.window.commit_pending_edits()
        if not document.path or Path(document.path).resolve().parent == paths.PRESETS.resolve():
            return self.save_as()  # never overwrite a shipped preset by accident
        return self.save_to(document.path)

    def save_as(self) -> bool:
        window = self.window
        name = (window.document.pipeline.name or translate("MainWindow", "untitled")).replace(" ", "_") + ".json"
        start = str(Path(window.settings.value("last_dir", str(Path.home()))) / name)
        path, _ = QFileDialog.getSaveFileName(window, translate("MainWindow", "Save preset"), start,
                                              translate("MainWindow", "Presets (*.json)"))
        if not path:
            return False
        if not path.lower().endswith(".json"):
            path += ".json"
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        window = self.window
        # The preset keeps the seed on screen: reopened, applied or loaded in training, it gives
        # the variants the window showed. Not an undoable edit: rerolling does not dirty a preset.
        window.document.pipeline.seed = window.seed_spin.value()
        try:
            window.document.pipeline.save(path)
        except OSError as err:
            window.show_error(translate("MainWindow", "{path}: cannot save ({reason})").format(
                path=path, reason=err.strerror or err))
            return False
        except AugviewError as err:
            window.show_error(str(err))
            return False
        window.document.mark_saved(path)
        window.recent.remember("recent_presets", path)
        window.settings.setValue("last_preset", path)
        window.settings.setValue("last_dir", str(Path(path).parent))
        window.statusBar().showMessage(translate("MainWindow", "saved {path}").format(path=path), 5000)
        return True
