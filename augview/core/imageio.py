"""Reading and writing images with Pillow.

`load_image` always returns a uint8 array: (H, W, 3) RGB by default, or (H, W) with
``mode="L"``. What it does with unusual files, so results are predictable:

- EXIF orientation is applied, so a phone photo stands the way it was shot;
- animations (GIF, APNG, WebP, multi-page TIFF): the first frame;
- transparency (RGBA, LA, PA, palette with a transparent colour) is composited over white, the way
  the image looks on a page; the alpha channel is then dropped;
- palette, 1-bit, CMYK, YCbCr and LAB images are converted by Pillow;
- 16-bit images are scaled from 0..65535 to 0..255; 32-bit integer and float images are scaled
  from their own range (floats already in 0..1 are taken as 0..1);
- Pillow's decompression-bomb guard applies: an image over ``Image.MAX_IMAGE_PIXELS * 2`` pixels
  is refused; truncated, empty and non-image files are refused. Every failure is an
  ImageLoadError whose message names the file and the problem.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from augview.core.atomic import atomic_write_bytes
from augview.core.registry import check_image
from augview.errors import ImageLoadError

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp", ".gif", ".ppm", ".pgm", ".pnm")


def load_image(path: str | os.PathLike, mode: str = "RGB") -> np.ndarray:
    """Read an image file as a uint8 array, RGB (H, W, 3) or, with ``mode="L"``, grey (H, W)."""
    if mode not in ("RGB", "L"):
        raise ValueError(f"mode must be 'RGB' or 'L', got {mode!r}")
    name = str(path)
    try:
        if os.path.isdir(path):
            raise ImageLoadError(f"{name}: is a folder, not an image")
        if os.path.getsize(path) == 0:
            raise ImageLoadError(f"{name}: the file is empty")
        with Image.open(path) as opened:
            opened.seek(0)
            opened.load()
            image = ImageOps.exif_transpose(opened) or opened
            array = _to_uint8(image, mode)
    except ImageLoadError:
        raise
    except FileNotFoundError:
        raise ImageLoadError(f"{name}: no such file") from None
    except PermissionError:
        raise ImageLoadError(f"{name}: permission denied") from None
    except Image.DecompressionBombError as err:
        raise ImageLoadError(f"{name}: refused as a possible decompression bomb ({err})") from None
    except UnidentifiedImageError:
        raise ImageLoadError(f"{name}: not an image file augview can read") from None
    except (OSError, SyntaxError, ValueError, EOFError) as err:
        # Pillow reports truncated or corrupt data as OSError / SyntaxError / EOFError.
        raise ImageLoadError(f"{name}: the image data is truncated or corrupt ({err})") from None
    except MemoryError:
        raise ImageLoadError(f"{name}: too large to decode in memory") from None
    return array


def decode_image(data: bytes, name: str = "<bytes>", mode: str = "RGB") -> np.ndarray:
    """Like `load_image`, for bytes in memory."""
    try:
        with Image.open(io.BytesIO(data)) as opened:
            opened.seek(0)
            opened.load()
            return _to_uint8(ImageOps.exif_transpose(opened) or opened, mode)
    except Image.DecompressionBombError as err:
        raise ImageLoadError(f"{name}: refused as a possible decompression bomb ({err})") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as err:
        raise ImageLoadError(f"{name}: not a readable image ({err})") from None


def _to_uint8(image: Image.Image, mode: str) -> np.ndarray:
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        grey = _scale_wide(np.asarray(image))
        return grey if mode == "L" else np.repeat(grey[:, :, None], 3, axis=2)
    if image.mode == "P" and "transparency" in image.info:
        image = image.convert("RGBA")
    elif image.mode == "PA":
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "RGBa", "La"):
        image = image.convert("RGBA")
        white = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, image)
    return np.ascontiguousarray(np.asarray(image.convert(mode)), dtype=np.uint8)


def _scale_wide(values: np.ndarray) -> np.ndarray:
    """Scale 16-bit, 32-bit integer or float pixels to uint8."""
    values = values.astype(np.float64)
    finite = values[np.isfinite(values)]
    low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    if low >= 0 and high <= 1.0 and values.dtype.kind == "f":
        scaled = values * 255.0
    elif low >= 0 and high <= 65535:
        scaled = values / 257.0
    else:
        scaled = (values - low) * (255.0 / max(high - low, 1e-12))
    return np.clip(np.nan_to_num(np.rint(scaled)), 0, 255).astype(np.uint8)


def encode_image(image: np.ndarray, suffix: str = ".png", quality: int = 95) -> bytes:
    check_image(image)
    fmt = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".bmp": "BMP", ".tif": "TIFF",
           ".tiff": "TIFF", ".webp": "WEBP"}.get(suffix.lower())
    if fmt is None:
        raise ValueError(f"cannot save images as {suffix!r}; use .png, .jpg, .bmp, .tif or .webp")
    buffer = io.BytesIO()
    options = {"quality": quality} if fmt in ("JPEG", "WEBP") else {}
    Image.fromarray(image).save(buffer, format=fmt, **options)
    return buffer.getvalue()


def save_image(path: str | os.PathLike, image: np.ndarray, quality: int = 95) -> None:
    """Save atomically; the format follows the file's suffix."""
    atomic_write_bytes(path, encode_image(image, Path(path).suffix, quality))
