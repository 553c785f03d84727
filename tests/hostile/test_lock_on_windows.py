"""The shop lock's Windows branch (`msvcrt.locking`), run here under a stand-in msvcrt.

CI runs on Linux, where the lock is `fcntl.flock` (tests/integration/test_shop_lock.py and
test_two_windows_at_once.py use it for real, across processes, a killed holder included). The
Windows branch is the same ShopLock with other calls and three Windows rules: it locks one byte
far past the owner's text (Windows refuses others the reading of a locked range, and the one
refused must read who holds it), it opens the lock file read-write even to look, and it removes
the file only after the lock is dropped and the file closed. `FakeMsvcrt` keeps byte-range locks
the way Windows does (per open file and offset, refused to any other handle, LK_UNLCK only by
the holder), so these tests run that logic here.

Not tested here (it needs Windows itself): that the real `msvcrt.locking` raises OSError when
another process holds the byte, that Windows drops the lock of a killed process (its
documentation says locks are released when the process ends), that a locked byte past the end
of the file blocks no reader, and removing a lock file another ecdesk still has open (the
release ignores that failure). macOS uses the same `fcntl.flock` as Linux; that its flock
holds on the volumes a shop is kept on (APFS, HFS+, SMB shares) is not tested here either.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from ecdesk.services.shop_file import shop_lock
from ecdesk.services.shop_file.shop_lock import (
    ShopInUseError,
    ShopLock,
    held_for,
    windows_lock_calls,
)


class FakeMsvcrt:
    """Byte-range locks as Windows keeps them: by file, at the handle's current position."""

    LK_UNLCK, LK_LOCK, LK_NBLCK = 0, 1, 2

    def __init__(self) -> None:
        self.locks: dict[tuple[int, int, int], int] = {}  # (device, inode, offset) -> fd
        self.calls: list[tuple[int, int]] = []  # (mode, offset)

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        assert nbytes == 1
        stat = os.fstat(fd)
        offset = os.lseek(fd, 0, os.SEEK_CUR)
        key = (stat.st_dev, stat.st_ino, offset)
        self.calls.append((mode, offset))
        if mode == self.LK_NBLCK:
            if key in self.locks:  # held by another handle, or already by this one
                raise OSError(errno.EACCES, "Permission denied")
            self.locks[key] = fd
        elif mode == self.LK_UNLCK:
            if self.locks.get(key) != fd:
                raise OSError(errno.EACCES, "Permission denied")
            del self.locks[key]
        else:
            raise AssertionError(f"ecdesk never waits for a lock (mode {mode})")

    def process_ended(self, fd: int) -> None:
        """What Windows does when the holder dies: its locks go, its handle closes."""
        self.locks = {key: holder for key, holder in self.locks.items() if holder != fd}
        os.close(fd)


@pytest.fixture
def msvcrt(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeMsvcrt]:
    fake = FakeMsvcrt()
    try_lock, unlock = windows_lock_calls(fake)
    monkeypatch.setattr(shop_lock, "_WINDOWS", True)
    monkeypatch.setattr(shop_lock, "_try_lock", try_lock)
    monkeypatch.setattr(shop_lock, "_unlock", unlock)
    yield fake
    assert not fake.locks, "every lock taken was given back"


def other_process_holds(shop: Path, fake: FakeMsvcrt) -> int:
    """Another ecdesk's hold: taken as it takes it, but outside this process's shared holds."""
    held = ShopLock(shop, "ecdesk (window)")._lock_file()
    assert isinstance(held, shop_lock._Held)
    assert fake.locks
    return held.fd


def test_on_windows_the_lock_is_one_byte_far_past_the_owners_text(
        tmp_path: Path, msvcrt: FakeMsvcrt) -> None:
    shop = tmp_path / "shop.ecdesk"
    lock = ShopLock(shop, "ecdesk import orders")
    assert lock.acquire() is None
    [(_device, _inode, offset)] = msvcrt.locks
    text = lock.path.read_bytes()  # readable: the locked byte is not in it
    assert offset == 1 << 30 > len(text)
    assert json.loads(text)["program"] == "ecdesk import orders"
    lock.release()
    assert msvcrt.calls == [(FakeMsvcrt.LK_NBLCK, 1 << 30), (FakeMsvcrt.LK_UNLCK, 1 << 30)]
    assert not lock.path.exists(), "removed once unlocked and closed"


def test_on_windows_a_shop_held_elsewhere_names_the_holder_and_refuses_a_writing_command(
        tmp_path: Path, msvcrt: FakeMsvcrt) -> None:
    shop = tmp_path / "shop.ecdesk"
    fd = other_process_holds(shop, msvcrt)
    try:
        other = ShopLock(shop, "ecdesk import orders").acquire()
        assert other is not None and other.program == "ecdesk (window)"
        assert other.pid == os.getpid() and other.since is not None
        assert ShopLock(shop).owner() == other
        with pytest.raises(ShopInUseError, match=r"open in ecdesk \(window\), process"), \
                held_for(shop, "ecdesk import orders"):
            pass
        assert json.loads(ShopLock(shop).path.read_text())["program"] == "ecdesk (window)"
    finally:
        shop_lock._unlock(fd)
        os.close(fd)


def test_on_windows_a_lock_whose_holder_died_is_taken_over(tmp_path: Path,
                                                            msvcrt: FakeMsvcrt) -> None:
    """The dead holder's file stays, naming it; only the system's lock counts."""
    shop = tmp_path / "shop.ecdesk"
    msvcrt.process_ended(other_process_holds(shop, msvcrt))
    assert json.loads(ShopLock(shop).path.read_text())["program"] == "ecdesk (window)"
    assert ShopLock(shop).owner() is None
    lock = ShopLock(shop, "ecdesk (window)")
    assert lock.acquire() is None
    assert json.loads(lock.path.read_text())["pid"] == os.getpid()
    lock.release()


def test_on_windows_the_shop_is_free_again_once_the_holder_releases_it(
        tmp_path: Path, msvcrt: FakeMsvcrt) -> None:
    shop = tmp_path / "shop.ecdesk"
    first = ShopLock(shop, "ecdesk (window)")
    assert first.acquire() is None
    fd = other_process_holds(shop.with_name("other.ecdesk"), msvcrt)  # another shop: no matter
    second = ShopLock(shop, "ecdesk (window)")
    assert second.acquire() is None  # this process: the hold is shared
    second.release()
    assert first.path.exists() and ShopLock(shop).owner() is None
    first.release()
    assert not first.path.exists()
    with held_for(shop, "ecdesk restore"):
        assert json.loads(first.path.read_text())["program"] == "ecdesk restore"
    shop_lock._unlock(fd)
    os.close(fd)
