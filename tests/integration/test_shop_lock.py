"""A shop is open in one ecdesk at a time; a lock left by a crashed ecdesk does not block."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ecdesk.services.shop_file.shop_lock import LockOwner, ShopLock


@pytest.fixture
def other_process() -> Iterator[int]:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        yield child.pid
    finally:
        child.kill()
        child.wait()


def _write_lock(shop: Path, pid: int) -> None:
    shop.with_name(shop.name + ".lock").write_text(
        json.dumps({"pid": pid, "host": socket.gethostname()}), encoding="utf-8")


def test_a_free_shop_is_locked_by_this_process_and_released_on_close(tmp_path: Path) -> None:
    shop = tmp_path / "shop.ecdesk"
    lock = ShopLock(shop)
    assert lock.acquire() is None
    assert json.loads(lock.path.read_text())["pid"] == os.getpid()
    lock.release()
    assert not lock.path.exists()


def test_a_shop_held_by_a_running_ecdesk_names_that_process(tmp_path: Path,
                                                            other_process: int) -> None:
    shop = tmp_path / "shop.ecdesk"
    _write_lock(shop, other_process)
    assert ShopLock(shop).acquire() == LockOwner(other_process, socket.gethostname())
    assert json.loads(ShopLock(shop).path.read_text())["pid"] == other_process  # untouched


def test_a_lock_left_by_a_process_that_is_gone_is_taken_over(tmp_path: Path) -> None:
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    shop = tmp_path / "shop.ecdesk"
    _write_lock(shop, finished.pid)
    lock = ShopLock(shop)
    assert lock.acquire() is None
    assert json.loads(lock.path.read_text())["pid"] == os.getpid()


def test_a_garbled_lock_file_does_not_block_the_shop(tmp_path: Path) -> None:
    shop = tmp_path / "shop.ecdesk"
    shop.with_name("shop.ecdesk.lock").write_text("{not json", encoding="utf-8")
    assert ShopLock(shop).acquire() is None
