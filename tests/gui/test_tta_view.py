"""Tools > Test-time crops: the views of the window's photo, drawn and cut, and their code."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from augview import tta
from augview.gui.tools.tta_view import TtaView

from .conftest import RENDER_TIMEOUT
from .test_side_windows import tools_actions


def settled(qtbot, view):
    """The view once every request made so far has been answered (the newest one is shown)."""
    qtbot.waitUntil(lambda: view.tasks._outstanding == 0 and view.computed > 0, timeout=RENDER_TIMEOUT)
    return view


def test_the_tools_menu_opens_it_on_the_full_photo(qtbot, window):
    action = next(a for text, a in tools_actions(window).items() if text.startswith("Test-time crops"))
    action.trigger()
    view = window.side_windows.tta
    assert view is not None and view.isVisible()
    assert view.source is window.image  # the photo itself, not the display proxy
    action.trigger()
    assert window.side_windows.tta is view  # reused
    window.side_windows.close_all()
    assert not view.isVisible()


def test_views_follow_the_controls(qtbot, astronaut):
    view = TtaView(astronaut)
    qtbot.addWidget(view)
    settled(qtbot, view)
    # default: shorter side 256 first, then ten 224 crops
    assert len(view.views) == 10 and view.input_image().shape == (256, 256, 3)
    assert view.boxes.image is not None and view.grid.image is not None
    assert "10 views of 224x224 pixels from a 256x256 image" in view.status.text()
    view.mode.setCurrentIndex(view.mode.findData("five_crop"))
    settled(qtbot, view)
    assert [v.name for v in view.views] == list(tta.POSITIONS)
    view.shorter_side.setValue(0)  # the photo as it is: 512x512
    settled(qtbot, view)
    view.crop_w.setValue(300)
    settled(qtbot, view)
    corner = view.views[1]
    assert (corner.x, corner.y, corner.width, corner.height) == (212, 0, 300, 224)
    view.mode.setCurrentIndex(view.mode.findData("flips"))
    settled(qtbot, view)
    view.vertical.setChecked(True)
    settled(qtbot, view)
    assert [v.name for v in view.views] == ["center", "center_mirrored"] and view.views[1].vertical
    # a crop larger than the photo: said in one sentence, nothing drawn in the grid
    view.crop_h.setValue(600)
    settled(qtbot, view)
    assert view.views == [] and view.grid.image is None
    assert view.status.text() == "a 600x300 crop does not fit in the 512x512 image; choose a size at most 512x512"


def test_copy_puts_the_torchvision_code_on_the_clipboard(qtbot, astronaut):
    view = TtaView(astronaut)
    qtbot.addWidget(view)
    settled(qtbot, view)
    view.copy_code()
    code = QGuiApplication.clipboard().text()
    assert code == tta.torchvision_code((224, 224), "ten_crop", False, resize=256)
    assert "v2.Resize(size=256, antialias=True), v2.TenCrop(size=(224, 224))" in code
    compile(code, "tta.py", "exec")


def test_each_view_is_framed_in_its_box_colour_with_readable_captions(qtbot, astronaut):
    view = TtaView(astronaut)
    qtbot.addWidget(view)
    settled(qtbot, view)
    sheet = view.grid.image
    # The first tile (top left) sits at the sheet's padding: its frame has the top-left colour.
    colour = sheet.pixelColor(6, 10)
    assert (colour.red(), colour.green(), colour.blue()) == tta.COLOURS["top_left"]
    # Captions of 18 px: a sheet of two rows is much taller than the tiles alone.
    assert sheet.height() > 2 * (224 + 3 * int(18 * 1.3))


def test_a_resize_to_too_many_pixels_is_one_sentence_not_a_crash(qtbot):
    import numpy as np

    strip = np.full((2, 5000, 3), 128, np.uint8)  # at a shorter side of 256: 256 x 640,000 pixels
    view = TtaView(strip)
    qtbot.addWidget(view)
    settled(qtbot, view)
    assert view.views == [] and view.grid.image is None
    assert "over 100 million pixels" in view.status.text() and "2x5000" in view.status.text()
    view.shorter_side.setValue(0)  # the strip as it is: no views fit, said in a sentence
    settled(qtbot, view)
    assert "does not fit" in view.status.text()


def test_the_views_are_made_on_a_worker_and_the_newest_request_wins(qtbot, astronaut, monkeypatch):
    import threading

    from augview.gui.tools import tta_view

    release, real = threading.Event(), tta_view.compute_views
    threads = []

    def slow(*args):
        threads.append(threading.current_thread())
        release.wait(20)
        return real(*args)

    monkeypatch.setattr(tta_view, "compute_views", slow)
    view = TtaView(astronaut)  # returns at once: the photo is resized and cut elsewhere
    qtbot.addWidget(view)
    assert view.status.text() == "computing…" and view.views == []
    view.mode.setCurrentIndex(view.mode.findData("center"))  # asked again before the first answer
    release.set()
    settled(qtbot, view)
    assert threading.main_thread() not in threads
    assert [v.name for v in view.views] == ["center"] and view.computed == 1  # only the newest was shown


def test_the_panes_around_the_pictures_are_the_previews_grey_not_white(qtbot, astronaut):
    from PySide6.QtGui import QPalette

    view = TtaView(astronaut)
    qtbot.addWidget(view)
    view.resize(1300, 760)
    view.show()
    settled(qtbot, view)
    corner = view.grid.grab().toImage().pixelColor(2, 2)
    assert corner.rgb() == view.grid.palette().color(QPalette.ColorRole.Base).darker(115).rgb()
    assert corner.lightness() < 250


def test_the_window_fits_a_small_screen(qtbot, astronaut):
    """The longest mode's name made the window at least 1095 px wide: wider than a 1024 px screen."""
    view = TtaView(astronaut)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    assert view.minimumSizeHint().width() <= 900 and view.width() == 900
    assert view.mode.itemText(0).startswith("Ten crops: four corners, centre, and their mirrors")  # whole in the list
