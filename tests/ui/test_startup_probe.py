"""End to end: the real entry point opens its window on a demo shop and shows the first rows.

`--startup-probe` makes the app print "probe painted" once the empty window has painted,
"probe rows" once the Listings table has painted its first rows (read before the shop is open)
and "probe ready" once the open shop's Listings page has painted, then quit by itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 60


def run_probe(shop: Path, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "ECDESK_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "utf-8"}
    if not env["QT_QPA_PLATFORM"].startswith("offscreen"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, str(REPO_ROOT / "main.py"), "--db", str(shop), "--startup-probe"],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, encoding="utf-8",
        timeout=TIMEOUT_S, check=False)


def test_the_app_opens_its_window_on_a_demo_shop_and_paints_the_first_rows(
        demo_copy: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "app-data"
    result = run_probe(demo_copy, data_dir)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "probe painted" in lines, result.stdout + result.stderr
    assert "probe rows" in lines, result.stdout + result.stderr
    assert lines.index("probe painted") < lines.index("probe rows") < lines.index("probe ready")
    assert lines.count("probe rows") == 1
    assert "Traceback" not in result.stderr
    # The app kept to its data folder and released the shop when it quit.
    assert (data_dir / "window.ini").exists()
    assert not demo_copy.with_name(demo_copy.name + ".lock").exists()
