"""`TargetSet`: the masks, boxes and keypoints that travel with one image through a pipeline.

The pipeline's runner hands each geometric op's `Motion` to `TargetSet.move`, which moves every
target, clips and filters the boxes and drops keypoints that left the image (by the pipeline's
`TargetSettings`), and reports what it dropped for the step's trace entry. Each box and keypoint
keeps its position in the caller's input (``box_ids``, ``point_ids``), so labels can follow.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from augview.errors import InvalidTargetsError
from augview.targets import boxes as box_rules
from augview.targets.masks import check_fill, check_mask
from augview.targets.motion import Affine, Chain, Holes, Tiles, turn_directions
from augview.targets.settings import TargetSettings
from augview.text import tr


def check_keypoints(keypoints) -> np.ndarray:
    """(K, 2) ``x, y`` or (K, 4) ``x, y, angle (degrees), scale`` as float64, or InvalidTargetsError."""
    array = box_rules.numbers(keypoints, tr("keypoints must be numbers, a (K, 2) or (K, 4) array"))
    if array.size == 0:
        return np.zeros((0, 4 if array.ndim == 2 and array.shape[1] == 4 else 2))
    if array.ndim != 2 or array.shape[1] not in (2, 4):
        raise InvalidTargetsError(tr("keypoints must be a (K, 2) or (K, 4) array, got shape {shape}").format(
            shape=array.shape))
    if np.count_nonzero(np.isfinite(array)) != array.size:
        raise InvalidTargetsError(tr("keypoints must be finite numbers"))
    return array


@functools.lru_cache(maxsize=256)
def _centre_limits(width: int, height: int) -> np.ndarray:
    """``[width - 0.5, height - 0.5]``: where the pixel centres of an image end (read-only)."""
    row = np.array([width - 0.5, height - 0.5])
    row.flags.writeable = False
    return row


@dataclass
class TargetSet:
    shape: tuple[int, int]
    masks: list[np.ndarray]
    boxes: np.ndarray  # (N, 4) pixel x_min, y_min, x_max, y_max
    box_ids: np.ndarray
    points: np.ndarray  # (K, 2) or (K, 4): x, y (pixel centres), [angle in degrees, scale]
    point_ids: np.ndarray
    settings: TargetSettings
    # Which keypoints lie in the image, as `build` or the last move found: kept so the result need
    # not test them again.
    points_inside: np.ndarray | None = None
    boxes_judged: bool = False  # a geometric step filtered the boxes (see `boxes.filter_boxes`)
    boxes_given: int = 0  # how many boxes the caller gave (`box_ids` index them)

    @classmethod
    def build(cls, shape: tuple, settings: TargetSettings, masks=(), boxes=None, box_format="pascal_voc",
              keypoints=None) -> "TargetSet":
        names = ["mask" if len(masks) == 1 else f"masks[{i}]" for i in range(len(masks))]
        checked = [check_mask(m, shape, name) for m, name in zip(masks, names)]
        for mask, name in zip(checked, names):
            check_fill(mask.dtype, settings.mask_fill, name)
        pixel_boxes = box_rules.to_pixels([] if boxes is None else boxes, box_format, shape)
        # Clipped to the image at once (albumentations' ``clip=True``, torchvision's clamping):
        # what lies outside is not part of the object in this image. So a box is judged by its
        # part in view, and comes back inside the image whether or not a geometric step fires.
        pixel_boxes = box_rules.clip(pixel_boxes, shape)
        given = len(pixel_boxes)
        box_ids = np.arange(given)
        if len(pixel_boxes):
            # A box with nothing in view (given wholly outside the image, or of no area) is gone
            # now: clipped, it is a line along the edge, which a rotation would turn back into a
            # box with an area, and a box-aware crop would aim at.
            kept = ~box_rules.empty(pixel_boxes)
            if np.count_nonzero(kept) != len(kept):
                pixel_boxes, box_ids = pixel_boxes[kept], box_ids[kept]
        points = check_keypoints([] if keypoints is None else keypoints)
        targets = cls(tuple(shape[:2]), checked, pixel_boxes, box_ids, points, np.arange(len(points)), settings,
                      boxes_given=given)
        if len(points):
            # Keypoints given outside the image are dropped at once under "drop", as a geometric
            # step would drop them, so they never come back when none fires.
            inside = targets.inside(points)
            if settings.keypoints_outside == "drop" and np.count_nonzero(inside) != len(inside):
                targets.points, targets.point_ids, inside = points[inside], targets.point_ids[inside], inside[inside]
            targets.points_inside = inside
        return targets

    def inside(self, xy: np.ndarray) -> np.ndarray:
        """Which keypoints lie in the image. Keypoints are pixel centres, so the image spans
        -0.5 <= x <= width - 0.5 (and so for y), edges included: a flip, a quarter turn or a
        resize keeps every point that was in view. (albumentations' check, 0 <= x < width, is half
        a pixel off that span: a flip there drops points of the last column.)"""
        position = xy[:, :2]
        flags = np.less_equal(position, _centre_limits(*self.shape[::-1]), order="C")
        flags &= position >= -0.5
        # Each row's two flags read as one 2-byte number: 0x0101 when both hold. The same answer
        # as .all(axis=1) for a fraction of its cost on a few dozen points, for every step.
        return flags.view(np.uint16)[:, 0] == 0x0101

    def points_visible(self) -> np.ndarray:
        """Which of the current keypoints lie in the image."""
        return self.inside(self.points) if self.points_inside is None else self.points_inside

    def move(self, motion) -> dict:
        """Move every target by ``motion``; returns what was dropped, for the step's trace (an
        empty dict when nothing was)."""
        if isinstance(motion, Chain):
            return self._move_chain(motion)
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

    def _move_chain(self, chain: Chain) -> dict:
        """A policy's geometric sub-ops one at a time, each followed by the clipping and the rules,
        as its pixels are: what one sub-op moves out of the image is gone (filled), and the next,
        even its opposite, brings back only the fill. Moved as one, a translation and its
        opposite kept a box whose object was gone (torchvision's policies clamp after each op)."""
        report: dict = {}
        for motion in chain.motions:
            for key, dropped in self.move(motion).items():
                report.setdefault(key, []).extend(dropped)
        self.shape = tuple(chain.out_shape)
        return report
