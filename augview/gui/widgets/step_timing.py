"""Per-step timing in the step list: once a render has settled, each step of the pipeline is timed
on the photo at full resolution (`augview.analysis.timing`) in the background, and the step list's
time column shows the result. A newer render gives the measurement up, so it never competes with
the previews."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from augview.analysis.timing import Stopped, step_timings
from augview.gui.latest import LatestRequest
from augview.gui.render_worker import BackgroundTasks
from augview.pipeline.pipeline import Pipeline

SETTLE_MS = 600  # quiet time after the last render before the steps are timed


class Timing(NamedTuple):
    ticket: int


class StepTimer(QObject):
    measured = Signal(object)  # {path: seconds}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tasks = BackgroundTasks(workers=1)
        self.tasks.done.connect(self._on_done)
        self.tasks.error.connect(lambda *_: None)  # a failing op is the render's to report, not the timer's
        self.requests = LatestRequest()
        self._closed = False  # after shutdown: a render still being delivered schedules nothing
        self._wanted: tuple | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._start)

    def schedule(self, pipeline: Pipeline, image: np.ndarray, seed: int) -> None:
        """Time ``pipeline``'s steps on ``image`` once nothing else has happened for a moment."""
        self.cancel()
        if self._closed:
            return
        self._wanted = (pipeline, image, seed)
        self._timer.start()

    def cancel(self) -> None:
        """Give up what is waiting or running (a new render is on its way)."""
        self._timer.stop()
        self._wanted = None
        self.requests.new()  # the running measurement stops at its next step

    def _start(self):
        if self._wanted is None or self._closed:
            return
        pipeline, image, seed = self._wanted
        ticket = self.requests.new()
        self.tasks.run(Timing(ticket), measure, pipeline, image, seed, lambda: not self.requests.is_latest(ticket))

    def _on_done(self, request: Timing, timings):
        if timings is not None and self.requests.is_latest(request.ticket):
            self.measured.emit(timings)

    def shutdown(self) -> None:
        self._closed = True
        self.cancel()
        self.tasks.shutdown()


def measure(pipeline: Pipeline, image: np.ndarray, seed: int, should_stop) -> dict | None:
    """Runs on a worker thread: the timings, or None when given up."""
    try:
        return step_timings(pipeline.steps, image, seed, should_stop)
    except Stopped:
        return None
