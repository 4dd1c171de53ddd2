"""A short walk of tools/monkey.py in the test suite: a few hundred random UI actions (steps added,
removed, moved and dragged, every kind of control moved, undo and redo, each shipped preset and a
long one opened, views switched, rerolls, the Tools windows opened and poked at) on the offscreen
window, from fixed seeds. Any exception that reaches Qt fails it, with the actions that led there.
The long walk: python tools/monkey.py --actions 20000.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from pytestqt.exceptions import capture_exceptions, format_captured_exceptions

ROOT = Path(__file__).resolve().parents[2]
ACTIONS = 300  # a few seconds each; the tool runs thousands


def load_monkey():
    spec = importlib.util.spec_from_file_location("monkey", ROOT / "tools" / "monkey.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("seed", [20261206, 7])
def test_a_random_walk_through_the_window_raises_nothing(qtbot, make_window, image_file, tmp_path, capsys, seed):
    monkey_module = load_monkey()
    window = make_window(image=image_file)
    window.show()
    long_preset = monkey_module.long_preset(tmp_path / "long.json", 400)
    monkey = monkey_module.Monkey(window, seed, long_preset, tmp_path)
    try:
        with capture_exceptions() as caught:
            for number in range(ACTIONS):
                try:
                    monkey.step()
                except Exception as err:
                    raise AssertionError(f"action #{number} raised; the last actions:\n{monkey.recent()}") from err
                printed = capsys.readouterr().err  # a worker prints what it catches (render failures)
                if "Traceback" in printed:
                    pytest.fail(f"a worker caught an exception at action #{number}; the last actions:\n"
                                f"{monkey.recent()}\n{printed}", pytrace=False)
                if caught:
                    pytest.fail(f"an exception reached Qt at action #{number}; the last actions:\n"
                                f"{monkey.recent()}\n{format_captured_exceptions(caught)}", pytrace=False)
            monkey.wait_for_render()
            assert not caught, format_captured_exceptions(caught)
    finally:
        monkey.restore()
        window.side_windows.close_all()
    assert len(monkey.log) == ACTIONS
    assert len({entry.split()[0] for entry in monkey.log}) >= 15  # it did walk around
