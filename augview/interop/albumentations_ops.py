"""Each op's albumentations 2.x counterpart: `EXPORTERS` maps an op's name to a function of its
parameters (and a ``note`` callback for what the counterpart only approximates) that returns the
transform's class name and arguments, in albumentations' units (gamma x 100, solarize thresholds
/ 255, noise std / 255...), or raises `Unsupported` saying why this setting has none. The
compositions around them, and the notes' wording, are `augview.interop.albumentations_export`'s.
"""

from __future__ import annotations

from typing import Callable

from augview.ops.common import BORDERS, INTERPOLATIONS
from augview.ops.geometric.resize_crops import size_choices
from augview.text import tr


class Unsupported(Exception):
    """An op, or this setting of it, has no counterpart; the message says why."""


def transform(name: str, p: float, **args) -> dict:
    """One albumentations transform as ``A.save`` writes it."""
    return {"__class_fullname__": name, "p": float(p), **args}


# ---------------------------------------------------------------------------------------------
# Export: op -> (class name, arguments)


def _pair(value) -> list[float]:
    return [float(value[0]), float(value[1])]


def _ints(value) -> list[int]:
    return [int(value[0]), int(value[1])]


def _odd(value) -> list[int]:
    # The odd sizes augview's odd_uniform draws from (its low end rounds up, like albumentations').
    low = int(value[0]) | 1
    high = int(value[1]) if int(value[1]) % 2 else int(value[1]) - 1
    return [low, max(low, high)]


def _clockwise(value) -> list[float]:
    # MotionBlur's angle turns clockwise on screen, augview's counter-clockwise (checked on pixels).
    return [360.0 - float(value[1]), 360.0 - float(value[0])]


def _warp(p: dict, border: bool = True) -> dict:
    out = {"interpolation": INTERPOLATIONS[p["interpolation"]]}
    if border:
        out.update(border_mode=BORDERS[p["border_mode"]], fill=float(p["fill"]))
    return out


def _fill(p: dict):
    # augview's random fill is uniform noise per pixel, albumentations' "random".
    return "random" if p["fill_mode"] == "random" else float(p["fill"])


def _crop(name: str):
    """Crops in pixels map to RandomCrop/CenterCrop; by a fraction of each side to CropAndPad,
    which crops the same share of every side (a fraction drawn from a range, one for all sides):
    the same sizes, centred (exact for center_crop; random_crop places its crop anywhere)."""
    def export(p, note):
        if p["size_mode"] == "pixels":
            return name, {"height": p["height"], "width": p["width"], "pad_if_needed": False}
        low, high = (p["fraction"], p["fraction"]) if name == "CenterCrop" else p["fraction"]
        if name == "RandomCrop":
            note(tr("a crop by a fraction of the side becomes CropAndPad, which crops around the centre; "
                    "augview's random_crop places it anywhere (same sizes)"))
        shares = [round(-(1.0 - float(v)) / 2.0, 12) for v in (low, high)]  # 0.1, not 0.0999...98
        return "CropAndPad", {"px": None, "percent": shares[0] if low == high else shares, "keep_size": False,
                              "sample_independently": False, "interpolation": 1, "border_mode": 0, "fill": 0.0}
    return export


def _x_affine(p, note):
    if p["shear_x"] != (0.0, 0.0) and p["shear_y"] != (0.0, 0.0):
        note(tr("shearing along both axes: albumentations combines the two shears in one matrix, "
                "augview multiplies two elementary shears (slightly different shapes)"))
    return "Affine", {
        "scale": {"x": _pair(p["scale"]), "y": _pair(p["scale"])}, "keep_ratio": True,
        "translate_percent": {"x": _pair(p["translate_x"]), "y": _pair(p["translate_y"])},
        "translate_px": None, "rotate": _pair(p["rotate"]),
        "shear": {"x": _pair(p["shear_x"]), "y": _pair(p["shear_y"])},
        "fit_output": False, "balanced_scale": False, **_warp(p),
    }


def _x_random_scale(p, note):
    if not p["keep_aspect"]:
        raise Unsupported(tr("keep_aspect off (separate width and height factors) has no albumentations "
                             "counterpart; RandomScale keeps the aspect ratio"))
    return "RandomScale", {"scale_limit": [p["scale_x"][0] - 1.0, p["scale_x"][1] - 1.0], **_warp(p, False)}


def _x_pad(p, note):
    border = {"border_mode": BORDERS[p["border_mode"]], "fill": float(p["fill"])}
    if p["pad_mode"] == "pixels":
        margin = int(p["pixels"])
        if p["position"] == "center":
            return "Pad", {"padding": margin, **border}
        if p["position"] == "top_left":
            return "Pad", {"padding": [0, 0, 2 * margin, 2 * margin], **border}
        raise Unsupported(tr("pad_mode 'pixels' with position 'random' has no albumentations counterpart"))
    sizes = ({"min_height": p["min_height"], "min_width": p["min_width"],
              "pad_height_divisor": None, "pad_width_divisor": None}
             if p["pad_mode"] == "min_size" else
             {"min_height": None, "min_width": None,
              "pad_height_divisor": p["divisor"], "pad_width_divisor": p["divisor"]})
    return "PadIfNeeded", {**sizes, "position": p["position"], **border}


def _x_brightness_contrast(p, note):
    brightness = {"brightness_limit": _pair(p["brightness_limit"]), "brightness_by_max": True,
                  "ensure_safe_range": False}
    if p["contrast_pivot"] == "zero" or tuple(p["contrast_limit"]) == (0.0, 0.0):
        return "RandomBrightnessContrast", {**brightness, "contrast_limit": _pair(p["contrast_limit"])}
    if p["contrast_pivot"] == "mid_grey":
        note(tr("contrast pivot 'mid_grey': albumentations scales contrast around 0 (alpha * x + beta), "
                "which also changes the brightness"))
        return "RandomBrightnessContrast", {**brightness, "contrast_limit": _pair(p["contrast_limit"])}
    # Around the mean grey, as ColorJitter's contrast does; the added brightness follows as a
    # second transform, so pixels the contrast pushes past 0 or 255 are clipped in between.
    note(tr("contrast pivot 'mean' becomes ColorJitter's contrast then RandomBrightnessContrast's "
            "brightness: pixels the contrast pushes past 0 or 255 are clipped in between"))
    contrast = [1.0 + p["contrast_limit"][0], 1.0 + p["contrast_limit"][1]]
    return "Sequential", {"transforms": [
        transform("ColorJitter", 1.0, brightness=[1.0, 1.0], contrast=contrast, saturation=[1.0, 1.0], hue=[0.0, 0.0]),
        transform("RandomBrightnessContrast", 1.0, **brightness, contrast_limit=[0.0, 0.0]),
    ]}


def _x_color_jitter(p, note):
    if tuple(p["hue"]) != (0.0, 0.0):
        note(tr("hue: albumentations turns uint8 hues in steps of 2 degrees, augview in steps of 1.4 degrees "
                "(up to 9 grey levels apart on a few percent of pixels)"))
    return "ColorJitter", {k: _pair(p[k]) for k in ("brightness", "contrast", "saturation", "hue")}


def _x_motion_blur(p, note):
    low, high = p["angle_limit"]
    if p["antialias"]:
        note(tr("antialias: albumentations draws the streak one pixel thick, a staircase at slanted angles"))
    elif not (low == high and low % 90 == 0):
        note(tr("slanted streaks: albumentations rounds ksize points spaced along the line, augview takes one "
                "cell per pixel step along its longer axis: the same length and angle, other cells at some angles; "
                "horizontal and vertical streaks are the same"))
    return "MotionBlur", {"blur_limit": _odd(p["kernel_limit"]), "angle_range": _clockwise(p["angle_limit"]),
                          "direction_range": _pair(p["direction_limit"]), "allow_shifted": False}


def _x_solarize(p, note):
    low, high = (min(v, 255) for v in p["threshold_limit"])
    if p["threshold_limit"][1] > 255:
        note(tr("threshold 256 (change nothing) becomes 255: albumentations still inverts pure white"))
    return "Solarize", {"threshold_range": [low / 255.0, high / 255.0]}


def _x_sharpness(p, note):
    low, high = p["factor_limit"]
    if low < 1.0:
        raise Unsupported(tr("factors below 1 (smoothing) have no albumentations counterpart; "
                             "Sharpen only sharpens (a factor_limit from 1 up exports exactly)"))
    # PIL's sharpness f is image + (f - 1) * (image - SMOOTH / 13), which is Sharpen's kernel
    # with lightness 1 and alpha = (f - 1) / 13.
    return "Sharpen", {"alpha": [(low - 1.0) / 13.0, (high - 1.0) / 13.0], "lightness": [1.0, 1.0],
                       "method": "kernel"}


def _x_shot_noise(p, note):
    if not p["linear_light"]:
        note(tr("linear_light off: ShotNoise counts the photons in linear light (gamma 2.2), which "
                "gives the shadows more noise and the highlights less"))
    return "ShotNoise", {"scale_range": _pair(p["scale_limit"])}


def _x_random_rotate90(p, note):
    if tuple(p["turns_limit"]) != (0, 3):
        raise Unsupported(tr("only the full range of quarter turns (turns_limit 0..3) has an albumentations "
                             "counterpart, RandomRotate90"))
    return "RandomRotate90", {}


def _x_iso_noise(p, note):
    note(tr("albumentations 2.x's ISONoise departs from its documentation, which augview follows: its hue "
            "noise is 360 times weaker and its lightness noise gives rare strong specks instead of a fine grain"))
    return "ISONoise", {"color_shift": _pair(p["color_shift_limit"]), "intensity": _pair(p["intensity_limit"])}


def _roi(p: dict) -> list[float]:
    # augview's region is two ranges of fractions; albumentations' one (x_min, y_min, x_max, y_max).
    return [float(p["roi_x"][0]), float(p["roi_y"][0]), float(p["roi_x"][1]), float(p["roi_y"][1])]


def _x_random_rain(p, note):
    note(tr("RandomRain shifts each drop's lower end sideways by the slant in pixels (its documentation "
            "says degrees, as augview draws it): the same numbers lean drops shorter than 57 px more "
            "and longer ones less"))
    return "RandomRain", {"slant_range": _pair(p["slant_limit"]), "drop_length": p["drop_length"] or None,
                          "drop_width": p["drop_width"], "drop_color": [p["drop_color"]] * 3,
                          "blur_value": p["blur_value"], "brightness_coefficient": p["brightness_coefficient"],
                          "rain_type": p["rain_type"]}


def _x_random_sun_flare(p, note):
    if p["roi_x"][0] >= p["roi_x"][1] or p["roi_y"][0] >= p["roi_y"][1]:
        raise Unsupported(tr("a flare region without width or height (roi_x or roi_y low = high) has no "
                             "albumentations counterpart: RandomSunFlare wants low < high"))
    return "RandomSunFlare", {"flare_roi": _roi(p), "angle_range": [p["angle_limit"][0] / 360.0,
                                                                   p["angle_limit"][1] / 360.0],
                              "num_flare_circles_range": _ints(p["num_circles_limit"]),
                              "src_radius": p["src_radius"],
                              "src_color": [p["color_red"], p["color_green"], p["color_blue"]],
                              "method": "overlay"}


def _x_random_erasing(p, note):
    note(tr("Erasing draws the aspect ratio uniformly (augview and torchvision: log-uniformly) and "
            "shrinks the box to fit instead of retrying"))
    low, high = p["ratio_limit"]  # augview: height / width; albumentations: width / height
    return "Erasing", {"scale": _pair(p["scale_limit"]), "ratio": [1.0 / high, 1.0 / low], "fill": _fill(p)}


def _x_max_size(name: str):
    def export(p, note):
        sizes = size_choices(p)  # albumentations draws from a list uniformly: exact
        return name, {"max_size": sizes[0] if len(sizes) == 1 else sizes, "max_size_hw": None, **_warp(p, False)}
    return export


def _x_crop_from_borders(p, note):
    if p["crop_left"] + p["crop_right"] > 1 or p["crop_top"] + p["crop_bottom"] > 1:
        raise Unsupported(tr("crop_left + crop_right or crop_top + crop_bottom above 1: albumentations' "
                             "RandomCropFromBorders refuses it"))
    return "RandomCropFromBorders", {k: p[k] for k in ("crop_left", "crop_right", "crop_top", "crop_bottom")}


def _x_safe_rotate(p, note):
    note(tr("SafeRotate puts the turned image half a pixel right and down of the centre (even at angle 0); "
            "augview keeps the centre in place"))
    return "SafeRotate", {"limit": _pair(p["limit"]), **_warp(p)}


def _x_piecewise_affine(p, note):
    note(tr("PiecewiseAffine of albumentations 2.x blends the control points by inverse distance: between "
            "them it also pulls the image towards the centre; augview maps each triangle of the grid "
            "affinely (the two agree at the control points)"))
    return "PiecewiseAffine", {"scale": _pair(p["scale_limit"]), "nb_rows": _ints(p["rows_limit"]),
                               "nb_cols": _ints(p["cols_limit"]), "absolute_scale": p["absolute_scale"], **_warp(p)}


def _x_superpixels(p, note):
    note(tr("Superpixels shrinks the whole image to max_size and back, so the segments it keeps lose detail "
            "too (augview keeps them at full size), and it never replaces the first segment"))
    return "Superpixels", {"p_replace": _pair(p["p_replace_limit"]), "n_segments": _ints(p["n_segments_limit"]),
                           "max_size": p["max_size"], **_warp(p, False)}


EXPORTERS: dict[str, Callable[[dict, Callable[[str], None]], tuple[str, dict]]] = {
    "horizontal_flip": lambda p, note: ("HorizontalFlip", {}),
    "vertical_flip": lambda p, note: ("VerticalFlip", {}),
    "rotate": lambda p, note: ("Rotate", {"limit": _pair(p["limit"]), "crop_border": False, **_warp(p)}),
    "random_rotate90": _x_random_rotate90,
    "transpose": lambda p, note: ("Transpose", {}),
    "affine": _x_affine,
    "perspective": lambda p, note: ("Perspective", {"scale": _pair(p["scale"]), "keep_size": p["keep_size"],
                                                    "fit_output": p["fit_output"], **_warp(p)}),
    "elastic": lambda p, note: ("ElasticTransform", {"alpha": p["alpha"], "sigma": p["sigma"],
                                                     "noise_distribution": "uniform", "approximate": False,
                                                     "same_dxdy": False, **_warp(p)}),
    "grid_distortion": lambda p, note: ("GridDistortion", {"num_steps": p["num_steps"],
                                                           "distort_limit": _pair(p["distort_limit"]),
                                                           "normalized": p["normalized"], **_warp(p)}),
    "optical_distortion": lambda p, note: ("OpticalDistortion", {"distort_limit": _pair(p["distort_limit"]),
                                                                 "mode": p["mode"], **_warp(p)}),
    "random_crop": _crop("RandomCrop"),
    "center_crop": _crop("CenterCrop"),
    "bbox_safe_random_crop": lambda p, note: (
        p["spread"] != 1.0 and note(tr("albumentations moves each side all the way to the image's edge "
                                       "(augview's spread 1)"))) or ("BBoxSafeRandomCrop", {"erosion_rate": p["erosion"]}),
    "random_resized_crop": lambda p, note: ("RandomResizedCrop", {
        "size": [p["height"], p["width"]], "scale": _pair(p["scale"]), "ratio": _pair(p["ratio"]),
        **_warp(p, False)}),
    "resize": lambda p, note: ("Resize", {"height": p["height"], "width": p["width"], **_warp(p, False)}),
    "random_scale": _x_random_scale,
    "pad": _x_pad,
    "brightness_contrast": _x_brightness_contrast,
    "color_jitter": _x_color_jitter,
    "hue_saturation_value": lambda p, note: ("HueSaturationValue", {
        k: _pair(p[k]) for k in ("hue_shift_limit", "sat_shift_limit", "val_shift_limit")}),
    "rgb_shift": lambda p, note: ("RGBShift", {k: _pair(p[k]) for k in ("r_shift_limit", "g_shift_limit",
                                                                         "b_shift_limit")}),
    "channel_shuffle": lambda p, note: ("ChannelShuffle", {}),
    "channel_dropout": lambda p, note: ("ChannelDropout", {"channel_drop_range": _ints(p["channels_limit"]),
                                                           "fill": float(p["fill"])}),
    "random_shadow": lambda p, note: ("RandomShadow", {
        "shadow_roi": _roi(p), "num_shadows_limit": _ints(p["num_shadows_limit"]),
        "shadow_dimension": p["shadow_dimension"], "shadow_intensity_range": _pair(p["shadow_intensity_limit"])}),
    "random_fog": lambda p, note: ("RandomFog", {"fog_coef_range": _pair(p["fog_coef_limit"]),
                                                 "alpha_coef": p["alpha_coef"]}),
    "random_rain": _x_random_rain,
    "random_sun_flare": _x_random_sun_flare,
    "grayscale": lambda p, note: ("ToGray", {"num_output_channels": 3, "method": "weighted_average"}),
    "gamma": lambda p, note: ("RandomGamma", {"gamma_limit": [p["gamma_limit"][0] * 100.0,
                                                              p["gamma_limit"][1] * 100.0]}),
    "equalize": lambda p, note: ("Equalize", {"mode": p["mode"], "by_channels": p["by_channels"]}),
    "clahe": lambda p, note: ("CLAHE", {"clip_limit": _pair(p["clip_limit"]),
                                        "tile_grid_size": [p["tile_grid_size"]] * 2}),
    "autocontrast": lambda p, note: ("AutoContrast", {"cutoff": p["cutoff"], "method": "pil"}),
    "posterize": lambda p, note: ("Posterize", {"num_bits": _ints(p["num_bits"])}),
    "solarize": _x_solarize,
    "invert": lambda p, note: ("InvertImg", {}),
    "sharpness": _x_sharpness,
    "gaussian_noise": lambda p, note: ("GaussNoise", {
        "std_range": [p["std_limit"][0] / 255.0, p["std_limit"][1] / 255.0],
        "mean_range": [p["mean"] / 255.0] * 2, "per_channel": p["per_channel"], "noise_scale_factor": 1.0}),
    "salt_and_pepper": lambda p, note: ("SaltAndPepper", {"amount": _pair(p["amount_limit"]),
                                                          "salt_vs_pepper": _pair(p["salt_vs_pepper_limit"])}),
    "multiplicative_noise": lambda p, note: ("MultiplicativeNoise", {
        "multiplier": _pair(p["multiplier_limit"]), "per_channel": p["per_channel"], "elementwise": p["elementwise"]}),
    "shot_noise": _x_shot_noise,
    "iso_noise": _x_iso_noise,
    "jpeg_compression": lambda p, note: ("ImageCompression", {"compression_type": "jpeg",
                                                              "quality_range": _ints(p["quality_limit"])}),
    "downscale": lambda p, note: ("Downscale", {"scale_range": _pair(p["scale_limit"]), "interpolation_pair": {
        "downscale": INTERPOLATIONS[p["down_interpolation"]], "upscale": INTERPOLATIONS[p["up_interpolation"]]}}),
    "gaussian_blur": lambda p, note: ("GaussianBlur", {"blur_limit": [0, 0], "sigma_limit": _pair(p["sigma_limit"])}),
    "motion_blur": _x_motion_blur,
    "median_blur": lambda p, note: ("MedianBlur", {"blur_limit": _odd(p["ksize_limit"])}),
    "coarse_dropout": lambda p, note: ("CoarseDropout", {
        "num_holes_range": _ints(p["num_holes_limit"]), "hole_height_range": _pair(p["hole_height_limit"]),
        "hole_width_range": _pair(p["hole_width_limit"]), "fill": _fill(p)}),
    "random_erasing": _x_random_erasing,
    "grid_dropout": lambda p, note: ("GridDropout", {"ratio": p["ratio"],
                                                     "unit_size_range": _ints(p["unit_size_limit"]),
                                                     "random_offset": p["random_shift"], "fill": _fill(p)}),
    # The transforms real training pipelines use beyond the first catalog (issue 16).
    "box_blur": lambda p, note: ("Blur", {"blur_limit": _odd(p["ksize_limit"])}),
    "emboss": lambda p, note: ("Emboss", {"alpha": _pair(p["alpha_limit"]), "strength": _pair(p["strength_limit"])}),
    "superpixels": _x_superpixels,
    "defocus": lambda p, note: ("Defocus", {"radius": _ints(p["radius_limit"]),
                                            "alias_blur": _pair(p["alias_blur_limit"])}),
    "zoom_blur": lambda p, note: ("ZoomBlur", {"max_factor": _pair(p["max_factor_limit"]),
                                               "step_factor": _pair(p["step_factor_limit"])}),
    "glass_blur": lambda p, note: ("GlassBlur", {"sigma": p["sigma"], "max_delta": p["max_delta"],
                                                 "iterations": p["iterations"], "mode": "fast"}),
    "longest_max_size": _x_max_size("LongestMaxSize"),
    "smallest_max_size": _x_max_size("SmallestMaxSize"),
    "random_sized_crop": lambda p, note: ("RandomSizedCrop", {
        "min_max_height": _ints(p["min_max_height"]), "size": [p["height"], p["width"]],
        "w2h_ratio": p["w2h_ratio"], **_warp(p, False)}),
    "random_crop_from_borders": _x_crop_from_borders,
    "safe_rotate": _x_safe_rotate,
    "random_grid_shuffle": lambda p, note: ("RandomGridShuffle", {"grid": [p["rows"], p["cols"]]}),
    "piecewise_affine": _x_piecewise_affine,
}
