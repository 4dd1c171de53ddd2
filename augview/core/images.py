"""Image checks and small array helpers: what every op, pipeline and multi-image method accepts
(`check_image`), and the conversions the multi-image methods and views share."""

from __future__ import annotations

from typing import Any, Sequence

import cv2
import numpy as np

from augview.errors import InvalidImageError
from augview.text import tr


# The largest side of an image augview makes (an op's output, a mosaic): a guard against a slider,
# a preset or a call asking for one that would exhaust memory (8192 x 8192 x 3 is already 200 MB).
MAX_SIDE = 8192


def to_rgb(image: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(image, cv2.COLOR_GRAY2RGB) if image.ndim == 2 else image


def resize_to(image: np.ndarray, height: int, width: int) -> np.ndarray:
    """The resize every method here uses: area averaging when a side shrinks below half, where
    linear interpolation would alias; linear otherwise (OpenCV's area mode is several times slower
    at fractional ratios, and between 1x and 2x it barely differs)."""
    if image.shape[:2] == (height, width):
        return image
    strong_shrink = 2 * height < image.shape[0] or 2 * width < image.shape[1]
    return cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA if strong_shrink else cv2.INTER_LINEAR)


def common_channels(images: Sequence[np.ndarray]) -> list[np.ndarray]:
    for image in images:
        check_image(image)
    if any(image.ndim == 3 for image in images):
        return [to_rgb(image) for image in images]
    return list(images)


_UINT8 = np.dtype(np.uint8)


def check_image(image: Any) -> None:
    """Raise InvalidImageError unless ``image`` is a uint8 (H, W) or (H, W, 3) array."""
    if type(image) is np.ndarray and image.dtype is _UINT8:  # the common case, checked first
        shape = image.shape
        if (len(shape) == 2 or (len(shape) == 3 and shape[2] == 3)) and shape[0] and shape[1]:
            return
    if not isinstance(image, np.ndarray):
        raise InvalidImageError(tr("expected a numpy array, got {type}").format(type=type(image).__name__))
    if image.dtype != np.uint8:
        raise InvalidImageError(tr("expected a uint8 image, got dtype {dtype}").format(dtype=image.dtype))
    if image.ndim == 3 and image.shape[2] == 1:
        raise InvalidImageError(tr("expected shape (H, W) or (H, W, 3), got (H, W, 1): squeeze the last axis"))
    if not (image.ndim == 2 or (image.ndim == 3 and image.shape[2] == 3)):
        raise InvalidImageError(tr("expected shape (H, W) or (H, W, 3), got {shape}").format(shape=image.shape))
    if image.shape[0] < 1 or image.shape[1] < 1:
        raise InvalidImageError(tr("expected a non-empty image, got shape {shape}").format(shape=image.shape))
