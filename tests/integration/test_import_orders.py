"""Importing orders from Shopify and Taobao/Tmall exports into a real shop file: orders of many
lines, time zones, statuses and the stock they move, every bad input refused with its row and
reason, all-or-nothing, only-valid, and re-imports that never double an order."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from ecdesk.db import Database
from ecdesk.errors import Problem, ValidationError
from ecdesk.i18n import CHINESE, language
from ecdesk.models import Order, OrderStatus, StockPolicy, order_totals
from ecdesk.services.channels import save_channel
from ecdesk.services.orders.commands import set_order_status
from ecdesk.services.orders_io import (
    ChannelChoiceError,
    ImportCancelledError,
    channel_for,
    import_orders,
    preview_orders,
    read_orders_file,
)
from ecdesk.services.orders_io.dto import ParsedOrderFile
from ecdesk.services.stock.defaults import StockDefaults, update_stock_defaults
from tests.order_import_files import (
    SHIPPED,
    OrderShop,
    order_shop,
    shopify_file,
    shopify_line,
    shopify_order,
    taobao_details_row,
    taobao_file,
    taobao_list_row,
    taobao_pair,
    taobao_row,
)

TABLES = ("orders", "order_lines", "stock_movements", "variants", "audit_log")
ZONE = "Asia/Shanghai"


@pytest.fixture
def shop(tmp_shop: Database) -> OrderShop:
    return order_shop(tmp_shop)


def read(path: Path, **options: str) -> ParsedOrderFile:
    return read_orders_file(path, timezone=ZONE, **options)


def snapshot(db: Database) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db.path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES}
    finally:
        conn.close()


def query(db: Database, sql: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def on_hand(shop: OrderShop) -> dict[str, int]:
    return dict(query(shop.db, "SELECT sku, on_hand FROM variants"))


def orders(db: Database) -> dict[str, Order]:
    with db.uow() as uow:
        found = uow.session.scalars(select(Order)).all()
        for order in found:
            _ = order.lines  # loaded before the session closes
        uow.session.expunge_all()
        return {order.number: order for order in found}


def refused(shop: OrderShop, path: Path, **options: str) -> list[Problem]:
    """Import `path`, expecting a refusal; check nothing changed; return the errors."""
    before = snapshot(shop.db)
    with pytest.raises(ValidationError) as caught:
        import_orders(shop.db.uow(), read(path, **options))
    assert snapshot(shop.db) == before
    return caught.value.problems


# --- Shopify ------------------------------------------------------------------------------------

def test_an_order_of_several_line_rows_is_one_order_with_its_discount_spread_over_the_lines(
        shop: OrderShop, tmp_path: Path):
    path = shopify_file(tmp_path,
                        shopify_order("#1001", "TEE-S", "2", "30.00", Subtotal="90.00",
                                      **{"Discount Amount": "10.00", "Discount Code": "SAVE10"}),
                        shopify_line("#1001", "MUG", "1", "40.00"),
                        shopify_order("#1002", "TEE-M", "1", "30.00", Subtotal="30.00"))
    parsed = read(path)
    assert (parsed.format, parsed.format_confident, parsed.encoding) == ("shopify", True, "UTF-8")
    preview = preview_orders(shop.db.uow(), parsed)
    assert preview.problems == () and preview.channel is not None
    assert preview.channel.name == "Shopify US"
    counts = preview.counts
    assert (counts.orders_new, counts.lines_new, counts.units_new) == (2, 3, 4)
    result = import_orders(shop.db.uow(), parsed)
    assert result.message == "Imported: 2 new order(s) with 3 line(s), 0 updated, 0 unchanged"
    first = orders(shop.db)["#1001"]
    assert [(line.quantity, line.unit_price, line.discount, line.line_total)
            for line in first.lines] == [(2, Decimal("30.00"), Decimal("6.00"), Decimal("54.00")),
                                         (1, Decimal("40.00"), Decimal("4.00"), Decimal("36.00"))]
    assert (first.status, first.shipping, first.currency, first.source) == (
        OrderStatus.PAID, Decimal("5.00"), "USD", "shopify")
    assert (first.customer_name, first.customer_key) == ("Ann Lee", "buyer1001@example.com")
    assert [line.unit_cost for line in first.lines] == [Decimal("12.00"), Decimal("15.00")]
    assert (first.line_count, first.units, first.goods_total) == (2, 3, Decimal("90.00"))
    assert query(shop.db, order_totals.MISMATCH_SQL, 10) == []


def test_times_with_offsets_are_stored_as_the_same_moment_in_utc(shop: OrderShop,
                                                                  tmp_path: Path):
    path = shopify_file(tmp_path,
                        shopify_order("#1", created="2024-03-05 14:22:10 -0500"),
                        shopify_order("#2", created="2024-03-05 08:00:00 +0800",
                                      paid="2024-03-05 08:01:00 +0800"))
    import_orders(shop.db.uow(), read(path))
    found = orders(shop.db)
    assert found["#1"].ordered_at == datetime(2024, 3, 5, 19, 22, 10, tzinfo=UTC)
    assert found["#2"].ordered_at == datetime(2024, 3, 5, 0, 0, tzinfo=UTC)
    assert found["#2"].paid_at == datetime(2024, 3, 5, 0, 1, tzinfo=UTC)


def test_an_empty_paid_at_is_a_pending_order_that_takes_no_stock(shop: OrderShop,
                                                                 tmp_path: Path):
    path = shopify_file(tmp_path, shopify_order("#1", "MUG", "3", financial="pending",
                                                paid=""))
    import_orders(shop.db.uow(), read(path))
    order = orders(shop.db)["#1"]
    assert (order.status, order.paid_at, order.stock_issued) == (OrderStatus.PENDING, None, False)
    assert on_hand(shop)["MUG"] == 10


def test_a_paid_order_with_an_empty_paid_at_keeps_its_paid_time_unknown(shop: OrderShop,
                                                                         tmp_path: Path):
    path = shopify_file(tmp_path, shopify_order("#1", "MUG", financial="paid", paid=""),
                        shopify_order("#2", "MUG", financial="paid"))
    import_orders(shop.db.uow(), read(path))
    found = orders(shop.db)
    assert (found["#1"].status, found["#1"].paid_at) == (OrderStatus.PAID, None)
    assert found["#2"].paid_at == found["#2"].ordered_at  # the file's own Paid at


def test_a_fulfilled_order_ships_its_stock_at_its_fulfillment_time(shop: OrderShop,
                                                                    tmp_path: Path):
    path = shopify_file(tmp_path, shopify_order(
        "#1", "TEE-S", "3", fulfillment="fulfilled",
        **{"Fulfilled at": "2024-03-06 09:00:00 -0500"}))
    result = import_orders(shop.db.uow(), read(path))
    assert result.counts.units_issued == 3
    assert on_hand(shop)["TEE-S"] == 7
    assert query(shop.db, "SELECT kind, quantity, reference, at FROM stock_movements "
                 "WHERE order_id IS NOT NULL") == [
        ("sold", -3, "#1", "2024-03-06 14:00:00.000000")]
    assert orders(shop.db)["#1"].shipped_at == datetime(2024, 3, 6, 14, 0, tzinfo=UTC)


@pytest.mark.parametrize(("cells", "status", "refunded"), [
    ({"Financial Status": "voided", "Cancelled at": "2024-03-06 10:00:00 -0500"},
     OrderStatus.CANCELLED, "0"),
    ({"Financial Status": "paid", "Cancelled at": "2024-03-06 10:00:00 -0500"},
     OrderStatus.CANCELLED, "0"),
    ({"Financial Status": "refunded", "Cancelled at": "2024-03-06 10:00:00 -0500",
      "Refunded Amount": "35.00"}, OrderStatus.REFUNDED, "35.00"),
    ({"Financial Status": "partially_refunded", "Fulfillment Status": "fulfilled",
      "Refunded Amount": "5.00"}, OrderStatus.SHIPPED, "5.00"),
])
def test_cancelled_and_refunded_orders_are_read_from_the_financial_status_and_cancelled_at(
        shop: OrderShop, tmp_path: Path, cells: dict[str, str], status: OrderStatus,
        refunded: str):
    import_orders(shop.db.uow(), read(shopify_file(tmp_path, shopify_order("#1", **cells))))
    order = orders(shop.db)["#1"]
    assert (order.status, order.refunded) == (status, Decimal(refunded))


def test_a_utf8_file_with_a_bom_is_read(shop: OrderShop, tmp_path: Path):
    parsed = read(shopify_file(tmp_path, shopify_order("#1"), encoding="utf-8-sig"))
    assert (parsed.encoding, len(parsed.orders), parsed.problems) == ("UTF-8 with BOM", 1, ())


# --- Taobao / Tmall -----------------------------------------------------------------------------

def test_a_gbk_taobao_export_is_detected_and_its_times_are_the_shops_clock(shop: OrderShop,
                                                                          tmp_path: Path):
    path = taobao_file(tmp_path,
                       taobao_row("4012345678901234567", "TEE-S", "2", "99.00", shipping="8.00"),
                       taobao_row("4012345678901234567", "MUG", "1", "49.00", shipping="8.00"),
                       taobao_row("4012345678901234568", "TEE-M", status=SHIPPED,
                                  shipped="2024-11-12 10:00:00"),
                       taobao_row("4012345678901234569", "TEE-M", status="等待买家付款",
                                  paid=""),
                       taobao_row("4012345678901234570", "MUG", status="交易关闭", paid=""),
                       taobao_row("4012345678901234571", "MUG", status="交易关闭",
                                  refunded="49.00"),
                       taobao_row("4012345678901234572", "TEE-S", status="交易成功"))
    parsed = read(path)
    assert (parsed.format, parsed.encoding) == ("taobao", "GB18030 (GBK)")
    preview = preview_orders(shop.db.uow(), parsed)
    assert preview.problems == () and preview.channel is not None
    assert preview.channel.name == "天猫 Tmall"
    assert "Times without a time zone are read as the shop's (Asia/Shanghai)" in preview.notes
    import_orders(shop.db.uow(), parsed)
    found = orders(shop.db)
    statuses = {number[-2:]: order.status for number, order in found.items()}
    assert statuses == {"67": OrderStatus.PAID, "68": OrderStatus.SHIPPED,
                        "69": OrderStatus.PENDING, "70": OrderStatus.CANCELLED,
                        "71": OrderStatus.REFUNDED, "72": OrderStatus.COMPLETED}
    first = found["4012345678901234567"]
    assert first.ordered_at == datetime(2024, 11, 10, 16, 5, tzinfo=UTC)
    assert (len(first.lines), first.shipping, first.currency) == (2, Decimal("8.00"), "CNY")
    assert (first.customer_name, first.customer_key, first.source) == ("王小明", "小明tb",
                                                                       "taobao")
    assert found["4012345678901234571"].refunded == Decimal("49.00")
    assert on_hand(shop) == {"TEE-S": 9, "TEE-M": 9, "MUG": 10}


def test_an_order_number_excel_turned_into_scientific_notation_is_reported(shop: OrderShop,
                                                                            tmp_path: Path):
    path = taobao_file(tmp_path, taobao_row("1.37359E+14"), taobao_row("137359000000001"))
    problems = refused(shop, path)
    assert len(problems) == 1 and (problems[0].field, problems[0].row) == ("订单编号", 2)
    assert "'1.37359E+14' is a number Excel shortened to scientific notation" in \
        problems[0].message
    result = import_orders(shop.db.uow(), read(path), only_valid=True)
    assert result.counts.orders_new == 1 and list(orders(shop.db)) == ["137359000000001"]


def test_an_order_number_kept_as_text_by_an_equals_sign_is_read_as_its_digits(
        shop: OrderShop, tmp_path: Path):
    parsed = read(taobao_file(tmp_path, taobao_row('="4012345678901234567"')))
    assert [order.number for order in parsed.orders] == ["4012345678901234567"]


def test_taobao_rows_of_one_order_with_different_order_fields_conflict(shop: OrderShop,
                                                                       tmp_path: Path):
    path = taobao_file(tmp_path, taobao_row("401", "TEE-S"),
                       taobao_row("401", "MUG", created="2024-11-12 09:00:00"))
    assert refused(shop, path) == [Problem(
        "订单创建时间", "'2024-11-12 09:00:00' conflicts with '2024-11-11 00:05:00' in row 2, "
        "the first row of order 401: one order cannot have both", 3)]


def test_an_unknown_taobao_status_is_refused_with_the_words_ecdesk_knows(shop: OrderShop,
                                                                        tmp_path: Path):
    problems = refused(shop, taobao_file(tmp_path, taobao_row("401", status="已揽件")))
    assert problems[0].field == "订单状态" and problems[0].row == 2
    assert problems[0].message.startswith(
        "'已揽件' is not an order status ecdesk knows (等待买家付款")


# --- bad input, each refused with its row and reason, the shop unchanged ------------------------

def test_an_unknown_sku_is_refused_and_nothing_is_written(shop: OrderShop, tmp_path: Path):
    path = shopify_file(tmp_path, shopify_order("#1", "TEE-S"), shopify_line("#1", "NOPE-9"),
                        shopify_order("#2", "MUG"))
    assert refused(shop, path) == [Problem(
        "Lineitem sku", "'NOPE-9' is not in the catalog: add the SKU (or import the products) "
        "first", 3)]


@pytest.mark.parametrize(("quantity", "message"), [
    ("0", "0: a line sells at least 1"), ("-2", "-2: a line sells at least 1"),
    ("1.5", "'1.5' is not a whole number"), ("two", "'two' is not a quantity"),
    ("", "is empty: how many were sold?"),
])
def test_a_bad_quantity_is_refused(shop: OrderShop, tmp_path: Path, quantity: str,
                                   message: str):
    path = shopify_file(tmp_path, shopify_order("#1", "TEE-S", quantity))
    assert refused(shop, path) == [Problem("Lineitem quantity", message, 2)]


@pytest.mark.parametrize(("cells", "column", "message"), [
    ({"Created at": "05/03/2024 14:22"}, "Created at", "'05/03/2024 14:22' is not a date and "
     "time ecdesk can read (write it like 2024-03-05 14:22:10 -0500)"),
    ({"Created at": ""}, "Created at", "is empty: when was the order placed?"),
    ({"Lineitem price": "12,5O"}, "Lineitem price", "'12,5O' is not a price"),
    ({"Shipping": "-3"}, "Shipping", "'-3' is negative"),
    ({"Financial Status": "gratis"}, "Financial Status", "'gratis' is not a Shopify financial "
     "status (pending, authorized, unpaid, paid, partially_paid, partially_refunded, refunded, "
     "voided, expired)"),
    ({"Lineitem sku": ""}, "Lineitem sku", "is empty: ecdesk matches order lines to the catalog "
     "by SKU. Give the item a SKU on the platform (or in ecdesk) and export again"),
    ({"Lineitem discount": "45.00"}, "Lineitem discount", "45.00 is more than the line's 30.00"),
    ({"Currency": "US Dollar"}, "Currency", "'US Dollar' is not a three-letter currency code "
     "such as USD"),
])
def test_an_unreadable_date_amount_or_status_is_refused(shop: OrderShop, tmp_path: Path,
                                                        cells: dict[str, str], column: str,
                                                        message: str):
    path = shopify_file(tmp_path, shopify_order("#1", **cells))
    assert refused(shop, path) == [Problem(column, message, 2)]


def test_a_row_without_an_order_number_is_refused(shop: OrderShop, tmp_path: Path):
    path = shopify_file(tmp_path, shopify_order("#1"), shopify_line("", "MUG"))
    assert refused(shop, path) == [Problem(
        "Name", "is empty: every row needs the order number it belongs to", 3)]


def test_a_line_row_whose_order_row_is_missing_is_refused(shop: OrderShop, tmp_path: Path):
    path = shopify_file(tmp_path, shopify_line("#7", "MUG"), shopify_order("#8"))
    assert refused(shop, path) == [Problem(
        "Name", "a line of order #7 without the order's own row (with its date and status): "
        "that row is missing from the file", 2)]


def test_a_line_row_with_conflicting_order_fields_is_refused(shop: OrderShop, tmp_path: Path):
    path = shopify_file(tmp_path, shopify_order("#1"),
                        shopify_line("#1", "MUG", **{"Financial Status": "refunded"}))
    assert refused(shop, path) == [Problem(
        "Financial Status", "'refunded' conflicts with 'paid' in row 2, the first row of "
        "order #1: one order cannot have both", 3)]


def test_an_order_whose_rows_come_again_after_other_orders_is_refused(shop: OrderShop,
                                                                       tmp_path: Path):
    path = shopify_file(tmp_path, shopify_order("#1"), shopify_order("#2"),
                        shopify_order("#1"))
    problems = refused(shop, path)
    assert problems == [Problem(
        "Name", "order #1 appears again: its rows start at row 2, and the rows of one order "
        "must follow each other (was the file sorted, or put together from two exports?)", 4)]


def test_a_partly_fulfilled_order_is_imported_as_paid_with_a_warning(shop: OrderShop,
                                                                     tmp_path: Path):
    path = shopify_file(tmp_path, shopify_order("#1", fulfillment="partial"))
    preview = preview_orders(shop.db.uow(), read(path))
    assert not preview.blocked and preview.problems[0].severity == "warning"
    import_orders(shop.db.uow(), read(path))
    assert orders(shop.db)["#1"].status == OrderStatus.PAID


def test_a_product_file_is_refused_as_not_an_order_export(shop: OrderShop, tmp_path: Path):
    path = tmp_path / "products_export.csv"
    path.write_text("Handle,Title,Body (HTML),Vendor,Variant SKU,Variant Price,Status\n"
                    "tee,Tee,,Muzi,TEE-S,30.00,active\n", encoding="utf-8")
    parsed = read(path)
    assert parsed.file_error
    assert parsed.problems == (Problem("File", "this is a product file (Shopify product "
                                       "CSV), not an order export: import it with Import "
                                       "products"),)
    assert refused(shop, path) == list(parsed.problems)


def test_a_file_without_the_needed_columns_names_them(shop: OrderShop, tmp_path: Path):
    path = tmp_path / "orders.csv"
    path.write_text("Name,Created at,Financial Status,Lineitem quantity\n#1,2024-03-05,paid,1\n",
                    encoding="utf-8")
    parsed = read(path, format="shopify")
    assert parsed.problems[0].message.startswith("no column for SKU, Price: is this a Shopify "
                                                 "order export?")


# --- channels -----------------------------------------------------------------------------------

def test_the_only_channel_of_the_files_kind_is_the_default_and_another_can_be_named(
        shop: OrderShop, tmp_path: Path):
    path = shopify_file(tmp_path, shopify_order("#1"))
    import_orders(shop.db.uow(), read(path), channel="天猫 tmall")
    assert query(shop.db, "SELECT channel_id, currency FROM orders") == [(shop.tmall, "USD")]
    preview = preview_orders(shop.db.uow(), read(path), channel=shop.tmall)
    assert preview.counts.orders_unchanged == 1
    assert any("are in USD while '天猫 Tmall' sells in CNY" in note for note in preview.notes)


def test_without_a_channel_of_the_files_kind_the_user_must_name_one(tmp_shop: Database,
                                                                    tmp_path: Path):
    from ecdesk.services.channels import save_channel

    order_shop(tmp_shop, stock=0)
    save_channel(tmp_shop.uow(), name="Shopify EU", kind="shopify", currency="EUR")
    parsed = read(shopify_file(tmp_path, shopify_order("#1")))
    with tmp_shop.uow() as uow, pytest.raises(ChannelChoiceError) as caught:
        channel_for(uow.session, "shopify", None)
    assert str(caught.value) == ("the shop has several Shopify channels ('Shopify US', "
                                 "'Shopify EU'): choose the one these orders belong to")
    preview = preview_orders(tmp_shop.uow(), parsed)
    assert preview.blocked and preview.channel is None
    assert preview.problems[-1].field == "Channel"
    with tmp_shop.uow() as uow, pytest.raises(ChannelChoiceError, match="no channel 'Amazon'"):
        channel_for(uow.session, "shopify", "Amazon")


# --- stock --------------------------------------------------------------------------------------

def test_shipping_more_than_is_on_the_shelf_is_refused_with_what_to_do(shop: OrderShop,
                                                                       tmp_path: Path):
    path = shopify_file(
        tmp_path,
        shopify_order("#1", "MUG", "6", fulfillment="fulfilled"),
        shopify_order("#2", "MUG", "6", fulfillment="fulfilled",
                      created="2024-03-06 10:00:00 -0500"))
    assert refused(shop, path) == [Problem(
        "Lineitem sku", "shipping order #2 would take MUG from 4 to -2 in stock: receive the "
        "stock first, or allow negative stock in the stock settings", 3)]
    result = import_orders(shop.db.uow(), read(path), only_valid=True)
    assert (result.counts.orders_new, result.skipped_orders) == (1, 1)
    assert on_hand(shop)["MUG"] == 4


def test_shipping_below_zero_is_imported_where_negative_stock_is_allowed(shop: OrderShop,
                                                                          tmp_path: Path):
    path = shopify_file(tmp_path, shopify_order("#1", "MUG", "12", fulfillment="fulfilled"),
                        shopify_order("#2", "TEE-S", "12", fulfillment="fulfilled"))
    with shop.db.uow() as uow:
        uow.session.add(StockPolicy(variant_id=shop.skus["MUG"], allow_negative=True))
        uow.commit()
    assert [p.message.split(":")[0] for p in refused(shop, path)] == [
        "shipping order #2 would take TEE-S from 10 to -2 in stock"]
    update_stock_defaults(shop.db.uow(), StockDefaults(allow_negative=True))
    import_orders(shop.db.uow(), read(path))
    assert on_hand(shop) == {"TEE-S": -2, "TEE-M": 10, "MUG": -2}


# --- re-import ----------------------------------------------------------------------------------

def test_importing_the_same_file_again_changes_nothing(shop: OrderShop, tmp_path: Path):
    path = shopify_file(tmp_path, shopify_order("#1", "TEE-S", "2", fulfillment="fulfilled"),
                        shopify_line("#1", "MUG"), shopify_order("#2", "MUG"))
    import_orders(shop.db.uow(), read(path))
    before = snapshot(shop.db)
    again = import_orders(shop.db.uow(), read(path))
    assert (again.counts.orders_new, again.counts.orders_unchanged) == (0, 2)
    after = snapshot(shop.db)
    assert {t: after[t] for t in TABLES if t != "audit_log"} == \
        {t: before[t] for t in TABLES if t != "audit_log"}


def test_a_later_export_moves_orders_to_their_new_status_and_stock_moves_once(
        shop: OrderShop, tmp_path: Path):
    import_orders(shop.db.uow(), read(shopify_file(
        tmp_path, shopify_order("#1", "TEE-S", "2"), shopify_line("#1", "MUG"),
        shopify_order("#2", "MUG", "1", fulfillment="fulfilled"),
        shopify_order("#3", "TEE-M", financial="pending", paid=""), name="monday.csv")))
    later = shopify_file(
        tmp_path, shopify_order("#1", "TEE-S", "2", fulfillment="fulfilled"),
        shopify_line("#1", "MUG"),
        shopify_order("#2", "MUG", "1", financial="refunded", fulfillment="fulfilled",
                      **{"Cancelled at": "2024-03-07 10:00:00 -0500", "Refunded Amount": "30"}),
        shopify_order("#3", "TEE-M"), name="friday.csv")
    preview = preview_orders(shop.db.uow(), read(later))
    assert (preview.counts.orders_new, preview.counts.orders_updated) == (0, 3)
    assert (preview.counts.units_issued, preview.counts.units_returned) == (3, 1)
    import_orders(shop.db.uow(), read(later))
    import_orders(shop.db.uow(), read(later))
    found = orders(shop.db)
    assert {n: o.status for n, o in found.items()} == {
        "#1": OrderStatus.SHIPPED, "#2": OrderStatus.REFUNDED, "#3": OrderStatus.PAID}
    assert found["#3"].paid_at is not None and found["#2"].refunded == Decimal("30.00")
    assert query(shop.db, "SELECT count(*) FROM order_lines") == [(4,)]
    assert on_hand(shop) == {"TEE-S": 8, "TEE-M": 10, "MUG": 9}
    assert query(shop.db, "SELECT reference, kind, sum(quantity) FROM stock_movements "
                 "WHERE order_id IS NOT NULL GROUP BY reference, kind ORDER BY 1, 2") == [
        ("#1", "sold", -3), ("#2", "returned", 1), ("#2", "sold", -1)]


def test_a_status_that_cannot_follow_the_shops_is_a_problem(shop: OrderShop, tmp_path: Path):
    path = shopify_file(tmp_path, shopify_order("#1", "MUG"), shopify_order("#2", "TEE-S"))
    import_orders(shop.db.uow(), read(path))
    set_order_status(shop.db.uow(), orders(shop.db)["#1"].id, OrderStatus.COMPLETED)
    assert refused(shop, path) == [Problem(
        "Status", "order #1 is completed in the shop; the file says paid, which "
        "cannot follow completed", 2)]


def test_an_order_already_imported_with_other_lines_is_another_order_not_an_update(
        shop: OrderShop, tmp_path: Path):
    import_orders(shop.db.uow(), read(shopify_file(tmp_path, shopify_order("#1", "MUG"))))
    edited = shopify_file(tmp_path, shopify_order("#1", "MUG", "2"), name="edited.csv")
    preview = preview_orders(shop.db.uow(), read(edited))
    assert preview.problems == (Problem(
        "Name", "order #1 is already in the shop as another order (other lines): it is not "
        "updated. Orders of another store belong in a channel of their own", 2),)
    refused(shop, edited)
    assert query(shop.db, "SELECT quantity FROM order_lines") == [(1,)]


# --- all or nothing, only valid, cancel, audit --------------------------------------------------

def test_only_valid_imports_the_orders_without_problems_and_skips_a_whole_bad_order(
        shop: OrderShop, tmp_path: Path):
    path = shopify_file(tmp_path, shopify_order("#1", "TEE-S"), shopify_line("#1", "NOPE"),
                        shopify_order("#2", "MUG", "2"))
    preview = preview_orders(shop.db.uow(), read(path))
    assert (preview.blocked, preview.orders_with_errors, preview.importable) == (True, 1, 1)
    result = import_orders(shop.db.uow(), read(path), only_valid=True)
    assert result.message == ("Imported: 1 new order(s) with 1 line(s), 0 updated, 0 unchanged; "
                              "1 order(s) with problems skipped")
    assert list(orders(shop.db)) == ["#2"]


def test_a_cancelled_import_writes_nothing(shop: OrderShop, tmp_path: Path):
    path = shopify_file(tmp_path, *(shopify_order(f"#{n}", "TEE-S", fulfillment="fulfilled")
                                    for n in range(1, 6)))
    before = snapshot(shop.db)
    with pytest.raises(ImportCancelledError):
        import_orders(shop.db.uow(), read(path), progress=lambda done, total: done < 3)
    assert snapshot(shop.db) == before


def test_an_import_leaves_one_audit_row_with_the_file_and_the_counts(shop: OrderShop,
                                                                     tmp_path: Path):
    import_orders(shop.db.uow(), read(shopify_file(tmp_path, shopify_order("#1"))))
    rows = query(shop.db, "SELECT action, entity, changes FROM audit_log "
                 "WHERE entity = 'import_orders'")
    assert len(rows) == 1 and rows[0][:2] == ("bulk", "import_orders")
    assert '"file": "orders_export.csv"' in rows[0][2] and '"orders_new": 1' in rows[0][2]


def test_a_big_import_is_preceded_by_a_backup_and_a_re_import_that_writes_nothing_is_not(
        shop: OrderShop, tmp_path: Path):
    from ecdesk.services.shop_file.backups import list_backups

    rows = [shopify_order(f"#{n}", "TEE-S", financial="pending", paid="") for n in range(301)]
    path = shopify_file(tmp_path, *rows)
    import_orders(shop.db.uow(), read(path))
    assert [b.reason for b in list_backups(shop.db.path)] == ["before-bulk"]
    again = import_orders(shop.db.uow(), read(path))  # nothing to write: no second backup
    assert again.counts.orders_unchanged == 301
    assert len(list_backups(shop.db.path)) == 1


def test_an_xlsx_export_is_read_like_its_csv_and_an_order_number_stored_as_a_number_is_lost(
        shop: OrderShop, tmp_path: Path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["订单编号", "买家会员名", "订单状态", "订单创建时间", "商家编码", "购买数量",
                  "价格"])
    sheet.append(["4012345678901234567", "小明tb", "交易成功", "2024-11-11 00:05:00", "MUG", 2,
                  49.5])
    sheet.append([4012345678901234568, "小红tb", "交易成功", "2024-11-11 00:06:00", "MUG", 1,
                  49.5])
    path = tmp_path / "orders.xlsx"
    book.save(path)
    parsed = read(path)
    assert (parsed.format, parsed.encoding) == ("taobao", "XLSX")
    assert [(o.number, o.lines[0].quantity, o.lines[0].unit_price) for o in parsed.orders] == [
        ("4012345678901234567", 2, Decimal("49.5"))]
    assert parsed.problems[0].row == 3 and "scientific notation" in parsed.problems[0].message


def test_imported_orders_are_found_by_the_order_search_and_the_older_ones_still_are(
        shop: OrderShop, tmp_path: Path):
    first = shopify_file(tmp_path, *(shopify_order(f"#10{n:02d}", "MUG", financial="pending",
                                                   paid="") for n in range(12)), name="a.csv")
    import_orders(shop.db.uow(), read(first))  # into a shop without orders
    later = shopify_file(tmp_path, shopify_order("#2001", "MUG", financial="pending", paid="",
                                                 **{"Billing Name": "Zhang Wei"}), name="b.csv")
    import_orders(shop.db.uow(), read(later))  # indexed without touching the first twelve
    found = query(shop.db, "SELECT o.number FROM order_search s JOIN orders o ON o.id = s.rowid "
                  "WHERE order_search MATCH ? ORDER BY o.number", '"#100" OR "Zhang"')
    assert [number for (number,) in found] == [f"#10{n:02d}" for n in range(10)] + ["#2001"]
    conn = sqlite3.connect(shop.db.path)  # raises when the index and the orders disagree
    with conn:
        conn.execute("INSERT INTO order_search(order_search, rank) VALUES('integrity-check', 1)")
    conn.close()
    assert query(shop.db, "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                 "AND name LIKE 'trg_order_search%' ORDER BY 1") == [
        ("trg_order_search_delete",), ("trg_order_search_insert",),
        ("trg_order_search_update",)]


# --- another store's orders ---------------------------------------------------------------------

def test_a_second_stores_orders_with_our_numbers_are_problems_not_updates(shop: OrderShop,
                                                                          tmp_path: Path):
    ours = shopify_file(tmp_path, shopify_order("#1001", "MUG"), shopify_order("#1002", "MUG"))
    import_orders(shop.db.uow(), read(ours))
    theirs = shopify_file(
        tmp_path,
        shopify_order("#1001", "TEE-S", "3", created="2025-01-10 09:00:00 +0100",
                      fulfillment="fulfilled", Email="someone@other.example"),
        shopify_order("#1002", "MUG", created="2025-01-11 10:30:00 +0100",
                      fulfillment="fulfilled"),
        name="second_store_orders_export.csv")
    problems = refused(shop, theirs)
    assert [(p.row, p.field) for p in problems] == [(2, "Name"), (3, "Name")]
    assert problems[0].message == (
        "order #1001 is already in the shop as another order (created 2024-03-06 03:22 in the "
        "shop, 2025-01-10 16:00 in the file; customer buyer1001@example.com in the shop, "
        "someone@other.example in the file; other lines): it is not updated. Orders of another "
        "store belong in a channel of their own")
    assert "created 2024-03-06 03:22 in the shop, 2025-01-11 17:30 in the file)" in \
        problems[1].message
    assert query(shop.db, "SELECT status, stock_issued FROM orders") == [("paid", 0)] * 2


# --- Taobao / Tmall's two-file report -----------------------------------------------------------

def test_the_taobao_order_list_and_its_details_are_imported_joined_on_the_order_number(
        shop: OrderShop, tmp_path: Path):
    order_list, details = taobao_pair(
        tmp_path,
        [taobao_list_row("1373590000000001", shipping="8.00"),
         taobao_list_row("1373590000000002", created="2024-11-12 10:00:00")],
        [taobao_details_row("1373590000000001", "TEE-S", "2", "49.50"),
         taobao_details_row("1373590000000001", "MUG"),
         taobao_details_row("1373590000000002", "TEE-M")], blank_lines=3000)
    for first, second in ((details, order_list), (order_list, details)):  # either order
        parsed = read(first, second=second)
        assert (parsed.file_error, parsed.problems, parsed.rows) == (False, (), 3)
    import_orders(shop.db.uow(), read(order_list, second=details), channel=shop.tmall)
    assert query(shop.db, "SELECT o.number, o.customer_key, o.shipping, o.ordered_at, "
                 "count(l.id), sum(l.quantity) FROM orders o JOIN order_lines l "
                 "ON l.order_id = o.id GROUP BY o.id ORDER BY o.number") == [
        ("1373590000000001", "小明tb", 800, "2024-11-10 16:05:00.000000", 2, 3),
        ("1373590000000002", "小明tb", 0, "2024-11-12 02:00:00.000000", 1, 1)]


def test_a_details_file_alone_says_what_it_lacks_and_still_reports_every_row_problem(
        shop: OrderShop, tmp_path: Path):
    _list, details = taobao_pair(
        tmp_path, [], [taobao_details_row("1.37359E+14"), taobao_details_row("402", "TEE-S", "0"),
                       taobao_details_row("403")], blank_lines=2000)
    parsed = read(details)
    assert parsed.file_error and parsed.orders == ()
    first, *rows = parsed.problems
    assert "line details (宝贝明细)" in first.message and "订单报表" in first.message
    assert "no column for Order date" in first.message
    assert [(p.row, p.field) for p in rows] == [(2, "订单编号"), (3, "购买数量")]
    assert "scientific notation" in rows[0].message
    refused(shop, details)


def test_a_line_whose_order_is_not_in_the_order_list_is_a_problem_of_its_row(
        shop: OrderShop, tmp_path: Path):
    order_list, details = taobao_pair(tmp_path, [taobao_list_row("501")],
                                      [taobao_details_row("501"), taobao_details_row("502")])
    problems = refused(shop, order_list, second=str(details))
    assert Problem("订单编号", "order 502 is not in the order list ExportOrderList202411.csv",
                   3) in problems


# --- JD, Pinduoduo and Douyin --------------------------------------------------------------------

def marketplace_file(folder: Path, name: str, header: tuple[str, ...],
                     *rows: tuple[str, ...]) -> Path:
    """A GBK CSV in the shape of a merchant back office export."""
    lines = [",".join(header), *(",".join(row) for row in rows)]
    path = folder / name
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    return path


JD_HEADER = ("订单号", "商品ID", "商品名称", "订购数量", "支付方式", "下单时间", "京东价",
             "订单金额", "结算金额", "应付金额", "订单状态", "订单类型", "下单帐号", "客户姓名",
             "运费金额", "付款确认时间", "货号")
PDD_HEADER = ("商品", "订单号", "订单状态", "商品总价(元)", "店铺优惠折扣(元)", "邮费(元)",
              "用户实付金额(元)", "商家实收金额(元)", "商品数量(件)", "收货人", "拼单成功时间",
              "订单成交时间", "发货时间", "商品规格", "商家编码-SKU维度", "商家编码-商品维度",
              "快递单号", "快递公司")
DOUYIN_HEADER = ("主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商品ID",
                 "商家编码", "商品单价", "订单应付金额", "运费", "收件人", "订单提交时间",
                 "支付完成时间", "订单状态")


def test_a_jd_export_is_detected_and_its_statuses_read(shop: OrderShop, tmp_path: Path):
    save_channel(shop.db.uow(), name="京东 JD", kind="jd", currency="CNY")
    path = marketplace_file(
        tmp_path, "jd_orders.csv", JD_HEADER,
        ("300100", "1001", "T恤 S", "2", "在线支付", "2024-11-11 10:00:00", "59.00", "118.00",
         "118.00", "118.00", "等待出库", "普通订单", "jd_buyer", "张三", "0.00",
         "2024-11-11 10:01:00", "TEE-S"),
        ("300101", "1002", "杯子", "1", "在线支付", "2024-11-11 11:00:00", "40.00", "40.00",
         "40.00", "40.00", "等待确认收货", "普通订单", "jd_buyer2", "李四", "6.00",
         "2024-11-11 11:01:00", "MUG"))
    parsed = read(path)
    assert (parsed.format, parsed.format_confident, parsed.problems) == ("jd", True, ())
    import_orders(shop.db.uow(), parsed)
    assert query(shop.db, "SELECT number, status, customer_name, shipping FROM orders "
                 "ORDER BY number") == [("300100", "paid", "张三", 0),
                                        ("300101", "shipped", "李四", 600)]


def test_a_pinduoduo_export_reads_its_goods_total_as_the_lines_amount(shop: OrderShop,
                                                                      tmp_path: Path):
    save_channel(shop.db.uow(), name="拼多多 PDD", kind="pinduoduo", currency="CNY")
    path = marketplace_file(
        tmp_path, "pdd_orders.csv", PDD_HEADER,
        ("杯子", "241111-123456789012345", "已发货，待签收", "100.00", "0.00", "0.00", "100.00",
         "100.00", "3", "王五", "2024-11-11 09:00:00", "2024-11-11 09:00:05",
         "2024-11-12 10:00:00", "白色", "MUG", "MUG-ALL", "YT123456789", "圆通快递"),
        ("T恤", "241111-123456789012346", "待发货", "59.00", "0.00", "0.00", "59.00", "59.00",
         "1", "赵六", "2024-11-11 09:30:00", "2024-11-11 09:30:05", "", "S", "", "TEE-S",
         "", ""))
    parsed = read(path)
    assert (parsed.format, parsed.problems) == ("pinduoduo", ())
    mug = parsed.orders[0].lines[0]
    assert (mug.sku, mug.quantity, mug.unit_price, mug.discount) == (
        "MUG", 3, Decimal("33.34"), Decimal("0.02"))
    assert parsed.orders[1].lines[0].sku == "TEE-S"  # the product-level code when no SKU code
    import_orders(shop.db.uow(), parsed)
    assert query(shop.db, "SELECT number, status, goods_total FROM orders ORDER BY number") == [
        ("241111-123456789012345", "shipped", 10000), ("241111-123456789012346", "paid", 5900)]


def test_a_douyin_export_groups_its_sub_orders_into_one_order(shop: OrderShop, tmp_path: Path):
    save_channel(shop.db.uow(), name="抖音小店", kind="other", currency="CNY")
    path = marketplace_file(
        tmp_path, "douyin_orders.csv", DOUYIN_HEADER,
        ("69000001", "69000001-1", "T恤", "白 S", "1", "11", "TEE-S", "59.00", "99.00", "0.00",
         "钱七", "2024-11-11 20:00:00", "2024-11-11 20:00:30", "备货中"),
        ("69000001", "69000001-2", "杯子", "白", "1", "12", "MUG", "40.00", "99.00", "0.00",
         "钱七", "2024-11-11 20:00:00", "2024-11-11 20:00:30", "备货中"))
    parsed = read(path)
    assert (parsed.format, parsed.problems, len(parsed.orders)) == ("douyin", (), 1)
    import_orders(shop.db.uow(), parsed)
    assert query(shop.db, "SELECT number, status, line_count FROM orders") == [
        ("69000001", "paid", 2)]


def test_an_unknown_marketplace_status_names_the_words_ecdesk_knows(shop: OrderShop,
                                                                    tmp_path: Path):
    path = marketplace_file(
        tmp_path, "jd_orders.csv", JD_HEADER,
        ("300100", "1001", "T恤", "1", "在线支付", "2024-11-11 10:00:00", "59.00", "59.00",
         "59.00", "59.00", "神秘状态", "普通订单", "jd_buyer", "张三", "0.00", "", "TEE-S"))
    problems = read(path).problems
    assert [(p.row, p.field) for p in problems] == [(2, "订单状态")]
    assert "等待出库" in problems[0].message


def test_carrier_and_tracking_number_are_kept_and_the_tracking_number_finds_the_order(
        shop: OrderShop, tmp_path: Path):
    from ecdesk.services.orders.filters import OrderQuery
    from ecdesk.services.orders.queries import get_order, list_orders

    save_channel(shop.db.uow(), name="拼多多 PDD", kind="pinduoduo", currency="CNY")
    row = ("杯子", "241111-1", "待发货", "40.00", "0.00", "0.00", "40.00", "40.00", "1", "王五",
           "2024-11-11 09:00:00", "2024-11-11 09:00:05", "", "白色", "MUG", "", "", "")
    import_orders(shop.db.uow(), read(marketplace_file(tmp_path, "a.csv", PDD_HEADER, row)))
    shipped = (*row[:2], "已发货，待签收", *row[3:12], "2024-11-12 10:00:00", *row[13:16],
               "YT1234567890123", "圆通快递")
    import_orders(shop.db.uow(), read(marketplace_file(tmp_path, "b.csv", PDD_HEADER, shipped)))
    assert query(shop.db, "SELECT status, carrier, tracking_number FROM orders") == [
        ("shipped", "圆通快递", "YT1234567890123")]
    found = list_orders(shop.db.uow(), OrderQuery(search="YT1234567890123")).rows
    assert [order.number for order in found] == ["241111-1"]
    detail = get_order(shop.db.uow(), found[0].id)
    assert (detail.carrier, detail.tracking_number) == ("圆通快递", "YT1234567890123")


def test_a_chinese_import_problem_names_the_field_and_statuses_in_chinese(
        shop: OrderShop, tmp_path: Path):
    path = shopify_file(tmp_path, shopify_order("#1", "MUG"))
    import_orders(shop.db.uow(), read(path))
    set_order_status(shop.db.uow(), orders(shop.db)["#1"].id, OrderStatus.COMPLETED)
    with language(CHINESE):
        said = str(refused(shop, path)[0])
    assert "已完成" in said and "已付款" in said
    assert [word for word in ("Status", "paid", "completed") if word in said] == []
