"""Preset format, schema version 1: the JSON a person saves in the window and a training job loads.

    {
      "schema_version": 1,
      "name": "light classification",
      "description": "what this preset is for",
      "seed": 0,
      "steps": [
        {"op": "horizontal_flip", "p": 0.5, "enabled": true, "params": {}},
        {"group": "one_of", "p": 0.8, "enabled": true, "weights": [1, 1],
         "steps": [ ...nodes... ]},
        {"group": "some_of", "n": [1, 2], "steps": [ ...nodes... ]}
      ]
    }

A step must list every parameter of its op: a preset states exactly what training gets, and a
default that changes in a later version can never silently change an exported pipeline. ``p``
(default 1) and ``enabled`` (default true) may be left out. ``weights`` belongs to ``one_of`` and
``n`` to ``some_of``.

Validation lives here, in one place, and reports every problem with its location, e.g.
``steps[2].params.limit: must be between -180 and 180, got 720``.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

from augview.core.atomic import atomic_write_bytes
from augview.core.registry import CATALOG
from augview.core.steps import GROUP_KINDS, Group, Node, Step
from augview.errors import PresetError

SCHEMA_VERSION = 1
MAX_DEPTH = 8  # groups inside groups; deeper is surely a mistake (or an attack)
MAX_NODES = 10_000
MAX_BYTES = 5_000_000
TOP_KEYS = {"schema_version", "name", "description", "seed", "steps"}


# ---- nodes -> plain data -------------------------------------------------------------------


def node_to_dict(node: Node) -> dict:
    if isinstance(node, Step):
        op = CATALOG[node.op]
        params = {spec.name: spec.to_json(node.params[spec.name]) for spec in op.params}
        return {"op": node.op, "p": node.p, "enabled": node.enabled, "params": params}
    out: dict[str, Any] = {"group": node.kind, "p": node.p, "enabled": node.enabled}
    if node.kind == "one_of" and node.weights is not None:
        out["weights"] = list(node.weights)
    if node.kind == "some_of":
        out["n"] = list(node.n)
    out["steps"] = [node_to_dict(child) for child in node.steps]
    return out


def preset_dict(steps: list[Node], name: str = "", description: str = "", seed: int = 0) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "name": name,
        "description": description,
        "seed": seed,
        "steps": [node_to_dict(node) for node in steps],
    }


# ---- plain data -> nodes, with every problem collected -------------------------------------


class _Problems:
    def __init__(self):
        self.items: list[tuple[str, str]] = []
        self.count = 0

    def add(self, where: str, what: str):
        self.items.append((where, what))


def parse_preset(data: Any, source: str = "<preset>") -> tuple[list[Node], dict]:
    """Validate a preset dict; returns ``(nodes, header)`` or raises PresetError listing every problem.

    ``header`` holds ``name``, ``description`` and ``seed``.
    """
    problems = _Problems()
    if not isinstance(data, dict):
        raise PresetError(source, [("", f"a preset must be a JSON object, got {_kind(data)}")])
    for key in sorted(set(data) - TOP_KEYS):
        problems.add(key, "unknown key")

    version = data.get("schema_version")
    if "schema_version" not in data:
        problems.add("schema_version", "missing (this program writes 1)")
    elif not _is_int(version) or version < 1:
        problems.add("schema_version", f"must be a positive integer, got {_show(version)}")
    elif version > SCHEMA_VERSION:
        raise PresetError(source, [(
            "schema_version",
            f"is {version}, written by a newer augview; this version reads up to {SCHEMA_VERSION}",
        )])

    header = {"name": data.get("name", ""), "description": data.get("description", ""),
              "seed": data.get("seed", 0)}
    for key in ("name", "description"):
        if not isinstance(header[key], str):
            problems.add(key, f"must be a string, got {_show(header[key])}")
    if not _is_int(header["seed"]) or header["seed"] < 0:
        problems.add("seed", f"must be a non-negative integer, got {_show(header['seed'])}")

    nodes: list[Node] = []
    if "steps" not in data:
        problems.add("steps", "missing")
    elif not isinstance(data["steps"], list):
        problems.add("steps", f"must be a list, got {_kind(data['steps'])}")
    else:
        nodes = _parse_nodes(data["steps"], "steps", 0, problems)
    if problems.items:
        raise PresetError(source, problems.items)
    return nodes, header


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
            problems.add(where, f"too many steps (more than {MAX_NODES})")
        return None
    if not isinstance(item, dict):
        problems.add(where, f"must be an object with 'op' or 'group', got {_kind(item)}")
        return None
    p = item.get("p", 1.0)
    if isinstance(p, bool) or not isinstance(p, (int, float)) or not math.isfinite(p) or not 0 <= p <= 1:
        problems.add(f"{where}.p", f"must be a probability between 0 and 1, got {_show(p)}")
        p = 1.0
    enabled = item.get("enabled", True)
    if not isinstance(enabled, bool):
        problems.add(f"{where}.enabled", f"must be true or false, got {_show(enabled)}")
        enabled = True
    if "op" in item and "group" in item:
        problems.add(where, "has both 'op' and 'group'; a node is one or the other")
        return None
    if "op" in item:
        return _parse_step(item, where, float(p), enabled, problems)
    if "group" in item:
        return _parse_group(item, where, float(p), enabled, depth, problems)
    problems.add(where, "needs an 'op' (a step) or a 'group' (a container)")
    return None


def _parse_step(item: dict, where: str, p: float, enabled: bool, problems: _Problems) -> Step | None:
    for key in sorted(set(item) - {"op", "p", "enabled", "params"}):
        problems.add(f"{where}.{key}", "unknown key")
    name = item["op"]
    if not isinstance(name, str) or name not in CATALOG:
        hint = _close_names(name) if isinstance(name, str) else ""
        problems.add(f"{where}.op", f"unknown op {_show(name)}{hint}")
        return None
    op = CATALOG[name]
    raw = item.get("params", {})
    if not isinstance(raw, dict):
        problems.add(f"{where}.params", f"must be an object, got {_kind(raw)}")
        return None
    params = {}
    known = {spec.name for spec in op.params}
    for key in sorted(set(raw) - known):
        problems.add(f"{where}.params.{key}", f"unknown parameter of {name}")
    for spec in op.params:
        if spec.name not in raw:
            problems.add(f"{where}.params.{spec.name}", f"missing (default is {json.dumps(spec.to_json(spec.default))})")
            continue
        try:
            params[spec.name] = spec.validate(raw[spec.name])
        except ValueError as err:
            problems.add(f"{where}.params.{spec.name}", str(err))
    if len(params) != len(op.params):
        return None
    return Step(name, params, p, enabled)


def _parse_group(item, where, p, enabled, depth, problems: _Problems) -> Group | None:
    kind = item["group"]
    allowed = {"group", "p", "enabled", "steps"} | {"one_of": {"weights"}, "some_of": {"n"}}.get(kind, set())
    for key in sorted(set(item) - allowed):
        problems.add(f"{where}.{key}", "unknown key" if key not in ("weights", "n") else f"does not apply to {kind!r}")
    if kind not in GROUP_KINDS:
        problems.add(f"{where}.group", f"must be one of {', '.join(GROUP_KINDS)}, got {_show(kind)}")
        return None
    if depth + 1 > MAX_DEPTH:
        problems.add(where, f"groups are nested more than {MAX_DEPTH} deep")
        return None
    children = item.get("steps")
    if not isinstance(children, list):
        problems.add(f"{where}.steps", f"must be a list, got {_kind(children)}")
        return None
    nodes = _parse_nodes(children, f"{where}.steps", depth + 1, problems)
    group = Group(kind, nodes, p, enabled)
    if "weights" in item and kind == "one_of":
        weights = item["weights"]
        if (not isinstance(weights, list) or len(weights) != len(children)
                or not all(_is_number(w) and w >= 0 for w in weights)):
            problems.add(f"{where}.weights", f"must be {len(children)} non-negative numbers, one per step, got {_show(weights)}")
        else:
            group.weights = [float(w) for w in weights]
    if "n" in item and kind == "some_of":
        n = item["n"]
        if _is_int(n):
            n = [n, n]
        if not (isinstance(n, list) and len(n) == 2 and all(_is_int(v) for v in n) and 0 <= n[0] <= n[1]):
            problems.add(f"{where}.n", f"must be a count or a [low, high] pair of counts, got {_show(item['n'])}")
        else:
            group.n = (int(n[0]), int(n[1]))
    return group


# ---- files -----------------------------------------------------------------------------------


def read_preset_file(path: str | os.PathLike) -> dict:
    """Read and decode a preset file into plain data; PresetError on anything unreadable."""
    source = str(path)
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise PresetError(source, [("", f"is {size} bytes; a preset is at most {MAX_BYTES}")])
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise PresetError(source, [("", "no such file")]) from None
    except IsADirectoryError:
        raise PresetError(source, [("", "is a folder, not a preset file")]) from None
    except OSError as err:
        raise PresetError(source, [("", f"cannot be read ({err.strerror or err})")]) from None
    return decode_preset(raw, source)


def decode_preset(raw: bytes, source: str) -> Any:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise PresetError(source, [("", f"is not UTF-8 text (byte 0x{raw[err.start]:02x} at offset {err.start})")]) from None
    if not text.strip():
        raise PresetError(source, [("", "is empty")])
    try:
        # NaN and Infinity are let through here so that validation can say where they are.
        return json.loads(text, parse_constant=float)
    except json.JSONDecodeError as err:
        raise PresetError(source, [("", f"is not valid JSON: {err.msg} at line {err.lineno}, column {err.colno}")]) from None
    except RecursionError:
        raise PresetError(source, [("", "is nested too deeply to be a preset")]) from None


def encode_preset(data: dict) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8")


def write_preset_file(path: str | os.PathLike, data: dict) -> None:
    atomic_write_bytes(path, encode_preset(data))


# ---- small helpers ---------------------------------------------------------------------------


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _kind(value) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
            int: "a number", float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


def _show(value) -> str:
    text = json.dumps(value) if not isinstance(value, float) or math.isfinite(value) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _close_names(name: str) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(CATALOG), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
