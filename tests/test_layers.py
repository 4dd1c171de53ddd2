"""The layers of augview hold: import-linter checks the contracts in pyproject.toml (a lower layer
never imports a higher one; only the window imports Qt), and importing the public API in a fresh
interpreter loads no Qt."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT = ("PySide6", "shiboken6", "superqt", "PyQt5", "PyQt6", "qtpy")


def test_import_contracts_are_kept():
    from importlinter.cli import lint_imports

    # lint_imports reads pyproject.toml from the working directory and returns 0 when every
    # contract is kept; the report is printed (pytest shows it on failure).
    code = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True)
    assert code == 0, "an import contract is broken: see the report above"


def test_the_contracts_catch_a_lower_layer_importing_a_higher_one(tmp_path):
    """The contract is not vacuous: a copy of the package where the core imports the window fails."""
    import shutil

    copy = tmp_path / "augview"
    shutil.copytree(ROOT / "augview", copy, ignore=shutil.ignore_patterns("__pycache__", "translations"))
    registry = copy / "core" / "registry.py"
    registry.write_text(registry.read_text() + "\nimport augview.gui.main_window  # noqa\n")
    config = (ROOT / "pyproject.toml").read_text()
    (tmp_path / "pyproject.toml").write_text(config)
    code = (
        "import sys; from importlinter.cli import lint_imports; "
        f"sys.exit(lint_imports(config_filename={str(tmp_path / 'pyproject.toml')!r}, no_cache=True))"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                          env={"PYTHONPATH": str(tmp_path), "PATH": ""})
    assert proc.returncode != 0, proc.stdout + proc.stderr
    assert "augview.core.registry -> augview.gui.main_window" in proc.stdout


def test_importing_the_public_api_loads_no_qt():
    code = (
        "import sys, augview, augview.cli, augview.interop, augview.batch.run, augview.multi, augview.tta; "
        "from augview.analysis import grid; from augview.core import imageio; "
        "from augview.pipeline import presets; "
        f"bad = [m for m in sys.modules if m.split('.')[0] in {QT!r}]; "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt modules loaded by the core: {out.stdout}"


@pytest.mark.parametrize("package", sorted(p.name for p in (ROOT / "augview").iterdir()
                                           if (p / "__init__.py").is_file()))
def test_every_package_says_what_lives_there(package):
    import ast

    tree = ast.parse((ROOT / "augview" / package / "__init__.py").read_text(encoding="utf-8"))
    doc = ast.get_docstring(tree) or ""
    assert len(doc.split()) >= 20, f"augview/{package}/__init__.py needs a paragraph on what lives there"


def test_no_folder_holds_more_than_about_fifteen_modules():
    for folder in (ROOT / "augview").rglob("*"):
        if folder.is_dir() and folder.name != "__pycache__":
            modules = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
            assert len(modules) <= 16, f"{folder} holds {len(modules)} modules"
