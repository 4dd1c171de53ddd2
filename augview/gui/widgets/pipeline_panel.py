"""The pipeline panel: the list of steps (and groups), the catalog picker, and the step editing
actions. The tree is a view of the document; every edit goes through the document and the tree
follows it (`StepTree`, quick even for a 10,000-step preset), so the two can never disagree.
Under the steps, the number of distinct images the pipeline makes: at once for a short pipeline,
on a worker thread for a long one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QLineEdit, QMenu, QToolButton, QTreeWidget,
    QTreeWidgetItem, QTreeWidgetItemIterator, QVBoxLayout, QWidget,
)

from augview.analysis.probabilities import distinct_outputs
from augview.core.registry import CATALOG, find_ops, op_order
from augview.pipeline.nodes import GROUP_KINDS, Group, group_levels
from augview.pipeline.presets import MAX_DEPTH
from augview.gui.document import Document
from augview.gui.i18n import op_text
from augview.gui.render_worker import BackgroundTasks
from augview.gui.widgets.step_tree import StepTree, format_time, more_nodes_than, step_summary  # noqa: F401

PATH_ROLE = Qt.ItemDataRole.UserRole


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


# Pipelines with more nodes than this have their distinct images counted on a worker thread.
COUNT_IN_BACKGROUND = 200
EXPLANATION_LINES = 60  # the count's tooltip shows this many lines of its explanation
COUNT_RETRY_MS = 50  # how soon a count kept waiting by a render asks again


class PipelinePanel(QWidget):
    selected = Signal(object)  # a path tuple, or None
    refused = Signal(str)  # an edit that would make a preset no file can hold: why, in a sentence

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

        self._changed_while_filling = False  # the document moved on while a preset filled the tree
        self._select_after_edit: tuple | None = None  # (path,) an action of the panel selects next
        # The distinct-image count of a long pipeline runs on a worker; the newest request wins.
        self._count_tasks: BackgroundTasks | None = None
        self._count_request = 0
        self._counting = False
        self._count_wanted = False
        # Whether a count may start now (the window says: not while a preview renders). Both are
        # Python-heavy: run together with the GUI thread, they starve it of the interpreter lock.
        self.may_count = lambda: True
        self._closed = False

        self.tree.itemSelectionChanged.connect(self._on_tree_selection)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.dropped.connect(self._on_dropped)
        self.tree.filled.connect(self._on_filled)
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
        """Make the tree afresh from the document (a new preset) and select ``select`` (default:
        the selected path). A long preset's items are made over the next turns of the event loop."""
        if select is None:
            select = self.selected_path()
        self._changed_while_filling = False
        self.tree.show_nodes(self.document.pipeline.steps)
        self.select(select)
        self._update_count(fresh=True)

    def filling(self) -> bool:
        """Whether part of a new preset is still to be put in the tree."""
        return self.tree.filling()

    def _follow_document(self, select: bool):
        """After an edit: the tree follows the document, touching only what changed."""
        path = None
        if select:
            # The step an action of the panel selects next (announced once: each announcement
            # may make the parameter form afresh), or the same path as before.
            path = self._select_after_edit[0] if self._select_after_edit else self.selected_path()
        if self.tree.filling():
            if select:
                # Steps came, went or moved: the items made so far no longer sit at their nodes'
                # paths, and a path read from the tree would name another step. Start afresh.
                self.rebuild(select=path)
                return
            self._changed_while_filling = True  # values only: caught up with once it is filled
            self._update_count()
            return
        if not self.tree.follow(self.document.pipeline.steps):
            self.rebuild(select=path)  # thousands of new items: in batches, like a new preset
            return
        if select:
            self.select(path)
        self._update_count()

    def _on_filled(self):
        self._show_timings()  # the last measurement until the next one arrives
        if self._changed_while_filling:
            self._changed_while_filling = False
            self._follow_document(select=True)

    def item_at(self, path: tuple[int, ...]):
        return self.tree.item_at(path)

    def selected_path(self) -> tuple[int, ...] | None:
        return self.tree.selected_path()

    def select(self, path: tuple[int, ...] | None):
        """Select the step at ``path`` (or the nearest one left: after a removal, the step before)
        and show its controls."""
        self.tree.select_path(path)
        self._emit_selection()

    def _on_tree_selection(self):
        self.tree.pending_select = None  # the person chose another step meanwhile
        self._emit_selection()

    def _emit_selection(self):
        self.selected.emit(self.selected_path())

    def _on_document_changed(self, kind: str):
        if kind in ("replaced", "structure"):
            self.timings = {}  # by path: they would land on other steps now
        if kind == "replaced":  # another preset: start on its first step's controls
            self.rebuild(select=(0,) if self.document.pipeline.steps else None)
        elif kind == "structure":
            self._follow_document(select=True)
        elif kind == "values":
            self._follow_document(select=False)

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
        self._update_count()

    # ---- the count of distinct images ----

    def _update_count(self, fresh: bool = False):
        """At once for a short pipeline; on a worker for a long one (the label is greyed out
        until the newest count arrives; a count asked for meanwhile starts after it). ``fresh``:
        another preset, whose count must not be shown greyed as if it were this one's."""
        self._count_request += 1
        steps = self.document.pipeline.steps
        if self.image_shape is None or not steps:
            self.count_label.setText("")
            self.count_label.setToolTip("")
            self.count_label.setEnabled(True)
            return
        if not more_nodes_than(steps, COUNT_IN_BACKGROUND):
            self._show_count(distinct_outputs(steps, self.image_shape))
            return
        self.count_label.setEnabled(False)
        if fresh or not self.count_label.text():
            self.count_label.setText(self.tr("counting the different images…"))
            self.count_label.setToolTip("")
        if self._counting:
            self._count_wanted = True
        else:
            self._start_count()

    def counting(self) -> bool:
        return self._counting

    def _start_count(self):
        self._counting, self._count_wanted = True, False
        # Handed over on the next turn of the event loop: the worker's Python would compete for
        # the interpreter with what this turn still does (the form, the window), slowing both.
        QTimer.singleShot(0, self._hand_over_count)

    def _hand_over_count(self):
        if self._closed:
            self._counting = False
            return  # the window closed while the count waited for its turn
        if self.image_shape is not None and not self.may_count():
            QTimer.singleShot(COUNT_RETRY_MS, self._hand_over_count)
            return
        if self._count_tasks is None:
            self._count_tasks = BackgroundTasks(workers=1)
            self._count_tasks.done.connect(self._on_counted)
            self._count_tasks.error.connect(self._on_count_failed)
        self._count_wanted = False  # this count is of the newest steps
        if self.image_shape is None:
            self._counting = False
            return
        # The newest steps; nodes are never changed in place, so the worker may read them while
        # edits go on.
        self._count_tasks.run(self._count_request, distinct_outputs, list(self.document.pipeline.steps),
                              self.image_shape)

    def _on_counted(self, request: int, count):
        self._counting = False
        if request == self._count_request:
            self._show_count(count)
        elif self._count_wanted:
            self._start_count()

    def _on_count_failed(self, request: int, message: str):
        self._counting = False
        if request == self._count_request:
            self.count_label.setText("")
            self.count_label.setToolTip(message)
            self.count_label.setEnabled(True)
        elif self._count_wanted:
            self._start_count()

    def _show_count(self, count):
        self.count_label.setText(count.summary())  # in the interface language (augview.text)
        lines = count.explanation
        if len(lines) > EXPLANATION_LINES:  # a tooltip of 10,000 lines helps nobody
            lines = lines[:EXPLANATION_LINES - 1] + [
                self.tr("… {count} more lines").format(count=len(lines) - EXPLANATION_LINES + 1)]
        self.count_label.setToolTip("\n".join(lines))
        self.count_label.setEnabled(True)

    def shutdown(self):
        """Stop the tree's filling and the worker that counts (the window is closing)."""
        self._closed = True
        self.tree.stop()
        if self._count_tasks is not None:
            self._count_tasks.shutdown()

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

    def _edit_then_select(self, edit, path: tuple[int, ...] | None):
        """Make a document edit after which ``path`` is selected, announcing the selection once."""
        self._select_after_edit = (path,)
        try:
            edit()
        finally:
            self._select_after_edit = None
        if self.selected_path() != path:
            self.select(path)

    def add_op(self, name: str):
        parent = self._insert_parent()
        path = parent + (len(self._children(parent)),)
        self._edit_then_select(lambda: self.document.add_step(name, parent), path)
        self.tree.setFocus()  # the picker is gone: the keyboard goes back to the steps

    def selected_paths(self) -> list[tuple[int, ...]]:
        """The selected nodes that share the current one's parent (what Group ▾ can group)."""
        current = self.selected_path()
        if current is None:
            return []
        paths = [self.tree.path_of(item) for item in self.tree.selectedItems()]
        return sorted(path for path in paths if path[:-1] == current[:-1])

    def add_group(self, kind: str):
        """Group the selected steps; with none selected, an empty group at the end."""
        paths = self.selected_paths()
        if paths:
            inside = max(group_levels(self.document.node(path)) for path in paths)
            if self._too_deep(len(paths[0]) + inside):
                return
            self._edit_then_select(lambda: self.document.group(paths, kind), paths[0])
            return
        parent = self._insert_parent()
        if self._too_deep(len(parent) + 1):
            return
        path = parent + (len(self._children(parent)),)
        self._edit_then_select(lambda: self.document.add_group(kind, parent), path)

    def _too_deep(self, levels: int) -> bool:
        """Whether groups ``levels`` deep are more than a preset holds; if so, says why. (Built
        here, such a pipeline would render but could not be saved.)"""
        if levels <= MAX_DEPTH:
            return False
        self.refused.emit(self.tr("Groups nest at most {max} deep in a preset; this would make {levels}").format(
            max=MAX_DEPTH, levels=levels))
        return True

    def _children(self, parent: tuple[int, ...]):
        return self.document.node(parent).steps if parent else self.document.pipeline.steps

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
            self._edit_then_select(lambda: self.document.move(path, new_index), path[:-1] + (new_index,))

    def _on_item_changed(self, item, column):
        if column == 0:
            path = self.tree.path_of(item)
            enabled = item.checkState(0) == Qt.CheckState.Checked
            if self.document.node(path).enabled != enabled:
                # Deferred: the edit changes the tree, which must not happen while the item's
                # change notification is still running (that crashes Qt).
                QTimer.singleShot(0, lambda: self.document.set_enabled(path, enabled))

    def _on_dropped(self, source, parent, index):
        if parent == source[:-1]:
            target = parent + (min(index, len(self.document.siblings(source)) - 1),)
            self._edit_then_select(lambda: self.document.move(source, index), target)
        elif not self._too_deep(len(parent) + group_levels(self.document.node(source))):
            self._edit_then_select(lambda: self.document.move_to(source, parent, index), None)
