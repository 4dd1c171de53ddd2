"""The pipeline's plain-data nodes: `Step` (one op with its parameters, probability and switch)
and `Group` (a container whose kind says which children run). They hold canonical values and
serialise to a preset without custom hooks; how they run lives in `augview.pipeline.run`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

from augview.core.registry import CATALOG, did_you_mean, get_op
from augview.text import tr
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


def node_list(nodes) -> list[Node]:
    """A list of nodes from a list of nodes or a `Pipeline` (handy in notebooks and the window)."""
    return list(getattr(nodes, "steps", nodes))


def group_levels(node: Node) -> int:
    """How many groups deep ``node`` goes: 0 for a step, 1 for a group of steps, and so on (a
    preset allows `augview.pipeline.presets.MAX_DEPTH`)."""
    if not isinstance(node, Group):
        return 0
    return 1 + max((group_levels(child) for child in node.steps), default=0)


def enabled_steps(nodes, prefix: tuple[int, ...] = ()) -> list[tuple[tuple[int, ...], Step]]:
    """``(path, step)`` of every enabled step in pipeline order, through enabled groups (a path
    is the index of each node on the way down, as in a trace)."""
    out = []
    for index, node in enumerate(nodes):
        if not node.enabled:
            continue
        if isinstance(node, Group):
            out.extend(enabled_steps(node.steps, prefix + (index,)))
        else:
            out.append((prefix + (index,), node))
    return out
