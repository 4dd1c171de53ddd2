"""How many different images the discrete parts of a pipeline can make (see `augview.core.analysis`):
a 224x224 random crop of a 256x256 image has 33 x 33 = 1089 positions, twice that with a flip.
Counts are of distinct transforms, which equal distinct images for a generic input; where two
choices of a group might coincide, the count is an upper bound and `Count.upper_bound` says so."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

import numpy as np

from augview.core.ops.crops import _crop_size, center_box, pad_totals, scaled_size
from augview.core.registry import Op, get_op
from augview.core.steps import choice_probabilities, Group, Node, Step
from augview.core.text import count as plural, tr

Path = tuple[int, ...]
Shape = tuple[int, int] | None  # (height, width) of an output; None when it depends on a random draw


def _nodes(nodes) -> list[Node]:
    # A Pipeline is accepted too, for convenience in notebooks and the window.
    return list(getattr(nodes, "steps", nodes))


def _clamp_p(p: float) -> float:
    # `rng.random() < p`: p >= 1 always fires, p <= 0 never does.
    return min(max(float(p), 0.0), 1.0)



# ---------------------------------------------------------------------------------------------
# Distinct outputs


@dataclass
class Count:
    """How many different images the discrete parts of a pipeline make from one input."""

    count: int
    continuous: list[str] = field(default_factory=list)  # ops with infinitely many outputs
    explanation: list[str] = field(default_factory=list)
    upper_bound: bool = False  # some group's choices may coincide: the count may be lower

    @property
    def infinite(self) -> bool:
        return bool(self.continuous)

    def summary(self) -> str:
        """One line for the window, e.g. ``2,178 different images``."""
        number = _big(self.count)
        if self.upper_bound:
            number = tr("up to {number}").format(number=number)
        if self.continuous:
            text = (tr("{number} different image from the discrete parts; infinitely many with {ops}")
                    if self.count == 1 else
                    tr("{number} different images from the discrete parts; infinitely many with {ops}"))
            return text.format(number=number, ops=", ".join(self.continuous))
        text = tr("{number} different image") if self.count == 1 else tr("{number} different images")
        return text.format(number=number)


def _big(n: int) -> str:
    return f"{n:,}" if n < 10**12 else tr("about {number}").format(number=f"{float(n):.2e}")


@dataclass
class _Fired:
    """What one op does to one input size when it fires."""

    outcomes: dict[Shape, int]  # distinct outputs, by output size
    desc: str = ""  # what the step is set to, e.g. "224x224 of 256x256"
    detail: str = ""  # how the count comes about, e.g. "33 x 33 = 1089 positions"
    identity: bool = False  # one of those outputs is the input itself (so "not fired" adds none)
    continuous: str = ""  # why the outputs cannot be counted; empty when they can


class _Context:
    def __init__(self, gray: bool):
        self.gray = gray
        self.lines: list[str] = []
        self.continuous: list[str] = []
        self.upper_bound = False
        self.quiet = 0  # > 0 while re-evaluating nodes whose lines were already written

    def line(self, depth: int, text: str) -> None:
        if not self.quiet:
            self.lines.append("  " * depth + text)

    def mark_continuous(self, name: str) -> None:
        if name not in self.continuous:
            self.continuous.append(name)


def distinct_outputs(nodes, image_shape: tuple) -> Count:
    """Count the different images the discrete parts of ``nodes`` make from one ``image_shape``
    input ((H, W) grey or (H, W, 3)); see the module docstring and `Count`."""
    height, width = int(image_shape[0]), int(image_shape[1])
    ctx = _Context(gray=len(image_shape) == 2)
    outcomes: dict[Shape, int] = {(height, width): 1}
    for node in _nodes(nodes):
        if node.enabled:
            outcomes = _node(node, outcomes, ctx, 0)
    count = sum(outcomes.values())
    total = tr("total (discrete parts): {count} (upper bound)") if ctx.upper_bound else tr("total (discrete parts): {count}")
    ctx.lines.append(total.format(count=count))
    if ctx.continuous:
        ctx.lines.append(tr("continuous: {ops}, so the real number of different images is infinite").format(
            ops=", ".join(ctx.continuous)))
    return Count(count, ctx.continuous, ctx.lines, ctx.upper_bound)


def _node(node: Node, outcomes: dict[Shape, int], ctx: _Context, depth: int) -> dict[Shape, int]:
    return _step(node, outcomes, ctx, depth) if isinstance(node, Step) else _group(node, outcomes, ctx, depth)


def _add(into: dict[Shape, int], shape: Shape, n: int) -> None:
    into[shape] = into.get(shape, 0) + n


def _merge(*parts: dict[Shape, int]) -> dict[Shape, int]:
    out: dict[Shape, int] = {}
    for part in parts:
        for shape, n in part.items():
            _add(out, shape, n)
    return out


def _times(before: dict[Shape, int], after: dict[Shape, int]) -> str:
    """The factor a node multiplies the count by, or the counts when it is not a whole factor."""
    low, high = sum(before.values()), sum(after.values())
    return f"x{high // low}" if low and high % low == 0 else tr("{low} -> {high} images").format(low=low, high=high)


def _p_text(p: float) -> str:
    return f" p={p:g}" if p < 1 else ""


def _size(shape: Shape) -> str:
    return tr("unknown size") if shape is None else f"{shape[1]}x{shape[0]}"


def _to(shape: Shape) -> str:
    return tr("to {size}").format(size=_size(shape))


def _positions(across: int, down: int) -> str:
    return tr("{across} x {down} = {total} positions").format(across=across, down=down, total=across * down)


def _step(step: Step, outcomes: dict[Shape, int], ctx: _Context, depth: int) -> dict[Shape, int]:
    p = _clamp_p(step.p)
    if p <= 0:
        ctx.line(depth, tr("{op} p=0: never fires, x1").format(op=step.op))
        return outcomes
    result: dict[Shape, int] = {}
    lines: list[str] = []
    for shape, n in outcomes.items():
        fired = _fired(get_op(step.op), step.params, shape, ctx.gray)
        head = step.op + (f" {fired.desc}" if fired.desc else "") + _p_text(p)
        if fired.continuous:
            ctx.mark_continuous(step.op)
            (out_shape,) = fired.outcomes  # a continuous op has one output size, or None
            if p < 1 and out_shape != shape:
                out_shape = None  # fired or not, the size later steps see is not known
            _add(result, out_shape, n)
            text = tr("{head}: {reason}, infinitely many outputs (not counted, x1)").format(
                head=head, reason=fired.continuous)
        else:
            part = dict(fired.outcomes)
            fired_total = sum(part.values())
            not_fired = p < 1 and not fired.identity
            if not_fired:
                _add(part, shape, 1)
            total = sum(part.values())
            for out_shape, m in part.items():
                _add(result, out_shape, m * n)
            if fired.detail and not_fired:
                text = tr("{head}: {detail}, +1 when it does not fire: x{total}").format(
                    head=head, detail=fired.detail, total=total)
            elif fired.detail:
                text = f"{head}: {fired.detail}"
            elif fired_total == 1 and fired.identity:
                text = tr("{head}: no change, x1").format(head=head)
            elif not_fired:
                text = f"{head}: x{total}"
            else:
                text = tr("{head}: x{total} (always applied)").format(head=head, total=total)
        if text not in lines:
            lines.append(text)
    for text in lines:
        ctx.line(depth, text)
    return result


def _group(group: Group, outcomes: dict[Shape, int], ctx: _Context, depth: int) -> dict[Shape, int]:
    p = _clamp_p(group.p)
    shares = choice_probabilities(group)
    head = group.kind + _p_text(p)
    if group.kind == "one_of" and group.weights:
        head += " weights " + ", ".join(f"{w:g}" for w in group.weights)
    if group.kind == "some_of":
        head += f" n={group.n[0]}..{group.n[1]}"
    if p <= 0 or not shares:
        ctx.line(depth, tr("{head}: never runs anything, x1").format(head=head))
        return outcomes
    ctx.line(depth, head + ":")
    chosen = [i for i in sorted(shares) if shares[i] > 0]
    children = [group.steps[i] for i in chosen]
    inner = depth + 1
    if group.kind in ("sequence", "random_order"):
        out = outcomes
        for child in children:
            out = _node(child, out, ctx, inner)
        formula = _times(outcomes, out)
        orders = math.factorial(len(children))
        if group.kind == "random_order" and orders > 1:
            out = {shape: n * orders for shape, n in out.items()}
            ctx.upper_bound = True
            formula = tr("{formula} x {count}! = {orders} orders: {times} "
                         "(upper bound: orders of steps that commute give the same image)").format(
                formula=formula, count=len(children), orders=orders, times=_times(outcomes, out))
    elif group.kind == "one_of":
        parts = [_node(child, outcomes, ctx, inner) for child in children]
        out = _merge(*parts)
        formula = " + ".join(_times(outcomes, part).lstrip("x") for part in parts)
    else:  # some_of
        out, formula = _some_of(group, children, outcomes, ctx, inner)
    if p < 1:
        out = _merge(out, outcomes)  # not fired: the input goes on unchanged
        formula = tr("{formula} + 1 (not fired)").format(formula=formula)
    if group.kind == "one_of" or p < 1:
        formula += f" = {_times(outcomes, out)}"
    if group.kind == "one_of" and len(children) > 1:
        ctx.upper_bound = True
        formula = tr("{formula} (upper bound: different children may give the same image)").format(formula=formula)
    ctx.line(inner, f"= {formula}")
    return out


def _some_of(group: Group, children: list[Node], outcomes: dict[Shape, int], ctx: _Context,
             depth: int) -> tuple[dict[Shape, int], str]:
    """Sum over the allowed subset sizes of the products along each subset (declared order)."""
    k = len(children)
    sizes = sorted({min(max(c, 0), k) for c in range(int(group.n[0]), int(group.n[1]) + 1)})
    for child in children:  # one line block per child, each as if it ran on the group's input
        _node(child, outcomes, ctx, depth)
    # by_size[j]: the outputs of all subsets of j children among those seen so far, in order.
    ctx.quiet += 1
    try:
        by_size: list[dict[Shape, int]] = [dict(outcomes)] + [{} for _ in range(k)]
        for child in children:
            for j in range(k - 1, -1, -1):
                if by_size[j]:
                    by_size[j + 1] = _merge(by_size[j + 1], _node(child, by_size[j], ctx, depth))
    finally:
        ctx.quiet -= 1
    out = _merge(*(by_size[j] for j in sizes))
    subsets = sum(math.comb(k, j) for j in sizes)
    if subsets > 1:
        ctx.upper_bound = True
    sizes_text = ", ".join(map(str, sizes))
    formula = (tr("{subsets} subsets of {count} (sizes {sizes}), summing each subset's product: {times} (upper bound)")
               if subsets > 1 else
               tr("{subsets} subsets of {count} (sizes {sizes}), summing each subset's product: {times}")).format(
        subsets=subsets, count=k, sizes=sizes_text, times=_times(outcomes, out))
    return out, formula


# ---- per-op counts ----------------------------------------------------------------------------


def _fired(op: Op, params: dict, shape: Shape, gray: bool) -> _Fired:
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
    sizes = {_crop_size((height, width), {"size_mode": "fraction"}, f) for f in fractions}
    return sorted(sizes)


def _random_crop(params, shape, gray):
    if shape is None:
        return _Fired({None: 1}, continuous=tr("positions depend on an earlier random size"))
    height, width = shape
    if params["size_mode"] == "pixels":
        size = _crop_size(shape, params, 0.0)
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
    size = _crop_size(shape, params, params["fraction"])
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


_HANDLERS = {
    "grayscale": _unchanged_on_gray,
    "channel_shuffle": _channel_shuffle,
    "posterize": _posterize,
    "solarize": _solarize,
    "rotate": _rotate,
    "median_blur": _median_blur,
    "random_crop": _random_crop,
    "center_crop": _center_crop,
    "resize": _resize,
    "random_scale": _random_scale,
    "pad": _pad,
    "random_resized_crop": _random_resized_crop,
}


def explain(nodes, image_shape: tuple) -> str:
    """The `distinct_outputs` explanation as one block of text (CLI and notebooks)."""
    return "\n".join(distinct_outputs(nodes, image_shape).explanation)


