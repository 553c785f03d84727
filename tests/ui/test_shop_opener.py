"""Opening a shop that is locked, read-only or damaged: a plain question and a way forward."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ecdesk.errors import CancelledError, DatabaseError
from ecdesk.services.settings import update_settings
from ecdesk.services.shop_file import backups
from ecdesk.services.shop_file.backups import back_up
from ecdesk.views.shell import shop_opener
from ecdesk.views.shell.shop_opener import open_shop
from ecdesk.views.widgets.locale_format import stamp
from ecdesk.views.widgets.operations import ProgressDialog
from tests.lock_holder import lock_held_elsewhere
from tests.ui.background_writes import spy_on


@pytest.fixture
def other_ecdesk(demo_copy: Path) -> Iterator[int]:
    """Another running process that holds the demo shop's lock."""
    with lock_held_elsewhere(demo_copy) as pid:
        yield pid


def _answer(monkeypatch: pytest.MonkeyPatch, yes: bool) -> list[str]:
    asked: list[str] = []

    def ask(_parent: object, text: str, _label: str) -> bool:
        asked.append(text)
        return yes
    monkeypatch.setattr(shop_opener, "_ask", ask)
    return asked


def test_a_shop_open_elsewhere_can_be_opened_read_only(qapp: object, demo_copy: Path,
                                                       other_ecdesk: int,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _answer(monkeypatch, yes=True)
    opened = open_shop(demo_copy, None)
    assert opened.db is not None and opened.db.read_only and opened.lock is None
    assert f"process {other_ecdesk}" in asked[0]
    assert "ecdesk (window)" in asked[0], "the program that has it open is named"
    try:
        with pytest.raises(DatabaseError, match="read-only: nothing was saved"):
            update_settings(opened.db.uow(), shop_name="X", currency="CNY", timezone="UTC",
                            min_margin="0.1")
    finally:
        opened.db.close()


def test_declining_to_open_a_shop_open_elsewhere_opens_nothing(
        qapp: object, demo_copy: Path, other_ecdesk: int,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _answer(monkeypatch, yes=False)
    opened = open_shop(demo_copy, None)
    assert opened.db is None and opened.cancelled


def test_a_read_only_file_opens_for_viewing_with_a_word_of_why(
        qapp: object, demo_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    told: list[str] = []
    monkeypatch.setattr(shop_opener, "writable", lambda _p: False)  # root ignores chmod
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    opened = open_shop(demo_copy, None)
    assert opened.db is not None and opened.db.read_only
    opened.db.close()
    assert "read-only" in told[0]


def test_a_damaged_shop_is_replaced_by_the_newest_good_backup_and_kept_aside(
        qapp: object, demo_copy: Path, monkeypatch: pytest.MonkeyPatch,
        computer_in: Callable[[str], None]) -> None:
    computer_in("Europe/Berlin")  # the demo shop keeps Shanghai time
    backup = back_up(demo_copy, "daily")
    data = bytearray(demo_copy.read_bytes())
    data[:100] = b"\x00" * 100  # the header is gone: not a database any more
    demo_copy.write_bytes(bytes(data))
    asked = _answer(monkeypatch, yes=True)
    opened = open_shop(demo_copy, None)
    assert opened.db is not None and not opened.db.read_only
    assert "Restore the newest good backup" in asked[0]
    taken = stamp(backup.created_at, ZoneInfo("Asia/Shanghai"))
    assert f"taken {taken} shop time?" in asked[0], "when it was taken, on the shop's clock"
    assert list(demo_copy.parent.glob("demo-copy.damaged-*.ecdesk"))
    opened.db.close()
    assert opened.lock is not None
    opened.lock.release()


def test_a_damaged_shop_without_a_backup_is_explained_and_left_alone(
        qapp: object, demo_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    demo_copy.write_bytes(b"garbage" * 100)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    opened = open_shop(demo_copy, None)
    assert opened.db is None and not opened.cancelled
    assert "not an ecdesk shop file" in shown[0]
    assert demo_copy.read_bytes() == b"garbage" * 100
    assert not demo_copy.with_name(demo_copy.name + ".lock").exists()
    shutil.rmtree(tmp_path / "backups", ignore_errors=True)


def test_the_newest_good_backup_is_found_off_the_gui_thread_and_then_offered(
        qapp: object, demo_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    older = back_up(demo_copy, "manual")  # (rotation keeps one daily backup a day)
    newer = back_up(demo_copy, "daily")
    newer.path.write_bytes(b"a damaged backup" * 100)  # the search must pass over it
    demo_copy.write_bytes(b"garbage" * 100)
    checking = spy_on(monkeypatch, backups, "integrity_problems")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    asked: list[str] = []
    ran_before_the_question: list[int] = []

    def decline(_parent: object, text: str, _label: str) -> bool:
        ran_before_the_question.append(len(checking.results))
        asked.append(text)
        return False
    monkeypatch.setattr(shop_opener, "_ask", decline)
    opened = open_shop(demo_copy, None)
    assert shown == [] and opened.db is None and opened.cancelled
    # (both backups are taken in the same second: which is checked first is not fixed)
    assert checking.on_gui_thread in ([False], [False, False]), "checked on a worker"
    assert checking.results[-1] == [], "the search ends at the good backup"
    assert ran_before_the_question == [len(checking.results)], "the question follows the checks"
    assert "Restore the newest good backup" in asked[0]
    assert f"taken {stamp(older.created_at, ZoneInfo('Asia/Shanghai'))}" in asked[0]
    assert demo_copy.read_bytes() == b"garbage" * 100


def test_cancelling_the_search_for_a_good_backup_explains_the_damage_and_changes_nothing(
        qapp: object, demo_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    back_up(demo_copy, "daily")
    demo_copy.write_bytes(b"garbage" * 100)

    def endless_check(_path: Path, *, progress: Callable[[int, int], bool] | None = None,
                      **_options: object) -> list[str]:
        while progress is not None and progress(0, 0):
            time.sleep(0.01)
        raise CancelledError("stopped")

    def press_cancel() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ProgressDialog)]
        if not dialogs:
            QTimer.singleShot(50, press_cancel)
            return
        dialogs[0].reject()

    monkeypatch.setattr(backups, "integrity_problems", endless_check)
    asked = _answer(monkeypatch, yes=True)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    QTimer.singleShot(50, press_cancel)
    opened = open_shop(demo_copy, None)
    assert opened.db is None and asked == []
    assert "not an ecdesk shop file" in shown[0], "the damage is still explained"
    assert demo_copy.read_bytes() == b"garbage" * 100
