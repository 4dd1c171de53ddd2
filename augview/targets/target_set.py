"""`TargetSet`: the masks, boxes and keypoints that travel with one image through a pipeline.

The pipeline's runner hands each geometric op's `Motion` to `TargetSet.move`, which moves every
target, clips and filters the boxes and drops keypoints that left the image (by the pipeline's
`TargetSettings`), and reports what it dropped for the step's trace entry. Each box and keypoint
keeps its position in the caller's input (``box_ids``, ``point_ids``), so labels can follow.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from augview.errors import InvalidTargetsError
from augview.targets import boxes as box_rules
from augview.targets.masks import check_mask
from augview.targets.motion import Affine, Holes, Tiles, turn_directions
from augview.targets.settings import TargetSettings
from augview.text import tr


def check_keypoints(keypoints) -> np.ndarray:
    """(K, 2) ``x, y`` or (K, 4) ``x, y, angle (degrees), scale`` as float64, or InvalidTargetsError."""
    try:
        array = np.array(keypoints, dtype=np.float64)
    except (TypeError, ValueError):
        raise InvalidTargetsError(tr("keypoints must be numbers, a (K, 2) or (K, 4) array")) from None
    if array.size == 0:
        return np.zeros((0, 2))
    if array.ndim != 2 or array.shape[1] not in (2, 4):
        raise InvalidTargetsError(tr("keypoints must be a (K, 2) or (K, 4) array, got shape {shape}").format(
            shape=array.shape))
    if np.count_nonzero(np.isfinite(array)) != array.size:
        raise InvalidTargetsError(tr("keypoints must be finite numbers"))
    return array


@dataclass
class TargetSet:
    shape: tuple[int, int]
    masks: list[np.ndarray]
    boxes: np.ndarray  # (N, 4) pixel x_min, y_min, x_max, y_max
    box_ids: np.ndarray
    points: np.ndarray  # (K, 2) or (K, 4): x, y (pixel centres), [angle in degrees, scale]
    point_ids: np.ndarray
    settings: TargetSettings
    # Which keypoints lie in the image, as the last move found (None before any move): kept so the
    # result need not test them again.
    points_inside: np.ndarray | None = None
    boxes_judged: bool = False  # a geometric step filtered the boxes (see `drop_empty_boxes`)

    @classmethod
    def build(cls, shape: tuple, settings: TargetSettings, masks=(), boxes=None, box_format="pascal_voc",
              keypoints=None) -> "TargetSet":
        checked = [check_mask(m, shape, "mask" if len(masks) == 1 else f"masks[{i}]") for i, m in enumerate(masks)]
        pixel_boxes = box_rules.to_pixels([] if boxes is None else boxes, box_format, shape)
        # Clipped to the image at once (albumentations' ``clip=True``, torchvision's clamping):
        # what lies outside is not part of the object in this image. So a box is judged by its
        # part in view, and comes back inside the image whether or not a geometric step fires.
        pixel_boxes = box_rules.clip(pixel_boxes, shape)
        points = check_keypoints([] if keypoints is None else keypoints)
        return cls(tuple(shape[:2]), checked, pixel_boxes, np.arange(len(pixel_boxes)), points,
                   np.arange(len(points)), settings)

    def inside(self, xy: np.ndarray) -> np.ndarray:
        """Which keypoints lie in the image (albumentations' rule: 0 <= x < width, 0 <= y < height)."""
        position = xy[:, :2]
        flags = np.less(position, box_rules.bounds(*self.shape[::-1])[:2], order="C")
        flags &= position >= 0
        # Each row's two flags read as one 2-byte number: 0x0101 when both hold. The same answer
        # as .all(axis=1) for a fraction of its cost on a few dozen points, for every step.
        return flags.view(np.uint16)[:, 0] == 0x0101

    def drop_empty_boxes(self) -> None:
        """Drop boxes with nothing in the image (given wholly outside it, or of no area), which
        the first geometric step drops as "outside": so that they never come back, even when no
        geometric step fired."""
        if len(self.boxes) and not self.boxes_judged:
            kept = ~box_rules.empty(self.boxes)
            if not kept.all():
                self.boxes, self.box_ids = self.boxes[kept], self.box_ids[kept]

    def points_visible(self) -> np.ndarray:
        """Which of the current keypoints lie in the image."""
        return self.inside(self.points) if self.points_inside is None else self.points_inside

    def move(self, motion) -> dict:
        """Move every target by ``motion``; returns what was dropped, for the step's trace (an
        empty dict when nothing was)."""
        settings = self.settings
        self.shape = tuple(motion.out_shape)
        self.masks = [motion.mask(mask, settings.mask_fill) for mask in self.masks]
        report: dict = {}
        hole_map = motion.hole_map() if isinstance(motion, Holes) else None
        if len(self.boxes):
            ids = self.box_ids
            if isinstance(motion, Tiles):  # a box cut apart by moving tiles becomes several
                moved, ids = motion.split_boxes(self.boxes, ids)
            else:
                moved = motion.boxes(self.boxes, settings.box_method)
            covered = motion.covered(moved, hole_map) if hole_map is not None else None
            # Boxes judged by an earlier step that keep their sizes need judging only where cut.
            sizes_passed = self.boxes_judged and isinstance(motion, Affine) and motion.keeps_sizes()
            self.boxes, self.box_ids, drops = box_rules.filter_boxes(moved, self.shape, settings, ids, covered,
                                                                     sizes_passed)
            self.boxes_judged = True
            if drops:
                report["boxes_dropped"] = [{"index": d.index, "reason": d.reason, "value": d.value, "limit": d.limit} for d in drops]
        if len(self.points):
            xy = self.points[:, :2]
            new_xy = motion.points(xy)
            if self.points.shape[1] == 4:
                angles, scales = turn_directions(motion.jacobians(xy), self.points[:, 2], self.points[:, 3])
                self.points = np.column_stack([new_xy, angles, scales])
            elif new_xy.dtype != np.float64 or new_xy.ndim != 2:
                self.points = np.asarray(new_xy, np.float64).reshape(-1, 2)
            else:
                self.points = new_xy
            self.points_inside = None
            inside = self.inside(self.points)
            kept = inside if hole_map is None else inside & ~motion.hidden(self.points[:, :2], hole_map)
            if settings.keypoints_outside == "drop" and np.count_nonzero(kept) != len(kept):
                report["keypoints_dropped"] = self.point_ids[~kept].tolist()
                self.points, self.point_ids, inside = self.points[kept], self.point_ids[kept], inside[kept]
            self.points_inside = inside
        return report

