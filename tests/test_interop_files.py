"""Opening a preset-or-albumentations file (one function for the window and the CLI), the limits
that apply while YAML is read (issue 14), and exports that fail or leave out steps the same way
for albumentations and torchvision, with code torchvision accepts (issue 16)."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

import augview
from augview import Group, Pipeline, PresetError, Step
from augview.interop import (
    Unexportable, open_pipeline_file, to_albumentations, to_torchvision_code,
)
from augview.interop.notes import DISABLED, LEFT_OUT

import torchvision_standin

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted((ROOT / "presets").glob("*.json"))
yaml = pytest.importorskip("yaml")


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "augview", *map(str, args)], capture_output=True, text=True)


# ---------------------------------------------------------------------------------------------
# One way to open a file


def test_open_pipeline_file_reads_presets_and_albumentations_json_and_yaml(tmp_path):
    preset = tmp_path / "mine.json"
    pipe = Pipeline([Step("horizontal_flip", p=0.5), Step("invert", p=0.2)], name="mine", seed=3)
    pipe.save(preset)
    opened = open_pipeline_file(preset)
    assert not opened.imported and opened.pipeline == pipe and opened.notes == []
    data, _ = to_albumentations(pipe)
    (tmp_path / "albu.json").write_text(json.dumps(data))
    (tmp_path / "albu.yaml").write_text(yaml.safe_dump(data))
    for name in ("albu.json", "albu.yaml"):
        opened = open_pipeline_file(tmp_path / name)
        assert opened.imported and opened.pipeline.steps == pipe.steps


def test_window_and_cli_open_files_only_through_interop():
    """The sniffing of formats lives in augview.interop.files; the window and the CLI call it."""
    def function(path, name):
        text = (ROOT / "augview" / path).read_text()
        start = text.index(f"def {name}(")
        return text[start:text.index("\n    def " if text[start - 4:start] == "    " else "\ndef ", start + 1)]

    for source in (function("gui/preset_files.py", "read_preset_or_error"), function("cli.py", "cmd_import")):
        assert "open_pipeline_file(" in source
        for private_path in ("is_albumentations", "load_albumentations_file", "read_preset_file", ".yaml"):
            assert private_path not in source


def test_import_command_accepts_a_preset_and_says_so(tmp_path):
    preset = tmp_path / "p.json"
    Pipeline([Step("vertical_flip")]).save(preset)
    proc = run_cli("import", preset, "-o", tmp_path / "out.json")
    assert proc.returncode == 0 and "already an augview preset" in proc.stderr
    assert Pipeline.load(tmp_path / "out.json") == Pipeline.load(preset)


# ---------------------------------------------------------------------------------------------
# YAML limits while reading


def alias_bomb(levels: int, fan: int = 10) -> str:
    """A pipeline whose aliases nest OneOf ``levels`` deep, each repeating the level below ``fan``
    times: fan ** levels flips from a file of a few hundred bytes."""
    lines = ["l0: &l0 {__class_fullname__: HorizontalFlip, p: 0.5}"]
    for level in range(1, levels + 1):
        refs = ", ".join([f"*l{level - 1}"] * fan)
        lines.append(f"l{level}: &l{level} {{__class_fullname__: OneOf, p: 1.0, transforms: [{refs}]}}")
    lines.append(f"transform: {{__class_fullname__: Compose, p: 1.0, transforms: [*l{levels}]}}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("levels", [6, 9])
def test_an_alias_bomb_is_refused_while_reading_in_little_memory(tmp_path, levels):
    path = tmp_path / "bomb.yaml"
    path.write_text(alias_bomb(levels))
    assert path.stat().st_size < 3000
    tracemalloc.start()
    try:
        with pytest.raises(PresetError) as error:
            open_pipeline_file(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4_000_000  # a bound on the work done, not a timing: 10**6 flips would take far more
    assert str(error.value).startswith(f"{path}: expands to more than")
    assert len(error.value.problems) == 1


def test_yaml_that_refers_to_itself_or_nests_too_deep_is_one_sentence(tmp_path):
    looped = tmp_path / "loop.yaml"
    looped.write_text("transform: &t {__class_fullname__: Compose, transforms: [*t]}\n")
    deep = tmp_path / "deep.yaml"
    deep.write_text("transform: " + "[" * 5000 + "]" * 5000 + "\n")
    for path, fragment in ((looped, "alias that refers to itself"), (deep, "nested more than")):
        with pytest.raises(PresetError) as error:
            open_pipeline_file(path)
        assert str(error.value) == f"{path}: {error.value.problems[0][1]}" and fragment in str(error.value)


def test_a_json_pipeline_with_too_many_transforms_stops_at_the_limit(tmp_path):
    flips = [{"__class_fullname__": "HorizontalFlip", "p": 0.5}] * (augview.pipeline.presets.MAX_NODES + 5)
    path = tmp_path / "many.json"
    path.write_text(json.dumps({"transform": {"__class_fullname__": "Compose", "transforms": flips}}))
    with pytest.raises(PresetError, match=r"many\.json: has more than 10000 transforms"):
        open_pipeline_file(path)


# ---------------------------------------------------------------------------------------------
# Exports: left-out steps as data, one message, code torchvision accepts


def test_both_exporters_refuse_and_skip_the_same_way():
    pipe = Pipeline([Step("horizontal_flip"), Step("grid_dropout"), Step("clahe"), Step("vertical_flip", enabled=False)])
    for export, target in ((to_albumentations, "albumentations"), (to_torchvision_code, "torchvision")):
        try:
            export(pipe)
        except Unexportable as error:
            assert error.target == target and all(note.kind == LEFT_OUT for note in error.left_out)
            assert "left out" not in str(error)
        else:
            assert target == "albumentations"  # albumentations has grid_dropout and clahe
        _, notes = export(pipe, skip_unsupported=True)
        assert [n.kind for n in notes if n.kind in (LEFT_OUT, DISABLED)][-1] == DISABLED


def test_cli_export_message_is_the_same_for_both_targets(tmp_path):
    preset = tmp_path / "p.json"
    Pipeline([Step("horizontal_flip"), Step("random_fog")]).save(preset)
    refused = run_cli("export", "--to", "torchvision", preset, "-o", tmp_path / "t.py")
    assert refused.returncode == 1 and not (tmp_path / "t.py").exists()
    assert refused.stderr.strip().splitlines() == [
        f"augview: {preset}: 1 step(s) have no torchvision counterpart: steps[1] (random_fog): no torchvision "
        "counterpart; --skip-unsupported leaves them out"]
    skipped = run_cli("export", "--to", "torchvision", preset, "-o", tmp_path / "t.py", "--skip-unsupported")
    assert skipped.returncode == 0
    assert "augview: steps[1] (random_fog): no torchvision counterpart; left out" in skipped.stderr


@pytest.mark.parametrize("preset", SHIPPED, ids=lambda p: p.stem)
def test_shipped_presets_give_torchvision_code_that_builds(preset, monkeypatch):
    code, _ = to_torchvision_code(Pipeline.load(preset), skip_unsupported=True)
    torchvision_standin.install(monkeypatch)
    namespace: dict = {"__name__": "transforms"}
    exec(compile(code, "transforms.py", "exec"), namespace)  # ValueError on an empty container


def test_left_out_children_and_empty_groups_are_identities(monkeypatch):
    pipe = Pipeline([
        Group("one_of", [Step("random_fog"), Step("invert")]),
        Group("sequence", [Step("random_rain")]),
        Group("random_order", [Step("random_shadow")]),
        Group("some_of", [Step("invert"), Step("gamma")], n=(0, 2)),
        Step("solarize", {"threshold_limit": (255, 256)}),
    ])
    code, _ = to_torchvision_code(pipe, skip_unsupported=True)
    assert "Compose([])" not in code and "v2.Identity()" in code
    v2 = torchvision_standin.install(monkeypatch)
    namespace: dict = {"__name__": "transforms"}
    exec(compile(code, "transforms.py", "exec"), namespace)
    assert isinstance(namespace["transforms"], v2.Compose)
    with pytest.raises(ValueError, match="at least one transform"):
        v2.Compose([])  # the rule the stand-in checks, as torchvision does


def test_standin_signatures_are_torchvisions():
    pytest.importorskip("torchvision")
    from torchvision.transforms import v2

    for name, signature in torchvision_standin.SIGNATURES.items():
        real = [p for p in inspect.signature(getattr(v2, name)).parameters if p not in ("self",)]
        namespace: dict = {}
        exec(f"def f({signature}): pass", namespace)
        ours = list(inspect.signature(namespace["f"]).parameters)
        assert ours == real[:len(ours)], name


@pytest.mark.parametrize("preset", SHIPPED, ids=lambda p: p.stem)
def test_shipped_presets_export_to_albumentations_whole(preset):
    A = pytest.importorskip("albumentations")
    pipe = Pipeline.load(preset)
    data, notes = to_albumentations(pipe)  # no step left out
    assert not [n for n in notes if n.kind == LEFT_OUT]
    A.from_dict(json.loads(json.dumps(data)))
    back = augview.interop.from_albumentations(json.loads(json.dumps(data)))[0]
    assert back.to_dict()["steps"] == pipe.to_dict()["steps"]


def test_a_crop_by_a_fraction_exports_to_crop_and_pad(astronaut):
    A = pytest.importorskip("albumentations")
    image = astronaut[:200, :240]
    for fraction in (0.5, 0.8):
        pipe = Pipeline([Step("center_crop", {"size_mode": "fraction", "fraction": fraction})])
        data, notes = to_albumentations(pipe)
        assert notes == [] and data["transform"]["transforms"][0]["__class_fullname__"] == "CropAndPad"
        theirs = A.from_dict(data)(image=image)["image"]
        assert (theirs == pipe(image, seed=0)).all()


def test_training_tail_round_trips_through_a_preset_and_is_checked(tmp_path):
    tail = [{"transform": "Normalize", "args": {"mean": [0.5, 0.5, 0.5], "std": [0.25, 0.25, 0.25],
                                                "max_pixel_value": 255, "normalization": "standard", "p": 1}},
            {"transform": "ToTensorV2", "args": {"transpose_mask": False}}]
    pipe = Pipeline([Step("horizontal_flip")], training_tail=tail)
    pipe.save(tmp_path / "p.json")
    back = Pipeline.load(tmp_path / "p.json")
    assert back == pipe and back.training_tail[0]["args"]["max_pixel_value"] == 255.0
    assert "training_tail" not in Pipeline([Step("horizontal_flip")]).to_dict()  # old presets stay byte-identical
    bad = pipe.to_dict()
    bad["training_tail"] = [{"transform": "Normalize", "args": {"std": [0, 1, 1], "gamma": 2}},
                            {"transform": "Resize"}]
    with pytest.raises(PresetError) as error:
        Pipeline.from_dict(bad, "bad.json")
    assert [where for where, _ in error.value.problems] == [
        "training_tail[0].args.gamma", "training_tail[0].args.std", "training_tail[1]"]


def test_a_broken_albumentations_file_is_judged_as_one_not_as_a_preset(tmp_path, capsys):
    from augview.cli import main

    for name, data, said in (("a1.json", {"__version__": "2.0.8"}, "expected an object with 'transform'"),
                             ("a2.json", {"__version__": "2.0.8", "transform": [1, 2]}, "transform: must be an object")):
        path = tmp_path / name
        path.write_text(json.dumps(data))
        assert main(["import", str(path), "-o", str(tmp_path / "out.json")]) == 1
        err = capsys.readouterr().err
        assert said in err and "schema_version" not in err and err.count("\n") == 1
