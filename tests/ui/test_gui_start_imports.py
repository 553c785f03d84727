"""Starting the GUI goes through the command-line parser, but loads no subcommand's module.

The subcommands' modules (ecdesk.cli.*) and what they import are paid for only when their command
runs; the app's start, up to the open shop's first rows, must not import any of them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
# Runs main.py as `python main.py` would, and prints the command modules loaded at exit. The
# parser's language step (ecdesk.cli.language: --lang, else the environment's) is part of the
# parser, which the GUI's own --lang goes through, as test_subcommand_loading.py counts it.
WATCH_IMPORTS = """
import atexit, json, runpy, sys
is_command_module = lambda n: (n.startswith("ecdesk.cli.")
                               and n not in ("ecdesk.cli.parser", "ecdesk.cli.language"))
atexit.register(lambda: print("cli modules", json.dumps(
    sorted(name for name in sys.modules if is_command_module(name)))))
sys.argv = ["main.py", *sys.argv[1:]]
runpy.run_path("main.py", run_name="__main__")
"""


def test_starting_the_app_up_to_its_first_rows_imports_no_subcommand_module(
        demo_copy: Path, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ECDESK_DATA_DIR": str(tmp_path / "d"),
           "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-c", WATCH_IMPORTS, "--db", str(demo_copy), "--startup-probe"],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "probe ready" in lines, result.stdout + result.stderr
    loaded = [line for line in lines if line.startswith("cli modules ")]
    assert loaded and json.loads(loaded[0].removeprefix("cli modules ")) == []
