"""Behaviour of the dropout ops: coarse_dropout, random_erasing, grid_dropout."""

import math
from pathlib import Path

import numpy as np
import pytest

import augview
from tests.test_catalog import TINY_SHAPES, extreme_params
from augview import get_op
from augview.ops.photometric.dropout import fill_holes, grid_holes

ASSETS = Path(__file__).parents[2] / "assets"
NAMES = ("coarse_dropout", "random_erasing", "grid_dropout")


@pytest.fixture(scope="module")
def astronaut():
    return augview.load_image(ASSETS / "astronaut.png")


def hole_mask(shape, holes):
    mask = np.zeros(shape[:2], bool)
    for x, y, w, h in holes:
        mask[y:y + h, x:x + w] = True
    return mask


def assert_inside(holes, shape):
    height, width = shape[:2]
    for x, y, w, h in holes:
        assert all(isinstance(v, int) for v in (x, y, w, h))
        assert 0 <= x and 0 <= y and w >= 1 and h >= 1
        assert x + w <= width and y + h <= height


def holes_of(name, drawn, shape):
    if name == "coarse_dropout":
        return drawn["holes"]
    if name == "random_erasing":
        return [] if drawn["box"] is None else [drawn["box"]]
    return grid_holes(drawn["unit"], drawn["ratio"], drawn["shift_x"], drawn["shift_y"], shape)


@pytest.mark.parametrize("name", NAMES)
def test_holes_stay_inside_at_every_extreme(name):
    op = get_op(name)
    for shape in TINY_SHAPES:
        image = np.random.default_rng(1).integers(0, 256, shape, dtype=np.uint8)
        for params in extreme_params(op):
            for seed in range(3):
                _, drawn = op.run(image, np.random.default_rng(seed), params)
                assert_inside(holes_of(name, drawn, shape), shape)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("fill", [0, 37, 255])
def test_holes_hold_exactly_the_fill_and_the_rest_is_untouched(astronaut, name, fill):
    op = get_op(name)
    for image in (astronaut, astronaut[..., 2].copy()):
        for seed in range(5):
            out, drawn = op.run(image, np.random.default_rng(seed), {"fill": fill})
            holes = holes_of(name, drawn, image.shape)
            assert_inside(holes, image.shape)
            mask = hole_mask(image.shape, holes)
            assert (out[mask] == fill).all()
            np.testing.assert_array_equal(out[~mask], image[~mask])
            assert out.ndim == image.ndim


@pytest.mark.parametrize("name", NAMES)
def test_random_fill_is_replayable_and_not_constant(astronaut, name):
    op = get_op(name)
    out, drawn = op.run(astronaut, np.random.default_rng(2), {"fill_mode": "random"})
    mask = hole_mask(astronaut.shape, holes_of(name, drawn, astronaut.shape))
    if not mask.any():
        pytest.skip("random erasing found no box for this seed")
    np.testing.assert_array_equal(out[~mask], astronaut[~mask])
    assert out[mask].std() > 50  # uniform noise over 0..255 has std ~74
    np.testing.assert_array_equal(op.apply(astronaut, drawn), out)


def test_switching_fill_mode_keeps_the_holes(astronaut):
    for name in NAMES:
        op = get_op(name)
        _, constant = op.run(astronaut, np.random.default_rng(9), {"fill_mode": "constant"})
        _, random = op.run(astronaut, np.random.default_rng(9), {"fill_mode": "random"})
        assert holes_of(name, constant, astronaut.shape) == holes_of(name, random, astronaut.shape)


def test_fill_holes_clips_rectangles_and_does_not_mutate():
    image = np.zeros((4, 4), np.uint8)
    out = fill_holes(image, [[-2, -2, 3, 3], [3, 3, 5, 5]], "constant", 9, 0)
    assert out[0, 0] == 9 and out[3, 3] == 9 and out.sum() == 9 * 2
    assert image.sum() == 0


# ------------------------------------------------------------------------------- coarse_dropout


def test_coarse_dropout_counts_and_sizes():
    op = get_op("coarse_dropout")
    shape = (200, 300, 3)
    params = {"num_holes_limit": (2, 5), "hole_height_limit": (0.1, 0.2), "hole_width_limit": (0.05, 0.1)}
    for seed in range(30):
        _, drawn = op.run(np.zeros(shape, np.uint8), np.random.default_rng(seed), params)
        assert 2 <= drawn["num_holes"] <= 5 and len(drawn["holes"]) == drawn["num_holes"]
        assert_inside(drawn["holes"], shape)
        for x, y, w, h in drawn["holes"]:
            assert 20 <= h <= 40 and 15 <= w <= 30


def test_coarse_dropout_full_size_hole_covers_everything():
    op = get_op("coarse_dropout")
    image = np.full((9, 7, 3), 200, np.uint8)
    params = {"num_holes_limit": (1, 1), "hole_height_limit": (1.0, 1.0),
              "hole_width_limit": (1.0, 1.0), "fill": 5}
    out, drawn = op.run(image, np.random.default_rng(0), params)
    assert drawn["holes"] == [[0, 0, 7, 9]]
    assert (out == 5).all()


# ------------------------------------------------------------------------------- random_erasing


def test_random_erasing_area_and_ratio_within_ranges():
    op = get_op("random_erasing")
    shape = (480, 640, 3)
    params = {"scale_limit": (0.02, 0.33), "ratio_limit": (0.3, 3.3)}
    ratios = []
    for seed in range(200):
        _, drawn = op.run(np.zeros(shape[:2], np.uint8), np.random.default_rng(seed), params)
        assert 0.02 <= drawn["scale"] <= 0.33 and 0.3 <= drawn["ratio"] <= 3.3
        assert 1 <= drawn["attempts"] <= 10
        if drawn["box"] is None:
            continue
        x, y, w, h = drawn["box"]
        assert_inside([drawn["box"]], shape)
        area = w * h / (shape[0] * shape[1])
        # Rounding the sides to whole pixels moves the area by at most ~(w + h) / 2 pixels.
        slack = (w + h) / (shape[0] * shape[1])
        assert 0.02 - slack <= area <= 0.33 + slack
        assert area == pytest.approx(drawn["scale"], abs=slack)
        assert h / w == pytest.approx(drawn["ratio"], rel=2 / min(w, h))
        ratios.append(drawn["ratio"])
    assert len(ratios) > 150
    # Log-uniform ratio: as many boxes taller than wide as wider than tall (geometric mean ~1).
    assert abs(np.median(np.log(ratios)) - math.log(math.sqrt(0.3 * 3.3))) < 0.3


def test_random_erasing_gives_up_when_no_box_fits():
    op = get_op("random_erasing")
    image = np.full((1, 1, 3), 50, np.uint8)
    out, drawn = op.run(image, np.random.default_rng(0))
    assert drawn["box"] is None and drawn["attempts"] == 10
    np.testing.assert_array_equal(out, image)
    # Boxes covering the whole image never fit (torchvision requires h < H and w < W).
    big = np.zeros((50, 50), np.uint8)
    out, drawn = op.run(big, np.random.default_rng(0), {"scale_limit": (1.0, 1.0), "ratio_limit": (1.0, 1.0)})
    assert drawn["box"] is None
    np.testing.assert_array_equal(out, big)


# --------------------------------------------------------------------------------- grid_dropout


def test_grid_holes_follow_unit_ratio_and_shift():
    holes = grid_holes(10, 0.5, 0, 0, (40, 30))
    assert len(holes) == 4 * 3
    assert [10, 20, 5, 5] in holes and [0, 0, 5, 5] in holes
    shifted = grid_holes(10, 0.5, 3, 7, (40, 30))
    assert [3, 7, 5, 5] in shifted
    # A shift wraps: the hole cut by the top edge shows its bottom part.
    assert [3, 0, 5, 2] in shifted
    assert_inside(shifted, (40, 30))


def test_grid_dropout_drops_ratio_squared_of_the_image():
    op = get_op("grid_dropout")
    image = np.full((400, 400), 255, np.uint8)
    out, drawn = op.run(image, np.random.default_rng(0), {"unit_size_limit": (40, 40), "ratio": 0.5})
    assert drawn["unit"] == 40
    assert (out == 0).mean() == pytest.approx(0.25, abs=0.01)


def test_grid_dropout_shift_drawn_within_a_cell_or_zero():
    op = get_op("grid_dropout")
    for seed in range(20):
        image = np.zeros((64, 64), np.uint8)
        _, drawn = op.run(image, np.random.default_rng(seed), {"unit_size_limit": (8, 16)})
        assert 8 <= drawn["unit"] <= 16
        assert 0 <= drawn["shift_x"] < drawn["unit"] and 0 <= drawn["shift_y"] < drawn["unit"]
        _, fixed = op.run(image, np.random.default_rng(seed),
                          {"unit_size_limit": (8, 16), "random_shift": False})
        assert fixed["shift_x"] == fixed["shift_y"] == 0 and fixed["unit"] == drawn["unit"]


def test_grid_dropout_pattern_is_periodic(astronaut):
    op = get_op("grid_dropout")
    out, drawn = op.run(astronaut, np.random.default_rng(4), {"fill": 0, "unit_size_limit": (32, 32)})
    mask = hole_mask(astronaut.shape, holes_of("grid_dropout", drawn, astronaut.shape))
    np.testing.assert_array_equal(mask[:-32], mask[32:])
    np.testing.assert_array_equal(mask[:, :-32], mask[:, 32:])


@pytest.mark.parametrize("fill_mode", ["constant", "random"])
def test_grid_dropout_many_holes_path_matches_the_per_hole_path(monkeypatch, astronaut, fill_mode):
    import augview.ops.photometric.dropout as dropout

    op = get_op("grid_dropout")
    drawn = {"unit": 6, "ratio": 0.4, "shift_x": 4, "shift_y": 1, "random_shift": True,
             "fill_mode": fill_mode, "fill": 90, "noise_seed": 3}
    for image in (astronaut[:100, :130], astronaut[:100, :130, 0].copy()):
        monkeypatch.setattr(dropout, "_LOOP_HOLES", 10**9)
        looped = op.apply(image, drawn)
        monkeypatch.setattr(dropout, "_LOOP_HOLES", 0)
        indexed = op.apply(image, drawn)
        np.testing.assert_array_equal(looped, indexed)
        mask = hole_mask(image.shape, grid_holes(6, 0.4, 4, 1, image.shape))
        np.testing.assert_array_equal(looped[~mask], image[~mask])
        if fill_mode == "constant":
            assert (looped[mask] == 90).all()


def test_grid_dropout_tiny_unit_is_fast_enough(astronaut):
    import time

    op = get_op("grid_dropout")
    start = time.perf_counter()
    out, _ = op.run(astronaut, np.random.default_rng(0), {"unit_size_limit": (2, 2), "fill_mode": "random"})
    assert time.perf_counter() - start < 0.1  # 65536 holes, one indexed write
    assert out.shape == astronaut.shape
