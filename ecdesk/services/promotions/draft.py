"""A promotion as a person types it (the CLI, a dialog, the demo): text, checked by
validation.py before anything is saved. Times are the shop's wall-clock time
("2026-11-11 00:00") in `time_zone` (empty: the shop's zone)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PromotionDraft:
    name: str
    kind: str  # a terms.Kind value
    channels: tuple[str, ...]  # channel names
    starts: str  # YYYY-MM-DD HH:MM, inclusive
    ends: str  # exclusive
    time_zone: str = ""
    daily_from: str = ""  # HH:MM; both or neither
    daily_to: str = ""
    scope: str = "all"  # a pricing.rules.Scope value
    scope_value: str = ""
    rate: str = ""  # percent: off per item, or off the multi-buy's nth unit
    amount: str = ""  # off per item, the promotional price, or the bundle's price
    tiers: str = ""  # 满减: "200:30, 300:50"
    every: str = ""  # multi-buy: every nth unit
    gift_sku: str = ""
    gift_quantity: str = "1"
    threshold: str = ""  # gift: the basket in scope at least this ("" or 0: any purchase)
    items: str = ""  # bundle: "SKU-A:1, SKU-B:2"
    funded_by: str = "seller"
    seller_share: str = ""  # percent of the discount the seller pays, when shared
    stacking: str = "exclusive"
    priority: str = "1"
    coupon_code: str = ""
    notes: str = ""
    status: str = "draft"  # draft | scheduled | cancelled
