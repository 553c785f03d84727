"""Benchmarks for ecdesk on a generated 100,000-SKU shop, run on demand (not in the fast suite).

    python bootstrap.py bench            # or: .venv/bin/python -m tests.bench [--help]

Every figure is printed beside a baseline measured in the same run (a bare PySide6 window, raw
sqlite3), so a slow or busy machine moves both. The large shop is generated once into
tests/bench/.cache and reused while its seed and schema stay the same.

Modules: `shop` (the cached shop), `startup` (process start, paint and peak memory, against
`bare_window.py`), `listings` (the Listings table model in process, run as a child process so its
memory is its own), `measure` (timing helpers), `report` (the results table).
"""
