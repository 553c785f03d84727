"""Tickets: numbers, due times stored from the SLA and the business calendar, the thread and
its effect on the clock, closing and reopening, and the after-sales work of return and exchange
tickets (goods received once, an exchange's replacement order made once, money refunded)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from ecdesk.db import Database
from ecdesk.errors import ValidationError
from ecdesk.models import OrderStatus
from ecdesk.services.orders.commands import set_order_status
from ecdesk.services.orders_io import import_orders, read_orders_file
from ecdesk.services.tickets.canned import fill, placeholder_values, save_canned_reply
from ecdesk.services.tickets.commands import (
    add_entry,
    open_ticket,
    receive_ticket_return,
    refund_ticket,
    set_ticket_status,
    set_ticket_tags,
)
from ecdesk.services.tickets.dto import TicketDraft, TicketLineDraft, TicketQuery
from ecdesk.services.tickets.policies import save_sla_policy, set_calendar_day
from ecdesk.services.tickets.queries import get_ticket, list_tickets, queue_counts
from tests.order_import_files import (
    OrderShop,
    order_shop,
    shopify_file,
    shopify_line,
    shopify_order,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
TUESDAY_10 = datetime(2026, 3, 3, 10, tzinfo=SHANGHAI)
AFTER_SHIPPING = datetime(2024, 3, 8, 10, tzinfo=SHANGHAI)


def cst(*args: int) -> datetime:
    return datetime(*args, tzinfo=SHANGHAI)


@pytest.fixture
def shop(tmp_shop: Database, tmp_path: Path) -> OrderShop:
    """Order #1 on Shopify: 3 TEE-S and 2 MUG, shipped 6 March 2024."""
    shop = order_shop(tmp_shop)
    path = shopify_file(tmp_path, shopify_order(
        "#1", "TEE-S", "3", fulfillment="fulfilled",
        **{"Fulfilled at": "2024-03-06 09:00:00 -0500"}), shopify_line("#1", "MUG", "2", "40.00"))
    import_orders(shop.db.uow(), read_orders_file(path, timezone="Asia/Shanghai"))
    return shop


def rows(db: Database, sql: str) -> list[tuple]:
    with db.uow() as uow:
        return [tuple(row) for row in uow.session.execute(text(sql))]


def order_lines(shop: OrderShop) -> dict[str, int]:
    return dict(rows(shop.db, "SELECT v.sku, l.id FROM order_lines l JOIN variants v "
                              "ON v.id = l.variant_id"))


def question(shop: OrderShop, **fields: object) -> int:
    draft = TicketDraft(**{"channel_id": shop.shopify, "subject": "Does it run small?",
                           "message": "Hi, does the tee run small?", "created_at": TUESDAY_10,
                           **fields})
    return open_ticket(shop.db.uow(), draft).ids[0]


def return_ticket(shop: OrderShop, kind: str = "return", outcome: str = "refund",
                  **line: object) -> int:
    [(order_id,)] = rows(shop.db, "SELECT id FROM orders")
    draft = TicketDraft(
        channel_id=shop.shopify, subject="Too small", type=kind, order_id=order_id,
        created_at=AFTER_SHIPPING, lines=(TicketLineDraft(
            order_lines(shop)["TEE-S"], 2, "wrong_size", outcome, **line),))
    return open_ticket(shop.db.uow(), draft).ids[0]


def on_hand(shop: OrderShop, sku: str) -> int:
    return rows(shop.db, f"SELECT on_hand FROM variants WHERE sku = '{sku}'")[0][0]


def test_tickets_are_numbered_in_order_and_due_on_working_time(shop: OrderShop):
    first, second = question(shop), question(shop, priority="urgent")
    detail = get_ticket(shop.db.uow(), first)
    assert (detail.row.number, get_ticket(shop.db.uow(), second).row.number) == (
        "T-000001", "T-000002")
    # Normal: first response in 4 working hours, resolution in 18 (Tue 8 + Wed 9 + Thu 1).
    assert detail.row.first_response_due_at == cst(2026, 3, 3, 14)
    assert detail.row.resolution_due_at == cst(2026, 3, 5, 10)
    assert [e.kind for e in detail.entries] == ["status", "message"]


def test_the_first_reply_answers_the_ticket_and_the_resolution_clock_then_matters(
        shop: OrderShop):
    ticket = question(shop)
    add_entry(shop.db.uow(), ticket, "reply", "It runs true to size.", at=cst(2026, 3, 3, 11))
    detail = get_ticket(shop.db.uow(), ticket)
    assert (detail.row.status, detail.row.first_response_at) == ("open", cst(2026, 3, 3, 11))
    assert detail.row.due_at == cst(2026, 3, 5, 10)


def test_waiting_on_the_customer_pauses_the_clock_until_they_write_back(shop: OrderShop):
    ticket = question(shop)
    add_entry(shop.db.uow(), ticket, "reply", "Which size?", at=cst(2026, 3, 3, 11))
    set_ticket_status(shop.db.uow(), ticket, "waiting_customer", at=cst(2026, 3, 3, 11))
    assert rows(shop.db, "SELECT due_at FROM tickets") == [(None,)]
    add_entry(shop.db.uow(), ticket, "message", "M please", at=cst(2026, 3, 4, 11))
    detail = get_ticket(shop.db.uow(), ticket)
    # 1 hour before the pause, 17 after Wednesday 11:00: Wed 7, Thu 9, Fri 1 -> Friday 10:00.
    assert (detail.row.status, detail.row.resolution_due_at) == ("open", cst(2026, 3, 6, 10))


def test_the_queue_filters_overdue_and_due_today_by_the_time_given(shop: OrderShop):
    late, today = question(shop), question(shop, created_at=cst(2026, 3, 4, 9))
    now = cst(2026, 3, 4, 10)
    overdue = list_tickets(shop.db.uow(), TicketQuery(filter="overdue"), now=now)
    due_today = list_tickets(shop.db.uow(), TicketQuery(filter="due_today"), now=now)
    assert [r.id for r in overdue.rows] == [late] and overdue.total == 1
    assert [r.id for r in due_today.rows] == [today]
    assert queue_counts(shop.db.uow(), now=now).overdue == 1
    assert list_tickets(shop.db.uow(), TicketQuery(filter="all", search="000002"),
                        now=now).total == 1


def test_closing_a_return_before_its_goods_came_back_is_refused(shop: OrderShop):
    ticket = return_ticket(shop)
    with pytest.raises(ValidationError, match="still waits for 2 unit"):
        set_ticket_status(shop.db.uow(), ticket, "closed", satisfaction=5)
    assert rows(shop.db, "SELECT status, satisfaction FROM tickets") == [("new", None)]
    receive_ticket_return(shop.db.uow(), ticket, {get_ticket(shop.db.uow(), ticket).lines[0].id:
                                                  2}, at=AFTER_SHIPPING)
    assert on_hand(shop, "TEE-S") == 9
    set_ticket_status(shop.db.uow(), ticket, "closed", satisfaction=4, comment="quick")
    assert rows(shop.db, "SELECT status, satisfaction, satisfaction_comment FROM tickets") == [
        ("closed", 4, "quick")]


def test_receiving_more_than_the_ticket_expects_moves_no_stock(shop: OrderShop):
    ticket = return_ticket(shop)
    line = get_ticket(shop.db.uow(), ticket).lines[0].id
    with pytest.raises(ValidationError, match="more than the 2 unit"):
        receive_ticket_return(shop.db.uow(), ticket, {line: 3}, at=AFTER_SHIPPING)
    assert on_hand(shop, "TEE-S") == 7


def test_a_ticket_cannot_ask_to_return_more_than_was_shipped(shop: OrderShop):
    [(order_id,)] = rows(shop.db, "SELECT id FROM orders")
    with pytest.raises(ValidationError, match="more than was shipped"):
        open_ticket(shop.db.uow(), TicketDraft(
            channel_id=shop.shopify, subject="All of them", type="return", order_id=order_id,
            created_at=AFTER_SHIPPING, lines=(TicketLineDraft(order_lines(shop)["MUG"], 5),)))
    assert rows(shop.db, "SELECT count(*) FROM tickets") == [(0,)]


def replacement_orders(shop: OrderShop) -> list[tuple]:
    return rows(shop.db, "SELECT o.number, o.status, o.channel_id, o.customer_id, v.sku, "
                         "l.quantity, l.unit_price FROM orders o JOIN order_lines l "
                         "ON l.order_id = o.id JOIN variants v ON v.id = l.variant_id "
                         "WHERE o.replaces_ticket_id IS NOT NULL ORDER BY o.id, l.position")


def committed(shop: OrderShop, sku: str) -> int:
    """Units of `sku` on open (pending or paid) orders: reserved, not shipped yet."""
    return rows(shop.db, "SELECT coalesce(sum(l.quantity), 0) FROM order_lines l "
                         "JOIN orders o ON o.id = l.order_id JOIN variants v "
                         f"ON v.id = l.variant_id WHERE v.sku = '{sku}' "
                         "AND o.status IN ('pending', 'paid')")[0][0]


def test_an_exchange_makes_its_replacement_order_once_all_its_goods_are_back(shop: OrderShop):
    ticket = return_ticket(shop, "exchange", "replace", replacement_sku="TEE-M")
    line = get_ticket(shop.db.uow(), ticket).lines[0].id
    receive_ticket_return(shop.db.uow(), ticket, {line: 1}, at=AFTER_SHIPPING)
    assert replacement_orders(shop) == []
    changed = receive_ticket_return(shop.db.uow(), ticket, {line: 1}, at=AFTER_SHIPPING)
    [(original_customer,)] = rows(shop.db, "SELECT customer_id FROM orders WHERE number = '#1'")
    # TEE-M sells at 30.00 as TEE-S did: the replacement costs the buyer nothing.
    assert replacement_orders(shop) == [
        ("#1-T-000001", "paid", shop.shopify, original_customer, "TEE-M", 2, 0)]
    assert "replacement order #1-T-000001" in changed.message
    assert (on_hand(shop, "TEE-S"), on_hand(shop, "TEE-M"), committed(shop, "TEE-M")) == (
        9, 10, 2)
    detail = get_ticket(shop.db.uow(), ticket)
    assert (detail.replacement_order, detail.lines[0].replaced) == ("#1-T-000001", 2)
    assert rows(shop.db, "SELECT count(*) FROM order_returns r JOIN orders o "
                         "ON o.id = r.replacement_order_id "
                         "WHERE o.number = '#1-T-000001'") == [(2,)]
    [(replacement_id,)] = rows(shop.db, "SELECT id FROM orders WHERE number = '#1-T-000001'")
    set_order_status(shop.db.uow(), replacement_id, OrderStatus.SHIPPED)
    assert (on_hand(shop, "TEE-M"), committed(shop, "TEE-M")) == (8, 0)


def test_receiving_an_exchange_again_makes_no_second_replacement_order(shop: OrderShop):
    ticket = return_ticket(shop, "exchange", "replace")
    line = get_ticket(shop.db.uow(), ticket).lines[0].id
    receive_ticket_return(shop.db.uow(), ticket, {line: 2}, at=AFTER_SHIPPING)
    with pytest.raises(ValidationError, match="more than the 0 unit"):
        receive_ticket_return(shop.db.uow(), ticket, {line: 1}, at=AFTER_SHIPPING)
    # Without a chosen SKU the same one goes back out, at 0.
    assert [row[4:] for row in replacement_orders(shop)] == [("TEE-S", 2, 0)]
    assert on_hand(shop, "TEE-S") == 9


def test_the_database_refuses_a_second_replacement_order_for_one_ticket(shop: OrderShop):
    ticket = return_ticket(shop, "exchange", "replace")
    line = get_ticket(shop.db.uow(), ticket).lines[0].id
    receive_ticket_return(shop.db.uow(), ticket, {line: 2}, at=AFTER_SHIPPING)
    with pytest.raises(IntegrityError), shop.db.uow() as uow:
        uow.session.execute(text(
            "INSERT INTO orders (channel_id, number, ordered_at, status, customer_name, "
            "customer_key, currency, shipping, platform_fees, refunded, stock_issued, source, "
            "note, created_at, updated_at, replaces_ticket_id) SELECT channel_id, 'again', "
            "ordered_at, status, '', '', currency, 0, 0, 0, 0, 'exchange', '', created_at, "
            f"updated_at, {ticket} FROM orders LIMIT 1"))
    assert len(replacement_orders(shop)) == 1


def test_an_exchange_for_a_dearer_sku_costs_the_difference_and_waits_for_payment(
        shop: OrderShop):
    ticket = return_ticket(shop, "exchange", "replace", replacement_sku="MUG")
    line = get_ticket(shop.db.uow(), ticket).lines[0].id
    receive_ticket_return(shop.db.uow(), ticket, {line: 2}, at=AFTER_SHIPPING)
    # The MUG sells at 40.00; TEE-S was paid 30.00: 10.00 a unit to pay (补差价).
    assert [row[1:2] + row[4:] for row in replacement_orders(shop)] == [
        ("pending", "MUG", 2, 1000)]
    assert committed(shop, "MUG") == 2


def test_a_refused_receipt_or_a_return_without_replacement_makes_no_order(shop: OrderShop):
    exchange = return_ticket(shop, "exchange", "replace", replacement_sku="TEE-M")
    line = get_ticket(shop.db.uow(), exchange).lines[0].id
    late = AFTER_SHIPPING + timedelta(days=30)
    with pytest.raises(ValidationError, match="return window"):
        receive_ticket_return(shop.db.uow(), exchange, {line: 2}, at=late)
    refund = return_ticket(shop)
    receive_ticket_return(shop.db.uow(), refund, {
        get_ticket(shop.db.uow(), refund).lines[0].id: 2}, at=AFTER_SHIPPING)
    assert replacement_orders(shop) == []
    assert rows(shop.db, "SELECT count(*) FROM order_returns WHERE reference = 'T-000001'") == [
        (0,)]


def test_a_refund_from_a_ticket_is_recorded_on_its_order_with_the_ticket_number(
        shop: OrderShop):
    ticket = return_ticket(shop, "refund_only")
    refund_ticket(shop.db.uow(), ticket, "25.00",
                  ticket_line_id=get_ticket(shop.db.uow(), ticket).lines[0].id)
    assert rows(shop.db, "SELECT amount, reference FROM order_refunds") == [(2500, "T-000001")]
    assert rows(shop.db, "SELECT refunded FROM orders") == [(2500,)]


def test_reopening_a_resolved_ticket_counts_and_satisfaction_needs_closing(shop: OrderShop):
    ticket = question(shop)
    set_ticket_status(shop.db.uow(), ticket, "resolved", at=cst(2026, 3, 3, 12))
    with pytest.raises(ValidationError, match="is given when the ticket is closed"):
        set_ticket_status(shop.db.uow(), ticket, "open", satisfaction=3)
    with pytest.raises(ValidationError, match="not a rating from 1 to 5"):
        set_ticket_status(shop.db.uow(), ticket, "closed", satisfaction=6)
    set_ticket_status(shop.db.uow(), ticket, "open", at=cst(2026, 3, 4, 12))
    detail = get_ticket(shop.db.uow(), ticket)
    assert (detail.reopened, detail.resolved_at) == (1, None)
    # 2 hours before it was resolved, 16 after Wednesday 12:00: Wed 6, Thu 9, Fri 1.
    assert detail.row.resolution_due_at == cst(2026, 3, 6, 10)


def test_a_shop_policy_and_a_calendar_day_off_move_the_due_times_of_open_tickets(
        shop: OrderShop):
    ticket = question(shop)
    save_sla_policy(shop.db.uow(), ticket_type="pre_sale", priority="normal",
                    first_response_minutes=60, resolution_minutes=9 * 60)
    assert get_ticket(shop.db.uow(), ticket).row.resolution_due_at == cst(2026, 3, 4, 10)
    set_calendar_day(shop.db.uow(), date(2026, 3, 4), working=False, name="Stocktaking")
    assert get_ticket(shop.db.uow(), ticket).row.resolution_due_at == cst(2026, 3, 5, 10)


def test_an_sla_target_of_zero_is_refused_and_nothing_is_saved(shop: OrderShop):
    with pytest.raises(ValidationError, match="above zero"):
        save_sla_policy(shop.db.uow(), ticket_type="return", priority="high",
                        first_response_minutes=0, resolution_minutes=60)
    assert rows(shop.db, "SELECT count(*) FROM sla_policies") == [(0,)]


def test_bad_tickets_are_refused_with_every_reason(shop: OrderShop):
    with pytest.raises(ValidationError) as refused:
        open_ticket(shop.db.uow(), TicketDraft(channel_id=999, subject=" ", type="gift",
                                               priority="asap", lines=(TicketLineDraft(1, 1),)))
    assert [p.field for p in refused.value.problems] == ["Subject", "Channel", "Type",
                                                         "Priority", "Lines"]


def test_canned_replies_fill_their_placeholders_from_the_ticket(shop: OrderShop):
    ticket = return_ticket(shop)
    save_canned_reply(shop.db.uow(), title="Return label",
                      body="Dear {customer}, your return of {sku} on {order} is {ticket}.")
    with pytest.raises(ValidationError, match=r"\{name\} is not a placeholder"):
        save_canned_reply(shop.db.uow(), title="Bad", body="Hello {name}")
    with pytest.raises(ValidationError, match="already exists"):
        save_canned_reply(shop.db.uow(), title="return label", body="x")
    values = placeholder_values(get_ticket(shop.db.uow(), ticket),
                                AFTER_SHIPPING + timedelta(days=1), SHANGHAI)
    assert fill("Dear {customer}, your return of {sku} on {order} is {ticket}.", values) == (
        "Dear Ann Lee, your return of TEE-S on #1 is T-000001.")


def test_tags_edited_on_a_ticket_are_found_by_search_and_kept_in_its_thread(shop: OrderShop):
    ticket = question(shop, tags="size")
    set_ticket_tags(shop.db.uow(), ticket, "VIP，size, vip ", at=TUESDAY_10)
    detail = get_ticket(shop.db.uow(), ticket)
    assert detail.tags == "size, VIP"
    assert detail.entries[-1].kind == "note"
    assert detail.entries[-1].body == "Tags: size → size, VIP"
    found = list_tickets(shop.db.uow(), TicketQuery(filter="all", search="vip"), now=TUESDAY_10)
    assert [row.id for row in found.rows] == [ticket]
    set_ticket_tags(shop.db.uow(), ticket, "VIP,size", at=TUESDAY_10)  # the same tags
    assert len(get_ticket(shop.db.uow(), ticket).entries) == len(detail.entries)


def test_tags_of_a_ticket_that_does_not_exist_are_refused(shop: OrderShop):
    from ecdesk.errors import NotFoundError

    with pytest.raises(NotFoundError):
        set_ticket_tags(shop.db.uow(), 999, "vip")
