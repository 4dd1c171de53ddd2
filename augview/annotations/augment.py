"""One image and its `Annotations` through a pipeline, with the seed's draws, in one call:

    result, moved = augment(pipe, image, annotations, seed=7)
    # result.image: the pixels; moved: the annotations of the augmented image

It is `Pipeline.apply` with the annotations as targets: boxes (``pascal_voc`` pixels) with their
labels, the labelled keypoints (visibility > 0) as (M, 2) points, the mask and the objects'
segmentations as masks; then the objects whose boxes are kept are gathered again. A keypoint that
left the image (or lies in it with ``keypoints_outside: keep`` but out of view) becomes "not
labelled" (0, 0, 0), which is how the files say a point is not there.

The segmentations travel as one more mask holding ``-(i + 1)`` for object ``i``: the pipeline's
``mask_fill`` (0 or more, e.g. 255 for "ignore") can then never be taken for an object.
"""

from __future__ import annotations

import numpy as np

from augview.annotations.model import Annotations
from augview.errors import InvalidTargetsError
from augview.pipeline.pipeline import Pipeline, Result
from augview.text import tr


def targets_of(annotations: Annotations) -> dict:
    """The keyword arguments of `Pipeline.apply` for ``annotations`` (see the module docstring);
    `moved` needs the same ``annotations`` to read the result."""
    args: dict = {"boxes": annotations.boxes, "box_format": "pascal_voc", "box_labels": list(annotations.labels)}
    if annotations.keypoints is not None:
        labelled = annotations.keypoints[:, :, 2] > 0
        args["keypoints"] = annotations.keypoints[labelled][:, :2]
    masks = []
    if annotations.mask is not None:
        masks.append(annotations.mask)
    if annotations.instances is not None:
        masks.append(-annotations.instances.astype(np.int32))
    if masks:
        args["masks"] = masks
    return args


def augment(pipeline: Pipeline, image: np.ndarray, annotations: Annotations,
            seed: int | None = None) -> tuple[Result, Annotations]:
    """``(result, moved annotations)``: ``image`` augmented with ``seed`` and its annotations with it.
    Annotations of another image size are refused (`InvalidTargetsError`): their boxes would be
    moved as if they fitted, and come out in the wrong place without a word."""
    shape = np.shape(image)
    if len(shape) >= 2 and (annotations.width, annotations.height) != (shape[1], shape[0]):
        raise InvalidTargetsError(tr("the annotations are for an image of {stated}, the image is {actual}").format(
            stated=f"{annotations.width}x{annotations.height}", actual=f"{shape[1]}x{shape[0]}"))
    result = pipeline.apply(image, seed, **targets_of(annotations))
    return result, moved(annotations, result)


def moved(annotations: Annotations, result: Result) -> Annotations:
    """The annotations of ``result.image``, from the targets `targets_of` gave the pipeline."""
    height, width = result.image.shape[:2]
    kept = np.asarray(result.box_ids, np.int64)
    out = Annotations(width, height, np.asarray(result.boxes, np.float64).reshape(-1, 4),
                      [annotations.labels[i] for i in kept], dict(annotations.class_names),
                      keypoint_names=list(annotations.keypoint_names), skeleton=list(annotations.skeleton),
                      mask_names=dict(annotations.mask_names), mask_palette=annotations.mask_palette,
                      extras=[dict(annotations.extras[i]) for i in kept], format=annotations.format,
                      notes=list(annotations.notes))
    if annotations.keypoints is not None:
        out.keypoints = _keypoints(annotations.keypoints, kept, result)
    masks = list(result.masks or [])
    if annotations.mask is not None:
        out.mask = masks.pop(0)
    if annotations.instances is not None:
        out.instances = _instances(masks.pop(0), kept, len(annotations.boxes))
    return out


def _keypoints(points: np.ndarray, kept: np.ndarray, result: Result) -> np.ndarray:
    objects, slots = np.nonzero(points[:, :, 2] > 0)  # the order `targets_of` passed them in
    out = np.zeros((len(kept), points.shape[1], 3))
    position = np.full(len(points), -1)
    position[kept] = np.arange(len(kept))
    ids = np.asarray(result.keypoint_ids, np.int64)
    seen = np.asarray(result.keypoints_visible, bool)
    for point, xy, visible in zip(ids, np.asarray(result.keypoints)[:, :2], seen):
        row = position[objects[point]]
        if row >= 0 and visible:
            slot = slots[point]
            out[row, slot, :2] = xy
            out[row, slot, 2] = points[objects[point], slot, 2]
    return out


def _instances(moved_ids: np.ndarray, kept: np.ndarray, count: int) -> np.ndarray | None:
    table = np.zeros(count + 1, np.int32)
    table[kept + 1] = np.arange(1, len(kept) + 1)
    planes = moved_ids if moved_ids.ndim == 3 else moved_ids[..., None]
    out = table[np.where(planes < 0, -planes, 0)]
    out = out[:, :, [c for c in range(out.shape[2]) if out[:, :, c].any()]]
    return out if out.shape[2] else None
