"""The pipeline's nodes and a node's own parameters (augview.pipeline.nodes and .choice)."""

from __future__ import annotations

import pytest

from augview.pipeline.choice import N_SPEC, P_SPEC, group_specs, node_value, weight_index, weight_spec, with_weight
from augview.pipeline.nodes import Group, Step, enabled_steps


def test_enabled_steps_walks_groups_in_order_with_their_paths():
    nodes = [
        Step("rotate"),
        Group("one_of", [Step("invert"), Step("vertical_flip", enabled=False), Group("sequence", [Step("grayscale")])]),
        Step("horizontal_flip", enabled=False),
        Group("some_of", [Step("posterize")], enabled=False),
        Step("equalize"),
    ]
    found = enabled_steps(nodes)
    assert [(path, step.op) for path, step in found] == [
        ((0,), "rotate"), ((1, 0), "invert"), ((1, 2, 0), "grayscale"), ((4,), "equalize")]
    assert found[1][1] is nodes[1].steps[0]  # the steps themselves, not copies
    assert enabled_steps([]) == []


def test_group_specs_declare_what_each_kind_of_group_has():
    assert group_specs(Group("some_of", [Step("invert")])) == [N_SPEC]
    weights = group_specs(Group("one_of", [Step("invert"), Step("rotate"), Step("equalize")]))
    assert [s.name for s in weights] == ["weight:0", "weight:1", "weight:2"]
    assert all(s.kind == "float" and s.min == 0 and s.default == 1 for s in weights)
    assert group_specs(Group("sequence", [Step("invert")])) == group_specs(Group("random_order")) == []
    assert P_SPEC.validate(0.25) == 0.25
    with pytest.raises(ValueError):
        P_SPEC.validate(1.5)
    with pytest.raises(ValueError):
        weight_spec(0).validate(-1)
    assert (N_SPEC.min, N_SPEC.integer) == (0, True)


def test_node_values_and_weights_follow_the_choice_model():
    group = Group("one_of", [Step("invert"), Step("rotate")], p=0.5)
    assert node_value(group, "p") == 0.5
    assert [node_value(group, f"weight:{i}") for i in range(2)] == [1.0, 1.0]  # no weights: all 1
    assert with_weight(group, 1, 3) == [1.0, 3.0] and group.weights is None  # a new list
    group.weights = [2.0, 0.5]
    assert node_value(group, "weight:1") == 0.5 and with_weight(group, 0, 0) == [0.0, 0.5]
    some = Group("some_of", [Step("invert")], n=(0, 1))
    assert node_value(some, "n") == (0, 1)
    step = Step("rotate", {"limit": (-5.0, 5.0)}, p=0.2)
    assert node_value(step, "limit") == (-5.0, 5.0) and node_value(step, "p") == 0.2
    assert weight_index("weight:12") == 12 and weight_index("limit") is None
