"""The mask's legend as one line beside the overlay toggles: a colour swatch and a name per
value, as many as the width holds, then "+N more"; every entry is in the tooltip.

In the main window the legend lives here rather than over a picture: drawn in a pane it covered
part of the original (a 1280x720 window has no margin beside the picture wide enough for it) and
was left out of small panes, where "Mask only" needs it most. The presentation, the parameter
sweep and the op gallery show one under their pictures too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from augview.analysis.fonts import drawable
from augview.analysis.overlays import RGB, OverlayOptions, Shown, overlay_of

SWATCH = 10  # pixels, the smallest side of a colour square (it grows with the font: a slide's)
GAP = 14  # pixels between one entry and the next
TOOLTIP_ENTRIES = 40  # the tooltip lists this many, then how many more (a 16-bit mask may have thousands)


def legend_of(targets: Shown | None) -> list[tuple[str, RGB]]:
    """The mask legend of an image's targets (none without targets or a mask), for the windows
    whose pictures have no original beside them, whose overlay would carry it."""
    return overlay_of(targets).legend if targets is not None else []


class LegendBar(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[tuple[str, RGB]] = []
        self.shown = 0  # how many entries the last paint had room for
        # As wide as the row leaves it, never wider: a hundred classes must not widen the window.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setObjectName("mask_legend")
        self.hide()

    def set_entries(self, entries: list[tuple[str, RGB]]) -> None:
        """The mask's values (name, colour), or none: then the bar is hidden."""
        # Class names from files, on one line as text drawn into images is (a name "a\nb" was
        # drawn as two clipped lines).
        self.entries = [(drawable(name), color) for name, color in entries]
        names = [name for name, _ in self.entries[:TOOLTIP_ENTRIES]]
        if len(self.entries) > TOOLTIP_ENTRIES:
            names.append(QCoreApplication.translate("MainWindow", "… {count} more").format(
                count=len(self.entries) - TOOLTIP_ENTRIES))
        self.setToolTip("\n".join(names))
        self.setVisible(bool(self.entries))
        self.update()

    def show_while_drawn(self, entries: list[tuple[str, RGB]], options: OverlayOptions) -> None:
        """``entries`` (an overlay's legend) while ``options`` draw the mask, or the mask only;
        hidden otherwise."""
        self.set_entries(entries if options.masks or options.mask_only else [])

    def sizeHint(self) -> QSize:
        return QSize(200, self.fontMetrics().height() + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height() + 4)

    def _width(self, name: str) -> int:
        return self._swatch() + 4 + self.fontMetrics().horizontalAdvance(name)

    def _swatch(self) -> int:
        return max(SWATCH, round(self.fontMetrics().height() * 0.55))

    def paintEvent(self, event):
        painter = QPainter(self)
        metrics, swatch = self.fontMetrics(), self._swatch()
        x, middle = 0.0, self.height() / 2
        self.shown = 0
        for index, (name, color) in enumerate(self.entries):
            left = len(self.entries) - index - 1
            more = QCoreApplication.translate("MainWindow", "+{count} more").format(count=left) if left else ""
            room = self.width() - x - (metrics.horizontalAdvance(more) + GAP if more else 0)
            if self._width(name) > room:
                if self.shown == 0 and room > swatch + 4 + metrics.horizontalAdvance("…") * 3:
                    # Not even the first fits: it is shown elided, rather than only "+N more".
                    name = metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(room - swatch - 4))
                else:
                    # No room for this one (and the note of those after it): say how many are left.
                    painter.setPen(self.palette().color(self.foregroundRole()))
                    rest = QCoreApplication.translate("MainWindow", "+{count} more").format(count=left + 1)
                    painter.drawText(QRectF(x, 0, self.width() - x, self.height()),
                                     Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, rest)
                    break
            painter.setPen(QPen(QColor(0, 0, 0, 160), 1.0))
            painter.setBrush(QColor(*color))
            painter.drawRect(QRectF(x + 0.5, middle - swatch / 2 + 0.5, swatch, swatch))
            painter.setPen(self.palette().color(self.foregroundRole()))
            painter.drawText(QRectF(x + swatch + 4, 0, self.width(), self.height()),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)
            x += self._width(name) + GAP
            self.shown += 1
        painter.end()
