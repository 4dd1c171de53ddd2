"""Lens distortion: the barrel and pincushion bending of a real lens (albumentations'
OpticalDistortion); and piecewise affine, the bending of a jittered grid (at the end).

Each output pixel reads the input at its own offset from the image centre scaled by a radial
factor, so straight lines that miss the centre bend. With ``dx``, ``dy`` the offset in pixels from
the true centre ((w - 1) / 2, (h - 1) / 2) and ``k`` the drawn coefficient:

- ``camera`` (OpenCV's lens model with k1 = k2 = k, as albumentations builds it with
  ``cv2.initUndistortRectifyMap``): ``r2 = (dx / w)**2 + (dy / h)**2`` and the factor is
  ``1 + k * r2 + k * r2**2``; the corners sit at r2 = 0.5.
- ``fisheye``: ``r2 = (dx**2 + dy**2) / R**2`` with R the half-diagonal (w / 2, h / 2), and the
  factor is ``1 + k * r2``; the corners sit at r2 ~ 1.

Sign: positive ``k`` reads from further out, so the content shrinks towards the centre, more so
the further out it is: barrel distortion, the corners come into view filled by the border mode.
Negative ``k`` is pincushion: the content is stretched outwards and the edges leave the frame.
albumentations uses the same signs; its camera matrix puts the centre at (w / 2, h / 2), half a
pixel off, so its pixels differ by a level or two near the corners.

`optical_distortion_maps` rebuilds the maps from the drawn values alone, so masks, boxes and
keypoints can later follow the pixels exactly. `apply` never builds the whole maps: each strip of
output rows computes its own (the factor is separable into a row and a column term).
"""

from __future__ import annotations

import numpy as np

from augview.ops.common import border_params, interpolation_param
from augview.ops.geometric.warp_kernel import remap
from augview.ops.geometric.warps import field_motion
from augview.core.params import bool_param, choice_param, range_param
from augview.core.randomness import draw_seed, uniform
from augview.core.registry import Op, register
from augview.text import tr

MODES = ("camera", "fisheye")


def _axes(drawn: dict, height: int, width: int):
    """(dx, dy, ax, ay): offsets from the centre along each axis, float32, and their squares in
    the units of r2 (so ``r2 = ay[:, None] + ax[None, :]``)."""
    dx = np.arange(width, dtype=np.float32) - np.float32((width - 1) / 2.0)
    dy = np.arange(height, dtype=np.float32) - np.float32((height - 1) / 2.0)
    if drawn["mode"] == "camera":
        ax, ay = np.square(dx / np.float32(width)), np.square(dy / np.float32(height))
    else:
        radius2 = np.float32((width / 2.0) ** 2 + (height / 2.0) ** 2)
        ax, ay = np.square(dx) / radius2, np.square(dy) / radius2
    return dx, dy, ax, ay


def _strip_maps(drawn: dict, axes, start: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
    """(map_x, map_y) float32 for output rows [start, stop): where each pixel reads the input."""
    dx, dy, ax, ay = axes
    k = np.float32(drawn["k"])
    factor = np.add(ay[start:stop, None], ax)  # r2, (rows, width)
    if drawn["mode"] == "camera":
        factor *= factor + np.float32(1.0)  # r2 + r2**2
    factor *= k
    factor += np.float32(1.0)
    map_x = factor * dx
    map_x += np.float32((len(dx) - 1) / 2.0)
    factor *= dy[start:stop, None]
    factor += np.float32((len(dy) - 1) / 2.0)
    return map_x, factor


def optical_distortion_maps(drawn: dict, shape: tuple) -> tuple[np.ndarray, np.ndarray]:
    """(map_x, map_y) float32 arrays for cv2.remap, from the drawn ``k`` and ``mode``."""
    height, width = shape[:2]
    return _strip_maps(drawn, _axes(drawn, height, width), 0, height)


def _optical_distortion(image, drawn):
    if drawn["k"] == 0:
        return image.copy()  # every pixel would read itself
    height, width = image.shape[:2]
    axes = _axes(drawn, height, width)
    return remap(image, (height, width), lambda start, stop: _strip_maps(drawn, axes, start, stop),
                 drawn["interpolation"], drawn["border_mode"], drawn["fill"])


def _caption(drawn):
    k = drawn["k"]
    if k == 0:
        return "k=0"
    text = tr("k={k} (barrel)") if k > 0 else tr("k={k} (pincushion)")
    return text.format(k=f"{k:.3g}")


register(Op(
    name="optical_distortion",
    category="geometric",
    description=(
        "Bends the image the way a real lens does. Positive values give barrel distortion: the "
        "middle bulges towards the viewer, straight lines near the edges bow outwards and the "
        "corners pull in, leaving border-filled gaps; negative values give pincushion: lines bow "
        "inwards and the corners stretch out of the frame. Mimics wide-angle, action and cheap "
        "cameras, so a model trained on one lens copes with another; pointless when every image "
        "comes from one calibrated camera, and strong values bend buildings, documents and lanes "
        "beyond anything a lens would."
    ),
    params=(
        range_param("distort_limit", (-0.05, 0.05), -0.5, 0.5, step=0.005, draws="k",
                    help="distortion coefficient k, drawn from this range: positive is barrel "
                         "(corners pulled in), negative pincushion (edges stretched out); below "
                         "about -0.33 the corners fold over"),
        choice_param("mode", "camera", MODES,
                     help="lens model: camera (OpenCV's polynomial model, albumentations' default) or "
                          "fisheye (a simpler radial model, somewhat stronger for the same k)"),
        interpolation_param(),
        *border_params(),
    ),
    apply=_optical_distortion,
    caption=_caption,
    geometry=lambda drawn, shape: field_motion(lambda: optical_distortion_maps(drawn, shape), shape,
                                               drawn["border_mode"]),
))


# ---------------------------------------------------------------------------------------------
# piecewise affine
#
# A regular grid of rows x cols control points, from the first pixel to the last, is jittered
# (each point moves by a gaussian amount, then is clipped into the image). Every cell of the grid
# is cut into two triangles along its top-left to bottom-right diagonal, and each triangle of the
# output reads the input through the affine map taking it onto its jittered triangle: the warp is
# continuous, exact at the control points, and straight lines bend only where they cross the
# triangles' edges (imgaug's PiecewiseAffine and albumentations 1.x, which used scikit-image's
# PiecewiseAffineTransform). albumentations 2.x instead blends the jittered points by inverse
# distance weighting; between the points that pulls every pixel towards the image centre, by up
# to 8 pixels on a 64-pixel image even with no jitter at all, so augview does not follow it there.
# At the control points both read the same input pixels (tests/test_interop_new_ops.py).


def piecewise_affine_points(drawn: dict, shape: tuple) -> tuple[np.ndarray, np.ndarray]:
    """``(grid, jittered)``: (rows, cols, 2) float32 arrays of control points (x, y), the regular
    grid and where each point reads the input, rebuilt from the drawn seed (albumentations' jitter:
    a gaussian of sigma scale / 3 of the shorter side, or scale / 3 pixels with absolute_scale)."""
    height, width = shape[:2]
    rows, cols = int(drawn["rows"]), int(drawn["cols"])
    grid_x, grid_y = np.meshgrid(np.linspace(0, width - 1, cols, dtype=np.float32),
                                 np.linspace(0, height - 1, rows, dtype=np.float32))
    sigma = drawn["scale"] / 3 if drawn["absolute_scale"] else drawn["scale"] * min(width, height) / 3
    jitter = np.random.default_rng(drawn["field_seed"]).normal(0, sigma, (rows, cols, 2)).astype(np.float32)
    jittered_x = np.clip(grid_x + jitter[..., 1], 0, width - 1)
    jittered_y = np.clip(grid_y + jitter[..., 0], 0, height - 1)
    return np.stack([grid_x, grid_y], axis=-1), np.stack([jittered_x, jittered_y], axis=-1)


def _cells(lines: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """For each pixel along one axis: the grid cell it lies in and its position across it (0..1)."""
    at = np.arange(size, dtype=np.float32)
    cell = np.clip(np.searchsorted(lines, at, side="right") - 1, 0, len(lines) - 2)
    span = lines[cell + 1] - lines[cell]
    across = np.divide(at - lines[cell], span, out=np.zeros_like(at), where=span > 0)
    return cell, across


def _piecewise_strip(jittered, cells, start: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
    """(map_x, map_y) float32 for output rows [start, stop)."""
    (row, v), (col, u) = (cells[0][0][start:stop], cells[0][1][start:stop]), cells[1]
    r, c = row[:, None], col[None, :]
    top_left, top_right = jittered[r, c], jittered[r, c + 1]
    bottom_left, bottom_right = jittered[r + 1, c], jittered[r + 1, c + 1]
    u, v = u[None, :, None], v[:, None, None]
    upper = u >= v  # the triangle (top left, top right, bottom right)
    maps = np.where(upper, top_left + u * (top_right - top_left) + v * (bottom_right - top_right),
                    top_left + v * (bottom_left - top_left) + u * (bottom_right - bottom_left))
    return np.ascontiguousarray(maps[..., 0]), np.ascontiguousarray(maps[..., 1])


def piecewise_affine_maps(drawn: dict, shape: tuple) -> tuple[np.ndarray, np.ndarray]:
    """(map_x, map_y) float32 arrays for cv2.remap: where each output pixel reads the input."""
    grid, jittered = piecewise_affine_points(drawn, shape)
    cells = (_cells(grid[:, 0, 1], shape[0]), _cells(grid[0, :, 0], shape[1]))
    return _piecewise_strip(jittered, cells, 0, shape[0])


def _sample_piecewise_affine(rng, params, shape):
    # albumentations' order: rows, columns, scale; then the jitter's seed.
    return {
        "rows": uniform(rng, params["rows_limit"], integer=True),
        "cols": uniform(rng, params["cols_limit"], integer=True),
        "scale": uniform(rng, params["scale_limit"]),
        "field_seed": draw_seed(rng),
        **{key: params[key] for key in ("absolute_scale", "interpolation", "border_mode", "fill")},
    }


def _piecewise_affine(image, drawn):
    if drawn["scale"] <= 0:
        return image.copy()  # no jitter: every pixel reads itself
    height, width = image.shape[:2]
    grid, jittered = piecewise_affine_points(drawn, image.shape)
    cells = (_cells(grid[:, 0, 1], height), _cells(grid[0, :, 0], width))
    return remap(image, (height, width), lambda start, stop: _piecewise_strip(jittered, cells, start, stop),
                 drawn["interpolation"], drawn["border_mode"], drawn["fill"])


register(Op(
    name="piecewise_affine",
    category="geometric",
    description=(
        "Lays a grid of control points over the image, nudges each point by a random amount and "
        "moves the picture with them: every triangle of the grid gets its own small affine "
        "stretch, so the image wobbles locally while staying in one piece. Mimics paper that is "
        "not flat, soft tissue and hand-drawn shapes; rows and columns set how local the wobbles "
        "are, scale how far the points move. Large scales fold the picture and tear text apart."
    ),
    params=(
        range_param("scale_limit", (0.03, 0.05), 0.0, 0.5, step=0.005, draws="scale",
                    help="spread of each point's move, as a share of the shorter side (in pixels "
                         "with absolute_scale)"),
        range_param("rows_limit", (4, 4), 2, 20, step=1, integer=True, draws="rows",
                    help="rows of control points"),
        range_param("cols_limit", (4, 4), 2, 20, step=1, integer=True, draws="cols",
                    help="columns of control points"),
        bool_param("absolute_scale", False, help="take scale in pixels instead of a share of the side"),
        interpolation_param(),
        *border_params(),
    ),
    apply=_piecewise_affine,
    sample=_sample_piecewise_affine,
    geometry=lambda drawn, shape: field_motion(lambda: piecewise_affine_maps(drawn, shape), shape,
                                               drawn["border_mode"]),
))
