"""The explorer window: layout, menus and the flow between document, worker and previews.

Pixels never get computed here: images are decoded and proxied by `BackgroundTasks`, previews are
rendered by `RenderWorker`, and only the newest render is painted.
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QMainWindow, QMessageBox

from augview.core import paths
from augview.analysis.probabilities import depends_on_resolution
from augview.analysis.grid import compose_grid, grid_titles, render_variants
from augview.core.imageio import save_image
from augview.interop import from_albumentations, is_albumentations, load_albumentations_file
from augview.pipeline.pipeline import Pipeline
from augview.pipeline.run import summarize
from augview.pipeline.presets import read_preset_file
from augview.errors import AugviewError, PresetError
from augview.gui.document import Document
from augview.gui.widgets.folder_strip import list_images
from augview.gui.menus import build_menus
from augview.gui.render_worker import MAX_SEED, BackgroundTasks, RenderJob, RenderWorker, load_with_proxy
from augview.gui.side_windows import SideWindows
from augview.gui.window_layout import build_widgets

MAX_RECENT = 8
FULL_RESOLUTION_DELAY_MS = 400  # quiet time after the last edit before the full-size render
# A cell's caption names the first steps that fired, its tooltip lists the first trace entries:
# a 10,000-step preset would otherwise give every cell a caption and a tooltip of megabytes.
CAPTION_STEPS = 40
READ_IN_BACKGROUND_BYTES = 100_000  # larger presets are read and checked on a worker (~700 steps)
TOOLTIP_ENTRIES = 40


def read_preset_or_error(path):
    """(pipeline, None) for an augview preset, (pipeline, notes) for an albumentations pipeline,
    or the AugviewError that says what is wrong with the file. Runs on any thread."""
    try:
        yaml_file = str(path).lower().endswith((".yaml", ".yml"))
        data = load_albumentations_file(path) if yaml_file else read_preset_file(path)
        if yaml_file or is_albumentations(data):
            return from_albumentations(data, str(path))
        return Pipeline.from_dict(data, source=str(path)), None
    except AugviewError as err:
        return err


class MainWindow(QMainWindow):
    def __init__(self, image: str | Path | None = None, preset: str | Path | None = None,
                 settings: QSettings | None = None):
        super().__init__()
        self.settings = settings if settings is not None else QSettings("augview", "augview")
        self.document = Document()
        self.image_path: str | None = None
        self.image: np.ndarray | None = None
        self.proxy: np.ndarray | None = None
        self.last_output = None
        self._image_request = 0
        self._preset_request = 0
        self.side_windows = SideWindows(self)
        self._job_id = 0
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

        build_widgets(self)
        build_menus(self)
        self.panel.may_count = self._previews_idle
        self.document.changed.connect(self._on_document_changed)
        self.document.dirty_changed.connect(lambda *_: self._update_title())
        self.setAcceptDrops(True)
        self.resize(1360, 860)
        self._restore_settings()

        # Problems with the files named on the command line are shown once the window is up
        # (the event loop runs after show()), so the dialog sits over the window it is about.
        self._startup_errors: list[str] | None = []
        self.open_preset(preset or paths.DEFAULT_PRESET, confirm=False, remember=preset is not None)
        # A preset that failed to open leaves the empty document, whose name the field must show
        # (else leaving the field would "rename" it and ask to save work nobody did).
        self.name_edit.setText(self.document.pipeline.name)
        self.open_image(image or paths.SAMPLE_IMAGE, remember=image is not None)
        QTimer.singleShot(0, self._show_startup_errors)

    def _show_startup_errors(self):
        errors, self._startup_errors = self._startup_errors or [], None
        for message in errors:
            self.show_error(message)

    # ---- rendering ----

    def request_render(self):
        if self.proxy is None:
            return
        self._job_id += 1
        count = self.variant_count()
        self._job = RenderJob(self._job_id, self.document.snapshot(), self.proxy, count, self.seed_spin.value())
        self._full_timer.stop()
        self.full_worker.cancel()  # its photo or steps are out of date now
        self.worker.submit(self._job)

    def _previews_idle(self) -> bool:
        """No preview is being rendered or waits to be (the distinct count of a long pipeline
        waits for that: the two would compete with the GUI thread for Python's lock)."""
        return not any(w.busy or w._pending is not None for w in (self.worker, self.full_worker))

    def variant_count(self) -> int:
        """The variants on screen: one side by side, the count box in a grid."""
        return 1 if self.mode_box.currentData() == "side" else self.count_spin.value()

    def _render_full_resolution(self):
        job = self._job
        if job is None or job.job_id != self._job_id or self.proxy is self.image or job.image is not self.proxy:
            return
        self.full_worker.submit(RenderJob(job.job_id, job.pipeline, self.image, job.count, job.seed,
                                          display=self.proxy))

    def _on_rendered(self, output):
        if output.job_id != self._job_id:
            return  # stale: a newer request is on its way
        self.last_output = output
        original = self.tr("original")
        if self.image is not None:
            h, w = self.image.shape[:2]
            original += f" — {w}×{h}"
            if output.full_resolution:
                original += " " + self.tr("(variants at full resolution)")
            elif self.proxy is not self.image:
                self._full_timer.start()
                original += " " + self.tr("(preview at {width}×{height})").format(
                    width=self.proxy.shape[1], height=self.proxy.shape[0])
                if depends_on_resolution(self.document.pipeline.steps):
                    # Pixel-sized parameters (crop sizes, kernels...) cover more of a proxy than
                    # of the photo until the full-resolution render arrives: say so.
                    original += " " + self.tr("— sizes in px act {factor:.1f}× larger than in "
                                              "training until the full-size render is done").format(
                        factor=w / self.proxy.shape[1])
        captions = [original] + [self.tr("#{number} seed {seed}: {summary}").format(
            number=i + 1, seed=r.seed, summary=summarize(r.trace, CAPTION_STEPS))
            for i, r in enumerate(output.results)]
        tooltips = [self.image_path or ""] + [self._trace_text(r.trace) for r in output.results]
        self.preview.show_images([output.original] + output.images, captions, tooltips)
        self.side_windows.follow_render(output)
        status = (self.tr("rendered {count} at full resolution in {ms} ms") if output.full_resolution
                  else self.tr("rendered {count} in {ms} ms"))
        self.status_label.setText(status.format(count=len(output.results), ms=f"{output.seconds * 1000:.0f}"))

    def _trace_text(self, trace: list[dict]) -> str:
        lines = [f"{e}" for e in trace[:TOOLTIP_ENTRIES]]
        if len(trace) > TOOLTIP_ENTRIES:
            lines.append(self.tr("… {count} more steps").format(count=len(trace) - TOOLTIP_ENTRIES))
        return "\n".join(lines)

    def _on_render_failed(self, job_id: int, message: str, full_resolution: bool = False):
        if job_id != self._job_id:
            return
        self.statusBar().showMessage(message, 8000)
        if full_resolution and self.preview.cells:
            # The proxy's variants stay; the caption must no longer promise the full-size ones.
            cell = self.preview.cells[0]
            original = self.tr("original") + f" — {self.image.shape[1]}×{self.image.shape[0]} " + \
                self.tr("(preview at {width}×{height}; the full-size render failed)").format(
                    width=self.proxy.shape[1], height=self.proxy.shape[0])
            cell.set_content(cell.pane.image, original, self.image_path or "")

    def _space(self):
        """Space rerolls, except on a focused button or check box, which it presses as usual."""
        focused = QApplication.focusWidget()
        if isinstance(focused, QAbstractButton):
            focused.animateClick()
        else:
            self.reroll()

    def reroll(self):
        self.seed_spin.setValue(random.SystemRandom().randrange(MAX_SEED))

    def _zoom_by(self, factor: float):
        cells = self.preview.cells
        current = cells[0].pane.scale() if cells else 1.0
        self.preview.view.set_zoom(current * factor)

    def _update_zoom_label(self):
        view = self.preview.view
        self.zoom_label.setText(self.tr("fit") if view.fit else f"{view.zoom * 100:.0f}%")

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
        self.undo_action.setEnabled(self.document.can_undo())
        self.redo_action.setEnabled(self.document.can_redo())

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

    def confirm_discard(self) -> bool:
        """True when it is fine to replace the document (saved, discarded, or nothing to lose)."""
        self.commit_pending_edits()
        if not self.document.dirty:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("The preset “{name}” has unsaved changes. Save them?").format(
                name=self.document.pipeline.name or self.tr("untitled")),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_preset(self):
        if self.confirm_discard():
            self.document.replace(Pipeline(name=self.tr("untitled")), None)

    def open_preset_dialog(self):
        start = str(Path(self.document.path).parent) if self.document.path else str(paths.PRESETS)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open preset"), start,
                                              self.tr("Presets (*.json);;All files (*)"))
        if path:
            self.open_preset(path)

    def open_preset(self, path, confirm: bool = True, remember: bool = True) -> bool:
        """Open a preset (or an albumentations pipeline). A large file is read and checked on a
        worker, so the window stays responsive; it takes the document's place when it is ready
        (True then means "on its way")."""
        if confirm and not self.confirm_discard():
            return False
        self._preset_request += 1
        try:
            large = Path(path).stat().st_size > READ_IN_BACKGROUND_BYTES
        except OSError:
            large = False  # reading says what is wrong with it
        if large:
            self.statusBar().showMessage(self.tr("reading {name}…").format(name=Path(path).name))
            self.tasks.run(("preset", str(path), remember, self._preset_request), read_preset_or_error, path)
            return True
        return self._adopt_preset(path, read_preset_or_error(path), remember)

    def _adopt_preset(self, path, result, remember: bool) -> bool:
        if isinstance(result, PresetError):
            self.show_error(self._problems_text(result))
            return False
        if isinstance(result, AugviewError):
            self.show_error(str(result))
            return False
        pipeline, notes = result
        if notes is not None:
            return self._import_albumentations(path, pipeline, notes)
        # The preset's seed first, without a render of its own: the replace renders once.
        self.seed_spin.blockSignals(True)
        self.seed_spin.setValue(min(pipeline.seed, MAX_SEED))
        self.seed_spin.blockSignals(False)
        self.document.replace(pipeline, str(path))
        if remember:
            self._remember("recent_presets", str(path))
            self.settings.setValue("last_preset", str(path))
        return True

    def _import_albumentations(self, path, pipeline: Pipeline, notes: list[str]) -> bool:
        """An albumentations pipeline opens as a new, unsaved preset; what has no counterpart is
        listed, never dropped silently."""
        pipeline.name = pipeline.name or f"{Path(path).stem} (from albumentations)"  # data: stays English
        self.document.replace(pipeline, None, saved=False)
        if notes:
            self.show_error(self.tr("{path}: imported from albumentations with notes:").format(path=path)
                            + "\n" + "\n".join(notes))
        else:
            self.statusBar().showMessage(
                self.tr("imported {path} from albumentations; save it as a preset").format(path=path), 8000)
        return True

    def save(self) -> bool:
        self.commit_pending_edits()
        if not self.document.path or Path(self.document.path).resolve().parent == paths.PRESETS.resolve():
            return self.save_as()  # never overwrite a shipped preset by accident
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        name = (self.document.pipeline.name or self.tr("untitled")).replace(" ", "_") + ".json"
        start = str(Path(self.settings.value("last_dir", str(Path.home()))) / name)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save preset"), start, self.tr("Presets (*.json)"))
        if not path:
            return False
        if not path.lower().endswith(".json"):
            path += ".json"
        return self._save_to(path)

    def _save_to(self, path: str) -> bool:
        # The preset keeps the seed on screen: reopened, applied or loaded in training, it gives
        # the variants the window showed. Not an undoable edit: rerolling does not dirty a preset.
        self.document.pipeline.seed = self.seed_spin.value()
        try:
            self.document.pipeline.save(path)
        except OSError as err:
            self.show_error(self.tr("{path}: cannot save ({reason})").format(path=path, reason=err.strerror or err))
            return False
        except AugviewError as err:
            self.show_error(str(err))
            return False
        self.document.mark_saved(path)
        self._remember("recent_presets", path)
        self.settings.setValue("last_preset", path)
        self.settings.setValue("last_dir", str(Path(path).parent))
        self.statusBar().showMessage(self.tr("saved {path}").format(path=path), 5000)
        return True

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

    def open_folder(self, folder) -> bool:
        try:
            files = list_images(folder)
        except OSError as err:
            self.show_error(self.tr("{folder}: cannot be read ({reason})").format(
                folder=folder, reason=err.strerror or err))
            return False
        if not files:
            self.show_error(self.tr("{folder}: no images found in this folder").format(folder=folder))
            return False
        self.settings.setValue("last_dir", str(folder))
        self.strip.set_folder(files, 0)
        self.strip_dock.show()
        self.open_image(files[0], remember=False, from_strip=True)
        return True

    def open_image(self, path, remember: bool = True, from_strip: bool = False):
        """Decode in the background; the current image stays until the new one is ready."""
        path = str(path)
        if not from_strip:
            self.strip_dock.hide()
            self.strip.set_folder([])  # PgUp/PgDn step through a folder only while it is shown
        self.statusBar().showMessage(self.tr("loading {name}…").format(name=Path(path).name))
        self._image_request += 1
        self.tasks.run(("image", path, remember, self._image_request, from_strip), load_with_proxy, path)

    def _on_task_done(self, token, result):
        if token[0] == "preset":
            _, path, remember, request = token
            if request == self._preset_request:  # else another preset was asked for meanwhile
                self.statusBar().clearMessage()
                self._adopt_preset(path, result, remember)
        elif token[0] == "image":
            _, path, remember, request, _ = token
            if request != self._image_request:
                return  # a newer image was asked for meanwhile
            self.image, self.proxy = result
            self.image_path = path
            self.panel.set_image_shape(self.image.shape)
            self.statusBar().showMessage(self.tr("opened {path}").format(path=path), 4000)
            if remember:
                self._remember("recent_images", path)
                self.settings.setValue("last_dir", str(Path(path).parent))
            self._update_title()
            self.request_render()
        elif token[0] == "export":
            self.statusBar().showMessage(self.tr("exported {path}").format(path=token[1]), 5000)

    def _on_task_error(self, token, message: str):
        if token[0] == "preset" and token[3] != self._preset_request:
            return
        if token[0] == "image" and token[3] != self._image_request:
            return  # an image nobody waits for any more
        if token[0] == "image" and token[4]:
            # Stepping through a folder: no dialog per bad file; its thumbnail says what is wrong
            # and Page Down goes on to the next one.
            self.strip.mark_unreadable(token[1], message)
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
        in the interface language."""
        pipeline, image, seed = self.document.snapshot(), self.image, self.seed_spin.value()
        count = self.variant_count()
        title = self.tr("{preset} on {image}").format(preset=pipeline.name or self.tr("untitled"),
                                                       image=Path(self.image_path or "").name)
        cannot_write = self.tr("{path}: cannot write ({reason})")

        def work():
            results = render_variants(pipeline, image, count, seed)
            # Cells as large as the photo (up to 1024 px), so the export shows real detail.
            cell = int(min(1024, max(256, max(image.shape[:2]))))
            grid = compose_grid([image] + [r.image for r in results], grid_titles(results), cell=cell,
                                title=title)
            try:
                save_image(path, grid)
            except OSError as err:  # one sentence naming the file, not an errno dump
                raise AugviewError(cannot_write.format(path=path, reason=err.strerror or err)) from None
            except ValueError as err:  # a suffix no image format has
                raise AugviewError(f"{path}: {err}") from None
            return path

        self.tasks.run(("export", path), work)

    # ---- errors, drops, settings, close ----

    def show_error(self, message: str):
        self.statusBar().showMessage(message.split("\n")[0], 10000)
        if self._startup_errors is not None:
            self._startup_errors.append(message)  # the window is not on screen yet
            return
        QMessageBox.warning(self, "augview", message)

    def _problems_text(self, err: PresetError) -> str:
        """Several problems of a preset one per line, as the CLI prints them."""
        if len(err.problems) < 2:
            return str(err)
        head = self.tr("{source}: {count} problems:").format(source=err.source, count=len(err.problems))
        return "\n".join([head] + [f"• {where}: {what}" if where else f"• {what}" for where, what in err.problems])

    def dragEnterEvent(self, event):
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event):
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not files:
            return
        event.acceptProposedAction()
        self.open_path(files[0])

    def open_path(self, path: str):
        """Open whatever was dropped or named: a preset, a folder or an image."""
        if Path(path).is_dir():
            self.open_folder(path)
        elif path.lower().endswith((".json", ".yaml", ".yml")):
            self.open_preset(path)
        else:
            self.open_image(path)

    def recent(self, key: str) -> list[str]:
        # An INI file stores a one-item list as a plain string: read it back as a list.
        value = self.settings.value(key, [])
        return [value] if isinstance(value, str) else list(value or [])

    def _remember(self, key: str, path: str):
        items = [p for p in self.recent(key) if p != path]
        self.settings.setValue(key, ([path] + items)[:MAX_RECENT])

    def _fill_recent_menu(self):
        self.recent_menu.clear()
        labels = {"recent_images": self.tr("image: {path}"), "recent_presets": self.tr("preset: {path}")}
        for key, label in labels.items():
            for path in self.recent(key):
                if Path(path).exists():  # a file deleted since is not offered
                    self.recent_menu.addAction(label.format(path=path), lambda p=path: self.open_path(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(nothing yet)")).setEnabled(False)

    def _restore_settings(self):
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window_state")
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event):
        if not self.confirm_discard():
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
        self.strip.shutdown()
        self.side_windows.close_all()
        event.accept()
