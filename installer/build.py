"""Build the one-folder bundle with installer/ecdesk.spec, then say where it is and how big.

    python installer/build.py [--dist DIR] [--work DIR]

Run it with the development environment's Python (.venv, made by `python bootstrap.py test`,
which installs PyInstaller). The bundle goes to dist/ecdesk (and dist/ecdesk.app on macOS) and
PyInstaller's scratch files to build/pyinstaller; both folders are ignored by git. The Windows
and macOS scripts beside this file call it before they make the installer.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "ecdesk.spec"


def folder_size(folder: Path) -> int:
    """Bytes in the files under `folder` (links counted once, as the link)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; the bundle folder (dist/ecdesk)."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.exit("PyInstaller is not installed in this Python. Run `python bootstrap.py test` "
                 "once (it installs it into .venv), then use .venv's Python for this script.")
    # A clean build, by emptying our own scratch folder: `--clean` would also empty
    # PyInstaller's cache shared with any other build running on this machine.
    shutil.rmtree(work, ignore_errors=True)
    command = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm",
               "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work)]
    env = {**os.environ, "PYTHONHASHSEED": "0"}  # steadier output between builds
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    strip_libpython(dist / "ecdesk")
    return dist / "ecdesk"


def strip_libpython(bundle: Path) -> None:
    """Linux: strip libpython's symbols (22 MiB as Python ships it, 5.5 stripped). Only that
    library: `strip` breaks libraries auditwheel patched, such as numpy's OpenBLAS."""
    if not sys.platform.startswith("linux") or shutil.which("strip") is None:
        return
    for library in bundle.rglob("libpython3*.so*"):
        if library.is_file() and not library.is_symlink():
            subprocess.run(["strip", "--strip-unneeded", str(library)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle goes")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's scratch folder")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        bundle = build(args.dist.resolve(), args.work.resolve())
    except subprocess.CalledProcessError as error:
        print(f"build.py: PyInstaller failed (exit code {error.returncode}); see above.",
              file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    print(f"Built {bundle} in {seconds:.0f} s: {folder_size(bundle) / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
