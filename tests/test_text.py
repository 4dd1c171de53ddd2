"""The core's sentences go through `augview.text.tr`, so a translated window can show them.

Checked on the source (every template can be found by the catalogue tool; no error a person
reads is raised from a bare string) and on behaviour (an installed translator changes what the
core says, and uninstalling it brings English back).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import numpy as np
import pytest

from augview import text
from augview.core.imageio import load_image
from augview.pipeline.pipeline import Pipeline
from augview.pipeline.presets import parse_preset
from augview.pipeline.nodes import Step
from augview.errors import ImageLoadError, PresetError

import translation_tool

ROOT = Path(__file__).resolve().parents[1]
# Exceptions the window shows as they are: their messages must be translatable.
SHOWN_ERRORS = {"AugviewError", "AnnotationError", "ImageLoadError", "InvalidImageError", "PresetError"}
WORDS = re.compile(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}")


tool = translation_tool.load()


@pytest.fixture
def shouting():
    """A stand-in translator: every core text in capitals, so a translated one is easy to tell."""
    seen = []

    def translate(context, source):
        seen.append((context, source))
        return re.sub(r"[^{}]+(?=\{|$)", lambda m: m.group().upper(), source)

    text.set_translator(translate)
    yield seen
    text.set_translator(None)


def test_every_tr_call_of_the_core_has_one_literal_template():
    bad = [f"{path.relative_to(ROOT)}:{line}" for path in text.source_files()
           for line, template in text.tr_calls(path) if template is None]
    assert not bad
    templates = text.templates()
    assert templates == tool.core_texts()
    assert len(templates) > 100
    assert "{name}: no such file" in templates


def _english_literals(node: ast.AST) -> list[str]:
    """Literal English sentences under ``node`` that do not go through ``tr``."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr":
        return []
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if WORDS.search(node.value) else []
    if isinstance(node, ast.JoinedStr):
        literal = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        return [literal] if WORDS.search(literal) else []
    return [s for child in ast.iter_child_nodes(node) for s in _english_literals(child)]


def test_errors_the_window_shows_are_never_raised_from_bare_english():
    offenders = []
    for path in text.source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            call = node.exc if isinstance(node, ast.Raise) else None
            if not isinstance(call, ast.Call):
                continue
            name = call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")
            if name in SHOWN_ERRORS:
                offenders += [f"{path.name}:{node.lineno}: {s!r}" for s in _english_literals(call)]
    assert not offenders, "\n".join(offenders)


def test_english_without_a_translator(tmp_path):
    with pytest.raises(ImageLoadError, match=r"missing\.png: no such file$"):
        load_image(tmp_path / "missing.png")


def test_an_installed_translator_changes_what_the_core_says(tmp_path, shouting):
    with pytest.raises(ImageLoadError) as caught:
        load_image(tmp_path / "missing.png")
    assert str(caught.value) == f"{tmp_path / 'missing.png'}: NO SUCH FILE"
    assert ("core", "{name}: no such file") in shouting

    with pytest.raises(PresetError) as caught:
        parse_preset({"schema_version": 1, "steps": [{"op": "rotate", "params": {}, "p": 2}]}, "x.json")
    message = str(caught.value)
    assert message.startswith("x.json") and "PROBABILITY" in message and "probability" not in message

    image = np.zeros((8, 8, 3), np.uint8)
    result = Pipeline([Step("rotate", p=0.0)]).apply(image, seed=1)
    assert result.summary == text.tr("(nothing fired)") == "(NOTHING FIRED)"


def test_removing_the_translator_brings_english_back(tmp_path):
    text.set_translator(lambda context, source: "X")
    text.set_translator(None)
    assert text.tr("{name}: no such file") == "{name}: no such file"
    assert text.op_text("geometric") == "geometric"


def test_an_empty_translation_falls_back_to_english():
    text.set_translator(lambda context, source: "")
    try:
        assert text.tr("(nothing fired)") == "(nothing fired)"
    finally:
        text.set_translator(None)


def test_count_picks_the_english_plural():
    one, many = text.tr("{n} image"), text.tr("{n} images")
    assert text.count(1, one, many) == "1 image"
    assert text.count(0, one, many) == "0 images"
    assert text.count(3, one, many) == "3 images"


def test_a_translation_table_carries_the_language_to_another_process(shouting):
    """Worker processes of a folder run have no Qt: they get the window's translations as a
    plain table (pickled with the pool's initializer)."""
    table = text.translation_table()
    assert table["{name}: no such file"] == "{name}: NO SUCH FILE"
    assert set(table) == set(text.templates())
    text.set_translator(None)
    assert text.translation_table() is None
    text.use_translation_table(table)
    assert text.tr("{name}: no such file") == "{name}: NO SUCH FILE"
    assert text.op_text("geometric") == "geometric"  # the table holds the core's sentences only
    text.use_translation_table(None)
    assert text.tr("{name}: no such file") == "{name}: no such file"
