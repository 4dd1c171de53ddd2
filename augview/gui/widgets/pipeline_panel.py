"""The pipeline panel: the list of steps (and groups), the catalog picker, and the step editing
actions. The tree is a view of the document; every edit goes through the document and the tree is
rebuilt from it, so the two can never disagree."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu, QToolButton,
    QTreeWidget,
    QTreeWidgetItem, QTreeWidgetItemIterator, QVBoxLayout, QWidget,
)

from augview.analysis.probabilities import distinct_outputs, effective_probabilities
from augview.core.registry import CATALOG, find_ops, op_order
from augview.pipeline.nodes import GROUP_KINDS, Group
from augview.gui.document import Document
from augview.gui.i18n import op_text

PATH_ROLE = Qt.ItemDataRole.UserRole


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
    return node.op + (f"  {', '.join(parts[:2])}" if parts else "")


def format_time(seconds: float) -> str:
    """A step's time as the list shows it: "<0.1 ms", "0.4 ms", "12 ms", "1.4 s"."""
    milliseconds = seconds * 1000
    if milliseconds < 0.05:
        return "<0.1 ms"
    if milliseconds < 9.95:
        return f"{milliseconds:.1f} ms"
    return f"{milliseconds:.0f} ms" if seconds < 1 else f"{seconds:.1f} s"


class OpPicker(QDialog):
    """A searchable catalog, grouped by category, with each op's description as tooltip."""

    picked = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent, Qt.WindowType.Popup)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search ops… (name, category or description)"))
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumSize(320, 420)
        category_items = {}
        for name in op_order():
            op = CATALOG[name]
            if op.category not in category_items:
                category_items[op.category] = QTreeWidgetItem(self.tree, [op_text(op.category)])
                category_items[op.category].setFlags(Qt.ItemFlag.ItemIsEnabled)
            item = QTreeWidgetItem(category_items[op.category], [name])
            item.setData(0, PATH_ROLE, name)
            item.setToolTip(0, op_text(op.description))
        self.tree.expandAll()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        self.search.textChanged.connect(self.filter)
        self.search.returnPressed.connect(self._pick_first)
        self.tree.itemActivated.connect(self._pick_item)

    def filter(self, text: str):
        """Shows the ops that `find_ops` finds (English and translated texts alike)."""
        found = set(find_ops(text))
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            visible = 0
            for j in range(group.childCount()):
                item = group.child(j)
                match = item.text(0) in found
                item.setHidden(not match)
                visible += match
            group.setHidden(visible == 0)

    def visible_ops(self) -> list[str]:
        names = []
        iterator = QTreeWidgetItemIterator(self.tree)
        while iterator.value():
            item = iterator.value()
            if item.data(0, PATH_ROLE) and not item.isHidden() and not item.parent().isHidden():
                names.append(item.data(0, PATH_ROLE))
            iterator += 1
        return names

    def _pick_first(self):
        # Enter takes the best match (`find_ops` ranks the exact name first, then a name
        # starting with the search: "rot" is rotate, not random_rotate90).
        names = find_ops(self.search.text(), self.visible_ops())
        if names:
            self.picked.emit(names[0])
            self.close()

    def _pick_item(self, item):
        name = item.data(0, PATH_ROLE)
        if name:
            self.picked.emit(name)
            self.close()


class StepTree(QTreeWidget):
    """Steps as a tree; drag to reorder (or to move into a group)."""

    dropped = Signal(tuple, tuple, int)  # source path, target parent path, index

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setColumnCount(4)
        self.setHeaderLabels([self.tr("step"), "p", self.tr("fires"), self.tr("time")])
        self.headerItem().setToolTip(
            2, self.tr("how often the step really runs, through its groups' p, one_of and some_of"))
        self.headerItem().setToolTip(
            3, self.tr("how long the step takes on this photo at full resolution when it fires "
                       "(measured in the background once the previews are done)"))
        self.header().setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(False)  # the step names get the room, not "fires"
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        # Several steps at once (Ctrl+click, Shift+click), for Group ▾; the form shows the current one.
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)

    def dropEvent(self, event):
        source = self.currentItem()
        target = self.itemAt(event.position().toPoint())
        if source is None:
            event.ignore()
            return
        src = tuple(source.data(0, PATH_ROLE))
        position = self.dropIndicatorPosition()
        Indicator = QAbstractItemView.DropIndicatorPosition
        if target is None or position == Indicator.OnViewport:
            parent, index = (), self.topLevelItemCount()
        else:
            tgt = tuple(target.data(0, PATH_ROLE))
            is_group = target.data(1, PATH_ROLE) == "group"
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


class PipelinePanel(QWidget):
    selected = Signal(object)  # a path tuple, or None

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.tree = StepTree(self)
        self.picker: OpPicker | None = None

        self.add_button = self._tool(self.tr("Add op…"), self.tr("Add an op from the catalog (Ctrl+T)"),
                                     self.show_picker)
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        group_menu = QMenu(self)
        for kind in GROUP_KINDS:
            group_menu.addAction(kind, lambda k=kind: self.add_group(k))
        self.group_button = self._tool(self.tr("Group ▾"),
                                       self.tr("Put the selected steps into a container (one_of, some_of, "
                                               "random_order, sequence); with none selected, add an empty one. "
                                               "Ctrl+click or Shift+click selects several steps."), None)
        self.group_button.setMenu(group_menu)
        self.group_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.remove_button = self._tool(self.tr("Remove"), self.tr("Remove the selected step (Delete)"),
                                        self.remove_selected)
        self.up_button = self._tool("▲", self.tr("Move up (Ctrl+Up)"), lambda: self.move_selected(-1))
        self.down_button = self._tool("▼", self.tr("Move down (Ctrl+Down)"), lambda: self.move_selected(+1))

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.group_button, self.remove_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.up_button)
        bar.addWidget(self.down_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(bar)
        layout.addWidget(self.tree)
        self.count_label = QLabel(self)
        self.count_label.setWordWrap(True)
        self.count_label.setObjectName("distinct_count")
        layout.addWidget(self.count_label)
        self.image_shape: tuple | None = None
        self.timings: dict[tuple[int, ...], float] = {}  # seconds per step path (StepTimer)

        self.tree.itemSelectionChanged.connect(self._emit_selection)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.dropped.connect(self._on_dropped)
        document.changed.connect(self._on_document_changed)
        self.rebuild()

    def _tool(self, text, tip, slot):
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        if slot is not None:
            button.clicked.connect(slot)
        return button

    # ---- view of the document ----

    def rebuild(self, select: tuple[int, ...] | None = None):
        if select is None:
            select = self.selected_path()
        self.tree.blockSignals(True)
        self.tree.clear()
        self._fill(self.tree.invisibleRootItem(), self.document.pipeline.steps, ())
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self._update_analysis()
        item = self.item_at(select) if select else None
        if item is None and select:
            item = self.item_at(select[:-1] + (select[-1] - 1,)) if select[-1] > 0 else self.item_at(select[:-1])
        if item is not None:
            self.tree.setCurrentItem(item)
        else:
            self.tree.clearSelection()
        self._emit_selection()

    def _fill(self, parent_item, nodes, prefix):
        for index, node in enumerate(nodes):
            path = prefix + (index,)
            item = QTreeWidgetItem(parent_item, [step_summary(node), f"{node.p:.2f}"])
            item.setData(0, PATH_ROLE, list(path))
            item.setData(1, PATH_ROLE, "group" if isinstance(node, Group) else "step")
            item.setCheckState(0, Qt.CheckState.Checked if node.enabled else Qt.CheckState.Unchecked)
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled
            if isinstance(node, Group):
                flags |= Qt.ItemFlag.ItemIsDropEnabled
            else:
                flags &= ~Qt.ItemFlag.ItemIsDropEnabled
                item.setToolTip(0, op_text(CATALOG[node.op].description))
            item.setFlags(flags)
            if isinstance(node, Group):
                self._fill(item, node.steps, path)

    def item_at(self, path: tuple[int, ...]):
        item = self.tree.invisibleRootItem()
        for index in path:
            if index < 0 or index >= item.childCount():
                return None
            item = item.child(index)
        return item

    def selected_path(self) -> tuple[int, ...] | None:
        item = self.tree.currentItem()
        if item is None or not item.isSelected():
            return None
        return tuple(item.data(0, PATH_ROLE))

    def _emit_selection(self):
        self.selected.emit(self.selected_path())

    def _on_document_changed(self, kind: str):
        if kind in ("replaced", "structure"):
            self.timings = {}  # by path: they would land on other steps now
        if kind == "replaced":  # another preset: start on its first step's controls
            self.rebuild(select=(0,) if self.document.pipeline.steps else None)
        elif kind == "structure":
            self.rebuild()
        else:
            self._refresh_texts(self.tree.invisibleRootItem(), self.document.pipeline.steps)
            self._update_analysis()

    def set_timings(self, timings: dict[tuple[int, ...], float]):
        """Each step's time on this photo (the "time" column)."""
        self.timings = dict(timings)
        self._show_timings()

    def _show_timings(self):
        self.tree.blockSignals(True)
        for path, seconds in self.timings.items():
            item = self.item_at(path)
            if item is not None:
                item.setText(3, format_time(seconds))
        self.tree.blockSignals(False)

    def set_image_shape(self, shape: tuple):
        self.image_shape = tuple(shape)
        self._update_analysis()

    def _update_analysis(self):
        """The "fires" column and the count of distinct images (textbook arithmetic on the
        parameters; no pixels involved)."""
        steps = self.document.pipeline.steps
        chances = effective_probabilities(steps)
        self.tree.blockSignals(True)
        for path, chance in chances.items():
            item = self.item_at(path)
            if item is not None:
                item.setText(2, f"{chance:.0%}")
        self.tree.blockSignals(False)
        self._show_timings()  # the last measurement until the next one arrives
        if self.image_shape is None or not steps:
            self.count_label.setText("")
            return
        count = distinct_outputs(steps, self.image_shape)
        self.count_label.setText(count.summary())  # in the interface language (augview.text)
        self.count_label.setToolTip("\n".join(count.explanation))

    def _refresh_texts(self, parent_item, nodes):
        self.tree.blockSignals(True)
        for index, node in enumerate(nodes):
            item = parent_item.child(index)
            if item is None:
                continue
            item.setText(0, step_summary(node))
            item.setText(1, f"{node.p:.2f}")
            if isinstance(node, Group):
                self._refresh_texts(item, node.steps)
        self.tree.blockSignals(False)

    # ---- actions ----

    def show_picker(self):
        if self.picker is None:
            self.picker = OpPicker(self)
            self.picker.picked.connect(self.add_op)
        self.picker.search.clear()
        self.picker.move(self.add_button.mapToGlobal(self.add_button.rect().bottomLeft()))
        self.picker.show()
        self.picker.search.setFocus()

    def _insert_parent(self) -> tuple[int, ...]:
        """New steps go into the selected group, or at the top level."""
        path = self.selected_path()
        if path is not None and isinstance(self.document.node(path), Group):
            return path
        return ()

    def add_op(self, name: str):
        path = self.document.add_step(name, self._insert_parent())
        self.rebuild(select=path)
        self.tree.setFocus()  # the picker is gone: the keyboard goes back to the steps

    def selected_paths(self) -> list[tuple[int, ...]]:
        """The selected nodes that share the current one's parent (what Group ▾ can group)."""
        current = self.selected_path()
        if current is None:
            return []
        paths = [tuple(item.data(0, PATH_ROLE)) for item in self.tree.selectedItems()]
        return sorted(path for path in paths if path[:-1] == current[:-1])

    def add_group(self, kind: str):
        """Group the selected steps (issue 15); with none selected, an empty group at the end."""
        paths = self.selected_paths()
        if paths:
            path = self.document.group(paths, kind)
        else:
            path = self.document.add_group(kind, self._insert_parent())
        self.rebuild(select=path)

    def remove_selected(self):
        path = self.selected_path()
        if path is not None:
            self.document.remove(path)

    def move_selected(self, delta: int):
        path = self.selected_path()
        if path is None:
            return
        new_index = path[-1] + delta
        if 0 <= new_index < len(self.document.siblings(path)):
            self.document.move(path, new_index)
            self.rebuild(select=path[:-1] + (new_index,))

    def _on_item_changed(self, item, column):
        if column == 0:
            path = tuple(item.data(0, PATH_ROLE))
            enabled = item.checkState(0) == Qt.CheckState.Checked
            if self.document.node(path).enabled != enabled:
                # Deferred: the edit rebuilds the tree, which must not delete the item whose
                # change notification is still running (that crashes Qt).
                QTimer.singleShot(0, lambda: self.document.set_enabled(path, enabled))

    def _on_dropped(self, source, parent, index):
        if parent == source[:-1]:
            self.document.move(source, index)
            self.rebuild(select=parent + (min(index, len(self.document.siblings(source)) - 1),))
        else:
            self.document.move_to(source, parent, index)
            self.rebuild(select=None)
