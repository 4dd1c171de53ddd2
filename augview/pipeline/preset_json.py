"""The bytes of a preset file: read at most `MAX_BYTES`, decoded as UTF-8 JSON (a BOM allowed, a
key given twice refused), and written back indented, with lists of plain values on one line.
What the data means is `augview.pipeline.presets`'s; every problem here is a `PresetError`
naming the file.
"""

from __future__ import annotations

import codecs
import json
import os
from typing import Any

from augview.errors import PresetError
from augview.text import tr

MAX_BYTES = 5_000_000


def read_file_bytes(path: str | os.PathLike) -> bytes:
    """The bytes of a preset (or pipeline) file, at most MAX_BYTES; PresetError on anything
    unreadable. The one bounded read of every file that may become a preset."""
    source = str(path)
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise PresetError(source, [("", tr("is {size} bytes; a preset is at most {max}").format(size=size, max=MAX_BYTES))])
        # Read at most one byte past the limit: the file may grow after the size check, or be a
        # device like /dev/zero whose size says 0.
        with open(path, "rb") as handle:
            # Asking for the size the file says (not the whole limit) keeps the buffer small.
            raw = handle.read(size + 1 if 0 < size else MAX_BYTES + 1)
            if len(raw) > size > 0:
                raw += handle.read(MAX_BYTES + 1 - len(raw))
        if len(raw) > MAX_BYTES:
            raise PresetError(source, [("", tr("is more than {max} bytes, the most a preset may be").format(max=MAX_BYTES))])
    except FileNotFoundError:
        raise PresetError(source, [("", tr("no such file"))]) from None
    except IsADirectoryError:
        raise PresetError(source, [("", tr("is a folder, not a preset file"))]) from None
    except OSError as err:
        raise PresetError(source, [("", tr("cannot be read ({reason})").format(reason=err.strerror or err))]) from None
    return raw


def decode_preset(raw: bytes, source: str) -> Any:
    # The BOM is stripped by hand so that a bad byte's offset counts from the start of the file.
    start = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    try:
        text = raw[start:].decode("utf-8")
    except UnicodeDecodeError as err:
        offset = start + err.start
        raise PresetError(source, [("", tr("is not UTF-8 text (byte {byte} at offset {offset})").format(
            byte=f"0x{raw[offset]:02x}", offset=offset))]) from None
    if not text.strip():
        raise PresetError(source, [("", tr("is empty"))])
    try:
        # NaN and Infinity are let through here so that validation can say where they are.
        return json.loads(text, parse_constant=float, object_pairs_hook=_no_repeated_keys)
    except _RepeatedKey as err:
        raise PresetError(source, [("", tr("gives the key {key} twice in one object; JSON would keep only the "
                                           "last, so which one was meant is unclear").format(key=err.key))]) from None
    except json.JSONDecodeError as err:
        raise PresetError(source, [("", tr("is not valid JSON: {reason} at line {line}, column {column}").format(
            reason=err.msg, line=err.lineno, column=err.colno))]) from None
    except RecursionError:
        raise PresetError(source, [("", tr("is nested too deeply to be a preset"))]) from None
    except ValueError:  # the one other failure of json.loads: an integer of over 4300 digits
        raise PresetError(source, [("", tr("is not valid JSON: it holds a number too long to read (over 4300 digits)"))]) from None


class _RepeatedKey(ValueError):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = json.dumps(key)[:80]


def _no_repeated_keys(pairs: list) -> dict:
    """A JSON object as a dict, refusing a key given twice (``{"op": "flip", "op": "rotate"}``)."""
    out = dict(pairs)
    if len(out) != len(pairs):
        seen = set()
        for key, _ in pairs:
            if key in seen:
                raise _RepeatedKey(key)
            seen.add(key)
    return out


def encode_preset(data: dict) -> bytes:
    """Indented JSON, with lists of plain values (ranges, weights) kept on one line for reading."""
    return (_dump(data, 0) + "\n").encode("utf-8")


def _dump(value: Any, level: int) -> str:
    pad, inner = "  " * level, "  " * (level + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{inner}{_scalar(str(k))}: {_dump(v, level + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, (list, tuple)):
        if all(not isinstance(v, (dict, list, tuple)) for v in value):
            return "[" + ", ".join(_scalar(v) for v in value) + "]"
        return "[\n" + ",\n".join(inner + _dump(v, level + 1) for v in value) + "\n" + pad + "]"
    return _scalar(value)


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)
