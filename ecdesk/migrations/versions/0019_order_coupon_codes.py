"""The discount (coupon) codes an order was placed with, as the platform's file gives them
(Shopify's "Discount Code"), so that a promotion's coupon code shows how often it was used.

Upper-case, comma-separated without spaces ("D11,FREESHIP"): a code is matched as a whole item
of the list. Orders already in the file have none: ''.

Revision ID: 0019_order_coupon_codes
Revises: 0018_order_delivery
Create Date: 2026-12-07 20:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0019_order_coupon_codes'
down_revision = '0018_order_delivery'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders", recreate="never") as batch:
        batch.add_column(sa.Column("coupon_codes", sa.String(length=120), nullable=False,
                                   server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("coupon_codes")
