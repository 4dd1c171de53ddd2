"""Files: presets opened and saved (with the modified mark), the unsaved-changes prompt, files
dropped on the window, folders, and readable errors for bad files that leave the window as it was."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox

import augview
from augview import Pipeline
from augview.core import paths
from augview.gui import main_window as main_window_module
from .conftest import RENDER_TIMEOUT, gradient, wait_render, write_preset

Save = QMessageBox.StandardButton.Save
Discard = QMessageBox.StandardButton.Discard
Cancel = QMessageBox.StandardButton.Cancel


def edit(window):
    window.document.set_param((0,), "limit", (-5.0, 5.0))


def wait_image(qtbot, window, path):
    qtbot.waitUntil(lambda: window.image_path == str(path), timeout=RENDER_TIMEOUT)
    return wait_render(qtbot, window)


def urls_mime(*paths_or_urls) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([u if isinstance(u, QUrl) else QUrl.fromLocalFile(str(u)) for u in paths_or_urls])
    return mime


def drop(window, *paths_or_urls):
    mime = urls_mime(*paths_or_urls)
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    return event


# ---- modified mark ------------------------------------------------------------------------------


def test_title_shows_the_modified_mark(window):
    assert "[*]" in window.windowTitle()
    assert not window.isWindowModified()
    edit(window)
    assert window.isWindowModified()
    window.menus.actions["undo"].trigger()
    assert not window.isWindowModified()  # back to what is on disk
    window.menus.actions["redo"].trigger()
    assert window.isWindowModified()


def test_renaming_updates_the_title(window):
    window.name_edit.setText("my preset")
    window.name_edit.editingFinished.emit()
    assert window.document.pipeline.name == "my preset"
    assert window.windowTitle().startswith("my preset[*]")
    assert window.isWindowModified()


# ---- save / open --------------------------------------------------------------------------------


def test_save_as_round_trip(tmp_path, window, dialogs, make_window, image_file):
    edit(window)
    window.name_edit.setText("saved one")
    window.name_edit.editingFinished.emit()
    target = tmp_path / "out" / "mine"  # no suffix: .json is added
    target.parent.mkdir()
    dialogs.save_paths.append(str(target))
    assert window.save_as() is True
    saved = tmp_path / "out" / "mine.json"
    assert saved.is_file()
    assert window.document.path == str(saved)
    assert not window.isWindowModified() and not window.document.dirty
    assert Pipeline.load(saved) == window.document.pipeline
    assert json.loads(saved.read_text())["name"] == "saved one"
    assert window.settings.value("last_preset") == str(saved)

    other = make_window(image=image_file, preset=saved)
    assert other.document.pipeline == window.document.pipeline
    assert other.document.node((0,)).params["limit"] == (-5.0, 5.0)


def test_the_preset_keeps_the_seed_on_screen(qtbot, tmp_path, window, dialogs, make_window, image_file):
    """Saved after a reroll, reopened, applied from the CLI or loaded in Python: the same variants."""
    window.seed_spin.setValue(1234567)
    out = wait_render(qtbot, window)
    target = tmp_path / "seeded.json"
    dialogs.save_paths.append(str(target))
    assert window.save_as() is True
    assert json.loads(target.read_text())["seed"] == 1234567
    window.seed_spin.setValue(99)  # a reroll after saving does not make the preset unsaved
    assert not window.document.dirty
    loaded = Pipeline.load(target)
    first = loaded.apply(window.image, seed=loaded.seed)
    assert first.trace == out.results[0].trace and np.array_equal(first.image, out.results[0].image)
    other = make_window(image=image_file, preset=target)
    assert other.seed_spin.value() == 1234567


def test_the_apply_dialog_follows_the_seed_on_screen(qtbot, window):
    window.side_windows.show_apply()
    dialog = window.side_windows.apply
    assert dialog.seed.value() == window.seed_spin.value()
    window.seed_spin.setValue(4242)
    window.side_windows.show_apply()
    assert dialog.seed.value() == 4242
    dialog.close()


def test_save_writes_to_the_open_file_without_asking(window, preset_file, dialogs):
    edit(window)
    assert window.save() is True
    assert dialogs.file_dialogs == []
    assert Pipeline.load(preset_file).steps[0].params["limit"] == (-5.0, 5.0)
    assert not window.isWindowModified()


def test_save_never_overwrites_a_shipped_preset(tmp_path, make_window, image_file, dialogs):
    window = make_window(image=image_file)  # the default preset, from presets/
    original = paths.DEFAULT_PRESET.read_bytes()
    window.document.set_p((0,), 0.3)
    dialogs.save_paths.append("")  # the person cancels the "save as" dialog
    assert window.save() is False
    assert dialogs.file_dialogs == ["Save preset"]
    assert paths.DEFAULT_PRESET.read_bytes() == original
    assert window.isWindowModified()
    dialogs.save_paths.append(str(tmp_path / "copy.json"))
    assert window.save() is True
    assert window.document.path == str(tmp_path / "copy.json")
    assert paths.DEFAULT_PRESET.read_bytes() == original


def test_save_error_is_reported(tmp_path, window, dialogs):
    dialogs.allow_warnings = True
    edit(window)
    dialogs.save_paths.append(str(tmp_path / "missing_folder" / "p.json"))
    assert window.save_as() is False
    assert len(dialogs.warnings) == 1 and "p.json" in dialogs.warnings[0]
    assert window.isWindowModified()


def test_open_preset_through_the_dialog(tmp_path, qtbot, window, dialogs):
    other = write_preset(tmp_path / "other.json", name="other preset", seed=3)
    dialogs.open_paths.append(str(other))
    window.open_preset_dialog()
    assert window.document.path == str(other)
    assert window.document.pipeline.name == "other preset"
    assert window.seed_spin.value() == 3
    assert window.name_edit.text() == "other preset"
    assert not window.isWindowModified() and not window.document.can_undo()
    assert window.windowTitle().startswith("other preset[*]")
    wait_render(qtbot, window)
    assert window.settings.value("recent_presets")[0] == str(other)


def test_cancelled_open_dialog_changes_nothing(window, dialogs):
    before = window.document.pipeline.to_dict()
    dialogs.open_paths.append("")
    window.open_preset_dialog()
    assert window.document.pipeline.to_dict() == before


# ---- unsaved changes prompt ---------------------------------------------------------------------


def test_clean_document_is_replaced_without_asking(window, dialogs):
    window.new_preset()
    assert dialogs.questions == []
    assert window.document.pipeline.steps == []


def test_new_with_cancel_keeps_the_edits(window, dialogs):
    edit(window)
    dialogs.answers.append(Cancel)
    window.new_preset()
    assert len(dialogs.questions) == 1 and "test preset" in dialogs.questions[0]
    assert window.document.node((0,)).params["limit"] == (-5.0, 5.0)
    assert window.isWindowModified()


def test_new_with_discard_starts_empty(qtbot, window, dialogs):
    edit(window)
    dialogs.answers.append(Discard)
    window.new_preset()
    assert window.document.pipeline.steps == []
    assert window.document.path is None
    assert not window.isWindowModified()
    assert window.panel.tree.topLevelItemCount() == 0
    assert window.windowTitle().startswith("untitled[*]")
    out = wait_render(qtbot, window)
    assert all(r.trace == [] for r in out.results)


def test_new_with_save_saves_first(qtbot, window, dialogs, preset_file):
    edit(window)
    dialogs.answers.append(Save)
    window.new_preset()
    assert Pipeline.load(preset_file).steps[0].params["limit"] == (-5.0, 5.0)
    assert window.document.pipeline.steps == []


def test_new_with_save_but_save_cancelled_keeps_the_edits(make_window, image_file, dialogs):
    window = make_window(image=image_file)  # a shipped preset: saving asks where
    window.document.set_p((0,), 0.3)
    dialogs.answers.append(Save)
    dialogs.save_paths.append("")
    window.new_preset()
    assert window.document.node((0,)).p == 0.3
    assert window.isWindowModified()


@pytest.mark.parametrize("answer", ["cancel", "discard", "save"])
def test_opening_another_preset_asks_first(tmp_path, window, dialogs, preset_file, answer):
    other = write_preset(tmp_path / "other.json", name="other preset")
    edit(window)
    dialogs.answers.append({"cancel": Cancel, "discard": Discard, "save": Save}[answer])
    opened = window.open_preset(other)
    assert len(dialogs.questions) == 1
    if answer == "cancel":
        assert opened is False
        assert window.document.path == str(preset_file)
        assert window.document.node((0,)).params["limit"] == (-5.0, 5.0)
    else:
        assert opened is True
        assert window.document.pipeline.name == "other preset"
        assert not window.isWindowModified()
    saved_limit = Pipeline.load(preset_file).steps[0].params["limit"]
    assert saved_limit == ((-5.0, 5.0) if answer == "save" else (-30.0, 30.0))


@pytest.mark.parametrize("answer", ["cancel", "discard", "save"])
def test_closing_asks_about_unsaved_changes(qtbot, window, dialogs, preset_file, answer):
    window.show()
    edit(window)
    dialogs.answers.append({"cancel": Cancel, "discard": Discard, "save": Save}[answer])
    closed = window.close()
    assert len(dialogs.questions) == 1
    if answer == "cancel":
        assert closed is False and window.isVisible()
        assert window.document.dirty
        # The window keeps working after a cancelled close.
        window.document.set_param((0,), "limit", (-6.0, 6.0))
        wait_render(qtbot, window)
    else:
        assert closed is True and not window.isVisible()
    saved_limit = Pipeline.load(preset_file).steps[0].params["limit"]
    assert saved_limit == ((-5.0, 5.0) if answer == "save" else (-30.0, 30.0))


def test_closing_a_clean_window_does_not_ask(window, dialogs):
    window.show()
    assert window.close() is True
    assert dialogs.questions == []
    assert window.settings.value("geometry") is not None


# ---- drag and drop ------------------------------------------------------------------------------


def test_drag_enter_accepts_local_files_only(window, image_file):
    for mime, accepted in ((urls_mime(image_file), True),
                           (urls_mime(QUrl("https://example.com/a.png")), False),
                           (QMimeData(), False)):
        event = QDragEnterEvent(QPointF(10, 10).toPoint(), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        event.setAccepted(False)
        window.dragEnterEvent(event)
        assert event.isAccepted() is accepted


def test_dropping_an_image_opens_it(qtbot, window, other_image_file):
    event = drop(window, other_image_file)
    assert event.isAccepted()
    out = wait_image(qtbot, window, other_image_file)
    assert window.image.shape == (30, 40, 3)
    assert out.original.width() == 40
    assert "other.png" in window.windowTitle()


def test_dropping_a_preset_opens_it(tmp_path, window):
    other = write_preset(tmp_path / "dropped.json", name="dropped preset")
    drop(window, other)
    assert window.document.path == str(other)
    assert window.document.pipeline.name == "dropped preset"


def test_dropping_a_preset_on_unsaved_changes_asks(tmp_path, window, dialogs):
    other = write_preset(tmp_path / "dropped.json", name="dropped preset")
    edit(window)
    dialogs.answers.append(Cancel)
    drop(window, other)
    assert window.document.pipeline.name == "test preset"


def test_dropping_a_folder_opens_the_strip(qtbot, tmp_path, window):
    folder = tmp_path / "photos"
    folder.mkdir()
    for name, h in (("b.png", 20), ("a.png", 30), ("c.jpg", 25)):
        augview.save_image(folder / name, gradient(h, 40))
    (folder / "notes.txt").write_text("not an image")
    (folder / "sub").mkdir()
    drop(window, folder)
    strip = window.strip
    qtbot.waitUntil(lambda: not window.strip_dock.isHidden(), timeout=RENDER_TIMEOUT)  # listed in the background
    assert [p.name for p in strip.files] == ["a.png", "b.png", "c.jpg"]
    assert strip.count() == 3
    wait_image(qtbot, window, folder / "a.png")
    assert window.image.shape == (30, 40, 3)
    # Next image (PgDown, the strip's step) opens b.png; thumbnails arrive in the background.
    strip.step(+1)
    wait_image(qtbot, window, folder / "b.png")
    strip.step(-2)  # wraps around
    wait_image(qtbot, window, folder / "c.jpg")
    qtbot.waitUntil(lambda: all(not strip.item(i).icon().isNull() for i in range(3)), timeout=RENDER_TIMEOUT)
    # Opening a single image hides the strip again.
    window.open_image(folder / "a.png")
    assert window.strip_dock.isHidden()


def test_only_the_first_dropped_file_is_opened(qtbot, tmp_path, window, other_image_file):
    other = write_preset(tmp_path / "dropped.json", name="dropped preset")
    drop(window, other_image_file, other)
    wait_image(qtbot, window, other_image_file)
    assert window.document.pipeline.name == "test preset"
    assert "1 other dropped file(s) left aside" in window.statusBar().currentMessage()


def test_dropping_several_photos_makes_a_strip_of_them(qtbot, tmp_path, window):
    photos = []
    for name, h in (("b.png", 20), ("a.png", 30), ("c.jpg", 25)):
        augview.save_image(tmp_path / name, gradient(h, 40))
        photos.append(tmp_path / name)
    (tmp_path / "notes.txt").write_text("a note")
    drop(window, *photos, tmp_path / "notes.txt")
    wait_image(qtbot, window, photos[0])
    assert "1 other dropped file(s) left aside" in window.statusBar().currentMessage()
    assert [p.name for p in window.strip.files] == ["b.png", "a.png", "c.jpg"] and not window.strip_dock.isHidden()
    window.strip.step(+1)
    wait_image(qtbot, window, photos[1])


def test_dropping_a_remote_url_does_nothing(window):
    before = window.image_path
    drop(window, QUrl("https://example.com/a.png"))
    assert window.image_path == before


# ---- bad files ----------------------------------------------------------------------------------


def test_corrupt_image_shows_a_readable_error_and_keeps_the_image(qtbot, tmp_path, window, dialogs,
                                                                   image_file):
    dialogs.allow_warnings = True
    bad = tmp_path / "broken.png"
    bad.write_bytes(image_file.read_bytes()[:60])  # a truncated PNG
    shown = window.last_output
    drop(window, bad)
    qtbot.waitUntil(lambda: bool(dialogs.warnings), timeout=RENDER_TIMEOUT)
    message = dialogs.warnings[0]
    assert "broken.png" in message
    assert "Traceback" not in message and "\n" not in message
    assert window.image_path == str(image_file)
    assert window.image.shape == (48, 64, 3)
    assert window.last_output is shown
    assert "broken.png" in window.statusBar().currentMessage()


def test_a_text_file_named_like_an_image_is_refused(qtbot, tmp_path, window, dialogs, image_file):
    dialogs.allow_warnings = True
    bad = tmp_path / "photo.jpg"
    bad.write_text("hello")
    window.open_image(bad)
    qtbot.waitUntil(lambda: bool(dialogs.warnings), timeout=RENDER_TIMEOUT)
    assert "photo.jpg" in dialogs.warnings[0]
    assert window.image_path == str(image_file)


@pytest.mark.parametrize("content, problem", [
    ("{not json", "JSON"),
    ('{"schema_version": 1, "name": "x", "steps": [{"op": "no_such_op"}]}', "no_such_op"),
    ('[1, 2, 3]', "object"),
])
def test_invalid_preset_shows_a_readable_error_and_keeps_the_preset(tmp_path, window, dialogs,
                                                                    preset_file, content, problem):
    dialogs.allow_warnings = True
    edit(window)  # unsaved work that must survive the failed open
    bad = tmp_path / "bad_preset.json"
    bad.write_text(content)
    dialogs.answers.append(Discard)
    assert window.open_preset(bad) is False
    assert len(dialogs.warnings) == 1
    message = dialogs.warnings[0]
    assert "bad_preset.json" in message and problem in message
    assert "Traceback" not in message
    assert window.document.path == str(preset_file)
    assert window.document.node((0,)).params["limit"] == (-5.0, 5.0)


def test_invalid_preset_at_start_up_leaves_a_usable_window(tmp_path, make_window, image_file, dialogs):
    dialogs.allow_warnings = True
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    window = make_window(image=image_file, preset=bad)
    assert "bad.json" in dialogs.warnings[0]
    assert window.document.pipeline.steps == []
    window.name_edit.editingFinished.emit()  # leaving the name field is not an edit
    assert not window.document.dirty and not window.document.can_undo()
    window.panel.add_op("vertical_flip")
    assert len(window.document.pipeline.steps) == 1


def test_empty_folder_is_reported(qtbot, tmp_path, window, dialogs):
    dialogs.allow_warnings = True
    empty = tmp_path / "empty"
    empty.mkdir()
    drop(window, empty)
    qtbot.waitUntil(lambda: bool(dialogs.warnings), timeout=RENDER_TIMEOUT)
    assert len(dialogs.warnings) == 1 and "empty" in dialogs.warnings[0]
    assert window.strip_dock.isHidden()


def test_missing_image_is_reported(qtbot, tmp_path, window, dialogs, image_file):
    dialogs.allow_warnings = True
    window.open_image(tmp_path / "gone.png")
    qtbot.waitUntil(lambda: bool(dialogs.warnings), timeout=RENDER_TIMEOUT)
    assert "gone.png" in dialogs.warnings[0]
    assert window.image_path == str(image_file)


def test_a_slow_earlier_image_load_does_not_replace_a_newer_one(qtbot, monkeypatch, window,
                                                                 image_file, other_image_file):
    import time

    real = main_window_module.load_with_proxy

    def load(path):
        if path == str(image_file):
            time.sleep(0.3)  # a big photo
        return real(path)

    monkeypatch.setattr(main_window_module, "load_with_proxy", load)
    window.open_image(image_file)  # slow
    window.open_image(other_image_file)  # fast, and the one the person wants now
    qtbot.waitUntil(lambda: window.image_path == str(other_image_file), timeout=RENDER_TIMEOUT)
    qtbot.wait(500)  # the slow load finishes meanwhile
    assert window.image_path == str(other_image_file)


def test_an_albumentations_pipeline_opens_as_an_unsaved_preset(qtbot, window, tmp_path, dialogs):
    import json

    from augview.interop import to_albumentations

    source = augview.Pipeline([augview.Step("horizontal_flip", p=0.5),
                               augview.Step("rotate", {"limit": (-12.0, 12.0)})], name="from albu")
    data, _ = to_albumentations(source)
    data.pop("augview", None)  # as albumentations itself would write it
    path = tmp_path / "albu.json"
    path.write_text(json.dumps(data))
    assert window.open_preset(str(path), confirm=False)
    steps = window.document.pipeline.steps
    assert [s.op for s in steps] == ["horizontal_flip", "rotate"]
    assert steps[1].params["limit"] == (-12.0, 12.0)
    assert window.document.path is None and window.document.dirty  # never overwrites the source


def test_a_name_still_being_typed_is_saved(window):
    assert window.document.path  # the fixture's preset: Save writes it without a dialog
    window.name_edit.setFocus()
    window.name_edit.setText("typed but not confirmed")  # no Return, no focus change
    assert window.save()
    assert Pipeline.load(window.document.path).name == "typed but not confirmed"


def test_an_albumentations_yaml_opens_in_the_window(tmp_path, window):
    pytest.importorskip("yaml")
    import yaml

    from augview.interop import to_albumentations

    data, _ = to_albumentations(augview.Pipeline([augview.Step("vertical_flip", p=0.25)]))
    path = tmp_path / "albu.yaml"
    path.write_text(yaml.safe_dump(data))
    assert window.open_preset(str(path), confirm=False)
    assert [s.op for s in window.document.pipeline.steps] == ["vertical_flip"]
    assert window.document.pipeline.steps[0].p == 0.25


def test_page_keys_step_the_focused_slider_not_the_folder(qtbot, tmp_path, window):
    """The folder's Page Up/Down shortcuts must not steal the keys from a focused slider."""
    from PySide6.QtWidgets import QAbstractSlider, QWidget

    folder = tmp_path / "photos"
    folder.mkdir()
    for name in ("a.png", "b.png"):
        augview.save_image(folder / name, gradient(30, 40))
    window.open_folder(folder)
    wait_image(qtbot, window, folder / "a.png")
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    window.panel.tree.setCurrentItem(window.panel.item_at((0,)))  # rotate: a range slider
    inner = window.form.findChild(QWidget, "param:limit").findChildren(QAbstractSlider)[0]
    inner.setFocus()
    qtbot.waitUntil(lambda: inner.hasFocus(), timeout=RENDER_TIMEOUT)
    before = window.document.node((0,)).params["limit"]
    qtbot.keyClick(inner, Qt.Key.Key_PageDown)
    assert window.document.node((0,)).params["limit"] != before
    qtbot.wait(100)
    assert window.image_path == str(folder / "a.png")  # still the same photo


def test_stepping_onto_an_unreadable_file_marks_it_without_a_dialog(qtbot, tmp_path, window, dialogs):
    folder = tmp_path / "photos"
    folder.mkdir()
    augview.save_image(folder / "a.png", gradient(30, 40))
    (folder / "b.jpg").write_text("not an image")
    augview.save_image(folder / "c.png", gradient(20, 40))
    window.open_folder(folder)
    wait_image(qtbot, window, folder / "a.png")
    strip = window.strip
    strip.step(+1)  # onto b.jpg: no modal dialog (the fixture fails on one), a note instead
    qtbot.waitUntil(lambda: "b.jpg" in window.statusBar().currentMessage()
                    and "not an image file" in window.statusBar().currentMessage(), timeout=RENDER_TIMEOUT)
    item = strip.item(1)
    assert item.data(Qt.ItemDataRole.UserRole) == "unreadable" and "not an image file" in item.toolTip()
    assert window.image_path == str(folder / "a.png")
    strip.step(+1)  # and on to the next one
    wait_image(qtbot, window, folder / "c.png")
    assert not dialogs.warnings


def test_several_preset_problems_are_listed_one_per_line(tmp_path, window, dialogs):
    dialogs.allow_warnings = True
    bad = tmp_path / "many.json"
    bad.write_text('{"schema_version": 1, "steps": [{"op": "rotat"}, {"op": "rotate", "p": 3}], "seed": -1}')
    assert window.open_preset(bad) is False
    lines = dialogs.warnings[0].split("\n")
    count = len(lines) - 1
    assert count >= 3 and lines[0] == f"{bad}: {count} problems:"
    assert all(line.startswith("• ") for line in lines[1:])
    assert any("steps[1].p" in line for line in lines)


def test_a_bad_start_up_preset_is_reported_once_the_window_runs(qtbot, tmp_path, make_window, image_file,
                                                                 dialogs):
    """Not before the window exists: the dialog would float with no window behind it."""
    dialogs.allow_warnings = True
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    window = make_window(image=image_file, preset=bad, wait=False)
    assert dialogs.warnings == []  # nothing shown from inside the constructor
    qtbot.waitUntil(lambda: len(dialogs.warnings) == 1, timeout=RENDER_TIMEOUT)
    assert "bad.json" in dialogs.warnings[0]
    window.open_preset(bad)  # later problems are shown at once
    assert len(dialogs.warnings) == 2


def test_a_bad_file_opened_while_a_good_one_loads_leaves_the_good_one(qtbot, monkeypatch, make_window,
                                                                       image_file, tmp_path, dialogs):
    """Issue 15, defect 4: the window used to end with no image at all."""
    import threading

    dialogs.allow_warnings = True
    real = main_window_module.load_with_proxy
    release = threading.Event()

    def load(path):
        if path == str(image_file):
            release.wait(RENDER_TIMEOUT / 1000)  # a big photo, still decoding
        return real(path)

    monkeypatch.setattr(main_window_module, "load_with_proxy", load)
    window = make_window(image=image_file, wait=False)
    bad = tmp_path / "broken.jpg"
    bad.write_text("not an image")
    window.open_image(bad)
    qtbot.waitUntil(lambda: bool(dialogs.warnings), timeout=RENDER_TIMEOUT)
    assert "broken.jpg" in dialogs.warnings[0] and window.image is None
    release.set()
    qtbot.waitUntil(lambda: window.image is not None, timeout=RENDER_TIMEOUT)
    assert window.image_path == str(image_file) and window.image.shape == (48, 64, 3)
    qtbot.waitUntil(lambda: window.last_output is not None, timeout=RENDER_TIMEOUT)


def test_open_preset_offers_albumentations_yaml_and_python_files(qtbot, monkeypatch, window, tmp_path):
    """Issue 15: the dialog's filter listed only *.json, hiding the YAML and .py pipelines that
    File > Open preset opens."""
    from PySide6.QtWidgets import QFileDialog

    asked = {}

    def get_open(parent, caption, folder, filters, *args):
        asked["filters"] = filters
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open))
    window.open_preset_dialog()
    first = asked["filters"].split(";;")[0]
    for pattern in ("*.json", "*.yaml", "*.yml", "*.py"):
        assert pattern in first
    script = tmp_path / "train_augs.py"
    script.write_text("import albumentations as A\ntransform = A.Compose([A.HorizontalFlip(p=0.5)])\n")
    drop(window, script)  # a dropped .py pipeline opens as a preset, not as an image
    assert [step.op for step in window.document.pipeline.steps] == ["horizontal_flip"]


def test_the_folder_strip_walks_subfolders_as_apply_does(qtbot, tmp_path, window):
    """Issue 15: the strip showed only the top-level files while `augview apply` walks folders
    recursively; both now list a folder with `find_images`."""
    from augview.core.imageio import find_images

    folder = tmp_path / "dataset"
    for relative in ("top.png", "train/cat.png", "train/deep/dog.png", "val/bird.png", ".hidden/x.png"):
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        augview.save_image(folder / relative, gradient(20, 30))
    drop(window, folder)
    qtbot.waitUntil(lambda: window.strip.count() == 4, timeout=RENDER_TIMEOUT)  # listed in the background
    listed = [p.relative_to(folder).as_posix() for p in window.strip.files]
    assert listed == find_images(folder)[0]
    assert set(listed) == {"top.png", "train/cat.png", "train/deep/dog.png", "val/bird.png"}
    assert window.strip.count() == 4
    wait_image(qtbot, window, folder / listed[0])


def test_the_folder_strip_takes_only_the_height_it_needs(qtbot, window):
    from tests.conftest import ASSETS

    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.open_folder(ASSETS)  # the samples, with a COCO file: the summary line shows too
    qtbot.waitUntil(lambda: window.strip_dock.isVisible() and window.folder_summary.isVisible()
                    and "annotated" in window.folder_summary.text(), timeout=RENDER_TIMEOUT)
    qtbot.wait(50)
    content = window.strip_dock.widget()
    # The strip and at most three lines of summary; the rest of the height goes to the previews.
    most = window.strip.height() + 3 * window.folder_summary.fontMetrics().lineSpacing() + 6
    assert content.height() <= most, (content.height(), most)


def test_an_image_chosen_while_a_folder_is_walked_is_not_replaced_by_the_folder(qtbot, tmp_path, window,
                                                                                 monkeypatch):
    import threading

    from augview.gui import window_targets

    folder = tmp_path / "photos"
    folder.mkdir()
    augview.save_image(folder / "a.png", gradient(30, 40))
    chosen = tmp_path / "chosen.png"
    augview.save_image(chosen, gradient(20, 20))
    release, walk = threading.Event(), window_targets.open_dataset
    monkeypatch.setattr(window_targets, "open_dataset", lambda path: release.wait(20) and walk(path))
    window.open_folder(folder)  # a slow walk (a big tree)...
    window.open_image(str(chosen))  # ...and meanwhile the person picks one photo
    wait_image(qtbot, window, chosen)
    release.set()
    qtbot.waitUntil(lambda: window.targets.tasks._outstanding == 0, timeout=RENDER_TIMEOUT)
    qtbot.wait(50)
    assert window.image_path == str(chosen) and window.strip_dock.isHidden()


def test_a_json_that_mentions_images_without_being_coco_does_not_refuse_the_folder(qtbot, tmp_path, window, dialogs):
    folder = tmp_path / "photos"
    (folder / "sub").mkdir(parents=True)
    augview.save_image(folder / "a.png", gradient(30, 40))
    (folder / "sub" / "manifest.json").write_text('{"images": 5, "what": "not a COCO file"}')
    window.open_folder(folder)
    wait_image(qtbot, window, folder / "a.png")
    assert window.strip.count() == 1
    assert "manifest.json" in window.folder_summary.text() and not window.folder_summary.isHidden()


def test_a_new_folder_s_thumbnails_do_not_wait_for_the_old_folder_s(qtbot, tmp_path, monkeypatch):
    import time

    from augview.gui.widgets import folder_strip

    made = []
    real = folder_strip.make_thumbnail

    def slow(path, source=None):
        made.append(path.parent.name)
        time.sleep(0.05)
        return real(path, source)

    monkeypatch.setattr(folder_strip, "make_thumbnail", slow)
    old, new = tmp_path / "old", tmp_path / "new"
    for folder, count in ((old, 40), (new, 2)):
        folder.mkdir()
        for i in range(count):
            augview.save_image(folder / f"{i:02d}.png", gradient(8, 8))
    strip = folder_strip.FolderStrip()
    qtbot.addWidget(strip)
    strip.set_folder(sorted(old.iterdir()))
    qtbot.wait(80)
    strip.set_folder(sorted(new.iterdir()))
    qtbot.waitUntil(lambda: strip._tasks._outstanding == 0, timeout=RENDER_TIMEOUT)
    assert made.count("old") < 10 and made.count("new") == 2  # the rest of the old queue was skipped
    assert strip.count() == 2 and all(not strip.item(i).icon().isNull() for i in range(2))  # the new ones arrived
    strip.shutdown()


def test_a_dropped_photo_is_opened_even_when_not_first(qtbot, tmp_path, window, other_image_file):
    (tmp_path / "notes.txt").write_text("a note")
    drop(window, tmp_path / "notes.txt", other_image_file)
    wait_image(qtbot, window, other_image_file)
    assert "1 other dropped file(s) left aside" in window.statusBar().currentMessage()


def test_closing_stops_a_folder_walk_still_running(qtbot, tmp_path, make_window, monkeypatch):
    from augview.gui import window_targets

    stops, real = [], window_targets.open_dataset
    monkeypatch.setattr(window_targets, "open_dataset", lambda folder, stop: stops.append(stop) or real(folder, stop))
    augview.save_image(tmp_path / "a.png", gradient(8, 8))
    window = make_window()
    window.open_folder(tmp_path)
    qtbot.waitUntil(lambda: bool(stops), timeout=RENDER_TIMEOUT)
    assert stops[0]() is False  # walking on while the window is open
    window.targets.shutdown()
    assert stops[0]() is True  # the walk stops at its next folder: quitting never waits for it
