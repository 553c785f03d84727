"""The one error family that reaches the shop owner.

Every message is written for the person using ecdesk ("Row 14: price '12,5O' is not a number"),
never a raw database error or a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


class EcdeskError(Exception):
    """Base class of every error whose message can be shown to the user as it is."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where (field, row) and why, in plain words."""

    field: str
    message: str
    row: int | None = None
    severity: str = "error"  # "error" blocks saving; "warning" is shown but allowed

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        from ecdesk.i18n import _

        field = _(self.field)  # a field's English name (N_ where it is given) or the file's own
        where = (_("Row {row}, {field}").format(row=self.row, field=field)
                 if self.row is not None else field)
        return _("{where}: {message}").format(where=where, message=self.message)


class ValidationError(EcdeskError):
    """Input was refused; `problems` lists every reason, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


class CancelledError(EcdeskError):
    """The user cancelled long work; nothing was written."""


class NotFoundError(EcdeskError):
    pass


class DatabaseError(EcdeskError):
    """The shop file cannot be used as it is (newer version, not an ecdesk file, locked...)."""


class NewerDatabaseError(DatabaseError):
    pass


class DamagedShopError(DatabaseError):
    """The file's contents are damaged (or it is not a shop): only here is a backup offered."""


class MissingShopError(DamagedShopError):
    """The shop file is gone or empty where a shop was kept (its backups or log are there)."""


class ShopUnreachableError(DatabaseError):
    """The file could not be read or written (full disk, read-only, removed drive, busy), which
    says nothing about its contents: it is never treated as damage."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason  # "full", "read_only", "io" or "busy"
