"""The albumentations importer under hostile data (issue 14): real pipelines, mutated at random
places with extreme or wrong values, give a pipeline or a PresetError naming the file and the
place, never another exception."""

from __future__ import annotations

import copy
import json

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from augview import PresetError
from augview.interop import import_albumentations, import_albumentations_source, to_albumentations

from test_interop import ROUND_TRIP
from test_interop_corpus import CORPUS_DATA, PY_V0, PY_V1, PY_V2

BASES = [json.loads(json.dumps(to_albumentations(ROUND_TRIP)[0]))] + [copy.deepcopy(d) for d in CORPUS_DATA]
HOSTILE = [float("inf"), float("-inf"), float("nan"), 1e308, -1e308, 1e-308, 0, -1, 0.0, 2**70, -(2**70), [], [1],
           [1, 2, 3], [0, 0], [-1e308, 1e308], [float("inf"), 1], {}, {"x": 1}, "x", "", None, True, False,
           [[1, 2], [3, 4]], {"x": [1, 2], "y": "z"}, "random", "Infinity", [None, None], ["a", "b"]]


def places(value, path=()):
    """Every path into nested dicts and lists."""
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from places(child, path + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from places(child, path + (index,))


def mutate(data, path, action, value):
    if not path:
        return value if action == "replace" else data
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    if action == "delete":
        del parent[path[-1]]
    elif action == "rename" and isinstance(parent, dict) and isinstance(path[-1], str):
        parent[path[-1] + "_x"] = parent.pop(path[-1])
    else:
        parent[path[-1]] = value
    return data


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_pipelines_give_a_pipeline_or_one_presets_error(data):
    pipeline = copy.deepcopy(data.draw(st.sampled_from(BASES)))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(list(places(pipeline))))
        action = data.draw(st.sampled_from(["replace", "replace", "replace", "delete", "rename"]))
        pipeline = mutate(pipeline, path, action, copy.deepcopy(data.draw(st.sampled_from(HOSTILE))))
    try:
        imported = import_albumentations(pipeline, "fuzz.json")
    except PresetError as error:
        assert error.source == "fuzz.json" and str(error).startswith("fuzz.json: ")
        assert all(where or what for where, what in error.problems)
        return
    image = np.zeros((12, 16, 3), np.uint8)
    imported.pipeline.apply(image, seed=0)  # what was imported is within augview's ranges


SCRIPTS = [PY_V0, PY_V1, PY_V2]
TOKENS = ["1e308", "-", "(", ")", "[", "]", ",", "**", "0", "None", "'x'", "A.Compose(", "**kw", "*a", "cfg.x",
          "10 ** 999", "1 / 0", "\n", "A.OneOf([", "lambda: 1", "[[[[", "\\x00", "\u2028"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_scripts_give_a_pipeline_or_one_presets_error(data):
    text = data.draw(st.sampled_from(SCRIPTS))
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 6))
        text = text[:at] + data.draw(st.sampled_from(TOKENS + [""])) + text[at + cut:]
    try:
        imported = import_albumentations_source(text, "train.py")
    except PresetError as error:
        assert error.source == "train.py" and str(error).startswith("train.py: ")
        return
    imported.pipeline.apply(np.zeros((12, 16, 3), np.uint8), seed=0)
