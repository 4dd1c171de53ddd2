"""SMOTE (Chawla et al. 2002) for class imbalance: new minority samples on the segments between a
sample and one of its k nearest same-class neighbours, ``x + u * (x_nn - x)`` with u ~ U[0, 1).
Sampling strategies follow imbalanced-learn's. Works on feature vectors, and on images as
downscaled, flattened pixels (`smote_images`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from augview.core.images import common_channels, resize_to

from augview.core.randomness import generator_from



@dataclass(frozen=True)
class SmoteResult:
    """The resampled set, originals first then the new samples (as imbalanced-learn orders them).

    New sample ``i`` is ``X[base[i]] + step[i] * (X[neighbor[i]] - X[base[i]])``, with ``base`` and
    ``neighbor`` indexing the original samples, so a GUI can draw each segment. Unpacks as
    ``X_resampled, y_resampled = smote(X, y)``.
    """

    X: np.ndarray
    y: np.ndarray
    n_original: int
    base: np.ndarray
    neighbor: np.ndarray
    step: np.ndarray
    new_per_class: dict

    def __iter__(self):
        return iter((self.X, self.y))


Strategy = Any  # "auto" and other names | float | dict[class, int] | callable(y) -> dict
_STRATEGIES = ("auto", "not majority", "minority", "not minority", "all")


def sampling_targets(y, sampling_strategy: Strategy = "auto") -> dict:
    """How many new samples each class gets, following imbalanced-learn's over-sampling rules.

    - "auto" / "not majority": every class but the majority up to the majority count;
      "minority": only the smallest class; "not minority"; "all" (the majority gets 0 anyway);
    - a float r, binary problems only: the minority grows to ``int(r * N_majority)``;
    - a dict {class: target count}, each at least the current count; classes left out get 0;
    - a callable ``f(y) -> dict`` of target counts.
    """
    y = np.asarray(y)
    classes, first, counts = np.unique(y, return_index=True, return_counts=True)
    order = np.argsort(first, kind="stable")  # ties are broken by first appearance, as imblearn does
    by_class = {classes[i].item(): int(counts[i]) for i in order}
    n_max = max(by_class.values())
    majority = max(by_class, key=by_class.get)
    minority = min(by_class, key=by_class.get)
    if callable(sampling_strategy):
        sampling_strategy = dict(sampling_strategy(y))
    if isinstance(sampling_strategy, str):
        if sampling_strategy not in _STRATEGIES:
            raise ValueError(f"sampling_strategy must be one of {_STRATEGIES}, got {sampling_strategy!r}")
        chosen = {
            "auto": lambda c: c != majority, "not majority": lambda c: c != majority,
            "minority": lambda c: c == minority, "not minority": lambda c: c != minority,
            "all": lambda c: True,
        }[sampling_strategy]
        return {c: (n_max - n if chosen(c) else 0) for c, n in sorted(by_class.items())}
    if isinstance(sampling_strategy, dict):
        targets = {}
        for key, target in sampling_strategy.items():
            key = np.asarray(key).item()
            if key not in by_class:
                raise ValueError(f"sampling_strategy names class {key!r}, which is not in y")
            if int(target) < by_class[key]:
                raise ValueError(f"class {key!r} has {by_class[key]} samples; over-sampling cannot "
                                 f"bring it down to {int(target)}")
            targets[key] = int(target) - by_class[key]
        return {c: targets.get(c, 0) for c in sorted(by_class)}
    if isinstance(sampling_strategy, (float, int)) and not isinstance(sampling_strategy, bool):
        ratio = float(sampling_strategy)
        if len(by_class) != 2:
            raise ValueError("a float sampling_strategy only applies to two classes")
        if not 0.0 < ratio <= 1.0:
            raise ValueError(f"a float sampling_strategy must lie in (0, 1], got {ratio}")
        n_new = int(n_max * ratio - by_class[minority])
        if n_new < 0:
            raise ValueError(f"ratio {ratio} asks for fewer minority samples than there are already")
        return {c: (n_new if c != majority else 0) for c in sorted(by_class)}
    raise ValueError(f"unsupported sampling_strategy {sampling_strategy!r}")


def nearest_neighbors(points: np.ndarray, k: int, chunk_elements: int = 4_000_000) -> np.ndarray:
    """(n, k) indices of each point's k nearest other points (Euclidean), nearest first.

    Pairwise distances in chunks of rows, so memory stays near ``chunk_elements`` floats.
    """
    points = np.asarray(points, dtype=np.float64)
    n = len(points)
    if not 1 <= k < n:
        raise ValueError(f"k must lie in 1..{n - 1} for {n} points, got {k}")
    squared = np.einsum("ij,ij->i", points, points)
    out = np.empty((n, k), dtype=np.intp)
    step = max(1, chunk_elements // n)
    for start in range(0, n, step):
        stop = min(n, start + step)
        dist = squared[start:stop, None] + squared[None, :] - 2.0 * points[start:stop] @ points.T
        dist[np.arange(stop - start), np.arange(start, stop)] = np.inf  # a point is not its own neighbour
        part = np.argpartition(dist, k - 1, axis=1)[:, :k]
        order = np.argsort(np.take_along_axis(dist, part, axis=1), axis=1, kind="stable")
        out[start:stop] = np.take_along_axis(part, order, axis=1)
    return out


def smote(X, y, k_neighbors: int = 5, sampling_strategy: Strategy = "auto", seed: int | None = 0,
          rng: np.random.Generator | None = None) -> SmoteResult:
    """SMOTE (Chawla et al. 2002) on feature vectors X (n_samples, n_features) with labels y.

    For each new sample of a class: pick a sample of that class at random and one of its
    ``k_neighbors`` nearest neighbours within the class at random, and put the new point at
    ``x + u * (x_nn - x)`` with ``u ~ U[0, 1)``; the counts come from `sampling_targets`. The new
    samples follow the originals, class by class in sorted order, as imbalanced-learn returns them.

    Differences from imbalanced-learn: a class with fewer than ``k_neighbors + 1`` samples uses all
    its other samples as neighbours instead of failing (a class of one sample still fails); integer
    X gives float64 output (imblearn truncates new samples back to integers).
    """
    X = np.asarray(X)
    y = np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y):
        raise ValueError(f"expected X of shape (n, d) and y of shape (n,), got {X.shape} and {y.shape}")
    if k_neighbors < 1:
        raise ValueError(f"k_neighbors must be >= 1, got {k_neighbors}")
    out_dtype = X.dtype if np.issubdtype(X.dtype, np.floating) else np.float64
    features = X.astype(np.float64)
    gen = generator_from(seed, rng)
    targets = sampling_targets(y, sampling_strategy)
    bases, neighbors, steps, labels = [], [], [], []
    for cls, n_new in targets.items():
        if n_new == 0:
            continue
        members = np.flatnonzero(y == cls)
        if len(members) < 2:
            raise ValueError(f"class {cls!r} has one sample: SMOTE needs two to draw a segment")
        k = min(k_neighbors, len(members) - 1)
        nn = nearest_neighbors(features[members], k)
        pick = gen.integers(0, len(members) * k, size=n_new)  # (sample, neighbour) pairs, with repeats
        rows, cols = pick // k, pick % k
        bases.append(members[rows])
        neighbors.append(members[nn[rows, cols]])
        steps.append(gen.random(n_new))
        labels.append(np.full(n_new, cls, dtype=y.dtype))
    base = np.concatenate(bases) if bases else np.empty(0, np.intp)
    neighbor = np.concatenate(neighbors) if neighbors else np.empty(0, np.intp)
    step = np.concatenate(steps) if steps else np.empty(0)
    new = features[base] + step[:, None] * (features[neighbor] - features[base])
    X_res = np.concatenate([X.astype(out_dtype), new.astype(out_dtype)])
    y_res = np.concatenate([y, *labels]) if labels else y.copy()
    return SmoteResult(X_res, y_res, len(X), base, neighbor, step, targets)


def smote_images(images, labels, size: tuple[int, int] | None = (32, 32), k_neighbors: int = 5,
                 sampling_strategy: Strategy = "auto", seed: int | None = 0,
                 rng: np.random.Generator | None = None) -> SmoteResult:
    """SMOTE on images: each is resized to ``size`` = (height, width) (see `resize_to`; ``None`` keeps
    a common size), flattened to pixels, resampled, and the new rows rounded back to uint8 images.

    Returns a `SmoteResult` whose ``X`` is a uint8 stack (n, height, width[, 3]) holding the resized
    originals then the new images. Interpolated pixels look like a cross-fade of two images, so this
    suits small, aligned images (digits, thumbnails) far better than photos.
    """
    sources = common_channels(list(images))
    if size is None:
        shapes = {image.shape for image in sources}
        if len(shapes) != 1:
            raise ValueError(f"images differ in size {sorted(shapes)}: give a size")
        height, width = sources[0].shape[:2]
    else:
        height, width = int(size[0]), int(size[1])
    stack = np.stack([resize_to(image, height, width) for image in sources])
    result = smote(stack.reshape(len(stack), -1).astype(np.float64), labels, k_neighbors,
                   sampling_strategy, seed, rng)
    pixels = np.clip(np.rint(result.X[len(stack):]), 0, 255).astype(np.uint8)
    X = np.concatenate([stack, pixels.reshape((-1,) + stack.shape[1:])])
    return SmoteResult(X, result.y, result.n_original, result.base, result.neighbor, result.step,
                       result.new_per_class)


def demo_data(seed: int = 0, majority: int = 60, minority: int = 10) -> tuple[np.ndarray, np.ndarray]:
    """A 2-D imbalanced data set to show SMOTE on: ``(points, classes)``, two overlapping blobs,
    class 1 the minority."""
    rng = np.random.default_rng(seed)
    a = rng.normal((0.0, 0.0), (1.0, 0.8), size=(majority, 2))
    b = rng.normal((1.8, 1.4), (0.6, 0.5), size=(minority, 2))
    return np.vstack([a, b]), np.array([0] * majority + [1] * minority)
