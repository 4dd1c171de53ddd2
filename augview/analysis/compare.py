"""The numbers behind the window's Compare view: the amplified difference of two images and their
per-channel histograms. The window only draws what these return.

A grey image compared with a colour one is compared as colour. Images of different sizes (after
a crop, a pad or a resize) are compared at a common size: the second is resized to the first's
(`at_common_size`; stretched when their shapes differ), and their histograms compare by tone, each
bin as the share of its own image's pixels (`shares`).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from augview.core.images import check_image, to_rgb


@dataclass(frozen=True)
class Difference:
    """``|a - b|`` times ``gain`` (saturating at 255), with what it says in numbers."""

    image: np.ndarray | None
    gain: float
    sizes_differ: bool = False  # the second image was resized to the first's size to subtract them
    mean: float = 0.0  # of the true (not amplified) difference, over pixels and channels
    max: int = 0
    changed: float = 0.0  # the share of pixels where any channel changed


@dataclass(frozen=True)
class Histograms:
    """256-bin histograms per channel ("R", "G", "B", or "grey" when both images are grey):
    ``original`` and ``augmented`` are float64 arrays of shape (channels, 256), each channel
    summing to that image's pixel count; the means are per channel."""

    channels: list[str]
    original: np.ndarray
    augmented: np.ndarray
    original_mean: list[float]
    augmented_mean: list[float]


@dataclass(frozen=True)
class Comparison:
    difference: Difference
    histograms: Histograms


def at_common_size(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``b`` at the height and width of ``a`` (itself when they already match): shrunk with area
    averaging, enlarged linearly, stretched when the two shapes differ."""
    height, width = a.shape[:2]
    if b.shape[:2] == (height, width):
        return b
    shrinking = b.shape[0] * b.shape[1] > height * width
    return cv2.resize(b, (width, height), interpolation=cv2.INTER_AREA if shrinking else cv2.INTER_LINEAR)


def difference(a: np.ndarray, b: np.ndarray, gain: float) -> Difference:
    """``|a - b|`` amplified by ``gain``, ``b`` first brought to ``a``'s size."""
    check_image(a)
    check_image(b)
    resized = a.shape[:2] != b.shape[:2]
    b = at_common_size(a, b)
    if a.ndim != b.ndim:
        a, b = to_rgb(a), to_rgb(b)
    diff = cv2.absdiff(a, b)
    amplified = cv2.convertScaleAbs(diff, alpha=float(gain))  # saturates at 255
    changed = diff if diff.ndim == 2 else diff.max(axis=2)
    return Difference(amplified, float(gain), sizes_differ=resized, mean=float(diff.mean()), max=int(diff.max()),
                      changed=float(np.count_nonzero(changed)) / changed.size)


def histograms(a: np.ndarray, b: np.ndarray) -> Histograms:
    check_image(a)
    check_image(b)
    if a.ndim == 2 and b.ndim == 2:
        names = ["grey"]
    else:
        a, b, names = to_rgb(a), to_rgb(b), ["R", "G", "B"]
    counts, means = [], []
    for image in (a, b):
        image = np.ascontiguousarray(image)
        counts.append(np.stack([cv2.calcHist([image], [c], None, [256], [0, 256]).ravel().astype(np.float64)
                                for c in range(len(names))]))
        means.append([float(image[..., c].mean()) if image.ndim == 3 else float(image.mean())
                      for c in range(len(names))])
    return Histograms(names, counts[0], counts[1], means[0], means[1])


def compare(a: np.ndarray, b: np.ndarray, gain: float) -> Comparison:
    """Both at once, as the window's render worker computes them while Compare is open."""
    return Comparison(difference(a, b, gain), histograms(a, b))


def shares(counts: np.ndarray) -> np.ndarray:
    """A histogram as the share of the image's pixels in each bin: a 224x224 crop and its
    512x512 original compare by tone, not by size."""
    return counts / max(float(counts.sum()), 1.0)


def plot_top(*curves: np.ndarray) -> tuple[float, bool]:
    """The height a plot of ``curves`` should reach, and whether some bins are taller (and get
    cut off). It is the 99th percentile, not the peak, plus 15 % headroom: one huge bin (the black
    corners of a rotation, clipped highlights) would otherwise flatten every other bin."""
    both = np.concatenate(curves)
    top = max(float(np.percentile(both, 99)) * 1.15, 1e-12)
    return top, bool(both.max() > top)
