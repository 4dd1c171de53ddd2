"""Behaviour of the multi-image methods: mixup, CutMix, SamplePairing, mosaic, SMOTE."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

import augview
from augview.multi.mixing import (
    cutmix_box, nearest_neighbors, resize_to, sample_pairing_enabled, sampling_targets, smote_images,
)
from augview.errors import InvalidImageError
from augview.multi import cutmix, mixup, mosaic, sample_pairing, smote

ASSETS = Path(__file__).parents[1] / "assets"


@pytest.fixture(scope="module")
def pair():
    a = augview.load_image(ASSETS / "astronaut.png")[::4, ::4].copy()  # 128x128
    b = augview.load_image(ASSETS / "chelsea.png")[:96, :160].copy()  # another size on purpose
    return a, b


def ramp(height, width, channels=3, offset=0):
    values = ((np.arange(height * width * channels) + offset) % 251).astype(np.uint8)
    return values.reshape((height, width, channels) if channels == 3 else (height, width))


# mixup


def test_mixup_pixels_and_labels_follow_lambda():
    a, b = ramp(20, 30), ramp(20, 30, offset=97)
    result = mixup(a, b, 1, 3, num_classes=5, seed=3)
    expected = np.rint(result.lam * a.astype(float) + (1 - result.lam) * b.astype(float))
    assert np.abs(result.image.astype(int) - expected).max() <= 1
    assert result.image.dtype == np.uint8 and result.image.shape == a.shape
    assert sum(result.label_weights) == pytest.approx(1.0)
    assert result.label_weights[0] == pytest.approx(result.lam)
    np.testing.assert_allclose(result.labels, [0, result.lam, 0, 1 - result.lam, 0])
    assert result.labels.sum() == pytest.approx(1.0)
    assert result.caption() == f"lambda={result.lam:.2f}, weights: A {result.lam:.2f} / B {1 - result.lam:.2f}"


def test_mixup_lambda_is_a_beta_draw_and_override_is_exact():
    a, b = ramp(8, 8), ramp(8, 8, offset=50)
    assert mixup(a, b, alpha=0.4, seed=11).lam == np.random.default_rng(11).beta(0.4, 0.4)
    assert np.array_equal(mixup(a, b, lam=1.0).image, a)
    assert np.array_equal(mixup(a, b, lam=0.0).image, b)
    assert mixup(a, b, lam=0.25).lam == 0.25
    lams = [mixup(a, b, alpha=0.2, seed=s).lam for s in range(300)]
    # a small alpha pushes most mixes close to one of the two images
    assert np.mean([lam < 0.1 or lam > 0.9 for lam in lams]) > 0.5


def test_mixup_soft_labels_and_label_errors():
    a, b = ramp(4, 4), ramp(4, 4, offset=9)
    result = mixup(a, b, [0.9, 0.1, 0.0], 2, lam=0.5)
    np.testing.assert_allclose(result.labels, [0.45, 0.05, 0.5])
    assert mixup(a, b).labels is None
    with pytest.raises(ValueError):
        mixup(a, b, 1, 2)  # class ids need num_classes
    with pytest.raises(ValueError):
        mixup(a, b, 1, None, num_classes=3)
    with pytest.raises(ValueError):
        mixup(a, b, 4, 0, num_classes=3)
    with pytest.raises(ValueError):
        mixup(a, b, [1, 0], [0, 0, 1])
    with pytest.raises(ValueError):
        mixup(a, b, alpha=0.0)
    for alpha in (float("inf"), float("nan")):  # Beta(inf, inf) drew NaN: NaN labels, a crash in cutmix
        with pytest.raises(ValueError, match="alpha must be a finite number > 0"):
            mixup(a, b, 0, 1, num_classes=2, alpha=alpha)
        with pytest.raises(ValueError, match="alpha must be a finite number > 0"):
            cutmix(a, b, alpha=alpha)
    with pytest.raises(ValueError):
        mixup(a, b, lam=1.5)
    with pytest.raises(InvalidImageError):
        mixup(a.astype(np.float32), b)


def test_mixup_is_deterministic_and_pure(pair):
    a, b = pair
    copies = a.copy(), b.copy()
    first, second = mixup(a, b, seed=5), mixup(a, b, seed=5)
    assert first.lam == second.lam and np.array_equal(first.image, second.image)
    assert mixup(a, b, seed=6).lam != first.lam
    rng1, rng2 = np.random.default_rng(9), np.random.default_rng(9)
    assert mixup(a, b, rng=rng1).lam == mixup(a, b, rng=rng2).lam
    assert np.array_equal(a, copies[0]) and np.array_equal(b, copies[1])


def test_mixup_resizes_b_and_promotes_grey_to_rgb(pair):
    a, b = pair
    result = mixup(a, b, lam=0.0)
    assert result.image.shape == a.shape
    np.testing.assert_array_equal(result.image, cv2.resize(b, (128, 128), interpolation=cv2.INTER_LINEAR))
    grey = cv2.cvtColor(a, cv2.COLOR_RGB2GRAY)
    assert mixup(grey, b).image.shape == (128, 128, 3)
    assert mixup(grey, grey[:50, :70]).image.shape == (128, 128)
    assert mixup(np.zeros((1, 1), np.uint8), np.zeros((3, 2), np.uint8)).image.shape == (1, 1)


# CutMix


@pytest.mark.parametrize("shape", [(128, 128, 3), (37, 91, 3), (50, 20), (1, 1, 3), (2, 3)])
def test_cutmix_lambda_is_one_minus_box_area(shape):
    a = ramp(*shape[:2], channels=3 if len(shape) == 3 else 1)
    b = 255 - a
    for seed in range(40):
        result = cutmix(a, b, 0, 1, num_classes=2, seed=seed)
        x, y, w, h = result.box
        height, width = shape[:2]
        assert 0 <= x and 0 <= y and x + w <= width and y + h <= height
        assert result.lam == pytest.approx(1 - w * h / (width * height))
        assert sum(result.label_weights) == pytest.approx(1.0)
        np.testing.assert_allclose(result.labels, [result.lam, 1 - result.lam])
        inside = np.zeros(shape[:2], bool)
        inside[y:y + h, x:x + w] = True
        assert np.array_equal(result.image[inside], b[inside])
        assert np.array_equal(result.image[~inside], a[~inside])


def test_cutmix_box_size_from_lambda_and_override():
    a, b = ramp(100, 60), ramp(100, 60, offset=3)
    result = cutmix(a, b, lam=0.75, center=(30, 50))
    assert result.box == (15, 25, 30, 50)  # sides sqrt(1 - 0.75) = half the image's
    assert result.lam == pytest.approx(0.75)
    assert cutmix_box((100, 60), 0.75, (0, 0)) == (0, 0, 15, 25)  # clipped at the corner
    assert cutmix(a, b, lam=1.0).box[2:] == (0, 0)
    assert np.array_equal(cutmix(a, b, lam=1.0).image, a)


def test_cutmix_lambda_slider_keeps_the_drawn_centre():
    a, b = ramp(200, 200), ramp(200, 200, offset=3)
    checked = 0
    for seed in range(10):
        boxes = [cutmix(a, b, lam=lam, seed=seed).box for lam in (0.9, 0.96)]
        if all(x > 0 and y > 0 and x + w < 200 and y + h < 200 for x, y, w, h in boxes):
            centres = [(x + w // 2, y + h // 2) for x, y, w, h in boxes]
            assert centres[0] == centres[1]
            checked += 1
    assert checked >= 2


def test_cutmix_is_deterministic(pair):
    a, b = pair
    first, second = cutmix(a, b, seed=2), cutmix(a, b, seed=2)
    assert first.box == second.box and np.array_equal(first.image, second.image)
    assert {cutmix(a, b, seed=s).box for s in range(5)} != {first.box}


# SamplePairing


def test_sample_pairing_averages_pixels_and_keeps_label_a():
    a, b = ramp(9, 7), ramp(9, 7, offset=120)
    result = sample_pairing(a, b, 2, 0, num_classes=3)
    expected = (a.astype(int) + b.astype(int) + 1) // 2
    assert np.array_equal(result.image, expected)
    assert result.label_weights == (1.0, 0.0) and result.lam == 0.5
    np.testing.assert_array_equal(result.labels, [0, 0, 1])
    assert sample_pairing(a, b).labels is None
    assert sample_pairing(a[..., 0], b).image.shape == (9, 7, 3)
    assert "label: A" in result.caption()


def test_sample_pairing_schedule():
    flags = [sample_pairing_enabled(e, 40, warmup_epochs=5, finetune_epochs=6) for e in range(40)]
    assert not any(flags[:5])
    assert flags[5:15] == [True] * 8 + [False] * 2
    assert flags[15:25] == [True] * 8 + [False] * 2
    assert not any(flags[34:])
    # paper defaults: 100 epochs without, then 8 on / 2 off; no fine-tuning phase without a total
    assert not sample_pairing_enabled(99) and sample_pairing_enabled(100) and sample_pairing_enabled(107)
    assert not sample_pairing_enabled(108) and not sample_pairing_enabled(109)
    assert sample_pairing_enabled(110)
    assert not sample_pairing_enabled(150, total_epochs=200)  # last 100 epochs fine-tune
    with pytest.raises(ValueError):
        sample_pairing_enabled(-1)


# mosaic


def solid(value, height=40, width=60):
    return np.full((height, width, 3), value, np.uint8)


def test_mosaic_cells_partition_the_output_and_show_their_sources():
    sources = [solid(v) for v in (10, 80, 150, 220)]
    for fit in ("cover", "stretch"):
        result = mosaic(sources, (64, 96), fit=fit, seed=4)
        assert result.image.shape == (64, 96, 3)
        covered = np.zeros((64, 96), int)
        for tile in result.tiles:
            x, y, w, h = tile.cell
            covered[y:y + h, x:x + w] += 1
            assert tile.placed == tile.cell
            assert (result.image[y:y + h, x:x + w] == sources[tile.source][0, 0]).all()
        assert (covered == 1).all()
    assert [t.source for t in result.tiles] == [0, 1, 2, 3]


def test_mosaic_random_centre_lies_in_the_middle_half():
    images = [solid(0), solid(255)]
    for seed in range(30):
        (cx,), (cy,) = mosaic(images, (100, 200), seed=seed).cuts
        assert 50 <= cx <= 150 and 25 <= cy <= 75
    assert mosaic(images, (100, 200), jitter=0.0).cuts == ((100,), (50,))
    fixed = mosaic(images, (100, 200), center=(30, 70))
    assert fixed.cuts == ((30,), (70,)) and fixed.tiles[3].cell == (30, 70, 170, 30)
    grid = mosaic(images, (90, 90), grid=(3, 3), jitter=0.0)
    assert grid.cuts == ((30, 60), (30, 60)) and len(grid.tiles) == 9
    assert [t.source for t in grid.tiles] == [0, 1] * 4 + [0]


def test_mosaic_tiles_are_resized_crops_and_map_points():
    a = ramp(50, 80)
    result = mosaic([a, ramp(30, 30, offset=7)], (64, 64), center=(20, 40))
    for tile in result.tiles:
        cx, cy, cw, ch = tile.crop
        px, py, pw, ph = tile.placed
        source = [a, ramp(30, 30, offset=7)][tile.source]
        expected = resize_to(source[cy:cy + ch, cx:cx + cw], ph, pw)
        assert np.array_equal(result.image[py:py + ph, px:px + pw], expected)
        corners = tile.map_points([(cx, cy), (cx + cw, cy + ch)])
        np.testing.assert_allclose(corners, [(px, py), (px + pw, py + ph)])
    # the top-left cell keeps the side of its source that faces the mosaic centre (right / bottom)
    top_left = result.tiles[0]
    assert top_left.crop[0] + top_left.crop[2] == 80 and top_left.crop[1] + top_left.crop[3] == 50


def test_mosaic_contain_letterboxes_with_fill():
    result = mosaic([solid(200, 10, 40)], (40, 40), jitter=0.0, fit="contain", fill=114)
    top_left = result.tiles[0]
    assert top_left.cell == (0, 0, 20, 20) and top_left.placed == (0, 15, 20, 5)  # pushed to the centre
    assert (result.image[:15, :20] == 114).all() and (result.image[15:20, :20] == 200).all()


def test_mosaic_channels_sizes_determinism_and_errors():
    grey = ramp(30, 40, channels=1)
    assert mosaic([grey] * 4).image.shape == (30, 40)
    assert mosaic([grey, ramp(10, 10)], (2, 2)).image.shape == (2, 2, 3)
    assert mosaic([np.zeros((1, 1), np.uint8)], (3, 5), grid=(3, 5)).image.shape == (3, 5)
    first, second = mosaic([grey, grey.T.copy()], seed=8), mosaic([grey, grey.T.copy()], seed=8)
    assert first.cuts == second.cuts and np.array_equal(first.image, second.image)
    with pytest.raises(ValueError):
        mosaic([grey], (1, 1))
    with pytest.raises(ValueError):
        mosaic([])
    with pytest.raises(ValueError):
        mosaic([grey], grid=(3, 3), center=(5, 5))
    with pytest.raises(ValueError):
        mosaic([grey], fit="zoom")


# SMOTE


def imbalanced(seed=0, counts=(60, 20, 10)):
    rng = np.random.default_rng(seed)
    X = np.concatenate([rng.normal(loc=3 * i, scale=1.0, size=(n, 2)) for i, n in enumerate(counts)])
    y = np.repeat(np.arange(len(counts)), counts)
    return X, y


def on_segment_of(point, members, tol=1e-6):
    """Whether ``point`` lies on a segment between two of ``members``."""
    i, j = np.triu_indices(len(members), k=1)
    start, direction = members[i], members[j] - members[i]
    length2 = (direction ** 2).sum(1)
    t = np.where(length2 > 0, ((point - start) * direction).sum(1) / np.maximum(length2, 1e-300), 0.0)
    closest = start + np.clip(t, 0, 1)[:, None] * direction
    return bool((np.linalg.norm(closest - point, axis=1) < tol).any())


@pytest.mark.parametrize("strategy", ["auto", "minority", "not minority", "all", {1: 45, 2: 30}])
def test_smote_matches_imbalanced_learn(strategy):
    pytest.importorskip("imblearn")
    from imblearn.over_sampling import SMOTE

    X, y = imbalanced()
    X_ours, y_ours = smote(X, y, k_neighbors=5, sampling_strategy=strategy, seed=0)
    sampler = SMOTE(k_neighbors=5, sampling_strategy=strategy, random_state=0)
    X_ref, y_ref = sampler.fit_resample(X, y)
    ours = {k: v for k, v in sampling_targets(y, strategy).items() if v}  # ours lists every class
    assert ours == {int(k): int(v) for k, v in sampler.sampling_strategy_.items() if v}
    assert np.array_equal(np.bincount(y_ours), np.bincount(y_ref))
    for X_res, y_res in ((X_ours, y_ours), (X_ref, y_ref)):
        assert np.array_equal(X_res[:len(X)], X) and np.array_equal(y_res[:len(y)], y)
        for point, label in zip(X_res[len(X):], y_res[len(y):]):
            assert on_segment_of(point, X[y == label])
    # same class order: new samples come class by class in sorted order
    assert np.array_equal(y_ours[len(y):], y_ref[len(y):])


def test_smote_float_ratio_matches_imbalanced_learn():
    pytest.importorskip("imblearn")
    from imblearn.over_sampling import SMOTE

    X, y = imbalanced(counts=(70, 12))
    for ratio in (0.5, 0.75, 1.0):
        _, y_ours = smote(X, y, sampling_strategy=ratio)
        _, y_ref = SMOTE(sampling_strategy=ratio, random_state=1).fit_resample(X, y)
        assert np.array_equal(np.bincount(y_ours), np.bincount(y_ref))
        assert np.bincount(y_ours)[1] == int(70 * ratio)


def test_smote_new_samples_lie_between_a_sample_and_a_near_neighbour():
    X, y = imbalanced(seed=3)
    k = 4
    result = smote(X, y, k_neighbors=k, seed=7)
    new = result.X[result.n_original:]
    assert len(new) == len(result.base) == len(result.neighbor) == len(result.step) == 40 + 50
    assert result.new_per_class == {0: 0, 1: 40, 2: 50}
    assert ((result.step >= 0) & (result.step < 1)).all()
    np.testing.assert_allclose(new, X[result.base] + result.step[:, None] * (X[result.neighbor] - X[result.base]))
    assert np.array_equal(y[result.base], y[result.neighbor])
    assert np.array_equal(y[result.base], result.y[result.n_original:])
    assert (result.base != result.neighbor).all()
    for base, neighbor in zip(result.base, result.neighbor):
        same = np.flatnonzero((y == y[base]) & (np.arange(len(y)) != base))
        distances = np.linalg.norm(X[same] - X[base], axis=1)
        assert np.linalg.norm(X[neighbor] - X[base]) <= np.sort(distances)[k - 1] + 1e-12


def test_smote_is_deterministic_with_a_seed():
    X, y = imbalanced()
    first, second = smote(X, y, seed=4), smote(X, y, seed=4)
    assert np.array_equal(first.X, second.X) and np.array_equal(first.base, second.base)
    assert not np.array_equal(smote(X, y, seed=5).X, first.X)
    assert np.array_equal(smote(X, y, rng=np.random.default_rng(4)).X, first.X)


def test_smote_strategies_edge_cases_and_errors():
    X, y = imbalanced(counts=(10, 4, 2))
    result = smote(X, y, k_neighbors=5)  # classes smaller than k+1 use all their other samples
    assert np.bincount(result.y).tolist() == [10, 10, 10]
    assert sampling_targets(y, lambda labels: {2: 5}) == {0: 0, 1: 0, 2: 3}
    assert sampling_targets(np.array(["b", "a", "a"]), "auto") == {"a": 0, "b": 1}
    _, y_str = smote(X, np.array(["x", "y", "z"])[y])
    assert sorted(set(y_str)) == ["x", "y", "z"] and y_str.dtype.kind == "U"
    ints = smote(np.rint(X * 10).astype(int), y)
    assert ints.X.dtype == np.float64
    assert smote(X.astype(np.float32), y).X.dtype == np.float32
    with pytest.raises(ValueError):
        sampling_targets(y, {1: 3})  # fewer than there are
    with pytest.raises(ValueError):
        sampling_targets(y, {7: 20})
    with pytest.raises(ValueError):
        sampling_targets(y, 0.5)  # float needs two classes
    with pytest.raises(ValueError):
        sampling_targets(y[y < 2], 0.2)  # 0.2 * 10 < 4
    with pytest.raises(ValueError):
        sampling_targets(y, "most")
    with pytest.raises(ValueError):
        smote(X[:11], np.array([0] * 10 + [1]))  # a lone sample has no segment
    with pytest.raises(ValueError):
        smote(X, y[:-1])


def test_nearest_neighbors_matches_brute_force_and_chunking():
    points = np.random.default_rng(2).normal(size=(57, 6))
    distances = np.linalg.norm(points[:, None] - points[None], axis=2)
    np.fill_diagonal(distances, np.inf)
    expected = np.argsort(distances, axis=1)[:, :5]
    assert np.array_equal(nearest_neighbors(points, 5), expected)
    assert np.array_equal(nearest_neighbors(points, 5, chunk_elements=100), expected)


def test_smote_images_resamples_downscaled_pixels():
    images = [ramp(20, 30, offset=13 * i) for i in range(6)]
    images += [ramp(12, 12, channels=1, offset=i) for i in range(3)]  # grey ones are promoted to RGB
    labels = [0] * 6 + [1] * 3
    result = smote_images(images, labels, size=(8, 10), k_neighbors=2, seed=1)
    assert result.X.dtype == np.uint8 and result.X.shape == (12, 8, 10, 3)
    assert result.y.tolist() == labels + [1, 1, 1]
    originals = result.X[:9].astype(float)
    for index, (base, neighbor, step) in enumerate(zip(result.base, result.neighbor, result.step)):
        expected = originals[base] + step * (originals[neighbor] - originals[base])
        assert np.abs(result.X[9 + index] - expected).max() <= 0.5 + 1e-9
    grey = smote_images([ramp(5, 5, channels=1, offset=i) for i in range(5)], [0, 0, 0, 1, 1], size=None)
    assert grey.X.shape == (6, 5, 5) and grey.y.tolist() == [0, 0, 0, 1, 1, 1]
    with pytest.raises(ValueError):
        smote_images([ramp(5, 5), ramp(6, 6)], [0, 1], size=None)


def test_public_module_needs_no_qt():
    code = "import sys, augview.multi; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_beta_histogram_shows_what_alpha_does():
    from augview.multi.mixing import beta_histogram

    for alpha in (0.2, 1.0, 4.0):
        shares = beta_histogram(alpha)
        assert shares.sum() == pytest.approx(1.0)
        assert np.allclose(shares, shares[::-1], atol=0.01)  # Beta(a, a) is symmetric
    assert np.allclose(beta_histogram(1.0), 0.05, atol=0.006)  # alpha = 1: uniform over 20 bins
    small, large = beta_histogram(0.2), beta_histogram(4.0)
    assert small[0] + small[-1] > 0.5  # small alpha: mostly almost-A or almost-B
    assert large[8:12].sum() > 0.4  # large alpha: lambda near 0.5


def test_the_smote_demo_data_is_two_imbalanced_blobs():
    from augview.multi.smote import demo_data

    points, classes = demo_data(seed=3, majority=40, minority=7)
    assert points.shape == (47, 2) and classes.tolist() == [0] * 40 + [1] * 7
    assert np.array_equal(demo_data(seed=3, majority=40, minority=7)[0], points)  # the seed decides
    assert points[classes == 1].mean(axis=0) == pytest.approx((1.8, 1.4), abs=0.6)


def test_mosaic_refuses_sizes_it_cannot_make_and_augview_multi_offers_every_method():
    from augview.errors import OptionError

    """A 100000-pixel mosaic was a MemoryError and a grid of 2.5 rows silently 2; smote_images was
    only in augview.multi.mixing."""
    import augview.multi as multi

    a = ramp(20, 20)
    for kwargs, fragment in ((dict(size=(100000, 100000)), "from 1 to 8192"), (dict(size=(2.5, 20)), "whole numbers"),
                             (dict(grid=(2.5, 2)), "grid must be whole numbers")):
        with pytest.raises(OptionError, match=fragment):
            mosaic([a, a], **kwargs)
    assert mosaic([a, a], size=(40.0, 30)).image.shape[:2] == (40, 30)
    for name in ("cutmix", "mixup", "mosaic", "sample_pairing", "smote", "smote_images", "SmoteResult", "MixResult"):
        assert name in multi.__all__ and hasattr(multi, name)
