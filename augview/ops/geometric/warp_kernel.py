"""The one warp renderer that every resampling op uses: rotate, affine, perspective, elastic, grid
and optical distortion, and the policies' geometric primitives.

Coordinates follow OpenCV: pixel centres sit on integers, so an image of width ``w`` spans
[-0.5, w - 0.5]. `warp_affine` and `warp_perspective` take the forward matrix (input -> output
pixel coordinates), the one boxes and keypoints follow, and make one OpenCV call over the whole
output (see `_whole`); `remap` takes, per strip of output rows, the input position each output
pixel reads (cv2.remap's maps), so that a field never exists whole.

Why remap is built this way (all measured on 512x512 RGB, one thread):
- OpenCV's linear remaps have a SIMD path for 4-channel uint8 that 3-channel images miss, so
  linear RGB is padded to RGBA and back, bit-identical per pixel. Cubic and Lanczos are slower
  on 4 channels and stay RGB.
- Megabyte-sized temporaries made glibc return memory to the system and fault it back in on
  every call (700-1,400 page faults, +1 ms or more), depending on what the process did before.
  So the RGBA source lives in a per-thread scratch buffer (`augview.ops.common.scratch`), the
  RGBA output exists one ~128 KB strip at a time, and the other paths write straight into the
  output.
- OpenCV hangs in cubic interpolation with BORDER_REFLECT_101 when a side is one pixel long
  (`warp_source` sidesteps it); every op goes through the same guard.
A strip costs ~10 us of call overhead; remap reads its maps pixel by pixel, so where strips
start changes nothing.
"""

from __future__ import annotations

from typing import Callable

import cv2
import numpy as np

from augview.ops.common import BORDERS, INTERPOLATIONS, border_value, scratch

# Output rows per OpenCV call: a byte budget for one RGBA strip.
_STRIP_BYTES = 1 << 17

# strip(src, start, stop, flags, **border) -> output rows [start, stop)
Strip = Callable[..., np.ndarray]


def interpolation_flag(name: str) -> int:
    # INTER_AREA is a resizing method; warps and remaps would silently treat it as linear anyway,
    # so say so explicitly rather than rely on OpenCV's fallback.
    return cv2.INTER_LINEAR if name == "area" else INTERPOLATIONS[name]


def warp_source(image: np.ndarray, border_mode: str) -> np.ndarray:
    """The array a warp should sample from.

    OpenCV hangs forever in cubic interpolation with BORDER_REFLECT_101 when a side is one pixel
    long. Along a one-pixel side every non-constant border mode repeats that pixel, so doubling the
    side is exact and sidesteps the hang (and any similar corner case) for tiny images.
    """
    if border_mode == "constant" or min(image.shape[:2]) > 1:
        return image
    if image.shape[0] == 1:
        image = np.concatenate([image, image], axis=0)
    if image.shape[1] == 1:
        image = np.concatenate([image, image], axis=1)
    return image


def render(image: np.ndarray, size: tuple[int, int], strip: Strip, interpolation: str,
           border_mode: str, fill: int) -> np.ndarray:
    """Build the (height, width) = ``size`` output strip by strip.

    ``strip(src, start, stop, flags, **border)`` resamples output rows [start, stop) from ``src``,
    passing ``border`` (borderMode, borderValue and possibly dst) on to OpenCV.
    """
    height, width = size
    flags = interpolation_flag(interpolation)
    src = warp_source(image, border_mode)
    value = border_value(image, fill)
    mode = BORDERS[border_mode]
    rgba = src.ndim == 3 and flags == cv2.INTER_LINEAR
    if rgba:
        src = cv2.cvtColor(src, cv2.COLOR_RGB2RGBA, dst=scratch("rgba source", src.shape[:2] + (4,)))
        value = value + value[:1]
    out = np.empty((height, width) + image.shape[2:], np.uint8)
    if not rgba:
        # Written straight into the output, so strips would save nothing: one call, which also
        # keeps nearest sampling exactly where a whole-image warp puts it (the policies match
        # torchvision's rounding of positions halfway between pixels).
        strip(src, 0, height, flags, dst=out, borderMode=mode, borderValue=value)
        return out
    rows = max(16, _STRIP_BYTES // (4 * width))
    for start in range(0, height, rows):
        stop = min(start + rows, height)
        part = strip(src, start, stop, flags, borderMode=mode, borderValue=value)
        cv2.cvtColor(part, cv2.COLOR_RGBA2RGB, dst=out[start:stop])
    return out


def _whole(image: np.ndarray, size: tuple[int, int], call: Callable, interpolation: str, border_mode: str,
           fill: int) -> np.ndarray:
    """One OpenCV call over the whole output, written straight into it (``call(src, flags, dst,
    **border)``): for the matrix warps this is faster than strips at every size (with OpenCV 5,
    3-channel linear warps are as fast as 4-channel ones, and strips cost ~10 us of call each plus
    a colour conversion), and pixels do not depend on where strips start."""
    src = warp_source(image, border_mode)
    out = np.empty(tuple(size) + image.shape[2:], np.uint8)
    call(src, interpolation_flag(interpolation), out, borderMode=BORDERS[border_mode],
         borderValue=border_value(image, fill))
    return out


def warp_affine(image: np.ndarray, matrix: np.ndarray, size: tuple[int, int], interpolation: str,
                border_mode: str = "constant", fill: int = 0, inverse: np.ndarray | None = None) -> np.ndarray:
    """``image`` moved by the forward affine ``matrix`` (2x3 or 3x3) into a (height, width) = ``size``
    output. ``inverse`` (output -> input, 2x3) may be given when it is known exactly."""
    if inverse is None:
        inverse = cv2.invertAffineTransform(np.asarray(matrix, dtype=np.float64)[:2])
    dsize = (size[1], size[0])

    def call(src, flags, dst, **border):
        cv2.warpAffine(src, inverse, dsize, dst=dst, flags=flags | cv2.WARP_INVERSE_MAP, **border)

    return _whole(image, size, call, interpolation, border_mode, fill)


def warp_perspective(image: np.ndarray, matrix: np.ndarray, size: tuple[int, int], interpolation: str,
                     border_mode: str = "constant", fill: int = 0) -> np.ndarray:
    """``image`` moved by the forward 3x3 homography ``matrix`` into a ``size`` output."""
    inverse = np.linalg.inv(matrix)
    dsize = (size[1], size[0])

    def call(src, flags, dst, **border):
        cv2.warpPerspective(src, inverse, dsize, dst=dst, flags=flags | cv2.WARP_INVERSE_MAP, **border)

    return _whole(image, size, call, interpolation, border_mode, fill)


def remap(image: np.ndarray, size: tuple[int, int], maps: Callable, interpolation: str,
          border_mode: str = "constant", fill: int = 0) -> np.ndarray:
    """Resample through a displacement field: ``maps(start, stop)`` gives, for output rows
    [start, stop), either one (rows, width, 2) float32 map or a (map_x, map_y) pair."""

    def strip(src, start, stop, flags, **border):
        field = maps(start, stop)
        if isinstance(field, tuple):
            return cv2.remap(src, field[0], field[1], flags, **border)
        return cv2.remap(src, field, None, flags, **border)

    return render(image, size, strip, interpolation, border_mode, fill)
