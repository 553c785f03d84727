"""The window's language: which one (the user's choice, else the system's), and loading it.

Qt looks a `tr()` text up in every installed QTranslator: one per capability's compiled catalogue
(resources/translations/<lang>/views/*.qm) and Qt's own (qtbase_<lang>.qm, its standard buttons
and dialogs). The services' messages follow through ecdesk.i18n.set_language. The choice is read
once at start: a new choice in Settings applies after a restart.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFontDatabase

from ecdesk import i18n
from ecdesk.config import data_dir, resource_path
from ecdesk.private_files import private_file, private_folder

LANGUAGE_KEY = "language"
_QT_LOCALES = {i18n.CHINESE: QLocale(QLocale.Language.Chinese, QLocale.Country.China),
               i18n.ENGLISH: QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)}


def app_settings() -> QSettings:
    """This user's window settings (geometry, recent shops, language), kept beside the data so
    that tests can redirect them."""
    path = data_dir() / "window.ini"
    with contextlib.suppress(OSError):  # (a read-only data folder: Qt keeps them in memory)
        private_file(private_folder(data_dir()) / path.name)  # for the owner alone
    return QSettings(str(path), QSettings.Format.IniFormat)


def system_language(locale: QLocale | None = None) -> str:
    locale = locale or QLocale.system()
    return i18n.CHINESE if locale.language() == QLocale.Language.Chinese else i18n.ENGLISH


def chosen_language(settings: QSettings) -> str:
    """The language the user chose in Settings, else the system's (a first start)."""
    chosen = settings.value(LANGUAGE_KEY)
    return chosen if chosen in i18n.LANGUAGES else system_language()


def choose_language(settings: QSettings, code: str) -> None:
    """Remember `code` for the next start."""
    settings.setValue(LANGUAGE_KEY, i18n._checked(code))
    settings.sync()


def install_language(app: QCoreApplication, code: str) -> None:
    """Translate the window, Qt's dialogs and the services' messages into `code`, and write
    numbers and dates its way (the system's own locale when it speaks that language)."""
    i18n.set_language(code)
    QLocale.setDefault(_locale_for(code, QLocale.system()))
    register_chinese_font()
    for translator in app.findChildren(QTranslator, "ecdesk"):
        app.removeTranslator(translator)
        translator.deleteLater()
    if code == i18n.ENGLISH:
        return
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _install(app, f"qtbase_{code}", qt_folder)
    folder = resource_path("translations", code, "views")
    for qm in sorted(folder.glob("*.qm")) if folder.is_dir() else ():
        _install(app, qm.stem, str(folder))


def _locale_for(code: str, system: QLocale) -> QLocale:
    """The system's own locale when it speaks `code` (an English user in Britain keeps writing
    7/12/2026), else the language's usual one (a German or a C locale writes no English way)."""
    wanted = _QT_LOCALES[code]
    return system if system.language() == wanted.language() else wanted


def _install(app: QCoreApplication, name: str, folder: str) -> None:
    translator = QTranslator(app)
    translator.setObjectName("ecdesk")
    if translator.load(name, folder):
        app.installTranslator(translator)


_font_registered = False


def register_chinese_font() -> None:
    """Give Qt the Chinese font ecdesk ships, so Chinese text has glyphs where the system has
    none (a bare Linux); where the system has its own, Qt keeps preferring that one."""
    global _font_registered
    if not _font_registered:
        QFontDatabase.addApplicationFont(str(resource_path("fonts", "wqy-microhei.ttc")))
        _font_registered = True
