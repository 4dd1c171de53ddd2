"""Annotation files, format by format: read -> write -> read gives the same annotations; malformed
files are one sentence naming the file and the line (or JSON path); hostile files are refused
without running out of time or memory."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PIL import Image

from augview.annotations import coco, mask_files, segments, voc, yolo
from augview.annotations.model import Annotations, pack_instances
from augview.errors import AnnotationError, AugviewError

W, H = 120, 90


def assert_same(a: Annotations, b: Annotations, atol: float = 1e-9) -> None:
    """The same annotations, field by field (boxes and keypoints to ``atol`` pixels)."""
    assert (a.width, a.height) == (b.width, b.height)
    np.testing.assert_allclose(a.boxes, b.boxes, atol=atol, rtol=0)
    assert a.labels == b.labels
    assert a.class_names == b.class_names
    assert (a.keypoints is None) == (b.keypoints is None)
    if a.keypoints is not None:
        np.testing.assert_allclose(a.keypoints, b.keypoints, atol=atol, rtol=0)
    assert a.keypoint_names == b.keypoint_names and a.skeleton == b.skeleton
    assert (a.instances is None) == (b.instances is None)
    for i in range(len(a)):
        ma, mb = a.object_mask(i), b.object_mask(i)
        assert (ma is None) == (mb is None)
        if ma is not None:
            assert (ma == mb).all(), f"object {i}'s pixels differ"
    assert a.extras == b.extras


def one_line(err: pytest.ExceptionInfo) -> str:
    message = str(err.value)
    assert "\n" not in message and isinstance(err.value, AugviewError)
    return message


# ---- YOLO ------------------------------------------------------------------------------------


def random_yolo_lines(rng, count: int, keypoints: int = 0) -> str:
    lines = []
    for _ in range(count):
        cx, cy = rng.uniform(0.2, 0.8, 2)
        w, h = rng.uniform(0.05, 0.3, 2)
        values = [cx, cy, w, h]
        for _ in range(keypoints):
            v = int(rng.integers(0, 3))
            values += [0.0, 0.0, v] if v == 0 else [*rng.uniform(0, 1, 2), v]
        lines.append(" ".join([str(int(rng.integers(0, 5)))] + [f"{x:.6f}" if isinstance(x, float) else str(x) for x in values]))
    return "\n".join(lines) + "\n"


def test_yolo_boxes_round_trip(tmp_path):
    rng = np.random.default_rng(0)
    (tmp_path / "a.txt").write_text(random_yolo_lines(rng, 12))
    names = yolo.YoloNames("", {i: f"c{i}" for i in range(5)})
    first = yolo.read_labels(tmp_path / "a.txt", W, H, names)
    assert len(first) == 12 and first.keypoints is None and first.instances is None
    again = yolo.parse_labels(yolo.format_labels(first), "b.txt", W, H, names)
    assert_same(first, again, atol=1e-6 * W)
    # The pixels are the fractions times the image's size.
    cx, cy, w, h = (float(v) for v in (tmp_path / "a.txt").read_text().split("\n")[0].split()[1:5])
    np.testing.assert_allclose(first.boxes[0], [(cx - w / 2) * W, (cy - h / 2) * H, (cx + w / 2) * W, (cy + h / 2) * H])


@pytest.mark.parametrize("dims", [2, 3])
def test_yolo_pose_round_trip_with_the_data_sets_kpt_shape(tmp_path, dims):
    rng = np.random.default_rng(dims)
    text = random_yolo_lines(rng, 6, keypoints=4)
    if dims == 2:  # x y only: drop the visibility numbers
        text = "\n".join(" ".join(t for k, t in enumerate(line.split()) if k < 5 or (k - 5) % 3 != 2)
                         for line in text.splitlines()) + "\n"
    (tmp_path / "data.yaml").write_text(f"names: [a, b, c, d, e]\nkpt_shape: [4, {dims}]\n"
                                        "kpt_names: [p, q, r, s]\nskeleton: [[0, 1], [1, 2], [2, 3]]\n")
    names = yolo.read_names(tmp_path / "data.yaml")
    assert names.kpt_shape == (4, dims) and names.names[4] == "e" and names.skeleton == ((0, 1), (1, 2), (2, 3))
    first = yolo.parse_labels(text, "a.txt", W, H, names)
    assert first.keypoints.shape == (6, 4, 3) and first.keypoint_names == ["p", "q", "r", "s"]
    assert set(np.unique(first.keypoints[:, :, 2])) <= {0, 1, 2}
    assert (first.keypoints[first.keypoints[:, :, 2] == 0][:, :2] == 0).all()
    written = yolo.format_labels(first, kpt_dims=dims)
    assert all(len(line.split()) == 5 + 4 * dims for line in written.splitlines())
    assert_same(first, yolo.parse_labels(written, "b.txt", W, H, names), atol=1e-6 * W)


def test_a_yolo_keypoint_flips_to_one_minus_x_as_its_box_does():
    """YOLO's fractions measure from the image's edge, augview's keypoints are pixel centres: read
    as they were (x * width), a flipped keypoint landed a pixel away from where it belonged."""
    import augview

    first = yolo.parse_labels("0 0.5 0.5 0.8 0.8 0.1 0.25 2 0.999 0.0 2\n", "a.txt", 60, 40)
    result = augview.Pipeline([augview.Step("horizontal_flip")]).apply(
        np.zeros((40, 60, 3), np.uint8), seed=0, keypoints=first.keypoints[0, :, :2])
    assert list(result.keypoint_ids) == [0, 1]  # a point on the image's edge stays in view
    np.testing.assert_allclose((result.keypoints[:, 0] + 0.5) / 60, [0.9, 0.001], atol=1e-9)
    np.testing.assert_allclose((result.keypoints[:, 1] + 0.5) / 40, [0.25, 0.0], atol=1e-9)


def test_yolo_pose_lines_are_recognised_without_a_data_yaml():
    rng = np.random.default_rng(3)
    first = yolo.parse_labels(random_yolo_lines(rng, 3, keypoints=2), "a.txt", W, H)
    assert first.keypoints.shape == (3, 2, 3) and first.instances is None


def test_yolo_segment_lines_round_trip_to_the_same_pixels():
    text = "0 0.1 0.1 0.5 0.15 0.45 0.6 0.12 0.5\n1 0.3 0.3 0.9 0.35 0.8 0.95\n2 0.5 0.5 0.1 0.1\n"
    first = yolo.parse_labels(text, "a.txt", W, H)
    assert first.extras == [{"segmentation": "polygon"}, {"segmentation": "polygon"}, {}]
    assert first.object_mask(2) is None
    triangle = first.object_mask(1)
    assert triangle is not None and 0 < triangle.sum() < W * H / 4
    # The objects overlap, and each keeps its whole outline (two channels).
    assert (first.object_mask(0) & triangle).any() and first.instances.shape[2] == 2
    rows, cols = np.nonzero(triangle)
    np.testing.assert_array_equal(first.boxes[1], [cols.min(), rows.min(), cols.max() + 1, rows.max() + 1])
    again = yolo.parse_labels(yolo.format_labels(first), "b.txt", W, H)
    assert_same(first, again)


@pytest.mark.parametrize("text, line, fragment", [
    ("0 0.5 0.5 0.2 0.2\n0 0.5 0.5 0.2\n", 2, "expected a box"),
    ("0 0.5 0.5 0.2 0.2\n\n0 0.5 zero 0.2 0.2\n", 3, "'zero' is not a number"),
    ("-1 0.5 0.5 0.2 0.2\n", 1, "the class must be a whole number"),
    ("1.5 0.5 0.5 0.2 0.2\n", 1, "the class must be a whole number"),
    ("0 0.5 0.5 -0.2 0.2\n", 1, "must not be negative"),
    ("0 0.5 nan 0.2 0.2\n", 1, "finite"),
    ("0 0.5 0.5 0.2 0.2 0.1 0.1 2 0.2 0.2\n", 1, "expected 10 numbers"),
    # Huge numbers: a box that overflowed to infinity once scaled, a polygon whose fill indexed
    # past any array (an IndexError, traceback and all).
    ("0 0.5 0.5 0.2 0.2\n0 0.5 0.5 1e308 1e308\n", 2, "coordinates must be finite numbers within"),
    ("1 1e308 0.5 0.2 0.2\n", 1, "coordinates must be finite numbers within"),
    ("0 -1e308 0.01 1e308 0.99 0.5 0.99\n", 1, "coordinates must be finite numbers within"),
])
def test_malformed_yolo_lines_name_the_file_and_line(text, line, fragment):
    names = yolo.YoloNames("", {}, (2, 3)) if "expected 10" in fragment else None
    with pytest.raises(AnnotationError) as caught:
        yolo.parse_labels(text, "labels/a.txt", W, H, names)
    message = one_line(caught)
    assert message.startswith(f"labels/a.txt:{line}: ") and fragment in message


def test_class_names_from_data_yaml_and_classes_txt(tmp_path):
    (tmp_path / "data.yaml").write_text("path: ../x\nnames:\n  0: person\n  3: dog\n")
    assert yolo.read_names(tmp_path / "data.yaml").names == {0: "person", 3: "dog"}
    (tmp_path / "classes.txt").write_text("cat\ndog\n\n")
    assert yolo.read_names(tmp_path / "classes.txt").names == {0: "cat", 1: "dog"}
    deep = tmp_path / "images" / "train"
    deep.mkdir(parents=True)
    assert yolo.find_names(deep) == tmp_path / "data.yaml"


@pytest.mark.parametrize("text, fragment", [
    ("names: [a, b\n", ":2: not valid YAML"),
    ("names: 7\n", "names: must be a list"),
    ("- a\n- b\n", "expected a mapping"),
    ("names: [a]\nkpt_shape: [17, 4]\n", "kpt_shape"),
    ("names: &a [*a]\n", "names: must be a list"),  # a list holding itself: refused, no hang
])
def test_malformed_data_yaml(tmp_path, text, fragment):
    (tmp_path / "data.yaml").write_text(text)
    with pytest.raises(AnnotationError) as caught:
        yolo.read_names(tmp_path / "data.yaml")
    assert fragment in one_line(caught)


def test_text_that_is_not_utf8_or_too_large(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_bytes(b"0 0.5 0.5 0.1 0.1\n\xff\xfe\n")
    with pytest.raises(AnnotationError, match=r"a\.txt:2: not UTF-8"):
        yolo.read_labels(tmp_path / "a.txt", W, H)
    from augview.annotations import model

    monkeypatch.setattr(model, "MAX_TEXT_BYTES", 10)
    with pytest.raises(AnnotationError, match="too large"):
        yolo.read_labels(tmp_path / "a.txt", W, H)


# ---- COCO ------------------------------------------------------------------------------------


def coco_data(rng) -> dict:
    square = np.zeros((H, W), bool)
    square[10:30, 40:75] = True
    ring = np.zeros((H, W), bool)
    ring[50:80, 5:40] = True
    ring[60:70, 15:30] = False  # a hole: run lengths keep it
    annotations = [
        {"id": 11, "image_id": 7, "category_id": 1, "bbox": [10.5, 12.25, 30, 40], "iscrowd": 0,
         "segmentation": [[10.5, 12.5, 40, 12.5, 40, 52, 10.5, 52], [60, 60, 70, 60, 65, 80]],
         "keypoints": [15, 20, 2, 0, 0, 0, 30.5, 40.25, 1], "num_keypoints": 2, "attributes": {"occluded": True}},
        {"id": 12, "image_id": 7, "category_id": 2, "bbox": [40, 10, 35, 20], "iscrowd": 1,
         "segmentation": {"size": [H, W], "counts": segments.rle_encode(square)}},
        {"id": 13, "image_id": 7, "category_id": 2, "bbox": [5, 50, 35, 30], "iscrowd": 0, "score": 0.5,
         "segmentation": {"size": [H, W], "counts": segments.rle_to_string(segments.rle_encode(ring))}},
        {"id": 14, "image_id": 7, "category_id": 1, "bbox": [90, 60, 20, 20]},
        {"id": 15, "image_id": 8, "category_id": 1, "bbox": [1, 1, 2, 2]},
    ]
    return {
        "info": {"description": "test"}, "licenses": [{"id": 1, "name": "x"}],
        "images": [{"id": 7, "file_name": "train/a.jpg", "width": W, "height": H, "license": 1,
                    "coco_url": "http://x/a.jpg"},
                   {"id": 8, "file_name": "train/b.jpg", "width": W, "height": H}],
        "annotations": annotations,
        "categories": [{"id": 1, "name": "person", "keypoints": ["nose", "eye", "ear"], "skeleton": [[1, 2], [2, 3]]},
                       {"id": 2, "name": "ball"}],
    }


def write_json(path, data):
    path.write_text(json.dumps(data))
    return path


def test_coco_round_trip(tmp_path):
    data = coco_data(np.random.default_rng(0))
    first_file = coco.CocoFile.load(write_json(tmp_path / "in.json", data))
    first = first_file.annotations(first_file.find(("train", "a.jpg")), W, H)
    assert first.labels == [1, 2, 2, 1] and first.class_names == {1: "person", 2: "ball"}
    assert first.keypoint_names == ["nose", "eye", "ear"] and first.skeleton == [(0, 1), (1, 2)]
    np.testing.assert_array_equal(first.keypoints[0], [[15, 20, 2], [0, 0, 0], [30.5, 40.25, 1]])
    assert not first.keypoints[1:].any()
    np.testing.assert_allclose(first.boxes[0], [10.5, 12.25, 40.5, 52.25])
    assert first.extras[0] == {"iscrowd": 0, "attributes": {"occluded": True}, "segmentation": "polygon"}
    assert first.extras[1]["segmentation"] == "rle" and first.extras[2]["segmentation"] == "rle_compressed"
    assert first.object_mask(3) is None
    assert not first.object_mask(2)[65, 20] and first.object_mask(2)[55, 20]  # the hole is kept

    entry = coco.image_entry(first_file.images[0], "train/a.jpg.aug00.png", W, H)
    assert entry == {"file_name": "train/a.jpg.aug00.png", "width": W, "height": H, "license": 1}
    written = json.loads(coco.assemble(first_file.data, [(entry, coco.objects_for(first, first_file.categories))]))
    assert [a["id"] for a in written["annotations"]] == [1, 2, 3, 4]
    assert {a["image_id"] for a in written["annotations"]} == {1} and written["images"][0]["id"] == 1
    assert written["categories"] == data["categories"] and written["info"] == data["info"]
    assert written["annotations"][1]["area"] == 20 * 35
    assert written["annotations"][3]["area"] == 400 and "segmentation" not in written["annotations"][3]
    assert isinstance(written["annotations"][2]["segmentation"]["counts"], str)
    again_file = coco.CocoFile.parse(written, "out.json")
    assert_same(first, again_file.annotations(0, W, H), atol=1e-4)


def test_coco_run_lengths_match_pycocotools():
    """Strings made by pycocotools' mask.encode for these masks (column-major runs)."""
    mask = np.zeros((6, 9), bool)
    mask[1:4, 2:7] = True
    mask[5, 0] = mask[0, 8] = True
    assert segments.rle_to_string(segments.rle_encode(mask)) == "5172L00000005NM"
    other = np.array([[0, 0, 0, 1, 1], [1, 1, 1, 1, 0], [0, 1, 1, 0, 0], [0, 1, 1, 0, 1], [0, 1, 0, 1, 0],
                      [0, 1, 0, 0, 1], [0, 1, 0, 1, 1]], bool)
    assert segments.rle_to_string(segments.rle_encode(other)) == "1165KM2OOOO11OO1"
    for m, text in ((mask, "5172L00000005NM"), (other, "1165KM2OOOO11OO1")):
        back = segments.rle_decode(segments.rle_from_string(text, "x", m.size + 1), m.shape, "x")
        assert (back == m).all()


def test_polygons_fill_pixels_whose_centres_are_inside():
    rectangle = np.array([[2, 2], [10, 2], [10, 6], [2, 6]], float)
    filled = segments.fill_polygons([rectangle], (9, 12))
    expected = np.zeros((9, 12), bool)
    expected[2:6, 2:10] = True  # 8 x 4 pixels: the polygon's area exactly
    assert (filled == expected).all()
    rng = np.random.default_rng(1)
    for _ in range(50):
        mask = segments.fill_polygons([rng.uniform(0, 40, (6, 2))], (40, 40))
        for outline in segments.outline_polygons(mask):
            assert (np.round(outline) == outline).all()  # along pixel edges
        rebuilt = segments.fill_polygons(segments.outline_polygons(mask), (40, 40))
        assert (rebuilt | mask).sum() == rebuilt.sum()  # nothing lost (holes are filled)


@pytest.mark.parametrize("change, fragment", [
    (lambda d: d["annotations"][0].update(bbox=[1, 2, 3]), "annotations[0].bbox: must be [x, y, width, height]"),
    (lambda d: d["annotations"][0].update(bbox=["1", 2, 3, 4]), "annotations[0].bbox"),
    (lambda d: d["annotations"][0].update(bbox=[True, 2, 3, 4]), "annotations[0].bbox"),
    (lambda d: d["annotations"][0].update(bbox=[10**400, 2, 3, 4]), "annotations[0].bbox"),
    (lambda d: d["annotations"][0].update(bbox=[1e308, 2, 1e308, 4]), "annotations[0].bbox"),  # x + width overflows
    (lambda d: d["annotations"][1]["segmentation"].update(counts=[10**30]), "annotations[1].segmentation.counts: must be run lengths"),
    (lambda d: d["annotations"][1]["segmentation"].update(counts=[5, -3]), "annotations[1].segmentation.counts: must be run lengths"),
    (lambda d: d["annotations"][1].update(category_id=99), "annotations[1].category_id: 99 is not among the categories"),
    (lambda d: d["annotations"][0].update(keypoints=[1, 2, 2]), "annotations[0].keypoints: 3 numbers, the category has 3 keypoints"),
    (lambda d: d["annotations"][0].update(keypoints=[1, 2, 5] * 3), "visibility must be 0, 1 or 2"),
    (lambda d: d["annotations"][1]["segmentation"].update(size=[10, 10]), "annotations[1].segmentation.size"),
    (lambda d: d["annotations"][1]["segmentation"]["counts"].append(5), "annotations[1].segmentation.counts: the runs cover"),
    (lambda d: d["annotations"][2]["segmentation"].update(counts="0" * 50 + "\x7f"), "not a character of compressed run lengths"),
    (lambda d: d["annotations"][0].update(segmentation=[[1, 2, 3]]), "annotations[0].segmentation: polygons"),
    (lambda d: d["annotations"][0].update(segmentation="x"), "annotations[0].segmentation: must be polygons or run lengths"),
    (lambda d: d["annotations"][0].update(iscrowd=3), "annotations[0].iscrowd"),
    (lambda d: d["annotations"][0].update(bbox=[0, 0, 1e308, 1e308]), "annotations[0].bbox: coordinates must be finite"),
    (lambda d: d["annotations"][0].update(segmentation=[[-1e308, 0.5, 1e308, 47.5, 0, 47.5]]),
     "annotations[0].segmentation: coordinates must be finite"),
])
def test_a_malformed_coco_annotation_costs_its_image_only(tmp_path, change, fragment):
    data = coco_data(None)
    change(data)
    loaded = coco.CocoFile.load(write_json(tmp_path / "in.json", data))
    with pytest.raises(AnnotationError) as caught:
        loaded.annotations(0, W, H)
    message = one_line(caught)
    assert message.startswith(str(tmp_path / "in.json")) and fragment in message
    assert len(loaded.annotations(1, W, H)) == 1  # the other image still reads


@pytest.mark.parametrize("text, fragment", [
    ('{"images": [}', ":1: not valid JSON"),
    ('{"images": {}}', "images: must be a list"),
    ('[1, 2]', "not a COCO file"),
    ('{"images": [{"id": 1, "file_name": "a.jpg", "width": "640", "height": 480}]}', "images[0].width"),
    ('{"images": [{"id": 1, "file_name": "a.jpg", "width": 640, "height": 480}, '
     '{"id": 1, "file_name": "b.jpg", "width": 640, "height": 480}]}', "images[1].id: 1 is used by another image"),
    ('{"images": [{"id": [1], "file_name": "a.jpg", "width": 640, "height": 480}]}', "images[0].id"),
    ('{"images": [{"id": 1, "file_name": "a.jpg", "width": 10000000000, "height": 480}]}', "images[0].width"),
    ('{"images": [], "annotations": [5]}', "annotations[0]: must be an object with an image_id"),
    ('{"images": [], "categories": [{"id": "1", "name": "x"}]}', "categories[0]"),
    ('{"images": [], "categories": [{"id": 1, "name": "x", "keypoints": ["a"], "skeleton": [[1, 9]]}]}',
     "categories[0].skeleton"),
    ('{"images": [], "annotations": [' + "[" * 100000 + "]" * 100000 + "]}", "nested too deeply"),
    ('{"images": [], "info": ' + "7" * 5000 + "}", "number too long to read"),
    ('{"images": [{"id": 1, "file_name": "a.jpg", "wid', ":1: not valid JSON (Unterminated string starting at: line 1 column"),
])
def test_malformed_coco_files(tmp_path, text, fragment):
    (tmp_path / "in.json").write_text(text)
    with pytest.raises(AnnotationError) as caught:
        coco.CocoFile.load(tmp_path / "in.json")
    assert fragment in one_line(caught)


def test_hostile_coco_sizes_are_refused_before_memory_is_spent(tmp_path, monkeypatch):
    data = coco_data(None)
    # Run lengths claiming a giant mask: the size must be the image's, so nothing is allocated.
    data["annotations"][1]["segmentation"] = {"size": [100000, 100000], "counts": [10**10]}
    loaded = coco.CocoFile.load(write_json(tmp_path / "a.json", data))
    with pytest.raises(AnnotationError, match=r"segmentation\.size"):
        loaded.annotations(0, W, H)
    # The image entry says one size, the real image has another.
    with pytest.raises(AnnotationError, match="the file says the image is 120x90, it is 90x120"):
        coco.CocoFile.load(write_json(tmp_path / "b.json", coco_data(None))).annotations(0, H, W)
    # More compressed runs than the mask has pixels.
    data = coco_data(None)
    data["annotations"][2]["segmentation"]["counts"] = "1" * (W * H + 10)
    with pytest.raises(AnnotationError, match="more runs than the mask has pixels"):
        coco.CocoFile.load(write_json(tmp_path / "c.json", data)).annotations(0, W, H)
    # A polygon zigzagging over a million rows: refused before the rows are filled.
    tall = {"images": [{"id": 1, "file_name": "t.png", "width": 4, "height": 1_000_000}],
            "annotations": [{"image_id": 1, "category_id": 1, "bbox": [0, 0, 4, 1_000_000],
                             "segmentation": [[v for k in range(60) for v in (k % 4, 0, k % 4, 1_000_000)]]}],
            "categories": [{"id": 1, "name": "x"}]}
    with pytest.raises(AnnotationError, match=r"annotations\[0\]\.segmentation: the polygon crosses the image's rows"):
        coco.CocoFile.load(write_json(tmp_path / "t.json", tall)).annotations(0)
    # A file over the size limit is not read at all.
    monkeypatch.setattr(coco, "MAX_JSON_BYTES", 100)
    with pytest.raises(AnnotationError, match="too large for a COCO file"):
        coco.CocoFile.load(tmp_path / "c.json")


def test_a_large_coco_file_reads_one_image_quickly(tmp_path):
    """20 000 images and 100 000 annotations: indexed once, each image's annotations found by id."""
    images = [{"id": i, "file_name": f"img{i:05d}.jpg", "width": 64, "height": 48} for i in range(20000)]
    annotations = [{"id": j, "image_id": j % 20000, "category_id": 1, "bbox": [1, 2, 3, 4]} for j in range(100000)]
    loaded = coco.CocoFile.load(write_json(tmp_path / "big.json", {
        "images": images, "annotations": annotations, "categories": [{"id": 1, "name": "x"}]}))
    index = loaded.find(("photos", "img12345.jpg"))
    assert index == 12345
    out = loaded.annotations(index, 64, 48)
    assert len(out) == 5 and out.sources == {"objects": str(tmp_path / "big.json")}


# ---- Pascal VOC ------------------------------------------------------------------------------

VOC = """<annotation>
  <folder>VOC2012</folder>
  <filename>a.jpg</filename>
  <size><width>120</width><height>90</height><depth>3</depth></size>
  <object>
    <name>dog</name>
    <pose>Left</pose>
    <truncated>1</truncated>
    <difficult>0</difficult>
    <bndbox><xmin>10</xmin><ymin>20</ymin><xmax>60</xmax><ymax>80</ymax></bndbox>
  </object>
  <object>
    <name>person &amp; bike</name>
    <bndbox><xmin>0</xmin><ymin>0.0</ymin><xmax>120</xmax><ymax>45</ymax></bndbox>
    <part><name>head</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>5</xmax><ymax>5</ymax></bndbox></part>
  </object>
  <object>
    <name>dog</name>
    <bndbox><xmin>70</xmin><ymin>30</ymin><xmax>71</xmax><ymax>31</ymax></bndbox>
  </object>
</annotation>
"""


def test_voc_round_trip(tmp_path):
    (tmp_path / "a.xml").write_text(VOC)
    first = voc.read_voc(tmp_path / "a.xml", W, H)
    np.testing.assert_array_equal(first.boxes, [[10, 20, 60, 80], [0, 0, 120, 45], [70, 30, 71, 31]])
    assert first.labels == [0, 1, 0] and first.class_names == {0: "dog", 1: "person & bike"}
    assert first.extras[0] == {"pose": "Left", "truncated": "1", "difficult": "0"}
    assert len(first.notes) == 1 and "a.xml:15: <part>" in first.notes[0]
    (tmp_path / "b.xml").write_text(voc.format_voc(first, "a.jpg.aug00.png"))
    again = voc.read_voc(tmp_path / "b.xml", W, H)
    assert_same(first, again)
    # Ids stay the same across files when one mapping is shared.
    shared = {"cat": 0}
    assert voc.read_voc(tmp_path / "a.xml", W, H, shared).labels == [1, 2, 1]


def test_voc_boxes_are_written_as_whole_pixels():
    boxes = Annotations(W, H, np.array([[10.4, 20.5, 59.6, 80.49]]), [0], {0: "dog"}, extras=[{}])
    text = voc.format_voc(boxes, "x.png")
    assert "<xmin>10</xmin><ymin>21</ymin><xmax>60</xmax><ymax>80</ymax>" in text


@pytest.mark.parametrize("text, fragment", [
    ("<annotation><object><name>dog</name></object>", ":1: not valid XML"),
    ("<annotation>\n<object><name>dog</name></object></annotation>", ":2: an <object> without a <bndbox>"),
    ("<annotation>\n\n<object><bndbox/></object></annotation>", ":3: an <object> without a <name>"),
    ("<annotation><object><name>a</name><bndbox><xmin>x</xmin><ymin>0</ymin><xmax>1</xmax><ymax>1</ymax>"
     "</bndbox></object></annotation>", "<xmin> must be a number, got 'x'"),
    ("<annotation><object><name>a</name><bndbox><xmin>5</xmin><ymin>0</ymin><xmax>1</xmax><ymax>1</ymax>"
     "</bndbox></object></annotation>", "must not be below"),
    ("<annotation><object><name>a</name><bndbox><xmin>0</xmin><ymin>0</ymin><xmax>1</xmax>"
     "</bndbox></object></annotation>", "<ymax> is missing"),
    ("<root/>", "not a Pascal VOC file"),
    ("<annotation><size><width>640</width><height>480</height></size></annotation>",
     "the file says the image is 640x480, it is 120x90"),
    ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n'
     "<annotation><object><name>&lol2;</name></object></annotation>", ":2: document type declarations are not allowed"),
    ('<!DOCTYPE a SYSTEM "http://example.com/evil.dtd"><annotation/>', "document type declarations"),
])
def test_malformed_voc_files(tmp_path, text, fragment):
    (tmp_path / "a.xml").write_text(text)
    with pytest.raises(AnnotationError) as caught:
        voc.read_voc(tmp_path / "a.xml", W, H)
    message = one_line(caught)
    assert message.startswith(str(tmp_path / "a.xml")) and fragment in message


# ---- mask PNGs -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["L", "P", "I;16", "1", "RGB"])
def test_masks_keep_their_values_exactly(tmp_path, kind):
    rng = np.random.default_rng(0)
    if kind == "I;16":
        values = rng.integers(0, 65536, (H, W)).astype(np.uint16)
    elif kind == "1":
        values = rng.random((H, W)) < 0.5
    elif kind == "RGB":
        values = np.array([[0, 0, 0], [255, 0, 0], [0, 128, 255]], np.uint8)[rng.integers(0, 3, (H, W))]
    else:
        values = rng.integers(0, 21, (H, W)).astype(np.uint8)
    image = Image.fromarray(values)
    if kind == "P":
        image = Image.frombytes("P", (W, H), values.tobytes())
        image.putpalette([v for i in range(256) for v in (i, 255 - i, (7 * i) % 256)])
    image.save(tmp_path / "m.png")
    read, palette = mask_files.read_mask(tmp_path / "m.png", W, H)
    assert read.dtype == values.dtype and (read == values).all()
    assert (palette is not None) == (kind == "P")
    (tmp_path / "n.png").write_bytes(mask_files.encode_mask(read, palette))
    again, palette_again = mask_files.read_mask(tmp_path / "n.png", W, H)
    assert again.dtype == read.dtype and (again == read).all() and palette_again == palette


def test_a_mask_of_another_size_or_kind_is_refused(tmp_path):
    Image.fromarray(np.zeros((10, 10), np.uint8)).save(tmp_path / "m.png")
    with pytest.raises(AnnotationError, match=r"m\.png: the mask is 10x10, its image is 120x90"):
        mask_files.read_mask(tmp_path / "m.png", W, H)
    (tmp_path / "bad.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage" * 10)
    with pytest.raises(AnnotationError, match=r"bad\.png: cannot be read as a mask"):
        mask_files.read_mask(tmp_path / "bad.png", W, H)
    Image.new("CMYK", (W, H)).save(tmp_path / "c.jpg")
    with pytest.raises(AnnotationError, match="mode CMYK"):
        mask_files.read_mask(tmp_path / "c.jpg", W, H)


def test_instances_keep_overlapping_objects_whole():
    a = np.zeros((5, 5), bool)
    a[1:4, 1:4] = True
    b = np.zeros((5, 5), bool)
    b[2:5, 2:5] = True
    packed = pack_instances([a, None, b], (5, 5))
    notes = Annotations(5, 5, np.zeros((3, 4)), [0, 0, 0], instances=packed, extras=[{}, {}, {}])
    assert (notes.object_mask(0) == a).all() and notes.object_mask(1) is None and (notes.object_mask(2) == b).all()
    assert pack_instances([None, np.zeros((5, 5), bool)], (5, 5)) is None


def test_a_coco_box_with_an_empty_segmentation_keeps_its_boxs_area(tmp_path):
    """CVAT exports plain boxes with "segmentation": []: the output's area is the box's (it was 0,
    which COCO's evaluation reads as a "small" object)."""
    data = coco_data(np.random.default_rng(0))
    data["annotations"] = [{"id": 1, "image_id": 7, "category_id": 2, "bbox": [5, 6, 10, 12], "area": 120,
                            "iscrowd": 0, "segmentation": []}]
    source = coco.CocoFile.load(write_json(tmp_path / "in.json", data))
    read = source.annotations(source.find(("train", "a.jpg")), W, H)
    (entry,) = coco.objects_for(read, source.categories)
    assert entry["area"] == 120 and entry["segmentation"] == [] and entry["bbox"] == [5, 6, 10, 12]


def test_a_voc_box_beyond_any_image_is_refused_with_its_line(tmp_path):
    (tmp_path / "a.xml").write_text("<annotation><object><name>cat</name><bndbox><xmin>1</xmin><ymin>1</ymin>"
                                    "<xmax>1e300</xmax><ymax>5</ymax></bndbox></object></annotation>")
    with pytest.raises(AnnotationError) as caught:
        voc.read_voc(tmp_path / "a.xml", W, H)
    assert one_line(caught).startswith(f"{tmp_path / 'a.xml'}:1: coordinates must be finite numbers within")


def test_a_yolo_class_beyond_the_names_is_shown_by_number_with_a_note():
    names = yolo.YoloNames("ds/data.yaml", {0: "cat", 1: "dog"})
    annotations = yolo.parse_labels("9 0.5 0.5 0.2 0.2\n1 0.5 0.5 0.2 0.2\n", "labels/a.txt", W, H, names)
    assert [annotations.label_name(i) for i in range(2)] == ["9", "dog"]
    assert annotations.notes == ["labels/a.txt: class 9 is not among the 2 names of ds/data.yaml; shown by number"]
