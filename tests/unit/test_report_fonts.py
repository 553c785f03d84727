"""The report font ships in resources/fonts with its licence; a bundle has it too."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ecdesk.errors import EcdeskError
from ecdesk.services.reports import fonts

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_the_font_and_its_apache_licence_ship_in_resources() -> None:
    path = fonts.font_path()
    assert path == REPO_ROOT / "resources" / "fonts" / "wqy-microhei.ttc"
    assert 4_000_000 < path.stat().st_size < 6_000_000
    licence = (path.parent / "LICENSE-wqy-microhei.txt").read_text(encoding="utf-8")
    assert "Apache License" in licence and "Version 2.0" in licence


def test_inside_a_bundle_the_font_is_looked_for_in_the_bundle(monkeypatch: pytest.MonkeyPatch,
                                                              tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    with pytest.raises(EcdeskError, match=str(tmp_path / "resources" / "fonts")):
        fonts.font_path()  # a bundle that lost the font says so, in words


def test_the_font_has_glyphs_for_chinese_and_latin_text() -> None:
    from reportlab.pdfbase.pdfmetrics import getFont

    face = getFont(fonts.pdf_font()).face
    assert all(ord(char) in face.charWidths for char in "演示小店 Demo Shop 服装 ¥€…")
