"""Readable document numbers (services/common/numbering.py): their form, and the next one after
those already stored, counted per year for purchase orders and for ever for tickets."""

from __future__ import annotations

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert
from sqlalchemy.orm import Session

from ecdesk.services.common.numbering import PURCHASE_ORDER, TICKET, next_number

DOCUMENTS = Table("documents", MetaData(), Column("id", Integer, primary_key=True),
                  Column("number", String(40), unique=True))


@pytest.fixture
def session() -> Session:
    engine = create_engine("sqlite://")
    DOCUMENTS.metadata.create_all(engine)
    with Session(engine) as session, session.begin():
        yield session


def store(session: Session, *numbers: str) -> None:
    session.execute(insert(DOCUMENTS), [{"number": n} for n in numbers])


def test_purchase_orders_are_numbered_per_year_and_tickets_for_ever() -> None:
    assert PURCHASE_ORDER.format(1, 2026) == "PO-2026-0001"
    assert PURCHASE_ORDER.format(12345, 2026) == "PO-2026-12345"
    assert TICKET.format(123) == "T-000123"


def test_a_number_reads_back_as_its_counter_and_others_as_none() -> None:
    assert PURCHASE_ORDER.counter_of("PO-2026-0042", 2026) == 42
    assert PURCHASE_ORDER.counter_of("PO-2025-0042", 2026) is None
    assert PURCHASE_ORDER.counter_of("Opening stock", 2026) is None
    assert TICKET.counter_of("T-000123") == 123
    assert TICKET.counter_of("T-12a") is None


def test_a_yearly_number_without_its_year_or_a_counter_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="per year"):
        PURCHASE_ORDER.format(1)
    with pytest.raises(ValueError, match="from 1"):
        TICKET.format(0)


def test_the_first_number_of_a_year_is_one(session: Session) -> None:
    store(session, "PO-2025-0007")
    assert next_number(session, DOCUMENTS.c.number, PURCHASE_ORDER, 2026) == "PO-2026-0001"


def test_the_next_number_follows_the_highest_of_its_year(session: Session) -> None:
    store(session, "PO-2026-0002", "PO-2026-0009", "PO-2025-0500", "Opening stock", "T-000900")
    assert next_number(session, DOCUMENTS.c.number, PURCHASE_ORDER, 2026) == "PO-2026-0010"
    assert next_number(session, DOCUMENTS.c.number, TICKET) == "T-000901"


def test_the_next_number_counts_past_the_padding_by_value_not_by_text(session: Session) -> None:
    store(session, "PO-2026-9999", "PO-2026-10000")
    assert next_number(session, DOCUMENTS.c.number, PURCHASE_ORDER, 2026) == "PO-2026-10001"


def test_a_number_taken_in_the_same_transaction_is_not_handed_out_again(
        session: Session) -> None:
    first = next_number(session, DOCUMENTS.c.number, TICKET)
    store(session, first)
    assert (first, next_number(session, DOCUMENTS.c.number, TICKET)) == ("T-000001", "T-000002")
