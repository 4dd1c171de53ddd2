"""Boxes, masks and keypoints in the window: annotations of every format found or given, data set
folders in the strip, the overlay toggles, captions that say what was dropped, the target settings
in the form (undoable, saved), broken files, and large photos previewed on a proxy."""

from __future__ import annotations

import html

import json
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtWidgets import QCheckBox, QToolButton

import augview
from augview import Pipeline, Step
from augview.core import paths
from .conftest import RENDER_TIMEOUT, gradient, wait_render

# Boxes on the 64x48 test image. A 24x24 centre crop (x 20..44, y 12..36) keeps the first whole,
# leaves 4 of the second's 308 pixels in view (visibility 0.01) and none of the third.
BOXES = [(24, 16, 40, 32), (0, 0, 22, 14), (0, 0, 10, 10)]
NAMES = ["cat", "dog", "bird"]


def save(path: Path, image=None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    augview.save_image(path, gradient() if image is None else image)
    return path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def voc_xml(boxes=BOXES, names=NAMES, size=(64, 48)) -> str:
    objects = "".join(f"<object><name>{name}</name><bndbox><xmin>{x0}</xmin><ymin>{y0}</ymin><xmax>{x1}</xmax>"
                      f"<ymax>{y1}</ymax></bndbox></object>" for name, (x0, y0, x1, y1) in zip(names, boxes))
    return (f"<annotation><size><width>{size[0]}</width><height>{size[1]}</height><depth>3</depth></size>"
            f"{objects}</annotation>")


def yolo_lines(boxes=BOXES, width=64, height=48) -> str:
    return "".join(f"{i} {(x0 + x1) / 2 / width} {(y0 + y1) / 2 / height} {(x1 - x0) / width} {(y1 - y0) / height}\n"
                   for i, (x0, y0, x1, y1) in enumerate(boxes))


def coco_file(path: Path, file_name: str) -> Path:
    data = {"images": [{"id": 1, "file_name": file_name, "width": 64, "height": 48}],
            "categories": [{"id": i + 1, "name": name} for i, name in enumerate(NAMES)],
            "annotations": [{"id": i + 1, "image_id": 1, "category_id": i + 1, "bbox": [x0, y0, x1 - x0, y1 - y0],
                             "area": (x1 - x0) * (y1 - y0), "iscrowd": 0}
                            for i, (x0, y0, x1, y1) in enumerate(BOXES)]}
    return write(path, json.dumps(data))


def crop_preset(path: Path, min_visibility=0.3, **targets) -> Path:
    Pipeline([Step("center_crop", {"height": 24, "width": 24})], name="crop", seed=3,
             targets={"min_visibility": min_visibility, **targets}).save(path)
    return path


def flip_preset(path: Path) -> Path:
    Pipeline([Step("horizontal_flip")], name="flip").save(path)
    return path


def wait_targets(qtbot, window, path, boxes: int | None):
    """``path`` is on screen, rendered with its targets (``boxes`` of them; None: no annotations)."""
    qtbot.waitUntil(lambda: window.image_path == str(path), timeout=RENDER_TIMEOUT)
    shown = window.targets.loaded.shown
    if boxes is None:
        assert shown is None
    else:
        assert shown is not None and len(shown.annotations) == boxes
    return wait_render(qtbot, window)


def drop(window, path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    window.dropEvent(QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))


# ---- the sample ---------------------------------------------------------------------------------


def test_the_sample_opens_with_its_boxes_mask_and_keypoints(make_window):
    window = make_window()
    assert Path(window.image_path) == paths.SAMPLE_IMAGE
    output = window.last_output
    original = window.preview.cells[0].pane.overlay
    assert original is not None and len(original.overlay) == 7 and original.mask is not None
    assert dict(original.overlay.legend)["face"] == original.overlay.box_colors[original.overlay.box_names.index("face")]
    assert len(original.overlay.points) == 5
    for cell, overlay in zip(window.preview.cells[1:], output.cell_overlays):
        assert cell.pane.overlay is overlay and overlay is not None
        assert "of 7 boxes kept" in cell.caption.toolTip() or "of 7 boxes kept" in cell.full_caption
    assert all(button.isEnabled() for button in window.targets.toggles.values())
    # Check boxes, which say they toggle even while off (flat tool buttons read as plain text).
    assert all(isinstance(button, QCheckBox) for button in window.targets.toggles.values())
    assert window.findChild(QCheckBox, "overlay:mask_only") is window.targets.toggles["mask_only"]


# ---- each format --------------------------------------------------------------------------------


def test_yolo_labels_beside_the_image_with_their_class_names(qtbot, tmp_path, window):
    image = save(tmp_path / "ds/images/a.png")
    write(tmp_path / "ds/labels/a.txt", yolo_lines())
    write(tmp_path / "ds/data.yaml", "names: [cat, dog, bird]\n")
    window.open_image(image)
    wait_targets(qtbot, window, image, 3)
    assert window.targets.original.overlay.box_names == NAMES
    np.testing.assert_allclose(window.targets.loaded.shown.annotations.boxes, BOXES, atol=1e-6)


def test_a_voc_xml_with_the_same_stem(qtbot, tmp_path, window):
    image = save(tmp_path / "voc/a.png")
    write(tmp_path / "voc/a.xml", voc_xml())
    window.open_image(image)
    wait_targets(qtbot, window, image, 3)
    assert window.targets.original.overlay.box_names == NAMES


def test_a_mask_png_in_masks_is_a_translucent_layer_with_a_legend(qtbot, tmp_path, window):
    image = save(tmp_path / "m/a.png")
    labels = np.zeros((48, 64), np.uint8)
    labels[10:30, 5:25] = 1
    labels[30:, 40:] = 2
    save(tmp_path / "m/masks/a.png", labels)
    write(tmp_path / "m/masks/classes.txt", "background\nroad\nsky\n")
    window.open_image(image)
    wait_targets(qtbot, window, image, 0)
    overlay = window.targets.original
    assert [name for name, _ in overlay.overlay.legend] == ["road", "sky"]
    assert overlay.mask is not None and overlay.mask.width() == 64
    assert not window.targets.toggles["boxes"].isEnabled() and window.targets.toggles["masks"].isEnabled()


def test_a_coco_file_given_by_hand_annotates_the_image_and_lists_its_images(qtbot, tmp_path, window, dialogs):
    image = save(tmp_path / "c/a.png")
    coco = coco_file(tmp_path / "c/instances.json", "a.png")
    window.open_image(image)
    wait_targets(qtbot, window, image, None)
    dialogs.open_paths.append(str(coco))
    window.menus.actions["open_annotations"].trigger()
    qtbot.waitUntil(lambda: window.targets.loaded.shown is not None, timeout=RENDER_TIMEOUT)
    assert window.targets.original.overlay.box_names == NAMES
    qtbot.waitUntil(lambda: not window.strip_dock.isHidden(), timeout=RENDER_TIMEOUT)
    assert [p.name for p in window.strip.files] == ["a.png"]
    assert "instances.json" in window.folder_summary.text()


def test_dropping_an_annotation_file_reads_it_for_the_image_on_screen(qtbot, tmp_path, window):
    image = save(tmp_path / "d/a.png")
    window.open_image(image)
    wait_targets(qtbot, window, image, None)
    drop(window, write(tmp_path / "elsewhere/a.xml", voc_xml()))
    qtbot.waitUntil(lambda: window.targets.loaded.shown is not None, timeout=RENDER_TIMEOUT)
    assert len(window.targets.loaded.shown.annotations) == 3
    assert window.document.pipeline.name == "test preset"  # not taken for a preset
    output = wait_render(qtbot, window)
    assert all(overlay is not None for overlay in output.overlays)


def test_annotations_named_at_start_up(tmp_path, make_window):
    """`augview photo.png --annotations file`."""
    image = save(tmp_path / "s/photo.png")
    given = write(tmp_path / "labels_here/photo.xml", voc_xml())
    window = make_window(image=image, annotations=given)
    assert len(window.targets.loaded.shown.annotations) == 3


# ---- broken files -------------------------------------------------------------------------------


def test_a_broken_annotation_file_is_one_sentence_and_the_photo_still_opens(qtbot, tmp_path, window, dialogs):
    image = save(tmp_path / "b/images/a.png")
    write(tmp_path / "b/labels/a.txt", "0 0.5 0.5 0.2 0.2\n1 0.5 oops 0.2 0.2\n")
    window.open_image(image)
    wait_targets(qtbot, window, image, None)
    message = window.statusBar().currentMessage()
    assert "a.txt:2" in message and "oops" in message and "\n" not in message
    assert window.image.shape == (48, 64, 3)
    assert all(overlay is None for overlay in window.last_output.overlays)
    assert not dialogs.warnings  # no dialog: the status bar says it


def test_a_broken_coco_file_given_by_hand_keeps_the_image_and_its_overlays_off(qtbot, tmp_path, window):
    image = save(tmp_path / "bc/a.png")
    window.open_image(image)
    wait_targets(qtbot, window, image, None)
    bad = write(tmp_path / "bc/bad.json", '{"images": [{"id": 1, "file_name": "a.png"}], "annotations": []}')
    window.targets.open_annotations(str(bad))
    qtbot.waitUntil(lambda: "bad.json" in window.statusBar().currentMessage(), timeout=RENDER_TIMEOUT)
    assert window.image_path == str(image) and window.targets.loaded.shown is None


# ---- captions: what was kept, what was dropped --------------------------------------------------


def annotated_window(make_window, tmp_path, preset):
    image = save(tmp_path / "cap/a.png")
    write(tmp_path / "cap/a.xml", voc_xml())
    window = make_window(image=image, preset=preset)
    assert window.targets.loaded.shown is not None
    return window


def test_captions_and_tooltips_count_the_dropped_boxes_and_say_why(tmp_path, make_window):
    window = annotated_window(make_window, tmp_path, crop_preset(tmp_path / "crop.json"))
    cell = window.preview.cells[1]
    assert "1 of 3 boxes kept, 2 dropped (visibility 0.01 < 0.3, outside the image)" in cell.full_caption
    tip = html.unescape(cell.caption.toolTip())  # (the trace table is HTML)
    assert "center_crop: box 1 (dog) dropped, visibility 0.01 < 0.3" in tip
    assert "center_crop: box 2 (bird) dropped, outside the image" in tip
    overlay = cell.pane.overlay.overlay
    assert overlay.box_names == ["cat"] and overlay.dropped_names == ["dog: visibility 0.01 < 0.3"]


def grab(pane) -> np.ndarray:
    image = pane.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    raw = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * height)
    return raw.reshape(height, image.bytesPerLine())[:, : width * 3].reshape(height, width, 3).copy()


def test_toggles_redraw_without_a_render_and_are_remembered(qtbot, tmp_path, make_window):
    window = annotated_window(make_window, tmp_path, crop_preset(tmp_path / "crop.json"))
    window.show()
    qtbot.waitExposed(window)
    pane = window.preview.cells[1].pane
    job = window.last_output.job_id
    with_all = grab(pane)
    window.targets.toggles["dropped"].click()
    assert not window.targets.state.options.dropped
    without_dropped = grab(pane)
    window.targets.toggles["boxes"].click()
    bare = grab(pane)
    assert not np.array_equal(with_all, without_dropped) and not np.array_equal(without_dropped, bare)
    assert window.last_output.job_id == job  # drawn again, not rendered again
    window.targets.toggles["boxes"].click()
    np.testing.assert_array_equal(grab(pane), without_dropped)
    window.targets.toggles["boxes"].click()
    settings = window.settings
    assert settings.value("overlays/boxes", type=bool) is False and settings.value("overlays/dropped", type=bool) is False
    again = make_window(image=window.image_path)  # the same settings file
    assert not again.targets.toggles["boxes"].isChecked() and not again.targets.state.options.boxes
    assert again.targets.toggles["keypoints"].isChecked()


def test_mask_only_shows_the_mask_without_the_picture(qtbot, tmp_path, make_window):
    window = make_window()  # the sample, with its mask
    window.show()
    qtbot.waitExposed(window)
    pane = window.preview.cells[0].pane
    window.targets.set_option("boxes", False)
    window.targets.set_option("keypoints", False)
    picture = grab(pane)
    window.targets.set_option("mask_only", True)
    assert window.targets.toggles["mask_only"].isChecked()
    alone = grab(pane)
    # A bright pixel of the photo that the mask calls background (label 0), and one it labels.
    mask, photo = window.targets.loaded.shown.annotations.mask, window.image
    rect = pane.target_rect()

    def on_screen(row, col):
        return int(rect.y() + (row + 0.5) * rect.height() / 512), int(rect.x() + (col + 0.5) * rect.width() / 512)

    rows, cols = np.nonzero((mask == 0) & (photo.min(axis=2) > 150))
    y, x = on_screen(rows[len(rows) // 2], cols[len(cols) // 2])
    assert tuple(int(v) for v in alone[y, x]) == (0, 0, 0) and picture[y, x].min() > 100
    rows, cols = np.nonzero(mask == 2)  # the face
    y, x = on_screen(int(np.median(rows)), int(np.median(cols)))
    assert alone[y, x].max() > 100


# ---- target settings in the form ----------------------------------------------------------------


def test_target_settings_are_undoable_saved_and_rendered(qtbot, tmp_path, make_window):
    window = annotated_window(make_window, tmp_path, crop_preset(tmp_path / "crop.json", min_visibility=0.0))
    assert "2 of 3 boxes kept, 1 dropped (outside the image)" in window.preview.cells[1].full_caption
    spec, control = window.target_form.controls["min_visibility"]
    control.set(0.3)  # as a drag would: valueChanged writes to the document
    assert window.document.pipeline.targets.min_visibility == 0.3 and window.document.dirty
    wait_render(qtbot, window)
    assert "1 of 3 boxes kept, 2 dropped" in window.preview.cells[1].full_caption
    window.document.undo()
    assert window.document.pipeline.targets.min_visibility == 0.0
    assert control.get() == 0.0 and not window.document.dirty
    wait_render(qtbot, window)
    assert "2 of 3 boxes kept" in window.preview.cells[1].full_caption
    window.document.redo()
    assert control.get() == 0.3
    _, method = window.target_form.controls["box_method"]
    method.set("ellipse")
    assert window.document.pipeline.targets.box_method == "ellipse"
    assert window.save()
    saved = Pipeline.load(window.document.path).targets
    assert (saved.min_visibility, saved.box_method) == (0.3, "ellipse")
    window.target_form.findChild(QToolButton, "reset-target:min_visibility").click()
    assert window.document.pipeline.targets.min_visibility == 0.0


def test_the_mask_legend_is_a_bar_beside_the_toggles_not_over_the_original(make_window, qtbot):
    """Over the original it covered part of the photo (the shuttle's name at 1280x720) and was left
    out of small panes, where Mask only needs it most."""
    window = make_window()
    window.resize(1280, 720)
    window.show()
    bar = window.legend_bar
    legend = window.preview.cells[0].pane.overlay.overlay.legend
    assert bar.isVisible() and bar.entries == legend and len(legend) == 7
    assert not window.preview.cells[0].pane.legend  # not painted over the picture
    qtbot.waitUntil(lambda: bar.shown > 0, timeout=2000)
    assert bar.toolTip().splitlines() == [name for name, _ in legend]  # every entry, when some do not fit
    window.targets.set_option("masks", False)
    assert not bar.isVisible()
    window.targets.set_option("mask_only", True)
    assert bar.isVisible()  # Mask only shows the mask, so its key too
    window.targets.set_option("mask_only", False)
    window.targets.set_option("masks", True)
    window.targets.clear()  # an image without annotations
    assert not bar.isVisible() and bar.entries == []


# ---- data sets ----------------------------------------------------------------------------------


def yolo_dataset(root: Path) -> Path:
    for name, boxes in (("a", BOXES[:2]), ("b", BOXES[:1])):
        save(root / f"images/train/{name}.png")
        write(root / f"labels/train/{name}.txt", yolo_lines(boxes))
    save(root / "images/val/c.png")  # no labels
    write(root / "data.yaml", "names: [cat, dog, bird]\n")
    return root


def test_a_yolo_data_set_is_browsed_with_box_counts_and_a_summary(qtbot, tmp_path, window):
    root = yolo_dataset(tmp_path / "yolo")
    window.open_folder(root)
    qtbot.waitUntil(lambda: not window.strip_dock.isHidden(), timeout=RENDER_TIMEOUT)
    strip = window.strip
    assert [p.relative_to(root).as_posix() for p in strip.files] == [
        "images/train/a.png", "images/train/b.png", "images/val/c.png"]  # recursive, as apply walks
    wait_targets(qtbot, window, strip.files[0], 2)
    qtbot.waitUntil(lambda: "2 boxes" in strip.item(0).text() and "1 box" in strip.item(1).text(),
                    timeout=RENDER_TIMEOUT)
    assert "\n" not in strip.item(2).text()  # no labels: no count
    qtbot.waitUntil(lambda: "3 images, 2 annotated: 3 boxes (cat 2, dog 1)" in window.folder_summary.text(),
                    timeout=RENDER_TIMEOUT)
    assert "yolo" in window.folder_summary.text()
    strip.step(+1)
    wait_targets(qtbot, window, strip.files[1], 1)
    strip.step(+1)
    wait_targets(qtbot, window, strip.files[2], None)


def test_a_coco_data_set_folder(qtbot, tmp_path, window):
    root = tmp_path / "coco"
    save(root / "images/a.png")
    coco_file(root / "annotations/instances.json", "images/a.png")
    window.open_folder(root)
    qtbot.waitUntil(lambda: not window.strip_dock.isHidden(), timeout=RENDER_TIMEOUT)
    wait_targets(qtbot, window, root / "images/a.png", 3)
    qtbot.waitUntil(lambda: "(coco)" in window.folder_summary.text() and "3 boxes" in window.folder_summary.text(),
                    timeout=RENDER_TIMEOUT)


def test_a_data_set_s_problem_comes_before_its_counts(qtbot, tmp_path, window):
    """After a long list of classes (80 of COCO's), the problem on the line after it was out of
    sight in the two lines the summary has."""
    root = tmp_path / "coco"
    save(root / "images/a.png")
    coco_file(root / "annotations/instances.json", "images/a.png")
    (root / "annotations" / "extra.json").write_text('{"images": 5}')
    window.open_folder(root)
    qtbot.waitUntil(lambda: "3 boxes" in window.folder_summary.text(), timeout=RENDER_TIMEOUT)
    first, second = window.folder_summary.text().splitlines()
    assert first.endswith("extra.json: images: must be a list") and "(coco)" in second


# ---- large photos: the proxy and the full-resolution render -------------------------------------


def test_a_large_photo_moves_its_targets_on_the_proxy_and_at_full_resolution(qtbot, tmp_path, make_window):
    big = np.ascontiguousarray(np.broadcast_to(gradient(48, 64)[:, :, :1], (48, 64, 3)))
    big = np.kron(big, np.ones((32, 32, 1), np.uint8))  # 2048 x 1536
    image = save(tmp_path / "big/photo.png", big)
    write(tmp_path / "big/photo.xml", voc_xml([(512, 384, 1024, 768)], ["cat"], (2048, 1536)))
    window = make_window(image=image, preset=flip_preset(tmp_path / "flip.json"))
    proxy = window.targets.loaded.proxy.annotations
    assert (proxy.width, proxy.height) == (1024, 768)
    np.testing.assert_allclose(proxy.boxes, [[256, 192, 512, 384]])
    preview = window.last_output
    if not preview.full_resolution:
        np.testing.assert_allclose(preview.overlays[0].boxes, [[512, 192, 768, 384]])  # flipped on the proxy
    qtbot.waitUntil(lambda: window.last_output.full_resolution, timeout=RENDER_TIMEOUT * 2)
    full = window.last_output.overlays[0]
    assert (full.width, full.height) == (2048, 1536)
    np.testing.assert_allclose(full.boxes, [[1024, 384, 1536, 768]])  # the photo's own pixels
    assert window.preview.cells[1].pane.overlay.overlay is full


# ---- exports, side windows, pipelines targets cannot follow -------------------------------------


def test_the_exported_grid_draws_the_targets_as_toggled(qtbot, tmp_path, make_window):
    window = annotated_window(make_window, tmp_path, crop_preset(tmp_path / "crop.json"))
    drawn, bare = tmp_path / "drawn.png", tmp_path / "bare.png"
    window.export_grid(str(drawn))
    qtbot.waitUntil(lambda: drawn.exists(), timeout=RENDER_TIMEOUT)
    for kind in ("boxes", "masks", "keypoints", "dropped"):
        window.targets.set_option(kind, False)
    window.export_grid(str(bare))
    qtbot.waitUntil(lambda: bare.exists(), timeout=RENDER_TIMEOUT)
    a, b = augview.load_image(drawn), augview.load_image(bare)
    assert a.shape == b.shape and not np.array_equal(a, b)


def test_augmix_still_renders_and_says_why_the_targets_cannot_follow(qtbot, tmp_path, make_window):
    preset = tmp_path / "augmix.json"
    Pipeline([Step("augmix")], name="mix").save(preset)
    window = annotated_window(make_window, tmp_path, preset)
    output = window.last_output
    assert len(output.images) == 3 and all(o is None for o in output.overlays)
    assert "augmix" in window.statusBar().currentMessage()
    cell = window.preview.cells[1]
    assert "boxes kept" not in cell.full_caption and "annotations not shown" in cell.full_caption
    assert "augmix" in html.unescape(cell.caption.toolTip())  # and why, where the step story goes
    # Without AugMix the annotations are back, and the warning about it goes.
    window.document.remove((0,))
    output = wait_render(qtbot, window)
    assert all(o is not None for o in output.overlays)
    assert "augmix" not in window.statusBar().currentMessage()


def test_sweep_gallery_and_presentation_show_the_targets(qtbot, make_window):
    window = make_window()  # the sample
    window.panel.rebuild(select=(2,))  # rotate
    sides = window.side_windows
    sides.show_sweep()
    sweep = sides.sweep
    qtbot.waitUntil(lambda: sweep.computed > 0 and sweep.tasks._outstanding == 0, timeout=RENDER_TIMEOUT * 2)
    overlays = [cell.pane.overlay for cell in sweep.preview.cells]
    assert all(o is not None and len(o.overlay.ghosts) == 7 for o in overlays)
    assert "boxes kept" in sweep.preview.cells[0].full_caption and "ellipse" in sweep.info.text()
    sides.show_gallery()
    gallery = sides.gallery
    qtbot.waitUntil(lambda: "horizontal_flip" in gallery.tiles, timeout=RENDER_TIMEOUT * 4)
    out, label, overlay = gallery.tiles["horizontal_flip"]
    assert overlay is not None and "7 of 7 boxes kept" in label
    sides.show_presentation(full_screen=False)
    view = sides.presentation
    qtbot.waitUntil(lambda: view.last_output is not None, timeout=RENDER_TIMEOUT)
    assert view.preview.cells[0].pane.overlay is window.targets.original
    assert all(cell.pane.overlay is not None for cell in view.preview.cells[1:])
    sides.close_all()


def test_target_sizes_take_log_sliders_with_exact_values(qtbot):
    """min_area runs to 1e8 px²: on a linear slider every realistic value (under 10,000) sat at
    its left end, and 12,345,678 showed as "1e+07". A log slider puts 100 px² a quarter of the way
    along, and its number box shows the exact value."""
    from PySide6.QtWidgets import QDoubleSpinBox

    from augview import Step
    from augview.gui.document import Document
    from augview.gui.widgets.scaled_slider import ScaledSlider
    from augview.gui.widgets.target_form import TargetForm

    document = Document(Pipeline([Step("horizontal_flip")], name="t"))
    form = TargetForm(document)
    qtbot.addWidget(form)
    for name in ("min_area", "min_width", "min_height", "mask_fill"):
        assert isinstance(form.controls[name][1].widget, ScaledSlider), name
    spec, control = form.controls["min_area"]
    control.set(100.0)
    slider = control.widget.slider
    assert 0.2 < (slider.value() - slider.minimum()) / (slider.maximum() - slider.minimum()) < 0.35
    control.set(12345678.0)
    assert control.widget.findChild(QDoubleSpinBox).text().replace(",", "") == "12345678.0"
    assert control.get() == 12345678.0
    control.set(0.4)  # a fraction of a pixel, as a preset may hold: shown as it is, not as 0
    assert control.widget.findChild(QDoubleSpinBox).text() == "0.4" and control.get() == 0.4


def test_the_legend_bar_shows_one_line_names_elides_a_long_first_one_and_caps_its_tooltip(qtbot):
    from augview.gui.widgets.legend_bar import TOOLTIP_ENTRIES, LegendBar

    bar = LegendBar()
    qtbot.addWidget(bar)
    bar.resize(150, 20)
    bar.set_entries([("a\nb\tc", (200, 0, 0)), ("x", (0, 200, 0))])
    assert bar.entries[0][0] == "a b c" and "\n" not in bar.toolTip().splitlines()[0]
    bar.set_entries([("construction_vehicle_with_a_very_long_name", (200, 0, 0))])
    bar.show()
    qtbot.waitUntil(lambda: bar.shown == 1, timeout=2000)  # elided, not only "+1 more"
    bar.set_entries([(f"class_{i}", (i % 255, 0, 0)) for i in range(10_000)])
    lines = bar.toolTip().splitlines()
    assert len(lines) == TOOLTIP_ENTRIES + 1 and lines[-1] == f"… {10_000 - TOOLTIP_ENTRIES} more"


def test_what_a_reader_set_aside_is_said_in_the_status_bar(make_window, qtbot, tmp_path):
    """A broken data.yaml: the boxes show class numbers, and the window says why (annotation notes
    were not shown anywhere)."""
    import numpy as np

    import augview

    (tmp_path / "images").mkdir()
    augview.save_image(tmp_path / "images" / "a.png", np.zeros((48, 64, 3), np.uint8))
    (tmp_path / "labels").mkdir()
    (tmp_path / "labels" / "a.txt").write_text("1 0.5 0.5 0.2 0.2\n")
    (tmp_path / "data.yaml").write_text("names: [cat, dog\n")
    window = make_window(image=str(tmp_path / "images" / "a.png"))
    qtbot.waitUntil(lambda: window.targets.loaded.shown is not None, timeout=5000)
    assert window.targets.loaded.shown.annotations.label_name(0) == "1"
    assert "data.yaml" in window.statusBar().currentMessage()
    assert window.statusBar().currentMessage().endswith("classes are shown by number")
