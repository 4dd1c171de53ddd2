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
    at = y0 * width + x0  # flat indices of the four neighbours: one take() per corner and map
    corners = (at, at + (x1 - x0), at + (y1 - y0) * width, at + (y1 - y0) * width + (x1 - x0))
    for grid, axis in ((map_x, 0), (map_y, 1)):
        # The displacement: what the map adds to the identity (column for x, row for y).
        ident = (x0, x1, x0, x1) if axis == 0 else (y0, y0, y1, y1)
        flat = grid.reshape(-1)
        d00, d01, d10, d11 = (flat.take(index).astype(np.float64) - i for index, i in zip(corners, ident))
        values.append((1 - fy) * ((1 - fx) * d00 + fx * d01) + fy * ((1 - fx) * d10 + fx * d11))
        ddx = ((1 - fy) * (d01 - d00) + fy * (d11 - d10)) * inside_x
        ddy = ((1 - fx) * (d10 - d00) + fx * (d11 - d01)) * inside_y
        grads.append(np.stack([ddx, ddy], axis=1))
    disp = np.stack(values, axis=1)
    jac = np.stack(grads, axis=1) + np.eye(2)[None]
    return disp, jac


def _newton(map_x, map_y, targets, q):
    """Newton's method on ``map(q) = targets`` from ``q``, iterating only the points not yet
    solved; returns the points and their remaining error."""
    q = q.copy()
    active = np.arange(len(q))
    for _ in range(_ITERATIONS):
        disp, jac = _displacement(map_x, map_y, q[active])
        residual = q[active] + disp - targets[active]
        done = (np.abs(residual) < _TOLERANCE).all(axis=1)
        if done.all():
            break
        active, residual, jac = active[~done], residual[~done], jac[~done]
        det = jac[:, 0, 0] * jac[:, 1, 1] - jac[:, 0, 1] * jac[:, 1, 0]
        safe = np.abs(det) > 1e-6
        step = residual.copy()  # a fixed-point step where the derivative is singular
        inv = np.where(safe, 1.0 / np.where(safe, det, 1.0), 0.0)
        step[safe, 0] = (jac[safe, 1, 1] * residual[safe, 0] - jac[safe, 0, 1] * residual[safe, 1]) * inv[safe]
        step[safe, 1] = (-jac[safe, 1, 0] * residual[safe, 0] + jac[safe, 0, 0] * residual[safe, 1]) * inv[safe]
        q[active] -= np.clip(step, -8.0, 8.0)  # damped: never jump across the image on a fold
    disp, _ = _displacement(map_x, map_y, q)
    return q, np.abs(q + disp - targets).max(axis=1) if len(q) else np.zeros(0)


def approximate_forward(map_x: np.ndarray, map_y: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Output positions of input ``points`` to first order, ``p - displacement(p)``: exact where
    the field is constant (beyond the image), within a fraction of the local stretch elsewhere.
    One pass, no solving: what a box's outline needs to say where to look for its pixels."""
    points = np.asarray(points, np.float64).reshape(-1, 2)
    if not len(points):
        return points.copy()
    return points - _displacement(map_x, map_y, points)[0]


def invert_maps(map_x: np.ndarray, map_y: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Output positions (pixel centres) of input ``points`` (K, 2) under the remap ``map_x``,
    ``map_y`` (output pixel -> input position)."""
    points = np.asarray(points, np.float64).reshape(-1, 2)
    if not len(points):
        return points.copy()
    # Start where the displacement at the point itself would take it back: for a smooth field
    # that is within a fraction of a pixel, and Newton needs a step or two.
    start, _ = _displacement(map_x, map_y, points)
    q, error = _newton(map_x, map_y, points, points - start)
    stalled = error > 0.05
    if stalled.any():
        # Restart from the closest match on a coarse grid of the whole map.
        height, width = map_x.shape
        step = max(1, int(np.sqrt(height * width / 20000)))
        gy, gx = np.mgrid[0:height:step, 0:width:step]
        sx, sy = map_x[::step, ::step].ravel(), map_y[::step, ::step].ravel()
        targets = points[stalled]
        best = np.concatenate([np.argmin((sx[None] - chunk[:, :1]) ** 2 + (sy[None] - chunk[:, 1:]) ** 2, axis=1)
                               for chunk in np.array_split(targets, max(1, len(targets) // 32))])
        starts = np.column_stack([gx.ravel()[best], gy.ravel()[best]]).astype(np.float64)
        retry, retry_error = _newton(map_x, map_y, targets, starts)
        better = retry_error < error[stalled]
        q[np.flatnonzero(stalled)[better]] = retry[better]
    return q
