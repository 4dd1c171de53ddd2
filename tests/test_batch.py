"""`augview apply`: a folder in, a mirrored folder of augmented variants out. Run on real files:
deterministic bytes, resume after an interruption (a real subprocess, killed), refusals, bad files."""

from __future__ import annotations

import json
import os
import posixpath
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import augview
from augview.cli import main
from augview.batch import workers as batch_workers
from augview.batch.run import MANIFEST_NAME, output_name, output_seed, run_apply
from augview.pipeline.pipeline import MAX_SEED
from tests.conftest import ASSETS, ROOT


def make_pipeline(seed: int = 0) -> augview.Pipeline:
    return augview.Pipeline([
        augview.Step("horizontal_flip", p=0.5),
        augview.Step("rotate", {"limit": (-20, 20)}, p=0.7),
        augview.Group("one_of", [augview.Step("gaussian_noise"), augview.Step("brightness_contrast")]),
    ], name="batch test", seed=seed)


@pytest.fixture
def preset(tmp_path) -> Path:
    path = tmp_path / "preset.json"
    make_pipeline().save(path)
    return path


def crop(name: str, y: int, x: int, h: int = 48, w: int = 64, mode: str = "RGB") -> np.ndarray:
    return np.ascontiguousarray(augview.load_image(ASSETS / name, mode=mode)[y:y + h, x:x + w])


def make_tree(root: Path) -> list[str]:
    """Small real photos in nested folders; returns their relative paths (sorted). ``cat.png``
    and ``cat.jpg`` share a stem on purpose, and the folder holds files that are not sources."""
    files = {
        "cat.png": crop("chelsea.png", 100, 150),
        "cat.jpg": crop("chelsea.png", 40, 200),
        "cat-2.png": crop("chelsea.png", 200, 30),
        "sub/coffee.png": crop("coffee.png", 100, 100),
        "sub/deeper/camera.png": crop("camera.png", 50, 200, mode="L"),  # grey stays grey
    }
    for rel, image in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        augview.save_image(root / rel, image)
    (root / "notes.txt").write_text("labels live elsewhere")
    (root / ".hidden").mkdir()
    augview.save_image(root / ".hidden" / "skip.png", files["cat.png"])
    return sorted(files)


GOOD_SOURCES = ["cat-2.png", "cat.jpg", "cat.png", "sub/coffee.png", "sub/deeper/camera.png"]


def apply(preset, source, target, *extra, check=True) -> int:
    code = main(["apply", "--preset", str(preset), "--input", str(source), "--output", str(target), *map(str, extra)])
    if check:
        assert code == 0
    return code


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def manifest(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / MANIFEST_NAME).read_text().splitlines()]


# ---- names, seeds, provenance ----------------------------------------------------------------


def test_apply_mirrors_the_tree_with_names_that_sort_next_to_their_sources(tmp_path, preset, capsys):
    sources = make_tree(tmp_path / "in")
    assert sources == GOOD_SOURCES
    apply(preset, tmp_path / "in", tmp_path / "out", "--variants", 2, "--workers", 1)
    out = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.png"))
    assert out == [f"{rel}.aug{i:02d}.png" for rel in sources for i in range(2)]
    # Each output sorts right after its source in a merged listing, and before the next source.
    merged = sorted(sources + out)
    for rel in sources:
        at = merged.index(rel)
        assert merged[at + 1:at + 3] == [f"{rel}.aug00.png", f"{rel}.aug01.png"]
    assert Image.open(tmp_path / "out/sub/deeper/camera.png.aug00.png").mode == "L"
    assert Image.open(tmp_path / "out/cat.png.aug00.png").mode == "RGB"
    summary = capsys.readouterr().out
    assert "5 images x 2 variants: 10 written, 0 skipped (already there), 0 failed" in summary
    assert "1 other file ignored" in summary


def test_manifest_records_reproduce_every_output(tmp_path, preset):
    make_tree(tmp_path / "in")
    apply(preset, tmp_path / "in", tmp_path / "out", "--variants", 2, "--seed", 9, "--workers", 1)
    records = manifest(tmp_path / "out")
    assert [r["output"] for r in records] == sorted(
        (p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.png")),
        key=lambda rel: rel.split("/"))
    pipe = augview.Pipeline.load(preset)
    for record in records:
        assert record["seed"] == output_seed(9, record["source"], record["variant"])
        assert record["base_seed"] == 9
        folder, name = posixpath.split(record["source"])
        assert record["output"] == posixpath.join(folder, output_name(name, record["variant"]))
        image = augview.load_image(tmp_path / "in" / record["source"], mode=record["mode"])
        written = augview.load_image(tmp_path / "out" / record["output"], mode=record["mode"])
        result = pipe.apply(image, seed=record["seed"])
        np.testing.assert_array_equal(result.image, written)  # PNG is lossless
        assert result.trace == record["trace"]
        np.testing.assert_array_equal(augview.Pipeline.replay(image, record["trace"]), written)
    assert len({r["seed"] for r in records}) == len(records)


def png_row_filters(path: Path) -> set[int]:
    """The filter type byte of every row of a non-interlaced 8-bit PNG."""
    import struct
    import zlib

    data, pos, idat = path.read_bytes(), 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IHDR":
            width, height, _, colour = struct.unpack(">IIBB", data[pos + 8:pos + 18])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(idat)
    row = 1 + width * (3 if colour == 2 else 1)
    return {raw[y * row] for y in range(height)}


def test_png_outputs_are_written_for_speed(tmp_path, preset):
    """Every row stored as its difference from the row above, Huffman-coded without a search for
    repeats (see `augview.batch.files._PNG_PARAMS`): what the speed and size in bench_apply.py rest on."""
    make_tree(tmp_path / "in")
    apply(preset, tmp_path / "in", tmp_path / "out", "--workers", 1)
    for path in (tmp_path / "out").rglob("*.png"):
        assert png_row_filters(path) <= {2}  # 2: "up" (the first row's "up" reads zeros)


def test_seeds_depend_on_base_seed_path_and_variant_only():
    seed = output_seed(0, "a/b.png", 0)
    assert seed == output_seed(0, "a/b.png", 0)  # no per-process salt (hash() would have one)
    assert 0 <= seed <= MAX_SEED
    others = {output_seed(1, "a/b.png", 0), output_seed(0, "a/c.png", 0), output_seed(0, "a/b.png", 1),
              output_seed(0, "b.png", 0)}
    assert seed not in others and len(others) == 4
    # A stable value, so a change of scheme cannot pass unnoticed (it would change every dataset).
    code = "from augview.batch.run import output_seed; print(output_seed(0, 'a/b.png', 0))"
    env = {**os.environ, "PYTHONHASHSEED": "123"}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env)
    assert int(proc.stdout) == seed


def test_format_same_and_jpg(tmp_path, preset):
    make_tree(tmp_path / "in")
    apply(preset, tmp_path / "in", tmp_path / "same", "--format", "same", "--workers", 1)
    assert (tmp_path / "same/cat.jpg.aug00.jpg").is_file() and (tmp_path / "same/cat.png.aug00.png").is_file()
    assert Image.open(tmp_path / "same/cat.jpg.aug00.jpg").format == "JPEG"
    apply(preset, tmp_path / "in", tmp_path / "jpg", "--format", "jpg", "--workers", 1)
    assert sorted(p.name for p in (tmp_path / "jpg").glob("*.jpg")) == [
        "cat-2.png.aug00.jpg", "cat.jpg.aug00.jpg", "cat.png.aug00.jpg"]


# ---- determinism -----------------------------------------------------------------------------


def test_same_bytes_on_rerun_and_with_any_worker_count(tmp_path, preset):
    make_tree(tmp_path / "in")
    apply(preset, tmp_path / "in", tmp_path / "one", "--variants", 3, "--workers", 1)
    apply(preset, tmp_path / "in", tmp_path / "two", "--variants", 3, "--workers", 2)
    first = files(tmp_path / "one")
    assert len(first) == 5 * 3 + 1
    assert files(tmp_path / "two") == first  # images and manifest, byte for byte
    apply(preset, tmp_path / "in", tmp_path / "one", "--variants", 3, "--workers", 2, "--overwrite")
    assert files(tmp_path / "one") == first


def test_spawned_workers_make_the_same_bytes(tmp_path, preset, monkeypatch):
    make_tree(tmp_path / "in")
    apply(preset, tmp_path / "in", tmp_path / "default", "--workers", 2)
    monkeypatch.setattr(batch_workers, "START_METHOD", "spawn")
    apply(preset, tmp_path / "in", tmp_path / "spawn", "--workers", 2)
    assert files(tmp_path / "spawn") == files(tmp_path / "default")


# ---- resume ----------------------------------------------------------------------------------


def test_rerun_skips_existing_outputs_and_makes_the_missing_ones(tmp_path, preset, capsys):
    make_tree(tmp_path / "in")
    apply(preset, tmp_path / "in", tmp_path / "out", "--variants", 2, "--workers", 1)
    reference = files(tmp_path / "out")
    kept = tmp_path / "out/cat.png.aug00.png"
    before = kept.stat()
    (tmp_path / "out/cat.png.aug01.png").unlink()
    (tmp_path / "out/sub/coffee.png.aug00.png").write_bytes(b"")  # as a power failure leaves it
    capsys.readouterr()
    apply(preset, tmp_path / "in", tmp_path / "out", "--variants", 2, "--workers", 2)
    assert "2 written, 8 skipped" in capsys.readouterr().out
    assert files(tmp_path / "out") == reference
    after = kept.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)  # not rewritten


def test_outputs_without_manifest_lines_are_checked_not_trusted(tmp_path, preset, capsys):
    make_tree(tmp_path / "in")
    apply(preset, tmp_path / "in", tmp_path / "out", "--workers", 1)
    reference = files(tmp_path / "out")
    (tmp_path / "out" / MANIFEST_NAME).unlink()
    capsys.readouterr()
    apply(preset, tmp_path / "in", tmp_path / "out", "--workers", 1)
    assert "0 written, 5 skipped" in capsys.readouterr().out
    assert files(tmp_path / "out") == reference  # the manifest is rebuilt, identical

    # A file that is not what this preset makes (here: another image) is reported and left alone.
    (tmp_path / "out" / MANIFEST_NAME).unlink()
    stranger = tmp_path / "out/cat.png.aug00.png"
    augview.save_image(stranger, crop("astronaut.png", 0, 0))
    foreign = stranger.read_bytes()
    assert apply(preset, tmp_path / "in", tmp_path / "out", "--workers", 1, check=False) == 1
    err = capsys.readouterr().err
    assert "cat.png.aug00.png: exists but is not what this preset and seed make" in err
    assert stranger.read_bytes() == foreign
    apply(preset, tmp_path / "in", tmp_path / "out", "--workers", 1, "--overwrite")
    assert files(tmp_path / "out") == reference


def test_outputs_of_another_seed_or_preset_stop_the_run(tmp_path, preset, capsys):
    make_tree(tmp_path / "in")
    apply(preset, tmp_path / "in", tmp_path / "out", "--workers", 1)
    reference = files(tmp_path / "out")
    capsys.readouterr()
    assert apply(preset, tmp_path / "in", tmp_path / "out", "--seed", 5, check=False) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "5 existing outputs were made with other steps or annotation settings, another seed" in err
    other = tmp_path / "other.json"
    pipe = make_pipeline()
    pipe.steps[1].params["limit"] = (-5.0, 5.0)
    pipe.save(other)
    assert apply(other, tmp_path / "in", tmp_path / "out", check=False) == 1
    assert files(tmp_path / "out") == reference
    apply(preset, tmp_path / "in", tmp_path / "out", "--seed", 5, "--overwrite", "--workers", 1)
    assert files(tmp_path / "out") != reference


def test_outputs_of_another_folder_with_the_same_names_stop_the_run(tmp_path, preset, capsys):
    """E.g. ``val/`` run into the output folder of ``train/``: same relative names, so same seeds."""
    make_tree(tmp_path / "train")
    apply(preset, tmp_path / "train", tmp_path / "out", "--workers", 1)
    reference = files(tmp_path / "out")
    make_tree(tmp_path / "val")
    augview.save_image(tmp_path / "val/cat.png", crop("coffee.png", 0, 0))
    capsys.readouterr()
    assert apply(preset, tmp_path / "val", tmp_path / "out", "--workers", 1, check=False) == 1
    assert "1 existing output was made with other steps or annotation settings, another seed or from other source files " \
           "(first: cat.png.aug00.png)" in capsys.readouterr().err
    assert files(tmp_path / "out") == reference


def slow_preset(tmp_path) -> Path:
    """Upscaling to 512x512 makes every output take a while to encode: time to interrupt a run."""
    path = tmp_path / "slow.json"
    augview.Pipeline([augview.Step("random_resized_crop", {"height": 512, "width": 512}),
                      augview.Step("gaussian_noise")], seed=3).save(path)
    return path


def hear_ctrl_c() -> None:
    """Run in the child before it starts: a shell starts background jobs with Ctrl+C ignored, and
    Python then keeps ignoring it, so a test suite run in the background would see runs that
    never stop. A terminal's foreground job hears it; so does the child here."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_run(preset, source, target, workers):
    args = [sys.executable, "-m", "augview", "apply", "--preset", preset, "--input", source,
            "--output", target, "--variants", 3, "--workers", workers]
    return subprocess.Popen(list(map(str, args)), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True, preexec_fn=hear_ctrl_c)


def wait_for_outputs(folder: Path, count: int, proc, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while len(list(folder.rglob("*.aug*.png"))) < count:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < end, "no outputs appeared"
        time.sleep(0.005)


@pytest.fixture
def big_tree(tmp_path):
    source = tmp_path / "in"
    for index in range(24):
        image = crop(("astronaut.png", "coffee.png")[index % 2], 5 * index, 4 * index, 96, 128)
        path = source / f"part{index % 3}" / f"img_{index:02d}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        augview.save_image(path, image)
    return source


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_killed_run_leaves_only_whole_files_and_resumes_to_the_same_bytes(tmp_path, big_tree):
    preset = slow_preset(tmp_path)
    target = tmp_path / "killed"
    proc = start_run(preset, big_tree, target, workers=1)
    wait_for_outputs(target, 4, proc)
    proc.kill()  # SIGKILL: no cleanup at all
    proc.communicate()
    partial = sorted(target.rglob("*.aug*.png"))
    assert 4 <= len(partial) < 72, "the run was not interrupted"
    for path in partial:  # every visible output is a whole image (temporary files are hidden)
        assert augview.load_image(path).shape == (512, 512, 3)

    assert apply(preset, big_tree, target, "--variants", 3, "--workers", 2) == 0
    apply(preset, big_tree, tmp_path / "clean", "--variants", 3, "--workers", 2)
    assert files(target) == files(tmp_path / "clean")
    assert not [p for p in target.rglob("*") if p.name.endswith(".tmp")]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("workers", [1, 2])
def test_ctrl_c_stops_cleanly_with_a_summary_and_resumes(tmp_path, big_tree, workers):
    preset = slow_preset(tmp_path)
    target = tmp_path / "stopped"
    proc = start_run(preset, big_tree, target, workers=workers)
    wait_for_outputs(target, 4, proc)  # (with one worker: the second image is halfway)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: the parent and its workers
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert out.startswith("interrupted: 24 images x 3 variants:") and "Traceback" not in err
    assert "finishing the image" in err  # said when the key was pressed, not after
    present = {p.relative_to(target).as_posix() for p in target.rglob("*.aug*.png")}
    assert 3 <= len(present) < 72
    # The images in progress were finished: every source has all of its variants or none.
    assert len(present) % 3 == 0, sorted(present)
    assert {r["output"] for r in manifest(target)} == present  # every finished file is recorded
    assert not [p for p in target.rglob("*") if p.name.endswith(".tmp")]

    apply(preset, big_tree, target, "--variants", 3, "--workers", 1)
    apply(preset, big_tree, tmp_path / "clean", "--variants", 3, "--workers", 2)
    assert files(target) == files(tmp_path / "clean")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_second_ctrl_c_stops_a_single_worker_at_once(tmp_path, big_tree):
    preset = tmp_path / "slower.json"  # an image takes long enough for two key presses
    augview.Pipeline([augview.Step("random_resized_crop", {"height": 1024, "width": 1024}),
                      augview.Step("gaussian_noise")], seed=3).save(preset)
    target = tmp_path / "stopped"
    proc = start_run(preset, big_tree, target, workers=1)
    wait_for_outputs(target, 1, proc)
    os.killpg(proc.pid, signal.SIGINT)
    time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "Traceback" not in err, err
    assert out.startswith("interrupted: ")
    present = {p.relative_to(target).as_posix() for p in target.rglob("*.aug*.png")}
    assert len(present) < 3  # stopped inside the first image
    assert {r["output"] for r in manifest(target)} <= present  # the rest is checked by the next run
    assert not [p for p in target.rglob("*") if p.name.endswith(".tmp")]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("workers", [1, 2])
def test_sigterm_stops_like_ctrl_c(tmp_path, big_tree, workers):
    target = tmp_path / "terminated"
    proc = start_run(slow_preset(tmp_path), big_tree, target, workers=workers)
    wait_for_outputs(target, 2, proc)
    proc.terminate()  # `kill PID`: the parent only
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert out.startswith("interrupted: ") and "Traceback" not in err
    present = {p.relative_to(target).as_posix() for p in target.rglob("*.aug*.png")}
    assert len(present) % 3 == 0, sorted(present)  # the image in progress was finished
    assert {r["output"] for r in manifest(target)} == present
    assert not [p for p in target.rglob("*") if p.name.endswith(".tmp")]


# ---- refusals and bad files ------------------------------------------------------------------


@pytest.mark.parametrize("where, message", [
    ("in", "is the input folder"),
    ("in/augmented", "is inside the input folder"),
    ("in/sub", "is inside the input folder"),
    (".", "is inside the output folder"),
])
def test_refuses_to_write_into_the_input_folder(tmp_path, preset, capsys, where, message):
    make_tree(tmp_path / "in")
    before = files(tmp_path / "in")
    assert apply(preset, tmp_path / "in", tmp_path / where, check=False) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert files(tmp_path / "in") == before


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_refuses_an_output_folder_that_links_into_the_input(tmp_path, preset, capsys):
    make_tree(tmp_path / "in")
    before = files(tmp_path / "in")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "sub").symlink_to(tmp_path / "in" / "sub")
    assert apply(preset, tmp_path / "in", tmp_path / "out", check=False) == 1
    assert "leads into the input folder" in capsys.readouterr().err
    assert files(tmp_path / "in") == before
    (tmp_path / "link").symlink_to(tmp_path / "in")
    assert apply(preset, tmp_path / "in", tmp_path / "link" / "x", check=False) == 1
    assert "inside the input folder" in capsys.readouterr().err


def test_bad_files_are_reported_and_the_run_goes_on(tmp_path, preset, capsys):
    make_tree(tmp_path / "in")
    good = augview.core.imageio.encode_image(crop("chelsea.png", 0, 0), ".jpg")
    (tmp_path / "in/sub/truncated.jpg").write_bytes(good[: len(good) // 2])
    (tmp_path / "in/sub/empty.png").write_bytes(b"")
    (tmp_path / "in/sub/text.png").write_text("not an image")
    code = apply(preset, tmp_path / "in", tmp_path / "out", "--variants", 2, "--workers", 2, check=False)
    assert code == 1
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 3 and all(line.startswith("augview: ") for line in lines)
    for name, problem in (("truncated.jpg", "truncated or corrupt"), ("empty.png", "empty"),
                          ("text.png", "not an image")):
        assert any(name in line and problem in line for line in lines), lines
    assert "8 images x 2 variants: 10 written, 0 skipped (already there), 6 failed (3 images)" in captured.out
    assert len(list((tmp_path / "out").rglob("*.aug*.png"))) == 10
    assert {r["source"] for r in manifest(tmp_path / "out")} == set(GOOD_SOURCES)
    # A re-run retries the bad files only, and fails again.
    assert apply(preset, tmp_path / "in", tmp_path / "out", "--variants", 2, check=False) == 1
    assert "0 written, 10 skipped (already there), 6 failed" in capsys.readouterr().out


@pytest.mark.parametrize("args, fragment", [
    (["--variants", "0"], "the number of variants must be between 1 and 100, got 0"),
    (["--variants", "101"], "the number of variants must be between 1 and 100"),
    (["--workers", "0"], "the number of workers must be 1 or more"),
    (["--seed", "-1"], "the seed must be between 0 and"),
])
def test_bad_options_are_one_line_errors(tmp_path, preset, capsys, args, fragment):
    make_tree(tmp_path / "in")
    assert apply(preset, tmp_path / "in", tmp_path / "out", *args, check=False) == 1
    err = capsys.readouterr().err
    assert fragment in err and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_missing_or_empty_input_folder(tmp_path, preset, capsys):
    assert apply(preset, tmp_path / "nope", tmp_path / "out", check=False) == 1
    assert "nope: no such folder" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert apply(preset, tmp_path / "empty", tmp_path / "out", check=False) == 1
    assert "no images found" in capsys.readouterr().err


def test_an_output_folder_that_cannot_be_made_is_one_sentence(tmp_path):
    from augview.errors import AugviewError

    make_tree(tmp_path / "in")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(AugviewError, match=r"file/out: cannot create the output folder \(Not a directory\)$"):
        run_apply(make_pipeline(), tmp_path / "in", blocker / "out", progress=False)


def test_an_interrupt_between_writing_a_line_and_noting_it_loses_nothing(tmp_path):
    """Ctrl+C can land after a manifest line is written and before its offset is noted; the
    final rewrite must still keep every line whole (it once spliced two lines into one)."""
    from augview.batch.files import Manifest

    out = tmp_path / "out"
    out.mkdir()
    manifest = Manifest(out / MANIFEST_NAME, "sha256:x")
    manifest.open()

    def record(name):
        (out / name).write_bytes(b"png")
        return {"source": name, "output": name, "variant": 0, "seed": 7, "base_seed": 0, "mode": "RGB",
                "preset": "sha256:x", "source_bytes": 3, "trace": [{"op": "rotate", "drawn": {"angle": 1.5}}]}

    manifest.add(record("a.png"))
    real_write = manifest._write
    manifest._write = lambda data: (real_write(data), setattr(manifest, "size", manifest.size - len(data)))
    manifest.add(record("b.png"))  # written, but its length never counted (the interrupted case)
    manifest._write = real_write
    manifest.add(record("c.png"))
    manifest.finish(out)
    lines = (out / MANIFEST_NAME).read_text().splitlines()
    assert [json.loads(line)["output"] for line in lines] == ["a.png", "b.png", "c.png"]
    assert all(line.endswith("}") for line in lines)


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="file names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_keeps_the_manifest_utf8_json(tmp_path, preset):
    source = tmp_path / "in"
    source.mkdir()
    name = os.fsdecode(b"\xffbad.png")  # a byte no UTF-8 text has
    augview.save_image(source / name, crop("astronaut.png", 0, 0))
    apply(preset, source, tmp_path / "out")
    lines = manifest(tmp_path / "out")  # read_text: UTF-8, strict
    assert [line["source"] for line in lines] == [name]
    assert (tmp_path / "out" / lines[0]["output"]).is_file()
    apply(preset, source, tmp_path / "out")  # the record is understood: nothing to redo
    assert len(manifest(tmp_path / "out")) == 1


def test_a_source_changed_in_place_at_the_same_size_is_not_taken_as_done(tmp_path, preset, capsys):
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    path = source / "a.bmp"  # uncompressed: new pixels, the same number of bytes
    image = crop("astronaut.png", 0, 0)
    augview.save_image(path, image)
    apply(preset, source, out)

    def outputs():
        return {rel: data for rel, data in files(out).items() if rel != MANIFEST_NAME}

    made = outputs()
    # Only touched: made again, found the same, counted as done (the manifest notes the new time).
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert apply(preset, source, out) == 0 and outputs() == made
    assert manifest(out)[0]["source_mtime_ns"] == path.stat().st_mtime_ns
    # Changed at the same size: the old output is not passed off as this source's.
    size = path.stat().st_size
    augview.save_image(path, np.ascontiguousarray(image[:, ::-1]))
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 2 * 10**9))
    assert path.stat().st_size == size
    capsys.readouterr()
    assert apply(preset, source, out, check=False) == 1
    assert "exists but is not what this preset and seed make" in capsys.readouterr().err
    apply(preset, source, out, "--overwrite")
    assert outputs() != made


def test_a_script_that_starts_a_run_unguarded_is_told_what_to_do(tmp_path):
    """Worker processes import the main script again: one that calls run_apply at its top level
    makes each worker start a run of its own, which multiprocessing refuses. The error said only
    "a worker process exited as it started"; it now says how to fix the script. The guarded
    script, as the README writes it, runs."""
    (tmp_path / "in").mkdir()
    for index in range(3):
        augview.save_image(tmp_path / "in" / f"{index}.png", np.zeros((8, 8, 3), np.uint8))
    body = ('summary = run_apply(augview.Pipeline([augview.Step("horizontal_flip")]), "in", "out", workers=2)\n'
            'print(summary.line())\n')
    head = "import augview\nfrom augview.batch import run_apply\n"
    (tmp_path / "unguarded.py").write_text(head + body)
    (tmp_path / "guarded.py").write_text(head + 'if __name__ == "__main__":\n' + textwrap.indent(body, "    "))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "unguarded.py"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert proc.returncode == 1
    assert 'if unguarded.py starts the run outside `if __name__ == "__main__":`, put it there' in proc.stderr
    proc = subprocess.run([sys.executable, "guarded.py"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert proc.returncode == 0 and "3 written" in proc.stdout, proc.stderr


def test_numpy_integers_are_whole_numbers_for_run_apply(tmp_path):
    """A seed of np.int64(5) was refused with "the seed must be between 0 and ..., got 5", where
    Pipeline.apply takes it; the outputs are those of the plain int."""
    (tmp_path / "in").mkdir()
    augview.save_image(tmp_path / "in" / "a.png", np.arange(8 * 8 * 3, dtype=np.uint8).reshape(8, 8, 3))
    pipe = augview.Pipeline([augview.Step("rotate")])
    numpy_run = run_apply(pipe, tmp_path / "in", tmp_path / "np", variants=np.int64(2), seed=np.int64(5),
                          workers=np.int32(1), progress=False)
    plain_run = run_apply(pipe, tmp_path / "in", tmp_path / "plain", variants=2, seed=5, workers=1, progress=False)
    assert numpy_run.written == plain_run.written == 2
    assert files(tmp_path / "np") == files(tmp_path / "plain")
