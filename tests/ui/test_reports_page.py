"""The Reports page: choosing a report, period, channel and file; generating on a worker with a
progress bar; Cancel; opening the file when done; what is refused before anything runs."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.channels import save_channel
from ecdesk.services.reports.generate import REPORTS
from ecdesk.views.reports.reports_page import DESCRIPTIONS, ReportsPage
from ecdesk.views.shell.shop_context import ShopContext


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files handed to the system's viewer (none is really opened)."""
    urls: list[str] = []

    def open_url(url: QUrl) -> bool:
        urls.append(url.toLocalFile())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    return urls


@pytest.fixture
def page(qtbot: QtBot, context: ShopContext, tmp_path: Path) -> ReportsPage:
    page = ReportsPage(context)
    qtbot.addWidget(page, before_close_func=lambda p: qtbot.waitUntil(
        lambda: not p.running, timeout=60_000))
    page.resize(1000, 700)
    page.show()
    return page


def save_to(page: ReportsPage, path: Path) -> None:
    page.path_edit.setText(str(path))
    page._path_typed(str(path))  # what typing into the box does


def wait_done(qtbot: QtBot, page: ReportsPage) -> None:
    qtbot.waitUntil(lambda: not page.running, timeout=120_000)


def test_the_page_offers_last_month_for_all_channels_as_a_pdf_by_default(
        page: ReportsPage) -> None:
    assert page.report_name == "sales"
    period = page.period()
    assert period is not None and period.is_month
    assert page.channel.currentText() == "All channels"
    assert page.path().name == f"sales-{period.slug()}.pdf"
    assert not page.first_edit.isEnabled()
    assert page.generate_button.isEnabled()


def test_every_registered_report_is_offered_with_its_description(page: ReportsPage) -> None:
    offered = [button.property("report") for button in page.report_buttons.buttons()]
    assert offered == list(REPORTS)
    assert all(DESCRIPTIONS[name].strip() for name in REPORTS)


def test_the_suggested_name_follows_the_report_channel_and_file_type(
        page: ReportsPage) -> None:
    page.choose_report("accountant-pack")
    page.channel.setCurrentIndex(page.channel.findText("京东 JD"))
    page.format.setCurrentIndex(page.format.findData(".xlsx"))
    assert page.path().name.startswith("accountant-pack-")
    assert page.path().name.endswith("-京东-JD.xlsx")


def test_a_name_the_user_typed_is_kept_and_only_its_suffix_follows_the_file_type(
        page: ReportsPage, tmp_path: Path) -> None:
    save_to(page, tmp_path / "for-the-accountant.pdf")
    page.choose_report("inventory")
    page.format.setCurrentIndex(page.format.findData(".csv"))
    assert page.path() == tmp_path / "for-the-accountant.csv"


def test_the_inventory_report_takes_no_channel_and_says_why(page: ReportsPage) -> None:
    page.channel.setCurrentIndex(1)
    page.choose_report("inventory")
    assert not page.channel.isEnabled()
    assert "shared by every channel" in page.channel_hint.text()
    assert page.channel_name() is None
    page.choose_report("sales")
    assert page.channel.isEnabled() and page.channel_name() is not None


def test_dates_ending_before_they_start_are_refused_before_anything_runs(
        page: ReportsPage) -> None:
    page.set_dates(date(2026, 11, 20), date(2026, 11, 10))
    assert page.first_edit.isEnabled()
    assert not page.generate_button.isEnabled()
    assert "ends before it starts" in page.problem.text()
    page.set_dates(date(2026, 11, 10), date(2026, 11, 20))
    assert page.generate_button.isEnabled() and page.problem.text() == ""


def test_a_missing_folder_or_a_wrong_suffix_is_named_under_the_file(page: ReportsPage,
                                                                   tmp_path: Path) -> None:
    save_to(page, tmp_path / "nowhere" / "r.pdf")
    assert "there is no folder" in page.problem.text().lower()
    assert not page.generate_button.isEnabled()
    save_to(page, tmp_path / "r.docx")
    assert "must end in .pdf, .csv or .xlsx" in page.problem.text()


def test_generating_writes_the_pdf_with_progress_and_opens_it(
        qtbot: QtBot, page: ReportsPage, tmp_path: Path, opened: list[str]) -> None:
    target = tmp_path / "sales.pdf"
    save_to(page, target)
    progress: list[tuple[int, int]] = []
    page.generate()
    assert page.running and page.cancel_button.isVisible() and not page.format.isEnabled()
    page.job.signals.progress.connect(lambda d, t: progress.append((d, t)))  # type: ignore[union-attr]
    wait_done(qtbot, page)
    assert target.read_bytes()[:5] == b"%PDF-"
    assert "Wrote Sales and margin" in page.status.text() and "pages" in page.status.text()
    assert opened == [str(target)]
    assert progress and progress[-1][0] == progress[-1][1]
    assert not page.bar.isVisible() and page.generate_button.isEnabled()


def test_the_same_tables_can_be_saved_as_a_workbook_without_opening_it(
        qtbot: QtBot, page: ReportsPage, tmp_path: Path, opened: list[str]) -> None:
    page.open_when_done.setChecked(False)
    page.choose_report("inventory")
    page.format.setCurrentIndex(page.format.findData(".xlsx"))
    save_to(page, tmp_path / "stock.xlsx")
    page.generate()
    wait_done(qtbot, page)
    assert (tmp_path / "stock.xlsx").stat().st_size > 0
    assert opened == []


def test_cancel_stops_the_report_and_leaves_no_file(
        qtbot: QtBot, page: ReportsPage, tmp_path: Path, opened: list[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    page.choose_report("accountant-pack")
    save_to(page, out / "pack.pdf")
    page.generate()
    page.cancel()
    assert page.status.text() == "Cancelling…"
    wait_done(qtbot, page)
    assert "cancelled: no file was written" in page.status.text()
    assert list(out.iterdir()) == [] and opened == []
    assert page.generate_button.isEnabled()


def test_a_failure_is_shown_in_plain_words(qtbot: QtBot, page: ReportsPage, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from ecdesk.errors import EcdeskError
    from ecdesk.views.reports import reports_page

    def fail(*_args: Any, **_kwargs: Any) -> None:
        raise EcdeskError("The disk is full")

    monkeypatch.setattr(reports_page, "generate_report", fail)
    save_to(page, tmp_path / "r.pdf")
    page.generate()
    wait_done(qtbot, page)
    assert page.status.text() == "No report was written: The disk is full"


def test_a_new_channel_appears_in_the_list(page: ReportsPage, context: ShopContext) -> None:
    save_channel(context.uow(), name="Amazon 亚马逊", kind="amazon", currency="CNY")
    context.changed.emit(Changed.of(ChangeArea.CHANNELS))
    assert page.channel.findText("Amazon 亚马逊") > 0
