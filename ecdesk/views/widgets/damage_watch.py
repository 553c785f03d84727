"""Damage found anywhere reaches one place: the shell offers the newest good backup.

A damaged page can surface in a page's read on a worker, in a write, or in a read on the GUI
thread. Each of those paths hands its error here (`report_damage`); the shell listens to
`damage_watch().found` and asks once per open shop whether to restore, instead of each page
showing the raw error and the next read failing the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ecdesk.errors import DamagedShopError


class DamageWatch(QObject):
    found = Signal(str)  # the plain message

    def __init__(self) -> None:
        super().__init__()
        self.reported = False

    def report(self, error: DamagedShopError) -> None:
        if not self.reported:  # one offer per open shop; every read after fails alike
            self.reported = True
            self.found.emit(str(error))

    def reset(self) -> None:
        """A shop was opened (or restored): damage in it is news again."""
        self.reported = False


_watch: DamageWatch | None = None


def damage_watch() -> DamageWatch:
    global _watch
    if _watch is None:
        _watch = DamageWatch()
    return _watch


def report_damage(error: BaseException) -> bool:
    """Hand `error` on when it says the shop is damaged; True when it did."""
    if isinstance(error, DamagedShopError):
        damage_watch().report(error)
        return True
    return False
