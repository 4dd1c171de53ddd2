"""The op catalog: every op is declared once, as an `Op`, and registered by name.

An op is two functions:
- ``sample(rng, params, shape) -> drawn``: the only place randomness is used. It turns the step's
  parameters (ranges, choices...) into concrete values, e.g. ``{"angle": 23.4, ...}``. The drawn
  dict is JSON-ready and complete: it is the trace a result reports, and replaying it through
  ``apply`` reproduces the pixels exactly.
- ``apply(image, drawn) -> image``: pure; never mutates its input.

Most ops only draw uniformly from their range parameters; they leave ``sample`` unset and get
`default_sample`. Geometric ops draw what later targets (boxes, masks, keypoints) will need to
follow: an angle and a matrix recipe, a crop box, a seed for a displacement field.

Memory layouts: ``apply`` takes any uint8 (H, W) or (H, W, 3) array, whatever its strides: C or
Fortran order, a tensor's (C, H, W) transposed to (H, W, C), negative strides (``image[:, :, ::-1]``)
and read-only arrays; it returns a new, writeable, C-ordered array. OpenCV refuses some of these
layouts in some functions (e.g. ``mixChannels`` and ``cvtColor`` need each pixel's values side by
side), so an op that calls such a function makes its input contiguous first. `Pipeline.apply`
also makes its input C-contiguous once, before the first op (a copy only for other layouts), so
that no op of a pipeline pays for a layout again; every op is tested on every layout through
``apply`` directly (tests/test_catalog.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from augview.core.params import ParamSpec
from augview.text import tr, unit_text
from augview.core.images import check_image
from augview.core.randomness import uniform

CATEGORIES = ("geometric", "color", "noise", "blur", "quality", "dropout", "policy")

Sampler = Callable[[np.random.Generator, dict, tuple], dict]
Applier = Callable[[np.ndarray, dict], np.ndarray]


@dataclass(frozen=True)
class Op:
    name: str
    category: str
    description: str
    params: tuple[ParamSpec, ...]
    apply: Applier
    sample: Sampler | None = None
    caption: Callable[[dict], str] | None = None  # custom grid caption of the drawn values
    # Extra lines for learners that depend on the parameters (e.g. a policy's sub-policies).
    details: Callable[[dict], list[str]] | None = None

    def spec(self, name: str) -> ParamSpec:
        for spec in self.params:
            if spec.name == name:
                return spec
        raise KeyError(f"{self.name} has no parameter {name!r}")

    def defaults(self) -> dict[str, Any]:
        return {spec.name: spec.default for spec in self.params}

    def draw(self, rng: np.random.Generator, params: dict, shape: tuple) -> dict:
        """Concrete values for one application, from the step's parameters."""
        if self.sample is not None:
            return self.sample(rng, params, shape)
        return default_sample(self, rng, params)

    def run(self, image: np.ndarray, rng: np.random.Generator, params: dict | None = None):
        """Draw and apply in one call; returns ``(image, drawn)``. Handy in notebooks and tests."""
        check_image(image)
        values = self.defaults() if params is None else {**self.defaults(), **params}
        drawn = self.draw(rng, values, image.shape)
        return self.apply(image, drawn), drawn

    def label(self, drawn: dict) -> str:
        """A short caption of what was drawn, e.g. ``rotate angle=23.4°``: the values drawn from
        range parameters, or the op's own ``caption`` when it has one."""
        if self.caption is not None:
            text = self.caption(drawn)
            return self.name + (" " + text if text else "")
        units = {s.drawn_name: unit_text(s.unit) for s in self.params if s.kind == "range"}
        parts = []
        for key, value in drawn.items():
            if key not in units or isinstance(value, (list, dict)):
                continue
            if isinstance(value, float):
                value = f"{value:.3g}" if abs(value) < 10 else f"{value:.1f}"
            parts.append(f"{key}={value}{units[key]}")
        return self.name + (" " + " ".join(parts) if parts else "")


CATALOG: dict[str, Op] = {}


def register(op: Op) -> Op:
    if op.name in CATALOG:
        raise ValueError(f"op {op.name!r} is declared twice")
    if op.category not in CATEGORIES:
        raise ValueError(f"op {op.name!r}: unknown category {op.category!r}")
    CATALOG[op.name] = op
    return op


def get_op(name: str) -> Op:
    try:
        return CATALOG[name]
    except KeyError:
        raise KeyError(f"unknown op {name!r}") from None


def did_you_mean(name: str) -> str:
    """`` (did you mean 'rotate'?)`` for a misspelt op name, or an empty string."""
    import difflib

    close = difflib.get_close_matches(str(name), list(CATALOG), n=1)
    return tr(" (did you mean {name}?)").format(name=repr(close[0])) if close else ""


def default_sample(op: Op, rng: np.random.Generator, params: dict) -> dict:
    """Each range parameter draws one uniform value; every other parameter is passed on as is."""
    drawn = {}
    for spec in op.params:
        value = params[spec.name]
        if spec.kind == "range":
            drawn[spec.drawn_name] = uniform(rng, value, spec.integer)
        else:
            drawn[spec.name] = value
    return drawn
