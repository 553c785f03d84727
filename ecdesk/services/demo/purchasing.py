"""The demo's suppliers and a year of purchase orders.

The year's deliveries are already in the stock ledger, each referenced by its purchase order's
number (PO-2026-0001…, services/demo/stock.py). They become real purchase orders here: each
number one order from one supplier (taking turns), its lines the deliveries booked under it
(linked to their movements), sent two weeks before it was due, received with realistic delays
(mostly on the day or a few days late, some early) and a few units rejected at inspection,
then closed. Each order pays its own price (the SKU's catalog cost within 5 % either way, in
the supplier's currency), so the scorecards see price variance. A SKU's preferred supplier is
the one that delivered it last; a fifth of the SKUs have a second supplier to compare quotes
with. A preferred supplier's item promises the shop's default lead time and sets no MOQ or pack
of its own, so the demo's alert examples (chosen on the shop defaults,
services/demo/targets.py) read as before.

Costs follow the receiving rule (services/purchasing/costing.py): once every receipt is written,
each SKU's receipts are replayed in time order with the units on hand just before each, and
its unit cost becomes their moving average, as receive_purchase_order would have left it. Each
change is kept in the cost history at its receipt's moment, and every order line carries the
cost of its moment (what record_order stores), so a past valuation reads the cost of its time.

Then a few open orders, only on SKUs without any alert and selling briskly (so that what they
bring, or will bring, changes no alert): sent ones (one already late), one partly received,
one draft and one cancelled.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import Connection

from ecdesk.db import Database
from ecdesk.money import from_minor_units, to_minor_units
from ecdesk.services.common.numbering import PURCHASE_ORDER
from ecdesk.services.demo.orders import DAY, DemoClock
from ecdesk.services.demo.rows import Stamps, executemany
from ecdesk.services.purchasing.cost_history import cost_as_of_sql
from ecdesk.services.purchasing.costing import landed_unit_cost, moving_average

SUPPLIERS = [  # name, contact, currency, payment terms, service, innovation, rate
    ("义乌华信日用品有限公司 Yiwu Huaxin", "王经理 Wang", "CNY", "月结30天 30 days net", 4, 3),
    ("宁波远航贸易 Ningbo Yuanhang", "陈小姐 Chen", "CNY", "款到发货 Prepaid", 3, 2),
    ("广州博雅服饰 Guangzhou Boya", "李先生 Li", "CNY", "月结45天 45 days net", 5, 4),
    ("深圳创联电子 Shenzhen Chuanglian", "张工 Zhang", "CNY", "货到付款 On delivery", 4, 5),
    ("Pacific Outdoor Supply Co.", "Mark Ellis", "USD", "Net 30, T/T", 3, 4),
]
USD_RATE = Decimal("7.20")
LEAD = 14  # the shop's default: the demo's alerts are chosen on it
SECOND_SUPPLIER_SHARE = 0.2
REJECTED_SHARE = 0.05
PRICE_SPREAD = 5  # percent: what each past order paid around the SKU's catalog cost
OPEN_SENT = 3


def write_purchasing(db: Database, rng: random.Random, clock: DemoClock) -> dict[str, int]:
    with db.uow("demo") as uow:
        conn = uow.session.connection()
        supplier_ids = _suppliers(conn)
        orders = _past_orders(conn, rng, clock, supplier_ids)
        items = _items(conn, rng, supplier_ids)
        calm = _calm_skus(db, uow.session, clock)
        opened = _open_orders(conn, rng, clock, supplier_ids, calm)
        _average_costs(conn)
        uow.commit()
    return {"suppliers": len(supplier_ids), "purchase_orders": orders + opened,
            "supplier_items": items}


def _suppliers(conn: Connection) -> list[int]:
    ids = []
    for position, (name, contact, currency, terms, service, innovation) in enumerate(SUPPLIERS):
        stamp = Stamps().text(int(datetime(2025, 1, 2).timestamp()))
        ids.append(conn.exec_driver_sql(
            "INSERT INTO suppliers (name, contact_name, email, phone, address, currency, "
            "payment_terms, lead_time_days, min_order_value, status, contract_from, contract_to, "
            "next_evaluation, documents, notes, service_rating, innovation_rating, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', '2025-01-01', '2026-12-31', "
            "'2027-01-15', '', '', ?, ?, ?) RETURNING id",
            (name, contact, f"sales{position + 1}@example.com", f"+86 571 8800 {position:04d}",
             "", currency, terms, LEAD if currency == "CNY" else 30,
             to_minor_units(Decimal(500 * (position + 1))), service, innovation,
             stamp)).scalar_one())
    return ids


def _past_orders(conn: Connection, rng: random.Random, clock: DemoClock,
                 supplier_ids: list[int]) -> int:
    """The ledger's deliveries under PO numbers, as closed purchase orders."""
    deliveries: dict[str, list[tuple[int, int, int, str, int]]] = defaultdict(list)
    for movement_id, variant_id, at, quantity, reference, cost in conn.exec_driver_sql(
            "SELECT m.id, m.variant_id, m.at, m.quantity, m.reference, v.unit_cost "
            "FROM stock_movements AS m JOIN variants AS v ON v.id = m.variant_id "
            "WHERE m.kind = 'received' AND m.reference LIKE 'PO-%' ORDER BY m.id"):
        if PURCHASE_ORDER.counter_of(reference, int(reference[3:7])) is not None:
            deliveries[reference].append((movement_id, variant_id, quantity, at, cost))
    currency_of = {sid: currency for sid, (_n, _c, currency, *_r) in zip(
        supplier_ids, SUPPLIERS, strict=True)}
    order_rows, line_rows, receipt_rows, receipt_lines, links = [], [], [], [], []
    next_order = _next_id(conn, "purchase_orders")
    next_line = _next_id(conn, "purchase_order_lines")
    last_supplier: dict[int, tuple[str, int]] = {}
    for n, (number, lines) in enumerate(sorted(deliveries.items(),
                                               key=lambda item: item[1][0][3])):
        supplier_id = supplier_ids[n % len(supplier_ids)]
        foreign = currency_of[supplier_id] != "CNY"
        rate = (USD_RATE + Decimal(rng.randint(-10, 10)) / 100) if foreign else Decimal(1)
        received_at = datetime.fromisoformat(lines[0][3])
        delay = rng.choices((-2, -1, 0, 0, 0, 1, 2, 3, 5, 8), k=1)[0]
        arrived = received_at.replace(tzinfo=UTC).astimezone(clock.zone).date()
        due = arrived - timedelta(days=delay)
        sent = received_at - timedelta(days=LEAD + delay)
        order_id = next_order + n
        order_rows.append((order_id, number, supplier_id, "closed",
                           "USD" if foreign else "CNY", int(rate * 10**6), due.isoformat(),
                           0, 0, "", _stored(sent), _stored(sent), _stored(received_at),
                           _stored(received_at + timedelta(days=3))))
        receipt_rows.append((order_id, order_id, _stored(received_at), f"DN-{number[3:]}"))
        for position, (movement_id, variant_id, quantity, _at, cost) in enumerate(lines, 1):
            line_id = next_line
            next_line += 1
            price = Decimal(rng.randint(100 - PRICE_SPREAD, 100 + PRICE_SPREAD)) / 100
            unit = (Decimal(cost) / 100 * price / rate).quantize(Decimal("0.01"), ROUND_HALF_UP)
            rejected = rng.randint(1, 3) if rng.random() < REJECTED_SHARE else 0
            line_rows.append((line_id, order_id, position, variant_id, quantity + rejected,
                              to_minor_units(unit), quantity, rejected, rejected))
            receipt_lines.append((order_id, line_id, quantity, rejected,
                                  to_minor_units(landed_unit_cost(unit, rate, ()))))
            links.append((line_id, movement_id))
            last_supplier[variant_id] = (number, supplier_id)
    executemany(conn, "INSERT INTO purchase_orders (id, number, supplier_id, status, currency, "
                "exchange_rate, expected_on, shipping_cost, other_costs, notes, created_at, "
                "sent_at, received_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "?)", order_rows)
    executemany(conn, "INSERT INTO purchase_order_lines (id, order_id, position, variant_id, "
                "quantity, unit_cost, received, rejected, cancelled, returned, open_quantity) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)", line_rows)
    executemany(conn, "INSERT INTO purchase_receipts (id, order_id, received_at, reference, "
                "shipping_cost, other_costs, note) VALUES (?, ?, ?, ?, 0, 0, '')", receipt_rows)
    executemany(conn, "INSERT INTO purchase_receipt_lines (receipt_id, order_line_id, accepted, "
                "rejected, landed_unit_cost) VALUES (?, ?, ?, ?, ?)", receipt_lines)
    executemany(conn, "UPDATE stock_movements SET po_line_id = ? WHERE id = ?", links)
    conn.exec_driver_sql("CREATE TEMP TABLE demo_last_supplier (variant_id INTEGER PRIMARY KEY, "
                         "supplier_id INTEGER)")
    executemany(conn, "INSERT INTO demo_last_supplier VALUES (?, ?)",
                [(vid, sid) for vid, (_number, sid) in last_supplier.items()])
    return len(order_rows)


def _items(conn: Connection, rng: random.Random, supplier_ids: list[int]) -> int:
    """Each SKU's items: its last supplier's (preferred), and for some a second one's."""
    rows = conn.exec_driver_sql(
        "SELECT v.id, v.sku, v.unit_cost, l.supplier_id FROM variants AS v "
        "LEFT JOIN demo_last_supplier AS l ON l.variant_id = v.id "
        "JOIN products AS p ON p.id = v.product_id "
        "WHERE v.archived = 0 AND p.status != 'archived' ORDER BY v.id").all()
    usd = {sid for sid, spec in zip(supplier_ids, SUPPLIERS, strict=True) if spec[2] != "CNY"}
    items, breaks = [], []
    next_item = _next_id(conn, "supplier_items")
    for variant_id, sku, cost, last in rows:
        preferred = last or supplier_ids[variant_id % len(supplier_ids)]
        choices = [(preferred, True)]
        if rng.random() < SECOND_SUPPLIER_SHARE:
            other = rng.choice([sid for sid in supplier_ids if sid != preferred])
            choices.append((other, False))
        for supplier_id, is_preferred in choices:
            factor = Decimal(1) if is_preferred else Decimal(rng.randint(92, 112)) / 100
            unit = Decimal(cost) / 100 * factor / (USD_RATE if supplier_id in usd else 1)
            unit = unit.quantize(Decimal("0.01"), ROUND_HALF_UP)
            moq, pack = (None, None) if is_preferred else (rng.choice((10, 20, 50)),
                                                           rng.choice((1, 6, 12)))
            items.append((next_item, supplier_id, variant_id, f"{supplier_id:02d}-{sku}", "",
                          to_minor_units(unit), moq, pack, LEAD if is_preferred else 30 if
                          supplier_id in usd else 10, int(is_preferred)))
            if unit >= Decimal("2.00") and rng.random() < 0.5:
                breaks.append((next_item, 100, to_minor_units(
                    (unit * Decimal("0.95")).quantize(Decimal("0.01"), ROUND_HALF_UP))))
            next_item += 1
    executemany(conn, "INSERT INTO supplier_items (id, supplier_id, variant_id, supplier_code, "
                "supplier_name, unit_cost, min_order_qty, pack_multiple, lead_time_days, "
                "preferred) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", items)
    executemany(conn, "INSERT INTO supplier_price_breaks (supplier_item_id, min_quantity, "
                "unit_cost) VALUES (?, ?, ?)", breaks)
    conn.exec_driver_sql("DROP TABLE temp.demo_last_supplier")
    return len(items)


def _calm_skus(db: Database, session: object, clock: DemoClock) -> list[tuple[int, int, int]]:
    """(variant id, preferred supplier, unit cost) of SKUs with no alert at all and at least
    10 units sold in the sales window: an order for them changes no alert."""
    from ecdesk.services.stock.alerts_figures import sku_rows
    from ecdesk.services.stock.alerts_rules import AlertRules
    from ecdesk.services.stock.defaults import read_stock_defaults

    defaults = read_stock_defaults(session)  # type: ignore[arg-type]
    now = datetime.fromtimestamp(clock.now, UTC)
    judged = {row[0] for row in sku_rows(session, defaults, now)  # type: ignore[arg-type]
              if AlertRules(defaults).assess(row) is not None}
    rows = session.connection().exec_driver_sql(  # type: ignore[attr-defined]
        "SELECT si.variant_id, si.supplier_id, si.unit_cost FROM supplier_items AS si "
        "JOIN variants AS v ON v.id = si.variant_id WHERE si.preferred = 1 "
        "AND v.on_hand > 0 AND (SELECT coalesce(sum(ol.quantity), 0) FROM order_lines AS ol "
        "JOIN orders AS o ON o.id = ol.order_id WHERE ol.variant_id = v.id "
        "AND o.ordered_at >= ?) >= 10 ORDER BY si.variant_id",
        (Stamps().text(clock.now - 28 * DAY),)).all()
    del db  # (the alerts read through the generator's own session)
    return [tuple(row) for row in rows if row[0] not in judged][5:]


def _open_orders(conn: Connection, rng: random.Random, clock: DemoClock,
                 supplier_ids: list[int], calm: list[tuple[int, int, int]]) -> int:
    by_supplier: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for variant_id, supplier_id, cost in calm:
        by_supplier[supplier_id].append((variant_id, cost))
    year = datetime.fromtimestamp(clock.now, clock.zone).year
    counter = (conn.exec_driver_sql(
        "SELECT max(CAST(substr(number, 9) AS INTEGER)) FROM purchase_orders "
        "WHERE number LIKE ?", (f"PO-{year}-%",)).scalar() or 0)
    today = clock.today
    plans = [("sent", 3), ("sent", 10), ("sent", -3), ("partly_received", 2), ("draft", 12),
             ("cancelled", 5)]
    made = 0
    suppliers = [sid for sid in supplier_ids if by_supplier.get(sid)]
    for n, (status, due_in) in enumerate(plans):
        if not suppliers:
            break
        supplier_id = suppliers[n % len(suppliers)]
        skus = by_supplier[supplier_id][:]
        rng.shuffle(skus)
        lines = skus[:rng.randint(2, 5)]
        counter += 1
        number = PURCHASE_ORDER.format(counter, year)
        sent = clock.now - (LEAD - due_in) * DAY
        shipping = Decimal(rng.choice((0, 30, 45)))
        if status == "partly_received":
            shipping = Decimal(0)  # its receipt is landed at the line's cost alone (see below)
        order_id = conn.exec_driver_sql(
            "INSERT INTO purchase_orders (number, supplier_id, status, currency, exchange_rate, "
            "expected_on, shipping_cost, other_costs, notes, created_at, sent_at, received_at, "
            "closed_at) SELECT ?, id, ?, currency, CASE currency WHEN 'CNY' THEN 1000000 ELSE "
            "7200000 END, ?, ?, 0, '', ?, ?, NULL, ? FROM suppliers WHERE id = ? RETURNING id",
            (number, status, (today + timedelta(days=due_in)).isoformat(),
             to_minor_units(shipping), Stamps().text(sent - DAY),
             None if status == "draft" else Stamps().text(sent),
             Stamps().text(clock.now - DAY) if status == "cancelled" else None,
             supplier_id)).scalar_one()
        for position, (variant_id, cost) in enumerate(lines, start=1):
            quantity = rng.choice((12, 24, 36, 48))
            received = 4 if status == "partly_received" and position == 1 else 0
            cancelled = quantity if status == "cancelled" else 0
            expecting = quantity - received if status in ("sent", "partly_received") else 0
            conn.exec_driver_sql(
                "INSERT INTO purchase_order_lines (order_id, position, variant_id, quantity, "
                "unit_cost, received, rejected, returned, cancelled, open_quantity) "
                "VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?)",
                (order_id, position, variant_id, quantity, cost, received, cancelled, expecting))
        if status == "partly_received":
            _receive_first_line(conn, order_id, number, clock)
        made += 1
    return made


def _receive_first_line(conn: Connection, order_id: int, number: str, clock: DemoClock) -> None:
    """Four units of the first line arrived yesterday, through the ledger's own columns."""
    line_id, variant_id, cost, rate = conn.exec_driver_sql(
        "SELECT l.id, l.variant_id, l.unit_cost, po.exchange_rate FROM purchase_order_lines AS l "
        "JOIN purchase_orders AS po ON po.id = l.order_id WHERE l.order_id = ? "
        "AND l.position = 1", (order_id,)).one()
    landed = to_minor_units(landed_unit_cost(
        from_minor_units(cost) or Decimal(0), Decimal(rate) / 10**6, ()))
    at = Stamps().text(clock.now - DAY)
    receipt = conn.exec_driver_sql(
        "INSERT INTO purchase_receipts (order_id, received_at, reference, shipping_cost, "
        "other_costs, note) VALUES (?, ?, ?, 0, 0, '') RETURNING id",
        (order_id, at, f"DN-{number[3:]}-1")).scalar_one()
    conn.exec_driver_sql("INSERT INTO purchase_receipt_lines (receipt_id, order_line_id, "
                         "accepted, rejected, landed_unit_cost) VALUES (?, ?, 4, 0, ?)",
                         (receipt, line_id, landed))
    conn.exec_driver_sql(
        "INSERT INTO stock_movements (variant_id, at, kind, quantity, reason, reference, "
        "order_id, po_line_id) VALUES (?, ?, 'received', 4, 'Received from supplier', ?, NULL, "
        "?)", (variant_id, at, number, line_id))
    conn.exec_driver_sql("UPDATE variants SET on_hand = on_hand + 4 WHERE id = ?", (variant_id,))
    conn.exec_driver_sql("UPDATE purchase_orders SET received_at = ? WHERE id = ?",
                         (at, order_id))


# Each receipt with the units its SKU had on hand just before it (the ledger in time order).
_RECEIPTS_IN_ORDER_SQL = """
    SELECT w.variant_id, w.at, w.before, w.quantity, rl.landed_unit_cost
    FROM (SELECT m.variant_id, m.at, m.quantity, m.po_line_id,
                 sum(m.quantity) OVER (PARTITION BY m.variant_id ORDER BY m.at, m.id)
                 - m.quantity AS before
          FROM stock_movements AS m
          WHERE m.variant_id IN (SELECT variant_id FROM purchase_order_lines
                                 WHERE received > 0)) AS w
    JOIN purchase_receipt_lines AS rl ON rl.order_line_id = w.po_line_id
    WHERE w.po_line_id IS NOT NULL
    ORDER BY w.variant_id, w.at"""


def _average_costs(conn: Connection) -> None:
    """Replay every SKU's receipts through the moving average, as receiving would have."""
    costs = {vid: from_minor_units(cost) or Decimal(0) for vid, cost in conn.exec_driver_sql(
        "SELECT id, unit_cost FROM variants")}
    first = dict(costs)
    history = []
    for variant_id, at, before, accepted, landed in conn.exec_driver_sql(
            _RECEIPTS_IN_ORDER_SQL).all():
        cost = moving_average(before, costs[variant_id], accepted,
                              from_minor_units(landed) or Decimal(0))
        if cost != costs[variant_id]:
            history.append((variant_id, at, to_minor_units(cost)))
            costs[variant_id] = cost
    changed = sorted({variant_id for variant_id, _at, _cost in history})
    # The catalog cost from its product's creation (the trigger stamped it with the wall clock,
    # after the demo's year), then each receipt's average from its moment.
    executemany(conn, "INSERT INTO cost_history (variant_id, at, unit_cost) SELECT v.id, "
                "p.created_at, ? FROM variants AS v JOIN products AS p ON p.id = v.product_id "
                "WHERE v.id = ?",
                [(to_minor_units(first[vid]), vid) for vid in changed])
    executemany(conn, "INSERT INTO cost_history (variant_id, at, unit_cost) VALUES (?, ?, ?)",
                history)
    executemany(conn, "UPDATE variants SET unit_cost = ? WHERE id = ?",
                [(to_minor_units(costs[vid]), vid) for vid in changed])
    conn.exec_driver_sql(
        "UPDATE order_lines SET unit_cost = " + cost_as_of_sql(
            "order_lines.variant_id",
            "(SELECT o.ordered_at FROM orders AS o WHERE o.id = order_lines.order_id)")
        + " WHERE variant_id IN (SELECT value FROM json_each(?))", (json.dumps(changed),))


def _next_id(conn: Connection, table: str) -> int:
    return int(conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").scalar_one())


def _stored(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")

