"""Order files whose columns are not all recognised: what is missing and a value of each column
are told (the wizard's column page shows them), a correction reads the file, and the preview
names every column that will not be imported."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from ecdesk.db import Database
from ecdesk.services.orders_io import import_orders, preview_orders, read_orders_file
from ecdesk.services.orders_io.columns import load_order_columns
from ecdesk.services.orders_io.formats import column_fields, format_fields
from ecdesk.services.orders_io.plan import unread_columns
from tests.order_import_files import (
    TAOBAO_COLUMNS,
    OrderShop,
    order_shop,
    shopify_file,
    shopify_order,
    taobao_row,
)

ZONE = "Asia/Shanghai"
# A back office that renamed two columns: the date and the merchant code.
RENAMED = {"订单创建时间": "成交日期", "商家编码": "货品编号"}


@pytest.fixture
def shop(tmp_shop: Database) -> OrderShop:
    return order_shop(tmp_shop)


def renamed_taobao_file(folder: Path) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([RENAMED.get(column, column) for column in TAOBAO_COLUMNS])
    writer.writerow(taobao_row("3001", "TEE-S", "2"))
    writer.writerow(taobao_row("3002", "MUG"))
    path = folder / "ExportOrderList_renamed.csv"
    path.write_bytes(buffer.getvalue().encode("gbk"))
    return path


def test_a_file_missing_required_columns_says_which_and_shows_a_value_of_each_column(
        tmp_path: Path) -> None:
    parsed = read_orders_file(renamed_taobao_file(tmp_path), timezone=ZONE, format="taobao")
    assert parsed.file_error and parsed.orders == ()
    assert parsed.missing == ("created_at", "sku")
    samples = dict(zip(parsed.header, parsed.samples, strict=True))
    assert samples["成交日期"] == "2024-11-11 00:05:00" and samples["货品编号"] == "TEE-S"
    assert samples["订单编号"] == "3001"


def test_the_columns_chosen_read_the_file_and_are_remembered_for_the_channel(
        shop: OrderShop, tmp_path: Path) -> None:
    path = renamed_taobao_file(tmp_path)
    parsed = read_orders_file(path, timezone=ZONE, format="taobao",
                              columns={"created_at": "成交日期", "sku": "货品编号"})
    assert not parsed.file_error and parsed.missing == ()
    assert [order.number for order in parsed.orders] == ["3001", "3002"]
    fields = dict(zip(parsed.header, column_fields(parsed.header, "taobao",
                                                   dict(parsed.corrected)), strict=True))
    assert (fields["成交日期"], fields["货品编号"]) == ("created_at", "sku")
    assert preview_orders(shop.db.uow(), parsed, channel=shop.tmall).counts.orders_new == 2
    import_orders(shop.db.uow(), parsed, channel=shop.tmall)
    assert load_order_columns(shop.db.uow(), shop.tmall) == {"created_at": "成交日期",
                                                              "sku": "货品编号"}


def test_a_field_left_out_on_purpose_is_listed_as_not_imported(
        shop: OrderShop, tmp_path: Path) -> None:
    path = shopify_file(tmp_path, shopify_order("#1001", "TEE-S"))
    plain = read_orders_file(path, timezone=ZONE)
    assert "Total" not in unread_columns(plain) and "Accepts Marketing" in unread_columns(plain)
    parsed = read_orders_file(path, timezone=ZONE, columns={"total": ""})
    assert "Total" in unread_columns(parsed)
    notes = preview_orders(shop.db.uow(), parsed, channel=shop.shopify).notes
    assert any(note.startswith(f"{len(unread_columns(parsed))} column(s) of the file will not "
                               "be imported: ") and "Total" in note for note in notes)


def test_a_correction_naming_a_column_the_file_lacks_is_refused(tmp_path: Path) -> None:
    parsed = read_orders_file(renamed_taobao_file(tmp_path), timezone=ZONE, format="taobao",
                              columns={"created_at": "No such column"})
    assert parsed.file_error
    assert "there is no column 'No such column' in the file" in str(parsed.problems[0])


def test_every_field_of_every_format_has_a_label_the_column_page_shows() -> None:
    from ecdesk.services.orders_io.formats import ORDER_FORMATS
    from ecdesk.services.orders_io.formats.common import FIELD_LABELS

    assert {name: [f for f in format_fields(name) if f not in FIELD_LABELS]
            for name in ORDER_FORMATS} == {name: [] for name in ORDER_FORMATS}


def test_every_format_lists_its_required_fields_first() -> None:
    fields = format_fields("jd")
    assert fields[:6] == ["number", "created_at", "status", "sku", "quantity", "price"]
    assert "tracking_number" in fields and len(fields) == len(set(fields))
