"""A report in Chinese: the same figures as the English one, figure by figure, under Chinese
headings, "第 n 页，共 N 页" footers, a Chinese month and the currency's sign; the same shop,
period, time and language give the same bytes."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from ecdesk.services.common.period import Period

REPO_ROOT = Path(__file__).resolve().parents[2]
STAMP = "2026-12-01 10:00"
AMOUNT = re.compile(r"-?\d[\d,]*\.\d+")  # money and rates: every figure with decimals


def report(shop: Path, name: str, period: Period, out: Path, language: str) -> Path:
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "main.py"), "report", name, "--db", str(shop),
         "--from", period.first.isoformat(), "--to", period.last.isoformat(), "--out", str(out),
         "--generated-at", STAMP, "--lang", language],
        cwd=REPO_ROOT, capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert result.returncode == 0, result.stderr
    return out


def text_of(pdf: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(pdf).pages]


@pytest.fixture(scope="module")
def pdfs(demo_shop_file: Path, tmp_path_factory: pytest.TempPathFactory
         ) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("report-languages")
    shop = folder / "shop.ecdesk"
    shutil.copyfile(demo_shop_file, shop)
    period = Period.month_of(date(2026, 11, 1))
    with pytest.MonkeyPatch.context() as patch:  # module scope: before the autouse fixture
        patch.setenv("ECDESK_DATA_DIR", str(folder / "data"))
        patch.setenv("LC_ALL", "C.UTF-8")
        return {(name, language): report(shop, name, period, folder / f"{name}-{language}.pdf",
                                         language)
                for name in ("sales", "accountant-pack") for language in ("en", "zh_CN")}


def test_a_chinese_report_has_chinese_headings_pages_and_dates(
        pdfs: dict[tuple[str, str], Path]) -> None:
    pages = text_of(pdfs["accountant-pack", "zh_CN"])
    text = "\n".join(pages)
    for heading in ("会计资料包", "销售与毛利", "库存估值", "目录", "概要", "各渠道销售额",
                    "期末库存", "数据说明", "2026年11月", "生成于", "¥", "未处理预警"):
        assert heading in text, heading
    footers = [re.findall(r"第 (\d+) 页，共 (\d+) 页", page) for page in pages]
    assert footers == [[(str(n), str(len(pages)))] for n in range(1, len(pages) + 1)]
    assert "Page 1 of" not in text and "Gross margin" not in text and "open alerts" not in text


def test_the_chinese_report_reconciles_with_the_english_one_figure_by_figure(
        pdfs: dict[tuple[str, str], Path]) -> None:
    for name in ("sales", "accountant-pack"):
        english = AMOUNT.findall("\n".join(text_of(pdfs[name, "en"])))
        chinese = AMOUNT.findall("\n".join(text_of(pdfs[name, "zh_CN"])))
        assert len(english) > 50, name
        assert chinese == english, name


def test_the_same_language_and_time_give_the_same_bytes_and_languages_differ(
        pdfs: dict[tuple[str, str], Path], demo_shop_file: Path, tmp_path: Path) -> None:
    shop = tmp_path / "shop.ecdesk"
    shutil.copyfile(demo_shop_file, shop)
    period = Period.month_of(date(2026, 11, 1))
    again = report(shop, "sales", period, tmp_path / "again.pdf", "zh_CN")
    assert again.read_bytes() == pdfs["sales", "zh_CN"].read_bytes()
    assert pdfs["sales", "en"].read_bytes() != pdfs["sales", "zh_CN"].read_bytes()
