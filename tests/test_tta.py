"""augview.tta: the test-time views, their pixels, the way back to the source for dense maps and
boxes, the torchvision code and the `augview tta` command."""

from __future__ import annotations

import sys
import types

import numpy as np
import pytest

from augview import AugviewError, tta
from augview.cli import main


@pytest.fixture(scope="module")
def image():
    """A non-square image whose free margins are odd (233 - 224, 300 - 224): rounding shows."""
    return np.random.default_rng(0).integers(0, 256, (233, 300, 3), dtype=np.uint8)


def torchvision_ten_crop(image, height, width, vertical=False):
    """torchvision's TenCrop written out with numpy: the five crops of the image, then of its
    mirror, the centre at round((W - w) / 2) (Python's round, half to even)."""
    def five(img):
        h, w = img.shape[:2]
        top, left = int(round((h - height) / 2.0)), int(round((w - width) / 2.0))
        return [img[:height, :width], img[:height, w - width:], img[h - height:, :width],
                img[h - height:, w - width:], img[top:top + height, left:left + width]]
    mirrored = image[::-1] if vertical else image[:, ::-1]
    return five(image) + five(mirrored)


@pytest.mark.parametrize("vertical", [False, True])
def test_ten_crops_are_torchvisions_in_its_order(image, vertical):
    views = tta.views(image.shape, (224, 200), "ten_crop", vertical)
    assert [v.name for v in views] == (
        ["top_left", "top_right", "bottom_left", "bottom_right", "center"]
        + ([f"bottom_left_mirrored", "bottom_right_mirrored", "top_left_mirrored", "top_right_mirrored"] if vertical
           else ["top_right_mirrored", "top_left_mirrored", "bottom_right_mirrored", "bottom_left_mirrored"])
        + ["center_mirrored"])
    for ours, theirs in zip(tta.crops(image, (224, 200), "ten_crop", vertical),
                            torchvision_ten_crop(image, 224, 200, vertical)):
        np.testing.assert_array_equal(ours, theirs)


def test_views_are_slices_of_the_source_maybe_mirrored(image):
    views = tta.views(image.shape, 224, "ten_crop")
    assert all((v.width, v.height) == (224, 224) for v in views)
    centre, mirrored_centre = views[4], views[9]
    # 300 - 224 = 76: the centre is at 38 in both; 233 - 224 = 9: round(4.5) = 4
    assert (centre.x, centre.y) == (38, 4) and (mirrored_centre.x, mirrored_centre.y) == (38, 4)
    odd = tta.views((233, 301), 224, "ten_crop")
    # 301 - 224 = 77: round(38.5) = 38 in the image, so 301 - 38 - 224 = 39 for the mirrored one
    assert (odd[4].x, odd[9].x) == (38, 39)
    for view in views:
        plain = image[view.y:view.y + 224, view.x:view.x + 224]
        np.testing.assert_array_equal(tta.crop(image, view), plain[:, ::-1] if view.flip else plain)
    assert views[5].xyxy == views[1].xyxy and views[5].flip  # the mirrored top left is the top right


def test_modes_and_sizes(image):
    assert len(tta.views(image.shape, 224, "five_crop")) == 5
    assert [v.name for v in tta.views(image.shape, None, "flips")] == ["whole", "whole_mirrored"]
    flips = tta.views(image.shape, 100, "flips")
    assert [v.name for v in flips] == ["center", "center_mirrored"]
    assert [v.name for v in tta.views(image.shape, (100, 150), "center")] == ["center"]
    assert tta.views(image.shape, (233, 300), "center")[0].position == "whole"
    with pytest.raises(AugviewError, match="a 240x240 crop does not fit in the 233x300 image"):
        tta.views(image.shape, 240)
    with pytest.raises(AugviewError, match="unknown test-time mode"):
        tta.views(image.shape, 224, "twelve_crop")
    gray = image[..., 0]
    assert tta.crops(gray, 50, "five_crop")[0].shape == (50, 50)


@pytest.mark.parametrize("mode, vertical", [("ten_crop", False), ("ten_crop", True), ("five_crop", False),
                                            ("flips", False), ("center", False)])
def test_dense_maps_come_back_to_the_source(image, mode, vertical):
    """Predictions that are exactly the view's crop of a source map average back to that map
    wherever a view saw it, and to NaN elsewhere."""
    truth = np.random.default_rng(1).random((233, 300, 4))
    views = tta.views(image.shape, (180, 210), mode, vertical)
    predictions = [tta.crop(truth, view) for view in views]
    merged = tta.merge_dense(predictions, views, image.shape)
    covered = np.zeros((233, 300), bool)
    for view in views:
        covered[view.y:view.y + view.height, view.x:view.x + view.width] = True
    np.testing.assert_allclose(merged[covered], truth[covered])
    assert np.isnan(merged[~covered]).all()
    assert covered.all() == (mode in ("ten_crop", "five_crop"))  # 180 and 210 cover more than half


def test_dense_merge_averages_overlapping_views():
    views = tta.views((10, 10), (6, 6), "five_crop")
    merged = tta.merge_dense([np.full((6, 6), float(i)) for i in range(5)], views, (10, 10))
    assert merged[0, 0] == 0.0 and merged[9, 9] == 3.0
    assert merged[5, 5] == pytest.approx(np.mean([0, 1, 2, 3, 4]))  # every view covers the middle
    assert merged[0, 5] == pytest.approx(np.mean([0, 1]))  # top left and right (x 0..5, 4..9)
    assert merged[3, 5] == pytest.approx(np.mean([0, 1, 4]))  # and the centre (2..7)
    with pytest.raises(AugviewError, match="is 5x6, but the view is 6x6"):
        tta.dense_to_source(np.zeros((5, 6)), views[0], (10, 10))
    with pytest.raises(AugviewError, match="2 predictions for 5 views"):
        tta.merge_dense([np.zeros((6, 6))] * 2, views, (10, 10))


@pytest.mark.parametrize("vertical", [False, True])
def test_boxes_round_trip_and_match_the_pixels(image, vertical):
    boxes = np.array([[40.0, 10.0, 90.5, 60.0], [150, 100, 299, 232], [0, 0, 1, 1]])
    for view in tta.views(image.shape, (180, 210), "ten_crop", vertical):
        in_view = tta.boxes_to_view(boxes, view)
        np.testing.assert_allclose(tta.boxes_to_source(in_view, view), boxes)
        assert (in_view[:, 2] > in_view[:, 0]).all() and (in_view[:, 3] > in_view[:, 1]).all()
    # a one-pixel box lands on the pixel that the view shows there
    view = tta.views(image.shape, (180, 210), "ten_crop", vertical)[6]
    source_pixel = np.array([[view.x + 3, view.y + 5, view.x + 4, view.y + 6]])
    x0, y0, _, _ = tta.boxes_to_view(source_pixel, view)[0].astype(int)
    np.testing.assert_array_equal(tta.crop(image, view)[y0, x0], image[view.y + 5, view.x + 3])


def test_resize_shorter_sizes_like_torchvision(image):
    assert tta.resize_shorter(image, 256).shape == (256, int(256 * 300 / 233), 3)  # the longer side truncated
    assert tta.resize_shorter(image[:, :200], 100).shape == (116, 100, 3)
    np.testing.assert_array_equal(tta.resize_shorter(image, 233), image)
    assert "v2.Resize(size=256, antialias=True), v2.TenCrop" in tta.torchvision_code(224, resize=256)


def test_draw_views_outlines_each_box_once(image):
    views = tta.views(image.shape, 100, "ten_crop")
    drawn = tta.draw_views(image, views)
    assert drawn.shape == image.shape and not np.array_equal(drawn, image)
    np.testing.assert_array_equal(drawn[150, 150], image[150, 150])  # inside no outline
    assert tuple(drawn[0, 50]) == tta.COLOURS["top_left"]
    assert tta.draw_views(image[..., 0], views).shape == image.shape  # grey images come back RGB


@pytest.fixture
def torchvision_stubs(monkeypatch):
    """Stand-ins with torchvision's v2 signatures that record what was built and crop like it."""
    built = []
    v2 = types.ModuleType("torchvision.transforms.v2")

    class Transform:
        def __init__(self, *args, **kwargs):
            built.append((type(self).__name__, args, kwargs))

    class Compose(Transform):
        def __init__(self, transforms):
            super().__init__(transforms)
            self.transforms = transforms

        def __call__(self, image):
            for transform in self.transforms:
                image = transform(image)
            return image

    class ToImage(Transform):
        def __call__(self, image):
            return image

    def cropper(name, signature):
        namespace: dict = {"Transform": Transform}
        exec(f"class {name}(Transform):\n    def __init__(self, {signature}):\n"
             f"        super().__init__(size=size)\n        self.size = size\n", namespace)
        return namespace[name]

    v2.Compose, v2.ToImage = Compose, ToImage
    v2.TenCrop = cropper("TenCrop", "size, vertical_flip=False")
    v2.FiveCrop = cropper("FiveCrop", "size")
    v2.CenterCrop = cropper("CenterCrop", "size")
    v2.TenCrop.__call__ = lambda self, image: tuple(range(10))
    v2.FiveCrop.__call__ = lambda self, image: tuple(range(5))
    v2.CenterCrop.__call__ = lambda self, image: "centre"
    v2.functional = types.SimpleNamespace(horizontal_flip=lambda image: ("mirrored", image),
                                          vertical_flip=lambda image: ("upside down", image))
    transforms = types.ModuleType("torchvision.transforms")
    transforms.v2 = v2
    for name, module in {"torch": types.ModuleType("torch"), "torchvision": types.ModuleType("torchvision"),
                         "torchvision.transforms": transforms, "torchvision.transforms.v2": v2}.items():
        monkeypatch.setitem(sys.modules, name, module)
    return built


def run_code(code: str):
    namespace: dict = {"__name__": "tta"}
    exec(compile(code, "tta.py", "exec"), namespace)
    return namespace


def test_torchvision_code_for_each_mode(torchvision_stubs):
    code = tta.torchvision_code(224, "ten_crop")
    assert "v2.TenCrop(size=(224, 224))" in code
    assert run_code(code)["tta"]("image") == tuple(range(10))
    assert ("TenCrop", (), {"size": (224, 224)}) in torchvision_stubs
    assert "v2.TenCrop(size=(224, 192), vertical_flip=True)" in tta.torchvision_code((224, 192), "ten_crop", True)
    code = tta.torchvision_code((200, 180), "five_crop")
    assert "v2.FiveCrop(size=(200, 180))" in code and run_code(code)["tta"]("image") == tuple(range(5))
    flips = run_code(tta.torchvision_code(160, "flips"))["tta"]("image")
    assert flips == ("centre", ("mirrored", "centre"))
    assert run_code(tta.torchvision_code(160, "flips", vertical=True))["tta"]("image")[1][0] == "upside down"
    assert run_code(tta.torchvision_code(None, "flips"))["tta"]("image") == ("image", ("mirrored", "image"))
    assert run_code(tta.torchvision_code(128, "center"))["tta"]("image") == ("centre",)


def test_the_tta_command(tmp_path, capsys):
    from augview.core.imageio import load_image, save_image

    source = tmp_path / "photo.png"
    save_image(source, np.random.default_rng(3).integers(0, 256, (120, 160, 3), dtype=np.uint8))
    assert main(["tta", "--size", "96x80", "--mode", "five_crop", "--image", str(source),
                 "-o", str(tmp_path / "grid.png")]) == 0
    assert "wrote" in capsys.readouterr().out and load_image(tmp_path / "grid.png").shape[1] > 5 * 80
    assert main(["tta", "--size", "96", "--to", "torchvision", "-o", str(tmp_path / "tta.py")]) == 0
    assert "v2.TenCrop(size=(96, 96))" in (tmp_path / "tta.py").read_text()
    capsys.readouterr()
    assert main(["tta", "--size", "200", "--image", str(source), "-o", str(tmp_path / "x.png")]) == 1
    assert capsys.readouterr().err.strip() == ("augview: a 200x200 crop does not fit in the 120x160 image; "
                                               "choose a size at most 120x160")
    assert main(["tta", "--size", "ten", "--to", "torchvision"]) == 1
    assert main(["tta", "--size", "64"]) == 1  # a grid needs an image and an output


def test_the_tta_command_says_a_write_error_or_an_impossible_size_in_one_sentence(tmp_path, capsys):
    """A grid that could not be written printed a traceback; torchvision code was written for
    crops of 0 or 100000 pixels."""
    from augview.core.imageio import save_image

    source = tmp_path / "photo.png"
    save_image(source, np.zeros((60, 80, 3), np.uint8))
    for target in (tmp_path / "missing" / "x.png", source / "x.png"):
        assert main(["tta", "--size", "32", "--image", str(source), "-o", str(target)]) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"augview: {target}: cannot write (") and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1
    for size in ("0", "0x5", "100000"):
        assert main(["tta", "--size", size, "--to", "torchvision"]) == 1
        assert "each side must be from 1 to 8192 pixels" in capsys.readouterr().err
