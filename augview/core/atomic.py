"""Atomic file writes: a reader (or a crash) never sees a half-written file."""

from __future__ import annotations

import os
import re
import stat
import tempfile
import time
from pathlib import Path


# mkstemp creates files readable by their owner only; a saved image or preset should get the same
# permissions as any other new file (or keep those of the file it replaces). The umask can only be
# read by setting it, so it is read once, at import, before any worker threads exist.
_UMASK = os.umask(0)
os.umask(_UMASK)

# A temporary file left by a save that was killed before its rename is removed by a later save of
# the same file once it is this old (a save in progress elsewhere keeps its file younger).
STALE_AFTER = 15 * 60  # seconds


def atomic_write_bytes(path: str | os.PathLike, data: bytes, durable: bool = True, *,
                       follow_links: bool = True, clean_stale: bool = True) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, then rename it over
    ``path`` in one step (``os.replace``). ``durable=False`` skips the flush to disk: still
    atomic for readers and after a crash of the program, but a power failure may leave an empty
    file (batch runs check for those and redo them: an fsync per image costs more than the image).

    ``path`` a symbolic link: the file it points to is replaced, the link stays (as a text editor
    does). ``path`` a device or a pipe (``/dev/null``, ``/dev/stdout``, a FIFO): written to as it
    is, never replaced (a rename would put a plain file in its place, even ``/dev/null`` for root).
    ``follow_links=False`` replaces whatever is at ``path`` instead (batch outputs: a link there
    could lead into the sources). ``clean_stale``: temporary files of earlier saves of the same
    name that were killed before their rename (``.<name>.<8 characters>.tmp``, older than
    `STALE_AFTER`) are removed. Every OSError names ``path``, never the temporary file."""
    target = Path(os.path.realpath(path)) if follow_links and os.path.islink(path) else Path(path)
    folder = target.parent
    try:
        if follow_links and is_stream(path):
            # Appended: standard output redirected with >> keeps what it holds (> has emptied it).
            with open(path, "ab") as out:
                out.write(data)
            return
        if target.is_dir():
            raise IsADirectoryError(21, os.strerror(21))  # before a temporary file is made beside it
        if clean_stale:
            remove_stale_temporaries(target)
        handle, temp = tempfile.mkstemp(prefix=_temp_prefix(target.name), suffix=".tmp", dir=folder)
    except OSError as err:
        # Name the file the caller asked for, not the temporary one; callers say "cannot write".
        raise OSError(err.errno, err.strerror, str(path)) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        try:
            mode = os.stat(target).st_mode & 0o7777
        except OSError:
            mode = 0o666 & ~_UMASK
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException as err:
        try:
            os.unlink(temp)
        except OSError:
            pass
        if isinstance(err, OSError):  # e.g. a full disk: the file asked for, not ".x.png.k3j2_9a.tmp"
            raise OSError(err.errno, err.strerror, str(path)) from None
        raise


def is_stream(path) -> bool:
    """Whether writing to ``path`` means writing into something already open rather than making a
    file: this process's standard output or error named as a file (``/dev/stdout``, ``/dev/fd/1``,
    wherever it leads: a terminal, a pipe or a file the shell opened), or a path that is (or links
    to) something other than a file or a folder (a device, a pipe, a socket)."""
    name = os.fspath(path)
    if name in ("/dev/stdout", "/dev/stderr") or name.startswith(("/dev/fd/", "/proc/self/fd/")):
        return True
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _temp_prefix(name: str) -> str:
    """``.<name>.``, shortened so that the temporary name fits where ``name`` fits (255 bytes)."""
    while len(os.fsencode(f".{name}.12345678.tmp")) > 255 and len(name) > 1:
        name = name[:-1]
    return f".{name}."


def remove_stale_temporaries(target: Path) -> None:
    """Remove the temporary files `atomic_write_bytes` left beside ``target`` in saves that were
    killed before their rename: regular files named ``.<name>.<8 characters>.tmp`` (what mkstemp
    makes) not modified for `STALE_AFTER` seconds. Nothing else is touched, and a file that
    cannot be removed is left."""
    pattern = re.compile(re.escape(_temp_prefix(target.name)) + r"[a-z0-9_]{8}" + re.escape(".tmp"))
    limit = time.time() - STALE_AFTER
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and info.st_mtime < limit:
                os.unlink(entry.path)
        except OSError:
            pass
