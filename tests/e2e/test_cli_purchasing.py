"""`suppliers` and `purchasing ...` through the real entry point's parser, on a shop file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from ecdesk.cli import main
from ecdesk.db import Database
from tests.integration.purchasing_fixtures import PurchasingShop, purchasing_shop


@pytest.fixture
def shop(tmp_shop: Database) -> Iterator[PurchasingShop]:
    yield purchasing_shop(tmp_shop)


def cli(shop: PurchasingShop, *args: str) -> int:
    return main([*args, "--db", str(shop.db.path)])


def test_suppliers_lists_each_supplier_as_json(shop: PurchasingShop,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    shop.order({"MUG-1": 10})
    assert cli(shop, "suppliers", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["name"], r["currency"], r["open_orders"]) for r in rows] == [
        ("Ningbo Ceramics", "USD", 1), ("Yiwu Textiles", "CNY", 0)]


def test_receive_books_skus_with_rejections_and_refuses_a_negative_quantity(
        shop: PurchasingShop, capsys: pytest.CaptureFixture[str]) -> None:
    number = shop.order({"MUG-1": 10, "TEE-1": 4})
    assert cli(shop, "purchasing", "receive", number, "mug-1=4/1") == 0
    assert "4 received, 1 rejected" in capsys.readouterr().out
    assert shop.on_hand("MUG-1") == 9
    assert cli(shop, "purchasing", "receive", number, "TEE-1=-1") == 3
    assert "TEE-1: '-1' is not a whole number of at least 0" in capsys.readouterr().err
    assert shop.on_hand("TEE-1") == 0
    assert cli(shop, "purchasing", "receive", number) == 0  # the rest: 6 + 4
    assert (shop.on_hand("MUG-1"), shop.on_hand("TEE-1")) == (15, 4)
    assert cli(shop, "purchasing", "close", number) == 0
    capsys.readouterr()
    assert cli(shop, "purchasing", "list", "--status", "closed", "--json") == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["number"], row["received"], row["goods_total"]) == (number, 14, "14.00")


def test_return_sends_several_lines_back_at_once_and_refuses_a_wrong_line_whole(
        shop: PurchasingShop, capsys: pytest.CaptureFixture[str]) -> None:
    number = shop.order({"MUG-1": 10, "TEE-1": 4}, costs={"MUG-1": "2.50", "TEE-1": "4.00"})
    assert cli(shop, "purchasing", "receive", number) == 0
    capsys.readouterr()
    # more than received on one line, a negative on another, a SKU not on the order: refused
    # whole, every problem named, nothing written
    for bad, said in (("TEE-1=5", "TEE-1: 5 to return, but only 4 received"),
                      ("TEE-1=-1", "TEE-1: '-1' is not a whole number of at least 1"),
                      ("NOPE-1=1", "NOPE-1 is not on this purchase order"),
                      ("TEE-1", "'TEE-1' is not SKU=QTY")):
        assert cli(shop, "purchasing", "return", number, "MUG-1=2", bad,
                   "--reason", "damaged") == 3, bad
        assert said in capsys.readouterr().err
        assert (shop.on_hand("MUG-1"), shop.on_hand("TEE-1")) == (15, 4)
    assert cli(shop, "purchasing", "return", number, "MUG-1=2", "tee-1=1",
               "--reason", "damaged") == 0
    out = capsys.readouterr().out
    assert "3 returned to the supplier" in out
    assert "9.00 USD" in out  # credited: 2 x 2.50 + 1 x 4.00
    assert (shop.on_hand("MUG-1"), shop.on_hand("TEE-1")) == (13, 3)
    lines = shop.lines(number)
    assert (lines["MUG-1"].returned, lines["TEE-1"].returned) == (2, 1)


def test_suggest_prints_what_to_order_and_creates_drafts_on_request(
        shop: PurchasingShop, capsys: pytest.CaptureFixture[str]) -> None:
    from decimal import Decimal

    from ecdesk.services.stock.commands import PolicyDraft, set_stock_policy
    from ecdesk.services.suppliers.commands import SupplierItemDraft, set_supplier_item

    set_stock_policy(shop.db.uow(), shop.ids["MUG-1"], PolicyDraft(reorder_point=10,
                                                                   max_stock=30))
    set_supplier_item(shop.db.uow(), SupplierItemDraft(shop.cny_supplier, shop.ids["MUG-1"],
                                                       Decimal("9.50"), preferred=True))
    assert cli(shop, "purchasing", "suggest", "--json") == 0
    [order] = json.loads(capsys.readouterr().out)["orders"]
    assert (order["supplier"], order["lines"][0]["quantity"], order["total"]) == (
        "Yiwu Textiles", 25, "237.50")
    assert cli(shop, "purchasing", "suggest", "--create-drafts") == 0
    assert "1 draft purchase order created: PO-" in capsys.readouterr().out


def test_a_purchase_order_prints_as_a_pdf_the_supplier_can_read_and_as_xlsx(
        shop: PurchasingShop, tmp_path: Path) -> None:
    number = shop.order({"MUG-1": 10, "TEE-1": 4}, costs={"MUG-1": "2.50", "TEE-1": "4.00"},
                        shipping="5.00")
    pdf = tmp_path / "po.pdf"
    assert cli(shop, "purchasing", "print", number, "--out", str(pdf)) == 0
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert number in text and "Ningbo Ceramics" in text and "MUG-1" in text
    assert "41.00" in text  # goods 25.00 + 16.00; total with shipping 46.00
    assert "46.00" in text
    first = pdf.read_bytes()
    assert cli(shop, "purchasing", "print", number, "--out", str(pdf)) == 0
    assert pdf.read_bytes() == first  # the same order, the same bytes
    assert cli(shop, "purchasing", "print", number, "--out", str(tmp_path / "po.xlsx")) == 0
    assert (tmp_path / "po.xlsx").stat().st_size > 0


def test_the_suppliers_report_writes_scorecards_their_trend_charts_and_open_orders(
        shop: PurchasingShop, tmp_path: Path) -> None:
    number = shop.order({"MUG-1": 10})
    receive_args = ("purchasing", "receive", number, "MUG-1=8/2")
    assert cli(shop, *receive_args) == 0
    for suffix in (".pdf", ".csv", ".xlsx"):
        out = tmp_path / f"suppliers{suffix}"
        assert cli(shop, "report", "suppliers", "--from", "2026-01-01", "--to", "2026-12-31",
                   "--out", str(out), "--generated-at", "2026-12-07 10:00") == 0
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "suppliers.pdf").pages)
    assert "Ningbo Ceramics" in text and "Supplier scorecards" in text
    assert "Scores by month" in text  # a chart for each supplier with orders sent: Ningbo's
    pages = PdfReader(tmp_path / "suppliers.pdf").pages
    assert sum(len(page.images) for page in pages) == 1
    csv_text = (tmp_path / "suppliers.csv").read_text(encoding="utf-8-sig")
    assert number in csv_text  # still open: 2 rejected units are expected again
