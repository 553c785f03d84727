"""Export products and the import template, from the dialog and the File menu."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from ecdesk.services.catalog.queries import count_variants
from ecdesk.services.catalog_io import ImportCancelledError, preview_import, read_import_file
from ecdesk.services.channels import list_channels
from ecdesk.views.catalog import export_dialog as dialog_module
from ecdesk.views.catalog.export_dialog import ExportDialog, write_import_template
from ecdesk.views.catalog.import_wizard import ImportWizard
from ecdesk.views.shell.main_window import MainWindow
from ecdesk.views.shell.shop_context import ShopContext

TIMEOUT = 20_000


@pytest.fixture
def dialog(qtbot: QtBot, context: ShopContext) -> ExportDialog:
    dialog = ExportDialog(context)
    qtbot.addWidget(dialog, before_close_func=lambda d: qtbot.waitUntil(
        lambda: d.job is None or not d.job.running, timeout=TIMEOUT))
    dialog.show()
    return dialog


def export(qtbot: QtBot, dialog: ExportDialog) -> None:
    assert dialog.export_button.isEnabled()
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.job.running, timeout=TIMEOUT)


def test_the_catalog_exports_as_an_ecdesk_csv_that_imports_back_unchanged(
        qtbot: QtBot, dialog: ExportDialog, tmp_path: Path, context: ShopContext):
    target = tmp_path / "catalog.csv"
    dialog.path_edit.setText(str(target))
    export(qtbot, dialog)
    assert dialog.result is not None and target.is_file()
    assert f"({dialog.result.rows:,} rows) to {target}" in dialog.status.text()
    assert dialog.result.rows == count_variants(context.uow())
    preview = preview_import(context.uow(), read_import_file(target))
    assert preview.counts.variants_unchanged == dialog.result.rows
    assert preview.counts.products_created == preview.counts.variants_created == 0


def test_a_shopify_workbook_is_written_when_xlsx_is_chosen(
        qtbot: QtBot, dialog: ExportDialog, tmp_path: Path):
    dialog.path_edit.setText(str(tmp_path / "shopify.csv"))
    dialog.shopify_radio.setChecked(True)
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(".xlsx"))
    assert dialog.path_edit.text().endswith("shopify.xlsx")
    export(qtbot, dialog)
    assert dialog.result.layout == "shopify"
    assert (tmp_path / "shopify.xlsx").read_bytes()[:2] == b"PK"


def test_the_file_name_is_checked_as_it_is_typed(dialog: ExportDialog, tmp_path: Path):
    dialog.path_edit.setText(str(tmp_path / "catalog.txt"))
    assert not dialog.export_button.isEnabled()
    assert ".csv or .xlsx" in dialog.problem.text()
    dialog.path_edit.setText(str(tmp_path / "missing" / "catalog.csv"))
    assert not dialog.export_button.isEnabled()
    assert "There is no folder" in dialog.problem.text()
    (tmp_path / "old.csv").write_text("x")
    dialog.path_edit.setText(str(tmp_path / "old.csv"))
    assert dialog.export_button.isEnabled()
    assert "will be replaced" in dialog.problem.text()


def test_cancelling_a_slow_export_leaves_no_file(
        qtbot: QtBot, dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def slow_export(uow, path, *, layout, progress):
        for done in range(500):
            if progress(done, 500) is False:
                raise ImportCancelledError("Export cancelled: no file was written")
            time.sleep(0.02)
        raise AssertionError("the export was not cancelled")

    monkeypatch.setattr(dialog_module, "export_products", slow_export)
    target = tmp_path / "big.xlsx"
    dialog.path_edit.setText(str(target))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.bar.maximum() == 500 and dialog.bar.value() > 0,
                    timeout=TIMEOUT)
    assert not dialog.export_button.isEnabled()
    dialog.reject()  # Close while exporting cancels first
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.job.running, timeout=TIMEOUT)
    assert "cancelled" in dialog.status.text()
    assert not target.exists()
    assert dialog.export_button.isEnabled()


def test_the_template_holds_the_shops_channels_and_an_example_that_imports(
        context: ShopContext, tmp_path: Path):
    path = tmp_path / "template.csv"
    channels = [c.name for c in list_channels(context.uow())]
    write_import_template(path, channels)
    parsed = read_import_file(path)
    assert (parsed.format, parsed.format_confident, parsed.rows) == ("ecdesk", True, 1)
    assert parsed.problems == ()
    assert f"[{channels[0]}] status" in parsed.header
    preview = preview_import(context.uow(), parsed)
    assert (preview.counts.products_created, preview.counts.variants_created,
            preview.counts.listings_created) == (1, 1, 0)
    assert (parsed.products[0].variants[0].quantity, preview.counts.stock_levels_set) == (10, 1)


def test_the_file_menu_saves_the_template_and_opens_import_and_export(
        qtbot: QtBot, context: ShopContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        wait_counted):
    window = MainWindow(context, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window, before_close_func=lambda w: wait_counted(w.listings))
    window.load_pages()
    actions = {a.text(): a for a in window.menuBar().actions()[0].menu().actions()}
    assert actions["&Import products…"].shortcut().toString() == "Ctrl+I"
    assert actions["&Export products…"].shortcut().toString() == "Ctrl+E"

    target = tmp_path / "my-template"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_args, **_kwargs: (str(target), "CSV (*.csv)"))
    actions["Save import &template…"].trigger()
    assert read_import_file(tmp_path / "my-template.csv").format == "ecdesk"

    actions["&Import products…"].trigger()
    actions["&Export products…"].trigger()
    assert window.findChild(ImportWizard).isVisible()
    assert window.findChild(ExportDialog).isVisible()
    window.findChild(ImportWizard).reject()
    window.findChild(ExportDialog).reject()
