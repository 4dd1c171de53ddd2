"""Every preset in presets/ loads, runs, and is saved in canonical form."""

import numpy as np
import pytest

import augview
from tests.conftest import PRESETS

SHIPPED = sorted(PRESETS.glob("*.json"))


def test_the_expected_presets_ship():
    names = {path.stem for path in SHIPPED}
    assert {"light_classification", "heavy_classification", "geometric_examples", "color_examples"} <= names


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_shipped_preset_loads_runs_and_round_trips(path, tmp_path, small_rgb, small_gray):
    pipe = augview.Pipeline.load(path)
    assert pipe.name and len(pipe.description) > 40
    for image in (small_rgb, small_gray):
        results = [pipe.apply(image, seed=s) for s in range(12)]
        for result in results:
            assert result.image.dtype == np.uint8 and result.image.ndim == image.ndim
        assert len({r.image.tobytes() for r in results}) > 1, "twelve seeds gave one single result"
    copy = tmp_path / path.name
    pipe.save(copy)
    assert copy.read_bytes() == path.read_bytes(), "shipped preset is not in canonical form: run tools/make_presets.py"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_pixels_only_call_gives_the_pixels_of_apply(path, small_rgb, small_gray):
    """``pipe(image)`` builds no trace and skips what it can (keys of steps that always fire and
    draw nothing, copies of ops that keep the image): the same pixels as ``apply`` all the same,
    and never the caller's array."""
    pipe = augview.Pipeline.load(path)
    for image in (small_rgb, small_gray):
        for seed in range(40):
            out = pipe(image, seed=seed)
            assert np.array_equal(out, pipe.apply(image, seed=seed).image)
            assert out is not image and not np.shares_memory(out, image)
            assert np.array_equal(out, augview.Pipeline.replay(image, pipe.apply(image, seed=seed).trace))
