"""Fixtures of the hostile-conditions suite: a demo shop on a small disk of its own."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile.conditions import small_disk


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    """An empty 40 MiB disk (a tmpfs of its own), unmounted after the test."""
    with small_disk(tmp_path / "disk") as folder:
        yield folder


@pytest.fixture
def shop_on_disk(disk: Path, demo_shop_file: Path) -> Path:
    """A copy of the small demo shop (8 MiB) on the small disk, not opened."""
    shop = disk / "shop.ecdesk"
    shutil.copyfile(demo_shop_file, shop)
    return shop
