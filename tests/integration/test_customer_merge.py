"""Merging two customers (handles, orders and every row naming a customer follow; the audit
trail has it) and editing one; every bad input refused with nothing written."""

from __future__ import annotations

import json
import sqlite3

import pytest

from ecdesk.db import Database
from ecdesk.errors import NotFoundError, ValidationError
from ecdesk.services.customers.commands import add_handle, update_customer
from ecdesk.services.customers.dto import CustomerEdit, CustomerQuery
from ecdesk.services.customers.merge import customer_references, merge_customers
from ecdesk.services.customers.queries import customer_orders, get_customer, list_customers
from ecdesk.services.customers.rfm_store import refresh_if_stale
from tests.integration.order_fixtures import SmallShop, enter, small_shop

TABLES = ("customers", "customer_handles", "orders", "audit_log")


@pytest.fixture
def shop(tmp_shop: Database) -> SmallShop:
    shop = small_shop(tmp_shop)
    enter(shop, "T1", (("FLASK-1", 1, "88"),), customer="王伟")
    enter(shop, "T2", (("FLASK-1", 1, "88"),), customer="王伟")
    enter(shop, "S1", (("FLASK-1", 1, "88"),), customer="Wei Wang", channel=shop.shopify)
    return shop


def ids(shop: SmallShop) -> tuple[int, int]:
    conn = sqlite3.connect(shop.db.path)
    try:
        return tuple(r[0] for r in conn.execute("SELECT id FROM customers ORDER BY id"))
    finally:
        conn.close()


def snapshot(db: Database) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db.path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES}
    finally:
        conn.close()


def test_merging_moves_handles_and_orders_and_keeps_the_merged_customer_marked(
        shop: SmallShop) -> None:
    tmall_wang, shopify_wang = ids(shop)
    update_customer(shop.db.uow(), shopify_wang, CustomerEdit(
        name="Wei Wang", email="wei@example.com", tags="vip", notes="Prefers SF"))
    update_customer(shop.db.uow(), tmall_wang, CustomerEdit(name="王伟", tags="回头客"))

    merge_customers(shop.db.uow(), merged_id=shopify_wang, into_id=tmall_wang)

    detail = get_customer(shop.db.uow(), tmall_wang)
    assert [(h.channel, h.key) for h in detail.handles] == [  # by channel name
        ("Shopify", "wei wang"), ("Tmall 天猫", "王伟")]
    assert sorted(o.number for o in customer_orders(shop.db.uow(), tmall_wang)) == [
        "S1", "T1", "T2"]
    assert (detail.row.name, detail.row.email, detail.row.tags, detail.notes) == (
        "王伟", "wei@example.com", "vip, 回头客", "Prefers SF")
    assert refresh_if_stale(shop.db.uow())  # the merge made the stored RFM stale
    listed = list_customers(shop.db.uow(), CustomerQuery()).rows
    assert [r.id for r in listed] == [tmall_wang]
    assert get_customer(shop.db.uow(), shopify_wang).row.id == tmall_wang  # opens the kept one


def test_the_merge_is_in_the_audit_trail_with_what_moved(shop: SmallShop) -> None:
    kept, merged = ids(shop)
    merge_customers(shop.db.uow(), merged_id=merged, into_id=kept)

    conn = sqlite3.connect(shop.db.path)
    [(changes,)] = conn.execute("SELECT changes FROM audit_log WHERE entity = 'customers' "
                                "AND entity_id = ? AND changes LIKE '%merged%'", (kept,))
    conn.close()
    assert json.loads(changes) == {"merged": [merged, kept], "orders.customer_id": 1,
                                   "customer_handles.customer_id": 1, "tickets.customer_id": 0}


def test_every_table_naming_a_customer_follows_a_merge() -> None:
    # Found from the models' foreign keys: tickets joined without a change to the merge.
    assert {f"{t.name}.{c}" for t, c in customer_references()} == {
        "orders.customer_id", "customer_handles.customer_id", "tickets.customer_id"}


def test_merging_a_customer_into_itself_is_refused_and_nothing_is_written(
        shop: SmallShop) -> None:
    kept, _ = ids(shop)
    before = snapshot(shop.db)

    with pytest.raises(ValidationError, match="cannot be merged into itself"):
        merge_customers(shop.db.uow(), merged_id=kept, into_id=kept)

    assert snapshot(shop.db) == before


def test_a_customer_already_merged_cannot_be_merged_again(shop: SmallShop) -> None:
    kept, merged = ids(shop)
    merge_customers(shop.db.uow(), merged_id=merged, into_id=kept)
    before = snapshot(shop.db)

    with pytest.raises(ValidationError, match=f"was merged into customer {kept}"):
        merge_customers(shop.db.uow(), merged_id=merged, into_id=kept)
    with pytest.raises(NotFoundError):
        merge_customers(shop.db.uow(), merged_id=999, into_id=kept)

    assert snapshot(shop.db) == before


def test_a_handle_already_on_another_customer_is_refused_naming_it(shop: SmallShop) -> None:
    tmall_wang, shopify_wang = ids(shop)
    before = snapshot(shop.db)

    with pytest.raises(ValidationError, match=f"belongs to customer {tmall_wang}; merge"):
        add_handle(shop.db.uow(), shopify_wang, shop.tmall, " 王伟 ")
    with pytest.raises(ValidationError, match="already this customer's"):
        add_handle(shop.db.uow(), tmall_wang, shop.tmall, "王伟")
    with pytest.raises(ValidationError, match="buyer's id"):
        add_handle(shop.db.uow(), tmall_wang, shop.tmall, "  ")

    assert snapshot(shop.db) == before


def test_a_new_handle_finds_the_customer_on_the_next_order(shop: SmallShop) -> None:
    tmall_wang, _ = ids(shop)
    add_handle(shop.db.uow(), tmall_wang, shop.shopify, "wang.wei@example.com")

    order = enter(shop, "S2", (("FLASK-1", 1, "88"),), customer="wang.wei@example.com",
                  channel=shop.shopify)

    assert order in [o.id for o in customer_orders(shop.db.uow(), tmall_wang)]


@pytest.mark.parametrize(("edit", "message"), [
    (CustomerEdit(birthday="1990-02-30"), "is not a date"),
    (CustomerEdit(birthday="2999-01-01"), "not a possible birthday"),
    (CustomerEdit(birthday="12/05/1990"), "is not a date"),
    (CustomerEdit(email="not an email"), "not an e-mail address"),
    (CustomerEdit(name="x" * 121), "at most 120 characters"),
])
def test_a_bad_edit_is_refused_with_its_field_and_nothing_is_written(
        shop: SmallShop, edit: CustomerEdit, message: str) -> None:
    kept, _ = ids(shop)
    before = snapshot(shop.db)

    with pytest.raises(ValidationError, match=message):
        update_customer(shop.db.uow(), kept, edit)

    assert snapshot(shop.db) == before


def test_an_edit_keeps_every_field_optional_and_normalises_tags(shop: SmallShop) -> None:
    kept, _ = ids(shop)
    update_customer(shop.db.uow(), kept, CustomerEdit(
        name="", birthday=" 1990-05-12 ", tags="VIP， vip ,gift"))

    detail = get_customer(shop.db.uow(), kept)
    assert (detail.row.name, str(detail.birthday), detail.row.tags) == (
        "", "1990-05-12", "gift, VIP")


def test_search_everything_finds_a_customer_by_handle_but_not_one_merged_away(
        shop: SmallShop) -> None:
    from ecdesk.services.search_providers import search_everything

    kept, merged = ids(shop)
    groups = {g.provider.key: g.hits for g in search_everything(shop.db.uow(), "wei WANG")}
    assert [(h.id, h.subtitle) for h in groups["customer"]] == [(merged, "Shopify")]

    merge_customers(shop.db.uow(), merged_id=merged, into_id=kept)

    groups = {g.provider.key: g.hits for g in search_everything(shop.db.uow(), "wei wang")}
    assert [(h.id, h.title) for h in groups["customer"]] == [(kept, "王伟")]


def test_a_merged_customers_tickets_follow_it_and_list_with_the_kept_one(
        shop: SmallShop) -> None:
    from ecdesk.services.customers.queries import customer_tickets
    from ecdesk.services.tickets.commands import open_ticket
    from ecdesk.services.tickets.dto import TicketDraft

    kept, merged = ids(shop)
    open_ticket(shop.db.uow(), TicketDraft(channel_id=shop.shopify, subject="Where is my parcel?",
                                           customer_id=merged, message="Hi"))

    merge_customers(shop.db.uow(), merged_id=merged, into_id=kept)

    assert [t.subject for t in customer_tickets(shop.db.uow(), kept)] == ["Where is my parcel?"]
    assert customer_tickets(shop.db.uow(), merged) == []
