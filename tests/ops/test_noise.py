"""Behaviour of the noise and quality ops: gaussian_noise, salt_and_pepper, jpeg_compression,
downscale."""

from pathlib import Path

import numpy as np
import pytest

import augview
from augview import get_op
from augview.ops.photometric.noise import downscale_size, standard_normal

ASSETS = Path(__file__).parents[2] / "assets"
NAMES = ("gaussian_noise", "salt_and_pepper", "jpeg_compression", "downscale")


@pytest.fixture(scope="module")
def astronaut():
    return augview.load_image(ASSETS / "astronaut.png")


def grey(shape, level=128):
    return np.full(shape, level, dtype=np.uint8)


# ----------------------------------------------------------------------------- standard_normal


def test_standard_normal_is_a_pure_function_of_the_seed():
    a = standard_normal(7, (64, 48, 3))
    np.testing.assert_array_equal(a, standard_normal(7, (64, 48, 3)))
    assert a.dtype == np.float32 and a.shape == (64, 48, 3)
    assert not np.array_equal(a, standard_normal(8, (64, 48, 3)))


def test_standard_normal_has_unit_gaussian_statistics():
    z = standard_normal(3, (400, 500)).ravel().astype(np.float64)
    assert abs(z.mean()) < 0.01
    assert abs(z.std() - 1) < 0.01
    # Gaussian tail masses: P(|z| > 1) = 0.3173, P(|z| > 2) = 0.0455.
    assert abs((np.abs(z) > 1).mean() - 0.3173) < 0.005
    assert abs((np.abs(z) > 2).mean() - 0.0455) < 0.002
    # No correlation between neighbours, nor between the cos and sin halves.
    assert abs(np.corrcoef(z[:-1], z[1:])[0, 1]) < 0.01
    half = z.size // 2
    assert abs(np.corrcoef(z[:half], z[half:2 * half])[0, 1]) < 0.01


def test_standard_normal_odd_count():
    assert standard_normal(0, (7, 5, 3)).shape == (7, 5, 3)
    assert standard_normal(0, (1, 1)).shape == (1, 1)


# ------------------------------------------------------------------------------ gaussian_noise


def test_gaussian_noise_draws_std_in_range():
    op = get_op("gaussian_noise")
    for seed in range(20):
        _, drawn = op.run(grey((4, 4, 3)), np.random.default_rng(seed), {"std_limit": (3.0, 9.0)})
        assert 3.0 <= drawn["std"] <= 9.0
        assert isinstance(drawn["noise_seed"], int)


def test_gaussian_noise_has_the_drawn_std_and_mean_in_grey_levels():
    op = get_op("gaussian_noise")
    image = grey((256, 256, 3))
    out, drawn = op.run(image, np.random.default_rng(0), {"std_limit": (10.0, 10.0), "mean": 5.0})
    diff = out.astype(np.float64) - image
    assert abs(diff.std() - 10.0) < 0.2
    assert abs(diff.mean() - 5.0) < 0.2


def test_gaussian_noise_per_channel_flag():
    op = get_op("gaussian_noise")
    image = grey((64, 64, 3))
    shared, _ = op.run(image, np.random.default_rng(0), {"per_channel": False})
    assert (shared[..., 0] == shared[..., 1]).all() and (shared[..., 1] == shared[..., 2]).all()
    assert shared.std() > 1
    independent, _ = op.run(image, np.random.default_rng(0), {"per_channel": True})
    assert (independent[..., 0] != independent[..., 1]).mean() > 0.5


def test_gaussian_noise_rounds_and_saturates():
    op = get_op("gaussian_noise")
    drawn = {"std": 80.0, "mean": 0.0, "per_channel": True, "noise_seed": 1}
    white = op.apply(grey((64, 64), 255), drawn)
    black = op.apply(grey((64, 64), 0), drawn)
    noise = standard_normal(1, (64, 64)) * 80.0
    np.testing.assert_array_equal(white, np.clip(np.rint(255 + noise), 0, 255))
    np.testing.assert_array_equal(black, np.clip(np.rint(noise), 0, 255))
    assert white.min() < 100 and black.max() > 150


def test_gaussian_noise_zero_is_identity_and_gray_stays_2d(astronaut):
    op = get_op("gaussian_noise")
    gray = astronaut[..., 1].copy()
    out, _ = op.run(gray, np.random.default_rng(0), {"std_limit": (0.0, 0.0)})
    np.testing.assert_array_equal(out, gray)
    out, _ = op.run(gray, np.random.default_rng(0))
    assert out.ndim == 2 and not np.array_equal(out, gray)


# ----------------------------------------------------------------------------- salt_and_pepper


def test_salt_and_pepper_fractions_match_the_drawn_values():
    op = get_op("salt_and_pepper")
    image = grey((300, 300, 3))
    out, drawn = op.run(image, np.random.default_rng(4), {"amount_limit": (0.2, 0.2),
                                                          "salt_vs_pepper_limit": (0.25, 0.25)})
    assert drawn["amount"] == pytest.approx(0.2) and drawn["salt_vs_pepper"] == pytest.approx(0.25)
    white = (out == 255).all(axis=2).mean()
    black = (out == 0).all(axis=2).mean()
    assert white == pytest.approx(0.05, abs=0.004)
    assert black == pytest.approx(0.15, abs=0.004)
    # Every pixel is either untouched or fully white/black: the channels share one draw.
    untouched = (out == 128).all(axis=2)
    assert (untouched | (out == 255).all(axis=2) | (out == 0).all(axis=2)).all()


def test_salt_and_pepper_all_salt_and_zero_amount():
    op = get_op("salt_and_pepper")
    image = grey((50, 40))
    out, _ = op.run(image, np.random.default_rng(0), {"amount_limit": (0.3, 0.3),
                                                      "salt_vs_pepper_limit": (1.0, 1.0)})
    assert not (out == 0).any() and (out == 255).any()
    out, _ = op.run(image, np.random.default_rng(0), {"amount_limit": (0.0, 0.0)})
    np.testing.assert_array_equal(out, image)


def test_salt_and_pepper_one_pixel():
    op = get_op("salt_and_pepper")
    drawn = {"amount": 1.0, "salt_vs_pepper": 1.0, "noise_seed": 3}
    assert op.apply(grey((1, 1, 3)), drawn).tolist() == [[[255, 255, 255]]]
    drawn["salt_vs_pepper"] = 0.0
    assert op.apply(grey((1, 1)), drawn).tolist() == [[0]]


# ---------------------------------------------------------------------------- jpeg_compression


def test_jpeg_quality_is_an_int_in_range():
    op = get_op("jpeg_compression")
    for seed in range(20):
        _, drawn = op.run(grey((8, 8, 3)), np.random.default_rng(seed), {"quality_limit": (20, 30)})
        assert isinstance(drawn["quality"], int) and 20 <= drawn["quality"] <= 30


def test_jpeg_keeps_colours(astronaut):
    op = get_op("jpeg_compression")
    # Flat primaries come back as the same primaries (no red/blue swap).
    for colour in ((220, 30, 30), (30, 30, 220), (30, 200, 40)):
        image = np.empty((32, 32, 3), np.uint8)
        image[:] = colour
        out = op.apply(image, {"quality": 50})
        assert np.abs(out.astype(int) - colour).max() <= 4
    # A photo at high quality stays close; low quality strays further.
    high = op.apply(astronaut, {"quality": 95})
    low = op.apply(astronaut, {"quality": 10})
    err_high = np.abs(high.astype(int) - astronaut).mean()
    err_low = np.abs(low.astype(int) - astronaut).mean()
    assert err_high < 3 < err_low
    assert np.abs(high.reshape(-1, 3).mean(0) - astronaut.reshape(-1, 3).mean(0)).max() < 1


def test_jpeg_matches_a_real_rgb_jpeg(astronaut):
    """OpenCV encodes as if the array were BGR; the op swaps channels around the codec so that
    luma and chroma are those of the true RGB image, as Pillow (which takes RGB) computes them.
    Encoding RGB as is would also round-trip the colours, but with different artefacts."""
    import io

    import cv2
    from PIL import Image

    op = get_op("jpeg_compression")
    buffer = io.BytesIO()
    Image.fromarray(astronaut).save(buffer, "JPEG", quality=40)
    pillow = np.asarray(Image.open(io.BytesIO(buffer.getvalue()))).astype(int)
    ours = op.apply(astronaut, {"quality": 40}).astype(int)
    as_is = cv2.imdecode(cv2.imencode(".jpg", astronaut, [cv2.IMWRITE_JPEG_QUALITY, 40])[1], cv2.IMREAD_COLOR)
    assert np.abs(ours - pillow).mean() < 0.5
    assert np.abs(as_is.astype(int) - pillow).mean() > 1


@pytest.mark.parametrize("gray", [False, True])
def test_jpeg_shows_8x8_blocks_at_low_quality(astronaut, gray):
    op = get_op("jpeg_compression")
    image = astronaut[..., 0].copy() if gray else astronaut

    def blockiness(quality):
        out = op.apply(image, {"quality": quality})
        assert out.shape == image.shape
        steps = np.abs(np.diff(out.astype(int), axis=1))
        # Jumps between columns 7|8, 15|16... (block edges) against jumps inside blocks.
        return steps[:, 7::8].mean() / np.delete(steps, np.s_[7::8], axis=1).mean()

    assert blockiness(95) < 1.2
    assert blockiness(5) > 2


# ----------------------------------------------------------------------------------- downscale


def test_downscale_size_never_below_one_pixel():
    assert downscale_size(0.05, (1, 1, 3)) == (1, 1)
    assert downscale_size(0.5, (100, 60)) == (30, 50)


def test_downscale_scale_one_is_identity(astronaut):
    op = get_op("downscale")
    out = op.apply(astronaut, {"scale": 1.0, "down_interpolation": "nearest", "up_interpolation": "nearest"})
    np.testing.assert_array_equal(out, astronaut)


def test_downscale_nearest_gives_blocks(astronaut):
    op = get_op("downscale")
    out = op.apply(astronaut, {"scale": 0.25, "down_interpolation": "nearest", "up_interpolation": "nearest"})
    assert out.shape == astronaut.shape
    blocks = out.reshape(128, 4, 128, 4, 3)
    assert (blocks == blocks[:, :1, :, :1]).all()  # each 4x4 block is one colour
    smooth = op.apply(astronaut, {"scale": 0.25, "down_interpolation": "area", "up_interpolation": "linear"})
    assert not (smooth.reshape(128, 4, 128, 4, 3) == smooth.reshape(128, 4, 128, 4, 3)[:, :1, :, :1]).all()
    # Detail is lost: less high-frequency energy than the original.
    def detail(img):
        return np.abs(np.diff(img.astype(int), axis=1)).mean()
    assert detail(smooth) < detail(astronaut)


def test_downscale_draws_scale_in_range_and_keeps_choices():
    op = get_op("downscale")
    for seed in range(10):
        _, drawn = op.run(grey((20, 20)), np.random.default_rng(seed),
                          {"scale_limit": (0.3, 0.6), "up_interpolation": "cubic"})
        assert 0.3 <= drawn["scale"] <= 0.6
        assert drawn["up_interpolation"] == "cubic" and drawn["down_interpolation"] == "nearest"
