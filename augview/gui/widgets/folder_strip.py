"""A thumbnail strip for stepping through the images of a folder (and its subfolders) or a data set.

Thumbnails are decoded and shrunk on a background pool, which also counts each image's boxes
(shown under its name) when the strip knows where its annotations are; the GUI thread only wraps
the finished small QImage in an icon.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QStyle

from augview.core.imageio import find_images, load_image
from augview.errors import AugviewError
from augview.gui.annotated import AnnotationSource, box_count
from augview.gui.latest import LatestRequest
from augview.gui.render_worker import BackgroundTasks, make_proxy, to_qimage

THUMB = 72
BOXES_ROLE = Qt.ItemDataRole.UserRole + 1  # an item's number of boxes (None: no annotations)


class Thumbnail(NamedTuple):
    ticket: int  # of the folder it was asked for
    path: str


def list_images(folder: str | Path) -> list[Path]:
    """Every image in ``folder`` and its subfolders, in the order `augview apply` walks them
    (`find_images`, the one walk of an image folder). OSError when the folder cannot be read."""
    with os.scandir(folder):
        pass  # a folder that cannot be listed says so here, rather than looking empty
    found, _, _ = find_images(folder)
    return [Path(folder) / relative for relative in found]


def make_thumbnail(path: Path, source: AnnotationSource | None = None):
    """``(thumbnail, boxes, problem)``: the small picture, its number of boxes (None without
    annotations or a ``source``) and why its annotations could not be read ("")."""
    thumbnail = make_proxy(load_image(path), THUMB)
    if source is None:
        return thumbnail, None, ""
    try:
        return thumbnail, box_count(str(path), source), ""
    except AugviewError as err:
        return thumbnail, None, str(err).split("\n")[0]
    except Exception as err:  # a reader's bug: the thumbnail still shows, the count says why not
        return thumbnail, None, f"{type(err).__name__}: {err}"


class FolderStrip(QListWidget):
    chosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setFixedHeight(THUMB + 60)
        self.setUniformItemSizes(True)
        self.setMovement(QListView.Movement.Static)
        self.files: list[Path] = []
        self.sources: list[AnnotationSource] | None = None
        self._rows: dict[str, int] = {}
        self._tasks = BackgroundTasks(workers=1)
        self._tasks.done.connect(self._on_thumbnail)
        self._tasks.error.connect(self._on_thumbnail_failed)
        self.folders = LatestRequest()
        self.currentRowChanged.connect(self._on_row)

    def set_folder(self, files: list[Path], current: int = 0, sources: list[AnnotationSource] | None = None):
        """Show ``files``; ``sources[i]``: where file ``i``'s annotations are (its box count is
        then shown under its name)."""
        self.blockSignals(True)
        self.clear()
        self.files = list(files)
        self.sources = list(sources) if sources is not None else None
        ticket = self.folders.new()
        self._rows = {str(path): row for row, path in enumerate(self.files)}
        for row, path in enumerate(self.files):
            item = QListWidgetItem(path.name)
            item.setToolTip(str(path))
            item.setSizeHint(QSize(THUMB + 32, THUMB + 52))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.addItem(item)
            source = self.sources[row] if self.sources is not None else None
            self._tasks.run(Thumbnail(ticket, str(path)), make_thumbnail, path, source,
                            wanted=lambda t=ticket: self.folders.is_latest(t))  # skipped once another folder opens
        self.setCurrentRow(current)
        self.blockSignals(False)

    def source(self, path: str) -> AnnotationSource | None:
        row = self._rows.get(str(path))
        return self.sources[row] if self.sources is not None and row is not None else None

    def _on_thumbnail(self, request: Thumbnail, result):
        if not self.folders.is_latest(request.ticket):
            return  # a thumbnail of a folder no longer shown
        thumbnail, boxes, problem = result
        item = self.item(self._rows[request.path])
        item.setIcon(QIcon(QPixmap.fromImage(to_qimage(thumbnail))))
        name = Path(request.path).name
        if problem:
            item.setText(name + "\n" + self.tr("labels unreadable"))
            item.setToolTip(f"{request.path}\n{problem}")
        elif boxes is not None:
            item.setText(name + "\n" + (self.tr("{count} box") if boxes == 1 else self.tr("{count} boxes")).format(
                count=boxes))
        item.setData(BOXES_ROLE, boxes)

    def _on_thumbnail_failed(self, request: Thumbnail, message: str):
        if self.folders.is_latest(request.ticket):
            self.mark_unreadable(request.path, message)

    def mark_unreadable(self, path: str, message: str):
        """A warning icon instead of a thumbnail, and the reason in the tooltip."""
        row = self._rows.get(str(path))
        if row is not None:
            item = self.item(row)
            item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
            item.setToolTip(f"{path}\n{message}")
            item.setData(Qt.ItemDataRole.UserRole, "unreadable")

    def _on_row(self, row: int):
        if 0 <= row < len(self.files):
            self.chosen.emit(str(self.files[row]))

    def step(self, delta: int) -> None:
        if self.files:
            self.setCurrentRow((self.currentRow() + delta) % len(self.files))

    def shutdown(self):
        self._tasks.shutdown()
