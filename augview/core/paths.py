"""Where the bundled sample photos and shipped presets are.

They live at the repository's top level (``assets/``, ``presets/``) and are mapped into the wheel
as ``augview/assets`` and ``augview/presets`` (see ``[tool.setuptools]`` in pyproject.toml). An
installed wheel finds them inside the package; an editable install or a source checkout, where
the package folder has no copy, finds them beside it.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]  # augview/


def _data_folder(name: str) -> Path:
    installed = PACKAGE / name
    return installed if installed.is_dir() else PACKAGE.parent / name


ASSETS = _data_folder("assets")
PRESETS = _data_folder("presets")
SAMPLE_IMAGE = ASSETS / "astronaut.png"
DEFAULT_PRESET = PRESETS / "light_classification.json"


def builtin_presets() -> list[Path]:
    return sorted(PRESETS.glob("*.json")) if PRESETS.is_dir() else []


def builtin_preset(name: str) -> Path | None:
    """The shipped preset called ``name`` (``light_classification`` or its file name), or None."""
    for path in builtin_presets():
        if name in (path.stem, path.name):
            return path
    return None


def resolve_preset(value: str) -> str:
    """A preset argument as a path: an existing file as given, else the shipped preset of that
    name (``light_classification``), else ``value`` unchanged (so its error names what was given)."""
    if Path(value).exists():
        return value
    builtin = builtin_preset(value)
    return str(builtin) if builtin is not None else value
