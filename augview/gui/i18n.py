"""The interface language, through Qt's translation system.

English is written in the source and is the default. Other languages are Qt catalogues shipped in
``translations/`` beside this module: ``augview_<lang>.ts`` (what translators edit, e.g. with
pyside6-linguist) and the compiled ``augview_<lang>.qm`` loaded at start-up. Both are made and
refreshed by ``tools/update_translations.py``.

Op descriptions, categories, parameter help texts and units are written in augview.core, which
has no Qt: the window translates them when it shows them, through `op_text` (catalogue context
``ops``, filled by the same tool from the op registry). The core's own sentences (errors,
captions, explanations) are templates passed to ``augview.text.tr``: `install` hands the core
Qt's translate function, so they come out in the interface language (context ``core``).

The language is read once, at start-up (settings key ``language``; the environment variable
AUGVIEW_LANG overrides it, for tests and demos); choosing another one in the View menu takes
effect at the next start.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSettings, QTranslator

from augview import text as core_text
# The window shows op texts and units through the core's lookups (context "ops"), which
# `install` connects to Qt's catalogue.
from augview.text import op_text, unit_text  # noqa: F401

TRANSLATIONS = Path(__file__).resolve().parent / "translations"
DEFAULT_LANGUAGE = "en"
# Each language under its own name, so a person who cannot read the current one finds theirs.
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
OPS_CONTEXT = core_text.OPS_CONTEXT
SETTINGS_KEY = "language"
ENV_VAR = "AUGVIEW_LANG"

_installed: list[QTranslator] = []  # Qt does not own installed translators: keep them alive


def normalize(language) -> str:
    """A known language code for a setting such as "zh_CN", "zh-CN", "zh" or "en_US"; English
    for anything unknown."""
    code = str(language or "").strip().replace("-", "_")
    if code in LANGUAGES:
        return code
    base = code.split("_")[0].lower()
    return next((known for known in LANGUAGES if known.split("_")[0] == base), DEFAULT_LANGUAGE)


def chosen_language(settings: QSettings | None = None) -> str:
    """The language to start in: AUGVIEW_LANG if set, else the stored setting, else English."""
    forced = os.environ.get(ENV_VAR)
    if forced:
        return normalize(forced)
    stored = settings.value(SETTINGS_KEY, DEFAULT_LANGUAGE) if settings is not None else DEFAULT_LANGUAGE
    return normalize(stored)


def catalogue(language: str) -> Path:
    return TRANSLATIONS / f"augview_{language}.qm"


def load_translator(language: str) -> QTranslator | None:
    """augview's catalogue for ``language`` (None for English or when it cannot be loaded)."""
    if language == DEFAULT_LANGUAGE:
        return None
    translator = QTranslator()
    return translator if translator.load(str(catalogue(language))) else None


def install(language: str) -> bool:
    """Make ``language`` the interface language of the running application: augview's catalogue
    and Qt's own (the buttons of standard dialogs). Replaces what an earlier call installed.
    Build windows after this call: texts are translated when widgets are made. Returns False
    when the catalogue is missing (the interface then stays English)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing a language")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    core_text.set_translator(None)
    if language == DEFAULT_LANGUAGE:
        return True
    ours = load_translator(language)
    if ours is None:
        return False
    qt = QTranslator()
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt)
    _installed.append(ours)
    for translator in _installed:
        app.installTranslator(translator)
    core_text.set_translator(QCoreApplication.translate)
    return True


def restart_notice(language: str) -> str:
    """The "takes effect after a restart" notice, in the current language and, when different,
    in the chosen one too (whoever chose it may not read the current one)."""
    text = "The interface language changes the next time augview starts."
    current = QCoreApplication.translate("Language", "The interface language changes the next time augview starts.")
    translator = load_translator(language)
    chosen = translator.translate("Language", text) if translator is not None else ""
    chosen = chosen or text
    return current if chosen == current else f"{current}\n\n{chosen}"


def environment_notice(language: str) -> str:
    """When AUGVIEW_LANG is set to another language than ``language`` (the one just chosen), the
    sentence saying that the variable wins while it is set; else ""."""
    forced = os.environ.get(ENV_VAR)
    if not forced or normalize(forced) == language:
        return ""
    return QCoreApplication.translate(
        "Language", "{variable}={value} is set in the environment: it decides the language as long as "
        "it is set. Your choice is stored and applies once it is removed.").format(variable=ENV_VAR, value=forced)
