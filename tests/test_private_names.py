"""No module of augview imports, reads or sets another module's private names: what one module
needs from another is public there (issue 10). A private name (one leading underscore) may be
used on another object only in the module that defines it, e.g. `Pipeline.copy` resetting the
copy's ``_stream``."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "augview"
# Private names of other libraries that have no public equivalent, with where and why.
ALLOWED = {
    ("augview/pipeline/pipeline.py", "_identity"),  # multiprocessing's process identity (worker seeds)
    ("augview/batch/workers.py", "_exit"),  # os._exit: the documented way to leave a child process at once
}


def private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def defined_names(tree: ast.AST) -> set[str]:
    """Every name a module defines: functions, classes, globals and attributes it assigns."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
    return names


def violations(path: Path, where: str) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = defined_names(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            found += [f"{where}:{node.lineno}: imports {alias.name} from {node.module}"
                      for alias in node.names if private(alias.name)]
        elif isinstance(node, ast.Attribute) and private(node.attr):
            base = node.value.id if isinstance(node.value, ast.Name) else None
            if base not in ("self", "cls") and node.attr not in own and (where, node.attr) not in ALLOWED:
                found.append(f"{where}:{node.lineno}: uses .{node.attr} of another module's object")
    return found


def test_no_module_uses_another_modules_private_names():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        found += violations(path, path.relative_to(ROOT).as_posix())
    assert not found, "\n".join(found)


def test_the_check_sees_private_imports_and_attributes(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("from augview.ops.geometric.crops import _hidden\n\ndef f(window):\n    window._secret = 1\n")
    assert [v.split(": ", 1)[1] for v in violations(probe, "probe.py")] == [
        "imports _hidden from augview.ops.geometric.crops"]  # ._secret is set here: this module's own name
    probe.write_text("def f(window, other):\n    other.__class__\n    return window._secret\n")
    assert [v.split(": ", 1)[1] for v in violations(probe, "probe.py")] == [
        "uses ._secret of another module's object"]
