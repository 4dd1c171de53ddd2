"""One op with an image's targets, for the teaching views (sweep, extremes, gallery): the op draws
from ``default_rng(seed)`` exactly as those views draw without targets, and the boxes, masks and
keypoints move with it.

    run = TargetRun(shown, pipe.targets, ghosts=True)
    cells = sweep(image, "rotate", None, "limit", 7, seed=0, targets=run)   # run.overlays: one per cell

``ghosts``: each overlay also holds the boxes the other rotated-box method gives (``largest_box``
beside ``ellipse``), so a sweep of a rotation shows how much a rotated box grows under each.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import numpy as np

from augview.analysis.overlays import MASK_SIDE, Overlay, Shown, variant_overlay
from augview.analysis.target_story import caption
from augview.annotations.augment import moved, targets_of
from augview.core.registry import Op
from augview.pipeline.pipeline import Result
from augview.targets.settings import BOX_METHODS, TargetSettings
from augview.targets.target_set import TargetSet


@dataclass
class TargetRun:
    """Targets to move with every cell of a teaching view; ``overlays`` and ``captions`` are
    filled in cell order (None and "" for an op no target can follow)."""

    shown: Shown
    settings: TargetSettings = TargetSettings()
    ghosts: bool = False
    max_side: int = MASK_SIDE
    overlays: list[Overlay | None] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)


def run_op(op: Op, image: np.ndarray, params: dict, seed: int, run: TargetRun) -> tuple[np.ndarray, dict]:
    """``op`` applied with checked ``params`` and ``default_rng(seed)``, its targets moved; returns
    ``(image, drawn)`` and appends the cell's overlay and caption to ``run``."""
    rng = np.random.default_rng(seed)
    if op.images_only:  # AugMix: no target can follow; the pixels still show
        drawn = op.draw(rng, params, image.shape)
        run.overlays.append(None)
        run.captions.append("")
        return op.apply(image, drawn), drawn
    notes = run.shown.annotations
    args = targets_of(notes)
    targets = TargetSet.build(image.shape, run.settings, args.get("masks", []), args["boxes"], "pascal_voc",
                              args.get("keypoints"))
    drawn = op.draw(rng, params, image.shape, targets.boxes)
    out = op.apply(image, drawn)
    entry = {"path": "0", "op": op.name, "fired": True, "drawn": drawn}
    ghosts = None
    if op.geometry is not None:
        if run.ghosts and len(notes.boxes):
            other = next(m for m in BOX_METHODS if m != run.settings.box_method)
            twin = TargetSet.build(image.shape, dataclasses.replace(run.settings, box_method=other), boxes=notes.boxes)
            twin.move(op.geometry(drawn, image.shape))
            ghosts = twin.boxes
        report = targets.move(op.geometry(drawn, image.shape))
        if report:
            entry["targets"] = report
    result = Result(np.ascontiguousarray(out), [entry], seed, masks=targets.masks or None, boxes=targets.boxes,
                    box_ids=targets.box_ids, box_labels=[notes.labels[i] for i in targets.box_ids],
                    settings=run.settings)
    if "keypoints" in args:
        result.keypoints, result.keypoint_ids = targets.points, targets.point_ids
        result.keypoints_visible = targets.points_visible()
    overlay = variant_overlay(run.shown, result, moved(notes, result), image.shape, run.settings, run.max_side)
    if ghosts is not None:
        overlay.ghosts = ghosts
        overlay.ghost_label = other
    run.overlays.append(overlay)
    run.captions.append(caption(result, run.shown))
    return result.image, drawn
