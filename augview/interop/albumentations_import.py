"""albumentations 2.x pipeline (the dict of ``A.to_dict``, the JSON/YAML of ``A.save``) -> augview.

See `augview.interop.albumentations_export` for the mapping. Every argument is read with
albumentations' own default and its own meaning of a single number (``limit=30`` is
``(-30, 30)`` for Rotate but ``(30, 30)`` for Affine). Policy for what does not fit, all of it
returned as notes with the transform's location, never silently dropped:

- a transform without a counterpart is left out;
- an argument augview has no use for (when not at its neutral value) is ignored;
- a value outside augview's range is clamped to it.

Only data that is not an albumentations pipeline (no ``transform``, a transform that is not an
object, a ``p`` that is not a probability...) raises `PresetError`, listing every problem.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from augview.interop.albumentations_export import UNFORCED, Unsupported
from augview.interop.albumentations_readers import _NOT_AUGMENTATIONS, IMPORTERS, _Args, _Malformed, _tidy
from augview.interop.albumentations_readers_extra import EXTRA_IMPORTERS
from augview.pipeline.pipeline import Pipeline
from augview.core.registry import CATALOG
from augview.pipeline.nodes import Group, Node, Step
from augview.text import tr
from augview.errors import PresetError


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
        fitted = _clamp(spec, value)
        if spec.kind in ("range", "float", "int"):
            wanted = tuple(float(v) for v in value) if spec.kind == "range" else float(value)
            got = tuple(float(v) for v in fitted) if spec.kind == "range" else float(fitted)
            if _off(wanted, got, spec):
                note(tr("{param} {value} is outside augview's range {min}..{max}; clamped to {clamped}").format(
                    param=f"{op_name}.{name}", value=_fmt(wanted), min=_fmt(spec.min), max=_fmt(spec.max),
                    clamped=_fmt(fitted if spec.kind != "range" else tuple(fitted))))
        out[name] = fitted
    return out


def _off(wanted, got, spec) -> bool:
    # Rounding a value to the nearest whole number is not worth a note; leaving the range is.
    values = zip(wanted, got) if isinstance(wanted, tuple) else [(wanted, got)]
    return any(w < spec.min or w > spec.max or abs(w - g) > 0.5 for w, g in values)


# ---------------------------------------------------------------------------------------------
# Walking the tree


def _class_name(item: Any, where: str) -> str:
    if not isinstance(item, dict):
        raise _Malformed(tr("must be an object with '__class_fullname__'"))
    name = item.get("__class_fullname__")
    if not isinstance(name, str) or not name:
        raise _Malformed(tr("has no '__class_fullname__' (the transform's class name)"))
    return name.rsplit(".", 1)[-1]  # albumentations 1.x wrote the module path too


def _probability(item: dict, default: float = 0.5) -> float:
    p = item.get("p", default)
    if isinstance(p, bool) or not isinstance(p, (int, float)) or not 0 <= p <= 1:
        raise _Malformed(tr("p must be a probability between 0 and 1, got {value}").format(value=json.dumps(p)[:40]))
    return float(p)


class _Walk:
    def __init__(self):
        self.notes: list[str] = []
        self.problems: list[tuple[str, str]] = []

    def children(self, item: dict, where: str) -> list:
        items = item.get("transforms", [])
        if not isinstance(items, list):
            raise _Malformed(tr("transforms must be a list"))
        return items

    def nodes(self, items: list, where: str) -> list[Node]:
        out = []
        for index, child in enumerate(items):
            node = self.node(child, f"{where}[{index}]")
            if node is not None:
                out.append(node)
        return out

    def node(self, item: Any, where: str, forced: bool = False) -> Node | None:
        """The node for one transform, or None (reported) when it has no counterpart. ``forced``:
        the transform is the chosen child of a OneOf, which runs it whatever its p."""
        try:
            name = _class_name(item, where)
            default = 1.0 if name in ("Compose", "SomeOf", "RandomOrder") else 0.5
            p = 1.0 if forced and name not in UNFORCED else _probability(item, default)
            pivot = _mean_pivot(item) if name == "Sequential" else None
            if pivot is not None:  # augview's export of brightness_contrast around the mean
                local: list[str] = []
                pivot = _fit("brightness_contrast", pivot, local.append)
                self.notes += [tr("{where}: {text}").format(where=f"{where} (Sequential)", text=text) for text in local]
                return Step("brightness_contrast", pivot, p)
            if name in ("Compose", "Sequential"):
                return Group("sequence", self.nodes(self.children(item, where), f"{where}.transforms"), p)
            if name == "OneOf":
                return self.one_of(item, where, p)
            if name in ("SomeOf", "RandomOrder"):
                return self.some_of(item, where, p, name)
            if name == "OneOrOther":
                if len(self.children(item, where)) != 2:
                    raise _Malformed(tr("OneOrOther needs exactly two transforms"))
                first, second = (self.node(child, f"{where}.transforms[{i}]", forced=True) or Group("sequence")
                                 for i, child in enumerate(self.children(item, where)))
                return Group("one_of", [first, second], 1.0, weights=[p, 1.0 - p])
            return self.step(item, where, name, p, forced)
        except _Malformed as exc:
            self.problems.append((where, str(exc)))
            return None

    def step(self, item: dict, where: str, name: str, p: float, forced: bool) -> Step | None:
        loc = f"{where} ({name})"
        if "p" not in item and not forced:
            self.notes.append(tr("{where}: no p; used albumentations' default 0.5").format(where=loc))
        importer = IMPORTERS.get(name) or EXTRA_IMPORTERS.get(name)
        if importer is None:
            self.notes.append(
                (tr("{where}: prepares the image for a model, it is not an augmentation; left out")
                 if name in _NOT_AUGMENTATIONS else tr("{where}: no augview counterpart; left out")).format(where=loc))
            return None
        local: list[str] = []
        args = _Args(item, local.append)
        try:
            op_name, params = importer(args)
        except Unsupported as exc:
            self.notes.append(tr("{where}: {reason}; left out").format(where=loc, reason=exc))
            return None
        except (TypeError, ValueError, KeyError, IndexError) as exc:  # a value of the wrong kind
            raise _Malformed(tr("{name} has an argument albumentations would refuse ({reason})").format(
                name=name, reason=exc)) from None
        local += [tr("{key} ignored: no augview counterpart").format(key=key) for key in args.unread()]
        params = _fit(op_name, params, local.append)
        self.notes += [tr("{where}: {text}").format(where=loc, text=text) for text in local]
        if item.get("always_apply") is True:
            p = 1.0
        return Step(op_name, params, p)

    def one_of(self, item: dict, where: str, p: float) -> Group:
        items = self.children(item, where)
        some_of = self.counted_some_of(items, where, p)
        if some_of is not None:
            return some_of
        nodes, weights = [], []
        for index, child in enumerate(items):
            at = f"{where}.transforms[{index}]"
            weight = _probability(child) if isinstance(child, dict) else 1.0
            inner = child.get("transforms") if isinstance(child, dict) else None
            if (isinstance(child, dict) and _class_name(child, at) == "Sequential"
                    and isinstance(inner, list) and len(inner) == 1):
                # augview's export of a child with its own p: Sequential([child(p)], p=weight)
                node = self.node(inner[0], f"{at}.transforms[0]")
            else:
                node = self.node(child, at, forced=True)
            nodes.append(node if node is not None else Group("sequence"))  # keeps the others' odds
            weights.append(weight)
        same = len(set(weights)) <= 1
        return Group("one_of", nodes, p, weights=None if same else weights)

    def counted_some_of(self, items: list, where: str, p: float) -> Group | None:
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
        weights = [_probability(c) for c in items]
        unit = weights[0]
        if (unit <= 0 or counts != list(range(counts[0], counts[0] + len(counts)))
                or any(abs(w - unit) > 1e-9 for w in weights[:-1])):
            return None
        extra = weights[-1] / unit
        if abs(extra - round(extra)) > 1e-6 or (round(extra) > 1 and counts[-1] != len(first)):
            return None
        children = self.nodes(first, f"{where}.transforms[0].transforms[0].transforms")
        return Group("some_of", children, p, n=(counts[0], counts[-1] + round(extra) - 1))

    def some_of(self, item: dict, where: str, p: float, name: str) -> Group:
        items = self.children(item, where)
        n = item.get("n", 1)
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise _Malformed(tr("n must be a count, got {value}").format(value=json.dumps(n)[:40]))
        if item.get("replace"):
            self.notes.append(tr("{where}: replace=true (a transform may run twice) has no augview "
                                 "counterpart; imported without repeats").format(where=f"{where} ({name})"))
        nodes = [node if node is not None else Group("sequence")
                 for node in (self.node(child, f"{where}.transforms[{i}]") for i, child in enumerate(items))]
        if name == "RandomOrder":
            if n >= len(items):
                return Group("random_order", nodes, p)
            self.notes.append(tr("{where}: picking {n} of {total} in a random order has no augview counterpart; "
                                 "imported as some_of (declared order)").format(
                where=f"{where} (RandomOrder)", n=n, total=len(items)))
        return Group("some_of", nodes, p, n=(min(n, len(items)), min(n, len(items))))


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
        contrast = tuple(_tidy(float(v) - 1.0) for v in jitter["contrast"])
        return CATALOG["brightness_contrast"].defaults() | {
            "brightness_limit": tuple(float(v) for v in shift["brightness_limit"]),
            "contrast_limit": contrast, "contrast_pivot": "mean"}
    except (TypeError, ValueError):
        return None


def from_albumentations(data: Any, source: str = "<albumentations>") -> tuple[Pipeline, list[str]]:
    """An augview pipeline from an albumentations pipeline dict (``A.to_dict``, or the JSON/YAML
    of ``A.save``), and the notes: transforms left out, arguments ignored, values clamped, each
    with its location. Raises PresetError (naming ``source``) when ``data`` is not a pipeline."""
    if isinstance(data, dict) and "transform" in data:
        root, where = data["transform"], "transform"
    elif isinstance(data, dict) and "__class_fullname__" in data:
        root, where = data, ""
    else:
        raise PresetError(source, [("", tr("is not an albumentations pipeline: expected an object with "
                                           "'transform', as albumentations.save writes"))])
    walk = _Walk()
    node = walk.node(root, where or "transform")
    if walk.problems:
        raise PresetError(source, walk.problems)
    if isinstance(node, Group) and node.kind == "sequence" and node.p == 1.0:
        steps = node.steps
    else:
        steps = [node] if node is not None else []
    header = data.get("augview") if isinstance(data.get("augview"), dict) else {}
    version = data.get("__version__", "2.x")
    name = header.get("name") if isinstance(header.get("name"), str) else f"{Path(source).stem} (albumentations)"
    description = header.get("description") if isinstance(header.get("description"), str) else (
        f"Imported from the albumentations {version} pipeline {Path(source).name}.")
    seed = header.get("seed") if isinstance(header.get("seed"), int) and not isinstance(header.get("seed"), bool) else 0
    try:
        pipeline = Pipeline(steps, name=name, description=description, seed=seed)
    except PresetError as exc:  # e.g. a seed out of range in a hand-edited header
        if any(where == "seed" for where, _ in exc.problems):
            pipeline = Pipeline(steps, name=name, description=description)
        else:
            raise PresetError(source, exc.problems) from None
    return pipeline, walk.notes
