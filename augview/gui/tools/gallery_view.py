"""Op gallery: every op of the catalog applied to the current image at its defaults, one labelled
tile each, to browse what exists before building a pipeline.

Filter by category or by a word of the name or description; hover a tile for the op's description,
select it to read the description, its default parameters and what it drew, with a larger view;
double-click it to add the op to the window's pipeline. "Export contact sheet…" writes the visible
tiles (and the original) to one PNG of a chosen width (1920 px: a full-HD slide). With the image's
annotations (the bundled sample has boxes, a mask and keypoints), every tile shows what the op does
to them, and the contact sheet draws them too.

Each tile is computed by `BackgroundTasks` (so they appear one by one), thumbnails included; the GUI
thread only wraps finished arrays as QImages.
"""

from __future__ import annotations

import html
from typing import NamedTuple

import cv2
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QListView, QListWidget, QListWidgetItem, QStyle,
    QPushButton, QSpinBox, QSplitter, QTextBrowser, QVBoxLayout, QWidget,
)

from PIL import Image

from augview.core import paths
from augview.analysis.grid import compose_grid, sheet_layout, to_width, write_image
from augview.analysis.op_targets import TargetRun
from augview.analysis.overlay_draw import draw_overlay
from augview.analysis.overlays import Overlay, OverlayOptions, Shown, overlay_of, resized
from augview.targets.settings import TargetSettings
from augview.core.imageio import load_image
from augview.core.registry import CATALOG, CATEGORIES, find_ops, get_op, op_order
from augview.analysis.sweep import format_value, gallery
from augview.gui.i18n import op_text
from augview.gui.latest import LatestRequest
from augview.gui.tools.sweep_view import sample_targets
from augview.gui.widgets.legend_bar import LegendBar, legend_of
from augview.gui.widgets.overlay_painter import CellOverlay, OverlayState
from augview.gui.widgets.preview import Cell, ViewState
from augview.gui.widgets.seed_box import SeedBox
from augview.gui.render_worker import BackgroundTasks, make_proxy, to_qimage

class Tile(NamedTuple):
    ticket: int
    name: str


class SheetExport(NamedTuple):
    path: str


SHEET_WIDTH = 1920  # px: the contact sheet fills a full-HD slide unless another width is chosen
PROXY_SIDE = 512  # the ops' pixel defaults (crop 256, pad 1024) are meant for photo-sized images
ICON = 180
NAME_ROLE = Qt.ItemDataRole.UserRole


def make_thumbnail(array: np.ndarray, side: int = ICON) -> np.ndarray:
    """The tile shrunk (or enlarged) to fit a side x side square."""
    h, w = array.shape[:2]
    scale = side / max(h, w)
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    return cv2.resize(array, size, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_NEAREST)


def square_icon(thumbnail: QImage, side: int = ICON) -> QIcon:
    """The thumbnail centred on a transparent side x side square. Every tile keeps the blank
    icon's size, so a tile's label never moves when its picture arrives: with a wide photo the
    view repainted only the smaller new rectangle and left the old "rendering…" on screen."""
    square = QPixmap(side, side)
    square.fill(QColor(0, 0, 0, 0))
    painter = QPainter(square)
    painter.drawImage((side - thumbnail.width()) // 2, (side - thumbnail.height()) // 2, thumbnail)
    painter.end()
    return QIcon(square)


def run_tile(image: np.ndarray, seed: int, name: str, targets: Shown | None,
             settings: TargetSettings) -> tuple[np.ndarray, str, Overlay | None]:
    """``(array, label, overlay)`` of one op at its defaults (the label says what happened to
    the targets, when there are some)."""
    run = TargetRun(targets, settings, max_side=PROXY_SIDE) if targets is not None else None
    _, _, out, label = gallery(image, seed, [name], run)[0]
    if run is None:
        return out, label, None
    story = run.captions[0]
    return out, f"{label} · {story}" if story else label, run.overlays[0]


def compute_tile(image: np.ndarray, seed: int, name: str, targets: Shown | None = None,
                 settings: TargetSettings = TargetSettings(), options: OverlayOptions = OverlayOptions()):
    """Runs on a worker thread: ``(array, label, thumbnail, overlay)`` of one op at its defaults;
    the thumbnail has the overlay drawn in (at its own size: it is an icon)."""
    out, label, overlay = run_tile(image, seed, name, targets, settings)
    thumb = make_thumbnail(out)
    if overlay is not None:
        thumb = np.asarray(draw_overlay(Image.fromarray(thumb), overlay, options, legend=False))
    return out, label, thumb, overlay


def contact_sheet(path: str, image: np.ndarray, seed: int, names: list[str], done: dict,
                  width: int = SHEET_WIDTH, targets: Shown | None = None, settings: TargetSettings = TargetSettings(),
                  options: OverlayOptions = OverlayOptions()) -> str:
    """Runs on a worker thread: the original and one cell per op (reusing finished tiles), saved
    atomically as one PNG ``width`` pixels wide (a slide's 1920 by default), titled in the
    interface language, with the targets drawn."""
    images, titles = [image], [QCoreApplication.translate("GalleryView", "original")]
    overlays = [overlay_of(targets) if targets is not None else None]
    for name in names:
        if name in done:
            out, label, overlay = done[name]
        else:
            out, label, overlay = run_tile(image, seed, name, targets, settings)
        images.append(out)
        titles.append(f"{label} ({op_text(get_op(name).category)})")
        overlays.append(overlay)
    title = QCoreApplication.translate("GalleryView", "augview op gallery: defaults, seed {seed}").format(seed=seed)
    cell, columns = sheet_layout(len(images), width)
    sheet = to_width(compose_grid(images, titles, cell=cell, columns=columns, title=title, overlays=overlays,
                                  options=options), width)
    write_image(path, sheet)
    return path


def details_html(name: str, label: str | None) -> str:
    op = get_op(name)
    values = op.defaults()
    unused = QCoreApplication.translate("GalleryView", "(not used while {name} is {value})")
    rows = "".join(
        f"<li><b>{html.escape(s.name)}</b> = {html.escape(_default(s))}"
        + (f" — {html.escape(op_text(s.help))}" if s.help else "")
        + ("" if s.applies(values) else
           " <i>" + html.escape(unused.format(name=s.when[0], value=values[s.when[0]])) + "</i>")
        + "</li>"
        for s in op.params)
    this_tile = QCoreApplication.translate("GalleryView", "This tile:")
    defaults = QCoreApplication.translate("GalleryView", "Defaults")
    none = QCoreApplication.translate("GalleryView", "(no parameters)")
    drawn = f"<p><b>{html.escape(this_tile)}</b> {html.escape(label)}</p>" if label else ""
    return (f"<h3>{html.escape(name)}</h3><p><i>{html.escape(op_text(op.category))}</i></p>"
            f"<p>{html.escape(op_text(op.description))}</p>"
            f"{drawn}<p><b>{html.escape(defaults)}</b></p><ul>{rows or f'<li>{html.escape(none)}</li>'}</ul>")


def _default(spec) -> str:
    if spec.kind == "range":
        low, high = spec.default
        return f"{format_value(spec, low)} … {format_value(spec, high)}"
    return format_value(spec, spec.default)


class TileList(QListWidget):
    """The gallery's grid of tiles, whose cells widen so that the columns fill the view: with a
    fixed cell width, most window widths left an empty band beside the last column."""

    def __init__(self, cell: QSize):
        super().__init__()
        self.cell = cell  # the narrowest a cell may be
        self.setGridSize(cell)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        width = self.viewport().width()
        if not self.verticalScrollBar().isVisible():
            # Room kept for the scroll bar, so the cells do not change (and the tiles jump) when
            # it comes and goes, as it does while the window opens and when a search filters.
            width -= self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        # As many whole cells as fit, sharing the rest of the width; the number of columns (so of
        # rows, and whether a scroll bar shows) is what the narrowest cells would give. The view
        # puts its spacing before the first cell and after each one: cells that filled the width
        # exactly wrapped to one column less (one, at two).
        gap = self.spacing()
        columns = max((width - gap) // (self.cell.width() + gap), 1)
        spread = QSize(max((width - gap) // columns - gap, self.cell.width()), self.cell.height())
        if spread != self.gridSize():
            self.setGridSize(spread)


class GalleryView(QWidget):
    op_chosen = Signal(str)  # a tile was double-clicked: add its op to the pipeline

    def __init__(self, image: np.ndarray | None = None, seed: int = 0, parent=None, targets: Shown | None = None,
                 settings: TargetSettings | None = None, overlay_state: OverlayState | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Op gallery — augview"))
        if image is None:  # on its own: the sample photo, with its annotations
            image, targets = load_image(paths.SAMPLE_IMAGE), sample_targets()
        self.image = make_proxy(image, PROXY_SIDE)
        self.targets = self._fit(targets)
        self.settings = settings or TargetSettings()
        self.overlay_state = overlay_state or OverlayState()
        self.tiles: dict[str, tuple[np.ndarray, str, Overlay | None]] = {}  # finished tiles of the current request
        self.tasks = BackgroundTasks(workers=2)
        self.tasks.done.connect(self._on_done)
        self.tasks.error.connect(self._on_error)
        self.requests = LatestRequest()
        self.exported: list[str] = []

        self.category_box = QComboBox()
        self.category_box.addItem(self.tr("all categories"), "")
        for category in CATEGORIES:
            self.category_box.addItem(op_text(category), category)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("search name or description"))
        self.search.setClearButtonEnabled(True)
        self.seed_spin = SeedBox(value=seed)
        self.seed_spin.setPrefix(self.tr("seed: "))
        self.export_button = QPushButton(self.tr("Export contact sheet…"))
        self.sheet_width = QSpinBox()
        self.sheet_width.setRange(640, 7680)
        self.sheet_width.setSingleStep(320)
        self.sheet_width.setValue(SHEET_WIDTH)
        self.sheet_width.setSuffix(self.tr(" px wide"))
        self.sheet_width.setToolTip(self.tr("width of the exported contact sheet (1920 fills a full-HD slide)"))
        self.status = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.category_box)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.seed_spin)
        bar.addWidget(self.export_button)
        bar.addWidget(self.sheet_width)
        bar.addWidget(self.status, 1)

        self.list = TileList(QSize(ICON + 28, ICON + 56))
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(ICON, ICON))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        blank = QPixmap(ICON, ICON)
        blank.fill(QColor(0, 0, 0, 0))
        self._blank = QIcon(blank)  # until its tile arrives, so the layout never jumps
        for name in op_order():
            item = QListWidgetItem(self._blank, name)
            item.setData(NAME_ROLE, name)
            item.setToolTip(f"{name} ({op_text(CATALOG[name].category)})\n\n{op_text(CATALOG[name].description)}")
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            # One size whatever the label says ("rendering…", one line or three): the view repaints
            # only an item's new rectangle, so a shrinking one left old text on screen.
            item.setSizeHint(QSize(ICON + 24, ICON + 52))
            self.list.addItem(item)

        self.view = ViewState()
        self.preview = Cell(self.view, overlay_state=self.overlay_state)
        self.preview.setMinimumHeight(240)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.preview)
        side.addWidget(self.text)
        side.setSizes([300, 400])
        self.legend = LegendBar()  # the mask's colours, under the tiles
        tiles = QWidget()
        tiles_layout = QVBoxLayout(tiles)
        tiles_layout.setContentsMargins(0, 0, 0, 0)
        tiles_layout.addWidget(self.list, 1)
        tiles_layout.addWidget(self.legend)
        split = QSplitter()
        split.addWidget(tiles)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 340])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

        self.overlay_state.changed.connect(self._update_legend)
        self._update_legend(targets_changed=True)
        self.category_box.currentIndexChanged.connect(lambda *_: self.apply_filter())
        self.search.textChanged.connect(lambda *_: self.apply_filter())
        self.seed_spin.valueChanged.connect(lambda *_: self.refresh())
        self.list.currentItemChanged.connect(lambda *_: self._show_details())
        self.export_button.clicked.connect(self.export_dialog)
        self.list.itemDoubleClicked.connect(self._on_double_click)
        self.text.setHtml("<p>{}</p>".format(html.escape(self.tr("Select a tile to read what the op does."))))
        self.list.setCurrentRow(0)  # the details pane starts on the first op, its tile when it arrives
        self.refresh()

    # ---- inputs ----

    def _fit(self, targets: Shown | None) -> Shown | None:
        """``targets`` in the frame of the gallery's own copy of the image."""
        return resized(targets, self.image.shape[1], self.image.shape[0]) if targets is not None else None

    def _update_legend(self, targets_changed: bool = False):
        if targets_changed:
            self.mask_legend = legend_of(self.targets)  # once per image, not per toggle
        self.legend.show_while_drawn(self.mask_legend, self.overlay_state.options)

    def set_image(self, image: np.ndarray, targets: Shown | None = None, settings: TargetSettings | None = None):
        """Tiles of ``image`` (with ``targets``: its annotations, moved under ``settings``)."""
        self.image = make_proxy(image, PROXY_SIDE)
        self.targets = self._fit(targets)
        self._update_legend(targets_changed=True)
        if settings is not None:
            self.settings = settings
        self.refresh()

    def refresh(self):
        """Recompute every tile (new image or seed); tiles arrive one by one."""
        ticket = self.requests.new()
        self.tiles = {}
        seed = self.seed_spin.value()
        for item in self.items():
            name = item.data(NAME_ROLE)
            item.setText(f"{name}\n" + self.tr("rendering…"))
            self.tasks.run(Tile(ticket, name), compute_tile, self.image, seed, name, self.targets, self.settings,
                           self.overlay_state.options)
        self.status.setText(self.tr("rendering {count} ops…").format(count=self.list.count()))

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def item(self, name: str) -> QListWidgetItem:
        return next(item for item in self.items() if item.data(NAME_ROLE) == name)

    def visible_names(self) -> list[str]:
        return [item.data(NAME_ROLE) for item in self.items() if not item.isHidden()]

    def apply_filter(self):
        category = self.category_box.currentData()
        found = set(find_ops(self.search.text()))
        for item in self.items():
            name = item.data(NAME_ROLE)
            item.setHidden(name not in found or bool(category) and CATALOG[name].category != category)
        self.status.setText(self.tr("{shown} of {total} ops shown").format(
            shown=len(self.visible_names()), total=self.list.count()))

    # ---- results ----

    def _on_done(self, request, result):
        if isinstance(request, SheetExport):
            self.exported.append(request.path)
            self.status.setText(self.tr("exported {path}").format(path=request.path))
            return
        if not self.requests.is_latest(request.ticket):
            return  # a tile of an older image or seed
        name = request.name
        out, label, thumb, overlay = result
        self.tiles[name] = (out, label, overlay)
        item = self.item(name)
        item.setIcon(square_icon(to_qimage(thumb)))
        detail = label[len(name):].strip().lstrip("· ")  # what it drew, then what happened to the targets
        item.setText("\n".join([name] + self._fit_lines(detail, 2)))
        item.setToolTip(f"{label}\n\n{op_text(CATALOG[name].description)}")
        if item is self.list.currentItem():
            self._show_details()
        if len(self.tiles) == self.list.count():
            self.status.setText(self.tr("{count} ops at their defaults, seed {seed}").format(
                count=len(self.tiles), seed=self.seed_spin.value()))

    def _fit_lines(self, text: str, max_lines: int) -> list[str]:
        """Word-wrap ``text`` to the tile's width; the last line is elided (the full text is in
        the tooltip and the details panel)."""
        metrics = self.list.fontMetrics()
        width = self.list.cell.width() - 12  # a tile's own width: its grid cell may be wider
        lines: list[str] = []
        for word in text.split():
            if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        if len(lines) > max_lines:
            lines = lines[:max_lines - 1] + [" ".join(lines[max_lines - 1:])]
        return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]

    def _on_error(self, request, message: str):
        if isinstance(request, SheetExport):
            self.status.setText(self.tr("export failed: {message}").format(message=message))
        elif self.requests.is_latest(request.ticket):
            self.item(request.name).setText(f"{request.name}\n" + self.tr("failed: {message}").format(message=message))

    def _show_details(self):
        item = self.list.currentItem()
        if item is None:
            return
        name = item.data(NAME_ROLE)
        out, label, overlay = self.tiles.get(name, (None, None, None))
        self.text.setHtml(details_html(name, label))
        self.preview.set_content(to_qimage(out) if out is not None else None, label or name,
                                 overlay=CellOverlay.wrap(overlay))

    def _on_double_click(self, item: QListWidgetItem):
        name = item.data(NAME_ROLE)
        self.op_chosen.emit(name)
        self.status.setText(self.tr("{op} added to the pipeline").format(op=name))

    def select(self, name: str):
        self.list.setCurrentItem(self.item(name))

    # ---- export ----

    def export_dialog(self):
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export contact sheet"), "augview_gallery.png",
                                              self.tr("PNG (*.png)"))
        if path:
            self.export(path if Path(path).suffix else path + ".png")

    def export(self, path: str):
        """The visible ops (and the original) as one PNG, written in the background."""
        names = self.visible_names()
        self.status.setText(self.tr("exporting {count} ops…").format(count=len(names)))
        self.tasks.run(SheetExport(path), contact_sheet, path, self.image, self.seed_spin.value(),
                       names, dict(self.tiles), self.sheet_width.value(), self.targets, self.settings, self.overlay_state.options)
