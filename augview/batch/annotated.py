"""``augview apply --annotations``: each image's annotations are read, augmented with it (the same
seed, one `Pipeline.apply` call with the image) and written for every output in their format.

Where outputs' annotations go: an annotation file inside the input folder is mirrored like the
images, named after the output (``labels/train/a.txt`` of ``images/train/a.jpg`` gives
``labels/train/a.jpg.aug00.txt`` for ``images/train/a.jpg.aug00.png``; a VOC ``.xml`` or a mask
PNG likewise); one outside it is written next to the output. A ``data.yaml``/``classes.txt`` of a
YOLO data set is copied too (``data.yaml`` without its ``path:``, which named the input folder). A
COCO file is written as a new COCO file for the outputs (mirrored, or at the output folder's top
when it lay outside the input), rebuilt at the end of every run from the manifest: each output's
line holds its COCO image and annotations, so a resumed or interrupted run writes a file listing
exactly the outputs that exist, numbered in output path order (images and annotations from 1),
with the source's categories, ``info`` and ``licenses``.

Objects come from one format per image (COCO if a COCO file lists it, else YOLO, else VOC), and a
mask PNG comes in addition. Mask PNGs that belong to images are not augmented as images. An
image whose annotations are malformed fails (one sentence with the file and line) and is skipped;
an image without annotations is augmented alone. Annotation files are written before the image,
so an output that exists has its annotations. The runs' preset identity includes the target
settings and the annotation formats, so outputs made without annotations (or with other
settings) are not taken for annotated ones.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
from dataclasses import dataclass
from pathlib import Path

import yaml

from augview.annotations import coco as coco_format
from augview.annotations.augment import augment
from augview.annotations.dataset import find_coco_files, mask_sources
from augview.annotations.find import add_mask, coco_entry, coverage, is_coco_file, load_coco, locate, parts_below
from augview.annotations.mask_files import encode_mask
from augview.annotations.model import Annotations
from augview.annotations.voc import format_voc, read_voc
from augview.annotations.yolo import YoloNames, find_names, format_labels, read_labels, read_names
from augview.batch.files import write_atomic
from augview.core.atomic import atomic_write_bytes
from augview.errors import AugviewError, OptionError
from augview.pipeline.pipeline import Pipeline
from augview.pipeline.run import images_only_steps
from augview.text import tr

ANNOTATION_FORMATS = ("yolo", "coco", "voc", "masks")


@dataclass(frozen=True)
class AnnotationOptions:
    """``source``: "auto" (every annotation found beside the images, COCO files in the input
    folder included) or the path of a COCO file; ``formats``: the formats to read and write."""

    source: str = "auto"
    formats: tuple[str, ...] = ANNOTATION_FORMATS

    def __post_init__(self):
        bad = [f for f in self.formats if f not in ANNOTATION_FORMATS]
        if bad or not self.formats:
            raise OptionError(f"--annotation-format must be one or more of {', '.join(ANNOTATION_FORMATS)}, "
                             f"got {', '.join(bad) or 'nothing'}")


def _inside_rel(path: Path, root: str) -> str | None:
    """``path`` relative to ``root`` in POSIX form, or None when it lies outside."""
    try:
        rel = Path(os.path.abspath(path)).relative_to(os.path.abspath(root))
    except ValueError:
        return None
    return rel.as_posix()


class AnnotatedRun:
    """The parent's side of an annotated run: which sources, the COCO files, the side files."""

    def __init__(self, options: AnnotationOptions, pipeline: Pipeline, input_dir, output_dir, sources: list[str]):
        blocked = images_only_steps(pipeline.steps)
        if blocked:
            raise AugviewError(tr("{op} blends several augmented copies of the image, so masks, boxes "
                                  "and keypoints cannot follow it; disable it for annotated data").format(op=blocked[0]))
        self.options, self.in_root, self.out_root = options, os.fspath(input_dir), os.fspath(output_dir)
        masks = mask_sources(self.in_root, sources) if "masks" in options.formats else set()
        self.sources = [rel for rel in sources if rel not in masks]
        self.masks = len(masks)
        self.coco: list[tuple[coco_format.CocoFile, str]] = []  # (file, its output's relative path)
        self.broken_coco: list[tuple[Path, str]] = []  # (the folder it covers, why it cannot be read)
        self.coco_names: list[str] = []  # every COCO file found, as its output's relative path
        if "coco" in options.formats:
            if options.source != "auto":
                path = Path(options.source)
                if not path.exists():
                    raise AugviewError(tr("{path}: no such file").format(path=path))
                if not path.is_file() or not is_coco_file(path):
                    raise AugviewError(tr("{path}: not a COCO file (expected a JSON object with images)").format(path=path))
                paths = [path]
            else:
                paths = find_coco_files(self.in_root)
            names = set()
            for path in paths:
                out_rel = _inside_rel(path, self.in_root) or path.name
                if out_rel in names:
                    raise AugviewError(tr("{path}: two COCO files would be written as {name}").format(path=path, name=out_rel))
                names.add(out_rel)
                try:
                    self.coco.append((load_coco(path), out_rel))
                except AugviewError as err:
                    if options.source != "auto":
                        raise  # the file asked for by name: nothing to run without it
                    # One broken file found in the input fails the images it would cover, each
                    # with its reason; the rest of the folder runs.
                    self.broken_coco.append((coverage(path), str(err).split("\n")[0]))
                self.coco_names.append(out_rel)  # broken or not: fixing it must not change the preset's id

    def preset_id(self, pipeline: Pipeline) -> str:
        """The steps, the target settings and the annotation formats: what an output depends on."""
        data = {"steps": pipeline.to_dict()["steps"], "targets": pipeline.targets.to_dict(),
                "annotations": sorted(self.options.formats), "coco": self.coco_names}
        text = json.dumps(data, sort_keys=True, separators=(",", ":"))
        return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    def attach(self, tasks: list[tuple]) -> list[tuple]:
        """Each task with its image's COCO entries (so workers never hold a whole COCO file), or
        the reason its image fails: a COCO file that covers it could not be read."""
        out = []
        for task in tasks:
            payload = None
            path = Path(self.in_root, *task[0].split("/"))
            files = [coco for coco, _ in self.coco]
            if self.options.source == "auto":  # files found in the input: each covers its folder
                chosen = coco_entry(path, files)
            else:  # a file given by hand: any image it names
                chosen = next(((coco, index) for coco in files
                               if (index := coco.find(parts_below(path, None))) is not None), None)
            if chosen is not None:
                image, items = chosen[0].entries(chosen[1])
                payload = (files.index(chosen[0]), image, items)
            if payload is None:  # no readable COCO file names it: does a broken one cover it?
                payload = next((why for root, why in self.broken_coco if parts_below(path, root)), None)
            out.append((task[0], task[1], payload))
        return out

    def worker(self) -> "AnnotatedWorker":
        return AnnotatedWorker(self.in_root, self.options.formats,
                               [(coco.path, rel, coco.categories) for coco, rel in self.coco])

    def start(self) -> list[str]:
        """Copy the YOLO class files the sources use; returns one sentence per problem."""
        if "yolo" not in self.options.formats:
            return []
        errors, done = [], set()
        folders = dict.fromkeys(posixpath.dirname(rel) for rel in self.sources)
        for folder in folders:
            found = find_names(Path(self.in_root, *folder.split("/")) if folder else Path(self.in_root))
            if found is None or found in done:
                continue
            done.add(found)
            target = Path(self.out_root, *(_inside_rel(found, self.in_root) or found.name).split("/"))
            try:
                data = found.read_bytes()
                if found.suffix in (".yaml", ".yml"):
                    try:
                        loaded = yaml.safe_load(data)
                    except yaml.YAMLError:
                        continue  # not copied: each image it names classes for says what is wrong with it
                    if isinstance(loaded, dict) and "path" in loaded:  # it named the input data set
                        loaded.pop("path")
                        data = yaml.safe_dump(loaded, sort_keys=False, allow_unicode=True).encode("utf-8")
                target.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_bytes(target, data)
            except OSError as err:
                errors.append(tr("{path}: cannot write ({reason})").format(path=target, reason=getattr(err, "strerror", None) or err))
        return errors

    def finish(self, manifest_path: Path) -> list[str]:
        """Write each COCO output from the manifest's lines; returns one sentence per problem."""
        if not self.coco:
            return []
        collected: dict[str, list] = {rel: [] for _, rel in self.coco}
        try:
            with open(manifest_path, "rb") as handle:
                for line in handle:
                    try:
                        record = json.loads(line.decode("utf-8", "surrogateescape"))
                    except ValueError:
                        continue
                    entry = record.get("coco") if isinstance(record, dict) else None
                    if isinstance(entry, dict) and entry.get("file") in collected:
                        collected[entry["file"]].append((entry["image"], entry["annotations"]))
        except FileNotFoundError:
            pass
        errors = []
        for coco, rel in self.coco:
            target = Path(self.out_root, *rel.split("/"))
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_bytes(target, coco_format.assemble(coco.data, collected[rel]))
            except OSError as err:
                errors.append(tr("{path}: cannot write ({reason})").format(path=target, reason=err.strerror or err))
        return errors


@dataclass
class SourceAnnotations:
    """One source's annotations and where they came from (what an output's files mirror)."""

    annotations: Annotations | None
    objects: Path | None = None  # the YOLO or VOC file the objects came from
    mask: Path | None = None
    coco: tuple | None = None  # (file number, image entry)
    kpt_dims: int = 3


class AnnotatedWorker:
    """The workers' side: read a source's annotations, augment them, write them per output."""

    def __init__(self, in_root: str, formats: tuple[str, ...], coco: list[tuple[str, str, dict]]):
        self.in_root, self.formats, self.coco = in_root, formats, coco
        self._names: dict[str, YoloNames | None] = {}

    def read(self, path: str, image, task: tuple) -> SourceAnnotations | None:
        """The source's annotations, or None without any; AugviewError when one is malformed."""
        height, width = image.shape[:2]
        source = Path(path)
        found = locate(source, tuple(f for f in self.formats if f != "coco"))
        payload = task[2] if len(task) > 2 else None
        if isinstance(payload, str):  # a COCO file covering it could not be read (see `attach`)
            raise AugviewError(payload)
        out = SourceAnnotations(None)
        if payload is not None:
            number, entry, items = payload
            coco_path, _, categories = self.coco[number]
            out.annotations = coco_format.image_annotations(coco_path, entry, items, categories, width, height)
            out.coco = (number, entry)
        elif found.yolo is not None:
            names = self._yolo_names(found.yolo, source)
            out.annotations, out.objects = read_labels(found.yolo, width, height, names), found.yolo
            out.kpt_dims = names.kpt_shape[1] if names is not None and names.kpt_shape else 3
        elif found.voc is not None:
            out.annotations, out.objects = read_voc(found.voc, width, height), found.voc
        if found.mask is not None:
            out.annotations = add_mask(out.annotations or Annotations(width, height), found.mask)
            out.mask = found.mask
        return out if out.annotations is not None else None

    def _yolo_names(self, label_file: Path, image: Path) -> YoloNames | None:
        key = os.fspath(label_file.parent)
        if key not in self._names:
            path = find_names(label_file.parent) or find_names(image.parent)
            self._names[key] = read_names(path) if path is not None else None
        return self._names[key]

    def apply(self, pipeline: Pipeline, image, seed: int, source: SourceAnnotations):
        return augment(pipeline, image, source.annotations, seed)

    def write(self, source: SourceAnnotations, moved, out_root: str, out_rel: str, grey: bool) -> dict:
        """Write an output's annotation files (OSError if one cannot be); returns what its manifest
        line records: the files, and for COCO the output's image and annotations."""
        folder, name = posixpath.split(out_rel)
        stem = posixpath.splitext(name)[0]
        files, record = [], {}

        def put(found: Path, data: bytes) -> str:
            inside = _inside_rel(found, self.in_root)
            rel = posixpath.join(posixpath.dirname(inside) if inside is not None else folder, stem + found.suffix)
            target = os.path.join(out_root, *rel.split("/"))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            write_atomic(target, data)
            files.append(rel)
            return target

        if source.objects is not None and source.objects.suffix == ".txt":
            put(source.objects, format_labels(moved, source.kpt_dims).encode("utf-8"))
        elif source.objects is not None:
            put(source.objects, format_voc(moved, name, 1 if grey else 3).encode("utf-8"))
        if source.mask is not None:
            target = put(source.mask, encode_mask(moved.mask, moved.mask_palette))
            self._copy_mask_names(source.mask, Path(target).parent)
        if source.coco is not None:
            number, entry = source.coco
            coco_path, coco_rel, categories = self.coco[number]
            # The source's folder in the file kept ("train2017/x.png" -> "train2017/x.png.aug00.png"),
            # unless it climbs out of the data set ("../elsewhere/"): the output is not there.
            folder = posixpath.dirname(coco_format.normal_name(entry["file_name"]))
            file_name = posixpath.join("" if folder == ".." or folder.startswith("../") else folder, name)
            record["coco"] = {"file": coco_rel, "image": coco_format.image_entry(entry, file_name, moved.width, moved.height),
                              "annotations": coco_format.objects_for(moved, categories)}
        record["annotations"] = {"objects": len(moved), "files": files}
        return record

    @staticmethod
    def _copy_mask_names(mask: Path, out_folder: Path) -> None:
        names, target = mask.parent / "classes.txt", out_folder / "classes.txt"
        if names.is_file() and not target.exists():
            write_atomic(target, names.read_bytes())
