"""Files of a batch run (see `augview.batch.run`): output names and seeds, the folder checks,
and the provenance manifest."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path, PurePosixPath
from typing import Callable

import cv2

from augview.core.atomic import atomic_write_bytes
from augview.pipeline.pipeline import Pipeline
from augview.text import tr
from augview.errors import AugviewError, OptionError

MANIFEST_NAME = "augview-manifest.jsonl"
MAX_VARIANTS = 100  # variant numbers are two digits, so names never change with the count
FORMATS = ("png", "jpg", "same")
WRITABLE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp")
QUALITY = 95  # JPEG and WebP, as `save_image`
_SEED_SCHEME = b"augview-apply-v1"  # part of every hashed seed: a new scheme gets a new tag
IN_FLIGHT = 3  # tasks submitted per worker: enough to keep it busy, few to cancel on Ctrl+C
BATCH = 4  # most sources sent to a worker process at once (see `augview.batch.workers.Pool`)
# A temporary file of `write_atomic` for one of our outputs: ".<name>.aug07.png.<8 characters>.tmp"
# (`augview.core.atomic`).
TEMP_NAME = re.compile(r"^\..+\.aug\d\d\.[^.]+\.[a-z0-9_]+\.tmp$")



# ---- names and seeds -------------------------------------------------------------------------


def output_seed(base_seed: int, source: str, variant: int) -> int:
    """The seed of output ``variant`` of ``source`` (its POSIX path relative to the input folder).
    A stable hash, never Python's ``hash()``, which changes between processes."""
    data = b"\0".join((_SEED_SCHEME, str(int(base_seed)).encode(), os.fsencode(source),
                       str(int(variant)).encode()))
    digest = hashlib.blake2b(data, digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1  # 63 bits: 0 <= seed <= MAX_SEED


def output_suffix(source_name: str, fmt: str) -> str:
    if fmt == "png":
        return ".png"
    if fmt == "jpg":
        return ".jpg"
    suffix = os.path.splitext(source_name)[1]
    return suffix if suffix.lower() in WRITABLE_SUFFIXES else ".png"


def output_name(source_name: str, variant: int, fmt: str = "png") -> str:
    """``cat.jpg`` -> ``cat.jpg.aug00.png``: sorts right after its source, never collides."""
    return f"{source_name}.aug{variant:02d}{output_suffix(source_name, fmt)}"


def preset_id(pipeline: Pipeline) -> str:
    """A short hash of the pipeline's steps (not its name, description or seed)."""
    steps = json.dumps(pipeline.to_dict()["steps"], sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(steps.encode("utf-8")).hexdigest()[:16]


# PNG as batch runs write it: each row stored as its difference from the row above ("up" filter),
# then Huffman-coded without searching for repeats. On photos the repeat search finds little after
# the filter: this is about 15% faster to write than OpenCV's default (level 1, "sub" filter,
# run-length search), for files about 1% larger (bench/bench_apply.py reports the size on its outputs).
_PNG_PARAMS = [cv2.IMWRITE_PNG_STRATEGY, cv2.IMWRITE_PNG_STRATEGY_HUFFMAN_ONLY]
if hasattr(cv2, "IMWRITE_PNG_FILTER"):  # OpenCV 4.10 and later
    _PNG_PARAMS += [cv2.IMWRITE_PNG_FILTER, cv2.IMWRITE_PNG_FILTER_UP]


def encode_output(image, suffix: str) -> bytes:
    """Encode with OpenCV: its PNG writer is about ten times faster than Pillow's default, and
    PNG is what a batch writes most (see `_PNG_PARAMS`)."""
    ext = suffix.lower()
    if image.ndim == 3:
        image = cv2.cvtColor(image, cv2.COLOR_RGB2BGR)
    params = {".jpg": [cv2.IMWRITE_JPEG_QUALITY, QUALITY], ".jpeg": [cv2.IMWRITE_JPEG_QUALITY, QUALITY],
              ".webp": [cv2.IMWRITE_WEBP_QUALITY, QUALITY], ".png": _PNG_PARAMS}.get(ext, [])
    ok, buffer = cv2.imencode(ext, image, params)
    if not ok:
        raise OptionError(tr("OpenCV cannot encode {suffix} images (it was built without that format)").format(
            suffix=ext))
    return buffer.tobytes()


def write_atomic(path: str, data: bytes) -> None:
    """Readers, and a run killed at any moment, see the old file or the new one, never half of
    one; no fsync per image (see "Resume and safety" in `augview.batch.run`). An output that is a
    symbolic link is replaced, never written through (it could lead into the sources); the
    temporary files of killed runs are removed once per folder when the run is planned, not at
    every write."""
    atomic_write_bytes(path, data, durable=False, follow_links=False, clean_stale=False)


# ---- folders ---------------------------------------------------------------------------------


def check_folders(input_dir: str | os.PathLike, output_dir: str | os.PathLike) -> None:
    """Refuse folder pairs where outputs could land on sources or be read back as sources."""
    source, target = os.fspath(input_dir), os.fspath(output_dir)
    if not os.path.exists(source):
        raise AugviewError(tr("{folder}: no such folder").format(folder=source))
    if not os.path.isdir(source):
        raise AugviewError(tr("{folder}: is not a folder").format(folder=source))
    if os.path.exists(target) and not os.path.isdir(target):
        raise AugviewError(tr("{folder}: exists and is not a folder").format(folder=target))
    if inside(target, source):
        if _same(target, source):
            raise AugviewError(tr("the output folder {output} is the input folder; choose another one").format(
                output=target))
        raise AugviewError(tr("the output folder {output} is inside the input folder {input}; a re-run "
                              "would take the outputs as sources: choose a folder outside it").format(
            output=target, input=source))
    if inside(source, target):
        raise AugviewError(tr("the input folder {input} is inside the output folder {output}; outputs "
                              "could land among the sources: choose a folder outside it").format(
            input=source, output=target))


def _same(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def inside(path: str, folder: str) -> bool:
    """Whether ``path`` (existing or not) is ``folder`` or lies inside it, through symbolic links,
    bind mounts and case-insensitive names (compared by device and inode, not by spelling)."""
    try:
        info = os.stat(folder)
    except OSError:
        return False
    key = (info.st_dev, info.st_ino)
    current = os.path.realpath(path)
    while True:
        try:
            info = os.stat(current)
            if (info.st_dev, info.st_ino) == key:
                return True
        except OSError:
            pass  # not created yet: its nearest existing ancestor decides
        parent = os.path.dirname(current)
        if parent == current:
            return False
        current = parent





# ---- the manifest ----------------------------------------------------------------------------


def _encode_record(record: dict) -> bytes:
    # A file name that is not UTF-8 reaches here with its bad bytes as lone surrogates (Python's
    # surrogateescape); "backslashreplace" writes each as the JSON escape "\udcff", so the file
    # stays UTF-8 that any JSON reader takes, and reads back to the same name.
    text = json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.encode("utf-8", "backslashreplace") + b"\n"


def _is_safe_rel(rel: str) -> bool:
    parts = PurePosixPath(rel).parts
    return bool(parts) and not rel.startswith("/") and ".." not in parts


def _in_file_order(keep: list[tuple], size: int) -> bool:
    """Whether the lines to keep are the whole file, one after the other, in the file's order."""
    expected = 0
    for _, offset, length in keep:
        if offset != expected:
            return False
        expected += length
    return expected == size


class Manifest:
    """The manifest file, and an index of its lines by output path: (offset, length, seed, same
    preset, source size, source modification time). Traces stay on disk, never in memory: a run
    may have millions of lines."""

    def __init__(self, path: Path, preset: str):
        self.path, self.preset = path, preset
        self.handle = None
        try:
            ends_line = self._load()
        except FileNotFoundError:
            ends_line = True
        except OSError as err:
            raise AugviewError(tr("{path}: cannot read the manifest ({reason})").format(
                path=path, reason=err.strerror or err)) from None
        self._needs_newline = not ends_line  # a run killed while writing its last line
        for stale in path.parent.glob(f".{path.name}.*.tmp"):  # a run killed while rewriting it
            try:
                stale.unlink()
            except OSError:
                pass

    def _load(self) -> bool:
        """Index every line of the file as it is on disk; True when it ends with a newline."""
        self.index: dict[str, tuple] = {}
        self.size, ends_line = 0, True
        with open(self.path, "rb") as handle:
            for line in handle:
                self._index(line, self.size)
                self.size += len(line)
                ends_line = line.endswith(b"\n")
        return ends_line

    def _index(self, line: bytes, offset: int) -> None:
        """Lines that do not parse are ignored: their outputs are checked again instead."""
        try:
            record = json.loads(line.decode("utf-8", "surrogateescape"))
        except ValueError:
            return
        if not isinstance(record, dict):
            return
        output, seed = record.get("output"), record.get("seed")
        if isinstance(output, str) and _is_safe_rel(output) and type(seed) is int:
            self.index[output] = (offset, len(line), seed, record.get("preset") == self.preset,
                                  record.get("source_bytes"), record.get("source_mtime_ns"))

    def get(self, output: str) -> tuple[int, bool, int | None, int | None] | None:
        """(seed, made with the same steps, source size, source modification time or None) of an
        output's latest line, or None."""
        entry = self.index.get(output)
        return None if entry is None else entry[2:]

    def open(self) -> None:
        # Unbuffered: each line is one write() call, so a killed run leaves whole lines (or, at
        # worst, a last line cut short, which is ignored).
        try:
            self.handle = open(self.path, "ab", buffering=0)
            if self._needs_newline:
                self._write(b"\n")
        except OSError as err:
            raise AugviewError(tr("{path}: cannot write the manifest ({reason})").format(
                path=self.path, reason=err.strerror or err)) from None

    def _write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[self.handle.write(view):]
        self.size += len(data)

    def add(self, record: dict) -> None:
        """Append one line. A write that fails (a full disk) leaves no part of the line behind:
        the file is cut back to where the line began; the OSError names the manifest."""
        line = _encode_record(record)
        offset = self.size
        try:
            self._write(line)
        except OSError as err:
            try:
                os.ftruncate(self.handle.fileno(), offset)  # needs no space
            except OSError:
                pass  # the cut line stays; readers skip lines that do not parse
            raise OSError(err.errno, err.strerror, str(self.path)) from None
        self.index[record["output"]] = (offset, len(line), record["seed"], True, record["source_bytes"],
                                        record.get("source_mtime_ns"))

    def finish(self, output_root: Path, exists: Callable[[str], bool] | None = None) -> None:
        """Rewrite the file: the latest line of every output that exists, sorted by output path.
        ``exists(rel)`` replaces the check on this machine's file system (`augview.batch.storage`)."""
        appended = self.handle is not None
        if appended:
            try:
                os.fsync(self.handle.fileno())  # once per run: worth it for the record of the run
            finally:
                self.handle.close()
        # The file is the record: an interrupt (Ctrl+C) can land between writing a line and
        # noting its offset, so the offsets are read again rather than trusted.
        try:
            ends_line = self._load()
        except FileNotFoundError:
            self.index, ends_line = {}, False
        keep = sorted((PurePosixPath(rel).parts, offset, length)
                      for rel, (offset, length, *_) in self.index.items()
                      if (exists(rel) if exists is not None else (output_root / rel).is_file()))
        if ends_line and _in_file_order(keep, self.size):
            return  # already what the rewrite would write (a run that had nothing to do; read-only media)
        temp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            with open(temp, "wb") as out:
                if keep:
                    with open(self.path, "rb") as source:
                        for _, offset, length in keep:
                            source.seek(offset)
                            line = source.read(length)
                            out.write(line if line.endswith(b"\n") else line + b"\n")
                out.flush()
                os.fsync(out.fileno())  # once per run: worth it for the record of the run
            os.replace(temp, self.path)
        except BaseException:
            try:
                os.unlink(temp)
            except OSError:
                pass
            raise


