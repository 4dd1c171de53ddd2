"""Takes the README's screenshots from the real app: python tools/screenshots.py

Writes docs/screenshot.png (the main window, on the annotated sample: boxes, mask, keypoints), docs/sweep.png, docs/gallery.png, docs/mix.png,
docs/smote.png, docs/compare.png and docs/presets.png; with AUGVIEW_LANG=zh_CN set it writes
docs/screenshot_zh_CN.png instead of the main window shot. On a screen of 1280x720 or less (a
projector) it writes docs/window_720p.png (the whole screen, the window fitted to it) and
docs/presentation_720p.png instead. Run it under Xvfb at both sizes:

    xvfb-run -a -s "-screen 0 1920x1080x24" python tools/screenshots.py
    xvfb-run -a -s "-screen 0 1280x720x24" python tools/screenshots.py

(without a display it runs offscreen, on Qt's small virtual screen). Look at every file before
committing it.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display: Qt's virtual one
ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT))


def settle(app, seconds: float) -> None:
    end = time.time() + seconds
    while time.time() < end:
        app.processEvents()
        time.sleep(0.02)


def main() -> None:
    os.environ["AUGVIEW_SETTINGS"] = str(Path(tempfile.mkdtemp()) / "settings.ini")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    chinese = os.environ.get("AUGVIEW_LANG") == "zh_CN"
    if chinese:
        from augview.gui import i18n

        assert i18n.install("zh_CN"), "the Chinese catalogue did not load"
    from augview.core import paths
    from augview.gui import MainWindow

    DOCS.mkdir(exist_ok=True)
    window = MainWindow(image=paths.SAMPLE_IMAGE, preset=paths.PRESETS / "heavy_classification.json")
    screen = app.primaryScreen().availableGeometry()
    if screen.width() <= 1280 and screen.height() <= 720:
        projector_shots(app, window)
        return
    window.resize(1440, 900)
    window.show()
    settle(app, 2.0)
    window.panel.rebuild(select=(3,))  # color_jitter: range sliders in the panel
    settle(app, 1.5)
    window.grab().save(str(DOCS / ("screenshot_zh_CN.png" if chinese else "screenshot.png")))
    if not chinese:
        window.open_preset(paths.DEFAULT_PRESET, confirm=False)
        settle(app, 1.0)
        window.panel.rebuild(select=(2,))  # rotate: the sweep starts on it
        sides = window.side_windows
        for show, attribute, name in ((sides.show_sweep, "sweep", "sweep.png"),
                                      (sides.show_gallery, "gallery", "gallery.png"),
                                      (sides.show_mix, "mix", "mix.png"),
                                      (sides.show_smote, "smote", "smote.png")):
            # The sweep's point is the boxes (largest_box growing beside ellipse): the mask and
            # keypoints off there, back on for the others.
            window.targets.set_option("masks", attribute != "sweep")
            window.targets.set_option("keypoints", attribute != "sweep")
            show()
            if attribute == "sweep":
                sides.sweep.from_spin.setValue(-45)
                sides.sweep.to_spin.setValue(45)
            settle(app, 3.0)
            getattr(sides, attribute).grab().save(str(DOCS / name))
        feature_shots(app, window)
        sides.close_all()
    window.document.mark_saved(window.document.path or "")
    window.close()


def feature_shots(app, window) -> None:
    """Compare (two variants at a common size) and two presets side by side."""
    from augview.core import paths

    sides = window.side_windows
    window.count_spin.setValue(3)
    settle(app, 2.0)
    sides.show_compare()
    sides.compare.resize(1100, 760)
    sides.compare.pick(0, 2)
    sides.compare.set_mode("wipe")
    sides.compare.wipe.set_position(0.45)
    settle(app, 2.0)
    sides.compare.grab().save(str(DOCS / "compare.png"))
    sides.show_presets()
    sides.presets.resize(1400, 820)
    sides.presets.choose(sides.presets.b_box, str(paths.PRESETS / "heavy_classification.json"))
    settle(app, 4.0)
    sides.presets.grab().save(str(DOCS / "presets.png"))


def screen_shot(app, widget):
    """The whole screen on a real display (Xvfb), else the widget itself."""
    if app.platformName() == "xcb":
        return app.primaryScreen().grabWindow(0)
    return widget.grab()


def projector_shots(app, window) -> None:
    """The window as it opens on a 1280x720 projector, and a presentation slide there."""
    window.show()
    settle(app, 2.0)
    window.panel.rebuild(select=(0,))
    settle(app, 2.0)
    screen_shot(app, window).save(str(DOCS / "window_720p.png"))
    sides = window.side_windows
    sides.show_presentation(full_screen=True)
    # Xvfb has no window manager to carry out "full screen": give the slide the screen by hand.
    sides.presentation.setGeometry(app.primaryScreen().geometry())
    settle(app, 4.0)
    screen_shot(app, sides.presentation).save(str(DOCS / "presentation_720p.png"))
    sides.close_all()
    window.document.mark_saved(window.document.path or "")
    window.close()


if __name__ == "__main__":
    main()
