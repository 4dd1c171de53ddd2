"""Randomness helpers: every random draw of augview goes through an explicit numpy Generator.

- `node_rng`: the generator of one pipeline node for one application, derived from the
  application seed and the node's position, so one step's draws never depend on another's;
- `uniform`: one draw from a (low, high) range, always exactly one random number;
- `draw_seed`: one integer that seeds a per-pixel field (noise, particles), kept in the trace;
- `generator_from`: a caller's generator, or a new one from a seed.
"""

from __future__ import annotations

import numpy as np


def node_rng(seed: int, path: tuple[int, ...]) -> np.random.Generator:
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=path))


def generator_from(seed: int | None, rng: np.random.Generator | None) -> np.random.Generator:
    return rng if rng is not None else np.random.default_rng(seed)


def draw_seed(rng: np.random.Generator) -> int:
    """A seed for per-pixel randomness (noise fields, particles, drops), drawn from the step's
    generator: the trace keeps this one integer, and `apply` rebuilds the field from it."""
    return int(rng.integers(2**31))


def uniform(rng: np.random.Generator, low_high, integer: bool = False):
    """One draw from a (low, high) range; always consumes exactly one draw, so that a locked seed
    keeps every other draw where it was when a range changes."""
    low, high = low_high
    if integer:
        return int(low + min(int(rng.random() * (high - low + 1)), high - low))
    return float(low + rng.random() * (high - low))
