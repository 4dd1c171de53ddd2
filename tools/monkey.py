"""A monkey for the window: thousands of random UI actions, offscreen, from a fixed seed, stopping
at the first exception that reaches Qt (or escapes an action) with the actions that led to it.

    python tools/monkey.py                          # 5000 actions, seed 0
    python tools/monkey.py --actions 20000 --seed 7 --long-steps 10000

The actions are what a person does: add, remove, reorder and drag steps (into and out of groups),
tick them off, move every kind of control (sliders, arrow keys, reset buttons, group counts and
weights), undo and redo, open each shipped preset and a long generated one, switch the view and
the number of variants, reroll, type a name and a seed, zoom, search the op picker, and open,
poke at and close the Tools windows. tests/gui/test_monkey.py runs a shorter walk of the same
monkey in the test suite.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # this checkout's augview

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractSlider, QApplication, QCheckBox, QComboBox, QDoubleSpinBox, QSpinBox, QToolButton, QWidget,
)

from augview.core import paths  # noqa: E402
from augview.core.registry import CATALOG  # noqa: E402
from augview.pipeline.nodes import GROUP_KINDS, Group, Step  # noqa: E402
from augview.pipeline.pipeline import Pipeline  # noqa: E402


def long_preset(path: Path, steps: int) -> Path:
    """A long, valid preset: assorted ops and probabilities, a one_of every 25 steps."""
    rng = random.Random(steps)
    names = sorted(CATALOG)
    nodes, count = [], 0
    while count < steps:
        if count % 25 == 24 and count + 4 <= steps:
            nodes.append(Group("one_of", [Step(rng.choice(names), p=0.5) for _ in range(3)]))
            count += 4
        else:
            nodes.append(Step(rng.choice(names), p=rng.choice([0.1, 0.5, 1.0])))
            count += 1
    Pipeline(nodes, name=f"{steps} steps", seed=1).save(path)
    return path


class SeededRandomModule:
    """Stands in for the window's ``random`` module, so rerolls follow the monkey's seed."""

    def __init__(self, rng: random.Random):
        self._rng = rng

    def SystemRandom(self):  # noqa: N802 - the name the window calls
        return self._rng


def odd_images(folder: Path) -> list[Path]:
    """Photos of awkward shapes for the walk: colour, grey, tiny, a thin strip, and transparent."""
    import augview
    import numpy as np

    folder.mkdir(parents=True, exist_ok=True)
    photo = augview.load_image(paths.SAMPLE_IMAGE)
    images = {
        "colour.png": photo[::8, ::8],
        "grey.png": np.ascontiguousarray(photo[::10, ::12].mean(axis=2).astype(np.uint8)),
        "tiny.png": photo[:3, :2],
        "strip.png": photo[:8, ::2],
    }
    for name, array in images.items():
        augview.save_image(folder / name, array)
    return sorted(folder.glob("*.png"))


class Monkey:
    def __init__(self, window, seed: int, long_preset_path: Path, workdir: Path):
        from augview.gui import main_window

        self.window = window
        self.rng = random.Random(seed)
        self.workdir = workdir
        self.images = odd_images(workdir / "images")
        self.presets = [*paths.builtin_presets(), long_preset_path]
        self.log: list[str] = []
        self._window_random = main_window.random
        main_window.random = SeededRandomModule(random.Random(seed + 1))
        self.actions = [  # (weight, action)
            (6, self.add_op), (2, self.add_group), (8, self.select), (4, self.remove),
            (4, self.move), (4, self.drop), (3, self.tick), (14, self.move_control), (4, self.arrow_key),
            (2, self.reset_control), (6, self.undo), (4, self.redo), (2, self.open_preset),
            (3, self.switch_view), (3, self.reroll), (1, self.type_name), (1, self.type_seed),
            (1, self.zoom), (1, self.pick_from_picker), (2, self.side_window), (4, self.poke_side_window),
            (1, self.close_side_windows), (3, self.wait_for_render), (1, self.new_preset),
            (2, self.open_image), (1, self.open_folder), (1, self.save), (1, self.export_grid),
        ]
        self._weights = [weight for weight, _ in self.actions]

    def restore(self):
        from augview.gui import main_window

        main_window.random = self._window_random

    # ---- the walk ----

    def step(self):
        action = self.rng.choices([a for _, a in self.actions], self._weights)[0]
        detail = action()
        self.log.append(f"{action.__name__}{'' if detail is None else ' ' + str(detail)}")
        QApplication.processEvents()

    def recent(self, count: int = 25) -> str:
        start = max(0, len(self.log) - count)
        return "\n".join(f"  #{i}: {entry}" for i, entry in enumerate(self.log[start:], start))

    # ---- helpers ----

    def paths(self) -> list[tuple[int, ...]]:
        out = []

        def visit(nodes, prefix):
            for i, node in enumerate(nodes):
                out.append(prefix + (i,))
                if isinstance(node, Group):
                    visit(node.steps, prefix + (i,))

        visit(self.window.document.pipeline.steps, ())
        return out

    def random_path(self):
        paths = self.paths()
        return self.rng.choice(paths) if paths else None

    # ---- actions ----

    def add_op(self):
        name = self.rng.choice(sorted(CATALOG))
        self.window.panel.add_op(name)
        return name

    def add_group(self):
        kind = self.rng.choice(GROUP_KINDS)
        self.window.panel.add_group(kind)
        return kind

    def select(self):
        path = self.random_path()
        panel = self.window.panel
        item = panel.item_at(path) if path else None
        if item is not None and self.rng.random() < 0.5:
            panel.tree.setCurrentItem(item)  # a click
        else:
            panel.select(path)
        return path

    def remove(self):
        self.window.panel.remove_selected()
        return self.window.panel.selected_path()

    def move(self):
        delta = self.rng.choice([-1, 1])
        self.window.panel.move_selected(delta)
        return delta

    def drop(self):
        source = self.random_path()
        if source is None:
            return None
        groups = [p for p in self.paths() if isinstance(self.window.document.node(p), Group)]
        parent = self.rng.choice([()] + groups)
        size = len(self.window.document.node(parent).steps) if parent else len(self.window.document.pipeline.steps)
        index = self.rng.randint(0, size)
        self.window.panel.tree.dropped.emit(source, parent, index)
        return source, parent, index

    def tick(self):
        path = self.random_path()
        item = self.window.panel.item_at(path) if path else None
        if item is not None:
            checked = item.checkState(0) == Qt.CheckState.Checked
            item.setCheckState(0, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
        return path

    def _control(self):
        controls = list(self.window.form.controls.items())
        return self.rng.choice(controls) if controls else (None, (None, None))

    def move_control(self):
        name, (spec, control) = self._control()
        if spec is None:
            return None
        rng = self.rng
        if spec.kind == "choice":
            value = rng.choice(list(spec.choices))
        elif spec.kind == "bool":
            value = rng.random() < 0.5
        elif spec.kind == "range":
            low, high = sorted(rng.uniform(spec.min, spec.max) for _ in range(2))
            value = (int(low), int(high)) if spec.integer else (low, high)
        elif spec.kind == "int":
            value = rng.randint(int(spec.min), int(spec.max))
        else:
            value = rng.uniform(spec.min, spec.max)
        control.set(value)  # emits valueChanged as a drag does
        return name, value

    def arrow_key(self):
        name, (spec, control) = self._control()
        if spec is None or spec.kind not in ("float", "int", "range"):
            return None
        key = self.rng.choice([Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown])
        QTest.keyClick(control.widget, key)
        return name, key.name

    def reset_control(self):
        buttons = [b for b in self.window.form.findChildren(QToolButton) if b.objectName().startswith("reset:")
                   and b.isVisible() is not None and self.window.form.isAncestorOf(b)]
        live = [b for b in buttons if self.window.form._body is not None and self.window.form._body.isAncestorOf(b)]
        if not live:
            return None
        button = self.rng.choice(live)
        button.click()
        return button.objectName()

    def undo(self):
        self.window.menus.actions["undo"].trigger()

    def redo(self):
        self.window.menus.actions["redo"].trigger()

    def open_preset(self):
        path = self.rng.choice(self.presets)
        self.window.document.mark_saved(self.window.document.path or "")  # nothing to ask about
        self.window.open_preset(str(path), confirm=False, remember=False)
        return path.name

    def new_preset(self):
        self.window.document.mark_saved(self.window.document.path or "")
        self.window.new_preset()

    def open_image(self):
        path = self.rng.choice(self.images)
        self.window.open_image(str(path), remember=False)
        return path.name

    def open_folder(self):
        if self.rng.random() < 0.5 or not self.window.strip_dock.isVisible():
            self.window.open_folder(str(self.images[0].parent))
            return "open"
        self.window.strip.step(self.rng.choice([-1, 1]))
        return "step"

    def save(self):
        self.window.presets.save_to(str(self.workdir / f"saved_{self.rng.randrange(3)}.json"))

    def export_grid(self):
        self.window.export_grid(str(self.workdir / "grid.png"))

    def switch_view(self):
        window = self.window
        choice = self.rng.randrange(3)
        if choice == 0:
            window.mode_box.setCurrentIndex(self.rng.randrange(window.mode_box.count()))
        elif choice == 1:
            window.count_spin.setValue(self.rng.randint(1, 6))
        else:
            window.lock_box.setChecked(not window.lock_box.isChecked())
        return choice

    def reroll(self):
        self.window.reroll()

    def type_name(self):
        name = self.rng.choice(["", "mine", "x" * 300, "名字", "a\tb"])
        self.window.name_edit.setText(name)
        self.window.name_edit.editingFinished.emit()
        return repr(name[:12])

    def type_seed(self):
        self.window.seed_spin.setValue(self.rng.randint(0, self.window.seed_spin.maximum()))

    def zoom(self):
        choice = self.rng.randrange(3)
        if choice == 0:
            self.window.zoom_by(self.rng.choice([0.5, 0.8, 1.25, 2.0]))
        elif choice == 1:
            self.window.preview.view.set_fit()
        else:
            self.window.preview.view.set_zoom(1.0)
        return choice

    def pick_from_picker(self):
        panel = self.window.panel
        panel.show_picker()
        text = self.rng.choice(["", "rot", "blur", "noise", "flip", "zzz", "crop"])
        panel.picker.search.setText(text)
        panel.picker._pick_first()
        panel.picker.close()
        return text

    def side_window(self):
        side = self.window.side_windows
        name = self.rng.choice(["mix", "smote", "sweep", "gallery", "compare", "presentation", "apply"])
        if name == "presentation":
            side.show_presentation(full_screen=False)
        else:
            getattr(side, f"show_{name}")()
        return name

    def _open_side_windows(self):
        side = self.window.side_windows
        windows = [side.mix, side.smote, side.sweep, side.gallery, side.compare, side.presentation, side.apply]
        return [w for w in windows if w is not None and w.isVisible()]

    def poke_side_window(self):
        """A slider, spin box, list or check box of an open Tools window set at random, or a key
        pressed in the presentation."""
        windows = self._open_side_windows()
        if not windows:
            return None
        window = self.rng.choice(windows)
        side = self.window.side_windows
        if window is side.presentation:
            key = self.rng.choice([Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Home, Qt.Key.Key_End,
                                   Qt.Key.Key_Space, Qt.Key.Key_Up, Qt.Key.Key_Down])
            QTest.keyClick(window, key)
            return "presentation", key.name
        kinds = (QAbstractSlider, QSpinBox, QDoubleSpinBox, QComboBox, QCheckBox)
        widgets = [w for w in window.findChildren(QWidget) if isinstance(w, kinds) and w.isEnabled()]
        if not widgets:
            return None
        widget = self.rng.choice(widgets)
        if isinstance(widget, QComboBox):
            if widget.count():
                widget.setCurrentIndex(self.rng.randrange(widget.count()))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(not widget.isChecked())
        elif isinstance(widget, QDoubleSpinBox):
            widget.setValue(self.rng.uniform(widget.minimum(), widget.maximum()))
        else:
            widget.setValue(self.rng.randint(int(widget.minimum()), int(widget.maximum())))
        return type(window).__name__, type(widget).__name__, widget.objectName()

    def close_side_windows(self):
        for window in self._open_side_windows():
            if self.rng.random() < 0.5:
                window.close()

    def wait_for_render(self):
        """Let the event loop run until the newest render is painted (or a moment has passed)."""
        window = self.window
        end = time.monotonic() + 2.0
        while time.monotonic() < end:
            QApplication.processEvents()
            out = window.last_output
            painted = out is not None and window.renders.is_latest(out.job_id)
            idle = window.worker.idle  # or it failed
            if (painted or idle) and not window.panel.filling():
                break
            time.sleep(0.002)


def quiet_offscreen_notes():
    """The offscreen platform says what it cannot do (raise a window, grab the keyboard) each
    time: not news."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(kind, context, message):
        if not message.startswith("This plugin does not support"):
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


class WatchedStderr:
    """stderr that also keeps every traceback written to it: a worker thread that catches an
    exception prints it (and the window shows one sentence), so it never reaches sys.excepthook."""

    def __init__(self, stream):
        self.stream = stream
        self.tracebacks: list[str] = []

    def write(self, text):
        if "Traceback (most recent call last)" in text:
            self.tracebacks.append(text)
        elif self.tracebacks and len(self.tracebacks[-1]) < 20_000 and not self.tracebacks[-1].endswith("\n\n"):
            self.tracebacks[-1] += text
        return self.stream.write(text)

    def flush(self):
        self.stream.flush()


def silence_dialogs():
    """Nothing may block the walk: every modal dialog answers at once (and is counted)."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    seen = []

    def box(*args, **kwargs):
        seen.append(args[2] if len(args) > 2 else "")
        return QMessageBox.StandardButton.Discard

    for name in ("question", "warning", "critical", "information"):
        setattr(QMessageBox, name, staticmethod(box))
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: ("", ""))
    QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: ("", ""))
    QFileDialog.getExistingDirectory = staticmethod(lambda *a, **k: "")
    return seen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--long-steps", type=int, default=3000, help="steps of the long preset it opens")
    args = parser.parse_args()
    from PySide6.QtCore import QSettings

    app = QApplication.instance() or QApplication([])
    dialogs = silence_dialogs()
    quiet_offscreen_notes()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        os.environ["AUGVIEW_SETTINGS"] = str(tmp / "settings.ini")
        os.environ["AUGVIEW_DATA"] = str(tmp / "data")
        from augview.gui import MainWindow

        caught: list[str] = []
        sys.excepthook = lambda kind, value, tb: caught.append("".join(traceback.format_exception(kind, value, tb)))
        stderr = sys.stderr = WatchedStderr(sys.stderr)
        image = tmp / "photo.png"
        import augview

        augview.save_image(image, augview.load_image(paths.SAMPLE_IMAGE)[::4, ::4])
        window = MainWindow(image=str(image), settings=QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
        window.show()
        monkey = Monkey(window, args.seed, long_preset(tmp / "long.json", args.long_steps), tmp)
        start = time.monotonic()
        status = 0
        for number in range(args.actions):
            try:
                monkey.step()
            except Exception:  # noqa: BLE001 - reported with the walk that led to it
                caught.append(traceback.format_exc())
            caught.extend(stderr.tracebacks)
            stderr.tracebacks.clear()
            if caught:
                print(f"exception after action #{number} (seed {args.seed}); the last actions:")
                print(monkey.recent())
                print(caught[0])
                status = 1
                break
            if number % 500 == 499:
                print(f"{number + 1} actions, {time.monotonic() - start:.0f} s, "
                      f"{len(window.document.pipeline.steps)} top-level steps", flush=True)
        monkey.wait_for_render()
        monkey.restore()
        window.document.mark_saved(window.document.path or "")
        window.close()
        if not status:
            print(f"{args.actions} actions, seed {args.seed}: no exception ({time.monotonic() - start:.0f} s, "
                  f"{len(dialogs)} dialogs answered)")
        for text in dialogs:  # messages a person would have read: worth a look
            print("  dialog:", str(text).split("\n")[0][:200])
    return status


if __name__ == "__main__":
    sys.exit(main())
