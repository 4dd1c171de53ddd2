"""augview preset -> runnable Python source building a ``torchvision.transforms.v2.Compose``.

The snippet starts with ``v2.ToImage()`` so every transform sees a uint8 tensor image (C, H, W)
whatever the input (PIL, numpy or tensor). Step probabilities become ``p=`` where the transform
has one, else ``v2.RandomApply([...], p)``. Groups: ``sequence`` -> ``Compose`` (``RandomApply``
when p < 1); ``one_of`` -> ``RandomChoice`` with the weights; ``random_order`` -> ``RandomOrder``;
``some_of`` -> a ``RandomChoice`` over every combination of its children (exact, spelled out while
there are at most 64 combinations). Integer ranges torchvision cannot draw (posterize bits,
solarize thresholds) become a ``RandomChoice`` over each value, which is exact; float ranges it
cannot draw (sharpness, noise sigma) over five evenly spaced values, which is noted.

Ops without a counterpart, and settings only approximated, become comments in the code and
notes in the returned list. Unit changes: torchvision's elastic alpha is in half-image units (2x
augview's pixel-scaled alpha); noise sigma and mean are fractions of 255.
"""

from __future__ import annotations

import itertools
import math

from augview.interop.albumentations_export import Unsupported
from augview.interop.notes import APPROXIMATE, DISABLED, LEFT_OUT, Note, Unexportable
from augview.interop.python_code import comment
from augview.interop.torchvision_ops import (
    BUILDERS, IDENTITY, MAX_COMBINATIONS, WITH_P, StepContext, choice_of, py_number, with_probability,
)
from augview.interop.torchvision_targets import (
    TargetPlan, closing_entries, main_lines, plan_for, refusal, step_notes, usage_lines,
)
from augview.pipeline.choice import child_weights, live_children, some_of_counts
from augview.pipeline.pipeline import Pipeline
from augview.pipeline.nodes import Group, Node, Step
from augview.text import tr


def _label(node: Node) -> str:
    return node.op if isinstance(node, Step) else f"group {node.kind}"


def _step(step: Step, ctx: StepContext, missing: list):
    builder = BUILDERS.get(step.op)
    try:
        if builder is None:
            raise Unsupported(tr("no torchvision counterpart"))
        reason = refusal(step.op, ctx.plan)
        if reason:
            raise Unsupported(reason)
        source, has_p = builder(step.params, ctx, step.p) if step.op in WITH_P else builder(step.params, ctx)
    except Unsupported as exc:
        missing.append(Note(ctx.where, LEFT_OUT, str(exc)))
        return None
    step_notes(step.op, step.params, ctx.plan, ctx.note)
    return source if has_p else with_probability(source, step.p)


def _entries(nodes: list, where: str, notes: list, missing: list, uses: set, keep_slots: bool = False,
             plan: TargetPlan | None = None) -> list:
    """The entries of ``nodes`` in order, with ``("note", text)`` comments where a node is
    disabled or has no counterpart; with ``keep_slots``, a node left out keeps its place as
    IDENTITY (a choice's odds stay those of the preset)."""
    out = []
    for index, node in enumerate(nodes):
        loc = f"{where}[{index}] ({_label(node)})"
        if not node.enabled:
            notes.append(Note(loc, DISABLED, tr("disabled; left out")))
            out.append(("note", tr("{where}: disabled in the preset").format(where=loc)))
            continue
        before = len(missing)
        entry = _node(node, f"{where}[{index}]", loc, notes, missing, uses, plan)
        out += [("note", tr("not exported: {where}: {text}").format(where=n.where, text=n.text))
                for n in missing[before:] if n.where == loc]
        if entry is not None:
            out.append(entry)
        elif keep_slots:
            out.append(IDENTITY)  # keeps the other children's odds
    return out


def _live(entries: list) -> list:
    return [e for e in entries if not (isinstance(e, tuple) and e[0] == "note")]


def _node(node: Node, where: str, loc: str, notes: list, missing: list, uses: set, plan=None):
    if isinstance(node, Step):
        return _step(node, StepContext(loc, notes, uses, plan), missing)
    slots = node.kind != "sequence"
    entries = _entries(node.steps, f"{where}.steps", notes, missing, uses, keep_slots=slots, plan=plan)
    live = _live(entries)
    comments = [e for e in entries if e not in live]
    if node.kind == "sequence":
        return with_probability(("call", "v2.Compose(", entries if live else entries + [IDENTITY], ""), node.p)
    if node.kind == "random_order":
        entry = ("call", "v2.RandomOrder(", live, "") if live else IDENTITY
    elif node.kind == "one_of":
        weights = child_weights(node, live_children(node)) if node.weights else None
        if weights and (len(set(weights)) == 1 or sum(weights) <= 0):
            weights = None
        entry = choice_of(live, weights)
    else:
        entry = _some_of(node, live, loc, missing)
        if entry is None:
            return None
    if comments:  # the notes of children left out go first inside the container
        entry = ("call", entry[1], comments + entry[2], entry[3]) if isinstance(entry, tuple) else (
            "call", "v2.Compose(", comments + [entry], "")
    return with_probability(entry, node.p)


def _some_of(group: Group, live: list, loc: str, missing: list):
    """Every combination of k children, for each count k the group can draw (capped at the number
    of children), weighted like augview's uniform count: exact, while it stays small."""
    counts = some_of_counts(group, len(live))
    total = sum(math.comb(len(live), k) for k in counts)
    if total > MAX_COMBINATIONS:
        missing.append(Note(loc, LEFT_OUT, tr("{total} combinations of children are too many to spell out "
                                              "(at most {max})").format(total=total, max=MAX_COMBINATIONS)))
        return None
    per_count = []
    for k in sorted(counts):
        combos = [IDENTITY if not c else c[0] if len(c) == 1 else ("call", "v2.Compose(", list(c), "")
                  for c in itertools.combinations(live, k)]
        per_count.append(choice_of(combos) if combos else IDENTITY)
    weights = [counts[k] for k in sorted(counts)]
    return choice_of(per_count, None if len(set(weights)) == 1 else weights)


def _render(entry, level: int) -> list[str]:
    pad = "    " * level
    if isinstance(entry, str):
        return [pad + entry + ","]
    if entry[0] == "note":
        return [pad + "# " + comment(entry[1])]
    _, head, children, tail = entry
    lines = [pad + head + "["]
    for child in children:
        lines += _render(child, level + 1)
    return lines + [pad + "]" + tail + "),"]


def _tail(pipeline: Pipeline, notes: list, uses: set) -> list:
    """The preset's training tail (albumentations' Normalize, ToFloat, ToTensorV2) in torchvision:
    a float image in [0, 1], then the normalisation; the tensor itself comes from v2.ToImage."""
    out = []
    for index, entry in enumerate(pipeline.training_tail):
        name, args = entry["transform"], entry["args"]
        where = f"training_tail[{index}] ({name})"
        if args.get("p", 1.0) < 1.0:
            notes.append(Note(where, APPROXIMATE, tr("approximate: p below 1 ignored: torchvision normalises every "
                                                     "image")))
        if name == "ToTensorV2":
            out.append(("note", tr("{where}: v2.ToImage() above already gives a (C, H, W) tensor").format(where=where)))
            continue
        uses.add("torch")
        if name == "ToFloat":
            if args.get("max_value") not in (None, 255.0):
                notes.append(Note(where, APPROXIMATE, tr("approximate: max_value {value}: torchvision scales uint8 by "
                                                         "255").format(value=args.get("max_value"))))
            out.append("v2.ToDtype(torch.float32, scale=True)")
            continue
        mean, std = args.get("mean", (0.485, 0.456, 0.406)), args.get("std", (0.229, 0.224, 0.225))
        scale = args.get("max_pixel_value", 255.0) or 255.0
        if args.get("normalization", "standard") != "standard":
            notes.append(Note(where, LEFT_OUT, tr("normalization '{kind}' (from the image's own statistics) has no "
                                                  "torchvision counterpart").format(kind=args["normalization"])))
            continue
        # albumentations: (x / max_pixel_value - mean) / std; torchvision scales uint8 by 255 first
        factor = 255.0 / scale
        mean = [m / factor for m in (list(mean) if isinstance(mean, (list, tuple)) else [mean])]
        std = [s / factor for s in (list(std) if isinstance(std, (list, tuple)) else [std])]
        if not any(e == "v2.ToDtype(torch.float32, scale=True)" for e in out):
            out.append("v2.ToDtype(torch.float32, scale=True)")
        out.append(f"v2.Normalize(mean=[{', '.join(py_number(m) for m in mean)}], std=[{', '.join(py_number(s) for s in std)}])")
    return out


def to_torchvision_code(pipeline: Pipeline, skip_unsupported: bool = False) -> tuple[str, list[Note]]:
    """Python source that builds ``transforms = v2.Compose([...])`` for ``pipeline``, and its notes
    (`augview.interop.notes.Note`): approximations, and the steps left out. Raises `Unexportable`
    listing every step without a counterpart, unless ``skip_unsupported``, which leaves them out
    (written as comments where they would be; their notes come first)."""
    notes: list[Note] = []
    missing: list[Note] = []
    uses: set[str] = set()
    plan = plan_for(pipeline)
    entries = _entries(pipeline.steps, "steps", notes, missing, uses, plan=plan)
    if missing and not skip_unsupported:
        raise Unexportable("torchvision", missing)
    body = ["transforms = v2.Compose(["]
    body.append("    v2.ToImage(),  # PIL image, numpy (H, W, C) or tensor -> uint8 tensor image (C, H, W)")
    for entry in entries + closing_entries(plan, notes) + _tail(pipeline, notes, uses):
        body += _render(entry, 1)
    body.append("])")
    names = sorted(uses - {"torch", "tv_tensors"})
    imports = (["import torch"] if "torch" in uses else []) + (
        ["from torchvision import tv_tensors"] if "tv_tensors" in uses else []) + (
        [f"from torchvision.transforms import {', '.join(names)}"] if names else []) + [
        "from torchvision.transforms import v2"]
    approximated = sum(note.kind == APPROXIMATE for note in notes)
    summary = (f"{len(missing)} step(s) have no torchvision counterpart (see the comments). "
               if missing else "") + (f"{approximated} setting(s) are approximated." if approximated else "")
    code = "\n".join([
        '"""torchvision version of an augview preset, generated by `augview export --to torchvision`.',
        "",
        "Needs torchvision >= 0.20 (transforms v2). Input: a PIL image, a numpy (H, W, C) uint8 array or a",
        "uint8 tensor; output: a uint8 tv_tensors.Image (C, H, W). For training, append for instance",
        "v2.ToDtype(torch.float32, scale=True) and v2.Normalize(mean, std).",
        *usage_lines(plan),
        *([summary.strip()] if summary else []),
        '"""',
        f"# Preset: {pipeline.name!r}",  # the user's text: a literal in a comment, never code
        *imports,
        "",
        *body,
        "",
        "",
        'if __name__ == "__main__":  # python transforms.py image.jpg',
        "    import sys",
        "",
        "    from PIL import Image",
        "",
        *main_lines(plan),
        "",
    ])
    return code, missing + notes
