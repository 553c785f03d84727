"""Composition root of the desktop app: decides which shop to open and hands over to the GUI."""

from __future__ import annotations

from pathlib import Path

from ecdesk.config import default_shop_path, demo_shop_path


def shop_to_open(db: Path | None, demo: bool, fresh: bool) -> Path:
    """The demo shop (generated on first use, or anew with `fresh`), `db`, or the user's shop."""
    if demo:
        from ecdesk.services.demo.shop import create_demo_shop

        path = demo_shop_path()
        if fresh or not path.exists():
            print(f"Creating the demo shop in {path} ...", flush=True)
            create_demo_shop(path, force=True)
        return path
    return Path(db) if db else default_shop_path()


def run_gui(db: Path | None = None, demo: bool = False, fresh: bool = False,
            startup_probe: bool = False, language: str | None = None) -> int:
    """`language` (from --lang) overrides the one chosen in Settings for this run."""
    from ecdesk.views.shell.launcher import launch

    return launch(shop_to_open(db, demo, fresh), startup_probe=startup_probe, language=language)
