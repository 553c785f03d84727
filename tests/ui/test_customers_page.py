"""The Customers page on the demo shop: its table pages from SQL, the segment filter and
search narrow it, the selected customer's profile and orders show, edits and merges go through
the services (a merge into itself refused in the service's words), and a segment exports."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from ecdesk.services.customers.dto import CustomerQuery
from ecdesk.services.customers.queries import get_customer, list_customers
from ecdesk.views.customers.customer_dialogs import CustomerDialog, MergeDialog
from ecdesk.views.customers.customers_page import CustomersPage
from ecdesk.views.shell.shop_context import ShopContext
from tests.ui.conftest import finish_workers


@pytest.fixture
def page(qtbot: QtBot, context: ShopContext) -> CustomersPage:
    customers = CustomersPage(context)
    qtbot.addWidget(customers, before_close_func=lambda _w: finish_workers())
    customers.resize(1300, 800)
    customers.load()
    # The demo shop's stored RFM is empty (stale): the page refreshes it on a worker first.
    qtbot.waitUntil(lambda: customers.scoring is None, timeout=60_000)
    return customers


def test_a_stale_page_refreshes_the_scores_on_a_worker_and_never_ranks_on_the_gui_thread(
        qtbot: QtBot, context: ShopContext, monkeypatch: pytest.MonkeyPatch) -> None:
    from ecdesk.services.customers import rfm, rfm_store

    ranked_on: list[threading.Thread] = []
    real_query = rfm.rfm_query

    def watched_query(*args: str) -> object:
        ranked_on.append(threading.current_thread())
        return real_query(*args)

    monkeypatch.setattr(rfm_store, "rfm_query", watched_query)
    monkeypatch.setattr(rfm, "rfm_query", watched_query)
    customers = CustomersPage(context)
    qtbot.addWidget(customers, before_close_func=lambda _w: finish_workers())

    customers.load()
    assert customers.scoring is not None  # stale on opening: the refresh started
    qtbot.waitUntil(lambda: customers.scoring is None, timeout=60_000)

    assert ranked_on and threading.main_thread() not in ranked_on
    assert customers.model.rowCount() > 0 and customers.model.row_at(0).segment
    ranked_on.clear()
    customers.segment_filter.setCurrentIndex(customers.segment_filter.findData("lost"))
    customers.load()  # fresh now: the list, its counts and the filter read the stored rows
    assert customers.scoring is None and ranked_on == []


def test_the_table_lists_customers_biggest_spenders_first_and_pages(
        page: CustomersPage, qtmodeltester: ModelTester) -> None:
    model = page.model
    assert model.rowCount() == 256 and model.canFetchMore()
    spent = [model.row_at(n).spent for n in range(model.rowCount())]
    assert spent == sorted(spent, reverse=True)
    qtmodeltester.check(model, force_py=True)


def test_the_segment_filter_shows_only_that_segment_with_its_count(page: CustomersPage) -> None:
    page.segment_filter.setCurrentIndex(page.segment_filter.findData("lost"))

    segments = {page.model.row_at(n).segment for n in range(page.model.rowCount())}
    assert segments == {"lost"}
    count = int(page.segment_filter.currentText().split("(")[1].rstrip(")").replace(",", ""))
    expected = list_customers(page.context.uow(), CustomerQuery(segment="lost"), limit=10_000)
    assert len(expected.rows) == count  # the filter's count is the segment's size
    assert page.count_label.text() == f"{count:,} customer(s)"


def test_selecting_a_customer_shows_their_profile_and_orders(page: CustomersPage) -> None:
    page.select_row(0)

    row = page.model.row_at(0)
    assert f"(#{row.id})" in page.profile.text()
    assert page.orders.rowCount() >= row.orders  # every order; row.orders counts sold ones


def test_an_edit_saves_through_the_service_and_the_table_refreshes(
        page: CustomersPage, context: ShopContext) -> None:
    page.select_row(0)
    customer_id = page.selected_id()
    dialog = CustomerDialog(context, get_customer(context.uow(), customer_id), page)
    dialog.tags.setText("VIP, 生日券")
    dialog.birthday.setText("1988-02-29")

    dialog.save()

    detail = get_customer(context.uow(), customer_id)
    assert (detail.row.tags, str(detail.birthday)) == ("VIP, 生日券", "1988-02-29")
    assert page.model.row_at(page.model.row_of(customer_id)).tags == "VIP, 生日券"


def test_a_bad_birthday_is_refused_and_the_dialog_stays_open(
        page: CustomersPage, context: ShopContext, message_boxes: list) -> None:
    page.select_row(0)
    dialog = CustomerDialog(context, get_customer(context.uow(), page.selected_id()), page)
    dialog.birthday.setText("1990-13-01")

    dialog.save()

    assert dialog.result() == 0
    assert any("not a date" in text for _kind, _title, text in message_boxes)


def pick(dialog: MergeDialog, customer_id: int) -> None:
    """Search the customer to keep by its name (or its handle) and choose it in the list."""
    with dialog.context.uow() as uow:
        name, handle = uow.session.execute(text(
            "SELECT c.name, coalesce(h.key, '') FROM customers c LEFT JOIN customer_handles h "
            "ON h.customer_id = c.id WHERE c.id = :id LIMIT 1"), {"id": customer_id}).one()
    dialog.target.search.setText(name or handle)
    QTest.keyClick(dialog.target.search, Qt.Key.Key_Return)
    assert dialog.target.choose(customer_id)


def test_merging_without_choosing_a_customer_says_to_search_and_merges_nothing(
        page: CustomersPage, context: ShopContext, message_boxes: list) -> None:
    page.select_row(0)
    customer_id = page.selected_id()
    dialog = MergeDialog(context, get_customer(context.uow(), customer_id), page)
    assert dialog.target.customer_id() is None

    dialog.merge()

    assert any("search for the customer to keep" in text for _k, _t, text in message_boxes)
    assert page.model.row_of(customer_id) is not None


def test_merging_into_itself_is_refused_in_the_services_words(
        page: CustomersPage, context: ShopContext, message_boxes: list) -> None:
    page.select_row(0)
    customer_id = page.selected_id()
    dialog = MergeDialog(context, get_customer(context.uow(), customer_id), page)
    pick(dialog, customer_id)

    dialog.merge()

    assert any("cannot be merged into itself" in text for _k, _t, text in message_boxes)


def test_merging_two_customers_leaves_one_in_the_list(
        page: CustomersPage, context: ShopContext) -> None:
    page.select_row(0)
    kept = page.model.row_at(1).id
    merged = page.selected_id()
    dialog = MergeDialog(context, get_customer(context.uow(), merged), page)
    pick(dialog, kept)

    dialog.merge()

    assert page.model.row_of(merged) is None
    assert get_customer(context.uow(), merged).row.id == kept


def test_a_segment_exports_to_csv_with_every_customer_of_it(
        page: CustomersPage, context: ShopContext, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, message_boxes: list) -> None:
    out = tmp_path / "high.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    page.segment_filter.setCurrentIndex(page.segment_filter.findData("high_value"))

    page.export_list()

    with out.open(encoding="utf-8-sig") as file:
        rows = list(csv.reader(file))
    expected = list_customers(context.uow(), CustomerQuery(segment="high_value"), limit=10_000)
    assert len(rows) - 1 == len(expected.rows)
    assert {r[6] for r in rows[1:]} == {"High value"}
    assert message_boxes and message_boxes[-1][1] == "Exported"
