"""RFM scores and segments on a small set computed by hand, the list's search and filters, and
the repeat rate's one definition."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from ecdesk.db import Database
from ecdesk.models import OrderStatus
from ecdesk.models.base import utc_now
from ecdesk.services.customers.dto import CustomerQuery
from ecdesk.services.customers.queries import list_customers, segment_summary
from ecdesk.services.customers.rfm import LISTED_CTE, rfm_params, rfm_query, segment_counts
from ecdesk.services.customers.rfm_store import (
    refresh_customer_rfm,
    refresh_if_stale,
    refresh_rfm,
    rfm_is_stale,
    scores_are_stale,
    stored_counts,
)
from ecdesk.services.customers.segments import SEGMENTS
from tests.integration.order_fixtures import SmallShop, enter, small_shop

AS_OF = datetime(2026, 6, 1, tzinfo=UTC)
# customer: (day, amount) of each sold order, every one at 04:00 UTC on Tmall (CNY).
ORDERS = {
    "Ann": [("2026-05-20", "200"), ("2026-05-10", "200"), ("2026-04-01", "200"),
            ("2026-03-01", "200"), ("2026-02-01", "200")],
    "Bo": [("2026-05-25", "800")],
    "Cai": [("2026-05-01", "900")],
    "Dee": [("2025-10-01", "20")],
    "Eve": [("2025-09-01", "200"), ("2025-09-02", "200"), ("2025-09-03", "200"),
            ("2025-09-04", "200")],
    "Fu": [("2026-03-15", "50")],
}
# By hand. Days since the last order (truncated): Ann 11, Bo 6, Cai 30, Dee 242, Eve 269,
# Fu 77. Score = min(5, 1 + int(5 x (rank - 1) / 5)) over 6 customers, equal values one rank:
#   R (oldest first): Eve 1, Dee 2, Fu 3, Cai 4, Ann 5, Bo 5 (rank 6 capped)
#   F (orders 1,1,1,1,4,5): Bo Cai Dee Fu 1, Eve 5, Ann 5
#   M (20, 50, 800, 800, 900, 1000): Dee 1, Fu 2, Bo 3, Eve 3, Cai 5, Ann 5
EXPECTED = {  # name: (recency days, orders, spent in fen, R, F, M, segment)
    "Ann": (11, 5, 100000, 5, 5, 5, "high_value"),
    "Bo": (6, 1, 80000, 5, 1, 3, "new"),  # one order within 30 days
    "Cai": (30, 1, 90000, 4, 1, 5, "potential"),  # recent, high value, infrequent
    "Dee": (242, 1, 2000, 2, 1, 1, "lost"),
    "Eve": (269, 4, 80000, 1, 5, 3, "at_risk"),  # frequent once, not seen since
    "Fu": (77, 1, 5000, 3, 1, 2, "regular"),
}


@pytest.fixture(scope="module")
def rfm_shop(tmp_path_factory: pytest.TempPathFactory,
             empty_shop_file: Path) -> Iterator[SmallShop]:
    from tests.conftest import open_copy

    db = open_copy(empty_shop_file, tmp_path_factory.mktemp("rfm") / "rfm.ecdesk")
    shop = small_shop(db)
    n = 0
    for name, orders in ORDERS.items():
        for day, amount in orders:
            n += 1
            enter(shop, f"R{n}", (("FLASK-1", 1, amount),), customer=name,
                  at=datetime.fromisoformat(f"{day}T04:00:00+00:00"))
    enter(shop, "X1", (("FLASK-1", 1, "99"),), customer="Gao", status=OrderStatus.CANCELLED,
          at=AS_OF.replace(month=5))
    with db.uow() as uow:
        refresh_rfm(uow.session, AS_OF)
        uow.commit()
    yield shop
    db.close()


def rows_by_name(db: Database, **query: str) -> dict[str, tuple]:
    page = list_customers(db.uow(), CustomerQuery(**query), limit=50)
    return {r.name: (r.recency_days, r.orders, r.spent, r.r, r.f, r.m, r.segment)
            for r in page.rows}


def test_rfm_scores_and_segments_match_the_hand_computed_set(rfm_shop: SmallShop) -> None:
    found = rows_by_name(rfm_shop.db)
    assert {name: found[name] for name in EXPECTED} == EXPECTED


def test_a_customer_who_never_bought_has_no_scores_and_no_segment(rfm_shop: SmallShop) -> None:
    assert rows_by_name(rfm_shop.db)["Gao"] == (None, 0, 0, None, None, None, "")


def test_each_segment_counts_its_customers(rfm_shop: SmallShop) -> None:
    with rfm_shop.db.uow() as uow:
        counts = segment_counts(uow.session, AS_OF)
    assert counts == {segment: 1 for segment in SEGMENTS}


def test_the_segment_filter_lists_only_that_segment(rfm_shop: SmallShop) -> None:
    assert list(rows_by_name(rfm_shop.db, segment="at_risk")) == ["Eve"]


def test_an_unknown_segment_is_refused_by_name(rfm_shop: SmallShop) -> None:
    from ecdesk.errors import NotFoundError

    with pytest.raises(NotFoundError, match="no segment 'vip'"):
        rows_by_name(rfm_shop.db, segment="vip")


def test_the_list_sorts_by_spent_by_default_and_pages(rfm_shop: SmallShop) -> None:
    first = list_customers(rfm_shop.db.uow(), CustomerQuery(), limit=2)
    second = list_customers(rfm_shop.db.uow(), CustomerQuery(), limit=2, offset=2)
    # Bo and Eve spent the same: the later customer (higher id) first, as the sort is descending
    assert [r.name for r in first.rows + second.rows] == ["Ann", "Cai", "Eve", "Bo"]
    assert first.total == 7 and first.has_more


@pytest.mark.parametrize("sort", ["name", "orders", "spent", "last_order", "segment"])
@pytest.mark.parametrize("descending", [False, True])
def test_pages_read_after_the_last_row_give_the_whole_list_in_order(
        rfm_shop: SmallShop, sort: str, descending: bool) -> None:
    query = CustomerQuery(sort=sort, descending=descending)
    whole = [r.id for r in list_customers(rfm_shop.db.uow(), query, limit=50).rows]
    paged, after = [], None
    while True:  # two rows a page, each read after the page before (ties and no last order)
        page = list_customers(rfm_shop.db.uow(), query, limit=2, after=after)
        paged += [r.id for r in page.rows]
        if not page.has_more:
            break
        after = page.cursor
    assert paged == whole and len(whole) == 7


def test_search_finds_by_name_or_handle_and_takes_wildcards_literally(
        rfm_shop: SmallShop) -> None:
    assert list(rows_by_name(rfm_shop.db, text="ca")) == ["Cai"]
    assert rows_by_name(rfm_shop.db, text="%") == {}


def test_the_repeat_rate_is_the_dashboards_rule_over_the_last_year(rfm_shop: SmallShop) -> None:
    summary = segment_summary(rfm_shop.db.uow(), as_of=AS_OF)
    # Bought in the year to 1 June 2026: all six; Ann and Eve more than once.
    assert (summary.buyers_last_year, summary.repeat_customers) == (6, 2)
    assert summary.customers == 7


def test_the_dashboard_tile_counts_high_value_customers_and_names_every_segment(
        rfm_shop: SmallShop) -> None:
    from ecdesk.services.common.period import Period
    from ecdesk.services.dashboard.build import dashboard_scope, load_dashboard

    scope = dashboard_scope(rfm_shop.db.uow(), Period.month(2026, 5), now=AS_OF)
    tiles = {t.key: t for t in load_dashboard(rfm_shop.db.uow(), scope).tiles}

    tile = tiles["customer_segments"]
    assert tile.value == "1"  # Ann, as of the end of May in the shop's zone
    assert "High value 1 · Potential high value 1 · New 1 · At risk 1 · Lost 1 · Regular 1" \
        in tile.note
    # One high-value customer at the end of April too: no change.
    assert tile.change == Decimal(0)  # a Decimal, as every tile's change
    assert isinstance(tile.change, Decimal)


def test_the_sales_report_has_sales_by_segment_adding_up_to_the_periods_sales(
        rfm_shop: SmallShop) -> None:
    from ecdesk.services.common.period import Period
    from ecdesk.services.reports.generate import REPORTS, ReportRequest, _scope

    request = ReportRequest("sales", Period.month(2026, 5), Path("x.pdf"), generated_at=AS_OF)
    scope = _scope(rfm_shop.db.uow(), request)
    with rfm_shop.db.uow() as uow:
        report = REPORTS["sales"].build(uow.session, scope, None, lambda *a: None)
    [table] = [t for t in report.tables() if t.key == "customers"]
    rows = {r["segment"]: (r["customers"], r["orders"], r["sales"])
            for r in table.rows.to_dict("records")}
    # May 2026 (Shanghai): Ann 05-10 and 05-20, Bo 05-25, Cai 05-01 (12:00 Shanghai).
    assert rows == {"High value": (1, 2, 40000), "New": (1, 1, 80000),
                    "Potential high value": (1, 1, 90000)}
    assert (table.total["customers"], table.total["orders"], table.total["sales"]) == (
        3, 4, 210000)
    table.check_totals()


def test_the_stored_scores_equal_the_live_computation(rfm_shop: SmallShop) -> None:
    with rfm_shop.db.uow() as uow:
        live = uow.session.execute(rfm_query(
            "SELECT id, orders, spent, recency_days, r, f, m, segment FROM listed", LISTED_CTE),
            rfm_params(uow.session, AS_OF)).tuples().all()
        stored = uow.session.execute(text(
            "SELECT customer_id, orders, spent, recency_days, r, f, m, segment "
            "FROM customer_rfm")).tuples().all()
        assert stored_counts(uow.session) == segment_counts(uow.session, AS_OF)
    assert sorted(stored) == sorted(live) and len(stored) == 7


def test_the_stored_scores_go_stale_with_a_new_order_or_a_new_day_and_fresh_on_refresh(
        tmp_path: Path, empty_shop_file: Path) -> None:
    from tests.conftest import open_copy

    db = open_copy(empty_shop_file, tmp_path / "stale.ecdesk")
    shop = small_shop(db)
    enter(shop, "S1", (("FLASK-1", 1, "10"),), customer="Ann", at=AS_OF - timedelta(days=3))
    assert scores_are_stale(db.uow())  # never computed
    assert refresh_if_stale(db.uow()) and not scores_are_stale(db.uow())
    assert not refresh_if_stale(db.uow())  # fresh: nothing recomputed

    enter(shop, "S2", (("FLASK-1", 2, "10"),), customer="Ann", at=AS_OF - timedelta(days=1))
    assert scores_are_stale(db.uow())
    refresh_customer_rfm(db.uow())
    with db.uow() as uow:
        assert not rfm_is_stale(uow.session)
        assert rfm_is_stale(uow.session, utc_now() + timedelta(days=1))  # the day turned
    [ann] = list_customers(db.uow(), CustomerQuery(text="Ann")).rows
    assert (ann.orders, ann.spent) == (2, 3000)
    db.close()
