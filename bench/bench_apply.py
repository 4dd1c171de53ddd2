#!/usr/bin/env python
"""Throughput of ``augview apply`` on a folder of photos, with 1, 2 and all workers, and with
``--engine ray`` on a local Ray instance (2 CPUs), against the equivalent single-process
albumentations loop.

A folder of 200 JPEG photos (640x480 to 800x600, in 4 sub-folders) is generated from the bundled
sample photos, then each configuration augments it into a fresh output folder with the shipped
preset (presets/light_classification.json: random resized crop to 224x224, flip, small rotation,
brightness and contrast),
end to end: walking, decoding, augmenting, PNG encoding, atomic writes, manifest, and starting the
worker processes. The albumentations loop does the same work as a user would write it:
``cv2.imread`` -> the preset as exported to albumentations by augview's interop -> ``cv2.imwrite``
(PNG), one process, OpenCV's default threads.

    python bench/bench_apply.py                     # 200 photos, 1 variant each, best of 3
    python bench/bench_apply.py --images 1000 --variants 3 --repeat 1
    python bench/bench_apply.py --markdown          # a table for the README

images/s counts source images; speed-up is relative to augview with 1 worker. Every run includes
starting its worker processes (about a quarter of a second on a first run, about 10 ms on later
runs, once the fork server is up); pass --images 1000 to see the rate that a large folder gets.
augview's runs are timed in a child process that stays up for all rounds and, like the command,
has no script that its workers would import again (see `_RUNNER`).

The Ray row (when Ray is installed: ``pip install -e ".[ray]"``; ``--no-ray`` leaves it out) runs
``apply_on_ray`` on a local instance with ``--ray-cpus`` CPUs (default 2), started once before the
rounds, as a cluster is up before a job comes: its start and the first run (Ray's workers start
and import augview) are printed apart; the rows count the best round, as the others do.
"""

from __future__ import annotations

import os

os.environ.setdefault("NO_ALBUMENTATIONS_UPDATE", "1")  # no PyPI version check on import

import argparse  # noqa: E402
import datetime  # noqa: E402
import platform  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # time the checkout this script lives in

import cv2  # noqa: E402
import numpy as np  # noqa: E402

import augview  # noqa: E402

# Nothing else at the top: what the albumentations side and the Ray row need is imported when
# they run (augview's own runs are timed in a child process, see `_RUNNER`).

PRESET = ROOT / "presets" / "light_classification.json"
PHOTOS = ("astronaut.png", "chelsea.png", "coffee.png", "camera.png")


def make_photos(folder: Path, count: int, seed: int = 0) -> None:
    """``count`` distinct JPEG "photos": random crops of the sample photos, resized to 640x480 ..
    800x600, with a random flip and exposure, in 4 class folders."""
    rng = np.random.default_rng(seed)
    samples = [augview.load_image(ROOT / "assets" / name) for name in PHOTOS]
    for index in range(count):
        image = samples[index % len(samples)]
        height, width = image.shape[:2]
        h, w = int(rng.integers(height // 2, height + 1)), int(rng.integers(width // 2, width + 1))
        y, x = int(rng.integers(0, height - h + 1)), int(rng.integers(0, width - w + 1))
        out_w = int(rng.integers(640, 801))
        photo = cv2.resize(image[y:y + h, x:x + w], (out_w, out_w * 3 // 4), interpolation=cv2.INTER_CUBIC)
        if rng.random() < 0.5:
            photo = photo[:, ::-1]
        photo = cv2.convertScaleAbs(photo, alpha=float(rng.uniform(0.8, 1.2)), beta=float(rng.uniform(-20, 20)))
        path = folder / f"class{index % 4}" / f"photo_{index:04d}.jpg"
        path.parent.mkdir(parents=True, exist_ok=True)
        augview.save_image(path, np.ascontiguousarray(photo), quality=90)


OUTPUT_BYTES: dict[str, int] = {}  # total size of the images each side wrote in its last run


def image_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*.png"))


def default_png_bytes(folder: Path) -> int:
    """What the same images would take written with cv2.imwrite's default PNG settings."""
    return sum(len(cv2.imencode(".png", cv2.imread(str(p), cv2.IMREAD_UNCHANGED))[1]) for p in folder.rglob("*.png"))


# augview's runs are timed in a child process started with `python -c`, whose main module is no
# file: the `augview` command's worker processes import only its few-line launcher script again,
# where each worker of a run started from this script would import the script (and what it
# imports) again, about 70 ms more per run than the command takes. The child stays up from round
# to round, as this process does for the albumentations loop.
_RUNNER = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
import augview
from augview.batch.run import run_apply
pipeline = augview.Pipeline.load(sys.argv[2])
for line in sys.stdin:
    source, out, workers, variants = line.rstrip("\n").split("\t")
    start = time.perf_counter()
    summary = run_apply(pipeline, source, out, variants=int(variants), workers=int(workers), progress=False)
    seconds = time.perf_counter() - start
    whole = summary.written == summary.sources * int(variants) and not summary.failed
    print(repr(seconds) if whole else "failed: " + summary.line(), flush=True)
"""
_runner = None


def time_augview(source: Path, work: Path, workers: int, variants: int) -> float:
    global _runner
    if _runner is None:
        _runner = subprocess.Popen([sys.executable, "-c", _RUNNER, str(ROOT), str(PRESET)], text=True,
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    out = work / f"augview_{workers}"
    _runner.stdin.write(f"{source}\t{out}\t{workers}\t{variants}\n")
    _runner.stdin.flush()
    answer = _runner.stdout.readline()
    assert answer and not answer.startswith("failed"), answer or "the augview runner died"
    seconds = float(answer)
    if "augview" not in OUTPUT_BYTES:  # (not timed)
        OUTPUT_BYTES["augview"], OUTPUT_BYTES["default"] = image_bytes(out), default_png_bytes(out)
    shutil.rmtree(out)
    return seconds


def start_ray(cpus: int) -> float | None:
    """Start a local Ray instance; its start-up time, or None without Ray."""
    try:
        import ray
        import augview.batch.ray_engine  # noqa: F401
    except ImportError:
        print('Ray is not installed (pip install -e ".[ray]"): no Ray row', file=sys.stderr)
        return None
    start = time.perf_counter()
    ray.init(num_cpus=cpus, include_dashboard=False, logging_level="WARNING")
    return time.perf_counter() - start


def time_ray(source: Path, work: Path, cpus: int, variants: int) -> float:
    from augview.batch.ray_engine import apply_on_ray

    pipeline = augview.Pipeline.load(PRESET)
    out = work / "ray"
    start = time.perf_counter()
    summary = apply_on_ray(pipeline, source, out, variants=variants, workers=cpus, progress=False)
    seconds = time.perf_counter() - start
    assert summary.written == summary.sources * variants and not summary.failed, summary.line()
    shutil.rmtree(out)
    return seconds


def albumentations_transform():
    """The preset as albumentations runs it: augview's own export (``augview export``), so the
    two sides stay the same pipeline when the preset changes. Returns (transform, notes)."""
    import albumentations as A

    from augview.interop import to_albumentations

    data, notes = to_albumentations(augview.Pipeline.load(PRESET))
    transform = A.from_dict(data)
    transform.set_random_seed(0)
    return transform, notes


def time_albumentations(source: Path, work: Path, variants: int) -> float:
    transform, _ = albumentations_transform()
    files = sorted(source.rglob("*.jpg"))
    out = work / "albu"
    start = time.perf_counter()
    for path in files:
        target = out / path.relative_to(source).parent
        target.mkdir(parents=True, exist_ok=True)
        image = cv2.cvtColor(cv2.imread(str(path)), cv2.COLOR_BGR2RGB)
        for variant in range(variants):
            augmented = transform(image=image)["image"]
            cv2.imwrite(str(target / f"{path.name}.aug{variant:02d}.png"),
                        cv2.cvtColor(augmented, cv2.COLOR_RGB2BGR))
    seconds = time.perf_counter() - start
    shutil.rmtree(out)
    return seconds


def environment(args, cores: int) -> str:
    try:
        import albumentations
        albu = f", albumentations {albumentations.__version__}"
    except ImportError:
        albu = ""
    from bench_ops import cpu_model  # (this folder is on sys.path when run as a script)

    cpu = cpu_model()
    return (f"{datetime.date.today().isoformat()}, {cpu}, {cores} cores available, {platform.system()}; "
            f"Python {platform.python_version()}, OpenCV {cv2.__version__}{albu}; {args.images} JPEG "
            f"photos 640x480..800x600, {args.variants} variant(s) each, best of {args.repeat}; load average "
            f"{os.getloadavg()[0]:.1f} at the end")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--images", type=int, default=200, help="photos to generate (default 200)")
    parser.add_argument("--variants", type=int, default=1, help="variants per photo (default 1)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per configuration; the best counts")
    parser.add_argument("--workers", default="", help="comma-separated worker counts (default: 1, 2, all)")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--no-ray", action="store_true", help="leave out the Ray row")
    parser.add_argument("--ray-cpus", type=int, default=2, help="CPUs of the local Ray instance (default 2)")
    args = parser.parse_args(argv)

    from augview.batch.run import default_workers

    cores = default_workers()
    counts = [int(w) for w in args.workers.split(",") if w.strip()] or sorted({1, 2, cores})
    with tempfile.TemporaryDirectory(prefix="augview-bench-") as tmp:
        source, work = Path(tmp) / "photos", Path(tmp) / "out"
        make_photos(source, args.images)
        runs = {f"augview apply, {w} worker{'s' if w > 1 else ''}":
                (lambda w=w: time_augview(source, work, w, args.variants)) for w in counts}
        notes, firsts = [], {}
        ray_start = None if args.no_ray else start_ray(args.ray_cpus)
        if ray_start is not None:
            label = f"augview apply --engine ray, local instance, {args.ray_cpus} CPUs"
            runs[label] = lambda: time_ray(source, work, args.ray_cpus, args.variants)
            firsts[label] = None
        try:
            _, notes = albumentations_transform()
            runs["albumentations loop, 1 process"] = lambda: time_albumentations(source, work, args.variants)
        except ImportError:
            print('albumentations is not installed (pip install -e ".[bench]"): no comparison',
                  file=sys.stderr)
        # Rounds, each running every configuration once, alternating the order: drift of a shared
        # machine's load then hits every configuration alike. The best round of each counts.
        best = {label: float("inf") for label in runs}
        for attempt in range(args.repeat):
            for label in (list(runs) if attempt % 2 == 0 else list(runs)[::-1]):
                seconds = runs[label]()
                if label in firsts and firsts[label] is None:
                    firsts[label] = seconds
                best[label] = min(best[label], seconds)
            print(f"  round {attempt + 1}: " + ", ".join(f"{label} {args.images / s:.0f}/s"
                                                        for label, s in best.items()),
                  file=sys.stderr, flush=True)
        rows = list(best.items())
        if ray_start is not None:
            import ray
            ray.shutdown()

    single = rows[0][1] if counts[0] == 1 else None
    albu = rows[-1][1] if rows[-1][0].startswith("albumentations") else None
    print(("Measured " if args.markdown else "") + environment(args, cores) + ("." if args.markdown else ""))
    for note in notes:
        print(f"albumentations side: {note}")
    if OUTPUT_BYTES:
        ours, default = OUTPUT_BYTES["augview"], OUTPUT_BYTES["default"]
        print(f"PNG size: augview's outputs take {ours:,} bytes, {ours / default:.3f}x what the same images take "
              f"with cv2.imwrite's default PNG settings ({default:,} bytes; the albumentations loop's)")
    for label, seconds in firsts.items():
        print(f"Ray: local instance started in {ray_start:.1f} s (not in the rows); first run of "
              f"'{label}' {seconds:.2f} s ({args.images / seconds:.0f} images/s; its workers start)")
    print()
    if args.markdown:
        print("| run | seconds | images/s | vs 1 worker | vs albumentations |")
        print("|---|---:|---:|---:|---:|")
    else:
        print(f"{'run':<34} {'seconds':>8} {'images/s':>9} {'vs 1 worker':>12} {'vs albu':>8}")
    for label, seconds in rows:
        rate = args.images / seconds
        vs_one = f"{single / seconds:.2f}x" if single else "-"
        vs_albu = f"{albu / seconds:.2f}x" if albu else "-"
        if args.markdown:
            print(f"| {label} | {seconds:.2f} | {rate:.0f} | {vs_one} | {vs_albu} |")
        else:
            print(f"{label:<34} {seconds:>8.2f} {rate:>9.0f} {vs_one:>12} {vs_albu:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
