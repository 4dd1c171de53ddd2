"""Faults for the worker processes of `augview apply`, used by tests/test_apply_failures.py.

Workers unpickle their initializer by reference, so these functions live in an importable module
(a worker process imports it). Each one stands in for `augview.batch.workers._init_pool_process`.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from augview.batch import workers


def exit_at_start(worker, translations) -> None:
    """A worker that dies before it takes any task (as one that cannot load its libraries)."""
    os._exit(3)


def slow_start(worker, translations) -> None:
    """A worker that starts normally, says so with a file in $AUGVIEW_TEST_STARTED, then takes
    its time: the parent is held inside the pool's start meanwhile."""
    workers._init_pool_process(worker, translations)
    folder = Path(os.environ["AUGVIEW_TEST_STARTED"])
    (folder / f"worker-{os.getpid()}").write_text("started")
    time.sleep(float(os.environ.get("AUGVIEW_TEST_START_DELAY", "3")))


def run_cli_with(initializer: str, argv: list[str]) -> int:
    """Run the command line with the workers' initializer replaced by one of the above (the entry
    point of a subprocess: ``python -c "from tests.pool_faults import run_cli_with; ..."``)."""
    from augview.cli import main

    workers._init_pool_process = globals()[initializer]
    return main(argv)


DISK_ROOM = 5  # outputs that fit on the "disk" of `disk_full_after`


def full_disk_writer(out_root: str, room: int = DISK_ROOM):
    """A stand-in for `augview.batch.files.write_atomic` on a disk with room for ``room`` outputs:
    the next write fails with ENOSPC, as the real one does (the temporary file is gone). Room is
    claimed with files made exclusively in ``<out_root>.room``, so that worker processes writing
    at the same time never take more than ``room`` between them."""
    import errno

    real = workers.write_atomic
    tokens = Path(f"{out_root}.room")

    def write(path, data):
        tokens.mkdir(exist_ok=True)
        for index in range(room):
            try:
                os.close(os.open(tokens / str(index), os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            except FileExistsError:
                continue
            return real(path, data)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)

    return write


def disk_full_after(worker, translations) -> None:
    """A worker process whose disk fills up after `DISK_ROOM` outputs."""
    workers._init_pool_process(worker, translations)
    workers.write_atomic = full_disk_writer(worker.out_root)


class _DiesOnMarked:
    def __init__(self, inner):
        self.inner = inner

    def __call__(self, task):
        if "die" in task[0]:
            time.sleep(0.3)  # the other worker finishes images meanwhile
            os._exit(9)  # as the kernel's out-of-memory killer would end it
        return self.inner(task)


def dies_on_marked(worker, translations) -> None:
    """A worker process that dies when it is given a source whose name holds "die"."""
    workers._init_pool_process(worker, translations)
    workers._WORKER = _DiesOnMarked(workers._WORKER)
