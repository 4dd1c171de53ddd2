"""Ops that change the image's size: crops, resizing, scaling and padding.

Every crop draws its box as ``x, y, width, height`` (ints, in input pixels) and ``pad`` draws
``top, bottom, left, right``, so boxes, masks and keypoints can later follow with a shift (plus a
scale for the resizing ops, see `scaled_size`). Sizes are clamped, never an error: a crop larger
than the image takes the whole image along that side, because a slider in the GUI must not crash
the preview (albumentations raises unless ``pad_if_needed``; put a `pad` step first for that).
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from augview.ops.common import (
    BORDERS, INTERPOLATIONS, border_params, border_value, box_caption, interpolation_param,
)
from augview.core.params import bool_param, choice_param, float_param, int_param, range_param
from augview.core.randomness import uniform
from augview.core.registry import Op, register
from augview.targets.masks import resample
from augview.targets.motion import Affine
from augview.core.images import MAX_SIDE  # noqa: F401  (the largest side any op here produces)
from augview.text import tr


# Pure box and size helpers: shared by apply and sample, and by whatever later moves boxes.


def clamp_box(x: int, y: int, width: int, height: int, shape: tuple) -> tuple[int, int, int, int]:
    """The box ``(x, y, width, height)`` shrunk and shifted to lie inside an image of ``shape``,
    at least 1x1."""
    image_h, image_w = shape[:2]
    width = min(max(int(width), 1), image_w)
    height = min(max(int(height), 1), image_h)
    x = min(max(int(x), 0), image_w - width)
    y = min(max(int(y), 0), image_h - height)
    return x, y, width, height


def center_box(shape: tuple, height: int, width: int) -> tuple[int, int, int, int]:
    """The centred ``(x, y, width, height)`` crop box, clamped; rounding as albumentations does."""
    image_h, image_w = shape[:2]
    width, height = min(max(width, 1), image_w), min(max(height, 1), image_h)
    return (image_w - width) // 2, (image_h - height) // 2, width, height


def scaled_size(shape: tuple, scale_x: float, scale_y: float) -> tuple[int, int]:
    """``(height, width)`` of an image of ``shape`` scaled by the given factors, in [1, MAX_SIDE].
    A size past MAX_SIDE shrinks on both sides by the same factor, so the shape is kept: capping
    one side alone stretched a 6000x9000 photo scaled by 1.07 to 6436x8192."""
    image_h, image_w = shape[:2]
    return fit_within_max_side(image_h * scale_y, image_w * scale_x)


def fit_within_max_side(height: float, width: float) -> tuple[int, int]:
    """``(height, width)`` rounded to whole pixels in [1, MAX_SIDE], both shrunk by one factor
    when the longer would pass MAX_SIDE."""
    over = max(height, width) / MAX_SIDE
    if over > 1.0:
        height, width = height / over, width / over
    return min(max(int(round(height)), 1), MAX_SIDE), min(max(int(round(width)), 1), MAX_SIDE)


def crop_size(shape: tuple, params: dict, fraction: float) -> tuple[int, int]:
    """``(height, width)`` of the crop: pixels clamped to the image, or a fraction of each side."""
    image_h, image_w = shape[:2]
    if params["size_mode"] == "fraction":
        return max(1, int(round(image_h * fraction))), max(1, int(round(image_w * fraction)))
    return min(params["height"], image_h), min(params["width"], image_w)


def drawn_box(drawn: dict, shape: tuple) -> tuple[int, int, int, int]:
    """The drawn box, clamped only when it does not fit (a trace replayed on another image)."""
    x, y, width, height = drawn["x"], drawn["y"], drawn["width"], drawn["height"]
    # One chained comparison is the common case; clamp_box's min/max calls cost a microsecond.
    if 0 <= x and 0 <= y and 0 < width and 0 < height and x + width <= shape[1] and y + height <= shape[0]:
        return x, y, width, height
    return clamp_box(x, y, width, height, shape)


def whole_window(drawn, shape) -> bool:
    """Whether the drawn box is the whole image (`Op.keeps_image` of the crops)."""
    return drawn_box(drawn, shape) == (0, 0, shape[1], shape[0])


def cut_window(image, drawn):
    x, y, width, height = drawn_box(drawn, image.shape)
    # copy(): a slice is a view, and a caller editing the output must not edit the input.
    return image[y:y + height, x:x + width].copy()


# How targets follow: every op here is an axis-aligned affine map (a shift, then a scale), so
# boxes and keypoints move exactly; masks are cut, resized with nearest neighbour, or padded.


def shift_scale_matrix(x: float, y: float, scale_x: float = 1.0, scale_y: float = 1.0) -> np.ndarray:
    """3x3 matrix (pixel centres) of cutting at (x, y), then resizing by the given factors: a
    pixel's area scales about its corner, so a centre u moves to (u - x + 0.5) * scale - 0.5."""
    return np.array([[scale_x, 0.0, (0.5 - x) * scale_x - 0.5],
                     [0.0, scale_y, (0.5 - y) * scale_y - 0.5],
                     [0.0, 0.0, 1.0]])


def window_motion(drawn, shape):
    x, y, width, height = drawn_box(drawn, shape)
    return Affine(shift_scale_matrix(x, y), (height, width),
                  mask_move=lambda mask, fill: mask[y:y + height, x:x + width].copy())


def _resize_mask(mask: np.ndarray, height: int, width: int) -> np.ndarray:
    return resample(mask, lambda plane, fill: cv2.resize(plane, (width, height), interpolation=cv2.INTER_NEAREST), 0)


def resized_crop_motion(box, out_height, out_width):
    x, y, width, height = box
    matrix = shift_scale_matrix(x, y, out_width / width, out_height / height)
    return Affine(matrix, (out_height, out_width), mask_move=lambda mask, fill: _resize_mask(
        mask[y:y + height, x:x + width], out_height, out_width))


def _size_params(default: int, what: str):
    return (
        choice_param("size_mode", "pixels", ("pixels", "fraction"),
                     help="give the crop size in pixels, or as a fraction of each side"),
        int_param("height", default, 1, MAX_SIDE, scale="log", unit="px", when=("size_mode", "pixels"),
                  help=f"{what} height in pixels mode; clamped to the image"),
        int_param("width", default, 1, MAX_SIDE, scale="log", unit="px", when=("size_mode", "pixels"),
                  help=f"{what} width in pixels mode; clamped to the image"),
    )


# random_crop


def _sample_random_crop(rng, params, shape):
    # Three draws every time, whatever the mode, so switching modes never moves later draws.
    fraction = uniform(rng, params["fraction"])
    height, width = crop_size(shape, params, fraction)
    y = uniform(rng, (0, shape[0] - height), integer=True)
    x = uniform(rng, (0, shape[1] - width), integer=True)
    drawn = {"fraction": fraction} if params["size_mode"] == "fraction" else {}
    drawn.update(x=x, y=y, width=width, height=height)
    return drawn


def _crop_caption(drawn):
    box = box_caption(drawn["x"], drawn["y"], drawn["width"], drawn["height"])
    return f"fraction={drawn['fraction']:.3g}, {box}" if "fraction" in drawn else box


register(Op(
    name="random_crop",
    category="geometric",
    description=(
        "Cuts a window of fixed size out of a random place in the image. It teaches the model that "
        "an object can sit anywhere in the frame and is the usual way to get fixed-size inputs from "
        "larger photos. It hurts when the window is so small that it often misses the object the "
        "label talks about. A window larger than the image is clamped to the image's side."
    ),
    params=(
        *_size_params(256, "crop"),
        range_param("fraction", (0.5, 1.0), 0.01, 1.0, step=0.01, draws="fraction", when=("size_mode", "fraction"),
                    help="fraction mode: each side of the crop is this fraction of the image's side"),
    ),
    apply=cut_window,
    keeps_image=whole_window,
    sample=_sample_random_crop,
    caption=_crop_caption,
    geometry=window_motion,
))


# center_crop


def _sample_center_crop(rng, params, shape):
    height, width = crop_size(shape, params, params["fraction"])
    x, y, width, height = center_box(shape, height, width)
    return {"x": x, "y": y, "width": width, "height": height}


register(Op(
    name="center_crop",
    category="geometric",
    description=(
        "Keeps the middle of the image and drops the margins; nothing random. It is the standard "
        "evaluation crop and removes borders, watermarks or black bars. It cuts away objects near "
        "the edges, so check that the label still holds. A crop larger than the image is clamped "
        "to the image's side."
    ),
    params=(
        *_size_params(256, "crop"),
        float_param("fraction", 0.8, 0.01, 1.0, step=0.01, when=("size_mode", "fraction"),
                    help="fraction mode: each side of the crop is this fraction of the image's side"),
    ),
    apply=cut_window,
    keeps_image=whole_window,
    sample=_sample_center_crop,
    caption=_crop_caption,
    geometry=window_motion,
))


# random_resized_crop


def resized_crop_fallback(shape: tuple, ratio: tuple[float, float]) -> tuple[int, int, int, int]:
    """torchvision's fallback when 10 draws miss: the largest centred box whose aspect ratio
    (width / height) lies in ``ratio``."""
    image_h, image_w = shape[:2]
    in_ratio = image_w / image_h
    if in_ratio < ratio[0]:
        width, height = image_w, int(round(image_w / ratio[0]))
    elif in_ratio > ratio[1]:
        width, height = int(round(image_h * ratio[1])), image_h
    else:
        width, height = image_w, image_h
    return center_box(shape, height, width)


def _sample_random_resized_crop(rng, params, shape):
    image_h, image_w = shape[:2]
    area = image_h * image_w
    low, high = params["ratio"]
    log_ratio = (math.log(low), math.log(high))
    box = None
    for _ in range(10):  # torchvision's algorithm, draw for draw
        target_area = area * uniform(rng, params["scale"])
        aspect = math.exp(uniform(rng, log_ratio))  # log-uniform: 1/2 and 2 equally likely
        width = int(round(math.sqrt(target_area * aspect)))
        height = int(round(math.sqrt(target_area / aspect)))
        if 0 < width <= image_w and 0 < height <= image_h:
            y = uniform(rng, (0, image_h - height), integer=True)
            x = uniform(rng, (0, image_w - width), integer=True)
            box = (x, y, width, height)
            break
    if box is None:
        box = resized_crop_fallback(shape, params["ratio"])
    x, y, width, height = box
    return {
        # What the box turned out to be, for the caption; apply does not need them.
        "scale": round(width * height / area, 4),
        "ratio": round(width / height, 4),
        "x": x, "y": y, "width": width, "height": height,
        "output_height": params["height"], "output_width": params["width"],
        "interpolation": params["interpolation"],
    }


def _random_resized_crop(image, drawn):
    x, y, width, height = drawn_box(drawn, image.shape)
    # cv2.resize reads the strided view directly, so the crop is never copied on its own.
    return cv2.resize(
        image[y:y + height, x:x + width], (drawn["output_width"], drawn["output_height"]),
        interpolation=INTERPOLATIONS[drawn["interpolation"]],
    )


register(Op(
    name="random_resized_crop",
    category="geometric",
    description=(
        "The ImageNet training crop (torchvision's RandomResizedCrop): picks a box covering a "
        "random share of the area with a random aspect ratio, then resizes it to a fixed output "
        "size. It adds zoom, position and slight stretching at once and is the default for "
        "classification. The default minimum share of 8% is aggressive: on small objects or for "
        "detection-like tasks it often crops the object away, so raise it to 0.3-0.5 there."
    ),
    params=(
        int_param("height", 224, 1, MAX_SIDE, scale="log", unit="px", help="output height"),
        int_param("width", 224, 1, MAX_SIDE, scale="log", unit="px", help="output width"),
        range_param("scale", (0.08, 1.0), 0.01, 1.0, step=0.01, draws="scale",
                    help="share of the image's area the box covers"),
        range_param("ratio", (3 / 4, 4 / 3), 0.1, 10.0, scale="log", step=0.01, draws="ratio",
                    help="box width / height, drawn log-uniformly"),
        interpolation_param(),
    ),
    apply=_random_resized_crop,
    sample=_sample_random_resized_crop,
    geometry=lambda drawn, shape: resized_crop_motion(
        drawn_box(drawn, shape), drawn["output_height"], drawn["output_width"]),
))


# resize


def _resize(image, drawn):
    return cv2.resize(
        image, (drawn["width"], drawn["height"]), interpolation=INTERPOLATIONS[drawn["interpolation"]]
    )


register(Op(
    name="resize",
    category="geometric",
    description=(
        "Resizes the image to a fixed height and width, stretching it if the aspect ratio differs. "
        "Networks need a fixed input size, so this usually ends a pipeline. Stretching distorts "
        "shapes (round things turn oval); crop or pad first when that matters. For shrinking, "
        "'area' interpolation avoids the jagged aliasing that 'linear' and 'nearest' leave."
    ),
    params=(
        int_param("height", 256, 1, MAX_SIDE, scale="log", unit="px", help="output height"),
        int_param("width", 256, 1, MAX_SIDE, scale="log", unit="px", help="output width"),
        interpolation_param(),
    ),
    apply=_resize,
    keeps_image=lambda drawn, shape: (drawn["height"], drawn["width"]) == tuple(shape[:2]),
    caption=lambda d: tr("to {w}x{h}px").format(w=d["width"], h=d["height"]),
    geometry=lambda drawn, shape: resized_crop_motion(
        (0, 0, shape[1], shape[0]), drawn["height"], drawn["width"]),
))


# random_scale


def _sample_random_scale(rng, params, shape):
    scale_x = uniform(rng, params["scale_x"])
    scale_y = uniform(rng, params["scale_y"])  # always drawn, so toggling keep_aspect moves nothing
    if params["keep_aspect"]:
        scale_y = scale_x
    return {"scale_x": scale_x, "scale_y": scale_y, "interpolation": params["interpolation"]}


def _random_scale(image, drawn):
    height, width = scaled_size(image.shape, drawn["scale_x"], drawn["scale_y"])
    return cv2.resize(image, (width, height), interpolation=INTERPOLATIONS[drawn["interpolation"]])


register(Op(
    name="random_scale",
    category="geometric",
    description=(
        "Resizes the image by a random factor, so the output size changes (albumentations' "
        "RandomScale). With keep_aspect on, one factor scales both sides and objects look nearer "
        "or farther; with it off, width and height get their own factors and the image stretches, "
        "like a different lens or pixel aspect. Follow it with a crop or resize when the network "
        "needs a fixed size; strong stretching makes shapes unrealistic."
    ),
    params=(
        range_param("scale_x", (0.9, 1.1), 0.05, 4.0, scale="log", step=0.01, unit="×", draws="scale_x",
                    help="width factor; with keep_aspect, the factor for both sides"),
        range_param("scale_y", (0.9, 1.1), 0.05, 4.0, scale="log", step=0.01, unit="×", draws="scale_y",
                    help="height factor; ignored with keep_aspect"),
        bool_param("keep_aspect", True, help="one factor for both sides (no stretching)"),
        interpolation_param(),
    ),
    apply=_random_scale,
    sample=_sample_random_scale,
    geometry=lambda drawn, shape: resized_crop_motion(
        (0, 0, shape[1], shape[0]), *scaled_size(shape, drawn["scale_x"], drawn["scale_y"])),
))


# pad


def pad_totals(shape: tuple, params: dict) -> tuple[int, int]:
    """Rows and columns ``pad`` adds in total, with each output side kept under MAX_SIDE."""
    image_h, image_w = shape[:2]
    mode = params["pad_mode"]
    if mode == "min_size":
        target_h, target_w = max(image_h, params["min_height"]), max(image_w, params["min_width"])
    elif mode == "pixels":
        target_h, target_w = image_h + 2 * params["pixels"], image_w + 2 * params["pixels"]
    else:  # multiple_of: round each side up to the next multiple of divisor
        divisor = params["divisor"]
        target_h, target_w = -(-image_h // divisor) * divisor, -(-image_w // divisor) * divisor
    target_h, target_w = min(target_h, max(MAX_SIDE, image_h)), min(target_w, max(MAX_SIDE, image_w))
    return target_h - image_h, target_w - image_w


def _sample_pad(rng, params, shape):
    total_h, total_w = pad_totals(shape, params)
    # Both offsets are always drawn, so changing position keeps other draws where they were.
    random_top = uniform(rng, (0, total_h), integer=True)
    random_left = uniform(rng, (0, total_w), integer=True)
    position = params["position"]
    if position == "random":
        top, left = random_top, random_left
    elif position == "top_left":  # the image stays in the top-left corner: pad below and right
        top, left = 0, 0
    else:
        top, left = total_h // 2, total_w // 2
    return {
        "top": top, "bottom": total_h - top, "left": left, "right": total_w - left,
        "border_mode": params["border_mode"], "fill": params["fill"],
    }


def _pad(image, drawn):
    top, bottom, left, right = (max(0, int(drawn[k])) for k in ("top", "bottom", "left", "right"))
    if top == bottom == left == right == 0:
        return image.copy()
    return cv2.copyMakeBorder(
        image, top, bottom, left, right, BORDERS[drawn["border_mode"]],
        value=border_value(image, drawn["fill"]),
    )


def _pad_motion(drawn, shape):
    top, bottom, left, right = (max(0, int(drawn[k])) for k in ("top", "bottom", "left", "right"))
    height, width = shape[:2]

    def move_mask(mask, fill):
        if top == bottom == left == right == 0:
            return mask.copy()
        return resample(mask, lambda plane, value: cv2.copyMakeBorder(
            plane, top, bottom, left, right, BORDERS[drawn["border_mode"]], value=(value,) * 4), fill)

    return Affine(shift_scale_matrix(-left, -top), (height + top + bottom, width + left + right),
                  drawn["border_mode"], mask_move=move_mask)


register(Op(
    name="pad",
    category="geometric",
    description=(
        "Grows the canvas around the image, filling the new margin by the border mode. Use it to "
        "reach a minimum size before a fixed-size crop, to make sides a multiple of 32 for "
        "segmentation networks, or to shrink objects relative to the frame. A constant border "
        "teaches the model that black bars are normal; reflect modes hide the seam but mirror "
        "content, which can invent duplicate objects."
    ),
    params=(
        choice_param("pad_mode", "min_size", ("min_size", "pixels", "multiple_of"),
                     help="pad up to a minimum size, by a fixed margin, or up to a multiple"),
        int_param("min_height", 1024, 1, MAX_SIDE, scale="log", unit="px", when=("pad_mode", "min_size"),
                  help="min_size mode: smallest output height"),
        int_param("min_width", 1024, 1, MAX_SIDE, scale="log", unit="px", when=("pad_mode", "min_size"),
                  help="min_size mode: smallest output width"),
        int_param("pixels", 32, 0, 2048, scale="log", unit="px", when=("pad_mode", "pixels"),
                  help="pixels mode: margin added to every side"),
        int_param("divisor", 32, 1, 1024, scale="log", unit="px", when=("pad_mode", "multiple_of"),
                  help="multiple_of mode: sides become multiples of this"),
        choice_param("position", "center", ("center", "top_left", "random"),
                     help="where the image sits on the larger canvas"),
        *border_params(),
    ),
    apply=_pad,
    keeps_image=lambda drawn, shape: all(int(drawn[k]) <= 0 for k in ("top", "bottom", "left", "right")),
    sample=_sample_pad,
    geometry=_pad_motion,
    caption=lambda d: tr("top {top}, bottom {bottom}, left {left}, right {right} px").format(
        top=d["top"], bottom=d["bottom"], left=d["left"], right=d["right"]),
))
