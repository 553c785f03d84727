"""The product import's counts grid: products, SKUs and listings, new, updated, unchanged."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from ecdesk.services.catalog_io import ImportCounts
from ecdesk.views.widgets.import_problems import RIGHT
from ecdesk.views.widgets.locale_format import integer


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportPreview", text)


COUNT_ROWS = (
    QT_TRANSLATE_NOOP("ImportPreview", "Products"),
    QT_TRANSLATE_NOOP("ImportPreview", "SKUs"),
    QT_TRANSLATE_NOOP("ImportPreview", "Listings"),
)
COUNT_COLUMNS = (
    QT_TRANSLATE_NOOP("ImportPreview", "New"),
    QT_TRANSLATE_NOOP("ImportPreview", "Updated"),
    QT_TRANSLATE_NOOP("ImportPreview", "Unchanged"),
)


def counts_table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(len(COUNT_ROWS), len(COUNT_COLUMNS), parent)
    table.setHorizontalHeaderLabels([_tr(c) for c in COUNT_COLUMNS])
    table.setVerticalHeaderLabels([_tr(r) for r in COUNT_ROWS])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    for column in range(len(COUNT_COLUMNS)):
        table.setColumnWidth(column, 100)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    fill_counts(table, ImportCounts())
    _fit(table)
    return table


def fill_counts(table: QTableWidget, counts: ImportCounts) -> None:
    values = (
        (counts.products_created, counts.products_updated, counts.products_unchanged),
        (counts.variants_created, counts.variants_updated, counts.variants_unchanged),
        (counts.listings_created, counts.listings_updated, None),
    )
    for row, numbers in enumerate(values):
        for column, number in enumerate(numbers):
            item = QTableWidgetItem("—" if number is None else integer(number))
            item.setTextAlignment(RIGHT)
            table.setItem(row, column, item)


def count_of(table: QTableWidget, row: str, column: str) -> str:
    """The text of one cell, by labels (tests read the grid as the user does)."""
    item = table.item(COUNT_ROWS.index(row), COUNT_COLUMNS.index(column))
    return item.text() if item is not None else ""


def _fit(table: QTableWidget) -> None:
    table.resizeRowsToContents()
    width = table.verticalHeader().sizeHint().width() + sum(
        table.columnWidth(c) for c in range(table.columnCount())) + 2 * table.frameWidth()
    height = table.horizontalHeader().sizeHint().height() + sum(
        table.rowHeight(r) for r in range(table.rowCount())) + 2 * table.frameWidth()
    table.setFixedSize(width, height)
