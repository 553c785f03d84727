"""A shop is open for writing in one ecdesk at a time: an operating-system lock, taken in one
step, which the system drops when its process ends however it ends."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ecdesk.services.shop_file.shop_lock import ShopInUseError, ShopLock, held_for
from tests.lock_holder import REPO_ROOT, lock_held_elsewhere


def test_a_free_shop_is_locked_by_this_process_and_released_on_close(tmp_path: Path) -> None:
    shop = tmp_path / "shop.ecdesk"
    lock = ShopLock(shop, "ecdesk import orders")
    assert lock.acquire() is None
    written = json.loads(lock.path.read_text())
    assert written["pid"] == os.getpid() and written["program"] == "ecdesk import orders"
    assert "since" in written
    lock.release()
    assert not lock.path.exists()


def test_a_shop_held_by_a_running_ecdesk_names_that_program_and_since_when(
        tmp_path: Path) -> None:
    shop = tmp_path / "shop.ecdesk"
    with lock_held_elsewhere(shop) as pid:
        other = ShopLock(shop).acquire()
        assert other is not None
        assert (other.pid, other.host, other.program) == (pid, socket.gethostname(),
                                                          "ecdesk (window)")
        assert other.since is not None
        assert f"ecdesk (window), process {pid}" in other.describe()
        assert json.loads(ShopLock(shop).path.read_text())["pid"] == pid  # untouched


def test_a_lock_whose_process_was_killed_is_taken_over(tmp_path: Path) -> None:
    shop = tmp_path / "shop.ecdesk"
    with lock_held_elsewhere(shop):
        pass  # killed with SIGKILL: no chance to clean up, its lock file stays behind
    assert ShopLock(shop).path.exists()
    lock = ShopLock(shop)
    assert lock.acquire() is None
    assert json.loads(lock.path.read_text())["pid"] == os.getpid()
    lock.release()


def test_a_lock_file_naming_a_running_process_but_not_locked_does_not_block(
        tmp_path: Path) -> None:
    """A lock file is only text: what counts is the system's lock (a file left by an older
    ecdesk, or copied with the shop from another computer, blocks nothing)."""
    shop = tmp_path / "shop.ecdesk"
    shop.with_name("shop.ecdesk.lock").write_text(
        json.dumps({"pid": os.getppid(), "host": socket.gethostname()}))
    lock = ShopLock(shop)
    assert lock.acquire() is None
    lock.release()


def test_a_garbled_lock_file_does_not_block_the_shop(tmp_path: Path) -> None:
    shop = tmp_path / "shop.ecdesk"
    shop.with_name("shop.ecdesk.lock").write_text("{not json", encoding="utf-8")
    lock = ShopLock(shop)
    assert lock.acquire() is None
    lock.release()


def test_locks_of_the_same_shop_in_one_process_share_the_hold(tmp_path: Path) -> None:
    """Reopening a shop in the window takes the new lock before it gives up the old one."""
    shop = tmp_path / "shop.ecdesk"
    first, second = ShopLock(shop), ShopLock(shop)
    assert first.acquire() is None and second.acquire() is None
    first.release()
    assert second.path.exists()
    second.release()
    assert not second.path.exists()


def test_a_command_refuses_to_write_while_the_shop_is_open_elsewhere(tmp_path: Path) -> None:
    shop = tmp_path / "shop.ecdesk"
    with lock_held_elsewhere(shop) as pid, pytest.raises(ShopInUseError) as refused, \
            held_for(shop, "ecdesk import products"):
        pytest.fail("the command ran")
    assert f"process {pid}" in str(refused.value) and "nothing was changed" in str(refused.value)


_RACE = """
import sys, time
from pathlib import Path
from ecdesk.services.shop_file.shop_lock import ShopLock
start = float(sys.argv[2])
while time.time() < start:
    pass
lock = ShopLock(Path(sys.argv[1]))
print("won" if lock.acquire() is None else "lost", flush=True)
time.sleep(1.0)
"""


def test_of_many_ecdesk_started_at_the_same_moment_exactly_one_gets_the_shop(
        tmp_path: Path) -> None:
    shop = tmp_path / "shop.ecdesk"
    for _round in range(3):
        start = time.time() + 1.5  # every child is up and spinning by then
        children = [subprocess.Popen([sys.executable, "-c", _RACE, str(shop), str(start)],
                                     cwd=REPO_ROOT, stdout=subprocess.PIPE, text=True)
                    for _ in range(6)]
        outcomes = [child.communicate(timeout=60)[0].strip() for child in children]
        assert sorted(outcomes) == ["lost"] * 5 + ["won"], outcomes
