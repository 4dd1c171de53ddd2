"""Blurs of a camera and what it looks through: defocus, zoom blur and glass blur.

These are three of the corruptions of ImageNet-C (Hendrycks and Dietterich, 2019), with the
definitions albumentations 2.x uses, so an imported pipeline gives the same pictures:

- ``defocus``: a disc-shaped kernel (the image of a point through an out-of-focus lens), its
  edge softened by a small gaussian;
- ``zoom_blur``: the mean of the image and of copies zoomed about the centre by 1, 1 + step,
  1 + 2 step, ... up to the drawn largest factor, as when the lens zooms during the exposure;
- ``glass_blur``: a gaussian blur, then each pixel swapped with a random neighbour at most
  ``max_delta`` away (``iterations`` rounds), then blurred again, like frosted glass.

Glass blur's swaps come from ``np.random.default_rng(swap_seed)``: the trace keeps one integer.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from augview.core.params import float_param, int_param, range_param
from augview.core.randomness import draw_seed, uniform
from augview.core.registry import Op, register


# ---------------------------------------------------------------------------------------------
# defocus


def defocus_kernel(radius: int, alias_blur: float) -> np.ndarray:
    """Normalised float32 kernel: a disc of ``radius`` pixels, softened by a gaussian of sigma
    ``alias_blur`` (3x3, or 5x5 beyond radius 8), trimmed to its non-zero cells.

    albumentations builds the same disc on a grid of at least 17x17 (radius 8 each side); the
    zero margin changes no pixel, and trimming it keeps OpenCV's direct filter instead of its DFT
    for small radii (faster, and the same result within one grey level)."""
    reach = max(8, int(radius))
    offsets = np.arange(-reach, reach + 1)
    x, y = np.meshgrid(offsets, offsets)
    disc = np.array(x**2 + y**2 <= radius**2, dtype=np.float32)
    disc /= np.sum(disc)
    ksize = 3 if radius <= 8 else 5
    kernel = cv2.GaussianBlur(disc, (ksize, ksize), sigmaX=alias_blur)
    rows = np.flatnonzero(kernel.any(axis=1))
    cols = np.flatnonzero(kernel.any(axis=0))
    # Symmetric about the centre, so trimming the same number of cells on each side keeps it
    # centred.
    margin = min(rows[0], cols[0], kernel.shape[0] - 1 - rows[-1], kernel.shape[1] - 1 - cols[-1])
    return kernel[margin:kernel.shape[0] - margin, margin:kernel.shape[1] - margin]


def _defocus(image, drawn):
    return cv2.filter2D(image, -1, defocus_kernel(int(drawn["radius"]), float(drawn["alias_blur"])))


register(Op(
    name="defocus",
    category="blur",
    description=(
        "Blurs the image the way an out-of-focus lens does: every point spreads into a small "
        "uniform disc instead of a soft bell, so highlights become round bokeh spots and edges "
        "get a hard-edged halo. Closer to a real camera than gaussian_blur; teaches a model to "
        "cope with missed focus. Large radii leave only the coarse shapes."
    ),
    params=(
        range_param("radius_limit", (3, 10), 1, 50, step=1, unit="px", integer=True, draws="radius",
                    help="radius of the disc each point spreads into"),
        range_param("alias_blur_limit", (0.1, 0.5), 0.0, 5.0, step=0.05, unit="px", draws="alias_blur",
                    help="sigma of the small gaussian that softens the disc's edge"),
    ),
    apply=_defocus,
))


# ---------------------------------------------------------------------------------------------
# zoom blur


def zoom_factors(drawn: dict) -> np.ndarray:
    """The zoom of each copy averaged by `zoom_blur`: 1, 1 + step, ... below ``max_factor``."""
    return np.arange(1.0, drawn["max_factor"], drawn["step_factor"])


def _central_zoom(image: np.ndarray, factor: float) -> np.ndarray:
    """The centre of ``image`` enlarged ``factor`` times, cut back to the image's size (the
    crop is rounded up and its enlargement truncated, as albumentations does)."""
    height, width = image.shape[:2]
    crop_h, crop_w = math.ceil(height / factor), math.ceil(width / factor)
    top, left = (height - crop_h) // 2, (width - crop_w) // 2
    big_h, big_w = int(crop_h * factor), int(crop_w * factor)
    crop = image[top:top + crop_h, left:left + crop_w]
    big = crop if (big_h, big_w) == (crop_h, crop_w) else cv2.resize(crop, (big_w, big_h),
                                                                      interpolation=cv2.INTER_LINEAR)
    trim_y, trim_x = (big_h - height) // 2, (big_w - width) // 2
    return big[trim_y:trim_y + height, trim_x:trim_x + width]


def _sample_zoom_blur(rng, params, shape):
    # albumentations' order: the step first, then the largest factor (at least one step above 1).
    step = uniform(rng, params["step_factor_limit"])
    return {"step_factor": step, "max_factor": max(1.0 + step, uniform(rng, params["max_factor_limit"]))}


def _zoom_blur(image, drawn):
    factors = zoom_factors(drawn)
    # In float32, as albumentations: OpenCV resizes float32 faster than uint8 here, and the sum
    # never rounds; one saturating pass scales the mean back to uint8 at the end.
    source = image.astype(np.float32)
    total = source.copy()
    for factor in factors:
        cv2.add(total, _central_zoom(source, float(factor)), dst=total)
    return cv2.convertScaleAbs(total, alpha=1.0 / (len(factors) + 1)).reshape(image.shape)


register(Op(
    name="zoom_blur",
    category="blur",
    description=(
        "Averages the image with copies of itself zoomed about the centre, up to the drawn "
        "largest factor, as when the lens zooms during a long exposure: streaks radiate from the "
        "centre while the centre itself stays sharp. Models speed and zoom-lens effects in "
        "action and vehicle footage; strong factors smear everything near the borders."
    ),
    params=(
        range_param("max_factor_limit", (1.0, 1.31), 1.0, 3.0, step=0.01, unit="×", draws="max_factor",
                    help="largest zoom of the averaged copies"),
        range_param("step_factor_limit", (0.01, 0.03), 0.001, 0.5, scale="log", step=0.001, draws="step_factor",
                    help="zoom step between two copies: smaller steps make smoother streaks and cost more"),
    ),
    apply=_zoom_blur,
    sample=_sample_zoom_blur,
))


# ---------------------------------------------------------------------------------------------
# glass blur


def glass_offsets(drawn: dict, shape: tuple) -> np.ndarray:
    """(pixels, iterations, 2) int array of (dy, dx) swap offsets in [-max_delta, max_delta),
    one per pixel at least ``max_delta`` from the border, rebuilt from the drawn seed."""
    delta = int(drawn["max_delta"])
    inner = max(0, shape[0] - 2 * delta) * max(0, shape[1] - 2 * delta)
    rng = np.random.default_rng(drawn["swap_seed"])
    return rng.integers(-delta, delta, size=(inner, int(drawn["iterations"]), 2))


def _glass_swaps(image: np.ndarray, offsets: np.ndarray, delta: int) -> None:
    """Swap every inner pixel with its neighbour at the drawn offset, in place, all at once per
    round (where two swaps touch the same pixel the later write wins, as in albumentations'
    'fast' mode). Pixels are visited from the bottom-right corner upwards, column by column."""
    height, width = image.shape[:2]
    rows = np.arange(height - delta, delta, -1)
    cols = np.arange(width - delta, delta, -1)
    if rows.size == 0 or cols.size == 0:
        return
    # Flat pixel indices into a (pixels, channels) view: one gather and one scatter of whole
    # pixels per side, about twice as fast as indexing rows and columns separately.
    flat = image.reshape(height * width, -1)
    here = (np.tile(rows, cols.size) * width + np.repeat(cols, rows.size))
    for step in range(offsets.shape[1]):
        there = here + offsets[:, step, 0] * width + offsets[:, step, 1]
        near, far = flat[here], flat[there]
        flat[here] = far
        flat[there] = near


def _glass_blur(image, drawn):
    sigma = float(drawn["sigma"])
    out = cv2.GaussianBlur(image, (0, 0), sigmaX=sigma) if sigma > 0 else image.copy()
    _glass_swaps(out, glass_offsets(drawn, image.shape), int(drawn["max_delta"]))
    return cv2.GaussianBlur(out, (0, 0), sigmaX=sigma) if sigma > 0 else out


def _sample_glass_blur(rng, params, shape):
    return {"swap_seed": draw_seed(rng), "sigma": params["sigma"], "max_delta": params["max_delta"],
            "iterations": params["iterations"]}


register(Op(
    name="glass_blur",
    category="blur",
    description=(
        "Looks at the image through frosted glass: a light gaussian blur, then every pixel "
        "swapped with a random neighbour up to max_delta pixels away (several rounds), then "
        "blurred again. Outlines survive but turn grainy and jittery. One of the ImageNet-C "
        "corruptions used to test robustness; strong settings destroy small text and texture."
    ),
    params=(
        float_param("sigma", 0.7, 0.0, 5.0, step=0.05, unit="px",
                    help="sigma of the gaussian blur before and after the swaps (0: none)"),
        int_param("max_delta", 4, 1, 20, unit="px", help="farthest a pixel can be swapped"),
        int_param("iterations", 2, 1, 5, help="rounds of swaps; each round costs as much as the first"),
    ),
    apply=_glass_blur,
    sample=_sample_glass_blur,
    caption=lambda d: f"sigma={d['sigma']:g} max_delta={d['max_delta']} iterations={d['iterations']}",
))
