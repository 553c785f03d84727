"""Search over orders: an FTS5 trigram index of order number, customer name and customer id.

The Orders page searches as the user types; on a shop with hundreds of thousands of orders a
LIKE over three columns of every order takes a second, the index a few milliseconds. The index
is built over the orders already in the file (about 5 s per 300,000 orders).

Revision ID: 0004_order_search
Revises: 0003_alert_indexes
Create Date: 2026-12-01 10:50:00
"""

from alembic import op

from ecdesk.models import order_search

revision = '0004_order_search'
down_revision = '0003_alert_indexes'
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in order_search.create_statements():
        op.execute(statement)


def downgrade() -> None:
    for statement in order_search.drop_statements():
        op.execute(statement)
