"""How many different images the discrete parts of a pipeline can make (see `augview.analysis.probabilities`):
a 224x224 random crop of a 256x256 image has 33 x 33 = 1089 positions, twice that with a flip.
Counts are of distinct transforms, which equal distinct images for a generic input; where two
choices of a group might coincide, or flips, transposes and quarter turns combine into more than
the 8 orientations a square has, the count is an upper bound and `Count.upper_bound` says so."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from augview.analysis.distinct_ops import Shape, add_count, count_op
from augview.core.registry import get_op
from augview.pipeline.nodes import Group, Node, Step, node_list
from augview.pipeline.choice import choice_probabilities, fire_chance, some_of_counts
from augview.text import tr

Path = tuple[int, ...]


# ---------------------------------------------------------------------------------------------
# Distinct outputs


@dataclass
class Count:
    """How many different images the discrete parts of a pipeline make from one input."""

    count: int
    continuous: list[str] = field(default_factory=list)  # ops with infinitely many outputs
    explanation: list[str] = field(default_factory=list)
    upper_bound: bool = False  # some group's choices may coincide: the count may be lower
    cuts_boxes: list[str] = field(default_factory=list)  # crops that can cut an image's boxes

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
            return text.format(number=number, ops=_first_names(self.continuous))
        text = tr("{number} different image") if self.count == 1 else tr("{number} different images")
        return text.format(number=number)


SUMMARY_NAMES = 2  # continuous ops named in the one-line summary; the explanation lists them all


def _first_names(names: list[str]) -> str:
    """``rotate, gaussian_noise and 3 more``: a summary line stays one or two lines long however
    many continuous steps a preset has (it pushed against the panel's splitter)."""
    if len(names) <= SUMMARY_NAMES + 1:
        return ", ".join(names)
    return tr("{names} and {count} more").format(names=", ".join(names[:SUMMARY_NAMES]),
                                                  count=len(names) - SUMMARY_NAMES)


def _big(n: int) -> str:
    """A count for the summary line: exact with thousands separators, or its order of magnitude."""
    return f"{n:,}" if n < 10**12 else tr("about {number}").format(number=_scientific(n))


def _number(n: int) -> str:
    """A count inside the explanation: exact up to 15 digits, then its order of magnitude."""
    return str(n) if n < 10**15 else "~" + _scientific(n)


def _scientific(n: int) -> str:
    """``n`` as ``1.23e+3010``, from its leading bits: never through float(n) (which overflows
    past 1e308) nor str(n) (which Python refuses past 4300 digits)."""
    shift = max(0, n.bit_length() - 64)
    log10 = math.log10(n >> shift) + shift * math.log10(2)
    exponent = math.floor(log10)
    mantissa = round(10 ** (log10 - exponent), 2)
    if mantissa >= 10:  # 9.999e5 rounds up to 10.00e5
        mantissa, exponent = mantissa / 10, exponent + 1
    return f"{mantissa:.2f}e+{exponent:02d}"


class _Context:
    def __init__(self, gray: bool):
        self.gray = gray
        self.lines: list[str] = []
        self.continuous: list[str] = []
        self.upper_bound = False
        self.quiet = 0  # > 0 while re-evaluating nodes whose lines were already written
        self.cuts_boxes: list[str] = []
        self.orientations = 1  # product of the counts of the steps in ORIENTATIONS
        self.reachable = {_IDENTITY}  # the orientations those steps reach together (elements of D4)
        self.known: dict = {}  # (op, params, input size) -> what it does: long presets repeat steps

    def count_op(self, step: Step, shape: Shape):
        try:
            key = (step.op, tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in step.params.items()), shape)
            hash(key)
        except TypeError:
            return count_op(get_op(step.op), step.params, shape, self.gray)
        fired = self.known.get(key)
        if fired is None:
            fired = self.known[key] = count_op(get_op(step.op), step.params, shape, self.gray)
        return fired

    def line(self, depth: int, text: str) -> None:
        if not self.quiet:
            self.lines.append("  " * depth + text)

    def mark_continuous(self, name: str) -> None:
        if name not in self.continuous:
            self.continuous.append(name)


# Steps that only reorient the image. Together they reach some of the 8 orientations of a square
# (the dihedral group D4, here as 2x2 matrices acting on x, y); when that is fewer than the product
# of their counts (two coin-flip mirrors: 4 combinations, 2 images), some combinations repeat.
ORIENTATIONS = {"horizontal_flip", "vertical_flip", "transpose", "random_rotate90"}
# Crops whose window takes no account of the boxes (or of all but one): a box across its edge is
# cut. bbox_safe_random_crop never cuts one; warps that move a box out of view are not crops.
CUTTING_CROPS = {"random_crop", "center_crop", "random_resized_crop", "random_sized_crop",
                 "random_crop_from_borders", "random_crop_near_box"}
_IDENTITY = (1, 0, 0, 1)
_MIRROR_X, _MIRROR_Y, _TRANSPOSE, _QUARTER = (-1, 0, 0, 1), (1, 0, 0, -1), (0, 1, 1, 0), (0, -1, 1, 0)


def _compose(a: tuple, b: tuple) -> tuple:
    return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3])


def _orientations(step: Step, p: float) -> set[tuple]:
    """The orientations one step can leave the image in."""
    if step.op == "random_rotate90":
        low, high = step.params["turns_limit"]
        out = set()
        for turns in range(int(low), int(high) + 1):
            element = _IDENTITY
            for _ in range(turns % 4):
                element = _compose(_QUARTER, element)
            out.add(element)
    else:
        out = {{"horizontal_flip": _MIRROR_X, "vertical_flip": _MIRROR_Y, "transpose": _TRANSPOSE}[step.op]}
    return out | {_IDENTITY} if p < 1 else out


def distinct_outputs(nodes, image_shape: tuple) -> Count:
    """Count the different images the discrete parts of ``nodes`` make from one ``image_shape``
    input ((H, W) grey or (H, W, 3)); see the module docstring and `Count`."""
    height, width = int(image_shape[0]), int(image_shape[1])
    ctx = _Context(gray=len(image_shape) == 2)
    outcomes: dict[Shape, int] = {(height, width): 1}
    for node in node_list(nodes):
        if node.enabled:
            outcomes = _node(node, outcomes, ctx, 0)
    count = sum(outcomes.values())
    total = tr("total (discrete parts): {count} (upper bound)") if ctx.upper_bound else tr("total (discrete parts): {count}")
    ctx.lines.append(total.format(count=_number(count)))
    if ctx.continuous:
        ctx.lines.append(tr("continuous: {ops}, so the real number of different images is infinite").format(
            ops=", ".join(ctx.continuous)))
    return Count(count, ctx.continuous, ctx.lines, ctx.upper_bound, ctx.cuts_boxes)


def _node(node: Node, outcomes: dict[Shape, int], ctx: _Context, depth: int) -> dict[Shape, int]:
    return _step(node, outcomes, ctx, depth) if isinstance(node, Step) else _group(node, outcomes, ctx, depth)


def _merge(*parts: dict[Shape, int]) -> dict[Shape, int]:
    out: dict[Shape, int] = {}
    for part in parts:
        for shape, n in part.items():
            add_count(out, shape, n)
    return out


def _times(before: dict[Shape, int], after: dict[Shape, int]) -> str:
    """The factor a node multiplies the count by, or the counts when it is not a whole factor."""
    low, high = sum(before.values()), sum(after.values())
    if low and high % low == 0:
        return f"x{_number(high // low)}"
    return tr("{low} -> {high} images").format(low=_number(low), high=_number(high))


def _p_text(p: float) -> str:
    return f" p={p:g}" if p < 1 else ""


def _step(step: Step, outcomes: dict[Shape, int], ctx: _Context, depth: int) -> dict[Shape, int]:
    p = fire_chance(step.p)
    if p <= 0:
        ctx.line(depth, tr("{op} p=0: never fires, x1").format(op=step.op))
        return outcomes
    result: dict[Shape, int] = {}
    lines: list[str] = []
    for shape, n in outcomes.items():
        fired = ctx.count_op(step, shape)
        head = step.op + (f" {fired.desc}" if fired.desc else "") + _p_text(p)
        if fired.continuous:
            ctx.mark_continuous(step.op)
            (out_shape,) = fired.outcomes  # a continuous op has one output size, or None
            if p < 1 and out_shape != shape:
                out_shape = None  # fired or not, the size later steps see is not known
            add_count(result, out_shape, n)
            text = tr("{head}: {reason}, infinitely many outputs (not counted, x1)").format(
                head=head, reason=fired.continuous)
        else:
            part = dict(fired.outcomes)
            fired_total = sum(part.values())
            not_fired = p < 1 and not fired.identity
            if not_fired:
                add_count(part, shape, 1)
            total = sum(part.values())
            for out_shape, m in part.items():
                add_count(result, out_shape, m * n)
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
    if step.op in CUTTING_CROPS and not ctx.quiet and step.op not in ctx.cuts_boxes:
        ctx.cuts_boxes.append(step.op)
        ctx.line(depth + 1, tr("{op} can cut boxes: a box across the crop's edge is clipped to it, and dropped "
                               "when what is left falls below the target settings (min_visibility, min_area, "
                               "min_width, min_height); bbox_safe_random_crop never cuts one").format(op=step.op))
    if step.op in ORIENTATIONS and not ctx.quiet:
        ctx.orientations *= max(1, sum(result.values()) // max(1, sum(outcomes.values())))
        ctx.reachable = {_compose(b, a) for a in ctx.reachable for b in _orientations(step, p)}
        if len(ctx.reachable) < ctx.orientations and not ctx.upper_bound:
            ctx.upper_bound = True
            ctx.line(depth, tr("upper bound: these flips, transposes and quarter turns reach {reachable} "
                               "orientations, not {combinations}, so some combinations repeat").format(
                reachable=len(ctx.reachable), combinations=_number(ctx.orientations)))
    return result


def _group(group: Group, outcomes: dict[Shape, int], ctx: _Context, depth: int) -> dict[Shape, int]:
    p = fire_chance(group.p)
    shares = choice_probabilities(group)
    head = group.kind + _p_text(p)
    if group.kind == "one_of" and group.weights:
        head += " " + tr("weights {weights}").format(weights=", ".join(f"{w:g}" for w in group.weights))
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
                formula=formula, count=len(children), orders=_number(orders), times=_times(outcomes, out))
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
    sizes = sorted(some_of_counts(group, k))
    alone = [_node(child, outcomes, ctx, depth) for child in children]  # one line block per child
    subsets = sum(math.comb(k, j) for j in sizes)
    if subsets > 1:
        ctx.upper_bound = True
    sizes_text = _sizes_text(sizes)
    if k * sizes[-1] > SOME_OF_BUDGET:
        # Thousands of children, many of them running: going through the subsets would take
        # minutes. Each child either runs or not, at most: the product of (1 + its outputs).
        out = _every_subset_bound(outcomes, alone)
        formula = tr("{subsets} subsets of {count} (sizes {sizes}), too many to go through: at most "
                     "{times} (upper bound)").format(subsets=_number(subsets), count=k, sizes=sizes_text,
                                                     times=_times(outcomes, out))
        return out, formula
    # by_size[j]: the outputs of all subsets of j children among those seen so far, in order
    # (only up to the largest size the group runs).
    top = sizes[-1]
    ctx.quiet += 1
    try:
        by_size: list[dict[Shape, int]] = [dict(outcomes)] + [{} for _ in range(top)]
        for child in children:
            for j in range(top - 1, -1, -1):
                if by_size[j]:
                    by_size[j + 1] = _merge(by_size[j + 1], _node(child, by_size[j], ctx, depth))
    finally:
        ctx.quiet -= 1
    out = _merge(*(by_size[j] for j in sizes))
    formula = (tr("{subsets} subsets of {count} (sizes {sizes}), summing each subset's product: {times} (upper bound)")
               if subsets > 1 else
               tr("{subsets} subsets of {count} (sizes {sizes}), summing each subset's product: {times}")).format(
        subsets=_number(subsets), count=k, sizes=sizes_text, times=_times(outcomes, out))
    return out, formula


# Child evaluations a some_of may take to count its subsets exactly (children x largest size).
SOME_OF_BUDGET = 20_000


def _sizes_text(sizes: list[int]) -> str:
    if len(sizes) > 6 and sizes == list(range(sizes[0], sizes[-1] + 1)):
        return f"{sizes[0]}..{sizes[-1]}"
    return ", ".join(map(str, sizes))


def _every_subset_bound(outcomes: dict[Shape, int], alone: list[dict[Shape, int]]) -> dict[Shape, int]:
    """At most prod(1 + outputs of each child) images per input; sizes are kept when no child
    changes them, else unknown."""
    total = sum(outcomes.values())
    factor = 1
    for out in alone:
        factor *= 1 + -(-sum(out.values()) // max(1, total))  # ceiling
    if all(set(out) <= set(outcomes) for out in alone):
        return {shape: n * factor for shape, n in outcomes.items()}
    return {None: total * factor}


def explain(nodes, image_shape: tuple) -> str:
    """The `distinct_outputs` explanation as one block of text (CLI and notebooks)."""
    return "\n".join(distinct_outputs(nodes, image_shape).explanation)


