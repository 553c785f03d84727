"""The shop database: engine, SQLite settings, unit of work, and migrations on open.

Opening a file (`open_database`) creates it when missing, upgrades an older one in place after a
backup copy is written next to it, and refuses a file from a newer ecdesk without touching it.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, exc
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from ecdesk.errors import DatabaseError, MissingShopError, NewerDatabaseError
from ecdesk.i18n import _
from ecdesk.models.audit import install_audit
from ecdesk.schema_version import (
    SCHEMA_HEAD,  # bumped there, with each new migration
    read_only_uri,
    stored_revision,
)
from ecdesk.sqlite_errors import shop_file_error, sqlite_reason

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BACKUP_FOLDER = "backups"  # beside the shop; ecdesk.services.shop_file.backups writes into it
BUSY_TIMEOUT_MS = 5000


class ShopSession(Session):
    """Session class with the audit hook installed."""


install_audit(ShopSession)


def _configure_connection(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy own transactions: pysqlite would otherwise start them lazily and run DDL
    # outside them, which breaks all-or-nothing bulk work that drops and recreates triggers.
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # NORMAL is durable against a crash or kill of ecdesk in WAL mode; a power cut can lose the
    # last commits but never corrupts the file. FULL would fsync on every commit of a bulk edit.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def make_engine(path: Path, read_only: bool = False) -> Engine:
    if read_only:  # SQLite itself refuses every write on this connection
        uri = read_only_uri(path)
        # The "sqlite://" URL would get SingletonThreadPool, which closes other threads'
        # connections (even busy ones) once more threads than its size have connected: the
        # page readers' worker threads then fail. A queue of connections, as for a file URL.
        engine = create_engine("sqlite://", poolclass=QueuePool, creator=lambda: sqlite3.connect(
            uri, uri=True, check_same_thread=False))
    else:
        # A URL object, not text: a '?' in a folder's name would start the URL's options.
        engine = create_engine(URL.create("sqlite", database=str(path)))
    event.listen(engine, "connect", _configure_connection)
    event.listen(engine, "begin", _begin)
    return engine


class UnitOfWorkReenteredError(RuntimeError):
    """A programming error: `with uow:` inside `with uow:` of the same unit of work."""


class UnitOfWork:
    """One user action: `with uow:` ... `uow.commit()`; leaving without commit rolls back.

    A unit of work may be entered again after it was left, but never while it is open: the inner
    `with` would replace the session, the outer one's writes would be lost and its `commit()`
    would still succeed. Helpers that read inside a transaction take the session instead.
    """

    session: Session

    def __init__(self, factory: Callable[[], Session], actor: str,
                 db_path: Path | None = None) -> None:
        self._factory = factory
        self.actor = actor
        self.db_path = db_path  # for the backup a bulk operation takes before it writes
        self._open = False

    def __enter__(self) -> UnitOfWork:
        if self._open:
            raise UnitOfWorkReenteredError(
                _("This unit of work is already open: a `with uow:` inside another would lose the "
                "outer writes. Pass uow.session to the helper (its read_* form) instead."))
        self.session = self._factory()
        self.session.info["actor"] = self.actor
        self._open = True
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc_value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._open = False
        try:
            self.session.rollback()
            self.session.close()
        except exc.DBAPIError as error:  # a rollback on a vanished or damaged file
            if exc_value is None:
                raise friendly_database_error(error, self.db_path) from error
        if isinstance(exc_value, exc.DBAPIError) and _is_about_the_file(exc_value):
            raise friendly_database_error(exc_value, self.db_path) from exc_value

    def commit(self) -> None:
        try:
            self.session.commit()
        except exc.DBAPIError as error:
            if not _is_about_the_file(error):
                raise
            raise friendly_database_error(error, self.db_path) from error


def _is_about_the_file(error: exc.DBAPIError) -> bool:
    """A lock, a full disk, a removed drive or damage; not a broken constraint (the services
    turn those into problems themselves)."""
    return isinstance(error, exc.OperationalError) or sqlite_reason(error) != "other"


def friendly_database_error(error: exc.DBAPIError, path: Path | None = None) -> DatabaseError:
    """The shop owner's words for a database error on the shop file (one home: sqlite_errors)."""
    return shop_file_error(error, path)


class Database:
    """An open shop file."""

    def __init__(self, path: Path, engine: Engine, read_only: bool = False) -> None:
        self.path = path
        self.engine = engine
        self.read_only = read_only
        self.session_factory = sessionmaker(engine, class_=ShopSession, expire_on_commit=False)

    def uow(self, actor: str = "user") -> UnitOfWork:
        return UnitOfWork(self.session_factory, actor, self.path)

    def analyze(self) -> None:
        """Refresh the query planner's statistics (after a bulk load)."""
        self._outside_transaction("ANALYZE")

    def close(self) -> None:
        """Let SQLite refresh stale statistics, fold the WAL back into the file, release it."""
        self.engine.dispose()
        if self.read_only:
            return
        try:
            self._outside_transaction("PRAGMA optimize", "PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            # Tidying only: every change is already committed in the write-ahead log, which the
            # next open folds in. A full disk here once turned an import that had been saved
            # into an "unexpected error" (exit 1).
            logging.getLogger("ecdesk").info("Could not fold the log into %s", self.path,
                                             exc_info=True)

    def _outside_transaction(self, *statements: str) -> None:
        conn = sqlite3.connect(self.path, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            for statement in statements:
                conn.execute(statement)
        finally:
            conn.close()


def open_database(path: Path | str, read_only: bool = False) -> Database:
    """Open (creating if missing) and migrate a shop file; raise DatabaseError when unusable.

    A missing folder is an error, not something to create: it is usually a USB stick or a
    network drive that is not there, and a new empty shop on the local disk would hide that.
    """
    path = Path(path).expanduser().resolve()
    if not path.parent.is_dir():
        raise DatabaseError(_("The folder {parent} is not there. Was a USB stick or network drive "
                              "removed? Connect it and open the shop again.").format(
                                  parent=path.parent))
    if read_only and not path.exists():
        raise DatabaseError(_("{path} does not exist.").format(path=path))
    refuse_a_vanished_shop(path)
    revision = stored_revision(path)
    if revision != SCHEMA_HEAD:
        if read_only:
            raise DatabaseError(_("{name} needs an upgrade to this ecdesk's format, which cannot "
                                  "be done while it is open read-only.").format(name=path.name))
        _migrate(path, revision)
    return Database(path, make_engine(path, read_only), read_only)


def writable(path: Path) -> bool:
    """Whether ecdesk can write the shop at `path`: the file and its folder (SQLite writes its
    log beside it). os.access also says no for a read-only mount, even to root."""
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def open_for_reading(path: Path | str) -> Database:
    """Open a shop for a command that only reads: read-only when it cannot be written (a locked
    stick, a read-only folder), so looking things up works there too."""
    path = Path(path).expanduser().resolve()
    return open_database(path, read_only=path.exists() and not writable(path))


def backups_dir(shop: Path) -> Path:
    return shop.parent / BACKUP_FOLDER


def refuse_a_vanished_shop(path: Path) -> None:
    """Raise MissingShopError when `path` is missing or empty although a shop was kept there.

    A shop that held data leaves traces: its backups beside it, or its write-ahead log. A new,
    empty shop made silently in its place (as after a failed restore left 0 bytes) would hide
    the loss and, once written to, make the backups look like the odd ones out.
    """
    if path.exists() and path.stat().st_size > 0:
        return
    wal = Path(f"{path}-wal")
    traces = (wal.exists() and wal.stat().st_size > 0) or any(
        backups_dir(path).glob(f"{path.stem}-*.ecdesk"))
    if not traces:
        return
    state = _("is empty (0 bytes)") if path.exists() else _("is missing")
    raise MissingShopError(_(
        "{name} {state}, although a shop was kept there (its backups are in {folder}). ecdesk "
        "did not make a new, empty shop in its place: restore the newest good backup, or open "
        "the shop where it is now if it was moved.").format(
            name=path.name, state=state, folder=backups_dir(path)))


def _alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def known_revisions() -> set[str]:
    """Every schema revision this ecdesk can open (and upgrade)."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(_alembic_config())
    return {script.revision for script in scripts.walk_revisions()}


def _migrate(path: Path, revision: str | None) -> None:
    from alembic import command

    config = _alembic_config()
    if revision is not None:
        if revision not in known_revisions():
            raise NewerDatabaseError(
                _(
                    "{name} was saved by a newer version of ecdesk (schema {revision}). Install "
                    "the newer ecdesk to open it; the file was not changed."
                ).format(name=path.name, revision=revision)
            )
        backup = f"{path.stem}.before-{SCHEMA_HEAD}-{_stamp()}{path.suffix}"
        backup_copy(path, path.with_name(backup))
    engine = make_engine(path)
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    finally:
        engine.dispose()


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def backup_copy(source: Path, target: Path, *, pages: int = -1,
                progress: Callable[[int, int, int], object] | None = None) -> Path:
    """Copy a live database consistently with SQLite's online backup API, `pages` at a time,
    telling `progress(status, remaining, total)` after each step (an exception it raises stops
    the copy).

    The one implementation of the online backup: the backups and the restore of
    ecdesk.services.shop_file call it too (this module sits below the services and backs a file
    up before migrating it). A plain file copy of a live database can catch a half-written page;
    this copies a consistent snapshot even while ecdesk is writing. The source is only read, so
    a backup on a write-protected stick can be restored.
    """
    src = sqlite3.connect(read_only_uri(source), uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst, pages=pages, progress=progress)
        finally:
            dst.close()
    finally:
        src.close()
    return target
