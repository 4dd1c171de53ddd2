"""Weather and lighting: cast shadows, fog and rain (albumentations' RandomShadow, RandomFog and
RandomRain, with their parameters; a region is two ranges, roi_x and roi_y, angles are in degrees,
the rain's colour is one grey level). The sun flare, which shares the blending here, is
`augview.ops.photometric.sun_flare`.

They move no pixel: each one changes the light of the image, so they sit with the colour ops.
Everything random is drawn by `sample`: the shadows' polygons go into the
trace as they are; fog particles and rain drops, hundreds of them, are rebuilt by `apply` from an
integer ``noise_seed`` (the convention of `augview.ops.photometric.noise`).

How each follows albumentations, and where it departs:

- random_shadow: ``shadow_dimension`` corners drawn uniformly in the region, one intensity per
  shadow, pixels inside multiplied by 1 - intensity (overlapping shadows multiply). The corners are
  joined in order of their angle around their centre, so a shadow is one solid blob; albumentations
  joins them in drawn order, and the edges may cross.
- random_fog: albumentations' particles (discs in nested regions shrinking towards the centre,
  radii up to a tenth of the shorter side times the density), each blended with white at
  ``alpha_coef * fog_coef``, then a Gaussian blur of about 1/30 of the shorter side. Blending n
  discs one after the other leaves ``(1 - a) ** n`` of a pixel's distance to white, so `apply`
  counts the discs over each pixel (row spans, one ``bincount`` and a cumulative sum) instead of
  blending the whole image once per disc.
- random_rain: drops ``drop_length`` px long (0: an eighth of the height), as many as a rain type
  gives per row of the image, drawn in one ``cv2.polylines`` call on a grey layer that is
  box-blurred and added to the image, which is then multiplied by ``brightness_coefficient``. The
  slant is an angle from the vertical in degrees, as albumentations documents it (its code shifts
  the drop's lower end by that many pixels instead).
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from augview.ops.photometric.color import LUMA
from augview.core.params import choice_param, float_param, int_param, range_param
from augview.core.randomness import draw_seed, uniform
from augview.core.registry import Op, register
from augview.text import count as plural, tr


def grey_level(color) -> int:
    """The grey level of an RGB colour, weighed as cv2.COLOR_RGB2GRAY does."""
    return round(sum(w * c for w, c in zip(LUMA, color)))


def _pixel_span(fractions, size: int) -> tuple[int, int]:
    """The first and last pixel (inclusive) of a (low, high) range of fractions of a side."""
    low, high = fractions
    return round(low * (size - 1)), round(high * (size - 1))


def _integers(rng: np.random.Generator, low: int, high: int, count: int) -> np.ndarray:
    """``count`` whole numbers uniform in [low, high], always one draw each (like `uniform`)."""
    values = low + (rng.random(count) * (high - low + 1)).astype(np.int64)
    return np.minimum(values, high)


def blend_towards(image: np.ndarray, keep: np.ndarray, color) -> np.ndarray:
    """``color + (image - color) * keep / 255`` per pixel: ``keep`` (uint8, the image's height and
    width) is the share of each pixel that stays, in 255ths; the rest becomes ``color``. Whole
    uint8 passes with OpenCV's rounding: within a grey level of the exact blend."""
    if image.ndim == 3:
        keep = cv2.cvtColor(keep, cv2.COLOR_GRAY2RGB)
    else:
        color = (grey_level(color),)
    if all(c == 255 for c in color):  # towards white: scale the distance to white, 255 - image
        return cv2.bitwise_not(cv2.multiply(cv2.bitwise_not(image), keep, scale=1 / 255))
    target = np.empty_like(image)
    target[...] = np.asarray(color, np.uint8)
    return cv2.add(cv2.multiply(image, keep, scale=1 / 255), cv2.multiply(target, cv2.bitwise_not(keep), scale=1 / 255))


# ------------------------------------------------------------------------------- random_shadow


def _sample_random_shadow(rng, params, shape):
    height, width = shape[:2]
    count = uniform(rng, params["num_shadows_limit"], integer=True)
    x0, x1 = _pixel_span(params["roi_x"], width)
    y0, y1 = _pixel_span(params["roi_y"], height)
    corners = params["shadow_dimension"]
    shadows = []
    for _ in range(count):
        intensity = uniform(rng, params["shadow_intensity_limit"])
        xs, ys = _integers(rng, x0, x1, corners), _integers(rng, y0, y1, corners)
        # Round the centre of the corners: a simple polygon, whose edges never cross.
        order = np.argsort(np.arctan2(ys - ys.mean(), xs - xs.mean()), kind="stable")
        shadows.append({"intensity": intensity, "vertices": [[int(xs[i]), int(ys[i])] for i in order]})
    return {"num_shadows": count, "shadows": shadows}


def _random_shadow(image, drawn):
    out = image.copy()
    height, width = image.shape[:2]
    for shadow in drawn["shadows"]:
        factor = 1.0 - float(shadow["intensity"])
        points = np.asarray(shadow["vertices"], np.int32).reshape(-1, 2)
        if factor >= 1.0 or not len(points):
            continue
        # Only the polygon's bounding box is touched.
        left, top = max(0, int(points[:, 0].min())), max(0, int(points[:, 1].min()))
        right, bottom = min(width, int(points[:, 0].max()) + 1), min(height, int(points[:, 1].max()) + 1)
        if right <= left or bottom <= top:
            continue
        mask = np.zeros((bottom - top, right - left), np.uint8)
        cv2.fillPoly(mask, [points - np.int32([left, top])], 1)  # 1: viewed as bool below
        box = out[top:bottom, left:right]
        dark = cv2.convertScaleAbs(box, alpha=factor)  # x * factor, rounded
        inside = mask.view(bool) if image.ndim == 2 else cv2.cvtColor(mask, cv2.COLOR_GRAY2RGB).view(bool)
        np.copyto(box, dark, where=inside)
    return out


def _shadow_caption(drawn):
    shadows = drawn["shadows"]
    text = plural(len(shadows), tr("{n} shadow"), tr("{n} shadows"))
    values = [round(100 * s["intensity"]) for s in shadows]
    if len(set(values)) == 1:
        percents = f"{values[0]}%"
    elif len(values) <= 3:
        percents = "/".join(f"{v}%" for v in values)
    else:  # a grid caption stays short
        percents = f"{min(values)}-{max(values)}%"
    return tr("{shadows}, {percents} darker").format(shadows=text, percents=percents)


register(Op(
    name="random_shadow",
    category="color",
    description=(
        "Darkens one or a few random polygons, as if a tree, a building or a passing car cast a "
        "shadow over part of the scene; the region says where the shadows may fall (by default the "
        "lower half, the road in a dashcam view). The pixels inside keep their colours, only "
        "darker. Helps outdoor models (driving, drones, crops in a field) not to mistake a shadow "
        "for an object or an edge; hard-edged polygons are cruder than real soft shadows, and a "
        "strong one can black out the object to find."
    ),
    params=(
        range_param("roi_x", (0.0, 1.0), 0, 1, step=0.01, draws="shadows",
                    help="left and right edges of the region the shadows' corners are drawn in, as "
                         "fractions of the width"),
        range_param("roi_y", (0.5, 1.0), 0, 1, step=0.01, draws="shadows",
                    help="top and bottom edges of that region, as fractions of the height (0 is the top)"),
        range_param("num_shadows_limit", (1, 2), 1, 10, step=1, integer=True, draws="num_shadows",
                    help="how many shadows are cast"),
        int_param("shadow_dimension", 5, 3, 20, help="corners of each shadow polygon"),
        range_param("shadow_intensity_limit", (0.5, 0.5), 0, 1, step=0.05, draws="shadows",
                    help="how much darker each shadow makes its pixels: 0 not at all, 0.5 half as "
                         "bright, 1 black; drawn for each shadow"),
    ),
    apply=_random_shadow,
    sample=_sample_random_shadow,
    caption=_shadow_caption,
))


# ---------------------------------------------------------------------------------- random_fog

_FOG_SHRINK = 0.9  # each region of particles is 90% the size of the one before
_FOG_REGIONS = 10


def fog_particles(seed: int, shape: tuple, fog_coef: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(x, y, radius)`` int64 arrays of the fog's discs, rebuilt from ``seed``: albumentations'
    scheme. Up to 10 nested regions around the centre, each 10% smaller, receive
    ``area / side**2 * fog_coef * 10`` particles each (side: a third of the width times fog_coef),
    so the fog is thickest in the middle; radii are drawn in [max / 2, max), max being a tenth of
    the shorter side times fog_coef (at least 2 px)."""
    height, width = shape[:2]
    side = max(1, int(width // 3 * fog_coef))
    cx, cy = int(width / 2 - 0.5), int(height / 2 - 0.5)
    rng = np.random.default_rng(seed)
    xs, ys = [], []
    region_w, region_h = width, height
    for _ in range(_FOG_REGIONS):
        if region_w <= side or region_h <= side:
            break
        count = int(region_w * region_h / (side * side) * fog_coef * 10)
        xs.append(rng.integers(cx - region_w // 2, cx + region_w // 2 + 1, count))
        ys.append(rng.integers(cy - region_h // 2, cy + region_h // 2 + 1, count))
        region_w, region_h = int(region_w * _FOG_SHRINK), int(region_h * _FOG_SHRINK)
    x = np.concatenate(xs) if xs else np.zeros(0, np.int64)
    y = np.concatenate(ys) if ys else np.zeros(0, np.int64)
    largest = max(2, int(min(height, width) * 0.1 * fog_coef))
    radius = rng.integers(max(1, largest // 2), largest, len(x))
    return x, y, radius


def disc_counts(x: np.ndarray, y: np.ndarray, radius: np.ndarray, shape: tuple) -> np.ndarray:
    """int32 (H, W): how many of the filled discs (centre x, y, radius, all int) cover each pixel.

    Every row of every disc is one span [x - half, x + half], half = floor(sqrt(r**2 - dy**2)):
    +1 where a span starts and -1 just after it ends, counted with ``bincount`` and summed along
    the rows. The cost follows the discs' rows, not their area."""
    height, width = shape[:2]
    rows = 2 * radius + 1
    disc = np.repeat(np.arange(len(x)), rows)
    first = np.cumsum(rows) - rows
    dy = np.arange(int(rows.sum())) - np.repeat(first + radius, rows)
    r = radius[disc]
    half = np.floor(np.sqrt((r * r - dy * dy).astype(np.float64))).astype(np.int64)
    row = y[disc] + dy
    start = np.clip(x[disc] - half, 0, width)
    stop = np.clip(x[disc] + half + 1, 0, width)
    live = (row >= 0) & (row < height) & (start < stop)
    row, start, stop = row[live], start[live], stop[live]
    stride = width + 1  # a stop may sit just past the last column
    size = height * stride
    edges = np.bincount(row * stride + start, minlength=size) - np.bincount(row * stride + stop, minlength=size)
    return np.cumsum(edges.reshape(height, stride)[:, :width], axis=1, dtype=np.int32)


def fog_blur_size(shape: tuple) -> int:
    """Side of the final Gaussian blur: a thirtieth of the shorter side, odd, at least 3."""
    size = max(3, min(shape[:2]) // 30)
    return size | 1


def _sample_random_fog(rng, params, shape):
    return {"fog_coef": uniform(rng, params["fog_coef_limit"]), "alpha_coef": params["alpha_coef"],
            "noise_seed": draw_seed(rng)}


def _random_fog(image, drawn):
    fog_coef = float(drawn["fog_coef"])
    alpha = float(drawn["alpha_coef"]) * fog_coef
    out = image
    if alpha > 0:
        x, y, radius = fog_particles(drawn["noise_seed"], image.shape, fog_coef)
        counts = np.minimum(disc_counts(x, y, radius, image.shape), 255).astype(np.uint8)
        # n discs blended with white at alpha keep (1 - alpha) ** n of the distance to white (in
        # 255ths, looked up by count; more than 255 discs count as 255).
        table = np.rint(255.0 * (1.0 - alpha) ** np.arange(256)).astype(np.uint8)
        out = blend_towards(image, cv2.LUT(counts, table), (255, 255, 255))
    size = fog_blur_size(image.shape)
    return cv2.GaussianBlur(out, (size, size), 0)


register(Op(
    name="random_fog",
    category="color",
    description=(
        "Lays a patchy white haze over the image, thickest in the middle, then softens it all "
        "with a slight blur: distant details fade, colours wash out towards white and contrast "
        "drops, as in fog, mist or smog. A higher fog coefficient gives denser, larger patches. "
        "Helps outdoor models (driving, surveillance, drones) that must work in bad weather; heavy "
        "fog can hide small or faint objects entirely, and on indoor or microscope images it "
        "imitates nothing real."
    ),
    params=(
        range_param("fog_coef_limit", (0.3, 1.0), 0, 1, step=0.01, draws="fog_coef",
                    help="density of the fog, drawn from this range: larger, more opaque and more "
                         "concentrated patches"),
        float_param("alpha_coef", 0.08, 0, 1, step=0.01,
                    help="opacity of one fog patch at density 1 (it is multiplied by the density); "
                         "overlapping patches add up"),
    ),
    apply=_random_fog,
    sample=_sample_random_fog,
    caption=lambda d: tr("fog {coef}").format(coef=f"{d['fog_coef']:.2f}"),
))


# --------------------------------------------------------------------------------- random_rain

RAIN_TYPES = ("drizzle", "default", "heavy", "torrential")


def rain_drop_count(rain_type: str, height: int) -> int:
    """Drops per image, as albumentations counts them from the image height."""
    return {"drizzle": height // 4, "heavy": height, "torrential": 2 * height}.get(rain_type, height // 3)


def rain_drop_lines(drawn: dict, shape: tuple) -> np.ndarray:
    """int32 (num_drops, 2, 2): each drop's upper and lower end as (x, y), rebuilt from the seed.
    Upper ends are uniform over the width and over the rows that leave room for the drop; the
    lower end is ``drop_length`` px away along the slant (degrees from the vertical, positive to
    the right)."""
    height, width = shape[:2]
    length = int(drawn["drop_length"])
    rng = np.random.default_rng(drawn["noise_seed"])
    count = int(drawn["num_drops"])
    x = rng.integers(0, width, count)
    y = rng.integers(0, max(1, height - length), count)
    slant = math.radians(float(drawn["slant"]))
    top = np.stack([x, y], axis=1)
    bottom = np.rint(top + [length * math.sin(slant), length * math.cos(slant)])
    return np.stack([top, bottom], axis=1).astype(np.int32)


def _sample_random_rain(rng, params, shape):
    height = shape[0]
    return {
        "slant": uniform(rng, params["slant_limit"]),
        "drop_length": int(params["drop_length"]) or max(1, height // 8),
        "num_drops": rain_drop_count(params["rain_type"], height),
        "noise_seed": draw_seed(rng),
        "drop_width": params["drop_width"],
        "drop_color": params["drop_color"],
        "blur_value": params["blur_value"],
        "brightness_coefficient": params["brightness_coefficient"],
    }


def _random_rain(image, drawn):
    layer = np.zeros(image.shape[:2], np.uint8)
    if drawn["num_drops"] > 0 and drawn["drop_color"] > 0:
        cv2.polylines(layer, rain_drop_lines(drawn, image.shape), False, int(drawn["drop_color"]),
                      int(drawn["drop_width"]), lineType=cv2.LINE_4)
        if drawn["blur_value"] > 1:
            cv2.blur(layer, (int(drawn["blur_value"]),) * 2, dst=layer)
    if image.ndim == 3:
        layer = cv2.cvtColor(layer, cv2.COLOR_GRAY2RGB)
    out = cv2.add(image, layer)  # saturated at 255
    factor = float(drawn["brightness_coefficient"])
    return out if factor == 1.0 else cv2.convertScaleAbs(out, alpha=factor)  # rounded


def _rain_caption(drawn):
    drops = plural(drawn["num_drops"], tr("{n} drop"), tr("{n} drops"))
    return tr("{drops}, slant {slant}°").format(drops=drops, slant=f"{drawn['slant']:.1f}")


register(Op(
    name="random_rain",
    category="color",
    description=(
        "Draws slanted streaks of rain over the image, softens them with a blur and darkens the "
        "whole picture, as a camera sees a scene through falling rain under a grey sky. The slant "
        "imitates wind, the rain type sets how many drops fall. Helps outdoor models (driving, "
        "traffic and security cameras) keep working in bad weather; dense or long drops hide "
        "small objects and fine texture, and rain is out of place indoors or under a microscope."
    ),
    params=(
        range_param("slant_limit", (-10.0, 10.0), -45, 45, step=1, unit="°", draws="slant",
                    help="angle of the drops from the vertical, drawn once per image: negative leans "
                         "their lower ends to the left, positive to the right"),
        int_param("drop_length", 0, 0, 300, unit="px",
                  help="length of each drop; 0: an eighth of the image height"),
        int_param("drop_width", 1, 1, 5, unit="px", help="thickness of each drop"),
        int_param("drop_color", 200, 0, 255,
                  help="grey level of the drops, blurred with them and then added to the image"),
        int_param("blur_value", 7, 1, 15, unit="px",
                  help="side of the box blur that softens the drops (1: sharp lines)"),
        float_param("brightness_coefficient", 0.7, 0.05, 1, step=0.05,
                    help="every pixel is multiplied by this: rainy scenes are darker (1 keeps the "
                         "brightness)"),
        choice_param("rain_type", "default", RAIN_TYPES,
                     help="how many drops fall: drizzle a quarter, default a third, heavy one, "
                          "torrential two per row of the image"),
    ),
    apply=_random_rain,
    sample=_sample_random_rain,
    caption=_rain_caption,
))
