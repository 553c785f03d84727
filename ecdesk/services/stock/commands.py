"""User actions on stock: receive, adjust or write off by hand, post a stock count, set a policy.

Each is one transaction through the ledger; a stock count posts only the differences, as
"counted" movements, so the history shows what the shelf really held.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError, Problem, ValidationError
from ecdesk.i18n import N_, _
from ecdesk.models import MovementKind, StockPolicy, Variant
from ecdesk.models.audit import record_bulk
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.shop_file.backups import back_up_before_bulk
from ecdesk.services.stock.ledger import BATCH, Movement, post_movements
from ecdesk.services.stock.movement_labels import KIND_LABELS

MANUAL_KINDS = (MovementKind.RECEIVED, MovementKind.ADJUSTED, MovementKind.WRITTEN_OFF,
                MovementKind.RETURNED)


def adjust_stock(uow: UnitOfWork, *, variant_id: int, kind: MovementKind, quantity: int,
                 reason: str = "", reference: str = "") -> Changed:
    """One manual movement: goods received, a correction, a write-off, a return to the shelf."""
    problems = []
    if kind not in MANUAL_KINDS:
        problems.append(
            Problem(
                N_("Kind"),
                _("'{value}' movements are made by orders and stock counts, not by hand").format(
                    value=kind.value
                ),
            )
        )
    if quantity == 0:
        problems.append(Problem(N_("Quantity"), _("must not be zero")))
    if kind == MovementKind.ADJUSTED and not reason.strip():
        problems.append(Problem(N_("Reason"), _("is required for an adjustment")))
    if problems:
        raise ValidationError(problems)
    with uow:
        sku = uow.session.scalar(select(Variant.sku).where(Variant.id == variant_id))
        if sku is None:
            raise NotFoundError(
                _("SKU {variant_id} does not exist (was it removed elsewhere?)").format(
                    variant_id=variant_id
                )
            )
        post_movements(uow.session, [Movement(variant_id, kind, quantity, reason.strip(),
                                              reference.strip())])
        uow.commit()
    return Changed.of(ChangeArea.STOCK,
                      message=_("{sku}: {quantity} ({kind})").format(
                          sku=sku, quantity=f"{quantity:+d}", kind=_(KIND_LABELS[kind.value])),
                      ids=(variant_id,))


@dataclass(frozen=True)
class CountResult:
    counted: int  # SKUs counted
    differing: int  # of them, SKUs whose count differed from on hand
    units: int  # net units added (+) or removed (-) by the differences
    changed: Changed


def post_stock_count(uow: UnitOfWork, counts: Mapping[int, int], *, reference: str = "",
                     note: str = "") -> CountResult:
    """Record counted quantities (variant id -> units on the shelf) and post the differences."""
    problems = [
        Problem(
            N_("Counted"),
            _("'{value}' is not a whole number of at least 0").format(value=value), row
        )
        for row, value in enumerate(counts.values(), start=1)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0
    ]
    if not counts:
        problems.append(Problem(N_("Counted"), _("nothing was counted")))
    if problems:
        raise ValidationError(problems)
    reference = reference.strip() or "Stock count"
    back_up_before_bulk(uow, len(counts))
    with uow:
        session = uow.session
        on_hand = _on_hand(session, list(counts))
        missing = [vid for vid in counts if vid not in on_hand]
        if missing:
            raise NotFoundError(
                _("{missing_count} counted SKU(s) no longer exist; nothing was posted").format(
                    missing_count=len(missing)
                )
            )
        movements = [
            Movement(vid, MovementKind.COUNTED, counted - on_hand[vid][1],
                     f"Counted {counted} (was {on_hand[vid][1]})" + (f": {note}" if note else ""),
                     reference)
            for vid, counted in counts.items() if counted != on_hand[vid][1]
        ]
        post_movements(session, movements)
        record_bulk(session, "stock_movements", {
            "action": "stock count", "reference": reference, "counted": len(counts),
            "changed": len(movements)})
        uow.commit()
    units = sum(m.quantity for m in movements)
    message = f"Stock count posted: {len(movements)} of {len(counts)} SKUs changed ({units:+d})"
    return CountResult(len(counts), len(movements), units,
                       Changed.of(ChangeArea.STOCK, message=message, ids=tuple(counts)))


def _on_hand(session: Session, ids: list[int]) -> dict[int, tuple[str, int]]:
    found: dict[int, tuple[str, int]] = {}
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        rows = session.execute(
            select(Variant.id, Variant.sku, Variant.on_hand).where(Variant.id.in_(chunk)))
        found.update({vid: (sku, qty) for vid, sku, qty in rows})
    return found


@dataclass(frozen=True)
class PolicyDraft:
    """A SKU's own stock rules; None keeps the shop default."""

    reorder_point: int | None = None
    safety_stock: int | None = None
    max_stock: int | None = None
    lead_time_days: int | None = None
    pack_multiple: int | None = None
    min_order_qty: int | None = None
    allow_negative: bool | None = None


def check_policy(draft: PolicyDraft) -> list[Problem]:
    problems = []
    for name in ("reorder_point", "safety_stock", "max_stock", "lead_time_days"):
        value = getattr(draft, name)
        if value is not None and value < 0:
            problems.append(Problem(name.replace("_", " ").capitalize(), _("must not be negative")))
    for name in ("pack_multiple", "min_order_qty"):
        value = getattr(draft, name)
        if value is not None and value < 1:
            problems.append(Problem(name.replace("_", " ").capitalize(), _("must be at least 1")))
    if (draft.max_stock is not None and draft.reorder_point is not None
            and draft.max_stock < draft.reorder_point):
        problems.append(Problem(N_("Max stock"), _("must not be below the reorder point")))
    return problems


def set_stock_policy(uow: UnitOfWork, variant_id: int, draft: PolicyDraft) -> Changed:
    problems = check_policy(draft)
    if problems:
        raise ValidationError(problems)
    with uow:
        session = uow.session
        if session.get(Variant, variant_id) is None:
            raise NotFoundError(
                _("SKU {variant_id} does not exist (was it removed elsewhere?)").format(
                    variant_id=variant_id
                )
            )
        policy = session.get(StockPolicy, variant_id) or StockPolicy(variant_id=variant_id)
        session.add(policy)
        for name, value in vars(draft).items():
            setattr(policy, name, value)
        uow.commit()
    return Changed.of(ChangeArea.STOCK, message=_("Stock rules saved"), ids=(variant_id,))
