"""The sales and margin report: totals, by channel, by category, by day or week, returns and
refunds, discounts and platform fees, gross margin, and a trend chart."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from ecdesk.i18n import N_, _
from ecdesk.services.customers.report_section import customer_section
from ecdesk.services.reports.charts import build_sales_trend_figure, figure_png
from ecdesk.services.reports.model import (
    COUNT,
    MONEY,
    RATE,
    TEXT,
    UNITS,
    Chart,
    Column,
    Paragraph,
    Report,
    Section,
    Table,
    comparison_rows,
    format_minor,
    rate,
)
from ecdesk.services.reports.sales_queries import (
    SalesScope,
    category_totals,
    other_currencies,
    returns_by_channel,
    returns_totals,
    sales_by_bucket,
    sales_by_category,
    sales_by_channel,
    sales_totals,
)
from ecdesk.services.reports.scope import ReportScope, Step, no_steps

if TYPE_CHECKING:
    import pandas as pd

TITLE = N_("Sales and margin")

DEFINITIONS = (
    N_("Which orders count: orders that were paid, shipped, completed or refunded (not pending, "
       "not cancelled), placed on a day of the period in the shop's time zone, in {currency}. A "
       "refunded order stays a sale and its refund is taken off below, so refunds are counted in "
       "the period the order was placed."),
    N_("Sales (GMV) is the sum of the order lines after discounts (quantity x unit price - line "
       "discount). Gross sales is before discounts; discounts are the lines' discounts. Shipping "
       "charged to buyers is shown apart and is in neither sales nor margin."),
    N_("Cost of goods is each line's quantity x the SKU's unit cost when it sold (kept on the "
       "line, so a later cost change does not move old margins). Platform fees are the "
       "commissions and payment fees recorded on the orders."),
    N_("Gross margin = sales - refunds - cost of goods - platform fees. It does not include "
       "shipping charged or paid, packaging, advertising or other costs. The margin rate is gross "
       "margin divided by sales. In the category table, product margin is sales - cost of goods "
       "(refunds and fees belong to whole orders and are not split over categories)."),
    N_("Tax is the tax the platform charged on the orders (Shopify's Taxes). Where the prices "
       "include it (a store that shows prices with tax), sales excluding tax = sales - tax; "
       "elsewhere sales including tax = sales + tax. Orders whose file gave no tax count as "
       "having none."),
    N_("Units returned to stock are the goods booked back onto the shelf during the period "
       "(stock movements of kind 'returned'), whenever their order was placed. Every total is "
       "added up by the database in whole cents and equals the sum of its rows."),
)


def build_sales_report(session: Session, scope: ReportScope, step: Step = no_steps) -> Report:
    return Report("sales", _(TITLE), scope.shop_name, scope.currency, scope.timezone, scope.period,
                  scope.scope_label, scope.generated_at, sales_sections(session, scope, step))


def sales_sections(session: Session, scope: ReportScope, step: Step = no_steps
                   ) -> tuple[Section, ...]:
    query = SalesScope(scope.period, scope.zone, scope.currency, scope.channel_id)
    totals = sales_totals(session, query)
    previous = sales_totals(session, SalesScope(scope.period.previous(), scope.zone,
                                                scope.currency, scope.channel_id))
    step()
    buckets = sales_by_bucket(session, query)
    step()
    channels = sales_by_channel(session, query)
    categories = sales_by_category(session, query)
    step()
    returns = returns_by_channel(session, query)
    foreign = other_currencies(session, query)
    step()
    trend = Chart(_("Sales and gross margin by week") if scope.period.weekly
                  else _("Sales and gross margin by day"),
                  figure_png(build_sales_trend_figure(buckets)))
    step()
    sections = [
        Section(_("Summary"), (_summary(totals, previous, scope),)),
        Section(_("Trend"), (trend, _by_bucket(buckets, totals, scope.period.weekly))),
        Section(_("By channel"), (_by_channel(channels, totals),)),
        Section(_("By category"), (_by_category(categories, category_totals(session, query)),)),
        Section(_("Returns and refunds"), (_returns(returns, returns_totals(session, query)),)),
    ]
    sections.append(customer_section(session, scope))
    if len(foreign):
        sections.append(Section(_("Orders in other currencies"), (_foreign(foreign),)))
    sections.append(Section(_("How these figures are made"), tuple(
        Paragraph(_(text).format(currency=scope.currency), small=True) for text in DEFINITIONS)))
    return tuple(sections)


SUMMARY_ROWS = (
    ("orders", N_("Orders"), COUNT),
    ("units", N_("Units sold"), UNITS),
    ("gross", N_("Gross sales (before discounts)"), MONEY),
    ("discounts", N_("Discounts given"), MONEY),
    ("sales", N_("Sales (GMV)"), MONEY),
    ("sales_excl_tax", N_("Sales excluding tax"), MONEY),
    ("tax", N_("Tax"), MONEY),
    ("sales_incl_tax", N_("Sales including tax"), MONEY),
    ("refunds", N_("Refunds"), MONEY),
    ("cogs", N_("Cost of goods"), MONEY),
    ("fees", N_("Platform fees"), MONEY),
    ("margin", N_("Gross margin"), MONEY),
    ("margin_rate", N_("Gross margin rate"), RATE),
    ("average", N_("Average order value"), MONEY),
    ("shipping", N_("Shipping charged (not in sales)"), MONEY),
    ("refunded_orders", N_("Orders refunded"), COUNT),
)


def derived(figures: dict[str, int]) -> dict[str, Any]:
    """The figures with the margin rate and the average order value added."""
    average = None
    if figures["orders"]:
        average = int((Decimal(figures["sales"]) / figures["orders"]).quantize(
            Decimal(1), rounding=ROUND_HALF_UP))
    return {**figures, "margin_rate": rate(figures["margin"], figures["sales"]),
            "average": average}


def _summary(totals: dict[str, int], previous: dict[str, int], scope: ReportScope) -> Table:
    import pandas as pd

    now, before = derived(totals), derived(previous)
    rows = comparison_rows(SUMMARY_ROWS, now, before, ("now", "before"))
    columns = (Column("figure", _("Figure"), TEXT, 3.2),
               Column("now", _("This period"), MONEY, 1.6),
               Column("before", _("Previous period"), MONEY, 1.6),
               Column("change", _("Change"), MONEY, 1.6))
    before_label = scope.period.previous().label()
    return Table(
        "summary",
        _("Key figures"),
        columns,
        pd.DataFrame(rows, dtype=object),
        note=_("Previous period: {before_label}").format(before_label=before_label),
        width=0.7,
    )


_ORDER_FIGURES = (
    Column("orders", N_("Orders"), COUNT, 0.85), Column("units", N_("Units"), UNITS, 0.85),
    Column("sales", N_("Sales"), MONEY, 1.45), Column("discounts", N_("Discounts"), MONEY, 1.35),
    Column("shipping", N_("Shipping"), MONEY, 1.25), Column("refunds", N_("Refunds"), MONEY, 1.25),
    Column("fees", N_("Platform fees"), MONEY, 1.6),
    Column("cogs", N_("Cost of goods"), MONEY, 1.6),
    Column("margin", N_("Gross margin"), MONEY, 1.6),
    Column("margin_rate", N_("Margin"), RATE, 0.8),
)


def _with_rate(frame: pd.DataFrame, part: str, whole: str, name: str) -> pd.DataFrame:
    frame = frame.copy()
    frame[name] = [rate(p, w) for p, w in zip(frame[part], frame[whole], strict=True)]
    return frame


def _total_with_rate(totals: dict[str, int], part: str, whole: str, name: str
                     ) -> dict[str, Any]:
    return {**totals, name: rate(totals[part], totals[whole])}


def _by_channel(frame: pd.DataFrame, totals: dict[str, int]) -> Table:
    columns = (Column("channel", _("Channel"), TEXT, 2.0), *_ORDER_FIGURES)
    return Table("by-channel", _("Sales by channel"), columns,
                 _with_rate(frame, "margin", "sales", "margin_rate"),
                 _total_with_rate(totals, "margin", "sales", "margin_rate"))


def _by_bucket(frame: pd.DataFrame, totals: dict[str, int], weekly: bool) -> Table:
    label = _("Week") if weekly else _("Day")
    columns = (Column("bucket", label, TEXT, 2.0), *_ORDER_FIGURES)
    title = _("Sales by week") if weekly else _("Sales by day")
    return Table("by-week" if weekly else "by-day", title, columns,
                 _with_rate(frame, "margin", "sales", "margin_rate"),
                 _total_with_rate(totals, "margin", "sales", "margin_rate"),
                 note="Weeks run Monday to Sunday" if weekly else "")


def _by_category(frame: pd.DataFrame, totals: dict[str, int]) -> Table:
    columns = (Column("category", _("Category"), TEXT, 3.6),
               Column("units", _("Units"), UNITS, 0.9),
               Column("gross", _("Gross sales"), MONEY, 1.5),
               Column("discounts", _("Discounts"), MONEY, 1.3),
               Column("sales", _("Sales"), MONEY, 1.5),
               Column("cogs", _("Cost of goods"), MONEY, 1.5),
               Column("product_margin", _("Product margin"), MONEY, 1.5),
               Column("margin_rate", _("Margin"), RATE, 0.9))
    return Table("by-category", _("Sales by category"), columns,
                 _with_rate(frame, "product_margin", "sales", "margin_rate"),
                 _total_with_rate(totals, "product_margin", "sales", "margin_rate"),
                 note=_("Product margin = sales - cost of goods"))


def _returns(frame: pd.DataFrame, totals: dict[str, int]) -> Table:
    columns = (Column("channel", _("Channel"), TEXT, 2.4),
               Column("refunded_orders", _("Orders refunded"), COUNT, 1.2),
               Column("refunds", _("Refunds"), MONEY, 1.5),
               Column("returned_units", _("Units returned to stock"), UNITS, 1.6),
               Column("cancelled_orders", _("Orders cancelled"), COUNT, 1.2))
    return Table("returns", _("Returns and refunds by channel"), columns, frame, totals,
                 width=0.75)


def _foreign(frame: pd.DataFrame) -> Table:
    shown = frame.copy()
    shown["amount"] = [f"{format_minor(sales)} {currency}" for sales, currency
                       in zip(shown["sales"], shown["currency"], strict=True)]
    columns = (Column("currency", _("Currency"), TEXT, 1.0),
               Column("orders", _("Orders"), COUNT, 1.0),
               Column("amount", _("Sales, not converted"), TEXT, 2.0))
    return Table("other-currencies", _("Sold orders in other currencies (not in the figures "
                 "above)"), columns, shown, width=0.6)
