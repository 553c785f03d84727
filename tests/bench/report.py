"""One row per figure, with its baseline, ratio and target, printed as one table."""

from __future__ import annotations

import json
import sys
import unicodedata
from dataclasses import asdict, dataclass
from typing import Any

UNITS = {"ms": 1000.0, "s": 1.0, "MiB": 1.0}  # factor from the stored value to the shown unit


@dataclass(frozen=True)
class Target:
    """`value <= limit` (in the row's unit) or, with `on_ratio`, `value / baseline <= limit`."""

    limit: float
    on_ratio: bool = False

    def describe(self, unit: str) -> str:
        return f"≤ {self.limit:g}x" if self.on_ratio else f"≤ {self.limit:g} {unit}"


@dataclass(frozen=True)
class Row:
    """A measured figure. Times are stored in seconds, memory in MiB; None when not measured."""

    name: str
    unit: str
    value: float | None
    baseline: float | None = None
    baseline_name: str = ""
    target: Target | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline

    @property
    def verdict(self) -> str:
        if self.value is None:
            return "n/a"
        if self.target is None:
            return "info"
        measured = self.ratio if self.target.on_ratio else self.value * UNITS[self.unit]
        if measured is None:
            return "n/a"
        return "PASS" if measured <= self.target.limit else "FAIL"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Row:
        target = data.pop("target")
        return cls(**data, target=Target(**target) if target else None)


def not_available(name: str, unit: str, reason: str, target: Target | None = None) -> Row:
    return Row(name, unit, None, target=target, note=reason)


def _amount(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    shown = value * UNITS[unit]
    digits = 0 if unit == "MiB" or shown >= 100 else 1
    return f"{shown:,.{digits}f} {unit}"


def _cells(row: Row) -> list[str]:
    value = "not available" if row.value is None else _amount(row.value, row.unit)
    baseline = _amount(row.baseline, row.unit)
    if row.baseline_name and row.baseline is not None:
        baseline = f"{baseline} ({row.baseline_name})"
    ratio = "—" if row.ratio is None else f"{row.ratio:,.2f}x"
    target = "—" if row.target is None else row.target.describe(row.unit)
    return [row.name, value, baseline, ratio, target, row.verdict]


HEADERS = ["benchmark", "measured", "baseline (same run)", "ratio", "target", "result"]


def _width(text: str) -> int:
    """Terminal columns taken by `text`: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * (width - _width(text))
    return fill + text if right else text + fill


def render(rows: list[Row]) -> str:
    """The results as a plain-text table, with notes under it."""
    table = [HEADERS, *(_cells(row) for row in rows)]
    widths = [max(_width(line[i]) for line in table) for i in range(len(HEADERS))]
    right = {1, 3}  # numbers line up on the right

    def line(cells: list[str]) -> str:
        return "  ".join(_pad(c, w, i in right)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    rule = "  ".join("-" * w for w in widths)
    out = [line(HEADERS), rule, *(line(cells) for cells in table[1:]), rule]
    notes = [f"  - {row.name.strip()}: {row.note}" for row in rows if row.note]
    if notes:
        out += ["Notes:", *notes]
    failed = sum(row.verdict == "FAIL" for row in rows)
    missing = sum(row.verdict == "n/a" for row in rows)
    out.append(f"{sum(row.verdict == 'PASS' for row in rows)} passed, {failed} failed, "
               f"{missing} not available, {sum(row.verdict == 'info' for row in rows)} for "
               "information")
    return "\n".join(out)


def emit(rows: list[Row], as_json: bool) -> int:
    """Print the rows (as JSON for `python -m tests.bench`, else as the table); the exit code
    of a benchmark run on its own: 0 when every figure with a target meets it."""
    if as_json:
        json.dump([row.to_json() for row in rows], sys.stdout)
    else:
        print(render(rows))
    return 1 if any(row.target and row.verdict in ("FAIL", "n/a") for row in rows) else 0
