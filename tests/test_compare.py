"""The numbers behind the Compare view (augview.analysis.compare): difference and histograms."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from augview.analysis.compare import at_common_size, compare, difference, histograms, plot_top, shares
from augview.errors import InvalidImageError


def gradient(height=48, width=64) -> np.ndarray:
    y, x = np.mgrid[0:height, 0:width]
    return np.stack([x * 255 // (width - 1), y * 255 // (height - 1), (x * y) % 256], axis=2).astype(np.uint8)


def test_difference_of_identical_images_is_black_and_unchanged():
    image = gradient()
    diff = difference(image, image.copy(), 8)
    assert not diff.sizes_differ and diff.image.shape == image.shape and diff.image.max() == 0
    assert (diff.mean, diff.max, diff.changed, diff.gain) == (0.0, 0, 0.0, 8.0)


def test_difference_is_amplified_by_the_gain_and_saturates():
    image = gradient()
    brighter = np.clip(image.astype(int) + 2, 0, 255).astype(np.uint8)
    true = np.abs(brighter.astype(int) - image.astype(int))
    diff = difference(image, brighter, 10)
    assert np.array_equal(diff.image, np.minimum(true * 10, 255).astype(np.uint8))
    assert diff.max == 2 and diff.mean == pytest.approx(true.mean())
    changed = np.count_nonzero(true.max(axis=2)) / (48 * 64)
    assert diff.changed == pytest.approx(changed) and 0 < changed <= 1
    assert difference(np.zeros((4, 4), np.uint8), np.full((4, 4), 200, np.uint8), 4).image.max() == 255


def test_one_changed_channel_counts_the_pixel_once():
    a = np.zeros((10, 10, 3), np.uint8)
    b = a.copy()
    b[0, :5, 1] = 9  # five pixels, one channel each
    assert difference(a, b, 1).changed == pytest.approx(5 / 100)


def test_images_of_different_sizes_are_compared_at_the_first_ones_size():
    """Issue 15: Difference refused different sizes, always the case after a crop."""
    image = gradient()
    diff = difference(image, image[5:25, 10:40].copy(), 4)
    assert diff.sizes_differ and diff.image.shape == image.shape
    smooth = image.copy()
    smooth[..., 2] = smooth[..., 0] // 2 + smooth[..., 1] // 2
    half = cv2.resize(smooth, (32, 24), interpolation=cv2.INTER_AREA)
    back = difference(smooth, half, 1)  # the same picture at half size: small differences only
    assert back.sizes_differ and back.mean < 3
    assert at_common_size(image, half).shape == image.shape and at_common_size(image, image) is image


def test_grey_against_colour_compares_as_colour():
    colour = gradient()
    grey = colour[..., 0].copy()
    diff = difference(grey, np.repeat(grey[..., None], 3, axis=2), 1)
    assert diff.image.shape == (48, 64, 3) and diff.max == 0
    assert histograms(grey, colour).channels == ["R", "G", "B"]


def test_histograms_count_every_pixel_of_each_image():
    image = gradient()
    crop = image[:20, :30].copy()
    data = histograms(image, crop)
    assert data.channels == ["R", "G", "B"] and data.original.shape == (3, 256) == data.augmented.shape
    assert np.allclose(data.original.sum(axis=1), 48 * 64) and np.allclose(data.augmented.sum(axis=1), 20 * 30)
    for channel in range(3):
        assert np.array_equal(data.original[channel], np.bincount(image[..., channel].ravel(), minlength=256))
        assert data.augmented_mean[channel] == pytest.approx(crop[..., channel].mean())


def test_shares_compare_a_crop_with_its_original_by_tone():
    image = gradient()
    data = histograms(image, image[::2, ::2].copy())
    assert shares(data.original[0]).sum() == pytest.approx(1.0)
    assert np.allclose(shares(data.augmented[0]), shares(data.original[0]), atol=0.02)
    assert np.array_equal(shares(np.zeros(256)), np.zeros(256))  # an empty histogram stays empty


def test_plot_top_ignores_one_huge_bin_and_says_so():
    flat = np.full(256, 1 / 256)
    assert plot_top(flat, flat) == (pytest.approx(1.15 / 256), False)
    spiky = flat.copy()
    spiky[0] = 0.5
    top, clipped = plot_top(flat, spiky)
    assert clipped and top < 0.01


def test_compare_gives_both_and_refuses_what_is_not_an_image():
    image = gradient()
    both = compare(image, 255 - image, 1)
    assert both.difference.image.min() > 0 and both.histograms.channels == ["R", "G", "B"]
    with pytest.raises(InvalidImageError):
        compare(image.astype(np.float32), image, 1)
