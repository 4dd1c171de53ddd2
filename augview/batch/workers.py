"""Workers of a batch run (see `augview.batch.run`): the work of one source file, in this
process or in a pool of worker processes."""

from __future__ import annotations

import errno
import itertools
import multiprocessing
import multiprocessing.connection
import multiprocessing.forkserver
import os
import posixpath
import signal
import sys
import threading
import time
import warnings
from contextlib import contextmanager
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Callable

import cv2

from augview import text
from augview.core.imageio import load_image_as_stored
from augview.pipeline.pipeline import Pipeline
from augview.text import tr
from augview.errors import AugviewError

from augview.batch.files import (  # noqa: F401
    BATCH, IN_FLIGHT, encode_output, output_name, output_seed, write_atomic,
)

# ---- the work of one source (runs in a worker) -----------------------------------------------


# A task: a source's path relative to the input folder, and its outputs still to make, as
# (variant, verify) pairs; verify: the output exists without a manifest line, so it is recomputed
# and compared instead of written. Plain tuples: a run may plan millions of them.
Task = tuple  # (str, tuple[tuple[int, bool], ...])


@dataclass
class TaskResult:
    rel: str
    records: list[dict] = field(default_factory=list)
    written: int = 0
    verified: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    stop: str = ""  # why the whole run must stop (a full disk), said once; the rest was not tried


QUICK_IMAGE = 0.05  # seconds of a worker's time per source, below which sources go out in batches

# Write errors that every later output would meet too: the run stops at the first one (with its
# summary) instead of failing file after file. Others (a folder made read-only, a name too long)
# concern one output and are reported with it.
STOPPING_ERRNOS = {errno.ENOSPC, errno.EROFS} | ({errno.EDQUOT} if hasattr(errno, "EDQUOT") else set())


def stop_message(path: str, err: OSError) -> str:
    if err.errno == errno.EROFS:  # nothing to make room on: the file system takes no writes at all
        return tr("{path}: cannot write ({reason}); the run stopped. Outputs written so far are kept: "
                  "choose an output folder that can be written to, or make this one writable, and run "
                  "again to finish").format(path=path, reason=err.strerror or err)
    return tr("{path}: cannot write ({reason}); the run stopped. Outputs written so far are kept: "
              "make room and run again to finish").format(path=path, reason=err.strerror or err)


class Worker:
    """What every worker needs, sent once to each worker process."""

    def __init__(self, pipeline: Pipeline, in_root: str, out_root: str, base_seed: int, fmt: str,
                 preset: str, annotations=None):
        self.pipeline, self.in_root, self.out_root = pipeline, in_root, out_root
        self.base_seed, self.fmt, self.preset = base_seed, fmt, preset
        self.annotations = annotations  # an `augview.batch.annotated.AnnotatedWorker`, or None

    def __call__(self, task: Task) -> TaskResult:
        rel, outputs = task[0], task[1]  # (an annotated run's tasks carry a third item)
        result = TaskResult(rel)
        path = os.path.join(self.in_root, *rel.split("/"))
        try:
            info = os.stat(path)
            size, mtime = info.st_size, info.st_mtime_ns
            with warnings.catch_warnings():
                # Pillow warns about some damaged files it can still read; one line per problem
                # is printed by the parent, never a worker's stray warning.
                warnings.simplefilter("ignore")
                image, mode = load_image_as_stored(path)  # grey sources stay grey
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
                    path=path, variant=variant, reason=tr("not enough memory") if isinstance(err, MemoryError)
                    else f"{type(err).__name__}: {err}"))
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
                        "(--overwrite, or 'replace existing outputs' in the window, replaces it)").format(path=out_path))
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
                    if err.errno in STOPPING_ERRNOS:
                        result.stop = stop_message(out_path, err)
                        break
                    result.failed += 1
                    result.errors.append(tr("{path}: cannot write ({reason})").format(
                        path=out_path, reason=err.strerror or err))
                    continue
                result.written += 1
            result.records.append({
                "source": rel, "output": out_rel, "variant": variant, "seed": seed,
                "base_seed": self.base_seed, "mode": mode, "preset": self.preset,
                "source_bytes": size, "source_mtime_ns": mtime, "trace": applied.trace, **extra,
            })
        return result

    def _annotate(self, annotated, moved, out_rel: str, image, result: TaskResult) -> dict | None:
        """Write an output's annotation files; None (and the error noted) when they cannot be."""
        try:
            return self.annotations.write(annotated, moved, self.out_root, out_rel, image.ndim == 2)
        except Exception as err:
            result.failed += 1
            reason = err.strerror if isinstance(err, OSError) and err.strerror else f"{type(err).__name__}: {err}"
            result.errors.append(tr("{path}: its annotations cannot be written ({reason})").format(
                path=os.path.join(self.out_root, *out_rel.split("/")), reason=reason))
            return None


_WORKER: Worker | None = None  # the pool process's worker, set once by `_init_pool_process`


def _init_pool_process(worker: Worker, translations: dict[str, str] | None) -> None:
    global _WORKER
    _exit_with_parent()
    _WORKER = worker
    # The window's language: its translator is Qt's, which a worker process does not have.
    text.use_translation_table(translations)
    # Ctrl+C reaches every process of the terminal's group: the parent alone decides what stops
    # (it lets the images in progress finish, so no worker dies between writing and renaming).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # K workers on K cores: OpenCV's own thread pool would only oversubscribe them.
    cv2.setNumThreads(1)


def _run_in_pool_process(tasks: list[Task]) -> list[TaskResult]:
    results = []
    for task in tasks:
        results.append(_WORKER(task))
        if results[-1].stop:  # a full disk: the rest of the batch would meet it too
            break
    return results


def _ready() -> bool:
    """The task a new pool runs first: it returns once a worker has started and run
    `_init_pool_process`."""
    return True


def _exit_with_parent() -> None:
    """End this worker as soon as the process that started the run is gone (``kill -9``, a crash).

    Without this, a worker waits for tasks forever, and keeps the fork server and the resource
    tracker alive with it (it holds their pipes; they end when every holder has). The parent
    death signal of Linux (``PR_SET_PDEATHSIG``) would not do: a worker's parent is the fork
    server, not the run. What does: multiprocessing gives each child a *sentinel*, a pipe from the
    process that started it (the run, also through the fork server; a handle on Windows) that
    becomes readable when that process ends. A daemon thread waits on it, on every platform."""
    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return

    def watch():
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)  # nobody is left to take the results; temporary files go at the next run

    threading.Thread(target=watch, name="augview-exit-with-parent", daemon=True).start()


# ---- running the tasks -----------------------------------------------------------------------


class InProcess:
    """Runs the tasks one by one in this process. Like a pool's workers, it lets the image in
    progress finish when Ctrl+C or SIGTERM comes (its outputs then get their manifest lines, none
    is left half made); a second interrupt stops at once. ``notify`` is told of the first."""

    def __init__(self, worker: Worker, tasks: list[Task], notify: Callable[[str], None] | None = None):
        self.worker, self.tasks, self.next = worker, tasks, 0
        self.notify = notify or (lambda message: None)
        self.finished: list[TaskResult] = []  # the image that an interrupt let finish

    def busy(self) -> bool:
        return self.next < len(self.tasks)

    def next_results(self) -> list[TaskResult]:
        self.next += 1
        with _finishing_on_interrupt(self.notify) as caught:
            result = self.worker(self.tasks[self.next - 1])
        if caught:
            self.finished = [result]  # taken by `stop`, as a pool's images in progress are
            signum, frame, handler = caught[0]
            handler(signum, frame)  # raises, as the interrupt would have (KeyboardInterrupt, ...)
        return [result]

    def stop(self) -> list[TaskResult]:
        finished, self.finished = self.finished, []
        return finished

    def close(self, force: bool = False) -> None:
        pass


@contextmanager
def _finishing_on_interrupt(notify: Callable[[str], None]):
    """While the block runs, the first Ctrl+C or SIGTERM is noted (yielded as (signum, frame,
    handler) in a list) instead of raised, and ``notify`` says so; a second one is handled at once.
    Only signals with a Python handler are held (an ignored Ctrl+C stays ignored)."""
    caught: list = []
    if threading.current_thread() is not threading.main_thread():
        yield caught  # signals are only ever handled on the main thread
        return
    previous = {}

    def on_signal(signum, frame):
        if caught:
            previous[signum](signum, frame)  # the second interrupt: stop now
            return
        caught.append((signum, frame, previous[signum]))
        notify(tr("augview: interrupted; finishing the image in progress (interrupt again to quit now)"))

    for signum in (signal.SIGINT, signal.SIGTERM):
        handler = signal.getsignal(signum)
        if callable(handler):
            previous[signum] = handler
            signal.signal(signum, on_signal)
    try:
        yield caught
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


class WorkerDied(AugviewError):
    pass


class PoolStartError(AugviewError):
    """The worker processes could not be started (no processes or pipes left, no working
    semaphores, workers that exit as they start): nothing was done."""


# What the standard library raises when processes, pipes or semaphores cannot be made, or a new
# worker dies before it answers (BrokenProcessPool); anything else is a bug and keeps its traceback.
_START_ERRORS = (OSError, EOFError, ImportError, NotImplementedError, BrokenProcessPool)


def _start_reason(err: BaseException) -> str:
    if isinstance(err, BrokenProcessPool):
        main = sys.modules.get("__main__")
        script = getattr(main, "__file__", None) if getattr(main, "__spec__", None) is None else None
        if script:
            # The usual cause: each worker runs the script again as it starts (multiprocessing's
            # "spawn" and "forkserver"), and a script that starts the run at its top level then
            # starts one inside the worker, which multiprocessing refuses.
            return tr("a worker process exited as it started; if {script} starts the run outside "
                      "`if __name__ == \"__main__\":`, put it there: each worker imports the script again").format(
                script=os.path.basename(script))
        return tr("a worker process exited as it started")
    if isinstance(err, FileNotFoundError):
        try:
            os.getcwd()  # new workers start in this process's current folder
        except FileNotFoundError:
            return tr("the current folder no longer exists")
    return getattr(err, "strerror", None) or str(err) or type(err).__name__


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
        context.set_forkserver_preload([__name__] if _preload_finds_this_augview() else [])
    return context


def _preload_finds_this_augview() -> bool:
    """Whether the fork server's preload would import this augview.

    The fork server imports its preload with the current folder first on its path, before it
    learns this process's path: run from a folder that holds another augview (a checkout of
    another version), it would import that one, and the workers would run other code than this
    process. Then nothing is preloaded, and each worker imports augview on this process's path."""
    import importlib.machinery

    try:
        spec = importlib.machinery.PathFinder.find_spec("augview", [os.getcwd()])
    except (OSError, ImportError, ValueError):
        return True  # no current folder (deleted): nothing there can come first
    if spec is None or spec.origin is None:
        return True  # nothing, or a folder without __init__.py (the installed package wins)
    ours = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    try:
        return os.path.samefile(os.path.dirname(spec.origin), ours)
    except OSError:
        return False


def _start_fork_server() -> None:
    """Start the fork server (if it is not running) with Ctrl+C ignored, as it ignores it anyway
    once it has imported augview: a Ctrl+C for the run meanwhile would break off its imports with a
    traceback on the terminal. Its workers inherit the setting (they ignore Ctrl+C too, see
    `_init_pool_process`). Only starting the process is covered: a few milliseconds, during which a
    Ctrl+C for the run is lost."""
    if threading.current_thread() is not threading.main_thread():
        multiprocessing.forkserver.ensure_running()
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        multiprocessing.forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def interrupts_held(deliver: bool = True):
    """Hold Ctrl+C and SIGTERM during a step that must not be cut short, and act on them just
    after; yields the list of signals caught. With ``deliver=False`` the caller acts on them.

    Used while a worker process is being made: interrupted halfway, its start leaves a process
    this one does not know about yet, reading the pool's pipes and semaphores while this process
    removes them (it dies with a traceback on the terminal). Held, the signal is handled as soon as
    the new worker is known, and stopping the pool then stops it too."""
    caught: list[tuple[int, object]] = []
    if threading.current_thread() is not threading.main_thread():
        yield caught  # signals are only ever handled on the main thread
        return
    held = (signal.SIGINT, signal.SIGTERM)
    previous = {signum: signal.signal(signum, lambda signum, frame: caught.append((signum, frame)))
                for signum in held}
    try:
        yield caught
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if caught and deliver:
            signum, frame = caught[0]
            handler = previous[signum]
            if callable(handler):
                handler(signum, frame)  # e.g. raises KeyboardInterrupt
            elif handler == signal.SIG_DFL:
                signal.raise_signal(signum)


def _worker_processes(executor) -> list:
    """The executor's worker processes, to end them at once. concurrent.futures has no public way
    to reach them: its private ``_processes`` (None once shut down), read defensively, is the
    only one, as for ``os._exit`` and ``_identity`` (see tests/test_private_names.py)."""
    return list((getattr(executor, "_processes", None) or {}).values())


class Pool:
    def __init__(self, worker: Worker, tasks: list[Task], workers: int):
        self.executor = None
        self.tasks = iter(tasks)
        self.limit = workers * IN_FLIGHT
        # Quick images go out in small batches when there are many (see `_batch_size`).
        self.most = max(1, min(BATCH, len(tasks) // (self.limit * 4)))
        self.workers, self.done = workers, 0  # (and `started`, once a worker is up: the pace's clock)
        self.pending: dict = {}
        self.finished: list[TaskResult] = []  # results that came back with a worker's death
        try:
            context = pool_context()
            if context.get_start_method() == "forkserver":
                _start_fork_server()
            self.executor = ProcessPoolExecutor(
                max_workers=workers, mp_context=context,
                initializer=_init_pool_process, initargs=(worker, text.translation_table()))
            # Every worker starts now, side by side: the executor starts a process only when a
            # task finds none idle, so a single first task would start the second worker only
            # once the first was up (a tenth of a second later, on a run of a few seconds).
            starting = [self._submit(_ready) for _ in range(workers)]
            # One worker up and ready before any task goes out: a pool that cannot start is an
            # error that says why, never a run that ends having done nothing.
            first, _ = wait(starting, return_when=FIRST_COMPLETED)
            next(iter(first)).result()
            self.started = time.monotonic()
        except BaseException as err:
            # Also on an interrupt (Ctrl+C, SIGTERM) in the middle of starting: the workers
            # already started go now, before they could print a traceback about the pipes and
            # semaphores that this process is about to remove.
            self._abandon()
            if isinstance(err, _START_ERRORS):
                raise PoolStartError(tr("cannot start the worker processes ({reason}); a run with a single "
                                        "worker does not need them").format(reason=_start_reason(err))) from None
            raise
        self._fill()

    def _submit(self, function, *args):
        # Submitting may start a worker process; see `interrupts_held`.
        with interrupts_held():
            return self.executor.submit(function, *args)

    def _abandon(self) -> None:
        if self.executor is None:
            return
        for process in _worker_processes(self.executor):
            try:
                process.kill()
            except (OSError, AttributeError, ValueError):
                pass  # not started, or already gone
        try:
            self.executor.shutdown(wait=True, cancel_futures=True)
        except Exception:
            pass  # a pool broken while starting: what is left of it goes with this process
        self.executor = None

    def _fill(self) -> None:
        while len(self.pending) < self.limit:
            batch = list(itertools.islice(self.tasks, self._batch_size()))
            if not batch:
                return
            try:
                future = self._submit(_run_in_pool_process, batch)
            except _START_ERRORS as err:
                # More workers start as tasks are handed out; one that cannot ends the run (with
                # its summary), as a worker that dies does.
                raise WorkerDied(tr("cannot start a worker process ({reason}); the run stopped").format(
                    reason=_start_reason(err))) from None
            self.pending[future] = batch

    def _batch_size(self) -> int:
        """How many sources the next task carries. Each task sent costs this process a few
        hundred microseconds of pickling and bookkeeping, on the cores the workers need: for images
        that take a few milliseconds each, a batch of up to `BATCH` halves what two workers lose to
        it. Slower images go one by one, so that a Ctrl+C waits for one image per worker; the pace
        is known once the first tasks are back."""
        if self.most == 1 or self.done < self.limit:
            return 1
        seconds_per_image = (time.monotonic() - self.started) * self.workers / self.done
        return self.most if seconds_per_image < QUICK_IMAGE else 1

    def busy(self) -> bool:
        return bool(self.pending)

    def next_results(self) -> list[TaskResult]:
        done, _ = wait(list(self.pending), return_when=FIRST_COMPLETED)
        results, died = [], None
        for future in done:
            try:
                results.extend(self._results(future))
            except WorkerDied as err:
                died = err
        self.done += len(results)
        if died is not None:
            # What came back before the death is still the run's (its files are written): `stop`
            # hands it over with the rest, so each gets its manifest line.
            self.finished = results
            raise died
        self._fill()
        return results

    def _results(self, future) -> list[TaskResult]:
        batch = self.pending.pop(future)
        try:
            return future.result()
        except BrokenProcessPool:
            # A worker died (killed, out of memory): the pool cannot go on.
            sources = batch[0][0] if len(batch) == 1 else tr("{first} (or one of the {more} images after it)").format(
                first=batch[0][0], more=len(batch) - 1)
            raise WorkerDied(tr("a worker process died while working on {source} "
                                 "(out of memory?); the run stopped").format(source=sources)) from None

    def stop(self) -> list[TaskResult]:
        """Cancel what has not started; wait for the images in progress and return them."""
        self.tasks = iter(())
        for future in list(self.pending):
            if future.cancel():
                del self.pending[future]
        results, self.finished = self.finished, []
        for future in list(self.pending):
            try:
                results.extend(self._results(future))
            except WorkerDied:
                pass
        return results

    def close(self, force: bool = False) -> None:
        if self.executor is None:
            return
        if force:
            # A second interrupt: do not wait for the images in progress. Their temporary files
            # may stay behind; the next run removes them.
            for process in _worker_processes(self.executor):
                process.terminate()
        self.executor.shutdown(wait=not force, cancel_futures=True)


