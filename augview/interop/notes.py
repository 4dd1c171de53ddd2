"""What an import or an export could not carry over exactly, as data: each `Note` says where
(``steps[2] (rotate)``, ``transform.transforms[1] (Rotate)``), what kind of thing happened, and a
sentence for a person. Callers decide on the kind, never by reading the sentence: the CLI fails an
export on `Unexportable`, the window lists the notes as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

from augview.errors import AugviewError
from augview.text import tr

LEFT_OUT = "left out"          # a step or transform with no counterpart: not in the result
DISABLED = "disabled"          # a disabled step of the preset: not exported, by the user's choice
APPROXIMATE = "approximate"    # kept, with another way of drawing or computing it
IGNORED = "ignored"            # an argument with no counterpart, dropped from a kept transform
CLAMPED = "clamped"            # a value moved into augview's range
DEFAULT = "default"            # a missing value, filled with albumentations' default
KEPT = "kept"                  # read and kept as data that augview does not run (targets, training tail)
KINDS = (LEFT_OUT, DISABLED, APPROXIMATE, IGNORED, CLAMPED, DEFAULT, KEPT)


@dataclass(frozen=True)
class Note:
    where: str
    kind: str
    text: str

    def __str__(self) -> str:
        if self.kind == LEFT_OUT:
            return tr("{where}: {text}; left out").format(where=self.where, text=self.text) if self.where else (
                tr("{text}; left out").format(text=self.text))
        return tr("{where}: {text}").format(where=self.where, text=self.text) if self.where else self.text


class Unexportable(AugviewError):
    """Steps of a preset have no counterpart in the target library. ``left_out`` holds their
    notes; ``skip_unsupported=True`` exports without them instead."""

    def __init__(self, target: str, left_out: list[Note]):
        self.target, self.left_out = target, list(left_out)
        super().__init__(tr("{steps}; skip_unsupported=True leaves them out").format(steps=self.listing()))

    def listing(self) -> str:
        """"N step(s) have no T counterpart: where: why; where: why" (the CLI adds its own hint)."""
        return tr("{n} step(s) have no {target} counterpart: {steps}").format(
            n=len(self.left_out), target=self.target,
            steps=tr("; ").join(tr("{where}: {text}").format(where=n.where, text=n.text) for n in self.left_out))
