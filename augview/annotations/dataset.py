"""Annotated data sets on disk: `open_dataset` recognises a YOLO, COCO or Pascal VOC folder (or a
folder of images with masks) and lists its images with their annotations.

    data = open_dataset("coco8")
    data.kind, len(data.images)        # "yolo", 8
    data.annotations(0)                # the first image's Annotations (None if it has none)
    print(data.summary().line())       # "8 images, 7 annotated: 31 boxes (person 12, dog 4, ...)"

Images are listed as ``augview apply`` walks a folder (recursively, hidden files and folders
skipped, folder by folder in byte order), without the mask PNGs that belong to other images.
Annotations are read when asked for, so opening a large data set is quick; `Dataset.summary`
reads them all.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from augview.annotations.coco import CocoFile
from augview.annotations.find import (
    add_mask, candidates, coco_entry, find_annotations, image_size, is_coco_file, load_coco,
)
from augview.annotations.model import Annotations
from augview.annotations.voc import read_voc
from augview.annotations.yolo import NAME_FILES, YoloNames, find_names, read_names_or_problem
from augview.core.imageio import find_images
from augview.errors import AugviewError
from augview.text import count, tr

KINDS = ("coco", "yolo", "voc", "masks", "images")


def walk_images(root: str | os.PathLike, stop=None) -> tuple[list[str], int, list[str]]:
    """``(images, other files, errors)``: the images of ``root`` in the order ``augview apply``
    processes them (`augview.core.imageio.find_images`, the one walk of a folder; ``stop`` as
    there)."""
    return find_images(root, stop)


def mask_sources(root: str | os.PathLike, images: list[str]) -> set[str]:
    """Which of ``images`` (relative to ``root``) are the mask PNGs of other images there: they
    are annotations, not images to augment or browse."""
    listed = set(images)
    masks = set()
    for rel in images:
        for path in candidates(Path(root, *rel.split("/")), "masks"):
            try:
                mask_rel = path.relative_to(root).as_posix()
            except ValueError:
                continue
            if mask_rel in listed and mask_rel != rel:
                masks.add(mask_rel)
                break
    return masks


def find_coco_files(root: str | os.PathLike) -> list[Path]:
    """The COCO files under ``root`` (JSON files whose start names an ``"images"`` list)."""
    out = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(".json") and not name.startswith("."):
                path = Path(folder, name)
                if is_coco_file(path):
                    out.append(path)
    return out


@dataclass
class DatasetSummary:
    """What a data set holds. ``boxes``: boxes per class name; ``errors``: one sentence per image
    whose annotations could not be read; ``missing``: COCO images not found in the folder."""

    images: int = 0
    annotated: int = 0
    boxes: dict[str, int] = field(default_factory=dict)
    keypoints: int = 0
    masks: int = 0
    errors: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def line(self) -> str:
        total = sum(self.boxes.values())
        text = tr("{images}, {annotated} annotated: {boxes}").format(
            images=count(self.images, tr("{n} image"), tr("{n} images")), annotated=self.annotated,
            boxes=count(total, tr("{n} box"), tr("{n} boxes")))
        if self.boxes:
            ranked = sorted(self.boxes.items(), key=lambda item: (-item[1], item[0]))
            text = tr("{summary} ({classes})").format(summary=text, classes=", ".join(f"{name} {number}" for name, number in ranked))
        if self.masks:
            text = tr("{summary}; {masks}").format(summary=text, masks=count(self.masks, tr("{n} mask"), tr("{n} masks")))
        if self.errors:
            text = tr("{summary}; {errors}").format(summary=text, errors=count(
                len(self.errors), tr("{n} unreadable annotation file"), tr("{n} unreadable annotation files")))
        return text


@dataclass
class Dataset:
    """A data set folder: its ``kind`` (one of `KINDS`), its ``images`` (paths, in apply's order)
    and their annotations on demand. ``coco``: the COCO files found (kind "coco"); ``ignored``:
    files that are neither images nor masks; ``errors``: folders that could not be listed and COCO
    files that could not be read."""

    root: Path
    kind: str
    images: list[Path]
    coco: list[CocoFile] = field(default_factory=list)
    ignored: int = 0
    errors: list[str] = field(default_factory=list)
    _class_ids: dict[str, int] = field(default_factory=dict)  # VOC names -> ids, shared by the files
    # The window reads a data set from several threads at once (annotations, summary, thumbnails):
    # the shared VOC ids are added to under this lock (unguarded, one name could get two ids, or a
    # reader fail with "dictionary changed size during iteration").
    _class_ids_lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    _chosen: dict[int, tuple | None] = field(default_factory=dict, repr=False)  # image -> its COCO entry
    _names: dict[str, YoloNames | None] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.images)

    def annotations(self, index: int) -> Annotations | None:
        """Image ``index``'s annotations (None without any); raises `AnnotationError` (or
        `ImageLoadError` when the image's header cannot be read) naming the file."""
        image = self.images[index]
        if self.kind not in ("coco", "voc"):
            return find_annotations(image, formats=("yolo", "voc", "masks"), names=self._yolo_names(image))
        width, height = image_size(image)
        out = None
        if self.kind == "coco":
            chosen = self._coco_entry(index)
            if chosen is not None:
                out = chosen[0].annotations(chosen[1], width, height)
        else:
            voc = _first(image, "voc")
            if voc is not None:
                with self._class_ids_lock:
                    out = read_voc(voc, width, height, class_ids=self._class_ids)
        mask = _first(image, "masks")
        return add_mask(out or Annotations(width, height), mask) if mask is not None else out

    def _coco_entry(self, index: int) -> tuple[CocoFile, int] | None:
        """Image ``index``'s COCO file and entry (`coco_entry`), worked out once: the summary
        asks again for every image the window has shown."""
        if index not in self._chosen:
            self._chosen[index] = coco_entry(self.images[index], self.coco)
        return self._chosen[index]

    def _yolo_names(self, image: Path) -> YoloNames | None:
        key = os.fspath(image.parent)
        if key not in self._names:
            path = find_names(image.parent)
            self._names[key] = read_names_or_problem(path) if path is not None else None
        return self._names[key]

    def summary(self) -> DatasetSummary:
        """Reads every image's annotations: counts per class, images with masks, and the problems."""
        out = DatasetSummary(images=len(self.images))
        for index in range(len(self.images)):
            try:
                annotations = self.annotations(index)
            except AugviewError as err:
                out.errors.append(str(err))
                continue
            except Exception as err:  # a reader's bug must cost one image's counts, not the whole summary
                out.errors.append(tr("{path}: the annotations could not be read ({reason})").format(
                    path=self.images[index], reason=f"{type(err).__name__}: {err}"))
                continue
            if annotations is None:
                continue
            out.annotated += 1
            for name, number in annotations.counts().items():
                out.boxes[name] = out.boxes.get(name, 0) + number
            if annotations.keypoints is not None:
                out.keypoints += int((annotations.keypoints[:, :, 2] > 0).sum())
            out.masks += annotations.mask is not None
        # A names file that could not be read: said once (its labels were counted by number).
        out.errors += list(dict.fromkeys(names.problem for names in self._names.values() if names and names.problem))
        chosen = [self._coco_entry(index) for index in range(len(self.images))]
        matched = {(id(found[0]), found[1]) for found in chosen if found is not None}
        for coco in (coco for coco in self.coco if coco.objects):  # (captions annotate no objects)
            out.missing += [entry["file_name"] for i, entry in enumerate(coco.images) if (id(coco), i) not in matched]
        return out


def _first(image: Path, kind: str) -> Path | None:
    return next((p for p in candidates(image, kind) if p.is_file() and p != image), None)


def open_dataset(folder: str | os.PathLike, stop=None) -> Dataset:
    """A data set folder (see the module docstring); `AugviewError` if it is not a folder (or
    ``stop()`` ended the walk, see `walk_images`). A COCO
    file in it that cannot be read is one of its ``errors`` and is left out (its images open
    without their annotations)."""
    root = Path(folder)
    if not root.is_dir():
        raise AugviewError(tr("{folder}: is not a folder").format(folder=root))
    images, ignored, errors = walk_images(root, stop)
    masks = mask_sources(root, images)
    paths = [root.joinpath(*rel.split("/")) for rel in images if rel not in masks]
    coco = []
    for path in find_coco_files(root):
        try:
            coco.append(load_coco(path))
        except AugviewError as err:  # a JSON that mentions "images" without being COCO: said, skipped
            errors.append(str(err).split("\n")[0])
        else:
            if coco[-1].repeated:  # an image listed twice: which entry is drawn, said
                errors.append(coco[-1].repeated)
            if coco[-1].orphans:  # (an export filtered by image keeps their annotations): said, not drawn
                errors.append(count(
                    coco[-1].orphans, tr("{path}: {n} annotation names an image_id the file does not list; it is not shown"),
                    tr("{path}: {n} annotations name an image_id the file does not list; they are not shown"), path=path))
    if coco:
        return Dataset(root, "coco", paths, coco, ignored, errors)
    return Dataset(root, _kind(root), paths, [], ignored, errors)


def _kind(root: Path) -> str:
    if any((root / name).is_file() for name in NAME_FILES) or (root / "labels").is_dir():
        return "yolo"
    if (root / "Annotations").is_dir() or (root / "annotations").is_dir():
        return "voc"
    if (root / "masks").is_dir() or (root / "SegmentationClass").is_dir():
        return "masks"
    return "images"
