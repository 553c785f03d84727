"""PySide6 asks of every module imported after it whether it uses PySide6; ecdesk answers from
the file's bytes so that no module's source stays in memory (views/pyside_source_scan.py)."""

from __future__ import annotations

import importlib
import linecache
import sys
from pathlib import Path

import pytest

import ecdesk.views  # noqa: F401  (installs the scan)
from ecdesk.views.pyside_source_scan import FEATURE_MODULE, read_sources_without_keeping_them


@pytest.fixture
def module_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


def _import(directory: Path, name: str, source: str) -> None:
    (directory / f"{name}.py").write_text(source, encoding="utf-8")
    importlib.invalidate_caches()
    __import__(name)  # through builtins.__import__, where PySide6 listens (import_module is not)


def test_the_answer_is_pysides_and_no_source_is_kept(module_dir: Path) -> None:
    _import(module_dir, "uses_qt_probe", "from __future__ import annotations\n"
                                         "import PySide6.QtCore\n")
    _import(module_dir, "plain_probe", "from __future__ import annotations\nVALUE = 1\n")
    known = sys.modules[FEATURE_MODULE].pyside_feature_dict  # type: ignore[attr-defined]
    assert known["uses_qt_probe"] == 0  # uses PySide6: its feature switches apply
    assert known["plain_probe"] == -1  # ignored by PySide6's features
    kept = {Path(name).name for name in linecache.cache}
    assert not kept & {"uses_qt_probe.py", "plain_probe.py"}


def test_the_scan_is_installed_once() -> None:
    assert read_sources_without_keeping_them() is False  # ecdesk.views did it already
