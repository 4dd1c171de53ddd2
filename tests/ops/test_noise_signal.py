"""Behaviour of the signal-dependent noise ops: multiplicative_noise, shot_noise and iso_noise."""

import colorsys
import os

import cv2
import numpy as np
import pytest

from augview import get_op
from augview.ops.photometric.noise_signal import (
    _BINS_LOG2, _SHIFT, GAMMA, _shot_levels, _shot_tables, _shot_thresholds, poisson_quantiles, uniform_field,
)

os.environ.setdefault("NO_ALBUMENTATIONS_UPDATE", "1")  # no version check over the network


def flat(level, shape=(256, 256, 3)):
    return np.full(shape, level, dtype=np.uint8)


def levels_image(levels, per_level=4096):
    """A (len(levels), per_level) grey image: row i is level ``levels[i]``."""
    return np.repeat(np.asarray(levels, dtype=np.uint8)[:, None], per_level, axis=1)


def run(name, image, seed=0, **params):
    return get_op(name).run(image, np.random.default_rng(seed), params)


def shot(image, scale, seed=0, linear_light=True):
    return get_op("shot_noise").apply(image, {"scale": scale, "noise_seed": seed, "linear_light": linear_light})


def linear(image):
    return (image.astype(np.float64) / 255.0) ** GAMMA


def assert_same_statistics(ours, theirs, bias=0.0):
    """Same mean and standard deviation, within 4.5 standard errors (plus a known ``bias``)."""
    ours, theirs = ours.astype(np.float64).ravel(), theirs.astype(np.float64).ravel()
    error = np.sqrt((ours.var() + theirs.var()) / ours.size)
    assert abs(ours.mean() - theirs.mean()) <= bias + 4.5 * error + 1e-9
    assert abs(ours.std() - theirs.std()) <= 4.5 * error + 0.05


# ------------------------------------------------------------------------ multiplicative_noise


def test_multiplicative_draws_one_factor_per_image_or_channel_in_range():
    for seed in range(20):
        _, drawn = run("multiplicative_noise", flat(9, (4, 4, 3)), seed, multiplier_limit=(0.7, 1.2),
                       elementwise=False)
        assert 0.7 <= drawn["multiplier"] <= 1.2 and "noise_seed" not in drawn
        _, drawn = run("multiplicative_noise", flat(9, (4, 4, 3)), seed, multiplier_limit=(0.7, 1.2),
                       elementwise=False, per_channel=True)
        assert len(drawn["multiplier"]) == 3 and all(0.7 <= m <= 1.2 for m in drawn["multiplier"])
        _, drawn = run("multiplicative_noise", flat(9, (4, 4)), seed, elementwise=False, per_channel=True)
        assert isinstance(drawn["multiplier"], float)  # a grey image has one channel
        _, drawn = run("multiplicative_noise", flat(9, (4, 4)), seed)
        assert isinstance(drawn["noise_seed"], int) and "multiplier" not in drawn


def test_uniform_field_is_uniform_and_a_pure_function_of_the_seed():
    values = uniform_field(3, (300, 401), 0.5, 1.5)
    assert values.dtype == np.float32 and values.shape == (300, 401)
    np.testing.assert_array_equal(values, uniform_field(3, (300, 401), 0.5, 1.5))
    assert (values != uniform_field(4, (300, 401), 0.5, 1.5)).mean() > 0.99
    assert 0.5 < values.min() < 0.5001 and 1.4999 < values.max() < 1.5
    assert abs(values.mean() - 1.0) < 0.002 and abs(values.std() - 1 / np.sqrt(12)) < 0.002
    assert np.allclose(np.histogram(values, bins=10, range=(0.5, 1.5))[0] / values.size, 0.1, atol=0.003)
    flat_values = values.ravel().astype(np.float64)
    assert abs(np.corrcoef(flat_values[:-1], flat_values[1:])[0, 1]) < 0.01  # neighbours independent
    assert uniform_field(0, (1, 1), 2.0, 2.0).tolist() == [[2.0]]
    assert uniform_field(0, (3, 1, 3), 0.0, 1.0).shape == (3, 1, 3)


def test_multiplicative_elementwise_factors_are_uniform_around_one():
    image = flat(200)
    out, _ = run("multiplicative_noise", image, 3, multiplier_limit=(0.8, 1.2))
    ratio = out[..., 0].astype(np.float64) / 200
    assert abs(ratio.mean() - 1.0) < 0.002
    assert ratio.std() == pytest.approx(0.4 / np.sqrt(12), rel=0.02)  # uniform over a width of 0.4
    assert ratio.min() >= 0.8 - 0.5 / 200 and ratio.max() <= 1.2 + 0.5 / 200
    # Uniform, not bell-shaped: 200 x [0.8, 1.2] rounds to each level of 161..239 with odds 1/80,
    # and to the end levels 160 and 240 with half that.
    shares = np.bincount(out[..., 0].ravel(), minlength=256)[160:241] / ratio.size
    assert np.allclose(shares[1:-1], 1 / 80, atol=0.0015)
    assert np.allclose(shares[[0, -1]], 1 / 160, atol=0.001)


def test_multiplicative_spread_follows_the_limit():
    image = flat(128, (256, 256))
    spreads = []
    for half_width in (0.05, 0.1, 0.3):
        out, _ = run("multiplicative_noise", image, 1, multiplier_limit=(1 - half_width, 1 + half_width))
        ratio = out.astype(np.float64) / 128
        assert abs(ratio.mean() - 1) < 0.003
        spreads.append(ratio.std())
        assert ratio.std() == pytest.approx(2 * half_width / np.sqrt(12), rel=0.05)
    assert spreads[0] < spreads[1] < spreads[2]


def test_multiplicative_noise_is_stronger_in_bright_areas_and_spares_black():
    image = levels_image([0, 40, 160], per_level=20000)
    out, _ = run("multiplicative_noise", image, 2, multiplier_limit=(0.8, 1.2))
    black, dim, bright = (out[i].astype(np.float64) for i in range(3))
    assert (black == 0).all()
    assert bright.std() == pytest.approx(4 * dim.std(), rel=0.05)  # proportional to the level
    assert abs(dim.mean() - 40) < 0.2 and abs(bright.mean() - 160) < 0.5


def test_multiplicative_each_pixel_is_multiplied_by_its_own_factor():
    image = np.random.default_rng(0).integers(0, 256, (40, 30, 3), dtype=np.uint8)
    drawn = {"multiplier_limit": [0.5, 1.5], "per_channel": True, "elementwise": True, "noise_seed": 11}
    out = get_op("multiplicative_noise").apply(image, drawn)
    factors = uniform_field(11, image.shape, 0.5, 1.5).astype(np.float64)
    assert np.abs(out.astype(int) - np.clip(np.rint(image * factors), 0, 255)).max() <= 1
    assert (out[image > 200] >= 100).all() and out.max() == 255  # saturates instead of wrapping


def test_multiplicative_per_channel_flag():
    image = flat(150, (64, 64, 3))
    shared, _ = run("multiplicative_noise", image, 0)
    assert (shared[..., 0] == shared[..., 1]).all() and (shared[..., 1] == shared[..., 2]).all()
    assert shared.std() > 5
    independent, _ = run("multiplicative_noise", image, 0, per_channel=True)
    assert (independent[..., 0] != independent[..., 1]).mean() > 0.8


def test_multiplicative_one_factor_scales_the_whole_image(astronaut):
    op = get_op("multiplicative_noise")
    base = {"multiplier_limit": [0.9, 1.1], "per_channel": False, "elementwise": False}
    out = op.apply(astronaut, {**base, "multiplier": 1.25})
    np.testing.assert_array_equal(out, np.clip(np.rint(astronaut * 1.25), 0, 255))
    out = op.apply(astronaut, {**base, "per_channel": True, "multiplier": [0.5, 1.0, 2.0]})
    expected = np.clip(np.rint(astronaut * np.array([0.5, 1.0, 2.0])), 0, 255)
    np.testing.assert_array_equal(out, expected)
    np.testing.assert_array_equal(op.apply(astronaut, {**base, "multiplier": 1.0}), astronaut)
    gray = np.ascontiguousarray(astronaut[..., 1])
    np.testing.assert_array_equal(op.apply(gray, {**base, "multiplier": 0.5}), np.rint(gray * 0.5))


def test_multiplicative_same_seed_same_field_other_seed_other_field():
    op = get_op("multiplicative_noise")
    image = flat(120, (32, 32, 3))
    drawn = {"multiplier_limit": [0.8, 1.2], "per_channel": False, "elementwise": True, "noise_seed": 5}
    np.testing.assert_array_equal(op.apply(image, drawn), op.apply(image, dict(drawn)))
    assert (op.apply(image, drawn) != op.apply(image, {**drawn, "noise_seed": 6})).mean() > 0.8
    # A point range is a constant factor, whatever the seed.
    point = {**drawn, "multiplier_limit": [1.5, 1.5]}
    assert (op.apply(image, point) == 180).all()


def test_multiplicative_caption_says_what_was_drawn():
    op = get_op("multiplicative_noise")
    assert op.label({"multiplier_limit": [0.9, 1.1], "per_channel": False, "elementwise": True,
                     "noise_seed": 1}) == "multiplicative_noise x0.9..1.1 per pixel"
    assert op.label({"multiplier_limit": [0.9, 1.1], "per_channel": True, "elementwise": False,
                     "multiplier": [0.95, 1.0, 1.0625]}) == "multiplicative_noise x0.95,1,1.06"


def test_multiplicative_matches_albumentations_statistics():
    A = pytest.importorskip("albumentations")
    image = np.repeat(levels_image(range(0, 256, 15), 3000)[..., None], 3, axis=2)
    ours, _ = run("multiplicative_noise", image, 0, multiplier_limit=(0.7, 1.3), per_channel=True)
    transform = A.MultiplicativeNoise(multiplier=(0.7, 1.3), per_channel=True, elementwise=True, p=1)
    transform.set_random_seed(0)
    theirs = transform(image=image)["image"]
    for mine, other in zip(ours, theirs):
        assert_same_statistics(mine, other, bias=0.5)  # albumentations truncates, augview rounds


# ---------------------------------------------------------------------------------- shot_noise


def test_shot_noise_draws_scale_in_range():
    for seed in range(20):
        _, drawn = run("shot_noise", flat(9, (4, 4)), seed, scale_limit=(0.05, 0.2))
        assert 0.05 <= drawn["scale"] <= 0.2
        assert isinstance(drawn["noise_seed"], int) and drawn["linear_light"] is True


@pytest.mark.parametrize("linear_light", [True, False])
def test_shot_noise_black_stays_black(linear_light):
    for scale in (0.001, 0.3, 1.0):
        assert (shot(flat(0), scale, 1, linear_light) == 0).all()


def test_shot_noise_keeps_dark_pixels_near_black():
    # Level 3 expects 0.0006 photons at scale 0.1: almost every pixel receives none and goes black.
    out = shot(flat(3), 0.1, 2)
    assert (out == 0).mean() > 0.99 and out.mean() < 1.0
    out = shot(flat(10, (256, 256)), 0.01, 2)
    assert out.mean() < 12 and np.percentile(out, 99) < 50


def test_shot_noise_is_poisson_in_linear_light():
    """Photon counts: mean intensity kept, variance = scale x mean, so it grows with brightness."""
    image = levels_image([32, 64, 128, 192], per_level=60000)
    for scale in (0.002, 0.01, 0.05):
        out = linear(shot(image, scale, 4))
        truth = linear(image[:, :1])[:, 0]
        variances = out.var(axis=1)
        assert np.allclose(out.mean(axis=1), truth, rtol=0.02, atol=1e-4)
        assert np.allclose(variances / truth, scale, rtol=0.06)
        assert (np.diff(variances) > 0).all()


def test_shot_noise_in_grey_levels_grows_with_brightness_when_linear_light_is_off():
    levels = np.array([20, 40, 80, 160])  # the brightest is 4.7 standard deviations below 255
    out = shot(levels_image(levels, per_level=60000), 0.01, 5, linear_light=False).astype(np.float64)
    assert np.allclose(out.mean(axis=1), levels, atol=0.2)
    # Var(N * scale * 255) = 255 * scale * level grey levels squared.
    assert np.allclose(out.var(axis=1), 255 * 0.01 * levels, rtol=0.04)


def test_shot_noise_larger_scale_is_noisier():
    image = flat(128, (256, 256))
    spreads = [shot(image, scale, 1).astype(np.float64).std() for scale in (0.001, 0.01, 0.1, 0.5)]
    assert spreads[0] > 1 and all(a < b for a, b in zip(spreads, spreads[1:]))
    # In linear light, the noise at mid-grey is about sqrt(scale) * 255 / 2.2 * 0.5 ** -0.1 levels.
    assert spreads[1] == pytest.approx(np.sqrt(0.01) * 255 / GAMMA * 0.5 ** -0.1, rel=0.05)


def test_shot_noise_same_seed_same_pixels_channels_independent_gray_stays_2d(astronaut):
    image = flat(128, (64, 64, 3))
    a, b, c = shot(image, 0.1, 7), shot(image, 0.1, 7), shot(image, 0.1, 8)
    np.testing.assert_array_equal(a, b)
    # At this scale mid-grey becomes one of a few levels (about 10 photons): most pixels differ.
    assert (a != c).mean() > 0.7
    assert (a[..., 0] != a[..., 1]).mean() > 0.7
    gray = np.ascontiguousarray(astronaut[..., 0])
    out, _ = run("shot_noise", gray, 0)
    assert out.shape == gray.shape and not np.array_equal(out, gray)


def test_shot_thresholds_match_a_direct_poisson_simulation():
    rng = np.random.default_rng(0)
    for scale, linear_light in ((0.001, True), (0.05, True), (0.8, True), (0.02, False)):
        table = _shot_thresholds(scale, linear_light)
        assert table.shape == (256, 255) and (np.diff(table, axis=1) >= 0).all()
        for level in (0, 1, 17, 128, 255):
            intensity = level / 255.0
            lam = (intensity ** GAMMA if linear_light else intensity) / scale
            value = np.minimum(rng.poisson(lam, 200000) * scale, 1.0)
            out = np.rint((value ** (1 / GAMMA) if linear_light else value) * 255)
            empirical = (out[:, None] < np.arange(1, 256)).mean(axis=0)
            assert np.abs(empirical - table[level]).max() < 0.005, (scale, level)


@pytest.mark.parametrize("scale, linear_light", [(0.001, True), (0.1, True), (1.0, True), (0.3, False)])
def test_shot_lookup_is_exactly_the_inverse_cdf(scale, linear_light):
    """The guide-table lookup counts, for every pixel, the thresholds its uniform integer reaches:
    checked against brute force on random and on boundary integers (at and next to every
    threshold), which exercises both the one-threshold bins and the crowded ones."""
    tables = _shot_tables(scale, linear_light)
    t = np.ceil(_shot_thresholds(scale, linear_light) * 2.0**32)
    rng = np.random.default_rng(1)
    levels = rng.integers(0, 256, 50000).astype(np.uint8)
    r = rng.integers(0, 2**32, levels.size, dtype=np.uint64)
    boundary_levels = np.repeat(np.arange(256), 255 * 3).astype(np.uint8)
    boundary_r = np.clip(np.repeat(t.ravel(), 3) + np.tile([-1, 0, 1], t.size), 0, 2**32 - 1).astype(np.uint64)
    levels = np.concatenate([levels, boundary_levels, np.array([0, 255, 255], np.uint8)])
    r = np.concatenate([r, boundary_r, np.array([2**32 - 1, 0, 2**32 - 1], np.uint64)])
    expected = (t[levels] <= r[:, None]).sum(axis=1)
    bins = (levels.astype(np.intp) << _BINS_LOG2) | (r >> np.uint64(_SHIFT)).astype(np.intp)
    crowded = (tables[0][bins] > 255).sum()
    assert crowded > 0
    np.testing.assert_array_equal(_shot_levels(levels, r.astype(np.uint32), tables), expected)


def test_shot_noise_matches_albumentations_statistics():
    """Same model as A.ShotNoise (linear light, gamma 2.2, Poisson counts): the same mean and
    spread at every level, for a weak and a strong scale."""
    A = pytest.importorskip("albumentations")
    image = np.repeat(levels_image(range(0, 256, 15), 8000)[..., None], 3, axis=2)
    for scale in (0.02, 0.3):
        ours = shot(image, scale, 0).astype(np.float64)
        transform = A.ShotNoise(scale_range=(scale, scale), p=1)
        transform.set_random_seed(0)
        theirs = transform(image=image)["image"]
        for mine, other in zip(ours, theirs):
            assert_same_statistics(mine, other)


# ----------------------------------------------------------------------------------- iso_noise


def iso(image, color_shift, intensity, seed=0):
    return get_op("iso_noise").apply(image, {"color_shift": color_shift, "intensity": intensity, "noise_seed": seed})


def hls(image):
    return cv2.cvtColor(image.astype(np.float32) / 255, cv2.COLOR_RGB2HLS)


def rainbow():
    """Fully saturated hues at one lightness (L = 0.5): std(L) = 0, so only the hue noise acts."""
    hsv = np.full((256, 512, 3), 255, np.uint8)
    hsv[..., 0] = np.arange(512)[None, :] * 180 // 512
    return cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB)


def test_poisson_quantiles_have_the_poisson_moments():
    for lam in (0.01, 0.7, 4.0, 30.0, 127.5):
        table = poisson_quantiles(lam).astype(np.float64)
        assert table.shape == (65536,) and np.all(np.diff(table) >= 0)
        assert abs(table.mean() - lam) < 1e-3 * max(1, lam) and abs(table.var() - lam) < 3e-3 * max(1, lam)
    assert not poisson_quantiles(0.0).any()


def test_iso_lightness_noise_is_poisson_counts_scaled_by_the_darkness():
    # Half black, half white: std(L) = 0.5, so k ~ Poisson(0.5 * intensity * 255). A black pixel
    # becomes the grey level k (L = k / 255, no saturation), a white one stays white (1 - L = 0).
    half = np.zeros((256, 512, 3), np.uint8)
    half[:, 256:] = 255
    for intensity in (0.1, 0.5):
        lam = 0.5 * intensity * 255
        for image in (half, np.ascontiguousarray(half[..., 0])):
            out = iso(image, 0.05, intensity)
            black = out[:, :256].astype(np.float64)
            assert np.all(out[:, 256:] == 255)
            if out.ndim == 3:
                np.testing.assert_array_equal(black[..., 0], black[..., 2])  # still grey
                black = black[..., 0]
            error = np.sqrt(lam / black.size)
            assert abs(black.mean() - lam) < 4.5 * error and abs(black.var() / lam - 1) < 0.05


def test_iso_hue_noise_has_the_documented_spread_and_keeps_the_mean():
    image = rainbow()
    for color_shift, intensity in ((0.1, 0.5), (0.02, 0.3)):
        out = iso(image, color_shift, intensity)
        before, after = hls(image), hls(out)
        shift = (after[..., 0] - before[..., 0] + 180) % 360 - 180
        sigma = color_shift * 360 * intensity  # degrees: color_shift 1 is the whole wheel
        assert abs(shift.std() / sigma - 1) < 0.05 and abs(shift.mean()) < 0.05 * sigma
        assert np.abs(after[..., 1] - before[..., 1]).max() < 1 / 255  # the lightness is kept
        assert np.abs(out.astype(np.float64).mean(axis=(0, 1)) - image.mean(axis=(0, 1))).max() < 1.5
    # hue shifts of whole turns either way (sigma 360 degrees) still only move the hue
    wild = hls(iso(image, 1.0, 1.0))
    assert np.abs(wild[..., 1] - hls(image)[..., 1]).max() < 1 / 255
    assert np.abs(wild[..., 2] - hls(image)[..., 2]).max() < 0.01


def test_iso_noise_brightens_by_the_documented_amount_and_grows_with_intensity(astronaut):
    before = hls(astronaut)
    spread = []
    for intensity in (0.1, 0.3, 0.6):
        out = iso(astronaut, 0.03, intensity, seed=4)
        lam = before[..., 1].std() * intensity * 255  # counts, in grey levels
        rise = (hls(out)[..., 1] - before[..., 1]).mean() * 255
        assert abs(rise - lam * (1 - before[..., 1]).mean()) < 0.3
        spread.append((out.astype(np.float64) - astronaut).std())
    assert spread[0] < spread[1] < spread[2]
    # so the mean is roughly kept only while the intensity is low
    assert abs(iso(astronaut, 0.03, 0.1).mean() - astronaut.mean()) < 5


def test_iso_noise_matches_the_formula_pixel_by_pixel(small_rgb):
    """The documented algorithm in float64 through colorsys, with the same random fields."""
    from augview.ops.photometric.noise import standard_normal
    from augview.ops.photometric.noise_signal import _uniform16

    color_shift, intensity, seed = 0.08, 0.4, 11
    out = iso(small_rgb, color_shift, intensity, seed)
    pixels = small_rgb.reshape(-1, 3) / 255.0
    hls_values = np.array([colorsys.rgb_to_hls(*p) for p in pixels])
    lam = float(hls(small_rgb)[..., 1].std()) * intensity * 255
    counts = poisson_quantiles(lam).take(_uniform16(seed, small_rgb.shape[:2])).ravel()
    hue = hls_values[:, 0] + standard_normal(seed, small_rgb.shape[:2]).ravel() * color_shift * intensity
    light = hls_values[:, 1] + counts / 255 * (1 - hls_values[:, 1])
    expected = np.array([colorsys.hls_to_rgb(h % 1.0, min(lightness, 1.0), s)
                         for h, lightness, s in zip(hue, light, hls_values[:, 2])]) * 255
    diff = np.abs(out.reshape(-1, 3) - np.rint(expected))
    assert diff.max() <= 1 and diff.mean() < 0.05


def test_iso_noise_is_a_pure_function_of_the_draw(small_rgb, small_gray):
    op = get_op("iso_noise")
    out, drawn = op.run(small_rgb, np.random.default_rng(3))
    assert 0.01 <= drawn["color_shift"] <= 0.05 and 0.1 <= drawn["intensity"] <= 0.5
    np.testing.assert_array_equal(op.apply(small_rgb, drawn), out)
    other = op.apply(small_rgb, {**drawn, "noise_seed": drawn["noise_seed"] + 1})
    assert (other != out).mean() > 0.3
    np.testing.assert_array_equal(iso(small_rgb, 0.5, 0.0), small_rgb)  # both noises scale with it
    grey, _ = op.run(small_gray, np.random.default_rng(3))
    assert grey.shape == small_gray.shape and np.all(grey >= small_gray)  # grey: only lightening
