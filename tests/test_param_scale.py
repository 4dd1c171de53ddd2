"""Log sliders declared in the parameter specs (issue 15): a ratio drawn log-uniformly and sizes
that span decades get ``scale="log"``, and `slider_fraction` / `slider_value` map values to
slider positions and back."""

from __future__ import annotations

import math

import pytest

from augview.core.params import ParamSpec, float_param, int_param, range_param
from augview.core.registry import CATALOG

SPECS = [(op.name, spec) for op in CATALOG.values() for spec in op.params]


def test_parameters_drawn_log_uniformly_have_log_sliders():
    drawn_log = [(name, spec.name) for name, spec in SPECS if "log" in spec.help.lower()]
    assert ("random_resized_crop", "ratio") in drawn_log and ("random_erasing", "ratio_limit") in drawn_log
    assert all(CATALOG[name].spec(param).scale == "log" for name, param in drawn_log)


def test_pixel_sizes_that_span_decades_have_log_sliders():
    wide = [(name, spec.name) for name, spec in SPECS
            if spec.unit == "px" and spec.kind in ("int", "range") and spec.max >= 1000]
    assert ("resize", "height") in wide and ("pad", "pixels") in wide
    assert [pair for pair in wide if CATALOG[pair[0]].spec(pair[1]).scale != "log"] == []


def test_a_ratio_slider_puts_one_in_the_middle():
    ratio = CATALOG["random_resized_crop"].spec("ratio")
    assert ratio.slider_fraction(1.0) == pytest.approx(0.5)
    assert ratio.slider_fraction(0.5) == pytest.approx(1 - ratio.slider_fraction(2.0))
    # ImageNet's 3/4..4/3 takes an eighth of the slider, not 6 % of it.
    assert ratio.slider_fraction(4 / 3) - ratio.slider_fraction(3 / 4) > 0.12
    assert ratio.slider_value(0.5) == 1.0 and ratio.slider_value(0) == 0.1 and ratio.slider_value(1) == 10.0


def test_a_size_slider_gives_224_room():
    height = CATALOG["resize"].spec("height")
    assert 0.55 < height.slider_fraction(224) < 0.65  # linear: 0.027
    assert isinstance(height.slider_value(0.6), int)
    values = [height.slider_value(t / 1000) for t in range(1001)]
    assert values == sorted(values) and values[0] == 1 and values[-1] == 8192
    assert sum(1 for v in set(values) if 100 <= v <= 300) > 50  # fine steps where networks live


@pytest.mark.parametrize("name, spec", SPECS, ids=[f"{n}.{s.name}" for n, s in SPECS])
def test_slider_positions_round_trip(name, spec):
    if spec.kind not in ("float", "int", "range"):
        return
    for fraction in (0.0, 0.1, 0.37, 0.5, 0.9, 1.0):
        value = spec.slider_value(fraction)
        assert spec.min <= value <= spec.max
        spec.validate((value, value) if spec.kind == "range" else value)
        assert spec.slider_value(spec.slider_fraction(value)) == pytest.approx(value)
    if spec.scale == "linear":
        assert spec.slider_fraction((spec.min + spec.max) / 2) == pytest.approx(0.5)


def test_a_log_scale_needs_a_positive_span():
    assert float_param("ratio", 1, 0.1, 10, scale="log").describe()["scale"] == "log"
    assert "scale" not in float_param("x", 1, 0.1, 10).describe()
    with pytest.raises(ValueError):
        float_param("x", 0, -1, 1, scale="log")
    with pytest.raises(ValueError):
        ParamSpec("x", "float", 1.0, 0.0, 2.0, scale="cubic")
    zero = int_param("pixels", 32, 0, 2048, scale="log")
    assert zero.slider_fraction(0) == 0 and zero.slider_value(0) == 0
    assert zero.slider_fraction(32) == pytest.approx(math.log(33) / math.log(2049))
    pair = range_param("size", (1, 8), 1, 4096, step=1, integer=True, scale="log")
    assert pair.slider_value(0.5) == 64


def test_one_of_weights_have_room_for_the_useful_values():
    from augview.pipeline.choice import weight_spec

    spec = weight_spec(0)
    # The default weight 1 sits about a third of the way along, not at the far left, and the
    # span 0.5 to 5 takes more than a quarter of the slider.
    assert 0.25 < spec.slider_fraction(1.0) < 0.5
    assert spec.slider_fraction(5.0) - spec.slider_fraction(0.5) > 0.25
    assert spec.slider_value(spec.slider_fraction(2.0)) == pytest.approx(2.0, abs=0.05)
    assert spec.slider_value(0.0) == 0.0 and spec.slider_value(1.0) == 100.0
