"""augview presets <-> albumentations 2.x pipelines (the JSON that ``A.save`` writes and ``A.load``
reads). albumentations itself is never imported: both directions work on plain data.

Export. Each op with a counterpart becomes one transform with the same ranges, in albumentations'
units (gamma x 100, solarize thresholds / 255, noise std / 255...). Groups:

- ``sequence`` -> ``Sequential``; ``random_order`` -> ``RandomOrder(n=all)``: both exact.
- ``one_of`` -> ``OneOf``. albumentations uses each child's ``p`` as its weight and then always
  applies the chosen child, while augview chooses by ``weights`` and then rolls the child's own
  ``p``: a child whose ``p`` is below 1 is wrapped as ``Sequential([child(p)], p=weight)``. Exact.
- ``some_of`` with ``n = [k, k]`` -> ``SomeOf(n=k)``; with a range, augview draws the count
  uniformly, so it becomes ``OneOf`` of one ``Sequential([SomeOf(n=k)], p=weight of k)`` per
  count (``SomeOf`` ignores OneOf's force and would roll its own p, hence the Sequential). Exact.
- A child left out of a ``one_of``/``some_of`` (no counterpart, with ``skip_unsupported``) is
  replaced by an empty ``Sequential`` so the other children keep their odds.

Import (`augview.interop.albumentations_import`) reads those shapes back, so an exported
file re-imports to the same steps, plus any albumentations 2.x pipeline. Values outside
augview's ranges are clamped, never refused, each clamp reported with its location
(``transform.transforms[2] (Rotate): rotate.limit [-200, 200] is outside augview's range
-180..180; clamped to [-180, 180]``); so is every argument that has no augview meaning and every
transform that has no counterpart. Only data that is not an albumentations pipeline at all
raises `PresetError`.

Checked on pixels (tests/test_interop.py): flips, transpose, rotate, affine, crops, resize, pad,
the colour and tone ops, blurs, downscale and multiplicative_noise give the same pixels within 2
levels for fixed settings; every output of RandomRotate90 and ChannelDropout is exactly one that
random_rotate90 and channel_dropout make (tests/ops/test_noise_signal.py compares the noise
statistics of multiplicative_noise and shot_noise; tests/ops/test_optical.py the maps and border
areas of optical_distortion).
Known differences, reported as notes where they apply: ColorJitter's hue (albumentations turns
uint8 hues in OpenCV's 180 steps of 2 degrees, augview in 256 steps, nearer torchvision's float
rotation: on the bundled photos, hue shifts from -0.4 to 0.45 differ by up to 9 grey levels, by
more than 2 levels on 0.5-17% of pixels, most at shifts below one 2-degree step, which
albumentations rounds to 0 or 2 degrees); brightness_contrast's ``mean`` pivot
becomes ColorJitter's contrast then RandomBrightnessContrast's brightness (clipped in between),
``mid_grey`` scales around 0; Erasing draws its aspect ratio uniformly, not log-uniformly;
shearing along both axes at once; RandomRain's slant is a shift in pixels, not the angle its
documentation (and augview) says. Not noted: crops larger than the image (augview clamps,
albumentations raises), crops by a fraction (CropAndPad truncates each side's share to whole
pixels, augview rounds the crop's side: sizes may differ by a pixel or two), Affine rounds shifts to whole pixels, PIL-mode equalize, JPEG of RGB
(albumentations encodes the channels as BGR), GridDistortion's maps (albumentations resamples
even at zero distortion), OpticalDistortion's camera maps (they read half a pixel right and down
of augview's, so even k = 0 resamples), ChannelDropout refusing greyscale images (augview leaves
them unchanged), RandomFog, RandomRain and RandomSunFlare refusing them too (augview takes them),
the weather ops' shapes (RandomShadow joins its corners in drawn order, so edges may cross;
RandomSunFlare's glow is a staircase of rings and its circles' sizes grow with the cube of the
image height; see `augview.ops.photometric.weather`) and different random fields for the ops that draw
per-pixel noise or displacement, fog particles or rain drops.
"""

from __future__ import annotations

import copy
from typing import Callable

from augview.ops.common import BORDERS, INTERPOLATIONS
from augview.ops.geometric.resize_crops import size_choices
from augview.pipeline.choice import child_weights, live_children, some_of_counts
from augview.pipeline.pipeline import Pipeline
from augview.pipeline.nodes import Node, Step
from augview.interop.albumentations_ops import EXPORTERS, Unsupported, transform
from augview.interop.albumentations_targets import compose_params, moves_targets, with_target_args
from augview.interop.notes import APPROXIMATE, DISABLED, LEFT_OUT, Note, Unexportable
from augview.targets.settings import TargetSettings
from augview.text import tr

FORMAT_VERSION = "2.0.8"  # the albumentations whose serialisation this writes (any 2.x reads it)
BORDER_NAMES = {code: name for name, code in BORDERS.items()}  # OpenCV flag -> augview's name
INTERP_NAMES = {code: name for name, code in INTERPOLATIONS.items()}
INTERP_NAMES.update({5: "linear", 6: "nearest"})  # INTER_LINEAR_EXACT, INTER_NEAREST_EXACT
UNFORCED = ("SomeOf", "RandomOrder")  # compositions that roll their own p even when OneOf picks them


def albumentations_version() -> str:
    """The installed albumentations' version, without importing it (slow, and it may phone home)."""
    try:
        from importlib.metadata import version

        installed = version("albumentations")
    except Exception:
        return FORMAT_VERSION
    return installed if installed.startswith("2.") else FORMAT_VERSION


LEARNED_POLICIES = ("auto_augment", "rand_augment", "trivial_augment_wide", "augmix")  # torchvision's


def _empty() -> dict:
    # Stands in for a left-out child of OneOf/SomeOf, so the other children keep their odds.
    return transform("Sequential", 1.0, transforms=[])


def _label(node: Node) -> str:
    return node.op if isinstance(node, Step) else tr("group {kind}").format(kind=node.kind)


def export_nodes(nodes: list[Node], where: str, notes: list, missing: list, keep_slots=False,
                 targets: TargetSettings | None = None) -> list:
    out = []
    for index, node in enumerate(nodes):
        loc = f"{where}[{index}] ({_label(node)})"
        if not node.enabled:
            notes.append(Note(loc, DISABLED, tr("disabled; left out")))
            continue
        item = export_node(node, f"{where}[{index}]", loc, notes, missing, targets)
        if item is not None:
            out.append(item)
        elif keep_slots:
            out.append(_empty())
    return out


def export_node(node: Node, where: str, loc: str, notes: list, missing: list,
                targets: TargetSettings | None = None) -> dict | None:
    """One transform, or None (noted in ``missing``); ``targets``: the preset's target settings."""
    if isinstance(node, Step):
        exporter = EXPORTERS.get(node.op)
        if exporter is None:
            missing.append(Note(loc, LEFT_OUT, (
                tr("learned/random policies have no albumentations counterpart (they are torchvision's)")
                if node.op in LEARNED_POLICIES else tr("no albumentations counterpart"))))
            return None
        try:
            name, args = exporter(node.params, lambda text: notes.append(
                Note(loc, APPROXIMATE, tr("approximate: {text}").format(text=text))))
        except Unsupported as exc:
            missing.append(Note(loc, LEFT_OUT, str(exc)))
            return None
        if targets is not None:
            args = with_target_args(name, args, node.params, targets)
        return transform(name, node.p, **args)
    children = export_nodes(node.steps, f"{where}.steps", notes, missing, keep_slots=node.kind != "sequence",
                            targets=targets)
    if node.kind == "sequence":
        return transform("Sequential", node.p, transforms=children)
    if node.kind == "random_order":
        return transform("RandomOrder", node.p, transforms=children, n=len(children), replace=False)
    if node.kind == "one_of":
        weights = child_weights(node, live_children(node))
        top = max(weights, default=0.0)
        weights = [w / top for w in weights] if top > 0 else [1.0] * len(weights)
        options = []
        for weight, item in zip(weights, children):
            # OneOf forces the chosen child, so a child's own p goes inside a Sequential; SomeOf
            # and RandomOrder ignore the force and would roll their p (the weight) again.
            if item["p"] < 1.0 or item["__class_fullname__"] in UNFORCED:
                options.append(transform("Sequential", weight, transforms=[item]))
            else:
                options.append({**item, "p": weight})
        return transform("OneOf", node.p, transforms=options)
    # some_of: the count is uniform over n (capped at the number of children): one SomeOf per count
    counts = some_of_counts(node, len(children))
    if len(counts) == 1:
        return transform("SomeOf", node.p, transforms=children, n=next(iter(counts)), replace=False)
    top = max(counts.values())
    options = [transform("Sequential", times / top, transforms=[
        transform("SomeOf", 1.0, transforms=copy.deepcopy(children), n=k, replace=False)])
        for k, times in sorted(counts.items())]
    return transform("OneOf", node.p, transforms=options)


def to_albumentations(pipeline: Pipeline, skip_unsupported: bool = False, *, box_format: str = "pascal_voc",
                      label_fields=(), keypoint_format: str = "xy",
                      keypoint_label_fields=()) -> tuple[dict, list[Note]]:
    """The albumentations pipeline of ``pipeline`` as the dict ``A.from_dict`` takes (write it with
    ``json.dump`` and ``A.load(path)`` reads it), and its notes (`augview.interop.notes.Note`):
    steps left out, settings only approximated. Raises `Unexportable` listing every step without
    a counterpart, unless ``skip_unsupported``, which leaves them out (their notes come first).
    When a transform moves targets, the Compose has ``bbox_params`` (boxes in ``box_format``, with
    ``label_fields``) and ``keypoint_params`` (``xy`` or ``xyas``) for the preset's targets: see
    `augview.interop.albumentations_targets`. ValueError on a format or name albumentations refuses."""
    targets = pipeline.targets
    params = compose_params(targets, box_format, label_fields, keypoint_format, keypoint_label_fields)
    notes: list[Note] = []
    missing: list[Note] = []
    transforms = export_nodes(pipeline.steps, "steps", notes, missing, targets=targets)
    if missing and not skip_unsupported:
        raise Unexportable("albumentations", missing)
    # The training tail (Normalize, ToFloat, ToTensorV2) comes back last, as the user wrote it.
    transforms += [{"__class_fullname__": entry["transform"], **entry["args"]}
                   for entry in getattr(pipeline, "training_tail", [])]
    data = {
        "__version__": albumentations_version(),
        "transform": {
            "__class_fullname__": "Compose", "p": 1.0, "transforms": transforms,
            **(params if moves_targets(transforms) else {"bbox_params": None, "keypoint_params": None}),
            "additional_targets": {}, "is_check_shapes": True,
        },
        # Ignored by albumentations (it reads only "transform"); lets an import restore the header,
        # and the target settings no transform of this pipeline states (a mask fill with no warp).
        "augview": {"name": pipeline.name, "description": pipeline.description, "seed": pipeline.seed,
                    "targets": targets.to_dict()},
    }
    return data, missing + notes
