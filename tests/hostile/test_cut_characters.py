"""Import files with one cell cut in the middle of a multi-byte character (a tool that cut a
title at a byte count, not a character count): UTF-8, GBK (a Tmall/Taobao export) and UTF-16
(Excel's "Unicode text": one byte of a character lost, or half of a surrogate pair).

Each is refused with a message that says which encoding the file is in and names the row of
the cut (the file's line, 1 = the header, as the other problems count), exit code 3, and the
shop is byte-for-byte unchanged. Before, the message named only a byte offset, and a GBK file
was called "not valid UTF-8" at its first Chinese character, far before the cut.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ecdesk.services.tabular_io.encoding import detect_encoding
from tests.hostile.conditions import fingerprint, shop_files
from tests.hostile.test_cli_against_an_open_shop import run
from tests.order_import_files import taobao_file, taobao_row

EXIT_PROBLEMS = 3
HEADER = "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Status,Vendor"
CUT_ROW = 6  # the fifth product, on the file's sixth line
CUT = "<CUT>"


@pytest.fixture
def shop(demo_shop_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "shop.ecdesk"
    shutil.copyfile(demo_shop_file, path)
    return path


def _products_text(cut_title: str = CUT) -> str:
    rows = [HEADER]
    for i in range(10):
        title = cut_title if i == CUT_ROW - 2 else f"纯棉T恤 {i}"
        rows.append(f"h{i},{title},Size,S,Q-{i},59.00,active,木子服饰")
    return "\n".join(rows) + "\n"


def _cut(text: str, codec: str, whole: str, keep: int) -> bytes:
    """`text` in `codec` with CUT replaced by `whole` cut to its first `keep` bytes."""
    inner = "utf-16-le" if codec == "utf-16" else codec
    return text.encode(codec).replace(CUT.encode(inner), whole.encode(inner)[:keep])


CUT_FILES = {
    # "纯棉" is 6 bytes in UTF-8: the second character loses its last byte
    "utf-8": (lambda: _cut(_products_text(), "utf-8", "纯棉", 5), "UTF-8"),
    # 4 bytes in GBK: the second character loses its trail byte
    "gbk": (lambda: _cut(_products_text(), "gbk", "纯棉", 3), "GB18030 (GBK)"),
    # 4 bytes in UTF-16: one byte lost, so every character after it is shifted
    "utf-16 odd byte": (lambda: _cut(_products_text(), "utf-16", "纯棉", 3), "UTF-16"),
    # an emoji is a surrogate pair in UTF-16: only its first half is left
    "utf-16 half a pair": (lambda: _cut(_products_text(), "utf-16", "T恤😀", 6), "UTF-16"),
}


@pytest.mark.parametrize("kind", list(CUT_FILES))
def test_a_cell_cut_in_a_character_is_refused_naming_its_row_and_nothing_is_written(
        shop: Path, tmp_path: Path, kind: str) -> None:
    make, label = CUT_FILES[kind]
    path = tmp_path / "products.csv"
    path.write_bytes(make())
    before = fingerprint(*shop_files(shop))
    done = run("import", "products", str(path), "--db", str(shop))
    assert done.returncode == EXIT_PROBLEMS, done.stdout + done.stderr
    assert f"The file is {label} text, but" in done.stdout, done.stdout
    assert f"in row {CUT_ROW}" in done.stdout or f"row {CUT_ROW} cannot be read" in done.stdout
    assert "cut in two" in done.stdout
    assert "nothing was imported" in done.stderr
    assert "Traceback" not in done.stderr
    assert fingerprint(*shop_files(shop)) == before


def test_a_tmall_order_export_in_gbk_with_a_title_cut_in_a_character_names_its_row(
        shop: Path, tmp_path: Path) -> None:
    rows = [taobao_row(f"300{n}", sku="SKU-00001-1") for n in range(8)]
    rows[3] = taobao_row("3003", sku="SKU-00001-1", buyer=CUT)
    path = taobao_file(tmp_path, *rows)
    path.write_bytes(path.read_bytes().replace(CUT.encode("gbk"), "小红".encode("gbk")[:3]))
    before = fingerprint(*shop_files(shop))
    done = run("import", "orders", str(path), "--db", str(shop), "--channel", "天猫旗舰店 Tmall")
    assert done.returncode == EXIT_PROBLEMS, done.stdout + done.stderr
    assert "The file is GB18030 (GBK) text, but row 5 cannot be read" in done.stdout
    assert fingerprint(*shop_files(shop)) == before


@pytest.mark.parametrize(("codec", "label", "keep"), [
    ("utf-8", "UTF-8", -1), ("gbk", "GB18030 (GBK)", -1), ("utf-16", "UTF-16", -1)])
def test_a_file_that_ends_in_the_middle_of_a_character_names_its_last_row(
        tmp_path: Path, codec: str, label: str, keep: int) -> None:
    """A file cut short (a download or copy that stopped): its last byte is half a character.
    (This crashed the encoding detection with an IndexError, exit 1.)"""
    path = tmp_path / "products.csv"
    path.write_bytes(_products_text().replace(CUT, "纯棉").rstrip("\n").encode(codec)[:keep])
    found = detect_encoding(path)
    assert found.name is None
    assert f"The file is {label} text, but row 11 cannot be read" in found.reason, found.reason


@pytest.mark.parametrize("codec", ["utf-8", "gbk", "utf-16"])
def test_whole_characters_in_each_encoding_still_read(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "products.csv"
    path.write_bytes(_products_text("纯棉T恤 😀" if codec != "gbk" else "纯棉T恤").encode(codec))
    assert detect_encoding(path).name is not None
