"""What the window writes under and over its preview cells: the original's size (and the proxy
it is previewed on), each variant's caption (its number, seed, pixel size and what fired) and its
trace as a readable table in the tooltip (which steps ran, in order, and what each drew), instead
of raw Python dicts wider than the window. Capped, so that a 10,000-step preset does not give
every cell a caption and a tooltip of megabytes."""

from __future__ import annotations

import html
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication

from augview.analysis.probabilities import depends_on_resolution

MAX_VALUE_CHARS = 60  # a drawn list (a polygon, a policy's ops) is cut with an ellipsis
CAPTION_STEPS = 40  # a caption names the first steps that fired
TOOLTIP_ENTRIES = 40  # a tooltip lists the first trace entries


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def original_caption(image, proxy, full_resolution: bool, steps) -> str:
    """``original — W×H``, with what the previews are made from when they come from a proxy."""
    caption = _tr("original")
    if image is None:
        return caption
    h, w = image.shape[:2]
    caption += f" — {w}×{h}"
    if full_resolution:
        return caption + " " + _tr("(variants at full resolution)")
    if proxy is not image:
        caption += " " + _tr("(preview at {width}×{height})").format(width=proxy.shape[1], height=proxy.shape[0])
        if depends_on_resolution(steps):
            # Pixel-sized parameters (crop sizes, kernels...) cover more of a proxy than of the
            # photo until the full-resolution render arrives: say so.
            caption += " " + _tr("— sizes in px act {factor:.1f}× larger than in training until the "
                                 "full-size render is done").format(factor=w / proxy.shape[1])
    return caption



def variant_caption(number: int, seed: int, size: tuple[int, int], summary: str) -> str:
    """``#2 seed 8 — 224×224: random_resized_crop …``: the size is the variant's own, what a
    training run gets (not the size it is shown at)."""
    return QCoreApplication.translate("MainWindow", "#{number} seed {seed} — {width}×{height}: {summary}").format(
        number=number, seed=seed, width=size[0], height=size[1], summary=summary)


def cut_at_item(text: str, end: int) -> str:
    """``text`` cut to at most ``end`` characters at the end of a whole item (the steps of a
    caption are separated by ", ", its parts by " · "), or else of a word, then "…": a cut number
    ("hue_shift=-16.9…" for -16.94) reads as a value it is not. A raw cut only when neither
    keeps half of what fits."""
    if end >= len(text):
        return text
    head = text[:end]
    for separators in ((", ", " · "), (" ",)):
        cut = max(head.rfind(separator) for separator in separators)
        if cut >= end // 2:
            return head[:cut].rstrip(" ,·") + " …"
    return head.rstrip() + "…"


def format_value(value: Any) -> str:
    """A drawn value, short: 4 significant digits, lists joined, long ones cut."""
    if isinstance(value, (bool, np.bool_)):
        text = str(bool(value)).lower()
    elif isinstance(value, (float, np.floating)):
        text = f"{float(value):.4g}"
    elif isinstance(value, (list, tuple, np.ndarray)):
        text = "[" + ", ".join(format_value(v) for v in list(value)[:12]) + (", …" if len(value) > 12 else "") + "]"
    elif isinstance(value, dict):
        text = ", ".join(f"{k}={format_value(v)}" for k, v in value.items())
    else:
        text = str(value)
    return text if len(text) <= MAX_VALUE_CHARS else text[:MAX_VALUE_CHARS - 1] + "…"


def _rows(entries: list[dict], depth: int) -> list[str]:
    rows = []
    for entry in entries:
        name = entry.get("op") or entry.get("group", "")
        indent = "&nbsp;" * 4 * depth
        fired = (QCoreApplication.translate("MainWindow", "yes") if entry.get("fired")
                 else QCoreApplication.translate("MainWindow", "no"))
        drawn = entry.get("drawn") or {}
        values = "<br>".join(f"{html.escape(str(key))} = {html.escape(format_value(value))}"
                             for key, value in drawn.items())
        style = "" if entry.get("fired") else " style='color:gray'"
        rows.append(f"<tr{style}><td>{indent}{html.escape(str(entry.get('path', '')))}&nbsp;"
                    f"<b>{html.escape(str(name))}</b></td><td>{fired}</td><td>{values}</td></tr>")
        rows += _rows(entry.get("steps") or [], depth + 1)
    return rows


def trace_table(trace: list[dict], title: str = "") -> str:
    """The trace as an HTML table for a tooltip: one row per step (groups' steps indented under
    them), whether it fired and the values it drew, one per line."""
    step = QCoreApplication.translate("MainWindow", "step")
    fired = QCoreApplication.translate("MainWindow", "fired")
    drew = QCoreApplication.translate("MainWindow", "drew")
    head = f"<tr><th align='left'>{step}</th><th align='left'>{fired}</th><th align='left'>{drew}</th></tr>"
    heading = f"<p>{html.escape(title)}</p>" if title else ""
    nothing = QCoreApplication.translate("MainWindow", "no step is enabled")
    body = "".join(_rows(trace[:TOOLTIP_ENTRIES], 0)) or f"<tr><td colspan='3'>{nothing}</td></tr>"
    if len(trace) > TOOLTIP_ENTRIES:
        more = _tr("… {count} more steps").format(count=len(trace) - TOOLTIP_ENTRIES)
        body += f"<tr><td colspan='3'>{html.escape(more)}</td></tr>"
    return f"<qt>{heading}<table cellspacing='0' cellpadding='2'>{head}{body}</table></qt>"
