"""The demo shop's customers: one per buyer handle of its orders (found or created by the same
pass the order import uses), then a few profiles filled in as a seller would: masked phone
numbers as marketplaces show them, birthdays given for a coupon, notes and tags on regulars."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from ecdesk.services.customers.handles import link_order_customers
from ecdesk.services.customers.tags import normalise_tags
from ecdesk.services.demo.draw import pick

PHONE_SHARE, BIRTHDAY_SHARE = 0.3, 0.15
REGULAR_ORDERS = 4  # customers with this many orders or more are tagged as regulars
NOTES = ("喜欢简约款 Prefers plain designs", "只收顺丰 SF Express only",
         "上次包裹破损，已补发 Last parcel damaged, resent",
         "公司采购，要发票 Company buyer, needs invoice")
TAGS = ("回头客 regular", "VIP", "批发 wholesale", "差评风险 review risk")


def add_customers(session: Session, rng: random.Random) -> int:
    """Create the customers of every order, then fill some profiles; returns how many."""
    created = link_order_customers(session, 1, source="demo")
    conn: Connection = session.connection()
    orders = dict(conn.exec_driver_sql(
        "SELECT customer_id, count(*) FROM orders WHERE customer_id IS NOT NULL "
        "GROUP BY customer_id ORDER BY customer_id").all())
    updates = [_profile(rng, customer_id, count) for customer_id, count in orders.items()]
    conn.exec_driver_sql(
        "UPDATE customers SET phone = ?, birthday = ?, notes = ?, tags = ? WHERE id = ?",
        [row for row in updates if row is not None])
    return created


def _profile(rng: random.Random, customer_id: int, orders: int) -> tuple | None:
    phone = (f"1{pick(rng, '3589')}{rng.randrange(10)}****{rng.randrange(10_000):04d}"
             if rng.random() < PHONE_SHARE else "")
    birthday = (date(1970, 1, 1) + timedelta(days=rng.randrange(365 * 35))
                if rng.random() < BIRTHDAY_SHARE else None)
    regular = orders >= REGULAR_ORDERS
    notes = pick(rng, NOTES) if regular and rng.random() < 0.3 else ""
    tags = [TAGS[0]] if regular else []
    if regular and rng.random() < 0.2:
        tags.append(pick(rng, TAGS[1:]))
    if not (phone or birthday or notes or tags):
        return None
    return (phone, birthday and birthday.isoformat(), notes, normalise_tags(tags),
            customer_id)
