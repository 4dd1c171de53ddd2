"""Behaviour of the policy ops (augview/core/ops/policies.py): AutoAugment, RandAugment,
TrivialAugmentWide and AugMix.

Reference values are torchvision's (tables from the AutoAugment paper in torchvision's ordering,
magnitude bins from its ``_augmentation_space``); the primitives are checked against PIL, which
torchvision's PIL path calls. A direct comparison with torchvision runs only where it is installed.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageEnhance, ImageOps

import augview
from augview.ops import policies as P
from augview.ops.policy_tables import POLICIES
from augview.core.registry import get_op

ASSETS = Path(__file__).parents[2] / "assets"
NAMES = ("auto_augment", "rand_augment", "trivial_augment_wide", "augmix")
PARAMETER_FREE = {"AutoContrast", "Equalize", "Invert", "Identity"}


@pytest.fixture(scope="module")
def rgb():
    return augview.load_image(ASSETS / "astronaut.png")


@pytest.fixture(scope="module")
def small(rgb):
    return np.ascontiguousarray(rgb[100:160:2, 150:250:2])  # 30 x 50


# ---------------------------------------------------------------------------------------------
# The published tables


def test_tables_have_25_sub_policies_of_two_entries():
    assert set(POLICIES) == {"imagenet", "cifar10", "svhn"}
    known = set(P.autoaugment_space(10, 32, 32))
    for name, table in POLICIES.items():
        assert len(table) == 25, name
        for sub_policy in table:
            assert len(sub_policy) == 2
            for op, p, magnitude_bin in sub_policy:
                assert op in known
                assert 0.0 <= p <= 1.0
                if op in PARAMETER_FREE:
                    assert magnitude_bin is None
                else:
                    assert isinstance(magnitude_bin, int) and 0 <= magnitude_bin <= 9


@pytest.mark.parametrize("policy, index, expected", [
    ("imagenet", 0, (("Posterize", 0.4, 8), ("Rotate", 0.6, 9))),
    ("imagenet", 1, (("Solarize", 0.6, 5), ("AutoContrast", 0.6, None))),
    ("imagenet", 10, (("Rotate", 0.8, 8), ("Color", 0.4, 0))),
    ("imagenet", 14, (("Color", 0.6, 4), ("Contrast", 1.0, 8))),
    ("imagenet", 17, (("Sharpness", 0.4, 7), ("Invert", 0.6, None))),
    ("imagenet", 18, (("ShearX", 0.6, 5), ("Equalize", 1.0, None))),
    ("imagenet", 24, (("Equalize", 0.8, None), ("Equalize", 0.6, None))),
    ("cifar10", 0, (("Invert", 0.1, None), ("Contrast", 0.2, 6))),
    ("cifar10", 1, (("Rotate", 0.7, 2), ("TranslateX", 0.3, 9))),
    ("cifar10", 3, (("ShearY", 0.5, 8), ("TranslateY", 0.7, 9))),
    ("cifar10", 7, (("Sharpness", 0.3, 9), ("Brightness", 0.7, 9))),
    ("cifar10", 19, (("Brightness", 0.1, 3), ("Color", 0.7, 0))),
    ("cifar10", 21, (("TranslateY", 0.9, 9), ("TranslateY", 0.7, 9))),
    ("cifar10", 24, (("TranslateY", 0.7, 9), ("AutoContrast", 0.9, None))),
    ("svhn", 0, (("ShearX", 0.9, 4), ("Invert", 0.2, None))),
    ("svhn", 1, (("ShearY", 0.9, 8), ("Invert", 0.7, None))),
    ("svhn", 12, (("Equalize", 0.9, None), ("TranslateY", 0.6, 6))),
    ("svhn", 14, (("Contrast", 0.3, 3), ("Rotate", 0.8, 4))),
    ("svhn", 15, (("Invert", 0.8, None), ("TranslateY", 0.0, 2))),
    ("svhn", 22, (("ShearX", 0.7, 9), ("TranslateY", 0.8, 3))),
    ("svhn", 24, (("ShearX", 0.7, 2), ("Invert", 0.1, None))),
])
def test_sub_policies_match_the_paper(policy, index, expected):
    assert POLICIES[policy][index] == expected


def test_table_op_counts():
    # A whole-table fingerprint: how often each op occurs in each policy.
    def counts(name):
        return Counter(op for sub in POLICIES[name] for op, _, _ in sub)

    assert counts("imagenet") == {"Equalize": 17, "Solarize": 7, "Rotate": 6, "Color": 6,
                                  "Posterize": 5, "Invert": 3, "AutoContrast": 2, "Contrast": 2,
                                  "Sharpness": 1, "ShearX": 1}
    assert counts("cifar10") == {"Equalize": 9, "AutoContrast": 7, "Sharpness": 5, "TranslateY": 5,
                                 "Color": 5, "Brightness": 4, "Solarize": 4, "Invert": 3,
                                 "Contrast": 2, "TranslateX": 2, "ShearY": 2, "Rotate": 1,
                                 "Posterize": 1}
    assert counts("svhn") == {"Invert": 12, "ShearY": 8, "ShearX": 6, "Equalize": 6, "Solarize": 5,
                              "Rotate": 4, "TranslateY": 4, "AutoContrast": 3, "Contrast": 1,
                              "TranslateX": 1}


def test_imagenet_repeats_five_sub_policies_as_the_paper_does():
    table = POLICIES["imagenet"]
    assert table[20] == table[4] and table[21] == table[1] and table[22] == table[13]
    assert table[23] == table[14] and table[24] == table[2]


def test_describe_policy_lists_every_sub_policy():
    for name in POLICIES:
        lines = P.describe_policy(name)
        assert len(lines) == 25 and all(line.startswith(f"#{i}:") for i, line in enumerate(lines))
    first = P.describe_policy("imagenet")[0]
    assert "Posterize p=0.4" in first and "4 bits" in first and "Rotate p=0.6" in first
    assert "±30°" in first
    assert "±45% of the width" in P.describe_policy("cifar10")[1]


# ---------------------------------------------------------------------------------------------
# Magnitude bins


def test_autoaugment_magnitudes_at_bins():
    space = P.autoaugment_space(10, 200, 331)  # height 200, width 331
    assert space["Rotate"][9] == 30.0 and space["Rotate"][3] == 10.0 and space["Rotate"][0] == 0.0
    assert space["ShearX"][9] == 0.3 and space["ShearY"][9] == 0.3
    assert space["TranslateX"][9] == 150.0  # 150/331 of the width
    assert space["TranslateY"][9] == pytest.approx(150.0 / 331.0 * 200, abs=1e-6)
    assert list(space["Posterize"]) == [8, 8, 7, 7, 6, 6, 5, 5, 4, 4]
    assert list(space["Solarize"]) == pytest.approx(np.linspace(255, 0, 10), abs=1e-6)
    assert space["Brightness"][9] == 0.9 and space["Color"][0] == 0.0
    assert space["Equalize"] is None and space["Invert"] is None and "Identity" not in space
    # Values the primitives receive.
    assert P.op_value("Brightness", 0.9) == 1.9 and P.op_value("Color", -0.9) == 0.1
    assert P.op_value("Solarize", space["Solarize"][1]) == 227  # 226.67: pixels >= 227 invert
    assert P.op_value("Solarize", space["Solarize"][3]) == 170
    assert P.op_value("Solarize", space["Solarize"][9]) == 0
    assert P.op_value("TranslateX", -space["TranslateX"][8]) == -133  # int() truncates to zero
    assert P.op_value("Posterize", space["Posterize"][9]) == 4


def test_randaugment_and_wide_magnitudes():
    ra = P.randaugment_space(31, 100, 100)
    assert list(ra) == ["Identity", "ShearX", "ShearY", "TranslateX", "TranslateY", "Rotate",
                        "Brightness", "Color", "Contrast", "Sharpness", "Posterize", "Solarize",
                        "AutoContrast", "Equalize"]
    assert ra["Rotate"][9] == 9.0 and ra["ShearX"][9] == 0.09 and ra["Rotate"][30] == 30.0
    assert ra["Posterize"][0] == 8 and ra["Posterize"][30] == 4 and ra["Posterize"][15] == 6
    wide = P.wide_space(31)
    assert list(wide) == list(ra)
    assert wide["Rotate"][30] == 135.0 and wide["ShearY"][30] == 0.99
    assert wide["TranslateX"][30] == 32.0 and wide["Brightness"][30] == 0.99
    assert wide["Posterize"][0] == 8 and wide["Posterize"][30] == 2
    mix = P.augmix_space(90, 60, True)
    assert mix["TranslateX"][9] == 20.0 and mix["TranslateY"][9] == 30.0
    assert list(mix["Posterize"]) == [4, 4, 3, 3, 2, 2, 1, 1, 0, 0]
    assert "Brightness" not in P.augmix_space(90, 60, False)


# ---------------------------------------------------------------------------------------------
# Primitives against PIL (what torchvision's PIL path runs)


def _pil_affine(image, data):
    pil = Image.fromarray(image)
    return np.asarray(pil.transform(pil.size, Image.AFFINE, data, resample=Image.NEAREST,
                                    fillcolor=(0, 0, 0)))


@pytest.mark.parametrize("name, value, data", [
    ("ShearX", 0.3, (1, 0.3, 0, 0, 1, 0)),
    ("ShearX", -0.3, (1, -0.3, 0, 0, 1, 0)),
    ("ShearY", 0.3, (1, 0, 0, 0.3, 1, 0)),
    ("ShearY", -0.1, (1, 0, 0, -0.1, 1, 0)),
    ("TranslateX", 45, (1, 0, -45, 0, 1, 0)),
    ("TranslateY", -30, (1, 0, 0, 0, 1, 30)),
])
def test_geometric_primitives_match_pil(rgb, name, value, data):
    out = P.apply_primitive(rgb, name, value)
    assert np.array_equal(out, _pil_affine(rgb, data))


def test_shear_ties_differ_from_pil_only_on_halfway_rows(rgb):
    # value * (y + 0.5) lands exactly halfway between pixels on every fifth row for 0.2: cv2 rounds
    # those half to even (as torch's grid_sample), PIL rounds them up. All other rows agree.
    out = P.apply_primitive(rgb, "ShearX", -0.2)
    rows = np.nonzero((out != _pil_affine(rgb, (1, -0.2, 0, 0, 1, 0))).any(axis=(1, 2)))[0]
    assert len(rows) > 0 and set(rows % 5) == {2}


def test_rotate_turns_counter_clockwise_about_the_centre(rgb):
    square = rgb[:101, :101]
    assert np.array_equal(P.apply_primitive(square, "Rotate", 90.0), np.rot90(square))
    pil = np.asarray(Image.fromarray(rgb).rotate(30, resample=Image.NEAREST))
    assert np.array_equal(P.apply_primitive(rgb, "Rotate", 30.0), pil)


def test_fill_colours_the_uncovered_area(small):
    out = P.apply_primitive(small, "TranslateX", 10, fill=200)
    assert (out[:, :10] == 200).all() and np.array_equal(out[:, 10:], small[:, :-10])


@pytest.mark.parametrize("bits", [1, 4, 5, 8])
def test_posterize_matches_pil(rgb, bits):
    ref = np.asarray(ImageOps.posterize(Image.fromarray(rgb), bits))
    assert np.array_equal(P.apply_primitive(rgb, "Posterize", bits), ref)


def test_posterize_zero_bits_is_black(small):
    # AugMix's strongest posterize bins keep 0 bits (PIL refuses 0; torch's mask gives black).
    assert not P.apply_primitive(small, "Posterize", 0).any()


@pytest.mark.parametrize("magnitude_bin", range(10))
def test_solarize_bins_match_pil_float_threshold(rgb, magnitude_bin):
    threshold = P.autoaugment_space(10, 8, 8)["Solarize"][magnitude_bin]
    ref = np.asarray(ImageOps.solarize(Image.fromarray(rgb), threshold))
    out = P.apply_primitive(rgb, "Solarize", P.op_value("Solarize", threshold))
    assert np.array_equal(out, ref)


@pytest.mark.parametrize("name, enhancer", [
    ("Brightness", ImageEnhance.Brightness), ("Color", ImageEnhance.Color),
    ("Contrast", ImageEnhance.Contrast), ("Sharpness", ImageEnhance.Sharpness),
])
@pytest.mark.parametrize("factor", [0.1, 0.55, 1.9])
def test_enhance_primitives_match_pil_within_a_level(rgb, name, enhancer, factor):
    ref = np.asarray(enhancer(Image.fromarray(rgb)).enhance(factor)).astype(int)
    out = P.apply_primitive(rgb, name, factor).astype(int)
    # PIL truncates its blends (and Contrast its mean); the catalog's adjustments round.
    assert np.abs(out - ref).max() <= 2 and np.abs(out - ref).mean() < 1.0


def test_parameter_free_primitives(rgb):
    pil = Image.fromarray(rgb)
    assert np.array_equal(P.apply_primitive(rgb, "Invert", None), 255 - rgb)
    assert np.array_equal(P.apply_primitive(rgb, "Equalize", None), np.asarray(ImageOps.equalize(pil)))
    assert np.array_equal(P.apply_primitive(rgb, "AutoContrast", None),
                          np.asarray(ImageOps.autocontrast(pil)))
    assert P.apply_primitive(rgb, "Identity", None) is rgb  # the ops copy before returning


# ---------------------------------------------------------------------------------------------
# auto_augment sampling


def test_auto_augment_draw_is_a_complete_json_trace(small):
    op = get_op("auto_augment")
    out, drawn = op.run(small, np.random.default_rng(3), {"policy": "cifar10", "fill": 7})
    assert set(drawn) == {"policy", "sub_policy", "ops", "interpolation", "fill"}
    assert drawn["policy"] == "cifar10" and drawn["fill"] == 7
    expected = POLICIES["cifar10"][drawn["sub_policy"]]
    assert [(e["op"], e["p"], e["magnitude_bin"]) for e in drawn["ops"]] == list(expected)
    replayed = json.loads(json.dumps(drawn))
    assert np.array_equal(op.apply(small, replayed), out)
    manual = small
    for entry in drawn["ops"]:
        if entry["fired"]:
            manual = P.apply_primitive(manual, entry["op"], entry["value"], "nearest", 7)
    assert np.array_equal(out, manual)


@pytest.mark.parametrize("policy", sorted(POLICIES))
def test_sub_policies_are_uniform_and_fire_with_their_probabilities(policy):
    op = get_op("auto_augment")
    rng = np.random.default_rng(2024)
    picks = Counter()
    fired = Counter()
    negative = Counter()
    signed = Counter()
    draws = 25_000
    for _ in range(draws):
        drawn = op.draw(rng, {**op.defaults(), "policy": policy}, (331, 331, 3))
        index = drawn["sub_policy"]
        picks[index] += 1
        for slot, entry in enumerate(drawn["ops"]):
            fired[index, slot] += entry["fired"]
            if entry["op"] in P.SIGNED and entry["magnitude_bin"]:
                signed[entry["op"]] += 1
                negative[entry["op"]] += entry["value"] < (1.0 if entry["op"] in P.ENHANCE else 0)
    assert set(picks) == set(range(25))
    assert all(abs(count / draws - 1 / 25) < 0.008 for count in picks.values())
    for (index, slot), count in fired.items():
        p = POLICIES[policy][index][slot][1]
        assert abs(count / picks[index] - p) < 0.07, (index, slot)
    for (index, slot) in [(i, s) for i in range(25) for s in range(2)]:
        if POLICIES[policy][index][slot][1] == 0.0:
            assert fired[index, slot] == 0  # probability 0 never fires
    for name, total in signed.items():
        if total > 300:
            assert abs(negative[name] / total - 0.5) < 0.08, name


def test_auto_augment_values_follow_the_bins():
    op = get_op("auto_augment")
    rng = np.random.default_rng(0)
    seen = set()
    for _ in range(400):
        drawn = op.draw(rng, op.defaults(), (224, 224, 3))
        if drawn["sub_policy"] == 0:
            posterize, rotate = drawn["ops"]
            assert posterize["value"] == 4  # bin 8 -> 4 bits
            assert rotate["value"] in (30.0, -30.0)  # bin 9 -> 30 degrees, either sign
            seen.add(rotate["value"])
    assert seen == {30.0, -30.0}


def test_caption_names_the_sub_policy_and_what_fired(small):
    op = get_op("auto_augment")
    drawn = {"policy": "imagenet", "sub_policy": 0, "interpolation": "nearest", "fill": 0, "ops": [
        {"op": "Posterize", "p": 0.4, "magnitude_bin": 8, "value": 4, "fired": True},
        {"op": "Rotate", "p": 0.6, "magnitude_bin": 9, "value": -30.0, "fired": True}]}
    assert op.label(drawn) == "auto_augment imagenet #0: Posterize 4, Rotate -30°"
    drawn["ops"][0]["fired"] = drawn["ops"][1]["fired"] = False
    assert op.label(drawn) == "auto_augment imagenet #0: nothing fired"
    assert np.array_equal(op.apply(small, drawn), small)
    _, real = op.run(small, np.random.default_rng(1))
    assert op.label(real).startswith(f"auto_augment imagenet #{real['sub_policy']}:")


# ---------------------------------------------------------------------------------------------
# rand_augment, trivial_augment_wide


def test_rand_augment_draws_n_ops_at_one_magnitude(small):
    op = get_op("rand_augment")
    rng = np.random.default_rng(5)
    names = Counter()
    for _ in range(3000):
        drawn = op.draw(rng, {**op.defaults(), "num_ops": 3, "magnitude": 12}, small.shape)
        assert len(drawn["ops"]) == 3
        for entry in drawn["ops"]:
            names[entry["op"]] += 1
            if entry["op"] in PARAMETER_FREE:
                assert entry["magnitude_bin"] is None
            else:
                assert entry["magnitude_bin"] == 12
            if entry["op"] == "Rotate":
                assert abs(entry["value"]) == 12.0
    assert set(names) == set(P.randaugment_space(31, 1, 1)) and "Invert" not in names
    assert all(abs(count / 9000 - 1 / 14) < 0.02 for count in names.values())
    # A magnitude above the last bin uses the last bin.
    drawn = op.draw(np.random.default_rng(0), {**op.defaults(), "magnitude": 30,
                                               "num_magnitude_bins": 5, "num_ops": 10}, small.shape)
    assert {e["magnitude_bin"] for e in drawn["ops"]} <= {4, None}


def test_trivial_augment_draws_one_op_at_a_random_bin(small):
    op = get_op("trivial_augment_wide")
    rng = np.random.default_rng(8)
    bins = Counter()
    for _ in range(4000):
        (entry,) = op.draw(rng, op.defaults(), small.shape)["ops"]
        if entry["magnitude_bin"] is not None:
            bins[entry["magnitude_bin"]] += 1
            if entry["op"] == "Rotate":
                assert abs(entry["value"]) == pytest.approx(4.5 * entry["magnitude_bin"])
    assert set(bins) == set(range(31))
    out, drawn = op.run(small, np.random.default_rng(4))
    assert op.label(drawn) == "trivial_augment_wide " + P.entry_text(drawn["ops"][0])


# ---------------------------------------------------------------------------------------------
# augmix


def test_augmix_weights_and_chains(small):
    op = get_op("augmix")
    rng = np.random.default_rng(11)
    depths = Counter()
    for _ in range(500):
        drawn = op.draw(rng, op.defaults(), small.shape)
        assert drawn["original_weight"] + sum(drawn["chain_weights"]) == pytest.approx(1.0)
        assert len(drawn["chains"]) == 3
        for chain in drawn["chains"]:
            depths[len(chain)] += 1
            for entry in chain:
                assert entry["magnitude_bin"] is None or entry["magnitude_bin"] < 3  # severity 3
    assert set(depths) == {1, 2, 3}
    drawn = op.draw(rng, {**op.defaults(), "chain_depth": 4, "mixture_width": 5, "severity": 1},
                    small.shape)
    assert [len(c) for c in drawn["chains"]] == [4] * 5
    assert {e["value"] for c in drawn["chains"] for e in c} <= {None, 0, 0.0, 1.0, 4}


def test_augmix_mixes_in_float_and_rounds(small):
    op = get_op("augmix")
    base = {"interpolation": "linear", "fill": 0}
    invert = [{"op": "Invert", "magnitude_bin": None, "value": None, "fired": True}]
    keep = {**base, "original_weight": 1.0, "chain_weights": [0.0], "chains": [invert]}
    assert np.array_equal(op.apply(small, keep), small)
    half = {**base, "original_weight": 0.5, "chain_weights": [0.5], "chains": [invert]}
    assert (op.apply(small, half) == 128).all()  # (x + 255 - x) / 2 = 127.5, rounded half to even
    three = {**base, "original_weight": 0.2, "chain_weights": [0.3, 0.5],
             "chains": [invert, [{"op": "Posterize", "magnitude_bin": 8, "value": 0, "fired": True}]]}
    expected = np.rint(0.2 * small.astype(np.float64) + 0.3 * (255 - small.astype(np.float64)))
    assert np.abs(op.apply(small, three).astype(int) - expected).max() <= 1


def test_augmix_caption(small):
    op = get_op("augmix")
    _, drawn = op.run(small, np.random.default_rng(2))
    label = op.label(drawn)
    assert label.startswith("augmix orig ") and label.count("|") == 2


# ---------------------------------------------------------------------------------------------
# All four: determinism, shapes, presets


@pytest.mark.parametrize("name", NAMES)
def test_seeds_are_deterministic_and_replay(name, small):
    op = get_op(name)
    out1, drawn1 = op.run(small, np.random.default_rng(42))
    out2, drawn2 = op.run(small, np.random.default_rng(42))
    assert drawn1 == drawn2 and np.array_equal(out1, out2)
    assert np.array_equal(op.apply(small, json.loads(json.dumps(drawn1))), out1)
    others = [op.run(small, np.random.default_rng(seed))[1] for seed in range(10)]
    assert len({json.dumps(d, sort_keys=True) for d in others}) > 3


def _extremes(name):
    op = get_op(name)
    low, high = {}, {}
    for spec in op.params:
        if spec.kind in ("int", "float"):
            low[spec.name], high[spec.name] = spec.min, spec.max
    return [None, low, high]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("shape", [(1, 1), (1, 1, 3), (7, 5), (7, 5, 3), (2, 3, 3)])
def test_tiny_gray_and_extreme_parameters(name, shape):
    op = get_op(name)
    image = np.random.default_rng(0).integers(0, 256, size=shape, dtype=np.uint8)
    before = image.copy()
    for params in _extremes(name):
        for seed in range(6):
            out, drawn = op.run(image, np.random.default_rng(seed), params)
            assert out.shape == image.shape and out.dtype == np.uint8
            assert not np.shares_memory(out, image)
            json.dumps(drawn)
    assert np.array_equal(image, before)


@pytest.mark.parametrize("policy", sorted(POLICIES))
def test_every_sub_policy_runs_on_rgb_and_gray(small, policy):
    gray = np.ascontiguousarray(small[..., 1])
    for index, sub_policy in enumerate(POLICIES[policy]):
        space = P.autoaugment_space(10, *small.shape[:2])
        for image in (small, gray):
            ops = [{"op": n, "p": p, **P._entry(space, n, b, False), "fired": True}
                   for n, p, b in sub_policy]
            drawn = {"policy": policy, "sub_policy": index, "ops": ops,
                     "interpolation": "nearest", "fill": 0}
            out = get_op("auto_augment").apply(image, drawn)
            assert out.shape == image.shape and out.dtype == np.uint8


def test_preset_round_trip_of_policy_steps(tmp_path, small):
    steps = [
        augview.Step("auto_augment", {"policy": "svhn"}),
        augview.Step("rand_augment", {"num_ops": 3, "magnitude": 14}, p=0.5),
        augview.Step("trivial_augment_wide"),
        augview.Step("augmix", {"severity": 5, "alpha": 0.5, "chain_depth": 2}),
    ]
    pipe = augview.Pipeline(steps, name="policies", seed=3)
    path = tmp_path / "policies.json"
    pipe.save(path)
    loaded = augview.Pipeline.load(path)
    assert loaded == pipe
    assert loaded.steps[0].params["policy"] == "svhn"
    assert loaded.steps[3].params["alpha"] == 0.5
    loaded.save(tmp_path / "again.json")
    assert path.read_bytes() == (tmp_path / "again.json").read_bytes()

    result = loaded.apply(small, seed=17)
    first = result.trace[0]
    assert first["op"] == "auto_augment" and first["drawn"]["policy"] == "svhn"
    expected = POLICIES["svhn"][first["drawn"]["sub_policy"]]
    assert [e["op"] for e in first["drawn"]["ops"]] == [e[0] for e in expected]
    assert np.array_equal(augview.Pipeline.replay(small, result.trace), result.image)
    assert f"svhn #{first['drawn']['sub_policy']}" in result.summary
    assert np.array_equal(pipe.apply(small, seed=17).image, result.image)


def test_rejects_unknown_policy(tmp_path):
    data = {"version": 1, "steps": [{"op": "auto_augment", "params": {"policy": "mnist"}}]}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(augview.PresetError):
        augview.Pipeline.load(path)


# ---------------------------------------------------------------------------------------------
# torchvision itself, where installed (it is not a dependency)


def test_matches_torchvision_primitives(rgb):
    torch = pytest.importorskip("torch")
    tv = pytest.importorskip("torchvision.transforms.autoaugment")
    from torchvision.transforms import InterpolationMode

    image = rgb[::2, ::3].copy()
    height, width = image.shape[:2]
    tensor = torch.from_numpy(image).permute(2, 0, 1).contiguous()
    ours = P.autoaugment_space(10, height, width)
    theirs = tv.AutoAugment()._augmentation_space(10, (height, width))
    for name, values in ours.items():
        reference = theirs[name][0]
        if values is None:
            assert reference.ndim == 0
            continue
        assert list(values) == pytest.approx(reference.tolist(), abs=1e-4), name
        for magnitude_bin in (3, 9):
            for sign in (1.0, -1.0) if theirs[name][1] else (1.0,):
                magnitude = sign * float(reference[magnitude_bin])
                expected = tv._apply_op(tensor, name, magnitude, InterpolationMode.NEAREST, None)
                expected = expected.permute(1, 2, 0).numpy().astype(int)
                out = P.apply_primitive(image, name, P.op_value(name, sign * values[magnitude_bin]))
                differ = np.abs(out.astype(int) - expected) > 1
                assert differ.mean() < 0.01, (name, magnitude_bin, sign)
