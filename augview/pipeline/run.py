"""How the pipeline's nodes run, with a trace, and how a trace replays.

Randomness: every node gets its own generator, derived from the application seed and the node's
position (``SeedSequence(seed, spawn_key=path)``). So changing one step's parameters never moves
the draws of another step: with a locked seed, a slider changes only its own effect. A group's
children keep their declared position as their key, even when ``random_order`` shuffles them.

The trace is a JSON-ready list with one entry per enabled node, in the order they ran:
``{"path": "2.0", "op": "rotate", "fired": true, "drawn": {...}}`` for a step and
``{"path": "1", "group": "one_of", "fired": true, "chosen": [0], "steps": [...]}`` for a group.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from augview.core.randomness import node_rng
from augview.core.registry import get_op
from augview.text import tr
from augview.pipeline.choice import choose_children
from augview.pipeline.nodes import Group, Node, Step

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


def summarize(trace: list[dict], limit: int | None = None) -> str:
    """One line for a grid cell: what fired and the values it drew (the first ``limit`` steps
    that fired, then how many more did)."""
    fired = fired_ops(trace)
    labels = [get_op(name).label(drawn) for name, drawn in fired[:limit]]
    if limit is not None and len(fired) > limit:
        labels.append(tr("… and {count} more").format(count=len(fired) - limit))
    return ", ".join(labels) if labels else tr("(nothing fired)")
