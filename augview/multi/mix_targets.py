"""Boxes and masks through CutMix and mosaic: every source image brings its own, and they land
where its pixels land.

A source's pixels reach the output through rectangles: part of the source (``crop``, in its
pixels) scaled onto part of the output (``placed``). Its boxes follow the same scaling, are clipped
to ``placed`` and judged by the target settings (`augview.targets.settings`: ``min_area``,
``min_visibility``, ``min_width``, ``min_height``; a box with nothing left in view always goes), as
a crop in a pipeline judges them. In CutMix, A's boxes stay where they are and lose the area B's
patch covers, as a dropout hole covers it. Masks are cut and resized with the nearest neighbour,
so every output label is a label of a source or ``mask_fill`` (mosaic's letterbox area, and
sources given without a mask).
"""

from __future__ import annotations

from typing import Sequence

import cv2
import numpy as np

from augview.errors import InvalidTargetsError
from augview.targets import boxes as box_rules
from augview.targets import settings as target_settings
from augview.targets.masks import check_fill, check_mask, resample
from augview.targets.settings import TargetSettings
from augview.text import tr

# A piece: (source index, crop (x, y, w, h) in the source, placed (x, y, w, h) in the output)
Piece = tuple[int, tuple[float, float, float, float], tuple[int, int, int, int]]


def settings_from(settings) -> TargetSettings:
    """``settings`` as `TargetSettings` (given as such, as a dict of a preset's ``targets``, or None
    for the defaults)."""
    if settings is None or isinstance(settings, TargetSettings):
        return settings or TargetSettings()
    values, problems = target_settings.check(dict(settings))
    if problems:
        key, why = problems[0]
        raise InvalidTargetsError(tr("settings.{key}: {why}").format(key=key, why=why))
    return TargetSettings.from_values(values)


def per_image(values, count: int, what: str) -> list:
    """One entry per source image (None: that image has none), or InvalidTargetsError."""
    if values is None:
        return [None] * count
    values = list(values)
    if len(values) != count:
        raise InvalidTargetsError(tr("{what}: one entry per image ({count}), got {got}").format(
            what=what, count=count, got=len(values)))
    return values


def source_boxes(boxes, labels, box_format: str, shape: tuple, index: int) -> tuple[np.ndarray, list | None]:
    """One source's boxes in pixels, and its labels (checked against them)."""
    pixels = box_rules.to_pixels([] if boxes is None else boxes, box_format, shape)
    if labels is None:
        return pixels, None
    if boxes is None or len(labels) != len(pixels):
        raise InvalidTargetsError(tr("image {index}: {labels} box labels for {boxes} boxes").format(
            index=index, labels=len(labels), boxes=len(pixels)))
    return pixels, list(labels)


def place_boxes(pieces: Sequence[Piece], sources: list, settings: TargetSettings) -> list[tuple]:
    """``(boxes, source, ids)`` per piece: the source's pixel boxes scaled from ``crop`` onto
    ``placed``, clipped to it and filtered by ``settings``."""
    out = []
    for source, (cx, cy, cw, ch), (px, py, pw, ph) in pieces:
        boxes = sources[source]
        if not len(boxes) or cw <= 0 or ch <= 0 or pw <= 0 or ph <= 0:
            continue
        scale = np.array([pw / cw, ph / ch, pw / cw, ph / ch])
        local = (boxes - np.array([cx, cy, cx, cy])) * scale
        kept, ids, _ = box_rules.filter_boxes(local, (ph, pw), settings, np.arange(len(boxes)))
        if len(kept):
            out.append((kept + np.array([px, py, px, py], float), source, ids))
    return out


def covered_boxes(boxes: np.ndarray, shape: tuple, patch: tuple[int, int, int, int],
                  settings: TargetSettings) -> tuple[np.ndarray, np.ndarray]:
    """Boxes that stay in place while a patch covers part of the image (CutMix's A): each loses
    the area the patch hides, and the settings judge what is left."""
    if not len(boxes):
        return boxes, np.zeros(0, np.int64)
    x, y, w, h = patch
    clipped = box_rules.clip(boxes, shape)
    over_x = np.clip(np.minimum(clipped[:, 2], x + w) - np.maximum(clipped[:, 0], x), 0, None)
    over_y = np.clip(np.minimum(clipped[:, 3], y + h) - np.maximum(clipped[:, 1], y), 0, None)
    kept, ids, _ = box_rules.filter_boxes(boxes, shape, settings, np.arange(len(boxes)), over_x * over_y)
    return kept, ids


def gather(placed: list[tuple], labels: list, box_format: str, shape: tuple):
    """The output's boxes (in ``box_format``), their labels (None when no source gave any), the
    source image of each and its index among that image's boxes."""
    if not placed:
        empty = np.zeros(0, np.int64)
        return box_rules.from_pixels(np.zeros((0, 4)), box_format, shape), (
            [] if any(lab is not None for lab in labels) else None), empty, empty
    boxes = np.concatenate([b for b, _, _ in placed])
    sources = np.concatenate([np.full(len(ids), s, np.int64) for _, s, ids in placed])
    ids = np.concatenate([ids for _, _, ids in placed]).astype(np.int64)
    out_labels = None
    if any(lab is not None for lab in labels):
        out_labels = [None if labels[s] is None else labels[s][i] for s, i in zip(sources, ids)]
    return box_rules.from_pixels(boxes, box_format, shape), out_labels, sources, ids


def check_masks(masks: list, shapes: list, fill: int) -> list:
    """Each mask checked against its image; all of one kind (dtype promoted, same channels), a
    kind that holds the ``fill`` label."""
    checked = [None if m is None else check_mask(m, shape, f"masks[{i}]")
               for i, (m, shape) in enumerate(zip(masks, shapes))]
    given = [m for m in checked if m is not None]
    if len({m.shape[2:] for m in given}) > 1:
        raise InvalidTargetsError(tr("masks must all be (H, W) or all have the same channels"))
    dtype = np.result_type(*given) if given else np.uint8
    if given:
        check_fill(dtype, fill, "masks")
    return [None if m is None else m.astype(dtype, copy=False) for m in checked]


def empty_mask(masks: list, shape: tuple, fill: int) -> np.ndarray:
    """An output mask of ``shape`` in the masks' type and channels, filled with ``fill``."""
    like = next(m for m in masks if m is not None)
    return np.full(tuple(shape[:2]) + like.shape[2:], fill, like.dtype)


def resize_mask(mask: np.ndarray, height: int, width: int) -> np.ndarray:
    """A label map resized with the nearest neighbour, as the pipeline's resize moves masks."""
    if mask.shape[:2] == (height, width):
        return mask
    return resample(mask, lambda plane, fill: cv2.resize(plane, (width, height), interpolation=cv2.INTER_NEAREST),
                    0)


def _boxes_out(pieces_of, boxes, labels, box_format, shapes, out_shape, settings) -> dict:
    count = len(shapes)
    given = [source_boxes(b, lab, box_format, shape, i) for i, (b, lab, shape) in enumerate(
        zip(per_image(boxes, count, "boxes"), per_image(labels, count, "box_labels"), shapes))]
    placed = pieces_of([pixels for pixels, _ in given])
    found = gather(placed, [lab for _, lab in given], box_format, out_shape)
    return dict(zip(("boxes", "box_labels", "box_sources", "box_ids"), found))


def _given(values) -> bool:
    return values is not None and any(v is not None for v in values)


def cutmix_targets(shape_a: tuple, shape_b: tuple, patch: tuple[int, int, int, int], boxes, box_labels, masks,
                   box_format: str, settings) -> dict:
    """CutMix's result fields for the targets given (``boxes``, ``box_labels``, ``masks``: pairs
    for A and B): A's boxes covered by the patch, B's clipped to it; A's mask with B's in the
    patch. Empty when no target was given."""
    if not _given(boxes) and not _given(masks) and not _given(box_labels):
        return {}
    settings = settings_from(settings)
    (ha, wa), (hb, wb) = shape_a[:2], shape_b[:2]
    x, y, w, h = patch
    out: dict = {}
    if _given(boxes) or _given(box_labels):
        def pieces_of(sources):
            kept, ids = covered_boxes(sources[0], shape_a, patch, settings)
            crop = (x * wb / wa, y * hb / ha, w * wb / wa, h * hb / ha)  # the patch in B's own pixels
            return ([(kept, 0, ids)] if len(kept) else []) + place_boxes([(1, crop, patch)], sources, settings)
        out.update(_boxes_out(pieces_of, boxes, box_labels, box_format, [shape_a, shape_b], shape_a, settings))
    if _given(masks):
        mask_a, mask_b = check_masks(per_image(masks, 2, "masks"), [shape_a, shape_b], settings.mask_fill)
        mask = mask_a.copy() if mask_a is not None else empty_mask([mask_a, mask_b], shape_a, settings.mask_fill)
        mask[y:y + h, x:x + w] = settings.mask_fill if mask_b is None else resize_mask(mask_b, ha, wa)[y:y + h, x:x + w]
        out["mask"] = mask
    return out


def mosaic_targets(tiles, shapes: list, out_shape: tuple, boxes, box_labels, masks, box_format: str,
                   settings) -> dict:
    """Mosaic's result fields for the targets given (one entry per source image): every tile's
    boxes and mask, as its pixels were cut and scaled. Empty when no target was given."""
    if not _given(boxes) and not _given(masks) and not _given(box_labels):
        return {}
    settings = settings_from(settings)
    out: dict = {}
    if _given(boxes) or _given(box_labels):
        pieces = [(t.source, t.crop, t.placed) for t in tiles]
        out.update(_boxes_out(lambda sources: place_boxes(pieces, sources, settings), boxes, box_labels, box_format,
                              shapes, out_shape, settings))
    if _given(masks):
        checked = check_masks(per_image(masks, len(shapes), "masks"), shapes, settings.mask_fill)
        mask = empty_mask(checked, out_shape, settings.mask_fill)
        for tile in tiles:
            source = checked[tile.source]
            if source is None:
                continue  # that image has no mask: its area keeps mask_fill
            (cx, cy, cw, ch), (px, py, pw, ph) = tile.crop, tile.placed
            mask[py:py + ph, px:px + pw] = resize_mask(source[cy:cy + ch, cx:cx + cw], ph, pw)
        out["mask"] = mask
    return out
