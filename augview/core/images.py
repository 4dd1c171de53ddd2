"""Small array helpers shared by the multi-image methods (mixup, mosaic, SMOTE on images)."""

from __future__ import annotations

from typing import Sequence

import cv2
import numpy as np

from augview.core.registry import check_image


def generator_from(seed: int | None, rng: np.random.Generator | None) -> np.random.Generator:
    return rng if rng is not None else np.random.default_rng(seed)


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
