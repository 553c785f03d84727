"""The window in Chinese: the language is chosen in Settings (else the system's), every page reads
in Chinese (no English left on screen but names, SKUs and numbers), Qt's own buttons too, and
F1 opens the guide of the page on screen."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ecdesk.db import Database
from ecdesk.i18n import CHINESE, ENGLISH, current_language
from ecdesk.views.settings.language_box import LanguageBox
from ecdesk.views.shell.help_dialog import HelpDialog, help_file
from ecdesk.views.shell.languages import (
    app_settings,
    choose_language,
    chosen_language,
    install_language,
    system_language,
)
from ecdesk.views.shell.main_window import MainWindow
from ecdesk.views.shell.pages import PAGES
from ecdesk.views.shell.shop_context import ShopContext

# Words that stay as they are in Chinese text: product names of platforms and formats, codes.
KEPT = {"ecdesk", "SKU", "SKUs", "CSV", "XLSX", "PDF", "Excel", "HTML", "GMV", "Shopify",
        "WooCommerce", "Tmall", "Taobao", "Pinduoduo", "Amazon", "Ctrl", "Shift", "Enter",
        "UTF", "YYYY", "USB", "xlsx", "csv", "pdf", "tsv", "txt", "ecdesk's",
        "English", "EOQ", "RFM", "SLA", "Del"}  # the language's own name in the language choices
PATH = re.compile(r"(?:[A-Za-z]:)?[/\\][^\s，。）)]*")  # a file or folder, as it is named
WORD = re.compile(r"[A-Za-z][A-Za-z']{2,}")
CODE = re.compile(r"[A-Z]{3}")  # a currency's code (USD, CNY) is written as it is


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    install_language(qapp, CHINESE)
    try:
        yield
    finally:
        install_language(qapp, ENGLISH)


def shop_words(db: Database) -> set[str]:
    """Words of the shop's own data (names of the shop, channels, categories, tags, zones)."""
    queries = ["SELECT name FROM channels", "SELECT name FROM categories", "SELECT name FROM tags",
               "SELECT value FROM settings",
               "SELECT name || ' ' || coalesce(contact_name, '') || ' ' || coalesce(email, '') "
               "|| ' ' || coalesce(payment_terms, '') FROM suppliers"]
    with db.engine.connect() as conn:
        texts = [row[0] or "" for query in queries for row in conn.exec_driver_sql(query)]
    return {word for text in texts for word in WORD.findall(text)}


def screen_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for the words a person reads on a page: labels, buttons, group titles,
    placeholders, choices and column headings (not the table cells, which are data)."""
    found: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root):
            continue
        name = type(widget).__name__
        if isinstance(widget, QLabel):
            found.append((name, re.sub(r"<[^>]+>", " ", widget.text())))
        elif isinstance(widget, QAbstractButton):
            found.append((name, widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((name, widget.title()))
        elif isinstance(widget, QLineEdit):
            found.append((name, widget.placeholderText()))
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            found += [(name, widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            header = getattr(widget, "horizontalHeader", None) or getattr(widget, "header", None)
            model = widget.model()
            found += [(name, str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                      for c in range(header().count() if header else 0)]
        found.append((name + " tooltip", re.sub(r"<[^>]+>", " ", widget.toolTip())))
    return found


def english_left(texts: list[tuple[str, str]], allowed: set[str]) -> list[str]:
    return [f"{where}: {text!r}" for where, text in texts
            if any(word not in KEPT and word not in allowed and not CODE.fullmatch(word)
                   for word in WORD.findall(PATH.sub(" ", text)))]


def test_every_page_reads_in_chinese(qtbot: QtBot, chinese: None, demo_db: Database,
                                     tmp_path: Path) -> None:
    choose_language(app_settings(), CHINESE)  # a Chinese user's choice, as the app reads it
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ShopContext(demo_db), settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.load_pages()
    allowed = shop_words(demo_db)
    left = english_left([(action.text(), action.text()) for menu in window.menuBar().actions()
                         for action in [menu, *menu.menu().actions()]], allowed)
    for spec in PAGES:
        window.show_page(spec.key)
        qtbot.wait(300)
        page = getattr(window, spec.key)
        left += [f"{spec.key}: {line}" for line in english_left(screen_texts(page), allowed)]
    assert not left, "English left on screen in zh_CN:\n" + "\n".join(left)


def test_qt_standard_buttons_read_in_chinese(qtbot: QtBot, chinese: None) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                           | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = {button.text().replace("&", "") for button in box.buttons()}
    assert "取消" in texts or "取消(C)" in texts, texts


def test_the_first_start_follows_the_system_language(tmp_path: Path) -> None:
    assert system_language(QLocale(QLocale.Language.Chinese, QLocale.Country.China)) == CHINESE
    assert system_language(QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan)) == CHINESE
    assert system_language(QLocale(QLocale.Language.German, QLocale.Country.Germany)) == ENGLISH
    fresh = QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat)
    assert chosen_language(fresh) == system_language()


def test_the_language_chosen_in_settings_applies_at_the_next_start(qtbot: QtBot,
                                                                  tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    box = LanguageBox(settings)
    qtbot.addWidget(box)
    other = CHINESE if current_language() == ENGLISH else ENGLISH
    box.choice.setCurrentIndex(box.choice.findData(other))
    assert chosen_language(settings) == other
    assert ("重新启动" if other == CHINESE else "starts again") in box.note.text()
    box.choice.setCurrentIndex(box.choice.findData(current_language()))
    assert "重新启动" not in box.note.text() and "starts again" not in box.note.text()


def test_every_page_has_a_guide_in_both_languages() -> None:
    for key in ["index", *(spec.key for spec in PAGES)]:
        for language in (CHINESE, ENGLISH):
            path = help_file(key, language)
            assert path is not None and path.parent.name == language, (key, language)


def test_f1_opens_the_guide_of_the_page_on_screen(qtbot: QtBot, chinese: None,
                                                 demo_db: Database, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ShopContext(demo_db), settings)
    qtbot.addWidget(window)
    window.show()
    window.show_page("alerts")
    window.show_help()
    dialog = window.help_dialog
    assert isinstance(dialog, HelpDialog)
    assert dialog.topic == "alerts"
    assert "预警" in dialog.browser.toPlainText() and "Ctrl+Shift+A" in dialog.browser.toPlainText()
    dialog.close()


def test_a_word_a_view_translates_through_a_helper_is_found_in_its_context(
        chinese: None) -> None:
    from ecdesk.views.purchasing.labels import LATE_WORD, tr

    assert tr(LATE_WORD) == "已逾期"  # (a literal in tr("late") was filed under no context)
