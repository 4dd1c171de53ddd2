"""The window's menus and shortcuts, as one table: each entry says what the person reads, which
keys trigger it and which public method of the window it calls. `augview.gui.menus` builds the
menu bar from it; nothing else declares a shortcut of the window.

A slot is the name of a public method of the window, or a dotted path through its public
attributes (``"document.undo"``, ``"side_windows.show_mix"``), called with ``args``. Keys are
portable key sequences (``"Ctrl+I"``) or Qt standard keys, whose bindings depend on the platform
(`shortcuts` resolves them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Union

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QKeySequence

Key = Union[str, QKeySequence.StandardKey]
StandardKey = QKeySequence.StandardKey
PORTABLE = QKeySequence.SequenceFormat.PortableText  # how sequences are written and compared here


@dataclass(frozen=True)
class Action:
    name: str  # its key in the built menus' ``actions``
    text: str  # translated in context "MainWindow" when the menu is built
    slot: str
    keys: tuple[Key, ...] = ()
    args: tuple = ()


@dataclass(frozen=True)
class Submenu:
    name: str
    text: str
    fill: str  # the function of augview.gui.menus that fills it: (window, menu) -> None
    on_open: bool = True  # refilled each time it opens (else filled once, when built)


SEPARATOR = None


MENUS: tuple[tuple[str, tuple[Action | Submenu | None, ...]], ...] = (
    (QT_TRANSLATE_NOOP("MainWindow", "&File"), (
        Action("new_preset", QT_TRANSLATE_NOOP("MainWindow", "&New preset"), "new_preset",
               (StandardKey.New,)),
        Action("open_preset", QT_TRANSLATE_NOOP("MainWindow", "&Open preset…"), "open_preset_dialog",
               (StandardKey.Open,)),
        Submenu("builtin_presets", QT_TRANSLATE_NOOP("MainWindow", "Built-in presets"), "fill_builtin_presets"),
        Action("save", QT_TRANSLATE_NOOP("MainWindow", "&Save preset"), "save", (StandardKey.Save,)),
        Action("save_as", QT_TRANSLATE_NOOP("MainWindow", "Save preset &as…"), "save_as", ("Ctrl+Shift+S",)),
        SEPARATOR,
        Action("open_image", QT_TRANSLATE_NOOP("MainWindow", "Open &image…"), "open_image_dialog",
               ("Ctrl+I",)),
        Action("open_folder", QT_TRANSLATE_NOOP("MainWindow", "Open &folder…"), "open_folder_dialog",
               ("Ctrl+Shift+O",)),
        Action("open_annotations", QT_TRANSLATE_NOOP("MainWindow", "Open a&nnotations…"),
               "targets.open_annotations_dialog", ("Ctrl+Shift+A",)),
        Action("next_image", QT_TRANSLATE_NOOP("MainWindow", "Next image"), "strip.step", ("PgDown",), (+1,)),
        Action("previous_image", QT_TRANSLATE_NOOP("MainWindow", "Previous image"), "strip.step", ("PgUp",),
               (-1,)),
        Submenu("recent", QT_TRANSLATE_NOOP("MainWindow", "Recent"), "fill_recent"),
        SEPARATOR,
        Action("open_session", QT_TRANSLATE_NOOP("MainWindow", "Open session…"), "sessions.open_dialog"),
        Action("save_session", QT_TRANSLATE_NOOP("MainWindow", "Save session…"), "sessions.save_dialog"),
        SEPARATOR,
        Action("export_grid", QT_TRANSLATE_NOOP("MainWindow", "&Export grid as PNG…"), "export_grid_dialog",
               ("Ctrl+E",)),
        Action("apply", QT_TRANSLATE_NOOP("MainWindow", "&Apply to folder…"), "side_windows.show_apply"),
        SEPARATOR,
        Action("quit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), "close", (StandardKey.Quit,)),
    )),
    (QT_TRANSLATE_NOOP("MainWindow", "&Edit"), (
        Action("undo", QT_TRANSLATE_NOOP("MainWindow", "&Undo"), "document.undo", (StandardKey.Undo,)),
        # Ctrl+Shift+Z everywhere, also where the platform's Redo is only Ctrl+Y.
        Action("redo", QT_TRANSLATE_NOOP("MainWindow", "&Redo"), "document.redo",
               ("Ctrl+Shift+Z", StandardKey.Redo)),
        SEPARATOR,
        Action("add_op", QT_TRANSLATE_NOOP("MainWindow", "Add op…"), "panel.show_picker", ("Ctrl+T",)),
        Action("remove_step", QT_TRANSLATE_NOOP("MainWindow", "Remove step"), "panel.remove_selected",
               (StandardKey.Delete,)),
        Action("move_up", QT_TRANSLATE_NOOP("MainWindow", "Move step up"), "panel.move_selected",
               ("Ctrl+Up",), (-1,)),
        Action("move_down", QT_TRANSLATE_NOOP("MainWindow", "Move step down"), "panel.move_selected",
               ("Ctrl+Down",), (+1,)),
    )),
    (QT_TRANSLATE_NOOP("MainWindow", "&View"), (
        Action("reroll", QT_TRANSLATE_NOOP("MainWindow", "Reroll variants"), "space_pressed", ("Space",)),
        Action("zoom_fit", QT_TRANSLATE_NOOP("MainWindow", "Zoom to fit"), "preview.view.set_fit", ("Ctrl+0",)),
        Action("zoom_100", QT_TRANSLATE_NOOP("MainWindow", "Zoom 100%"), "zoom_actual_size", ("Ctrl+1",)),
        Action("zoom_in", QT_TRANSLATE_NOOP("MainWindow", "Zoom in"), "zoom_by", (StandardKey.ZoomIn,),
               (1.25,)),
        Action("zoom_out", QT_TRANSLATE_NOOP("MainWindow", "Zoom out"), "zoom_by", (StandardKey.ZoomOut,),
               (0.8,)),
        SEPARATOR,
        Submenu("language", QT_TRANSLATE_NOOP("MainWindow", "&Language"), "fill_languages", on_open=False),
    )),
    (QT_TRANSLATE_NOOP("MainWindow", "&Tools"), (
        Action("mix", QT_TRANSLATE_NOOP("MainWindow", "&Mix images (mixup, CutMix, SamplePairing, mosaic)…"),
               "side_windows.show_mix", ("Ctrl+M",)),
        Action("smote", QT_TRANSLATE_NOOP("MainWindow", "&SMOTE explorer…"), "side_windows.show_smote"),
        SEPARATOR,
        Action("sweep", QT_TRANSLATE_NOOP("MainWindow", "Parameter s&weep of the selected step…"),
               "side_windows.show_sweep", ("Ctrl+W",)),
        Action("gallery", QT_TRANSLATE_NOOP("MainWindow", "Op &gallery…"), "side_windows.show_gallery",
               ("Ctrl+G",)),
        Action("compare", QT_TRANSLATE_NOOP("MainWindow", "&Compare two cells…"),
               "side_windows.show_compare", ("Ctrl+D",)),
        Action("presets", QT_TRANSLATE_NOOP("MainWindow", "Two p&resets side by side…"), "side_windows.show_presets"),
        Action("tta", QT_TRANSLATE_NOOP("MainWindow", "&Test-time crops…"), "side_windows.show_tta"),
        SEPARATOR,
        Action("presentation", QT_TRANSLATE_NOOP("MainWindow", "&Presentation mode (one step per slide)"),
               "side_windows.show_presentation", ("F5",)),
    )),
    (QT_TRANSLATE_NOOP("MainWindow", "&Help"), (
        Action("about", QT_TRANSLATE_NOOP("MainWindow", "&About augview"), "show_about"),
    )),
)


def actions() -> list[Action]:
    return [entry for _, entries in MENUS for entry in entries if isinstance(entry, Action)]


def portable(key: str) -> str:
    """A key sequence in Qt's portable text, the form two sequences are compared in."""
    return QKeySequence.fromString(key, PORTABLE).toString(PORTABLE)


def platform_bindings(key: QKeySequence.StandardKey) -> list[str]:
    """What a standard key means on the platform this program runs on."""
    return [s.toString(PORTABLE) for s in QKeySequence.keyBindings(key)]


def shortcuts(bindings: Callable[[QKeySequence.StandardKey], list[str]] = platform_bindings
              ) -> dict[str, list[str]]:
    """Each action's key sequences on a platform whose standard keys mean ``bindings``: its own
    keys and its standard keys' bindings, each once (Qt finds a sequence given twice ambiguous and
    then runs neither: X11's Redo is Ctrl+Shift+Z, which Redo also names itself). A binding that
    another action names as its own key stays that action's: X11's Delete also means Ctrl+D, which
    is Compare's here."""
    own = {portable(key): action.name for action in actions() for key in action.keys if isinstance(key, str)}
    table = {}
    for action in actions():
        sequences: list[str] = []
        for key in action.keys:
            candidates = [portable(key)] if isinstance(key, str) else bindings(key)
            for sequence in candidates:
                if sequence and sequence not in sequences and own.get(sequence, action.name) == action.name:
                    sequences.append(sequence)
        table[action.name] = sequences
    return table
