"""Colour ops: brightness, contrast, saturation, hue, channel casts and dropout, grey and gamma.

Every op is one or two vectorised OpenCV passes, never float numpy over the whole image:
- straight-line tone maps (brightness, contrast, per-channel shifts) are one ``cv2.transform``
  with an affine colour matrix, which measured about twice as fast as cv2.LUT on RGB;
- curved maps (gamma, the HSV shifts) are 256-entry lookup tables (cv2.LUT);
- saturation is a 3x3 colour matrix, hue goes through cv2's HSV conversion.

Grayscale (H, W) input keeps its shape: ops that only move colour (hue, saturation, channel
order) leave it unchanged; ops that also move brightness apply that part.
"""

from __future__ import annotations

import cv2
import numpy as np

from augview.ops.common import RAMP, apply_lut, is_gray, scratch, table_u8
from augview.core.params import choice_param, int_param, range_param
from augview.core.randomness import uniform
from augview.core.registry import Op, register

_IDENTITY = np.arange(256, dtype=np.float64)

# ITU-R BT.601 luma weights, the ones cv2.COLOR_RGB2GRAY, PIL's "L" mode and torchvision use.
LUMA = (0.299, 0.587, 0.114)


def luma_mean(image: np.ndarray) -> float:
    """Mean grey level. For RGB this is the mean of the luma image, computed from the per-channel
    sums (the mean is linear), which avoids building a grey copy of the image. cv2.sumElems is
    several times faster than cv2.mean."""
    sums = cv2.sumElems(image)
    count = image.shape[0] * image.shape[1]
    if is_gray(image):
        return sums[0] / count
    return (LUMA[0] * sums[0] + LUMA[1] * sums[1] + LUMA[2] * sums[2]) / count


def linear_map(image: np.ndarray, scale: float, offset) -> np.ndarray:
    """``scale * x + offset`` (``offset`` a number, or one per R, G, B), rounded and saturated.

    One cv2.transform pass with an affine colour matrix: about twice as fast as cv2.LUT on RGB
    and several times on grey. (cv2.add/cv2.multiply with a scalar are avoided: OpenCV mistakes
    a 1x1 image for a scalar.)"""
    if np.ndim(offset) == 0:
        # One curve for every channel: a single byte lookup table is the fastest path.
        table = RAMP * scale
        table += offset
        return apply_lut(image, table_u8(table))
    matrix = np.zeros((3, 4), np.float64)
    matrix[:, :3] = np.eye(3) * scale
    matrix[:, 3] = offset
    return cv2.transform(image, matrix)


# ---------------------------------------------------------------------------------------------
# brightness_contrast

CONTRAST_PIVOTS = ("mean", "mid_grey", "zero")


def _brightness_contrast(image, drawn):
    brightness, contrast = drawn["brightness"], drawn["contrast"]
    if brightness == 0 and contrast == 0:
        return image.copy()
    pivot = drawn["contrast_pivot"]
    if contrast == 0 or pivot == "zero":
        center = 0.0
    elif pivot == "mid_grey":
        center = 127.5
    else:
        center = luma_mean(image)
    scale = 1.0 + contrast
    return linear_map(image, scale, center * (1.0 - scale) + 255.0 * brightness)


register(Op(
    name="brightness_contrast",
    category="color",
    description=(
        "Makes the image lighter or darker and stretches or flattens its tones, like exposure and "
        "contrast sliders. Brightness adds a fraction of full white (0.2 = +51 levels); contrast "
        "scales the distance of every pixel from a pivot, by default the image's mean grey so the "
        "overall brightness stays put. Teaches robustness to lighting and camera exposure; too "
        "much crushes shadows and highlights into flat black or white, destroying detail."
    ),
    params=(
        range_param("brightness_limit", (-0.2, 0.2), -1.0, 1.0, step=0.01, draws="brightness",
                    help="added brightness as a fraction of 255 (albumentations semantics)"),
        range_param("contrast_limit", (-0.2, 0.2), -1.0, 1.0, step=0.01, draws="contrast",
                    help="contrast factor is 1 + this value: -1 gives a flat grey, 1 doubles contrast"),
        choice_param("contrast_pivot", "mean", CONTRAST_PIVOTS,
                     help="the grey level contrast scales around: the image's mean grey (like "
                          "torchvision), 127.5, or 0 (albumentations' alpha * x + beta)"),
    ),
    apply=_brightness_contrast,
))


# ---------------------------------------------------------------------------------------------
# color_jitter (torchvision ColorJitter)

JITTER_NAMES = ("brightness", "contrast", "saturation", "hue")


def adjust_brightness(image: np.ndarray, factor: float) -> np.ndarray:
    """torchvision/PIL brightness: blend with black, i.e. multiply by ``factor``."""
    return linear_map(image, factor, 0.0)


def adjust_contrast(image: np.ndarray, factor: float) -> np.ndarray:
    """torchvision/PIL contrast: blend with a flat image of the mean grey level."""
    return linear_map(image, factor, (1.0 - factor) * luma_mean(image))


def adjust_saturation(image: np.ndarray, factor: float) -> np.ndarray:
    """torchvision/PIL saturation: blend with the image's own grey version."""
    if is_gray(image):
        return image.copy()
    # The blend factor * rgb + (1 - factor) * luma(rgb) is linear in (R, G, B), so it is one 3x3
    # colour matrix: cv2.transform applies it, rounds and saturates in a single pass (twice as
    # fast as building the grey image and blending).
    matrix = factor * np.eye(3) + (1.0 - factor) * np.array([LUMA] * 3)
    return cv2.transform(image, matrix)


def adjust_hue(image: np.ndarray, factor: float) -> np.ndarray:
    """Rotate the hue by ``factor`` turns of the colour circle (torchvision semantics).

    The _FULL conversions keep hue in 256 steps (1.4 degrees) instead of 180 (2 degrees), which
    cuts the average error against a float HSV rotation by about 40%. OpenCV's RGB->HSV_FULL
    divides the circle into 256 steps but HSV_FULL->RGB into 255, so the lookup table that adds
    the shift also rescales 256 steps to 255."""
    if is_gray(image):
        return image.copy()
    shift = int(round(factor * 256.0)) % 256
    if shift == 0:
        return image.copy()
    # The HSV image never leaves this function: a reused buffer, its hue turned in place by one
    # table per channel, saturation's and value's the identity (see `apply_lut`).
    hsv = cv2.cvtColor(image, cv2.COLOR_RGB2HSV_FULL, dst=scratch("hsv", image.shape))
    table = np.empty((256, 3), np.float64)
    table[:, 0] = ((RAMP + shift) % 256) * (255.0 / 256.0)
    table[:, 1] = table[:, 2] = RAMP
    return cv2.cvtColor(apply_lut(hsv, table, out=hsv), cv2.COLOR_HSV2RGB_FULL)


_JITTER_FUNCS = {
    "brightness": (adjust_brightness, 1.0),
    "contrast": (adjust_contrast, 1.0),
    "saturation": (adjust_saturation, 1.0),
    "hue": (adjust_hue, 0.0),
}


def _jitter_sample(rng, params, shape):
    # Like torchvision: the order is drawn first, then one factor per property, all always drawn
    # so that changing one range never moves the other draws.
    order = [JITTER_NAMES[int(i)] for i in rng.permutation(len(JITTER_NAMES))]
    drawn = {"order": order}
    for name in JITTER_NAMES:
        drawn[f"{name}_factor"] = uniform(rng, params[name])
    return drawn


def _color_jitter(image, drawn):
    out = image
    for name in drawn["order"]:
        func, identity = _JITTER_FUNCS[name]
        factor = drawn[f"{name}_factor"]
        if factor != identity:  # skipping exact identities saves whole passes
            out = func(out, factor)
    return out.copy() if out is image else out


register(Op(
    name="color_jitter",
    category="color",
    description=(
        "torchvision's ColorJitter: scales brightness, contrast and saturation by random factors "
        "(1 = unchanged) and rotates the hue, in a random order. The standard colour augmentation "
        "of ImageNet-style training; it makes a classifier rely less on exact colours and "
        "lighting. Keep hue small where colour is the label (ripe vs unripe fruit, traffic lights, "
        "medical stains): a large hue turn paints a red apple green."
    ),
    params=(
        range_param("brightness", (0.8, 1.2), 0.0, 3.0, step=0.01, draws="brightness_factor",
                    help="brightness factor: 0 is black, 1 unchanged"),
        range_param("contrast", (0.8, 1.2), 0.0, 3.0, step=0.01, draws="contrast_factor",
                    help="contrast factor: 0 is flat mean grey, 1 unchanged"),
        range_param("saturation", (0.8, 1.2), 0.0, 3.0, step=0.01, draws="saturation_factor",
                    help="saturation factor: 0 is greyscale, 1 unchanged"),
        range_param("hue", (-0.05, 0.05), -0.5, 0.5, step=0.01, unit=" turn", draws="hue_factor",
                    help="hue rotation as a fraction of the colour circle (0.5 = 180 degrees)"),
    ),
    apply=_color_jitter,
    sample=_jitter_sample,
))


# ---------------------------------------------------------------------------------------------
# hue_saturation_value (albumentations HueSaturationValue)


def _hue_saturation_value(image, drawn):
    hue, sat, val = drawn["hue_shift"], drawn["sat_shift"], drawn["val_shift"]
    if is_gray(image):
        # A grey pixel has no hue and zero saturation; its value is the pixel itself.
        return linear_map(image, 1.0, val)
    hue_steps = int(round(hue)) % 180
    if hue_steps == 0 and sat == 0 and val == 0:
        return image.copy()
    table = np.empty((256, 3), np.float64)
    # Hue lives in 0..179 (2 degrees per step); entries 180..255 never occur.
    table[:, 0] = (_IDENTITY + hue_steps) % 180
    table[:, 1] = _IDENTITY + sat
    table[0, 1] = 0  # grey pixels stay grey: no hue to saturate (as albumentations does)
    table[:, 2] = _IDENTITY + val
    # The HSV image never leaves this function: a reused buffer, shifted in place (see `scratch`).
    hsv = cv2.cvtColor(image, cv2.COLOR_RGB2HSV, dst=scratch("hsv", image.shape))
    return cv2.cvtColor(apply_lut(hsv, table, out=hsv), cv2.COLOR_HSV2RGB)


register(Op(
    name="hue_saturation_value",
    category="color",
    description=(
        "Shifts the image in HSV space: turns the hue, adds to the colourfulness (saturation) and "
        "to the brightness (value). Hue uses OpenCV's units, where 180 steps make the full circle "
        "(1 step = 2 degrees), as albumentations does. Good for cameras with different colour "
        "rendering; harmful when the exact colour is what distinguishes classes. On greyscale "
        "input only the value shift applies."
    ),
    params=(
        range_param("hue_shift_limit", (-20, 20), -90, 90, step=1, unit="", draws="hue_shift",
                    help="hue shift in OpenCV steps of 2 degrees (90 = half the circle)"),
        range_param("sat_shift_limit", (-30, 30), -255, 255, step=1, draws="sat_shift",
                    help="added to saturation (0..255)"),
        range_param("val_shift_limit", (-20, 20), -255, 255, step=1, draws="val_shift",
                    help="added to value, the brightest channel (0..255)"),
    ),
    apply=_hue_saturation_value,
))


# ---------------------------------------------------------------------------------------------
# rgb_shift


def _rgb_shift(image, drawn):
    shifts = (drawn["r_shift"], drawn["g_shift"], drawn["b_shift"])
    if is_gray(image):
        # No channels to tint: apply the brightness part of the cast, i.e. what converting the
        # shifted colour image back to grey would show (luma-weighted sum of the shifts).
        return linear_map(image, 1.0, sum(w * s for w, s in zip(LUMA, shifts)))
    return linear_map(image, 1.0, shifts)


register(Op(
    name="rgb_shift",
    category="color",
    description=(
        "Adds a separate constant to the red, green and blue channels, giving the image a colour "
        "cast like a wrong white balance or tinted lighting. Helps models trained on one camera "
        "or light source generalise to others; large shifts produce colours that never occur in "
        "real photos. Greyscale input gets the cast's brightness part: the luma-weighted mix of "
        "the three shifts."
    ),
    params=(
        range_param("r_shift_limit", (-20, 20), -255, 255, step=1, draws="r_shift",
                    help="added to the red channel (levels)"),
        range_param("g_shift_limit", (-20, 20), -255, 255, step=1, draws="g_shift",
                    help="added to the green channel (levels)"),
        range_param("b_shift_limit", (-20, 20), -255, 255, step=1, draws="b_shift",
                    help="added to the blue channel (levels)"),
    ),
    apply=_rgb_shift,
))


# ---------------------------------------------------------------------------------------------
# channel_shuffle


def _channel_shuffle_sample(rng, params, shape):
    # Drawn even for grey images so the draw count does not depend on the input.
    return {"channel_order": [int(i) for i in rng.permutation(3)]}


def _channel_shuffle(image, drawn):
    order = drawn["channel_order"]
    if is_gray(image) or list(order) == [0, 1, 2]:
        return image.copy()
    out = np.empty(image.shape, np.uint8)
    # mixChannels copies channel order[i] of the input into channel i of the output in one pass;
    # OpenCV needs each pixel's three values side by side (a tensor's (C, H, W) transposed to
    # (H, W, C), or a Fortran-order array, is copied once here).
    cv2.mixChannels([np.ascontiguousarray(image)], [out], [v for i, src in enumerate(order) for v in (int(src), i)])
    return out


register(Op(
    name="channel_shuffle",
    category="color",
    description=(
        "Reorders the red, green and blue channels at random (e.g. RGB becomes BRG), so colours "
        "swap wholesale: sky may turn red, grass blue. A strong way to stop a model leaning on "
        "colour when shape is what matters; useless or harmful when colour carries the label. "
        "Greyscale input is unchanged."
    ),
    params=(),
    apply=_channel_shuffle,
    sample=_channel_shuffle_sample,
    caption=lambda d: "RGB → " + "".join("RGB"[i] for i in d["channel_order"]),
))


# ---------------------------------------------------------------------------------------------
# channel_dropout


def _channel_dropout_sample(rng, params, shape):
    # The count and the order are drawn even for grey images, so the draw count does not depend
    # on the input; a grey image has no channel to drop.
    count = uniform(rng, params["channels_limit"], integer=True)
    order = rng.permutation(3)
    channels = [] if len(shape) == 2 else sorted(int(c) for c in order[:count])
    return {"channels": channels, "fill": params["fill"]}


def _channel_dropout(image, drawn):
    channels = [c for c in drawn["channels"] if 0 <= c < 3]
    if is_gray(image) or not channels:
        return image.copy()
    fill = int(drawn["fill"])
    if image.shape[0] * image.shape[1] < 64:
        # OpenCV takes a 1x1 array next to a scalar for a scalar itself; tiny images go through numpy.
        out = image.copy()
        out[..., channels] = fill
        return out
    # Keep the other channels with an AND, then write the fill into the zeroed ones with an OR:
    # two SIMD passes, faster than numpy's strided writes into one channel.
    keep = tuple(0 if c in channels else 255 for c in range(3)) + (0,)
    out = cv2.bitwise_and(image, keep)
    if fill:
        cv2.bitwise_or(out, tuple(fill if c in channels else 0 for c in range(3)) + (0,), dst=out)
    return out


register(Op(
    name="channel_dropout",
    category="color",
    description=(
        "Sets one (or more) randomly chosen colour channels to a fixed value, so a red flower on "
        "green leaves may lose its red entirely and turn dark or cyan. The model has to use every "
        "channel and cannot rely on a single one, which helps with multispectral images and with "
        "sensors whose channels fail or drift. Harmful when colour decides the label (ripe or "
        "unripe fruit, traffic lights). Greyscale input is unchanged."
    ),
    params=(
        range_param("channels_limit", (1, 1), 1, 2, step=1, integer=True, draws="channels",
                    help="how many of the three channels are dropped, drawn from this range"),
        int_param("fill", 0, 0, 255, help="value the dropped channels are set to"),
    ),
    apply=_channel_dropout,
    sample=_channel_dropout_sample,
    caption=lambda d: "+".join("RGB"[c] for c in d["channels"]) + f"={d['fill']}" if d["channels"] else "",
))


# ---------------------------------------------------------------------------------------------
# grayscale


def _grayscale(image, drawn):
    if is_gray(image):
        return image.copy()
    return cv2.cvtColor(cv2.cvtColor(image, cv2.COLOR_RGB2GRAY), cv2.COLOR_GRAY2RGB)


register(Op(
    name="grayscale",
    category="color",
    description=(
        "Removes colour, keeping the image's luminance (0.299 R + 0.587 G + 0.114 B) in all three "
        "channels so the shape stays RGB. Applied now and then, it forces a model to recognise "
        "objects by shape and texture too; wrong for tasks decided by colour. Greyscale input is "
        "unchanged."
    ),
    params=(),
    apply=_grayscale,
))


# ---------------------------------------------------------------------------------------------
# gamma


def _gamma(image, drawn):
    gamma = drawn["gamma"]
    if gamma == 1.0:
        return image.copy()
    table = _IDENTITY / 255.0
    np.power(table, gamma, out=table)
    table *= 255.0
    return apply_lut(image, table_u8(table))


register(Op(
    name="gamma",
    category="color",
    description=(
        "Bends the tone curve: out = 255 * (in / 255) ^ gamma. Gamma below 1 lifts the shadows, "
        "above 1 darkens them, while pure black and white stay fixed. Mimics different camera "
        "response curves and display settings more naturally than a brightness shift; strong "
        "values bury dark regions or wash them out."
    ),
    params=(
        range_param("gamma_limit", (0.8, 1.2), 0.1, 5.0, scale="log", step=0.01, draws="gamma",
                    help="the exponent; 1 leaves the image unchanged (albumentations' 80..120 / 100)"),
    ),
    apply=_gamma,
))
