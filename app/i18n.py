"""Translations (Qt Linguist .qm) and the bundled CJK font, so Chinese works on a bare system."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
TRANSLATIONS = RESOURCES / "translations"
FALLBACK_FONT = RESOURCES / "fonts" / "DroidSansFallbackFull.ttf"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}

_installed: list[QTranslator] = []


def install_language(language: str) -> bool:
    """Replace the installed translators; English is the source language and needs none."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return True
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    if not ours.load(f"evidence_vault_{language}", str(TRANSLATIONS)):
        return False
    qt_base = QTranslator(app)
    if qt_base.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt_base)  # the standard buttons (OK, Cancel) in Chinese too
    _installed.append(ours)
    for translator in _installed:
        app.installTranslator(translator)
    return True


def register_fallback_font() -> None:
    """Add the bundled font as a substitution for the default family, used only for missing glyphs."""
    font_id = QFontDatabase.addApplicationFont(str(FALLBACK_FONT))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return
    default_family = QFont().defaultFamily()
    for family in {default_family, "Sans Serif", QFont().family()}:
        QFont.insertSubstitution(family, families[0])
