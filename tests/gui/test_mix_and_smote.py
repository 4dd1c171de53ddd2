"""The mix view (mixup, CutMix, SamplePairing, mosaic) and the SMOTE explorer."""

from __future__ import annotations

import re

import numpy as np
import pytest

from augview.gui.tools.mix_view import MixView
from augview.gui.tools.smote_view import SmoteView


@pytest.fixture
def mix(qtbot):
    view = MixView()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.caption.text() != "", timeout=5000)
    return view


def weights(caption: str) -> tuple[float, float]:
    match = re.search(r"weights: A ([\d.]+) / B ([\d.]+)", caption)
    return float(match.group(1)), float(match.group(2))


def wait_for(qtbot, view, fragment):
    qtbot.waitUntil(lambda: fragment in view.caption.text(), timeout=5000)


def test_mixup_with_lambda_by_hand_shows_lambda_and_label_weights(qtbot, mix):
    mix.method.setCurrentText("mixup")
    mix.fixed.setChecked(True)
    mix.lam.setValue(0.3)
    wait_for(qtbot, mix, "lambda=0.30")
    a, b = weights(mix.caption.text())
    assert (a, b) == (0.3, 0.7)
    assert mix.cells[2].pane.image is not None
    assert mix.beta.lam == pytest.approx(0.3)


def test_cutmix_weights_sum_to_one_and_follow_the_box(qtbot, mix):
    mix.method.setCurrentText("cutmix")
    mix.fixed.setChecked(True)
    mix.lam.setValue(0.75)
    qtbot.waitUntil(lambda: "lambda=" in mix.caption.text() and mix.method.currentText() == "cutmix", timeout=5000)
    qtbot.wait(200)
    a, b = weights(mix.caption.text())
    assert a + b == pytest.approx(1.0, abs=0.011)


def test_drawn_lambda_changes_with_the_seed(qtbot, mix):
    mix.method.setCurrentText("mixup")
    mix.alpha.setValue(0.2)
    qtbot.wait(300)
    first = mix.caption.text()
    mix.seed.setValue(mix.seed.value() + 1)
    qtbot.waitUntil(lambda: mix.caption.text() != first, timeout=5000)


def test_sample_pairing_keeps_label_a_and_mosaic_names_its_tiles(qtbot, mix):
    mix.method.setCurrentText("sample_pairing")
    wait_for(qtbot, mix, "label: A only")
    assert not mix.alpha.isEnabled()
    assert mix.beta.isHidden()  # no lambda drawn: no Beta distribution to show
    mix.method.setCurrentText("mosaic")
    wait_for(qtbot, mix, "mosaic 2×2")
    assert mix.beta.isHidden() and "#" not in mix.caption.text()
    assert set(mix.caption.text().split("tiles from ")[1].split(", ")) <= {"A", "B", "the coffee photo"}
    mix.method.setCurrentText("mixup")
    assert not mix.beta.isHidden()


def test_smote_view_adds_the_expected_number_of_points_on_segments(qtbot):
    view = SmoteView()
    qtbot.addWidget(view)
    view.ratio_slider.setValue(0.5)
    view.k_slider.setValue(3)
    result = view.result
    majority = int((view.y == 0).sum())
    minority = int((view.y == 1).sum())
    assert len(result.X) - result.n_original == round(0.5 * majority) - minority
    for new, base, nb in zip(result.X[result.n_original:], result.base, result.neighbor):
        a, b = view.X[base], view.X[nb]
        assert view.y[base] == view.y[nb] == 1
        t = np.dot(new - a, b - a) / max(np.dot(b - a, b - a), 1e-12)
        assert np.allclose(a + t * (b - a), new) and -1e-9 <= t <= 1 + 1e-9
    assert str(len(result.X) - result.n_original) in view.info.text()


def test_smote_view_smallest_ratio_adds_the_fewest_points(qtbot):
    view = SmoteView()
    qtbot.addWidget(view)
    view.ratio_slider.setValue(0.2)  # 10 minority samples, 60 majority: 0.2 * 60 = 12, so 2 new
    assert len(view.result.X) - view.result.n_original == 2


def test_the_disabled_lambda_slider_shows_the_drawn_lambda(qtbot, mix):
    mix.method.setCurrentText("mixup")
    mix.fixed.setChecked(False)
    mix.seed.setValue(mix.seed.value() + 3)
    qtbot.waitUntil(lambda: mix.beta.lam is not None and abs(mix.lam.value() - mix.beta.lam) < 0.006,
                    timeout=5000)
    assert not mix.lam.isEnabled()


def test_smote_text_never_breaks_a_line_beside_an_equals_or_plus_sign(qtbot):
    view = SmoteView()
    qtbot.addWidget(view)
    assert "with k\u00a0=\u00a0" in view.info.text()
    explain = next(label for label in view.findChildren(type(view.info)) if "SMOTE makes" in label.text())
    assert "x\u00a0+\u00a0u·(neighbour\u00a0−\u00a0x)" in explain.text()


def test_one_image_b_replaces_a_folder_of_them_and_an_empty_folder_says_so(qtbot, mix, dialogs, tmp_path):
    """(After "B from a folder…", "Choose B…" changed nothing visible: the folder still won. An
    empty folder emptied the pool without a word.)"""
    import augview

    folder = tmp_path / "bees"
    folder.mkdir()
    for index in range(2):
        augview.save_image(folder / f"b{index}.png", np.full((30, 40, 3), 60 * index, np.uint8))
    dialogs.folders.append(str(folder))
    mix.choose_pool()
    qtbot.waitUntil(lambda: len(mix.pool) == 2, timeout=5000)
    single = tmp_path / "single.png"
    augview.save_image(single, np.full((10, 20, 3), 200, np.uint8))
    dialogs.open_paths.append(str(single))
    mix.choose_b()
    qtbot.waitUntil(lambda: mix.pool == [], timeout=5000)
    qtbot.waitUntil(lambda: mix.cells[1].pane.image is not None and mix.cells[1].pane.image.width() == 20,
                    timeout=5000)

    empty = tmp_path / "empty"
    empty.mkdir()
    dialogs.folders.append(str(empty))
    mix.choose_pool()
    wait_for(qtbot, mix, "no images in it")
    assert mix.pool == [] and mix.b.shape[:2] == (10, 20)  # B stays the one chosen


def test_what_was_drawn_is_said_once(qtbot, mix):
    """The lambda and weights were shown twice: beside the controls and under the result."""
    wait_for(qtbot, mix, "weights")
    assert "weights" not in mix.cells[2].caption.text() and "mixup" in mix.cells[2].caption.text()
