"""Methods that build one training sample from several: mixup, CutMix, SamplePairing, mosaic, SMOTE.

They are not pipeline ops (an op sees one image); they are pure functions on numpy arrays:
- images are uint8 (H, W) or (H, W, 3) arrays, never modified in place. When the sources mix grey
  and RGB, the grey ones are expanded to RGB, so the result is RGB.
- labels are a class id (int, then ``num_classes`` is needed unless the other label is a vector) or
  a one-hot / soft vector; the mixed label comes back as a float vector.
- boxes and masks: `cutmix` and `mosaic` also take each image's boxes (with labels) and mask and
  return them moved, clipped and composed (`augview.multi.mix_targets`);
- randomness comes from ``rng`` (a numpy Generator) when given, otherwise from ``seed`` (default 0,
  so a call is reproducible; ``seed=None`` draws fresh entropy). Every random choice has an explicit
  override (``lam``, ``center``, ``cuts``) so the window can drive it from a slider; the draws are
  still consumed, so moving one slider does not move the other random choices.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

import cv2
import numpy as np

from augview.core.images import MAX_SIDE, common_channels, to_rgb, resize_to  # noqa: F401

from augview.core.randomness import generator_from  # noqa: F401
from augview.core.randomness import uniform
from augview.errors import OptionError
from augview.multi.mix_targets import cutmix_targets, mosaic_targets
from augview.text import tr


def _pair(image_a: np.ndarray, image_b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Both images with the same channels, B resized (aspect not kept) to A's height and width."""
    a, b = common_channels([image_a, image_b])
    return a, resize_to(b, a.shape[0], a.shape[1])


def _is_class_id(label: Any) -> bool:
    return isinstance(label, (int, np.integer)) and not isinstance(label, (bool, np.bool_))


def _label_vectors(labels: Sequence[Any], num_classes: int | None) -> list[np.ndarray | None]:
    """Each label as a float vector of one common length (class ids become one-hot)."""
    lengths = {np.asarray(lab).shape[0] for lab in labels
               if lab is not None and not _is_class_id(lab) and np.ndim(lab) == 1}
    if num_classes is not None:
        lengths.add(int(num_classes))
    if len(lengths) > 1:
        raise ValueError(f"labels disagree on the number of classes: {sorted(lengths)}")
    out: list[np.ndarray | None] = []
    for lab in labels:
        if lab is None:
            out.append(None)
        elif _is_class_id(lab):
            if not lengths:
                raise ValueError("a class id label needs num_classes (or a vector label for the other image)")
            n = next(iter(lengths))
            if not 0 <= int(lab) < n:
                raise ValueError(f"class id {int(lab)} is outside 0..{n - 1}")
            vector = np.zeros(n)
            vector[int(lab)] = 1.0
            out.append(vector)
        else:
            vector = np.asarray(lab, dtype=np.float64)
            if vector.ndim != 1 or vector.size == 0:
                raise ValueError(f"a label must be a class id or a 1-D vector, got shape {vector.shape}")
            out.append(vector.copy())
    return out


def _both_labels(label_a, label_b, num_classes):
    if (label_a is None) != (label_b is None):
        raise ValueError("give labels for both images or for neither")
    return _label_vectors([label_a, label_b], num_classes)


@dataclass(frozen=True)
class MixResult:
    """What a two-image mix produced, ready to show: ``lambda=0.63, weights: A 0.63 / B 0.37``."""

    image: np.ndarray
    lam: float  # share of the output pixels that come from image A
    label_weights: tuple[float, float]  # how much of the label comes from A and from B; sums to 1
    labels: np.ndarray | None = None  # the mixed label vector, when labels were given
    box: tuple[int, int, int, int] | None = None  # CutMix: (x, y, width, height) of B's patch
    method: str = "mixup"
    # CutMix with targets (see `cutmix`): the boxes kept (in the given format), their labels, the
    # image each came from (0: A, 1: B) and its index there, and the composed mask.
    boxes: np.ndarray | None = None
    box_labels: list | None = None
    box_sources: np.ndarray | None = None
    box_ids: np.ndarray | None = None
    mask: np.ndarray | None = None

    def caption(self) -> str:
        if self.method == "sample_pairing":
            return tr("pixels: A {a} / B {b}, label: A only").format(a=f"{self.lam:.2f}", b=f"{1 - self.lam:.2f}")
        return tr("lambda={lam}, weights: A {a} / B {b}").format(
            lam=f"{self.lam:.2f}", a=f"{self.label_weights[0]:.2f}", b=f"{self.label_weights[1]:.2f}")


def _draw_lam(rng: np.random.Generator, alpha: float, lam: float | None) -> float:
    if not 0 < alpha < float("inf"):  # Beta(inf, inf) draws NaN: NaN weights, a NaN-sized box
        raise ValueError(f"alpha must be a finite number > 0, got {alpha}")
    drawn = float(rng.beta(alpha, alpha))  # always drawn, so an override keeps later draws in place
    if lam is None:
        return drawn
    if not 0.0 <= lam <= 1.0:
        raise ValueError(f"lam must lie in [0, 1], got {lam}")
    return float(lam)


def _mixed(vectors, lam):
    a, b = vectors
    return None if a is None else lam * a + (1.0 - lam) * b


@lru_cache(maxsize=64)  # a plot of it repaints often (resizes, lambda moves): same draws
def beta_histogram(alpha: float, bins: int = 20, draws: int = 40_000) -> np.ndarray:
    """The share of Beta(alpha, alpha) draws falling in each of ``bins`` equal bins of [0, 1]: a
    histogram of real draws (fixed seed), as a learner would make one."""
    samples = np.random.default_rng(0).beta(alpha, alpha, size=draws)
    counts, _ = np.histogram(samples, bins=bins, range=(0.0, 1.0))
    return counts / draws


def mixup(image_a, image_b, label_a=None, label_b=None, *, alpha: float = 1.0, lam: float | None = None,
          num_classes: int | None = None, seed: int | None = 0,
          rng: np.random.Generator | None = None) -> MixResult:
    """mixup (Zhang et al. 2018): ``lam * A + (1 - lam) * B`` for pixels and labels alike.

    ``lam ~ Beta(alpha, alpha)``: alpha 1.0 is uniform (torchvision's default); 0.2-0.4 keeps most
    mixes close to one image (the paper's ImageNet setting). ``lam`` overrides the draw. A B image
    of another size is resized to A's size; pixels are rounded to uint8.
    """
    gen = generator_from(seed, rng)
    lam = _draw_lam(gen, alpha, lam)
    vectors = _both_labels(label_a, label_b, num_classes)
    a, b = _pair(image_a, image_b)
    image = cv2.addWeighted(a, lam, b, 1.0 - lam, 0.0)  # rounds and saturates to uint8
    return MixResult(image, lam, (lam, 1.0 - lam), _mixed(vectors, lam), None, "mixup")


def cutmix_box(shape: tuple, lam: float, center: tuple[int, int]) -> tuple[int, int, int, int]:
    """The CutMix patch (x, y, width, height): sides ``sqrt(1 - lam)`` of the image's, centred on
    ``center`` = (cx, cy) and clipped to the image, as in the paper's reference code."""
    height, width = shape[:2]
    ratio = math.sqrt(1.0 - lam)
    cut_w, cut_h = int(width * ratio), int(height * ratio)
    cx, cy = center
    x1, x2 = np.clip([cx - cut_w // 2, cx - cut_w // 2 + cut_w], 0, width)
    y1, y2 = np.clip([cy - cut_h // 2, cy - cut_h // 2 + cut_h], 0, height)
    return int(x1), int(y1), int(x2 - x1), int(y2 - y1)


def cutmix(image_a, image_b, label_a=None, label_b=None, *, alpha: float = 1.0, lam: float | None = None,
           center: tuple[int, int] | None = None, num_classes: int | None = None, seed: int | None = 0,
           rng: np.random.Generator | None = None, boxes=None, box_labels=None, masks=None,
           box_format: str = "pascal_voc", settings=None) -> MixResult:
    """CutMix (Yun et al. 2019): paste a box of B into A; labels mixed by the area each shows.

    ``lam ~ Beta(alpha, alpha)`` sets the box sides to ``sqrt(1 - lam)`` of the image's; the centre
    is uniform over the image (``center`` overrides it) and the box is clipped at the borders, so the
    returned ``lam`` is recomputed as ``1 - box area / image area``: the true share of A's pixels.
    A B image of another size is resized to A's size.

    Detection and segmentation: ``boxes`` = (A's boxes, B's boxes) in ``box_format``, each in its own
    image's pixels, ``box_labels`` = (A's labels, B's labels), ``masks`` = (A's mask, B's mask) (None
    for an image without). A's boxes stay and lose the area the patch covers, B's are clipped to
    the patch; ``settings`` (a pipeline's ``targets``, e.g. ``pipe.targets``) drops what is left too
    small or too hidden. The result's ``boxes``, ``box_labels``, ``box_sources``, ``box_ids`` and
    ``mask`` hold them.
    """
    gen = generator_from(seed, rng)
    lam = _draw_lam(gen, alpha, lam)
    vectors = _both_labels(label_a, label_b, num_classes)
    a, b = _pair(image_a, image_b)
    height, width = a.shape[:2]
    drawn_center = (uniform(gen, (0, width - 1), True), uniform(gen, (0, height - 1), True))
    x, y, w, h = cutmix_box(a.shape, lam, drawn_center if center is None else center)
    image = a.copy()
    image[y:y + h, x:x + w] = b[y:y + h, x:x + w]
    lam = 1.0 - (w * h) / float(width * height)
    targets = cutmix_targets(a.shape, image_b.shape, (x, y, w, h), boxes, box_labels, masks, box_format, settings)
    return MixResult(image, lam, (lam, 1.0 - lam), _mixed(vectors, lam), (x, y, w, h), "cutmix", **targets)


def sample_pairing(image_a, image_b, label_a=None, label_b=None, *,
                   num_classes: int | None = None) -> MixResult:
    """SamplePairing (Inoue 2018): the pixel average of A and B, with A's label only.

    B is usually another training image drawn at random (any class); no randomness is used here.
    Pixels are ``(A + B + 1) // 2`` (halves round up); B is resized to A's size when they differ.
    ``label_b`` is only checked, never used: the paper keeps A's label, so the label weights are
    (1, 0) although each image gives half of the pixels.

    The paper does not mix during the whole training; see `sample_pairing_enabled` for its schedule.
    """
    vectors = _label_vectors([label_a, label_b], num_classes)
    a, b = _pair(image_a, image_b)
    # ceil((a + b) / 2) = (a | b) - ((a ^ b) >> 1), exact in uint8 and ~10x faster than widening
    half_diff = cv2.bitwise_xor(a, b)
    np.right_shift(half_diff, 1, out=half_diff)  # in place on our own temporary: far faster here
    image = cv2.bitwise_or(a, b)
    cv2.subtract(image, half_diff, dst=image)
    labels = None if vectors[0] is None else vectors[0]
    return MixResult(image, 0.5, (1.0, 0.0), labels, None, "sample_pairing")


def sample_pairing_enabled(epoch: int, total_epochs: int | None = None, *, warmup_epochs: int = 100,
                           on_epochs: int = 8, off_epochs: int = 2, finetune_epochs: int = 100) -> bool:
    """Whether SamplePairing is used in ``epoch`` (0-based), following Inoue 2018's schedule:

    1. train without it first (the paper: 100 epochs on CIFAR / SVHN, 1 epoch on ILSVRC), so the
       network learns from clean images before it sees overlays;
    2. then alternate: on for ``on_epochs`` (8), off for ``off_epochs`` (2) (the paper's setting for
       the small data sets; on ILSVRC it switches every 300,000 / 100,000 images instead);
    3. finish without it, as fine-tuning, once loss and accuracy have settled. The paper gives no
       fixed length for this phase: ``finetune_epochs`` (100, our default) applies only when
       ``total_epochs`` is given.
    """
    if epoch < 0 or on_epochs < 1 or off_epochs < 0 or warmup_epochs < 0 or finetune_epochs < 0:
        raise ValueError("epoch and the phase lengths must be >= 0 (on_epochs >= 1)")
    if epoch < warmup_epochs:
        return False
    if total_epochs is not None and epoch >= total_epochs - finetune_epochs:
        return False
    return (epoch - warmup_epochs) % (on_epochs + off_epochs) < on_epochs


# mosaic


@dataclass(frozen=True)
class Tile:
    """Where one source image landed in a mosaic.

    ``crop`` (x, y, width, height, source pixels) is the part of the source shown, scaled onto
    ``placed`` (x, y, width, height, output pixels), which lies inside the grid ``cell``.
    """

    source: int
    row: int
    col: int
    cell: tuple[int, int, int, int]
    placed: tuple[int, int, int, int]
    crop: tuple[int, int, int, int]

    def map_points(self, points) -> np.ndarray:
        """Source (x, y) points -> output (x, y) points (boxes follow by mapping their corners)."""
        pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        (cx, cy, cw, ch), (px, py, pw, ph) = self.crop, self.placed
        return np.column_stack([px + (pts[:, 0] - cx) * pw / cw, py + (pts[:, 1] - cy) * ph / ch])


@dataclass(frozen=True)
class MosaicResult:
    image: np.ndarray
    tiles: tuple[Tile, ...]  # row-major, one per cell
    cuts: tuple[tuple[int, ...], tuple[int, ...]]  # inner x lines, inner y lines
    # With targets (see `mosaic`): the boxes kept (in the given format), their labels, the source
    # image of each and its index among that image's boxes, and the composed mask.
    boxes: np.ndarray | None = None
    box_labels: list | None = None
    box_sources: np.ndarray | None = None
    box_ids: np.ndarray | None = None
    mask: np.ndarray | None = None

    def caption(self) -> str:
        return tr("mosaic {rows}x{cols}, sources {sources}").format(
            rows=len(self.cuts[1]) + 1, cols=len(self.cuts[0]) + 1,
            sources=" ".join(str(t.source) for t in self.tiles))


def _draw_cuts(rng, length: int, parts: int, jitter: float) -> list[int]:
    """Inner grid lines; line i is drawn within ``jitter`` of a cell around its even position."""
    cuts = []
    for i in range(1, parts):
        spread = jitter / (2 * parts)
        cuts.append(int(round(uniform(rng, (i / parts - spread, i / parts + spread)) * length)))
    return cuts


def _fix_cuts(cuts: Sequence[int], length: int, parts: int) -> list[int]:
    """Strictly increasing lines leaving every cell at least one pixel."""
    if len(cuts) != parts - 1:
        raise ValueError(f"expected {parts - 1} cut lines, got {len(cuts)}")
    fixed, previous = [], 0
    for i, cut in enumerate(cuts, start=1):
        previous = int(min(max(int(cut), previous + 1), length - (parts - i)))
        fixed.append(previous)
    return fixed


def _anchor(index: int, parts: int) -> float:
    # the part of each source nearest the mosaic centre is kept (as in YOLOv5's mosaic): the first
    # column keeps the right side of its image, the last column the left side, the middle centres
    if parts == 1:
        return 0.5
    return 1.0 if index == 0 else 0.0 if index == parts - 1 else 0.5


def _place(image, cell, anchor_x, anchor_y, fit):
    """(crop, placed) boxes for one image in one cell."""
    x, y, cw, ch = cell
    h, w = image.shape[:2]
    if fit == "stretch":
        return (0, 0, w, h), cell
    if fit == "cover":
        scale = max(cw / w, ch / h)
        crop_w, crop_h = max(1, min(w, round(cw / scale))), max(1, min(h, round(ch / scale)))
        ox, oy = round((w - crop_w) * anchor_x), round((h - crop_h) * anchor_y)
        return (ox, oy, crop_w, crop_h), cell
    if fit == "contain":
        scale = min(cw / w, ch / h)
        rw, rh = max(1, min(cw, round(w * scale))), max(1, min(ch, round(h * scale)))
        ox, oy = round((cw - rw) * anchor_x), round((ch - rh) * anchor_y)
        return (0, 0, w, h), (x + ox, y + oy, rw, rh)
    raise ValueError(f"fit must be 'cover', 'contain' or 'stretch', got {fit!r}")


def mosaic(images: Sequence[np.ndarray], size: tuple[int, int] | None = None, *, grid: tuple[int, int] = (2, 2),
           jitter: float = 1.0, center: tuple[int, int] | None = None,
           cuts: tuple[Sequence[int], Sequence[int]] | None = None, fit: str = "cover", fill: int = 114,
           seed: int | None = 0, rng: np.random.Generator | None = None, boxes=None, box_labels=None,
           masks=None, box_format: str = "pascal_voc", settings=None) -> MosaicResult:
    """Tile several images into one (YOLOv4/v5 mosaic): a ``grid`` = (rows, cols) of cells.

    ``size`` = (height, width) of the output (default: the first image's). The inner grid lines are
    random: each lies uniformly within ``jitter`` * one cell around its even position, so for 2x2
    and jitter 1 the meeting point falls in the middle half of the image, as in YOLOv5; jitter 0
    gives an even grid. ``center`` = (x, y) fixes the meeting point of a 2x2 grid and ``cuts`` =
    (x lines, y lines) fixes the lines of any grid. Cells take ``images[k % len(images)]`` in
    row-major order, so four images fill 2x2 and one image repeats.

    ``fit``: "cover" scales each image to cover its cell (aspect kept) and crops the side away from
    the mosaic centre; "contain" letterboxes it in ``fill`` grey (114 as in YOLO); "stretch" resizes
    it to the cell. Each `Tile` tells which source landed where, with `Tile.map_points` for boxes.

    Detection and segmentation: ``boxes``, ``box_labels`` and ``masks`` give one entry per image
    (None for an image without), boxes in ``box_format`` in that image's pixels. Each tile's boxes
    are scaled and clipped to the tile and judged by ``settings`` (a pipeline's ``targets``, e.g.
    ``pipe.targets``); its mask is cut and resized with the nearest neighbour (letterbox area and
    images without a mask: ``mask_fill``). The result's ``boxes``, ``box_labels``, ``box_sources``,
    ``box_ids`` and ``mask`` hold them.
    """
    if not images:
        raise ValueError("mosaic needs at least one image")
    sources = common_channels(list(images))
    if size is not None and not all(float(side).is_integer() and 1 <= side <= MAX_SIDE for side in size):
        # (a 100000-pixel mosaic would be a MemoryError, a 2.5-pixel one silently 2)
        raise OptionError(tr("a mosaic's size must be whole numbers of pixels from 1 to {limit}, got {size}").format(
            limit=MAX_SIDE, size=tuple(size)))
    if not all(float(count).is_integer() for count in grid):
        raise OptionError(tr("a mosaic's grid must be whole numbers of rows and columns, got {grid}").format(
            grid=tuple(grid)))
    rows, cols = (int(v) for v in grid)
    height, width = sources[0].shape[:2] if size is None else (int(size[0]), int(size[1]))
    if rows < 1 or cols < 1 or height < rows or width < cols:
        raise OptionError(tr("a {rows}x{cols} grid needs an output of at least {rows}x{cols} pixels").format(
            rows=rows, cols=cols))
    if not 0.0 <= jitter <= 1.0 or not 0 <= fill <= 255:
        raise ValueError(f"jitter must lie in [0, 1] and fill in 0..255, got {jitter} and {fill}")
    gen = generator_from(seed, rng)
    x_cuts, y_cuts = _draw_cuts(gen, width, cols, jitter), _draw_cuts(gen, height, rows, jitter)
    if center is not None:
        if (rows, cols) != (2, 2):
            raise ValueError("center only applies to a 2x2 grid; use cuts for other grids")
        x_cuts, y_cuts = [center[0]], [center[1]]
    if cuts is not None:
        x_cuts, y_cuts = list(cuts[0]), list(cuts[1])
    x_cuts, y_cuts = _fix_cuts(x_cuts, width, cols), _fix_cuts(y_cuts, height, rows)
    xs, ys = [0, *x_cuts, width], [0, *y_cuts, height]
    shape = (height, width) + sources[0].shape[2:]
    canvas = np.full(shape, fill if fit == "contain" else 0, dtype=np.uint8)
    tiles = []
    for r in range(rows):
        for c in range(cols):
            k = (r * cols + c) % len(sources)
            cell = (xs[c], ys[r], xs[c + 1] - xs[c], ys[r + 1] - ys[r])
            crop, placed = _place(sources[k], cell, _anchor(c, cols), _anchor(r, rows), fit)
            cx, cy, cw, ch = crop
            px, py, pw, ph = placed
            canvas[py:py + ph, px:px + pw] = resize_to(sources[k][cy:cy + ch, cx:cx + cw], ph, pw)
            tiles.append(Tile(k, r, c, cell, placed, crop))
    targets = mosaic_targets(tiles, [s.shape for s in sources], shape, boxes, box_labels, masks, box_format, settings)
    return MosaicResult(canvas, tuple(tiles), (tuple(x_cuts), tuple(y_cuts)), **targets)


# SMOTE lives in its own module; it is re-exported here so `augview.multi` offers every method.
from augview.multi.smote import SmoteResult, nearest_neighbors, sampling_targets, smote, smote_images  # noqa: E402,F401


__all__ = [
    "MixResult", "MosaicResult", "SmoteResult", "Tile", "beta_histogram", "cutmix", "cutmix_box", "mixup",
    "mosaic", "nearest_neighbors", "resize_to", "sample_pairing", "sample_pairing_enabled", "sampling_targets",
    "smote", "smote_images",
]
