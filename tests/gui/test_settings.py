"""Settings: the AUGVIEW_SETTINGS override, what start-up reopens, and the recent-files lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from augview.core import paths
from augview.gui import app as app_module
from augview.gui import main_window as main_window_module
from augview.gui import recent as recent_module
from .conftest import write_preset


def test_open_settings_uses_the_override(isolated_settings):
    settings = app_module.open_settings()
    assert settings.format() == QSettings.Format.IniFormat
    assert Path(settings.fileName()) == isolated_settings


def test_the_real_user_settings_are_never_touched(isolated_settings, make_window, image_file):
    window = make_window(image=image_file)
    assert Path(window.settings.fileName()).parent == isolated_settings.parent


def test_a_window_made_without_settings_honours_the_override(isolated_settings, qtbot):
    """tools/screenshots.py and scripts make a MainWindow themselves: it opened the user's own
    settings, so a screenshot run turned "Mask only" on for the user's next start."""
    from augview.gui import MainWindow

    window = MainWindow(image=paths.SAMPLE_IMAGE)
    qtbot.addWidget(window)
    try:
        assert Path(window.settings.fileName()) == isolated_settings
    finally:
        window.document.mark_saved(window.document.path or "")
        window.close()


@pytest.fixture
def fake_run(monkeypatch):
    """app.run without an event loop: records what the window was asked to open."""
    opened = {}

    class FakeWindow:
        def __init__(self, image=None, preset=None, settings=None, annotations=None):
            opened.update(image=image, preset=preset, settings=settings, annotations=annotations)

        def show(self):
            opened["shown"] = True

    monkeypatch.setattr(main_window_module, "MainWindow", FakeWindow)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    return opened


def test_run_reopens_the_last_preset(tmp_path, fake_run):
    last = write_preset(tmp_path / "last.json")
    settings = app_module.open_settings()
    settings.setValue("last_preset", str(last))
    settings.sync()
    assert app_module.run() == 0
    assert fake_run["preset"] == str(last) and fake_run["shown"]
    assert Path(fake_run["settings"].fileName()) == Path(settings.fileName())


def test_run_falls_back_to_the_default_preset(tmp_path, fake_run):
    settings = app_module.open_settings()
    settings.setValue("last_preset", str(tmp_path / "deleted.json"))
    settings.sync()
    app_module.run(image="x.png")
    assert fake_run["preset"] == str(paths.DEFAULT_PRESET)
    assert fake_run["image"] == "x.png"


def test_run_prefers_an_explicit_preset(tmp_path, fake_run):
    app_module.run(preset="given.json")
    assert fake_run["preset"] == "given.json"


def test_run_passes_the_annotations_on(fake_run):
    """`augview photo.jpg --annotations a.json` reaches the window."""
    app_module.run(image="photo.jpg", annotations="a.json")
    assert fake_run["image"] == "photo.jpg" and fake_run["annotations"] == "a.json"


def test_recent_files_are_remembered_newest_first(tmp_path, window, image_file, preset_file):
    presets = [write_preset(tmp_path / f"p{i}.json", name=f"p{i}") for i in range(3)]
    for p in presets:
        window.open_preset(p)
    window.open_preset(presets[0])  # reopened: moves to the front, not duplicated
    recent = window.settings.value("recent_presets")
    assert recent[:4] == [str(presets[0]), str(presets[2]), str(presets[1]), str(preset_file)]
    assert len(recent) == len(set(recent))
    window.menus.submenus["recent"].aboutToShow.emit()
    labels = [a.text() for a in window.menus.submenus["recent"].actions()]
    assert f"image: {image_file}" in labels
    assert f"preset: {presets[0]}" in labels


def test_recent_list_is_capped(tmp_path, window):
    for i in range(recent_module.MAX_RECENT + 3):
        window.open_preset(write_preset(tmp_path / f"p{i}.json"))
    assert len(window.settings.value("recent_presets")) == recent_module.MAX_RECENT


def test_recent_menu_entry_reopens_the_file(tmp_path, window):
    other = write_preset(tmp_path / "other.json", name="other preset")
    window.open_preset(other)
    window.open_preset(write_preset(tmp_path / "third.json", name="third"))
    window.menus.submenus["recent"].aboutToShow.emit()
    action = next(a for a in window.menus.submenus["recent"].actions() if a.text() == f"preset: {other}")
    action.trigger()
    assert window.document.pipeline.name == "other preset"


def test_a_single_recent_file_from_a_previous_session_survives(tmp_path, make_window, image_file):
    first = write_preset(tmp_path / "first.json", name="first")
    second = write_preset(tmp_path / "second.json", name="second")
    # What the previous session wrote after opening one preset (QSettings writes a one-item list
    # exactly like this).
    (tmp_path / "s.ini").write_text(f"[General]\nrecent_presets={first}\n")
    window = make_window(image=image_file, preset=second)
    assert window.settings.value("recent_presets") == [str(second), str(first)]
    window.menus.submenus["recent"].aboutToShow.emit()
    presets = [a.text() for a in window.menus.submenus["recent"].actions() if a.text().startswith("preset:")]
    assert presets == [f"preset: {second}", f"preset: {first}"]


def test_window_geometry_is_restored(tmp_path, make_window, image_file):
    window = make_window(image=image_file)
    window.show()
    window.resize(window.width(), 520)  # the offscreen screen is small: only the height is free
    assert window.height() == 520
    window.close()
    assert window.settings.value("geometry") is not None
    again = make_window(image=image_file)
    assert again.height() == 520
