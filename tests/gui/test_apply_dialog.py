"""File > Apply to folder…: the batch run in the background, with progress and Cancel."""

from __future__ import annotations

import augview
from augview.batch.run import MANIFEST_NAME
from augview.gui.tools.apply_dialog import ApplyDialog

from .conftest import gradient


def make_folder(folder, count):
    folder.mkdir()
    for i in range(count):
        augview.save_image(folder / f"img{i:02d}.png", gradient(40 + i, 30))


def make_dialog(qtbot, tmp_path, count):
    make_folder(tmp_path / "in", count)
    pipe = augview.Pipeline([augview.Step("rotate"), augview.Step("horizontal_flip", p=0.5)], name="t")
    dialog = ApplyDialog(pipe, seed=4)
    qtbot.addWidget(dialog)
    dialog.input_edit.setText(str(tmp_path / "in"))
    dialog.output_edit.setText(str(tmp_path / "out"))
    dialog.workers.setValue(1)
    dialog.variants.setValue(2)
    return dialog


def test_a_run_writes_every_output_and_reports_progress(qtbot, tmp_path):
    dialog = make_dialog(qtbot, tmp_path, 4)
    assert dialog.progress.isHidden() and dialog.log.placeholderText()  # nothing to fill in there
    dialog.start()
    assert not dialog.start_button.isEnabled() and dialog.cancel_button.isEnabled()
    assert not dialog.progress.isHidden()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=20000)
    assert dialog.summary.written == 8 and dialog.summary.exit_code == 0
    assert dialog.progress.value() == dialog.progress.maximum() == 4
    assert len(list((tmp_path / "out").glob("*.aug0?.png"))) == 8
    assert (tmp_path / "out" / MANIFEST_NAME).exists()
    assert "8 written" in dialog.log.toPlainText()
    assert dialog.start_button.isEnabled()


def test_cancel_stops_early_and_leaves_no_partial_file(qtbot, tmp_path, monkeypatch):
    import time

    from augview.batch import workers as batch_workers

    real = batch_workers.Worker.__call__

    def slow(self, task):
        time.sleep(0.15)
        return real(self, task)

    monkeypatch.setattr(batch_workers.Worker, "__call__", slow)
    dialog = make_dialog(qtbot, tmp_path, 30)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.progress.value() >= 1, timeout=20000)
    dialog.cancel()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=20000)
    assert dialog.summary.interrupted == "cancelled"
    assert dialog.summary.written < 60
    assert not list((tmp_path / "out").rglob("*.tmp"))


def test_a_run_with_nothing_left_to_do_ends_complete_and_failures_show_on_the_bar(qtbot, tmp_path):
    dialog = make_dialog(qtbot, tmp_path, 2)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=20000)
    dialog.start()  # every output is already there: all skipped
    qtbot.waitUntil(lambda: dialog.summary is not None and dialog.summary.skipped == 4, timeout=20000)
    assert dialog.summary.written == 0 and dialog.progress.value() == dialog.progress.maximum()

    (tmp_path / "in" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.summary is not None and dialog.summary.failed == 2, timeout=20000)
    assert "2 failed" in dialog.progress.text()  # its two variants
    dialog.start()
    assert dialog.progress.format() == "%p%"  # a new run starts clean
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=20000)


def test_the_output_folder_follows_a_changed_input_folder(qtbot, tmp_path):
    """Issue 15: the output stayed beside the first input folder."""
    dialog = ApplyDialog(augview.Pipeline([augview.Step("rotate")]), seed=0, start_folder=str(tmp_path / "a"))
    qtbot.addWidget(dialog)
    assert dialog.output_edit.text() == str(tmp_path / "a_augmented")
    dialog.input_edit.setText(str(tmp_path / "photos"))
    assert dialog.output_edit.text() == str(tmp_path / "photos_augmented")
    dialog.input_edit.setText(str(tmp_path / "photos") + "/")  # typed on: still the same folder
    assert dialog.output_edit.text() == str(tmp_path / "photos_augmented")
    dialog.output_edit.setText(str(tmp_path / "mine"))  # chosen by hand: kept from now on
    dialog.input_edit.setText(str(tmp_path / "other"))
    assert dialog.output_edit.text() == str(tmp_path / "mine")
    empty = ApplyDialog(augview.Pipeline([augview.Step("rotate")]), seed=0)
    qtbot.addWidget(empty)
    empty.input_edit.setText(str(tmp_path / "new"))
    assert empty.output_edit.text() == str(tmp_path / "new_augmented")


def test_closing_the_window_during_a_folder_run_asks_first(qtbot, tmp_path, window, dialogs, monkeypatch):
    import time

    from PySide6.QtWidgets import QMessageBox

    from augview.batch import workers as batch_workers

    real = batch_workers.Worker.__call__
    monkeypatch.setattr(batch_workers.Worker, "__call__", lambda self, task: time.sleep(0.1) or real(self, task))
    make_folder(tmp_path / "in", 40)
    window.side_windows.show_apply()
    dialog = window.side_windows.apply
    dialog.input_edit.setText(str(tmp_path / "in"))
    dialog.output_edit.setText(str(tmp_path / "out"))
    dialog.workers.setValue(1)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.progress.value() >= 1, timeout=20000)
    dialogs.answers.append(QMessageBox.StandardButton.No)
    assert window.close() is False  # kept open, and the run goes on
    assert dialog.running() and "still running" in dialogs.questions[-1]
    dialogs.answers.append(QMessageBox.StandardButton.Yes)
    assert window.close() is True
    assert not dialog.running()  # stopped before the window went: the run wrote its manifest
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=20000)
    assert dialog.summary.interrupted == "cancelled"
    assert (tmp_path / "out" / MANIFEST_NAME).exists()
