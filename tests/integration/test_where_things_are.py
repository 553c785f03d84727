"""The folder tree, the README's "Where things are" and the page registry name the same
capabilities, so that a new capability is added to all three or the test says which it missed."""

from __future__ import annotations

import re
from pathlib import Path

from ecdesk.views.shell.pages import PAGES

REPO_ROOT = Path(__file__).resolve().parents[2]
VIEWS = REPO_ROOT / "ecdesk" / "views"
SERVICES = REPO_ROOT / "ecdesk" / "services"
SHARED_VIEWS = {"shell", "widgets"}  # not capabilities: the shell and what every page may use


def view_folders() -> set[str]:
    return {p.name for p in VIEWS.iterdir()
            if p.is_dir() and (p / "__init__.py").exists()} - SHARED_VIEWS


def registry_capabilities() -> set[str]:
    # ecdesk.views.<capability>.<module>
    return {spec.module.split(".")[2] for spec in PAGES}


def readme_capabilities() -> set[str]:
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Where things are", 1)[1].split("\n## ", 1)[0]
    first_table = section.split("\n\n| ", 1)[1].split("\n\n", 1)[0]
    rows = [line for line in ("| " + first_table).splitlines()[2:] if line.startswith("|")]
    return {re.split(r"\s*\|\s*", row)[1] for row in rows}


def test_every_page_lives_in_a_capability_folder_and_every_folder_has_a_page() -> None:
    assert registry_capabilities() == view_folders()


def test_the_readme_names_the_capabilities_the_folders_have() -> None:
    assert readme_capabilities() == view_folders()


def test_every_capability_has_its_services() -> None:
    missing = [c for c in view_folders()
               if not (SERVICES / c).is_dir() and not (SERVICES / f"{c}.py").is_file()]
    assert missing == []


def test_the_pages_of_a_capability_are_modules_of_its_folder() -> None:
    for spec in PAGES:
        capability, module = spec.module.split(".")[2:4]
        assert (VIEWS / capability / f"{module}.py").is_file(), spec.module
