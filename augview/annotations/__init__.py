"""Annotation files: YOLO, COCO, Pascal VOC and mask folders, read into one shape and written back.

    from augview.annotations import find_annotations, open_dataset, augment
    notes = find_annotations("ds/images/train/a.jpg")      # Annotations, or None
    data = open_dataset("ds")                               # kind, images, annotations(i), summary()
    result, moved = augment(pipe, image, notes, seed=7)     # the image and its annotations, augmented

What lives here: the format-free `Annotations` of one image (`model`), each format's reader and
writer (`yolo`, `coco`, `voc`, `mask_files`; outlines and run lengths in `segments`), finding an
image's files beside it (`find`), data set folders (`dataset`) and moving annotations through a
pipeline (`augment`). A malformed file raises `augview.errors.AnnotationError`, one sentence naming
the file and the line (or the JSON path). It may import `augview.pipeline` and everything below
it; ``augview apply`` (`augview.batch`) and the window build on it. No Qt.
"""

from augview.annotations.augment import augment, moved, targets_of
from augview.annotations.dataset import Dataset, DatasetSummary, open_dataset, walk_images
from augview.annotations.find import find_annotations, locate
from augview.annotations.model import Annotations
from augview.errors import AnnotationError

__all__ = [
    "AnnotationError", "Annotations", "Dataset", "DatasetSummary", "augment", "find_annotations", "locate",
    "moved", "open_dataset", "targets_of", "walk_images",
]
