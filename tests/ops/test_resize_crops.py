"""Behaviour of longest_max_size, smallest_max_size, random_sized_crop and
random_crop_from_borders (pixels against albumentations: tests/test_interop_new_ops.py)."""

from collections import Counter

import numpy as np

from augview import get_op
from augview.ops.geometric.resize_crops import max_size_shape, size_choices


def test_max_size_shape_keeps_the_aspect_ratio():
    assert max_size_shape((200, 300), 600, longest=True) == (400, 600)
    assert max_size_shape((200, 300), 600, longest=False) == (600, 900)
    assert max_size_shape((3, 1000), 10, longest=True) == (1, 10)  # never below one pixel
    assert max_size_shape((1, 100), 4096, longest=False)[1] == 8192  # never above MAX_SIDE


def test_sizes_are_drawn_evenly_among_the_steps(small_rgb):
    params = {"size_limit": (480, 600), "size_step": 32}
    assert size_choices(params) == [480, 512, 544, 576]
    op = get_op("longest_max_size")
    counts = Counter(op.draw(np.random.default_rng(seed), {**op.defaults(), **params}, (48, 64, 3))["max_size"]
                     for seed in range(800))
    assert sorted(counts) == [480, 512, 544, 576] and min(counts.values()) > 150
    out, drawn = op.run(small_rgb, np.random.default_rng(0), params)
    assert max(out.shape[:2]) == drawn["max_size"]
    out, drawn = get_op("smallest_max_size").run(small_rgb, np.random.default_rng(0), params)
    assert min(out.shape[:2]) == drawn["max_size"] and out.shape[1] == round(64 * drawn["max_size"] / 48)


def test_random_sized_crop_box_and_output(astronaut):
    op = get_op("random_sized_crop")
    for seed in range(30):
        out, d = op.run(astronaut, np.random.default_rng(seed),
                        {"min_max_height": (100, 300), "w2h_ratio": 1.5, "height": 64, "width": 80})
        assert out.shape == (64, 80, 3)
        assert 100 <= d["height"] <= 300 and d["width"] == int(d["height"] * 1.5)
        assert 0 <= d["x"] <= 512 - d["width"] and 0 <= d["y"] <= 512 - d["height"]
    # taller than the image: the whole height
    _, d = op.run(astronaut[:50], np.random.default_rng(0), {"min_max_height": (400, 400)})
    assert d["crop_height"] == 400 and d["height"] == 50 and d["y"] == 0


def test_random_crop_from_borders_cuts_only_the_allowed_margins(astronaut):
    op = get_op("random_crop_from_borders")
    params = {"crop_left": 0.2, "crop_right": 0.1, "crop_top": 0.0, "crop_bottom": 0.5}
    lefts = []
    for seed in range(50):
        out, d = op.run(astronaut, np.random.default_rng(seed), params)
        assert 0 <= d["x"] <= int(0.2 * 512) and d["x"] + d["width"] >= int(0.9 * 512)
        assert d["y"] == 0 and d["y"] + d["height"] >= 256
        np.testing.assert_array_equal(out, astronaut[d["y"]:d["y"] + d["height"], d["x"]:d["x"] + d["width"]])
        lefts.append(d["x"])
    assert len(set(lefts)) > 20
    # margins adding up to more than the side still leave a pixel
    out, _ = op.run(astronaut[:5, :5], np.random.default_rng(0), {"crop_left": 1.0, "crop_right": 1.0})
    assert out.shape[1] >= 1


def test_distinct_counts_know_the_sizes_and_kernels():
    """The pipeline panel's count of distinct images: one output size per side length."""
    from augview import Step
    from augview.analysis.distinct import distinct_outputs

    count = distinct_outputs([Step("longest_max_size", {"size_limit": (480, 800)})], (512, 640))
    assert count.count == 11 and not count.continuous
    assert count.explanation[0] == "longest_max_size side 480..800: 11 side lengths"
    same = distinct_outputs([Step("smallest_max_size", {"size_limit": (512, 512)})], (512, 640))
    assert same.count == 1 and "no change" in same.explanation[0]
    assert distinct_outputs([Step("box_blur", {"ksize_limit": (3, 9)})], (64, 64)).count == 4
