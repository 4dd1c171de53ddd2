"""Grid images for slides: titles fit their cells and are drawn with real glyphs, in any language
the window speaks."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import ImageFont

from augview.analysis import fonts, grid

IMAGE = np.full((40, 60, 3), 90, np.uint8)


def test_pillows_own_font_draws_what_it_can_so_titles_look_the_same_everywhere(monkeypatch):
    monkeypatch.setattr(fonts, "candidates", lambda chinese: (_ for _ in ()).throw(AssertionError("looked")))
    font = fonts.font_for(20, ["#1 seed 3: rotate angle=12.3° ±5%", ""])
    assert font.getname() == ImageFont.load_default(size=20).getname()


def test_missing_finds_what_a_font_cannot_draw():
    default = ImageFont.load_default(size=20)
    assert fonts.missing(default, {"°", "±", "a"}) == set()
    assert fonts.missing(default, {"×", "原"}) == {"×", "原"}


def test_other_characters_pick_the_first_system_font_that_has_them_all(monkeypatch):
    loaded = []
    real_truetype = ImageFont.truetype

    class Fake:
        def __init__(self, lacks):
            self.lacks = lacks

    def truetype(font, size, index=0, *args, **kwargs):
        if str(font).startswith("/fonts/"):
            loaded.append((font, index))
            return Fake({"latin.ttf": {"原"}, "cjk.ttc": set()}[font.split("/")[-1]])
        return real_truetype(font, size, index, *args, **kwargs)  # Pillow's own font loads through it

    real_missing = fonts.missing
    monkeypatch.setattr(ImageFont, "truetype", truetype)
    monkeypatch.setattr(fonts, "missing", lambda font, chars: (
        set(chars) & font.lacks if isinstance(font, Fake) else real_missing(font, chars)))
    monkeypatch.setattr(fonts, "candidates", lambda chinese: (("/fonts/latin.ttf", 0), ("/fonts/cjk.ttc", 2)))
    assert fonts.font_for(20, ["scale=1.1×"]).lacks == {"原"}  # the first that has "×"
    assert fonts.font_for(20, ["原图 — 512×512"]).lacks == set()
    assert loaded == [("/fonts/latin.ttf", 0), ("/fonts/latin.ttf", 0), ("/fonts/cjk.ttc", 2)]


def test_a_caption_without_spaces_is_cut_to_the_cell_width():
    font = ImageFont.load_default(size=14)
    text = "x" * 200  # a line of Chinese has no spaces either
    lines = grid.wrap(text, font, 120, max_lines=3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(font.getlength(line) <= 120 for line in lines)
    assert "".join(lines[:2]) == text[:len("".join(lines[:2]))]  # nothing lost before the cut


def test_a_long_run_starts_on_the_line_in_progress():
    font = ImageFont.load_default(size=14)
    lines = grid.wrap("seed 3: " + "y" * 60, font, 200, max_lines=5)
    assert lines[0].startswith("seed 3: y") and font.getlength(lines[0]) > 150
    assert "".join(lines).replace(" ", "") == ("seed3:" + "y" * 60)


@pytest.mark.skipif(not fonts.candidates(), reason="no system font on this machine")
def test_chinese_titles_are_drawn_with_real_glyphs():
    """Pillow's built-in font draws every Chinese character as the same empty box; two different
    titles must give different pixels."""
    font = fonts.font_for(20, ["原图变体"])
    if fonts.missing(font, set("原图变体")):
        pytest.skip("no font with Chinese glyphs on this machine")
    boxes = [grid.compose_grid([IMAGE], [t], cell=128) for t in ("原图", "变体")]
    assert not np.array_equal(*boxes)


def test_an_exported_grid_has_cells_as_large_as_the_photo_within_256_to_1024():
    assert [grid.export_cell(shape) for shape in ((48, 64, 3), (300, 700), (600, 400, 3), (4000, 6000, 3))] == \
        [256, 700, 600, 1024]


def test_separators_and_control_characters_in_a_title_or_name_are_drawn_as_spaces():
    """A file named with a paragraph separator (U+2029) gave "RuntimeError: raqm_layout() failed"
    from Pillow, and `augview render` died with a traceback; so did a class name holding one."""
    from augview.analysis.overlays import Overlay, OverlayOptions

    odd = "pho\u2029to\u2028 1\n2\x1b\ud800"
    assert fonts.drawable(odd) == "pho to  1 2  "
    sheet = grid.compose_grid([IMAGE, IMAGE], [odd, "b"], cell=64, title=odd)
    assert sheet.shape[2] == 3
    overlay = Overlay(IMAGE.shape[1], IMAGE.shape[0], np.array([[2.0, 2, 30, 30]]), [odd], [(200, 30, 30)],
                      legend=[(odd, (200, 30, 30))], mask=np.zeros((*IMAGE.shape[:2], 4), np.uint8))
    drawn = grid.compose_grid([IMAGE], ["a"], cell=128, overlays=[overlay], options=OverlayOptions())
    assert not np.array_equal(drawn, grid.compose_grid([IMAGE], ["a"], cell=128))
