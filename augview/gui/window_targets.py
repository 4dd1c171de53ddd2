"""The window's targets: the current image's annotations, the toolbar's overlay toggles, opening an
annotation file, and browsing a data set folder in the folder strip.

Annotations are read on worker threads (with the photo, or on their own for *File > Open
annotations…*); a file that cannot be read is one sentence in the status bar, and the photo opens
without overlays. The window asks here what to hand each render job (`job_targets`) and how to
word a variant's caption and tooltip.
"""

from __future__ import annotations

import html
import threading
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from augview.analysis.overlays import OverlayOptions, Shown
from augview.annotations import Dataset, open_dataset
from augview.gui.widgets.captions import CAPTION_STEPS, trace_table, variant_caption
from augview.pipeline.run import summarize
from augview.gui.annotated import AnnotationSource, LoadedTargets, coco_images, is_annotation_file, read_targets
from augview.gui.latest import LatestRequest
from augview.gui.render_worker import BackgroundTasks
from augview.gui.widgets.overlay_painter import KINDS, SETTINGS_PREFIX, CellOverlay, OverlayState


class TargetsRead(NamedTuple):
    path: str  # the image they belong to
    ticket: int  # of the image load they follow


class FolderOpen(NamedTuple):
    folder: str
    ticket: int  # of `WindowTargets.folders`
    image_ticket: int  # the window's newest image request when the folder was asked for


class CocoOpen(NamedTuple):
    path: str


class SummaryRead(NamedTuple):
    dataset: Dataset


class WindowTargets(QObject):
    def __init__(self, main):
        super().__init__()
        self.main = main
        self.loaded = LoadedTargets()
        self.original: CellOverlay | None = None
        self.dataset: Dataset | None = None
        self.folders = LatestRequest()  # folder opens: only the newest is shown
        self._closing = threading.Event()  # the window is closing: walks still running stop
        self.state = OverlayState(self._restored_options())
        self.legend = None  # the toolbar's LegendBar, once `connect_toggles` has it
        self.tasks = BackgroundTasks(workers=1)  # annotation files, data set folders
        self.summaries = BackgroundTasks(workers=1)  # a data set's summary reads every file
        for tasks in (self.tasks, self.summaries):
            tasks.done.connect(self._on_done)
            tasks.error.connect(self._on_error)

    # ---- toggles ----

    def _restored_options(self) -> OverlayOptions:
        settings, defaults = self.main.settings, OverlayOptions()
        return OverlayOptions(**{kind: settings.value(SETTINGS_PREFIX + kind, getattr(defaults, kind), type=bool)
                                 for kind in KINDS})

    def connect_toggles(self, toggles: dict, legend=None):
        """The toolbar's toggles, and the bar that shows the mask's legend (a `LegendBar`)."""
        self.toggles, self.legend = toggles, legend
        for kind, button in toggles.items():
            button.setChecked(getattr(self.state.options, kind))
            button.toggled.connect(lambda checked, k=kind: self.set_option(k, checked))
        self._update_toggles()

    def set_option(self, kind: str, on: bool):
        """A toolbar toggle: drawn at once (no render), remembered for the next start."""
        self.state.set(**{kind: bool(on)})
        self.main.settings.setValue(SETTINGS_PREFIX + kind, bool(on))
        if self.toggles[kind].isChecked() != bool(on):
            self.toggles[kind].setChecked(bool(on))
        self._update_legend()

    def _update_legend(self):
        """The mask's names and colours beside the toggles while the mask is drawn."""
        if self.legend is None:
            return
        self.legend.show_while_drawn(self.original.overlay.legend if self.original is not None else [],
                                     self.state.options)

    def _update_toggles(self):
        """Toggles of kinds the image has no targets of are greyed out (their state is kept)."""
        shown = self.loaded.shown
        notes = shown.annotations if shown is not None else None
        has = {"boxes": notes is not None and len(notes) > 0,
               "masks": shown is not None and bool(shown.mask_kind),
               "keypoints": notes is not None and notes.keypoints is not None}
        has["mask_only"] = has["masks"]
        has["dropped"] = has["boxes"]
        for kind, button in getattr(self, "toggles", {}).items():
            button.setEnabled(has[kind])

    # ---- the current image's targets ----

    def set_loaded(self, loaded: LoadedTargets):
        """The annotations of the image just opened (or re-read): drawn from the next render on."""
        self.loaded = loaded
        self.original = CellOverlay.wrap(loaded.original)
        self._update_toggles()
        self._update_legend()
        if loaded.problem:
            self.main.statusBar().showMessage(loaded.problem, 15000)

    def clear(self):
        self.set_loaded(LoadedTargets())

    def job_targets(self, full_resolution: bool = False) -> Shown | None:
        """What a render job carries: the proxy's targets, or the photo's for the full-size render."""
        return self.loaded.shown if full_resolution else self.loaded.proxy

    def export_targets(self, had_targets: bool) -> Shown | None:
        """The photo's targets for a PNG export, when the variants on screen carry them."""
        return self.loaded.shown if had_targets else None

    @staticmethod
    def caption(number: int, result, output) -> str:
        """Variant ``number``'s caption, as a grid export titles it."""
        index = number - 1
        targets = output.target_captions[index] if index < len(output.target_captions) else ""
        summary = summarize(result.trace, CAPTION_STEPS)
        size = output.sizes[index] if index < len(output.sizes) else result.image.shape[1::-1]
        return variant_caption(number, result.seed, size, f"{targets} · {summary}" if targets else summary)

    @staticmethod
    def tooltip(index: int, result, output) -> str:
        """Variant ``index``'s trace, then what happened to its targets, step by step."""
        table = trace_table(result.trace, WindowTargets.caption(index + 1, result, output))
        story = output.target_lines[index] if index < len(output.target_lines) else []
        if index < len(output.target_captions) and output.target_captions[index]:
            lines = [output.target_captions[index]] + story
            table = table.replace("</qt>", "<p>" + "<br>".join(html.escape(line) for line in lines) + "</p></qt>")
        return table

    # ---- annotation files ----

    def open_annotations_dialog(self):
        start = str(Path(self.main.image_path).parent) if self.main.image_path else ""
        path, _ = QFileDialog.getOpenFileName(
            self.main, self.tr("Open annotations"), start,
            self.tr("Annotations (*.json *.txt *.xml *.png);;All files (*)"))
        if path:
            self.open_annotations(path)

    def open_annotations(self, path: str):
        """Annotations given by hand for the image on screen: a COCO file also lists its images
        in the folder strip; a YOLO .txt, a VOC .xml or a mask .png belongs to this image."""
        if self.main.image_path is None:
            self.main.show_error(self.tr("{path}: open an image first").format(path=path))
            return
        if Path(path).suffix.lower() == ".json" and is_annotation_file(path):
            self.tasks.run(CocoOpen(path), coco_images, path, self.main.image_path)
        self.reread(AnnotationSource(file=path))

    def reread(self, source: AnnotationSource):
        """Read the image on screen's annotations again, from ``source``."""
        main = self.main
        self.tasks.run(TargetsRead(main.image_path, main.image_requests.ticket), read_targets,
                       main.image_path, main.image.shape, main.proxy.shape, source)

    # ---- folders and data sets ----

    def open_folder(self, folder: str):
        """A folder of photos or an annotated data set (YOLO, COCO, VOC, masks), walked as
        ``augview apply`` walks it, off the GUI thread."""
        self.main.statusBar().showMessage(self.tr("opening {folder}…").format(folder=folder))
        request = FolderOpen(str(folder), self.folders.new(), self.main.image_requests.ticket)
        self.tasks.run(request, open_dataset, folder, self._closing.is_set)

    def _wanted(self, request: FolderOpen) -> bool:
        """Whether a folder's answer is still wanted: no newer folder, and no image asked for
        since (the person's last choice wins; a slow walk must not replace it)."""
        return (not self._closing.is_set() and self.folders.is_latest(request.ticket)
                and self.main.image_requests.ticket == request.image_ticket)

    def show_strip(self, images: list[Path], row: int, sources: list[AnnotationSource], summary: str = "",
                   dataset: Dataset | None = None):
        """``images`` in the folder strip, ``row`` the one on screen, with a ``summary`` line above
        them (hidden when empty): a data set's, a COCO file's listing, or photos dropped together."""
        main = self.main
        self.dataset = dataset
        main.strip.set_folder(images, row, sources)
        main.strip_dock.show()
        main.folder_summary.setText(summary)
        main.folder_summary.setVisible(bool(summary))

    def _show_dataset(self, folder: str, dataset: Dataset):
        main = self.main
        if not dataset.images:
            main.show_error(self.tr("{folder}: no images found in this folder").format(folder=folder))
            return
        sources = [AnnotationSource(dataset=dataset, index=i) for i in range(len(dataset.images))]
        main.settings.setValue("last_dir", str(folder))
        self.show_strip(dataset.images, 0, sources, dataset=dataset)
        main.folder_summary.setToolTip("\n".join(dataset.errors[:20]))
        if dataset.errors:  # folders that could not be listed, COCO files that could not be read
            more = len(dataset.errors) - 1
            main.folder_summary.setText(dataset.errors[0] + (self.tr(" (and {count} more)").format(count=more)
                                                            if more else ""))
            main.folder_summary.show()
        if dataset.kind != "images":
            main.folder_summary.setText(self.tr("{folder} ({kind}): reading the annotations…").format(
                folder=Path(folder).name, kind=dataset.kind))
            main.folder_summary.show()
            self.summaries.run(SummaryRead(dataset), dataset.summary)
        main.open_image(dataset.images[0], remember=False, from_strip=True, source=sources[0])

    def _show_coco_images(self, path: str, images: list[Path]):
        main = self.main
        if not images or main.image_path is None:
            return
        current = str(Path(main.image_path))
        sources = [AnnotationSource(file=path) for _ in images]
        row = next((i for i, image in enumerate(images) if str(image) == current), None)
        if row is None:
            images, sources, row = [Path(current)] + images, [AnnotationSource(file=path)] + sources, 0
        self.show_strip(images, row, sources, self.tr("{path}: {count} images listed and found").format(
            path=Path(path).name, count=len(images)))

    # ---- results ----

    def _on_done(self, request, result):
        main = self.main
        if isinstance(request, TargetsRead):
            if request.path == main.image_path and main.image_requests.is_latest(request.ticket):
                self.set_loaded(result)
                if not result.problem:
                    main.statusBar().showMessage(self.read_message(result), 5000)
                main.request_render()
        elif isinstance(request, FolderOpen):
            if self._wanted(request):
                self._show_dataset(request.folder, result)
            elif self.folders.is_latest(request.ticket) and main.statusBar().currentMessage() == \
                    self.tr("opening {folder}…").format(folder=request.folder):
                main.statusBar().clearMessage()  # that is over: another image was chosen
        elif isinstance(request, CocoOpen):
            self._show_coco_images(request.path, result)
        elif isinstance(request, SummaryRead) and request.dataset is self.dataset:
            text = self.tr("{folder} ({kind}): {summary}").format(
                folder=Path(self.dataset.root).name, kind=self.dataset.kind, summary=result.line())
            if self.dataset.errors:
                # A folder not listed, a COCO file not read: said, not only in the tooltip, and
                # first, where a long list of classes after it cannot push it out of sight.
                text = self.dataset.errors[0] + "\n" + text
            main.folder_summary.setText(text)
            main.folder_summary.setToolTip("\n".join((self.dataset.errors + result.errors)[:20]))

    def read_message(self, loaded: LoadedTargets) -> str:
        if loaded.shown is None:
            return self.tr("no annotations found")
        return self.tr("annotations from {path}: {count} boxes").format(path=loaded.source or "?",
                                                                     count=len(loaded.shown.annotations))

    def _on_error(self, request, message: str):
        if isinstance(request, SummaryRead):
            if request.dataset is self.dataset:
                self.main.folder_summary.setText(message)
            return
        if isinstance(request, FolderOpen) and not self._wanted(request):
            return  # a folder nobody waits for any more
        if isinstance(request, (TargetsRead, CocoOpen)):
            # A file that cannot be read is one sentence in the status bar, no dialog: the photo
            # and everything else stay as they are.
            self.main.statusBar().showMessage(message.split("\n")[0], 15000)
            return
        self.main.show_error(message)

    def shutdown(self):
        # A walk still running (a folder of millions of files, or "/") stops at its next folder:
        # the program would otherwise wait for it when it ends.
        self._closing.set()
        self.tasks.shutdown()
        self.summaries.shutdown()
