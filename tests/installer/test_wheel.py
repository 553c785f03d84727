"""`pip install .`: the wheel holds the ecdesk package, its migrations and its resources, and the
`ecdesk` command it installs runs like `python main.py`.

The wheel is built offline from a copy of the source (setuptools writes its build files beside
the source), without build isolation, with the setuptools of the test environment; it is then
installed without its dependencies into a fresh virtual environment that borrows them from the
test environment (a .pth file), so nothing is downloaded. Building takes about ten seconds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from ecdesk import __version__

REPO_ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 300

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for folder in ("ecdesk", "resources"):
        shutil.copytree(REPO_ROOT / folder, source / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy2(REPO_ROOT / name, source / name)
    dist = tmp_path_factory.mktemp("dist")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps",
                           "--no-build-isolation", "--no-index", "--disable-pip-version-check",
                           "-w", str(dist)], capture_output=True, text=True, timeout=TIMEOUT_S,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    [built] = dist.glob("ecdesk-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment with the wheel installed; returns its scripts folder."""
    env = tmp_path_factory.mktemp("venv")
    venv.create(env, with_pip=False)
    python = env / ("Scripts" if os.name == "nt" else "bin") / (
        "python.exe" if os.name == "nt" else "python")
    done = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                           "--no-deps", "--no-index", "--disable-pip-version-check", str(wheel)],
                          capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                           "['purelib'])"], capture_output=True, text=True, check=True)
    # The dependencies (PySide6, SQLAlchemy, ...) come from the test environment, after the
    # new environment's own site-packages, so `import ecdesk` finds the installed copy.
    Path(site.stdout.strip(), "ecdesk-test-dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return python.parent


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([*args], cwd=cwd, env={**env, "PYTHONIOENCODING": "utf-8"},
                          capture_output=True, text=True, encoding="utf-8",
                          timeout=TIMEOUT_S, check=False)


def test_the_wheel_holds_the_package_its_migrations_and_its_resources(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(archive.read(n).decode() for n in names
                            if n.endswith(".dist-info/entry_points.txt"))
    assert {"ecdesk/__init__.py", "ecdesk/cli/parser.py", "ecdesk/db.py",
            "ecdesk/services/common/page.py", "ecdesk/views/shell/main_window.py",
            "ecdesk/migrations/env.py", "ecdesk/migrations/script.py.mako",
            "ecdesk/resources/fonts/wqy-microhei.ttc",
            "ecdesk/resources/fonts/LICENSE-wqy-microhei.txt",
            "ecdesk/resources/icons/ecdesk.ico", "ecdesk/resources/icons/ecdesk-256.png"} <= names
    revisions = {f"ecdesk/migrations/versions/{p.name}"
                 for p in (REPO_ROOT / "ecdesk" / "migrations" / "versions").glob("*.py")}
    assert revisions and revisions <= names
    assert not any(n.startswith(("tests/", "installer/", "main.py")) for n in names)
    assert not any("__pycache__" in n for n in names)
    assert "ecdesk = ecdesk.cli:main" in entry_points


def test_the_installed_ecdesk_command_tells_its_version(installed: Path, tmp_path: Path) -> None:
    done = run(str(installed / "ecdesk"), "--version", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == f"ecdesk {__version__}"


def test_the_installed_command_makes_a_shop_with_its_own_migrations_and_finds_its_font(
        installed: Path, tmp_path: Path) -> None:
    shop = tmp_path / "new.ecdesk"
    made = run(str(installed / "python"), "-c", "import sys; from ecdesk.db import open_database; "
               "open_database(sys.argv[1]).close()", str(shop), cwd=tmp_path)
    assert made.returncode == 0, made.stdout + made.stderr  # (the CLI makes no shop: #18)
    done = run(str(installed / "ecdesk"), "info", "--db", str(shop), cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "SKUs: 0" in done.stdout and shop.is_file()
    where = run(str(installed / "python"), "-c",
                "import ecdesk; from ecdesk.config import resource_path; "
                "print(ecdesk.__file__); print(resource_path('fonts', 'wqy-microhei.ttc'))",
                cwd=tmp_path)
    package, font = (Path(line) for line in where.stdout.splitlines())
    assert installed.parent in package.parents  # the installed copy, not the source tree
    assert font.is_file() and installed.parent in font.parents
