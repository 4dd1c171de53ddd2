#!/usr/bin/env python
"""What boxes, keypoints and a mask add to a pipeline's time (issue 11's goal: under 5% for 50
boxes and 50 keypoints on a 640x480 image), beside what they add to albumentations' Compose.

augview side: for each preset, 64 seeded applications with the targets give 64 traces; each case
then replays those same traces (`Pipeline.replay`), with only the image, with 50 boxes and 50
keypoints, and with a mask too. Every case does the same pixel work (a box-aware crop draws
another window when it sees boxes, so seeded `apply` calls with and without boxes would not), and
replaying skips the sampling, so the overhead is measured against a slightly smaller time than a
training loop's: it errs on the high side.

albumentations side, in the same run: the preset exported (`augview export --to albumentations`,
steps without a counterpart left out), called with ``image=`` only (and an empty ``bboxes=[]``,
which BBoxSafeRandomCrop needs), then with ``bboxes=`` and ``keypoints=``, then with ``mask=`` too;
each batch starts from the same seed.

Both single-threaded, on the process's CPU clock, in batches interleaved across the cases; the
median batch is reported. overhead = the median over batches of (time with targets / time without
in the same batch) - 1: paired, so a slow patch of a shared machine slows both sides of a ratio.

    python bench/bench_targets.py                  # plain text
    python bench/bench_targets.py --markdown       # the README table
    python bench/bench_targets.py --presets light_detection --batches 5
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"
os.environ.setdefault("NO_ALBUMENTATIONS_UPDATE", "1")

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
import numpy as np  # noqa: E402

import augview  # noqa: E402
from augview.interop import to_albumentations  # noqa: E402

PRESETS = ("light_detection", "geometric_examples", "heavy_classification")
SEEDS = 64
CASES = ("image", "boxes+keypoints", "boxes+keypoints+mask")


def targets(count: int = 50, seed: int = 0):
    """The 640x480 photo, ``count`` boxes (16 to 120 px a side) and keypoints inside it, and a
    label mask with the boxes painted in."""
    image = cv2.resize(augview.load_image(ROOT / "assets" / "astronaut.png"), (640, 480),
                       interpolation=cv2.INTER_AREA)
    rng = np.random.default_rng(seed)
    sizes = rng.uniform(16, 120, (count, 2))
    corners = rng.uniform(0, 1, (count, 2)) * ([640, 480] - sizes)
    boxes = np.column_stack([corners, corners + sizes])
    points = rng.uniform([0, 0], [640, 480], (count, 2))
    mask = np.zeros((480, 640), np.uint8)
    for i, (x0, y0, x1, y1) in enumerate(boxes.astype(int)):
        mask[y0:y1, x0:x1] = i % 20 + 1
    return image, boxes, points, mask


def augview_cases(pipe, image, boxes, points, mask) -> dict:
    traces = [pipe.apply(image, seed=seed, boxes=boxes, keypoints=points, mask=mask).trace for seed in range(SEEDS)]
    settings = pipe.targets
    kwargs = {"image": {}, "boxes+keypoints": {"boxes": boxes, "keypoints": points},
              "boxes+keypoints+mask": {"boxes": boxes, "keypoints": points, "mask": mask}}

    def case(extra):
        def run():
            for trace in traces:
                augview.Pipeline.replay(image, trace, settings=settings, **extra)
        return run
    return {name: case(extra) for name, extra in kwargs.items()}


def albumentations_cases(pipe, image, boxes, points, mask) -> dict | None:
    try:
        import albumentations as A
    except ImportError:
        return None
    data, _ = to_albumentations(pipe, skip_unsupported=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        compose = A.from_dict(data)
    box_list, point_list = boxes.tolist(), points.tolist()
    # An empty box list for the image alone: BBoxSafeRandomCrop (light_detection) needs the key.
    kwargs = {"image": {"bboxes": []}, "boxes+keypoints": {"bboxes": box_list, "keypoints": point_list},
              "boxes+keypoints+mask": {"bboxes": box_list, "keypoints": point_list, "mask": mask}}
    if data["transform"]["bbox_params"] is None:
        return None

    def case(extra):
        def run():
            compose.set_random_seed(0)
            for _ in range(SEEDS):
                compose(image=image, **extra)
        return run
    return {name: case(extra) for name, extra in kwargs.items()}


def measure(cases: dict, batches: int) -> tuple[dict, dict]:
    """Median milliseconds per image of each case, and the median over batches of each case's
    time over the image-only case's time in the same batch (paired, so a slow patch of a shared
    machine slows both sides of a ratio), batches interleaved."""
    for run in cases.values():
        run()  # warm up
    samples = {name: [] for name in cases}
    for _ in range(batches):
        for name, run in cases.items():
            start = time.process_time()
            run()
            samples[name].append((time.process_time() - start) / SEEDS * 1000)
    base = samples["image"]
    ratios = {name: statistics.median(t / b for t, b in zip(values, base)) for name, values in samples.items()}
    return {name: statistics.median(values) for name, values in samples.items()}, ratios


def _cells(times: dict, ratios: dict) -> list[str]:
    """The image-only time, then each target case's time with its paired overhead."""
    return [f"{times['image']:.2f}"] + [f"{times[c]:.2f} ({100 * (ratios[c] - 1):+.1f}%)" for c in CASES[1:]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--presets", default=",".join(PRESETS), help="comma-separated shipped presets")
    parser.add_argument("--batches", type=int, default=9, help="batches per case (default 9)")
    parser.add_argument("--markdown", action="store_true", help="a Markdown table for the README")
    args = parser.parse_args()
    cv2.setNumThreads(1)
    image, boxes, points, mask = targets()
    rows = []
    for name in args.presets.split(","):
        pipe = augview.Pipeline.load(ROOT / "presets" / f"{name}.json")
        ours = measure(augview_cases(pipe, image, boxes, points, mask), args.batches)
        albu_cases = albumentations_cases(pipe, image, boxes, points, mask)
        theirs = measure(albu_cases, args.batches) if albu_cases else None
        rows.append((name, ours, theirs))
    if args.markdown:
        print("| preset | augview ms/image: image | + 50 boxes, 50 keypoints | + mask | albumentations ms/image: "
              "image | + boxes, keypoints | + mask |")
        print("|---|---:|---:|---:|---:|---:|---:|")
    for name, ours, theirs in rows:
        cells = _cells(*ours)
        if theirs:
            cells += _cells(*theirs)
        else:
            cells += ["-"] * 3
        if args.markdown:
            print(f"| `{name}` | " + " | ".join(cells) + " |")
        else:
            print(f"{name:22s} augview {cells[0]:>6s} ms, {cells[1]:>16s}, {cells[2]:>16s}   "
                  f"albumentations {cells[3]:>6s}, {cells[4]:>16s}, {cells[5]:>16s}")


if __name__ == "__main__":
    main()
