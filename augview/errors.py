"""Exception types a user of augview may want to catch.

Every message is one readable sentence that names the file (when there is one) and the problem, so
the CLI and the window can show it as is, without a traceback. This module imports nothing of
augview but the translation leaf, `augview.text`.
"""

from __future__ import annotations

from augview.text import count, tr


class AugviewError(Exception):
    """Base class of every error augview raises on purpose."""


class ImageLoadError(AugviewError):
    """An image file could not be read or decoded."""


class InvalidImageError(AugviewError, ValueError):
    """An array handed to an op or a pipeline is not a uint8 (H, W) or (H, W, 3) image."""


class InvalidTargetsError(AugviewError, ValueError):
    """Masks, boxes or keypoints handed to a pipeline are not what it accepts (shape, dtype, format)."""


class InvalidTraceError(AugviewError, ValueError):
    """A trace handed to `Pipeline.replay` is not one augview wrote: not a list of steps, an op
    it does not know, or drawn values its op cannot use."""


class OptionError(AugviewError, ValueError):
    """A setting handed to augview cannot be used: a count, a seed or an output format out of
    range, a file suffix no image format has. Also a ValueError, as a bad argument is in Python."""



class AnnotationError(AugviewError):
    """An annotation file (YOLO labels, COCO JSON, Pascal VOC XML, a mask PNG) is malformed or does
    not fit its image; the message names the file and the line (or the JSON path)."""


# A listing of a preset's problems shows this many, then how many more there are: a file with
# 200,000 unknown keys must not print 10 MB on the terminal or fill a dialog taller than a screen.
SHOWN_PROBLEMS = 20


class PresetError(AugviewError):
    """A preset is invalid. ``problems`` lists every problem as ``(location, message)``; what is
    shown (the message, `lines`, the window's dialog) is the first `SHOWN_PROBLEMS` of them and a
    count of the rest."""

    def __init__(self, source: str, problems: list[tuple[str, str]]):
        self.source = source
        self.problems = list(problems)
        if len(self.problems) == 1:
            where, what = self.problems[0]
            text = f"{source}: {where}: {what}" if where else f"{source}: {what}"
        else:
            shown, hidden = self.first()
            parts = [f"{where}: {what}" if where else what for where, what in shown]
            if hidden:
                parts.append(self.more(hidden))
            text = tr("{source}: {count} problems: {problems}").format(
                source=source, count=len(self.problems), problems=tr("; ").join(parts))
        super().__init__(text)

    def first(self, limit: int | None = SHOWN_PROBLEMS) -> tuple[list[tuple[str, str]], int]:
        """The first ``limit`` problems (all with None) and the number left out."""
        shown = self.problems if limit is None else self.problems[:limit]
        return shown, len(self.problems) - len(shown)

    @staticmethod
    def more(hidden: int) -> str:
        return count(hidden, tr("… and {n} more problem"), tr("… and {n} more problems"))

    def lines(self, limit: int | None = SHOWN_PROBLEMS) -> list[str]:
        """One line per problem, each naming the file and the location; past ``limit`` problems,
        one line that counts the rest."""
        shown, hidden = self.first(limit)
        lines = [f"{self.source}: {where}: {what}" if where else f"{self.source}: {what}" for where, what in shown]
        if hidden:
            lines.append(f"{self.source}: {self.more(hidden)}")
        return lines
