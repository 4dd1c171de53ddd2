"""An image's annotations for the window: where they come from, and reading them off the GUI thread.

`read_targets` runs on a worker thread after the photo is decoded: it reads the annotations (found
beside the image, a file given by hand, or the data set the image belongs to), prepares them for
drawing at full resolution and on the preview proxy, and makes the original's overlay. A file that
cannot be read gives one sentence (naming the file and line) and no targets: the photo still opens.
"""

from __future__ import annotations

import os
import traceback
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication

from augview.analysis.overlays import Overlay, Shown, overlay_of, prepare, resized
from augview.annotations import Dataset, find_annotations
from augview.annotations.coco import normal_name
from augview.annotations.find import coverage, is_coco_file, load_coco, parts_below
from augview.errors import AugviewError

ANNOTATION_SUFFIXES = (".json", ".txt", ".xml")  # files that a drop or --annotations may name


class AnnotationSource(NamedTuple):
    """Where an image's annotations come from: a file given by hand, or the data set being
    browsed (its ``index``-th image); neither: found beside the image."""

    file: str | None = None
    dataset: Dataset | None = None
    index: int = -1


class LoadedTargets(NamedTuple):
    shown: Shown | None = None  # at the photo's full resolution
    proxy: Shown | None = None  # on the preview proxy (the same object when there is no proxy)
    original: Overlay | None = None  # the proxy's overlay, with the mask's legend
    problem: str = ""  # one sentence when the annotations could not be read
    source: str = ""  # the file the objects (or the mask) came from


def annotations_for(path: str, source: AnnotationSource, size: tuple[int, int] | None = None):
    """``path``'s annotations as ``source`` says where they are: its data set's entry, the file
    given, or found beside it (None: none). Raises `AugviewError` for a file that cannot be read."""
    if source.dataset is not None and 0 <= source.index < len(source.dataset.images):
        return source.dataset.annotations(source.index)
    return find_annotations(path, source.file, size=size)


def read_targets(path: str, image_shape: tuple, proxy_shape: tuple, source: AnnotationSource) -> LoadedTargets:
    """Runs on a worker thread: ``path``'s annotations ready to draw, or why there are none."""
    height, width = image_shape[:2]
    try:
        found = annotations_for(path, source, size=(width, height))
    except AugviewError as err:
        return LoadedTargets(problem=str(err).split("\n")[0])
    except Exception as err:  # a reader's bug must not lose the photo: say so, draw nothing
        traceback.print_exc()
        return LoadedTargets(problem=QCoreApplication.translate(
            "MainWindow", "{path}: the annotations could not be read ({error})").format(
            path=source.file or path, error=f"{type(err).__name__}: {err}"))
    if found is None:
        return LoadedTargets()
    shown = prepare(found)
    proxy = resized(shown, proxy_shape[1], proxy_shape[0])
    origin = found.sources.get("objects") or found.sources.get("mask") or ""
    # What the readers set aside (a names file that could not be read, VOC elements not read):
    # the first, in the status bar with the drawn targets.
    note = found.notes[0] if found.notes else ""
    return LoadedTargets(shown, proxy, overlay_of(proxy), note, origin)


def load_annotated(load, path: str, source: AnnotationSource):
    """Runs on a worker thread: ``load(path)`` (the photo and its preview proxy), then its
    annotations (`read_targets`)."""
    image, proxy = load(path)
    return image, proxy, read_targets(path, image.shape, proxy.shape, source)


def is_annotation_file(path: str) -> bool:
    """A file that a drop or ``--annotations`` means as annotations, not as a preset or image: a
    COCO JSON (a preset is JSON too: told apart by its ``"images"`` list), a YOLO ``.txt`` or a
    VOC ``.xml``."""
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        return is_coco_file(Path(path))
    return suffix in (".txt", ".xml")


def coco_images(coco_path: str, current: str | None = None) -> list[Path]:
    """The images a COCO file lists that exist on disk, in its order: beside the image on screen
    when the file lists it (its ``file_name`` is the end of that image's path), else in the
    folder the file covers (or its ``images/``). Raises `AugviewError` for a malformed file."""
    coco = load_coco(coco_path)
    bases: list[Path] = []
    if current is not None:
        here = Path(os.path.abspath(current))
        index = coco.find(parts_below(here, None))
        if index is not None:
            depth = len(normal_name(coco.images[index]["file_name"]).split("/"))
            if depth <= len(here.parents):
                bases.append(here.parents[depth - 1])
    root = coverage(Path(coco_path))
    bases += [root, root / "images"]
    found = []
    for entry in coco.images:
        parts = normal_name(entry["file_name"]).split("/")
        for base in bases:
            candidate = base.joinpath(*parts)
            if candidate.is_file():
                found.append(candidate)
                break
    return found


def box_count(path: str, source: AnnotationSource) -> int | None:
    """How many boxes ``path`` has (None: no annotations); runs on a worker thread, raises
    `AugviewError` for a file that cannot be read."""
    found = annotations_for(path, source)
    return None if found is None else len(found)
