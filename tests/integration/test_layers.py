"""The dependency rules of DESIGN.md ("Layout"), checked on the source so that CI says when one
breaks: views -> services -> models, Qt only in views, no SQL in views, heavy libraries lazily."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
PACKAGE = REPO_ROOT / "ecdesk"

# The composition root builds the main window, so it may reach Qt (DESIGN.md: "app.py ... builds
# the main window"); every other module outside ecdesk/views must stay Qt-free.
QT_ALLOWED_OUTSIDE_VIEWS = {"ecdesk/app.py"}
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "matplotlib.backends.backend_qt",
              "matplotlib.backends.backend_qtagg")


@dataclass(frozen=True)
class Import:
    file: str  # relative to the repo, with forward slashes
    line: int
    module: str  # absolute dotted name


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO_ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, source: str | None = None) -> list[Import]:
    """Every import in a file, at any depth (inside functions too), relative ones resolved."""
    text = path.read_text(encoding="utf-8") if source is None else source
    tree = ast.parse(text, filename=str(path))
    rel = path.relative_to(REPO_ROOT).as_posix()
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [Import(rel, node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            if prefix == "__future__":
                continue
            found.append(Import(rel, node.lineno, prefix))
            # `from ecdesk import views` imports the submodule ecdesk.views
            found += [Import(rel, node.lineno, f"{prefix}.{alias.name}") for alias in node.names
                      if alias.name != "*"]
    return found


def source_files(*folders: str) -> list[Path]:
    roots = [PACKAGE.joinpath(*f.split("/")) for f in folders] if folders else [PACKAGE]
    files = []
    for root in roots:
        files += [root] if root.is_file() else sorted(root.rglob("*.py"))
    return [f for f in files if "migrations" not in f.relative_to(PACKAGE).parts]


def is_module(name: str, *prefixes: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def violations(files: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    return [f"{i.file}:{i.line} imports {i.module}"
            for path in files for i in imports_of(path) if is_module(i.module, *forbidden)]


def in_views(path: Path) -> bool:
    return path.relative_to(PACKAGE).parts[0] == "views"


# --- the checker itself ------------------------------------------------------------------------


def test_the_import_checker_sees_imports_at_any_depth_and_resolves_relative_ones() -> None:
    source = (
        "from __future__ import annotations\n"
        "import os, PySide6.QtWidgets as w\n"
        "from . import dto\n"
        "from ..models import Product\n"
        "def later():\n"
        "    from matplotlib import pyplot\n"
        "    import sqlalchemy.orm\n"
    )
    fake = PACKAGE / "services" / "catalog" / "example.py"
    names = {i.module for i in imports_of(fake, source)}
    assert {"os", "PySide6.QtWidgets", "ecdesk.services.catalog",
            "ecdesk.services.catalog.dto", "ecdesk.services.models",
            "ecdesk.services.models.Product", "matplotlib", "matplotlib.pyplot",
            "sqlalchemy.orm"} == names
    assert is_module("matplotlib.pyplot", "matplotlib.pyplot")
    assert not is_module("PySide6x", "PySide6")


def test_the_checks_look_at_the_real_source() -> None:
    names = {f.relative_to(PACKAGE).as_posix() for f in source_files()}
    assert {"money.py", "db.py", "cli/parser.py", "models/catalog.py",
            "services/catalog/queries.py", "services/demo/shop.py"} <= names
    assert not any(name.startswith("migrations/") for name in names)


# --- the rules ---------------------------------------------------------------------------------


def test_nothing_outside_views_imports_qt() -> None:
    outside = [f for f in source_files() if not in_views(f)
               and f.relative_to(REPO_ROOT).as_posix() not in QT_ALLOWED_OUTSIDE_VIEWS]
    assert violations(outside, QT_MODULES) == []


def test_the_composition_root_reaches_qt_only_inside_functions() -> None:
    app = PACKAGE / "app.py"
    if not app.exists():
        pytest.skip("ecdesk/app.py does not exist")
    tree = ast.parse(app.read_text(encoding="utf-8"))
    top_level = [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
    names = [alias.name if isinstance(node, ast.Import) else (node.module or "")
             for node in top_level for alias in node.names]
    assert [n for n in names if is_module(n, *QT_MODULES, "ecdesk.views")] == []


def test_nothing_in_ecdesk_imports_pyplot() -> None:
    # DESIGN.md: "never `pyplot` in the app" (it is slow to import and picks a GUI backend);
    # charts use matplotlib.figure.Figure.
    assert violations(source_files(), ("matplotlib.pyplot", "pylab")) == []


def test_models_import_only_the_standard_library_sqlalchemy_and_money() -> None:
    allowed_stdlib = set(sys.stdlib_module_names)
    bad = []
    for path in source_files("models"):
        for i in imports_of(path):
            top = i.module.split(".")[0]
            if top in allowed_stdlib or top == "sqlalchemy":
                continue
            if is_module(i.module, "ecdesk.money", "ecdesk.models"):
                continue
            if i.module == "ecdesk":  # `from ecdesk import money` resolves below
                continue
            bad.append(f"{i.file}:{i.line} imports {i.module}")
    assert bad == []


def test_services_never_import_views_or_the_app() -> None:
    assert violations(source_files("services"), ("ecdesk.views", "ecdesk.app")) == []


def test_models_never_import_services_views_or_the_database_layer() -> None:
    assert violations(source_files("models"),
                      ("ecdesk.services", "ecdesk.views", "ecdesk.db", "ecdesk.app")) == []


def test_views_never_import_sqlalchemy() -> None:
    views = source_files("views") if (PACKAGE / "views").exists() else []
    assert violations(views, ("sqlalchemy", "sqlite3", "ecdesk.models")) == []


# --- heavy libraries stay lazy -----------------------------------------------------------------

HEAVY = ("pandas", "matplotlib", "reportlab", "PySide6", "openpyxl")

PROBE = """
import importlib, json, sys
heavy = {heavy!r}
report, failed = {{}}, {{}}
for name in {modules!r}:
    try:
        importlib.import_module(name)
    except Exception as error:  # a module being written elsewhere: not this test's business
        failed[name] = repr(error)
    loaded = sorted(h for h in heavy if h in sys.modules)
    if loaded:
        report[name] = loaded
        for h in loaded:
            for key in [k for k in sys.modules if k == h or k.startswith(h + ".")]:
                del sys.modules[key]
print(json.dumps({{"heavy": report, "failed": failed}}))
"""


def heavy_imports(modules: list[str]) -> dict[str, list[str]]:
    """Import `modules` one by one in a fresh interpreter; name the heavy libraries each loads.

    Modules that fail to import are left out (other tests report broken modules)."""
    result = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY, modules=modules)],
                            cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    return report["heavy"]


@pytest.fixture(scope="module")
def heavy_report() -> dict[str, list[str]]:
    """One fresh interpreter imports the entry modules first, then every model and service
    module, then (as a check that the probe works) a Qt module."""
    first = ["ecdesk.cli", "ecdesk.db", "ecdesk.services.catalog.queries"]
    others = [module_name(path) for path in source_files("models", "services")]
    assert "ecdesk.services.demo.shop" in others
    return heavy_imports([*first, *others, "PySide6.QtCore"])


def test_the_heavy_import_probe_names_the_module_that_loaded_a_heavy_library(
        heavy_report: dict[str, list[str]]) -> None:
    assert heavy_report.get("PySide6.QtCore") == ["PySide6"]


def test_the_cli_database_and_catalog_queries_import_no_heavy_library(
        heavy_report: dict[str, list[str]]) -> None:
    for module in ("ecdesk.cli", "ecdesk.db", "ecdesk.services.catalog.queries"):
        assert module not in heavy_report


def test_no_model_or_service_module_imports_a_heavy_library_when_it_is_imported(
        heavy_report: dict[str, list[str]]) -> None:
    assert {name: libs for name, libs in heavy_report.items() if name != "PySide6.QtCore"} == {}
