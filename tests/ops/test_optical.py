"""Behaviour of optical_distortion (augview/core/ops/optical.py)."""

import os

import cv2
import numpy as np
import pytest

from augview import get_op
from augview.ops.geometric.optical import optical_distortion_maps

os.environ.setdefault("NO_ALBUMENTATIONS_UPDATE", "1")  # no version check over the network

H, W = 200, 240


@pytest.fixture(scope="module")
def photo(astronaut):
    return np.ascontiguousarray(astronaut[::2, ::2][:H, :W])


def distort(image, k, mode="camera", **params):
    drawn = {"k": k, "mode": mode, "interpolation": "linear", "border_mode": "constant", "fill": 0, **params}
    return get_op("optical_distortion").apply(image, drawn)


def centroid(image):
    rows, cols = np.nonzero(image > 127)
    return rows.mean(), cols.mean()


def test_zero_is_the_identity(photo):
    grey = np.ascontiguousarray(photo[..., 0])
    for mode in ("camera", "fisheye"):
        for interpolation in ("nearest", "linear", "cubic", "lanczos"):
            np.testing.assert_array_equal(distort(photo, 0.0, mode, interpolation=interpolation), photo)
        np.testing.assert_array_equal(distort(grey, 0.0, mode), grey)
        # the maps alone are the identity too (apply skips them at 0)
        map_x, map_y = optical_distortion_maps({"k": 0.0, "mode": mode}, (H, W))
        np.testing.assert_array_equal(map_x, np.tile(np.arange(W, dtype=np.float32), (H, 1)))
        np.testing.assert_array_equal(map_y, np.tile(np.arange(H, dtype=np.float32)[:, None], (1, W)))


@pytest.mark.parametrize("mode", ["camera", "fisheye"])
def test_barrel_pulls_corners_in_and_pincushion_pushes_them_out(mode):
    dot = np.zeros((H, W), np.uint8)
    dot[28:33, 38:43] = 255  # near the top-left corner; its centre is at (30, 40)
    centre = np.array([(H - 1) / 2, (W - 1) / 2])
    before = np.hypot(*(np.array([30.0, 40.0]) - centre))
    barrel = np.hypot(*(np.array(centroid(distort(dot, 0.3, mode))) - centre))
    pincushion = np.hypot(*(np.array(centroid(distort(dot, -0.2, mode))) - centre))
    assert barrel < before - 5 and pincushion > before + 5
    # barrel: the output corners read from outside the image, the border shows; pincushion: they
    # read inside it, nothing of the border shows
    white = np.full((H, W, 3), 255, np.uint8)
    assert np.all(distort(white, 0.3, mode)[[0, 0, -1, -1], [0, -1, 0, -1]] == 0)
    assert np.all(distort(white, -0.2, mode) == 255)
    # the centre stays put, and the distortion is symmetric about it
    np.testing.assert_array_equal(distort(dot[:, ::-1], 0.3, mode), distort(dot, 0.3, mode)[:, ::-1])
    np.testing.assert_array_equal(distort(dot[::-1], -0.2, mode), distort(dot, -0.2, mode)[::-1])


def test_camera_maps_are_opencvs_lens_model_about_the_true_centre():
    camera = np.array([[W, 0, (W - 1) / 2], [0, H, (H - 1) / 2], [0, 0, 1]])
    for k in (-0.3, 0.05, 0.5):
        expected = cv2.initUndistortRectifyMap(camera, np.array([k, k, 0, 0, 0.0]), None, camera, (W, H),
                                               cv2.CV_32FC1)
        for ours, theirs in zip(optical_distortion_maps({"k": k, "mode": "camera"}, (H, W)), expected):
            assert np.abs(ours - theirs).max() < 1e-3


@pytest.mark.parametrize("mode", ["camera", "fisheye"])
def test_maps_match_albumentations_up_to_its_centre(mode):
    pytest.importorskip("albumentations")
    from albumentations.augmentations.geometric import functional as F

    build = F.get_camera_matrix_distortion_maps if mode == "camera" else F.get_fisheye_distortion_maps
    # albumentations' centre is (w / 2, h / 2), half a pixel from the true one: near the corners its
    # maps read up to about 2 |k| pixels away from augview's. On OpenCV 5 its camera maps also read
    # half a pixel right and down everywhere, k = 0 included: that offset is `shift`.
    identity = optical_distortion_maps({"k": 0.0, "mode": mode}, (H, W))
    shift = [theirs - mine for theirs, mine in zip(build((H, W), 0.0), identity)]
    for k in (-0.2, 0.05, 0.3):
        for mine, theirs, offset in zip(optical_distortion_maps({"k": k, "mode": mode}, (H, W)),
                                        build((H, W), k), shift):
            assert np.abs(theirs - mine - offset).max() <= 2 * abs(k) + 1e-3, (mode, k)


@pytest.mark.parametrize("mode", ["camera", "fisheye"])
def test_same_border_statistics_as_albumentations(mode):
    A = pytest.importorskip("albumentations")
    white = np.full((H, W, 3), 255, np.uint8)
    for k in (-0.2, 0.05, 0.3):
        ours = distort(white, k, mode)
        theirs = A.OpticalDistortion(distort_limit=(k, k), mode=mode, p=1.0)(image=white)["image"]
        assert abs(ours.mean() - theirs.mean()) < 0.5
        assert abs((ours[..., 0] < 128).mean() - (theirs[..., 0] < 128).mean()) < 0.005


def test_grey_colour_border_modes_and_replay(photo):
    op = get_op("optical_distortion")
    grey = np.ascontiguousarray(photo[..., 1])
    params = {"distort_limit": (0.2, 0.2), "mode": "fisheye", "border_mode": "reflect_101"}
    colour_out, drawn = op.run(photo, np.random.default_rng(0), params)
    grey_out, _ = op.run(grey, np.random.default_rng(0), params)
    assert drawn["k"] == 0.2 and colour_out.shape == photo.shape and grey_out.shape == grey.shape
    # the colour image is resampled like each of its channels alone (RGBA path and grey path agree)
    np.testing.assert_array_equal(colour_out[..., 1], grey_out)
    white = np.full((H, W), 255, np.uint8)
    assert np.all(distort(white, 0.3, border_mode="reflect_101") == 255)  # reflected: no border shows
    filled = distort(photo, 0.3, fill=77)
    assert np.all(filled[0, 0] == 77)
    assert op.label(drawn) == "optical_distortion k=0.2 (barrel)"
    assert op.label({**drawn, "k": -0.05}) == "optical_distortion k=-0.05 (pincushion)"
