"""albumentations 0.x and 1.x transforms in their 2.x words, before the 2.x readers of
`augview.interop.albumentations_readers` see them.

Each old argument becomes the 2.x argument with the same meaning, in 2.x's units (albumentations'
changelogs and the signatures of each release): ``max_holes``/``max_height``... become
``num_holes_range``/``hole_height_range``..., ``Solarize(threshold=128)`` becomes
``threshold_range=(128/255, 128/255)``, ``GaussNoise(var_limit=(10, 50))`` becomes
``std_range=(sqrt(10)/255, sqrt(50)/255)``, ``value``/``cval``/``fill_value`` become ``fill``...
Classes that 2.x renamed or dropped for another (``JpegCompression``, ``Cutout``,
``RandomBrightness``, ``Flip``, the imgaug ``IAA*`` wrappers) become their 2.x transform.

A file states the version that wrote it (``__version__``); an argument it leaves out takes that
version's default, which is not always 2.x's (``border_mode`` was reflect_101 before 2.0,
``GaussianBlur`` derived sigma from the kernel, ``ColorJitter``'s hue was 0.2). Where the version is
unknown (a Python script), 2.x's defaults are used and each one that differed is noted.
"""

from __future__ import annotations

import math
import re

from augview.interop.notes import APPROXIMATE, DEFAULT, IGNORED
from augview.text import tr

V2 = (2, 0)
REFLECT_101 = 4


def version_of(text) -> tuple[int, int] | None:
    """(major, minor) of an albumentations version string, or None when there is none."""
    match = re.match(r"\s*v?(\d+)\.(\d+)", text) if isinstance(text, str) else None
    return (int(match.group(1)), int(match.group(2))) if match else None


# Arguments a release left out take its default: (class, argument) -> [(before version, default)],
# the first entry whose version is above the file's applies; 2.x's own default otherwise. The 1.x
# defaults of CoarseDropout's old arguments apply only when none of the 1.4 ranges is given.
_BORDERED = ("Rotate", "ShiftScaleRotate", "ElasticTransform", "GridDistortion", "OpticalDistortion", "PadIfNeeded")
OLD_DEFAULTS: dict[tuple[str, str], list[tuple[tuple[int, int], object]]] = {
    **{(name, "border_mode"): [(V2, REFLECT_101)] for name in _BORDERED},
    ("GridDistortion", "normalized"): [((1, 4), False)],
    ("ColorJitter", "hue"): [((1, 4), 0.2)],
    ("GaussianBlur", "blur_limit"): [((1, 0), (3, 7)), (V2, (3, 7))],
    ("GaussianBlur", "sigma_limit"): [(V2, 0)],
    ("GaussNoise", "var_limit"): [((1, 4), (10.0, 50.0))],
    ("CoarseDropout", "max_holes"): [((1, 4), 8)],
    ("CoarseDropout", "max_height"): [((1, 4), 8)],
    ("CoarseDropout", "max_width"): [((1, 4), 8)],
    # 1.4 took both spellings, with new defaults; before 1.4 only max_holes... (None: no default)
    ("CoarseDropout", "num_holes_range"): [((1, 4), None), (V2, (1, 1))],
    ("CoarseDropout", "hole_height_range"): [((1, 4), None), (V2, (8, 8))],
    ("CoarseDropout", "hole_width_range"): [((1, 4), None), (V2, (8, 8))],
    ("GridDropout", "random_offset"): [((1, 4), False)],
    ("RandomRain", "drop_length"): [(V2, 20)],
    ("Solarize", "threshold"): [((1, 4), 128)],
    ("SomeOf", "replace"): [((1, 4), True)],
    ("ElasticTransform", "alpha_affine"): [((1, 4), 50)],
    ("OpticalDistortion", "shift_limit"): [((1, 4), 0.05)],
}
# What 2.x calls the arguments above, to tell whether a file gave them under either name.
_NEW_NAMES = {"var_limit": ("std_range",), "max_holes": ("num_holes_range",), "max_height": ("hole_height_range",),
              "max_width": ("hole_width_range",), "threshold": ("threshold_range",)}
# 2.x's default of each, for the note when a script of unknown version leaves one out.
_V2_DEFAULTS = {"border_mode": "0 (constant)", "normalized": True, "hue": (-0.5, 0.5), "blur_limit": 0,
                "sigma_limit": (0.5, 3.0), "var_limit": "std_range (0.2, 0.44)", "max_holes": "num_holes_range (1, 2)",
                "max_height": "hole_height_range (0.1, 0.2)", "max_width": "hole_width_range (0.1, 0.2)",
                "random_offset": True, "drop_length": None, "threshold": "threshold_range (0.5, 0.5)", "replace": False}

# Plain renames: old argument -> 2.x argument with the same meaning and units.
_RENAMES = {
    **{name: {"value": "fill", "mask_value": "fill_mask"} for name in _BORDERED},
    "Affine": {"cval": "fill", "cval_mask": "fill_mask", "mode": "border_mode"},
    "Perspective": {"pad_mode": "border_mode", "pad_val": "fill", "mask_pad_val": "fill_mask"},
    "RandomCrop": {"pad_mode": "border_mode", "pad_cval": "fill", "pad_cval_mask": "fill_mask"},
    "CenterCrop": {"pad_mode": "border_mode", "pad_cval": "fill", "pad_cval_mask": "fill_mask"},
    "ChannelDropout": {"fill_value": "fill"},
    "CoarseDropout": {"fill_value": "fill", "mask_fill_value": "fill_mask"},
    "GridDropout": {"fill_value": "fill", "mask_fill_value": "fill_mask"},
}
# Pairs of old bounds -> one 2.x range.
_PAIRS = {
    "RandomShadow": [("num_shadows_lower", "num_shadows_upper", "num_shadows_limit")],
    "RandomFog": [("fog_coef_lower", "fog_coef_upper", "fog_coef_range")],
    "RandomRain": [("slant_lower", "slant_upper", "slant_range")],
    "RandomSunFlare": [("angle_lower", "angle_upper", "angle_range"),
                       ("num_flare_circles_lower", "num_flare_circles_upper", "num_flare_circles_range")],
    "ImageCompression": [("quality_lower", "quality_upper", "quality_range")],
    "Downscale": [("scale_min", "scale_max", "scale_range")],
    "GridDropout": [("unit_size_min", "unit_size_max", "unit_size_range"),
                    ("holes_number_x", "holes_number_y", "holes_number_xy"), ("shift_x", "shift_y", "shift_xy")],
}
# Old classes -> their 2.x class (arguments translated by the class's own entry below).
_CLASSES = {"JpegCompression": "ImageCompression", "IAAFliplr": "HorizontalFlip", "IAAFlipud": "VerticalFlip",
            "IAAAffine": "Affine", "IAAPerspective": "Perspective", "IAASharpen": "Sharpen", "IAAEmboss": "Emboss",
            "IAASuperpixels": "Superpixels", "IAAPiecewiseAffine": "PiecewiseAffine", "IAACropAndPad": "CropAndPad",
            "IAAAdditiveGaussianNoise": "GaussNoise", "Cutout": "CoarseDropout"}
# Old names and arguments that no 2.x file holds: a script using one is read as 1.x.
LEGACY_CLASSES = set(_CLASSES) | {"RandomBrightness", "RandomContrast", "Flip"}
LEGACY_ARGS = ({old for table in _RENAMES.values() for old in table} | {a for pairs in _PAIRS.values()
               for pair in pairs for a in pair[:2]} | {"var_limit", "max_holes", "max_height", "max_width",
               "min_holes", "min_height", "min_width", "threshold", "alpha_affine", "shift_limit", "eps"})
_IMGAUG_ORDER = {0: 0, 1: 1, 3: 2}  # imgaug's spline order -> OpenCV interpolation flag
_IMGAUG_MODES = {"constant": 0, "edge": 1, "reflect": 4, "symmetric": 2, "wrap": 3}  # -> OpenCV border flag
_COMPRESSION = {0: "jpeg", 1: "webp", "ImageCompressionType.JPEG": "jpeg", "ImageCompressionType.WEBP": "webp"}


def modernize(name: str, item: dict, version: tuple[int, int] | None, note) -> tuple[str, dict]:
    """The 2.x class and arguments of ``item`` (a transform written by albumentations
    ``version``, None when unknown). ``note(text, kind)`` hears what was approximated or dropped."""
    args = {k: v for k, v in item.items() if k != "__class_fullname__"}
    if name in ("RandomBrightness", "RandomContrast"):
        limit = args.pop("limit", 0.2)
        bright = name == "RandomBrightness"
        args.update(brightness_limit=limit if bright else 0.0, contrast_limit=0.0 if bright else limit)
        name = "RandomBrightnessContrast"
    if name == "Flip":  # cv2.flip with a code drawn from -1, 0, 1: both axes, vertical, horizontal
        p = args.pop("p", 0.5)
        flips = [{"__class_fullname__": n, "p": 1.0} for n in ("HorizontalFlip", "VerticalFlip")]
        both = {"__class_fullname__": "Sequential", "p": 1.0, "transforms": [dict(f) for f in flips]}
        return "OneOf", {**args, "p": p, "transforms": [*flips, both]}
    if name in _CLASSES:
        args = _old_class(name, args)
        name = _CLASSES[name]
    for old, new in _RENAMES.get(name, {}).items():
        if old in args:
            value = args.pop(old)
            if value is None and new == "fill_mask":
                continue  # 1.x's None: masks untouched by a dropout, or the default 0 of a warp (as in 2.x)
            args.setdefault(new, 0 if value is None and new == "fill" else value)
    for low, high, new in _PAIRS.get(name, ()):
        if low in args or high in args:
            pair = [args.pop(low, None), args.pop(high, None)]
            if new not in args and pair != [None, None]:
                args[new] = [pair[0] if pair[0] is not None else pair[1], pair[1] if pair[1] is not None else pair[0]]
    _defaults(name, args, version, note)
    special = _SPECIAL.get(name)
    if special is not None:
        special(args, version, note)
    return name, args


def _defaults(name: str, args: dict, version, note) -> None:
    for (cls, key), eras in OLD_DEFAULTS.items():
        if cls != name or key in args or any(new in args for new in _NEW_NAMES.get(key, ())):
            continue
        if cls == "CoarseDropout" and key.startswith("max_") and any(k.endswith("_range") for k in args):
            continue
        if version is None:
            if key in _V2_DEFAULTS:
                before = eras[-1][0]
                note(tr("{key} not given: used albumentations 2.x's default {new}; before {version} it was "
                        "{old}").format(key=key, new=_V2_DEFAULTS[key], version=f"{before[0]}.{before[1]}",
                                        old=_show(eras[-1][1])), DEFAULT)
            continue
        for before, value in eras:
            if version < before:
                if value is not None:
                    args[key] = list(value) if isinstance(value, tuple) else value
                break


def _show(value) -> str:
    return str(list(value)) if isinstance(value, tuple) else str(value)


def _old_class(name: str, args: dict) -> dict:
    if name == "Cutout":  # num_holes holes of exactly max_h_size x max_w_size pixels
        count, h, w = args.pop("num_holes", 8), args.pop("max_h_size", 8), args.pop("max_w_size", 8)
        return {**args, "num_holes_range": [count, count], "hole_height_range": [h, h], "hole_width_range": [w, w]}
    if name in ("IAAAffine", "IAAPiecewiseAffine") and "order" in args:
        args["interpolation"] = _IMGAUG_ORDER.get(args.pop("order"), 1)
    if name == "IAAAffine":
        mode = args.pop("mode", "reflect")
        args["border_mode"] = _IMGAUG_MODES.get(mode, mode)
        args["fill"] = args.pop("cval", 0)
    if name == "IAAAdditiveGaussianNoise":  # imgaug's scale is the std in grey levels, loc the mean
        scale = args.pop("scale", (0.01 * 255, 0.05 * 255))
        scale = scale if isinstance(scale, (list, tuple)) else (0.0, scale)
        loc = args.pop("loc", 0)
        args.update(std_range=[_unit(scale[0]), _unit(scale[1])], mean_range=[_unit(loc), _unit(loc)],
                    per_channel=bool(args.get("per_channel", False)))
    return args


def _unit(value) -> float:
    """Grey levels -> albumentations 2.x's fractions of 255 (left as given when not a number)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    return float(round(value / 255.0, 12))


def _coarse_dropout(args: dict, version, note) -> None:
    """1.x: max_holes/min_holes, max_height/min_height, max_width/min_width (a min of None is the max);
    whole numbers are pixels, fractions of the side otherwise, as 2.x's ranges read them."""
    for low, high, new in (("min_holes", "max_holes", "num_holes_range"), ("min_height", "max_height",
                           "hole_height_range"), ("min_width", "max_width", "hole_width_range")):
        if low in args or high in args:
            top, bottom = args.pop(high, None), args.pop(low, None)
            top = top if top is not None else bottom
            if new not in args and top is not None:
                args[new] = [bottom if bottom is not None else top, top]


def _solarize(args: dict, version, note) -> None:
    if "threshold" in args:  # grey levels (1.x, uint8 images) -> fractions of 255
        value = args.pop("threshold")
        pair = value if isinstance(value, (list, tuple)) else [value, value]
        args.setdefault("threshold_range", [_unit(v) for v in pair])


def _gauss_noise(args: dict, version, note) -> None:
    if "var_limit" in args:
        value = args.pop("var_limit")
        pair = value if isinstance(value, (list, tuple)) else [0.0, value]
        if isinstance(pair, (list, tuple)) and len(pair) == 2 and all(
                isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0 and math.isfinite(v) for v in pair):
            args.setdefault("std_range", [_unit(math.sqrt(v)) for v in pair])
            if pair[0] != pair[1]:
                note(tr("var_limit {value}: albumentations 1.x drew the variance uniformly, 2.x and augview "
                        "draw the standard deviation uniformly between the same ends").format(value=list(pair)),
                     APPROXIMATE)
        else:
            args.setdefault("std_range", pair)  # the 2.x reader says what is wrong with it
    if "mean" in args:
        mean = args.pop("mean")
        pair = mean if isinstance(mean, (list, tuple)) else [mean, mean]
        args.setdefault("mean_range", [_unit(v) for v in pair])


def _image_compression(args: dict, version, note) -> None:
    kind = args.get("compression_type")
    if isinstance(kind, (int, str)) and kind in _COMPRESSION:
        args["compression_type"] = _COMPRESSION[kind]


def _downscale(args: dict, version, note) -> None:
    if "interpolation" in args:
        flag = args.pop("interpolation")
        if isinstance(flag, dict):
            args.setdefault("interpolation_pair", flag)
        elif flag is not None:
            args.setdefault("interpolation_pair", {"downscale": flag, "upscale": flag})


def _gaussian_blur(args: dict, version, note) -> None:
    blur = args.get("blur_limit")
    if version is not None and version < (1, 0) and isinstance(blur, (int, float)) and not isinstance(blur, bool):
        args["blur_limit"] = [3, blur]  # 0.x: kernels from 3 to blur_limit, sigma from the kernel
        args.setdefault("sigma_limit", 0)


def _removed(key: str, why, neutral):
    """An argument albumentations dropped; ``why()`` (called late, so it is translated) says so."""
    def check(args: dict, version, note) -> None:
        if key in args:
            value = args.pop(key)
            if value not in (neutral, None):
                note(tr("{key}={value} ignored: {why}").format(key=key, value=value, why=why()), IGNORED)
    return check


_SPECIAL = {
    "CoarseDropout": _coarse_dropout,
    "Solarize": _solarize,
    "GaussNoise": _gauss_noise,
    "ImageCompression": _image_compression,
    "Downscale": _downscale,
    "GaussianBlur": _gaussian_blur,
    "ElasticTransform": _removed("alpha_affine", lambda: tr(
        "albumentations 1.4 removed the random affine move of ElasticTransform; 2.x and augview only displace"), 0),
    "OpticalDistortion": _removed("shift_limit", lambda: tr(
        "albumentations 1.4 removed the shift of the distortion centre; 2.x and augview distort around the "
        "image centre"), 0),
    "RandomGamma": _removed("eps", lambda: tr("it had no effect in albumentations 1.x either"), None),
}
