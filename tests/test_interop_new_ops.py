"""The transforms added for real training pipelines (box blur, emboss, superpixels, defocus, zoom
and glass blur, the max-size resizes, RandomSizedCrop, RandomCropFromBorders, SafeRotate,
RandomGridShuffle, PiecewiseAffine, NoOp): pixels against albumentations 2.x on fixed settings,
export and import both ways, the torchvision snippet of the max-size resizes.

Deterministic settings go through the export, as a user would (`A.load` of the exported file).
Where the op draws per-pixel randomness (glass blur's swaps, the jitter of piecewise affine, the
tile order of the grid shuffle, the segments replaced by superpixels), albumentations' own
functions are fed augview's drawn values.
"""

from __future__ import annotations

import json
import os
import types
import warnings

os.environ.setdefault("NO_ALBUMENTATIONS_UPDATE", "1")  # no version check over the network

import cv2  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import augview  # noqa: E402
from augview import Group, Pipeline, Step, get_op  # noqa: E402
from augview.interop import from_albumentations, to_albumentations, to_torchvision_code  # noqa: E402

NEW_OPS = ("box_blur", "emboss", "superpixels", "defocus", "zoom_blur", "glass_blur", "longest_max_size",
           "smallest_max_size", "random_sized_crop", "random_crop_from_borders", "safe_rotate",
           "random_grid_shuffle", "piecewise_affine")


@pytest.fixture(scope="module")
def A():
    return pytest.importorskip("albumentations")


@pytest.fixture(scope="module")
def photo(astronaut):
    """A non-square 200x240 RGB crop: resizes and rotations show their geometry."""
    return np.ascontiguousarray(astronaut[::2, ::2][:200, :240])


def load(A, pipe: Pipeline, tmp_path):
    data, notes = to_albumentations(pipe)
    path = tmp_path / "pipeline.json"
    path.write_text(json.dumps(data))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an argument albumentations does not take would warn
        warnings.filterwarnings("ignore", message="This augmenter is very slow")
        return A.load(str(path), data_format="json"), data, notes


def run(transform, image):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return transform(image=image)["image"]


def max_diff(ours, theirs) -> int:
    assert ours.shape == theirs.shape
    return int(np.abs(ours.astype(int) - theirs.astype(int)).max())


# (op, params, largest difference in grey levels)
SAME_PIXELS = [
    ("box_blur", {"ksize_limit": (5, 5)}, 0),
    ("box_blur", {"ksize_limit": (15, 15)}, 0),
    ("emboss", {"alpha_limit": (0.4, 0.4), "strength_limit": (0.6, 0.6)}, 0),
    ("emboss", {"alpha_limit": (1, 1), "strength_limit": (2.5, 2.5)}, 0),
    # augview trims the disc's zero margin (OpenCV's direct filter instead of its DFT)
    ("defocus", {"radius_limit": (3, 3), "alias_blur_limit": (0.3, 0.3)}, 1),
    ("defocus", {"radius_limit": (12, 12), "alias_blur_limit": (0.5, 0.5)}, 1),
    # the same float sums; the final rounding differs on a few pixels
    ("zoom_blur", {"max_factor_limit": (1.2, 1.2), "step_factor_limit": (0.03, 0.03)}, 1),
    ("longest_max_size", {"size_limit": (333, 333)}, 0),
    ("longest_max_size", {"size_limit": (101, 101), "interpolation": "area"}, 0),
    ("smallest_max_size", {"size_limit": (123, 123), "interpolation": "cubic"}, 0),
    # a box of the image's own size, resized
    ("random_sized_crop", {"min_max_height": (200, 200), "w2h_ratio": 1.2, "height": 100, "width": 90}, 0),
    ("random_crop_from_borders", {"crop_left": 0.0, "crop_right": 0.0, "crop_top": 0.0, "crop_bottom": 0.0}, 0),
    ("random_grid_shuffle", {"rows": 1, "cols": 1}, 0),
]


@pytest.mark.parametrize("name, params, tolerance", SAME_PIXELS,
                         ids=[f"{case[0]}-{i}" for i, case in enumerate(SAME_PIXELS)])
def test_exported_step_gives_the_same_pixels(A, photo, tmp_path, name, params, tolerance):
    pipe = Pipeline([Step(name, params)])
    transform, _, notes = load(A, pipe, tmp_path)
    assert notes == []
    for image in (photo, np.ascontiguousarray(photo[..., 1])):
        assert max_diff(pipe(image, seed=0), run(transform, image)) <= tolerance


def test_glass_blur_is_albumentations_with_the_same_swaps(A, photo):
    from albumentations.augmentations.blur.functional import glass_blur
    from augview.ops.photometric.blur_lens import glass_offsets

    op = get_op("glass_blur")
    for image, params in ((photo, {}), (photo[..., 0].copy(), {"sigma": 1.3, "max_delta": 2, "iterations": 3})):
        ours, drawn = op.run(image, np.random.default_rng(4), params)
        offsets = glass_offsets(drawn, image.shape)
        assert offsets.shape == ((200 - 2 * drawn["max_delta"]) * (240 - 2 * drawn["max_delta"]),
                                 drawn["iterations"], 2)
        theirs = glass_blur(image, drawn["sigma"], drawn["max_delta"], drawn["iterations"], offsets, "fast")
        assert max_diff(ours, theirs) == 0
        assert max_diff(ours, image) > 20  # and it did something


def test_grid_shuffle_is_albumentations_with_the_same_tiles(A, photo):
    from albumentations.augmentations.geometric.functional import swap_tiles_on_image
    from augview.ops.geometric.flips_rotations import grid_shuffle_moves, grid_shuffle_tiles

    op = get_op("random_grid_shuffle")
    image = np.ascontiguousarray(photo[:101, :77])  # tiles of unequal sizes: 34, 34, 33 rows
    for seed in range(5):
        ours, drawn = op.run(image, np.random.default_rng(seed), {"rows": 3, "cols": 4})
        tiles = grid_shuffle_tiles(drawn, image.shape)
        assert max_diff(ours, swap_tiles_on_image(image, np.array(tiles), drawn["mapping"])) == 0
        # every tile of the input is somewhere in the output, only swapped with one of its size
        for (sy0, sx0, sy1, sx1), (dy0, dx0, dy1, dx1) in grid_shuffle_moves(drawn, image.shape):
            assert (sy1 - sy0, sx1 - sx0) == (dy1 - dy0, dx1 - dx0)
            assert np.array_equal(ours[dy0:dy1, dx0:dx1], image[sy0:sy1, sx0:sx1])
        assert sorted(drawn["mapping"]) == list(range(12))


def test_superpixel_segments_are_albumentations_slic(A, astronaut):
    from albumentations.augmentations.pixel.functional import slic
    from augview.ops.photometric.noise import slic_labels

    small = cv2.resize(astronaut, (128, 128), interpolation=cv2.INTER_LINEAR)
    for image, count in ((small, 100), (small[..., 2].copy(), 40), (astronaut[:90, :130], 37), (astronaut[:9, :7], 5)):
        assert np.array_equal(slic_labels(image, count), slic(image, count))


def test_superpixels_paint_the_segments_albumentations_paints(A, photo):
    from albumentations.augmentations.pixel.functional import superpixels
    from augview.ops.photometric.noise import slic_labels

    image = np.ascontiguousarray(photo[::2, ::2])  # 100x120: under max_size, no resizing
    ours, drawn = get_op("superpixels").run(image, np.random.default_rng(0),
                                            {"p_replace_limit": (1, 1), "n_segments_limit": (60, 60)})
    theirs = superpixels(image, 60, [True] * 60, 128, cv2.INTER_LINEAR)
    labels = slic_labels(image, 60)
    # albumentations never replaces segment 0 (it skips it as if it were a background label)
    assert max_diff(ours[labels != 0], theirs[labels != 0]) == 0
    assert max_diff(ours[labels == 0], theirs[labels == 0]) > 0
    # each segment is flat: one colour
    for label in np.unique(labels):
        assert len(np.unique(ours[labels == label].reshape(-1, 3), axis=0)) == 1


def test_safe_rotate_is_albumentations_without_its_half_pixel_shift(A, photo):
    from albumentations.augmentations.geometric.functional import center
    from augview.ops.geometric.flips_rotations import safe_rotate_matrix

    op = get_op("safe_rotate")
    for angle in (0.0, 30.0, -75.0):
        transform = A.SafeRotate(limit=(angle, angle), p=1.0)
        theirs_matrix, _ = transform._create_safe_rotate_matrix(angle, center(photo.shape), photo.shape)
        ours_matrix = safe_rotate_matrix(angle, photo.shape)
        np.testing.assert_allclose(theirs_matrix[:2, :2], ours_matrix[:2, :2], atol=1e-12)
        np.testing.assert_allclose(theirs_matrix[:2, 2] - ours_matrix[:2, 2], [0.5, 0.5], atol=1e-9)
        shifted = ours_matrix.copy()
        shifted[:2, 2] += 0.5
        assert max_diff(cv2.warpAffine(photo, shifted[:2], (240, 200)), run(transform, photo)) == 0
        ours, _ = op.run(photo, np.random.default_rng(0), {"limit": (angle, angle)})
        assert max_diff(ours, cv2.warpAffine(photo, ours_matrix[:2], (240, 200))) == 0
    # at angle 0 augview's is the identity
    assert max_diff(op.run(photo, np.random.default_rng(0), {"limit": (0, 0)})[0], photo) == 0


def test_piecewise_affine_reads_what_albumentations_reads_at_the_control_points(A, photo):
    from albumentations.augmentations.geometric.functional import create_piecewise_affine_maps
    from augview.ops.geometric.optical import piecewise_affine_maps, piecewise_affine_points

    image = np.ascontiguousarray(np.pad(photo, ((0, 1), (0, 1), (0, 0)), mode="edge"))  # 201x241: nodes on pixels
    params = {"scale_limit": (0.04, 0.04), "rows_limit": (5, 5), "cols_limit": (5, 5)}
    ours, drawn = get_op("piecewise_affine").run(image, np.random.default_rng(0), params)
    map_x, map_y = create_piecewise_affine_maps(image.shape[:2], (5, 5), 0.04, False,
                                                np.random.default_rng(drawn["field_seed"]))
    theirs = cv2.remap(image, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)
    grid, jittered = piecewise_affine_points(drawn, image.shape)
    cols, rows = grid[0, :, 0].astype(int), grid[:, 0, 1].astype(int)
    assert cols.tolist() == [0, 60, 120, 180, 240] and rows.tolist() == [0, 50, 100, 150, 200]
    nodes = np.ix_(rows, cols)
    ours_x, ours_y = piecewise_affine_maps(drawn, image.shape)
    np.testing.assert_allclose(ours_x[nodes], map_x[nodes], atol=1e-3)
    np.testing.assert_allclose(ours_y[nodes], map_y[nodes], atol=1e-3)
    assert max_diff(ours[nodes], theirs[nodes]) <= 1
    assert np.abs(jittered - grid).max() > 2  # the points did move


def test_every_new_export_loads_and_keeps_its_values(A, astronaut, tmp_path):
    steps = [Step(name, p=0.7) for name in NEW_OPS]
    steps.append(Step("longest_max_size", {"size_limit": (480, 800), "size_step": 32}))
    transform, data, _ = load(A, Pipeline(steps), tmp_path)
    ours = data["transform"]["transforms"]
    theirs = json.loads(json.dumps(A.to_dict(transform)["transform"]["transforms"]))
    assert [t["__class_fullname__"] for t in ours] == [
        "Blur", "Emboss", "Superpixels", "Defocus", "ZoomBlur", "GlassBlur", "LongestMaxSize", "SmallestMaxSize",
        "RandomSizedCrop", "RandomCropFromBorders", "SafeRotate", "RandomGridShuffle", "PiecewiseAffine",
        "LongestMaxSize"]
    for mine, loaded in zip(ours, theirs):
        for key, value in mine.items():
            assert json.loads(json.dumps(value)) == loaded[key], (mine["__class_fullname__"], key)
    assert ours[-1]["max_size"] == list(range(480, 801, 32))  # a range of sizes is albumentations' list
    run(transform, astronaut)


def test_round_trip_gives_the_same_steps_and_says_what_differs():
    pipe = Pipeline([Step(name, p=0.7) for name in NEW_OPS] + [
        Step("longest_max_size", {"size_limit": (480, 800), "size_step": 32}),
        Step("box_blur", {"ksize_limit": (5, 11)}),
        Group("one_of", [Step("defocus", {"radius_limit": (2, 6)}), Step("zoom_blur")]),
    ])
    data, notes = to_albumentations(pipe)
    assert [str(note).split(": approximate: ")[0] for note in notes] == [
        "steps[2] (superpixels)", "steps[10] (safe_rotate)", "steps[12] (piecewise_affine)"]
    back, notes = from_albumentations(json.loads(json.dumps(data)))
    assert back == pipe
    assert [str(note).split(": ")[0] for note in notes] == [
        "transform.transforms[2] (Superpixels)", "transform.transforms[10] (SafeRotate)",
        "transform.transforms[12] (PiecewiseAffine)"]


def test_albumentations_defaults_import_with_their_meaning(A):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        compose = A.Compose([
            A.Blur(blur_limit=8), A.Emboss(), A.Defocus(radius=5), A.ZoomBlur(max_factor=1.5, step_factor=0.02),
            A.GlassBlur(mode="exact"), A.Superpixels(n_segments=200, max_size=None),
            A.LongestMaxSize(max_size=1024), A.SmallestMaxSize(max_size=[480, 512, 640]),
            A.RandomSizedCrop(min_max_height=(100, 200), size=(128, 96), w2h_ratio=0.75),
            A.RandomCropFromBorders(crop_left=0.2), A.SafeRotate(limit=45), A.RandomGridShuffle(grid=(2, 5)),
            A.PiecewiseAffine(scale=0.05, nb_rows=6), A.OneOf([A.NoOp(), A.HorizontalFlip()]), A.NoOp(),
        ])
        data = A.to_dict(compose)
    pipe, notes = from_albumentations(data)
    blur, emboss, defocus, zoom, glass, superpixels, longest, smallest, sized, borders, safe, shuffle, piecewise, \
        one_of = pipe.steps
    assert blur.params["ksize_limit"] == (3, 9)  # albumentations rounds an even end up
    assert emboss.params == get_op("emboss").defaults()
    assert defocus.params["radius_limit"] == (1, 5)
    assert zoom.params["max_factor_limit"] == (1.0, 1.5)
    assert zoom.params["step_factor_limit"] == (0.001, 0.02)  # a step of 0 would never end: clamped
    assert glass.params == {"sigma": 0.7, "max_delta": 4, "iterations": 2}
    assert superpixels.params["n_segments_limit"] == (1, 200) and superpixels.params["max_size"] == 1024
    assert longest.params["size_limit"] == (1024, 1024)
    assert smallest.params["size_limit"] == (480, 640) and smallest.params["size_step"] == 32
    assert sized.params["min_max_height"] == (100, 200) and (sized.params["height"], sized.params["width"]) == (128, 96)
    assert borders.params["crop_left"] == 0.2 and borders.params["crop_right"] == 0.1
    assert safe.params["limit"] == (-45.0, 45.0)
    assert (shuffle.params["rows"], shuffle.params["cols"]) == (2, 5)
    assert piecewise.params["rows_limit"] == (6, 6) and piecewise.params["scale_limit"] == (0.0, 0.05)
    # NoOp: an empty step that keeps its place in the OneOf; at the top level, left out and said so
    assert one_of.kind == "one_of" and one_of.steps[0].kind == "sequence" and one_of.steps[0].steps == []
    said = "\n".join(map(str, notes))
    assert "transform.transforms[14] (NoOp): NoOp changes nothing" in said and "; left out" in said
    assert "(GlassBlur): mode 'exact'" in said
    assert "(Superpixels): max_size None" in said
    assert "(SmallestMaxSize): max_size [480, 512, 640]: augview draws from evenly spaced sizes" in said
    assert "(ZoomBlur): zoom_blur.step_factor_limit [0, 0.02] is outside augview's range" in said


def test_max_size_ops_export_to_torchvision_resize(monkeypatch):
    """Built against stand-ins with torchvision's v2 signatures (torchvision itself is optional)."""
    import sys

    built = []
    v2 = types.ModuleType("torchvision.transforms.v2")

    def stub(name, signature):
        namespace: dict = {"built": built}
        exec(f"def __init__(self, {signature}): built.append(({name!r}, dict(locals())))", namespace)
        return type(name, (), {"__init__": namespace["__init__"]})

    for name, signature in {"Compose": "transforms", "RandomChoice": "transforms, p=None",
                            "RandomApply": "transforms, p=0.5", "ToImage": "*args",
                            "Resize": "size, interpolation=None, max_size=None, antialias=True"}.items():
        setattr(v2, name, stub(name, signature))
    transforms = types.ModuleType("torchvision.transforms")
    transforms.v2, transforms.InterpolationMode = v2, types.SimpleNamespace(BILINEAR=2, BICUBIC=3, NEAREST=0)
    for name, module in {"torchvision": types.ModuleType("torchvision"), "torchvision.transforms": transforms,
                         "torchvision.transforms.v2": v2}.items():
        monkeypatch.setitem(sys.modules, name, module)
    pipe = Pipeline([Step("longest_max_size", {"size_limit": (512, 512)}),
                     Step("smallest_max_size", {"size_limit": (480, 544), "interpolation": "cubic"}, p=0.5)])
    code, notes = to_torchvision_code(pipe)
    assert "v2.Resize(size=None, max_size=512, interpolation=InterpolationMode.BILINEAR, antialias=True)," in code
    assert "v2.Resize(size=512, interpolation=InterpolationMode.BICUBIC, antialias=True)," in code
    assert len(notes) == 2 and all("truncates the other side" in str(note) for note in notes)
    exec(compile(code, "transforms.py", "exec"), {"__name__": "transforms"})
    resizes = [args for name, args in built if name == "Resize"]
    assert [(r["size"], r["max_size"]) for r in resizes] == [(None, 512), (480, None), (512, None), (544, None)]
