"""One ecdesk at a time per shop file: a lock file beside it names the process that has it open.

SQLite itself would let two programs write the same file, but two windows showing the same shop
would each show stale data and overwrite the other's edits. The lock is advisory: a lock left by
a process that no longer runs (a crash, a power cut) is taken over silently.
"""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class LockOwner:
    pid: int
    host: str


class ShopLock:
    def __init__(self, shop: Path) -> None:
        self.path = shop.with_name(shop.name + ".lock")
        self.held = False

    def owner(self) -> LockOwner | None:
        """Who holds the shop now; None when nobody (or only a dead process) does."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            owner = LockOwner(int(data["pid"]), str(data["host"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if owner.host == socket.gethostname() and not _running(owner.pid):
            return None  # left behind by a crash
        if owner.pid == os.getpid() and owner.host == socket.gethostname():
            return None
        return owner

    def acquire(self) -> LockOwner | None:
        """Take the lock; return the other owner instead when someone else holds it."""
        other = self.owner()
        if other is not None:
            return other
        self.path.write_text(json.dumps({"pid": os.getpid(), "host": socket.gethostname()}),
                             encoding="utf-8")
        self.held = True
        return None

    def release(self) -> None:
        if self.held:
            self.path.unlink(missing_ok=True)
            self.held = False


def _running(pid: int) -> bool:
    if os.name == "nt":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if handle:
            ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return bool(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
