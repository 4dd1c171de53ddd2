"""The teaching side windows: parameter sweep, op gallery and compare (pytest-qt, offscreen)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

import augview
from augview.core.registry import CATALOG, CATEGORIES
from augview.analysis.compare import histograms, shares
from augview.analysis.grid import sheet_layout
from augview.gui.tools.compare_view import CompareView
from augview.gui.tools.gallery_view import GalleryView
from augview.gui.tools.sweep_view import SweepView

from .conftest import RENDER_TIMEOUT, gradient


def shown(qtbot, widget, width=900, height=600):
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    return widget


# ---- parameter sweep ----

def wait_sweep(qtbot, view, after: int):
    qtbot.waitUntil(lambda: view.computed > after and view.tasks._outstanding == 0, timeout=RENDER_TIMEOUT)


@pytest.fixture
def sweep_view(qtbot):
    view = shown(qtbot, SweepView(gradient(), "rotate", {"limit": (-30.0, 30.0)}))
    wait_sweep(qtbot, view, 0)
    return view


def test_sweep_starts_on_the_given_step_and_labels_each_value(qtbot, sweep_view):
    view = sweep_view
    assert view.op_name() == "rotate" and view.param_name() == "limit"
    assert view.params["limit"] == (-30.0, 30.0)
    assert len(view.preview.cells) == 7
    # the step's own range first (what training draws), as the extremes view shows it
    assert view.captions()[0] == "angle = -30°" and view.captions()[-1] == "angle = 30°"
    view.full_button.click()
    qtbot.waitUntil(lambda: view.captions()[0] == "angle = -180°" and view.captions()[-1] == "angle = 180°",
                    timeout=RENDER_TIMEOUT)
    before = view.computed
    view.from_spin.setValue(-45)
    view.to_spin.setValue(45)
    qtbot.waitUntil(lambda: view.captions() == [f"angle = {a}°" for a in (-45, -30, -15, 0, 15, 30, 45)],
                    timeout=RENDER_TIMEOUT)
    assert view.computed > before
    assert all(cell.pane.image is not None for cell in view.preview.cells)
    middle = view.last_cells[3].image
    assert np.array_equal(middle, gradient())  # angle 0 leaves the image alone


def test_sweep_count_and_the_steps_range(qtbot, sweep_view):
    view = sweep_view
    view.full_button.click()
    view.step_button.click()  # back to the step's own range, -30..30
    view.count_spin.setValue(3)
    qtbot.waitUntil(lambda: view.captions() == ["angle = -30°", "angle = 0°", "angle = 30°"], timeout=RENDER_TIMEOUT)


def test_extremes_mode_shows_min_middle_max_and_random_draws(qtbot, sweep_view):
    view = sweep_view
    before = view.computed
    view.extremes_button.click()
    assert view.mode() == "extremes" and not view.param_box.isEnabled()
    wait_sweep(qtbot, view, before)
    captions = view.captions()
    assert len(captions) == 7
    assert captions[0].startswith("all ranges at min") and "angle=-30.0°" in captions[0]
    assert captions[1].startswith("all ranges at middle") and "angle=0°" in captions[1]
    assert captions[2].startswith("all ranges at max") and "angle=30.0°" in captions[2]
    assert all(c.startswith("random, seed") for c in captions[3:])


def test_set_source_follows_the_selected_step(qtbot, sweep_view):
    view = sweep_view
    before = view.computed
    view.set_source(gradient(30, 40), "brightness_contrast", {"brightness_limit": (-0.1, 0.3)})
    wait_sweep(qtbot, view, before)
    assert view.op_name() == "brightness_contrast" and view.param_name() == "brightness_limit"
    assert view.params["brightness_limit"] == (-0.1, 0.3)
    assert view.last_cells[0].image.shape == (30, 40, 3)
    assert view.captions()[0] == "brightness = -0.10"  # the step's range
    means = [cell.image.mean() for cell in view.last_cells]
    assert means == sorted(means)


def test_a_parameter_without_effect_is_pointed_out(qtbot, sweep_view):
    view = sweep_view
    before = view.computed
    view.set_source(None, "random_crop", {"size_mode": "pixels", "height": 20, "width": 20})
    view.set_param("fraction")  # only used in "fraction" size mode
    wait_sweep(qtbot, view, before)
    assert "no effect" in view.info.text()


# ---- op gallery ----

@pytest.fixture
def gallery_view(qtbot):
    view = shown(qtbot, GalleryView(gradient()), 1200, 800)
    qtbot.waitUntil(lambda: len(view.tiles) == len(CATALOG), timeout=RENDER_TIMEOUT * 2)
    return view


def test_gallery_columns_fill_the_width_at_any_window_size(gallery_view, qtbot):
    """A fixed cell width left an empty band beside the last column at most widths."""
    view = gallery_view
    for width in (900, 1000, 1237, 1400):  # (at 900 the two cells that filled the view wrapped to one)
        view.resize(width, 800)
        qtbot.wait(20)
        grid, viewport, gap = view.list.gridSize().width(), view.list.viewport().width(), view.list.spacing()
        first_row = [view.list.visualItemRect(view.list.item(i)) for i in range(view.list.count())]
        first_row = [rect for rect in first_row if rect.top() == first_row[0].top()]
        # As many columns as cells of the narrowest width fit, with the view's spacing.
        assert len(first_row) == max((viewport - gap) // (view.list.cell.width() + gap), 1), (width, grid, viewport)
        assert grid >= view.list.cell.width()
        rightmost = max(rect.right() for rect in first_row)
        assert viewport - rightmost < grid // 2, (width, rightmost, viewport)


def test_gallery_has_one_labelled_tile_per_op(gallery_view):
    view = gallery_view
    assert sorted(view.visible_names()) == sorted(CATALOG)
    item = view.item("rotate")
    assert not item.icon().isNull()
    assert item.text().startswith("rotate\nangle=")
    assert CATALOG["rotate"].description in item.toolTip()
    assert view.list.currentItem() is view.item(view.visible_names()[0])  # the first, not the fastest


def test_gallery_category_filter_and_search(gallery_view):
    view = gallery_view
    view.category_box.setCurrentIndex(view.category_box.findData("blur"))
    assert view.visible_names() and all(CATALOG[n].category == "blur" for n in view.visible_names())
    assert view.item("rotate").isHidden()
    view.category_box.setCurrentIndex(0)
    view.search.setText("flip")
    names = view.visible_names()
    assert {"horizontal_flip", "vertical_flip"} <= set(names)
    assert all("flip" in n or "flip" in CATALOG[n].description.lower() for n in names)
    assert "gaussian_blur" not in names
    assert view.category_box.count() == len(CATEGORIES) + 1


def test_gallery_selection_shows_the_description(gallery_view):
    view = gallery_view
    view.select("gaussian_blur")
    text = view.text.toPlainText()
    assert "gaussian_blur" in text and CATALOG["gaussian_blur"].description[:40] in text
    assert view.preview.pane.image is not None


def test_contact_sheet_export_writes_a_png(qtbot, gallery_view, dialogs, tmp_path):
    view = gallery_view
    view.category_box.setCurrentIndex(view.category_box.findData("color"))
    path = tmp_path / "sheet.png"
    dialogs.save_paths.append(str(path))
    view.export_button.click()
    qtbot.waitUntil(lambda: view.exported == [str(path)], timeout=RENDER_TIMEOUT * 2)
    sheet = augview.load_image(path)
    count = len(view.visible_names()) + 1  # and the original
    cell, columns = sheet_layout(count, 1920)  # a full-HD slide's width by default
    assert sheet.shape[1] == 1920 and sheet.shape[0] > cell * math.ceil(count / columns)
    assert str(path) in view.status.text()


def test_a_contact_sheet_that_cannot_be_written_is_one_sentence(qtbot, gallery_view, tmp_path, capfd):
    """(A missing folder gave "export failed: FileNotFoundError: [Errno 2] ..." and a traceback on
    standard error.)"""
    view = gallery_view
    view.category_box.setCurrentIndex(view.category_box.findData("color"))
    path = tmp_path / "gone" / "sheet.png"
    view.export(str(path))
    qtbot.waitUntil(lambda: "cannot write" in view.status.text(), timeout=RENDER_TIMEOUT * 2)
    assert view.status.text().endswith(f"{path}: cannot write (No such file or directory)")
    assert "Error" not in view.status.text() and "Traceback" not in capfd.readouterr().err


# ---- compare ----

def black_white(height=40, width=60):
    return np.zeros((height, width, 3), np.uint8), np.full((height, width, 3), 255, np.uint8)


def column_brightness(image, x):
    return np.mean([image.pixelColor(x, y).lightness() for y in range(image.height() // 3, 2 * image.height() // 3)])


def test_wipe_shows_original_left_and_augmented_right_of_the_divider(qtbot):
    original, augmented = black_white(40, 60)
    view = shown(qtbot, CompareView(original, augmented, "test"), 640, 480)
    wipe = view.wipe
    wipe.set_position(0.5)
    image = wipe.grab().toImage()
    left, right = int(image.width() * 0.3), int(image.width() * 0.7)
    assert column_brightness(image, left) < 60 and column_brightness(image, right) > 200
    qtbot.mouseClick(wipe, Qt.MouseButton.LeftButton, pos=QPoint(int(wipe.width() * 0.9), wipe.height() // 2))
    assert wipe.position == pytest.approx(0.9, abs=0.01)
    image = wipe.grab().toImage()
    assert column_brightness(image, right) < 60  # now left of the divider: the original


def test_difference_of_identical_images_is_all_black(qtbot):
    image = gradient()
    view = shown(qtbot, CompareView(image, image.copy()))
    view.set_mode("difference")
    qtbot.waitUntil(lambda: view.difference is not None, timeout=RENDER_TIMEOUT)
    assert view.difference.image.max() == 0 and view.difference.changed == 0
    assert view.diff_cell.isVisible() and "0.0% of pixels changed" in view.diff_cell.caption.text()
    pane = view.diff_cell.pane
    grabbed = pane.grab().toImage()
    rect = pane.target_rect()
    assert grabbed.pixelColor(int(rect.center().x()), int(rect.center().y())).lightness() == 0


def test_difference_gain_amplifies(qtbot):
    image = gradient()
    brighter = np.clip(image.astype(int) + 2, 0, 255).astype(np.uint8)
    view = shown(qtbot, CompareView(image, brighter))
    view.set_mode("difference")
    qtbot.waitUntil(lambda: view.difference is not None, timeout=RENDER_TIMEOUT)
    view.gain.setValue(10)
    qtbot.waitUntil(lambda: view.difference is not None and view.difference.image.max() == 20, timeout=RENDER_TIMEOUT)


def test_different_sizes_are_compared_at_a_common_size(qtbot):
    """Issue 15: Difference refused different sizes (always the case after a crop)."""
    image = gradient()
    view = shown(qtbot, CompareView(image, image[5:25, 10:40].copy()))
    view.set_mode("difference")
    qtbot.waitUntil(lambda: view.difference is not None, timeout=RENDER_TIMEOUT)
    assert view.difference.image.shape == image.shape and view.difference.sizes_differ
    assert view.diff_cell.isVisible() and "30×20" in view.info.text() and "64×48" in view.info.text()


def test_histograms_sum_to_the_pixel_count(qtbot):
    image = gradient()
    crop = image[:20, :30].copy()
    view = shown(qtbot, CompareView(image, crop))
    view.set_mode("histogram")
    qtbot.waitUntil(lambda: view.histograms is not None, timeout=RENDER_TIMEOUT)
    data = view.histograms
    assert data.channels == ["R", "G", "B"]
    assert data.original.shape == (3, 256)
    assert np.allclose(data.original.sum(axis=1), image.shape[0] * image.shape[1])
    assert np.allclose(data.augmented.sum(axis=1), 20 * 30)
    assert data.original[0, 0] == np.count_nonzero(image[..., 0] == 0)
    assert view.plot.data is data and not view.plot.grab().toImage().isNull()


def test_gray_histograms_have_one_channel():
    gray = gradient()[..., 0].copy()
    data = histograms(gray, 255 - gray)
    assert data.channels == ["grey"] and data.original.sum() == gray.size
    assert np.array_equal(data.augmented[0], data.original[0][::-1])


def test_set_images_replaces_both(qtbot):
    a, b = black_white()
    view = shown(qtbot, CompareView(a, a.copy()))
    view.set_images(a, b, "new title")
    view.set_mode("difference")
    qtbot.waitUntil(lambda: view.difference is not None, timeout=RENDER_TIMEOUT)
    assert view.difference.image.min() == 255 and view.title_label.text() == "new title"


def test_a_long_compare_title_ends_in_an_ellipsis_not_mid_letter(qtbot):
    a, b = black_white()
    view = shown(qtbot, CompareView(a, a.copy()), 700, 500)
    title = "B: #1 seed 0: random_resized_crop scale=0.498 ratio=0.829, horizontal_flip, affine scale=1.09"
    view.set_images(a, b, title)
    qtbot.wait(20)
    shown_text = view.title_label._elidedText()
    assert shown_text.endswith("…") and len(shown_text) < len(title)
    assert view.title_label.text() == title and view.title_label.toolTip() == title


def test_an_op_without_parameters_falls_back_to_extremes(qtbot, sweep_view):
    view = sweep_view
    before = view.computed
    view.set_source(None, "horizontal_flip")
    wait_sweep(qtbot, view, before)
    assert view.param_name() is None and "no parameters" in view.info.text()
    assert view.captions()[0].startswith("as configured")
    assert np.array_equal(view.last_cells[0].image, gradient()[:, ::-1])


def test_gallery_details_say_which_defaults_a_mode_switches_off():
    from augview.gui.tools.gallery_view import details_html

    text = details_html("center_crop", None)
    assert "fraction</b> = 0.80" in text and "not used while size_mode is pixels" in text
    assert text.count("not used while") == 1  # height and width apply in pixels mode


def test_the_sweep_starts_on_a_parameter_that_has_an_effect(qtbot):
    view = shown(qtbot, SweepView(gradient(), "random_crop", {"size_mode": "pixels"}))
    assert view.param_name() == "height"
    fraction = view.param_box.findData("fraction")
    assert "no effect while size_mode is pixels" in view.param_box.itemText(fraction)
    view.set_source(None, "random_crop", {"size_mode": "fraction"})
    assert view.param_name() == "fraction"


def test_histograms_are_drawn_as_shares_so_a_crop_compares_by_tone():
    image = gradient()
    same = histograms(image, image[::2, ::2].copy())  # same tones, a quarter of the pixels
    assert np.allclose(shares(same.original[0]).sum(), 1.0)
    assert np.allclose(shares(same.augmented[0]), shares(same.original[0]), atol=0.02)
    assert same.augmented[0].sum() == same.original[0].sum() / 4  # the counts differ


def test_gallery_labels_stay_in_place_when_wide_tiles_arrive(qtbot):
    """Issue 15, defect 3: a tile of a wide photo had a smaller icon than the blank one, its label
    moved up, and the view repainted only the new rectangle, leaving "rendering…" on screen."""
    view = shown(qtbot, GalleryView(gradient(40, 120)), 1200, 800)
    before = {item.data(Qt.ItemDataRole.UserRole): view.list.visualItemRect(item) for item in view.items()}
    qtbot.waitUntil(lambda: len(view.tiles) == len(CATALOG), timeout=RENDER_TIMEOUT * 2)
    for item in view.items():
        name = item.data(Qt.ItemDataRole.UserRole)
        assert "rendering" not in item.text(), name
        assert view.list.visualItemRect(item) == before[name], name
        icon = item.icon().availableSizes()
        assert icon and all(size.width() == size.height() for size in icon), name


@pytest.mark.parametrize("width", [1920, 1280])
def test_the_contact_sheet_is_exported_at_the_chosen_width(qtbot, gallery_view, dialogs, tmp_path, width):
    """Issue 15: a sheet fit for slides, 1920 px wide by default or as chosen."""
    view = gallery_view
    assert view.sheet_width.value() == 1920
    view.sheet_width.setValue(width)
    view.search.setText("blur")
    path = tmp_path / f"sheet{width}.png"
    dialogs.save_paths.append(str(path))
    view.export_button.click()
    qtbot.waitUntil(lambda: view.exported == [str(path)], timeout=RENDER_TIMEOUT * 2)
    sheet = augview.load_image(path)
    assert sheet.shape[1] == width
    assert sheet.shape[1] / sheet.shape[0] > 1.0  # wider than tall, like a slide


def test_double_clicking_a_gallery_tile_adds_its_op_to_the_pipeline(qtbot, window):
    window.side_windows.show_gallery()
    gallery = window.side_windows.gallery
    qtbot.waitUntil(lambda: "solarize" in gallery.tiles, timeout=RENDER_TIMEOUT * 2)
    qtbot.waitExposed(gallery)
    item = gallery.item("solarize")
    gallery.list.scrollToItem(item)
    qtbot.waitUntil(lambda: gallery.list.viewport().rect().contains(gallery.list.visualItemRect(item).center()))
    center = gallery.list.visualItemRect(item).center()
    qtbot.mouseClick(gallery.list.viewport(), Qt.MouseButton.LeftButton, pos=center)  # a double-click's first press
    qtbot.mouseDClick(gallery.list.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert window.document.pipeline.steps[-1].op == "solarize"
    assert window.document.can_undo() and "solarize" in gallery.status.text()
    window.side_windows.close_all()


def test_the_sweep_holds_the_other_ranges_at_their_middle_unless_untoggled(qtbot):
    """Issue 15: a sweep of affine's scale kept the seed's 36° rotation in every cell."""
    view = shown(qtbot, SweepView(gradient(), "affine", {"rotate": (-40.0, 40.0), "scale": (0.8, 1.2)}))
    wait_sweep(qtbot, view, 0)
    assert view.param_name() == "scale"  # the first range
    assert view.hold_box.isChecked() and view.swept_params()["rotate"] == (0.0, 0.0)
    assert "middle" in view.info.text()
    held = [c.image for c in view.last_cells]
    before = view.computed
    view.hold_box.setChecked(False)  # the seed's draws again
    wait_sweep(qtbot, view, before)
    assert view.swept_params()["rotate"] == (-40.0, 40.0) and "middle" not in view.info.text()
    assert any(not np.array_equal(a, c.image) for a, c in zip(held, view.last_cells))
    view.set_mode("extremes")
    assert not view.hold_box.isEnabled()


def test_every_compare_mode_shows_the_pictures_on_the_panes_grey(qtbot):
    """Wipe painted a dark charcoal around the pictures, Difference the light grey of every pane."""
    from augview.gui.widgets.preview import pane_grey

    original, augmented = black_white(40, 200)  # wide: room above and below in a square-ish pane
    view = shown(qtbot, CompareView(original, augmented), 640, 480)
    view.set_mode("wipe")
    qtbot.wait(20)
    corner = view.wipe.grab().toImage().pixelColor(2, 2)
    assert corner.rgb() == pane_grey(view.wipe).rgb() and corner.lightness() > 150


def test_sweep_cells_take_the_grid_that_shows_the_pictures_largest(qtbot, sweep_view):
    """A fixed 4 x 2 grid left each picture a third of its cell in a 900x600 window."""
    view = sweep_view  # 900x600, 7 cells of a square photo
    area = view.preview
    qtbot.waitUntil(lambda: area.columns_shown == 3, timeout=2000)
    pictures = [cell.pane.target_rect() for cell in area.cells]
    assert min(rect.width() for rect in pictures) > 0.8 * min(cell.pane.width() for cell in area.cells)
    view.resize(300, 300)  # made small: the pictures keep room beside the fixed panel
    qtbot.wait(20)
    assert area.width() >= 320 and area.height() >= 240


def test_sweep_and_gallery_show_the_masks_legend_under_their_pictures(qtbot):
    """They drew the mask's colours on every cell but said nowhere which class each colour is:
    no cell of theirs is the original, whose overlay carries the legend."""
    from augview.core import paths
    from augview.gui.tools.sweep_view import sample_targets
    from augview.gui.widgets.overlay_painter import OverlayState

    photo, targets = augview.load_image(paths.SAMPLE_IMAGE), sample_targets()
    state = OverlayState()
    sweep = shown(qtbot, SweepView(photo, "rotate", {"limit": (-30.0, 30.0)}, targets=targets, overlay_state=state))
    gallery = shown(qtbot, GalleryView(photo, targets=targets, overlay_state=state))
    for view in (sweep, gallery):
        names = [name for name, _ in view.legend.entries]
        assert view.legend.isVisible() and "face" in names and len(names) == 7, names
    state.set(masks=False)  # the overlay toggles, shared with the main window
    assert not sweep.legend.isVisible() and not gallery.legend.isVisible()
    state.set(mask_only=True)
    assert sweep.legend.isVisible() and gallery.legend.isVisible()
    plain = shown(qtbot, SweepView(photo, "rotate"))  # no annotations: no legend
    assert not plain.legend.isVisible()
