"""The preview's rows computed a rule at a time over arrays (integer cents), not a SKU at a time.

The same decisions as `resolve.price_sku`, taken for every SKU at once: for each target (the list
price, then each channel in `RuleBook.channel_order`) each SKU's winning rule is the first in
the book's specificity order whose scope holds it; each rule then prices the SKUs it wins with
`vector_engine.compute_prices`. A listing without its own price that a general rule wins follows
the new list price. A channel priced from another channel reads that channel's new effective
price. Then the big-change and consistency flags, and the rows in the per-SKU order (by SKU,
the list price first, then the channels in the book's order), ready for `INSERT`.

tests/unit/test_vector_engine.py and tests/integration/test_vector_preview.py hold it to the
per-SKU Decimal engine, row for row.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy.orm import Session

from ecdesk.services.pricing.flags import Flag
from ecdesk.services.pricing.margin import NO_FEES
from ecdesk.services.pricing.resolve import PriceSettings, RuleBook
from ecdesk.services.pricing.rules import PriceBase, PriceRuleInfo, Scope
from ecdesk.services.pricing.sku_facts import LISTINGS, MARKET, SKUS, ShopFacts
from ecdesk.services.pricing.vector_engine import (
    Array,
    Fees,
    Inputs,
    compute_prices,
    floor_of,
    half_up,
    judge,
    margin_units,
    millionths,
)
from ecdesk.services.pricing.vector_engine import M as RATE_UNITS

MISSING = np.iinfo(np.int64).min  # a NULL price in an int64 column (never a real price)


@dataclass
class Skus:
    """The SKUs as columns, in variant id order (the preview's order)."""

    variant_id: Array
    sku: Array  # object: str
    product_id: Array
    brand: Array  # object: lower-case str
    category_id: Array  # -1: none
    cost: Array
    list_price: Array
    compare_at: Array  # MISSING: none

    def __len__(self) -> int:
        return len(self.variant_id)


@dataclass
class Target:
    """The rows of one target (the list price, or one channel), by SKU position."""

    ordinal: int  # 0: the list price; then the channels in the book's order
    channel_id: int | None
    at: Array  # SKU positions
    rule: Array  # index into the book's rules (-1 never in a row)
    old_price: Array  # MISSING: none stored
    old_effective: Array
    new_price: Array
    flags: Array
    follows: Array  # bool
    fees: Fees


class Shop:
    """Everything one preview reads, as arrays."""

    def __init__(self, session: Session, facts: ShopFacts, rules: list[PriceRuleInfo]) -> None:
        rows = _fetch(session, SKUS.format(only=""))
        columns = list(zip(*rows, strict=True)) if rows else [()] * 8
        vid, sku, pid, brand, cat, cost, price, compare = columns
        self.skus = Skus(_ints(vid), np.array(sku, dtype=object), _ints(pid),
                         np.array([b or "" for b in brand], dtype=object), _ints(cat, -1),
                         _ints(cost), _ints(price), _ints(compare, MISSING))
        self.listings = self._listings(session)
        self.facts = facts
        self.market = self._market(session) if any(
            r.base is PriceBase.MARKET for r in rules) else {}

    def _listings(self, session: Session) -> dict[int, tuple[Array, Array]]:
        """channel -> (SKU positions, own price or MISSING)."""
        rows = _fetch(session, LISTINGS.format(only="").replace(
            "l.channel_price", f"coalesce(l.channel_price, {MISSING})"))
        table = np.array(rows, dtype=np.int64).reshape(-1, 3)
        ids = self.skus.variant_id
        at = np.minimum(np.searchsorted(ids, table[:, 0]), max(len(ids) - 1, 0))
        known = (ids[at] == table[:, 0]) if len(ids) else np.zeros(len(table), dtype=bool)
        at, channel, own = at[known], table[known, 1], table[known, 2]
        return {c: (at[channel == c], own[channel == c]) for c in np.unique(channel).tolist()}

    def _market(self, session: Session) -> dict[int | None, Array]:
        """channel (None: any) -> each SKU's newest market price, or MISSING."""
        newest: dict[int | None, dict[int, int]] = {}
        position = {v: i for i, v in enumerate(self.skus.variant_id.tolist())}
        for vid, channel_id, price in session.connection().exec_driver_sql(
                MARKET.format(only="")):
            at = position.get(vid)
            if at is not None:
                newest.setdefault(channel_id, {})[at] = price
        market = {}
        for channel_id, prices in newest.items():
            column = np.full(len(self.skus), MISSING, dtype=np.int64)
            column[list(prices)] = list(prices.values())
            market[channel_id] = column
        return market

    def market_for(self, channel_id: int | None, at: Array) -> Array:
        """The market price a rule of `channel_id` reads: the channel's own, else any."""
        anywhere = self.market.get(None)
        price = anywhere[at] if anywhere is not None else np.full(len(at), MISSING)
        own = self.market.get(channel_id) if channel_id is not None else None
        return price if own is None else np.where(own[at] != MISSING, own[at], price)

    def in_scope(self, rule: PriceRuleInfo, at: Array) -> Array:
        """resolve.matches for the SKUs at `at`."""
        skus = self.skus
        if rule.scope is Scope.ALL:
            return np.ones(len(at), dtype=bool)
        if rule.scope is Scope.SKU:
            return skus.variant_id[at] == rule.scope_id
        if rule.scope is Scope.PRODUCT:
            return skus.product_id[at] == rule.scope_id
        if rule.scope is Scope.BRAND:
            return skus.brand[at] == rule.scope_text.lower()
        if rule.scope is Scope.CATEGORY:
            under = [c for c, above in self.facts.ancestors.items() if rule.scope_id in above]
            return np.isin(skus.category_id[at], under)
        tagged = [p for p, tags in self.facts.tags.items() if rule.scope_id in tags]
        return np.isin(skus.product_id[at], tagged)


def _fetch(session: Session, sql: str) -> list[tuple[Any, ...]]:
    """The rows as plain tuples from the DB-API cursor, in the session's transaction (numpy
    reads tuples several times faster than SQLAlchemy's rows)."""
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(sql)
        return cursor.fetchall()
    finally:
        cursor.close()


def _ints(values: Any, missing: int | None = None) -> Array:
    if missing is None:
        return np.array(values, dtype=np.int64)
    return np.array([missing if v is None else v for v in values], dtype=np.int64)


def winners(shop: Shop, rules: list[PriceRuleInfo], at: Array) -> Array:
    """The index (in `rules`, most specific first) of the rule each SKU at `at` takes; -1."""
    won = np.full(len(at), -1, dtype=np.int64)
    for index, rule in enumerate(rules):
        open_ = won == -1
        if not open_.any():
            break
        won[open_ & shop.in_scope(rule, at)] = index
    return won


class VectorPreview:
    """The preview of every target of a shop, a rule at a time."""

    def __init__(self, shop: Shop, book: RuleBook, settings: PriceSettings) -> None:
        self.shop, self.book, self.settings = shop, book, settings
        self.floor = millionths(settings.min_margin) or 0
        self.rules = book.for_list + [r for c in book.channel_order for r in book.for_channel[c]]
        self.targets: list[Target] = []
        skus = shop.skus
        self.new_list = skus.list_price.copy()
        self.list_rule = np.full(len(skus), -1, dtype=np.int64)  # index into self.rules
        self.effective: dict[int, tuple[Array, Array]] = {}  # channel -> (positions, price)

    def run(self) -> list[Target]:
        self._list_prices()
        offset = len(self.book.for_list)
        for ordinal, channel_id in enumerate(self.book.channel_order, start=1):
            rules = self.book.for_channel[channel_id]
            if channel_id in self.shop.listings:
                self._channel(ordinal, channel_id, rules, offset)
            offset += len(rules)
        self._judge_consistency()
        return self.targets

    def _list_prices(self) -> None:
        skus = self.shop.skus
        at = np.arange(len(skus), dtype=np.int64)
        won = winners(self.shop, self.book.for_list, at)
        at, won = at[won >= 0], won[won >= 0]
        new, flags = self._priced(self.book.for_list, won, at, skus.list_price[at],
                                  Fees.of(NO_FEES), None, skus.list_price[at])
        self.new_list[at] = new
        self.list_rule[at] = won
        self.targets.append(Target(0, None, at, won, skus.list_price[at], skus.list_price[at],
                                   new, flags, np.zeros(len(at), dtype=bool), Fees.of(NO_FEES)))

    def _channel(self, ordinal: int, channel_id: int, rules: list[PriceRuleInfo], offset: int
                 ) -> None:
        skus, fees = self.shop.skus, Fees.of(self.shop.facts.fees[channel_id])
        at, own = self.shop.listings[channel_id]
        has_own = own != MISSING
        old_effective = np.where(has_own, own, skus.list_price[at])
        won = winners(self.shop, rules, at)
        general = np.array([r.channel_id is None for r in rules] + [True])[won]  # -1: last
        follows = ~has_own & general & (self.list_rule[at] >= 0)
        computed = (won >= 0) & ~(~has_own & general)
        effective = old_effective.copy()
        effective[follows] = self.new_list[at[follows]]
        c_at, c_won = at[computed], won[computed]
        new, flags = self._priced(rules, c_won, c_at, old_effective[computed], fees, channel_id,
                                  self.new_list[c_at])
        effective[computed] = new
        self.effective[channel_id] = (at, effective)
        f_at = at[follows]
        list_rules = self.list_rule[f_at]
        f_flags = np.zeros(len(f_at), dtype=np.int64)
        for index in np.unique(list_rules).tolist():
            mine = list_rules == index
            f_flags[mine] = judge(self.new_list[f_at[mine]], skus.cost[f_at[mine]], fees,
                                  floor_of(self.rules[index], self.floor))
        f_flags |= self._big_change(old_effective[follows], self.new_list[f_at])
        in_rows = follows | computed
        rule = np.where(follows, self.list_rule[at], won + offset)
        flag_column = np.zeros(len(at), dtype=np.int64)
        flag_column[follows], flag_column[computed] = f_flags, flags
        self.targets.append(Target(ordinal, channel_id, at[in_rows], rule[in_rows],
                                   own[in_rows], old_effective[in_rows], effective[in_rows],
                                   flag_column[in_rows], follows[in_rows], fees))

    def _priced(self, rules: list[PriceRuleInfo], won: Array, at: Array, old_effective: Array,
                fees: Fees, channel_id: int | None, list_price: Array) -> tuple[Array, Array]:
        """Each rule prices the SKUs it won: (new price, flags) in the order of `at`."""
        new = old_effective.copy()
        flags = np.zeros(len(at), dtype=np.int64)
        for index in np.unique(won).tolist():
            mine = won == index
            rule, where = rules[index], at[mine]
            base = self._base(rule, channel_id, where, list_price[mine])
            price, priced, rule_flags = compute_prices(rule, Inputs(
                self.shop.skus.cost[where], base, base != MISSING, fees, self.floor))
            new[mine] = np.where(priced, price, old_effective[mine])
            flags[mine] = rule_flags
        return new, flags | self._big_change(old_effective, new)

    def _base(self, rule: PriceRuleInfo, channel_id: int | None, at: Array, list_price: Array
              ) -> Array:
        """The price a relative rule starts from (engine._relative's base), MISSING: none."""
        base = rule.base or PriceBase.LIST_PRICE
        if base is PriceBase.LIST_PRICE:
            return list_price
        if base is PriceBase.COMPARE_AT:
            return self.shop.skus.compare_at[at]
        if base is PriceBase.MARKET:
            return self.shop.market_for(channel_id, at)
        column = np.full(len(self.shop.skus), MISSING, dtype=np.int64)
        if channel_id is not None and rule.base_channel_id in self.effective:
            positions, prices = self.effective[rule.base_channel_id]
            column[positions] = prices
        return column[at]

    def _big_change(self, old: Array, new: Array) -> Array:
        numerator, denominator = self.settings.change_threshold.as_integer_ratio()
        big = (old > 0) & (np.abs(new - old) * denominator > old * numerator)
        return np.where(big, int(Flag.BIG_CHANGE), 0)

    def _judge_consistency(self) -> None:
        """resolve._judged_consistency: every listed channel's effective price, new or not."""
        size = len(self.shop.skus)
        high = np.full(size, MISSING, dtype=np.int64)
        low = np.full(size, -MISSING - 1, dtype=np.int64)
        count = np.zeros(size, dtype=np.int64)
        for channel_id in self.book.channel_order:
            if channel_id not in self.shop.listings:
                continue
            at, price = self.effective[channel_id]
            high[at] = np.maximum(high[at], price)
            low[at] = np.minimum(low[at], price)
            count[at] += 1
        numerator, denominator = self.settings.tolerance.as_integer_ratio()
        apart = (count >= 2) & (high > 0) & ((high - low) * denominator > high * numerator)
        for target in self.targets[1:]:
            target.flags = target.flags | np.where(apart[target.at], int(Flag.INCONSISTENT), 0)


@dataclass(frozen=True)
class Counts:
    """preview.PreviewSummary's counts, from the arrays (no pass over the written table)."""

    rows: int
    changes: int
    writes: int
    flagged_changes: int
    by_flag: dict[Flag, int]


def preview_rows(shop: Shop, book: RuleBook, settings: PriceSettings, rule_name: str | None
                 ) -> tuple[Iterator[tuple[object, ...]], Counts]:
    """The preview's rows (preview.INSERT's columns) in the per-SKU order, and their counts."""
    preview = VectorPreview(shop, book, settings)
    targets = preview.run()
    skus = shop.skus
    at = np.concatenate([t.at for t in targets])
    rule = np.concatenate([t.rule for t in targets])
    order = np.lexsort((np.concatenate([np.full(len(t.at), t.ordinal) for t in targets]), at))
    columns = _columns(targets, preview, order)
    names = np.array([r.name for r in preview.rules], dtype=object)
    ids = np.array([r.id for r in preview.rules], dtype=np.int64)
    keep = slice(None) if rule_name is None else names[rule[order]] == rule_name
    at, rule = at[order][keep], rule[order][keep]
    kept = [column[order][keep] for column in columns]
    return zip(skus.variant_id[at].tolist(), skus.sku[at].tolist(), kept[0].tolist(),
               ids[rule].tolist(), names[rule].tolist(), *(c.tolist() for c in kept[1:]),
               strict=True), _counts(*kept[2:4], *kept[7:10])


def _counts(old_effective: Array, new: Array, follows: Array, flags: Array, writes: Array
            ) -> Counts:
    """A row changes when applying it writes, or it follows a list price that changes
    (preview.CHANGE, in SQL, for the per-SKU path)."""
    changes = (writes == 1) | ((follows == 1) & (new != old_effective))
    return Counts(len(new), int(changes.sum()), int(writes.sum()),
                  int((changes & (flags != 0)).sum()),
                  {flag: int((changes & ((flags & int(flag)) != 0)).sum()) for flag in Flag})


def _columns(targets: list[Target], preview: VectorPreview, order: Array) -> list[Array]:
    """channel, old, old effective, new, change, margins, follows, flags, writes (object
    arrays where a value may be NULL)."""
    skus = preview.shop.skus
    channel = np.concatenate([np.full(len(t.at), -1 if t.channel_id is None else t.channel_id)
                              for t in targets])
    old = np.concatenate([t.old_price for t in targets])
    old_effective = np.concatenate([t.old_effective for t in targets])
    new = np.concatenate([t.new_price for t in targets])
    flags = np.concatenate([t.flags for t in targets])
    follows = np.concatenate([t.follows for t in targets])
    before, before_ok, after, after_ok = [], [], [], []
    for target in targets:
        cost = skus.cost[target.at]
        for price, values, defined in ((target.old_effective, before, before_ok),
                                       (target.new_price, after, after_ok)):
            units, ok = margin_units(price, cost, target.fees)
            values.append(units)
            defined.append(ok)
    safe_old = np.where(old_effective > 0, old_effective, 1)
    change = half_up((new - old_effective) * RATE_UNITS, safe_old)
    writes = ~follows & (new != old) & ((flags & int(Flag.NO_PRICE)) == 0)
    return [_nullable(channel, channel != -1), _nullable(old, old != MISSING), old_effective,
            new, _nullable(change, old_effective > 0),
            _nullable(np.concatenate(before), np.concatenate(before_ok)),
            _nullable(np.concatenate(after), np.concatenate(after_ok)),
            follows.astype(np.int64), flags, writes.astype(np.int64)]


def _nullable(values: Array, present: Array) -> Array:
    column = values.astype(object)
    column[~present] = None
    return column
