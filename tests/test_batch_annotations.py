"""`augview apply --annotations`: on real folders in each format, every output's annotations are
what `Pipeline.apply` makes of the source's with the seed its manifest line records; runs are
deterministic, resumable and skip (only) images whose annotation files are malformed."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import augview
from augview.annotations import coco as coco_format
from augview.annotations import find_annotations, voc, yolo
from augview.annotations.mask_files import read_mask
from augview.batch.annotated import AnnotationOptions
from augview.batch.run import MANIFEST_NAME, run_apply
from augview.cli import main
from tests.conftest import ASSETS


def make_pipeline() -> augview.Pipeline:
    return augview.Pipeline([
        augview.Step("horizontal_flip", p=0.5),
        augview.Step("random_crop", {"width": 56, "height": 40}, p=0.5),
        augview.Step("rotate", {"limit": (-25, 25)}, p=0.8),
        augview.Step("brightness_contrast", p=0.5),
    ], name="annotated", seed=3, targets={"min_visibility": 0.3, "mask_fill": 255})


@pytest.fixture
def preset(tmp_path) -> Path:
    path = tmp_path / "preset.json"
    make_pipeline().save(path)
    return path


def photo(i: int, mode: str = "RGB") -> np.ndarray:
    image = augview.load_image(ASSETS / "chelsea.png", mode=mode)
    return np.ascontiguousarray(image[60 + 17 * i:108 + 17 * i, 100 + 23 * i:164 + 23 * i])  # 48 x 64


def save(path: Path, image) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    augview.save_image(path, image)
    return path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def label_mask(i: int, dtype=np.uint8) -> np.ndarray:
    mask = np.zeros((48, 64), dtype)
    mask[5 + i:30, 10:40 + i] = 3 if dtype == np.uint8 else 1000 + i
    mask[30:45, 35:60] = 7 if dtype == np.uint8 else 40000
    return mask


def make_yolo(root: Path) -> list[str]:
    """A YOLO-pose data set: images/ and labels/, a data.yaml, masks/ for some images, a grey one."""
    rels = ["images/train/a.png", "images/train/b.png", "images/val/c.png", "images/val/grey.png"]
    rng = np.random.default_rng(0)
    for i, rel in enumerate(rels):
        save(root / rel, photo(i, "L" if "grey" in rel else "RGB"))
        lines = []
        for k in range(3):
            cx, cy = rng.uniform(0.25, 0.75, 2) if k < 2 else (0.95, 0.93)  # at the edge: crops drop it
            points = " ".join(f"{x:.4f} {y:.4f} {v}" for x, y, v in
                              ((*rng.uniform(0.1, 0.9, 2), 2), (*rng.uniform(0.1, 0.9, 2), 1), (0, 0, 0)))
            lines.append(f"{k % 2} {cx:.4f} {cy:.4f} 0.3 0.25 {points}")
        write(root / rel.replace("images/", "labels/", 1).replace(".png", ".txt"), "\n".join(lines) + "\n")
    for i, rel in enumerate(rels[:2]):
        Image.fromarray(label_mask(i)).save(save(root / rel.replace("images/", "masks/", 1), label_mask(i)))
    write(root / "data.yaml", "path: /data/original\ntrain: images/train\nval: images/val\n"
                              "names: [cat, dog]\nkpt_shape: [3, 3]\n")
    return rels


def apply(preset, source, target, *extra, check=True) -> int:
    code = main(["apply", "--preset", str(preset), "--input", str(source), "--output", str(target),
                 "--annotations", "auto", *map(str, extra)])
    if check:
        assert code == 0
    return code


def manifest(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / MANIFEST_NAME).read_text().splitlines()]


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def direct(source: Path, line: dict, notes, instances: bool = False):
    """What `Pipeline.apply` makes of the source's annotations with the line's seed."""
    image = augview.load_image(source, mode=line["mode"])
    args = {"boxes": notes.boxes, "box_labels": notes.labels}
    if notes.keypoints is not None:
        args["keypoints"] = notes.keypoints[notes.keypoints[:, :, 2] > 0][:, :2]
    masks = ([notes.mask] if notes.mask is not None else []) + ([-notes.instances] if instances else [])
    if masks:
        args["masks"] = masks
    return make_pipeline().apply(image, seed=line["seed"], **args)


def test_yolo_outputs_are_pipeline_apply_on_the_recorded_seed(tmp_path, preset):
    source, out = tmp_path / "ds", tmp_path / "out"
    rels = make_yolo(source)
    apply(preset, source, out, "--variants", 3, "--workers", 2)
    lines = manifest(out)
    assert sorted({line["source"] for line in lines}) == sorted(rels)  # masks were not taken as images
    assert (out / "data.yaml").read_text().startswith("train: images/train")  # no path: to the input
    names = yolo.read_names(out / "data.yaml")
    dropped = 0
    for line in lines:
        notes = find_annotations(source / line["source"])
        expected = direct(source / line["source"], line, notes)
        output = out / line["output"]
        assert (augview.load_image(output, mode=line["mode"]) == expected.image).all()
        stem = output.name[:-len(".png")]
        label_file = out / Path(line["output"]).parent.as_posix().replace("images", "labels", 1) / f"{stem}.txt"
        assert line["annotations"]["files"][0] == label_file.relative_to(out).as_posix()
        height, width = expected.image.shape[:2]
        got = yolo.read_labels(label_file, width, height, names)
        np.testing.assert_allclose(got.boxes, expected.boxes, atol=2e-6 * max(width, height))
        assert got.labels == list(expected.box_labels)
        dropped += len(notes) - len(got)
        # Keypoints: each kept object's labelled points where the pipeline moved them.
        flat = np.argwhere(notes.keypoints[:, :, 2] > 0)
        for point, xy in zip(expected.keypoint_ids, expected.keypoints):
            obj, slot = flat[point]
            if obj in expected.box_ids:
                row = list(expected.box_ids).index(obj)
                np.testing.assert_allclose(got.keypoints[row, slot, :2], xy, atol=1e-6 * max(width, height))
                assert got.keypoints[row, slot, 2] == notes.keypoints[obj, slot, 2]
        assert (got.keypoints[:, :, 2] > 0).sum() == sum(flat[p][0] in expected.box_ids for p in expected.keypoint_ids)
        if notes.mask is not None:
            mask_file = out / "masks" / Path(line["output"]).relative_to("images").parent / f"{stem}.png"
            assert (read_mask(mask_file, width, height)[0] == expected.masks[0]).all()
    assert dropped > 0  # the crops and turns did drop boxes: the comparison covered that case


def make_coco(root: Path) -> dict:
    names = ["x.png", "y.png", "z.png"]
    for i, name in enumerate(names):
        save(root / "train2017" / name, photo(i))
    ring = np.zeros((48, 64), bool)
    ring[10:40, 20:50] = True
    annotations, number = [], 100
    for image_id in (1, 2, 3):
        for k in range(3):
            number += 1
            x, y = 5 + 9 * k + image_id, 4 + 7 * k
            entry = {"id": number, "image_id": image_id, "category_id": 1 + k % 2, "bbox": [x, y, 20.5, 15.25],
                     "iscrowd": 0, "segmentation": [[x, y, x + 20, y + 2, x + 14, y + 15]]}
            if k == 1:
                entry["keypoints"] = [x + 3, y + 4, 2, x + 10, y + 9, 1]
                entry["num_keypoints"] = 2
            annotations.append(entry)
        annotations.append({"id": number + 50, "image_id": image_id, "category_id": 2, "bbox": [20, 10, 30, 30],
                            "iscrowd": 1, "segmentation": {"size": [48, 64], "counts": coco_format.rle_encode(ring)}})
    data = {"info": {"year": 2024}, "licenses": [],
            "images": [{"id": i + 1, "file_name": name, "width": 64, "height": 48, "flickr_url": "u"}
                       for i, name in enumerate(names)],
            "annotations": annotations,
            "categories": [{"id": 1, "name": "person", "keypoints": ["a", "b"], "skeleton": [[1, 2]]},
                           {"id": 2, "name": "ball"}]}
    write(root / "annotations" / "instances_train2017.json", json.dumps(data))
    return data


def test_coco_outputs_are_one_new_coco_file(tmp_path, preset):
    source, out = tmp_path / "coco", tmp_path / "out"
    data = make_coco(source)
    apply(preset, source, out, "--variants", 2, "--workers", 1)
    written = json.loads((out / "annotations" / "instances_train2017.json").read_text())
    lines = manifest(out)
    assert written["categories"] == data["categories"] and written["info"] == data["info"]
    assert [image["id"] for image in written["images"]] == list(range(1, 7))
    assert [image["file_name"] for image in written["images"]] == [Path(line["output"]).name for line in lines]
    assert all("flickr_url" not in image for image in written["images"])
    assert [a["id"] for a in written["annotations"]] == list(range(1, len(written["annotations"]) + 1))
    loaded = coco_format.CocoFile.parse(written, "out.json")
    source_file = coco_format.CocoFile.load(source / "annotations" / "instances_train2017.json")
    for number, line in enumerate(lines):
        image_path = source / line["source"]
        notes = source_file.annotations(source_file.find(("train2017", image_path.name)))
        expected = direct(image_path, line, notes, instances=True)
        assert (out / "train2017" / written["images"][number]["file_name"]).is_file()
        got = loaded.annotations(number, *expected.image.shape[1::-1])
        np.testing.assert_allclose(got.boxes, expected.boxes, atol=1e-4)
        assert got.labels == list(expected.box_labels)
        assert [e.get("iscrowd") for e in got.extras] == [notes.extras[i]["iscrowd"] for i in expected.box_ids]
        for row, i in enumerate(expected.box_ids):
            pixels = (expected.masks[0] == -(i + 1)).any(axis=2)
            assert (got.object_mask(row) is None) == (not pixels.any())
            if pixels.any():
                assert (got.object_mask(row) == pixels).all()
        objects = [a for a in written["annotations"] if a["image_id"] == number + 1]
        assert [a["area"] for a in objects] == [int(m.sum()) if (m := got.object_mask(r)) is not None else 0
                                                for r in range(len(got))]


def test_voc_and_mask_folders(tmp_path, preset):
    source, out = tmp_path / "voc", tmp_path / "out"
    for i in range(3):
        save(source / "JPEGImages" / f"{i}.png", photo(i))
        write(source / "Annotations" / f"{i}.xml", "<annotation><filename>x</filename>"
              + "".join(f"<object><name>{name}</name><difficult>{k % 2}</difficult><bndbox><xmin>{5 + 10 * k}</xmin>"
                        f"<ymin>{4 + 5 * k}</ymin><xmax>{30 + 10 * k}</xmax><ymax>{30 + 3 * k}</ymax></bndbox></object>"
                        for k, name in enumerate(["cat", "dog", "cat"])) + "</annotation>")
        Image.fromarray(label_mask(i, np.uint16)).save(save(source / "SegmentationClass" / f"{i}.png", label_mask(i)))
    apply(preset, source, out, "--variants", 2, "--workers", 1)
    for line in manifest(out):
        notes = find_annotations(source / line["source"])
        assert notes.mask.dtype == np.uint16
        expected = direct(source / line["source"], line, notes)
        stem = Path(line["output"]).stem
        height, width = expected.image.shape[:2]
        got = voc.read_voc(out / "Annotations" / f"{stem}.xml", width, height)
        np.testing.assert_allclose(got.boxes, expected.boxes, atol=0.5)  # VOC holds whole pixels
        assert [got.label_name(i) for i in range(len(got))] == [notes.label_name(i) for i in expected.box_ids]
        assert [e["difficult"] for e in got.extras] == [str(i % 2) for i in expected.box_ids]
        mask, _ = read_mask(out / "SegmentationClass" / f"{stem}.png", width, height)
        assert mask.dtype == np.uint16 and (mask == expected.masks[0]).all()
        assert set(np.unique(mask)) <= {0, 255, 1000 + int(line["source"][-5]), 40000}


def test_annotated_runs_are_deterministic_and_resume_to_the_same_bytes(tmp_path, preset):
    source = tmp_path / "coco"
    make_coco(source)
    make_yolo(source / "more")  # a YOLO part in the same tree
    full, other = tmp_path / "full", tmp_path / "other"
    apply(preset, source, full, "--variants", 2, "--workers", 2)
    apply(preset, source, other, "--variants", 2, "--workers", 1)
    assert files(full) == files(other)
    reference = files(full)
    # A lost output and a lost COCO file come back the same.
    (full / "train2017" / "y.png.aug01.png").unlink()
    (full / "annotations" / "instances_train2017.json").unlink()
    (full / "more" / "labels" / "train" / "a.png.aug00.txt").write_text("stale")  # its image is there: trusted
    apply(preset, source, full, "--variants", 2)
    now = files(full)
    assert now.pop("more/labels/train/a.png.aug00.txt") == b"stale"
    reference.pop("more/labels/train/a.png.aug00.txt")
    assert now == reference

    # An interrupted run writes a COCO file of the outputs made so far; resuming completes it.
    stopped = tmp_path / "stopped"
    cancel = threading.Event()
    summary = run_apply(make_pipeline(), source, stopped, variants=2, workers=1,
                        annotations=AnnotationOptions(), cancel=cancel,
                        on_progress=lambda done, total: cancel.set() if done == 5 else None)  # 4 YOLO images, 1 COCO
    assert summary.interrupted == "cancelled"
    partial = json.loads((stopped / "annotations" / "instances_train2017.json").read_text())
    assert 0 < len(partial["images"]) < 6
    assert all((stopped / "train2017" / image["file_name"]).is_file() for image in partial["images"])
    apply(preset, source, stopped, "--variants", 2)
    assert files(stopped) == files(other)


def test_a_malformed_annotation_file_skips_its_image_only(tmp_path, preset, capsys):
    source, out = tmp_path / "ds", tmp_path / "out"
    make_yolo(source)
    write(source / "labels/train/b.txt", "0 0.5 0.5 0.3 0.25 0.1 0.1 2 0.2 0.2 1 0 0 0\n1 0.5 0.5 0.3\n")
    code = apply(preset, source, out, "--variants", 2, "--workers", 1, check=False)
    assert code == 1
    err = capsys.readouterr().err
    assert f"augview: {source / 'labels/train/b.txt'}:2: expected 13 numbers after the class" in err
    assert "Traceback" not in err
    assert sorted({line["source"] for line in manifest(out)}) == ["images/train/a.png", "images/val/c.png",
                                                                  "images/val/grey.png"]
    assert not list(out.rglob("b.png.aug*"))
    # Fixed, the next run makes what is missing.
    make_yolo(source)
    apply(preset, source, out, "--variants", 2)
    assert (out / "labels/train/b.png.aug01.txt").is_file()


def test_a_malformed_data_yaml_is_said_once_per_image_and_never_as_a_write_error(tmp_path, preset, capsys):
    """A data.yaml that is not YAML: each image it names classes for reports its file and line;
    the copy into the output used to add "OUT/data.yaml: cannot write (while parsing ...)" with the
    parser's message over eight lines."""
    source, out = tmp_path / "yolo", tmp_path / "out"
    make_yolo(source)
    write(source / "data.yaml", "names: [cat, dog\n")
    assert apply(preset, source, out, check=False) == 1
    err = capsys.readouterr().err
    assert "data.yaml:2: not valid YAML" in err
    assert "cannot write" not in err and "\\n" not in err
    assert not (out / "data.yaml").exists()


def test_a_malformed_coco_annotation_skips_its_image_only(tmp_path, preset, capsys):
    source, out = tmp_path / "coco", tmp_path / "out"
    data = make_coco(source)
    data["annotations"][4]["bbox"] = [1, 2, "3", 4]  # image 2's
    write(source / "annotations" / "instances_train2017.json", json.dumps(data))
    assert apply(preset, source, out, check=False) == 1
    assert "annotations[4].bbox: must be [x, y, width, height]" in capsys.readouterr().err
    written = json.loads((out / "annotations" / "instances_train2017.json").read_text())
    assert [image["file_name"] for image in written["images"]] == ["x.png.aug00.png", "z.png.aug00.png"]


def test_an_unreadable_coco_file_skips_the_images_it_covers_only(tmp_path, preset, capsys):
    source, out = tmp_path / "mix", tmp_path / "out"
    for rel in ("a/x.png", "b/a.png", "b/deeper/d.png", "top.png"):
        save(source / rel, photo(len(rel)))
    write(source / "b" / "annotations.json", '{"images": [{"id": 1, "file_name": "a.png", "wid')  # cut off
    assert apply(preset, source, out, "--workers", 1, check=False) == 1
    err = capsys.readouterr().err
    assert f"{source / 'b' / 'annotations.json'}:1: not valid JSON" in err and "Traceback" not in err
    # The images under its folder fail with that reason; the others are written.
    assert sorted(line["source"] for line in manifest(out)) == ["a/x.png", "top.png"]
    assert not [p for p in out.rglob("*.png") if p.relative_to(out).parts[0] == "b"]
    # Fixed (an empty COCO file), the next run makes the rest: what was written still counts.
    write(source / "b" / "annotations.json", '{"images": [], "annotations": [], "categories": []}')
    assert apply(preset, source, out, "--workers", 1) == 0
    assert sorted(line["source"] for line in manifest(out)) == ["a/x.png", "b/a.png", "b/deeper/d.png", "top.png"]


def test_refusals(tmp_path, preset, capsys):
    source, out = tmp_path / "ds", tmp_path / "out"
    make_yolo(source)
    # Outputs made without annotations are not taken for annotated ones.
    assert main(["apply", "--preset", str(preset), "--input", str(source), "--output", str(out)]) == 0
    assert not (out / "labels").exists()
    assert apply(preset, source, out, check=False) == 1
    assert "existing outputs were made with other steps or annotation settings" in capsys.readouterr().err
    apply(preset, source, out, "--overwrite")
    assert (out / "labels/train/a.png.aug00.txt").is_file()
    # AugMix blends copies: no target can follow it.
    mixing = tmp_path / "mix.json"
    augview.Pipeline([augview.Step("augmix")]).save(mixing)
    assert apply(mixing, source, tmp_path / "o2", check=False) == 1
    assert "augmix blends several augmented copies" in capsys.readouterr().err
    # Bad options.
    assert main(["apply", "--preset", str(preset), "--input", str(source), "--output", str(tmp_path / "o3"),
                 "--annotation-format", "yolo,png"]) == 1
    assert "--annotation-format must be one or more of yolo, coco, voc, masks, got png" in capsys.readouterr().err
    assert apply(preset, source, tmp_path / "o4", "--annotations", "nothing.json", check=False) == 1
    assert "nothing.json: no such file" in capsys.readouterr().err
    write(tmp_path / "list.json", "[1, 2]")
    assert apply(preset, source, tmp_path / "o5", "--annotations", tmp_path / "list.json", check=False) == 1
    assert "list.json: not a COCO file" in capsys.readouterr().err


def test_the_summary_does_not_call_the_annotations_it_read_ignored(tmp_path, preset, capsys):
    source = tmp_path / "ds"
    make_yolo(source)
    capsys.readouterr()
    apply(preset, source, tmp_path / "out", "--workers", 1)
    line = capsys.readouterr().out
    assert "besides the images, annotations among them" in line and " ignored" not in line


def test_annotation_format_limits_what_is_read(tmp_path, preset):
    source, out = tmp_path / "ds", tmp_path / "out"
    make_yolo(source)
    assert main(["apply", "--preset", str(preset), "--input", str(source), "--output", str(out),
                 "--annotation-format", "masks"]) == 0
    assert (out / "masks/train/a.png.aug00.png").is_file() and not (out / "labels").exists()
    assert {line["source"] for line in manifest(out)} == {"images/train/a.png", "images/train/b.png",
                                                          "images/val/c.png", "images/val/grey.png"}


def test_an_unexpected_failure_reading_annotations_costs_that_image_only(tmp_path, preset, monkeypatch, capsys):
    source, out = tmp_path / "ds", tmp_path / "out"
    make_yolo(source)
    real = yolo.read_labels

    def broken(path, *args, **kwargs):
        if Path(path).name == "c.txt":
            raise RuntimeError("disk on fire")
        return real(path, *args, **kwargs)

    monkeypatch.setattr("augview.batch.annotated.read_labels", broken)
    assert apply(preset, source, out, "--workers", 1, check=False) == 1
    assert "c.png: its annotations cannot be read (RuntimeError: disk on fire)" in capsys.readouterr().err
    assert len(manifest(out)) == 3


def test_a_coco_file_given_by_hand_outside_the_input(tmp_path, preset):
    source, out = tmp_path / "coco", tmp_path / "out"
    make_coco(source)
    given = source / "annotations" / "instances_train2017.json"
    outside = tmp_path / "instances_train2017.json"
    given.rename(outside)
    apply(preset, source / "train2017", out, "--annotations", outside)
    written = json.loads((out / "instances_train2017.json").read_text())
    assert [image["file_name"] for image in written["images"]] == ["x.png.aug00.png", "y.png.aug00.png", "z.png.aug00.png"]
    assert len(written["annotations"]) > 0


def test_a_coco_file_name_that_climbs_out_of_the_data_set_is_not_copied_into_the_output(tmp_path, preset):
    """A file_name of "../../elsewhere/y.png" (matched by its name) gave the output COCO file
    "../../elsewhere/y.png.aug00.png", a place outside the output where no image was written."""
    source, out = tmp_path / "coco", tmp_path / "out"
    data = make_coco(source)
    data["images"][1]["file_name"] = "../../elsewhere/y.png"
    data["images"][2]["file_name"] = "train2017/z.png"  # a folder inside: kept
    write(source / "annotations" / "instances_train2017.json", json.dumps(data))
    apply(preset, source, out)
    written = json.loads((out / "annotations" / "instances_train2017.json").read_text())
    names = sorted(image["file_name"] for image in written["images"])
    assert names == ["train2017/z.png.aug00.png", "x.png.aug00.png", "y.png.aug00.png"]
