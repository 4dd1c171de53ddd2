"""The explorer window: layout, menus and the flow between document, worker and previews.

Pixels never get computed here: images are decoded and proxied by `BackgroundTasks`, previews are
rendered by `RenderWorker`, and only the newest render is painted.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel, QMainWindow, QMessageBox

from augview.core import paths
from augview.core.imageio import IMAGE_SUFFIXES
from augview.analysis.grid import export_grid
from augview.gui.widgets.captions import original_caption
from augview.gui.document import Document
from augview.gui.latest import LatestRequest, LatestUsable
from augview.gui.screen import fit_to_screen
from augview.gui.session import SUFFIX as SESSION_SUFFIX, SessionFiles
from augview.gui.widgets.step_timing import StepTimer
from augview.gui.annotated import AnnotationSource, is_annotation_file, load_annotated
from augview.gui.app import open_settings
from augview.gui import window_layout
from augview.gui.menus import build_menus, show_about
from augview.gui.preset_files import PresetFiles, PresetLoad
from augview.gui.recent import RecentFiles
from augview.gui.render_worker import REROLL_MAX, BackgroundTasks, RenderJob, RenderWorker, load_with_proxy
from augview.gui.side_windows import SideWindows
from augview.gui.window_targets import WindowTargets


class ImageLoad(NamedTuple):
    path: str
    remember: bool  # in the recent files, once it opened
    ticket: int
    from_strip: bool  # stepping through a folder
    source: AnnotationSource  # where its annotations are


class GridExport(NamedTuple):
    path: str


FULL_RESOLUTION_DELAY_MS = 400  # quiet time after the last edit before the full-size render


class MainWindow(QMainWindow):
    def __init__(self, image: str | Path | None = None, preset: str | Path | None = None,
                 settings: QSettings | None = None, annotations: str | Path | None = None):
        super().__init__()
        # The same settings `augview` opens (AUGVIEW_SETTINGS honoured): a window made by a script
        # or a tool must not change the user's own.
        self.settings = settings if settings is not None else open_settings()
        self.recent = RecentFiles(self.settings)
        self.document = Document()
        self.image_path: str | None = None
        self.image: np.ndarray | None = None
        self.proxy: np.ndarray | None = None
        self.last_output = None
        self._shown_targets_problem = ""  # the AugMix warning last put in the status bar
        self.drop_note = ""  # said with "opened ..." once the photo of a drop of several files is open
        self.image_requests = LatestUsable()  # a bad file opened during a good load leaves the good one
        self.preset_requests = LatestRequest()
        self.side_windows = SideWindows(self)
        self.targets = WindowTargets(self)  # annotations, overlay toggles, data sets
        self.renders = LatestRequest()
        self._job: RenderJob | None = None  # the newest request, for its full-resolution follow-up
        # A photo previewed on a proxy is rendered again at full resolution once edits pause, so
        # what stays on screen is what training makes (pixel sizes, crop positions, traces).
        self._full_timer = QTimer(self)
        self._full_timer.setSingleShot(True)
        self._full_timer.setInterval(FULL_RESOLUTION_DELAY_MS)
        self._full_timer.timeout.connect(self._render_full_resolution)
        self.worker = RenderWorker()
        # Its own thread, so a slow full-size render never delays the preview of the next edit.
        self.full_worker = RenderWorker()
        for worker in (self.worker, self.full_worker):
            worker.finished.connect(self._on_rendered)
        self.worker.failed.connect(self._on_render_failed)
        self.full_worker.failed.connect(lambda job_id, message: self._on_render_failed(job_id, message, True))
        self.tasks = BackgroundTasks()
        self.tasks.done.connect(self._on_task_done)
        self.tasks.error.connect(self._on_task_error)

        self._build_widgets()
        self.menus = build_menus(self)  # .actions["undo"], .submenus["recent"]...
        self.panel.may_count = self._previews_idle
        self.presets = PresetFiles(self)  # File > New / Open / Save preset
        self.sessions = SessionFiles(self)  # File > Save session… / Open session…
        self.step_timer = StepTimer(self)  # the step list's time column
        self.step_timer.measured.connect(self.panel.set_timings)
        self._update_undo_actions()
        self.document.changed.connect(self._on_document_changed)
        self.document.dirty_changed.connect(lambda *_: self._update_title())
        self.setAcceptDrops(True)
        fit_to_screen(self, 1360, 860)  # a projector's 1280x720 too (saved geometry wins)
        self._restore_settings()

        # Problems with the files named on the command line are shown once the window is up
        # (the event loop runs after show()), so the dialog sits over the window it is about.
        self._startup_errors: list[str] | None = []
        self.open_preset(preset or paths.DEFAULT_PRESET, confirm=False, remember=preset is not None)
        # A preset that failed to open leaves the empty document, whose name the field must show
        # (else leaving the field would "rename" it and ask to save work nobody did).
        self.name_edit.setText(self.document.pipeline.name)
        if image is not None and str(image).endswith(SESSION_SUFFIX):
            self.sessions.open(str(image), confirm=False)  # `augview work.augview`
        else:
            self.open_image(image or paths.SAMPLE_IMAGE, remember=image is not None,
                            source=AnnotationSource(file=str(annotations) if annotations else None))
        # The step list starts with the keyboard, so Space rerolls and nothing types into the
        # preset name until someone clicks it (or tabs to it).
        self.panel.tree.setFocus()
        QTimer.singleShot(0, self._show_startup_errors)

    def _picture_aspect(self) -> float:
        """The open photo's width / height (1 before one is open)."""
        return self.image.shape[1] / self.image.shape[0] if self.image is not None else 1.0

    def _build_widgets(self):
        """The widgets window_layout makes, kept and connected here."""
        left = window_layout.pipeline_widgets(self.document, self)
        self.name_edit, self.panel, self.form = left.name_edit, left.panel, left.form
        self.target_form = left.target_form
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, left.dock)
        right = window_layout.preview_widgets(self.targets.state)
        self.preview, self.mode_box, self.count_spin = right.preview, right.mode_box, right.count_spin
        self.seed_spin, self.lock_box, self.reroll_button = right.seed_spin, right.lock_box, right.reroll_button
        self.zoom_label = right.zoom_label
        self.preview.fit_to(self._picture_aspect)  # the grid that shows the photo's shape largest
        self.legend_bar = right.legend
        self.targets.connect_toggles(right.toggles, right.legend)
        self.setCentralWidget(right.central)
        bottom = window_layout.folder_widgets(self)
        self.strip, self.strip_dock, self.folder_summary = bottom.strip, bottom.dock, bottom.summary
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.strip_dock)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self.name_edit.editingFinished.connect(self._on_name_edited)
        self.name_edit.returnPressed.connect(self.panel.tree.setFocus)  # named: back to the steps
        self.panel.refused.connect(lambda message: self.statusBar().showMessage(message, 10000))
        for changed in (self.mode_box.currentIndexChanged, self.count_spin.valueChanged, self.seed_spin.valueChanged):
            changed.connect(lambda *_: self.request_render())
        self.reroll_button.clicked.connect(self.reroll)
        self.preview.view.changed.connect(self._update_zoom_label)
        # A pane's scale also changes when it is resized (another grid, side by side, the window).
        self.preview.painted.connect(self._update_zoom_label)
        self.strip.chosen.connect(lambda path: self.open_image(path, remember=False, from_strip=True,
                                                               source=self.strip.source(path)))

    def _show_startup_errors(self):
        errors, self._startup_errors = self._startup_errors or [], None
        for message in errors:
            self.show_error(message)

    # ---- rendering ----

    def request_render(self):
        if self.proxy is None:
            return
        count = self.variant_count()
        self._job = RenderJob(self.renders.new(), self.document.snapshot(), self.proxy, count, self.seed_spin.value(),
                              compare_gain=self.side_windows.compare_gain(), targets=self.targets.job_targets())
        self._full_timer.stop()
        self.step_timer.cancel()  # timed again once this render has settled
        self.full_worker.cancel()  # its photo or steps are out of date now
        self.worker.submit(self._job)

    def _previews_idle(self) -> bool:
        """No preview is being rendered or waits to be (the distinct count of a long pipeline
        waits for that: the two would compete with the GUI thread for Python's lock)."""
        return self.worker.idle and self.full_worker.idle

    def variant_count(self) -> int:
        """The variants on screen: one side by side, the count box in a grid."""
        return 1 if self.mode_box.currentData() == "side" else self.count_spin.value()

    def _render_full_resolution(self):
        job = self._job
        if job is None or not self.renders.is_latest(job.job_id) or self.proxy is self.image or job.image is not self.proxy:
            return
        self.full_worker.submit(RenderJob(job.job_id, job.pipeline, self.image, job.count, job.seed,
                                          display=self.proxy, compare_gain=self.side_windows.compare_gain(),
                                          targets=self.targets.job_targets(full_resolution=True)))

    def _on_rendered(self, output):
        if not self.renders.is_latest(output.job_id):
            return  # stale: a newer request is on its way
        self.last_output = output
        if self.image is not None and not output.full_resolution and self.proxy is not self.image:
            self._full_timer.start()
        elif self.image is not None and self._job is not None:
            # What is on screen is final: time each step on the full photo, in the background.
            self.step_timer.schedule(self._job.pipeline, self.image, self._job.seed)
        original = original_caption(self.image, self.proxy, output.full_resolution, self.document.pipeline.steps)
        captions = [original] + [self.targets.caption(i + 1, r, output) for i, r in enumerate(output.results)]
        tooltips = [self.image_path or ""] + [self.targets.tooltip(i, r, output) for i, r in enumerate(output.results)]
        overlays = output.cell_overlays or [None] * len(output.results)
        self.preview.show_images([output.original] + output.images, captions, tooltips,
                                 [self.targets.original] + overlays)
        self.side_windows.follow_render(output)
        status = (self.tr("rendered {count} at full resolution in {ms} ms") if output.full_resolution
                  else self.tr("rendered {count} in {ms} ms"))
        self.status_label.setText(status.format(count=len(output.results), ms=f"{output.seconds * 1000:.0f}"))
        if output.targets_problem:
            self.statusBar().showMessage(output.targets_problem, 10000)
        elif self._shown_targets_problem and self.statusBar().currentMessage() == self._shown_targets_problem:
            self.statusBar().clearMessage()  # fixed (AugMix removed): the warning no longer holds
        self._shown_targets_problem = output.targets_problem

    def _on_render_failed(self, job_id: int, message: str, full_resolution: bool = False):
        if not self.renders.is_latest(job_id):
            return
        self.statusBar().showMessage(message, 8000)
        if full_resolution and self.preview.cells:
            # The proxy's variants stay; the caption must no longer promise the full-size ones.
            cell = self.preview.cells[0]
            original = self.tr("original") + f" — {self.image.shape[1]}×{self.image.shape[0]} " + \
                self.tr("(preview at {width}×{height}; the full-size render failed)").format(
                    width=self.proxy.shape[1], height=self.proxy.shape[0])
            cell.set_content(cell.pane.image, original, self.image_path or "", cell.pane.overlay)

    def space_pressed(self):
        """Space rerolls, except on a focused button or check box, which it presses as usual."""
        focused = QApplication.focusWidget()
        if isinstance(focused, QAbstractButton):
            focused.animateClick()
        else:
            self.reroll()

    def reroll(self):
        self.seed_spin.setValue(random.SystemRandom().randrange(REROLL_MAX))

    def zoom_by(self, factor: float):
        """Every pane ``factor`` times larger (zoom is relative to each pane's fit)."""
        view = self.preview.view
        view.set_zoom((1.0 if view.fit else view.zoom) * factor)

    def show_about(self):
        show_about(self)

    def zoom_actual_size(self):
        """The original at 100 % (one image pixel per screen pixel); the variants grow as much."""
        cells = self.preview.cells
        self.preview.view.set_zoom(1.0 / cells[0].pane.fit_scale() if cells else 1.0)

    def _update_zoom_label(self):
        """The original's scale, as a percentage of its pixels."""
        view, cells = self.preview.view, self.preview.cells
        text = self.tr("fit") if view.fit or not cells else f"{cells[0].pane.scale() * 100:.0f}%"
        if text != self.zoom_label.text():  # (called at every paint)
            self.zoom_label.setText(text)

    # ---- document ----

    def _on_document_changed(self, kind: str):
        self._update_undo_actions()
        self._update_title()
        if self.name_edit.text() != self.document.pipeline.name:
            self.name_edit.setText(self.document.pipeline.name)
        if kind == "header":
            return  # a new name draws nothing new: keep the variants (and a full-size render)
        if kind == "replaced":
            self.request_render()  # with the seed the preset brought (set before the replace)
            return
        if not self.lock_box.isChecked():
            self.reroll()  # the seed change triggers the render
        else:
            self.request_render()

    def _update_undo_actions(self):
        self.menus.actions["undo"].setEnabled(self.document.can_undo())
        self.menus.actions["redo"].setEnabled(self.document.can_redo())

    def _update_title(self):
        name = self.document.pipeline.name or self.tr("untitled")
        image = Path(self.image_path).name if self.image_path else self.tr("no image")
        self.setWindowTitle(f"{name}[*] — {image} — augview")
        self.setWindowModified(self.document.dirty)

    def _on_name_edited(self):
        if self.name_edit.text() != self.document.pipeline.name:
            self.document.set_header(name=self.name_edit.text())

    # ---- presets ----

    def commit_pending_edits(self):
        """Text typed in a field counts once the field is left: leave it now, so Save and the
        unsaved-changes prompt see what is on screen."""
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()
        self._on_name_edited()

    # File > New / Open / Save (augview.gui.preset_files), as the window's own actions.

    def confirm_discard(self) -> bool:
        return self.presets.confirm_discard()

    def new_preset(self):
        self.presets.new()

    def open_preset_dialog(self):
        self.presets.open_dialog()

    def open_preset(self, path, confirm: bool = True, remember: bool = True) -> bool:
        return self.presets.open(path, confirm, remember)

    def save(self) -> bool:
        return self.presets.save()

    def save_as(self) -> bool:
        return self.presets.save_as()

    # ---- images ----

    def open_image_dialog(self):
        start = self.settings.value("last_dir", str(paths.ASSETS))
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open image"), start,
            self.tr("Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp *.gif);;All files (*)"))
        if path:
            self.open_image(path)

    def open_folder_dialog(self):
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open folder"), self.settings.value("last_dir", ""))
        if folder:
            self.open_folder(folder)

    def open_folder(self, folder):
        """The folder's images (recursively, with their annotations: a YOLO, COCO or VOC data set)
        in the folder strip, listed in the background."""
        self.targets.open_folder(str(folder))

    def open_image(self, path, remember: bool = True, from_strip: bool = False,
                   source: AnnotationSource | None = None):
        """Decode in the background; the current image stays until the new one is ready. Its
        annotations come from ``source`` (default: found beside it)."""
        path = str(path)
        self.drop_note = ""  # a note of an earlier drop belongs to that drop's photo only
        if not from_strip:
            self.strip_dock.hide()
            self.strip.set_folder([])  # PgUp/PgDn step through a folder only while it is shown
        self.statusBar().showMessage(self.tr("loading {name}…").format(name=Path(path).name))
        source = source or AnnotationSource()
        self.tasks.run(ImageLoad(path, remember, self.image_requests.new(), from_strip, source), load_annotated,
                       load_with_proxy, path, source)

    def _on_task_done(self, request, result):
        if isinstance(request, PresetLoad):
            if self.preset_requests.is_latest(request.ticket):  # else another preset was asked for
                self.statusBar().clearMessage()
                self.presets.adopt(request, result)
        elif isinstance(request, ImageLoad):
            use, _ = self.image_requests.done(request.ticket, (request, result))
            if use:  # else a newer image was asked for meanwhile (kept in case that one fails)
                self._show_image(request, result)
        elif isinstance(request, GridExport):
            self.statusBar().showMessage(self.tr("exported {path}").format(path=request.path), 5000)

    def _show_image(self, request: ImageLoad, result):
        path = request.path
        self.image, self.proxy, loaded = result
        self.image_path = path
        self.panel.set_image_shape(self.image.shape)
        self.preview.refit()  # a photo of another shape may fill another grid better
        opened = self.tr("opened {path}").format(path=path)
        note, self.drop_note = self.drop_note, ""  # what a drop of several files left aside
        self.statusBar().showMessage(f"{opened}; {note}" if note else opened, 10000 if note else 4000)
        self.targets.set_loaded(loaded)  # a file that could not be read says so, after "opened"
        if request.remember:
            self.recent.remember("recent_images", path)
            self.settings.setValue("last_dir", str(Path(path).parent))
        self._update_title()
        self.request_render()

    def _on_task_error(self, request, message: str):
        if isinstance(request, PresetLoad) and not self.preset_requests.is_latest(request.ticket):
            return
        if isinstance(request, ImageLoad):
            self.drop_note = ""
            use, held = self.image_requests.fail(request.ticket)
            if use:  # an image asked for earlier, whose load finished meanwhile
                self._show_image(held[0], held[1])
            if not self.image_requests.is_latest(request.ticket):
                return  # an image nobody waits for any more
        if isinstance(request, ImageLoad) and request.from_strip:
            # Stepping through a folder: no dialog per bad file; its thumbnail says what is wrong
            # and Page Down goes on to the next one.
            self.strip.mark_unreadable(request.path, message)
            self.statusBar().showMessage(message, 8000)
            return
        self.show_error(message)

    def export_grid_dialog(self):
        if self.image is None:
            return
        # Named after the preset and the photo, in the folder last used (not the working directory).
        stem = "_".join(part for part in (self.document.pipeline.name.replace(" ", "_"),
                                          Path(self.image_path or "").stem, "grid") if part)
        folder = Path(str(self.settings.value("last_dir", "") or Path.home()))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export grid"), str(folder / f"{stem}.png"),
                                              self.tr("PNG (*.png)"))
        if path:
            self.export_grid(path if Path(path).suffix else path + ".png")

    def export_grid(self, path: str):
        """The grid at full resolution, as shown (same preset snapshot, seed and count), titled
        in the interface language; written in the background."""
        pipeline = self.document.snapshot()
        title = self.tr("{preset} on {image}").format(preset=pipeline.name or self.tr("untitled"),
                                                       image=Path(self.image_path or "").name)
        # The targets as drawn on screen, when the variants there carry them.
        drawn = self.last_output is not None and any(self.last_output.overlays)
        self.tasks.run(GridExport(path), export_grid, path, pipeline, self.image, self.variant_count(),
                       self.seed_spin.value(), title, self.targets.export_targets(drawn), self.targets.state.options)

    # ---- errors, drops, settings, close ----

    def show_error(self, message: str):
        self.statusBar().showMessage(message.split("\n")[0], 10000)
        if self._startup_errors is not None:
            self._startup_errors.append(message)  # the window is not on screen yet
            return
        QMessageBox.warning(self, "augview", message)

    def dragEnterEvent(self, event):
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event):
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not files:
            return
        event.acceptProposedAction()
        self.open_dropped(files)

    def open_dropped(self, files: list[str]):
        """Several photos dropped at once become a strip to step through, like a folder; anything
        else opens the first file, and the status bar says what was left aside."""
        photos = [f for f in files if Path(f).suffix.lower() in IMAGE_SUFFIXES and Path(f).is_file()]
        if len(photos) > 1:
            sources = [AnnotationSource() for _ in photos]
            self.targets.show_strip([Path(f) for f in photos], 0, sources)
            self.open_image(photos[0], from_strip=True, source=sources[0])
        else:
            self.open_path(photos[0] if photos else files[0])  # a photo first, if one was dropped
        left = len(files) - (len(photos) if len(photos) > 1 else 1)
        if left:
            note = self.tr("{count} other dropped file(s) left aside: drop presets, sessions and annotations "
                           "one at a time").format(count=left)
            self.statusBar().showMessage(note, 10000)
            if photos:
                self.drop_note = note  # said again with "opened ..." once the photo is open

    def open_path(self, path: str):
        """Open whatever was dropped or named: a preset, a session, a folder, annotations or an image."""
        if Path(path).is_dir():
            self.open_folder(path)
        elif path.endswith(SESSION_SUFFIX):
            self.sessions.open(path)
        elif is_annotation_file(path):
            self.targets.open_annotations(path)
        elif path.lower().endswith((".json", ".yaml", ".yml", ".py")):
            self.open_preset(path)
        else:
            self.open_image(path)

    def _restore_settings(self):
        for key, restore in (("geometry", self.restoreGeometry), ("window_state", self.restoreState)):
            if self.settings.value(key) is not None:
                restore(self.settings.value(key))

    def closeEvent(self, event):
        if not self.side_windows.confirm_stop_runs() or not self.confirm_discard():
            event.ignore()
            return
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window_state", self.saveState())
        self._full_timer.stop()
        self.full_worker.stop(wait=False)  # both give up at their next variant: wait for both at once
        self.worker.stop()
        self.full_worker.stop()
        self.tasks.shutdown()
        self.panel.shutdown()
        self.targets.shutdown()
        self.step_timer.shutdown()
        self.strip.shutdown()
        self.side_windows.close_all()
        event.accept()
