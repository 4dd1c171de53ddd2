"""Per-op rules for `augview.analysis.distinct`: how many different outputs one op makes from one
input size when it fires, and how the explanation says it (e.g. a 224x224 random crop of a
256x256 image: 33 x 33 = 1089 positions). Ops without a rule here are counted from their
parameters (`_generic`) or probed with a few draws (`_probe`)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

import numpy as np

from augview.ops.geometric.crops import crop_size, center_box, pad_totals, scaled_size
from augview.ops.geometric.resize_crops import max_size_shape, size_choices
from augview.core.registry import Op
from augview.text import count as plural, tr

Shape = tuple[int, int] | None  # (height, width) of an output; None when it depends on a random draw


@dataclass
class _Fired:
    """What one op does to one input size when it fires."""

    outcomes: dict[Shape, int]  # distinct outputs, by output size
    desc: str = ""  # what the step is set to, e.g. "224x224 of 256x256"
    detail: str = ""  # how the count comes about, e.g. "33 x 33 = 1089 positions"
    identity: bool = False  # one of those outputs is the input itself (so "not fired" adds none)
    continuous: str = ""  # why the outputs cannot be counted; empty when they can


def _size(shape: Shape) -> str:
    return tr("unknown size") if shape is None else f"{shape[1]}x{shape[0]}"


def _to(shape: Shape) -> str:
    return tr("to {size}").format(size=_size(shape))


def _positions(across: int, down: int) -> str:
    return tr("{across} x {down} = {total} positions").format(across=across, down=down, total=across * down)


def add_count(into: dict[Shape, int], shape: Shape, n: int) -> None:
    into[shape] = into.get(shape, 0) + n


# ---- per-op counts ----------------------------------------------------------------------------


def count_op(op: Op, params: dict, shape: Shape, gray: bool) -> _Fired:
    handler = _HANDLERS.get(op.name)
    if handler is not None:
        return handler(params, shape, gray)
    if op.sample is None:
        return _generic(op, params, shape)
    return _probe(op, params, shape, gray)


def _range_text(low, high) -> str:
    return f"{low:g}..{high:g}"


def _generic(op: Op, params: dict, shape: Shape) -> _Fired:
    """An op drawn by `default_sample`: one uniform value per range parameter. Integer ranges give
    a finite number of values; a float range wider than a point is continuous."""
    counts, descs, continuous = [], [], []
    for spec in op.params:
        if spec.kind != "range":
            continue
        low, high = params[spec.name]
        if spec.integer:
            if high > low:
                counts.append(int(high) - int(low) + 1)
                descs.append(f"{spec.drawn_name} {_range_text(low, high)}")
        elif high > low:
            continuous.append(f"{spec.drawn_name} {_range_text(low, high)}")
    if continuous:
        return _Fired({shape: 1}, continuous=", ".join(continuous))
    total = math.prod(counts)
    if not counts:
        return _Fired({shape: 1})
    detail = tr("{formula} values").format(formula=" x ".join(map(str, counts)) + (f" = {total}" if len(counts) > 1 else ""))
    return _Fired({shape: total}, desc=", ".join(descs), detail=detail)


def _probe(op: Op, params: dict, shape: Shape, gray: bool) -> _Fired:
    """An op with its own sampler and no rule here: deterministic if a few draws all agree, else
    uncountable (a continuous value, or random positions or seeds too many to count)."""
    probe = (64, 64) if shape is None else shape
    full = probe if gray else (*probe, 3)
    out_shape = None if op.name == "perspective" and params.get("fit_output") else shape
    try:
        draws = {json.dumps(op.draw(np.random.default_rng(seed), params, full), sort_keys=True)
                 for seed in range(8)}
    except Exception:  # a sampler that cannot run on this size: do not count it
        draws = {"", " "}
    if len(draws) == 1:
        return _Fired({out_shape: 1})
    wide = [f"{s.name} {_range_text(*params[s.name])}" for s in op.params
            if s.kind == "range" and not s.integer and params[s.name][1] > params[s.name][0]]
    reason = ", ".join(wide) if wide else tr("random positions or seeds, too many to count")
    return _Fired({out_shape: 1}, continuous=reason)


def _unchanged_on_gray(params, shape, gray):
    return _Fired({shape: 1}, desc=tr("(grey input)") if gray else "", identity=gray)


def _channel_shuffle(params, shape, gray):
    if gray:
        return _Fired({shape: 1}, desc=tr("(grey input)"), identity=True)
    # The 6 orders include [0, 1, 2], the input itself: not firing adds nothing new.
    return _Fired({shape: 6}, detail=tr("3! = 6 channel orders (one is the original)"), identity=True)


def _posterize(params, shape, gray):
    low, high = params["num_bits"]
    n = high - low + 1
    keeps = high == 8  # 8 bits keep every level: the input itself
    detail = plural(n, tr("{n} bit depth"), tr("{n} bit depths"))
    if keeps:
        detail = tr("{detail} (8 bits = unchanged)").format(detail=detail)
    return _Fired({shape: n}, desc=tr("bits {low}..{high}").format(low=low, high=high), detail=detail, identity=keeps)


def _solarize(params, shape, gray):
    low, high = params["threshold_limit"]
    n = high - low + 1
    keeps = high >= 256  # threshold 256 inverts nothing
    detail = plural(n, tr("{n} threshold"), tr("{n} thresholds"))
    if keeps:
        detail = tr("{detail} (256 = unchanged)").format(detail=detail)
    return _Fired({shape: n}, desc=tr("threshold {low}..{high}").format(low=low, high=high), detail=detail,
                  identity=keeps)


def _rotate(params, shape, gray):
    low, high = params["limit"]
    if high > low:
        return _Fired({shape: 1}, desc=f"limit {_range_text(low, high)}",
                      continuous=tr("angle drawn from {range}°").format(range=_range_text(low, high)))
    # A 0° turn is the identity matrix: warpAffine returns the input pixels exactly.
    return _Fired({shape: 1}, desc=f"angle {low:g}°", identity=low == 0)


def _rotate90(params, shape, gray):
    low, high = params["turns_limit"]
    swapped = None if shape is None else (shape[1], shape[0])
    outcomes: dict[Shape, int] = {}
    for turns in range(low, high + 1):  # odd turns swap the sides of a non-square image
        add_count(outcomes, swapped if turns % 2 else shape, 1)
    n = high - low + 1
    detail = tr("{n} angles (0° = unchanged)") if low == 0 else tr("{n} angles")
    return _Fired(outcomes, desc=", ".join(f"{90 * t}°" for t in range(low, high + 1)),
                  detail=detail.format(n=n) if n > 1 else "", identity=low == 0)


def _transpose(params, shape, gray):
    return _Fired({None if shape is None else (shape[1], shape[0]): 1})


def _channel_dropout(params, shape, gray):
    if gray:
        return _Fired({shape: 1}, desc=tr("(grey input)"), identity=True)
    low, high = params["channels_limit"]
    n = sum(math.comb(3, k) for k in range(low, high + 1))  # which channels; the fill is fixed
    return _Fired({shape: n}, desc=tr("{low}..{high} of 3 channels").format(low=low, high=high),
                  detail=plural(n, tr("{n} choice of channels"), tr("{n} choices of channels")))


def _median_blur(params, shape, gray):
    low, high = params["ksize_limit"]
    first, last = low | 1, high if high % 2 else high - 1  # as blur.odd_uniform
    n = max(0, (last - first) // 2) + 1
    return _Fired({shape: n}, desc=f"ksize {low}..{high}",
                  detail=plural(n, tr("{n} odd kernel size"), tr("{n} odd kernel sizes")))


def _fraction_sizes(height: int, width: int, low: float, high: float) -> list[tuple[int, int]]:
    """The crop sizes a fraction drawn uniformly from [low, high] gives with positive chance:
    round(side * f) only changes where side * f crosses a half, so one value per interval between
    those crossings is enough."""
    if high <= low:
        fractions = [low]
    else:
        cuts = {low, high}
        for side in (height, width):
            for k in range(int(side * low), int(side * high) + 1):
                cut = (k + 0.5) / side
                if low < cut < high:
                    cuts.add(cut)
        ordered = sorted(cuts)
        fractions = [(a + b) / 2 for a, b in zip(ordered, ordered[1:])]
    sizes = {crop_size((height, width), {"size_mode": "fraction"}, f) for f in fractions}
    return sorted(sizes)


def _random_crop(params, shape, gray):
    if shape is None:
        return _Fired({None: 1}, continuous=tr("positions depend on an earlier random size"))
    height, width = shape
    if params["size_mode"] == "pixels":
        size = crop_size(shape, params, 0.0)
        crop_h, crop_w = size
        desc = (tr("{crop} of {size} (clamped to the image)") if (params["height"], params["width"]) != size
                else tr("{crop} of {size}")).format(crop=f"{crop_w}x{crop_h}", size=f"{width}x{height}")
        across, down = width - crop_w + 1, height - crop_h + 1
        return _Fired({size: across * down}, desc=desc, detail=_positions(across, down), identity=size == shape)
    low, high = params["fraction"]
    sizes = _fraction_sizes(height, width, low, high)
    outcomes = {(h, w): (height - h + 1) * (width - w + 1) for h, w in sizes}
    total = sum(outcomes.values())
    if len(sizes) == 1:
        (crop_h, crop_w), = sizes
        detail = _positions(width - crop_w + 1, height - crop_h + 1)
    else:
        detail = tr("{count} crop sizes, {total} size and position pairs").format(count=len(sizes), total=total)
    return _Fired(outcomes, desc=tr("fraction {range} of {size}").format(range=_range_text(low, high),
                                                                         size=f"{width}x{height}"),
                  detail=detail, identity=shape in outcomes)


def _center_crop(params, shape, gray):
    if shape is None:
        return _Fired({None: 1})
    size = crop_size(shape, params, params["fraction"])
    _, _, crop_w, crop_h = center_box(shape, size[0], size[1])
    return _Fired({(crop_h, crop_w): 1}, desc=f"{crop_w}x{crop_h}", identity=(crop_h, crop_w) == shape)


def _resize(params, shape, gray):
    out = (params["height"], params["width"])
    return _Fired({out: 1}, desc=_to(out), identity=out == shape)  # same size: a copy


def _random_scale(params, shape, gray):
    (x_low, x_high), (y_low, y_high) = params["scale_x"], params["scale_y"]
    wide = x_high > x_low or (not params["keep_aspect"] and y_high > y_low)
    if wide:
        return _Fired({None: 1}, continuous=tr("scale drawn from a continuous range"))
    scale_y = x_low if params["keep_aspect"] else y_low
    out = None if shape is None else scaled_size(shape, x_low, scale_y)
    return _Fired({out: 1}, desc=f"x{x_low:g}", identity=out == shape and shape is not None)


def _pad(params, shape, gray):
    if shape is None:
        if params["position"] == "random":
            return _Fired({None: 1}, continuous=tr("positions depend on an earlier random size"))
        return _Fired({None: 1})
    add_h, add_w = pad_totals(shape, params)
    out = (shape[0] + add_h, shape[1] + add_w)
    if params["position"] != "random" or (add_h == 0 and add_w == 0):
        return _Fired({out: 1}, desc=_to(out), identity=out == shape)
    across, down = add_w + 1, add_h + 1
    return _Fired({out: across * down}, desc=tr("to {size} at a random place").format(size=_size(out)),
                  detail=_positions(across, down))


def _random_resized_crop(params, shape, gray):
    out = (params["height"], params["width"])
    (s_low, s_high), (r_low, r_high) = params["scale"], params["ratio"]
    if s_high > s_low or r_high > r_low:
        return _Fired({out: 1}, desc=_to(out), continuous=tr("box drawn from continuous scale and ratio ranges"))
    if shape is None:
        return _Fired({out: 1}, desc=_to(out), continuous=tr("positions depend on an earlier random size"))
    # Fixed scale and ratio: one box size (as the sampler computes it), at every position.
    area = shape[0] * shape[1]
    box_w = int(round(math.sqrt(area * s_low * r_low)))
    box_h = int(round(math.sqrt(area * s_low / r_low)))
    if not (0 < box_w <= shape[1] and 0 < box_h <= shape[0]):
        return _Fired({out: 1}, desc=_to(out))  # always the centred fallback box
    across, down = shape[1] - box_w + 1, shape[0] - box_h + 1
    return _Fired({out: across * down}, desc=tr("{box} box to {size}").format(box=f"{box_w}x{box_h}", size=_size(out)),
                  detail=_positions(across, down))


def _max_size(longest: bool):
    def count(params, shape, gray):
        sizes = size_choices(params)
        detail = plural(len(sizes), tr("{n} side length"), tr("{n} side lengths")) if len(sizes) > 1 else ""
        desc = tr("side {low}..{high}").format(low=sizes[0], high=sizes[-1]) if len(sizes) > 1 else _to(
            None if shape is None else max_size_shape(shape, sizes[0], longest))
        if shape is None:
            return _Fired({None: len(sizes)}, desc=desc, detail=detail)
        outcomes: dict[Shape, int] = {}
        for size in sizes:  # each length gives its own output size
            add_count(outcomes, max_size_shape(shape, size, longest), 1)
        return _Fired(outcomes, desc=desc, detail=detail, identity=shape in outcomes)
    return count


_HANDLERS = {
    "grayscale": _unchanged_on_gray,
    "channel_shuffle": _channel_shuffle,
    "posterize": _posterize,
    "solarize": _solarize,
    "rotate": _rotate,
    "random_rotate90": _rotate90,
    "transpose": _transpose,
    "channel_dropout": _channel_dropout,
    "median_blur": _median_blur,
    "box_blur": _median_blur,  # the same odd kernel sizes
    "longest_max_size": _max_size(True),
    "smallest_max_size": _max_size(False),
    "random_crop": _random_crop,
    "center_crop": _center_crop,
    "resize": _resize,
    "random_scale": _random_scale,
    "pad": _pad,
    "random_resized_crop": _random_resized_crop,
}
