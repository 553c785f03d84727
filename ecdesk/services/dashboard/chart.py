"""The Dashboard's sales trend: the sales report's figure, with the providers' marks on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ecdesk.services.dashboard.model import Dashboard
from ecdesk.services.reports.charts import build_sales_trend_figure
from ecdesk.services.reports.fonts import chart_font

if TYPE_CHECKING:
    from matplotlib.figure import Figure

MARK_COLOR = "#f2c14e"


def build_dashboard_trend(board: Dashboard, width_cm: float = 24.0,
                          height_cm: float = 7.0) -> Figure:
    """Built off the GUI thread (Agg); the page puts it on a Qt canvas."""
    figure = build_sales_trend_figure(board.trend, width_cm=width_cm, height_cm=height_cm)
    if board.marks:
        axes = figure.axes[0]
        buckets = board.scope.period.buckets()
        for mark in board.marks:
            hit = [n for n, b in enumerate(buckets)
                   if b.first <= mark.last and b.last >= mark.first]
            if hit:
                axes.axvspan(hit[0] - 0.5, hit[-1] + 0.5, color=MARK_COLOR, alpha=0.25, lw=0)
                # Above the plot, not in it: inside, a label at the left edge covered the legend.
                axes.annotate(mark.label, (hit[0] - 0.4, 1.0), xycoords=("data", "axes fraction"),
                              fontsize=6, va="bottom", annotation_clip=False,
                              fontfamily=chart_font())  # 双11: no boxes
    return figure
