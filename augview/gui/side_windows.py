"""The teaching and exploring windows opened from the Tools menu. Each is made on first use and
then reused, fed with the main window's current image (its display proxy) and selection."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from augview.gui.screen import fit_to_screen
from augview.pipeline.nodes import Step


class SideWindows:
    def __init__(self, main):
        self.main = main
        self.mix = self.smote = self.sweep = self.gallery = self.compare = self.presentation = None
        self.apply = self.tta = self.presets = None

    @staticmethod
    def _present(window):
        window.show()
        window.raise_()

    def show_mix(self):
        from augview.gui.tools.mix_view import MixView

        # The display proxy, already made off the GUI thread: a 24 MP photo is not shrunk here.
        if self.mix is None:
            self.mix = MixView(self.main.proxy)
            fit_to_screen(self.mix, 1200, 760)
        elif self.main.proxy is not None:
            self.mix.set_image_a(self.main.proxy)
        self._present(self.mix)

    def show_smote(self):
        from augview.gui.tools.smote_view import SmoteView

        if self.smote is None:
            self.smote = SmoteView()
            fit_to_screen(self.smote, 900, 520)
        self._present(self.smote)

    def selected_step(self):
        """(op name, params) of the selected step, or rotate at its defaults."""
        path = self.main.panel.selected_path()
        node = self.main.document.node(path) if path is not None else None
        return (node.op, dict(node.params)) if isinstance(node, Step) else ("rotate", None)

    def show_sweep(self):
        from augview.gui.tools.sweep_view import SweepView

        op, params = self.selected_step()
        main = self.main
        targets, settings = main.targets.loaded.proxy, main.document.pipeline.targets
        if self.sweep is None:
            self.sweep = SweepView(main.proxy, op, params, targets=targets, settings=settings,
                                   overlay_state=main.targets.state)
            fit_to_screen(self.sweep, 1400, 820)
        else:
            self.sweep.set_source(main.proxy, op, params, targets, settings)
        self._present(self.sweep)

    def show_gallery(self):
        from augview.gui.tools.gallery_view import GalleryView

        main = self.main
        targets, settings = main.targets.loaded.proxy, main.document.pipeline.targets
        if self.gallery is None:
            self.gallery = GalleryView(main.proxy, targets=targets, settings=settings, overlay_state=main.targets.state)
            self.gallery.op_chosen.connect(self.add_op)
            fit_to_screen(self.gallery, 1400, 900)
        elif main.proxy is not None:
            self.gallery.set_image(main.proxy, targets, settings)
        self._present(self.gallery)

    def add_op(self, name: str):
        """An op chosen in a side window (a gallery tile double-clicked) joins the pipeline."""
        self.main.panel.add_op(name)
        self.main.statusBar().showMessage(QCoreApplication.translate("MainWindow", "added {op}").format(op=name), 4000)

    def show_tta(self):
        from augview.gui.tools.tta_view import TtaView

        # The full photo: crop sizes are network input sizes, in the photo's own pixels.
        if self.tta is None:
            self.tta = TtaView(self.main.image)
            fit_to_screen(self.tta, 1300, 760)
        else:
            self.tta.set_image(self.main.image)
        self._present(self.tta)

    def show_compare(self):
        from augview.gui.tools.compare_view import CompareView

        output = self.main.last_output
        if output is None or not output.results:
            return
        if self.compare is None:
            first = output.results[0]
            self.compare = CompareView(output.original_array, first.image, first.summary)
            fit_to_screen(self.compare, 1000, 800)
        self.compare.show_rendered(output)  # any two of the window's cells can be picked
        self._present(self.compare)

    def show_presets(self):
        """Two presets side by side: the window's pipeline (A) and another preset (B)."""
        from augview.gui.tools.preset_compare import PresetCompareView

        main = self.main
        if main.proxy is None:
            return
        if self.presets is None:
            self.presets = PresetCompareView(main.proxy, main.document.snapshot(), main.seed_spin.value(),
                                             main.variant_count(), shown=main.targets.job_targets())
            fit_to_screen(self.presets, 1400, 820)
        else:
            self.presets.set_source(main.proxy, main.document.snapshot(), main.seed_spin.value(),
                                    main.targets.job_targets())
        self._present(self.presets)

    def compare_gain(self) -> int | None:
        """The gain of the open Compare window, for the render worker; None while it is closed
        (then nothing is compared)."""
        return self.compare.wanted_gain() if self.compare is not None else None

    def follow_render(self, output):
        """An open Compare window keeps showing the cells it compares of what the main window
        shows (after a reroll or an edit)."""
        if self.compare is not None and self.compare.isVisible() and output.results:
            self.compare.show_rendered(output)
        if self.presets is not None and self.presets.isVisible():  # row A is the window's pipeline
            self.presets.set_source(self.main.proxy, self.main.document.snapshot(), self.main.seed_spin.value(),
                                    self.main.targets.job_targets())

    def show_presentation(self, full_screen: bool = True):
        from augview.gui.tools.presentation import PresentationView

        if self.main.proxy is None:
            return
        if self.presentation is not None:
            self.presentation.close()
        main = self.main
        self.presentation = PresentationView(main.document.snapshot(), main.proxy, main.variant_count(),
                                             main.seed_spin.value(), targets=main.targets.loaded.proxy,
                                             original=main.targets.original, overlay_state=main.targets.state)
        fit_to_screen(self.presentation, 1280, 800)
        if full_screen:
            self.presentation.showFullScreen()
        else:
            self.presentation.show()
        self.presentation.activateWindow()
        self.presentation.setFocus()

    def show_apply(self):
        from augview.gui.tools.apply_dialog import ApplyDialog

        seed = self.main.seed_spin.value()
        if self.apply is None:
            # The folder of the photo on screen is the likeliest input (a dataset's sample).
            image = self.main.image_path
            folder = str(Path(image).parent) if image else str(self.main.settings.value("last_dir", ""))
            # The pipeline is taken when Start is pressed: edits made meanwhile count.
            self.apply = ApplyDialog(self.main.document.snapshot, seed, folder)
        elif not self.apply.running():
            self.apply.seed.setValue(seed)  # the seed the previews show now, as saving would store
        self._present(self.apply)  # one dialog, one run at a time

    def confirm_stop_runs(self) -> bool:
        """True when nothing runs in the background that closing would stop, or the person says
        to stop it (a folder run of thousands of images is not cancelled without a word)."""
        if self.apply is None or not self.apply.running():
            return True
        answer = QMessageBox.question(
            self.main, QCoreApplication.translate("MainWindow", "A folder run is in progress"),
            QCoreApplication.translate("MainWindow", "Apply to folder is still running. Stop it (the images in "
                                                     "progress are finished, the rest can be resumed later) and "
                                                     "close augview?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        # Stop it and wait here: its thread would die with the process, before the run writes
        # its sorted manifest (and an annotated run its COCO files).
        self.apply.cancel()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.apply.thread.join(timeout=120)
        finally:
            QApplication.restoreOverrideCursor()
        return True

    def close_all(self):
        for window in (self.mix, self.smote, self.sweep, self.gallery, self.compare, self.presentation,
                       self.apply, self.tta, self.presets):
            if window is not None:
                window.close()
