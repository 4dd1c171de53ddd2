"""Drawing an `Overlay` into a picture with Pillow, at the picture's own resolution: grid PNGs
(``augview render --annotations``, the window's *Export grid as PNG*) and contact sheets.

The window's panes draw the same overlays with Qt at screen resolution; both follow one look:
boxes in their class colour with the class name on a tag, dropped boxes dashed with the reason,
the mask as a translucent layer (or alone, on black), keypoints as dots joined by the skeleton's
edges, and a legend of the mask's values.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from augview.analysis.fonts import drawable, font_for
from augview.analysis.overlays import RGB, Overlay, OverlayOptions
from augview.analysis.tag_layout import TagLayout, legend_corner

MASK_OPACITY = 0.45  # the mask layer over the picture


def text_color(background: RGB) -> RGB:
    """Black or white, whichever reads better on ``background``."""
    r, g, b = background
    return (0, 0, 0) if 0.299 * r + 0.587 * g + 0.114 * b > 140 else (255, 255, 255)


def line_width(size: tuple[int, int]) -> int:
    return max(1, round(max(size) / 320))


def draw_overlay(tile: Image.Image, overlay: Overlay | None, options: OverlayOptions = OverlayOptions(),
                 legend: bool = True) -> Image.Image:
    """``tile`` (the picture ``overlay`` belongs to, at any size) with the overlay drawn on it."""
    if overlay is None or overlay.width <= 0 or overlay.height <= 0:
        return tile
    tile = tile.convert("RGB")
    sx, sy = tile.width / overlay.width, tile.height / overlay.height
    if overlay.mask is not None and (options.masks or options.mask_only):
        layer = Image.fromarray(overlay.mask, "RGBA").resize(tile.size, Image.Resampling.NEAREST)
        if options.mask_only:
            base = Image.new("RGB", tile.size, (0, 0, 0))
            base.paste(layer, (0, 0), layer)
            tile = base
        else:
            alpha = np.asarray(layer)[:, :, 3].astype(np.float32) * MASK_OPACITY
            layer.putalpha(Image.fromarray(alpha.astype(np.uint8), "L"))
            tile = Image.alpha_composite(tile.convert("RGBA"), layer).convert("RGB")
    draw = ImageDraw.Draw(tile)
    width = line_width(tile.size)
    texts = overlay.box_names + overlay.dropped_names + [name for name, _ in overlay.legend] + [overlay.ghost_label]
    font = font_for(max(10, min(tile.size) // 40), [t[:200] for t in texts])

    # Pillow draws with C integers: a box given far outside the picture (a YOLO width of 1e17)
    # is cut to a margin around it, which draws the same.
    far = 4.0 * max(tile.size) + 100

    def scaled(box) -> tuple[float, float, float, float]:
        return tuple(min(max(v, -far), far) for v in (box[0] * sx, box[1] * sy, box[2] * sx, box[3] * sy))

    tags = TagLayout(0, 0, tile.width, tile.height, font.size)

    if len(overlay.ghosts):
        for box in overlay.ghosts:
            dashed_rectangle(draw, scaled(box), (255, 255, 255), max(1, width // 2), dash=2 * width, gap=2 * width)
    # Outlines, skeleton and dots first, the tags last (as the window paints them): no line or
    # dot crosses a name. The kept boxes' tags are placed first; a dropped box's only where room
    # is left.
    kept_tags, dropped_tags = [], []
    if options.dropped:
        for box, name, color in zip(overlay.dropped, overlay.dropped_names, overlay.dropped_colors):
            rect = scaled(box)
            dashed_rectangle(draw, rect, color, width, dash=5 * width, gap=4 * width)
            dropped_tags.append((rect, name, color))
    shown = []  # the boxes drawn, for where the legend goes
    if options.boxes:
        for box, name, color in zip(overlay.boxes, overlay.box_names, overlay.box_colors):
            rect = scaled(box)
            shown.append(rect)
            draw.rectangle(rect, outline=color, width=width)
            kept_tags.append((rect, name, color))
    if options.keypoints and len(overlay.points):
        # A dark halo under each edge, as in the window: visible over a mask of the same colour.
        edges = [scaled(edge) for edge in overlay.edges]  # (x0, y0, x1, y1) scale like a box
        for edge in edges:
            draw.line(edge, fill=(0, 0, 0), width=width + 2)
        for edge, color in zip(edges, overlay.edge_colors):
            draw.line(edge, fill=color, width=width)
        radius = 1.5 * width + 1
        for (x, y), color in zip(overlay.points, overlay.point_colors):
            if not (abs(x * sx) < far and abs(y * sy) < far):
                continue  # far outside: nothing of it would show
            draw.ellipse((x * sx - radius, y * sy - radius, x * sx + radius, y * sy + radius),
                         fill=color, outline=(255, 255, 255), width=max(1, width // 2))
    for rect, name, color in kept_tags:
        tag(draw, rect, name, color, font, tags)
    for rect, name, color in dropped_tags:
        tag(draw, rect, name, color, font, tags, optional=True)
    if legend and overlay.legend and (options.masks or options.mask_only):
        draw_legend(draw, overlay.legend, font, tile.size, shown + tags.placed)
    return tile


def tag(draw: ImageDraw.ImageDraw, rect, text: str, color: RGB, font, tags: TagLayout, optional: bool = False) -> None:
    """``text`` on a tag of ``color`` above the box's top-left corner (inside it at the top edge),
    moved where ``tags`` finds room beside the tags already drawn (left out, when ``optional``,
    where there is none)."""
    if not text:
        return
    text = drawable(text)  # a class name from an annotation file
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    w, h = right - left + 6, bottom - top + 4
    spot = tags.place(rect, w, h, optional)
    if spot is None:
        return
    x, y = spot
    draw.rectangle((x, y, x + w, y + h), fill=color)
    draw.text((x + 3 - left, y + 2 - top), text, fill=text_color(color), font=font)


def dashed_rectangle(draw: ImageDraw.ImageDraw, rect, color: RGB, width: int, dash: float, gap: float) -> None:
    x0, y0, x1, y1 = rect
    for a, b in (((x0, y0), (x1, y0)), ((x1, y0), (x1, y1)), ((x1, y1), (x0, y1)), ((x0, y1), (x0, y0))):
        dashed_line(draw, a, b, color, width, dash, gap)


def dashed_line(draw: ImageDraw.ImageDraw, a, b, color: RGB, width: int, dash: float, gap: float) -> None:
    length = float(np.hypot(b[0] - a[0], b[1] - a[1]))
    if length == 0:
        return
    ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
    position = 0.0
    while position < length:
        end = min(position + dash, length)
        draw.line((a[0] + ux * position, a[1] + uy * position, a[0] + ux * end, a[1] + uy * end),
                  fill=color, width=width)
        position = end + gap


def draw_legend(draw: ImageDraw.ImageDraw, legend: list[tuple[str, RGB]], font, size: tuple[int, int],
                boxes=()) -> None:
    """The mask's values, one coloured square and name a line, in the corner that hides least of
    the ``boxes`` and tags drawn (see `legend_corner`)."""
    line = int(font.size * 1.35)
    legend = [(drawable(name), color) for name, color in legend]  # names from the mask's files
    height = line * len(legend) + 8
    width = max(int(draw.textlength(name, font=font)) for name, _ in legend) + line + 14
    left, top = (round(v) for v in legend_corner((0, 0, size[0], size[1]), (width, height), boxes))
    draw.rectangle((left, top, left + width, top + height), fill=(20, 20, 24))
    for n, (name, color) in enumerate(legend):
        y = top + 4 + n * line
        draw.rectangle((left + 4, y + 2, left + line - 2, y + line - 4), fill=color)
        draw.text((left + line + 4, y), name, fill=(240, 240, 240), font=font)
