"""The import wizard driven as a user would: a file, its columns, the preview, the import."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from ecdesk.db import Database
from ecdesk.errors import DatabaseError
from ecdesk.services.catalog.dto import VariantQuery
from ecdesk.services.catalog.queries import list_variants, sku_owner
from ecdesk.services.catalog_io import export_products, load_column_mapping
from ecdesk.services.changes import ChangeArea
from ecdesk.views.catalog import import_wizard as wizard_module
from ecdesk.views.catalog.import_counts import count_of
from ecdesk.views.catalog.import_wizard import ImportWizard
from ecdesk.views.shell.shop_context import ShopContext
from tests.stock_cells import set_stock_cells, template_rows
from tests.ui.background_writes import broadcasts, spy_on

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"
VELOFANT = SAMPLES / "shopify" / "Velofant__velofant-feed__products_export_1.csv"
HEADER = ("Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,Option1 Value,"
          "Variant SKU,Variant Grams,Variant Inventory Qty,{price},Variant Compare At Price,"
          "Variant Barcode,Cost per item,Status")
GOOD_ROWS = (
    'wz-tee,Wizard tee,<p>Soft</p>,Muzi,Shirts,"summer, new",true,Size,S,WZ-TEE-S,200,5,59.00,'
    "79.00,,20.00,active",
    "wz-tee,,,,,,,,M,WZ-TEE-M,200,3,61.00,,,20.00,",
    "wz-cap,Wizard cap,<p>Cap</p>,Muzi,Hats,,true,Title,Default Title,WZ-CAP,100,1,25.00,,,"
    "8.00,active",
)
BAD_ROWS = (
    GOOD_ROWS[0],
    'wz-tee,,,,,,,,M,WZ-TEE-M,200,3,"12,5O",,,20.00,',  # row 3: a letter O in the price
    "wz-mug,Wizard mug,<p>Big</p>,Muzi,Home,,true,Title,Default Title,WZ-TEE-S,400,1,35.00,,,"
    "10.00,active",  # row 4: the SKU of row 2 again
    GOOD_ROWS[2],
)
TIMEOUT = 20_000


def shopify_file(folder: Path, rows: tuple[str, ...], price: str = "Variant Price",
                 name: str = "products.csv") -> Path:
    path = folder / name
    path.write_text("\n".join([HEADER.format(price=price), *rows]) + "\n", encoding="utf-8")
    return path


def shop_state(sql: Callable[..., list[Any]], db: Database) -> tuple:
    return tuple(sql(db, f"SELECT count(*) FROM {table}")[0][0]
                 for table in ("products", "variants", "listings", "settings", "audit_log"))


@pytest.fixture
def wizard(qtbot: QtBot, context: ShopContext) -> ImportWizard:
    wizard = ImportWizard(context)
    qtbot.addWidget(wizard, before_close_func=lambda w: qtbot.waitUntil(lambda: not w.busy,
                                                                          timeout=TIMEOUT))
    wizard.show()
    return wizard


def choose_file(qtbot: QtBot, wizard: ImportWizard, path: Path) -> None:
    wizard.file_page.path_edit.setText(str(path))
    wizard.file_page.read()  # what the typing delay or Browse would do
    qtbot.waitUntil(lambda: wizard.parsed is not None and not wizard.busy, timeout=TIMEOUT)


def to_preview(qtbot: QtBot, wizard: ImportWizard) -> None:
    if wizard.currentPage() is wizard.file_page:
        wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    qtbot.waitUntil(lambda: wizard.preview is not None and not wizard.busy, timeout=TIMEOUT)


def import_now(qtbot: QtBot, wizard: ImportWizard) -> None:
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    wizard.next()
    assert wizard.currentPage() is wizard.import_page
    qtbot.waitUntil(lambda: wizard.import_page.done, timeout=TIMEOUT)


def problems_shown(wizard: ImportWizard) -> list[tuple[str, str, str, str]]:
    model = wizard.preview_page.problems_model
    return [tuple(model.index(r, c).data() for c in range(4)) for r in range(model.rowCount())]


def test_a_bad_file_lists_each_problem_with_row_and_column_and_imports_only_when_asked_to(
        qtbot: QtBot, wizard: ImportWizard, tmp_path: Path, sql, demo_db: Database):
    before = shop_state(sql, demo_db)
    choose_file(qtbot, wizard, shopify_file(tmp_path, BAD_ROWS))
    assert "Shopify" in wizard.file_page.found.text()
    to_preview(qtbot, wizard)

    shown = problems_shown(wizard)
    assert ("3", "Variant Price", "'12,5O' is not a price", "Error") in shown
    assert ("4", "Variant SKU", "'WZ-TEE-S' is also used in row 2", "Error") in shown
    assert count_of(wizard.preview_page.counts, "Products", "New") == "1"  # only the cap is valid
    import_button = wizard.button(QWizard.WizardButton.CommitButton)
    assert not import_button.isEnabled()
    assert not wizard.preview_page.all_radio.isEnabled()
    assert "skip the 2" in wizard.preview_page.valid_radio.text()

    wizard.preview_page.valid_radio.setChecked(True)
    assert import_button.isEnabled()
    wizard.preview_page.all_radio.setChecked(True)  # disabled, but say it were chosen again
    assert not import_button.isEnabled()
    wizard.reject()  # Cancel on the preview
    assert not wizard.isVisible()
    assert shop_state(sql, demo_db) == before


def test_only_the_valid_products_are_imported_when_the_user_chooses_so(
        qtbot: QtBot, wizard: ImportWizard, tmp_path: Path, context: ShopContext):
    choose_file(qtbot, wizard, shopify_file(tmp_path, BAD_ROWS))
    to_preview(qtbot, wizard)
    wizard.preview_page.valid_radio.setChecked(True)
    with qtbot.waitSignal(context.changed, timeout=TIMEOUT) as changed:
        import_now(qtbot, wizard)
    assert ChangeArea.CATALOG in changed.args[0].areas
    assert "2 product(s) with problems skipped" in wizard.import_page.status.text()
    assert sku_owner(context.uow(), "WZ-CAP") is not None
    assert sku_owner(context.uow(), "WZ-TEE-S") is None


def test_a_good_file_imports_into_a_channel_and_the_pages_hear_of_it(
        qtbot: QtBot, wizard: ImportWizard, tmp_path: Path, context: ShopContext, sql,
        demo_db: Database):
    choose_file(qtbot, wizard, shopify_file(tmp_path, GOOD_ROWS))
    to_preview(qtbot, wizard)
    page = wizard.preview_page
    assert problems_shown(wizard) == [] or all(p[3] == "Warning" for p in problems_shown(wizard))
    assert (count_of(page.counts, "Products", "New"), count_of(page.counts, "SKUs", "New"),
            count_of(page.counts, "Listings", "New")) == ("2", "3", "0")
    page.channel_combo.setCurrentIndex(1)  # the first channel: checked again
    qtbot.waitUntil(lambda: wizard.preview is not None and not wizard.busy, timeout=TIMEOUT)
    assert wizard.preview.channel == page.channel_combo.currentText()
    assert count_of(page.counts, "Listings", "New") == "3"

    with qtbot.waitSignal(context.changed, timeout=TIMEOUT) as changed:
        import_now(qtbot, wizard)
    assert changed.args[0].message.startswith("Imported: 2 product(s) created")
    rows = list_variants(context.uow(), VariantQuery(search="WZ-"), limit=10).rows
    assert sorted(r.sku for r in rows) == ["WZ-CAP", "WZ-TEE-M", "WZ-TEE-S"]
    assert sql(demo_db, "SELECT count(*) FROM listings l JOIN variants v ON v.id = l.variant_id "
               "WHERE v.sku LIKE 'WZ-%'") == [(3,)]
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_a_corrected_column_is_remembered_for_the_next_file_of_its_format(
        qtbot: QtBot, context: ShopContext, tmp_path: Path):
    path = shopify_file(tmp_path, GOOD_ROWS, price="Verkoopprijs")
    first = ImportWizard(context)
    qtbot.addWidget(first)
    first.show()
    choose_file(qtbot, first, path)
    first.next()
    mapping = first.mapping_page
    assert mapping.combos["price"].currentData() == ""  # not recognised: ignored
    mapping.set_column("price", "Verkoopprijs")
    assert "Verkoopprijs" not in mapping.unused.text()
    to_preview(qtbot, first)
    assert not first.preview.blocked
    assert count_of(first.preview_page.counts, "SKUs", "New") == "3"
    import_now(qtbot, first)
    assert load_column_mapping(context.uow(), "shopify") == {"price": "Verkoopprijs"}
    assert sku_owner(context.uow(), "WZ-CAP") is not None

    second = ImportWizard(context)
    qtbot.addWidget(second)
    second.show()
    choose_file(qtbot, second, shopify_file(tmp_path, GOOD_ROWS, "Verkoopprijs", "again.csv"))
    second.next()
    assert second.mapping_page.combos["price"].currentData() == "Verkoopprijs"
    second.mapping_page.reset()  # back to what the header alone says
    assert second.mapping_page.combos["price"].currentData() == ""
    second.mapping_page.set_column("price", "Verkoopprijs")
    to_preview(qtbot, second)
    assert count_of(second.preview_page.counts, "SKUs", "Unchanged") == "3"


def test_a_required_column_set_to_ignore_keeps_the_user_on_the_mapping_page(
        qtbot: QtBot, wizard: ImportWizard, tmp_path: Path):
    choose_file(qtbot, wizard, shopify_file(tmp_path, GOOD_ROWS))
    wizard.next()
    page = wizard.mapping_page
    assert page.isComplete()
    page.set_column("title", "")
    assert not page.isComplete()
    assert "Title" in page.problem.text()
    page.set_column("title", "Title")
    assert page.isComplete() and page.problem.text() == ""


def test_choosing_another_format_reads_the_file_again(qtbot: QtBot, wizard: ImportWizard,
                                                       tmp_path: Path):
    choose_file(qtbot, wizard, shopify_file(tmp_path, GOOD_ROWS))
    combo = wizard.file_page.format_combo
    combo.setCurrentIndex(combo.findData("woocommerce"))
    qtbot.waitUntil(lambda: wizard.parsed is not None and not wizard.busy, timeout=TIMEOUT)
    assert wizard.parsed.format == "woocommerce"
    assert "WooCommerce" in wizard.file_page.found.text()


def test_a_missing_file_is_named_and_the_page_waits(qtbot: QtBot, wizard: ImportWizard,
                                                    tmp_path: Path):
    wizard.file_page.path_edit.setText(str(tmp_path / "nope.csv"))
    wizard.file_page.read()
    assert "There is no file" in wizard.file_page.found.text()
    assert not wizard.file_page.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_cancelling_a_slow_import_writes_nothing(
        qtbot: QtBot, wizard: ImportWizard, tmp_path: Path, sql, demo_db: Database,
        monkeypatch: pytest.MonkeyPatch):
    real = wizard_module.import_products
    reported: list[int] = []

    def slow_import(uow, parsed, **options):
        progress = options.pop("progress")

        def slow(done: int, total: int) -> bool:  # the first batch is written: wait for Cancel
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline:
                reported.append(done)
                if not progress(done, total):
                    return False
                time.sleep(0.02)
            return True
        return real(uow, parsed, progress=slow, **options)

    monkeypatch.setattr(wizard_module, "import_products", slow_import)
    before = shop_state(sql, demo_db)
    seen = broadcasts(wizard.context)
    choose_file(qtbot, wizard, shopify_file(tmp_path, GOOD_ROWS))
    to_preview(qtbot, wizard)
    wizard.next()
    page = wizard.import_page
    qtbot.waitUntil(lambda: len(reported) >= 3, timeout=TIMEOUT)
    assert page.cancel_button.isVisible() and not page.done
    wizard.reject()  # Cancel (or Escape) stops the import; the wizard stays to say so
    assert wizard.isVisible()
    qtbot.waitUntil(lambda: page.done, timeout=TIMEOUT)
    assert "cancelled: nothing was written" in page.status.text()
    assert shop_state(sql, demo_db) == before
    assert sku_owner(wizard.context.uow(), "WZ-CAP") is None
    assert seen == []


def test_the_import_runs_off_the_gui_thread_and_broadcasts_the_services_changed_once(
        qtbot: QtBot, wizard: ImportWizard, tmp_path: Path, context: ShopContext,
        monkeypatch: pytest.MonkeyPatch):
    spy = spy_on(monkeypatch, wizard_module, "import_products")
    choose_file(qtbot, wizard, shopify_file(tmp_path, GOOD_ROWS))
    to_preview(qtbot, wizard)
    seen = broadcasts(context)
    import_now(qtbot, wizard)
    assert spy.on_gui_thread == [False]
    assert seen == [spy.results[0].changed] and ChangeArea.CATALOG in seen[0].areas


def test_a_failed_import_is_shown_in_the_services_words_and_broadcasts_nothing(
        qtbot: QtBot, wizard: ImportWizard, tmp_path: Path, context: ShopContext,
        monkeypatch: pytest.MonkeyPatch):
    def fail(*_args: Any, **_kwargs: Any) -> None:
        raise DatabaseError("Could not write the backup to /media/stick: the drive is full")

    monkeypatch.setattr(wizard_module, "import_products", fail)
    choose_file(qtbot, wizard, shopify_file(tmp_path, GOOD_ROWS))
    to_preview(qtbot, wizard)
    seen = broadcasts(context)
    import_now(qtbot, wizard)
    assert "Nothing was imported." in wizard.import_page.status.text()
    assert "the drive is full" in wizard.import_page.status.text()
    assert seen == []


@pytest.mark.skipif(not VELOFANT.is_file(), reason=f"the real Shopify sample is not at {VELOFANT}")
def test_a_real_shopify_export_imports_through_the_wizard(qtbot: QtBot, wizard: ImportWizard,
                                                          context: ShopContext):
    choose_file(qtbot, wizard, VELOFANT)
    assert "UTF-8" in wizard.file_page.found.text()
    to_preview(qtbot, wizard)
    assert not wizard.preview.blocked
    assert (count_of(wizard.preview_page.counts, "Products", "New"),
            count_of(wizard.preview_page.counts, "SKUs", "New")) == ("14", "19")
    assert {p[3] for p in problems_shown(wizard)} <= {"Warning"}
    import_now(qtbot, wizard)
    assert sku_owner(context.uow(), "WH-FS-700C-BK-V1") is not None


def test_an_edited_template_previews_its_stock_counts_and_names_a_refused_negative_one(
        qtbot: QtBot, wizard: ImportWizard, tmp_path: Path, sql, demo_db: Database):
    path = tmp_path / "catalog.csv"
    export_products(demo_db.uow(), path)
    _, lines = template_rows(path)
    other = next(line for line in lines if line["Product ID"] != lines[0]["Product ID"])
    set_stock_cells(path, {lines[0]["SKU"]: -3, other["SKU"]: int(other["Stock"]) + 10})
    before = sql(demo_db, "SELECT count(*), sum(quantity) FROM stock_movements")
    choose_file(qtbot, wizard, path)
    to_preview(qtbot, wizard)
    sku = lines[0]["SKU"]
    assert problems_shown(wizard) == [
        ("2", "Stock", f"negative quantity -3 for SKU {sku}: stock cannot be below 0 for this "
         "SKU (allow negative stock in its stock rules or in the shop's stock settings)",
         "Error")]
    # the product with the refused row is not counted: it cannot be imported as it is
    assert "; 1 differ from ecdesk's stock" in wizard.preview_page.summary.text()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    wizard.grab().save(str(tmp_path / "negative_stock_preview.png"))
    wizard.reject()
    assert sql(demo_db, "SELECT count(*), sum(quantity) FROM stock_movements") == before


def test_a_channel_in_another_currency_asks_for_a_rate_and_converts_the_skus_prices(
        qtbot: QtBot, wizard: ImportWizard, tmp_path: Path, context: ShopContext, sql,
        demo_db: Database):
    from ecdesk.services.channels import save_channel

    save_channel(context.uow(), name="Shopify SE", kind="shopify", currency="SEK")
    choose_file(qtbot, wizard, shopify_file(tmp_path, GOOD_ROWS[2:]))
    to_preview(qtbot, wizard)
    page = wizard.preview_page
    assert page.rate_edit.isHidden()
    page.channel_combo.setCurrentIndex(page.channel_combo.findText("Shopify SE"))
    qtbot.waitUntil(lambda: wizard.preview is not None and not wizard.busy, timeout=TIMEOUT)
    assert not page.rate_edit.isHidden()
    assert page.rate_label.text() == "Exchange rate (CNY per 1 SEK)"
    assert any("Prices are read as SEK" in note for note in wizard.preview.notes)
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()  # no price in CNY
    page.rate_edit.setText("0.5")
    page.rate_edit.editingFinished.emit()
    qtbot.waitUntil(lambda: wizard.preview is not None and not wizard.busy, timeout=TIMEOUT)
    import_now(qtbot, wizard)
    assert sql(demo_db, "SELECT v.price, l.channel_price FROM variants v JOIN listings l "
               "ON l.variant_id = v.id WHERE v.sku = 'WZ-CAP'") == [(1250, 2500)]
