"""Box formats, and the rules that clip and filter boxes after a geometric op.

Inside augview a box is ``(x_min, y_min, x_max, y_max)`` in pixels of the current image, in edge
coordinates: a box covering the whole of a W x H image is ``(0, 0, W, H)`` (the ``pascal_voc``
format). Callers may give and get boxes in the formats detection code uses:

- ``pascal_voc``: ``x_min, y_min, x_max, y_max`` in pixels;
- ``coco``: ``x_min, y_min, width, height`` in pixels;
- ``yolo``: ``x_centre, y_centre, width, height`` as fractions of the image's width and height;
- ``albumentations``: ``x_min, y_min, x_max, y_max`` as fractions.

Filtering follows albumentations' ``BboxParams`` after each geometric op: a box is clipped to the
image, and dropped when its clipped area is below ``min_area`` pixels, its clipped width or height
below ``min_width``/``min_height``, or the share of it left inside the image (its visibility)
below ``min_visibility``.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from augview.errors import InvalidTargetsError
from augview.text import tr

BOX_FORMATS = ("pascal_voc", "coco", "yolo", "albumentations")


def to_pixels(boxes, box_format: str, shape: tuple) -> np.ndarray:
    """``boxes`` as an (N, 4) float64 array of pixel ``x_min, y_min, x_max, y_max``."""
    if box_format not in BOX_FORMATS:
        raise InvalidTargetsError(tr("box_format must be one of {formats}, got {value}").format(
            formats=", ".join(BOX_FORMATS), value=repr(box_format)))
    try:
        array = np.array(boxes, dtype=np.float64)
    except (TypeError, ValueError):
        raise InvalidTargetsError(tr("boxes must be numbers, an (N, 4) array")) from None
    if array.size == 0:
        return np.zeros((0, 4))
    if array.ndim != 2 or array.shape[1] != 4:
        raise InvalidTargetsError(tr("boxes must be an (N, 4) array, got shape {shape}").format(shape=array.shape))
    if not np.isfinite(array).all():
        raise InvalidTargetsError(tr("boxes must be finite numbers"))
    height, width = shape[:2]
    a, b, c, d = array.T
    if box_format == "coco":
        out = np.stack([a, b, a + c, b + d], axis=1)
    elif box_format == "yolo":
        out = np.stack([(a - c / 2) * width, (b - d / 2) * height, (a + c / 2) * width, (b + d / 2) * height], axis=1)
    elif box_format == "albumentations":
        out = np.stack([a * width, b * height, c * width, d * height], axis=1)
    else:
        out = array.copy()
    bad = np.flatnonzero((out[:, 2] < out[:, 0]) | (out[:, 3] < out[:, 1]))
    if bad.size:
        raise InvalidTargetsError(tr("box {index} has its maximum below its minimum: {box}").format(
            index=int(bad[0]), box=[float(v) for v in array[bad[0]]]))
    return out


def from_pixels(boxes: np.ndarray, box_format: str, shape: tuple) -> np.ndarray:
    """Pixel ``x_min, y_min, x_max, y_max`` boxes in ``box_format`` for an image of ``shape``."""
    height, width = shape[:2]
    x0, y0, x1, y1 = boxes.T if len(boxes) else np.zeros((4, 0))
    if box_format == "coco":
        out = np.stack([x0, y0, x1 - x0, y1 - y0], axis=1)
    elif box_format == "yolo":
        out = np.stack([(x0 + x1) / 2 / width, (y0 + y1) / 2 / height, (x1 - x0) / width, (y1 - y0) / height], axis=1)
    elif box_format == "albumentations":
        out = np.stack([x0 / width, y0 / height, x1 / width, y1 / height], axis=1)
    else:
        out = np.stack([x0, y0, x1, y1], axis=1)
    return out.reshape(-1, 4)


def areas(boxes: np.ndarray) -> np.ndarray:
    return np.maximum(boxes[:, 2] - boxes[:, 0], 0) * np.maximum(boxes[:, 3] - boxes[:, 1], 0)


def clip(boxes: np.ndarray, shape: tuple) -> np.ndarray:
    height, width = shape[:2]
    return np.minimum(np.maximum(boxes, 0.0), np.array([width, height, width, height], float))


class Drop(NamedTuple):
    """Why a box left the set: ``reason`` is "area", "width", "height", "visibility" or "outside"
    (nothing left inside the image), ``value`` what it had and ``limit`` what it needed."""

    index: int  # the box's position in the caller's input
    reason: str
    value: float
    limit: float


_REASONS = ("outside", "visibility", "area", "width", "height")  # the order a box is judged in


def filter_boxes(moved: np.ndarray, shape: tuple, settings, ids: np.ndarray,
                 covered: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, list[Drop]]:
    """Clip ``moved`` boxes to the image and drop the ones the settings reject.

    ``covered`` (optional, per box) is the area hidden inside the image by dropout holes: it counts
    as not visible. Returns the kept boxes (clipped), the kept ids and one `Drop` per dropped box
    (grouped by reason in the order of `_REASONS`, then by position).
    """
    if not len(moved):
        return moved, ids, []
    height, width = shape[:2]
    # Few, whole-array steps: this runs after every geometric step of every image.
    clipped = np.minimum(np.maximum(moved, 0.0), (width, height, width, height))
    widths = clipped[:, 2] - clipped[:, 0]
    heights = clipped[:, 3] - clipped[:, 1]
    left = np.maximum(widths, 0.0) * np.maximum(heights, 0.0)
    if covered is not None:
        left = np.maximum(left - covered, 0)
    eps = 1e-7
    bad = left <= eps
    limits = (settings.min_visibility, settings.min_area, settings.min_width, settings.min_height)
    if not any(limits) and not bad.any():
        return clipped, ids, []  # the common case: nothing to judge, nothing left the image
    if settings.min_visibility and not (clipped == moved).all():
        full = areas(moved)
        visibility = np.divide(left, full, out=np.ones_like(left), where=full > 0)
    else:  # nothing cut by the image's edges: what is in view is the whole box, less any holes
        visibility = np.ones_like(left) if covered is None else np.divide(
            left, areas(moved), out=np.ones_like(left), where=areas(moved) > 0)
    values = (left, visibility, left, widths, heights)
    for value, limit in zip(values[1:], limits):
        if limit:
            bad |= value < limit - eps
    if not bad.any():
        return clipped, ids, []
    drops: list[Drop] = []
    for i in np.flatnonzero(bad):  # one reason per box: the most basic it fails
        for reason, value, limit in zip(_REASONS, values, (0.0, *limits)):
            if (value[i] <= eps) if reason == "outside" else (value[i] < limit - eps):
                drops.append(Drop(int(ids[i]), reason, float(value[i]), float(limit)))
                break
    drops.sort(key=lambda drop: _REASONS.index(drop.reason))  # stable: positions stay in order
    keep = ~bad
    return clipped[keep], ids[keep], drops


def corners(boxes: np.ndarray) -> np.ndarray:
    """(N, 4, 2) corner points of pixel boxes (top-left, top-right, bottom-right, bottom-left), in
    the pixel-centre coordinates the warps use (an edge at x = 0 is the point x = -0.5)."""
    return boxes[:, [0, 1, 2, 1, 2, 3, 0, 3]].reshape(-1, 4, 2) - 0.5


def ellipse_points(boxes: np.ndarray, count: int = 64) -> np.ndarray:
    """(N, count, 2) points on the ellipse inscribed in each box (pixel-centre coordinates): the
    ``ellipse`` rotated-box method moves these instead of the corners, so a rotation does not
    inflate a box the way its corners would."""
    angles = np.linspace(0, 2 * np.pi, count, endpoint=False)
    centre_x = (boxes[:, 0] + boxes[:, 2]) / 2 - 0.5
    centre_y = (boxes[:, 1] + boxes[:, 3]) / 2 - 0.5
    half_w = (boxes[:, 2] - boxes[:, 0]) / 2
    half_h = (boxes[:, 3] - boxes[:, 1]) / 2
    xs = centre_x[:, None] + half_w[:, None] * np.cos(angles)
    ys = centre_y[:, None] + half_h[:, None] * np.sin(angles)
    return np.stack([xs, ys], axis=2)


def outline_points(boxes: np.ndarray, per_side: int = 32) -> np.ndarray:
    """(N, 4 * per_side, 2) points along each box's four edges (pixel-centre coordinates): a field
    warp bends edges, so a box follows its whole outline, not four corners."""
    t = np.linspace(0.0, 1.0, per_side, endpoint=False)
    c = corners(boxes)
    sides = [c[:, i, None, :] + (c[:, (i + 1) % 4, None, :] - c[:, i, None, :]) * t[None, :, None]
             for i in range(4)]
    return np.concatenate(sides, axis=1)


def enclosing(points: np.ndarray) -> np.ndarray:
    """Pixel boxes (edge coordinates) enclosing each row of (N, M, 2) pixel-centre points."""
    if not len(points):
        return np.zeros((0, 4))
    low = points.min(axis=1) + 0.5
    high = points.max(axis=1) + 0.5
    return np.concatenate([low, high], axis=1)
