#!/usr/bin/env python
"""Throughput of each shipped preset against its own albumentations export, through the path
users call, at three image sizes.

Both run in this process, single-threaded: ``pipe(image, seed=i)`` against the pipeline that
``augview export --to albumentations`` writes for the preset, built with ``A.from_dict`` and
called as ``compose(image=image)``. A preset with steps that have no albumentations counterpart
would run on both sides without them (each left out step becomes an empty group on the augview
side, an empty ``Sequential`` on the albumentations side, so the other steps keep their odds);
the table says which. Presets whose crops keep boxes (``bbox_safe_random_crop``) run with two
boxes on both sides, as BBoxSafeRandomCrop refuses a call without them. Timing as in
bench_ops.py (interleaved batches on the process's CPU clock), but rated by total images / total
time, as the steps a preset fires differ from image to image; ratio = augview / albumentations
images per second (above 1.0 augview is faster).

    python bench/bench_presets.py               # every shipped preset, 3 sizes, plain text
    python bench/bench_presets.py --markdown    # the README table
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
             "VECLIB_MAXIMUM_THREADS"):
    os.environ[_var] = "1"
os.environ.setdefault("NO_ALBUMENTATIONS_UPDATE", "1")

import argparse  # noqa: E402
import copy  # noqa: E402
import itertools  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

import augview  # noqa: E402
import bench_ops  # noqa: E402  (this folder is on sys.path when run as a script)
from augview.interop import to_albumentations  # noqa: E402
from augview.interop.notes import LEFT_OUT  # noqa: E402

PRESETS = sorted((ROOT / "presets").glob("*.json"))
# Two boxes as fractions of the image (x_min, y_min, x_max, y_max), for presets that need boxes.
BOXES = np.array([[0.20, 0.10, 0.60, 0.70], [0.50, 0.40, 0.90, 0.95]])


def without_left_out(pipeline: augview.Pipeline) -> tuple[augview.Pipeline, list[str]]:
    """The pipeline with each step the exporter leaves out replaced by an empty group (same place,
    same p), and the exporter's reasons."""
    try:
        _, notes = to_albumentations(pipeline, skip_unsupported=True)
    except Exception as exc:  # noqa: BLE001 (reported, not hidden)
        return pipeline, [f"cannot export: {exc}"]
    left_out = [note for note in notes if note.kind == LEFT_OUT]
    if not left_out:
        return pipeline, []
    trimmed = pipeline.copy()
    for note in left_out:
        indices = [int(i) for i in re.findall(r"\[(\d+)\]", note.where)]
        nodes = trimmed.steps
        for index in indices[:-1]:
            nodes = nodes[index].steps
        nodes[indices[-1]] = augview.Group("sequence", [], p=nodes[indices[-1]].p)
    return augview.Pipeline(trimmed.steps, name=pipeline.name, seed=pipeline.seed, targets=pipeline.targets), [
        str(note) for note in left_out]


def needs_boxes(nodes) -> bool:
    for node in nodes:
        if isinstance(node, augview.Step):
            if node.enabled and augview.get_op(node.op).uses_boxes:
                return True
        elif node.enabled and needs_boxes(node.steps):
            return True
    return False


def bench_preset(path: Path, image: np.ndarray, args):
    """``(row, notes)``: the measured ratio and rates, and what to say about the preset."""
    pipeline, notes = without_left_out(augview.Pipeline.load(path))
    data, _ = to_albumentations(pipeline)
    A = bench_ops.A
    seeds = itertools.count()
    if needs_boxes(pipeline.steps):
        height, width = image.shape[:2]
        boxes = BOXES * [width, height, width, height]
        labels = [0, 1]
        settings = pipeline.targets
        transforms = A.from_dict(data).transforms
        compose = A.Compose(transforms, bbox_params=A.BboxParams(
            "pascal_voc", label_fields=["labels"], min_area=settings.min_area,
            min_visibility=settings.min_visibility))
        notes.append("with 2 boxes on both sides (BBoxSafeRandomCrop needs them)")

        def ours():
            return pipeline.apply(image, seed=next(seeds), boxes=boxes, box_labels=labels).image

        def theirs():
            return compose(image=image, bboxes=boxes, labels=labels)["image"]
    else:
        compose = A.from_dict(data)

        def ours():
            return pipeline(image, seed=next(seeds))

        def theirs():
            return compose(image=image)["image"]
    compose.set_random_seed(args.seed)
    ours(), theirs()
    # Rated by total images / total time: a preset's steps fire at random and cost very different
    # amounts (one image of color_examples may get a cheap invert, the next a fog that costs
    # albumentations half a second), so batch medians would mostly say which steps a batch drew.
    return bench_ops.time_pair(ours, theirs, args, args.seconds, variable_cost=True), notes


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(bench_ops.SIZES), help="comma-separated WIDTHxHEIGHT")
    parser.add_argument("--colors", default="rgb", help="rgb, grey or both (default: rgb)")
    parser.add_argument("--presets", default="", help="comma-separated preset names (default: every shipped one)")
    parser.add_argument("--seconds", type=float, default=3.0, help="time per side per preset and size (default 3)")
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--clock", choices=tuple(bench_ops.CLOCKS), default="cpu")
    parser.add_argument("--max-iter", type=int, default=20000)
    parser.add_argument("--stat", choices=("median", "min"), default="median")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args(argv)
    args.path = "public"
    if not bench_ops.import_albumentations():
        return 1
    presets = [p for p in PRESETS if not args.presets or p.stem in args.presets.split(",")]
    configs = [(size, color) for size in args.sizes.split(",") for color in args.colors.split(",")]
    labels = [bench_ops.config_label(size, color) for size, color in configs]
    results: dict[str, dict[str, tuple]] = {}
    notes: dict[str, list[str]] = {}
    for (size, color), label in zip(configs, labels):
        image = bench_ops.bench_image(size, color)
        for path in presets:
            try:
                (rate_ours, rate_theirs, ratio), preset_notes = bench_preset(path, image, args)
            except Exception as exc:  # one preset albumentations refuses must not stop the table
                results.setdefault(path.stem, {})[label] = None
                notes.setdefault(path.stem, []).append(f"{label}: {type(exc).__name__}: {str(exc).splitlines()[0]}")
                continue
            results.setdefault(path.stem, {})[label] = (rate_ours, rate_theirs, ratio)
            notes[path.stem] = preset_notes
            print(f"  {label} {path.stem}: {ratio:.2f} ({bench_ops.rate(rate_ours)} vs "
                  f"{bench_ops.rate(rate_theirs)} img/s)", file=sys.stderr, flush=True)
    md = args.markdown
    line = bench_ops.environment_line(args).replace(
        "the public path: Pipeline([Step(op)])(image, seed=i) vs A.Compose([T(p=1)])(image=image)",
        "pipe(image, seed=i) vs the preset's albumentations export").replace(
        f"{args.stat} of {args.batches} batches", f"total images / total time over {args.batches} batches")
    print(("Measured " if md else "") + line + ("." if md else ""))
    print()
    cells = lambda values: [("-" if v is None else (f"**{v[2]:.2f}**" if md and v[2] < 1.2 else f"{v[2]:.2f}"))
                            for v in values]
    if md:
        print("| preset | " + " | ".join(labels) + " | note |")
        print("|---|" + "---:|" * len(labels) + "---|")
    else:
        print(f"{'preset':28} " + " ".join(f"{k:>16}" for k in labels))
    for name, by_config in results.items():
        row = cells([by_config.get(k) for k in labels])
        note = "; ".join(dict.fromkeys(notes.get(name, []))) or ("exports whole" if md else "")
        if md:
            print(f"| `{name}` | " + " | ".join(row) + f" | {note} |")
        else:
            print(f"{name:28} " + " ".join(f"{c:>16}" for c in row) + (f"  ({note})" if note else ""))
    measured = [v[2] for by_config in results.values() for v in by_config.values() if v is not None]
    print()
    print(("- " if md else "") + f"{len(measured)} measured, geometric mean {bench_ops.geomean(measured):.2f}, "
          f"lowest {min(measured):.2f}; target: every preset at 1.2x or more" + ("." if md else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
