"""Small helpers shared by the op families: OpenCV flag tables and lookup-table application."""

from __future__ import annotations

import math
import threading

import cv2
import numpy as np
import stringzilla


from augview.core.params import choice_param, int_param
from augview.text import tr

INTERPOLATIONS = {
    "nearest": cv2.INTER_NEAREST,
    "linear": cv2.INTER_LINEAR,
    "cubic": cv2.INTER_CUBIC,
    "area": cv2.INTER_AREA,
    "lanczos": cv2.INTER_LANCZOS4,
}

BORDERS = {
    "constant": cv2.BORDER_CONSTANT,
    "reflect": cv2.BORDER_REFLECT,
    "reflect_101": cv2.BORDER_REFLECT_101,
    "replicate": cv2.BORDER_REPLICATE,
    "wrap": cv2.BORDER_WRAP,
}


def interpolation_param(default: str = "linear"):
    # "area" only makes sense for resizing; warps treat it as linear, so it is offered everywhere
    # for one consistent list.
    return choice_param("interpolation", default, INTERPOLATIONS, help="how new pixels are computed")


def border_params(default: str = "constant"):
    return (
        choice_param("border_mode", default, BORDERS, help="what fills the area outside the image"),
        int_param("fill", 0, 0, 255, when=("border_mode", "constant"), help="grey level used by the constant border"),
    )


def border_value(image: np.ndarray, fill: int):
    return (fill,) * (1 if image.ndim == 2 else 3)


def box_caption(x: int, y: int, width: int, height: int) -> str:
    """``224x224px at (16, 5)``: a box drawn in the image, for grid captions."""
    return tr("{w}x{h}px at ({x}, {y})").format(w=width, h=height, x=x, y=y)


def is_gray(image: np.ndarray) -> bool:
    return image.ndim == 2


RAMP = np.arange(256, dtype=np.float64)  # 0..255, the input levels of a lookup table
_SMALL = 4096  # bytes: below this, cv2.LUT's lower call cost beats stringzilla's faster loop


def table_u8(values: np.ndarray) -> np.ndarray:
    """A float lookup table rounded (half to even, as np.rint) and clipped to uint8. Overwrites
    ``values`` (a float64 array the caller owns): on a 256-entry table the calls, not the
    arithmetic, are the cost, and ``np.clip`` costs several plain ufunc calls."""
    np.rint(values, out=values)
    np.maximum(values, 0.0, out=values)
    np.minimum(values, 255.0, out=values)
    return values.astype(np.uint8)


def apply_lut(image: np.ndarray, table: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Map every pixel through a 256-entry table (one per channel when ``table`` is (256, 3)):
    a uint8 table as it is, any other rounded and clipped to 0..255. Into ``out`` when given
    (same shape, uint8, C-contiguous), else into a new array."""
    if table.dtype != np.uint8:
        table = np.clip(np.rint(table), 0, 255).astype(np.uint8)
    if out is None:
        out = np.empty(image.shape, np.uint8)
    if table.ndim == 1 or image.ndim == 2:
        _translate(image, np.ascontiguousarray(table if table.ndim == 1 else table[:, 0]), out)
        return out
    # One table per channel: each plane translated in place, then merged into the output.
    planes = split_planes(image, "lut plane")
    for c, plane in enumerate(planes):
        _translate(plane, np.ascontiguousarray(table[:, c]), plane)
    return cv2.merge(planes, out)


def split_planes(image: np.ndarray, purpose: str) -> list[np.ndarray]:
    """The channels of ``image`` as separate planes, in this thread's reused buffers for
    ``purpose`` (see `scratch`: they must not leave the op). cv2.split fills given planes in one
    SIMD pass, about 8x faster than an extractChannel per channel; fresh planes would cost more
    in page faults than the split itself. ``cv2.merge(planes, out)`` is the way back."""
    planes = [scratch(f"{purpose} {c}", image.shape[:2]) for c in range(image.shape[2])]
    cv2.split(image, planes)
    return planes


def _translate(image: np.ndarray, table: np.ndarray, out: np.ndarray) -> None:
    """``out[...] = table[image]`` for a uint8 table of 256 entries (``out`` may be ``image``)."""
    if image.nbytes < _SMALL:
        cv2.LUT(image, table, dst=out)
        return
    # stringzilla's SIMD byte translation is about 10x faster than cv2.LUT for one table.
    stringzilla.translate(memoryview(np.ascontiguousarray(image).reshape(-1)), memoryview(table),
                          out=memoryview(out.reshape(-1)))


# Largest temporary kept for reuse per thread and purpose (16 MB: a 4-megapixel RGBA image).
_SCRATCH_BYTES = 1 << 24
_scratch = threading.local()


def scratch(purpose: str, shape: tuple, dtype=np.uint8) -> np.ndarray:
    """A temporary array of ``shape`` that this thread reuses from call to call for ``purpose``
    (one buffer per purpose), for a temporary that never leaves the op that asks for it.

    Why: a fresh megabyte-sized temporary makes glibc give memory back to the system when it is
    freed and fault it back in on the next call (a 6 MB temporary of a 1920x1080 RGB image costs
    ~1 ms of page faults, as much as a filter pass). Above 16 MB a fresh array is returned, so a
    huge image does not stay pinned in memory."""
    dtype = np.dtype(dtype)
    # math.prod, not np.prod: numpy's reduction costs ~3 µs a call, a few percent of a small op.
    size = math.prod(shape) * dtype.itemsize
    if size > _SCRATCH_BYTES:
        return np.empty(shape, dtype)
    buffers = getattr(_scratch, "buffers", None)
    if buffers is None:
        buffers = _scratch.buffers = {}
    buffer = buffers.get(purpose)
    if buffer is None or buffer.size < size:
        buffer = buffers[purpose] = np.empty(size, np.uint8)
    return buffer[:size].view(dtype).reshape(shape)


def to_uint8(values: np.ndarray) -> np.ndarray:
    """Round and clip float pixels back to uint8."""
    return np.clip(np.rint(values), 0, 255).astype(np.uint8)
