"""What a price rule is, as the engine reads it: its scope, computation, rounding and clamps.

Specificity (which rule wins for a price): the narrower scope (SKU over product over brand,
category or tag over all SKUs), then a channel's own rule over a general one, then the higher
quantity tier, then the rule's priority (1 is first). `specificity` is that order as a sort key.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Protocol

from ecdesk.i18n import N_


class Scope(StrEnum):
    ALL = "all"
    CATEGORY = "category"  # the category and every category under it
    TAG = "tag"
    BRAND = "brand"
    PRODUCT = "product"
    SKU = "sku"


class Method(StrEnum):
    COST_PLUS = "cost_plus"  # cost x (1 + markup) 成本加成
    TARGET_MARGIN = "target_margin"  # the price whose margin after the channel's fees is `rate`
    RELATIVE = "relative"  # a base price less (or plus) a percent or an amount
    FIXED = "fixed"


class PriceBase(StrEnum):
    LIST_PRICE = "list_price"
    COMPARE_AT = "compare_at"
    CHANNEL = "channel"  # another channel's price of the SKU
    MARKET = "market"  # the SKU's newest market reference price 市场定价


class Ending(StrEnum):
    NONE = ""
    C99 = ".99"
    C90 = ".90"
    X8 = "x8"
    X9 = "x9"


SCOPE_RANK = {Scope.SKU: 4, Scope.PRODUCT: 3, Scope.BRAND: 2, Scope.CATEGORY: 2, Scope.TAG: 2,
              Scope.ALL: 1}
SCOPE_LABELS = {Scope.ALL: N_("All SKUs"), Scope.CATEGORY: N_("Category"), Scope.TAG: N_("Tag"),
                Scope.BRAND: N_("Brand"), Scope.PRODUCT: N_("Product"), Scope.SKU: N_("SKU")}
METHOD_LABELS = {Method.COST_PLUS: N_("Cost plus markup"),
                 Method.TARGET_MARGIN: N_("Target margin after fees"),
                 Method.RELATIVE: N_("Percent or amount off another price"),
                 Method.FIXED: N_("Fixed price")}
BASE_LABELS = {PriceBase.LIST_PRICE: N_("List price"), PriceBase.COMPARE_AT: N_("Compare-at price"),
               PriceBase.CHANNEL: N_("Another channel's price"),
               PriceBase.MARKET: N_("Market reference price")}


class Scoped(Protocol):
    """What names the SKUs a rule or a promotion covers (resolve.matches reads it)."""

    @property
    def scope(self) -> Scope: ...
    @property
    def scope_id(self) -> int | None: ...
    @property
    def scope_text(self) -> str: ...


@dataclass(frozen=True)
class PriceRuleInfo:
    """A saved rule. Rates are Decimal fractions (0.30 for 30 %); `amount` is the fixed price
    (FIXED) or the amount off (negative: on) for RELATIVE with `rate` None."""

    id: int
    name: str
    scope: Scope
    method: Method
    scope_id: int | None = None  # category, tag, product or variant id
    scope_text: str = ""  # the brand; for the other scopes what the user sees (a path, a SKU)
    channel_id: int | None = None
    min_quantity: int = 1
    starts_on: date | None = None
    ends_on: date | None = None  # the last day it applies
    review_on: date | None = None
    priority: int = 1
    rate: Decimal | None = None
    amount: Decimal | None = None
    base: PriceBase | None = None
    base_channel_id: int | None = None
    round_to: Decimal | None = None
    ending: Ending = Ending.NONE
    min_price: Decimal | None = None
    max_price: Decimal | None = None
    min_margin: Decimal | None = None  # None: the shop's minimum margin
    active: bool = True
    note: str = ""

    def specificity(self) -> tuple[int, int, int, int]:
        """Sort key, most specific first: sorted(rules, key=lambda r: r.specificity())."""
        return (-SCOPE_RANK[self.scope], 0 if self.channel_id is not None else 1,
                -self.min_quantity, self.priority)

    def in_force(self, day: date) -> bool:
        """Active and within its dates on the shop's `day`."""
        return (self.active and (self.starts_on is None or self.starts_on <= day)
                and (self.ends_on is None or day <= self.ends_on))
