"""installer/ecdesk.spec on each OS, without building: PyInstaller's build steps are stood in for.

The real build (tests/installer/test_frozen_bundle.py) only runs the Linux branch; this runs the
Windows and macOS branches too, so a mistake in them shows here rather than on those machines.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import pytest

from ecdesk import __version__

REPO_ROOT = Path(__file__).resolve().parents[2]
SPEC = REPO_ROOT / "installer" / "ecdesk.spec"


class Step:
    """Records what the spec hands to one of PyInstaller's build steps."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs


class FakeAnalysis(Step):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pure, self.scripts = [], []
        self.binaries = [(name, "/src", "BINARY") for name in COLLECTED_BINARIES]
        self.datas = [(name, "/src", "DATA") for name in COLLECTED_DATAS]


COLLECTED_BINARIES = [
    "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so", "PySide6/Qt/plugins/generic/libqtuiotouchplugin.so",
    "PySide6/Qt/lib/libQt6Network.so.6", "PySide6/Qt/lib/libQt6Widgets.so.6",
    "PySide6\\opengl32sw.dll", "PySide6\\plugins\\platforms\\qwindows.dll",
]
COLLECTED_DATAS = [
    "PySide6\\translations\\qtbase_zh_CN.qm", "PySide6\\translations\\qt_zh_CN.qm",
    "PySide6\\translations\\qt_help_zh_CN.qm", "PySide6/Qt/translations/qtdeclarative_de.qm",
    "matplotlib/mpl-data/sample_data/goog.npz", "matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf",
]
KEPT_BINARIES = ["PySide6/Qt/plugins/platforms/libqxcb.so",
                 "PySide6/Qt/plugins/platforms/libqoffscreen.so",
                 "PySide6/Qt/lib/libQt6Widgets.so.6", "PySide6\\plugins\\platforms\\qwindows.dll"]
KEPT_DATAS = ["PySide6\\translations\\qtbase_zh_CN.qm", "PySide6\\translations\\qt_zh_CN.qm",
              "matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf"]


@pytest.fixture(scope="module")
def run_spec() -> Any:
    """run_spec(platform): the spec's namespace after running it as on that platform."""
    from PyInstaller.utils import hooks

    collected = {name: hooks.collect_submodules(name) for name in ("ecdesk", "reportlab")}

    def run(platform: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
        monkeypatch.setattr(sys, "platform", platform)
        monkeypatch.setattr(hooks, "collect_submodules",  # once per module: it imports them
                            lambda name, filter=None: [m for m in collected[name]
                                                       if filter is None or filter(m)])
        versioninfo = types.ModuleType("versioninfo")  # needs pefile, on Windows only
        for name in ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable",
                     "StringStruct", "VarFileInfo", "VarStruct"):
            setattr(versioninfo, name, Step)
        monkeypatch.setitem(sys.modules, "PyInstaller.utils.win32.versioninfo", versioninfo)
        namespace = {"SPECPATH": str(SPEC.parent), "Analysis": FakeAnalysis, "PYZ": Step,
                     "EXE": Step, "COLLECT": Step, "BUNDLE": Step, "__file__": str(SPEC)}
        exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
        return namespace

    return run


def test_on_windows_the_app_has_no_console_a_twin_has_one_and_both_carry_icon_and_version(
        run_spec: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = run_spec("win32", monkeypatch)

    programs = {p.kwargs["name"]: p.kwargs for p in spec["programs"]}
    assert programs["ecdesk"]["console"] is False and programs["ecdesk-cli"]["console"] is True
    for program in programs.values():
        assert Path(program["icon"]) == REPO_ROOT / "resources" / "icons" / "ecdesk.ico"
        assert Path(program["icon"]).is_file()
        assert program["version"] is spec["VERSION_INFO"]
    strings = spec["VERSION_INFO"].kwargs["kids"][0].args[0][0].args[1]
    assert ("ProductVersion", __version__) in [s.args for s in strings]
    assert "app" not in spec  # no macOS bundle


def test_on_macos_the_app_bundle_has_its_icon_and_info_plist(
        run_spec: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = run_spec("darwin", monkeypatch)

    [program] = spec["programs"]
    assert program.kwargs["console"] is False and program.kwargs["icon"] is None
    app = spec["app"].kwargs
    assert app["name"] == "ecdesk.app" and Path(app["icon"]).name == "ecdesk.icns"
    assert Path(app["icon"]).is_file()
    assert app["info_plist"]["CFBundleShortVersionString"] == __version__
    assert app["info_plist"]["NSHighResolutionCapable"] is True


def test_the_bundle_gets_resources_and_migrations_as_source_and_their_imports(
        run_spec: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = run_spec("linux", monkeypatch)
    analysis = spec["a"]

    targets = {(Path(source).relative_to(REPO_ROOT).as_posix(), Path(target).as_posix())
               for source, target in analysis.kwargs["datas"]}
    assert ("ecdesk/migrations/env.py", "ecdesk/migrations") in targets
    assert ("ecdesk/migrations/script.py.mako", "ecdesk/migrations") in targets
    for version in (REPO_ROOT / "ecdesk/migrations/versions").glob("*.py"):
        assert (f"ecdesk/migrations/versions/{version.name}",
                "ecdesk/migrations/versions") in targets
    assert ("resources/icons/ecdesk.icns", "resources/icons") in targets
    assert not any("__pycache__" in source for source, _ in targets)

    hidden = set(analysis.kwargs["hiddenimports"])
    assert {"ecdesk.models", "alembic", "ecdesk.views.shell.main_window",
            "matplotlib.backends.backend_agg", "reportlab.platypus"} <= hidden
    assert not any(name.startswith("ecdesk.migrations") for name in hidden)


def test_files_ecdesk_never_loads_are_dropped_and_the_rest_kept(
        run_spec: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    analysis = run_spec("linux", monkeypatch)["a"]

    assert [name for name, _, _ in analysis.binaries] == KEPT_BINARIES
    assert [name for name, _, _ in analysis.datas] == KEPT_DATAS


def test_the_bundle_holds_the_subcommand_modules_the_command_line_imports_by_name(
        run_spec: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    hidden = set(run_spec("linux", monkeypatch)["a"].kwargs["hiddenimports"])
    subcommands = {f"ecdesk.cli.{path.stem}" for path in (REPO_ROOT / "ecdesk" / "cli").glob("*.py")
                   if path.stem != "__init__"}
    assert subcommands and subcommands <= hidden
