"""The window's widgets: the pipeline dock (name, steps, parameters), the preview area with its
bar (mode, variants, reroll, seed, lock, zoom) and the folder strip. Kept apart from
main_window.py, which holds the window's behaviour; the texts keep the "MainWindow" context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDockWidget, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSpinBox,
    QSplitter, QVBoxLayout, QWidget,
)

from augview.gui.widgets.folder_strip import FolderStrip
from augview.gui.widgets.param_form import ParamForm
from augview.gui.widgets.pipeline_panel import PipelinePanel
from augview.gui.widgets.preview import PreviewArea
from augview.gui.widgets.seed_box import SeedBox
from augview.pipeline.presets import MAX_NAME



def build_widgets(window):
    """Make the widgets as attributes of ``window`` and connect them to its slots."""
    window.panel = PipelinePanel(window.document)
    window.form = ParamForm(window.document)
    window.panel.selected.connect(window.form.show_node)
    window.name_edit = QLineEdit()
    window.name_edit.setPlaceholderText(QCoreApplication.translate("MainWindow", "preset name"))
    window.name_edit.setMaxLength(MAX_NAME)  # every name a preset may hold, and no longer
    window.name_edit.editingFinished.connect(window._on_name_edited)
    form_scroll = QScrollArea()
    form_scroll.setWidget(window.form)
    form_scroll.setWidgetResizable(True)
    left = QSplitter(Qt.Orientation.Vertical)
    top = QWidget()
    top_layout = QVBoxLayout(top)
    top_layout.setContentsMargins(6, 6, 6, 0)
    top_layout.addWidget(window.name_edit)
    top_layout.addWidget(window.panel, 1)
    top_layout.setSpacing(0)
    left.addWidget(top)
    left.addWidget(form_scroll)
    left.setSizes([330, 470])
    dock = QDockWidget(QCoreApplication.translate("MainWindow", "Pipeline"), window)
    dock.setObjectName("pipeline_dock")
    dock.setWidget(left)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
    dock.setMinimumWidth(430)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)

    window.preview = PreviewArea()
    window.mode_box = QComboBox()
    window.mode_box.addItem(QCoreApplication.translate("MainWindow", "Side by side"), "side")
    window.mode_box.addItem(QCoreApplication.translate("MainWindow", "Grid"), "grid")
    window.mode_box.setCurrentIndex(1)
    window.count_spin = QSpinBox()
    window.count_spin.setRange(1, 15)
    window.count_spin.setValue(3)
    window.count_spin.setPrefix(QCoreApplication.translate("MainWindow", "variants: "))
    window.seed_spin = SeedBox()
    window.seed_spin.setPrefix(QCoreApplication.translate("MainWindow", "seed: "))
    window.seed_spin.setToolTip(QCoreApplication.translate("MainWindow", "The seed of the previews: variant i uses seed + i. Saving the preset "
                                      "stores it, so augview apply and Pipeline.load start from the "
                                      "same seed."))
    window.lock_box = QCheckBox(QCoreApplication.translate("MainWindow", "Lock seed"))
    window.lock_box.setChecked(True)
    window.lock_box.setToolTip(QCoreApplication.translate("MainWindow", "While locked, editing a parameter changes only that parameter's effect"))
    window.reroll_button = QPushButton(QCoreApplication.translate("MainWindow", "Reroll"))
    window.reroll_button.setToolTip(QCoreApplication.translate("MainWindow", "Draw new variants (Space)"))
    bar = QHBoxLayout()
    for widget in (window.mode_box, window.count_spin, window.reroll_button, window.seed_spin, window.lock_box):
        bar.addWidget(widget)
    bar.addStretch(1)
    window.zoom_label = QLabel(QCoreApplication.translate("MainWindow", "fit"))
    bar.addWidget(window.zoom_label)
    central = QWidget()
    column = QVBoxLayout(central)
    column.setContentsMargins(4, 4, 4, 4)
    column.addLayout(bar)
    column.addWidget(window.preview, 1)
    window.setCentralWidget(central)

    window.strip = FolderStrip()
    window.strip.chosen.connect(lambda path: window.open_image(path, remember=False, from_strip=True))
    window.strip_dock = QDockWidget(QCoreApplication.translate("MainWindow", "Folder"), window)
    window.strip_dock.setObjectName("folder_dock")
    window.strip_dock.setWidget(window.strip)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, window.strip_dock)
    window.strip_dock.hide()

    window.mode_box.currentIndexChanged.connect(lambda *_: window.request_render())
    # Side by side shows one variant: the count does nothing there.
    window.mode_box.currentIndexChanged.connect(
        lambda *_: window.count_spin.setEnabled(window.mode_box.currentData() != "side"))
    window.count_spin.valueChanged.connect(lambda *_: window.request_render())
    window.seed_spin.valueChanged.connect(lambda *_: window.request_render())
    window.reroll_button.clicked.connect(window.reroll)
    window.preview.view.changed.connect(window._update_zoom_label)
    window.status_label = QLabel()
    window.statusBar().addPermanentWidget(window.status_label)
