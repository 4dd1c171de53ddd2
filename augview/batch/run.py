"""Batch augmentation of a folder: what ``augview apply`` runs.

    summary = run_apply(Pipeline.load("my.json"), "photos", "augmented", variants=3)

**Names.** The input tree is mirrored into the output folder, and each image gets ``variants``
augmented copies named ``<source file name>.aug<NN>.<ext>``: ``dogs/rex.jpg`` becomes
``dogs/rex.jpg.aug00.png``, ``dogs/rex.jpg.aug01.png``... Keeping the whole source name (suffix
included) makes names unique (``rex.jpg`` and ``rex.png`` never collide) and makes each output
sort right after its source in byte order (Python's ``sorted``, ``LC_ALL=C ls``): the output
folder lists in the same order as the input folder. ``fmt="same"`` keeps the source's suffix when
it can be written (png, jpg/jpeg, bmp, tif/tiff, webp) and writes PNG otherwise (gif, ppm/pgm).
Grey sources stay grey; everything else is written as RGB.

**Determinism.** Output *i* of a source uses the seed ``output_seed(base_seed, relative path, i)``:
a BLAKE2b hash of the base seed, the source's path relative to the input folder (POSIX form, so
the same on every OS) and *i*. So an output does not depend on the order files are processed in,
on the number of workers, or on which files were done before an interruption; renaming or moving
a source changes its seeds. Each manifest line holds the seed, and
``pipe.apply(load_image(source, mode), seed)`` reproduces the output's pixels.

**Resume and safety.** Outputs are written atomically (temporary file, then rename), so an
interrupted run (Ctrl+C, SIGTERM, SIGKILL, a crash) leaves no partial image; a temporary file left
by a hard kill is removed by the next run. Outputs are not flushed to disk one by one (``fsync``
costs more than augmenting an image): after a power failure some may be empty, and the next run
rewrites empty outputs. A full disk (ENOSPC, a quota, a file system turned read-only) stops the
run at the first output it cannot write, with the summary (``summary.stopped``); a manifest line
that cannot be written whole is cut back, so a re-run after making room finishes the job.
Existing outputs are skipped unless ``overwrite=True``. An existing output
is trusted when the manifest says it was made with the same steps and seed; one without a line
(a run killed between writing a file and recording it) is recomputed and compared byte for byte;
one made with other steps, another seed or from another source file (of another size: say, a
``val/img1.jpg`` run into the folder of ``train/img1.jpg``) stops the run before anything is
written. The output
folder may not be the input folder, lie inside it (a re-run would take the outputs as sources),
or contain it; no output directory may resolve (through symbolic links) into the input folder.
One run at a time per output folder.

**Manifest.** ``<output>/augview-manifest.jsonl``, one JSON object per output file:
``{"source", "output", "variant", "seed", "base_seed", "mode", "preset", "source_bytes",
"source_mtime_ns", "trace"}`` (paths relative to the input and output folders, ``preset`` a hash
of the steps, ``source_bytes`` the source's size, ``source_mtime_ns`` its modification time: an
output of a source written to since is made again and compared before it counts as done). Lines are appended as
outputs are written, so a killed run keeps what it recorded; at the end of every run (also an
interrupted one) the file is rewritten sorted by output path, one line per output file that
exists, keeping earlier runs' lines for outputs that were skipped. Two runs that make the same
files write the same manifest, byte for byte.

**Workers.** Each source's work is load, N variants, atomic saves; it runs in a process pool
(quick sources go to a worker a few at a time, see `augview.batch.workers.Pool`), each worker
with OpenCV limited to one thread so that K workers use K cores. Workers come from a fork server
where there is one (Linux, macOS): a clean process that imported augview once and forks workers
from then on; elsewhere they are spawned (about half a second each to import augview). Never a
plain fork of this process: a child forked after OpenCV ran its thread pool can deadlock. The
results are the same whichever way, and ``workers=1`` runs in this process. A pool that cannot
start is a `PoolStartError` before any task is handed out; workers end as soon as the process
that started them is gone (``kill -9``), and the fork server and resource tracker with them (see
`augview.batch.workers`).
Hidden files and folders (names starting with ".") are not walked; symbolic links to files are
followed, links to folders are not.
"""

from __future__ import annotations

import os
import posixpath
import signal
import stat
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np
from tqdm import tqdm

from augview.core.imageio import IMAGE_SUFFIXES, find_images
from augview.pipeline.pipeline import MAX_SEED, Pipeline
from augview.text import count, printable, tr
from augview.errors import AugviewError, OptionError

from augview.batch.files import (  # noqa: F401
    FORMATS, MANIFEST_NAME, MAX_VARIANTS, Manifest, TEMP_NAME, inside, check_folders, output_name, output_seed, preset_id,
)
from augview.batch.annotated import AnnotatedRun, AnnotationOptions
from augview.batch.workers import (  # noqa: F401
    InProcess, Pool, Task, TaskResult, Worker, WorkerDied, interrupts_held, stop_message,
)

# ---- the run ---------------------------------------------------------------------------------


@dataclass
class ApplySummary:
    sources: int = 0
    variants: int = 0
    written: int = 0
    skipped: int = 0  # outputs already there
    failed: int = 0  # outputs not made (or existing ones that differ)
    failed_sources: int = 0
    ignored: int = 0  # files that are not images (with annotations on: mask PNGs too)
    annotated: bool = False  # annotations read: the other files include the ones read
    workers: int = 1
    elapsed: float = 0.0
    manifest: str = ""
    interrupted: str = ""  # "", "SIGINT", "SIGTERM" or "cancelled"
    stopped: str = ""  # why the run stopped before the end (a full disk), also in ``errors``
    errors: list[str] = field(default_factory=list)

    def add_result(self, result, report) -> None:
        """A source's result in the totals; its error messages reported and kept."""
        self.written += result.written
        self.skipped += result.verified
        self.failed += result.failed
        self.failed_sources += bool(result.failed)
        for message in result.errors:
            self.errors.append(message)
            report(f"augview: {message}")

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return 143 if self.interrupted == "SIGTERM" else 130
        return 1 if self.failed or self.errors or self.stopped else 0

    def line(self) -> str:
        counts = dict(images=_images(self.sources),
                      variants=count(self.variants, tr("{n} variant"), tr("{n} variants")),
                      written=self.written, skipped=self.skipped, failed=self.failed)
        if self.failed_sources:
            text = tr("{images} x {variants}: {written} written, {skipped} skipped (already there), "
                      "{failed} failed ({failed_images})").format(failed_images=_images(self.failed_sources),
                                                                  **counts)
        else:
            text = tr("{images} x {variants}: {written} written, {skipped} skipped (already there), "
                      "{failed} failed").format(**counts)
        if self.ignored and self.annotated:  # label files, COCO files, masks: read, not ignored
            text = tr("{summary}; {files} besides the images, annotations among them").format(
                summary=text, files=count(self.ignored, tr("{n} other file"), tr("{n} other files")))
        elif self.ignored:
            text = tr("{summary}; {files} ignored").format(
                summary=text, files=count(self.ignored, tr("{n} other file"), tr("{n} other files")))
        text = tr("{summary}; {seconds} s, {workers}; manifest {manifest}").format(
            summary=text, seconds=f"{self.elapsed:.1f}", manifest=self.manifest,
            workers=count(self.workers, tr("{n} worker"), tr("{n} workers")))
        if self.interrupted:
            return tr("interrupted: {summary}").format(summary=text)
        return tr("stopped: {summary}").format(summary=text) if self.stopped else text


def _images(number: int) -> str:
    return count(number, tr("{n} image"), tr("{n} images"))


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl+C: let the images in progress finish, then stop."""

    exit_code = 143  # 128 + SIGTERM, what a shell reports for a process SIGTERM ended


class _Cancelled(KeyboardInterrupt):
    """The caller set ``cancel``: stop like Ctrl+C."""


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use (containers, taskset)
    except AttributeError:
        return os.cpu_count() or 1


def run_apply(pipeline: Pipeline, input_dir: str | os.PathLike, output_dir: str | os.PathLike, *,
              variants: int = 1, seed: int | None = None, workers: int | None = None,
              fmt: str = "png", overwrite: bool = False, progress: bool | None = None,
              log: Callable[[str], None] | None = None,
              on_progress: Callable[[int, int], None] | None = None,
              cancel: threading.Event | None = None, engine: Callable | None = None,
              annotations: AnnotationOptions | None = None) -> ApplySummary:
    """Augment every image under ``input_dir`` into ``output_dir`` (see the module docstring).

    ``seed``: the base seed (default: the pipeline's). ``workers``: processes (default: every
    core). ``progress``: a progress bar on stderr (None: only on a terminal). ``log``: receives one
    line per problem (default: stderr). Interruptions (Ctrl+C, SIGTERM) end the run cleanly with
    ``summary.interrupted`` set; problems with single files are counted, reported and skipped.
    ``on_progress(done, total)`` is called after each source; setting ``cancel`` stops the run like
    Ctrl+C (the window runs it on a thread this way). ``engine(worker, tasks, workers)`` returns
    the runner of the tasks elsewhere (`augview.batch.ray_engine`); None: this machine's processes.
    ``annotations``: read, augment and write
    each image's annotations too (see `augview.batch.annotated`).
    """
    variants, seed, workers = check_options(variants, seed, workers, fmt)
    base_seed = pipeline.seed if seed is None else seed
    workers = default_workers() if workers is None else workers
    check_folders(input_dir, output_dir)
    start = time.perf_counter()
    summary = ApplySummary(variants=variants)

    sources, summary.ignored, walk_errors = find_images(input_dir)
    annotated = None
    if annotations is not None:
        annotated = AnnotatedRun(annotations, pipeline, input_dir, output_dir, sources)
        sources, summary.ignored = annotated.sources, summary.ignored + annotated.masks
        summary.annotated = True
    summary.sources = len(sources)
    if not sources and not walk_errors:
        raise AugviewError(tr("{folder}: no images found (looked for {suffixes})").format(
            folder=os.fspath(input_dir), suffixes=", ".join(IMAGE_SUFFIXES)))
    out_root = Path(output_dir)
    try:
        out_root.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise AugviewError(tr("{folder}: cannot create the output folder ({reason})").format(
            folder=out_root, reason=err.strerror or err)) from None
    manifest_path = out_root / MANIFEST_NAME
    summary.manifest = str(manifest_path)
    preset = preset_id(pipeline) if annotated is None else annotated.preset_id(pipeline)
    manifest = Manifest(manifest_path, preset)
    tasks, summary.skipped = plan(sources, Path(input_dir), out_root, variants, base_seed, fmt,
                                   overwrite, manifest)
    if annotated is not None:
        tasks = annotated.attach(tasks)
        walk_errors += annotated.start()
    summary.workers = max(1, min(workers, len(tasks)))

    report = log or (lambda message: tqdm.write(printable(message), file=sys.stderr))
    for message in walk_errors:
        summary.errors.append(message)
        report(f"augview: {message}")
    worker = Worker(pipeline, os.fspath(input_dir), os.fspath(output_dir), base_seed, fmt, preset,
                     annotated.worker() if annotated is not None else None)
    if tasks:  # (nothing to do: the output folder may be on read-only media)
        manifest.open()
    runner = bar = None
    force = False
    restore = handle_sigterm()
    try:
        bar = tqdm(total=len(tasks), unit="img", desc="augview apply", file=sys.stderr,
                   dynamic_ncols=True, disable=None if progress is None else not progress)

        done: list[int] = []

        def stop(message: str) -> None:
            if not summary.stopped:  # said once; what the images in progress meet is the same
                summary.stopped = message
                summary.errors.append(message)
                report(f"augview: {message}")

        def take(result: TaskResult) -> None:
            for record in result.records:
                try:
                    manifest.add(record)
                except OSError as err:  # the disk filled up under the manifest
                    stop(stop_message(err.filename, err))
                    break  # these files stay without a line: the next run checks them instead
            if result.stop:
                stop(result.stop)
            summary.add_result(result, report)
            bar.update(1)
            done.append(1)  # (a disabled tqdm bar does not count)
            if on_progress is not None:
                on_progress(len(done), len(tasks))
            if summary.failed:
                bar.set_postfix(failed=summary.failed, refresh=False)

        try:
            # Inside the handler of interrupts: SIGTERM while the workers start is a clean stop.
            runner = (engine(worker, tasks, summary.workers) if engine is not None
                      else Pool(worker, tasks, summary.workers) if summary.workers > 1
                      else InProcess(worker, tasks, report))
            while runner.busy() and not summary.stopped:
                if cancel is not None and cancel.is_set():
                    raise _Cancelled()
                for result in runner.next_results():
                    take(result)
            if summary.stopped:
                for result in runner.stop():  # the images in progress, as on Ctrl+C
                    take(result)
        except KeyboardInterrupt as err:
            summary.interrupted = ("SIGTERM" if isinstance(err, Terminated)
                                   else "cancelled" if isinstance(err, _Cancelled) else "SIGINT")
            if isinstance(runner, Pool):
                report(tr("augview: interrupted; finishing the images in progress (interrupt again to quit now)"))
            elif not (isinstance(runner, InProcess) and runner.finished):  # (it said so when the image went on)
                report(tr("augview: interrupted"))
            force = True  # until the images in progress are in
            for result in runner.stop() if runner is not None else ():
                take(result)
            force = False
        except WorkerDied as err:
            summary.errors.append(str(err))
            report(f"augview: {err}")
            # What the other workers finished, and had finished before (none if the pool's start
            # is what failed: then there is no runner).
            for result in runner.stop() if runner is not None else ():
                take(result)
    finally:
        try:
            _wind_up(runner, force, bar, manifest, out_root, annotated, summary, report)
        finally:
            restore()
    summary.elapsed = time.perf_counter() - start
    return summary


def _wind_up(runner, force: bool, bar, manifest: Manifest, out_root: Path, annotated, summary: ApplySummary,
             report: Callable[[str], None]) -> None:
    """The end of a run, however it ended: the workers stopped (at once with ``force``), the bar
    closed, the manifest sorted and the annotation files written. An interrupt meanwhile would
    lose the summary and the sorted manifest: it is noted in the summary instead."""
    with interrupts_held(deliver=False) as caught:
        if runner is not None:
            runner.close(force)
        if bar is not None:
            bar.close()
        try:
            manifest.finish(out_root)
        except OSError as err:  # sorting needs room for a copy; the lines stay as written
            message = tr("{path}: cannot sort the manifest ({reason}); its lines stay as they were "
                         "written, and the next run sorts it").format(path=manifest.path, reason=err.strerror or err)
            summary.errors.append(message)
            report(f"augview: {message}")
        for message in annotated.finish(manifest.path) if annotated is not None else ():
            summary.errors.append(message)
            report(f"augview: {message}")
    if caught and not summary.interrupted:
        summary.interrupted = "SIGTERM" if caught[0][0] == signal.SIGTERM else "SIGINT"


def check_options(variants, seed, workers, fmt) -> tuple[int, int | None, int | None]:
    """``(variants, seed, workers)`` as plain ints, once checked. numpy integers are whole numbers
    too, as `Pipeline.apply` takes them (a seed of np.int64(5) was refused as "not between 0
    and ..., got 5")."""
    def is_int(value):
        return isinstance(value, (int, np.integer)) and not isinstance(value, bool)

    if not is_int(variants) or not 1 <= variants <= MAX_VARIANTS:
        raise OptionError(tr("the number of variants must be between 1 and {max}, got {value}").format(
            max=MAX_VARIANTS, value=variants))
    if seed is not None and (not is_int(seed) or not 0 <= seed <= MAX_SEED):
        raise OptionError(tr("the seed must be between 0 and {max}, got {value}").format(max=MAX_SEED, value=seed))
    if workers is not None and (not is_int(workers) or workers < 1):
        raise OptionError(tr("the number of workers must be 1 or more, got {value}").format(value=workers))
    if fmt not in FORMATS:
        raise OptionError(tr("the output format must be one of {formats}, got {value}").format(
            formats=", ".join(FORMATS), value=repr(fmt)))
    return int(variants), None if seed is None else int(seed), None if workers is None else int(workers)


def plan(sources, in_root: Path, out_root: Path, variants, base_seed, fmt, overwrite,
          manifest: Manifest, *, list_folder: Callable[[str], set[str]] | None = None,
          source_stamp: Callable[[str], tuple[int | None, int | None]] | None = None) -> tuple[list[Task], int]:
    """The tasks still to do and the number of outputs already there. Refuses before anything is
    written if an output folder leads into the input folder, or if existing outputs were made
    with other steps, another seed or from another source file. ``list_folder(folder)`` (the
    names of the outputs in an output folder given relative to the output root) and
    ``source_stamp(rel)`` (its size and modification time) replace this machine's file system
    (`augview.batch.storage`)."""
    if list_folder is None:
        def list_folder(folder: str) -> set[str]:
            return _list_output_folder(out_root.joinpath(*folder.split("/")) if folder else out_root, in_root)
    if source_stamp is None:
        def source_stamp(rel: str) -> tuple[int | None, int | None]:
            return _stamp(in_root, rel)
    tasks, skipped, conflicts = [], 0, []
    folder, existing = None, set()
    for rel in sources:  # sorted folder by folder: one folder's listing in memory at a time
        source_folder, name = posixpath.split(rel)
        if source_folder != folder:
            folder = source_folder
            existing = list_folder(folder)
        outputs, stamp = [], None  # the source's size and modification time, read once if needed
        for variant in range(variants):
            out_name = output_name(name, variant, fmt)
            if out_name in existing and not overwrite:
                out_rel = posixpath.join(folder, out_name)
                entry = manifest.get(out_rel)
                if entry is None:
                    outputs.append((variant, True))  # no record of it: recompute and compare
                    continue
                if stamp is None:
                    stamp = source_stamp(rel)
                if entry[0] != output_seed(base_seed, rel, variant) or not entry[1] or entry[2] != stamp[0]:
                    conflicts.append(out_rel)
                elif entry[3] is not None and stamp[1] is not None and entry[3] != stamp[1]:
                    # The source was written to since (same size: an edit in place, or only a
                    # copy): made again and compared, so a changed source is never taken as done.
                    outputs.append((variant, True))
                else:
                    skipped += 1
                continue
            outputs.append((variant, False))
        if outputs:
            tasks.append((rel, tuple(outputs)))
    if conflicts:
        raise AugviewError(count(
            len(conflicts),
            tr("{folder}: {n} existing output was made with other steps or annotation settings, another seed or from other "
               "source files (first: {first}); --overwrite ('replace existing outputs' in the window) replaces them, or choose another output folder"),
            tr("{folder}: {n} existing outputs were made with other steps or annotation settings, another seed or from other "
               "source files (first: {first}); --overwrite ('replace existing outputs' in the window) replaces them, or choose another output folder"),
            folder=out_root, first=conflicts[0]))
    return tasks, skipped


def _stamp(in_root: Path, rel: str) -> tuple[int | None, int | None]:
    """A source's size and modification time (ns), or Nones when it cannot be read."""
    try:
        info = os.stat(in_root.joinpath(*rel.split("/")))
    except OSError:
        return None, None
    return info.st_size, info.st_mtime_ns


def _list_output_folder(folder: Path, in_root: Path) -> set[str]:
    """Names of the non-empty files in an output folder (an empty one, left by a power failure,
    is made again); removes the temporary files of a killed run."""
    if inside(str(folder), str(in_root)):
        raise AugviewError(tr("{folder}: this output folder leads into the input folder {input} "
                              "(a symbolic link?); the run would write among the sources").format(
            folder=folder, input=in_root))
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return set()
    except OSError as err:
        raise AugviewError(tr("{folder}: cannot list the folder ({reason})").format(
            folder=folder, reason=err.strerror or err)) from None
    names = set()
    for entry in entries:
        try:
            info = entry.stat()
        except OSError:  # a dangling link: a name we must not write over blindly
            names.add(entry.name)
            continue
        if TEMP_NAME.match(entry.name):
            if stat.S_ISREG(info.st_mode):
                try:
                    os.unlink(entry.path)
                except OSError:
                    pass
        elif not (stat.S_ISREG(info.st_mode) and info.st_size == 0):
            names.add(entry.name)
    return names


def handle_sigterm() -> Callable[[], None]:
    """Turn SIGTERM into a clean stop while the run lasts; returns the function that undoes it."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def on_term(signum, frame):
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, on_term)
    return lambda: signal.signal(signal.SIGTERM, previous)

