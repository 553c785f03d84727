"""What an SQLite error says about the shop file: damaged contents, or a disk that failed.

The one home of that decision. A full disk, a read-only stick, a removed drive or a busy file
raise errors that look alike as text ("disk I/O error" on a full disk when SQLite cannot grow
its shared-memory file); read as damage, a healthy shop was once offered a restore that moved it
aside. SQLite's own result code decides instead (Python 3.11 gives it as `sqlite_errorcode`).
Standard library only: `schema_version` reads files with sqlite3 before SQLAlchemy is imported.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from ecdesk.errors import DamagedShopError, DatabaseError, ShopUnreachableError
from ecdesk.i18n import N_, _

# SQLite's primary result codes (the low byte of an extended code).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_NOMEM, SQLITE_READONLY = 3, 5, 6, 7, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26
_UNREACHABLE = {SQLITE_FULL: "full", SQLITE_READONLY: "read_only", SQLITE_PERM: "read_only",
                SQLITE_IOERR: "io", SQLITE_CANTOPEN: "io", SQLITE_NOMEM: "io",
                SQLITE_BUSY: "busy", SQLITE_LOCKED: "busy"}

_REASON_WORDS = ((("could not decode to utf-8", "malformed", "not a database"), "damaged"),
                 (("full",), "full"), (("readonly", "read-only"), "read_only"),
                 (("disk i/o", "unable to open"), "io"), (("locked", "busy"), "busy"))


def sqlite_reason(error: BaseException) -> str:
    """"damaged", "full", "read_only", "io", "busy" or "other" for an sqlite3 error (or a
    SQLAlchemy error wrapping one)."""
    error = getattr(error, "orig", None) or error
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        primary = code & 0xFF
        if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
            return "damaged"
        return _UNREACHABLE.get(primary, "other")
    text = str(error).lower()  # errors raised by the sqlite3 module itself carry no code
    for words, reason in _REASON_WORDS:
        if any(word in text for word in words):
            return reason
    return "other"


def unreachable_message(reason: str, name: str) -> str:
    """The plain words for a shop file that could not be read or written (nothing changed)."""
    if reason == "full":
        return _("The disk holding {name} is full: nothing was saved. Free some space and try "
                 "again; the shop file was not changed.").format(name=name)
    if reason == "read_only":
        return _("{name} is open read-only: nothing was saved.").format(name=name)
    if reason == "busy":
        return _("{name} is busy in another program: nothing was saved. Try again in a "
                 "moment.").format(name=name)
    return _("{name} could not be reached: nothing was saved. Was the USB stick or network "
             "drive removed, or is the disk full? Put it back or free some space and try "
             "again.").format(name=name)


def damaged_message(name: str, detail: str) -> str:
    return _("{name} is damaged ({detail}). ecdesk stopped before reading or writing more of "
             "it; the newest good backup can be restored.").format(name=name, detail=detail)


LOW_SPACE_BYTES = 1 << 20  # below this much free space an I/O error is taken for a full disk


def shop_file_error(error: BaseException, path: Path | None) -> DatabaseError:
    """The EcdeskError to raise for an SQLite `error` on the shop file at `path` (None: the
    shop file, unnamed)."""
    reason = sqlite_reason(error)
    name = path.name if path is not None else _("the shop file")
    detail = str(getattr(error, "orig", None) or error)
    if reason == "io" and path is not None and _low_on_space(path.parent):
        reason = "full"  # SQLite says "disk I/O error" when it cannot grow its -shm file
    elif reason == "io" and path is not None and not os.access(path.parent, os.W_OK):
        reason = "read_only"  # it cannot make its log beside the shop
    fix = _capital if path is None else str  # a file name keeps its own spelling
    if reason == "damaged":
        return DamagedShopError(fix(damaged_message(name, detail)))
    if reason == "other":
        return DatabaseError(fix(_("{name} could not be written: {detail}").format(
            name=name, detail=detail)))
    return ShopUnreachableError(fix(unreachable_message(reason, name)), reason)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


_SHORT_REASONS = {"full": N_("the disk is full"), "read_only": N_("the folder is read-only"),
                  "busy": N_("the file is busy in another program")}


def copy_failure_reason(error: BaseException, folder: Path) -> str:
    """A few words (untranslated: pass them through `_`) on why copying a file failed."""
    reason = sqlite_reason(error)
    if reason == "io" and _low_on_space(folder):
        reason = "full"
    return _SHORT_REASONS.get(reason, N_("the drive could not be read or written"))


def _low_on_space(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE_BYTES
    except OSError:
        return False


def is_sqlite_error(error: BaseException) -> bool:
    return isinstance(getattr(error, "orig", None) or error, sqlite3.Error)
