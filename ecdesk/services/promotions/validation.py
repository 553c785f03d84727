"""Checking a typed promotion against the shop: every problem named by its field, nothing saved.

Refused: an empty name or one in use; no channel or an unknown one; a time that is not one, an
end not after the start, an unknown time zone; daily hours given half, or equal; a scope with no
value or matching no SKU (the pricing rules' scope check); a percent off not above 0 % or at
100 % and above; an amount or price not above 0; 满减 tiers whose thresholds or amounts do not
increase, or that take off the whole threshold; a multi-buy under every 2nd unit; an unknown gift
or bundle SKU; a bundle of fewer than two units; a shared funding without the seller's part
strictly between 0 % and 100 %; a priority under 1; a coupon code with spaces or in use.
"""

from __future__ import annotations

from datetime import datetime, time
from decimal import Decimal
from itertools import pairwise
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ecdesk.errors import Problem
from ecdesk.i18n import _
from ecdesk.models import Promotion, Variant
from ecdesk.money import ZERO
from ecdesk.services.common.shop_time import shop_zone
from ecdesk.services.pricing.rule_validation import _channel_id, _Reader, _scope
from ecdesk.services.pricing.rules import Scope
from ecdesk.services.promotions.draft import PromotionDraft
from ecdesk.services.promotions.terms import ONE, Funding, Kind, Stacking, Status, Terms, Tier

_TIME_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d")


def check_promotion(session: Session, draft: PromotionDraft, promotion_id: int | None
                    ) -> tuple[dict[str, object], list[Problem]]:
    """The column values of `draft` (channel ids under "channel_ids") and its problems."""
    problems: list[Problem] = []
    read = _Reader(problems)
    values: dict[str, object] = {"name": _name(session, draft, promotion_id, problems),
                                 "notes": draft.notes.strip()}
    for label, field, kind in ((_("Type"), "kind", Kind), (_("Funded by"), "funded_by", Funding),
                               (_("Stacking"), "stacking", Stacking),
                               (_("Status"), "status", Status), (_("Scope"), "scope", Scope)):
        values[field] = read.choice(label, getattr(draft, field), kind)
    values["channel_ids"] = _channels(session, draft.channels, problems)
    values.update(_window(session, draft, problems))
    if isinstance(values["scope"], Scope):
        values.update(_scope(session, values["scope"], draft.scope_value, problems))
    if isinstance(values["kind"], Kind):
        values["params"] = _terms(session, values["kind"], draft, read).to_json()
    values["seller_share"] = _seller_share(values["funded_by"], draft, read)
    values["priority"] = _priority(draft.priority, problems)
    values["coupon_code"] = _coupon(session, draft.coupon_code, promotion_id, problems)
    return values, problems


def _name(session: Session, draft: PromotionDraft, promotion_id: int | None,
          problems: list[Problem]) -> str:
    name = draft.name.strip()
    if not name:
        problems.append(Problem(_("Name"), _("a promotion needs a name")))
    elif session.scalar(select(Promotion.id).where(Promotion.name == name,
                                                   Promotion.id != (promotion_id or 0))):
        problems.append(Problem(_("Name"), _("another promotion is named '{name}'").format(
            name=name)))
    return name


def _channels(session: Session, names: tuple[str, ...], problems: list[Problem]) -> list[int]:
    named = [name for name in names if name.strip()]
    if not named:
        problems.append(Problem(_("Channels"), _("choose at least one channel")))
    found = [_channel_id(session, _("Channels"), name, problems) for name in named]
    return sorted({channel for channel in found if channel is not None})


def _moment(label: str, text: str, problems: list[Problem]) -> datetime | None:
    for pattern in _TIME_FORMATS:
        try:
            return datetime.strptime(text.strip(), pattern)
        except ValueError:
            continue
    problems.append(Problem(label, _("'{value}' is not a time (YYYY-MM-DD HH:MM)").format(
        value=text)))
    return None


def _clock(label: str, text: str, problems: list[Problem]) -> time | None:
    try:
        return datetime.strptime(text.strip(), "%H:%M").time()
    except ValueError:
        problems.append(Problem(label, _("'{value}' is not a time of day (HH:MM)").format(
            value=text)))
        return None


def _window(session: Session, draft: PromotionDraft, problems: list[Problem]
            ) -> dict[str, object]:
    zone_name = draft.time_zone.strip() or shop_zone(session).key
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(Problem(_("Time zone"), _("'{value}' is not a time zone").format(
            value=zone_name)))
        zone = shop_zone(session)
    starts = _moment(_("Starts"), draft.starts, problems)
    ends = _moment(_("Ends"), draft.ends, problems)
    values: dict[str, object] = {"time_zone": zone.key, "daily_from": "", "daily_to": ""}
    if starts and ends:
        values["starts_at"] = starts.replace(tzinfo=zone)
        values["ends_at"] = ends.replace(tzinfo=zone)
        if ends <= starts:
            problems.append(Problem(_("Ends"), _("the end {end} is not after the start {start}")
                                    .format(end=draft.ends.strip(), start=draft.starts.strip())))
    given = [text for text in (draft.daily_from, draft.daily_to) if text.strip()]
    if len(given) == 1:
        problems.append(Problem(_("Daily hours"), _("give both the daily start and end, or "
                                                    "neither")))
    elif given:
        start = _clock(_("Daily hours"), draft.daily_from, problems)
        end = _clock(_("Daily hours"), draft.daily_to, problems)
        if start is not None and start == end:
            problems.append(Problem(_("Daily hours"), _("the daily start and end are the same")))
        values.update(daily_from=draft.daily_from.strip(), daily_to=draft.daily_to.strip())
    return values


def _positive(read: _Reader, label: str, text: str) -> Decimal | None:
    value = read.amount(label, text)
    if value is None and not text.strip():
        read.problems.append(Problem(label, _("give an amount")))
    elif value is not None and value <= ZERO:
        read.problems.append(Problem(label, _("must be above 0")))
        return None
    return value


def _off_rate(read: _Reader, label: str, text: str, *, whole: bool) -> Decimal | None:
    """A percent off: above 0, under 100 % (or up to it with `whole`: a free unit)."""
    value = read.rate(label, text)
    if value is None:
        if not text.strip():
            read.problems.append(Problem(label, _("give a percentage")))
        return None
    if value <= ZERO or value > ONE or (value == ONE and not whole):
        read.problems.append(Problem(label, (_("must be above 0 % and at most 100 %") if whole
                                             else _("must be above 0 % and under 100 %"))))
        return None
    return value


def _count(read: _Reader, label: str, text: str, least: int) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        value = 0
    if value < least:
        read.problems.append(Problem(label, _("must be a whole number of at least {least}")
                                     .format(least=least)))
    return value


def _pairs(read: _Reader, label: str, text: str) -> list[tuple[str, str]]:
    pairs = []
    for part in (p.strip() for p in text.replace("，", ",").split(",")):
        if not part:
            continue
        left, colon, right = part.rpartition(":")
        if not colon or not left.strip() or not right.strip():  # "200:" is half a tier
            read.problems.append(Problem(label, _("'{value}' is not 'a:b'").format(value=part)))
            continue
        pairs.append((left.strip(), right.strip()))
    if not pairs and not any(p.field == label for p in read.problems):
        read.problems.append(Problem(label, _("give at least one")))
    return pairs


def _tiers(read: _Reader, text: str) -> tuple[Tier, ...]:
    label = _("Tiers")
    tiers = []
    for threshold, off in _pairs(read, label, text):
        spend, save = read.amount(label, threshold), read.amount(label, off)
        if spend is None or save is None:
            continue
        if save <= ZERO or save >= spend:
            read.problems.append(Problem(label, _("{off} off {threshold}: the amount off must be "
                                                  "above 0 and under the threshold").format(
                off=off, threshold=threshold)))
        tiers.append(Tier(spend, save))
    for low, high in pairwise(tiers):
        if high.threshold <= low.threshold or high.off <= low.off:
            read.problems.append(Problem(label, _("the thresholds and their amounts off must "
                                                  "both increase: {a} then {b}").format(
                a=f"{low.threshold}:{low.off}", b=f"{high.threshold}:{high.off}")))
    return tuple(tiers)


def _known_sku(session: Session, read: _Reader, label: str, sku: str) -> None:
    if sku and session.scalar(select(Variant.id).where(Variant.sku == sku)) is None:
        read.problems.append(Problem(label, _("there is no SKU '{sku}'").format(sku=sku)))


def _terms(session: Session, kind: Kind, draft: PromotionDraft, read: _Reader) -> Terms:
    if kind is Kind.PERCENT_OFF:
        return Terms(rate=_off_rate(read, _("Percent off"), draft.rate, whole=False))
    if kind in (Kind.AMOUNT_OFF, Kind.FIXED_PRICE):
        label = _("Amount off") if kind is Kind.AMOUNT_OFF else _("Promotional price")
        return Terms(amount=_positive(read, label, draft.amount))
    if kind is Kind.BASKET_TIERS:
        return Terms(tiers=_tiers(read, draft.tiers))
    if kind is Kind.MULTI_BUY:
        return Terms(every=_count(read, _("Every nth unit"), draft.every, 2),
                     rate=_off_rate(read, _("Percent off"), draft.rate, whole=True))
    if kind is Kind.GIFT:
        sku = draft.gift_sku.strip()
        if not sku:
            read.problems.append(Problem(_("Gift SKU"), _("name the gift's SKU")))
        _known_sku(session, read, _("Gift SKU"), sku)
        threshold = read.amount(_("Threshold"), draft.threshold)
        if threshold is not None and threshold < ZERO:
            read.problems.append(Problem(_("Threshold"), _("must not be below 0")))
        return Terms(gift_sku=sku, threshold=threshold,
                     gift_quantity=_count(read, _("Gift quantity"), draft.gift_quantity, 1))
    items = []
    for sku, units in _pairs(read, _("Bundle items"), draft.items):
        _known_sku(session, read, _("Bundle items"), sku)
        items.append((sku, _count(read, _("Bundle items"), units, 1)))
    if sum(units for _sku, units in items) < 2:
        read.problems.append(Problem(_("Bundle items"), _("a bundle has at least two units")))
    return Terms(items=tuple(items), amount=_positive(read, _("Bundle price"), draft.amount))


def _seller_share(funding: object, draft: PromotionDraft, read: _Reader) -> Decimal:
    if funding is not Funding.SHARED:
        return ZERO if funding is Funding.PLATFORM else ONE
    share = read.rate(_("Seller's share"), draft.seller_share)
    if share is None or not ZERO < share < ONE:
        read.problems.append(Problem(_("Seller's share"), _("a shared promotion needs the "
                                                            "seller's part, between 0 % and "
                                                            "100 %")))
        return ONE
    return share


def _priority(text: str, problems: list[Problem]) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        value = 0
    if value < 1:
        problems.append(Problem(_("Priority"), _("must be a whole number of at least 1")))
    return value


def _coupon(session: Session, text: str, promotion_id: int | None,
            problems: list[Problem]) -> str:
    code = text.strip()
    if code and any(character.isspace() for character in code):
        problems.append(Problem(_("Coupon code"), _("a code has no spaces")))
    elif code and session.scalar(select(Promotion.id).where(
            func.upper(Promotion.coupon_code) == code.upper(),
            Promotion.id != (promotion_id or 0))):
        problems.append(Problem(_("Coupon code"), _("another promotion uses the code '{code}'")
                                .format(code=code)))
    return code
