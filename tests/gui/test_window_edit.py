"""The window's editing flow: steps added, removed and moved through the pipeline panel (buttons,
drag and drop, the op picker), undo/redo for every kind of edit, and the controls following the
selection."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from augview import Group, Pipeline
from augview.gui import document as document_module
from .conftest import wait_render


def ops(window) -> list:
    """The top-level nodes as op names (groups as (kind, [child ops]))."""
    def name(node):
        return (node.kind, [name(c) for c in node.steps]) if isinstance(node, Group) else node.op
    return [name(n) for n in window.document.pipeline.steps]


def tree_texts(window) -> list[str]:
    tree = window.panel.tree
    return [tree.topLevelItem(i).text(0).split()[0] for i in range(tree.topLevelItemCount())]


def select(window, path):
    item = window.panel.item_at(tuple(path))
    assert item is not None, f"no item at {path}"
    window.panel.tree.setCurrentItem(item)
    assert window.panel.selected_path() == tuple(path)


def control(window, name) -> QWidget:
    # Replaced forms linger (deleteLater) until the event loop runs: pick the live one.
    body = window.form._body
    found = [w for w in window.form.findChildren(QWidget, f"param:{name}") if body.isAncestorOf(w)]
    assert len(found) == 1, f"expected one live control param:{name}, found {len(found)}"
    assert found[0] is window.form.controls[name][1].widget
    return found[0]


def activate(qtbot, window):
    """Shortcuts only reach the active window."""
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()


def press_undo(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def press_redo(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


START = ["rotate", "brightness_contrast", "horizontal_flip"]


# ---- panel actions ------------------------------------------------------------------------------


def test_add_op_appends_and_selects_it(window):
    window.panel.add_op("vertical_flip")
    assert ops(window) == START + ["vertical_flip"]
    assert tree_texts(window) == START + ["vertical_flip"]
    assert window.panel.selected_path() == (3,)
    assert window.form.path == (3,)
    assert set(window.form.controls) == {"p"}


def test_add_op_goes_into_the_selected_group(window):
    window.panel.tree.clearSelection()  # nothing to group: Group ▾ adds an empty group at the end
    window.panel.add_group("one_of")
    assert window.panel.selected_path() == (3,)
    window.panel.add_op("vertical_flip")
    assert window.panel.selected_path() == (3, 0)
    select(window, (3,))
    window.panel.add_op("horizontal_flip")
    node = window.document.node((3,))
    assert isinstance(node, Group) and node.kind == "one_of"
    assert [c.op for c in node.steps][0] == "vertical_flip"
    assert node.steps[-1].op == "horizontal_flip"
    assert window.panel.item_at((3,)).childCount() == len(node.steps)


def test_remove_selected(window):
    select(window, (1,))
    window.panel.remove_selected()
    assert ops(window) == ["rotate", "horizontal_flip"]
    assert tree_texts(window) == ["rotate", "horizontal_flip"]
    # The selection stays in place (now the next step) and the form shows that step.
    assert window.panel.selected_path() == (1,)
    assert set(window.form.controls) == {"p"}
    window.panel.remove_selected()  # the last one: the selection moves up
    assert ops(window) == ["rotate"]
    assert window.panel.selected_path() == (0,)
    assert "limit" in window.form.controls


def test_remove_without_selection_does_nothing(window):
    window.panel.tree.clearSelection()
    window.panel.remove_selected()
    assert ops(window) == START
    assert not window.document.can_undo()


def test_move_selected_up_and_down(window):
    select(window, (0,))
    window.panel.move_selected(+1)
    assert ops(window) == ["brightness_contrast", "rotate", "horizontal_flip"]
    assert window.panel.selected_path() == (1,)
    window.panel.move_selected(+1)
    assert ops(window) == ["brightness_contrast", "horizontal_flip", "rotate"]
    window.panel.move_selected(+1)  # already last: nothing happens
    assert ops(window) == ["brightness_contrast", "horizontal_flip", "rotate"]
    window.panel.move_selected(-2)
    assert ops(window) == ["rotate", "brightness_contrast", "horizontal_flip"]
    assert tree_texts(window) == START
    assert len(window.document._undo) == 3


def test_drop_reorders_within_the_list(window):
    window.panel.tree.dropped.emit((0,), (), 2)
    assert ops(window) == ["brightness_contrast", "horizontal_flip", "rotate"]
    assert tree_texts(window) == ["brightness_contrast", "horizontal_flip", "rotate"]


def test_drop_into_a_group_and_back_out(window):
    window.panel.tree.clearSelection()
    window.panel.add_group("some_of")
    window.panel.tree.dropped.emit((0,), (3,), 0)  # rotate into the group
    assert ops(window) == ["brightness_contrast", "horizontal_flip", ("some_of", ["rotate"])]
    window.panel.tree.dropped.emit((2,), (2,), 0)  # a group into itself: refused
    assert ops(window) == ["brightness_contrast", "horizontal_flip", ("some_of", ["rotate"])]
    window.panel.tree.dropped.emit((1,), (2,), 1)  # the flip after it
    assert ops(window) == ["brightness_contrast", ("some_of", ["rotate", "horizontal_flip"])]
    window.panel.tree.dropped.emit((1, 0), (), 0)  # rotate back out, to the top
    assert ops(window) == ["rotate", "brightness_contrast", ("some_of", ["horizontal_flip"])]
    group_item = window.panel.item_at((2,))
    assert group_item.childCount() == 1
    assert group_item.child(0).text(0).startswith("horizontal_flip")


def test_move_to_keeps_indices_when_the_source_is_before_the_target(window):
    window.document.add_group("sequence")
    window.document.move_to((1,), (3,), 0)
    assert ops(window) == ["rotate", "horizontal_flip", ("sequence", ["brightness_contrast"])]


CHECKBOX_SCRIPT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
app = QApplication([])
import augview
from augview.gui.document import Document
from augview.gui.widgets.pipeline_panel import PipelinePanel
document = Document(augview.Pipeline([augview.Step("rotate"), augview.Step("vertical_flip")]))
panel = PipelinePanel(document)
panel.show()
panel.item_at((1,)).setCheckState(0, Qt.CheckState.Unchecked)  # what a click on the box does
app.processEvents()  # the edit is applied on the next turn of the event loop
assert document.node((1,)).enabled is False
assert panel.item_at((1,)).checkState(0) == Qt.CheckState.Unchecked
panel.item_at((1,)).setCheckState(0, Qt.CheckState.Checked)
app.processEvents()
assert document.node((1,)).enabled is True
print("ok")
"""


def test_enable_checkbox_writes_enabled():
    # In a child process: this once crashed the interpreter (an item deleted inside its own signal).
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", CHECKBOX_SCRIPT], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and "ok" in done.stdout, done.stderr[-2000:]


def test_disabled_steps_do_not_run(qtbot, window):
    window.document.set_enabled((1,), False)
    assert window.panel.item_at((1,)).checkState(0) == Qt.CheckState.Unchecked
    out = wait_render(qtbot, window)
    assert [e["op"] for e in out.results[0].trace] == ["rotate", "horizontal_flip"]


def test_selecting_steps_switches_the_form(window):
    select(window, (0,))
    assert set(window.form.controls) == {"p", "limit", "interpolation", "border_mode", "fill"}
    select(window, (2,))
    assert set(window.form.controls) == {"p"}
    assert control(window, "p").value() == pytest.approx(0.5)
    window.panel.tree.clearSelection()
    assert window.form.controls == {}


def test_control_edits_reach_the_document_and_the_tree(qtbot, window):
    select(window, (0,))
    control(window, "limit").setValue((-5.0, 15.0))
    assert window.document.node((0,)).params["limit"] == (-5.0, 15.0)
    assert window.panel.item_at((0,)).text(0).startswith("rotate  -5..15")
    out = wait_render(qtbot, window)
    angle = out.results[0].trace[0]["drawn"]["angle"]
    assert -5.0 <= angle <= 15.0
    control(window, "p").setValue(0.4)
    assert window.panel.item_at((0,)).text(1) == "0.40"


def test_model_edit_updates_the_visible_control(window):
    select(window, (0,))
    window.document.set_param((0,), "limit", (-3.0, 3.0))
    assert control(window, "limit").value() == pytest.approx((-3.0, 3.0))
    window.document.set_param((0,), "border_mode", "reflect")
    assert control(window, "border_mode").currentText() == "reflect"
    window.menus.actions["undo"].trigger()
    assert control(window, "border_mode").currentText() == "constant"
    window.menus.actions["undo"].trigger()
    assert control(window, "limit").value() == pytest.approx((-30.0, 30.0))


# ---- the op picker ------------------------------------------------------------------------------


def test_picker_filters_by_search_text(qtbot, window):
    from augview import CATALOG

    window.panel.show_picker()
    picker = window.panel.picker
    assert picker.isVisible()
    assert sorted(picker.visible_ops()) == sorted(CATALOG)
    qtbot.keyClicks(picker.search, "flip")
    shown = picker.visible_ops()
    assert {"horizontal_flip", "vertical_flip"} <= set(shown)
    for name in shown:
        op = CATALOG[name]
        assert "flip" in name or "flip" in op.category or "flip" in op.description.lower()
    picker.search.setText("BLUR")  # case-insensitive; matches the category too
    assert {n for n in CATALOG if CATALOG[n].category == "blur"} <= set(picker.visible_ops())
    picker.search.setText("no op is called this")
    assert picker.visible_ops() == []
    picker.search.clear()
    assert len(picker.visible_ops()) == len(CATALOG)
    picker.close()


def test_picker_enter_adds_the_first_match(qtbot, window):
    window.panel.show_picker()
    picker = window.panel.picker
    qtbot.keyClicks(picker.search, "vertical_fl")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert ops(window) == START + ["vertical_flip"]
    assert not picker.isVisible()
    assert window.panel.selected_path() == (3,)


@pytest.mark.parametrize("typed, added", [("rotate", "rotate"), ("rot", "rotate"), ("resize", "resize"),
                                          ("gaussian blur", "gaussian_blur"), ("shadow", "random_shadow")])
def test_picker_enter_prefers_the_exact_name_then_its_start(qtbot, window, typed, added):
    window.panel.show_picker()
    picker = window.panel.picker
    qtbot.keyClicks(picker.search, typed)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert ops(window)[-1] == added


def test_picker_activating_an_item_adds_it(window):
    window.panel.show_picker()
    picker = window.panel.picker
    picker.search.setText("rotate")
    item = next(picker.tree.topLevelItem(i).child(j)
                for i in range(picker.tree.topLevelItemCount())
                for j in range(picker.tree.topLevelItem(i).childCount())
                if picker.tree.topLevelItem(i).child(j).text(0) == "rotate")
    picker.tree.itemActivated.emit(item, 0)
    assert ops(window) == START + ["rotate"]


def test_picker_reopens_with_an_empty_search(window):
    window.panel.show_picker()
    window.panel.picker.search.setText("flip")
    window.panel.picker.close()
    window.panel.show_picker()
    assert window.panel.picker.search.text() == ""
    window.panel.picker.close()


# ---- undo / redo --------------------------------------------------------------------------------


def _setup_group(window):
    window.document.add_group("some_of")
    window.document.add_step("vertical_flip", (3,))


def _use_control(name, value, path=(0,)):
    def edit(window):
        select(window, path)
        control(window, name).setValue(value)
    return edit


def _rename(window):
    window.name_edit.setText("renamed")
    window.name_edit.editingFinished.emit()


def _uncheck(window):
    # Through the document: the tree's checkbox itself crashes (test_enable_checkbox_writes_enabled).
    window.document.set_enabled((1,), False)


def _choose(window):
    select(window, (0,))
    control(window, "border_mode").setCurrentText("reflect")


def _remove(window):
    select(window, (1,))
    window.panel.remove_selected()


def _move(window):
    select(window, (0,))
    window.panel.move_selected(+1)


EDITS = {
    "add_op": (None, lambda w: w.panel.add_op("vertical_flip")),
    "add_group": (None, lambda w: w.panel.add_group("random_order")),
    "remove": (None, _remove),
    "move": (None, _move),
    "drop_reorder": (None, lambda w: w.panel.tree.dropped.emit((2,), (), 0)),
    "drop_into_group": (_setup_group, lambda w: w.panel.tree.dropped.emit((0,), (3,), 1)),
    "drop_out_of_group": (_setup_group, lambda w: w.panel.tree.dropped.emit((3, 0), (), 0)),
    "range_param": (None, _use_control("limit", (-7.0, 8.0))),
    "choice_param": (None, _choose),
    "probability": (None, _use_control("p", 0.2, (2,))),
    "group_n": (_setup_group, _use_control("n", (0, 1), (3,))),
    "enabled": (None, _uncheck),
    "rename": (None, _rename),
}


@pytest.mark.parametrize("kind", list(EDITS))
def test_undo_and_redo_every_kind_of_edit(qtbot, window, kind):
    setup, edit = EDITS[kind]
    activate(qtbot, window)
    if setup is not None:
        setup(window)
    before = window.document.pipeline.to_dict()
    steps_before = len(window.document._undo)
    edit(window)
    after = window.document.pipeline.to_dict()
    assert after != before
    assert len(window.document._undo) == steps_before + 1, "one edit, one undo step"
    assert window.menus.actions["undo"].isEnabled() and not window.menus.actions["redo"].isEnabled()

    window.panel.tree.setFocus()
    press_undo(qtbot, window)
    assert window.document.pipeline.to_dict() == before
    assert window.menus.actions["redo"].isEnabled()
    assert window.panel.tree.topLevelItemCount() == len(before["steps"])
    assert window.name_edit.text() == before["name"]
    wait_render(qtbot, window)

    press_redo(qtbot, window)
    assert window.document.pipeline.to_dict() == after
    assert not window.menus.actions["redo"].isEnabled()
    assert window.panel.tree.topLevelItemCount() == len(after["steps"])
    wait_render(qtbot, window)


def test_undo_and_redo_through_the_actions(window):
    window.panel.add_op("vertical_flip")
    window.panel.add_op("vertical_flip")
    window.menus.actions["undo"].trigger()
    window.menus.actions["undo"].trigger()
    assert ops(window) == START
    assert not window.menus.actions["undo"].isEnabled()
    window.menus.actions["undo"].trigger()  # nothing left: harmless
    window.menus.actions["redo"].trigger()
    assert ops(window) == START + ["vertical_flip"]
    window.panel.add_op("rotate")  # a new edit drops the redo history
    assert not window.menus.actions["redo"].isEnabled()


def test_a_slider_drag_is_one_undo_step(qtbot, window):
    select(window, (0,))
    slider = control(window, "limit")
    for high in range(31, 61):  # thirty small moves, as a drag delivers them
        slider.setValue((-30.0, float(high)))
    assert window.document.node((0,)).params["limit"] == (-30.0, 60.0)
    assert len(window.document._undo) == 1
    window.menus.actions["undo"].trigger()
    assert window.document.node((0,)).params["limit"] == (-30.0, 30.0)
    assert control(window, "limit").value() == pytest.approx((-30.0, 30.0))
    window.menus.actions["redo"].trigger()
    assert window.document.node((0,)).params["limit"] == (-30.0, 60.0)


def test_a_pause_or_another_control_starts_a_new_undo_step(monkeypatch, window):
    clock = [1000.0]
    monkeypatch.setattr(document_module.time, "monotonic", lambda: clock[0])
    select(window, (0,))
    control(window, "limit").setValue((-30.0, 40.0))
    control(window, "limit").setValue((-30.0, 45.0))
    assert len(window.document._undo) == 1
    clock[0] += document_module.MERGE_SECONDS + 0.1  # the person let go and came back later
    control(window, "limit").setValue((-30.0, 50.0))
    assert len(window.document._undo) == 2
    control(window, "fill").setValue(10)  # another parameter
    assert len(window.document._undo) == 3
    window.menus.actions["undo"].trigger()
    window.menus.actions["undo"].trigger()
    assert window.document.node((0,)).params["limit"] == (-30.0, 45.0)


def test_same_control_on_another_step_is_a_new_undo_step(window):
    window.document.add_step("rotate")
    select(window, (0,))
    control(window, "limit").setValue((-30.0, 40.0))
    select(window, (3,))
    control(window, "limit").setValue((-20.0, 30.0))
    assert len(window.document._undo) == 3


def test_tree_drop_event_on_empty_space_moves_the_step_to_the_end(window):
    from PySide6.QtCore import QMimeData, QPointF
    from PySide6.QtGui import QDropEvent

    tree = window.panel.tree
    window.show()
    select(window, (0,))
    below_last = QPointF(10, tree.viewport().height() - 2)  # under the last row: the viewport
    event = QDropEvent(below_last, Qt.DropAction.MoveAction, QMimeData(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    tree.dropEvent(event)
    assert ops(window) == ["brightness_contrast", "horizontal_flip", "rotate"]
    assert window.panel.selected_path() == (2,)


def test_a_drag_back_to_the_start_leaves_nothing_to_undo(window):
    select(window, (0,))
    slider = control(window, "limit")
    slider.setValue((-30.0, 40.0))
    slider.setValue((-30.0, 30.0))  # back where it was, same drag
    assert not window.document.dirty
    assert not window.menus.actions["undo"].isEnabled()


# ---- keyboard -----------------------------------------------------------------------------------


def test_step_shortcuts(qtbot, window):
    activate(qtbot, window)
    select(window, (0,))
    window.panel.tree.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert ops(window) == ["brightness_contrast", "rotate", "horizontal_flip"]
    qtbot.keyClick(window, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert ops(window) == START
    qtbot.keyClick(window, Qt.Key.Key_Delete)
    assert ops(window) == ["brightness_contrast", "horizontal_flip"]
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.panel.picker is not None and window.panel.picker.isVisible()
    window.panel.picker.close()


def test_space_rerolls(qtbot, window):
    activate(qtbot, window)
    window.panel.tree.setFocus()
    seed = window.seed_spin.value()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.seed_spin.value() != seed
    wait_render(qtbot, window)


def test_typing_in_the_name_field_is_not_taken_by_shortcuts(qtbot, window):
    activate(qtbot, window)
    window.name_edit.setFocus()
    window.name_edit.selectAll()
    seed = window.seed_spin.value()
    qtbot.keyClicks(window.name_edit, "a b")
    qtbot.keyClick(window.name_edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(window.name_edit, Qt.Key.Key_Delete)
    qtbot.keyClick(window.name_edit, Qt.Key.Key_Return)
    assert window.document.pipeline.name == "a "
    assert window.seed_spin.value() == seed  # the space was text, not "reroll"
    assert ops(window) == START  # Delete edited the text, not the pipeline


def test_one_of_weights_are_edited_in_the_form_and_follow_their_steps(qtbot):
    import augview
    from augview.gui.document import Document
    from augview.gui.widgets.param_form import ParamForm

    group = augview.Group("one_of", [augview.Step("invert"), augview.Step("vertical_flip")])
    document = Document(augview.Pipeline([group], name="w"))
    form = ParamForm(document)
    qtbot.addWidget(form)
    form.show_node((0,))
    assert {"weight:0", "weight:1"} <= set(form.controls)
    form.controls["weight:1"][1].widget.setValue(3.0)
    assert document.node((0,)).weights == [1.0, 3.0]
    document.move((0, 1), 0)  # vertical_flip first: its weight goes with it
    assert document.node((0,)).weights == [3.0, 1.0]
    document.add_step("grayscale", parent=(0,))
    assert document.node((0,)).weights == [3.0, 1.0, 1.0]
    document.remove((0, 0))
    assert document.node((0,)).weights == [1.0, 1.0]
    augview.Pipeline.from_dict(document.pipeline.to_dict())  # still a valid preset
    document.undo()
    assert document.node((0,)).weights == [3.0, 1.0, 1.0]


def test_space_on_a_focused_check_box_toggles_it(qtbot, window):
    activate(qtbot, window)
    window.lock_box.setFocus()
    seed, locked = window.seed_spin.value(), window.lock_box.isChecked()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.lock_box.isChecked() != locked, timeout=2000)
    assert window.seed_spin.value() == seed


def test_the_step_list_summarises_only_parameters_that_apply():
    from augview import Step
    from augview.gui.widgets.pipeline_panel import step_summary

    assert step_summary(Step("random_crop", {"size_mode": "pixels"})) == "random_crop"
    assert step_summary(Step("random_crop", {"size_mode": "fraction", "fraction": (0.5, 0.9)})) == \
        "random_crop  0.5..0.9"
    assert step_summary(Step("rotate", {"limit": (-10.0, 10.0)})) == "rotate  -10..10°"


def test_the_step_list_names_options_switched_on_beyond_their_default():
    from augview import Step
    from augview.gui.widgets.pipeline_panel import step_summary

    params = {"kernel_limit": (25, 31), "angle_limit": (0.0, 360.0)}
    assert step_summary(Step("motion_blur", params)) == "motion_blur  25..31px, 0..360°"
    assert step_summary(Step("motion_blur", {**params, "antialias": True})) == "motion_blur  25..31px, 0..360°, antialias"


def test_step_names_get_the_rooms_width(qtbot, window):
    window.show()
    tree = window.panel.tree
    qtbot.waitUntil(lambda: tree.viewport().width() > 200, timeout=2000)
    header = tree.header()
    others = sum(header.sectionSize(i) for i in (1, 2, 3))  # p, fires, time
    assert header.sectionSize(0) > tree.viewport().width() - others - 4
    assert header.sectionSize(2) < 80  # "fires" fits its numbers, no more
    assert header.sectionSize(3) < 90  # so does "time"


def test_group_puts_the_selected_steps_into_a_container(window):
    """Issue 15: Group ▾ added an empty group at the end; it groups the selection instead."""
    from PySide6.QtCore import QItemSelectionModel

    tree = window.panel.tree
    select(window, (0,))
    tree.selectionModel().select(tree.indexFromItem(window.panel.item_at((2,))),
                                 QItemSelectionModel.SelectionFlag.Select)  # Ctrl+click the flip
    window.panel.add_group("one_of")
    assert ops(window) == [("one_of", ["rotate", "horizontal_flip"]), "brightness_contrast"]
    assert window.panel.selected_path() == (0,) and window.form.path == (0,)
    assert tree_texts(window)[0].startswith("one_of")
    window.document.undo()
    assert ops(window) == START
    select(window, (1,))  # one step: wrapped on its own
    window.panel.add_group("some_of")
    assert ops(window) == ["rotate", ("some_of", ["brightness_contrast"]), "horizontal_flip"]
    select(window, (1, 0))  # inside a group: grouped where it is
    window.panel.add_group("sequence")
    assert ops(window) == ["rotate", ("some_of", [("sequence", ["brightness_contrast"])]), "horizontal_flip"]


def test_groups_never_nest_deeper_than_a_preset_can_hold(window, tmp_path):
    """(Eleven clicks on Group ▾ made groups 11 deep: the previews rendered, but Save refused the
    preset, and the work could not be saved until it was taken apart by hand.)"""
    from augview.pipeline.nodes import group_levels
    from augview.pipeline.presets import MAX_DEPTH

    window.panel.tree.clearSelection()
    for _ in range(MAX_DEPTH + 3):  # the new group is selected, so each click wraps it once more
        window.panel.add_group("sequence")
    assert group_levels(window.document.node((3,))) == MAX_DEPTH
    assert "at most 8 deep" in window.statusBar().currentMessage()
    window.statusBar().clearMessage()
    deepest = (3,) + (0,) * (MAX_DEPTH - 1)
    select(window, deepest)
    window.panel.tree.clearSelection()
    window.panel.add_group("some_of")  # a new top-level group, one level deep
    top = (len(window.document.pipeline.steps) - 1,)
    window.panel.tree.dropped.emit(top, deepest, 0)  # dragged into the deepest group: refused
    assert isinstance(window.document.node(top), Group) and "at most 8 deep" in window.statusBar().currentMessage()
    window.panel.tree.dropped.emit((0,), deepest, 0)  # a step may still go there
    assert group_levels(window.document.node((2,))) == MAX_DEPTH
    path = tmp_path / "deep.json"
    window.document.pipeline.save(path)  # what was built can be saved
    assert Pipeline.load(path).steps
