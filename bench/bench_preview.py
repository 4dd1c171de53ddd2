"""How live does a slider feel? Drives the real window offscreen and measures, for the default
preset with a 3-variant grid, the latency from a parameter change (a control moved as a person
would) to the updated pixels painted on screen, plus the longest stall of the GUI thread.

    python bench/bench_preview.py                 # the 512x512 sample (with its boxes, mask and
                                                  # keypoints), a generated 24-megapixel photo, and
                                                  # that photo with 200 boxes (YOLO labels beside it)
    python bench/bench_preview.py --changes 50    # quicker
    python bench/bench_preview.py --pause 600     # a pause before each change: the 24 MP photo's
                                                  # full-resolution render runs while it is moved

Latency: from setting the control's value to the last pane's paint of the render that includes
that change. GUI thread CPU: the main thread's processor time per change (painting, wrapping the
worker's arrays, the bench's own polling), which the machine's other load does not inflate. Stall: the longest gap between two ticks of a 1 ms timer on the GUI thread while the
changes run (the event loop cannot tick while the GUI thread is busy).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
import numpy as np  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import augview  # noqa: E402
from augview.core import paths  # noqa: E402


def wait_until(app, condition, timeout=10.0):
    end = time.perf_counter() + timeout
    while not condition():
        app.processEvents()
        if time.perf_counter() > end:
            raise TimeoutError("the window did not render in time")
        time.sleep(0.0002)


def settle(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def measure(app, image_path: str, changes: int, settings_path: str, pause_ms: float = 0.0,
            preset: str = str(paths.DEFAULT_PRESET)) -> dict:
    from augview.gui import MainWindow

    window = MainWindow(image=image_path, preset=preset,
                        settings=QSettings(settings_path, QSettings.Format.IniFormat))
    window.resize(1400, 900)
    window.show()
    wait_until(app, lambda: window.last_output is not None)
    window.mode_box.setCurrentIndex(1)
    window.count_spin.setValue(3)
    wait_until(app, lambda: window.last_output.job_id == window.renders.ticket)

    # The step whose range we drag: the first with a range parameter.
    path, name = None, None
    for index, node in enumerate(window.document.pipeline.steps):
        specs = [s for s in augview.get_op(node.op).params if s.kind == "range"] if hasattr(node, "op") else []
        if specs and node.op == "rotate":
            path, name = (index,), specs[0].name
    window.panel.rebuild(select=path)
    spec, control = window.form.controls[name]

    # The variants' panes: the original's is painted again only when it changes.
    variants = window.preview.cells[1:]
    painted = {"count": 0}
    for cell in variants:
        cell.pane.painted.connect(lambda: painted.__setitem__("count", painted["count"] + 1))

    ticks = {"last": None, "worst": 0.0}
    clock = QElapsedTimer()
    clock.start()

    def tick():
        now = clock.nsecsElapsed() / 1e6
        if ticks["last"] is not None:
            ticks["worst"] = max(ticks["worst"], now - ticks["last"])
        ticks["last"] = now

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(tick)
    timer.start()

    latencies = []
    cpu = time.thread_time()  # the GUI thread's own work, whatever else the machine runs
    for i in range(changes):
        if pause_ms:
            settle(app, pause_ms / 1000)
        low = -5.0 - (i % 40)
        target = window.renders.ticket + 1
        start = time.perf_counter()
        control.set((low, -low))  # emits valueChanged like a drag does
        wait_until(app, lambda: window.last_output is not None and window.last_output.job_id >= target)
        painted["count"] = 0
        wait_until(app, lambda: painted["count"] >= len(variants))
        latencies.append((time.perf_counter() - start) * 1000)
    timer.stop()
    cpu = (time.thread_time() - cpu) * 1000 / changes
    stall = ticks["worst"]
    boxes = window.targets.loaded.shown
    overlays = sum(overlay is not None for overlay in window.last_output.overlays)
    window.document.mark_saved(window.document.path or "")
    window.close()
    latencies.sort()
    return {
        "p50": statistics.median(latencies),
        "p95": latencies[int(0.95 * (len(latencies) - 1))],
        "max": latencies[-1],
        "stall": stall,
        "cpu": cpu,
        "boxes": 0 if boxes is None else len(boxes.annotations),
        "overlays": overlays,
    }


def write_boxes(photo: Path, count: int, seed: int = 0) -> None:
    """``count`` YOLO boxes of 10 classes beside ``photo`` (photo.txt, classes.txt)."""
    rng = np.random.default_rng(seed)
    centres = rng.uniform(0.05, 0.95, (count, 2))
    sizes = rng.uniform(0.01, 0.1, (count, 2))
    lines = [f"{i % 10} {x:.6f} {y:.6f} {w:.6f} {h:.6f}" for i, ((x, y), (w, h)) in enumerate(zip(centres, sizes))]
    photo.with_suffix(".txt").write_text("\n".join(lines) + "\n")
    (photo.parent / "classes.txt").write_text("\n".join(f"class {i}" for i in range(10)) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--pause", type=float, default=0.0, help="ms of quiet before each change")
    parser.add_argument("--preset", default=str(paths.DEFAULT_PRESET), help="needs a rotate step")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "photo_24mp.jpg"
        sample = augview.load_image(paths.SAMPLE_IMAGE)
        pixels = cv2.resize(sample, (6000, 4000), interpolation=cv2.INTER_CUBIC)
        augview.save_image(big, pixels, quality=90)
        boxed = Path(tmp) / "boxes" / "photo_24mp.jpg"
        boxed.parent.mkdir()
        augview.save_image(boxed, pixels, quality=90)
        write_boxes(boxed, 200)
        bare = Path(tmp) / "sample_without_annotations.png"
        augview.save_image(bare, sample)
        rows = [
            ("512x512 sample, no annotations",
             measure(app, str(bare), args.changes, f"{tmp}/0.ini", args.pause, args.preset), 16.7),
            ("512x512 sample (7 boxes, a mask, 5 keypoints)",
             measure(app, str(paths.SAMPLE_IMAGE), args.changes, f"{tmp}/a.ini", args.pause, args.preset), 16.7),
            ("24 MP (6000x4000)", measure(app, str(big), args.changes, f"{tmp}/b.ini", args.pause, args.preset), 50.0),
            ("24 MP (6000x4000), 200 boxes",
             measure(app, str(boxed), args.changes, f"{tmp}/c.ini", args.pause, args.preset), 50.0),
        ]
    pause = f", {args.pause:.0f} ms pause before each" if args.pause else ""
    print(f"{args.changes} changes of rotate's range{pause}, {Path(args.preset).name}, grid of 3 variants")
    print(f"load average: {load:.1f} before, {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} CPUs")
    print("| image | p50 ms | p95 ms | max ms | longest GUI stall ms | GUI thread CPU ms per change | p95 goal |")
    print("|---|---|---|---|---|---|---|")
    for label, r, goal in rows:
        verdict = "ok" if r["p95"] < goal else "MISSED"
        label += f" [{r['boxes']} boxes drawn in {r['overlays']} variants]"
        print(f"| {label} | {r['p50']:.1f} | {r['p95']:.1f} | {r['max']:.1f} | {r['stall']:.1f} | {r['cpu']:.1f} "
              f"| < {goal} ({verdict}) |")


if __name__ == "__main__":
    main()
