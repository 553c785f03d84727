"""A segment (or any filtered list) of customers to CSV or XLSX, for a campaign: one row per
customer with its contact fields, channels, tags and RFM, in the list's order."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ecdesk.db import UnitOfWork
from ecdesk.errors import Problem, ValidationError
from ecdesk.i18n import N_, NC_, _
from ecdesk.money import from_minor_units
from ecdesk.services.customers.dto import CustomerQuery, CustomerRow
from ecdesk.services.customers.queries import customer_page
from ecdesk.services.customers.segments import segment_label
from ecdesk.services.tabular_io.values import neutralize

HEADER = (N_("Customer id"), NC_("person", "Name"), N_("Channels"), N_("Email"), N_("Phone"),
          N_("Tags"),
          N_("Segment"), N_("Orders"), N_("Spent"), N_("Last order"), N_("Days since"),
          N_("R"), N_("F"), N_("M"))
SUFFIXES = (".csv", ".xlsx")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    customers: int


def export_customers(uow: UnitOfWork, path: Path | str, query: CustomerQuery) -> ExportResult:
    """Write the customers `query` lists to `path` (.csv, UTF-8 with BOM for Excel; or .xlsx)."""
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise ValidationError([Problem(_("File"), _("{name}: choose a .csv or .xlsx file")
                                       .format(name=path.name))])
    with uow:
        rows = customer_page(uow.session, query, limit=None).rows
    table = [_cells(row) for row in rows]
    header = [_(title) for title in HEADER]
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as file:
            writer = csv.writer(file, lineterminator="\r\n")
            writer.writerow(header)
            writer.writerows([_text(v) for v in row] for row in table)
    else:
        _write_xlsx(path, header, table)
    return ExportResult(path, len(rows))


def _cells(row: CustomerRow) -> list[Any]:
    last = row.last_order_at.date().isoformat() if row.last_order_at else None
    return [row.id, row.name, row.channels, row.email, row.phone, row.tags,
            segment_label(row.segment), row.orders, from_minor_units(row.spent), last,
            row.recency_days, row.r, row.f, row.m]


def _text(value: Any) -> str:
    if value is None:
        return ""
    return neutralize(value) if isinstance(value, str) else str(value)


def _write_xlsx(path: Path, header: list[str], table: list[list[Any]]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Customers"))
    sheet.append(header)
    for row in table:
        sheet.append([neutralize(v) if isinstance(v, str) else v for v in row])
    book.save(path)
