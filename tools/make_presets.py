"""Writes the shipped presets in presets/ from Python, so they always list every parameter in its
canonical form. Run after changing an op's parameters: python tools/make_presets.py"""

from pathlib import Path

from augview import Group, Pipeline, Step, TargetSettings

OUT = Path(__file__).resolve().parents[1] / "presets"

PRESETS = {
    "light_classification": Pipeline([
        Step("random_resized_crop", {"scale": (0.6, 1.0)}),
        Step("horizontal_flip", p=0.5),
        Step("rotate", {"limit": (-10.0, 10.0), "border_mode": "reflect_101"}, p=0.3),
        Step("brightness_contrast", {"brightness_limit": (-0.1, 0.1), "contrast_limit": (-0.1, 0.1)}, p=0.5),
    ], name="light classification", description=(
        "A gentle default for photo classification: crop and resize to 224x224 keeping at least 60% "
        "of the picture, mirror half the time, a small tilt and a slight change of light."), seed=0),

    "light_detection": Pipeline([
        Step("horizontal_flip", p=0.5),
        Step("bbox_safe_random_crop", {}, p=0.5),
        Step("affine", {"scale": (0.9, 1.1), "translate_x": (-0.05, 0.05), "translate_y": (-0.05, 0.05),
                        "rotate": (-5.0, 5.0)}, p=0.5),
        Step("brightness_contrast", {"brightness_limit": (-0.15, 0.15), "contrast_limit": (-0.15, 0.15)}, p=0.5),
        Step("hue_saturation_value", {}, p=0.3),
    ], name="light detection", description=(
        "A gentle default for object detection: mirror half the time, a crop that never cuts a box, "
        "a small shift, zoom and tilt, and a change of light. Boxes less than 30% in view after a "
        "step are dropped."), seed=0, targets=TargetSettings(min_visibility=0.3, min_area=16.0)),

    "segmentation": Pipeline([
        Step("random_scale", {"scale_x": (0.75, 1.25), "scale_y": (0.75, 1.25)}),
        Step("pad", {"pad_mode": "min_size", "min_height": 384, "min_width": 384}),
        Step("random_crop", {"height": 384, "width": 384}),
        Step("horizontal_flip", p=0.5),
        Step("rotate", {"limit": (-10.0, 10.0)}, p=0.3),
        Step("color_jitter", {"brightness": (0.8, 1.2), "contrast": (0.8, 1.2), "saturation": (0.8, 1.2),
                              "hue": (-0.02, 0.02)}, p=0.5),
    ], name="segmentation", description=(
        "A semantic segmentation recipe: random scale, pad and crop to 384x384, mirror, a small "
        "tilt and colour. New border area gets the mask label 255, the usual 'ignore' label of "
        "segmentation losses."), seed=0, targets=TargetSettings(mask_fill=255)),

    "heavy_classification": Pipeline([
        Step("random_resized_crop", {}),
        Step("horizontal_flip", p=0.5),
        Group("one_of", [
            Step("affine", {"rotate": (-20.0, 20.0), "shear_x": (-10.0, 10.0)}),
            Step("perspective", {}),
            Step("grid_distortion", {}),
        ], p=0.6),
        Step("color_jitter", {"brightness": (0.6, 1.4), "contrast": (0.6, 1.4), "saturation": (0.6, 1.4),
                              "hue": (-0.1, 0.1)}, p=0.8),
        Step("grayscale", p=0.1),
        Group("some_of", [
            Step("gaussian_blur", {}),
            Step("gaussian_noise", {}),
            Step("jpeg_compression", {}),
        ], n=(0, 2)),
        Step("random_erasing", {}, p=0.25),
    ], name="heavy classification", description=(
        "Strong regularisation for training from scratch on natural photos: ImageNet-style crops, "
        "one geometric distortion, strong colour jitter, some blur/noise/compression and random "
        "erasing."), seed=0),

    "geometric_examples": Pipeline([
        Group("one_of", [
            Step("horizontal_flip"),
            Step("vertical_flip"),
            Step("rotate", {"limit": (-45.0, 45.0)}),
            Step("random_crop", {"size_mode": "fraction", "fraction": (0.5, 0.8)}),
            Step("random_resized_crop", {}),
            Step("affine", {"shear_x": (-20.0, 20.0), "shear_y": (-20.0, 20.0)}),
            Step("perspective", {"scale": (0.05, 0.15)}),
            Step("elastic", {}),
            Step("grid_distortion", {}),
        ]),
    ], name="geometric examples", description=(
        "One geometric transformation per variant (flips, rotation, crops, shear, perspective, elastic "
        "and grid distortion), for showing what each does. Reroll to see another."), seed=0),

    "color_examples": Pipeline([
        Group("one_of", [
            Step("brightness_contrast", {"brightness_limit": (-0.3, 0.3), "contrast_limit": (-0.3, 0.3)}),
            Step("color_jitter", {"hue": (-0.2, 0.2)}),
            Step("hue_saturation_value", {}),
            Step("rgb_shift", {"r_shift_limit": (-40.0, 40.0), "b_shift_limit": (-40.0, 40.0)}),
            Step("channel_shuffle"),
            Step("grayscale"),
            Step("gamma", {}),
            Step("equalize", {}),
            Step("posterize", {"num_bits": (2, 4)}),
            Step("solarize", {}),
            Step("invert"),
            Step("random_shadow", {"num_shadows_limit": (1, 3), "shadow_intensity_limit": (0.4, 0.7)}),
            Step("random_fog", {}),
            Step("random_rain", {}),
            Step("random_sun_flare", {}),
        ]),
    ], name="color examples", description=(
        "One photometric change per variant (brightness and contrast, colour jitter, HSV and RGB "
        "shifts, channel shuffle, greyscale, gamma, equalize, posterize, solarize, invert) or one "
        "change of weather and light (shadows, fog, rain, sun flare)."), seed=0),

    "noise_and_dropout_examples": Pipeline([
        Group("one_of", [
            Step("gaussian_noise", {"std_limit": (10.0, 30.0)}),
            Step("salt_and_pepper", {}),
            Step("multiplicative_noise", {"multiplier_limit": (0.7, 1.3)}),
            Step("shot_noise", {"scale_limit": (0.05, 0.2)}),
            Step("gaussian_blur", {"sigma_limit": (1.0, 3.0)}),
            Step("motion_blur", {"kernel_limit": (9, 21)}),
            Step("jpeg_compression", {"quality_limit": (5, 20)}),
            Step("downscale", {}),
            Step("coarse_dropout", {}),
            Step("random_erasing", {}),
            Step("grid_dropout", {}),
        ]),
    ], name="noise and dropout examples", description=(
        "One degradation per variant (noise, blur, compression, downscaling) or occlusion "
        "(coarse dropout, random erasing, grid dropout)."), seed=0),
}

if __name__ == "__main__":
    for stem, pipeline in PRESETS.items():
        pipeline.save(OUT / f"{stem}.json")
        print("wrote", OUT / f"{stem}.json")
