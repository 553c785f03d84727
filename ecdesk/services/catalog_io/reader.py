"""Reading an import file into products, with every problem found without the database."""

from __future__ import annotations

from pathlib import Path

from ecdesk.errors import Problem
from ecdesk.i18n import _
from ecdesk.services.catalog_io.dto import ColumnChoice, ParsedFile, ParsedProduct
from ecdesk.services.catalog_io.formats import FORMATS, column_index, detect_format
from ecdesk.services.catalog_io.formats.common import FIELD_LABELS
from ecdesk.services.common.progress import Progress
from ecdesk.services.shop_file.collector_pause import collector_paused
from ecdesk.services.tabular_io.columns import Columns
from ecdesk.services.tabular_io.table import FILE, CheckedRows, TableError, open_table


@collector_paused()
def read_import_file(path: Path | str, *, format: str | None = None,
                     mapping: dict[str, str] | None = None, encoding: str | None = None,
                     remembered: dict[str, dict[str, str]] | None = None,
                     progress: Progress | None = None) -> ParsedFile:
    """Read `path` (CSV or XLSX) as `format` (detected when None).

    `mapping` ({field: column name}, "" to ignore a field) corrects the detected columns;
    `remembered` (from `load_column_mappings`) holds corrections saved earlier, per format.
    Raises ImportCancelledError when `progress` returns False.
    """
    path = Path(path)
    if format is not None and format not in FORMATS:
        known = ", ".join(FORMATS)
        return _refused(path, format or "", f"'{format}' is not a format ecdesk reads ({known})")
    try:
        table = open_table(path, encoding, progress)
    except (TableError, OSError) as error:
        return _refused(path, format or "", str(error))
    try:
        header = table.header
        guess = detect_format(header)
        name = format or guess.name
        module = FORMATS[name]
        confident = format is not None or guess.confident
        problems: list[Problem] = []
        index = column_index(header, name)
        for override in ((remembered or {}).get(name, {}), mapping or {}):
            _apply_mapping(index, header, override, problems, strict=override is mapping)
        for field in module.REQUIRED:
            if field not in index:
                problems.append(
                    Problem(
                        FILE,
                        _("no column for {FIELD_LABELS}: choose the column to read it from").format(
                            FIELD_LABELS=FIELD_LABELS[field]
                        ),
                    )
                )
        if problems:
            return _refused(path, name, "", header, index, problems, table.encoding, confident)
        columns = Columns(header, index, FIELD_LABELS)
        counter = CheckedRows(table.rows, len(header), problems)
        products = module.build(counter, columns, problems)
    except TableError as error:
        return _refused(path, format or "", str(error))
    finally:
        table.close()
    _check_duplicates(products, columns, problems)
    problems.sort(key=lambda p: (p.row or 0))
    used = set(index.values())
    return ParsedFile(
        path=str(path), format=name, format_label=module.LABEL, format_confident=confident,
        encoding=table.encoding, header=tuple(header), mapping=_choices(header, index, module),
        unused_columns=tuple(h for i, h in enumerate(header) if i not in used and h),
        rows=counter.count, products=tuple(products), problems=tuple(problems))


def _apply_mapping(index: dict[str, int], header: list[str], override: dict[str, str],
                   problems: list[Problem], strict: bool) -> None:
    stripped = [h.strip() for h in header]
    for field, column in override.items():
        if field not in FIELD_LABELS and not field.startswith("listing:"):
            if strict:
                problems.append(
                    Problem(FILE, _("'{field}' is not a field ecdesk reads").format(field=field))
                )
            continue
        if not column:
            index.pop(field, None)
        elif column.strip() in stripped:
            index[field] = stripped.index(column.strip())
        elif strict:
            problems.append(
                Problem(FILE, _("there is no column '{column}' in the file").format(column=column))
            )


def _choices(header: list[str], index: dict[str, int], module) -> tuple[ColumnChoice, ...]:
    fields = list(dict.fromkeys([*module.ALIASES, *index]))
    return tuple(ColumnChoice(f, FIELD_LABELS.get(f, f), header[index[f]] if f in index else "")
                 for f in fields)


def _check_duplicates(products: list[ParsedProduct], columns: Columns,
                      problems: list[Problem]) -> None:
    seen: dict[str, int] = {}
    for product in products:
        for variant in product.variants:
            key = variant.sku.lower()
            if key in seen:
                problems.append(
                    Problem(
                        columns.name("sku"),
                        _("'{sku}' is also used in row {seen}").format(
                            sku=variant.sku, seen=seen[key]
                        ),
                        variant.row,
                    )
                )
            else:
                seen[key] = variant.row
    handles: dict[str, int] = {}
    for product in products:
        if product.handle:
            key = product.handle.lower()
            if key in handles:
                problems.append(
                    Problem(
                        columns.name("handle"),
                        _("'{handle}' is also the handle of the product in row {handles}").format(
                            handle=product.handle, handles=handles[key]
                        ),
                        product.row,
                    )
                )
            else:
                handles[key] = product.row


def _refused(path: Path, name: str, reason: str, header: list[str] | None = None,
             index: dict[str, int] | None = None, problems: list[Problem] | None = None,
             encoding: str = "", confident: bool = False) -> ParsedFile:
    problems = list(problems or []) + ([Problem(FILE, reason)] if reason else [])
    module = FORMATS.get(name)
    return ParsedFile(
        path=str(path), format=name, format_label=module.LABEL if module else "",
        format_confident=confident, encoding=encoding, header=tuple(header or ()),
        mapping=_choices(header, index or {}, module) if module and header else (),
        unused_columns=(), rows=0, products=(), problems=tuple(problems), file_error=True)
