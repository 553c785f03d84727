"""PDF reports on the large demo shop (100,000 SKUs, a year of orders with 1,000,000 lines),
against bare reportlab drawing the same rows in the same run.

Measured: `generate_report` for the inventory valuation (every SKU with stock, the period's
movements, the alerts) and for the accountant pack, for the shop's last whole month: the SQL,
the charts and the PDF, as the Reports page and the `report` command run it. Baseline: the same
table rows, already formatted as text (untimed), drawn by bare reportlab as a sequence of
50-row Tables with a repeated header, in the same font, in one SimpleDocTemplate. (One 10,000-
row LongTable is ~3.5x slower than that; ecdesk never builds one.) Every run is a fresh process
(alternating ecdesk and bare), so neither pays for the other's memory. Memory: the peak
resident memory of the process writing the inventory report, and of the bare one.

`python -m tests.bench.reports_bench` prints the table; `--json` prints the rows as JSON (for
`python -m tests.bench`); `--shop FILE` uses that shop instead of the cached large one;
`--runs N` times each figure N times (best kept; default 2); `--child report|bare NAME SHOP`
is one measured process.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.bench.measure import peak_rss_mib
from tests.bench.report import Row, Target, emit

RATIO = Target(1.5, on_ratio=True)
MEMORY_RATIO = Target(1.5, on_ratio=True)
STAMP = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)  # a fixed generation time: same bytes each run
TABLE_ROWS = 50  # rows per bare Table, the header included


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float

    @staticmethod
    def start() -> Timing:
        return Timing(time.perf_counter(), time.process_time())

    def stop(self) -> Timing:
        return Timing(time.perf_counter() - self.wall, time.process_time() - self.cpu)


def last_whole_month(shop: Path) -> Any:
    import sqlite3

    from ecdesk.services.common.period import Period

    conn = sqlite3.connect(f"file:{shop}?mode=ro", uri=True)
    try:
        latest = conn.execute("SELECT max(ordered_at) FROM orders").fetchone()[0]
    finally:
        conn.close()
    local = datetime.fromisoformat(latest) + timedelta(hours=8)  # the demo's Asia/Shanghai
    return Period.month_of(local.date().replace(day=1) - timedelta(days=1))


def request(name: str, shop: Path, out: Path) -> Any:
    from ecdesk.services.reports import ReportRequest

    return ReportRequest(name, last_whole_month(shop), out, generated_at=STAMP)


def ecdesk_report(name: str, shop: Path, out: Path) -> tuple[Timing, int]:
    """Wall and CPU seconds and the pages of `generate_report` (opening the shop not included)."""
    from ecdesk.db import open_database
    from ecdesk.services.reports import generate_report

    db = open_database(shop)
    try:
        timing = Timing.start()
        result = generate_report(db.uow("bench"), request(name, shop, out))
        timing = timing.stop()
    finally:
        db.close()
    return timing, result.pages or 0


def report_rows(name: str, shop: Path) -> list[tuple[list[float], list[list[str]]]]:
    """Every table of the report as (column widths, header + rows as text), untimed."""
    from ecdesk.db import open_database
    from ecdesk.services.reports.alerts_part import current_alerts as alerts_for
    from ecdesk.services.reports.generate import REPORTS, _scope
    from ecdesk.services.reports.pdf_layout import FRAME_WIDTH
    from ecdesk.services.reports.pdf_tables import _Layout

    db = open_database(shop)
    try:
        wanted = request(name, shop, shop.with_suffix(".pdf"))
        scope = _scope(db.uow("bench"), wanted)
        kind = REPORTS[name]
        alerts = alerts_for(db.uow("bench"), STAMP) if kind.with_alerts else None
        with db.uow("bench") as uow:
            report = kind.build(uow.session, scope, alerts, lambda: None)
    finally:
        db.close()
    tables = []
    font = _font()
    for table in report.tables():
        layout = _Layout(table, font, report.currency, FRAME_WIDTH * table.width)
        tables.append((layout.widths, [layout.header, *layout.cells(0, layout.count)]))
    return tables


def bare_reportlab(tables: list[tuple[list[float], list[list[str]]]], out: Path) -> Timing:
    """The same rows as 50-row reportlab Tables with a repeated header, in the same font."""
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    font = _font()
    rl_config.useA85 = 0  # as ecdesk writes its PDFs
    timing = Timing.start()
    style = TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 7.5),
                        ("LEADING", (0, 0), (-1, -1), 9), ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
                        ("LINEBELOW", (0, 0), (-1, 0), 0.6, "#999999")])
    story = []
    for widths, (header, *rows) in tables:
        for start in range(0, max(len(rows), 1), TABLE_ROWS - 1):
            story.append(Table([header, *rows[start:start + TABLE_ROWS - 1]], colWidths=widths,
                               repeatRows=1, style=style))
    doc = SimpleDocTemplate(str(out), pagesize=landscape(A4), invariant=1, initialFontName=font,
                            leftMargin=36, rightMargin=36, topMargin=62, bottomMargin=40)
    doc.build(story)
    return timing.stop()


def _font() -> str:
    from ecdesk.services.reports.fonts import pdf_font

    return pdf_font()


def child(mode: str, name: str, shop: Path) -> None:
    """One measurement in a fresh process: ecdesk's report, or bare reportlab drawing its rows
    (prepared first, untimed). Prints the seconds, the pages and the peak resident memory."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "r.pdf"
        if mode == "report":
            warm_up()
            timing, pages = ecdesk_report(name, shop, out)
        else:
            timing, pages = bare_reportlab(report_rows(name, shop), out), 0
    print(json.dumps({"seconds": timing.wall, "cpu": timing.cpu, "pages": pages,
                      "peak": peak_rss_mib()}))


def warm_up() -> None:
    """Import the libraries and register the fonts, as the bare run has done before its clock
    starts: a report's own work is measured, not the first import of pandas or matplotlib."""
    import pandas  # noqa: F401
    import reportlab.platypus  # noqa: F401
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: F401

    from ecdesk.services.reports.fonts import chart_font, pdf_font

    pdf_font()
    chart_font()


def in_child(mode: str, name: str, shop: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-m", "tests.bench.reports_bench", "--child", mode,
                           name, str(shop)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def measure(name: str, shop: Path, runs: int) -> tuple[dict[str, float], dict[str, float]]:
    """Best of `runs` (each in a fresh process, alternating) for ecdesk and bare reportlab."""
    best: dict[str, dict[str, float]] = {}
    for _run in range(runs):
        for mode in ("report", "bare"):
            result = in_child(mode, name, shop)
            if mode not in best or result["cpu"] < best[mode]["cpu"]:
                best[mode] = result
            print(f"  {name}, {'ecdesk' if mode == 'report' else 'bare reportlab'}: "
                  f"{result['seconds']:.1f} s ({result['cpu']:.1f} s CPU), peak "
                  f"{result['peak']:.0f} MiB", file=sys.stderr, flush=True)
    return best["report"], best["bare"]


def rows(source: Path, runs: int) -> list[Row]:
    with tempfile.TemporaryDirectory() as tmp:
        shop = Path(tmp) / "shop.ecdesk"
        shutil.copyfile(source, shop)  # reports only read, but never touch the cached file
        period = last_whole_month(shop)
        print(f"Reports for {period.label()} on {source.name}...", file=sys.stderr, flush=True)
        skus = _count(shop, "SELECT count(*) FROM variants")
        inventory, inventory_base = measure("inventory", shop, runs)
        pack, pack_base = measure("accountant-pack", shop, runs)
    def note(ours: dict[str, float], bare: dict[str, float]) -> str:
        return (f"{period.label()}; CPU time of the SQL, alerts, charts and PDF of "
                f"generate_report, each run in a fresh process, best of {runs} (wall: "
                f"{ours['seconds']:.0f} s vs {bare['seconds']:.0f} s; the CPU time is what "
                "other work on a shared machine does not change)")

    return [
        Row(f"inventory valuation PDF, {skus:,} SKUs ({int(inventory['pages']):,} pages)", "s",
            inventory["cpu"], inventory_base["cpu"], "bare reportlab, same rows as 50-row Tables",
            RATIO, note(inventory, inventory_base)),
        Row(f"accountant pack PDF, large shop ({int(pack['pages']):,} pages)", "s",
            pack["cpu"], pack_base["cpu"], "bare reportlab, same rows as 50-row Tables",
            RATIO, note(pack, pack_base)),
        Row("inventory valuation PDF, peak memory", "MiB", inventory["peak"],
            inventory_base["peak"], "bare reportlab drawing its rows", MEMORY_RATIO,
            "peak resident memory of the process (VmHWM), shop open and report written"),
    ]


def _count(shop: Path, query: str) -> int:
    import sqlite3

    conn = sqlite3.connect(f"file:{shop}?mode=ro", uri=True)
    try:
        return int(conn.execute(query).fetchone()[0])
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        child(argv[1], argv[2], Path(argv[3]))
        return 0
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 2
    if "--shop" in argv:
        source = Path(argv[argv.index("--shop") + 1])
    else:
        from tests.bench.shop import large_shop

        source = large_shop(seed=1).path
    return emit(rows(source, runs), "--json" in argv)


if __name__ == "__main__":
    sys.exit(main())
