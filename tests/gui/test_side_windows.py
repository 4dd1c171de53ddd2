"""The Tools menu opens each teaching window on the window's current image and selection."""

from __future__ import annotations

from PySide6.QtGui import QAction


def tools_actions(window) -> dict[str, QAction]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Tools")
    return {a.text().replace("&", ""): a for a in menu.actions() if a.text()}


def test_every_tools_entry_opens_its_window(qtbot, window):
    window.panel.rebuild(select=(0,))  # the rotate step
    actions = tools_actions(window)
    opened = {}
    for label, attribute in (("Mix images", "mix"), ("SMOTE explorer", "smote"),
                             ("Parameter sweep", "sweep"), ("Op gallery", "gallery"),
                             ("Compare two cells", "compare")):
        action = next(a for text, a in actions.items() if text.startswith(label))
        action.trigger()
        opened[attribute] = getattr(window.side_windows, attribute)
        assert opened[attribute] is not None and opened[attribute].isVisible(), label
    # The sweep starts on the selected step; the compare view on the current first variant.
    assert window.side_windows.selected_step()[0] == "rotate"
    # Opening again reuses the same window.
    actions[next(t for t in actions if t.startswith("Op gallery"))].trigger()
    assert window.side_windows.gallery is opened["gallery"]
    window.side_windows.close_all()
    assert not any(w.isVisible() for w in opened.values())


def test_an_open_compare_window_follows_a_reroll(qtbot, window):
    from .conftest import wait_render

    window.side_windows.show_compare()
    compare = window.side_windows.compare
    first = window.last_output.results[0]
    assert compare.augmented is first.image
    window.seed_spin.setValue(window.seed_spin.value() + 1)  # what Reroll does
    out = wait_render(qtbot, window)
    assert compare.augmented is out.results[0].image and out.results[0].summary in compare.title_label.text()
    compare.close()
    window.seed_spin.setValue(window.seed_spin.value() + 1)
    later = wait_render(qtbot, window)
    assert compare.augmented is not later.results[0].image  # a closed window is left alone


def test_an_open_compare_window_gets_its_numbers_from_the_render_worker(qtbot, window):
    from .conftest import RENDER_TIMEOUT, wait_render

    assert window.last_output.comparison is None  # Compare closed: the worker compares nothing
    window.side_windows.show_compare()
    compare = window.side_windows.compare
    qtbot.waitUntil(lambda: compare.difference is not None and compare.histograms is not None,
                    timeout=RENDER_TIMEOUT)  # opened on a render without numbers: its own tasks
    compare.gain.setValue(7)
    window.seed_spin.setValue(window.seed_spin.value() + 1)
    out = wait_render(qtbot, window)
    assert out.comparison is not None and out.comparison.difference.gain == 7
    # Shown as the worker made them: no recomputation, no second QImage of the same pixels.
    assert compare.difference is out.comparison.difference and compare.histograms is out.comparison.histograms
    assert compare.wipe.original is out.original and compare.wipe.augmented is out.images[0]
    compare.close()
    window.seed_spin.setValue(window.seed_spin.value() + 1)
    assert wait_render(qtbot, window).comparison is None


def test_compare_picks_any_two_cells_of_the_window(qtbot, window):
    """Issue 15: Compare only paired the original with variant #1."""
    from .conftest import RENDER_TIMEOUT, wait_render

    window.count_spin.setValue(3)
    out = wait_render(qtbot, window)
    window.side_windows.show_compare()
    compare = window.side_windows.compare
    assert compare.a_box.count() == compare.b_box.count() == 4  # the original and three variants
    assert (compare.a_box.currentIndex(), compare.b_box.currentIndex()) == (0, 1)
    compare.pick(2, 3)  # variant #2 against variant #3
    assert compare.original is out.results[1].image and compare.augmented is out.results[2].image
    assert out.results[2].summary in compare.title_label.text()
    compare.set_mode("difference")
    qtbot.waitUntil(lambda: compare.difference is not None, timeout=RENDER_TIMEOUT)
    # Not the worker's numbers (those are for the original and #1): computed for this pair.
    import numpy as np
    from augview.analysis.compare import difference

    expected = difference(out.results[1].image, out.results[2].image, compare.gain.value())
    assert np.array_equal(compare.difference.image, expected.image)
    window.seed_spin.setValue(window.seed_spin.value() + 1)  # a reroll keeps the pair
    later = wait_render(qtbot, window)
    assert (compare.a_box.currentIndex(), compare.b_box.currentIndex()) == (2, 3)
    assert compare.augmented is later.results[2].image
    compare.close()


def test_compare_choices_are_short_names_in_every_language(qtbot, window):
    """In Chinese the variant label's colon is the full-width '：', which the choices were cut at
    ':' for: the B box held the whole caption, squashed the gain slider and hid the title."""
    from augview.gui import i18n

    from .conftest import wait_render

    out = wait_render(qtbot, window)
    assert i18n.install("zh_CN")
    try:
        window.side_windows.show_compare()
        compare = window.side_windows.compare
        compare.show_rendered(out)
        seed = out.results[0].seed
        assert compare.b_box.itemText(1) == f"#1 种子 {seed}"
        assert out.results[0].summary not in compare.b_box.itemText(1)
        assert compare.wipe.labels == ("A: 原图", f"B: #1 种子 {seed}")
        assert out.results[0].summary in compare.title_label.text()  # the long label is the title's
        compare.close()
    finally:
        i18n.install("en")
