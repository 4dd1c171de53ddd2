"""The keyboard (issue 15, defect 1): focus starts on the step list, never lands in the preset name
by itself (after Add op, after an undo that rebuilds the form), a click on a picture takes it,
and Space rerolls wherever no text field is being edited."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from .conftest import wait_render


@pytest.fixture
def shown(qtbot, window):
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return window


def press_space(qtbot, window) -> bool:
    """Space where the keyboard is; True when it rerolled."""
    seed = window.seed_spin.value()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    rerolled = window.seed_spin.value() != seed
    if rerolled:
        wait_render(qtbot, window)
    return rerolled


def test_focus_starts_on_the_step_list_and_space_rerolls(qtbot, shown):
    assert QApplication.focusWidget() is shown.panel.tree
    assert press_space(qtbot, shown)
    assert shown.name_edit.text() == "test preset" and not shown.document.dirty


def test_add_op_gives_the_keyboard_back_to_the_steps(qtbot, shown):
    shown.panel.show_picker()
    picker = shown.panel.picker
    QTest.keyClicks(picker.search, "solarize")
    QTest.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not picker.isVisible())
    assert shown.document.pipeline.steps[-1].op == "solarize"
    assert QApplication.focusWidget() is not shown.name_edit
    assert press_space(qtbot, shown)
    assert shown.name_edit.text() == "test preset"


def test_an_undo_that_rebuilds_the_form_leaves_the_name_alone(qtbot, shown):
    shown.panel.rebuild(select=(0,))  # rotate: its controls in the form
    slider = shown.form.controls["limit"][1].widget
    slider.setFocus()
    slider.setValue((-10.0, 10.0))
    wait_render(qtbot, shown)
    shown.menus.actions["undo"].trigger()  # rebuilds the form: the focused slider is deleted
    wait_render(qtbot, shown)
    assert QApplication.focusWidget() is not shown.name_edit
    assert not shown.name_edit.hasSelectedText()
    assert press_space(qtbot, shown)
    assert shown.name_edit.text() == "test preset"
    assert shown.windowTitle().startswith("test preset")


def test_a_click_on_a_picture_takes_the_keyboard_from_the_name(qtbot, shown):
    shown.name_edit.setFocus()
    assert QApplication.focusWidget() is shown.name_edit
    assert not press_space(qtbot, shown)  # typing in the name: a space, not a reroll
    pane = shown.preview.cells[1].pane
    QTest.mouseClick(pane, Qt.MouseButton.LeftButton, pos=QPoint(pane.width() // 2, pane.height() // 2))
    assert QApplication.focusWidget() is shown.preview
    assert press_space(qtbot, shown)
    # The space typed before counts as a name edit once the field was left: no other change.
    assert shown.name_edit.text() == "test preset "


def test_enter_in_the_name_field_hands_the_keyboard_back(qtbot, shown):
    shown.name_edit.setFocus()
    shown.name_edit.selectAll()
    QTest.keyClicks(shown.name_edit, "renamed")
    QTest.keyClick(shown.name_edit, Qt.Key.Key_Return)
    assert shown.document.pipeline.name == "renamed"
    assert QApplication.focusWidget() is shown.panel.tree
    assert press_space(qtbot, shown)
