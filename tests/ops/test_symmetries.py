"""Behaviour of the exact symmetries of the square: random_rotate90 and transpose."""

import itertools
import os

import numpy as np
import pytest

from augview import get_op

os.environ.setdefault("NO_ALBUMENTATIONS_UPDATE", "1")  # no version check over the network


@pytest.fixture(scope="module")
def photo(astronaut):
    """Non-square, so every turn and the transpose show in the shape too."""
    return np.ascontiguousarray(astronaut[:200, :240])


def turn(image, turns):
    return get_op("random_rotate90").apply(image, {"turns": turns})


def transpose(image):
    return get_op("transpose").apply(image, {})


# ---------------------------------------------------------------------------------- rotate90


def test_one_turn_is_a_quarter_turn_counter_clockwise(photo):
    out = turn(photo, 1)
    assert out.shape == (240, 200, 3)
    np.testing.assert_array_equal(out, np.rot90(photo, 1))  # np.rot90's sense: counter-clockwise
    # the top-right corner comes to the top left, the top row becomes the left column upwards
    np.testing.assert_array_equal(out[0, 0], photo[0, -1])
    np.testing.assert_array_equal(out[::-1, 0], photo[0])
    np.testing.assert_array_equal(turn(photo, 2), photo[::-1, ::-1])
    np.testing.assert_array_equal(turn(photo, 3), np.rot90(photo, -1))  # 270° = 90° clockwise
    np.testing.assert_array_equal(turn(photo, 0), photo)
    assert out.flags.c_contiguous and not np.shares_memory(turn(photo, 0), photo)


def test_four_turns_are_the_identity_grey_and_colour(photo):
    for image in (photo, np.ascontiguousarray(photo[..., 1]), photo[:1, :1], photo[:7, :3]):
        out = image
        for _ in range(4):
            out = turn(out, 1)
            assert out.dtype == np.uint8 and out.ndim == image.ndim
        np.testing.assert_array_equal(out, image)
        np.testing.assert_array_equal(turn(turn(image, 1), 3), image)


def test_turns_are_drawn_uniformly_from_the_range(photo):
    op = get_op("random_rotate90")
    drawn = [op.draw(np.random.default_rng(seed), op.defaults(), photo.shape)["turns"] for seed in range(4000)]
    counts = np.bincount(drawn, minlength=4)
    assert counts.size == 4 and np.all(np.abs(counts / 4000 - 0.25) < 0.03)
    fixed = {op.draw(np.random.default_rng(s), {"turns_limit": (1, 1)}, photo.shape)["turns"] for s in range(50)}
    assert fixed == {1}
    odd = {op.draw(np.random.default_rng(s), {"turns_limit": (1, 3)}, photo.shape)["turns"] for s in range(200)}
    assert odd == {1, 2, 3}  # never the unchanged image
    assert op.label({"turns": 3}) == "random_rotate90 angle=270°"


def test_turns_match_albumentations(photo):
    A = pytest.importorskip("albumentations")
    from albumentations.augmentations.geometric import functional as F

    for turns in range(4):
        np.testing.assert_array_equal(turn(photo, turns), F.rot90(photo, turns))
    transform = A.RandomRotate90(p=1.0)
    outputs = [turn(photo, k) for k in range(4)]
    seen = set()
    for seed in range(16):
        transform.set_random_seed(seed)
        theirs = transform(image=photo)["image"]
        (k,) = [k for k, ours in enumerate(outputs) if ours.shape == theirs.shape and np.array_equal(ours, theirs)]
        seen.add(k)
    assert len(seen) >= 3


# --------------------------------------------------------------------------------- transpose


def test_transpose_swaps_rows_and_columns(photo):
    grey = np.ascontiguousarray(photo[..., 0])
    for image in (photo, grey, photo[:1, :5], grey[:3, :1]):
        out = transpose(image)
        np.testing.assert_array_equal(out, image.swapaxes(0, 1))
        assert out.flags.c_contiguous and not np.shares_memory(out, image)
        np.testing.assert_array_equal(transpose(out), image)  # its own inverse
    # as the description says: a quarter turn counter-clockwise, then a vertical flip
    np.testing.assert_array_equal(transpose(photo), turn(photo, 1)[::-1])


def test_transpose_matches_albumentations(photo):
    A = pytest.importorskip("albumentations")
    np.testing.assert_array_equal(transpose(photo), A.Transpose(p=1.0)(image=photo)["image"])


def test_turns_flips_and_transpose_span_the_eight_symmetries_of_the_square(astronaut):
    square = np.ascontiguousarray(astronaut[100:164, 200:264])
    hflip, vflip = get_op("horizontal_flip"), get_op("vertical_flip")

    def key(image):
        return image.tobytes()

    with_transpose = {key(t(turn(square, k))) for k in range(4) for t in (lambda x: x, transpose)}
    with_flip = {key(f(turn(square, k))) for k in range(4) for f in (lambda x: x, lambda x: hflip.apply(x, {}))}
    assert len(with_transpose) == 8 and with_transpose == with_flip
    # and nothing else: any chain of them stays among those 8
    ops = [lambda x: turn(x, 1), transpose, lambda x: hflip.apply(x, {}), lambda x: vflip.apply(x, {})]
    for chain in itertools.product(ops, repeat=3):
        image = square
        for op in chain:
            image = op(image)
        assert key(image) in with_transpose
