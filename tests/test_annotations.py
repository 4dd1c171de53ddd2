"""Finding annotations beside an image, data set folders, the bundled annotated sample, and moving
annotations through a pipeline (`augview.annotations.augment` is `Pipeline.apply` with targets)."""

from __future__ import annotations

import importlib.util
import json

import numpy as np
import pytest
from PIL import Image

import augview
from augview.annotations import Annotations, augment, find_annotations, locate, open_dataset
from augview.annotations.find import image_size
from augview.core.imageio import find_images as find_sources
from augview.core import paths
from augview.errors import AnnotationError
from tests.conftest import ASSETS, ROOT


def save(path, image):
    path.parent.mkdir(parents=True, exist_ok=True)
    augview.save_image(path, image)
    return path


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


@pytest.fixture
def photo(small_rgb):
    return small_rgb  # 48 x 64


def test_yolo_labels_are_found_in_each_layout(tmp_path, photo):
    line = "0 0.5 0.5 0.25 0.5\n"
    layouts = {
        "ds/images/train/a.png": "ds/labels/train/a.txt",  # labels/ mirrors images/
        "flat/b.png": "flat/b.txt",  # beside the image
        "sub/c.png": "sub/labels/c.txt",  # a labels/ folder beside the image
    }
    for image, labels in layouts.items():
        save(tmp_path / image, photo)
        write(tmp_path / labels, line)
        found = find_annotations(tmp_path / image)
        assert found.format == "yolo" and found.sources["objects"] == str(tmp_path / labels)
        np.testing.assert_allclose(found.boxes, [[24, 12, 40, 36]])
    write(tmp_path / "ds" / "data.yaml", "names: [zebra]\n")
    assert find_annotations(tmp_path / "ds/images/train/a.png").label_name(0) == "zebra"
    assert find_annotations(tmp_path / "flat/b.png").label_name(0) == "0"  # no names: the id


def test_voc_masks_and_coco_are_found_and_coco_comes_first(tmp_path, photo):
    image = save(tmp_path / "VOC/JPEGImages/a.png", photo)
    write(tmp_path / "VOC/Annotations/a.xml", "<annotation><object><name>cat</name><bndbox><xmin>1</xmin>"
          "<ymin>2</ymin><xmax>30</xmax><ymax>40</ymax></bndbox></object></annotation>")
    mask = np.zeros((48, 64), np.uint8)
    mask[5:20, 10:30] = 3
    Image.fromarray(mask).save(save(tmp_path / "VOC/SegmentationClass/a.png", mask))
    found = find_annotations(image)
    assert found.format == "voc" and found.label_name(0) == "cat" and (found.mask == mask).all()
    assert found.sources["mask"] == str(tmp_path / "VOC/SegmentationClass/a.png")

    coco = {"images": [{"id": 3, "file_name": "JPEGImages/a.png", "width": 64, "height": 48}],
            "annotations": [{"image_id": 3, "category_id": 1, "bbox": [1, 1, 5, 5]},
                            {"image_id": 3, "category_id": 1, "bbox": [2, 2, 5, 5]}],
            "categories": [{"id": 1, "name": "dog"}]}
    write(tmp_path / "VOC/annotations/instances.json", json.dumps(coco))
    found = find_annotations(image)
    assert found.format == "coco" and len(found) == 2 and found.label_name(0) == "dog" and found.mask is not None
    assert locate(image).coco == tmp_path / "VOC/annotations/instances.json"
    # Asked for one format, that is what is read.
    assert find_annotations(image, formats=("voc",)).format == "voc"
    assert find_annotations(save(tmp_path / "VOC/JPEGImages/none.png", photo)) is None


def test_an_annotation_file_given_by_hand(tmp_path, photo):
    image = save(tmp_path / "p/a.png", photo)
    other = write(tmp_path / "elsewhere/x.txt", "1 0.5 0.5 0.5 0.5\n")
    assert find_annotations(image, other).labels == [1]
    coco = {"images": [{"id": 1, "file_name": "a.png", "width": 64, "height": 48}], "annotations": [],
            "categories": []}
    assert len(find_annotations(image, write(tmp_path / "elsewhere/c.json", json.dumps(coco)))) == 0
    with pytest.raises(AnnotationError, match="lists no image called b.png"):
        find_annotations(save(tmp_path / "p/b.png", photo), tmp_path / "elsewhere/c.json")
    with pytest.raises(AnnotationError, match="not an annotation file augview reads"):
        find_annotations(image, write(tmp_path / "x.csv", ""))


def test_a_broken_file_is_one_sentence_with_its_line(tmp_path, photo):
    image = save(tmp_path / "a.png", photo)
    write(tmp_path / "a.txt", "0 0.5 0.5 0.1 0.1\n0 0.5 0.5\n")
    with pytest.raises(AnnotationError) as caught:
        find_annotations(image)
    assert str(caught.value) == f"{tmp_path / 'a.txt'}:2: expected a box (4 numbers after the class) or a polygon " \
                                "(an even number, at least 6), got 2 numbers"


def test_the_image_size_follows_exif_orientation(tmp_path, photo):
    path = tmp_path / "turned.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # shown turned a quarter: 64 x 48 pixels stand as 48 x 64
    Image.fromarray(photo).save(path, exif=exif)
    assert image_size(path) == (48, 64) == augview.load_image(path).shape[1::-1]


# ---- data sets -------------------------------------------------------------------------------


def make_yolo_dataset(root, photo) -> list[str]:
    rels = ["images/train/b.png", "images/train/a.png", "images/val/c.png", "images/train/sub/d.png"]
    for i, rel in enumerate(rels):
        save(root / rel, np.roll(photo, 5 * i, axis=1))
        label = root / rel.replace("images/", "labels/", 1).replace(".png", ".txt")
        write(label, "".join(f"{k % 2} 0.5 0.5 0.2 0.2\n" for k in range(i + 1)))
    mask = np.zeros((48, 64), np.uint8)
    Image.fromarray(mask).save(save(root / "masks/train/a.png", mask))
    write(root / "data.yaml", "path: /somewhere\ntrain: images/train\nval: images/val\nnames: [cat, dog]\n")
    return rels


def test_open_dataset_recognises_yolo_and_lists_images_as_apply_walks(tmp_path, photo):
    make_yolo_dataset(tmp_path, photo)
    data = open_dataset(tmp_path)
    assert data.kind == "yolo"
    walked, _, _ = find_sources(tmp_path)
    listed = [p.relative_to(tmp_path).as_posix() for p in data.images]
    assert listed == [rel for rel in walked if rel != "masks/train/a.png"]  # the mask is not an image
    assert listed == ["images/train/a.png", "images/train/b.png", "images/train/sub/d.png", "images/val/c.png"]
    first = data.annotations(0)
    assert first.label_name(0) == "cat" and first.mask is not None
    summary = data.summary()
    assert (summary.images, summary.annotated, summary.masks) == (4, 4, 1)
    assert summary.boxes == {"cat": 6, "dog": 4}
    assert summary.line() == "4 images, 4 annotated: 10 boxes (cat 6, dog 4); 1 mask"


def test_open_dataset_counts_unreadable_files_without_stopping(tmp_path, photo):
    make_yolo_dataset(tmp_path, photo)
    write(tmp_path / "labels/val/c.txt", "0 0.5\n")
    summary = open_dataset(tmp_path).summary()
    assert summary.annotated == 3 and len(summary.errors) == 1 and "c.txt:1:" in summary.errors[0]
    assert summary.line().endswith("; 1 unreadable annotation file")


def test_open_dataset_coco_and_voc(tmp_path, photo):
    coco_root = tmp_path / "coco"
    for name in ("x.png", "y.png"):
        save(coco_root / "train2017" / name, photo)
    data = {"images": [{"id": 1, "file_name": "x.png", "width": 64, "height": 48},
                       {"id": 2, "file_name": "y.png", "width": 64, "height": 48},
                       {"id": 3, "file_name": "gone.png", "width": 64, "height": 48}],
            "annotations": [{"image_id": 1, "category_id": 5, "bbox": [1, 1, 4, 4]}],
            "categories": [{"id": 5, "name": "kite"}]}
    write(coco_root / "annotations/instances_train2017.json", json.dumps(data))
    dataset = open_dataset(coco_root)
    assert dataset.kind == "coco" and len(dataset) == 2
    assert dataset.annotations(0).label_name(0) == "kite" and len(dataset.annotations(1)) == 0
    summary = dataset.summary()
    assert summary.boxes == {"kite": 1} and summary.missing == ["gone.png"] and summary.annotated == 2

    voc_root = tmp_path / "voc"
    for name, label in (("a", "cat"), ("b", "dog"), ("c", "cat")):
        save(voc_root / "JPEGImages" / f"{name}.png", photo)
        write(voc_root / "Annotations" / f"{name}.xml", f"<annotation><object><name>{label}</name><bndbox>"
              "<xmin>1</xmin><ymin>1</ymin><xmax>5</xmax><ymax>5</ymax></bndbox></object></annotation>")
    dataset = open_dataset(voc_root)
    assert dataset.kind == "voc"
    # One name -> id mapping for the whole data set.
    assert [dataset.annotations(i).labels for i in range(3)] == [[0], [1], [0]]
    assert dataset.summary().boxes == {"cat": 2, "dog": 1}
    with pytest.raises(augview.AugviewError, match="is not a folder"):
        open_dataset(tmp_path / "missing")


# ---- the bundled sample ----------------------------------------------------------------------


def test_the_sample_photo_has_boxes_a_mask_and_keypoints():
    found = find_annotations(paths.SAMPLE_IMAGE)
    assert found.format == "coco" and len(found) == 7
    names = [found.label_name(i) for i in range(len(found))]
    assert names == ["person", "face", "flag", "helmet", "space shuttle", "mission patch", "name tag"]
    assert found.mask.shape == (512, 512) and set(np.unique(found.mask)) == set(range(8))
    assert found.mask_names[1] == "person" and found.mask_palette is not None
    face = names.index("face")
    assert (found.keypoints[face, :, 2] == 2).all() and found.keypoint_names[:2] == ["right_eye", "left_eye"]
    assert not found.keypoints[np.arange(7) != face].any() and len(found.skeleton) == 6
    # Keypoints inside the face's box, the face inside the person's, each polygon inside its box.
    x0, y0, x1, y1 = found.boxes[face]
    assert ((found.keypoints[face, :, 0] > x0) & (found.keypoints[face, :, 0] < x1)).all()
    assert (found.boxes[0][:2] <= found.boxes[face][:2]).all() and (found.boxes[0][2:] >= found.boxes[face][2:]).all()
    for i in range(len(found)):
        rows, cols = np.nonzero(found.object_mask(i))
        bx0, by0, bx1, by1 = found.boxes[i]
        assert bx0 - 1 <= cols.min() and cols.max() < bx1 + 1 and by0 - 1 <= rows.min() and rows.max() < by1 + 1
        # The mask PNG and the COCO polygon agree on where the object is (IoU with its mask classes).
        label_pixels = found.mask == found.labels[i]
        assert (label_pixels & found.object_mask(i)).sum() > 0.8 * label_pixels.sum()


def test_the_samples_yolo_form_is_its_coco_form():
    from augview.annotations.find import read_annotation_file

    coco_form = find_annotations(paths.SAMPLE_IMAGE)
    yolo_form = read_annotation_file(ASSETS / "labels/astronaut.txt", paths.SAMPLE_IMAGE, 512, 512)
    np.testing.assert_allclose(yolo_form.boxes, coco_form.boxes, atol=512 * 1e-6)
    np.testing.assert_allclose(yolo_form.keypoints, coco_form.keypoints, atol=512 * 1e-6)
    assert yolo_form.labels == [label - 1 for label in coco_form.labels]
    assert [yolo_form.label_name(i) for i in range(7)] == [coco_form.label_name(i) for i in range(7)]
    assert yolo_form.keypoint_names == coco_form.keypoint_names and yolo_form.skeleton == coco_form.skeleton


def test_the_sample_files_are_what_the_tool_makes():
    spec = importlib.util.spec_from_file_location("make_sample_annotations", ROOT / "tools/make_sample_annotations.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    annotations, coco, mask = tool.build()
    assert (ASSETS / "astronaut.coco.json").read_text() == tool.coco_text(coco)
    assert (ASSETS / "data.yaml").read_text() == tool.data_yaml()
    assert (np.array(Image.open(ASSETS / "masks/astronaut.png")) == mask).all()


# ---- augmenting ------------------------------------------------------------------------------


def test_augment_is_pipeline_apply_with_the_annotations_as_targets(astronaut):
    notes = find_annotations(paths.SAMPLE_IMAGE)
    pipe = augview.Pipeline([augview.Step("horizontal_flip"), augview.Step("random_crop", {"width": 300, "height": 260}),
                             augview.Step("rotate", {"limit": (20, 20)})], targets={"min_visibility": 0.5})
    seed = 0
    result, moved = augment(pipe, astronaut, notes, seed)
    labelled = notes.keypoints[:, :, 2] > 0
    direct = pipe.apply(astronaut, seed, boxes=notes.boxes, box_labels=notes.labels,
                        keypoints=notes.keypoints[labelled][:, :2], masks=[notes.mask, -notes.instances])
    assert (result.image == direct.image).all()
    np.testing.assert_array_equal(moved.boxes, direct.boxes)
    assert moved.labels == list(direct.box_labels) and len(moved) < len(notes)  # the crop dropped some
    assert (moved.mask == direct.masks[0]).all()
    kept = list(direct.box_ids)
    for row, i in enumerate(kept):
        new_ids = direct.masks[1] == -(i + 1)
        assert (moved.object_mask(row) == new_ids.any(axis=2)).all() if new_ids.any() else moved.object_mask(row) is None
    face = notes.labels.index(2)
    assert face in kept and 0 < len(direct.keypoint_ids) < 5  # (with this seed: the turn takes the eyes out)
    points = moved.keypoints[kept.index(face)]
    for k, xy in zip(direct.keypoint_ids, direct.keypoints):  # only the face's five points are labelled
        np.testing.assert_array_equal(points[k], [*xy, 2])
    assert not points[np.setdiff1d(np.arange(5), direct.keypoint_ids)].any()


def test_augment_refuses_annotations_of_another_image_size(astronaut):
    """The command line refuses a file whose size is not the image's; the Python call did not, and
    moved the boxes as if they fitted (a flip put a 60 px wide image's box at x = 185)."""
    from augview.errors import InvalidTargetsError

    notes = find_annotations(paths.SAMPLE_IMAGE)  # the 512x512 sample's
    pipe = augview.Pipeline([augview.Step("horizontal_flip")])
    with pytest.raises(InvalidTargetsError, match="the annotations are for an image of 512x512, the image is 200x100"):
        augment(pipe, astronaut[:100, :200], notes, 0)
    result, moved = augment(pipe, astronaut, notes, 0)  # the right size still works
    assert len(moved) == len(notes)


def test_dropped_objects_take_their_keypoints_and_pixels_with_them():
    image = np.zeros((40, 60, 3), np.uint8)
    instances = np.zeros((40, 60, 1), np.int32)
    instances[2:8, 2:8, 0] = 1
    instances[20:30, 30:50, 0] = 2
    keypoints = np.array([[[4, 4, 2], [0, 0, 0]], [[40, 25, 1], [58, 38, 2]]], float)
    notes = Annotations(60, 40, np.array([[2, 2, 8, 8], [30, 20, 50, 30]], float), [3, 4], {3: "a", 4: "b"},
                        keypoints, instances=instances, extras=[{"x": 1}, {"x": 2}])
    pipe = augview.Pipeline([augview.Step("center_crop", {"width": 30, "height": 20})])  # keeps x 15..45, y 10..30
    _, moved = augment(pipe, image, notes, 0)
    assert moved.labels == [4] and moved.extras == [{"x": 2}] and moved.class_names == notes.class_names
    np.testing.assert_array_equal(moved.boxes, [[15, 10, 30, 20]])
    np.testing.assert_array_equal(moved.keypoints, [[[25, 15, 1], [0, 0, 0]]])  # (58, 38) left the image
    assert moved.instances.max() == 1 and moved.object_mask(0).sum() == 15 * 10


def test_a_coco_file_covers_its_own_folder_only(tmp_path, photo):
    """Roboflow-style splits: each folder has its own COCO file, and both name an image 0001.png."""
    for split, box in (("train", [1, 1, 5, 5]), ("valid", [9, 9, 5, 5])):
        save(tmp_path / split / "0001.png", photo)
        write(tmp_path / split / "_annotations.coco.json", json.dumps({
            "images": [{"id": 1, "file_name": "0001.png", "width": 64, "height": 48}],
            "annotations": [{"image_id": 1, "category_id": 1, "bbox": box}], "categories": [{"id": 1, "name": split}]}))
    for split, x in (("train", 1), ("valid", 9)):
        found = find_annotations(tmp_path / split / "0001.png")
        assert found.label_name(0) == split and found.boxes[0, 0] == x
    data = open_dataset(tmp_path)
    assert [data.annotations(i).label_name(0) for i in range(2)] == ["train", "valid"]
    assert data.summary().missing == []


def test_each_split_s_coco_file_annotates_its_own_folder(tmp_path, photo):
    """train/0001.png and val/0001.png, listed as "0001.png" by instances_train.json and
    instances_val.json: val's image was drawn with train's box, and val's box never shown."""
    root = tmp_path / "coco_split"
    for split, label, box in (("train", "cat", [2, 2, 20, 20]), ("val", "dog", [40, 20, 20, 20])):
        save(root / split / "0001.png", photo)
        write(root / "annotations" / f"instances_{split}.json", json.dumps({
            "images": [{"id": 1, "file_name": "0001.png", "width": 64, "height": 48}],
            "annotations": [{"image_id": 1, "category_id": 1, "bbox": box}],
            "categories": [{"id": 1, "name": label}]}))
    for split, label in (("train", "cat"), ("val", "dog")):
        image = root / split / "0001.png"
        assert locate(image).coco == root / "annotations" / f"instances_{split}.json"
        assert find_annotations(image).label_name(0) == label
    dataset = open_dataset(root)
    by_name = {image.parent.name: dataset.annotations(i).label_name(0) for i, image in enumerate(dataset.images)}
    summary = dataset.summary()
    assert by_name == {"train": "cat", "val": "dog"} and summary.boxes == {"cat": 1, "dog": 1} and not summary.missing


def test_a_coco_file_name_that_names_another_file_does_not_annotate_this_one(tmp_path, photo):
    """images/annotations.json lists dup.png, which is images/dup.png: images/sub/dup.png, which it
    does not list, was drawn with its boxes."""
    save(tmp_path / "images" / "dup.png", photo)
    save(tmp_path / "images" / "sub" / "dup.png", photo)
    write(tmp_path / "images" / "annotations.json", json.dumps({
        "images": [{"id": 1, "file_name": "dup.png", "width": 64, "height": 48}],
        "annotations": [{"image_id": 1, "category_id": 1, "bbox": [1, 1, 4, 4]}],
        "categories": [{"id": 1, "name": "kite"}]}))
    assert find_annotations(tmp_path / "images" / "dup.png").label_name(0) == "kite"
    dataset = open_dataset(tmp_path)  # the data set holds every COCO file it finds
    found = {image.relative_to(tmp_path).as_posix(): dataset.annotations(i) for i, image in enumerate(dataset.images)}
    assert found["images/dup.png"].label_name(0) == "kite" and found["images/sub/dup.png"] is None
    assert dataset.summary().boxes == {"kite": 1}


def test_a_voc_data_set_read_from_several_threads_keeps_one_id_per_name(tmp_path):
    """The window reads a data set on three threads at once; the VOC ids the files share were
    added to unguarded ("dictionary changed size during iteration", or one name with two ids)."""
    import sys
    import threading

    root = tmp_path / "voc"
    (root / "Annotations").mkdir(parents=True)
    for i in range(60):
        save(root / "JPEGImages" / f"{i:03d}.png", np.zeros((8, 8, 3), np.uint8))
        objects = "".join(f"<object><name>c{i}_{j}</name><bndbox><xmin>0</xmin><ymin>0</ymin><xmax>4</xmax>"
                          "<ymax>4</ymax></bndbox></object>" for j in range(20))
        write(root / "Annotations" / f"{i:03d}.xml", f"<annotation>{objects}</annotation>")
    dataset = open_dataset(root)
    errors = []

    def read(order):
        try:
            for index in order:
                dataset.annotations(index)
        except Exception as err:  # (collected: an exception in a thread would pass unseen)
            errors.append(err)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads switch all the time, as they may on a busy machine
    try:
        threads = [threading.Thread(target=read, args=(order,))
                   for order in (range(60), range(59, -1, -1), list(range(0, 60, 2)) + list(range(1, 60, 2)))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert not errors
    ids = list(dataset._class_ids.values())
    assert len(ids) == len(set(ids)) == 60 * 20
    assert all(dataset.annotations(i).label_name(j) == f"c{i}_{j}" for i in (0, 31, 59) for j in range(20))


def test_a_broken_data_yaml_leaves_the_labels_readable_by_class_number(tmp_path, photo):
    """`names: [cat, dog` (a missing bracket) made every label file of the data set unreadable:
    no image annotated, an error per label file saying the same."""
    make_yolo_dataset(tmp_path, photo)
    write(tmp_path / "data.yaml", "names: [cat, dog\n")
    dataset = open_dataset(tmp_path)
    first = dataset.annotations(0)
    assert len(first) and first.label_name(0) == str(first.labels[0])  # the class's number
    assert "data.yaml" in first.notes[0] and first.notes[0].endswith("classes are shown by number")
    summary = dataset.summary()
    assert summary.annotated == 4 and len(summary.errors) == 1 and "data.yaml" in summary.errors[0]
    alone = find_annotations(dataset.images[0])  # one image opened on its own
    assert len(alone) == len(first) and alone.notes == first.notes


def test_coco_s_caption_files_beside_its_instance_files_are_passed_over(tmp_path, photo):
    """COCO 2017's annotations/ holds captions_val2017.json, which lists the same images and sorts
    first: its captions were read as objects ("category_id: None is not among the categories")."""
    save(tmp_path / "val2017" / "000001.png", photo)
    images = [{"id": 1, "file_name": "000001.png", "width": 64, "height": 48}]
    write(tmp_path / "annotations" / "captions_val2017.json", json.dumps(
        {"images": images, "annotations": [{"id": 1, "image_id": 1, "caption": "a photo"}]}))
    write(tmp_path / "annotations" / "instances_val2017.json", json.dumps(
        {"images": images, "annotations": [{"id": 2, "image_id": 1, "category_id": 1, "bbox": [1, 1, 10, 10]}],
         "categories": [{"id": 1, "name": "cat"}]}))
    assert locate(tmp_path / "val2017" / "000001.png").coco == tmp_path / "annotations" / "instances_val2017.json"
    summary = open_dataset(tmp_path).summary()
    assert summary.boxes == {"cat": 1} and not summary.errors and not summary.missing


def test_an_image_a_coco_file_lists_twice_is_said_with_the_entry_used(tmp_path, photo):
    """A second images[] entry with the same file_name (and its boxes) was passed over silently."""
    save(tmp_path / "images" / "a.png", photo)
    write(tmp_path / "images" / "annotations.json", json.dumps({
        "images": [{"id": 1, "file_name": "a.png", "width": 64, "height": 48},
                   {"id": 99, "file_name": "a.png", "width": 64, "height": 48}],
        "annotations": [{"image_id": 1, "category_id": 1, "bbox": [1, 1, 4, 4]},
                        {"image_id": 99, "category_id": 2, "bbox": [9, 9, 4, 4]}],
        "categories": [{"id": 1, "name": "kite"}, {"id": 2, "name": "car"}]}))
    dataset = open_dataset(tmp_path)
    assert dataset.annotations(0).label_name(0) == "kite"
    assert dataset.errors == [f"{tmp_path / 'images' / 'annotations.json'}: images[1].file_name: 'a.png' is listed "
                              "again (first as images[0]); the first is used"]


def test_coco_annotations_of_no_listed_image_are_said(tmp_path, photo):
    save(tmp_path / "images" / "a.png", photo)
    write(tmp_path / "images" / "annotations.json", json.dumps({
        "images": [{"id": 1, "file_name": "a.png", "width": 64, "height": 48}],
        "annotations": [{"image_id": 1, "category_id": 1, "bbox": [1, 1, 4, 4]},
                        {"image_id": 333, "category_id": 1, "bbox": [9, 9, 4, 4]}],
        "categories": [{"id": 1, "name": "kite"}]}))
    dataset = open_dataset(tmp_path)
    assert len(dataset.annotations(0)) == 1
    assert dataset.errors == [f"{tmp_path / 'images' / 'annotations.json'}: 1 annotation names an image_id the file "
                              "does not list; it is not shown"]
