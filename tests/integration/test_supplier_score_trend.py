"""A supplier's scores by month, computed by hand, and the chart drawn from them (the one the
Suppliers page and report show)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date
from decimal import Decimal as D  # noqa: N817 (hand-computed figures read better)

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from ecdesk.db import Database
from ecdesk.services.common.period import Period
from ecdesk.services.purchasing.purchase_orders import (
    send_purchase_order,
    update_purchase_order,
)
from ecdesk.services.purchasing.receiving import ReceivedLine, receive_purchase_order
from ecdesk.services.suppliers.score_trend import (
    build_score_trend_figure,
    get_score_trends,
    months_of,
)
from tests.integration.purchasing_fixtures import (
    PurchasingShop,
    at,
    book_november_deliveries,
    purchasing_shop,
)

AUTUMN = Period(date(2026, 10, 15), date(2026, 12, 20))


@pytest.fixture
def shop(tmp_shop: Database) -> Iterator[PurchasingShop]:
    shop = purchasing_shop(tmp_shop)
    uow = tmp_shop.uow
    book_november_deliveries(shop)  # 30 units, 20 on time, 26 accepted: 84.6
    # December: 20 mugs sent 2 Dec, expected 10 Dec, 10 arrive late on 12 Dec
    c = shop.order({"MUG-1": 20}, costs={"MUG-1": "2.50"}, send=False)
    update_purchase_order(uow(), c, expected_on=date(2026, 12, 10), notes="")
    send_purchase_order(uow(), c, now=at(2, 12))
    receive_purchase_order(uow(), c, [ReceivedLine("MUG-1", 10)], at=at(12, 12))
    yield shop


def test_a_period_is_cut_at_month_ends_with_its_first_and_last_months_clipped() -> None:
    assert months_of(AUTUMN) == [Period(date(2026, 10, 15), date(2026, 10, 31)),
                                 Period(date(2026, 11, 1), date(2026, 11, 30)),
                                 Period(date(2026, 12, 1), date(2026, 12, 20))]


def test_each_month_scores_the_orders_sent_in_it(shop: PurchasingShop) -> None:
    trends = {t.supplier_name: t for t in get_score_trends(shop.db.uow(), AUTUMN)}
    october, november, december = trends["Ningbo Ceramics"].months
    assert [m.month for m in (october, november, december)] == [
        date(2026, 10, 1), date(2026, 11, 1), date(2026, 12, 1)]
    assert (october.orders, october.score, october.on_time) == (0, None, None)
    assert (november.orders, november.score, november.on_time, november.fill_rate) == (
        2, D("84.6"), D("0.6667"), D("0.8667"))
    # December: on time 0 of 20, fill 10 of 20, lead 10 days against 8 promised (mark 0.8),
    # nothing refused (1), one cost (price 1), no returns data:
    # (25 x 0 + 15 x 0.5 + 10 x 0.8 + 20 x 1 + 10 x 1) / 80 x 100 = 56.875
    assert (december.orders, december.on_time, december.fill_rate, december.score) == (
        1, D("0"), D("0.5"), D("56.9"))
    assert trends["Ningbo Ceramics"].has_orders
    assert not trends["Yiwu Textiles"].has_orders


def test_the_chart_draws_the_score_as_a_line_and_the_rates_as_bars_with_gaps(
        shop: PurchasingShop) -> None:
    trend = next(t for t in get_score_trends(shop.db.uow(), AUTUMN)
                 if t.supplier_name == "Ningbo Ceramics")
    figure = build_score_trend_figure(trend)
    assert isinstance(figure.canvas, FigureCanvasAgg)
    [axes] = figure.axes
    [score] = axes.lines
    heights = [bar.get_height() for bar in axes.patches]
    assert _same(list(score.get_ydata()), [math.nan, 84.6, 56.9])
    assert _same(heights, [math.nan, 66.67, 0.0,  # on time
                           math.nan, 86.67, 50.0])  # fill rate
    assert [t.get_text() for t in axes.get_xticklabels()] == ["2026-10", "2026-11", "2026-12"]


def _same(drawn: list[float], expected: list[float]) -> bool:
    return len(drawn) == len(expected) and all(
        math.isnan(a) if math.isnan(b) else a == pytest.approx(b) for a, b in
        zip(drawn, expected, strict=True))
