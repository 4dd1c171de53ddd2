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
from augview.interop.torchvision_targets import (
    TargetPlan, closing_entries, fill_source, main_lines, plan_for, refusal, step_notes, usage_lines,
)
from augview.ops.photometric.blur import gaussian_ksize
from augview.ops.geometric.resize_crops import size_choices
from augview.pipeline.choice import child_weights, live_children, some_of_counts
from augview.pipeline.pipeline import Pipeline
from augview.pipeline.nodes import Group, Node, Step
from augview.text import tr

MAX_COMBINATIONS = 64
_MODES = {"nearest": "NEAREST", "linear": "BILINEAR", "cubic": "BICUBIC", "area": "BILINEAR", "lanczos": "BICUBIC"}
_PAD_MODES = {"constant": "constant", "replicate": "edge", "reflect_101": "reflect", "reflect": "symmetric"}


def _n(value) -> str:
    """A number as Python source: ints stay ints, floats keep a decimal point."""
    if isinstance(value, bool) or isinstance(value, int):
        return repr(value)
    value = float(value)
    return repr(int(value)) + ".0" if value.is_integer() else repr(round(value, 10))


def _t(pair) -> str:
    return f"({_n(pair[0])}, {_n(pair[1])})"


def _range_or_value(pair) -> str:
    return _n(pair[0]) if pair[0] == pair[1] else _t(pair)


class _Ctx:
    """What a step builder may use: its notes, the names the snippet must import, and what the
    preset's target settings ask of it (`augview.interop.torchvision_targets`)."""

    def __init__(self, where: str, notes: list, uses: set, plan: TargetPlan | None = None):
        self.where, self.notes, self.uses, self.plan = where, notes, uses, plan

    def fill(self, value) -> str:
        return fill_source(value, self.plan, self.uses)

    def note(self, text: str) -> None:
        self.notes.append(Note(self.where, APPROXIMATE, tr("approximate: {text}").format(text=text)))

    def mode(self, name: str, resize: bool = False) -> str:
        if name in ("area", "lanczos"):
            self.note((tr("interpolation '{name}' has no torchvision tensor counterpart; used {used} with "
                          "antialiasing") if resize else
                       tr("interpolation '{name}' has no torchvision tensor counterpart; used {used}")).format(
                name=name, used=_MODES[name].lower()))
        self.uses.add("InterpolationMode")
        return f"InterpolationMode.{_MODES[name]}"

    def constant_border(self, p: dict) -> None:
        if p["border_mode"] != "constant":
            self.note(tr("border_mode '{mode}': torchvision fills the uncovered area with a constant").format(
                mode=p["border_mode"]))


# A leaf is source text; ("call", head, entries, tail) a container over entries; ("note", text) a comment.
# torchvision refuses an empty container (Compose, RandomApply, RandomChoice, RandomOrder: "Pass at
# least one transform"), so every slot that does nothing holds IDENTITY.
IDENTITY = "v2.Identity()"


def _apply(entry, p: float):
    return entry if p >= 1.0 else ("call", "v2.RandomApply(", [entry], f", p={_n(p)}")


def _choice(entries: list, weights=None):
    if not entries:
        return IDENTITY
    if len(entries) == 1:
        return entries[0]
    tail = f", p=[{', '.join(_n(w) for w in weights)}]" if weights else ""
    return ("call", "v2.RandomChoice(", entries, tail)


def _values(low, high, integer: bool, ctx: _Ctx, what: str) -> list:
    if low == high:
        return [low]
    if integer:
        if high - low + 1 > MAX_COMBINATIONS:
            raise Unsupported(tr("a {what} range of {count} values is too wide to spell out").format(
                what=what, count=high - low + 1))
        return list(range(int(low), int(high) + 1))
    ctx.note((tr("sigma drawn from 5 evenly spaced values of {range} (torchvision takes one value)")
              if what == "sigma" else
              tr("sharpness factor drawn from 5 evenly spaced values of {range} (torchvision takes one value)")
              ).format(range=f"[{_n(low)}, {_n(high)}]"))
    return [round(low + (high - low) * i / 4, 6) for i in range(5)]


def _noise(p, ctx):
    if not p["per_channel"]:
        ctx.note(tr("per_channel off: torchvision's noise is independent in every channel"))
    ctx.uses.add("torch")
    low, high = p["std_limit"]
    options = [f"v2.GaussianNoise(mean={_n(round(p['mean'] / 255, 6))}, sigma={_n(round(s / 255, 6))}, clip=True)"
               for s in _values(low, high, False, ctx, "sigma")]
    # GaussianNoise wants float images in [0, 1] before torchvision 0.23: convert around it.
    return ("call", "v2.Compose(", ["v2.ToDtype(torch.float32, scale=True)", _choice(options),
                                    "v2.ToDtype(torch.uint8, scale=True)"], ""), False


def _multiplicative_noise(p, ctx):
    if p["elementwise"] or p["per_channel"]:
        raise Unsupported(tr("a factor per pixel or per channel has no torchvision counterpart (one factor "
                             "for the whole image is ColorJitter's brightness)"))
    # One factor for the image: exactly a brightness factor drawn uniformly from the range.
    return f"v2.ColorJitter(brightness={_t(p['multiplier_limit'])})", False


def _affine(p, ctx):
    translate = []
    for key in ("translate_x", "translate_y"):
        low, high = p[key]
        if low != -high:
            ctx.note(tr("{key} {range}: torchvision shifts symmetrically, used +-{used}").format(
                key=key, range=f"[{_n(low)}, {_n(high)}]", used=_n(max(-low, high))))
        translate.append(max(-low, high, 0.0))
    shears = (*p["shear_x"], *p["shear_y"])
    if any(shears) and p["rotate"] != (0.0, 0.0):
        ctx.note(tr("shear with rotation: torchvision shears before rotating, augview after"))
    ctx.constant_border(p)
    args = [f"degrees={_t(p['rotate'])}",
            f"translate={_t(translate)}" if any(translate) else "translate=None",
            f"scale={_t(p['scale'])}",
            f"shear=({', '.join(_n(v) for v in shears)})" if any(shears) else "shear=None",
            f"interpolation={ctx.mode(p['interpolation'])}", f"fill={ctx.fill(p['fill'])}"]
    return f"v2.RandomAffine({', '.join(args)})", False


def _perspective(p, ctx, prob):
    # Matching mean corner shifts: half-normal(sigma) averages 0.8 sigma, torchvision's uniform
    # jitter distortion_scale / 4 of the side.
    scale = min(1.0, round(3.19 * (p["scale"][0] + p["scale"][1]) / 2, 3))
    ctx.note(tr("corner jitter: torchvision draws it uniformly; distortion_scale {scale} matches the mean").format(
        scale=_n(scale)))
    if not p["keep_size"] or p["fit_output"]:
        ctx.note(tr("keep_size off / fit_output: torchvision keeps the input size and crops"))
    ctx.constant_border(p)
    return (f"v2.RandomPerspective(distortion_scale={_n(scale)}, p={_n(prob)}, "
            f"interpolation={ctx.mode(p['interpolation'])}, fill={ctx.fill(p['fill'])})"), True


def _pad(p, ctx):
    if p["pad_mode"] != "pixels":
        raise Unsupported(tr("pad_mode '{mode}' pads up to a size that depends on the image").format(
            mode=p["pad_mode"]))
    if p["border_mode"] not in _PAD_MODES:
        raise Unsupported(tr("border_mode '{mode}' has no torchvision padding mode").format(mode=p["border_mode"]))
    n = p["pixels"]
    padding = {"center": str(n), "top_left": f"[0, 0, {2 * n}, {2 * n}]"}.get(p["position"])
    if padding is None:
        raise Unsupported(tr("position 'random' has no torchvision counterpart"))
    mode = _PAD_MODES[p["border_mode"]]
    return f"v2.Pad(padding={padding}, fill={ctx.fill(p['fill'])}, padding_mode={mode!r})", False


def _brightness_contrast(p, ctx):
    (b0, b1), (c0, c1) = p["brightness_limit"], p["contrast_limit"]
    ctx.note(tr("brightness: torchvision multiplies (factor 1 + 2 * limit gives the same shift at mid-grey), "
                "augview adds a fraction of 255"))
    if p["contrast_pivot"] != "mean":
        ctx.note(tr("contrast pivot '{pivot}': torchvision scales around the mean grey").format(
            pivot=p["contrast_pivot"]))
    return (f"v2.ColorJitter(brightness={_t((max(0.0, 1 + 2 * b0), max(0.0, 1 + 2 * b1)))}, "
            f"contrast={_t((1 + c0, 1 + c1))})"), False


def _posterize(p, ctx, prob):
    options = [f"v2.RandomPosterize(bits={b}, p=1.0)" for b in _values(*p["num_bits"], True, ctx, "bits")]
    if len(options) == 1:
        return options[0].replace("p=1.0", f"p={_n(prob)}"), True
    return _choice(options), False


def _solarize(p, ctx, prob):
    options = [f"v2.RandomSolarize(threshold={t}, p=1.0)" if t < 256 else IDENTITY  # 256: no change
               for t in _values(*p["threshold_limit"], True, ctx, "threshold")]
    if len(options) == 1 and options[0].startswith("v2.RandomSolarize"):
        return options[0].replace("p=1.0", f"p={_n(prob)}"), True
    return _choice(options), False


def _sharpness(p, ctx, prob):
    options = [f"v2.RandomAdjustSharpness(sharpness_factor={_n(f)}, p=1.0)"
               for f in _values(*p["factor_limit"], False, ctx, "sharpness factor")]
    if len(options) == 1:
        return options[0].replace("p=1.0", f"p={_n(prob)}"), True
    return _choice(options), False


def _gaussian_blur(p, ctx):
    low, high = p["sigma_limit"]
    if high <= 0:
        raise Unsupported(tr("sigma 0 changes nothing"))
    if low <= 0:
        ctx.note(tr("sigma 0 (no blur) becomes 0.01: torchvision needs a positive sigma"))
    return f"v2.GaussianBlur(kernel_size={gaussian_ksize(high)}, sigma={_t((max(low, 0.01), high))})", False


def _crop(name):
    def build(p, ctx):
        if p["size_mode"] != "pixels":
            raise Unsupported(tr("size_mode 'fraction' (a crop relative to the image) has no torchvision "
                                 "counterpart"))
        return f"v2.{name}(size=({p['height']}, {p['width']}))", False
    return build


def _max_size(longest: bool):
    def build(p, ctx):
        sizes = size_choices(p)
        if len(sizes) > MAX_COMBINATIONS:
            raise Unsupported(tr("{n} side lengths are too many to spell out (at most {most})").format(
                n=len(sizes), most=MAX_COMBINATIONS))
        ctx.note(tr("torchvision truncates the other side's length where augview rounds it (at most a pixel "
                    "shorter)"))
        mode = ctx.mode(p["interpolation"], True)
        target = "size=None, max_size={size}" if longest else "size={size}"
        options = [f"v2.Resize({target.format(size=size)}, interpolation={mode}, antialias=True)" for size in sizes]
        return _choice(options), False
    return build


def _policy(name, keys):
    def build(p, ctx):
        args = [f"{k}={_n(p[k]) if not isinstance(p[k], bool) else p[k]}" for k in keys]
        if "policy" in p:
            ctx.uses.add("AutoAugmentPolicy")
            args.insert(0, f"policy=AutoAugmentPolicy.{p['policy'].upper()}")
        args += [f"interpolation={ctx.mode(p['interpolation'])}", f"fill={p['fill']}"]
        return f"v2.{name}({', '.join(args)})", False
    return build


def _flag(name):
    return lambda p, ctx, prob: (f"v2.{name}(p={_n(prob)})", True)


# op -> builder(params, ctx[, p]) -> (source or entry, whether it already holds the step's p)
BUILDERS = {
    "horizontal_flip": _flag("RandomHorizontalFlip"),
    "vertical_flip": _flag("RandomVerticalFlip"),
    "rotate": lambda p, ctx: (ctx.constant_border(p) or f"v2.RandomRotation(degrees={_t(p['limit'])}, "
                              f"interpolation={ctx.mode(p['interpolation'])}, fill={ctx.fill(p['fill'])})", False),
    "affine": _affine,
    "perspective": _perspective,
    "elastic": lambda p, ctx: (ctx.constant_border(p) or f"v2.ElasticTransform(alpha={_n(2 * p['alpha'])}, "
                               f"sigma={_n(p['sigma'])}, interpolation={ctx.mode(p['interpolation'])}, "
                               f"fill={ctx.fill(p['fill'])})", False),
    "random_crop": _crop("RandomCrop"),
    "center_crop": _crop("CenterCrop"),
    "random_resized_crop": lambda p, ctx: (
        f"v2.RandomResizedCrop(size=({p['height']}, {p['width']}), scale={_t(p['scale'])}, ratio={_t(p['ratio'])}, "
        f"interpolation={ctx.mode(p['interpolation'], True)}, antialias=True)", False),
    "resize": lambda p, ctx: (f"v2.Resize(size=({p['height']}, {p['width']}), "
                              f"interpolation={ctx.mode(p['interpolation'], True)}, antialias=True)", False),
    "pad": _pad,
    "longest_max_size": _max_size(True),
    "smallest_max_size": _max_size(False),
    "brightness_contrast": _brightness_contrast,
    "color_jitter": lambda p, ctx: ("v2.ColorJitter(" + ", ".join(
        f"{k}={_t(p[k])}" for k in ("brightness", "contrast", "saturation", "hue")) + ")", False),
    "channel_shuffle": lambda p, ctx: ("v2.RandomChannelPermutation()", False),
    "grayscale": _flag("RandomGrayscale"),
    "equalize": lambda p, ctx, prob: (
        (p["mode"] != "pil" or not p["by_channels"])
        and ctx.note(tr("torchvision equalizes each channel like PIL (mode 'pil', by_channels on)"))
        or f"v2.RandomEqualize(p={_n(prob)})", True),
    "autocontrast": lambda p, ctx, prob: (
        p["cutoff"] > 0 and ctx.note(tr("cutoff ignored: torchvision stretches from the darkest to the brightest pixel"))
        or f"v2.RandomAutocontrast(p={_n(prob)})", True),
    "posterize": _posterize,
    "solarize": _solarize,
    "invert": _flag("RandomInvert"),
    "sharpness": _sharpness,
    "gaussian_noise": _noise,
    "multiplicative_noise": _multiplicative_noise,
    "jpeg_compression": lambda p, ctx: (f"v2.JPEG(quality={_range_or_value(p['quality_limit'])})", False),
    "gaussian_blur": _gaussian_blur,
    "random_erasing": lambda p, ctx, prob: (
        p["fill_mode"] == "random" and ctx.note(tr("torchvision's 'random' fill draws N(0, 1) values, meant for "
                                                    "normalised float images (augview: uniform 0..255)"))
        or f"v2.RandomErasing(p={_n(prob)}, scale={_t(p['scale_limit'])}, ratio={_t(p['ratio_limit'])}, "
        f"value={repr('random') if p['fill_mode'] == 'random' else p['fill']})", True),
    "auto_augment": _policy("AutoAugment", ()),
    "rand_augment": _policy("RandAugment", ("num_ops", "magnitude", "num_magnitude_bins")),
    "trivial_augment_wide": _policy("TrivialAugmentWide", ("num_magnitude_bins",)),
    "augmix": _policy("AugMix", ("severity", "mixture_width", "chain_depth", "alpha", "all_ops")),
}
WITH_P = {"horizontal_flip", "vertical_flip", "perspective", "grayscale", "equalize", "autocontrast",
          "posterize", "solarize", "invert", "sharpness", "random_erasing"}


def _label(node: Node) -> str:
    return node.op if isinstance(node, Step) else f"group {node.kind}"


def _step(step: Step, ctx: _Ctx, missing: list):
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
    return source if has_p else _apply(source, step.p)


def _entries(nodes: list, where: str, notes: list, missing: list, uses: set, keep_slots: bool = False,
             plan: TargetPlan | None = None) -> list:
    """(entry or None per live node, comments); None marks a node with no counterpart."""
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
        return _step(node, _Ctx(loc, notes, uses, plan), missing)
    slots = node.kind != "sequence"
    entries = _entries(node.steps, f"{where}.steps", notes, missing, uses, keep_slots=slots, plan=plan)
    live = _live(entries)
    comments = [e for e in entries if e not in live]
    if node.kind == "sequence":
        return _apply(("call", "v2.Compose(", entries if live else entries + [IDENTITY], ""), node.p)
    if node.kind == "random_order":
        entry = ("call", "v2.RandomOrder(", live, "") if live else IDENTITY
    elif node.kind == "one_of":
        weights = child_weights(node, live_children(node)) if node.weights else None
        if weights and (len(set(weights)) == 1 or sum(weights) <= 0):
            weights = None
        entry = _choice(live, weights)
    else:
        entry = _some_of(node, live, loc, missing)
        if entry is None:
            return None
    if comments:  # the notes of children left out go first inside the container
        entry = ("call", entry[1], comments + entry[2], entry[3]) if isinstance(entry, tuple) else (
            "call", "v2.Compose(", comments + [entry], "")
    return _apply(entry, node.p)


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
        per_count.append(_choice(combos) if combos else IDENTITY)
    weights = [counts[k] for k in sorted(counts)]
    return _choice(per_count, None if len(set(weights)) == 1 else weights)


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
    for index, entry in enumerate(getattr(pipeline, "training_tail", [])):
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
        out.append(f"v2.Normalize(mean=[{', '.join(_n(m) for m in mean)}], std=[{', '.join(_n(s) for s in std)}])")
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
