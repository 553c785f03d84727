"""Files and folders ecdesk makes for the shop owner alone (0600 / 0700 on macOS and Linux).

The shop, its backups, the log, the window settings and exported files hold the shop's
customers, prices and costs. Under a permissive umask (0000 on some shared machines) they were
created readable and writable by everyone. Windows keeps a user's files private through the
profile folder's access list, which these calls leave alone.
"""

from __future__ import annotations

import os
from pathlib import Path

OWNER_FILE, OWNER_FOLDER = 0o600, 0o700


def owner_only(path: Path) -> Path:
    """Make the file (or folder) at `path` readable and writable by its owner alone."""
    if os.name != "nt" and path.exists():
        os.chmod(path, OWNER_FOLDER if path.is_dir() else OWNER_FILE)
    return path


def private_folder(folder: Path) -> Path:
    """Make `folder` (owner only when ecdesk makes it) and return it."""
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        owner_only(folder)
    return folder


def private_file(path: Path) -> Path:
    """Make `path` exist for its owner alone before another writer opens it (which keeps the
    mode of a file that exists)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, OWNER_FILE))
    return owner_only(path)
