"""The window's editable pipeline: every edit goes through here, so undo/redo and the "unsaved
changes" mark cover all of them.

Nodes are never changed in place: an edit puts a changed copy of the node in a new list (and
new copies of the groups above it), and everything else is shared. So a version of the document
is a tuple of the top-level nodes (`Version`), a few microseconds and 8 bytes a step to take even
for a 10,000-step preset; undo keeps whole versions, which can never get out of step with the edit
they undo; a render worker reads a version while the next edit is made; and "has it changed"
compares node identities first. Edits that share a ``merge`` key within a short time (one slider
drag) collapse into one undo step.
"""

from __future__ import annotations

import dataclasses
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


@dataclasses.dataclass(frozen=True)
class Version:
    """The document at one moment: its (never changed) top-level nodes and its header."""

    steps: tuple[Node, ...]
    name: str
    description: str
    seed: int
    targets: Any  # TargetSettings (frozen: edits replace it)
    training_tail: tuple = ()


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
        self._saved: Version | None = self.version()
        self._undo: list[Version] = []
        self._redo: list[Version] = []
        self._merge: Merge | None = None
        self._was_dirty = False

    # ---- state ----

    def version(self) -> Version:
        p = self.pipeline
        return Version(tuple(p.steps), p.name, p.description, p.seed, p.targets,
                       tuple(map(repr, getattr(p, "training_tail", ()))))

    @property
    def dirty(self) -> bool:
        return self.version() != self._saved

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
        """A private copy for a render worker: later edits never reach it (they replace nodes,
        never change them)."""
        return self.pipeline.copy(share_nodes=True)

    # ---- whole-document changes ----

    def replace(self, pipeline: Pipeline, path: str | None, saved: bool = True):
        """A newly opened preset: history starts afresh. ``saved=False`` for one that exists only
        in memory (an import), so closing it asks first."""
        self.pipeline = pipeline
        self.path = path
        self._saved = self.version() if saved else None
        self._undo.clear()
        self._redo.clear()
        self._merge = None
        self._emit("replaced")

    def mark_saved(self, path: str):
        self.path = path
        self._saved = self.version()
        self._emit_dirty()

    # ---- edits ----

    def edit(self, change: Callable[[], None], kind: str = "structure", merge: Any = None):
        """Run ``change``, which gives the pipeline new steps or header values (never changes a
        node in place), and record it for undo."""
        now = time.monotonic()
        merging = merge is not None and self._merge is not None and self._merge.key == merge \
            and now - self._merge.time < MERGE_SECONDS
        before = self.version()
        change()
        after = self.version()
        if after == before:
            return
        if not merging:
            self._undo.append(before)
            del self._undo[:-UNDO_LIMIT]
        elif self._undo and after == self._undo[-1]:
            # A drag that came back to where it started leaves no undo step behind.
            self._undo.pop()
            self._redo.clear()
            self._merge = None
            self._emit(kind)
            return
        self._redo.clear()
        self._merge = Merge(merge, now) if merge is not None else None
        self._emit(kind)

    def _change_list(self, parent: tuple[int, ...], change: Callable[[list, list | None], None],
                     kind: str = "structure"):
        """An edit of the child list at ``parent`` (() for the top level): ``change`` gets a copy
        of the list and of its one_of weights (None when uniform) and edits both."""
        def apply():
            self.pipeline.steps = _with_children(self.pipeline.steps, parent, change)

        self.edit(apply, kind)

    def _replace_node(self, path: tuple[int, ...], kind: str, merge: Any = None, **fields):
        """An edit of one node: a copy with ``fields`` changed takes its place."""
        node = self.node(path)
        if all(getattr(node, key) == value for key, value in fields.items()):
            return
        new = dataclasses.replace(node, **fields)

        def change(children, weights):
            children[path[-1]] = new

        def apply():
            self.pipeline.steps = _with_children(self.pipeline.steps, path[:-1], change)

        self.edit(apply, kind, merge)

    def add_step(self, op_name: str, parent: tuple[int, ...] = (), index: int | None = None) -> tuple[int, ...]:
        position = len(self._children(parent)) if index is None else index
        step = Step(op_name)

        def change(children, weights):
            children.insert(position, step)
            if weights is not None:
                weights.insert(position, 1.0)

        self._change_list(parent, change)
        return parent + (position,)

    def add_group(self, kind: str, parent: tuple[int, ...] = ()) -> tuple[int, ...]:
        position = len(self._children(parent))
        group = Group(kind, [], n=(1, 1))

        def change(children, weights):
            children.insert(position, group)
            if weights is not None:
                weights.insert(position, 1.0)

        self._change_list(parent, change)
        return parent + (position,)

    def group(self, paths: list[tuple[int, ...]], kind: str) -> tuple[int, ...]:
        """Put the nodes at ``paths`` (siblings) into a new group of ``kind``, in their order, where
        the first of them was; returns the group's path. (Their one_of weights, if the parent has
        any, give way to one weight for the group.)"""
        parent = paths[0][:-1]
        if any(path[:-1] != parent for path in paths):
            raise ValueError("only steps under the same parent can be grouped")
        indices = sorted({path[-1] for path in paths})

        def change(children, weights):
            group = Group(kind, [children[i] for i in indices], n=(1, 1))
            for i in reversed(indices):
                children.pop(i)
                if weights is not None:
                    weights.pop(i)
            children.insert(indices[0], group)
            if weights is not None:
                weights.insert(indices[0], 1.0)

        self._change_list(parent, change)
        return parent + (indices[0],)

    def remove(self, path: tuple[int, ...]):
        def change(children, weights):
            children.pop(path[-1])
            if weights is not None:
                weights.pop(path[-1])

        self._change_list(path[:-1], change)

    def move(self, path: tuple[int, ...], new_index: int):
        """Move a node within its parent; a one_of weight goes with its step."""
        new_index = max(0, min(new_index, len(self.siblings(path)) - 1))

        def change(children, weights):
            children.insert(new_index, children.pop(path[-1]))
            if weights is not None:
                weights.insert(new_index, weights.pop(path[-1]))

        self._change_list(path[:-1], change)

    def move_to(self, path: tuple[int, ...], parent: tuple[int, ...], index: int):
        """Move a node under another parent (a drag onto a group); refuses to nest a group in itself.
        ``index`` counts the target's children with the node still in its old place."""
        if parent[: len(path)] == path:
            return
        node = self.node(path)
        source_group = self.node(path[:-1]) if len(path) > 1 else None
        weight = source_group.weights[path[-1]] if source_group is not None and source_group.weights else 1.0
        # Where the target is once the node has left: a parent after it in the same list moves up.
        level = len(path) - 1
        target = list(parent)
        if len(parent) > level and parent[:level] == path[:-1] and parent[level] > path[-1]:
            target[level] -= 1
        if parent == path[:-1] and index > path[-1]:
            index -= 1

        def take(children, weights):
            children.pop(path[-1])
            if weights is not None:
                weights.pop(path[-1])

        def put(children, weights):
            children.insert(index, node)
            if weights is not None:
                weights.insert(index, weight)

        def apply():
            steps = _with_children(self.pipeline.steps, path[:-1], take)
            self.pipeline.steps = _with_children(steps, tuple(target), put)

        self.edit(apply)

    def _children(self, parent: tuple[int, ...]) -> list[Node]:
        return self.pipeline.steps if not parent else self.node(parent).steps

    def set_param(self, path: tuple[int, ...], name: str, value: Any):
        step = self.node(path)
        self._replace_node(path, "values", (path, name), params={**step.params, name: value})

    def set_p(self, path: tuple[int, ...], p: float):
        self._replace_node(path, "values", (path, "p"), p=float(p))

    def set_enabled(self, path: tuple[int, ...], enabled: bool):
        self._replace_node(path, "structure", enabled=bool(enabled))

    def set_group_n(self, path: tuple[int, ...], n: tuple[int, int]):
        self._replace_node(path, "values", (path, "n"), n=(int(n[0]), int(n[1])))

    def set_group_weights(self, path: tuple[int, ...], weights: list[float]):
        self._replace_node(path, "values", (path, "weights"), weights=[float(w) for w in weights])

    def set_target(self, name: str, value: Any):
        """One of the pipeline's target settings (`augview.targets.settings`), e.g. min_visibility."""
        def mutate():
            self.pipeline.targets = dataclasses.replace(self.pipeline.targets, **{name: value})

        self.edit(mutate, "values", merge=("targets", name))

    def set_header(self, **fields):
        def change():
            for key, value in fields.items():
                setattr(self.pipeline, key, value)

        self.edit(change, "header", merge=("header", tuple(sorted(fields))))

    # ---- history ----

    def undo(self):
        if self._undo:
            self._redo.append(self.version())
            self._restore(self._undo.pop())

    def redo(self):
        if self._redo:
            self._undo.append(self.version())
            self._restore(self._redo.pop())

    def _restore(self, version: Version):
        self.pipeline.steps = list(version.steps)
        self.pipeline.name, self.pipeline.description = version.name, version.description
        self.pipeline.seed = version.seed
        self.pipeline.targets = version.targets
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


def _with_children(steps: list[Node], parent: tuple[int, ...], change: Callable[[list, list | None], None]) -> list[Node]:
    """A new top-level list in which the child list at ``parent`` is a copy that ``change`` has
    edited (with its group's one_of weights); the groups on the way are new copies, every other
    node is shared."""
    steps = list(steps)
    if not parent:
        change(steps, None)
        return steps
    group = steps[parent[0]]
    if len(parent) == 1:
        children = list(group.steps)
        weights = list(group.weights) if group.weights is not None else None
        change(children, weights)
        steps[parent[0]] = dataclasses.replace(group, steps=children, weights=weights)
    else:
        steps[parent[0]] = dataclasses.replace(group, steps=_with_children(group.steps, parent[1:], change))
    return steps
