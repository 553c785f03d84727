"""Saving, scheduling, cancelling and reading promotions (one transaction each)."""

from __future__ import annotations

from datetime import UTC, datetime, time

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError, Problem, ValidationError
from ecdesk.i18n import _
from ecdesk.models import Channel, Promotion, PromotionChannel
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.pricing.rules import Scope
from ecdesk.services.promotions.draft import PromotionDraft
from ecdesk.services.promotions.terms import (
    STATUS_LABELS,
    Funding,
    Kind,
    Phase,
    PromotionInfo,
    Stacking,
    Status,
    Terms,
)
from ecdesk.services.promotions.validation import check_promotion


def save_promotion(uow: UnitOfWork, draft: PromotionDraft, promotion_id: int | None = None,
                   *, now: datetime | None = None) -> Changed:
    """Create a promotion or change one (a draft, or a scheduled one that has not started);
    refused whole, with every problem, nothing written."""
    with uow:
        saved = write_promotion(uow.session, draft, promotion_id, now=now)
        uow.commit()
    return Changed.of(ChangeArea.PROMOTIONS, message=_("Promotion '{name}' saved").format(
        name=draft.name.strip()), ids=(saved,))


def write_promotion(session: Session, draft: PromotionDraft, promotion_id: int | None,
                    *, now: datetime | None = None) -> int:
    """Check `draft` and write it in the caller's transaction (flushed, not committed): its id.
    Every problem is raised at once (ValidationError) before anything is written."""
    promotion = Promotion() if promotion_id is None else _get(session, promotion_id)
    if promotion_id is not None:
        refusal = edit_refusal(_info(promotion, []), now or datetime.now(UTC))
        if refusal:
            raise ValidationError([Problem(_("Status"), refusal)])
    values, problems = check_promotion(session, draft, promotion_id)
    if problems:
        raise ValidationError(problems)
    channel_ids = values.pop("channel_ids")
    for key, value in values.items():
        setattr(promotion, key, getattr(value, "value", value))
    session.add(promotion)
    session.flush()
    session.execute(delete(PromotionChannel).where(
        PromotionChannel.promotion_id == promotion.id))
    session.add_all(PromotionChannel(promotion_id=promotion.id, channel_id=channel)
                    for channel in channel_ids)  # type: ignore[attr-defined]
    session.flush()
    return promotion.id


def promotion_problems(uow: UnitOfWork, draft: PromotionDraft,
                       promotion_id: int | None = None) -> list[Problem]:
    """What saving `draft` would refuse, without writing (a form checks as the user types)."""
    with uow:
        return check_promotion(uow.session, draft, promotion_id)[1]


def edit_refusal(promotion: PromotionInfo, now: datetime) -> str | None:
    """Why `promotion` cannot be changed at `now`, in words; None when it can."""
    if promotion.editable(now):
        return None
    phase = promotion.phase(now)
    if phase is Phase.RUNNING:
        return _("'{name}' is running: it can no longer be changed (cancel it, or duplicate "
                 "it and change the copy)").format(name=promotion.name)
    if phase is Phase.ENDED:
        return _("'{name}' has ended: it can no longer be changed (duplicate it to plan the "
                 "next one)").format(name=promotion.name)
    return _("'{name}' is cancelled: take it back to draft to change it").format(
        name=promotion.name)


def set_promotion_status(uow: UnitOfWork, promotion_id: int, status: Status) -> Changed:
    """Schedule a draft, cancel a promotion, or take it back to draft."""
    with uow:
        promotion = _get(uow.session, promotion_id)
        promotion.status = Status(status).value
        name = promotion.name
        uow.commit()
    message = _("Promotion '{name}' is now {status}").format(
        name=name, status=_(STATUS_LABELS[Status(status)]))
    return Changed.of(ChangeArea.PROMOTIONS, message=message, ids=(promotion_id,))


def get_promotion(uow: UnitOfWork, promotion_id: int) -> PromotionInfo:
    """One promotion, with its channels."""
    with uow:
        _get(uow.session, promotion_id)
        return next(p for p in read_promotions(uow.session) if p.id == promotion_id)


def _get(session: Session, promotion_id: int) -> Promotion:
    promotion = session.get(Promotion, promotion_id)
    if promotion is None:
        raise NotFoundError(_("There is no promotion {id}").format(id=promotion_id))
    return promotion


def _clock(text: str) -> time | None:
    return time.fromisoformat(text) if text else None


def read_promotions(session: Session, *, overlapping: tuple[datetime, datetime] | None = None,
                    statuses: tuple[Status, ...] = tuple(Status)) -> list[PromotionInfo]:
    """Promotions (those whose window meets [start, end) of `overlapping`), by start then id."""
    query = select(Promotion).where(Promotion.status.in_([s.value for s in statuses]))
    if overlapping is not None:
        start, end = overlapping
        query = query.where(Promotion.starts_at < end, Promotion.ends_at > start)
    rows = session.scalars(query.order_by(Promotion.starts_at, Promotion.id)).all()
    channels: dict[int, list[tuple[int, str]]] = {}
    for promotion_id, channel_id, name in session.execute(
            select(PromotionChannel.promotion_id, Channel.id, Channel.name)
            .join(Channel, Channel.id == PromotionChannel.channel_id)
            .order_by(Channel.position, Channel.id)):
        channels.setdefault(promotion_id, []).append((channel_id, name))
    return [_info(row, channels.get(row.id, [])) for row in rows]


def _info(row: Promotion, channels: list[tuple[int, str]]) -> PromotionInfo:
    return PromotionInfo(
        id=row.id, name=row.name, kind=Kind(row.kind), terms=Terms.from_json(row.params),
        starts_at=row.starts_at.astimezone(UTC), ends_at=row.ends_at.astimezone(UTC),
        time_zone=row.time_zone, channel_ids=frozenset(c for c, _name in channels),
        status=Status(row.status), daily_from=_clock(row.daily_from),
        daily_to=_clock(row.daily_to), scope=Scope(row.scope), scope_id=row.scope_id,
        scope_text=row.scope_text, funded_by=Funding(row.funded_by),
        seller_share=row.seller_share, stacking=Stacking(row.stacking), priority=row.priority,
        coupon_code=row.coupon_code, notes=row.notes,
        channel_names=tuple(name for _c, name in channels))


def list_promotions(uow: UnitOfWork) -> list[PromotionInfo]:
    """Every promotion, by start."""
    with uow:
        return read_promotions(uow.session)
