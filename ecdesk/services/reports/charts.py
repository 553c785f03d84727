"""Chart builders shared by the PDF reports and (later) the Dashboard: frame in, Figure out.

Each `build_*_figure(frame)` returns a `matplotlib.figure.Figure` on the Agg canvas (never pyplot,
which picks a GUI backend and is slow to import); the Dashboard can put the same figure on a Qt
canvas. `figure_png` renders one at a fixed DPI with no metadata that changes between runs, so the
same data gives the same image bytes. Amounts come in as integer minor units; they are divided
for drawing only, the figures printed in the reports never pass through a chart.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from ecdesk.i18n import _
from ecdesk.services.reports.fonts import chart_font

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

DPI = 150
SALES_COLOR = "#1f6f78"  # the app's teal
MARGIN_COLOR = "#d9822b"
STOCK_COLOR = "#4c6a92"
GRID_COLOR = "#dddddd"


def new_figure(width_cm: float, height_cm: float) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width_cm / 2.54, height_cm / 2.54), dpi=DPI,
                    layout="constrained")
    FigureCanvasAgg(figure)
    figure.set_facecolor("white")
    return figure


def style_axes(axes: Axes, family: str) -> None:
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    # Tick labels are made when the figure is drawn: set the font for those too, not only for
    # the ones that exist now (else Chinese labels come out as boxes).
    axes.tick_params(labelsize=7, labelfontfamily=family)


def _amount_formatter() -> FuncFormatter:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _pos: f"{value:,.0f}")


def build_sales_trend_figure(frame: pd.DataFrame, *, width_cm: float = 24.0,
                             height_cm: float = 8.0) -> Figure:
    """Sales by day or week as bars, gross margin as a line. `frame` has the columns `bucket`
    (label), `sales` and `margin` (minor units), one row per day or week, in order."""
    family = chart_font()
    figure = new_figure(width_cm, height_cm)
    axes = figure.add_subplot()
    positions = list(range(len(frame)))
    sales = [int(v) / 100 for v in frame["sales"]]
    margin = [int(v) / 100 for v in frame["margin"]]
    axes.bar(positions, sales, color=SALES_COLOR, width=0.75, label=_("Sales"))
    axes.plot(positions, margin, color=MARGIN_COLOR, linewidth=1.6, marker="o", markersize=2.5,
              label=_("Gross margin"))
    axes.axhline(0, color="#888888", linewidth=0.6)
    labels = [str(label)[:10] for label in frame["bucket"]]
    step = max(1, len(labels) // 16)
    axes.set_xticks(positions[::step], labels[::step], rotation=45, ha="right")
    axes.yaxis.set_major_formatter(_amount_formatter())
    if not any(sales) and not any(margin):
        axes.set_ylim(0, 100)  # nothing sold: a plain axis rather than five ticks all "0"
    axes.set_xlim(-0.6, max(len(positions), 1) - 0.4)
    axes.grid(axis="y", color=GRID_COLOR, linewidth=0.6)
    style_axes(axes, family)
    legend = axes.legend(loc="upper left", frameon=False, fontsize=7)
    for text in legend.get_texts():
        text.set_fontfamily(family)
    return figure


def build_category_value_figure(frame: pd.DataFrame, *, width_cm: float = 24.0,
                                height_cm: float = 8.0, limit: int = 12) -> Figure:
    """Closing stock value by category as horizontal bars, largest first. `frame` has the
    columns `category` and `closing_value` (minor units); beyond `limit` rows, the rest are
    summed as "Other"."""
    family = chart_font()
    figure = new_figure(width_cm, height_cm)
    axes = figure.add_subplot()
    ordered = frame.sort_values("closing_value", ascending=False, kind="stable")
    names = [str(name) for name in ordered["category"]]
    values = [int(v) for v in ordered["closing_value"]]
    if len(names) > limit:
        names = [*names[:limit - 1], _("Other")]
        values = [*values[:limit - 1], sum(values[limit - 1:])]
    names.reverse()
    values.reverse()
    axes.barh(range(len(names)), [v / 100 for v in values], color=STOCK_COLOR, height=0.7)
    axes.set_yticks(range(len(names)), [_short(name) for name in names])
    axes.xaxis.set_major_formatter(_amount_formatter())
    axes.grid(axis="x", color=GRID_COLOR, linewidth=0.6)
    style_axes(axes, family)
    return figure


def figure_png(figure: Figure) -> bytes:
    """The figure as PNG bytes at a fixed DPI, without a Software or time stamp."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _short(name: str, limit: int = 40) -> str:
    """A long category path keeps its last levels: `… > T-shirts > Long sleeve`."""
    return name if len(name) <= limit else "…" + name[-(limit - 1):]
