"""The texts under the preview cells: the original's size and proxy note, the cap on each
variant's summary of what fired, and the trace in its tooltip. Capped, so that a 10,000-step preset does not give
every cell a caption and a tooltip of megabytes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from augview.analysis.probabilities import depends_on_resolution

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


def trace_text(trace: list[dict]) -> str:
    lines = [f"{e}" for e in trace[:TOOLTIP_ENTRIES]]
    if len(trace) > TOOLTIP_ENTRIES:
        lines.append(_tr("… {count} more steps").format(count=len(trace) - TOOLTIP_ENTRIES))
    return "\n".join(lines)
