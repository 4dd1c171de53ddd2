"""A pipeline's target settings: how masks, boxes and keypoints are treated, saved in the preset.

They are declared as parameter specs, like an op's parameters, so the preset validator, the
window's sliders and ``augview ops`` derive from the same declaration:

- ``mask_fill``: the label written where a geometric op brings new area into view (0; 255 is a
  common "ignore" label) and into dropout holes of ops whose ``holes_in_mask`` is on;
- ``min_area``, ``min_visibility``, ``min_width``, ``min_height``: a box is dropped after a
  geometric op when what is left of it inside the image falls below these (albumentations'
  ``BboxParams`` of the same names);
- ``box_method``: how a rotated or sheared box becomes an axis-aligned one again: ``largest_box``
  encloses the moved corners (albumentations' default; a rotation inflates the box), ``ellipse``
  encloses the moved ellipse inscribed in the box (tighter for round-ish objects);
- ``keypoints_outside``: ``drop`` a keypoint that leaves the image, or ``keep`` it (its coordinates
  then lie outside the image, and `Result.keypoints_visible` says which).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from augview.core.params import ParamSpec, choice_param, float_param, int_param
from augview.text import tr

BOX_METHODS = ("largest_box", "ellipse")
KEYPOINTS_OUTSIDE = ("drop", "keep")

SPECS: tuple[ParamSpec, ...] = (
    # Sizes span decades (a 4 px² speck to a 10,000 px² object, on sliders up to 1e8): log sliders,
    # with the exact value in a number box, to a tenth (a preset's 0.4 px showed as 0). The labels
    # too: 0, 1 and 255 are common fills.
    int_param("mask_fill", 0, 0, 65535, scale="log", help="label written into new border area (and into dropout holes "
                                             "where an op's holes_in_mask is on)"),
    float_param("min_area", 0.0, 0.0, 1e8, step=0.1, unit="px²", scale="log",
                help="a box whose area left in the image is below this is dropped"),
    float_param("min_visibility", 0.0, 0.0, 1.0, step=0.01,
                help="a box is dropped when less than this share of it is left in view"),
    float_param("min_width", 0.0, 0.0, 1e5, step=0.1, unit="px", scale="log",
                help="a box narrower than this is dropped"),
    float_param("min_height", 0.0, 0.0, 1e5, step=0.1, unit="px", scale="log",
                help="a box lower than this is dropped"),
    choice_param("box_method", "largest_box", BOX_METHODS,
                 help="rotated boxes: enclose the moved corners (largest_box) or the moved inscribed "
                      "ellipse (ellipse, tighter)"),
    choice_param("keypoints_outside", "drop", KEYPOINTS_OUTSIDE,
                 help="what happens to a keypoint that leaves the image"),
)


@dataclass(frozen=True)
class TargetSettings:
    mask_fill: int = 0
    min_area: float = 0.0
    min_visibility: float = 0.0
    min_width: float = 0.0
    min_height: float = 0.0
    box_method: str = "largest_box"
    keypoints_outside: str = "drop"

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_values(cls, values: dict) -> "TargetSettings":
        """Settings from checked values (see `check`); missing ones take their defaults."""
        names = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in values.items() if key in names})


def spec(name: str) -> ParamSpec:
    return next(s for s in SPECS if s.name == name)


def check(values: dict) -> tuple[dict, list[tuple[str, str]]]:
    """Canonical values for the known keys of ``values`` (defaults for missing ones), and the
    problems as ``(key, message)``: unknown keys and values outside their spec."""
    problems = []
    out = {}
    known = {s.name for s in SPECS}
    for key in values:
        if key not in known:
            problems.append((key, tr("unknown key")))
    for s in SPECS:
        if s.name not in values:
            out[s.name] = s.default
            continue
        try:
            out[s.name] = s.validate(values[s.name])
        except ValueError as err:
            problems.append((s.name, str(err)))
    return out, problems
