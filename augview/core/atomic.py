"""Atomic file writes: a reader (or a crash) never sees a half-written file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


# mkstemp creates files readable by their owner only; a saved image or preset should get the same
# permissions as any other new file (or keep those of the file it replaces). The umask can only be
# read by setting it, so it is read once, at import, before any worker threads exist.
_UMASK = os.umask(0)
os.umask(_UMASK)


def atomic_write_bytes(path: str | os.PathLike, data: bytes, durable: bool = True) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, then rename it over
    ``path`` in one step (``os.replace``). ``durable=False`` skips the flush to disk: still
    atomic for readers and after a crash of the program, but a power failure may leave an empty
    file (batch runs check for those and redo them: an fsync per image costs more than the image)."""
    target = Path(path)
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
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
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
