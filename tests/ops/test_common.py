"""The shared helpers of the op families (augview/ops/common.py): lookup tables and the reused
per-thread buffers, whose speed-ups must never show in the pixels."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from augview.ops import common
from augview.ops.common import apply_lut, scratch, table_u8


def reference_lut(image: np.ndarray, table: np.ndarray) -> np.ndarray:
    table = np.clip(np.rint(table), 0, 255).astype(np.uint8)
    if table.ndim == 1:
        return table[image]
    return np.stack([table[image[..., c], c] for c in range(image.shape[2])], axis=2)


LAYOUTS = {
    "C order": lambda a: a,
    "Fortran order": np.asfortranarray,
    "negative strides": lambda a: a[::-1, ::-1].copy()[::-1, ::-1],
    "channel-last view of CHW": lambda a: np.ascontiguousarray(a.transpose(2, 0, 1)).transpose(1, 2, 0) if a.ndim == 3 else a,
}


@pytest.mark.parametrize("shape", [(3, 3), (40, 40), (8, 8, 3), (90, 70, 3), (400, 700, 3), (700, 1100, 3), (700, 900)])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_apply_lut_matches_a_plain_lookup_at_every_size_and_layout(shape, layout):
    """Small images take cv2.LUT, larger ones stringzilla; per-channel tables on large images go
    through reused planes: always the pixels of a plain lookup."""
    rng = np.random.default_rng(sum(shape))
    image = LAYOUTS[layout](rng.integers(0, 256, shape, dtype=np.uint8))
    tables = [rng.uniform(-20, 280, 256), rng.uniform(-20, 280, (256, 3)), rng.integers(0, 256, 256).astype(np.uint8)]
    for table in tables:
        before = image.copy()
        out = apply_lut(image, table)
        assert out.flags.c_contiguous and out.dtype == np.uint8
        expected = reference_lut(image, table if image.ndim == 3 or table.ndim == 1 else table[:, 0])
        assert np.array_equal(out, expected)
        assert np.array_equal(image, before)


@pytest.mark.parametrize("shape", [(8, 8, 3), (90, 70, 3), (700, 1100, 3), (30, 20, 4), (700, 900)])
def test_apply_lut_into_a_given_array_and_in_place(shape):
    """``out`` receives the pixels (and is what comes back); ``out=image`` maps in place, which
    hue_saturation_value does with its HSV buffer."""
    rng = np.random.default_rng(len(shape) + shape[0])
    image = rng.integers(0, 256, shape, dtype=np.uint8)
    table = rng.uniform(-20, 280, (256, shape[2]) if len(shape) == 3 else 256)
    expected = reference_lut(image, table)
    out = np.zeros(shape, np.uint8)
    assert apply_lut(image, table, out=out) is out and np.array_equal(out, expected)
    in_place = image.copy()
    assert apply_lut(in_place, table, out=in_place) is in_place and np.array_equal(in_place, expected)


def test_table_u8_rounds_half_to_even_and_clips():
    values = np.array([-3.0, 0.5, 1.5, 2.4999, 254.5, 255.5, 900.0])
    assert table_u8(values.copy()).tolist() == [0, 0, 2, 2, 254, 255, 255]


def test_scratch_buffers_are_per_purpose_per_thread_and_capped(monkeypatch):
    a = scratch("test a", (10, 10))
    b = scratch("test b", (10, 10))
    assert not np.shares_memory(a, b)
    assert np.shares_memory(scratch("test a", (5, 5)), a)  # reused for the same purpose

    with ThreadPoolExecutor(1) as pool:
        other = pool.submit(scratch, "test a", (10, 10)).result()
    assert not np.shares_memory(other, a)
    monkeypatch.setattr(common, "_SCRATCH_BYTES", 50)
    assert not np.shares_memory(scratch("test a", (10, 10)), a)  # above the cap: a fresh array


def test_large_per_channel_tables_from_several_threads_give_the_same_pixels():
    rng = np.random.default_rng(5)
    images = [rng.integers(0, 256, (300 + 40 * i, 800, 3), dtype=np.uint8) for i in range(4)]
    tables = [rng.uniform(0, 255, (256, 3)) for _ in range(4)]
    expected = [reference_lut(image, table) for image, table in zip(images, tables)]
    with ThreadPoolExecutor(4) as pool:
        for _ in range(3):
            results = list(pool.map(apply_lut, images, tables))
            assert all(np.array_equal(r, e) for r, e in zip(results, expected))
