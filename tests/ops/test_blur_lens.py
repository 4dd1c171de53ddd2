"""Behaviour of box_blur, defocus, zoom_blur and glass_blur (their pixels against albumentations:
tests/test_interop_new_ops.py)."""

import numpy as np
import pytest

from augview import get_op
from augview.ops.photometric.blur_lens import defocus_kernel, glass_offsets, zoom_factors

NAMES = ("box_blur", "defocus", "zoom_blur", "glass_blur")


@pytest.mark.parametrize("name", NAMES)
def test_constant_image_stays_constant(name):
    for image in (np.full((40, 30, 3), 77, np.uint8), np.full((40, 30), 200, np.uint8)):
        out, _ = get_op(name).run(image, np.random.default_rng(0))
        np.testing.assert_array_equal(out, image)


@pytest.mark.parametrize("name", NAMES)
def test_blurs_reduce_detail(astronaut, name):
    def detail(img):
        img = img.astype(int)
        return np.abs(np.diff(img, axis=0)).mean() + np.abs(np.diff(img, axis=1)).mean()

    out, _ = get_op(name).run(astronaut, np.random.default_rng(0))
    # glass blur's swaps add a fine jitter back: its loss of detail is the smallest
    assert detail(out) < (0.95 if name == "glass_blur" else 0.8) * detail(astronaut)


def test_box_blur_is_the_mean_of_the_square():
    image = np.zeros((9, 9), np.uint8)
    image[4, 4] = 250
    out, drawn = get_op("box_blur").run(image, np.random.default_rng(0), {"ksize_limit": (3, 3)})
    assert drawn == {"ksize": 3}
    assert (out[3:6, 3:6] == round(250 / 9)).all() and out.sum() == 9 * round(250 / 9)


def test_defocus_kernel_is_a_normalised_disc():
    kernel = defocus_kernel(5, 0.5)
    assert kernel.shape == (13, 13)  # radius 5 plus the 3x3 softening, the zero margin trimmed
    assert kernel.sum() == pytest.approx(1.0, abs=1e-5)
    middle = kernel[6]
    assert middle[6] == pytest.approx(middle[3], rel=1e-5)  # flat inside, unlike a gaussian
    assert middle[0] < middle[6] / 10  # and soft only at the rim
    assert defocus_kernel(12, 0.5).shape == (25, 25)  # albumentations' grid: the radius each side


def test_zoom_blur_factors_and_a_sharp_centre(astronaut):
    assert np.allclose(zoom_factors({"max_factor": 1.1, "step_factor": 0.03}), [1.0, 1.03, 1.06, 1.09])
    out, drawn = get_op("zoom_blur").run(astronaut, np.random.default_rng(0),
                                         {"max_factor_limit": (1.3, 1.3), "step_factor_limit": (0.02, 0.02)})
    assert drawn == {"step_factor": 0.02, "max_factor": 1.3}
    diff = np.abs(out.astype(int) - astronaut.astype(int)).mean(axis=2)
    assert diff[246:266, 246:266].mean() < diff[:40, :40].mean() / 3  # streaks grow away from the centre


def test_zoom_blur_always_has_one_zoomed_copy():
    # albumentations: the largest factor is at least one step above 1
    drawn = get_op("zoom_blur").draw(np.random.default_rng(0), {"max_factor_limit": (1.0, 1.0),
                                                                 "step_factor_limit": (0.05, 0.05)}, (8, 8))
    assert drawn["max_factor"] == pytest.approx(1.05) and len(zoom_factors(drawn)) >= 1


def test_glass_blur_swaps_stay_within_max_delta_and_replay_from_the_seed():
    drawn = {"swap_seed": 12, "sigma": 0.0, "max_delta": 3, "iterations": 2}
    offsets = glass_offsets(drawn, (20, 30))
    assert offsets.shape == (14 * 24, 2, 2) and offsets.min() >= -3 and offsets.max() <= 2
    np.testing.assert_array_equal(offsets, glass_offsets(dict(drawn), (20, 30)))
    image = np.random.default_rng(0).integers(0, 256, (20, 30, 3), dtype=np.uint8)
    out = get_op("glass_blur").apply(image, drawn)
    # without blur, only swaps: no new colour, pixels moved
    assert set(map(tuple, out.reshape(-1, 3))) <= set(map(tuple, image.reshape(-1, 3)))
    assert not np.array_equal(out, image)
    # images smaller than the swap band are only blurred
    tiny = image[:5, :5]
    np.testing.assert_array_equal(get_op("glass_blur").apply(tiny, drawn), tiny)
