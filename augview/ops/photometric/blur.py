"""Blur ops: gaussian, motion, median and box blur (defocus, zoom and glass blur: blur_lens.py).

Kernel sizes must be odd (a kernel needs a centre pixel). Integer ranges of kernel sizes are
declared as plain integer ranges; `odd_uniform` draws only among the odd sizes inside the range,
each equally likely, and the trace records the size actually used.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from augview.core.params import bool_param, range_param
from augview.core.randomness import uniform
from augview.core.registry import Op, register


def odd_uniform(rng: np.random.Generator, low_high) -> int:
    """An odd integer drawn uniformly from the odd values in [low, high] (one draw).

    When the range holds no odd value (e.g. (4, 4)) the low end is rounded up to the next odd.
    """
    low, high = int(low_high[0]), int(low_high[1])
    first = low | 1  # round up to odd
    last = high if high % 2 else high - 1  # round down to odd
    steps = max(0, (last - first) // 2)
    return first + 2 * uniform(rng, (0, steps), integer=True)


# ---------------------------------------------------------------------------- gaussian blur


def gaussian_ksize(sigma: float) -> int:
    """Odd kernel side covering +-3 sigma, where the bell has fallen below 1.2% of its peak."""
    return 2 * int(math.ceil(3.0 * sigma)) + 1


def _sample_gaussian_blur(rng, params, shape):
    sigma = uniform(rng, params["sigma_limit"])
    return {"sigma": sigma, "ksize": gaussian_ksize(sigma)}


def _gaussian_blur(image, drawn):
    ksize = int(drawn["ksize"])
    if ksize <= 1 or drawn["sigma"] <= 0:
        return image.copy()
    # Two 1-D passes with a float kernel: same result as cv2.GaussianBlur within one grey level,
    # and 25-50% faster from 13-pixel kernels on (GaussianBlur's bit-exact uint8 path is slower).
    kernel = cv2.getGaussianKernel(ksize, drawn["sigma"])
    return cv2.sepFilter2D(image, -1, kernel, kernel, borderType=cv2.BORDER_REFLECT_101)


register(Op(
    name="gaussian_blur",
    category="blur",
    description=(
        "Softens the image with a bell-shaped average of each pixel's neighbourhood, like a camera "
        "slightly out of focus. Teaches a model to rely on shapes rather than sharp texture; strong "
        "blur wipes out small objects and fine print. The kernel size follows from sigma "
        "(it spans three sigmas each side)."
    ),
    params=(
        range_param("sigma_limit", (0.1, 2.0), 0, 10, step=0.1, unit="px", draws="sigma",
                    help="width of the bell in pixels; larger is blurrier"),
    ),
    apply=_gaussian_blur,
    sample=_sample_gaussian_blur,
))


# ---------------------------------------------------------------------------- motion blur


def motion_kernel(ksize: int, angle: float, direction: float, antialias: bool = False) -> np.ndarray:
    """Normalised float32 (ksize, ksize) kernel: a straight streak through the centre.

    ``angle`` is in degrees, counter-clockwise as seen on screen (0 is horizontal, 90 vertical).
    ``direction`` in [-1, 1] biases the streak like albumentations' MotionBlur: -1 only backward
    from the centre, 0 symmetric, 1 only forward, in between a partial bias. Without
    ``antialias`` the streak is one cell per step along its longer axis, the nearest to the line
    (one pixel thick, as albumentations draws it, though at some angles other cells: it rounds
    ksize points spaced along the line); with it, each step's weight is split between the two
    cells the line passes between. ``ksize`` is the streak's length along its own direction.
    """
    ksize = max(1, int(ksize))
    center = ksize // 2
    reach = center
    direction = min(1.0, max(-1.0, float(direction)))
    start = -reach * (1.0 - max(direction, 0.0))
    end = reach * (1.0 - max(-direction, 0.0))
    dx, dy = math.cos(math.radians(angle)), -math.sin(math.radians(angle))  # image y points down
    # One unit of weight at each whole step along the major axis, in the cell nearest the line on
    # the minor axis, or (antialias, in the manner of Xiaolin Wu) split between the two cells
    # straddling it. An axis-aligned streak is one cell thick either way; a slanted one is a
    # staircase of at most ksize cells, or smooth with up to twice as many. filter2D's time follows
    # the number of non-zero cells, so the smooth streak costs up to twice as much.
    steep = abs(dy) > abs(dx)
    major, minor = (dy, dx) if steep else (dx, dy)
    lo, hi = sorted((center + major * start, center + major * end))
    # Whole steps from the cell nearest one end to the cell nearest the other.
    steps = np.arange(math.floor(lo + 0.5), math.floor(hi + 0.5) + 1, dtype=np.intp)
    # Rounded to 1e-6 so that sin(180 degrees) ~ 1e-16 leaves no dust in the next row.
    across = np.clip(np.round(center + (steps - center) * (minor / major), 6), 0, ksize - 1)
    if antialias:
        near = np.floor(across).astype(np.intp)
        frac = across - near
    else:
        near = np.floor(across + 0.5).astype(np.intp)
        frac = np.zeros(near.shape)
    far = np.minimum(near + 1, ksize - 1)
    kernel = np.zeros((ksize, ksize), dtype=np.float64)
    steps = np.clip(steps, 0, ksize - 1)
    if steep:
        np.add.at(kernel, (steps, near), 1 - frac)
        np.add.at(kernel, (steps, far), frac)
    else:
        np.add.at(kernel, (near, steps), 1 - frac)
        np.add.at(kernel, (far, steps), frac)
    return (kernel / kernel.sum()).astype(np.float32)


def _sample_motion_blur(rng, params, shape):
    return {
        "ksize": odd_uniform(rng, params["kernel_limit"]),
        "angle": uniform(rng, params["angle_limit"]),
        "direction": uniform(rng, params["direction_limit"]),
        "antialias": bool(params["antialias"]),
    }


# OpenCV's filter2D switches to a DFT for uint8 kernels of 130 cells or more: 15-20 ms on a
# 512x512 RGB image whatever the kernel holds. Below that it loops over the non-zero cells only,
# which suits a thin streak.
_DFT_AREA = 130


def _bands(kernel: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Split a kernel's non-zero cells into horizontal bands ``(row0, row1, col0, col1)`` (ends
    excluded) whose bounding boxes each stay under the DFT threshold."""
    rows = np.flatnonzero(kernel.any(axis=1))
    bands = []
    start = int(rows[0])
    while start <= rows[-1]:
        end = start + 1
        while end <= rows[-1]:
            cols = np.flatnonzero(kernel[start:end + 1].any(axis=0))
            if (end + 1 - start) * (cols[-1] - cols[0] + 1) >= _DFT_AREA:
                break
            end += 1
        cols = np.flatnonzero(kernel[start:end].any(axis=0))
        if cols.size:
            bands.append((start, end, int(cols[0]), int(cols[-1]) + 1))
        start = end
    return bands


def streak_filter(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """``cv2.filter2D(image, -1, kernel, borderType=BORDER_REFLECT_101)`` for a sparse square
    kernel centred on its middle cell, without the DFT path: the same pixels within one grey
    level, and 4-10x faster for long diagonal streaks."""
    center = kernel.shape[0] // 2
    rows = np.flatnonzero(kernel.any(axis=1))
    cols = np.flatnonzero(kernel.any(axis=0))
    if (rows[-1] - rows[0] + 1) * (cols[-1] - cols[0] + 1) < _DFT_AREA:
        # One small box: crop to the non-zero cells and move the anchor to match.
        box = kernel[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
        anchor = (center - int(cols[0]), center - int(rows[0]))
        return cv2.filter2D(image, -1, box, anchor=anchor, borderType=cv2.BORDER_REFLECT_101)
    # Several bands, summed. A band need not contain the centre, so it cannot keep the centre as
    # its anchor; instead the image is padded once and each band is anchored at its top-left
    # corner, its output read at the band's offset. Partial sums are kept as int16 in 1/128ths of
    # a grey level (255 * 128 fits), so they add up without rounding each band to whole levels.
    height, width = image.shape[:2]
    padded = cv2.copyMakeBorder(image, center, center, center, center, cv2.BORDER_REFLECT_101)
    total = None
    for row0, row1, col0, col1 in _bands(kernel):
        band = kernel[row0:row1, col0:col1] * np.float32(128)
        part = cv2.filter2D(padded, cv2.CV_16S, band, anchor=(0, 0))[row0:row0 + height, col0:col0 + width]
        total = part.copy() if total is None else cv2.add(total, part, dst=total)
    return cv2.convertScaleAbs(total, alpha=1 / 128)


def _motion_blur(image, drawn):
    # A trace from before the option existed drew the anti-aliased streak.
    antialias = drawn.get("antialias", True)
    if not isinstance(antialias, (bool, np.bool_)):
        raise ValueError(f"antialias must be true or false, got {antialias!r}")
    ksize = int(drawn["ksize"])
    if not 1 <= ksize <= MAX_STREAK:  # an edited trace: refused, not a kernel of gigabytes
        raise ValueError(f"ksize must be from 1 to {MAX_STREAK}, got {ksize}")
    return streak_filter(image, motion_kernel(ksize, drawn["angle"], drawn["direction"], bool(antialias)))


MAX_STREAK = 31  # longest streak, in pixels (the kernel_limit slider's end)


register(Op(
    name="motion_blur",
    category="blur",
    description=(
        "Smears the image along a straight line of drawn length and angle, as when the camera or "
        "the subject moves during the exposure. Good for handheld, vehicle or sports footage; long "
        "streaks make text and thin structures unreadable. Direction skews the smear to one side of "
        "each pixel instead of both. A slanted streak is a staircase of single pixels, as "
        "albumentations draws one; antialias smooths it at up to twice the cost."
    ),
    params=(
        range_param("kernel_limit", (3, 7), 3, MAX_STREAK, step=2, unit="px", integer=True, draws="ksize",
                    help="length of the streak in pixels (odd sizes only)"),
        range_param("angle_limit", (0, 360), 0, 360, step=1, unit="°", draws="angle",
                    help="orientation of the streak, counter-clockwise from horizontal"),
        range_param("direction_limit", (-1, 1), -1, 1, step=0.1, draws="direction",
                    help="-1 smears backward only, 0 both ways, 1 forward only"),
        bool_param("antialias", False,
                   help="a slanted streak split over two rows where it runs between pixels: smooth at "
                        "any angle, up to twice the time"),
    ),
    apply=_motion_blur,
    sample=_sample_motion_blur,
))


# ---------------------------------------------------------------------------- median blur


def _sample_odd_ksize(rng, params, shape):
    """An odd kernel side drawn from ``ksize_limit`` (median and box blur)."""
    return {"ksize": odd_uniform(rng, params["ksize_limit"])}


def _median_blur(image, drawn):
    ksize = int(drawn["ksize"])
    if ksize <= 1:
        return image.copy()
    return cv2.medianBlur(image, ksize)


register(Op(
    name="median_blur",
    category="blur",
    description=(
        "Replaces each pixel by the median of its square neighbourhood. It removes speckles and "
        "salt-and-pepper noise while keeping edges sharper than a gaussian blur does, but flattens "
        "texture into a painted look and rounds off corners and thin lines."
    ),
    params=(
        range_param("ksize_limit", (3, 7), 3, 15, step=2, unit="px", integer=True, draws="ksize",
                    help="side of the neighbourhood in pixels (odd sizes only)"),
    ),
    apply=_median_blur,
    sample=_sample_odd_ksize,
))


# ---------------------------------------------------------------------------- box blur


def _box_blur(image, drawn):
    ksize = int(drawn["ksize"])
    if ksize <= 1:
        return image.copy()
    # The plain mean of the ksize x ksize neighbourhood, mirrored at the border (OpenCV's
    # BORDER_REFLECT_101, as albumentations' Blur).
    return cv2.blur(image, (ksize, ksize), borderType=cv2.BORDER_REFLECT_101)


register(Op(
    name="box_blur",
    category="blur",
    description=(
        "Replaces each pixel by the plain average of its square neighbourhood (albumentations' "
        "Blur), the cheapest blur there is. Every neighbour counts the same, so edges soften into "
        "a ramp and a bright dot becomes a small square, less natural than a gaussian blur's "
        "round glow. Use it like gaussian_blur, to make a model rely on shapes rather than fine "
        "texture; large kernels erase small objects and text."
    ),
    params=(
        range_param("ksize_limit", (3, 7), 3, 31, step=2, unit="px", integer=True, draws="ksize",
                    help="side of the averaged square in pixels (odd sizes only)"),
    ),
    apply=_box_blur,
    sample=_sample_odd_ksize,
))
