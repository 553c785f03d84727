"""Sales channels: the marketplaces and sites the shop sells on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError, Problem, ValidationError
from ecdesk.i18n import N_, _, ngettext
from ecdesk.models import Channel, ChannelKind
from ecdesk.money import MoneyError, parse_amount, to_decimal
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.pricing.margin import ChannelFees, FeeBasis

KIND_LABELS = {
    ChannelKind.TMALL: N_("Tmall"), ChannelKind.JD: N_("JD"),
    ChannelKind.PINDUODUO: N_("Pinduoduo"), ChannelKind.SHOPIFY: N_("Shopify"),
    ChannelKind.AMAZON: N_("Amazon"), ChannelKind.OWN_SITE: N_("Own site"),
    ChannelKind.OFFLINE: N_("Offline"), ChannelKind.OTHER: N_("Other"),
}


@dataclass(frozen=True)
class ChannelInfo:
    id: int
    name: str
    kind: str
    currency: str
    commission_rate: Decimal
    payment_fee_rate: Decimal
    archived: bool
    per_order_fee: Decimal = Decimal("0")
    per_unit_fee: Decimal = Decimal("0")
    fee_basis: str = FeeBasis.AFTER_DISCOUNTS.value

    @property
    def fees(self) -> ChannelFees:
        """What the channel charges, as the pricing module computes fees from it."""
        return ChannelFees(self.commission_rate, self.payment_fee_rate, self.per_order_fee,
                           self.per_unit_fee, FeeBasis(self.fee_basis))


def channel_info(channel: Channel) -> ChannelInfo:
    return ChannelInfo(channel.id, channel.name, channel.kind.value, channel.currency,
                       channel.commission_rate, channel.payment_fee_rate, channel.archived,
                       channel.per_order_fee, channel.per_unit_fee, channel.fee_basis)


def list_channels(uow: UnitOfWork, *, include_archived: bool = False) -> list[ChannelInfo]:
    with uow:
        query = select(Channel).order_by(Channel.position, Channel.id)
        if not include_archived:
            query = query.where(Channel.archived.is_(False))
        return [channel_info(c) for c in uow.session.scalars(query)]


@dataclass(frozen=True)
class FixedFees:
    """A channel's fixed fees as typed, and which amount its rates are charged on."""

    per_order: Decimal | str = Decimal("0")
    per_unit: Decimal | str = Decimal("0")
    basis: str = FeeBasis.AFTER_DISCOUNTS.value


def _check_fixed(fixed: FixedFees, problems: list[Problem]) -> None:
    for label, value in ((N_("Fee per order"), fixed.per_order),
                         (N_("Fee per unit"), fixed.per_unit)):
        try:
            amount = to_decimal(value) if isinstance(value, Decimal) else parse_amount(value)
        except MoneyError:
            problems.append(Problem(_(label), _("'{value}' is not an amount").format(
                value=value)))
            continue
        if amount < 0 or amount != amount.quantize(Decimal("0.01")):
            problems.append(Problem(_(label), _("must be an amount of 0 or more, in cents")))
    if fixed.basis not in {b.value for b in FeeBasis}:
        problems.append(Problem(_("Fees charged on"), _("'{value}' is neither before nor after "
                                                       "discounts").format(value=fixed.basis)))


def _amount(value: Decimal | str) -> Decimal:
    return to_decimal(value) if isinstance(value, Decimal) else parse_amount(value)


def _check(uow: UnitOfWork, channel_id: int | None, name: str, kind: str, currency: str,
           commission_rate: Decimal | str, payment_fee_rate: Decimal | str) -> list[Problem]:
    problems = _check_fields(name, kind, currency, commission_rate, payment_fee_rate)
    if name.strip():
        clash = select(Channel.id).where(func.lower(Channel.name) == name.strip().lower())
        if channel_id is not None:
            clash = clash.where(Channel.id != channel_id)
        if uow.session.scalar(clash) is not None:
            problems.insert(0, _name_taken(name))
    return problems


def _name_taken(name: str, row: int | None = None) -> Problem:
    return Problem(N_("Name"), _("a channel named '{strip}' already exists").format(
        strip=name.strip()), row)


def _check_fields(name: str, kind: str, currency: str, commission_rate: Decimal | str,
                  payment_fee_rate: Decimal | str) -> list[Problem]:
    """What is wrong with a channel's fields, without looking at the shop."""
    problems = []
    if not name.strip():
        problems.append(Problem(N_("Name"), _("is required")))
    if kind not in {k.value for k in ChannelKind}:
        problems.append(Problem(N_("Kind"), _("'{kind}' is not a channel kind").format(kind=kind)))
    if len(currency) != 3 or not currency.isalpha() or not currency.isupper():
        problems.append(
            Problem(
                N_("Currency"),
                _("'{currency}' is not a three-letter code such as CNY").format(currency=currency),
            )
        )
    for label, value in (("Commission", commission_rate), ("Payment fee", payment_fee_rate)):
        try:
            rate = to_decimal(value)
            if not Decimal("0") <= rate < Decimal("1"):
                problems.append(Problem(label, _("must be between 0 % and 100 %")))
            elif rate != rate.quantize(Decimal("0.000001")):
                problems.append(Problem(label, _("can have at most four decimals as a percentage")))
        except MoneyError as error:
            problems.append(Problem(label, str(error)))
    return problems


def save_channel(uow: UnitOfWork, *, channel_id: int | None = None, name: str, kind: str,
                 currency: str, commission_rate: Decimal | str = Decimal("0"),
                 payment_fee_rate: Decimal | str = Decimal("0"),
                 fixed_fees: FixedFees = FixedFees()) -> Changed:
    """Create a channel (channel_id None) or change one."""
    with uow:
        problems = _check(uow, channel_id, name, kind, currency, commission_rate, payment_fee_rate)
        _check_fixed(fixed_fees, problems)
        if problems:
            raise ValidationError(problems)
        if channel_id is None:
            position = uow.session.scalar(select(func.coalesce(func.max(Channel.position), 0))) + 1
            channel = Channel(position=position)
            uow.session.add(channel)
        else:
            channel = _get(uow, channel_id)
        channel.name = name.strip()
        channel.kind = ChannelKind(kind)
        channel.currency = currency
        channel.commission_rate = to_decimal(commission_rate)
        channel.payment_fee_rate = to_decimal(payment_fee_rate)
        channel.per_order_fee = _amount(fixed_fees.per_order)
        channel.per_unit_fee = _amount(fixed_fees.per_unit)
        channel.fee_basis = fixed_fees.basis
        uow.session.flush()
        new_id = channel.id
        uow.commit()
    return Changed.of(
        ChangeArea.CHANNELS,
        ChangeArea.CATALOG,
        message=_("Channel '{strip}' saved").format(strip=name.strip()),
        ids=(new_id,),
    )


@dataclass(frozen=True)
class NewChannel:
    """A channel set up with the shop: the rates and fees start at 0 (Settings has them)."""

    name: str
    kind: str
    currency: str


def check_new_channels(channels: Sequence[NewChannel]) -> list[Problem]:
    """Every problem of the channels as typed, each on its row (no two with one name)."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for row, channel in enumerate(channels, start=1):
        for problem in _check_fields(channel.name, channel.kind, channel.currency, "0", "0"):
            problems.append(Problem(problem.field, problem.message, row))
        key = channel.name.strip().casefold()
        if key and key in seen:
            problems.append(_name_taken(channel.name, row))
        seen.add(key)
    return problems


def add_channels(uow: UnitOfWork, channels: Sequence[NewChannel]) -> Changed:
    """Create several channels in one transaction, all or none (the new shop's first step)."""
    problems = check_new_channels(channels)
    with uow:
        session = uow.session
        taken = {name.casefold() for name in session.scalars(select(Channel.name))}
        problems += [_name_taken(c.name, row) for row, c in enumerate(channels, start=1)
                     if c.name.strip().casefold() in taken]
        if problems:
            raise ValidationError(sorted(problems, key=lambda p: p.row or 0))
        position = session.scalar(select(func.coalesce(func.max(Channel.position), 0)))
        added = [Channel(position=position + n, name=c.name.strip(), kind=ChannelKind(c.kind),
                         currency=c.currency, commission_rate=Decimal(0),
                         payment_fee_rate=Decimal(0))
                 for n, c in enumerate(channels, start=1)]
        session.add_all(added)
        session.flush()
        ids = tuple(channel.id for channel in added)
        uow.commit()
    return Changed.of(ChangeArea.CHANNELS, ChangeArea.CATALOG,
                      message=ngettext("{count} channel added", "{count} channels added",
                                       len(ids)).format(count=len(ids)), ids=ids)


def set_channel_archived(uow: UnitOfWork, channel_id: int, archived: bool) -> Changed:
    """Archive a channel (its listings are kept) or bring it back."""
    with uow:
        channel = _get(uow, channel_id)
        channel.archived = archived
        name = channel.name
        uow.commit()
    verb = "archived" if archived else "restored"
    return Changed.of(
        ChangeArea.CHANNELS,
        ChangeArea.CATALOG,
        message=_("Channel '{name}' {verb}").format(name=name, verb=verb),
        ids=(channel_id,),
    )


def _get(uow: UnitOfWork, channel_id: int) -> Channel:
    channel = uow.session.get(Channel, channel_id)
    if channel is None:
        raise NotFoundError(_("Channel {channel_id} does not exist").format(channel_id=channel_id))
    return channel
