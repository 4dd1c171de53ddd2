"""Behaviour of safe_rotate, random_grid_shuffle and piecewise_affine, and that each can be
rebuilt from its drawn values (for boxes, masks and keypoints), plus emboss and superpixels
(pixels against albumentations: tests/test_interop_new_ops.py)."""

import cv2
import numpy as np
import pytest

from augview import get_op
from augview.ops.geometric.flips_rotations import grid_shuffle_moves, safe_rotate_matrix
from augview.ops.photometric.noise import superpixel_labels
from augview.ops.geometric.optical import piecewise_affine_maps, piecewise_affine_points
from augview.ops.photometric.tone import emboss_kernel


@pytest.mark.parametrize("angle", [17.0, 45.0, -90.0, 130.0])
def test_safe_rotate_keeps_every_corner_in_the_frame(angle):
    height, width = 60, 100
    matrix = safe_rotate_matrix(angle, (height, width))
    corners = np.array([[-0.5, -0.5, 1], [width - 0.5, -0.5, 1], [width - 0.5, height - 0.5, 1], [-0.5, height - 0.5, 1]])
    moved = corners @ matrix[:2].T
    # inside the frame, within the pixel albumentations' whole-pixel bounding box may lose
    assert moved[:, 0].min() >= -1.5 and moved[:, 0].max() <= width + 0.5
    assert moved[:, 1].min() >= -1.5 and moved[:, 1].max() <= height + 0.5
    # and touching it: the picture is shrunk no more than needed
    assert moved[:, 0].min() < 0.5 or moved[:, 1].min() < 0.5
    centre = np.array([(width - 1) / 2, (height - 1) / 2, 1])
    np.testing.assert_allclose(matrix[:2] @ centre, centre[:2])  # the centre stays put
    # the pixels: a white picture on black keeps (almost) all of its white
    white = np.full((height, width), 255, np.uint8)
    out, drawn = get_op("safe_rotate").run(white, np.random.default_rng(0), {"limit": (angle, angle)})
    np.testing.assert_allclose(np.asarray(drawn["matrix"]), matrix)
    assert out.sum() / 255 > 0.2 * height * width
    if abs(angle) % 90:
        assert out[0, 0] == 0  # a corner of the frame is border


def test_grid_shuffle_moves_rebuild_the_output(astronaut):
    op = get_op("random_grid_shuffle")
    out, drawn = op.run(astronaut, np.random.default_rng(2), {"rows": 4, "cols": 2})
    rebuilt = np.zeros_like(astronaut)
    for (sy0, sx0, sy1, sx1), (dy0, dx0, dy1, dx1) in grid_shuffle_moves(drawn, astronaut.shape):
        rebuilt[dy0:dy1, dx0:dx1] = astronaut[sy0:sy1, sx0:sx1]
    np.testing.assert_array_equal(rebuilt, out)
    assert not np.array_equal(out, astronaut)
    assert "tiles" in op.label(drawn)


def test_grid_shuffle_replayed_with_a_repeated_tile_keeps_the_input_where_nothing_lands(astronaut):
    """A hand-edited trace whose mapping sends two tiles to the same place: the place nothing
    lands on keeps the input's pixels (never uninitialised memory)."""
    op = get_op("random_grid_shuffle")
    _, drawn = op.run(astronaut, np.random.default_rng(2), {"rows": 2, "cols": 2})
    edited = {**drawn, "mapping": [0, 0, 2, 3]}  # tiles 0 and 1 both land on tile 0; tile 1's place is empty
    out = op.apply(astronaut, edited)
    tiles = {target for _, target in grid_shuffle_moves(drawn, astronaut.shape)}
    landed = {target for _, target in grid_shuffle_moves(edited, astronaut.shape)}
    assert len(tiles - landed) == 1
    for y0, x0, y1, x1 in tiles - landed:
        np.testing.assert_array_equal(out[y0:y1, x0:x1], astronaut[y0:y1, x0:x1])


def test_piecewise_affine_without_jitter_is_the_identity(astronaut):
    out, drawn = get_op("piecewise_affine").run(astronaut, np.random.default_rng(0), {"scale_limit": (0, 0)})
    np.testing.assert_array_equal(out, astronaut)
    map_x, map_y = piecewise_affine_maps({**drawn, "scale": 0.0}, (50, 70))
    np.testing.assert_allclose(map_x, np.tile(np.arange(70), (50, 1)), atol=1e-4)
    np.testing.assert_allclose(map_y, np.tile(np.arange(50)[:, None], (1, 70)), atol=1e-4)


def test_piecewise_affine_is_affine_inside_each_triangle():
    drawn = {"rows": 3, "cols": 3, "scale": 0.08, "absolute_scale": False, "field_seed": 5}
    map_x, map_y = piecewise_affine_maps(drawn, (41, 61))
    grid, jittered = piecewise_affine_points(drawn, (41, 61))
    # the maps hit the jittered points at the grid's nodes (0, 30, 60 across; 0, 20, 40 down)
    np.testing.assert_allclose(map_x[np.ix_([0, 20, 40], [0, 30, 60])], jittered[..., 0], atol=1e-4)
    np.testing.assert_allclose(map_y[np.ix_([0, 20, 40], [0, 30, 60])], jittered[..., 1], atol=1e-4)
    # inside the upper triangle of the first cell (row 5: from x = 7.5 on), a step right always
    # moves by the same amount
    steps = np.diff(map_x[5, 8:30])
    np.testing.assert_allclose(steps, steps[0], atol=1e-4)
    assert np.abs(jittered - grid).max() > 0.5


def test_emboss_keeps_flat_areas_and_lights_edges():
    assert emboss_kernel(0.3, 0.9).sum() == pytest.approx(1.0)
    flat = np.full((20, 20, 3), 90, np.uint8)
    np.testing.assert_array_equal(get_op("emboss").run(flat, np.random.default_rng(0))[0], flat)
    step = np.zeros((20, 20), np.uint8)
    step[10:, :] = 200
    out, _ = get_op("emboss").run(step, np.random.default_rng(0), {"alpha_limit": (1, 1), "strength_limit": (1, 1)})
    # only the two rows along the edge change: both light up (the bright neighbours below count
    # plus, the dark ones above count minus but are 0)
    np.testing.assert_array_equal(out[:9], step[:9])
    np.testing.assert_array_equal(out[11:], step[11:])
    assert (out[9:11] == 255).all()


def test_superpixels_replace_whole_segments_and_keep_the_rest_sharp(astronaut):
    op = get_op("superpixels")
    params = {"p_replace_limit": (0.5, 0.5), "n_segments_limit": (50, 50), "max_size": 64}
    out, drawn = op.run(astronaut, np.random.default_rng(1), params)
    labels = superpixel_labels(drawn, astronaut.shape, astronaut)
    assert labels.shape == (512, 512) and labels.max() >= 30
    replaced = kept = 0
    for label in np.unique(labels):
        segment = labels == label
        if np.array_equal(out[segment], astronaut[segment]):
            kept += 1
        else:
            replaced += 1
            assert len(np.unique(out[segment].reshape(-1, 3), axis=0)) == 1  # one flat colour
            mean = astronaut[segment].reshape(-1, 3).mean(axis=0)
            assert np.abs(out[segment][0] - mean).max() <= 0.5 + 1e-9
    assert replaced > 10 and kept > 10  # about half each
    none, _ = op.run(astronaut, np.random.default_rng(1), {"p_replace_limit": (0, 0)})
    np.testing.assert_array_equal(none, astronaut)


def test_superpixel_labels_follow_the_shrunk_segmentation(astronaut):
    drawn = {"n_segments": 30, "max_size": 100, "interpolation": "linear"}
    labels = superpixel_labels(drawn, astronaut.shape, astronaut)
    small = cv2.resize(labels.astype(np.uint8), (100, 100), interpolation=cv2.INTER_NEAREST)
    assert len(np.unique(labels)) == len(np.unique(small))
