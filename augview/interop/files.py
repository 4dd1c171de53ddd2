"""Reading pipeline files that are not augview presets: telling an albumentations pipeline's data
from a preset, and reading albumentations JSON or YAML with the same size limit and one-sentence
errors as a preset."""


from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from augview.pipeline import presets
from augview.text import tr
from augview.errors import PresetError



def is_albumentations(data: Any) -> bool:
    """True for the plain data of an albumentations pipeline (its ``A.save`` / ``A.to_dict`` form)."""
    return (isinstance(data, dict) and "schema_version" not in data
            and isinstance(data.get("transform"), dict) and "__class_fullname__" in data["transform"])

_YAML_SUFFIXES = (".yaml", ".yml")


def load_albumentations_file(path: str | os.PathLike) -> Any:
    """The plain data of an albumentations pipeline file: JSON, or YAML (``.yaml``/``.yml``, needs
    PyYAML, as albumentations itself does). PresetError on anything unreadable."""
    source = str(path)
    if Path(path).suffix.lower() not in _YAML_SUFFIXES:
        return presets.read_preset_file(path)  # same size limit, encoding and JSON error messages
    try:
        import yaml
    except ImportError:
        raise PresetError(source, [("", tr("is YAML, and reading YAML needs PyYAML: pip install pyyaml"))]) from None
    try:
        size = os.path.getsize(path)
        if size > presets.MAX_BYTES:
            raise PresetError(source, [("", tr("is {size} bytes; a pipeline file is at most {max}").format(
                size=size, max=presets.MAX_BYTES))])
        with open(path, "rb") as handle:
            raw = handle.read(presets.MAX_BYTES + 1)
    except FileNotFoundError:
        raise PresetError(source, [("", tr("no such file"))]) from None
    except IsADirectoryError:
        raise PresetError(source, [("", tr("is a folder, not a pipeline file"))]) from None
    except OSError as err:
        raise PresetError(source, [("", tr("cannot be read ({reason})").format(reason=err.strerror or err))]) from None
    try:
        return yaml.safe_load(raw)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or tr("invalid YAML")
        what = (tr("is not valid YAML: {problem} at line {line}, column {column}").format(
                    problem=problem, line=mark.line + 1, column=mark.column + 1) if mark is not None
                else tr("is not valid YAML: {problem}").format(problem=problem))
        raise PresetError(source, [("", what)]) from None
