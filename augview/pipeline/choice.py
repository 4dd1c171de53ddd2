"""The one model of group choice: which children a group runs (`choose_children`, the sampler),
and the probabilities that follow from it (`choice_probabilities`). The pipeline's runner, the
teaching analysis, the distinct-output count, the exporters and the window all ask this module,
so the rule for `one_of` weights and the `some_of` count range is written once."""

from __future__ import annotations

import numpy as np

from augview.core.registry import uniform
from augview.pipeline.nodes import Group


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
