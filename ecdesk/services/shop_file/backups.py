"""Backups of the shop file: written with SQLite's online backup API, verified, rotated, restored.

A backup is never a plain file copy of a live database (that can catch a half-written page):
`ecdesk.db.backup_copy` copies a consistent snapshot even while ecdesk is writing. Every
backup is checked right after it is written: scheduled, manual and restore backups with the full
`PRAGMA integrity_check` and the stored order totals against their lines; the backup a bulk
change takes first with `PRAGMA quick_check`, which skips only the index-against-table
comparison: ~2 s instead of ~10 s on the 635 MiB large demo shop, and the owner waits for this
one before every big import. Both also run the foreign-key and stock-ledger checks.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from ecdesk.db import UnitOfWork, backup_copy, backups_dir, known_revisions, read_only_uri
from ecdesk.errors import (
    CancelledError,
    DamagedShopError,
    DatabaseError,
    Problem,
    ShopUnreachableError,
    ValidationError,
)
from ecdesk.i18n import N_, _
from ecdesk.models import Setting, order_totals
from ecdesk.private_files import OWNER_FILE, owner_only, private_folder
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.common.shop_time import DEFAULT_TIMEZONE
from ecdesk.services.shop_file.text_check import invalid_text_problems
from ecdesk.services.stock.ledger import MISMATCH_SQL
from ecdesk.sqlite_errors import copy_failure_reason, sqlite_reason

Progress = Callable[[int, int], bool]  # (done, total) -> False to stop; total 0: no measure
COPY_PAGES = 4096  # pages copied between two progress reports (16 MiB at 4 KiB pages)
STALE_PARTIAL = timedelta(hours=1)  # an unfinished copy this old has no process writing it
CHECK_STEPS = 1_000_000  # SQLite VM instructions between two looks at Cancel during a check
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}Z)-(?P<reason>[a-z-]+?)(?:-(?P<n>\d+))?"
                   r"\.ecdesk$")
# Each kind of backup is kept by its own rule (README, "Keeping the shop safe"): daily backups by
# the shop's rotation policy; the copies taken before an import or bulk change, the newest 3
# (15 imports from the command line once left 34 files); the safety copies before a restore,
# the newest 5 and every one younger than 30 days; manual backups and any other kind, always.
ROTATED = "daily"
SAFETY_COPIES: dict[str, tuple[int, timedelta | None]] = {
    "before-bulk": (3, None), "before-restore": (5, timedelta(days=30))}
# Tables a person recognises, for "what does this backup hold" (missing ones count as 0).
AREAS = {"products": N_("Products"), "variants": N_("SKUs"), "listings": N_("Listings"),
         "channels": N_("Channels"), "orders": N_("Orders"), "order_lines": N_("Order lines"),
         "stock_movements": N_("Stock movements"), "audit_log": N_("Audit entries")}


@dataclass(frozen=True)
class RotationPolicy:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: datetime
    reason: str

    @property
    def changed(self) -> Changed:
        """A backup changes nothing a page shows: the owner only hears where it went."""
        return Changed.of(message=_("Backed up to {path}").format(path=self.path))


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    created_at: datetime | None
    shop_name: str
    schema: str
    counts: dict[str, int]  # area label -> rows
    timezone: str = DEFAULT_TIMEZONE  # the backed-up shop's: its times are shown in it


@dataclass(frozen=True)
class RestorePreview:
    """A backup next to the shop it would replace, each checked and counted."""

    backup: BackupSummary
    current: BackupSummary

    @property
    def changed(self) -> Changed:
        """Looking changes nothing."""
        return Changed.of()


def back_up(shop: Path, reason: str, folder: Path | None = None,
            now: datetime | None = None, *, quick: bool = False,
            progress: Progress | None = None) -> BackupInfo:
    """Write a verified backup of `shop` into `folder` (default: the backups folder beside it).

    `quick` verifies it with `quick_check` instead of the full `integrity_check` (see above).
    `progress` hears the pages copied, then (with total 0) the check going on; when it says
    stop, CancelledError is raised and no backup is left behind. A backup into the backups
    folder is followed by its rotation, whoever takes it (the window, a command, an import).
    Two backups in the same second get names of their own (…-manual.ecdesk, …-manual-2.ecdesk).
    """
    if not shop.exists():
        raise DatabaseError(_("{shop} does not exist: nothing to back up.").format(shop=shop))
    now = now or datetime.now(UTC)
    target_dir = private_folder(folder or backups_dir(shop))
    partial, target = _reserve(target_dir, f"{shop.stem}-{now:%Y%m%dT%H%M%SZ}-{reason}")
    try:
        _copy(shop, partial, progress)
        problems = integrity_problems(partial, quick=quick, progress=progress)
        if problems:
            raise DatabaseError(_("The backup of {name} failed its check ({problems}); the shop "
                                  "file itself may be damaged: run 'check'.").format(
                                      name=shop.name, problems=problems[0]))
        owner_only(partial)
        target = _publish(partial, target)
    except OSError as error:
        raise DatabaseError(_("Could not write the backup to {target_dir}: {strerror}. Is the "
                              "drive full, removed or read-only?").format(
                                  target_dir=target_dir, strerror=error.strerror)) from error
    finally:
        partial.unlink(missing_ok=True)
        Path(f"{partial}-journal").unlink(missing_ok=True)
    if folder is None or folder == backups_dir(shop):
        rotate(shop, stored_rotation_policy(shop), now=now)
    return BackupInfo(target, now, reason)


def _reserve(folder: Path, name: str) -> tuple[Path, Path]:
    """A partial file made here (exclusively: another backup in the same second takes the next
    number) and the name the checked backup will have."""
    for number in range(1, 1000):
        target = folder / (f"{name}.ecdesk" if number == 1 else f"{name}-{number}.ecdesk")
        partial = target.with_name(target.name + ".partial")
        if target.exists():
            continue
        try:
            os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_FILE))
        except FileExistsError:
            continue
        return partial, target
    raise DatabaseError(f"Too many backups named {name} in {folder}.")


def _publish(partial: Path, target: Path) -> Path:
    """Give the checked copy its name without ever replacing another backup."""
    while True:
        try:
            os.link(partial, target)  # fails when the name exists: never overwrites
            return target
        except FileExistsError:
            target = _next_name(target)
        except OSError:  # a file system without hard links (FAT sticks)
            if target.exists():
                target = _next_name(target)
                continue
            partial.replace(target)
            return target


def _next_name(target: Path) -> Path:
    match = re.fullmatch(r"(?P<base>.+?)(?:-(?P<n>\d+))?\.ecdesk", target.name)
    assert match is not None
    return target.with_name(f"{match['base']}-{int(match['n'] or 1) + 1}.ecdesk")


def _copy(source: Path, target: Path, progress: Progress | None = None) -> None:
    def report(_status: int, remaining: int, total: int) -> None:
        if progress is not None and not progress(total - remaining, total):
            raise CancelledError(_("The backup was cancelled: no copy was kept."))
    try:
        backup_copy(source, target, pages=COPY_PAGES if progress else -1, progress=report)
        _self_contained(target)
    except sqlite3.DatabaseError as error:
        if sqlite_reason(error) == "damaged":
            raise DamagedShopError(_("{name} could not be read for a backup: {error}").format(
                name=source.name, error=error)) from error
        reason = copy_failure_reason(error, target.parent)
        raise ShopUnreachableError(_("Could not copy {name} to {folder}: {reason}. Nothing was "
                                     "changed.").format(name=source.name, folder=target.parent,
                                                        reason=_(reason)), "io") from error


def _self_contained(path: Path) -> None:
    """A backup is one file: the copy keeps the shop's WAL mode, which would put a -wal file
    beside it whenever it is opened."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()


def integrity_problems(path: Path, *, quick: bool = False,
                       progress: Progress | None = None) -> list[str]:
    """The lines of `PRAGMA integrity_check` and `foreign_key_check` that are not "ok", and SKUs
    whose on-hand is not their ledger sum.

    `quick` runs `PRAGMA quick_check` instead: every page, record and NOT NULL/CHECK constraint
    is still checked, but not that each index holds exactly its table's rows (nor UNIQUE).
    `progress(0, 0)` is asked now and then while the check runs; when it says stop, SQLite
    interrupts the check and CancelledError is raised.
    """
    pragma = "quick_check" if quick else "integrity_check"
    stopped: list[bool] = []

    def keep_going() -> int:  # SQLite's progress handler: non-zero interrupts the statement
        if progress is not None and not progress(0, 0):
            stopped.append(True)
        return len(stopped)
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            if progress is not None:
                conn.set_progress_handler(keep_going, CHECK_STEPS)
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
            problems = [r for r in rows if r != "ok"]
            problems += [f"table {table} row {rowid} points to a missing {parent} row"
                         for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")]
            problems += _ledger_problems(conn)
            if not quick:  # sums every order line: ~1 s a million, kept out of the quick check
                problems += _order_total_problems(conn)
                problems += invalid_text_problems(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        if stopped:
            raise CancelledError(_("The backup was cancelled: no copy was kept.")) from error
        return [f"not a readable database ({error})"]
    return problems


def _ledger_problems(conn: sqlite3.Connection) -> list[str]:
    """SKUs whose stored on-hand is not the sum of their stock movements."""
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    if "stock_movements" not in tables:  # a backup from before the stock ledger
        return []
    return [f"SKU {sku}: on hand {cached} but its stock movements add up to {total}"
            for sku, cached, total in conn.execute(MISMATCH_SQL, (20,))]


def _order_total_problems(conn: sqlite3.Connection) -> list[str]:
    """Orders whose stored line count, units or goods total are not the sums of their lines."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(orders)")}
    if "goods_total" not in columns:  # a backup from before the stored order totals
        return []
    return [f"order {number}: its stored line count, units or total differ from its lines"
            for _, number in conn.execute(order_totals.MISMATCH_SQL, (20,))]


def list_backups(shop: Path) -> list[BackupInfo]:
    """The backups of `shop` in its backups folder, newest first."""
    found = []
    for path in backups_dir(shop).glob(f"{shop.stem}-*.ecdesk"):
        match = _NAME.match(path.name)
        if match and match["stem"] == shop.stem:
            created = datetime.strptime(match["stamp"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            found.append((created, int(match["n"] or 1), BackupInfo(path, created,
                                                                     match["reason"])))
    return [info for *_key, info in sorted(found, key=lambda f: f[:2], reverse=True)]


def backups_to_keep(backups: Iterable[BackupInfo], policy: RotationPolicy) -> set[Path]:
    """Grandfather-father-son: the newest backup of each of the last N days, weeks and months."""
    newest_first = sorted(backups, key=lambda b: b.created_at, reverse=True)
    keep: set[Path] = set()
    for count, period in ((policy.daily, lambda d: d.date()),
                          (policy.weekly, lambda d: d.isocalendar()[:2]),
                          (policy.monthly, lambda d: (d.year, d.month))):
        seen: list[object] = []
        for backup in newest_first:
            key = period(backup.created_at)
            if key not in seen and len(seen) < count:
                seen.append(key)
                keep.add(backup.path)
    return keep


def rotate(shop: Path, policy: RotationPolicy, now: datetime | None = None) -> list[Path]:
    """Delete the backups their rules no longer keep (daily ones by `policy`, safety copies
    by age and number, manual ones never) and unfinished copies; return what was deleted."""
    now = now or datetime.now(UTC)
    backups = list_backups(shop)
    keep = backups_to_keep([b for b in backups if b.reason == ROTATED], policy)
    for reason, (newest, young) in SAFETY_COPIES.items():
        copies = [b for b in backups if b.reason == reason]
        keep |= {b.path for i, b in enumerate(copies)
                 if i < newest or (young is not None and now - b.created_at < young)}
    keep |= {b.path for b in backups if b.reason != ROTATED and b.reason not in SAFETY_COPIES}
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed + remove_stale_partials(backups_dir(shop), now)


def stored_rotation_policy(shop: Path) -> RotationPolicy:
    """The shop's rotation policy read straight from the file (the default when unreadable):
    a backup taken by a command rotates like one taken by the window."""
    default = RotationPolicy()
    try:
        conn = sqlite3.connect(read_only_uri(shop), uri=True)
        try:
            stored = dict(conn.execute(
                "SELECT key, value FROM settings WHERE key IN (?, ?, ?)",
                tuple(_POLICY_KEYS.values())).fetchall())
        finally:
            conn.close()
        return RotationPolicy(**{field: int(stored.get(key, getattr(default, field)))
                                 for field, key in _POLICY_KEYS.items()})
    except (sqlite3.Error, ValueError):
        return default


_POLICY_KEYS = {"daily": "backup_keep_daily", "weekly": "backup_keep_weekly",
                "monthly": "backup_keep_monthly"}


def get_rotation_policy(uow: UnitOfWork) -> RotationPolicy:
    """How many daily, weekly and monthly backups the shop keeps (a setting of its own)."""
    with uow:
        stored = dict(uow.session.execute(
            select(Setting.key, Setting.value).where(Setting.key.in_(_POLICY_KEYS.values()))
        ).tuples().all())
    default = RotationPolicy()
    return RotationPolicy(**{field: int(stored.get(key, getattr(default, field)))
                             for field, key in _POLICY_KEYS.items()})


_KEEP_LABELS = {"daily": N_("Keep daily backups"), "weekly": N_("Keep weekly backups"),
                "monthly": N_("Keep monthly backups")}


def set_rotation_policy(uow: UnitOfWork, *, daily: int, weekly: int, monthly: int) -> Changed:
    values = {"daily": daily, "weekly": weekly, "monthly": monthly}
    problems = [Problem(_KEEP_LABELS[field], _("must be between 0 and 365"))
                for field, count in values.items() if not 0 <= count <= 365]
    if sum(values.values()) == 0:
        problems.append(Problem(N_("Backups"), _("keep at least one automatic backup")))
    if problems:
        raise ValidationError(problems)
    with uow:
        for field, count in values.items():
            row = uow.session.get(Setting, _POLICY_KEYS[field])
            if row is None:
                uow.session.add(Setting(key=_POLICY_KEYS[field], value=str(count)))
            elif row.value != str(count):
                row.value = str(count)
        uow.commit()
    return Changed.of(ChangeArea.SETTINGS, message=_("Backup rotation saved"))


BULK_BACKUP_ROWS = 300  # "more than a few hundred rows": a bulk change backs up first


def back_up_before_bulk(uow: UnitOfWork, rows: int) -> BackupInfo | None:
    """Back the shop up before a bulk change of more than BULK_BACKUP_ROWS rows.

    Checked with the quick check: the owner waits for this backup before every big import, and
    the daily backup and `check` still run the full one.
    """
    if rows <= BULK_BACKUP_ROWS or uow.db_path is None:
        return None
    return back_up(uow.db_path, "before-bulk", quick=True)


def daily_backup_if_due(shop: Path, policy: RotationPolicy | None = None,
                        now: datetime | None = None, *,
                        keep_going: Callable[[], bool] | None = None) -> BackupInfo | None:
    """The once-a-day backup taken when a shop is opened; None when today's exists.

    `keep_going()` is asked between steps of the copy (16 MiB each, ~0.3 s on the large shop)
    and now and then during the check: when it says no (the owner quits), the backup stops
    within a step, raises CancelledError and leaves nothing counted as a backup (the copy is
    written as `.partial` and renamed only once checked); the next open takes it again.
    """
    now = now or datetime.now(UTC)
    if not shop.exists() or shop.stat().st_size == 0:
        return None
    newest = next(iter(list_backups(shop)), None)
    if newest is not None and newest.created_at.date() == now.date():
        return None
    progress = None if keep_going is None else (lambda _done, _total: keep_going())
    info = back_up(shop, "daily", now=now, progress=progress)
    if policy is not None:  # (back_up rotated by the policy stored in the shop)
        rotate(shop, policy, now=now)
    return info


def remove_stale_partials(folder: Path, now: datetime) -> list[Path]:
    """Delete the `.partial` copies a backup left when its process was killed mid-copy (a stop
    or an error removes its own); one younger than STALE_PARTIAL may still be being written."""
    removed = []
    leftovers = [*folder.glob("*.ecdesk.partial"), *folder.glob("*.ecdesk.partial-journal")
                 ] if folder.is_dir() else []
    for partial in leftovers:
        try:
            written = datetime.fromtimestamp(partial.stat().st_mtime, UTC)
        except OSError:
            continue  # removed meanwhile by the backup that wrote it
        if now - written > STALE_PARTIAL:
            partial.unlink(missing_ok=True)
            removed.append(partial)
    return removed


def describe(path: Path, progress: Progress | None = None) -> BackupSummary:
    """What a shop file or backup holds: shop name, schema, rows per area. It runs the full
    integrity check (minutes on a large shop): `progress` can stop it."""
    problems = integrity_problems(path, progress=progress)
    if problems:
        raise DatabaseError(_("{name} is damaged or not a shop file: {problems}")
                            .format(name=path.name, problems=problems[0]))
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            raise DatabaseError(_("{name} is not an ecdesk shop file.").format(name=path.name))
        schema = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        name_row = conn.execute("SELECT value FROM settings WHERE key='shop_name'").fetchone()
        zone = _stored_timezone(conn)
        counts = {label: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  if table in tables else 0 for table, label in AREAS.items()}
    finally:
        conn.close()
    match = _NAME.match(path.name)
    created = (datetime.strptime(match["stamp"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
               if match else None)
    return BackupSummary(path, created, name_row[0] if name_row else "", schema, counts, zone)


def file_timezone(path: Path) -> str:
    """The time zone of the shop in a good file (a backup), to show its times in; the default
    when the file has none. For a shop that cannot be opened, its backups still know it."""
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        return _stored_timezone(conn)
    except sqlite3.Error:
        return DEFAULT_TIMEZONE
    finally:
        conn.close()


def _stored_timezone(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM settings WHERE key='timezone'").fetchone()
    return row[0] if row else DEFAULT_TIMEZONE


def preview_restore(backup: Path, shop: Path,
                    progress: Progress | None = None) -> RestorePreview:
    """What restoring `backup` over `shop` would bring back; both files are checked first."""
    return RestorePreview(describe(backup, progress), describe(shop, progress))


def _keep_current(shop: Path) -> BackupInfo | None:
    """Keep the file a restore replaces: a checked backup, or a damaged file moved aside.

    Called only once the replacement is complete and verified beside it; a full disk stops the
    safety backup here, before the shop is touched.
    """
    if not shop.exists():
        return None
    if not integrity_problems(shop):
        _fold_log_into(shop)  # its write-ahead log must not be replayed onto the replacement
        return back_up(shop, "before-restore")
    now = datetime.now(UTC)
    aside = shop.with_name(f"{shop.stem}.damaged-{now:%Y%m%dT%H%M%SZ}{shop.suffix}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{shop}{suffix}")
        if part.exists():
            part.replace(Path(f"{aside}{suffix}"))
    return BackupInfo(aside, now, "damaged")


def _fold_log_into(shop: Path) -> None:
    """Checkpoint the shop's write-ahead log into the file and empty it (a healthy shop)."""
    conn = sqlite3.connect(shop, isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def newest_good_backup(shop: Path, progress: Progress | None = None) -> BackupInfo | None:
    """The newest automatic backup that passes the integrity check (for a damaged shop).

    Each check takes seconds on a large shop: `progress(checked, backups)` is told after each,
    and it can stop the search (CancelledError) during any of them."""
    candidates = list_backups(shop)
    for checked, backup in enumerate(candidates):
        step = None if progress is None else _counting(progress, checked, len(candidates))
        if step is not None and not step(0, 0):
            raise CancelledError(_("Looking for a good backup was cancelled."))
        if not integrity_problems(backup.path, progress=step):
            return backup
    return None


def _counting(progress: Progress, checked: int, total: int) -> Progress:
    """`progress` told how many backups were checked, whatever the check in hand reports."""
    return lambda _done, _total: progress(checked, total)


def restore(backup: Path, shop: Path) -> BackupInfo | None:
    """Replace the shop's contents with the backup's, after backing up the current file.

    The backup is first copied beside the shop and checked; only then is the current file kept
    (a safety backup, or moved aside when damaged) and the checked copy renamed into its place,
    so a full disk or a failing check leaves the shop exactly as it was. The caller must have
    closed its own connections to `shop`. Returns the safety backup of the current file (None
    when there was no current file).
    """
    summary = describe(backup)  # refuses damaged files and non-shops
    if summary.schema not in known_revisions():
        raise DatabaseError(_("{name} was made by a newer ecdesk (schema {schema}); install it "
                              "to restore this backup.").format(name=backup.name,
                                                                 schema=summary.schema))
    incoming = shop.with_name(shop.name + ".restore.partial")
    try:
        _copy(backup, incoming)
        problems = integrity_problems(incoming)
        if problems:
            raise DatabaseError(_("The copy of {backup} beside the shop failed its check "
                                  "({problem}): the shop was not changed.").format(
                                      backup=backup.name, problem=problems[0]))
        safety = _keep_current(shop)
        for suffix in ("-wal", "-shm"):  # emptied by the checkpoint, or moved aside
            Path(f"{shop}{suffix}").unlink(missing_ok=True)
        incoming.replace(shop)
    except OSError as error:
        raise ShopUnreachableError(_("Could not restore into {shop}: {reason}. The shop was "
                                     "not changed.").format(shop=shop.name,
                                                            reason=error.strerror),
                                   "io") from error
    finally:
        incoming.unlink(missing_ok=True)
        Path(f"{incoming}-journal").unlink(missing_ok=True)
    return safety
