"""Geometric ops that bend the image: affine, perspective, elastic and grid distortion.

Coordinates follow OpenCV: pixel centres sit on integers, so an image of width ``w`` spans
[-0.5, w - 0.5]. Matrices map input to output coordinates (what cv2.warpAffine takes); maps, as
cv2.remap takes them, give for each output pixel the input position it reads. The pure functions
``affine_matrix``, ``perspective_matrix``, ``elastic_field`` and ``grid_distortion_maps`` rebuild
the transform from the drawn values alone, so masks, boxes and keypoints can later follow the
pixels exactly.
"""
from __future__ import annotations

import math
from statistics import NormalDist

import cv2
import numpy as np

from augview.ops.common import border_params, interpolation_param
from augview.ops.geometric.warp_kernel import remap, warp_affine, warp_perspective
from augview.targets.fields import invert_maps
from augview.targets.motion import Affine, Field, Perspective
from augview.core.params import bool_param, float_param, int_param, range_param
from augview.core.randomness import draw_seed, uniform
from augview.core.registry import Op, register
from augview.text import tr


# ---------------------------------------------------------------------------------------------
# Shared plumbing


def _fixed(params: dict, *names: str) -> dict:
    """Copy the non-random parameters into the drawn dict so ``apply`` needs nothing else."""
    return {name: params[name] for name in names}


def _as_lists(matrix: np.ndarray) -> list:
    return [[float(v) for v in row] for row in matrix]


_WARP_FIXED = ("interpolation", "border_mode", "fill")


def _warp_settings(drawn: dict) -> tuple[str, str, int]:
    return drawn["interpolation"], drawn["border_mode"], drawn["fill"]


# ---------------------------------------------------------------------------------------------
# affine


def affine_matrix(drawn: dict, shape: tuple) -> np.ndarray:
    """3x3 matrix (input -> output pixel coordinates) of an affine recipe, about the image centre.

    Order and signs follow albumentations' Affine, so its settings carry over: scale, then rotate,
    then shear, then translate. ``angle`` is counter-clockwise on screen (the same sign as the
    ``rotate`` op). A positive ``shear_x`` leans the image right like italic type (upper rows move
    right, lower rows left); a positive ``shear_y`` raises the right side. ``tx``/``ty`` are
    fractions of the width/height, positive moving the content right/down (albumentations rounds
    the shift to whole pixels; here it stays exact).
    """
    height, width = shape[:2]
    # Plain floats, not small numpy products: this runs for every affine draw, application and
    # target move, and 2x2 arithmetic in numpy costs more in calls than in sums.
    centre_x, centre_y = (width - 1) / 2.0, (height - 1) / 2.0
    a = math.radians(drawn["angle"])
    cos, sin = math.cos(a), math.sin(a)  # rotation [[cos, sin], [-sin, cos]]: cv2.getRotationMatrix2D's
    # Two elementary shears multiplied, [[1, kx], [0, 1]] @ [[1, 0], [ky, 1]], rather than
    # albumentations' single [[1, kx], [ky, 1]]: identical when only one shear is set, but the
    # product keeps determinant 1, so no pair of angles (e.g. 45 and 45) can collapse the image
    # onto a line.
    kx = -math.tan(math.radians(drawn["shear_x"]))
    ky = -math.tan(math.radians(drawn["shear_y"]))
    scale = drawn["scale"]
    l00 = ((1.0 + kx * ky) * cos - kx * sin) * scale
    l01 = ((1.0 + kx * ky) * sin + kx * cos) * scale
    l10 = (ky * cos - sin) * scale
    l11 = (ky * sin + cos) * scale
    target_x = centre_x + drawn["tx"] * width
    target_y = centre_y + drawn["ty"] * height
    matrix = np.array([[l00, l01, target_x - (l00 * centre_x + l01 * centre_y)],
                       [l10, l11, target_y - (l10 * centre_x + l11 * centre_y)],
                       [0.0, 0.0, 1.0]])
    return matrix


def _sample_affine(rng, params, shape):
    drawn = {
        "scale": uniform(rng, params["scale"]),
        "tx": uniform(rng, params["translate_x"]),
        "ty": uniform(rng, params["translate_y"]),
        "angle": uniform(rng, params["rotate"]),
        "shear_x": uniform(rng, params["shear_x"]),
        "shear_y": uniform(rng, params["shear_y"]),
    }
    drawn["matrix"] = _as_lists(affine_matrix(drawn, shape))
    drawn.update(_fixed(params, *_WARP_FIXED))
    return drawn


def _affine(image, drawn):
    # The recipe, not the stored matrix, is the source of truth: editing one drawn value in a
    # trace and replaying it does what the user expects.
    return warp_affine(image, affine_matrix(drawn, image.shape), image.shape[:2], *_warp_settings(drawn))


register(Op(
    name="affine",
    category="geometric",
    description=(
        "Scales, shifts, rotates and shears the image in one resampling, about its centre; the "
        "area that comes into view is filled by the border mode. Doing all four at once is faster "
        "and sharper than chaining them. Mild values (scale 0.9-1.1, shift a few percent, a "
        "dozen degrees) teach a model that position and size do not change the class; strong "
        "shear or zoom-out creates shapes and empty borders that real data never has."
    ),
    params=(
        range_param("scale", (0.9, 1.1), 0.1, 4.0, scale="log", step=0.01, unit="×", draws="scale",
                    help="zoom factor; below 1 shrinks the content"),
        range_param("translate_x", (-0.0625, 0.0625), -1.0, 1.0, step=0.005, draws="tx",
                    help="horizontal shift as a fraction of the width (positive: right)"),
        range_param("translate_y", (-0.0625, 0.0625), -1.0, 1.0, step=0.005, draws="ty",
                    help="vertical shift as a fraction of the height (positive: down)"),
        range_param("rotate", (-15, 15), -180, 180, step=1, unit="°", draws="angle",
                    help="counter-clockwise angle"),
        range_param("shear_x", (0, 0), -45, 45, step=1, unit="°", draws="shear_x",
                    help="horizontal shear angle (positive: leans right, like italic type)"),
        range_param("shear_y", (0, 0), -45, 45, step=1, unit="°", draws="shear_y",
                    help="vertical shear angle (positive: the right side rises)"),
        interpolation_param(),
        *border_params(),
    ),
    apply=_affine,
    sample=_sample_affine,
    geometry=lambda drawn, shape: Affine(affine_matrix(drawn, shape), tuple(shape[:2]), drawn["border_mode"]),
))


# ---------------------------------------------------------------------------------------------
# perspective

# Corner jitter is a half-normal fraction of the side, capped like albumentations (0.32) so that
# the four corners never cross and the quadrilateral stays convex.
_MAX_JITTER = 0.32
_NORMAL = NormalDist()


def _half_normal(rng: np.random.Generator, sigma: float) -> float:
    # Inverse CDF of one uniform draw instead of rng.normal: exactly one random number per value,
    # so a locked seed keeps every corner where it was when the range moves.
    return min(sigma * _NORMAL.inv_cdf(0.5 + 0.5 * rng.random()), _MAX_JITTER)


def perspective_matrix(drawn: dict) -> np.ndarray:
    """3x3 homography (input -> output pixel coordinates) taking ``src`` corners onto ``dst``."""
    src = np.asarray(drawn["src"], dtype=np.float32)
    dst = np.asarray(drawn["dst"], dtype=np.float32)
    return cv2.getPerspectiveTransform(src, dst)


def _rectangle(width: float, height: float) -> list:
    """Corner points (top-left, top-right, bottom-right, bottom-left) of a width x height image."""
    left, top, right, bottom = -0.5, -0.5, width - 0.5, height - 0.5
    return [[left, top], [right, top], [right, bottom], [left, bottom]]


def _sample_perspective(rng, params, shape):
    height, width = shape[:2]
    scale = uniform(rng, params["scale"])
    jitter = [_half_normal(rng, scale) for _ in range(8)]
    (l, t), (r, _), (_, b), _ = _rectangle(width, height)
    # Each corner moves inwards, in x and y independently.
    quad = [
        [l + jitter[0] * width, t + jitter[1] * height],
        [r - jitter[2] * width, t + jitter[3] * height],
        [r - jitter[4] * width, b - jitter[5] * height],
        [l + jitter[6] * width, b - jitter[7] * height],
    ]
    if params["fit_output"]:
        # The whole image is squeezed into the quadrilateral: nothing is lost, borders show.
        src, dst = _rectangle(width, height), quad
        out_w, out_h = width, height
        if not params["keep_size"]:
            xs, ys = [p[0] for p in quad], [p[1] for p in quad]
            dx, dy = -0.5 - min(xs), -0.5 - min(ys)
            dst = [[x + dx, y + dy] for x, y in quad]
            out_w = max(1, round(max(xs) - min(xs)))
            out_h = max(1, round(max(ys) - min(ys)))
    else:
        # The quadrilateral is stretched over the whole output: a zoom through a tilted window.
        src = quad
        out_w, out_h = width, height
        if not params["keep_size"]:
            p = np.asarray(quad)
            out_w = max(1, round(max(np.hypot(*(p[1] - p[0])), np.hypot(*(p[2] - p[3])))))
            out_h = max(1, round(max(np.hypot(*(p[3] - p[0])), np.hypot(*(p[2] - p[1])))))
        dst = _rectangle(out_w, out_h)
    drawn = {
        "scale": scale,
        "src": [[float(x), float(y)] for x, y in src],
        "dst": [[float(x), float(y)] for x, y in dst],
        "out_size": [int(out_w), int(out_h)],
    }
    drawn["matrix"] = _as_lists(perspective_matrix(drawn))
    drawn.update(_fixed(params, "keep_size", "fit_output", *_WARP_FIXED))
    return drawn


def _perspective(image, drawn):
    width, height = drawn["out_size"]
    return warp_perspective(image, perspective_matrix(drawn), (height, width), *_warp_settings(drawn))


register(Op(
    name="perspective",
    category="geometric",
    description=(
        "Moves the four corners of the image inwards by random amounts and stretches that tilted "
        "window back over the whole output, as if the camera looked at the scene from a slightly "
        "different angle. Helps with photos of documents, signs and screens taken off-axis. Large "
        "values distort shapes and lose the content near the corners; 'fit output' instead "
        "squeezes the whole image into the tilted window and fills the rest with the border."
    ),
    params=(
        range_param("scale", (0.05, 0.1), 0.0, 0.3, step=0.005, draws="scale",
                    help="spread of the corner jitter, as a fraction of the side"),
        bool_param("keep_size", True, help="output has the input size (else the window's size)"),
        bool_param("fit_output", False, help="keep the whole image visible inside the window"),
        interpolation_param(),
        *border_params(),
    ),
    apply=_perspective,
    sample=_sample_perspective,
    geometry=lambda drawn, shape: Perspective(perspective_matrix(drawn), tuple(drawn["out_size"][::-1]),
                                              drawn["border_mode"]),
))


# ---------------------------------------------------------------------------------------------
# elastic

def _field_factor(sigma: float) -> int:
    """How many times coarser than the image the random field can be drawn.

    The smoothed field holds no detail finer than ~sigma, so it can be computed on a grid where the
    blur is still >= 3 cells wide and upsampled linearly: noise, blur and memory cost factor^2
    less, while the field's spread and smoothness stay within ~3% of a full-resolution draw
    (measured on 512x512). Below sigma 6 the field is drawn at full resolution.
    """
    return max(1, int(sigma // 3))


def _elastic_map(drawn: dict, shape: tuple) -> np.ndarray:
    """(H, W, 2) float32 map: where each output pixel reads in the input."""
    height, width = shape[:2]
    factor = _field_factor(drawn["sigma"])
    coarse_h, coarse_w = -(-height // factor), -(-width // factor)
    rng = np.random.default_rng(drawn["field_seed"])
    # Two channels (dx, dy) in one array: one blur call smooths both without mixing them.
    field = rng.random((coarse_h, coarse_w, 2), dtype=np.float32)
    field *= 2.0
    field -= 1.0
    sigma = drawn["sigma"] / factor
    ksize = 2 * math.ceil(3.0 * sigma) + 1  # +-3 sigma holds 99.7% of the kernel (cv2's default: 4)
    field = cv2.GaussianBlur(field, (ksize, ksize), sigma, borderType=cv2.BORDER_REPLICATE)
    # A blur `factor` times narrower leaves `factor` times more amplitude: divide it back out so
    # alpha means the same thing at any resolution (Simard et al.'s scaling).
    field *= np.float32(drawn["alpha"] / factor)
    if factor > 1:
        field = cv2.resize(field, (width, height), interpolation=cv2.INTER_LINEAR)
    field = field.reshape(height, width, 2)  # cv2 may drop the channel axis of 1-pixel results
    field[..., 0] += np.arange(width, dtype=np.float32)
    field[..., 1] += np.arange(height, dtype=np.float32)[:, None]
    return field


def elastic_field(drawn: dict, shape: tuple) -> tuple[np.ndarray, np.ndarray]:
    """(map_x, map_y) float32 arrays for cv2.remap: the input position each output pixel reads."""
    maps = _elastic_map(drawn, shape)
    return np.ascontiguousarray(maps[..., 0]), np.ascontiguousarray(maps[..., 1])


def _sample_elastic(rng, params, shape):
    seed = draw_seed(rng)
    return {"field_seed": seed, **_fixed(params, "alpha", "sigma", *_WARP_FIXED)}


def _elastic(image, drawn):
    # The (H, W, 2) map goes to remap as one CV_32FC2 map: no split, no copy.
    map_xy = _elastic_map(drawn, image.shape)
    return remap(image, image.shape[:2], lambda start, stop: map_xy[start:stop], *_warp_settings(drawn))


def field_motion(maps, shape: tuple, border_mode: str) -> Field:
    """The motion of a remap whose whole-image ``maps()`` -> (map_x, map_y) are built once, when
    a mask or a point first needs them."""
    cache = []

    def full_maps():
        if not cache:
            cache.append(maps())
        return cache[0]

    return Field(lambda xy: invert_maps(*full_maps(), xy), full_maps, tuple(shape[:2]), border_mode)


def _elastic_caption(drawn):
    return f"alpha={drawn['alpha']:g} sigma={drawn['sigma']:g}"


register(Op(
    name="elastic",
    category="geometric",
    description=(
        "Pushes every pixel along a smooth random displacement field, like a picture printed on "
        "rubber (Simard et al., 2003). Sigma sets how smooth the waves are, alpha how far they "
        "move: the typical shift is about 0.16 * alpha / sigma pixels. Good for handwriting, "
        "cells and other soft, deformable shapes; on rigid objects, text lines or thin "
        "structures it invents wobbles that never occur."
    ),
    params=(
        float_param("alpha", 120.0, 0.0, 2000.0, scale="log", step=1.0,
                    help="strength: scale of the displacement (about 0.16 * alpha / sigma px)"),
        float_param("sigma", 6.0, 1.0, 100.0, scale="log", step=0.5, unit="px",
                    help="smoothness: width of the Gaussian that smooths the random field"),
        interpolation_param(),
        *border_params("reflect_101"),
    ),
    apply=_elastic,
    sample=_sample_elastic,
    caption=_elastic_caption,
    geometry=lambda drawn, shape: field_motion(lambda: elastic_field(drawn, shape), shape, drawn["border_mode"]),
))


# ---------------------------------------------------------------------------------------------
# grid distortion


def _axis_map(size: int, steps: list, normalized: bool) -> np.ndarray:
    """Input coordinate read by each output pixel along one axis.

    The output axis is cut into ``len(steps)`` equal cells; cell ``i`` shows a stretch of the input
    ``steps[i]`` times as long. Normalised, the stretches are rescaled to sum to the full side, so
    the whole input is still shown and nothing leaves the image. Works for any number of cells,
    even more cells than pixels.
    """
    cells = len(steps)
    widths = np.asarray(steps, dtype=np.float64)
    if normalized:
        total = widths.sum()
        widths = widths * (cells / total) if total > 1e-9 else np.ones(cells)
    cell = size / cells
    src_lines = np.concatenate([[0.0], np.cumsum(widths)]) * cell
    dst_lines = np.arange(cells + 1) * cell
    centres = np.arange(size) + 0.5  # interpolate in edge coordinates, report in pixel ones
    return (np.interp(centres, dst_lines, src_lines) - 0.5).astype(np.float32)


def _grid_axes(drawn: dict, shape: tuple) -> tuple[np.ndarray, np.ndarray]:
    height, width = shape[:2]
    return (_axis_map(width, drawn["x_steps"], drawn["normalized"]),
            _axis_map(height, drawn["y_steps"], drawn["normalized"]))


def grid_distortion_maps(drawn: dict, shape: tuple) -> tuple[np.ndarray, np.ndarray]:
    """(map_x, map_y) float32 arrays for cv2.remap, from the drawn cell stretches."""
    xs, ys = _grid_axes(drawn, shape)
    return np.tile(xs, (len(ys), 1)), np.tile(ys[:, None], (1, len(xs)))


def _sample_grid(rng, params, shape):
    limit, n = params["distort_limit"], params["num_steps"]
    return {
        "x_steps": [1.0 + uniform(rng, limit) for _ in range(n)],
        "y_steps": [1.0 + uniform(rng, limit) for _ in range(n)],
        **_fixed(params, "num_steps", "normalized", *_WARP_FIXED),
    }


def _grid_distortion(image, drawn):
    xs, ys = _grid_axes(drawn, image.shape)

    def maps(start, stop):
        # Separable: a strip's maps are the two axes broadcast over its rows; the whole-image
        # maps are never built.
        return np.tile(xs, (stop - start, 1)), np.tile(ys[start:stop, None], (1, len(xs)))

    return remap(image, image.shape[:2], maps, *_warp_settings(drawn))


def _grid_caption(drawn):
    steps, n = drawn["x_steps"] + drawn["y_steps"], drawn["num_steps"]
    return tr("{n}x{n} cells, stretch {low}-{high}").format(n=n, low=f"{min(steps):.2f}", high=f"{max(steps):.2f}")


register(Op(
    name="grid_distortion",
    category="geometric",
    description=(
        "Cuts the image into a grid of columns and rows and randomly widens some and narrows "
        "others, so the content is locally stretched and squeezed while horizontal and vertical "
        "lines stay straight. Mimics lens distortion and uneven scanning; useful for medical "
        "images, documents and segmentation. Strong limits make faces and objects look lumpy."
    ),
    params=(
        int_param("num_steps", 5, 1, 30, help="grid cells along each side"),
        range_param("distort_limit", (-0.3, 0.3), -1.0, 1.0, step=0.01, draws="x_steps",
                    help="each column and row is stretched by 1 + a value drawn from this range "
                         "(drawn into the x_steps and y_steps lists)"),
        bool_param("normalized", True,
                   help="rescale the stretches so the whole image stays in view"),
        interpolation_param(),
        *border_params(),
    ),
    apply=_grid_distortion,
    sample=_sample_grid,
    caption=_grid_caption,
    geometry=lambda drawn, shape: field_motion(lambda: grid_distortion_maps(drawn, shape), shape,
                                               drawn["border_mode"]),
))
