"""Reading an order export into orders, with every problem found without the database."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ecdesk.errors import Problem
from ecdesk.i18n import _
from ecdesk.services.common.progress import Progress
from ecdesk.services.orders_io.dto import ParsedOrderFile
from ecdesk.services.orders_io.formats import (
    ORDER_FORMATS,
    detect_order_format,
    looks_like_products,
    order_column_index,
)
from ecdesk.services.orders_io.formats.common import (
    FIELD_LABELS,
    OrderRows,
    order_number,
    read_line,
)
from ecdesk.services.orders_io.taobao_pair import joined_table, roles
from ecdesk.services.shop_file.collector_pause import collector_paused
from ecdesk.services.tabular_io.columns import Columns
from ecdesk.services.tabular_io.row_reader import RowReader
from ecdesk.services.tabular_io.table import FILE, CheckedRows, Table, TableError, open_table


@collector_paused()
def read_orders_file(path: Path | str, *, timezone: str, format: str | None = None,
                     encoding: str | None = None, progress: Progress | None = None,
                     second: Path | str | None = None,
                     columns: dict[str, str] | None = None) -> ParsedOrderFile:
    """Read `path` (CSV or XLSX) as `format` (detected from the header when None).

    `second` is the other file of a Taobao/Tmall report that comes as two (the order list
    and its line details, given in either order): they are joined on 订单编号. Times written
    without an offset are in `timezone` (the shop's). `columns` ({field: column name}, "" for
    none) corrects where the format's fields are: a platform that renamed a column, remembered
    per channel (`load_order_columns`). Raises ImportCancelledError when `progress` returns
    False.
    """
    path = Path(path)
    pair_problems: list[Problem] = []
    if second is not None:
        try:
            path, order_list = roles(path, Path(second), encoding)
        except (TableError, OSError) as error:
            return _Refusal(path, timezone)(format or "", str(error))
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
        table = (open_table(path, encoding, progress) if second is None else
                 joined_table(path, order_list, encoding, progress, pair_problems))
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
        corrected = _checked_columns(columns or {}, header)
        if isinstance(corrected, str):
            return refused(name, corrected, header, table.encoding)
        missing = _missing_columns(header, name, corrected)
        if missing and name == "taobao" and _has_line_columns(header) and not corrected:
            return _details_alone(path, timezone, header, table, missing)
        samples = Samples(len(header))
        if missing:  # the user can choose the columns: show them a value of each
            for _row, cells in table.rows:
                if not samples.take(cells):
                    break
            return refused(name, missing, header, table.encoding, samples.values,
                           _missing_fields(header, name, corrected),
                           confident=format is not None or guess.confident)
        problems: list[Problem] = pair_problems
        fields = Columns(header, order_column_index(header, name, corrected), FIELD_LABELS)
        orders = OrderRows(ORDER_FORMATS[name], fields, problems, zone)
        rows = CheckedRows(table.rows, len(header), problems)
        for row, cells in rows:
            samples.take(cells)
            orders.add(row, cells)
        parsed = orders.orders()
    except TableError as error:
        return refused(format or "", str(error))
    finally:
        table.close()
    problems.sort(key=lambda p: p.row or 0)
    return ParsedOrderFile(
        path=str(path), format=name, format_label=_(ORDER_FORMATS[name].LABEL),
        format_confident=format is not None or guess.confident, encoding=table.encoding,
        timezone=timezone, header=tuple(header), rows=rows.count, orders=tuple(parsed),
        problems=tuple(problems), corrected=tuple(sorted(corrected.items())),
        samples=tuple(samples.values))


class Samples:
    """A value of each column, its first non-empty one in the first SAMPLE_ROWS rows, so that
    the user choosing the columns sees what each holds."""

    SAMPLE_ROWS = 200
    WIDTH = 60  # characters kept of a value

    def __init__(self, columns: int) -> None:
        self.values = [""] * columns
        self.left, self.rows = columns, 0

    def take(self, cells: list[str]) -> bool:
        """Look at one more row; False once every column has a value or enough rows were read."""
        if not self.left or self.rows >= self.SAMPLE_ROWS:
            return False
        self.rows += 1
        for column, value in enumerate(cells[:len(self.values)]):
            if not self.values[column] and value.strip():
                self.values[column] = value.strip()[:self.WIDTH]
                self.left -= 1
        return True


def _has_line_columns(header: list[str]) -> bool:
    index = order_column_index(header, "taobao")
    return all(field in index for field in ("number", "sku", "quantity", "price"))


def _details_alone(path: Path, timezone: str, header: list[str], table: Table,
                   missing: str) -> ParsedOrderFile:
    """The line details of a two-file Taobao/Tmall report, given without its order list:
    nothing can be imported (it has no order date), but every row's problem is reported, so
    that the file can be fixed before it is imported with its list."""
    problems: list[Problem] = [Problem(FILE, _(
        "this looks like the line details (宝贝明细) of a Taobao/Tmall order report: it has "
        "no order date, so import it together with the report's order list (订单报表), "
        "joined on 订单编号 ({missing})").format(missing=missing))]
    columns = Columns(header, order_column_index(header, "taobao"), FIELD_LABELS)
    read = RowReader(columns, problems)
    rows = CheckedRows(table.rows, len(header), problems)
    for row, cells in rows:
        read.at(row, cells)
        number = order_number(read)
        if number == "":
            read.problem("number", "is empty: every row needs the order number it belongs to")
        read_line(read)
    problems.sort(key=lambda p: p.row or 0)
    return ParsedOrderFile(
        path=str(path), format="taobao", format_label=_(ORDER_FORMATS["taobao"].LABEL),
        format_confident=True, encoding=table.encoding, timezone=timezone,
        header=tuple(header), rows=rows.count, orders=(), problems=tuple(problems),
        file_error=True)


def _checked_columns(columns: dict[str, str], header: list[str]) -> dict[str, str] | str:
    """The corrections, or why they cannot be used (a field or a column that is not there)."""
    stripped = {h.strip() for h in header}
    for field, column in columns.items():
        if field not in FIELD_LABELS:
            return _("'{field}' is not an order field ecdesk reads ({fields})").format(
                field=field, fields=", ".join(sorted(FIELD_LABELS)))
        if column and column.strip() not in stripped:
            return _("there is no column '{column}' in the file (for {field})").format(
                column=column, field=field)
    return columns


def _missing_fields(header: list[str], name: str, corrected: dict[str, str]) -> tuple[str, ...]:
    index = order_column_index(header, name, corrected)
    return tuple(f for f in ORDER_FORMATS[name].REQUIRED if f not in index)


def _missing_columns(header: list[str], name: str, corrected: dict[str, str]) -> str:
    """Why nothing can be read from a file with this header ("" when it can be read)."""
    missing = [_(FIELD_LABELS[f]) for f in _missing_fields(header, name, corrected)]
    if not missing:
        return ""
    return _("no column for {fields}: is this a {format}? The columns ecdesk looks for: "
             "{columns}").format(fields=", ".join(missing), format=_(ORDER_FORMATS[name].LABEL),
                                 columns=_expected(name))


def _expected(name: str) -> str:
    module = ORDER_FORMATS[name]
    return ", ".join(f"'{module.ALIASES[f][0].capitalize()}'" for f in module.REQUIRED)


class _Refusal:
    """A file nothing can be imported from, with the reason as its one problem."""

    def __init__(self, path: Path, timezone: str) -> None:
        self.path, self.timezone = path, timezone

    def __call__(self, name: str, reason: str, header: list[str] | None = None,
                 encoding: str = "", samples: list[str] | None = None,
                 missing: tuple[str, ...] = (), *, confident: bool = False) -> ParsedOrderFile:
        module = ORDER_FORMATS.get(name)
        return ParsedOrderFile(
            path=str(self.path), format=name, format_label=_(module.LABEL) if module else "",
            format_confident=confident, encoding=encoding, timezone=self.timezone,
            header=tuple(header or ()), rows=0, orders=(), problems=(Problem(FILE, reason),),
            file_error=True, samples=tuple(samples or ()), missing=missing)
