"""The command line against a shop open in the window: writing commands refuse, naming the
window and since when, and change nothing; reading commands still work."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ecdesk.cli import parser
from ecdesk.log_file import log
from ecdesk.services.shop_file.backups import back_up
from tests.hostile.conditions import fingerprint, shop_files
from tests.lock_holder import REPO_ROOT, lock_held_elsewhere
from tests.order_import_files import shopify_file, shopify_order

EXIT_FAILURE = 1
PRODUCTS = ("Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Status,Vendor\n"
            "tee,Tee,Size,S,NEW-TEE-S,59.00,active,Muzi\n")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO_ROOT / "main.py"), *args], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def shop(demo_shop_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "shop.ecdesk"
    shutil.copyfile(demo_shop_file, path)
    return path


def _writing_commands(shop: Path, folder: Path) -> dict[str, list[str]]:
    products = folder / "products.csv"
    products.write_text(PRODUCTS, encoding="utf-8")
    orders = shopify_file(folder, shopify_order("#9001", sku="SKU-00001-1"))
    backup = back_up(shop, "manual", folder=folder / "stick").path
    return {"import products": ["import", "products", str(products), "--db", str(shop)],
            "import orders": ["import", "orders", str(orders), "--db", str(shop)],
            "restore": ["restore", str(backup), "--db", str(shop), "--yes"]}


@pytest.mark.parametrize("command", ["import products", "import orders", "restore"])
def test_a_writing_command_refuses_while_the_window_has_the_shop_open(
        shop: Path, tmp_path: Path, command: str) -> None:
    argv = _writing_commands(shop, tmp_path)[command]
    before = fingerprint(*shop_files(shop))
    with lock_held_elsewhere(shop, "ecdesk (window)") as pid:
        done = run(*argv)
        assert fingerprint(*shop_files(shop)) == before, "byte for byte unchanged"
    assert done.returncode == EXIT_FAILURE, done.stdout + done.stderr
    assert f"The shop is open in ecdesk (window), process {pid}" in done.stderr
    assert ", since " in done.stderr and "nothing was changed" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_writing_command_runs_once_the_window_has_closed(shop: Path, tmp_path: Path) -> None:
    argv = _writing_commands(shop, tmp_path)["import products"]
    with lock_held_elsewhere(shop, "ecdesk (window)"):
        pass  # the window was closed (here: killed, as in a crash)
    done = run(*argv)
    assert done.returncode == 0, done.stderr
    assert "Imported: 1 product(s) created" in done.stdout


@pytest.mark.parametrize("argv", [["info"], ["inventory", "--limit", "3"], ["alerts"],
                                  ["check"]])
def test_reading_commands_work_while_the_window_has_the_shop_open(shop: Path,
                                                                  argv: list[str]) -> None:
    with lock_held_elsewhere(shop):
        done = run(*argv, "--db", str(shop))
    assert done.returncode == 0, done.stderr


def test_an_unexpected_error_is_written_to_the_log_with_its_traceback(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(_args: object) -> int:
        raise RuntimeError("the unforeseen")
    try:
        assert parser._run(broken, object()) == EXIT_FAILURE  # type: ignore[arg-type]
    finally:
        for handler in list(log.handlers):  # the next test has a data folder of its own
            handler.close()
            log.removeHandler(handler)
    told = capsys.readouterr().err
    assert "unexpected error: RuntimeError: the unforeseen" in told
    assert str(data_dir / "ecdesk.log") in told
    logged = (data_dir / "ecdesk.log").read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged and "the unforeseen" in logged
