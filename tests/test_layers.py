"""The core never imports Qt: checked on the real import graph, in a fresh interpreter."""

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "augview" / "core"
QT = ("PySide6", "shiboken6", "superqt", "PyQt5", "PyQt6", "qtpy")


def test_importing_the_public_api_loads_no_qt():
    code = (
        "import sys, augview, augview.core, augview.cli; "
        "from augview.core import grid, imageio, presets; "
        f"bad = [m for m in sys.modules if m.split('.')[0] in {QT!r}]; "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt modules loaded by the core: {out.stdout}"


def test_no_core_module_names_qt_or_the_gui():
    offenders = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in QT or name.startswith("augview.gui"):
                    offenders.append(f"{path.name}: {name}")
    assert not offenders, offenders
