"""Pixels are computed off the GUI thread.

`RenderWorker` renders previews on one background thread. It holds at most one pending job: a new
request replaces the one waiting, and a job in progress gives up between variants once a newer one
arrives. Each job carries an id; the window paints a result only if its id is still the newest, so
a slow, stale render can never overwrite a fresh one.

`BackgroundTasks` runs other slow work (decoding a photo, making a proxy) on a small pool.

A job may carry the image's targets (boxes, masks, keypoints: `augview.analysis.overlays.Shown`,
scaled to the image the job runs on); they are moved with every variant on the worker, which also
colours the masks and words what was dropped, so the GUI thread only paints.

Results cross back to the GUI thread through a plain queue that a GUI-thread timer drains while
work is outstanding; the signals below are emitted on the GUI thread. No Qt signal is ever emitted
from a worker thread: PySide6 6.12 corrupts reference counts when Python threads emit signals that
carry Python objects (seen here as "deallocating None" crashes).
"""

from __future__ import annotations

import queue
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable

import cv2
import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

from augview.analysis.compare import Comparison, compare
from augview.analysis.overlays import Overlay, Shown, run_with_targets
from augview.analysis.target_story import caption, trace_lines
from augview.core.imageio import load_image
from augview.pipeline.pipeline import Pipeline, Result, variant_seed
from augview.errors import AugviewError
from augview.gui.widgets.overlay_painter import CellOverlay


@dataclass
class RenderJob:
    job_id: int
    pipeline: Pipeline
    image: np.ndarray
    count: int
    seed: int
    # Set for a full-resolution render of a photo previewed on a proxy: the proxy, shown as the
    # original; the variants are computed on ``image`` and shrunk to display size afterwards.
    display: np.ndarray | None = None
    # Set while the Compare window is open: its gain; the worker then also compares the original
    # shown with variant #1, so that window has nothing to compute.
    compare_gain: int | None = None
    # The image's boxes, masks and keypoints, in the frame of ``image``: they move with every
    # variant, and each variant gets its overlay and the words for what happened to them.
    targets: Shown | None = None


@dataclass
class RenderOutput:
    job_id: int
    results: list[Result]
    original_array: np.ndarray
    seconds: float
    images: list[QImage] = field(default_factory=list)
    original: QImage | None = None
    full_resolution: bool = False  # variants computed on the full photo, not on its proxy
    comparison: Comparison | None = None  # original vs variant #1, when the job asked for it
    overlays: list[Overlay | None] = field(default_factory=list)  # per variant, when the job had targets
    target_captions: list[str] = field(default_factory=list)  # "4 of 5 boxes kept, 1 dropped (...)"
    target_lines: list[list[str]] = field(default_factory=list)  # which step dropped what
    targets_problem: str = ""  # why the targets could not follow (a pipeline with AugMix)
    cell_overlays: list[CellOverlay | None] = field(default_factory=list)  # made on the GUI thread
    sizes: list[tuple[int, int]] = field(default_factory=list)  # each variant's (width, height) as made,
    # before a full-resolution variant is shrunk for display


def to_qimage(array: np.ndarray) -> QImage:
    """A QImage that owns a copy of the pixels."""
    array = np.ascontiguousarray(array)
    height, width = array.shape[:2]
    fmt = QImage.Format.Format_Grayscale8 if array.ndim == 2 else QImage.Format.Format_RGB888
    return QImage(array.data, width, height, array.strides[0], fmt).copy()


# Reroll draws seeds up to this (short enough to read and type). A seed box holds any seed a
# preset may hold, up to augview's MAX_SEED = 2**63 - 1 (`augview.gui.widgets.seed_box`).
REROLL_MAX = 2**31 - 1
PROXY_MAX_SIDE = 1024  # previews of larger photos run on a copy this size (display resolution)


def make_proxy(image: np.ndarray, max_side: int = PROXY_MAX_SIDE) -> np.ndarray:
    """The image shrunk to at most ``max_side`` pixels on its longer side (itself if smaller)."""
    scale = max_side / max(image.shape[:2])
    if scale >= 1:
        return image
    size = (max(1, round(image.shape[1] * scale)), max(1, round(image.shape[0] * scale)))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA)


def load_with_proxy(path: str):
    """Runs on a worker thread: the decoded photo and its display-sized proxy."""
    image = load_image(path)
    return image, make_proxy(image)


class Pump(QObject):
    """Carries callbacks from worker threads to the GUI thread: workers `post`, a GUI-thread timer
    runs them while `active()` says work is outstanding."""

    def __init__(self, active: Callable[[], bool], interval_ms: int = 2):
        super().__init__()
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._active = active
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.drain)

    def start(self):
        """Called on the GUI thread when work is handed out."""
        if not self._timer.isActive():
            self._timer.start()

    def post(self, callback: Callable, *args):
        self._queue.put((callback, args))

    def holding(self) -> bool:
        """Whether callbacks wait to be run on the GUI thread (a render's result not shown yet)."""
        return not self._queue.empty()

    def drain(self):
        while True:
            try:
                callback, args = self._queue.get_nowait()
            except queue.Empty:
                break
            callback(*args)
        if not self._active() and self._queue.empty():
            self._timer.stop()


class RenderWorker(QObject):
    finished = Signal(object)  # RenderOutput
    failed = Signal(int, str)

    def __init__(self):
        super().__init__()
        self._wake = threading.Condition()
        self._pending: RenderJob | None = None
        self._cancelled = False
        self._stopping = False
        self.busy = False
        self._original: tuple[np.ndarray, QImage] | None = None  # the last original and its QImage
        self._pump = Pump(lambda: self.busy or self._pending is not None)
        self._thread = threading.Thread(target=self._loop, name="augview-render", daemon=True)
        self._thread.start()

    @property
    def idle(self) -> bool:
        """Nothing being rendered, waiting to be, or rendered and not shown yet (a finished
        render's result waits for the GUI thread: the previews are not settled until it is in)."""
        return not self.busy and self._pending is None and not self._pump.holding()

    def submit(self, job: RenderJob) -> None:
        with self._wake:
            self._pending = job  # replaces any job still waiting
            self._wake.notify()
        self._pump.start()

    def stop(self, wait: bool = True) -> None:
        """End the thread; a job in progress gives up at its next variant."""
        with self._wake:
            self._stopping = True
            self._pending = None
            self._wake.notify()
        if wait:
            self._thread.join(timeout=5)

    def cancel(self) -> None:
        """Drop the waiting job and make the one in progress give up at its next variant."""
        with self._wake:
            self._pending = None
            self._cancelled = True

    def _newer_waiting(self) -> bool:
        return self._pending is not None or self._cancelled or self._stopping

    def _loop(self) -> None:
        while True:
            with self._wake:
                while self._pending is None and not self._stopping:
                    self._wake.wait()
                if self._stopping:
                    return
                job, self._pending = self._pending, None
                self._cancelled = False
                self.busy = True
            try:
                output = self._render(job)
                if output is not None:
                    self._pump.post(self._deliver, output)
            except AugviewError as err:
                self._pump.post(self.failed.emit, job.job_id, str(err))
            except Exception as err:  # a bug in an op must not kill the worker thread
                traceback.print_exc()
                message = self.tr("rendering failed: {error}").format(error=f"{type(err).__name__}: {err}")
                self._pump.post(self.failed.emit, job.job_id, message)
            finally:
                with self._wake:
                    self.busy = self._pending is not None

    def _deliver(self, output: RenderOutput):
        # On the GUI thread: wrapping finished arrays as QImages is a copy, not a computation.
        output.images = [to_qimage(r.image) for r in output.results]
        # The original is the same array render after render (the photo or its proxy): the same
        # QImage then, so its pane need not be painted again.
        if self._original is None or self._original[0] is not output.original_array:
            self._original = (output.original_array, to_qimage(output.original_array))
        output.original = self._original[1]
        output.cell_overlays = [CellOverlay.wrap(overlay) for overlay in output.overlays]
        self.finished.emit(output)

    def _render(self, job: RenderJob) -> RenderOutput | None:
        start = time.perf_counter()
        results, overlays, captions, lines, sizes = [], [], [], [], []
        targets, problem = job.targets, ""
        for i in range(job.count):
            if self._newer_waiting():
                return None  # superseded: do not finish work nobody will see
            seed = variant_seed(job.seed, i)
            overlay = None
            if targets is not None:
                try:
                    result, overlay = run_with_targets(job.pipeline, job.image, targets, seed, PROXY_MAX_SIDE)
                except AugviewError as err:  # e.g. AugMix enabled, a box out of its image: the pixels still show
                    targets, problem = None, str(err)
            if overlay is None:
                result = job.pipeline.apply(job.image, seed=seed)
            else:
                captions.append(caption(result, targets))
                lines.append(trace_lines(result, targets))
            overlays.append(overlay)
            sizes.append((result.image.shape[1], result.image.shape[0]))  # as made, before any shrink
            if job.display is not None:
                # The trace stays the full-resolution one; only the pixels shown are shrunk (the
                # overlay keeps the full-size frame: it is drawn onto the shrunk pixels' place).
                result.image = make_proxy(result.image)
            results.append(result)
        shown = job.image if job.display is None else job.display
        comparison = None
        if job.compare_gain is not None and results:
            comparison = compare(shown, results[0].image, job.compare_gain)
        if problem:
            # Every variant says its annotations are missing, and its tooltip why (AugMix).
            overlays = [None] * len(results)
            captions = [self.tr("annotations not shown")] * len(results)
            lines = [[problem]] * len(results)
        return RenderOutput(job.job_id, results, shown, time.perf_counter() - start,
                            full_resolution=job.display is not None, comparison=comparison,
                            overlays=overlays, target_captions=captions, target_lines=lines,
                            targets_problem=problem, sizes=sizes)


class BackgroundTasks(QObject):
    """Run a function on a worker thread; its result comes back on the GUI thread as a signal."""

    done = Signal(object, object)  # token, result
    error = Signal(object, str)  # token, message

    def __init__(self, workers: int = 2):
        super().__init__()
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="augview-task")
        self._outstanding = 0  # changed on the GUI thread only
        self._pump = Pump(lambda: self._outstanding > 0)

    def run(self, token: Any, fn: Callable, *args, wanted: Callable[[], bool] | None = None) -> None:
        """``fn(*args)`` on a worker; its result or error comes back as ``done``/``error``. With
        ``wanted``, a task whose turn comes when ``wanted()`` is False (asked on the worker: a
        plain read, e.g. "is this still the newest folder?") is skipped without a signal, so a
        queue of stale work (a previous folder's thumbnails) does not hold up the new one."""
        def work():
            if wanted is not None and not wanted():
                self._pump.post(self._finish, None, token, None)
                return
            try:
                result = fn(*args)
            except AugviewError as err:
                self._pump.post(self._finish, self.error, token, str(err))
            except Exception as err:
                traceback.print_exc()
                self._pump.post(self._finish, self.error, token, f"{type(err).__name__}: {err}")
            else:
                self._pump.post(self._finish, self.done, token, result)

        self._outstanding += 1
        self._pool.submit(work)
        self._pump.start()

    @property
    def outstanding(self) -> int:
        """Tasks handed out whose result has not come back yet."""
        return self._outstanding

    def _finish(self, signal, token, payload):
        self._outstanding -= 1
        if signal is not None:
            signal.emit(token, payload)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
