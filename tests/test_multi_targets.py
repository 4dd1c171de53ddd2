"""Boxes and masks through CutMix and mosaic (issue 11: "Mosaic and CutMix in augview.multi carry
boxes and masks of all their images"). Each box is also painted into its image's instance mask
with a label of its own, so the moved boxes can be checked against where their pixels went."""

from __future__ import annotations

import numpy as np
import pytest

from augview import InvalidTargetsError
from augview.multi import cutmix, mosaic
from augview.targets.boxes import from_pixels
from augview.targets.settings import TargetSettings


def annotated(seed: int, height: int, width: int, count: int = 5):
    """An image, its boxes (pixel edges, whole pixels), class labels and an instance mask in which
    box i is painted with label 100 * seed + i + 1 (later boxes over earlier ones)."""
    rng = np.random.default_rng(seed)
    image = rng.integers(0, 256, (height, width, 3), dtype=np.uint8)
    boxes, mask = [], np.zeros((height, width), np.uint16)
    for i in range(count):
        w, h = rng.integers(width // 8, width // 3), rng.integers(height // 8, height // 3)
        x, y = rng.integers(0, width - w), rng.integers(0, height - h)
        boxes.append([x, y, x + w, y + h])
    boxes = np.array(boxes, float)
    for i in np.argsort(-(boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])):  # small ones on top
        x0, y0, x1, y1 = boxes[i].astype(int)
        mask[y0:y1, x0:x1] = 100 * seed + i + 1
    return image, boxes, [f"class{seed}-{i}" for i in range(count)], mask


def extent(mask: np.ndarray, label: int):
    rows, cols = np.nonzero(mask == label)
    return None if not len(rows) else np.array([cols.min(), rows.min(), cols.max() + 1, rows.max() + 1], float)


def assert_boxes_match_their_pixels(result, images, tolerance=2.0):
    """Every kept box encloses where its pixels went (as far as its label is not painted over), its
    label is the one given for it, and a box whose pixels are visible was kept."""
    kept = set()
    for box, label, source, index in zip(result.boxes, result.box_labels, result.box_sources, result.box_ids):
        assert label == images[source][2][index]
        kept.add(100 * source + index + 1)
        seen = extent(result.mask, 100 * source + index + 1)
        if seen is not None:  # painted over by a smaller box: nothing to compare
            assert (seen[:2] >= box[:2] - tolerance).all() and (seen[2:] <= box[2:] + tolerance).all()
    for label in np.unique(result.mask):
        if label and (result.mask == label).sum() > 4 * tolerance ** 2:
            assert label in kept, label


@pytest.mark.parametrize("fit", ["cover", "contain", "stretch"])
def test_mosaic_carries_every_image_s_boxes_labels_and_mask(fit):
    images = [annotated(seed, h, w) for seed, (h, w) in enumerate([(120, 160), (90, 90), (200, 120), (60, 140)])]
    for seed in range(4):
        result = mosaic([i[0] for i in images], (160, 200), fit=fit, seed=seed,
                        boxes=[i[1] for i in images], box_labels=[i[2] for i in images], masks=[i[3] for i in images])
        assert result.mask.shape == (160, 200) and result.mask.dtype == np.uint16
        assert set(np.unique(result.mask)) <= {0} | {100 * s + i + 1 for s in range(4) for i in range(5)}
        assert len(result.boxes) == len(result.box_labels) == len(result.box_sources) == len(result.box_ids) > 0
        assert ((result.boxes[:, :2] >= 0) & (result.boxes[:, 2:] <= [200, 160])).all()  # clipped
        for box, source in zip(result.boxes, result.box_sources):  # each box lies in one of its tiles
            assert any(t.source == source and t.placed[0] <= box[0] and box[2] <= t.placed[0] + t.placed[2]
                       and t.placed[1] <= box[1] and box[3] <= t.placed[1] + t.placed[3] for t in result.tiles)
        assert_boxes_match_their_pixels(result, images)


def test_mosaic_boxes_in_other_formats_and_the_settings_rules():
    images = [annotated(seed, 100, 100) for seed in range(4)]
    plain = mosaic([i[0] for i in images], seed=3, boxes=[i[1] for i in images])
    yolo = mosaic([i[0] for i in images], seed=3, boxes=[from_pixels(i[1], "yolo", (100, 100)) for i in images],
                  box_format="yolo")
    assert np.allclose(from_pixels(plain.boxes, "yolo", (100, 100)), yolo.boxes)
    assert plain.box_labels is None and plain.mask is None
    strict = mosaic([i[0] for i in images], seed=3, boxes=[i[1] for i in images],
                    settings={"min_visibility": 0.6, "min_area": 50.0})
    assert set(zip(strict.box_sources, strict.box_ids)) < set(zip(plain.box_sources, plain.box_ids))
    assert (np.prod(strict.boxes[:, 2:] - strict.boxes[:, :2], axis=1) >= 50).all()
    with pytest.raises(InvalidTargetsError):
        mosaic([i[0] for i in images], boxes=[i[1] for i in images[:3]])  # one entry per image
    with pytest.raises(InvalidTargetsError):
        mosaic([i[0] for i in images], boxes=[i[1] for i in images], box_labels=[["a"]] * 4)


def test_mosaic_fills_letterbox_and_images_without_a_mask_with_mask_fill():
    images = [annotated(seed, 40, 120) for seed in range(2)]
    result = mosaic([i[0] for i in images], (80, 80), jitter=0.0, fit="contain",
                    masks=[images[0][3], None], settings=TargetSettings(mask_fill=255))
    assert 255 in result.mask
    for tile in result.tiles:
        x, y, w, h = tile.placed
        inside = result.mask[y:y + h, x:x + w]
        cx, cy, cw, ch = tile.cell
        around = result.mask[cy:cy + ch, cx:cx + cw].copy()
        around[y - cy:y - cy + h, x - cx:x - cx + w] = 255
        assert (around == 255).all()  # the letterbox
        if tile.source == 1:
            assert (inside == 255).all()


def test_cutmix_covers_a_s_boxes_and_clips_b_s_to_the_patch():
    a, b = annotated(0, 120, 160), annotated(1, 60, 80)  # B is resized to A's size
    for seed in range(6):
        result = cutmix(a[0], b[0], seed=seed, boxes=(a[1], b[1]), box_labels=(a[2], b[2]), masks=(a[3], b[3]))
        x, y, w, h = result.box
        assert result.mask.shape == (120, 160)
        outside = np.ones((120, 160), bool)
        outside[y:y + h, x:x + w] = False
        assert np.array_equal(result.mask[outside], a[3][outside])
        for box, source, index in zip(result.boxes, result.box_sources, result.box_ids):
            if source == 1:  # B's boxes lie in the patch
                assert x <= box[0] and box[2] <= x + w and y <= box[1] and box[3] <= y + h
            else:  # A's stay where they were, unless the patch hides them whole
                assert np.array_equal(box, a[1][index])
        hidden = [i for i, bx in enumerate(a[1])
                  if x <= bx[0] and bx[2] <= x + w and y <= bx[1] and bx[3] <= y + h]
        assert not set(hidden) & {i for s, i in zip(result.box_sources, result.box_ids) if s == 0}
        assert_boxes_match_their_pixels(result, [a, b])


def test_cutmix_visibility_rule_and_no_targets():
    a, b = annotated(2, 100, 100), annotated(3, 100, 100)
    loose = cutmix(a[0], b[0], lam=0.5, center=(50, 50), boxes=(a[1], b[1]))
    strict = cutmix(a[0], b[0], lam=0.5, center=(50, 50), boxes=(a[1], b[1]), settings={"min_visibility": 0.9})
    assert len(strict.boxes) < len(loose.boxes)
    plain = cutmix(a[0], b[0], seed=1)
    assert plain.boxes is None and plain.mask is None
    assert np.array_equal(plain.image, cutmix(a[0], b[0], seed=1, boxes=(a[1], b[1])).image)  # same draws


def test_a_mask_fill_the_masks_cannot_hold_is_refused():
    images = [annotated(seed, 40, 120) for seed in range(2)]
    with pytest.raises(InvalidTargetsError, match="mask_fill 300 is not a value of masks's type uint8"):
        mosaic([i[0] for i in images], (80, 80), masks=[images[0][3].astype(np.uint8), None],
               settings=TargetSettings(mask_fill=300))
    with pytest.raises(InvalidTargetsError, match="mask_fill 300"):
        cutmix(images[0][0], images[1][0], masks=[images[0][3].astype(np.uint8), None],
               settings=TargetSettings(mask_fill=300))
