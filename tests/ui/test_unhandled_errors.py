"""An error nobody caught: written to the log with its traceback, told in plain words, app on."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from ecdesk.log_file import set_up_logging
from ecdesk.views.shell import launcher


def test_an_unhandled_error_is_logged_with_its_traceback_and_shown_in_plain_words(
        qapp: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(launcher, "log", logging.getLogger("ecdesk.test-unhandled"))
    launcher.log.handlers.clear()
    set_up_logging(launcher.log)
    try:
        raise ZeroDivisionError("division by zero in a slot")
    except ZeroDivisionError:
        launcher._show_unhandled(*sys.exc_info())
    for handler in launcher.log.handlers:
        handler.flush()
    logged = (data_dir / "ecdesk.log").read_text(encoding="utf-8")
    assert (data_dir / "ecdesk.log").stat().st_mode & 0o777 == 0o600, "for the owner alone"
    assert "Traceback (most recent call last)" in logged
    assert "ZeroDivisionError: division by zero in a slot" in logged
    assert shown == [f"Something went wrong: division by zero in a slot\n\nNothing you saved "
                     f"before is lost. The details are in {data_dir / 'ecdesk.log'}."]
    for handler in list(launcher.log.handlers):
        handler.close()
        launcher.log.removeHandler(handler)


def test_the_crash_dialog_reads_in_chinese(qapp: Any, data_dir: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from ecdesk.i18n import CHINESE, ENGLISH
    from ecdesk.views.shell.languages import install_language

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(launcher, "log", logging.getLogger("ecdesk.test-unhandled-zh"))
    install_language(qapp, CHINESE)
    try:
        try:
            raise ZeroDivisionError("division by zero")
        except ZeroDivisionError:
            launcher._show_unhandled(*sys.exc_info())
    finally:
        install_language(qapp, ENGLISH)
    assert shown == [f"出错了：division by zero\n\n之前保存的内容都不会丢失。详细信息在 "
                     f"{data_dir / 'ecdesk.log'}。"]
