"""The window's menus: File, Edit, View, Tools. Kept apart from main_window.py so that file holds
the window's behaviour; the texts keep the "MainWindow" translation context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMessageBox

from augview.core import paths
from augview.gui import i18n


def add_action(window, menu, text, slot, shortcut=None, tip=""):
    action = QAction(text, window)
    if shortcut:
        action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
    action.setStatusTip(tip)
    action.triggered.connect(lambda *_: slot())
    menu.addAction(action)
    window.addAction(action)
    return action


def build_menus(window):
    """The menu bar; every action is also added to the window, so its shortcut works anywhere."""
    bar = window.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    add_action(
        window,
        file_menu,
        QCoreApplication.translate("MainWindow", "&New preset"),
        window.new_preset,
        QKeySequence.StandardKey.New,
    )
    add_action(
        window,
        file_menu,
        QCoreApplication.translate("MainWindow", "&Open preset…"),
        window.open_preset_dialog,
        QKeySequence.StandardKey.Open,
    )
    window.builtin_menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "Built-in presets"))
    for path in paths.builtin_presets():
        window.builtin_menu.addAction(path.stem.replace("_", " "), lambda p=path: window.open_preset(p))
    add_action(
        window,
        file_menu,
        QCoreApplication.translate("MainWindow", "&Save preset"),
        window.save,
        QKeySequence.StandardKey.Save,
    )
    add_action(
        window,
        file_menu,
        QCoreApplication.translate("MainWindow", "Save preset &as…"),
        window.save_as,
        QKeySequence("Ctrl+Shift+S"),
    )
    file_menu.addSeparator()
    add_action(
        window,
        file_menu,
        QCoreApplication.translate("MainWindow", "Open &image…"),
        window.open_image_dialog,
        QKeySequence("Ctrl+I"),
    )
    add_action(
        window,
        file_menu,
        QCoreApplication.translate("MainWindow", "Open &folder…"),
        window.open_folder_dialog,
        QKeySequence("Ctrl+Shift+O"),
    )
    add_action(
        window,
        file_menu,
        QCoreApplication.translate("MainWindow", "Next image"),
        lambda: window.strip.step(+1),
        QKeySequence("PgDown"),
    )
    add_action(
        window,
        file_menu,
        QCoreApplication.translate("MainWindow", "Previous image"),
        lambda: window.strip.step(-1),
        QKeySequence("PgUp"),
    )
    window.recent_menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "Recent"))
    window.recent_menu.aboutToShow.connect(window._fill_recent_menu)
    file_menu.addSeparator()
    add_action(
        window,
        file_menu,
        QCoreApplication.translate("MainWindow", "&Export grid as PNG…"),
        window.export_grid_dialog,
        QKeySequence("Ctrl+E"),
    )
    add_action(
        window,
        file_menu,
        QCoreApplication.translate("MainWindow", "&Apply to folder…"),
        window.side_windows.show_apply,
    )
    file_menu.addSeparator()
    add_action(
        window,
        file_menu,
        QCoreApplication.translate("MainWindow", "&Quit"),
        window.close,
        QKeySequence.StandardKey.Quit,
    )

    edit = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    window.undo_action = add_action(
        window,
        edit,
        QCoreApplication.translate("MainWindow", "&Undo"),
        window.document.undo,
        QKeySequence.StandardKey.Undo,
    )
    window.redo_action = add_action(
        window,
        edit,
        QCoreApplication.translate("MainWindow", "&Redo"),
        window.document.redo,
        [QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo],
    )
    edit.addSeparator()
    add_action(
        window,
        edit,
        QCoreApplication.translate("MainWindow", "Add op…"),
        window.panel.show_picker,
        QKeySequence("Ctrl+T"),
    )
    add_action(
        window,
        edit,
        QCoreApplication.translate("MainWindow", "Remove step"),
        window.panel.remove_selected,
        QKeySequence.StandardKey.Delete,
    )
    add_action(
        window,
        edit,
        QCoreApplication.translate("MainWindow", "Move step up"),
        lambda: window.panel.move_selected(-1),
        QKeySequence("Ctrl+Up"),
    )
    add_action(
        window,
        edit,
        QCoreApplication.translate("MainWindow", "Move step down"),
        lambda: window.panel.move_selected(+1),
        QKeySequence("Ctrl+Down"),
    )

    view = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    add_action(
        window,
        view,
        QCoreApplication.translate("MainWindow", "Reroll variants"),
        window._space,
        QKeySequence("Space"),
    )
    add_action(
        window,
        view,
        QCoreApplication.translate("MainWindow", "Zoom to fit"),
        window.preview.view.set_fit,
        QKeySequence("Ctrl+0"),
    )
    add_action(
        window,
        view,
        QCoreApplication.translate("MainWindow", "Zoom 100%"),
        lambda: window.preview.view.set_zoom(1.0),
        QKeySequence("Ctrl+1"),
    )
    add_action(
        window,
        view,
        QCoreApplication.translate("MainWindow", "Zoom in"),
        lambda: window._zoom_by(1.25),
        QKeySequence.StandardKey.ZoomIn,
    )
    add_action(
        window,
        view,
        QCoreApplication.translate("MainWindow", "Zoom out"),
        lambda: window._zoom_by(0.8),
        QKeySequence.StandardKey.ZoomOut,
    )
    view.addSeparator()
    build_language_menu(window, view.addMenu(QCoreApplication.translate("MainWindow", "&Language")))
    tools = bar.addMenu(QCoreApplication.translate("MainWindow", "&Tools"))
    side = window.side_windows
    add_action(
        window,
        tools,
        QCoreApplication.translate("MainWindow", "&Mix images (mixup, CutMix, SamplePairing, mosaic)…"),
        side.show_mix,
        QKeySequence("Ctrl+M"),
    )
    add_action(window, tools, QCoreApplication.translate("MainWindow", "&SMOTE explorer…"), side.show_smote)
    tools.addSeparator()
    add_action(
        window,
        tools,
        QCoreApplication.translate("MainWindow", "Parameter s&weep of the selected step…"),
        side.show_sweep,
        QKeySequence("Ctrl+W"),
    )
    add_action(
        window,
        tools,
        QCoreApplication.translate("MainWindow", "Op &gallery…"),
        side.show_gallery,
        QKeySequence("Ctrl+G"),
    )
    add_action(
        window,
        tools,
        QCoreApplication.translate("MainWindow", "&Compare original and variant #1…"),
        side.show_compare,
        QKeySequence("Ctrl+D"),
    )
    add_action(window, tools, QCoreApplication.translate("MainWindow", "&Test-time crops…"), side.show_tta)
    tools.addSeparator()
    add_action(
        window,
        tools,
        QCoreApplication.translate("MainWindow", "&Presentation mode (one step per slide)"),
        side.show_presentation,
        QKeySequence("F5"),
    )
    window._update_undo_actions()


def build_language_menu(window, menu):
    """The languages, each named in itself; the choice is stored and applies at the next start."""
    window.language_actions = QActionGroup(window)
    current = i18n.chosen_language(window.settings)
    for code, name in i18n.LANGUAGES.items():
        action = menu.addAction(name, lambda c=code: choose_language(window, c))
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        window.language_actions.addAction(action)


def choose_language(window, code: str):
    if code == i18n.normalize(window.settings.value(i18n.SETTINGS_KEY, i18n.DEFAULT_LANGUAGE)):
        return
    window.settings.setValue(i18n.SETTINGS_KEY, code)
    QMessageBox.information(
        window, QCoreApplication.translate("MainWindow", "Language"), i18n.restart_notice(code)
    )
