"""Blur ops: gaussian, motion and median blur.

Kernel sizes must be odd (a kernel needs a centre pixel). Integer ranges of kernel sizes are
declared as plain integer ranges; `odd_uniform` draws only among the odd sizes inside the range,
each equally likely, and the trace records the size actually used.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from augview.core.params import range_param
from augview.core.registry import Op, register, uniform


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


def motion_kernel(ksize: int, angle: float, direction: float) -> np.ndarray:
    """Normalised float32 (ksize, ksize) kernel: a straight streak through the centre.

    ``angle`` is in degrees, counter-clockwise as seen on screen (0 is horizontal, 90 vertical).
    ``direction`` in [-1, 1] biases the streak like albumentations' MotionBlur: -1 only backward
    from the centre, 0 symmetric, 1 only forward, in between a partial bias.
    """
    ksize = max(1, int(ksize))
    center = ksize // 2
    reach = center
    direction = min(1.0, max(-1.0, float(direction)))
    start = -reach * (1.0 - max(direction, 0.0))
    end = reach * (1.0 - max(-direction, 0.0))
    dx, dy = math.cos(math.radians(angle)), -math.sin(math.radians(angle))  # image y points down
    # Points every quarter pixel along the streak, each spread over its four nearest cells
    # (bilinear splatting): axis-aligned streaks stay one pixel thin and exact, other angles give
    # a smooth line instead of a staircase of whole pixels.
    count = max(2, int(math.ceil((end - start) * 4)) + 1)
    t = np.linspace(start, end, count)
    # Clipped against rounding just outside the kernel at the streak's ends.
    x = np.clip(center + dx * t, 0, ksize - 1)
    y = np.clip(center + dy * t, 0, ksize - 1)
    x0, y0 = np.floor(x), np.floor(y)
    fx, fy = x - x0, y - y0
    x0, y0 = x0.astype(np.intp), y0.astype(np.intp)
    x1, y1 = np.minimum(x0 + 1, ksize - 1), np.minimum(y0 + 1, ksize - 1)
    kernel = np.zeros((ksize, ksize), dtype=np.float64)
    np.add.at(kernel, (y0, x0), (1 - fx) * (1 - fy))
    np.add.at(kernel, (y0, x1), fx * (1 - fy))
    np.add.at(kernel, (y1, x0), (1 - fx) * fy)
    np.add.at(kernel, (y1, x1), fx * fy)
    return (kernel / kernel.sum()).astype(np.float32)


def _sample_motion_blur(rng, params, shape):
    return {
        "ksize": odd_uniform(rng, params["kernel_limit"]),
        "angle": uniform(rng, params["angle_limit"]),
        "direction": uniform(rng, params["direction_limit"]),
    }


def _motion_blur(image, drawn):
    kernel = motion_kernel(drawn["ksize"], drawn["angle"], drawn["direction"])
    # The streak fills only a thin band of its square kernel. Filtering with the non-zero bounding
    # box (and the anchor moved to match) gives the same pixels and, filter2D's cost growing with
    # kernel area, is several times faster for near-horizontal, near-vertical or one-sided streaks.
    rows = np.flatnonzero(kernel.any(axis=1))
    cols = np.flatnonzero(kernel.any(axis=0))
    center = kernel.shape[0] // 2
    box = kernel[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    anchor = (center - int(cols[0]), center - int(rows[0]))
    return cv2.filter2D(image, -1, box, anchor=anchor, borderType=cv2.BORDER_REFLECT_101)


register(Op(
    name="motion_blur",
    category="blur",
    description=(
        "Smears the image along a straight line of drawn length and angle, as when the camera or "
        "the subject moves during the exposure. Good for handheld, vehicle or sports footage; long "
        "streaks make text and thin structures unreadable. Direction skews the smear to one side of "
        "each pixel instead of both."
    ),
    params=(
        range_param("kernel_limit", (3, 7), 3, 31, step=2, unit="px", integer=True, draws="ksize",
                    help="length of the streak in pixels (odd sizes only)"),
        range_param("angle_limit", (0, 360), 0, 360, step=1, unit="°", draws="angle",
                    help="orientation of the streak, counter-clockwise from horizontal"),
        range_param("direction_limit", (-1, 1), -1, 1, step=0.1, draws="direction",
                    help="-1 smears backward only, 0 both ways, 1 forward only"),
    ),
    apply=_motion_blur,
    sample=_sample_motion_blur,
))


# ---------------------------------------------------------------------------- median blur


def _sample_median_blur(rng, params, shape):
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
    sample=_sample_median_blur,
))
