"""Windows fit a projector's 1280x720 screen (issue 15, defect 6): the main window and every side
window open no larger than the screen's available area, and their layouts can shrink that far
(16 cells and the folder strip included).

The screen is faked: `augview.gui.screen.available_geometry` answers 1280x720 whatever the
platform offers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize

from augview.gui import screen

from .conftest import wait_render

PROJECTOR = QRect(0, 0, 1280, 720)


@pytest.fixture
def projector(monkeypatch):
    monkeypatch.setattr(screen, "available_geometry", lambda widget=None: PROJECTOR)
    return PROJECTOR


def fits(size: QSize, area: QRect = PROJECTOR) -> bool:
    return size.width() <= area.width() - screen.FRAME_WIDTH and size.height() <= area.height() - screen.FRAME_HEIGHT


def test_fitted_size_keeps_a_size_that_fits_and_shrinks_one_that_does_not():
    big = QRect(0, 0, 1920, 1080)
    assert screen.fitted_size(1360, 860, big) == QSize(1360, 860)
    assert screen.fitted_size(1360, 860, PROJECTOR) == QSize(1280 - screen.FRAME_WIDTH, 720 - screen.FRAME_HEIGHT)
    # Never below what the layout needs (it could not be honoured anyway).
    assert screen.fitted_size(1360, 860, PROJECTOR, QSize(1300, 100)).width() == 1300


def test_the_main_window_fits_a_1280x720_screen(qtbot, projector, make_window, image_file, preset_file):
    window = make_window(image=image_file, preset=preset_file)
    assert fits(window.size()), window.size()
    assert window.frameGeometry().left() >= 0 and window.geometry().top() >= 0
    # The largest grid and the folder strip still leave a layout that fits.
    window.count_spin.setValue(15)
    wait_render(qtbot, window)
    window.strip_dock.show()
    assert len(window.preview.cells) == 16
    assert fits(window.minimumSizeHint()), window.minimumSizeHint()
    assert fits(window.size()), window.size()


@pytest.mark.parametrize("show, attribute", [
    ("show_mix", "mix"), ("show_smote", "smote"), ("show_sweep", "sweep"), ("show_gallery", "gallery"),
    ("show_tta", "tta"), ("show_compare", "compare"), ("show_apply", "apply"), ("show_presets", "presets"),
])
def test_every_side_window_fits_a_1280x720_screen(qtbot, projector, window, show, attribute):
    getattr(window.side_windows, show)()
    side = getattr(window.side_windows, attribute)
    assert side is not None and side.isVisible()
    assert fits(side.size()), side.size()
    assert fits(side.minimumSizeHint()), side.minimumSizeHint()
    side.close()


def test_a_large_screen_keeps_the_preferred_sizes(qtbot, monkeypatch, make_window, image_file):
    monkeypatch.setattr(screen, "available_geometry", lambda widget=None: QRect(0, 0, 2560, 1440))
    window = make_window(image=image_file)
    assert window.size() == QSize(1360, 860)
    window.side_windows.show_gallery()
    assert window.side_windows.gallery.size() == QSize(1400, 900)
    window.side_windows.close_all()
