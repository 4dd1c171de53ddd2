"""Headless "original + N variants" grids, used by `augview render` and the window's PNG export
(`export_grid`).

Variant ``i`` (counting from 0) is the pipeline applied with seed ``seed + i`` (wrapping past the
largest seed to 0: `variant_seed`), so any cell can be reproduced on its own: the cell's title says
which seed it used. Given an image's annotations (`augview.analysis.overlays.Shown`), every cell
shows its boxes, mask and keypoints, drawn at the cell's resolution, and its title says what
happened to them.
"""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageDraw

from augview.analysis.fonts import drawable, font_for
from augview.analysis.overlay_draw import draw_overlay
from augview.analysis.overlays import Overlay, OverlayOptions, Shown, overlay_of, run_with_targets
from augview.analysis.target_story import caption
from augview.core.imageio import save_image
from augview.errors import AugviewError
from augview.pipeline.pipeline import Pipeline, Result, variant_seed
from augview.text import tr

BACKGROUND = (32, 34, 38)
TEXT = (235, 235, 235)
MUTED = (160, 166, 176)


def render_variants(pipeline: Pipeline, image: np.ndarray, count: int, seed: int) -> list[Result]:
    return [pipeline.apply(image, seed=variant_seed(seed, i)) for i in range(count)]


def render_annotated(pipeline: Pipeline, image: np.ndarray, count: int, seed: int, shown: Shown
                     ) -> tuple[list[Result], list[Overlay]]:
    """The variants with their targets: ``(results, overlays)``, the original's overlay first."""
    results, overlays = [], [overlay_of(shown)]
    for i in range(count):
        result, overlay = run_with_targets(pipeline, image, shown, variant_seed(seed, i))
        results.append(result)
        overlays.append(overlay)
    return results, overlays


def variant_title(number: int, seed: int, summary: str, targets: str = "") -> str:
    """A variant's title: its number, seed, what happened to its targets and what fired."""
    if targets:
        return tr("#{number} seed {seed} · {targets} · {summary}").format(
            number=number, seed=seed, targets=targets, summary=summary)
    return tr("#{number} seed {seed}: {summary}").format(number=number, seed=seed, summary=summary)


def grid_titles(results: list[Result], shown: Shown | None = None) -> list[str]:
    return [tr("original")] + [variant_title(i + 1, r.seed, r.summary, caption(r, shown) if shown else "")
                               for i, r in enumerate(results)]


def export_cell(shape: tuple) -> int:
    """The cell size of a grid exported for slides: as large as the photo's longer side, between
    256 and 1024 px, so the export shows real detail without becoming huge."""
    return int(min(1024, max(256, max(shape[:2]))))


def render_grid(pipeline: Pipeline, image: np.ndarray, variants: int = 3, seed: int = 0,
                cell: int = 384, columns: int | None = None, title: str = "", shown: Shown | None = None,
                options: OverlayOptions = OverlayOptions()) -> np.ndarray:
    """The original and ``variants`` augmented versions, each cell titled with what it drew; with
    ``shown``, the targets drawn over every cell (``options``: which kinds)."""
    if shown is None:
        results = render_variants(pipeline, image, variants, seed)
        return compose_grid([image] + [r.image for r in results], grid_titles(results), cell, columns, title)
    results, overlays = render_annotated(pipeline, image, variants, seed, shown)
    return compose_grid([image] + [r.image for r in results], grid_titles(results, shown), cell, columns, title,
                        overlays, options)


def export_grid(path: str, pipeline: Pipeline, image: np.ndarray, variants: int, seed: int, title: str,
                shown: Shown | None = None, options: OverlayOptions = OverlayOptions()) -> str:
    """The original and ``variants`` variants as a grid for slides (cells of `export_cell`),
    written atomically to ``path`` in the format of its suffix. Returns the path; a file that
    cannot be written raises `AugviewError` naming it."""
    grid = render_grid(pipeline, image, variants, seed, cell=export_cell(image.shape), title=title, shown=shown,
                       options=options)
    write_image(path, grid)
    return path


def write_image(path: str, image: np.ndarray) -> None:
    """`save_image`, with a file that cannot be written as an `AugviewError`: one sentence naming
    it, not an errno dump. (A suffix no image format has, or a folder: save_image's OptionError
    names the path already.)"""
    try:
        save_image(path, image)
    except OSError as err:
        raise AugviewError(tr("{path}: cannot write ({reason})").format(path=path, reason=err.strerror or err)) from None


def compose_grid(images: list[np.ndarray], titles: list[str], cell: int = 384,
                 columns: int | None = None, title: str = "", overlays: list[Overlay | None] | None = None,
                 options: OverlayOptions = OverlayOptions(), text_size: int | None = None,
                 frames: list | None = None) -> np.ndarray:
    """Lay images out in a grid of ``cell``-sized squares, each fitted without distortion and
    titled underneath, with ``overlays[i]`` drawn over image ``i`` at the cell's resolution and,
    with ``frames``, a frame of colour ``frames[i]`` around it (to tie it to a box drawn
    elsewhere in that colour). ``text_size``: the captions' pixel size, for a sheet shown smaller
    than it is made (default: from the cell). Returns an RGB uint8 array."""
    count = len(images)
    columns = columns or math.ceil(math.sqrt(count))
    rows = math.ceil(count / columns)
    # (Only the start of a text can be shown: the rest need not be looked at.)
    font = font_for(text_size or max(11, cell // 28), [text[:2000] for text in (title, *titles)])
    line_height = int(font.size * 1.3)
    caption = line_height * 3 + 6  # up to three lines of text under each image
    pad = 8
    header = line_height + pad * 2 if title else 0
    width = columns * (cell + pad) + pad
    height = header + rows * (cell + caption + pad) + pad
    canvas = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(canvas)
    if title:
        draw.text((pad, pad), wrap(title, font, width - 2 * pad, max_lines=1)[0], fill=TEXT, font=font)
    for index, (array, text) in enumerate(zip(images, titles)):
        row, col = divmod(index, columns)
        x = pad + col * (cell + pad)
        y = header + pad + row * (cell + caption + pad)
        tile = fit_into(array, cell)
        if overlays is not None and overlays[index] is not None:
            tile = draw_overlay(tile, overlays[index], options)
        left, top = x + (cell - tile.width) // 2, y + (cell - tile.height) // 2
        canvas.paste(tile, (left, top))
        if frames is not None and frames[index] is not None:
            border = max(2, cell // 60)
            draw.rectangle((left - border, top - border, left + tile.width + border - 1, top + tile.height + border - 1),
                           outline=tuple(frames[index]), width=border)
        lines = wrap(text, font, cell, max_lines=3)
        for n, line in enumerate(lines):
            draw.text((x, y + cell + 4 + n * line_height), line, fill=TEXT if n == 0 else MUTED, font=font)
    return np.asarray(canvas)


SLIDE_ASPECT = 16 / 9  # a contact sheet for slides is about this much wider than tall


def sheet_layout(count: int, width: int, pad: int = 8) -> tuple[int, int]:
    """``(cell, columns)`` for `compose_grid` so that ``count`` cells fill a sheet ``width``
    pixels wide (up to ``columns - 1`` pixels narrower: `to_width` adds them) and about 16:9."""
    width = max(int(width), 64)
    columns = max(1, min(count, math.ceil(math.sqrt(count * SLIDE_ASPECT))))
    cell = max(16, (width - pad) // columns - pad)
    return cell, columns


def to_width(sheet: np.ndarray, width: int) -> np.ndarray:
    """``sheet`` centred on a background exactly ``width`` pixels wide (when it is narrower)."""
    missing = int(width) - sheet.shape[1]
    if missing <= 0:
        return sheet
    canvas = np.empty((sheet.shape[0], int(width), 3), np.uint8)
    canvas[:] = BACKGROUND
    canvas[:, missing // 2: missing // 2 + sheet.shape[1]] = sheet
    return canvas


def fit_into(array: np.ndarray, size: int) -> Image.Image:
    """The image scaled (up or down) to fit a size x size square, aspect ratio kept."""
    tile = Image.fromarray(array).convert("RGB")
    scale = size / max(tile.width, tile.height)
    new = (max(1, round(tile.width * scale)), max(1, round(tile.height * scale)))
    return tile.resize(new, Image.Resampling.LANCZOS if scale < 1 else Image.Resampling.NEAREST)


def wrap(text: str, font, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap by measured width; the last line is cut with an ellipsis if needed. A
    word wider than a line (Chinese puts no spaces between words, so a whole caption can be one
    "word") is broken between characters, starting on the line in progress."""
    # At most this many characters can show (a glyph is at least a pixel wide): the rest would
    # only be measured to be cut (and Pillow refuses to measure a million characters).
    limit = (max_lines + 1) * (int(width) + 1)
    cut, text = len(text) > limit, drawable(text[:limit])
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if len(lines) > max_lines:
            break  # enough for the ellipsis: a long text costs no more than a short one
        trial = f"{current} {word}" if current else word
        if font.getlength(trial) <= width:
            current = trial
        elif font.getlength(word) <= width:
            lines.append(current)
            current = word
        else:
            current = f"{current} " if current else ""
            for char in word:
                if current.strip() and font.getlength(current + char) > width:
                    lines.append(current.rstrip())
                    current = ""
                    if len(lines) > max_lines:
                        break
                current += char
    if current:
        lines.append(current)
    if len(lines) > max_lines or (cut and lines):
        lines = lines[:max_lines]
        last = lines[-1]
        while last and font.getlength(last + "…") > width:
            last = last[:-1]
        lines[-1] = last + "…"
    return lines
