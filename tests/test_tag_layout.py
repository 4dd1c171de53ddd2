"""Name tags of boxes never hide each other, in the window's panes and in exported pictures."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings, strategies as st
from PIL import Image

from augview.analysis.overlay_draw import draw_overlay
from augview.analysis.overlays import Overlay, OverlayOptions
from augview.analysis.tag_layout import TagLayout


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_tags_of_boxes_sharing_a_corner_stack_instead_of_covering_each_other():
    layout = TagLayout(0, 0, 400, 300, 14)
    first = layout.place((50, 0, 200, 200), 40, 14)
    second = layout.place((50, 0, 120, 250), 90, 14)
    assert first == (50, 0)  # no room above the picture's top: inside the box
    assert second == (50, 14)  # just below the first tag, still beside its box


def test_a_tag_near_the_right_edge_moves_left_to_stay_in_the_picture():
    layout = TagLayout(0, 0, 400, 300, 14)
    assert layout.place((380, 100, 400, 150), 120, 14) == (280, 86)


def test_with_no_free_spot_down_the_box_s_left_side_a_tag_goes_to_its_right_end_or_below_it():
    layout = TagLayout(0, 0, 400, 300, 14)
    spots = [layout.place((0, 50, 100, 70), 60, 14) for _ in range(4)]
    # above, pushed inside, below the box; the fourth finds no free spot and takes the one that
    # hides least of the others: a third of one tag, above the box's right end
    assert spots == [(0, 36), (0, 50), (0, 70), (40, 36)]


def test_a_small_box_sharing_a_big_box_s_corner_keeps_both_tags_in_view():
    """The sample's helmet and the name tag on it: the name tag's tag covered the helmet's."""
    layout = TagLayout(0, 0, 400, 400, 14)
    helmet = layout.place((200, 250, 390, 390), 50, 14)
    patch = layout.place((120, 250, 200, 290), 90, 14)  # a tag reaching over the helmet's corner
    name_tag = layout.place((200, 252, 240, 272), 70, 14)
    rects = [(x, y, x + w, y + 14) for (x, y), w in zip((helmet, patch, name_tag), (50, 90, 70))]
    assert not [(a, b) for i, a in enumerate(rects) for b in rects[i + 1:] if overlaps(a, b)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 380), st.integers(0, 100), st.integers(30, 200), st.integers(150, 190),
                          st.integers(10, 120)), min_size=1, max_size=6))
def test_tags_of_a_few_big_boxes_never_overlap_and_stay_in_the_picture(boxes):
    # Boxes tall enough that a tag pushed past five others (each push under two tag heights)
    # still lies beside its box, inside the picture.
    layout = TagLayout(0, 0, 400, 300, 12)
    placed = []
    for x, y, w, h, tag_width in boxes:
        left, top = layout.place((x, y, x + w, y + h), tag_width, 12)
        placed.append((left, top, left + tag_width, top + 12))
    for rect in placed:
        assert 0 <= rect[0] and rect[2] <= 400
    clashes = [(a, b) for i, a in enumerate(placed) for b in placed[i + 1:] if overlaps(a, b)]
    assert not clashes


def test_an_exported_picture_shows_both_tags_of_boxes_sharing_a_corner():
    red, blue = (230, 30, 30), (30, 30, 230)
    overlay = Overlay(200, 200, np.array([[20.0, 0, 180, 180], [20.0, 0, 100, 190]]),
                      ["flag", "person"], [red, blue])
    out = np.asarray(draw_overlay(Image.new("RGB", (400, 400), (128, 128, 128)), overlay,
                                  OverlayOptions(masks=False, keypoints=False, dropped=False)))
    strip = out[2:40, 45:90].reshape(-1, 3)  # where the tags are, inside the boxes at the top
    assert (strip == red).all(axis=1).sum() > 20 and (strip == blue).all(axis=1).sum() > 20


def test_the_legend_goes_to_the_corner_that_hides_least_of_the_boxes():
    from augview.analysis.tag_layout import legend_corner

    area, size = (0, 0, 400, 300), (100, 80)
    assert legend_corner(area, size, []) == (6, 214)  # bottom-left when nothing is in the way
    person = (0, 0, 400, 300)  # a box over everything counts the same in every corner
    patch = (20, 230, 60, 270)  # a small object in the bottom-left corner
    assert legend_corner(area, size, [person, patch]) == (294, 214)  # bottom-right instead
    both_bottoms = [patch, (330, 240, 380, 290)]
    assert legend_corner(area, size, [person, *both_bottoms]) == (6, 6)  # then top-left


def test_an_exported_legend_leaves_a_small_object_in_its_corner_visible():
    patch_color = (30, 200, 30)
    mask = np.zeros((200, 200, 4), np.uint8)
    overlay = Overlay(200, 200, np.array([[4.0, 160, 40, 196]]), ["patch"], [patch_color], mask=mask,
                      legend=[(name, (200, 0, 200)) for name in ("person", "face", "flag", "helmet")])
    out = np.asarray(draw_overlay(Image.new("RGB", (200, 200), (128, 128, 128)), overlay,
                                  OverlayOptions(keypoints=False, dropped=False)))
    outline = out[160:197, 4:41]  # the box's outline stays in view: not under the legend
    assert (outline == patch_color).all(axis=2).sum() > 60


def test_a_box_reaching_far_outside_the_picture_draws_with_its_tag_inside():
    # A YOLO line "0 0.5 0.5 1e17 1e17": Pillow draws with C integers and failed on it.
    overlay = Overlay(80, 64, np.array([[-4e18, -3e18, 4e18, 3e18]]), ["cat"], [(230, 30, 30)],
                      points=np.array([[1e17, 5.0], [5.0, 5.0]]), point_colors=[(0, 255, 0)] * 2,
                      edges=np.array([[1e17, 5.0, 5.0, 5.0]]), edge_colors=[(0, 0, 255)])
    out = np.asarray(draw_overlay(Image.new("RGB", (160, 128), (128, 128, 128)), overlay))
    assert ((out == (230, 30, 30)).all(axis=2)).sum() > 20  # the tag, in the picture
    layout = TagLayout(0, 0, 160, 128, 12)
    assert layout.place((-4e18, -3e18, 4e18, 3e18), 30, 12) == (0, 0)


def test_a_legend_goes_to_the_empty_margin_beside_a_picture_when_nothing_else_decides():
    from augview.analysis.tag_layout import legend_corner

    area, size = (0, 0, 400, 300), (100, 80)
    assert legend_corner(area, size, [], picture=(0, 0, 300, 300)) == (294, 214)  # the margin, bottom-right
    patch = (300, 230, 400, 300)  # unless the margin's corner hides a box
    assert legend_corner(area, size, [patch], picture=(0, 0, 300, 300)) == (294, 6)


def test_an_optional_tag_gives_way_instead_of_covering_one():
    """A dropped box's tag with no free spot covered a kept box's ("face: visibility 0.49 < 0.6"
    over "space shuttle"): optional tags are left out instead."""
    layout = TagLayout(0, 0, 100, 40, 10)
    assert layout.place((0, 0, 100, 40), 100, 20) == (0, 0)  # a kept tag across the top
    assert layout.place((0, 20, 100, 40), 100, 20) is not None  # and one below it: the picture is full
    assert layout.place((0, 0, 100, 40), 60, 20, optional=True) is None
    assert layout.place((0, 0, 100, 40), 60, 20) is not None  # a required tag still goes somewhere
