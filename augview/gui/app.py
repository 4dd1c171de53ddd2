"""Start-up: the QApplication, settings, the error log, and the window."""

from __future__ import annotations

import gc
import os
import sys
import time
import traceback
import warnings
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication

from augview.core import paths
from augview.gui import i18n

ERROR_LOG = "errors.log"
ERROR_LOG_MAX_BYTES = 1_000_000  # then the log starts afresh, keeping the previous one as .1


def open_settings() -> QSettings:
    """The user's settings; AUGVIEW_SETTINGS=file.ini keeps them elsewhere (tests, demos)."""
    custom = os.environ.get("AUGVIEW_SETTINGS")
    if custom:
        return QSettings(custom, QSettings.Format.IniFormat)
    return QSettings("augview", "augview")


def data_folder() -> Path:
    """The folder for augview's own files (the error log): the platform's application data
    folder (~/.local/share/augview/augview, %APPDATA%\\augview\\augview, ~/Library/Application
    Support/augview/augview); AUGVIEW_DATA=folder puts them elsewhere (tests, demos)."""
    custom = os.environ.get("AUGVIEW_DATA")
    if custom:
        return Path(custom)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) if location else Path.home() / ".augview"


class ErrorReporter:
    """sys.excepthook while the window runs. An exception that reaches Qt (a slot, an event
    handler) does not stop the program, so without this the person sees only a window that
    stopped updating, and the traceback goes to a terminal they do not have. Here it is appended
    to the error log in `data_folder` and the status bar says, in one sentence, where."""

    def __init__(self, window=None, folder: Path | None = None):
        self.window = window
        self.folder = folder

    def __call__(self, kind, value, tb):
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        text = "".join(traceback.format_exception(kind, value, tb))
        try:
            sys.stderr.write(text)  # for whoever started the window from a terminal
        except (OSError, ValueError, AttributeError):
            pass
        try:
            where = self._append(text)
            message = QCoreApplication.translate(
                "MainWindow", "Something went wrong; details in {path}").format(path=where)
        except OSError as err:
            message = QCoreApplication.translate(
                "MainWindow", "Something went wrong, and the details could not be saved ({reason})").format(
                reason=err.strerror or err)
        try:
            if self.window is not None:
                self.window.statusBar().showMessage(message)
        except Exception:  # noqa: BLE001 - the window itself is broken: the log has it
            pass

    def _append(self, text: str) -> Path:
        folder = self.folder if self.folder is not None else data_folder()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / ERROR_LOG
        if path.exists() and path.stat().st_size > ERROR_LOG_MAX_BYTES:
            os.replace(path, path.with_name(ERROR_LOG + ".1"))
        # Appended, not replaced atomically: a log only grows, and a cut last entry loses nothing
        # that came before it.
        with open(path, "a", encoding="utf-8") as log:
            log.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} augview\n{text}\n")
        return path


def keep_collector_quick():
    """Move what exists once the window is built (modules, classes, the window) out of the cycle
    collector's sight: it lives as long as the program. A full collection holds Python's lock, so
    the window waits for it; afterwards it scans only what the session makes (with a 10,000-step
    preset open, ~10 ms instead of ~70). Objects without cycles are still freed as usual."""
    gc.collect()
    gc.freeze()
    # Full passes only every ~700,000 allocations instead of ~70,000: a preview of a long preset
    # makes that many (its traces), and a full pass still scans every object the session made.
    # Objects without cycles (nearly all) are freed as soon as they are dropped, whatever this.
    gc.set_threshold(700, 10, 100)


def run(image: str | None = None, preset: str | None = None, annotations: str | None = None) -> int:
    from augview.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    # Pillow warns (on stderr, nobody reads it) about images between its pixel limit and twice
    # it, which the window opens on purpose; beyond twice it, augview refuses them in a sentence.
    warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)
    app.setApplicationName("augview")
    app.setOrganizationName("augview")
    settings = open_settings()
    i18n.install(i18n.chosen_language(settings))  # before any widget: texts are translated when made
    if preset is None:
        last = settings.value("last_preset")
        preset = last if last and Path(last).is_file() else str(paths.DEFAULT_PRESET)
    reporter = ErrorReporter()
    thresholds = gc.get_threshold()
    previous, sys.excepthook = sys.excepthook, reporter  # from the window's first line on
    try:
        window = MainWindow(image=image, preset=preset, settings=settings, annotations=annotations)
        reporter.window = window
        keep_collector_quick()
        window.show()
        return app.exec()
    finally:
        sys.excepthook = previous
        gc.unfreeze()
        gc.set_threshold(*thresholds)
