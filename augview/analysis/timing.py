"""How long each step of a pipeline takes on one image: the training-budget question.

Every enabled step is timed as if it fired (its draw and its pixels), on the image the steps
before it make: a crop early in the pipeline makes every later step cheaper, as in training. A
group's children are timed in order, each on what the previous one made, except ``one_of``'s,
which are alternatives: each is timed on the group's input. Draws come from the seeded generator
the step gets in a real run, so a step is timed on a typical draw of its own ranges.

Pure and Qt-free; the window runs it in the background once a render has settled.
"""

from __future__ import annotations

import statistics
import time
from typing import Callable

import numpy as np

from augview.core.randomness import node_generator, node_key
from augview.core.registry import get_op
from augview.pipeline.nodes import Node, Step

MAX_RUNS = 5  # a step is run at most this often (the median is kept)
ENOUGH = 0.05  # seconds: a step is not run again once its runs add up to this


class Stopped(Exception):
    """The timing was given up (`should_stop` said so between two steps)."""


def time_step(step: Step, image: np.ndarray, seed: int, path: tuple[int, ...]) -> tuple[float, np.ndarray]:
    """The median seconds of one step's draw and apply on ``image``, and its output."""
    op = get_op(step.op)
    key = node_key(seed, path)
    runs, out = [], image
    while len(runs) < MAX_RUNS and sum(runs) < ENOUGH:
        start = time.perf_counter()
        rng = node_generator(key, len(path)) if op.draws_randomly else None
        drawn = op.draw(rng, step.params, image.shape)
        out = op.apply(image, drawn)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), out


def step_timings(nodes: list[Node], image: np.ndarray, seed: int = 0,
                 should_stop: Callable[[], bool] = lambda: False) -> dict[tuple[int, ...], float]:
    """``{path: seconds}`` for every enabled step under ``nodes`` (paths as in the pipeline:
    ``(2, 0)`` is the first child of the third node). Raises `Stopped` when ``should_stop()``
    turns true between two steps (the answer is no longer wanted)."""
    timings: dict[tuple[int, ...], float] = {}
    _walk(nodes, image, seed, (), timings, should_stop)
    return timings


def _walk(nodes, image, seed, prefix, timings, should_stop, chain: bool = True) -> np.ndarray:
    """Time ``nodes`` in order; ``chain``: each on what the previous made (else all on ``image``,
    as ``one_of``'s alternatives). Returns what the last one made (``image`` when not chained)."""
    out = image
    for index, node in enumerate(nodes):
        if not node.enabled:
            continue
        if should_stop():
            raise Stopped()
        path = prefix + (index,)
        source = out if chain else image
        if isinstance(node, Step):
            timings[path], made = time_step(node, source, seed, path)
        else:
            made = _walk(node.steps, source, seed, path, timings, should_stop, chain=node.kind != "one_of")
        if chain:
            out = made
    return out
