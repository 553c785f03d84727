"""One writer at a time per shop file: an operating-system lock on a file beside it.

SQLite itself would let two programs write the same file, but two windows showing the same shop
would each show stale data and overwrite the other's edits, and an import from the command line
under an open window left that window pointing at rows that had gone.

The lock is the operating system's own (`fcntl.flock` on macOS and Linux, `msvcrt.locking` on
Windows), taken in one step: two ecdesk started at the same moment cannot both get it, which a
lock file checked and then written allowed (2 starts in 10 both opened read-write). The system
drops it when the process ends in any way, a crash or a power cut included, so a lock left by a
dead process is never in the way on any of the three systems, with no guessing from process ids.
The standard library has both calls: no package is needed for this. The file's text only names
the holder (program, process, computer, since when) for the message shown to the one refused.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

from ecdesk.errors import DatabaseError, ShopUnreachableError
from ecdesk.i18n import _
from ecdesk.sqlite_errors import unreachable_message

# Windows locks byte ranges that others then cannot read: lock one byte far past the text.
_WINDOWS_LOCK_OFFSET = 1 << 30
_SAME_FILE_TRIES = 5


@dataclass(frozen=True)
class LockOwner:
    pid: int
    host: str
    program: str = "ecdesk"
    since: datetime | None = None

    def describe(self) -> str:
        """"ecdesk (window), process 123 on shop-pc, since 2026-12-07 16:40 UTC"."""
        text = _("{program}, process {pid} on {host}").format(
            program=self.program, pid=self.pid, host=self.host)
        if self.since is not None:
            text += _(", since {since}").format(
                since=self.since.astimezone().strftime("%Y-%m-%d %H:%M %Z"))
        return text


class ShopInUseError(DatabaseError):
    """Another ecdesk (window or command) has the shop open for writing."""

    def __init__(self, owner: LockOwner) -> None:
        self.owner = owner
        super().__init__(_("The shop is open in {owner}. Close it there first (or wait for the "
                           "command to end): nothing was changed.").format(
                               owner=owner.describe()))


class _Held:
    """This process's hold on one lock file; ShopLocks of the same shop in this process share
    it (reopening a shop in the window takes the new lock before giving up the old one)."""

    _by_path: ClassVar[dict[str, _Held]] = {}
    _guard: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.count = 0


class ShopLock:
    def __init__(self, shop: Path, program: str = "ecdesk") -> None:
        self.path = shop.with_name(shop.name + ".lock")
        self.program = program
        self.held = False

    def owner(self) -> LockOwner | None:
        """Who holds the shop now; None when nobody does (or only this process)."""
        if str(self.path) in _Held._by_path or not self.path.exists():
            return None
        try:
            fd = os.open(self.path, os.O_RDWR if _WINDOWS else os.O_RDONLY)
        except OSError:
            return None
        try:
            if _try_lock(fd):
                _unlock(fd)
                return None
            return _read_owner(self.path)
        finally:
            os.close(fd)

    def acquire(self) -> LockOwner | None:
        """Take the lock; return the other owner instead when someone else holds it.

        Raises ShopUnreachableError when no lock file can be made beside the shop (a read-only
        folder: reason "read_only"; a full disk: "full").
        """
        key = str(self.path)
        with _Held._guard:
            held = _Held._by_path.get(key) or self._lock_file()
            if isinstance(held, LockOwner):
                return held
            held.count += 1
            _Held._by_path[key] = held
        self.held = True
        return None

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        key = str(self.path)
        with _Held._guard:
            held = _Held._by_path[key]
            held.count -= 1
            if held.count:
                return
            del _Held._by_path[key]
            if not _WINDOWS:  # remove it while still locked: a waiter then makes a new one
                self.path.unlink(missing_ok=True)
            _unlock(held.fd)
            os.close(held.fd)
            if _WINDOWS:  # (another ecdesk may have it open, taking it over)
                with contextlib.suppress(OSError):
                    self.path.unlink(missing_ok=True)

    def _lock_file(self) -> _Held | LockOwner:
        for _try in range(_SAME_FILE_TRIES):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as error:
                raise _unreachable(error, self.path) from error
            if not _try_lock(fd):
                os.close(fd)
                return _wait_for_owner(self.path)
            if _is_still_the_lock_file(fd, self.path):
                try:
                    _write_owner(fd, self.program)
                except OSError as error:
                    _unlock(fd)
                    os.close(fd)
                    raise _unreachable(error, self.path) from error
                return _Held(fd)
            _unlock(fd)  # the holder removed this file as we opened it: open the new one
            os.close(fd)
        raise ShopUnreachableError(unreachable_message("busy", self.path.name), "busy")


@contextmanager
def held_for(shop: Path, program: str) -> Iterator[ShopLock]:
    """Hold the shop's lock for a command that writes; ShopInUseError when it is open elsewhere.

    A shop in a read-only folder gets no lock: the command's writes fail there anyway and say so.
    """
    lock = ShopLock(shop, program)
    try:
        other = lock.acquire()
    except ShopUnreachableError as error:
        if error.reason != "read_only":
            raise
        yield lock
        return
    if other is not None:
        raise ShopInUseError(other)
    try:
        yield lock
    finally:
        lock.release()


def _unreachable(error: OSError, path: Path) -> ShopUnreachableError:
    reason = {errno.ENOSPC: "full", errno.EROFS: "read_only", errno.EACCES: "read_only",
              errno.EPERM: "read_only"}.get(error.errno or 0, "io")
    return ShopUnreachableError(unreachable_message(reason, path.name.removesuffix(".lock")),
                                reason)


def _write_owner(fd: int, program: str) -> None:
    text = json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "program": program,
                       "since": datetime.now(UTC).isoformat(timespec="seconds")})
    os.lseek(fd, 0, os.SEEK_SET)
    os.ftruncate(fd, 0)
    os.write(fd, text.encode("utf-8"))
    os.fsync(fd)


def _wait_for_owner(path: Path) -> LockOwner:
    """The holder's name; it writes it just after taking the lock, so wait a moment for it."""
    for _attempt in range(25):
        owner = _read_owner(path)
        if owner is not None:
            return owner
        time.sleep(0.02)
    return LockOwner(0, _("another computer or program"))


def _read_owner(path: Path) -> LockOwner | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        since = data.get("since")
        return LockOwner(int(data["pid"]), str(data["host"]), str(data.get("program", "ecdesk")),
                         datetime.fromisoformat(since) if since else None)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _is_still_the_lock_file(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


def windows_lock_calls(msvcrt: Any) -> tuple[Callable[[int], bool], Callable[[int], None]]:
    """`_try_lock` and `_unlock` over Windows' `msvcrt.locking` (passed in, so that the logic
    runs under a stand-in module on the other systems' CI): one byte far past the owner's text
    is locked, because Windows refuses others the reading of a locked range."""

    def try_lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    return try_lock, unlock


def posix_lock_calls(fcntl: Any) -> tuple[Callable[[int], bool], Callable[[int], None]]:
    """`_try_lock` and `_unlock` over `fcntl.flock` (macOS and Linux): the whole file."""

    def try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    return try_lock, unlock


# On Windows the lock file is opened read-write even to see who holds it (locking needs a
# writable handle), and it is removed only after its lock is dropped and it is closed (Windows
# refuses to remove an open file). Tests set it, with a stand-in msvcrt, to run that logic here.
_WINDOWS = os.name == "nt"
if _WINDOWS:
    import msvcrt

    _try_lock, _unlock = windows_lock_calls(msvcrt)
else:
    import fcntl

    _try_lock, _unlock = posix_lock_calls(fcntl)
