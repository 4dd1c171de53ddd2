"""Recently opened files, newest first, kept in the window's settings (keys ``recent_images`` and
``recent_presets``)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

MAX_RECENT = 8
KEYS = ("recent_images", "recent_presets")


class RecentFiles:
    def __init__(self, settings: QSettings):
        self.settings = settings

    def paths(self, key: str) -> list[str]:
        # An INI file stores a one-item list as a plain string: read it back as a list.
        value = self.settings.value(key, [])
        return [value] if isinstance(value, str) else list(value or [])

    def remember(self, key: str, path: str) -> None:
        """``path`` first, without duplicates, at most `MAX_RECENT`."""
        items = [p for p in self.paths(key) if p != path]
        self.settings.setValue(key, ([path] + items)[:MAX_RECENT])
