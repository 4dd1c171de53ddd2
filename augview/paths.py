"""Where the bundled sample photos and shipped presets live (top-level assets/ and presets/ of the
source tree, which an editable install keeps in place)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
PRESETS = ROOT / "presets"
SAMPLE_IMAGE = ASSETS / "astronaut.png"
DEFAULT_PRESET = PRESETS / "light_classification.json"


def builtin_presets() -> list[Path]:
    return sorted(PRESETS.glob("*.json")) if PRESETS.is_dir() else []
