"""Refresh augview's translation catalogues (Qt .ts / .qm) in augview/gui/translations/.

    python tools/update_translations.py            # every catalogue there (today: zh_CN)
    python tools/update_translations.py de         # also start a new one, augview_de.ts

Each run:
1. extracts, with pyside6-lupdate, every ``self.tr(...)`` / ``QCoreApplication.translate(...)``
   string of augview/gui/*.py, plus what the window shows of the Qt-free core: in context "ops",
   the op registry's texts read from ``augview.CATALOG`` (every category, op description,
   parameter help text and unit, and those of a node's own parameters in
   `augview.pipeline.choice`), and in context "core", every ``tr("...")`` template of
   augview's Qt-free packages and augview/errors.py, read from their source (see augview/text.py).
   Existing translations are kept, strings that are gone are dropped, new ones are added as
   unfinished;
2. compiles each .ts with pyside6-lrelease into the .qm the application loads, and lists what is
   still unfinished.

Translate the unfinished entries (pyside6-linguist, or any text editor: a .ts is XML), then run
this again so the .qm follows. The exit status is 1 while anything is unfinished, and
tests/gui/test_translation.py fails then too.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # this checkout's augview, not an installed one

from augview.text import CORE_CONTEXT, OPS_CONTEXT  # noqa: E402

GUI = ROOT / "augview" / "gui"
TRANSLATIONS = GUI / "translations"


def tool(name: str) -> str | None:
    """A Qt tool installed with PySide6 (beside this Python first, so a venv's own is used)."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"augview_{language}.ts"


def gui_sources() -> list[Path]:
    return sorted(GUI.rglob("*.py"))


def ops_texts() -> list[str]:
    """Every registry text the window shows, in a stable order, without duplicates."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from augview.core.registry import CATALOG, CATEGORIES
    from augview.pipeline.choice import N_SPEC, P_SPEC, weight_spec
    from augview.targets.settings import SPECS as TARGET_SPECS

    texts = list(CATEGORIES)
    for name in sorted(CATALOG):
        op = CATALOG[name]
        texts.append(op.description)
        for spec in op.params:
            # Parameter names and choices are shown translated in the form (stored in English).
            texts += [spec.help, spec.unit.strip(), spec.name, *spec.choices]
    for spec in (P_SPEC, N_SPEC, weight_spec(0)):  # a node's own parameters, shown like an op's
        texts += [spec.help, spec.unit.strip()]
    for spec in TARGET_SPECS:  # the pipeline's target settings, shown like an op's parameters
        texts += [spec.help, spec.unit.strip(), spec.name, *spec.choices]
    texts += [P_SPEC.name, N_SPEC.name]
    return [t for t in dict.fromkeys(texts) if t]


def core_texts() -> list[str]:
    """Every ``tr("...")`` template of the core (see augview/text.py)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from augview.text import templates

    return templates()


def write_core_sources(folder: Path) -> Path:
    """The registry texts and the core's templates as translate() calls in a throwaway Python
    file, so lupdate extracts (and merges, and keeps the translations of) them like any other
    string."""
    path = folder / "augview_core_texts.py"
    lines = ["from PySide6.QtCore import QCoreApplication", ""]
    lines += [f"QCoreApplication.translate({OPS_CONTEXT!r}, {text!r})" for text in ops_texts()]
    lines += [f"QCoreApplication.translate({CORE_CONTEXT!r}, {text!r})" for text in core_texts()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def extract(ts: Path, language: str, no_obsolete: bool = True) -> None:
    """Run lupdate over the window's sources and the registry texts into ``ts`` (created if
    missing, merged otherwise)."""
    lupdate = tool("pyside6-lupdate")
    if lupdate is None:
        raise RuntimeError("pyside6-lupdate not found (it comes with PySide6)")
    with tempfile.TemporaryDirectory() as tmp:
        sources = [str(p) for p in gui_sources()] + [str(write_core_sources(Path(tmp)))]
        command = [lupdate, *sources, "-ts", str(ts), "-locations", "none",
                   "-source-language", "en", "-target-language", language]
        command += ["-no-obsolete"] if no_obsolete else []
        subprocess.run(command, check=True, capture_output=True, text=True)
    found = {(context, source) for context, source, _ in messages(ts)}
    wanted = {(OPS_CONTEXT, t) for t in ops_texts()} | {(CORE_CONTEXT, t) for t in core_texts()}
    missing = wanted - found
    if missing:  # lupdate read a text differently from how it was written
        raise RuntimeError(f"lupdate lost {len(missing)} core texts, e.g. {sorted(missing)[0]!r}")


def release(ts: Path) -> Path:
    lrelease = tool("pyside6-lrelease")
    if lrelease is None:
        raise RuntimeError("pyside6-lrelease not found (it comes with PySide6)")
    qm = ts.with_suffix(".qm")
    subprocess.run([lrelease, str(ts), "-qm", str(qm)], check=True, capture_output=True, text=True)
    return qm


def messages(ts: Path) -> dict[tuple[str, str, str], tuple[str, bool]]:
    """``{(context, source, disambiguation): (translation, finished)}`` of a .ts file."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            text = (translation.text or "") if translation is not None else ""
            key = (name, message.findtext("source", ""), message.findtext("comment", ""))
            out[key] = (text, kind not in ("unfinished", "obsolete", "vanished") and bool(text.strip()))
    return out


def unfinished(ts: Path) -> list[tuple[str, str, str]]:
    return [key for key, (_, done) in messages(ts).items() if not done]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("languages", nargs="*", help="language codes to start or refresh (default: all present)")
    args = parser.parse_args(argv)
    languages = list(dict.fromkeys(
        [p.stem.removeprefix("augview_") for p in sorted(TRANSLATIONS.glob("augview_*.ts"))] + args.languages))
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    status = 0
    for language in languages:
        ts = ts_path(language)
        extract(ts, language)
        qm = release(ts)
        todo = unfinished(ts)
        print(f"{ts.relative_to(ROOT)}: {len(messages(ts))} strings, {len(todo)} unfinished "
              f"-> {qm.relative_to(ROOT)}")
        for context, source, _ in todo[:20]:
            print(f"  unfinished [{context}] {source[:90]!r}")
        status = status or (1 if todo else 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
