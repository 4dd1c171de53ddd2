"""How live does a slider feel? Drives the real window offscreen and measures, for the default
preset with a 3-variant grid, the latency from a parameter change (a control moved as a person
would) to the updated pixels painted on screen, plus the longest stall of the GUI thread.

    python bench/bench_preview.py                 # 512x512 sample and a generated 24-megapixel photo
    python bench/bench_preview.py --changes 50    # quicker
    python bench/bench_preview.py --pause 600     # a pause before each change: the 24 MP photo's
                                                  # full-resolution render runs while it is moved

Latency: from setting the control's value to the last pane's paint of the render that includes
that change. Stall: the longest gap between two ticks of a 1 ms timer on the GUI thread while the
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
    wait_until(app, lambda: window.last_output.job_id == window._job_id)

    # The step whose range we drag: the first with a range parameter.
    path, name = None, None
    for index, node in enumerate(window.document.pipeline.steps):
        specs = [s for s in augview.get_op(node.op).params if s.kind == "range"] if hasattr(node, "op") else []
        if specs and node.op == "rotate":
            path, name = (index,), specs[0].name
    window.panel.rebuild(select=path)
    spec, control = window.form.controls[name]

    painted = {"count": 0}
    for cell in window.preview.cells:
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
    for i in range(changes):
        if pause_ms:
            settle(app, pause_ms / 1000)
        low = -5.0 - (i % 40)
        target = window._job_id + 1
        start = time.perf_counter()
        control.set((low, -low))  # emits valueChanged like a drag does
        wait_until(app, lambda: window.last_output is not None and window.last_output.job_id >= target)
        painted["count"] = 0
        wait_until(app, lambda: painted["count"] >= len(window.preview.cells))
        latencies.append((time.perf_counter() - start) * 1000)
    timer.stop()
    stall = ticks["worst"]
    window.document.mark_saved(window.document.path or "")
    window.close()
    latencies.sort()
    return {
        "p50": statistics.median(latencies),
        "p95": latencies[int(0.95 * (len(latencies) - 1))],
        "max": latencies[-1],
        "stall": stall,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--pause", type=float, default=0.0, help="ms of quiet before each change")
    parser.add_argument("--preset", default=str(paths.DEFAULT_PRESET), help="needs a rotate step")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "photo_24mp.jpg"
        sample = augview.load_image(paths.SAMPLE_IMAGE)
        augview.save_image(big, cv2.resize(sample, (6000, 4000), interpolation=cv2.INTER_CUBIC), quality=90)
        rows = [
            ("512x512 sample", measure(app, str(paths.SAMPLE_IMAGE), args.changes, f"{tmp}/a.ini", args.pause, args.preset), 16.7),
            ("24 MP (6000x4000)", measure(app, str(big), args.changes, f"{tmp}/b.ini", args.pause, args.preset), 50.0),
        ]
    pause = f", {args.pause:.0f} ms pause before each" if args.pause else ""
    print(f"{args.changes} changes of rotate's range{pause}, {Path(args.preset).name}, grid of 3 variants")
    print("| image | p50 ms | p95 ms | max ms | longest GUI stall ms | p95 goal |")
    print("|---|---|---|---|---|---|")
    for label, r, goal in rows:
        verdict = "ok" if r["p95"] < goal else "MISSED"
        print(f"| {label} | {r['p50']:.1f} | {r['p95']:.1f} | {r['max']:.1f} | {r['stall']:.1f} | < {goal} ({verdict}) |")


if __name__ == "__main__":
    main()
