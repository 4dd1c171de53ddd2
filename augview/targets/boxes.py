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

import functools
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
    array = numbers(boxes, tr("boxes must be numbers, an (N, 4) array"))
    if array.size == 0:
        return np.zeros((0, 4))
    if array.ndim != 2 or array.shape[1] != 4:
        raise InvalidTargetsError(tr("boxes must be an (N, 4) array, got shape {shape}").format(shape=array.shape))
    # count_nonzero rather than .all()/.any(): a third of the call cost on small arrays, and this
    # runs for every annotated image
    if np.count_nonzero(np.isfinite(array)) != array.size:
        raise InvalidTargetsError(tr("boxes must be finite numbers"))
    height, width = shape[:2]
    if box_format == "pascal_voc":
        out = array  # already a copy of the caller's boxes
    else:
        a, b, c, d = array.T
        # A huge finite box (a YOLO width of 1e308) may overflow to infinity here: it is clipped
        # to the image next, like any box reaching past it, so numpy need not warn about it.
        with np.errstate(over="ignore"):
            out = _from_format(box_format, a, b, c, d, width, height)
    reversed_sides = out[:, 2:] < out[:, :2]
    if np.count_nonzero(reversed_sides):
        bad = np.flatnonzero(reversed_sides.any(axis=1))
        raise InvalidTargetsError(tr("box {index} has its maximum below its minimum: {box}").format(
            index=int(bad[0]), box=[float(v) for v in array[bad[0]]]))
    return out


def numbers(values, message: str) -> np.ndarray:
    """``values`` as a float64 array (always a copy), or InvalidTargetsError(``message``) for
    anything but real numbers: text, ragged lists, complex numbers (numpy would drop their
    imaginary part) and integers too large for a float."""
    try:
        array = np.array(values)
    except (TypeError, ValueError, OverflowError):
        raise InvalidTargetsError(message) from None
    if array.size and array.dtype.kind not in "iuf":
        raise InvalidTargetsError(message)
    return array.astype(np.float64, copy=False)


def _from_format(box_format: str, a, b, c, d, width: int, height: int) -> np.ndarray:
    """Pixel x_min, y_min, x_max, y_max from the columns of coco, yolo or albumentations boxes."""
    if box_format == "coco":
        return np.stack([a, b, a + c, b + d], axis=1)
    if box_format == "yolo":
        return np.stack([(a - c / 2) * width, (b - d / 2) * height, (a + c / 2) * width, (b + d / 2) * height], axis=1)
    return np.stack([a * width, b * height, c * width, d * height], axis=1)  # albumentations


def from_pixels(boxes: np.ndarray, box_format: str, shape: tuple) -> np.ndarray:
    """Pixel ``x_min, y_min, x_max, y_max`` boxes in ``box_format`` for an image of ``shape``."""
    if box_format == "pascal_voc":
        return boxes.reshape(-1, 4).copy()
    height, width = shape[:2]
    x0, y0, x1, y1 = boxes.T if len(boxes) else np.zeros((4, 0))
    if box_format == "coco":
        out = np.stack([x0, y0, x1 - x0, y1 - y0], axis=1)
    elif box_format == "yolo":
        out = np.stack([(x0 + x1) / 2 / width, (y0 + y1) / 2 / height, (x1 - x0) / width, (y1 - y0) / height], axis=1)
    else:  # albumentations
        out = np.stack([x0 / width, y0 / height, x1 / width, y1 / height], axis=1)
    return out.reshape(-1, 4)


def areas(boxes: np.ndarray) -> np.ndarray:
    return np.maximum(boxes[:, 2] - boxes[:, 0], 0) * np.maximum(boxes[:, 3] - boxes[:, 1], 0)


def clip(boxes: np.ndarray, shape: tuple) -> np.ndarray:
    height, width = shape[:2]
    return np.minimum(np.maximum(boxes, 0.0), bounds(width, height))


def empty(boxes: np.ndarray) -> np.ndarray:
    """Which boxes have no area (below the rounding margin every rule allows): what a geometric
    step drops as "outside"."""
    sides = boxes[:, 2:] - boxes[:, :2]
    return sides[:, 0] * sides[:, 1] < _EPS


class Drop(NamedTuple):
    """Why a box left the set: ``reason`` is "area", "width", "height", "visibility" or "outside"
    (nothing left inside the image), ``value`` what it had and ``limit`` what it needed."""

    index: int  # the box's position in the caller's input
    reason: str
    value: float
    limit: float


_REASONS = ("outside", "visibility", "area", "width", "height")  # the order a box is judged in
_EPS = 1e-7  # a box exactly at a limit passes it, whatever the rounding of the move
# Width and height of (N, 4) boxes in one product (x_max - x_min, y_max - y_min: exact, the other
# terms are zeros), cheaper than two column slices and a subtraction.
_SIDES = np.array([[-1.0, 0.0], [0.0, -1.0], [1.0, 0.0], [0.0, 1.0]])


@functools.lru_cache(maxsize=256)  # random crops make many sizes; a run reuses few at a time
def bounds(width: int, height: int) -> np.ndarray:
    """``[width, height, width, height]`` as floats, made once per image size (read-only)."""
    row = np.array([width, height, width, height], float)
    row.flags.writeable = False
    return row


def filter_boxes(moved: np.ndarray, shape: tuple, settings, ids: np.ndarray,
                 covered: np.ndarray | None = None, sizes_passed: bool = False) -> tuple[np.ndarray, np.ndarray, list[Drop]]:
    """Clip ``moved`` boxes to the image and drop the ones the settings reject.

    ``covered`` (optional, per box) is the area hidden inside the image by dropout holes: it counts
    as not visible. ``sizes_passed`` says the boxes kept the widths and heights that passed these
    rules before (a flip or a plain crop of judged boxes): then only a box cut by the image's
    edge needs judging, and when none is, the rest is skipped. Returns the kept boxes (clipped),
    the kept ids and one `Drop` per dropped box (grouped by reason in the order of `_REASONS`,
    then by position).
    """
    if not len(moved):
        return moved, ids, []
    # A handful of whole-array steps: this runs after every geometric step of every image, where
    # each numpy call costs about as much as the arithmetic on 50 boxes.
    clipped = clip(moved, shape)
    cut = covered is not None or np.count_nonzero(clipped != moved)
    if sizes_passed and not cut:
        return clipped, ids, []
    sides = np.dot(clipped, _SIDES)  # never negative: a moved box keeps min <= max
    left = sides[:, 0] * sides[:, 1]
    if covered is not None:
        left = np.maximum(left - covered, 0.0)
    # "outside" (nothing left in view) and "area" in one comparison
    bad = left < max(_EPS, settings.min_area - _EPS)
    if settings.min_visibility and cut:
        # visibility = left / full area, compared without dividing (a box of no area has nothing
        # left and fails as "outside" already); skipped when nothing was cut or covered.
        full_sides = np.dot(moved, _SIDES)
        bad |= left < (settings.min_visibility - _EPS) * (full_sides[:, 0] * full_sides[:, 1])
    if settings.min_width or settings.min_height:
        bad |= (sides < (settings.min_width - _EPS, settings.min_height - _EPS)).any(axis=1)
    if not np.count_nonzero(bad):
        return clipped, ids, []
    keep = ~bad
    return clipped[keep], ids[keep], _drops(moved[bad], clipped[bad], left[bad], ids[bad], settings)


def _drops(moved: np.ndarray, clipped: np.ndarray, left: np.ndarray, ids: np.ndarray, settings) -> list[Drop]:
    """Why each rejected box was: the first rule of `_REASONS` it fails, judged as `filter_boxes`
    judged it (visibility without dividing), so every rejected box gets a reason."""
    drops = []
    for box, cut, kept, index in zip(moved.tolist(), clipped.tolist(), left.tolist(), ids.tolist()):
        full = (box[2] - box[0]) * (box[3] - box[1])
        width, height = cut[2] - cut[0], cut[3] - cut[1]
        visibility = kept / full if full > 0 else 1.0
        checks = (
            ("outside", kept < _EPS, kept, 0.0),
            ("visibility", kept < (settings.min_visibility - _EPS) * full, visibility, settings.min_visibility),
            ("area", kept < settings.min_area - _EPS, kept, settings.min_area),
            ("width", width < settings.min_width - _EPS, width, settings.min_width),
            ("height", height < settings.min_height - _EPS, height, settings.min_height),
        )
        reason, _, value, limit = next(check for check in checks if check[1])
        drops.append(Drop(int(index), reason, float(value), float(limit)))
    drops.sort(key=lambda drop: _REASONS.index(drop.reason))  # stable: positions stay in order
    return drops


def affine_extent(boxes: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """The boxes enclosing each box's four corners moved by the 3x3 affine ``matrix`` (pixel-centre
    coordinates), in one product.

    Each output side is a sum of one input side per axis, picked by the sign of the matrix entry
    (x' = a x + b y + c is smallest at the smaller of a x0, a x1 plus the smaller of b y0, b y1),
    which is exactly the enclosing box of the corners. For flips, crops and scaling (b = 0) that
    is the moved box itself, sides swapped where an axis mirrors."""
    (a, b, c), (d, e, f) = matrix[:2].tolist()
    # Edges sit half a pixel outside pixel centres: shift in, move, shift back out.
    x_shift = c + 0.5 - 0.5 * (a + b)
    y_shift = f + 0.5 - 0.5 * (d + e)
    pick = [[0.0] * 4 for _ in range(5)]  # rows 0..3 pick input sides x_min, y_min, x_max, y_max
    for out_axis, (along_x, along_y) in enumerate(((a, b), (d, e))):
        pick[0 if along_x >= 0 else 2][out_axis] = along_x
        pick[1 if along_y >= 0 else 3][out_axis] = along_y
        pick[2 if along_x >= 0 else 0][out_axis + 2] = along_x
        pick[3 if along_y >= 0 else 1][out_axis + 2] = along_y
    pick[4] = [x_shift, y_shift, x_shift, y_shift]  # row 4: the shifts
    # Built in Python and made an array once: numpy item assignment costs more than the product.
    table = np.array(pick)
    moved = np.dot(boxes, table[:4])
    moved += table[4]
    return moved


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
