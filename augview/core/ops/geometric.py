"""Geometric ops that keep the frame: flips and rotation (affine, perspective and friends are in
warps.py; crops, resizing and padding in crops.py).

Each op's drawn values are enough to rebuild its matrix (``*_matrix`` functions), so boxes, masks
and keypoints can later follow exactly the same transform as the pixels.
"""

from __future__ import annotations

import cv2
import numpy as np

from augview.core.ops._common import (
    BORDERS, INTERPOLATIONS, border_params, border_value, interpolation_param, warp_source,
)
from augview.core.params import range_param
from augview.core.registry import Op, register


def _hflip(image, drawn):
    return cv2.flip(image, 1)


def _vflip(image, drawn):
    return cv2.flip(image, 0)


register(Op(
    name="horizontal_flip",
    category="geometric",
    description=(
        "Mirrors the image left to right. Safe for most natural photos, since a cat facing left is "
        "still a cat, and it doubles the poses a model sees. Wrong where left and right carry "
        "meaning: text, digits, road signs, or tasks that tell left from right hands."
    ),
    params=(),
    apply=_hflip,
))

register(Op(
    name="vertical_flip",
    category="geometric",
    description=(
        "Turns the image upside down. Useful where there is no natural 'up': satellite, aerial and "
        "microscope images. Harmful for street scenes, faces, digits (6 and 9) and anything with a "
        "sky and a ground."
    ),
    params=(),
    apply=_vflip,
))


def rotation_matrix(angle: float, shape: tuple) -> np.ndarray:
    """2x3 matrix turning the image by ``angle`` degrees (counter-clockwise) about its centre."""
    height, width = shape[:2]
    return cv2.getRotationMatrix2D(((width - 1) / 2.0, (height - 1) / 2.0), angle, 1.0)


def _rotate(image, drawn):
    matrix = rotation_matrix(drawn["angle"], image.shape)
    return cv2.warpAffine(
        warp_source(image, drawn["border_mode"]), matrix, (image.shape[1], image.shape[0]),
        flags=INTERPOLATIONS[drawn["interpolation"]],
        borderMode=BORDERS[drawn["border_mode"]],
        borderValue=border_value(image, drawn["fill"]),
    )


register(Op(
    name="rotate",
    category="geometric",
    description=(
        "Turns the image about its centre by an angle drawn from the range; the corners that come "
        "into view are filled by the border mode. Small angles (up to 15-30 degrees) mimic a tilted "
        "camera; large ones suit top-down imagery but can turn a 6 into a 9."
    ),
    params=(
        range_param("limit", (-30, 30), -180, 180, step=1, unit="°", draws="angle",
                    help="the angle is drawn uniformly from this range"),
        interpolation_param(),
        *border_params(),
    ),
    apply=_rotate,
))
