"""`report promotions` headless: every promotion that ended in a period, or one by name with its
window's days as the period, written as a PDF with Chinese fonts embedded; a period given half,
or none without a promotion, an unknown promotion and --promotion on another report are usage
errors (exit 2) and write nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from ecdesk.db import open_database
from ecdesk.services.promotions.draft import PromotionDraft
from ecdesk.services.promotions.store import save_promotion

REPO_ROOT = Path(__file__).resolve().parents[2]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO_ROOT / "main.py"), *map(str, args)],
                          cwd=REPO_ROOT, capture_output=True, text=True, encoding="utf-8",
                          timeout=300)


@pytest.fixture
def shop(demo_shop_file: Path, tmp_path: Path) -> Path:
    import shutil

    path = tmp_path / "shop.ecdesk"
    shutil.copyfile(demo_shop_file, path)
    db = open_database(path)
    try:
        save_promotion(db.uow(), PromotionDraft(
            name="双11 满减 test", kind="basket_tiers", channels=("天猫旗舰店 Tmall",),
            starts="2026-11-01", ends="2026-11-12", tiers="200:30, 300:50",
            status="scheduled", funded_by="shared", seller_share="60"))
    finally:
        db.close()
    return path


def test_one_promotion_by_name_takes_its_windows_days_as_the_period(shop: Path,
                                                                     tmp_path: Path) -> None:
    out = tmp_path / "one.pdf"
    done = run("--lang", "zh_CN", "report", "promotions", "--db", shop, "--promotion",
               "双11 满减 test", "--out", out, "--generated-at", "2026-12-01 10:00")
    assert done.returncode == 0, done.stderr
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "促销活动效果" in text and "双11 满减 test" in text
    assert "2026-11-01 至 2026-11-11" in text  # the period: the window's days, its end excluded


def test_bad_requests_are_usage_errors_and_write_nothing(shop: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    for args in (("--from", "2026-11-01"), (), ("--promotion", "nothing like it"),
                 ("--from", "2026-11-01", "--to", "2026-11-30", "--promotion", "1")):
        name = "sales" if "--to" in args else "promotions"
        done = run("report", name, "--db", shop, "--out", out, *args)
        assert done.returncode == 2, (args, done.stderr)
    assert not out.exists()
