"""Object outlines as pixels and back: polygons (COCO, YOLO segment lines) and COCO's run-length
encoding (RLE).

Polygons are in edge coordinates (a pixel (i, j) covers [i, i+1] x [j, j+1]), as COCO's; they are
filled with OpenCV at an eighth of a pixel (a pixel is in when its centre is inside or on the
outline), so a file read twice gives the same pixels. Written polygons are the outlines OpenCV
finds around the pixels (one per separate part, holes not kept), through pixel centres: read
again, they give the same pixels.

RLE is COCO's: runs of 0 and 1 over the mask in column-major order, starting with a run of 0;
``counts`` is the list of run lengths, or the compact string of pycocotools (each count as 5-bit
groups in characters from '0', the third and later counts stored as the difference from the count
two before).
"""

from __future__ import annotations

import cv2
import numpy as np

from augview.errors import AnnotationError
from augview.text import tr

_SHIFT = 3  # fill polygons at 1/8 pixel
MAX_POLYGON_POINTS = 1_000_000  # per object: a larger outline is not an annotation


def fill_polygons(polygons: list[np.ndarray], shape: tuple[int, int]) -> np.ndarray:
    """(H, W) bool: the union of ``polygons`` ((M, 2) edge coordinates each), each filled alone
    (so two overlapping parts never cancel out)."""
    out = np.zeros(shape, np.uint8)
    for polygon in polygons:
        points = np.rint((np.asarray(polygon, np.float64) - 0.5) * (1 << _SHIFT))
        # Far outside the image is the same as at its border, and keeps OpenCV's integers safe.
        limit = (max(shape) + 2) * (1 << _SHIFT)
        points = np.clip(points, -limit, limit).astype(np.int32).reshape(-1, 1, 2)
        cv2.fillPoly(out, [points], 1, lineType=cv2.LINE_8, shift=_SHIFT)
    return out.astype(bool)


def outline_polygons(mask: np.ndarray) -> list[np.ndarray]:
    """The outer outline of each separate part of ``mask`` as (M, 2) edge coordinates (through
    the centres of the border pixels), largest part first; at least three points each (a one-pixel
    part repeats its point), so every format that needs a polygon can hold it."""
    contours, _ = cv2.findContours(mask.astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    outlines = []
    for contour in sorted(contours, key=lambda c: (-cv2.contourArea(c), -len(c))):
        points = contour.reshape(-1, 2).astype(np.float64) + 0.5
        while len(points) < 3:
            points = np.concatenate([points, points[-1:]])
        outlines.append(points)
    return outlines


def pixel_extent(mask: np.ndarray) -> tuple[float, float, float, float]:
    """The box (edge coordinates) around the true pixels of a non-empty (H, W) mask."""
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    return float(cols[0]), float(rows[0]), float(cols[-1] + 1), float(rows[-1] + 1)


def rle_encode(mask: np.ndarray) -> list[int]:
    """Run lengths of a (H, W) bool mask in COCO's order (column-major, starting with zeros)."""
    flat = np.asarray(mask, bool).ravel(order="F")
    if not flat.size:
        return []
    changes = np.flatnonzero(flat[1:] != flat[:-1]) + 1
    bounds = np.concatenate([[0], changes, [flat.size]])
    counts = np.diff(bounds).tolist()
    return [0] + counts if flat[0] else counts


def rle_decode(counts: list[int], shape: tuple[int, int], where: str) -> np.ndarray:
    """(H, W) bool from run lengths; the runs must cover the mask exactly."""
    height, width = shape
    runs = np.asarray(counts, np.int64)
    if runs.size and runs.min() < 0:
        raise AnnotationError(tr("{where}: run lengths must not be negative").format(where=where))
    if int(runs.sum()) != height * width:
        raise AnnotationError(tr("{where}: the runs cover {total} pixels, the mask has {size} ({height}x{width})").format(
            where=where, total=int(runs.sum()), size=height * width, height=height, width=width))
    values = np.zeros(runs.size, bool)
    values[1::2] = True
    flat = np.repeat(values, runs)
    return flat.reshape((width, height)).T


def rle_to_string(counts: list[int]) -> str:
    """pycocotools' compact form of run lengths."""
    out = []
    for i, count in enumerate(counts):
        value = count - counts[i - 2] if i > 2 else count
        more = True
        while more:
            group = value & 0x1F
            value >>= 5
            more = value != -1 if group & 0x10 else value != 0
            if more:
                group |= 0x20
            out.append(chr(group + 48))
    return "".join(out)


def rle_from_string(text: str, where: str, limit: int) -> list[int]:
    """Run lengths from pycocotools' compact form (at most ``limit`` of them: a mask of N pixels
    has at most N + 1 runs); a malformed string is an AnnotationError."""
    counts: list[int] = []
    position, size = 0, len(text)
    while position < size:
        if len(counts) >= limit:
            raise AnnotationError(tr("{where}: more runs than the mask has pixels").format(where=where))
        value, shift, more = 0, 0, True
        while more:
            if position >= size:
                raise AnnotationError(tr("{where}: the compressed run lengths end in the middle of a number").format(
                    where=where))
            group = ord(text[position]) - 48
            if not 0 <= group < 64:
                raise AnnotationError(tr("{where}: {char} is not a character of compressed run lengths").format(
                    where=where, char=repr(text[position])))
            value |= (group & 0x1F) << shift
            more = bool(group & 0x20)
            position += 1
            shift += 5
            if not more and group & 0x10:
                value |= -1 << shift
            if shift > 60:
                raise AnnotationError(tr("{where}: a run length of the compressed counts is too large").format(
                    where=where))
        if len(counts) > 2:
            value += counts[-2]
        counts.append(value)
    return counts
