"""Boxes, masks and keypoints across the albumentations interop (issue 11, "Interop"): an exported
Compose carries the preset's target settings and, run by albumentations 2 with ``bboxes=``,
``keypoints=`` and ``mask=``, moves them as `Pipeline.apply` does; an import reads ``bbox_params``,
``keypoint_params``, ``additional_targets`` and each transform's mask fill and box method back into
the settings, noting what has no place in a preset."""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

os.environ.setdefault("NO_ALBUMENTATIONS_UPDATE", "1")  # no version check over the network

import numpy as np  # noqa: E402
import pytest  # noqa: E402

import augview  # noqa: E402
from augview import Pipeline, Step  # noqa: E402
from augview.core.registry import CATALOG  # noqa: E402
from augview.interop import import_albumentations, import_albumentations_source, to_albumentations  # noqa: E402
from augview.interop.albumentations_export import EXPORTERS  # noqa: E402
from augview.interop.notes import Unexportable  # noqa: E402
from augview.interop.albumentations_targets import MOVES_TARGETS  # noqa: E402
from augview.targets.settings import TargetSettings  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
IMAGE = np.random.default_rng(3).integers(0, 256, (120, 160, 3), dtype=np.uint8)
MASK = np.zeros(IMAGE.shape[:2], np.uint8)
MASK[20:70, 30:90] = 1
MASK[60:110, 100:150] = 2
BOXES = np.array([[30, 20, 90, 70], [100, 60, 150, 110], [2, 80, 40, 115], [60, 5, 100, 30]], float)
POINTS = np.array([[35.0, 25.0], [120.5, 80.25], [60.0, 100.0], [5.0, 5.0], [150.0, 110.0]])
SETTINGS = {"mask_fill": 255, "min_visibility": 0.3, "min_area": 40.0, "min_width": 3.0, "min_height": 2.0}


def albu():
    return pytest.importorskip("albumentations")


def compose(pipe: Pipeline, **kwargs):
    """The exported pipeline as albumentations loads it from the JSON file a user gets."""
    A = albu()
    data, _ = to_albumentations(pipe, **kwargs)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an argument albumentations does not take, a useless processor
        return A.from_dict(json.loads(json.dumps(data))), data


def run_both(pipe: Pipeline, box_format="pascal_voc", boxes=BOXES):
    transform, _ = compose(pipe, box_format=box_format, label_fields=["box_ids"],
                           keypoint_label_fields=["point_ids"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        theirs = transform(image=IMAGE, mask=MASK, bboxes=boxes, box_ids=list(range(len(boxes))),
                           keypoints=POINTS, point_ids=list(range(len(POINTS))))
    ours = pipe.apply(IMAGE, seed=0, mask=MASK, boxes=boxes, box_format=box_format, keypoints=POINTS)
    return ours, theirs


def assert_same(ours, theirs, tolerance=1e-3, point_tolerance=1e-3):
    """Same pixels and masks, the same boxes and keypoints kept, at the same places (albumentations
    keeps boxes as float32 fractions: ``tolerance`` is its rounding)."""
    assert np.array_equal(ours.image, theirs["image"])
    assert np.array_equal(ours.mask, theirs["mask"])
    assert list(ours.box_ids) == list(theirs["box_ids"])
    assert np.allclose(ours.boxes, np.asarray(theirs["bboxes"]).reshape(-1, 4), atol=tolerance)
    assert list(ours.keypoint_ids) == list(theirs["point_ids"])
    assert np.allclose(ours.keypoints, np.asarray(theirs["keypoints"]).reshape(-1, 2), atol=point_tolerance)


EXACT_STEPS = {
    "horizontal_flip": Step("horizontal_flip"),
    "vertical_flip": Step("vertical_flip"),
    "transpose": Step("transpose"),
    "center_crop": Step("center_crop", {"height": 70, "width": 90}),
    "resize": Step("resize", {"height": 90, "width": 200, "interpolation": "nearest"}),
    "pad": Step("pad", {"pad_mode": "min_size", "min_height": 150, "min_width": 220, "fill": 9}),
}


@pytest.mark.parametrize("name", sorted(EXACT_STEPS))
def test_exported_deterministic_op_moves_targets_exactly_as_augview(name):
    ours, theirs = run_both(Pipeline([EXACT_STEPS[name]], targets=SETTINGS))
    # albumentations resizes keypoints about the image's corner (x * scale), augview about the pixel
    # centres ((x + 0.5) * scale - 0.5), as the pixels move and as both flip them (width - 1 - x):
    # they differ by (scale - 1) / 2, here 0.125 px; boxes (edge coordinates) agree exactly.
    assert_same(ours, theirs, point_tolerance=0.125 + 1e-9 if name == "resize" else 1e-3)


@pytest.mark.parametrize("box_format", ["pascal_voc", "coco", "yolo", "albumentations"])
def test_exported_chain_filters_and_fills_as_augview(box_format):
    """The crop leaves boxes partly in view: min_visibility, min_area and the sizes drop the same
    ones; the pad writes mask_fill into the masks; keypoints that leave the image go on both sides."""
    pipe = Pipeline([EXACT_STEPS[n] for n in ("horizontal_flip", "center_crop", "transpose", "vertical_flip", "pad")],
                    targets=SETTINGS)
    boxes = augview.targets.boxes.from_pixels(BOXES, box_format, IMAGE.shape)
    ours, theirs = run_both(pipe, box_format, boxes)
    assert_same(ours, theirs, tolerance=1e-3 if box_format in ("pascal_voc", "coco") else 1e-5)
    assert 0 < len(ours.box_ids) < len(BOXES) and 0 < len(ours.keypoint_ids) < len(POINTS)  # the rules acted
    assert 255 in ours.mask  # the pad's border area in the mask


def test_keypoints_kept_outside_when_the_preset_keeps_them():
    pipe = Pipeline([EXACT_STEPS["center_crop"]], targets={"keypoints_outside": "keep"})
    ours, theirs = run_both(pipe)
    assert len(ours.keypoints) == len(POINTS) and not ours.keypoints_visible.all()
    assert_same(ours, theirs)


@pytest.mark.parametrize("method", ["largest_box", "ellipse"])
def test_rotated_boxes_follow_the_preset_box_method(method):
    pipe = Pipeline([Step("rotate", {"limit": (25.0, 25.0), "interpolation": "nearest"})],
                    targets={"box_method": method, "mask_fill": 7})
    transform, data = compose(pipe)
    assert data["transform"]["transforms"][0]["rotate_method"] == method
    assert data["transform"]["transforms"][0]["fill_mask"] == 7
    theirs = transform(image=IMAGE, mask=MASK, bboxes=BOXES[:2], keypoints=POINTS[:2])
    ours = pipe.apply(IMAGE, seed=0, mask=MASK, boxes=BOXES[:2], keypoints=POINTS[:2])
    assert np.abs(ours.boxes - np.asarray(theirs["bboxes"])).max() <= 1.0
    assert np.abs(ours.keypoints - np.asarray(theirs["keypoints"])).max() <= 0.5
    assert (theirs["mask"] == 7).any() and (ours.mask == 7).any()


def test_dropout_holes_reach_masks_only_when_the_step_says_so():
    for holes_in_mask, expected in ((True, 5), (False, None)):
        pipe = Pipeline([Step("coarse_dropout", {"holes_in_mask": holes_in_mask})], targets={"mask_fill": 5})
        _, data = compose(pipe)
        assert data["transform"]["transforms"][0]["fill_mask"] == expected
        assert import_albumentations(data).pipeline.steps[0].params["holes_in_mask"] is holes_in_mask


def test_a_pixel_only_pipeline_has_no_box_params_and_runs_with_boxes():
    pipe = Pipeline([Step("color_jitter"), Step("gaussian_blur")], targets=SETTINGS)
    transform, data = compose(pipe)
    assert data["transform"]["bbox_params"] is None and data["transform"]["keypoint_params"] is None
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = transform(image=IMAGE, bboxes=BOXES, keypoints=POINTS, mask=MASK)
    assert np.allclose(out["bboxes"], BOXES) and np.array_equal(out["mask"], MASK)
    assert np.array_equal(pipe.apply(IMAGE, seed=0, boxes=BOXES).boxes, BOXES)  # augview too
    assert import_albumentations(data).pipeline.targets == pipe.targets  # from the augview header


@pytest.mark.parametrize("path", sorted((ROOT / "presets").glob("*.json")), ids=lambda p: p.stem)
def test_every_shipped_preset_exports_to_a_compose_that_runs_with_targets(path):
    pipe = Pipeline.load(path)
    transform, data = compose(pipe, label_fields=["labels"])
    image = augview.load_image(ROOT / "assets" / "astronaut.png")
    mask = np.zeros(image.shape[:2], np.uint8)
    mask[100:300, 150:350] = 3
    boxes = [[150, 100, 350, 300], [20, 30, 120, 90]]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warnings.filterwarnings("ignore", message="This augmenter is very slow")
        for seed in range(3):
            transform.set_random_seed(seed)
            out = transform(image=image, mask=mask, bboxes=boxes, labels=[1, 2], keypoints=[[200.0, 200.0]])
            assert out["mask"].shape == out["image"].shape[:2] and len(out["bboxes"]) == len(out["labels"])
    assert import_albumentations(data).pipeline.targets == pipe.targets


def test_box_and_keypoint_params_follow_the_settings():
    settings = {"min_area": 12.0, "min_visibility": 0.25, "min_width": 2.0, "min_height": 3.0,
                "keypoints_outside": "keep"}
    data, _ = to_albumentations(Pipeline([Step("horizontal_flip")], targets=settings), box_format="coco",
                                label_fields=["class_labels"], keypoint_format="xyas")
    boxes, points = data["transform"]["bbox_params"], data["transform"]["keypoint_params"]
    assert boxes["format"] == "coco" and boxes["label_fields"] == ["class_labels"]
    assert [boxes[k] for k in ("min_area", "min_visibility", "min_width", "min_height")] == [12.0, 0.25, 2.0, 3.0]
    assert points == {"format": "xyas", "label_fields": None, "remove_invisible": False, "angle_in_degrees": True,
                      "check_each_transform": True}
    for bad in ({"box_format": "xyxy"}, {"keypoint_format": "yx"}, {"label_fields": ["bboxes"]},
                {"label_fields": ["a"], "keypoint_label_fields": ["a"]}):
        with pytest.raises(ValueError):
            to_albumentations(Pipeline([Step("horizontal_flip")]), **bad)


@pytest.mark.parametrize("settings", [
    {}, SETTINGS, {"mask_fill": 255, "box_method": "ellipse", "keypoints_outside": "keep"},
    {"min_visibility": 0.9, "min_area": 1000.0, "mask_fill": 65535},
])
def test_export_then_import_gives_the_same_settings(settings):
    box_rules = ("min_area", "min_visibility", "min_width", "min_height", "keypoints_outside")
    for steps, stated in (([Step("rotate"), Step("pad"), Step("coarse_dropout", {"holes_in_mask": True})],
                           box_rules + ("mask_fill", "box_method")),
                          ([Step("horizontal_flip")], box_rules), ([Step("gamma")], ())):
        pipe = Pipeline(steps, targets=settings)
        data, _ = to_albumentations(pipe)
        assert import_albumentations(json.loads(json.dumps(data))).pipeline.targets == pipe.targets
        # Without augview's header, what the Compose and its transforms state is read back.
        data.pop("augview")
        again = import_albumentations(data).pipeline.targets
        assert {k: getattr(again, k) for k in stated} == {k: getattr(pipe.targets, k) for k in stated}


def test_import_of_a_detection_pipeline_gives_its_settings():
    A = albu()
    compose_ = A.Compose([A.HorizontalFlip(p=0.5), A.Rotate(limit=10, rotate_method="ellipse", fill_mask=255),
                          A.RandomBrightnessContrast()],
                         bbox_params=A.BboxParams(format="yolo", min_visibility=0.3, min_area=20,
                                                  label_fields=["class_labels"]),
                         keypoint_params=A.KeypointParams(format="xy", remove_invisible=False))
    imported = import_albumentations(A.to_dict(compose_))
    targets = imported.pipeline.targets
    assert (targets.min_visibility, targets.min_area, targets.box_method, targets.mask_fill,
            targets.keypoints_outside) == (0.3, 20.0, "ellipse", 255, "keep")
    said = " | ".join(str(n) for n in imported.notes)
    assert "box_format='yolo'" in said and "class_labels" in said
    assert "only the image" not in said
    assert imported.targets["bbox_params"]["format"] == "yolo"  # kept as data too


def test_import_of_a_training_script_reads_its_box_params():
    script = """
import albumentations as A
train = A.Compose([A.HorizontalFlip(p=0.5), A.Affine(rotate=(-5, 5), p=0.5)],
                  bbox_params=A.BboxParams(format="yolo", min_visibility=0.3, label_fields=["class_labels"]))
"""
    targets = import_albumentations_source(script, "train.py").pipeline.targets
    assert targets.min_visibility == 0.3 and targets.min_area == 0.0


def test_old_spellings_of_the_mask_fill():
    """albumentations 1.x: mask_value, cval_mask, mask_fill_value (None: the mask is left alone)."""
    data = {"__version__": "1.3.1", "transform": {
        "__class_fullname__": "albumentations.core.composition.Compose", "p": 1.0,
        "bbox_params": {"format": "pascal_voc", "label_fields": ["labels"], "min_area": 0.0, "min_visibility": 0.5,
                        "check_each_transform": True},
        "keypoint_params": None, "additional_targets": {},
        "transforms": [
            {"__class_fullname__": "albumentations.augmentations.geometric.rotate.Rotate", "p": 0.5, "limit": 10,
             "value": 0, "mask_value": 255},
            {"__class_fullname__": "albumentations.augmentations.geometric.transforms.PadIfNeeded", "p": 1.0,
             "min_height": 64, "min_width": 64, "value": None, "mask_value": 255},
            {"__class_fullname__": "albumentations.augmentations.geometric.transforms.Affine", "p": 0.5,
             "rotate": [-5, 5], "cval": 0, "cval_mask": 255, "mode": 0},
            {"__class_fullname__": "albumentations.augmentations.geometric.resize.Resize", "p": 1.0,
             "height": 128, "width": 128},  # fixes the size the dropouts' pixel sizes are taken from
            {"__class_fullname__": "albumentations.augmentations.dropout.coarse_dropout.CoarseDropout", "p": 0.5,
             "max_holes": 4, "max_height": 8, "max_width": 8, "fill_value": 0, "mask_fill_value": None},
            {"__class_fullname__": "albumentations.augmentations.dropout.grid_dropout.GridDropout", "p": 0.5,
             "ratio": 0.4, "fill_value": 0, "mask_fill_value": 255},
        ]}}
    imported = import_albumentations(data)
    assert imported.pipeline.targets.mask_fill == 255 and imported.pipeline.targets.min_visibility == 0.5
    dropouts = [s for s in imported.pipeline.steps if s.op in ("coarse_dropout", "grid_dropout")]
    assert [s.params["holes_in_mask"] for s in dropouts] == [False, True]
    assert not [n for n in imported.notes if "fill_mask" in n.text]  # they all agree


def test_what_has_no_place_in_a_preset_is_noted():
    data = {"transform": {
        "__class_fullname__": "Compose", "p": 1.0,
        "bbox_params": {"format": "coco", "label_fields": None, "max_accept_ratio": 4.0, "check_each_transform": False,
                        "filter_invalid_bboxes": True, "surprise": 1},
        "keypoint_params": {"format": "xysa", "angle_in_degrees": False, "label_fields": ["names"]},
        "additional_targets": {"image2": "image", "mask2": "mask", "boxes2": "bboxes", "depth": "volume"},
        "transforms": [
            {"__class_fullname__": "Rotate", "p": 1.0, "fill_mask": 255, "mask_interpolation": 1},
            {"__class_fullname__": "Affine", "p": 1.0, "fill_mask": 9, "rotate_method": "ellipse"},
            {"__class_fullname__": "PadIfNeeded", "p": 1.0, "min_height": 10, "min_width": 10, "fill_mask": 255},
            {"__class_fullname__": "Perspective", "p": 1.0},
        ]}}
    imported = import_albumentations(data)
    targets = imported.pipeline.targets
    assert targets.mask_fill == 255 and targets.box_method == "ellipse"
    said = {n.where: [] for n in imported.notes}
    for note in imported.notes:
        said[note.where].append(note.text)
    compose_notes = " | ".join(said["transform (Compose)"])
    for expected in ("box_format='coco'", "max_accept_ratio", "check_each_transform", "filter_invalid_bboxes",
                     "surprise", "swap the last two columns", "radians", "keypoint_ids", "masks=[...]",
                     "Pipeline.replay", "box_ids", "volume"):
        assert expected in compose_notes, expected
    assert any("mask_interpolation" in t for t in said["transform.transforms[0] (Rotate)"])
    assert any("fill_mask 9 here" in t for t in said["transform.transforms[1] (Affine)"])
    assert any("fill_mask not given" in t for t in said["transform.transforms[3] (Perspective)"])
    assert any("rotate_method not given" in t for t in said["transform.transforms[0] (Rotate)"])


def test_the_transforms_that_move_targets_are_those_of_augview_ops_with_a_motion():
    """`MOVES_TARGETS` decides whether an export has box params: it must hold exactly the classes
    albumentations moves boxes and keypoints with, for every exported op that declares a motion."""
    A = albu()
    for name, op in CATALOG.items():
        if name not in EXPORTERS:
            continue
        try:
            cls, _ = EXPORTERS[name](op.defaults(), lambda text: None)
        except Exception:  # an op whose defaults have no counterpart (sharpness below 1)
            continue
        if cls == "Sequential":
            continue
        targets = {str(t).rsplit(".", 1)[-1] for t in getattr(A, cls)._targets}
        moves = {"BBOXES", "KEYPOINTS"} <= targets
        assert (op.geometry is not None) == moves == (cls in MOVES_TARGETS), name
    assert TargetSettings() == Pipeline([]).targets


# ---------------------------------------------------------------------------------------------
# torchvision: tv_tensors, ClampBoundingBoxes and SanitizeBoundingBoxes


@pytest.fixture
def torchvision_stubs(monkeypatch):
    import torchvision_standin

    return torchvision_standin.install(monkeypatch)


def built(code: str):
    namespace: dict = {"__name__": "transforms"}
    exec(compile(code, "transforms.py", "exec"), namespace)  # TypeError on a wrong name or keyword
    return namespace["transforms"]


def flat(transform) -> list:
    """Every transform of a built (stand-in) Compose tree, depth first."""
    out = [transform]
    for child in transform.args.get("transforms", []):
        out += flat(child)
    return out


def usage_block(code: str) -> str:
    """The indented example of the generated docstring."""
    docstring = code.split('"""')[1]
    return "\n".join(line[4:] for line in docstring.splitlines() if line.startswith("    "))


def test_torchvision_detection_code_clamps_and_sanitizes_boxes(torchvision_stubs):
    from augview.interop import to_torchvision_code

    code, notes = to_torchvision_code(Pipeline.load(ROOT / "presets" / "light_detection.json"), skip_unsupported=True)
    transforms = flat(built(code))
    clamp, sanitize = transforms[-2:]
    assert isinstance(clamp, torchvision_stubs.ClampBoundingBoxes)
    assert isinstance(sanitize, torchvision_stubs.SanitizeBoundingBoxes)
    assert (sanitize.args["min_size"], sanitize.args["min_area"]) == (1.0, 16.0)
    said = [str(n) for n in notes]
    assert "targets: min_visibility 0.3 has no torchvision counterpart; left out" in said
    assert any("once, at the end" in n for n in said)
    assert "tv_tensors.BoundingBoxes(" in usage_block(code) and '"labels"' in usage_block(code)
    compile(usage_block(code), "usage.py", "exec")  # the example is Python
    assert 'target = {"boxes": tv_tensors.BoundingBoxes(box' in code.split("__main__")[1]  # the demo passes a box


def test_torchvision_segmentation_code_fills_masks_apart(torchvision_stubs):
    from augview.interop import to_torchvision_code

    tv_tensors = __import__("sys").modules["torchvision.tv_tensors"]
    pipe = Pipeline([Step("rotate", {"fill": 3}), Step("pad", {"pad_mode": "pixels", "fill": 255}),
                     Step("affine", {"fill": 0})], targets={"mask_fill": 255})
    code, notes = to_torchvision_code(pipe)
    transforms = flat(built(code))
    rotation = next(t for t in transforms if isinstance(t, torchvision_stubs.RandomRotation))
    assert rotation.args["fill"] == {tv_tensors.Image: 3, tv_tensors.Mask: 255}
    pad = next(t for t in transforms if isinstance(t, torchvision_stubs.Pad))
    assert pad.args["fill"] == 255  # the same label for both: a plain number
    assert not any(isinstance(t, torchvision_stubs.SanitizeBoundingBoxes) for t in transforms)  # no box rules
    assert "tv_tensors.Mask(label_map)" in usage_block(code)
    compile(usage_block(code), "usage.py", "exec")


def test_torchvision_code_for_images_only_stays_as_it_was(torchvision_stubs):
    from augview.interop import to_torchvision_code

    code, _ = to_torchvision_code(Pipeline.load(ROOT / "presets" / "light_classification.json"))
    assert "from torchvision import tv_tensors" not in code and "Sanitize" not in code and "Mask" not in code
    built(code)


def test_torchvision_notes_what_it_cannot_do_with_targets(torchvision_stubs):
    from augview.interop import to_torchvision_code

    pipe = Pipeline([Step("rotate"), Step("trivial_augment_wide"), Step("random_erasing", {"holes_in_mask": True})],
                    targets={"min_width": 3.0, "min_height": 5.0, "box_method": "ellipse"})
    # A learned policy would raise TypeError on the first call with boxes: not exported with targets.
    with pytest.raises(Unexportable, match="trivial_augment_wide.*learned policies refuse boxes and masks"):
        to_torchvision_code(pipe)
    code, notes = to_torchvision_code(pipe, skip_unsupported=True)
    assert "TrivialAugmentWide" not in code
    sanitize = flat(built(code))[-1]
    assert sanitize.args["min_size"] == 5.0 and "min_area=" not in code
    said = " | ".join(str(n) for n in notes)
    for expected in ("min_size is one limit for both sides, used 5", "box_method 'ellipse'",
                     "steps[1] (trivial_augment_wide): torchvision's learned policies refuse boxes",
                     "steps[2] (random_erasing): approximate: holes_in_mask"):
        assert expected in said, expected
    assert "export the preset without target settings to keep this step" in said
    # Without target settings the policy is exported as before.
    code, _ = to_torchvision_code(Pipeline([Step("trivial_augment_wide")]))
    assert "v2.TrivialAugmentWide(" in code
    # With default settings, a box-aware step is what makes the code take targets: the note says
    # so, not to drop settings the preset does not have.
    _, notes = to_torchvision_code(Pipeline([Step("random_crop_near_box"), Step("augmix")]), skip_unsupported=True)
    said = " | ".join(str(n) for n in notes)
    assert "steps that use boxes or cut holes into masks" in said and "without target settings" not in said
