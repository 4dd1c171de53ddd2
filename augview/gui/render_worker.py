"""Pixels are computed off the GUI thread.

`RenderWorker` renders previews on one background thread. It holds at most one pending job: a new
request replaces the one waiting, and a job in progress gives up between variants once a newer one
arrives. Each job carries an id; the window paints a result only if its id is still the newest, so
a slow, stale render can never overwrite a fresh one.

`BackgroundTasks` runs other slow work (decoding a photo, making a proxy) on a small pool.
"""

from __future__ import annotations

import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from augview.core.pipeline import Pipeline, Result
from augview.errors import AugviewError


@dataclass
class RenderJob:
    job_id: int
    pipeline: Pipeline
    image: np.ndarray
    count: int
    seed: int


@dataclass
class RenderOutput:
    job_id: int
    results: list[Result]
    images: list[QImage]
    original: QImage
    seconds: float
    submitted: float = field(default=0.0)


def to_qimage(array: np.ndarray) -> QImage:
    """A QImage that owns its pixels (safe to hand across threads; QPixmap would not be)."""
    array = np.ascontiguousarray(array)
    height, width = array.shape[:2]
    if array.ndim == 2:
        image = QImage(array.data, width, height, array.strides[0], QImage.Format.Format_Grayscale8)
    else:
        image = QImage(array.data, width, height, array.strides[0], QImage.Format.Format_RGB888)
    return image.copy()


class RenderWorker(QObject):
    finished = Signal(object)  # RenderOutput
    failed = Signal(int, str)

    def __init__(self):
        super().__init__()
        self._wake = threading.Condition()
        self._pending: RenderJob | None = None
        self._stopping = False
        self.busy = False
        self._thread = threading.Thread(target=self._loop, name="augview-render", daemon=True)
        self._thread.start()

    def submit(self, job: RenderJob) -> None:
        with self._wake:
            self._pending = job  # replaces any job still waiting
            self._wake.notify()

    def stop(self) -> None:
        with self._wake:
            self._stopping = True
            self._wake.notify()
        self._thread.join(timeout=5)

    def _newer_waiting(self) -> bool:
        return self._pending is not None

    def _loop(self) -> None:
        while True:
            with self._wake:
                while self._pending is None and not self._stopping:
                    self._wake.wait()
                if self._stopping:
                    return
                job, self._pending = self._pending, None
                self.busy = True
            try:
                output = self._render(job)
                if output is not None:
                    self.finished.emit(output)
            except AugviewError as err:
                self.failed.emit(job.job_id, str(err))
            except Exception as err:  # a bug in an op must not kill the worker thread
                traceback.print_exc()
                self.failed.emit(job.job_id, f"rendering failed: {type(err).__name__}: {err}")
            finally:
                self.busy = False

    def _render(self, job: RenderJob) -> RenderOutput | None:
        start = time.perf_counter()
        results = []
        for i in range(job.count):
            if self._newer_waiting():
                return None  # superseded: do not finish work nobody will see
            results.append(job.pipeline.apply(job.image, seed=job.seed + i))
        images = [to_qimage(r.image) for r in results]
        return RenderOutput(job.job_id, results, images, to_qimage(job.image), time.perf_counter() - start)


class BackgroundTasks(QObject):
    """Run a function on a worker thread; its result comes back on the GUI thread as a signal."""

    done = Signal(object, object)  # token, result
    error = Signal(object, str)  # token, message

    def __init__(self, workers: int = 2):
        super().__init__()
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="augview-task")

    def run(self, token: Any, fn: Callable, *args) -> None:
        def work():
            try:
                result = fn(*args)
            except AugviewError as err:
                self.error.emit(token, str(err))
            except Exception as err:
                traceback.print_exc()
                self.error.emit(token, f"{type(err).__name__}: {err}")
            else:
                self.done.emit(token, result)

        self._pool.submit(work)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
