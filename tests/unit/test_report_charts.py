"""Chart builders: a matplotlib Figure on the Agg canvas (no pyplot), the same PNG bytes for the
same data, Chinese labels drawn with the embedded font."""

from __future__ import annotations

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg

from ecdesk.services.reports.charts import (
    build_category_value_figure,
    build_sales_trend_figure,
    figure_png,
)
from ecdesk.services.reports.fonts import CHART_FAMILY

TREND = pd.DataFrame({"bucket": ["2026-11-01", "2026-11-02", "2026-11-03"],
                      "sales": [123456, 0, 98700], "margin": [40000, -500, 30000]})
CATEGORIES = pd.DataFrame({"category": [f"服装 Clothing > 类 {n}" for n in range(15)],
                           "closing_value": [n * 1000 for n in range(15)]})


def test_the_trend_figure_is_a_figure_on_the_agg_canvas_with_a_bar_a_day() -> None:
    figure = build_sales_trend_figure(TREND)
    assert isinstance(figure.canvas, FigureCanvasAgg)  # pyplot is kept out by test_layers
    [axes] = figure.axes
    assert len(axes.patches) == 3  # a bar a day


def test_the_same_data_gives_the_same_png_bytes() -> None:
    first = figure_png(build_sales_trend_figure(TREND))
    again = figure_png(build_sales_trend_figure(TREND.copy()))
    assert first[:8] == b"\x89PNG\r\n\x1a\n"
    assert first == again
    assert b"Software" not in first and b"matplotlib" not in first


def test_beyond_twelve_categories_the_smallest_are_one_other_bar_in_the_embedded_font(
        ) -> None:
    figure = build_category_value_figure(CATEGORIES)
    [axes] = figure.axes
    figure.canvas.draw()
    labels = [label.get_text() for label in axes.get_yticklabels()]
    assert len(labels) == 12 and labels[0] == "Other"
    assert labels[-1] == "服装 Clothing > 类 14"  # the largest on top
    assert {label.get_fontfamily()[0] for label in axes.get_yticklabels()} == {CHART_FAMILY}
