"""`augview apply` when things go wrong around it: worker pools that cannot start, a run killed
with SIGKILL or stopped with SIGTERM while its workers start. Real processes throughout."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

import augview
from augview.batch import workers as batch_workers
from augview.cli import main
from tests import pool_faults
from tests.conftest import ROOT

LINUX = sys.platform.startswith("linux")


def make_folder(folder: Path, count: int = 8, size: int = 96) -> Path:
    folder.mkdir(parents=True)
    for index in range(count):
        rng = np.random.default_rng(index)
        augview.save_image(folder / f"img_{index:02d}.png", rng.integers(0, 256, (size, size + 16, 3), dtype=np.uint8))
    return folder


def slow_preset(path: Path) -> Path:
    """Upscaling to 512x512 and adding noise: each output takes a while, time to kill a run."""
    augview.Pipeline([augview.Step("random_resized_crop", {"height": 512, "width": 512}),
                      augview.Step("gaussian_noise")], seed=3).save(path)
    return path


def apply_args(preset: Path, source: Path, target: Path, workers: int = 2, variants: int = 2) -> list[str]:
    return ["apply", "--preset", str(preset), "--input", str(source), "--output", str(target),
            "--variants", str(variants), "--workers", str(workers)]


# ---- a pool that cannot start ----------------------------------------------------------------


def test_a_pool_whose_processes_cannot_start_is_an_error_not_a_silent_success(tmp_path, capsys, monkeypatch):
    """Every BrokenPipeError used to count as a closed standard output: exit 0, nothing done."""
    source = make_folder(tmp_path / "in", count=3, size=32)
    preset = slow_preset(tmp_path / "p.json")
    monkeypatch.setattr(batch_workers, "START_METHOD", "spawn")

    def no_process(self):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(multiprocessing.context.SpawnProcess, "start", no_process)
    code = main(apply_args(preset, source, tmp_path / "out"))
    out, err = capsys.readouterr()
    assert code == 1
    assert err.strip().splitlines() == [
        "augview: cannot start the worker processes (Broken pipe); a run with a single worker does not need them"]
    assert out == ""
    assert not list((tmp_path / "out").glob("*.aug*"))


def test_workers_that_die_as_they_start_are_an_error_that_says_so(tmp_path, capsys, monkeypatch):
    source = make_folder(tmp_path / "in", count=3, size=32)
    preset = slow_preset(tmp_path / "p.json")
    monkeypatch.setattr(batch_workers, "START_METHOD", "spawn")  # a fresh interpreter: no shared fork server
    monkeypatch.setattr(batch_workers, "_init_pool_process", pool_faults.exit_at_start)
    code = main(apply_args(preset, source, tmp_path / "out"))
    err = capsys.readouterr().err
    assert code == 1
    assert "cannot start the worker processes (a worker process exited as it started)" in err
    assert "out of memory" not in err  # not a worker that died on an image


def test_only_a_closed_standard_output_is_a_quiet_exit(tmp_path):
    """`augview validate ... | head -0`: the reader went away; exit 0 and no complaint."""
    preset = slow_preset(tmp_path / "p.json")
    proc = subprocess.run(f'"{sys.executable}" -m augview validate "{preset}" "{preset}" | true', shell=True,
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.stderr == ""


# ---- killed and terminated runs --------------------------------------------------------------


def session_processes(session: int) -> list[int]:
    """Every process of a session (Linux: /proc/<pid>/stat, field 6)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if fields[0] != "Z" and int(fields[3]) == session:
            found.append(int(entry.name))
    return found


def wait_until_gone(session: int, timeout: float = 5.0) -> list[int]:
    end = time.monotonic() + timeout
    while (alive := session_processes(session)) and time.monotonic() < end:
        time.sleep(0.05)
    return alive


def start(argv_code: str, tmp_path: Path, env: dict | None = None) -> tuple[subprocess.Popen, Path, Path]:
    """A subprocess in its own session; its output goes to files (survivors holding a pipe would
    make reading it block)."""
    out, err = tmp_path / "stdout.txt", tmp_path / "stderr.txt"
    with open(out, "w") as stdout, open(err, "w") as stderr:
        proc = subprocess.Popen([sys.executable, "-c", argv_code], cwd=ROOT, stdout=stdout, stderr=stderr,
                                start_new_session=True, env={**os.environ, **(env or {})})
    return proc, out, err


def cleanup(session: int) -> None:
    for pid in session_processes(session):  # only what the test started
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def wait_for(condition, proc, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert proc.poll() is None, "the run ended too early"
        assert time.monotonic() < end, "timed out"
        time.sleep(0.01)


@pytest.mark.skipif(not LINUX, reason="lists processes through /proc")
def test_kill_9_of_a_running_apply_leaves_no_process_behind(tmp_path):
    source = make_folder(tmp_path / "in", count=12)
    preset = slow_preset(tmp_path / "p.json")
    target = tmp_path / "out"
    code = f"import sys; from augview.cli import main; sys.exit(main({apply_args(preset, source, target)!r}))"
    proc, _, _ = start(code, tmp_path)
    try:
        wait_for(lambda: len(list(target.glob("*.aug*.png"))) >= 2, proc)
        assert len(session_processes(proc.pid)) >= 4  # the run, the fork server, the tracker, workers
        proc.kill()
        proc.wait()
        assert wait_until_gone(proc.pid) == []
    finally:
        cleanup(proc.pid)


@pytest.mark.skipif(not LINUX, reason="lists processes through /proc")
def test_kill_9_while_the_workers_start_leaves_no_process_behind(tmp_path):
    source = make_folder(tmp_path / "in", count=4, size=32)
    started = tmp_path / "started"
    started.mkdir()
    code = ("import sys; from tests.pool_faults import run_cli_with; "
            f"sys.exit(run_cli_with('slow_start', {apply_args(slow_preset(tmp_path / 'p.json'), source, tmp_path / 'out')!r}))")
    proc, _, _ = start(code, tmp_path, env={"AUGVIEW_TEST_STARTED": str(started), "AUGVIEW_TEST_START_DELAY": "30"})
    try:
        wait_for(lambda: any(started.iterdir()), proc)
        proc.kill()
        proc.wait()
        assert wait_until_gone(proc.pid) == []
    finally:
        cleanup(proc.pid)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_while_the_workers_start_stops_cleanly_with_143(tmp_path):
    source = make_folder(tmp_path / "in", count=4, size=32)
    started = tmp_path / "started"
    started.mkdir()
    target = tmp_path / "out"
    code = ("import sys; from tests.pool_faults import run_cli_with; "
            f"sys.exit(run_cli_with('slow_start', {apply_args(slow_preset(tmp_path / 'p.json'), source, target)!r}))")
    proc, out, err = start(code, tmp_path, env={"AUGVIEW_TEST_STARTED": str(started)})
    try:
        wait_for(lambda: any(started.iterdir()), proc)
        proc.terminate()
        assert proc.wait(timeout=60) == 143
        time.sleep(0.5)  # anything a worker would still print
        assert "Traceback" not in err.read_text(), err.read_text()
        assert out.read_text().startswith("interrupted: 4 images x 2 variants: 0 written")
        assert (target / "augview-manifest.jsonl").read_text() == ""
        if LINUX:
            assert wait_until_gone(proc.pid) == []
    finally:
        if LINUX:
            cleanup(proc.pid)


# ---- a full disk -----------------------------------------------------------------------------


def read_manifest(folder: Path) -> list[dict]:
    import json

    return [json.loads(line) for line in (folder / "augview-manifest.jsonl").read_bytes().splitlines()]


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def check_stopped_cleanly(code: int, out: str, err: str, target: Path) -> None:
    assert code == 1
    assert out.startswith("stopped: 8 images x 2 variants: 5 written"), out
    (line,) = [line for line in err.splitlines() if "No space left on device" in line]  # said once
    assert line.endswith("the run stopped. Outputs written so far are kept: make room and run again to finish")
    assert line.startswith(f"augview: {target}/img_") and ".aug0" in line  # the file that could not be written
    records = read_manifest(target)  # every line parses
    assert {r["output"] for r in records} == {p.name for p in target.glob("*.aug*.png")}
    assert len(records) == 5
    assert not [p for p in target.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_full_disk_stops_the_run_cleanly_and_a_rerun_completes(tmp_path, capsys, monkeypatch, workers):
    source = make_folder(tmp_path / "in", count=8, size=32)
    preset = slow_preset(tmp_path / "p.json")
    target = tmp_path / "out"
    if workers == 1:  # in this process
        monkeypatch.setattr(batch_workers, "write_atomic", pool_faults.full_disk_writer(str(target)))
    else:  # in the worker processes
        monkeypatch.setattr(batch_workers, "_init_pool_process", pool_faults.disk_full_after)
    code = main(apply_args(preset, source, target, workers=workers))
    out, err = capsys.readouterr()
    check_stopped_cleanly(code, out, err, target)

    monkeypatch.undo()  # room again
    assert main(apply_args(preset, source, target, workers=workers)) == 0
    assert "11 written, 5 skipped" in capsys.readouterr().out
    assert main(apply_args(preset, source, tmp_path / "clean", workers=1)) == 0
    assert tree_bytes(target) == tree_bytes(tmp_path / "clean")


def test_a_disk_that_fills_up_under_the_manifest_leaves_no_cut_line(tmp_path, capsys, monkeypatch):
    """The manifest's line for the 4th output is written halfway when the disk is full."""
    import errno

    from augview.batch import files as batch_files

    source = make_folder(tmp_path / "in", count=8, size=32)
    preset = slow_preset(tmp_path / "p.json")
    target = tmp_path / "out"
    real_add, calls = batch_files.Manifest._write, []

    def write(self, data):
        calls.append(data)
        if len(calls) == 4:
            self.handle.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_add(self, data)

    monkeypatch.setattr(batch_files.Manifest, "_write", write)
    monkeypatch.setattr(batch_files.Manifest, "finish", lambda self, root: self.handle.close())  # no room to sort
    assert main(apply_args(preset, source, target, workers=1)) == 1
    out, err = capsys.readouterr()
    assert out.startswith("stopped: 8 images x 2 variants: 4 written")
    assert f"augview: {target / 'augview-manifest.jsonl'}: cannot write (No space left on device)" in err
    assert len(read_manifest(target)) == 3  # whole lines only; the 4th output has no line yet

    monkeypatch.undo()
    assert main(apply_args(preset, source, target, workers=1)) == 0
    assert "12 written, 4 skipped" in capsys.readouterr().out  # the 4th is checked, not trusted
    assert main(apply_args(preset, source, tmp_path / "clean", workers=1)) == 0
    assert tree_bytes(target) == tree_bytes(tmp_path / "clean")


def test_run_from_a_folder_holding_another_augview_uses_this_one(tmp_path):
    """The fork server imports its preload with the current folder first on its path: from a
    checkout of another version, the workers would have run that version's code."""
    other = tmp_path / "other checkout"
    (other / "augview" / "batch").mkdir(parents=True)
    (other / "augview" / "__init__.py").write_text("")
    (other / "augview" / "batch" / "__init__.py").write_text("")
    (other / "augview" / "batch" / "workers.py").write_text("WRONG = True\n")
    source = make_folder(tmp_path / "in", count=3, size=32)
    target = tmp_path / "out"
    argv = apply_args(slow_preset(tmp_path / "p.json"), source, target)
    # This process imports augview from the test's checkout (the current folder taken off its path).
    code = f"import sys; sys.path.pop(0); sys.path.insert(0, {str(ROOT)!r}); from augview.cli import main; sys.exit(main({argv!r}))"
    proc = subprocess.run([sys.executable, "-c", code], cwd=other, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert len(list(target.glob("*.aug*.png"))) == 6


def test_a_finished_output_folder_on_read_only_media_is_checked_without_writing(tmp_path, capsys, monkeypatch):
    import errno

    from augview.batch import files as batch_files

    source = make_folder(tmp_path / "in", count=4, size=32)
    preset = slow_preset(tmp_path / "p.json")
    target = tmp_path / "out"
    assert main(apply_args(preset, source, target, workers=1)) == 0
    before = (target / "augview-manifest.jsonl").stat()

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(batch_files.Manifest, "open", read_only)
    monkeypatch.setattr(batch_files.os, "replace", read_only)
    capsys.readouterr()
    assert main(apply_args(preset, source, target, workers=1)) == 0
    assert capsys.readouterr().out.startswith("4 images x 2 variants: 0 written, 8 skipped")
    after = (target / "augview-manifest.jsonl").stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


@pytest.mark.skipif(sys.platform == "win32", reason="a folder in use cannot be deleted on Windows")
def test_a_run_from_a_deleted_folder_says_so(tmp_path):
    source = make_folder(tmp_path / "in", count=2, size=32)
    gone = tmp_path / "gone"
    gone.mkdir()
    argv = apply_args(slow_preset(tmp_path / "p.json"), source, tmp_path / "out")
    code = (f"import os, sys; sys.path.insert(0, {str(ROOT)!r}); os.chdir({str(gone)!r}); os.rmdir({str(gone)!r}); "
            f"from augview.cli import main; sys.exit(main({argv!r}))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr == ("augview: cannot start the worker processes (the current folder no longer exists); "
                           "a run with a single worker does not need them\n")


def test_a_summary_nobody_reads_still_gives_the_runs_exit_code(tmp_path):
    """`augview apply ... | true`: the reader is gone before the summary; a failed run stays 1."""
    source = make_folder(tmp_path / "in", count=2, size=32)
    (source / "broken.png").write_bytes(b"not an image")
    argv = " ".join(f'"{a}"' for a in apply_args(slow_preset(tmp_path / "p.json"), source, tmp_path / "out", workers=1))
    proc = subprocess.run(f'"{sys.executable}" -m augview {argv} | (sleep 0; exit 0); echo "status ${{PIPESTATUS[0]}}"',
                          shell=True, executable="/bin/bash", capture_output=True, text=True, cwd=ROOT)
    assert proc.stdout.strip() == "status 1", proc.stderr
    assert "broken.png" in proc.stderr and "Broken pipe" not in proc.stderr and "Traceback" not in proc.stderr


def test_a_pool_starts_all_its_workers_at_once(tmp_path):
    """The executor starts a process only when a task finds none idle: with one start-up task, the
    second worker used to start only once the first was up, a tenth of a second late on every run."""
    worker = batch_workers.Worker(augview.Pipeline([augview.Step("horizontal_flip")]), str(tmp_path), str(tmp_path),
                                  0, "png", "{}")
    pool = batch_workers.Pool(worker, [], 2)
    try:
        assert len(pool.executor._processes) == 2
    finally:
        pool.close()


def test_a_long_run_of_quick_images_sends_them_to_the_workers_a_few_at_a_time(tmp_path):
    """Each task sent costs the parent process pickling and bookkeeping on the cores the workers
    need: once the first tasks show that images are quick, sources go out in batches, and every
    source still comes back exactly once."""
    worker = batch_workers.Worker(augview.Pipeline([augview.Step("horizontal_flip")]), str(tmp_path), str(tmp_path),
                                  0, "png", "{}")
    tasks = [(f"missing_{index:03d}.png", ((0, False),)) for index in range(200)]  # each fails to read: quick
    pool = batch_workers.Pool(worker, tasks, 2)
    sizes, results = [], []
    try:
        assert all(len(batch) == 1 for batch in pool.pending.values())  # the pace is not known yet
        while pool.busy():
            sizes.extend(len(batch) for batch in pool.pending.values())
            results.extend(pool.next_results())
    finally:
        pool.close()
    assert max(sizes) == batch_workers.BATCH > 1
    assert sorted(result.rel for result in results) == [task[0] for task in tasks]
    assert all(result.failed == 1 for result in results)


def batch_sizes(worker, count: int) -> set[int]:
    """How many sources each task of a pool run over ``count`` (unreadable, so quick) sources took."""
    pool = batch_workers.Pool(worker, [(f"missing_{index:03d}.png", ((0, False),)) for index in range(count)], 2)
    sizes = set()
    try:
        while pool.busy():
            sizes.update(len(batch) for batch in pool.pending.values())
            pool.next_results()
    finally:
        pool.close()
    return sizes


def test_slow_images_and_short_runs_go_out_one_at_a_time(tmp_path, monkeypatch):
    """So that Ctrl+C (or Cancel in the window) waits for one image per worker, not a batch."""
    worker = batch_workers.Worker(augview.Pipeline([augview.Step("horizontal_flip")]), str(tmp_path), str(tmp_path),
                                  0, "png", "{}")
    assert batch_sizes(worker, 8) == {1}
    monkeypatch.setattr(batch_workers, "QUICK_IMAGE", 0.0)  # every image counts as slow
    assert batch_sizes(worker, 200) == {1}


def test_a_batch_stops_at_a_full_disk(monkeypatch):
    seen = []

    def fake_worker(task):
        seen.append(task[0])
        return batch_workers.TaskResult(task[0], stop="disk full" if task[0] == "b" else "")

    monkeypatch.setattr(batch_workers, "_WORKER", fake_worker)
    results = batch_workers._run_in_pool_process([("a", ()), ("b", ()), ("c", ())])
    assert [result.rel for result in results] == ["a", "b"] and seen == ["a", "b"]


def test_a_read_only_file_system_is_not_called_full():
    import errno

    read_only = batch_workers.stop_message("out/a.png", OSError(errno.EROFS, "Read-only file system"))
    assert "make room" not in read_only and "writable" in read_only and "out/a.png" in read_only
    full = batch_workers.stop_message("out/a.png", OSError(errno.ENOSPC, "No space left on device"))
    assert full.endswith("make room and run again to finish")


def test_what_came_back_before_a_worker_died_keeps_its_manifest_lines(tmp_path, monkeypatch):
    """Results that finished in the same turn as a worker's death, or were waiting to be taken,
    were dropped: their files were on disk without manifest lines and the summary counted too
    few (seen when the caller was slow to take results: the window's progress, a slow terminal)."""
    import json
    import threading

    from augview.batch.run import run_apply

    source = make_folder(tmp_path / "in", count=10, size=48)
    augview.save_image(source / "c_die.png", np.zeros((48, 48, 3), np.uint8))
    monkeypatch.setattr(batch_workers, "_init_pool_process", pool_faults.dies_on_marked)
    first = threading.Event()

    def slow_consumer(done, total):
        if not first.is_set():
            first.set()
            time.sleep(1.0)  # meanwhile both workers finish images, and one dies

    out = tmp_path / "out"
    summary = run_apply(augview.Pipeline([augview.Step("horizontal_flip")]), source, out, workers=2,
                        progress=False, on_progress=slow_consumer, log=lambda message: None)
    assert any("died" in error for error in summary.errors)
    on_disk = {p.relative_to(out).as_posix() for p in out.rglob("*.aug*.png")}
    lines = {json.loads(line)["output"] for line in (out / "augview-manifest.jsonl").read_text().splitlines()}
    assert len(on_disk) > 1 and lines == on_disk and summary.written == len(on_disk)


def test_a_pool_that_cannot_hand_out_its_first_tasks_ends_the_run_in_one_sentence(tmp_path, capsys, monkeypatch):
    """Handing out the first tasks starts worker processes too; when that fails inside the pool's
    start there is no pool yet to ask for finished results (that was an AttributeError)."""
    source = make_folder(tmp_path / "in", count=3, size=32)
    preset = slow_preset(tmp_path / "p.json")
    submit = batch_workers.Pool._submit

    def no_more_processes(self, function, *args):
        if function is not batch_workers._ready:
            raise OSError(24, "Too many open files")
        return submit(self, function, *args)

    monkeypatch.setattr(batch_workers.Pool, "_submit", no_more_processes)
    code = main(apply_args(preset, source, tmp_path / "out"))
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert "augview: cannot start a worker process (Too many open files); the run stopped" in err
