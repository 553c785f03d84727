"""Report figures against the database: which orders count, shop-time-zone days, order amounts
counted once, other currencies apart, and the stock ledger reconciled per SKU and in total —
each compared with a query written independently here."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from ecdesk.db import Database
from ecdesk.errors import CancelledError, ValidationError
from ecdesk.models import MovementKind, OrderStatus
from ecdesk.services.orders.commands import set_orders_status
from ecdesk.services.reports import Period, ReportRequest, generate_report
from ecdesk.services.reports.inventory_queries import StockScope, stock_figures
from ecdesk.services.reports.model import STYLE, SUBTOTAL
from ecdesk.services.reports.sales import build_sales_report
from ecdesk.services.reports.sales_queries import (
    SalesScope,
    category_totals,
    other_currencies,
    returns_by_channel,
    returns_totals,
    sales_by_bucket,
    sales_by_category,
    sales_by_channel,
    sales_totals,
)
from ecdesk.services.reports.scope import ReportScope
from ecdesk.services.settings import get_settings
from tests.integration.order_fixtures import SmallShop, enter, small_shop

SHANGHAI = ZoneInfo("Asia/Shanghai")
MARCH = Period.month(2026, 3)


@pytest.fixture
def shop(tmp_shop: Database) -> SmallShop:
    return small_shop(tmp_shop)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder for the reports (the shop file lives in tmp_path itself)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def totals(db: Database, period: Period = MARCH, channel: int | None = None,
           currency: str = "CNY") -> dict[str, int]:
    with db.uow() as uow:
        return sales_totals(uow.session, SalesScope(period, SHANGHAI, currency, channel))


def at(day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=SHANGHAI)


# -- which orders count -----------------------------------------------------------------------


def test_only_paid_shipped_completed_and_refunded_orders_are_sales(shop: SmallShop) -> None:
    for number, status in (("P1", OrderStatus.PENDING), ("C1", OrderStatus.CANCELLED),
                           ("A1", OrderStatus.PAID), ("S1", OrderStatus.SHIPPED),
                           ("D1", OrderStatus.COMPLETED)):
        enter(shop, number, (("SHIRT-WHITE", 1, "50.00"),), at=at(5), status=status)
    figures = totals(shop.db)
    assert figures["orders"] == 3
    assert figures["sales"] == 3 * 5000


def test_a_refund_stays_a_sale_and_is_taken_off_the_margin(shop: SmallShop) -> None:
    order = enter(shop, "R1", (("FLASK-1", 2, "88.00"),), at=at(5), status=OrderStatus.SHIPPED)
    set_orders_status(shop.db.uow(), [order], OrderStatus.REFUNDED, refunded="40.00")
    figures = totals(shop.db)
    assert (figures["sales"], figures["refunds"], figures["refunded_orders"]) == (17600, 4000, 1)
    assert figures["cogs"] == 2 * 3000
    assert figures["margin"] == 17600 - 4000 - 6000 - figures["fees"]


def test_a_channel_with_refunds_but_no_goods_back_has_its_row_of_returns(
        shop: SmallShop) -> None:
    # A refund and nothing back on the shelf (refunded only, 仅退款). The row's missing
    # figures were NULL, and the rows then added up to less than the totals (a refused report).
    order = enter(shop, "R2", (("FLASK-1", 1, "88.00"),), at=at(6),
                  status=OrderStatus.SHIPPED)
    set_orders_status(shop.db.uow(), [order], OrderStatus.REFUNDED, refunded="30.00")
    scope = SalesScope(MARCH, SHANGHAI, "CNY")
    with shop.db.uow() as uow:
        rows = returns_by_channel(uow.session, scope)
        whole = returns_totals(uow.session, scope)
    assert (whole["refunded_orders"], whole["refunds"]) == (1, 3000)
    assert {key: int(rows[key].sum()) for key in whole} == whole
    assert len(rows) == 1


def test_an_order_of_three_lines_counts_its_shipping_and_fees_once(shop: SmallShop) -> None:
    enter(shop, "M1", (("SHIRT-WHITE", 1, "50.00"), ("SHIRT-BLUE", 2, "50.00"),
                       ("FLASK-1", 1, "80.00")), at=at(9), shipping="12.00")
    with shop.db.uow() as uow:
        uow.session.execute(text("UPDATE orders SET platform_fees = 700"))
        uow.commit()
    figures = totals(shop.db)
    assert (figures["orders"], figures["units"], figures["sales"]) == (1, 4, 23000)
    assert (figures["shipping"], figures["fees"]) == (1200, 700)
    assert figures["cogs"] == 3 * 2000 + 3000


def test_discounts_are_counted_and_gross_sales_is_before_them(shop: SmallShop) -> None:
    from ecdesk.services.orders.commands import record_order
    from ecdesk.services.orders.dto import OrderDraft, OrderLineDraft

    record_order(shop.db.uow(), OrderDraft(shop.tmall, "D9", at(3), (
        OrderLineDraft("SHIRT-WHITE", 3, "50.00", discount="7.50"),)))
    figures = totals(shop.db)
    assert (figures["gross"], figures["discounts"], figures["sales"]) == (15000, 750, 14250)


def test_an_order_late_on_the_last_evening_is_in_the_month_and_one_at_midnight_is_not(
        shop: SmallShop) -> None:
    enter(shop, "LATE", (("SHIRT-WHITE", 1, "10.00"),), at=at(31, 23, 30))
    enter(shop, "NEXT", (("SHIRT-WHITE", 1, "20.00"),),
          at=datetime(2026, 4, 1, 0, 0, tzinfo=SHANGHAI))
    enter(shop, "EARLY", (("SHIRT-WHITE", 1, "40.00"),),
          at=datetime(2026, 3, 1, 0, 0, tzinfo=SHANGHAI))
    assert totals(shop.db)["sales"] == 1000 + 4000
    assert totals(shop.db, Period.month(2026, 4))["sales"] == 2000


def test_orders_in_another_currency_are_listed_apart_and_never_added(shop: SmallShop) -> None:
    enter(shop, "CN1", (("SHIRT-WHITE", 1, "50.00"),), at=at(4))
    enter(shop, "US1", (("SHIRT-WHITE", 2, "9.99"),), channel=shop.shopify, at=at(4))
    assert totals(shop.db)["sales"] == 5000
    with shop.db.uow() as uow:
        foreign = other_currencies(uow.session, SalesScope(MARCH, SHANGHAI, "CNY"))
    assert foreign.to_dict("records") == [{"currency": "USD", "orders": 1, "sales": 1998}]


def test_a_channel_report_reads_only_that_channels_orders(shop: SmallShop) -> None:
    enter(shop, "T1", (("SHIRT-WHITE", 1, "50.00"),), at=at(4))
    enter(shop, "U1", (("SHIRT-WHITE", 1, "7.00"),), channel=shop.shopify, at=at(4))
    assert totals(shop.db, channel=shop.tmall)["sales"] == 5000
    assert totals(shop.db, channel=shop.shopify, currency="USD")["sales"] == 700


def test_days_without_sales_show_as_zero_rows(shop: SmallShop) -> None:
    enter(shop, "X1", (("SHIRT-WHITE", 1, "50.00"),), at=at(2, 1))  # 1 am Shanghai: UTC day 1
    with shop.db.uow() as uow:
        days = sales_by_bucket(uow.session, SalesScope(MARCH, SHANGHAI, "CNY"))
    assert len(days) == 31
    assert days.loc[days["sales"] > 0, "bucket"].tolist() == ["2026-03-02"]


# -- the demo shop against independent queries -------------------------------------------------


def busiest_month(db: Database) -> Period:
    """The latest whole month of the demo's orders (its year ends now)."""
    with db.uow() as uow:
        latest = uow.session.execute(text("SELECT max(ordered_at) FROM orders")).scalar_one()
    assert latest is not None, "the demo shop has no orders"
    last_day = datetime.fromisoformat(latest).replace(tzinfo=UTC).astimezone(SHANGHAI).date()
    return Period.month_of(last_day.replace(day=1) - timedelta(days=1))


def utc_text(day: date) -> str:
    """Midnight of `day` in Shanghai as the database stores UTC (written out by hand here)."""
    return (datetime(day.year, day.month, day.day) - timedelta(hours=8)).strftime(
        "%Y-%m-%d %H:%M:%S.%f")


def independent_sales(db: Database, period: Period) -> dict[str, int]:
    """Sales figures summed straight from the tables, orders and lines queried separately."""
    where = ("status IN ('paid', 'shipped', 'completed', 'refunded') AND currency = 'CNY' "
             "AND ordered_at >= :start AND ordered_at < :end")
    params = {"start": utc_text(period.first), "end": utc_text(period.last + timedelta(1))}
    with db.uow() as uow:
        orders = uow.session.execute(text(
            f"SELECT count(*), total(shipping), total(platform_fees), total(refunded) "
            f"FROM orders WHERE {where}"), params).one()
        lines = uow.session.execute(text(
            f"SELECT sum(quantity), sum(line_total), sum(discount), sum(quantity * unit_cost) "
            f"FROM order_lines WHERE order_id IN (SELECT id FROM orders WHERE {where})"),
            params).one()
    count, shipping, fees, refunds = (int(v) for v in orders)
    units, sales, discounts, cogs = (int(v or 0) for v in lines)
    return {"orders": count, "units": units, "sales": sales, "discounts": discounts,
            "shipping": shipping, "fees": fees, "refunds": refunds, "cogs": cogs,
            "margin": sales - refunds - cogs - fees}


def test_the_demo_shops_sales_figures_equal_an_independent_query(
        demo_read_only: Database) -> None:
    period = busiest_month(demo_read_only)
    figures = totals(demo_read_only, period)
    expected = independent_sales(demo_read_only, period)
    assert expected["orders"] > 100
    assert {key: figures[key] for key in expected} == expected


def test_channel_day_category_and_return_rows_add_up_to_the_totals(
        demo_read_only: Database) -> None:
    period = busiest_month(demo_read_only)
    scope = SalesScope(period, SHANGHAI, "CNY")
    with demo_read_only.uow() as uow:
        session = uow.session
        whole = sales_totals(session, scope)
        channels, days = sales_by_channel(session, scope), sales_by_bucket(session, scope)
        categories, lines = sales_by_category(session, scope), category_totals(session, scope)
        returns = returns_totals(session, scope)
    for frame in (channels, days):
        assert {key: int(frame[key].sum()) for key in whole} == whole
    assert {key: int(categories[key].sum()) for key in lines} == lines
    assert (lines["units"], lines["sales"], lines["cogs"]) == (
        whole["units"], whole["sales"], whole["cogs"])
    assert (returns["refunds"], returns["refunded_orders"]) == (
        whole["refunds"], whole["refunded_orders"])


def test_a_sales_report_has_the_previous_period_beside_this_one(
        demo_read_only: Database) -> None:
    period = busiest_month(demo_read_only)
    settings = get_settings(demo_read_only.uow())
    scope = ReportScope(settings.shop_name, "CNY", settings.timezone, period,
                        datetime(2026, 12, 1, tzinfo=UTC))
    with demo_read_only.uow() as uow:
        report = build_sales_report(uow.session, scope)
    report.check_totals()
    summary = report.sections[0].tables()[0].rows.set_index("figure")
    assert summary.loc["Sales (GMV)", "now"] == totals(demo_read_only, period)["sales"]
    assert summary.loc["Sales (GMV)", "before"] == totals(demo_read_only,
                                                          period.previous())["sales"]


def independent_stock(db: Database, period: Period) -> dict[str, Any]:
    start, end = utc_text(period.first), utc_text(period.last + timedelta(1))
    with db.uow() as uow:
        # each SKU's units at the cost it had at the period's end (its last cost before then)
        closing, value = uow.session.execute(text(
            "SELECT sum(k.units), sum(k.units * ch.unit_cost) FROM (SELECT m.variant_id, "
            "sum(m.quantity) AS units FROM stock_movements m WHERE m.at < :end GROUP BY 1) k "
            "JOIN cost_history ch ON ch.id = coalesce((SELECT c.id FROM cost_history c WHERE "
            "c.variant_id = k.variant_id AND c.at < :end ORDER BY c.at DESC, c.id DESC LIMIT 1), "
            "(SELECT c.id FROM cost_history c WHERE c.variant_id = k.variant_id "
            "ORDER BY c.at, c.id LIMIT 1))"), {"end": end}).one()
        opening = uow.session.execute(text(
            "SELECT sum(quantity) FROM stock_movements WHERE at < :start"),
            {"start": start}).scalar_one()
        kinds = dict(uow.session.execute(text(
            "SELECT kind, sum(quantity) FROM stock_movements WHERE at >= :start AND at < :end "
            "GROUP BY kind"), {"start": start, "end": end}).tuples().all())
    return {"closing": closing, "closing_value": value, "opening": opening, **kinds}


def test_the_demo_shops_stock_figures_equal_an_independent_query(
        demo_read_only: Database) -> None:
    period = busiest_month(demo_read_only)
    with demo_read_only.uow() as uow, stock_figures(uow.session,
                                                    StockScope(period, SHANGHAI)) as stock:
        figures = stock.totals()
    expected = independent_stock(demo_read_only, period)
    assert expected["sold"] < 0 < expected["closing"]
    assert {key: figures[key] for key in expected} == expected


def test_opening_plus_movements_is_closing_for_every_sku_and_in_total(
        demo_read_only: Database) -> None:
    period = busiest_month(demo_read_only)
    with demo_read_only.uow() as uow, stock_figures(uow.session,
                                                    StockScope(period, SHANGHAI)) as stock:
        skus, whole = stock.by_sku(), stock.totals()
    kinds = ["received", "sold", "returned", "adjusted", "counted", "written_off"]
    assert (skus["opening"] + skus[kinds].sum(axis=1) == skus["closing"]).all()
    assert (skus["closing"] * skus["unit_cost"] == skus["closing_value"]).all()
    assert whole["opening"] + sum(whole[k] for k in kinds) == whole["closing"]
    assert int(skus["closing_value"].sum()) == whole["closing_value"]


def test_stock_at_the_end_of_today_is_the_shelfs_on_hand(demo_read_only: Database) -> None:
    today = datetime.now(UTC).astimezone(SHANGHAI).date()
    with demo_read_only.uow() as uow:
        with stock_figures(uow.session, StockScope(Period(today, today), SHANGHAI)) as stock:
            skus = stock.by_sku()
        on_hand = dict(uow.session.execute(text("SELECT sku, on_hand FROM variants"))
                       .tuples().all())
    assert len(skus) > 0
    assert all(on_hand[sku] == closing for sku, closing in zip(skus["sku"], skus["closing"],
                                                              strict=True))


def test_the_stock_figures_leave_no_table_behind(demo_read_only: Database) -> None:
    with demo_read_only.uow() as uow:
        with stock_figures(uow.session, StockScope(Period.month(2026, 1), SHANGHAI)):
            pass
        left = uow.session.execute(text(
            "SELECT count(*) FROM temp.sqlite_master WHERE name = 'report_stock'")).scalar_one()
    assert left == 0


def test_each_categorys_subtotal_follows_its_skus_and_equals_them(
        demo_read_only: Database) -> None:
    from ecdesk.services.reports.inventory import with_subtotals

    period = busiest_month(demo_read_only)
    with demo_read_only.uow() as uow, stock_figures(uow.session,
                                                    StockScope(period, SHANGHAI)) as stock:
        skus, categories = stock.by_sku(), stock.by_category()
    rows = with_subtotals(skus, categories)
    assert (rows[STYLE] == SUBTOTAL).sum() == len(categories)
    block: list[int] = []
    for _, row in rows.iterrows():
        if row[STYLE] == SUBTOTAL:
            assert sum(block) == row["closing_value"] and block, row["product"]
            block = []
        else:
            block.append(row["closing_value"])
    assert block == []


# -- generating: refusals and cancelling ---------------------------------------------------------


def test_a_channel_that_does_not_exist_is_refused_naming_the_shops_channels(
        shop: SmallShop, out: Path) -> None:
    with pytest.raises(ValidationError) as refused:
        generate_report(shop.db.uow(), ReportRequest("sales", MARCH, out / "r.pdf",
                                                     channel="Amazon"))
    [problem] = refused.value.problems
    assert problem.field == "Channel" and "Tmall 天猫, Shopify" in problem.message
    assert list(out.iterdir()) == []


def test_part_of_a_channels_name_finds_it_when_only_one_has_it(shop: SmallShop,
                                                                out: Path) -> None:
    result = generate_report(shop.db.uow(), ReportRequest(
        "sales", MARCH, out / "r.csv", channel="天猫"))
    assert "Covers,Channel: Tmall 天猫" in result.path.read_text(encoding="utf-8-sig")


def test_a_stock_report_for_one_channel_is_refused(shop: SmallShop, out: Path) -> None:
    with pytest.raises(ValidationError, match="whole shop's stock"):
        generate_report(shop.db.uow(), ReportRequest("inventory", MARCH, out / "r.pdf",
                                                     channel="Shopify"))


def test_a_file_type_other_than_pdf_csv_or_xlsx_is_refused(shop: SmallShop,
                                                            out: Path) -> None:
    with pytest.raises(ValidationError, match=r"'r\.docx' must end in \.pdf, \.csv or \.xlsx"):
        generate_report(shop.db.uow(), ReportRequest("sales", MARCH, out / "r.docx"))


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx"])
def test_a_cancelled_report_leaves_no_file_behind(shop: SmallShop, out: Path,
                                                  suffix: str) -> None:
    enter(shop, "Z1", (("SHIRT-WHITE", 1, "50.00"),), at=at(4))
    seen: list[int] = []

    def progress(done: int, total: int) -> bool:
        seen.append(done)
        return done < 500  # cancel halfway, while the file is being written

    with pytest.raises(CancelledError):
        generate_report(shop.db.uow(), ReportRequest("accountant-pack", MARCH,
                                                     out / f"r{suffix}"), progress)
    assert seen and list(out.iterdir()) == []


def test_money_in_the_twin_is_exact(shop: SmallShop, out: Path) -> None:
    enter(shop, "Q1", (("SHIRT-WHITE", 3, "33.33"),), at=at(4))
    result = generate_report(shop.db.uow(), ReportRequest("sales", MARCH, out / "r.csv"))
    text_ = result.path.read_text(encoding="utf-8-sig")
    assert "Sales (GMV),99.99," in text_
    assert Decimal("99.99") == Decimal(3) * Decimal("33.33")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_text_a_spreadsheet_would_run_as_a_formula_is_neutralized_in_the_twin(
        shop: SmallShop, out: Path, suffix: str) -> None:
    from ecdesk.services.catalog.commands import save_product
    from ecdesk.services.catalog.dto import ProductDraft, VariantDraft
    from ecdesk.services.stock.commands import adjust_stock

    save_product(shop.db.uow(), ProductDraft(title="=HYPERLINK(\"http://x\")", status="active",
                                              variants=(VariantDraft("EVIL-1", unit_cost="1"),)))
    with shop.db.uow() as uow:
        evil = uow.session.execute(text("SELECT id FROM variants WHERE sku = 'EVIL-1'")).scalar()
    adjust_stock(shop.db.uow(), variant_id=evil, kind=MovementKind.RECEIVED, quantity=2,
                 reference="PO-9")
    today = datetime.now(UTC).astimezone(SHANGHAI).date()
    result = generate_report(shop.db.uow(), ReportRequest(
        "inventory", Period(today, today), out / f"stock{suffix}"))
    if suffix == ".csv":
        import csv

        with open(result.path, encoding="utf-8-sig", newline="") as file:
            cells = [row[1] for row in csv.reader(file) if row and row[0] == "EVIL-1"]
    else:
        from openpyxl import load_workbook

        book = load_workbook(result.path, read_only=True)
        cells = [row[1] for row in book["Stock by SKU"].values if row[0] == "EVIL-1"]
        book.close()
    assert cells and all(cell.startswith("'=HYPERLINK") for cell in cells)


def test_an_xlsx_twin_is_the_same_bytes_on_a_rerun_and_carries_the_stated_time(
        shop: SmallShop, out: Path) -> None:
    import zipfile

    enter(shop, "X1", (("SHIRT-WHITE", 1, "50.00"),), at=at(4))
    stated = datetime(2026, 4, 1, 9, 30, tzinfo=SHANGHAI)
    first, second = (generate_report(shop.db.uow(), ReportRequest(
        "sales", MARCH, out / name, generated_at=stated)).path for name in ("a.xlsx", "b.xlsx"))
    with zipfile.ZipFile(first) as book:
        assert {info.date_time for info in book.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = book.read("docProps/core.xml").decode()
    assert core.count("2026-04-01T01:30:00Z") == 2  # created and modified: the stated time
    assert first.read_bytes() == second.read_bytes()


def test_the_inventory_reports_alerts_count_only_sales_placed_before_its_stated_time(
        shop: SmallShop) -> None:
    from ecdesk.services.reports.alerts_part import current_alerts

    stated = datetime(2026, 3, 10, 12, 0, tzinfo=SHANGHAI)
    # FLASK-1 (50 on hand, not listed) sells out on paid orders placed after the stated time
    enter(shop, "LATER-1", (("FLASK-1", 50, "88.00"),), at=datetime(2026, 3, 20, tzinfo=SHANGHAI))
    before = current_alerts(shop.db.uow(), stated)[0].note
    after = current_alerts(shop.db.uow(), datetime(2026, 3, 25, tzinfo=SHANGHAI))[0].note
    assert before.startswith("0 open alerts")
    assert after.startswith("1 open alerts")
    assert "placed before the report's time; stock on hand is as it stands now" in before


def test_a_packing_list_picks_every_sku_once_then_gives_each_order_its_own_slip(
        shop: SmallShop, out: Path) -> None:
    from pypdf import PdfReader

    from ecdesk.services.reports.packing import write_packing_list

    first = enter(shop, "P-1", (("SHIRT-WHITE", 2, "59.90"), ("FLASK-1", 1, "88.00")),
                  at=at(4), customer="王伟")
    second = enter(shop, "P-2", (("SHIRT-WHITE", 1, "59.90"),), at=at(5))
    stated = datetime(2026, 3, 6, 9, 0, tzinfo=SHANGHAI)
    result = write_packing_list(shop.db.uow(), [second, first], out / "pack.pdf",
                                generated_at=stated)
    assert (result.orders, result.pages) == (2, 3)
    pages = [page.extract_text() for page in PdfReader(result.path).pages]
    assert "FLASK-1" in pages[0] and "SHIRT-WHITE" in pages[0]
    assert "Order P-1" in pages[1] and "王伟" in pages[1]
    assert "Order P-2" in pages[2] and "FLASK-1" not in pages[2]
    again = write_packing_list(shop.db.uow(), [first, second], out / "again.pdf",
                               generated_at=stated)
    assert again.path.read_bytes() == result.path.read_bytes()


def test_a_packing_list_without_orders_is_refused(shop: SmallShop, out: Path) -> None:
    from ecdesk.services.reports.packing import write_packing_list

    with pytest.raises(ValidationError, match="choose the orders to pack first"):
        write_packing_list(shop.db.uow(), [], out / "pack.pdf")
    assert list(out.iterdir()) == []
