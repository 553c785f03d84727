"""The channel consistency check (保持线上线下价格一致): SKUs whose prices on their channels lie
further apart than the shop's tolerance, widest spread first, paged in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ecdesk.db import UnitOfWork
from ecdesk.money import from_minor_units
from ecdesk.services.common.page import Page
from ecdesk.services.pricing.price import effective_price_text
from ecdesk.services.pricing.price_settings import read_price_settings

RATE_UNITS = 1_000_000
_SPREAD = f"""
    SELECT v.id, v.sku, pr.title, min(e.price), max(e.price),
           group_concat(e.channel || char(31) || e.price, char(30))
    FROM (SELECT l.variant_id, c.name AS channel,
                 {effective_price_text("l.channel_price", "vv.price")} AS price
          FROM listings l JOIN channels c ON c.id = l.channel_id AND c.archived = 0
          JOIN variants vv ON vv.id = l.variant_id) AS e
    JOIN variants v ON v.id = e.variant_id JOIN products pr ON pr.id = v.product_id
    WHERE v.archived = 0
    GROUP BY v.id
    HAVING count(*) >= 2 AND max(e.price) > 0
       AND (max(e.price) - min(e.price)) * {RATE_UNITS} > max(e.price) * ?"""


@dataclass(frozen=True)
class ConsistencyRow:
    variant_id: int
    sku: str
    title: str
    lowest: Decimal
    highest: Decimal
    spread: Decimal  # (highest - lowest) / highest
    prices: tuple[tuple[str, Decimal], ...]  # (channel, price)


def inconsistent_prices(uow: UnitOfWork, *, tolerance: Decimal | None = None, offset: int = 0,
                        limit: int = 200) -> Page[ConsistencyRow]:
    """SKUs whose channels differ by more than `tolerance` (default: the shop's)."""
    with uow:
        session = uow.session
        share = read_price_settings(session).tolerance if tolerance is None else tolerance
        units = int(share * RATE_UNITS)
        conn = session.connection()
        total = conn.exec_driver_sql(f"SELECT count(*) FROM ({_SPREAD})", (units,)).scalar()
        rows = conn.exec_driver_sql(
            f"{_SPREAD} ORDER BY (max(e.price) - min(e.price)) * 1.0 / max(e.price) DESC, v.sku "
            "LIMIT ? OFFSET ?", (units, limit, offset)).fetchall()
    return Page([_row(*row) for row in rows], total, has_more=offset + len(rows) < (total or 0))


def _row(variant_id: int, sku: str, title: str, low: int, high: int, prices: str
         ) -> ConsistencyRow:
    lowest, highest = from_minor_units(low), from_minor_units(high)
    pairs = tuple(sorted(((name, from_minor_units(int(cents)))  # type: ignore[misc]
                          for name, cents in (p.split("\x1f") for p in prices.split("\x1e"))),
                         key=lambda pair: pair[0]))
    return ConsistencyRow(variant_id, sku, title, lowest, highest,  # type: ignore[arg-type]
                          (highest - lowest) / highest, pairs)  # type: ignore[operator]
