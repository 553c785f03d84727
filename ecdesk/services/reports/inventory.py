"""The inventory valuation report: stock on hand x unit cost at the period's end, by category
and SKU; the period's movements reconciled (opening + movements = closing) per SKU and in
total; and the inventory alerts as they stand when the report is made."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

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

if TYPE_CHECKING:
    import pandas as pd

TITLE = "Inventory valuation"
STOCK_SCOPE = "Stock of all channels"  # the shelf is shared: there is no per-channel stock

KIND_LABELS = {"received": "Received", "sold": "Sold", "returned": "Returned",
               "adjusted": "Adjusted", "counted": "Counted (stocktake)",
               "written_off": "Written off", "supplier_return": "Returned to supplier"}
SHORT_LABELS = {"received": "Received", "sold": "Sold", "returned": "Returned",
                "adjusted": "Adjusted", "counted": "Counted", "written_off": "Written off",
                "supplier_return": "To supplier"}

DEFINITIONS = (
    "Stock is the stock ledger: every delivery, shipment, return, adjustment, stocktake "
    "difference and write-off is a movement, and the stock of a SKU at a moment is the sum of "
    "its movements until then. Opening stock is the stock when the period's first day began, "
    "closing stock when its last day ended (in the shop's time zone).",
    "For every SKU and in every total, opening stock + the period's movements = closing stock. "
    "Sold and written off are negative (stock going out); a stocktake's difference is "
    "negative when fewer were counted than expected.",
    "Values are units x the SKU's unit cost as it stood at the end of the period: the moving "
    "average of the landed cost of its receipts, or the cost entered for it. Every change of "
    "a cost is kept with its time, so this valuation made again later, after deliveries or "
    "cost changes, shows the same values. Negative stock (shipped before the delivery was "
    "booked) is valued negative. SKUs without stock and without movements are left out.",
)


def build_inventory_report(session: Session, scope: ReportScope,
                           alerts: tuple[Block, ...] | None = None, step: Step = no_steps
                           ) -> Report:
    return Report("inventory", TITLE, scope.shop_name, scope.currency, scope.timezone,
                  scope.period, STOCK_SCOPE, scope.generated_at,
                  inventory_sections(session, scope, alerts, step))


def inventory_sections(session: Session, scope: ReportScope, alerts: tuple[Block, ...] | None,
                       step: Step = no_steps) -> tuple[Section, ...]:
    with stock_figures(session, StockScope(scope.period, scope.zone)) as figures:
        step()
        totals, categories = figures.totals(), figures.by_category()
        step()
        skus = figures.by_sku()
        step()
    chart = Chart("Stock value at the period's end by category",
                  figure_png(build_category_value_figure(categories)))
    step()
    sections = [
        Section("Summary", (_reconciliation(totals), Paragraph(
            f"{totals['skus_in_stock']:,} SKUs in stock at the end of the period; "
            f"{totals['skus']:,} SKUs had stock or movements.")),),
        Section("Stock value by category", (chart, _by_category(categories, totals))),
        Section("Stock by SKU", (_by_sku(skus, categories, totals),)),
    ]
    if alerts is not None:
        sections.append(Section("Current alerts", alerts))
    sections.append(Section("How these figures are made", tuple(
        Paragraph(text, small=True) for text in DEFINITIONS)))
    return tuple(sections)


def _reconciliation(totals: dict[str, int]) -> Table:
    """Opening + each kind of movement, with closing stock as the total (checked)."""
    import pandas as pd

    rows = [{"line": "Opening stock", "units": totals["opening"],
             "value": totals["opening_value"]}]
    rows += [{"line": KIND_LABELS[kind], "units": totals[kind], "value": totals[f"{kind}_value"]}
             for kind in KINDS]
    columns = (Column("line", "Stock", TEXT, 3.0), Column("units", "Units", UNITS, 1.5),
               Column("value", "Value at cost", MONEY, 2.0))
    return Table("reconciliation", "Opening stock + movements = closing stock", columns,
                 pd.DataFrame(rows), {"units": totals["closing"],
                                      "value": totals["closing_value"]},
                 total_label="Closing stock", width=0.6)


_MOVEMENTS = tuple(Column(kind, SHORT_LABELS[kind], UNITS, 0.95) for kind in KINDS)


def _by_category(frame: pd.DataFrame, totals: dict[str, int]) -> Table:
    columns = (Column("category", "Category", TEXT, 2.45), Column("skus", "SKUs", COUNT, 0.7),
               Column("opening", "Opening", UNITS, 0.9), *_MOVEMENTS,
               Column("closing", "Closing", UNITS, 0.9),
               Column("closing_value", "Value", MONEY, 1.5))
    return Table("stock-by-category", "Stock by category", columns, frame, totals)


def _by_sku(skus: pd.DataFrame, categories: pd.DataFrame, totals: dict[str, int]) -> Table:
    """Every SKU, each category's SKUs followed by the category's subtotal (from SQL)."""
    # (the product's share gave way to the returns-to-supplier column, so the others keep theirs)
    columns = (Column("sku", "SKU", TEXT, 1.7), Column("product", "Product", TEXT, 2.15),
               Column("opening", "Opening", UNITS, 0.8), *_MOVEMENTS,
               Column("closing", "Closing", UNITS, 0.8),
               Column("unit_cost", "Unit cost", MONEY, 1.2),
               Column("closing_value", "Value", MONEY, 1.3))
    return Table("stock-by-sku", "Stock by SKU", columns, with_subtotals(skus, categories),
                 {key: value for key, value in totals.items() if key != "unit_cost"},
                 note="Subtotal rows follow each category's SKUs")


def with_subtotals(skus: pd.DataFrame, categories: pd.DataFrame) -> pd.DataFrame:
    """SKU rows (already ordered by category) with each category's subtotal row after them."""
    import pandas as pd

    rank = {name: position for position, name in enumerate(categories["category"])}
    rows = skus.assign(**{STYLE: "", "_rank": skus["category"].map(rank), "_sub": 0,
                          "_seq": range(len(skus))})
    subtotals = categories.assign(**{
        STYLE: SUBTOTAL, "_rank": range(len(categories)), "_sub": 1, "_seq": 0,
        "sku": "Subtotal", "product": categories["category"], "unit_cost": None})
    combined = pd.concat([rows, subtotals[[c for c in rows.columns if c in subtotals.columns]]],
                         ignore_index=True)
    return combined.sort_values(["_rank", "_sub", "_seq"], kind="stable").reset_index(drop=True)
