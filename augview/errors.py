"""Exception types a user of augview may want to catch.

Every message is one readable sentence that names the file (when there is one) and the problem, so
the CLI and the window can show it as is, without a traceback. This module imports nothing of
augview but the translation leaf, `augview.text`.
"""

from __future__ import annotations

from augview.text import tr


class AugviewError(Exception):
    """Base class of every error augview raises on purpose."""


class ImageLoadError(AugviewError):
    """An image file could not be read or decoded."""


class InvalidImageError(AugviewError, ValueError):
    """An array handed to an op or a pipeline is not a uint8 (H, W) or (H, W, 3) image."""


class OptionError(AugviewError, ValueError):
    """A setting handed to augview cannot be used: a count, a seed or an output format out of
    range, a file suffix no image format has. Also a ValueError, as a bad argument is in Python."""


class PresetError(AugviewError):
    """A preset is invalid. ``problems`` lists every problem as ``(location, message)``."""

    def __init__(self, source: str, problems: list[tuple[str, str]]):
        self.source = source
        self.problems = list(problems)
        if len(self.problems) == 1:
            where, what = self.problems[0]
            text = f"{source}: {where}: {what}" if where else f"{source}: {what}"
        else:
            text = tr("{source}: {count} problems: {problems}").format(
                source=source, count=len(self.problems), problems=tr("; ").join(
                    f"{where}: {what}" if where else what for where, what in self.problems))
        super().__init__(text)

    def lines(self) -> list[str]:
        """One line per problem, each naming the file and the location."""
        return [
            f"{self.source}: {where}: {what}" if where else f"{self.source}: {what}"
            for where, what in self.problems
        ]
