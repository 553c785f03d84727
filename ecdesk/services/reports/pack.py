"""The monthly accountant pack: the sales and inventory reports in one PDF with a contents page,
and every refund paid in the period after the sales (from the service report), then the discount
cost by promotion (from the promotion results report)."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from ecdesk.i18n import N_, _
from ecdesk.services.promotions.report import discount_cost_section
from ecdesk.services.reports import inventory, sales
from ecdesk.services.reports.model import Block, Paragraph, Report, Section, Table
from ecdesk.services.reports.scope import ReportScope, Step, no_steps
from ecdesk.services.tickets.report import refunds_table

TITLE = N_("Accountant pack")


def build_accountant_pack(session: Session, scope: ReportScope,
                          alerts: tuple[Block, ...] | None = None, step: Step = no_steps
                          ) -> Report:
    sales_part = sales.sales_sections(session, scope, step)
    stock_part = inventory.inventory_sections(session, scope, alerts, step)
    channels = _("every channel") if scope.channel_name is None else scope.channel_name
    sections = (
        Section(_(sales.TITLE), (Paragraph(
            _("Orders of {channels} placed in the period, in {currency}.").format(
                channels=channels, currency=scope.currency)),), new_page=True),
        *_chapter(sales_part, "sales"),
        _refunds_section(session, scope),
        discount_cost_section(session, scope),
        Section(_(inventory.TITLE), (Paragraph(
            _("{scope}: stock is shared by every channel, so this part covers the whole shop "
              "whichever channel the sales part is for.").format(
                scope=_(inventory.STOCK_SCOPE))),), new_page=True),
        *_chapter(stock_part, "stock"),
    )
    return Report("accountant-pack", _(TITLE), scope.shop_name, scope.currency, scope.timezone,
                  scope.period, scope.scope_label, scope.generated_at, sections, contents=True)


def _refunds_section(session: Session, scope: ReportScope) -> Section:
    table = refunds_table(session, scope)
    return Section(table.title, (replace(table, key="sales-refunds"),), level=2)


def _chapter(sections: tuple[Section, ...], prefix: str) -> list[Section]:
    """A report's sections one level down, their tables' keys made unique in the pack."""
    return [replace(section, level=2, blocks=tuple(
        replace(block, key=f"{prefix}-{block.key}") if isinstance(block, Table) else block
        for block in section.blocks)) for section in sections]
