"""A price rule as a person types it (the rule editor, the CLI, the demo): text, checked by
rule_validation before anything is saved."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleDraft:
    name: str
    method: str  # a rules.Method value
    scope: str = "all"  # a rules.Scope value
    scope_value: str = ""  # category path, tag, brand, product title, SKU
    channel: str = ""  # a channel's name; "" for the list price
    rate: str = ""  # percent: markup, target margin, or off (negative: on)
    amount: str = ""  # fixed price, or amount off (negative: on)
    base: str = ""  # a rules.PriceBase value, for "relative"
    base_channel: str = ""
    round_to: str = ""
    ending: str = ""  # a rules.Ending value
    min_price: str = ""
    max_price: str = ""
    min_margin: str = ""  # percent; "" for the shop's
    min_quantity: str = "1"
    starts_on: str = ""  # YYYY-MM-DD, shop days
    ends_on: str = ""
    review_on: str = ""
    active: bool = True
    note: str = ""
