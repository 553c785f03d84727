"""Hostile conditions: full disks, read-only media, damaged pages, locks that hold."""
