"""Read side of stock: the paged Inventory table, a SKU's movement history, one SKU for the
stock dialogs, and the sheets of a stock count.

Paging, filtering and sorting happen in SQL. Committed units and units sold are GROUP BY
aggregates over order lines: for a page they are restricted to the page's SKUs (a few hundred
index lookups, whatever the size of the shop); only a filter or sort on them aggregates the
whole shop, once, in the page query itself. Search is the Listings page's own (trigram index,
user text kept literal), so that both pages find the same SKUs for the same words.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    BindParameter,
    Integer,
    Select,
    TextualSelect,
    bindparam,
    case,
    func,
    literal_column,
    select,
    text,
)
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError
from ecdesk.i18n import _
from ecdesk.models import (
    Order,
    OrderLine,
    Product,
    ProductStatus,
    StockMovement,
    StockPolicy,
    Variant,
)
from ecdesk.models.base import UtcDateTime, utc_now
from ecdesk.models.orders import OPEN_STATUSES, SOLD_STATUSES
from ecdesk.money import from_minor_units
from ecdesk.services.catalog.categories import descendant_ids
from ecdesk.services.catalog.queries import (
    is_broad_search,
    variant_ids_matching,
    variant_matches,
)
from ecdesk.services.common.keyset import Cursor, Keyset, SortKey
from ecdesk.services.common.page import Page
from ecdesk.services.common.shop_time import shop_zone
from ecdesk.services.common.text_search import search_words
from ecdesk.services.stock import reorder
from ecdesk.services.stock.commands import PolicyDraft
from ecdesk.services.stock.defaults import StockDefaults, read_stock_defaults
from ecdesk.services.stock.inventory_dto import (
    STOCK_IN,
    STOCK_NEGATIVE,
    STOCK_OUT,
    STOCK_REORDER,
    CountLine,
    InventoryQuery,
    InventoryRow,
    InventorySummary,
    MovementRow,
    SkuStock,
    StockFigures,
    SuggestedLevels,
)
from ecdesk.services.stock.ledger import allows_negative, shop_allows_negative
from ecdesk.services.stock.position import (
    at_or_below_reorder_point,
    available,
    levels_for,
    projected,
    suggested_for,
)
from ecdesk.services.stock.position_sql import (
    SUPPLY_TERMS,
    TERM_FIELDS,
    on_order,
    reorder_point,
)

# Sort key only, in minor units: the displayed value is computed in Decimal.
_VALUE = literal_column("variants.on_hand * variants.unit_cost")
# Sort key only: the options as `_options` shows them ("Black / M", blanks left out), so that
# the Options column sorts by what it shows (by option1, option2, option3, "M" came before "L"
# whenever the first option of one of them was blank).
_OPTIONS_TEXT = func.substr(
    case((Variant.option1 == "", ""), else_=" / " + Variant.option1)
    + case((Variant.option2 == "", ""), else_=" / " + Variant.option2)
    + case((Variant.option3 == "", ""), else_=" / " + Variant.option3), len(" / ") + 1)
_POLICY_FIELDS = ("reorder_point", "safety_stock", "max_stock", "lead_time_days",
                  "pack_multiple", "min_order_qty", "allow_negative")


# -- aggregates over order lines ---------------------------------------------------------------

def _statuses(statuses: Sequence[object]) -> str:
    return ", ".join(f"'{status}'" for status in statuses)  # enum values, never user text


# SQLite left to itself walks order lines SKU by SKU and looks up each line's order. CROSS JOIN
# makes it start from the orders that matter instead (open ones by status, recent ones by
# date): 11 ms instead of 540 ms for the committed units of 1M lines.
def _units(where: str, of_skus: bool, *binds: BindParameter[Any]) -> TextualSelect:
    skus = "AND ol.variant_id IN (SELECT value FROM json_each(:ids))" if of_skus else ""
    return text(f"""
        SELECT ol.variant_id AS variant_id, sum(ol.quantity) AS units
        FROM orders AS o CROSS JOIN order_lines AS ol ON ol.order_id = o.id
        WHERE {where} {skus} GROUP BY ol.variant_id""").bindparams(*binds).columns(
        variant_id=Integer, units=Integer)


_OPEN = f"o.status IN ({_statuses(OPEN_STATUSES)})"
_SOLD = f"o.ordered_at >= :since AND o.status IN ({_statuses(SOLD_STATUSES)})"
_SINCE = bindparam("since", type_=UtcDateTime())
_COMMITTED_ALL, _COMMITTED_OF = _units(_OPEN, False), _units(_OPEN, True)
_SOLD_ALL, _SOLD_OF = _units(_SOLD, False, _SINCE), _units(_SOLD, True, _SINCE)
# Up to this many order lines (in all time) on a page's SKUs, their sales are summed SKU by SKU
# (a few ms); a page of best sellers sums the sales window's orders instead (~0.1 s for 1M lines
# a year), rather than every line they ever sold (seconds).
SKU_PATH_MAX_LINES = 20_000


def _ids(variant_ids: Sequence[int]) -> str:
    return json.dumps(list(variant_ids))


def committed_units(variant_ids: Sequence[int] | None = None) -> TextualSelect:
    """(variant_id, units) on lines of orders placed or paid but not shipped; always read from
    the open orders, which are few however many lines the SKUs have."""
    if variant_ids is None:
        return _COMMITTED_ALL
    return _COMMITTED_OF.bindparams(ids=_ids(variant_ids))


def units_sold_since(since: datetime, variant_ids: Sequence[int] | None = None, *,
                     by_sku: bool = False) -> Select[Any] | TextualSelect:
    """(variant_id, units) on lines of orders that count as sales, ordered at `since` or later.

    For `variant_ids`, `by_sku` reads those SKUs' own lines (fast when they have few), else the
    orders of the sales window (a bounded cost, whatever the SKUs sold before)."""
    if variant_ids is None:
        return _SOLD_ALL.bindparams(since=since)
    if not by_sku:
        return _SOLD_OF.bindparams(since=since, ids=_ids(variant_ids))
    return (select(OrderLine.variant_id, func.sum(OrderLine.quantity))
            .join(Order, Order.id == OrderLine.order_id)
            .where(Order.status.in_(SOLD_STATUSES), Order.ordered_at >= since,
                   OrderLine.variant_id.in_(variant_ids))
            .group_by(OrderLine.variant_id))


def _sold_by_sku(session: Session, variant_ids: Sequence[int]) -> bool:
    """Whether the SKUs have few enough order lines to sum their sales SKU by SKU (the count
    reads the variant index alone: under a millisecond for a page of the long tail)."""
    lines = session.scalar(select(func.count()).select_from(OrderLine).where(
        OrderLine.variant_id.in_(variant_ids))) or 0
    return lines <= SKU_PATH_MAX_LINES


def _units_by_variant(session: Session, query: Select[Any] | TextualSelect) -> dict[int, int]:
    return {vid: int(units) for vid, units in session.execute(query)}


# -- the Inventory table -----------------------------------------------------------------------

class _Frame:
    """The SQL expressions one inventory query needs, with the joins that make them."""

    def __init__(self, query: InventoryQuery, defaults: StockDefaults, since: datetime,
                 broad: bool, page: bool) -> None:
        self.query = query
        self.defaults = defaults
        self.since = since
        self.broad = broad  # a search so wide that walking the sort order beats collecting
        self._committed = self._sold = None
        self.committed: Any = literal_column("0")
        self.sold: Any = literal_column("0")
        self.on_order = on_order(Variant.id)
        self.available = available(Variant.on_hand, self.committed)
        needs_committed = (query.stock in (STOCK_IN, STOCK_OUT, STOCK_REORDER)
                           or query.sort in ("committed", "available", "cover"))
        needs_sold = query.stock == STOCK_REORDER or query.sort in (
            "velocity", "cover", "reorder_point")
        # A page sorted or filtered by these figures holds the SKUs with the most order lines
        # (best sellers, most committed): counting their lines one SKU at a time would cost
        # more than taking both figures from the page query itself.
        self.aggregated = page and (needs_committed or needs_sold)
        if needs_committed or self.aggregated:
            self._committed = committed_units().subquery("committed")
            self.committed = func.coalesce(self._committed.c.units, 0)
            self.available = available(Variant.on_hand, self.committed)
        if needs_sold or self.aggregated:
            self._sold = units_sold_since(since).subquery("sold")
            self.sold = func.coalesce(self._sold.c.units, 0)

    def select(self, *columns: Any) -> Select[Any]:
        """`columns` over the matching SKUs, with the aggregates joined in when needed."""
        query = (select(*columns).select_from(Variant)
                 .join(Product, Product.id == Variant.product_id)
                 .where(Variant.archived.is_(False), Product.status != ProductStatus.ARCHIVED))
        if self._committed is not None:
            query = query.outerjoin(self._committed, self._committed.c.variant_id == Variant.id)
        if self._sold is not None:  # (the reorder point may also be set per SKU)
            query = query.outerjoin(self._sold, self._sold.c.variant_id == Variant.id)
            query = query.outerjoin(StockPolicy, StockPolicy.variant_id == Variant.id)
            query = query.outerjoin(SUPPLY_TERMS, SUPPLY_TERMS.c.variant_id == Variant.id)
        return self._filtered(query)

    def _filtered(self, query: Select[Any]) -> Select[Any]:
        spec = self.query
        if spec.category_id is not None:
            query = query.where(Product.category_id.in_(descendant_ids(spec.category_id)))
        if search_words(spec.search):
            query = query.where(variant_matches(spec.search) if self.broad
                                else Variant.id.in_(variant_ids_matching(spec.search)))
        condition = {
            STOCK_IN: self.available > 0,
            STOCK_OUT: self.available <= 0,
            STOCK_NEGATIVE: Variant.on_hand < 0,
            STOCK_REORDER: at_or_below_reorder_point(projected(self.available, self.on_order),
                                                     self.reorder_point()),
        }.get(spec.stock)
        return query if condition is None else query.where(condition)

    def reorder_point(self) -> Any:
        return reorder_point(self.sold, self.defaults)

    def keyset(self) -> Keyset:
        """The table's order: the column's key, the SKU's id breaking ties."""
        window = self.defaults.velocity_window_days
        # Days of cover for sorting only; SKUs that do not sell have none and come last.
        cover = case((self.sold > 0, func.max(self.available, 0) * window * 1.0 / self.sold))
        title = (Product.title, Product.id, Variant.position)
        keys: dict[str, Sequence[Any]] = {
            "title": title, "sku": (Variant.sku,), "options": (_OPTIONS_TEXT,),
            "on_hand": (Variant.on_hand,), "committed": (self.committed,),
            "available": (self.available,), "on_order": (self.on_order,),
            "velocity": (self.sold,), "cover": (cover,),
            "reorder_point": (self.reorder_point(),), "value": (_VALUE,),
        }
        descending = self.query.descending
        nulls_last = True if self.query.sort == "cover" else None
        not_null = (*title, Variant.sku, Variant.on_hand)  # (NOT NULL columns, not joined)
        return Keyset([*(SortKey(key, descending, nulls_last,
                                 nullable=not any(key is n for n in not_null))
                         for key in keys.get(self.query.sort, title)),
                       SortKey(Variant.id, descending, nullable=False)])


def _frame(session: Session, query: InventoryQuery, defaults: StockDefaults,
           now: datetime | None, page: bool = False) -> _Frame:
    broad = bool(search_words(query.search)) and is_broad_search(session, query.search)
    since = (now or utc_now()) - timedelta(days=defaults.velocity_window_days)
    return _Frame(query, defaults, since, broad, page)


_ROW_COLUMNS = (Variant.id, Variant.product_id, Variant.sku, Product.title, Variant.option1,
                Variant.option2, Variant.option3, Variant.barcode, Variant.unit_cost,
                Variant.on_hand)


def list_inventory(uow: UnitOfWork, query: InventoryQuery, *, offset: int = 0,
                   limit: int = 256, count: bool = True, now: datetime | None = None,
                   after: Cursor | None = None) -> Page[InventoryRow]:
    """One page of SKUs with their stock figures; `count=False` leaves the total to
    `summarize_inventory` (counting 100,000 SKUs costs more than a page). The page ends at
    `Page.cursor`: the next one is read `after` it (keyset paging; `offset` is then unused)."""
    with uow:
        session = uow.session
        defaults = read_stock_defaults(session)
        frame = _frame(session, query, defaults, now, page=True)
        keyset = frame.keyset()
        columns = [*_ROW_COLUMNS, frame.committed.label("committed"),
                   frame.on_order.label("on_order"), frame.sold.label("sold"),
                   *keyset.columns()]
        page = frame.select(*columns).order_by(*keyset.order_by())
        page = page.where(keyset.after(after)) if after is not None else page.offset(offset)
        rows = session.execute(page.limit(limit + 1)).all()
        has_more, rows = len(rows) > limit, rows[:limit]
        known = {row.id: (row.on_hand, row.committed, row.on_order, row.sold) for row in rows}
        figures = _figures(session, known, defaults, frame.since, frame.aggregated)
        total = summarize(session, query, defaults, now).skus if count else None
    return Page([_inventory_row(row, figures[row.id]) for row in rows], total, has_more,
                keyset.cursor_of(rows[-1]) if rows else None)


def summarize_inventory(uow: UnitOfWork, query: InventoryQuery, *,
                        now: datetime | None = None) -> InventorySummary:
    """How many SKUs match, and their units and value on hand."""
    with uow:
        return summarize(uow.session, query, read_stock_defaults(uow.session), now)


def summarize(session: Session, query: InventoryQuery, defaults: StockDefaults,
              now: datetime | None) -> InventorySummary:
    frame = _frame(session, query, defaults, now)
    skus, units, cents = session.execute(frame.select(
        func.count(), func.coalesce(func.sum(Variant.on_hand), 0),
        func.coalesce(func.sum(_VALUE), 0))).one()
    return InventorySummary(
        int(skus), int(units), from_minor_units(int(cents)))  # type: ignore[arg-type]


def _options(*values: str) -> str:
    return " / ".join(v for v in values if v)


def _inventory_row(row: Any, figures: StockFigures) -> InventoryRow:
    return InventoryRow(
        variant_id=row.id, product_id=row.product_id, sku=row.sku, title=row.title,
        options=_options(row.option1, row.option2, row.option3), barcode=row.barcode,
        unit_cost=row.unit_cost, figures=figures)


def _figures(session: Session, known: dict[int, tuple[int, int, int, int]],
             defaults: StockDefaults, since: datetime,
             aggregated: bool) -> dict[int, StockFigures]:
    """Stock figures from (on hand, committed, on order, sold) by SKU; unless `aggregated`
    (the page query summed them already), committed and sold come from small queries on these
    SKUs."""
    ids = list(known)
    if not ids:
        return {}
    if not aggregated:
        committed = _units_by_variant(session, committed_units(ids))
        sold = _units_by_variant(session, units_sold_since(
            since, ids, by_sku=_sold_by_sku(session, ids)))
        known = {vid: (on_hand, committed.get(vid, 0), ordered, sold.get(vid, 0))
                 for vid, (on_hand, _c, ordered, _s) in known.items()}
    policies = in_force_policies(session, ids)
    return {vid: stock_figures(*known[vid], policies.get(vid, PolicyDraft()), defaults)
            for vid in ids}


def stock_figures(on_hand: int, committed: int, on_order: int, units_sold: int,
                  policy: PolicyDraft, defaults: StockDefaults) -> StockFigures:
    window = defaults.velocity_window_days
    daily = reorder.velocity(units_sold, window)
    levels = levels_for(daily, policy, defaults)
    return StockFigures(
        on_hand=on_hand, committed=committed, on_order=on_order, units_sold=units_sold,
        window_days=window, velocity=daily,
        days_of_cover=reorder.days_of_cover(available(on_hand, committed), daily),
        reorder_point=levels.reorder_point, reorder_point_manual=levels.reorder_point_manual)


def _policies(session: Session, ids: Iterable[int]) -> dict[int, PolicyDraft]:
    columns = [getattr(StockPolicy, name) for name in _POLICY_FIELDS]
    rows = session.execute(select(StockPolicy.variant_id, *columns)
                           .where(StockPolicy.variant_id.in_(list(ids))))
    return {row[0]: PolicyDraft(*row[1:]) for row in rows}


def in_force_policies(session: Session, ids: Iterable[int]) -> dict[int, PolicyDraft]:
    """The SKUs' own rules with, where a rule is blank, the lead time, pack and MOQ of their
    preferred supplier (position_sql.SUPPLY_TERMS): the rules the figures are judged by."""
    own = _policies(session, ids)
    terms = session.execute(select(SUPPLY_TERMS).where(
        SUPPLY_TERMS.c.variant_id.in_(list(ids)))).all()
    for row in terms:
        policy = own.get(row.variant_id, PolicyDraft())
        own[row.variant_id] = replace(policy, **{
            name: getattr(row, name) for name in TERM_FIELDS
            if getattr(policy, name) is None and getattr(row, name) is not None})
    return own


# -- one SKU -----------------------------------------------------------------------------------

def sku_stock(uow: UnitOfWork, variant_id: int, *, now: datetime | None = None) -> SkuStock:
    """A SKU's stock position, its own rules and the shop defaults, for the stock dialogs."""
    with uow:
        session = uow.session
        defaults = read_stock_defaults(session)
        since = (now or utc_now()) - timedelta(days=defaults.velocity_window_days)
        row = session.execute(select(*_ROW_COLUMNS, on_order(Variant.id).label("on_order"))
                              .join(Product, Product.id == Variant.product_id)
                              .where(Variant.id == variant_id)).first()
        if row is None:
            raise NotFoundError(
                _("SKU {variant_id} does not exist (was it removed elsewhere?)").format(
                    variant_id=variant_id
                )
            )
        policy = _policies(session, [variant_id]).get(variant_id, PolicyDraft())
        in_force = in_force_policies(session, [variant_id]).get(variant_id, PolicyDraft())
        figures = _figures(session, {variant_id: (row.on_hand, 0, row.on_order, 0)}, defaults,
                           since,
                           aggregated=False)[variant_id]
        shop_default = shop_allows_negative(session)
    safety, point, maximum = suggested_for(figures.velocity, in_force, defaults)
    return SkuStock(
        variant_id=variant_id, sku=row.sku, title=row.title,
        options=_options(row.option1, row.option2, row.option3), unit_cost=row.unit_cost,
        figures=figures, policy=policy, defaults=defaults,
        suggested=SuggestedLevels(safety, point, maximum),
        allows_negative=allows_negative(policy.allow_negative, shop_default))


_NEWEST_FIRST = Keyset([SortKey(StockMovement.at, descending=True, nullable=False),
                        SortKey(StockMovement.id, descending=True, nullable=False)])


def movement_history(uow: UnitOfWork, variant_id: int, *, offset: int = 0, limit: int = 200,
                     after: Cursor | None = None) -> Page[MovementRow]:
    """A SKU's movements, newest first, each with the on-hand it left behind.

    The on-hand after each movement is worked back from the SKU's on-hand (the ledger's sum,
    kept in step with it by the ledger), so that a page of a best seller's long history costs
    no more than a page of a short one. The page ends at `Page.cursor` (the last movement's
    keys and the on-hand before it): the next page is read `after` it without summing the
    movements before it again (keyset paging; `offset` is then unused).
    """
    mine = StockMovement.variant_id == variant_id
    with uow:
        session = uow.session
        zone = shop_zone(session)
        query = (select(StockMovement.id, StockMovement.at, StockMovement.kind,
                        StockMovement.quantity, StockMovement.reason, StockMovement.reference,
                        StockMovement.order_id, *_NEWEST_FIRST.columns())
                 .where(mine).order_by(*_NEWEST_FIRST.order_by()))
        if after is not None:
            balance = after[-1]
            query = query.where(_NEWEST_FIRST.after(after[:-1]))
        else:
            balance = _balance_before(session, variant_id, offset)
            query = query.offset(offset)
        rows = session.execute(query.limit(limit + 1)).all()
        total = session.scalar(select(func.count()).where(mine)) or 0
    has_more, rows = len(rows) > limit, rows[:limit]
    movements = []
    for row in rows:
        movements.append(MovementRow(
            id=row.id, at=row.at.astimezone(zone), kind=row.kind.value, quantity=row.quantity,
            balance=balance, reason=row.reason, reference=row.reference, order_id=row.order_id))
        balance -= row.quantity
    cursor = (*_NEWEST_FIRST.cursor_of(rows[-1]), balance) if rows else None
    return Page(movements, total, has_more, cursor)


def _balance_before(session: Session, variant_id: int, offset: int) -> int:
    """The on-hand left by the newest movement after skipping the `offset` newest."""
    mine = StockMovement.variant_id == variant_id
    balance = session.scalar(select(Variant.on_hand).where(Variant.id == variant_id)) or 0
    if offset:
        newer = (select(StockMovement.quantity).where(mine)
                 .order_by(*_NEWEST_FIRST.order_by()).limit(offset).subquery())
        balance -= session.scalar(select(func.coalesce(func.sum(newer.c.quantity), 0))) or 0
    return balance


# -- stock count sheets ------------------------------------------------------------------------

_SHEET_COLUMNS = (Variant.id, Variant.sku, Product.title, Variant.option1, Variant.option2,
                  Variant.option3, Variant.barcode, Variant.on_hand)


def _count_line(row: Any) -> CountLine:
    vid, sku, title, option1, option2, option3, barcode, on_hand = row
    return CountLine(vid, sku, title, _options(option1, option2, option3), barcode, on_hand)


def count_sheet(uow: UnitOfWork, query: InventoryQuery, *,
                now: datetime | None = None) -> list[CountLine]:
    """Every SKU the Inventory table shows for `query`, in its order, to count."""
    with uow:
        frame = _frame(uow.session, query, read_stock_defaults(uow.session), now)
        ordered = frame.select(*_SHEET_COLUMNS).order_by(*frame.keyset().order_by())
        rows = uow.session.execute(ordered)
        return [_count_line(row) for row in rows.tuples()]


def find_count_line(uow: UnitOfWork, code: str) -> CountLine | None:
    """The SKU whose SKU code (any case) or barcode is `code`, as typed or scanned."""
    code = code.strip()
    if not code:
        return None
    base = select(*_SHEET_COLUMNS).join(Product, Product.id == Variant.product_id)
    with uow:
        session = uow.session
        for condition in (Variant.sku == code, func.lower(Variant.sku) == code.lower(),
                          Variant.barcode == code):
            row = session.execute(base.where(condition).order_by(Variant.id).limit(1)).first()
            if row is not None:
                return _count_line(row)
    return None
