"""Folders given as URIs for the Ray engine (`augview.batch.ray_engine`): ``s3://bucket/photos``,
``gs://bucket/photos``, ``file:///data/photos``, through pyarrow's file systems (the layer Ray Data
reads through; credentials come from each machine's environment, as for pyarrow).

The local run's pieces are reused as they are: `plan` gets the output listing from here, the
manifest is kept in a local temporary copy and uploaded at the end, and the work of one source is
the local run's `Worker`, run on a temporary local copy of that source (`StagedWorker`).

Whole files only: an output is written to a temporary name and renamed (as the local run does) on
file systems that rename atomically (local, HDFS, ...); on object stores (S3, GCS, Azure) it is
uploaded in one request, and an object is only visible once its upload completed, so a worker
killed mid-upload leaves nothing behind. Needs pyarrow (``pip install "ray[data]>=2.51"``).
"""

from __future__ import annotations

import functools
import os
import posixpath
import secrets
import tempfile
from pathlib import PurePosixPath

import pyarrow.fs as pafs

from augview.core.imageio import IMAGE_SUFFIXES
from augview.pipeline.pipeline import Pipeline
from augview.text import tr
from augview.errors import AugviewError

from augview.batch.files import MANIFEST_NAME, TEMP_NAME, output_name
from augview.batch.workers import Task, TaskResult, Worker

OBJECT_STORES = ("s3", "gcs", "abfs")  # pyarrow's type_name of stores without an atomic rename


def is_uri(path) -> bool:
    return "://" in os.fspath(path)


@functools.lru_cache(maxsize=8)  # one file system object per folder and process (workers too)
def filesystem(location: str) -> tuple[pafs.FileSystem, str]:
    """``(file system, path in it)`` of a URI or of a local path."""
    if not is_uri(location):
        return pafs.LocalFileSystem(), os.path.abspath(location).replace(os.sep, "/")
    try:
        fs, path = pafs.FileSystem.from_uri(location)
    except (OSError, ValueError) as err:  # pyarrow's ArrowInvalid is a ValueError
        raise AugviewError(tr("{folder}: cannot open ({reason})").format(folder=location, reason=err)) from None
    return fs, path.rstrip("/") or path


def shown(location: str, rel: str = "") -> str:
    """A path as the user named it, for messages: ``s3://bucket/photos/dogs/rex.jpg``."""
    location = os.fspath(location)
    return location.rstrip("/") + "/" + rel if rel else location


def _join(root: str, rel: str) -> str:
    return posixpath.join(root, rel) if rel else root


def _kind(fs: pafs.FileSystem, path: str) -> pafs.FileType:
    return fs.get_file_info(path).type


# ---- the driver: folders, listings, the manifest -------------------------------------------------


def check_apart(input_dir: str, output_dir: str) -> None:
    """The checks of `check_folders` on two URIs: the input is a folder, the output is not a file,
    and neither folder lies inside the other."""
    in_fs, in_path = filesystem(input_dir)
    out_fs, out_path = filesystem(output_dir)
    try:
        in_kind, out_kind = _kind(in_fs, in_path), _kind(out_fs, out_path)
    except OSError as err:
        raise AugviewError(tr("{folder}: cannot open ({reason})").format(folder=input_dir, reason=err)) from None
    if in_kind == pafs.FileType.NotFound:
        raise AugviewError(tr("{folder}: no such folder").format(folder=input_dir))
    if in_kind != pafs.FileType.Directory:
        raise AugviewError(tr("{folder}: is not a folder").format(folder=input_dir))
    if out_kind not in (pafs.FileType.NotFound, pafs.FileType.Directory):
        raise AugviewError(tr("{folder}: exists and is not a folder").format(folder=output_dir))
    if in_fs.type_name != out_fs.type_name:
        return
    if in_fs.type_name == "local":  # through symbolic links, as `check_folders`
        in_path, out_path = os.path.realpath(in_path), os.path.realpath(out_path)
    if in_path == out_path:
        raise AugviewError(tr("the output folder {output} is the input folder; choose another one").format(
            output=output_dir))
    if out_path.startswith(in_path + "/"):
        raise AugviewError(tr("the output folder {output} is inside the input folder {input}; a re-run "
                              "would take the outputs as sources: choose a folder outside it").format(
            output=output_dir, input=input_dir))
    if in_path.startswith(out_path + "/"):
        raise AugviewError(tr("the input folder {input} is inside the output folder {output}; outputs "
                              "could land among the sources: choose a folder outside it").format(
            input=input_dir, output=output_dir))


def _is_source(rel: str) -> bool | None:
    """True for an image, False for another file, None for a hidden one (not even counted)."""
    if any(part.startswith(".") for part in rel.split("/")):
        return None
    return os.path.splitext(rel)[1].lower() in IMAGE_SUFFIXES


def _in_order(sources) -> list[str]:
    # As `augview.core.imageio.find_images`: folder by folder, then by name.
    return sorted(set(sources), key=lambda rel: (PurePosixPath(rel).parent.parts, rel))


def find_sources(input_dir: str) -> tuple[list[str], int, dict[str, tuple[int, int | None]]]:
    """``(sources, ignored, stamps)``: as `augview.core.imageio.find_images`, plus each source's
    size and modification time (ns; None where the file system has none)."""
    fs, root = filesystem(input_dir)
    try:
        infos = fs.get_file_info(pafs.FileSelector(root, recursive=True))
    except OSError as err:
        raise AugviewError(tr("{folder}: cannot list the folder ({reason})").format(
            folder=input_dir, reason=err)) from None
    sizes, ignored = {}, 0
    for info in infos:
        if info.type != pafs.FileType.File:
            continue
        kind = _is_source(info.path[len(root) + 1:])
        if kind:
            sizes[info.path[len(root) + 1:]] = _stamp_of(info)
        elif kind is False:
            ignored += 1
    return _in_order(sizes), ignored, sizes


def sources_of_dataset(dataset, input_dir: str) -> tuple[list[str], int]:
    """``(sources, ignored)`` named by the "path" column of a ``ray.data.Dataset`` (what
    ``ray.data.read_binary_files(..., include_paths=True)`` gives, or a table of paths): absolute
    local paths, URIs, or the scheme-less form Ray Data writes (``bucket/photos/rex.jpg``), all
    inside ``input_dir``."""
    _, root = filesystem(input_dir)
    sources, ignored = [], 0
    for batch in dataset.select_columns(["path"]).iter_batches(batch_format="pyarrow"):
        for value in batch.column("path").to_pylist():
            path = str(value).split("://", 1)[-1] if is_uri(str(value)) else str(value)
            if not is_uri(input_dir):
                path = os.path.abspath(path).replace(os.sep, "/")
            if not path.startswith(root.rstrip("/") + "/"):
                raise AugviewError(tr("{path}: is not inside the input folder {input}").format(
                    path=value, input=input_dir))
            rel = path[len(root.rstrip("/")) + 1:]
            kind = _is_source(rel)
            if kind:
                sources.append(rel)
            elif kind is False:
                ignored += 1
    return _in_order(sources), ignored


def source_stamp(input_dir: str, rel: str) -> tuple[int | None, int | None]:
    """A source's size and modification time (ns), as `find_sources` gives them; Nones when it
    cannot be read."""
    fs, root = filesystem(input_dir)
    try:
        info = fs.get_file_info(_join(root, rel))
    except OSError:
        return None, None
    return _stamp_of(info) if info.type == pafs.FileType.File else (None, None)


def _stamp_of(info) -> tuple[int, int | None]:
    return info.size, info.mtime_ns


def list_outputs(output_dir: str) -> dict[str, set[str]]:
    """The names of the non-empty files of every output folder (keyed by the folder relative to the
    output root); removes the temporary files of killed writes, as the local run does."""
    fs, root = filesystem(output_dir)
    try:
        infos = fs.get_file_info(pafs.FileSelector(root, recursive=True, allow_not_found=True))
    except OSError as err:
        raise AugviewError(tr("{folder}: cannot list the folder ({reason})").format(
            folder=output_dir, reason=err)) from None
    folders: dict[str, set[str]] = {}
    for info in infos:
        if info.type != pafs.FileType.File:
            continue
        folder, name = posixpath.split(info.path[len(root) + 1:])
        if TEMP_NAME.match(name) or (not folder and name.startswith(f".{MANIFEST_NAME}.")
                                      and name.endswith(".tmp")):
            try:
                fs.delete_file(info.path)
            except OSError:
                pass
        elif info.size:
            folders.setdefault(folder, set()).add(name)
    return folders


def make_folder(output_dir: str) -> None:
    fs, root = filesystem(output_dir)
    if fs.type_name in OBJECT_STORES:
        return  # no folders there: a key's prefix is its folder
    try:
        fs.create_dir(root, recursive=True)
    except OSError as err:
        raise AugviewError(tr("{folder}: cannot create the output folder ({reason})").format(
            folder=output_dir, reason=err)) from None


def read_file(location: str, rel: str) -> bytes | None:
    """A file's bytes, or None if there is no such file."""
    fs, root = filesystem(location)
    path = _join(root, rel)
    if _kind(fs, path) == pafs.FileType.NotFound:
        return None
    with fs.open_input_stream(path) as stream:
        return stream.read()


def write_file(location: str, rel: str, data: bytes) -> None:
    """Write a whole file: readers and a killed writer never leave half of one (module docstring)."""
    fs, root = filesystem(location)
    path = _join(root, rel)
    if fs.type_name in OBJECT_STORES:
        try:
            with fs.open_output_stream(path) as out:
                out.write(data)
        except BaseException:
            # Closing a stream completes its upload, also after a failed write: do not leave it.
            try:
                fs.delete_file(path)
            except OSError:
                pass
            raise
        return
    folder, name = posixpath.split(path)
    # The local run's temporary names (`TEMP_NAME`), so the next run's listing removes leftovers.
    temp = posixpath.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
    try:
        fs.create_dir(folder, recursive=True)
        with fs.open_output_stream(temp) as out:
            out.write(data)
        fs.move(temp, path)
    except BaseException:
        try:
            fs.delete_file(temp)
        except OSError:
            pass
        raise


# ---- a worker: one source, staged through a local temporary folder ------------------------------


class StagedWorker:
    """The local run's `Worker` for sources and outputs on a pyarrow file system: the source (and
    any output to verify) is copied into a temporary local folder, `Worker` runs there as in a
    local run (same seeds, same bytes, same manifest records), and each output it wrote is copied
    to its place as a whole file."""

    def __init__(self, pipeline: Pipeline, input_dir: str, output_dir: str, base_seed: int, fmt: str,
                 preset: str):
        self.pipeline, self.input_dir, self.output_dir = pipeline, input_dir, output_dir
        self.base_seed, self.fmt, self.preset = base_seed, fmt, preset

    def __call__(self, task: Task) -> TaskResult:
        rel, outputs = task
        folder, name = posixpath.split(rel)
        with tempfile.TemporaryDirectory(prefix="augview-") as temp:
            local_in, local_out = os.path.join(temp, "in"), os.path.join(temp, "out")
            stamp = source_stamp(self.input_dir, rel)  # before reading: an edit made meanwhile is not taken as done
            try:
                data = read_file(self.input_dir, rel)
                if data is None:
                    raise FileNotFoundError(2, "no such file")
            except OSError as err:
                return TaskResult(rel, failed=len(outputs), errors=[
                    tr("{path}: cannot be read ({reason})").format(
                        path=shown(self.input_dir, rel), reason=err.strerror or err)])
            _write_local(local_in, rel, data)
            for variant, verify in outputs:
                out_rel = posixpath.join(folder, output_name(name, variant, self.fmt))
                if verify:
                    try:
                        existing = read_file(self.output_dir, out_rel)
                    except OSError:
                        existing = None  # the worker then says that it cannot be read
                    if existing is not None:
                        _write_local(local_out, out_rel, existing)
            worker = Worker(self.pipeline, local_in, local_out, self.base_seed, self.fmt, self.preset)
            result = worker(task)
            # Messages name the files where the user has them, not the temporary copies.
            result.errors = [message.replace(local_in, self.input_dir.rstrip("/"))
                             .replace(local_out, self.output_dir.rstrip("/")) for message in result.errors]
            verify_of, kept = dict(outputs), []
            for record in result.records:
                record["source_mtime_ns"] = stamp[1]  # the source's time, not the staged copy's
                if not verify_of[record["variant"]]:
                    try:
                        with open(os.path.join(local_out, *record["output"].split("/")), "rb") as made:
                            write_file(self.output_dir, record["output"], made.read())
                    except OSError as err:
                        result.written -= 1
                        result.failed += 1
                        result.errors.append(tr("{path}: cannot write ({reason})").format(
                            path=shown(self.output_dir, record["output"]), reason=err.strerror or err))
                        continue
                kept.append(record)
            result.records = kept
        return result


def _write_local(root: str, rel: str, data: bytes) -> None:
    path = os.path.join(root, *rel.split("/"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as out:
        out.write(data)
