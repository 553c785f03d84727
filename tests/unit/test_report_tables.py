"""Report tables: amounts from integer minor units, totals checked against rows, cells cut to
their column, subtotal rows kept apart from what totals add up."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest

from ecdesk.services.reports.model import (
    MONEY,
    RATE,
    STYLE,
    SUBTOTAL,
    TEXT,
    UNITS,
    Column,
    ReportError,
    Table,
    cell_text,
    cell_value,
    format_minor,
    minor_to_decimal,
    rate,
)
from ecdesk.services.reports.pdf_layout import ELLIPSIS, fit_text

COLUMNS = (Column("name", "Name", TEXT), Column("units", "Units", UNITS),
           Column("amount", "Amount", MONEY))


def table(rows: list[dict[str, object]], total: dict[str, object] | None) -> Table:
    return Table("t", "Test", COLUMNS, pd.DataFrame(rows), total)


def test_minor_units_print_with_thousands_and_two_decimals_without_a_float() -> None:
    assert format_minor(123456789) == "1,234,567.89"
    assert format_minor(-5) == "-0.05"
    assert format_minor(0) == "0.00"
    assert format_minor(10**17 + 1) == "1,000,000,000,000,000.01"  # beyond a float's digits
    assert minor_to_decimal(-123450) == Decimal("-1234.50")


def test_cells_print_by_kind_and_an_empty_cell_stays_empty() -> None:
    assert cell_text(250000, MONEY) == "2,500.00"
    assert cell_text(1234, UNITS) == "1,234"
    assert cell_text(Decimal("0.3051"), RATE) == "30.5 %"
    assert cell_text(None, MONEY) == ""
    assert cell_text(float("nan"), UNITS) == ""
    assert cell_value(250001, MONEY) == Decimal("2500.01")
    assert rate(1, 0) is None and rate(1, 4) == Decimal("0.25")


def test_totals_that_equal_the_rows_to_the_cent_pass() -> None:
    rows = [{"name": "a", "units": 2, "amount": 1001}, {"name": "b", "units": 3, "amount": 1}]
    table(rows, {"units": 5, "amount": 1002}).check_totals()


def test_a_total_one_cent_off_its_rows_stops_the_report() -> None:
    rows = [{"name": "a", "units": 2, "amount": 1001}, {"name": "b", "units": 3, "amount": 1}]
    with pytest.raises(ReportError, match=r"'Amount' add up to 1002.*1003"):
        table(rows, {"units": 5, "amount": 1003}).check_totals()


def test_subtotal_rows_are_not_added_into_the_total() -> None:
    rows = [{"name": "a", "units": 2, "amount": 100, STYLE: ""},
            {"name": "Subtotal", "units": 2, "amount": 100, STYLE: SUBTOTAL}]
    table(rows, {"units": 2, "amount": 100}).check_totals()


def test_a_table_without_the_data_of_a_column_is_refused() -> None:
    with pytest.raises(ReportError, match="no data for amount"):
        Table("t", "Test", COLUMNS, pd.DataFrame([{"name": "a", "units": 1}]))


def test_text_is_cut_to_its_column_with_an_ellipsis() -> None:
    from ecdesk.services.reports.fonts import pdf_font

    font = pdf_font()
    assert fit_text("SKU-1", 100, font, 7.5) == "SKU-1"
    cut = fit_text("演示小店 不锈钢保温杯 Steel vacuum flask 47 (白 White / 500ml)", 80, font, 7.5)
    assert cut.endswith(ELLIPSIS) and cut.startswith("演示小店")
    from reportlab.pdfbase.pdfmetrics import stringWidth

    assert stringWidth(cut, font, 7.5) <= 80


def test_a_page_break_never_leaves_one_row_or_the_total_alone() -> None:
    from ecdesk.services.reports.fonts import pdf_font
    from ecdesk.services.reports.pdf_layout import ROW_HEIGHT, RenderState
    from ecdesk.services.reports.pdf_tables import _table_rows_class, min_height

    rows = [{"name": f"r{n}", "units": 1, "amount": 100} for n in range(40)]
    flowable = _table_rows_class()(table(rows, {"units": 40, "amount": 4000}),
                                   RenderState(measuring=True), pdf_font(), "CNY")
    flowable.wrap(700, 10_000)
    room_for_39 = min_height(0) + 39 * ROW_HEIGHT  # 41 lines to place: 40 rows and the total
    first, rest = flowable.split(700, room_for_39)
    assert (first.start, first.end) == (0, 38)
    assert rest.start == 38 and rest.wrap(700, 10_000)[1] == min_height(3)
    assert flowable.split(700, min_height(2)) == []  # two rows at a page's foot: next page
