"""Customer-service tickets: the tickets, their threads and order lines, canned replies, SLA
policies and the business calendar's own days.

Revision ID: 0011_tickets
Revises: 0010_purchasing
Create Date: 2026-12-07 17:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0011_tickets'
down_revision = '0010_purchasing'
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=16)


def upgrade() -> None:
    op.create_table(
        'tickets',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('number', sa.String(length=16), nullable=False),
        sa.Column('channel_id', sa.Integer(), nullable=False),
        sa.Column('customer_id', sa.Integer(), nullable=True),
        sa.Column('order_id', sa.Integer(), nullable=True),
        sa.Column('type', _enum('ticket_type', 'pre_sale', 'order', 'return', 'exchange',
                                'refund_only', 'repair', 'complaint', 'other'), nullable=False),
        sa.Column('priority', _enum('ticket_priority', 'low', 'normal', 'high', 'urgent'),
                  nullable=False),
        sa.Column('status', _enum('ticket_status', 'new', 'open', 'waiting_customer',
                                  'waiting_supplier', 'resolved', 'closed'), nullable=False),
        sa.Column('subject', sa.String(length=200), nullable=False),
        sa.Column('tags', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('first_response_at', sa.DateTime(), nullable=True),
        sa.Column('resolved_at', sa.DateTime(), nullable=True),
        sa.Column('closed_at', sa.DateTime(), nullable=True),
        sa.Column('first_response_due_at', sa.DateTime(), nullable=True),
        sa.Column('resolution_due_at', sa.DateTime(), nullable=True),
        sa.Column('due_at', sa.DateTime(), nullable=True),
        sa.Column('reopened', sa.Integer(), nullable=False),
        sa.Column('satisfaction', sa.Integer(), nullable=True),
        sa.Column('satisfaction_comment', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['channel_id'], ['channels.id'],
                                name=op.f('fk_tickets_channel_id_channels')),
        sa.ForeignKeyConstraint(['customer_id'], ['customers.id'],
                                name=op.f('fk_tickets_customer_id_customers')),
        sa.ForeignKeyConstraint(['order_id'], ['orders.id'],
                                name=op.f('fk_tickets_order_id_orders')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_tickets')),
        sa.UniqueConstraint('number', name=op.f('uq_tickets_number')))
    op.create_index('ix_tickets_due_at', 'tickets', ['due_at'])
    op.create_index('ix_tickets_status_due_at', 'tickets', ['status', 'due_at'])
    op.create_index('ix_tickets_created_at', 'tickets', ['created_at'])
    op.create_index('ix_tickets_customer_id', 'tickets', ['customer_id'])
    op.create_index('ix_tickets_order_id', 'tickets', ['order_id'])
    op.create_table(
        'ticket_entries',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('ticket_id', sa.Integer(), nullable=False),
        sa.Column('kind', _enum('ticket_entry_kind', 'message', 'reply', 'note', 'status'),
                  nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('status_from', sa.String(length=16), nullable=False),
        sa.Column('status_to', sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'],
                                name=op.f('fk_ticket_entries_ticket_id_tickets')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket_entries')))
    op.create_index('ix_ticket_entries_ticket_id', 'ticket_entries', ['ticket_id'])
    op.create_table(
        'ticket_lines',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('ticket_id', sa.Integer(), nullable=False),
        sa.Column('order_line_id', sa.Integer(), nullable=False),
        sa.Column('quantity', sa.Integer(), nullable=False),
        sa.Column('reason', sa.String(length=16), nullable=False),
        sa.Column('outcome', _enum('ticket_line_outcome', 'refund', 'replace', 'repair',
                                   'reject'), nullable=False),
        sa.Column('received_quantity', sa.Integer(), nullable=False),
        sa.Column('replacement_variant_id', sa.Integer(), nullable=True),
        sa.Column('replaced_quantity', sa.Integer(), nullable=False),
        sa.Column('refund_amount', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'],
                                name=op.f('fk_ticket_lines_ticket_id_tickets')),
        sa.ForeignKeyConstraint(['order_line_id'], ['order_lines.id'],
                                name=op.f('fk_ticket_lines_order_line_id_order_lines')),
        sa.ForeignKeyConstraint(['replacement_variant_id'], ['variants.id'],
                                name=op.f('fk_ticket_lines_replacement_variant_id_variants')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket_lines')))
    op.create_index('ix_ticket_lines_ticket_id', 'ticket_lines', ['ticket_id'])
    op.create_table(
        'canned_replies',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(length=80), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('archived', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_canned_replies')),
        sa.UniqueConstraint('title', name=op.f('uq_canned_replies_title')))
    op.create_table(
        'sla_policies',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('ticket_type', sa.String(length=16), nullable=False),
        sa.Column('priority', sa.String(length=16), nullable=False),
        sa.Column('first_response_minutes', sa.Integer(), nullable=False),
        sa.Column('resolution_minutes', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sla_policies')),
        sa.UniqueConstraint('ticket_type', 'priority',
                            name=op.f('uq_sla_policies_ticket_type_priority')))
    op.create_table(
        'calendar_days',
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('working', sa.Boolean(), nullable=False),
        sa.Column('name', sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint('day', name=op.f('pk_calendar_days')))


def downgrade() -> None:
    for table in ('calendar_days', 'sla_policies', 'canned_replies', 'ticket_lines',
                  'ticket_entries', 'tickets'):
        op.drop_table(table)
