"""Each subcommand's module (ecdesk.cli.*) is imported only when that command runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
# Runs the command line with the given arguments and prints the command modules it loaded (the
# parser and its language choice, which every command line reads, are not command modules).
RUN_AND_LIST = """
import json, sys
is_command_module = lambda n: (n.startswith("ecdesk.cli.")
                               and n not in ("ecdesk.cli.parser", "ecdesk.cli.language"))
from ecdesk.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(name for name in sys.modules if is_command_module(name))))
"""


def cli_modules_loaded(*args: str) -> tuple[list[str], str]:
    """The command modules `main.py ARGS` imports, and what it printed before the list."""
    result = subprocess.run([sys.executable, "-c", RUN_AND_LIST, *args], cwd=REPO_ROOT,
                            capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert result.returncode == 0, result.stderr
    *printed, modules = result.stdout.splitlines()
    return json.loads(modules), "\n".join(printed)


def test_the_help_lists_every_command_without_importing_their_modules() -> None:
    loaded, printed = cli_modules_loaded("--help")
    assert loaded == []
    for command in ("backup", "restore", "check", "import", "alerts", "inventory", "report"):
        assert f"\n    {command} " in printed


@pytest.mark.parametrize(("args", "module", "option"), [
    (("backup",), "ecdesk.cli.maintenance", "--to"),
    (("restore",), "ecdesk.cli.maintenance", "--yes"),
    (("check",), "ecdesk.cli.maintenance", "--db"),
    (("import", "orders"), "ecdesk.cli.orders_import", "--only-valid"),
    (("alerts",), "ecdesk.cli.stock", "--all"),
    (("inventory",), "ecdesk.cli.inventory", "--stock"),
    (("customers",), "ecdesk.cli.customers", "--segment"),
    (("report",), "ecdesk.cli.reports", "--generated-at"),
    (("suppliers",), "ecdesk.cli.purchasing", "--search"),
    (("purchasing", "receive"), "ecdesk.cli.purchasing", "--reference"),
    (("order", "edit"), "ecdesk.cli.orders", "--remove"),
])
def test_a_command_loads_only_its_own_module_and_its_help_shows_its_options(
        args: tuple[str, ...], module: str, option: str) -> None:
    loaded, printed = cli_modules_loaded(*args, "--help")
    assert loaded == [module]
    assert printed.startswith(f"usage: ecdesk {' '.join(args)} ") and option in printed


def test_a_command_that_does_not_load_a_module_of_its_own_loads_none() -> None:
    loaded, printed = cli_modules_loaded("import", "products", "--help")
    assert loaded == [] and "--only-valid" in printed
