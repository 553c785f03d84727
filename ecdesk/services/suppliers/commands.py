"""Suppliers and their items (what each supplies, at what cost, MOQ, pack and lead time)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError, Problem, ValidationError
from ecdesk.i18n import N_, _
from ecdesk.models import (
    Product,
    ProductStatus,
    Supplier,
    SupplierItem,
    SupplierPriceBreak,
    SupplierStatus,
    Variant,
)
from ecdesk.services.changes import ChangeArea, Changed


@dataclass(frozen=True)
class SupplierDraft:
    name: str
    currency: str = "CNY"
    contact_name: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    payment_terms: str = ""
    lead_time_days: int | None = None
    min_order_value: Decimal = Decimal("0")
    status: SupplierStatus = SupplierStatus.ACTIVE
    contract_from: date | None = None
    contract_to: date | None = None
    next_evaluation: date | None = None
    documents: tuple[str, ...] = ()
    notes: str = ""
    service_rating: int | None = None
    innovation_rating: int | None = None


@dataclass(frozen=True)
class PriceBreak:
    min_quantity: int
    unit_cost: Decimal


@dataclass(frozen=True)
class SupplierItemDraft:
    supplier_id: int
    variant_id: int
    unit_cost: Decimal
    supplier_code: str = ""
    supplier_name: str = ""
    min_order_qty: int | None = None
    pack_multiple: int | None = None
    lead_time_days: int | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    preferred: bool = False
    price_breaks: tuple[PriceBreak, ...] = field(default=())


CONTRACT_FIELD = N_("Contract")  # the supplier dialog shows its problems under the dates


def check_supplier(draft: SupplierDraft) -> list[Problem]:
    problems = []
    if not draft.name.strip():
        problems.append(Problem(_("Name"), _("is required")))
    currency = draft.currency
    if len(currency) != 3 or not currency.isalpha() or not currency.isupper():
        problems.append(Problem(_("Currency"), _("'{value}' is not a three-letter code such as "
                                                 "CNY").format(value=currency)))
    if draft.lead_time_days is not None and draft.lead_time_days < 0:
        problems.append(Problem(_("Lead time"), _("must not be negative")))
    if draft.min_order_value < 0:
        problems.append(Problem(_("Minimum order value"), _("must not be negative")))
    if draft.contract_from and draft.contract_to and draft.contract_to < draft.contract_from:
        problems.append(Problem(_(CONTRACT_FIELD), _("ends before it starts")))
    for label, rating in ((_("Service rating"), draft.service_rating),
                          (_("Innovation rating"), draft.innovation_rating)):
        if rating is not None and not 1 <= rating <= 5:
            problems.append(Problem(label, _("must be from 1 to 5")))
    return problems


def _supplier_values(draft: SupplierDraft) -> dict[str, object]:
    values = {f.name: getattr(draft, f.name) for f in fields(draft)}
    values["name"] = draft.name.strip()
    values["documents"] = "\n".join(path.strip() for path in draft.documents if path.strip())
    values["status"] = SupplierStatus(draft.status)  # (the form hands the value: "on_hold")
    return values


def create_supplier(uow: UnitOfWork, draft: SupplierDraft) -> tuple[int, Changed]:
    problems = check_supplier(draft)
    if problems:
        raise ValidationError(problems)
    with uow:
        _refuse_taken_name(uow.session, draft.name)
        supplier = Supplier(**_supplier_values(draft))
        uow.session.add(supplier)
        uow.session.flush()
        supplier_id = supplier.id
        uow.commit()
    return supplier_id, Changed.of(ChangeArea.PURCHASING, message=_("Supplier {name} added")
                                   .format(name=draft.name.strip()), ids=(supplier_id,))


def update_supplier(uow: UnitOfWork, supplier_id: int, draft: SupplierDraft) -> Changed:
    problems = check_supplier(draft)
    if problems:
        raise ValidationError(problems)
    with uow:
        supplier = _supplier(uow.session, supplier_id)
        _refuse_taken_name(uow.session, draft.name, supplier_id)
        for name, value in _supplier_values(draft).items():
            setattr(supplier, name, value)
        uow.commit()
    return Changed.of(ChangeArea.PURCHASING, message=_("Supplier {name} saved")
                      .format(name=draft.name.strip()), ids=(supplier_id,))


def _refuse_taken_name(session: Session, name: str, own_id: int | None = None) -> None:
    taken = session.scalar(select(Supplier.id).where(Supplier.name == name.strip()))
    if taken is not None and taken != own_id:
        raise ValidationError([Problem(_("Name"), _("another supplier is called '{name}'")
                                       .format(name=name.strip()))])


def _supplier(session: Session, supplier_id: int) -> Supplier:
    supplier = session.get(Supplier, supplier_id)
    if supplier is None:
        raise NotFoundError(_("Supplier {id} does not exist").format(id=supplier_id))
    return supplier


def check_supplier_item(draft: SupplierItemDraft) -> list[Problem]:
    """Errors, and a warning for price breaks that do not fall as the quantity grows."""
    problems = []
    if draft.unit_cost < 0:
        problems.append(Problem(_("Unit cost"), _("must not be negative")))
    for label, value in ((_("Minimum order quantity"), draft.min_order_qty),
                         (_("Pack multiple"), draft.pack_multiple)):
        if value is not None and value < 1:
            problems.append(Problem(label, _("must be at least 1")))
    if draft.lead_time_days is not None and draft.lead_time_days < 0:
        problems.append(Problem(_("Lead time"), _("must not be negative")))
    if draft.valid_from and draft.valid_to and draft.valid_to < draft.valid_from:
        problems.append(Problem(_("Valid to"), _("is before valid from")))
    problems += _price_break_problems(draft)
    return problems


def _price_break_problems(draft: SupplierItemDraft) -> list[Problem]:
    problems = []
    seen: set[int] = set()
    previous = (1, draft.unit_cost)
    for row, price_break in enumerate(sorted(draft.price_breaks,
                                             key=lambda b: b.min_quantity), start=1):
        if price_break.min_quantity < 2 or price_break.min_quantity in seen:
            problems.append(Problem(_("Price break"), _(
                "from {quantity} units: a break starts at 2 units or more, once each").format(
                quantity=price_break.min_quantity), row))
        if price_break.unit_cost < 0:
            problems.append(Problem(_("Price break"), _("the unit cost must not be negative"),
                                    row))
        elif price_break.unit_cost > previous[1]:
            problems.append(Problem(_("Price break"), _(
                "from {quantity} units a unit costs {cost}, more than {before} from {below} "
                "units: a larger order usually costs less per unit").format(
                quantity=price_break.min_quantity, cost=price_break.unit_cost,
                before=previous[1], below=previous[0]), row, severity="warning"))
        seen.add(price_break.min_quantity)
        previous = (price_break.min_quantity, price_break.unit_cost)
    return problems


def set_supplier_item(uow: UnitOfWork, draft: SupplierItemDraft, *,
                      accept_warnings: bool = False) -> tuple[int, Changed]:
    """Add or replace what a supplier charges for a SKU. Warnings (price breaks that rise)
    refuse the save too unless `accept_warnings`: the user saw them and confirmed."""
    problems = check_supplier_item(draft)
    if any(p.is_error for p in problems) or (problems and not accept_warnings):
        raise ValidationError(problems)
    with uow:
        session = uow.session
        supplier = _supplier(session, draft.supplier_id)
        sku = _refuse_archived_sku(session, draft.variant_id)
        item = session.scalar(select(SupplierItem).where(
            SupplierItem.supplier_id == draft.supplier_id,
            SupplierItem.variant_id == draft.variant_id)) or SupplierItem(
            supplier_id=draft.supplier_id, variant_id=draft.variant_id)
        if draft.preferred:  # one preferred supplier per SKU: the others step back
            session.execute(update(SupplierItem).where(
                SupplierItem.variant_id == draft.variant_id,
                SupplierItem.supplier_id != draft.supplier_id).values(preferred=False))
        for name in ("unit_cost", "supplier_code", "supplier_name", "min_order_qty",
                     "pack_multiple", "lead_time_days", "valid_from", "valid_to", "preferred"):
            setattr(item, name, getattr(draft, name))
        session.add(item)
        session.flush()
        session.execute(delete(SupplierPriceBreak).where(
            SupplierPriceBreak.supplier_item_id == item.id))
        session.add_all(SupplierPriceBreak(supplier_item_id=item.id, min_quantity=b.min_quantity,
                                           unit_cost=b.unit_cost) for b in draft.price_breaks)
        item_id = item.id
        uow.commit()
    return item_id, Changed.of(ChangeArea.PURCHASING, ChangeArea.STOCK, message=_(
        "{sku} from {supplier} saved").format(sku=sku, supplier=supplier.name), ids=(item_id,))


def _refuse_archived_sku(session: Session, variant_id: int) -> str:
    row = session.execute(select(Variant.sku, Variant.archived, Product.status)
                          .join(Product, Product.id == Variant.product_id)
                          .where(Variant.id == variant_id)).first()
    if row is None:
        raise NotFoundError(_("SKU {id} does not exist").format(id=variant_id))
    if row.archived or row.status == ProductStatus.ARCHIVED:
        raise ValidationError([Problem(_("SKU"), _(
            "{sku} is archived: restore it before a supplier can supply it").format(sku=row.sku))])
    return row.sku


def remove_supplier_item(uow: UnitOfWork, item_id: int) -> Changed:
    """A supplier no longer supplies a SKU (its past purchase orders keep their lines)."""
    with uow:
        session = uow.session
        session.execute(delete(SupplierPriceBreak).where(
            SupplierPriceBreak.supplier_item_id == item_id))
        session.execute(delete(SupplierItem).where(SupplierItem.id == item_id))
        uow.commit()
    return Changed.of(ChangeArea.PURCHASING, ChangeArea.STOCK, ids=(item_id,))


def unit_cost_at(base_cost: Decimal, breaks: Sequence[tuple[int, Decimal]],
                 quantity: int) -> Decimal:
    """What one unit costs when `quantity` are ordered: the break with the largest minimum
    quantity at or below it, else the item's own unit cost."""
    cost = base_cost
    for min_quantity, break_cost in sorted(breaks):
        if min_quantity <= quantity:
            cost = break_cost
    return cost
