"""What to draw over an image and its variants: boxes, masks and keypoints, computed without Qt.

The window, ``augview render --annotations`` and the window's PNG exports draw the same thing:

    shown = prepare(annotations)                    # once per image (names, colours, one mask)
    original = overlay_of(shown)                    # the original's overlay
    result, overlay = run_with_targets(pipe, image, shown, seed)   # a variant and its overlay

An `Overlay` holds coordinates in the pixel frame of the image it belongs to (``width`` x
``height``) and a mask colour layer already made (pixel work belongs on a worker thread); whoever
draws it maps that frame onto the rectangle the image is drawn in, at display resolution, so lines
and labels stay crisp at any zoom (`augview.analysis.overlay_draw` with Pillow, the window's
preview panes with Qt).

Colours are stable per class: a class id always gets the same colour (golden-angle hues), and a
mask value named like a class takes that class's colour, so a box and its mask region match.
"""

from __future__ import annotations

import colorsys
import dataclasses
import functools
import math
import re
from dataclasses import dataclass, field

import numpy as np

from augview.annotations.augment import augment
from augview.annotations.model import Annotations
from augview.core.registry import get_op
from augview.pipeline.pipeline import Pipeline, Result
from augview.pipeline.run import fired_ops
from augview.targets.settings import TargetSettings
from augview.targets.target_set import TargetSet
from augview.text import tr

RGB = tuple[int, int, int]
MASK_SIDE = 1024  # a mask colour layer is made at most this large: it is drawn at display size
MASK_ALPHA = 255  # labelled pixels are opaque in the layer; drawers blend the layer as a whole


@functools.lru_cache(maxsize=4096)
def class_color(key: int) -> RGB:
    """The colour of class (or mask value) ``key``: hues a golden angle apart, so neighbouring ids
    differ clearly; the same key always gets the same colour."""
    hue = (0.58 + 0.6180339887 * int(key)) % 1.0
    saturation = 0.85 if int(key) % 2 == 0 else 0.65
    r, g, b = colorsys.hsv_to_rgb(hue, saturation, 0.95)
    return int(r * 255), int(g * 255), int(b * 255)


@dataclass(frozen=True)
class OverlayOptions:
    """Which kinds of target are drawn (the window's toolbar toggles)."""

    boxes: bool = True
    masks: bool = True
    mask_only: bool = False  # the mask layer alone, opaque on black, instead of the picture
    keypoints: bool = True
    dropped: bool = True  # boxes the target settings dropped, dashed, where they would have been


@dataclass
class Overlay:
    """The targets of one image, ready to draw. Coordinates are in its pixel frame (``width`` x
    ``height``), in edge coordinates: (0, 0) is the top-left corner of the first pixel."""

    width: int
    height: int
    boxes: np.ndarray = field(default_factory=lambda: np.zeros((0, 4)))  # (N, 4) x0, y0, x1, y1
    box_names: list[str] = field(default_factory=list)
    box_colors: list[RGB] = field(default_factory=list)
    dropped: np.ndarray = field(default_factory=lambda: np.zeros((0, 4)))  # where dropped boxes would be
    dropped_names: list[str] = field(default_factory=list)  # "flag: visibility 0.18 < 0.3"
    dropped_colors: list[RGB] = field(default_factory=list)
    points: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))  # (P, 2) visible keypoints
    point_colors: list[RGB] = field(default_factory=list)
    edges: np.ndarray = field(default_factory=lambda: np.zeros((0, 4)))  # skeleton segments x0, y0, x1, y1
    edge_colors: list[RGB] = field(default_factory=list)
    mask: np.ndarray | None = None  # (h, w, 4) uint8 RGBA covering the whole frame; alpha 0 = nothing
    legend: list[tuple[str, RGB]] = field(default_factory=list)  # the mask's values: name, colour
    ghosts: np.ndarray = field(default_factory=lambda: np.zeros((0, 4)))  # boxes by the other box method
    ghost_label: str = ""

    def __len__(self) -> int:
        return len(self.boxes)


@dataclass
class Shown:
    """One image's annotations prepared for drawing (see `prepare`)."""

    annotations: Annotations  # what travels through the pipeline
    mask_kind: str  # "values" (a label map), "objects" (-(i + 1) per object), "colors" or ""
    mask_keys: dict[int, int]  # mask value -> colour key ("values")
    mask_names: dict[int, str]  # mask value -> name ("values")
    object_keys: list[int]  # object -> colour key (its class id)

    @property
    def width(self) -> int:
        return self.annotations.width

    @property
    def height(self) -> int:
        return self.annotations.height


def prepare(annotations: Annotations) -> Shown:
    """``annotations`` made ready to draw: the mask shown is the label map when there is one, else
    the objects' segmentations flattened into one channel holding ``-(i + 1)`` for object ``i``
    (negative, so the pipeline's ``mask_fill`` is never taken for an object); moving one channel
    instead of every overlapping one keeps the preview quick."""
    extras = list(annotations.extras)[:len(annotations)] + [{}] * max(0, len(annotations) - len(annotations.extras))
    notes = dataclasses.replace(annotations, instances=None, extras=extras)
    keys = [int(label) for label in annotations.labels]
    if annotations.mask is not None:
        names = {value: name for value, name in annotations.mask_names.items()}
        by_name = {name: key for key, name in annotations.class_names.items()}
        mask_keys = {value: by_name.get(name, value) for value, name in names.items()}
        kind = "colors" if annotations.mask.ndim == 3 else "values"
        return Shown(notes, kind, mask_keys, names, keys)
    if annotations.instances is not None:
        top = np.zeros(annotations.instances.shape[:2], np.int32)
        for channel in range(annotations.instances.shape[2]):
            plane = annotations.instances[:, :, channel]
            top = np.where(plane > 0, plane, top)
        notes.instances = top[:, :, None]  # `augment` moves it and renumbers the kept objects
        return Shown(notes, "objects", {}, {}, keys)
    return Shown(notes, "", {}, {}, keys)


def resized(shown: Shown, width: int, height: int) -> Shown:
    """``shown`` for the image resized to ``width`` x ``height`` (the window's preview proxy):
    boxes and keypoints scaled, masks resampled with nearest neighbour."""
    notes = shown.annotations
    if (notes.width, notes.height) == (width, height):
        return shown
    sx, sy = width / notes.width, height / notes.height
    out = dataclasses.replace(notes, width=width, height=height,
                              boxes=np.asarray(notes.boxes, np.float64) * (sx, sy, sx, sy))
    if notes.keypoints is not None:
        points = notes.keypoints.copy()
        labelled = points[:, :, 2] > 0
        # Keypoints are pixel centres: (x + 0.5) scales like an edge coordinate.
        points[:, :, 0] = np.where(labelled, (points[:, :, 0] + 0.5) * sx - 0.5, 0)
        points[:, :, 1] = np.where(labelled, (points[:, :, 1] + 0.5) * sy - 0.5, 0)
        out.keypoints = points
    if notes.mask is not None:
        out.mask = nearest(notes.mask, width, height)
    if notes.instances is not None:
        out.instances = nearest(notes.instances, width, height)
    return dataclasses.replace(shown, annotations=out)


def nearest(array: np.ndarray, width: int, height: int) -> np.ndarray:
    """``array`` (H, W, ...) resampled to ``height`` x ``width`` by nearest neighbour (any dtype)."""
    rows = np.minimum(((np.arange(height) + 0.5) * array.shape[0] / height).astype(np.int64), array.shape[0] - 1)
    cols = np.minimum(((np.arange(width) + 0.5) * array.shape[1] / width).astype(np.int64), array.shape[1] - 1)
    return array[rows][:, cols]


# ---- overlays ----------------------------------------------------------------------------------


def overlay_of(shown: Shown, legend: bool = True, max_side: int = MASK_SIDE) -> Overlay:
    """The overlay of the annotated image itself (the original)."""
    return _overlay(shown, shown.annotations, list(range(len(shown.annotations))), legend, max_side)


def run_with_targets(pipeline: Pipeline, image: np.ndarray, shown: Shown, seed: int,
                     max_side: int = MASK_SIDE) -> tuple[Result, Overlay]:
    """``image`` augmented with ``seed``, its targets with it, and the overlay of the result (with
    the dropped boxes where they would have been). Raises what `Pipeline.apply` raises (e.g.
    `InvalidTargetsError` for a pipeline with AugMix)."""
    result, moved = augment(pipeline, image, shown.annotations, seed)
    return result, variant_overlay(shown, result, moved, image.shape, pipeline.targets, max_side)


def variant_overlay(shown: Shown, result: Result, moved: Annotations, shape: tuple, settings: TargetSettings,
                    max_side: int = MASK_SIDE) -> Overlay:
    """The overlay of an augmented image: ``moved`` (`augview.annotations.moved` of ``result``),
    and the boxes ``result``'s trace dropped, where they would have been (``shape``: the input
    image's, ``settings``: the target settings it ran with)."""
    kept = [int(i) for i in result.box_ids]
    overlay = _overlay(shown, moved, kept, False, max_side)
    positions, ids, reasons = dropped_boxes(result.trace, shape, shown.annotations.boxes, settings)
    overlay.dropped = positions
    overlay.dropped_names = [tr("{name}: {reason}").format(name=shown.annotations.label_name(i), reason=reason)
                             for i, reason in zip(ids, reasons)]
    overlay.dropped_colors = [class_color(shown.object_keys[i]) for i in ids]
    return overlay


def _overlay(shown: Shown, notes: Annotations, objects: list[int], legend: bool, max_side: int) -> Overlay:
    """``notes`` (the annotations of one image) as an overlay; ``objects[j]``: which object of
    ``shown`` its box ``j`` is."""
    colors = [class_color(shown.object_keys[i]) for i in objects]
    boxes = np.asarray(notes.boxes, np.float64).reshape(-1, 4)
    # A box wholly outside the image has nothing to frame: drawn, its tag sat at the image's edge
    # as if the object were there.
    seen = ~((boxes[:, 2] < 0) | (boxes[:, 3] < 0) | (boxes[:, 0] > notes.width) | (boxes[:, 1] > notes.height))
    out = Overlay(notes.width, notes.height, boxes[seen],
                  [shown.annotations.label_name(i) for i, keep in zip(objects, seen) if keep],
                  [color for color, keep in zip(colors, seen) if keep])
    if notes.keypoints is not None and len(notes.keypoints):
        points, point_colors, edges, edge_colors = [], [], [], []
        for row, color in zip(notes.keypoints, colors):
            visible = row[:, 2] > 0
            for a, b in notes.skeleton:
                if a < len(row) and b < len(row) and visible[a] and visible[b]:
                    edges.append((row[a, 0] + 0.5, row[a, 1] + 0.5, row[b, 0] + 0.5, row[b, 1] + 0.5))
                    edge_colors.append(color)
            for x, y, _ in row[visible]:
                points.append((x + 0.5, y + 0.5))
                point_colors.append(color)
        out.points = np.asarray(points, np.float64).reshape(-1, 2)
        out.point_colors = point_colors
        out.edges = np.asarray(edges, np.float64).reshape(-1, 4)
        out.edge_colors = edge_colors
    if shown.mask_kind == "objects" and notes.instances is not None:
        out.mask, out.legend = _object_layer(shown, notes.instances[:, :, 0], objects, legend, max_side)
    elif shown.mask_kind in ("values", "colors") and notes.mask is not None:
        out.mask, out.legend = _value_layer(shown, notes.mask, legend, max_side)
    return out


def _shrunk(mask: np.ndarray, max_side: int) -> np.ndarray:
    height, width = mask.shape[:2]
    scale = max_side / max(height, width)
    if scale >= 1:
        return mask
    return nearest(mask, max(1, round(width * scale)), max(1, round(height * scale)))


def _object_layer(shown: Shown, ids: np.ndarray, objects: list[int], legend: bool, max_side: int):
    """Object ``j`` of the moved annotations holds ``j + 1`` (0: nothing): coloured by class."""
    ids = _shrunk(ids, max_side)
    table = np.zeros((len(objects) + 1, 4), np.uint8)
    for j, i in enumerate(objects):
        table[j + 1] = (*class_color(shown.object_keys[i]), MASK_ALPHA)
    layer = _lookup(table, np.clip(ids, 0, len(objects)))
    names: list[tuple[str, RGB]] = []
    if legend:
        present = np.unique(ids[ids > 0]) - 1
        seen = {}
        for j in present:
            i = objects[int(j)]
            seen.setdefault(shown.annotations.label_name(i), class_color(shown.object_keys[i]))
        names = sorted(seen.items(), key=lambda item: _natural(item[0]))
    return layer, names


def _natural(name: str) -> list:
    """A sort key that reads the numbers in a name as numbers: class_2 before class_10."""
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", name)]


def _lookup(table: np.ndarray, index: np.ndarray) -> np.ndarray:
    """``table[index]`` for an (N, 4) uint8 colour table: one 32-bit lookup per pixel instead of
    four byte lookups."""
    words = np.ascontiguousarray(table).view(np.uint32)[:, 0]
    return np.ascontiguousarray(words[index]).view(np.uint8).reshape(*index.shape, 4)


def _value_layer(shown: Shown, mask: np.ndarray, legend: bool, max_side: int):
    """A label map coloured by value (0 is left clear: background); a colour mask as it is."""
    mask = _shrunk(mask, max_side)
    if shown.mask_kind == "colors":
        alpha = np.where(mask.any(axis=2), MASK_ALPHA, 0).astype(np.uint8)
        return np.dstack([mask[:, :, :3].astype(np.uint8), alpha]), []
    plane = mask if mask.ndim == 2 else mask[:, :, 0]
    if plane.dtype == bool:
        plane = plane.astype(np.uint8)
    if plane.dtype.kind == "u" and plane.dtype.itemsize <= 2:
        # A table over every possible value: one lookup, no sorting (the preview's common case).
        counts = np.bincount(plane.ravel(), minlength=1)
        present = np.flatnonzero(counts)
        table = np.zeros((len(counts), 4), np.uint8)
        for value in present[present != 0]:
            table[value] = (*class_color(shown.mask_keys.get(int(value), int(value))), MASK_ALPHA)
        # One 32-bit lookup per pixel instead of four byte lookups.
        layer = _lookup(table, plane)
    else:
        present, inverse = np.unique(plane, return_inverse=True)
        table = np.zeros((len(present), 4), np.uint8)
        for index, value in enumerate(present):
            if value != 0:
                table[index] = (*class_color(shown.mask_keys.get(int(value), int(value))), MASK_ALPHA)
        layer = table[inverse.reshape(plane.shape)]
    names = []
    if legend:
        for value in present:
            if value != 0:
                value = int(value)
                names.append((shown.mask_names.get(value, str(value)),
                              class_color(shown.mask_keys.get(value, value))))
    return layer, names


# ---- dropped boxes -----------------------------------------------------------------------------


def dropped_boxes(trace: list[dict], shape: tuple, boxes: np.ndarray, settings: TargetSettings
                  ) -> tuple[np.ndarray, list[int], list[str]]:
    """Where the boxes the target settings dropped would be at the end had they been kept:
    ``(positions, input indices, reasons)``. The trace is replayed for those boxes alone (no
    pixels) with the limits off; a box that left the image has no position and is not listed."""
    drops = {entry["index"]: entry for entry in dropped_entries(trace) if entry["reason"] != "outside"}
    if not drops:
        return np.zeros((0, 4)), [], []
    ids = sorted(drops)
    relaxed = dataclasses.replace(settings, min_area=0.0, min_visibility=0.0, min_width=0.0, min_height=0.0)
    targets = TargetSet.build(shape, relaxed, boxes=np.asarray(boxes, np.float64)[ids])
    shape = tuple(shape)
    for name, drawn in fired_ops(trace):
        op = get_op(name)
        if op.geometry is not None:
            motion = op.geometry(drawn, shape)
            targets.move(motion)
            shape = tuple(motion.out_shape) + shape[2:]
    kept = [ids[int(j)] for j in targets.box_ids]
    return targets.boxes, kept, [reason_text(drops[i]) for i in kept]


def dropped_entries(trace: list[dict]) -> list[dict]:
    """Every ``boxes_dropped`` entry of a trace, in the order the steps ran, with its step's op
    under ``"op"``."""
    found = []
    for entry in trace:
        if not entry.get("fired"):
            continue
        if "op" in entry:
            for drop in entry.get("targets", {}).get("boxes_dropped", ()):
                found.append({**drop, "op": entry["op"]})
        else:
            found.extend(dropped_entries(entry.get("steps", [])))
    return found


def dropped_keypoints(trace: list[dict]) -> list[tuple[str, list[int]]]:
    """``(op, keypoint indices)`` for every step that dropped keypoints, in the order they ran."""
    found = []
    for entry in trace:
        if not entry.get("fired"):
            continue
        if "op" in entry:
            ids = entry.get("targets", {}).get("keypoints_dropped")
            if ids:
                found.append((entry["op"], list(ids)))
        else:
            found.extend(dropped_keypoints(entry.get("steps", [])))
    return found


VALUE_DECIMALS = {"visibility": 2, "area": 0, "width": 1, "height": 1}
SHOWN_VALUES = 3  # a reason shared by several boxes lists this many of their values, then "…"


def _below(value: float, decimals: int | None, limit: float) -> str:
    """A dropped box's value to ``decimals``, or as many more as it takes to read below its
    ``limit``: rounded to nearest, 0.5996 read "visibility 0.60 < 0.6"."""
    if decimals is None:
        return str(value)
    for digits in range(decimals, decimals + 5):
        text = f"{value:.{digits}f}"
        if float(text) < limit:
            return text
    scale = 10 ** (decimals + 4)  # a hair below the limit: rounded down
    return f"{math.floor(value * scale) / scale:.{decimals + 4}f}"


def reason_text(drop: dict, values: list[float] | None = None) -> str:
    """Why a box was dropped, e.g. ``visibility 0.18 < 0.3``; with ``values``, the values of
    several boxes dropped for the same reason and limit: ``visibility 0.18, 0.04 < 0.3``."""
    reason, limit = drop.get("reason"), drop.get("limit", 0.0)
    values = [drop.get("value", 0.0)] if values is None else values
    value = ", ".join(_below(v, VALUE_DECIMALS.get(reason), limit) for v in values[:SHOWN_VALUES]) + (
        ", …" if len(values) > SHOWN_VALUES else "")
    if reason == "outside":
        return tr("outside the image")
    if reason == "visibility":
        return tr("visibility {value} < {limit}").format(value=value, limit=f"{limit:g}")
    if reason == "area":
        return tr("area {value} < {limit} px²").format(value=value, limit=f"{limit:g}")
    if reason == "width":
        return tr("width {value} < {limit} px").format(value=value, limit=f"{limit:g}")
    if reason == "height":
        return tr("height {value} < {limit} px").format(value=value, limit=f"{limit:g}")
    return str(reason)
