"""The stock ledger: the only writer of movements and of the cached on-hand.

Every movement is inserted and `variants.on_hand` moves by the same amount in the same
transaction, so on-hand always equals the ledger's sum. Negative stock is refused unless the
SKU's policy (or the shop default) allows it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.orm import Session

from ecdesk.errors import Problem, ValidationError
from ecdesk.i18n import N_, _
from ecdesk.models import MovementKind, Setting, StockMovement, StockPolicy, Variant
from ecdesk.models.base import utc_now
from ecdesk.services.stock.defaults import PREFIX

BATCH = 500  # ids per IN (...) list, well under SQLite's variable limit

# The sign each kind may carry: sales and write-offs take stock out, receipts and returns add.
SIGNS = {
    MovementKind.RECEIVED: 1, MovementKind.RETURNED: 1, MovementKind.SOLD: -1,
    MovementKind.WRITTEN_OFF: -1, MovementKind.ADJUSTED: 0, MovementKind.COUNTED: 0,
    MovementKind.SUPPLIER_RETURN: -1,
}


@dataclass(frozen=True)
class Movement:
    variant_id: int
    kind: MovementKind
    quantity: int  # signed
    reason: str = ""
    reference: str = ""
    order_id: int | None = None
    at: datetime | None = None
    po_line_id: int | None = None  # a receipt or a return to the supplier


def post_movements(session: Session, movements: Sequence[Movement]) -> None:
    """Write the movements and move the cached on-hand; raise ValidationError before writing
    anything if a sign is wrong or stock would go below zero where that is not allowed."""
    movements = [m for m in movements if m.quantity != 0]
    if not movements:
        return
    session.flush()  # pending ORM changes go first: the expiry at the end must not drop them
    problems = [problem for m in movements if (problem := _sign_problem(m))]
    deltas: Counter[int] = Counter()
    for movement in movements:
        deltas[movement.variant_id] += movement.quantity
    problems += negative_stock_problems(session, deltas)
    if problems:
        raise ValidationError(problems)
    now = utc_now()
    # Core on the table, not the ORM's bulk insert: an import posts 100,000 movements.
    session.connection().execute(insert(StockMovement.__table__), [{
        "variant_id": m.variant_id, "kind": m.kind, "quantity": m.quantity, "reason": m.reason,
        "reference": m.reference, "order_id": m.order_id, "at": m.at or now,
        "po_line_id": m.po_line_id,
    } for m in movements])
    table = Variant.__table__
    changes = [{"vid": vid, "delta": delta} for vid, delta in deltas.items() if delta]
    if changes:  # movements that cancel out (a damaged return: received, written off) move none
        session.connection().execute(
            update(table).where(table.c.id == bindparam("vid"))
            .values(on_hand=table.c.on_hand + bindparam("delta")), changes)
    session.expire_all()  # loaded Variants must not keep a stale on-hand


def set_counted_levels(conn: Connection, levels: Sequence[tuple[int, int, int]], at: str,
                       reason: str, reference: str) -> None:
    """Bulk path for imports: bring each (variant id, on hand, wanted) to `wanted` with a
    counted movement. A wanted level below zero was checked by the import plan against
    `negative_allowed`; `at` is the stored text form of the time (naive UTC)."""
    rows = [(vid, new - old) for vid, old, new in levels if new != old]
    if not rows:
        return
    record_counted_movements(conn, rows, at, reason, reference)
    conn.exec_driver_sql("UPDATE variants SET on_hand = on_hand + ? WHERE id = ?",
                         [(delta, vid) for vid, delta in rows])


def record_counted_movements(conn: Connection, rows: Sequence[tuple[int, int]], at: str,
                             reason: str, reference: str) -> None:
    """The movements alone, for (variant id, quantity) rows whose on-hand the caller writes in
    the same transaction (an import inserts new SKUs with their on-hand in the row)."""
    movements = [(vid, at, quantity, reason, reference) for vid, quantity in rows if quantity]
    if movements:  # an empty list would run the statement once without parameters
        conn.exec_driver_sql(
            "INSERT INTO stock_movements (variant_id, at, kind, quantity, reason, reference) "
            "VALUES (?, ?, 'counted', ?, ?, ?)", movements)


def _sign_problem(movement: Movement) -> Problem | None:
    sign = SIGNS[movement.kind]
    if sign and (movement.quantity > 0) != (sign > 0):
        direction = "add to" if sign > 0 else "take from"
        return Problem(
            N_("Quantity"),
            _("a '{value}' movement must {direction} stock (got {quantity})").format(
                value=movement.kind.value, direction=direction, quantity=movement.quantity
            ),
        )
    return None


def shop_allows_negative(session: Session) -> bool:
    value = session.scalar(select(Setting.value).where(Setting.key == PREFIX + "allow_negative"))
    return value == "1"


def allows_negative(policy: bool | None, shop_default: bool) -> bool:
    """The rule: a SKU's own stock policy decides; without one, the shop default does."""
    return shop_default if policy is None else policy


def negative_allowed(session: Session, variant_ids: Iterable[int]) -> set[int]:
    """The SKUs among `variant_ids` that may go below zero (a SKU not yet stored has no
    policy: `shop_allows_negative` decides for it)."""
    wanted = sorted(set(variant_ids))
    if not wanted:
        return set()
    default = shop_allows_negative(session)
    allowed: set[int] = set()
    for start in range(0, len(wanted), BATCH):
        rows = session.execute(
            select(Variant.id, StockPolicy.allow_negative)
            .outerjoin(StockPolicy, StockPolicy.variant_id == Variant.id)
            .where(Variant.id.in_(wanted[start:start + BATCH])))
        allowed.update(vid for vid, policy in rows if allows_negative(policy, default))
    return allowed


def negative_stock_problems(session: Session, deltas: Counter[int]) -> list[Problem]:
    """One problem per SKU that these changes would take below zero without permission."""
    takers = [vid for vid, delta in deltas.items() if delta < 0]
    if not takers:
        return []
    default = shop_allows_negative(session)
    problems = []
    for start in range(0, len(takers), BATCH):
        chunk = takers[start:start + BATCH]
        rows = session.execute(
            select(Variant.id, Variant.sku, Variant.on_hand, StockPolicy.allow_negative)
            .outerjoin(StockPolicy, StockPolicy.variant_id == Variant.id)
            .where(Variant.id.in_(chunk))
        )
        for vid, sku, on_hand, allowed in rows:
            after = on_hand + deltas[vid]
            if after < 0 and not allows_negative(allowed, default):
                problems.append(
                    Problem(
                        _("SKU {sku}").format(sku=sku),
                        _(
                            "{on_hand} on hand; this would take it to {after}. Negative stock is "
                            "not allowed for this SKU (change it in the stock settings)."
                        ).format(on_hand=on_hand, after=after),
                    )
                )
    return problems


# Plain SQL so that the file check (services.backups, stdlib sqlite3) runs the same query.
MISMATCH_SQL = (
    "SELECT v.sku, v.on_hand, coalesce(m.total, 0) FROM variants v LEFT JOIN "
    "(SELECT variant_id, sum(quantity) AS total FROM stock_movements GROUP BY variant_id) m "
    "ON m.variant_id = v.id WHERE v.on_hand != coalesce(m.total, 0) LIMIT ?"
)


def on_hand_mismatches(session: Session, limit: int = 20) -> list[tuple[str, int, int]]:
    """SKUs whose cached on-hand differs from the ledger's sum: (sku, cached, ledger)."""
    rows = session.connection().exec_driver_sql(MISMATCH_SQL, (limit,))
    return [(sku, cached, int(summed)) for sku, cached, summed in rows]


def variant_ids_by_sku(session: Session, skus: Iterable[str]) -> dict[str, int]:
    wanted = sorted(set(skus))
    found: dict[str, int] = {}
    for start in range(0, len(wanted), BATCH):
        chunk = wanted[start:start + BATCH]
        found.update(session.execute(
            select(Variant.sku, Variant.id).where(Variant.sku.in_(chunk))).tuples().all())
    return found
