"""Workers of a batch run (see `augview.batch.run`): the work of one source file, in this
process or in a pool of worker processes."""

from __future__ import annotations

import multiprocessing
import os
import posixpath
import signal
import warnings
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

import cv2
from PIL import Image

from augview import text
from augview.core.imageio import load_image
from augview.pipeline.pipeline import Pipeline
from augview.text import tr
from augview.errors import AugviewError

from augview.batch.files import (  # noqa: F401
    _GREY_MODES, _IN_FLIGHT, encode_output, output_name, output_seed, write_atomic,
)

# ---- the work of one source (runs in a worker) -----------------------------------------------


# A task: a source's path relative to the input folder, and its outputs still to make, as
# (variant, verify) pairs; verify: the output exists without a manifest line, so it is recomputed
# and compared instead of written. Plain tuples: a run may plan millions of them.
_Task = tuple  # (str, tuple[tuple[int, bool], ...])


@dataclass
class _TaskResult:
    rel: str
    records: list[dict] = field(default_factory=list)
    written: int = 0
    verified: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def _source_mode(path: str) -> str:
    """"L" for grey sources (so they stay grey), else "RGB". Reads the header only; a file that
    cannot be opened is left to `load_image`, which says what is wrong with it."""
    try:
        with Image.open(path) as opened:
            return "L" if opened.mode in _GREY_MODES else "RGB"
    except Exception:
        return "RGB"


class _Worker:
    """What every worker needs, sent once to each worker process."""

    def __init__(self, pipeline: Pipeline, in_root: str, out_root: str, base_seed: int, fmt: str,
                 preset: str, annotations=None):
        self.pipeline, self.in_root, self.out_root = pipeline, in_root, out_root
        self.base_seed, self.fmt, self.preset = base_seed, fmt, preset
        self.annotations = annotations  # an `augview.batch.annotated.AnnotatedWorker`, or None

    def __call__(self, task: _Task) -> _TaskResult:
        rel, outputs = task[0], task[1]  # (an annotated run's tasks carry a third item)
        result = _TaskResult(rel)
        path = os.path.join(self.in_root, *rel.split("/"))
        mode = _source_mode(path)
        try:
            size = os.path.getsize(path)
            with warnings.catch_warnings():
                # Pillow warns about some damaged files it can still read; one line per problem
                # is printed by the parent, never a worker's stray warning.
                warnings.simplefilter("ignore")
                image = load_image(path, mode)
        except Exception as err:  # ImageLoadError names the file; anything else must not stop the run
            result.failed = len(outputs)
            result.errors.append(str(err) if isinstance(err, AugviewError)
                                 else tr("{path}: cannot be read ({reason})").format(
                                     path=path, reason=f"{type(err).__name__}: {err}"))
            return result
        annotated = None
        if self.annotations is not None:
            try:
                annotated = self.annotations.read(path, image, task)
            except Exception as err:  # a malformed annotation file: the image is skipped, the run goes on
                result.failed = len(outputs)
                result.errors.append(str(err) if isinstance(err, AugviewError)
                                     else tr("{path}: its annotations cannot be read ({reason})").format(
                                         path=path, reason=f"{type(err).__name__}: {err}"))
                return result
        folder, name = posixpath.split(rel)
        for variant, verify in outputs:
            out_rel = posixpath.join(folder, output_name(name, variant, self.fmt))
            out_path = os.path.join(self.out_root, *out_rel.split("/"))
            seed = output_seed(self.base_seed, rel, variant)
            extra = {}
            try:
                if annotated is None:
                    applied = self.pipeline.apply(image, seed=seed)
                else:
                    applied, moved = self.annotations.apply(self.pipeline, image, seed, annotated)
                data = encode_output(applied.image, os.path.splitext(out_path)[1])
            except Exception as err:
                result.failed += 1
                result.errors.append(tr("{path}: variant {variant} failed ({reason})").format(
                    path=path, variant=variant, reason=f"{type(err).__name__}: {err}"))
                continue
            if verify:
                try:
                    with open(out_path, "rb") as handle:
                        same = handle.read() == data
                except OSError as err:
                    same, message = False, tr("{path}: cannot be read ({reason})").format(
                        path=out_path, reason=err.strerror or err)
                else:
                    message = None
                if not same:
                    result.failed += 1
                    result.errors.append(message or tr(
                        "{path}: exists but is not what this preset and seed make; left as it is "
                        "(--overwrite replaces it)").format(path=out_path))
                    continue
                if annotated is not None and (extra := self._annotate(annotated, moved, out_rel, image, result)) is None:
                    continue
                result.verified += 1
            else:
                # Annotations first: an output that exists has its annotations.
                if annotated is not None and (extra := self._annotate(annotated, moved, out_rel, image, result)) is None:
                    continue
                try:
                    os.makedirs(os.path.dirname(out_path), exist_ok=True)
                    write_atomic(out_path, data)
                except OSError as err:
                    result.failed += 1
                    result.errors.append(tr("{path}: cannot write ({reason})").format(
                        path=out_path, reason=err.strerror or err))
                    continue
                result.written += 1
            result.records.append({
                "source": rel, "output": out_rel, "variant": variant, "seed": seed,
                "base_seed": self.base_seed, "mode": mode, "preset": self.preset,
                "source_bytes": size, "trace": applied.trace, **extra,
            })
        return result

    def _annotate(self, annotated, moved, out_rel: str, image, result: _TaskResult) -> dict | None:
        """Write an output's annotation files; None (and the error noted) when they cannot be."""
        try:
            return self.annotations.write(annotated, moved, self.out_root, out_rel, image.ndim == 2)
        except Exception as err:
            result.failed += 1
            reason = err.strerror if isinstance(err, OSError) and err.strerror else f"{type(err).__name__}: {err}"
            result.errors.append(tr("{path}: its annotations cannot be written ({reason})").format(
                path=os.path.join(self.out_root, *out_rel.split("/")), reason=reason))
            return None


_WORKER: _Worker | None = None  # the pool process's worker, set once by `_init_pool_process`


def _init_pool_process(worker: _Worker, translations: dict[str, str] | None) -> None:
    global _WORKER
    _WORKER = worker
    # The window's language: its translator is Qt's, which a worker process does not have.
    text.use_translation_table(translations)
    # Ctrl+C reaches every process of the terminal's group: the parent alone decides what stops
    # (it lets the images in progress finish, so no worker dies between writing and renaming).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # K workers on K cores: OpenCV's own thread pool would only oversubscribe them.
    cv2.setNumThreads(1)


def _run_in_pool_process(task: _Task) -> _TaskResult:
    return _WORKER(task)


# ---- running the tasks -----------------------------------------------------------------------


class _InProcess:
    def __init__(self, worker: _Worker, tasks: list[_Task]):
        self.worker, self.tasks, self.next = worker, tasks, 0

    def busy(self) -> bool:
        return self.next < len(self.tasks)

    def next_results(self) -> list[_TaskResult]:
        self.next += 1
        return [self.worker(self.tasks[self.next - 1])]

    def stop(self) -> list[_TaskResult]:
        return []

    def close(self, force: bool = False) -> None:
        pass


class _WorkerDied(AugviewError):
    pass


START_METHOD: str | None = None  # None: see `pool_context`; tests set "spawn" to compare


def pool_context():
    """"forkserver" where available, with this module preloaded: the server is a fresh process
    that imports augview once (and never runs OpenCV's thread pool, so forking it is safe); each
    worker is then a fork of it, ready at once, and later pools in this process reuse it.
    "spawn" elsewhere (Windows)."""
    method = START_METHOD or ("forkserver" if "forkserver" in multiprocessing.get_all_start_methods()
                              else "spawn")
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        # Global to the process's fork server, and ignored once it runs: at worst a worker then
        # imports augview itself.
        context.set_forkserver_preload([__name__])
    return context


class _Pool:
    def __init__(self, worker: _Worker, tasks: list[_Task], workers: int):
        self.executor = ProcessPoolExecutor(
            max_workers=workers, mp_context=pool_context(),
            initializer=_init_pool_process, initargs=(worker, text.translation_table()))
        self.tasks = iter(tasks)
        self.limit = workers * _IN_FLIGHT
        self.pending: dict = {}
        self._fill()

    def _fill(self) -> None:
        while len(self.pending) < self.limit:
            task = next(self.tasks, None)
            if task is None:
                return
            self.pending[self.executor.submit(_run_in_pool_process, task)] = task

    def busy(self) -> bool:
        return bool(self.pending)

    def next_results(self) -> list[_TaskResult]:
        done, _ = wait(list(self.pending), return_when=FIRST_COMPLETED)
        results = [self._result(future) for future in done]
        self._fill()
        return results

    def _result(self, future) -> _TaskResult:
        task = self.pending.pop(future)
        try:
            return future.result()
        except BrokenProcessPool:
            # A worker died (killed, out of memory): the pool cannot go on.
            raise _WorkerDied(tr("a worker process died while working on {source} "
                                 "(out of memory?); the run stopped").format(source=task[0])) from None

    def stop(self) -> list[_TaskResult]:
        """Cancel what has not started; wait for the images in progress and return them."""
        self.tasks = iter(())
        for future in list(self.pending):
            if future.cancel():
                del self.pending[future]
        results = []
        for future in list(self.pending):
            try:
                results.append(self._result(future))
            except _WorkerDied:
                pass
        return results

    def close(self, force: bool = False) -> None:
        if force:
            # A second interrupt: do not wait for the images in progress. Their temporary files
            # may stay behind; the next run removes them.
            for process in list(getattr(self.executor, "_processes", {}).values()):
                process.terminate()
        self.executor.shutdown(wait=not force, cancel_futures=True)


