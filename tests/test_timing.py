"""Per-step timing (issue 15): how long each step takes on this image, in the step list."""

from __future__ import annotations

import numpy as np
import pytest

from augview import Group, Pipeline, Step
from augview.analysis.timing import Stopped, step_timings, time_step


def photo(height=240, width=320) -> np.ndarray:
    y, x = np.mgrid[0:height, 0:width]
    return np.stack([x % 256, y % 256, (x + y) % 256], axis=2).astype(np.uint8)


def test_every_enabled_step_is_timed_by_its_path():
    steps = Pipeline([
        Step("horizontal_flip", p=0.0),  # timed as if it fired
        Group("one_of", [Step("gaussian_blur"), Step("invert"), Step("rotate", enabled=False)]),
        Step("brightness_contrast", enabled=False),
        Group("sequence", [Step("center_crop", {"size_mode": "pixels", "height": 32, "width": 32}),
                           Step("gaussian_noise")]),
    ]).steps
    timings = step_timings(steps, photo(), seed=3)
    assert set(timings) == {(0,), (1, 0), (1, 1), (3, 0), (3, 1)}
    assert all(seconds > 0 for seconds in timings.values())


def test_each_step_is_timed_on_what_the_steps_before_it_make(monkeypatch):
    """The training cost: a blur after a crop works on the crop; one_of's alternatives each get
    the group's input."""
    from augview.analysis import timing

    seen = {}
    real = timing.time_step

    def recording(step, image, seed, path):
        seen[path] = image.shape
        return real(step, image, seed, path)

    monkeypatch.setattr(timing, "time_step", recording)
    crop = Step("center_crop", {"size_mode": "pixels", "height": 64, "width": 48})
    steps = [crop, Step("gaussian_blur"),
             Group("one_of", [Step("resize", {"height": 10, "width": 20}), Step("invert")]),
             Step("pad", {"pad_mode": "pixels", "pixels": 2})]
    step_timings(steps, photo(), seed=1)
    assert seen == {(0,): (240, 320, 3), (1,): (64, 48, 3), (2, 0): (64, 48, 3), (2, 1): (64, 48, 3),
                    (3,): (64, 48, 3)}


def test_timing_stops_when_no_longer_wanted():
    calls = []

    def stop():
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(Stopped):
        step_timings([Step("invert"), Step("invert"), Step("invert")], photo(), should_stop=stop)
    assert len(calls) == 2


def test_time_step_returns_the_steps_output():
    seconds, out = time_step(Step("horizontal_flip"), photo(), 0, (0,))
    assert seconds > 0 and np.array_equal(out, photo()[:, ::-1])
