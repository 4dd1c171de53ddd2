"""The tree of steps (and groups) of the pipeline panel: a view of the document's nodes that stays
quick for the largest preset (10,000 nodes).

- The document never changes a node in place, so after an edit the tree compares the new nodes
  with the ones it shows by identity and touches only the items of those that changed (one item
  rewritten, moved, removed or made), never the 9,999 others.
- A whole new preset is made in batches of `FILL_BATCH` items, one batch per turn of the event
  loop (the window answers in between); a selection asked for meanwhile is made once its item is.
  The items (and nodes) of a long preset it replaces are deleted in batches too.
- Items do not store their path (inserting a step would mean rewriting thousands): it is read
  from their position.
- The "fires" column is written for the nodes that changed only: a top-level node's chance of
  running depends on it alone.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from augview.analysis.probabilities import effective_probabilities
from augview.core.registry import CATALOG, switched_on
from augview.pipeline.nodes import Group, Node
from augview.gui.i18n import op_text

FILL_BATCH = 400  # items made per turn of the event loop (a few ms)
STEP_FLAGS = (Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
              | Qt.ItemFlag.ItemIsDragEnabled)
GROUP_FLAGS = STEP_FLAGS | Qt.ItemFlag.ItemIsDropEnabled

Path = tuple[int, ...]


def step_summary(node) -> str:
    """Short text for the list: the op and its range parameters."""
    if isinstance(node, Group):
        extra = f" n={node.n[0]}..{node.n[1]}" if node.kind == "some_of" else ""
        return QCoreApplication.translate("PipelinePanel", "{group} ({count} steps)").format(
            group=f"{node.kind}{extra}", count=len(node.steps))
    op = CATALOG[node.op]
    parts = []
    for spec in op.params:
        if spec.kind == "range" and spec.applies(node.params):
            low, high = node.params[spec.name]
            parts.append(f"{low:.3g}..{high:.3g}{op_text(spec.unit.strip())}")
    parts = parts[:2] + switched_on(op, node.params)
    return node.op + (f"  {', '.join(parts)}" if parts else "")


def format_time(seconds: float) -> str:
    """A step's time as the list shows it: "<0.1 ms", "0.4 ms", "12 ms", "1.4 s"."""
    milliseconds = seconds * 1000
    if milliseconds < 0.05:
        return "<0.1 ms"
    if milliseconds < 9.95:
        return f"{milliseconds:.1f} ms"
    return f"{milliseconds:.0f} ms" if seconds < 1 else f"{seconds:.1f} s"


def more_nodes_than(nodes, limit: int) -> bool:
    """Whether ``nodes`` hold more than ``limit`` nodes in all (counting stops there)."""
    left = limit
    stack = [nodes]
    while stack:
        for node in stack.pop():
            left -= 1
            if left < 0:
                return True
            if isinstance(node, Group):
                stack.append(node.steps)
    return False


class StepTree(QTreeWidget):
    """Steps as a tree; drag to reorder (or to move into a group)."""

    dropped = Signal(tuple, tuple, int)  # source path, target parent path, index
    filled = Signal()  # a new preset's last batch of items is made

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setColumnCount(4)
        self.setHeaderLabels([self.tr("step"), "p", self.tr("fires"), self.tr("time")])
        self.headerItem().setToolTip(
            3, self.tr("how long the step takes on this photo at full resolution when it fires "
                       "(measured in the background once the previews are done)"))
        self.headerItem().setToolTip(
            2, self.tr("how often the step really runs, through its groups' p, one_of and some_of"))
        self.setUniformRowHeights(True)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed widths that fit the numbers: sized to contents, every changed number would make
        # Qt measure a thousand rows again (7 ms a number, minutes for a long preset).
        metrics = self.fontMetrics()
        padding = 2 * self.style().pixelMetric(self.style().PixelMetric.PM_HeaderMargin) + 8
        for column, samples in ((1, ("0.00", "p")), (2, ("100%", self.tr("fires"))),
                                (3, ("<0.1 ms", "999 ms", self.tr("time")))):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, max(metrics.horizontalAdvance(t) for t in samples) + padding)
        header.setStretchLastSection(False)  # the step names get the room, not "fires"
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        # Several steps at once (Ctrl+click, Shift+click), for Group ▾; the form shows the current one.
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)

        self.shown: list[Node] = []  # the top-level nodes shown (their groups hold the rest)
        self._tips: dict[str, str] = {}  # op name -> its translated description
        # While a new preset is made: its chances of firing, the (parent item, nodes, next index,
        # parent path) jobs left, and the selection to make once its item exists.
        self._chances: dict[Path, float] = {}
        self._jobs: list[tuple[QTreeWidgetItem, list[Node], int, Path]] = []
        self.pending_select: Path | None = None
        self._scroll_when_filled = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._fill_more)
        # A long preset's items and nodes, once replaced, are deleted a batch per turn too.
        self._trash: list = []
        self._trash_timer = QTimer(self)
        self._trash_timer.setInterval(0)
        self._trash_timer.timeout.connect(self._empty_trash)

    # ---- a whole preset ----

    def show_nodes(self, nodes: list[Node]):
        """Make the items of ``nodes`` afresh: the first batch now, the rest on the next turns of
        the event loop (`filling` until then)."""
        self._timer.stop()
        old, self.shown = self.shown, list(nodes)
        self._chances = effective_probabilities(self.shown)
        self._jobs = [(self.invisibleRootItem(), self.shown, 0, ())]
        self.pending_select = None
        self._scroll_when_filled = False
        self.blockSignals(True)
        if self.topLevelItemCount() > FILL_BATCH:
            # Taken out at once (cheap), deleted over the next turns of the event loop.
            self._trash.extend(self.invisibleRootItem().takeChildren())
            self._trash.append(old)
            self._trash_timer.start()
        else:
            self.clear()
        self.blockSignals(False)
        self._fill_more()

    def filling(self) -> bool:
        return bool(self._jobs)

    def stop(self):
        self._timer.stop()
        self._trash_timer.stop()
        while self._trash:
            self._empty_trash()

    def _empty_trash(self):
        budget = FILL_BATCH
        while self._trash and budget > 0:
            thing = self._trash[-1]
            if isinstance(thing, QTreeWidgetItem):
                self._trash.pop()
                shiboken6.delete(thing)  # a taken item is not deleted with its last reference
                budget -= 1
            else:  # the replaced nodes: freed a few thousand at a time
                del thing[-5 * FILL_BATCH:]
                budget = 0
                if not thing:
                    self._trash.pop()
        if not self._trash:
            self._trash_timer.stop()

    def _fill_more(self):
        """One batch of items; the jobs run depth first, so the tree fills from the top."""
        budget = FILL_BATCH
        root = self.invisibleRootItem()
        self.blockSignals(True)
        try:
            while self._jobs and budget > 0:
                parent, nodes, start, prefix = self._jobs.pop()
                end = min(len(nodes), start + budget)
                items = [self._make_item(node, f"{self._chances.get(prefix + (i,), 0.0):.0%}")
                         for i, node in enumerate(nodes[start:end], start)]
                parent.addChildren(items)
                if start == 0 and parent is not root:
                    parent.setExpanded(True)
                budget -= end - start
                if end < len(nodes):
                    self._jobs.append((parent, nodes, end, prefix))
                for i in range(end - 1, start - 1, -1):
                    if isinstance(nodes[i], Group) and nodes[i].steps:
                        self._jobs.append((items[i - start], nodes[i].steps, 0, prefix + (i,)))
        finally:
            self.blockSignals(False)
        if self.pending_select is not None:
            item = self.item_at(self.pending_select)
            if item is not None or not self._jobs:
                self.pending_select = None
                self.set_current(item)
                self._scroll_when_filled = True  # the groups above it may still gain rows
        if self._jobs:
            self._timer.start()
        else:
            self._timer.stop()
            self._chances = {}
            if self._scroll_when_filled:
                self._scroll_when_filled = False
                self._scroll_to_current()
            self.filled.emit()

    def _make_item(self, node: Node, fires: str = "") -> QTreeWidgetItem:
        item = QTreeWidgetItem([step_summary(node), f"{node.p:.2f}", fires])
        self._dress(item, node)
        return item

    def _dress(self, item: QTreeWidgetItem, node: Node):
        item.setCheckState(0, Qt.CheckState.Checked if node.enabled else Qt.CheckState.Unchecked)
        if isinstance(node, Group):
            item.setFlags(GROUP_FLAGS)
            item.setToolTip(0, "")
        else:
            item.setFlags(STEP_FLAGS)
            tip = self._tips.get(node.op)
            if tip is None:
                tip = self._tips[node.op] = op_text(CATALOG[node.op].description)
            item.setToolTip(0, tip)

    # ---- after an edit ----

    def follow(self, nodes: list[Node]) -> bool:
        """Bring the items in line with ``nodes`` (a later version of the shown ones), touching
        only those of nodes that changed. False when that would mean making more than a batch of
        items at once: the caller then shows the nodes afresh."""
        nodes = list(nodes)
        self.blockSignals(True)
        try:
            changed = self._sync(self.invisibleRootItem(), self.shown, nodes)
            if changed is not None:
                self._write_fires(nodes, changed)
        finally:
            self.blockSignals(False)
        if changed is None:
            return False
        self.shown = nodes
        return True

    def _sync(self, parent: QTreeWidgetItem, old: list[Node], new: list[Node]) -> range | None:
        """Turn ``parent``'s items for ``old`` into items for ``new``; the indices of the new
        nodes among them (nodes that only moved are not new), or None (too many to make)."""
        head = 0
        while head < len(old) and head < len(new) and old[head] is new[head]:
            head += 1
        tail = 0
        while tail < len(old) - head and tail < len(new) - head and old[-1 - tail] is new[-1 - tail]:
            tail += 1
        gone, came = old[head:len(old) - tail], new[head:len(new) - tail]
        changed = range(head, head + len(came))
        if not gone and not came:
            return changed
        if len(gone) == len(came) == 1 and type(gone[0]) is type(came[0]):
            # One node edited: its item is rewritten in place, a group's children followed.
            item = parent.child(head)
            item.setText(0, step_summary(came[0]))
            item.setText(1, f"{came[0].p:.2f}")
            self._dress(item, came[0])
            if isinstance(came[0], Group) and self._sync(item, gone[0].steps, came[0].steps) is None:
                return None
            return changed
        if len(gone) == len(came) > 1:
            # One node moved within its list: its item moves, with its children.
            if gone[0] is came[-1] and all(a is b for a, b in zip(gone[1:], came)):
                self._move_item(parent, head, head + len(came) - 1, came[-1])
                return range(0)
            if gone[-1] is came[0] and all(a is b for a, b in zip(gone, came[1:])):
                self._move_item(parent, head + len(gone) - 1, head, came[0])
                return range(0)
        if more_nodes_than(came, FILL_BATCH):
            return None
        for _ in gone:
            parent.takeChild(head)
        items = [self._make_tree(node) for node in came]
        parent.insertChildren(head, items)
        for item, node in zip(items, came):
            self._expand(item, node)
        return changed

    def _make_tree(self, node: Node) -> QTreeWidgetItem:
        item = self._make_item(node)
        if isinstance(node, Group):
            item.addChildren([self._make_tree(child) for child in node.steps])
        return item

    def _move_item(self, parent: QTreeWidgetItem, source: int, target: int, node: Node):
        item = parent.takeChild(source)
        parent.insertChild(target, item)
        self._expand(item, node)

    def _expand(self, item: QTreeWidgetItem, node: Node):
        if isinstance(node, Group):
            item.setExpanded(True)
            for i, child in enumerate(node.steps):
                if isinstance(child, Group):
                    self._expand(item.child(i), child)

    def _write_fires(self, nodes: list[Node], changed: range):
        """The "fires" column of the top-level nodes ``changed`` and everything under them: how
        often each really runs, through nested p, one_of and some_of (textbook arithmetic on the
        parameters, no pixels). A top-level node's chance depends on it alone."""
        for index in changed:
            for path, chance in effective_probabilities([nodes[index]]).items():
                item = self.item_at((index,) + path[1:])
                if item is not None:
                    item.setText(2, f"{chance:.0%}")

    # ---- paths and selection ----

    def item_at(self, path: Path):
        item = self.invisibleRootItem()
        for index in path:
            if index < 0 or index >= item.childCount():
                return None
            item = item.child(index)
        return item

    def path_of(self, item: QTreeWidgetItem) -> Path:
        """The document path of an item, from its position."""
        path = []
        while item is not None:
            parent = item.parent()
            path.append(parent.indexOfChild(item) if parent is not None else self.indexOfTopLevelItem(item))
            item = parent
        return tuple(reversed(path))

    def selected_path(self) -> Path | None:
        if self.pending_select is not None:
            return self.pending_select  # its item is not made yet
        item = self.currentItem()
        if item is None or not item.isSelected():
            return None
        return self.path_of(item)

    def select_path(self, path: Path | None):
        """Select the item at ``path`` (or the nearest one left: after a removal, the one before),
        without announcing it; while the tree fills, as soon as the item is made."""
        self.pending_select = None  # whatever was waiting for its item is not wanted any more
        if path and not self._holds(path):
            path = path[:-1] + (path[-1] - 1,) if path[-1] > 0 else path[:-1]
            if path and not self._holds(path):
                path = None
        item = self.item_at(path) if path else None
        if item is None and path and self._jobs:
            self.pending_select = path  # a node of the preset being shown: its item comes soon
            self.set_current(None)
            return
        self.set_current(item)

    def _holds(self, path: Path) -> bool:
        """Whether the shown nodes have one at ``path`` (its item may not be made yet)."""
        nodes = self.shown
        for index in path:
            if not 0 <= index < len(nodes):
                return False
            node = nodes[index]
            nodes = node.steps if isinstance(node, Group) else []
        return True

    def set_current(self, item):
        self.blockSignals(True)  # the caller says what is selected, once
        if item is not None:
            self.setCurrentItem(item)
            # Scrolled into view once the view has laid out the rows made or moved meanwhile
            # (scrolled at once, it can aim at rows not laid out yet and miss).
            QTimer.singleShot(0, self._scroll_to_current)
        else:
            self.clearSelection()
        self.blockSignals(False)

    def _scroll_to_current(self):
        item = self.currentItem()
        if item is not None and not self.viewport().rect().contains(self.visualItemRect(item)):
            # Centred, not at the edge: a label below the tree may still take a line from it.
            self.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)

    def dropEvent(self, event):
        source = self.currentItem()
        target = self.itemAt(event.position().toPoint())
        if source is None:
            event.ignore()
            return
        src = self.path_of(source)
        position = self.dropIndicatorPosition()
        Indicator = QAbstractItemView.DropIndicatorPosition
        if target is None or position == Indicator.OnViewport:
            parent, index = (), self.topLevelItemCount()
        else:
            tgt = self.path_of(target)
            is_group = bool(target.flags() & Qt.ItemFlag.ItemIsDropEnabled)
            if position == Indicator.OnItem and is_group:
                parent, index = tgt, target.childCount()
            else:
                parent = tgt[:-1]
                index = tgt[-1] + (1 if position == Indicator.BelowItem else 0)
        if parent == src[:-1] and index > src[-1]:
            index -= 1  # the source leaves its place first
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self.dropped.emit(src, parent, index)
