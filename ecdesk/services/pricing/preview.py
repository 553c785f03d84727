"""The preview (dry run) of every rule: built into the `price_preview` table, paged from it.

400,000 rows (100,000 SKUs on 4 channels) are written to the shop file in chunks as they are
computed, so neither the worker nor the page ever holds them as a list; the page reads one page
of them at a time, filtered and sorted in SQL. The preview stays until the next preview or an
apply, so `pricing apply` applies what `pricing preview` showed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from itertools import islice

from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import CancelledError
from ecdesk.i18n import _
from ecdesk.money import from_minor_units
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.common.page import Page
from ecdesk.services.common.progress import Progress
from ecdesk.services.common.shop_time import shop_today, shop_zone
from ecdesk.services.common.text_search import escape_like
from ecdesk.services.pricing.flags import Flag, flag_names
from ecdesk.services.pricing.price_settings import read_price_settings
from ecdesk.services.pricing.resolve import PriceSettings, RuleBook, TargetPrice, price_sku
from ecdesk.services.pricing.rule_store import load_rules
from ecdesk.services.pricing.rules import PriceRuleInfo
from ecdesk.services.pricing.sku_facts import ShopFacts, read_shop_facts, read_sku_facts
from ecdesk.services.pricing.vector_checks import rates_fit
from ecdesk.services.shop_file.bulk_indexes import plain_indexes_dropped

RATE_UNITS = Decimal(10) ** 6
INSERT = """INSERT INTO price_preview (variant_id, sku, channel_id, rule_id, rule_name,
    old_price, old_effective, new_price, change_rate, margin_before, margin_after, follows_list,
    flags, writes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
# A row applying would change: written, or following a list price that changes
CHANGE = "(p.writes = 1 OR (p.follows_list = 1 AND p.new_price != p.old_effective))"
FLAGGED_CHANGE = f"p.flags != 0 AND {CHANGE}"


@dataclass(frozen=True)
class PreviewSummary:
    rows: int
    changes: int  # rows whose price would change
    writes: int  # stored prices applying would write
    flagged_changes: int  # changes with a flag: `pricing preview` exits 3
    by_flag: dict[Flag, int]
    changed: Changed | None = None


@dataclass(frozen=True)
class PreviewQuery:
    changes_only: bool = True
    flag: int = 0  # rows with any of these flags (0: all)
    channel_id: int | None = None  # None: every target; 0: list prices only
    sku_text: str = ""
    rule_name: str = ""
    sort: str = "sku"  # a key of SORTS
    descending: bool = False


@dataclass(frozen=True)
class PreviewRow:
    id: int
    sku: str
    channel: str  # "" for the list price
    rule_name: str
    old_price: Decimal | None
    old_effective: Decimal
    new_price: Decimal
    change_rate: Decimal | None
    margin_before: Decimal | None
    margin_after: Decimal | None
    follows_list: bool
    flags: Flag
    writes: bool

    @property
    def flag_text(self) -> str:
        return ", ".join(flag_names(self.flags))


def build_price_preview(uow: UnitOfWork, *, rule_name: str | None = None,
                        progress: Progress | None = None, per_sku: bool = False
                        ) -> PreviewSummary:
    """Compute every price the rules in force set and store it as the preview (replacing the
    last one); with `rule_name`, only the prices that rule wins.

    The prices are computed a rule at a time over arrays of cents (`vector_preview`); with
    `per_sku` (or a rate finer than a millionth) SKU by SKU with the Decimal engine, the
    reference the arrays are tested against."""
    with uow:
        session = uow.session
        rules = load_rules(session)
        shop = read_shop_facts(session, rules)
        book = RuleBook.of(rules, sorted(shop.fees), shop_today(shop_zone(session)))
        settings = read_price_settings(session)
        conn = session.connection()
        total = conn.exec_driver_sql("SELECT count(*) FROM variants").scalar() or 0
        counted: list[PreviewSummary] = []  # the arrays count their rows as they make them
        if per_sku or not rates_fit(rules, settings, shop):
            chunks = _per_sku_rows(session, rules, book, shop, settings, rule_name)
        else:
            chunks = _vector_rows(session, rules, book, shop, settings, rule_name, total,
                                  counted)
        with plain_indexes_dropped(conn, ["price_preview"]):  # indexed once, after the rows
            conn.exec_driver_sql("DELETE FROM price_preview")
            for rows, done in chunks:
                if rows:
                    conn.exec_driver_sql(INSERT, rows)  # type: ignore[arg-type]
                if progress is not None and not progress(done, total):
                    raise CancelledError(_("The preview was cancelled: nothing was changed."))
        summary = counted[0] if counted else _summary(session)
        uow.commit()
    return PreviewSummary(summary.rows, summary.changes, summary.writes, summary.flagged_changes,
                          summary.by_flag, Changed.of(ChangeArea.PRICING))


Rows = Iterator[tuple[list[tuple[object, ...]], int]]  # (rows to insert, SKUs done so far)


def _per_sku_rows(session: Session, rules: list[PriceRuleInfo], book: RuleBook,
                  shop: ShopFacts, settings: PriceSettings, rule_name: str | None) -> Rows:
    done = 0
    for chunk in read_sku_facts(session, rules):
        done += len(chunk)
        yield [_row(sku.variant_id, sku.sku, target) for sku in chunk
               for target in price_sku(sku, book, shop, settings)
               if rule_name is None or (target.rule and target.rule.name == rule_name)], done


def _vector_rows(session: Session, rules: list[PriceRuleInfo], book: RuleBook,
                 shop: ShopFacts, settings: PriceSettings, rule_name: str | None, total: int,
                 counted: list[PreviewSummary]) -> Rows:
    from ecdesk.services.pricing import vector_preview  # numpy: imported when first needed

    arrays = vector_preview.Shop(session, shop, rules)
    yield [], total // 5
    made, counts = vector_preview.preview_rows(arrays, book, settings, rule_name)
    counted.append(PreviewSummary(counts.rows, counts.changes, counts.writes,
                                  counts.flagged_changes, counts.by_flag))
    written = 0
    while rows := list(islice(made, 50_000)):  # chunks: progress, and no list of them all
        written += len(rows)
        yield rows, total // 2 + (total // 2) * written // max(counts.rows, 1)
    yield [], len(arrays.skus)


_cents_cache: dict[Decimal, int] = {}


def _cents(value: Decimal | None) -> int | None:
    if value is None:
        return None
    cents = _cents_cache.get(value)
    if cents is None:
        cents = _cents_cache[value] = int(value * 100)
    return cents


def _rate(value: Decimal | None) -> int | None:
    return None if value is None else int((value * RATE_UNITS).to_integral_value(ROUND_HALF_UP))


def _row(variant_id: int, sku: str, target: TargetPrice) -> tuple[object, ...]:
    old = target.old_effective
    change = (target.new_price - old) / old if old > 0 else None
    rule = target.rule
    return (variant_id, sku, target.channel_id, rule.id if rule else None,
            rule.name if rule else "", _cents(target.old_price), _cents(old),
            _cents(target.new_price), _rate(change), _rate(target.margin_before),
            _rate(target.margin_after), int(target.follows_list), int(target.flags),
            int(target.writes))


def _summary(session: Session) -> PreviewSummary:
    """The preview's counts, in one pass over it."""
    by_flag_sql = "".join(f", coalesce(sum(p.flags & {int(flag)} != 0 AND {CHANGE}), 0)"
                          for flag in Flag)
    rows, changes, writes, flagged, *by_flag = session.connection().exec_driver_sql(
        f"SELECT count(*), coalesce(sum({CHANGE}), 0), coalesce(sum(p.writes), 0), "
        f"coalesce(sum({FLAGGED_CHANGE}), 0){by_flag_sql} FROM price_preview p").one()
    return PreviewSummary(rows, changes, writes, flagged, dict(zip(Flag, by_flag, strict=True)))


def preview_summary(uow: UnitOfWork) -> PreviewSummary:
    with uow:
        return _summary(uow.session)


# sort key -> the columns it orders by (each followed by the direction), then p.id
SORTS = {"sku": ("p.sku", "p.channel_id IS NOT NULL", "c.position"),
         "channel": ("c.position", "p.sku"), "rule": ("p.rule_name", "p.sku"),
         "old": ("p.old_effective",), "new": ("p.new_price",),
         "change": ("abs(coalesce(p.change_rate, 0))",),
         "margin_before": ("p.margin_before IS NULL", "p.margin_before"),
         "margin": ("p.margin_after IS NULL", "p.margin_after"), "flags": ("p.flags",)}


def _order(query: PreviewQuery) -> str:
    direction = " DESC" if query.descending else ""
    columns = SORTS.get(query.sort, SORTS["sku"])
    return ", ".join(f"{column}{direction}" for column in (*columns, "p.id"))


def _where(query: PreviewQuery) -> tuple[str, list[object]]:
    clauses, params = ["1"], []
    if query.changes_only:
        clauses.append(CHANGE)
    if query.flag:
        clauses.append("p.flags & ?")
        params.append(query.flag)
    if query.channel_id == 0:
        clauses.append("p.channel_id IS NULL")
    elif query.channel_id is not None:
        clauses.append("p.channel_id = ?")
        params.append(query.channel_id)
    if query.sku_text.strip():
        clauses.append("p.sku LIKE ? ESCAPE '\\'")
        params.append(f"%{escape_like(query.sku_text.strip())}%")
    if query.rule_name:
        clauses.append("p.rule_name = ?")
        params.append(query.rule_name)
    return " AND ".join(clauses), params


def read_preview_page(uow: UnitOfWork, query: PreviewQuery, offset: int, limit: int,
                      *, count: bool = True) -> Page[PreviewRow]:
    """One page of the preview, filtered and sorted in SQL."""
    where, params = _where(query)
    with uow:
        conn = uow.session.connection()
        rows = [_preview_row(r) for r in conn.exec_driver_sql(
            f"{_SELECT} WHERE {where} ORDER BY {_order(query)} "
            "LIMIT ? OFFSET ?", (*params, limit + 1, offset))]
        total = conn.exec_driver_sql(f"SELECT count(*) FROM price_preview p WHERE {where}",
                                     tuple(params)).scalar() if count else None
    return Page(rows[:limit], total, has_more=len(rows) > limit)


def iter_preview(uow: UnitOfWork, query: PreviewQuery, chunk: int = 5000
                 ) -> Iterator[PreviewRow]:
    """Every row of the preview matching `query`, a page at a time (for files and --json)."""
    offset = 0
    while True:
        page = read_preview_page(uow, query, offset, chunk, count=False)
        yield from page.rows
        if not page.has_more:
            return
        offset += chunk


_SELECT = """SELECT p.id, p.sku, coalesce(c.name, ''), p.rule_name, p.old_price,
    p.old_effective, p.new_price, p.change_rate, p.margin_before, p.margin_after,
    p.follows_list, p.flags, p.writes
    FROM price_preview p LEFT JOIN channels c ON c.id = p.channel_id"""


def _preview_row(row: tuple) -> PreviewRow:  # type: ignore[type-arg]
    (row_id, sku, channel, rule, old, old_eff, new, change, before, after, follows, flags,
     writes) = row
    return PreviewRow(row_id, sku, channel, rule, from_minor_units(old),
                      from_minor_units(old_eff), from_minor_units(new),  # type: ignore[arg-type]
                      _from_rate(change), _from_rate(before), _from_rate(after), bool(follows),
                      Flag(flags), bool(writes))


def _from_rate(units: int | None) -> Decimal | None:
    return None if units is None else Decimal(units) / RATE_UNITS
