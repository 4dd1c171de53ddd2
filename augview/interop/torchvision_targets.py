"""Boxes and masks in the torchvision export (`augview.interop.torchvision`).

torchvision's transforms v2 move boxes and masks when they come wrapped as ``tv_tensors``
(``BoundingBoxes``, ``Mask``) beside the image. When a preset has target settings (any that differ
from the defaults, or a step that looks at boxes), the generated code:

- fills new border area of masks with ``mask_fill``: a warp's ``fill`` becomes
  ``{tv_tensors.Image: fill, tv_tensors.Mask: mask_fill}`` where the two differ (a plain number
  fills both);
- ends the augmentations with ``v2.ClampBoundingBoxes()`` and ``v2.SanitizeBoundingBoxes(...)``
  when boxes have rules (``min_area``, ``min_width``/``min_height`` as ``min_size``): torchvision
  clamps and filters once, at the end, and drops boxes under 1 px a side, where augview judges
  each box after every geometric step; ``min_visibility`` and the ``ellipse`` box method have no
  counterpart (noted);
- says in its docstring how to call it with boxes, labels and masks.

torchvision's AutoAugment, RandAugment, TrivialAugmentWide and AugMix refuse boxes and masks
(TypeError): with targets they are left out (`refusal`), so the code runs. Its RandomErasing
leaves masks as they are: noted.
"""

from __future__ import annotations

from dataclasses import dataclass

from augview.core.registry import CATALOG
from augview.interop.notes import APPROXIMATE, IGNORED, Note
from augview.pipeline.nodes import Step
from augview.targets.settings import TargetSettings
from augview.text import tr

DEFAULTS = TargetSettings()
_BOX_RULES = ("min_area", "min_visibility", "min_width", "min_height")


@dataclass(frozen=True)
class TargetPlan:
    """What the code does for targets: ``boxes`` (clamp and sanitize at the end), ``masks`` (fill
    masks apart from images); ``settings`` the preset's."""

    settings: TargetSettings
    boxes: bool
    masks: bool


def _steps(nodes):
    for node in nodes:
        if not node.enabled:
            continue
        if isinstance(node, Step):
            yield node
        else:
            yield from _steps(node.steps)


def plan_for(pipeline) -> TargetPlan | None:
    """The plan for ``pipeline``, or None when its targets settings are the defaults and no step
    looks at boxes (a classification preset: the code stays for images)."""
    settings = getattr(pipeline, "targets", DEFAULTS)
    steps = list(_steps(pipeline.steps))
    box_steps = any(CATALOG[s.op].uses_boxes for s in steps if s.op in CATALOG)
    holes = any(s.params.get("holes_in_mask") for s in steps)
    if settings == DEFAULTS and not box_steps and not holes:
        return None
    boxes = box_steps or any(getattr(settings, k) for k in _BOX_RULES) or settings.box_method != DEFAULTS.box_method
    return TargetPlan(settings, boxes, True)


def fill_source(fill, plan: TargetPlan | None, uses: set) -> str:
    """A warp's ``fill`` argument: the image's grey level, and the mask fill where they differ."""
    if plan is None or fill == plan.settings.mask_fill:
        return str(fill)
    uses.add("tv_tensors")
    return f"{{tv_tensors.Image: {fill}, tv_tensors.Mask: {plan.settings.mask_fill}}}"


def _number(value: float) -> str:
    return repr(int(value)) + ".0" if float(value).is_integer() else repr(round(float(value), 6))


def _approximate(text: str) -> Note:
    return Note("targets", APPROXIMATE, tr("approximate: {text}").format(text=text))


def closing_entries(plan: TargetPlan | None, notes: list) -> list[str]:
    """ClampBoundingBoxes and SanitizeBoundingBoxes for the box rules, with notes for what they
    cannot do."""
    if plan is None or not plan.boxes:
        return []
    s = plan.settings
    size = max(1.0, s.min_width, s.min_height)
    args = [f"min_size={_number(size)}"]
    if s.min_area > 1:
        args.append(f"min_area={_number(s.min_area)}")
    notes.append(_approximate(tr("SanitizeBoundingBoxes judges the boxes once, at the end, and drops those under "
                                 "1 px a side; augview judges each box after every geometric step")))
    if s.min_width != s.min_height:
        notes.append(_approximate(tr("min_width {width} and min_height {height}: torchvision's min_size is one limit "
                                     "for both sides, used {size}").format(
            width=f"{s.min_width:g}", height=f"{s.min_height:g}", size=f"{size:g}")))
    if s.min_visibility > 0:
        notes.append(Note("targets", IGNORED, tr("min_visibility {value} has no torchvision counterpart; "
                                                 "left out").format(value=f"{s.min_visibility:g}")))
    if s.box_method == "ellipse":
        notes.append(_approximate(tr("box_method 'ellipse': torchvision encloses the moved corners of a rotated box "
                                     "(largest_box)")))
    return ["v2.ClampBoundingBoxes()", f"v2.SanitizeBoundingBoxes({', '.join(args)})"]


POLICIES = ("auto_augment", "rand_augment", "trivial_augment_wide", "augmix")


def refusal(op: str, plan: TargetPlan | None) -> str | None:
    """Why ``op`` cannot be exported with the targets, or None. torchvision's learned policies
    raise TypeError on boxes and masks, so the code would fail on its first call: the step is
    left out (or the export refused) instead, saying so."""
    if plan is None or op not in POLICIES:
        return None
    if plan.settings != DEFAULTS:
        return tr("torchvision's learned policies refuse boxes and masks (TypeError); export the preset without "
                  "target settings to keep this step")
    # Default settings: the code takes targets because a step looks at boxes or cuts holes in masks.
    return tr("torchvision's learned policies refuse boxes and masks (TypeError), which this preset's steps "
              "that use boxes or cut holes into masks make the code take")


def step_notes(op: str, params: dict, plan: TargetPlan | None, note) -> None:
    """What a torchvision transform does not do with targets, for one step."""
    if plan is None:
        return
    if op == "random_erasing" and params.get("holes_in_mask"):
        note(tr("holes_in_mask: torchvision's RandomErasing leaves masks as they are"))


def usage_lines(plan: TargetPlan | None) -> list[str]:
    """The docstring's part on calling the code with boxes and masks (fixed text and numbers)."""
    if plan is None:
        return []
    s = plan.settings
    lines = [
        "",
        f"Boxes and masks (the preset's targets: mask_fill {s.mask_fill}, min_area {s.min_area:g}, min_visibility "
        f"{s.min_visibility:g},",
        f"min_width {s.min_width:g}, min_height {s.min_height:g}, box_method {s.box_method}): pass them as "
        "torchvision tv_tensors beside",
        "the image; they move as the pixels do, and new border area of masks gets the label "
        f"{s.mask_fill}.",
        "",
        *(["    import torch"] if plan.boxes else []),
        "    from torchvision import tv_tensors",
        "",
    ]
    if plan.boxes:
        lines += [
            "    target = {",
            '        "boxes": tv_tensors.BoundingBoxes(xyxy, format="XYXY",  # (N, 4) pixels',
            "                                          canvas_size=(height, width)),",
            '        "masks": tv_tensors.Mask(masks),      # optional: (N, H, W), one per box',
            '        "labels": torch.as_tensor(labels),    # (N,)',
            "    }",
            "    image, target = transforms(image, target)",
            "",
            "SanitizeBoundingBoxes (the last step) drops small boxes with their labels and their per-box masks,",
            "and needs boxes in every call (an empty (0, 4) BoundingBoxes will do).",
            *(["Its min_area needs a torchvision recent enough to take it (older ones refuse the keyword)."]
              if s.min_area > 1 else []),
        ]
    else:
        lines += [
            "    image, mask = transforms(image, tv_tensors.Mask(label_map))   # (H, W) integer labels",
        ]
    return lines + [""]


def main_lines(plan: TargetPlan | None) -> list[str]:
    """The ``__main__`` demo on an image file: with boxes in play, one box around the middle of the
    image goes along (SanitizeBoundingBoxes needs boxes)."""
    if plan is None or not plan.boxes:
        return ['    out = transforms(Image.open(sys.argv[1]).convert("RGB"))',
                "    print(tuple(out.shape), out.dtype)"]
    return [
        "    import torch",
        "    from torchvision import tv_tensors",
        "",
        '    image = Image.open(sys.argv[1]).convert("RGB")',
        "    width, height = image.size",
        "    box = [[width / 4, height / 4, 3 * width / 4, 3 * height / 4]]",
        '    target = {"boxes": tv_tensors.BoundingBoxes(box, format="XYXY", canvas_size=(height, width)),',
        '              "labels": torch.tensor([1])}',
        "    out, target = transforms(image, target)",
        '    print(tuple(out.shape), out.dtype, target["boxes"].tolist(), target["labels"].tolist())',
    ]
