"""Write side of customers: edit a profile, give a customer another channel's handle."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError, Problem, ValidationError
from ecdesk.i18n import _
from ecdesk.models import Channel, Customer, CustomerHandle
from ecdesk.models.base import utc_now
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.customers.dto import CustomerEdit
from ecdesk.services.customers.handles import handle_key
from ecdesk.services.customers.tags import normalise_tags

LIMITS = {"name": 120, "email": 200, "phone": 40}
OLDEST_BIRTHDAY = date(1900, 1, 1)


def check_customer(edit: CustomerEdit, today: date) -> tuple[list[Problem], date | None]:
    """Every problem with the form, and the birthday read from it."""
    problems = [Problem(_(field.title()), _("at most {limit} characters").format(limit=limit))
                for field, limit in LIMITS.items() if len(getattr(edit, field).strip()) > limit]
    email = edit.email.strip()
    if email and ("@" not in email or " " in email):
        problems.append(Problem(_("Email"), _("'{value}' is not an e-mail address")
                                .format(value=email)))
    birthday = None
    if edit.birthday.strip():
        try:
            birthday = date.fromisoformat(edit.birthday.strip())
        except ValueError:
            problems.append(Problem(_("Birthday"), _("'{value}' is not a date (YYYY-MM-DD)")
                                    .format(value=edit.birthday.strip())))
        else:
            if not OLDEST_BIRTHDAY <= birthday <= today:
                problems.append(Problem(_("Birthday"), _("{value} is not a possible birthday")
                                        .format(value=birthday.isoformat())))
    return problems, birthday


def update_customer(uow: UnitOfWork, customer_id: int, edit: CustomerEdit) -> Changed:
    """Save a customer's contact fields, notes and tags (every one may be empty)."""
    problems, birthday = check_customer(edit, utc_now().date())
    if problems:
        raise ValidationError(problems)
    with uow:
        customer = live_customer(uow.session.get(Customer, customer_id), customer_id)
        customer.name = edit.name.strip()
        customer.email = edit.email.strip()
        customer.phone = edit.phone.strip()
        customer.address = edit.address.strip()
        customer.birthday = birthday
        customer.notes = edit.notes.strip()
        customer.tags = normalise_tags(edit.tags)
        name = customer.name
        uow.commit()
    return Changed.of(ChangeArea.CUSTOMERS, message=_("Customer {name} saved").format(
        name=name or customer_id), ids=(customer_id,))


def add_handle(uow: UnitOfWork, customer_id: int, channel_id: int, key: str) -> Changed:
    """Give a customer the handle `key` on a channel; a handle another customer has is
    refused (merge the two customers instead)."""
    key = handle_key(key)
    if not key:
        raise ValidationError([Problem(_("Handle"), _("type the buyer's id on that channel"))])
    with uow:
        session = uow.session
        live_customer(session.get(Customer, customer_id), customer_id)
        channel = session.get(Channel, channel_id)
        if channel is None:
            raise NotFoundError(_("That channel no longer exists; choose another"))
        owner = session.scalar(select(CustomerHandle.customer_id).where(
            CustomerHandle.channel_id == channel_id, CustomerHandle.key == key))
        if owner == customer_id:
            raise ValidationError([Problem(_("Handle"), _("{key} on {channel} is already "
                                  "this customer's").format(key=key, channel=channel.name))])
        if owner is not None:
            raise ValidationError([Problem(_("Handle"), _(
                "{key} on {channel} belongs to customer {owner}; merge the two customers "
                "instead").format(key=key, channel=channel.name, owner=owner))])
        session.add(CustomerHandle(customer_id=customer_id, channel_id=channel_id, key=key))
        uow.commit()
    return Changed.of(ChangeArea.CUSTOMERS, message=_("Handle {key} added").format(key=key),
                      ids=(customer_id,))


def live_customer(customer: Customer | None, customer_id: int) -> Customer:
    """The customer, refused when missing or merged into another."""
    if customer is None:
        raise NotFoundError(_("Customer {id} does not exist (was it removed elsewhere?)")
                            .format(id=customer_id))
    if customer.merged_into_id is not None:
        raise ValidationError([Problem(_("Customer"), _(
            "customer {id} was merged into customer {other}; open that one").format(
            id=customer_id, other=customer.merged_into_id))])
    return customer
