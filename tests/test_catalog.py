"""Registry-driven tests: every op in the catalog gets these for free."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import augview
from augview.core.params import ParamSpec
from augview.core.registry import CATALOG, CATEGORIES

OPS = sorted(CATALOG)

# Ops whose output size may differ from the input (everything else must keep the shape); quarter
# turns and the transpose swap the sides of a non-square image.
RESIZING = {"random_crop", "center_crop", "bbox_safe_random_crop", "random_crop_near_box", "random_resized_crop", "resize", "random_scale", "pad", "perspective",
            "random_rotate90", "transpose", "longest_max_size", "smallest_max_size", "random_sized_crop",
            "random_crop_from_borders"}


def test_catalog_has_the_required_ops():
    required = """horizontal_flip vertical_flip rotate random_crop center_crop random_resized_crop
    resize affine perspective elastic grid_distortion pad brightness_contrast color_jitter
    hue_saturation_value rgb_shift channel_shuffle grayscale gamma equalize clahe autocontrast
    posterize solarize invert sharpness gaussian_noise salt_and_pepper gaussian_blur motion_blur
    median_blur jpeg_compression downscale coarse_dropout random_erasing grid_dropout""".split()
    missing = sorted(set(required) - set(CATALOG))
    assert not missing, f"ops missing from the catalog: {missing}"


@pytest.mark.parametrize("name", OPS)
def test_declaration_is_complete(name):
    op = CATALOG[name]
    assert re.fullmatch(r"[a-z][a-z0-9_]*", op.name)
    assert op.category in CATEGORIES
    assert len(op.description) >= 60, "the description should teach something"
    names = [spec.name for spec in op.params]
    assert len(names) == len(set(names)), "parameter names must be unique"
    for spec in op.params:
        assert spec.kind in ("float", "int", "bool", "choice", "range")
        assert spec.validate(spec.default) == spec.default, f"{spec.name}: default outside its own spec"
        if spec.kind in ("float", "int", "range"):
            assert spec.min is not None and spec.max is not None and spec.min < spec.max
            assert spec.step is not None and spec.step > 0
        if spec.when is not None:  # switched by a choice of the same op, through values it has
            switch, values = spec.when
            assert op.spec(switch).kind == "choice" and set(values) <= set(op.spec(switch).choices)


def test_parameters_switched_off_by_a_mode_are_known():
    crop = CATALOG["random_crop"]
    assert crop.spec("height").applies({"size_mode": "pixels"})
    assert not crop.spec("height").applies({"size_mode": "fraction"})
    assert crop.spec("fraction").applies({"size_mode": "fraction"})
    assert not CATALOG["rotate"].spec("fill").applies({"border_mode": "reflect"})
    assert CATALOG["rotate"].spec("limit").applies({})  # no switch: always applies
    assert CATALOG["pad"].spec("divisor").describe()["when"] == {"pad_mode": ["multiple_of"]}


def _run(name, image, seed, params=None):
    op = CATALOG[name]
    return op.run(image, np.random.default_rng(seed), params)


@pytest.mark.parametrize("name", OPS)
@pytest.mark.parametrize("kind", ["rgb", "gray"])
def test_a_result_survives_the_next_call(name, kind, small_rgb, small_gray):
    """Ops keep temporaries in per-thread buffers they reuse (`augview.ops.common.scratch`): a
    result handed out must never be one of them, or the next call would overwrite it."""
    image = small_rgb if kind == "rgb" else small_gray
    first, _ = _run(name, image, 0)
    kept = first.copy()
    for seed, other in ((1, 255 - image), (2, image[::-1].copy()), (0, image)):
        second, _ = _run(name, other, seed)
        assert not np.shares_memory(first, second)
    assert np.array_equal(first, kept), "a later call changed an earlier result"


@pytest.mark.parametrize("name", OPS)
@pytest.mark.parametrize("kind", ["rgb", "gray"])
def test_defaults_keep_dtype_and_channels(name, kind, small_rgb, small_gray):
    image = small_rgb if kind == "rgb" else small_gray
    before = image.copy()
    out, drawn = _run(name, image, 0)
    assert np.array_equal(image, before), "the op mutated its input"
    assert out.dtype == np.uint8
    assert out.ndim == image.ndim
    if image.ndim == 3:
        assert out.shape[2] == 3
    if name not in RESIZING:
        assert out.shape == image.shape
    assert out is not image and not np.shares_memory(out, image)


@pytest.mark.parametrize("name", OPS)
def test_same_seed_same_pixels_and_drawn_values_replay(name, small_rgb):
    out1, drawn1 = _run(name, small_rgb, 123)
    out2, drawn2 = _run(name, small_rgb, 123)
    assert drawn1 == drawn2
    assert np.array_equal(out1, out2)
    # The drawn values are the whole story: JSON round trip, then replay without randomness.
    replayed = json.loads(json.dumps(drawn1))
    assert replayed == drawn1
    assert np.array_equal(CATALOG[name].apply(small_rgb, replayed), out1)


@pytest.mark.parametrize("name", OPS)
def test_preset_round_trip(name, tmp_path):
    op = CATALOG[name]
    pipe = augview.Pipeline([augview.Step(name, p=0.75)], name=f"only {name}", seed=5)
    path = tmp_path / "p.json"
    pipe.save(path)
    loaded = augview.Pipeline.load(path)
    assert loaded == pipe
    assert loaded.steps[0].params == op.defaults()
    loaded.save(tmp_path / "q.json")
    assert path.read_bytes() == (tmp_path / "q.json").read_bytes()


@pytest.mark.parametrize("name", OPS)
def test_trace_reports_the_draw(name, small_rgb):
    pipe = augview.Pipeline([augview.Step(name)])
    result = pipe.apply(small_rgb, seed=9)
    (entry,) = result.trace
    assert entry["op"] == name and entry["fired"] is True
    assert np.array_equal(augview.Pipeline.replay(small_rgb, result.trace), result.image)
    assert result.summary.startswith(name)
    # A grid caption says what was drawn; only ops that draw nothing visible may show a bare name.
    if name not in BARE_CAPTIONS:
        assert len(result.summary) > len(name) + 1, result.summary


# Ops whose result is fixed by the image and the flags: there is nothing drawn to show.
BARE_CAPTIONS = {"horizontal_flip", "vertical_flip", "transpose", "grayscale", "invert", "equalize",
                 "autocontrast"}


def extreme_params(op) -> list[dict]:
    """Defaults; each range pinned at its min, at its max and spanning both; every choice; each
    flag flipped: one parameter changed at a time."""
    out = [{}]
    for spec in op.params:
        if spec.kind == "range":
            low, high = (int(spec.min), int(spec.max)) if spec.integer else (spec.min, spec.max)
            out += [{spec.name: (low, low)}, {spec.name: (high, high)}, {spec.name: (low, high)}]
        elif spec.kind in ("float", "int"):
            out += [{spec.name: spec.validate(spec.min)}, {spec.name: spec.validate(spec.max)}]
        elif spec.kind == "choice":
            out += [{spec.name: choice} for choice in spec.choices]
        elif spec.kind == "bool":
            out.append({spec.name: not spec.default})
    return out


@pytest.mark.parametrize("name", OPS)
def test_values_drawn_from_a_range_lie_in_it(name):
    """Whatever an op draws under a range's name stays inside that range (ints stay ints)."""
    op = CATALOG[name]
    ranges = {s.drawn_name: s for s in op.params if s.kind == "range"}
    for seed in range(30):
        drawn = op.draw(np.random.default_rng(seed), op.defaults(), (40, 32, 3))
        for key, spec in ranges.items():
            value = drawn.get(key)
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                continue  # the op records something else under that name (e.g. a list of holes)
            low, high = spec.default
            assert low <= value <= high, (key, value)
            if spec.integer:
                assert type(value) is int, key


TINY_SHAPES = [(1, 1), (1, 1, 3), (7, 5), (7, 5, 3), (2, 3, 3)]


@pytest.mark.parametrize("name", OPS)
def test_every_extreme_on_tiny_images(name):
    """No op may crash, mutate its input, lose replayability or change the channel count at the
    ends of its ranges, on 1x1 and odd-sized images, grey or RGB."""
    op = CATALOG[name]
    for shape in TINY_SHAPES:
        image = np.random.default_rng(1).integers(0, 256, shape, dtype=np.uint8)
        before = image.copy()
        for params in extreme_params(op):
            out, drawn = _run(name, image, 2, params)
            assert out.dtype == np.uint8 and out.ndim == image.ndim, (shape, params)
            if name not in RESIZING:
                assert out.shape == image.shape, (shape, params)
            assert np.array_equal(op.apply(image, json.loads(json.dumps(drawn))), out), (shape, params)
        assert np.array_equal(image, before)


def _value_strategy(spec: ParamSpec):
    if spec.kind == "bool":
        return st.booleans()
    if spec.kind == "choice":
        return st.sampled_from(spec.choices)
    if spec.kind == "int":
        return st.integers(int(spec.min), int(spec.max))
    if spec.kind == "float":
        return st.floats(spec.min, spec.max, allow_nan=False)
    if spec.integer:
        one = st.integers(int(spec.min), int(spec.max))
    else:
        one = st.floats(spec.min, spec.max, allow_nan=False)
    return st.tuples(one, one).map(lambda pair: tuple(sorted(pair)))


def _params_strategy(name):
    op = CATALOG[name]
    return st.fixed_dictionaries({spec.name: _value_strategy(spec) for spec in op.params})


@pytest.mark.parametrize("name", OPS)
def test_random_parameters_within_specs(name):
    @settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        params=_params_strategy(name),
        height=st.integers(1, 40),
        width=st.integers(1, 40),
        gray=st.booleans(),
        seed=st.integers(0, 2**32 - 1),
    )
    def check(params, height, width, gray, seed):
        rng = np.random.default_rng(seed)
        shape = (height, width) if gray else (height, width, 3)
        image = rng.integers(0, 256, size=shape, dtype=np.uint8)
        out, drawn = _run(name, image, seed, params)
        assert out.dtype == np.uint8 and out.ndim == image.ndim
        assert out.shape[0] >= 1 and out.shape[1] >= 1
        if name not in RESIZING:
            assert out.shape == image.shape
        json.dumps(drawn)  # the trace must stay JSON-ready

    check()


KEEPING = [name for name in OPS if CATALOG[name].keeps_image is not None]


@pytest.mark.parametrize("name", KEEPING)
def test_keeps_image_only_where_apply_returns_the_input_unchanged(name):
    """A pipeline skips ``apply`` where ``keeps_image`` says so: only right if apply would give the
    input back pixel for pixel. Checked on random parameters and sizes, and made to happen: each
    op is also run with its size set to the image's own."""
    op = CATALOG[name]
    same_size = {"resize": ("height", "width"), "random_crop": ("height", "width"), "center_crop": ("height", "width"),
                 "pad": ("min_height", "min_width")}.get(name, ())
    kept = 0

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(params=_params_strategy(name), height=st.integers(1, 40), width=st.integers(1, 40),
           gray=st.booleans(), seed=st.integers(0, 2**32 - 1), fit=st.booleans())
    def check(params, height, width, gray, seed, fit):
        nonlocal kept
        shape = (height, width) if gray else (height, width, 3)
        image = np.random.default_rng(seed).integers(0, 256, size=shape, dtype=np.uint8)
        values = {**op.defaults(), **params}
        if fit and same_size:
            values.update({same_size[0]: height, same_size[1]: width, "size_mode": "pixels", "pad_mode": "min_size"})
            values = {k: v for k, v in values.items() if k in op.defaults()}
        drawn = op.draw(np.random.default_rng(seed), values, shape)
        if op.keeps_image(drawn, shape):
            kept += 1
            assert np.array_equal(op.apply(image, drawn), image)

    check()
    assert kept, "no draw kept the image: the check above never ran"


def test_a_pipeline_passes_a_kept_image_on_without_copying_it(small_rgb, monkeypatch):
    """pad to a size the image already has: apply is not called, and the result is still a new
    array with the input's pixels."""
    import dataclasses

    def fail(image, drawn):
        pytest.fail("apply called")

    pipe = augview.Pipeline([augview.Step("pad", {"min_height": 4, "min_width": 4})])
    monkeypatch.setitem(CATALOG, "pad", dataclasses.replace(CATALOG["pad"], apply=fail))
    out = pipe(small_rgb, seed=1)
    assert out is not small_rgb and np.array_equal(out, small_rgb)
    assert pipe.apply(small_rgb, seed=1).trace[0]["drawn"]["top"] == 0


@pytest.mark.parametrize("bad", [
    np.zeros((4, 4), np.float32),
    np.zeros((4, 4, 4), np.uint8),
    np.zeros((4, 4, 1), np.uint8),
    np.zeros((0, 4, 3), np.uint8),
    [[1, 2], [3, 4]],
])
def test_bad_arrays_are_refused_clearly(bad):
    pipe = augview.Pipeline([augview.Step("horizontal_flip")])
    with pytest.raises(augview.InvalidImageError) as info:
        pipe(bad, seed=0)
    assert isinstance(info.value, ValueError)
    assert "expected" in str(info.value)


def test_the_readme_lists_every_op_under_its_category():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The catalog", 1)[1].split("\n## ", 1)[0]
    listed = {}
    for category, names in re.findall(r"^- \*\*(\w+)\*\*: (.+)$", section, flags=re.M):
        for name in re.findall(r"`(\w+)`", names):
            listed[name] = category
    assert listed == {name: op.category for name, op in CATALOG.items()}
    assert f"{len(CATALOG)} ops" in section


# ---- the catalog's one order and one search (picker, gallery, sweep and `augview ops`) ----


def test_op_order_is_by_category_then_name():
    from augview.core.registry import op_order

    order = op_order()
    assert sorted(order) == sorted(CATALOG) and len(order) == len(CATALOG)
    keys = [(CATEGORIES.index(CATALOG[n].category), n) for n in order]
    assert keys == sorted(keys)
    assert order.index("horizontal_flip") < order.index("brightness_contrast")  # geometric first


@pytest.mark.parametrize("query, first", [("rotate", "rotate"), ("rot", "rotate"), ("resize", "resize"),
                                          ("gaussian blur", "gaussian_blur"), ("GAUSSIAN_BLUR", "gaussian_blur"),
                                          ("shadow", "random_shadow"), ("vertical_fl", "vertical_flip")])
def test_find_ops_ranks_the_exact_name_then_its_start(query, first):
    from augview.core.registry import find_ops

    assert find_ops(query)[0] == first


def test_find_ops_needs_every_word_and_searches_category_and_description():
    from augview.core.registry import find_ops, op_order, search_text

    assert find_ops("") == op_order() and find_ops("   ") == op_order()
    blur = find_ops("BLUR")
    assert {n for n in CATALOG if CATALOG[n].category == "blur"} <= set(blur)
    both = find_ops("flip vertical")
    assert "vertical_flip" in both and "horizontal_flip" not in both
    for name in both:
        assert "flip" in search_text(CATALOG[name]) and "vertical" in search_text(CATALOG[name])
    assert find_ops("no op is called this") == []
    assert find_ops("flip", ["vertical_flip", "rotate"]) == ["vertical_flip"]  # only among the given names


def test_find_ops_searches_the_interface_language_too():
    from augview import text
    from augview.core.registry import find_ops

    text.set_translator(lambda context, source: "旋转图像" if source == CATALOG["rotate"].description else source)
    try:
        assert find_ops("旋转") == ["rotate"]
    finally:
        text.set_translator(None)
    assert find_ops("旋转") == []


def _layouts(image: np.ndarray) -> dict[str, np.ndarray]:
    """The same pixels in the memory layouts callers hand over (each a different array)."""
    read_only = image.copy()
    read_only.flags.writeable = False
    if image.ndim == 3:
        # What a tensor gives: (C, H, W) memory seen as (H, W, C), channels 3 planes apart.
        transposed = np.ascontiguousarray(image.transpose(2, 0, 1)).transpose(1, 2, 0)
        negative = np.ascontiguousarray(image[::-1, ::-1, ::-1])[::-1, ::-1, ::-1]  # as BGR[..., ::-1]
    else:
        transposed = np.ascontiguousarray(image.T).T
        negative = np.ascontiguousarray(image[::-1, ::-1])[::-1, ::-1]
    layouts = {"C": image.copy(), "fortran": np.asfortranarray(image), "transposed view": transposed,
               "negative strides": negative, "read-only": read_only}
    for name, array in layouts.items():
        assert np.array_equal(array, image), name
    return layouts


@pytest.mark.parametrize("name", OPS)
@pytest.mark.parametrize("kind", ["rgb", "gray"])
def test_every_memory_layout_gives_the_same_pixels(name, kind, small_rgb, small_gray):
    """Called directly (`apply`, `run`) or through a pipeline, an op gives the same pixels for any
    layout of the same image, leaves it untouched and hands back a new writeable C-ordered array."""
    op = CATALOG[name]
    image = small_rgb if kind == "rgb" else small_gray
    pipe = augview.Pipeline([augview.Step(name)])
    for seed in (0, 4, 9):  # policies draw other sub-operations with each seed
        expected, drawn = op.run(image, np.random.default_rng(seed))
        through_pipe = pipe(image, seed=seed)
        for layout, array in _layouts(image).items():
            before = array.copy()
            outputs = {"apply": op.apply(array, drawn), "run": op.run(array, np.random.default_rng(seed))[0]}
            for how, out in outputs.items():
                assert np.array_equal(out, expected), (layout, how, seed)
                assert out.flags.c_contiguous and out.flags.writeable, (layout, how, seed)
                assert not np.shares_memory(out, array), (layout, how, seed)
            result = pipe.apply(array, seed=seed)
            assert np.array_equal(result.image, through_pipe), (layout, seed)
            assert np.array_equal(pipe(array, seed=seed), through_pipe), (layout, seed)
            assert np.array_equal(augview.Pipeline.replay(array, result.trace), through_pipe), (layout, seed)
            assert np.array_equal(array, before), (layout, seed)
