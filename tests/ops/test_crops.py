"""Behaviour of the size-changing ops: crops, resize, random_scale, pad."""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import cv2
import numpy as np
import pytest

import augview
from augview.ops.geometric.crops import MAX_SIDE, center_box, clamp_box, pad_totals, scaled_size
from augview.core.registry import get_op

ASSETS = Path(__file__).parents[2] / "assets"
OPS = ("random_crop", "center_crop", "random_resized_crop", "resize", "random_scale", "pad")


@pytest.fixture(scope="module")
def astronaut():
    return augview.load_image(ASSETS / "astronaut.png")


def ramp(height, width, channels=3):
    """An image whose every pixel is distinct enough to locate a crop."""
    values = (np.arange(height * width * channels) % 251).astype(np.uint8)
    return values.reshape((height, width, channels) if channels == 3 else (height, width))


def run(name, image, seed=0, **params):
    return get_op(name).run(image, np.random.default_rng(seed), params)


# random_crop


def test_random_crop_output_is_the_drawn_slice(astronaut):
    for seed in range(20):
        out, drawn = run("random_crop", astronaut, seed, height=100, width=150)
        x, y, w, h = drawn["x"], drawn["y"], drawn["width"], drawn["height"]
        assert (w, h) == (150, 100)
        assert 0 <= x <= 512 - 150 and 0 <= y <= 512 - 100
        np.testing.assert_array_equal(out, astronaut[y:y + h, x:x + w])


def test_random_crop_positions_vary_and_reach_both_ends():
    image = ramp(10, 12)
    xs = {run("random_crop", image, seed, height=10, width=10)[1]["x"] for seed in range(200)}
    assert xs == {0, 1, 2}


def test_random_crop_larger_than_image_is_clamped():
    image = ramp(7, 5)
    out, drawn = run("random_crop", image, height=100, width=3)
    assert out.shape == (7, 3, 3)
    assert drawn["y"] == 0 and drawn["height"] == 7
    np.testing.assert_array_equal(out, image[:, drawn["x"]:drawn["x"] + 3])


def test_random_crop_fraction_mode_draws_inside_range():
    image = ramp(200, 100)
    for seed in range(30):
        out, drawn = run("random_crop", image, seed, size_mode="fraction", fraction=(0.3, 0.6))
        assert 0.3 <= drawn["fraction"] <= 0.6
        assert out.shape[:2] == (round(200 * drawn["fraction"]), round(100 * drawn["fraction"]))
        assert drawn["x"] + drawn["width"] <= 100 and drawn["y"] + drawn["height"] <= 200


def test_crop_does_not_alias_input():
    image = ramp(6, 6)
    out, _ = run("random_crop", image, height=6, width=6)
    out[0, 0] = 255 - out[0, 0]
    assert image[0, 0, 0] != out[0, 0, 0]
    assert out.flags.c_contiguous


def test_random_crop_gray_stays_2d():
    out, _ = run("random_crop", ramp(30, 40, channels=1), height=10, width=20)
    assert out.shape == (10, 20)


def test_crop_apply_clamps_a_stale_box():
    # A trace replayed on a smaller image must still give a non-empty crop inside it.
    out = get_op("random_crop").apply(ramp(5, 5), {"x": 40, "y": 40, "width": 3, "height": 3})
    assert out.shape == (3, 3, 3)
    assert clamp_box(40, 40, 3, 3, (5, 5)) == (2, 2, 3, 3)
    assert clamp_box(-3, 0, 0, 99, (5, 8)) == (0, 0, 1, 5)


# center_crop


def test_center_crop_matches_albumentations(astronaut):
    A = pytest.importorskip("albumentations")

    for height, width in ((256, 256), (101, 300), (512, 1)):
        out, drawn = run("center_crop", astronaut, height=height, width=width)
        expected = A.CenterCrop(height, width)(image=astronaut)["image"]
        np.testing.assert_array_equal(out, expected)


def test_center_crop_is_centred_and_clamped():
    assert center_box((7, 5), 3, 3) == (1, 2, 3, 3)
    out, drawn = run("center_crop", ramp(7, 5), height=50, width=50)
    assert out.shape == (7, 5, 3) and (drawn["x"], drawn["y"]) == (0, 0)


def test_center_crop_fraction_mode(astronaut):
    out, drawn = run("center_crop", astronaut, size_mode="fraction", fraction=0.5)
    assert (drawn["x"], drawn["y"], drawn["width"], drawn["height"]) == (128, 128, 256, 256)
    np.testing.assert_array_equal(out, astronaut[128:384, 128:384])


# random_resized_crop


def test_random_resized_crop_box_respects_scale_and_ratio(astronaut):
    op = get_op("random_resized_crop")
    for seed in range(50):
        out, drawn = run("random_resized_crop", astronaut, seed, scale=(0.2, 0.5), ratio=(0.5, 2.0))
        x, y, w, h = drawn["x"], drawn["y"], drawn["width"], drawn["height"]
        assert out.shape == (224, 224, 3)
        assert 0 <= x and x + w <= 512 and 0 <= y and y + h <= 512
        # Rounding the sides to whole pixels moves area and ratio by a hair.
        assert 0.2 - 0.01 <= w * h / 512**2 <= 0.5 + 0.01
        assert 0.5 * 0.99 <= w / h <= 2.0 * 1.01
        expected = cv2.resize(astronaut[y:y + h, x:x + w], (224, 224), interpolation=cv2.INTER_LINEAR)
        np.testing.assert_array_equal(out, expected)
        np.testing.assert_array_equal(op.apply(astronaut, json.loads(json.dumps(drawn))), out)


def test_random_resized_crop_aspect_is_log_uniform(astronaut):
    # Log-uniform sampling makes width > height as likely as height > width.
    wide = sum(
        run("random_resized_crop", astronaut, seed, scale=(0.1, 0.2), ratio=(0.25, 4.0))[1]["ratio"] > 1
        for seed in range(400)
    )
    assert 150 < wide < 250


def test_random_resized_crop_falls_back_to_central_crop():
    # A 10x100 strip cannot hold a square box covering 90% of its area: torchvision's fallback
    # takes the largest centred box with an allowed ratio.
    image = ramp(10, 100)
    out, drawn = run("random_resized_crop", image, scale=(0.9, 1.0), ratio=(1.0, 1.0), height=20, width=20)
    assert (drawn["x"], drawn["y"], drawn["width"], drawn["height"]) == (45, 0, 10, 10)
    assert out.shape == (20, 20, 3)


def test_random_resized_crop_output_size_and_gray():
    out, drawn = run("random_resized_crop", ramp(40, 60, channels=1), height=17, width=33)
    assert out.shape == (17, 33)
    assert (drawn["output_height"], drawn["output_width"]) == (17, 33)


# resize


def test_resize_matches_cv2_and_albumentations(astronaut):
    A = pytest.importorskip("albumentations")

    for interpolation, flag in (("linear", cv2.INTER_LINEAR), ("area", cv2.INTER_AREA)):
        out, _ = run("resize", astronaut, height=100, width=300, interpolation=interpolation)
        expected = cv2.resize(astronaut, (300, 100), interpolation=flag)
        np.testing.assert_array_equal(out, expected)
    out, _ = run("resize", astronaut, height=200, width=120)
    np.testing.assert_array_equal(out, A.Resize(200, 120)(image=astronaut)["image"])


def test_resize_nearest_upscale_repeats_pixels():
    image = np.array([[0, 255], [100, 50]], dtype=np.uint8)
    out, _ = run("resize", image, height=4, width=4, interpolation="nearest")
    np.testing.assert_array_equal(out, np.repeat(np.repeat(image, 2, axis=0), 2, axis=1))


# random_scale


def test_random_scale_keep_aspect_uses_one_factor(astronaut):
    for seed in range(20):
        out, drawn = run("random_scale", astronaut, seed, scale_x=(0.5, 1.5))
        assert drawn["scale_x"] == drawn["scale_y"]
        assert 0.5 <= drawn["scale_x"] <= 1.5
        side = round(512 * drawn["scale_x"])
        assert out.shape == (side, side, 3)


def test_random_scale_independent_axes_stretch():
    image = ramp(100, 80)
    out, drawn = run("random_scale", image, 3, scale_x=(0.5, 0.6), scale_y=(1.5, 2.0), keep_aspect=False)
    assert 0.5 <= drawn["scale_x"] <= 0.6 and 1.5 <= drawn["scale_y"] <= 2.0
    assert out.shape == (round(100 * drawn["scale_y"]), round(80 * drawn["scale_x"]), 3)


def test_random_scale_keep_aspect_toggle_keeps_the_width_draw():
    image = ramp(50, 50)
    _, on = run("random_scale", image, 7, keep_aspect=True)
    _, off = run("random_scale", image, 7, keep_aspect=False)
    assert on["scale_x"] == off["scale_x"]


def test_scaled_size_guards():
    assert scaled_size((1, 1), 0.05, 0.05) == (1, 1)
    assert scaled_size((5000, 3000), 4.0, 4.0) == (MAX_SIDE, 4915)  # the shape kept, not stretched square
    assert scaled_size((10, 20), 1.0, 1.5) == (15, 20)


# pad


def test_pad_min_size_centres_the_image(astronaut):
    out, drawn = run("pad", astronaut, min_height=600, min_width=513)
    assert out.shape == (600, 513, 3)
    assert (drawn["top"], drawn["bottom"], drawn["left"], drawn["right"]) == (44, 44, 0, 1)
    np.testing.assert_array_equal(out[44:556, 0:512], astronaut)
    assert out[:44].max() == 0 and out[:, 512:].max() == 0


def test_pad_matches_albumentations_pad_if_needed(astronaut):
    A = pytest.importorskip("albumentations")

    out, _ = run("pad", astronaut, min_height=700, min_width=601, border_mode="reflect_101")
    expected = A.PadIfNeeded(700, 601, border_mode=cv2.BORDER_REFLECT_101)(image=astronaut)["image"]
    np.testing.assert_array_equal(out, expected)


def test_pad_never_shrinks():
    image = ramp(7, 5)
    out, drawn = run("pad", image, min_height=3, min_width=3)
    np.testing.assert_array_equal(out, image)
    assert out is not image
    assert drawn["top"] == drawn["bottom"] == drawn["left"] == drawn["right"] == 0


def test_pad_fill_and_top_left_position():
    image = ramp(4, 6, channels=1)
    out, drawn = run("pad", image, min_height=8, min_width=8, position="top_left", fill=77)
    assert out.shape == (8, 8)
    assert (drawn["top"], drawn["left"], drawn["bottom"], drawn["right"]) == (0, 0, 4, 2)
    np.testing.assert_array_equal(out[:4, :6], image)
    assert (out[4:] == 77).all() and (out[:, 6:] == 77).all()


def test_pad_random_position_stays_on_canvas():
    image = ramp(5, 5)
    tops = set()
    for seed in range(100):
        out, drawn = run("pad", image, seed, min_height=9, min_width=7, position="random")
        top, left = drawn["top"], drawn["left"]
        assert 0 <= top <= 4 and 0 <= left <= 2
        assert drawn["bottom"] == 4 - top and drawn["right"] == 2 - left
        np.testing.assert_array_equal(out[top:top + 5, left:left + 5], image)
        tops.add(top)
    assert tops == {0, 1, 2, 3, 4}


def test_pad_pixels_and_multiple_of_modes():
    image = ramp(7, 5)
    out, _ = run("pad", image, pad_mode="pixels", pixels=3)
    assert out.shape == (13, 11, 3)
    out, drawn = run("pad", image, pad_mode="multiple_of", divisor=4)
    assert out.shape == (8, 8, 3)
    assert pad_totals((64, 65), {"pad_mode": "multiple_of", "divisor": 32}) == (0, 31)


def test_pad_reflect_mirrors_content():
    image = np.array([[10, 20, 30]], dtype=np.uint8)
    out, _ = run("pad", image, pad_mode="pixels", pixels=2, border_mode="reflect_101")
    np.testing.assert_array_equal(out[2], [30, 20, 10, 20, 30, 20, 10])


def test_pad_output_is_capped():
    params = {"pad_mode": "pixels", "pixels": 2048}
    assert pad_totals((8000, 10), params) == (MAX_SIDE - 8000, 4096)


# every op, every extreme


def _variants(name):
    """Defaults, then every range at its extremes and every choice value, one at a time."""
    op = get_op(name)
    yield {}
    for spec in op.params:
        if spec.kind == "range":
            for pair in ((spec.min, spec.min), (spec.max, spec.max), (spec.min, spec.max)):
                yield {spec.name: pair}
        elif spec.kind in ("int", "float"):
            yield {spec.name: spec.min}
            yield {spec.name: spec.max if spec.max <= 2048 else 2048}
        elif spec.kind == "choice":
            for choice in spec.choices:
                yield {spec.name: choice}
        elif spec.kind == "bool":
            yield {spec.name: not spec.default}
    # Fraction mode with the fraction at its extremes.
    if "size_mode" in op.defaults():
        yield {"size_mode": "fraction", "fraction": op.spec("fraction").validate(
            (0.01, 0.01) if op.spec("fraction").kind == "range" else 0.01)}


@pytest.mark.parametrize("name", OPS)
def test_runs_everywhere_and_replays(name):
    op = get_op(name)
    images = [ramp(1, 1), ramp(1, 1, channels=1), ramp(7, 5), ramp(7, 5, channels=1), ramp(2, 3)]
    for params, image in itertools.product(list(_variants(name)), images):
        out, drawn = op.run(image, np.random.default_rng(1), params)
        assert out.dtype == np.uint8 and out.ndim == image.ndim
        assert 1 <= min(out.shape[:2]) and max(out.shape[:2]) <= MAX_SIDE
        assert out is not image and not np.shares_memory(out, image)
        # The trace is JSON and enough on its own to rebuild the pixels.
        again = op.apply(image, json.loads(json.dumps(drawn)))
        np.testing.assert_array_equal(again, out)
        # Same seed, same result.
        np.testing.assert_array_equal(op.run(image, np.random.default_rng(1), params)[0], out)


@pytest.mark.parametrize("name", ("random_crop", "center_crop", "random_resized_crop"))
def test_crop_boxes_lie_inside_the_image(name):
    for seed, (h, w) in itertools.product(range(10), ((1, 1), (7, 5), (3, 40), (512, 300))):
        _, drawn = run(name, ramp(h, w), seed)
        assert drawn["x"] >= 0 and drawn["y"] >= 0 and drawn["width"] >= 1 and drawn["height"] >= 1
        assert drawn["x"] + drawn["width"] <= w and drawn["y"] + drawn["height"] <= h
        assert all(isinstance(drawn[k], int) for k in ("x", "y", "width", "height"))


def test_drawn_values_are_plain_python():
    image = ramp(30, 20)
    for name in OPS:
        _, drawn = run(name, image, 5)
        for value in drawn.values():
            assert type(value) in (int, float, str, bool), (name, value, type(value))
        assert not any(isinstance(v, float) and not math.isfinite(v) for v in drawn.values())
