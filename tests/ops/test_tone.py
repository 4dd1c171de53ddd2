"""Behaviour of the tone ops (augview/core/ops/tone.py).

Equalize, autocontrast, posterize, solarize, invert and sharpness are checked against PIL's
ImageOps / ImageEnhance, the reference implementations behind AutoAugment and RandAugment.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageEnhance, ImageOps

import augview
from augview.core.registry import get_op

ASSETS = Path(__file__).parents[2] / "assets"
NAMES = ("equalize", "clahe", "autocontrast", "posterize", "solarize", "invert", "sharpness")


@pytest.fixture(scope="module")
def rgb():
    return augview.load_image(ASSETS / "astronaut.png")


@pytest.fixture(scope="module")
def gray(rgb):
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)


@pytest.fixture(scope="module")
def references(rgb, gray):
    """Images the PIL comparisons run on: RGB, grey, a low-contrast one and a tiny crop."""
    dull = (rgb // 3 + 90).astype(np.uint8)
    return [rgb, gray, dull, dull[..., 2].copy(), rgb[100:107, 200:205].copy()]


def _diff(a, b):
    return int(np.abs(a.astype(int) - b.astype(int)).max())


@pytest.mark.parametrize("name", NAMES)
def test_registered_in_color_category(name):
    op = get_op(name)
    assert op.category == "color"
    assert op.description and len(op.description) > 80


# --- equalize ---------------------------------------------------------------------------------


def test_equalize_matches_pil(references):
    op = get_op("equalize")
    for image in references:
        expected = np.asarray(ImageOps.equalize(Image.fromarray(image)))
        np.testing.assert_array_equal(op.apply(image, {"by_channels": True, "mode": "pil"}), expected)


def test_equalize_cv_mode_is_cv2_equalize_hist(rgb, gray):
    op = get_op("equalize")
    np.testing.assert_array_equal(op.apply(gray, {"by_channels": True, "mode": "cv"}),
                                  cv2.equalizeHist(gray))
    out = op.apply(rgb, {"by_channels": True, "mode": "cv"})
    for c in range(3):
        np.testing.assert_array_equal(out[..., c], cv2.equalizeHist(np.ascontiguousarray(rgb[..., c])))


def test_equalize_flattens_the_histogram(gray):
    dull = (gray // 4 + 100).astype(np.uint8)
    out = get_op("equalize").apply(dull, {"by_channels": True, "mode": "pil"})
    assert out.min() < 10 and out.max() > 245
    counts = np.bincount(out.ravel(), minlength=256)
    cumulative = np.cumsum(counts) / counts.sum()
    assert abs(cumulative[127] - 0.5) < 0.1


def test_equalize_luma_only_keeps_grey_pixels_grey(gray):
    grey_rgb = np.stack([gray // 3 + 60] * 3, axis=-1).astype(np.uint8)
    out = get_op("equalize").apply(grey_rgb, {"by_channels": False, "mode": "pil"})
    assert _diff(out[..., 0], out[..., 1]) <= 1 and _diff(out[..., 1], out[..., 2]) <= 1
    assert out.std() > 2 * grey_rgb.std()


def test_equalize_flat_image_unchanged():
    flat = np.full((6, 7, 3), 90, np.uint8)
    for mode in ("pil", "cv"):
        out = get_op("equalize").apply(flat, {"by_channels": True, "mode": mode})
        expected = np.asarray(ImageOps.equalize(Image.fromarray(flat))) if mode == "pil" else out
        np.testing.assert_array_equal(out, expected)


# --- clahe ------------------------------------------------------------------------------------


def test_clahe_raises_local_contrast(rgb, gray):
    op = get_op("clahe")
    dull = (gray // 4 + 100).astype(np.uint8)
    out = op.apply(dull, {"clip_limit": 4.0, "tile_grid_size": 8})
    assert out.ndim == 2 and out.std() > 2 * dull.std()
    # stronger clip limit -> stronger effect
    weak = op.apply(dull, {"clip_limit": 1.0, "tile_grid_size": 8})
    assert out.std() > weak.std()


def test_clahe_rgb_works_on_lightness(rgb):
    grey_rgb = cv2.cvtColor(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), cv2.COLOR_GRAY2RGB)
    out = get_op("clahe").apply(grey_rgb, {"clip_limit": 3.0, "tile_grid_size": 8})
    # a grey image stays (nearly) grey: only L of LAB changed
    assert _diff(out[..., 0], out[..., 1]) <= 2 and _diff(out[..., 1], out[..., 2]) <= 2
    assert _diff(out, grey_rgb) > 10


def test_clahe_tiles_larger_than_image():
    tiny = np.array([[0, 50, 200], [10, 20, 255]], np.uint8)
    out = get_op("clahe").apply(tiny, {"clip_limit": 2.0, "tile_grid_size": 32})
    assert out.shape == tiny.shape


# --- autocontrast -----------------------------------------------------------------------------


@pytest.mark.parametrize("cutoff", [0, 0.5, 1, 2.5, 10, 30, 49])
def test_autocontrast_matches_pil(references, cutoff):
    op = get_op("autocontrast")
    for image in references:
        expected = np.asarray(ImageOps.autocontrast(Image.fromarray(image), cutoff=cutoff))
        np.testing.assert_array_equal(op.apply(image, {"cutoff": cutoff}), expected)


def test_autocontrast_stretches_each_channel_to_full_range(rgb):
    dull = (rgb // 3 + 90).astype(np.uint8)
    out = get_op("autocontrast").apply(dull, {"cutoff": 0.0})
    for c in range(3):
        assert out[..., c].min() == 0 and out[..., c].max() == 255


# --- posterize --------------------------------------------------------------------------------


@pytest.mark.parametrize("bits", range(1, 9))
def test_posterize_matches_pil(references, bits):
    op = get_op("posterize")
    for image in references:
        out = op.apply(image, {"bits": bits})
        np.testing.assert_array_equal(out, np.asarray(ImageOps.posterize(Image.fromarray(image), bits)))
        assert len(np.unique(out)) <= 2 ** bits


# --- solarize ---------------------------------------------------------------------------------


@pytest.mark.parametrize("threshold", [0, 1, 64, 128, 200, 255, 256])
def test_solarize_matches_pil(references, threshold):
    op = get_op("solarize")
    for image in references:
        expected = np.asarray(ImageOps.solarize(Image.fromarray(image), threshold))
        np.testing.assert_array_equal(op.apply(image, {"threshold": threshold}), expected)


def test_solarize_inverts_at_and_above_threshold():
    ramp = np.arange(256, dtype=np.uint8).reshape(16, 16)
    out = get_op("solarize").apply(ramp, {"threshold": 128}).ravel()
    assert out[127] == 127 and out[128] == 127 and out[255] == 0


def test_solarize_default_range_is_fixed_128():
    op = get_op("solarize")
    assert op.run(np.zeros((2, 2), np.uint8), np.random.default_rng(1))[1]["threshold"] == 128


# --- invert -----------------------------------------------------------------------------------


def test_invert_matches_pil_and_is_an_involution(references):
    op = get_op("invert")
    for image in references:
        out = op.apply(image, {})
        np.testing.assert_array_equal(out, np.asarray(ImageOps.invert(Image.fromarray(image))))
        np.testing.assert_array_equal(op.apply(out, {}), image)


# --- sharpness --------------------------------------------------------------------------------


@pytest.mark.parametrize("factor", [0.0, 0.3, 0.5, 1.0, 1.5, 2.0, 3.7, 5.0])
def test_sharpness_matches_pil(references, factor):
    op = get_op("sharpness")
    for image in references:
        expected = np.asarray(ImageEnhance.Sharpness(Image.fromarray(image)).enhance(factor))
        # PIL truncates the blend, we round: at most one level apart
        assert _diff(op.apply(image, {"factor": factor}), expected) <= 1


@pytest.mark.parametrize("factor", [0.0, 0.3, 1.9, 2.0, 2.08, 2.0832, 2.083333, 25 / 12, 2.0834, 2.3, 4.0, 8.0])
def test_sharpness_is_pils_or_one_level_above_on_noise(factor):
    """Near 1 the op blends with the unrounded smoothed image in one pass, further away it rounds
    the smoothed image first: on either side of the switch (25/12) every pixel is PIL's (which
    truncates the blend) or one level above. Noise reaches every rounding case."""
    image = np.random.default_rng(1).integers(0, 256, (256, 256, 3), dtype=np.uint8)
    expected = np.asarray(ImageEnhance.Sharpness(Image.fromarray(image)).enhance(factor)).astype(int)
    diff = get_op("sharpness").apply(image, {"factor": factor}).astype(int) - expected
    assert diff.min() >= 0 and diff.max() <= 1


@pytest.mark.parametrize("shape", [(3, 3), (7, 5), (64, 48, 3), (5, 301, 3), (480, 640, 3)])
def test_sharpness_smooths_exactly_with_pils_kernel(shape):
    """Factor 0 is the smoothed image itself: inside the border it must equal PIL's SMOOTH kernel
    applied and rounded once, whatever passes the op splits the filter into."""
    image = np.random.default_rng(sum(shape)).integers(0, 256, shape, dtype=np.uint8)
    kernel = np.array([[1, 1, 1], [1, 5, 1], [1, 1, 1]], np.float32) / 13
    expected = cv2.filter2D(image, -1, kernel, borderType=cv2.BORDER_REPLICATE)
    out = get_op("sharpness").apply(image, {"factor": 0.0})
    np.testing.assert_array_equal(out[1:-1, 1:-1], expected[1:-1, 1:-1])


def test_sharpness_identity_border_and_direction(gray):
    op = get_op("sharpness")
    np.testing.assert_array_equal(op.apply(gray, {"factor": 1.0}), gray)
    sharp = op.apply(gray, {"factor": 2.0})
    soft = op.apply(gray, {"factor": 0.0})
    for out in (sharp, soft):
        np.testing.assert_array_equal(out[0], gray[0])
        np.testing.assert_array_equal(out[-1], gray[-1])
        np.testing.assert_array_equal(out[:, 0], gray[:, 0])
        np.testing.assert_array_equal(out[:, -1], gray[:, -1])
    # sharpening strengthens edges, smoothing weakens them
    def edges(im):
        return np.abs(cv2.Laplacian(im, cv2.CV_32F)).mean()
    assert edges(sharp) > edges(gray) > edges(soft)
