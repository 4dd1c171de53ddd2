"""Behaviour of the blur ops: gaussian_blur, motion_blur, median_blur."""

from collections import Counter
from pathlib import Path

import cv2
import numpy as np
import pytest

import augview
from augview import get_op
from augview.ops.photometric.blur import gaussian_ksize, motion_kernel, odd_uniform, streak_filter
from augview.core.randomness import uniform

ASSETS = Path(__file__).parents[2] / "assets"
NAMES = ("gaussian_blur", "motion_blur", "median_blur")


@pytest.fixture(scope="module")
def astronaut():
    return augview.load_image(ASSETS / "astronaut.png")


@pytest.mark.parametrize("name", NAMES)
def test_constant_image_stays_constant(name):
    op = get_op(name)
    for image in (np.full((40, 30, 3), 77, np.uint8), np.full((40, 30), 200, np.uint8)):
        out, _ = op.run(image, np.random.default_rng(0))
        np.testing.assert_array_equal(out, image)


@pytest.mark.parametrize("name", NAMES)
def test_blur_reduces_detail_and_keeps_gray_2d(astronaut, name):
    op = get_op(name)
    gray = astronaut[..., 0].copy()
    out, _ = op.run(gray, np.random.default_rng(0))
    assert out.ndim == 2
    def detail(img):
        img = img.astype(int)
        return np.abs(np.diff(img, axis=0)).mean() + np.abs(np.diff(img, axis=1)).mean()

    assert detail(out) < detail(gray)


# ---------------------------------------------------------------------------------- odd_uniform


def test_odd_uniform_is_odd_in_range_and_uniform():
    rng = np.random.default_rng(0)
    counts = Counter(odd_uniform(rng, (3, 9)) for _ in range(4000))
    assert sorted(counts) == [3, 5, 7, 9]
    assert min(counts.values()) > 900  # ~1000 each: no value favoured by rounding
    counts = Counter(odd_uniform(rng, (4, 10)) for _ in range(1000))
    assert sorted(counts) == [5, 7, 9]  # stays inside the range


def test_odd_uniform_edge_ranges_and_single_draw():
    rng = np.random.default_rng(0)
    assert odd_uniform(rng, (3, 3)) == 3
    assert odd_uniform(rng, (4, 4)) == 5  # no odd value inside: round the low end up
    a, b = np.random.default_rng(5), np.random.default_rng(5)
    odd_uniform(a, (3, 31))
    uniform(b, (0, 1))
    assert a.random() == b.random()  # consumed exactly one draw


# -------------------------------------------------------------------------------- gaussian_blur


def test_gaussian_kernel_size_covers_three_sigma():
    assert gaussian_ksize(1.0) == 7
    assert gaussian_ksize(0.1) == 3
    assert gaussian_ksize(2.5) == 17
    assert gaussian_ksize(0.0) == 1


def test_gaussian_blur_draws_sigma_and_records_ksize():
    op = get_op("gaussian_blur")
    for seed in range(20):
        rng = np.random.default_rng(seed)
        _, drawn = op.run(np.zeros((9, 9), np.uint8), rng, {"sigma_limit": (0.5, 3.0)})
        assert 0.5 <= drawn["sigma"] <= 3.0
        assert drawn["ksize"] == gaussian_ksize(drawn["sigma"]) and drawn["ksize"] % 2 == 1


def test_gaussian_blur_matches_opencv(astronaut):
    op = get_op("gaussian_blur")
    out = op.apply(astronaut, {"sigma": 2.0, "ksize": 13})
    ref = cv2.GaussianBlur(astronaut, (13, 13), 2.0, borderType=cv2.BORDER_REFLECT_101)
    assert np.abs(out.astype(int) - ref).max() <= 1


def test_gaussian_blur_spreads_a_dot_symmetrically():
    op = get_op("gaussian_blur")
    dot = np.zeros((21, 21), np.uint8)
    dot[10, 10] = 255
    out = op.apply(dot, {"sigma": 1.5, "ksize": gaussian_ksize(1.5)}).astype(int)
    assert out[10, 10] == out.max() and out[10, 10] < 255
    np.testing.assert_array_equal(out, out.T)
    np.testing.assert_array_equal(out, out[::-1, ::-1])


def test_gaussian_blur_sigma_zero_is_identity(astronaut):
    op = get_op("gaussian_blur")
    out, drawn = op.run(astronaut, np.random.default_rng(0), {"sigma_limit": (0.0, 0.0)})
    assert drawn["ksize"] == 1
    np.testing.assert_array_equal(out, astronaut)


# ---------------------------------------------------------------------------------- motion_blur


@pytest.mark.parametrize("ksize", [1, 3, 7, 15, 31])
@pytest.mark.parametrize("angle", [0, 17, 45, 90, 133, 180, 270, 359])
@pytest.mark.parametrize("direction", [-1, -0.4, 0, 0.7, 1])
@pytest.mark.parametrize("antialias", [False, True])
def test_motion_kernel_is_normalised_and_through_the_centre(ksize, angle, direction, antialias):
    kernel = motion_kernel(ksize, angle, direction, antialias)
    assert kernel.shape == (ksize, ksize) and kernel.dtype == np.float32
    assert kernel.sum() == pytest.approx(1.0, abs=1e-5) and kernel.min() >= 0
    centre = ksize // 2
    assert kernel[centre - 1:centre + 2, centre - 1:centre + 2].sum() > 0
    # filter2D's time follows the non-zero cells: one per step, or up to two when anti-aliased.
    assert np.count_nonzero(kernel) <= (2 if antialias else 1) * ksize


def test_motion_kernel_axis_aligned_streaks():
    horizontal = motion_kernel(7, 0, 0)
    np.testing.assert_allclose(horizontal[3], np.full(7, 1 / 7), rtol=1e-6)
    assert horizontal.sum() == pytest.approx(horizontal[3].sum())
    vertical = motion_kernel(7, 90, 0)
    np.testing.assert_allclose(vertical[:, 3], np.full(7, 1 / 7), rtol=1e-6)
    # direction 1 keeps only the forward half (right for 0 degrees, up for 90), -1 the backward.
    forward = motion_kernel(7, 0, 1)
    np.testing.assert_allclose(forward[3, 3:], 0.25, rtol=1e-6)
    assert forward[:, :3].sum() == 0
    up = motion_kernel(7, 90, 1)
    np.testing.assert_allclose(up[:4, 3], 0.25, rtol=1e-6)
    backward = motion_kernel(7, 0, -1)
    np.testing.assert_allclose(backward[3, :4], 0.25, rtol=1e-6)


def test_motion_kernel_diagonal_is_a_staircase_of_the_nearest_cells():
    kernel = motion_kernel(15, 30, 0)
    columns = kernel.sum(axis=0)
    np.testing.assert_allclose(columns[1:14], np.full(13, 1 / 13), rtol=1e-5)
    assert columns[0] == columns[14] == 0
    assert ((kernel > 0).sum(axis=0)[1:14] == 1).all()  # one cell per column
    rows = np.argmax(kernel[:, 1:14], axis=0)
    # Each column's cell is the one nearest the line through the centre (y pointing up).
    expected = np.floor(7 - (np.arange(1, 14) - 7) * np.tan(np.radians(30)) + 0.5)
    np.testing.assert_array_equal(rows, expected)


def test_motion_kernel_slanted_costs_at_most_albumentations_cells():
    albumentations = pytest.importorskip("albumentations")
    import random

    from albumentations.augmentations.blur.functional import create_motion_kernel
    del albumentations
    rng, state = np.random.default_rng(0), random.Random(0)
    ours = theirs = 0
    for _ in range(300):
        ksize, angle, direction = int(rng.choice([3, 5, 7, 9])), rng.uniform(0, 360), rng.uniform(-1, 1)
        ours += np.count_nonzero(motion_kernel(ksize, angle, direction))
        theirs += np.count_nonzero(create_motion_kernel(ksize, angle, direction, False, state))
    assert ours <= theirs * 1.1


def test_motion_kernel_diagonal_is_anti_aliased_on_request():
    kernel = motion_kernel(15, 30, 0, antialias=True)
    # Along the streak: each column it crosses (7 * cos 30 ~ 6 either side of the centre) carries
    # the same weight, split over at most two rows.
    columns = kernel.sum(axis=0)
    np.testing.assert_allclose(columns[1:14], np.full(13, 1 / 13), rtol=1e-5)
    assert columns[0] == columns[14] == 0
    assert ((kernel > 0).sum(axis=0) <= 2).all()
    assert ((kernel > 0).sum(axis=0)[1:14] == 2).sum() >= 10  # split, not a staircase
    kernel = kernel[:, 1:14]
    # Slope: the weight's centre of mass per column follows tan(30 degrees), y pointing up.
    rows = np.arange(15)
    centres = (kernel * rows[:, None]).sum(axis=0) / kernel.sum(axis=0)
    slope = -np.polyfit(np.arange(13), centres, 1)[0]
    assert slope == pytest.approx(np.tan(np.radians(30)), abs=0.02)


def test_motion_blur_smears_a_dot_along_the_angle():
    op = get_op("motion_blur")
    dot = np.zeros((31, 31), np.uint8)
    dot[15, 15] = 255
    out = op.apply(dot, {"ksize": 9, "angle": 0.0, "direction": 0.0})
    assert (out[15, 11:20] > 0).all() and out[15, 11:20].std() == 0  # a flat horizontal streak
    assert out.sum() - out[15].sum() == 0  # nothing off its row
    out = op.apply(dot, {"ksize": 9, "angle": 90.0, "direction": 0.0})
    assert (out[11:20, 15] > 0).all() and out.sum() == out[:, 15].sum()


def test_motion_blur_draws_odd_ksize_and_values_in_range():
    op = get_op("motion_blur")
    params = {"kernel_limit": (4, 12), "angle_limit": (10, 20), "direction_limit": (-0.5, 0.5)}
    for seed in range(30):
        _, drawn = op.run(np.zeros((5, 5), np.uint8), np.random.default_rng(seed), params)
        assert drawn["ksize"] in (5, 7, 9, 11)
        assert 10 <= drawn["angle"] <= 20 and -0.5 <= drawn["direction"] <= 0.5


def test_motion_blur_caption_says_when_the_streak_is_anti_aliased():
    """Two results with the same drawn numbers but other streaks must not read alike."""
    op = get_op("motion_blur")
    drawn = {"ksize": 31, "angle": 317.4, "direction": -0.81}
    assert op.label({**drawn, "antialias": False}) == "motion_blur ksize=31px angle=317.4° direction=-0.81"
    assert op.label({**drawn, "antialias": True}) == "motion_blur ksize=31px angle=317.4° direction=-0.81 antialias"


@pytest.mark.parametrize("ksize,angle,direction", [(7, 30, 0), (13, 30, 0), (21, 45, 0.3),
                                                   (31, 80, 0), (31, 0, -1), (31, 123, 0.9)])
def test_streak_filter_equals_a_plain_float_filter(astronaut, ksize, angle, direction):
    kernel = motion_kernel(ksize, angle, direction)
    ref = cv2.filter2D(astronaut.astype(np.float32), -1, kernel, borderType=cv2.BORDER_REFLECT_101)
    out = streak_filter(astronaut, kernel)
    assert np.abs(out.astype(int) - np.clip(np.rint(ref), 0, 255)).max() <= 1


def test_streak_filter_on_an_image_smaller_than_the_kernel():
    image = np.random.default_rng(0).integers(0, 256, (7, 5, 3), dtype=np.uint8)
    kernel = motion_kernel(31, 30, 0)
    ref = cv2.filter2D(image.astype(np.float32), -1, kernel, borderType=cv2.BORDER_REFLECT_101)
    assert np.abs(streak_filter(image, kernel).astype(int) - np.clip(np.rint(ref), 0, 255)).max() <= 1


# ---------------------------------------------------------------------------------- median_blur


def test_median_blur_removes_isolated_specks():
    op = get_op("median_blur")
    image = np.full((20, 20, 3), 100, np.uint8)
    image[5, 5] = 255
    image[12, 7] = 0
    out = op.apply(image, {"ksize": 3})
    np.testing.assert_array_equal(out, np.full_like(image, 100))


def test_median_blur_matches_opencv_and_draws_odd(astronaut):
    op = get_op("median_blur")
    out, drawn = op.run(astronaut, np.random.default_rng(3), {"ksize_limit": (8, 8)})
    assert drawn["ksize"] == 9
    np.testing.assert_array_equal(out, cv2.medianBlur(astronaut, 9))
    for seed in range(20):
        _, drawn = op.run(astronaut[:4, :4], np.random.default_rng(seed))
        assert drawn["ksize"] in (3, 5, 7)


def test_a_motion_blur_trace_from_before_antialias_replays_the_smooth_streak(astronaut):
    import augview
    from augview.errors import InvalidTraceError

    pipe = augview.Pipeline([augview.Step("motion_blur", {"kernel_limit": (15, 15), "angle_limit": (30, 30),
                                                          "antialias": True})])
    result = pipe.apply(astronaut, seed=3)
    old = [dict(entry, drawn={k: v for k, v in entry["drawn"].items() if k != "antialias"})
           for entry in result.trace]  # as written before the option existed
    np.testing.assert_array_equal(augview.Pipeline.replay(astronaut, old), result.image)
    sharp = augview.Pipeline.replay(astronaut, [dict(old[0], drawn={**old[0]["drawn"], "antialias": False})])
    assert not np.array_equal(sharp, result.image)
    # An edited trace: one sentence naming the step, never a truthy string or a kernel of gigabytes.
    for bad in ({"antialias": "false"}, {"antialias": [1]}, {"ksize": 10**7}, {"ksize": 0}):
        edited = [dict(old[0], drawn={**old[0]["drawn"], **bad})]
        with pytest.raises(InvalidTraceError, match="motion_blur"):
            augview.Pipeline.replay(astronaut, edited)
