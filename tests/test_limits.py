"""Limits and what happens at them (README, "Limits and guarantees"): saves that were killed,
symbolic links, folders where files were asked for, the largest seeds and names, presets with
thousands of problems, and the CLI's rule for errors (augview's own: one line; bugs: a traceback)."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

import augview
from augview.cli import main
from augview.core import atomic
from augview.core.atomic import STALE_AFTER, atomic_write_bytes
from augview.errors import AugviewError, OptionError
from augview.pipeline.pipeline import MAX_SEED
from augview.pipeline.presets import MAX_NAME
from tests.conftest import ASSETS, ROOT

IMAGE = ASSETS / "astronaut.png"


def save_preset(path: Path, **header) -> Path:
    augview.Pipeline([augview.Step("horizontal_flip", p=0.5), augview.Step("rotate")], **header).save(path)
    return path


def run_cli(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "augview", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd or ROOT)


# ---- leftovers of killed saves ---------------------------------------------------------------


def test_a_save_removes_old_temporary_files_of_its_own_killed_saves_and_nothing_else(tmp_path):
    path = tmp_path / "p.json"
    old = time.time() - STALE_AFTER - 60
    leftovers = {
        ".p.json.k3j2_9ax.tmp": old,  # ours, old: removed
        ".p.json.zz99aa11.tmp": time.time(),  # ours but fresh (a save in progress elsewhere): kept
        ".p.json.notours!.tmp": old,  # not mkstemp's pattern: kept
        ".other.json.k3j2_9ax.tmp": old,  # another file's: kept
        "p.json.k3j2_9ax.tmp": old,  # not hidden: not ours
    }
    for name, mtime in leftovers.items():
        (tmp_path / name).write_bytes(b"x" * 100)
        os.utime(tmp_path / name, (mtime, mtime))
    (tmp_path / ".p.json.abcdefgh.tmp").mkdir()  # a folder of that name is never removed
    os.utime(tmp_path / ".p.json.abcdefgh.tmp", (old, old))

    save_preset(path)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted(set(leftovers) - {".p.json.k3j2_9ax.tmp"} | {"p.json", ".p.json.abcdefgh.tmp"})


def test_a_killed_save_leaves_a_temporary_file_that_a_later_save_removes(tmp_path):
    """A real save killed before its rename (SIGKILL while it writes 50 MB)."""
    target = tmp_path / "big.bin"
    code = ("from augview.core.atomic import atomic_write_bytes; import os, signal; "
            "os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL); "
            f"atomic_write_bytes({str(target)!r}, bytes(50_000_000))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT)
    assert proc.returncode == -9
    (stale,) = tmp_path.glob(".big.bin.*.tmp")
    assert not target.exists()
    atomic_write_bytes(target, b"new")  # too young to be taken for a leftover
    assert stale.exists()
    os.utime(stale, (time.time() - STALE_AFTER - 1,) * 2)
    atomic_write_bytes(target, b"newer")
    assert not stale.exists() and target.read_bytes() == b"newer"


# ---- symbolic links and folders ----------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_saving_over_a_symbolic_link_writes_through_to_its_target(tmp_path):
    real = tmp_path / "store" / "real.json"
    real.parent.mkdir()
    save_preset(real, name="before")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    save_preset(link, name="after")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert augview.Pipeline.load(real).name == "after"
    assert not list(tmp_path.glob(".*.tmp")) and not list(real.parent.glob(".*.tmp"))

    image_link = tmp_path / "grid.png"
    image_link.symlink_to(tmp_path / "store" / "grid.png")  # dangling: the target is created
    augview.save_image(image_link, np.zeros((4, 4, 3), np.uint8))
    assert image_link.is_symlink() and (tmp_path / "store" / "grid.png").is_file()


@pytest.mark.parametrize("command", [
    ["render", "--preset", "light_classification", "--image", IMAGE, "-o"],
    ["export", "--to", "python", "light_classification", "-o"],
    ["import", ROOT / "tests" / "data" / "missing-on-purpose.json", "-o"],
])
def test_an_existing_folder_as_output_names_that_folder(tmp_path, command):
    folder = tmp_path / "grids.png"
    folder.mkdir()
    if command[0] == "import":
        albu = tmp_path / "albu.json"
        albu.write_text(json.dumps({"__version__": "2.0.8", "transform": {
            "__class_fullname__": "Compose", "p": 1.0,
            "transforms": [{"__class_fullname__": "HorizontalFlip", "p": 0.5}]}}))
        command = ["import", albu, "-o"]
    proc = run_cli(*command, folder)
    assert proc.returncode == 1
    (line,) = proc.stderr.splitlines()  # one line, naming the folder, not a temporary file
    assert line.startswith(f"augview: {folder}: ") and ("Is a directory" in line or "is a folder" in line)
    assert list(tmp_path.rglob("*.tmp")) == []


def test_a_full_disk_names_the_file_asked_for(tmp_path, monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(OSError) as info:
        atomic_write_bytes(tmp_path / "p.json", b"{}")
    assert info.value.errno == errno.ENOSPC and info.value.filename == str(tmp_path / "p.json")
    assert list(tmp_path.iterdir()) == []


# ---- validate and render agree -----------------------------------------------------------------


def test_the_largest_seed_validates_and_renders(tmp_path):
    preset = save_preset(tmp_path / "p.json", seed=MAX_SEED)
    assert run_cli("validate", preset).returncode == 0
    proc = run_cli("render", "--preset", preset, "--image", IMAGE, "--variants", 3, "-o", tmp_path / "g.png")
    assert proc.returncode == 0, proc.stderr
    pipe = augview.Pipeline.load(preset)
    from augview.analysis.grid import render_variants

    results = render_variants(pipe, augview.load_image(IMAGE), 3, MAX_SEED)
    assert [r.seed for r in results] == [MAX_SEED, 0, 1]  # variant i: seed + i, wrapping to 0


def test_validate_and_render_refuse_the_same_names(tmp_path):
    longest = save_preset(tmp_path / "longest.json", name="n" * MAX_NAME)
    assert run_cli("validate", longest).returncode == 0
    assert run_cli("render", "--preset", longest, "--image", IMAGE, "-o", tmp_path / "g.png").returncode == 0

    data = json.loads(longest.read_text())
    data["name"] = "n" * 4_900_000
    huge = tmp_path / "huge.json"
    huge.write_text(json.dumps(data))
    message = f"{huge}: name: is 4900000 characters long; a name is at most {MAX_NAME}"
    validated = run_cli("validate", huge)
    assert validated.returncode == 1 and validated.stdout.strip() == message
    rendered = run_cli("render", "--preset", huge, "--image", IMAGE, "-o", tmp_path / "h.png")
    assert rendered.returncode == 1 and rendered.stderr.strip() == f"augview: {message}"
    with pytest.raises(augview.PresetError):
        augview.Pipeline([], name="n" * (MAX_NAME + 1))


def test_long_names_and_captions_fit_a_grid(tmp_path):
    from augview.analysis.grid import compose_grid

    image = np.zeros((32, 32, 3), np.uint8)
    grid = compose_grid([image, image], ["x" * 2_000_000, "word " * 400_000], cell=64, title="t" * 2_000_000)
    assert grid.shape[1] == 2 * (64 + 8) + 8


# ---- long listings -----------------------------------------------------------------------------


def test_a_preset_with_200000_problems_lists_twenty_and_counts_the_rest(tmp_path):
    path = tmp_path / "keys.json"
    path.write_text(json.dumps({"schema_version": 1, "steps": [], **{f"k{i}": 1 for i in range(200_000)}}))
    proc = run_cli("validate", path)
    lines = proc.stdout.splitlines()
    assert proc.returncode == 1 and len(lines) == 21
    assert lines[0] == f"{path}: k0: unknown key"
    assert lines[-1] == f"{path}: … and 199980 more problems"
    rendered = run_cli("render", "--preset", path, "--image", IMAGE, "-o", tmp_path / "g.png")
    assert len(rendered.stderr.splitlines()) == 21
    assert rendered.stderr.splitlines()[-1].endswith("… and 199980 more problems")
    with pytest.raises(augview.PresetError) as info:
        augview.Pipeline.load(path)
    assert len(info.value.problems) == 200_000  # all of them for code that wants them
    assert len(str(info.value)) < 2000


# ---- the CLI's rule for errors -----------------------------------------------------------------


def test_a_bug_shows_its_traceback_and_augview_errors_are_one_line(tmp_path, monkeypatch, capsys):
    from augview.analysis import grid

    args = ["render", "--preset", "light_classification", "--image", str(IMAGE), "-o", str(tmp_path / "g.png")]

    def bug(*args, **kwargs):
        raise ValueError("a bug in augview")

    monkeypatch.setattr(grid, "render_grid", bug)
    with pytest.raises(ValueError, match="a bug in augview"):
        main(args)

    def no_file(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")  # from no file the user named

    monkeypatch.setattr(grid, "render_grid", no_file)
    with pytest.raises(OSError):
        main(args)

    def refused(*args, **kwargs):
        raise OptionError("a user error")

    monkeypatch.setattr(grid, "render_grid", refused)
    assert main(args) == 1
    assert capsys.readouterr().err == "augview: a user error\n"

    def too_big(*args, **kwargs):
        raise MemoryError()

    monkeypatch.setattr(grid, "render_grid", too_big)
    assert main(args) == 1
    assert capsys.readouterr().err.startswith("augview: not enough memory to finish")
    assert not (tmp_path / "g.png").exists()


def test_an_image_too_large_for_memory_fails_that_image_only_in_apply(tmp_path, capsys, monkeypatch):
    (tmp_path / "in").mkdir()
    for name in ("a.png", "b.png"):
        augview.save_image(tmp_path / "in" / name, np.zeros((8, 8, 3), np.uint8))
    preset = save_preset(tmp_path / "p.json")
    real = augview.Pipeline.apply

    def apply(self, image, seed=None):
        if image.shape == (8, 8, 3) and seed % 2:  # some variants do not fit
            raise MemoryError()
        return real(self, image, seed)

    monkeypatch.setattr(augview.Pipeline, "apply", apply)
    code = main(["apply", "--preset", str(preset), "--input", str(tmp_path / "in"), "--output",
                 str(tmp_path / "out"), "--variants", "4", "--workers", "1"])
    out, err = capsys.readouterr()
    assert code == 1 and "failed" in out
    assert "failed (not enough memory)" in err and "MemoryError" not in err


def test_core_errors_do_not_speak_in_command_line_flags(tmp_path):
    from augview.batch.run import run_apply

    (tmp_path / "in").mkdir()
    augview.save_image(tmp_path / "in" / "a.png", np.zeros((8, 8, 3), np.uint8))
    pipe = augview.Pipeline([augview.Step("horizontal_flip")])
    for options in ({"variants": 0}, {"seed": -1}, {"workers": 0}, {"fmt": "gif"}):
        with pytest.raises(OptionError) as info:
            run_apply(pipe, tmp_path / "in", tmp_path / "out", **options)
        assert isinstance(info.value, AugviewError) and isinstance(info.value, ValueError)
        assert "--" not in str(info.value)
    with pytest.raises(OptionError, match="cannot save images as '.gif'"):
        augview.save_image(tmp_path / "x.gif", np.zeros((8, 8, 3), np.uint8))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_save_to_a_pipe_writes_into_it_and_leaves_it_a_pipe(tmp_path):
    """(`-o /dev/null` or `-o /dev/stdout` as root used to replace the device with a plain file.)"""
    import stat
    import threading

    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    link = tmp_path / "link.json"
    link.symlink_to(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    atomic_write_bytes(link, b"through the pipe")
    reader.join(timeout=10)
    assert got == [b"through the pipe"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "out.fifo"]


@pytest.mark.skipif(sys.platform == "win32", reason="/dev/stdout")
@pytest.mark.parametrize("redirect", ["file", "append", "pipe"])
def test_render_to_dev_stdout_writes_a_png_there_and_says_so_on_stderr(tmp_path, redirect):
    """`augview render ... -o /dev/stdout > grid.png` (or `| viewer`): the name has no suffix to
    take a format from, so the grid is a PNG; the "wrote" line goes to standard error, not into
    the image's bytes. (It was refused: "cannot save images as ''".)"""
    args = [sys.executable, "-m", "augview", "render", "--preset", "light_classification",
            "--image", ASSETS / "astronaut.png", "--variants", 1, "-o", "/dev/stdout"]
    args = list(map(str, args))
    out = tmp_path / "grid.png"
    if redirect == "pipe":
        proc = subprocess.run(args, capture_output=True, cwd=ROOT)
        data = proc.stdout
    else:
        if redirect == "append":
            out.write_bytes(b"kept\n")
        with open(out, "ab" if redirect == "append" else "wb") as handle:
            proc = subprocess.run(args, stdout=handle, stderr=subprocess.PIPE, cwd=ROOT)
        data = out.read_bytes()
        if redirect == "append":  # >> keeps what the file held
            assert data.startswith(b"kept\n")
            data = data[len(b"kept\n"):]
    assert proc.returncode == 0, proc.stderr
    assert b"wrote /dev/stdout (1 variant, seed 0)" in proc.stderr
    assert data.startswith(b"\x89PNG") and data.endswith(b"IEND\xaeB`\x82")  # nothing after the image
    if redirect == "file":
        assert augview.load_image(out).shape[2] == 3


def test_streams_are_written_into_files_are_replaced(tmp_path):
    assert atomic.is_stream("/dev/stdout") and atomic.is_stream("/dev/fd/1") and atomic.is_stream("/dev/null")
    assert not atomic.is_stream(tmp_path / "grid.png") and not atomic.is_stream(tmp_path)
    with pytest.raises(OptionError, match="cannot save images as ''"):  # a file still needs a suffix
        augview.save_image(tmp_path / "grid", np.zeros((8, 8, 3), np.uint8))
