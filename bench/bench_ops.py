#!/usr/bin/env python
"""Throughput of every augview op against its albumentations counterpart.

Both libraries run in this one process, single-threaded, on the bundled 512x512 photo
(assets/astronaut.png), with settings matched as closely as the two APIs allow. The augview side
times the realistic per-image path, sampling included: ``op.apply(image, op.draw(rng, params,
shape))``; the albumentations side times ``transform(image=image)["image"]`` with ``p=1``.

Usage (albumentations comes with the optional ``bench`` extra: ``pip install -e ".[bench]"``):

    python bench/bench_ops.py                       # every op, plain-text table
    python bench/bench_ops.py --ops rotate,elastic  # a few ops
    python bench/bench_ops.py --markdown            # Markdown table and machine line for the README

ratio = augview images/s / albumentations images/s; above 1.0 augview is faster.
"""

from __future__ import annotations

import os

# Pin every native thread pool to one thread before numpy, OpenCV or albumentations load, so both
# sides are measured alike (cv2.setNumThreads(1) is set again after the imports, see main()).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
             "VECLIB_MAXIMUM_THREADS"):
    os.environ[_var] = "1"
# albumentations otherwise checks PyPI for a newer version when imported.
os.environ.setdefault("NO_ALBUMENTATIONS_UPDATE", "1")

import argparse  # noqa: E402
import datetime  # noqa: E402
import gc  # noqa: E402
import math  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any, Callable  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# Time the checkout this script lives in, even when another augview is installed.
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
import numpy as np  # noqa: E402

import augview  # noqa: E402
from augview.ops.common import BORDERS, INTERPOLATIONS  # noqa: E402

IMAGE_PATH = ROOT / "assets" / "astronaut.png"
A: Any = None  # the albumentations module, imported in main() so --help works without it


# ---------------------------------------------------------------------------------------------
# The table: augview op -> albumentations transform built from the op's resolved parameters, so
# a changed augview default changes the albumentations side with it.


@dataclass(frozen=True)
class Case:
    label: str  # the row name: the op name, or "op (variant)"
    op: str
    albu: Callable[[dict], Any]  # resolved augview params -> albumentations transform
    params: dict = field(default_factory=dict)  # overrides of the augview op's defaults
    note: str = ""
    fixed_size: bool = True  # both outputs must have the same shape (False: the size is drawn)
    # The cost depends strongly on the draw (a median blur of 7 costs 15x one of 5): each batch
    # holds a different mix of cheap and dear draws, so the median batch and per-pair ratios mean
    # little. Such ops are timed 4x longer and rated by total images / total time instead.
    variable_cost: bool = False


def T(name: str, **kwargs):
    """An albumentations transform that always applies; strict, so a misspelt argument fails
    instead of silently falling back to a default (a few transforms, e.g. MedianBlur, do not take
    ``strict``; they are built without it)."""
    cls = getattr(A, name)
    try:
        return cls(**kwargs, p=1.0, strict=True)
    except TypeError as exc:
        if "strict" not in str(exc):
            raise
    return cls(**kwargs, p=1.0)


def interp(p: dict) -> int:
    return INTERPOLATIONS[p.get("interpolation", "linear")]


def border(p: dict) -> dict:
    return {"border_mode": BORDERS[p.get("border_mode", "constant")], "fill": p.get("fill", 0)}


def dropout_fill(p: dict):
    # augview's random fill is uniform noise per pixel, which albumentations calls "random".
    return "random" if p["fill_mode"] == "random" else p["fill"]


def _affine(p):
    # augview draws one zoom for both axes: keep_ratio makes albumentations do the same.
    return T("Affine", scale=p["scale"], keep_ratio=True,
             translate_percent={"x": p["translate_x"], "y": p["translate_y"]},
             rotate=p["rotate"], shear={"x": p["shear_x"], "y": p["shear_y"]},
             interpolation=interp(p), **border(p))


def _perspective(p):
    return T("Perspective", scale=p["scale"], keep_size=p["keep_size"], fit_output=p["fit_output"],
             interpolation=interp(p), **border(p))


def _elastic(p):
    # augview smooths uniform(-1, 1) noise, as Simard et al. do (albumentations' default is a
    # Gaussian field rescaled by its maximum).
    return T("ElasticTransform", alpha=p["alpha"], sigma=p["sigma"], noise_distribution="uniform",
             interpolation=interp(p), **border(p))


def _optical_distortion(p):
    return T("OpticalDistortion", distort_limit=p["distort_limit"], mode=p["mode"], interpolation=interp(p),
             **border(p))


def _grid_distortion(p):
    return T("GridDistortion", num_steps=p["num_steps"], distort_limit=p["distort_limit"],
             normalized=p["normalized"], interpolation=interp(p), **border(p))


def _roi(p):
    return (p["roi_x"][0], p["roi_y"][0], p["roi_x"][1], p["roi_y"][1])


def _shadow(p):
    return T("RandomShadow", shadow_roi=_roi(p), num_shadows_limit=p["num_shadows_limit"],
             shadow_dimension=p["shadow_dimension"], shadow_intensity_range=p["shadow_intensity_limit"])


def _rain(p):
    return T("RandomRain", slant_range=p["slant_limit"], drop_length=p["drop_length"] or None,
             drop_width=p["drop_width"], drop_color=(p["drop_color"],) * 3, blur_value=p["blur_value"],
             brightness_coefficient=p["brightness_coefficient"], rain_type=p["rain_type"])


def _sun_flare(p):
    return T("RandomSunFlare", flare_roi=_roi(p), angle_range=(p["angle_limit"][0] / 360, p["angle_limit"][1] / 360),
             num_flare_circles_range=p["num_circles_limit"], src_radius=p["src_radius"],
             src_color=(p["color_red"], p["color_green"], p["color_blue"]), method="overlay")


CASES: tuple[Case, ...] = (
    # geometric
    Case("horizontal_flip", "horizontal_flip", lambda p: T("HorizontalFlip")),
    Case("vertical_flip", "vertical_flip", lambda p: T("VerticalFlip")),
    Case("rotate", "rotate", lambda p: T("Rotate", limit=p["limit"], interpolation=interp(p), **border(p))),
    Case("random_rotate90", "random_rotate90", lambda p: T("RandomRotate90")),
    Case("transpose", "transpose", lambda p: T("Transpose")),
    Case("affine", "affine", _affine),
    Case("perspective", "perspective", _perspective),
    Case("elastic", "elastic", _elastic),
    Case("grid_distortion", "grid_distortion", _grid_distortion),
    Case("optical_distortion", "optical_distortion", _optical_distortion),
    Case("optical_distortion (fisheye)", "optical_distortion", _optical_distortion, params={"mode": "fisheye"}),
    Case("random_crop", "random_crop", lambda p: T("RandomCrop", height=p["height"], width=p["width"]),
         params={"size_mode": "pixels"}),
    Case("center_crop", "center_crop", lambda p: T("CenterCrop", height=p["height"], width=p["width"]),
         params={"size_mode": "pixels"}),
    Case("random_resized_crop", "random_resized_crop",
         lambda p: T("RandomResizedCrop", size=(p["height"], p["width"]), scale=p["scale"],
                     ratio=p["ratio"], interpolation=interp(p))),
    Case("resize", "resize",
         lambda p: T("Resize", height=p["height"], width=p["width"], interpolation=interp(p))),
    Case("random_scale", "random_scale",
         lambda p: T("RandomScale", scale_limit=(p["scale_x"][0] - 1.0, p["scale_x"][1] - 1.0),
                     interpolation=interp(p)),
         params={"keep_aspect": True}, fixed_size=False),
    Case("pad", "pad",
         lambda p: T("PadIfNeeded", min_height=p["min_height"], min_width=p["min_width"],
                     position="center", **border(p)),
         params={"pad_mode": "min_size", "position": "center"}),
    # colour
    Case("brightness_contrast", "brightness_contrast",
         lambda p: T("RandomBrightnessContrast", brightness_limit=p["brightness_limit"],
                     contrast_limit=p["contrast_limit"]),
         params={"contrast_pivot": "zero"}, note="pivot zero: albumentations' alpha * x + beta"),
    Case("brightness_contrast (mean pivot)", "brightness_contrast",
         lambda p: T("RandomBrightnessContrast", brightness_limit=p["brightness_limit"],
                     contrast_limit=p["contrast_limit"]),
         params={"contrast_pivot": "mean"}, note="augview's default pivot costs one extra mean"),
    Case("color_jitter", "color_jitter",
         lambda p: T("ColorJitter", brightness=p["brightness"], contrast=p["contrast"],
                     saturation=p["saturation"], hue=p["hue"])),
    Case("hue_saturation_value", "hue_saturation_value",
         lambda p: T("HueSaturationValue", hue_shift_limit=p["hue_shift_limit"],
                     sat_shift_limit=p["sat_shift_limit"], val_shift_limit=p["val_shift_limit"])),
    Case("rgb_shift", "rgb_shift",
         lambda p: T("RGBShift", r_shift_limit=p["r_shift_limit"], g_shift_limit=p["g_shift_limit"],
                     b_shift_limit=p["b_shift_limit"])),
    Case("channel_shuffle", "channel_shuffle", lambda p: T("ChannelShuffle")),
    Case("channel_dropout", "channel_dropout",
         lambda p: T("ChannelDropout", channel_drop_range=p["channels_limit"], fill=p["fill"])),
    Case("grayscale", "grayscale",
         lambda p: T("ToGray", num_output_channels=3, method="weighted_average")),
    Case("gamma", "gamma",
         lambda p: T("RandomGamma", gamma_limit=(p["gamma_limit"][0] * 100, p["gamma_limit"][1] * 100))),
    Case("equalize", "equalize",
         lambda p: T("Equalize", mode=p["mode"], by_channels=p["by_channels"]), params={"mode": "pil"}),
    Case("equalize (cv)", "equalize",
         lambda p: T("Equalize", mode=p["mode"], by_channels=p["by_channels"]), params={"mode": "cv"}),
    Case("clahe", "clahe",
         lambda p: T("CLAHE", clip_limit=p["clip_limit"],
                     tile_grid_size=(p["tile_grid_size"], p["tile_grid_size"]))),
    Case("autocontrast", "autocontrast", lambda p: T("AutoContrast", cutoff=p["cutoff"], method="pil")),
    Case("posterize", "posterize", lambda p: T("Posterize", num_bits=p["num_bits"])),
    Case("solarize", "solarize",
         lambda p: T("Solarize", threshold_range=(p["threshold_limit"][0] / 255.0,
                                                  p["threshold_limit"][1] / 255.0))),
    Case("invert", "invert", lambda p: T("InvertImg")),
    Case("sharpness", "sharpness", lambda p: T("Sharpen", alpha=(0.2, 0.5), lightness=(1.0, 1.0)),
         note="no exact counterpart: A.Sharpen also blends with a 3x3 filter"),
    # weather and lighting
    Case("random_shadow", "random_shadow", _shadow),
    Case("random_fog", "random_fog",
         lambda p: T("RandomFog", fog_coef_range=p["fog_coef_limit"], alpha_coef=p["alpha_coef"]),
         note="cost grows with the number of fog particles, which the drawn density sets: "
              "total images / total time over 4x longer runs",
         variable_cost=True),
    Case("random_rain", "random_rain", _rain, note="albumentations' slant is a shift in pixels, augview's an angle"),
    Case("random_rain (torrential)", "random_rain", _rain, params={"rain_type": "torrential"}),
    Case("random_sun_flare", "random_sun_flare", _sun_flare),
    # noise and quality
    Case("gaussian_noise", "gaussian_noise",
         lambda p: T("GaussNoise", std_range=(p["std_limit"][0] / 255.0, p["std_limit"][1] / 255.0),
                     mean_range=(p["mean"] / 255.0, p["mean"] / 255.0), per_channel=p["per_channel"]),
         params={"per_channel": True}),
    Case("gaussian_noise (grey)", "gaussian_noise",
         lambda p: T("GaussNoise", std_range=(p["std_limit"][0] / 255.0, p["std_limit"][1] / 255.0),
                     mean_range=(p["mean"] / 255.0, p["mean"] / 255.0), per_channel=p["per_channel"]),
         params={"per_channel": False}),
    Case("salt_and_pepper", "salt_and_pepper",
         lambda p: T("SaltAndPepper", amount=p["amount_limit"], salt_vs_pepper=p["salt_vs_pepper_limit"])),
    Case("multiplicative_noise", "multiplicative_noise",
         lambda p: T("MultiplicativeNoise", multiplier=p["multiplier_limit"], per_channel=p["per_channel"],
                     elementwise=p["elementwise"])),
    Case("multiplicative_noise (per channel)", "multiplicative_noise",
         lambda p: T("MultiplicativeNoise", multiplier=p["multiplier_limit"], per_channel=p["per_channel"],
                     elementwise=p["elementwise"]),
         params={"per_channel": True}),
    Case("multiplicative_noise (one factor)", "multiplicative_noise",
         lambda p: T("MultiplicativeNoise", multiplier=p["multiplier_limit"], per_channel=p["per_channel"],
                     elementwise=p["elementwise"]),
         params={"elementwise": False}),
    Case("shot_noise", "shot_noise", lambda p: T("ShotNoise", scale_range=p["scale_limit"]),
         params={"linear_light": True}),
    Case("iso_noise", "iso_noise",
         lambda p: T("ISONoise", color_shift=p["color_shift_limit"], intensity=p["intensity_limit"]),
         note="same ranges; albumentations 2.x's code draws weaker hue noise and sparse lightness specks"),
    Case("jpeg_compression", "jpeg_compression",
         lambda p: T("ImageCompression", compression_type="jpeg", quality_range=p["quality_limit"])),
    Case("downscale", "downscale",
         lambda p: T("Downscale", scale_range=p["scale_limit"],
                     interpolation_pair={"downscale": INTERPOLATIONS[p["down_interpolation"]],
                                         "upscale": INTERPOLATIONS[p["up_interpolation"]]})),
    # blur
    Case("gaussian_blur", "gaussian_blur",
         lambda p: T("GaussianBlur", blur_limit=0, sigma_limit=p["sigma_limit"]),
         note="kernel from sigma on both sides (3 vs 3.5 sigma)"),
    Case("motion_blur", "motion_blur",
         lambda p: T("MotionBlur", blur_limit=p["kernel_limit"], angle_range=p["angle_limit"],
                     direction_range=p["direction_limit"], allow_shifted=False)),
    Case("median_blur", "median_blur", lambda p: T("MedianBlur", blur_limit=p["ksize_limit"]),
         note="cost depends on the drawn size (OpenCV's 7x7 uint8 median is ~15x its 5x5): "
              "total images / total time over 4x longer runs",
         variable_cost=True),
    Case("median_blur (ksize 5)", "median_blur", lambda p: T("MedianBlur", blur_limit=p["ksize_limit"]),
         params={"ksize_limit": (5, 5)}),
    # dropout
    Case("coarse_dropout", "coarse_dropout",
         lambda p: T("CoarseDropout", num_holes_range=p["num_holes_limit"],
                     hole_height_range=p["hole_height_limit"], hole_width_range=p["hole_width_limit"],
                     fill=dropout_fill(p))),
    Case("random_erasing", "random_erasing",
         lambda p: T("Erasing", scale=p["scale_limit"], ratio=p["ratio_limit"], fill=dropout_fill(p))),
    Case("grid_dropout", "grid_dropout",
         lambda p: T("GridDropout", ratio=p["ratio"], unit_size_range=p["unit_size_limit"],
                     random_offset=p["random_shift"], fill=dropout_fill(p))),
    # the transforms real training pipelines use beyond the first catalog (issue 16)
    Case("box_blur", "box_blur", lambda p: T("Blur", blur_limit=p["ksize_limit"])),
    Case("emboss", "emboss", lambda p: T("Emboss", alpha=p["alpha_limit"], strength=p["strength_limit"])),
    Case("defocus", "defocus", lambda p: T("Defocus", radius=p["radius_limit"], alias_blur=p["alias_blur_limit"]),
         note="cost grows with the drawn radius: total images / total time over 4x longer runs",
         variable_cost=True),
    Case("zoom_blur", "zoom_blur",
         lambda p: T("ZoomBlur", max_factor=p["max_factor_limit"], step_factor=p["step_factor_limit"]),
         note="one resize per zoomed copy, and the drawn factors set how many: total images / total time",
         variable_cost=True),
    Case("glass_blur", "glass_blur",
         lambda p: T("GlassBlur", sigma=p["sigma"], max_delta=p["max_delta"], iterations=p["iterations"])),
    Case("superpixels", "superpixels",
         lambda p: T("Superpixels", p_replace=p["p_replace_limit"], n_segments=p["n_segments_limit"],
                     max_size=p["max_size"], interpolation=interp(p)),
         note="no segment drawn for replacement skips the segmentation (both libraries): total images / "
              "total time; albumentations also shrinks the kept segments",
         variable_cost=True),
    Case("longest_max_size", "longest_max_size",
         lambda p: T("LongestMaxSize", max_size=p["size_limit"][0], interpolation=interp(p))),
    Case("smallest_max_size", "smallest_max_size",
         lambda p: T("SmallestMaxSize", max_size=p["size_limit"][0], interpolation=interp(p))),
    Case("random_sized_crop", "random_sized_crop",
         lambda p: T("RandomSizedCrop", min_max_height=p["min_max_height"], size=(p["height"], p["width"]),
                     w2h_ratio=p["w2h_ratio"], interpolation=interp(p))),
    Case("random_crop_from_borders", "random_crop_from_borders",
         lambda p: T("RandomCropFromBorders", crop_left=p["crop_left"], crop_right=p["crop_right"],
                     crop_top=p["crop_top"], crop_bottom=p["crop_bottom"]), fixed_size=False),
    Case("safe_rotate", "safe_rotate",
         lambda p: T("SafeRotate", limit=p["limit"], interpolation=interp(p), **border(p))),
    Case("random_grid_shuffle", "random_grid_shuffle", lambda p: T("RandomGridShuffle", grid=(p["rows"], p["cols"]))),
    Case("piecewise_affine", "piecewise_affine",
         lambda p: T("PiecewiseAffine", scale=p["scale_limit"], nb_rows=p["rows_limit"], nb_cols=p["cols_limit"],
                     absolute_scale=p["absolute_scale"], interpolation=interp(p), **border(p)),
         note="albumentations 2.x computes its maps in a Python loop over the pixels (seconds per image)"),
)


# ---------------------------------------------------------------------------------------------
# Timing


@dataclass
class Row:
    case: Case
    transform: str = ""
    augview: float = 0.0  # images per second
    albu: float = 0.0
    ratio: float = 0.0  # augview / albumentations throughput, see time_pair
    notes: list[str] = field(default_factory=list)

    @property
    def slower(self) -> bool:
        return round(self.ratio, 2) < 1.0  # as printed: a 0.996 shows as 1.00 and is a tie


def resolve_params(op, overrides: dict) -> dict:
    values = op.defaults()
    for name, value in overrides.items():
        values[name] = op.spec(name).validate(value)
    return values


CLOCKS = {
    # CPU time of this process: time spent descheduled while other programs run does not count,
    # which keeps a busy machine's numbers close to an idle one's. All threads are included, so
    # a library that sneaks in worker threads gains nothing from them.
    "cpu": time.process_time,
    "wall": time.perf_counter,
}


def time_pair(run_ours: Callable[[], Any], run_theirs: Callable[[], Any], args,
              seconds: float, variable_cost: bool = False) -> tuple[float, float, float]:
    """``(ours, theirs, ratio)``: images per second of each side and ours / theirs.

    Each side is warmed up, then timed in ``args.batches`` batches of about ``seconds /
    batches``, the two sides' batches interleaved (alternating which goes first). Each side's
    rate is the median batch (or the fastest with ``--stat min``); the ratio is the median of the
    ratios of each pair of neighbouring batches, so that drift and bursts of load from other
    programs, which hit both batches of a pair alike, cancel out. It can therefore differ a
    little from the quotient of the two rates. With ``variable_cost`` each rate is total images /
    total time and the ratio their quotient."""
    clock = CLOCKS[args.clock]
    funcs = {"ours": run_ours, "theirs": run_theirs}
    sizes = {}
    for side, func in funcs.items():
        func()  # first call: imports, caches, lazily built tables
        start, calls = time.perf_counter(), 0
        while calls < 3 or time.perf_counter() - start < min(0.05, seconds / 5):
            func()
            calls += 1
        per_call = (time.perf_counter() - start) / calls
        sizes[side] = max(1, min(args.max_iter // args.batches, round(seconds / args.batches / per_call)))
    samples: dict[str, list[float]] = {side: [] for side in funcs}
    for batch in range(args.batches):
        for side in (("ours", "theirs") if batch % 2 == 0 else ("theirs", "ours")):
            func, count = funcs[side], sizes[side]
            gc.collect()
            gc.disable()  # as timeit does: a collection landing in one side's batch is noise
            try:
                start = clock()
                for _ in range(count):
                    func()
                elapsed = clock() - start
            finally:
                gc.enable()
            samples[side].append(max(elapsed, 1e-9) / count)
    ours, theirs = samples["ours"], samples["theirs"]
    if variable_cost:  # every batch of a side has the same size: the mean is total / total
        ours_rate, theirs_rate = 1.0 / statistics.fmean(ours), 1.0 / statistics.fmean(theirs)
        return ours_rate, theirs_rate, ours_rate / theirs_rate
    if args.stat == "min":
        return 1.0 / min(ours), 1.0 / min(theirs), min(theirs) / min(ours)
    ratio = statistics.median(t / o for o, t in zip(ours, theirs))
    return 1.0 / statistics.median(ours), 1.0 / statistics.median(theirs), ratio


def bench_case(case: Case, image: np.ndarray, args) -> Row | str:
    """A measured row, or the reason the case was skipped."""
    op = augview.CATALOG.get(case.op)
    if op is None:
        return "not in augview.CATALOG yet"
    try:
        params = resolve_params(op, case.params)
        transform = case.albu(params)
    except (KeyError, ValueError, TypeError) as exc:  # a parameter renamed or removed
        return f"cannot map to albumentations ({type(exc).__name__}: {exc})"
    row = Row(case, transform=type(transform).__name__)
    if case.note:
        row.notes.append(case.note)

    rng = np.random.default_rng(args.seed)
    if hasattr(transform, "set_random_seed"):
        transform.set_random_seed(args.seed)
    shape = image.shape

    def run_augview():
        return op.apply(image, op.draw(rng, params, shape))

    def run_albu():
        return transform(image=image)["image"]

    try:
        ours, theirs = run_augview(), run_albu()
    except Exception as exc:  # one broken op must not stop the whole table
        return f"failed to run ({type(exc).__name__}: {exc})"
    if ours.dtype != theirs.dtype or ours.shape[2:] != theirs.shape[2:]:
        row.notes.append(f"outputs differ: {ours.dtype}{ours.shape} vs {theirs.dtype}{theirs.shape}")
    elif case.fixed_size and ours.shape != theirs.shape:
        row.notes.append(f"output sizes differ: {ours.shape[:2]} vs {theirs.shape[:2]}")

    seconds = args.seconds * (4 if case.variable_cost else 1)
    row.augview, row.albu, row.ratio = time_pair(run_augview, run_albu, args, seconds, case.variable_cost)
    return row


# ---------------------------------------------------------------------------------------------
# Reporting


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def environment_line(image: np.ndarray, args) -> str:
    try:
        import albucore
        albucore_version = f" (albucore {albucore.__version__})"
    except ImportError:
        albucore_version = ""
    height, width = image.shape[:2]
    return (
        f"{datetime.date.today().isoformat()}, {cpu_model()}, {platform.system()} "
        f"{platform.machine()}, 1 thread; Python {platform.python_version()}, numpy {np.__version__}, "
        f"OpenCV {cv2.__version__}, albumentations {A.__version__}{albucore_version}; "
        f"{IMAGE_PATH.name} {width}x{height} RGB uint8; {args.stat} of {args.batches} batches, "
        f"~{args.seconds:g} s of {args.clock} time per side"
    )


def summary(rows: list[Row]) -> str:
    if not rows:
        return "no op measured"
    slow = [r.case.label for r in rows if r.slower]
    geomean = math.exp(sum(math.log(r.ratio) for r in rows) / len(rows))
    return (f"{len(rows)} measured, geometric mean ratio {geomean:.2f}, {len(slow)} below 1.0"
            + (f": {', '.join(slow)}" if slow else ""))


def rate(value: float) -> str:
    """Images per second: whole numbers, or two significant digits below 10 (a transform taking
    seconds per image must not print as 0)."""
    return f"{value:,.0f}" if value >= 10 else f"{value:.2g}"


def print_text(rows: list[Row], skipped: list[tuple[str, str]], image: np.ndarray, args) -> None:
    print(environment_line(image, args))
    print()
    label_w = max([len(r.case.label) for r in rows] + [2])
    name_w = max([len(r.transform) for r in rows] + [14])
    print(f"{'op':<{label_w}}  {'albumentations':<{name_w}}  {'augview/s':>10}  {'albu/s':>10}  {'ratio':>6}")
    for r in rows:
        flag = "  SLOWER" if r.slower else ""
        notes = f"  ({'; '.join(r.notes)})" if r.notes else ""
        print(f"{r.case.label:<{label_w}}  {r.transform:<{name_w}}  {rate(r.augview):>10}  {rate(r.albu):>10}  "
              f"{r.ratio:>6.2f}{flag}{notes}")
    print()
    print(summary(rows))
    for label, reason in skipped:
        print(f"skipped {label}: {reason}")


def print_markdown(rows: list[Row], skipped: list[tuple[str, str]], image: np.ndarray, args) -> None:
    print(f"Measured {environment_line(image, args)}.")
    print()
    print("| op | albumentations | augview (img/s) | albumentations (img/s) | ratio | note |")
    print("|---|---|---:|---:|---:|---|")
    for r in rows:
        ratio = f"**{r.ratio:.2f}**" if r.slower else f"{r.ratio:.2f}"
        print(f"| `{r.case.label}` | `{r.transform}` | {rate(r.augview)} | {rate(r.albu)} | {ratio} | "
              f"{'; '.join(r.notes)} |")
    print()
    print(summary(rows) + ".")
    if skipped:
        print()
        for label, reason in skipped:
            print(f"- skipped `{label}`: {reason}")


# ---------------------------------------------------------------------------------------------


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description="Single-threaded throughput of augview ops vs albumentations on "
                    "assets/astronaut.png; ratio = augview / albumentations images per second.")
    parser.add_argument("--ops", default="",
                        help="comma-separated op names or row labels (default: every op)")
    parser.add_argument("--seconds", type=float, default=0.3,
                        help="time spent timing each side of each op (default: 0.3)")
    parser.add_argument("--batches", type=int, default=10,
                        help="timed batches per side; the median batch is reported (default: 10)")
    parser.add_argument("--clock", choices=tuple(CLOCKS), default="cpu",
                        help="cpu: this process's CPU time (default, steadier on a busy machine); "
                             "wall: elapsed time")
    parser.add_argument("--max-iter", type=int, default=20000,
                        help="most calls per side per op (default: 20000)")
    parser.add_argument("--stat", choices=("median", "min"), default="median",
                        help="batch statistic: median (default), or min, steadier on a busy "
                             "machine but flattering for ops whose cost depends on the draw")
    parser.add_argument("--seed", type=int, default=0, help="seed of both sides' random draws")
    parser.add_argument("--markdown", action="store_true",
                        help="print a Markdown table and a machine line for the README")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    global A
    try:
        import albumentations
    except ImportError:
        print('albumentations is not installed: install the bench extra with  pip install -e ".[bench]"',
              file=sys.stderr)
        return 1
    A = albumentations
    # After the imports: albumentations or its dependencies may change OpenCV's thread count.
    cv2.setNumThreads(1)
    cv2.ocl.setUseOpenCL(False)

    cases = list(CASES)
    if args.ops:
        wanted = [name.strip() for name in args.ops.split(",") if name.strip()]
        unknown = [w for w in wanted if not any(w in (c.op, c.label) for c in CASES)]
        if unknown:
            print(f"no benchmark for: {', '.join(unknown)}; known: "
                  f"{', '.join(sorted({c.op for c in CASES}))}", file=sys.stderr)
            return 2
        cases = [c for c in CASES if c.op in wanted or c.label in wanted]

    image = augview.load_image(IMAGE_PATH)
    rows: list[Row] = []
    skipped: list[tuple[str, str]] = []
    for case in cases:
        result = bench_case(case, image, args)
        if isinstance(result, str):
            skipped.append((case.label, result))
        else:
            rows.append(result)
        if not args.markdown:
            print(f"  {case.label}: " + (result if isinstance(result, str) else f"{result.ratio:.2f}"),
                  file=sys.stderr, flush=True)
    if not args.ops:
        unmatched = sorted(set(augview.CATALOG) - {c.op for c in CASES})
        skipped += [(name, "no albumentations counterpart in this benchmark") for name in unmatched]

    if args.markdown:
        print_markdown(rows, skipped, image, args)
    else:
        print_text(rows, skipped, image, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
