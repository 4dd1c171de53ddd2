"""The one model of group choice: which children a group runs (`choose_children`, the sampler),
and the probabilities that follow from it (`choice_probabilities`). The pipeline's runner, the
teaching analysis, the distinct-output count, the exporters and the window all ask this module,
so the rule for `one_of` weights and the `some_of` count range is written once. The parameters
of a node that no op declares (``p``, a ``some_of``'s ``n``, a ``one_of``'s weights) are declared
here too, as `ParamSpec`s (`P_SPEC`, `group_specs`), from which the window builds its controls."""

from __future__ import annotations

from typing import Any

import numpy as np

from augview.core.params import ParamSpec, float_param, range_param
from augview.core.randomness import uniform
from augview.pipeline.nodes import Group, Node

# The parameters of a node that no op declares, declared like an op's so that the window's form
# builds their controls the same way (the preset reader checks what a file may hold: any
# non-negative weights, counts up to MAX_NODES; these are the ranges the controls offer).
P_SPEC = float_param("p", 1.0, 0.0, 1.0, step=0.01, help="probability that this step runs")
N_SPEC = range_param("n", (1, 1), 0, 16, step=1, integer=True, help="how many children run")
WEIGHT_HELP = "relative chance that one_of picks this step"
WEIGHT_PREFIX = "weight:"


def weight_spec(index: int) -> ParamSpec:
    """The weight of child ``index`` of a ``one_of`` (weights are relative: 2 is twice 1)."""
    # Log: the useful weights (0.5 to 5) get most of the slider, not its first twentieth.
    return float_param(f"{WEIGHT_PREFIX}{index}", 1.0, 0.0, 100.0, step=0.1, help=WEIGHT_HELP, scale="log")


def group_specs(group: Group) -> list[ParamSpec]:
    """A group's own parameters after ``p``: the count range of a ``some_of``, one weight per
    child of a ``one_of``, none for the others."""
    if group.kind == "some_of":
        return [N_SPEC]
    if group.kind == "one_of":
        return [weight_spec(i) for i in range(len(group.steps))]
    return []


def weight_index(name: str) -> int | None:
    """The child a `weight_spec` name is about (``"weight:2"`` -> 2), None for other names."""
    return int(name[len(WEIGHT_PREFIX):]) if name.startswith(WEIGHT_PREFIX) else None


def node_value(node: Node, name: str) -> Any:
    """The value of ``p``, a `group_specs` parameter or an op parameter of ``node``."""
    if name == "p":
        return node.p
    if not isinstance(node, Group):
        return node.params[name]
    if name == "n":
        return node.n
    return child_weights(node, list(range(len(node.steps))))[weight_index(name)]


def with_weight(group: Group, index: int, weight: float) -> list[float]:
    """The group's weights (all 1 when it has none) with child ``index`` set to ``weight``."""
    weights = child_weights(group, list(range(len(group.steps))))
    weights[index] = float(weight)
    return weights


def fire_chance(p: float) -> float:
    """The chance that a node with probability ``p`` fires: the runner fires when
    ``rng.random() < p``, so p >= 1 always fires and p <= 0 never does."""
    return min(max(float(p), 0.0), 1.0)


def live_children(group: Group) -> list[int]:
    """Indices of the enabled children: the only ones a group can choose."""
    return [i for i, child in enumerate(group.steps) if child.enabled]


def child_weights(group: Group, live: list[int]) -> list[float]:
    """The ``one_of`` weights of the ``live`` children as given (relative: 2 is twice 1); all 1
    when the group has none."""
    return [float(group.weights[i]) for i in live] if group.weights else [1.0] * len(live)


def one_of_probabilities(group: Group, live: list[int]) -> np.ndarray:
    """The chance of each live child of a ``one_of``: its weight over the total; when every
    weight is zero, uniform."""
    weights = np.array(child_weights(group, live), dtype=float)
    total = weights.sum()
    return weights / total if total > 0 else np.full(len(live), 1.0 / len(live))


def some_of_counts(group: Group, k: int) -> dict[int, int]:
    """How many children a ``some_of`` with ``k`` live children runs: ``{count: ways}``. The count
    is drawn uniformly from the group's (low, high) range, then capped at ``k``, so each capped
    value is as likely as the number of range values that lead to it."""
    counts: dict[int, int] = {}
    for drawn in range(int(group.n[0]), int(group.n[1]) + 1):
        capped = min(max(drawn, 0), k)
        counts[capped] = counts.get(capped, 0) + 1
    return counts


def choose_children(group: Group, live: list[int], rng: np.random.Generator) -> list[int]:
    """Indices of the children a group runs this time, in the order it runs them."""
    if not live:
        return []
    if group.kind == "sequence":
        return live
    if group.kind == "random_order":
        return [live[i] for i in rng.permutation(len(live))]
    if group.kind == "one_of":
        return [live[int(rng.choice(len(live), p=one_of_probabilities(group, live)))]]
    if group.kind == "some_of":
        count = min(uniform(rng, group.n, integer=True), len(live))
        picked = sorted(rng.choice(len(live), size=count, replace=False).tolist())
        return [live[i] for i in picked]
    raise ValueError(f"unknown group kind {group.kind!r}")


def choice_probabilities(group: Group) -> dict[int, float]:
    """For each child index: the probability that ``group`` runs that child, given that the group
    itself fires. Disabled children (and children never chosen) are absent."""
    live = live_children(group)
    if not live:
        return {}
    if group.kind in ("sequence", "random_order"):
        return {i: 1.0 for i in live}
    if group.kind == "one_of":
        return {i: float(share) for i, share in zip(live, one_of_probabilities(group, live)) if share > 0}
    if group.kind == "some_of":
        # A uniform subset of the drawn count: each child is in it with probability E[count] / k.
        k = len(live)
        counts = some_of_counts(group, k)
        mean = sum(count * ways for count, ways in counts.items()) / sum(counts.values())
        return {i: mean / k for i in live}
    raise ValueError(f"unknown group kind {group.kind!r}")
