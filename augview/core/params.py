"""Parameter specs: the single place where an op's parameters, ranges and defaults are written.

A spec is plain data. The preset validator, the GUI's controls, the CLI's `ops` listing and the
registry-driven tests are all derived from it, so a range is never written twice.

Kinds:
- ``float`` / ``int``: one number in [min, max];
- ``range``: a (low, high) pair inside [min, max], from which the op draws a value at random
  (``draws`` names the drawn value in the trace, e.g. range ``limit`` draws ``angle``);
- ``choice``: one string of ``choices``;
- ``bool``: a flag.

A number or range may declare ``scale="log"``: its slider is logarithmic, for values drawn
log-uniformly (an aspect ratio 0.1..10, where 1/2 and 2 are equally likely) and ranges that span
decades (a size 1..8192 px, where 224 would sit at the far left of a linear slider).
`slider_fraction` and `slider_value` map between values and a slider's 0..1 position.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from augview.text import tr

KINDS = ("float", "int", "bool", "choice", "range")
SCALES = ("linear", "log")


@dataclass(frozen=True)
class ParamSpec:
    name: str
    kind: str
    default: Any
    min: float | None = None
    max: float | None = None
    step: float | None = None
    unit: str = ""
    choices: tuple[str, ...] = ()
    integer: bool = False  # a range of whole numbers
    draws: str = ""  # range only: the name of the value drawn from it
    help: str = ""
    # Used only while a choice parameter has one of these values, e.g. ("size_mode", ("pixels",)):
    # the window greys the control out otherwise, and summaries leave it out.
    when: tuple[str, tuple[str, ...]] | None = None
    scale: str = "linear"  # of its slider: "linear" or "log" (see the module's docstring)

    def __post_init__(self):
        if self.scale not in SCALES:
            raise ValueError(f"{self.name}: scale must be one of {SCALES}, got {self.scale!r}")
        if self.scale == "log" and (self.kind not in ("float", "int", "range") or self.min is None
                                    or self.max is None or self.min < 0 or self.max <= self.min):
            raise ValueError(f"{self.name}: a log scale needs a number or range with 0 <= min < max")

    def applies(self, params: dict) -> bool:
        """Whether this parameter has an effect, given the step's other parameters."""
        if self.when is None:
            return True
        name, values = self.when
        return params.get(name) in values

    @property
    def drawn_name(self) -> str:
        return self.draws or self.name

    def validate(self, value: Any) -> Any:
        """Return ``value`` in canonical form, or raise ValueError with a short reason."""
        if self.kind == "bool":
            if not isinstance(value, bool):
                raise ValueError(tr("must be true or false, got {value}").format(value=_show(value)))
            return value
        if self.kind == "choice":
            if not isinstance(value, str) or value not in self.choices:
                options = ", ".join(repr(c) for c in self.choices)
                raise ValueError(tr("must be one of {options}, got {value}").format(options=options, value=_show(value)))
            return value
        if self.kind == "range":
            if not isinstance(value, (list, tuple)) or len(value) != 2:
                raise ValueError(tr("must be a [low, high] pair, got {value}").format(value=_show(value)))
            low = self._number(value[0], self.integer)
            high = self._number(value[1], self.integer)
            if low > high:
                raise ValueError(tr("low must not exceed high, got [{low}, {high}]").format(low=_fmt(low), high=_fmt(high)))
            return (low, high)
        return self._number(value, self.kind == "int")

    def _number(self, value: Any, integer: bool) -> float | int:
        if isinstance(value, (np.integer, np.floating)):
            value = value.item()  # numpy scalars from Python code are fine
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            what = tr("must be an integer, got {value}") if integer else tr("must be a number, got {value}")
            raise ValueError(what.format(value=_show(value)))
        if not math.isfinite(value):
            raise ValueError(tr("must be a finite number, got {value}").format(value=value))
        if integer:
            if value != int(value):
                raise ValueError(tr("must be an integer, got {value}").format(value=_fmt(value)))
            value = int(value)
        else:
            value = float(value)
        if (self.min is not None and value < self.min) or (self.max is not None and value > self.max):
            raise ValueError(tr("must be between {min} and {max}, got {value}").format(
                min=_fmt(self.min), max=_fmt(self.max), value=_fmt(value)))
        return value

    # ---- sliders ----

    def _log_base(self) -> float:
        """The offset that makes a log scale defined at ``min``: ``min`` itself when positive
        (a pure log scale: the ratio 1/2 sits as far below 1 as 2 above it), else one step (a
        size from 0 or 1 px)."""
        return self.min if self.min > 0 else (self.step or 1)

    def slider_fraction(self, value: float) -> float:
        """Where ``value`` sits on this parameter's slider, from 0 (``min``) to 1 (``max``)."""
        low, high = float(self.min), float(self.max)
        if high <= low:
            return 0.0
        value = min(max(float(value), low), high)
        if self.scale == "log":
            base = self._log_base()
            return math.log((value - low + base) / base) / math.log((high - low + base) / base)
        return (value - low) / (high - low)

    def slider_value(self, fraction: float) -> float | int:
        """The value at ``fraction`` (0..1) of the slider, on the parameter's step grid (counted
        from ``min``) and inside its bounds; an int for whole-number parameters."""
        low, high = float(self.min), float(self.max)
        fraction = min(max(float(fraction), 0.0), 1.0)
        if self.scale == "log":
            base = self._log_base()
            value = low - base + base * ((high - low + base) / base) ** fraction
        else:
            value = low + fraction * (high - low)
        if self.step:
            value = low + round((value - low) / self.step) * self.step
        value = min(max(value, low), high)
        if self.kind == "int" or (self.kind == "range" and self.integer):
            return int(round(value))
        return float(round(value, 9))  # no 0.30000000000000004

    def to_json(self, value: Any) -> Any:
        """The JSON form of a canonical value (ranges become lists)."""
        return list(value) if self.kind == "range" else value

    def describe(self) -> dict:
        """A JSON-ready description, used by `augview ops --json` and the docs."""
        out: dict[str, Any] = {"name": self.name, "kind": self.kind, "default": self.to_json(self.default)}
        if self.kind in ("float", "int", "range"):
            out.update(min=self.min, max=self.max, step=self.step)
        if self.kind == "range":
            out["integer"] = self.integer
            out["draws"] = self.drawn_name
        if self.choices:
            out["choices"] = list(self.choices)
        if self.unit:
            out["unit"] = self.unit
        if self.help:
            out["help"] = self.help
        if self.when is not None:
            out["when"] = {self.when[0]: list(self.when[1])}
        if self.scale != "linear":
            out["scale"] = self.scale
        return out


def _fmt(x: Any) -> str:
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return str(x)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


# Constructors: one per kind, so declarations read like a table. ``when=("mode", "a")`` or
# ``when=("mode", ("a", "b"))``: see `ParamSpec.when`.


def _when(when) -> tuple[str, tuple[str, ...]] | None:
    if when is None:
        return None
    name, values = when
    return (name, (values,) if isinstance(values, str) else tuple(values))


def float_param(name, default, min, max, step=0.01, unit="", help="", when=None, scale="linear") -> ParamSpec:
    return ParamSpec(name, "float", float(default), float(min), float(max), step, unit, help=help, when=_when(when),
                     scale=scale)


def int_param(name, default, min, max, step=1, unit="", help="", when=None, scale="linear") -> ParamSpec:
    return ParamSpec(name, "int", int(default), min, max, step, unit, help=help, when=_when(when), scale=scale)


def bool_param(name, default, help="", when=None) -> ParamSpec:
    return ParamSpec(name, "bool", bool(default), help=help, when=_when(when))


def choice_param(name, default, choices, help="", when=None) -> ParamSpec:
    return ParamSpec(name, "choice", default, choices=tuple(choices), help=help, when=_when(when))


def range_param(name, default, min, max, step=0.01, unit="", integer=False, draws="", help="",
                when=None, scale="linear") -> ParamSpec:
    cast = int if integer else float
    low, high = default
    return ParamSpec(
        name, "range", (cast(low), cast(high)), min, max, step, unit,
        integer=integer, draws=draws, help=help, when=_when(when), scale=scale,
    )
