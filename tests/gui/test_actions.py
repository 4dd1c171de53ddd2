"""The menus and shortcuts table (augview.gui.actions): every entry calls a public method of the
window, and no key sequence triggers two actions, or one action twice, on any platform Qt can
describe here.

Qt gives a standard key (Undo, Redo, Delete...) different sequences on each platform and only
reports those of the platform it runs on. The offscreen platform reports Qt's Windows bindings;
X11's (plain, KDE and GNOME themes) are read under Xvfb when it is installed (skipped otherwise).
macOS's cannot be queried off a Mac; there the table's own keys are the same, and Qt's Mac
bindings of the standard keys used here are Cmd+ sequences or Backspace.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from operator import attrgetter
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence

from augview.gui.actions import MENUS, Action, actions, portable, shortcuts
from augview.gui.menus import FILLS

ROOT = Path(__file__).resolve().parents[2]

# Builds the window on the platform it runs on and prints each menu action's key sequences.
WINDOW_SCRIPT = """
import json, sys, tempfile
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from augview.gui import MainWindow
settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
window = MainWindow(settings=settings)
names = {action: name for name, action in window.menus.actions.items()}
print(json.dumps({names[a]: [s.toString(QKeySequence.SequenceFormat.PortableText) for s in a.shortcuts()]
                  for a in window.actions()}))
window.document.mark_saved(window.document.path)
window.close()
"""


# Edits, undoes, then presses Ctrl+Shift+Z and Ctrl+Z as a person would, and prints what each did.
REDO_SCRIPT = """
import json, sys, tempfile
from pathlib import Path
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from augview.gui import MainWindow
settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
window = MainWindow(settings=settings)
window.show()
window.activateWindow()
QTest.qWaitForWindowActive(window, 5000)
before = len(window.document.pipeline.steps)
window.panel.add_op("invert")
window.document.undo()
modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
QTest.keyClick(window.panel.tree, Qt.Key.Key_Z, modifiers)
redone = len(window.document.pipeline.steps)
QTest.keyClick(window.panel.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
undone = len(window.document.pipeline.steps)
print(json.dumps({"before": before, "redone": redone, "undone": undone}))
window.document.mark_saved(window.document.path)
window.close()
"""


def window_shortcuts(*command: str, env: dict) -> dict[str, list[str]]:
    proc = subprocess.run([*command, sys.executable, "-c", WINDOW_SCRIPT], capture_output=True, text=True,
                          env={**os.environ, **env}, cwd=ROOT, timeout=120)
    if proc.returncode != 0 and "platform plugin" in proc.stderr:
        pytest.skip(f"Qt cannot start {env.get('QT_QPA_PLATFORM')} here: {proc.stderr.strip().splitlines()[-1]}")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run_script(script: str, *command: str, env: dict) -> dict:
    proc = subprocess.run([*command, sys.executable, "-c", script], capture_output=True, text=True,
                          env={**os.environ, **env}, cwd=ROOT, timeout=120)
    if proc.returncode != 0 and "platform plugin" in proc.stderr:
        pytest.skip(f"Qt cannot start {env.get('QT_QPA_PLATFORM')} here: {proc.stderr.strip().splitlines()[-1]}")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")
@pytest.mark.parametrize("theme", ["", "kde", "gnome"])
def test_ctrl_shift_z_redoes_on_x11(theme):
    """Issue 15, defect 2: on X11 the key was registered twice, Qt found it ambiguous and nothing
    was redone. Pressed here on a real X server (Xvfb), as a person presses it."""
    done = run_script(REDO_SCRIPT, "xvfb-run", "-a", env={"QT_QPA_PLATFORM": "xcb", "QT_QPA_PLATFORMTHEME": theme})
    assert done["redone"] == done["before"] + 1  # Ctrl+Shift+Z brought the step back
    assert done["undone"] == done["before"]  # and Ctrl+Z took it away again


def assert_unique(table: dict[str, list[str]]):
    owners = Counter(sequence for sequences in table.values() for sequence in set(sequences))
    shared = {s: [name for name, seqs in table.items() if s in seqs] for s, n in owners.items() if n > 1}
    assert not shared, f"key sequences that trigger more than one action: {shared}"
    twice = {name: seqs for name, seqs in table.items() if len(seqs) != len(set(seqs))}
    assert not twice, f"actions that name a key sequence twice (Qt then finds it ambiguous): {twice}"


def test_the_windows_actions_share_no_shortcut(window):
    sequences = {a.text(): [s.toString(QKeySequence.SequenceFormat.PortableText) for s in a.shortcuts()]
                 for a in window.actions()}
    assert_unique(sequences)
    assert len(window.actions()) == len(actions())  # every table entry, and only those, is a window action
    redo = window.menus.actions["redo"].shortcuts()
    assert QKeySequence("Ctrl+Shift+Z") in redo  # named once, and there


@pytest.mark.parametrize("command, env", [
    ((), {"QT_QPA_PLATFORM": "offscreen"}),
    (("xvfb-run", "-a"), {"QT_QPA_PLATFORM": "xcb", "QT_QPA_PLATFORMTHEME": ""}),
    (("xvfb-run", "-a"), {"QT_QPA_PLATFORM": "xcb", "QT_QPA_PLATFORMTHEME": "kde"}),
    (("xvfb-run", "-a"), {"QT_QPA_PLATFORM": "xcb", "QT_QPA_PLATFORMTHEME": "gnome"}),
], ids=["offscreen (Windows keys)", "X11", "X11 KDE", "X11 GNOME"])
def test_no_key_sequence_triggers_two_actions_on_each_platform(command, env):
    if command and shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed")
    table = window_shortcuts(*command, env=env)
    assert set(table) == {a.name for a in actions()}
    assert_unique(table)
    assert table["redo"].count("Ctrl+Shift+Z") == 1  # X11's Redo is Ctrl+Shift+Z too (issue 15)
    assert "Ctrl+D" in table["compare"]  # X11's Delete also means Ctrl+D: left to Compare
    assert "Del" in table["remove_step"] and "Ctrl+Z" in table["undo"]


def test_a_platform_binding_that_another_action_names_is_left_to_it():
    bindings = {"Delete": ["Del", "Ctrl+D"], "Redo": ["Ctrl+Shift+Z", "Ctrl+Y"]}
    table = shortcuts(lambda key: bindings.get(key.name, []))
    assert table["remove_step"] == ["Del"] and table["compare"] == ["Ctrl+D"]
    assert table["redo"] == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert portable("PgDown") in table["next_image"]


def test_every_entry_calls_a_public_method_of_the_window(window):
    for _, entries in MENUS:
        for entry in entries:
            if isinstance(entry, Action):
                assert not any(part.startswith("_") for part in entry.slot.split(".")), entry.slot
                assert callable(attrgetter(entry.slot)(window)), entry.slot
            elif entry is not None:
                assert entry.fill in FILLS
    names = [a.name for a in actions()]
    assert len(names) == len(set(names)) and set(window.menus.actions) == set(names)


def test_menu_entries_call_their_slots(qtbot, window):
    from .conftest import wait_render

    window.panel.rebuild(select=(0,))
    window.menus.actions["move_down"].trigger()
    assert [s.op for s in window.document.pipeline.steps][:2] == ["brightness_contrast", "rotate"]
    window.menus.actions["undo"].trigger()
    assert window.document.pipeline.steps[0].op == "rotate"
    window.menus.actions["zoom_100"].trigger()  # the original at one image pixel per screen pixel
    assert not window.preview.view.fit and window.preview.cells[0].pane.scale() == pytest.approx(1.0)
    zoom = window.preview.view.zoom
    window.menus.actions["zoom_in"].trigger()
    assert window.preview.view.zoom == pytest.approx(zoom * 1.25)
    window.menus.actions["zoom_fit"].trigger()
    assert window.preview.view.fit
    seed = window.seed_spin.value()
    window.menus.actions["reroll"].trigger()
    assert window.seed_spin.value() != seed
    wait_render(qtbot, window)


def test_the_builtin_presets_menu_opens_a_shipped_preset(window):
    menu = window.menus.submenus["builtin_presets"]
    menu.aboutToShow.emit()  # filled when it opens
    entry = next(a for a in menu.actions() if a.text() == "light classification")
    entry.trigger()
    assert window.document.pipeline.name == "light classification"
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions()].count("light classification") == 1  # refilled, not added to


def test_help_about_says_what_is_running_and_where_the_files_are(window, monkeypatch):
    import augview
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda parent, title, text, *a: shown.append((title, text))))
    window.menus.actions["about"].trigger()
    [(title, text)] = shown
    assert title == "About augview"
    assert f"augview {augview.__version__}" in text and "PySide6" in text and "OpenCV" in text
    assert window.settings.fileName() in text
