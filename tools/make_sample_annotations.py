"""Writes the bundled sample's annotations, drawn by hand on assets/astronaut.png (512x512):

    python tools/make_sample_annotations.py                  # writes the files below
    python tools/make_sample_annotations.py --preview x.png  # also draws them over the photo

- assets/astronaut.coco.json: COCO boxes, polygons and the face's five keypoints with a skeleton;
- assets/labels/astronaut.txt and assets/data.yaml: the same boxes and keypoints as YOLO-pose;
- assets/masks/astronaut.png (a palette PNG, value = COCO category id) and assets/masks/classes.txt.

The outlines below were placed by eye on a 2x enlargement of the photo. Objects are painted in
depth order (flag, person, her face and badges, shuttle, helmet), so each object's pixels are
what is in view of it; its box is the box of those pixels, its COCO polygon their outline
(simplified to within a pixel). Running the script again gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # this checkout's augview

from augview.annotations.find import find_annotations  # noqa: E402
from augview.annotations.mask_files import encode_mask  # noqa: E402
from augview.annotations.model import Annotations  # noqa: E402
from augview.annotations.segments import fill_polygons, outline_polygons  # noqa: E402
from augview.annotations.yolo import format_labels  # noqa: E402
from augview.core.atomic import atomic_write_bytes  # noqa: E402
from augview.core.imageio import load_image, save_image  # noqa: E402

ASSETS = ROOT / "assets"
SIZE = 512

# (COCO id, name, outline as x, y pixel edges). The person's outline follows the helmet she holds.
OBJECTS = [
    (1, "person", [(225, 14), (255, 17), (278, 28), (294, 45), (301, 70), (300, 100), (295, 115), (284, 132),
                   (272, 160), (282, 178), (292, 188), (301, 210), (304, 235), (330, 250), (347, 265), (357, 290),
                   (361, 320), (362, 345), (335, 355), (305, 372), (288, 398), (279, 430), (277, 470), (279, 512),
                   (19, 512), (18, 450), (20, 400), (24, 350), (31, 310), (47, 275), (75, 240), (100, 220),
                   (115, 190), (125, 165), (140, 152), (165, 148), (165, 125), (155, 100), (153, 75), (160, 50),
                   (175, 30), (195, 18)]),
    (2, "face", [(186, 95), (200, 82), (225, 78), (250, 82), (268, 95), (274, 120), (270, 150), (258, 172),
                 (240, 185), (225, 188), (208, 183), (193, 168), (183, 145), (179, 120)]),
    (3, "flag", [(0, 0), (64, 0), (72, 70), (80, 140), (97, 222), (97, 512), (0, 512)]),
    (4, "helmet", [(277, 512), (278, 450), (290, 400), (315, 370), (350, 350), (390, 342), (430, 345), (465, 360),
                   (490, 385), (505, 410), (512, 430), (512, 512)]),
    (5, "space shuttle", [(402, 2), (418, 0), (430, 10), (434, 40), (440, 30), (448, 40), (452, 120), (454, 200),
                          (455, 225), (440, 232), (470, 270), (470, 290), (372, 290), (372, 272), (380, 262),
                          (370, 240), (356, 222), (360, 205), (375, 195), (380, 100), (385, 45), (392, 40),
                          (398, 60), (400, 20)]),
    (6, "mission patch", [(134, 385), (145, 358), (171, 347), (198, 358), (209, 385), (198, 412), (171, 424),
                          (145, 412)]),
    (7, "name tag", [(278, 339), (328, 345), (327, 374), (278, 369)]),
]
DEPTH = ["flag", "person", "face", "mission patch", "name tag", "space shuttle", "helmet"]  # back to front
PARTS = {"person": ("person", "face", "mission patch", "name tag")}  # what belongs to an object's pixels
# The face's five landmarks, as pixel positions (the centre of pixel (0, 0) is (0, 0)), and how to join them.
KEYPOINT_NAMES = ["right_eye", "left_eye", "nose", "mouth_right", "mouth_left"]
FACE_POINTS = [(202.5, 100.5), (245.5, 103.0), (224.5, 126.0), (203.0, 141.5), (245.5, 142.5)]
SKELETON = [(0, 1), (0, 2), (1, 2), (2, 3), (2, 4), (3, 4)]  # from 0
FLIP = [1, 0, 2, 4, 3]  # YOLO's flip_idx: the same points after a mirror
PALETTE = [(0, 0, 0), (220, 40, 40), (250, 210, 60), (40, 110, 230), (60, 190, 90), (200, 60, 200),
           (40, 200, 210), (250, 140, 30)]


def semantic_mask() -> np.ndarray:
    mask = np.zeros((SIZE, SIZE), np.uint8)
    outlines = {name: (cid, points) for cid, name, points in OBJECTS}
    for name in DEPTH:
        cid, points = outlines[name]
        mask[fill_polygons([np.array(points, np.float64)], (SIZE, SIZE))] = cid
    return mask


def object_pixels(mask: np.ndarray, name: str) -> np.ndarray:
    ids = [cid for cid, other, _ in OBJECTS if other in PARTS.get(name, (name,))]
    return np.isin(mask, ids)


def box_of(pixels: np.ndarray) -> list[float]:
    rows, cols = np.flatnonzero(pixels.any(axis=1)), np.flatnonzero(pixels.any(axis=0))
    return [float(cols[0]), float(rows[0]), float(cols[-1] + 1), float(rows[-1] + 1)]


def polygon_of(pixels: np.ndarray) -> list[list[float]]:
    """The outline of the pixels, simplified to within about a pixel (what a person clicking would give)."""
    out = []
    for outline in outline_polygons(pixels):
        if len(outline) < 3 or np.ptp(outline[:, 0]) < 2 or np.ptp(outline[:, 1]) < 2:
            continue
        simple = cv2.approxPolyDP(outline.astype(np.float32).reshape(-1, 1, 2), 1.0, True).reshape(-1, 2)
        out.append([int(v) for v in simple.ravel()])  # the outline runs along pixel edges
    return out


def build() -> tuple[Annotations, dict, np.ndarray]:
    mask = semantic_mask()
    boxes, keypoints = [], np.zeros((len(OBJECTS), len(KEYPOINT_NAMES), 3))
    coco_annotations = []
    for i, (cid, name, _) in enumerate(OBJECTS):
        pixels = object_pixels(mask, name)
        box = box_of(pixels)
        boxes.append(box)
        entry = {"id": i + 1, "image_id": 1, "category_id": cid,
                 "bbox": [box[0], box[1], box[2] - box[0], box[3] - box[1]],
                 "area": int(pixels.sum()), "iscrowd": 0, "segmentation": polygon_of(pixels)}
        if name == "face":
            keypoints[i, :, :2], keypoints[i, :, 2] = FACE_POINTS, 2
            entry["keypoints"] = [v for x, y in FACE_POINTS for v in (x, y, 2)]
            entry["num_keypoints"] = len(FACE_POINTS)
        coco_annotations.append(entry)
    categories = [{"id": cid, "name": name, "supercategory": "thing"} for cid, name, _ in OBJECTS]
    face = next(c for c in categories if c["name"] == "face")
    face["keypoints"] = KEYPOINT_NAMES
    face["skeleton"] = [[a + 1, b + 1] for a, b in SKELETON]
    coco = {
        "info": {"description": "augview's bundled sample: assets/astronaut.png, annotated by hand "
                                "(tools/make_sample_annotations.py)", "version": "1.0"},
        "licenses": [{"id": 1, "name": "public domain (NASA photograph)"}],
        "images": [{"id": 1, "file_name": "astronaut.png", "width": SIZE, "height": SIZE, "license": 1}],
        "annotations": coco_annotations, "categories": categories,
    }
    # YOLO counts classes from 0: class = COCO id - 1.
    annotations = Annotations(SIZE, SIZE, np.array(boxes), [cid - 1 for cid, _, _ in OBJECTS],
                              {cid - 1: name for cid, name, _ in OBJECTS}, keypoints, KEYPOINT_NAMES, SKELETON,
                              extras=[{} for _ in OBJECTS])
    return annotations, coco, mask


def coco_text(coco: dict) -> str:
    """Indented JSON, with each list of numbers on one line (a polygon, a box) so it reads well."""
    text = json.dumps(coco, indent=1)
    return re.sub(r"\[\s*([-0-9.,\s]+?)\s*\]", lambda m: "[" + ", ".join(m.group(1).split()).replace(",,", ",") + "]",
                  text) + "\n"


def data_yaml() -> str:
    names = "\n".join(f"  {cid - 1}: {name}" for cid, name, _ in OBJECTS)
    return ("# augview's bundled sample in YOLO-pose form (tools/make_sample_annotations.py).\n"
            "# kpt_names and skeleton (pairs of keypoint indices from 0) are read by augview.\n"
            f"names:\n{names}\n"
            f"kpt_shape: [{len(KEYPOINT_NAMES)}, 3]\n"
            f"flip_idx: {json.dumps(FLIP)}\n"
            f"kpt_names:\n  1: [{', '.join(KEYPOINT_NAMES)}]\n"
            f"skeleton: {json.dumps([list(e) for e in SKELETON])}\n")


def preview(path: Path, scale: int = 2) -> None:
    """The files as augview reads them back (`find_annotations`), drawn over the photo: the mask as
    a translucent layer, each object's COCO polygon and box with its name, the keypoints joined by
    the skeleton."""
    annotations = find_annotations(ASSETS / "astronaut.png")
    image = load_image(ASSETS / "astronaut.png").astype(np.float64)
    colours = np.array(PALETTE, np.float64)
    mask = annotations.mask
    image = np.where(mask[..., None] > 0, image * 0.55 + colours[mask] * 0.45, image).astype(np.uint8)
    big = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_NEAREST)
    for i, box in enumerate(annotations.boxes):
        colour = tuple(int(c) for c in PALETTE[annotations.labels[i]])
        for outline in outline_polygons(annotations.object_mask(i)):
            cv2.polylines(big, [np.rint(outline * scale).astype(np.int32).reshape(-1, 1, 2)], True, (255, 255, 255), 1)
        x0, y0, x1, y1 = (int(round(v * scale)) for v in box)
        cv2.rectangle(big, (x0, y0), (x1 - 1, y1 - 1), colour, 2)
        cv2.putText(big, annotations.label_name(i), (x0 + 4, y0 + 18), cv2.FONT_HERSHEY_SIMPLEX, 0.6, colour, 2)
    for points in annotations.keypoints:
        centre = [(int(round((x + 0.5) * scale)), int(round((y + 0.5) * scale))) for x, y, _ in points]
        for a, b in annotations.skeleton:
            if points[a, 2] and points[b, 2]:
                cv2.line(big, centre[a], centre[b], (255, 255, 255), 1)
        for point, (_, _, visible) in zip(centre, points):
            if visible:
                cv2.circle(big, point, 4, (0, 255, 0), -1)
    save_image(path, big)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preview", help="also draw the annotations over the photo into this PNG")
    args = parser.parse_args()
    annotations, coco, mask = build()
    (ASSETS / "labels").mkdir(exist_ok=True)
    (ASSETS / "masks").mkdir(exist_ok=True)
    atomic_write_bytes(ASSETS / "astronaut.coco.json", coco_text(coco).encode("utf-8"))
    atomic_write_bytes(ASSETS / "labels" / "astronaut.txt", format_labels(annotations).encode("utf-8"))
    atomic_write_bytes(ASSETS / "data.yaml", data_yaml().encode("utf-8"))
    palette = [v for colour in PALETTE for v in colour] + [0] * (768 - 3 * len(PALETTE))
    atomic_write_bytes(ASSETS / "masks" / "astronaut.png", encode_mask(mask, palette))
    names = ["background"] + [name for _, name, _ in OBJECTS]
    atomic_write_bytes(ASSETS / "masks" / "classes.txt", ("\n".join(names) + "\n").encode("utf-8"))
    if args.preview:
        preview(Path(args.preview))
    print("wrote assets/astronaut.coco.json, assets/labels/astronaut.txt, assets/data.yaml, "
          "assets/masks/astronaut.png, assets/masks/classes.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
