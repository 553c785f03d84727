"""What a promotion is, as the engine and the checks read it.

The window [starts_at, ends_at) is in UTC: start inclusive, end exclusive. Daily hours (限时购)
are wall-clock times in the zone the promotion was entered in, so a 10:00-12:00 flash sale
stays 10:00-12:00 across a daylight-saving change; hours with `daily_to` before `daily_from`
run over midnight. Running and ended are not stored: they follow from the clock (`phase`).

Parameters per type (`Terms`): percent off (`rate`, per item), amount off (`amount`, per item),
basket tiers 满减 (`tiers`: the highest threshold reached takes its amount off the basket),
multi-buy 多件多折 (every `every`-th unit of a SKU at `rate` off: 2nd at 50 %, 3 for 2 is every
3rd at 100 %), gift 满赠 (`gift_quantity` of `gift_sku` at price 0 when the basket in scope
reaches `threshold`), bundle 组合套餐 (the set `items` for `amount`), fixed promotional price
(`amount` per item).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, time
from decimal import Decimal
from enum import StrEnum
from zoneinfo import ZoneInfo

from ecdesk.i18n import N_
from ecdesk.services.pricing.rules import Scope

ONE = Decimal(1)


class Kind(StrEnum):
    PERCENT_OFF = "percent_off"
    AMOUNT_OFF = "amount_off"
    BASKET_TIERS = "basket_tiers"  # 满减
    MULTI_BUY = "multi_buy"  # 多件多折
    GIFT = "gift"  # 满赠 / 买赠
    BUNDLE = "bundle"  # 组合套餐
    FIXED_PRICE = "fixed_price"


class Status(StrEnum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


class Phase(StrEnum):
    """Where a promotion stands now: its stored status, and the clock for a scheduled one."""

    DRAFT = "draft"
    UPCOMING = "upcoming"
    RUNNING = "running"
    ENDED = "ended"
    CANCELLED = "cancelled"


class Funding(StrEnum):
    SELLER = "seller"
    PLATFORM = "platform"
    SHARED = "shared"


class Stacking(StrEnum):
    EXCLUSIVE = "exclusive"
    STACKABLE = "stackable"


KIND_LABELS = {Kind.PERCENT_OFF: N_("Percent off"), Kind.AMOUNT_OFF: N_("Amount off"),
               Kind.BASKET_TIERS: N_("Spend and save (tiers)"),
               Kind.MULTI_BUY: N_("Multi-buy"), Kind.GIFT: N_("Free gift"),
               Kind.BUNDLE: N_("Bundle price"), Kind.FIXED_PRICE: N_("Promotional price")}
PHASE_LABELS = {Phase.DRAFT: N_("Draft"), Phase.UPCOMING: N_("Scheduled"),
                Phase.RUNNING: N_("Running"), Phase.ENDED: N_("Ended"),
                Phase.CANCELLED: N_("Cancelled")}
STATUS_LABELS = {Status.DRAFT: N_("Draft"), Status.SCHEDULED: N_("Scheduled"),
                 Status.CANCELLED: N_("Cancelled")}
FUNDING_LABELS = {Funding.SELLER: N_("Seller"), Funding.PLATFORM: N_("Platform"),
                  Funding.SHARED: N_("Shared")}
STACKING_LABELS = {Stacking.EXCLUSIVE: N_("Exclusive"), Stacking.STACKABLE: N_("Stackable")}
BASKET_KINDS = frozenset({Kind.BASKET_TIERS, Kind.GIFT, Kind.BUNDLE})  # need the whole basket


@dataclass(frozen=True)
class Tier:
    threshold: Decimal  # the basket in scope at least this
    off: Decimal  # takes this off the basket


@dataclass(frozen=True)
class Terms:
    rate: Decimal | None = None
    amount: Decimal | None = None
    tiers: tuple[Tier, ...] = ()
    every: int = 0
    gift_sku: str = ""
    gift_quantity: int = 0
    threshold: Decimal | None = None
    items: tuple[tuple[str, int], ...] = ()  # bundle: (SKU, units)

    def to_json(self) -> str:
        data: dict[str, object] = {}
        for name in ("rate", "amount", "threshold"):
            if getattr(self, name) is not None:
                data[name] = str(getattr(self, name))
        if self.tiers:
            data["tiers"] = [[str(t.threshold), str(t.off)] for t in self.tiers]
        if self.every:
            data["every"] = self.every
        if self.gift_sku:
            data.update(gift_sku=self.gift_sku, gift_quantity=self.gift_quantity)
        if self.items:
            data["items"] = [[sku, units] for sku, units in self.items]
        return json.dumps(data, sort_keys=True, ensure_ascii=False)

    @staticmethod
    def from_json(text: str) -> Terms:
        data = json.loads(text or "{}")

        def money(name: str) -> Decimal | None:
            return Decimal(data[name]) if name in data else None

        return Terms(rate=money("rate"), amount=money("amount"), threshold=money("threshold"),
                     tiers=tuple(Tier(Decimal(a), Decimal(b)) for a, b in data.get("tiers", [])),
                     every=int(data.get("every", 0)), gift_sku=data.get("gift_sku", ""),
                     gift_quantity=int(data.get("gift_quantity", 0)),
                     items=tuple((sku, int(units)) for sku, units in data.get("items", [])))


@dataclass(frozen=True)
class PromotionInfo:
    id: int
    name: str
    kind: Kind
    terms: Terms
    starts_at: datetime  # UTC, inclusive
    ends_at: datetime  # UTC, exclusive
    time_zone: str
    channel_ids: frozenset[int]
    status: Status = Status.SCHEDULED
    daily_from: time | None = None
    daily_to: time | None = None
    scope: Scope = Scope.ALL  # the pricing rules' scopes
    scope_id: int | None = None
    scope_text: str = ""
    funded_by: Funding = Funding.SELLER
    seller_share: Decimal = ONE  # of the discount, what the seller pays
    stacking: Stacking = Stacking.EXCLUSIVE
    priority: int = 1
    coupon_code: str = ""
    notes: str = ""
    channel_names: tuple[str, ...] = field(default=(), compare=False)

    def in_window(self, moment: datetime) -> bool:
        """`moment` (aware) is in [start, end) and, with daily hours, inside them that day."""
        if not self.starts_at <= moment < self.ends_at:
            return False
        if self.daily_from is None or self.daily_to is None:
            return True
        clock = moment.astimezone(ZoneInfo(self.time_zone)).time()
        if self.daily_from < self.daily_to:
            return self.daily_from <= clock < self.daily_to
        return clock >= self.daily_from or clock < self.daily_to  # over midnight

    def phase(self, now: datetime) -> Phase:
        if self.status is Status.DRAFT:
            return Phase.DRAFT
        if self.status is Status.CANCELLED:
            return Phase.CANCELLED
        if now < self.starts_at:
            return Phase.UPCOMING
        return Phase.RUNNING if now < self.ends_at else Phase.ENDED

    def editable(self, now: datetime) -> bool:
        """A draft, or a scheduled promotion that has not started: a running or ended one is
        history the results and the orders' lines refer to, and a cancelled one goes back to
        draft first."""
        return self.phase(now) in (Phase.DRAFT, Phase.UPCOMING)

    def applies(self, channel_id: int, moment: datetime) -> bool:
        """Scheduled, on `channel_id`, and in its window at `moment`."""
        return (self.status is Status.SCHEDULED and channel_id in self.channel_ids
                and self.in_window(moment))

    @property
    def seller_rate(self) -> Decimal:
        """The part of the discount the seller pays (platform-funded: none)."""
        return {Funding.SELLER: ONE, Funding.PLATFORM: Decimal(0)}.get(self.funded_by,
                                                                       self.seller_share)
