"""ecdesk.log in the data folder: what went wrong, in detail, for the window and the commands.

The folder and the log are made for the owner alone (0700 / 0600), like the shop and its
backups: a log holds file names and error text from the shop.
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from ecdesk.config import data_dir

log = logging.getLogger("ecdesk")
LOG_NAME = "ecdesk.log"


def log_path() -> Path:
    return data_dir() / LOG_NAME


def private_folder(folder: Path) -> Path:
    """Make `folder` (owner only, when ecdesk makes it) and return it."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def private_file(path: Path) -> Path:
    """Make `path` exist for its owner alone (0600) before another writer opens it."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
    if os.name != "nt":
        os.chmod(path, 0o600)
    return path


def set_up_logging(logger: logging.Logger = log) -> None:
    """Send the "ecdesk" logger to ecdesk.log (once per process)."""
    if logger.handlers:
        return
    path = private_file(private_folder(data_dir()) / LOG_NAME)
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
