"""A report table in the PDF: as many reportlab Tables as it takes, one per page.

One reportlab Table of 10,000 rows is slow to lay out (every row is measured, and splitting it
across pages starts over on each page); many small Tables are fast. `TableRows` is a flowable
that, asked to split at a page's foot, hands back one small Table with what fits (never more
than 50 rows) and itself for the rest. Every piece starts with the table's caption and header,
so the header repeats on every page. Rows are formatted only when their piece is made, so a big
table's text is never held all at once.

reportlab is imported when the first table is made (the app must start without it), which is
why the flowable class is built by a function.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ecdesk.i18n import N_, _
from ecdesk.services.reports.model import (
    ROW_KIND,
    STYLE,
    SUBTOTAL,
    TEXT,
    TEXT_OF,
    Table,
    cell_text,
    column_heading,
)
from ecdesk.services.reports.pdf_layout import (
    CAPTION_HEIGHT,
    CELL_PADDING,
    HEADER_FILL,
    HEADER_ROW_HEIGHT,
    INK,
    MAX_TABLE_ROWS,
    MIN_ROWS_ON_PAGE,
    MUTED,
    ROW_HEIGHT,
    RULE,
    SUBTOTAL_FILL,
    TABLE_FONT_SIZE,
    TOTAL_FILL,
    RenderState,
    fit_text,
)

EMPTY_TEXT = N_("Nothing in this period")
TABLE_LEADING = TABLE_FONT_SIZE + 1.5  # with the default 3-point bottom padding: the baseline
# sits 4.5 points above the row's foot
CONTINUED = N_(" (continued)")


def table_flowable(table: Table, *, state: RenderState, font: str, currency: str) -> Any:
    return _table_rows_class()(table, state, font, currency)


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    """(first, last) index of each run of True: one ALIGN command per run of number columns."""
    runs: list[tuple[int, int]] = []
    for index, flag in enumerate(flags):
        if flag and runs and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index)
        elif flag:
            runs.append((index, index))
    return runs


def min_height(rows: int = MIN_ROWS_ON_PAGE) -> float:
    """The least room a table starts in: caption, header and a few rows."""
    return CAPTION_HEIGHT + HEADER_ROW_HEIGHT + rows * ROW_HEIGHT


class _Layout:
    """Column widths, header texts and per-table constants shared by a table's pieces."""

    def __init__(self, table: Table, font: str, currency: str, width: float) -> None:
        self.table, self.font, self.width = table, font, width
        weights = sum(c.width for c in table.columns)
        self.widths = [width * c.width / weights for c in table.columns]
        self.room = [w - 2 * CELL_PADDING for w in self.widths]
        self.header = [fit_text(column_heading(c, currency), room, font, TABLE_FONT_SIZE)
                       for c, room in zip(table.columns, self.room, strict=True)]
        self.rows = len(table.rows)
        # The totals row is one more row; an empty table shows one line saying so.
        self.count = self.rows + (1 if table.total is not None else 0) or 1
        self.subtotals = (table.rows[STYLE].to_numpy() == SUBTOTAL
                          if STYLE in table.rows.columns else None)
        self.numeric_runs = _runs([c.numeric for c in table.columns])

    def height(self, rows: int) -> float:
        return CAPTION_HEIGHT + HEADER_ROW_HEIGHT + rows * ROW_HEIGHT

    def cells(self, start: int, end: int) -> list[list[str]]:
        """Rows start..end-1 as text (the totals row and the empty line included)."""
        data: list[list[str]] = []
        stop = min(end, self.rows)
        if start < stop:
            columns = []
            for column, room in zip(self.table.columns, self.room, strict=True):
                values = self.table.rows[column.key].iloc[start:stop]
                if ROW_KIND in self.table.rows.columns:  # a key-figure table: kinds by row
                    kinds = self.table.kinds(column, start, stop)
                    texts = [cell_text(v, kind) for v, kind in zip(values, kinds, strict=True)]
                else:
                    texts = list(map(TEXT_OF[column.kind], values))
                if column.kind == TEXT:
                    texts = [fit_text(t, room, self.font, TABLE_FONT_SIZE) for t in texts]
                columns.append(texts)
            data = [list(row) for row in zip(*columns, strict=True)]
        if end > self.rows and self.rows < self.count:
            data.append(self._total_row() if self.table.total is not None else self._empty())
        return data

    def _total_row(self) -> list[str]:
        total = self.table.total or {}
        row = []
        for index, column in enumerate(self.table.columns):
            if column.kind == TEXT:
                row.append(_(self.table.total_label) if index == 0 else "")
            else:
                row.append(cell_text(total.get(column.key), column.kind))
        return row

    def _empty(self) -> list[str]:
        return [_(EMPTY_TEXT)] + [""] * (len(self.table.columns) - 1)

    def style(self, start: int, end: int) -> list[tuple[Any, ...]]:
        """As few commands as it takes: reportlab applies each to every cell of its range, and
        the defaults (bottom-aligned, black, 6-point side padding) are what the report wants."""
        from reportlab.lib.colors import HexColor

        last = end - start  # the table's last row index (row 0 is the header)
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), self.font),
            ("FONTSIZE", (0, 0), (-1, -1), TABLE_FONT_SIZE),
            ("LEADING", (0, 0), (-1, -1), TABLE_LEADING),
            ("BACKGROUND", (0, 0), (-1, 0), HexColor(HEADER_FILL)),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, HexColor(RULE)),
            ("LINEBELOW", (0, last), (-1, last), 0.6, HexColor(RULE)),
        ]
        for first, final in self.numeric_runs:
            commands.append(("ALIGN", (first, 0), (final, -1), "RIGHT"))
        if self.subtotals is not None:
            for row in range(start, min(end, self.rows)):
                if self.subtotals[row]:
                    commands.append(("BACKGROUND", (0, row - start + 1), (-1, row - start + 1),
                                     HexColor(SUBTOTAL_FILL)))
        if end > self.rows and self.table.total is not None:
            commands += [("BACKGROUND", (0, last), (-1, last), HexColor(TOTAL_FILL)),
                         ("LINEABOVE", (0, last), (-1, last), 0.8, HexColor(INK))]
        elif end > self.rows and self.rows == 0:
            commands.append(("TEXTCOLOR", (0, last), (-1, last), HexColor(MUTED)))
        return commands


@cache
def _table_rows_class() -> type:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Flowable
    from reportlab.platypus import Table as RLTable

    class TableRows(Flowable):  # type: ignore[misc]
        """Rows `start` to the end of a report table, split into pieces at page ends."""

        def __init__(self, table: Table, state: RenderState, font: str, currency: str,
                     start: int = 0, layout: _Layout | None = None) -> None:
            super().__init__()
            self.table, self.state, self.font, self.currency = table, state, font, currency
            self.start, self.end = start, None
            self.layout = layout

        def _layout(self, available_width: float) -> _Layout:
            width = available_width * self.table.width
            if self.layout is None or self.layout.width != width:
                self.layout = _Layout(self.table, self.font, self.currency, width)
            return self.layout

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            layout = self._layout(available_width)
            end = self.end if self.end is not None else layout.count
            self.width, self.height = layout.width, layout.height(end - self.start)
            if end - self.start > MAX_TABLE_ROWS - 1:  # even where a page could hold more,
                return self.width, max(self.height, available_height + 1)  # split it
            return self.width, self.height

        def split(self, available_width: float, available_height: float) -> list[Any]:
            layout = self._layout(available_width)
            left = layout.count - self.start
            room = int((available_height - layout.height(0)) // ROW_HEIGHT)
            if room < min(MIN_ROWS_ON_PAGE, left):
                return []  # start on the next page
            rows = min(room, MAX_TABLE_ROWS - 1, left)
            widow = left - rows  # rows carried to the next page
            if 0 < widow < MIN_ROWS_ON_PAGE and rows - (MIN_ROWS_ON_PAGE - widow) \
                    >= MIN_ROWS_ON_PAGE:
                rows -= MIN_ROWS_ON_PAGE - widow  # never one row (or the total) alone
            piece = TableRows(self.table, self.state, self.font, self.currency, self.start,
                              layout)
            piece.end = self.start + rows
            rest = TableRows(self.table, self.state, self.font, self.currency,
                             self.start + rows, layout)
            return [piece, rest]

        def draw(self) -> None:
            if self.state.measuring:
                return  # the first pass only needs the heights
            layout = self.layout
            assert layout is not None  # wrap() made it
            end = self.end if self.end is not None else layout.count
            self._caption(layout)
            data = [layout.header, *layout.cells(self.start, end)]
            heights = [HEADER_ROW_HEIGHT] + [ROW_HEIGHT] * (len(data) - 1)
            piece = RLTable(data, colWidths=layout.widths, rowHeights=heights, repeatRows=1,
                            style=layout.style(self.start, end))
            piece.wrapOn(self.canv, self.width, self.height)
            piece.drawOn(self.canv, 0, 0)

        def _caption(self, layout: _Layout) -> None:
            canvas = self.canv
            title = _(self.table.title) + (_(CONTINUED) if self.start > 0 else "")
            canvas.setFillColor(HexColor(INK))
            canvas.setFont(self.font, 9.5)
            canvas.drawString(0, self.height - 12.5, fit_text(title, self.width * 0.55,
                                                               self.font, 9.5))
            if self.table.note and self.start == 0:
                canvas.setFillColor(HexColor(MUTED))
                canvas.setFont(self.font, 7)
                canvas.drawRightString(self.width, self.height - 12.5, fit_text(
                    _(self.table.note), self.width * 0.44, self.font, 7))

    return TableRows
