#!/usr/bin/env python
"""Per-call and per-step overhead of a pipeline against albumentations' Compose, on a tiny image
where the ops themselves cost next to nothing.

Both run in this process, single-threaded, through the public path users call:
``augview.Pipeline(steps)(image, seed=i)`` (and without a seed, and with boxes and keypoints)
against ``A.Compose(transforms)(image=image)``. Pipelines of 1 and 5 steps of one op; the per-step
cost is (5-step time - 1-step time) / 4 and the per-call cost the 1-step time minus one step. Each
side is timed in batches interleaved with the other on the process's CPU clock; the medians are
reported. ratio = albumentations time / augview time (above 1: augview has less overhead).

    python bench/bench_overhead.py              # plain text
    python bench/bench_overhead.py --markdown   # the README table
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"
os.environ.setdefault("NO_ALBUMENTATIONS_UPDATE", "1")

import argparse  # noqa: E402
import datetime  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
import numpy as np  # noqa: E402

import augview  # noqa: E402

CALLS = 2000  # per batch
BATCHES = 15


def timed(fn) -> float:
    """Microseconds per call of one batch, on the process clock."""
    start = time.process_time()
    for i in range(CALLS):
        fn(i)
    return (time.process_time() - start) / CALLS * 1e6


def measure(cases: dict) -> dict:
    for fn in cases.values():
        timed(fn)  # warm up
    samples = {name: [] for name in cases}
    for _ in range(BATCHES):
        for name, fn in cases.items():  # interleaved, so a busy moment hits every case alike
            samples[name].append(timed(fn))
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    import warnings

    import albumentations as A

    warnings.simplefilter("ignore")  # albumentations warns that these Compose have no box transform
    cv2.setNumThreads(1)
    image = np.zeros((8, 8, 3), np.uint8)
    boxes = np.array([[1, 1, 5, 6], [2, 0, 8, 4]], float)
    points = np.array([[1.0, 2.0], [6.0, 5.0]])
    rows = []
    for label, ours, theirs in (
        ("horizontal_flip", lambda: augview.Step("horizontal_flip"), lambda: A.HorizontalFlip(p=1)),
        ("brightness_contrast", lambda: augview.Step("brightness_contrast"),
         lambda: A.RandomBrightnessContrast(p=1)),
    ):
        one, five = augview.Pipeline([ours()]), augview.Pipeline([ours() for _ in range(5)])
        a_one, a_five = A.Compose([theirs()]), A.Compose([theirs() for _ in range(5)])
        a_one_t = A.Compose([theirs()], bbox_params=A.BboxParams("pascal_voc", label_fields=["l"]),
                            keypoint_params=A.KeypointParams("xy"))
        a_five_t = A.Compose([theirs() for _ in range(5)], bbox_params=A.BboxParams("pascal_voc", label_fields=["l"]),
                             keypoint_params=A.KeypointParams("xy"))
        times = measure({
            "ours 1 seed": lambda i: one(image, seed=i), "ours 5 seed": lambda i: five(image, seed=i),
            "ours 1": lambda i: one(image), "ours 5": lambda i: five(image),
            "ours 1 targets": lambda i: one.apply(image, seed=i, boxes=boxes, box_labels=[0, 1], keypoints=points),
            "ours 5 targets": lambda i: five.apply(image, seed=i, boxes=boxes, box_labels=[0, 1], keypoints=points),
            "alb 1": lambda i: a_one(image=image), "alb 5": lambda i: a_five(image=image),
            "alb 1 targets": lambda i: a_one_t(image=image, bboxes=boxes, l=[0, 1], keypoints=points),
            "alb 5 targets": lambda i: a_five_t(image=image, bboxes=boxes, l=[0, 1], keypoints=points),
        })
        for mode, ours_key, alb_key in (("with a seed", "ours {} seed", "alb {}"), ("no seed", "ours {}", "alb {}"),
                                        ("boxes + keypoints", "ours {} targets", "alb {} targets")):
            o1, o5 = times[ours_key.format(1)], times[ours_key.format(5)]
            a1, a5 = times[alb_key.format(1)], times[alb_key.format(5)]
            o_step, a_step = (o5 - o1) / 4, (a5 - a1) / 4
            o_call, a_call = o1 - o_step, a1 - a_step
            rows.append((label, mode, o_call, a_call, o_step, a_step))
    from bench_ops import cpu_model, load_line

    print(("Measured " if args.markdown else "") + f"{datetime.date.today().isoformat()}, {cpu_model()}, "
          f"{platform.system()} {platform.machine()}, 1 thread; Python {platform.python_version()}, numpy "
          f"{np.__version__}, OpenCV {cv2.__version__}, albumentations {A.__version__}; 8x8 RGB image; medians of "
          f"{BATCHES} interleaved batches of {CALLS} calls{load_line()}" + ("." if args.markdown else ""))
    print()
    if args.markdown:
        print("| op | mode | augview per call µs | albumentations per call µs | ratio | augview per step µs "
              "| albumentations per step µs | ratio |")
        print("|---|---|---:|---:|---:|---:|---:|---:|")
        for label, mode, oc, ac, os_, as_ in rows:
            print(f"| `{label}` | {mode} | {oc:.1f} | {ac:.1f} | {ac / oc:.2f} | {os_:.1f} | {as_:.1f} | {as_ / os_:.2f} |")
    else:
        print(f"{'op':22} {'mode':18} {'call µs ours':>12} {'alb':>8} {'ratio':>6} {'step µs ours':>13} {'alb':>8} {'ratio':>6}")
        for label, mode, oc, ac, os_, as_ in rows:
            print(f"{label:22} {mode:18} {oc:12.1f} {ac:8.1f} {ac / oc:6.2f} {os_:13.1f} {as_:8.1f} {as_ / os_:6.2f}")


if __name__ == "__main__":
    main()
