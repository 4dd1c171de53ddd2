"""`Pipeline`: the public object that training code and the window share.

    pipe = augview.Pipeline.load("presets/light_classification.json")
    out = pipe(image, seed=7)                 # pixels only
    result = pipe.apply(image, seed=7)        # pixels, trace and the seed used
    print(result.summary)                     # "horizontal_flip, rotate angle=12.3°"

Same preset + same image + same seed gives the same pixels, in any process.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import numpy as np

from augview.core import presets
from augview.core.registry import check_image
from augview.core.steps import Node, replay, run_nodes, summarize

MAX_SEED = presets.MAX_SEED


@dataclass
class Result:
    image: np.ndarray
    trace: list[dict]
    seed: int

    @property
    def summary(self) -> str:
        return summarize(self.trace)


class Pipeline:
    """An ordered list of steps and groups, with a name, a description and a default seed."""

    def __init__(self, steps: list[Node] = (), *, name: str = "", description: str = "", seed: int = 0):
        self.steps = list(steps)
        self.name = name
        self.description = description
        self.seed = seed
        self._stream: np.random.Generator | None = None
        # Steps built in Python go through the same validation as a loaded preset, and keep the
        # checked, canonical values (so a save re-saves byte for byte).
        self.steps, _ = presets.parse_preset(self.to_dict(), source="<pipeline>")

    # ---- running ----

    def apply(self, image: np.ndarray, seed: int | None = None) -> Result:
        """Augment one image. Without ``seed``, the next seed of the pipeline's own stream is used
        (seeded from the preset's seed), and the result records it so it can be reproduced."""
        check_image(image)
        if seed is None:
            seed = self.next_seed()
        elif isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not 0 <= seed <= MAX_SEED:
            raise ValueError(f"seed must be an integer between 0 and {MAX_SEED}, got {seed!r}")
        seed = int(seed)
        out, trace = run_nodes(self.steps, image, seed)
        if out is image:
            out = image.copy()  # nothing fired: still never hand back the caller's array
        return Result(np.ascontiguousarray(out), trace, seed)

    def __call__(self, image: np.ndarray, seed: int | None = None) -> np.ndarray:
        return self.apply(image, seed).image

    def next_seed(self) -> int:
        if self._stream is None:
            self._stream = np.random.default_rng(self.seed)
        return int(self._stream.integers(0, MAX_SEED, endpoint=True))

    @staticmethod
    def replay(image: np.ndarray, trace: list[dict]) -> np.ndarray:
        """Apply exactly what a trace drew (no randomness)."""
        check_image(image)
        return replay(image, trace)

    # ---- presets ----

    def to_dict(self) -> dict:
        return presets.preset_dict(self.steps, self.name, self.description, self.seed)

    @classmethod
    def from_dict(cls, data: Any, source: str = "<preset>") -> "Pipeline":
        nodes, header = presets.parse_preset(data, source)
        return cls(nodes, **header)

    @classmethod
    def load(cls, path: str | os.PathLike) -> "Pipeline":
        return cls.from_dict(presets.read_preset_file(path), source=str(path))

    def save(self, path: str | os.PathLike) -> None:
        presets.write_preset_file(path, self.to_dict())

    # ---- plumbing ----

    def __getstate__(self):
        # A stream is per process: a copy sent to a worker starts its own (see issue on workers).
        state = self.__dict__.copy()
        state["_stream"] = None
        return state

    def __eq__(self, other):
        return isinstance(other, Pipeline) and self.to_dict() == other.to_dict()

    def __repr__(self):
        return f"Pipeline(name={self.name!r}, steps={len(self.steps)}, seed={self.seed})"
