"""Generated code carries the user's text only as literals or comments (issue 14): a preset name,
a description or a file name never runs, whatever characters it holds."""

from __future__ import annotations

import ast
import sys
import types

import pytest

from augview import Pipeline, Step
from augview.interop import to_python_code, to_torchvision_code
from augview.interop.python_code import comment


def payloads(mark) -> list[str]:
    """Texts that try every way out of a docstring, a string literal or a comment; each would
    create ``mark`` if any of it ran."""
    run = f"__import__('pathlib').Path({str(mark)!r}).touch()"
    return [
        f'x""";{run};"""',
        f"x''';{run};'''",
        f"x\n{run}\n",
        f"x\r{run}\r",
        f"x\r\n{run}\r\n",
        f"x\u2028{run}\u2028",
        f"x\u2029{run}",
        f"x\x85{run}",
        f"x\x0c\n{run}",
        f"x\x00\n{run}",
        f"x\\\n{run}",
        f"x\\",
        f"x'); {run} #",
        f'x"); {run} #',
        f"{{0}}{{name}}%s\n{run}",
        f"x\ud800\n{run}",
    ]


def shape(code: str) -> str:
    """The code's syntax tree with every string constant blanked: equal shapes mean the text
    changed no statement, only the values of literals."""
    tree = ast.parse(code)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            node.value = ""
    return ast.dump(tree)


def test_comment_cannot_be_closed():
    for text in payloads("m"):
        line = "# " + comment(text)
        assert len(line.splitlines()) == 1 and line.isprintable()
        assert ast.parse(line).body == []


@pytest.fixture
def standin(monkeypatch):
    """Modules that make the torchvision snippet build without torch: every name is a no-op class."""
    class Anything:
        def __init__(self, *args, **kwargs):
            pass

        def __getattr__(self, name):
            return Anything

    v2 = types.ModuleType("torchvision.transforms.v2")
    v2.__getattr__ = lambda name: Anything
    tv_tensors = types.ModuleType("torchvision.tv_tensors")
    tv_tensors.__getattr__ = lambda name: Anything
    transforms = types.ModuleType("torchvision.transforms")
    transforms.v2, transforms.InterpolationMode, transforms.AutoAugmentPolicy = v2, Anything(), Anything()
    torchvision = types.ModuleType("torchvision")
    torchvision.transforms, torchvision.tv_tensors = transforms, tv_tensors
    for name, module in {"torch": types.ModuleType("torch"), "torchvision": torchvision,
                         "torchvision.transforms": transforms, "torchvision.transforms.v2": v2,
                         "torchvision.tv_tensors": tv_tensors}.items():
        monkeypatch.setitem(sys.modules, name, module)


@pytest.mark.parametrize("targets", [None, {"mask_fill": 255, "min_area": 16.0, "min_visibility": 0.3}])
def test_torchvision_code_runs_no_text_of_the_preset(tmp_path, standin, targets):
    """Also with target settings: the fill dictionaries, the usage block and the box steps."""
    mark = tmp_path / "INJECTED"
    steps = [Step("horizontal_flip"), Step("grid_distortion"), Step("rotate", enabled=False),
             Step("affine", {"fill": 4})]
    benign, _ = to_torchvision_code(Pipeline(steps, name="plain", targets=targets), skip_unsupported=True)
    assert ("SanitizeBoundingBoxes" in benign) == (targets is not None)
    for text in payloads(mark):
        pipe = Pipeline(steps, name="plain", targets=targets)
        pipe.name = pipe.description = text  # what the window may hold before a save
        code, _ = to_torchvision_code(pipe, skip_unsupported=True)
        assert shape(code) == shape(benign), repr(text)
        exec(compile(code, "transforms.py", "exec"), {"__name__": "transforms"})
        assert not mark.exists(), repr(text)


def test_python_code_runs_no_text_of_the_file_names(tmp_path, monkeypatch):
    mark = tmp_path / "INJECTED"
    calls = []
    fake = types.ModuleType("augview")
    fake.Pipeline = types.SimpleNamespace(load=lambda path: calls.append(("load", path)) or types.SimpleNamespace(
        seed=0, apply=lambda image, seed: types.SimpleNamespace(image=image, summary="")))
    fake.load_image = lambda path: calls.append(("image", path))
    fake.save_image = lambda path, image: calls.append(("save", path))
    monkeypatch.setitem(sys.modules, "augview", fake)
    benign = to_python_code("preset.json", "image.png", "out.png")
    for text in payloads(mark):
        code = to_python_code(f"presets/{text}.json", text, text + ".png")
        assert shape(code) == shape(benign), repr(text)
        calls.clear()
        exec(compile(code, "augment.py", "exec"), {"__name__": "__main__"})
        assert not mark.exists(), repr(text)
        assert calls == [("load", f"presets/{text}.json"), ("image", text), ("save", text + ".png")]
