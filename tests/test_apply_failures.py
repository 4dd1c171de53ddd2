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
