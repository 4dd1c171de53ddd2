"""The command line, run as a user would run it (a real subprocess where the exit code matters)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import numpy as np
import pytest

import augview
from augview.cli import main
from augview.core.registry import CATEGORIES, op_order
from tests.conftest import ASSETS, PRESETS

PRESET = PRESETS / "light_classification.json"
IMAGE = ASSETS / "chelsea.png"


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "augview", *map(str, args)], capture_output=True, text=True)


def test_ops_lists_every_op_with_its_parameters(capsys):
    assert main(["ops"]) == 0
    out = capsys.readouterr().out
    for name, op in augview.CATALOG.items():
        assert f"\n{name}\n" in out or out.startswith(f"{name}\n") or f"== {op.category}\n{name}\n" in out
        for spec in op.params:
            assert f"- {spec.name}:" in out
    assert "- height: int, default 256px within [1, 8192] — crop height in pixels mode; clamped to the " \
           "image (only when size_mode is pixels)" in out
    headers = [line[3:] for line in out.splitlines() if line.startswith("== ")]
    assert headers == [c for c in CATEGORIES if any(op.category == c for op in augview.CATALOG.values())]
    listed = [line for line in out.splitlines() if line in augview.CATALOG]
    assert listed == op_order()


def test_ops_json_matches_the_catalog(capsys):
    assert main(["ops", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    names = [entry["name"] for entry in data]
    assert sorted(names) == sorted(augview.CATALOG) and len(names) == len(augview.CATALOG)
    assert names == op_order()  # the catalog's one reading order, as the window lists it
    rotate = next(entry for entry in data if entry["name"] == "rotate")
    limit = next(p for p in rotate["params"] if p["name"] == "limit")
    assert (limit["min"], limit["max"], limit["kind"], limit["unit"]) == (-180, 180, "range", "°")


def test_render_writes_identical_bytes_for_the_same_seed(tmp_path):
    first, second, other = tmp_path / "a.png", tmp_path / "b.png", tmp_path / "c.png"
    for path, seed in ((first, 4), (second, 4), (other, 5)):
        proc = run_cli("render", "--preset", PRESET, "--image", IMAGE, "--seed", seed, "--output", path)
        assert proc.returncode == 0, proc.stderr
    digest = lambda p: hashlib.sha256(p.read_bytes()).hexdigest()  # noqa: E731
    assert digest(first) == digest(second)
    assert digest(first) != digest(other)
    grid = augview.load_image(first)
    assert grid.ndim == 3 and grid.shape[0] > 384 and grid.shape[1] > 384


def test_render_variant_count_changes_the_grid(tmp_path):
    small, big = tmp_path / "one.png", tmp_path / "eight.png"
    assert main(["render", "--preset", str(PRESET), "--image", str(IMAGE), "--variants", "1", "-o", str(small)]) == 0
    assert main(["render", "--preset", str(PRESET), "--image", str(IMAGE), "--variants", "8", "-o", str(big)]) == 0
    assert augview.load_image(big).size > 2 * augview.load_image(small).size


def test_validate_exit_codes_and_one_line_per_problem(tmp_path):
    good = run_cli("validate", PRESET)
    assert good.returncode == 0 and "ok" in good.stdout
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema_version": 1, "steps": [
        {"op": "rotate", "params": {"limit": [-720, 0], "interpolation": "linear", "border_mode": "constant", "fill": 0}},
        {"op": "no_such_op"},
    ]}))
    proc = run_cli("validate", PRESET, bad)
    assert proc.returncode == 1
    lines = [line for line in proc.stdout.splitlines() if line.startswith(str(bad))]
    assert len(lines) == 2
    assert "steps[0].params.limit: must be between -180 and 180, got -720" in lines[0]
    assert "steps[1].op: unknown op" in lines[1]


def test_validate_escapes_control_characters_of_a_file_name(tmp_path, capsys):
    """A problem line names the file: a name holding a terminal escape reached the terminal raw."""
    bad = tmp_path / "x\x1b[31my.json"
    bad.write_text("{}")
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "x\\x1b[31my.json" in out


@pytest.mark.parametrize("args, fragment", [
    (["render", "--preset", "missing.json", "--image", str(IMAGE), "-o", "x.png"], "missing.json: no such file"),
    (["render", "--preset", str(PRESET), "--image", "nope.jpg", "-o", "x.png"], "nope.jpg: no such file"),
    (["render", "--preset", str(PRESET), "--image", str(IMAGE), "--variants", "0", "-o", "x.png"], "--variants"),
])
def test_errors_are_one_line_without_traceback(args, fragment, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "augview", *args], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert fragment in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_render_refuses_a_corrupt_image(tmp_path):
    broken = tmp_path / "broken.png"
    broken.write_bytes(IMAGE.read_bytes()[:500])
    proc = run_cli("render", "--preset", PRESET, "--image", broken, "--output", tmp_path / "out.png")
    assert proc.returncode == 1
    assert "broken.png" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "out.png").exists()


def test_python_api_matches_cli_cells(tmp_path):
    """The grid's first variant is exactly `Pipeline(image, seed)`: one seed, one result."""
    pipe = augview.Pipeline.load(PRESET)
    image = augview.load_image(IMAGE)
    from augview.analysis.grid import render_variants

    (result,) = render_variants(pipe, image, 1, seed=11)
    assert np.array_equal(result.image, pipe(image, seed=11))


def test_export_import_round_trip_through_albumentations_json(tmp_path):
    pytest.importorskip("albumentations")
    exported, back = tmp_path / "albu.json", tmp_path / "back.json"
    proc = run_cli("export", "--to", "albumentations", PRESET, "-o", exported)
    assert proc.returncode == 0, proc.stderr
    import albumentations as A

    A.load(str(exported), data_format="json")  # albumentations itself accepts it
    proc = run_cli("import", exported, "-o", back)
    assert proc.returncode == 0, proc.stderr
    assert augview.Pipeline.load(back).steps == augview.Pipeline.load(PRESET).steps
    # "-o -": standard output (a file named "-" was written), the same bytes as the file
    proc = subprocess.run([sys.executable, "-m", "augview", "import", str(exported), "-o", "-"],
                          capture_output=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 0 and proc.stdout == back.read_bytes() and not (tmp_path / "-").exists()


def test_export_for_detection_runs_with_yolo_boxes_and_their_labels(tmp_path):
    A = pytest.importorskip("albumentations")
    exported, back = tmp_path / "albu.json", tmp_path / "back.json"
    proc = run_cli("export", "--to", "albumentations", PRESETS / "light_detection.json", "-o", exported,
                   "--box-format", "yolo", "--label-fields", "class_labels")
    assert proc.returncode == 0, proc.stderr
    params = json.loads(exported.read_text())["transform"]["bbox_params"]
    assert params["format"] == "yolo" and params["label_fields"] == ["class_labels"] and params["min_visibility"] == 0.3
    out = A.load(str(exported), data_format="json")(image=np.zeros((64, 80, 3), np.uint8),
                                                     bboxes=[[0.5, 0.5, 0.25, 0.5]], class_labels=[7])
    assert out["class_labels"] == [7] and len(out["bboxes"]) == 1
    assert run_cli("import", exported, "-o", back).returncode == 0
    assert augview.Pipeline.load(back).targets == augview.Pipeline.load(PRESETS / "light_detection.json").targets
    refused = run_cli("export", "--to", "albumentations", PRESET, "--label-fields", "bboxes")
    assert refused.returncode != 0 and "label_fields" in refused.stderr and "Traceback" not in refused.stderr


def test_export_lists_unsupported_ops_or_skips_them(tmp_path):
    preset = tmp_path / "p.json"
    augview.Pipeline([augview.Step("horizontal_flip"), augview.Step("auto_augment")]).save(preset)
    refused = run_cli("export", "--to", "albumentations", preset, "-o", tmp_path / "a.json")
    assert refused.returncode == 1 and "auto_augment" in refused.stderr and "Traceback" not in refused.stderr
    assert not (tmp_path / "a.json").exists()
    skipped = run_cli("export", "--to", "albumentations", preset, "-o", tmp_path / "a.json", "--skip-unsupported")
    assert skipped.returncode == 0 and "auto_augment" in skipped.stderr
    assert "HorizontalFlip" in (tmp_path / "a.json").read_text()


def test_export_torchvision_and_python_code_compile(tmp_path):
    for target in ("torchvision", "python"):
        proc = run_cli("export", "--to", target, PRESET)
        assert proc.returncode == 0, proc.stderr
        compile(proc.stdout, f"{target}.py", "exec")


def test_a_mistyped_command_is_an_error_not_a_window():
    proc = run_cli("opps")
    assert proc.returncode == 1 and "did you mean 'ops'" in proc.stderr


def test_the_window_gets_annotations_named_on_the_command_line(tmp_path, capsys):
    opened = []

    def open_window(**kwargs):
        opened.append(kwargs)
        return 0

    given = ASSETS / "astronaut.coco.json"
    assert main([str(IMAGE), "--annotations", str(given)], open_window=open_window) == 0
    assert opened == [{"image": str(IMAGE), "preset": None, "annotations": str(given)}]
    assert main([str(IMAGE)], open_window=open_window) == 0
    assert opened[-1] == {"image": str(IMAGE), "preset": None}  # an opener without annotations still works
    assert main([str(IMAGE), "--annotations", str(tmp_path / "gone.json")], open_window=open_window) == 1
    assert "gone.json: no such file" in capsys.readouterr().err and len(opened) == 2


def test_no_display_is_one_line(tmp_path):
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run([sys.executable, "-m", "augview"], capture_output=True, text=True, env=env)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [proc.stderr.strip()] and "no display" in proc.stderr
    # It names every command that works without one (tta was missing).
    from augview.cli_parser import COMMANDS

    assert all(name in proc.stderr for name in COMMANDS)


def test_help_shows_what_the_window_opens(capsys):
    """`augview --help` showed only `[IMAGE] [--preset P]`: annotations and sessions were in the
    README only; `import --help` said only "A.save output"."""
    with pytest.raises(SystemExit):
        main(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "--annotations auto|FILE" in text and ".augview" in text
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "JSON or YAML" in text and ".py script" in text


def test_write_errors_name_the_file_not_a_temporary(tmp_path):
    proc = run_cli("render", "--preset", PRESET, "--image", IMAGE, "-o", tmp_path / "missing" / "g.png")
    assert proc.returncode == 1 and "missing/g.png" in proc.stderr and ".tmp" not in proc.stderr


def test_validate_recognises_an_albumentations_file(tmp_path):
    path = tmp_path / "albu.json"
    path.write_text(json.dumps({"__version__": "2.0.8", "transform": {
        "__class_fullname__": "Compose", "p": 1.0, "transforms": []}}))
    proc = run_cli("validate", path)
    assert proc.returncode == 1 and "augview import" in proc.stdout


def test_ops_into_a_closed_pipe_is_quiet():
    proc = subprocess.run(f'"{sys.executable}" -m augview ops | head -n 1', shell=True,
                          capture_output=True, text=True)
    assert proc.stdout.startswith("== geometric") and "Broken pipe" not in proc.stderr


def test_a_shipped_preset_is_accepted_by_name(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no presets/ folder here: the name must resolve to the shipped one
    assert main(["validate", "light_classification", "heavy_classification.json"]) == 0
    out = tmp_path / "grid.png"
    assert main(["render", "--preset", "light_classification", "--image", str(IMAGE), "-o", str(out)]) == 0
    assert out.is_file()
    assert main(["validate", "no_such_preset"]) == 1
    assert "no_such_preset: no such file" in capsys.readouterr().out


def test_help_shows_how_to_open_the_window_and_version_prints_the_version():
    """Issue 15: --help said nothing of `augview [IMAGE] [--preset P]`, and there was no --version."""
    helped = run_cli("--help")
    assert helped.returncode == 0
    assert helped.stdout.startswith("usage: augview [IMAGE | SESSION.augview] [--preset P] [--annotations auto|FILE]\n")
    assert "opens the window" in " ".join(helped.stdout.split())
    for args in (["--version"], ["photo.png", "--version"]):
        shown = run_cli(*args)
        assert shown.returncode == 0 and shown.stdout.strip() == f"augview {augview.__version__}", args


@pytest.mark.parametrize("output, fragment", [(".", "is a folder; name the image file"),
                                              ("grid", "grid: cannot save images as ''")])
def test_render_names_the_output_it_cannot_write(tmp_path, output, fragment):
    proc = run_cli("render", "--preset", PRESET, "--image", IMAGE, "--output", tmp_path / output)
    assert proc.returncode == 1 and fragment in proc.stderr and "Traceback" not in proc.stderr


def test_a_command_s_usage_starts_with_augview_and_the_command():
    proc = run_cli("render", "--bogus")
    assert proc.returncode == 2
    assert proc.stderr.startswith("usage: augview render [-h]"), proc.stderr


def test_an_output_that_is_the_input_file_is_refused_and_the_input_kept(tmp_path, capsys):
    photo = tmp_path / "photo.png"
    photo.write_bytes((ASSETS / "astronaut.png").read_bytes())
    preset = tmp_path / "p.json"
    preset.write_bytes((PRESETS / "light_classification.json").read_bytes())
    before = photo.read_bytes(), preset.read_bytes()
    assert main(["render", "--preset", str(preset), "--image", str(photo), "-o", str(tmp_path / "." / "photo.png")]) == 1
    assert "is the image" in capsys.readouterr().err
    assert main(["export", "--to", "albumentations", str(preset), "-o", str(preset)]) == 1
    assert main(["import", str(preset), "-o", str(preset)]) == 1
    assert main(["tta", "--image", str(photo), "-o", str(photo)]) == 1
    assert "choose another output file" in capsys.readouterr().err
    assert (photo.read_bytes(), preset.read_bytes()) == before


def test_control_characters_in_a_file_name_are_escaped_on_the_terminal(tmp_path, capsys):
    broken = tmp_path / "bad\x1b[2J\nname.png"
    broken.write_bytes(b"not an image")
    assert main(["render", "--preset", str(PRESETS / "light_classification.json"), "--image", str(broken),
                 "-o", str(tmp_path / "out.png")]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and err.count("\n") == 1  # one line
    assert "bad\\x1b[2J\\nname.png" in err


def test_a_grid_too_wide_for_webp_is_one_sentence(tmp_path, capsys):
    from augview.core.imageio import save_image

    with pytest.raises(augview.AugviewError, match="a WEBP image can be at most 16383 pixels wide and high"):
        save_image(tmp_path / "w.webp", np.zeros((2, 20000, 3), np.uint8))
    with pytest.raises(augview.AugviewError, match="a JPEG image can be at most 65535"):
        save_image(tmp_path / "w.jpg", np.zeros((1, 70000, 3), np.uint8))
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("seed", [-1, True, "5", 1.5, float("nan"), 2**63])
def test_a_bad_seed_in_the_python_api_is_augview_s_error_and_a_value_error(seed):
    pipe = augview.Pipeline([augview.Step("horizontal_flip")])
    for call in (lambda: pipe(np.zeros((4, 4, 3), np.uint8), seed=seed),
                 lambda: pipe.apply(np.zeros((4, 4, 3), np.uint8), seed=seed)):
        with pytest.raises(augview.AugviewError, match="seed must be an integer between 0 and") as caught:
            call()
        assert isinstance(caught.value, ValueError)


def test_summaries_count_in_words_and_sizes_read_width_by_height(tmp_path, capsys):
    """"ok (1 step)", "1 view of 300x200": counts agree with their noun, and a size is width x
    height everywhere (tta said height x width while the views' titles say width x height)."""
    photo = tmp_path / "wide.png"
    augview.save_image(photo, np.zeros((200, 300, 3), np.uint8))
    preset = tmp_path / "one.json"
    augview.Pipeline([augview.Step("horizontal_flip")]).save(preset)
    assert main(["validate", str(preset)]) == 0
    assert capsys.readouterr().out.strip().endswith(": ok (1 step)")
    assert main(["tta", "--image", str(photo), "--mode", "center", "--size", "150", "-o", str(tmp_path / "c.png")]) == 0
    assert "(1 view of 150x150)" in capsys.readouterr().out
    assert main(["tta", "--image", str(photo), "--mode", "center", "-o", str(tmp_path / "c.png")]) == 0
    assert "(1 view of 300x200)" in capsys.readouterr().out  # (it said 200x300)
