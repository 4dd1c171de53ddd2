"""Pipelines written the way public training scripts write them, in every style the importer
reads: A.save's JSON/YAML of albumentations 0.x, 1.x and 2.x, and Python Compose code of each era
(as text: no old albumentations is run), with boxes, masks, keypoints and ReplayCompose. Each
imports with nothing silently dropped: every transform maps, is kept in the training tail, or is
named in a note saying why it was left out (issue 16). The examples are the project's own."""

from __future__ import annotations

import json
import os
import warnings

import pytest

from augview import PresetError
from augview.interop import import_albumentations, import_albumentations_source, open_pipeline_file, to_albumentations
from augview.interop.notes import CLAMPED, DEFAULT, KEPT, LEFT_OUT

os.environ.setdefault("NO_ALBUMENTATIONS_UPDATE", "1")


def t(cls: str, module: str = "albumentations.augmentations.transforms", **args) -> dict:
    return {"__class_fullname__": f"{module}.{cls}" if module else cls, **args}


# albumentations 0.4.6's A.save: module paths, always_apply, the old argument names
V0_CLASSIFICATION = {"__version__": "0.4.6", "transform": t(
    "Compose", "albumentations.core.composition", p=1.0, bbox_params=None, keypoint_params=None,
    additional_targets={}, transforms=[
        t("Resize", always_apply=False, p=1, height=256, width=256, interpolation=1),
        t("Flip", always_apply=False, p=0.5),
        t("ShiftScaleRotate", always_apply=False, p=0.5, shift_limit=[-0.0625, 0.0625], scale_limit=[-0.1, 0.1],
          rotate_limit=[-45, 45], interpolation=1, border_mode=4, value=None, mask_value=None),
        t("RandomBrightness", always_apply=False, p=0.5, limit=[-0.2, 0.2]),
        t("RandomContrast", always_apply=False, p=0.5, limit=[-0.2, 0.2]),
        t("OneOf", "albumentations.core.composition", p=0.3, transforms=[
            t("MotionBlur", always_apply=False, p=0.5, blur_limit=[3, 7]),
            t("MedianBlur", always_apply=False, p=0.5, blur_limit=[3, 5]),
            t("GaussianBlur", always_apply=False, p=0.5, blur_limit=[3, 7])]),
        t("IAAAdditiveGaussianNoise", "albumentations.imgaug.transforms", always_apply=False, p=0.2, loc=0,
          scale=[2.55, 12.75], per_channel=False),
        t("GaussNoise", always_apply=False, p=0.2, var_limit=[10.0, 50.0], mean=0),
        t("Cutout", always_apply=False, p=0.5, num_holes=8, max_h_size=16, max_w_size=16, fill_value=0),
        t("JpegCompression", always_apply=False, p=0.3, quality_lower=70, quality_upper=100),
        t("HueSaturationValue", always_apply=False, p=0.3, hue_shift_limit=[-20, 20], sat_shift_limit=[-30, 30],
          val_shift_limit=[-20, 20]),
        t("Normalize", always_apply=False, p=1.0, mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225],
          max_pixel_value=255.0),
        t("ToTensorV2", "albumentations.pytorch.transforms", always_apply=True, p=1.0),
    ])}

# albumentations 1.3.1's A.save of a segmentation pipeline (masks as additional targets)
V1_SEGMENTATION = {"__version__": "1.3.1", "transform": t(
    "Compose", "albumentations.core.composition", p=1.0, bbox_params=None, keypoint_params=None,
    additional_targets={"mask_roads": "mask"}, is_check_shapes=True, transforms=[
        t("PadIfNeeded", "albumentations.augmentations.geometric.transforms", always_apply=False, p=1.0,
          min_height=512, min_width=512, pad_height_divisor=None, pad_width_divisor=None, position="center",
          border_mode=0, value=0, mask_value=0),
        t("RandomCrop", "albumentations.augmentations.crops.transforms", always_apply=False, p=1.0,
          height=512, width=512),
        t("ElasticTransform", "albumentations.augmentations.geometric.transforms", always_apply=False, p=0.3,
          alpha=120, sigma=6.0, alpha_affine=3.6, interpolation=1, border_mode=4, value=None, mask_value=None,
          approximate=False, same_dxdy=False),
        t("GridDistortion", "albumentations.augmentations.geometric.transforms", always_apply=False, p=0.3,
          num_steps=5, distort_limit=[-0.3, 0.3], interpolation=1, border_mode=4, value=None, mask_value=None,
          normalized=False),
        t("OpticalDistortion", always_apply=False, p=0.3, distort_limit=[-0.5, 0.5], shift_limit=[-0.5, 0.5],
          interpolation=1, border_mode=4, value=None, mask_value=None),
        t("CoarseDropout", "albumentations.augmentations.dropout.coarse_dropout", always_apply=False, p=0.5,
          max_holes=8, max_height=32, max_width=32, min_holes=2, min_height=16, min_width=16, fill_value=0,
          mask_fill_value=None),
        t("SomeOf", "albumentations.core.composition", p=1.0, n=2, replace=False, transforms=[
            t("Solarize", always_apply=False, p=1.0, threshold=[128, 128]),
            t("ImageCompression", always_apply=False, p=1.0, quality_lower=60, quality_upper=90, compression_type=0),
            t("Downscale", always_apply=False, p=1.0, scale_min=0.5, scale_max=0.75,
              interpolation={"upscale": 1, "downscale": 3})]),
        t("GridDropout", "albumentations.augmentations.dropout.grid_dropout", always_apply=False, p=0.2, ratio=0.4,
          unit_size_min=None, unit_size_max=None, holes_number_x=8, holes_number_y=8, shift_x=0, shift_y=0,
          random_offset=False, fill_value=0, mask_fill_value=None),
        t("Lambda", "albumentations.augmentations.transforms", always_apply=False, p=1.0, name="custom"),
        t("Normalize", always_apply=False, p=1.0, mean=[0.5, 0.5, 0.5], std=[0.5, 0.5, 0.5], max_pixel_value=255.0),
    ])}

# albumentations 2.0.8's A.save of a detection pipeline: ReplayCompose, boxes and keypoints
V2_DETECTION = {"__version__": "2.0.8", "transform": {
    "__class_fullname__": "ReplayCompose", "p": 1.0, "save_key": "replay", "is_check_shapes": True,
    "bbox_params": {"format": "pascal_voc", "label_fields": ["labels"], "min_area": 16.0, "min_visibility": 0.1,
                    "min_width": 0.0, "min_height": 0.0, "check_each_transform": True, "clip": True,
                    "filter_invalid_bboxes": False, "max_accept_ratio": None},
    "keypoint_params": {"format": "xy", "label_fields": None, "remove_invisible": True, "angle_in_degrees": True,
                        "check_each_transform": True},
    "additional_targets": {}, "strict": False, "seed": None, "save_applied_params": False,
    "transforms": [
        {"__class_fullname__": "RandomResizedCrop", "p": 1.0, "size": [640, 640], "scale": [0.5, 1.0],
         "ratio": [0.75, 1.3333333333333333], "interpolation": 1, "mask_interpolation": 0, "area_for_downscale": None},
        {"__class_fullname__": "HorizontalFlip", "p": 0.5},
        {"__class_fullname__": "Affine", "p": 0.5, "scale": {"x": [0.9, 1.1], "y": [0.9, 1.1]}, "keep_ratio": True,
         "translate_percent": None, "translate_px": {"x": [-32, 32], "y": [-32, 32]}, "rotate": [-10, 10],
         "shear": {"x": [0, 0], "y": [0, 0]}, "interpolation": 1, "mask_interpolation": 0, "fit_output": False,
         "rotate_method": "largest_box", "balanced_scale": False, "border_mode": 0, "fill": 114, "fill_mask": 0},
        {"__class_fullname__": "CoarseDropout", "p": 0.5, "num_holes_range": [1, 8], "hole_height_range": [16, 64],
         "hole_width_range": [16, 64], "fill": 0, "fill_mask": None},
        {"__class_fullname__": "GaussNoise", "p": 0.3, "std_range": [0.2, 0.44], "mean_range": [0.0, 0.0],
         "per_channel": True, "noise_scale_factor": 1},
        {"__class_fullname__": "Sharpen", "p": 0.2, "alpha": [0.2, 0.5], "lightness": [1.0, 1.0], "method": "kernel",
         "kernel_size": 5, "sigma": 1.0},
        {"__class_fullname__": "Blur", "p": 0.1, "blur_limit": [3, 7]},
        {"__class_fullname__": "ToTensorV2", "p": 1.0, "transpose_mask": False},
    ]}}

V1_YAML = """\
__version__: 1.3.1
transform:
  __class_fullname__: Compose
  additional_targets: {}
  bbox_params: null
  keypoint_params:
    format: xy
    label_fields: [keypoint_labels]
    remove_invisible: true
  p: 1.0
  transforms:
  - __class_fullname__: Resize
    always_apply: false
    p: 1
    height: 384
    width: 384
    interpolation: 1
  - __class_fullname__: Rotate
    always_apply: false
    p: 0.5
    limit: [-30, 30]
    interpolation: 1
    border_mode: 0
    value: 0
    mask_value: 0
  - __class_fullname__: ColorJitter
    always_apply: false
    p: 0.5
    brightness: [0.8, 1.2]
    contrast: [0.8, 1.2]
    saturation: [0.8, 1.2]
    hue: [-0.2, 0.2]
  - __class_fullname__: OneOf
    p: 0.5
    transforms:
    - {__class_fullname__: RandomFog, always_apply: false, p: 0.5, fog_coef_lower: 0.1, fog_coef_upper: 0.3, alpha_coef: 0.08}
    - {__class_fullname__: RandomShadow, always_apply: false, p: 0.5, shadow_roi: [0, 0.5, 1, 1], num_shadows_lower: 1, num_shadows_upper: 3, shadow_dimension: 5}
    - {__class_fullname__: RandomRain, always_apply: false, p: 0.5, slant_lower: -10, slant_upper: 10, drop_length: 20, drop_width: 1, drop_color: [200, 200, 200], blur_value: 3, brightness_coefficient: 0.9, rain_type: null}
  - __class_fullname__: ToGray
    always_apply: false
    p: 0.05
"""

PY_V0 = '''
import albumentations as albu
from albumentations.pytorch import ToTensorV2

IMG = 320

def get_training_augmentation():
    train_transform = [
        albu.Resize(IMG, IMG),
        albu.Flip(p=0.5),
        albu.IAAAdditiveGaussianNoise(p=0.2),
        albu.IAAPerspective(p=0.5),
        albu.Cutout(num_holes=8, max_h_size=IMG // 20, max_w_size=IMG // 20, p=0.5),
        albu.RandomBrightness(0.2, p=0.5),
        albu.OneOf([albu.IAASharpen(p=1), albu.Blur(blur_limit=3, p=1), albu.MotionBlur(blur_limit=3, p=1)], p=0.9),
        albu.Normalize(),
        ToTensorV2(),
    ]
    return albu.Compose(train_transform, bbox_params=albu.BboxParams(format="coco", label_fields=["labels"]))
'''

PY_V1 = '''
import cv2
import albumentations as A

class CFG:
    img_size = 512

train_transform = A.Compose([
    A.RandomResizedCrop(CFG.img_size, CFG.img_size, scale=(0.6, 1.0)),
    A.HorizontalFlip(p=0.5),
    A.ShiftScaleRotate(shift_limit=0.1, scale_limit=0.15, rotate_limit=20, border_mode=cv2.BORDER_CONSTANT, value=0, p=0.5),
    A.CoarseDropout(max_holes=12, max_height=CFG.img_size // 16, max_width=CFG.img_size // 16, p=0.5),
    A.GaussNoise(var_limit=(10.0, 50.0), p=0.3),
    A.Solarize(threshold=128, p=0.1),
    A.RandomGamma(gamma_limit=(80, 120), eps=None, p=0.2),
    A.Normalize(mean=(0.485, 0.456, 0.406), std=(0.229, 0.224, 0.225), max_pixel_value=255.0, p=1.0),
], keypoint_params=A.KeypointParams(format="xy", remove_invisible=False))

valid_transform = A.Compose([A.Resize(CFG.img_size, CFG.img_size), A.Normalize()])
'''

PY_V2 = '''
import albumentations as A
from albumentations.pytorch import ToTensorV2

def build(cfg):
    return A.ReplayCompose(
        [
            A.RandomResizedCrop(size=(224, 224), scale=(0.08, 1.0)),
            A.HorizontalFlip(),
            A.SomeOf([A.ColorJitter(0.4, 0.4, 0.4, 0.1), A.ToGray(p=1.0), A.GaussianBlur(sigma_limit=(0.1, 2.0))], n=2),
            A.CoarseDropout(num_holes_range=(1, 4), hole_height_range=(0.05, 0.2), hole_width_range=(0.05, 0.2)),
            A.Resize(cfg.size, cfg.size),
            A.Normalize(),
            ToTensorV2(),
        ],
        additional_targets={"image2": "image", "depth": "mask"},
    )
'''

CORPUS_DATA = [V0_CLASSIFICATION, V1_SEGMENTATION, V2_DETECTION]


def ops(pipeline) -> list[str]:
    """Every leaf op of a pipeline, depth first."""
    out = []

    def walk(nodes):
        for node in nodes:
            if hasattr(node, "op"):
                out.append(node.op)
            else:
                walk(node.steps)
    walk(pipeline.steps)
    return out


def step(pipeline, op):
    return next(s for s in _leaves(pipeline.steps) if s.op == op)


def _leaves(nodes):
    for node in nodes:
        if hasattr(node, "op"):
            yield node
        else:
            yield from _leaves(node.steps)


def kinds(notes, kind) -> list[str]:
    return [n.where for n in notes if n.kind == kind]


def test_v0_json_classification():
    imported = import_albumentations(json.loads(json.dumps(V0_CLASSIFICATION)), "v0.json")
    pipe, notes = imported.pipeline, imported.notes
    assert ops(pipe) == ["resize", "horizontal_flip", "vertical_flip", "horizontal_flip", "vertical_flip", "affine",
                         "brightness_contrast", "brightness_contrast", "motion_blur", "median_blur", "gaussian_blur",
                         "gaussian_noise", "gaussian_noise", "coarse_dropout", "jpeg_compression",
                         "hue_saturation_value"]
    assert kinds(notes, LEFT_OUT) == []
    assert [e["transform"] for e in pipe.training_tail] == ["Normalize", "ToTensorV2"]
    assert step(pipe, "affine").params["border_mode"] == "reflect_101"
    bright, contrast = [s for s in _leaves(pipe.steps) if s.op == "brightness_contrast"]
    assert bright.params["brightness_limit"] == (-0.2, 0.2) and bright.params["contrast_limit"] == (0.0, 0.0)
    assert contrast.params["contrast_limit"] == (-0.2, 0.2) and contrast.params["brightness_limit"] == (0.0, 0.0)
    imgaug, gauss = [s for s in _leaves(pipe.steps) if s.op == "gaussian_noise"]
    assert imgaug.params["std_limit"] == pytest.approx((2.55, 12.75)) and not imgaug.params["per_channel"]
    assert gauss.params["std_limit"] == pytest.approx((10 ** 0.5, 50 ** 0.5))
    cutout = step(pipe, "coarse_dropout").params  # 16 px holes of the 256 px Resize
    assert cutout["num_holes_limit"] == (8, 8) and cutout["hole_height_limit"] == (0.0625, 0.0625)
    assert step(pipe, "jpeg_compression").params["quality_limit"] == (70, 100)


def test_v1_json_segmentation_with_masks():
    imported = import_albumentations(json.loads(json.dumps(V1_SEGMENTATION)), "v1.json")
    pipe, notes = imported.pipeline, imported.notes
    assert ops(pipe) == ["pad", "random_crop", "elastic", "grid_distortion", "optical_distortion", "coarse_dropout",
                         "solarize", "jpeg_compression", "downscale", "grid_dropout"]
    assert kinds(notes, LEFT_OUT) == ["transform.transforms[8] (Lambda)"]
    assert imported.targets == {"additional_targets": {"mask_roads": "mask"}}
    holes = step(pipe, "coarse_dropout").params  # pixels of the 512 px crop
    assert holes["num_holes_limit"] == (2, 8) and holes["hole_height_limit"] == (0.03125, 0.0625)
    assert step(pipe, "solarize").params["threshold_limit"] == (128, 128)
    assert step(pipe, "downscale").params["scale_limit"] == (0.5, 0.75)
    assert step(pipe, "downscale").params["down_interpolation"] == "area"
    assert step(pipe, "grid_dropout").params["unit_size_limit"] == (64, 64)  # 512 / 8 holes
    assert not step(pipe, "grid_distortion").params["normalized"]
    texts = [str(n) for n in notes]
    assert any("alpha_affine=3.6 ignored" in text for text in texts)
    assert any("shift_limit=[-0.5, 0.5] ignored" in text for text in texts)
    assert pipe.training_tail[0]["args"]["mean"] == [0.5, 0.5, 0.5]


def test_v2_json_detection_replay_boxes_keypoints():
    imported = import_albumentations(json.loads(json.dumps(V2_DETECTION)), "v2.json")
    pipe, notes = imported.pipeline, imported.notes
    assert ops(pipe) == ["random_resized_crop", "horizontal_flip", "affine", "coarse_dropout", "gaussian_noise",
                         "sharpness", "box_blur"]
    assert kinds(notes, CLAMPED) == []  # 2.x's defaults fit augview's ranges
    assert kinds(notes, LEFT_OUT) == []
    assert set(imported.targets) == {"bbox_params", "keypoint_params", "replay"}
    assert imported.targets["bbox_params"]["format"] == "pascal_voc"
    affine = step(pipe, "affine").params  # translate_px of the 640 px crop
    assert affine["translate_x"] == (-0.05, 0.05) and affine["fill"] == 114
    holes = step(pipe, "coarse_dropout").params
    assert holes["hole_height_limit"] == (0.025, 0.1) and holes["num_holes_limit"] == (1, 8)
    assert step(pipe, "gaussian_noise").params["std_limit"] == pytest.approx((51.0, 112.2))
    assert pipe.training_tail == [{"transform": "ToTensorV2", "args": {"p": 1.0, "transpose_mask": False}}]


def test_v1_yaml_with_keypoints(tmp_path):
    path = tmp_path / "v1.yaml"
    path.write_text(V1_YAML)
    opened = open_pipeline_file(path)
    pipe, notes = opened.pipeline, opened.notes
    assert ops(pipe) == ["resize", "rotate", "color_jitter", "random_fog", "random_shadow", "random_rain", "grayscale"]
    assert kinds(notes, LEFT_OUT) == []
    assert opened.targets["keypoint_params"]["label_fields"] == ["keypoint_labels"]
    assert step(pipe, "random_fog").params["fog_coef_limit"] == (0.1, 0.3)
    assert step(pipe, "random_shadow").params["num_shadows_limit"] == (1, 3)
    assert step(pipe, "random_rain").params["slant_limit"] == (-10.0, 10.0)
    assert step(pipe, "random_rain").params["drop_length"] == 20


def test_python_of_the_0x_era():
    imported = import_albumentations_source(PY_V0, "train.py")
    pipe, notes = imported.pipeline, imported.notes
    assert ops(pipe) == ["resize", "horizontal_flip", "vertical_flip", "horizontal_flip", "vertical_flip",
                         "gaussian_noise", "perspective", "coarse_dropout", "brightness_contrast", "sharpness",
                         "box_blur", "motion_blur"]
    assert kinds(notes, LEFT_OUT) == []
    assert step(pipe, "coarse_dropout").params["hole_height_limit"] == (0.05, 0.05)  # 16 px of 320
    assert imported.targets["bbox_params"] == {"format": "coco", "label_fields": ["labels"]}
    assert [e["transform"] for e in pipe.training_tail] == ["Normalize", "ToTensorV2"]
    assert any("written for albumentations 1.x" in str(n) for n in notes)


def test_python_of_the_1x_era_picks_the_first_pipeline():
    imported = import_albumentations_source(PY_V1, "train.py")
    pipe, notes = imported.pipeline, imported.notes
    assert ops(pipe) == ["random_resized_crop", "horizontal_flip", "affine", "coarse_dropout", "gaussian_noise",
                         "solarize", "gamma"]
    assert step(pipe, "random_resized_crop").params["height"] == 512
    assert step(pipe, "affine").params["border_mode"] == "constant"
    holes = step(pipe, "coarse_dropout").params
    assert holes["num_holes_limit"] == (12, 12) and holes["hole_width_limit"] == (0.0625, 0.0625)
    assert step(pipe, "solarize").params["threshold_limit"] == (128, 128)
    assert "keypoint_params" in imported.targets
    assert any("the others start at line(s) 19" in str(n) for n in notes)
    assert not any("eps=" in str(n) for n in notes)  # eps=None had no effect: nothing to say
    assert kinds(notes, LEFT_OUT) == []


def test_python_of_the_2x_era_with_replay_and_masks():
    imported = import_albumentations_source(PY_V2, "train.py")
    pipe, notes = imported.pipeline, imported.notes
    assert ops(pipe) == ["random_resized_crop", "horizontal_flip", "color_jitter", "grayscale", "gaussian_blur",
                         "coarse_dropout"]
    jitter = step(pipe, "color_jitter").params
    assert jitter["brightness"] == (0.6, 1.4) and jitter["hue"] == (-0.1, 0.1)
    left = [n for n in notes if n.kind == LEFT_OUT]
    assert len(left) == 1 and "cfg.size" in str(left[0]) and left[0].where.startswith("line 12")
    assert set(imported.targets) == {"additional_targets", "replay"}
    defaults = [str(n) for n in notes if n.kind == DEFAULT]
    assert defaults and all("no p; used albumentations' default" in text for text in defaults)  # read as 2.x
    assert [e["transform"] for e in pipe.training_tail] == ["Normalize", "ToTensorV2"]


def test_a_script_of_unknown_version_notes_the_defaults_that_changed():
    imported = import_albumentations_source("import albumentations as A\nt = A.Compose([A.GaussNoise(p=1), "
                                            "A.Rotate(limit=20)])\n", "t.py")
    defaults = [str(n) for n in imported.notes if n.kind == DEFAULT]
    assert any("var_limit not given: used albumentations 2.x's default std_range (0.2, 0.44); before 1.4 it was "
               "[10.0, 50.0]" in text for text in defaults)
    assert any("border_mode not given" in text for text in defaults)


def test_an_import_that_keeps_nothing_is_an_error():
    data = {"transform": {"__class_fullname__": "ReplayCompose", "transforms": [
        {"__class_fullname__": "RingingOvershoot", "p": 0.5}, {"__class_fullname__": "Lambda", "p": 1.0}]}}
    with pytest.raises(PresetError, match=r"empty\.json: 3 problems: nothing could be imported: 2 transform\(s\) "
                                          r"left out; transform\.transforms\[0\] \(RingingOvershoot\): ") as caught:
        import_albumentations(data, "empty.json")
    assert [where for where, _ in caught.value.problems[1:]] == [
        "transform.transforms[0] (RingingOvershoot)", "transform.transforms[1] (Lambda)"]
    assert all(what for _, what in caught.value.problems)  # each with its reason
    with pytest.raises(PresetError, match="has no albumentations Compose"):
        import_albumentations_source("x = 1\n", "none.py")
    # A script whose one transform cannot be read imports nothing: an error, not an empty group.
    with pytest.raises(PresetError, match="one.py") as caught:
        import_albumentations_source("import albumentations as A\nt = A.Compose([A.HorizontalFlip(p=X)])\n", "one.py")
    assert "X is not a literal the import can read" in str(caught.value)  # why, not only "nothing"


def test_an_unreadable_transform_is_left_out_and_keeps_a_one_of_s_odds_only_inside_it():
    imported = import_albumentations_source(
        "import albumentations as A\nt = A.Compose([A.HorizontalFlip(p=X), A.VerticalFlip(p=0.5), "
        "A.OneOf([A.Blur(p=Y), A.GaussNoise()])])\n", "two.py")
    steps = imported.pipeline.steps
    assert [getattr(s, "op", None) or s.kind for s in steps] == ["vertical_flip", "one_of"]
    assert [getattr(s, "op", None) or s.kind for s in steps[1].steps] == ["sequence", "gaussian_noise"]
    assert [n.where for n in imported.notes if n.kind == LEFT_OUT][:2] == [
        "line 2 (A.HorizontalFlip(p=X))", "line 2 (A.Blur(p=Y))"]


def test_the_training_tail_exports_back():
    imported = import_albumentations(json.loads(json.dumps(V0_CLASSIFICATION)), "v0.json")
    data, _ = to_albumentations(imported.pipeline, skip_unsupported=True)
    tail = data["transform"]["transforms"][-2:]
    assert [item["__class_fullname__"] for item in tail] == ["Normalize", "ToTensorV2"]
    assert tail[0]["std"] == [0.229, 0.224, 0.225]


def test_albumentations_defaults_fit_augviews_ranges():
    """Every transform the importer reads, built with albumentations' own defaults, imports
    without a clamp (issue 16: A.GaussNoise(), A.Sharpen() were clamped)."""
    A = pytest.importorskip("albumentations")
    from augview.interop.albumentations_readers import IMPORTERS

    required = {"RandomCrop": dict(height=64, width=64), "CenterCrop": dict(height=64, width=64),
                "RandomResizedCrop": dict(size=(64, 64)), "Resize": dict(height=64, width=64),
                "CropAndPad": dict(percent=-0.1, keep_size=False, sample_independently=False)}
    for name in IMPORTERS:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            transform = getattr(A, name)(**required.get(name, {}))
        data = A.to_dict(A.Compose([A.Resize(100, 100), transform]))
        imported = import_albumentations(data, f"{name}.json")
        assert kinds(imported.notes, CLAMPED) == [], name
        assert kinds(imported.notes, LEFT_OUT) == [], name


@pytest.mark.parametrize("literal", ["(10**60)**60", "1" + "0" * 400, "1e999", "-1e999 * 0", "10**300 * 10**300"])
def test_a_number_beyond_a_float_is_not_a_literal_the_import_can_read(literal):
    """(`(10**60)**60` raised OverflowError from the import: a traceback on the command line, a
    bare "OverflowError: int too large to convert to float" in the window.)"""
    imported = import_albumentations_source(
        f"import albumentations as A\nt = A.Compose([A.Rotate(limit={literal}), A.HorizontalFlip(p=0.5)])\n", "big.py")
    assert [step.op for step in imported.pipeline.steps] == ["horizontal_flip"]
    left_out = [n for n in imported.notes if n.kind == LEFT_OUT]
    assert len(left_out) == 1 and left_out[0].where.startswith("line 2 (A.Rotate(limit=")
    assert "is not a literal the import can read" in left_out[0].text
