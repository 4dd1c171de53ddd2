"""Presentation mode: full screen, large type, driven from the keyboard, for a classroom.

It walks through the pipeline one step at a time: each slide shows the original beside random
variants of that step alone, with the op's name and its description for learners. The last slide
is the whole pipeline. With the image's annotations, every cell shows its boxes, mask and keypoints,
and each caption says what happened to them.

Keys: Right / Left (or Page Down / Page Up) next and previous slide, Space new variants,
Up / Down more or fewer variants, Home the first slide, End the whole pipeline, F11 full screen on
and off, Escape leaves.
"""

from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from augview.analysis.overlays import Shown
from augview.pipeline.pipeline import Pipeline
from augview.core.registry import get_op
from augview.pipeline.nodes import Step, enabled_steps
from augview.gui.i18n import op_text
from augview.gui.latest import LatestRequest
from augview.gui.widgets.legend_bar import LegendBar
from augview.gui.widgets.overlay_painter import CellOverlay, OverlayState
from augview.gui.widgets.preview import PreviewArea, best_columns
from augview.gui.render_worker import REROLL_MAX, RenderJob, RenderWorker


class PresentationView(QWidget):
    def __init__(self, pipeline: Pipeline, image, count: int = 3, seed: int = 0, parent=None,
                 targets: Shown | None = None, original: CellOverlay | None = None,
                 overlay_state: OverlayState | None = None):
        super().__init__(parent)
        self.targets, self.original = targets, original  # in the frame of ``image``
        self.setWindowTitle(self.tr("augview — presentation"))
        self.pipeline = pipeline
        self.image = image
        self.count = count
        self.seed = seed
        self.slides = enabled_steps(pipeline.steps)
        self.index = 0
        self.renders = LatestRequest()
        self.last_output = None
        self.worker = RenderWorker()
        self.worker.finished.connect(self._on_rendered)

        self.title = QLabel()
        self.title.setWordWrap(True)  # a long title never makes the window wider than the screen
        self.about = QLabel()
        self.about.setWordWrap(True)
        # The mask's legend is a line under the pictures, as beside the main window's toggles:
        # drawn over the original it covered objects and their tags on a small slide.
        self.preview = PreviewArea(columns=self.slide_columns, overlay_state=overlay_state, legend=False)
        self.legend = LegendBar()
        self.preview.overlay_state.changed.connect(self._update_legend)
        self.hint = QLabel(self.tr(
            "→ next   ← previous   Space new variants   ↑↓ variants   End whole pipeline   Esc leave"))
        self.hint.setWordWrap(True)
        self.caption_font = QFont(self.font())
        self.fit_to_room()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.about)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.hint)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._update_legend()
        self.show_slide(0)

    # Type sizes as shares of the window's height, so text is as large on a projector's 1280x720
    # as the room needs (at 720 px: title 40 px, description 28 px, captions and keys 20 px), not
    # a fixed factor of a laptop's interface font.
    TITLE, ABOUT, CAPTION, HINT = 1 / 18, 1 / 26, 1 / 36, 1 / 36

    def _font(self, share: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        # A share of the height of a landscape room (16:9 or 4:3); a portrait screen counts as
        # one as wide, so its text still fits across.
        room = min(self.height(), self.width() * 3 / 4)
        font.setPixelSize(max(12, round(room * share)))
        font.setBold(bold)
        return font

    def fit_to_room(self):
        """Type sized for the back row of a room at the window's size (see `_font`)."""
        self.title.setFont(self._font(self.TITLE, bold=True))
        self.about.setFont(self._font(self.ABOUT))
        self.hint.setFont(self._font(self.HINT))
        self.caption_font = self._font(self.CAPTION)
        self.legend.setFont(self.caption_font)
        self._style_captions()

    def _update_legend(self):
        """The mask's names and colours while the mask is drawn."""
        self.legend.show_while_drawn(self.original.overlay.legend if self.original is not None else [],
                                     self.preview.overlay_state.options)

    def _style_captions(self):
        # The boxes' name tags follow the pane's font: sized with the room too (at the interface's
        # 9 px they could not be read beyond the front row), a little smaller than the captions.
        # In points, which the tags' font is made from.
        tags = QFont(self.caption_font)
        tags.setPointSizeF(self.caption_font.pixelSize() * 0.8 * 72 / max(1, self.logicalDpiY()))
        for cell in self.preview.cells:
            cell.CAPTION_LINES = self.CAPTION_LINES
            cell.caption.setFont(self.caption_font)
            cell.pane.setFont(tags)
            cell.fit_caption()

    CAPTION_LINES = 2  # what a slide's variant drew; the pictures get the rest of the height

    def slide_columns(self, count: int) -> int:
        """The grid that shows the pictures largest in the space the slide leaves them."""
        image = self.image.shape[1] / self.image.shape[0] if self.image is not None else 1.0
        caption = QFontMetrics(self.caption_font).lineSpacing() * self.CAPTION_LINES + 12
        return best_columns(count, self.preview.width(), self.preview.height(), image, caption)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.fit_to_room()  # (the preview lays its grid out again when its own size changes)

    # ---- slides ----

    def slide_count(self) -> int:
        return len(self.slides) + 1  # the last slide is the whole pipeline

    def show_slide(self, index: int):
        self.index = max(0, min(index, self.slide_count() - 1))
        if self.index < len(self.slides):
            path, step = self.slides[self.index]
            op = get_op(step.op)
            where = self.tr("step {number} of {total}").format(number=self.index + 1, total=len(self.slides))
            # Each part on one line when the title wraps ("step 1" / "of 4" read as two things).
            parts = (op.name, op_text(op.category), where)
            self.title.setText("  ·  ".join(part.replace(" ", "\u00a0") for part in parts))
            self.about.setText(op_text(op.description))
            pipeline = Pipeline([Step(step.op, dict(step.params))], seed=self.seed, targets=self.pipeline.targets)
        else:
            name = self.pipeline.name or self.tr("the whole pipeline")
            self.title.setText(f"{name}  ·  " + self.tr("all {count} steps together").format(count=len(self.slides)))
            self.about.setText(self.pipeline.description
                               or self.tr("Every step, with its probability, as training sees it."))
            pipeline = self.pipeline
        self.render(pipeline)

    def render(self, pipeline: Pipeline):
        if self.image is None:
            return
        self.worker.submit(RenderJob(self.renders.new(), pipeline, self.image, self.count, self.seed,
                                     targets=self.targets))

    def _on_rendered(self, output):
        if not self.renders.is_latest(output.job_id):
            return
        self.last_output = output
        stories = output.target_captions or [""] * len(output.results)
        captions = [self.tr("original")] + [f"{r.summary} · {story}" if story else r.summary
                                            for r, story in zip(output.results, stories)]
        overlays = [self.original] + (output.cell_overlays or [None] * len(output.results))
        self.preview.show_images([output.original] + output.images, captions, captions, overlays)
        self._style_captions()

    # ---- keyboard ----

    def keyPressEvent(self, event):
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            self.show_slide(self.index + 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.show_slide(self.index - 1)
        elif key == Qt.Key.Key_Home:
            self.show_slide(0)
        elif key == Qt.Key.Key_End:
            self.show_slide(self.slide_count() - 1)
        elif key == Qt.Key.Key_Space:
            self.seed = random.SystemRandom().randrange(REROLL_MAX)
            self.show_slide(self.index)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.count = max(1, min(15, self.count + (1 if key == Qt.Key.Key_Up else -1)))
            self.show_slide(self.index)
        elif key == Qt.Key.Key_F11:
            self.showNormal() if self.isFullScreen() else self.showFullScreen()
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event):
        self.worker.stop()
        super().closeEvent(event)
