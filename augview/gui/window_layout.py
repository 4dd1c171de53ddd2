"""The window's widgets, made and arranged in three groups: the pipeline dock (name, steps,
parameters), the previews with their bar (mode, variants, reroll, seed, lock, zoom) and the folder
strip. Each function returns its group with named fields; the window keeps the widgets it uses
and connects them to its own slots. The texts keep the "MainWindow" translation context."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDockWidget, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSpinBox,
    QSplitter, QVBoxLayout, QWidget,
)

from augview.gui.document import Document
from augview.gui.widgets.folder_strip import FolderStrip
from augview.gui.widgets.legend_bar import LegendBar
from augview.gui.widgets.param_form import ParamForm
from augview.gui.widgets.pipeline_panel import PipelinePanel
from augview.gui.widgets.seed_box import SeedBox
from augview.gui.widgets.target_form import TargetForm
from augview.pipeline.presets import MAX_NAME
from augview.gui.widgets.overlay_painter import OverlayState
from augview.gui.widgets.preview import PreviewArea


class PipelineWidgets(NamedTuple):
    dock: QDockWidget
    name_edit: QLineEdit
    panel: PipelinePanel
    form: ParamForm  # shows the step selected in the panel
    target_form: TargetForm  # the pipeline's target settings, under the step's parameters


class PreviewWidgets(NamedTuple):
    central: QWidget  # the bar above the previews, and the previews
    preview: PreviewArea
    mode_box: QComboBox
    count_spin: QSpinBox
    seed_spin: SeedBox
    lock_box: QCheckBox
    reroll_button: QPushButton
    zoom_label: QLabel
    toggles: dict[str, QCheckBox]  # which targets the panes draw, by OverlayOptions field
    legend: LegendBar  # the mask's colours, beside the toggles (not over the pictures)


class FolderWidgets(NamedTuple):
    dock: QDockWidget
    strip: FolderStrip
    summary: QLabel  # a data set's images, boxes per class


def pipeline_widgets(document: Document, parent: QWidget) -> PipelineWidgets:
    panel = PipelinePanel(document)
    form = ParamForm(document)
    panel.selected.connect(form.show_node)
    target_form = TargetForm(document)
    form_column = QWidget()
    form_layout = QVBoxLayout(form_column)
    form_layout.setContentsMargins(0, 0, 0, 0)
    form_layout.addWidget(form)
    form_layout.addWidget(target_form)
    form_layout.addStretch(1)
    name_edit = QLineEdit()
    name_edit.setPlaceholderText(QCoreApplication.translate("MainWindow", "preset name"))
    name_edit.setMaxLength(MAX_NAME)  # every name a preset may hold, and no longer
    form_scroll = QScrollArea()
    form_scroll.setWidget(form_column)
    form_scroll.setWidgetResizable(True)
    left = QSplitter(Qt.Orientation.Vertical)
    top = QWidget()
    top_layout = QVBoxLayout(top)
    top_layout.setContentsMargins(6, 6, 6, 0)
    top_layout.addWidget(name_edit)
    top_layout.addWidget(panel, 1)
    top_layout.setSpacing(0)
    left.addWidget(top)
    left.addWidget(form_scroll)
    left.setSizes([330, 470])
    dock = QDockWidget(QCoreApplication.translate("MainWindow", "Pipeline"), parent)
    dock.setObjectName("pipeline_dock")
    dock.setWidget(left)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
    dock.setMinimumWidth(430)
    return PipelineWidgets(dock, name_edit, panel, form, target_form)


def preview_widgets(overlay_state: OverlayState | None = None) -> PreviewWidgets:
    preview = PreviewArea(overlay_state=overlay_state, legend=False)
    # A click on a picture takes the keyboard (from the preset name, say): Space then rerolls.
    preview.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    mode_box = QComboBox()
    mode_box.addItem(QCoreApplication.translate("MainWindow", "Side by side"), "side")
    mode_box.addItem(QCoreApplication.translate("MainWindow", "Grid"), "grid")
    mode_box.setCurrentIndex(1)
    count_spin = QSpinBox()
    count_spin.setRange(1, 15)
    count_spin.setValue(3)
    count_spin.setPrefix(QCoreApplication.translate("MainWindow", "variants: "))
    # Side by side shows one variant: the count does nothing there.
    mode_box.currentIndexChanged.connect(lambda *_: count_spin.setEnabled(mode_box.currentData() != "side"))
    seed_spin = SeedBox()
    seed_spin.setPrefix(QCoreApplication.translate("MainWindow", "seed: "))
    seed_spin.setToolTip(QCoreApplication.translate("MainWindow", "The seed of the previews: variant i uses seed + i. Saving the preset "
                                      "stores it, so augview apply and Pipeline.load start from the "
                                      "same seed."))
    lock_box = QCheckBox(QCoreApplication.translate("MainWindow", "Lock seed"))
    lock_box.setChecked(True)
    lock_box.setToolTip(QCoreApplication.translate("MainWindow", "While locked, editing a parameter changes only that parameter's effect"))
    reroll_button = QPushButton(QCoreApplication.translate("MainWindow", "Reroll"))
    reroll_button.setToolTip(QCoreApplication.translate("MainWindow", "Draw new variants (Space)"))
    toggles = {}
    for name, text, tip in (
        ("boxes", QCoreApplication.translate("MainWindow", "Boxes"),
         QCoreApplication.translate("MainWindow", "Draw the boxes, with their class names")),
        ("masks", QCoreApplication.translate("MainWindow", "Mask"),
         QCoreApplication.translate("MainWindow", "Draw the mask as a translucent layer, with its legend")),
        ("mask_only", QCoreApplication.translate("MainWindow", "Mask only"),
         QCoreApplication.translate("MainWindow", "Show the mask alone, without the picture")),
        ("keypoints", QCoreApplication.translate("MainWindow", "Keypoints"),
         QCoreApplication.translate("MainWindow", "Draw the keypoints and the skeleton joining them")),
        ("dropped", QCoreApplication.translate("MainWindow", "Dropped"),
         QCoreApplication.translate("MainWindow", "Draw the boxes the target settings dropped, dashed, "
                                                  "where they would have been")),
    ):
        # Check boxes: flat tool buttons read as plain text while off, nothing said they toggle.
        button = QCheckBox(text)
        button.setToolTip(tip)
        button.setObjectName(f"overlay:{name}")
        toggles[name] = button
    bar = QHBoxLayout()
    for widget in (mode_box, count_spin, reroll_button, seed_spin, lock_box):
        bar.addWidget(widget)
    bar.addStretch(1)
    zoom_label = QLabel(QCoreApplication.translate("MainWindow", "fit"))
    zoom_label.setToolTip(QCoreApplication.translate(
        "MainWindow", "Zoom of the previews: the wheel zooms, dragging pans, a double-click fits them again"))
    bar.addSpacing(12)  # apart from "Lock seed" in a narrow window
    bar.addWidget(zoom_label)
    # The overlay toggles get a row of their own: beside the controls they made the window wider
    # than a 1280x720 projector.
    shown = QHBoxLayout()
    shown.addWidget(QLabel(QCoreApplication.translate("MainWindow", "Show:")))
    for button in toggles.values():
        shown.addWidget(button)
    legend = LegendBar()
    shown.addSpacing(16)
    shown.addWidget(legend, 1)
    shown.addStretch(0)
    central = QWidget()
    column = QVBoxLayout(central)
    column.setContentsMargins(4, 4, 4, 4)
    column.addLayout(bar)
    column.addLayout(shown)
    column.addWidget(preview, 1)
    return PreviewWidgets(central, preview, mode_box, count_spin, seed_spin, lock_box, reroll_button, zoom_label,
                          toggles, legend)


def folder_widgets(parent: QWidget) -> FolderWidgets:
    strip = FolderStrip()
    summary = QLabel()
    summary.setWordWrap(True)
    summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    summary.hide()  # until a data set's summary is known
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(4, 2, 4, 2)
    column.setSpacing(2)
    column.addWidget(summary)
    column.addWidget(strip)
    # No taller than the strip and three lines of summary: a taller dock only takes the height
    # the previews need (the window's bottom area would otherwise share its spare height).
    box.setMaximumHeight(strip.height() + 3 * summary.fontMetrics().lineSpacing() + 2 + 2 + 2)
    dock = QDockWidget(QCoreApplication.translate("MainWindow", "Folder"), parent)
    dock.setObjectName("folder_dock")
    dock.setWidget(box)
    dock.hide()  # until a folder is opened
    return FolderWidgets(dock, strip, summary)
