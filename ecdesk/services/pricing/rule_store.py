"""Saving, ordering, switching off and reading price rules (one transaction each)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError, ValidationError
from ecdesk.i18n import _
from ecdesk.models import Channel, PriceRule
from ecdesk.money import format_rate
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.common.shop_time import shop_today, shop_zone
from ecdesk.services.pricing.rule_draft import RuleDraft
from ecdesk.services.pricing.rule_validation import check_rule
from ecdesk.services.pricing.rules import (
    BASE_LABELS,
    METHOD_LABELS,
    SCOPE_LABELS,
    Ending,
    Method,
    PriceBase,
    PriceRuleInfo,
    Scope,
)


def save_rule(uow: UnitOfWork, draft: RuleDraft, rule_id: int | None = None) -> Changed:
    """Create a rule (last in priority) or change one; refused whole with every problem."""
    with uow:
        session = uow.session
        values, problems = check_rule(session, draft, rule_id)
        if problems:
            raise ValidationError(problems)
        if rule_id is None:
            rule = PriceRule(priority=(session.scalar(select(func.max(PriceRule.priority)))
                                       or 0) + 1)
            session.add(rule)
        else:
            rule = _get(session, rule_id)
        for key, value in values.items():
            setattr(rule, key, getattr(value, "value", value))
        session.flush()
        saved = rule.id
        uow.commit()
    return Changed.of(ChangeArea.PRICING, message=_("Price rule '{name}' saved").format(
        name=draft.name.strip()), ids=(saved,))


def set_rule_active(uow: UnitOfWork, rule_id: int, active: bool) -> Changed:
    """Switch a rule off (kept, with its settings) or on again."""
    with uow:
        rule = _get(uow.session, rule_id)
        rule.active = active
        name = rule.name
        uow.commit()
    return Changed.of(ChangeArea.PRICING, message=(_("Price rule '{name}' switched on")
                                                   if active else
                                                   _("Price rule '{name}' switched off"))
                      .format(name=name), ids=(rule_id,))


def delete_rule(uow: UnitOfWork, rule_id: int) -> Changed:
    """Delete a rule (the audit trail keeps what it was); the others keep their order."""
    with uow:
        rule = _get(uow.session, rule_id)
        name, priority = rule.name, rule.priority
        uow.session.delete(rule)
        uow.session.execute(update(PriceRule).where(PriceRule.priority > priority)
                            .values(priority=PriceRule.priority - 1))
        uow.commit()
    return Changed.of(ChangeArea.PRICING, message=_("Price rule '{name}' deleted").format(
        name=name), ids=(rule_id,))


def move_rule(uow: UnitOfWork, rule_id: int, steps: int) -> Changed:
    """Move a rule up (negative steps) or down the priority order; the order stays 1..n."""
    with uow:
        session = uow.session
        ordered = list(session.scalars(select(PriceRule).order_by(PriceRule.priority,
                                                                  PriceRule.id)))
        index = next((i for i, r in enumerate(ordered) if r.id == rule_id), None)
        if index is None:
            raise NotFoundError(_("Price rule {id} does not exist").format(id=rule_id))
        moved = ordered.pop(index)
        ordered.insert(max(0, min(len(ordered), index + steps)), moved)
        for priority, rule in enumerate(ordered, start=1):
            rule.priority = priority
        uow.commit()
    return Changed.of(ChangeArea.PRICING, ids=(rule_id,))


def load_rules(session: Session) -> list[PriceRuleInfo]:
    """Every rule, in priority order, as the engine reads them."""
    return [rule_info(r) for r in session.scalars(select(PriceRule).order_by(
        PriceRule.priority, PriceRule.id))]


def rule_info(rule: PriceRule) -> PriceRuleInfo:
    return PriceRuleInfo(
        id=rule.id, name=rule.name, scope=Scope(rule.scope), method=Method(rule.method),
        scope_id=rule.scope_id, scope_text=rule.scope_text, channel_id=rule.channel_id,
        min_quantity=rule.min_quantity, starts_on=rule.starts_on, ends_on=rule.ends_on,
        review_on=rule.review_on, priority=rule.priority, rate=rule.rate, amount=rule.amount,
        base=PriceBase(rule.base) if rule.base else None, base_channel_id=rule.base_channel_id,
        round_to=rule.round_to, ending=Ending(rule.ending), min_price=rule.min_price,
        max_price=rule.max_price, min_margin=rule.min_margin, active=rule.active, note=rule.note)


@dataclass(frozen=True)
class RuleRow:
    """A rule as the Pricing page lists it."""

    info: PriceRuleInfo
    scope_text: str  # "Category: Clothing", "All SKUs"
    channel: str  # "" for the list price
    computation: str  # "Cost plus 35.0 %, ending .99"
    review_due: bool  # its review date has come (定期评估)
    in_force: bool


def list_rules(uow: UnitOfWork) -> list[RuleRow]:
    with uow:
        session = uow.session
        today = shop_today(shop_zone(session))
        names = dict(session.execute(select(Channel.id, Channel.name)).tuples().all())
        return [RuleRow(rule, describe_scope(rule), names.get(rule.channel_id or 0, ""),
                        describe_computation(rule, names),
                        rule.review_on is not None and rule.review_on <= today,
                        rule.in_force(today))
                for rule in load_rules(session)]


def rule_draft(rule: PriceRuleInfo, channel_names: dict[int, str]) -> RuleDraft:
    """A saved rule as the editor shows it (rates as percents)."""
    def percent(value: object) -> str:
        if value is None:
            return ""
        text = format(value * 100, "f")  # type: ignore[operator]
        return text.rstrip("0").rstrip(".") if "." in text else text

    def text(value: object) -> str:
        return "" if value is None else str(value)

    return RuleDraft(
        name=rule.name, method=rule.method.value, scope=rule.scope.value,
        scope_value=rule.scope_text, channel=channel_names.get(rule.channel_id or 0, ""),
        rate=percent(rule.rate), amount=text(rule.amount),
        base=rule.base.value if rule.base else "",
        base_channel=channel_names.get(rule.base_channel_id or 0, ""),
        round_to=text(rule.round_to), ending=rule.ending.value, min_price=text(rule.min_price),
        max_price=text(rule.max_price), min_margin=percent(rule.min_margin),
        min_quantity=str(rule.min_quantity), starts_on=text(rule.starts_on),
        ends_on=text(rule.ends_on), review_on=text(rule.review_on), active=rule.active,
        note=rule.note)


def describe_scope(rule: PriceRuleInfo) -> str:
    label = _(SCOPE_LABELS[rule.scope])
    return label if rule.scope is Scope.ALL else f"{label}: {rule.scope_text}"


def describe_computation(rule: PriceRuleInfo, channel_names: dict[int, str]) -> str:
    """One line saying what the rule computes."""
    rate = format_rate(rule.rate) if rule.rate is not None else ""
    if rule.method is Method.RELATIVE:
        base = (channel_names.get(rule.base_channel_id or 0, "")
                if rule.base is PriceBase.CHANNEL else _(BASE_LABELS[rule.base or
                                                                     PriceBase.LIST_PRICE]))
        text = _("{base} less {off}").format(base=base, off=rate or rule.amount)
    elif rule.method is Method.FIXED:
        text = _("Fixed {price}").format(price=rule.amount)
    else:
        text = f"{_(METHOD_LABELS[rule.method])} {rate}"
    parts = [text]
    if rule.round_to is not None:
        parts.append(_("to a multiple of {multiple}").format(multiple=rule.round_to))
    if rule.ending is not Ending.NONE:
        parts.append(_("ending {ending}").format(ending=rule.ending.value))
    if rule.min_quantity > 1:
        parts.append(_("from {quantity} units").format(quantity=rule.min_quantity))
    return ", ".join(parts)


def rule_names(uow: UnitOfWork) -> dict[str, int]:
    with uow:
        return dict(uow.session.execute(select(PriceRule.name, PriceRule.id)).tuples().all())


def rules_in_force(rules: list[PriceRuleInfo], day: date) -> list[PriceRuleInfo]:
    return [rule for rule in rules if rule.in_force(day)]


def _get(session: Session, rule_id: int) -> PriceRule:
    rule = session.get(PriceRule, rule_id)
    if rule is None:
        raise NotFoundError(_("Price rule {id} does not exist").format(id=rule_id))
    return rule
