"""Teaching mode: what a pipeline does, in numbers.

- `effective_probabilities`: the chance that each step (or group) runs for one random
  application, through nested ``p``, ``one_of`` and ``some_of``, computed exactly as
  `steps.run_node` and `steps.choose_children` draw it.
- `distinct_outputs`: how many different images the discrete parts of a pipeline can make from
  one input (a 224x224 random crop of a 256x256 image has 33 x 33 = 1089 positions, twice that
  with a horizontal flip), with one explanation line per step, the way textbooks show why
  augmentation multiplies a data set. Ops with a continuous range (rotate by -10..10 degrees)
  make the real count infinite; they are listed, not counted.
- `fired_steps` and `probability_table`: per-variant and per-step views for the window.
- `depends_on_resolution`: whether a pipeline has sizes in pixels that act differently on a
  smaller copy of a photo (a preview proxy) than on the photo itself.

Counts are of distinct transforms, which equal distinct images for a generic input (an image
with no symmetry: a flat grey square looks the same flipped). Where two different choices of a
group might produce the same image (two children of a ``one_of`` that happen to coincide, two
orders of commuting steps) the count is an upper bound, and `Count.upper_bound` says so.
"""

from __future__ import annotations

from typing import Any

# The counting half lives in `augview.analysis.distinct`; it is offered here too, so teaching code
# needs one import.
from augview.analysis.distinct import Count, distinct_outputs, explain  # noqa: F401
from augview.core.registry import get_op
from augview.pipeline.nodes import Group, Node, Step, node_list  # noqa: F401
from augview.pipeline.choice import choice_probabilities, fire_chance  # noqa: F401

Path = tuple[int, ...]



# ---------------------------------------------------------------------------------------------
# Effective probabilities


def effective_probabilities(nodes) -> dict[Path, float]:
    """For every node (by its trace path, as a tuple), the probability that it runs (fires) in
    one random application. Disabled nodes, and everything inside a disabled group, get 0."""
    out: dict[Path, float] = {}

    def visit(node: Node, reach: float, path: Path) -> None:
        fires = reach * fire_chance(node.p) if node.enabled else 0.0
        out[path] = fires
        if isinstance(node, Group):
            shares = choice_probabilities(node)
            for i, child in enumerate(node.steps):
                visit(child, fires * shares.get(i, 0.0), path + (i,))

    for index, node in enumerate(node_list(nodes)):
        visit(node, 1.0, (index,))
    return out


def probability_table(nodes) -> list[dict[str, Any]]:
    """One row per node in declared order, for a teaching panel: ``path`` (tuple), ``depth``,
    ``name`` (op name or group kind), ``p`` (its own), ``effective`` (`effective_probabilities`)
    and ``enabled``."""
    effective = effective_probabilities(nodes)
    rows: list[dict[str, Any]] = []

    def visit(node: Node, path: Path) -> None:
        rows.append({
            "path": path, "depth": len(path) - 1,
            "name": node.op if isinstance(node, Step) else node.kind,
            "p": float(node.p), "effective": effective[path], "enabled": bool(node.enabled),
        })
        if isinstance(node, Group):
            for i, child in enumerate(node.steps):
                visit(child, path + (i,))

    for index, node in enumerate(node_list(nodes)):
        visit(node, (index,))
    return rows


def fired_steps(trace: list[dict]) -> list[dict[str, Any]]:
    """The steps that fired in one application, in the order they ran, through any nesting:
    ``{"path": (2, 0), "op": "rotate", "drawn": {...}, "label": "rotate angle=12.3°"}``."""
    out = []
    for entry in trace:
        if not entry["fired"]:
            continue
        if "op" in entry:
            path = tuple(int(part) for part in entry["path"].split("."))
            out.append({"path": path, "op": entry["op"], "drawn": entry["drawn"],
                        "label": get_op(entry["op"]).label(entry["drawn"])})
        else:
            out.extend(fired_steps(entry["steps"]))
    return out




# Ops whose pixel parameters are the size of their output, the same on a proxy and on the photo.
OUTPUT_SIZE_OPS = {"random_resized_crop", "resize"}


def depends_on_resolution(nodes: list[Node]) -> bool:
    """Whether an enabled step has a parameter measured in pixels (crop sizes, kernels, hole
    sizes...), whose effect depends on the image's resolution: on a display proxy it covers more
    of the picture than on the photo."""
    for node in nodes:
        if not node.enabled:
            continue
        if isinstance(node, Group):
            if depends_on_resolution(node.steps):
                return True
        elif node.op not in OUTPUT_SIZE_OPS and any(
                spec.unit.strip() == "px" and spec.applies(node.params) for spec in get_op(node.op).params):
            return True
    return False
