"""Where ecdesk keeps things on each OS, and where its own resources live. No Qt here."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "ecdesk"
SHOP_FILE = "shop.ecdesk"
DEMO_FILE = "demo-shop.ecdesk"


def data_dir() -> Path:
    """The per-user application data folder (created when needed).

    Windows: %APPDATA%\\ecdesk; macOS: ~/Library/Application Support/ecdesk;
    Linux: $XDG_DATA_HOME/ecdesk or ~/.local/share/ecdesk. ECDESK_DATA_DIR overrides all three
    (tests and portable installs use it).
    """
    override = os.environ.get("ECDESK_DATA_DIR")
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME


def default_shop_path() -> Path:
    """The user's shop file; its folder (ecdesk's own) is created when missing."""
    return _own_folder() / SHOP_FILE


def demo_shop_path() -> Path:
    return _own_folder() / DEMO_FILE


def _own_folder() -> Path:
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def is_frozen() -> bool:
    """True in the installed app (a PyInstaller bundle), False when run from the source."""
    return bool(getattr(sys, "frozen", False))


def resource_path(*parts: str) -> Path:
    """A file under resources/, the same from a source checkout, an installed wheel and a
    frozen bundle.

    In a checkout, resources/ sits beside the package (the project's layout); a wheel carries
    it as the data package ecdesk/resources (pyproject.toml maps the folder there). PyInstaller
    puts the bundle's files under sys._MEIPASS (the `_internal` folder beside the executable;
    inside a macOS .app, Contents/Frameworks, which links to Contents/Resources), and
    installer/ecdesk.spec copies resources/ there as it is, so the relative paths are the same.
    """
    bundle = getattr(sys, "_MEIPASS", None) if is_frozen() else None
    if bundle:
        return Path(bundle).joinpath("resources", *parts)
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    root = installed if installed.is_dir() else package.parent / "resources"
    return root.joinpath(*parts)


def settle_bundle_environment() -> None:
    """In the installed app, give matplotlib a lasting settings and font-cache folder.

    PyInstaller's matplotlib hook points MPLCONFIGDIR at a new temporary folder at every start,
    so the first chart or report of each run would rebuild the font cache (about 1.5 s). Must run
    before matplotlib is imported. From the source, matplotlib's own default is kept.
    """
    if is_frozen():
        os.environ["MPLCONFIGDIR"] = str(data_dir() / "matplotlib")
