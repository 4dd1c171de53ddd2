"""Teaching helpers: one op at a time, with one thing varied and everything else held still.

- `sweep`: the op applied N times with one parameter stepped across its range. A range parameter
  is swept by pinning it to ``(v, v)``, so the value it draws is exactly ``v``; every cell uses the
  same seed, so the other draws (crop position, noise field, the other ranges) stay where they are
  and only the swept parameter changes. `held_at_middle` pins the other ranges to their middle
  first, so they do not stay at whatever the seed drew.
- `extremes`: every range parameter at the low end, the middle and the high end of the step's
  configured ranges, beside a few ordinary random draws: what "(-30, 30)" really allows.
- `gallery`: every op of the catalog at its defaults, one tile each.

Everything here is pure and deterministic (same inputs, same pixels) and never imports Qt. Given a
`augview.analysis.op_targets.TargetRun` (``targets=``), each cell also moves the image's boxes,
masks and keypoints, and the run collects one overlay per cell, in cell order.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from augview.core.params import ParamSpec
from augview.core.images import check_image
from augview.analysis.op_targets import TargetRun, run_op
from augview.core.registry import CATALOG, CATEGORIES, get_op
from augview.text import tr, unit_text

# Sweeps of one parameter produce at most this many distinct values (a choice with more options
# is cut, so a grid stays readable).
MAX_COUNT = 64


def sweep_values(spec: ParamSpec, count: int, span: tuple[float, float] | None = None) -> list:
    """``count`` values evenly spaced across the parameter's range, ends included.

    Numbers go from ``spec.min`` to ``spec.max`` (or across ``span``, clipped to those bounds) and
    land on the parameter's step grid, which is what the form's controls can set; whole-number
    parameters (``int`` and integer ranges) are then deduplicated, so a narrow integer range may
    give fewer than ``count`` values. A choice gives every choice, a flag both values (``count``
    is ignored for both). For a range parameter the values are the drawn value: `sweep` pins the
    range to ``(v, v)``.
    """
    if spec.kind == "bool":
        return [False, True]
    if spec.kind == "choice":
        return list(spec.choices[:MAX_COUNT])
    if spec.kind not in ("float", "int", "range"):
        raise ValueError(f"cannot sweep a {spec.kind!r} parameter")
    count = max(1, min(int(count), MAX_COUNT))
    low, high = _bounds(spec, span)
    raw = [low] if count == 1 else [low + (high - low) * i / (count - 1) for i in range(count)]
    values: list = []
    for value in raw:
        value = _snap(spec, value, low, high)
        if value not in values:  # only whole numbers can collide once snapped
            values.append(value)
    return values


def _bounds(spec: ParamSpec, span) -> tuple[float, float]:
    low, high = (spec.min, spec.max) if span is None else span
    if low > high:
        low, high = high, low
    if spec.min is not None:
        low, high = max(low, spec.min), max(high, spec.min)
    if spec.max is not None:
        low, high = min(low, spec.max), min(high, spec.max)
    return low, high


def _whole(spec: ParamSpec) -> bool:
    return spec.kind == "int" or (spec.kind == "range" and spec.integer)


def _snap(spec: ParamSpec, value: float, low: float, high: float):
    """``value`` on the parameter's step grid, kept inside [low, high]. Whole numbers snap to a
    grid anchored at the spec's minimum (so a kernel size of step 2 from 3 stays odd) and become
    ints; other numbers snap to multiples of the step, except the two ends, which stay exact."""
    step = spec.step or 0
    whole = _whole(spec)
    at_end = abs(value - low) < 1e-12 or abs(value - high) < 1e-12
    if step > 0 and (whole or not at_end):
        origin = (spec.min or 0) if whole else 0
        snapped = origin + round((value - origin) / step) * step
        if snapped < low - 1e-9:
            snapped += step
        if snapped > high + 1e-9:
            snapped -= step
        if low - 1e-9 <= snapped <= high + 1e-9:
            value = snapped
        # else: no grid point between low and high: keep the exact value
    if whole:
        return int(round(value))
    return float(round(value, 9))  # no 0.30000000000000004 in a caption


def format_value(spec: ParamSpec, value: Any) -> str:
    """A value as a caption shows it, with the parameter's unit: ``-45°``, ``5 px``, ``0.25``."""
    if isinstance(value, (bool, str)):
        return str(value)
    if isinstance(value, (int, np.integer)):
        text = str(int(value))
    else:
        value = float(value)
        step = spec.step or 0.01
        digits = 0 if step >= 1 else max(1, -math.floor(math.log10(step) + 1e-9))
        while digits < 4 and abs(round(value, digits) - value) > 1e-9:
            digits += 1  # 0.001 at a step of 0.01 still shows as 0.001, not 0.00
        text = f"{value:.{digits}f}"
        if text.startswith("-") and float(text) == 0:
            text = text[1:]
    unit = unit_text(spec.unit)
    if unit and unit[0].isalnum():
        unit = " " + unit  # "5 px", but "-45°" and "1.1×"
    return text + unit


def sweep_label(spec: ParamSpec, value: Any) -> str:
    """``angle = -45°``: the drawn name for a range parameter whose draw is a single value, the
    parameter's own name otherwise."""
    name = spec.drawn_name if spec.kind == "range" else spec.name
    return f"{name} = {format_value(spec, value)}"


def _params(op, params: dict | None) -> dict:
    values = op.defaults() if params is None else {**op.defaults(), **params}
    return {spec.name: spec.validate(values[spec.name]) for spec in op.params}


def _run(op, image: np.ndarray, params: dict, seed: int, targets: TargetRun | None = None):
    if targets is not None:
        return run_op(op, image, params, seed, targets)
    return op.run(image, np.random.default_rng(seed), params)


def sweep(image: np.ndarray, op_name: str, params: dict | None, param_name: str, count: int = 7,
          seed: int = 0, span: tuple[float, float] | None = None, targets: TargetRun | None = None
          ) -> list[tuple[Any, np.ndarray, str]]:
    """The op applied once per value of `sweep_values`, with ``param_name`` fixed to that value
    and the other parameters as given. Returns ``[(value, image, label), ...]``; every cell draws
    from ``default_rng(seed)``, so nothing but the swept parameter differs between cells.

    Labels name the drawn value when the parameter draws a single number (``angle = -45°``) and
    the parameter itself otherwise (a hole size limit draws a list of holes)."""
    check_image(image)
    op = get_op(op_name)
    spec = op.spec(param_name)
    base = _params(op, params)
    cells = []
    for value in sweep_values(spec, count, span):
        fixed = (value, value) if spec.kind == "range" else value
        out, drawn = _run(op, image, {**base, param_name: fixed}, seed, targets)
        if spec.kind == "range" and not isinstance(drawn.get(spec.drawn_name), (int, float)):
            label = f"{spec.name} = {format_value(spec, value)}"
        else:
            label = sweep_label(spec, value)
        cells.append((value, out, label))
    return cells


def range_specs(op) -> list[ParamSpec]:
    return [spec for spec in op.params if spec.kind == "range"]


def held_at_middle(op_name: str, params: dict | None, keep: str | None = None) -> dict:
    """``params`` with every range parameter but ``keep`` pinned to the middle of its range (on
    the step grid): 0° for a rotation of (-36, 36), 1× for a zoom of (0.9, 1.1). A sweep of one
    parameter then shows that parameter alone, not the other ranges' draws of its seed (a sweep
    of affine's scale with every cell rotated 36°)."""
    op = get_op(op_name)
    held = _params(op, params)
    for spec in range_specs(op):
        if spec.name != keep:
            low, high = held[spec.name]
            middle = _snap(spec, (low + high) / 2, low, high)
            held[spec.name] = (middle, middle)
    return held


def extremes(image: np.ndarray, op_name: str, params: dict | None, seed: int = 0,
             randoms: int = 3, targets: TargetRun | None = None) -> list[tuple[str, np.ndarray]]:
    """The op with every range parameter pinned to the low end, the middle and the high end of
    the configured ranges (one cell each, all with ``seed``), then ``randoms`` ordinary draws with
    seeds ``seed``, ``seed + 1``... Returns ``[(title, image), ...]``. An op without range
    parameters gets a single "as configured" cell before the random ones."""
    check_image(image)
    op = get_op(op_name)
    base = _params(op, params)
    ranges = range_specs(op)
    cells = []
    if ranges:
        for where in ("min", "middle", "max"):
            pinned = dict(base)
            for spec in ranges:
                low, high = base[spec.name]
                value = {"min": low, "middle": (low + high) / 2, "max": high}[where]
                if where == "middle":
                    value = _snap(spec, value, low, high)
                pinned[spec.name] = (value, value)
            out, drawn = _run(op, image, pinned, seed, targets)
            title = {"min": tr("all ranges at min: {label}"), "middle": tr("all ranges at middle: {label}"),
                     "max": tr("all ranges at max: {label}")}[where]
            cells.append((title.format(label=op.label(drawn)), out))
    else:
        out, drawn = _run(op, image, base, seed, targets)
        cells.append((tr("as configured (no ranges): {label}").format(label=op.label(drawn)), out))
    for i in range(randoms):
        out, drawn = _run(op, image, base, seed + i, targets)
        cells.append((tr("random, seed {seed}: {label}").format(seed=seed + i, label=op.label(drawn)), out))
    return cells


def gallery(image: np.ndarray, seed: int = 0, names: list[str] | None = None, targets: TargetRun | None = None
            ) -> list[tuple[str, str, np.ndarray, str]]:
    """Every op (or those named) applied at its defaults with ``default_rng(seed)``, ordered by
    category then name. Returns ``[(op_name, category, image, label), ...]``."""
    check_image(image)
    chosen = [get_op(n) for n in names] if names is not None else list(CATALOG.values())
    chosen.sort(key=lambda op: (CATEGORIES.index(op.category), op.name))
    tiles = []
    for op in chosen:
        out, drawn = _run(op, image, op.defaults(), seed, targets)
        tiles.append((op.name, op.category, out, op.label(drawn)))
    return tiles
