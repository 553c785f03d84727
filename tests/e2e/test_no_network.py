"""ecdesk never goes online: its main flows run with every way out through a socket blocked.

Python's socket layer is blocked and every attempt recorded; a flow that tries fails the test even
if it caught the error. Qt's own networking is C++ and would not pass through Python's sockets,
so the test also checks that Qt's network module is never loaded.
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ecdesk.cli import main as cli

SMALL_CSV = ("Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Status,Vendor\n"
             "tee,Tee,Size,S,NET-TEE-S,59.00,active,Muzi\n"
             "tee,,,M,NET-TEE-M,61.00,,\n"
             "mug,马克杯 Mug,,,NET-MUG,35.50,active,Qinghe\n")


@pytest.fixture
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every connect, send-to and name lookup fails, and is written down."""
    attempts: list[str] = []

    def refuse(name: str) -> Callable[..., Any]:
        def blocked(*args: object, **kwargs: object) -> Any:
            attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise OSError(f"ecdesk must not use the network ({name})")
        return blocked

    for method in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, method, refuse(f"socket.{method}"))
    for function in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, function, refuse(function))
    return attempts


def test_the_blocker_catches_a_connection_attempt(network_attempts: list[str]) -> None:
    with pytest.raises(OSError, match="must not use the network"):
        socket.create_connection(("example.com", 80), timeout=1)
    with pytest.raises(OSError), socket.socket() as sock:
        sock.connect(("127.0.0.1", 9))
    assert len(network_attempts) == 2


def test_the_main_flows_make_no_network_connection(
        network_attempts: list[str], qapp: Any, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    from ecdesk.views.shell.selftest_window import open_every_page

    qt_network_before = "PySide6.QtNetwork" in sys.modules
    shop, csv = tmp_path / "shop.ecdesk", tmp_path / "small.csv"
    csv.write_text(SMALL_CSV, encoding="utf-8")

    assert cli(["demo", "create", str(shop)]) == 0
    assert {"Listings", "Settings"} <= set(open_every_page(shop))
    assert cli(["import", "products", str(csv), "--db", str(shop)]) == 0
    assert cli(["export", "products", "--db", str(shop), "--out", str(tmp_path / "all.csv")]) == 0
    assert cli(["export", "products", "--db", str(shop), "--out", str(tmp_path / "all.xlsx"),
                "--format", "shopify"]) == 0
    assert cli(["backup", "--db", str(shop), "--to", str(tmp_path / "backups")]) == 0
    assert cli(["check", "--db", str(shop)]) == 0

    out = capsys.readouterr().out
    assert "Imported: 2 product(s) created" in out
    assert "NET-MUG" in (tmp_path / "all.csv").read_text(encoding="utf-8-sig")
    assert "integrity OK" in out
    assert network_attempts == []
    assert qt_network_before or "PySide6.QtNetwork" not in sys.modules
