"""Load the Japanese/English Qt translations from ``resources/translations/<lang>/`` and switch them live.

Each module has its own ``.ts``/``.qm`` pair (so several people can translate at once); all ``.qm`` files of a language
are installed together, plus Qt's own ``qtbase`` translations for standard buttons and dialogs.
Installing or removing a translator makes Qt send ``QEvent.LanguageChange`` to every widget, whose ``changeEvent``
then calls ``retranslate_ui()``.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from sfjwt_gui.core.resources import resource_path

log = logging.getLogger(__name__)

LANGUAGES: dict[str, str] = {"en": "English", "ja": "日本語"}


def system_language() -> str:
    """Return "ja" when the OS (or ``LANG``/``LC_ALL``) asks for Japanese, else "en"."""
    env = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    if env.lower().startswith("ja"):
        return "ja"
    for name in QLocale.system().uiLanguages():
        if name.lower().startswith("ja"):
            return "ja"
        if name.lower().startswith("en"):
            return "en"
    return "en"


def normalize_language(lang: str | None) -> str:
    """Map "ja_JP.UTF-8", "JA", None … to a supported code ("en" when unknown or None)."""
    code = (lang or "").strip().lower()[:2]
    return code if code in LANGUAGES else "en"


class Translations:
    """The translators currently installed in the application."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, lang: str) -> list[str]:
        """Install every ``.qm`` for ``lang`` (removing the previous ones); returns the files loaded."""
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication before installing translations")
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        self.language = normalize_language(lang)
        loaded: list[str] = []
        if self.language != "en":
            folder = resource_path("translations", self.language)
            files = sorted(folder.glob("*.qm")) if folder.is_dir() else []
            for qm in files:
                translator = QTranslator(app)
                if translator.load(str(qm)):
                    self._installed.append(translator)
                    loaded.append(qm.name)
                else:
                    log.warning("could not load translation %s", qm)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            qtbase = QTranslator(app)
            if qtbase.load(f"qtbase_{self.language}", qt_dir):
                self._installed.append(qtbase)
                loaded.append(f"qtbase_{self.language}.qm")
        for translator in self._installed:
            app.installTranslator(translator)
        if not self._installed:
            # removing translators already posted LanguageChange; an explicit one covers the "nothing changed" case
            from PySide6.QtCore import QEvent

            QCoreApplication.postEvent(app, QEvent(QEvent.Type.LanguageChange))
        QLocale.setDefault(QLocale(QLocale.Language.Japanese if self.language == "ja" else QLocale.Language.English))
        log.info("language %s: %d translation file(s)", self.language, len(loaded))
        return loaded


_translations: Translations | None = None


def translations() -> Translations:
    """The application's one ``Translations`` object."""
    global _translations
    if _translations is None:
        _translations = Translations()
    return _translations


def current_language() -> str:
    """The language the application shows now (``en`` or ``ja``), for texts core renders from data."""
    return translations().language


def set_language(lang: str) -> str:
    """Switch the whole application to ``lang`` now; returns the code actually used."""
    t = translations()
    t.install(lang)
    return t.language
