"""Object outlines as pixels and back: polygons (COCO, YOLO segment lines) and COCO's run-length
encoding (RLE).

Polygons are in edge coordinates (a pixel (i, j) covers [i, i+1] x [j, j+1]), as COCO's; a pixel
belongs to a polygon when its centre is inside it. Written polygons run along the edges of the
pixels (one per separate part, holes not kept), so read again they give the same pixels.

RLE is COCO's: runs of 0 and 1 over the mask in column-major order, starting with a run of 0;
``counts`` is the list of run lengths, or the compact string of pycocotools (each count as 5-bit
groups in characters from '0', the third and later counts stored as the difference from the count
two before).
"""

from __future__ import annotations

import cv2
import numpy as np

from augview.annotations.model import check_coordinates
from augview.errors import AnnotationError
from augview.text import tr

MAX_POLYGON_POINTS = 1_000_000  # per object: a larger outline is not an annotation
MAX_CROSSINGS = 50_000_000  # edge crossings of pixel rows per polygon: bounds the work of a fill


def fill_polygons(polygons: list[np.ndarray], shape: tuple[int, int], where: str = "") -> np.ndarray:
    """(H, W) bool: the union of ``polygons`` ((M, 2) edge coordinates each), each filled alone
    (so overlapping parts never cancel out). A pixel is in a polygon when its centre is (the
    even-odd rule along each row of pixel centres, edges half open), as for COCO's polygons.
    ``where`` names the polygon in the error a polygon too complex to fill raises."""
    height, width = shape
    out = np.zeros((height, width + 1), np.int32)
    for polygon in polygons:
        points = np.asarray(polygon, np.float64).reshape(-1, 2)
        check_coordinates(points, where)
        x0, y0 = points[:, 0], points[:, 1]
        x1, y1 = np.roll(x0, -1), np.roll(y0, -1)
        # Rows whose centre (r + 0.5) lies in [min(y0, y1), max(y0, y1)): each edge crosses those.
        first = np.clip(np.ceil(np.minimum(y0, y1) - 0.5), 0, height).astype(np.int64)
        last = np.clip(np.ceil(np.maximum(y0, y1) - 0.5), 0, height).astype(np.int64)
        spans = np.maximum(last - first, 0)
        total = int(spans.sum())
        if total > MAX_CROSSINGS:
            raise AnnotationError(tr("{where}: the polygon crosses the image's rows {count} times, more than augview fills ({limit})").format(
                where=where, count=total, limit=MAX_CROSSINGS))
        if not total:
            continue
        edge = np.repeat(np.arange(len(points)), spans)
        rows = first[edge] + np.arange(total) - np.repeat(np.cumsum(spans) - spans, spans)
        t = (rows + 0.5 - y0[edge]) / (y1[edge] - y0[edge])
        xs = x0[edge] + t * (x1[edge] - x0[edge])
        order = np.lexsort((xs, rows))
        rows, xs = rows[order], xs[order]
        # Each row has an even number of crossings: in between pairs, centres (c + 0.5) in [a, b).
        start = np.clip(np.ceil(xs[0::2] - 0.5), 0, width).astype(np.int64)
        stop = np.clip(np.ceil(xs[1::2] - 0.5), 0, width).astype(np.int64)
        runs = np.zeros((height, width + 1), np.int32)
        np.add.at(runs, (rows[0::2], start), 1)
        np.add.at(runs, (rows[1::2], stop), -1)
        out += np.cumsum(runs, axis=1) > 0
    return out[:, :width] > 0


def outline_polygons(mask: np.ndarray) -> list[np.ndarray]:
    """The outer outline of each separate part of ``mask`` as (M, 2) edge coordinates, along the
    pixels' edges (so `fill_polygons` gives the same pixels back, holes aside), largest part first.

    OpenCV traces outlines through pixel centres; on the mask doubled in size, a traced point
    ``u`` lies on a pixel's first or second half, and ``(u + 1) // 2`` is the pixel edge there."""
    doubled = np.repeat(np.repeat(mask.astype(np.uint8), 2, axis=0), 2, axis=1)
    contours, _ = cv2.findContours(doubled, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    outlines = []
    for contour in contours:
        points = (contour.reshape(-1, 2) + 1) // 2
        keep = np.any(points != np.roll(points, 1, axis=0), axis=1)  # repeated corners
        points = points[keep] if keep.any() else points[:1]
        # Points in the middle of a straight run add nothing.
        before, after = np.roll(points, 1, axis=0), np.roll(points, -1, axis=0)
        cross = (points - before)[:, 0] * (after - points)[:, 1] - (points - before)[:, 1] * (after - points)[:, 0]
        if len(points) > 3 and (cross != 0).sum() >= 3:
            points = points[cross != 0]
        outlines.append(points.astype(np.float64))
    outlines.sort(key=lambda p: -_area(p))
    return outlines


def _area(points: np.ndarray) -> float:
    x, y = points[:, 0], points[:, 1]
    return abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))) / 2


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
