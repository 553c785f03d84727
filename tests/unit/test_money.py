"""Money discipline: exact Decimals, named ROUND_HALF_UP points, integer minor units on disk."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, insert, select
from sqlalchemy.exc import StatementError

from ecdesk.money import (
    Money,
    MoneyError,
    Rate,
    ScaledDecimal,
    format_amount,
    format_rate,
    from_minor_units,
    parse_amount,
    parse_rate,
    round_document_total,
    round_line_total,
    round_unit_price,
    to_decimal,
    to_minor_units,
)

# --- to_decimal ------------------------------------------------------------------------------


def test_a_float_is_refused_as_money() -> None:
    with pytest.raises(MoneyError) as info:
        to_decimal(12.5)  # type: ignore[arg-type]
    assert str(info.value) == "refusing float 12.5: use Decimal or a string"


def test_a_bool_is_refused_as_money_although_it_is_an_int() -> None:
    with pytest.raises(MoneyError) as info:
        to_decimal(True)
    assert str(info.value) == "refusing bool True: use Decimal or a string"


def test_none_is_refused_as_money() -> None:
    with pytest.raises(MoneyError) as info:
        to_decimal(None)  # type: ignore[arg-type]
    assert str(info.value) == "refusing NoneType None: not a number"


@pytest.mark.parametrize(("value", "expected"), [
    ("12.50", Decimal("12.50")),
    (" 7 ", Decimal("7")),
    ("-0.01", Decimal("-0.01")),
    (42, Decimal("42")),
    (Decimal("3.333"), Decimal("3.333")),
])
def test_strings_ints_and_decimals_are_accepted_exactly(value: object, expected: Decimal) -> None:
    result = to_decimal(value)  # type: ignore[arg-type]
    assert isinstance(result, Decimal)
    assert result == expected
    assert str(result) == str(expected)  # exact: no float detour changed the digits


def test_text_that_is_not_a_number_is_refused_with_the_text_quoted() -> None:
    with pytest.raises(MoneyError) as info:
        to_decimal("abc")
    assert str(info.value) == "'abc' is not a number"


@pytest.mark.parametrize("text", ["NaN", "Infinity", "-inf"])
def test_infinite_or_nan_text_is_refused(text: str) -> None:
    with pytest.raises(MoneyError) as info:
        to_decimal(text)
    assert str(info.value) == f"'{text}' is not a finite number"


# --- rounding points -------------------------------------------------------------------------

ROUNDING_POINTS = [round_unit_price, round_line_total, round_document_total]


@pytest.mark.parametrize("round_at", ROUNDING_POINTS, ids=lambda f: f.__name__)
@pytest.mark.parametrize(("value", "expected"), [
    ("0.005", "0.01"),
    ("2.675", "2.68"),  # the float 2.675 is 2.67499...; Decimal rounds the real half up
    ("-0.005", "-0.01"),  # half away from zero, also below zero
    ("0.004", "0.00"),
    ("1.995", "2.00"),
    ("12", "12.00"),
])
def test_rounding_points_round_half_up_to_the_cent(round_at, value: str, expected: str) -> None:
    result = round_at(Decimal(value))
    assert str(result) == expected


@pytest.mark.parametrize("round_at", ROUNDING_POINTS, ids=lambda f: f.__name__)
def test_rounding_points_refuse_a_float(round_at) -> None:
    with pytest.raises(MoneyError) as info:
        round_at(2.675)
    assert str(info.value) == "refusing float 2.675: use Decimal or a string"


# --- parse_amount ----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("12.50", "12.50"),
    ("1,234.50", "1234.50"),
    ("1.234,50", "1234.50"),
    ("12,50", "12.50"),
    ("12,5", "12.5"),
    ("¥ 99", "99"),
    ("￥99", "99"),
    ("99 €", "99"),
    ("$1,234,567.89", "1234567.89"),
    ("'12", "12"),  # a spreadsheet's text-marker apostrophe
    ("1'234.50", "1234.50"),  # Swiss grouping
    ("  0.5 ", "0.5"),
    ("-3", "-3"),
    (".5", ".5"),
    ("1\u00a0234,50", "1234.50"),  # no-break space as a thousands separator
])
def test_amounts_typed_in_common_forms_are_parsed(text: str, expected: str) -> None:
    assert parse_amount(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["12,5O", "abc", "", "1e5", "12..5", "1,2,3", "--1", "12 50x"])
def test_text_that_is_not_an_amount_is_refused_with_the_text_quoted(text: str) -> None:
    with pytest.raises(MoneyError) as info:
        parse_amount(text)
    assert str(info.value) == f"'{text}' is not a number"


def test_the_letter_o_typed_for_a_zero_is_refused_with_the_exact_message() -> None:
    with pytest.raises(MoneyError) as info:
        parse_amount("12,5O")
    assert str(info.value) == "'12,5O' is not a number"


def test_a_dot_followed_by_three_digits_is_not_read_as_thousands() -> None:
    # Regression: '12.345' was read as 12345 through the 1.234,50 rule, a price 1,000 times too
    # high. It stays 12.345 (which the product form then refuses as "more than two decimals").
    assert parse_amount("12.345") == Decimal("12.345")
    assert parse_amount("1.234") == Decimal("1.234")


@pytest.mark.parametrize(("text", "expected"), [
    ("1.234.567", "1234567"), ("1.234,5", "1234.5"), ("1.234.567,89", "1234567.89"),
])
def test_dot_grouping_is_read_as_thousands_when_it_cannot_be_a_decimal_point(
        text: str, expected: str) -> None:
    assert parse_amount(text) == Decimal(expected)


# --- formatting and rates --------------------------------------------------------------------


@pytest.mark.parametrize(("value", "currency", "expected"), [
    (Decimal("1234.5"), "CNY", "1,234.50 CNY"),
    (Decimal("1234.5"), "", "1,234.50"),
    (Decimal("0.005"), "", "0.01"),
    (Decimal("-1234567.891"), "USD", "-1,234,567.89 USD"),
    (Decimal("0"), "", "0.00"),
    (None, "CNY", ""),
])
def test_amounts_are_shown_with_thousands_separators_and_two_decimals(
        value: Decimal | None, currency: str, expected: str) -> None:
    assert format_amount(value, currency) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (Decimal("0.305"), "30.5 %"),
    (Decimal("0.3"), "30.0 %"),
    (Decimal("0.12345"), "12.3 %"),
    (Decimal("0.00005"), "0.0 %"),
    (Decimal("0.00050"), "0.1 %"),  # half up
    (Decimal("-0.5"), "-50.0 %"),
    (None, ""),
])
def test_rates_are_shown_as_percentages_with_one_decimal(
        value: Decimal | None, expected: str) -> None:
    assert format_rate(value) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("30", "0.30"),
    ("30 %", "0.30"),
    ("30.5%", "0.305"),
    ("30,5", "0.305"),
    (" 0 ", "0"),
    ("100", "1"),
])
def test_rates_typed_as_percentages_are_parsed_to_fractions(text: str, expected: str) -> None:
    assert parse_rate(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["thirty", "", "%"])
def test_text_that_is_not_a_percentage_is_refused(text: str) -> None:
    with pytest.raises(MoneyError) as info:
        parse_rate(text)
    assert str(info.value) == f"'{text}' is not a percentage"


# --- minor units and the column type ---------------------------------------------------------


def test_minor_units_convert_both_ways_exactly() -> None:
    assert to_minor_units(Decimal("12.50")) == 1250
    assert to_minor_units(Decimal("-0.01")) == -1
    assert from_minor_units(1250) == Decimal("12.50")
    assert str(from_minor_units(7)) == "0.07"
    assert from_minor_units(None) is None


def test_minor_units_refuse_a_third_decimal() -> None:
    with pytest.raises(MoneyError) as info:
        to_minor_units(Decimal("1.005"))
    assert str(info.value) == "1.005 has more than 2 decimals"


def test_the_column_type_refuses_more_decimals_than_its_scale_instead_of_rounding() -> None:
    with pytest.raises(MoneyError) as info:
        Money().process_bind_param(Decimal("12.505"), dialect=None)  # type: ignore[arg-type]
    assert str(info.value) == "12.505 has more than 2 decimals"
    with pytest.raises(MoneyError) as info:
        Rate().process_bind_param(Decimal("0.1234567"), dialect=None)  # type: ignore[arg-type]
    assert str(info.value) == "0.1234567 has more than 6 decimals"
    assert ScaledDecimal(3).process_bind_param(Decimal("1.5"), None) == 1500  # type: ignore


@pytest.fixture
def money_table(tmp_path: Path):
    metadata = MetaData()
    table = Table("prices", metadata, Column("id", Integer, primary_key=True),
                  Column("amount", Money()), Column("rate", Rate()))
    path = tmp_path / "money.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    metadata.create_all(engine)
    yield engine, table, path
    engine.dispose()


def test_money_is_stored_as_an_integer_count_of_cents_and_read_back_as_decimal(
        money_table) -> None:
    engine, table, path = money_table
    with engine.begin() as conn:
        conn.execute(insert(table), [
            {"id": 1, "amount": Decimal("12.5"), "rate": Decimal("0.305")},
            {"id": 2, "amount": Decimal("-0.01"), "rate": Decimal("0")},
            {"id": 3, "amount": None, "rate": None},
            {"id": 4, "amount": "99999999.99", "rate": "0.999999"},
        ])
    raw = sqlite3.connect(path)
    try:
        stored = raw.execute("SELECT id, amount, typeof(amount), rate, typeof(rate) "
                             "FROM prices ORDER BY id").fetchall()
    finally:
        raw.close()
    assert stored == [
        (1, 1250, "integer", 305000, "integer"),
        (2, -1, "integer", 0, "integer"),
        (3, None, "null", None, "null"),
        (4, 9999999999, "integer", 999999, "integer"),
    ]
    with engine.connect() as conn:
        rows = conn.execute(select(table.c.amount, table.c.rate).order_by(table.c.id)).all()
    assert [(str(a) if a is not None else None, str(r) if r is not None else None)
            for a, r in rows] == [
        ("12.50", "0.305000"), ("-0.01", "0.000000"), (None, None), ("99999999.99", "0.999999"),
    ]
    assert all(isinstance(a, Decimal) for a, _ in rows if a is not None)


def test_a_column_refuses_an_amount_with_a_third_decimal_and_writes_nothing(money_table) -> None:
    engine, table, _ = money_table
    with pytest.raises(StatementError) as info, engine.begin() as conn:
        conn.execute(insert(table), {"id": 1, "amount": Decimal("12.505")})
    assert isinstance(info.value.orig, MoneyError)
    assert str(info.value.orig) == "12.505 has more than 2 decimals"
    with engine.connect() as conn:
        assert conn.execute(select(table.c.id)).all() == []


def test_a_column_refuses_a_float(money_table) -> None:
    engine, table, _ = money_table
    with pytest.raises(StatementError) as info, engine.begin() as conn:
        conn.execute(insert(table), {"id": 1, "amount": 12.5})
    assert str(info.value.orig) == "refusing float 12.5: use Decimal or a string"


def test_amounts_are_formatted_without_sqlalchemy_which_only_the_column_types_load() -> None:
    # The Listings table's first rows are shown before SQLAlchemy is imported (start-up time).
    probe = ("import sys\n"
             "from decimal import Decimal\n"
             "from ecdesk.money import Money, format_amount\n"
             "assert format_amount(Decimal('1234.5')) == '1,234.50'\n"
             "assert 'sqlalchemy' not in sys.modules\n"
             "from ecdesk.money import ScaledDecimal\n"
             "assert Money().scale == 2 and isinstance(Money(), ScaledDecimal)\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parents[2], timeout=60)
    assert result.returncode == 0, result.stderr
