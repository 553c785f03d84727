"""Two real ecdesk windows started at the same moment on the same shop: exactly one gets it for
writing; the other is told which program has it open and since when, and is offered to look
at it read-only (it then shows the read-only banner), or opens nothing when declined.

Each window is a process of its own running the real start (`launcher.launch`, offscreen),
waiting for a shared start moment so that both reach the lock together. A watcher in each
process prints what a person would see: the question asked (and answers it) and the window
once a shop is open in it. The lock itself is services/shop_file/shop_lock.py (an OS lock
taken in one step); a check-then-write lock let 2 starts in 10 both open read-write.
"""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.hostile.conditions import fingerprint

REPO_ROOT = Path(__file__).resolve().parents[2]
START_DELAY_S = 8.0  # both processes import Qt and the app before the common start moment
OUTCOME_TIMEOUT_S = 90.0
_WINDOW = r"""
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from ecdesk.views.shell.launcher import launch

shop, start_at, answer = Path(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
app = QApplication(sys.argv[:1])
said = set()

def say(text):
    if text not in said:
        said.add(text)
        print(text, flush=True)

def watch():
    modal = QApplication.activeModalWidget()
    if isinstance(modal, QMessageBox):
        say("asked: " + " ".join(modal.text().split()))
        for button in modal.buttons():
            role = modal.buttonRole(button)
            if (role == QMessageBox.ButtonRole.AcceptRole) == (answer == "read-only"):
                if role in (QMessageBox.ButtonRole.AcceptRole,
                            QMessageBox.ButtonRole.RejectRole):
                    button.click()
                    return
        return
    for widget in QApplication.topLevelWidgets():
        db = getattr(getattr(widget, "context", None), "db", None)
        if db is not None and widget.isVisible():
            say("opened " + ("read-only" if db.read_only else "read-write"))
            banner = getattr(widget, "read_only_banner", None)
            if banner is not None and banner.isVisible():
                say("banner: " + " ".join(banner.text().split()))

timer = QTimer(interval=20)
timer.timeout.connect(watch)
timer.start()
time.sleep(max(0.0, start_at - time.time()))
code = launch(shop)
print(f"exit {code}", flush=True)
sys.exit(code)
"""


@pytest.fixture
def shop(demo_shop_file: Path, tmp_path: Path) -> Path:
    """A copy of the small demo shop, not opened."""
    copy = tmp_path / "shop.ecdesk"
    shutil.copyfile(demo_shop_file, copy)
    return copy


class Window:
    """One ecdesk window process and the lines it prints, read on a thread."""

    def __init__(self, shop: Path, data_dir: Path, start_at: float, answer: str) -> None:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ECDESK_DATA_DIR": str(data_dir),
               "PYTHONIOENCODING": "utf-8", "LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"}
        self.process = subprocess.Popen(
            [sys.executable, "-c", _WINDOW, str(shop), str(start_at), answer], cwd=REPO_ROOT,
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            encoding="utf-8")
        self.lines: queue.SimpleQueue[str] = queue.SimpleQueue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, *endings: str, deadline: float) -> str | None:
        """The first line seen that starts with one of `endings`, or None at the deadline."""
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.process.poll() is not None and self.lines.empty():
                    return None
                continue
            self.seen.append(line)
            if line.startswith(endings):
                return line
        return None

    def stop(self) -> str:
        self.process.kill()
        _out, err = self.process.communicate(timeout=30)
        return err


@pytest.mark.parametrize("answer", ["read-only", "cancel"])
def test_two_windows_started_at_once_one_gets_the_shop_the_other_is_told_who_has_it(
        shop: Path, tmp_path: Path, answer: str) -> None:
    start_at = time.time() + START_DELAY_S
    windows = [Window(shop, tmp_path / f"app-data-{n}", start_at, answer)
               for n in range(2)]
    deadline = time.monotonic() + START_DELAY_S + OUTCOME_TIMEOUT_S
    try:
        firsts = [w.wait_for("opened", "asked", "exit", deadline=deadline) for w in windows]
        assert all(firsts), [w.seen for w in windows] + [w.stop() for w in windows]
        writers = [w for w, first in zip(windows, firsts, strict=True)
                   if first == "opened read-write"]
        assert len(writers) == 1, [w.seen for w in windows]
        [winner] = writers
        [loser] = [w for w in windows if w is not winner]
        [asked] = [first for first in firsts if first and first.startswith("asked")]
        assert f"This shop is open in ecdesk (window), process {winner.process.pid}" in asked
        assert ", since " in asked, "the question says since when"
        if answer == "read-only":
            assert loser.wait_for("opened", deadline=deadline) == "opened read-only"
            banner = loser.wait_for("banner", deadline=deadline)
            assert banner is not None and "open elsewhere" in banner, loser.seen
        else:
            assert loser.wait_for("opened", "exit", deadline=deadline) == "exit 0", loser.seen
            assert loser.process.wait(timeout=30) == 0
            assert not any(line.startswith("opened") for line in loser.seen)
        assert winner.process.poll() is None, "the window with the shop is still open"
    finally:
        errors = [w.stop() for w in windows]
    assert not any("Traceback" in err for err in errors), errors


def test_a_window_started_while_another_has_the_shop_leaves_the_shop_file_unchanged(
        shop: Path, tmp_path: Path) -> None:
    """Declining the read-only offer writes nothing to the shop: not even a migration, a
    daily backup's settings or a window's stamp."""
    from tests.lock_holder import lock_held_elsewhere

    before = fingerprint(shop)
    with lock_held_elsewhere(shop) as pid:
        window = Window(shop, tmp_path / "app-data", time.time(), "cancel")
        deadline = time.monotonic() + OUTCOME_TIMEOUT_S
        try:
            asked = window.wait_for("asked", "opened", deadline=deadline)
            assert asked is not None and f"process {pid}" in asked, window.seen
            assert window.wait_for("exit", "opened", deadline=deadline) == "exit 0"
        finally:
            window.stop()
    assert fingerprint(shop) == before
