"""Making hostile conditions for a shop file: a small disk that fills up, a read-only mount,
a flipped byte, a fingerprint to show a file was not changed.

A small disk is a tmpfs of its own (mounting needs root, as in the CI container; elsewhere the
tests that need one are skipped and say why). Root ignores file permissions, so read-only media
are a read-only bind mount, never a chmod.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def fingerprint(*paths: Path) -> dict[str, str | None]:
    """Each file's SHA-256 (None when missing): equal fingerprints, byte-for-byte equal files."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None
            for p in paths}


def shop_files(shop: Path) -> list[Path]:
    """The shop and its write-ahead log when it holds anything. (SQLite leaves an empty log and
    its index behind even after a read-only look; those change nothing in the shop.)"""
    wal = Path(f"{shop}-wal")
    return [shop, wal] if wal.exists() and wal.stat().st_size else [shop]


def contents(path: Path) -> str:
    """A digest of what a database holds (its SQL dump): equal for a file and its backup."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def _mount(*args: str) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@contextlib.contextmanager
def mounted(folder: Path, *args: str) -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    if not _mount(*args, str(folder)):
        pytest.skip("needs root and mount (a tmpfs or bind mount) for a real full or "
                    "read-only disk")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@contextlib.contextmanager
def small_disk(folder: Path, megabytes: int = 40) -> Iterator[Path]:
    """A tmpfs of its own at `folder`: a disk that can really fill up."""
    with mounted(folder, "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs") as disk:
        yield disk


def fill(disk: Path, leave: int = 0) -> Path:
    """Fill `disk` until `leave` bytes (or fewer) are free; return the filler file."""
    filler = disk / "filler"
    with filler.open("ab") as out:
        block = b"\0" * (1 << 16)
        try:
            while shutil.disk_usage(disk).free > leave + len(block):
                out.write(block)
                out.flush()
            out.write(b"\0" * max(0, shutil.disk_usage(disk).free - leave))
            out.flush()
        except OSError:
            pass  # full
    return filler


@contextlib.contextmanager
def read_only_view(folder: Path, view: Path) -> Iterator[Path]:
    """`folder` seen again at `view` through a read-only bind mount (a locked USB stick)."""
    with mounted(view, "--bind", "-o", "ro", str(folder)) as mount:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(mount)], capture_output=True)
        probe = mount / ".probe"
        try:
            probe.write_bytes(b"")
        except OSError:
            yield mount
            return
        probe.unlink()
        pytest.skip("this kernel would not make the bind mount read-only")


def flip_byte(path: Path, offset: int) -> None:
    with path.open("r+b") as file:
        file.seek(offset)
        value = file.read(1)[0]
        file.seek(offset)
        file.write(bytes([value ^ 0xFF]))


def page_of(path: Path, kind: str) -> int:
    """The first byte of a page of `kind` ("table": the variants table's root, "index": the
    root of an index on it, "schema": the schema table's page header on page 1)."""
    if kind == "schema":
        return 100  # page 1 starts with the 100-byte file header
    conn = sqlite3.connect(path)
    try:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE type = ? AND tbl_name = "
                            "'variants' AND rootpage > 0 ORDER BY name LIMIT 1",
                            (kind,)).fetchone()[0]
    finally:
        conn.close()
    return (root - 1) * size


def flip_page_type(path: Path, kind: str) -> None:
    """Flip the byte that says what kind of b-tree page it is: one bad byte, as a disk makes."""
    flip_byte(path, page_of(path, kind))


@contextlib.contextmanager
def immutable(path: Path) -> Iterator[Path]:
    """`path` made unchangeable even for root (`chattr +i`): a read-only file in a folder that
    can be written."""
    if shutil.which("chattr") is None or subprocess.run(
            ["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("needs chattr on a file system that has the immutable flag")
    try:
        yield path
    finally:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)
