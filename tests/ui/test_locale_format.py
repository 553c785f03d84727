"""Numbers, money, dates and times on screen follow the window's language through QLocale, and
money never passes through a float on its way there."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from ecdesk.i18n import CHINESE, ENGLISH, set_language
from ecdesk.views.shell.languages import install_language
from ecdesk.views.widgets.locale_format import (
    amount,
    date_pattern,
    day,
    decimal,
    integer,
    percent,
    stamp,
    time_of_day,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOON_UTC = datetime(2026, 3, 5, 12, 38, tzinfo=UTC)  # 20:38 in Shanghai
VIEWS = Path(__file__).resolve().parents[2] / "ecdesk" / "views"


@pytest.fixture
def window_language(qapp: QApplication) -> Iterator[callable]:
    def choose(code: str) -> None:
        QLocale.setDefault(QLocale.system())
        install_language(qapp, code)

    yield choose
    install_language(qapp, ENGLISH)
    set_language(ENGLISH)


def test_amounts_read_the_english_way_with_the_currency_sign(window_language) -> None:
    window_language(ENGLISH)
    assert amount(Decimal("1234567.5"), "USD") == "$1,234,567.50"
    assert amount(Decimal("-1234.505"), "CNY") == "-CN¥1,234.51"
    assert amount(Decimal("0.5")) == "0.50"
    assert amount(None, "CNY") == ""


def test_amounts_read_the_chinese_way_with_the_yuan_sign(window_language) -> None:
    window_language(CHINESE)
    assert amount(Decimal("1234567.5"), "CNY") == "¥1,234,567.50"
    assert amount(Decimal("-12"), "USD") == "-US$12.00"


def test_an_amount_beyond_a_floats_precision_keeps_every_cent(window_language) -> None:
    window_language(ENGLISH)
    # 90 trillion and one cent: a float would write ...000.00 or ...000.02
    assert amount(Decimal("90071992547409.93")) == "90,071,992,547,409.93"
    assert amount(Decimal("0.005")) == "0.01"  # ROUND_HALF_UP, as money.py rounds


def test_a_tiny_negative_amount_that_rounds_to_zero_has_no_minus(window_language) -> None:
    window_language(ENGLISH)
    assert amount(Decimal("-0.004"), "USD") == "$0.00"


@pytest.mark.parametrize("code", [ENGLISH, CHINESE])
def test_integers_decimals_and_percentages_are_grouped_in_both_languages(
        window_language, code: str) -> None:
    window_language(code)
    assert integer(1234567) == "1,234,567"
    assert decimal(Decimal("1721.5"), 2) == "1,721.50"
    assert decimal(Decimal("12.5"), None) == "12.5"
    assert percent(Decimal("0.305")) == "30.5%"
    assert percent(None) == ""


def test_dates_and_times_read_the_english_way_on_the_shops_clock(window_language) -> None:
    window_language(ENGLISH)
    assert day(date(2026, 3, 5)) == "3/5/2026"
    assert stamp(NOON_UTC, SHANGHAI) == "3/5/2026 8:38\u202fPM".replace("\u202f", _space())
    assert time_of_day(NOON_UTC, SHANGHAI).startswith("8:38")
    assert day(None) == "" and stamp(None, SHANGHAI) == ""


def test_dates_and_times_read_the_chinese_way_on_the_shops_clock(window_language) -> None:
    window_language(CHINESE)
    assert day(date(2026, 3, 5)) == "2026/3/5"
    assert stamp(NOON_UTC, SHANGHAI) == "2026/3/5 20:38"
    assert time_of_day(NOON_UTC, SHANGHAI) == "20:38"
    assert "yyyy" in date_pattern()


def _space() -> str:
    """The space Qt's CLDR data puts before AM/PM (a narrow no-break one in newer data)."""
    text = QLocale().toString(datetime(2026, 1, 1, 20, 0).time(), QLocale.FormatType.ShortFormat)
    return text[len("8:00"):-len("PM")]


def _hand_written_formats(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            spec = "".join(part.value for part in node.format_spec.values
                           if isinstance(part, ast.Constant))
            if "," in spec or spec.endswith(("f", "%")):
                found.append((node.lineno, f"format spec {spec!r}"))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
            if name in ("strftime", "format_amount", "format_rate", "format_minor"):
                found.append((node.lineno, f"{name}()"))
    return found


def test_no_view_writes_a_number_or_a_date_by_hand() -> None:
    """Views write numbers and dates through views/widgets/locale_format (QLocale), never with
    f"{x:,}", f"{x:.2f}", strftime or money.format_amount, which ignore the language."""
    offenders = [f"{path.relative_to(VIEWS)}:{line}: {what}"
                 for path in sorted(VIEWS.rglob("*.py"))
                 for line, what in _hand_written_formats(ast.parse(path.read_text("utf-8")))]
    assert not offenders, "use views/widgets/locale_format instead:\n" + "\n".join(offenders)
