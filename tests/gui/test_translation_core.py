"""In the Chinese window, what the Qt-free core says is Chinese too: errors, grid captions, the
distinct-count explanation, a policy's sub-policies, mix captions, sweep titles and the apply log
(written by worker processes, which have no Qt and get a translation table)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QPlainTextEdit

import augview
from augview import text
from augview.gui import i18n
from augview.gui.tools.apply_dialog import ApplyDialog
from augview.gui.tools.mix_view import MixView
from augview.gui.tools.sweep_view import SweepView

from .conftest import RENDER_TIMEOUT, gradient, wait_render

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese(qapp):
    assert i18n.install("zh_CN")
    yield
    i18n.install("en")
    assert text.tr("(nothing fired)") == "(nothing fired)"  # English again for the other tests


def test_a_broken_image_is_reported_in_chinese(chinese, qtbot, tmp_path, make_window, image_file, dialogs):
    window = make_window(image=image_file)
    dialogs.allow_warnings = True
    bad = tmp_path / "broken.png"
    bad.write_bytes(image_file.read_bytes()[:60])
    window.open_image(bad)  # decoded on a worker thread: the core translates there too
    qtbot.waitUntil(lambda: bool(dialogs.warnings), timeout=RENDER_TIMEOUT)
    assert "broken.png" in dialogs.warnings[0]
    assert "图像数据不完整或已损坏" in dialogs.warnings[0]


def test_a_broken_preset_is_reported_in_chinese(chinese, tmp_path, make_window, image_file, dialogs):
    window = make_window(image=image_file)
    dialogs.allow_warnings = True
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 1, "steps": [{"op": "rotat", "params": {}}]}')
    assert window.open_preset(bad) is False
    message = dialogs.warnings[0]
    assert "bad.json" in message and "rotat" in message and "'rotate'" in message
    assert "未知的操作" in message and "unknown op" not in message


def test_grid_captions_and_the_distinct_count_explanation(chinese, qtbot, make_window, image_file, tmp_path):
    window = make_window(image=image_file)
    window.document.replace(augview.Pipeline([augview.Step("horizontal_flip", p=0.0)], name="t"), None)
    output = wait_render(qtbot, window)
    assert output.results[0].summary == "（没有操作生效）"
    assert "没有操作生效" in window.preview.cells[1].full_caption
    explanation = window.panel.count_label.toolTip()
    assert CJK.search(explanation) and "never fires" not in explanation

    exported = tmp_path / "grid.png"
    window.export_grid(str(exported))
    qtbot.waitUntil(exported.exists, timeout=RENDER_TIMEOUT)


def test_a_policys_sub_policies_are_listed_in_chinese(chinese, qtbot, make_window, image_file):
    window = make_window(image=image_file)
    window.document.replace(augview.Pipeline([augview.Step("auto_augment")], name="t"), None)
    window.panel.tree.setCurrentItem(window.panel.item_at((0,)))
    details = window.form.findChild(QPlainTextEdit, "details")
    lines = details.toPlainText().splitlines()
    assert lines[0].startswith("#0: ") and "Posterize" in lines[0]  # op names stay as they are
    assert "然后" in lines[0] and "then" not in lines[0]


def test_mix_captions_are_chinese(chinese, qtbot):
    view = MixView()
    qtbot.addWidget(view)
    view.show()
    view.method.setCurrentText("sample_pairing")
    qtbot.waitUntil(lambda: CJK.search(view.caption.text()) is not None, timeout=RENDER_TIMEOUT)
    assert "label: A only" not in view.caption.text()


def test_extremes_titles_are_chinese(chinese, qtbot):
    view = SweepView(gradient(), "rotate", {"limit": (-30.0, 30.0)})
    qtbot.addWidget(view)
    view.show()
    view.extremes_button.click()
    qtbot.waitUntil(lambda: view.mode() == "extremes" and len(view.captions()) == 7
                    and all(CJK.search(c) for c in view.captions()), timeout=RENDER_TIMEOUT)
    assert "angle=-30.0°" in view.captions()[0]


def test_the_apply_log_from_worker_processes_is_chinese(chinese, qtbot, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        augview.save_image(folder / f"img{i}.png", gradient(40 + i, 30))
    (folder / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    dialog = ApplyDialog(augview.Pipeline([augview.Step("rotate")], name="t"), seed=4)
    qtbot.addWidget(dialog)
    dialog.input_edit.setText(str(folder))
    dialog.output_edit.setText(str(tmp_path / "out"))
    dialog.workers.setValue(2)  # worker processes: no Qt there, the core uses a translation table
    dialog.variants.setValue(1)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=30000)
    assert dialog.summary.written == 3 and dialog.summary.failed == 1
    log = dialog.log.toPlainText()
    failure = next(line for line in log.splitlines() if "broken.png" in line)
    assert CJK.search(failure) and "failed" not in failure
    assert "已写入 3 个" in log and "written" not in log


def test_units_in_captions_follow_the_language(chinese):
    from augview.core.registry import CATALOG

    assert CATALOG["color_jitter"].label({"hue_factor": 0.1}) == "color_jitter hue_factor=0.1 圈"
    assert CATALOG["rotate"].label({"angle": 12.5}) == "rotate angle=12.5°"
