"""Boxes, masks and keypoints between augview presets and albumentations pipelines.

augview keeps them in the preset's ``targets`` settings (`augview.targets.settings`); albumentations
spreads them over the Compose (``bbox_params``, ``keypoint_params``, ``additional_targets``) and
arguments of single transforms (``fill_mask``, ``rotate_method``, ``mask_interpolation``).

Export (`compose_params`, `moves_targets`, `with_target_args`). An exported Compose has
``bbox_params`` and ``keypoint_params`` for the settings whenever one of its transforms moves boxes
and keypoints (a flip, crop, resize, warp or dropout: albumentations fails on ``bboxes=`` for such a
Compose without them; a Compose of colour ops runs with ``bboxes=`` and leaves them where they
are, as augview does, and with them albumentations would warn that nothing uses them). So the file
runs with ``image=`` alone and with ``bboxes=``, ``keypoints=`` and ``mask=``: boxes ``pascal_voc``
unless asked, ``min_area``, ``min_visibility``, ``min_width``, ``min_height`` as they are,
``clip=True`` (augview takes boxes that reach past the image and clips them; albumentations refuses
them otherwise), no label fields unless asked (each call must then pass them; without them labels
ride along as extra columns of each box or keypoint); keypoints ``remove_invisible`` from
``keypoints_outside`` and ``angle_in_degrees=True`` (augview's angles are degrees). Each transform
that fills new border area of masks gets ``fill_mask = mask_fill``; the dropouts get it where the
step writes its holes into masks (``holes_in_mask``), else ``None`` (masks untouched); the rotating
transforms get ``rotate_method = box_method``. ``BBoxSafeRandomCrop`` needs ``bboxes=`` in every
call (an empty list will do).

Import (`TargetReader`). The same keys are read back into settings, with the 0.x/1.x spellings of
the mask fill (``mask_value``, ``cval_mask``, ``mask_fill_value``...) already put in 2.x words by
`augview.interop.albumentations_legacy`. albumentations sets a mask fill and a box method per
transform, augview one for the whole preset: the value the transforms state wins (the most common
when they differ, each other one noted); a transform that leaves it at albumentations' default
while others state it is noted too. What has no place in a preset is noted, never dropped
silently: the box format and label fields (arguments of `Pipeline.apply`), keypoint formats other
than ``xy``/``xyas``, angles in radians, ``max_accept_ratio``, and ``additional_targets`` (extra
masks go in ``masks=[...]``, extra images through `Pipeline.replay`). Settings the pipeline does
not state (a mask fill where no transform takes one) come from the ``augview`` header an export
writes, so export then import gives the same settings.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from typing import Any

from augview.errors import OptionError
from augview.interop.notes import APPROXIMATE, CLAMPED, IGNORED, KEPT
from augview.targets import settings as target_settings
from augview.targets.boxes import BOX_FORMATS
from augview.targets.settings import TargetSettings
from augview.text import tr

KEYPOINT_FORMATS = ("xy", "xyas")  # augview's (K, 2) and (K, 4) keypoints
ALBUMENTATIONS_KEYPOINT_FORMATS = ("xy", "yx", "xya", "xys", "xyas", "xysa", "xyz")
# Transforms whose fill_mask labels the border area they bring into masks.
FILL_MASK = frozenset({"Rotate", "SafeRotate", "ShiftScaleRotate", "Affine", "Perspective", "ElasticTransform",
                       "GridDistortion", "OpticalDistortion", "PiecewiseAffine", "Pad", "PadIfNeeded",
                       "CropAndPad", "RandomCrop", "CenterCrop"})
BRINGS_BORDER = FILL_MASK - {"RandomCrop", "CenterCrop"}  # the crops only with pad_if_needed
# Dropouts: fill_mask None leaves masks untouched, a value writes the holes into them.
HOLES = frozenset({"CoarseDropout", "Erasing", "GridDropout"})
ROTATE_METHOD = frozenset({"Rotate", "SafeRotate", "ShiftScaleRotate", "Affine"})
# Every transform augview exports that moves boxes and keypoints (augview's ops with a motion).
MOVES_TARGETS = FILL_MASK | HOLES | {"HorizontalFlip", "VerticalFlip", "Transpose", "RandomRotate90", "Resize",
                                     "RandomResizedCrop", "RandomScale", "LongestMaxSize", "SmallestMaxSize",
                                     "RandomSizedCrop", "RandomCropFromBorders", "BBoxSafeRandomCrop",
                                     "RandomGridShuffle"}
NEAREST = (0, 6)  # cv2.INTER_NEAREST, INTER_NEAREST_EXACT
_BOX_LIMITS = ("min_area", "min_visibility", "min_width", "min_height")
_RESERVED = {"image", "images", "mask", "masks", "bboxes", "keypoints", "volume", "volumes", "mask3d", "masks3d"}


# ---------------------------------------------------------------------------------------------
# Export


def _names(value, what: str) -> list[str]:
    names = [value] if isinstance(value, str) else list(value or ())
    bad = [n for n in names if not isinstance(n, str) or not n.isidentifier() or n in _RESERVED]
    if bad or len(set(names)) != len(names):
        raise OptionError(tr("{what} must be distinct names (letters, digits, _) other than albumentations' own "
                            "targets, got {value}").format(what=what, value=json.dumps(names, default=str)[:80]))
    return names


def compose_params(settings: TargetSettings, box_format: str = "pascal_voc", label_fields=(),
                   keypoint_format: str = "xy", keypoint_label_fields=()) -> dict:
    """``bbox_params`` and ``keypoint_params`` of a Compose for ``settings`` (see the module's
    docstring); OptionError (a ValueError) on a format or label field albumentations would refuse."""
    if box_format not in BOX_FORMATS:
        raise OptionError(tr("box_format must be one of {formats}, got {value}").format(
            formats=", ".join(BOX_FORMATS), value=repr(box_format)))
    if keypoint_format not in KEYPOINT_FORMATS:
        raise OptionError(tr("keypoint_format must be one of {formats}, got {value}").format(
            formats=", ".join(KEYPOINT_FORMATS), value=repr(keypoint_format)))
    boxes, points = _names(label_fields, "label_fields"), _names(keypoint_label_fields, "keypoint_label_fields")
    if set(boxes) & set(points):
        raise OptionError(tr("a label field cannot belong to boxes and keypoints at once: {names}").format(
            names=", ".join(sorted(set(boxes) & set(points)))))
    return {
        "bbox_params": {"format": box_format, "label_fields": boxes or None,
                        **{key: float(getattr(settings, key)) for key in _BOX_LIMITS},
                        "check_each_transform": True, "clip": True, "max_accept_ratio": None},
        "keypoint_params": {"format": keypoint_format, "label_fields": points or None,
                            "remove_invisible": settings.keypoints_outside == "drop", "angle_in_degrees": True,
                            "check_each_transform": True},
    }


def moves_targets(transforms: list) -> bool:
    """Whether an exported tree of transforms holds one that moves boxes and keypoints."""
    return any(t["__class_fullname__"] in MOVES_TARGETS or moves_targets(t.get("transforms", []))
               for t in transforms)


def with_target_args(name: str, args: dict, params: dict, settings: TargetSettings) -> dict:
    """``args`` of an exported transform ``name`` with the mask fill and rotated-box method of
    ``settings`` where the transform takes them (``params``: the augview step's parameters)."""
    out = dict(args)
    if name in FILL_MASK:
        out["fill_mask"] = settings.mask_fill
    if name in HOLES:
        out["fill_mask"] = settings.mask_fill if params.get("holes_in_mask") else None
    if name in ROTATE_METHOD:
        out["rotate_method"] = settings.box_method
    return out


# ---------------------------------------------------------------------------------------------
# Import


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return float(value)


class TargetReader:
    """Collects what an albumentations pipeline says about targets while it is walked, then
    `settings` turns it into the preset's `TargetSettings`. ``note(where, kind, text)`` hears the
    notes."""

    def __init__(self, note):
        self.note = note
        self.stated: dict[str, Any] = {}  # setting -> value the Compose states
        self.fills: list[tuple[str, int, bool]] = []  # (where, fill_mask, stated in the file)
        self.methods: list[tuple[str, str, bool]] = []  # (where, rotate_method, stated)

    # -- the Compose

    def compose(self, key: str, value: Any, where: str) -> None:
        if key == "additional_targets":
            self._additional(value, where)
            return
        if not isinstance(value, dict):
            self.note(where, IGNORED, tr("{key} is not an object ({value}); ignored").format(
                key=key, value=json.dumps(value, default=str)[:40]))
            return
        if key == "bbox_params":
            self._boxes(value, where)
        else:
            self._keypoints(value, where)

    def _limit(self, name: str, value: Any, where: str, default: float = 0.0) -> None:
        number = _number(value if value is not None else default)
        spec = target_settings.spec(name)
        if number is None:
            self.note(where, IGNORED, tr("{key} {value} is not a number; ignored").format(
                key=name, value=json.dumps(value, default=str)[:40]))
            return
        fitted = min(max(number, spec.min), spec.max)
        if fitted != number:
            self.note(where, CLAMPED, tr("{key} {value} is outside augview's range {min}..{max}; clamped to "
                                         "{clamped}").format(key=name, value=f"{number:g}", min=f"{spec.min:g}",
                                                             max=f"{spec.max:g}", clamped=f"{fitted:g}"))
        self.stated[name] = fitted

    def _boxes(self, params: dict, where: str) -> None:
        for name in _BOX_LIMITS:
            self._limit(name, params.get(name), where)
        box_format = params.get("format")
        if box_format not in BOX_FORMATS:
            self.note(where, IGNORED, tr("bbox_params format {value} is not one albumentations knows; "
                                         "ignored").format(value=json.dumps(box_format, default=str)[:40]))
        elif box_format != "pascal_voc":
            self.note(where, KEPT, tr("boxes in format '{format}': give them to Pipeline.apply with "
                                      "box_format='{format}' (a preset does not hold the format)").format(
                format=box_format))
        fields = params.get("label_fields")
        if fields:
            self.note(where, KEPT, tr("box label_fields {fields}: give the labels as box_labels= (anything per "
                                      "box, e.g. a tuple for several fields); they stay aligned with the boxes").format(
                fields=json.dumps(fields, default=str)[:60]))
        if params.get("check_each_transform") is False:
            self.note(where, APPROXIMATE, tr("check_each_transform false: augview judges boxes after every "
                                             "geometric step"))
        if params.get("filter_invalid_bboxes"):
            self.note(where, APPROXIMATE, tr("filter_invalid_bboxes: augview refuses a box whose maximum is "
                                             "below its minimum (InvalidTargetsError) instead of dropping it"))
        if params.get("max_accept_ratio") is not None:
            ratio = json.dumps(params["max_accept_ratio"], default=str)[:20]
            self.note(where, IGNORED, tr("max_accept_ratio {value} ignored: augview does not drop boxes by their "
                                         "aspect ratio").format(value=ratio))
        known = {"format", "label_fields", "check_each_transform", "clip", "filter_invalid_bboxes",
                 "max_accept_ratio", *_BOX_LIMITS}
        self._unknown(params, known, where)

    def _keypoints(self, params: dict, where: str) -> None:
        remove = params.get("remove_invisible", True)
        self.stated["keypoints_outside"] = "drop" if remove or remove is None else "keep"
        kind = params.get("format")
        hints = {
            "xyas": tr("keypoints in format 'xyas': give (K, 4) keypoints, x, y, angle, scale"),
            "xysa": tr("keypoints in format 'xysa': augview takes x, y, angle, scale: swap the last two columns"),
            "xya": tr("keypoints in format 'xya': augview takes x, y or x, y, angle, scale: add a scale of 1"),
            "xys": tr("keypoints in format 'xys': augview takes x, y or x, y, angle, scale: add an angle of 0 "
                      "before the scale"),
            "yx": tr("keypoints in format 'yx': augview takes x, y: swap the two columns"),
            "xyz": tr("keypoints in format 'xyz': augview's keypoints are 2-D: give x, y (z is not moved)"),
        }
        if kind not in ALBUMENTATIONS_KEYPOINT_FORMATS:
            self.note(where, IGNORED, tr("keypoint_params format {value} is not one albumentations knows; "
                                         "ignored").format(value=json.dumps(kind, default=str)[:40]))
        elif isinstance(kind, str) and kind in hints:
            self.note(where, KEPT, hints[kind])
        if params.get("angle_in_degrees") is False and kind in ("xya", "xyas", "xysa"):
            self.note(where, APPROXIMATE, tr("angles in radians: augview's keypoint angles are degrees "
                                             "(convert with numpy.degrees)"))
        if params.get("label_fields"):
            self.note(where, KEPT, tr("keypoint label_fields {fields}: augview gives keypoint_ids, the input "
                                      "positions of the keypoints kept: pick your labels with them").format(
                fields=json.dumps(params["label_fields"], default=str)[:60]))
        if params.get("check_each_transform") is False:
            self.note(where, APPROXIMATE, tr("check_each_transform false: augview drops keypoints that leave "
                                             "the image after every geometric step"))
        self._unknown(params, {"format", "label_fields", "remove_invisible", "angle_in_degrees",
                               "check_each_transform"}, where)

    def _additional(self, value: Any, where: str) -> None:
        if not isinstance(value, dict):
            self.note(where, IGNORED, tr("additional_targets is not an object ({value}); ignored").format(
                value=json.dumps(value, default=str)[:40]))
            return
        hints = {
            "mask": tr("extra mask {name}: give it with the others in masks=[...], it moves like them"),
            "image": tr("extra image {name}: apply the same steps to it with Pipeline.replay(image, result.trace)"),
            "bboxes": tr("extra boxes {name}: give them with the others and split the result by box_ids"),
            "keypoints": tr("extra keypoints {name}: give them with the others and split the result by "
                            "keypoint_ids"),
        }
        for name, kind in value.items():
            hint = hints.get(kind) if isinstance(kind, str) else None
            if hint is None:
                self.note(where, IGNORED, tr("additional target {name} of kind {kind} has no augview counterpart; "
                                             "ignored").format(name=json.dumps(name)[:40],
                                                               kind=json.dumps(kind, default=str)[:40]))
            else:
                self.note(where, KEPT, hint.format(name=json.dumps(name)[:40]))

    def _unknown(self, params: dict, known: set, where: str) -> None:
        for key in sorted(set(params) - known, key=str):
            self.note(where, IGNORED, tr("{key} ignored: no augview counterpart").format(key=key))

    # -- single transforms

    def transform(self, name: str, args: dict, op_name: str, params: dict, where: str) -> dict:
        """Read the target arguments of one imported transform (its 2.x ``args``); returns the
        step's ``params`` with ``holes_in_mask`` where the transform writes holes into masks."""
        fill = args.get("fill_mask")
        if name in HOLES:
            params = {**params, "holes_in_mask": fill is not None}
        if fill is not None and (name in FILL_MASK or name in HOLES):
            value = self._fill_value(fill, where)
            if value is not None:
                self.fills.append((where, value, True))
        elif name in BRINGS_BORDER or (name in FILL_MASK and args.get("pad_if_needed")):
            self.fills.append((where, 0, False))
        if name in ROTATE_METHOD:
            method = args.get("rotate_method")
            if method is None:
                self.methods.append((where, "largest_box", False))
            elif method in target_settings.BOX_METHODS:
                self.methods.append((where, method, True))
            else:
                self.note(where, IGNORED, tr("rotate_method {value} has no augview counterpart; ignored").format(
                    value=json.dumps(method, default=str)[:40]))
        interpolation = args.get("mask_interpolation")
        if interpolation is not None and interpolation not in NEAREST:
            self.note(where, IGNORED, tr("mask_interpolation {value} ignored: augview moves masks with the nearest "
                                         "neighbour only, so labels are never blended").format(
                value=json.dumps(interpolation, default=str)[:20]))
        return params

    def _fill_value(self, fill: Any, where: str) -> int | None:
        values = fill if isinstance(fill, (list, tuple)) else [fill]
        numbers = [_number(v) for v in values]
        if not numbers or any(n is None for n in numbers):
            self.note(where, IGNORED, tr("fill_mask {value} is not a number; ignored").format(
                value=json.dumps(fill, default=str)[:40]))
            return None
        if len(set(numbers)) > 1:
            self.note(where, APPROXIMATE, tr("fill_mask {values} per channel: augview fills masks with one label, "
                                             "used the first").format(values=numbers))
        spec = target_settings.spec("mask_fill")
        value = int(min(max(round(numbers[0]), spec.min), spec.max))
        if value != numbers[0]:
            self.note(where, CLAMPED, tr("fill_mask {value} is not a label augview takes ({min}..{max}); used "
                                         "{used}").format(value=f"{numbers[0]:g}", min=spec.min, max=spec.max,
                                                          used=value))
        return value

    # -- the result

    def _one(self, entries: list, key: str, label: str):
        """The preset-wide value of a per-transform setting: the stated one (the most common when
        they differ); each transform with another value is noted."""
        stated = [value for _, value, given in entries if given]
        if not stated:
            return None
        counts = Counter(stated)
        chosen = max(counts, key=lambda v: (counts[v], -stated.index(v)))
        for where, value, given in entries:
            if value == chosen:
                continue
            text = (tr("{label} {value} here: augview has one {key} for the whole preset, used {chosen}") if given
                    else tr("{label} not given (albumentations' {value}) here: augview has one {key} for the whole "
                            "preset, used {chosen}"))
            self.note(where, APPROXIMATE, text.format(label=label, value=value, key=key, chosen=chosen))
        return chosen

    def settings(self, header: Any) -> TargetSettings:
        """The preset's settings: what the pipeline states, else what the ``augview`` header an
        export wrote says, else augview's defaults."""
        values: dict = {}
        if isinstance(header, dict):
            values, problems = target_settings.check(header)
            for key, _ in problems:
                values.pop(key, None)  # a hand-edited header: its bad values give way to the defaults
        values.update(self.stated)
        fill = self._one(self.fills, "mask_fill", "fill_mask")
        if fill is not None:
            values["mask_fill"] = fill
        method = self._one(self.methods, "box_method", "rotate_method")
        if method is not None:
            values["box_method"] = method
        checked, _ = target_settings.check(values)
        return TargetSettings.from_values(checked)
