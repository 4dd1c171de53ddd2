"""Sentences of the core that a person reads, translatable without Qt.

The core writes English. Every sentence the window can show (error messages, grid captions, the
explanations of the teaching views, the apply log) is written as a template passed to `tr`, with
its fields filled in afterwards, never before::

    raise ImageLoadError(tr("{path}: no such file").format(path=path))

`tr` returns the template itself until an interface installs a translation function with
`set_translator`; the window installs Qt's (catalogue context "core") when it starts in another
language, so the same core code gives Chinese sentences there and English ones in the CLI and the
Python API. The op registry's own texts (descriptions, categories, parameter help and units) are
looked up the same way in context "ops", through `op_text`.

`templates` collects every ``tr("...")`` of the core by reading the source (for
tools/update_translations.py, and to hand a translation table to worker processes, which have
no Qt), so the argument must be a plain string literal; tests/test_text.py checks that.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path
from typing import Callable

CORE_CONTEXT = "core"
OPS_CONTEXT = "ops"
PACKAGE = Path(__file__).resolve().parent  # augview/
# Every Qt-free part of augview that writes sentences (the window has its own tr()).
SOURCES = tuple(PACKAGE / name for name in (
    "errors.py", "core", "targets", "ops", "pipeline", "annotations", "analysis", "multi", "interop", "batch",
    "tta.py"))

# (context, English text) -> text in the interface language; None: English.
Translator = Callable[[str, str], str]
_translator: Translator | None = None


def set_translator(translator: Translator | None) -> None:
    """Install the function that translates the core's texts (None: back to English). It may be
    called from worker threads, so it must be thread-safe (Qt's translate is)."""
    global _translator
    _translator = translator


def tr(template: str) -> str:
    """``template`` in the interface language; fill its ``{fields}`` with ``.format`` after."""
    return _translate(CORE_CONTEXT, template)


def op_text(text: str) -> str:
    """An op's description, category, parameter help or unit in the interface language."""
    return _translate(OPS_CONTEXT, text)


def unit_text(unit: str) -> str:
    """A parameter's unit in the interface language, keeping its spacing (" turn", "px", "°")."""
    word = unit.strip()
    return unit.replace(word, op_text(word)) if word else unit


# Control characters (C0, DEL, C1) as escapes; the usual ones by their short names.
CONTROL_CODES = (*range(0x20), 0x7F, *range(0x80, 0xA0))  # C0, DEL and C1: the control characters
_CONTROL = {code: f"\\x{code:02x}" for code in CONTROL_CODES}
_CONTROL.update({0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"})


def printable(text: str) -> str:
    """``text`` with its control characters written as escapes (``\\n``, ``\\x1b``): a message
    naming a file called "a\\nb.png" or holding a terminal escape stays one line on a terminal and
    cannot drive it."""
    return text.translate(_CONTROL)


def count(number: int, one: str, many: str, **fields) -> str:
    """``one`` or ``many`` (both already passed through `tr`) with ``{n}`` and any other
    ``fields`` filled in, by the English rule; languages without a plural use the same words for
    both."""
    return (one if number == 1 else many).format(n=number, **fields)


def _translate(context: str, text: str) -> str:
    translator = _translator
    if translator is None or not text:
        return text
    return translator(context, text) or text


def tr_calls(path: Path) -> list[tuple[int, str | None]]:
    """``(line, template)`` of every call of a function named ``tr`` in a source file; the
    template is None when the argument is not one plain string literal (no catalogue could
    hold it then)."""
    calls = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr":
            literal = (len(node.args) == 1 and not node.keywords and isinstance(node.args[0], ast.Constant)
                       and isinstance(node.args[0].value, str))
            calls.append((node.lineno, node.args[0].value if literal else None))
    return sorted(calls)


def source_files() -> list[Path]:
    files = []
    for source in SOURCES:
        files += sorted(source.rglob("*.py")) if source.is_dir() else [source]
    return files


@functools.cache  # the sources do not change while a program runs
def _templates() -> tuple[str, ...]:
    found = []
    for path in source_files():
        for line, template in tr_calls(path):
            if template is None:
                raise ValueError(f"{path}:{line}: tr() needs one string literal")
            found.append(template)
    return tuple(dict.fromkeys(found))


def templates() -> list[str]:
    """Every ``tr("...")`` template of the core, in source order, without duplicates."""
    return list(_templates())


def translation_table() -> dict[str, str] | None:
    """The installed translation of every core template, for a process that cannot call the
    installed translator (a worker process has no Qt application); None while English."""
    if _translator is None:
        return None
    return {template: _translate(CORE_CONTEXT, template) for template in templates()}


def use_translation_table(table: dict[str, str] | None) -> None:
    """Translate the core's templates with a `translation_table` from another process."""
    set_translator(None if table is None else
                   lambda context, source: table.get(source, source) if context == CORE_CONTEXT else source)
