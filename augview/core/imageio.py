"""Reading and writing images with Pillow (plain JPEG and PNG files are decoded by OpenCV, to the
same pixels: see `_decode_with_opencv`).

`load_image` always returns a writeable, C-contiguous uint8 array: (H, W, 3) RGB by default, or
(H, W) with ``mode="L"``. What it does with unusual files, so results are predictable:

- EXIF orientation is applied, so a phone photo stands the way it was shot (an unreadable EXIF
  block is ignored rather than making the photo unreadable);
- animations (GIF, APNG, WebP, multi-page TIFF): the first frame;
- transparency (RGBA, LA, PA, palette with a transparent colour or alpha palette, grey or RGB with
  a transparent colour key) is composited over white, the way the image looks on a page; the alpha
  channel is then dropped;
- palette, 1-bit, CMYK, YCbCr and LAB images are converted to RGB by Pillow (grey for
  ``mode="L"``);
- 16-bit images (``I;16`` modes, and ``I`` images from PNG and PGM/PPM, whose grey can only be
  16-bit) are scaled from 0..65535 to 0..255; other 32-bit integer images and float images are
  scaled from their own min..max range, except floats already within 0..1, which are taken as
  0..1; NaN becomes 0 and infinities the ends of the range;
- Pillow's decompression-bomb guard applies: an image over ``Image.MAX_IMAGE_PIXELS * 2`` pixels
  is refused before any pixel memory is allocated. If some code switched the guard off
  (``MAX_IMAGE_PIXELS = None``), augview still refuses images over twice Pillow's default limit;
  set ``MAX_IMAGE_PIXELS`` to a larger number to read bigger images on purpose;
- truncated, empty and non-image files, folders, missing files and special files (pipes,
  devices) are refused. Truncation is detected because Pillow's ``ImageFile.LOAD_TRUNCATED_IMAGES``
  is False; augview never changes it, but if other code sets it to True, Pillow fills the missing
  part of a truncated file with grey and that can no longer be detected.

Every failure is an ImageLoadError whose message names the file and the problem; nothing else
escapes except ``ValueError`` for a bad ``mode`` argument and ``TypeError`` for a path that is not
a path.
"""

from __future__ import annotations

import io
import os
import re
import stat
from pathlib import Path, PurePosixPath

import cv2
import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from augview.core.atomic import atomic_write_bytes, is_stream
from augview.core.images import check_image
from augview.text import tr
from augview.errors import ImageLoadError, OptionError

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp", ".gif", ".ppm", ".pgm", ".pnm")

# Pillow's default MAX_IMAGE_PIXELS (about 0.25 GB of 24-bit pixels); used only when the guard has
# been switched off, so that one bad file cannot exhaust memory or decode for minutes.
_FALLBACK_MAX_PIXELS = 89_478_485
_SIXTEEN_BIT_MODES = ("I;16", "I;16B", "I;16L", "I;16N")
# Formats whose 32-bit "I" images can only hold 16-bit grey (older Pillow opens 16-bit PNG as "I";
# PGM with maxval > 255 is always "I", rescaled by Pillow to 0..65535).
_SIXTEEN_BIT_I_FORMATS = ("PNG", "PPM")
_ORIENTATION = 0x0112  # the EXIF tag
# Pillow modes of grey images: `load_image_as_stored` keeps them grey.
GREY_MODES = ("1", "L", "LA", "I", "F", "I;16", "I;16B", "I;16L", "I;16N")


def load_image(path: str | os.PathLike, mode: str = "RGB") -> np.ndarray:
    """Read an image file as a uint8 array, RGB (H, W, 3) or, with ``mode="L"``, grey (H, W)."""
    _check_mode(mode)
    data, name = _read(path)
    return _decode(data, name, mode)[0]


def load_image_as_stored(path: str | os.PathLike) -> tuple[np.ndarray, str]:
    """``(image, mode)``: like `load_image`, in the mode that keeps the file's colours: "L" for grey
    files (`GREY_MODES`), else "RGB". One read of the file, where a look at its header first and
    `load_image` then would open and parse it twice."""
    data, name = _read(path)
    return _decode(data, name, None)


def _read(path) -> tuple[bytes, str]:
    """The bytes of the image file at ``path`` and its name for messages."""
    if not isinstance(path, (str, bytes, os.PathLike)):
        # An int would be taken as a file descriptor by os.stat/open: refuse it plainly.
        raise TypeError(f"path must be a str or os.PathLike, got {type(path).__name__}")
    name = os.fsdecode(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ImageLoadError(tr("{name}: no such file").format(name=name)) from None
    except PermissionError:
        raise ImageLoadError(tr("{name}: permission denied").format(name=name)) from None
    except (OSError, ValueError) as err:  # ValueError: embedded NUL byte in the path
        raise ImageLoadError(tr("{name}: cannot access the file ({reason})").format(name=name, reason=_reason(err))) from None
    if stat.S_ISDIR(info.st_mode):
        raise ImageLoadError(tr("{name}: is a folder, not an image").format(name=name))
    if not stat.S_ISREG(info.st_mode):
        # Reading a pipe or a device could block forever or never end.
        raise ImageLoadError(tr("{name}: not a regular file (a pipe, socket or device)").format(name=name))
    if info.st_size == 0:
        raise ImageLoadError(tr("{name}: the file is empty").format(name=name))
    try:
        handle = open(path, "rb")
    except PermissionError:
        raise ImageLoadError(tr("{name}: permission denied").format(name=name)) from None
    except OSError as err:
        raise ImageLoadError(tr("{name}: cannot open the file ({reason})").format(name=name, reason=_reason(err))) from None
    with handle:
        try:
            # The whole file at once: one read, and OpenCV can decode from memory (`_decode`).
            data = handle.read()
        except MemoryError:
            raise ImageLoadError(tr("{name}: too large to decode in memory").format(name=name)) from None
        except OSError as err:
            raise ImageLoadError(tr("{name}: cannot open the file ({reason})").format(
                name=name, reason=_reason(err))) from None
    return data, name


def decode_image(data: bytes, name: str = "<bytes>", mode: str = "RGB") -> np.ndarray:
    """Like `load_image`, for the bytes of an image file in memory; ``name`` is used in errors."""
    _check_mode(mode)
    if not data:
        raise ImageLoadError(tr("{name}: the data is empty").format(name=name))
    return _decode(bytes(data), name, mode)[0]


def _check_mode(mode: str) -> None:
    if mode not in ("RGB", "L"):
        raise ValueError(f"mode must be 'RGB' or 'L', got {mode!r}")


def _bomb(name: str, err: BaseException) -> str:
    # Pillow's own text is a sentence of its own ("Image size (N pixels) exceeds limit of M
    # pixels, could be decompression bomb DOS attack."): its numbers are said in augview's words.
    found = re.search(r"\((\d+) pixels\) exceeds limit of (\d+) pixels", str(err))
    if found is None:
        return tr("{name}: refused as a possible decompression bomb ({reason})").format(name=name, reason=err)
    return tr("{name}: refused as a possible decompression bomb ({pixels} pixels, over the limit of {limit}; "
              "set PIL.Image.MAX_IMAGE_PIXELS to allow it)").format(
        name=name, pixels=f"{int(found.group(1)):,}", limit=f"{int(found.group(2)):,}")


def _reason(err: BaseException) -> str:
    text = getattr(err, "strerror", None) or str(err)
    return text or type(err).__name__


def _decode(data: bytes, name: str, mode: str | None) -> tuple[np.ndarray, str]:
    """Decode the first frame of an image file in ``mode`` (None: as stored, see
    `load_image_as_stored`); returns the pixels and the mode. Every failure becomes an
    ImageLoadError."""
    try:
        # Image.open reads only the header; Pillow's bomb guard runs here, before pixels exist.
        with Image.open(io.BytesIO(data)) as opened:
            _check_pixels(opened.size)
            if mode is None:
                mode = "L" if opened.mode in GREY_MODES else "RGB"
            fast = _decode_with_opencv(data, opened, mode)
            if fast is not None:
                return fast, mode
            opened.seek(0)
            _check_pixels(opened.size)
            opened.load()
            source_format = opened.format
            try:
                # In place: without an orientation tag the copy it would make is pure cost.
                ImageOps.exif_transpose(opened, in_place=True)
            except MemoryError:
                raise
            except Exception:
                # Pixels decoded fine (load() above), so this is a malformed EXIF block: the image
                # is shown as stored rather than a viewable photo refused.
                pass
            return _to_uint8(opened, mode, source_format), mode
    except ImageLoadError as err:
        raise ImageLoadError(f"{name}: {err}") from None
    except Image.DecompressionBombError as err:
        raise ImageLoadError(_bomb(name, err)) from None
    except Image.DecompressionBombWarning as err:
        # Only raised as an exception when warnings are turned into errors.
        raise ImageLoadError(_bomb(name, err)) from None
    except UnidentifiedImageError:
        raise ImageLoadError(tr("{name}: not an image file augview can read").format(name=name)) from None
    except MemoryError:
        raise ImageLoadError(tr("{name}: too large to decode in memory").format(name=name)) from None
    except (OSError, SyntaxError, EOFError) as err:
        # Pillow reports truncated or corrupt data as OSError / SyntaxError / EOFError.
        raise ImageLoadError(tr("{name}: the image data is truncated or corrupt ({reason})").format(
            name=name, reason=_reason(err))) from None
    except Exception as err:
        # Malformed files can make Pillow's parsers raise nearly anything (ValueError,
        # struct.error, IndexError, ...): a bad file must not take the caller down.
        raise ImageLoadError(tr("{name}: the image could not be decoded ({reason})").format(
            name=name, reason=f"{type(err).__name__}: {err}")) from None


# The last bytes of a whole file: a JPEG's end-of-image marker, a PNG's IEND chunk (with its CRC).
_WHOLE_ENDINGS = {"JPEG": b"\xff\xd9", "PNG": b"IEND\xaeB`\x82"}
_OPENCV_GIVES_BGR = not hasattr(cv2, "IMREAD_COLOR_RGB")  # OpenCV before 4.10 decodes colour as BGR only
_OPENCV_FLAGS = {"RGB": getattr(cv2, "IMREAD_COLOR_RGB", cv2.IMREAD_COLOR), "L": cv2.IMREAD_GRAYSCALE}


def _decode_with_opencv(data: bytes, opened: Image.Image, mode: str) -> np.ndarray | None:
    """The pixels of a plain JPEG or PNG decoded by OpenCV, or None: then Pillow decodes it.

    OpenCV decodes straight into a numpy array, where Pillow's pixels are copied twice on their
    way into one (about 25% of a batch run's time on 640x480 JPEGs); both use libjpeg-turbo and
    zlib, and give the same pixels (tests/test_imageio.py). Only files where nothing of the
    above applies take this path: an 8-bit RGB or grey image already in the mode asked for (no
    palette, transparency, 16-bit or CMYK data), a single frame, no EXIF orientation to apply, and
    a file that ends the way a whole file ends (a truncated one goes to Pillow, which refuses it;
    OpenCV would fill the missing part with grey). Anything OpenCV cannot decode goes to Pillow too,
    which says what is wrong."""
    ending = _WHOLE_ENDINGS.get(opened.format)
    if (ending is None or opened.mode != mode or not data.endswith(ending)
            or opened.has_transparency_data or getattr(opened, "n_frames", 1) != 1):
        return None
    if opened.format == "PNG":
        if b"eXIf" in data:  # an EXIF chunk, maybe after the pixels: left to Pillow (a false hit only costs time)
            return None
    else:
        try:
            orientation = opened.getexif().get(_ORIENTATION, 1)  # a JPEG's EXIF comes before its pixels
        except Exception:
            return None  # a malformed EXIF block: Pillow's path knows what to do with it
        if orientation != 1:
            return None
    try:
        image = cv2.imdecode(np.frombuffer(data, np.uint8), _OPENCV_FLAGS[mode] | cv2.IMREAD_IGNORE_ORIENTATION)
    except cv2.error:
        return None
    width, height = opened.size
    if image is None or image.dtype != np.uint8 or image.shape[:2] != (height, width):
        return None
    if mode == "RGB" and _OPENCV_GIVES_BGR:
        cv2.cvtColor(image, cv2.COLOR_BGR2RGB, dst=image)
    return image


def _check_pixels(size: tuple[int, int]) -> None:
    width, height = size
    if width <= 0 or height <= 0:
        raise ImageLoadError(tr("the image has no pixels ({width}x{height})").format(width=width, height=height))
    if Image.MAX_IMAGE_PIXELS is None and width * height > 2 * _FALLBACK_MAX_PIXELS:
        raise ImageLoadError(tr(
            "refused as a possible decompression bomb ({width}x{height} = {pixels} pixels, over {limit}; "
            "set PIL.Image.MAX_IMAGE_PIXELS to allow it)"
        ).format(width=width, height=height, pixels=width * height, limit=2 * _FALLBACK_MAX_PIXELS))


def _to_uint8(image: Image.Image, mode: str, source_format: str | None) -> np.ndarray:
    if image.mode in _SIXTEEN_BIT_MODES or image.mode in ("I", "F"):
        sixteen_bit = image.mode in _SIXTEEN_BIT_MODES or (
            image.mode == "I" and source_format in _SIXTEEN_BIT_I_FORMATS
        )
        grey = _scale_wide(np.asarray(image), sixteen_bit)
        return grey if mode == "L" else np.ascontiguousarray(np.repeat(grey[:, :, None], 3, axis=2))
    if image.has_transparency_data:
        # Covers RGBA, LA, PA, premultiplied modes, palettes with tRNS or RGBA entries and
        # grey/RGB colour keys; convert("RGBA") turns each into a real alpha channel.
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba).convert("RGB")
    if mode == "L" and image.mode in ("1", "L", "P"):
        out = image.convert("L")
    else:
        # Going through RGB first: Pillow has no direct LAB -> L (and similar) conversions.
        rgb = image if image.mode == "RGB" else image.convert("RGB")
        out = rgb if mode == "RGB" else rgb.convert("L")
    # np.array copies into a writeable array (np.asarray of a Pillow image is read-only).
    return np.array(out, dtype=np.uint8, order="C")


def _scale_wide(values: np.ndarray, sixteen_bit: bool) -> np.ndarray:
    """Scale 16-bit, 32-bit integer or float grey pixels to uint8."""
    is_float = values.dtype.kind == "f"
    values = values.astype(np.float64)
    if sixteen_bit:
        scaled = values / 257.0  # 65535 / 257 = 255 exactly, and 257 * k -> k
    else:
        finite = values[np.isfinite(values)]
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 0.0)
        if is_float and low >= 0.0 and high <= 1.0:
            scaled = values * 255.0
        elif high > low:
            scaled = (values - low) * 255.0 / (high - low)  # this order keeps exact halves exact
        else:
            # A flat image has no range to stretch: keep its value, clipped to 0..255.
            scaled = values
    scaled = np.nan_to_num(scaled, nan=0.0, posinf=255.0, neginf=0.0)
    return np.clip(np.rint(scaled), 0, 255).astype(np.uint8)


_MAX_SIDES = {"WEBP": 16383, "JPEG": 65535}  # pixels a side the formats can hold


def encode_image(image: np.ndarray, suffix: str = ".png", quality: int = 95) -> bytes:
    check_image(image)
    fmt = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".bmp": "BMP", ".tif": "TIFF",
           ".tiff": "TIFF", ".webp": "WEBP"}.get(suffix.lower())
    if fmt is None:
        # Reachable from the window's export dialog (a typed name), so translatable.
        raise OptionError(tr("cannot save images as {suffix}; use .png, .jpg, .bmp, .tif or .webp").format(
            suffix=repr(suffix)))
    limit = _MAX_SIDES.get(fmt)
    height, width = image.shape[:2]
    if limit is not None and max(height, width) > limit:
        raise OptionError(tr("a {format} image can be at most {limit} pixels wide and high, this one is "
                             "{width}x{height}: save it as .png or .tif").format(
            format=fmt, limit=limit, width=width, height=height))
    buffer = io.BytesIO()
    options = {"quality": quality} if fmt in ("JPEG", "WEBP") else {}
    try:
        Image.fromarray(image).save(buffer, format=fmt, **options)
    except (ValueError, OSError) as err:  # the encoder refusing what the checks above let through
        raise OptionError(tr("cannot be encoded as {format} ({reason})").format(format=fmt, reason=err)) from None
    return buffer.getvalue()



def save_image(path: str | os.PathLike, image: np.ndarray, quality: int = 95) -> None:
    """Save atomically; the format follows the file's suffix."""
    if os.path.isdir(path):
        raise OptionError(tr("{path}: is a folder; name the image file to write (e.g. grid.png)").format(path=path))
    suffix = Path(path).suffix
    if not suffix and is_stream(path):
        suffix = ".png"  # /dev/stdout, a pipe: no name to take the format from; PNG keeps every pixel
    try:
        data = encode_image(image, suffix, quality)
    except OptionError as err:
        raise OptionError(f"{path}: {err}") from None
    atomic_write_bytes(path, data)


def find_images(input_dir: str | os.PathLike, stop=None) -> tuple[list[str], int, list[str]]:
    """``(images, ignored, errors)``: image paths relative to ``input_dir`` (POSIX form), the
    number of other files, and one message per folder that could not be listed. The one walk of a
    folder (``augview apply``, data sets, the window's folder strip): recursive, hidden files and
    folders skipped, folder by folder in byte order, then by name. ``stop()``, asked before each
    folder, ends a walk nobody waits for any more (the window closing during a walk of "/") with
    `OptionError`."""
    root = os.fspath(input_dir)
    sources, ignored, errors = [], 0, []

    def on_error(err: OSError):
        errors.append(tr("{folder}: cannot list the folder ({reason})").format(
            folder=err.filename, reason=err.strerror or err))

    for folder, dirs, files in os.walk(root, onerror=on_error):
        if stop is not None and stop():
            raise OptionError(tr("{folder}: listing stopped").format(folder=root))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel_folder = os.path.relpath(folder, root)
        for name in files:
            if name.startswith("."):
                continue
            full = os.path.join(folder, name)
            if os.path.splitext(name)[1].lower() in IMAGE_SUFFIXES and os.path.isfile(full):
                rel = name if rel_folder == "." else os.path.join(rel_folder, name)
                sources.append(Path(rel).as_posix())
            else:
                ignored += 1
    # Folder by folder (then by name), so that planning lists one output folder at a time.
    sources.sort(key=lambda rel: (PurePosixPath(rel).parent.parts, rel))
    return sources, ignored, errors
