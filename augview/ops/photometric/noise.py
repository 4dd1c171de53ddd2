"""Noise and quality ops: gaussian noise, salt and pepper, JPEG compression, downscaling, superpixels.

Per-pixel randomness never goes into the trace: `sample` draws an integer ``noise_seed`` and
`apply` rebuilds the field from ``np.random.default_rng(noise_seed)``, so a replay is exact and
the trace stays a few numbers long.

Units: noise strengths (``std``, ``mean``) are grey levels on the 0-255 scale of the uint8 image,
not fractions of the maximum as in albumentations 2 (``std_range=(0.02, 0.08)`` there is
``std_limit=(5.1, 20.4)`` here).
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from augview.ops.common import INTERPOLATIONS, interpolation_param, scratch
from augview.core.params import bool_param, choice_param, float_param, int_param, range_param
from augview.core.randomness import draw_seed, uniform
from augview.core.registry import Op, register




def standard_normal(seed: int, shape: tuple) -> np.ndarray:
    """Float32 N(0, 1) samples of ``shape``, a pure function of ``seed``.

    Box-Muller over 16-bit uniforms: numpy's own float32 ``standard_normal`` costs about 7 ms for
    a 512x512x3 field, which is most of albumentations' GaussNoise time. Each raw 64-bit word of
    the generator gives four 16-bit uniforms (numpy's float32 uniforms spend 32 bits each, and
    drawing them was half the cost), and each uniform pair two independent normals (the cos and sin
    halves of the output). 65536 radii and angles are plenty for pixel noise: the values reach
    4.7 standard deviations (beyond that, one value in 400,000 of a true normal), and the steps
    between them are far below a grey level at any strength.
    """
    count = int(math.prod(shape))
    half = (count + 1) // 2
    words = np.random.default_rng(seed).bit_generator.random_raw((2 * half + 3) // 4)
    # Computed in place in one float buffer (fresh buffers cost page faults at this size).
    values = words.view(np.uint16)[:2 * half].astype(np.float32)
    radius, angle = values[:half], values[half:]
    radius += np.float32(0.5)
    radius *= np.float32(1.0 / 65536.0)  # (0, 1): the log is finite
    np.log(radius, out=radius)
    radius *= np.float32(-2.0)
    np.sqrt(radius, out=radius)
    angle *= np.float32(2.0 * np.pi / 65536.0)
    cos = np.cos(angle)
    np.sin(angle, out=angle)
    angle *= radius  # second half: r sin(theta)
    radius *= cos  # first half: r cos(theta)
    return values[:count].reshape(shape)


def _sample_gaussian_noise(rng, params, shape):
    return {
        "std": uniform(rng, params["std_limit"]),
        "noise_seed": draw_seed(rng),
        "mean": params["mean"],
        "per_channel": params["per_channel"],
    }


def _gaussian_noise(image, drawn):
    std, mean = drawn["std"], drawn["mean"]
    if std == 0 and mean == 0:
        return image.copy()
    colour = image.ndim == 3
    field_shape = image.shape if (colour and drawn["per_channel"]) else image.shape[:2]
    noise = standard_normal(drawn["noise_seed"], field_shape)
    noise *= np.float32(std)
    if mean:
        noise += np.float32(mean)
    if colour and not drawn["per_channel"]:
        # One field copied to the three channels: the noise is grey, only brightness jitters.
        noise = cv2.cvtColor(noise, cv2.COLOR_GRAY2RGB)
    # uint8 + float32 -> uint8 in one pass; OpenCV rounds to nearest and saturates at 0 and 255.
    return cv2.add(image, noise, dtype=cv2.CV_8U)


register(Op(
    name="gaussian_noise",
    category="noise",
    description=(
        "Adds random grain drawn from a bell curve to every pixel, like sensor noise in a dim "
        "photo. A little teaches a model to ignore grain and not to trust single pixels; too much "
        "buries fine texture and small objects. Per channel gives coloured speckles, otherwise the "
        "grain is grey."
    ),
    params=(
        range_param("std_limit", (5, 20), 0, 120, step=0.5, draws="std",  # 120: A.GaussNoise() draws up to 112
                    help="standard deviation of the noise in grey levels (0-255 scale)"),
        float_param("mean", 0, -50, 50, step=0.5,
                    help="average of the noise in grey levels; non-zero also shifts brightness"),
        bool_param("per_channel", True, help="independent noise in each colour channel"),
    ),
    apply=_gaussian_noise,
    sample=_sample_gaussian_noise,
))


def _sample_salt_and_pepper(rng, params, shape):
    return {
        "amount": uniform(rng, params["amount_limit"]),
        "salt_vs_pepper": uniform(rng, params["salt_vs_pepper_limit"]),
        "noise_seed": draw_seed(rng),
    }


def _salt_and_pepper(image, drawn):
    amount = drawn["amount"]
    # One 16-bit uniform per pixel, shared by the channels (four from each raw 64-bit word of the
    # generator: twice as fast to draw as float32 uniforms, with steps of 1/65536 of the amount
    # scale); a hit pixel becomes pure white or black: u < salt is salt, salt <= u < hit pepper.
    height, width = image.shape[:2]
    count = height * width
    words = np.random.default_rng(drawn["noise_seed"]).bit_generator.random_raw((count + 3) // 4)
    u = words.view(np.uint16)[:count].reshape(height, width)
    hit = int(round(amount * 65536.0))
    salt_below = int(round(amount * drawn["salt_vs_pepper"] * 65536.0))
    out = image.copy()
    if count == 1:
        # OpenCV reads a 1x1 array next to a scalar as a scalar itself and refuses the call.
        out[u < salt_below] = 255
        out[(u >= salt_below) & (u < hit)] = 0
        return out
    # Masked OpenCV writes: about 3x faster than numpy boolean indexing on a colour image.
    salt = cv2.compare(u, salt_below, cv2.CMP_LT)
    pepper = cv2.subtract(cv2.compare(u, hit, cv2.CMP_LT), salt)
    cv2.bitwise_or(out, (255, 255, 255, 0), dst=out, mask=salt)
    cv2.bitwise_and(out, (0, 0, 0, 0), dst=out, mask=pepper)
    return out


register(Op(
    name="salt_and_pepper",
    category="noise",
    description=(
        "Turns a random fraction of the pixels pure white (salt) or pure black (pepper), like dead "
        "sensor cells or transmission errors. Helps models that meet such corrupted images; at more "
        "than a few percent it shreds thin lines and text."
    ),
    params=(
        range_param("amount_limit", (0.01, 0.06), 0, 0.5, step=0.005, draws="amount",
                    help="fraction of the pixels that are hit"),
        range_param("salt_vs_pepper_limit", (0.4, 0.6), 0, 1, step=0.05, draws="salt_vs_pepper",
                    help="share of the hit pixels that turn white; the rest turn black"),
    ),
    apply=_salt_and_pepper,
    sample=_sample_salt_and_pepper,
))


def _jpeg_compression(image, drawn):
    params = [cv2.IMWRITE_JPEG_QUALITY, int(drawn["quality"])]
    if image.ndim == 2:
        _, data = cv2.imencode(".jpg", image, params)
        return cv2.imdecode(data, cv2.IMREAD_GRAYSCALE)
    # OpenCV's encoder assumes BGR. Feeding RGB as is would round-trip to the right colours but
    # compute luma with red and blue swapped, so the sharp channel and the subsampled chroma
    # would hold the wrong mix. The swaps cost ~0.02 ms each and give the pixels of a real JPEG
    # (identical to Pillow saving the RGB image at the same quality).
    # Into a reused buffer: the BGR copy never leaves this function (see `scratch`).
    bgr = cv2.cvtColor(image, cv2.COLOR_RGB2BGR, dst=scratch("jpeg bgr", image.shape))
    _, data = cv2.imencode(".jpg", bgr, params)
    if _DECODE_RGB is not None:  # OpenCV >= 4.10 decodes straight to RGB: one conversion less
        return cv2.imdecode(data, _DECODE_RGB)
    return cv2.cvtColor(cv2.imdecode(data, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)


_DECODE_RGB = getattr(cv2, "IMREAD_COLOR_RGB", None)


register(Op(
    name="jpeg_compression",
    category="quality",
    description=(
        "Saves the image as a JPEG at a drawn quality and loads it back, adding the blocky 8x8 "
        "artefacts, colour bleeding and ringing of compressed web photos. Useful when training "
        "images are clean but real inputs are scraped or re-shared; very low qualities (below 30) "
        "smear colours and small details."
    ),
    params=(
        range_param("quality_limit", (50, 95), 1, 100, step=1, integer=True, draws="quality",
                    help="JPEG quality: 100 is nearly lossless, 1 is a mosaic of blocks"),
    ),
    apply=_jpeg_compression,
))


def downscale_size(scale: float, shape: tuple) -> tuple[int, int]:
    """(width, height) of the small intermediate image; never below one pixel."""
    height, width = shape[:2]
    return max(1, int(round(width * scale))), max(1, int(round(height * scale)))


def _downscale(image, drawn):
    height, width = image.shape[:2]
    small = cv2.resize(image, downscale_size(drawn["scale"], image.shape),
                       interpolation=INTERPOLATIONS[drawn["down_interpolation"]])
    return cv2.resize(small, (width, height), interpolation=INTERPOLATIONS[drawn["up_interpolation"]])


register(Op(
    name="downscale",
    category="quality",
    description=(
        "Shrinks the image by a drawn factor and enlarges it back to its size, losing detail the "
        "way a low-resolution camera or a thumbnail does. Nearest interpolation leaves blocky "
        "pixels, linear or area leave blur. Helps a model cope with low-resolution inputs; strong "
        "factors erase small objects entirely."
    ),
    params=(
        range_param("scale_limit", (0.25, 0.5), 0.05, 1, step=0.01, draws="scale",
                    help="side of the small image as a fraction of the original side"),
        choice_param("down_interpolation", "nearest", INTERPOLATIONS, help="how the image is shrunk"),
        choice_param("up_interpolation", "nearest", INTERPOLATIONS, help="how it is enlarged back"),
    ),
    apply=_downscale,
))


# ---------------------------------------------------------------------------------------------
# superpixels

# Candidate (pixel, centre) pairs handled at once by `slic_labels`: bounds its memory (~60 MB).
_SLIC_CHUNK = 1 << 20


def slic_labels(image: np.ndarray, n_segments: int, compactness: float = 10.0,
                iterations: int = 10) -> np.ndarray:
    """(H, W) int64 segment labels (0, 1, ...; -1 where no centre reached) by SLIC (Achanta et
    al., 2012) exactly as albumentations 2.x computes it, vectorised.

    Centres start on a square grid of step ``sqrt(H * W / n_segments)``. Each round, every centre
    claims the pixels of its (2 step + 1)-square window whose distance (squared colour distance
    on the image scaled to [0, 1], plus ``compactness`` times the squared spatial distance in
    steps) beats the best distance the pixel has had so far (kept from round to round; ties go
    to the earlier centre); then each centre moves to the mean position of its pixels, rounded
    down."""
    image = image[..., None] if image.ndim == 2 else image
    height, width = image.shape[:2]
    scaled = image.astype(np.float32) / np.max(image + 1e-6)
    step, centres = slic_grid(image.shape, n_segments)
    # Padded by a window's reach on every side, so every window is whole: outside pixels are NaN,
    # whose distance never wins. Labels and distances live on the padded grid too.
    padded = np.pad(scaled, ((step, step), (step, step), (0, 0)), constant_values=np.nan)
    pad_w = width + 2 * step
    labels = np.full(padded.shape[:2], -1, np.int64)
    best = np.full(padded.shape[:2], np.inf)
    window = np.arange(2 * step + 1)
    offsets = window - step
    # The spatial term depends only on the offset from the centre.
    spatial = compactness * ((offsets[:, None] ** 2 + offsets[None, :] ** 2) / (step**2))
    per_chunk = max(1, _SLIC_CHUNK // window.size**2)
    rows_of, cols_of = np.indices((height, width))
    for _ in range(iterations):
        for first in range(0, len(centres), per_chunk):
            chunk = centres[first:first + per_chunk]
            top, left = chunk[:, 1], chunk[:, 0]  # the window's corner on the padded grid
            rows = (top[:, None] + window)[:, :, None]
            cols = (left[:, None] + window)[:, None, :]
            colour = np.sum((padded[rows, cols] - scaled[top, left][:, None, None]) ** 2, axis=-1)
            _claim(colour + spatial, rows * pad_w + cols, first, labels.reshape(-1), best.reshape(-1))
        inner = labels[step:step + height, step:step + width]
        found = inner >= 0
        counts = np.bincount(inner[found], minlength=len(centres))
        sum_x = np.bincount(inner[found], weights=cols_of[found], minlength=len(centres))
        sum_y = np.bincount(inner[found], weights=rows_of[found], minlength=len(centres))
        moved = counts > 0
        centres[moved, 0] = (sum_x[moved] / counts[moved]).astype(np.int64)
        centres[moved, 1] = (sum_y[moved] / counts[moved]).astype(np.int64)
    return labels[step:step + height, step:step + width].copy()


def slic_grid(shape: tuple, n_segments: int) -> tuple[int, np.ndarray]:
    """``(step, centres)``: the grid step of `slic_labels` and its starting centres, (k, 2) int64
    ``(x, y)`` row by row; there are never more segments than centres."""
    height, width = shape[:2]
    step = max(1, int((height * width / max(1, n_segments)) ** 0.5))
    xs, ys = np.arange(step // 2, width, step), np.arange(step // 2, height, step)
    return step, np.stack(np.meshgrid(xs, ys), axis=-1).reshape(-1, 2).astype(np.int64)


def _claim(distance, pixel, first, labels, best) -> None:
    """One round of window claims for a chunk of centres numbered from ``first`` (``distance``
    and ``pixel`` are (centres, window, window)), in place: the same outcome as visiting the
    centres one after the other with a strict comparison."""
    count, size = distance.shape[0], distance[0].size
    distance, pixel = distance.reshape(-1), np.broadcast_to(pixel, distance.shape).reshape(-1)
    which = np.repeat(np.arange(first, first + count), size)
    # Per pixel: the smallest distance of this chunk (fmin skips the NaN of the padding), and the
    # first centre reaching it.
    chunk_best = np.full(labels.size, np.inf)
    np.fmin.at(chunk_best, pixel, distance)
    ties = distance == chunk_best[pixel]
    winner = np.full(labels.size, np.iinfo(np.int64).max)
    np.minimum.at(winner, pixel[ties], which[ties])
    better = chunk_best < best
    best[better] = chunk_best[better]
    labels[better] = winner[better]


def _segmented_copy(image: np.ndarray, drawn: dict) -> np.ndarray:
    """The copy SLIC runs on: the image itself, or shrunk so its longer side is ``max_size``."""
    height, width = image.shape[:2]
    if max(height, width) <= drawn["max_size"]:
        return image
    scale = drawn["max_size"] / max(height, width)
    size = (max(1, int(width * scale)), max(1, int(height * scale)))  # truncated, as albumentations
    return cv2.resize(image, size, interpolation=INTERPOLATIONS[drawn["interpolation"]])


def _full_size(labels: np.ndarray, shape: tuple) -> np.ndarray:
    """Labels of the shrunk copy enlarged to ``shape`` by nearest neighbour."""
    height, width = shape[:2]
    if labels.shape == (height, width):
        return labels
    rows = np.arange(height) * labels.shape[0] // height
    cols = np.arange(width) * labels.shape[1] // width
    return labels[rows[:, None], cols[None, :]]


def superpixel_labels(drawn: dict, shape: tuple, image: np.ndarray) -> np.ndarray:
    """(H, W) segment labels of ``image`` at full size: SLIC on a copy whose longer side is at
    most ``max_size``, the labels enlarged back by nearest neighbour."""
    return _full_size(slic_labels(_segmented_copy(image, drawn), int(drawn["n_segments"])), shape)


def _superpixels(image, drawn):
    if drawn["p_replace"] <= 0:
        return image.copy()
    small = _segmented_copy(image, drawn)
    # One draw per starting centre (labels never exceed them), before segmenting: when no segment
    # is to be replaced, nothing needs to be computed.
    count = len(slic_grid(small.shape, int(drawn["n_segments"]))[1])
    replace = np.random.default_rng(drawn["replace_seed"]).random(max(count, 1)) < drawn["p_replace"]
    if not replace.any():
        return image.copy()
    labels = _full_size(slic_labels(small, int(drawn["n_segments"])), image.shape)
    # Each replaced segment takes its mean colour, rounded half to even like np.round; -1 (a
    # pixel no centre reached) is shifted to bin 0 and never replaced.
    index = (labels + 1).ravel()
    counts = np.maximum(np.bincount(index, minlength=count + 1), 1)
    planes = image.reshape(-1, 1 if image.ndim == 2 else 3)
    means = np.stack([np.bincount(index, weights=planes[:, c], minlength=count + 1) / counts
                      for c in range(planes.shape[1])], axis=1)
    table = np.clip(np.round(means), 0, 255).astype(np.uint8)
    chosen = np.concatenate([[False], replace])[index]
    out = planes.copy()
    out[chosen] = table[index[chosen]]
    return out.reshape(image.shape)


def _sample_superpixels(rng, params, shape):
    return {
        "n_segments": uniform(rng, params["n_segments_limit"], integer=True),
        "p_replace": uniform(rng, params["p_replace_limit"]),
        "replace_seed": draw_seed(rng),
        "max_size": params["max_size"], "interpolation": params["interpolation"],
    }


register(Op(
    name="superpixels",
    category="quality",
    description=(
        "Cuts the image into about n_segments superpixels, compact patches of similar colour "
        "(SLIC), and paints a drawn share of them with their mean colour, like a mosaic of flat "
        "patches over the photo. It removes texture inside regions while keeping their outlines, "
        "pushing a model towards shapes. Segments are found on a copy at most max_size pixels "
        "long (cheaper); the patches not replaced keep their full detail. A high share turns the "
        "photo into a paint-by-numbers picture."
    ),
    params=(
        range_param("p_replace_limit", (0.0, 0.1), 0.0, 1.0, step=0.01, draws="p_replace",
                    help="chance for each segment to be replaced by its mean colour"),
        range_param("n_segments_limit", (100, 100), 1, 2000, scale="log", step=1, integer=True, draws="n_segments",
                    help="about how many segments the image is cut into"),
        int_param("max_size", 128, 16, 1024, scale="log", unit="px",
                  help="segments are computed on a copy whose longer side is at most this"),
        interpolation_param(),
    ),
    apply=_superpixels,
    sample=_sample_superpixels,
))
