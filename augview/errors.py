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


class InvalidTargetsError(AugviewError, ValueError):
    """Masks, boxes or keypoints handed to a pipeline are not what it accepts (shape, dtype, format)."""


class AnnotationError(AugviewError):
    """An annotation file (YOLO labels, COCO JSON, Pascal VOC XML, a mask PNG) is malformed or does
    not fit its image; the message names the file and the line (or the JSON path)."""


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
