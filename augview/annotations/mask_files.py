"""Mask PNGs: a label map with the image's stem in a ``masks/`` folder (or VOC's
``SegmentationClass/``), its values kept exactly.

Read as stored: 8-bit grey (``L``), palette (``P``: the palette indices are the labels, and the
palette is kept so a written mask shows the same colours), 16-bit grey (uint16), 1-bit (bool) and
colour masks (``RGB``, one colour per class: (H, W, 3), moved with nearest neighbour like any
mask, so every colour stays a colour of the input). A ``classes.txt`` beside the masks names the
values (line *i* names value *i*).
"""

from __future__ import annotations

import io
import os
import warnings
from pathlib import Path

import numpy as np
from PIL import Image

from augview.annotations.model import read_text
from augview.errors import AnnotationError
from augview.text import tr

_MODES = {"1": None, "L": None, "P": None, "I;16": np.uint16, "I;16B": np.uint16, "I;16L": np.uint16,
          "I": None, "RGB": None, "LA": None, "RGBA": None}


def read_mask(path: str | os.PathLike, width: int, height: int) -> tuple[np.ndarray, list[int] | None]:
    """``(labels, palette)``: the mask as an integer or bool array of the image's size, and the
    PNG's palette (768 numbers) when it has one."""
    name = os.fspath(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as opened:
                if opened.size != (width, height):
                    raise AnnotationError(tr("{path}: the mask is {mask}, its image is {image}").format(
                        path=name, mask=f"{opened.size[0]}x{opened.size[1]}", image=f"{width}x{height}"))
                if opened.mode not in _MODES:
                    raise AnnotationError(tr("{path}: a mask in mode {mode} cannot be read as labels").format(
                        path=name, mode=opened.mode))
                opened.load()
                palette = opened.getpalette() if opened.mode == "P" else None
                image = opened
                if image.mode in ("LA", "RGBA"):  # the alpha channel of a label map carries no label
                    image = image.convert(image.mode[:-1])
                array = np.array(image)
    except AnnotationError:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning) as err:
        raise AnnotationError(tr("{path}: cannot be read as a mask ({reason})").format(
            path=name, reason=getattr(err, "strerror", None) or err)) from None
    if array.dtype == np.int32:  # 16-bit PNGs open as "I" in older Pillow: the values fit in uint16
        if array.size and (array.min() < 0 or array.max() > 65535):
            raise AnnotationError(tr("{path}: mask values must lie in 0..65535").format(path=name))
        array = array.astype(np.uint16)
    return np.ascontiguousarray(array), palette


def encode_mask(mask: np.ndarray, palette: list[int] | None = None) -> bytes:
    """PNG bytes of a label map, values exact: bool as 1-bit, uint8 as grey (or palette),
    uint16 as 16-bit grey, (H, W, 3) uint8 as colour."""
    array = np.ascontiguousarray(mask)
    if array.dtype == bool:
        image = Image.fromarray(array)
    elif array.dtype == np.uint8 and array.ndim in (2, 3):
        if palette is not None and array.ndim == 2:
            image = Image.frombytes("P", (array.shape[1], array.shape[0]), array.tobytes())
            image.putpalette(palette)
        else:
            image = Image.fromarray(array)
    elif array.ndim == 2 and np.issubdtype(array.dtype, np.integer) and (
            not array.size or (array.min() >= 0 and array.max() <= 65535)):
        image = Image.fromarray(array.astype(np.uint16))
    else:
        raise ValueError(f"cannot write a mask of dtype {array.dtype} and shape {array.shape} as PNG")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def read_mask_names(folder: str | os.PathLike) -> dict[int, str]:
    """Value -> name from a ``classes.txt`` in the masks folder (line *i* names value *i*)."""
    path = Path(folder) / "classes.txt"
    if not path.is_file():
        return {}
    names = [line.strip() for line in read_text(path).splitlines()]
    return {i: name for i, name in enumerate(names) if name}
