"""Takes the README's screenshots from the real app, offscreen: python tools/screenshots.py

Writes docs/screenshot.png (the main window, on the annotated sample: boxes, mask, keypoints),
docs/sweep.png, docs/gallery.png, docs/mix.png and docs/smote.png; with AUGVIEW_LANG=zh_CN set it
writes docs/screenshot_zh_CN.png instead of the main window shot. Look at every file before
committing it.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
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
        sides.close_all()
    window.document.mark_saved(window.document.path or "")
    window.close()


if __name__ == "__main__":
    main()
