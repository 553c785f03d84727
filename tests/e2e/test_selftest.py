"""`python main.py --selftest`: one line, exit 0 when the installation works, the reason when not.

The same command runs on the frozen bundle in tests/installer/test_frozen_bundle.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QLabel

from ecdesk.selftest import SelftestError, check_installation, run_selftest
from ecdesk.views.shell.main_window import MainWindow

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def quick_demo(demo_shop_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The in-process checks copy the session's demo shop instead of generating one each."""
    def copy(path: Path, **_options: object) -> SimpleNamespace:
        shutil.copyfile(demo_shop_file, path)
        return SimpleNamespace(variants=800)

    monkeypatch.setattr("ecdesk.services.demo.shop.create_demo_shop", copy)


def test_the_selftest_prints_one_ok_line_and_leaves_nothing_behind(tmp_path: Path,
                                                                   data_dir: Path) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp),
           "QT_QPA_PLATFORM": "xcb"}  # the self-test goes off screen by itself
    done = subprocess.run([sys.executable, str(REPO_ROOT / "main.py"), "--selftest"],
                          cwd=REPO_ROOT, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=120, check=False)

    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    [line] = done.stdout.splitlines()
    assert line.startswith("ecdesk ") and " selftest OK (source, " in line
    assert "Listings" in line and "Settings" in line
    assert ", report selftest-sales-report.pdf with its font embedded, " in line
    assert list(temp.iterdir()) == []  # its temporary folder is gone
    assert list(data_dir.iterdir()) == []  # and the user's data folder was never touched



def test_the_selftest_in_chinese_walks_every_page_by_its_chinese_name(tmp_path: Path,
                                                                      data_dir: Path) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp),
           "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run([sys.executable, str(REPO_ROOT / "main.py"), "--selftest",
                           "--lang", "zh_CN"], cwd=REPO_ROOT, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=120, check=False)

    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    [line] = done.stdout.splitlines()
    assert " 自检通过（源代码，" in line and "数据库完整性与关联检查通过" in line
    pages = line.split("个页面（", 1)[1].split("），报表", 1)[0]
    assert "经营概况" in pages and "订单" in pages and "设置" in pages and "、" in pages
    assert "selftest OK" not in line
    assert [name for name in ("Dashboard", "Listings", "Orders", "Settings") if name in pages] == []
    assert list(temp.iterdir()) == [] and list(data_dir.iterdir()) == []


def test_every_page_in_the_navigation_is_opened_and_painted(
        qapp: Any, quick_demo: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    painted: list[str] = []

    class NewPage(QLabel):  # a page added by someone later: the self-test finds it by itself
        def paintEvent(self, event: QPaintEvent) -> None:
            painted.append(self.text())
            super().paintEvent(event)

    _add_page(monkeypatch, "Orders", lambda: NewPage("Orders"))
    result = check_installation(tmp_path)

    assert result.pages[-1] == "Orders" and {"Listings", "Settings"} <= set(result.pages)
    assert "Orders" in painted
    assert result.report.name == "selftest-sales-report.pdf"  # the real one, of the demo shop
    assert result.report.read_bytes().startswith(b"%PDF-")


def test_a_page_that_fails_to_paint_fails_the_selftest_with_its_name_and_error(
        qapp: Any, quick_demo: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class BrokenPage(QLabel):
        def paintEvent(self, event: QPaintEvent) -> None:
            raise LookupError("no such column: stock.on_hand")

    _add_page(monkeypatch, "Inventory", lambda: BrokenPage("Inventory"))
    with pytest.raises(SelftestError) as failure:
        check_installation(tmp_path)

    assert failure.value.step == "the main window"
    reason = failure.value.reason
    assert reason.startswith("the Inventory page: LookupError: "), reason
    assert "no such column: stock.on_hand (at test_selftest.py:" in reason


def test_a_failure_is_one_line_on_stderr_and_exit_code_1(
        qapp: Any, quick_demo: None, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    def not_a_pdf(shop: Path, folder: Path) -> Path:
        (folder / "sales.pdf").write_text("not a PDF")
        return folder / "sales.pdf"

    monkeypatch.setattr("ecdesk.selftest.write_sample_report", not_a_pdf)
    monkeypatch.setenv("ECDESK_DATA_DIR", os.environ["ECDESK_DATA_DIR"])  # restored after

    assert run_selftest() == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "ecdesk 0.1.0 selftest FAILED at the PDF report: sales.pdf is not a PDF"]


def test_a_report_without_its_embedded_font_fails_the_selftest(
        qapp: Any, quick_demo: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def font_missing(shop: Path, folder: Path) -> Path:
        (folder / "sales.pdf").write_bytes(b"%PDF-1.4\n/BaseFont /Helvetica\n%%EOF\n")
        return folder / "sales.pdf"

    monkeypatch.setattr("ecdesk.selftest.write_sample_report", font_missing)
    with pytest.raises(SelftestError, match=r"the PDF report: sales\.pdf has no embedded font"):
        check_installation(tmp_path)


def _add_page(monkeypatch: pytest.MonkeyPatch, name: str, make: Any) -> None:
    """Give every main window one more page at the end of its navigation."""
    attach = MainWindow.attach

    def attach_and_add(window: MainWindow, context: Any) -> None:
        attach(window, context)
        window.navigation.addItem(name)
        window.pages.addWidget(make())

    monkeypatch.setattr(MainWindow, "attach", attach_and_add)
