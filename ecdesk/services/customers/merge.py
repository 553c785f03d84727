"""Merging two customers who are one person (the same buyer on Tmall and on the own site).

Everything that points at the merged customer follows it to the one kept: its handles, its
orders, and every other table whose rows name a customer (tickets, when they exist: found from
the models' foreign keys, so a capability that adds one is merged without a change here). The
kept customer's empty contact fields take the merged one's, notes are joined and tags united.
The merged customer is kept, marked `merged_into_id`, never deleted; the audit trail has the
field changes of both and one row naming what moved.
"""

from __future__ import annotations

from sqlalchemy import Table, update
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import Problem, ValidationError
from ecdesk.i18n import _
from ecdesk.models import Base, Customer
from ecdesk.models.audit import record_change
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.customers.commands import live_customer
from ecdesk.services.customers.tags import normalise_tags, tag_list

CONTACT_FIELDS = ("name", "email", "phone", "address", "birthday")


def customer_references() -> list[tuple[Table, str]]:
    """(table, column) of every column that names a customer, but for the merge mark itself and
    the stored RFM (derived, one row per customer: the merge makes it stale, its refresh
    recomputes the kept customer's)."""
    found = []
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table.name == "customers" and not (
                    (table.name == "customers" and fk.parent.name == "merged_into_id")
                    or table.name == "customer_rfm"):
                found.append((table, fk.parent.name))
    return found


def merge_customers(uow: UnitOfWork, *, merged_id: int, into_id: int) -> Changed:
    """Merge customer `merged_id` into `into_id`, in one transaction."""
    if merged_id == into_id:
        raise ValidationError([Problem(_("Customer"),
                                       _("a customer cannot be merged into itself"))])
    with uow:
        session = uow.session
        merged = live_customer(session.get(Customer, merged_id), merged_id)
        kept = live_customer(session.get(Customer, into_id), into_id)
        _take_profile(kept, merged)
        merged.merged_into_id = into_id
        session.flush()
        moved = _move_references(session, merged_id, into_id)
        # Customers merged into this one earlier now point at the one kept.
        session.execute(update(Customer).where(Customer.merged_into_id == merged_id)
                        .values(merged_into_id=into_id))
        record_change(session, "customers", into_id, {"merged": [merged_id, into_id], **moved})
        name = kept.name or str(into_id)
        uow.commit()
    return Changed.of(ChangeArea.CUSTOMERS, ChangeArea.ORDERS,
                      message=_("Customer {merged} merged into {name}").format(
                          merged=merged_id, name=name), ids=(into_id, merged_id))


def _take_profile(kept: Customer, merged: Customer) -> None:
    for field in CONTACT_FIELDS:
        if not getattr(kept, field) and getattr(merged, field):
            setattr(kept, field, getattr(merged, field))
    if merged.notes and merged.notes not in kept.notes:
        kept.notes = "\n".join(part for part in (kept.notes, merged.notes) if part)
    kept.tags = normalise_tags([*tag_list(kept.tags), *tag_list(merged.tags)])


def _move_references(session: Session, merged_id: int, into_id: int) -> dict[str, int]:
    """Point every row naming `merged_id` at `into_id`; {table.column: [rows moved]}."""
    moved = {}
    for table, column in customer_references():
        result = session.execute(update(table).where(table.c[column] == merged_id)
                                 .values({column: into_id}))
        moved[f"{table.name}.{column}"] = result.rowcount
    return moved
