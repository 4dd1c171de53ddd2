"""Presentation mode: one slide per enabled step, then the whole pipeline; keyboard driven."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

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
    assert view.title.text().endswith("step\u00a01\u00a0of\u00a02")  # never wrapped as "step 1" / "of 2"
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


def test_slides_are_sized_for_the_back_row_of_a_1280x720_projector(qtbot):
    """Issue 15: the description was 1.35x the interface font and four pictures sat in a 2x2
    grid a third of the screen high; text and pictures now use the projector's space."""
    import numpy as np

    photo = np.zeros((512, 512, 3), np.uint8)
    photo[::32] = 255
    pipe = augview.Pipeline([augview.Step("random_resized_crop")], name="demo")
    view = PresentationView(pipe, photo, count=3, seed=3)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    qtbot.waitUntil(lambda: view.last_output is not None, timeout=5000)
    assert view.title.font().pixelSize() >= 38
    assert view.about.font().pixelSize() >= 26
    assert all(cell.caption.font().pixelSize() >= 19 for cell in view.preview.cells)
    # The boxes' name tags too, in points (the tags' font is made from the pane's point size).
    interface = QApplication.font().pointSizeF()
    assert all(cell.pane.font().pointSizeF() >= 1.2 * interface for cell in view.preview.cells), interface
    assert view.hint.font().pixelSize() >= 19
    qtbot.waitExposed(view)

    def heights():
        return [cell.pane.target_rect().height() for cell in view.preview.cells if cell.pane.image is not None]

    # One row of large pictures, once laid out.
    qtbot.waitUntil(lambda: len(heights()) == 4 and min(heights()) >= 0.35 * 720, timeout=5000)


def test_best_columns_shows_the_pictures_largest():
    from augview.gui.widgets.preview import best_columns

    assert best_columns(4, 1232, 440, aspect=1.0, caption=60) == 4  # a wide slide: one row
    assert best_columns(4, 600, 1000, aspect=1.0, caption=60) == 2  # a tall one: 2x2
    assert best_columns(16, 1232, 440, aspect=1.5, caption=30) > 4


def test_resizing_the_slides_lays_the_pictures_out_again(qtbot, small_rgb):
    """A presenter drags the slide window to a portrait screen: the slides take the grid that
    fits it, keeping their pictures. (Laying out again went through zero cells, where
    best_columns divided by zero rows inside resizeEvent, and the program died.)"""
    view = make_view(qtbot, small_rgb)
    view.resize(1600, 500)
    qtbot.waitUntil(lambda: view.preview.columns_shown == 3, timeout=5000)  # the original + 2 in a row
    cells = list(view.preview.cells)
    view.resize(800, 1280)
    qtbot.waitUntil(lambda: view.preview.columns_shown == 1, timeout=5000)
    assert view.preview.cells == cells and all(cell.pane.image is not None for cell in cells)
    # The window is the size asked for: its type follows the narrower side of a portrait screen,
    # and a long title wraps (it made the window 1.6x wider than the screen).
    assert view.width() == 800
    view.title.setText("random_sized_crop  ·  geometric  ·  step 12 of 12 in a group of a group")
    view.resize(800, 1281)
    qtbot.waitUntil(lambda: view.height() == 1281, timeout=5000)
    assert view.width() == 800


def test_best_columns_of_no_pictures_is_one_empty_row():
    from augview.gui.widgets.preview import best_columns

    assert best_columns(0, 400, 1000, aspect=1.0, caption=60) == 1


def test_the_mask_legend_is_a_line_under_the_slides_not_over_the_original(make_window, qtbot):
    """Drawn over the original it covered the face box and the shuttle's tag on a small slide."""
    window = make_window()  # the annotated sample: boxes, a mask with 7 values, keypoints
    window.side_windows.show_presentation(full_screen=False)
    view = window.side_windows.presentation
    view.resize(900, 600)
    qtbot.waitUntil(lambda: view.last_output is not None and bool(view.preview.cells), timeout=5000)
    legend = window.preview.cells[0].pane.overlay.overlay.legend
    assert len(legend) == 7 and view.legend.entries == legend and view.legend.isVisible()
    assert not view.preview.cells[0].pane.legend  # not painted over the picture
    assert view.legend.font().pixelSize() == view.caption_font.pixelSize()  # as large as the captions
    window.targets.set_option("masks", False)  # the window's toggles, shared with the slides
    assert not view.legend.isVisible()
    window.side_windows.close_all()
