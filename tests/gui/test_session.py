"""Sessions (issue 15): File > Save session… writes the photo, the preset (file and steps), the
seed, the variant count and the view mode to a small JSON file, atomically; Open session… (or
the file dropped, or named on the command line) shows them again."""

from __future__ import annotations

import json
import shutil

import augview
from augview.gui.session import SUFFIX, read_session

from .conftest import RENDER_TIMEOUT, wait_render, write_preset


def set_view(qtbot, window, seed=1234, variants=5, view="side"):
    window.count_spin.setValue(variants)
    window.mode_box.setCurrentIndex(window.mode_box.findData(view))
    window.seed_spin.setValue(seed)
    wait_render(qtbot, window)


def opened(qtbot, window, image):
    qtbot.waitUntil(lambda: window.image_path == str(image), timeout=RENDER_TIMEOUT)
    return wait_render(qtbot, window)


def test_a_saved_session_reopens_as_it_was(qtbot, tmp_path, make_window, image_file, preset_file,
                                            other_image_file, dialogs):
    window = make_window(image=image_file, preset=preset_file)
    set_view(qtbot, window)
    dialogs.save_paths.append(str(tmp_path / "lesson"))  # the suffix is added
    window.menus.actions["save_session"].trigger()
    path = tmp_path / f"lesson{SUFFIX}"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["augview_session"] == 1 and data["image"] == str(image_file)
    assert data["preset"] == str(preset_file) and data["seed"] == 1234
    assert data["variants"] == 5 and data["view"] == "side"
    assert data["pipeline"] == augview.Pipeline.load(preset_file).to_dict()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left

    other = make_window(image=other_image_file)
    dialogs.open_paths.append(str(path))
    other.menus.actions["open_session"].trigger()
    output = opened(qtbot, other, image_file)
    assert other.document.path == str(preset_file) and not other.document.dirty
    assert other.document.pipeline.name == "test preset"
    assert other.seed_spin.value() == 1234 and output.results[0].seed == 1234
    assert other.mode_box.currentData() == "side" and other.count_spin.value() == 5
    assert len(output.results) == 1  # side by side: one variant


def test_unsaved_edits_come_back_unsaved(qtbot, tmp_path, make_window, image_file, preset_file):
    window = make_window(image=image_file, preset=preset_file)
    window.panel.add_op("vertical_flip")  # not saved to the preset file
    path = tmp_path / f"edited{SUFFIX}"
    assert window.sessions.save(str(path))
    other = make_window(image=image_file)
    assert other.sessions.open(str(path))
    assert [step.op for step in other.document.pipeline.steps][-1] == "vertical_flip"
    assert other.document.dirty and other.document.path == str(preset_file)  # Save writes the preset


def test_a_moved_photo_is_found_beside_the_session_and_a_gone_one_is_reported(
        qtbot, tmp_path, make_window, image_file, preset_file, dialogs):
    folder = tmp_path / "project"
    folder.mkdir()
    photo = folder / "photo.png"
    shutil.copy(image_file, photo)
    window = make_window(image=photo, preset=preset_file)
    path = folder / f"work{SUFFIX}"
    assert window.sessions.save(str(path))
    moved = tmp_path / "moved"
    folder.rename(moved)
    other = make_window(image=image_file)
    assert other.sessions.open(str(moved / f"work{SUFFIX}"))
    opened(qtbot, other, moved / "photo.png")
    (moved / "photo.png").unlink()
    dialogs.allow_warnings = True
    third = make_window(image=image_file, preset=write_preset(tmp_path / "x.json", name="x"))
    assert third.sessions.open(str(moved / f"work{SUFFIX}"))
    assert "photo.png" in dialogs.warnings[-1] and "work.augview" in dialogs.warnings[-1]
    assert third.document.pipeline.name == "test preset"  # the rest of the session opened
    (moved / "photo.png").mkdir()  # a folder where the photo was: said as it is, not "gone"
    assert third.sessions.open(str(moved / f"work{SUFFIX}"))
    assert "is a folder, not a photo" in dialogs.warnings[-1]


def test_a_broken_session_file_is_one_readable_sentence(qtbot, tmp_path, window, dialogs, preset_file):
    dialogs.allow_warnings = True
    for name, content in (("a", "{not json"), ("b", '{"hello": 1}'),
                          ("c", '{"augview_session": 1, "image": null, "preset": null, "pipeline": {}, '
                                '"seed": -3, "variants": 3, "view": "grid"}'),
                          ("d", "[" * 100000 + "]" * 100000),  # nested past Python's recursion limit
                          ("e", '{"augview_session": 1, "seed": ' + "9" * 5000 + "}")):  # too long for int()
        path = tmp_path / f"{name}{SUFFIX}"
        path.write_text(content)
        assert window.sessions.open(str(path)) is False
        message = dialogs.warnings[-1]
        assert str(path) in message and "Traceback" not in message and "\n" not in message
    assert window.document.path == str(preset_file)  # the window is as it was


def test_a_session_file_opens_when_dropped_or_named_at_start(qtbot, tmp_path, make_window, image_file,
                                                             preset_file, other_image_file):
    window = make_window(image=other_image_file, preset=preset_file)
    set_view(qtbot, window, seed=99, variants=2, view="grid")
    path = tmp_path / f"start{SUFFIX}"
    window.sessions.save(str(path))
    assert read_session(str(path)).seed == 99
    started = make_window(image=path, wait=False)  # `augview start.augview`
    opened(qtbot, started, other_image_file)
    assert started.seed_spin.value() == 99 and started.count_spin.value() == 2
    dropped = make_window(image=image_file)
    dropped.open_path(str(path))
    opened(qtbot, dropped, other_image_file)
    assert dropped.document.path == str(preset_file)
