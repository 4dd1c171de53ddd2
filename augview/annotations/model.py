"""`Annotations`: what one image carries besides its pixels, in one format-free shape.

Every reader (YOLO, COCO, Pascal VOC, mask PNGs) fills one, every writer takes one, and
`augview.annotations.augment` moves one through a pipeline. Boxes are pixels in augview's own
convention (``x_min, y_min, x_max, y_max`` in edge coordinates: a box over a whole W x H image is
``(0, 0, W, H)``); the YOLO reader converts from fractions, the COCO reader from ``x, y, w, h``.

Objects are the boxes: object ``i`` is ``boxes[i]`` with class ``labels[i]``, its keypoints
``keypoints[i]``, its segmentation where ``instances`` holds ``i + 1`` and what its format says
besides (``extras[i]``). An augmentation that drops a box drops the whole object.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import numpy as np

from augview.errors import AnnotationError
from augview.text import tr

# Per-image annotation files (YOLO .txt, VOC .xml) are small; a larger one is not an annotation.
MAX_TEXT_BYTES = 64 * 1024 * 1024
MAX_OBJECTS = 100_000  # per image
MAX_KEYPOINTS = 1_000  # per object
# Pixel coordinates beyond this distance from the image are not annotations but broken numbers
# (1e308 overflowed to infinity once scaled, and filling such a polygon indexed past any array).
MAX_COORDINATE = 1 << 24


def check_coordinates(values, where: str) -> None:
    """Raise `AnnotationError` naming ``where`` unless every pixel coordinate in ``values`` is a
    finite number within `MAX_COORDINATE` of the image."""
    values = np.asarray(values, np.float64)
    if values.size and not (np.isfinite(values).all() and np.abs(values).max() <= MAX_COORDINATE):
        raise AnnotationError(tr("{where}: coordinates must be finite numbers within {limit} pixels of the image").format(
            where=where, limit=MAX_COORDINATE))


@dataclass
class Annotations:
    """The annotations of one image (see the module docstring). Fields:

    - ``width``, ``height``: the image's size in pixels (as loaded: EXIF orientation applied);
    - ``boxes``: (N, 4) float64 pixel boxes; ``labels``: N class ids (YOLO class index, COCO
      category id, or for VOC the position of the name in ``class_names``);
    - ``class_names``: class id -> name, when the files name them (COCO categories, a YOLO
      ``data.yaml``/``classes.txt``, VOC names); otherwise empty and the ids are the names;
    - ``keypoints``: (N, K, 3) float64 ``x, y, visibility`` in pixels, in the convention of COCO
      and of augview's keypoints (the centre of the top-left pixel is (0, 0)); visibility 0 = not labelled
      (x = y = 0), 1 = labelled but hidden, 2 = visible; None when there are none;
      ``keypoint_names`` (K names, or empty) and ``skeleton`` (edges between keypoint indices,
      from 0) say how to draw them;
    - ``mask``: a label map from a mask PNG, (H, W) (or (H, W, 3) for colour masks), its values
      as stored (uint8, uint16 kept exactly); ``mask_names``: value -> name when a
      ``classes.txt`` lies beside the masks; ``mask_palette``: the PNG's palette, kept so a written
      mask looks the same;
    - ``instances``: (H, W, C) int32 where object ``i``'s segmentation (COCO polygons or RLE, YOLO
      segment lines) holds ``i + 1``; overlapping objects go to different channels; None when no
      object has one. `object_mask` gives one object's pixels;
    - ``extras``: per object, what its format says besides (VOC ``difficult``, ``truncated``,
      ``pose``; COCO ``iscrowd`` and any other key; ``"segmentation"``: the kind the object's
      segmentation was written in, "polygon", "rle" or "rle_compressed"), written back as read;
    - ``format``: where the objects came from ("yolo", "coco", "voc"; "" when there are none);
      ``sources``: ``{"objects": path, "mask": path}``, the files read; ``notes``: what was found
      but not read (one sentence each).
    """

    width: int
    height: int
    boxes: np.ndarray = field(default_factory=lambda: np.zeros((0, 4)))
    labels: list[int] = field(default_factory=list)
    class_names: dict[int, str] = field(default_factory=dict)
    keypoints: np.ndarray | None = None
    keypoint_names: list[str] = field(default_factory=list)
    skeleton: list[tuple[int, int]] = field(default_factory=list)
    mask: np.ndarray | None = None
    mask_names: dict[int, str] = field(default_factory=dict)
    mask_palette: list[int] | None = None
    instances: np.ndarray | None = None
    extras: list[dict] = field(default_factory=list)
    format: str = ""
    sources: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.boxes)

    def label_name(self, index: int) -> str:
        """Object ``index``'s class name, or its id when the files name no classes."""
        label = self.labels[index]
        return self.class_names.get(label, str(label))

    def object_mask(self, index: int) -> np.ndarray | None:
        """(H, W) bool: object ``index``'s segmentation, or None when it has none."""
        if self.instances is None:
            return None
        hit = (self.instances == index + 1).any(axis=2)
        return hit if hit.any() else None

    def counts(self) -> dict[str, int]:
        """Boxes per class name (ids as text when unnamed)."""
        out: dict[str, int] = {}
        for i in range(len(self)):
            name = self.label_name(i)
            out[name] = out.get(name, 0) + 1
        return out


def pack_instances(object_masks: list[np.ndarray | None], shape: tuple[int, int]) -> np.ndarray | None:
    """(H, W, C) int32 with ``i + 1`` where ``object_masks[i]`` is true; an object goes to the first
    channel where it overlaps no other, so overlapping objects stay whole. None if all are None."""
    if all(m is None or not m.any() for m in object_masks):
        return None
    channels: list[np.ndarray] = []
    for i, mask in enumerate(object_masks):
        if mask is None or not mask.any():
            continue
        for channel in channels:
            if not channel[mask].any():
                channel[mask] = i + 1
                break
        else:
            channel = np.zeros(shape, np.int32)
            channel[mask] = i + 1
            channels.append(channel)
    return np.stack(channels, axis=2)


def read_text(path: str | os.PathLike) -> str:
    """A small UTF-8 text file (annotation files are small: over `MAX_TEXT_BYTES` is refused)."""
    name = os.fspath(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_TEXT_BYTES + 1)
    except OSError as err:
        raise AnnotationError(tr("{path}: cannot be read ({reason})").format(
            path=name, reason=err.strerror or err)) from None
    if len(data) > MAX_TEXT_BYTES:
        raise AnnotationError(tr("{path}: too large for an annotation file (over {limit} MB)").format(
            path=name, limit=MAX_TEXT_BYTES // (1024 * 1024)))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        raise AnnotationError(tr("{path}:{line}: not UTF-8 text").format(path=name, line=line)) from None
