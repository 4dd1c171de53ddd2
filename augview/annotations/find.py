"""Finding an image's annotations beside it.

For an image ``<folder>/<stem>.<ext>`` `locate` looks for, first found wins per kind:

- YOLO labels: ``<folder>/<stem>.txt``, ``<folder>/labels/<stem>.txt``, and the data set layout
  where ``labels/`` mirrors ``images/`` (``ds/images/train/a.jpg`` -> ``ds/labels/train/a.txt``);
  class names from the nearest ``data.yaml``, ``dataset.yaml`` or ``classes.txt`` (see
  `augview.annotations.yolo.find_names`);
- Pascal VOC: ``<folder>/<stem>.xml``, ``<folder>/Annotations/<stem>.xml``, and ``Annotations/``
  beside ``JPEGImages/`` (or ``annotations/`` mirroring ``images/``);
- a mask: ``<folder>/masks/<stem>.png``, ``masks/`` mirroring ``images/``, VOC's
  ``SegmentationClass/`` beside ``JPEGImages/``;
- COCO: a COCO file that lists the image: ``<folder>/<stem>.coco.json``, ``<folder>/<stem>.json``,
  ``<folder>/_annotations.coco.json``, ``<folder>/annotations.json``, or any COCO file in an
  ``annotations/`` folder beside the image's folder (a COCO file covers the folder it lies in, or
  the one above its ``annotations/`` folder; its images are matched by ``file_name``, see
  `coco_entry`).

The objects come from COCO when a COCO file lists the image, else from YOLO labels, else from
VOC; the mask is added to them.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from augview.annotations import coco as coco_format
from augview.annotations.mask_files import read_mask, read_mask_names
from augview.annotations.model import Annotations
from augview.annotations.voc import read_voc
from augview.annotations.yolo import YoloNames, find_names, read_labels, read_names_or_problem
from augview.errors import AnnotationError, ImageLoadError
from augview.text import tr

FORMATS = ("coco", "yolo", "voc", "masks")
_MIRRORS = {  # a folder of images -> the folders its annotations mirror it in, per kind
    "yolo": {"images": ("labels",)},
    "voc": {"images": ("annotations", "Annotations"), "JPEGImages": ("Annotations",)},
    "masks": {"images": ("masks",), "JPEGImages": ("SegmentationClass",)},
}
_INSIDE = {"yolo": ("", "labels"), "voc": ("", "Annotations"), "masks": ("masks",)}
_SUFFIX = {"yolo": ".txt", "voc": ".xml", "masks": ".png"}
_COCO_NAMES = ("{stem}.coco.json", "{stem}.json", "_annotations.coco.json", "annotations.json")
_SNIFF_BYTES = 1 << 20


@dataclass(frozen=True)
class Located:
    """The annotation files of one image (None where there is none)."""

    yolo: Path | None = None
    voc: Path | None = None
    mask: Path | None = None
    coco: Path | None = None  # a COCO file that lists the image
    coco_index: int | None = None  # the image's position in it


def candidates(image: Path, kind: str) -> list[Path]:
    """Where an annotation file of ``kind`` ("yolo", "voc", "masks") of ``image`` may be, in order."""
    folder, name = image.parent, image.stem + _SUFFIX[kind]
    out = [folder / sub / name if sub else folder / name for sub in _INSIDE[kind]]
    parts = folder.parts
    for i in range(len(parts) - 1, -1, -1):
        replacements = _MIRRORS[kind].get(parts[i])
        if replacements:
            out += [Path(*parts[:i], r, *parts[i + 1:]) / name for r in replacements]
            break
    return out


def locate(image: str | os.PathLike, formats: tuple[str, ...] = FORMATS) -> Located:
    image = Path(image)
    found = {}
    for kind in ("yolo", "voc", "masks"):
        if kind in formats:
            found[kind] = next((p for p in candidates(image, kind) if p.is_file() and p != image), None)
    coco_path = coco_index = None
    if "coco" in formats:
        paths = coco_candidates(image)
        chosen = coco_entry(image, [load_coco(path) for path in paths])
        if chosen is not None:
            coco_path, coco_index = Path(chosen[0].path), chosen[1]
    return Located(found.get("yolo"), found.get("voc"), found.get("masks"), coco_path, coco_index)


def coco_entry(image: Path, files: list[coco_format.CocoFile]) -> tuple[coco_format.CocoFile, int] | None:
    """The COCO file (of ``files``, found beside the data: each covers a folder, see `coverage`)
    and the position in it that annotate ``image``, or None.

    A ``file_name`` that is the image's whole path below the folder a file covers wins. One that
    matches only the end of it (COCO's own layout: ``annotations/instances_val2017.json`` lists
    ``a.jpg`` of ``val2017/``) counts only when it does not name another file that exists, and,
    where a file's name names the image's folder (``val2017``), only in such a file: the splits
    of a data set list the same file names, and the train file's ``0001.png`` is not
    ``val/0001.png``. Files of captions are passed over."""
    folder = image.parent.name.casefold()
    named = [folder in Path(coco.path).stem.casefold() for coco in files]
    best = None
    for coco, names_folder in zip(files, named):
        if not coco.objects:
            continue  # captions, not objects
        root = coverage(Path(coco.path))
        parts = parts_below(image, root)
        index, matched = coco.find_match(parts)
        if index is None:
            continue
        if matched == len(parts):
            return coco, index
        listed = root.joinpath(*coco_format.normal_name(coco.images[index]["file_name"]).split("/"))
        if listed.is_file() and not _same_file(listed, image):
            continue  # it annotates that file
        if any(named) and not names_folder:
            continue  # another split's file
        best = best or (coco, index)
    return best


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def coco_candidates(image: Path) -> list[Path]:
    folder = image.parent
    out = [folder / pattern.format(stem=image.stem) for pattern in _COCO_NAMES]
    beside = folder.parent / "annotations"
    if beside.is_dir():
        out += sorted(beside.glob("*.json"))
    return [p for p in dict.fromkeys(out) if p.is_file() and is_coco_file(p)]


def is_coco_file(path: Path) -> bool:
    """Whether a JSON file looks like COCO (its first megabyte names an ``"images"`` list)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return False
    return head.lstrip()[:1] == b"{" and b'"images"' in head


def coverage(coco_path: Path) -> Path:
    """The folder a COCO file's ``file_name``s are relative to: its own, or the one above its
    ``annotations/`` folder."""
    folder = coco_path.parent
    return folder.parent if folder.name.lower() == "annotations" else folder


def parts_below(image: Path, root: Path | None) -> tuple[str, ...]:
    """The parts of ``image``'s path below ``root`` (empty when it lies outside: a COCO file found
    in a folder covers that folder only); with ``root`` None, every part of its absolute path (a
    COCO file given by hand is matched by the end of the path, wherever the image is)."""
    path = Path(os.path.abspath(image))
    if root is None:
        return path.parts
    try:
        return path.relative_to(os.path.abspath(root)).parts
    except ValueError:
        return ()


_COCO_CACHE: dict[str, tuple[tuple, coco_format.CocoFile]] = {}
_COCO_LOCK = threading.Lock()


def load_coco(path: str | os.PathLike) -> coco_format.CocoFile:
    """A COCO file, loaded once while it does not change (the last few are kept)."""
    key = os.path.abspath(path)
    try:
        info = os.stat(key)
    except OSError as err:
        raise AnnotationError(tr("{path}: cannot be read ({reason})").format(path=os.fspath(path), reason=err.strerror or err)) from None
    stamp = (info.st_mtime_ns, info.st_size)
    with _COCO_LOCK:
        cached = _COCO_CACHE.get(key)
        if cached is not None and cached[0] == stamp:
            return cached[1]
    loaded = coco_format.CocoFile.load(path)
    with _COCO_LOCK:
        while len(_COCO_CACHE) >= 4:
            _COCO_CACHE.pop(next(iter(_COCO_CACHE)))
        _COCO_CACHE[key] = (stamp, loaded)
    return loaded


def image_size(image: str | os.PathLike) -> tuple[int, int]:
    """(width, height) of an image as `augview.load_image` gives it (EXIF orientation applied),
    from its header only."""
    try:
        with Image.open(image) as opened:
            width, height = opened.size
            orientation = opened.getexif().get(0x0112, 1)
    except FileNotFoundError:
        raise ImageLoadError(tr("{name}: no such file").format(name=os.fspath(image))) from None
    except Exception:
        raise ImageLoadError(tr("{name}: not an image file augview can read").format(name=os.fspath(image))) from None
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def find_annotations(image: str | os.PathLike, annotation_file: str | os.PathLike | None = None, *,
                     size: tuple[int, int] | None = None, formats: tuple[str, ...] = FORMATS,
                     names: YoloNames | None = None) -> Annotations | None:
    """The annotations of ``image``, found beside it (see the module docstring), or read from
    ``annotation_file`` (a COCO JSON that lists the image, a YOLO ``.txt``, a VOC ``.xml`` or a
    mask ``.png``); None when there are none. ``size``: the image's (width, height) if known
    (otherwise read from its header). ``names``: YOLO class names to use instead of looking for a
    ``data.yaml``. A malformed file raises `AnnotationError` naming the file and line."""
    image = Path(image)
    width, height = size if size is not None else image_size(image)
    if annotation_file is not None:
        return read_annotation_file(annotation_file, image, width, height, names)
    found = locate(image, formats)
    out = None
    if found.coco is not None:
        out = load_coco(found.coco).annotations(found.coco_index, width, height)
    elif found.yolo is not None:
        out = read_labels(found.yolo, width, height, names or yolo_names(found.yolo, image))
    elif found.voc is not None:
        out = read_voc(found.voc, width, height)
    if found.mask is not None:
        out = add_mask(out or Annotations(width, height), found.mask)
    return out


def yolo_names(label_file: Path, image: Path) -> YoloNames | None:
    path = find_names(label_file.parent) or find_names(image.parent)
    return read_names_or_problem(path) if path is not None else None


def add_mask(annotations: Annotations, path: Path) -> Annotations:
    annotations.mask, annotations.mask_palette = read_mask(path, annotations.width, annotations.height)
    annotations.mask_names = read_mask_names(path.parent)
    annotations.sources["mask"] = os.fspath(path)
    return annotations


def read_annotation_file(path: str | os.PathLike, image: Path, width: int, height: int,
                         names: YoloNames | None = None) -> Annotations:
    """One annotation file given by hand, by its suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        coco = load_coco(path)
        index = coco.find(parts_below(image, None))
        if index is None:
            raise AnnotationError(tr("{path}: lists no image called {name}").format(path=path, name=image.name))
        return coco.annotations(index, width, height)
    if suffix == ".txt":
        return read_labels(path, width, height, names or yolo_names(path, image))
    if suffix == ".xml":
        return read_voc(path, width, height)
    if suffix == ".png":
        return add_mask(Annotations(width, height), path)
    raise AnnotationError(tr("{path}: not an annotation file augview reads (COCO .json, YOLO .txt, VOC .xml, mask .png)").format(
        path=path))
