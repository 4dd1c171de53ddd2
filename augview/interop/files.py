"""Opening a pipeline file, whatever it holds: an augview preset, or an albumentations pipeline as
JSON or YAML (``A.save``) or as Python (a training script's ``A.Compose([...])``, read, never run). `open_pipeline_file` is the one function the window (*Open preset*)
and the CLI (``augview import``) call; it reads every file through the preset's bounded read
(`augview.pipeline.presets.read_file_bytes`) and tells the formats apart with
`augview.pipeline.presets.is_albumentations`.

YAML is read with limits that apply while it is read, not after: nodes (counting what every alias
repeats), nesting depth and aliases, so a file of a few kilobytes whose aliases expand to billions
of transforms (an alias bomb) is refused in milliseconds, with one sentence naming the file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from augview.errors import PresetError
from augview.interop.albumentations_import import import_albumentations
from augview.interop.albumentations_source import import_albumentations_source
from augview.interop.notes import Note
from augview.pipeline import presets
from augview.pipeline.pipeline import Pipeline
from augview.pipeline.presets import is_albumentations
from augview.text import tr

_YAML_SUFFIXES = (".yaml", ".yml")
# YAML limits: a preset holds at most MAX_NODES steps, each a mapping of a few dozen values.
MAX_YAML_NODES = 40 * presets.MAX_NODES
MAX_YAML_DEPTH = 100
MAX_YAML_ALIASES = 10_000

__all__ = ["MAX_YAML_NODES", "Opened", "is_albumentations", "load_albumentations_file", "open_pipeline_file"]


@dataclass
class Opened:
    """What `open_pipeline_file` read: the pipeline; ``imported`` when it came from another
    format (then ``notes`` says what could not be carried over, ``targets`` what the pipeline said
    about boxes, masks and keypoints)."""

    pipeline: Pipeline
    imported: bool = False
    notes: list[Note] = field(default_factory=list)
    targets: dict = field(default_factory=dict)


def open_pipeline_file(path: str | os.PathLike) -> Opened:
    """An augview preset or an albumentations pipeline (JSON or YAML) as a pipeline. PresetError,
    naming the file, on anything unreadable or invalid."""
    source = str(path)
    if Path(path).suffix.lower() == ".py":  # a training script: read, never run
        raw = presets.read_file_bytes(path)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise PresetError(source, [("", tr("is not UTF-8 text (byte {byte} at offset {offset})").format(
                byte=f"0x{raw[err.start]:02x}", offset=err.start))]) from None
        imported = import_albumentations_source(text, source)
        return Opened(imported.pipeline, True, imported.notes, imported.targets)
    if Path(path).suffix.lower() in _YAML_SUFFIXES:
        data = load_albumentations_file(path)
    else:
        data = presets.decode_preset(presets.read_file_bytes(path), source)
    # A file that means to be albumentations' (its "__version__" or "transform" key, no augview
    # "schema_version") is judged as one: its faults are said in albumentations' terms, not as
    # three missing preset fields.
    meant = isinstance(data, dict) and "schema_version" not in data and ("__version__" in data or "transform" in data)
    if Path(path).suffix.lower() in _YAML_SUFFIXES or is_albumentations(data) or meant:
        imported = import_albumentations(data, source)
        return Opened(imported.pipeline, True, imported.notes, imported.targets)
    return Opened(Pipeline.from_dict(data, source=source))


def load_albumentations_file(path: str | os.PathLike) -> Any:
    """The plain data of an albumentations pipeline file: JSON, or YAML (``.yaml``/``.yml``, needs
    PyYAML, as albumentations itself does). PresetError on anything unreadable."""
    source = str(path)
    raw = presets.read_file_bytes(path)  # same size limit and errors as a preset
    if Path(path).suffix.lower() not in _YAML_SUFFIXES:
        return presets.decode_preset(raw, source)
    try:
        import yaml
    except ImportError:
        raise PresetError(source, [("", tr("is YAML, and reading YAML needs PyYAML: pip install pyyaml"))]) from None
    loader = _limited_loader(yaml)(raw)
    try:
        return loader.get_single_data()
    except _YamlLimit as exc:
        raise PresetError(source, [("", str(exc))]) from None
    except RecursionError:
        raise PresetError(source, [("", tr("is nested too deeply to be a pipeline"))]) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or tr("invalid YAML")
        what = (tr("is not valid YAML: {problem} at line {line}, column {column}").format(
                    problem=problem, line=mark.line + 1, column=mark.column + 1) if mark is not None
                else tr("is not valid YAML: {problem}").format(problem=problem))
        raise PresetError(source, [("", what)]) from None
    except (ValueError, TypeError, OverflowError) as err:  # e.g. a timestamp or an int PyYAML cannot build
        raise PresetError(source, [("", tr("is not valid YAML: {problem}").format(problem=err))]) from None
    finally:
        loader.dispose()


class _YamlLimit(Exception):
    """The YAML passes a limit while it is read."""


def _limited_loader(yaml):
    class LimitedLoader(yaml.SafeLoader):
        """PyYAML's safe loader, counting while it composes: every node, with what each alias
        repeats counted again (``sizes``: the expanded size of each composed node), the nesting
        depth and the aliases. A limit passed stops the reading at once."""

        def __init__(self, stream):
            super().__init__(stream)
            self.sizes: dict[int, int] = {}
            self.depth = 0
            self.aliases = 0

        def compose_node(self, parent, index):
            alias = self.check_event(yaml.AliasEvent)
            if alias:
                self.aliases += 1
                if self.aliases > MAX_YAML_ALIASES:
                    raise _YamlLimit(tr("uses more than {max} YAML aliases").format(max=MAX_YAML_ALIASES))
            self.depth += 1
            if self.depth > MAX_YAML_DEPTH:
                raise _YamlLimit(tr("is nested more than {max} levels deep").format(max=MAX_YAML_DEPTH))
            try:
                node = super().compose_node(parent, index)
            finally:
                self.depth -= 1
            size = self.sizes.get(id(node))
            if size is None and alias:  # the node it names is still being read: it contains itself
                raise _YamlLimit(tr("has a YAML alias that refers to itself"))
            if size is None:
                if isinstance(node, yaml.SequenceNode):
                    parts = node.value
                elif isinstance(node, yaml.MappingNode):
                    parts = [part for pair in node.value for part in pair]
                else:
                    parts = []
                size = 1 + sum(self.sizes[id(part)] for part in parts)
                self.sizes[id(node)] = size
            if size > MAX_YAML_NODES:
                raise _YamlLimit(tr("expands to more than {max} YAML values (its aliases repeat what they "
                                    "point to), more than a pipeline holds").format(max=MAX_YAML_NODES))
            return node

    return LimitedLoader
