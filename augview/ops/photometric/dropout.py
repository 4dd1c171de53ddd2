"""Dropout ops: blank out rectangles so a model cannot lean on any single region.

Holes are rectangles ``[x, y, width, height]`` in pixels, always inside the image. Coarse dropout
and random erasing store their few rectangles in the trace; grid dropout stores only the grid's
unit and shift, and `grid_holes` rebuilds the rectangles from them.

Fill: ``constant`` paints the holes with the ``fill`` grey level; ``random`` paints them with
uniform random pixels from ``np.random.default_rng(noise_seed)``, generated hole by hole in the
trace's order (grid dropout: one block for the whole grid). ``noise_seed`` is drawn even for a
constant fill, so switching the fill mode with a locked seed leaves the holes where they were.
"""

from __future__ import annotations

import math

import numpy as np

from augview.ops.common import box_caption
from augview.core.params import bool_param, choice_param, float_param, int_param, range_param
from augview.core.randomness import draw_seed, uniform
from augview.core.registry import Op, register
from augview.targets.motion import Holes
from augview.text import tr

FILL_MODES = ("constant", "random")


def _fill_params():
    return (
        choice_param("fill_mode", "constant", FILL_MODES,
                     help="constant: one grey level; random: random pixels"),
        int_param("fill", 0, 0, 255, when=("fill_mode", "constant"),
                  help="grey level of the holes when the fill is constant"),
        bool_param("holes_in_mask", False,
                   help="also write the holes into masks, with the pipeline's mask_fill label "
                        "(off: masks keep the labels under the holes)"),
    )


def _rectangles(holes) -> np.ndarray:
    """``[x, y, w, h]`` holes as (N, 4) ``x_min, y_min, x_max, y_max``."""
    array = np.asarray(holes, dtype=np.float64).reshape(-1, 4)
    return np.column_stack([array[:, 0], array[:, 1], array[:, 0] + array[:, 2], array[:, 1] + array[:, 3]])


def _holes_motion(holes, drawn, shape) -> Holes:
    # Boxes lose what the holes cover, keypoints in a hole are dropped, as albumentations 2 does.
    return Holes(_rectangles(holes), tuple(shape[:2]), drawn.get("holes_in_mask", False))



def fill_holes(image: np.ndarray, holes, fill_mode: str, fill: int, noise_seed: int) -> np.ndarray:
    """A copy of ``image`` with every ``[x, y, w, h]`` rectangle filled. Rectangles are clipped
    to the image, so a hole hanging over an edge only fills its visible part."""
    out = image.copy()
    height, width = image.shape[:2]
    noise = np.random.default_rng(noise_seed) if fill_mode == "random" else None
    for x, y, w, h in holes:
        x0, y0 = max(0, int(x)), max(0, int(y))
        x1, y1 = min(width, int(x) + int(w)), min(height, int(y) + int(h))
        if x1 <= x0 or y1 <= y0:
            continue
        if noise is None:
            out[y0:y1, x0:x1] = fill
        else:
            out[y0:y1, x0:x1] = noise.integers(0, 256, (y1 - y0, x1 - x0) + image.shape[2:], dtype=np.uint8)
    return out


def _apply_holes(image, drawn):
    return fill_holes(image, drawn["holes"], drawn["fill_mode"], drawn["fill"], drawn["noise_seed"])


# ---------------------------------------------------------------------------- coarse dropout


def _side(fraction: float, size: int) -> int:
    """Hole side in pixels from a fraction of the image side: at least 1, at most the side."""
    return min(size, max(1, int(round(fraction * size))))


def _sample_coarse_dropout(rng, params, shape):
    height, width = shape[:2]
    noise_seed = draw_seed(rng)
    count = uniform(rng, params["num_holes_limit"], integer=True)
    holes = []
    for _ in range(count):
        h = _side(uniform(rng, params["hole_height_limit"]), height)
        w = _side(uniform(rng, params["hole_width_limit"]), width)
        x = uniform(rng, (0, width - w), integer=True)
        y = uniform(rng, (0, height - h), integer=True)
        holes.append([x, y, w, h])
    return {
        "num_holes": count,
        "holes": holes,
        "fill_mode": params["fill_mode"],
        "fill": params["fill"],
        "noise_seed": noise_seed,
        "holes_in_mask": params["holes_in_mask"],
    }


register(Op(
    name="coarse_dropout",
    category="dropout",
    description=(
        "Cuts a few rectangles of drawn size and position out of the image (Cutout). The model "
        "must recognise objects from their remaining parts, which makes it robust to occlusion. "
        "Holes that land on a small object can erase it completely while its label stays."
    ),
    params=(
        range_param("num_holes_limit", (1, 8), 1, 50, step=1, integer=True, draws="num_holes",
                    help="how many holes are cut"),
        range_param("hole_height_limit", (0.05, 0.15), 0.01, 1, step=0.01, draws="holes",
                    help="height of each hole as a fraction of the image height"),
        range_param("hole_width_limit", (0.05, 0.15), 0.01, 1, step=0.01, draws="holes",
                    help="width of each hole as a fraction of the image width"),
        *_fill_params(),
    ),
    apply=_apply_holes,
    sample=_sample_coarse_dropout,
    geometry=lambda drawn, shape: _holes_motion(drawn["holes"], drawn, shape),
))


# ---------------------------------------------------------------------------- random erasing

ERASING_ATTEMPTS = 10


def _sample_random_erasing(rng, params, shape):
    """torchvision's RandomErasing.get_params: up to 10 tries at a box whose area is a drawn
    fraction of the image and whose height/width ratio is drawn log-uniformly; a try fails when
    the box does not fit. If all fail, nothing is erased (``box`` is None)."""
    height, width = shape[:2]
    noise_seed = draw_seed(rng)
    log_low, log_high = (math.log(r) for r in params["ratio_limit"])
    box = None
    scale = ratio = 0.0
    attempts = 0
    for attempts in range(1, ERASING_ATTEMPTS + 1):
        scale = uniform(rng, params["scale_limit"])
        ratio = math.exp(uniform(rng, (log_low, log_high)))
        area = height * width * scale
        h = int(round(math.sqrt(area * ratio)))
        w = int(round(math.sqrt(area / ratio)))
        # torchvision accepts empty boxes (h or w of 0); they erase nothing, so count them as failures.
        if not (0 < h < height and 0 < w < width):
            continue
        x = uniform(rng, (0, width - w), integer=True)
        y = uniform(rng, (0, height - h), integer=True)
        box = [x, y, w, h]
        break
    return {
        "scale": scale,
        "ratio": ratio,
        "attempts": attempts,
        "box": box,
        "fill_mode": params["fill_mode"],
        "fill": params["fill"],
        "noise_seed": noise_seed,
        "holes_in_mask": params["holes_in_mask"],
    }


def _erasing_caption(drawn):
    if drawn["box"] is None:
        return tr("nothing erased (no box fitted in {attempts} tries)").format(attempts=drawn["attempts"])
    return box_caption(*drawn["box"])


def _random_erasing(image, drawn):
    holes = [] if drawn["box"] is None else [drawn["box"]]
    return fill_holes(image, holes, drawn["fill_mode"], drawn["fill"], drawn["noise_seed"])


register(Op(
    name="random_erasing",
    category="dropout",
    description=(
        "Erases one rectangle of random area and shape, as torchvision's RandomErasing does: up to "
        "ten tries to fit a box covering a drawn share of the image with a drawn height-to-width "
        "ratio; if none fits, the image is left alone. Like cutout it simulates occlusion, and like "
        "cutout it can hide the very object the label names."
    ),
    params=(
        range_param("scale_limit", (0.02, 0.33), 0.001, 1, scale="log", step=0.01, draws="scale",
                    help="area of the box as a fraction of the image area"),
        range_param("ratio_limit", (0.3, 3.3), 0.05, 20, scale="log", step=0.05, draws="ratio",
                    help="height / width of the box, drawn uniformly on a log scale"),
        *_fill_params(),
    ),
    apply=_random_erasing,
    sample=_sample_random_erasing,
    geometry=lambda drawn, shape: _holes_motion([] if drawn["box"] is None else [drawn["box"]], drawn, shape),
    caption=_erasing_caption,
))


# ---------------------------------------------------------------------------- grid dropout


def grid_spans(unit: int, ratio: float, shift: int, size: int) -> list[tuple[int, int]]:
    """``(start, length)`` of the holes along one axis of ``size`` pixels: one hole of
    ``ratio * unit`` pixels (at least 1) at the start of every ``unit``-pixel cell, the grid moved
    forward by ``shift``. The grid tiles the axis edge to edge, so the holes cut by an edge are
    clipped, and a shift leaves a partial hole at the start."""
    unit = max(1, int(unit))
    side = min(unit, max(1, int(round(ratio * unit))))
    spans = []
    for start in range(int(shift) % unit - unit, size, unit):
        lo, hi = max(0, start), min(size, start + side)
        if hi > lo:
            spans.append((lo, hi - lo))
    return spans


def grid_holes(unit: int, ratio: float, shift_x: int, shift_y: int, shape: tuple) -> list[list[int]]:
    """The ``[x, y, w, h]`` holes of a grid of ``unit``-pixel square cells, each holding a
    ``ratio * unit`` square hole at its top-left, the grid moved right and down by the shift."""
    height, width = shape[:2]
    rows, cols = grid_spans(unit, ratio, shift_y, height), grid_spans(unit, ratio, shift_x, width)
    return [[x, y, w, h] for y, h in rows for x, w in cols]


def _sample_grid_dropout(rng, params, shape):
    unit = uniform(rng, params["unit_size_limit"], integer=True)
    # Always two draws, so turning random_shift off and on keeps the other draws in place.
    shift_x = uniform(rng, (0, unit - 1), integer=True)
    shift_y = uniform(rng, (0, unit - 1), integer=True)
    if not params["random_shift"]:
        shift_x = shift_y = 0
    return {
        "unit": unit,
        "ratio": params["ratio"],
        "shift_x": shift_x,
        "shift_y": shift_y,
        "random_shift": params["random_shift"],
        "fill_mode": params["fill_mode"],
        "fill": params["fill"],
        "noise_seed": draw_seed(rng),
        "holes_in_mask": params["holes_in_mask"],
    }


# Above this many holes one fancy-indexed write of the whole grid beats a slice write per hole
# (a 2-pixel unit on a 512x512 image has 65536 holes: ~0.2 s in a loop, ~2 ms indexed).
_LOOP_HOLES = 1200


def _grid_dropout(image, drawn):
    height, width = image.shape[:2]
    args = drawn["unit"], drawn["ratio"]
    rows = grid_spans(*args, drawn["shift_y"], height)
    cols = grid_spans(*args, drawn["shift_x"], width)
    out = image.copy()
    if not rows or not cols:
        return out
    row_index = np.concatenate([np.arange(y, y + h) for y, h in rows])
    col_index = np.concatenate([np.arange(x, x + w) for x, w in cols])
    if drawn["fill_mode"] == "random":
        # One block of random pixels for the whole grid, laid over the holes in reading order.
        noise = np.random.default_rng(drawn["noise_seed"])
        fill = noise.integers(0, 256, (row_index.size, col_index.size) + image.shape[2:], dtype=np.uint8)
    else:
        fill = None
    if len(rows) * len(cols) > _LOOP_HOLES:
        out[np.ix_(row_index, col_index)] = drawn["fill"] if fill is None else fill
        return out
    block_y = 0
    for y, h in rows:
        block_x = 0
        for x, w in cols:
            if fill is None:
                out[y:y + h, x:x + w] = drawn["fill"]
            else:
                out[y:y + h, x:x + w] = fill[block_y:block_y + h, block_x:block_x + w]
            block_x += w
        block_y += h
    return out


def _grid_motion(drawn, shape) -> Holes:
    def cover():
        covered = np.zeros(shape[:2], np.uint8)
        rows = grid_spans(drawn["unit"], drawn["ratio"], drawn["shift_y"], shape[0])
        cols = grid_spans(drawn["unit"], drawn["ratio"], drawn["shift_x"], shape[1])
        if rows and cols:
            row_index = np.concatenate([np.arange(y, y + h) for y, h in rows])
            col_index = np.concatenate([np.arange(x, x + w) for x, w in cols])
            covered[np.ix_(row_index, col_index)] = 1
        return covered

    return Holes(np.zeros((0, 4)), tuple(shape[:2]), drawn.get("holes_in_mask", False), cover)


register(Op(
    name="grid_dropout",
    category="dropout",
    description=(
        "Blanks a regular grid of square holes (GridMask). Unlike random holes, a grid never leaves "
        "a large region untouched, so every part of an object loses some pixels. Ratio sets how "
        "much of each cell is dropped; a unit close to object size can erase whole small objects."
    ),
    params=(
        float_param("ratio", 0.5, 0.05, 1, step=0.05,
                    help="side of each hole as a fraction of the cell side"),
        range_param("unit_size_limit", (32, 96), 2, 512, scale="log", step=1, unit="px", integer=True,
                    draws="unit", help="side of one grid cell in pixels"),
        bool_param("random_shift", True, help="move the grid by a random offset within one cell"),
        *_fill_params(),
    ),
    apply=_grid_dropout,
    sample=_sample_grid_dropout,
    geometry=_grid_motion,
))
