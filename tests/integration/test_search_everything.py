"""Search everything (services/search_providers.py): every registered provider is asked in one
read and answers with a group of hits; products by SKU or title, orders by number or customer."""

from __future__ import annotations

from sqlalchemy import func, select

from ecdesk.db import Database
from ecdesk.models import Order, Product
from ecdesk.services.common.search_registry import SearchHit, SearchProvider, search_all
from ecdesk.services.search_providers import SEARCH_PROVIDERS, search_everything


def hits(db: Database, text: str, kind: str, limit: int = 8) -> list[SearchHit]:
    groups = {group.provider.key: group.hits for group in search_everything(db.uow(), text, limit)}
    return groups.get(kind, [])


def a_regular_customer(db: Database) -> tuple[str, set[int]]:
    """A customer with several orders, and the ids of their orders."""
    with db.uow() as uow:
        name = uow.session.scalar(
            select(Order.customer_name).where(Order.customer_name != "")
            .group_by(Order.customer_name).having(func.count() >= 3)
            .order_by(func.count().desc(), Order.customer_name).limit(1))
        ids = set(uow.session.scalars(select(Order.id).where(Order.customer_name == name)))
    assert name
    return name, ids


def test_every_provider_is_registered_in_the_order_its_group_shows() -> None:
    assert [(p.key, p.label) for p in SEARCH_PROVIDERS] == [
        ("product", "Products"), ("order", "Orders"), ("ticket", "Tickets"),
        ("customer", "Customers"), ("price_rule", "Price rules"), ("promotion", "Promotions"),
        ("supplier", "Suppliers"), ("purchase_order", "Purchase orders")]


def test_a_coupon_code_finds_its_promotion_with_its_start_and_type(
        demo_read_only: Database) -> None:
    [hit] = hits(demo_read_only, "flash60", "promotion")
    assert hit.title == "清仓 Clearance flash sale"
    assert "Percent off · Scheduled · FLASH60" in hit.subtitle


def test_a_rules_name_finds_the_rule(demo_read_only: Database) -> None:
    [group] = [g for g in search_everything(demo_read_only.uow(), "skincare")
               if g.provider.key == "price_rule"]
    assert [hit.title for hit in group.hits] == ["护肤 Skincare on Tmall: 50% margin after fees"]


def test_a_supplier_and_its_purchase_orders_are_found_by_its_name(
        demo_read_only: Database) -> None:
    [supplier] = hits(demo_read_only, "Pacific Outdoor", "supplier")
    assert supplier.title == "Pacific Outdoor Supply Co." and "USD" in supplier.subtitle
    orders = hits(demo_read_only, "Pacific Outdoor", "purchase_order")
    assert orders and all("Pacific Outdoor Supply Co." in hit.subtitle for hit in orders)
    [order] = hits(demo_read_only, orders[0].title, "purchase_order")
    assert order.id == orders[0].id


def test_a_sku_finds_its_product_and_the_hit_names_the_sku_and_title(
        demo_read_only: Database) -> None:
    with demo_read_only.uow() as uow:
        title = uow.session.get(Product, 1).title
    [hit] = hits(demo_read_only, "SKU-00001-1", "product")
    assert (hit.kind, hit.id, hit.label, hit.find_text) == (
        "product", 1, f"SKU-00001-1 · {title}", "SKU-00001-1")


def test_product_hits_are_limited_and_ordered_by_title_then_sku(demo_read_only: Database) -> None:
    found = hits(demo_read_only, "恤", "product", limit=7)
    assert len(found) == 7 and all("恤" in hit.label for hit in found)
    assert [(h.subtitle, h.title) for h in found] == sorted((h.subtitle, h.title) for h in found)


def test_a_customers_name_finds_their_orders_newest_first(demo_read_only: Database) -> None:
    name, ids = a_regular_customer(demo_read_only)
    found = hits(demo_read_only, name, "order", limit=100)
    assert {hit.id for hit in found} == ids
    assert all(name in hit.subtitle for hit in found)
    with demo_read_only.uow() as uow:
        dates = [uow.session.get(Order, hit.id).ordered_at for hit in found]
    assert dates == sorted(dates, reverse=True)


def test_an_order_number_finds_that_order(demo_read_only: Database) -> None:
    with demo_read_only.uow() as uow:
        order = uow.session.get(Order, 42)
        number, customer = order.number, order.customer_name
    found = hits(demo_read_only, number, "order")
    assert [(h.id, h.title, h.find_text) for h in found][:1] == [(42, number, number)]
    assert found[0].subtitle.startswith(customer)


def test_a_sku_does_not_list_the_orders_that_sold_it(demo_read_only: Database) -> None:
    assert hits(demo_read_only, "SKU-00001-1", "order") == []


def test_blank_text_or_text_that_matches_nothing_gives_no_groups(demo_read_only: Database) -> None:
    assert search_everything(demo_read_only.uow(), "   ") == []
    assert search_everything(demo_read_only.uow(), "zzqqxx-nothing") == []


def test_search_syntax_typed_by_the_user_is_only_text(demo_read_only: Database) -> None:
    assert search_everything(demo_read_only.uow(), 'NEAR("unclosed OR *') == []


def test_a_new_provider_plugs_in_without_touching_the_others(demo_read_only: Database) -> None:
    def tickets(_session: object, text: str, limit: int) -> list[SearchHit]:
        return [SearchHit("ticket", 7, "T-000007", f"about {text}")][:limit]

    provider = SearchProvider("ticket", "Tickets", tickets)
    groups = search_all(demo_read_only.uow(), (*SEARCH_PROVIDERS, provider), "SKU-00001-1", 5)
    assert [(g.provider.label, [h.label for h in g.hits]) for g in groups][1:] == [
        ("Tickets", ["T-000007 · about SKU-00001-1"])]
