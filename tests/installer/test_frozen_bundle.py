"""The installed app: build the bundle with installer/ecdesk.spec, then run it as a user would.

This is what the Windows and macOS installers wrap, built here on Linux: a module or resource
that PyInstaller missed fails here instead of on a customer's computer. Building takes a minute
or more, so the test is marked `frozen`; it runs in the test command and CI, and
ECDESK_SKIP_FROZEN=1 leaves it out of a local run.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def _load_build_script() -> ModuleType:
    """installer/build.py, the script the Windows and macOS builds run (not a package)."""
    spec = importlib.util.spec_from_file_location("installer_build",
                                                  REPO_ROOT / "installer" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


installer_build = _load_build_script()

pytestmark = [
    pytest.mark.frozen,
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("ECDESK_SKIP_FROZEN") == "1",
                       reason="ECDESK_SKIP_FROZEN=1: the frozen bundle is not built"),
]
RUN_TIMEOUT_S = 180


@dataclass(frozen=True)
class Bundle:
    folder: Path
    executable: Path
    internal: Path  # PyInstaller's folder of libraries and data (sys._MEIPASS)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bundle]:
    scratch = tmp_path_factory.mktemp("pyinstaller")
    started = time.perf_counter()
    folder = installer_build.build(scratch / "dist", scratch / "work")
    seconds = time.perf_counter() - started
    program = "ecdesk-cli.exe" if sys.platform == "win32" else "ecdesk"
    size_mib = installer_build.folder_size(folder) / 2**20
    print(f"\nBuilt {folder} in {seconds:.0f} s: {size_mib:.0f} MiB")
    yield Bundle(folder, folder / program, folder / "_internal")


def run(bundle: Bundle, *args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ECDESK_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "utf-8"}
    for leaking in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):  # the bundle brings its own
        env.pop(leaking, None)
    return subprocess.run([str(bundle.executable), *args], cwd=bundle.folder.parent, env=env,
                          capture_output=True, text=True, encoding="utf-8",
                          timeout=RUN_TIMEOUT_S, check=False)


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.lstat().st_size, p.lstat().st_mtime_ns)
            for p in folder.rglob("*")}


def test_the_frozen_app_passes_its_selftest_without_writing_to_its_folder(
        bundle: Bundle, tmp_path: Path) -> None:
    before = snapshot(bundle.folder)
    started = time.perf_counter()
    done = run(bundle, "--selftest", data_dir=tmp_path / "data")
    seconds = time.perf_counter() - started

    assert done.returncode == 0, done.stdout + done.stderr
    [line] = done.stdout.splitlines()
    assert " selftest OK (installed bundle, " in line, line
    assert "Listings" in line and "database integrity and links OK" in line
    assert "with its font embedded" in line  # pandas, matplotlib, reportlab and the font
    assert "Traceback" not in done.stderr
    assert snapshot(bundle.folder) == before  # the bundle itself is never written to
    print(f"\nFrozen --selftest took {seconds:.1f} s: {line}")


def test_the_frozen_app_runs_the_headless_commands(bundle: Bundle, tmp_path: Path) -> None:
    shop, data = tmp_path / "shop.ecdesk", tmp_path / "data"
    steps = [
        ("demo", "create", str(shop)),
        ("export", "products", "--db", str(shop), "--out", str(tmp_path / "all.csv")),  # pandas
        ("export", "products", "--db", str(shop), "--out", str(tmp_path / "all.xlsx")),
        ("import", "products", str(tmp_path / "all.csv"), "--db", str(shop), "--dry-run"),
        ("backup", "--db", str(shop)),
        ("check", "--db", str(shop)),  # (a new shop runs the Alembic migrations first)
    ]
    for args in steps:
        done = run(bundle, *args, data_dir=data)
        assert done.returncode == 0, f"{' '.join(args)}: {done.stdout}{done.stderr}"
    assert "integrity OK" in done.stdout
    assert (tmp_path / "all.xlsx").stat().st_size > 0


def test_the_bundle_holds_what_ecdesk_needs_and_no_test_tools(bundle: Bundle) -> None:
    from PyInstaller.archive.readers import CArchiveReader

    executable = bundle.folder / ("ecdesk.exe" if sys.platform == "win32" else "ecdesk")
    modules = set(CArchiveReader(str(executable)).open_embedded_archive("PYZ.pyz").toc)
    # Imported lazily or picked by name at run time: collected anyway.
    for needed in ("pandas", "openpyxl", "matplotlib.figure", "matplotlib.backends.backend_agg",
                   "matplotlib.backends.backend_qtagg", "reportlab.platypus",
                   "reportlab.pdfbase.ttfonts", "alembic.ddl.sqlite", "ecdesk.selftest",
                   "ecdesk.views.shell.main_window"):
        assert needed in modules, needed
    for unwanted in ("pytest", "_pytest", "pytestqt", "hypothesis", "tkinter", "PyInstaller",
                     "pygments", "ssl", "PySide6.QtNetwork", "PySide6.QtQml", "tests"):
        assert not any(m == unwanted or m.startswith(unwanted + ".") for m in modules), unwanted

    files = {p.relative_to(bundle.internal).as_posix() for p in bundle.internal.rglob("*")}
    migrations = sorted(p.name for p in (REPO_ROOT / "ecdesk/migrations/versions").glob("*.py"))
    assert migrations and {f"ecdesk/migrations/versions/{name}" for name in migrations} <= files
    assert {"ecdesk/migrations/env.py", "ecdesk/migrations/script.py.mako",
            "resources/icons/ecdesk-256.png", "resources/icons/ecdesk.ico"} <= files
    assert not any("__pycache__" in f for f in files)
    assert any(f.startswith("matplotlib/mpl-data/fonts/ttf/DejaVuSans") for f in files)
    assert any("/plugins/platforms/" in f and "offscreen" in f for f in files)
    for heavy_and_unused in ("Qt6Quick", "Qt6Qml", "Qt6Network", "Qt6WebEngine", "Qt6Pdf",
                             "opengl32sw", "/sample_data/"):
        assert not any(heavy_and_unused in f for f in files), heavy_and_unused
