"""Label maps: checks, and resampling that never blends labels.

A mask is an integer (or bool) array of the image's height and width, (H, W) or (H, W, C): class
ids, instance ids, or one channel per class. Geometric ops move it with nearest-neighbour sampling
only, so every value of the output is a value of the input or the fill label. OpenCV's warps and
remaps do not take every integer type, so `resample` passes the mask through a type they take,
chosen so that no value changes, and back; more than four channels go one at a time.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from augview.errors import InvalidTargetsError
from augview.text import tr

# Types cv2's nearest warps and remaps take as they are.
_NATIVE = (np.uint8, np.uint16, np.int16, np.float32, np.float64)


def check_mask(mask, shape: tuple, name: str = "mask") -> np.ndarray:
    """``mask`` as an array of the image's height and width, or InvalidTargetsError."""
    array = np.asarray(mask)
    if array.dtype == bool:
        pass
    elif not np.issubdtype(array.dtype, np.integer):
        raise InvalidTargetsError(tr("{name} must hold integer labels, got dtype {dtype}").format(
            name=name, dtype=array.dtype))
    if array.ndim not in (2, 3) or array.shape[:2] != tuple(shape[:2]) or array.ndim == 3 and not array.shape[2]:
        raise InvalidTargetsError(tr("{name} must be (H, W) or (H, W, C) with the image's height and width "
                                     "{size}, got shape {shape}").format(
            name=name, size=tuple(shape[:2]), shape=array.shape))
    return array


def check_fill(dtype: np.dtype, fill: int, name: str = "mask") -> None:
    """InvalidTargetsError unless ``fill`` is a value of a mask of type ``dtype`` (a bool mask
    takes any: a fill other than 0 is True); a uint8 mask cannot hold 300, an int8 one not 255."""
    if dtype == bool:
        return
    limits = np.iinfo(dtype)
    if not limits.min <= fill <= limits.max:
        raise InvalidTargetsError(tr("mask_fill {fill} is not a value of {name}'s type {dtype} ({low} to {high}): "
                                     "choose a fill in that range, or give the mask as a wider type").format(
            fill=fill, name=name, dtype=dtype, low=limits.min, high=limits.max))


def _working_type(mask: np.ndarray):
    """A type cv2 can resample that holds every value of ``mask`` exactly."""
    if mask.dtype.type in _NATIVE:
        return mask.dtype.type
    if mask.dtype == bool:
        return np.uint8
    low, high = (int(mask.min()), int(mask.max())) if mask.size else (0, 0)
    if 0 <= low and high <= 65535:
        return np.uint16
    if -32768 <= low and high <= 32767:
        return np.int16
    return np.float64  # exact for integers up to 2**53


def resample(mask: np.ndarray, warp: Callable[[np.ndarray, float], np.ndarray], fill: int) -> np.ndarray:
    """``warp(plane, fill)`` applied to a label map, in a type cv2 takes, with the result in the
    mask's own type. ``warp`` must sample with nearest neighbour; it gets (H, W) or (H, W, C<=4)."""
    work = _working_type(mask)
    source = mask.astype(work, copy=False)
    if mask.dtype == bool:
        fill = int(bool(fill))
    if source.ndim == 3 and source.shape[2] > 4:
        planes = [warp(np.ascontiguousarray(source[..., c]), fill) for c in range(source.shape[2])]
        out = np.stack(planes, axis=2)
    else:
        out = warp(np.ascontiguousarray(source), fill)
        if source.ndim == 3 and out.ndim == 2:  # cv2 drops a channel axis of length 1
            out = out[..., None]
    return out.astype(mask.dtype, copy=False)
