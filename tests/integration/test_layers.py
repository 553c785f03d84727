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


def violations(files: list[Path], forbidden: tuple[str, ...],
               sources: dict[Path, str] | None = None) -> list[str]:
    sources = sources or {}
    return _report([i for path in files for i in imports_of(path, sources.get(path))
                    if is_module(i.module, *forbidden)])


def in_views(path: Path) -> bool:
    return path.relative_to(PACKAGE).parts[0] == "views"


# --- the rules, as functions that a synthetic example can be fed to -------------------------

# Only the shell and the widgets are shared by every capability's views; the shell may import
# every capability (it builds the pages), the widgets none.
SHARED_VIEWS = ("shell", "widgets")
# What several capabilities share and no capability owns, and what each may lean on besides.
SHARED_SERVICES = {"services/common": ("common",),
                   "services/tabular_io": ("common", "tabular_io")}
SERVICES_NEVER_IMPORT = ("ecdesk.views", "ecdesk.cli", "ecdesk.app")


def _imports(files: list[Path], sources: dict[Path, str] | None) -> list[Import]:
    sources = sources or {}
    return [i for path in files for i in imports_of(path, sources.get(path))]


def _report(bad: list[Import]) -> list[str]:
    """One line per offending import statement (`from a import b` names both a and a.b)."""
    first: dict[tuple[str, int], str] = {}
    for i in bad:
        first.setdefault((i.file, i.line), i.module)
    return [f"{file}:{line} imports {module}" for (file, line), module in first.items()]


def _area(parts: tuple[str, ...] | list[str], layer: str) -> str | None:
    """The folder (or module) right below `layer` ("views", "services") that `parts` are in."""
    if len(parts) > 1 and parts[0] == layer:
        return Path(parts[1]).stem
    return None


def _module_area(module: str, layer: str) -> str | None:
    parts = module.split(".")
    return _area(parts[1:], layer) if parts[0] == "ecdesk" else None


def cross_view_imports(files: list[Path], sources: dict[Path, str] | None = None) -> list[str]:
    """Imports of one capability's views by another's, or by the shared widgets."""
    bad = []
    for i in _imports(files, sources):
        own = _area(Path(i.file).parts[1:], "views")
        if own is None or own == "shell" or Path(i.file).parts[2:3] == ("__init__.py",):
            continue
        target = _module_area(i.module, "views")
        if target is not None and target not in (own, *SHARED_VIEWS):
            bad.append(i)
    return _report(bad)


def shared_service_imports(files: list[Path], sources: dict[Path, str] | None = None
                           ) -> list[str]:
    """Imports of a capability's services by services/common or services/tabular_io."""
    bad = []
    for i in _imports(files, sources):
        own = _area(Path(i.file).parts[1:], "services")
        allowed = SHARED_SERVICES.get(f"services/{own}", ())
        target = _module_area(i.module, "services")
        if target is not None and target not in allowed:
            bad.append(i)
    return _report(bad)


def model_import_violations(files: list[Path], sources: dict[Path, str] | None = None
                            ) -> list[str]:
    """Model imports of anything but the standard library, sqlalchemy and ecdesk.money."""
    allowed_stdlib = set(sys.stdlib_module_names)
    bad = []
    for i in _imports(files, sources):
        top = i.module.split(".")[0]
        if top in allowed_stdlib or top == "sqlalchemy":
            continue
        if is_module(i.module, "ecdesk.money", "ecdesk.models"):
            continue
        if i.module == "ecdesk":  # `from ecdesk import money` resolves below
            continue
        bad.append(i)
    return _report(bad)


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


def test_a_view_importing_another_capabilitys_views_is_reported_but_shell_and_widgets_are_not(
        ) -> None:
    source = ("from ecdesk.views.catalog.import_pages import FilePage\n"
              "from ..catalog import labels\n"
              "from ecdesk.views.widgets.forms import stacked\n"
              "from ecdesk.views.shell.shop_context import ShopContext\n"
              "from ecdesk.views.orders import orders_model\n")
    orders = PACKAGE / "views" / "orders" / "example.py"
    shell = PACKAGE / "views" / "shell" / "example.py"
    assert cross_view_imports([orders, shell], {orders: source, shell: source}) == [
        "ecdesk/views/orders/example.py:1 imports ecdesk.views.catalog.import_pages",
        "ecdesk/views/orders/example.py:2 imports ecdesk.views.catalog"]


def test_a_widget_importing_a_capabilitys_views_is_reported() -> None:
    widget = PACKAGE / "views" / "widgets" / "example.py"
    source = ("from ecdesk.views.widgets.workers import Job\n"
              "def later():\n"
              "    from ecdesk.views.stock.inventory_page import InventoryPage\n")
    assert cross_view_imports([widget], {widget: source}) == [
        "ecdesk/views/widgets/example.py:3 imports ecdesk.views.stock.inventory_page"]


def test_a_shared_service_importing_a_capability_is_reported() -> None:
    common = PACKAGE / "services" / "common" / "example.py"
    tabular = PACKAGE / "services" / "tabular_io" / "example.py"
    source = ("from ecdesk.services.common.page import Page\n"
              "from ecdesk.services.tabular_io import values\n"
              "from ecdesk.services import settings\n"
              "from ecdesk.services.catalog.dto import VariantRow\n")
    assert shared_service_imports([common, tabular], {common: source, tabular: source}) == [
        "ecdesk/services/common/example.py:2 imports ecdesk.services.tabular_io",
        "ecdesk/services/common/example.py:3 imports ecdesk.services.settings",
        "ecdesk/services/common/example.py:4 imports ecdesk.services.catalog.dto",
        "ecdesk/services/tabular_io/example.py:3 imports ecdesk.services.settings",
        "ecdesk/services/tabular_io/example.py:4 imports ecdesk.services.catalog.dto"]


def test_a_service_importing_views_or_the_cli_is_reported() -> None:
    service = PACKAGE / "services" / "orders" / "example.py"
    source = ("from ecdesk.cli.parser import main\n"
              "def later():\n"
              "    import ecdesk.views.widgets.workers\n"
              "from ecdesk.services.common.page import Page\n")
    assert violations([service], SERVICES_NEVER_IMPORT, {service: source}) == [
        "ecdesk/services/orders/example.py:1 imports ecdesk.cli.parser",
        "ecdesk/services/orders/example.py:3 imports ecdesk.views.widgets.workers"]


def test_a_model_importing_more_than_stdlib_sqlalchemy_and_money_is_reported() -> None:
    model = PACKAGE / "models" / "example.py"
    source = ("import decimal\n"
              "from sqlalchemy.orm import Mapped\n"
              "from ecdesk import money\n"
              "from ecdesk.models.base import Base\n"
              "from ecdesk.services.common.page import Page\n"
              "import pandas\n")
    assert model_import_violations([model], {model: source}) == [
        "ecdesk/models/example.py:5 imports ecdesk.services.common.page",
        "ecdesk/models/example.py:6 imports pandas"]


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
    assert model_import_violations(source_files("models")) == []


def test_services_never_import_views_the_cli_or_the_app() -> None:
    assert violations(source_files("services"), SERVICES_NEVER_IMPORT) == []


def test_no_capabilitys_views_import_another_capabilitys_views() -> None:
    assert cross_view_imports(source_files("views")) == []


def test_shared_widgets_import_no_capabilitys_views() -> None:
    assert cross_view_imports(source_files("views/widgets")) == []


def test_the_shared_services_import_no_capability() -> None:
    assert shared_service_imports(source_files(*SHARED_SERVICES)) == []


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
