"""The inventory valuation report: stock on hand x unit cost at the period's end, by category
and SKU; the period's movements reconciled (opening + movements = closing) per SKU and in
total; and the inventory alerts as they stand when the report is made."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from ecdesk.i18n import N_, NC_, _, format_integer, pgettext
from ecdesk.services.reports.charts import build_category_value_figure, figure_png
from ecdesk.services.reports.inventory_queries import KINDS, StockScope, stock_figures
from ecdesk.services.reports.model import (
    COUNT,
    MONEY,
    STYLE,
    SUBTOTAL,
    TEXT,
    UNITS,
    Block,
    Chart,
    Column,
    Paragraph,
    Report,
    Section,
    Table,
)
from ecdesk.services.reports.scope import ReportScope, Step, no_steps
from ecdesk.services.stock.movement_labels import KIND_LABELS

if TYPE_CHECKING:
    import pandas as pd

TITLE = N_("Inventory valuation")
STOCK_SCOPE = N_("Stock of all channels")  # the shelf is shared: there is no per-channel stock

SHORT_LABELS = {"received": NC_("stock movement", "Received"), "sold": N_("Sold"),
                "returned": N_("Returned"),
                "adjusted": N_("Adjusted"), "counted": N_("Counted"),
                "written_off": N_("Written off"), "supplier_return": N_("To supplier")}

DEFINITIONS = (
    N_("Stock is the stock ledger: every delivery, shipment, return, adjustment, stocktake "
       "difference and write-off is a movement, and the stock of a SKU at a moment is the sum of "
       "its movements until then. Opening stock is the stock when the period's first day began, "
       "closing stock when its last day ended (in the shop's time zone)."),
    N_("For every SKU and in every total, opening stock + the period's movements = closing stock. "
       "Sold and written off are negative (stock going out); a stocktake's difference is "
       "negative when fewer were counted than expected."),
    N_("Values are units x the SKU's unit cost as it stood at the end of the period: the moving "
       "average of the landed cost of its receipts, or the cost entered for it. Every change of "
       "a cost is kept with its time, so this valuation made again later, after deliveries or "
       "cost changes, shows the same values. Negative stock (shipped before the delivery was "
       "booked) is valued negative. SKUs without stock and without movements are left out."),
)


def build_inventory_report(session: Session, scope: ReportScope,
                           alerts: tuple[Block, ...] | None = None, step: Step = no_steps
                           ) -> Report:
    return Report("inventory", _(TITLE), scope.shop_name, scope.currency, scope.timezone,
                  scope.period, _(STOCK_SCOPE), scope.generated_at,
                  inventory_sections(session, scope, alerts, step))


def inventory_sections(session: Session, scope: ReportScope, alerts: tuple[Block, ...] | None,
                       step: Step = no_steps) -> tuple[Section, ...]:
    with stock_figures(session, StockScope(scope.period, scope.zone)) as figures:
        step()
        totals, categories = figures.totals(), figures.by_category()
        step()
        skus = figures.by_sku()
        step()
    chart = Chart(_("Stock value at the period's end by category"),
                  figure_png(build_category_value_figure(categories)))
    step()
    sections = [
        Section(_("Summary"), (_reconciliation(totals), Paragraph(
            _("{in_stock} SKUs in stock at the end of the period; {skus} SKUs had stock or "
              "movements.").format(in_stock=format_integer(totals["skus_in_stock"]),
                                   skus=format_integer(totals["skus"])))),),
        Section(_("Stock value by category"), (chart, _by_category(categories, totals))),
        Section(_("Stock by SKU"), (_by_sku(skus, categories, totals),)),
    ]
    if alerts is not None:
        sections.append(Section(_("Current alerts"), alerts))
    sections.append(Section(_("How these figures are made"), tuple(
        Paragraph(_(text), small=True) for text in DEFINITIONS)))
    return tuple(sections)


def _reconciliation(totals: dict[str, int]) -> Table:
    """Opening + each kind of movement, with closing stock as the total (checked)."""
    import pandas as pd

    rows = [{"line": _("Opening stock"), "units": totals["opening"],
             "value": totals["opening_value"]}]
    rows += [{"line": _(KIND_LABELS[kind]), "units": totals[kind], "value": totals[f"{kind}_value"]}
             for kind in KINDS]
    columns = (Column("line", _("Stock"), TEXT, 3.0), Column("units", _("Units"), UNITS, 1.5),
               Column("value", _("Value at cost"), MONEY, 2.0))
    return Table("reconciliation", _("Opening stock + movements = closing stock"), columns,
                 pd.DataFrame(rows), {"units": totals["closing"],
                                      "value": totals["closing_value"]},
                 total_label=_("Closing stock"), width=0.6)


_MOVEMENTS = tuple(Column(kind, SHORT_LABELS[kind], UNITS, 0.95) for kind in KINDS)


def _by_category(frame: pd.DataFrame, totals: dict[str, int]) -> Table:
    columns = (Column("category", _("Category"), TEXT, 2.45), Column("skus", _("SKUs"), COUNT, 0.7),
               Column("opening", _("Opening"), UNITS, 0.9), *_MOVEMENTS,
               Column("closing", _("Closing"), UNITS, 0.9),
               Column("closing_value", pgettext("stock value", "Value"), MONEY, 1.5))
    return Table("stock-by-category", _("Stock by category"), columns, frame, totals)


def _by_sku(skus: pd.DataFrame, categories: pd.DataFrame, totals: dict[str, int]) -> Table:
    """Every SKU, each category's SKUs followed by the category's subtotal (from SQL)."""
    # (the product's share gave way to the returns-to-supplier column, so the others keep theirs)
    columns = (Column("sku", _("SKU"), TEXT, 1.7), Column("product", _("Product"), TEXT, 2.15),
               Column("opening", _("Opening"), UNITS, 0.8), *_MOVEMENTS,
               Column("closing", _("Closing"), UNITS, 0.8),
               Column("unit_cost", _("Unit cost"), MONEY, 1.2),
               Column("closing_value", pgettext("stock value", "Value"), MONEY, 1.3))
    return Table("stock-by-sku", _("Stock by SKU"), columns, with_subtotals(skus, categories),
                 {key: value for key, value in totals.items() if key != "unit_cost"},
                 note=_("Subtotal rows follow each category's SKUs"))


def with_subtotals(skus: pd.DataFrame, categories: pd.DataFrame) -> pd.DataFrame:
    """SKU rows (already ordered by category) with each category's subtotal row after them."""
    import pandas as pd

    rank = {name: position for position, name in enumerate(categories["category"])}
    rows = skus.assign(**{STYLE: "", "_rank": skus["category"].map(rank), "_sub": 0,
                          "_seq": range(len(skus))})
    subtotals = categories.assign(**{
        STYLE: SUBTOTAL, "_rank": range(len(categories)), "_sub": 1, "_seq": 0,
        "sku": _("Subtotal"), "product": categories["category"], "unit_cost": None})
    combined = pd.concat([rows, subtotals[[c for c in rows.columns if c in subtotals.columns]]],
                         ignore_index=True)
    return combined.sort_values(["_rank", "_sub", "_seq"], kind="stable").reset_index(drop=True)
