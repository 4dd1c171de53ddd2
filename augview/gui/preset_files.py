"""Reading a preset (or an albumentations pipeline) for the window, on any thread, and the texts
the window shows about it. A large file is read and checked on a worker so the window stays
responsive (`READ_IN_BACKGROUND_BYTES`)."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication

from augview.errors import AugviewError, PresetError
from augview.interop import open_pipeline_file

READ_IN_BACKGROUND_BYTES = 100_000  # larger presets are read and checked on a worker (~700 steps)


class PresetLoad(NamedTuple):
    """A preset being read on a worker."""

    path: str
    remember: bool  # in the recent files and as the last preset, once it opened
    ticket: int


def read_preset_or_error(path):
    """What `augview.interop.open_pipeline_file` opens, or the AugviewError that says what is
    wrong with the file (returned, not raised, so a worker can hand it back)."""
    try:
        return open_pipeline_file(path)
    except AugviewError as err:
        return err


def problems_text(err: AugviewError) -> str:
    """Several problems of a preset one per line, as the CLI prints them (capped: a dialog no
    taller than a screen)."""
    if not isinstance(err, PresetError) or len(err.problems) < 2:
        return str(err)
    head = QCoreApplication.translate("MainWindow", "{source}: {count} problems:").format(
        source=err.source, count=len(err.problems))
    shown, hidden = err.first()
    lines = [head] + [f"• {where}: {what}" if where else f"• {what}" for where, what in shown]
    return "\n".join(lines + ([err.more(hidden)] if hidden else []))
