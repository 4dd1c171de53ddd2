"""The pipeline's plain-data nodes (`Step`, `Group`) and how they run with a trace.

Randomness: every node gets its own generator, derived from the application seed and the node's
position (``SeedSequence(seed, spawn_key=path)``). So changing one step's parameters never moves
the draws of another step: with a locked seed, a slider changes only its own effect. A group's
children keep their declared position as their key, even when ``random_order`` shuffles them.

The trace is a JSON-ready list with one entry per enabled node, in the order they ran:
``{"path": "2.0", "op": "rotate", "fired": true, "drawn": {...}}`` for a step and
``{"path": "1", "group": "one_of", "fired": true, "chosen": [0], "steps": [...]}`` for a group.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

import numpy as np

from augview.core.registry import CATALOG, did_you_mean, get_op, uniform
from augview.core.text import tr
from augview.errors import PresetError

GROUP_KINDS = ("sequence", "one_of", "some_of", "random_order")


@dataclass
class Step:
    """One op with its parameters (canonical values), probability and on/off switch."""

    op: str
    params: dict[str, Any] = field(default_factory=dict)
    p: float = 1.0
    enabled: bool = True

    def __post_init__(self):
        # Fill in defaults so a step built in Python needs only what it changes.
        if self.op not in CATALOG:
            raise PresetError("<pipeline>", [("op", tr("unknown op {name}{hint}").format(
                name=repr(self.op), hint=did_you_mean(self.op)))])
        self.params = {**get_op(self.op).defaults(), **self.params}


@dataclass
class Group:
    """A container of nodes.

    - ``sequence``: all children in order;
    - ``one_of``: one child, chosen with ``weights`` (uniform when None);
    - ``some_of``: ``n`` = (low, high) children, without repeats, in their declared order;
    - ``random_order``: all children, shuffled.
    """

    kind: str
    steps: list["Node"] = field(default_factory=list)
    p: float = 1.0
    enabled: bool = True
    weights: list[float] | None = None
    n: tuple[int, int] = (1, 1)


Node = Union[Step, Group]


def node_rng(seed: int, path: tuple[int, ...]) -> np.random.Generator:
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=path))


def run_nodes(nodes: list[Node], image: np.ndarray, seed: int, path: tuple[int, ...] = ()):
    """Apply ``nodes`` in order; returns ``(image, trace)``."""
    trace = []
    for index, node in enumerate(nodes):
        if node.enabled:
            image, entry = run_node(node, image, seed, path + (index,))
            trace.append(entry)
    return image, trace


def run_node(node: Node, image: np.ndarray, seed: int, path: tuple[int, ...]):
    rng = node_rng(seed, path)
    fired = bool(rng.random() < node.p)  # always drawn, so later draws never shift
    where = ".".join(map(str, path))
    if isinstance(node, Step):
        op = get_op(node.op)
        entry: dict[str, Any] = {"path": where, "op": node.op, "fired": fired}
        if fired:
            drawn = op.draw(rng, node.params, image.shape)
            image = op.apply(image, drawn)
            entry["drawn"] = drawn
        return image, entry

    entry = {"path": where, "group": node.kind, "fired": fired, "chosen": [], "steps": []}
    if not fired:
        return image, entry
    live = [i for i, child in enumerate(node.steps) if child.enabled]
    order = choose_children(node, live, rng)
    entry["chosen"] = order
    for i in order:
        image, child_entry = run_node(node.steps[i], image, seed, path + (i,))
        entry["steps"].append(child_entry)
    return image, entry


def choose_children(group: Group, live: list[int], rng: np.random.Generator) -> list[int]:
    """Indices of the children a group runs this time, in the order it runs them."""
    if not live:
        return []
    if group.kind == "sequence":
        return live
    if group.kind == "random_order":
        return [live[i] for i in rng.permutation(len(live))]
    if group.kind == "one_of":
        weights = np.array(
            [group.weights[i] for i in live] if group.weights else [1.0] * len(live), dtype=float
        )
        total = weights.sum()
        probs = weights / total if total > 0 else np.full(len(live), 1.0 / len(live))
        return [live[int(rng.choice(len(live), p=probs))]]
    if group.kind == "some_of":
        count = min(uniform(rng, group.n, integer=True), len(live))
        picked = sorted(rng.choice(len(live), size=count, replace=False).tolist())
        return [live[i] for i in picked]
    raise ValueError(f"unknown group kind {group.kind!r}")


def choice_probabilities(group: Group) -> dict[int, float]:
    """For each child index: the probability that ``group`` runs that child, given that the group
    itself fires. Disabled children (and children never chosen) are absent."""
    live = [i for i, child in enumerate(group.steps) if child.enabled]
    if not live:
        return {}
    if group.kind in ("sequence", "random_order"):
        return {i: 1.0 for i in live}
    if group.kind == "one_of":
        # As choose_children: weights of the enabled children, normalised; all zero -> uniform.
        weights = [float(group.weights[i]) for i in live] if group.weights else [1.0] * len(live)
        total = sum(weights)
        if total <= 0:
            return {i: 1.0 / len(live) for i in live}
        return {i: w / total for i, w in zip(live, weights) if w > 0}
    if group.kind == "some_of":
        # count = uniform integer in [low, high], clamped to the number of enabled children, then
        # a uniform subset of that size: each child is in it with probability E[count] / k.
        k = len(live)
        low, high = int(group.n[0]), int(group.n[1])
        sizes = [min(max(c, 0), k) for c in range(low, high + 1)]
        share = (sum(sizes) / len(sizes)) / k if sizes else 0.0
        return {i: share for i in live}
    raise ValueError(f"unknown group kind {group.kind!r}")


def fired_ops(trace: list[dict]) -> list[tuple[str, dict]]:
    """The (op, drawn) pairs that fired, in the order they ran, through any nesting."""
    out = []
    for entry in trace:
        if not entry["fired"]:
            continue
        if "op" in entry:
            out.append((entry["op"], entry["drawn"]))
        else:
            out.extend(fired_ops(entry["steps"]))
    return out


def replay(image: np.ndarray, trace: list[dict]) -> np.ndarray:
    """Re-apply exactly what a trace drew, without any randomness."""
    for name, drawn in fired_ops(trace):
        image = get_op(name).apply(image, drawn)
    return image


def summarize(trace: list[dict]) -> str:
    """One line for a grid cell: what fired and the values it drew."""
    labels = [get_op(name).label(drawn) for name, drawn in fired_ops(trace)]
    return ", ".join(labels) if labels else tr("(nothing fired)")
