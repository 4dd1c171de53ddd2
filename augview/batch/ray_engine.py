"""`augview apply --engine ray`: the local run's tasks on Ray Data, on a cluster or a local instance.

    from augview.batch.ray_engine import apply_on_ray
    summary = apply_on_ray(Pipeline.load("my.json"), "s3://bucket/photos", "s3://bucket/augmented",
                           variants=3, address="auto")

Not a second implementation: this process plans the run and keeps the manifest exactly as the
local run does (`run_apply`, or for URIs the same pieces through `augview.batch.storage`); Ray
only runs the per-source work (`Worker`) and streams each source's result back here. So the
seeds (base seed, relative path, variant), the files and the manifest are those of a local run,
byte for byte; only this process writes the manifest, from the results it received, so a task
that Ray runs again (its worker died: Ray Data retries such a task, by default without limit) is
recorded once, and its outputs, written again atomically, are the same bytes. A task that fails
(an exception that is not one file's problem) stops the run with one sentence; what was done is
kept and the next run resumes. Needs ``pip install "ray[data]>=2.51"``.
"""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
import re
import posixpath
import tempfile
import time
from pathlib import Path
from typing import Callable

import cv2
import ray
import ray.data

from augview import text
from augview.core.imageio import IMAGE_SUFFIXES
from augview.pipeline.pipeline import Pipeline
from augview.text import tr
from augview.errors import AugviewError

from augview.batch import storage
from augview.batch.files import MANIFEST_NAME, Manifest, preset_id
from augview.batch.run import (
    ApplySummary, check_options, handle_sigterm, plan, Terminated, run_apply,
)
from augview.batch.workers import Task, TaskResult, WorkerDied

TASKS_PER_BLOCK = 32  # sources per Ray task at most: what a retry redoes, how often results arrive


def apply_on_ray(pipeline: Pipeline, input_dir, output_dir, *, variants: int = 1, seed: int | None = None,
                 workers: int | None = None, fmt: str = "png", overwrite: bool = False,
                 address: str | None = None, progress: bool | None = None,
                 log: Callable[[str], None] | None = None, sources=None) -> ApplySummary:
    """`run_apply` with the work on Ray. ``input_dir`` and ``output_dir``: local folders (on a
    cluster: the same path on every machine, e.g. a shared file system) or URIs (``s3://``,
    ``gs://``, ``file://``). ``workers``: tasks at a time (default: the cluster's CPUs).
    ``address``: the cluster (default ``RAY_ADDRESS``; neither: a local Ray instance, started and
    stopped here; a Ray already initialised in this process is used as it is). ``progress``:
    Ray Data's progress (None: Ray's default). ``sources``: a ``ray.data.Dataset`` whose "path"
    column names the sources to augment, all inside ``input_dir`` (default: every image there).
    """
    variants, seed, workers = check_options(variants, seed, workers, fmt)
    base_seed = pipeline.seed if seed is None else seed
    with ray_session(address, workers), _progress(progress):
        parallelism = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        if sources is None and not storage.is_uri(input_dir) and not storage.is_uri(output_dir):
            # Workers may start in another folder: absolute paths.
            return run_apply(pipeline, os.path.abspath(input_dir), os.path.abspath(output_dir),
                             variants=variants, seed=base_seed, workers=parallelism, fmt=fmt,
                             overwrite=overwrite, progress=False, log=log, engine=RayRunner)
        return _apply_on_storage(pipeline, os.fspath(input_dir), os.fspath(output_dir), variants, base_seed,
                                 parallelism, fmt, overwrite, log, sources)


@contextlib.contextmanager
def ray_session(address: str | None = None, workers: int | None = None):
    """Ray for the length of a run: connect to ``address`` (or ``RAY_ADDRESS``), or start a local
    instance (with ``workers`` CPUs, default every core); a Ray already initialised is kept."""
    if ray.is_initialized():
        yield
        return
    address = address or os.environ.get("RAY_ADDRESS") or None
    options = {"num_cpus": workers} if workers and not address else {}
    try:
        ray.init(address=address, **options)
    except (ConnectionError, RuntimeError, ValueError) as err:
        raise AugviewError(tr("cannot connect to the Ray cluster at {address} ({reason})").format(
            address=address or "local", reason=_first_line(err))) from None
    try:
        yield
    finally:
        ray.shutdown()


@contextlib.contextmanager
def _progress(progress: bool | None):
    context = ray.data.DataContext.get_current()
    before = context.enable_progress_bars
    if progress is not None:
        context.enable_progress_bars = progress
    try:
        yield
    finally:
        context.enable_progress_bars = before


# ---- running the tasks: the runner `run_apply`'s loop drives -------------------------------------


class RayRunner:
    """The tasks of a run as a Ray Dataset mapped by the per-source work; results stream back in
    the order they finish. The interface of `augview.batch.workers.Pool` (busy, next_results,
    stop, close), so `run_apply`'s loop drives it as it drives the local pool."""

    def __init__(self, worker: Callable[[Task], TaskResult], tasks: list[Task], workers: int):
        self.left, self.rows = len(tasks), None
        if not tasks:
            return
        blocks = min(len(tasks), max(4 * workers, -(-len(tasks) // TASKS_PER_BLOCK)))
        # Pickled: a task's tuples and a result's records (traces) are not one Arrow schema.
        dataset = ray.data.from_items([{"task": pickle.dumps(task)} for task in tasks],
                                      override_num_blocks=blocks)
        dataset = dataset.map(_RayTask(worker, text.translation_table()), num_cpus=1,
                              compute=ray.data.TaskPoolStrategy(size=workers))
        self.rows = iter(dataset.iter_rows())

    def busy(self) -> bool:
        return self.left > 0

    def next_results(self) -> list[TaskResult]:
        try:
            row = next(self.rows)
        except StopIteration:
            self.left = 0
            return []
        except Exception as err:  # a task that raised (one file's problems never do)
            self.left = 0
            raise WorkerDied(tr("a Ray task failed ({reason}); the run stopped: run it again to "
                                 "resume").format(reason=_reason(err))) from None
        self.left -= 1
        return [pickle.loads(row["result"])]

    def stop(self) -> list[TaskResult]:
        """Results still on their way are not waited for: their outputs are whole files, which the
        next run checks (recomputes and compares) as outputs without a manifest line."""
        return []

    def close(self, force: bool = False) -> None:
        close = getattr(self.rows, "close", None)
        if close is not None:
            close()  # ends Ray Data's execution of the dataset
        self.rows = None


class _RayTask:
    """One row of the dataset (a pickled task) through the per-source work, in a Ray worker."""

    def __init__(self, worker: Callable[[Task], TaskResult], translations: dict[str, str] | None):
        self.worker, self.translations = worker, translations

    def __call__(self, row: dict) -> dict:
        _prepare_process(self.translations)
        return {"result": pickle.dumps(self.worker(pickle.loads(row["task"])))}


_PREPARED: list = []  # this worker process's translation table, once set


def _prepare_process(translations) -> None:
    # As the local pool's workers: a task uses one CPU; the caller's language.
    if _PREPARED != [translations]:
        cv2.setNumThreads(1)
        text.use_translation_table(translations)
        _PREPARED[:] = [translations]


def _reason(err: BaseException) -> str:
    """What went wrong, in one line. A task's exception reaches this process as a RayTaskError
    whose text is the task's traceback: its last line names the exception."""
    if isinstance(err, ray.exceptions.RayTaskError):
        traceback = re.sub(r"\x1b\[[0-9;]*m", "", str(err)).split("\n\n")[0]
        lines = [line for line in traceback.splitlines() if line.strip() and not line[0].isspace()]
        if len(lines) > 1:
            return lines[-1].strip()
    return f"{type(err).__name__}: {_first_line(err)}"


def _first_line(err: BaseException) -> str:
    lines = [line for line in str(err).splitlines() if line.strip()]
    return lines[0].strip() if lines else type(err).__name__


# ---- folders given as URIs -----------------------------------------------------------------------


def _apply_on_storage(pipeline, input_dir: str, output_dir: str, variants, base_seed, workers, fmt,
                      overwrite, log, sources) -> ApplySummary:
    """`run_apply`'s steps (plan, manifest, summary) on pyarrow file systems (`augview.batch.storage`)."""
    start = time.perf_counter()
    summary = ApplySummary(variants=variants)
    storage.check_apart(input_dir, output_dir)
    if sources is None:
        names, summary.ignored, stamps = storage.find_sources(input_dir)
        stamp_of = lambda rel: stamps.get(rel, (None, None))  # noqa: E731
    else:
        names, summary.ignored = storage.sources_of_dataset(sources, input_dir)
        stamp_of = functools.partial(storage.source_stamp, input_dir)
    summary.sources = len(names)
    if not names:
        raise AugviewError(tr("{folder}: no images found (looked for {suffixes})").format(
            folder=input_dir, suffixes=", ".join(IMAGE_SUFFIXES)))
    storage.make_folder(output_dir)
    existing = storage.list_outputs(output_dir)
    preset = preset_id(pipeline)
    summary.manifest = storage.shown(output_dir, MANIFEST_NAME)
    report = log or _stderr
    with tempfile.TemporaryDirectory(prefix="augview-manifest-") as stage:
        # The manifest in a local copy (object stores cannot append), uploaded whole at the end.
        copy = Path(stage) / MANIFEST_NAME
        try:
            data = storage.read_file(output_dir, MANIFEST_NAME)
        except OSError as err:
            raise AugviewError(tr("{path}: cannot read the manifest ({reason})").format(
                path=summary.manifest, reason=err.strerror or err)) from None
        if data is not None:
            copy.write_bytes(data)
        manifest = Manifest(copy, preset)
        # The folders stand in for the local roots: only the messages name them.
        tasks, summary.skipped = plan(names, input_dir, output_dir, variants, base_seed, fmt, overwrite,
                                       manifest, list_folder=lambda folder: existing.get(folder, set()),
                                       source_stamp=stamp_of)
        summary.workers = max(1, min(workers, len(tasks)))
        made: set[str] = set()
        worker = storage.StagedWorker(pipeline, input_dir, output_dir, base_seed, fmt, preset)
        manifest.open()
        runner = None
        restore = handle_sigterm()
        try:
            runner = RayRunner(worker, tasks, summary.workers)
            while runner.busy():
                for result in runner.next_results():
                    _take(summary, manifest, result, report)
                    made.update(record["output"] for record in result.records)
        except KeyboardInterrupt as err:
            summary.interrupted = "SIGTERM" if isinstance(err, Terminated) else "SIGINT"
            report(tr("augview: interrupted"))
        except WorkerDied as err:
            summary.errors.append(str(err))
            report(f"augview: {err}")
        finally:
            try:
                if runner is not None:
                    runner.close()

                def exists(rel: str) -> bool:
                    folder, name = posixpath.split(rel)
                    return rel in made or name in existing.get(folder, ())

                manifest.finish(Path(stage), exists=exists)
                try:
                    storage.write_file(output_dir, MANIFEST_NAME, copy.read_bytes())
                except OSError as err:
                    raise AugviewError(tr("{path}: cannot write ({reason})").format(
                        path=summary.manifest, reason=err.strerror or err)) from None
            finally:
                restore()
    summary.elapsed = time.perf_counter() - start
    return summary


def _take(summary: ApplySummary, manifest: Manifest, result: TaskResult, report) -> None:
    """As `run_apply` takes a result: its records into the manifest, its counts into the summary."""
    for record in result.records:
        manifest.add(record)
    summary.add_result(result, report)


def _stderr(message: str) -> None:
    import sys

    print(message, file=sys.stderr, flush=True)
