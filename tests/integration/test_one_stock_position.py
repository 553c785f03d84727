"""One stock position everywhere: on the small demo shop, the Inventory rows, the alert figures,
the command line's JSON and the inventory report's alerts agree with the Python definition
(ecdesk.services.stock.position) applied to figures read here straight from the tables; and the
SQL reorder point agrees with the Python one for any sales and rules."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, literal, select

from ecdesk.cli.parser import main as cli_main
from ecdesk.db import Database, open_database
from ecdesk.models import (
    Order,
    OrderLine,
    Product,
    ProductStatus,
    PurchaseOrder,
    PurchaseOrderLine,
    StockPolicy,
    Variant,
)
from ecdesk.models.base import utc_now
from ecdesk.models.orders import OPEN_STATUSES, SOLD_STATUSES
from ecdesk.models.purchasing import EXPECTING_STATUSES
from ecdesk.services.reports.alerts_part import current_alerts
from ecdesk.services.reports.model import Table
from ecdesk.services.stock import reorder
from ecdesk.services.stock.alerts import compute_alerts
from ecdesk.services.stock.alerts_dto import KIND_LABELS, Severity
from ecdesk.services.stock.commands import PolicyDraft
from ecdesk.services.stock.defaults import StockDefaults, get_stock_defaults
from ecdesk.services.stock.inventory_dto import STOCK_REORDER, InventoryQuery
from ecdesk.services.stock.position import (
    at_or_below_reorder_point,
    available,
    levels_for,
    projected,
)
from ecdesk.services.stock.position_sql import reorder_point
from ecdesk.services.stock.queries import list_inventory


@dataclass(frozen=True)
class Expected:
    """A SKU's position by the Python definition, from figures read straight from the tables."""

    on_hand: int
    committed: int
    on_order: int
    available: int
    projected: int
    reorder_point: int
    max_level: int
    manual: bool


@pytest.fixture(scope="module")
def shop_path(demo_shop_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo shop, opened by each test (the command line opens it by itself)."""
    path = tmp_path_factory.mktemp("position") / "demo.ecdesk"
    shutil.copyfile(demo_shop_file, path)
    return path


@pytest.fixture
def db(shop_path: Path) -> Iterator[Database]:
    database = open_database(shop_path)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture(scope="module")
def now() -> datetime:
    return utc_now()


def _units(db: Database, *conditions: object) -> dict[int, int]:
    with db.uow() as uow:
        rows = uow.session.execute(
            select(OrderLine.variant_id, func.sum(OrderLine.quantity))
            .join(Order, Order.id == OrderLine.order_id).where(*conditions)  # type: ignore[arg-type]
            .group_by(OrderLine.variant_id))
        return {vid: int(units) for vid, units in rows}


def expected_positions(db: Database, now: datetime) -> dict[str, Expected]:
    defaults = get_stock_defaults(db.uow())
    window = defaults.velocity_window_days
    committed = _units(db, Order.status.in_(OPEN_STATUSES))
    sold = _units(db, Order.status.in_(SOLD_STATUSES),
                  Order.ordered_at >= now - timedelta(days=window))
    with db.uow() as uow:
        skus = uow.session.execute(
            select(Variant.id, Variant.sku, Variant.on_hand, StockPolicy.reorder_point,
                   StockPolicy.safety_stock, StockPolicy.max_stock, StockPolicy.lead_time_days)
            .join(Product, Product.id == Variant.product_id)
            .outerjoin(StockPolicy, StockPolicy.variant_id == Variant.id)
            .where(Variant.archived.is_(False), Product.status != ProductStatus.ARCHIVED)).all()
        # On order: what the lines of sent and partly received purchase orders still expect.
        ordered = dict(uow.session.execute(
            select(PurchaseOrderLine.variant_id, func.sum(func.max(
                PurchaseOrderLine.quantity - PurchaseOrderLine.cancelled
                - PurchaseOrderLine.received, 0)))
            .join(PurchaseOrder, PurchaseOrder.id == PurchaseOrderLine.order_id)
            .where(PurchaseOrder.status.in_(EXPECTING_STATUSES))
            .group_by(PurchaseOrderLine.variant_id)).tuples().all())
    found = {}
    for vid, sku, on_hand, *rules in skus:
        levels = levels_for(reorder.velocity(sold.get(vid, 0), window), PolicyDraft(*rules),
                            defaults)
        free = available(on_hand, committed.get(vid, 0))
        coming = int(ordered.get(vid, 0))
        found[sku] = Expected(on_hand, committed.get(vid, 0), coming, free,
                              projected(free, coming), levels.reorder_point, levels.max_stock,
                              levels.reorder_point_manual)
    return found


@pytest.fixture(scope="module")
def expected(shop_path: Path, now: datetime) -> dict[str, Expected]:
    database = open_database(shop_path)
    try:
        return expected_positions(database, now)
    finally:
        database.close()


def test_every_inventory_row_shows_the_position_the_definition_gives(
        db: Database, now: datetime, expected: dict[str, Expected]) -> None:
    rows = list_inventory(db.uow(), InventoryQuery(sort="sku"), limit=100_000, now=now).rows
    shown = {r.sku: Expected(r.figures.on_hand, r.figures.committed, r.figures.on_order,
                             r.figures.available, r.figures.projected, r.figures.reorder_point,
                             expected[r.sku].max_level, r.figures.reorder_point_manual)
             for r in rows}
    assert shown == expected
    assert any(e.manual for e in expected.values()) and any(e.committed for e in shown.values())


def test_the_reorder_filter_in_sql_picks_the_skus_the_python_definition_picks(
        db: Database, now: datetime, expected: dict[str, Expected]) -> None:
    rows = list_inventory(db.uow(), InventoryQuery(stock=STOCK_REORDER), limit=100_000,
                          now=now).rows
    due = {sku for sku, e in expected.items()
           if at_or_below_reorder_point(e.projected, e.reorder_point)}
    assert {r.sku for r in rows} == due and due


def test_every_alert_carries_the_position_and_levels_the_definition_gives(
        db: Database, now: datetime, expected: dict[str, Expected]) -> None:
    report = compute_alerts(db.uow(), now=now, forget_resolved=False)
    assert report.alerts
    for alert in report.alerts:
        f, e = alert.figures, expected[alert.sku]
        assert (f.on_hand, f.committed, f.on_order, f.available, f.projected, f.reorder_point,
                f.max_level, f.reorder_point_set) == (
            e.on_hand, e.committed, e.on_order, e.available, e.projected, e.reorder_point,
            e.max_level, e.manual), alert.sku


def test_the_command_line_json_gives_the_same_positions(
        shop_path: Path, expected: dict[str, Expected],
        capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["inventory", "--db", str(shop_path), "--json", "--limit", "0"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert {r["sku"]: (r["on_hand"], r["committed"], r["on_order"], r["available"],
                       r["projected"], r["reorder_point_manual"]) for r in rows} == {
        sku: (e.on_hand, e.committed, e.on_order, e.available, e.projected, e.manual)
        for sku, e in expected.items()}
    assert cli_main(["alerts", "--db", str(shop_path), "--json", "--all"]) == 0
    for alert in json.loads(capsys.readouterr().out)["alerts"]:
        f, e = alert["figures"], expected[alert["sku"]]
        assert (f["available"], f["on_order"], f["projected"], f["max_level"]) == (
            e.available, e.on_order, e.projected, e.max_level)


def test_the_inventory_reports_alerts_are_the_alerts_page_ones(
        db: Database, now: datetime) -> None:
    report = compute_alerts(db.uow(), now=now, forget_resolved=False)
    summary, listed = current_alerts(db.uow(), now)
    assert isinstance(summary, Table) and isinstance(listed, Table)
    urgent = [(a.sku, a.reason) for a in report.open_alerts if a.severity >= Severity.WARNING]
    assert list(zip(listed.rows["sku"], listed.rows["reason"], strict=True)) == urgent
    by_kind = Counter(KIND_LABELS[a.kind] for a in report.open_alerts)
    assert dict(zip(summary.rows["alert"], summary.rows["alerts"], strict=True)) == by_kind


# -- the reorder point in SQL and in Python -----------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(sold=st.integers(0, 5_000), window=st.integers(1, 120), lead=st.integers(0, 90),
       safety_days=st.integers(0, 60),
       own_point=st.none() | st.integers(0, 500), own_safety=st.none() | st.integers(0, 200),
       own_lead=st.none() | st.integers(0, 120), item_lead=st.none() | st.integers(0, 120),
       supplier_lead=st.none() | st.integers(0, 120))
def test_the_sql_reorder_point_is_the_python_one(
        sold: int, window: int, lead: int, safety_days: int, own_point: int | None,
        own_safety: int | None, own_lead: int | None, item_lead: int | None,
        supplier_lead: int | None) -> None:
    defaults = StockDefaults(velocity_window_days=window, lead_time_days=lead,
                             safety_days=safety_days)
    # The lead time in force: the SKU's own, else its preferred supplier item's, else that
    # supplier's (then levels_for falls back to the shop default).
    in_force_lead = next((value for value in (own_lead, item_lead, supplier_lead)
                          if value is not None), None)
    policy = PolicyDraft(reorder_point=own_point, safety_stock=own_safety,
                         lead_time_days=in_force_lead)
    # FROM stock_policies and the preferred supplier's terms
    statement = select(reorder_point(literal(sold), defaults))
    compiled = statement.compile(compile_kwargs={"literal_binds": True})
    with sqlite3.connect(":memory:") as conn:  # one SKU's rules (all None: it has none)
        conn.execute("CREATE TABLE stock_policies (reorder_point, safety_stock, lead_time_days)")
        conn.execute("INSERT INTO stock_policies VALUES (?, ?, ?)",
                     (own_point, own_safety, own_lead))
        conn.execute("CREATE TABLE suppliers (id, lead_time_days)")
        conn.execute("CREATE TABLE supplier_items (variant_id, supplier_id, lead_time_days, "
                     "pack_multiple, min_order_qty, preferred)")
        conn.execute("INSERT INTO suppliers VALUES (1, ?)", (supplier_lead,))
        conn.execute("INSERT INTO supplier_items VALUES (1, 1, ?, NULL, NULL, 1)", (item_lead,))
        (in_sql,) = conn.execute(str(compiled)).fetchone()
    in_python = levels_for(reorder.velocity(sold, window), policy, defaults).reorder_point
    assert in_sql == in_python
