"""The Simplified Chinese translation: it loads, it is complete, and the window uses it.

The completeness test extracts the strings of the current sources with the same tool that makes
the shipped catalogue (tools/update_translations.py): a new ``self.tr("...")`` without a
translation, or a new op whose description nobody translated, fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QLabel, QMessageBox

from augview.core.registry import CATALOG, CATEGORIES
from augview.gui import app as app_module
from augview.gui import i18n
from augview.gui import main_window as main_window_module

import translation_tool

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_TS = i18n.TRANSLATIONS / "augview_zh_CN.ts"
SHIPPED_QM = i18n.catalogue("zh_CN")
CJK = re.compile(r"[\u4e00-\u9fff]")
PLACEHOLDER = re.compile(r"\{\w*\}")


tool = translation_tool.load()
SHIPPED = tool.messages(SHIPPED_TS)


@pytest.fixture
def chinese(qapp):
    """The Chinese catalogue installed for one test; English again afterwards."""
    assert i18n.install("zh_CN")
    yield
    i18n.install("en")


@pytest.fixture(autouse=True)
def no_forced_language(monkeypatch):
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)


def test_the_compiled_catalogue_loads():
    translator = QTranslator()
    assert translator.load(str(SHIPPED_QM))
    assert translator.language() == "zh_CN"
    assert translator.translate("MainWindow", "&File") == "文件(&F)"


def test_every_message_has_a_finished_translation():
    assert len(SHIPPED) > 300
    untranslated = [f"[{context}] {source!r}" for (context, source, _), (_, done) in SHIPPED.items() if not done]
    assert not untranslated, "untranslated:\n" + "\n".join(untranslated)
    assert 'type="unfinished"' not in SHIPPED_TS.read_text(encoding="utf-8")


def test_translations_keep_the_placeholders():
    """A translation that loses or renames a ``{placeholder}`` would break ``.format``."""
    wrong = [(source, text) for (_, source, _), (text, _) in SHIPPED.items()
             if sorted(set(PLACEHOLDER.findall(source))) != sorted(set(PLACEHOLDER.findall(text)))]
    assert not wrong


def test_menu_accelerators_survive_translation():
    lost = [(source, text) for (context, source, _), (text, _) in SHIPPED.items()
            if context == "MainWindow" and re.search(r"&\w", source) and not re.search(r"&\w", text)]
    assert not lost


def test_the_compiled_catalogue_matches_the_ts():
    """The .qm was rebuilt after the last edit of the .ts (tools/update_translations.py does it)."""
    translator = QTranslator()
    assert translator.load(str(SHIPPED_QM))
    stale = [(context, source) for (context, source, comment), (text, _) in SHIPPED.items()
             if translator.translate(context, source, comment or None) != text]
    assert not stale, f"{len(stale)} strings differ, e.g. {stale[:3]}"


@pytest.mark.skipif(tool.tool("pyside6-lupdate") is None, reason="pyside6-lupdate is not installed")
def test_no_string_of_the_current_sources_is_untranslated(tmp_path):
    fresh = tmp_path / "extracted.ts"
    tool.extract(fresh, "zh_CN", no_obsolete=True)
    extracted = tool.messages(fresh)
    assert len(extracted) > 300
    missing = [f"[{context}] {source!r}" for key in extracted
               for context, source, _ in [key] if not SHIPPED.get(key, ("", False))[1]]
    assert not missing, ("strings without a translation (run tools/update_translations.py and translate "
                         "augview/gui/translations/augview_zh_CN.ts):\n" + "\n".join(missing))


def test_every_op_text_of_the_catalog_is_translated(chinese):
    texts = set(CATEGORIES)
    for op in CATALOG.values():
        texts.add(op.description)
        texts.update(spec.help for spec in op.params if spec.help)
    assert texts <= set(tool.ops_texts())
    for text in texts:
        assert SHIPPED.get((i18n.OPS_CONTEXT, text, ""), ("", False))[1], f"no translation for {text!r}"
        assert CJK.search(i18n.op_text(text)), text
    assert i18n.op_text("geometric") == "几何"
    assert i18n.unit_text(" turn") == " 圈" and i18n.unit_text("°") == "°"


def test_sources_never_translate_an_f_string():
    """``tr(f"...")`` can never match the catalogue: templates go through ``.format`` instead."""
    bad = []
    for path in sorted((ROOT / "augview" / "gui").glob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"""(\btr|\btranslate)\((\s*"\w+",)?\s*f["']""", line):
                bad.append(f"{path.name}:{number}: {line.strip()}")
    assert not bad


def test_english_is_the_default():
    assert i18n.chosen_language(None) == "en"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert i18n.op_text("geometric") == "geometric"


def test_language_codes_are_normalized(monkeypatch, tmp_path):
    assert [i18n.normalize(c) for c in ("zh_CN", "zh-CN", "zh", "en_US", "", None, "xx")] == \
        ["zh_CN", "zh_CN", "zh_CN", "en", "en", "en", "en"]
    from PySide6.QtCore import QSettings
    settings = QSettings(str(tmp_path / "l.ini"), QSettings.Format.IniFormat)
    settings.setValue("language", "zh_CN")
    assert i18n.chosen_language(settings) == "zh_CN"
    monkeypatch.setenv("AUGVIEW_LANG", "en")
    assert i18n.chosen_language(settings) == "en"  # the environment wins (tests, demos)


def test_the_window_speaks_chinese(chinese, make_window, image_file, preset_file):
    window = make_window(image=image_file, preset=preset_file)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["文件(&F)", "编辑(&E)", "视图(&V)", "工具(&T)", "帮助(&H)"]
    assert window.lock_box.text() == "锁定种子"
    assert window.windowTitle().startswith("test preset[*]")  # preset names are data: untouched
    assert window.preview.cells[0].caption.text().startswith("原图")
    assert CJK.search(window.status_label.text())

    window.panel.tree.setCurrentItem(window.panel.item_at((0,)))  # the rotate step
    description = window.form.findChild(QLabel, "description")
    rotate = CATALOG["rotate"].description
    assert description.text() == i18n.op_text(rotate) != rotate
    assert description.text().startswith("围绕图像中心旋转")
    assert CJK.search(window.panel.item_at((0,)).toolTip(0))
    assert CJK.search(window.panel.count_label.text())


def test_the_language_menu_stores_the_choice(make_window, image_file, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda parent, title, text, *a, **k: shown.append(text)))
    window = make_window(image=image_file)
    actions = {a.data(): a for a in window.menus.submenus["language"].actions()}
    assert set(actions) == {"en", "zh_CN"} and actions["en"].isChecked()
    assert actions["zh_CN"].text() == "简体中文"

    actions["zh_CN"].trigger()
    assert window.settings.value("language") == "zh_CN"
    assert len(shown) == 1
    assert "next time augview starts" in shown[0] and "下次启动" in shown[0]  # in both languages
    actions["zh_CN"].trigger()
    assert len(shown) == 1  # no change, no notice


def test_start_up_installs_the_stored_language(qapp, monkeypatch):
    seen = {}

    class FakeWindow:
        def __init__(self, image=None, preset=None, settings=None, annotations=None):
            seen["menu"] = QCoreApplication.translate("MainWindow", "&File")

        def show(self):
            pass

    monkeypatch.setattr(main_window_module, "MainWindow", FakeWindow)
    monkeypatch.setattr(type(QCoreApplication.instance()), "exec", lambda self: 0)
    settings = app_module.open_settings()
    settings.setValue("language", "zh_CN")
    settings.sync()
    try:
        assert app_module.run() == 0
        assert seen["menu"] == "文件(&F)"
        monkeypatch.setenv("AUGVIEW_LANG", "en")
        assert app_module.run() == 0
        assert seen["menu"] == "&File"
    finally:
        i18n.install("en")


def test_choosing_a_language_under_augview_lang_says_the_variable_wins(make_window, image_file, monkeypatch):
    """Issue 15, defect 8: choosing English under AUGVIEW_LANG=zh_CN moved the check mark and did
    nothing else."""
    shown = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda parent, title, text, *a, **k: shown.append(text)))
    monkeypatch.setenv("AUGVIEW_LANG", "zh_CN")
    window = make_window(image=image_file)
    actions = {a.data(): a for a in window.menus.submenus["language"].actions()}
    assert actions["zh_CN"].isChecked()  # what this run speaks
    actions["en"].trigger()
    assert window.settings.value("language") == "en"  # stored for the runs without the variable
    assert len(shown) == 1 and "AUGVIEW_LANG=zh_CN" in shown[0] and "next time augview starts" in shown[0]
    actions["zh_CN"].trigger()  # the variable's own language: nothing overrides it
    assert window.settings.value("language") == "zh_CN"
    assert "AUGVIEW_LANG" not in shown[-1]


def test_parameter_names_and_choices_are_shown_in_chinese_and_stored_in_english(chinese, qtbot):
    """Issue 15: the form's labels (`height (px)`, `scale`) and choices stayed English."""
    from PySide6.QtWidgets import QComboBox

    from augview import Pipeline, Step
    from augview.gui.document import Document
    from augview.gui.widgets.param_form import ParamForm

    document = Document(Pipeline([Step("resize")], name="t"))
    form = ParamForm(document)
    qtbot.addWidget(form)
    form.show_node((0,))
    label = form.row_widgets["height"][0]
    assert label.text() == "高度 (px)" and "height" in label.toolTip()
    assert form.row_widgets["p"][0].text().startswith("概率")
    combo = form.findChild(QComboBox, "param:interpolation")
    shown = [combo.itemText(i) for i in range(combo.count())]
    assert "线性" in shown and "最近邻" in shown and "linear" not in shown
    combo.setCurrentIndex(shown.index("最近邻"))
    assert document.node((0,)).params["interpolation"] == "nearest"  # the preset keeps the English value
    document.undo()
    assert combo.currentText() == i18n.op_text(document.node((0,)).params["interpolation"])
    for op in CATALOG.values():  # every name and choice has a translation
        for spec in op.params:
            for text in (spec.name, *spec.choices):
                assert SHIPPED.get((i18n.OPS_CONTEXT, text, ""), ("", False))[1], text


def test_the_target_settings_are_shown_in_chinese_too(chinese, qtbot):
    """The target settings' labels stayed English while every op parameter was translated."""
    from PySide6.QtWidgets import QComboBox

    from augview import Pipeline, Step
    from augview.gui.document import Document
    from augview.gui.widgets.target_form import TargetForm
    from augview.targets.settings import SPECS

    document = Document(Pipeline([Step("rotate")], name="t"))
    form = TargetForm(document)
    qtbot.addWidget(form)
    labels = {label.text() for label in form.findChildren(QLabel)}
    assert "最小可见比例" in labels and "min_visibility" not in labels
    combo = form.findChild(QComboBox, "target:box_method")
    assert [combo.itemText(i) for i in range(combo.count())] == ["最大外接框", "椭圆"]
    for spec in SPECS:
        for text in (spec.name, *spec.choices):
            assert SHIPPED.get((i18n.OPS_CONTEXT, text, ""), ("", False))[1], text
