"""Where an order goes: the shipping address typed on the order form (or corrected before it
ships), free text as the buyer gave it. Orders already in the file have none: ''.

Revision ID: 0020_order_ship_to
Revises: 0019_order_coupon_codes
Create Date: 2026-12-07 20:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0020_order_ship_to'
down_revision = '0019_order_coupon_codes'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders", recreate="never") as batch:
        batch.add_column(sa.Column("ship_to", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("ship_to")
