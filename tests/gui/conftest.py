"""Fixtures for the window tests (pytest-qt, offscreen).

No test may block on a modal dialog: every QMessageBox / QFileDialog entry point the window uses is
replaced by `dialogs`, which answers from a queue the test fills and fails the test loudly when a
dialog appears that the test did not expect.

No exception may escape into Qt unseen: an exception in a slot or an event handler does not stop a
Qt program, it only goes to sys.excepthook. pytest-qt's exception capture (kept on: see
`exceptions_fail_the_test`) puts its hook there and fails the test that raised; the fixture checks
the capture is on for every window test and still in place at the end, and fails the test on an
exception a worker thread let through.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

import augview

RENDER_TIMEOUT = 5000  # ms; a render of a 64x48 image takes a few ms


def qt_capture_is_on() -> bool:
    """pytest-qt's hook (a partial of its ``_except_hook``) is sys.excepthook."""
    from pytestqt import exceptions

    return getattr(sys.excepthook, "func", None) is exceptions._except_hook


@pytest.fixture(autouse=True)
def exceptions_fail_the_test(request):
    assert not request.config.getini("qt_no_exception_capture"), \
        "qt_no_exception_capture is set: exceptions in slots would pass unseen"
    assert request.node.get_closest_marker("qt_no_exception_capture") is None, \
        "a window test may not switch pytest-qt's exception capture off"
    assert qt_capture_is_on(), "pytest-qt's exception capture is not installed"
    hook = sys.excepthook
    thread_errors = []
    previous_thread_hook = threading.excepthook

    def thread_hook(args):
        thread_errors.append(f"{args.exc_type.__name__}: {args.exc_value} (thread {args.thread})")
        previous_thread_hook(args)

    threading.excepthook = thread_hook
    yield
    threading.excepthook = previous_thread_hook
    assert sys.excepthook is hook, "sys.excepthook was replaced during the test: exceptions reaching Qt went unseen"
    assert not thread_errors, f"exceptions in threads: {thread_errors}"


class Dialogs:
    """Stand-ins for the modal dialogs. Fill ``answers`` / ``save_paths`` / ``open_paths`` before
    the action; every call is recorded. An unexpected call raises and is reported at teardown."""

    def __init__(self):
        self.answers: list = []  # QMessageBox.question answers, in order
        self.questions: list[str] = []
        self.allow_warnings = False
        self.warnings: list[str] = []
        self.save_paths: list[str] = []  # QFileDialog.getSaveFileName results ("" = cancelled)
        self.open_paths: list[str] = []  # QFileDialog.getOpenFileName results
        self.folders: list[str] = []  # QFileDialog.getExistingDirectory results
        self.file_dialogs: list[str] = []
        self.unexpected: list[str] = []

    def _fail(self, what: str):
        self.unexpected.append(what)
        raise AssertionError(f"unexpected dialog: {what}")

    def question(self, parent, title, text, *args, **kwargs):
        self.questions.append(text)
        if not self.answers:
            self._fail(f"QMessageBox.question({text!r})")
        return self.answers.pop(0)

    def warning(self, parent, title, text, *args, **kwargs):
        self.warnings.append(text)
        if not self.allow_warnings:
            self._fail(f"QMessageBox.warning({text!r})")
        return QMessageBox.StandardButton.Ok

    def other_box(self, parent, title, text, *args, **kwargs):
        self._fail(f"QMessageBox({title!r}, {text!r})")

    def get_save(self, parent, caption, *args, **kwargs):
        self.file_dialogs.append(caption)
        if not self.save_paths:
            self._fail(f"QFileDialog.getSaveFileName({caption!r})")
        return self.save_paths.pop(0), ""

    def get_open(self, parent, caption, *args, **kwargs):
        self.file_dialogs.append(caption)
        if not self.open_paths:
            self._fail(f"QFileDialog.getOpenFileName({caption!r})")
        return self.open_paths.pop(0), ""

    def get_folder(self, parent, caption, *args, **kwargs):
        self.file_dialogs.append(caption)
        if not self.folders:
            self._fail(f"QFileDialog.getExistingDirectory({caption!r})")
        return self.folders.pop(0)


@pytest.fixture(autouse=True)
def dialogs(monkeypatch):
    fake = Dialogs()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(fake.question))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(fake.warning))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(fake.other_box))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(fake.other_box))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake.get_save))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake.get_open))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(fake.get_folder))
    yield fake
    assert not fake.unexpected, f"unexpected dialogs: {fake.unexpected}"


@pytest.fixture(autouse=True)
def isolated_settings(monkeypatch, tmp_path):
    """The user's real settings are never read or written by a test."""
    path = tmp_path / "augview_settings.ini"
    monkeypatch.setenv("AUGVIEW_SETTINGS", str(path))
    monkeypatch.setenv("AUGVIEW_DATA", str(tmp_path / "augview_data"))  # the error log too
    monkeypatch.delenv("AUGVIEW_LANG", raising=False)  # English, whatever the developer uses
    return path


def gradient(height=48, width=64) -> np.ndarray:
    """A small image with structure in every channel, so flips, rotations and colour ops all
    change it visibly."""
    y, x = np.mgrid[0:height, 0:width]
    return np.stack([x * 255 // max(1, width - 1), y * 255 // max(1, height - 1), (x * y) % 256],
                    axis=2).astype(np.uint8)


@pytest.fixture
def image_file(tmp_path) -> Path:
    path = tmp_path / "small.png"
    augview.save_image(path, gradient())
    return path


@pytest.fixture
def other_image_file(tmp_path) -> Path:
    path = tmp_path / "other.png"
    augview.save_image(path, gradient(30, 40)[::-1].copy())
    return path


def preset_pipeline(name="test preset", seed=7) -> augview.Pipeline:
    """Two steps that always fire (so traces always hold drawn values) and a coin-flip mirror."""
    return augview.Pipeline([
        augview.Step("rotate", {"limit": (-30.0, 30.0)}),
        augview.Step("brightness_contrast", {"brightness_limit": (-0.2, 0.2)}),
        augview.Step("horizontal_flip", p=0.5),
    ], name=name, description="for the window tests", seed=seed)


def write_preset(path: Path, **kwargs) -> Path:
    preset_pipeline(**kwargs).save(path)
    return path


@pytest.fixture
def preset_file(tmp_path) -> Path:
    return write_preset(tmp_path / "test_preset.json")


def rendered(window) -> bool:
    """The newest request has been painted."""
    out = window.last_output
    return out is not None and out.job_id == window.renders.ticket


def wait_render(qtbot, window):
    qtbot.waitUntil(lambda: rendered(window), timeout=RENDER_TIMEOUT)
    return window.last_output


def close_window(window):
    window.document.mark_saved(window.document.path)  # nothing to save: close must not ask
    window.close()
    window.deleteLater()


@pytest.fixture
def make_window(qtbot, tmp_path):
    """Build windows on demand; each waits for its first painted render. All are closed at the end."""
    from augview.gui import MainWindow

    made = []

    def make(image=None, preset=None, wait=True, **kwargs):
        settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(image=image, preset=preset, settings=settings, **kwargs)
        made.append(window)
        if wait:
            qtbot.waitUntil(lambda: window.last_output is not None, timeout=RENDER_TIMEOUT)
            wait_render(qtbot, window)
        return window

    yield make
    for window in made:
        close_window(window)


@pytest.fixture
def window(make_window, image_file, preset_file):
    """A window on a 64x48 image and a three-step preset (rotate, brightness_contrast, flip)."""
    return make_window(image=image_file, preset=preset_file)
