"""The Listings page on the demo shop: search as you type, filters, sorting, bulk actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QAction, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QInputDialog, QLineEdit, QMenu
from pytestqt.qtbot import QtBot

from ecdesk.db import Database
from ecdesk.services.catalog import commands
from ecdesk.services.changes import ChangeArea
from ecdesk.views.catalog.listings_model import BASE_COLUMNS, PAGE_SIZE
from ecdesk.views.catalog.listings_page import ListingsPage
from ecdesk.views.catalog.product_dialog import ProductDialog
from ecdesk.views.shell.shop_context import ShopContext

COLUMN = {header: number for number, (header, _key, _value) in enumerate(BASE_COLUMNS)}
Sql = Callable[..., list[Any]]
SHOWN_VARIANTS = """
    SELECT count(*) FROM variants v JOIN products p ON p.id = v.product_id
    WHERE NOT v.archived AND p.status != 'archived'"""


def shown(page: ListingsPage, column: str) -> list[str]:
    """The texts of one column over the loaded rows."""
    model = page.model
    return [model.data(model.index(row, COLUMN[column])) for row in range(model.rowCount())]


def all_rows(page: ListingsPage) -> list[Any]:
    while page.model.canFetchMore():
        page.model.fetchMore()
    return [page.model.row_at(r) for r in range(page.model.rowCount())]


def type_text(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Key presses for ASCII; other scripts arrive the way an input method commits them (QTest
    can only press Latin-1 keys)."""
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        for word in text.split(" "):
            if edit.text() and not edit.text().endswith(" "):
                qtbot.keyClick(edit, Qt.Key.Key_Space)
            if word.isascii():
                qtbot.keyClicks(edit, word)
            else:
                commit = QInputMethodEvent()
                commit.setCommitString(word)
                QApplication.sendEvent(edit, commit)


def type_search(qtbot: QtBot, page: ListingsPage, text: str) -> None:
    """Type into the search box like a user and wait for the debounced query to arrive."""
    page.search.setFocus()
    page.search.selectAll()
    qtbot.keyClick(page.search, Qt.Key.Key_Backspace)
    type_text(qtbot, page.search, text)
    assert page.search.text() == text
    assert page.model.query.search != text  # not yet: the query waits for a pause in typing
    qtbot.waitUntil(lambda: page.model.query.search == text and page.model.total_known,
                    timeout=3000)


def choose(qtbot: QtBot, page: ListingsPage, combo: QComboBox, text: str) -> None:
    """Pick a filter like a user and wait until the new rows are counted."""
    index = combo.findText(text)
    assert index >= 0, f"{text!r} is not in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)
    qtbot.waitUntil(lambda: page.model.total_known, timeout=3000)


def select_rows(page: ListingsPage, rows: list[int]) -> None:
    page.select_row(rows[0])
    for row in rows[1:]:
        page.table.selectionModel().select(
            page.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert page.selected_rows() == rows


def menu_action(menu: QMenu, *path: str) -> QAction:
    """The action reached through submenus by their texts, e.g. ("On JD", "Paused")."""
    for text in path[:-1]:
        submenus = [a.menu() for a in menu.actions() if a.menu() and a.text() == text]
        assert submenus, f"no submenu {text!r} in {[a.text() for a in menu.actions()]}"
        menu = submenus[0]
    matches = [a for a in menu.actions() if a.text() == path[-1]]
    assert matches, f"no action {path[-1]!r} in {[a.text() for a in menu.actions()]}"
    return matches[0]


def bulk_menu(page: ListingsPage) -> QMenu:
    page._fill_bulk_menu()  # what aboutToShow does when the user opens the menu
    return page.bulk_button.menu()


# -- loading and searching ----------------------------------------------------------------------
def test_the_page_shows_the_first_page_of_demo_rows_and_their_count(
        listings_page: ListingsPage, demo_db: Database, sql: Sql) -> None:
    total = sql(demo_db, SHOWN_VARIANTS)[0][0]
    assert total == 754
    assert listings_page.model.rowCount() == PAGE_SIZE
    assert listings_page.model.total == total
    assert listings_page.count_label.text() == f"{total} SKU(s)"
    assert listings_page.model.columnCount() == len(BASE_COLUMNS) + 4  # the 4 demo channels
    titles = shown(listings_page, "Product")
    assert titles == sorted(titles)  # by title, the default order
    assert all(status in {"Active", "Draft"} for status in shown(listings_page, "Status"))


def test_loading_says_counting_until_the_count_arrives(
        qtbot: QtBot, context: ShopContext, wait_counted: Callable[[ListingsPage], None]) -> None:
    page = ListingsPage(context)
    qtbot.addWidget(page)
    shown_signals: list[int] = []
    page.rows_shown.connect(lambda: shown_signals.append(1))
    page.load()
    assert page.count_label.text() == "counting…"
    assert shown_signals == [1]
    wait_counted(page)
    assert page.count_label.text() == "754 SKU(s)"


def test_the_view_fetches_the_next_page_when_scrolled_to_the_end(
        qtbot: QtBot, listings_page: ListingsPage) -> None:
    listings_page.show()
    qtbot.waitExposed(listings_page)
    listings_page.table.scrollToBottom()
    qtbot.waitUntil(lambda: listings_page.model.rowCount() > PAGE_SIZE)


@pytest.mark.parametrize(("text", "like"), [
    ("flask", "%flask%"), ("Hoodie", "%hoodie%"), ("保温杯", "%保温杯%"), ("收纳", "%收纳%")],
    ids=["latin-word", "latin-mixed-case", "chinese-word", "two-chinese-characters"])
def test_typing_a_word_in_the_search_box_filters_the_table(
        qtbot: QtBot, listings_page: ListingsPage, demo_db: Database, sql: Sql,
        text: str, like: str) -> None:
    expected = sql(demo_db, SHOWN_VARIANTS + " AND lower(p.title) LIKE :like", like=like)[0][0]
    assert 0 < expected < 754

    type_search(qtbot, listings_page, text)

    assert listings_page.model.total == expected
    assert listings_page.model.rowCount() == min(expected, PAGE_SIZE)
    assert all(text.lower() in title.lower() for title in shown(listings_page, "Product"))
    assert listings_page.count_label.text() == f"{expected} SKU(s)"


def test_searching_a_sku_finds_that_sku(qtbot: QtBot, listings_page: ListingsPage) -> None:
    type_search(qtbot, listings_page, "SKU-00001-1")
    assert shown(listings_page, "SKU") == ["SKU-00001-1"]
    assert listings_page.count_label.text() == "1 SKU(s)"


def test_searching_a_barcode_or_a_channel_item_id_finds_its_sku(
        qtbot: QtBot, listings_page: ListingsPage, demo_db: Database, sql: Sql) -> None:
    sku, barcode = sql(demo_db, "SELECT sku, barcode FROM variants WHERE id = 3")[0]
    type_search(qtbot, listings_page, barcode)
    assert shown(listings_page, "SKU") == [sku]
    item_sku, item_id = sql(demo_db, """
        SELECT v.sku, l.channel_item_id FROM listings l JOIN variants v ON v.id = l.variant_id
        JOIN products p ON p.id = v.product_id
        WHERE p.status != 'archived' ORDER BY l.id LIMIT 1""")[0]
    type_search(qtbot, listings_page, item_id)
    assert shown(listings_page, "SKU") == [item_sku]


@pytest.mark.parametrize("text", [
    "zzqqxx", "保温杯 zzqqxx", "SKU_0", "50%", '"flask*', "NEAR(zzq OR"])
def test_a_search_with_no_hit_shows_no_rows(qtbot: QtBot, listings_page: ListingsPage,
                                            message_boxes: list[Any], text: str) -> None:
    """Also for text that means something to LIKE or FTS5: it is only ever plain text."""
    type_search(qtbot, listings_page, text)
    assert (listings_page.model.rowCount(), listings_page.model.total) == (0, 0)
    assert listings_page.count_label.text() == "0 SKU(s)"
    assert message_boxes == []


def test_clearing_the_search_shows_every_row_again(qtbot: QtBot,
                                                   listings_page: ListingsPage) -> None:
    type_search(qtbot, listings_page, "保温杯")
    with qtbot.waitSignal(listings_page.model.total_changed, timeout=3000):
        listings_page.search.clear()
        listings_page.search.textEdited.emit("")  # what the clear button sends
    qtbot.waitUntil(lambda: listings_page.model.total == 754)


def test_typing_quickly_runs_one_query_after_the_pause(
        qtbot: QtBot, listings_page: ListingsPage, monkeypatch: pytest.MonkeyPatch) -> None:
    queries: list[str] = []
    load = listings_page._load
    monkeypatch.setattr(listings_page.model, "_loader",
                        lambda query, offset, limit: queries.append(query.search)
                        or load(query, offset, limit))
    type_search(qtbot, listings_page, "flask")
    assert queries == ["flask"]


# -- filters ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("label", "statuses", "where"), [
    ("Archived", {"Archived"}, "p.status = 'archived'"),
    ("Draft", {"Draft"}, "p.status = 'draft'"),
    ("Active", {"Active"}, "p.status = 'active'"),
    ("All", {"Active", "Draft", "Archived"}, "1"),
])
def test_the_status_filter_shows_only_products_in_that_status(qtbot: QtBot,
        listings_page: ListingsPage, demo_db: Database, sql: Sql,
        label: str, statuses: set[str], where: str) -> None:
    expected = sql(demo_db, "SELECT count(*) FROM variants v JOIN products p "
                            f"ON p.id = v.product_id WHERE NOT v.archived AND {where}")[0][0]
    choose(qtbot, listings_page, listings_page.status_filter, label)
    assert listings_page.model.total == expected
    rows = all_rows(listings_page)
    assert {listings_page.model.data(listings_page.model.index(r, COLUMN["Status"]))
            for r in range(len(rows))} == statuses


def test_the_category_filter_includes_sub_categories(qtbot: QtBot,
                                                     listings_page: ListingsPage) -> None:
    choose(qtbot, listings_page, listings_page.category_filter, "家居 Home > 厨房 Kitchen")
    kitchen = listings_page.model.total
    assert kitchen > 0
    assert set(shown(listings_page, "Category")) == {"家居 Home > 厨房 Kitchen"}
    choose(qtbot, listings_page, listings_page.category_filter, "家居 Home")
    assert listings_page.model.total > kitchen
    assert set(shown(listings_page, "Category")) == {"家居 Home > 厨房 Kitchen",
                                                     "家居 Home > 收纳 Storage"}
    choose(qtbot, listings_page, listings_page.category_filter, "All categories")
    assert listings_page.model.total == 754


def test_the_tag_filter_shows_only_products_with_that_tag(qtbot: QtBot,
        listings_page: ListingsPage, demo_db: Database, sql: Sql) -> None:
    tagged = {row[0] for row in sql(demo_db, """
        SELECT pt.product_id FROM product_tags pt JOIN tags t ON t.id = pt.tag_id
        WHERE t.name = '礼品 gift'""")}
    expected = sql(demo_db, SHOWN_VARIANTS + " AND p.id IN (SELECT product_id FROM product_tags"
                   " WHERE tag_id = (SELECT id FROM tags WHERE name = '礼品 gift'))")[0][0]
    choose(qtbot, listings_page, listings_page.tag_filter, "礼品 gift")
    assert listings_page.model.total == expected > 0
    assert {row.product_id for row in all_rows(listings_page)} <= tagged


@pytest.mark.parametrize(("label", "allowed"), [
    ("listed on 京东 JD", {"listed"}), ("paused on 京东 JD", {"paused"}),
    ("on 京东 JD", {"listed", "paused", "unlisted"}),
    ("not listed on 京东 JD", {None, "unlisted"})])
def test_the_channel_filter_shows_skus_by_their_listing_on_that_channel(
        qtbot: QtBot, listings_page: ListingsPage, label: str, allowed: set[str | None]) -> None:
    choose(qtbot, listings_page, listings_page.channel_filter, label)
    rows = all_rows(listings_page)
    assert 0 < len(rows) == listings_page.model.total < 754
    statuses = {row.listings[2].status if 2 in row.listings else None for row in rows}
    assert statuses <= allowed


def test_filters_and_search_combine(qtbot: QtBot, listings_page: ListingsPage,
                                    demo_db: Database, sql: Sql) -> None:
    expected = sql(demo_db, SHOWN_VARIANTS + """ AND p.title LIKE '%flask%' AND v.id IN (
        SELECT variant_id FROM listings WHERE channel_id = 1 AND status = 'listed')""")[0][0]
    choose(qtbot, listings_page, listings_page.channel_filter, "listed on 天猫旗舰店 Tmall")
    type_search(qtbot, listings_page, "flask")
    assert listings_page.model.total == expected > 0
    assert listings_page.model.query.channel_id == 1


# -- sorting ------------------------------------------------------------------------------------
def click_header(qtbot: QtBot, page: ListingsPage, column: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def test_clicking_a_header_sorts_by_that_column_and_again_reverses_it(
        qtbot: QtBot, listings_page: ListingsPage, demo_db: Database, sql: Sql) -> None:
    listings_page.show()
    qtbot.waitExposed(listings_page)
    smallest, largest = sql(demo_db, "SELECT min(v.sku), max(v.sku) FROM variants v "
                                     "JOIN products p ON p.id = v.product_id "
                                     "WHERE NOT v.archived AND p.status != 'archived'")[0]

    click_header(qtbot, listings_page, COLUMN["SKU"])
    assert (listings_page.model.query.sort, listings_page.model.query.descending) == ("sku", False)
    skus = shown(listings_page, "SKU")
    assert skus[0] == smallest
    assert skus == sorted(skus)

    click_header(qtbot, listings_page, COLUMN["SKU"])
    assert (listings_page.model.query.sort, listings_page.model.query.descending) == ("sku", True)
    assert shown(listings_page, "SKU")[0] == largest


def test_sorting_by_price_keeps_the_search(qtbot: QtBot, listings_page: ListingsPage) -> None:
    type_search(qtbot, listings_page, "保温杯")
    listings_page.table.sortByColumn(COLUMN["Price"], Qt.SortOrder.DescendingOrder)
    rows = all_rows(listings_page)
    assert len(rows) == listings_page.model.total
    assert [row.price for row in rows] == sorted((row.price for row in rows), reverse=True)
    assert all("保温杯" in row.title for row in rows)


# -- actions ------------------------------------------------------------------------------------
def test_the_bulk_menu_asks_for_a_selection_first(listings_page: ListingsPage) -> None:
    menu = bulk_menu(listings_page)
    assert [(a.text(), a.isEnabled()) for a in menu.actions()] == [("Select rows first", False)]


def test_the_bulk_menu_offers_statuses_channels_and_tags(listings_page: ListingsPage) -> None:
    select_rows(listings_page, [0])
    menu = bulk_menu(listings_page)
    assert [a.text() for a in menu.actions()] == [
        "Set product status", "On 天猫旗舰店 Tmall", "On 京东 JD", "On 拼多多 Pinduoduo",
        "On 官网 Own site", "Add tag…"]
    assert [a.text() for a in menu_action(menu, "On 京东 JD", "Listed").parent().actions()] == [
        "Listed", "Paused", "Unlisted"]


def test_setting_the_status_of_selected_products_updates_the_table(
        qtbot: QtBot, listings_page: ListingsPage, context: ShopContext, demo_db: Database,
        sql: Sql, message_boxes: list[Any]) -> None:
    select_rows(listings_page, [0, 1, 2])
    products = {listings_page.model.row_at(r).product_id for r in (0, 1, 2)}
    with qtbot.waitSignal(context.changed, timeout=2000) as changed:
        menu_action(bulk_menu(listings_page), "Set product status", "Draft").trigger()

    assert changed.args[0].areas == {ChangeArea.CATALOG}
    placeholders = ",".join(map(str, products))
    assert {row[0] for row in sql(demo_db, f"SELECT status FROM products "
                                           f"WHERE id IN ({placeholders})")} == {"draft"}
    refreshed = [listings_page.model.row_at(r) for r in range(listings_page.model.rowCount())]
    assert {row.status for row in refreshed if row.product_id in products} == {"draft"}
    assert message_boxes == []


def test_listing_selected_skus_on_a_channel_updates_the_channel_column(
        qtbot: QtBot, listings_page: ListingsPage, context: ShopContext, demo_db: Database,
        sql: Sql) -> None:
    select_rows(listings_page, [3, 4])
    variants = [listings_page.model.row_at(r).variant_id for r in (3, 4)]
    jd_column = len(BASE_COLUMNS) + 1
    with qtbot.waitSignal(context.changed, timeout=2000):
        menu_action(bulk_menu(listings_page), "On 京东 JD", "Paused").trigger()

    assert sql(demo_db, f"SELECT count(*) FROM listings WHERE channel_id = 2 AND status = "
                        f"'paused' AND variant_id IN ({variants[0]}, {variants[1]})")[0][0] == 2
    by_variant = {listings_page.model.row_at(r).variant_id: r
                  for r in range(listings_page.model.rowCount())}
    for variant in variants:
        text = listings_page.model.data(listings_page.model.index(by_variant[variant], jd_column))
        assert text.startswith("Paused · ")


def test_adding_a_tag_to_selected_products_adds_it_to_the_tag_filter(
        qtbot: QtBot, listings_page: ListingsPage, context: ShopContext, demo_db: Database,
        sql: Sql, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[list[str]] = []

    def get_item(_parent: object, _title: str, _label: str, items: list[str], *_args: object
                 ) -> tuple[str, bool]:
        asked.append(list(items))
        return " 节日 holiday ", True

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    select_rows(listings_page, [0, 1])
    products = sorted({listings_page.model.row_at(r).product_id for r in (0, 1)})
    with qtbot.waitSignal(context.changed, timeout=2000):
        menu_action(bulk_menu(listings_page), "Add tag…").trigger()

    assert "礼品 gift" in asked[0]
    tagged = sql(demo_db, "SELECT pt.product_id FROM product_tags pt JOIN tags t "
                          "ON t.id = pt.tag_id WHERE t.name = '节日 holiday' ORDER BY 1")
    assert [row[0] for row in tagged] == products
    choose(qtbot, listings_page, listings_page.tag_filter, "节日 holiday")
    assert {row.product_id for row in all_rows(listings_page)} == set(products)


def test_cancelling_the_tag_question_changes_nothing(
        listings_page: ListingsPage, demo_db: Database, sql: Sql,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_args: ("ignored", False))
    select_rows(listings_page, [0])
    before = sql(demo_db, "SELECT count(*) FROM product_tags")
    menu_action(bulk_menu(listings_page), "Add tag…").trigger()
    assert sql(demo_db, "SELECT count(*) FROM product_tags") == before


def test_archiving_asks_first_and_no_keeps_the_product(
        listings_page: ListingsPage, demo_db: Database, sql: Sql,
        answer_questions: Callable[[bool], list[str]]) -> None:
    asked = answer_questions(False)
    select_rows(listings_page, [0])
    product = listings_page.model.row_at(0).product_id
    listings_page.archive_selected()
    assert asked == ["Archive 1 product(s)? They are hidden from the table but kept, and can be "
                     "set active again from the Archived filter."]
    assert sql(demo_db, f"SELECT status FROM products WHERE id = {product}")[0][0] == "active"
    assert listings_page.model.row_at(0).product_id == product
    assert listings_page.model.total == 754


def test_archiving_after_yes_hides_the_product_from_the_default_filter(
        qtbot: QtBot, listings_page: ListingsPage, context: ShopContext, demo_db: Database,
        sql: Sql, answer_questions: Callable[[bool], list[str]]) -> None:
    asked = answer_questions(True)
    select_rows(listings_page, [0])
    product = listings_page.model.row_at(0).product_id
    skus = sql(demo_db, f"SELECT count(*) FROM variants WHERE product_id = {product} "
                        "AND NOT archived")[0][0]
    with qtbot.waitSignal(context.changed, timeout=2000):
        listings_page.archive_selected()

    assert len(asked) == 1
    assert sql(demo_db, f"SELECT status FROM products WHERE id = {product}")[0][0] == "archived"
    qtbot.waitUntil(lambda: listings_page.model.total_known)
    assert listings_page.model.total == 754 - skus
    assert product not in {row.product_id for row in all_rows(listings_page)}
    assert listings_page.count_label.text() == f"{754 - skus} SKU(s)"
    choose(qtbot, listings_page, listings_page.status_filter, "Archived")
    assert product in {row.product_id for row in all_rows(listings_page)}


def test_archiving_from_the_bulk_menu_asks_as_well(
        listings_page: ListingsPage, demo_db: Database, sql: Sql,
        answer_questions: Callable[[bool], list[str]]) -> None:
    archived = "SELECT count(*) FROM products WHERE status = 'archived'"
    before = sql(demo_db, archived)[0][0]
    asked = answer_questions(False)
    select_rows(listings_page, [0, 1, 2, 3])
    products = {listings_page.model.row_at(r).product_id for r in range(4)}
    menu_action(bulk_menu(listings_page), "Set product status", "Archived").trigger()
    assert asked == [f"Archive {len(products)} product(s)?"]
    assert sql(demo_db, archived)[0][0] == before


def test_archiving_with_nothing_selected_asks_nothing(
        listings_page: ListingsPage, answer_questions: Callable[[bool], list[str]]) -> None:
    asked = answer_questions(True)
    listings_page.archive_selected()
    assert asked == []


def test_a_refused_bulk_action_is_explained_and_changes_nothing(
        listings_page: ListingsPage, context: ShopContext, message_boxes: list[Any],
        qtbot: QtBot) -> None:
    """Products removed elsewhere since the table loaded: the service refuses, the user is told."""
    with qtbot.assertNotEmitted(context.changed):
        result = context.write(listings_page, commands.set_product_status, [999_999], "draft")
    assert result is None
    assert message_boxes == [("warning", "Please check",
                              "• Products: 1 of them do not exist (999999)")]


def test_double_clicking_a_row_opens_its_product(
        qtbot: QtBot, listings_page: ListingsPage, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[int | None] = []

    def exec_(dialog: ProductDialog) -> int:
        opened.append(dialog.product_id)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(ProductDialog, "exec", exec_)
    listings_page.show()
    qtbot.waitExposed(listings_page)
    table = listings_page.table
    centre = table.visualRect(listings_page.model.index(2, COLUMN["SKU"])).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert opened == [listings_page.model.row_at(2).product_id]

    listings_page.new_product()
    assert opened[-1] is None


# -- keyboard -----------------------------------------------------------------------------------
@pytest.fixture
def focused_table(qtbot: QtBot, listings_page: ListingsPage) -> ListingsPage:
    listings_page.show()
    qtbot.waitExposed(listings_page)
    listings_page.activateWindow()
    qtbot.waitActive(listings_page)
    listings_page.select_row(0)
    listings_page.table.setFocus()
    qtbot.waitUntil(listings_page.table.hasFocus)
    return listings_page


def test_delete_archives_the_selection_after_asking(
        qtbot: QtBot, focused_table: ListingsPage,
        answer_questions: Callable[[bool], list[str]]) -> None:
    asked = answer_questions(False)
    qtbot.keyClick(focused_table.table, Qt.Key.Key_Delete)
    assert len(asked) == 1
    assert asked[0].startswith("Archive 1 product(s)?")


def test_return_edits_and_ctrl_shift_n_creates_a_product(
        qtbot: QtBot, focused_table: ListingsPage, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[int | None] = []
    monkeypatch.setattr(ProductDialog, "exec",
                        lambda dialog: opened.append(dialog.product_id) or 0)
    qtbot.keyClick(focused_table.table, Qt.Key.Key_Return)
    assert opened == [focused_table.model.row_at(0).product_id]
    qtbot.keyClick(focused_table.table, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert opened[-1] is None


def test_ctrl_f_goes_to_the_search_box(qtbot: QtBot, focused_table: ListingsPage) -> None:
    focused_table.search.setText("flask")
    qtbot.keyClick(focused_table.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused_table.search.hasFocus()
    assert focused_table.search.selectedText() == "flask"  # typing replaces the old search
