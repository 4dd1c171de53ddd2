"""Grid images for slides: titles fit their cells, in any language the window speaks."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import ImageFont

from augview.core import grid

IMAGE = np.full((40, 60, 3), 90, np.uint8)


def test_only_titles_in_another_script_load_a_system_font(monkeypatch):
    loaded = []
    monkeypatch.setattr(grid, "cjk_font_file", lambda: "/fonts/cjk.ttc")
    real_truetype = ImageFont.truetype

    def truetype(font, size, *args, **kwargs):
        if font == "/fonts/cjk.ttc":
            loaded.append(size)
            return "cjk"
        return real_truetype(font, size, *args, **kwargs)  # Pillow's own font loads through it too

    monkeypatch.setattr(ImageFont, "truetype", truetype)
    latin = grid._font(20, ["#1 seed 3: rotate angle=12.3°", ""])
    assert loaded == [] and latin.getname() == ImageFont.load_default(size=20).getname()
    assert grid._font(20, ["#1 种子 3：rotate angle=12.3°"]) == "cjk"
    assert loaded == [20]


def test_a_caption_without_spaces_is_cut_to_the_cell_width():
    font = ImageFont.load_default(size=14)
    text = "x" * 200  # a line of Chinese has no spaces either
    lines = grid.wrap(text, font, 120, max_lines=3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(font.getlength(line) <= 120 for line in lines)
    assert "".join(lines[:2]) == text[:len("".join(lines[:2]))]  # nothing lost before the cut


def test_cjk_detection():
    assert grid.needs_cjk_font("原图") and grid.needs_cjk_font("种子：3")
    assert not grid.needs_cjk_font("rotate angle=12.3° ±5% x2")


@pytest.mark.skipif(grid.cjk_font_file() is None, reason="no font with Chinese glyphs on this machine")
def test_chinese_titles_are_drawn_with_real_glyphs():
    """Pillow's built-in font draws every Chinese character as the same empty box; two different
    titles must give different pixels."""
    first = grid.compose_grid([IMAGE], ["原图"], cell=128, title="旋转")
    second = grid.compose_grid([IMAGE], ["变体"], cell=128, title="裁剪")
    assert first.shape == second.shape
    assert not np.array_equal(first, second)
    boxes = [grid.compose_grid([IMAGE], [t], cell=128) for t in ("原图", "变体")]
    assert not np.array_equal(*boxes)
