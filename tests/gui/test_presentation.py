"""Presentation mode: one slide per enabled step, then the whole pipeline; keyboard driven."""

from __future__ import annotations

from PySide6.QtCore import Qt

import augview
from augview.gui.tools.presentation import PresentationView
from augview.pipeline.nodes import enabled_steps


def make_view(qtbot, small_rgb):
    pipe = augview.Pipeline([
        augview.Step("rotate", {"limit": (-20.0, 20.0)}),
        augview.Group("one_of", [augview.Step("invert"), augview.Step("vertical_flip", enabled=False)]),
        augview.Step("grayscale", enabled=False),
    ], name="demo")
    view = PresentationView(pipe, small_rgb, count=2, seed=3)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.last_output is not None, timeout=5000)
    return view


def test_slides_are_the_enabled_steps_then_the_whole_pipeline(qtbot, small_rgb):
    view = make_view(qtbot, small_rgb)
    assert [step.op for _, step in enabled_steps(view.pipeline.steps)] == ["rotate", "invert"]
    assert view.slide_count() == 3
    assert view.title.text().startswith("rotate")
    assert "Turns the image" in view.about.text()
    # The rotate slide renders rotate alone.
    assert all([e["op"] for e in r.trace] == ["rotate"] for r in view.last_output.results)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: view.last_output.results[0].trace[0]["op"] == "invert", timeout=5000)
    assert view.title.text().startswith("invert")
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert "all 2 steps" in view.title.text()
    qtbot.keyClick(view, Qt.Key.Key_Right)  # past the end stays on the last slide
    assert view.index == 2
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.index == 0


def test_space_rerolls_and_arrows_change_the_variant_count(qtbot, small_rgb):
    view = make_view(qtbot, small_rgb)
    seed = view.seed
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.seed != seed
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: len(view.last_output.results) == 3, timeout=5000)
    assert len(view.preview.cells) == 4
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.isVisible()


def test_f5_in_the_main_window_opens_it(qtbot, window):
    window.side_windows.show_presentation(full_screen=False)
    view = window.side_windows.presentation
    assert view is not None and view.isVisible()
    qtbot.waitUntil(lambda: view.last_output is not None, timeout=5000)
    window.side_windows.close_all()
