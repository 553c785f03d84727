"""The cost method seen from outside: a valuation made before a receipt reads the same after it,
and a catalog import's Cost column does not undo the moving average."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal as D  # noqa: N817 (hand-computed figures read better)
from pathlib import Path

import pytest

from ecdesk.db import Database
from ecdesk.models import MovementKind
from ecdesk.services.catalog_io import import_products, preview_import, read_import_file
from ecdesk.services.common.period import Period
from ecdesk.services.purchasing.receiving import ReceivedLine, receive_purchase_order
from ecdesk.services.reports.generate import write_report
from ecdesk.services.reports.inventory import build_inventory_report
from ecdesk.services.reports.scope import ReportScope
from ecdesk.services.settings import get_settings
from ecdesk.services.stock.ledger import Movement, post_movements
from tests.integration.purchasing_fixtures import PurchasingShop, purchasing_shop

OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))
MADE_AT = datetime(2026, 11, 2, 1, 0, tzinfo=UTC)


@pytest.fixture
def shop(tmp_shop: Database) -> Iterator[PurchasingShop]:
    yield purchasing_shop(tmp_shop)


def valuation(shop: PurchasingShop, out: Path) -> bytes:
    """The inventory valuation of October (without the current alerts: those are as of now)."""
    settings = get_settings(shop.db.uow())
    scope = ReportScope(settings.shop_name, settings.currency, settings.timezone, OCTOBER,
                        MADE_AT, None, None)
    with shop.db.uow() as uow:
        report = build_inventory_report(uow.session, scope, None)
    write_report(report, out)
    return out.read_bytes()


@pytest.mark.parametrize("suffix", [".pdf", ".csv"])
def test_a_valuation_made_before_a_receipt_is_byte_identical_after_it(
        shop: PurchasingShop, tmp_path: Path, suffix: str) -> None:
    with shop.db.uow() as uow:  # 8 tees arrived in October, before purchasing existed
        post_movements(uow.session, [Movement(shop.ids["TEE-1"], MovementKind.RECEIVED, 8,
                                              at=datetime(2026, 10, 10, 2, tzinfo=UTC))])
        uow.commit()
    before = valuation(shop, tmp_path / f"before{suffix}")
    number = shop.order({"TEE-1": 10}, costs={"TEE-1": "9.00"})
    receive_purchase_order(shop.db.uow(), number, [ReceivedLine("TEE-1", 10)])
    assert shop.cost("TEE-1") != D("20.00")  # the receipt moved the average
    assert valuation(shop, tmp_path / f"after{suffix}") == before
    if suffix == ".csv":
        assert "160.00" in before.decode("utf-8-sig")  # 8 x 20.00, the cost October had


def test_a_catalog_import_keeps_the_moving_average_of_a_received_sku_and_says_so(
        shop: PurchasingShop, tmp_path: Path) -> None:
    number = shop.order({"MUG-1": 10}, costs={"MUG-1": "2.50"})
    receive_purchase_order(shop.db.uow(), number, [ReceivedLine("MUG-1", 10)])
    average = shop.cost("MUG-1")  # (5 x 10.00 + 10 x 18.00) / 15 = 15.33
    assert average == D("15.33")
    path = tmp_path / "catalog.csv"
    path.write_text("Title,SKU,Price,Cost\nMug,MUG-1,39.00,1.00\nMug,TEE-1,59.00,21.00\n",
                    encoding="utf-8")
    preview = preview_import(shop.db.uow(), read_import_file(path))
    [warning] = [p for p in preview.problems if "moving average" in p.message]
    assert warning.severity == "warning" and warning.field == "Cost" and warning.row == 2
    assert "MUG-1: the file's cost 1.00 is not imported" in warning.message
    import_products(shop.db.uow(), read_import_file(path))
    assert shop.cost("MUG-1") == average  # kept
    assert shop.cost("TEE-1") == D("21.00")  # never received: the file sets it
