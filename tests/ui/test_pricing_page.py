"""The Pricing page on the demo shop: rules in priority order, reordered by keys and by drag,
the preview built on a worker and filtered, apply and undo through the operation, the rule
editor's live example, market prices and the consistency check."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from ecdesk.services.pricing.flags import Flag
from ecdesk.services.pricing.rule_store import list_rules
from ecdesk.views.pricing.pricing_page import PricingPage
from ecdesk.views.pricing.rule_editor import RuleEditor
from ecdesk.views.shell.shop_context import ShopContext
from tests.ui.conftest import finish_workers


@pytest.fixture
def page(qtbot: QtBot, context: ShopContext) -> PricingPage:
    page = PricingPage(context)
    qtbot.addWidget(page)
    page.show()
    page.load()
    return page


def rule_names(page: PricingPage) -> list[str]:
    return [page.rules.list.item(row).text() for row in range(page.rules.list.count())]


def test_the_rules_show_in_priority_order_and_say_which_is_due_for_review(
        page: PricingPage) -> None:
    names = rule_names(page)
    assert names[0].startswith("1. 京东 JD 2% under the list price")
    assert "[review due]" in names[0]
    assert len(names) == 7  # four rules and three clearance caps


def test_ctrl_down_moves_a_rule_down_one_place(qtbot: QtBot, page: PricingPage) -> None:
    page.rules.list.setCurrentRow(0)
    page.rules.list.setFocus()
    qtbot.keyClick(page.rules.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "京东 JD" in rule_names(page)[1])
    assert rule_names(page)[1].startswith("2. 京东 JD")


def test_a_drag_moves_the_rule_as_many_places(page: PricingPage) -> None:
    first = page.rules.rules[0].info.name
    page.rules._dropped(QModelIndex(), 0, 0, QModelIndex(), 3)  # before the 4th: 2 places
    assert [r.info.name for r in list_rules(page.context.uow())][2] == first


def test_preview_apply_and_undo_run_as_operations(
        qtbot: QtBot, page: PricingPage, answer_questions: Callable[[bool], list[str]]) -> None:
    page.tabs.setCurrentWidget(page.preview)
    page.preview.build()
    qtbot.waitUntil(lambda: page.preview.summary is not None and page.preview.summary.rows > 0,
                    timeout=10_000)
    qtbot.waitUntil(lambda: page.preview.model.rowCount() > 0)
    summary = page.preview.summary
    assert summary is not None and summary.flagged_changes > 0
    page.preview.flag.setCurrentIndex(page.preview.flag.findData(int(Flag.BELOW_FLOOR)))
    qtbot.waitUntil(lambda: page.preview.model.rowCount() > 0 and all(
        page.preview.model.row_at(r).flags & Flag.BELOW_FLOOR
        for r in range(page.preview.model.rowCount())))

    asked = answer_questions(True)
    page.preview.apply_all()
    qtbot.waitUntil(lambda: page.preview.summary is not None
                    and page.preview.summary.rows == 0, timeout=10_000)
    assert "of them are flagged" in asked[0]
    page.preview.undo()
    qtbot.waitUntil(lambda: len(asked) == 2)


def test_the_rule_editor_shows_a_live_example_and_refuses_a_bad_rule(
        qtbot: QtBot, context: ShopContext) -> None:
    editor = RuleEditor(context)
    qtbot.addWidget(editor)
    editor.name.setText("Try")
    editor.method.setCurrentIndex(editor.method.findData("cost_plus"))
    editor.rate.setText("50")
    with context.uow() as uow:
        sku = uow.session.execute(text("SELECT sku FROM variants WHERE unit_cost > 0 "
                                        "ORDER BY id LIMIT 1")).scalar()
    editor.example_sku.setText(sku)
    editor._check()
    assert "x (1 + markup 50.0 %)" in editor.example.text()
    assert "margin after fees" in editor.example.text()
    editor.rate.setText("-5")
    editor._check()
    assert "a markup under 0 % prices below cost" in editor.problems["Rate"].text()


def test_market_prices_and_the_consistency_check_are_listed(qtbot: QtBot,
                                                            page: PricingPage) -> None:
    page.tabs.setCurrentWidget(page.market)
    qtbot.waitUntil(lambda: page.market.model.rowCount() > 0)
    page.tabs.setCurrentWidget(page.consistency)
    qtbot.waitUntil(lambda: "SKUs are priced more than 15.0% apart" in
                    page.consistency.label.text())


def test_the_product_dialog_shows_each_channels_price_broken_down_and_the_history(
        qtbot: QtBot, context: ShopContext) -> None:
    from ecdesk.views.catalog.product_dialog import ProductDialog

    with context.uow() as uow:
        product_id = uow.session.execute(text(
            "SELECT product_id FROM variants WHERE sku = 'SKU-00004-1'")).scalar()
        uow.session.execute(text("UPDATE variants SET price = price + 100 "
                                 "WHERE sku = 'SKU-00004-1'"))
        uow.commit()
    dialog = ProductDialog(context, product_id)
    qtbot.addWidget(dialog)
    tabs = dialog.prices.parentWidget().parentWidget()
    tabs.setCurrentWidget(dialog.prices)
    dialog.prices.sku.setCurrentText("SKU-00004-1")
    shown = dialog.prices.breakdowns.text()
    assert "清仓限价 Clearance cap SKU-00004-1" in shown
    assert "margin after fees" in shown and "天猫旗舰店 Tmall" in shown
    assert dialog.prices.history.rowCount() == 1
    assert dialog.prices.history.item(0, 4).text() == "Edit"


def test_the_preview_tab_sets_the_big_change_and_channel_limits(page: PricingPage) -> None:
    from ecdesk.services.pricing.price_settings import read_price_settings

    page.tabs.setCurrentWidget(page.preview)
    assert (page.preview.threshold.text(), page.preview.tolerance.text()) == ("20", "15")
    page.preview.threshold.setText("30")
    page.preview.tolerance.setText("12.5")
    page.preview._save_settings()
    with page.context.uow() as uow:
        settings = read_price_settings(uow.session)
    assert (settings.change_threshold, settings.tolerance) == (Decimal("0.3"), Decimal("0.125"))


def market_rows(context: ShopContext) -> int:
    with context.uow() as uow:
        return uow.session.execute(text("SELECT count(*) FROM market_prices")).scalar() or 0


def test_a_market_price_typed_in_the_dialog_is_saved_and_listed(
        qtbot: QtBot, page: PricingPage, context: ShopContext) -> None:
    from ecdesk.views.pricing.market_price_dialog import MarketPriceDialog

    page.tabs.setCurrentWidget(page.market)
    before = market_rows(context)
    dialog = MarketPriceDialog(context, parent=page.market)
    qtbot.addWidget(dialog)
    dialog.sku.setText("SKU-00004-1")
    dialog.channel.setCurrentIndex(1)
    dialog.price.setText("88.80")
    dialog.source.setText("竞品A")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert market_rows(context) == before + 1
    page.market.search.setText("SKU-00004-1")
    page.market.load()
    qtbot.waitUntil(lambda: page.market.model.rowCount() > 0
                    and page.market.model.row_at(0).source == "竞品A")
    assert page.market.model.row_at(0).price == Decimal("88.80")


def test_a_refused_market_price_is_shown_under_its_field_and_nothing_is_written(
        qtbot: QtBot, page: PricingPage, context: ShopContext) -> None:
    from ecdesk.views.pricing.market_price_dialog import MarketPriceDialog

    before = market_rows(context)
    dialog = MarketPriceDialog(context, parent=page.market)
    qtbot.addWidget(dialog)
    dialog.sku.setText("NO-SUCH-SKU")
    dialog.price.setText("abc")
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "NO-SUCH-SKU" in dialog.problems["SKU"].text()
    assert "abc" in dialog.problems["Price"].text()
    assert not dialog.problems["Date"].text()
    assert market_rows(context) == before


def test_a_market_price_is_edited_and_deleted_from_the_market_tab(
        qtbot: QtBot, page: PricingPage, context: ShopContext,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ecdesk.views.pricing import market_panel

    page.tabs.setCurrentWidget(page.market)
    qtbot.waitUntil(lambda: page.market.model.rowCount() > 0)
    page.market.table.selectRow(0)
    chosen = page.market.current_price()
    assert chosen is not None and page.market.delete_action.isEnabled()
    edited: list[object] = []

    def edit(dialog: market_panel.MarketPriceDialog) -> int:
        edited.append(dialog.draft())
        dialog.price.setText("12.34")
        dialog.save()
        return 1

    monkeypatch.setattr(market_panel.MarketPriceDialog, "exec", edit)
    page.market.edit_price()
    assert edited and edited[0].sku == chosen.sku  # type: ignore[attr-defined]
    with context.uow() as uow:
        assert uow.session.execute(text("SELECT price FROM market_prices WHERE id = :id"),
                                   {"id": chosen.id}).scalar() == 1234
    before = market_rows(context)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: page.market.model.rowCount() > 0)
    page.market.table.selectRow(0)
    page.market.delete_price()
    assert market_rows(context) == before - 1


def test_the_price_history_is_exported_from_the_preview_tab(
        qtbot: QtBot, page: PricingPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
        ) -> None:
    from PySide6.QtWidgets import QFileDialog

    out = tmp_path / "history"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(out), "CSV (*.csv)"))
    page.tabs.setCurrentWidget(page.preview)
    page.preview.history_action.trigger()
    written = tmp_path / "history.csv"
    qtbot.waitUntil(written.exists, timeout=10_000)
    finish_workers()
    assert written.read_text(encoding="utf-8-sig").startswith("at_utc,sku,channel")
