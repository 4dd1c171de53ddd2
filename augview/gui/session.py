"""Sessions: what the window shows, saved to a small JSON file and opened again.

A session file (``.augview``) holds the photo, the preset (its file and its steps as they are on
screen, saved or not), the seed, the number of variants and the view mode:

    {"augview_session": 1, "image": "/photos/cat.jpg", "preset": "/presets/mine.json",
     "pipeline": {...the preset's JSON...}, "seed": 7, "variants": 3, "view": "grid"}

It is written atomically (`augview.core.atomic`). Reopened, the steps come from the session; when
they differ from the preset file's (unsaved edits), the document is marked unsaved. A photo that
moved is looked for beside the session file; one that is gone is reported, and the rest opens.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate
from PySide6.QtWidgets import QFileDialog

from augview.core.atomic import atomic_write_bytes
from augview.errors import AugviewError, PresetError
from augview.pipeline.pipeline import Pipeline
from augview.pipeline.presets import MAX_SEED, read_file_bytes
from augview.gui.preset_files import problems_text

SUFFIX = ".augview"
VERSION = 1
VIEWS = ("side", "grid")
MAX_VARIANTS = 15  # the window's variants box


class Session(NamedTuple):
    image: str | None
    preset: str | None  # the preset's file, if it has one
    pipeline: Pipeline
    seed: int
    variants: int
    view: str  # "side" or "grid"


def session_bytes(session: Session) -> bytes:
    data = {"augview_session": VERSION, "image": session.image, "preset": session.preset,
            "pipeline": session.pipeline.to_dict(), "seed": session.seed, "variants": session.variants,
            "view": session.view}
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def write_session(path: str, session: Session) -> None:
    """Written whole or not at all; OSError names ``path``."""
    atomic_write_bytes(path, session_bytes(session))


def read_session(path: str) -> Session:
    """The session in ``path``; AugviewError with one sentence naming the file otherwise."""
    raw = read_file_bytes(path)  # bounded like a preset; PresetError names the file
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise AugviewError(translate("Session", "{path}: not a session file (invalid JSON: {reason})").format(
            path=path, reason=err)) from None
    except (RecursionError, ValueError):  # nested too deeply, or an integer of over 4300 digits
        raise AugviewError(translate("Session", "{path}: not a session file (nested too deeply or a number too long)").format(
            path=path)) from None
    if not isinstance(data, dict) or data.get("augview_session") != VERSION:
        raise AugviewError(translate("Session", "{path}: not an augview session file").format(path=path))

    def field(name, kind, check=lambda value: True):
        value = data.get(name)
        if not isinstance(value, kind) or isinstance(value, bool) or not check(value):
            raise AugviewError(translate("Session", "{path}: the session's “{field}” is missing or invalid").format(
                path=path, field=name))
        return value

    image = field("image", (str, type(None)))
    preset = field("preset", (str, type(None)))
    seed = field("seed", int, lambda value: 0 <= value <= MAX_SEED)
    variants = field("variants", int, lambda value: 1 <= value <= MAX_VARIANTS)
    view = field("view", str, lambda value: value in VIEWS)
    pipeline = Pipeline.from_dict(data.get("pipeline"), source=str(path))  # PresetError: its problems
    return Session(image, preset, pipeline, seed, variants, view)


def find_beside(recorded: str | None, session_path: str) -> str | None:
    """``recorded`` if it exists, else the file of the same name beside the session file (a
    folder of photo and session moved together), else None."""
    if not recorded:
        return None
    if Path(recorded).is_file():
        return recorded
    beside = Path(session_path).resolve().parent / Path(recorded).name
    return str(beside) if beside.is_file() else None


class SessionFiles:
    """File > Save session… / Open session… for a window (`augview.gui.main_window.MainWindow`)."""

    def __init__(self, window):
        self.window = window

    def capture(self) -> Session:
        window = self.window
        window.commit_pending_edits()
        return Session(window.image_path, window.document.path, window.document.snapshot(),
                       window.seed_spin.value(), window.count_spin.value(), window.mode_box.currentData())

    def save_dialog(self) -> bool:
        window = self.window
        name = (window.document.pipeline.name or "session").replace(" ", "_") + SUFFIX
        start = str(Path(str(window.settings.value("last_dir", "") or Path.home())) / name)
        path, _ = QFileDialog.getSaveFileName(window, translate("Session", "Save session"), start,
                                              translate("Session", "augview sessions (*.augview)"))
        if not path:
            return False
        return self.save(path if path.endswith(SUFFIX) else path + SUFFIX)

    def save(self, path: str) -> bool:
        window = self.window
        try:
            write_session(path, self.capture())
        except OSError as err:
            window.show_error(translate("Session", "{path}: cannot save the session ({reason})").format(
                path=path, reason=err.strerror or err))
            return False
        window.statusBar().showMessage(translate("Session", "saved session {path}").format(path=path), 5000)
        window.settings.setValue("last_dir", str(Path(path).parent))
        return True

    def open_dialog(self) -> bool:
        window = self.window
        start = str(window.settings.value("last_dir", "") or Path.home())
        path, _ = QFileDialog.getOpenFileName(window, translate("Session", "Open session"), start,
                                              translate("Session", "augview sessions (*.augview);;All files (*)"))
        return self.open(path) if path else False

    def open(self, path: str, confirm: bool = True) -> bool:
        """Show the session in ``path``: its steps, seed, variants and view, then its photo."""
        window = self.window
        if confirm and not window.confirm_discard():
            return False
        try:
            session = read_session(path)
        except PresetError as err:
            window.show_error(problems_text(err))
            return False
        except AugviewError as err:
            window.show_error(str(err))
            return False
        preset = session.preset if session.preset and Path(session.preset).is_file() else None
        try:
            saved = preset is not None and Pipeline.load(preset).to_dict() == session.pipeline.to_dict()
        except AugviewError:
            saved = False  # the preset file changed into something else: the session's steps stand
        window.count_spin.setValue(session.variants)
        window.mode_box.setCurrentIndex(window.mode_box.findData(session.view))
        window.seed_spin.blockSignals(True)  # the replace below renders once, with this seed
        window.seed_spin.setValue(session.seed)
        window.seed_spin.blockSignals(False)
        window.document.replace(session.pipeline, preset, saved=saved)
        image = find_beside(session.image, path)
        if image is not None:
            window.open_image(image, remember=False)
        elif session.image and any(Path(p).is_dir() for p in (session.image, Path(path).parent / Path(session.image).name)):
            window.show_error(translate("Session", "{path}: the session's photo {image} is a folder, not a photo").format(
                path=path, image=session.image))
        elif session.image:
            window.show_error(translate("Session", "{path}: the session's photo {image} is gone").format(
                path=path, image=session.image))
        window.settings.setValue("last_dir", str(Path(path).parent))
        return True
