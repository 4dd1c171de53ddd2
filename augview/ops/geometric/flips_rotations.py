"""Geometric ops that keep the frame: flips, rotation (also shrunk to fit: safe_rotate), the exact
symmetries of the square (quarter turns and the transpose, which swap the sides of a non-square
image) and the shuffle of a grid of tiles. Affine, perspective
and friends are in warps.py, lens distortion in optical.py; crops, resizing and padding in
crops.py.

Each op's drawn values are enough to rebuild its matrix (``*_matrix`` functions) or its tile
moves (`grid_shuffle_moves`), so boxes, masks and keypoints can later follow exactly the same
transform as the pixels.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from augview.ops.common import border_params, interpolation_param
from augview.ops.geometric.warp_kernel import warp_affine
from augview.core.params import int_param, range_param
from augview.core.randomness import uniform
from augview.core.registry import Op, register
from augview.targets.motion import Affine, Tiles
from augview.text import tr


def _hflip(image, drawn):
    return cv2.flip(image, 1)


def _vflip(image, drawn):
    return cv2.flip(image, 0)


def _copy(view):
    return np.ascontiguousarray(view)


def _hflip_motion(drawn, shape):
    height, width = shape[:2]
    matrix = np.array([[-1.0, 0, width - 1], [0, 1, 0], [0, 0, 1]])
    return Affine(matrix, (height, width), mask_move=lambda mask, fill: _copy(mask[:, ::-1]))


def _vflip_motion(drawn, shape):
    height, width = shape[:2]
    matrix = np.array([[1.0, 0, 0], [0, -1, height - 1], [0, 0, 1]])
    return Affine(matrix, (height, width), mask_move=lambda mask, fill: _copy(mask[::-1]))


register(Op(
    name="horizontal_flip",
    category="geometric",
    description=(
        "Mirrors the image left to right. Safe for most natural photos, since a cat facing left is "
        "still a cat, and it doubles the poses a model sees. Wrong where left and right carry "
        "meaning: text, digits, road signs, or tasks that tell left from right hands."
    ),
    params=(),
    apply=_hflip,
    geometry=_hflip_motion,
))

register(Op(
    name="vertical_flip",
    category="geometric",
    description=(
        "Turns the image upside down. Useful where there is no natural 'up': satellite, aerial and "
        "microscope images. Harmful for street scenes, faces, digits (6 and 9) and anything with a "
        "sky and a ground."
    ),
    params=(),
    apply=_vflip,
    geometry=_vflip_motion,
))


def rotation_matrix(angle: float, shape: tuple) -> np.ndarray:
    """2x3 matrix turning the image by ``angle`` degrees (counter-clockwise) about its centre."""
    height, width = shape[:2]
    return cv2.getRotationMatrix2D(((width - 1) / 2.0, (height - 1) / 2.0), angle, 1.0)


def _rotate_motion(drawn, shape):
    matrix = np.vstack([rotation_matrix(drawn["angle"], shape), [0, 0, 1]])
    return Affine(matrix, tuple(shape[:2]), drawn["border_mode"])


def _rotate(image, drawn):
    matrix = rotation_matrix(drawn["angle"], image.shape)
    return warp_affine(image, matrix, image.shape[:2], drawn["interpolation"], drawn["border_mode"], drawn["fill"])


register(Op(
    name="rotate",
    category="geometric",
    description=(
        "Turns the image about its centre by an angle drawn from the range; the corners that come "
        "into view are filled by the border mode. Small angles (up to 15-30 degrees) mimic a tilted "
        "camera; large ones suit top-down imagery but can turn a 6 into a 9."
    ),
    params=(
        range_param("limit", (-30, 30), -180, 180, step=1, unit="°", draws="angle",
                    help="the angle is drawn uniformly from this range"),
        interpolation_param(),
        *border_params(),
    ),
    apply=_rotate,
    geometry=_rotate_motion,
))


# ---------------------------------------------------------------------------------------------
# The symmetries of the square: quarter turns and the transpose. Together with the two flips they
# reach all 8 orientations (the dihedral group D4); each is an exact copy of the pixels.

# cv2.rotate per number of counter-clockwise quarter turns (np.rot90's and albumentations' sense)
_QUARTER_TURNS = {1: cv2.ROTATE_90_COUNTERCLOCKWISE, 2: cv2.ROTATE_180, 3: cv2.ROTATE_90_CLOCKWISE}


def _rotate90(image, drawn):
    turns = int(drawn["turns"]) % 4
    if turns == 0:
        return image.copy()
    # Equal to np.rot90(image, turns), but written in one contiguous pass instead of returning a view.
    return cv2.rotate(image, _QUARTER_TURNS[turns])


def quarter_turn_matrix(turns: int, shape: tuple) -> np.ndarray:
    """3x3 matrix of ``turns`` counter-clockwise quarter turns of an image of ``shape`` (pixel
    centres): one turn sends (x, y) to (y, width - 1 - x)."""
    height, width = shape[:2]
    turns %= 4
    if turns == 1:
        rows = [[0, 1, 0], [-1, 0, width - 1]]
    elif turns == 2:
        rows = [[-1, 0, width - 1], [0, -1, height - 1]]
    elif turns == 3:
        rows = [[0, -1, height - 1], [1, 0, 0]]
    else:
        rows = [[1, 0, 0], [0, 1, 0]]
    return np.array(rows + [[0, 0, 1]], dtype=np.float64)


def _rotate90_motion(drawn, shape):
    turns = int(drawn["turns"]) % 4
    height, width = shape[:2]
    out = (width, height) if turns % 2 else (height, width)
    return Affine(quarter_turn_matrix(turns, shape), out,
                  mask_move=lambda mask, fill: _copy(np.rot90(mask, turns)))


register(Op(
    name="random_rotate90",
    category="geometric",
    description=(
        "Turns the image counter-clockwise by a random number of quarter turns drawn from the "
        "range: 0, 90, 180 or 270 degrees by default, each equally likely. The turn is exact: no "
        "pixel is interpolated and no corner is lost, but a non-square image swaps its width and "
        "height. With the flips and transpose it reaches all 8 orientations of a square. Right for "
        "satellite, aerial and microscope images, which have no natural 'up'; wrong for street "
        "scenes, faces, text and digits (a 6 turned twice is a 9)."
    ),
    params=(
        range_param("turns_limit", (0, 3), 0, 3, step=1, integer=True, draws="turns",
                    help="number of counter-clockwise quarter turns, drawn uniformly from this range: "
                         "1 = 90°, 2 = 180°, 3 = 270° (90° clockwise), 0 = unchanged"),
    ),
    apply=_rotate90,
    geometry=_rotate90_motion,
    caption=lambda drawn: f"angle={90 * (int(drawn['turns']) % 4)}°",
))


def _transpose(image, drawn):
    return cv2.transpose(image)


def _transpose_motion(drawn, shape):
    height, width = shape[:2]
    matrix = np.array([[0.0, 1, 0], [1, 0, 0], [0, 0, 1]])
    return Affine(matrix, (width, height), mask_move=lambda mask, fill: _copy(mask.swapaxes(0, 1)))


register(Op(
    name="transpose",
    category="geometric",
    description=(
        "Swaps rows and columns, mirroring the image across its main diagonal (top-left to "
        "bottom-right): the top edge becomes the left edge and a W x H image becomes H x W. It "
        "equals a quarter turn counter-clockwise followed by a vertical flip. With the two flips "
        "and random_rotate90 it spans the 8 symmetries of the square, a free eightfold increase "
        "in poses for satellite, aerial and microscope images, where orientation carries no "
        "meaning. Wrong wherever up, down, left and right matter."
    ),
    params=(),
    apply=_transpose,
    geometry=_transpose_motion,
))


# ---------------------------------------------------------------------------------------------
# safe_rotate


def safe_rotate_matrix(angle: float, shape: tuple) -> np.ndarray:
    """3x3 matrix (input -> output pixel coordinates) of `safe_rotate`: a turn by ``angle``
    degrees (counter-clockwise) about the centre, then each axis scaled so that the turned
    image's bounding box fits the frame: width / new width and height / new height, the new
    sizes truncated to whole pixels, as albumentations' SafeRotate computes them. The centre
    stays where it is."""
    height, width = shape[:2]
    cos, sin = abs(math.cos(math.radians(angle))), abs(math.sin(math.radians(angle)))
    new_w = max(1, int(height * sin + width * cos))
    new_h = max(1, int(height * cos + width * sin))
    turn = np.eye(3)
    turn[:2] = rotation_matrix(angle, shape)
    centre = np.array([(width - 1) / 2.0, (height - 1) / 2.0])
    fit = np.eye(3)
    fit[0, 0], fit[1, 1] = width / new_w, height / new_h
    fit[:2, 2] = centre - fit[:2, :2] @ centre  # scaled about the centre
    return fit @ turn


def _sample_safe_rotate(rng, params, shape):
    angle = uniform(rng, params["limit"])
    return {"angle": angle, "matrix": safe_rotate_matrix(angle, shape).tolist(),
            "interpolation": params["interpolation"], "border_mode": params["border_mode"], "fill": params["fill"]}


def _safe_rotate(image, drawn):
    # The recipe (angle and image size), not the stored matrix, is the source of truth.
    matrix = safe_rotate_matrix(drawn["angle"], image.shape)
    return warp_affine(image, matrix, image.shape[:2], drawn["interpolation"], drawn["border_mode"], drawn["fill"])


register(Op(
    name="safe_rotate",
    category="geometric",
    description=(
        "Turns the image like rotate, then shrinks it just enough that the whole turned picture "
        "fits inside the frame (albumentations' SafeRotate): no corner is cut off, so no object "
        "leaves the image, at the cost of a smaller picture framed by border-filled corners. On "
        "a non-square image the two sides shrink by different factors, so shapes are slightly "
        "squeezed. Good for detection and keypoints near the edges."
    ),
    params=(
        range_param("limit", (-90, 90), -180, 180, step=1, unit="°", draws="angle",
                    help="the angle is drawn uniformly from this range"),
        interpolation_param(),
        *border_params(),
    ),
    apply=_safe_rotate,
    sample=_sample_safe_rotate,
    geometry=lambda drawn, shape: Affine(safe_rotate_matrix(drawn["angle"], shape), tuple(shape[:2]),
                                         drawn["border_mode"]),
))


# ---------------------------------------------------------------------------------------------
# random_grid_shuffle


def _split(size: int, parts: int) -> list[int]:
    """``parts`` whole lengths adding up to ``size``, the first ones one longer where needed."""
    base, extra = divmod(size, parts)
    return [base + 1 if i < extra else base for i in range(parts)]


def grid_shuffle_tiles(drawn: dict, shape: tuple) -> list[tuple[int, int, int, int]]:
    """The tiles ``(y0, x0, y1, x1)``, row by row: the image cut into rows x cols nearly equal
    strips whose lengths come in the drawn order (``row_order``, ``col_order``)."""
    rows, cols = int(drawn["rows"]), int(drawn["cols"])
    heights = [_split(shape[0], rows)[i] for i in drawn["row_order"]]
    widths = [_split(shape[1], cols)[i] for i in drawn["col_order"]]
    ys, xs = np.cumsum([0] + heights).tolist(), np.cumsum([0] + widths).tolist()
    return [(ys[r], xs[c], ys[r + 1], xs[c + 1]) for r in range(rows) for c in range(cols)]


def grid_shuffle_moves(drawn: dict, shape: tuple) -> list[tuple[tuple, tuple]]:
    """``(source tile, destination tile)`` pairs, each tile ``(y0, x0, y1, x1)``: tile ``n``
    of the input lands where tile ``mapping[n]`` was."""
    tiles = grid_shuffle_tiles(drawn, shape)
    return [(tiles[n], tiles[target]) for n, target in enumerate(drawn["mapping"])]


def _sample_grid_shuffle(rng, params, shape):
    rows, cols = params["rows"], params["cols"]
    drawn = {"rows": rows, "cols": cols,
             "row_order": rng.permutation(rows).tolist(), "col_order": rng.permutation(cols).tolist()}
    # Tiles only trade places with tiles of the same size, so the picture stays whole.
    groups: dict[tuple, list[int]] = {}
    for index, (y0, x0, y1, x1) in enumerate(grid_shuffle_tiles({**drawn, "mapping": []}, shape)):
        groups.setdefault((y1 - y0, x1 - x0), []).append(index)
    mapping = list(range(rows * cols))
    for members in groups.values():
        for old, new in zip(members, rng.permutation(members).tolist()):
            mapping[old] = new
    drawn["mapping"] = mapping
    return drawn


def _grid_shuffle(image, drawn):
    moves = grid_shuffle_moves(drawn, image.shape)
    fits = [(sy1 - sy0, sx1 - sx0) == (dy1 - dy0, dx1 - dx0) for (sy0, sx0, sy1, sx1), (dy0, dx0, dy1, dx1) in moves]
    # On the image it was drawn for, every tile fits its new place and, the mapping being a
    # permutation, the tiles cover the output: each pixel is written once. (A trace replayed on
    # another size, or edited by hand, keeps the input where nothing lands.)
    whole = all(fits) and sorted(drawn["mapping"]) == list(range(len(moves)))
    out = np.empty(image.shape, np.uint8) if whole else image.copy()
    for ((sy0, sx0, sy1, sx1), (dy0, dx0, dy1, dx1)), fit in zip(moves, fits):
        if fit:
            out[dy0:dy1, dx0:dx1] = image[sy0:sy1, sx0:sx1]
    return out


def _grid_shuffle_caption(drawn):
    moved = sum(1 for n, target in enumerate(drawn["mapping"]) if n != target)
    return tr("{rows}x{cols} tiles, {moved} moved").format(rows=drawn["rows"], cols=drawn["cols"], moved=moved)


register(Op(
    name="random_grid_shuffle",
    category="geometric",
    description=(
        "Cuts the image into a grid of tiles and puts them back in a random order, like a "
        "sliding puzzle (albumentations' RandomGridShuffle). Local texture and small parts stay "
        "intact while the global layout is destroyed, which pushes a model to recognise parts "
        "rather than where they sit; the jigsaw pretext task of self-supervised learning does "
        "the same. Wrong whenever the layout carries the label (faces, scenes, documents)."
    ),
    params=(
        int_param("rows", 3, 1, 20, help="number of tile rows"),
        int_param("cols", 3, 1, 20, help="number of tile columns"),
    ),
    apply=_grid_shuffle,
    geometry=lambda drawn, shape: Tiles(grid_shuffle_moves(drawn, shape), tuple(shape[:2])),
    sample=_sample_grid_shuffle,
    caption=_grid_shuffle_caption,
))
