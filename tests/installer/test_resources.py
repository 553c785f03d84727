"""Resources resolve the same from the source and from a bundle; the app icon is complete."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from ecdesk import config
from ecdesk.config import resource_path, settle_bundle_environment

REPO_ROOT = Path(__file__).resolve().parents[2]
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)


def test_resources_resolve_to_the_source_tree_when_not_frozen(monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", "/somewhere/else", raising=False)  # not ours: ignored
    assert resource_path("icons", "ecdesk.ico") == REPO_ROOT / "resources" / "icons" / "ecdesk.ico"
    assert resource_path("icons", "ecdesk.ico").is_file()


def test_resources_resolve_inside_the_bundle_when_frozen(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert config.is_frozen()
    assert resource_path("icons", "ecdesk-16.png") == (
        tmp_path / "_internal" / "resources" / "icons" / "ecdesk-16.png")


def test_the_frozen_app_keeps_matplotlibs_font_cache_in_its_data_folder(
        monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    monkeypatch.setenv("MPLCONFIGDIR", "/tmp/a-fresh-folder-every-run")  # PyInstaller's hook
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    settle_bundle_environment()
    assert Path(os.environ["MPLCONFIGDIR"]) == data_dir / "matplotlib"


def test_from_the_source_matplotlib_keeps_its_own_settings_folder(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.delenv("MPLCONFIGDIR", raising=False)
    settle_bundle_environment()
    assert "MPLCONFIGDIR" not in os.environ


def test_the_icon_comes_in_every_size_windows_and_macos_ask_for() -> None:
    for size in PNG_SIZES:
        with Image.open(resource_path("icons", f"ecdesk-{size}.png")) as png:
            assert png.size == (size, size) and png.mode == "RGBA"
            assert png.getpixel((0, 0))[3] == 0  # transparent corners: a rounded square
    with Image.open(resource_path("icons", "ecdesk.ico")) as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(resource_path("icons", "ecdesk.icns")) as icns:
        assert icns.size == (1024, 1024)  # the largest; the smaller ones are in the file too


def test_the_app_icon_offers_every_drawn_size(qapp: Any) -> None:
    from ecdesk.views.shell.app_icon import app_icon

    icon = app_icon()
    assert not icon.isNull()
    assert sorted(s.width() for s in icon.availableSizes()) == list(PNG_SIZES)
