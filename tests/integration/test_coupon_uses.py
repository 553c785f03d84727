"""Coupon uses from imported orders: Shopify's Discount Code is kept on each order (upper-case,
one entry per code), and a promotion's coupon code counts the orders placed in its window on
its channels that carried it, in any case (the results report says the same); orders outside
the window, on another channel, with another code or cancelled do not count."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from ecdesk.db import Database
from ecdesk.services.common.period import Period
from ecdesk.services.orders_io import import_orders, read_orders_file
from ecdesk.services.orders_io.coupons import coupon_list
from ecdesk.services.promotions.draft import PromotionDraft
from ecdesk.services.promotions.store import list_promotions, save_promotion
from ecdesk.services.promotions.usage import coupon_use_counts
from ecdesk.services.reports import ReportRequest, generate_report
from tests.order_import_files import OrderShop, order_shop, shopify_file, shopify_order

IN_WINDOW = "2024-03-05 14:22:10 -0500"


@pytest.fixture
def shop(tmp_shop: Database) -> OrderShop:
    return order_shop(tmp_shop)


def imported(shop: OrderShop, tmp_path: Path, *rows: dict[str, str]) -> None:
    path = shopify_file(tmp_path, *rows)
    import_orders(shop.db.uow(), read_orders_file(path, timezone="Asia/Shanghai"))


def codes(db: Database) -> dict[str, str]:
    with db.uow() as uow:
        return dict(uow.session.execute(text("SELECT number, coupon_codes FROM orders")).all())


def test_codes_are_kept_upper_case_each_once() -> None:
    assert coupon_list(" save10, Free Ship ,SAVE10,") == "SAVE10,FREESHIP"
    assert coupon_list("") == ""


def test_the_discount_code_column_is_kept_on_each_order(shop: OrderShop, tmp_path: Path) -> None:
    imported(shop, tmp_path,
             shopify_order("#1", **{"Discount Code": "save10", "Discount Amount": "3.00"}),
             shopify_order("#2", **{"Discount Code": "SAVE10, FREESHIP"}),
             shopify_order("#3"))
    assert codes(shop.db) == {"#1": "SAVE10", "#2": "SAVE10,FREESHIP", "#3": ""}


def test_a_promotions_code_counts_the_orders_in_its_window_on_its_channels(
        shop: OrderShop, tmp_path: Path) -> None:
    imported(shop, tmp_path,
             shopify_order("#1", **{"Discount Code": "save10"}),
             shopify_order("#2", **{"Discount Code": "FREESHIP,SAVE10"}),
             shopify_order("#3", **{"Discount Code": "SAVE100"}),  # another code
             shopify_order("#4", created="2024-04-01 10:00:00 -0500",
                           **{"Discount Code": "SAVE10"}),  # after the window
             shopify_order("#5", financial="voided", **{"Discount Code": "SAVE10"}),
             shopify_order("#6"))
    for name, channels, code in (("Spring", ("Shopify US",), "Save10"),
                                 ("Tmall only", ("天猫 Tmall",), "SAVE100"),  # used on Shopify only
                                 ("No code", ("Shopify US",), "")):
        save_promotion(shop.db.uow(), PromotionDraft(
            name=name, kind="percent_off", channels=channels, starts="2024-03-01",
            ends="2024-03-10", rate="10", status="scheduled", coupon_code=code,
            time_zone="Asia/Shanghai"))
    ids = {p.name: p.id for p in list_promotions(shop.db.uow())}
    assert coupon_use_counts(shop.db.uow()) == {ids["Spring"]: 2, ids["Tmall only"]: 0}
    out = tmp_path / "spring.csv"
    generate_report(shop.db.uow(), ReportRequest("promotions", Period(date(2024, 3, 1), date(
        2024, 3, 9)), out, promotion="Spring"))
    rows = list(csv.reader(out.read_text("utf-8-sig").splitlines()))
    assert next(row for row in rows if row and row[0] == "Coupon uses")[1] == "2"
