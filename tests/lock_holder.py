"""Another ecdesk holding a shop's lock: a child process that takes it and waits to be killed."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
_HOLD = """
import sys, time
from pathlib import Path
from ecdesk.services.shop_file.shop_lock import ShopLock
lock = ShopLock(Path(sys.argv[1]), sys.argv[2])
print("held" if lock.acquire() is None else "refused", flush=True)
time.sleep(120)
"""


@contextlib.contextmanager
def lock_held_elsewhere(shop: Path, program: str = "ecdesk (window)") -> Iterator[int]:
    """Yield the pid of a running process that holds `shop`'s lock; it is killed afterwards
    (killed, not closed: the operating system must drop its lock as after a crash)."""
    child = subprocess.Popen([sys.executable, "-c", _HOLD, str(shop), program], cwd=REPO_ROOT,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        yield child.pid
    finally:
        child.kill()
        child.wait()
