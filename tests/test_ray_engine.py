"""`augview apply --engine ray`: the local run's files and manifest, byte for byte, from Ray Data on a
local Ray instance (2 CPUs), for local folders and file:// URIs (pyarrow's file system layer, as for
s3:// and gs://); resume after a failed task; a worker killed mid-task. Skipped without Ray
(``pip install -e ".[test,ray]"``, which CI installs)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import augview
from augview.batch.run import run_apply
from augview.cli import main
from tests.conftest import ROOT
from tests.test_batch import crop, files, hear_ctrl_c, make_pipeline, make_tree, manifest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Ray's local instance, POSIX signals")


@pytest.fixture(scope="module")
def ray_instance():
    """One local Ray instance (2 CPUs) for the module; `apply_on_ray` uses it as it is."""
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    pytest.importorskip("pyarrow.fs")
    ray.init(num_cpus=2, include_dashboard=False, logging_level="WARNING")
    # The test doubles below are sent to the workers by value (this module is not importable there).
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    yield ray
    ray.shutdown()


@pytest.fixture
def tree(tmp_path) -> Path:
    """Nested folders, grey and RGB sources (PNG and JPEG), one corrupt file, a non-image file."""
    source = tmp_path / "in"
    make_tree(source)
    augview.save_image(source / "sub" / "grey.jpg", crop("coffee.png", 10, 10, mode="L"))
    (source / "sub" / "deeper" / "corrupt.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a JPEG")
    return source


def uri(path: Path) -> str:
    return path.resolve().as_uri()  # file:///...


def apply(source, target, *extra) -> int:
    preset = Path(str(source).removeprefix("file://")).parent / "preset.json"
    if not preset.exists():
        make_pipeline().save(preset)
    return main(["apply", "--preset", str(preset), "--input", str(source), "--output", str(target),
                 *map(str, extra)])


def local_reference(tree: Path, *extra) -> dict[str, bytes]:
    target = tree.parent / "local"
    assert apply(tree, target, "--workers", 2, *extra) == 1  # the corrupt file
    return files(target)


def test_ray_engine_writes_the_local_runs_files_and_manifest(ray_instance, tree, capsys):
    options = ("--variants", 2, "--seed", 5, "--format", "same")
    reference = local_reference(tree, *options)
    local_out = capsys.readouterr().out

    assert apply(tree, tree.parent / "ray", "--engine", "ray", *options) == 1
    captured = capsys.readouterr()
    assert files(tree.parent / "ray") == reference  # every output and the manifest, byte for byte
    summary = "7 images x 2 variants: 12 written, 0 skipped (already there), 2 failed (1 image); 1 other file ignored"
    assert summary in local_out and summary in captured.out
    problems = [line for line in captured.err.splitlines() if line.startswith("augview: ")]
    assert problems == [f"augview: {tree / 'sub/deeper/corrupt.jpg'}: the image data is truncated or corrupt "
                        "(Truncated File Read)"]
    modes = {r["source"]: r["mode"] for r in manifest(tree.parent / "ray")}
    assert modes["sub/grey.jpg"] == "L" and modes["sub/deeper/camera.png"] == "L" and modes["cat.png"] == "RGB"

    # Resumable: a second run skips everything and rewrites nothing.
    stamps = {p: p.stat().st_mtime_ns for p in (tree.parent / "ray").rglob("*.aug*")}
    assert apply(tree, tree.parent / "ray", "--engine", "ray", *options) == 1
    assert "0 written, 12 skipped (already there), 2 failed" in capsys.readouterr().out
    assert {p: p.stat().st_mtime_ns for p in (tree.parent / "ray").rglob("*.aug*")} == stamps


def test_file_uris_go_through_pyarrow_and_give_the_same_bytes(ray_instance, tree, capsys):
    reference = local_reference(tree)
    capsys.readouterr()
    target = tree.parent / "by-uri"
    assert apply(uri(tree), uri(target), "--engine", "ray") == 1
    captured = capsys.readouterr()
    assert files(target) == reference
    assert f"augview: {uri(tree)}/sub/deeper/corrupt.jpg: the image data is truncated" in captured.err
    assert f"manifest {uri(target)}/augview-manifest.jsonl" in captured.out

    # A write killed before its rename leaves a temporary file; the next run removes it, and
    # an output removed by hand is made again.
    (target / "sub" / ".coffee.png.aug00.png.1a2b3c4d.tmp").write_bytes(b"half an image")
    (target / "cat.png.aug00.png").unlink()
    assert apply(uri(tree), uri(target), "--engine", "ray") == 1
    assert "1 written, 5 skipped (already there), 1 failed" in capsys.readouterr().out
    assert files(target) == reference

    # Outputs of another seed stop the run before anything is written, naming the URI.
    assert apply(uri(tree), uri(target), "--engine", "ray", "--seed", 9) == 1
    assert f"augview: {uri(target)}: 6 existing outputs were made with other steps or annotation settings, another seed" \
           in capsys.readouterr().err
    assert files(target) == reference


def test_uris_are_checked_like_folders(ray_instance, tree, capsys):
    assert apply(uri(tree), uri(tree / "sub" / "out"), "--engine", "ray") == 1
    assert "is inside the input folder" in capsys.readouterr().err
    assert apply(uri(tree.parent / "missing"), uri(tree.parent / "out"), "--engine", "ray") == 1
    assert "missing: no such folder" in capsys.readouterr().err
    (tree.parent / "link").symlink_to(tree)
    assert apply(uri(tree), "file://" + str(tree.parent / "link" / "out"), "--engine", "ray") == 1
    assert "is inside the input folder" in capsys.readouterr().err
    assert not (tree / "sub" / "out").exists() and not (tree.parent / "out").exists()
    assert not (tree / "out").exists()


class FailOn:
    """The per-source work, raising (not one file's problem: a bug, a lost mount) on one source."""

    def __init__(self, inner, source: str):
        self.inner, self.source = inner, source

    def __call__(self, task):
        if task[0] == self.source:
            raise RuntimeError(f"deliberate failure on {task[0]}")
        return self.inner(task)


class KillOnce:
    """The per-source work, whose worker process dies once on one source after writing its files
    and before its result is returned (so Ray runs the task again)."""

    def __init__(self, inner, source: str, marker: str):
        self.inner, self.source, self.marker = inner, source, marker

    def __call__(self, task):
        result = self.inner(task)
        if task[0] == self.source and not os.path.exists(self.marker):
            Path(self.marker).touch()
            os._exit(1)
        return result


def with_ray(wrap):
    from augview.batch.ray_engine import RayRunner

    return lambda worker, tasks, workers: RayRunner(wrap(worker), tasks, workers)


def test_a_failed_task_stops_the_run_and_the_next_run_resumes_to_the_same_bytes(ray_instance, tree):
    from augview.batch.ray_engine import apply_on_ray

    reference = local_reference(tree, "--variants", 2)
    target = tree.parent / "failed"
    summary = run_apply(make_pipeline(), tree, target, variants=2, progress=False, log=lambda line: None,
                        engine=with_ray(lambda worker: FailOn(worker, "sub/coffee.png")))
    assert summary.exit_code == 1
    assert any(error.startswith("a Ray task failed (RuntimeError: deliberate failure on sub/coffee.png); "
                                "the run stopped") for error in summary.errors), summary.errors
    present = {p.relative_to(target).as_posix() for p in target.rglob("*.aug*.png")}
    assert "sub/coffee.png.aug00.png" not in present
    # Only whole files; only what the driver received is in the manifest (the rest is checked next run).
    assert {r["output"] for r in manifest(target)} <= present
    assert all(files(target)[rel] == reference[rel] for rel in present)

    resumed = apply_on_ray(make_pipeline(), tree, target, variants=2, progress=False, log=lambda line: None)
    assert resumed.skipped == len(present) and resumed.written == 12 - len(present) and resumed.failed == 2
    assert files(target) == reference


def test_a_failed_task_on_uris_resumes_too(ray_instance, tree, monkeypatch):
    from augview.batch import ray_engine, storage

    reference = local_reference(tree)
    target = tree.parent / "failed-uri"

    class FailingStagedWorker(storage.StagedWorker):
        def __call__(self, task):
            if task[0] == "cat.jpg":
                raise RuntimeError("deliberate failure")
            return super().__call__(task)

    monkeypatch.setattr(storage, "StagedWorker", FailingStagedWorker)
    summary = ray_engine.apply_on_ray(make_pipeline(), uri(tree), uri(target), progress=False,
                                      log=lambda line: None)
    assert summary.exit_code == 1 and "RuntimeError: deliberate failure" in summary.errors[-1]
    assert not (target / "cat.jpg.aug00.png").exists()
    monkeypatch.undo()
    resumed = ray_engine.apply_on_ray(make_pipeline(), uri(tree), uri(target), progress=False,
                                      log=lambda line: None)
    assert resumed.written + resumed.skipped == 6 and resumed.failed == 1
    assert files(target) == reference


def test_a_worker_killed_mid_task_leaves_no_half_file_and_no_duplicate_line(ray_instance, tree):
    reference = local_reference(tree, "--variants", 3)
    target = tree.parent / "killed"
    marker = tree.parent / "killed-once"
    summary = run_apply(make_pipeline(), tree, target, variants=3, progress=False, log=lambda line: None,
                        engine=with_ray(lambda worker: KillOnce(worker, "sub/coffee.png", str(marker))))
    assert marker.exists()  # the worker did die
    assert (summary.written, summary.failed, len(summary.errors)) == (18, 3, 1)  # 3: the corrupt file
    lines = (target / "augview-manifest.jsonl").read_text().splitlines()
    assert len(lines) == len(set(lines)) == 18
    assert files(target) == reference
    assert not [p for p in target.rglob("*") if p.name.endswith(".tmp")]


def test_sources_from_a_ray_dataset(ray_instance, tree):
    from augview.batch.ray_engine import apply_on_ray

    reference = local_reference(tree)
    chosen = ["sub/coffee.png", "cat.png"]
    dataset = ray_instance.data.from_items([{"path": str(tree / rel)} for rel in chosen])
    target = tree.parent / "chosen"
    summary = apply_on_ray(make_pipeline(), tree, target, sources=dataset, progress=False)
    assert (summary.sources, summary.written, summary.failed) == (2, 2, 0)
    made = files(target)
    assert set(made) == {"cat.png.aug00.png", "sub/coffee.png.aug00.png", "augview-manifest.jsonl"}
    assert all(made[rel] == reference[rel] for rel in made if rel.endswith(".png"))
    assert {r["source"] for r in manifest(target)} == set(chosen)

    # The form Ray Data's readers give (include_paths), as URIs: the rest of the folder.
    dataset = ray_instance.data.read_binary_files(uri(tree), include_paths=True)
    summary = apply_on_ray(make_pipeline(), uri(tree), uri(target), sources=dataset, progress=False,
                           log=lambda line: None)
    assert (summary.written, summary.skipped, summary.failed) == (4, 2, 1)
    assert files(target) == reference

    outside = ray_instance.data.from_items([{"path": str(ROOT / "assets" / "astronaut.png")}])
    with pytest.raises(augview.AugviewError, match="astronaut.png: is not inside the input folder"):
        apply_on_ray(make_pipeline(), tree, target, sources=outside, progress=False)


def test_the_cluster_command_connects_to_a_running_cluster_and_stops_cleanly_on_ctrl_c(ray_instance, tmp_path):
    """A second driver (`augview apply --engine ray --ray-address ...`) on the running instance,
    as on a cluster; Ctrl+C stops it with the summary and whole files, and the run resumes."""
    source = tmp_path / "in"
    for index in range(16):
        image = crop(("astronaut.png", "coffee.png")[index % 2], 5 * index, 4 * index, 96, 128)
        (source / f"part{index % 2}").mkdir(parents=True, exist_ok=True)
        augview.save_image(source / f"part{index % 2}" / f"img_{index:02d}.png", image)
    preset = tmp_path / "slow.json"  # upscaling makes each output take a while: time to interrupt
    augview.Pipeline([augview.Step("random_resized_crop", {"height": 512, "width": 512}),
                      augview.Step("gaussian_noise")], seed=3).save(preset)
    address = ray_instance.get_runtime_context().gcs_address
    target = tmp_path / "stopped"
    args = [sys.executable, "-m", "augview", "apply", "--preset", preset, "--input", source, "--output",
            target, "--variants", 3, "--engine", "ray", "--ray-address", address]
    proc = subprocess.Popen(list(map(str, args)), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True, preexec_fn=hear_ctrl_c)
    end = time.monotonic() + 120
    while len(list(target.rglob("*.aug*.png"))) < 2:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < end, "no outputs appeared"
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert out.startswith("interrupted: 16 images x 3 variants:") and "Traceback" not in err
    present = {p.relative_to(target).as_posix() for p in target.rglob("*.aug*.png")}
    assert {r["output"] for r in manifest(target)} <= present
    for path in present:
        assert augview.load_image(target / path).shape == (512, 512, 3)

    # Resumed (RAY_ADDRESS names the cluster), then compared with a local run.
    env = dict(os.environ, RAY_ADDRESS=address)
    done = subprocess.run(list(map(str, args[:-2])), cwd=ROOT, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    counts = re.search(r"(\d+) written, (\d+) skipped \(already there\), 0 failed", done.stdout)
    assert counts and int(counts[1]) + int(counts[2]) == 48 and int(counts[2]) >= len(present), done.stdout
    assert main(["apply", "--preset", str(preset), "--input", str(source), "--output", str(tmp_path / "local"),
                 "--variants", "3"]) == 0
    assert files(target) == files(tmp_path / "local")


def test_engine_options_without_ray(tmp_path, capsys, monkeypatch):
    make_tree(tmp_path / "in")
    assert apply(tmp_path / "in", "s3://bucket/out") == 1
    assert "s3://bucket/out: URIs need --engine ray" in capsys.readouterr().err
    assert apply(tmp_path / "in", tmp_path / "out", "--ray-address", "auto") == 1
    assert "--ray-address needs --engine ray" in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "ray", None)  # as if Ray were not installed
    monkeypatch.delitem(sys.modules, "augview.batch.ray_engine", raising=False)
    assert apply(tmp_path / "in", tmp_path / "out", "--engine", "ray") == 1
    err = capsys.readouterr().err
    assert err.startswith('augview: --engine ray needs Ray Data: pip install "ray[data]>=2.51"') and err.count("\n") == 1
    assert not (tmp_path / "out").exists()
