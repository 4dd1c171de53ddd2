"""The sun flare (albumentations' RandomSunFlare, with its parameters: the sun's position is two
ranges, roi_x and roi_y, its angle in degrees and its colour three integers). Like the weather ops
of `augview.ops.photometric.weather`, whose blending it shares, it changes the light and moves no
pixel. Everything random is drawn by `sample`: the circles go into the trace as they are.

How it follows albumentations' "overlay" method, and where it departs: semi-transparent circles
along a line through the sun (each as opaque as albumentations' repeated blending leaves it), then
the sun, a glow that its ring alphas ``(m (1 - r / R)) ** 3`` build up towards the centre (m grows
with the circles' opacity). The glow is the product of those rings as a smooth function of the
distance rather than 10 px steps, and a circle's radius is (k / 5) ** 3 of a quarter of the
shorter side, k = 1..5 (at 512 px albumentations' sizes), rather than the cube of 1 to 1% of the
height, which grows too fast with large images. Where two circles overlap, the later one is
blended over the earlier one instead of albumentations' interleaving.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from augview.core.params import int_param, range_param
from augview.core.randomness import uniform
from augview.core.registry import Op, register
from augview.ops.photometric.weather import blend_towards, grey_level
from augview.text import count as plural, tr


_CIRCLE_ALPHA = (0.05, 0.2)  # opacity of each flare circle, as albumentations draws it


def _sample_random_sun_flare(rng, params, shape):
    height, width = shape[:2]
    angle = uniform(rng, params["angle_limit"])
    x = min(width - 1, int(width * uniform(rng, params["roi_x"])))
    y = min(height - 1, int(height * uniform(rng, params["roi_y"])))
    count = uniform(rng, params["num_circles_limit"], integer=True)
    color = [params["color_red"], params["color_green"], params["color_blue"]]
    spread = int(0.2 * max(color))  # each circle's channels: up to 20% below the sun's
    largest = 0.25 * min(height, width)
    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    circles = []
    for _ in range(count):
        alpha = uniform(rng, _CIRCLE_ALPHA)
        along = uniform(rng, (-x, width - x))  # distance from the sun along the flare's line
        # (k / 5)**3 of a quarter of the shorter side: at 512 px 1, 8, 28, 66 or 128 px, near
        # albumentations' 1, 8, 27, 64 or 125 px
        radius = max(1, round(largest * (uniform(rng, (1, 5), integer=True) / 5) ** 3))
        tint = [uniform(rng, (max(c - spread, 0), c), integer=True) for c in color]
        circles.append({"alpha": alpha, "center": [round(x + along * cos), round(y + along * sin)],
                        "radius": radius, "color": tint})
    return {"center": [x, y], "angle": angle, "num_circles": count, "circles": circles,
            "src_radius": params["src_radius"], "color": color}


def circle_opacities(circles: list) -> list[float]:
    """How opaque each flare circle ends up. albumentations paints every circle on one overlay and
    blends the overlay into the image after each circle, at that circle's alpha, so a circle is
    blended again by every later one: its opacity is ``1 - prod(1 - alpha)`` over itself and the
    circles drawn after it (the first ones come out strongest)."""
    opacities, kept = [], 1.0
    for circle in reversed(circles):
        kept *= 1.0 - float(circle["alpha"])
        opacities.append(1.0 - kept)
    return opacities[::-1]


def _blend_circle(out: np.ndarray, circle: dict, alpha: float) -> None:
    """Blend one filled circle of ``circle["color"]`` at opacity ``alpha`` into ``out``, in place."""
    height, width = out.shape[:2]
    (cx, cy), radius = circle["center"], int(circle["radius"])
    left, top = max(0, cx - radius), max(0, cy - radius)
    right, bottom = min(width, cx + radius + 1), min(height, cy + radius + 1)
    if right <= left or bottom <= top:
        return
    mask = np.zeros((bottom - top, right - left), np.uint8)
    cv2.circle(mask, (cx - left, cy - top), radius, 1, -1)  # 1: viewed as bool below
    box = out[top:bottom, left:right]
    color = grey_level(circle["color"]) if out.ndim == 2 else circle["color"]
    target = np.empty_like(box)
    target[...] = color
    mixed = cv2.addWeighted(box, 1.0 - alpha, target, alpha, 0.0)  # rounded
    inside = mask.view(bool) if out.ndim == 2 else cv2.cvtColor(mask, cv2.COLOR_GRAY2RGB).view(bool)
    np.copyto(box, mixed, where=inside)


def sun_glow(src_radius: int, circles: list) -> np.ndarray:
    """uint8 (256,) table: entry i is the share, in 255ths, of a pixel ``i / 255 * src_radius`` px
    from the sun's centre that stays (the rest becomes the sun's colour); 255 at the radius.

    albumentations blends rings of radius linspace(1, R, R // 10) one after another, the smallest
    at opacity m**3 and the outermost at 0, ``(m (1 - i / (n - 1))) ** 3`` for ring i; m is 5 times
    the circles' opacity averaged by their radius (at most 1). A pixel keeps the product of
    ``1 - opacity`` over the rings that cover it, which changes in steps at the ring radii; the
    table runs smoothly through the middle of each step instead (same average light, no bands)."""
    weight = sum(float(c["radius"]) for c in circles)
    strength = min(1.0, 5.0 * sum(c["alpha"] * c["radius"] for c in circles) / weight) if weight else 0.0
    rings = max(2, int(src_radius) // 10)
    radii = np.linspace(1.0, src_radius, rings)
    opacity = (strength * np.linspace(1.0, 0.0, rings)) ** 3
    kept = np.cumprod((1.0 - opacity)[::-1])[::-1]  # inside ring i: covered by it and every larger one
    # Ring i's step runs from ring i - 1 out to ring i: its value sits at the middle of the step.
    middles = np.concatenate(([0.0], (radii[:-1] + radii[1:]) / 2, [src_radius]))
    values = np.concatenate((kept, [1.0]))
    return np.rint(255.0 * np.interp(np.linspace(0.0, src_radius, 256), middles, values)).astype(np.uint8)


def _random_sun_flare(image, drawn):
    out = image.copy()
    for circle, alpha in zip(drawn["circles"], circle_opacities(drawn["circles"])):
        _blend_circle(out, circle, alpha)
    height, width = image.shape[:2]
    (cx, cy), radius = drawn["center"], int(drawn["src_radius"])
    left, top = max(0, cx - radius), max(0, cy - radius)
    right, bottom = min(width, cx + radius + 1), min(height, cy + radius + 1)
    if radius < 1 or right <= left or bottom <= top:
        return out
    # The glow only reaches src_radius: the box around it, each pixel's distance in 255ths of the
    # radius (saturated at 255 beyond it), then its share kept from the table.
    dx = np.square(np.arange(left - cx, right - cx, dtype=np.float32))
    dy = np.square(np.arange(top - cy, bottom - cy, dtype=np.float32))
    distance = np.add(dy[:, None], dx[None, :])
    np.sqrt(distance, out=distance)
    keep = cv2.LUT(cv2.convertScaleAbs(distance, alpha=255.0 / radius), sun_glow(radius, drawn["circles"]))
    out[top:bottom, left:right] = blend_towards(out[top:bottom, left:right], keep, drawn["color"])
    return out


def _flare_caption(drawn):
    circles = plural(drawn["num_circles"], tr("{n} circle"), tr("{n} circles"))
    x, y = drawn["center"]
    return tr("flare at ({x}, {y}), {circles}").format(x=x, y=y, circles=circles)


register(Op(
    name="random_sun_flare",
    category="color",
    description=(
        "Puts a bright sun somewhere in the sky region, its glow fading over a radius around it, "
        "and a string of faint coloured circles along a line through it: the ghosts a lens makes "
        "when it faces the sun. Helps outdoor models (driving, drones, street scenes) that must "
        "cope with glare and washed-out corners; the glow can wipe out whatever it covers, and "
        "flares make no sense on scans, indoor or microscope images."
    ),
    params=(
        range_param("roi_x", (0.0, 1.0), 0, 1, step=0.01, draws="center",
                    help="left and right edges of the region the sun is placed in, as fractions of "
                         "the width"),
        range_param("roi_y", (0.0, 0.5), 0, 1, step=0.01, draws="center",
                    help="top and bottom edges of that region, as fractions of the height (0 is the "
                         "top, where the sky usually is)"),
        range_param("angle_limit", (0.0, 360.0), 0, 360, step=1, unit="°", draws="angle",
                    help="direction of the line the flare circles lie on, through the sun"),
        range_param("num_circles_limit", (6, 10), 1, 20, step=1, integer=True, draws="num_circles",
                    help="how many flare circles are drawn"),
        int_param("src_radius", 400, 10, 2000, scale="log", unit="px", help="radius of the sun's glow"),
        int_param("color_red", 255, 0, 255, help="red component of the sun's colour"),
        int_param("color_green", 255, 0, 255, help="green component of the sun's colour"),
        int_param("color_blue", 255, 0, 255, help="blue component of the sun's colour"),
    ),
    apply=_random_sun_flare,
    sample=_sample_random_sun_flare,
    caption=_flare_caption,
))
