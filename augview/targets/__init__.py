"""Masks, boxes and keypoints: what detection, segmentation and pose data carry besides pixels.

What lives here: box formats, clipping and the filtering rules (`boxes`), label-map checks and
nearest-neighbour resampling (`masks`), the motions a geometric op declares for one application
(`motion`: affine, perspective, displacement field, dropout holes), the pipeline's target settings
saved in presets (`settings`), and the set of targets that travels with one image (`target_set`).
It may import `augview.core`, `augview.errors` and `augview.text`; the ops declare their motions
with it, the pipeline runs it.
"""

from augview.targets.boxes import BOX_FORMATS
from augview.targets.settings import TargetSettings

__all__ = ["BOX_FORMATS", "TargetSettings"]
