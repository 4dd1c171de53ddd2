"""Test-time augmentation: the views a model is evaluated on, and the way back to the source.

Training augments to show a model many versions of each image; evaluation can do the same and
average the model's answers over a few fixed views of each test image (Krizhevsky et al., 2012;
Simonyan and Zisserman, 2015). The classic set is the **ten crops**: the four corners and the
centre at the network's input size, and the same five of the mirrored image. Also here: the
**five crops** alone, **flips** (the centre crop, or the whole image, and its mirror) and the
**centre** crop only.

Every view is a box of the source image, maybe mirrored, so everything a model says about a view
can be brought back into the source frame: a dense map (segmentation scores, a heat map) with
`dense_to_source` and `merge_dense` (each source pixel averages the views that saw it), and boxes
(``x0, y0, x1, y1`` in pixel edges: pixel ``i`` spans ``[i, i + 1)``) with `boxes_to_source`.

The views come in torchvision's order and positions (`FiveCrop`, `TenCrop`: the corners, then the
centre at ``round((W - w) / 2)``, then the five crops of the mirrored image), so the predictions of
`torchvision_code`'s ``tta(image)`` line up with `views` one for one. The mirrored image's centre
crop can sit one pixel off the plain one when ``W - w`` is odd; its box says where.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from augview.errors import AugviewError
from augview.text import tr

MODES = ("ten_crop", "five_crop", "flips", "center")
# The positions of the five crops, in torchvision's order.
POSITIONS = ("top_left", "top_right", "bottom_left", "bottom_right", "center")
# One colour per position for the drawn boxes (RGB), and the whole image's.
COLOURS = {"top_left": (230, 80, 60), "top_right": (60, 170, 230), "bottom_left": (250, 200, 40),
           "bottom_right": (170, 90, 220), "center": (70, 200, 110), "whole": (240, 240, 240)}


@dataclass(frozen=True)
class View:
    """One test-time view: the box ``(x, y, width, height)`` of the source it shows, mirrored
    left to right (``flip``; top to bottom with ``vertical``) after cropping."""

    position: str  # one of POSITIONS, or "whole"
    x: int
    y: int
    width: int
    height: int
    flip: bool = False
    vertical: bool = False

    @property
    def xyxy(self) -> tuple[int, int, int, int]:
        return self.x, self.y, self.x + self.width, self.y + self.height

    @property
    def name(self) -> str:
        """``top_left``, ``center_mirrored``...: a stable key (English, for files and code)."""
        return self.position + ("_mirrored" if self.flip else "")

    def label(self) -> str:
        """What a person reads under the view, in the interface language."""
        names = {"top_left": tr("top left"), "top_right": tr("top right"), "bottom_left": tr("bottom left"),
                 "bottom_right": tr("bottom right"), "center": tr("centre"), "whole": tr("whole image")}
        text = names[self.position]
        if self.flip:
            text = (tr("{view}, mirrored top to bottom") if self.vertical else tr("{view}, mirrored")).format(view=text)
        return text


def _size(shape: tuple, size) -> tuple[int, int]:
    """``(height, width)`` of the crops: ``size`` is one side, a (height, width) pair, or None for
    the whole image; refused (one readable sentence) when it does not fit."""
    image_h, image_w = shape[:2]
    if size is None:
        return image_h, image_w
    height, width = (size, size) if isinstance(size, (int, np.integer)) else (int(size[0]), int(size[1]))
    if height < 1 or width < 1:
        raise AugviewError(tr("the crop size must be at least 1x1 pixels, got {h}x{w}").format(h=height, w=width))
    if height > image_h or width > image_w:
        raise AugviewError(tr("a {h}x{w} crop does not fit in the {image_h}x{image_w} image; choose a size at "
                              "most {image_h}x{image_w}").format(h=height, w=width, image_h=image_h, image_w=image_w))
    return height, width


def _five(image_h: int, image_w: int, height: int, width: int) -> list[tuple[str, int, int]]:
    """``(position, x, y)`` of the five crops of an image, torchvision's positions."""
    return [("top_left", 0, 0), ("top_right", image_w - width, 0), ("bottom_left", 0, image_h - height),
            ("bottom_right", image_w - width, image_h - height),
            ("center", int(round((image_w - width) / 2.0)), int(round((image_h - height) / 2.0)))]


def views(shape: tuple, size=None, mode: str = "ten_crop", vertical: bool = False) -> list[View]:
    """The views of an image of ``shape`` for ``mode`` (see `MODES`), crops of ``size`` (one
    side, (height, width), or None for the whole image). ``vertical``: the mirror views are
    flipped top to bottom instead of left to right (torchvision's ``TenCrop(vertical_flip=True)``)."""
    if mode not in MODES:
        raise AugviewError(tr("unknown test-time mode {mode}; use one of {modes}").format(
            mode=repr(mode), modes=", ".join(MODES)))
    image_h, image_w = shape[:2]
    height, width = _size(shape, size)
    if mode in ("flips", "center"):
        whole = (height, width) == (image_h, image_w)
        _, x, y = _five(image_h, image_w, height, width)[-1]
        plain = View("whole" if whole else "center", x, y, width, height)
        if mode == "center":
            return [plain]
        # The mirror of the centre crop is the centre crop of the mirrored image: torchvision's.
        mx, my = _mirror_box(x, y, width, height, image_h, image_w, vertical)
        return [plain, View(plain.position, mx, my, width, height, True, vertical)]
    out = [View(position, x, y, width, height) for position, x, y in _five(image_h, image_w, height, width)]
    if mode == "ten_crop":
        # The five crops of the mirrored image, each a mirrored box of the source.
        for position, x, y in _five(image_h, image_w, height, width):
            mx, my = _mirror_box(x, y, width, height, image_h, image_w, vertical)
            out.append(View(_source_position(position, vertical), mx, my, width, height, True, vertical))
    return out


def _mirror_box(x: int, y: int, width: int, height: int, image_h: int, image_w: int, vertical: bool):
    """Where a box of the mirrored image lies in the source."""
    return (x, image_h - y - height) if vertical else (image_w - x - width, y)


def _source_position(position: str, vertical: bool) -> str:
    """The mirrored image's top left is the source's top right (bottom left when vertical)."""
    if position == "center":
        return position
    row, col = position.split("_")
    if vertical:
        row = "bottom" if row == "top" else "top"
    else:
        col = "right" if col == "left" else "left"
    return f"{row}_{col}"


MAX_RESIZED_PIXELS = 100_000_000  # what `resize_shorter` may make: about 300 MB of RGB


def resize_shorter(image: np.ndarray, side: int) -> np.ndarray:
    """``image`` with its shorter side resized to ``side``, as torchvision's ``v2.Resize(side)``
    sizes it (the longer side truncated), the classic first step before the crops (256, then
    224). Shrinking averages pixels (OpenCV's area), enlarging is linear; the same geometry as
    torchvision's antialiased resize, pixels within a few levels."""
    height, width = image.shape[:2]
    if height <= width:
        new_h, new_w = side, int(side * width / height)
    else:
        new_h, new_w = int(side * height / width), side
    if (new_h, new_w) == (height, width):
        return image.copy()
    if new_h * new_w > MAX_RESIZED_PIXELS:  # a 1x5000 strip at 256 would be 256x1,280,000
        raise AugviewError(tr("a shorter side of {side} px would make this {height}x{width} image {new_h}x{new_w}, "
                              "over {limit} million pixels; choose a smaller size or no resize").format(
            side=side, height=height, width=width, new_h=new_h, new_w=new_w, limit=MAX_RESIZED_PIXELS // 10**6))
    shrink = new_h < height
    return cv2.resize(image, (max(1, new_w), max(1, new_h)), interpolation=cv2.INTER_AREA if shrink else cv2.INTER_LINEAR)


def crop(image: np.ndarray, view: View) -> np.ndarray:
    """The pixels of one view (a copy)."""
    out = image[view.y:view.y + view.height, view.x:view.x + view.width]
    if view.flip:
        out = out[::-1] if view.vertical else out[:, ::-1]
    return np.ascontiguousarray(out)


def crops(image: np.ndarray, size=None, mode: str = "ten_crop", vertical: bool = False) -> list[np.ndarray]:
    """The pixels of every view, in `views` order."""
    return [crop(image, view) for view in views(image.shape, size, mode, vertical)]


def dense_to_source(prediction: np.ndarray, view: View, shape: tuple) -> np.ndarray:
    """A view's dense prediction ((h, w) or (h, w, channels), the view's size) in the source frame:
    float64, un-mirrored and put at the view's box; NaN where the view does not reach."""
    prediction = np.asarray(prediction)
    if prediction.shape[:2] != (view.height, view.width):
        raise AugviewError(tr("the prediction for view {view} is {h}x{w}, but the view is {vh}x{vw}; resize it "
                              "to the view's size first").format(view=view.name, h=prediction.shape[0],
                                                                  w=prediction.shape[1], vh=view.height,
                                                                  vw=view.width))
    if view.flip:
        prediction = prediction[::-1] if view.vertical else prediction[:, ::-1]
    out = np.full(tuple(shape[:2]) + prediction.shape[2:], np.nan)
    out[view.y:view.y + view.height, view.x:view.x + view.width] = prediction
    return out


def merge_dense(predictions: list[np.ndarray], view_list: list[View], shape: tuple) -> np.ndarray:
    """The mean, at every source pixel, of the predictions of the views that cover it (NaN where
    none does): the test-time average of a segmentation or heat map."""
    if len(predictions) != len(view_list):
        raise AugviewError(tr("{n} predictions for {m} views: give one per view, in the views' order").format(
            n=len(predictions), m=len(view_list)))
    total = count = None
    for prediction, view in zip(predictions, view_list):
        placed = dense_to_source(prediction, view, shape)
        seen = ~np.isnan(placed)
        if total is None:
            total, count = np.zeros(placed.shape), np.zeros(placed.shape)
        total[seen] += placed[seen]
        count[seen] += 1
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, total / np.maximum(count, 1), np.nan)


def boxes_to_source(boxes, view: View) -> np.ndarray:
    """(N, 4) boxes ``x0, y0, x1, y1`` found in a view, in source pixels (float64)."""
    boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4).copy()
    if view.flip and view.vertical:
        boxes[:, [1, 3]] = view.height - boxes[:, [3, 1]]
    elif view.flip:
        boxes[:, [0, 2]] = view.width - boxes[:, [2, 0]]
    boxes[:, [0, 2]] += view.x
    boxes[:, [1, 3]] += view.y
    return boxes


def boxes_to_view(boxes, view: View) -> np.ndarray:
    """(N, 4) source boxes ``x0, y0, x1, y1`` as the view sees them (not clipped to it)."""
    boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4).copy()
    boxes[:, [0, 2]] -= view.x
    boxes[:, [1, 3]] -= view.y
    if view.flip and view.vertical:
        boxes[:, [1, 3]] = view.height - boxes[:, [3, 1]]
    elif view.flip:
        boxes[:, [0, 2]] = view.width - boxes[:, [2, 0]]
    return boxes


def draw_views(image: np.ndarray, view_list: list[View]) -> np.ndarray:
    """An RGB copy of ``image`` with each distinct view box outlined in its position's colour
    (a mirrored view whose box is the plain one's is not drawn twice)."""
    out = cv2.cvtColor(image, cv2.COLOR_GRAY2RGB) if image.ndim == 2 else image.copy()
    thickness = max(2, round(max(image.shape[:2]) / 200))
    drawn = set()
    for view in view_list:
        if view.xyxy in drawn:
            continue
        drawn.add(view.xyxy)
        x0, y0, x1, y1 = view.xyxy
        # Inset by half the line, so a box along the border stays visible.
        inset = thickness // 2
        cv2.rectangle(out, (x0 + inset, y0 + inset), (x1 - 1 - inset, y1 - 1 - inset),
                      COLOURS[view.position], thickness)
    return out


def torchvision_code(size, mode: str = "ten_crop", vertical: bool = False, resize: int | None = None) -> str:
    """Python source defining ``tta(image)``: the same views with torchvision transforms v2, as a
    tuple in `views` order (``FiveCrop``, ``TenCrop``, ``CenterCrop``); with ``resize``, the
    shorter side is resized to it first (``v2.Resize``, see `resize_shorter`)."""
    if mode not in MODES:
        raise AugviewError(tr("unknown test-time mode {mode}; use one of {modes}").format(
            mode=repr(mode), modes=", ".join(MODES)))
    if size is None:
        size_text = None
    else:
        height, width = (size, size) if isinstance(size, (int, np.integer)) else (int(size[0]), int(size[1]))
        size_text = f"({height}, {width})"
    flip = "vertical_flip" if vertical else "horizontal_flip"
    first = "v2.ToImage()" + (f", v2.Resize(size={int(resize)}, antialias=True)" if resize else "")
    lines = [
        f'"""Test-time views ({mode}) generated by augview: tta(image) returns a tuple of uint8 image tensors',
        "(C, H, W) in augview.tta.views order. Average a model's answers over them, for example",
        "    logits = model(v2.ToDtype(torch.float32, scale=True)(torch.stack(tta(image)))).mean(0)",
        'Needs torchvision >= 0.16 (transforms v2)."""',
        "import torch  # noqa: F401  (for the averaging above)",
        "from torchvision.transforms import v2",
        "",
    ]
    if mode == "ten_crop":
        flag = ", vertical_flip=True" if vertical else ""
        lines += [f"views = v2.Compose([{first}, v2.TenCrop(size={size_text}{flag})])", "",
                  "", "def tta(image):", "    return tuple(views(image))"]
    elif mode == "five_crop":
        lines += [f"views = v2.Compose([{first}, v2.FiveCrop(size={size_text})])", "",
                  "", "def tta(image):", "    return tuple(views(image))"]
    else:
        crop_step = f"v2.CenterCrop(size={size_text})" if size_text else None
        steps = first + (f", {crop_step}" if crop_step else "")
        lines += [f"view = v2.Compose([{steps}])", "", "", "def tta(image):", "    plain = view(image)"]
        lines.append(f"    return (plain, v2.functional.{flip}(plain))" if mode == "flips" else "    return (plain,)")
    return "\n".join(lines) + "\n"
