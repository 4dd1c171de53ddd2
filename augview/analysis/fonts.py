"""Fonts for text drawn into images (grid and contact-sheet titles).

Pillow's built-in scalable font (Aileron) is used whenever it has every character of the text:
it ships with Pillow, so such titles look the same on every machine. It covers ASCII and a few
signs (°, ±, …) but not ×, →, —, accented letters or any Chinese, so text that needs more (a
caption with "1.1×", a file name with "é", a window in Chinese) is drawn with a system font that
has all of its characters: fontconfig's choices first (for Chinese, then for sans-serif), then
the usual places of common fonts on Linux, macOS and Windows. Without one, the missing
characters show as boxes.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

from PIL import ImageFont

from augview.text import CONTROL_CODES

def drawable(text: str) -> str:
    """``text`` as one line Pillow can lay out: control characters, line and paragraph
    separators (U+2028, U+2029) and lone surrogates become spaces. A grid title comes from a file
    or preset name, a tag from an annotation file's class name: Pillow's layout engine (raqm)
    fails on a paragraph separator with a RuntimeError, which took ``augview render`` down."""
    return text.translate(_NOT_DRAWN)


_NOT_DRAWN = dict.fromkeys([*CONTROL_CODES, 0x2028, 0x2029, *range(0xD800, 0xE000)], " ")


# (file, face index) where the usual systems keep fonts with wide coverage (Chinese first).
KNOWN_FONTS = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),  # face 2: Simplified Chinese
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 0),
    ("/System/Library/Fonts/PingFang.ttc", 0),
    ("/System/Library/Fonts/STHeiti Light.ttc", 0),
    ("/Library/Fonts/Arial Unicode.ttf", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/simhei.ttf", 0),
    ("C:/Windows/Fonts/segoeui.ttf", 0),
    ("C:/Windows/Fonts/arial.ttf", 0),
)
# Patterns whose best match fontconfig is asked for: Chinese first when the text has some.
CHINESE_PATTERN, SANS_PATTERN = ":lang=zh-cn:style=Regular", "sans-serif:style=Regular"


def font_for(size: int, texts) -> ImageFont.ImageFont:
    """A font of ``size`` pixels that can draw every character of ``texts``: Pillow's own when it
    can, else the first system font that can (or, failing that, the one missing the fewest)."""
    default = ImageFont.load_default(size=size)
    needed = {char for text in texts for char in drawable(text) if ord(char) > 126}
    if not needed or not missing(default, needed):
        return default
    best, best_missing = default, len(missing(default, needed))
    chinese = any(ord(char) >= 0x2E80 for char in needed)  # CJK, kana, Hangul, full-width forms
    for path, index in candidates(chinese):
        try:
            font = ImageFont.truetype(path, size, index=index)
        except OSError:
            continue
        lacking = len(missing(font, needed))
        if lacking == 0:
            return font
        if lacking < best_missing:
            best, best_missing = font, lacking
    return best


def missing(font, chars) -> set[str]:
    """The characters ``font`` draws as its "missing glyph" box."""
    box = font.getmask("\uffff")  # a non-character: every font draws its missing-glyph box
    box = (box.size, bytes(box))
    out = set()
    for char in chars:
        mask = font.getmask(char)
        if (mask.size, bytes(mask)) == box:
            out.add(char)
    return out


@functools.cache
def candidates(chinese: bool = True) -> tuple[tuple[str, int], ...]:
    """System fonts to try, best first: fontconfig's matches, then the known places."""
    found: list[tuple[str, int]] = []
    if shutil.which("fc-match"):
        for pattern in (CHINESE_PATTERN, SANS_PATTERN) if chinese else (SANS_PATTERN, CHINESE_PATTERN):
            try:
                line = subprocess.run(["fc-match", "-f", "%{file}:%{index}", pattern], capture_output=True,
                                      text=True, timeout=5).stdout.strip()
            except (OSError, subprocess.SubprocessError):
                continue
            path, _, index = line.rpartition(":")
            if path and index.isdigit() and Path(path).suffix.lower() in (".ttc", ".otf", ".ttf"):
                found.append((path, int(index)))
    found += [(path, index) for path, index in KNOWN_FONTS if Path(path).is_file()]
    return tuple(dict.fromkeys(found))
