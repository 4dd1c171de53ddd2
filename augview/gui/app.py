"""Start-up: the QApplication, settings, and the window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from augview.core import paths
from augview.gui import i18n


def open_settings() -> QSettings:
    """The user's settings; AUGVIEW_SETTINGS=file.ini keeps them elsewhere (tests, demos)."""
    custom = os.environ.get("AUGVIEW_SETTINGS")
    if custom:
        return QSettings(custom, QSettings.Format.IniFormat)
    return QSettings("augview", "augview")


def run(image: str | None = None, preset: str | None = None, annotations: str | None = None) -> int:
    from augview.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("augview")
    app.setOrganizationName("augview")
    settings = open_settings()
    i18n.install(i18n.chosen_language(settings))  # before any widget: texts are translated when made
    if preset is None:
        last = settings.value("last_preset")
        preset = last if last and Path(last).is_file() else str(paths.DEFAULT_PRESET)
    window = MainWindow(image=image, preset=preset, settings=settings, annotations=annotations)
    window.show()
    return app.exec()
