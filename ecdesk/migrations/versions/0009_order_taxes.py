"""The tax of each order, and whether its line prices include it.

Shopify's order export carries `Taxes` (and a `Total` including them); ecdesk kept neither, so
its totals disagreed with the platform's. Orders already in the file have no known tax: 0.

Revision ID: 0009_order_taxes
Revises: 0008_pricing_rules
Create Date: 2026-12-07 16:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0009_order_taxes'
down_revision = '0008_pricing_rules'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders", recreate="never") as batch:
        batch.add_column(sa.Column("tax", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("tax_included", sa.Boolean(), nullable=False,
                                   server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("tax_included")
        batch.drop_column("tax")
