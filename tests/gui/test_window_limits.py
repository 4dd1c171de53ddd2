"""Seeds in the window: every seed a preset may hold (0 to 2**63 - 1) is shown, rendered and saved
as it is. (QSpinBox holds 32-bit ints: a seed of 5,000,000,000 used to show as 2147483647 and be
saved back that way, without the preset counting as changed.)"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from augview.gui.widgets.seed_box import SeedBox
from augview.pipeline.pipeline import MAX_SEED
from .conftest import wait_render, write_preset


@pytest.mark.parametrize("seed", [5_000_000_000, MAX_SEED])
def test_a_large_seed_is_shown_rendered_and_saved_as_it_is(qtbot, tmp_path, make_window, image_file, dialogs, seed):
    preset = write_preset(tmp_path / "large.json", seed=seed)
    window = make_window(image=image_file, preset=preset)
    assert window.seed_spin.value() == seed
    assert str(seed) in window.seed_spin.text()
    assert not window.document.dirty
    out = wait_render(qtbot, window)
    # Variant i uses seed + i, wrapping past the largest seed to 0.
    assert [r.seed for r in out.results] == [(seed + i) % (MAX_SEED + 1) for i in range(len(out.results))]
    target = tmp_path / "again.json"
    dialogs.save_paths.append(str(target))
    assert window.save_as() is True
    assert json.loads(target.read_text())["seed"] == seed
    # The tools that start from the window's seed take it whole too.
    window.side_windows.show_apply()
    assert window.side_windows.apply.seed.value() == seed
    window.side_windows.apply.close()


def test_typing_and_stepping_a_seed(qtbot):
    box = SeedBox()
    box.setPrefix("seed: ")
    qtbot.addWidget(box)
    seen = []
    box.valueChanged.connect(seen.append)
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "9223372036854775807")
    assert box.value() == MAX_SEED and seen[-1] == MAX_SEED
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert box.text() == "seed: 9223372036854775807"
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Up)  # nothing above the largest seed
    assert box.value() == MAX_SEED
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Down)
    assert box.value() == MAX_SEED - 1
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "9223372036854775808")  # one too many: the last digit is refused
    assert box.value() == 922337203685477580
    box.setValue(-5)
    assert box.value() == 0 and box.text() == "seed: 0"
    box.setValue(MAX_SEED + 10)
    assert box.value() == MAX_SEED
    assert box.sizeHint().width() >= box.fontMetrics().horizontalAdvance("seed: 9223372036854775807")


def test_digits_int_refuses_are_refused_not_a_crash(qtbot):
    """"²" passes str.isdigit but not int(): typed on an AZERTY keyboard, it crashed the app."""
    box = SeedBox(value=7)
    qtbot.addWidget(box)
    box.lineEdit().selectAll()
    for text in ("²", "1²", "٣", "9" * 5000):
        assert box.validate(text, len(text))[0].name == "Invalid", text
        box._typed(text)  # what textEdited delivers when a paste gets through
        assert box.value() == 7
    qtbot.keyClicks(box.lineEdit(), "²")
    assert box.value() == 7
    qtbot.keyClicks(box.lineEdit(), "12")
    assert box.value() == 12


def test_a_preset_with_thousands_of_problems_gets_a_dialog_no_taller_than_a_screen(tmp_path, window, dialogs):
    path = tmp_path / "keys.json"
    data = {"schema_version": 1, "steps": [], **{f"key{i}": 1 for i in range(5000)}}
    path.write_text(json.dumps(data))
    dialogs.allow_warnings = True
    assert window.open_preset(str(path)) is False
    (text,) = dialogs.warnings
    lines = text.splitlines()
    assert lines[0] == f"{path}: 5000 problems:"
    assert lines[1:3] == ["• key0: unknown key", "• key1: unknown key"]
    assert len(lines) == 22 and lines[-1] == "… and 4980 more problems"


def test_the_name_field_holds_every_name_a_preset_may_hold(qtbot, tmp_path, make_window, image_file):
    from augview.pipeline.presets import MAX_NAME

    name = "n" * MAX_NAME
    window = make_window(image=image_file, preset=write_preset(tmp_path / "long.json", name=name))
    assert window.name_edit.text() == name
    window._on_name_edited()  # editing finished without a change: still the whole name
    assert window.document.pipeline.name == name and not window.document.dirty
