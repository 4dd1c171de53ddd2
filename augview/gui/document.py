"""The window's editable pipeline: every edit goes through here, so undo/redo and the "unsaved
changes" mark cover all of them.

Undo keeps whole snapshots (the preset dict) rather than inverse commands: a pipeline is a few
kilobytes, and a snapshot can never get out of step with the edit it undoes. Edits that share a
``merge`` key within a short time (one slider drag) collapse into one undo step.
"""

from __future__ import annotations

import time
from typing import Any, Callable, NamedTuple

from PySide6.QtCore import QObject, Signal

from augview.pipeline.pipeline import Pipeline
from augview.pipeline.nodes import Group, Node, Step

MERGE_SECONDS = 1.5


class Merge(NamedTuple):
    """The last edit that a following one with the same key may merge into."""

    key: Any
    time: float  # time.monotonic() of that edit
UNDO_LIMIT = 200


class Document(QObject):
    # "structure": steps were added, removed, moved or replaced; "values": parameters changed;
    # "header": only the name or description (no pixels change); "replaced": another preset
    # (opened, imported or new) took the document's place.
    changed = Signal(str)
    dirty_changed = Signal(bool)

    def __init__(self, pipeline: Pipeline | None = None, path: str | None = None):
        super().__init__()
        self.pipeline = pipeline or Pipeline(name="untitled")
        self.path = path
        self._saved = self.pipeline.to_dict()
        self._undo: list[dict] = []
        self._redo: list[dict] = []
        self._merge: Merge | None = None
        self._was_dirty = False

    # ---- state ----

    @property
    def dirty(self) -> bool:
        return self.pipeline.to_dict() != self._saved

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def node(self, path: tuple[int, ...]) -> Node:
        nodes = self.pipeline.steps
        node = None
        for index in path:
            node = nodes[index]
            nodes = node.steps if isinstance(node, Group) else []
        return node

    def siblings(self, path: tuple[int, ...]) -> list[Node]:
        return self.pipeline.steps if len(path) == 1 else self.node(path[:-1]).steps

    def snapshot(self) -> Pipeline:
        """A private copy for a render worker: later edits never reach it."""
        return self.pipeline.copy()

    # ---- whole-document changes ----

    def replace(self, pipeline: Pipeline, path: str | None, saved: bool = True):
        """A newly opened preset: history starts afresh. ``saved=False`` for one that exists only
        in memory (an import), so closing it asks first."""
        self.pipeline = pipeline
        self.path = path
        self._saved = pipeline.to_dict() if saved else {}
        self._undo.clear()
        self._redo.clear()
        self._merge = None
        self._emit("replaced")

    def mark_saved(self, path: str):
        self.path = path
        self._saved = self.pipeline.to_dict()
        self._emit_dirty()

    # ---- edits ----

    def edit(self, mutate: Callable[[], None], kind: str = "structure", merge: Any = None):
        now = time.monotonic()
        merging = merge is not None and self._merge is not None and self._merge.key == merge \
            and now - self._merge.time < MERGE_SECONDS
        before = self.pipeline.to_dict()
        if kind == "structure":
            # one_of weights belong to children: they follow them when steps move, come and go.
            weights = self._weights_by_child()
            mutate()
            self._reattach_weights(weights)
        else:
            mutate()
        if self.pipeline.to_dict() == before:
            return
        if not merging:
            self._undo.append(before)
            del self._undo[:-UNDO_LIMIT]
        elif self._undo and self.pipeline.to_dict() == self._undo[-1]:
            # A drag that came back to where it started leaves no undo step behind.
            self._undo.pop()
            self._redo.clear()
            self._merge = None
            self._emit(kind)
            return
        self._redo.clear()
        self._merge = Merge(merge, now) if merge is not None else None
        self._emit(kind)

    def add_step(self, op_name: str, parent: tuple[int, ...] = (), index: int | None = None) -> tuple[int, ...]:
        nodes = self.pipeline.steps if not parent else self.node(parent).steps
        position = len(nodes) if index is None else index
        self.edit(lambda: nodes.insert(position, Step(op_name)))
        return parent + (position,)

    def add_group(self, kind: str, parent: tuple[int, ...] = ()) -> tuple[int, ...]:
        nodes = self.pipeline.steps if not parent else self.node(parent).steps
        position = len(nodes)
        self.edit(lambda: nodes.insert(position, Group(kind, [], n=(1, 1))))
        return parent + (position,)

    def group(self, paths: list[tuple[int, ...]], kind: str) -> tuple[int, ...]:
        """Put the nodes at ``paths`` (siblings) into a new group of ``kind``, in their order, where
        the first of them was; returns the group's path."""
        parent = paths[0][:-1]
        if any(path[:-1] != parent for path in paths):
            raise ValueError("only steps under the same parent can be grouped")
        siblings = self.siblings(paths[0])
        indices = sorted({path[-1] for path in paths})

        def mutate():
            nodes = [siblings[i] for i in indices]
            for i in reversed(indices):
                siblings.pop(i)
            siblings.insert(indices[0], Group(kind, nodes, n=(1, 1)))

        self.edit(mutate)
        return parent + (indices[0],)

    def remove(self, path: tuple[int, ...]):
        siblings = self.siblings(path)
        self.edit(lambda: siblings.pop(path[-1]))

    def move(self, path: tuple[int, ...], new_index: int):
        """Move a node within its parent."""
        siblings = self.siblings(path)
        new_index = max(0, min(new_index, len(siblings) - 1))

        def mutate():
            node = siblings.pop(path[-1])
            siblings.insert(new_index, node)

        self.edit(mutate)

    def move_to(self, path: tuple[int, ...], parent: tuple[int, ...], index: int):
        """Move a node under another parent (a drag onto a group); refuses to nest a group in itself."""
        if parent[: len(path)] == path:
            return
        node = self.node(path)

        def mutate():
            target = self.pipeline.steps if not parent else self.node(parent).steps
            self.siblings(path)[path[-1]] = None  # placeholder keeps the target's indices valid
            target.insert(index, node)
            self._drop_placeholders(self.pipeline.steps)

        self.edit(mutate)

    def _groups(self, nodes):
        for node in nodes:
            if isinstance(node, Group):
                yield node
                yield from self._groups(node.steps)

    def _weights_by_child(self) -> dict:
        return {id(child): weight for group in self._groups(self.pipeline.steps)
                if group.weights is not None for child, weight in zip(group.steps, group.weights)}

    def _reattach_weights(self, weights: dict):
        for group in self._groups(self.pipeline.steps):
            if group.weights is not None:
                group.weights = [weights.get(id(child), 1.0) for child in group.steps]

    def _drop_placeholders(self, nodes: list):
        nodes[:] = [n for n in nodes if n is not None]
        for n in nodes:
            if isinstance(n, Group):
                self._drop_placeholders(n.steps)

    def set_param(self, path: tuple[int, ...], name: str, value: Any):
        step = self.node(path)
        self.edit(lambda: step.params.__setitem__(name, value), "values", merge=(path, name))

    def set_p(self, path: tuple[int, ...], p: float):
        node = self.node(path)
        self.edit(lambda: setattr(node, "p", float(p)), "values", merge=(path, "p"))

    def set_enabled(self, path: tuple[int, ...], enabled: bool):
        node = self.node(path)
        self.edit(lambda: setattr(node, "enabled", bool(enabled)), "structure")

    def set_group_n(self, path: tuple[int, ...], n: tuple[int, int]):
        node = self.node(path)
        self.edit(lambda: setattr(node, "n", (int(n[0]), int(n[1]))), "values", merge=(path, "n"))

    def set_group_weights(self, path: tuple[int, ...], weights: list[float]):
        node = self.node(path)
        self.edit(lambda: setattr(node, "weights", [float(w) for w in weights]), "values",
                  merge=(path, "weights"))

    def set_header(self, **fields):
        def mutate():
            for key, value in fields.items():
                setattr(self.pipeline, key, value)

        self.edit(mutate, "header", merge=("header", tuple(sorted(fields))))

    # ---- history ----

    def undo(self):
        if self._undo:
            self._redo.append(self.pipeline.to_dict())
            self._restore(self._undo.pop())

    def redo(self):
        if self._redo:
            self._undo.append(self.pipeline.to_dict())
            self._restore(self._redo.pop())

    def _restore(self, data: dict):
        self.pipeline = Pipeline.from_dict(data, source="<undo>")
        self._merge = None
        self._emit("structure")

    def _emit(self, kind: str):
        self.changed.emit(kind)
        self._emit_dirty()

    def _emit_dirty(self):
        dirty = self.dirty
        if dirty != self._was_dirty:
            self._was_dirty = dirty
        self.dirty_changed.emit(dirty)
