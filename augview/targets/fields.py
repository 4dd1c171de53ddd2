"""Moving points through a displacement field, the way its remap moves the pixels.

A remap's maps say, for every output pixel, which input position it reads. A keypoint at input
position p therefore lands at the output position q with ``map(q) = p``: the inverse of the map.
`invert_maps` solves that per point by Newton's method on the bilinear interpolation of the maps
(what cv2.remap reads between pixel centres), so the answer is exact to a hundredth of a pixel
where the field is smooth, not the nearest pixel. Where the field folds (a strong elastic warp can
send two output pixels to one input place) Newton may stall: those points restart from the best
match on a coarse grid of the whole map, then refine.

Beyond the image the displacement is taken as constant (that of the nearest edge pixel), so points
that leave the frame still get positions (for ``keypoints_outside="keep"`` and for the part of a
box that leaves the image, which the visibility rule needs).
"""

from __future__ import annotations

import numpy as np

_TOLERANCE = 1e-3  # pixels
_ITERATIONS = 30


def _displacement(map_x: np.ndarray, map_y: np.ndarray, q: np.ndarray):
    """Displacement ``map(q) - q`` at points ``q`` (bilinear, constant beyond the edges) and its
    (K, 2, 2) derivative."""
    height, width = map_x.shape
    x = np.clip(q[:, 0], 0, width - 1)
    y = np.clip(q[:, 1], 0, height - 1)
    x0 = np.minimum(np.floor(x).astype(np.int64), max(width - 2, 0))
    y0 = np.minimum(np.floor(y).astype(np.int64), max(height - 2, 0))
    x1 = np.minimum(x0 + 1, width - 1)
    y1 = np.minimum(y0 + 1, height - 1)
    fx, fy = x - x0, y - y0
    inside_x = (q[:, 0] > 0) & (q[:, 0] < width - 1)
    inside_y = (q[:, 1] > 0) & (q[:, 1] < height - 1)
    values, grads = [], []
    for grid, axis in ((map_x, 0), (map_y, 1)):
        # The displacement: what the map adds to the identity (column for x, row for y).
        ident = (x0, x1, x0, x1) if axis == 0 else (y0, y0, y1, y1)
        d00, d01, d10, d11 = (grid[r, c].astype(np.float64) - i for (r, c), i in zip(
            ((y0, x0), (y0, x1), (y1, x0), (y1, x1)), ident))
        values.append((1 - fy) * ((1 - fx) * d00 + fx * d01) + fy * ((1 - fx) * d10 + fx * d11))
        ddx = ((1 - fy) * (d01 - d00) + fy * (d11 - d10)) * inside_x
        ddy = ((1 - fx) * (d10 - d00) + fx * (d11 - d01)) * inside_y
        grads.append(np.stack([ddx, ddy], axis=1))
    disp = np.stack(values, axis=1)
    jac = np.stack(grads, axis=1) + np.eye(2)[None]
    return disp, jac


def _newton(map_x, map_y, targets, q):
    for _ in range(_ITERATIONS):
        disp, jac = _displacement(map_x, map_y, q)
        residual = q + disp - targets
        if np.all(np.abs(residual) < _TOLERANCE):
            break
        det = jac[:, 0, 0] * jac[:, 1, 1] - jac[:, 0, 1] * jac[:, 1, 0]
        safe = np.abs(det) > 1e-6
        step = residual.copy()  # a fixed-point step where the derivative is singular
        inv = np.where(safe, 1.0 / np.where(safe, det, 1.0), 0.0)
        step[safe, 0] = (jac[safe, 1, 1] * residual[safe, 0] - jac[safe, 0, 1] * residual[safe, 1]) * inv[safe]
        step[safe, 1] = (-jac[safe, 1, 0] * residual[safe, 0] + jac[safe, 0, 0] * residual[safe, 1]) * inv[safe]
        q = q - np.clip(step, -8.0, 8.0)  # damped: never jump across the image on a fold
    disp, _ = _displacement(map_x, map_y, q)
    return q, np.abs(q + disp - targets).max(axis=1) if len(q) else np.zeros(0)


def invert_maps(map_x: np.ndarray, map_y: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Output positions (pixel centres) of input ``points`` (K, 2) under the remap ``map_x``,
    ``map_y`` (output pixel -> input position)."""
    points = np.asarray(points, np.float64).reshape(-1, 2)
    if not len(points):
        return points.copy()
    q, error = _newton(map_x, map_y, points, points.copy())
    stalled = error > 0.05
    if stalled.any():
        # Restart from the closest match on a coarse grid of the whole map.
        height, width = map_x.shape
        step = max(1, int(np.sqrt(height * width / 20000)))
        gy, gx = np.mgrid[0:height:step, 0:width:step]
        sx, sy = map_x[::step, ::step].ravel(), map_y[::step, ::step].ravel()
        starts = []
        for target in points[stalled]:
            best = int(np.argmin((sx - target[0]) ** 2 + (sy - target[1]) ** 2))
            starts.append((gx.ravel()[best], gy.ravel()[best]))
        retry, retry_error = _newton(map_x, map_y, points[stalled], np.array(starts, np.float64))
        better = retry_error < error[stalled]
        q[np.flatnonzero(stalled)[better]] = retry[better]
    return q
