"""Reading an order export into orders, with every problem found without the database."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ecdesk.errors import Problem
from ecdesk.services.common.progress import Progress
from ecdesk.services.orders_io.dto import ParsedOrderFile
from ecdesk.services.orders_io.formats import (
    ORDER_FORMATS,
    detect_order_format,
    looks_like_products,
    order_column_index,
)
from ecdesk.services.orders_io.formats.common import FIELD_LABELS, OrderRows
from ecdesk.services.shop_file.collector_pause import collector_paused
from ecdesk.services.tabular_io.columns import Columns
from ecdesk.services.tabular_io.table import FILE, CheckedRows, TableError, open_table


@collector_paused()
def read_orders_file(path: Path | str, *, timezone: str, format: str | None = None,
                     encoding: str | None = None, progress: Progress | None = None
                     ) -> ParsedOrderFile:
    """Read `path` (CSV or XLSX) as `format` (detected from the header when None).

    Times written without an offset are in `timezone` (the shop's). Raises
    ImportCancelledError when `progress` returns False.
    """
    path = Path(path)
    refused = _Refusal(path, timezone)
    if format is not None and format not in ORDER_FORMATS:
        return refused(format, f"'{format}' is not an order format ecdesk reads "
                       f"({', '.join(ORDER_FORMATS)})")
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return refused(format or "", f"the shop's time zone '{timezone}' is unknown: set it "
                       "under Settings")
    try:
        table = open_table(path, encoding, progress)
    except (TableError, OSError) as error:
        return refused(format or "", str(error))
    try:
        header = table.header
        guess = detect_order_format(header)
        name = format or guess.name
        products = None if format or guess.confident else looks_like_products(header)
        if products:
            return refused("", f"this is a product file ({products}), not an order export: "
                           "import it with Import products", None, table.encoding)
        missing = _missing_columns(header, name)
        if missing:
            return refused(name, missing, header, table.encoding)
        problems: list[Problem] = []
        columns = Columns(header, order_column_index(header, name), FIELD_LABELS)
        orders = OrderRows(ORDER_FORMATS[name], columns, problems, zone)
        rows = CheckedRows(table.rows, len(header), problems)
        for row, cells in rows:
            orders.add(row, cells)
        parsed = orders.orders()
    except TableError as error:
        return refused(format or "", str(error))
    finally:
        table.close()
    problems.sort(key=lambda p: p.row or 0)
    return ParsedOrderFile(
        path=str(path), format=name, format_label=ORDER_FORMATS[name].LABEL,
        format_confident=format is not None or guess.confident, encoding=table.encoding,
        timezone=timezone, header=tuple(header), rows=rows.count, orders=tuple(parsed),
        problems=tuple(problems))


def _missing_columns(header: list[str], name: str) -> str:
    """Why nothing can be read from a file with this header ("" when it can be read)."""
    index = order_column_index(header, name)
    missing = [FIELD_LABELS[f] for f in ORDER_FORMATS[name].REQUIRED if f not in index]
    if not missing:
        return ""
    return (f"no column for {', '.join(missing)}: is this a {ORDER_FORMATS[name].LABEL}? "
            f"The columns ecdesk looks for: {_expected(name)}")


def _expected(name: str) -> str:
    module = ORDER_FORMATS[name]
    return ", ".join(f"'{module.ALIASES[f][0].capitalize()}'" for f in module.REQUIRED)


class _Refusal:
    """A file nothing can be imported from, with the reason as its one problem."""

    def __init__(self, path: Path, timezone: str) -> None:
        self.path, self.timezone = path, timezone

    def __call__(self, name: str, reason: str, header: list[str] | None = None,
                 encoding: str = "") -> ParsedOrderFile:
        module = ORDER_FORMATS.get(name)
        return ParsedOrderFile(
            path=str(self.path), format=name, format_label=module.LABEL if module else "",
            format_confident=False, encoding=encoding, timezone=self.timezone,
            header=tuple(header or ()), rows=0, orders=(), problems=(Problem(FILE, reason),),
            file_error=True)
