"""What only SQLite has stays in the shop-file home (issue #12, "Ready for a second database").

FTS5 search, PRAGMAs and the online backup API are spelled only in ecdesk/services/shop_file/
(`sqlite_only.py` names them for the services), in ecdesk/db.py (connection settings, the one
backup primitive), in the models (trigger and index SQL) and in the migrations. Everywhere else
calls the named functions, so that a second database is one more implementation of them rather
than a search through every service. Checked on the source: string literals (not docstrings or
comments) and calls of `.backup(`.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
PACKAGE = REPO_ROOT / "ecdesk"
HOMES = ("services/shop_file/", "db.py", "models/", "migrations/")
SPELLINGS = {
    "PRAGMA": re.compile(r"\bPRAGMA\b", re.IGNORECASE),
    "MATCH": re.compile(r"\bMATCH\b"),  # the SQL operator; "match" in a message is English
    "fts5": re.compile(r"fts5", re.IGNORECASE),
}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def sqlite_spellings(source: str, name: str = "<source>") -> list[str]:
    """`line: what` for each SQLite-only spelling in the code of `source`."""
    tree = ast.parse(source, filename=name)
    docstrings = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and id(node) not in docstrings):
            found += [f"{node.lineno}: {what}" for what, pattern in SPELLINGS.items()
                      if pattern.search(node.value)]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "backup"):
            found.append(f"{node.lineno}: .backup(")
    return sorted(found, key=lambda item: int(item.split(":")[0]))


def outside_the_homes() -> list[Path]:
    return [path for path in sorted(PACKAGE.rglob("*.py"))
            if not path.relative_to(PACKAGE).as_posix().startswith(HOMES)]


def test_the_check_finds_each_spelling_in_code_but_not_in_docstrings_or_english() -> None:
    source = (
        '"""Uses FTS5 and PRAGMA, says the docstring."""\n'
        "def f(conn, src, dst, col, word):\n"
        '    """A MATCH in a docstring is prose."""\n'
        '    conn.execute("pragma foreign_keys=ON")\n'
        '    col.op("MATCH")(word)\n'
        "    conn.execute(f\"CREATE VIRTUAL TABLE t USING fts5({word})\")\n"
        "    src.backup(dst)\n"
        '    return "the totals match their lines"\n'
    )
    assert sqlite_spellings(source) == ["4: PRAGMA", "5: MATCH", "6: fts5", "7: .backup("]


def test_the_check_reads_the_services_and_leaves_the_homes_out() -> None:
    names = {path.relative_to(PACKAGE).as_posix() for path in outside_the_homes()}
    assert {"services/catalog/queries.py", "services/orders/search.py",
            "services/catalog/first_rows.py", "schema_version.py"} <= names
    assert not any(name.startswith(HOMES) for name in names)
    assert (PACKAGE / "services/shop_file/sqlite_only.py").is_file()


def test_sqlite_only_spellings_stay_in_the_shop_file_home() -> None:
    found = [f"{path.relative_to(REPO_ROOT).as_posix()}:{spelling}"
             for path in outside_the_homes()
             for spelling in sqlite_spellings(path.read_text(encoding="utf-8"), str(path))]
    assert found == [], ("SQLite-only spellings outside the shop-file home: call a function of "
                         "ecdesk.services.shop_file.sqlite_only instead")
