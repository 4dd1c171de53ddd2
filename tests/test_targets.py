"""Masks, boxes and keypoints follow every op exactly as the pixels do.

Registry-driven: every op is checked, so a new geometric op without a rule for targets fails here.
The proofs draw targets into label maps and compare both routes: a box painted as a filled
rectangle and moved as pixels must agree with the moved box; a keypoint painted as a small blob
must land where the moved keypoint says.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import augview
import augview.core.paths
from augview import CATALOG, InvalidTargetsError, Pipeline, Step, TargetSettings
from augview.targets import boxes as box_rules
from augview.targets.target_set import TargetSet

GEOMETRIC = sorted(name for name, op in CATALOG.items() if op.geometry is not None)
PIXEL_ONLY = sorted(name for name, op in CATALOG.items() if op.geometry is None and not op.images_only)
# Ops whose pixels are exact copies (no resampling): boxes and masks must match exactly.
EXACT = ("horizontal_flip", "vertical_flip", "random_rotate90", "transpose", "random_crop", "center_crop",
         "pad", "bbox_safe_random_crop", "random_crop_near_box")
FIELD = ("elastic", "grid_distortion", "optical_distortion")


def test_every_op_that_moves_things_declares_how_targets_follow():
    for name, op in CATALOG.items():
        if op.category in ("geometric", "dropout", "policy"):
            assert op.geometry is not None or op.images_only, f"{name} has no rule for masks, boxes, keypoints"
    assert CATALOG["augmix"].images_only


def _params(op, rng):
    """Random valid parameters from each spec (ranges drawn inside their bounds)."""
    values = op.defaults()
    for spec in op.params:
        if spec.kind == "range":
            low, high = sorted(rng.uniform(spec.min, spec.max, 2))
            if spec.integer:
                low, high = int(np.ceil(low)), int(np.floor(high))
                if low > high:
                    low = high = int(spec.min)
            values[spec.name] = (low, high)
        elif spec.kind == "choice":
            values[spec.name] = str(rng.choice(spec.choices))
        elif spec.kind == "bool":
            values[spec.name] = bool(rng.integers(2))
    # Keep sizes sensible for a small test image.
    for name in ("height", "width", "min_height", "min_width"):
        if name in values:
            values[name] = int(rng.integers(8, 80))
    for name in ("pixels", "divisor"):
        if name in values:
            values[name] = int(rng.integers(1, 20))
    return values


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_the_motion_gives_the_shape_the_pixels_get(name):
    op = CATALOG[name]
    rng = np.random.default_rng(7)
    boxes = np.array([[5.0, 6.0, 30.0, 25.0], [40.0, 10.0, 60.0, 44.0]])
    for trial in range(6):
        image = rng.integers(0, 256, (48 + trial, 64 - trial, 3), dtype=np.uint8)
        params = _params(op, rng) if trial else op.defaults()
        drawn = op.draw(rng, params, image.shape, boxes)
        out = op.apply(image, drawn)
        if op.geometry is None:
            assert out.shape == image.shape, "an op without a target rule must keep the image's size"
        else:
            assert tuple(op.geometry(drawn, image.shape).out_shape) == out.shape[:2], params


def _paint_boxes(shape, boxes) -> np.ndarray:
    """A label map with box i painted as label i + 1 (integer box edges)."""
    mask = np.zeros(shape[:2], np.uint16)
    for i, (x0, y0, x1, y1) in enumerate(boxes.astype(int)):
        mask[y0:y1, x0:x1] = i + 1
    return mask


def _extent(mask, label):
    ys, xs = np.nonzero(mask == label)
    if not len(xs):
        return None
    return np.array([xs.min(), ys.min(), xs.max() + 1, ys.max() + 1], float)


def _iou(a, b):
    inter = max(0, min(a[2], b[2]) - max(a[0], b[0])) * max(0, min(a[3], b[3]) - max(a[1], b[1]))
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 1.0


BOXES = np.array([[20, 30, 70, 90], [100, 20, 150, 60], [60, 100, 140, 150], [5, 5, 25, 20]], float)


@pytest.mark.parametrize("name", GEOMETRIC)
def test_a_box_moves_like_the_same_box_painted_into_a_mask(name):
    op = CATALOG[name]
    image = np.random.default_rng(0).integers(0, 256, (160, 180, 3), dtype=np.uint8)
    mask = _paint_boxes(image.shape, BOXES)
    rng = np.random.default_rng(3)
    for seed in range(5):
        params = op.defaults()
        if "interpolation" in params:
            params["interpolation"] = "nearest"
        if "border_mode" in params:
            params["border_mode"] = "constant"  # reflected borders show mirrored copies, which have no box
        pipe = Pipeline([Step(name, params)], targets={"box_method": "largest_box"})
        result = pipe.apply(image, seed=seed + int(rng.integers(100)), mask=mask, boxes=BOXES)
        height, width = result.image.shape[:2]
        for box, index in zip(result.boxes, result.box_ids):
            painted = _extent(result.mask, index + 1)
            if painted is None:
                continue  # every pixel of it was sampled away (a box leaving the frame)
            if name not in EXACT and (painted[0] == 0 or painted[1] == 0 or painted[2] == width
                                      or painted[3] == height):
                continue  # cut by the frame: the clipped enclosing box is larger than what is left
            if op.category == "dropout":
                assert np.array_equal(box, box_rules.clip(BOXES[index:index + 1], image.shape)[0])
            elif name in EXACT:
                assert np.array_equal(box, painted), (seed, index, box, painted)
            elif name in FIELD:
                assert _iou(box, painted) >= 0.9, (seed, index, box, painted)
            else:  # matrix warps: the painted rectangle's extent is the moved corners' (largest_box)
                assert np.abs(box - painted).max() <= 1.5, (seed, index, box, painted)


@pytest.mark.parametrize("name", GEOMETRIC)
def test_keypoints_land_where_painted_points_land(name):
    op = CATALOG[name]
    if op.category == "dropout":
        pytest.skip("dropout moves nothing")
    image = np.zeros((150, 170, 3), np.uint8)
    points = np.array([[40.0, 50.0], [120.0, 35.0], [85.0, 110.0], [30.0, 120.0], [140.0, 120.0]])
    mask = np.zeros(image.shape[:2], np.uint16)
    for i, (x, y) in enumerate(points.astype(int)):
        mask[y - 2:y + 3, x - 2:x + 3] = i + 1  # a 5x5 blob centred on the point
    params = op.defaults()
    if "interpolation" in params:
        params["interpolation"] = "nearest"
    pipe = Pipeline([Step(name, params)], targets={"keypoints_outside": "keep"})
    for seed in range(4):
        result = pipe.apply(image, seed=seed, mask=mask, keypoints=points)
        for point, index in zip(result.keypoints, result.keypoint_ids):
            ys, xs = np.nonzero(result.mask == index + 1)
            height, width = result.mask.shape
            if len(xs) < 20 or xs.min() == 0 or ys.min() == 0 or xs.max() == width - 1 or ys.max() == height - 1:
                continue  # the blob was cut by the image's edge: its centre moved
            # The keypoint sits on its blob; and, where the op does not bend the blob, at its centre
            # (nearest sampling shifts a blob's centre by up to half a source pixel).
            assert np.hypot(xs - point[0], ys - point[1]).min() <= 1.0, (seed, index)
            if name not in FIELD and name != "random_grid_shuffle":  # (tiles may cut the blob apart)
                assert np.hypot(xs.mean() - point[0], ys.mean() - point[1]) <= 1.5, (seed, index)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(GEOMETRIC), seed=st.integers(0, 10_000), labels=st.lists(
    st.integers(1, 60000), min_size=1, max_size=4, unique=True))
def test_masks_keep_only_their_labels_and_the_fill(name, seed, labels):
    op = CATALOG[name]
    rng = np.random.default_rng(seed)
    image = rng.integers(0, 256, (40, 52), dtype=np.uint8)
    mask = rng.choice(np.array(labels, dtype=np.int32), size=image.shape)
    params = _params(op, rng)
    if "holes_in_mask" in params:
        params["holes_in_mask"] = True
    pipe = Pipeline([Step(name, params)], targets={"mask_fill": 65535})
    result = pipe.apply(image, seed=seed, mask=mask)
    assert result.mask.dtype == np.int32 and result.mask.shape == result.image.shape[:2]
    assert set(np.unique(result.mask)) <= set(labels) | {65535}


def test_pixel_ops_leave_targets_untouched():
    image = np.random.default_rng(0).integers(0, 256, (60, 80, 3), dtype=np.uint8)
    mask = np.arange(60 * 80, dtype=np.int32).reshape(60, 80)
    points = np.array([[3.5, 4.0, 30.0, 2.0], [70.0, 50.0, 300.0, 1.0]])
    for name in PIXEL_ONLY:
        result = Pipeline([Step(name)]).apply(image, seed=1, mask=mask, boxes=BOXES[:1] / 3, keypoints=points)
        assert np.array_equal(result.mask, mask), name
        assert np.array_equal(result.boxes, BOXES[:1] / 3), name
        assert np.array_equal(result.keypoints, points), name


def test_labels_stay_aligned_with_the_boxes_they_belong_to():
    image = np.zeros((100, 100, 3), np.uint8)
    boxes = [[0, 0, 10, 10], [40, 40, 60, 60], [90, 90, 100, 100], [45, 5, 55, 15]]
    labels = ["corner", "centre", "far corner", "top"]
    # A centre crop keeps the centre box whole and drops the corners.
    pipe = Pipeline([Step("center_crop", {"height": 40, "width": 40})])
    result = pipe.apply(image, seed=0, boxes=boxes, box_labels=labels)
    assert result.box_labels == ["centre"] and list(result.box_ids) == [1]
    assert np.array_equal(result.boxes, [[10, 10, 30, 30]])
    dropped = result.trace[0]["targets"]["boxes_dropped"]
    assert sorted(d["index"] for d in dropped) == [0, 2, 3]
    # numpy labels are indexed, not listed
    result = pipe.apply(image, seed=0, boxes=boxes, box_labels=np.array([7, 8, 9, 10]))
    assert np.array_equal(result.box_labels, [8])


@pytest.mark.parametrize("box_format, boxes", [
    ("pascal_voc", [[20, 10, 60, 50]]),
    ("coco", [[20, 10, 40, 40]]),
    ("yolo", [[40 / 200, 30 / 100, 40 / 200, 40 / 100]]),
    ("albumentations", [[20 / 200, 10 / 100, 60 / 200, 50 / 100]]),
])
def test_boxes_come_back_in_the_format_they_were_given_in(box_format, boxes):
    image = np.zeros((100, 200, 3), np.uint8)
    result = Pipeline([Step("horizontal_flip")]).apply(image, seed=0, boxes=boxes, box_format=box_format)
    flipped = box_rules.to_pixels(result.boxes, box_format, result.image.shape)
    assert np.allclose(flipped, [[140, 10, 180, 50]])


def test_visibility_area_and_size_rules_drop_boxes_with_their_reason():
    image = np.zeros((100, 100, 3), np.uint8)
    boxes = [[0, 10, 40, 50], [30, 30, 34, 80], [50, 50, 78, 90]]  # half cut off by the crop, thin, fine
    crop = Step("center_crop", {"height": 100, "width": 60})  # keeps x from 20 to 80
    pipe = Pipeline([crop], targets={"min_visibility": 0.6, "min_width": 5})
    result = pipe.apply(image, seed=0, boxes=boxes)
    assert list(result.box_ids) == [2]
    reasons = {d["index"]: (d["reason"], round(d["value"], 3)) for d in result.trace[0]["targets"]["boxes_dropped"]}
    assert reasons == {0: ("visibility", 0.5), 1: ("width", 4.0)}


@pytest.mark.parametrize("op", ["horizontal_flip", "gamma"])
def test_boxes_are_clipped_to_the_image_when_given_and_judged_by_what_is_in_view(op):
    """The part of a box outside the image is not part of the object: a flip hides nothing, so a
    box three quarters outside stays, and with only a pixel op the box still comes back inside."""
    image = np.zeros((512, 512, 3), np.uint8)
    pipe = Pipeline([Step(op, p=1.0)], targets={"min_visibility": 0.3})
    result = pipe.apply(image, seed=0, boxes=[[-100, -100, 100, 100], [400, 450, 700, 612]])
    assert list(result.box_ids) == [0, 1]
    expected = [[0, 0, 100, 100], [400, 450, 512, 512]]
    if op == "horizontal_flip":
        expected = [[412, 0, 512, 100], [0, 450, 112, 512]]
    np.testing.assert_allclose(result.boxes, expected)


def test_rotated_boxes_grow_less_with_the_ellipse_method():
    image = np.zeros((200, 200, 3), np.uint8)
    box = [[60, 80, 140, 120]]
    results = {method: Pipeline([Step("rotate", {"limit": (45, 45)})], targets={"box_method": method})
               .apply(image, seed=0, boxes=box).boxes[0] for method in ("largest_box", "ellipse")}
    area = {m: (b[2] - b[0]) * (b[3] - b[1]) for m, b in results.items()}
    assert area["ellipse"] < area["largest_box"]
    # The ellipse of an 80x40 box turned 45 degrees spans sqrt((40^2 + 20^2) / 2) * 2 ~ 63.2 px.
    assert results["ellipse"][2] - results["ellipse"][0] == pytest.approx(2 * np.sqrt((40**2 + 20**2) / 2), abs=0.2)
    assert results["largest_box"][2] - results["largest_box"][0] == pytest.approx(120 / np.sqrt(2) + 0, abs=0.6)


def test_keypoints_that_leave_are_dropped_or_kept_by_choice():
    image = np.zeros((100, 100, 3), np.uint8)
    points = [[10, 10], [50, 50], [95, 95]]
    crop = Step("center_crop", {"height": 40, "width": 40})
    dropped = Pipeline([crop]).apply(image, seed=0, keypoints=points)
    assert list(dropped.keypoint_ids) == [1] and np.allclose(dropped.keypoints, [[20, 20]])
    assert dropped.trace[0]["targets"]["keypoints_dropped"] == [0, 2]
    kept = Pipeline([crop], targets={"keypoints_outside": "keep"}).apply(image, seed=0, keypoints=points)
    assert list(kept.keypoint_ids) == [0, 1, 2]
    assert list(kept.keypoints_visible) == [False, True, False]
    assert np.allclose(kept.keypoints, [[-20, -20], [20, 20], [65, 65]])


def test_keypoint_angles_turn_and_mirror_with_the_image():
    image = np.zeros((100, 100, 3), np.uint8)
    point = [[50.0, 50.0, 30.0, 2.0]]  # pointing 30 degrees below +x (y points down)
    flipped = Pipeline([Step("horizontal_flip")]).apply(image, seed=0, keypoints=point).keypoints[0]
    assert flipped[2] == pytest.approx(150.0) and flipped[3] == pytest.approx(2.0)
    turned = Pipeline([Step("rotate", {"limit": (90, 90)})]).apply(image, seed=0, keypoints=point).keypoints[0]
    assert turned[2] == pytest.approx(300.0)  # a counter-clockwise quarter turn on screen
    scaled = Pipeline([Step("resize", {"height": 200, "width": 200})]).apply(image, seed=0, keypoints=point)
    assert scaled.keypoints[0][3] == pytest.approx(4.0)


def test_dropout_hides_what_it_covers():
    image = np.zeros((100, 100, 3), np.uint8)
    mask = np.ones((100, 100), np.uint8)
    step = Step("coarse_dropout", {"num_holes_limit": (1, 1), "hole_height_limit": (0.5, 0.5),
                                   "hole_width_limit": (0.5, 0.5), "holes_in_mask": True})
    pipe = Pipeline([step], targets={"mask_fill": 255, "min_visibility": 0.5})
    result = pipe.apply(image, seed=3, mask=mask, boxes=[[0, 0, 100, 100]], keypoints=[[1, 1], [99, 99], [50, 50]])
    x, y, w, h = result.trace[0]["drawn"]["holes"][0]
    assert set(np.unique(result.mask[y:y + h, x:x + w])) == {255}
    assert (result.mask == 1).sum() == 100 * 100 - w * h
    assert list(result.box_ids) == [0]  # 75% still visible
    inside = [i for i, (px, py) in enumerate([[1, 1], [99, 99], [50, 50]]) if x <= px < x + w and y <= py < y + h]
    assert not set(result.keypoint_ids) & set(inside)


def test_replay_moves_targets_the_same_way():
    image = np.random.default_rng(0).integers(0, 256, (120, 160, 3), dtype=np.uint8)
    mask = _paint_boxes(image.shape, BOXES[:2])
    pipe = augview.Pipeline.load(augview.core.paths.PRESETS / "heavy_classification.json")
    pipe.targets = TargetSettings(min_visibility=0.2)
    for seed in range(5):
        first = pipe.apply(image, seed=seed, mask=mask, boxes=BOXES[:2], keypoints=[[30, 40], [110, 50]])
        again = Pipeline.replay(image, first.trace, mask=mask, boxes=BOXES[:2], keypoints=[[30, 40], [110, 50]],
                                settings=first.settings)
        assert np.array_equal(again.image, first.image)
        assert np.array_equal(again.mask, first.mask)
        assert np.array_equal(again.boxes, first.boxes) and np.array_equal(again.box_ids, first.box_ids)
        assert np.array_equal(again.keypoints, first.keypoints)


def test_an_image_only_call_is_unchanged_by_target_support():
    image = np.random.default_rng(0).integers(0, 256, (64, 64, 3), dtype=np.uint8)
    pipe = augview.Pipeline.load(augview.core.paths.PRESETS / "heavy_classification.json")
    for seed in range(5):
        plain = pipe.apply(image, seed=seed)
        with_targets = pipe.apply(image, seed=seed, boxes=[[1, 1, 30, 30]])
        assert np.array_equal(plain.image, with_targets.image)
        assert plain.mask is None and plain.boxes is None and plain.keypoints is None
        assert "targets" not in str(plain.trace)


@pytest.mark.parametrize("kwargs, message", [
    ({"mask": np.zeros((10, 10), np.uint8)}, "image's height and width"),
    ({"mask": np.zeros((64, 64), np.float32)}, "integer labels"),
    ({"boxes": [[1, 2, 3]]}, "(N, 4)"),
    ({"boxes": [[5, 5, 1, 1]]}, "maximum below its minimum"),
    ({"boxes": [[1, 1, 5, 5]], "box_format": "xyxy"}, "box_format must be one of"),
    ({"boxes": [[1, 1, 5, 5]], "box_labels": ["a", "b"]}, "2 box labels for 1 boxes"),
    ({"box_labels": ["a"]}, "without boxes"),
    ({"keypoints": [[1, 2, 3]]}, "(K, 2) or (K, 4)"),
    ({"keypoints": [[np.nan, 2]]}, "finite"),
    ({"mask": np.zeros((64, 64), np.uint8), "masks": []}, "not both"),
])
def test_bad_targets_are_one_clear_error(kwargs, message):
    image = np.zeros((64, 64, 3), np.uint8)
    with pytest.raises(InvalidTargetsError, match=None) as info:
        Pipeline([Step("horizontal_flip")]).apply(image, seed=0, **kwargs)
    assert message in str(info.value)


def test_augmix_refuses_targets_up_front():
    image = np.zeros((32, 32, 3), np.uint8)
    with pytest.raises(InvalidTargetsError, match="augmix"):
        Pipeline([Step("augmix")]).apply(image, seed=0, boxes=[[1, 1, 4, 4]])
    assert Pipeline([Step("augmix", p=1.0, enabled=False)]).apply(image, seed=0, boxes=[[1, 1, 4, 4]]).boxes.shape == (1, 4)


def test_bbox_safe_random_crop_never_cuts_a_box():
    image = np.zeros((200, 300, 3), np.uint8)
    boxes = np.array([[50, 40, 90, 100], [200, 120, 260, 180]], float)
    pipe = Pipeline([Step("bbox_safe_random_crop")])
    sizes = set()
    for seed in range(40):
        result = pipe.apply(image, seed=seed, boxes=boxes)
        drawn = result.trace[0]["drawn"]
        sizes.add((drawn["width"], drawn["height"]))
        assert list(result.box_ids) == [0, 1]
        shift = np.array([drawn["x"], drawn["y"], drawn["x"], drawn["y"]])
        assert np.array_equal(result.boxes, boxes - shift)
    assert len(sizes) > 20  # it really is random
    assert Pipeline.replay(image, result.trace).shape[:2] == (drawn["height"], drawn["width"])


def test_random_crop_near_box_contains_the_chosen_box():
    image = np.zeros((200, 300, 3), np.uint8)
    boxes = np.array([[50, 40, 90, 100], [200, 120, 260, 180], [10, 150, 30, 190]], float)
    chosen = set()
    for seed in range(30):
        result = Pipeline([Step("random_crop_near_box")]).apply(image, seed=seed, boxes=boxes)
        drawn = result.trace[0]["drawn"]
        chosen.add(drawn["box_index"])
        assert drawn["box_index"] in result.box_ids
        kept = result.boxes[list(result.box_ids).index(drawn["box_index"])]
        original = boxes[drawn["box_index"]] - [drawn["x"], drawn["y"], drawn["x"], drawn["y"]]
        assert np.array_equal(kept, original)
    assert chosen == {0, 1, 2}


@pytest.mark.parametrize("path", sorted(augview.core.paths.builtin_presets()), ids=lambda p: p.stem)
def test_every_shipped_preset_carries_targets(path):
    pipe = Pipeline.load(path)
    if any(CATALOG[name].images_only for name in _op_names(pipe.steps)):
        pytest.skip("uses an op that no target can follow")
    image = augview.load_image(augview.core.paths.SAMPLE_IMAGE)
    mask = _paint_boxes(image.shape, BOXES * 3)
    for seed in range(4):
        result = pipe.apply(image, seed=seed, mask=mask, boxes=BOXES * 3, keypoints=[[100, 100], [300, 200]])
        height, width = result.image.shape[:2]
        assert result.mask.shape == (height, width)
        assert set(np.unique(result.mask)) <= {0, 1, 2, 3, 4, pipe.targets.mask_fill}
        assert np.all(result.boxes >= 0) and np.all(result.boxes[:, 2] <= width) and np.all(result.boxes[:, 3] <= height)
        assert np.all(result.keypoints_visible)


def _op_names(nodes):
    for node in nodes:
        if isinstance(node, Step):
            yield node.op
        else:
            yield from _op_names(node.steps)


_MATRIX = st.tuples(*[st.floats(-3, 3, allow_nan=False)] * 6)
_BOX = st.tuples(st.floats(-50, 250), st.floats(-50, 250), st.floats(0, 120), st.floats(0, 120))


@settings(max_examples=200, deadline=None)
@given(entries=_MATRIX, shape=st.sampled_from(["any", "flip_x", "flip_y", "turn", "turn_flip"]),
       raw=st.lists(_BOX, min_size=1, max_size=6))
def test_affine_boxes_enclose_their_moved_corners(entries, shape, raw):
    a, b, c, d, e, f = entries
    if shape != "any":  # the exact-geometry ops: mirrors and quarter turns (b = d = 0 or a = e = 0)
        b = d = 0.0 if shape.startswith("flip") else b
        a, e = (-abs(a), abs(e)) if shape == "flip_x" else (abs(a), -abs(e)) if shape == "flip_y" else (a, e)
        if shape.startswith("turn"):
            a = e = 0.0
            b, d = (abs(b) or 1.0, -(abs(d) or 1.0)) if shape == "turn" else (-(abs(b) or 1.0), -(abs(d) or 1.0))
    matrix = np.array([[a, b, c], [d, e, f], [0, 0, 1]])
    boxes = np.array([[x, y, x + w, y + h] for x, y, w, h in raw])
    corners = box_rules.corners(boxes).reshape(-1, 2)
    moved = corners @ matrix[:2, :2].T + matrix[:2, 2]
    expected = box_rules.enclosing(moved.reshape(-1, 4, 2))
    assert np.allclose(box_rules.affine_extent(boxes, matrix), expected, atol=1e-6)


@settings(max_examples=200, deadline=None)
@given(raw=st.lists(_BOX, min_size=1, max_size=8),
       holes=st.none() | st.lists(st.floats(0, 3000), min_size=8, max_size=8),
       limits=st.tuples(st.sampled_from([0, 0.3, 0.9]), st.sampled_from([0, 10, 400]),
                        st.sampled_from([0, 3, 30]), st.sampled_from([0, 3, 30])))
def test_every_rejected_box_gets_the_first_reason_it_fails(raw, holes, limits):
    boxes = np.array([[x, y, x + w, y + h] for x, y, w, h in raw])
    covered = None if holes is None else np.array(holes[:len(boxes)])
    rules = TargetSettings(min_visibility=limits[0], min_area=limits[1], min_width=limits[2], min_height=limits[3])
    ids = np.arange(len(boxes)) + 100
    kept, kept_ids, drops = box_rules.filter_boxes(boxes, (200, 200), rules, ids, covered)
    assert sorted([*kept_ids.tolist(), *[drop.index for drop in drops]]) == ids.tolist()
    for drop in drops:  # recompute each rule from its definition, dividing as a person would
        box = boxes[drop.index - 100]
        cut = np.clip(box, 0, 200)
        left = max((cut[2] - cut[0]) * (cut[3] - cut[1]) - (0 if covered is None else covered[drop.index - 100]), 0)
        full = (box[2] - box[0]) * (box[3] - box[1])
        measured = {"outside": (left, 1e-7), "visibility": (left / full if full > 0 else 1.0, rules.min_visibility),
                    "area": (left, rules.min_area), "width": (cut[2] - cut[0], rules.min_width),
                    "height": (cut[3] - cut[1], rules.min_height)}
        value, limit = measured[drop.reason]
        assert value < limit + 1e-6, (box, drop)  # the box does fail the rule it was dropped for
        earlier = list(measured)[:list(measured).index(drop.reason)]
        assert not [r for r in earlier if measured[r][0] < measured[r][1] - 1e-6], (box, drop)  # and no rule before it
    for box in boxes[[i - 100 for i in kept_ids]]:
        cut = np.clip(box, 0, 200)
        assert (cut[2] - cut[0]) >= rules.min_width - 1e-6 and (cut[3] - cut[1]) >= rules.min_height - 1e-6


def test_a_box_wholly_outside_the_image_never_comes_back():
    image = np.zeros((512, 512, 3), np.uint8)
    boxes = [[1000, 1000, 1100, 1100], [10, 10, 50, 50], [5, 5, 5 + 1e-9, 10]]  # outside, fine, of no area
    # whether or not a geometric step judges them; a rotation used to turn the clipped line of
    # the box outside back into a box with an area
    for op in ("gamma", "horizontal_flip", "rotate", "affine", "perspective", "elastic"):
        result = Pipeline([Step(op, p=1.0)]).apply(image, seed=0, boxes=boxes, box_labels=["gone", "kept", "thin"])
        assert list(result.box_ids) == [1] and result.box_labels == ["kept"], op


def test_a_trace_nested_past_python_s_recursion_limit_is_one_clear_error():
    nested: list = []
    level = nested
    for _ in range(5000):
        group = {"fired": True, "group": "sequence", "steps": []}
        level.append(group)
        level = group["steps"]
    with pytest.raises(augview.InvalidTraceError, match="not a trace augview wrote"):
        Pipeline.replay(np.zeros((8, 8, 3), np.uint8), nested)


@pytest.mark.parametrize("trace, fragment", [
    ("garbage", "not a trace augview wrote"),
    ([{"op": "nope", "fired": True}], "not a trace augview wrote"),  # no "drawn"
    ([{"op": "nope", "fired": True, "drawn": {}}], "trace step 'nope'"),
    ([{"op": "rotate", "fired": True, "drawn": {"angle": "x"}}], "trace step rotate: its drawn values"),
    ([{"op": "rotate", "fired": True, "drawn": {"angle": float("nan")}}], "trace step rotate: its drawn values"),
    ([{"op": "resize", "fired": True, "drawn": {"height": -5, "width": 10, "interpolation": "linear"}}],
     "trace step resize: its drawn values"),  # refused inside OpenCV (cv2.error)
])
def test_a_trace_augview_did_not_write_is_one_clear_error(trace, fragment):
    image = np.zeros((20, 30, 3), np.uint8)
    with pytest.raises(augview.InvalidTraceError, match=fragment):
        Pipeline.replay(image, trace)
    with pytest.raises(augview.AugviewError):
        Pipeline.replay(image, trace, boxes=[[1, 1, 5, 5]])


@pytest.mark.parametrize("boxes, box_format", [
    ([[-1e308, -1e308, 1e308, 1e308]], "pascal_voc"), ([[0.5, 0.5, 1e308, 1e308]], "yolo"),
    ([[0, 0, 1e308, 1e308]], "coco"),
])
def test_a_huge_finite_box_is_the_whole_image_without_numpy_warnings(boxes, box_format):
    import warnings

    image = np.zeros((64, 48, 3), np.uint8)
    whole = box_rules.from_pixels(np.array([[0.0, 0, 48, 64]]), box_format, image.shape)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for op in ("rotate", "gamma"):
            result = Pipeline([Step(op, p=1.0)]).apply(image, seed=0, boxes=boxes, box_format=box_format)
            np.testing.assert_allclose(result.boxes, whole)


@settings(max_examples=200, deadline=None)
@given(raw=st.lists(_BOX, min_size=1, max_size=8), move=st.tuples(st.sampled_from([1.0, -1.0]), st.sampled_from([1.0, -1.0]),
                                                                     st.floats(-300, 300), st.floats(-300, 300)),
       limits=st.tuples(st.sampled_from([0, 0.3, 0.9]), st.sampled_from([0, 10, 400]),
                        st.sampled_from([0, 3, 30]), st.sampled_from([0, 3, 30])))
def test_judged_boxes_that_keep_their_sizes_are_judged_as_the_full_rules_judge_them(raw, move, limits):
    # filter_boxes skips the size rules for boxes that passed them and only moved (a flip, a
    # crop); what it keeps and drops must not change.
    rules = TargetSettings(min_visibility=limits[0], min_area=limits[1], min_width=limits[2], min_height=limits[3])
    boxes = np.array([[x, y, x + w, y + h] for x, y, w, h in raw])
    judged, ids, _ = box_rules.filter_boxes(boxes, (200, 200), rules, np.arange(len(boxes)))
    a, e, c, f = move
    matrix = np.array([[a, 0, c], [0, e, f], [0, 0, 1]])
    moved = box_rules.affine_extent(judged, matrix)
    fast = box_rules.filter_boxes(moved, (150, 250), rules, ids, sizes_passed=True)
    full = box_rules.filter_boxes(moved, (150, 250), rules, ids)
    assert np.array_equal(fast[0], full[0]) and np.array_equal(fast[1], full[1]) and fast[2] == full[2]


@settings(max_examples=200, deadline=None)
@given(points=st.lists(st.tuples(st.sampled_from([-0.5, -0.5 - 1e-9, -0.3, 0.0, 99.0, 99.5, 99.5 + 1e-9, 99.9]) | st.floats(-50, 150),
                                 st.sampled_from([-0.0, 0.0, -0.5, 59.0, 59.5, 60.0]) | st.floats(-50, 150)), max_size=12),
       four_columns=st.booleans())
def test_a_keypoint_is_in_the_image_between_its_outer_pixel_edges(points, four_columns):
    xy = np.array(points, float).reshape(-1, 2)
    if four_columns:  # (K, 4) keypoints: the test reads a strided slice of the first two columns
        xy = np.column_stack([xy, np.zeros((len(xy), 2))])
    targets = TargetSet.build((60, 100), TargetSettings())
    expected = [-0.5 <= x <= 99.5 and -0.5 <= y <= 59.5 for x, y in points]  # edges included
    assert targets.inside(xy).tolist() == expected


def test_a_box_aware_crop_never_aims_at_a_box_out_of_view():
    image = np.zeros((100, 120, 3), np.uint8)
    for seed in range(20):
        result = Pipeline([Step("random_crop_near_box", p=1.0)]).apply(
            image, seed=seed, boxes=[[10, 10, 60, 60], [200, 200, 210, 210]])
        assert list(result.box_ids) == [0] and result.image.shape[0] > 1, seed
    safe = Pipeline([Step("bbox_safe_random_crop", {"spread": 0.0}, p=1.0)])
    with_outside = safe.apply(image, seed=3, boxes=[[10, 10, 30, 30], [200, 200, 210, 210]])
    assert with_outside.image.shape == safe.apply(image, seed=3, boxes=[[10, 10, 30, 30]]).image.shape


@pytest.mark.parametrize("op, params", [
    ("horizontal_flip", {}), ("vertical_flip", {}), ("transpose", {}), ("random_rotate90", {}),
    ("resize", {"height": 50, "width": 50}), ("resize", {"height": 200, "width": 200}),
])
def test_flips_turns_and_resizes_keep_every_keypoint_that_was_in_view(op, params):
    # Pixel centres: pixel 0's centre is 0 and the image spans -0.5 to 99.5.
    points = [[0, 0], [99, 99], [-0.5, 50], [99.5, 50], [50, 99.4], [49.7, -0.5]]
    for seed in range(4):
        result = Pipeline([Step(op, params, p=1.0)]).apply(np.zeros((100, 100, 3), np.uint8), seed=seed,
                                                           keypoints=points)
        assert list(result.keypoint_ids) == list(range(len(points))), (op, seed, result.keypoints)


def test_keypoints_given_out_of_view_are_dropped_even_when_nothing_moves():
    image = np.zeros((100, 120, 3), np.uint8)
    points = [[-3, 50], [60, 50], [130, 10]]
    dropped = Pipeline([Step("gamma", p=1.0)]).apply(image, seed=0, keypoints=points)
    assert list(dropped.keypoint_ids) == [1] and dropped.keypoints_visible.tolist() == [True]
    kept = Pipeline([Step("gamma", p=1.0)], targets={"keypoints_outside": "keep"}).apply(image, seed=0, keypoints=points)
    assert list(kept.keypoint_ids) == [0, 1, 2] and kept.keypoints_visible.tolist() == [False, True, False]


@pytest.mark.parametrize("dtype, fill", [(np.int8, 255), (np.uint8, 300), (np.int16, 65535)])
def test_a_mask_fill_the_mask_s_type_cannot_hold_is_refused_not_wrapped(dtype, fill):
    image = np.zeros((40, 60, 3), np.uint8)
    for op in ("rotate", "coarse_dropout"):
        pipe = Pipeline([Step(op, {"holes_in_mask": True} if op == "coarse_dropout" else {}, p=1.0)],
                        targets={"mask_fill": fill})
        with pytest.raises(InvalidTargetsError, match=f"mask_fill {fill} is not a value of mask's type"):
            pipe.apply(image, seed=0, mask=np.ones((40, 60), dtype))


def test_odd_target_inputs_are_clear_errors():
    image = np.zeros((40, 60, 3), np.uint8)
    pipe = Pipeline([Step("rotate", p=1.0)])
    with pytest.raises(InvalidTargetsError, match="must be .H, W. or .H, W, C."):
        pipe.apply(image, seed=0, mask=np.ones((40, 60, 0), np.uint8))
    with pytest.raises(InvalidTargetsError, match="box_labels must be a list, tuple or array"):
        pipe.apply(image, seed=0, boxes=[[1, 1, 5, 5]], box_labels=(label for label in "a"))
    for text in ("a", b"a", {"a": 1}):  # a string would label its boxes with its characters
        with pytest.raises(InvalidTargetsError, match="box_labels must be a list, tuple or array"):
            pipe.apply(image, seed=0, boxes=[[1, 1, 5, 5]], box_labels=text)


def test_a_trace_edited_to_an_impossible_size_is_refused_before_it_is_made():
    image = np.zeros((64, 64, 3), np.uint8)
    trace = Pipeline([Step("random_resized_crop", p=1.0)]).apply(image, seed=0).trace
    for value in (10**6, 0, 2.5):
        trace[0]["drawn"]["output_height"] = value
        with pytest.raises(augview.InvalidTraceError, match="a side must be a whole number from 1 to 8192") as caught:
            Pipeline.replay(image, trace)
        assert "\n" not in str(caught.value)


@pytest.mark.parametrize("op, params, shape", [
    ("random_scale", {"scale_x": (1.07, 1.07), "scale_y": (1.07, 1.07)}, (6000, 9000, 3)),
    ("smallest_max_size", {}, (100, 5000, 3)),
])
def test_sizes_past_the_limit_shrink_on_both_sides_keeping_the_shape(op, params, shape):
    out = Pipeline([Step(op, params, p=1.0)])(np.zeros(shape, np.uint8), seed=0)
    assert max(out.shape[:2]) == 8192
    assert abs(out.shape[1] / out.shape[0] - shape[1] / shape[0]) < 0.01 * shape[1] / shape[0]


@pytest.mark.parametrize("op, params", [("auto_augment", {"policy": "cifar10"}),
                                        ("rand_augment", {"num_ops": 3, "magnitude": 14})])
def test_a_policy_drops_a_box_whose_pixels_a_sub_op_moved_out(op, params):
    """Each geometric sub-op of a policy clips and judges the boxes, as its pixels are clipped:
    moved as one, a translation out of the image and its way back kept the box (and keypoint) of
    an object whose pixels had become fill."""
    image = np.full((32, 32, 3), 200, np.uint8)
    mask = np.zeros((32, 32), np.uint8)
    mask[0:8, 8:24] = 1
    pipe = Pipeline([Step(op, params)])
    if op == "auto_augment":  # sub-policy 21: translate up 14 px, then down 14 px
        result = pipe.apply(image, seed=417, boxes=[[8, 0, 24, 8]], mask=mask, keypoints=[[16, 4]])
        assert result.mask.sum() == 0 and len(result.boxes) == 0 and len(result.keypoints) == 0
    for seed in range(150):
        result = pipe.apply(image, seed=seed, boxes=[[8, 0, 24, 8]], mask=mask)
        left = result.mask == 1
        if not left.any():  # the object is gone: so is its box (or all but a sliver under a pixel)
            assert all(min(x1 - x0, y1 - y0) < 1 for x0, y0, x1, y1 in result.boxes), seed
        elif left.sum() > 4:
            assert len(result.boxes) == 1, seed
            rows, cols = np.flatnonzero(left.any(axis=1)), np.flatnonzero(left.any(axis=0))
            x0, y0, x1, y1 = result.boxes[0]
            assert x0 <= cols[0] + 1.5 and x1 >= cols[-1] - 0.5 and y0 <= rows[0] + 1.5 and y1 >= rows[-1] - 0.5, seed


def test_replay_takes_settings_as_a_dict_and_an_odd_trace_value_is_one_clear_error():
    """``settings={"mask_fill": 255}`` raised AttributeError (cutmix and mosaic take a dict), and
    a policy's ``"ops": "abc"`` did too instead of InvalidTraceError."""
    from augview.errors import InvalidTraceError, PresetError

    image = np.zeros((16, 16, 3), np.uint8)
    pipe = Pipeline([Step("pad", {"pad_mode": "pixels", "pixels": 2})], targets={"mask_fill": 255})
    mask = np.ones((16, 16), np.uint8)
    first = pipe.apply(image, seed=1, mask=mask)
    again = Pipeline.replay(image, first.trace, mask=mask, settings={"mask_fill": 255})
    assert again.settings.mask_fill == 255 and np.array_equal(again.mask, first.mask)
    with pytest.raises(PresetError, match="targets.mask_fill"):
        Pipeline.replay(image, first.trace, settings={"mask_fill": -3})
    trace = Pipeline([Step("auto_augment")]).apply(image, seed=1).trace
    trace[0]["drawn"]["ops"] = "abc"
    with pytest.raises(InvalidTraceError, match="auto_augment"):
        Pipeline.replay(image, trace)
