"""ecdesk.log in the data folder: what went wrong, in detail, for the window and the commands.

The folder and the log are made for the owner alone (0700 / 0600), like the shop and its
backups: a log holds file names and error text from the shop.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from ecdesk.config import data_dir
from ecdesk.private_files import private_file, private_folder

log = logging.getLogger("ecdesk")
LOG_NAME = "ecdesk.log"


def log_path() -> Path:
    return data_dir() / LOG_NAME


def set_up_logging(logger: logging.Logger = log) -> None:
    """Send the "ecdesk" logger to ecdesk.log (once per process)."""
    if logger.handlers:
        return
    path = private_file(private_folder(data_dir()) / LOG_NAME)
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
