"""Crops that look at the boxes, which detection training expects: one that never cuts a box
(`bbox_safe_random_crop`) and one around a chosen box (`random_crop_near_box`).

Their samplers take the image's current boxes (``uses_boxes``); the crop they choose is drawn as
``x, y, width, height`` like every crop, so a replayed trace cuts the same window without boxes.
Both always make the same number of draws, with or without boxes, so a locked seed keeps other
draws in place.
"""

from __future__ import annotations

import math

import numpy as np

from augview.core.params import float_param, range_param
from augview.core.randomness import uniform
from augview.core.registry import Op, register
from augview.ops.common import box_caption
from augview.ops.geometric.crops import cut_window, window_motion


def _window(low: float, high: float, size: int, rng, spread: float) -> tuple[int, int]:
    """A span [start, stop) of whole pixels that contains [low, high] and lies in [0, size]:
    the start is drawn in [0, low], the stop in [high, size], each ``spread`` of the way."""
    start = uniform(rng, (0.0, 1.0)) * spread
    stop = uniform(rng, (0.0, 1.0)) * spread
    begin = int(math.floor(low - start * low))
    end = int(math.ceil(high + stop * (size - high)))
    begin = min(max(begin, 0), size - 1)
    end = min(max(end, begin + 1), size)
    return begin, end


def _sample_safe_crop(rng, params, shape, boxes):
    height, width = shape[:2]
    # Where the boxes are: their union, clipped to the image and eroded by the given share. With
    # no boxes, a random point stands in for it (two draws either way).
    point = (uniform(rng, (0.0, width)), uniform(rng, (0.0, height)))
    if len(boxes):
        x0, y0 = np.clip(boxes[:, 0].min(), 0, width), np.clip(boxes[:, 1].min(), 0, height)
        x1, y1 = np.clip(boxes[:, 2].max(), 0, width), np.clip(boxes[:, 3].max(), 0, height)
        erosion = params["erosion"]
        dx, dy = (x1 - x0) * erosion / 2, (y1 - y0) * erosion / 2
        x0, x1, y0, y1 = x0 + dx, x1 - dx, y0 + dy, y1 - dy
    else:
        x0 = x1 = point[0]
        y0 = y1 = point[1]
    left, right = _window(float(x0), float(x1), width, rng, params["spread"])
    top, bottom = _window(float(y0), float(y1), height, rng, params["spread"])
    return {"x": left, "y": top, "width": right - left, "height": bottom - top, "boxes_seen": int(len(boxes))}


register(Op(
    name="bbox_safe_random_crop",
    category="geometric",
    description=(
        "Cuts a random window that still holds every box (albumentations' BBoxSafeRandomCrop): "
        "each side of the window lands somewhere between the image's edge and the nearest box. "
        "Detection models learn scale and position variety without the crop silently cutting "
        "objects in half or dropping them. The window's size varies, so follow it with a resize "
        "for a fixed input size. With no boxes it crops around a random point."
    ),
    params=(
        float_param("erosion", 0.0, 0.0, 1.0, step=0.01,
                    help="share of the boxes' union the window may cut into (0: never cuts a box)"),
        float_param("spread", 1.0, 0.0, 1.0, step=0.01,
                    help="how far each side may move from the boxes towards the image's edge "
                         "(1: all the way; 0: the window hugs the boxes)"),
    ),
    apply=cut_window,
    sample=_sample_safe_crop,
    caption=lambda d: box_caption(d["x"], d["y"], d["width"], d["height"]),
    geometry=window_motion,
    uses_boxes=True,
))


def _sample_near_box(rng, params, shape, boxes):
    height, width = shape[:2]
    choice = rng.random()  # one draw, boxes or not
    margins = [uniform(rng, params["margin"]) for _ in range(4)]
    if not len(boxes):
        return {"x": 0, "y": 0, "width": width, "height": height, "box_index": None}
    index = min(int(choice * len(boxes)), len(boxes) - 1)
    x0, y0, x1, y1 = boxes[index]
    box_w, box_h = max(x1 - x0, 1.0), max(y1 - y0, 1.0)
    left = int(np.clip(math.floor(x0 - margins[0] * box_w), 0, width - 1))
    top = int(np.clip(math.floor(y0 - margins[1] * box_h), 0, height - 1))
    right = int(np.clip(math.ceil(x1 + margins[2] * box_w), left + 1, width))
    bottom = int(np.clip(math.ceil(y1 + margins[3] * box_h), top + 1, height))
    return {"x": left, "y": top, "width": right - left, "height": bottom - top, "box_index": index}


def _near_caption(drawn):
    where = box_caption(drawn["x"], drawn["y"], drawn["width"], drawn["height"])
    return where if drawn["box_index"] is None else f"#{drawn['box_index']}: {where}"


register(Op(
    name="random_crop_near_box",
    category="geometric",
    description=(
        "Picks one of the boxes at random and cuts a window around it, with a random margin on "
        "each side (albumentations' RandomCropNearBBox, here always containing the box). It zooms "
        "in on objects, so small ones fill more of the input, a common trick for detection and "
        "for classifying annotated objects. Other boxes may be cut or dropped. With no boxes the "
        "image is left whole."
    ),
    params=(
        range_param("margin", (0.0, 0.3), 0.0, 5.0, step=0.01, draws="margin",
                    help="each side of the window lies this many box widths (or heights) outside the box"),
    ),
    apply=cut_window,
    sample=_sample_near_box,
    caption=_near_caption,
    geometry=window_motion,
    uses_boxes=True,
))
