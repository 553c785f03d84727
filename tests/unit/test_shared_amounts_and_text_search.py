"""The shared amount rule (services/common/amounts) and search helpers (common/text_search)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import column, create_engine, select, table, text

from ecdesk.errors import Problem
from ecdesk.services.common.amounts import read_amount
from ecdesk.services.common.text_search import (
    contains,
    escape_like,
    fts_phrase,
    search_words,
    starts_with,
)


@pytest.mark.parametrize(("typed", "expected"), [
    ("12.50", Decimal("12.50")), ("1,234.50", Decimal("1234.50")), ("0", Decimal("0")),
    (Decimal("3.10"), Decimal("3.10")),
])
def test_an_amount_that_is_not_negative_and_has_two_decimals_is_read(
        typed: str | Decimal, expected: Decimal) -> None:
    problems: list[Problem] = []
    assert read_amount(typed, "Price", 2, problems) == expected
    assert problems == []


@pytest.mark.parametrize(("typed", "message"), [
    ("12,5O", "'12,5O' is not a number"),
    ("-3", "'-3' is negative"),
    ("1.005", "'1.005' has more than two decimals"),
    (Decimal("-1"), "'-1' is negative"),
])
def test_a_bad_amount_is_a_problem_with_its_field_and_row(typed: str | Decimal,
                                                           message: str) -> None:
    problems: list[Problem] = []
    assert read_amount(typed, "Price", 4, problems) is None
    assert problems == [Problem("Price", message, 4)]


def test_an_unreadable_amount_can_be_named_by_the_caller() -> None:
    problems: list[Problem] = []
    assert read_amount("abc", "Variant Price", 7, problems, unreadable="'abc' is not a price") \
        is None
    assert [str(p) for p in problems] == ["Row 7, Variant Price: 'abc' is not a price"]


def test_search_words_are_split_on_any_white_space() -> None:
    assert search_words("  linen\tshirt \u3000白色 ") == ["linen", "shirt", "白色"]
    assert search_words("   ") == []


def test_like_wildcards_and_the_escape_character_are_escaped() -> None:
    assert escape_like(r"50%_off\now") == r"50\%\_off\\now"


def test_a_quote_in_an_fts_phrase_is_doubled() -> None:
    assert fts_phrase('say "hi" OR x') == '"say ""hi"" OR x"'


def test_contains_and_starts_with_match_typed_text_literally() -> None:
    engine = create_engine("sqlite://")
    names = table("names", column("name"))
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE names (name TEXT)"))
        connection.execute(text("INSERT INTO names VALUES ('100% cotton'), ('1000 cotton'), "
                                "('a_b'), ('axb'), ('back\\slash')"))
        def found(condition: object) -> list[str]:
            return sorted(connection.scalars(select(names.c.name).where(condition)))
        assert found(contains(names.c.name, "0%")) == ["100% cotton"]
        assert found(contains(names.c.name, "_")) == ["a_b"]
        assert found(contains(names.c.name, "\\")) == ["back\\slash"]
        assert found(starts_with(names.c.name, "A_")) == ["a_b"]
        assert found(starts_with(names.c.name, "cotton")) == []
