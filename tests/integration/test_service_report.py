"""The Service report: working-time response and resolution figures worked out by hand, SLA met,
returns by SKU and reason, and refunds paid in the period with totals to the cent; the
accountant pack carries the same refunds."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from ecdesk.db import Database
from ecdesk.services.common.period import Period
from ecdesk.services.reports.scope import ReportScope
from ecdesk.services.tickets.commands import (
    add_entry,
    open_ticket,
    receive_ticket_return,
    refund_ticket,
    set_ticket_status,
)
from ecdesk.services.tickets.dto import TicketDraft, TicketLineDraft
from ecdesk.services.tickets.queries import get_ticket
from ecdesk.services.tickets.report import build_service_report
from tests.integration.test_tickets import AFTER_SHIPPING, order_lines, rows
from tests.integration.test_tickets import shop as shop
from tests.order_import_files import OrderShop

SHANGHAI = ZoneInfo("Asia/Shanghai")
MARCH_2024 = Period.month(2024, 3)


def cst(*args: int) -> datetime:
    return datetime(*args, tzinfo=SHANGHAI)


def report(db: Database) -> dict[str, object]:
    scope = ReportScope("Shop", "CNY", "Asia/Shanghai", MARCH_2024,
                        datetime(2024, 4, 1, tzinfo=UTC))
    with db.uow() as uow:
        built = build_service_report(uow.session, scope)
    built.check_totals()
    return {table.key: table for table in built.tables()}


def test_response_and_resolution_are_working_time_and_sla_met_is_judged_by_due_time(
        shop: OrderShop) -> None:
    # Friday 8 March 2024 10:00: reply at 11:00 (1 h), resolved Monday 11 March 10:00:
    # Friday 10-18 is 8 h, Monday 9-10 is 1 h -> 9 working hours (the normal target is 18).
    ticket = open_ticket(shop.db.uow(), TicketDraft(
        channel_id=shop.shopify, subject="Size?", created_at=cst(2024, 3, 8, 10))).ids[0]
    add_entry(shop.db.uow(), ticket, "reply", "True to size", at=cst(2024, 3, 8, 11))
    set_ticket_status(shop.db.uow(), ticket, "resolved", at=cst(2024, 3, 11, 10))
    tables = report(shop.db)
    figures = dict(zip(tables["service-summary"].rows["figure"],
                       tables["service-summary"].rows["value"], strict=True))
    assert figures["Tickets opened"] == 1
    assert figures["First response, working time"] == "1 h 00 min (median 1 h 00 min)"
    assert figures["Resolution, working time"] == "9 h 00 min (median 9 h 00 min)"
    assert figures["First response SLA met"] == 1 and figures["Resolution SLA met"] == 1


def test_returns_and_refunds_of_the_period_are_listed_with_their_totals(
        shop: OrderShop) -> None:
    [(order_id,)] = rows(shop.db, "SELECT id FROM orders")
    ticket = open_ticket(shop.db.uow(), TicketDraft(
        channel_id=shop.shopify, subject="Too small", type="return", order_id=order_id,
        created_at=AFTER_SHIPPING,
        lines=(TicketLineDraft(order_lines(shop)["TEE-S"], 2, "wrong_size"),))).ids[0]
    line = get_ticket(shop.db.uow(), ticket).lines[0].id
    receive_ticket_return(shop.db.uow(), ticket, {line: 2}, at=AFTER_SHIPPING)
    refund_ticket(shop.db.uow(), ticket, "60.00", at=AFTER_SHIPPING)
    tables = report(shop.db)
    by_sku = tables["returns-by-sku"].rows
    assert list(by_sku["sku"]) == ["TEE-S"] and list(by_sku["units"]) == [2]
    assert list(by_sku["rate"]) == [Decimal(2) / Decimal(3)]  # 2 of the 3 sold came back
    assert list(tables["returns-by-reason"].rows["reason"]) == ["Wrong size"]
    refunds = tables["refunds"]
    assert list(refunds.rows["amount"]) == [6000] and refunds.total == {"amount": 6000}
    assert list(refunds.rows["reference"]) == ["T-000001"]


def test_the_cli_writes_the_service_report_as_csv(shop: OrderShop, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]
                                                   ) -> None:
    from ecdesk.cli.parser import main

    out = tmp_path / "service.csv"
    shop.db.close()
    assert main(["report", "service", "--db", str(shop.db.path), "--from", "2024-03-01",
                 "--to", "2024-03-31", "--out", str(out)]) == 0
    assert "Key figures" in out.read_text(encoding="utf-8-sig")
