#!/usr/bin/env python3
"""Set up what is missing, then run ecdesk. Standard library only, so it works on a fresh machine.

    python bootstrap.py demo          # the app on the demo shop
    python bootstrap.py app [ARGS]    # the app (or a headless command) with main.py's arguments
    python bootstrap.py test [ARGS]   # lint + the test suite (pytest arguments pass through)
    python bootstrap.py bench         # the benchmarks (generates a large shop first)
    python bootstrap.py translations  # extract and compile the Chinese catalogues, list what is
                                      # missing (resources/translations/README.md; --todo, --check)

A virtual environment is made in .venv beside this file and the dependencies in pyproject.toml
are installed into it; they are installed again only when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".ecdesk-installed"


def venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def requirements(with_test: bool) -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extra = project["optional-dependencies"]["test"] if with_test else []
    return [*project["dependencies"], *extra]


def ensure_environment(with_test: bool) -> Path:
    wanted = requirements(with_test)
    digest = hashlib.sha256("\n".join(wanted).encode()).hexdigest()
    if STAMP.exists() and digest in STAMP.read_text().split():
        return venv_python()
    if not venv_python().exists():
        print("Creating the virtual environment in .venv ...", flush=True)
        venv.create(VENV, with_pip=True)
    print("Installing dependencies (first run only) ...", flush=True)
    subprocess.run([str(venv_python()), "-m", "pip", "install", "--disable-pip-version-check",
                    "--quiet", *wanted], check=True)
    known = STAMP.read_text().split() if STAMP.exists() else []
    STAMP.write_text("\n".join([*known, digest]))
    return venv_python()


def run(python: Path, args: list[str], env: dict[str, str] | None = None) -> int:
    return subprocess.call([str(python), *args], cwd=ROOT, env=env)


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("demo", [])
    if command == "demo":
        return run(ensure_environment(False), ["main.py", "--demo", *rest])
    if command == "app":
        return run(ensure_environment(False), ["main.py", *rest])
    if command == "test":
        python = ensure_environment(True)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
        lint = run(python, ["-m", "ruff", "check", "."], env)
        tests = run(python, ["-m", "pytest", *rest], env)
        return lint or tests
    if command == "bench":
        python = ensure_environment(True)
        return run(python, ["-m", "tests.bench", *rest])
    if command == "translations":
        return run(ensure_environment(False), ["-m", "ecdesk.translation_catalogues", *rest])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
