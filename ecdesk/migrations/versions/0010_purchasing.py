"""Suppliers and purchasing: suppliers, supplier items with price breaks, purchase orders and
their lines, receipts, each SKU's cost history (with the triggers that keep it), and the stock
ledger's movements for goods sent back to a supplier, linked to their purchase-order line.

SQLite cannot change a CHECK constraint in place, so stock_movements is copied into a new table
with the new kind and the po_line_id column (about 2 s per million movements). Every SKU's
current cost becomes its cost "since always", so a valuation of any past period reads what it
read before this revision, until a cost changes.

Revision ID: 0010_purchasing
Revises: 0009_order_taxes
Create Date: 2026-12-07 16:45:00
"""

from alembic import op

revision = '0010_purchasing'
down_revision = '0009_order_taxes'
branch_labels = None
depends_on = None

# Frozen SQL (issue #12): the models may change later; this revision must not.
CREATE_TABLES = [
    """CREATE TABLE suppliers (
	id INTEGER NOT NULL,
	name VARCHAR(200) NOT NULL,
	contact_name VARCHAR(120) NOT NULL,
	email VARCHAR(200) NOT NULL,
	phone VARCHAR(60) NOT NULL,
	address TEXT NOT NULL,
	currency VARCHAR(3) NOT NULL,
	payment_terms VARCHAR(200) NOT NULL,
	lead_time_days INTEGER,
	min_order_value INTEGER NOT NULL,
	status VARCHAR(16) NOT NULL,
	contract_from DATE,
	contract_to DATE,
	next_evaluation DATE,
	documents TEXT NOT NULL,
	notes TEXT NOT NULL,
	service_rating INTEGER,
	innovation_rating INTEGER,
	created_at DATETIME NOT NULL,
	CONSTRAINT pk_suppliers PRIMARY KEY (id),
	CONSTRAINT uq_suppliers_name UNIQUE (name),
	CONSTRAINT ck_suppliers_supplier_status CHECK (status IN ('active', 'on_hold'))
)""",
    """CREATE TABLE supplier_items (
	id INTEGER NOT NULL,
	supplier_id INTEGER NOT NULL,
	variant_id INTEGER NOT NULL,
	supplier_code VARCHAR(64) NOT NULL,
	supplier_name VARCHAR(255) NOT NULL,
	unit_cost INTEGER NOT NULL,
	min_order_qty INTEGER,
	pack_multiple INTEGER,
	lead_time_days INTEGER,
	valid_from DATE,
	valid_to DATE,
	preferred BOOLEAN NOT NULL,
	CONSTRAINT pk_supplier_items PRIMARY KEY (id),
	CONSTRAINT uq_supplier_items_supplier_id_variant_id UNIQUE (supplier_id, variant_id),
	CONSTRAINT fk_supplier_items_supplier_id_suppliers FOREIGN KEY(supplier_id) REFERENCES suppliers (id),
	CONSTRAINT fk_supplier_items_variant_id_variants FOREIGN KEY(variant_id) REFERENCES variants (id)
)""",
    """CREATE TABLE supplier_price_breaks (
	supplier_item_id INTEGER NOT NULL,
	min_quantity INTEGER NOT NULL,
	unit_cost INTEGER NOT NULL,
	CONSTRAINT pk_supplier_price_breaks PRIMARY KEY (supplier_item_id, min_quantity),
	CONSTRAINT fk_supplier_price_breaks_supplier_item_id_supplier_items FOREIGN KEY(supplier_item_id) REFERENCES supplier_items (id)
)""",
    """CREATE TABLE purchase_orders (
	id INTEGER NOT NULL,
	number VARCHAR(20) NOT NULL,
	supplier_id INTEGER NOT NULL,
	status VARCHAR(16) NOT NULL,
	currency VARCHAR(3) NOT NULL,
	exchange_rate INTEGER NOT NULL,
	expected_on DATE,
	shipping_cost INTEGER NOT NULL,
	other_costs INTEGER NOT NULL,
	notes TEXT NOT NULL,
	created_at DATETIME NOT NULL,
	sent_at DATETIME,
	received_at DATETIME,
	closed_at DATETIME,
	CONSTRAINT pk_purchase_orders PRIMARY KEY (id),
	CONSTRAINT uq_purchase_orders_number UNIQUE (number),
	CONSTRAINT fk_purchase_orders_supplier_id_suppliers FOREIGN KEY(supplier_id) REFERENCES suppliers (id),
	CONSTRAINT ck_purchase_orders_purchase_order_status CHECK (status IN ('draft', 'sent', 'partly_received', 'received', 'closed', 'cancelled'))
)""",
    """CREATE TABLE purchase_order_lines (
	id INTEGER NOT NULL,
	order_id INTEGER NOT NULL,
	position INTEGER NOT NULL,
	variant_id INTEGER NOT NULL,
	quantity INTEGER NOT NULL,
	unit_cost INTEGER NOT NULL,
	received INTEGER NOT NULL,
	rejected INTEGER NOT NULL,
	returned INTEGER NOT NULL,
	cancelled INTEGER NOT NULL,
	open_quantity INTEGER NOT NULL,
	CONSTRAINT pk_purchase_order_lines PRIMARY KEY (id),
	CONSTRAINT fk_purchase_order_lines_order_id_purchase_orders FOREIGN KEY(order_id) REFERENCES purchase_orders (id),
	CONSTRAINT fk_purchase_order_lines_variant_id_variants FOREIGN KEY(variant_id) REFERENCES variants (id)
)""",
    """CREATE TABLE purchase_receipts (
	id INTEGER NOT NULL,
	order_id INTEGER NOT NULL,
	received_at DATETIME NOT NULL,
	reference VARCHAR(120) NOT NULL,
	shipping_cost INTEGER NOT NULL,
	other_costs INTEGER NOT NULL,
	note TEXT NOT NULL,
	CONSTRAINT pk_purchase_receipts PRIMARY KEY (id),
	CONSTRAINT fk_purchase_receipts_order_id_purchase_orders FOREIGN KEY(order_id) REFERENCES purchase_orders (id)
)""",
    """CREATE TABLE purchase_receipt_lines (
	id INTEGER NOT NULL,
	receipt_id INTEGER NOT NULL,
	order_line_id INTEGER NOT NULL,
	accepted INTEGER NOT NULL,
	rejected INTEGER NOT NULL,
	landed_unit_cost INTEGER NOT NULL,
	CONSTRAINT pk_purchase_receipt_lines PRIMARY KEY (id),
	CONSTRAINT fk_purchase_receipt_lines_receipt_id_purchase_receipts FOREIGN KEY(receipt_id) REFERENCES purchase_receipts (id),
	CONSTRAINT fk_purchase_receipt_lines_order_line_id_purchase_order_lines FOREIGN KEY(order_line_id) REFERENCES purchase_order_lines (id)
)""",
    """CREATE TABLE cost_history (
	id INTEGER NOT NULL,
	variant_id INTEGER NOT NULL,
	at DATETIME NOT NULL,
	unit_cost INTEGER NOT NULL,
	CONSTRAINT pk_cost_history PRIMARY KEY (id)
)""",
]

CREATE_INDEXES = [
    "CREATE UNIQUE INDEX ix_supplier_items_preferred ON supplier_items (variant_id) WHERE preferred = 1",
    "CREATE INDEX ix_supplier_items_variant_id ON supplier_items (variant_id)",
    "CREATE INDEX ix_purchase_orders_status_expected_on ON purchase_orders (status, expected_on)",
    "CREATE INDEX ix_purchase_orders_supplier_id ON purchase_orders (supplier_id)",
    "CREATE INDEX ix_purchase_order_lines_open ON purchase_order_lines (variant_id, open_quantity) WHERE open_quantity > 0",
    "CREATE INDEX ix_purchase_order_lines_order_id_position ON purchase_order_lines (order_id, position)",
    "CREATE INDEX ix_purchase_order_lines_variant_id ON purchase_order_lines (variant_id)",
    "CREATE INDEX ix_purchase_receipts_order_id ON purchase_receipts (order_id)",
    "CREATE INDEX ix_purchase_receipt_lines_order_line_id ON purchase_receipt_lines (order_line_id)",
    "CREATE INDEX ix_purchase_receipt_lines_receipt_id ON purchase_receipt_lines (receipt_id)",
    "CREATE INDEX ix_cost_history_variant_id_at ON cost_history (variant_id, at)",
]

STOCK_MOVEMENTS = """CREATE TABLE stock_movements_new (
	id INTEGER NOT NULL,
	variant_id INTEGER NOT NULL,
	at DATETIME NOT NULL,
	kind VARCHAR(16) NOT NULL,
	quantity INTEGER NOT NULL,
	reason VARCHAR(200) NOT NULL,
	reference VARCHAR(120) NOT NULL,
	order_id INTEGER,
	po_line_id INTEGER,
	CONSTRAINT pk_stock_movements PRIMARY KEY (id),
	CONSTRAINT fk_stock_movements_variant_id_variants FOREIGN KEY(variant_id) REFERENCES variants (id),
	CONSTRAINT ck_stock_movements_movement_kind CHECK (kind IN ('received', 'sold', 'returned', 'adjusted', 'counted', 'written_off', 'supplier_return')),
	CONSTRAINT fk_stock_movements_order_id_orders FOREIGN KEY(order_id) REFERENCES orders (id),
	CONSTRAINT fk_stock_movements_po_line_id_purchase_order_lines FOREIGN KEY(po_line_id) REFERENCES purchase_order_lines (id)
)"""
COPY_MOVEMENTS = (
    "INSERT INTO stock_movements_new (id, variant_id, at, kind, quantity, reason, reference, "
    "order_id, po_line_id) SELECT id, variant_id, at, kind, quantity, reason, reference, order_id, "
    "NULL FROM stock_movements")
MOVEMENT_INDEXES = [
    "CREATE INDEX ix_stock_movements_order_id ON stock_movements (order_id)",
    "CREATE INDEX ix_stock_movements_po_line_id ON stock_movements (po_line_id) WHERE po_line_id IS NOT NULL",
    "CREATE INDEX ix_stock_movements_variant_id_at ON stock_movements (variant_id, at)",
]
OPENING_COSTS = ("INSERT INTO cost_history (variant_id, at, unit_cost) "
                 "SELECT id, '1970-01-01 00:00:00.000000', unit_cost FROM variants")
CREATE_TRIGGERS = [
    "CREATE TRIGGER trg_cost_history_insert AFTER INSERT ON variants BEGIN INSERT INTO cost_history (variant_id, at, unit_cost) VALUES (NEW.id, strftime('%Y-%m-%d %H:%M:%f', 'now') || '000', NEW.unit_cost); END",
    "CREATE TRIGGER trg_cost_history_update AFTER UPDATE OF unit_cost ON variants WHEN NEW.unit_cost IS NOT OLD.unit_cost BEGIN INSERT INTO cost_history (variant_id, at, unit_cost) VALUES (NEW.id, strftime('%Y-%m-%d %H:%M:%f', 'now') || '000', NEW.unit_cost); END",

]

TABLES = ("purchase_receipt_lines", "purchase_receipts", "purchase_order_lines",
          "purchase_orders", "supplier_price_breaks", "supplier_items", "suppliers",
          "cost_history")


def upgrade() -> None:
    for statement in CREATE_TABLES + CREATE_INDEXES:
        op.execute(statement)
    op.execute(STOCK_MOVEMENTS)
    op.execute(COPY_MOVEMENTS)
    op.execute("DROP TABLE stock_movements")
    op.execute("ALTER TABLE stock_movements_new RENAME TO stock_movements")
    for statement in MOVEMENT_INDEXES:
        op.execute(statement)
    op.execute(OPENING_COSTS)
    for statement in CREATE_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS trg_cost_history_insert")
    op.execute("DROP TRIGGER IF EXISTS trg_cost_history_update")
    op.execute("DELETE FROM stock_movements WHERE kind = 'supplier_return'")
    for table in TABLES:
        op.execute(f"DROP TABLE {table}")
