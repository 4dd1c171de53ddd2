"""YOLO label files: one ``.txt`` per image, one object per line, coordinates as fractions of the
image's width and height.

- detection: ``class x_centre y_centre width height``;
- pose: the same, then K keypoints ``x y visibility`` (or ``x y`` when the data set's
  ``kpt_shape`` is ``[K, 2]``); without a ``data.yaml`` saying ``kpt_shape``, a longer line is
  taken as pose when every third value after the box is 0, 1 or 2;
- segmentation: ``class x1 y1 x2 y2 ...`` (a polygon of at least three points); its box is the
  polygon's extent, its pixels go to `Annotations.instances`.

Class names come from a ``data.yaml`` (or ``dataset.yaml``; ``names:`` as a list or an id -> name
mapping, with ``kpt_shape``, and augview also reads ``kpt_names`` and ``skeleton``, pairs of
keypoint indices from 0) or a ``classes.txt`` (one name per line), found by `find_names`.
Written values have six decimals (a millionth of the image's side).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import yaml

from augview.annotations.model import (
    MAX_KEYPOINTS, MAX_OBJECTS, Annotations, check_coordinates, pack_instances, read_text,
)
from augview.annotations.segments import MAX_POLYGON_POINTS, fill_polygons, outline_polygons, pixel_extent
from augview.errors import AnnotationError
from augview.text import tr

NAME_FILES = ("data.yaml", "dataset.yaml", "classes.txt")


@dataclass(frozen=True)
class YoloNames:
    """What a ``data.yaml`` or ``classes.txt`` says about the labels."""

    path: str = ""
    names: dict[int, str] = field(default_factory=dict)
    kpt_shape: tuple[int, int] | None = None
    keypoint_names: tuple[str, ...] = ()
    skeleton: tuple[tuple[int, int], ...] = ()
    problem: str = ""  # why the file could not be read: its labels then show class numbers


def find_names(folder: str | os.PathLike, levels: int = 3) -> Path | None:
    """The ``data.yaml``, ``dataset.yaml`` or ``classes.txt`` in ``folder`` or up to ``levels``
    folders above it (a data set keeps it at its top: ``ds/data.yaml`` for ``ds/images/train``)."""
    current = Path(folder)
    for _ in range(levels + 1):
        for name in NAME_FILES:
            candidate = current / name
            if candidate.is_file():
                return candidate
        if current.parent == current:
            break
        current = current.parent
    return None


def read_names(path: str | os.PathLike) -> YoloNames:
    name = os.fspath(path)
    text = read_text(path)
    if not name.endswith((".yaml", ".yml")):
        names = [line.strip() for line in text.splitlines()]
        while names and not names[-1]:
            names.pop()
        return YoloNames(name, dict(enumerate(names)))
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise AnnotationError(tr("{path}:{line}: not valid YAML ({problem})").format(
            path=name, line=line, problem=getattr(err, "problem", None) or err)) from None
    except RecursionError:
        raise AnnotationError(tr("{path}: nested too deeply").format(path=name)) from None
    if not isinstance(data, dict):
        raise AnnotationError(tr("{path}: expected a mapping with names:, got {kind}").format(
            path=name, kind=type(data).__name__))
    return YoloNames(name, _names(data.get("names"), name), _kpt_shape(data.get("kpt_shape"), name),
                     _keypoint_names(data.get("kpt_names"), name), _skeleton(data.get("skeleton"), name))


def _names(value, path: str) -> dict[int, str]:
    if value is None:
        return {}
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return {i: str(v) for i, v in enumerate(value)}
    if isinstance(value, dict) and all(type(k) is int and k >= 0 and isinstance(v, (str, int, float))
                                       for k, v in value.items()):
        return {k: str(v) for k, v in value.items()}
    raise AnnotationError(tr("{path}: names: must be a list of names or a mapping of class ids to names").format(
        path=path))


def _kpt_shape(value, path: str) -> tuple[int, int] | None:
    if value is None:
        return None
    if (isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value)
            and 0 < value[0] <= MAX_KEYPOINTS and value[1] in (2, 3)):
        return value[0], value[1]
    raise AnnotationError(tr("{path}: kpt_shape: must be [number of keypoints, 2 or 3], got {value}").format(
        path=path, value=repr(value)[:80]))


def _keypoint_names(value, path: str) -> tuple[str, ...]:
    if isinstance(value, dict) and value:  # per class: {0: [nose, ...]}; all classes share one set here
        value = value[min(value, key=str)]
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise AnnotationError(tr("{path}: kpt_names: must be a list of names").format(path=path))


def _skeleton(value, path: str) -> tuple[tuple[int, int], ...]:
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(e, list) and len(e) == 2 and all(type(v) is int and v >= 0 for v in e)
                                       for e in value):
        return tuple((a, b) for a, b in value)
    raise AnnotationError(tr("{path}: skeleton: must be a list of [a, b] keypoint index pairs").format(path=path))


# ---- label files ------------------------------------------------------------------------------


def read_names_or_problem(path: str | os.PathLike) -> YoloNames:
    """`read_names`, or, for a names file that cannot be read, no names and the reason (one broken
    data.yaml must not make every label file of a data set unreadable: their boxes show their
    class numbers, and the reason is said with them)."""
    try:
        return read_names(path)
    except AnnotationError as err:
        return YoloNames(os.fspath(path), problem=tr("{error}; classes are shown by number").format(error=err))


def read_labels(path: str | os.PathLike, width: int, height: int, names: YoloNames | None = None) -> Annotations:
    """The objects of one label file for a ``width`` x ``height`` image."""
    return parse_labels(read_text(path), os.fspath(path), width, height, names)


def parse_labels(text: str, path: str, width: int, height: int, names: YoloNames | None = None) -> Annotations:
    names = names or YoloNames()
    rows: list[tuple[int, int, list[float]]] = []  # (line number, class, values)
    for number, line in enumerate(text.splitlines(), 1):
        tokens = line.split()
        if not tokens:
            continue
        if len(rows) >= MAX_OBJECTS:
            raise AnnotationError(tr("{path}:{line}: more than {limit} objects in one image").format(
                path=path, line=number, limit=MAX_OBJECTS))
        where = f"{path}:{number}"
        if len(tokens) > 2 * MAX_POLYGON_POINTS + 1:
            raise AnnotationError(tr("{where}: {count} numbers, more than augview reads on one line").format(
                where=where, count=len(tokens)))
        label = _class(tokens[0], where)
        try:
            values = [float(t) for t in tokens[1:]]
        except ValueError:
            bad = next(t for t in tokens[1:] if not _is_number(t))
            raise AnnotationError(tr("{where}: {value} is not a number").format(where=where, value=repr(bad[:40]))) from None
        if not all(np.isfinite(values)):
            raise AnnotationError(tr("{where}: coordinates must be finite numbers").format(where=where))
        rows.append((number, label, values))
    dims = _pose_layout(rows, names.kpt_shape, path)
    boxes, polygons, keypoints, extras = [], [], [], []
    for number, label, values in rows:
        where = f"{path}:{number}"
        count = len(values)
        if dims is not None:
            k, d = dims
            if count != 4 + k * d:
                raise AnnotationError(tr("{where}: expected {expected} numbers after the class (a box and {k} keypoints), got {count}").format(
                    where=where, expected=4 + k * d, k=k, count=count))
        elif count != 4 and (count < 6 or count % 2):
            raise AnnotationError(tr("{where}: expected a box (4 numbers after the class) or a polygon (an even number, at least 6), got {count} numbers").format(
                where=where, count=count))
        if count == 4 or dims is not None:
            cx, cy, w, h = values[:4]
            if w < 0 or h < 0:
                raise AnnotationError(tr("{where}: the box's width and height must not be negative").format(where=where))
            boxes.append(((cx - w / 2) * width, (cy - h / 2) * height, (cx + w / 2) * width, (cy + h / 2) * height))
            check_coordinates(boxes[-1], where)
            polygons.append(None)
            extras.append({})
            if dims is not None:
                points = np.array(values[4:], np.float64).reshape(dims[0], dims[1])
                keypoints.append(_keypoints(points, width, height, where))
        else:
            with np.errstate(over="ignore"):  # a huge number becomes inf here, refused just below
                polygon = np.array(values, np.float64).reshape(-1, 2) * (width, height)
            check_coordinates(polygon, where)
            boxes.append((*polygon.min(axis=0), *polygon.max(axis=0)))
            polygons.append(polygon)
            extras.append({"segmentation": "polygon"})
    notes = [names.problem] if names.problem else []
    unnamed = sorted({r[1] for r in rows} - set(names.names)) if names.names else []
    if unnamed:
        notes.append(tr("{path}: class {ids} is not among the {count} names of {names}; shown by number").format(
            path=path, ids=", ".join(map(str, unnamed[:5])), count=len(names.names), names=names.path))
    annotations = Annotations(width, height, np.array(boxes, np.float64).reshape(-1, 4), [r[1] for r in rows],
                              dict(names.names), extras=extras, format="yolo", sources={"objects": path},
                              notes=notes)
    if dims is not None:
        annotations.keypoints = np.array(keypoints, np.float64).reshape(len(rows), dims[0], 3)
        annotations.keypoint_names = list(names.keypoint_names)
        annotations.skeleton = [edge for edge in names.skeleton if max(edge) < dims[0]]
    if any(p is not None for p in polygons):
        filled = [None if p is None else fill_polygons([p], (height, width), f"{path}:{rows[i][0]}")
                  for i, p in enumerate(polygons)]
        for i, mask in enumerate(filled):
            if mask is not None and mask.any():
                # The box of the pixels, not of the outline: a written outline reads back the same.
                annotations.boxes[i] = pixel_extent(mask)
        annotations.instances = pack_instances(filled, (height, width))
    return annotations


def _class(token: str, where: str) -> int:
    try:
        value = float(token)
    except ValueError:
        value = None
    if value is None or not value.is_integer() or value < 0 or value > 2**31:
        raise AnnotationError(tr("{where}: the class must be a whole number from 0, got {value}").format(
            where=where, value=repr(token[:40])))
    return int(value)


def _is_number(token: str) -> bool:
    try:
        float(token)
    except ValueError:
        return False
    return True


def _pose_layout(rows, kpt_shape, path: str) -> tuple[int, int] | None:
    """(K, values per keypoint) when the lines are pose lines, else None."""
    if kpt_shape is not None:
        return kpt_shape
    long = [values for _, _, values in rows if len(values) > 4]
    if not long or any(len(v) != len(long[0]) or (len(v) - 4) % 3 for v in long) or len(long) != len(rows):
        return None
    k = (len(long[0]) - 4) // 3
    if k > MAX_KEYPOINTS:
        return None
    flags = np.array([v[6::3] for v in long])
    return (k, 3) if np.isin(flags, (0.0, 1.0, 2.0)).all() else None


def _keypoints(points: np.ndarray, width: int, height: int, where: str) -> np.ndarray:
    out = np.zeros((len(points), 3))
    # YOLO's fractions measure from the image's edge, as its boxes do; augview's keypoints are
    # pixel centres (pixel i's centre is i): half a pixel apart. So a flip gives 1 - x, as a box's.
    out[:, 0] = points[:, 0] * width - 0.5
    out[:, 1] = points[:, 1] * height - 0.5
    if points.shape[1] == 3:
        if not np.isin(points[:, 2], (0.0, 1.0, 2.0)).all():
            raise AnnotationError(tr("{where}: keypoint visibility must be 0, 1 or 2").format(where=where))
        out[:, 2] = points[:, 2]
    else:  # x y only: a point at (0, 0) is YOLO's "not labelled"
        out[:, 2] = np.where((points[:, 0] == 0) & (points[:, 1] == 0), 0, 2)
    out[out[:, 2] == 0, :2] = 0
    check_coordinates(out[:, :2], where)
    return out


def format_labels(annotations: Annotations, kpt_dims: int = 3) -> str:
    """The label file of ``annotations``: its objects as YOLO lines (segment lines for objects whose
    segmentation was a polygon; boxes with keypoints when there are keypoints)."""
    width, height = annotations.width, annotations.height
    lines = []
    for i, box in enumerate(annotations.boxes):
        label = annotations.labels[i]
        if annotations.extras[i].get("segmentation") == "polygon":
            mask = annotations.object_mask(i)
            if mask is not None:
                polygon = outline_polygons(mask)[0] / (width, height)
                lines.append(" ".join([str(label)] + [f"{v:.6f}" for v in polygon.ravel()]))
                continue
        x0, y0, x1, y1 = box
        values = [(x0 + x1) / 2 / width, (y0 + y1) / 2 / height, (x1 - x0) / width, (y1 - y0) / height]
        parts = [str(label)] + [f"{v:.6f}" for v in values]
        if annotations.keypoints is not None:
            for x, y, v in annotations.keypoints[i]:
                parts += [f"{(x + 0.5) / width:.6f}", f"{(y + 0.5) / height:.6f}"] if v else ["0.000000", "0.000000"]
                if kpt_dims == 3:
                    parts.append(str(int(v)))
        lines.append(" ".join(parts))
    return "".join(line + "\n" for line in lines)
