"""Headless "original + N variants" grids, used by `augview render` and the window's PNG export.

Variant ``i`` (counting from 0) is the pipeline applied with seed ``seed + i``, so any cell can be
reproduced on its own: the cell's title says which seed it used.
"""

from __future__ import annotations

import functools
import math
import shutil
import subprocess
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from augview.core.pipeline import Pipeline, Result
from augview.core.text import tr

BACKGROUND = (32, 34, 38)
TEXT = (235, 235, 235)
MUTED = (160, 166, 176)


def render_variants(pipeline: Pipeline, image: np.ndarray, count: int, seed: int) -> list[Result]:
    return [pipeline.apply(image, seed=seed + i) for i in range(count)]


def grid_titles(results: list[Result]) -> list[str]:
    return [tr("original")] + [tr("#{number} seed {seed}: {summary}").format(number=i + 1, seed=r.seed, summary=r.summary)
                               for i, r in enumerate(results)]


def render_grid(pipeline: Pipeline, image: np.ndarray, variants: int = 3, seed: int = 0,
                cell: int = 384, columns: int | None = None, title: str = "") -> np.ndarray:
    """The original and ``variants`` augmented versions, each cell titled with what it drew."""
    results = render_variants(pipeline, image, variants, seed)
    return compose_grid([image] + [r.image for r in results], grid_titles(results), cell, columns, title)


def compose_grid(images: list[np.ndarray], titles: list[str], cell: int = 384,
                 columns: int | None = None, title: str = "") -> np.ndarray:
    """Lay images out in a grid of ``cell``-sized squares, each fitted without distortion and
    titled underneath. Returns an RGB uint8 array."""
    count = len(images)
    columns = columns or math.ceil(math.sqrt(count))
    rows = math.ceil(count / columns)
    font = _font(max(11, cell // 28), [title, *titles])
    line_height = int(font.size * 1.3)
    caption = line_height * 3 + 6  # up to three lines of text under each image
    pad = 8
    header = line_height + pad * 2 if title else 0
    width = columns * (cell + pad) + pad
    height = header + rows * (cell + caption + pad) + pad
    canvas = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(canvas)
    if title:
        draw.text((pad, pad), title, fill=TEXT, font=font)
    for index, (array, text) in enumerate(zip(images, titles)):
        row, col = divmod(index, columns)
        x = pad + col * (cell + pad)
        y = header + pad + row * (cell + caption + pad)
        tile = fit_into(array, cell)
        canvas.paste(tile, (x + (cell - tile.width) // 2, y + (cell - tile.height) // 2))
        lines = wrap(text, font, cell, max_lines=3)
        for n, line in enumerate(lines):
            draw.text((x, y + cell + 4 + n * line_height), line, fill=TEXT if n == 0 else MUTED, font=font)
    return np.asarray(canvas)


def fit_into(array: np.ndarray, size: int) -> Image.Image:
    """The image scaled (up or down) to fit a size x size square, aspect ratio kept."""
    tile = Image.fromarray(array).convert("RGB")
    scale = size / max(tile.width, tile.height)
    new = (max(1, round(tile.width * scale)), max(1, round(tile.height * scale)))
    return tile.resize(new, Image.Resampling.LANCZOS if scale < 1 else Image.Resampling.NEAREST)


def wrap(text: str, font, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap by measured width; the last line is cut with an ellipsis if needed."""
    words = [piece for word in text.split(" ") for piece in _pieces(word, font, width)]
    lines: list[str] = []
    current = ""
    for word in words:
        trial = f"{current} {word}".strip()
        if font.getlength(trial) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and font.getlength(last + "…") > width:
            last = last[:-1]
        lines[-1] = last + "…"
    return lines


def _pieces(word: str, font, width: int) -> list[str]:
    """A word wider than the line cut into pieces that fit (Chinese puts no spaces between
    words, so a whole caption can be one "word")."""
    pieces, current = [], ""
    for char in word:
        if current and font.getlength(current + char) > width:
            pieces.append(current)
            current = ""
        current += char
    return pieces + [current] if current else pieces or [""]


# Fonts with Chinese glyphs where the usual systems keep them; fontconfig is asked first.
CJK_FONT_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
)


def needs_cjk_font(text: str) -> bool:
    """True when ``text`` has characters from U+2E80 on (CJK, kana, Hangul, full-width forms),
    which Pillow's built-in font does not have."""
    return any(ord(char) >= 0x2E80 for char in text)


@functools.cache
def cjk_font_file() -> str | None:
    """A font file on this machine that can draw Chinese, or None."""
    if shutil.which("fc-match"):
        try:
            found = subprocess.run(["fc-match", "-f", "%{file}", ":lang=zh-cn"], capture_output=True,
                                   text=True, timeout=5).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            found = ""
        if found and Path(found).is_file() and Path(found).suffix.lower() in (".ttc", ".otf", ".ttf"):
            return found
    return next((path for path in CJK_FONT_FILES if Path(path).is_file()), None)


def _font(size: int, texts: list[str] = ()):
    # Pillow ships a scalable default font (with FreeType), so no system font is needed and the
    # output is the same on every machine. It only has Latin glyphs: titles from a window in
    # Chinese are drawn with a system font that has theirs (without one they show as boxes).
    path = cjk_font_file() if any(needs_cjk_font(text) for text in texts) else None
    if path is not None:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            pass
    return ImageFont.load_default(size=size)
