"""augview <-> albumentations (both ways), the torchvision snippet and the augview snippet.

albumentations is an optional test dependency: the tests that load an exported file with it are
skipped without it. torchvision is never required: its snippet is compiled and built against
stubs carrying torchvision's v2 signatures, and run for real only when torchvision is installed.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import warnings
from pathlib import Path

os.environ.setdefault("NO_ALBUMENTATIONS_UPDATE", "1")  # no version check over the network

import numpy as np  # noqa: E402
import pytest  # noqa: E402

import augview  # noqa: E402
from augview import AugviewError, Group, Pipeline, PresetError, Step  # noqa: E402
from augview.interop import (  # noqa: E402
    from_albumentations, load_albumentations_file, to_albumentations, to_python_code, to_torchvision_code,
)
from augview.interop.albumentations_export import EXPORTERS  # noqa: E402

import torchvision_standin  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def photo():
    """A non-square 200x240 RGB crop: rotations and pads show their geometry."""
    image = augview.load_image(ROOT / "assets" / "astronaut.png")
    return np.ascontiguousarray(image[::2, ::2][:200, :240])


def albu():
    return pytest.importorskip("albumentations")


def load_exported(pipe: Pipeline, tmp_path: Path, **kwargs):
    """Export, write the JSON file and load it back with albumentations.load, as a user would."""
    A = albu()
    data, notes = to_albumentations(pipe, **kwargs)
    path = tmp_path / "pipeline.json"
    path.write_text(json.dumps(data))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # albumentations warns about arguments it does not take
        # ... and that its PiecewiseAffine is slow, whatever the arguments
        warnings.filterwarnings("ignore", message="This augmenter is very slow")
        transform = A.load(str(path), data_format="json")
    return transform, data, notes


def texts(notes) -> list[str]:
    """The notes as the sentences a person reads."""
    return [str(note) for note in notes]


def run_albu(transform, image):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = transform(image=image)["image"]
    return out[..., 0] if out.ndim == 3 and image.ndim == 2 else out


def assert_close(ours, theirs, border=0, tolerance=2):
    assert ours.shape == theirs.shape
    diff = np.abs(ours.astype(int) - theirs.astype(int))
    if border:
        diff = diff[border:-border, border:-border]
    assert diff.max() <= tolerance, f"max difference {diff.max()}, mean {diff.mean():.3f}"


# ---------------------------------------------------------------------------------------------
# Export: same pixels for deterministic settings

# (op, params, border to ignore for interpolation differences, also check greyscale input)
SAME_PIXELS = [
    ("horizontal_flip", {}, 0, True),
    ("vertical_flip", {}, 0, True),
    ("transpose", {}, 0, True),
    ("rotate", {"limit": (30, 30)}, 3, True),
    ("rotate", {"limit": (-90, -90), "border_mode": "reflect_101", "interpolation": "nearest"}, 3, True),
    ("affine", {"scale": (1.2, 1.2), "translate_x": (0.1, 0.1), "translate_y": (-0.05, -0.05),
                "rotate": (20, 20)}, 3, True),
    ("affine", {"rotate": (0, 0), "scale": (1, 1), "translate_x": (0, 0), "translate_y": (0, 0),
                "shear_x": (15, 15)}, 3, False),
    ("affine", {"rotate": (0, 0), "scale": (1, 1), "translate_x": (0, 0), "translate_y": (0, 0),
                "shear_y": (-10, -10)}, 3, False),
    ("perspective", {"scale": (0, 0)}, 3, False),
    ("elastic", {"alpha": 0.0}, 3, False),
    ("center_crop", {"height": 100, "width": 120}, 0, True),
    ("random_crop", {"height": 200, "width": 240}, 0, False),
    ("random_resized_crop", {"scale": (1, 1), "ratio": (1.2, 1.2), "height": 100, "width": 90}, 0, True),
    ("resize", {"height": 100, "width": 333}, 0, True),
    ("resize", {"height": 100, "width": 120, "interpolation": "area"}, 0, False),
    ("random_scale", {"scale_x": (1.5, 1.5)}, 0, True),
    ("pad", {"min_height": 301, "min_width": 250}, 0, True),
    ("pad", {"min_height": 301, "min_width": 250, "position": "top_left", "border_mode": "reflect"}, 0, False),
    ("pad", {"pad_mode": "pixels", "pixels": 7, "border_mode": "wrap"}, 0, True),
    ("pad", {"pad_mode": "pixels", "pixels": 7, "position": "top_left", "fill": 9}, 0, False),
    ("pad", {"pad_mode": "multiple_of", "divisor": 64, "border_mode": "replicate"}, 0, True),
    ("brightness_contrast", {"brightness_limit": (0.1, 0.1), "contrast_limit": (0.3, 0.3),
                             "contrast_pivot": "zero"}, 0, True),
    # the mean pivot goes through ColorJitter's contrast: exact while nothing clips in between
    ("brightness_contrast", {"brightness_limit": (0.15, 0.15), "contrast_limit": (-0.3, -0.3)}, 0, True),
    ("color_jitter", {"brightness": (1.3, 1.3), "contrast": (1, 1), "saturation": (1, 1), "hue": (0, 0)}, 0, True),
    ("color_jitter", {"brightness": (1, 1), "contrast": (0.7, 0.7), "saturation": (1, 1), "hue": (0, 0)}, 0, True),
    ("color_jitter", {"brightness": (1, 1), "contrast": (1, 1), "saturation": (1.5, 1.5), "hue": (0, 0)}, 0, False),
    ("hue_saturation_value", {"hue_shift_limit": (10, 10), "sat_shift_limit": (20, 20),
                              "val_shift_limit": (-15, -15)}, 0, True),
    ("rgb_shift", {"r_shift_limit": (10, 10), "g_shift_limit": (-20, -20), "b_shift_limit": (5, 5)}, 0, False),
    ("grayscale", {}, 0, True),
    ("gamma", {"gamma_limit": (1.5, 1.5)}, 0, True),
    ("equalize", {"mode": "cv"}, 0, True),
    ("equalize", {"mode": "cv", "by_channels": False}, 0, False),
    ("clahe", {"clip_limit": (2, 2), "tile_grid_size": 4}, 0, True),
    ("autocontrast", {"cutoff": 2.0}, 0, True),
    ("posterize", {"num_bits": (3, 3)}, 0, True),
    ("solarize", {"threshold_limit": (100, 100)}, 0, True),
    ("invert", {}, 0, True),
    ("sharpness", {"factor_limit": (2, 2)}, 1, True),  # PIL leaves the 1-pixel border unfiltered
    ("gaussian_noise", {"std_limit": (0, 0), "mean": 10}, 0, True),
    # albumentations truncates the products, augview rounds them: within 1 level
    ("multiplicative_noise", {"multiplier_limit": (1.3, 1.3), "elementwise": False}, 0, True),
    ("multiplicative_noise", {"multiplier_limit": (0.6, 0.6), "per_channel": True}, 0, True),
    ("downscale", {"scale_limit": (0.5, 0.5)}, 0, True),
    ("downscale", {"scale_limit": (0.3, 0.3), "down_interpolation": "area", "up_interpolation": "linear"}, 0, False),
    ("gaussian_blur", {"sigma_limit": (1.5, 1.5)}, 0, True),
    ("median_blur", {"ksize_limit": (5, 5)}, 0, True),
    ("motion_blur", {"kernel_limit": (7, 7), "angle_limit": (0, 0), "direction_limit": (0, 0)}, 0, True),
    # one-sided streak straight up: checks that the angle is mirrored into albumentations' clockwise one
    ("motion_blur", {"kernel_limit": (9, 9), "angle_limit": (90, 90), "direction_limit": (1, 1)}, 0, False),
]


@pytest.mark.parametrize("name, params, border, gray", SAME_PIXELS,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(SAME_PIXELS)])
def test_exported_step_gives_the_same_pixels(name, params, border, gray, photo, tmp_path):
    pipe = Pipeline([Step(name, params)])
    transform, _, _ = load_exported(pipe, tmp_path)
    images = [photo, np.ascontiguousarray(photo[..., 1])] if gray else [photo]
    for image in images:
        assert_close(pipe(image, seed=0), run_albu(transform, image), border)


def test_exported_pipeline_gives_the_same_pixels(photo, tmp_path):
    pipe = Pipeline([
        # quantising steps first: a rounding difference of one level before them would become 8
        Group("sequence", [Step("posterize", {"num_bits": (5, 5)}), Step("grayscale")]),
        Step("horizontal_flip"),
        Step("rotate", {"limit": (30, 30), "border_mode": "constant", "fill": 0}),
        Step("brightness_contrast", {"brightness_limit": (0.1, 0.1), "contrast_limit": (-0.2, -0.2),
                                     "contrast_pivot": "zero"}),
        Step("center_crop", {"height": 150, "width": 150}),
    ])
    transform, data, notes = load_exported(pipe, tmp_path)
    assert texts(notes) == []
    assert [t["__class_fullname__"] for t in data["transform"]["transforms"]] == [
        "Sequential", "HorizontalFlip", "Rotate", "RandomBrightnessContrast", "CenterCrop"]
    assert_close(pipe(photo, seed=0), run_albu(transform, photo), border=3)


# ---------------------------------------------------------------------------------------------
# Export: random ops keep their ranges and probabilities


def test_every_exported_op_loads_and_keeps_its_values(tmp_path):
    """albumentations accepts every exported transform without a warning and keeps every value
    as written (it would silently round an even blur size up, for instance)."""
    A = albu()
    # (ops that choose by the boxes need boxes to run: tested with targets elsewhere)
    steps = [Step(name, {}, p=0.7) for name in augview.CATALOG if name in EXPORTERS and not augview.CATALOG[name].uses_boxes]
    steps.append(Step("motion_blur", {"kernel_limit": (4, 10)}))  # even ends: only odd sizes are drawn
    steps.append(Step("sharpness", {"factor_limit": (1.0, 3.0)}))
    pipe = Pipeline(steps)
    transform, data, _ = load_exported(pipe, tmp_path, skip_unsupported=True)
    photo = augview.load_image(ROOT / "assets" / "astronaut.png")  # 512x512: default crops fit
    ours = data["transform"]["transforms"]
    theirs = A.to_dict(transform)["transform"]["transforms"]

    def plain(value):
        return json.loads(json.dumps(value))

    for mine, loaded in zip(ours, plain(theirs)):
        for key, value in mine.items():
            assert plain(value) == loaded[key], (mine["__class_fullname__"], key)
    run_albu(transform, photo)  # and the whole pipeline runs


def exported(pipe: Pipeline) -> list[dict]:
    return to_albumentations(pipe)[0]["transform"]["transforms"]


def test_ranges_and_units_of_random_ops():
    pipe = Pipeline([
        Step("rotate", {"limit": (-10, 25), "interpolation": "cubic", "border_mode": "reflect", "fill": 7}, p=0.3),
        Step("gamma", {"gamma_limit": (0.7, 1.4)}),
        Step("solarize", {"threshold_limit": (64, 192)}),
        Step("gaussian_noise", {"std_limit": (10, 25.5), "mean": 5.1, "per_channel": False}),
        Step("random_scale", {"scale_x": (0.8, 1.25)}),
        Step("motion_blur", {"kernel_limit": (3, 9), "angle_limit": (10, 100), "direction_limit": (-0.5, 1)}),
        Step("random_erasing", {"scale_limit": (0.1, 0.2), "ratio_limit": (0.5, 4.0), "fill_mode": "random"}),
        Step("sharpness", {"factor_limit": (1.0, 2.3)}),
        Step("clahe", {"clip_limit": (2, 3), "tile_grid_size": 6}),
    ])
    rotate, gamma, solarize, noise, scale, motion, erasing, sharpen, clahe = exported(pipe)
    assert rotate == {"__class_fullname__": "Rotate", "p": 0.3, "limit": [-10.0, 25.0], "rotate_method": "largest_box",
                      "crop_border": False, "interpolation": 2, "border_mode": 2, "fill": 7.0, "fill_mask": 0}
    assert gamma["gamma_limit"] == pytest.approx([70, 140])
    assert solarize["threshold_range"] == pytest.approx([64 / 255, 192 / 255])
    assert noise["std_range"] == pytest.approx([10 / 255, 0.1]) and noise["mean_range"] == pytest.approx([0.02, 0.02])
    assert noise["per_channel"] is False
    assert scale["scale_limit"] == pytest.approx([-0.2, 0.25])
    assert motion["blur_limit"] == [3, 9] and motion["angle_range"] == [260.0, 350.0]  # clockwise there
    assert motion["direction_range"] == [-0.5, 1.0] and motion["allow_shifted"] is False
    assert erasing["ratio"] == pytest.approx([0.25, 2.0]) and erasing["fill"] == "random"  # width / height there
    assert sharpen["alpha"] == pytest.approx([0.0, 0.1]) and sharpen["lightness"] == [1.0, 1.0]
    assert clahe["clip_limit"] == [2.0, 3.0] and clahe["tile_grid_size"] == [6, 6]


def test_signal_dependent_noise_exports():
    pipe = Pipeline([
        Step("multiplicative_noise", {"multiplier_limit": (0.5, 1.5), "per_channel": True}),
        Step("shot_noise", {"scale_limit": (0.05, 0.2)}, p=0.5),
        Step("shot_noise", {"linear_light": False}),
    ])
    (multiplicative, shot, display), notes = exported(pipe), to_albumentations(pipe)[1]
    assert multiplicative == {"__class_fullname__": "MultiplicativeNoise", "p": 1.0, "multiplier": [0.5, 1.5],
                              "per_channel": True, "elementwise": True}
    assert shot == {"__class_fullname__": "ShotNoise", "p": 0.5, "scale_range": [0.05, 0.2]}
    assert display["scale_range"] == [0.1, 0.3]
    assert texts(notes) == ["steps[2] (shot_noise): approximate: linear_light off: ShotNoise counts the photons in "
                     "linear light (gamma 2.2), which gives the shadows more noise and the highlights less"]
    # albumentations' own defaults on import: one factor for the whole image
    back, notes = from_albumentations({"transform": {"__class_fullname__": "Compose", "transforms": [
        {"__class_fullname__": "MultiplicativeNoise", "p": 1.0},
        {"__class_fullname__": "ShotNoise", "p": 1.0, "scale_range": [0.0, 3.0]}]}})
    assert back.steps[0].params == {"multiplier_limit": (0.9, 1.1), "per_channel": False, "elementwise": False}
    assert back.steps[1].params == {"scale_limit": (0.001, 1.0), "linear_light": True}
    assert [note.split(": ")[1] for note in texts(notes)] == ["shot_noise.scale_limit [0, 3] is outside augview's range "
                                                       "0.001..1; clamped to [0.001, 1]"]


def test_symmetry_lens_dropout_and_iso_noise_exports():
    pipe = Pipeline([
        Step("random_rotate90", p=0.5), Step("transpose"),
        Step("optical_distortion", {"distort_limit": (-0.1, 0.3), "mode": "fisheye", "border_mode": "wrap", "fill": 4}),
        Step("channel_dropout", {"channels_limit": (1, 2), "fill": 255}),
        Step("iso_noise", {"color_shift_limit": (0.02, 0.1), "intensity_limit": (0.2, 0.7)}),
    ])
    (turns, transpose, lens, dropout, iso), notes = exported(pipe), to_albumentations(pipe)[1]
    assert turns == {"__class_fullname__": "RandomRotate90", "p": 0.5}
    assert transpose == {"__class_fullname__": "Transpose", "p": 1.0}
    assert lens == {"__class_fullname__": "OpticalDistortion", "p": 1.0, "distort_limit": [-0.1, 0.3],
                    "mode": "fisheye", "interpolation": 1, "border_mode": 3, "fill": 4.0, "fill_mask": 0}
    assert dropout == {"__class_fullname__": "ChannelDropout", "p": 1.0, "channel_drop_range": [1, 2], "fill": 255.0}
    assert iso == {"__class_fullname__": "ISONoise", "p": 1.0, "color_shift": [0.02, 0.1], "intensity": [0.2, 0.7]}
    assert texts(notes) == ["steps[4] (iso_noise): approximate: albumentations 2.x's ISONoise departs from its "
                     "documentation, which augview follows: its hue noise is 360 times weaker and its lightness "
                     "noise gives rare strong specks instead of a fine grain"]
    back, notes = from_albumentations(to_albumentations(pipe)[0])
    assert back.steps == pipe.steps and texts(notes) == []
    # only the full range of quarter turns is RandomRotate90
    with pytest.raises(AugviewError, match=r"steps\[0\] \(random_rotate90\): only the full range"):
        to_albumentations(Pipeline([Step("random_rotate90", {"turns_limit": (1, 1)})]))
    # albumentations' own defaults on import
    back, notes = from_albumentations({"transform": {"__class_fullname__": "Compose", "transforms": [
        {"__class_fullname__": name, "p": 1.0} for name in ("OpticalDistortion", "ChannelDropout", "ISONoise")]}})
    assert [step.params for step in back.steps] == [
        {"distort_limit": (-0.05, 0.05), "mode": "camera", "interpolation": "linear", "border_mode": "constant",
         "fill": 0},
        {"channels_limit": (1, 1), "fill": 0},
        {"color_shift_limit": (0.01, 0.05), "intensity_limit": (0.1, 0.5)}]
    assert texts(notes) == []


def test_quarter_turns_and_channel_dropout_export_to_the_same_outcomes(photo, tmp_path):
    """Both draw from a handful of outcomes: every albumentations output is one augview makes."""
    for name, params, outcomes in [
        ("random_rotate90", {}, [{"turns": k} for k in range(4)]),
        ("channel_dropout", {"channels_limit": (1, 2), "fill": 200},
         [{"channels": c, "fill": 200} for c in ([0], [1], [2], [0, 1], [0, 2], [1, 2])]),
    ]:
        transform, _, _ = load_exported(Pipeline([Step(name, params)]), tmp_path)
        ours = [augview.get_op(name).apply(photo, drawn) for drawn in outcomes]
        seen = set()
        for seed in range(24):
            transform.set_random_seed(seed)
            theirs = run_albu(transform, photo)
            (index,) = [i for i, mine in enumerate(ours) if mine.shape == theirs.shape and np.array_equal(mine, theirs)]
            seen.add(index)
        assert len(seen) >= len(ours) - 1


def test_torchvision_has_no_symmetry_lens_dropout_or_iso_noise(torchvision_stubs):
    names = ["random_rotate90", "transpose", "optical_distortion", "channel_dropout", "iso_noise"]
    code, notes = to_torchvision_code(Pipeline([Step(name) for name in names]), skip_unsupported=True)
    assert texts(notes) == [f"steps[{i}] ({name}): no torchvision counterpart; left out" for i, name in enumerate(names)]
    exec(compile(code, "transforms.py", "exec"), {"__name__": "transforms"})


def test_weather_exports():
    pipe = Pipeline([
        Step("random_shadow", {"roi_x": (0.2, 0.7), "num_shadows_limit": (1, 3), "shadow_dimension": 4,
                               "shadow_intensity_limit": (0.4, 0.9)}, p=0.5),
        Step("random_fog", {"fog_coef_limit": (0.1, 0.4), "alpha_coef": 0.2}),
        Step("random_rain", {"slant_limit": (-15, -5), "drop_color": 230, "rain_type": "torrential"}),
        Step("random_rain", {"drop_length": 40, "brightness_coefficient": 1.0}),
        Step("random_sun_flare", {"roi_y": (0.1, 0.4), "angle_limit": (90, 180), "num_circles_limit": (2, 4),
                                  "src_radius": 120, "color_blue": 128}),
    ])
    (shadow, fog, rain, long_rain, flare), notes = exported(pipe), to_albumentations(pipe)[1]
    assert shadow == {"__class_fullname__": "RandomShadow", "p": 0.5, "shadow_roi": [0.2, 0.5, 0.7, 1.0],
                      "num_shadows_limit": [1, 3], "shadow_dimension": 4, "shadow_intensity_range": [0.4, 0.9]}
    assert fog == {"__class_fullname__": "RandomFog", "p": 1.0, "fog_coef_range": [0.1, 0.4], "alpha_coef": 0.2}
    assert rain == {"__class_fullname__": "RandomRain", "p": 1.0, "slant_range": [-15.0, -5.0], "drop_length": None,
                    "drop_width": 1, "drop_color": [230, 230, 230], "blur_value": 7,
                    "brightness_coefficient": 0.7, "rain_type": "torrential"}
    assert long_rain["drop_length"] == 40 and long_rain["brightness_coefficient"] == 1.0
    assert flare == {"__class_fullname__": "RandomSunFlare", "p": 1.0, "flare_roi": [0.0, 0.1, 1.0, 0.4],
                     "angle_range": [0.25, 0.5], "num_flare_circles_range": [2, 4], "src_radius": 120,
                     "src_color": [255, 255, 128], "method": "overlay"}
    assert [note.split(": ", 1)[0] for note in texts(notes)] == ["steps[2] (random_rain)", "steps[3] (random_rain)"]
    assert "slant in pixels" in texts(notes)[0]
    back, notes = from_albumentations(to_albumentations(pipe)[0])
    assert back.steps == pipe.steps and texts(notes) == []
    # albumentations wants a flare region with some width and height
    with pytest.raises(AugviewError, match=r"steps\[0\] \(random_sun_flare\): a flare region without width"):
        to_albumentations(Pipeline([Step("random_sun_flare", {"roi_x": (0.5, 0.5)})]))


def test_weather_imports_albumentations_defaults_and_notes_what_differs():
    back, notes = from_albumentations({"transform": {"__class_fullname__": "Compose", "transforms": [
        {"__class_fullname__": name, "p": 1.0}
        for name in ("RandomShadow", "RandomFog", "RandomRain", "RandomSunFlare")]}})
    assert [step.params for step in back.steps] == [
        {"roi_x": (0.0, 1.0), "roi_y": (0.5, 1.0), "num_shadows_limit": (1, 2), "shadow_dimension": 5,
         "shadow_intensity_limit": (0.5, 0.5)},
        {"fog_coef_limit": (0.3, 1.0), "alpha_coef": 0.08},
        {"slant_limit": (-10.0, 10.0), "drop_length": 0, "drop_width": 1, "drop_color": 200, "blur_value": 7,
         "brightness_coefficient": 0.7, "rain_type": "default"},
        {"roi_x": (0.0, 1.0), "roi_y": (0.0, 0.5), "angle_limit": (0.0, 360.0), "num_circles_limit": (6, 10),
         "src_radius": 400, "color_red": 255, "color_green": 255, "color_blue": 255}]
    assert [step.params == augview.get_op(step.op).defaults() for step in back.steps] == [True] * 4
    assert texts(notes) == []
    back, notes = from_albumentations({"transform": {"__class_fullname__": "Compose", "transforms": [
        {"__class_fullname__": "RandomRain", "p": 1.0, "drop_color": [100, 150, 250], "slant_range": [-60, 20]},
        {"__class_fullname__": "RandomSunFlare", "p": 1.0, "method": "physics_based", "src_color": [255, 200, 0],
         "flare_roi": [0.1, 0.2, 0.6, 0.3], "src_radius": 5},
    ]}})
    rain, flare = back.steps
    assert rain.params["drop_color"] == 146 and rain.params["slant_limit"] == (-45.0, 20.0)
    assert flare.params["roi_x"] == (0.1, 0.6) and flare.params["roi_y"] == (0.2, 0.3)
    assert (flare.params["color_red"], flare.params["color_green"], flare.params["color_blue"]) == (255, 200, 0)
    assert flare.params["src_radius"] == 10
    assert texts(notes) == [
        "transform.transforms[0] (RandomRain): drop_color [100, 150, 250]: augview's drops are grey, used grey "
        "level 146",
        "transform.transforms[0] (RandomRain): random_rain.slant_limit [-60, 20] is outside augview's range -45..45; "
        "clamped to [-45, 20]",
        "transform.transforms[1] (RandomSunFlare): method 'physics_based' (diffraction spikes, chromatic "
        "aberration): augview draws the 'overlay' flare",
        "transform.transforms[1] (RandomSunFlare): random_sun_flare.src_radius 5 is outside augview's range "
        "10..2000; clamped to 10",
    ]


def test_weather_exports_run_in_albumentations(photo, tmp_path):
    """albumentations runs every exported weather transform on the photo and, like augview, changes it."""
    names = ["random_shadow", "random_fog", "random_rain", "random_sun_flare"]
    transform, _, _ = load_exported(Pipeline([Step(name) for name in names]), tmp_path)
    for name, child in zip(names, transform.transforms):
        theirs = run_albu(child, photo)
        ours = augview.get_op(name).run(photo, np.random.default_rng(0))[0]
        assert theirs.shape == ours.shape == photo.shape
        assert not np.array_equal(theirs, photo) and not np.array_equal(ours, photo)


def test_torchvision_has_no_weather(torchvision_stubs):
    names = ["random_shadow", "random_fog", "random_rain", "random_sun_flare"]
    code, notes = to_torchvision_code(Pipeline([Step(name) for name in names]), skip_unsupported=True)
    assert texts(notes) == [f"steps[{i}] ({name}): no torchvision counterpart; left out" for i, name in enumerate(names)]
    exec(compile(code, "transforms.py", "exec"), {"__name__": "transforms"})


def test_groups_map_to_compositions_with_the_same_odds():
    pipe = Pipeline([
        Group("one_of", [Step("horizontal_flip", p=0.5), Step("vertical_flip")], p=0.8, weights=[3, 1]),
        Group("some_of", [Step("invert"), Step("grayscale"), Step("equalize")], n=(1, 2), p=0.9),
        Group("some_of", [Step("invert"), Step("grayscale")], n=(1, 5)),
        Group("random_order", [Step("invert"), Step("grayscale", p=0.4)], p=0.5),
        Group("sequence", [Step("invert")], p=0.25),
    ])
    one_of, some_of, capped, random_order, sequence = exported(pipe)
    assert one_of["__class_fullname__"] == "OneOf" and one_of["p"] == 0.8
    # albumentations forces the chosen child: the child's own p moves inside a Sequential
    first, second = one_of["transforms"]
    assert first["__class_fullname__"] == "Sequential" and first["p"] == 1.0
    assert first["transforms"][0] == {"__class_fullname__": "HorizontalFlip", "p": 0.5}
    assert second == {"__class_fullname__": "VerticalFlip", "p": pytest.approx(1 / 3)}
    # a count range: one SomeOf per count, equally likely (inside a Sequential: SomeOf would
    # otherwise roll the weight as its own p)
    assert some_of["__class_fullname__"] == "OneOf" and some_of["p"] == 0.9
    assert [(s["__class_fullname__"], s["p"]) for s in some_of["transforms"]] == [("Sequential", 1.0)] * 2
    assert [(s["transforms"][0]["__class_fullname__"], s["transforms"][0]["n"], s["transforms"][0]["p"])
            for s in some_of["transforms"]] == [("SomeOf", 1, 1.0), ("SomeOf", 2, 1.0)]
    # counts above the number of children are capped, as augview does: 2 comes 4 times as often as 1
    assert [(s["transforms"][0]["n"], s["p"]) for s in capped["transforms"]] == [(1, 0.25), (2, 1.0)]
    assert random_order["__class_fullname__"] == "RandomOrder" and random_order["n"] == 2
    assert random_order["replace"] is False and random_order["p"] == 0.5
    assert sequence == {"__class_fullname__": "Sequential", "p": 0.25,
                        "transforms": [{"__class_fullname__": "InvertImg", "p": 1.0}]}


def outcome_frequencies(run, image: np.ndarray, candidates: dict, trials: int) -> dict:
    counts = dict.fromkeys(candidates, 0)
    for i in range(trials):
        out = run(i)
        name = next(k for k, v in candidates.items() if np.array_equal(out, v))
        counts[name] += 1
    return {k: v / trials for k, v in counts.items()}


def test_group_odds_match_when_run(tmp_path):
    """Run both libraries many times on a 2x2 image where every combination of flips and invert
    gives a different result, and compare how often each comes out."""
    image = np.array([[0, 1], [2, 3]], np.uint8)
    flips = {"H": image[:, ::-1], "V": image[::-1], "I": 255 - image}
    outcomes = {"": image, **flips, "HV": image[::-1, ::-1], "HI": 255 - image[:, ::-1],
                "VI": 255 - image[::-1], "HVI": 255 - image[::-1, ::-1]}
    hflip, vflip, invert = Step("horizontal_flip", p=0.5), Step("vertical_flip"), Step("invert")
    cases = [  # (pipeline, the odds of each outcome, worked out by hand)
        (Pipeline([Group("one_of", [hflip, vflip], p=0.8, weights=[3, 1])]), {"H": 0.3, "V": 0.2, "": 0.5}),
        (Pipeline([Group("some_of", [Step("horizontal_flip"), vflip, invert], n=(1, 2))]),
         dict.fromkeys(["H", "V", "I", "HV", "HI", "VI"], 1 / 6)),
        # counts 1..4 capped at 2 children: one child a quarter of the time, both otherwise
        (Pipeline([Group("some_of", [Step("horizontal_flip"), invert], n=(1, 4))]),
         {"H": 1 / 8, "I": 1 / 8, "HI": 3 / 4}),
        # groups chosen by a one_of keep their own odds
        (Pipeline([Group("one_of", [
            Group("some_of", [Step("horizontal_flip"), vflip], n=(1, 1), p=0.5),
            Group("random_order", [invert, vflip]),
            Group("sequence", [hflip, invert], p=0.7)])]),
         {"": 1 / 6 + 0.1, "H": 1 / 12, "V": 1 / 12, "VI": 1 / 3, "HI": 0.35 / 3, "I": 0.35 / 3}),
    ]
    trials = 3000
    for pipe, odds in cases:
        transform, _, _ = load_exported(pipe, tmp_path)
        transform.set_random_seed(0)
        theirs = outcome_frequencies(lambda i: run_albu(transform, image), image, outcomes, trials)
        ours = outcome_frequencies(lambda i: pipe(image, seed=i), image, outcomes, trials)
        for name in outcomes:  # binomial sd <= 0.0092 at 3000 trials: 0.035 is about 4 sd
            assert theirs[name] == pytest.approx(odds.get(name, 0.0), abs=0.035), (name, theirs)
            assert ours[name] == pytest.approx(odds.get(name, 0.0), abs=0.035), (name, ours)


# ---------------------------------------------------------------------------------------------
# Export: ops without a counterpart


def test_unsupported_ops_are_listed_in_one_error():
    pipe = Pipeline([
        Step("horizontal_flip"),
        Step("rand_augment"),
        Group("one_of", [Step("sharpness", {"factor_limit": (0.5, 2.0)}), Step("invert")]),
        Step("random_scale", {"keep_aspect": False}),
    ])
    with pytest.raises(AugviewError) as error:
        to_albumentations(pipe)
    message = str(error.value)
    assert message.startswith("3 step(s) have no albumentations counterpart")
    for where in ("steps[1] (rand_augment)", "steps[2].steps[0] (sharpness)", "steps[3] (random_scale)"):
        assert where in message
    assert message.endswith("; skip_unsupported=True leaves them out")
    assert [note.where for note in error.value.left_out] == [
        "steps[1] (rand_augment)", "steps[2].steps[0] (sharpness)", "steps[3] (random_scale)"]


def test_skip_unsupported_leaves_them_out_and_reports_them(tmp_path):
    pipe = Pipeline([
        Step("augmix"),
        Group("one_of", [Step("random_scale", {"keep_aspect": False}), Step("invert")]),
        Step("vertical_flip", enabled=False),
    ])
    data, notes = to_albumentations(pipe, skip_unsupported=True)
    assert texts(notes)[0].startswith("steps[0] (augmix)") and texts(notes)[0].endswith("left out")
    assert texts(notes)[1].startswith("steps[1].steps[0] (random_scale)")
    assert "steps[2] (vertical_flip): disabled" in texts(notes)[2]
    (one_of,) = data["transform"]["transforms"]
    # the left-out child keeps its slot, so invert still fires half of the time
    assert [t["__class_fullname__"] for t in one_of["transforms"]] == ["Sequential", "InvertImg"]
    assert one_of["transforms"][0]["transforms"] == []


def test_approximations_are_noted():
    pipe = Pipeline([Step("brightness_contrast"), Step("solarize", {"threshold_limit": (200, 256)})])
    _, notes = to_albumentations(pipe)
    assert len(texts(notes)) == 2
    assert texts(notes)[0].startswith("steps[0] (brightness_contrast): approximate: contrast pivot 'mean'")
    assert texts(notes)[1].startswith("steps[1] (solarize): approximate")


def test_motion_blur_export_notes_what_differs_and_only_that():
    _, notes = to_albumentations(Pipeline([Step("motion_blur", {"angle_limit": (90, 90)})]))
    assert texts(notes) == []  # an upright streak: the same kernel
    _, notes = to_albumentations(Pipeline([Step("motion_blur")]))
    assert texts(notes) == [MOTION_NOTE.replace("steps[44]", "steps[0]")]
    _, notes = to_albumentations(Pipeline([Step("motion_blur", {"antialias": True})]))
    assert texts(notes) == ["steps[0] (motion_blur): approximate: antialias: albumentations draws the streak "
                            "one pixel thick, a staircase at slanted angles"]


# ---------------------------------------------------------------------------------------------
# Import


ROUND_TRIP = Pipeline([
    Step("horizontal_flip", p=0.5),
    Step("random_rotate90", p=0.75),
    Step("transpose", p=0.5),
    Step("rotate", {"limit": (-20, 35), "interpolation": "cubic", "border_mode": "reflect_101", "fill": 3}, p=0.7),
    Step("affine", {"scale": (0.8, 1.3), "translate_x": (-0.1, 0.2), "rotate": (-5, 5), "shear_x": (-10, 10)}),
    Step("perspective", {"scale": (0.02, 0.08), "keep_size": False}),
    Step("elastic", {"alpha": 50.0, "sigma": 5.0}),
    Step("grid_distortion", {"num_steps": 7, "distort_limit": (-0.2, 0.4), "normalized": False}),
    Step("optical_distortion", {"distort_limit": (-0.1, 0.2), "mode": "fisheye", "interpolation": "cubic",
                                "border_mode": "reflect_101"}),
    Step("random_resized_crop", {"height": 128, "width": 96, "scale": (0.3, 1.0), "interpolation": "area"}),
    Step("center_crop", {"height": 100, "width": 120}),
    Step("random_crop", {"height": 64, "width": 64}),
    Step("resize", {"height": 64, "width": 80, "interpolation": "nearest"}),
    Step("random_scale", {"scale_x": (0.5, 2.0), "scale_y": (0.5, 2.0)}),
    Step("pad", {"pad_mode": "multiple_of", "divisor": 16, "position": "random"}),
    Step("pad", {"pad_mode": "pixels", "pixels": 4, "position": "top_left", "border_mode": "reflect"}),
    Step("brightness_contrast", {"brightness_limit": (-0.1, 0.3), "contrast_pivot": "zero"}),
    Step("color_jitter", {"brightness": (0.5, 1.5), "hue": (-0.2, 0.1)}),
    Step("hue_saturation_value", {"hue_shift_limit": (-5, 15)}),
    Step("rgb_shift", {"r_shift_limit": (-50, 0)}),
    Step("channel_shuffle"), Step("channel_dropout", {"channels_limit": (1, 2), "fill": 30}, p=0.2),
    Step("grayscale", p=0.1),
    Step("gamma", {"gamma_limit": (0.5, 2.0)}),
    Step("equalize", {"mode": "pil", "by_channels": False}),
    Step("clahe", {"clip_limit": (1.5, 6.0), "tile_grid_size": 4}),
    Step("autocontrast", {"cutoff": 1.5}),
    Step("posterize", {"num_bits": (2, 6)}),
    Step("solarize", {"threshold_limit": (100, 200)}),
    Step("invert", p=0.05),
    Step("sharpness", {"factor_limit": (1.0, 3.5)}),
    Step("random_shadow", {"roi_x": (0.1, 0.9), "roi_y": (0.4, 1.0), "num_shadows_limit": (2, 4),
                           "shadow_dimension": 7, "shadow_intensity_limit": (0.3, 0.7)}, p=0.5),
    Step("random_fog", {"fog_coef_limit": (0.2, 0.6), "alpha_coef": 0.12}),
    Step("random_rain", {"slant_limit": (-20, 5), "drop_length": 25, "drop_width": 2, "drop_color": 180,
                         "blur_value": 5, "brightness_coefficient": 0.8, "rain_type": "heavy"}),
    Step("random_sun_flare", {"roi_x": (0.2, 0.8), "roi_y": (0.0, 0.3), "angle_limit": (45, 135),
                              "num_circles_limit": (3, 12), "src_radius": 250, "color_green": 220,
                              "color_blue": 180}, p=0.3),
    Step("gaussian_noise", {"std_limit": (3, 30), "mean": -4.5, "per_channel": False}),
    Step("salt_and_pepper", {"amount_limit": (0.0, 0.1)}),
    Step("multiplicative_noise", {"multiplier_limit": (0.7, 1.4), "per_channel": True}),
    Step("multiplicative_noise", {"elementwise": False}, p=0.4),
    Step("shot_noise", {"scale_limit": (0.01, 0.5)}),
    Step("iso_noise", {"color_shift_limit": (0.0, 0.2), "intensity_limit": (0.05, 0.8)}, p=0.3),
    Step("jpeg_compression", {"quality_limit": (20, 80)}),
    Step("downscale", {"scale_limit": (0.1, 0.9), "down_interpolation": "area", "up_interpolation": "cubic"}),
    Step("gaussian_blur", {"sigma_limit": (0.0, 4.0)}),
    Step("motion_blur", {"kernel_limit": (5, 15), "angle_limit": (30, 60), "direction_limit": (0.0, 0.5)}),
    Step("median_blur", {"ksize_limit": (3, 9)}),
    Step("coarse_dropout", {"num_holes_limit": (2, 20), "fill_mode": "random"}),
    Step("random_erasing", {"scale_limit": (0.05, 0.5), "ratio_limit": (0.25, 4.0), "fill": 128}),
    Step("grid_dropout", {"ratio": 0.3, "unit_size_limit": (10, 40), "random_shift": False}),
    Group("one_of", [Step("vertical_flip", p=0.3), Step("invert"),
                     Group("sequence", [Step("grayscale"), Step("invert")], p=0.5)], p=0.9, weights=[1.0, 0.5, 0.25]),
    Group("one_of", [Step("vertical_flip"), Step("invert")]),
    Group("some_of", [Step("vertical_flip"), Step("invert"), Step("gamma")], n=(2, 6), p=0.6),
    Group("some_of", [Step("vertical_flip"), Step("invert")], n=(1, 1)),
    Group("random_order", [Step("vertical_flip"), Step("invert", p=0.3)], p=0.4),
    Group("sequence", [Step("vertical_flip"), Step("invert")], p=0.2),
], name="round trip", description="every op with an exact counterpart", seed=42)


HUE_NOTE = ("steps[17] (color_jitter): approximate: hue: albumentations turns uint8 hues in steps of 2 degrees, "
            "augview in steps of 1.4 degrees (up to 9 grey levels apart on a few percent of pixels)")
RAIN_NOTE = ("steps[33] (random_rain): approximate: RandomRain shifts each drop's lower end sideways by the slant "
             "in pixels (its documentation says degrees, as augview draws it): the same numbers lean drops shorter "
             "than 57 px more and longer ones less")
ISO_NOTE = ("steps[40] (iso_noise): approximate: albumentations 2.x's ISONoise departs from its documentation, "
            "which augview follows: its hue noise is 360 times weaker and its lightness noise gives rare strong "
            "specks instead of a fine grain")
MOTION_NOTE = ("steps[44] (motion_blur): approximate: slanted streaks: albumentations rounds ksize points spaced "
               "along the line, augview takes one cell per pixel step along its longer axis: the same length and "
               "angle, other cells at some angles; horizontal and vertical streaks are the same")
ERASING_NOTE = ("steps[47] (random_erasing): approximate: Erasing draws the aspect ratio uniformly "
                "(augview and torchvision: log-uniformly) and shrinks the box to fit instead of retrying")


def test_import_of_an_export_gives_the_same_pipeline():
    data, notes = to_albumentations(ROUND_TRIP)
    assert texts(notes) == [HUE_NOTE, RAIN_NOTE, ISO_NOTE, MOTION_NOTE, ERASING_NOTE]  # same ranges, another way of drawing in them
    back, notes = from_albumentations(json.loads(json.dumps(data)), "pipeline.json")
    assert texts(notes) == []
    assert back == ROUND_TRIP


def test_mean_contrast_pivot_survives_a_round_trip():
    pipe = Pipeline([Step("brightness_contrast", {"brightness_limit": (-0.1, 0.25), "contrast_limit": (-0.4, 0.3)},
                          p=0.7)])
    data, notes = to_albumentations(pipe)
    (sequential,) = data["transform"]["transforms"]
    assert [t["__class_fullname__"] for t in sequential["transforms"]] == ["ColorJitter", "RandomBrightnessContrast"]
    assert sequential["p"] == 0.7 and sequential["transforms"][0]["contrast"] == pytest.approx([0.6, 1.3])
    assert "approximate: contrast pivot 'mean'" in texts(notes)[0]
    back, notes = from_albumentations(data)
    assert back.steps == pipe.steps and texts(notes) == []


def test_import_from_files_json_and_yaml(tmp_path):
    A = albu()
    data, _ = to_albumentations(ROUND_TRIP)
    transform = A.from_dict(data)
    A.save(transform, str(tmp_path / "p.json"))  # what albumentations itself writes
    back, notes = from_albumentations(load_albumentations_file(tmp_path / "p.json"), "p.json")
    assert texts(notes) == []
    assert back.to_dict()["steps"] == ROUND_TRIP.to_dict()["steps"]
    assert back.name == "p (albumentations)"  # albumentations' own file has no augview header
    pytest.importorskip("yaml")
    A.save(transform, str(tmp_path / "p.yaml"), data_format="yaml")
    back, notes = from_albumentations(load_albumentations_file(tmp_path / "p.yaml"), "p.yaml")
    assert back.to_dict()["steps"] == ROUND_TRIP.to_dict()["steps"] and texts(notes) == []


def test_import_lists_what_it_cannot_keep():
    data = {"__version__": "2.0.8", "transform": {"__class_fullname__": "Compose", "p": 1.0, "transforms": [
        {"__class_fullname__": "RingingOvershoot", "p": 0.5, "blur_limit": [7, 15]},
        {"__class_fullname__": "Rotate", "p": 1.0, "limit": [-200, 30], "crop_border": True},
        {"__class_fullname__": "OneOf", "p": 1.0, "transforms": [
            {"__class_fullname__": "ChromaticAberration", "p": 1.0}, {"__class_fullname__": "InvertImg", "p": 1.0}]},
        {"__class_fullname__": "MedianBlur", "p": 1.0, "blur_limit": [3, 31]},
        {"__class_fullname__": "Normalize", "p": 1.0},
        {"__class_fullname__": "HorizontalFlip", "p": 1.0, "made_up": 3},
    ]}}
    pipe, notes = from_albumentations(data, "mixed.json")
    assert texts(notes) == [
        "transform.transforms[0] (RingingOvershoot): no augview counterpart; left out",
        "transform.transforms[1] (Rotate): crop_border=True ignored: augview keeps the input size and fills "
        "the corners",
        "transform.transforms[1] (Rotate): rotate.limit [-200, 30] is outside augview's range -180..180; "
        "clamped to [-180, 30]",
        "transform.transforms[2].transforms[0] (ChromaticAberration): no augview counterpart; left out",
        "transform.transforms[3] (MedianBlur): median_blur.ksize_limit [3, 31] is outside augview's range 3..15; "
        "clamped to [3, 15]",
        "transform.transforms[4] (Normalize): kept in the preset's training tail, which runs after every step "
        "(here it came before HorizontalFlip)",
        "transform.transforms[5] (HorizontalFlip): made_up ignored: no augview counterpart",
    ]
    rotate, one_of, median, flip = pipe.steps
    assert rotate.params["limit"] == (-180.0, 30.0)
    # the left-out child keeps its place (an empty sequence), so invert still runs half of the time
    assert one_of.kind == "one_of" and one_of.steps[0].kind == "sequence" and one_of.steps[0].steps == []
    assert median.params["ksize_limit"] == (3, 15) and flip.op == "horizontal_flip"
    assert pipe.training_tail == [{"transform": "Normalize", "args": {"p": 1.0}}]


def test_import_reads_numbers_the_way_albumentations_does():
    transforms = [
        {"__class_fullname__": "Rotate", "limit": 30},
        {"__class_fullname__": "Affine", "rotate": 20, "scale": 1.1, "translate_percent": {"x": 0.1}},
        {"__class_fullname__": "ColorJitter", "brightness": 0.2, "hue": 0.1},
        {"__class_fullname__": "MedianBlur", "blur_limit": 5},
        {"__class_fullname__": "Posterize", "num_bits": 4},
    ]
    pipe, notes = from_albumentations({"transform": {"__class_fullname__": "Compose", "transforms": transforms}})
    rotate, affine, jitter, median, posterize = pipe.steps
    assert all(step.p == 0.5 for step in pipe.steps)  # albumentations' default, and said so
    assert texts(notes)[0] == "transform.transforms[0] (Rotate): no p; used albumentations' default 0.5"
    assert rotate.params["limit"] == (-30.0, 30.0)
    assert affine.params["rotate"] == (20.0, 20.0) and affine.params["scale"] == (1.1, 1.1)
    assert affine.params["translate_x"] == (0.1, 0.1) and affine.params["translate_y"] == (0.0, 0.0)
    assert jitter.params["brightness"] == (0.8, 1.2) and jitter.params["hue"] == (-0.1, 0.1)
    assert median.params["ksize_limit"] == (3, 5) and posterize.params["num_bits"] == (4, 4)


def test_import_refuses_what_is_not_a_pipeline_with_locations():
    with pytest.raises(PresetError, match="not an albumentations pipeline"):
        from_albumentations([1, 2], "list.json")
    bad = {"transform": {"__class_fullname__": "Compose", "transforms": [
        {"p": 0.5}, {"__class_fullname__": "HorizontalFlip", "p": 2},
        {"__class_fullname__": "Rotate", "limit": "wide"}, {"__class_fullname__": "Equalize", "mode": "zz"}]}}
    with pytest.raises(PresetError) as error:
        from_albumentations(bad, "bad.json")
    assert error.value.source == "bad.json"
    assert [where for where, _ in error.value.problems] == [f"transform.transforms[{i}]" for i in range(4)]


def test_load_albumentations_file_errors(tmp_path):
    with pytest.raises(PresetError, match="no such file"):
        load_albumentations_file(tmp_path / "missing.json")
    (tmp_path / "broken.json").write_text("{")
    with pytest.raises(PresetError, match="not valid JSON"):
        load_albumentations_file(tmp_path / "broken.json")
    pytest.importorskip("yaml")
    (tmp_path / "broken.yaml").write_text("transform: [\n")
    with pytest.raises(PresetError, match="not valid YAML"):
        load_albumentations_file(tmp_path / "broken.yaml")


# ---------------------------------------------------------------------------------------------
# torchvision

@pytest.fixture
def torchvision_stubs(monkeypatch):
    """torch and torchvision.transforms(.v2) as strict stand-ins (tests/torchvision_standin.py)."""
    return torchvision_standin.install(monkeypatch)


def every_op_pipeline() -> Pipeline:
    steps = [Step(name, {}, p=0.6) for name in augview.CATALOG]
    steps += [
        Step("posterize", {"num_bits": (3, 5)}), Step("solarize", {"threshold_limit": (250, 256)}),
        Step("sharpness", {"factor_limit": (2, 2)}, p=0.3), Step("pad", {"pad_mode": "pixels", "pixels": 3}),
        Group("one_of", [Step("rotate"), Step("horizontal_flip", p=0.3), Step("clahe")], p=0.8, weights=[2, 1, 1]),
        Group("some_of", [Step("rotate"), Step("invert"), Step("gamma")], n=(1, 3)),
        Group("random_order", [Step("rotate"), Step("invert", enabled=False)], p=0.5),
        Group("sequence", [Step("invert"), Step("grayscale")], p=0.5),
    ]
    return Pipeline(steps, name="everything")


def test_torchvision_code_compiles_and_builds_against_the_v2_signatures(torchvision_stubs):
    code, notes = to_torchvision_code(every_op_pipeline(), skip_unsupported=True)
    namespace: dict = {"__name__": "transforms"}
    exec(compile(code, "transforms.py", "exec"), namespace)  # TypeError on a wrong name or keyword
    assert isinstance(namespace["transforms"], torchvision_stubs.Compose)
    # ops without a counterpart are comments where they would have been, and notes
    where = f"steps[{list(augview.CATALOG).index('grid_distortion')}] (grid_distortion)"
    assert f"# not exported: {where}: no torchvision counterpart" in code
    assert f"{where}: no torchvision counterpart; left out" in texts(notes)
    assert "v2.RandomHorizontalFlip(p=0.6)" in code  # p goes to the transform when it has one
    assert "v2.RandomPosterize(bits=3, p=1.0)" in code  # an integer range becomes an exact choice
    assert "v2.RandomChoice([" in code and "p=[2.0, 1.0, 1.0]" in code
    assert "v2.RandomOrder([" in code


def test_torchvision_multiplies_by_one_factor_only(torchvision_stubs):
    pipe = Pipeline([Step("multiplicative_noise", {"multiplier_limit": (0.8, 1.25), "elementwise": False}, p=0.5),
                     Step("multiplicative_noise")])
    code, notes = to_torchvision_code(pipe, skip_unsupported=True)
    assert "v2.RandomApply([\n        v2.ColorJitter(brightness=(0.8, 1.25)),\n    ], p=0.5)," in code
    assert texts(notes) == ["steps[1] (multiplicative_noise): a factor per pixel or per channel has no torchvision "
                     "counterpart (one factor for the whole image is ColorJitter's brightness); left out"]
    exec(compile(code, "transforms.py", "exec"), {"__name__": "transforms"})


def test_torchvision_code_for_a_simple_pipeline():
    pipe = Pipeline([Step("horizontal_flip"), Step("rotate", {"limit": (-10, 10)}, p=0.5),
                     Step("color_jitter", {"hue": (0.0, 0.0)})])
    code, notes = to_torchvision_code(pipe)
    assert texts(notes) == []
    assert "transforms = v2.Compose([\n    v2.ToImage()," in code
    assert "    v2.RandomHorizontalFlip(p=1.0),\n    v2.RandomApply([\n        v2.RandomRotation(" in code
    namespace: dict = {}
    try:
        import torchvision  # noqa: F401
    except ImportError:
        compile(code, "transforms.py", "exec")
        return
    exec(compile(code, "transforms.py", "exec"), namespace)
    out = namespace["transforms"](np.zeros((32, 48, 3), np.uint8))
    assert tuple(out.shape) == (3, 32, 48)


def test_torchvision_code_runs_when_torchvision_is_installed(astronaut):
    pytest.importorskip("torchvision")
    code, _ = to_torchvision_code(every_op_pipeline(), skip_unsupported=True)
    namespace: dict = {"__name__": "transforms"}
    exec(compile(code, "transforms.py", "exec"), namespace)
    for seed in range(5):
        __import__("torch").manual_seed(seed)
        out = namespace["transforms"](astronaut)  # 512x512: the default 256 crops fit
        assert out.ndim == 3 and out.shape[0] == 3


# ---------------------------------------------------------------------------------------------
# Python snippet


def test_python_snippet_runs_with_the_presets_seed_as_render_does(tmp_path, monkeypatch, photo):
    """The script used seed 0 whatever the preset said, where `augview render` draws its first
    variant with the preset's seed: the same preset and image gave two different pictures."""
    from augview.analysis.grid import render_variants

    preset = Pipeline.load(ROOT / "presets" / "light_classification.json")
    preset.seed = 3
    preset.save(tmp_path / "preset.json")
    augview.save_image(tmp_path / "image.png", photo)
    code = to_python_code("preset.json")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "augment.py", "exec"), {"__name__": "__main__"})
    out = augview.load_image(tmp_path / "augmented.png")
    loaded = Pipeline.load(tmp_path / "preset.json")
    assert np.array_equal(out, loaded.apply(photo, seed=3).image)
    assert np.array_equal(out, render_variants(loaded, photo, 1, loaded.seed)[0].image)


def test_color_jitter_hue_differs_by_the_documented_figure(tmp_path):
    """albumentations_export's docstring: up to 9 grey levels, more than 2 on at most 17% of pixels."""
    albu()
    images = [augview.load_image(ROOT / "assets" / name) for name in ("astronaut.png", "chelsea.png")]
    for hue in (-0.4, -0.1, 0.02, 0.1, 0.3, 0.45):
        pipe = Pipeline([Step("color_jitter", {"brightness": (1, 1), "contrast": (1, 1), "saturation": (1, 1),
                                               "hue": (hue, hue)})])
        transform, _, _ = load_exported(pipe, tmp_path)
        for image in images:
            diff = np.abs(run_albu(transform, image).astype(int) - pipe(image, seed=0).astype(int)).max(axis=-1)
            assert diff.max() <= 9 and (diff > 2).mean() <= 0.18, (hue, diff.max(), (diff > 2).mean())


def test_a_preset_nested_to_the_limit_exports_and_imports_back():
    """The export wraps the steps in a Compose (and a one_of child with its own p, or a some_of
    with a range of counts, in Sequentials): none of those is a group of the preset, so they must
    not count against its depth. A preset 8 groups deep was refused when imported back."""
    node = Step("horizontal_flip", p=0.5)
    for level in range(8):
        if level % 3 == 0:
            node = Group("one_of", [node, Step("invert")], p=0.9)
        elif level % 3 == 1:
            node = Group("some_of", [node, Step("vertical_flip", p=0.7)], n=(1, 2))
        else:  # (two children: a lone one in a one_of reads as the export's wrapper of a p)
            node = Group("sequence", [node, Step("grayscale", p=0.2)])
    deep = Pipeline([node])
    assert Pipeline.from_dict(deep.to_dict()) == deep  # a valid preset, at the limit
    data, _ = to_albumentations(deep)
    back, notes = from_albumentations(json.loads(json.dumps(data)))
    assert texts(notes) == [] and back == deep
    inner = data["transform"]["transforms"][0]  # one level more than a preset may hold
    too_deep = {**data, "transform": {**data["transform"], "transforms": [
        {"__class_fullname__": "Sequential", "p": 1.0, "transforms": [inner, {"__class_fullname__": "InvertImg", "p": 1.0}]}]}}
    with pytest.raises(PresetError, match="nests compositions more than 8 deep"):
        from_albumentations(json.loads(json.dumps(too_deep)))
