"""The real entry point, headless: `python main.py ...` in a subprocess."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ecdesk import __version__
from ecdesk.db import open_database

REPO_ROOT = Path(__file__).resolve().parents[2]


def run(*args: str | Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run main.py with the interpreter running the tests (ECDESK_DATA_DIR is a temp folder)."""
    return subprocess.run([sys.executable, "main.py", *map(str, args)], cwd=REPO_ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)


def assert_one_readable_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


def test_version_prints_the_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"ecdesk {__version__}"
    assert result.stderr == ""


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: ecdesk")
    for word in ("demo", "info", "--db", "--demo"):
        assert word in result.stdout
    assert result.stderr == ""


@pytest.fixture(scope="module")
def created_demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("cli-demo") / "cli demo.ecdesk"  # a space in the name
    with pytest.MonkeyPatch.context() as patch:  # module scope: set up before the autouse one
        patch.setenv("ECDESK_DATA_DIR", str(tmp_path_factory.mktemp("cli-data")))
        result = run("demo", "create", path, "--seed", "3")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return path, result.stdout


def test_demo_create_writes_a_shop_and_prints_its_counts(created_demo: tuple[Path, str]) -> None:
    path, stdout = created_demo
    match = re.fullmatch(rf"Created {re.escape(str(path))}: (\d+) products, (\d+) SKUs, "
                         rf"(\d+) listings, (\d+) orders \((\d+) lines\)\n", stdout)
    assert match, stdout
    conn = sqlite3.connect(path)
    try:
        counts = tuple(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                       for table in ("products", "variants", "listings", "orders",
                                     "order_lines"))
    finally:
        conn.close()
    assert tuple(int(n) for n in match.groups()) == counts
    assert (counts[1], counts[4]) == (800, 12_000)


def test_demo_create_refuses_an_existing_file_in_one_line(created_demo: tuple[Path, str]) -> None:
    path, _ = created_demo
    before = path.read_bytes()
    result = run("demo", "create", path)
    assert result.returncode == 1
    assert result.stdout == ""
    line = assert_one_readable_line(result.stderr)
    assert line == f"ecdesk: {path} already exists; choose another file or use --force"
    assert path.read_bytes() == before


def test_info_prints_the_shop_name_and_counts(created_demo: tuple[Path, str]) -> None:
    path, _ = created_demo
    result = run("info", "--db", path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Shop: 演示小店 Demo Shop", f"File: {path}", "Currency: CNY  Timezone: Asia/Shanghai",
        "SKUs: 800"]


@pytest.mark.parametrize(("args", "message"), [
    (("bogus",), "ecdesk: argument command: invalid choice: 'bogus' (choose from 'demo', 'info', "),
    (("demo", "create"), "ecdesk demo create: the following arguments are required: path"),
    (("demo",), "ecdesk demo: the following arguments are required: demo_command"),
    (("demo", "create", "x.ecdesk", "--scale", "huge"),
     "ecdesk demo create: argument --scale: invalid choice: 'huge' (choose from 'small', "
     "'large')"),
])
def test_usage_errors_exit_with_code_2_and_a_hint(args: tuple[str, ...], message: str,
                                                  tmp_path: Path) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    first, *rest = result.stderr.splitlines()
    assert first.startswith(message)  # the list of commands grows as capabilities land
    assert rest == ["Try 'python main.py --help'."]
    assert not (REPO_ROOT / "x.ecdesk").exists()


def test_info_on_a_path_without_a_shop_says_so_and_creates_nothing(tmp_path: Path,
                                                                   data_dir: Path) -> None:
    path = tmp_path / "mistyped shop.ecdesk"
    result = run("info", "--db", path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"ecdesk: There is no shop at {path}. Check --db, or create the shop in the ecdesk "
        "window (or with 'demo create')"]
    assert not path.exists()
    assert list(data_dir.iterdir()) == [], "the user's own shop was not touched"


def test_info_on_a_shop_describes_it(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "new shop.ecdesk"
    open_database(path).close()
    result = run("info", "--db", path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Shop: (not named yet)", f"File: {path}", "Currency: CNY  Timezone: Asia/Shanghai",
        "SKUs: 0"]
    assert list(data_dir.iterdir()) == [], "the user's own shop was not touched"


def test_info_without_db_uses_the_shop_in_the_data_folder(data_dir: Path) -> None:
    open_database(data_dir / "shop.ecdesk").close()
    result = run("info")
    assert result.returncode == 0, result.stderr
    assert f"File: {data_dir / 'shop.ecdesk'}" in result.stdout.splitlines()


def test_a_global_db_option_before_the_command_is_honoured(tmp_path: Path,
                                                           data_dir: Path) -> None:
    path = tmp_path / "chosen.ecdesk"
    open_database(path).close()
    result = run("--db", path, "info")
    assert result.returncode == 0, result.stderr
    assert f"File: {path}" in result.stdout.splitlines()
    assert not (data_dir / "shop.ecdesk").exists()


def test_info_on_a_file_that_is_not_a_shop_fails_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"Buy more flasks before 618.\n" * 200)
    result = run("info", "--db", path)
    assert result.returncode == 1
    assert result.stdout == ""
    line = assert_one_readable_line(result.stderr)
    assert line == "ecdesk: notes.txt is not an ecdesk shop file (file is not a database)."
    assert path.read_bytes() == b"Buy more flasks before 618.\n" * 200
