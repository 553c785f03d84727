"""Suppliers and purchase orders in "search everything": a supplier by its name or contact, a
purchase order by its number or its supplier's name (newest first). Both tables are small (a
shop has tens of suppliers and a few thousand orders), so a LIKE is enough."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ecdesk.models import PurchaseOrder, Supplier
from ecdesk.services.common.search_registry import SearchHit, SearchProvider


def _pattern(text: str) -> str:
    escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_suppliers(session: Session, text: str, limit: int) -> list[SearchHit]:
    pattern = _pattern(text)
    rows = session.execute(
        select(Supplier.id, Supplier.name, Supplier.contact_name, Supplier.currency)
        .where(or_(Supplier.name.ilike(pattern, escape="\\"),
                   Supplier.contact_name.ilike(pattern, escape="\\")))
        .order_by(Supplier.name).limit(limit)).all()
    return [SearchHit("supplier", row.id, row.name, " · ".join(
        part for part in (row.contact_name, row.currency) if part), find_text=row.name)
        for row in rows]


def search_purchase_orders(session: Session, text: str, limit: int) -> list[SearchHit]:
    pattern = _pattern(text)
    rows = session.execute(
        select(PurchaseOrder.id, PurchaseOrder.number, PurchaseOrder.status, Supplier.name)
        .join(Supplier, Supplier.id == PurchaseOrder.supplier_id)
        .where(or_(PurchaseOrder.number.ilike(pattern, escape="\\"),
                   Supplier.name.ilike(pattern, escape="\\")))
        .order_by(PurchaseOrder.id.desc()).limit(limit)).all()
    return [SearchHit("purchase_order", row.id, row.number,
                      f"{row.name} · {row.status.value.replace('_', ' ')}",
                      find_text=row.number) for row in rows]


SUPPLIERS = SearchProvider("supplier", "Suppliers", search_suppliers)
PURCHASE_ORDERS = SearchProvider("purchase_order", "Purchase orders", search_purchase_orders)
