"""Readers of albumentations 2.x transforms: one function per transform class, from its serialised
arguments to an augview op and parameters (before clamping). Used by
`augview.interop.albumentations_import`, which documents the policy.

Every argument is read with albumentations' own default and its own meaning of a single number
(``limit=30`` is ``(-30, 30)`` for Rotate but ``(30, 30)`` for Affine). A reader raises
`Unsupported` for a setting with no counterpart and calls ``note`` for one it approximates or
ignores; `_Args.unread` lists the arguments it never looked at.
"""

from __future__ import annotations

import json

from augview.interop.albumentations_args import Args as _Args
from augview.interop.albumentations_args import Malformed as _Malformed
from augview.interop.albumentations_args import number as _number
from augview.interop.albumentations_args import tidy as _tidy
from augview.interop.albumentations_export import BORDER_NAMES as _BORDER_NAMES, INTERP_NAMES as _INTERP_NAMES, Unsupported
from augview.interop.notes import IGNORED
from augview.text import tr

def _fill_mode(a: _Args) -> dict:
    value = a.get("fill", 0)
    if value == "random":
        return {"fill_mode": "random", "fill": 0}
    if isinstance(value, str):
        a.note((tr("fill '{value}' has no augview counterpart: used random pixels") if value == "random_uniform"
                else tr("fill '{value}' has no augview counterpart: used black")).format(value=value))
        return {"fill_mode": "random" if value == "random_uniform" else "constant", "fill": 0}
    return {"fill_mode": "constant", "fill": a.fill()}


def _scaled(pair, factor: float) -> tuple[float, float]:
    return (_tidy(pair[0] * factor), _tidy(pair[1] * factor))


def _i_affine(a: _Args):
    (sx, sy) = a.axes("scale", 1.0, (1.0, 1.0))
    if sx != sy or (not a.get("keep_ratio", False) and sx[0] != sx[1]):
        a.note(tr("separate x and y zoom: augview draws one zoom for both axes (the x range)"))
    tx, ty = a.axes("translate_percent", 0.0)
    px, py = a.axes("translate_px", 0.0)
    if (px, py) != ((0, 0), (0, 0)) and a.size is not None:  # pixels of the size an earlier step fixed
        height, width = a.size
        tx = (_tidy(tx[0] + px[0] / width), _tidy(tx[1] + px[1] / width))
        ty = (_tidy(ty[0] + py[0] / height), _tidy(ty[1] + py[1] / height))
    elif (px, py) != ((0, 0), (0, 0)):
        raise Unsupported(tr("translate_px is a shift in pixels and no earlier step fixes the image size; "
                             "augview shifts by fractions of the side (translate_percent)"))
    shear_x, shear_y = a.axes("shear", 0.0, (0.0, 0.0))
    a.flag("fit_output", False, False, tr("augview keeps the input size"))
    a.flag("balanced_scale", False, False, tr("augview draws the zoom uniformly"))
    return "affine", {"scale": sx, "translate_x": tx, "translate_y": ty,
                      "rotate": a.range("rotate", 0.0, "fixed"), "shear_x": shear_x, "shear_y": shear_y, **a.warp()}


def _i_shift_scale_rotate(a: _Args):
    shift = a.range("shift_limit", 0.0625)
    low, high = a.range("scale_limit", 0.1)
    return "affine", {"scale": (_tidy(1 + low), _tidy(1 + high)),
                      "translate_x": a.range("shift_limit_x", shift), "translate_y": a.range("shift_limit_y", shift),
                      "rotate": a.range("rotate_limit", 45.0), **a.warp()}


def _i_crop(name: str):
    def read(a: _Args):
        a.flag("pad_if_needed", False, False, tr("augview clamps a crop to the image; put a pad step first"))
        for key in ("pad_position", "border_mode", "fill"):
            a.get(key)
        return name, {"size_mode": "pixels", "height": int(a.num("height", 0)), "width": int(a.num("width", 0))}
    return read


def _i_crop_and_pad(a: _Args):
    """CropAndPad that crops the same share of every side (augview's export of a crop by a
    fraction): center_crop for one share, random_crop by a fraction for a range of them."""
    percent = a.get("percent")
    if (a.get("px") is not None or percent is None or a.get("keep_size", True)
            or (a.get("sample_independently", True) and isinstance(percent, (list, tuple)))):
        raise Unsupported(tr("only CropAndPad(percent=..., keep_size=False, sample_independently=False), which "
                             "crops the same share of every side, has an augview counterpart"))
    low, high = _Args({"percent": percent}, a.note).range("percent", 0.0, "fixed")
    if high > 0 or low <= -0.5:
        raise Unsupported(tr("padding (a positive percent) or cropping half a side or more has no augview "
                             "counterpart"))
    for key in ("interpolation", "border_mode", "fill", "pad_mode", "pad_cval"):
        a.get(key)  # used only when it pads or resizes, which this CropAndPad does not
    if low == high:
        return "center_crop", {"size_mode": "fraction", "fraction": _tidy(1 + 2 * low), "height": 256, "width": 256}
    a.note(tr("CropAndPad crops around the centre; augview's random_crop places the crop anywhere (same sizes)"))
    return "random_crop", {"size_mode": "fraction", "fraction": (_tidy(1 + 2 * high), _tidy(1 + 2 * low)),
                           "height": 256, "width": 256}


def _i_random_resized_crop(a: _Args):
    size = a.get("size")
    height, width = (size if isinstance(size, (list, tuple)) and len(size) == 2
                     else (a.get("height", 224), a.get("width", 224)))  # albumentations 1.x keys
    return "random_resized_crop", {"height": int(_number(height, "size")), "width": int(_number(width, "size")),
                                   "scale": a.range("scale", (0.08, 1.0)),
                                   "ratio": a.range("ratio", (0.75, 4 / 3)), **a.warp(False)}


def _i_random_scale(a: _Args):
    low, high = a.range("scale_limit", 0.1)
    scale = (_tidy(1 + low), _tidy(1 + high))
    return "random_scale", {"scale_x": scale, "scale_y": scale, "keep_aspect": True, **a.warp(False)}


def _position(a: _Args, key: str = "position") -> str:
    position = a.get(key, "center")
    if position not in ("center", "top_left", "random"):
        a.note(tr("position '{value}' has no augview counterpart: used 'center'").format(value=position))
        return "center"
    return position


def _i_pad_if_needed(a: _Args):
    border = {"border_mode": a.choice("border_mode", 0, _BORDER_NAMES, "border"), "fill": a.fill()}
    a.get("padding")  # derived by albumentations from the sizes, not an input
    min_h, min_w = a.raw("min_height", 1024), a.raw("min_width", 1024)
    div_h, div_w = a.raw("pad_height_divisor"), a.raw("pad_width_divisor")
    if div_h is None and div_w is None:
        return "pad", {"pad_mode": "min_size", "min_height": int(min_h or 1), "min_width": int(min_w or 1),
                       "position": _position(a), **border}
    if div_h != div_w:
        a.note(tr("divisors {height} and {width} differ: augview uses one for both sides, used {used}").format(
            height=div_h, width=div_w, used=div_h or div_w))
    return "pad", {"pad_mode": "multiple_of", "divisor": int(div_h or div_w), "position": _position(a), **border}


def _i_pad(a: _Args):
    padding = a.get("padding", 0)
    sides = [padding] * 4 if not isinstance(padding, (list, tuple)) else (
        [padding[0], padding[1]] * 2 if len(padding) == 2 else list(padding))
    left, top, right, bottom = (int(_number(v, "padding")) for v in sides)
    border = {"border_mode": a.choice("border_mode", 0, _BORDER_NAMES, "border"), "fill": a.fill()}
    if left == top == right == bottom:
        return "pad", {"pad_mode": "pixels", "pixels": left, "position": "center", **border}
    if left == top == 0 and right == bottom and right % 2 == 0:
        return "pad", {"pad_mode": "pixels", "pixels": right // 2, "position": "top_left", **border}
    raise Unsupported(tr("padding {sides} is not the same on every side; augview pads evenly").format(sides=sides))


def _i_brightness_contrast(a: _Args):
    a.flag("brightness_by_max", True, True, tr("augview adds brightness as a fraction of 255, not of the mean"))
    a.flag("ensure_safe_range", False, False, tr("augview saturates at 0 and 255 instead"))
    return "brightness_contrast", {"brightness_limit": a.range("brightness_limit", 0.2),
                                   "contrast_limit": a.range("contrast_limit", 0.2), "contrast_pivot": "zero"}


def _i_rgb_shift(a: _Args):
    for key in ("approximation", "noise_params", "noise_type", "spatial_mode"):
        a.get(key)  # written by A.save: RGBShift's internal noise settings, derived from the limits
    return "rgb_shift", {k: a.range(k, 20) for k in ("r_shift_limit", "g_shift_limit", "b_shift_limit")}


def _i_to_gray(a: _Args):
    if a.get("method", "weighted_average") != "weighted_average":
        a.note(tr("method '{value}': augview uses the weighted average (luma)").format(value=a.get("method")))
    if a.get("num_output_channels", 3) != 3:
        a.note(tr("num_output_channels ignored: augview keeps three equal channels"))
    return "grayscale", {}


def _i_clahe(a: _Args):
    tiles = a.get("tile_grid_size", (8, 8))
    tiles = tiles if isinstance(tiles, (list, tuple)) else (tiles, tiles)
    if tiles[0] != tiles[1]:
        a.note(tr("tile_grid_size {value}: augview uses a square grid, used {used}").format(
            value=list(tiles), used=tiles[0]))
    return "clahe", {"clip_limit": a.range("clip_limit", 4.0, "from1"),
                     "tile_grid_size": int(_number(tiles[0], "tile_grid_size"))}


def _i_autocontrast(a: _Args):
    if a.get("method", "cdf") != "pil":
        a.note(tr("method 'cdf': augview stretches linearly like PIL (method 'pil')"))
    if a.get("ignore") is not None:
        a.note(tr("ignore ignored: augview counts every grey level"))
    return "autocontrast", {"cutoff": a.num("cutoff", 0.0)}


def _i_posterize(a: _Args):
    bits = a.get("num_bits", 4)
    if isinstance(bits, (list, tuple)) and bits and isinstance(bits[0], (list, tuple)):
        a.note(tr("one bit range per channel: augview uses one for all, used the first"))
        bits = bits[0]
    return "posterize", {"num_bits": _Args({"num_bits": bits}, a.note).range("num_bits", 4, "fixed")}


def _i_sharpen(a: _Args):
    alpha = a.range("alpha", (0.2, 0.5))
    if a.get("method", "kernel") != "kernel":
        a.note(tr("method 'gaussian' (unsharp mask) approximated by PIL's sharpness with factor 1 + alpha"))
        for key in ("kernel_size", "sigma"):
            a.get(key)
        return "sharpness", {"factor_limit": (_tidy(1 + alpha[0]), _tidy(1 + alpha[1]))}
    if a.range("lightness", (0.5, 1.0)) != (1.0, 1.0):
        a.note(tr("lightness ignored: augview's sharpness keeps the brightness (lightness 1)"), IGNORED)
    for key in ("kernel_size", "sigma"):
        a.get(key)
    return "sharpness", {"factor_limit": (_tidy(1 + 13 * alpha[0]), _tidy(1 + 13 * alpha[1]))}


def _i_gauss_noise(a: _Args):
    mean = a.range("mean_range", (0.0, 0.0))
    if mean[0] != mean[1]:
        a.note(tr("mean_range {value}: augview adds a fixed mean, used the middle").format(value=list(mean)))
    if a.num("noise_scale_factor", 1.0) != 1.0:
        a.note(tr("noise_scale_factor ignored: augview draws full-resolution noise"))
    return "gaussian_noise", {"std_limit": _scaled(a.range("std_range", (0.2, 0.44)), 255.0),
                              "mean": _tidy((mean[0] + mean[1]) / 2 * 255.0),
                              "per_channel": bool(a.get("per_channel", True))}


def _i_image_compression(a: _Args):
    if a.get("compression_type", "jpeg") != "jpeg":
        a.note(tr("compression_type '{value}': augview compresses as JPEG").format(value=a.get("compression_type")))
    return "jpeg_compression", {"quality_limit": a.range("quality_range", (99, 100))}


def _i_downscale(a: _Args):
    pair = a.get("interpolation_pair", {})
    pair = _Args(pair if isinstance(pair, dict) else {}, a.note)
    names = [pair.choice(k, 0, _INTERP_NAMES, "interpolation") for k in ("downscale", "upscale")]
    return "downscale", {"scale_limit": a.range("scale_range", (0.25, 0.25)),
                         "down_interpolation": names[0], "up_interpolation": names[1]}


def _i_gaussian_blur(a: _Args):
    sigma = a.range("sigma_limit", (0.5, 3.0), "from0")
    blur = a.range("blur_limit", 0, "from0")
    if blur != (0.0, 0.0):
        if sigma == (0.0, 0.0):  # OpenCV's sigma for a kernel size, as cv2.GaussianBlur derives it
            sigma = tuple(_tidy(0.3 * ((k - 1) * 0.5 - 1) + 0.8) for k in blur)
        a.note(tr("blur_limit ignored: augview derives the kernel size from sigma (3 sigmas each side)"))
    return "gaussian_blur", {"sigma_limit": sigma}


def _i_motion_blur(a: _Args):
    a.flag("allow_shifted", True, False, tr("augview keeps the streak centred on each pixel"))
    low, high = a.range("angle_range", (0.0, 360.0))
    return "motion_blur", {"kernel_limit": a.range("blur_limit", (3, 7), "from3"),
                           "angle_limit": (_tidy(360 - high), _tidy(360 - low)),  # clockwise -> counter-clockwise
                           "direction_limit": a.range("direction_range", (-1.0, 1.0))}


def _hole_side(a: _Args, key: str, axis: int) -> tuple[float, float]:
    """A hole size range as fractions of the side: whole numbers are pixels (albumentations'
    rule), turned into fractions of the size an earlier step fixed."""
    value = a.get(key, (0.1, 0.2))
    pixels = any(isinstance(v, int) and not isinstance(v, bool)
                 for v in (value if isinstance(value, (list, tuple)) else [value]))
    low, high = a.range(key, (0.1, 0.2), "fixed")
    if not pixels:
        return low, high
    if a.size is None:
        raise Unsupported(tr("hole sizes in pixels, and no earlier step fixes the image size (a Resize or a "
                             "crop); augview takes fractions of the side (hole_height_range/hole_width_range "
                             "as floats in (0, 1])"))
    return _tidy(low / a.size[axis]), _tidy(high / a.size[axis])


def _i_coarse_dropout(a: _Args):
    return "coarse_dropout", {"num_holes_limit": a.range("num_holes_range", (1, 2), "fixed"),
                              "hole_height_limit": _hole_side(a, "hole_height_range", 0),
                              "hole_width_limit": _hole_side(a, "hole_width_range", 1), **_fill_mode(a)}


def _i_erasing(a: _Args):
    low, high = a.range("ratio", (0.3, 3.3))  # width / height -> augview's height / width
    return "random_erasing", {"scale_limit": a.range("scale", (0.02, 0.33)),
                              "ratio_limit": (_tidy(1 / high), _tidy(1 / low)), **_fill_mode(a)}


def _i_grid_dropout(a: _Args):
    units = a.get("unit_size_range")
    counts = a.get("holes_number_xy")
    if units is None and counts is None and a.size is not None:  # albumentations: a tenth of the side
        cells = sorted((max(2, a.size[1] // 10), max(2, a.size[0] // 10)))
        if cells[0] != cells[1]:
            a.note(tr("the default grid has cells of {w} x {h} px: augview's cells are square, used {w}").format(
                w=cells[0], h=cells[1]))
        units = [cells[0]] * 2
    elif units is None and counts is not None and a.size is not None:
        # albumentations' cell is the side divided by the number of holes along it
        x, y = _Args({"holes_number_xy": counts}, a.note).range("holes_number_xy", None, "fixed")
        if x <= 0 or y <= 0:
            raise _Malformed(tr("holes_number_xy must be positive counts, got {value}").format(value=counts))
        cells = sorted((a.size[1] // int(x), a.size[0] // int(y)))
        if cells[0] != cells[1]:
            a.note(tr("holes_number_xy gives cells of {w} x {h} px: augview's cells are square, used {w}").format(
                w=cells[0], h=cells[1]))
        units = [max(2, cells[0])] * 2
    elif units is None:
        raise Unsupported(tr("a grid given by holes_number_xy depends on the image size, and no earlier step fixes "
                             "it; augview takes unit_size_range (the cell side in pixels)"))
    elif counts is not None:
        a.note(tr("holes_number_xy ignored: albumentations uses unit_size_range when both are given"), IGNORED)
    if tuple(a.get("shift_xy", (0, 0))) != (0, 0):
        a.note(tr("shift_xy ignored: augview's grid starts at a random offset (random_offset) or at 0"), IGNORED)
    return "grid_dropout", {"ratio": a.num("ratio", 0.5),
                            "unit_size_limit": _Args({"u": units}, a.note).range("u", None, "fixed"),
                            "random_shift": bool(a.get("random_offset", True)), **_fill_mode(a)}


def _i_elastic(a: _Args):
    if a.get("noise_distribution", "gaussian") != "uniform":
        a.note(tr("noise_distribution 'gaussian': augview smooths uniform noise, as Simard et al. do"))
    a.flag("approximate", False, False, tr("augview always uses the exact smoothing"))
    a.flag("same_dxdy", False, False, tr("augview draws separate x and y fields"))
    return "elastic", {"alpha": a.num("alpha", 1.0), "sigma": a.num("sigma", 50.0), **a.warp()}


def _roi(a: _Args, key: str, default: tuple) -> dict:
    """An albumentations region (x_min, y_min, x_max, y_max) as augview's roi_x and roi_y ranges."""
    value = a.get(key, default)
    if not isinstance(value, (list, tuple)) or len(value) != 4:
        raise _Malformed(tr("{key} must be [x_min, y_min, x_max, y_max], got {value}").format(
            key=key, value=json.dumps(value)[:40]))
    x0, y0, x1, y1 = (_number(v, key) for v in value)
    return {"roi_x": (min(x0, x1), max(x0, x1)), "roi_y": (min(y0, y1), max(y0, y1))}


def _color(a: _Args, key: str, default: tuple) -> list:
    value = a.get(key, default)
    values = [_number(v, key) for v in (value if isinstance(value, (list, tuple)) else [value])]
    values = (values * 3)[:3] if len(values) in (1, 3) else (values + [0, 0, 0])[:3]
    return [int(round(v)) for v in values]


def _i_random_shadow(a: _Args):
    return "random_shadow", {**_roi(a, "shadow_roi", (0, 0.5, 1, 1)),
                             "num_shadows_limit": a.range("num_shadows_limit", (1, 2), "fixed"),
                             "shadow_dimension": int(a.num("shadow_dimension", 5)),
                             "shadow_intensity_limit": a.range("shadow_intensity_range", (0.5, 0.5), "fixed")}


def _i_random_rain(a: _Args):
    red, green, blue = _color(a, "drop_color", (200, 200, 200))
    grey = int(round(0.299 * red + 0.587 * green + 0.114 * blue))
    if not red == green == blue:
        a.note(tr("drop_color {values}: augview's drops are grey, used grey level {grey}").format(
            values=[red, green, blue], grey=grey))
    length = a.raw("drop_length")
    return "random_rain", {"slant_limit": a.range("slant_range", (-10, 10)),
                           "drop_length": 0 if length is None else int(round(_number(length, "drop_length"))),
                           "drop_width": int(a.num("drop_width", 1)), "drop_color": grey,
                           "blur_value": int(a.num("blur_value", 7)),
                           "brightness_coefficient": a.num("brightness_coefficient", 0.7),
                           "rain_type": a.option("rain_type", "default", ("drizzle", "default", "heavy", "torrential"))}


def _i_random_sun_flare(a: _Args):
    if a.option("method", "overlay", ("overlay", "physics_based")) != "overlay":
        a.note(tr("method 'physics_based' (diffraction spikes, chromatic aberration): augview draws the "
                  "'overlay' flare"))
    red, green, blue = _color(a, "src_color", (255, 255, 255))
    return "random_sun_flare", {**_roi(a, "flare_roi", (0, 0, 1, 0.5)),
                                "angle_limit": _scaled(a.range("angle_range", (0, 1), "fixed"), 360.0),
                                "num_circles_limit": a.range("num_flare_circles_range", (6, 10), "fixed"),
                                "src_radius": int(a.num("src_radius", 400)),
                                "color_red": red, "color_green": green, "color_blue": blue}


IMPORTERS = {
    "HorizontalFlip": lambda a: ("horizontal_flip", {}),
    "VerticalFlip": lambda a: ("vertical_flip", {}),
    "Rotate": lambda a: (a.flag("crop_border", False, False, tr("augview keeps the input size and fills the corners"))
                         or "rotate", {"limit": a.range("limit", (-90, 90)), **a.warp()}),
    "RandomRotate90": lambda a: ("random_rotate90", {"turns_limit": (0, 3)}),
    "Transpose": lambda a: ("transpose", {}),
    "Affine": _i_affine,
    "ShiftScaleRotate": _i_shift_scale_rotate,
    "Perspective": lambda a: ("perspective", {"scale": a.range("scale", (0.05, 0.1), "from0"),
                                              "keep_size": bool(a.get("keep_size", True)),
                                              "fit_output": bool(a.get("fit_output", False)), **a.warp()}),
    "ElasticTransform": _i_elastic,
    "GridDistortion": lambda a: ("grid_distortion", {"num_steps": int(a.num("num_steps", 5)),
                                                     "distort_limit": a.range("distort_limit", 0.3),
                                                     "normalized": bool(a.get("normalized", True)), **a.warp()}),
    "OpticalDistortion": lambda a: ("optical_distortion", {
        "distort_limit": a.range("distort_limit", (-0.05, 0.05)),
        "mode": a.option("mode", "camera", ("camera", "fisheye")), **a.warp()}),
    "RandomCrop": _i_crop("random_crop"),
    "BBoxSafeRandomCrop": lambda a: ("bbox_safe_random_crop", {"erosion": _tidy(a.num("erosion_rate", 0.0)),
                                                               "spread": 1.0}),
    "CenterCrop": _i_crop("center_crop"),
    "RandomResizedCrop": _i_random_resized_crop,
    "CropAndPad": _i_crop_and_pad,
    "Resize": lambda a: ("resize", {"height": int(a.num("height", 256)), "width": int(a.num("width", 256)),
                                    **a.warp(False)}),
    "RandomScale": _i_random_scale,
    "PadIfNeeded": _i_pad_if_needed,
    "Pad": _i_pad,
    "RandomBrightnessContrast": _i_brightness_contrast,
    "ColorJitter": lambda a: ("color_jitter", {**{k: a.range(k, 0.2, "jitter") for k in ("brightness", "contrast",
                                                                                        "saturation")},
                                               "hue": a.range("hue", 0.5)}),
    "HueSaturationValue": lambda a: ("hue_saturation_value", {
        "hue_shift_limit": a.range("hue_shift_limit", 20), "sat_shift_limit": a.range("sat_shift_limit", 30),
        "val_shift_limit": a.range("val_shift_limit", 20)}),
    "RGBShift": _i_rgb_shift,
    "ChannelShuffle": lambda a: ("channel_shuffle", {}),
    "ChannelDropout": lambda a: ("channel_dropout", {"channels_limit": a.range("channel_drop_range", (1, 1), "fixed"),
                                                     "fill": a.fill()}),
    "RandomShadow": _i_random_shadow,
    "RandomFog": lambda a: ("random_fog", {"fog_coef_limit": a.range("fog_coef_range", (0.3, 1.0), "fixed"),
                                           "alpha_coef": a.num("alpha_coef", 0.08)}),
    "RandomRain": _i_random_rain,
    "RandomSunFlare": _i_random_sun_flare,
    "ToGray": _i_to_gray,
    "RandomGamma": lambda a: ("gamma", {"gamma_limit": _scaled(a.range("gamma_limit", (80, 120), "from1"), 0.01)}),
    "Equalize": lambda a: (a.get("mask") is not None and a.note(tr("mask ignored: augview equalises the whole image"))
                           or "equalize", {"mode": a.option("mode", "cv", ("cv", "pil")),
                                           "by_channels": bool(a.get("by_channels", True))}),
    "CLAHE": _i_clahe,
    "AutoContrast": _i_autocontrast,
    "Posterize": _i_posterize,
    "Solarize": lambda a: ("solarize", {"threshold_limit": tuple(
        round(v) for v in _scaled(a.range("threshold_range", (0.5, 0.5), "fixed"), 255.0))}),
    "InvertImg": lambda a: ("invert", {}),
    "Sharpen": _i_sharpen,
    "GaussNoise": _i_gauss_noise,
    "SaltAndPepper": lambda a: ("salt_and_pepper", {"amount_limit": a.range("amount", (0.01, 0.06)),
                                                    "salt_vs_pepper_limit": a.range("salt_vs_pepper", (0.4, 0.6))}),
    "MultiplicativeNoise": lambda a: ("multiplicative_noise", {
        "multiplier_limit": a.range("multiplier", (0.9, 1.1), "fixed"),
        "per_channel": bool(a.get("per_channel", False)), "elementwise": bool(a.get("elementwise", False))}),
    "ShotNoise": lambda a: ("shot_noise", {"scale_limit": a.range("scale_range", (0.1, 0.3), "fixed"),
                                           "linear_light": True}),
    "ISONoise": lambda a: ("iso_noise", {"color_shift_limit": a.range("color_shift", (0.01, 0.05), "fixed"),
                                         "intensity_limit": a.range("intensity", (0.1, 0.5), "fixed")}),
    "ImageCompression": _i_image_compression,
    "Downscale": _i_downscale,
    "GaussianBlur": _i_gaussian_blur,
    "MotionBlur": _i_motion_blur,
    "MedianBlur": lambda a: ("median_blur", {"ksize_limit": a.range("blur_limit", (3, 7), "from3")}),
    "CoarseDropout": _i_coarse_dropout,
    "Erasing": _i_erasing,
    "GridDropout": _i_grid_dropout,
}

