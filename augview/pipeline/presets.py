"""Preset format, schema version 3: the JSON a person saves in the window and a training job loads.

    {
      "schema_version": 3,
      "name": "light classification",
      "description": "what this preset is for",
      "seed": 0,
      "targets": {"mask_fill": 0, "min_area": 0.0, "min_visibility": 0.0, "min_width": 0.0,
                  "min_height": 0.0, "box_method": "largest_box", "keypoints_outside": "drop"},
      "steps": [
        {"op": "horizontal_flip", "p": 0.5, "enabled": true, "params": {}},
        {"group": "one_of", "p": 0.8, "enabled": true, "weights": [1, 1],
         "steps": [ ...nodes... ]},
        {"group": "some_of", "n": [1, 2], "steps": [ ...nodes... ]}
      ]
    }

A saved step lists every parameter of its op: a preset states exactly what training gets, and a
default that changes in a later version can never silently change an exported pipeline. A
parameter left out (a hand-written preset, or one saved before the op gained the parameter) takes
its default when the preset loads. ``p`` (default 1) and ``enabled`` (default true) may be left
out. ``weights`` belongs to ``one_of`` and ``n`` to ``some_of``.

``targets`` (see `augview.targets.settings`) says how masks, boxes and keypoints are treated;
missing settings take their defaults. Version 1 presets (before targets) load unchanged, with the
default settings. A parameter whose default meant something else before (`EARLIER_MEANING`)
takes, in a preset of an earlier version that leaves it out, the value that version meant:
version 2 presets keep motion_blur's anti-aliased streak. Every preset is saved as version 3.

Validation lives here, in one place, and reports every problem with its location, e.g.
``steps[2].params.limit: must be between -180 and 180, got 720``.

Optional ``training_tail`` (see `parse_training_tail`): what a training pipeline does after the
augmentations to hand the image to a model (albumentations' ``Normalize``, ``ToFloat``,
``ToTensorV2``). augview never runs it (the previews show uint8 images); it is kept so that an
imported training pipeline exports back whole. Left out when empty.
"""

from __future__ import annotations

import json
import math
import os
from typing import Any

import numpy as np

from augview.core.atomic import atomic_write_bytes
from augview.pipeline.preset_json import MAX_BYTES, decode_preset, encode_preset, read_file_bytes  # noqa: F401
from augview.core.registry import CATALOG, did_you_mean
from augview.pipeline.nodes import GROUP_KINDS, Group, Node, Step
from augview.targets import settings as target_settings
from augview.targets.settings import TargetSettings
from augview.text import tr
from augview.errors import PresetError

SCHEMA_VERSION = 3  # 2: "targets" settings (version 1 presets load with the defaults); 3: see below
# Parameters added with a default other than what presets of earlier versions got:
# (op, parameter) -> (the last schema version without it, the value those presets meant).
EARLIER_MEANING = {
    ("motion_blur", "antialias"): (2, True),  # version 3 draws slanted streaks one pixel thick by default
}
MAX_DEPTH = 8  # groups inside groups; deeper is surely a mistake (or an attack)
MAX_NODES = 10_000
MAX_SEED = 2**63 - 1  # the largest seed `Pipeline.apply` takes
# A name is a title (the window's name field and title bar, grid exports): longer is surely a
# mistake. The window's name field holds this many; descriptions are only bounded by MAX_BYTES.
MAX_NAME = 1000
TOP_KEYS = {"schema_version", "name", "description", "seed", "targets", "steps", "training_tail"}


# ---- nodes -> plain data -------------------------------------------------------------------


def node_to_dict(node: Node) -> Any:
    """Plain data for a node, in canonical form (so a save re-loads and re-saves byte for byte).

    Nodes built in Python may hold values that are not valid yet; those are passed through as they
    are, never dropped or "fixed", so that `parse_preset` reports them with their location.
    """
    if isinstance(node, Step):
        op = CATALOG.get(node.op)
        specs = {spec.name: spec for spec in op.params} if op is not None else {}
        # Declared parameters in declaration order, then any unknown ones (a typo must be reported).
        names = [name for name in specs if name in node.params]
        names += [name for name in node.params if name not in specs]
        params = {name: _canonical(specs.get(name), node.params[name]) for name in names}
        return {"op": node.op, "p": _float(node.p), "enabled": node.enabled, "params": params}
    if not isinstance(node, Group):
        return node
    out: dict[str, Any] = {"group": node.kind, "p": _float(node.p), "enabled": node.enabled}
    if node.kind == "one_of" and node.weights is not None:
        weights = node.weights
        out["weights"] = [_float(w) for w in weights] if isinstance(weights, (list, tuple)) else weights
    if node.kind == "some_of":
        n = node.n
        if _is_int(n):
            n = (n, n)
        out["n"] = list(n) if isinstance(n, (list, tuple)) else n
    steps = node.steps
    out["steps"] = [node_to_dict(child) for child in steps] if isinstance(steps, (list, tuple)) else steps
    return out


def _canonical(spec, value):
    if spec is None:
        return value
    try:
        return spec.to_json(spec.validate(value))
    except (ValueError, OverflowError):
        return list(value) if isinstance(value, tuple) else value


def _float(value):
    return float(value) if _is_number(value) else value


def preset_dict(steps: list[Node], name: str = "", description: str = "", seed: int = 0,
                targets: TargetSettings | None = None, training_tail: list | None = None) -> dict:
    data = {
        "schema_version": SCHEMA_VERSION,
        "name": name,
        "description": description,
        "seed": seed,
        "targets": (targets or TargetSettings()).to_dict(),
        "steps": [node_to_dict(node) for node in steps],
    }
    if training_tail:
        data["training_tail"] = training_tail
    return data


# ---- plain data -> nodes, with every problem collected -------------------------------------


class _Problems:
    def __init__(self):
        self.items: list[tuple[str, str]] = []
        self.count = 0
        self.version = SCHEMA_VERSION  # the preset's schema version, where it gives a valid one

    def add(self, where: str, what: str):
        self.items.append((where, what))


def parse_preset(data: Any, source: str = "<preset>") -> tuple[list[Node], dict]:
    """Validate a preset dict; returns ``(nodes, header)`` or raises PresetError listing every problem.

    ``header`` holds ``name``, ``description``, ``seed``, ``targets`` (a `TargetSettings`) and
    ``training_tail``.
    """
    problems = _Problems()
    if not isinstance(data, dict):
        raise PresetError(source, [("", tr("a preset must be a JSON object, got {kind}").format(kind=_kind(data)))])
    if is_albumentations(data):
        raise PresetError(source, [("", tr("is an albumentations pipeline, not an augview preset: convert it "
                                           "with `augview import FILE -o preset.json` (or open it in the window)"))])
    for key in sorted(set(data) - TOP_KEYS, key=str):
        problems.add(str(key), tr("unknown key"))

    version = data.get("schema_version")
    if "schema_version" not in data:
        problems.add("schema_version", tr("missing (this program writes {version})").format(version=SCHEMA_VERSION))
    elif not _is_int(version) or version < 1:
        problems.add("schema_version", tr("must be a positive integer, got {value}").format(value=_show(version)))
    elif version > SCHEMA_VERSION:
        raise PresetError(source, [(
            "schema_version",
            tr("is {version}, written by a newer augview; this version reads up to {supported}").format(
                version=version, supported=SCHEMA_VERSION),
        )])
    else:
        problems.version = int(version)

    header = {"name": data.get("name", ""), "description": data.get("description", ""),
              "seed": data.get("seed", 0)}
    for key in ("name", "description"):
        if not isinstance(header[key], str):
            problems.add(key, tr("must be a string, got {value}").format(value=_show(header[key])))
        elif not _encodable(header[key]):
            # e.g. a lone "\ud800" escape: it loads, but could never be saved again.
            problems.add(key, tr("contains a character that is not valid Unicode (a lone surrogate escape)"))
        elif key == "name" and len(header[key]) > MAX_NAME:
            problems.add(key, tr("is {length} characters long; a name is at most {max}").format(
                length=len(header[key]), max=MAX_NAME))
    if _is_int(header["seed"]):
        header["seed"] = int(header["seed"])  # numpy integers from Python code become plain ints
    if not _is_int(header["seed"]) or not 0 <= header["seed"] <= MAX_SEED:
        problems.add("seed", tr("must be an integer between 0 and {max}, got {value}").format(
            max=MAX_SEED, value=_show(header["seed"])))

    header["targets"] = _parse_targets(data.get("targets", {}), problems)

    header["training_tail"] = parse_training_tail(data.get("training_tail", []), problems.add)
    nodes: list[Node] = []
    if "steps" not in data:
        problems.add("steps", tr("missing"))
    elif not isinstance(data["steps"], list):
        problems.add("steps", tr("must be a list, got {kind}").format(kind=_kind(data["steps"])))
    else:
        nodes = _parse_nodes(data["steps"], "steps", 0, problems)
    if problems.items:
        raise PresetError(source, problems.items)
    return nodes, header


def _parse_targets(raw: Any, problems: _Problems) -> TargetSettings:
    if isinstance(raw, TargetSettings):
        return raw
    if not isinstance(raw, dict):
        problems.add("targets", tr("must be an object, got {kind}").format(kind=_kind(raw)))
        return TargetSettings()
    values, found = target_settings.check(raw)
    for key, what in found:
        problems.add(f"targets.{key}", what)
    return TargetSettings.from_values(values)


def _parse_nodes(items: list, where: str, depth: int, problems: _Problems) -> list[Node]:
    nodes = []
    for index, item in enumerate(items):
        node = _parse_node(item, f"{where}[{index}]", depth, problems)
        if node is not None:
            nodes.append(node)
    return nodes


def _parse_node(item: Any, where: str, depth: int, problems: _Problems) -> Node | None:
    problems.count += 1
    if problems.count > MAX_NODES:
        if problems.count == MAX_NODES + 1:
            problems.add(where, tr("too many steps (more than {max})").format(max=MAX_NODES))
        return None
    if not isinstance(item, dict):
        problems.add(where, tr("must be an object with 'op' or 'group', got {kind}").format(kind=_kind(item)))
        return None
    p = item.get("p", 1.0)
    if not _is_number(p) or not 0 <= p <= 1:
        problems.add(f"{where}.p", tr("must be a probability between 0 and 1, got {value}").format(value=_show(p)))
        p = 1.0
    enabled = item.get("enabled", True)
    if not isinstance(enabled, bool):
        problems.add(f"{where}.enabled", tr("must be true or false, got {value}").format(value=_show(enabled)))
        enabled = True
    if "op" in item and "group" in item:
        problems.add(where, tr("has both 'op' and 'group'; a node is one or the other"))
        return None
    if "op" in item:
        return _parse_step(item, where, float(p), enabled, problems)
    if "group" in item:
        return _parse_group(item, where, float(p), enabled, depth, problems)
    problems.add(where, tr("needs an 'op' (a step) or a 'group' (a container)"))
    return None


def _parse_step(item: dict, where: str, p: float, enabled: bool, problems: _Problems) -> Step | None:
    for key in sorted(set(item) - {"op", "p", "enabled", "params"}, key=str):
        problems.add(f"{where}.{key}", tr("unknown key"))
    name = item["op"]
    if not isinstance(name, str) or name not in CATALOG:
        hint = did_you_mean(name) if isinstance(name, str) else ""
        problems.add(f"{where}.op", tr("unknown op {name}{hint}").format(name=_show(name), hint=hint))
        return None
    op = CATALOG[name]
    raw = item.get("params", {})
    if not isinstance(raw, dict):
        problems.add(f"{where}.params", tr("must be an object, got {kind}").format(kind=_kind(raw)))
        return None
    params = {}
    known = {spec.name for spec in op.params}
    for key in sorted(set(raw) - known, key=str):
        problems.add(f"{where}.params.{key}", tr("unknown parameter of {op}").format(op=name))
    for spec in op.params:
        if spec.name not in raw:
            # Left out: its default (saved in full from now on), or what an older preset meant.
            earlier = EARLIER_MEANING.get((name, spec.name))
            params[spec.name] = earlier[1] if earlier and problems.version <= earlier[0] else spec.default
            continue
        try:
            params[spec.name] = spec.validate(raw[spec.name])
        except ValueError as err:
            problems.add(f"{where}.params.{spec.name}", str(err))
        except OverflowError:  # an integer too large for a float, e.g. 1 followed by 400 zeros
            problems.add(f"{where}.params.{spec.name}", tr("is out of range, got {value}").format(value=_show(raw[spec.name])))
    if len(params) != len(op.params):
        return None
    return Step(name, params, p, enabled)


def _parse_group(item, where, p, enabled, depth, problems: _Problems) -> Group | None:
    kind = item["group"]
    extra = {"one_of": {"weights"}, "some_of": {"n"}}.get(kind, set()) if isinstance(kind, str) else set()
    allowed = {"group", "p", "enabled", "steps"} | extra
    for key in sorted(set(item) - allowed, key=str):
        problems.add(f"{where}.{key}", tr("unknown key") if key not in ("weights", "n")
                     else tr("does not apply to {kind}").format(kind=_show(kind)))
    if not isinstance(kind, str) or kind not in GROUP_KINDS:
        problems.add(f"{where}.group", tr("must be one of {options}, got {value}").format(
            options=", ".join(GROUP_KINDS), value=_show(kind)))
        return None
    if depth + 1 > MAX_DEPTH:
        problems.add(where, tr("groups are nested more than {max} deep").format(max=MAX_DEPTH))
        return None
    if "steps" not in item:
        problems.add(f"{where}.steps", tr("missing"))
        return None
    children = item["steps"]
    if not isinstance(children, list):
        problems.add(f"{where}.steps", tr("must be a list, got {kind}").format(kind=_kind(children)))
        return None
    nodes = _parse_nodes(children, f"{where}.steps", depth + 1, problems)
    group = Group(kind, nodes, p, enabled)
    if "weights" in item and kind == "one_of":
        weights = item["weights"]
        if (not isinstance(weights, list) or len(weights) != len(children)
                or not all(_is_number(w) and w >= 0 for w in weights)
                or not math.isfinite(sum(float(w) for w in weights))):  # [1e308, 1e308] sums to inf
            problems.add(f"{where}.weights", tr("must be {count} non-negative numbers, one per step, got {value}").format(
                count=len(children), value=_show(weights)))
        else:
            group.weights = [float(w) for w in weights]
    if "n" in item and kind == "some_of":
        n = item["n"]
        if _is_int(n):
            n = [n, n]
        if isinstance(n, tuple):
            n = list(n)
        if not (isinstance(n, list) and len(n) == 2 and all(_is_int(v) for v in n)
                and 0 <= n[0] <= n[1] <= MAX_NODES):  # a huge count overflows the draw
            problems.add(f"{where}.n", tr("must be a count or a [low, high] pair of counts, got {value}").format(
                value=_show(item["n"])))
        else:
            group.n = (int(n[0]), int(n[1]))
    return group


def is_albumentations(data: Any) -> bool:
    """True for the plain data of an albumentations pipeline (its ``A.save`` / ``A.to_dict`` form),
    which a preset file may hold by mistake (and `augview.interop` reads)."""
    return (isinstance(data, dict) and "schema_version" not in data
            and isinstance(data.get("transform"), dict) and "__class_fullname__" in data["transform"])


# ---- the training tail -----------------------------------------------------------------------

NORMALIZATIONS = ("standard", "image", "image_per_channel", "min_max", "min_max_per_channel")
# transform -> its arguments (albumentations' names and meanings)
TAIL_TRANSFORMS = {
    "Normalize": ("mean", "std", "max_pixel_value", "normalization", "p"),
    "ToFloat": ("max_value", "p"),
    "ToTensorV2": ("transpose_mask", "p"),
}


def parse_training_tail(value: Any, problem) -> list[dict]:
    """``[{"transform": "Normalize", "args": {"mean": [...], "std": [...], ...}}, ...]``, checked;
    ``problem(where, what)`` hears what is wrong. Returns the entries, args in canonical form."""
    if not isinstance(value, list):
        problem("training_tail", tr("must be a list, got {kind}").format(kind=_kind(value)))
        return []
    out = []
    for index, item in enumerate(value[:16]):
        where = f"training_tail[{index}]"
        name = item.get("transform") if isinstance(item, dict) else None
        if name not in TAIL_TRANSFORMS:
            problem(where, tr("must be an object with 'transform' one of {options}, got {value}").format(
                options=", ".join(TAIL_TRANSFORMS), value=_show(name if isinstance(item, dict) else item)))
            continue
        for key in sorted(set(item) - {"transform", "args"}, key=str):
            problem(f"{where}.{key}", tr("unknown key"))
        args = item.get("args", {})
        if not isinstance(args, dict):
            problem(f"{where}.args", tr("must be an object, got {kind}").format(kind=_kind(args)))
            continue
        for key in sorted(set(args) - set(TAIL_TRANSFORMS[name]), key=str):
            problem(f"{where}.args.{key}", tr("unknown argument of {transform}").format(transform=name))
        checked = {key: _tail_arg(key, args[key], f"{where}.args.{key}", problem)
                   for key in TAIL_TRANSFORMS[name] if key in args}
        out.append({"transform": name, "args": checked})
    if len(value) > 16:
        problem("training_tail", tr("has {count} entries; at most {max}").format(count=len(value), max=16))
    return out


def _tail_arg(key: str, value: Any, where: str, problem) -> Any:
    if key in ("mean", "std"):
        values = value if isinstance(value, list) else [value]
        if not (1 <= len(values) <= 4 and all(_is_number(v) for v in values)) or (
                key == "std" and any(v == 0 for v in values)):
            problem(where, tr("must be a number or a list of 1 to 4 numbers ({rule}), got {value}").format(
                rule=tr("not zero") if key == "std" else tr("any"), value=_show(value)))
        return value
    if key in ("max_pixel_value", "max_value"):
        if value is not None and not (_is_number(value) and value > 0):
            problem(where, tr("must be a positive number or null, got {value}").format(value=_show(value)))
        return float(value) if _is_number(value) else value
    if key == "normalization":
        if value not in NORMALIZATIONS:
            problem(where, tr("must be one of {options}, got {value}").format(
                options=", ".join(NORMALIZATIONS), value=_show(value)))
        return value
    if key == "transpose_mask":
        if not isinstance(value, bool):
            problem(where, tr("must be true or false, got {value}").format(value=_show(value)))
        return value
    if not _is_number(value) or not 0 <= value <= 1:  # p
        problem(where, tr("must be a probability between 0 and 1, got {value}").format(value=_show(value)))
        return value
    return float(value)


# ---- files -----------------------------------------------------------------------------------


def read_preset_file(path: str | os.PathLike) -> dict:
    """Read and decode a preset file into plain data; PresetError on anything unreadable."""
    return decode_preset(read_file_bytes(path), str(path))


def write_preset_file(path: str | os.PathLike, data: dict) -> None:
    # Never write a file that would not load again (steps can be edited after validation).
    parse_preset(data, source=str(path))
    atomic_write_bytes(path, encode_preset(data))


# ---- small helpers ---------------------------------------------------------------------------


def _is_int(value) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def _is_number(value) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an int too large for a float
        return False


def _kind(value) -> str:
    kinds = {dict: tr("an object"), list: tr("a list"), str: tr("a string"), bool: tr("a boolean"),
             int: tr("a number"), float: tr("a number"), type(None): "null"}
    return kinds.get(type(value), type(value).__name__)


def _show(value) -> str:
    try:
        text = json.dumps(value) if not isinstance(value, float) or math.isfinite(value) else str(value)
    except (TypeError, ValueError, RecursionError):  # Python-built data: sets, numpy scalars...
        text = repr(value) if not isinstance(value, (list, dict)) else _kind(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
