"""A product's type as its platform names it (Shopify's `Type`), apart from its category.

A Shopify file with both a Product Category and a Type lost the Type on import. Products
already in the file have none: ''.

Revision ID: 0014_product_type
Revises: 0013_order_shipping_facts
Create Date: 2026-12-07 17:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0014_product_type'
down_revision = '0013_order_shipping_facts'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("products", recreate="never") as batch:
        batch.add_column(sa.Column("product_type", sa.String(length=120), nullable=False,
                                   server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("products") as batch:
        batch.drop_column("product_type")
