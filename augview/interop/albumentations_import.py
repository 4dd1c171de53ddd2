"""albumentations pipeline (the dict of ``A.to_dict``, the JSON/YAML of ``A.save``, of any version
from 0.4 to 2.x) -> augview.

See `augview.interop.albumentations_export` for the mapping. A transform written for albumentations
0.x or 1.x is first put in its 2.x words (`augview.interop.albumentations_legacy`); every argument
is then read with albumentations' own default and its own meaning of a single number (``limit=30``
is ``(-30, 30)`` for Rotate but ``(30, 30)`` for Affine). Policy for what does not fit, all of it
returned as `Note`s with the transform's location, never silently dropped:

- a transform without a counterpart is left out (with the reason);
- an argument augview has no use for (when not at its neutral value) is ignored;
- a value outside augview's range is clamped to it;
- sizes in pixels (CoarseDropout's holes, Affine's translate_px, GridDropout's holes_number_xy)
  become fractions of the image size that an earlier Resize or crop fixes, or the step is left out;
- ``Normalize``, ``ToFloat`` and ``ToTensorV2`` at the top level become the preset's training tail
  (kept, exported back, never run);
- what the pipeline says about boxes, masks and keypoints (``bbox_params``, ``keypoint_params``,
  each transform's ``fill_mask`` and ``rotate_method``) becomes the preset's ``targets`` settings
  (`augview.interop.albumentations_targets`, which notes what has no place in a preset, such as the
  box format, label fields and ``additional_targets``); the Compose's own keys, and
  ``ReplayCompose``, are also kept as data in `Imported.targets`.

Data that is not an albumentations pipeline (no ``transform``, a transform that is not an object,
a ``p`` that is not a probability...), a pipeline too large or too deep, and a pipeline of which
nothing can be kept raise `PresetError`, listing every problem with its place.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from augview.interop.albumentations_readers_extra import EXTRA_IMPORTERS
from augview.core.registry import CATALOG
from augview.errors import PresetError
from augview.interop.albumentations_export import UNFORCED, Unsupported
from augview.interop.albumentations_legacy import modernize, version_of
from augview.interop.albumentations_args import NOT_AUGMENTATIONS, Args, Malformed, tidy
from augview.interop.albumentations_readers import IMPORTERS
from augview.interop.albumentations_targets import TargetReader
from augview.interop.notes import APPROXIMATE, CLAMPED, DEFAULT, IGNORED, KEPT, LEFT_OUT, Note
from augview.pipeline import presets
from augview.pipeline.nodes import Group, Node, Step
from augview.pipeline.pipeline import Pipeline
from augview.text import tr

# albumentations 2.x's default p where it is not 0.5 (crops and resizes always run)
P_DEFAULTS = {"Compose": 1.0, "ReplayCompose": 1.0, "SomeOf": 1.0, "RandomOrder": 1.0, "RandomRotate90": 1.0,
              "RandomCrop": 1.0, "CenterCrop": 1.0, "RandomResizedCrop": 1.0, "Resize": 1.0, "PadIfNeeded": 1.0,
              "Pad": 1.0, "LongestMaxSize": 1.0, "SmallestMaxSize": 1.0, "RandomSizedCrop": 1.0,
              "RandomCropFromBorders": 1.0, "Crop": 1.0, "CropAndPad": 1.0}
COMPOSITIONS = ("Compose", "ReplayCompose", "Sequential", "OneOf", "SomeOf", "RandomOrder", "OneOrOther")
TARGET_KEYS = ("bbox_params", "keypoint_params", "additional_targets")


@dataclass
class Imported:
    """An imported pipeline (its target settings in ``pipeline.targets``), what could not be carried
    over exactly (``notes``), and what the Compose said about its targets as albumentations wrote
    it, for what a preset does not hold (the box format, label fields, extra targets):
    ``{"bbox_params": {...}, "keypoint_params": {...}, "additional_targets": {...}, "replay":
    {"save_key": "replay"}}`` (only the keys the file had)."""

    pipeline: Pipeline
    notes: list[Note] = field(default_factory=list)
    targets: dict = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# Clamping into augview's ranges


def _clamp(spec, value):
    """``value`` moved inside ``spec``'s range (whole numbers rounded where the spec wants them)."""
    if spec.kind == "range":
        low, high = (_clamp_number(spec, v, spec.integer) for v in value)
        return (min(low, high), max(low, high))
    if spec.kind in ("float", "int"):
        return _clamp_number(spec, value, spec.kind == "int")
    return value


def _clamp_number(spec, value, integer: bool):
    value = min(max(float(value), spec.min), spec.max)
    return int(round(value)) if integer else value


def _fmt(value) -> str:
    def one(v):
        return str(int(v)) if float(v).is_integer() else f"{v:g}"
    return f"[{one(value[0])}, {one(value[1])}]" if isinstance(value, tuple) else one(value)


def _fit(op_name: str, params: dict, note) -> dict:
    op = CATALOG[op_name]
    out = {}
    for name, value in params.items():
        spec = op.spec(name)
        if spec.kind in ("range", "float", "int"):
            values = value if spec.kind == "range" else (value,)
            if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in values):
                raise Malformed(tr("{param} must be finite numbers, got {value}").format(
                    param=name, value=json.dumps(list(values))[:40]))
        fitted = _clamp(spec, value)
        if spec.kind in ("range", "float", "int"):
            wanted = tuple(float(v) for v in value) if spec.kind == "range" else float(value)
            got = tuple(float(v) for v in fitted) if spec.kind == "range" else float(fitted)
            if _off(wanted, got, spec):
                note(tr("{param} {value} is outside augview's range {min}..{max}; clamped to {clamped}").format(
                    param=f"{op_name}.{name}", value=_fmt(wanted), min=_fmt(spec.min), max=_fmt(spec.max),
                    clamped=_fmt(fitted if spec.kind != "range" else tuple(fitted))), CLAMPED)
        out[name] = fitted
    return out


def _off(wanted, got, spec) -> bool:
    # Rounding a value to the nearest whole number is not worth a note; leaving the range is.
    values = zip(wanted, got) if isinstance(wanted, tuple) else [(wanted, got)]
    return any(w < spec.min or w > spec.max or abs(w - g) > 0.5 for w, g in values)


# ---------------------------------------------------------------------------------------------
# Image size: pixel sizes become fractions of the size an earlier step fixes

_KEEP_SIZE_CATEGORIES = ("color", "noise", "blur", "quality", "dropout", "policy")
_KEEP_SIZE_OPS = {"horizontal_flip", "vertical_flip", "rotate", "affine", "elastic", "grid_distortion",
                  "optical_distortion"}


def _size_after(step: Step, size):
    """The image (height, width) after ``step`` when it is certain, else None."""
    op, params = step.op, step.params
    if step.p < 1 and op in ("resize", "random_resized_crop", "random_crop", "center_crop"):
        return None
    if op in ("resize", "random_resized_crop"):
        return (params["height"], params["width"])
    if op in ("random_crop", "center_crop") and params.get("size_mode") == "pixels":
        if size is not None:  # augview clamps a crop to the image (albumentations refuses a small one)
            return (min(size[0], params["height"]), min(size[1], params["width"]))
        return (params["height"], params["width"])
    if op == "perspective" and params.get("keep_size"):
        return size
    if op in ("transpose", "random_rotate90"):
        return size if size is not None and size[0] == size[1] else None
    category = CATALOG[op].category if op in CATALOG else None
    return size if category in _KEEP_SIZE_CATEGORIES or op in _KEEP_SIZE_OPS else None


# ---------------------------------------------------------------------------------------------
# Walking the tree


def _class_name(item: Any) -> str:
    if not isinstance(item, dict):
        raise Malformed(tr("must be an object with '__class_fullname__'"))
    name = item.get("__class_fullname__")
    if not isinstance(name, str) or not name:
        raise Malformed(tr("has no '__class_fullname__' (the transform's class name)"))
    return name.rsplit(".", 1)[-1]  # albumentations 0.x and 1.x wrote the module path too


def _probability(item: dict, default: float = 0.5) -> float:
    p = item.get("p", default)
    if isinstance(p, bool) or not isinstance(p, (int, float)) or not 0 <= p <= 1:
        raise Malformed(tr("p must be a probability between 0 and 1, got {value}").format(value=json.dumps(p)[:40]))
    return float(p)


class _TooLarge(Exception):
    """The pipeline passes a limit: the whole import stops with this sentence."""


class _Walk:
    def __init__(self, version: tuple[int, int] | None):
        self.version = version
        self.notes: list[Note] = []
        self.problems: list[tuple[str, str]] = []
        self.targets: dict = {}
        self.reader = TargetReader(self.note)
        self.tail: list[dict] = []
        self.count = 0
        self.size: tuple[int, int] | None = None  # the image size at the current step, when certain

    def note(self, where: str, kind: str, text: str) -> None:
        self.notes.append(Note(where, kind, text))

    def children(self, item: dict) -> list:
        items = item.get("transforms", [])
        if not isinstance(items, list):
            raise Malformed(tr("transforms must be a list"))
        return items

    def nodes(self, items: list, where: str, depth: int, top: bool = False) -> list[Node]:
        out = []
        for index, child in enumerate(items):
            at = f"{where}[{index}]"
            if top and _is_tail(child):
                self.keep_tail(child, at, after=items[index + 1:])
                continue
            node = self.node(child, at, depth)
            if node is not None:
                out.append(node)
        return out

    def node(self, item: Any, where: str, depth: int, forced: bool = False) -> Node | None:
        """The node for one transform, or None (reported) when it has no counterpart. ``forced``:
        the transform is the chosen child of a OneOf, which runs it whatever its p."""
        self.count += 1
        if self.count > presets.MAX_NODES:
            raise _TooLarge(tr("has more than {max} transforms, the most a preset may hold").format(
                max=presets.MAX_NODES))
        if depth > presets.MAX_DEPTH:
            raise _TooLarge(tr("nests compositions more than {max} deep, the most a preset may").format(
                max=presets.MAX_DEPTH))
        try:
            name = _class_name(item)
            if name not in COMPOSITIONS:
                name, item = modernize(name, item, self.version, self._noter(f"{where} ({name})"))
            default = P_DEFAULTS.get(name, 0.5)
            if name == "RandomRotate90" and self.version is not None and self.version < (2, 0):
                default = 0.5  # 2.0 made it always turn
            p = 1.0 if forced and name not in UNFORCED else _probability(item, default)
            pivot = _mean_pivot(item) if name == "Sequential" else None
            if pivot is not None:  # augview's export of brightness_contrast around the mean
                pivot = _fit("brightness_contrast", pivot, self._noter(f"{where} (Sequential)"))
                return Step("brightness_contrast", pivot, p)
            if name in ("Compose", "ReplayCompose", "Sequential"):
                self.read_targets(item, where, name)
                return Group("sequence", self.nodes(self.children(item), f"{where}.transforms", depth + 1), p)
            if name == "OneOf":
                return self.one_of(item, where, p, depth)
            if name in ("SomeOf", "RandomOrder"):
                return self.some_of(item, where, p, name, depth)
            if name == "OneOrOther":
                if len(self.children(item)) != 2:
                    raise Malformed(tr("OneOrOther needs exactly two transforms"))
                first, second = (self.node(child, f"{where}.transforms[{i}]", depth + 1, forced=True)
                                 or Group("sequence") for i, child in enumerate(self.children(item)))
                return Group("one_of", [first, second], 1.0, weights=[p, 1.0 - p])
            return self.step(item, where, name, p, forced, default)
        except Malformed as exc:
            self.problems.append((where, str(exc)))
            return None
        except (TypeError, ValueError, KeyError, IndexError, AttributeError, ArithmeticError) as exc:
            # a value of a kind no albumentations takes, met somewhere in the reading: its place
            self.problems.append((where, tr("has a value albumentations would refuse ({reason})").format(
                reason=str(exc)[:80])))
            return None

    def _noter(self, where: str):
        return lambda text, kind=APPROXIMATE: self.note(where, kind, text)

    def step(self, item: dict, where: str, name: str, p: float, forced: bool, default: float) -> Step | None:
        loc = f"{where} ({name})"
        if "p" not in item and not forced:
            self.note(loc, DEFAULT, tr("no p; used albumentations' default {p}").format(p=f"{default:g}"))
        importer = IMPORTERS.get(name) or EXTRA_IMPORTERS.get(name)
        if importer is None:
            self.note(loc, LEFT_OUT, tr("prepares the image for a model, it is not an augmentation")
                      if name in NOT_AUGMENTATIONS or name in presets.TAIL_TRANSFORMS
                      else tr("no augview counterpart"))
            return None
        note = self._noter(loc)
        args = Args(item, note, self.size)
        try:
            op_name, params = importer(args)
        except Unsupported as exc:
            self.note(loc, LEFT_OUT, str(exc))
            return None
        except (TypeError, ValueError, KeyError, IndexError, ArithmeticError) as exc:  # a value of the wrong kind
            raise Malformed(tr("{name} has an argument albumentations would refuse ({reason})").format(
                name=name, reason=exc)) from None
        for key in args.unread():
            note(tr("{key} ignored: no augview counterpart").format(key=key), IGNORED)
        params = _fit(op_name, self.reader.transform(name, item, op_name, params, loc), note)
        if item.get("always_apply") is True:
            p = 1.0
        step = Step(op_name, params, p)
        self.size = _size_after(step, self.size)
        return step

    def one_of(self, item: dict, where: str, p: float, depth: int) -> Group:
        items = self.children(item)
        before = self.size
        some_of = self.counted_some_of(items, where, p, depth)
        if some_of is not None:
            self.size = None if _changes_size(some_of) else before
            return some_of
        nodes, weights = [], []
        for index, child in enumerate(items):
            at = f"{where}.transforms[{index}]"
            weight = _probability(child) if isinstance(child, dict) else 1.0
            inner = child.get("transforms") if isinstance(child, dict) else None
            self.size = before
            if (isinstance(child, dict) and _class_name(child) == "Sequential"
                    and isinstance(inner, list) and len(inner) == 1):
                # augview's export of a child with its own p: Sequential([child(p)], p=weight); the
                # wrapper is no group of the preset, so it adds no depth
                node = self.node(inner[0], f"{at}.transforms[0]", depth + 1)
            else:
                node = self.node(child, at, depth + 1, forced=True)
            nodes.append(node if node is not None else Group("sequence"))  # keeps the others' odds
            weights.append(weight)
        same = len(set(weights)) <= 1
        group = Group("one_of", nodes, p, weights=None if same else weights)
        self.size = None if _changes_size(group) else before
        return group

    def counted_some_of(self, items: list, where: str, p: float, depth: int) -> Group | None:
        """augview's export of some_of with n = [low, high]: OneOf of ``Sequential([SomeOf(n=k)],
        p=weight)`` over the same transforms, each count equally likely except the last, which
        also takes the counts capped at the number of transforms. Anything else is None."""
        inner = [c.get("transforms") for c in items if isinstance(c, dict)]
        if len(items) < 2 or len(inner) != len(items) or not all(
                isinstance(t, list) and len(t) == 1 and isinstance(t[0], dict)
                and t[0].get("__class_fullname__") == "SomeOf" and t[0].get("p", 1) == 1 and not t[0].get("replace")
                for t in inner):
            return None
        some = [t[0] for t in inner]
        first = some[0].get("transforms")
        if not isinstance(first, list) or any(s.get("transforms") != first for s in some):
            return None
        counts = [s.get("n", 1) for s in some]
        if not all(isinstance(k, int) and not isinstance(k, bool) and 0 <= k <= presets.MAX_NODES for k in counts):
            return None
        weights = [_probability(c) for c in items]
        unit = weights[0]
        if (unit <= 0 or counts != list(range(counts[0], counts[0] + len(counts)))
                or any(abs(w - unit) > 1e-9 for w in weights[:-1])):
            return None
        extra = weights[-1] / unit
        if abs(extra - round(extra)) > 1e-6 or (round(extra) > 1 and counts[-1] != len(first)):
            return None
        children = self.nodes(first, f"{where}.transforms[0].transforms[0].transforms", depth + 1)  # (wrappers add none)
        return Group("some_of", children, p, n=(counts[0], counts[-1] + round(extra) - 1))

    def some_of(self, item: dict, where: str, p: float, name: str, depth: int) -> Group:
        items = self.children(item)
        n = item.get("n", 1 if name == "SomeOf" else len(items))
        loc = f"{where} ({name})"
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise Malformed(tr("n must be a count, got {value}").format(value=json.dumps(n)[:40]))
        replace = item.get("replace", name == "SomeOf" and self.version is not None and self.version < (1, 4))
        if replace:
            self.note(loc, APPROXIMATE, tr("replace=true (a transform may run twice) has no augview counterpart; "
                                           "imported without repeats"))
        # Before 2.0, SomeOf picked its transforms with their p as weights and then always ran them.
        weighted = name == "SomeOf" and self.version is not None and self.version < (2, 0)
        if weighted and len({c.get("p", 0.5) if isinstance(c, dict) else 0.5 for c in items}) > 1:
            self.note(loc, APPROXIMATE, tr("albumentations before 2.0 picks by the transforms' p as weights; "
                                           "augview picks uniformly"))
        before = self.size
        nodes = []
        for i, child in enumerate(items):
            self.size = before
            node = self.node(child, f"{where}.transforms[{i}]", depth + 1, forced=weighted)
            nodes.append(node if node is not None else Group("sequence"))
        if name == "RandomOrder" and n < len(items):
            self.note(loc, APPROXIMATE, tr("picking {n} of {total} in a random order has no augview counterpart; "
                                           "imported as some_of (declared order)").format(n=n, total=len(items)))
        group = (Group("random_order", nodes, p) if name == "RandomOrder" and n >= len(items)
                 else Group("some_of", nodes, p, n=(min(n, len(items)), min(n, len(items)))))
        self.size = None if _changes_size(group) else before
        return group

    def read_targets(self, item: dict, where: str, name: str) -> None:
        """What a Compose says about boxes, keypoints and extra targets: read into the settings,
        and kept as data."""
        for key in TARGET_KEYS:
            value = item.get(key)
            if value:  # None and {} say nothing
                self.targets[key] = value
                self.reader.compose(key, value, f"{where} ({name})")
        if name == "ReplayCompose":
            self.targets["replay"] = {"save_key": item.get("save_key", "replay")}
            self.note(f"{where} (ReplayCompose)", KEPT, tr(
                "read as Compose; augview records what each step drew in every result's trace "
                "(Pipeline.replay applies it again), which is what ReplayCompose's replay is for"))

    def keep_tail(self, item: dict, where: str, after: list) -> None:
        name = _class_name(item)
        args = {k: v for k, v in item.items() if k in presets.TAIL_TRANSFORMS[name]}
        if item.get("always_apply") is True:
            args["p"] = 1.0
        for key in sorted(set(item) - set(args) - {"__class_fullname__", "always_apply", "__version__"}, key=str):
            self.note(f"{where} ({name})", IGNORED, tr("{key} ignored: no augview counterpart").format(key=key))
        self.tail.append({"transform": name, "args": args})
        later = [_class_name(t) for t in after if isinstance(t, dict) and not _is_tail(t)
                 and isinstance(t.get("__class_fullname__"), str)]
        self.note(f"{where} ({name})", KEPT, tr("kept in the preset's training tail: exported back, not shown") if not later
                  else tr("kept in the preset's training tail, which runs after every step (here it came before "
                          "{names})").format(names=", ".join(later[:3])))


def _is_tail(item: Any) -> bool:
    name = item.get("__class_fullname__") if isinstance(item, dict) else None
    return isinstance(name, str) and name.rsplit(".", 1)[-1] in presets.TAIL_TRANSFORMS


def _changes_size(node: Node) -> bool:
    if isinstance(node, Step):
        return _size_after(node, (1, 1)) != (1, 1)
    return any(_changes_size(child) for child in node.steps)


def _mean_pivot(item: dict) -> dict | None:
    """The parameters of brightness_contrast with the mean pivot when ``item`` is its export
    (Sequential of a contrast-only ColorJitter and a brightness-only RandomBrightnessContrast)."""
    pair = item.get("transforms")
    if not (isinstance(pair, list) and len(pair) == 2
            and all(isinstance(t, dict) and t.get("p") == 1 for t in pair)):
        return None
    jitter, shift = pair
    if (jitter.get("__class_fullname__") != "ColorJitter"
            or shift.get("__class_fullname__") != "RandomBrightnessContrast"
            or [jitter.get(k) for k in ("brightness", "saturation", "hue")] != [[1, 1], [1, 1], [0, 0]]
            or shift.get("contrast_limit") != [0, 0] or shift.get("brightness_by_max") is False
            or not isinstance(jitter.get("contrast"), list) or not isinstance(shift.get("brightness_limit"), list)):
        return None
    try:
        contrast = tuple(tidy(float(v) - 1.0) for v in jitter["contrast"])
        brightness = tuple(float(v) for v in shift["brightness_limit"])
        if len(contrast) != 2 or len(brightness) != 2:
            return None
        return CATALOG["brightness_contrast"].defaults() | {
            "brightness_limit": brightness, "contrast_limit": contrast, "contrast_pivot": "mean"}
    except (TypeError, ValueError, OverflowError):
        return None


def import_albumentations(data: Any, source: str = "<albumentations>",
                          version: tuple[int, int] | None = (2, 0)) -> Imported:
    """An augview pipeline from an albumentations pipeline dict (``A.to_dict``, or the JSON/YAML
    of ``A.save``), with its notes and targets. ``version`` (major, minor) is the albumentations
    the pipeline was written for when the data does not say (``__version__``); None: unknown, read
    with 2.x's defaults and every default that was different before noted. Raises PresetError
    (naming ``source``) when ``data`` is not a pipeline, is too large, or keeps nothing."""
    if isinstance(data, dict) and "transform" in data:
        root, where = data["transform"], "transform"
    elif isinstance(data, dict) and "__class_fullname__" in data:
        root, where = data, "transform"
    else:
        raise PresetError(source, [("", tr("is not an albumentations pipeline: expected an object with "
                                           "'transform', as albumentations.save writes"))])
    written = data.get("__version__")
    walk = _Walk(version_of(written) or version)
    try:
        name = _class_name(root)
        if name in ("Compose", "ReplayCompose"):  # the top level: its transforms are the preset's steps
            walk.read_targets(root, where, name)
            p = _probability(root, 1.0)
            # The root Compose is the preset itself: its transforms are the preset's top level,
            # depth 0 as the preset counts it (see `presets.MAX_DEPTH`).
            nodes = walk.nodes(walk.children(root), f"{where}.transforms", 0, top=True)
            steps = nodes if p >= 1.0 else [Group("sequence", nodes, p)]
        else:
            node = walk.node(root, where, 1)
            steps = [node] if node is not None else []
            if isinstance(node, Group) and node.kind == "sequence" and node.p == 1.0:
                steps = node.steps
    except _TooLarge as exc:
        raise PresetError(source, [("", str(exc))]) from None
    except Malformed as exc:
        raise PresetError(source, [(where, str(exc))]) from None
    if walk.problems:
        raise PresetError(source, walk.problems)
    if not steps and not walk.tail:
        left = [n for n in walk.notes if n.kind == LEFT_OUT]
        # Each left-out transform with its reason: "1 transform(s) left out" alone did not say why.
        raise PresetError(source, [("", tr("nothing could be imported: {count} transform(s) left out").format(
            count=len(left)) if left else tr("holds no transform to import"))] + [(n.where, n.text) for n in left])
    header = data.get("augview") if isinstance(data.get("augview"), dict) else {}
    version_text = written if isinstance(written, str) else "2.x"
    name = header.get("name") if isinstance(header.get("name"), str) else f"{Path(source).stem} (albumentations)"
    description = header.get("description") if isinstance(header.get("description"), str) else (
        f"Imported from the albumentations {version_text[:20]} pipeline {Path(source).name}.")
    seed = header.get("seed") if isinstance(header.get("seed"), int) and not isinstance(header.get("seed"), bool) else 0
    targets = walk.reader.settings(header.get("targets"))
    try:
        pipeline = Pipeline(steps, name=name, description=description, seed=seed, targets=targets,
                            training_tail=walk.tail)
    except PresetError as exc:  # e.g. a seed out of range in a hand-edited header
        if all(where in ("seed", "name", "description") for where, _ in exc.problems):
            pipeline = Pipeline(steps, name=f"{Path(source).stem} (albumentations)", targets=targets,
                                training_tail=walk.tail)
        else:
            raise PresetError(source, exc.problems) from None
    return Imported(pipeline, walk.notes, walk.targets)


def from_albumentations(data: Any, source: str = "<albumentations>") -> tuple[Pipeline, list[Note]]:
    """`import_albumentations` as ``(pipeline, notes)``."""
    imported = import_albumentations(data, source)
    return imported.pipeline, imported.notes
