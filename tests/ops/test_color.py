"""Behaviour of the colour ops (augview/core/ops/color.py)."""

from __future__ import annotations

import colorsys
import itertools
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageEnhance

import augview
from augview.core.registry import get_op

ASSETS = Path(__file__).parents[2] / "assets"
NAMES = (
    "brightness_contrast", "color_jitter", "hue_saturation_value", "rgb_shift",
    "channel_shuffle", "grayscale", "gamma",
)


@pytest.fixture(scope="module")
def rgb():
    return augview.load_image(ASSETS / "astronaut.png")


@pytest.fixture(scope="module")
def gray(rgb):
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)


def _diff(a, b):
    return int(np.abs(a.astype(int) - b.astype(int)).max())


@pytest.mark.parametrize("name", NAMES)
def test_registered_in_color_category(name):
    op = get_op(name)
    assert op.category == "color"
    assert op.description and len(op.description) > 80


# --- brightness_contrast ----------------------------------------------------------------------


def _bc(image, brightness=0.0, contrast=0.0, pivot="mean"):
    drawn = {"brightness": brightness, "contrast": contrast, "contrast_pivot": pivot}
    return get_op("brightness_contrast").apply(image, drawn)


def test_brightness_adds_a_fraction_of_255():
    image = np.full((4, 6, 3), 100, np.uint8)
    assert (_bc(image, brightness=0.2) == 151).all()
    assert (_bc(image, brightness=-0.2) == 49).all()
    assert (_bc(image, brightness=1.0) == 255).all()  # saturates, no wrap-around


def test_contrast_about_mean_keeps_mean_and_scales_spread(rgb):
    image = (rgb // 2 + 64).astype(np.uint8)  # no clipping for a mild contrast change
    mean = image.astype(float) @ np.array([0.299, 0.587, 0.114])
    out = _bc(image, contrast=0.3)
    out_mean = out.astype(float) @ np.array([0.299, 0.587, 0.114])
    assert abs(out_mean.mean() - mean.mean()) < 0.5
    assert out.std() == pytest.approx(1.3 * image.std(), rel=0.01)
    flat = _bc(image, contrast=-1.0)
    assert flat.min() == flat.max() == int(round(mean.mean()))


def test_contrast_pivots():
    image = np.array([[0, 100, 200, 255]], np.uint8)
    # "zero" is albumentations' alpha * x + beta
    np.testing.assert_array_equal(_bc(image, 0.1, 0.2, "zero"), [[26, 146, 255, 255]])
    # "mid_grey" scales around 127.5
    expected = np.clip(np.rint((image - 127.5) * 0.5 + 127.5), 0, 255)
    assert _diff(_bc(image, 0.0, -0.5, "mid_grey"), expected) <= 1


# --- color_jitter -----------------------------------------------------------------------------


def _jitter(image, **factors):
    drawn = {"brightness_factor": 1.0, "contrast_factor": 1.0, "saturation_factor": 1.0,
             "hue_factor": 0.0, "order": ["brightness", "contrast", "saturation", "hue"]}
    drawn.update(factors)
    return get_op("color_jitter").apply(image, drawn)


def test_color_jitter_draws_a_random_order_of_the_four():
    op = get_op("color_jitter")
    orders = set()
    for seed in range(60):
        drawn = op.draw(np.random.default_rng(seed), op.defaults(), (8, 8, 3))
        assert sorted(drawn["order"]) == ["brightness", "contrast", "hue", "saturation"]
        orders.add(tuple(drawn["order"]))
    assert len(orders) > 10


@pytest.mark.parametrize("factor", [0.0, 0.5, 1.3, 2.0])
def test_color_jitter_matches_pil_enhance(rgb, gray, factor):
    for image in (rgb, gray):
        pil = Image.fromarray(image)
        assert _diff(_jitter(image, brightness_factor=factor),
                     np.asarray(ImageEnhance.Brightness(pil).enhance(factor))) <= 1
        assert _diff(_jitter(image, contrast_factor=factor),
                     np.asarray(ImageEnhance.Contrast(pil).enhance(factor))) <= 1
        assert _diff(_jitter(image, saturation_factor=factor),
                     np.asarray(ImageEnhance.Color(pil).enhance(factor))) <= 1


def test_color_jitter_hue_matches_float_hsv_rotation(rgb):
    image = rgb[::16, ::16].copy()
    for factor in (0.03, -0.2, 0.5):
        out = _jitter(image, hue_factor=factor).astype(int)
        ref = np.empty_like(out)
        for y, x in np.ndindex(image.shape[:2]):
            h, s, v = colorsys.rgb_to_hsv(*(image[y, x] / 255.0))
            ref[y, x] = np.rint(np.array(colorsys.hsv_to_rgb((h + factor) % 1.0, s, v)) * 255)
        err = np.abs(out - ref)
        assert err.mean() < 0.5 and err.max() <= 6  # 8-bit HSV round trip


def test_color_jitter_hue_half_turn_of_red_is_cyan():
    red = np.zeros((2, 2, 3), np.uint8)
    red[..., 0] = 255
    # within the hue quantisation of OpenCV's 8-bit HSV (1.4 degrees per step)
    assert _diff(_jitter(red, hue_factor=0.5)[0, 0], np.array([0, 255, 255])) <= 4


def test_color_jitter_gray_ignores_saturation_and_hue(gray):
    np.testing.assert_array_equal(_jitter(gray, saturation_factor=0.0, hue_factor=0.4), gray)


def test_color_jitter_order_changes_the_result(rgb):
    a = _jitter(rgb, brightness_factor=1.8, contrast_factor=0.5, order=["brightness", "contrast"])
    b = _jitter(rgb, brightness_factor=1.8, contrast_factor=0.5, order=["contrast", "brightness"])
    assert _diff(a, b) > 10


# --- hue_saturation_value ---------------------------------------------------------------------


def _hsv(image, hue=0.0, sat=0.0, val=0.0):
    return get_op("hue_saturation_value").apply(
        image, {"hue_shift": hue, "sat_shift": sat, "val_shift": val})


def test_hue_shift_uses_opencv_units():
    red = np.zeros((3, 3, 3), np.uint8)
    red[..., 0] = 255
    np.testing.assert_array_equal(_hsv(red, hue=60)[0, 0], [0, 255, 0])  # 60 units = 120°
    np.testing.assert_array_equal(_hsv(red, hue=-60)[0, 0], [0, 0, 255])


def test_saturation_shift(rgb):
    desaturated = _hsv(rgb, sat=-255)
    assert _diff(desaturated[..., 0], desaturated[..., 1]) == 0
    assert _diff(desaturated[..., 1], desaturated[..., 2]) == 0
    # grey pixels have no hue: more saturation must leave them grey
    greys = np.stack([np.arange(0, 256, 5, dtype=np.uint8)] * 3, axis=-1)[None]
    np.testing.assert_array_equal(_hsv(greys, sat=80), greys)


def test_value_shift_on_gray_only(gray):
    expected = np.clip(gray.astype(int) + 20, 0, 255)
    np.testing.assert_array_equal(_hsv(gray, hue=45, sat=50, val=20), expected)
    np.testing.assert_array_equal(_hsv(gray, hue=45, sat=50), gray)


# --- rgb_shift --------------------------------------------------------------------------------


def test_rgb_shift_adds_per_channel_and_saturates():
    image = np.full((3, 4, 3), [10, 128, 250], np.uint8)
    out = get_op("rgb_shift").apply(image, {"r_shift": -20.0, "g_shift": 7.0, "b_shift": 20.0})
    assert (out == [0, 135, 255]).all()


def test_rgb_shift_on_gray_applies_luma_weighted_shift():
    image = np.full((3, 4), 100, np.uint8)
    out = get_op("rgb_shift").apply(image, {"r_shift": 10.0, "g_shift": 20.0, "b_shift": -30.0})
    assert out.ndim == 2
    assert (out == round(100 + 0.299 * 10 + 0.587 * 20 - 0.114 * 30)).all()


# --- channel_shuffle --------------------------------------------------------------------------


def test_channel_shuffle_permutes_channels(rgb):
    op = get_op("channel_shuffle")
    seen = set()
    for seed in range(40):
        out, drawn = op.run(rgb, np.random.default_rng(seed))
        order = drawn["channel_order"]
        assert sorted(order) == [0, 1, 2] and all(type(i) is int for i in order)
        np.testing.assert_array_equal(out, rgb[..., order])
        seen.add(tuple(order))
    assert seen == set(itertools.permutations(range(3)))


def test_channel_shuffle_gray_unchanged(gray):
    out, _ = get_op("channel_shuffle").run(gray, np.random.default_rng(0))
    np.testing.assert_array_equal(out, gray)


# --- grayscale --------------------------------------------------------------------------------


def test_grayscale_rgb_has_equal_channels_of_luma(rgb, gray):
    out = get_op("grayscale").apply(rgb, {})
    assert out.shape == rgb.shape
    for c in range(3):
        np.testing.assert_array_equal(out[..., c], gray)
    pil_luma = np.asarray(Image.fromarray(rgb).convert("L"))
    assert _diff(out[..., 0], pil_luma) <= 1


def test_grayscale_of_gray_is_unchanged(gray):
    out = get_op("grayscale").apply(gray, {})
    assert out.ndim == 2
    np.testing.assert_array_equal(out, gray)


# --- gamma ------------------------------------------------------------------------------------


def test_gamma_curve():
    ramp = np.arange(256, dtype=np.uint8).reshape(16, 16)
    op = get_op("gamma")
    for gamma in (0.5, 0.8, 1.0, 1.2, 2.2):
        out = op.apply(ramp, {"gamma": gamma})
        expected = np.rint(255 * (ramp / 255.0) ** gamma)
        np.testing.assert_array_equal(out, expected)
        assert out[0, 0] == 0 and out[-1, -1] == 255
    assert op.apply(ramp, {"gamma": 0.7}).mean() > ramp.mean() > op.apply(ramp, {"gamma": 1.4}).mean()


# ---------------------------------------------------------------------------------------------
# channel_dropout


def test_channel_dropout_sets_exactly_the_drawn_channels(rgb):
    op = get_op("channel_dropout")
    seen = {1: set(), 2: set()}
    for seed in range(60):
        out, drawn = op.run(rgb, np.random.default_rng(seed), {"channels_limit": (1, 2), "fill": 37})
        channels = drawn["channels"]
        assert 1 <= len(channels) <= 2 and channels == sorted(set(channels))
        seen[len(channels)].add(tuple(channels))
        for c in range(3):
            if c in channels:
                assert np.all(out[..., c] == 37)
            else:
                np.testing.assert_array_equal(out[..., c], rgb[..., c])
    assert seen[1] == {(0,), (1,), (2,)} and seen[2] == {(0, 1), (0, 2), (1, 2)}


def test_channel_dropout_draws_each_channel_alike(rgb):
    op = get_op("channel_dropout")
    drawn = [op.draw(np.random.default_rng(seed), op.defaults(), rgb.shape)["channels"] for seed in range(3000)]
    assert all(len(d) == 1 for d in drawn)
    share = np.bincount([d[0] for d in drawn], minlength=3) / 3000
    assert np.all(np.abs(share - 1 / 3) < 0.035)
    assert op.label({"channels": [1], "fill": 0}) == "channel_dropout G=0"
    assert op.label({"channels": [0, 2], "fill": 9}) == "channel_dropout R+B=9"


def test_channel_dropout_leaves_grey_alone_and_handles_tiny_images(gray):
    op = get_op("channel_dropout")
    out, drawn = op.run(gray, np.random.default_rng(0), {"channels_limit": (2, 2)})
    np.testing.assert_array_equal(out, gray)
    assert drawn["channels"] == [] and op.label(drawn) == "channel_dropout"
    # a trace drawn on a colour image replays on grey unchanged too
    np.testing.assert_array_equal(op.apply(gray, {"channels": [0, 1], "fill": 5}), gray)
    for shape in [(1, 1, 3), (1, 7, 3), (9, 8, 3)]:  # the numpy path (under 64 pixels) and OpenCV's
        image = np.arange(np.prod(shape), dtype=np.uint8).reshape(shape)
        out = op.apply(image, {"channels": [0, 2], "fill": 200})
        expected = image.copy()
        expected[..., [0, 2]] = 200
        np.testing.assert_array_equal(out, expected)


def test_channel_dropout_matches_albumentations(rgb):
    A = pytest.importorskip("albumentations")
    from albumentations.augmentations.dropout.functional import channel_dropout

    op = get_op("channel_dropout")
    for channels in ([0], [2], [0, 1]):
        np.testing.assert_array_equal(op.apply(rgb, {"channels": channels, "fill": 90}),
                                      channel_dropout(rgb, channels, 90))
    transform = A.ChannelDropout(channel_drop_range=(1, 2), fill=90, p=1.0)
    ours = [op.apply(rgb, {"channels": list(c), "fill": 90})
            for k in (1, 2) for c in itertools.combinations(range(3), k)]
    for seed in range(10):
        transform.set_random_seed(seed)
        theirs = transform(image=rgb)["image"]
        assert sum(np.array_equal(theirs, mine) for mine in ours) == 1
