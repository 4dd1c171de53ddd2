"""Sweeps, extremes and the gallery (augview.analysis.sweep): one parameter moves, nothing else does."""

from __future__ import annotations

import numpy as np
import pytest

from augview.core.params import bool_param, choice_param, float_param, int_param, range_param
from augview.core.registry import CATALOG, get_op
from augview.analysis.sweep import extremes, format_value, gallery, sweep, sweep_label, sweep_values


# ---- sweep_values, per kind ----

def test_float_values_are_evenly_spaced_ends_included():
    spec = float_param("x", 0.5, 0.0, 1.0, step=0.01)
    assert sweep_values(spec, 5) == [0.0, 0.25, 0.5, 0.75, 1.0]


def test_range_values_span_the_whole_allowed_range():
    spec = get_op("rotate").spec("limit")
    assert sweep_values(spec, 7) == [-180, -120, -60, 0, 60, 120, 180]
    assert sweep_values(spec, 7, span=(-45, 45)) == [-45, -30, -15, 0, 15, 30, 45]


def test_span_is_clipped_to_the_spec_bounds():
    spec = get_op("rotate").spec("limit")
    assert sweep_values(spec, 3, span=(-500, 0)) == [-180, -90, 0]


def test_int_values_are_whole_and_deduplicated():
    spec = int_param("n", 2, 0, 3)
    values = sweep_values(spec, 7)
    assert values == [0, 1, 2, 3]
    assert all(type(v) is int for v in values)


def test_integer_range_stays_on_its_step_grid():
    spec = get_op("median_blur").spec("ksize_limit")  # 3..15, step 2: odd kernels only
    values = sweep_values(spec, 7)
    assert values == [3, 5, 7, 9, 11, 13, 15]
    assert all(v % 2 == 1 for v in sweep_values(get_op("motion_blur").spec("kernel_limit"), 9))


def test_choice_gives_every_choice_and_bool_both_values():
    assert sweep_values(choice_param("c", "a", ("a", "b", "c")), 7) == ["a", "b", "c"]
    assert sweep_values(bool_param("b", True), 7) == [False, True]


def test_float_values_land_on_the_step_grid_except_the_ends():
    spec = range_param("r", (0.02, 0.3), 0.001, 1.0, step=0.01)
    values = sweep_values(spec, 5)
    assert values[0] == 0.001 and values[-1] == 1.0
    for v in values[1:-1]:
        assert round(v / 0.01, 6) == round(v / 0.01)


def test_labels_show_the_drawn_name_and_unit():
    spec = get_op("rotate").spec("limit")
    assert sweep_label(spec, -45.0) == "angle = -45°"
    assert format_value(get_op("median_blur").spec("ksize_limit"), 5) == "5 px"
    assert format_value(range_param("r", (0, 1), 0.001, 1, step=0.01), 0.001) == "0.001"


# ---- sweep ----

def test_rotate_sweep_draws_exactly_each_value(small_rgb):
    cells = sweep(small_rgb, "rotate", {"limit": (-30.0, 30.0)}, "limit", 7, seed=3, span=(-45, 45))
    assert [v for v, _, _ in cells] == [-45, -30, -15, 0, 15, 30, 45]
    assert [label for _, _, label in cells][0] == "angle = -45°"
    op = get_op("rotate")
    for value, image, _ in cells:
        expected = op.apply(small_rgb, {**op.defaults(), "angle": float(value)})
        assert np.array_equal(image, expected)
    assert np.array_equal(cells[3][1], small_rgb)  # 0 degrees changes nothing


def test_sweep_changes_only_that_parameter(small_rgb):
    """Same seed in every cell: the other ranges draw the same values whatever the swept one is."""
    op = get_op("brightness_contrast")
    params = {"brightness_limit": (-0.3, 0.3), "contrast_limit": (-0.4, 0.4)}
    cells = sweep(small_rgb, op.name, params, "brightness_limit", 5, seed=11)
    contrasts = set()
    for value, image, _ in cells:
        drawn = op.draw(np.random.default_rng(11), {**op.defaults(), **params,
                                                     "brightness_limit": (value, value)}, small_rgb.shape)
        assert drawn["brightness"] == pytest.approx(value)
        contrasts.add(drawn["contrast"])
        assert np.array_equal(image, op.apply(small_rgb, drawn))
    assert len(contrasts) == 1
    means = [image.mean() for _, image, _ in cells]
    assert means == sorted(means) and means[0] < means[-1]  # brighter as brightness grows


def test_choice_sweep_gives_one_cell_per_choice(small_rgb):
    cells = sweep(small_rgb, "rotate", {"limit": (20.0, 20.0)}, "border_mode", 7, seed=0)
    assert [v for v, _, _ in cells] == list(get_op("rotate").spec("border_mode").choices)
    assert not np.array_equal(cells[0][1], cells[1][1])  # constant vs reflect borders differ


def test_list_drawing_range_is_labelled_by_its_own_name(small_rgb):
    cells = sweep(small_rgb, "coarse_dropout", None, "hole_height_limit", 3, seed=0)
    assert cells[0][2].startswith("hole_height_limit = ")


def test_sweep_is_deterministic_and_does_not_touch_the_input(small_rgb):
    before = small_rgb.copy()
    a = sweep(small_rgb, "gaussian_noise", None, "std_limit", 4, seed=5)
    b = sweep(small_rgb, "gaussian_noise", None, "std_limit", 4, seed=5)
    assert all(np.array_equal(x[1], y[1]) for x, y in zip(a, b))
    assert np.array_equal(small_rgb, before)


def test_every_param_of_every_op_sweeps_on_gray(small_gray):
    for op in CATALOG.values():
        for spec in op.params:
            if spec.kind == "int" and spec.max and spec.max > 1024:
                span = (spec.min, 128)  # pixel sizes: keep the test quick
            else:
                span = None
            cells = sweep(small_gray, op.name, None, spec.name, 3, seed=1, span=span)
            assert cells and all(img.ndim == 2 and img.dtype == np.uint8 for _, img, _ in cells)


def test_unknown_parameter_is_refused(small_rgb):
    with pytest.raises(KeyError):
        sweep(small_rgb, "rotate", None, "nope", 3, 0)


# ---- extremes ----

def test_extremes_pin_every_range_to_its_ends_and_middle(small_rgb):
    params = {"brightness_limit": (-0.2, 0.4), "contrast_limit": (0.0, 0.2)}
    cells = extremes(small_rgb, "brightness_contrast", params, seed=0, randoms=2)
    titles = [t for t, _ in cells]
    assert len(cells) == 5
    words = [t.split() for t in titles[:3]]
    assert "min:" in words[0] and {"brightness=-0.2", "contrast=0"} <= set(words[0])
    assert "middle:" in words[1] and {"brightness=0.1", "contrast=0.1"} <= set(words[1])
    assert "max:" in words[2] and {"brightness=0.4", "contrast=0.2"} <= set(words[2])
    op = get_op("brightness_contrast")
    for i, (title, image) in enumerate(cells[3:]):
        expected, _ = op.run(small_rgb, np.random.default_rng(i), params)
        assert title.startswith(f"random, seed {i}") and np.array_equal(image, expected)
    means = [image.mean() for _, image in cells[:3]]
    assert means[0] < means[1] < means[2]


def test_extremes_of_an_op_without_ranges(small_rgb):
    cells = extremes(small_rgb, "horizontal_flip", None, seed=0, randoms=1)
    assert len(cells) == 2 and "no ranges" in cells[0][0]
    assert np.array_equal(cells[0][1], small_rgb[:, ::-1])


# ---- gallery ----

def test_gallery_covers_every_op_and_matches_draw_then_apply(small_rgb):
    tiles = gallery(small_rgb, seed=4)
    assert sorted(name for name, *_ in tiles) == sorted(CATALOG)
    assert "policy" in {category for _, category, _, _ in tiles}
    for name, category, image, label in tiles:
        op = get_op(name)
        assert category == op.category
        drawn = op.draw(np.random.default_rng(4), op.defaults(), small_rgb.shape)
        assert np.array_equal(image, op.apply(small_rgb, drawn)), name
        assert label == op.label(drawn)


def test_gallery_of_named_ops_in_category_order(small_rgb):
    tiles = gallery(small_rgb, 0, names=["gaussian_blur", "rotate", "invert"])
    assert [t[0] for t in tiles] == ["rotate", "invert", "gaussian_blur"]


def test_held_at_middle_pins_every_other_range_to_its_middle():
    from augview.analysis.sweep import held_at_middle

    params = {"rotate": (-36.0, 36.0), "scale": (0.9, 1.1), "translate_x": (0.0, 0.2)}
    held = held_at_middle("affine", params, keep="scale")
    assert held["rotate"] == (0.0, 0.0) and held["translate_x"] == (0.1, 0.1)
    assert held["scale"] == (0.9, 1.1)  # the swept one is left to the sweep
    assert held["interpolation"] == get_op("affine").defaults()["interpolation"]


def test_a_sweep_of_affine_scale_with_the_others_held_changes_only_the_scale():
    """Issue 15: sweeping affine's scale showed every cell rotated by the seed's 36°."""
    from augview.analysis.sweep import held_at_middle

    image = np.tile(np.arange(64, dtype=np.uint8)[None, :, None], (48, 1, 3)) * 4
    params = {"rotate": (-45.0, 45.0), "scale": (0.5, 2.0)}
    free = sweep(image, "affine", params, "scale", count=3, seed=3, span=(0.5, 2.0))
    held = sweep(image, "affine", held_at_middle("affine", params, "scale"), "scale", count=3, seed=3,
                 span=(0.5, 2.0))
    assert [value for value, _, _ in held] == [0.5, 1.25, 2.0]
    # Held: no rotation, so every row of a horizontal ramp stays one ramp (columns stay constant).
    for _, out, _ in held:
        centre = out[12:36, 16:48, 0].astype(int)
        assert np.abs(np.diff(centre, axis=0)).max() <= 2
    assert any(np.abs(np.diff(out[12:36, 16:48, 0].astype(int), axis=0)).max() > 2 for _, out, _ in free)
