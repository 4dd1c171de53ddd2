"""Two presets side by side (issue 15): the same photo and seeds through preset A and preset B, one
row each."""

from __future__ import annotations

import numpy as np

import augview
from augview.gui.render_worker import make_proxy
from augview.gui.tools.preset_compare import PROXY_SIDE
from augview.pipeline.pipeline import variant_seed

from .conftest import RENDER_TIMEOUT, wait_render, write_preset


def wait_rows(qtbot, view, after: int):
    qtbot.waitUntil(lambda: view.computed > after and view.tasks._outstanding == 0, timeout=RENDER_TIMEOUT)


def test_two_rows_show_the_same_seeds_through_each_preset(qtbot, tmp_path, window, dialogs):
    other = write_preset(tmp_path / "other.json", name="other preset", seed=1)
    other_pipeline = augview.Pipeline([augview.Step("vertical_flip"), augview.Step("invert")], name="flipped")
    other_pipeline.save(other)
    window.menus.actions["presets"].trigger()
    view = window.side_windows.presets
    assert view is not None and view.isVisible()
    wait_rows(qtbot, view, 0)
    dialogs.open_paths.append(str(other))
    before = view.computed
    view.open_dialog(view.b_box)
    wait_rows(qtbot, view, before)
    seed, count = window.seed_spin.value(), window.variant_count()
    assert [len(row) for row in view.rows] == [count, count]
    assert len(view.preview.cells) == 2 * count
    captions = [cell.full_caption for cell in view.preview.cells]
    assert captions[0].startswith(f"A #1 seed {seed}") and captions[count].startswith(f"B #1 seed {seed}")
    assert "test preset" in view.info.text() and "flipped" in view.info.text()
    # Row B is preset B on the window's photo with the window's seeds, pixel for pixel.
    photo = make_proxy(window.proxy, PROXY_SIDE)
    for i, result in enumerate(view.rows[1]):
        assert np.array_equal(result.image, other_pipeline.apply(photo, seed=variant_seed(seed, i)).image)
    # Row A follows the window's edits.
    before = view.computed
    window.panel.add_op("grayscale")
    wait_render(qtbot, window)
    wait_rows(qtbot, view, before)
    assert all("grayscale" in result.summary for result in view.rows[0])
    window.side_windows.close_all()


def test_a_file_that_is_not_a_preset_is_one_sentence_and_changes_nothing(qtbot, tmp_path, window):
    window.side_windows.show_presets()
    view = window.side_windows.presets
    wait_rows(qtbot, view, 0)
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    key = view.b_box.currentData()
    view.choose(view.b_box, str(broken))
    qtbot.waitUntil(lambda: not view.reading(), timeout=RENDER_TIMEOUT)
    assert "broken.json" in view.info.text() and view.b_box.currentData() == key
    before = view.computed
    view.seed_spin.setValue(view.seed_spin.value() + 1)  # a render finishing afterwards keeps the sentence
    wait_rows(qtbot, view, before)
    assert "broken.json" in view.info.text() and "A (top row)" in view.info.text()
    window.side_windows.close_all()


def test_the_photo_s_annotations_move_with_both_rows(qtbot, make_window):
    window = make_window()  # the sample, with its boxes, mask and keypoints
    window.side_windows.show_presets()
    view = window.side_windows.presets
    wait_rows(qtbot, view, 0)
    count = window.variant_count()
    overlays = [cell.pane.overlay for cell in view.preview.cells]
    assert len(overlays) == 2 * count and all(o is not None and len(o.overlay.boxes) for o in overlays)
    results = view.rows[0] + view.rows[1]
    assert all((o.overlay.height, o.overlay.width) == r.image.shape[:2] for o, r in zip(overlays, results))
    assert f"— {view.rows[0][0].image.shape[1]}×{view.rows[0][0].image.shape[0]}:" in view.preview.cells[0].full_caption
    window.side_windows.close_all()


def test_the_window_pipeline_is_compared_by_what_the_rows_depend_on():
    from augview.gui.tools.preset_compare import _same_pipeline

    pipe = augview.Pipeline([augview.Step("rotate"), augview.Step("gamma", p=0.5)], name="p", seed=3)
    assert _same_pipeline(pipe, pipe.copy(share_nodes=True)) and _same_pipeline(pipe, pipe.copy())
    changed = pipe.copy()
    changed.steps[1] = augview.Step("gamma", p=0.6)
    other_targets = augview.Pipeline(pipe.steps, name="p", seed=3, targets={"min_visibility": 0.5})
    for other in (changed, other_targets, augview.Pipeline(pipe.steps, name="q", seed=3)):
        assert not _same_pipeline(pipe, other)


def test_a_chosen_preset_is_read_on_a_worker_not_the_gui_thread(qtbot, tmp_path, window, monkeypatch):
    """A preset of 10,000 steps took 0.2 s to read on the GUI thread."""
    import threading

    from augview.gui.tools import preset_compare

    window.side_windows.show_presets()
    view = window.side_windows.presets
    wait_rows(qtbot, view, 0)
    other = tmp_path / "other.json"
    augview.Pipeline([augview.Step("vertical_flip")], name="flipped").save(other)
    threads = []
    real = preset_compare.open_pipeline_file
    monkeypatch.setattr(preset_compare, "open_pipeline_file",
                        lambda path: threads.append(threading.current_thread()) or real(path))
    before = view.computed
    view.choose(view.b_box, str(other))
    assert view.reading() and "reading other.json" in view.info.text()
    wait_rows(qtbot, view, before)
    assert view.b_box.currentData() == str(other) and "flipped" in view.info.text()
    assert threads and all(thread is not threading.main_thread() for thread in threads)
    window.side_windows.close_all()
