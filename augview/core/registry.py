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

import functools
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from augview.core.params import ParamSpec
from augview.text import op_text, tr, unit_text
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
    # How masks, boxes and keypoints follow one application: ``geometry(drawn, input shape)``
    # returns a motion (see augview.targets.motion). None: the op only changes pixel values, and
    # targets pass through untouched (the tests check that such an op keeps the image's size).
    geometry: Callable[[dict, tuple], Any] | None = None
    # The sampler also takes the current boxes (pixel x_min, y_min, x_max, y_max): crops that
    # must keep or contain boxes. Called as ``sample(rng, params, shape, boxes)``.
    uses_boxes: bool = False
    # Blends several geometric results into one image (AugMix), so no target can follow it.
    images_only: bool = False
    # ``keeps_image(drawn, shape)``: True when ``apply`` would only copy its input for these values
    # (a pad of nothing, a crop of the whole image, a resize to the same size). A pipeline then
    # passes the image on as it is: inside a pipeline the copy buys nothing (ops never change
    # their input, and the pipeline copies its result if it is still the caller's array).
    keeps_image: Callable[[dict, tuple], bool] | None = None

    @functools.cached_property
    def draws_randomly(self) -> bool:
        """Whether `draw` uses its generator: an op with neither a sampler of its own nor a range
        parameter (a flip) draws nothing, and the pipeline gives it no generator."""
        return self.sample is not None or self.uses_boxes or any(spec.kind == "range" for spec in self.params)

    @functools.cached_property
    def sample_plan(self) -> tuple[tuple[str, str, bool, bool], ...]:
        """What `default_sample` does with each parameter, worked out once: (name, drawn name,
        is a range, draws whole numbers)."""
        return tuple((spec.name, spec.drawn_name, spec.kind == "range", spec.integer) for spec in self.params)

    def spec(self, name: str) -> ParamSpec:
        for spec in self.params:
            if spec.name == name:
                return spec
        raise KeyError(f"{self.name} has no parameter {name!r}")

    def defaults(self) -> dict[str, Any]:
        return {spec.name: spec.default for spec in self.params}

    def draw(self, rng: np.random.Generator, params: dict, shape: tuple, boxes: np.ndarray | None = None) -> dict:
        """Concrete values for one application, from the step's parameters (and, for an op that
        ``uses_boxes``, the image's current boxes: an empty array when there are none)."""
        if self.uses_boxes:
            return self.sample(rng, params, shape, np.zeros((0, 4)) if boxes is None else boxes)
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
        range parameters, then the names of options switched on that are off by default (e.g.
        ``antialias``), or the op's own ``caption`` when it has one."""
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
        parts += switched_on(self, drawn)
        return self.name + (" " + " ".join(parts) if parts else "")


def switched_on(op: Op, values: dict) -> list[str]:
    """The names of ``op``'s on/off options that ``values`` (parameters or drawn values) turn on
    where they are off by default: what a caption must say, or two different results read alike."""
    return [spec.name for spec in op.params
            if spec.kind == "bool" and not spec.default and values.get(spec.name) is True]


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


def op_order() -> list[str]:
    """Every op name in reading order: by category (in `CATEGORIES` order), then by name. The op
    picker, the gallery, the sweep and ``augview ops`` all list the catalog this way."""
    return sorted(CATALOG, key=lambda name: (CATEGORIES.index(CATALOG[name].category), name))


def search_text(op: Op) -> str:
    """What a search of the catalog looks in, lower case: the name (also with spaces for its
    underscores, so "gaussian blur" finds gaussian_blur), the category and the description, in
    English and in the interface language."""
    texts = (op.name, op.name.replace("_", " "), op.category, op_text(op.category), op.description,
             op_text(op.description))
    return " ".join(texts).lower()


def find_ops(query: str, names: list[str] | None = None) -> list[str]:
    """The ops of ``names`` (default: the whole catalog in `op_order`) whose `search_text` holds
    every word of ``query``, case-insensitive, best match first: the exact name, then names that
    start with the query, then names that contain it, then the others ("rot" is rotate before
    random_rotate90, whose description also says "rotat..."); ties keep the order of ``names``.
    An empty query matches every op."""
    names = op_order() if names is None else list(names)
    words = query.lower().split()
    matches = [name for name in names if all(word in search_text(CATALOG[name]) for word in words)]
    wanted = " ".join(words).replace("_", " ")

    def rank(name: str) -> int:
        spaced = name.replace("_", " ")
        return 0 if spaced == wanted else 1 if spaced.startswith(wanted) else 2 if wanted in spaced else 3

    return sorted(matches, key=rank)


def did_you_mean(name: str) -> str:
    """`` (did you mean 'rotate'?)`` for a misspelt op name, or an empty string."""
    import difflib

    close = difflib.get_close_matches(str(name), list(CATALOG), n=1)
    return tr(" (did you mean {name}?)").format(name=repr(close[0])) if close else ""


def default_sample(op: Op, rng: np.random.Generator, params: dict) -> dict:
    """Each range parameter draws one uniform value (as `uniform` does); every other parameter is
    passed on as is."""
    drawn = {}
    for name, drawn_name, is_range, integer in op.sample_plan:
        value = params[name]
        if not is_range:
            drawn[name] = value
        elif integer:
            drawn[drawn_name] = uniform(rng, value, True)
        else:  # `uniform` written out: this runs for most steps of most pipelines
            low, high = value
            drawn[drawn_name] = float(low + rng.random() * (high - low))
    return drawn
