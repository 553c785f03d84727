"""The carrier (快递公司) and tracking number (快递单号) an order shipped with.

The Chinese marketplaces' order files carry both; ecdesk dropped them. The tracking number is
indexed: a seller looks an order up by the number on the parcel. Orders already in the file
have neither: ''.

Revision ID: 0013_order_shipping_facts
Revises: 0012_checks_as_ors
Create Date: 2026-12-07 17:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0013_order_shipping_facts'
down_revision = '0012_checks_as_ors'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders", recreate="never") as batch:
        batch.add_column(sa.Column("carrier", sa.String(length=60), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("tracking_number", sa.String(length=60), nullable=False,
                                   server_default=""))
    op.execute("CREATE INDEX ix_orders_tracking_number ON orders (tracking_number)")


def downgrade() -> None:
    op.drop_index("ix_orders_tracking_number", table_name="orders")
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("tracking_number")
        batch.drop_column("carrier")
