"""How the pipeline's nodes run, with a trace, and how a trace replays.

Randomness: every node gets its own generator, derived from the application seed and the node's
position (`augview.core.randomness.node_key`: a BLAKE2b hash of both). So changing one step's
parameters never moves the draws of another step: with a locked seed, a slider changes only its
own effect. A group's children keep their declared position as their key, even when
``random_order`` shuffles them.

The trace is a JSON-ready list with one entry per enabled node, in the order they ran:
``{"path": "2.0", "op": "rotate", "fired": true, "drawn": {...}}`` for a step and
``{"path": "1", "group": "one_of", "fired": true, "chosen": [0], "steps": [...]}`` for a group.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from augview.core.randomness import fires, node_generator, node_key
from augview.core.registry import CATALOG, get_op
from augview.ops.geometric.crops import MAX_SIDE
from augview.errors import AugviewError, InvalidTraceError
from augview.text import tr
from augview.pipeline.choice import choose_children
from augview.pipeline.nodes import Node, Step
from augview.targets.target_set import TargetSet

def run_nodes(nodes: list[Node], image: np.ndarray, seed: int, path: tuple[int, ...] = (),
              targets: TargetSet | None = None, trace: bool = True):
    """Apply ``nodes`` in order; returns ``(image, trace)``. ``targets`` (masks, boxes, keypoints)
    follow every geometric op that fires; what an op drops is noted in its trace entry under
    ``"targets"``. With ``trace=False`` no trace is built (the pixels are the same) and None is
    returned in its place: what ``pipe(image)`` runs."""
    entries = [] if trace else None
    for index, node in enumerate(nodes):
        if node.enabled:
            image, entry = run_node(node, image, seed, path + (index,), targets, trace)
            if trace:
                entries.append(entry)
    return image, entries


def run_node(node: Node, image: np.ndarray, seed: int, path: tuple[int, ...], targets: TargetSet | None = None,
             trace: bool = True):
    # The key is only computed when it decides something: a step with p = 1 always fires, and an
    # op that draws nothing (a flip) needs no generator. The pixels are the same either way.
    key = None
    if node.p < 1.0:
        key = node_key(seed, path)
        fired = fires(key, node.p)  # always decided, so later draws never shift
    else:
        fired = True
    if isinstance(node, Step):
        if not fired:
            return image, ({"path": _where(path), "op": node.op, "fired": False} if trace else None)
        op = CATALOG[node.op]
        shape = image.shape
        if op.draws_randomly:
            rng = node_generator(key or node_key(seed, path), len(path))
            drawn = op.draw(rng, node.params, shape, None if targets is None else targets.boxes)
        else:
            drawn = op.draw(None, node.params, shape, None if targets is None else targets.boxes)
        if op.keeps_image is None or not op.keeps_image(drawn, shape):
            image = op.apply(image, drawn)
        entry = {"path": _where(path), "op": node.op, "fired": True, "drawn": drawn} if trace else None
        if targets is not None and op.geometry is not None:
            report = targets.move(op.geometry(drawn, shape))
            if report and trace:
                entry["targets"] = report
        return image, entry

    entry = {"path": _where(path), "group": node.kind, "fired": fired, "chosen": [], "steps": []} if trace else None
    if not fired:
        return image, entry
    live = [i for i, child in enumerate(node.steps) if child.enabled]
    rng = node_generator(key or node_key(seed, path), len(path)) if node.kind != "sequence" else None
    order = choose_children(node, live, rng)
    if trace:
        entry["chosen"] = order
    for i in order:
        image, child_entry = run_node(node.steps[i], image, seed, path + (i,), targets, trace)
        if trace:
            entry["steps"].append(child_entry)
    return image, entry


_WHERE: dict[tuple[int, ...], str] = {}


def _where(path: tuple[int, ...]) -> str:
    """A node's path as the trace writes it ("2.0"); cached, as the same paths recur every call."""
    text = _WHERE.get(path)
    if text is None:
        text = _WHERE[path] = ".".join(map(str, path))
    return text


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


def replay(image: np.ndarray, trace: list[dict], targets: TargetSet | None = None) -> np.ndarray:
    """Re-apply exactly what a trace drew, without any randomness; ``targets`` follow. A trace
    augview did not write (edited by hand, cut short, of another version) is an
    `InvalidTraceError` naming the step, never a bare KeyError from deep inside an op."""
    try:
        steps = fired_ops(trace)
    except (KeyError, TypeError, AttributeError, RecursionError) as err:
        raise InvalidTraceError(tr("not a trace augview wrote: a list of steps, each with \"fired\" "
                                   "and \"op\" and \"drawn\" or \"steps\" ({reason})").format(
            reason=f"{type(err).__name__}: {err}")) from None
    for name, drawn in steps:
        op = CATALOG.get(name) if isinstance(name, str) else None
        if op is None or not isinstance(drawn, dict):
            raise InvalidTraceError(tr("trace step {op}: not an op with drawn values augview knows").format(op=repr(name)))
        if not _finite(drawn):  # augview never draws NaN or infinity; they would move boxes to NaN
            raise InvalidTraceError(tr("trace step {op}: its drawn values hold a number that is not finite").format(op=name))
        shape = image.shape
        try:
            # Where a geometric op puts the image, before it runs: a trace edited to a size no op
            # draws (a million rows) is refused, not made.
            motion = op.geometry(drawn, shape) if op.geometry is not None else None
            if motion is not None:
                _check_size(name, motion.out_shape)
            if op.keeps_image is None or not op.keeps_image(drawn, shape):
                image = op.apply(image, drawn)
            if targets is not None and motion is not None:
                targets.move(motion)
        except AugviewError:
            raise
        except (KeyError, TypeError, ValueError, IndexError, AttributeError, ArithmeticError, cv2.error) as err:
            # (cv2: OpenCV refusing a size; AttributeError: a value of another kind, "ops": "abc")
            # OpenCV's messages run over several lines (its source file, an overload listing):
            # the first line that says something is enough.
            reason = next((line.strip() for line in str(err).splitlines() if line.strip()), "")
            raise InvalidTraceError(tr("trace step {op}: its drawn values cannot be replayed ({reason})").format(
                op=name, reason=f"{type(err).__name__}: {reason}")) from None
    return image


def _check_size(op: str, out_shape) -> None:
    """InvalidTraceError unless ``out_shape`` is an image size an op could have drawn."""
    height, width = (int(side) for side in out_shape[:2])
    if not (1 <= height <= MAX_SIDE and 1 <= width <= MAX_SIDE) or (height, width) != tuple(out_shape[:2]):
        raise InvalidTraceError(tr("trace step {op}: its drawn values make an image of {width}x{height} pixels; "
                                   "a side must be a whole number from 1 to {limit}").format(
            op=op, width=out_shape[1], height=out_shape[0], limit=MAX_SIDE))


def _finite(value) -> bool:
    """Whether every number in drawn values (nested lists and dicts) is finite."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, (list, tuple)):
        return all(_finite(item) for item in value)
    if isinstance(value, dict):
        return all(_finite(item) for item in value.values())
    return True


def images_only_steps(nodes: list[Node]) -> list[str]:
    """Names of the enabled ops, through any nesting, that no target can follow (AugMix)."""
    found = []
    for node in nodes:
        if not node.enabled:
            continue
        if isinstance(node, Step):
            if get_op(node.op).images_only:
                found.append(node.op)
        else:
            found.extend(images_only_steps(node.steps))
    return found


def summarize(trace: list[dict], limit: int | None = None) -> str:
    """One line for a grid cell: what fired and the values it drew (the first ``limit`` steps
    that fired, then how many more did)."""
    fired = fired_ops(trace)
    labels = [get_op(name).label(drawn) for name, drawn in fired[:limit]]
    if limit is not None and len(fired) > limit:
        labels.append(tr("… and {count} more").format(count=len(fired) - limit))
    return ", ".join(labels) if labels else tr("(nothing fired)")
