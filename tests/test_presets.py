"""The preset format: loading validates everything and reports every problem with its location;
saving is atomic and round-trips exactly; the same preset and seed give the same pixels anywhere."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import augview
from augview import Group, Pipeline, PresetError, Step
from augview.pipeline import presets

ROOT = Path(__file__).resolve().parents[1]


# ---- building blocks ---------------------------------------------------------------------------


def rotate(limit=(-30, 30), params=None, **extra):
    """A complete rotate step; ``params`` overrides some parameters, ``extra`` sets node keys."""
    full = {"limit": list(limit), "interpolation": "linear", "border_mode": "constant", "fill": 0}
    return {"op": "rotate", "p": 1.0, "enabled": True, "params": {**full, **(params or {})}, **extra}


def flip(name="horizontal_flip", **extra):
    return {"op": name, "p": 0.5, "enabled": True, "params": {}, **extra}


def group(kind, steps, **extra):
    return {"group": kind, "p": 1.0, "enabled": True, **extra, "steps": steps}


DEFAULT_TARGETS = {"mask_fill": 0, "min_area": 0.0, "min_visibility": 0.0, "min_width": 0.0, "min_height": 0.0,
                   "box_method": "largest_box", "keypoints_outside": "drop"}


def preset(steps, **header):
    return {"schema_version": 3, "name": "test", "description": "a test preset", "seed": 0,
            "targets": dict(DEFAULT_TARGETS), "steps": steps, **header}


def rich_preset():
    """Every kind of node, nested, with non-default values everywhere."""
    return preset([
        rotate((-10.5, 20.25)),
        group("one_of", [flip("horizontal_flip"), flip("vertical_flip"), rotate((90, 90))],
              weights=[1.0, 2.0, 0.5], p=0.8),
        group("some_of", [flip("vertical_flip"), group("random_order", [rotate(), flip()])],
              n=[0, 2], enabled=False),
        group("sequence", [rotate((-5, 5), {"interpolation": "nearest", "border_mode": "reflect", "fill": 7})]),
    ], name="rich ✓ ünïcode", description="line one\nline two", seed=12345)


def problems_of(data) -> list[tuple[str, str]]:
    with pytest.raises(PresetError) as info:
        Pipeline.from_dict(data)
    return info.value.problems


def locations(data) -> list[str]:
    return [where for where, _ in problems_of(data)]


def load_problems(path) -> list[tuple[str, str]]:
    with pytest.raises(PresetError) as info:
        Pipeline.load(path)
    assert info.value.source == str(path)
    return info.value.problems


# ---- a valid preset -----------------------------------------------------------------------------


def test_valid_preset_loads_into_nodes():
    pipe = Pipeline.from_dict(rich_preset())
    assert (pipe.name, pipe.description, pipe.seed) == ("rich ✓ ünïcode", "line one\nline two", 12345)
    first, one_of, some_of, sequence = pipe.steps
    assert isinstance(first, Step) and first.op == "rotate"
    assert first.params["limit"] == (-10.5, 20.25)  # canonical form: a tuple of floats
    assert isinstance(one_of, Group) and one_of.kind == "one_of"
    assert one_of.weights == [1.0, 2.0, 0.5] and one_of.p == 0.8
    assert [s.op for s in one_of.steps] == ["horizontal_flip", "vertical_flip", "rotate"]
    assert some_of.n == (0, 2) and some_of.enabled is False
    assert isinstance(some_of.steps[1], Group) and some_of.steps[1].kind == "random_order"
    assert sequence.kind == "sequence"


def test_p_and_enabled_may_be_left_out():
    step = {"op": "horizontal_flip", "params": {}}
    pipe = Pipeline.from_dict(preset([step, {"group": "sequence", "steps": [dict(step)]}]))
    assert pipe.steps[0].p == 1.0 and pipe.steps[0].enabled is True
    assert pipe.steps[1].p == 1.0 and pipe.steps[1].enabled is True


def test_params_may_be_left_out_for_an_op_without_parameters():
    pipe = Pipeline.from_dict(preset([{"op": "vertical_flip"}]))
    assert pipe.steps[0].op == "vertical_flip"


def test_header_fields_default_when_absent():
    pipe = Pipeline.from_dict({"schema_version": 1, "steps": []})
    assert (pipe.name, pipe.description, pipe.seed) == ("", "", 0)


def test_to_dict_is_the_documented_format():
    data = Pipeline.from_dict(rich_preset()).to_dict()
    assert data == rich_preset()
    assert list(data) == ["schema_version", "name", "description", "seed", "targets", "steps"]
    assert data["schema_version"] == presets.SCHEMA_VERSION == 3
    # A step lists every parameter of its op, so a changed default never changes a preset.
    assert set(data["steps"][0]["params"]) == {s.name for s in augview.CATALOG["rotate"].params}


def test_from_dict_does_not_mutate_its_input():
    data = rich_preset()
    before = copy.deepcopy(data)
    Pipeline.from_dict(data).to_dict()
    assert data == before


# ---- every problem kind, with its location -----------------------------------------------------


def _with(path_and_value):
    """A valid preset with one value replaced (or removed when the value is ...)."""
    data = preset([flip(), rotate(), group("one_of", [flip(), rotate()])])
    *keys, last = path_and_value[0]
    target = data
    for key in keys:
        target = target[key]
    if path_and_value[1] is ...:
        del target[last]
    else:
        target[last] = path_and_value[1]
    return data


ONE_PROBLEM = [
    # (what is replaced, value) -> expected location, a phrase of the message
    ((("steps", 1, "op"), "rotat"), "steps[1].op", "unknown op \"rotat\" (did you mean 'rotate'?)"),
    ((("steps", 1, "op"), 7), "steps[1].op", "unknown op 7"),
    ((("steps", 1, "params", "angle"), 5), "steps[1].params.angle", "unknown parameter of rotate"),
    ((("steps", 1, "params", "limit"), "wide"), "steps[1].params.limit", "must be a [low, high] pair"),
    ((("steps", 1, "params", "limit"), [1, 2, 3]), "steps[1].params.limit", "must be a [low, high] pair"),
    ((("steps", 1, "params", "limit"), [0, 720]), "steps[1].params.limit",
     "must be between -180 and 180, got 720"),
    ((("steps", 1, "params", "limit"), [-181, 0]), "steps[1].params.limit", "must be between -180 and 180"),
    ((("steps", 1, "params", "limit"), [20, 10]), "steps[1].params.limit",
     "low must not exceed high, got [20, 10]"),
    ((("steps", 1, "params", "limit"), [0, "5"]), "steps[1].params.limit", "must be a number"),
    ((("steps", 1, "params", "limit"), [True, 5]), "steps[1].params.limit", "must be a number"),
    ((("steps", 1, "params", "limit"), [float("nan"), 5]), "steps[1].params.limit", "finite"),
    ((("steps", 1, "params", "limit"), [0, float("inf")]), "steps[1].params.limit", "finite"),
    ((("steps", 1, "params", "fill"), 3.5), "steps[1].params.fill", "must be an integer, got 3.5"),
    ((("steps", 1, "params", "fill"), 256), "steps[1].params.fill", "must be between 0 and 255, got 256"),
    ((("steps", 1, "params", "fill"), -1), "steps[1].params.fill", "must be between 0 and 255"),
    ((("steps", 1, "params", "fill"), True), "steps[1].params.fill", "must be an integer"),
    ((("steps", 1, "params", "fill"), None), "steps[1].params.fill", "must be an integer"),
    ((("steps", 1, "params", "fill"), 10**400), "steps[1].params.fill", "is out of range, got 1000000"),
    ((("steps", 1, "params", "interpolation"), "bilinear"), "steps[1].params.interpolation", "must be one of"),
    ((("steps", 1, "params", "interpolation"), 1), "steps[1].params.interpolation", "must be one of"),
    ((("steps", 1, "params"), [1, 2]), "steps[1].params", "must be an object, got a list"),
    ((("steps", 1, "p"), 1.5), "steps[1].p", "must be a probability between 0 and 1, got 1.5"),
    ((("steps", 1, "p"), -0.1), "steps[1].p", "must be a probability between 0 and 1"),
    ((("steps", 1, "p"), float("nan")), "steps[1].p", "got nan"),
    ((("steps", 1, "p"), float("inf")), "steps[1].p", "must be a probability"),
    ((("steps", 1, "p"), True), "steps[1].p", "got true"),
    ((("steps", 1, "p"), "0.5"), "steps[1].p", "must be a probability"),
    ((("steps", 1, "p"), 10**400), "steps[1].p", "must be a probability"),
    ((("steps", 1, "enabled"), 1), "steps[1].enabled", "must be true or false, got 1"),
    ((("steps", 1, "colour"), "red"), "steps[1].colour", "unknown key"),
    ((("steps", 1, "group"), "sequence"), "steps[1]", "has both 'op' and 'group'"),
    ((("steps", 0), "horizontal_flip"), "steps[0]", "must be an object with 'op' or 'group', got a string"),
    ((("steps", 0), None), "steps[0]", "got null"),
    ((("steps", 0), {"p": 0.5}), "steps[0]", "needs an 'op' (a step) or a 'group'"),
    ((("steps", 2, "group"), "two_of"), "steps[2].group", "must be one of sequence, one_of, some_of, random_order"),
    ((("steps", 2, "group"), ["one_of"]), "steps[2].group", "must be one of"),
    ((("steps", 2, "steps"), ...), "steps[2].steps", "missing"),
    ((("steps", 2, "steps"), {"op": "rotate"}), "steps[2].steps", "must be a list, got an object"),
    ((("steps", 2, "n"), 1), "steps[2].n", "does not apply to \"one_of\""),
    ((("steps", 2, "weights"), [1]), "steps[2].weights", "must be 2 non-negative numbers, one per step"),
    ((("steps", 2, "weights"), [1, 2, 3]), "steps[2].weights", "must be 2 non-negative numbers"),
    ((("steps", 2, "weights"), [1, -1]), "steps[2].weights", "non-negative"),
    ((("steps", 2, "weights"), [1, float("nan")]), "steps[2].weights", "non-negative"),
    ((("steps", 2, "weights"), [1, True]), "steps[2].weights", "non-negative"),
    ((("steps", 2, "weights"), [1e308, 1e308]), "steps[2].weights", "non-negative"),  # sum overflows
    ((("steps", 2, "weights"), 1), "steps[2].weights", "non-negative"),
    ((("steps", 2, "steps", 1, "params", "limit"), [0, 999]), "steps[2].steps[1].params.limit",
     "must be between -180 and 180, got 999"),
    ((("steps",), {"0": flip()}), "steps", "must be a list, got an object"),
    ((("steps",), ...), "steps", "missing"),
    ((("schema_version",), ...), "schema_version", "missing (this program writes 3)"),
    ((("schema_version",), 0), "schema_version", "must be a positive integer, got 0"),
    ((("schema_version",), "1"), "schema_version", "must be a positive integer, got \"1\""),
    ((("schema_version",), True), "schema_version", "must be a positive integer"),
    ((("schema_version",), 1.5), "schema_version", "must be a positive integer"),
    ((("name",), 5), "name", "must be a string, got 5"),
    ((("name",), "\ud800"), "name", "not valid Unicode"),  # would load but could never be saved
    ((("description",), None), "description", "must be a string, got null"),
    ((("seed",), -1), "seed", "must be an integer between 0 and"),
    ((("seed",), 2**63), "seed", "must be an integer between 0 and"),
    ((("seed",), 1.5), "seed", "got 1.5"),
    ((("seed",), "7"), "seed", "got \"7\""),
    ((("seed",), False), "seed", "got false"),
    ((("author",), "me"), "author", "unknown key"),
]


@pytest.mark.parametrize(("change", "where", "phrase"), ONE_PROBLEM, ids=[w + ":" + p[:30] for _, w, p in ONE_PROBLEM])
def test_each_problem_is_reported_with_its_location(change, where, phrase):
    problems = problems_of(_with(change))
    assert len(problems) == 1, problems
    assert problems[0][0] == where
    assert phrase in problems[0][1]


def test_the_issue_example_message_is_exact():
    data = preset([flip(), flip(), rotate((-30, 720))])
    with pytest.raises(PresetError) as info:
        Pipeline.from_dict(data, source="mine.json")
    assert str(info.value) == "mine.json: steps[2].params.limit: must be between -180 and 180, got 720"
    assert info.value.lines() == ["mine.json: steps[2].params.limit: must be between -180 and 180, got 720"]


def test_a_float_with_a_whole_value_is_accepted_where_an_int_is_expected():
    pipe = Pipeline.from_dict(preset([rotate(params={"fill": 3.0})]))
    assert pipe.steps[0].params["fill"] == 3 and type(pipe.steps[0].params["fill"]) is int
    assert pipe.to_dict()["steps"][0]["params"]["fill"] == 3


def test_an_int_is_accepted_where_a_float_is_expected():
    pipe = Pipeline.from_dict(preset([rotate((-5, 5)), dict(flip(), p=1)]))
    assert pipe.steps[0].params["limit"] == (-5.0, 5.0)
    assert all(type(v) is float for v in pipe.steps[0].params["limit"])
    assert pipe.steps[1].p == 1.0 and type(pipe.steps[1].p) is float


def test_range_bounds_are_inclusive():
    pipe = Pipeline.from_dict(preset([rotate((-180, 180)), rotate((7, 7)), dict(flip(), p=0), dict(flip(), p=1)]))
    assert pipe.steps[0].params["limit"] == (-180.0, 180.0)
    assert pipe.steps[1].params["limit"] == (7.0, 7.0)


def test_several_problems_are_all_reported_in_document_order():
    data = preset(
        [
            rotate((0, 720), p=2),
            group("one_of", [rotate((10, -10)), {"op": "spin", "params": {}}, flip(enabled="yes")],
                  weights=[1, 1]),
            group("some_of", [flip(), {"op": "rotate", "params": {"limit": [0, 1], "fill": 1.5, "speed": 3}}],
                  n=[3, 1]),
        ],
        seed=-5, extra=1,
    )
    data["schema_version"] = 1
    assert problems_of(data) == [
        ("extra", "unknown key"),
        ("seed", "must be an integer between 0 and 9223372036854775807, got -5"),
        ("steps[0].p", "must be a probability between 0 and 1, got 2"),
        ("steps[0].params.limit", "must be between -180 and 180, got 720"),
        ("steps[1].steps[0].params.limit", "low must not exceed high, got [10, -10]"),
        ("steps[1].steps[1].op", "unknown op \"spin\""),
        ("steps[1].steps[2].enabled", "must be true or false, got \"yes\""),
        ("steps[1].weights", "must be 3 non-negative numbers, one per step, got [1, 1]"),
        ("steps[2].steps[1].params.speed", "unknown parameter of rotate"),
        ("steps[2].steps[1].params.fill", "must be an integer, got 1.5"),
        ("steps[2].n", "must be a count or a [low, high] pair of counts, got [3, 1]"),
    ]


def test_problems_deep_inside_nested_groups_have_full_paths():
    inner = group("sequence", [flip(), group("random_order", [rotate((0, 900))])])
    data = preset([flip(), group("sequence", [rotate((-200, 0)), inner])])
    assert problems_of(data) == [
        ("steps[1].steps[0].params.limit", "must be between -180 and 180, got -200"),
        ("steps[1].steps[1].steps[1].steps[0].params.limit", "must be between -180 and 180, got 900"),
    ]


def test_all_unknown_top_level_keys_are_listed():
    data = preset([], zeta=1, alpha=2, Steps=[])
    assert problems_of(data) == [("Steps", "unknown key"), ("alpha", "unknown key"), ("zeta", "unknown key")]


def test_a_non_object_preset_is_one_problem():
    for value in ([], "preset", 3, None):
        problems = problems_of(value)
        assert len(problems) == 1 and problems[0][0] == "" and "must be a JSON object" in problems[0][1]


def test_a_newer_schema_version_is_refused_before_anything_else():
    data = preset([{"op": "future_op", "params": {"x": 1}}], schema_version=4, future_key=True)
    assert problems_of(data) == [(
        "schema_version", "is 4, written by a newer augview; this version reads up to 3",
    )]


def test_python_data_that_json_cannot_hold_is_reported_not_crashed():
    # from_dict is public: sets and non-string keys must give PresetErrors, not crashes; a numpy
    # integer seed from Python code is accepted and stored as a plain int.
    problems = problems_of({**preset([]), "seed": np.int64(5), 3: "x"})
    assert [where for where, _ in problems] == ["3"]
    assert Pipeline.from_dict(preset([], seed=np.int64(5))).to_dict()["seed"] == 5
    assert type(Pipeline.from_dict(preset([], seed=np.int64(5))).seed) is int
    assert locations(preset([], seed={1, 2})) == ["seed"]


# ---- groups: weights, n, depth, size -------------------------------------------------------------


def test_some_of_n_as_a_count_and_as_a_pair():
    steps = [flip(), flip("vertical_flip"), rotate()]
    assert Pipeline.from_dict(preset([group("some_of", steps, n=2)])).steps[0].n == (2, 2)
    assert Pipeline.from_dict(preset([group("some_of", steps, n=[1, 3])])).steps[0].n == (1, 3)
    assert Pipeline.from_dict(preset([group("some_of", steps, n=[0, 0])])).steps[0].n == (0, 0)
    assert Pipeline.from_dict(preset([group("some_of", steps)])).steps[0].n == (1, 1)
    # The count form is saved as a pair, so the file re-saves unchanged from then on.
    assert Pipeline.from_dict(preset([group("some_of", steps, n=2)])).to_dict()["steps"][0]["n"] == [2, 2]


@pytest.mark.parametrize("n", [-1, [2, 1], [1], [1, 2, 3], [1.5, 2], 2.5, True, [True, 2], "2", [0, 10**30], None])
def test_some_of_bad_n(n):
    problems = problems_of(preset([group("some_of", [flip(), rotate()], n=n)]))
    assert problems == [("steps[0].n", problems[0][1])]
    assert problems[0][1].startswith("must be a count or a [low, high] pair of counts")


def test_one_of_weights_count_must_match_the_steps():
    ok = Pipeline.from_dict(preset([group("one_of", [flip(), rotate()], weights=[0, 3])]))
    assert ok.steps[0].weights == [0.0, 3.0]
    assert problems_of(preset([group("one_of", [flip(), rotate()], weights=[1, 2, 3])])) == [
        ("steps[0].weights", "must be 2 non-negative numbers, one per step, got [1, 2, 3]")
    ]


def test_weights_and_n_belong_to_their_own_group_kind():
    assert problems_of(preset([group("sequence", [flip()], weights=[1], n=1)])) == [
        ("steps[0].n", "does not apply to \"sequence\""),
        ("steps[0].weights", "does not apply to \"sequence\""),
    ]
    assert locations(preset([group("some_of", [flip()], weights=[1])])) == ["steps[0].weights"]


def nested(depth, leaf=None):
    node = leaf if leaf is not None else flip()
    for _ in range(depth):
        node = group("sequence", [node])
    return node


def test_groups_nested_max_depth_deep_load():
    assert presets.MAX_DEPTH == 8
    pipe = Pipeline.from_dict(preset([nested(8)]))
    node = pipe.steps[0]
    for _ in range(7):
        node = node.steps[0]
    assert isinstance(node, Group) and isinstance(node.steps[0], Step)
    image = np.arange(12, dtype=np.uint8).reshape(3, 4)
    assert pipe.apply(image, seed=0).image.shape == (3, 4)


def test_groups_nested_one_deeper_than_max_depth_are_refused_at_the_right_place():
    location = "steps[0]" + ".steps[0]" * 8
    assert problems_of(preset([nested(9)])) == [(location, "groups are nested more than 8 deep")]


def test_groups_nested_very_deep_in_a_dict_stop_at_max_depth():
    assert locations(preset([nested(500)])) == ["steps[0]" + ".steps[0]" * 8]


def test_too_many_steps_is_one_problem():
    data = preset([flip() for _ in range(presets.MAX_NODES + 5)])
    assert problems_of(data) == [(f"steps[{presets.MAX_NODES}]", f"too many steps (more than {presets.MAX_NODES})")]
    assert len(Pipeline.from_dict(preset([flip() for _ in range(presets.MAX_NODES)])).steps) == presets.MAX_NODES


def test_an_empty_group_and_an_empty_pipeline_are_valid():
    pipe = Pipeline.from_dict(preset([group("one_of", [], weights=[]), group("some_of", [], n=[0, 2])]))
    image = np.full((2, 3, 3), 9, np.uint8)
    out = pipe(image, seed=1)
    assert np.array_equal(out, image) and out is not image
    assert Pipeline.from_dict(preset([])).steps == []


# ---- files ---------------------------------------------------------------------------------------


def write(tmp_path, content: bytes | str, name="preset.json") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def test_load_a_file(tmp_path):
    path = write(tmp_path, json.dumps(rich_preset()))
    assert Pipeline.load(path).to_dict() == rich_preset()
    assert Pipeline.load(str(path)) == Pipeline.from_dict(rich_preset())


def test_nan_and_infinity_literals_are_reported_where_they_are(tmp_path):
    text = """{
      "schema_version": 1, "seed": NaN,
      "steps": [
        {"op": "rotate", "p": Infinity,
         "params": {"limit": [-Infinity, 10], "interpolation": "linear", "border_mode": "constant", "fill": NaN}},
        {"group": "one_of", "weights": [NaN, 1], "steps": [{"op": "horizontal_flip"}, {"op": "vertical_flip"}]}
      ]
    }"""
    problems = load_problems(write(tmp_path, text))
    assert [where for where, _ in problems] == [
        "seed", "steps[0].p", "steps[0].params.limit", "steps[0].params.fill", "steps[1].weights",
    ]
    assert problems[0][1].endswith("got nan")
    assert problems[1][1] == "must be a probability between 0 and 1, got inf"
    assert problems[2][1] == "must be a finite number, got -inf"
    assert problems[3][1] == "must be a finite number, got nan"


def test_an_overflowing_number_literal_is_reported(tmp_path):
    text = json.dumps(preset([rotate()])).replace("-30", "-1e400")
    assert load_problems(write(tmp_path, text)) == [("steps[0].params.limit", "must be a finite number, got -inf")]


def test_an_integer_literal_too_long_to_parse_is_a_clean_error(tmp_path):
    text = json.dumps(preset([])).replace('"seed": 0', '"seed": ' + "9" * 5000)
    problems = load_problems(write(tmp_path, text))
    assert len(problems) == 1 and problems[0][1].startswith("is not valid JSON")


@pytest.mark.parametrize("opener,closer", [("[", "]"), ('{"a":', "}")])
def test_json_nested_100000_deep_is_a_clean_preset_error(tmp_path, opener, closer):
    path = write(tmp_path, opener * 100_000 + "1" + closer * 100_000)
    assert load_problems(path) == [("", "is nested too deeply to be a preset")]


def test_json_nested_deep_inside_a_valid_preset_is_a_clean_error(tmp_path):
    # Deep enough to stress every recursive helper, shallow enough for the JSON parser.
    deep = "[" * 900 + "]" * 900
    text = json.dumps(preset([rotate()])).replace("[-30, 30]", deep).replace('"seed": 0', '"seed": ' + deep)
    problems = load_problems(write(tmp_path, text))
    assert [where for where, _ in problems] == ["seed", "steps[0].params.limit"]


def test_a_huge_file_is_refused_without_parsing(tmp_path):
    path = tmp_path / "huge.json"
    with open(path, "wb") as out:
        out.write(b'{"schema_version": 1, "name": "')
        out.write(b"x" * (presets.MAX_BYTES + 10))
        out.write(b'", "steps": []}')
    problems = load_problems(path)
    assert len(problems) == 1 and problems[0][0] == ""
    assert "bytes" in problems[0][1] and str(presets.MAX_BYTES) in problems[0][1]


def test_a_large_file_just_under_the_limit_loads(tmp_path):
    data = preset([flip()], description="d" * (presets.MAX_BYTES - 1000))
    path = write(tmp_path, json.dumps(data))
    assert path.stat().st_size <= presets.MAX_BYTES
    assert Pipeline.load(path).description == data["description"]


def test_a_utf8_bom_is_accepted(tmp_path):
    path = write(tmp_path, b"\xef\xbb\xbf" + json.dumps(rich_preset(), ensure_ascii=False).encode("utf-8"))
    assert Pipeline.load(path).to_dict() == rich_preset()


def test_non_utf8_bytes_are_refused_naming_the_offset(tmp_path):
    raw = json.dumps(preset([], name="caf_")).encode("utf-8")
    offset = raw.index(b"caf_") + 3
    raw = raw[:offset] + b"\xe9" + raw[offset + 1:]  # Latin-1 "é"
    assert load_problems(write(tmp_path, raw)) == [("", f"is not UTF-8 text (byte 0xe9 at offset {offset})")]


def test_non_utf8_offset_counts_the_bom(tmp_path):
    raw = b"\xef\xbb\xbf" + b'{"name": "\xff"}'
    assert load_problems(write(tmp_path, raw)) == [("", "is not UTF-8 text (byte 0xff at offset 13)")]


def test_utf16_is_refused(tmp_path):
    path = write(tmp_path, json.dumps(preset([])).encode("utf-16"))
    assert load_problems(path) == [("", "is not UTF-8 text (byte 0xff at offset 0)")]


@pytest.mark.parametrize("text,line,column", [
    ('{"schema_version": 1, "steps": [}', 1, 33),
    ('{\n  "schema_version": 1,\n  "steps": [],\n}', 4, 1),
    ("{'schema_version': 1}", 1, 2),
    ('{"schema_version": 1, "steps": []} trailing', 1, 36),
])
def test_invalid_json_names_line_and_column(tmp_path, text, line, column):
    problems = load_problems(write(tmp_path, text))
    assert len(problems) == 1 and problems[0][0] == ""
    assert problems[0][1].startswith("is not valid JSON: ")
    assert problems[0][1].endswith(f"at line {line}, column {column}")


@pytest.mark.parametrize("content", [b"", b"  \n\t ", b"\xef\xbb\xbf"])
def test_an_empty_file(tmp_path, content):
    assert load_problems(write(tmp_path, content)) == [("", "is empty")]


def test_a_missing_file_and_a_folder(tmp_path):
    assert load_problems(tmp_path / "nope.json") == [("", "no such file")]
    assert load_problems(tmp_path) == [("", "is a folder, not a preset file")]


def test_error_text_names_the_file(tmp_path):
    path = write(tmp_path, json.dumps(preset([rotate((0, 720)), {"op": "spin"}])))
    with pytest.raises(PresetError) as info:
        Pipeline.load(path)
    err = info.value
    assert isinstance(err, augview.AugviewError)
    assert err.lines() == [
        f"{path}: steps[0].params.limit: must be between -180 and 180, got 720",
        f"{path}: steps[1].op: unknown op \"spin\"",
    ]
    assert str(err) == (
        f"{path}: 2 problems: steps[0].params.limit: must be between -180 and 180, got 720; "
        "steps[1].op: unknown op \"spin\""
    )


def test_lines_without_a_location():
    err = PresetError("x.json", [("", "is empty")])
    assert str(err) == "x.json: is empty" and err.lines() == ["x.json: is empty"]


# ---- saving ---------------------------------------------------------------------------------------


def test_save_load_to_dict_round_trip_and_byte_identical_resave(tmp_path):
    pipe = Pipeline.from_dict(rich_preset())
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    pipe.save(first)
    loaded = Pipeline.load(first)
    assert loaded.to_dict() == pipe.to_dict() == rich_preset()
    assert loaded == pipe
    loaded.save(second)
    assert first.read_bytes() == second.read_bytes()
    # The file is the documented, readable format: UTF-8, indented, ends with a newline.
    text = first.read_bytes().decode("utf-8")
    assert text.endswith("}\n") and '\n  "schema_version": 3,' in text and "ünïcode" in text
    assert json.loads(text) == rich_preset()


def test_a_python_built_pipeline_saves_in_canonical_form(tmp_path):
    # Values written loosely in Python (ints for floats, 3.0 for an int, a count for n) are saved
    # in the form loading produces, so the very first save already re-saves byte for byte.
    pipe = Pipeline(
        [
            Step("rotate", {"limit": [-10, 10], "fill": 3.0}, p=1),
            Group("some_of", [Step("horizontal_flip"), Step("vertical_flip")], n=(1, 2)),
            Group("one_of", [Step("horizontal_flip"), Step("vertical_flip")], weights=[1, 3]),
        ],
        name="built", seed=9,
    )
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    pipe.save(first)
    Pipeline.load(first).save(second)
    assert first.read_bytes() == second.read_bytes()
    saved = json.loads(first.read_text("utf-8"))
    assert saved["steps"][0]["params"]["limit"] == [-10.0, 10.0] and saved["steps"][0]["params"]["fill"] == 3
    assert saved["steps"][1]["n"] == [1, 2] and saved["steps"][2]["weights"] == [1.0, 3.0]


def test_save_overwrites_an_existing_file(tmp_path):
    path = write(tmp_path, "old contents")
    Pipeline.from_dict(rich_preset()).save(path)
    assert json.loads(path.read_text("utf-8")) == rich_preset()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["preset.json"]


def test_save_is_atomic(tmp_path, monkeypatch):
    path = write(tmp_path, json.dumps(preset([flip()])))
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        Pipeline.from_dict(rich_preset()).save(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["preset.json"]  # no temp file left


def test_save_interrupted_midway_leaves_no_file(tmp_path, monkeypatch):
    path = tmp_path / "new.json"
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        Pipeline.from_dict(rich_preset()).save(path)
    assert list(tmp_path.iterdir()) == []


def test_saving_an_edited_invalid_pipeline_refuses_and_keeps_the_file(tmp_path):
    path = tmp_path / "p.json"
    pipe = Pipeline.from_dict(rich_preset())
    pipe.save(path)
    before = path.read_bytes()
    pipe.steps[0].params["limit"] = (0, float("nan"))  # edited after validation
    with pytest.raises(PresetError) as info:
        pipe.save(path)
    assert info.value.problems == [("steps[0].params.limit", "must be a finite number, got nan")]
    assert path.read_bytes() == before


# ---- pipelines built in Python ---------------------------------------------------------------------


def test_an_invalid_value_in_python_raises_preset_error():
    with pytest.raises(PresetError) as info:
        Pipeline([Step("horizontal_flip"), Step("rotate", {"limit": (0, 999)})])
    assert info.value.problems == [("steps[1].params.limit", "must be between -180 and 180, got 999")]
    assert str(info.value).startswith("<pipeline>: ")


@pytest.mark.parametrize("build,where", [
    (lambda: Pipeline([Step("rotate", {"limit": 30})]), "steps[0].params.limit"),
    (lambda: Pipeline([Step("rotate", {"limits": (0, 10)})]), "steps[0].params.limits"),  # a typo
    (lambda: Pipeline([Step("rotate", {"fill": 2.5})]), "steps[0].params.fill"),
    (lambda: Pipeline([Step("rotate", p=2)]), "steps[0].p"),
    (lambda: Pipeline([Group("sequence", [Step("rotate", {"limit": (5, 1)})])]), "steps[0].steps[0].params.limit"),
    (lambda: Pipeline([Group("two_of", [])]), "steps[0].group"),
    (lambda: Pipeline([Group("one_of", [Step("rotate")], weights=[1, 2])]), "steps[0].weights"),
    (lambda: Pipeline([Group("some_of", [Step("rotate")], n=(2, 1))]), "steps[0].n"),
    (lambda: Pipeline([nested_groups(9)]), "steps[0]" + ".steps[0]" * 8),
    (lambda: Pipeline([], seed=-1), "seed"),
    (lambda: Pipeline([], name=None), "name"),
    (lambda: Pipeline(["rotate"]), "steps[0]"),
])
def test_invalid_python_pipelines_raise_preset_error_with_location(build, where):
    with pytest.raises(PresetError) as info:
        build()
    assert [w for w, _ in info.value.problems] == [where]


def nested_groups(depth):
    node = Step("horizontal_flip")
    for _ in range(depth):
        node = Group("sequence", [node])
    return node


def test_a_python_pipeline_equals_its_loaded_twin():
    built = Pipeline([Step("rotate", {"limit": (-10.5, 20.25)}), Step("vertical_flip", p=0.25)], seed=4)
    assert Pipeline.from_dict(built.to_dict()) == built


# ---- determinism across processes --------------------------------------------------------------------

RUN = textwrap.dedent("""
    import hashlib, json, sys
    import augview
    pipe = augview.Pipeline.load(sys.argv[1])
    image = augview.load_image(sys.argv[2])
    out = []
    for seed in (0, 7, 2**63 - 1):
        result = pipe.apply(image, seed=seed)
        out.append([hashlib.sha256(result.image.tobytes()).hexdigest(), result.trace])
    for _ in range(3):  # no seed: the pipeline's own stream, seeded from the preset
        result = pipe.apply(image)
        out.append([hashlib.sha256(result.image.tobytes()).hexdigest(), result.trace, result.seed])
    print(json.dumps(out))
""")


def _run_in_process(preset_path, image_path):
    pipe = Pipeline.load(preset_path)
    image = augview.load_image(image_path)
    out = []
    for seed in (0, 7, 2**63 - 1):
        result = pipe.apply(image, seed=seed)
        out.append([hashlib.sha256(result.image.tobytes()).hexdigest(), result.trace])
    for _ in range(3):
        result = pipe.apply(image)
        out.append([hashlib.sha256(result.image.tobytes()).hexdigest(), result.trace, result.seed])
    return json.loads(json.dumps(out))


def test_same_preset_and_seed_give_the_same_pixels_in_another_process(tmp_path):
    data = preset([
        rotate((-40, 40), p=0.9),
        group("one_of", [flip(p=1.0), flip("vertical_flip", p=1.0)], weights=[1, 1]),
        group("some_of", [rotate((80, 100), {"interpolation": "cubic", "border_mode": "reflect"}), flip()], n=[0, 2]),
    ], seed=2024)
    path = tmp_path / "det.json"
    Pipeline.from_dict(data).save(path)
    image_path = ROOT / "assets" / "astronaut.png"
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    completed = subprocess.run(
        [sys.executable, "-c", RUN, str(path), str(image_path)],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    theirs = json.loads(completed.stdout)
    ours = _run_in_process(path, image_path)
    assert theirs == ours
    # And the run really did something different per seed (the test is not vacuous).
    assert len({entry[0] for entry in ours}) > 1


def test_same_seed_same_pixels_and_replay_matches(astronaut):
    pipe = Pipeline.from_dict(preset([rotate((-40, 40)), group("one_of", [flip(p=1.0), flip("vertical_flip", p=1.0)])]))
    a, b = pipe.apply(astronaut, seed=5), pipe.apply(astronaut, seed=5)
    assert np.array_equal(a.image, b.image) and a.trace == b.trace
    assert np.array_equal(Pipeline.replay(astronaut, a.trace), a.image)
    reloaded = Pipeline.from_dict(json.loads(json.dumps(pipe.to_dict())))
    assert np.array_equal(reloaded(astronaut, seed=5), a.image)


# ---- robustness: whatever the data, the answer is a Pipeline or a PresetError ----------------------

json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=8),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)
FIELDS = ["op", "group", "p", "enabled", "params", "steps", "weights", "n", "limit", "fill", "interpolation"]


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, prefix + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, prefix + (index,))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_mutation_of_a_valid_preset_gives_a_pipeline_or_a_preset_error(data):
    doc = rich_preset()
    for _ in range(data.draw(st.integers(1, 3))):
        paths = [p for p in _paths(doc) if p]
        path = data.draw(st.sampled_from(paths))
        target = doc
        for key in path[:-1]:
            target = target[key]
        action = data.draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            target[path[-1]] = data.draw(json_values)
        elif action == "delete":
            del target[path[-1]]
        elif isinstance(target, dict):
            target[data.draw(st.sampled_from(FIELDS))] = data.draw(json_values)
        else:
            target.append(data.draw(json_values))
    try:
        pipe = Pipeline.from_dict(doc)
    except PresetError as err:
        assert err.problems and all(isinstance(w, str) and isinstance(m, str) and m for w, m in err.problems)
        return
    # Accepted: it must save and re-load to the same thing, and run.
    text = presets.encode_preset(pipe.to_dict())
    again = Pipeline.from_dict(json.loads(text))
    assert again.to_dict() == pipe.to_dict()
    assert presets.encode_preset(again.to_dict()) == text
    pipe(np.zeros((5, 7, 3), np.uint8), seed=3)


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(max_size=200) | st.text(max_size=200).map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_any_bytes_give_data_or_a_preset_error(raw):
    try:
        data = presets.decode_preset(raw, "fuzz.json")
    except PresetError as err:
        assert len(err.problems) == 1 and err.problems[0][0] == ""
        return
    try:
        Pipeline.from_dict(data)
    except PresetError:
        pass


# ---- schema 2: target settings; version 1 presets still load --------------------------------------


def test_a_version_1_preset_loads_with_default_target_settings_and_saves_as_version_3(tmp_path):
    data = preset([rotate((-10, 10)), flip()])
    data["schema_version"] = 1
    del data["targets"]
    pipe = Pipeline.from_dict(data)
    assert pipe.targets == augview.TargetSettings()
    saved = pipe.to_dict()
    assert saved["schema_version"] == 3 and saved["targets"] == DEFAULT_TARGETS
    assert saved["steps"] == data["steps"]


def test_target_settings_round_trip_and_are_checked_with_their_place():
    data = preset([flip()], targets={**DEFAULT_TARGETS, "mask_fill": 255, "min_visibility": 0.3,
                                     "box_method": "ellipse", "keypoints_outside": "keep"})
    pipe = Pipeline.from_dict(data)
    assert pipe.targets.mask_fill == 255 and pipe.targets.box_method == "ellipse"
    assert pipe.to_dict() == data
    assert problems_of(preset([flip()], targets={"min_visibility": 2, "colour": 1, "box_method": "round"})) == [
        ("targets.colour", "unknown key"),
        ("targets.min_visibility", "must be between 0 and 1, got 2"),
        ("targets.box_method", "must be one of 'largest_box', 'ellipse', got 'round'"),
    ]
    assert locations(preset([flip()], targets=[1])) == ["targets"]


def test_missing_target_settings_and_missing_parameters_take_their_defaults():
    data = preset([{"op": "rotate", "params": {"limit": [-5, 5]}}], targets={"mask_fill": 7})
    pipe = Pipeline.from_dict(data)
    assert pipe.targets.mask_fill == 7 and pipe.targets.min_area == 0.0
    step = pipe.to_dict()["steps"][0]
    assert step["params"] == {"limit": [-5.0, 5.0], "interpolation": "linear", "border_mode": "constant", "fill": 0}


def test_a_number_too_long_for_python_is_one_readable_problem(tmp_path):
    problems = load_problems(write(tmp_path, '{"schema_version": 1, "seed": ' + "9" * 5000 + ', "steps": []}'))
    assert problems == [("", "is not valid JSON: it holds a number too long to read (over 4300 digits)")]


@pytest.mark.parametrize("version, meant", [(1, True), (2, True), (3, False)])
def test_a_preset_without_antialias_keeps_the_streak_its_version_meant(version, meant, tmp_path):
    """motion_blur drew an anti-aliased streak until schema version 3 made the one-pixel streak
    the default: an older preset that leaves the parameter out keeps what it showed and trained
    on, and says so in full once saved again."""
    data = preset([{"op": "motion_blur", "params": {"kernel_limit": [9, 9]}}], schema_version=version)
    pipe = Pipeline.from_dict(data)
    assert pipe.steps[0].params["antialias"] is meant
    path = tmp_path / "p.json"
    pipe.save(path)
    saved = json.loads(path.read_text())
    assert saved["schema_version"] == 3 and saved["steps"][0]["params"]["antialias"] is meant
    assert Pipeline.load(path).steps[0].params["antialias"] is meant
    # A version 2 preset that names the parameter gets what it names.
    data = preset([{"op": "motion_blur", "params": {"antialias": False}}], schema_version=version)
    assert Pipeline.from_dict(data).steps[0].params["antialias"] is False


def test_a_key_given_twice_in_one_object_is_refused(tmp_path):
    """JSON keeps the last of two equal keys, so {"op": "horizontal_flip", "op": "invert"} loaded
    as an invert and validated as fine."""
    path = tmp_path / "dup.json"
    path.write_text('{"schema_version": 3, "steps": [{"op": "horizontal_flip", "op": "invert"}]}')
    with pytest.raises(PresetError, match='gives the key "op" twice in one object'):
        Pipeline.load(path)
    path.write_text('{"schema_version": 3, "steps": [{"op": "invert", "p": 0.5}], "seed": 1}')
    assert Pipeline.load(path).seed == 1  # distinct keys load as ever
