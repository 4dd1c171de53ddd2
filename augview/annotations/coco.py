"""COCO annotation files: one JSON for many images.

    {"images": [{"id": 1, "file_name": "a.jpg", "width": 640, "height": 480}],
     "annotations": [{"id": 7, "image_id": 1, "category_id": 18, "bbox": [x, y, w, h],
                      "segmentation": [[x1, y1, x2, y2, ...]], "keypoints": [x, y, v, ...], "iscrowd": 0}],
     "categories": [{"id": 18, "name": "dog", "keypoints": ["nose", ...], "skeleton": [[1, 2], ...]}]}

`CocoFile.load` checks the file's frame (the lists, the images and the categories) and reports
a problem with its JSON path (``annotations[12]: ...``); each image's annotations are checked when
that image is read (`CocoFile.annotations`), so one bad annotation costs its image only.
Segmentations (polygons, run lengths as a list or pycocotools' compact string) are drawn into
`Annotations.instances`; skeleton edges are stored from 0 (COCO counts from 1).

Writing (`objects_for` and `assemble`): a new COCO file whose images and annotations are numbered
from 1 in the order given, with the categories, ``info`` and ``licenses`` of the source;
segmentations are written in the kind they were read in (polygons are the outlines of the moved
pixels), ``area`` is the pixel count of the segmentation (the box's area without one).
"""

from __future__ import annotations

import json
import math
import os
import posixpath
from dataclasses import dataclass, field

import numpy as np

from augview.annotations.model import MAX_KEYPOINTS, MAX_OBJECTS, Annotations, check_coordinates, pack_instances
from augview.annotations.segments import (
    MAX_POLYGON_POINTS, fill_polygons, outline_polygons, rle_decode, rle_encode, rle_from_string, rle_to_string,
)
from augview.errors import AnnotationError
from augview.text import tr

MAX_JSON_BYTES = 4 * 1024**3  # a COCO file larger than this is refused before it is read
MAX_SIDE = 1 << 20  # an image side in pixels
KNOWN_KEYS = ("id", "image_id", "category_id", "bbox", "area", "segmentation", "keypoints", "num_keypoints")
_URL_KEYS = ("coco_url", "flickr_url", "url")  # they point at the source image, not at an output


def _is_int(value) -> bool:
    return type(value) is int


def _is_number(value) -> bool:
    """A JSON number a coordinate can be (not a bool, not NaN or infinite, not a 400-digit int)."""
    if type(value) is int:
        return -(2**53) <= value <= 2**53
    return type(value) is float and math.isfinite(value)


def normal_name(file_name: str) -> str:
    return posixpath.normpath(file_name.replace("\\", "/")).lstrip("/")


@dataclass
class CocoFile:
    """A COCO file, loaded and its frame checked. ``images``: the image entries; ``categories``:
    id -> category entry; ``by_image``: image id -> positions of its annotations; ``objects``:
    whether its annotations are objects (a category each), not captions (COCO's
    ``captions_val2017.json`` lists the same images as ``instances_val2017.json``)."""

    path: str
    data: dict
    images: list[dict]
    categories: dict[int, dict]
    by_image: dict = field(default_factory=dict)
    _by_name: dict[str, int] = field(default_factory=dict)
    _by_base: dict[str, list[int]] = field(default_factory=dict)
    objects: bool = True
    repeated: str = ""  # the first file_name listed twice, in a sentence
    orphans: int = 0  # annotations whose image_id names no image of the file

    @classmethod
    def load(cls, path: str | os.PathLike) -> "CocoFile":
        name = os.fspath(path)
        return cls.parse(_read_json(name), name)

    @classmethod
    def parse(cls, data, name: str) -> "CocoFile":
        if not isinstance(data, dict):
            raise AnnotationError(tr("{path}: not a COCO file (expected a JSON object with images)").format(path=name))
        images = data.get("images")
        if not isinstance(images, list):
            raise AnnotationError(tr("{path}: images: must be a list").format(path=name))
        coco = cls(name, data, images, _categories(data.get("categories", []), name))
        seen = set()
        for i, image in enumerate(images):
            where = f"{name}: images[{i}]"
            if not isinstance(image, dict):
                raise AnnotationError(tr("{where}: must be an object").format(where=where))
            image_id, file_name = image.get("id"), image.get("file_name")
            if not (_is_int(image_id) or isinstance(image_id, str)):
                raise AnnotationError(tr("{where}.id: must be a number or a string").format(where=where))
            if image_id in seen:
                raise AnnotationError(tr("{where}.id: {id} is used by another image").format(where=where, id=image_id))
            seen.add(image_id)
            if not isinstance(file_name, str) or not file_name:
                raise AnnotationError(tr("{where}.file_name: must be a file name").format(where=where))
            for key in ("width", "height"):
                if not (_is_int(image.get(key)) and 0 < image[key] <= MAX_SIDE):
                    raise AnnotationError(tr("{where}.{key}: must be a whole number of pixels from 1 to {limit}").format(
                        where=where, key=key, limit=MAX_SIDE))
            key = normal_name(file_name)
            first = coco._by_name.setdefault(key, i)
            if first != i and not coco.repeated:
                coco.repeated = (tr("{where}.file_name: {name} is listed again (first as images[{first}]); "
                                        "the first is used").format(where=where, name=repr(file_name)[:80], first=first))
            coco._by_base.setdefault(posixpath.basename(key), []).append(i)
            coco.by_image[image_id] = []
        annotations = data.get("annotations", [])
        if not isinstance(annotations, list):
            raise AnnotationError(tr("{path}: annotations: must be a list").format(path=name))
        for j, item in enumerate(annotations):
            if not isinstance(item, dict) or not (_is_int(item.get("image_id")) or isinstance(item.get("image_id"), str)):
                raise AnnotationError(tr("{path}: annotations[{index}]: must be an object with an image_id").format(
                    path=name, index=j))
            positions = coco.by_image.get(item["image_id"])
            if positions is not None:
                positions.append(j)
            else:
                coco.orphans += 1
        coco.objects = not annotations or any("category_id" in item for item in annotations)
        return coco

    def find(self, path_parts: tuple[str, ...]) -> int | None:
        """The image whose ``file_name`` is the end of ``path_parts`` (a path split in parts:
        ``("train2017", "a.jpg")`` matches ``a.jpg`` and ``train2017/a.jpg``), longest match first;
        else the one image with that base name."""
        return self.find_match(path_parts)[0]

    def find_match(self, path_parts: tuple[str, ...]) -> tuple[int | None, int]:
        """`find`, and how many of ``path_parts`` (from the end) the ``file_name`` matched."""
        for start in range(len(path_parts)):
            index = self._by_name.get("/".join(path_parts[start:]))
            if index is not None:
                return index, len(path_parts) - start
        same = self._by_base.get(path_parts[-1], []) if path_parts else []
        return (same[0], 1) if len(same) == 1 else (None, 0)

    def entries(self, index: int) -> tuple[dict, list[tuple[int, dict]]]:
        """Image ``index``'s entry and its annotations with their positions in the file."""
        image = self.images[index]
        items = self.data.get("annotations", [])
        return image, [(j, items[j]) for j in self.by_image.get(image["id"], [])]

    def annotations(self, index: int, width: int | None = None, height: int | None = None) -> Annotations:
        """Image ``index``'s annotations (checked now; ``width``/``height``: the real image's
        size, which must be the size the file gives)."""
        image, items = self.entries(index)
        return image_annotations(self.path, image, items, self.categories, width, height)


def _read_json(name: str):
    try:
        size = os.path.getsize(name)
        if size > MAX_JSON_BYTES:
            raise AnnotationError(tr("{path}: too large for a COCO file ({size} MB, the limit is {limit} MB)").format(
                path=name, size=size // 1024**2, limit=MAX_JSON_BYTES // 1024**2))
        with open(name, "rb") as handle:
            return json.loads(handle.read())
    except AnnotationError:
        raise
    except OSError as err:
        raise AnnotationError(tr("{path}: cannot be read ({reason})").format(path=name, reason=err.strerror or err)) from None
    except json.JSONDecodeError as err:
        raise AnnotationError(tr("{path}:{line}: not valid JSON ({reason}: line {line} column {column})").format(
            path=name, line=err.lineno, reason=err.msg, column=err.colno)) from None
    except ValueError:  # the one other failure of json.loads: an integer of over 4300 digits
        raise AnnotationError(tr("{path}: holds a number too long to read (over 4300 digits)").format(path=name)) from None
    except UnicodeDecodeError:
        raise AnnotationError(tr("{path}: not UTF-8 text").format(path=name)) from None
    except RecursionError:
        raise AnnotationError(tr("{path}: nested too deeply").format(path=name)) from None
    except MemoryError:
        raise AnnotationError(tr("{path}: too large to read in memory").format(path=name)) from None


def _categories(value, name: str) -> dict[int, dict]:
    if not isinstance(value, list):
        raise AnnotationError(tr("{path}: categories: must be a list").format(path=name))
    out = {}
    for i, category in enumerate(value):
        where = f"{name}: categories[{i}]"
        if not isinstance(category, dict) or not _is_int(category.get("id")):
            raise AnnotationError(tr("{where}: must be an object with a whole-number id").format(where=where))
        if not isinstance(category.get("name", ""), str):
            raise AnnotationError(tr("{where}.name: must be a string").format(where=where))
        names = category.get("keypoints", [])
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names) or len(names) > MAX_KEYPOINTS:
            raise AnnotationError(tr("{where}.keypoints: must be a list of keypoint names").format(where=where))
        skeleton = category.get("skeleton", [])
        if not isinstance(skeleton, list) or not all(
                isinstance(e, list) and len(e) == 2 and all(_is_int(v) and 1 <= v <= max(len(names), 1) for v in e)
                for e in skeleton):
            raise AnnotationError(tr("{where}.skeleton: must be a list of [a, b] keypoint numbers from 1").format(
                where=where))
        out[category["id"]] = category
    return out


def image_annotations(path: str, image: dict, items: list[tuple[int, dict]], categories: dict[int, dict],
                      width: int | None = None, height: int | None = None) -> Annotations:
    """One image's `Annotations` from its COCO entry and annotations (``(position, entry)``)."""
    stated = (image["width"], image["height"])
    if width is not None and (width, height) != stated:
        raise AnnotationError(tr("{path}: images[id={id}]: the file says the image is {stated}, it is {actual}").format(
            path=path, id=image["id"], stated=f"{stated[0]}x{stated[1]}", actual=f"{width}x{height}"))
    width, height = stated
    if len(items) > MAX_OBJECTS:
        raise AnnotationError(tr("{path}: more than {limit} objects in one image").format(path=path, limit=MAX_OBJECTS))
    boxes, labels, points, segments, extras = [], [], [], [], []
    for position, item in items:
        where = f"{path}: annotations[{position}]"
        category = categories.get(item.get("category_id"))
        if category is None:
            raise AnnotationError(tr("{where}.category_id: {value} is not among the categories").format(
                where=where, value=repr(item.get("category_id"))[:40]))
        bbox = item.get("bbox")
        if not (isinstance(bbox, list) and len(bbox) == 4 and all(_is_number(v) for v in bbox)
                and bbox[2] >= 0 and bbox[3] >= 0
                # each a finite number, but x + width may not be (1e308 + 1e308)
                and math.isfinite(bbox[0] + bbox[2]) and math.isfinite(bbox[1] + bbox[3])):
            raise AnnotationError(tr("{where}.bbox: must be [x, y, width, height], four numbers, width and height not negative").format(
                where=where))
        boxes.append((bbox[0], bbox[1], bbox[0] + bbox[2], bbox[1] + bbox[3]))
        check_coordinates(boxes[-1], where + ".bbox")
        labels.append(item["category_id"])
        points.append(_keypoints(item, category, where))
        extra = {key: value for key, value in item.items() if key not in KNOWN_KEYS}
        if "iscrowd" in extra and extra["iscrowd"] not in (0, 1):
            raise AnnotationError(tr("{where}.iscrowd: must be 0 or 1").format(where=where))
        segment = None
        if "segmentation" in item:
            segment, extra["segmentation"] = _segmentation(item["segmentation"], (height, width), where + ".segmentation")
        segments.append(segment)
        extras.append(extra)
    out = Annotations(width, height, np.array(boxes, np.float64).reshape(-1, 4), labels,
                      {i: c.get("name", str(i)) for i, c in categories.items()}, extras=extras, format="coco",
                      sources={"objects": path})
    if any(p is not None for p in points):
        k = max(len(p) for p in points if p is not None)
        out.keypoints = np.zeros((len(points), k, 3))
        for i, p in enumerate(points):
            if p is not None:
                out.keypoints[i, :len(p)] = p
        with_names = next((categories[label] for label, p in zip(labels, points)
                           if p is not None and categories[label].get("keypoints")), None)
        if with_names is not None:
            out.keypoint_names = list(with_names["keypoints"])
            out.skeleton = [(a - 1, b - 1) for a, b in with_names.get("skeleton", [])]
    out.instances = pack_instances(segments, (height, width))
    return out


def _keypoints(item: dict, category: dict, where: str) -> np.ndarray | None:
    values = item.get("keypoints")
    if values is None:
        return None
    names = category.get("keypoints") or []
    if not (isinstance(values, list) and len(values) % 3 == 0 and len(values) <= 3 * MAX_KEYPOINTS
            and all(_is_number(v) for v in values)):
        raise AnnotationError(tr("{where}.keypoints: must be a list of x, y, visibility triples").format(where=where))
    if names and len(values) != 3 * len(names):
        raise AnnotationError(tr("{where}.keypoints: {count} numbers, the category has {k} keypoints ({expected} numbers)").format(
            where=where, count=len(values), k=len(names), expected=3 * len(names)))
    points = np.array(values, np.float64).reshape(-1, 3)
    if not np.isin(points[:, 2], (0, 1, 2)).all():
        raise AnnotationError(tr("{where}.keypoints: visibility must be 0, 1 or 2").format(where=where))
    points[points[:, 2] == 0, :2] = 0
    check_coordinates(points[:, :2], where + ".keypoints")
    return points


def _segmentation(value, shape: tuple[int, int], where: str) -> tuple[np.ndarray | None, str]:
    """(pixels or None, kind): polygons, or run lengths as a list or a compact string."""
    height, width = shape
    if isinstance(value, list):
        if not all(isinstance(p, list) and len(p) >= 6 and len(p) % 2 == 0 and all(_is_number(v) for v in p)
                   for p in value) or sum(len(p) for p in value) > 2 * MAX_POLYGON_POINTS:
            raise AnnotationError(tr("{where}: polygons must be lists of at least three x, y pairs").format(where=where))
        if not value:
            return None, "polygon"
        return fill_polygons([np.array(p, np.float64).reshape(-1, 2) for p in value], shape, where), "polygon"
    if isinstance(value, dict):
        size, counts = value.get("size"), value.get("counts")
        if size != [height, width]:
            raise AnnotationError(tr("{where}.size: must be the image's [height, width], {size}").format(
                where=where, size=[height, width]))
        if isinstance(counts, str):
            return rle_decode(rle_from_string(counts, where + ".counts", height * width + 1), shape, where), "rle_compressed"
        if isinstance(counts, list) and len(counts) <= height * width + 1 and all(
                _is_int(c) and 0 <= c <= height * width for c in counts):
            return rle_decode(counts, shape, where + ".counts"), "rle"
        raise AnnotationError(tr("{where}.counts: must be run lengths (whole numbers) or a compressed string").format(
            where=where))
    raise AnnotationError(tr("{where}: must be polygons or run lengths").format(where=where))


# ---- writing ---------------------------------------------------------------------------------


def objects_for(annotations: Annotations, categories: dict[int, dict]) -> list[dict]:
    """The COCO annotation entries of one image (without ``id`` and ``image_id``, which
    `assemble` numbers)."""
    out = []
    for i, (x0, y0, x1, y1) in enumerate(annotations.boxes):
        extra = dict(annotations.extras[i]) if i < len(annotations.extras) else {}
        kind = extra.pop("segmentation", None)
        label = annotations.labels[i]
        entry = {"category_id": label, "bbox": [_round(x0), _round(y0), _round(x1 - x0), _round(y1 - y0)]}
        mask = annotations.object_mask(i)
        if kind is not None:
            entry["segmentation"] = _write_segmentation(mask, kind, (annotations.height, annotations.width))
        # The object's pixels where it has any; the box's area without them, also for an empty
        # segmentation (CVAT writes "segmentation": [] for a plain box): an area of 0 would make
        # COCO's evaluation count the object as "small".
        entry["area"] = _round((x1 - x0) * (y1 - y0)) if mask is None else int(mask.sum())
        if annotations.keypoints is not None:
            k = len(categories.get(label, {}).get("keypoints") or []) or annotations.keypoints.shape[1]
            points = annotations.keypoints[i, :k]
            if k and (categories.get(label, {}).get("keypoints") or points[:, 2].any()):
                entry["keypoints"] = [v for x, y, vis in points for v in (_round(x), _round(y), int(vis))]
                entry["num_keypoints"] = int((points[:, 2] > 0).sum())
        entry.update(extra)
        out.append(entry)
    return out


def _round(value: float) -> float | int:
    rounded = round(float(value), 4)
    return int(rounded) if rounded.is_integer() else rounded


def _write_segmentation(mask: np.ndarray | None, kind: str, shape: tuple[int, int]):
    if kind == "polygon":
        return [] if mask is None else [[_round(v) for v in p.ravel()] for p in outline_polygons(mask)]
    counts = rle_encode(np.zeros(shape, bool) if mask is None else mask)
    return {"size": list(shape), "counts": rle_to_string(counts) if kind == "rle_compressed" else counts}


def image_entry(source: dict, file_name: str, width: int, height: int) -> dict:
    """An output image's entry: the source's, with the new name and size (no id yet, no URLs)."""
    entry = {"file_name": file_name, "width": width, "height": height}
    entry.update({k: v for k, v in source.items() if k not in ("id", "file_name", "width", "height") + _URL_KEYS})
    return entry


def assemble(source: dict, images: list[tuple[dict, list[dict]]]) -> bytes:
    """A COCO file (UTF-8 JSON) of ``images``, ``(image entry, annotation entries)`` pairs in the
    order to number them; ``info``, ``licenses`` and ``categories`` come from ``source``."""
    out_images, out_annotations = [], []
    for image_id, (image, objects) in enumerate(images, 1):
        out_images.append({"id": image_id, **image})
        for entry in objects:
            out_annotations.append({"id": len(out_annotations) + 1, "image_id": image_id, **entry})
    data = {key: source[key] for key in ("info", "licenses") if key in source}
    data.update(images=out_images, annotations=out_annotations, categories=source.get("categories", []))
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
