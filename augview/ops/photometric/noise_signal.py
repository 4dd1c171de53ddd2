"""Signal-dependent noise: multiplicative (speckle) noise, photon shot (Poisson) noise and camera
ISO noise.

Unlike `gaussian_noise`, whose grain is the same everywhere, these ops make noise that depends on
the pixel's own value. As in `augview.ops.photometric.noise`, per-pixel randomness never goes into the
trace: `sample` draws an integer ``noise_seed`` and `apply` rebuilds the field from it.

Shot noise follows albumentations' ShotNoise: photons are counted in linear light (the 2.2
gamma undone, then reapplied), or, with ``linear_light`` off, grey levels are the photon counts.
It is sampled without numpy's Poisson generator (about 40 ns a value, 30 ms for a 512x512x3
image). A uint8 input has only 256 levels, so for a drawn scale the exact distribution of the
output level is a table of 256 x 255 cumulative thresholds (`_shot_thresholds`); each pixel then
needs one uniform 32-bit integer and an inverse-CDF lookup, done with two gathers in a "guide
table" (`_shot_tables`). That is about 4x faster than the Poisson draws alone, and exact up to
2**-32 in probability.

ISO noise follows the algorithm albumentations documents for ISONoise (and its 1.x code ran): in
HLS, the hue moves by N(0, color_shift * 360 * intensity) degrees and the lightness L (0-1) by
``k / 255 * (1 - L)`` with k ~ Poisson(std(L) * intensity * 255), one count per pixel. The
counts come from a 65536-entry inverse-CDF table of the drawn Poisson law, looked up with 16-bit
uniforms (`poisson_quantiles`): exact up to 2**-16 in probability, far faster than numpy's
Poisson draws. albumentations 2.x's code departs from its own documentation: its hue noise is
360 times weaker (near invisible) and its lightness counts are drawn on a 0-1 scale, so they are
mostly 0 with rare strong jumps; see `augview.interop.albumentations_export`.
"""

from __future__ import annotations

import functools
import math

import cv2
import numpy as np

from augview.ops.common import apply_lut, to_uint8
from augview.ops.photometric.noise import standard_normal
from augview.core.params import bool_param, range_param
from augview.core.randomness import draw_seed, uniform
from augview.core.registry import Op, register
from augview.text import tr

# ------------------------------------------------------------------------ multiplicative_noise


def _sample_multiplicative_noise(rng, params, shape):
    low, high = params["multiplier_limit"]
    drawn = {"multiplier_limit": [low, high], "per_channel": params["per_channel"],
             "elementwise": params["elementwise"]}
    if params["elementwise"]:
        drawn["noise_seed"] = draw_seed(rng)
    elif params["per_channel"] and len(shape) == 3:
        drawn["multiplier"] = [uniform(rng, (low, high)) for _ in range(3)]
    else:
        drawn["multiplier"] = uniform(rng, (low, high))
    return drawn


def uniform_field(seed: int, shape: tuple, low: float, high: float) -> np.ndarray:
    """Float32 values uniform in (low, high) of ``shape``, a pure function of ``seed``.

    Each raw 64-bit word of the generator gives four 16-bit uniforms: 65536 evenly spaced values,
    steps of (high - low) / 65536, far below a grey level once multiplied by at most 255. It is
    about 2.5x faster than ``Generator.random(dtype=float32)``, which spends 32 bits per value."""
    count = int(math.prod(shape))
    words = np.random.default_rng(seed).bit_generator.random_raw((count + 3) // 4)
    values = words.view(np.uint16)[:count].reshape(shape).astype(np.float32)
    step = (high - low) / 65536.0
    values *= np.float32(step)
    values += np.float32(low + step / 2)  # the middle of each step: the mean is exact
    return values


def _multiplicative_noise(image, drawn):
    if not drawn["elementwise"]:
        # One factor per image or channel: a 256-entry table (rounded to nearest, saturated).
        factors = np.atleast_1d(np.asarray(drawn["multiplier"], dtype=np.float64))
        if image.ndim == 2 or factors.size == 1:
            return apply_lut(image, np.arange(256.0) * factors[0])
        return apply_lut(image, np.arange(256.0)[:, None] * factors)  # one table per channel
    low, high = drawn["multiplier_limit"]
    colour = image.ndim == 3
    field_shape = image.shape if (colour and drawn["per_channel"]) else image.shape[:2]
    factors = uniform_field(drawn["noise_seed"], field_shape, low, high)
    if colour and not drawn["per_channel"]:
        factors = cv2.cvtColor(factors, cv2.COLOR_GRAY2RGB)  # one factor for the pixel's 3 values
    # uint8 x float32 -> uint8 in one pass, rounded to nearest and saturated at 255.
    return cv2.multiply(image, factors, dtype=cv2.CV_8U)


def _multiplicative_caption(drawn):
    if drawn["elementwise"]:
        low, high = drawn["multiplier_limit"]
        text = tr("x{low}..{high} per pixel and channel") if drawn["per_channel"] else tr("x{low}..{high} per pixel")
        return text.format(low=f"{low:.3g}", high=f"{high:.3g}")
    values = drawn["multiplier"] if isinstance(drawn["multiplier"], list) else [drawn["multiplier"]]
    return "x" + ",".join(f"{value:.3g}" for value in values)


register(Op(
    name="multiplicative_noise",
    category="noise",
    description=(
        "Multiplies every pixel by its own random factor near 1, so the grain grows with "
        "brightness: strong in highlights, absent in black areas, like the speckle of ultrasound, "
        "radar and laser images. Helps models meant for such images or for sensors with uneven "
        "gain; wide ranges wash out bright textures. With elementwise off, one factor scales the "
        "whole image (or each channel, tinting it) instead of adding grain."
    ),
    params=(
        range_param("multiplier_limit", (0.9, 1.1), 0, 2, step=0.01, draws="multiplier",
                    help="range of the factors the pixels are multiplied by; 1 changes nothing"),
        bool_param("per_channel", False, help="independent noise in each colour channel"),
        bool_param("elementwise", True,
                   help="a factor for every pixel (grain); off: one factor for the whole image (or channel)"),
    ),
    apply=_multiplicative_noise,
    sample=_sample_multiplicative_noise,
    caption=_multiplicative_caption,
))


# ---------------------------------------------------------------------------------- shot_noise

GAMMA = 2.2  # the display gamma undone before counting photons, as albumentations' ShotNoise does
_BINS_LOG2 = 10  # guide table: 1024 bins of the 32-bit uniform per input level
_SHIFT = 32 - _BINS_LOG2


def _shot_thresholds(scale: float, linear_light: bool) -> np.ndarray:
    """(256, 255) float64: row v, column o - 1 holds P(output < o) for input level v.

    A pixel of level v expects ``lam = intensity / scale`` photons, intensity in [0, 1] (linear
    light: ``(v / 255) ** 2.2``); it receives N ~ Poisson(lam) and shows ``N * scale`` (clipped at
    1, gamma reapplied), rounded to a level. The Poisson probabilities are summed over a window
    of counts of 8 standard deviations around each lam (the mass outside is below 1e-14)."""
    intensity = np.arange(256) / 255.0
    lam = (intensity ** GAMMA if linear_light else intensity) / scale
    spread = np.sqrt(lam)
    width = int(np.ceil(16 * spread[-1])) + 20
    counts = np.maximum(0, np.floor(lam - 8 * spread - 2)).astype(np.int64)[:, None] + np.arange(width)
    log_factorial = np.concatenate(([0.0], np.cumsum(np.log(np.arange(1, int(counts.max()) + 1)))))
    with np.errstate(divide="ignore", invalid="ignore"):
        pmf = np.exp(counts * np.log(lam)[:, None] - lam[:, None] - log_factorial[counts])
    pmf[lam == 0] = 0.0
    pmf[lam == 0, 0] = 1.0  # black: no photon at all
    value = np.minimum(counts * scale, 1.0)
    if linear_light:
        value **= 1 / GAMMA
    levels = np.rint(value * 255).astype(np.int64)
    rows = np.arange(256)[:, None] * 256
    mass = np.bincount((rows + levels).ravel(), weights=pmf.ravel(), minlength=256 * 256).reshape(256, 256)
    cdf = np.cumsum(mass, axis=1)
    return cdf[:, :255] / cdf[:, 255:]


@functools.lru_cache(maxsize=8)
def _shot_tables(scale: float, linear_light: bool):
    """The guide table of the inverse-CDF lookup, for 32-bit uniforms r.

    With t = ceil(T * 2**32) for a threshold T, ``r >= t`` happens with probability 1 - T, and the
    output level is the number of thresholds of the row that r reaches. Each (level, top 10 bits
    of r) bin stores in ``base`` how many thresholds lie below the bin and in ``limit`` the one
    threshold inside the bin (as t - 1, for ``r > limit``; the bin's last value when it holds none).
    Bins holding two or more thresholds (a few percent of the pixels at most: in the tails, and
    where levels that no photon count reaches repeat the threshold before them) are flagged with
    bit 8 of ``base`` and looked up by binary search in ``keys``, every row's thresholds in one
    sorted array. About 2 MB for one scale: the cache serves replays and grids of one trace."""
    t = np.ceil(_shot_thresholds(scale, linear_light) * 2.0**32)
    always = (t <= 0).sum(axis=1)  # reached by every r
    live = (t >= 1) & (t < 2.0**32)  # t >= 2**32: never reached
    rows, _ = np.nonzero(live)
    below = (t[live] - 1).astype(np.int64)  # r > below <=> r >= t
    live_start = np.concatenate(([0], np.cumsum(live.sum(axis=1))[:-1]))
    per_bin = np.bincount((rows << _BINS_LOG2) + (below >> _SHIFT), minlength=256 << _BINS_LOG2)
    earlier = np.cumsum(per_bin.reshape(256, -1), axis=1).ravel() - per_bin  # live, in earlier bins
    limit = np.tile((np.arange(1, (1 << _BINS_LOG2) + 1, dtype=np.int64) << _SHIFT) - 1, 256)
    one = np.flatnonzero(per_bin == 1)
    limit[one] = below[live_start[one >> _BINS_LOG2] + earlier[one]]
    base = (earlier + np.repeat(always, 1 << _BINS_LOG2)).astype(np.uint16)
    base[per_bin >= 2] |= 0x100
    keys = (rows.astype(np.uint64) << np.uint64(32)) + below.astype(np.uint64)
    tables = base, limit.astype(np.uint32), keys, always - live_start
    for array in tables:
        array.flags.writeable = False  # shared by every call with this scale
    return tables


def _sample_shot_noise(rng, params, shape):
    return {"scale": uniform(rng, params["scale_limit"]), "noise_seed": draw_seed(rng),
            "linear_light": params["linear_light"]}


def _shot_levels(levels: np.ndarray, r: np.ndarray, tables) -> np.ndarray:
    """Output levels of the flat uint8 ``levels`` for the uniform uint32 ``r``: for each pixel, the
    number of its row's thresholds t with ``r >= t`` (see `_shot_tables`)."""
    base, limit, keys, offset = tables
    index = levels.astype(np.intp)
    index <<= _BINS_LOG2
    index |= r >> _SHIFT
    start = base.take(index)  # take: a little faster than fancy indexing
    out = np.greater(r, limit.take(index)).view(np.uint8)
    out += start.astype(np.uint8)  # the low byte: the flag bit is dropped
    crowded = np.flatnonzero(start > 255)  # a bool array: 10x faster to scan than the uint16 one
    if crowded.size:
        level = levels[crowded]
        key = (level.astype(np.uint64) << np.uint64(32)) + r[crowded]
        out[crowded] = np.searchsorted(keys, key) + offset[level]  # keys below (level, r)
    return out


_CHUNK = 1 << 20  # values per pass (even): bounds the temporaries on large photos


def _shot_noise(image, drawn):
    tables = _shot_tables(float(drawn["scale"]), bool(drawn["linear_light"]))
    levels = image.reshape(-1)
    out = np.empty_like(levels)
    bits = np.random.default_rng(drawn["noise_seed"]).bit_generator
    # In chunks of whole 64-bit words, so the stream (and the result) is the same as in one pass,
    # while the index and random arrays stay a few MB instead of several times the photo.
    for start in range(0, levels.size, _CHUNK):
        part = levels[start:start + _CHUNK]
        # Raw 64-bit words split in two: uniform 32-bit integers at a third of Generator.integers' cost.
        words = bits.random_raw((part.size + 1) // 2)
        out[start:start + part.size] = _shot_levels(part, words.view(np.uint32)[:part.size], tables)
    return out.reshape(image.shape)


register(Op(
    name="shot_noise",
    category="noise",
    description=(
        "Simulates photon (shot) noise: a sensor counts the photons each pixel receives, and the "
        "count scatters around its average by a Poisson law. A larger scale means fewer photons "
        "per grey level and a grainier image, as in night shots, fast exposures or astronomy. "
        "Brighter pixels catch more photons: more noise in photons, but less relative to their "
        "value, so shadows look grainiest and pure black stays black. Helps models that will see "
        "low-light images; large scales bury fine detail."
    ),
    params=(
        range_param("scale_limit", (0.1, 0.3), 0.001, 1, scale="log", step=0.001, draws="scale",
                    help="intensity of one photon (white = 1): 0.01 means 100 photons for white; "
                         "larger is noisier"),
        bool_param("linear_light", True,
                   help="count photons in linear light (the 2.2 gamma undone first), like a camera "
                        "and albumentations; off: grey levels are photon counts, so the noise grows "
                        "with brightness"),
    ),
    apply=_shot_noise,
    sample=_sample_shot_noise,
))


# ----------------------------------------------------------------------------------- iso_noise

_QUANTILES = 1 << 16  # 16-bit uniforms: one inverse-CDF entry per value


def poisson_quantiles(lam: float) -> np.ndarray:
    """(65536,) float32: entry i is the Poisson(lam) count at probability (i + 0.5) / 65536, so
    indexing it with uniform 16-bit integers draws Poisson counts (the probability of each count
    is exact up to 2**-16; counts beyond about 4.3 standard deviations are never drawn)."""
    if lam <= 0:
        return np.zeros(_QUANTILES, np.float32)
    top = int(lam + 12 * np.sqrt(lam) + 16)
    counts = np.arange(top + 1)
    log_factorial = np.concatenate(([0.0], np.cumsum(np.log(np.arange(1, top + 1)))))
    cdf = np.cumsum(np.exp(counts * np.log(lam) - lam - log_factorial))
    # below[k]: the entries i with (i + 0.5) / 65536 < cdf[k] = P(X <= k), those holding a count <= k.
    below = np.clip(np.ceil(cdf * _QUANTILES - 0.5), 0, _QUANTILES).astype(np.int64)
    below[-1] = _QUANTILES
    return np.repeat(counts.astype(np.float32), np.diff(below, prepend=0))


def _uniform16(seed: int, shape: tuple) -> np.ndarray:
    """Uniform uint16 values of ``shape``: four per raw 64-bit word, from their own stream of
    ``seed`` (the hue noise uses ``seed`` itself)."""
    count = int(math.prod(shape))
    words = np.random.default_rng((seed, 1)).bit_generator.random_raw((count + 3) // 4)
    return words.view(np.uint16)[:count].reshape(shape)


def _sample_iso_noise(rng, params, shape):
    return {"color_shift": uniform(rng, params["color_shift_limit"]),
            "intensity": uniform(rng, params["intensity_limit"]), "noise_seed": draw_seed(rng)}


def _iso_noise(image, drawn):
    intensity = float(drawn["intensity"])
    if intensity == 0:
        return image.copy()  # both noises scale with the intensity
    seed = drawn["noise_seed"]
    if image.ndim == 2:
        # A grey pixel has no hue and its lightness is its level: v + k * (255 - v) / 255.
        lam = float(cv2.meanStdDev(image)[1][0, 0]) * intensity
        keep = np.float32(1.0) - poisson_quantiles(lam).take(_uniform16(seed, image.shape)) / np.float32(255.0)
        return to_uint8(255.0 - (255.0 - image.astype(np.float32)) * keep)
    # Float HLS (H in degrees, L and S in 0-1), converted in place in one float32 buffer.
    # order="C": cvtColor needs each pixel's values side by side, whatever the input's layout.
    hls = np.multiply(image, np.float32(1.0 / 255.0), dtype=np.float32, order="C")
    cv2.cvtColor(hls, cv2.COLOR_RGB2HLS, dst=hls)
    lam = float(cv2.meanStdDev(hls)[1][1, 0]) * intensity * 255.0
    # Lightness: L + d (1 - L) = 1 - (1 - L)(1 - d), d = k / 255; the table holds 1 - d. Written
    # through strided views of the channels: cheaper than splitting and merging the planes.
    keep = poisson_quantiles(lam)
    keep *= np.float32(-1.0 / 255.0)
    keep += np.float32(1.0)
    lightness = hls[..., 1]
    dark = np.subtract(np.float32(1.0), lightness)
    dark *= keep.take(_uniform16(seed, image.shape[:2]))
    np.subtract(np.float32(1.0), dark, out=lightness)
    sigma = float(drawn["color_shift"]) * 360.0 * intensity  # degrees
    if sigma > 0:
        shift = standard_normal(seed, image.shape[:2])
        shift *= np.float32(sigma)
        # OpenCV's vectorised HLS2RGB wraps hues above 360 but not below 0: whole turns are added
        # so none is negative (|shift| < 5.8 sigma: the largest value the normal field holds).
        shift += np.float32(360.0 * np.ceil(5.8 * sigma / 360.0))
        hls[..., 0] += shift
    cv2.cvtColor(hls, cv2.COLOR_HLS2RGB, dst=hls)
    return cv2.convertScaleAbs(hls, alpha=255.0)  # rounded and saturated (never negative here)


register(Op(
    name="iso_noise",
    category="noise",
    description=(
        "Imitates the grain of a camera pushed to a high ISO in dim light: colour noise (a random "
        "hue shift per pixel) and lightness noise (a random lift per pixel, strongest on dark "
        "pixels), both growing with the intensity. The lightness noise only ever adds, so the image "
        "also gets brighter, the shadows most: barely at intensity 0.1, clearly at 0.5. Helps models "
        "that will see phone or night photos; at high intensities it washes out the shadows and "
        "hides fine texture. On greyscale images only the lightness noise applies."
    ),
    params=(
        range_param("color_shift_limit", (0.01, 0.05), 0, 1, step=0.005, draws="color_shift",
                    help="spread of the hue noise as a fraction of the colour wheel (1 = 360°), "
                         "scaled by the intensity"),
        range_param("intensity_limit", (0.1, 0.5), 0, 1, step=0.01, draws="intensity",
                    help="strength of both noises; a black pixel brightens on average by the intensity "
                         "times the spread (standard deviation) of the image's lightness"),
    ),
    apply=_iso_noise,
    sample=_sample_iso_noise,
))
