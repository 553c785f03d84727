"""`python main.py report ...` on the demo shop, read back with a PDF library: the totals in the
text equal independent SQL, every font is embedded, "Page n of N" matches the page count, the
same stated time gives the same bytes, Chinese text is text, and the CSV/XLSX twins carry the
PDF's figures."""

from __future__ import annotations

import csv
import re
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from ecdesk.db import open_database
from ecdesk.services.common.period import Period
from ecdesk.services.reports.model import format_minor
from ecdesk.services.settings import get_settings, update_settings

REPO_ROOT = Path(__file__).resolve().parents[2]
STAMP = "2026-12-01 10:00"
SOLD = "status IN ('paid', 'shipped', 'completed', 'refunded') AND currency = 'CNY'"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO_ROOT / "main.py"), *map(str, args)],
                          cwd=REPO_ROOT, capture_output=True, text=True, encoding="utf-8",
                          timeout=300)


def report(shop: Path, name: str, period: Period, out: Path, *extra: str) -> Path:
    result = run("report", name, "--db", shop, "--from", period.first.isoformat(),
                 "--to", period.last.isoformat(), "--out", out, "--generated-at", STAMP, *extra)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("Wrote ") and str(out) in result.stdout
    return out


def last_whole_month(shop: Path) -> Period:
    with sqlite3.connect(shop) as conn:
        latest = conn.execute("SELECT max(ordered_at) FROM orders").fetchone()[0]
    assert latest, "the demo shop has no orders"
    shanghai = datetime.fromisoformat(latest) + timedelta(hours=8)
    return Period.month_of(shanghai.date().replace(day=1) - timedelta(days=1))


def utc_text(day: date) -> str:
    """Midnight of `day` in Shanghai (the demo's zone, UTC+8) as the database stores UTC."""
    return (datetime(day.year, day.month, day.day) - timedelta(hours=8)).strftime(
        "%Y-%m-%d %H:%M:%S.%f")


def sql(shop: Path, query: str, *params: Any) -> tuple[Any, ...]:
    with sqlite3.connect(shop) as conn:
        return tuple(conn.execute(query, params).fetchone())


def pages_text(pdf: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(pdf).pages]


def numbers_after(text: str, label: str, count: int) -> list[str]:
    """The `count` cells that follow the line `label` (pypdf puts each cell on a line)."""
    lines = [line.strip() for line in text.splitlines()]
    index = lines.index(label)
    return lines[index + 1:index + 1 + count]


@pytest.fixture(scope="module")
def shop(demo_shop_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("report-shop") / "shop.ecdesk"
    shutil.copyfile(demo_shop_file, copy)
    return copy


@pytest.fixture(scope="module")
def period(shop: Path) -> Period:
    return last_whole_month(shop)


@pytest.fixture(scope="module")
def written(shop: Path, period: Period, tmp_path_factory: pytest.TempPathFactory
            ) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("reports")
    with pytest.MonkeyPatch.context() as patch:  # module scope: before the autouse fixture
        patch.setenv("ECDESK_DATA_DIR", str(tmp_path_factory.mktemp("report-data")))
        return {file: report(shop, name, period, folder / file) for name, file in (
            ("sales", "sales.pdf"), ("inventory", "inventory.pdf"),
            ("accountant-pack", "pack.pdf"), ("sales", "sales.csv"),
            ("accountant-pack", "pack.xlsx"))}


def independent_sales(shop: Path, period: Period) -> dict[str, int]:
    span = (utc_text(period.first), utc_text(period.last + timedelta(days=1)))
    where = f"{SOLD} AND ordered_at >= ? AND ordered_at < ?"
    orders, shipping, fees, refunds = sql(
        shop, f"SELECT count(*), sum(shipping), sum(platform_fees), sum(refunded) FROM orders "
        f"WHERE {where}", *span)
    units, sales, discounts, cogs = sql(
        shop, "SELECT sum(l.quantity), sum(l.line_total), sum(l.discount), "
        f"sum(l.quantity * l.unit_cost) FROM order_lines l WHERE l.order_id IN "
        f"(SELECT id FROM orders WHERE {where})", *span)
    return {"orders": orders, "units": units, "sales": sales, "discounts": discounts,
            "shipping": shipping, "refunds": refunds, "fees": fees, "cogs": cogs,
            "margin": sales - refunds - cogs - fees}


def test_every_page_of_every_report_says_page_n_of_the_page_count(
        written: dict[str, Path]) -> None:
    for name in ("sales.pdf", "inventory.pdf", "pack.pdf"):
        texts = pages_text(written[name])
        footers = [re.findall(r"Page (\d+) of (\d+)", text) for text in texts]
        assert footers == [[(str(n), str(len(texts)))] for n in range(1, len(texts) + 1)], name
    assert len(PdfReader(written["pack.pdf"]).pages) > len(PdfReader(written["sales.pdf"]).pages)


def test_a_table_running_over_pages_repeats_its_header_on_each(
        written: dict[str, Path]) -> None:
    texts = pages_text(written["inventory.pdf"])
    continued = [t for t in texts if "Stock by SKU (continued)" in t]
    assert len(continued) > 3
    header = ["SKU", "Product", "Opening", "Received", "Sold", "Returned", "Adjusted", "Counted",
              "Written off", "To supplier", "Closing", "Unit cost (CNY)", "Value (CNY)"]
    for text in continued:
        lines = [line.strip() for line in text.splitlines()]
        start = lines.index("Stock by SKU (continued)") + 1
        assert lines[start:start + len(header)] == header


def test_every_font_is_an_embedded_truetype_font(written: dict[str, Path]) -> None:
    for name in ("sales.pdf", "inventory.pdf", "pack.pdf"):
        fonts = {}
        for page in PdfReader(written[name]).pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                fonts[font["/BaseFont"]] = font
        assert fonts, name
        for base_name, font in fonts.items():
            assert "/FontFile2" in font["/FontDescriptor"], f"{name}: {base_name} not embedded"
            assert "WenQuanYiMicroHei" in base_name


def test_the_sales_totals_in_the_pdf_equal_an_independent_query(
        shop: Path, period: Period, written: dict[str, Path]) -> None:
    expected = independent_sales(shop, period)
    assert expected["orders"] > 100
    texts = pages_text(written["sales.pdf"])
    summary = texts[0]
    assert numbers_after(summary, "Sales (GMV)", 1) == [format_minor(expected["sales"])]
    assert numbers_after(summary, "Gross margin", 1) == [format_minor(expected["margin"])]
    assert numbers_after(summary, "Orders", 1) == [f"{expected['orders']:,}"]
    by_channel = next(t for t in texts if "Sales by channel" in t)
    channel_part = by_channel[by_channel.index("Sales by channel"):]
    keys = ("orders", "units", "sales", "discounts", "shipping", "refunds", "fees", "cogs",
            "margin")
    assert numbers_after(channel_part, "Total", len(keys)) == [
        f"{expected[k]:,}" if k in ("orders", "units") else format_minor(expected[k])
        for k in keys]


def test_the_stock_value_in_the_pdf_equals_an_independent_query(
        shop: Path, period: Period, written: dict[str, Path]) -> None:
    # each SKU's units at the cost it had at the period's end (its last cost before then)
    end = utc_text(period.last + timedelta(days=1))
    units, value = sql(shop, "SELECT sum(k.units), sum(k.units * ch.unit_cost) FROM (SELECT "
                       "m.variant_id, sum(m.quantity) AS units FROM stock_movements m "
                       "WHERE m.at < ? GROUP BY 1) k JOIN cost_history ch ON ch.id = coalesce("
                       "(SELECT c.id FROM cost_history c WHERE c.variant_id = k.variant_id AND "
                       "c.at < ? ORDER BY c.at DESC, c.id DESC LIMIT 1), (SELECT c.id FROM "
                       "cost_history c WHERE c.variant_id = k.variant_id ORDER BY c.at, c.id "
                       "LIMIT 1))", end, end)
    first = pages_text(written["inventory.pdf"])[0]
    assert numbers_after(first, "Closing stock", 2) == [f"{units:,}", format_minor(value)]
    last_table = pages_text(written["inventory.pdf"])
    sku_pages = [t for t in last_table if "Stock by SKU" in t]
    total_cells = numbers_after(sku_pages[-1].split("Stock by SKU")[-1], "Total", 10)
    assert total_cells[-2:] == [f"{units:,}", format_minor(value)]


def test_the_packs_contents_page_points_at_each_sections_page(
        written: dict[str, Path]) -> None:
    texts = pages_text(written["pack.pdf"])
    lines = [line.strip() for line in texts[0].splitlines()]
    contents = lines[lines.index("Page") + 1:]
    entries = list(zip(contents[::2], contents[1::2], strict=False))
    titles = [title for title, _page in entries]
    assert titles[0].endswith("Sales and margin") and any(
        t.endswith("Inventory valuation") for t in titles)
    for title, page in entries:
        heading = title.lstrip("0123456789 ").strip()
        assert heading in texts[int(page) - 1].splitlines(), (title, page)


def test_two_runs_with_the_same_stated_time_give_identical_bytes(
        shop: Path, period: Period, written: dict[str, Path], tmp_path: Path) -> None:
    again = report(shop, "sales", period, tmp_path / "again.pdf")
    assert again.read_bytes() == written["sales.pdf"].read_bytes()


def test_a_chinese_shop_name_is_searchable_text_in_the_pdf(
        demo_shop_file: Path, period: Period, tmp_path: Path) -> None:
    copy = tmp_path / "shop.ecdesk"
    shutil.copyfile(demo_shop_file, copy)
    db = open_database(copy)
    try:
        settings = get_settings(db.uow())
        update_settings(db.uow(), shop_name="杭州青禾小铺", currency=settings.currency,
                        timezone=settings.timezone, min_margin=settings.min_margin)
    finally:
        db.close()
    pdf = report(copy, "inventory", period, tmp_path / "r.pdf")
    texts = pages_text(pdf)
    assert all(text.startswith("杭州青禾小铺") for text in texts)
    assert "服装 Clothing" in "".join(texts)  # Chinese category names too


def test_the_csv_and_xlsx_twins_carry_the_pdfs_figures(
        shop: Path, period: Period, written: dict[str, Path]) -> None:
    from openpyxl import load_workbook

    expected = independent_sales(shop, period)
    with open(written["sales.csv"], encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0] == ["Shop", "演示小店 Demo Shop"]
    summary = {row[0]: row[1:] for row in rows if row and row[0] in ("Sales (GMV)", "Orders")}
    assert summary["Sales (GMV)"][0] == str(format_minor(expected["sales"]).replace(",", ""))
    assert summary["Orders"][0] == str(expected["orders"])
    book = load_workbook(written["pack.xlsx"], read_only=True)
    assert "Report" in book.sheetnames
    channel_rows = list(book["Sales by channel"].values)
    assert channel_rows[-1][0] == "Total"
    from decimal import Decimal

    assert Decimal(str(channel_rows[-1][3])) == Decimal(expected["sales"]) / 100
    book.close()


def test_a_period_without_orders_makes_a_report_of_zeros(shop: Path, tmp_path: Path) -> None:
    pdf = report(shop, "sales", Period.month(2020, 1), tmp_path / "empty.pdf")
    first = pages_text(pdf)[0]
    assert numbers_after(first, "Sales (GMV)", 1) == ["0.00"]


@pytest.mark.parametrize(("args", "message"), [
    (("--from", "2026-11-31", "--to", "2026-11-30"), "From: '2026-11-31' is not a date"),
    (("--from", "2026-11-30", "--to", "2026-11-01"), "the end (2026-11-01) is before"),
    (("--from", "2026-11-01", "--to", "2026-11-30", "--channel", "eBay"),
     "there is no channel named 'eBay'"),
    (("--from", "2026-11-01", "--to", "2026-11-30", "--generated-at", "noon"),
     "'noon' is not a time"),
])
def test_bad_dates_and_unknown_channels_are_usage_errors_and_write_nothing(
        shop: Path, tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    result = run("report", "sales", "--db", shop, "--out", tmp_path / "r.pdf", *args)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_report_or_file_type_is_a_usage_error(shop: Path, tmp_path: Path) -> None:
    result = run("report", "profit", "--db", shop, "--from", "2026-11-01", "--to",
                 "2026-11-30", "--out", tmp_path / "r.txt")
    assert result.returncode == 2
    assert "'profit' is not a report: choose one of sales, inventory, accountant-pack" in (
        result.stderr)
    assert "'r.txt' must end in .pdf, .csv or .xlsx" in result.stderr


def test_a_missing_shop_is_reported_and_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.ecdesk"
    result = run("report", "sales", "--db", missing, "--from", "2026-11-01", "--to",
                 "2026-11-30", "--out", tmp_path / "r.pdf")
    assert result.returncode == 1
    assert result.stderr.strip().startswith(f"ecdesk: There is no shop at {missing}. Check --db")
    assert not missing.exists()


def test_the_cli_knows_the_same_reports_as_the_service() -> None:
    from ecdesk.cli.reports import REPORT_NAMES
    from ecdesk.services.reports import REPORTS

    assert tuple(REPORTS) == REPORT_NAMES


def test_generated_at_without_a_zone_is_the_shops_time() -> None:
    from zoneinfo import ZoneInfo

    from ecdesk.cli.reports import parse_generated_at

    zone = ZoneInfo("Asia/Shanghai")
    assert parse_generated_at("2026-12-01 10:00", zone) == datetime(2026, 12, 1, 2, tzinfo=UTC)
    assert parse_generated_at("2026-12-01T10:00+00:00", zone) == datetime(2026, 12, 1, 10,
                                                                          tzinfo=UTC)
