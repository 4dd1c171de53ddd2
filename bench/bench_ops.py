#!/usr/bin/env python
"""Throughput of every augview op against its albumentations counterpart, through the path users
call, at three image sizes, in colour and in grey.

Both libraries run in this one process, single-threaded. The albumentations side is built by
augview's own exporter (``augview.interop.to_albumentations``, as ``augview export --to
albumentations`` writes it), so the two sides are the same pipeline by construction. By default
(``--path public``) each side is timed as a user calls it:

    augview.Pipeline([Step(op, params)])(image, seed=i)      # i = 0, 1, 2, ...
    A.Compose([Transform(p=1)])(image=image)["image"]         # the export, through A.from_dict

``--path op`` times the op alone instead (``op.apply(image, op.draw(rng, params, shape))``
against the bare transform), which shows what the pipeline adds.

Usage (albumentations comes with the optional ``bench`` extra: ``pip install -e ".[bench]"``):

    python bench/bench_ops.py                       # every op, 3 sizes x RGB/grey, plain text
    python bench/bench_ops.py --ops rotate,elastic --sizes 640x480 --colors rgb
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
import itertools  # noqa: E402
import math  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any, Callable  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# Time the checkout this script lives in, even when another augview is installed.
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
import numpy as np  # noqa: E402

import augview  # noqa: E402
from augview.interop import Unexportable, to_albumentations  # noqa: E402

IMAGE_PATH = ROOT / "assets" / "astronaut.png"
SIZES = ("224x224", "640x480", "1920x1080")  # width x height
COLORS = ("rgb", "grey")
A: Any = None  # the albumentations module, imported in main() so --help works without it


# ---------------------------------------------------------------------------------------------
# The rows: an op and the parameters it is measured with (its defaults unless overridden). The
# albumentations transform is whatever augview's exporter makes of that step.


@dataclass(frozen=True)
class Case:
    label: str  # the row name: the op name, or "op (variant)"
    op: str
    params: dict = field(default_factory=dict)  # overrides of the augview op's defaults
    note: str = ""
    fixed_size: bool = True  # both outputs must have the same shape (False: the size is drawn)
    # The cost depends strongly on the draw (a median blur of 7 costs 15x one of 5): each batch
    # holds a different mix of cheap and dear draws, so the median batch and per-pair ratios mean
    # little. Such ops are timed 4x longer and rated by total images / total time instead.
    variable_cost: bool = False
    max_pixels: int = 0  # larger images are skipped (0: none): a side that takes seconds per image
    batches: int = 0  # fewer timed batches than --batches (0: --batches), for very slow sides
    grey: bool = True  # False: a no-op on grey images, not measured there
    skip: str = ""  # why the row cannot be measured at all


VARIABLE = "total images / total time over 4x longer runs"
CROP_200 = "200x200 (the default 256 does not fit 224x224, which albumentations refuses)"
NO_OP = ("a no-op on grey images: albumentations hands back the input array itself, augview always a new "
         "array (a copy)")

CASES: tuple[Case, ...] = (
    # geometric
    Case("horizontal_flip", "horizontal_flip"),
    Case("vertical_flip", "vertical_flip"),
    Case("rotate", "rotate"),
    Case("random_rotate90", "random_rotate90"),
    Case("transpose", "transpose"),
    Case("affine", "affine"),
    Case("perspective", "perspective"),
    Case("elastic", "elastic"),
    Case("grid_distortion", "grid_distortion"),
    Case("optical_distortion", "optical_distortion"),
    Case("optical_distortion (fisheye)", "optical_distortion", {"mode": "fisheye"}),
    Case("random_crop", "random_crop", {"size_mode": "pixels", "height": 200, "width": 200},
         note=CROP_200),
    Case("center_crop", "center_crop", {"size_mode": "pixels", "height": 200, "width": 200}, note=CROP_200),
    Case("random_resized_crop", "random_resized_crop"),
    Case("resize", "resize"),
    Case("random_scale", "random_scale", {"keep_aspect": True}, fixed_size=False),
    Case("pad", "pad", {"pad_mode": "min_size", "position": "center"}),
    Case("longest_max_size", "longest_max_size", {"size_limit": (512, 512)},
         note="to 512 (the default 640 is a no-op on 640x480)"),
    Case("smallest_max_size", "smallest_max_size"),
    Case("random_sized_crop", "random_sized_crop", {"min_max_height": (128, 224)},
         note="heights 128..224 (the default 256..480 is a no-op on 224x224)"),
    Case("random_crop_from_borders", "random_crop_from_borders", fixed_size=False),
    Case("bbox_safe_random_crop", "bbox_safe_random_crop", skip="BBoxSafeRandomCrop refuses a call without boxes"),
    Case("safe_rotate", "safe_rotate"),
    Case("random_grid_shuffle", "random_grid_shuffle"),
    Case("piecewise_affine", "piecewise_affine", max_pixels=640 * 480, batches=3,
         note="albumentations 2.x computes its maps in a Python loop over the pixels (seconds per image, "
              "half a minute at 1920x1080): measured up to 640x480, in 3 batches"),
    # colour
    Case("brightness_contrast", "brightness_contrast",
         note="augview's default mean pivot: the export is ColorJitter's contrast then RandomBrightnessContrast"),
    Case("brightness_contrast (pivot zero)", "brightness_contrast", {"contrast_pivot": "zero"},
         note="albumentations' alpha * x + beta"),
    Case("color_jitter", "color_jitter"),
    Case("hue_saturation_value", "hue_saturation_value"),
    Case("rgb_shift", "rgb_shift"),
    Case("channel_shuffle", "channel_shuffle", grey=False),
    Case("channel_dropout", "channel_dropout"),
    Case("grayscale", "grayscale", grey=False),
    Case("gamma", "gamma"),
    Case("equalize", "equalize", {"mode": "pil"}),
    Case("equalize (cv)", "equalize", {"mode": "cv"}),
    Case("clahe", "clahe"),
    Case("autocontrast", "autocontrast"),
    Case("posterize", "posterize"),
    Case("solarize", "solarize"),
    Case("invert", "invert"),
    Case("sharpness", "sharpness", {"factor_limit": (1.0, 2.0)},
         note="factors from 1 (Sharpen only sharpens)"),
    Case("emboss", "emboss"),
    # weather and lighting
    Case("random_shadow", "random_shadow"),
    Case("random_fog", "random_fog", variable_cost=True,
         note="cost grows with the number of fog particles, which the drawn density sets: " + VARIABLE),
    Case("random_rain", "random_rain"),
    Case("random_rain (torrential)", "random_rain", {"rain_type": "torrential"}),
    Case("random_sun_flare", "random_sun_flare"),
    # noise and quality
    Case("gaussian_noise", "gaussian_noise", {"per_channel": True}),
    Case("gaussian_noise (one field)", "gaussian_noise", {"per_channel": False}),
    Case("salt_and_pepper", "salt_and_pepper"),
    Case("multiplicative_noise", "multiplicative_noise"),
    Case("multiplicative_noise (per channel)", "multiplicative_noise", {"per_channel": True}),
    Case("multiplicative_noise (one factor)", "multiplicative_noise", {"elementwise": False}),
    Case("shot_noise", "shot_noise", {"linear_light": True}),
    Case("iso_noise", "iso_noise"),
    Case("jpeg_compression", "jpeg_compression"),
    Case("downscale", "downscale"),
    Case("superpixels", "superpixels", variable_cost=True,
         note="no segment drawn for replacement skips the segmentation (both libraries): " + VARIABLE),
    # blur
    Case("gaussian_blur", "gaussian_blur", note="the same OpenCV call on both sides"),
    Case("motion_blur", "motion_blur"),
    Case("median_blur", "median_blur", variable_cost=True, max_pixels=640 * 480,
         note="the same OpenCV call; its cost depends on the drawn size (a 7x7 uint8 median is ~15x a 5x5): "
              + VARIABLE + "; above 640x480 too few images fit in a run for the mix of sizes to even out, "
              "see the fixed sizes"),
    Case("median_blur (ksize 3)", "median_blur", {"ksize_limit": (3, 3)}, note="the same OpenCV call"),
    Case("median_blur (ksize 5)", "median_blur", {"ksize_limit": (5, 5)}, note="the same OpenCV call"),
    Case("median_blur (ksize 7)", "median_blur", {"ksize_limit": (7, 7)}, note="the same OpenCV call"),
    Case("box_blur", "box_blur"),
    Case("defocus", "defocus", variable_cost=True, note="cost grows with the drawn radius: " + VARIABLE),
    Case("zoom_blur", "zoom_blur", variable_cost=True,
         note="one resize per zoomed copy, and the drawn factors set how many: " + VARIABLE),
    Case("glass_blur", "glass_blur"),
    # dropout
    Case("coarse_dropout", "coarse_dropout"),
    Case("random_erasing", "random_erasing"),
    Case("grid_dropout", "grid_dropout"),
)


# ---------------------------------------------------------------------------------------------
# Images


def parse_size(text: str) -> tuple[int, int]:
    """``"640x480"`` -> (width, height)."""
    width, height = (int(part) for part in text.lower().split("x"))
    return width, height


def bench_image(size: str, color: str) -> np.ndarray:
    """The bundled photo resized to ``size`` (area averaging down, cubic up), in ``color``."""
    image = augview.load_image(IMAGE_PATH)
    width, height = parse_size(size)
    shrink = width < image.shape[1] and height < image.shape[0]
    image = cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA if shrink else cv2.INTER_CUBIC)
    if color == "grey":
        image = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    return np.ascontiguousarray(image)


def config_label(size: str, color: str) -> str:
    return f"{size} {'RGB' if color == 'rgb' else 'grey'}"


# ---------------------------------------------------------------------------------------------
# Timing


@dataclass
class Row:
    case: Case
    transform: str = ""
    augview: float = 0.0  # images per second
    albu: float = 0.0
    ratio: float = 0.0  # augview / albumentations throughput, see time_pair
    notes: list[str] = field(default_factory=list)  # what differs between the two outputs
    export_notes: list[str] = field(default_factory=list)  # the exporter's own notes

    @property
    def slower(self) -> bool:
        return round(self.ratio, 2) < 1.0  # as printed: a 0.996 shows as 1.00 and is a tie


CLOCKS = {
    # CPU time of this process: time spent descheduled while other programs run does not count,
    # which keeps a busy machine's numbers close to an idle one's. All threads are included, so
    # a library that sneaks in worker threads gains nothing from them.
    "cpu": time.process_time,
    "wall": time.perf_counter,
}


def time_pair(run_ours: Callable[[], Any], run_theirs: Callable[[], Any], args,
              seconds: float, variable_cost: bool = False, batches: int = 0) -> tuple[float, float, float]:
    """``(ours, theirs, ratio)``: images per second of each side and ours / theirs.

    Each side is warmed up, then timed in ``batches`` (default ``args.batches``) batches of about
    ``seconds / batches``, the two sides' batches interleaved (alternating which goes first). Each
    side's rate is the median batch (or the fastest with ``--stat min``); the ratio is the median of
    the ratios of each pair of neighbouring batches, so that drift and bursts of load from other
    programs, which hit both batches of a pair alike, cancel out. It can therefore differ a
    little from the quotient of the two rates. With ``variable_cost`` each rate is total images /
    total time and the ratio their quotient."""
    clock = CLOCKS[args.clock]
    batches = batches or args.batches
    funcs = {"ours": run_ours, "theirs": run_theirs}
    sizes = {}
    for side, func in funcs.items():
        func()  # first call: imports, caches, lazily built tables
        start, calls = time.perf_counter(), 0
        while calls < 3 or time.perf_counter() - start < min(0.05, seconds / 5):
            func()
            calls += 1
        per_call = (time.perf_counter() - start) / calls
        sizes[side] = max(1, min(args.max_iter // batches, round(seconds / batches / per_call)))
    samples: dict[str, list[float]] = {side: [] for side in funcs}
    for batch in range(batches):
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


def albumentations_side(pipeline: augview.Pipeline, seed: int):
    """``(Compose, transform name, exporter notes)``: the pipeline as augview exports it to
    albumentations, built by ``A.from_dict``; raises `Unexportable` for a step without counterpart."""
    data, notes = to_albumentations(pipeline)
    compose = A.from_dict(data)
    compose.set_random_seed(seed)
    names = [t["__class_fullname__"] for t in data["transform"]["transforms"]]
    if names == ["Sequential"]:  # e.g. brightness_contrast's mean pivot: two transforms
        names = [t["__class_fullname__"] for t in data["transform"]["transforms"][0]["transforms"]]
    return compose, " + ".join(names), [note.text for note in notes]


def bench_case(case: Case, image: np.ndarray, args) -> Row | str:
    """A measured row, or the reason the case was skipped."""
    if augview.CATALOG.get(case.op) is None:
        return "not in augview.CATALOG yet"
    if case.skip:
        return case.skip
    if image.ndim == 2 and not case.grey:
        return NO_OP
    if case.max_pixels and image.shape[0] * image.shape[1] > case.max_pixels:
        return "above the size this row is measured at (see its note)"
    op = augview.get_op(case.op)
    try:
        pipeline = augview.Pipeline([augview.Step(case.op, dict(case.params))])
        compose, name, export_notes = albumentations_side(pipeline, args.seed)
    except Unexportable as exc:
        return f"no albumentations export ({'; '.join(note.text for note in exc.left_out)})"
    except (KeyError, ValueError, TypeError) as exc:  # a parameter renamed or removed
        return f"cannot build ({type(exc).__name__}: {exc})"
    row = Row(case, transform=name, export_notes=export_notes)
    if case.note:
        row.notes.append(case.note)

    if args.path == "public":
        seeds = itertools.count()

        def run_augview():
            return pipeline(image, seed=next(seeds))

        def run_albu():
            return compose(image=image)["image"]
    else:
        rng = np.random.default_rng(args.seed)
        params, shape = pipeline.steps[0].params, image.shape
        transform = compose.transforms[0]

        def run_augview():
            return op.apply(image, op.draw(rng, params, shape))

        def run_albu():
            return transform(image=image)["image"]

    # One broken op must not stop the whole table; albumentations refuses some inputs (grey images).
    try:
        ours = run_augview()
    except Exception as exc:
        return f"augview failed ({type(exc).__name__}: {str(exc).splitlines()[0]})"
    try:
        theirs = run_albu()
    except Exception as exc:
        return f"albumentations refuses it ({type(exc).__name__}: {str(exc).splitlines()[0]})"
    if ours.dtype != theirs.dtype or ours.shape[2:] != theirs.shape[2:]:
        row.notes.append(f"outputs differ: {ours.dtype}{ours.shape} vs {theirs.dtype}{theirs.shape}")
    elif case.fixed_size and ours.shape != theirs.shape:
        row.notes.append(f"output sizes differ: {ours.shape[:2]} vs {theirs.shape[:2]}")

    seconds = args.seconds * (4 if case.variable_cost else 1)
    row.augview, row.albu, row.ratio = time_pair(run_augview, run_albu, args, seconds, case.variable_cost,
                                                 case.batches)
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


def load_line() -> str:
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return ""
    return f"; load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores at the end"


def environment_line(args) -> str:
    try:
        import albucore
        albucore_version = f" (albucore {albucore.__version__})"
    except ImportError:
        albucore_version = ""
    path = ("the public path: Pipeline([Step(op)])(image, seed=i) vs A.Compose([T(p=1)])(image=image)"
            if args.path == "public" else "the op alone: op.apply(image, op.draw(...)) vs T(p=1)(image=image)")
    return (
        f"{datetime.date.today().isoformat()}, {cpu_model()}, {platform.system()} "
        f"{platform.machine()}, 1 thread; Python {platform.python_version()}, numpy {np.__version__}, "
        f"OpenCV {cv2.__version__}, albumentations {A.__version__}{albucore_version}; "
        f"{IMAGE_PATH.name} resized, uint8; {path}; {args.stat} of {args.batches} batches, "
        f"~{args.seconds:g} s of {args.clock} time per side{load_line()}"
    )


def geomean(values: list[float]) -> float:
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")


def summary(results: dict[str, dict[str, Row | str]], configs: list[str]) -> list[str]:
    lines = []
    every = []
    for config in configs:
        rows = [r for r in results[config].values() if isinstance(r, Row)]
        every += rows
        slow = [r.case.label for r in rows if r.slower]
        lines.append(f"{config}: {len(rows)} measured, geometric mean {geomean([r.ratio for r in rows]):.2f}, "
                     f"{len(slow)} below 1.0" + (f" ({', '.join(slow)})" if slow else ""))
    lines.append(f"all: {len(every)} measured, geometric mean {geomean([r.ratio for r in every]):.2f}, "
                 f"{sum(r.slower for r in every)} below 1.0")
    return lines


def rate(value: float) -> str:
    """Images per second: whole numbers, or two significant digits below 10 (a transform taking
    seconds per image must not print as 0)."""
    return f"{value:,.0f}" if value >= 10 else f"{value:.2g}"


def first_row(results, configs, case) -> Row | None:
    for config in configs:
        result = results[config][case.label]
        if isinstance(result, Row):
            return result
    return None


def row_notes(results, configs, case) -> str:
    notes = [case.note] if case.note else []
    skipped: dict[str, list[str]] = {}
    for config in configs:
        result = results[config][case.label]
        if isinstance(result, Row):
            notes += [f"{config}: {n}" for n in result.notes if n != case.note]
        else:
            skipped.setdefault(result, []).append(config)
    for reason, where in skipped.items():
        greys = [k for k in configs if k.endswith(" grey")]
        label = "grey" if where == greys else ", ".join(where)
        notes.append(f"not measured ({label}): {reason}")
    return "; ".join(notes)


def cell(result: Row | str, markdown: bool) -> str:
    if not isinstance(result, Row):
        return "-"
    if result.slower:
        return f"**{result.ratio:.2f}**" if markdown else f"{result.ratio:.2f}!"
    return f"{result.ratio:.2f}"


def export_footnotes(results, configs, cases) -> list[str]:
    lines = []
    for case in cases:
        row = first_row(results, configs, case)
        if row is not None:
            lines += [f"`{case.label}`: {text.removeprefix('approximate: ')}" for text in dict.fromkeys(row.export_notes)]
    return lines


def print_table(results, cases, configs, args) -> None:
    md = args.markdown
    print(("Measured " if md else "") + environment_line(args) + ("." if md else ""))
    print()
    shown = [c for c in cases if first_row(results, configs, c) is not None]
    names = {c.label: first_row(results, configs, c).transform for c in shown}
    if md:
        print("| op | albumentations | " + " | ".join(configs) + " | note |")
        print("|---|---|" + "---:|" * len(configs) + "---|")
        for c in shown:
            cells = " | ".join(cell(results[k][c.label], True) for k in configs)
            print(f"| `{c.label}` | `{names[c.label]}` | {cells} | {row_notes(results, configs, c)} |")
    else:
        label_w = max([len(c.label) for c in shown] + [2])
        name_w = max([len(n) for n in names.values()] + [14])
        col_w = max(len(k) for k in configs)
        print(f"{'op':<{label_w}}  {'albumentations':<{name_w}}  " + "  ".join(f"{k:>{col_w}}" for k in configs))
        for c in shown:
            cells = "  ".join(f"{cell(results[k][c.label], False):>{col_w}}" for k in configs)
            notes = row_notes(results, configs, c)
            print(f"{c.label:<{label_w}}  {names[c.label]:<{name_w}}  {cells}" + (f"  ({notes})" if notes else ""))
    print()
    for line in summary(results, configs):
        print(("- " if md else "") + line)
    footnotes = export_footnotes(results, configs, shown)
    if footnotes:
        print()
        print("Where the export only approximates the op (the exporter's notes):" if md else "exporter notes:")
        for line in footnotes:
            print(("- " if md else "  ") + line)
    skipped = [(c.label, first_skip(results, configs, c)) for c in cases if first_row(results, configs, c) is None]
    if not args.ops:
        covered = {c.op for c in cases}
        skipped += [(name, "no albumentations counterpart in augview's exporter")
                    for name in sorted(set(augview.CATALOG) - covered)]
    if skipped:
        print()
        for label, reason in skipped:
            print(f"- skipped `{label}`: {reason}" if md else f"skipped {label}: {reason}")


def first_skip(results, configs, case) -> str:
    return next(str(results[k][case.label]) for k in configs)


# ---------------------------------------------------------------------------------------------


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description="Single-threaded throughput of augview ops vs albumentations (built by augview's "
                    "exporter); ratio = augview / albumentations images per second.")
    parser.add_argument("--ops", default="",
                        help="comma-separated op names or row labels (default: every op)")
    parser.add_argument("--path", choices=("public", "op"), default="public",
                        help="public: Pipeline([Step(op)])(image, seed=i) vs A.Compose([T])(image=image) "
                             "(default); op: op.apply(image, op.draw(...)) vs T(image=image)")
    parser.add_argument("--sizes", default=",".join(SIZES),
                        help=f"comma-separated WIDTHxHEIGHT (default: {','.join(SIZES)})")
    parser.add_argument("--colors", default=",".join(COLORS), help="rgb, grey or both (default: rgb,grey)")
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
    parser.add_argument("--seed", type=int, default=0, help="seed of the albumentations side's draws")
    parser.add_argument("--markdown", action="store_true",
                        help="print a Markdown table and a machine line for the README")
    return parser.parse_args(argv)


def import_albumentations() -> bool:
    global A
    try:
        import albumentations
    except ImportError:
        print('albumentations is not installed: install the bench extra with  pip install -e ".[bench]"',
              file=sys.stderr)
        return False
    A = albumentations
    # After the imports: albumentations or its dependencies may change OpenCV's thread count.
    cv2.setNumThreads(1)
    cv2.ocl.setUseOpenCL(False)
    # albumentations warns about grey images, slow transforms and the like on every call.
    warnings.simplefilter("ignore")
    return True


def main(argv=None) -> int:
    args = parse_args(argv)
    if not import_albumentations():
        return 1
    cases = list(CASES)
    if args.ops:
        wanted = [name.strip() for name in args.ops.split(",") if name.strip()]
        unknown = [w for w in wanted if not any(w in (c.op, c.label) for c in CASES)]
        if unknown:
            print(f"no benchmark for: {', '.join(unknown)}; known: "
                  f"{', '.join(sorted({c.op for c in CASES}))}", file=sys.stderr)
            return 2
        cases = [c for c in CASES if c.op in wanted or c.label in wanted]
    pairs = [(s.strip(), c.strip()) for s in args.sizes.split(",") if s.strip()
             for c in args.colors.split(",") if c.strip()]
    configs = [config_label(size, color) for size, color in pairs]
    results: dict[str, dict[str, Row | str]] = {}
    for (size, color), config in zip(pairs, configs):
        image = bench_image(size, color)
        results[config] = {}
        for case in cases:
            result = bench_case(case, image, args)
            results[config][case.label] = result
            print(f"  {config} {case.label}: " + (result if isinstance(result, str) else
                  f"{result.ratio:.2f} ({rate(result.augview)} vs {rate(result.albu)} img/s)"),
                  file=sys.stderr, flush=True)
    print_table(results, cases, configs, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
