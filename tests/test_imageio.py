"""load_image / save_image on every kind of file the module docstring promises to handle.

Every input is generated in tmp_path with Pillow or numpy, so the tests need no network and no
files from outside the repository.
"""

import ast
import os
import resource
import struct
import sys
import time
import warnings
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFile

import augview
from augview.core import imageio

IMAGEIO_SOURCE = Path(imageio.__file__)


# --- helpers -------------------------------------------------------------------------------------


def assert_load_error(path, *reasons, mode="RGB"):
    """load_image(path) raises augview.ImageLoadError naming the file and one of ``reasons``."""
    with pytest.raises(augview.ImageLoadError) as info:
        augview.load_image(path, mode=mode)
    error = info.value
    assert isinstance(error, augview.AugviewError)
    message = str(error)
    assert str(path) in message, message
    assert Path(path).name in message, message
    assert any(reason in message.lower() for reason in reasons), message
    # One readable sentence, not a traceback or a repr dump.
    assert "\n" not in message and "Traceback" not in message
    return message


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width: int, height: int) -> bytes:
    """A tiny valid-looking RGB PNG whose header claims ``width`` x ``height`` pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 4096)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", pixels)
            + png_chunk(b"IEND", b""))


def quadrants(height=32, width=48):
    """An RGB image with four flat quadrants of clearly different colours (JPEG-friendly)."""
    image = np.zeros((height, width, 3), np.uint8)
    h, w = height // 2, width // 2
    image[:h, :w] = (255, 0, 0)
    image[:h, w:] = (0, 255, 0)
    image[h:, :w] = (0, 0, 255)
    image[h:, w:] = (255, 255, 0)
    return image


def exif_with_orientation(value: int) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = value  # Orientation
    return exif.tobytes()


def assert_output(array, shape):
    assert array.dtype == np.uint8
    assert array.shape == shape
    assert array.flags.c_contiguous
    assert array.flags.writeable


# --- EXIF orientation ----------------------------------------------------------------------------


@pytest.mark.parametrize("orientation, turns", [(6, -1), (8, 1), (3, 2)])
def test_exif_orientation_of_a_jpeg_is_applied(tmp_path, orientation, turns):
    stored = Image.fromarray(quadrants())
    plain, turned = tmp_path / "plain.jpg", tmp_path / f"orientation{orientation}.jpg"
    stored.save(plain, quality=95)
    stored.save(turned, quality=95, exif=exif_with_orientation(orientation))
    assert Image.open(turned).getexif()[0x0112] == orientation

    as_stored = augview.load_image(plain)
    upright = augview.load_image(turned)
    # Same encoder input, so the decoded pixels match exactly once rotated.
    np.testing.assert_array_equal(upright, np.rot90(as_stored, turns))
    expected_shape = (32, 48, 3) if orientation == 3 else (48, 32, 3)
    assert_output(upright, expected_shape)

    # Where the stored top-left (red) quadrant ends up, checked at its centre.
    corner = {6: (12, 24), 8: (36, 8), 3: (24, 36)}[orientation]  # (row, col) in the output
    np.testing.assert_allclose(upright[corner], (255, 0, 0), atol=12)


def test_exif_orientation_also_applies_in_grey_mode(tmp_path):
    path = tmp_path / "o6.jpg"
    Image.fromarray(quadrants()).save(path, exif=exif_with_orientation(6))
    assert_output(augview.load_image(path, mode="L"), (48, 32))


def test_a_malformed_exif_block_does_not_make_a_photo_unreadable(tmp_path):
    path = tmp_path / "bad_exif.jpg"
    Image.fromarray(quadrants()).save(path, exif=b"Exif\x00\x00this is not a TIFF header")
    assert_output(augview.load_image(path), (32, 48, 3))
    path = tmp_path / "orientation9.jpg"  # out-of-range orientation value: left as stored
    Image.fromarray(quadrants()).save(path, exif=exif_with_orientation(9))
    assert_output(augview.load_image(path), (32, 48, 3))


# --- colour modes ---------------------------------------------------------------------------------


def palette_image(transparency=None):
    image = Image.new("P", (2, 2))
    image.putpalette([255, 0, 0, 0, 128, 0, 0, 0, 255] + [0] * (256 * 3 - 9))
    image.putdata([0, 1, 2, 1])
    if transparency is not None:
        image.info["transparency"] = transparency
    return image


def test_palette_png_without_transparency(tmp_path):
    path = tmp_path / "palette.png"
    palette_image().save(path)
    assert Image.open(path).mode == "P"
    out = augview.load_image(path)
    assert_output(out, (2, 2, 3))
    np.testing.assert_array_equal(out, [[[255, 0, 0], [0, 128, 0]], [[0, 0, 255], [0, 128, 0]]])
    grey = augview.load_image(path, mode="L")
    assert_output(grey, (2, 2))
    assert grey[0, 0] == 76 and grey[1, 0] == 29  # ITU-R 601-2 luma of red and blue


def test_palette_png_with_a_transparent_index_is_composited_over_white(tmp_path):
    path = tmp_path / "palette_trns.png"
    palette_image(transparency=0).save(path, transparency=0)
    out = augview.load_image(path)
    np.testing.assert_array_equal(out[0, 0], (255, 255, 255))  # index 0: fully transparent
    np.testing.assert_array_equal(out[0, 1], (0, 128, 0))  # opaque entries keep their colour
    np.testing.assert_array_equal(out[1, 0], (0, 0, 255))
    assert augview.load_image(path, mode="L")[0, 0] == 255


def test_palette_png_with_partial_alpha_entries(tmp_path):
    path = tmp_path / "palette_alpha.png"
    palette_image().save(path, transparency=bytes([255, 128, 0]))
    out = augview.load_image(path).astype(int)
    np.testing.assert_array_equal(out[0, 0], (255, 0, 0))
    np.testing.assert_array_equal(out[1, 0], (255, 255, 255))
    # Green (0, 128, 0) at alpha 128/255 over white.
    np.testing.assert_allclose(out[0, 1], (127, 191, 127), atol=2)


def test_grey_and_rgb_colour_keys_are_composited_over_white(tmp_path):
    grey = tmp_path / "grey_key.png"
    Image.fromarray(np.array([[0, 40]], np.uint8)).save(grey, transparency=0)
    np.testing.assert_array_equal(augview.load_image(grey, mode="L"), [[255, 40]])
    rgb = tmp_path / "rgb_key.png"
    Image.fromarray(np.array([[[1, 2, 3], [9, 8, 7]]], np.uint8)).save(rgb, transparency=(1, 2, 3))
    np.testing.assert_array_equal(augview.load_image(rgb), [[[255, 255, 255], [9, 8, 7]]])


def test_la_png_is_composited_over_white(tmp_path):
    path = tmp_path / "la.png"
    data = np.array([[[50, 0], [50, 255], [50, 128]]], np.uint8)
    Image.fromarray(data, mode="LA").save(path)
    assert Image.open(path).mode == "LA"
    out = augview.load_image(path).astype(int)
    assert_output(out.astype(np.uint8), (1, 3, 3))
    np.testing.assert_array_equal(out[0, 0], (255, 255, 255))
    np.testing.assert_array_equal(out[0, 1], (50, 50, 50))
    np.testing.assert_allclose(out[0, 2], [50 * 128 / 255 + 255 * 127 / 255] * 3, atol=1.5)
    grey = augview.load_image(path, mode="L")
    assert_output(grey, (1, 3))
    assert list(grey[0, :2]) == [255, 50]


def test_rgba_png_is_composited_over_white(tmp_path):
    path = tmp_path / "rgba.png"
    data = np.array([[[10, 20, 30, 0], [10, 20, 30, 255], [200, 0, 0, 128]]], np.uint8)
    Image.fromarray(data, mode="RGBA").save(path)
    out = augview.load_image(path)
    assert_output(out, (1, 3, 3))
    np.testing.assert_array_equal(out[0, 0], (255, 255, 255))  # fully transparent -> white
    np.testing.assert_array_equal(out[0, 1], (10, 20, 30))  # opaque keeps its colour
    np.testing.assert_allclose(out[0, 2].astype(int), (227, 127, 127), atol=2)  # half over white
    assert augview.load_image(path, mode="L")[0, 0] == 255


def test_cmyk_jpeg_becomes_rgb(tmp_path):
    path = tmp_path / "cmyk.jpg"
    image = Image.new("CMYK", (16, 16), (0, 255, 255, 0))  # pure red ink mix
    image.paste((255, 0, 255, 0), (8, 0, 16, 16))  # pure green
    image.save(path, quality=95)
    assert Image.open(path).mode == "CMYK"
    out = augview.load_image(path)
    assert_output(out, (16, 16, 3))
    np.testing.assert_allclose(out[8, 3].astype(int), (255, 0, 0), atol=10)
    np.testing.assert_allclose(out[8, 12].astype(int), (0, 255, 0), atol=10)
    assert_output(augview.load_image(path, mode="L"), (16, 16))


def test_one_bit_image(tmp_path):
    path = tmp_path / "bits.png"
    image = Image.new("1", (3, 2), 0)
    image.putpixel((1, 0), 1)
    image.putpixel((2, 1), 1)
    image.save(path)
    assert Image.open(path).mode == "1"
    out = augview.load_image(path)
    assert_output(out, (2, 3, 3))
    expected = np.array([[0, 255, 0], [0, 0, 255]], np.uint8)
    np.testing.assert_array_equal(out, np.repeat(expected[:, :, None], 3, axis=2))
    np.testing.assert_array_equal(augview.load_image(path, mode="L"), expected)


def test_sixteen_bit_grey_png_is_scaled(tmp_path):
    path = tmp_path / "grey16.png"
    values = np.array([[0, 257, 257 * 128, 65535], [1000, 32767, 65534, 12850]], np.uint16)
    Image.fromarray(values).save(path)
    assert Image.open(path).mode.startswith("I")
    expected = np.rint(values / 257.0).astype(np.uint8)
    assert expected[0].tolist() == [0, 1, 128, 255]
    grey = augview.load_image(path, mode="L")
    assert_output(grey, (2, 4))
    np.testing.assert_array_equal(grey, expected)
    rgb = augview.load_image(path)
    assert_output(rgb, (2, 4, 3))
    np.testing.assert_array_equal(rgb, np.repeat(expected[:, :, None], 3, axis=2))


def test_sixteen_bit_pgm_uses_the_same_scale(tmp_path):
    path = tmp_path / "grey16.pgm"
    values = np.array([[0, 257, 65535]], np.uint16)
    Image.fromarray(values).save(path)
    np.testing.assert_array_equal(augview.load_image(path, mode="L"), [[0, 1, 255]])


def test_sixteen_bit_tiff_is_scaled(tmp_path):
    path = tmp_path / "grey16.tif"
    Image.fromarray(np.array([[0, 257 * 10, 65535]], np.uint16)).save(path)
    np.testing.assert_array_equal(augview.load_image(path, mode="L"), [[0, 10, 255]])


def test_float_tiff_in_0_1_is_scaled_to_0_255(tmp_path):
    path = tmp_path / "float.tif"
    values = np.array([[0.0, 0.25, 0.5, 1.0]], np.float32)
    Image.fromarray(values).save(path)
    assert Image.open(path).mode == "F"
    grey = augview.load_image(path, mode="L")
    np.testing.assert_array_equal(grey, [[0, 64, 128, 255]])
    rgb = augview.load_image(path)
    assert_output(rgb, (1, 4, 3))
    np.testing.assert_array_equal(rgb[..., 1], grey)


def test_float_tiff_outside_0_1_is_scaled_from_its_own_range(tmp_path):
    path = tmp_path / "float_wide.tif"
    Image.fromarray(np.array([[-10.0, 0.0, 10.0, np.nan]], np.float32)).save(path)
    np.testing.assert_array_equal(augview.load_image(path, mode="L"), [[0, 128, 255, 0]])


def test_int32_tiff_is_scaled_from_its_own_range(tmp_path):
    path = tmp_path / "int32.tif"
    Image.fromarray(np.array([[-100, 0, 100]], np.int32)).save(path)
    assert Image.open(path).mode == "I"
    np.testing.assert_array_equal(augview.load_image(path, mode="L"), [[0, 128, 255]])


def test_flat_wide_image_keeps_its_value(tmp_path):
    path = tmp_path / "flat.tif"
    Image.fromarray(np.full((2, 2), 0.0, np.float32)).save(path)
    np.testing.assert_array_equal(augview.load_image(path, mode="L"), np.zeros((2, 2)))


# --- animations -----------------------------------------------------------------------------------


COLOURS = [(255, 0, 0), (0, 255, 0), (0, 0, 255)]


@pytest.mark.parametrize("suffix", [".gif", ".png", ".tif", ".webp"])
def test_animations_and_multi_page_files_give_the_first_frame(tmp_path, suffix):
    path = tmp_path / f"animated{suffix}"
    frames = [Image.new("RGB", (8, 6), colour) for colour in COLOURS]
    options = {"lossless": True} if suffix == ".webp" else {}
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=50, loop=0, **options)
    assert getattr(Image.open(path), "n_frames", 1) == 3
    out = augview.load_image(path)
    assert_output(out, (6, 8, 3))
    np.testing.assert_allclose(out.reshape(-1, 3).astype(int), [COLOURS[0]] * 48, atol=2)


# --- decompression bombs --------------------------------------------------------------------------


def test_decompression_bomb_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "bomb.png"
    Image.new("RGB", (300, 300)).save(path)  # 90 000 pixels, a few hundred bytes on disk
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 10_000)
    message = assert_load_error(path, "decompression bomb")
    # One sentence in augview's words (Pillow's own text, a sentence of its own, was embedded).
    assert message.endswith("bomb.png: refused as a possible decompression bomb (90,000 pixels, over the limit "
                            "of 20,000; set PIL.Image.MAX_IMAGE_PIXELS to allow it)")


def test_decompression_bomb_warning_as_error_is_an_image_load_error(tmp_path, monkeypatch):
    path = tmp_path / "nearly_a_bomb.png"
    Image.new("RGB", (150, 100)).save(path)  # between MAX and 2 * MAX: Pillow only warns
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 10_000)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        assert_output(augview.load_image(path), (100, 150, 3))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert_load_error(path, "decompression bomb")


@pytest.mark.parametrize("guard", ["pillow", "switched_off"])
def test_png_claiming_100000_squared_pixels_fails_fast_without_allocating(tmp_path, monkeypatch, guard):
    path = tmp_path / "huge.png"
    path.write_bytes(png_claiming(100_000, 100_000))
    if guard == "switched_off":
        monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    start = time.perf_counter()
    assert_load_error(path, "decompression bomb")
    with pytest.raises(augview.ImageLoadError, match="decompression bomb"):
        imageio.decode_image(path.read_bytes(), name="huge.png")
    elapsed = time.perf_counter() - start
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before) / 1024
    if sys.platform == "darwin":
        grown_mib /= 1024  # ru_maxrss is in bytes on macOS
    assert elapsed < 1.0, f"took {elapsed:.2f} s"
    assert grown_mib < 50, f"peak memory grew by {grown_mib:.0f} MiB"


def test_a_raised_pixel_limit_is_respected(tmp_path, monkeypatch):
    path = tmp_path / "big.png"
    Image.new("L", (300, 300)).save(path)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)
    assert_output(augview.load_image(path, mode="L"), (300, 300))


# --- plain JPEG and PNG files are decoded by OpenCV, to Pillow's pixels ----------------------------


def photo(height=61, width=83, grey=False):
    """Smooth gradients with texture: what a JPEG encoder meets in a photo (odd sizes on purpose)."""
    y, x = np.mgrid[:height, :width]
    image = np.stack([x * 3, y * 4, (x + y) * 2], axis=2) + np.random.default_rng(3).integers(0, 40, (height, width, 3))
    image = np.clip(image, 0, 255).astype(np.uint8)
    return image[:, :, 1].copy() if grey else image


PLAIN_FILES = [
    ("jpg", {"quality": 90}, False), ("jpg", {"quality": 95, "subsampling": 0}, False),
    ("jpg", {"quality": 75, "subsampling": 1}, False), ("jpg", {"progressive": True, "optimize": True}, False),
    ("jpg", {"quality": 85}, True), ("png", {}, False), ("png", {"compress_level": 1}, True),
]


@pytest.mark.parametrize("suffix, options, grey", PLAIN_FILES)
def test_plain_jpeg_and_png_take_opencv_and_give_pillows_pixels(tmp_path, monkeypatch, suffix, options, grey):
    path = tmp_path / f"plain.{suffix}"
    Image.fromarray(photo(grey=grey)).save(path, **options)
    mode = "L" if grey else "RGB"
    with Image.open(path) as opened:
        expected = np.asarray(opened.convert(mode))
    calls = []
    decode = imageio.cv2.imdecode
    monkeypatch.setattr(imageio.cv2, "imdecode", lambda *args: calls.append(1) or decode(*args))
    out = augview.load_image(path, mode=mode)
    assert calls, "a plain file should be decoded by OpenCV"
    assert_output(out, expected.shape)
    assert np.array_equal(out, expected)


def test_files_opencv_would_get_wrong_are_left_to_pillow(tmp_path, monkeypatch):
    """EXIF orientation, another mode than the one asked for, transparency, a cut-off file: Pillow
    decodes them (and applies or refuses what it must)."""
    cases = []
    rotated = tmp_path / "rotated.jpg"
    Image.fromarray(photo()).save(rotated, exif=exif_with_orientation(6))
    cases.append((rotated, "RGB"))
    colour = tmp_path / "colour.jpg"
    Image.fromarray(photo()).save(colour)
    cases.append((colour, "L"))  # Pillow's grey conversion, not the JPEG's own Y channel
    keyed = tmp_path / "keyed.png"
    Image.fromarray(photo()).save(keyed, transparency=(0, 0, 0))
    cases.append((keyed, "RGB"))
    calls = []
    decode = imageio.cv2.imdecode
    monkeypatch.setattr(imageio.cv2, "imdecode", lambda *args: calls.append(1) or decode(*args))
    for path, mode in cases:
        augview.load_image(path, mode=mode)
    assert not calls
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(colour.read_bytes()[:-300])
    assert_load_error(cut, "truncated")
    assert not calls


def test_as_stored_keeps_grey_files_grey_and_reads_the_file_once(tmp_path, monkeypatch):
    Image.fromarray(photo(grey=True)).save(tmp_path / "grey.jpg")
    Image.fromarray(photo()).save(tmp_path / "colour.png")
    Image.fromarray(photo(grey=True).astype(np.uint16) * 257).save(tmp_path / "grey16.png")
    modes = {"grey.jpg": "L", "colour.png": "RGB", "grey16.png": "L"}
    opened, real_open = [], open

    def counting_open(*args, **kwargs):
        opened.append(args[0])
        return real_open(*args, **kwargs)

    monkeypatch.setattr("builtins.open", counting_open)
    loaded = {name: imageio.load_image_as_stored(tmp_path / name) for name in modes}
    monkeypatch.undo()
    assert len(opened) == len(modes)  # one open per file, no separate look at the header
    for name, mode in modes.items():
        image, got = loaded[name]
        assert got == mode
        assert np.array_equal(image, augview.load_image(tmp_path / name, mode=mode))
    with pytest.raises(augview.ImageLoadError, match="missing.png: no such file"):
        imageio.load_image_as_stored(tmp_path / "missing.png")


# --- broken, empty and non-image files ------------------------------------------------------------


def test_truncated_png_is_refused(tmp_path):
    data = (tmp_path / "full.png")
    Image.fromarray(np.random.default_rng(0).integers(0, 256, (64, 64, 3), dtype=np.uint8)).save(data)
    path = tmp_path / "truncated.png"
    path.write_bytes(data.read_bytes()[: data.stat().st_size // 2])
    assert_load_error(path, "truncated")
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_truncated_jpeg_is_refused_not_filled_with_grey(tmp_path):
    full = tmp_path / "full.jpg"
    Image.fromarray(quadrants(128, 128)).save(full, quality=95)
    assert augview.load_image(full)[120, 120].tolist() != [128, 128, 128]
    path = tmp_path / "truncated.jpg"
    path.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
    assert_load_error(path, "truncated")
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_imageio_never_assigns_load_truncated_images():
    tree = ast.parse(IMAGEIO_SOURCE.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        for target in targets:
            assert "LOAD_TRUNCATED_IMAGES" not in ast.dump(target)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr":
            assert "LOAD_TRUNCATED_IMAGES" not in ast.dump(node)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.png"
    path.write_bytes(b"")
    assert_load_error(path, "empty")


def test_text_file_named_png(tmp_path):
    path = tmp_path / "notes.png"
    path.write_text("these are not pixels\n" * 10, encoding="utf-8")
    assert_load_error(path, "not an image")


def test_missing_path(tmp_path):
    assert_load_error(tmp_path / "nowhere.png", "no such file")


def test_directory(tmp_path):
    folder = tmp_path / "photos.png"
    folder.mkdir()
    assert_load_error(folder, "folder")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_refused_without_blocking(tmp_path):
    path = tmp_path / "pipe.png"
    os.mkfifo(path)  # opening this for reading would block until a writer appears
    assert_load_error(path, "not a regular file")


def test_png_with_a_bad_crc_is_refused(tmp_path):
    path = tmp_path / "bad_crc.png"
    data = bytearray(png_claiming(4, 4))
    data[29] ^= 0xFF  # inside the IHDR CRC
    path.write_bytes(bytes(data))
    assert_load_error(path, "corrupt", "not an image", "could not be decoded")


def test_zero_sized_image_header_is_refused(tmp_path):
    path = tmp_path / "zero.png"
    path.write_bytes(png_claiming(0, 10))
    assert_load_error(path, "corrupt", "no pixels", "not an image", "could not be decoded")


def test_random_corruption_only_ever_raises_image_load_error(tmp_path):
    """Flipped bytes and cuts at every length: a clean image or ImageLoadError, nothing else."""
    rng = np.random.default_rng(1)
    sources = {}
    image = Image.fromarray(quadrants(24, 24))
    for fmt, options in [("PNG", {}), ("JPEG", {"exif": exif_with_orientation(6)}), ("GIF", {}),
                         ("TIFF", {}), ("BMP", {}), ("WEBP", {})]:
        path = tmp_path / f"source.{fmt.lower()}"
        image.save(path, format=fmt, **options)
        sources[fmt] = path.read_bytes()
    target = tmp_path / "corrupt.img"
    for fmt, data in sources.items():
        cuts = sorted(set(np.linspace(1, len(data) - 1, 25).astype(int)))
        variants = [data[:cut] for cut in cuts]
        for _ in range(25):
            mutated = bytearray(data)
            for position in rng.integers(0, len(data), size=int(rng.integers(1, 8))):
                mutated[position] = int(rng.integers(0, 256))
            variants.append(bytes(mutated))
        for variant in variants:
            target.write_bytes(variant)
            for call in (lambda: augview.load_image(target),
                         lambda: imageio.decode_image(variant, name="corrupt.img", mode="L")):
                try:
                    out = call()
                except augview.ImageLoadError as err:
                    assert "corrupt.img" in str(err)
                else:
                    assert out.dtype == np.uint8 and out.ndim in (2, 3)
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


# --- arguments and the bytes variant --------------------------------------------------------------


def test_grey_mode_returns_2d(tmp_path):
    path = tmp_path / "colour.png"
    Image.fromarray(quadrants()).save(path)
    grey = augview.load_image(path, mode="L")
    assert_output(grey, (32, 48))
    assert_output(augview.load_image(str(path)), (32, 48, 3))


def test_bad_arguments(tmp_path):
    with pytest.raises(ValueError, match="mode"):
        augview.load_image(tmp_path / "x.png", mode="RGBA")
    with pytest.raises(TypeError):
        augview.load_image(3)


def test_decode_image_names_the_source():
    buffer = __import__("io").BytesIO()
    Image.fromarray(quadrants()).save(buffer, format="PNG")
    data = buffer.getvalue()
    np.testing.assert_array_equal(imageio.decode_image(data), quadrants())
    for bad, reason in [(b"", "empty"), (b"hello", "not an image"), (data[: len(data) // 2], "truncated")]:
        with pytest.raises(augview.ImageLoadError) as info:
            imageio.decode_image(bad, name="upload.png")
        assert "upload.png" in str(info.value) and reason in str(info.value)


# --- saving ---------------------------------------------------------------------------------------


def test_png_round_trip_is_exact(tmp_path):
    rng = np.random.default_rng(0)
    rgb = rng.integers(0, 256, (17, 23, 3), dtype=np.uint8)
    grey = rng.integers(0, 256, (17, 23), dtype=np.uint8)
    augview.save_image(tmp_path / "rgb.png", rgb)
    augview.save_image(tmp_path / "grey.png", grey)
    np.testing.assert_array_equal(augview.load_image(tmp_path / "rgb.png"), rgb)
    np.testing.assert_array_equal(augview.load_image(tmp_path / "grey.png", mode="L"), grey)


def test_save_is_atomic_and_replaces_an_existing_file(tmp_path):
    first = np.zeros((4, 5, 3), np.uint8)
    second = np.full((6, 2, 3), 200, np.uint8)
    path = tmp_path / "out.png"
    augview.save_image(path, first)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.png"]
    augview.save_image(path, second)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.png"]  # no temp files left behind
    np.testing.assert_array_equal(augview.load_image(path), second)

    # A save that fails (unknown suffix, invalid image) leaves the folder as it was.
    with pytest.raises(ValueError):
        augview.save_image(tmp_path / "out.xyz", second)
    with pytest.raises(augview.InvalidImageError):
        augview.save_image(path, second.astype(np.float32))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.png"]
    np.testing.assert_array_equal(augview.load_image(path), second)


@pytest.mark.parametrize("suffix", [".jpg", ".bmp", ".tif", ".webp"])
def test_other_formats_save_and_load(tmp_path, suffix):
    image = quadrants()
    augview.save_image(tmp_path / f"out{suffix}", image)
    out = augview.load_image(tmp_path / f"out{suffix}")
    assert_output(out, image.shape)
    assert np.abs(out.astype(int) - image).mean() < 8


def test_a_folder_walk_stops_when_asked(tmp_path):
    from augview.core.imageio import find_images
    from augview.errors import OptionError

    for i in range(3):
        (tmp_path / f"d{i}").mkdir()
        (tmp_path / f"d{i}" / "a.png").write_bytes(b"x")
    folders = []

    def stop():
        folders.append(1)
        return len(folders) > 2  # the window closed while the walk was in its third folder

    with pytest.raises(OptionError, match="listing stopped"):
        find_images(tmp_path, stop)
    assert len(folders) == 3
    assert len(find_images(tmp_path)[0]) == 3  # without a stop: the whole tree
