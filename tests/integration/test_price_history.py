"""Every price change leaves a history row naming its source, whoever wrote it."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from sqlalchemy import update

from ecdesk.db import Database
from ecdesk.models import Listing, Variant
from ecdesk.services.catalog.commands import save_product
from ecdesk.services.catalog.dto import ListingDraft, ProductDraft, VariantDraft
from ecdesk.services.channels import save_channel
from ecdesk.services.pricing.history import HISTORY_FIELDS, export_price_history, price_history

D = Decimal


def mug(channel_id: int, price: str, channel_price: str, variant_id: int | None = None
        ) -> ProductDraft:
    return ProductDraft(title="Mug 马克杯", status="active",
                        variants=(VariantDraft("MUG-1", unit_cost="4.00", price=price,
                                               id=variant_id),),
                        listings=(ListingDraft(0, channel_id, "listed",
                                               channel_price=channel_price),))


def test_the_product_dialogs_price_changes_are_recorded_as_its_own(tmp_shop: Database) -> None:
    tmall = save_channel(tmp_shop.uow(), name="Tmall", kind="tmall", currency="CNY").ids[0]
    product_id = save_product(tmp_shop.uow(), mug(tmall, "10.00", "")).ids[0]
    assert price_history(tmp_shop.uow()) == []  # a new SKU's first price is not a change

    with tmp_shop.uow() as uow:
        variant_id = uow.session.query(Variant.id).scalar()
    save_product(tmp_shop.uow(), mug(tmall, "12.00", "11.50", variant_id), product_id)

    changes = sorted(price_history(tmp_shop.uow()), key=lambda c: c.channel)
    assert [(c.sku, c.channel, c.old_price, c.new_price, c.source) for c in changes] == [
        ("MUG-1", "", D("10.00"), D("12.00"), "product"),
        ("MUG-1", "Tmall", None, D("11.50"), "product")]


def test_a_write_that_does_not_name_itself_is_recorded_as_an_edit(tmp_shop: Database) -> None:
    tmall = save_channel(tmp_shop.uow(), name="Tmall", kind="tmall", currency="CNY").ids[0]
    save_product(tmp_shop.uow(), mug(tmall, "10.00", "9.00"))
    with tmp_shop.uow() as uow:
        uow.session.execute(update(Variant).values(price=D("8.00")))
        uow.session.execute(update(Listing).values(channel_price=D("9.00")))  # unchanged
        uow.commit()

    assert [(c.old_price, c.new_price, c.source, c.source_label)
            for c in price_history(tmp_shop.uow(), sku="MUG-1")] == [
        (D("10.00"), D("8.00"), "edit", "Edit")]


def test_the_whole_history_is_exported_to_csv_and_xlsx_newest_first(tmp_shop: Database,
                                                                    tmp_path: Path) -> None:
    tmall = save_channel(tmp_shop.uow(), name="Tmall", kind="tmall", currency="CNY").ids[0]
    product_id = save_product(tmp_shop.uow(), mug(tmall, "10.00", "")).ids[0]
    with tmp_shop.uow() as uow:
        variant_id = uow.session.query(Variant.id).scalar()
    save_product(tmp_shop.uow(), mug(tmall, "12.00", "11.50", variant_id), product_id)
    out = tmp_path / "history.csv"

    result = export_price_history(tmp_shop.uow(), out)

    assert result.rows == 2 and "2" in result.changed.message and not result.changed.areas
    with open(out, encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    assert header == list(HISTORY_FIELDS)
    assert sorted((r[1], r[2], r[3], r[4], r[5]) for r in rows) == [
        ("MUG-1", "", "10.00", "12.00", "product"), ("MUG-1", "Tmall", "", "11.50", "product")]
    book = export_price_history(tmp_shop.uow(), tmp_path / "history.xlsx", sku="MUG-1")
    from openpyxl import load_workbook

    sheet = load_workbook(book.path, read_only=True).active
    header, *rows = (list(r) for r in sheet.iter_rows(values_only=True))
    assert header == list(HISTORY_FIELDS) and len(rows) == book.rows == 2
