"""One albumentations transform's arguments as the readers of
`augview.interop.albumentations_readers` see them (`Args`: albumentations' defaults, its meaning
of a single number, what was read), and the small rules they share.
"""

from __future__ import annotations

import json
import math
from typing import Any

from augview.interop.albumentations_export import BORDER_NAMES, INTERP_NAMES
from augview.interop.notes import IGNORED
from augview.text import tr

# Arguments that only concern masks, boxes or keypoints, or the library's own bookkeeping.
IGNORED_KEYS = {"__class_fullname__", "__version__", "p", "mask_interpolation", "fill_mask", "strict",
            "keypoint_remapping_method", "area_for_downscale", "rotate_method", "always_apply", "id",
            "bbox_params", "keypoint_params", "additional_targets", "is_check_shapes", "seed",
            "save_applied_params"}
NOT_AUGMENTATIONS = {"FromFloat", "ToRGB", "ToSepia", "ToTensor", "Lambda"}


class Malformed(Exception):
    """Data that no albumentations would load."""


def tidy(value: float) -> float:
    # Undo float noise from unit changes (5 / 255 * 255), so an exported preset re-imports equal.
    return float(round(value, 9))


def number(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise Malformed(tr("{key} must be a number, got {value}").format(key=what, value=json.dumps(value)[:40]))
    return value


class Args:
    """One transform's arguments, read with albumentations' defaults; remembers what was read.
    ``note(text, kind=APPROXIMATE)`` hears what is approximated or ignored; ``size`` is the image
    (height, width) at this step when an earlier step fixes it (a Resize, a crop), else None."""

    def __init__(self, data: dict, note, size: tuple[int, int] | None = None):
        self.data, self.note, self.read, self.size = data, note, set(), size

    def get(self, key: str, default: Any = None) -> Any:
        """The argument, or ``default`` when it is missing or null."""
        value = self.raw(key, default)
        return default if value is None else value

    def raw(self, key: str, default: Any = None) -> Any:
        """The argument as written (null stays None), or ``default`` when it is missing."""
        self.read.add(key)
        return self.data.get(key, default)

    def num(self, key: str, default: float) -> float:
        return number(self.get(key, default), key)

    def range(self, key: str, default, scalar: str = "symmetric") -> tuple[float, float]:
        """A (low, high) pair; a single number means what albumentations makes of it."""
        value = self.get(key, default)
        if isinstance(value, (list, tuple)) and len(value) == 2:
            low, high = (number(v, key) for v in value)
            return (low, high) if low <= high else (high, low)
        v = number(value, key)
        return {"symmetric": (-abs(v), abs(v)), "fixed": (v, v), "from0": (0.0, v), "from1": (1.0, v),
                "from3": (3.0, v), "jitter": (max(0.0, 1.0 - v), 1.0 + v)}[scalar]

    def axes(self, key: str, neutral: float, default=None) -> tuple[tuple, tuple]:
        """Affine-style x and y ranges: a number or pair for both axes, or {"x": ..., "y": ...}."""
        value = self.get(key, default)
        if value is None:
            return (neutral, neutral), (neutral, neutral)
        if isinstance(value, dict):
            return tuple(Args(value, self.note).range(axis, neutral, "fixed") for axis in ("x", "y"))
        if isinstance(value, (list, tuple)) and len(value) != 2:
            raise Malformed(tr("{key} must be a number, a [low, high] pair or {{\"x\": ..., \"y\": ...}}, "
                                "got {value}").format(key=key, value=json.dumps(value)[:40]))
        both = Args({key: value}, self.note).range(key, neutral, "fixed")
        return both, both

    def choice(self, key: str, default: int, names: dict, what: str) -> str:
        code = self.get(key, default)
        if code not in names:
            message = (tr("{key} {value} is not an OpenCV interpolation flag") if what == "interpolation"
                       else tr("{key} {value} is not an OpenCV border flag"))
            raise Malformed(message.format(key=key, value=json.dumps(code)[:40]))
        return names[code]

    def option(self, key: str, default: str, options: tuple) -> str:
        value = self.get(key, default)
        if value not in options:
            raise Malformed(tr("{key} must be one of {options}, got {value}").format(
                key=key, options=", ".join(map(repr, options)), value=json.dumps(value)[:40]))
        return value

    def warp(self, border: bool = True, border_default: int = 0) -> dict:
        out = {"interpolation": self.choice("interpolation", 1, INTERP_NAMES, "interpolation")}
        if border:
            out["border_mode"] = self.choice("border_mode", border_default, BORDER_NAMES, "border")
            out["fill"] = self.fill()
        return out

    def fill(self, key: str = "fill") -> int:
        value = self.get(key, 0)
        if isinstance(value, (list, tuple)):
            values = [number(v, key) for v in value]
            if len(set(values)) > 1:
                self.note(tr("{key} {values} per channel: augview fills with one grey level, used the first").format(
                    key=key, values=values))
            value = values[0] if values else 0
        return int(round(number(value, key)))

    def flag(self, key: str, default: bool, neutral: bool, why: str) -> None:
        if bool(self.get(key, default)) != neutral:
            self.note(tr("{key}={value} ignored: {why}").format(key=key, value=not neutral, why=why), IGNORED)

    def unread(self) -> list[str]:
        return sorted(k for k in self.data if k not in self.read and k not in IGNORED_KEYS)
