"""What happened to an image's targets, in words: a cell's caption ("4 of 5 boxes kept, 1 dropped
(visibility 0.18 < 0.3)") and the lines of its trace tooltip (which step dropped what, and why).

Everything is read from a `Result` and its trace (each geometric step's ``"targets"`` entry), so
the window, ``augview render`` and tests say the same thing.
"""

from __future__ import annotations

from augview.analysis.overlays import Shown, dropped_entries, dropped_keypoints, reason_text
from augview.pipeline.pipeline import Result
from augview.text import count, tr

SHOWN_REASONS = 2  # a caption names this many reasons, then "…"


def labelled_keypoints(shown: Shown) -> int:
    points = shown.annotations.keypoints
    return 0 if points is None else int((points[:, :, 2] > 0).sum())


def caption(result: Result, shown: Shown) -> str:
    """One line about the targets of ``result`` (empty when the image has no boxes or keypoints)."""
    parts = []
    total = len(shown.annotations.boxes)
    if total:
        kept = len(set(int(i) for i in result.box_ids)) if result.box_ids is not None else total
        text = (tr("{kept} of {total} box kept") if total == 1 else tr("{kept} of {total} boxes kept")).format(
            kept=kept, total=total)
        drops = dropped_entries(result.trace)
        if drops:
            # One entry per reason and limit, with the values of its boxes; the settings' limits
            # first (what a person tunes), "outside" (geometry) last.
            groups: dict[tuple, list[dict]] = {}
            for drop in sorted(drops, key=lambda drop: drop["reason"] == "outside"):
                groups.setdefault((drop["reason"], drop.get("limit")), []).append(drop)
            reasons = [reason_text(group[0], [drop.get("value", 0.0) for drop in group]) for group in groups.values()]
            listed = ", ".join(reasons[:SHOWN_REASONS]) + (", …" if len(reasons) > SHOWN_REASONS else "")
            text = tr("{kept}, {dropped} dropped ({reasons})").format(
                kept=text, dropped=len({drop["index"] for drop in drops}), reasons=listed)
        parts.append(text)
    points = labelled_keypoints(shown)
    if points and result.keypoint_ids is not None:
        seen = int(result.keypoints_visible.sum()) if result.keypoints_visible is not None else len(result.keypoint_ids)
        if seen < points:
            parts.append(tr("{kept} of {total} keypoints in view").format(kept=seen, total=points))
    return "; ".join(parts)


def trace_lines(result: Result, shown: Shown) -> list[str]:
    """One line per box or keypoint a step dropped: ``rotate: box 3 (flag) dropped, visibility
    0.18 < 0.3``."""
    notes = shown.annotations
    lines = []
    for drop in dropped_entries(result.trace):
        index = drop["index"]
        name = notes.label_name(index) if index < len(notes.boxes) else str(index)
        lines.append(tr("{op}: box {index} ({name}) dropped, {reason}").format(
            op=drop["op"], index=index, name=name, reason=reason_text(drop)))
    for op, ids in dropped_keypoints(result.trace):
        what = count(len(ids), tr("{n} keypoint left the image"), tr("{n} keypoints left the image"))
        lines.append(tr("{op}: {what}").format(op=op, what=what))
    return lines
