"""Behaviour of the weather and lighting ops (augview/ops/photometric/weather.py and
sun_flare.py): random_shadow, random_fog, random_rain and random_sun_flare."""

import itertools
import json
import math
import os
import re

import cv2
import numpy as np
import pytest

from augview import CATALOG, get_op
from augview.ops.photometric.sun_flare import circle_opacities, sun_glow
from augview.ops.photometric.weather import disc_counts, fog_blur_size, fog_particles, rain_drop_lines

os.environ.setdefault("NO_ALBUMENTATIONS_UPDATE", "1")  # no version check over the network

WEATHER = ("random_shadow", "random_fog", "random_rain", "random_sun_flare")


def shadow_mask(shadow: dict, shape: tuple) -> np.ndarray:
    """uint8 (H, W): 255 inside one drawn shadow's polygon, 0 elsewhere, filled over the whole
    image: the reference that the op's fill of the polygon's bounding box must agree with."""
    mask = np.zeros(shape[:2], np.uint8)
    cv2.fillPoly(mask, [np.asarray(shadow["vertices"], np.int32).reshape(-1, 2)], 255)
    return mask
H, W = 200, 240


@pytest.fixture(scope="module")
def photo(astronaut):
    return np.ascontiguousarray(astronaut[::2, ::2][:H, :W])


def run(name, image, seed=0, **params):
    return get_op(name).run(image, np.random.default_rng(seed), params)


def flat(level, shape=(H, W, 3)):
    return np.full(shape, level, dtype=np.uint8)


def luma(image):
    return image.astype(np.float64) if image.ndim == 2 else image.astype(np.float64) @ [0.299, 0.587, 0.114]


# ------------------------------------------------------------------------------- every op


@pytest.mark.parametrize("name", WEATHER)
def test_colour_ops_that_only_change_the_light(name):
    op = CATALOG[name]
    assert op.category == "color"
    assert op.caption is not None and op.sample is not None


@pytest.mark.parametrize("name", WEATHER)
def test_same_seed_same_image_other_seed_other_image(name, photo):
    first, drawn = run(name, photo, 7)
    again, drawn_again = run(name, photo, 7)
    assert drawn == drawn_again and np.array_equal(first, again)
    replayed = get_op(name).apply(photo, json.loads(json.dumps(drawn)))
    assert np.array_equal(replayed, first)
    others = [run(name, photo, seed)[0] for seed in (8, 9, 10)]
    assert any(not np.array_equal(first, other) for other in others)


@pytest.mark.parametrize("name", WEATHER)
def test_a_grey_image_gets_what_an_rgb_image_of_the_same_grey_gets(name, photo):
    """Shadows, fog and rain treat the channels alike, so a grey image gives exactly each channel
    of the same grey stacked three times; the flare's circles are tinted, and a grey image gets
    their grey level (luma), within the rounding of the blends."""
    grey = np.ascontiguousarray(photo[..., 1])
    rgb = np.ascontiguousarray(np.dstack([grey] * 3))
    for seed in range(3):
        out_grey, drawn_grey = run(name, grey, seed)
        out_rgb, drawn_rgb = run(name, rgb, seed)
        assert drawn_grey == drawn_rgb
        assert out_grey.shape == grey.shape and out_grey.dtype == np.uint8
        if name == "random_sun_flare":
            assert np.abs(luma(out_rgb) - out_grey).max() <= 2
            continue
        for channel in range(3):
            np.testing.assert_array_equal(out_rgb[..., channel], out_grey)


@pytest.mark.parametrize("name, caption", [
    ("random_shadow", r"random_shadow \d+ shadows?, (\d+%(/\d+%)*|\d+-\d+%) darker"),
    ("random_fog", r"random_fog fog 0\.\d\d"),
    ("random_rain", r"random_rain \d+ drops?, slant -?\d+\.\d°"),
    ("random_sun_flare", r"random_sun_flare flare at \(\d+, \d+\), \d+ circles?"),
])
def test_captions_say_what_was_drawn(name, caption, photo):
    for seed in range(5):
        _, drawn = run(name, photo, seed)
        assert re.fullmatch(caption, get_op(name).label(drawn)), get_op(name).label(drawn)


def test_a_shadow_caption_stays_short():
    shadows = [{"intensity": i, "vertices": [[0, 0]]} for i in (0.5, 0.5, 0.3, 0.8)]
    label = get_op("random_shadow").label
    assert label({"num_shadows": 1, "shadows": shadows[:1]}) == "random_shadow 1 shadow, 50% darker"
    assert label({"num_shadows": 2, "shadows": shadows[:2]}) == "random_shadow 2 shadows, 50% darker"
    assert label({"num_shadows": 3, "shadows": shadows[1:]}) == "random_shadow 3 shadows, 50%/30%/80% darker"
    assert label({"num_shadows": 4, "shadows": shadows}) == "random_shadow 4 shadows, 30-80% darker"


# ------------------------------------------------------------------------------- random_shadow


def test_shadows_only_darken_and_only_inside_their_polygons(photo):
    for seed in range(12):
        out, drawn = run("random_shadow", photo, seed, num_shadows_limit=(1, 4), shadow_intensity_limit=(0.2, 0.9))
        assert 1 <= drawn["num_shadows"] <= 4 and len(drawn["shadows"]) == drawn["num_shadows"]
        inside = np.zeros((H, W), bool)
        factor = np.ones((H, W))
        for shadow in drawn["shadows"]:
            assert 0.2 <= shadow["intensity"] <= 0.9 and len(shadow["vertices"]) == 5
            mask = shadow_mask(shadow, photo.shape) > 0
            inside |= mask
            factor[mask] *= 1 - shadow["intensity"]
        assert inside.any()
        np.testing.assert_array_equal(out[~inside], photo[~inside])  # untouched outside
        assert np.all(out <= photo)  # never brighter
        # inside: every value times (1 - intensity) of each shadow over it, rounded once per shadow
        expected = photo * factor[..., None]
        assert np.abs(out[inside] - expected[inside]).max() <= 0.5 * len(drawn["shadows"]) + 1e-9


def test_shadow_corners_lie_in_the_region_and_go_round_their_centre():
    shape = (100, 200, 3)
    for seed in range(20):
        _, drawn = run("random_shadow", flat(200, shape), seed, roi_x=(0.25, 0.5), roi_y=(0.6, 0.9),
                       shadow_dimension=7)
        for shadow in drawn["shadows"]:
            xs, ys = np.array(shadow["vertices"]).T
            assert xs.min() >= round(0.25 * 199) and xs.max() <= round(0.5 * 199)
            assert ys.min() >= round(0.6 * 99) and ys.max() <= round(0.9 * 99)
            angles = np.arctan2(ys - ys.mean(), xs - xs.mean())
            assert np.all(np.diff(angles) >= 0)  # one loop round the centre: no crossing edges
    # the default region is the lower half
    _, drawn = run("random_shadow", flat(200, shape), 3)
    assert all(y >= 49 for shadow in drawn["shadows"] for _, y in shadow["vertices"])


def test_shadow_intensity_ends():
    image = flat(180, (60, 80, 3))
    out, _ = run("random_shadow", image, 1, shadow_intensity_limit=(0.0, 0.0))
    np.testing.assert_array_equal(out, image)
    out, drawn = run("random_shadow", image, 1, shadow_intensity_limit=(1.0, 1.0), num_shadows_limit=(1, 1))
    mask = shadow_mask(drawn["shadows"][0], image.shape) > 0
    assert np.all(out[mask] == 0) and np.all(out[~mask] == 180)


def test_shadows_match_albumentations_add_shadow(photo):
    """The same polygons and intensities through albumentations' own function: within a level per
    shadow (it truncates, augview rounds)."""
    pytest.importorskip("albumentations")
    from albumentations.augmentations.pixel import functional as F

    for seed in range(4):
        out, drawn = run("random_shadow", photo, seed, num_shadows_limit=(2, 3), shadow_intensity_limit=(0.3, 0.8))
        theirs = F.add_shadow(photo, [np.array(s["vertices"]) for s in drawn["shadows"]],
                              np.array([s["intensity"] for s in drawn["shadows"]]))
        assert np.abs(out.astype(int) - theirs).max() <= len(drawn["shadows"])


# ---------------------------------------------------------------------------------- random_fog


def test_fog_brightens_towards_white_and_flattens_contrast_more_when_denser(photo):
    gains, spreads = [], []
    for coef in (0.2, 0.5, 0.9):
        outs = [get_op("random_fog").apply(photo, {"fog_coef": coef, "alpha_coef": 0.1, "noise_seed": s})
                for s in range(4)]
        gains.append(np.mean([luma(o).mean() - luma(photo).mean() for o in outs]))
        spreads.append(np.mean([luma(o).std() for o in outs]))
        for out in outs:  # towards white: a pixel never ends darker than its blurred self
            size = fog_blur_size(photo.shape)
            assert np.all(out.astype(int) >= cv2.GaussianBlur(photo, (size, size), 0).astype(int) - 1)
    assert 0 < gains[0] < gains[1] < gains[2]
    assert luma(photo).std() > spreads[0] > spreads[1] > spreads[2]
    assert gains[2] > 20 and spreads[2] < 0.85 * luma(photo).std()


def test_fog_is_thickest_in_the_middle():
    image = flat(60)
    gain = np.mean([luma(run("random_fog", image, s, fog_coef_limit=(0.7, 0.7))[0]) - 60 for s in range(4)], axis=0)
    middle = gain[H // 2 - 20:H // 2 + 20, W // 2 - 20:W // 2 + 20].mean()
    corners = np.mean([gain[:20, :20].mean(), gain[:20, -20:].mean(), gain[-20:, :20].mean(), gain[-20:, -20:].mean()])
    assert middle > 2 * corners + 5


def test_no_fog_leaves_only_the_blur(photo):
    size = fog_blur_size(photo.shape)
    blurred = cv2.GaussianBlur(photo, (size, size), 0)
    for drawn in ({"fog_coef": 0.0, "alpha_coef": 0.08, "noise_seed": 1},
                  {"fog_coef": 0.7, "alpha_coef": 0.0, "noise_seed": 1}):
        np.testing.assert_array_equal(get_op("random_fog").apply(photo, drawn), blurred)
    assert fog_blur_size((200, 240)) == 7 and fog_blur_size((40, 40)) == 3 and fog_blur_size((512, 512)) == 17


def test_disc_counts_count_every_disc_over_each_pixel():
    rng = np.random.default_rng(0)
    shape = (37, 53)
    x, y = rng.integers(-10, 63, 80), rng.integers(-10, 47, 80)
    radius = rng.integers(1, 12, 80)
    rows, cols = np.mgrid[:shape[0], :shape[1]]
    expected = sum(((cols - cx) ** 2 + (rows - cy) ** 2 <= r * r).astype(int) for cx, cy, r in zip(x, y, radius))
    np.testing.assert_array_equal(disc_counts(x, y, radius, shape), expected)
    assert not disc_counts(x[:0], y[:0], radius[:0], shape).any()


def test_fog_is_the_discs_blended_one_by_one(photo):
    """Counting discs gives what blending the discs into the image one after another gives."""
    image = np.ascontiguousarray(photo[:60, :80])
    drawn = {"fog_coef": 0.6, "alpha_coef": 0.15, "noise_seed": 4}
    x, y, radius = fog_particles(4, image.shape, 0.6)
    assert len(x) > 100
    rows, cols = np.mgrid[:60, :80]
    alpha = 0.15 * 0.6
    slow = image.astype(np.float64)
    for cx, cy, r in zip(x, y, radius):
        disc = (cols - cx) ** 2 + (rows - cy) ** 2 <= r * r
        slow[disc] += alpha * (255 - slow[disc])
    size = fog_blur_size(image.shape)
    expected = cv2.GaussianBlur(np.rint(slow).astype(np.uint8), (size, size), 0)
    assert np.abs(get_op("random_fog").apply(image, drawn).astype(int) - expected).max() <= 1


def test_fog_particles_follow_albumentations_scheme():
    x, y, radius = fog_particles(0, (512, 512), 1.0)
    # regions of 512, 460, 414... px down to one third of the width, 10 particles each per side**2
    side = 512 // 3
    counts, region = 0, 512
    for _ in range(10):  # at most 10 regions
        if region <= side:
            break
        counts += int(region * region / side**2 * 10)
        region = int(region * 0.9)
    assert len(x) == counts
    assert radius.min() >= 25 and radius.max() < 51  # a tenth of the side, down to half of it
    assert abs(x.mean() - 255) < 15 and abs(y.mean() - 255) < 15


def test_fog_matches_albumentations_add_fog_for_the_same_particles(photo):
    pytest.importorskip("albumentations")
    from albumentations.augmentations.pixel import functional as F

    for coef in (0.3, 0.9):
        x, y, radius = fog_particles(5, photo.shape, coef)
        ours = get_op("random_fog").apply(photo, {"fog_coef": coef, "alpha_coef": 0.08, "noise_seed": 5})
        theirs = F.add_fog(photo, coef, 0.08, list(zip(x.tolist(), y.tolist())), radius.tolist())
        assert np.abs(ours.astype(int) - theirs).max() <= 3


# --------------------------------------------------------------------------------- random_rain


def rain(image, **drawn):
    values = {"slant": 0.0, "drop_length": 20, "num_drops": 10, "noise_seed": 0, "drop_width": 1,
              "drop_color": 255, "blur_value": 1, "brightness_coefficient": 1.0, **drawn}
    return get_op("random_rain").apply(image, values), values


@pytest.mark.parametrize("slant", [-30.0, -8.0, 0.0, 12.0, 40.0])
def test_a_drop_is_a_streak_of_its_length_along_the_slant(slant):
    black = flat(0, (120, 160))
    for seed in range(50):  # a drop that does not leave the image at the side
        out, drawn = rain(black, slant=slant, drop_length=60, num_drops=1, noise_seed=seed)
        if 0 <= rain_drop_lines(drawn, black.shape)[0, 1, 0] < 160:
            break
    rows, cols = np.nonzero(out)
    assert set(np.unique(out)) == {0, 255}
    # the principal axis of the lit pixels leans by the slant from the vertical, lower end to the
    # right for a positive slant
    points = np.stack([cols, rows], axis=1).astype(float)
    _, vectors = np.linalg.eigh(np.cov(points.T))
    dx, dy = vectors[:, -1] * np.sign(vectors[1, -1] or 1)
    assert math.degrees(math.atan2(dx, dy)) == pytest.approx(slant, abs=2.0)
    (top, bottom), = rain_drop_lines(drawn, black.shape)
    assert math.hypot(*(bottom - top)) == pytest.approx(60, abs=1)
    assert np.hypot(cols - cols.mean(), rows - rows.mean()).max() == pytest.approx(30, abs=2)


def test_rain_draws_the_drawn_number_of_drops_where_the_seed_puts_them():
    black = flat(0, (150, 200))
    out, drawn = rain(black, slant=15.0, num_drops=25, noise_seed=11)
    lines = rain_drop_lines(drawn, black.shape)
    assert lines.shape == (25, 2, 2)
    expected = np.zeros_like(black)
    for (top, bottom) in lines:
        cv2.line(expected, tuple(map(int, top)), tuple(map(int, bottom)), 255, 1, cv2.LINE_4)
    np.testing.assert_array_equal(out, expected)
    # upper ends leave room for the drop below them
    assert lines[:, 0, 1].max() < 150 - 20 and lines[:, 0, 0].max() < 200
    # as many streaks as drops, give or take the ones that touch
    count, _ = cv2.connectedComponents(out, connectivity=8)
    assert 20 <= count - 1 <= 25


def test_rain_type_sets_the_drop_count_and_length_defaults_to_an_eighth_of_the_height():
    image = flat(90, (96, 64, 3))
    for rain_type, drops in [("drizzle", 24), ("default", 32), ("heavy", 96), ("torrential", 192)]:
        _, drawn = run("random_rain", image, 0, rain_type=rain_type)
        assert drawn["num_drops"] == drops and drawn["drop_length"] == 12
    _, drawn = run("random_rain", image, 0, drop_length=30)
    assert drawn["drop_length"] == 30


def test_rain_brightens_streaks_then_darkens_everything_by_the_coefficient(photo):
    out, _ = run("random_rain", photo, 2, brightness_coefficient=0.6, rain_type="heavy")
    darker = np.rint(photo * 0.6)
    assert np.all(out >= darker - 1e-9)  # rain only adds before the darkening
    streaks = (out - darker).max(axis=2) > 0
    assert 0.05 < streaks.mean() < 0.9
    # without drops, only the coefficient acts
    out, _ = run("random_rain", photo, 2, brightness_coefficient=0.6, drop_color=0)
    np.testing.assert_array_equal(out, cv2.convertScaleAbs(photo, alpha=0.6))
    # blur spreads a streak sideways
    black = flat(0, (80, 80))
    sharp, _ = rain(black, num_drops=1, noise_seed=1)
    soft, _ = rain(black, num_drops=1, noise_seed=1, blur_value=5)
    assert np.count_nonzero(soft) > 3 * np.count_nonzero(sharp) and soft.max() < sharp.max()


def test_rain_matches_albumentations_add_rain_when_upright(photo):
    """With no slant, albumentations' pixel offset and augview's angle agree: same drops, same
    pixels within a level."""
    pytest.importorskip("albumentations")
    from albumentations.augmentations.pixel import functional as F

    out, drawn = run("random_rain", photo, 3, slant_limit=(0.0, 0.0))
    lines = rain_drop_lines(drawn, photo.shape)
    theirs = F.add_rain(photo, 0.0, drawn["drop_length"], drawn["drop_width"], (200, 200, 200),
                        drawn["blur_value"], drawn["brightness_coefficient"], lines[:, 0].astype(np.int32))
    assert np.abs(out.astype(int) - theirs).max() <= 1


# ---------------------------------------------------------------------------- random_sun_flare


def flare_circles_mask(drawn, shape):
    mask = np.zeros(shape[:2], np.uint8)
    for circle in drawn["circles"]:
        cv2.circle(mask, tuple(circle["center"]), circle["radius"], 255, -1)
    return mask > 0


def test_the_flare_brightens_around_its_centre_more_than_far_away():
    image = flat(60)
    rows, cols = np.mgrid[:H, :W]
    for seed in range(6):
        out, drawn = run("random_sun_flare", image, seed, src_radius=150)
        cx, cy = drawn["center"]
        assert 0 <= cx < W and 0 <= cy <= H // 2  # the default region: the top half
        gain = luma(out) - 60
        assert np.all(gain >= 0)  # white light only adds
        distance = np.hypot(cols - cx, rows - cy)
        clear = ~flare_circles_mask(drawn, image.shape)
        # beyond the glow's radius, only the circles change anything
        assert not gain[(distance > 151) & clear].any()
        rings = [gain[(distance >= low) & (distance < low + 15) & clear] for low in (0, 30, 60, 90, 120)]
        rings = [ring.mean() for ring in rings if ring.size]  # a circle may cover a whole ring
        assert len(rings) >= 3 and rings[0] > 5  # at the least, m = 0.25: about 6% of the way to white
        assert all(inner >= outer for inner, outer in itertools.pairwise(rings)) and rings[0] > 2 * rings[-1]


def test_the_flare_takes_the_suns_colour_and_circles_their_own():
    image = flat(100)
    out, drawn = run("random_sun_flare", image, 5, color_red=255, color_green=160, color_blue=0, src_radius=200)
    cx, cy = drawn["center"]
    near = out[max(0, cy - 2):cy + 3, max(0, cx - 2):cx + 3].reshape(-1, 3).astype(int)
    assert np.all(near[:, 0] > 100) and np.all(near[:, 2] < 100)  # towards orange
    for circle in drawn["circles"]:
        red, green, blue = circle["color"]
        assert 204 <= red <= 255 and 109 <= green <= 160 and blue == 0  # up to 20% of 255 below
        assert 0.05 <= circle["alpha"] <= 0.2 and circle["radius"] >= 1
    assert drawn["color"] == [255, 160, 0]


def test_flare_circles_lie_on_a_line_through_the_sun_at_the_drawn_angle():
    image = flat(0, (300, 400, 3))
    for seed in range(6):
        _, drawn = run("random_sun_flare", image, seed, angle_limit=(30.0, 30.0), num_circles_limit=(12, 12))
        cx, cy = drawn["center"]
        assert drawn["angle"] == 30.0 and len(drawn["circles"]) == 12
        for circle in drawn["circles"]:
            x, y = circle["center"]
            # on the line: the offset from the sun is parallel to (cos 30°, sin 30°)
            assert abs((x - cx) * math.sin(math.radians(30)) - (y - cy) * math.cos(math.radians(30))) <= 1.0
            assert circle["radius"] in {1, 5, 16, 38, 75}  # (k / 5)**3 of a quarter of 300


def test_circle_opacities_and_glow_follow_albumentations_blending():
    circles = [{"alpha": 0.1, "radius": 10}, {"alpha": 0.2, "radius": 30}, {"alpha": 0.05, "radius": 5}]
    # the first circle is blended again by each later one
    assert circle_opacities(circles) == pytest.approx([1 - 0.9 * 0.8 * 0.95, 1 - 0.8 * 0.95, 0.05])
    glow = sun_glow(200, circles)
    assert glow.shape == (256,) and glow.dtype == np.uint8
    assert glow[-1] == 255 and np.all(np.diff(glow.astype(int)) >= 0)  # fades out towards the radius
    # m = 5 * (0.1 * 10 + 0.2 * 30 + 0.05 * 5) / 45 = 0.806: the centre keeps the product of its rings
    strength = 5 * (1 + 6 + 0.25) / 45
    rings = 20
    centre = np.prod(1 - (strength * np.linspace(1, 0, rings)) ** 3)
    assert glow[0] == round(255 * centre)
    assert sun_glow(200, [{"alpha": 0.2, "radius": 9}])[0] == 0  # m = 1: the sun's colour at the centre


def test_sun_flare_glow_is_albumentations_overlay_sun_on_average(photo):
    pytest.importorskip("albumentations")
    from albumentations.augmentations.pixel import functional as F

    for alpha, radius in [(0.1, 150), (0.2, 100), (0.15, 400)]:
        far = {"alpha": alpha, "center": [-5000, -5000], "radius": 8, "color": [255, 255, 255]}
        drawn = {"center": [120, 50], "angle": 0.0, "num_circles": 1, "circles": [far], "src_radius": radius,
                 "color": [255, 255, 255]}
        ours = get_op("random_sun_flare").apply(photo, drawn)
        theirs = F.add_sun_flare_overlay(photo, (120, 50), radius, (255, 255, 255),
                                         [(alpha, (-5000, -5000), 8, (255, 255, 255))])
        gain_ours, gain_theirs = (ours.astype(int) - photo).mean(), (theirs.astype(int) - photo).mean()
        assert gain_ours == pytest.approx(gain_theirs, rel=0.15)
        assert np.abs(ours.astype(int) - theirs).mean() < 3
