"""Tone ops: histogram equalisation, CLAHE, autocontrast, posterize, solarize, invert, sharpness,
emboss.

Equalize, autocontrast, posterize, solarize, invert and sharpness follow PIL's ImageOps /
ImageEnhance (which torchvision mirrors): these are the reference versions behind AutoAugment and
RandAugment policies, so a policy ported from a paper gives the same pixels here (within a level).
Histogram-driven ops build their lookup tables from cv2.calcHist and apply them with one cv2.LUT.
"""

from __future__ import annotations

import cv2
import numpy as np

from augview.ops.common import RAMP, apply_lut, is_gray, scratch, split_planes, table_u8
from augview.core.params import bool_param, choice_param, float_param, int_param, range_param
from augview.core.registry import Op, register

_IDENTITY = np.arange(256, dtype=np.int64)
_IDENTITY_U8 = np.arange(256, dtype=np.uint8)


def _histograms(image: np.ndarray) -> list[np.ndarray]:
    """One 256-bin int64 histogram per channel (calcHist reads the channel in place: no split)."""
    channels = range(1 if is_gray(image) else 3)
    return [cv2.calcHist([image], [c], None, [256], (0, 256)).ravel().astype(np.int64) for c in channels]


def _lut_per_channel(image: np.ndarray, tables: list[np.ndarray]) -> np.ndarray:
    return apply_lut(image, tables[0] if len(tables) == 1 else np.stack(tables, axis=1))


# ---------------------------------------------------------------------------------------------
# equalize


def equalize_table_pil(hist: np.ndarray) -> np.ndarray:
    """PIL.ImageOps.equalize's table for one channel: spread the cumulative histogram over 0..255
    in equal steps, leaving out the brightest occupied bin (so the top level maps to 255)."""
    occupied = hist[hist > 0]
    if len(occupied) <= 1:
        return _IDENTITY
    step = (int(occupied.sum()) - int(occupied[-1])) // 255
    if step == 0:
        return _IDENTITY
    below = np.concatenate(([0], np.cumsum(hist)[:-1]))  # pixels strictly darker than each level
    return np.minimum((step // 2 + below) // step, 255)


def _equalize_channel(channel: np.ndarray, mode: str, out: np.ndarray | None = None) -> np.ndarray:
    """One channel equalised, into ``out`` when given (which may be ``channel``)."""
    if mode == "cv":
        return cv2.equalizeHist(channel, dst=out)
    return apply_lut(channel, equalize_table_pil(_histograms(channel)[0]), out=out)


def _equalize(image, drawn):
    mode = drawn["mode"]
    if is_gray(image):
        return _equalize_channel(image, mode)
    if not drawn["by_channels"]:
        # Equalise brightness only (the Y of YCrCb), so colours keep their balance.
        # YCrCb and its planes never leave this function: reused buffers (see `scratch`).
        ycrcb = cv2.cvtColor(image, cv2.COLOR_RGB2YCrCb, dst=scratch("ycrcb", image.shape))
        planes = split_planes(ycrcb, "ycrcb plane")
        _equalize_channel(planes[0], mode, out=planes[0])
        return cv2.cvtColor(cv2.merge(planes, ycrcb), cv2.COLOR_YCrCb2RGB)
    if mode == "cv":
        planes = split_planes(image, "equalize plane")
        for plane in planes:
            cv2.equalizeHist(plane, dst=plane)
        return cv2.merge(planes)
    return _lut_per_channel(image, [equalize_table_pil(h) for h in _histograms(image)])


register(Op(
    name="equalize",
    category="color",
    description=(
        "Histogram equalisation: remaps grey levels so that each is used about equally often, "
        "which spreads the tones of a dull or hazy image over the full range. A fixed part of "
        "AutoAugment/RandAugment policies. Per channel (the default, like PIL) it can shift "
        "colours; on brightness only it keeps them. It also amplifies noise and compression "
        "artefacts in flat regions."
    ),
    params=(
        bool_param("by_channels", True,
                   help="equalise R, G and B separately; off: only the brightness (Y of YCrCb)"),
        choice_param("mode", "pil", ("pil", "cv"),
                     help="PIL.ImageOps.equalize (torchvision, AutoAugment) or cv2.equalizeHist"),
    ),
    apply=_equalize,
))


# ---------------------------------------------------------------------------------------------
# clahe


def _clahe(image, drawn):
    tiles = int(drawn["tile_grid_size"])
    clahe = cv2.createCLAHE(clipLimit=float(drawn["clip_limit"]), tileGridSize=(tiles, tiles))
    if is_gray(image):
        return clahe.apply(image)
    # Work on lightness only, so contrast rises without shifting hues.
    # Lab and its planes never leave this function: reused buffers (see `scratch`).
    lab = cv2.cvtColor(image, cv2.COLOR_RGB2LAB, dst=scratch("lab", image.shape))
    planes = split_planes(lab, "lab plane")
    planes[0] = clahe.apply(planes[0], dst=scratch("clahe lightness", image.shape[:2]))
    return cv2.cvtColor(cv2.merge(planes, lab), cv2.COLOR_LAB2RGB)


register(Op(
    name="clahe",
    category="color",
    description=(
        "Contrast Limited Adaptive Histogram Equalisation: equalises each tile of a grid on its "
        "own, with a clip limit that caps how much any grey level may be boosted. Brings out "
        "local detail in shadows and highlights (X-rays, underwater and night images) where a "
        "global equalisation fails. High clip limits amplify noise and give a harsh, HDR-like "
        "look. Colour images are processed on the L channel of LAB."
    ),
    params=(
        range_param("clip_limit", (1.0, 4.0), 1.0, 40.0, step=0.1,
                    help="contrast cap per tile; higher means stronger local contrast"),
        int_param("tile_grid_size", 8, 1, 32,
                  help="the image is split into this many tiles across and down"),
    ),
    apply=_clahe,
))


# ---------------------------------------------------------------------------------------------
# autocontrast


def autocontrast_bounds(hist: np.ndarray, cutoff: float) -> tuple[int, int]:
    """The darkest and brightest levels PIL.ImageOps.autocontrast keeps in one channel after
    dropping ``cutoff`` percent of the pixels at each end of its histogram."""
    total = int(hist.sum())
    cut = int(total * cutoff // 100)  # PIL's rounding of the pixel count
    cumulative = np.cumsum(hist)
    # After PIL removes `cut` pixels from the dark end, the darkest remaining level is the first
    # whose cumulative count exceeds `cut`...
    lo = min(int(np.searchsorted(cumulative, cut, side="right")), 255)
    # ...and removing `cut` more from the bright end works on the already-trimmed histogram: level
    # i keeps pixels from the top while the pixels darker than it number fewer than total - cut
    # (and none does when the two cuts take everything).
    hi = int(np.searchsorted(cumulative, total - cut, side="left")) if total - cut > cut else 0
    return lo, hi


def autocontrast_table(lo: int, hi: int) -> np.ndarray:
    """The uint8 table stretching levels ``lo..hi`` linearly to 0..255 (PIL truncates toward zero,
    then clips); the identity when ``hi <= lo``."""
    if hi <= lo:
        return _IDENTITY_U8
    scale = 255.0 / (hi - lo)
    table = RAMP * scale
    table += -lo * scale
    np.trunc(table, out=table)
    return table_u8(table)


def _autocontrast(image, drawn):
    cutoff = float(drawn["cutoff"])
    planes = [image] if is_gray(image) else split_planes(image, "autocontrast plane")
    if cutoff == 0:
        # Nothing dropped: the levels kept are the darkest and brightest present, which
        # cv2.minMaxLoc finds several times faster than a histogram.
        bounds = [cv2.minMaxLoc(plane)[:2] for plane in planes]
    else:
        bounds = [autocontrast_bounds(hist, cutoff) for hist in _histograms(image)]
    if is_gray(image):
        return apply_lut(image, autocontrast_table(*map(int, bounds[0])))
    for plane, (lo, hi) in zip(planes, bounds):  # the reused planes, mapped in place
        apply_lut(plane, autocontrast_table(int(lo), int(hi)), out=plane)
    return cv2.merge(planes)


register(Op(
    name="autocontrast",
    category="color",
    description=(
        "Stretches each channel so its darkest pixel becomes 0 and its brightest 255 (like "
        "PIL.ImageOps.autocontrast). With a cutoff, that percentage of the darkest and brightest "
        "pixels is ignored first, so a few specks cannot block the stretch. A mild, "
        "content-preserving fix for faded or underexposed images, used by AutoAugment; already "
        "well-exposed images barely change. Per-channel stretching can shift colour casts."
    ),
    params=(
        float_param("cutoff", 0.0, 0.0, 49.0, step=0.5, unit="%",
                    help="percent of pixels ignored at each end of every channel's histogram"),
    ),
    apply=_autocontrast,
))


# ---------------------------------------------------------------------------------------------
# posterize


def _posterize(image, drawn):
    bits = int(drawn["bits"])
    mask = (0xFF << (8 - bits)) & 0xFF  # keep the top `bits` bits, as PIL and torchvision do
    # numpy's vectorised AND with a constant is ~10x faster than a lookup table. (cv2.bitwise_and
    # with a scalar is avoided: OpenCV mistakes a 1x1 image for a scalar and returns a 4x1 array.)
    return np.bitwise_and(image, np.uint8(mask), order="C")  # C order whatever the input's layout


register(Op(
    name="posterize",
    category="color",
    description=(
        "Keeps only the top few bits of every channel, so the image is drawn with fewer levels "
        "(4 bits = 16 levels per channel) and smooth gradients turn into flat bands. Part of "
        "AutoAugment/RandAugment; it teaches robustness to quantisation and cheap displays. "
        "At 1-3 bits much of the detail is gone; 8 bits leaves the image unchanged."
    ),
    params=(
        range_param("num_bits", (4, 8), 1, 8, step=1, integer=True, draws="bits",
                    help="bits kept per channel"),
    ),
    apply=_posterize,
))


# ---------------------------------------------------------------------------------------------
# solarize


def _solarize(image, drawn):
    threshold = int(drawn["threshold"])
    # One pass of stringzilla's byte translation, about as fast as a copy (a threshold mask and an
    # XOR were two passes and a temporary as large as the image).
    table = _IDENTITY_U8.copy()
    table[max(threshold, 0):] = 255 - table[max(threshold, 0):]
    return apply_lut(image, table)


register(Op(
    name="solarize",
    category="color",
    description=(
        "Inverts every pixel at or above the threshold and leaves darker ones alone, the darkroom "
        "'Sabattier' look: highlights turn dark while shadows stay. A standard AutoAugment "
        "operation that makes models less reliant on absolute brightness. Threshold 0 inverts "
        "the whole image, 256 changes nothing; low thresholds are a drastic change."
    ),
    params=(
        range_param("threshold_limit", (128, 128), 0, 256, step=1, integer=True, draws="threshold",
                    help="pixels >= this level are inverted (torchvision/PIL semantics)"),
    ),
    apply=_solarize,
))


# ---------------------------------------------------------------------------------------------
# invert


def _invert(image, drawn):
    return np.invert(image, order="C")  # 255 - x for uint8, as one vectorised pass


register(Op(
    name="invert",
    category="color",
    description=(
        "Replaces every value x by 255 - x, giving the photographic negative. Part of AutoAugment "
        "policies (for SVHN digits, where light-on-dark and dark-on-light both occur). For most "
        "natural photos a negative is unrealistic, so use it rarely, if at all."
    ),
    params=(),
    apply=_invert,
))


# ---------------------------------------------------------------------------------------------
# sharpness

# ImageEnhance.Sharpness and torchvision blend against PIL's ImageFilter.SMOOTH: the 3x3 kernel
# [[1, 1, 1], [1, 5, 1], [1, 1, 1]] / 13.


# Up to this far from 1, the factor may blend with the unrounded smoothed image: rounding it
# first moves the blend by at most |1 - factor| * 6/13 of a level (a sum over 13 is at most 6/13
# from a whole level), which stays under half a level, so the one rounding at the end lands on
# PIL's result or one level above it, as the exact order of roundings does (PIL truncates). At
# 13/12 itself that is exactly half a level, with no room for OpenCV's float arithmetic: a
# thousandth is kept back.
_ONE_ROUNDING = 13 / 12 - 1e-3


def _sharpness(image, drawn):
    factor = float(drawn["factor"])
    if factor == 1.0:
        return image.copy()
    # SMOOTH's sum = 3x3 box sum + 4 x centre: an unnormalised box filter (separable, so about
    # half the time of a 9-tap filter2D) into 16 bits, in a reused buffer (see `scratch`).
    box_sum = cv2.boxFilter(image, cv2.CV_16U, (3, 3), dst=scratch("sharpness sum", image.shape, np.uint16),
                            normalize=False, borderType=cv2.BORDER_REPLICATE)
    if abs(1.0 - factor) < _ONE_ROUNDING:
        # factor * image + (1 - factor) * (box sum + 4 x image) / 13 in one pass, rounded and
        # saturated once.
        weight = (1.0 - factor) / 13
        out = cv2.addWeighted(box_sum, weight, image, factor + 4 * weight, 0.0, dtype=cv2.CV_8U)
        _keep_border(out, image)
        return out
    # Further from 1 the smoothed image is rounded first, as PIL does (the sum over 13 is never
    # exactly half-way), then blended.
    smooth = cv2.addWeighted(box_sum, 1 / 13, image, 4 / 13, 0.0, dst=scratch("sharpness", image.shape),
                             dtype=cv2.CV_8U)
    _keep_border(smooth, image)
    # factor * image + (1 - factor) * smoothed, rounded and saturated in one cv2 pass.
    return cv2.addWeighted(image, factor, smooth, 1.0 - factor, 0.0)


def _keep_border(out, image):
    """PIL and torchvision leave the one-pixel border unfiltered, so it stays as it was."""
    out[0], out[-1] = image[0], image[-1]
    out[:, 0], out[:, -1] = image[:, 0], image[:, -1]


register(Op(
    name="sharpness",
    category="color",
    description=(
        "Blends the image with a slightly smoothed copy of itself (PIL/torchvision "
        "adjust_sharpness): factor 1 leaves it unchanged, 0 gives the soft version, 2 and above "
        "push edges harder than the original. Mimics lenses and camera sharpening settings; "
        "strong factors create halos and amplify noise. The one-pixel border is left as is."
    ),
    params=(
        range_param("factor_limit", (0.5, 2.0), 0.0, 8.0, step=0.05, draws="factor",  # 8: A.Sharpen() is 7.5
                    help="sharpness factor: 0 smoothed, 1 unchanged, 2 sharpened"),
    ),
    apply=_sharpness,
))


# ---------------------------------------------------------------------------------------------
# emboss

_KEEP = np.array([[0, 0, 0], [0, 1, 0], [0, 0, 0]], np.float32)


def emboss_kernel(alpha: float, strength: float) -> np.ndarray:
    """The 3x3 float32 kernel of `emboss`: the identity blended (by ``alpha``) with a relief
    kernel that subtracts the upper-left neighbours and adds the lower-right ones (``strength``
    of each, plus one more at the two far corners), as albumentations' Emboss builds it. Its
    weights sum to 1 whatever the values, so flat areas keep their grey level."""
    s = strength
    relief = np.array([[-1 - s, -s, 0], [-s, 1, s], [0, s, 1 + s]], np.float32)
    return (1 - alpha) * _KEEP + alpha * relief


def _emboss(image, drawn):
    # filter2D's default border (reflect_101), as albumentations' convolve.
    return cv2.filter2D(image, -1, emboss_kernel(drawn["alpha"], drawn["strength"]))


register(Op(
    name="emboss",
    category="color",
    description=(
        "Makes edges stand out as a relief, as if the picture were pressed into metal and lit "
        "from the top left: one side of every edge gets brighter, the other darker, while flat "
        "areas keep their grey level. Alpha blends the relief with the original, strength sets "
        "how deep it is. A mild emboss mimics strong in-camera sharpening and lighting changes; "
        "strong values draw halos and amplify noise, a look real photos rarely have."
    ),
    params=(
        range_param("alpha_limit", (0.2, 0.5), 0.0, 1.0, step=0.01, draws="alpha",
                    help="share of the relief in the blend: 0 keeps the image, 1 is pure relief"),
        range_param("strength_limit", (0.2, 0.7), 0.0, 5.0, step=0.05, draws="strength",
                    help="depth of the relief"),
    ),
    apply=_emboss,
))
