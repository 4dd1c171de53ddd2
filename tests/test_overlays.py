"""What the window and `augview render --annotations` draw over an image and its variants
(augview.analysis.overlays, target_story, overlay_draw, op_targets), checked without Qt."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PIL import Image

import augview
from augview.analysis.distinct import distinct_outputs
from augview.analysis.grid import render_grid
from augview.analysis.op_targets import TargetRun
from augview.analysis.overlay_draw import draw_overlay
from augview.analysis.overlays import (
    Overlay, OverlayOptions, class_color, dropped_boxes, overlay_of, prepare, reason_text, resized, run_with_targets,
)
from augview.analysis.sweep import gallery, sweep
from augview.analysis.target_story import caption, trace_lines
from augview.annotations import Annotations, find_annotations
from augview.cli import main
from tests.conftest import ASSETS, PRESETS


@pytest.fixture(scope="module")
def sample():
    return prepare(find_annotations(ASSETS / "astronaut.png"))


def three_boxes() -> Annotations:
    """A 100x100 image with three boxes: one a centre crop of 50x50 keeps, one it cuts to 3%, one
    it leaves outside."""
    return Annotations(100, 100, np.array([[30.0, 30, 60, 60], [0, 0, 30, 30], [0, 0, 10, 10]]), [0, 1, 2],
                       {0: "cat", 1: "dog", 2: "bird"})


def centre_crop(min_visibility=0.3) -> augview.Pipeline:
    return augview.Pipeline([augview.Step("center_crop", {"height": 50, "width": 50})],
                            targets={"min_visibility": min_visibility})


# ---- preparing and scaling ----------------------------------------------------------------------


def test_the_sample_overlay_names_every_box_and_colours_box_and_mask_alike(sample):
    overlay = overlay_of(sample)
    assert (overlay.width, overlay.height) == (512, 512) and len(overlay) == 7
    assert overlay.box_names[:2] == ["person", "face"]
    assert len(overlay.points) == 5 and len(overlay.edges) == 6  # the face's keypoints and skeleton
    legend = dict(overlay.legend)
    assert "background" not in legend  # value 0 is left clear
    for name, color in zip(overlay.box_names, overlay.box_colors):
        assert legend[name] == color  # a box and its mask region share the class colour
    assert overlay.mask.shape == (512, 512, 4)
    assert overlay.mask[0, 511, 3] == 0 or sample.annotations.mask[0, 511] != 0
    assert len(set(overlay.box_colors)) == 7  # seven classes, seven colours
    assert class_color(3) == class_color(3) and class_color(3) != class_color(4)


def test_resizing_scales_boxes_keypoints_and_mask(sample):
    half = resized(sample, 256, 256)
    np.testing.assert_allclose(half.annotations.boxes, sample.annotations.boxes / 2)
    points, scaled = sample.annotations.keypoints, half.annotations.keypoints
    labelled = points[:, :, 2] > 0
    # Pixel centres: (x + 0.5) scales, so the centre of pixel 0 moves to -0.25, not 0.
    np.testing.assert_allclose(scaled[labelled][:, :2], (points[labelled][:, :2] + 0.5) / 2 - 0.5)
    assert (scaled[~labelled] == 0).all()
    assert half.annotations.mask.shape == (256, 256)
    assert set(np.unique(half.annotations.mask)) <= set(np.unique(sample.annotations.mask))
    assert resized(sample, 512, 512) is sample


def test_objects_without_a_label_map_are_shown_by_class(sample):
    objects = prepare(dataclasses.replace(find_annotations(ASSETS / "astronaut.png"), mask=None))
    assert objects.mask_kind == "objects"
    overlay = overlay_of(objects)
    legend = dict(overlay.legend)
    assert set(legend) <= set(overlay.box_names) and "face" in legend
    face = overlay.box_names.index("face")
    x0, y0, x1, y1 = overlay.boxes[face].astype(int)
    centre = overlay.mask[(y0 + y1) // 2, (x0 + x1) // 2]
    assert tuple(centre[:3]) == overlay.box_colors[face] and centre[3] > 0


# ---- variants: what was kept, what was dropped, and why -----------------------------------------


def test_a_crop_that_cuts_boxes_says_how_many_it_dropped_and_why():
    shown = prepare(three_boxes())
    image = np.zeros((100, 100, 3), np.uint8)
    result, overlay = run_with_targets(centre_crop(), image, shown, seed=0)
    assert caption(result, shown) == "1 of 3 boxes kept, 2 dropped (visibility 0.03 < 0.3, outside the image)"
    lines = trace_lines(result, shown)
    assert "center_crop: box 1 (dog) dropped, visibility 0.03 < 0.3" in lines
    assert "center_crop: box 2 (bird) dropped, outside the image" in lines
    np.testing.assert_allclose(overlay.boxes, [[5, 5, 35, 35]])
    assert overlay.box_names == ["cat"]
    # The box cut to 3% is drawn dashed where it went (clipped to the crop); the one outside is gone.
    np.testing.assert_allclose(overlay.dropped, [[0, 0, 5, 5]])
    assert overlay.dropped_names == ["dog: visibility 0.03 < 0.3"]
    kept_all, _ = run_with_targets(centre_crop(0.0), image, shown, seed=0)
    assert caption(kept_all, shown) == "2 of 3 boxes kept, 1 dropped (outside the image)"


def test_boxes_dropped_for_the_same_reason_share_one_entry_with_their_values():
    shown = prepare(Annotations(100, 100, np.array([[0.0, 0, 30, 30], [0, 0, 26, 40], [30, 30, 60, 60]]), [0, 1, 0],
                                {0: "cat", 1: "dog"}, extras=[{}, {}, {}]))
    result, overlay = run_with_targets(centre_crop(), np.zeros((100, 100, 3), np.uint8), shown, seed=0)
    assert caption(result, shown) == "1 of 3 boxes kept, 2 dropped (visibility 0.03, 0.01 < 0.3)"
    assert overlay.dropped_names == ["cat: visibility 0.03 < 0.3", "dog: visibility 0.01 < 0.3"]
    assert reason_text({"reason": "area", "limit": 16}, [1.0, 2.0, 3.0, 4.0]) == "area 1, 2, 3, … < 16 px²"


def test_dropped_boxes_are_where_a_pipeline_without_limits_puts_them(astronaut, sample):
    pipe = augview.Pipeline([augview.Step("random_crop", {"height": 300, "width": 300}),
                             augview.Step("rotate", {"limit": (-30.0, 30.0)})], targets={"min_visibility": 0.6})
    free = dataclasses.replace(pipe.targets, min_visibility=0.0)
    relaxed = augview.Pipeline(pipe.steps, targets=free)
    checked = 0
    for seed in range(6):
        result, overlay = run_with_targets(pipe, astronaut, sample, seed)
        positions, ids, reasons = dropped_boxes(result.trace, astronaut.shape, sample.annotations.boxes, pipe.targets)
        np.testing.assert_allclose(positions, overlay.dropped)
        loose = relaxed.apply(astronaut, seed, boxes=sample.annotations.boxes)
        for box, index in zip(positions, ids):
            np.testing.assert_allclose(box, loose.boxes[list(loose.box_ids).index(index)])
            checked += 1
        assert all(reason.startswith("visibility") for reason in reasons)
    assert checked > 0


def test_keypoints_that_leave_the_image_are_counted(sample, astronaut):
    pipe = augview.Pipeline([augview.Step("center_crop", {"height": 128, "width": 128})])
    result, overlay = run_with_targets(pipe, astronaut, sample, 0)
    text = caption(result, sample)
    assert "of 7 boxes kept" in text and "of 5 keypoints in view" in text
    assert len(overlay.points) < 5


# ---- drawing -----------------------------------------------------------------------------------


def test_overlays_are_drawn_at_the_tile_resolution():
    overlay = Overlay(10, 10, np.array([[2.0, 2, 8, 8]]), ["cat"], [(255, 0, 0)])
    tile = draw_overlay(Image.new("RGB", (100, 100), (0, 0, 0)), overlay, OverlayOptions())
    pixels = np.asarray(tile)
    assert tuple(pixels[50, 80]) == (255, 0, 0)  # the right edge, at x = 8 x 10
    assert tuple(pixels[50, 50]) == (0, 0, 0)  # inside the box: untouched
    off = np.asarray(draw_overlay(Image.new("RGB", (100, 100)), overlay, OverlayOptions(boxes=False)))
    assert not off.any()


def test_mask_only_shows_the_layer_on_black():
    layer = np.zeros((10, 10, 4), np.uint8)
    layer[:5] = (0, 200, 0, 255)
    overlay = Overlay(10, 10, mask=layer, legend=[("grass", (0, 200, 0))])
    white = Image.new("RGB", (20, 20), (255, 255, 255))
    only = np.asarray(draw_overlay(white, overlay, OverlayOptions(mask_only=True), legend=False))
    assert tuple(only[2, 2]) == (0, 200, 0) and tuple(only[15, 15]) == (0, 0, 0)
    blended = np.asarray(draw_overlay(white, overlay, OverlayOptions(), legend=False))
    assert 0 < blended[2, 2, 0] < 255 and tuple(blended[15, 15]) == (255, 255, 255)


def test_render_grid_with_annotations_draws_and_titles_them(astronaut, sample):
    # (No box-aware crop here: bbox_safe_random_crop draws its window from the boxes it is given.)
    pipe = augview.Pipeline.load(PRESETS / "light_classification.json")
    plain = render_grid(pipe, astronaut, 2, 0, cell=128)
    annotated = render_grid(pipe, astronaut, 2, 0, cell=128, shown=sample)
    assert plain.shape == annotated.shape and not np.array_equal(plain, annotated)
    boxes_off = render_grid(pipe, astronaut, 2, 0, cell=128, shown=sample,
                            options=OverlayOptions(False, False, False, False, False))
    tiles = slice(0, 8 + 128)  # the first row of cells, above their titles (which name the targets)
    np.testing.assert_array_equal(plain[tiles], boxes_off[tiles])  # the same pixels under the overlays


def test_cli_render_draws_the_annotations(tmp_path):
    plain, annotated = tmp_path / "plain.png", tmp_path / "annotated.png"
    args = ["render", "--preset", str(PRESETS / "light_detection.json"), "--image", str(ASSETS / "astronaut.png"),
            "--variants", "1", "--cell", "128"]
    assert main(args + ["-o", str(plain)]) == 0
    assert main(args + ["--annotations", "auto", "-o", str(annotated)]) == 0
    assert not np.array_equal(augview.load_image(plain), augview.load_image(annotated))
    given = tmp_path / "given.png"
    assert main(args + ["--annotations", str(ASSETS / "astronaut.coco.json"), "-o", str(given)]) == 0
    # The COCO file alone: its objects' outlines make the mask layer (auto also finds masks/astronaut.png).
    assert not np.array_equal(augview.load_image(given), augview.load_image(plain))


def test_cli_render_says_when_there_are_no_annotations(tmp_path, capsys):
    image = tmp_path / "bare.png"
    augview.save_image(image, np.zeros((20, 20, 3), np.uint8))
    assert main(["render", "--preset", str(PRESETS / "light_detection.json"), "--image", str(image),
                 "--annotations", "auto", "-o", str(tmp_path / "x.png")]) == 1
    assert "bare.png: no annotations found" in capsys.readouterr().err


# ---- teaching ----------------------------------------------------------------------------------


def test_a_rotate_sweep_shows_largest_box_growing_beside_ellipse(astronaut, sample):
    run = TargetRun(sample, ghosts=True)
    cells = sweep(astronaut, "rotate", None, "limit", 3, seed=0, span=(0, 40), targets=run)
    plain = sweep(astronaut, "rotate", None, "limit", 3, seed=0, span=(0, 40))
    for (_, image, label), (_, same, same_label) in zip(cells, plain):
        np.testing.assert_array_equal(image, same)  # the targets change no pixel
        assert label == same_label
    face = sample.annotations.labels.index(2)  # COCO category 2: the face
    assert sample.annotations.label_name(face) == "face"

    def area(box):
        return (box[2] - box[0]) * (box[3] - box[1])

    straight, turned = run.overlays[0], run.overlays[2]
    assert turned.ghost_label == "ellipse"
    np.testing.assert_allclose(straight.boxes[face], straight.ghosts[face], atol=1e-6)  # 0°: the same box
    assert area(turned.boxes[face]) > area(turned.ghosts[face]) > area(straight.boxes[face]) * 0.9
    assert area(turned.boxes[face]) > area(straight.boxes[face]) * 1.3  # largest_box inflates
    assert run.captions == ["7 of 7 boxes kept"] * 3


def test_the_gallery_moves_the_targets_with_every_op(astronaut, sample):
    run = TargetRun(resized(sample, 256, 256))
    small = np.ascontiguousarray(astronaut[::2, ::2])
    tiles = gallery(small, 0, ["horizontal_flip", "gaussian_blur", "augmix"], targets=run)
    names = [name for name, *_ in tiles]
    flip = run.overlays[names.index("horizontal_flip")]
    blur = run.overlays[names.index("gaussian_blur")]
    np.testing.assert_allclose(blur.boxes, run.shown.annotations.boxes)  # pixels only: nothing moves
    np.testing.assert_allclose(flip.boxes[:, [2, 0]], 256 - run.shown.annotations.boxes[:, [0, 2]])
    assert run.overlays[names.index("augmix")] is None  # no target can follow AugMix


def test_the_distinct_count_says_which_crops_can_cut_boxes():
    cutting = distinct_outputs([augview.Step("random_crop", {"height": 64, "width": 64})], (128, 128, 3))
    assert cutting.cuts_boxes == ["random_crop"]
    assert any("random_crop can cut boxes" in line for line in cutting.explanation)
    safe = distinct_outputs([augview.Step("bbox_safe_random_crop")], (128, 128, 3))
    assert not safe.cuts_boxes and not any("cut boxes" in line for line in safe.explanation)


def test_a_dropped_boxs_value_never_reads_as_its_limit():
    """Rounded to nearest, 0.5996 read "visibility 0.60 < 0.6" and 99.7 "area 100 < 100 px²": a
    value that would round up to its limit takes the decimals that show it below."""
    from augview.analysis.overlays import reason_text

    assert reason_text({"reason": "visibility", "limit": 0.6, "value": 0.5996}) == "visibility 0.5996 < 0.6"
    assert reason_text({"reason": "area", "limit": 100, "value": 99.7}) == "area 99.7 < 100 px²"
    assert reason_text({"reason": "width", "limit": 10, "value": 9.96}) == "width 9.96 < 10 px"
    assert reason_text({"reason": "visibility", "limit": 0.3, "value": 0.0277}) == "visibility 0.03 < 0.3"
    assert reason_text({"reason": "height", "limit": 4, "value": 2.0}) == "height 2.0 < 4 px"
    assert reason_text({"reason": "visibility", "limit": 0.3, "value": 0.29}) == "visibility 0.29 < 0.3"


def test_the_legend_of_object_masks_reads_numbers_in_names_as_numbers():
    """Sorted as text, class_10 came before class_2 (and class_100 before class_20)."""
    from augview.analysis.overlays import overlay_of

    names = {0: "class_10", 1: "class_2", 2: "Zebra", 3: "apple"}
    instances = np.zeros((40, 40, 1), np.int32)
    for i in range(4):
        instances[i * 10:i * 10 + 8, 2:10, 0] = i + 1
    boxes = np.array([[2.0, i * 10, 10, i * 10 + 8] for i in range(4)])
    shown = prepare(Annotations(40, 40, boxes, [0, 1, 2, 3], names, instances=instances, extras=[{}] * 4))
    legend = overlay_of(shown).legend
    assert [name for name, _ in legend] == ["apple", "class_2", "class_10", "Zebra"]


def test_a_box_wholly_outside_the_image_is_not_drawn_on_the_original():
    """A YOLO line `0 -0.5 0.5 0.2 0.2` lies left of the image: its tag was drawn at the image's
    edge, as if a cat were there."""
    notes = Annotations(100, 100, np.array([[-60.0, 40, -40, 60], [10, 10, 30, 30], [100, 0, 120, 20]]), [0, 1, 2],
                        {0: "cat", 1: "dog", 2: "bird"})
    overlay = overlay_of(prepare(notes))
    assert overlay.box_names == ["dog", "bird"]  # the one touching the right edge stays
    assert overlay.boxes.tolist() == [[10, 10, 30, 30], [100, 0, 120, 20]]
