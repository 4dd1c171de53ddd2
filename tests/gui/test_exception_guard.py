"""No exception may escape into Qt unseen (issue 18).

In the tests: pytest-qt's capture sees an exception raised in every place Qt calls Python (a slot
run from emit, a slot run by the event loop, an event handler), so it fails the test that caused
it. In the app: `ErrorReporter` writes the traceback to the error log in the user's data folder
and says where in the status bar, and the window keeps working.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.exceptions import capture_exceptions

from augview.gui import app as app_module
from augview.gui import main_window as main_window_module
from .conftest import qt_capture_is_on, wait_render


class Boom(Exception):
    pass


class Emitter(QObject):
    fired = Signal()


class KeyWidget(QWidget):
    def keyPressEvent(self, event):
        raise Boom("in an event handler")


def test_window_tests_run_with_pytest_qts_capture_on():
    assert qt_capture_is_on()


def test_the_capture_sees_exceptions_in_slots_and_event_handlers(qtbot):
    emitter = Emitter()

    def slot():
        raise Boom("in a slot run from emit")

    emitter.fired.connect(slot)
    widget = KeyWidget()
    qtbot.addWidget(widget)
    with capture_exceptions() as caught:
        emitter.fired.emit()  # Qt prints it and goes on: emit() does not raise
        QTimer.singleShot(0, lambda: (_ for _ in ()).throw(Boom("in a slot run by the event loop")))
        QApplication.postEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier))
        qtbot.wait(20)
    assert sorted(str(value).split(": ")[-1] for _, value, _ in caught) == [
        "in a slot run by the event loop", "in a slot run from emit", "in an event handler"]


def test_the_data_folder_is_the_platforms_or_the_override(monkeypatch, tmp_path):
    monkeypatch.delenv("AUGVIEW_DATA")
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    assert app_module.data_folder() == Path(location)
    monkeypatch.setenv("AUGVIEW_DATA", str(tmp_path / "elsewhere"))
    assert app_module.data_folder() == tmp_path / "elsewhere"


def test_an_exception_in_a_slot_is_logged_and_named_in_the_status_bar(qtbot, window, capsys):
    def broken_slot():
        raise ZeroDivisionError("a bug in a slot")

    # In place of pytest-qt's hook for a moment (put back before the guard fixture checks it).
    pytest_qt_hook, sys.excepthook = sys.excepthook, app_module.ErrorReporter(window)
    try:
        for _ in range(2):
            QTimer.singleShot(0, broken_slot)
            qtbot.wait(20)
    finally:
        sys.excepthook = pytest_qt_hook
    log = app_module.data_folder() / app_module.ERROR_LOG
    text = log.read_text(encoding="utf-8")
    assert text.count("ZeroDivisionError: a bug in a slot") == 2 and "in broken_slot" in text
    message = window.statusBar().currentMessage()
    assert message == f"Something went wrong; details in {log}"
    assert "ZeroDivisionError" in capsys.readouterr().err  # a terminal still gets it
    # The window goes on working.
    window.document.set_p((0,), 0.5)
    wait_render(qtbot, window)


def test_the_log_starts_afresh_past_its_size_limit(window, monkeypatch, tmp_path):
    monkeypatch.setattr(app_module, "ERROR_LOG_MAX_BYTES", 100)
    reporter = app_module.ErrorReporter(window, folder=tmp_path)
    for number in range(3):
        try:
            raise ValueError(f"error {number} " + "x" * 80)
        except ValueError:
            reporter(*sys.exc_info())
    assert "error 2" in (tmp_path / "errors.log").read_text(encoding="utf-8")
    assert "error 1" in (tmp_path / "errors.log.1").read_text(encoding="utf-8")
    assert "error 1" not in (tmp_path / "errors.log").read_text(encoding="utf-8")


def test_an_unwritable_data_folder_still_gives_one_sentence(window, tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    reporter = app_module.ErrorReporter(window, folder=blocker / "data")
    try:
        raise KeyError("x")
    except KeyError:
        reporter(*sys.exc_info())
    message = window.statusBar().currentMessage()
    assert message.startswith("Something went wrong, and the details could not be saved (")
    assert "\n" not in message


def test_run_reports_errors_while_the_window_runs_and_restores_the_hook(monkeypatch):
    assert gc.get_freeze_count() == 0
    seen = {}

    class FakeWindow:
        def __init__(self, image=None, preset=None, settings=None, annotations=None):
            seen["hook while building"] = sys.excepthook

        def show(self):
            pass

    def fake_exec(self):
        seen["hook while running"] = sys.excepthook
        seen["frozen while running"] = gc.get_freeze_count()
        return 0

    monkeypatch.setattr(main_window_module, "MainWindow", FakeWindow)
    monkeypatch.setattr(QApplication, "exec", fake_exec)
    before = sys.excepthook
    assert app_module.run() == 0
    hook = seen["hook while running"]
    assert isinstance(hook, app_module.ErrorReporter) and isinstance(hook.window, FakeWindow)
    assert seen["hook while building"] is hook
    assert sys.excepthook is before
    # What start-up made is out of the cycle collector's sight while the window runs (a full
    # collection holds Python's lock: the window would wait for a scan of every module).
    assert seen["frozen while running"] > 10_000 and gc.get_freeze_count() == 0
