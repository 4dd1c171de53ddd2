"""Lens distortion: the barrel and pincushion bending of a real lens (albumentations'
OpticalDistortion).

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

import cv2
import numpy as np

from augview.ops.common import border_params, interpolation_param
from augview.ops.warps import render_in_strips
from augview.core.params import choice_param, range_param
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

    def strip(src, start, stop, flags, **border):
        map_x, map_y = _strip_maps(drawn, axes, start, stop)
        return cv2.remap(src, map_x, map_y, flags, **border)

    return render_in_strips(image, drawn, (height, width), strip)


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
))
