"""Behaviour of the warping ops: affine, perspective, elastic and grid distortion."""

from __future__ import annotations

import json
import math

import cv2
import numpy as np
import pytest

from augview.ops.geometric.warps import (
    affine_matrix,
    elastic_field,
    grid_distortion_maps,
    perspective_matrix,
)
from augview.core.registry import get_op

WARPS = ("affine", "perspective", "elastic", "grid_distortion")


def run(name, image, seed=0, **params):
    return get_op(name).run(image, np.random.default_rng(seed), params)


def fixed(low_high):
    """A range that always draws the same value."""
    return (low_high, low_high)


def assert_same_warp(ours, theirs):
    """Equal up to OpenCV's fixed-point rounding: large images are warped in row strips, and
    cv2.warpAffine rounds each strip's start a hair differently from one whole-image call."""
    diff = np.abs(ours.astype(int) - theirs)
    assert diff.max() <= 1 and (diff > 0).mean() < 0.01


IDENTITY_AFFINE = dict(scale=fixed(1.0), translate_x=fixed(0.0), translate_y=fixed(0.0),
                       rotate=fixed(0.0), shear_x=fixed(0.0), shear_y=fixed(0.0))


@pytest.fixture(scope="module")
def ramp():
    """An RGB image where every pixel is distinct enough to see where it moved."""
    y, x = np.mgrid[0:40, 0:56]
    return np.dstack([x * 4, y * 6, (x + y) * 2]).astype(np.uint8)


# --------------------------------------------------------------------------------------------
# shared: tiny images, grey, the RGBA fast path


@pytest.mark.parametrize("name", WARPS)
@pytest.mark.parametrize("shape", [(1, 1), (1, 1, 3), (7, 5), (5, 7, 3), (1, 6, 3), (6, 1)])
@pytest.mark.parametrize("interpolation", ["linear", "cubic", "nearest", "lanczos"])
@pytest.mark.parametrize("border_mode", ["reflect_101", "wrap", "constant"])
def test_tiny_images_never_crash_or_hang(name, shape, interpolation, border_mode):
    # cubic + reflect_101 on a one-pixel side used to hang OpenCV forever.
    image = np.random.default_rng(1).integers(0, 256, shape, dtype=np.uint8)
    out, drawn = run(name, image, interpolation=interpolation, border_mode=border_mode)
    assert out.dtype == np.uint8 and out.ndim == image.ndim
    if name != "perspective" or drawn["keep_size"]:
        assert out.shape == image.shape


@pytest.mark.parametrize("name", WARPS)
@pytest.mark.parametrize("border_mode", ["reflect_101", "replicate", "wrap"])
def test_one_pixel_image_stays_its_colour(name, border_mode):
    image = np.full((1, 1, 3), (77, 140, 9), np.uint8)
    out, _ = run(name, image, interpolation="cubic", border_mode=border_mode)
    assert np.array_equal(out, image)


@pytest.mark.parametrize("name", WARPS)
def test_rgb_equals_each_channel_warped_alone(name, ramp):
    # Linear RGB goes through a 4-channel fast path: it must change nothing, border value included.
    params = dict(border_mode="constant", fill=77)
    out, drawn = run(name, ramp, seed=3, **params)
    for c in range(3):
        alone = get_op(name).apply(np.ascontiguousarray(ramp[..., c]), drawn)
        assert np.array_equal(out[..., c], alone)


@pytest.mark.parametrize("name", WARPS)
def test_drawn_values_are_plain_json_and_replay(name, ramp):
    out, drawn = run(name, ramp, seed=11)
    assert json.loads(json.dumps(drawn)) == drawn
    assert np.array_equal(get_op(name).apply(ramp, drawn), out)


# --------------------------------------------------------------------------------------------
# affine


def test_affine_identity_leaves_pixels_alone(ramp):
    out, drawn = run("affine", ramp, **IDENTITY_AFFINE)
    assert np.allclose(drawn["matrix"], np.eye(3))
    assert np.array_equal(out, ramp)


def test_affine_draws_inside_the_ranges(ramp):
    params = dict(scale=(0.5, 0.6), translate_x=(-0.2, -0.1), translate_y=(0.3, 0.4),
                  rotate=(10, 20), shear_x=(-5, -4), shear_y=(7, 8))
    for seed in range(20):
        _, d = run("affine", ramp, seed, **params)
        assert 0.5 <= d["scale"] <= 0.6 and -0.2 <= d["tx"] <= -0.1 and 0.3 <= d["ty"] <= 0.4
        assert 10 <= d["angle"] <= 20 and -5 <= d["shear_x"] <= -4 and 7 <= d["shear_y"] <= 8
        assert np.allclose(d["matrix"], affine_matrix(d, ramp.shape))
        assert d["interpolation"] == "linear" and d["border_mode"] == "constant" and d["fill"] == 0


@pytest.mark.parametrize("interpolation", ["linear", "cubic"])
def test_affine_rotation_matches_the_rotate_op(ramp, astronaut, interpolation):
    drawn = {"angle": 23.0, "interpolation": interpolation, "border_mode": "reflect", "fill": 0}
    params = {**IDENTITY_AFFINE, "rotate": fixed(23.0), "interpolation": interpolation,
              "border_mode": "reflect"}
    out, _ = run("affine", ramp, **params)
    assert np.array_equal(out, get_op("rotate").apply(ramp, drawn))  # one strip: exact
    out, _ = run("affine", astronaut, **params)
    assert_same_warp(out, get_op("rotate").apply(astronaut, drawn))


def test_perspective_matches_one_whole_warp(astronaut):
    for seed in range(3):
        out, d = run("perspective", astronaut, seed, scale=fixed(0.15), fit_output=seed == 1)
        whole = cv2.warpPerspective(astronaut, np.array(d["matrix"]), (512, 512))
        assert_same_warp(out, whole)


def test_affine_90_degrees_on_a_square_is_rot90():
    image = np.random.default_rng(0).integers(0, 256, (9, 9, 3), dtype=np.uint8)
    out, _ = run("affine", image, **{**IDENTITY_AFFINE, "rotate": fixed(90.0)})
    assert np.array_equal(out, np.rot90(image))  # counter-clockwise, like np.rot90


def test_affine_translation_moves_pixels_by_whole_pixels(ramp):
    height, width = ramp.shape[:2]
    params = {**IDENTITY_AFFINE, "translate_x": fixed(7 / width), "translate_y": fixed(-4 / height)}
    out, _ = run("affine", ramp, fill=5, **params)
    assert np.array_equal(out[: height - 4, 7:], ramp[4:, : width - 7])  # right 7, up 4
    assert (out[:, :7] == 5).all() and (out[height - 4:] == 5).all()


def test_affine_scale_keeps_the_centre_and_zooms():
    image = np.zeros((21, 21), np.uint8)
    image[10, 10] = 255  # the centre pixel
    image[10, 12] = 200  # two pixels to its right
    out, _ = run("affine", image, interpolation="nearest", **{**IDENTITY_AFFINE, "scale": fixed(2.0)})
    assert out[10, 10] == 255
    assert out[10, 14] == 200  # now four pixels to the right


def test_affine_shear_signs():
    matrix = affine_matrix({"scale": 1.0, "tx": 0.0, "ty": 0.0, "angle": 0.0,
                            "shear_x": 20.0, "shear_y": 0.0}, (101, 101))
    top = matrix @ [50, 0, 1]
    bottom = matrix @ [50, 100, 1]
    assert top[0] > 50 > bottom[0]  # leans right, like italic type
    assert math.isclose(top[0] - 50, 50 * math.tan(math.radians(20)))
    matrix = affine_matrix({"scale": 1.0, "tx": 0.0, "ty": 0.0, "angle": 0.0,
                            "shear_x": 0.0, "shear_y": 20.0}, (101, 101))
    assert (matrix @ [100, 50, 1])[1] < 50 < (matrix @ [0, 50, 1])[1]  # the right side rises


def test_affine_extreme_double_shear_never_collapses():
    drawn = {"scale": 1.0, "tx": 0.0, "ty": 0.0, "angle": 0.0, "shear_x": 45.0, "shear_y": 45.0}
    assert math.isclose(np.linalg.det(affine_matrix(drawn, (10, 10))), 1.0)


def test_affine_matches_albumentations_for_whole_pixel_shifts(astronaut):
    A = pytest.importorskip("albumentations")
    # albumentations truncates the shift to whole pixels; 0.125 * 512 = 64 is already whole.
    for scale, angle, sx, sy, tx, ty in [(1.1, 20, 10, 0, 0.125, 0), (0.8, -33, 0, -20, 0, 0.125),
                                         (1.0, 0, 15, 0, -0.25, 0.0625)]:
        params = dict(scale=fixed(scale), rotate=fixed(angle), shear_x=fixed(sx),
                      shear_y=fixed(sy), translate_x=fixed(tx), translate_y=fixed(ty))
        ours, _ = run("affine", astronaut, **params)
        theirs = A.Affine(scale=scale, rotate=angle, shear={"x": sx, "y": sy},
                          translate_percent={"x": tx, "y": ty}, p=1)(image=astronaut)["image"]
        assert_same_warp(ours, theirs)


# --------------------------------------------------------------------------------------------
# perspective


def test_perspective_without_jitter_is_the_identity(ramp):
    out, d = run("perspective", ramp, scale=fixed(0.0))
    assert d["src"] == d["dst"]
    assert np.allclose(perspective_matrix(d), np.eye(3), atol=1e-9)
    assert np.array_equal(out, ramp)


def test_perspective_corners_move_inwards_within_the_cap(ramp):
    height, width = ramp.shape[:2]
    inward = np.array([[1, 1], [-1, 1], [-1, -1], [1, -1]])  # tl, tr, br, bl
    for seed in range(30):
        _, d = run("perspective", ramp, seed, scale=(0.05, 0.3))
        assert 0.05 <= d["scale"] <= 0.3
        src, rect = np.array(d["src"]), np.array(d["dst"])
        moved = (src - rect) * inward / [width, height]  # jitter as a fraction of the side
        assert (moved >= 0).all() and (moved <= 0.32 + 1e-9).all()
        assert d["out_size"] == [width, height]
        # The stored matrix takes the source corners onto the output corners.
        mapped = cv2.perspectiveTransform(src[None].astype(np.float64), np.array(d["matrix"]))[0]
        assert np.allclose(mapped, rect, atol=1e-6)


def test_perspective_zooms_through_the_window_without_showing_the_border():
    image = np.full((60, 80, 3), 200, np.uint8)
    for seed in range(10):
        out, _ = run("perspective", image, seed, scale=fixed(0.1), fill=0)
        # The window lies inside the image: apart from the one-pixel rim, nothing reads the border.
        assert (out[1:-1, 1:-1] == 200).all()


def test_perspective_fit_output_shows_the_border_outside_the_window():
    image = np.full((60, 80), 200, np.uint8)
    out, d = run("perspective", image, seed=2, scale=fixed(0.2), fit_output=True, fill=9)
    assert d["src"] == [[-0.5, -0.5], [79.5, -0.5], [79.5, 59.5], [-0.5, 59.5]]
    # Where does each output pixel read? Inside the image: the image; beyond it: only the border.
    ys, xs = np.mgrid[0:60, 0:80]
    points = np.dstack([xs, ys]).reshape(1, -1, 2).astype(np.float64)
    src = cv2.perspectiveTransform(points, np.linalg.inv(d["matrix"]))[0].reshape(60, 80, 2)
    margin = 0.05  # cv2 rounds positions to 1/32 pixel
    inside = ((src >= margin) & (src <= np.array([79, 59]) - margin)).all(axis=2)
    outside = ((src < -1 - margin) | (src > np.array([80, 60]) + margin)).any(axis=2)
    assert outside.sum() > 100 and inside.sum() > 1000
    assert (out[outside] == 9).all() and (out[inside] == 200).all()


@pytest.mark.parametrize("fit_output", [False, True])
def test_perspective_without_keep_size_returns_the_drawn_size(ramp, fit_output):
    for seed in range(5):
        out, d = run("perspective", ramp, seed, scale=fixed(0.2), keep_size=False,
                     fit_output=fit_output)
        width, height = d["out_size"]
        assert out.shape == (height, width, 3)
        assert 1 <= width <= ramp.shape[1] and 1 <= height <= ramp.shape[0]


def test_perspective_grey_stays_2d(ramp):
    out, _ = run("perspective", np.ascontiguousarray(ramp[..., 0]))
    assert out.shape == ramp.shape[:2]


# --------------------------------------------------------------------------------------------
# elastic


def _elastic_drawn(alpha, sigma, seed=1):
    return {"field_seed": seed, "alpha": alpha, "sigma": sigma, "interpolation": "linear",
            "border_mode": "reflect_101", "fill": 0}


def test_elastic_with_no_strength_is_the_identity(ramp):
    out, d = run("elastic", ramp, alpha=0.0)
    assert isinstance(d["field_seed"], int)
    assert np.array_equal(out, ramp)


def test_elastic_field_is_a_seeded_float32_map():
    map_x, map_y = elastic_field(_elastic_drawn(50, 4), (30, 20))
    assert map_x.shape == map_y.shape == (30, 20)
    assert map_x.dtype == map_y.dtype == np.float32
    again = elastic_field(_elastic_drawn(50, 4), (30, 20))
    assert np.array_equal(map_x, again[0]) and np.array_equal(map_y, again[1])
    other = elastic_field(_elastic_drawn(50, 4, seed=2), (30, 20))
    assert not np.array_equal(map_x, other[0])
    # dx and dy are independent fields, not one field used twice.
    dx = map_x - np.arange(20)
    dy = map_y - np.arange(30)[:, None]
    assert abs(np.corrcoef(dx.ravel(), dy.ravel())[0, 1]) < 0.5


def test_elastic_pixels_follow_elastic_field(ramp):
    out, d = run("elastic", ramp, seed=4, alpha=300.0, sigma=8.0)
    map_x, map_y = elastic_field(d, ramp.shape)
    expected = cv2.remap(ramp, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT_101)
    assert np.array_equal(out, expected)


@pytest.mark.parametrize("sigma", [4.0, 12.0, 30.0])
def test_elastic_displacement_matches_simards_scaling(sigma):
    # Uniform(-1, 1) noise blurred by a Gaussian of width sigma has a spread of 0.163 / sigma;
    # alpha scales it. This also holds when the field is drawn at reduced resolution.
    alpha = 10.0 * sigma
    spreads = []
    for seed in range(4):
        map_x, map_y = elastic_field(_elastic_drawn(alpha, sigma, seed), (384, 384))
        dx = map_x - np.arange(384)
        spreads.append(dx[48:-48, 48:-48].std())
    expected = alpha * math.sqrt(1 / 3) / (2 * math.sqrt(math.pi) * sigma)
    assert np.mean(spreads) == pytest.approx(expected, rel=0.15)


def test_elastic_larger_sigma_is_smoother():
    def roughness(sigma):
        map_x, _ = elastic_field(_elastic_drawn(10.0 * sigma, sigma), (256, 256))
        dx = map_x - np.arange(256)
        return np.abs(np.diff(dx, axis=1)).mean() / dx.std()

    assert roughness(4.0) > 2 * roughness(16.0)


def test_elastic_actually_moves_pixels(astronaut):
    out, _ = run("elastic", astronaut)
    assert not np.array_equal(out, astronaut)
    assert np.abs(out.astype(int) - astronaut).mean() > 2


# --------------------------------------------------------------------------------------------
# grid distortion


def _grid_drawn(x_steps, y_steps, normalized=True):
    return {"x_steps": x_steps, "y_steps": y_steps, "num_steps": len(x_steps),
            "normalized": normalized, "interpolation": "linear", "border_mode": "constant", "fill": 0}


def test_grid_without_distortion_is_the_identity(ramp):
    out, d = run("grid_distortion", ramp, distort_limit=fixed(0.0))
    assert d["x_steps"] == [1.0] * 5 and d["y_steps"] == [1.0] * 5
    assert np.array_equal(out, ramp)


def test_grid_draws_one_stretch_per_cell_in_range(ramp):
    for seed in range(10):
        _, d = run("grid_distortion", ramp, seed, num_steps=7, distort_limit=(-0.4, 0.2))
        assert len(d["x_steps"]) == len(d["y_steps"]) == 7
        assert all(0.6 <= s <= 1.2 for s in d["x_steps"] + d["y_steps"])


def test_grid_maps_stretch_the_cells_as_drawn():
    # Two columns: the left one shows 1.5 cell widths of input, the right one 0.5.
    map_x, map_y = grid_distortion_maps(_grid_drawn([1.5, 0.5], [1.0, 1.0]), (4, 8))
    # Output pixel 3 (centre 3.5 in edge coordinates) reads 3.5 * 1.5 = 5.25, i.e. pixel 4.75.
    assert map_x[0, 3] == pytest.approx(4.75)
    assert map_x[0, 4] == pytest.approx(5.75)  # 6 + 0.5 * 0.5 - 0.5
    assert np.allclose(map_y, np.arange(4)[:, None])  # rows untouched
    assert (map_x == map_x[0]).all()  # separable: every row reads the same columns


def test_grid_normalized_keeps_the_whole_image_in_view():
    rng = np.random.default_rng(0)
    for _ in range(20):
        steps = (1 + rng.uniform(-1, 1, 6)).tolist()
        map_x, _ = grid_distortion_maps(_grid_drawn(steps, steps), (30, 50))
        row = map_x[0]
        assert row[0] >= -0.5 and row[-1] <= 49.5
        assert (np.diff(row) >= 0).all()  # never folds back


def test_grid_unnormalized_can_shrink_the_content():
    map_x, _ = grid_distortion_maps(_grid_drawn([0.5] * 4, [1.0] * 4, normalized=False), (8, 8))
    assert np.allclose(map_x[0], (np.arange(8) + 0.5) * 0.5 - 0.5)


def test_grid_with_more_cells_than_pixels():
    image = np.random.default_rng(0).integers(0, 256, (7, 5, 3), dtype=np.uint8)
    out, d = run("grid_distortion", image, num_steps=30, distort_limit=(-1.0, 1.0))
    map_x, map_y = grid_distortion_maps(d, image.shape)
    assert map_x.shape == map_y.shape == (7, 5)
    assert map_x.min() >= -0.5 and map_x.max() <= 4.5
    assert out.shape == image.shape


def test_grid_all_zero_stretches_fall_back_to_identity():
    map_x, map_y = grid_distortion_maps(_grid_drawn([0.0] * 3, [0.0] * 3), (6, 9))
    assert np.allclose(map_x, np.arange(9)) and np.allclose(map_y, np.arange(6)[:, None])


def test_grid_pixels_follow_grid_distortion_maps(ramp):
    out, d = run("grid_distortion", ramp, seed=6, distort_limit=(-0.5, 0.5))
    map_x, map_y = grid_distortion_maps(d, ramp.shape)
    assert np.array_equal(out, cv2.remap(ramp, map_x, map_y, cv2.INTER_LINEAR))


# --------------------------------------------------------------------------------------------
# remap ops run in row strips: a large image must come out exactly as one whole-image remap


@pytest.mark.parametrize("name", ["elastic", "grid_distortion"])
@pytest.mark.parametrize("gray", [False, True])
@pytest.mark.parametrize("interpolation", ["linear", "cubic", "nearest"])
def test_strips_equal_one_whole_remap(astronaut, name, gray, interpolation):
    image = np.ascontiguousarray(astronaut[:301, :, 1] if gray else astronaut[:301])  # 301: odd strip
    out, d = run(name, image, seed=8, interpolation=interpolation, border_mode="constant", fill=33)
    maps = elastic_field(d, image.shape) if name == "elastic" else grid_distortion_maps(d, image.shape)
    flags = {"linear": cv2.INTER_LINEAR, "cubic": cv2.INTER_CUBIC, "nearest": cv2.INTER_NEAREST}
    fill = 33 if gray else (33, 33, 33)
    expected = cv2.remap(image, *maps, flags[interpolation], borderMode=cv2.BORDER_CONSTANT,
                         borderValue=fill)
    assert np.array_equal(out, expected)


# --------------------------------------------------------------------------------------------
# the per-thread RGBA scratch buffer must be invisible


def test_scratch_reuse_is_invisible_across_sizes_and_threads(astronaut, ramp):
    from concurrent.futures import ThreadPoolExecutor

    jobs = [(name, image, seed) for name in WARPS for image in (astronaut, ramp)
            for seed in range(3)]
    expected = [run(name, image, seed)[0] for name, image, seed in jobs]
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda job: run(*job)[0], jobs * 3))
    for i, out in enumerate(results):
        assert np.array_equal(out, expected[i % len(jobs)])


def test_images_above_the_scratch_limit_use_a_fresh_buffer(monkeypatch, ramp):
    from augview.ops import common

    expected = [run(name, ramp, 5)[0] for name in WARPS]
    monkeypatch.setattr(common, "_SCRATCH_BYTES", 0)
    for name, before in zip(WARPS, expected):
        assert np.array_equal(run(name, ramp, 5)[0], before)
