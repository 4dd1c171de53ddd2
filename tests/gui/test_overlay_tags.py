"""What a pane paints over its picture: name tags of boxes sharing a corner both show (see
`augview.analysis.tag_layout`), and a skeleton shows over a mask of its own colour."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from augview.analysis.overlays import Overlay, OverlayOptions
from augview.gui.widgets.overlay_painter import CellOverlay, paint_image_and_overlay


def paint(overlay: Overlay, options: OverlayOptions, picture_size: int, pane_size: int) -> QImage:
    """``overlay`` over a grey square picture, painted into a black square pane."""
    picture = QImage(picture_size, picture_size, QImage.Format.Format_RGB888)
    picture.fill(QColor(128, 128, 128))
    canvas = QImage(pane_size, pane_size, QImage.Format.Format_RGB888)
    canvas.fill(QColor(0, 0, 0))
    painter = QPainter(canvas)
    area = QRectF(0, 0, pane_size, pane_size)
    paint_image_and_overlay(painter, area, picture, CellOverlay.wrap(overlay), options, area)
    painter.end()
    return canvas


def test_a_pane_shows_both_tags_of_boxes_sharing_a_corner(qtbot):
    red, blue = (230, 30, 30), (30, 30, 230)
    overlay = Overlay(200, 200, np.array([[20.0, 0, 180, 180], [20.0, 0, 100, 190]]),
                      ["flag", "person"], [red, blue])
    canvas = paint(overlay, OverlayOptions(masks=False, keypoints=False, dropped=False), 200, 400)
    # The tags sit inside the boxes at the pane's top edge, one below the other; their fill
    # colours are drawn with some transparency over the grey picture.
    reds = blues = 0
    for y in range(2, 40):
        for x in range(45, 90):
            color = canvas.pixelColor(x, y)
            reds += color.red() > 150 and color.blue() < 90
            blues += color.blue() > 150 and color.red() < 90
    assert reds > 20 and blues > 20


def test_a_skeleton_stays_visible_over_a_mask_of_its_own_colour_in_mask_only(qtbot):
    magenta = (220, 40, 220)
    mask = np.zeros((100, 100, 4), np.uint8)
    mask[:, :] = (*magenta, 255)  # the face's mask, everywhere
    overlay = Overlay(100, 100, points=np.array([[20.0, 50], [80, 50]]), point_colors=[magenta, magenta],
                      edges=np.array([[20.0, 50, 80, 50]]), edge_colors=[magenta], mask=mask)
    canvas = paint(overlay, OverlayOptions(boxes=False, mask_only=True, dropped=False), 100, 100)
    # Beside the edge, half-way between the dots: not the mask's colour, so the line can be seen.
    column = [canvas.pixelColor(50, y) for y in range(44, 57)]
    assert any(abs(c.red() - magenta[0]) + abs(c.green() - magenta[1]) > 120 for c in column)


def legend_pixels(canvas: QImage) -> int:
    """Pixels of the legend's dark translucent panel over the grey picture or the black pane."""
    count = 0
    for y in range(0, canvas.height(), 2):
        for x in range(0, canvas.width(), 2):
            c = canvas.pixelColor(x, y)
            count += 10 <= c.red() <= 45 and abs(c.red() - c.blue()) <= 8 and 10 <= c.green() <= 45
    return count


def test_the_mask_legend_is_left_out_of_a_pane_it_would_mostly_hide(qtbot):
    mask = np.zeros((100, 100, 4), np.uint8)
    legend = [(name, (200, 30 * i, 40)) for i, name in enumerate(("person", "face", "flag", "helmet", "space shuttle"))]
    overlay = Overlay(100, 100, mask=mask, legend=legend)
    options = OverlayOptions(boxes=False, keypoints=False, dropped=False)
    assert legend_pixels(paint(overlay, options, 400, 400)) > 100  # a big pane shows it
    assert legend_pixels(paint(overlay, options, 70, 70)) == 0  # a grid's small cell does not


def test_boxes_and_tags_keep_a_dark_edge_over_their_own_colour_in_mask_only(qtbot):
    green = (80, 230, 170)
    mask = np.zeros((100, 100, 4), np.uint8)
    mask[:, :] = (*green, 255)  # the flag's mask, everywhere
    overlay = Overlay(100, 100, np.array([[10.0, 20, 90, 90]]), ["flag"], [green], mask=mask)
    canvas = paint(overlay, OverlayOptions(keypoints=False, dropped=False, mask_only=True), 100, 100)
    # Just outside the box's left edge and around its tag: something that is not the mask's colour.
    row = [canvas.pixelColor(x, 60) for x in range(5, 14)]
    assert any(c.red() + c.green() + c.blue() < 200 for c in row)


def test_the_legend_takes_the_small_font_when_only_that_fits_beside_the_picture(qtbot):
    from PySide6.QtGui import QFont

    from augview.gui.widgets import overlay_painter as painter_module

    legend = [(name, (200, 30 * i, 40)) for i, name in enumerate(("person", "face", "flag", "helmet", "space shuttle"))]
    base = QImage(10, 10, QImage.Format.Format_RGB888)
    probe = QPainter(base)
    font = QFont(probe.font())
    probe.end()

    def legend_width(metrics):  # the name column, the colour square and the padding
        return max(metrics.horizontalAdvance(name) for name, _ in legend) + metrics.height() + 2 + 14

    normal = legend_width(painter_module._label_font(font)[1])
    small = legend_width(painter_module._label_font(font, small=True)[1])
    assert small < normal
    band = int((small + normal) / 2) + 12  # room for the small legend (and its margins) only
    picture_size, pane_width = 300, 300 + 2 * band
    picture = QImage(picture_size, picture_size, QImage.Format.Format_RGB888)
    picture.fill(QColor(128, 128, 128))
    canvas = QImage(pane_width, picture_size, QImage.Format.Format_RGB888)
    canvas.fill(QColor(0, 0, 0))
    p = QPainter(canvas)
    p.setFont(font)
    rect = QRectF(band, 0, picture_size, picture_size)
    overlay = Overlay(100, 100, mask=np.zeros((100, 100, 4), np.uint8), legend=legend)
    paint_image_and_overlay(p, rect, picture, CellOverlay.wrap(overlay), OverlayOptions(boxes=False, keypoints=False,
                                                                                         dropped=False),
                            QRectF(0, 0, pane_width, picture_size))
    p.end()
    on_picture = 0
    for y in range(0, picture_size, 2):
        for x in range(band, band + picture_size, 2):
            c = canvas.pixelColor(x, y)
            on_picture += c.red() < 100  # the legend's dark panel over the grey picture
    assert on_picture == 0 and legend_pixels(canvas) > 50  # drawn, in the margin


def _blue_pixels(canvas: QImage, y0: int, y1: int, x0: int, x1: int) -> int:
    return sum(canvas.pixelColor(x, y).blue() > 150 and canvas.pixelColor(x, y).red() < 90
               for y in range(y0, y1) for x in range(x0, x1))


def test_no_outline_or_keypoint_crosses_a_tag(qtbot):
    """Tags are painted last: a kept box's edge used to run through a dropped box's tag (drawn
    before the kept boxes), and keypoint dots and edges over any tag ("fa●e")."""
    red, blue = (230, 30, 30), (30, 30, 230)
    # The dropped box's tag sits just above it (y ~ 24..40 on a 200 px pane); the kept box's top
    # edge, at y = 30, runs through it.
    overlay = Overlay(200, 200, np.array([[0.0, 30, 200, 190]]), [""], [blue],
                      dropped=np.array([[20.0, 40, 180, 180]]), dropped_names=["flag: visibility 0.2 < 0.3"],
                      dropped_colors=[red])
    canvas = paint(overlay, OverlayOptions(masks=False, keypoints=False), 200, 200)
    assert _blue_pixels(canvas, 29, 32, 0, 18) > 0  # the edge is there, left of the tag
    assert _blue_pixels(canvas, 29, 32, 26, 60) == 0  # and hidden where the tag is
    # A blue keypoint and skeleton edge on a red box's tag.
    overlay = Overlay(200, 200, np.array([[20.0, 40, 180, 180]]), ["face"], [red],
                      points=np.array([[30.0, 32]]), point_colors=[blue],
                      edges=np.array([[22.0, 32, 60, 32]]), edge_colors=[blue])
    canvas = paint(overlay, OverlayOptions(masks=False, dropped=False), 200, 200)
    assert _blue_pixels(canvas, 29, 35, 22, 44) == 0  # the tag spans x 20..47
