"""Checking a typed rule against the shop: every problem named by its field, nothing saved.

Refused: an empty name or one in use; a scope with no value, or one that matches no SKU; an
unknown channel; dates that end before they start; a markup under 0 % (a price below cost); a
target margin or margin floor that, with a channel's fees, reaches 100 %; a relative rule without
its base, or a list-price rule based on the list price itself; a channel priced from itself or
from a channel priced from it (a rule loop); a minimum price above the maximum.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ecdesk.errors import Problem
from ecdesk.i18n import _
from ecdesk.models import Category, Channel, PriceRule, Product, Tag, Variant, product_tags
from ecdesk.money import MoneyError, format_rate, parse_amount, parse_rate
from ecdesk.services.pricing.margin import ChannelFees
from ecdesk.services.pricing.rule_draft import RuleDraft
from ecdesk.services.pricing.rules import SCOPE_LABELS, Ending, Method, PriceBase, Scope

ONE = Decimal(1)


@dataclass
class _Reader:
    """Reads the draft's fields into column values, collecting problems."""

    problems: list[Problem]

    def amount(self, label: str, text: str) -> Decimal | None:
        if not text.strip():
            return None
        try:
            value = parse_amount(text)
        except MoneyError:
            self.problems.append(Problem(label, _("'{value}' is not an amount").format(
                value=text)))
            return None
        if value != value.quantize(Decimal("0.01")):
            self.problems.append(Problem(label, _("'{value}' has more than two decimals")
                                         .format(value=text)))
            return None
        return value

    def rate(self, label: str, text: str) -> Decimal | None:
        if not text.strip():
            return None
        try:
            value = parse_rate(text)
        except MoneyError:
            self.problems.append(Problem(label, _("'{value}' is not a percentage").format(
                value=text)))
            return None
        if value != value.quantize(Decimal("0.000001")):
            self.problems.append(Problem(label, _("can have at most four decimals as a "
                                                  "percentage")))
            return None
        return value

    def day(self, label: str, text: str) -> date | None:
        if not text.strip():
            return None
        try:
            return date.fromisoformat(text.strip())
        except ValueError:
            self.problems.append(Problem(label, _("'{value}' is not a date (YYYY-MM-DD)")
                                         .format(value=text)))
            return None

    def choice(self, label: str, text: str, kind: type) -> object | None:
        try:
            return kind(text.strip())
        except ValueError:
            self.problems.append(Problem(label, _("'{value}' is not one of: {choices}").format(
                value=text, choices=", ".join(repr(k.value) for k in kind))))
            return None


def check_rule(session: Session, draft: RuleDraft, rule_id: int | None
               ) -> tuple[dict[str, object], list[Problem]]:
    """The rule's column values, and the problems that refuse it (saved only without any)."""
    problems: list[Problem] = []
    read = _Reader(problems)
    values: dict[str, object] = {"name": draft.name.strip(), "active": draft.active,
                                 "note": draft.note.strip()}
    _check_name(session, draft, rule_id, problems)
    scope = read.choice(_("Scope"), draft.scope, Scope)
    method = read.choice(_("Computation"), draft.method, Method)
    ending = read.choice(_("Ending"), draft.ending, Ending)
    channel_id = _channel_id(session, _("Channel"), draft.channel, problems)
    values.update(scope=scope, method=method, ending=ending or Ending.NONE,
                  channel_id=channel_id)
    if isinstance(scope, Scope):
        values.update(_scope(session, scope, draft.scope_value, problems))
    values.update(rate=read.rate(_("Rate"), draft.rate),
                  amount=_signed_amount(read, draft.amount),
                  round_to=read.amount(_("Round to"), draft.round_to),
                  min_price=read.amount(_("Minimum price"), draft.min_price),
                  max_price=read.amount(_("Maximum price"), draft.max_price),
                  min_margin=read.rate(_("Minimum margin"), draft.min_margin),
                  starts_on=read.day(_("Starts"), draft.starts_on),
                  ends_on=read.day(_("Ends"), draft.ends_on),
                  review_on=read.day(_("Review on"), draft.review_on),
                  min_quantity=_quantity(draft.min_quantity, problems))
    values.update(_base(session, read, draft, values))
    fees = _fees_in_reach(session, channel_id)
    if isinstance(method, Method):
        _check_method(method, values, fees, problems)
    _check_clamps(values, fees, problems)
    if values["base"] == PriceBase.CHANNEL and values["base_channel_id"] is not None:
        _check_loop(session, rule_id, channel_id, values["base_channel_id"], problems)
    return values, problems


def _check_name(session: Session, draft: RuleDraft, rule_id: int | None,
                problems: list[Problem]) -> None:
    name = draft.name.strip()
    if not name:
        problems.append(Problem(_("Name"), _("is required")))
        return
    clash = select(PriceRule.id).where(func.lower(PriceRule.name) == name.lower())
    if rule_id is not None:
        clash = clash.where(PriceRule.id != rule_id)
    if session.scalar(clash) is not None:
        problems.append(Problem(_("Name"), _("a rule named '{name}' already exists").format(
            name=name)))


def _channel_id(session: Session, label: str, name: str, problems: list[Problem]
                ) -> int | None:
    if not name.strip():
        return None
    found = session.scalar(select(Channel.id).where(
        func.lower(Channel.name) == name.strip().lower(), Channel.archived.is_(False)))
    if found is None:
        problems.append(Problem(label, _("there is no channel named '{name}'").format(
            name=name.strip())))
    return found


def _scope(session: Session, scope: Scope, text: str, problems: list[Problem]
           ) -> dict[str, object]:
    """scope_id / scope_text for the scope's value; an empty or unmatched scope is a problem."""
    value = text.strip()
    if scope is Scope.ALL:
        return {"scope_id": None, "scope_text": ""}
    if not value:
        problems.append(Problem(_("Scope"), _("name the {scope} the rule applies to").format(
            scope=_(SCOPE_LABELS[scope]))))
        return {"scope_id": None, "scope_text": ""}
    found: int | None = None
    matching = 0
    if scope is Scope.SKU:
        found = session.scalar(select(Variant.id).where(Variant.sku == value))
        matching = int(found is not None)
    elif scope is Scope.PRODUCT:
        found = session.scalar(select(Product.id).where(Product.title == value)
                               .order_by(Product.id).limit(1))
        matching = int(found is not None)
    elif scope is Scope.CATEGORY:
        found = session.scalar(select(Category.id).where(Category.path == value))
        matching = int(found is not None)
    elif scope is Scope.TAG:
        found = session.scalar(select(Tag.id).where(func.lower(Tag.name) == value.lower()))
        if found is not None:
            matching = session.scalar(select(func.count()).select_from(product_tags).where(
                product_tags.c.tag_id == found)) or 0
    else:  # brand
        matching = session.scalar(select(func.count(Product.id)).where(
            func.lower(Product.brand) == value.lower())) or 0
    if not matching:
        problems.append(Problem(_("Scope"), _("no SKU is in the {scope} '{value}'").format(
            scope=_(SCOPE_LABELS[scope]), value=value)))
    return {"scope_id": found, "scope_text": value}


def _signed_amount(read: _Reader, text: str) -> Decimal | None:
    """An amount that may be negative (an amount *on* a base price)."""
    negative = text.strip().startswith("-")
    value = read.amount(_("Amount"), text.strip().lstrip("-"))
    return -value if value is not None and negative else value


def _quantity(text: str, problems: list[Problem]) -> int:
    cleaned = text.strip() or "1"
    if not cleaned.isdigit() or int(cleaned) < 1:
        problems.append(Problem(_("From quantity"), _("'{value}' is not a whole number of 1 or "
                                                      "more").format(value=text)))
        return 1
    return int(cleaned)


def _base(session: Session, read: _Reader, draft: RuleDraft, values: dict[str, object]
          ) -> dict[str, object]:
    if values["method"] is not Method.RELATIVE:
        return {"base": "", "base_channel_id": None}
    base = read.choice(_("Based on"), draft.base or "", PriceBase)
    base_channel_id = None
    if base is PriceBase.CHANNEL:
        base_channel_id = _channel_id(session, _("Based on channel"), draft.base_channel,
                                      read.problems)
        if not draft.base_channel.strip():
            read.problems.append(Problem(_("Based on channel"), _("choose the channel whose "
                                                                  "price this is based on")))
        if values["channel_id"] is None:
            read.problems.append(Problem(_("Based on"), _("only a channel's rule can be based "
                                                          "on another channel's price")))
    if base is PriceBase.LIST_PRICE and values["channel_id"] is None:
        read.problems.append(Problem(_("Based on"), _("a rule without a channel sets the list "
                                                      "price: it cannot be based on the list "
                                                      "price itself")))
    return {"base": base or "", "base_channel_id": base_channel_id}


def _fees_in_reach(session: Session, channel_id: int | None) -> dict[str, ChannelFees]:
    """The fees of the channels the rule may price: its own, or every channel (a rule without a
    channel prices the listings that have their own price)."""
    query = select(Channel).where(Channel.archived.is_(False))
    if channel_id is not None:
        query = query.where(Channel.id == channel_id)
    return {c.name: ChannelFees(c.commission_rate, c.payment_fee_rate)
            for c in session.scalars(query)}


def _check_method(method: Method, values: dict[str, object], fees: dict[str, ChannelFees],
                  problems: list[Problem]) -> None:
    rate, amount = values["rate"], values["amount"]
    if method is Method.COST_PLUS:
        if rate is None:
            problems.append(Problem(_("Rate"), _("give the markup on the cost")))
        elif rate < 0:  # type: ignore[operator]
            problems.append(Problem(_("Rate"), _("a markup under 0 % prices below cost")))
    elif method is Method.TARGET_MARGIN:
        if rate is None or not 0 <= rate < ONE:  # type: ignore[operator]
            problems.append(Problem(_("Rate"), _("give a target margin from 0 % to under "
                                                 "100 %")))
        else:
            _check_margin_room(_("Rate"), rate, fees, problems)  # type: ignore[arg-type]
    elif method is Method.RELATIVE:
        if (rate is None) == (amount is None):
            problems.append(Problem(_("Rate"), _("give either a percent or an amount off")))
        elif rate is not None and rate >= ONE:  # type: ignore[operator]
            problems.append(Problem(_("Rate"), _("100 % off or more gives the SKU away")))
    elif amount is None or amount <= 0:  # type: ignore[operator]
        problems.append(Problem(_("Amount"), _("give the fixed price")))


def _check_margin_room(label: str, margin: Decimal, fees: dict[str, ChannelFees],
                       problems: list[Problem]) -> None:
    for name, channel in fees.items():
        if margin + channel.rate >= ONE:
            problems.append(Problem(label, _("margin {margin} plus {channel}'s fees {fees} "
                                             "reach 100 %: no price keeps it").format(
                margin=format_rate(margin), channel=name, fees=format_rate(channel.rate))))


def _check_clamps(values: dict[str, object], fees: dict[str, ChannelFees],
                  problems: list[Problem]) -> None:
    low, high = values["min_price"], values["max_price"]
    if low is not None and high is not None and low > high:  # type: ignore[operator]
        problems.append(Problem(_("Maximum price"), _("is under the minimum price")))
    if values["round_to"] is not None and values["round_to"] <= 0:  # type: ignore[operator]
        problems.append(Problem(_("Round to"), _("must be more than 0")))
    margin = values["min_margin"]
    if margin is not None:
        if not 0 <= margin < ONE:  # type: ignore[operator]
            problems.append(Problem(_("Minimum margin"), _("must be from 0 % to under 100 %")))
        else:
            _check_margin_room(_("Minimum margin"), margin, fees, problems)  # type: ignore[arg-type]
    starts, ends = values["starts_on"], values["ends_on"]
    if starts is not None and ends is not None and ends < starts:  # type: ignore[operator]
        problems.append(Problem(_("Ends"), _("the rule ends ({ends}) before it starts "
                                             "({starts})").format(ends=ends, starts=starts)))


def _check_loop(session: Session, rule_id: int | None, channel_id: int | None,
                base_channel_id: object, problems: list[Problem]) -> None:
    """A channel priced from a channel priced (in turn) from it never settles."""
    edges: dict[int, set[int]] = {}
    for rule in session.scalars(select(PriceRule).where(
            PriceRule.base == PriceBase.CHANNEL.value, PriceRule.active.is_(True))):
        if rule.id != rule_id and rule.channel_id is not None and rule.base_channel_id:
            edges.setdefault(rule.channel_id, set()).add(rule.base_channel_id)
    if channel_id is None:
        return
    edges.setdefault(channel_id, set()).add(int(base_channel_id))  # type: ignore[call-overload]
    path = _path_back(edges, int(base_channel_id), channel_id)  # type: ignore[call-overload]
    if path is None:
        return
    names = dict(session.execute(select(Channel.id, Channel.name)).tuples().all())
    chain = " -> ".join(names.get(c, str(c)) for c in [channel_id, *path])
    problems.append(Problem(_("Based on channel"), _("rule loop: {chain} (each is priced from "
                                                     "the next)").format(chain=chain)))


def _path_back(edges: dict[int, set[int]], start: int, goal: int) -> list[int] | None:
    """The channels from `start` along `edges` to `goal`, if it gets there."""
    stack, seen = [(start, [start])], set()
    while stack:
        node, path = stack.pop()
        if node == goal:
            return path
        if node in seen:
            continue
        seen.add(node)
        stack.extend((nxt, [*path, nxt]) for nxt in sorted(edges.get(node, ())))
    return None
