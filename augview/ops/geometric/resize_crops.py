"""Resizing to a side length, and crops whose size is drawn: longest_max_size, smallest_max_size,
random_sized_crop and random_crop_from_borders (albumentations' LongestMaxSize, SmallestMaxSize,
RandomSizedCrop and RandomCropFromBorders; the fixed crops and resizes are in crops.py).

Like crops.py, every crop draws its box as ``x, y, width, height`` in input pixels, and the
resizing ops draw the side length they aim at; `max_size_shape` gives the output size from it, so
boxes, masks and keypoints can later follow with a shift and a scale.
"""

from __future__ import annotations

import cv2

from augview.ops.common import INTERPOLATIONS, box_caption, interpolation_param
from augview.ops.geometric.crops import (
    MAX_SIDE, cut_window, drawn_box, fit_within_max_side, resized_crop_motion, whole_window, window_motion,
)
from augview.core.params import float_param, int_param, range_param
from augview.core.randomness import uniform
from augview.core.registry import Op, register
from augview.text import tr


# ---------------------------------------------------------------------------------------------
# longest_max_size, smallest_max_size


# The longest side length offered: a 4096-pixel side is already a 50 MB image.
MAX_LENGTH = 4096


def size_choices(params: dict) -> list[int]:
    """The side lengths a max-size op draws from: low, low + step, ... up to high."""
    low, high = params["size_limit"]
    return list(range(int(low), int(high) + 1, max(1, int(params["size_step"]))))


def max_size_shape(shape: tuple, size: int, longest: bool) -> tuple[int, int]:
    """``(height, width)`` after scaling the image so that its longest (or shortest) side is
    ``size``, aspect ratio kept; rounded as albumentations does (Python's round), in [1, MAX_SIDE]."""
    height, width = shape[:2]
    scale = size / (max(height, width) if longest else min(height, width))
    return fit_within_max_side(height * scale, width * scale)  # past MAX_SIDE both sides shrink


def _sample_max_size(rng, params, shape):
    choices = size_choices(params)
    size = choices[uniform(rng, (0, len(choices) - 1), integer=True)]
    return {"max_size": size, "interpolation": params["interpolation"]}


def _resizer(longest: bool):
    def apply(image, drawn):
        height, width = max_size_shape(image.shape, int(drawn["max_size"]), longest)
        if (height, width) == image.shape[:2]:
            return image.copy()
        return cv2.resize(image, (width, height), interpolation=INTERPOLATIONS[drawn["interpolation"]])
    return apply


def _max_size_motion(drawn: dict, shape: tuple, longest: bool):
    return resized_crop_motion((0, 0, shape[1], shape[0]), *max_size_shape(shape, int(drawn["max_size"]), longest))


def _size_params(default: int, side: str):
    return (
        range_param("size_limit", (default, default), 1, MAX_LENGTH, scale="log", step=1, unit="px", integer=True,
                    draws="max_size", help=f"length of the {side} side after resizing; drawn from "
                                           "this range in steps of size_step"),
        int_param("size_step", 32, 1, 1024, scale="log", unit="px",
                  help="the length is drawn among low, low + step, low + 2 step, ... up to high"),
        interpolation_param(),
    )


register(Op(
    name="longest_max_size",
    category="geometric",
    description=(
        "Scales the image, aspect ratio kept, so that its longer side gets the drawn length "
        "(albumentations' LongestMaxSize). The usual first step of detection pipelines: every "
        "photo then fits in a square of that side, and a pad step can fill the rest. Drawing "
        "the length from a range trains at several scales at once. Strong downscaling loses "
        "small objects; for shrinking, 'area' interpolation avoids aliasing."
    ),
    params=_size_params(640, "longer"),
    apply=_resizer(True),
    keeps_image=lambda drawn, shape: max_size_shape(shape, int(drawn["max_size"]), True) == tuple(shape[:2]),
    sample=_sample_max_size,
    geometry=lambda drawn, shape: _max_size_motion(drawn, shape, True),
))

register(Op(
    name="smallest_max_size",
    category="geometric",
    description=(
        "Scales the image, aspect ratio kept, so that its shorter side gets the drawn length "
        "(albumentations' SmallestMaxSize, torchvision's Resize with one number). The classic "
        "evaluation recipe resizes the shorter side to 256 and then takes a 224 centre crop; "
        "with a range of lengths it is multi-scale training. The longer side grows with the "
        "aspect ratio, so follow it with a crop when the network needs a fixed size."
    ),
    params=_size_params(256, "shorter"),
    apply=_resizer(False),
    keeps_image=lambda drawn, shape: max_size_shape(shape, int(drawn["max_size"]), False) == tuple(shape[:2]),
    sample=_sample_max_size,
    geometry=lambda drawn, shape: _max_size_motion(drawn, shape, False),
))


# ---------------------------------------------------------------------------------------------
# random_sized_crop


def _sample_random_sized_crop(rng, params, shape):
    image_h, image_w = shape[:2]
    # albumentations' order: the crop height, then the position (vertical first).
    drawn_h = uniform(rng, params["min_max_height"], integer=True)
    crop_w = int(drawn_h * params["w2h_ratio"])
    y_start, x_start = rng.random(), rng.random()
    crop_h, crop_w = min(drawn_h, image_h), min(max(crop_w, 1), image_w)
    y = int((image_h - crop_h + 1) * y_start)
    x = int((image_w - crop_w + 1) * x_start)
    return {"crop_height": drawn_h, "x": x, "y": y, "width": crop_w, "height": crop_h,
            "output_height": params["height"], "output_width": params["width"],
            "interpolation": params["interpolation"]}


def _crop_and_resize(image, drawn):
    x, y, width, height = drawn_box(drawn, image.shape)
    size = (drawn["output_width"], drawn["output_height"])
    crop = image[y:y + height, x:x + width]
    if (height, width) == (size[1], size[0]):
        return crop.copy()
    return cv2.resize(crop, size, interpolation=INTERPOLATIONS[drawn["interpolation"]])


def _sized_crop_caption(drawn):
    box = box_caption(drawn["x"], drawn["y"], drawn["width"], drawn["height"])
    return tr("{box}, to {w}x{h}px").format(box=box, w=drawn["output_width"], h=drawn["output_height"])


register(Op(
    name="random_sized_crop",
    category="geometric",
    description=(
        "Cuts a box of drawn height (in pixels) and fixed aspect ratio out of a random place and "
        "resizes it to a fixed output size (albumentations' RandomSizedCrop). Like "
        "random_resized_crop it adds zoom and position at once, but the box is given by its "
        "height in pixels, so the zoom depends on the photo's size. Small boxes on large photos "
        "zoom in a lot and may miss the labelled object. A box larger than the image is clamped."
    ),
    params=(
        range_param("min_max_height", (256, 480), 1, MAX_SIDE, scale="log", step=1, unit="px", integer=True,
                    draws="crop_height", help="height of the box, drawn in pixels"),
        float_param("w2h_ratio", 1.0, 0.1, 10.0, scale="log", step=0.01, help="box width / box height"),
        int_param("height", 224, 1, MAX_SIDE, scale="log", unit="px", help="output height"),
        int_param("width", 224, 1, MAX_SIDE, scale="log", unit="px", help="output width"),
        interpolation_param(),
    ),
    apply=_crop_and_resize,
    sample=_sample_random_sized_crop,
    caption=_sized_crop_caption,
    geometry=lambda drawn, shape: resized_crop_motion(drawn_box(drawn, shape), drawn["output_height"],
                                                      drawn["output_width"]),
))


# ---------------------------------------------------------------------------------------------
# random_crop_from_borders


def _sample_crop_from_borders(rng, params, shape):
    height, width = shape[:2]
    # albumentations' draws, in its order: each side moves inwards by up to its share of the side,
    # and the far side always stays at least one pixel beyond the near one. The four uniforms come
    # from one call (the same numbers as four calls of rng.random()), each turned into a whole
    # number in [low, high] as `uniform` does: low + min(int(r * (high - low + 1)), high - low).
    r0, r1, r2, r3 = rng.random(4).tolist()
    span = int(params["crop_left"] * width)
    x0 = min(int(r0 * (span + 1)), span)
    low = max(x0 + 1, int((1 - params["crop_right"]) * width))
    x1 = low + min(int(r1 * (width - low + 1)), width - low)
    span = int(params["crop_top"] * height)
    y0 = min(int(r2 * (span + 1)), span)
    low = max(y0 + 1, int((1 - params["crop_bottom"]) * height))
    y1 = low + min(int(r3 * (height - low + 1)), height - low)
    x0, y0 = min(x0, width - 1), min(y0, height - 1)
    return {"x": x0, "y": y0, "width": max(1, min(x1, width) - x0), "height": max(1, min(y1, height) - y0)}


register(Op(
    name="random_crop_from_borders",
    category="geometric",
    description=(
        "Trims a random margin off each side: up to crop_left of the width from the left, "
        "crop_right from the right, and so on (albumentations' RandomCropFromBorders). Keeps "
        "most of the picture while varying framing and size, a gentle alternative to a crop of "
        "fixed size. Margins that add up to the whole side can leave a sliver; the output size "
        "varies, so a resize usually follows."
    ),
    params=(
        float_param("crop_left", 0.1, 0.0, 1.0, step=0.01, help="largest share of the width cut from the left"),
        float_param("crop_right", 0.1, 0.0, 1.0, step=0.01, help="largest share of the width cut from the right"),
        float_param("crop_top", 0.1, 0.0, 1.0, step=0.01, help="largest share of the height cut from the top"),
        float_param("crop_bottom", 0.1, 0.0, 1.0, step=0.01,
                    help="largest share of the height cut from the bottom"),
    ),
    apply=cut_window,
    keeps_image=whole_window,
    geometry=window_motion,
    sample=_sample_crop_from_borders,
    caption=lambda d: box_caption(d["x"], d["y"], d["width"], d["height"]),
))
