"""Teaching-mode numbers: effective probabilities (checked against real runs) and distinct-output
counts (checked against known cases and, where small, against enumeration of real draws)."""

import math
from collections import Counter
from decimal import Decimal
from math import sqrt

import numpy as np
import pytest

import augview.ops  # noqa: F401  (registers the ops)
from augview.analysis.probabilities import (
    Count, choice_probabilities, distinct_outputs, effective_probabilities, fired_steps, probability_table,
)
from augview.core.registry import get_op
from augview.pipeline.nodes import Group, Step
from augview.pipeline.run import run_nodes

# ---------------------------------------------------------------------------------------------
# effective probabilities


def simulate(nodes, runs):
    """How often each path fired over ``runs`` seeds, running the real pipeline."""
    image = np.zeros((2, 2, 3), np.uint8)
    counts = Counter()

    def walk(entries):
        for entry in entries:
            if entry["fired"]:
                counts[tuple(int(p) for p in entry["path"].split("."))] += 1
            walk(entry.get("steps", []))

    for seed in range(runs):
        walk(run_nodes(nodes, image, seed)[1])
    return counts


def assert_matches_simulation(nodes, runs=20000):
    expected = effective_probabilities(nodes)
    counts = simulate(nodes, runs)
    assert set(counts) <= set(expected)
    for path, prob in expected.items():
        observed = counts[path] / runs
        if prob in (0.0, 1.0):
            assert observed == prob, path
        else:
            sigma = sqrt(prob * (1 - prob) / runs)
            assert abs(observed - prob) <= 3 * sigma, (path, prob, observed)


def nested_pipeline():
    flip, invert = Step("horizontal_flip"), Step("invert")
    return [
        Step("vertical_flip", p=0.3),
        Group("sequence", p=0.7, steps=[
            Group("some_of", n=(1, 3), steps=[
                # one_of inside some_of inside a p=0.7 sequence, with weights and a zero weight
                Group("one_of", weights=[1.0, 3.0, 0.0], steps=[
                    Step("invert"), Step("horizontal_flip", p=0.5), Step("vertical_flip"),
                ]),
                Step("invert", p=0.6),
                Step("horizontal_flip", enabled=False),
                Step("grayscale"),
            ]),
            Step("invert", p=0.9),
        ]),
        Group("one_of", weights=[0.0, 0.0], steps=[flip, invert]),  # all zero: uniform
        Group("one_of", steps=[Step("invert"), Step("grayscale", enabled=False), Step("vertical_flip")]),
        Group("sequence", enabled=False, steps=[Step("invert")]),
        Group("random_order", p=0.5, steps=[Step("invert", p=0.2), Step("horizontal_flip")]),
    ]


def test_effective_probabilities_hand_computed():
    probs = effective_probabilities(nested_pipeline())
    assert probs[(0,)] == pytest.approx(0.3)
    assert probs[(1,)] == pytest.approx(0.7)
    # some_of over 3 enabled children, count uniform in 1..3: E[count] / 3 = 2 / 3.
    assert probs[(1, 0)] == pytest.approx(0.7)
    assert probs[(1, 0, 0)] == pytest.approx(0.7 * 2 / 3)
    assert probs[(1, 0, 0, 0)] == pytest.approx(0.7 * 2 / 3 * 0.25)
    assert probs[(1, 0, 0, 1)] == pytest.approx(0.7 * 2 / 3 * 0.75 * 0.5)
    assert probs[(1, 0, 0, 2)] == 0.0  # weight 0
    assert probs[(1, 0, 1)] == pytest.approx(0.7 * 2 / 3 * 0.6)
    assert probs[(1, 0, 2)] == 0.0  # disabled
    assert probs[(1, 1)] == pytest.approx(0.7 * 0.9)
    assert probs[(2, 0)] == probs[(2, 1)] == pytest.approx(0.5)
    assert probs[(3, 0)] == probs[(3, 2)] == pytest.approx(0.5)  # the disabled child takes no share
    assert probs[(4,)] == probs[(4, 0)] == 0.0  # inside a disabled group
    assert probs[(5, 0)] == pytest.approx(0.1)


def test_effective_probabilities_match_simulation():
    assert_matches_simulation(nested_pipeline())


def test_some_of_count_clamped_to_enabled_children_matches_simulation():
    # n = 2..5 over 3 enabled children: count is 2 or 3 (three times out of four).
    group = Group("some_of", n=(2, 5), steps=[
        Step("invert"), Step("vertical_flip", enabled=False), Step("horizontal_flip"), Step("grayscale"),
    ])
    shares = choice_probabilities(group)
    assert shares == pytest.approx({0: (2 + 3 + 3 + 3) / 4 / 3, 2: 11 / 12, 3: 11 / 12})
    assert_matches_simulation([group], runs=10000)


def test_probability_table_and_fired_steps():
    nodes = [Step("horizontal_flip", p=0.5), Group("one_of", steps=[Step("invert"), Step("rotate")])]
    rows = probability_table(nodes)
    assert [(r["path"], r["name"], r["depth"]) for r in rows] == [
        ((0,), "horizontal_flip", 0), ((1,), "one_of", 0), ((1, 0), "invert", 1), ((1, 1), "rotate", 1),
    ]
    assert rows[3]["effective"] == pytest.approx(0.5)
    image = np.zeros((4, 4, 3), np.uint8)
    for seed in range(20):
        _, trace = run_nodes(nodes, image, seed)
        steps = fired_steps(trace)
        assert len(steps) in (1, 2)
        assert steps[-1]["path"] in ((1, 0), (1, 1))
        for step in steps:
            assert step["label"] == get_op(step["op"]).label(step["drawn"])


# ---------------------------------------------------------------------------------------------
# distinct outputs


def test_textbook_random_crop_and_flip():
    crop = Step("random_crop", {"height": 224, "width": 224})
    alone = distinct_outputs([crop], (256, 256, 3))
    assert alone.count == 1089 and not alone.continuous and not alone.upper_bound
    assert "random_crop 224x224 of 256x256: 33 x 33 = 1089 positions" in alone.explanation
    both = distinct_outputs([crop, Step("horizontal_flip", p=0.5)], (256, 256, 3))
    assert isinstance(both, Count) and both.count == 2178
    assert "horizontal_flip p=0.5: x2" in both.explanation
    assert both.explanation[-1] == "total (discrete parts): 2178"
    assert both.summary() == "2,178 different images"


def test_non_square_crop_and_clamping():
    count = distinct_outputs([Step("random_crop", {"height": 100, "width": 50})], (120, 80, 3))
    assert count.count == 21 * 31
    # A crop larger than the image is clamped to it: one position, the image itself.
    whole = distinct_outputs([Step("random_crop", {"height": 500, "width": 500}, p=0.5)], (120, 80, 3))
    assert whole.count == 1


def test_flips():
    shape = (32, 32, 3)
    assert distinct_outputs([Step("horizontal_flip", p=0.5)], shape).count == 2
    assert distinct_outputs([Step("horizontal_flip", p=1.0)], shape).count == 1
    assert distinct_outputs([Step("horizontal_flip", p=0.0)], shape).count == 1
    assert distinct_outputs([Step("horizontal_flip", p=0.5), Step("vertical_flip", p=0.5)], shape).count == 4


def test_quarter_turns_and_transpose():
    square, wide = (32, 32, 3), (32, 48, 3)
    alone = distinct_outputs([Step("random_rotate90")], square)
    assert alone.count == 4 and not alone.upper_bound and not alone.continuous
    assert "random_rotate90 0°, 90°, 180°, 270°: 4 angles (0° = unchanged)" in alone.explanation
    # 0° is one of the four turns: not firing adds no new image
    assert distinct_outputs([Step("random_rotate90", p=0.5)], square).count == 4
    assert distinct_outputs([Step("random_rotate90", {"turns_limit": (1, 3)}, p=0.5)], square).count == 4
    assert distinct_outputs([Step("random_rotate90", {"turns_limit": (2, 2)})], square).count == 1
    # with a flip: the 8 symmetries of the square, each a different image of a generic input
    both = distinct_outputs([Step("random_rotate90"), Step("horizontal_flip", p=0.5)], square)
    assert both.count == 8 and not both.upper_bound
    assert distinct_outputs([Step("random_rotate90"), Step("transpose", p=0.5)], square).count == 8
    assert distinct_outputs([Step("transpose", p=0.5)], square).count == 2
    assert distinct_outputs([Step("transpose")], square).count == 1
    # a third orientation step multiplies the count past 8: some combinations must repeat
    three = distinct_outputs([Step("random_rotate90"), Step("horizontal_flip", p=0.5),
                              Step("vertical_flip", p=0.5)], square)
    assert three.count == 16 and three.upper_bound and three.summary() == "up to 16 different images"
    assert any("reach 8 orientations, not 16" in line for line in three.explanation)
    # repeats below 8 are caught too: two coin-flip mirrors make 2 images, not 4
    twice = distinct_outputs([Step("horizontal_flip", p=0.5), Step("horizontal_flip", p=0.5)], square)
    assert twice.upper_bound and any("reach 2 orientations, not 4" in line for line in twice.explanation)
    turns = distinct_outputs([Step("random_rotate90", {"turns_limit": (0, 1)})] * 2, square)
    assert turns.upper_bound and any("reach 3 orientations, not 4" in line for line in turns.explanation)
    assert not distinct_outputs([Step("horizontal_flip", p=0.5), Step("vertical_flip", p=0.5)], square).upper_bound
    # a non-square image: odd turns swap the sides, which later crops see
    turned = [Step("random_rotate90"), Step("random_crop", {"height": 30, "width": 30})]
    assert distinct_outputs(turned, wide).count == 2 * (3 * 19) + 2 * (19 * 3)
    flipped = [Step("transpose", p=0.5), Step("random_crop", {"height": 32, "width": 30})]
    assert distinct_outputs(flipped, wide).count == 19 * 1 + 3 * 17  # on 48x32, then on the transposed 32x48
    for name in ("optical_distortion", "iso_noise"):
        assert distinct_outputs([Step(name)], wide).continuous == [name]


def test_weather_ops_are_continuous():
    """Polygons, particles, drops and circles drawn at random: never counted."""
    for name in ("random_shadow", "random_fog", "random_rain", "random_sun_flare"):
        for shape in ((32, 48, 3), (32, 48)):
            assert distinct_outputs([Step(name)], shape).continuous == [name]
    # no range left to draw from, but still the drops' positions
    fixed = distinct_outputs([Step("random_rain", {"slant_limit": (3, 3)})], (32, 48, 3))
    assert fixed.continuous == ["random_rain"]
    assert any("random positions or seeds" in line for line in fixed.explanation)
    # every corner drawn in a one-pixel region: one shadow, always the same
    assert distinct_outputs([Step("random_shadow", {"roi_x": (0.5, 0.5), "roi_y": (0.5, 0.5),
                                                    "num_shadows_limit": (1, 1)})], (32, 48, 3)).count == 1


def test_channel_dropout_counts_which_channels():
    rgb, gray = (8, 8, 3), (8, 8)
    assert distinct_outputs([Step("channel_dropout")], rgb).count == 3
    assert distinct_outputs([Step("channel_dropout", {"channels_limit": (1, 2)})], rgb).count == 6
    assert distinct_outputs([Step("channel_dropout", {"channels_limit": (2, 2)}, p=0.5)], rgb).count == 4
    assert distinct_outputs([Step("channel_dropout", p=0.5)], gray).count == 1


def test_one_of_sums_children():
    shape = (64, 64, 3)
    group = Group("one_of", steps=[Step("horizontal_flip"), Step("vertical_flip"), Step("invert")])
    count = distinct_outputs([group], shape)
    assert count.count == 3 and count.upper_bound
    group.p = 0.5  # "not fired" is one more option
    assert distinct_outputs([group], shape).count == 4
    crops = Group("one_of", steps=[Step("random_crop", {"height": 60, "width": 60}), Step("invert")])
    assert distinct_outputs([crops], shape).count == 25 + 1
    # A zero-weight child is never chosen.
    weighted = Group("one_of", weights=[1.0, 0.0], steps=[Step("horizontal_flip"), Step("posterize")])
    assert distinct_outputs([weighted], shape).count == 1


def test_some_of_and_random_order():
    shape = (16, 16, 3)
    flips = [Step("horizontal_flip"), Step("vertical_flip"), Step("invert")]
    # Subsets of size 1 or 2 of three one-way steps: 3 + 3.
    assert distinct_outputs([Group("some_of", n=(1, 2), steps=flips)], shape).count == 6
    # Sizes 0..3: every subset, 2^3.
    assert distinct_outputs([Group("some_of", n=(0, 3), steps=flips)], shape).count == 8
    # A child with 5 outputs: size-1 subsets give 1 + 5, the pair gives 5.
    mixed = Group("some_of", n=(1, 2), steps=[Step("invert"), Step("posterize", {"num_bits": (3, 7)})])
    assert distinct_outputs([mixed], shape).count == 11
    ordered = distinct_outputs([Group("random_order", steps=flips)], shape)
    assert ordered.count == 6 and ordered.upper_bound  # 1 x 3! orders, an upper bound
    assert any("upper bound" in line for line in ordered.explanation)


def test_discrete_color_ops():
    rgb, gray = (8, 8, 3), (8, 8)
    assert distinct_outputs([Step("channel_shuffle")], rgb).count == 6
    assert distinct_outputs([Step("channel_shuffle", p=0.5)], rgb).count == 6  # identity is one order
    assert distinct_outputs([Step("channel_shuffle")], gray).count == 1
    assert distinct_outputs([Step("grayscale", p=0.5)], rgb).count == 2
    assert distinct_outputs([Step("grayscale", p=0.5)], gray).count == 1
    for name in ("invert", "equalize", "autocontrast"):
        assert distinct_outputs([Step(name, p=0.5)], rgb).count == 2
    assert distinct_outputs([Step("posterize", {"num_bits": (4, 7)})], rgb).count == 4
    assert distinct_outputs([Step("posterize", {"num_bits": (4, 7)}, p=0.5)], rgb).count == 5
    # 8 bits keeps the image as it is, the same output as "not fired".
    assert distinct_outputs([Step("posterize", {"num_bits": (4, 8)}, p=0.5)], rgb).count == 5
    assert distinct_outputs([Step("solarize", {"threshold_limit": (100, 109)})], rgb).count == 10
    assert distinct_outputs([Step("jpeg_compression", {"quality_limit": (50, 95)})], rgb).count == 46
    assert distinct_outputs([Step("median_blur", {"ksize_limit": (3, 7)})], rgb).count == 3


def test_continuous_detection():
    shape = (64, 64, 3)
    tilted = distinct_outputs([Step("rotate", {"limit": (-10, 10)}), Step("horizontal_flip", p=0.5)], shape)
    assert tilted.continuous == ["rotate"] and tilted.infinite
    assert tilted.count == 2  # the discrete part still counts
    assert "infinitely many with rotate" in tilted.summary()
    still = distinct_outputs([Step("rotate", {"limit": (0, 0)})], shape)
    assert still.continuous == [] and still.count == 1
    # Many continuous steps: the summary names two and counts the rest (it grew to three lines in
    # the panel); the explanation still names every one.
    names = ["rotate", "gaussian_noise", "brightness_contrast", "motion_blur", "hue_saturation_value"]
    many = distinct_outputs([Step(name) for name in names], shape)
    assert many.continuous == names
    assert many.summary().endswith("infinitely many with rotate, gaussian_noise and 3 more")
    assert all(any(name in line for line in many.explanation) for name in names)
    three = distinct_outputs([Step(name) for name in names[:3]], shape)
    assert three.summary().endswith("infinitely many with rotate, gaussian_noise, brightness_contrast")
    assert distinct_outputs([Step("rotate", {"limit": (0, 0)}, p=0.5)], shape).count == 1  # 0° = no-op
    assert distinct_outputs([Step("rotate", {"limit": (90, 90)}, p=0.5)], shape).count == 2
    assert distinct_outputs([Step("brightness_contrast")], shape).continuous == ["brightness_contrast"]
    assert distinct_outputs([Step("gaussian_noise")], shape).continuous == ["gaussian_noise"]
    # A custom sampler with a fixed value is deterministic.
    assert distinct_outputs([Step("gaussian_blur", {"sigma_limit": (1.0, 1.0)})], shape).continuous == []


def test_disabled_steps_ignored():
    shape = (256, 256, 3)
    nodes = [
        Step("random_crop", {"height": 224, "width": 224}),
        Step("rotate", enabled=False),
        Step("horizontal_flip", p=0.5, enabled=False),
        Group("one_of", enabled=False, steps=[Step("invert"), Step("vertical_flip")]),
        Group("one_of", steps=[Step("invert"), Step("color_jitter", enabled=False)]),
    ]
    count = distinct_outputs(nodes, shape)
    assert count.count == 1089 and count.continuous == []
    assert not any("rotate" in line for line in count.explanation)


def test_sizes_follow_the_pipeline():
    # A centre crop to 240 then a random crop of 224: 17 x 17 positions, not 33 x 33.
    nodes = [Step("center_crop", {"height": 240, "width": 240}), Step("random_crop", {"height": 224, "width": 224})]
    assert distinct_outputs(nodes, (256, 256, 3)).count == 17 * 17
    resized = [Step("resize", {"height": 100, "width": 100}), Step("random_crop", {"height": 90, "width": 90})]
    assert distinct_outputs(resized, (300, 500, 3)).count == 121
    # A crop that may not fire leaves two sizes for the next crop: 12x12 (25 positions, then 5 x 5
    # more each) or the untouched 16x16 (then 9 x 9).
    two = [Step("random_crop", {"height": 12, "width": 12}, p=0.5), Step("random_crop", {"height": 8, "width": 8})]
    assert distinct_outputs(two, (16, 16, 3)).count == 25 * 25 + 81
    padded = [Step("pad", {"pad_mode": "pixels", "pixels": 2, "position": "random"})]
    assert distinct_outputs(padded, (10, 10, 3)).count == 25


def test_random_crop_fraction_sizes_match_draws():
    """Fraction mode counts the crop sizes exactly: compare with the sizes real draws produce."""
    op = get_op("random_crop")
    params = {**op.defaults(), "size_mode": "fraction", "fraction": (0.6, 0.9)}
    shape = (13, 21, 3)
    rng = np.random.default_rng(0)
    seen = {(d["height"], d["width"]) for d in (op.draw(rng, params, shape) for _ in range(20000))}
    expected = sum((13 - h + 1) * (21 - w + 1) for h, w in seen)
    count = distinct_outputs([Step("random_crop", params)], shape)
    assert count.count == expected and count.continuous == []


def test_continuous_size_makes_later_crops_uncountable():
    nodes = [Step("random_scale"), Step("random_crop", {"height": 32, "width": 32})]
    count = distinct_outputs(nodes, (64, 64, 3))
    assert count.continuous == ["random_scale", "random_crop"]


def test_accepts_a_pipeline():
    import augview

    pipe = augview.Pipeline([Step("horizontal_flip", p=0.5)])
    assert distinct_outputs(pipe, (10, 10, 3)).count == 2
    assert effective_probabilities(pipe) == {(0,): 0.5}


def test_depends_on_resolution_finds_pixel_sizes_but_not_output_sizes():
    from augview.analysis.probabilities import depends_on_resolution

    assert depends_on_resolution([Step("random_crop", {"height": 100, "width": 100})])
    assert depends_on_resolution([Group("one_of", [Step("horizontal_flip"), Step("median_blur")])])
    assert not depends_on_resolution([Step("median_blur", enabled=False)])
    assert not depends_on_resolution([Step("resize"), Step("random_resized_crop"), Step("rotate")])
    # Pixel sizes a mode switches off do not count.
    assert not depends_on_resolution([Step("random_crop", {"size_mode": "fraction"})])


def test_astronomical_counts_are_written_as_powers_of_ten():
    # 3000 coin-flip mirrors: 2**3000 combinations, past what a float holds (issue 18:
    # OverflowError in the window's count line).
    flips = distinct_outputs([Step("horizontal_flip", p=0.5)] * 3000, (32, 32, 3))
    assert flips.count == 2**3000
    expected = f"{Decimal(2) ** 3000:.2e}".replace("E", "e")  # '1.23e+903'
    assert flips.summary() == f"up to about {expected} different images"
    assert flips.explanation[-1] == f"total (discrete parts): ~{expected} (upper bound)"
    # Past 4300 digits Python will not even write the integer out: 3000 children in random
    # order make 3000! orders.
    shuffled = distinct_outputs([Group("random_order", [Step("horizontal_flip", p=0.5)] * 3000)], (32, 32, 3))
    assert math.lgamma(3001) / math.log(10) > 4300  # 3000! has more digits than str() writes
    assert shuffled.summary().startswith("up to about ") and "e+" in shuffled.summary()
    assert all(isinstance(line, str) for line in shuffled.explanation)


@pytest.mark.parametrize("n", [10**12 - 1, 10**12, 999_999_999_999_999, 10**15 + 7, 2**1100, 9_999_600_000_000])
def test_big_numbers_agree_with_decimal(n):
    from augview.analysis.distinct import _big

    text = _big(n)
    if n < 10**12:
        assert text == f"{n:,}"
    else:
        assert text == "about " + f"{Decimal(n):.2e}".replace("E", "e")


def test_a_some_of_with_thousands_of_children_is_bounded_not_enumerated():
    # Subset by subset this is 3000 x 3000 child evaluations; the bound takes one per child.
    group = Group("some_of", [Step("horizontal_flip", p=0.5)] * 3000, n=(1, 3000))
    count = distinct_outputs([group], (32, 32, 3))
    assert count.upper_bound and count.count == 3**3000
    assert any("too many to go through" in line for line in count.explanation)
    # A small one is still counted exactly, subset by subset.
    small = distinct_outputs([Group("some_of", [Step("horizontal_flip", p=0.5), Step("vertical_flip", p=0.5)],
                                    n=(2, 2))], (32, 32, 3))
    assert small.count == 4 and not any("too many" in line for line in small.explanation)
