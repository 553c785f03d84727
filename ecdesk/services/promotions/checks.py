"""The checks before a promotion starts (checks_sql.py), each finding with the SKUs it lists.

- overlap: two promotions whose windows meet on a shared channel cover the same SKUs; they
  stack (both stackable) or only the first by priority applies (daily hours are not compared:
  two flash sales on the same days at different hours are listed too);
- below cost / below the margin floor after fees: a per-item promotion (percent, amount off,
  promotional price) prices a SKU's unit under its cost, or under the shop's minimum margin
  after the channel's fees, counting the platform's part of the discount as received;
- reference price: a compare-at ("was") price above the lowest price charged on the channel in
  the seven days before the promotion (the last price charged before it when nothing sold then):
  under 明码标价和禁止价格欺诈规定 (2022) such a "was" price misleads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from itertools import groupby

from sqlalchemy import text
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.i18n import N_, _
from ecdesk.money import from_minor_units
from ecdesk.services.pricing.price_settings import read_price_settings
from ecdesk.services.promotions.checks_sql import BELOW_FLOOR, OVERLAPS, REFERENCE_PRICE
from ecdesk.services.promotions.draft import PromotionDraft
from ecdesk.services.promotions.store import read_promotions, write_promotion


class Check(StrEnum):
    OVERLAP = "overlap"
    BELOW_COST = "below_cost"
    BELOW_FLOOR = "below_floor"
    REFERENCE_PRICE = "reference_price"


CHECK_LABELS = {Check.OVERLAP: N_("Overlap"), Check.BELOW_COST: N_("Below cost"),
                Check.BELOW_FLOOR: N_("Below the margin floor after fees"),
                Check.REFERENCE_PRICE: N_("Compare-at price above the 7-day lowest price")}


@dataclass(frozen=True)
class Finding:
    check: Check
    promotion: str
    channel: str
    skus: tuple[str, ...]
    detail: str  # in words
    promotion_ids: tuple[int, ...] = field(default=(), compare=False)  # the ones it names

    @property
    def label(self) -> str:
        return _(CHECK_LABELS[self.check])


def stored_time(moment: datetime) -> str:
    """A moment as the shop file stores it (naive UTC text), for comparisons in SQL."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def check_promotions(uow: UnitOfWork, *, now: datetime | None = None) -> list[Finding]:
    """Every finding of the promotions that are not cancelled and have not ended at `now`."""
    with uow:
        return _findings(uow.session, now or datetime.now(UTC))


def check_before_saving(uow: UnitOfWork, draft: PromotionDraft, promotion_id: int | None = None,
                        *, now: datetime | None = None) -> list[Finding]:
    """The findings that name `draft` as if it were saved, nothing written: it is written in a
    transaction that is rolled back, so the checks are the same SQL as for saved promotions.
    Raises the ValidationError saving would raise."""
    now = now or datetime.now(UTC)
    with uow:  # never committed: leaving rolls the draft back
        saved = write_promotion(uow.session, draft, promotion_id, now=now)
        return [f for f in _findings(uow.session, now) if saved in f.promotion_ids]


def _findings(session: Session, now: datetime) -> list[Finding]:
    names = {p.id: p.name for p in read_promotions(session)}
    floor = int(read_price_settings(session).min_margin * 1_000_000)
    at = {"now": stored_time(now)}
    conn = session.connection()
    overlaps = conn.execute(text(OVERLAPS), at).all()
    prices = conn.execute(text(BELOW_FLOOR), {**at, "floor": floor}).all()
    references = conn.execute(text(REFERENCE_PRICE), at).all()
    return [*_overlaps(overlaps, names), *_floors(prices, names), *_references(references, names)]


def _overlaps(rows: list, names: dict[int, str]) -> list[Finding]:  # type: ignore[type-arg]
    findings = []
    for (first, second, channel, stack), group in groupby(rows, key=lambda r: r[:4]):
        skus = tuple(row[4] for row in group)
        detail = (_("overlaps {other}; both are stackable: they combine") if stack else
                  _("overlaps {other}; one is exclusive: only the first by priority applies"))
        findings.append(Finding(Check.OVERLAP, names[first], channel, skus,
                                detail.format(other=names[second]), (first, second)))
    return findings


def _floors(rows: list, names: dict[int, str]) -> list[Finding]:  # type: ignore[type-arg]
    findings = []
    for (promotion, channel, below_cost), group in groupby(
            sorted(rows, key=lambda r: (r[0], r[1], not r[4], r[2])),
            key=lambda r: (r[0], r[1], bool(r[4]))):
        listed = list(group)
        lowest = min(from_minor_units(row[3]) or Decimal(0) for row in listed)
        check = Check.BELOW_COST if below_cost else Check.BELOW_FLOOR
        findings.append(Finding(check, names[promotion], channel,
                                tuple(row[2] for row in listed),
                                _("promotional prices from {price}").format(price=lowest),
                                (promotion,)))
    return findings


def _references(rows: list, names: dict[int, str]) -> list[Finding]:  # type: ignore[type-arg]
    findings = []
    for (promotion, channel), group in groupby(rows, key=lambda r: (r[0], r[1])):
        listed = list(group)
        details = ", ".join(
            _("{sku}: was {compare_at}, charged {reference}").format(
                sku=row[2], compare_at=from_minor_units(row[3]),
                reference=(Decimal(str(row[4])) / 100).quantize(Decimal("0.01")))
            for row in listed[:5])
        findings.append(Finding(Check.REFERENCE_PRICE, names[promotion], channel,
                                tuple(row[2] for row in listed), details, (promotion,)))
    return findings
