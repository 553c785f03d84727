"""The shop file's own machinery: backups and restore, the lock against a second program, and
what bulk loads do to SQLite (plain indexes dropped and rebuilt, triggers suspended, the cyclic
collector paused)."""
