"""The shop file's own machinery: backups and restore, the lock against a second program, and
what bulk loads do to SQLite (plain indexes dropped and rebuilt, the cyclic collector paused).

`sqlite_only` names what only SQLite has for the other services (FTS5 search, the triggers that
keep derived data and their suspension during bulk loads): a second database implements those
names once more instead of being searched for through every service."""
