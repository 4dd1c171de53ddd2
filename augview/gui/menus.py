"""The menu bar, built from the table in `augview.gui.actions`, and the submenus filled from the
window's state (built-in presets, recent files, languages). The texts keep the "MainWindow"
translation context."""

from __future__ import annotations

import platform
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

import cv2
import numpy as np
import PIL
import PySide6
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

import augview
from augview.core import paths
from augview.gui import i18n
from augview.gui.app import data_folder
from augview.gui.actions import MENUS, PORTABLE, SEPARATOR, Action, shortcuts


class Menus(NamedTuple):
    actions: dict[str, QAction]  # by the table's names, e.g. actions["undo"]
    submenus: dict[str, QMenu]  # e.g. submenus["recent"]


def translate(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def build_menus(window) -> Menus:
    """The menu bar of ``window``; every action is also added to the window, so its shortcut
    works wherever the focus is."""
    keys = shortcuts()
    actions, submenus = {}, {}
    for title, entries in MENUS:
        menu = window.menuBar().addMenu(translate(title))
        for entry in entries:
            if entry is SEPARATOR:
                menu.addSeparator()
            elif isinstance(entry, Action):
                action = QAction(translate(entry.text), window)
                action.setShortcuts([QKeySequence.fromString(k, PORTABLE) for k in keys[entry.name]])
                action.triggered.connect(lambda *_, e=entry: attrgetter(e.slot)(window)(*e.args))
                menu.addAction(action)
                window.addAction(action)
                actions[entry.name] = action
            else:
                submenu = submenus[entry.name] = menu.addMenu(translate(entry.text))
                fill = FILLS[entry.fill]
                if entry.on_open:
                    submenu.aboutToShow.connect(lambda m=submenu, f=fill: f(window, m))
                else:
                    fill(window, submenu)
    return Menus(actions, submenus)


def fill_builtin_presets(window, menu: QMenu):
    menu.clear()
    for path in paths.builtin_presets():
        menu.addAction(path.stem.replace("_", " "), lambda p=path: window.open_preset(p))


def fill_recent(window, menu: QMenu):
    """The recent images and presets that still exist."""
    menu.clear()
    labels = {"recent_images": QCoreApplication.translate("MainWindow", "image: {path}"),
              "recent_presets": QCoreApplication.translate("MainWindow", "preset: {path}")}
    for key, label in labels.items():
        for path in window.recent.paths(key):
            if Path(path).exists():  # a file deleted since is not offered
                menu.addAction(label.format(path=path), lambda p=path: window.open_path(p))
    if menu.isEmpty():
        menu.addAction(QCoreApplication.translate("MainWindow", "(nothing yet)")).setEnabled(False)


def fill_languages(window, menu: QMenu):
    """The languages, each named in itself, one checked; the choice is stored and applies at the
    next start."""
    group = QActionGroup(menu)
    current = i18n.chosen_language(window.settings)
    for code, name in i18n.LANGUAGES.items():
        action = menu.addAction(name, lambda c=code: choose_language(window, c))
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        group.addAction(action)


FILLS = {"fill_builtin_presets": fill_builtin_presets, "fill_recent": fill_recent, "fill_languages": fill_languages}


def choose_language(window, code: str):
    """Store the choice and say when it applies. Under AUGVIEW_LANG the variable wins: say so,
    rather than only moving the check mark (issue 15)."""
    overridden = i18n.environment_notice(code)
    if code == i18n.normalize(window.settings.value(i18n.SETTINGS_KEY, i18n.DEFAULT_LANGUAGE)) and not overridden:
        return
    window.settings.setValue(i18n.SETTINGS_KEY, code)
    notice = i18n.restart_notice(code) + (f"\n\n{overridden}" if overridden else "")
    QMessageBox.information(window, QCoreApplication.translate("MainWindow", "Language"), notice)


# ---- Help > About augview: what is running (for a bug report) and where its files are ----


def about_text(settings) -> str:
    """The versions of augview and what it runs on, and its settings and data files, one a line."""
    title = QCoreApplication.translate("About", "augview {version}: see what an image augmentation pipeline does "
                                                "before you train on it.").format(version=augview.__version__)
    lines = [
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__} (Qt {qVersion()}), "
        f"numpy {np.__version__}, OpenCV {cv2.__version__}, Pillow {PIL.__version__}",
        f"{platform.system()} {platform.release()} {platform.machine()}",
        QCoreApplication.translate("About", "settings: {path}").format(path=settings.fileName()),
        QCoreApplication.translate("About", "error log and data: {path}").format(path=data_folder()),
        QCoreApplication.translate("About", "The README that comes with augview explains the window, the "
                                            "command line and the Python API."),
    ]
    return title + "\n\n" + "\n".join(lines)


def show_about(window) -> None:
    QMessageBox.information(window, QCoreApplication.translate("About", "About augview"), about_text(window.settings))
