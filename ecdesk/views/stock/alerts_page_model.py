"""The Alerts table: the computed alerts that pass the page's filters, most severe first.

All alerts of a computation arrive at once (one SQL pass computes them all); the page filters
them into this model, which sorts its own list when a header is clicked. Text is made in
`data()` for the rows on screen only, so 100,000 alerts cost one list, not 100,000 strings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from ecdesk.i18n import _
from ecdesk.services.stock.alerts_dto import KIND_LABELS, MEASURES, Alert, Severity
from ecdesk.services.stock.alerts_reasons import days, per_day
from ecdesk.views.stock.stock_labels import units
from ecdesk.views.widgets.locale_format import day

translate = QCoreApplication.translate

AnyIndex = QModelIndex | QPersistentModelIndex
SEVERITY_COLOURS = {Severity.CRITICAL: QColor("#b3261e"), Severity.WARNING: QColor("#8a5300"),
                    Severity.INFO: QColor("#2f5d8a")}
MUTED = QColor("#8a8a8a")
SEVERITY_ICONS = {Severity.CRITICAL: QStyle.StandardPixmap.SP_MessageBoxCritical,
                  Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
                  Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation}
SEVERITY_LABELS = {
    Severity.CRITICAL: QT_TRANSLATE_NOOP("alerts", "Critical"),
    Severity.WARNING: QT_TRANSLATE_NOOP("alerts", "Warning"),
    Severity.INFO: QT_TRANSLATE_NOOP("alerts", "Info"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("alerts", text)


def severity_label(severity: Severity) -> str:
    return tr(SEVERITY_LABELS[severity])


def kind_label(alert: Alert) -> str:
    return _(KIND_LABELS[alert.kind])


def state_text(alert: Alert, zone: tzinfo) -> str:
    if alert.snoozed_until is not None:
        until = day(alert.snoozed_until.astimezone(zone).date())
        if alert.hidden:
            return translate("alerts", "Snoozed until %s") % until
        return translate("alerts", "Back (snoozed till %s)") % until
    if alert.acknowledged_at is not None:
        if alert.hidden:
            return translate("alerts", "Acknowledged")
        return translate("alerts", "Back: worse than acknowledged")
    return ""


# (header, cell text, sort key, right-aligned)
Column = tuple[str, Callable[[Alert, tzinfo], str], Callable[[Alert], Any], bool]
COLUMNS: list[Column] = [
    (QT_TRANSLATE_NOOP("alerts", "Severity"),
     lambda a, _z: severity_label(a.severity), lambda a: -a.severity, False),
    (QT_TRANSLATE_NOOP("alerts", "SKU"), lambda a, _z: a.sku, lambda a: a.sku, False),
    (QT_TRANSLATE_NOOP("alerts", "Product"), lambda a, _z: a.title, lambda a: a.title, False),
    (QT_TRANSLATE_NOOP("alerts", "Alert"),
     lambda a, _z: kind_label(a), lambda a: kind_label(a), False),
    (QT_TRANSLATE_NOOP("alerts", "Reason"), lambda a, _z: a.reason, lambda a: a.reason, False),
    (QT_TRANSLATE_NOOP("alerts", "Available"),
     lambda a, _z: units(a.figures.available), lambda a: a.figures.available, True),
    (QT_TRANSLATE_NOOP("alerts", "Sells a day"),
     lambda a, _z: per_day(a.figures.velocity) if a.figures.velocity else "—",
     lambda a: a.figures.velocity, True),
    (QT_TRANSLATE_NOOP("alerts", "Days of cover"), lambda a, _z: days(a.figures.days_of_cover),
     lambda a: (a.figures.days_of_cover is None, a.figures.days_of_cover or 0), True),
    (QT_TRANSLATE_NOOP("alerts", "Reorder point"), lambda a, _z: units(a.figures.reorder_point),
     lambda a: a.figures.reorder_point, True),
    (QT_TRANSLATE_NOOP("alerts", "Order"),
     lambda a, _z: units(a.figures.suggested_qty) if a.figures.suggested_qty else "",
     lambda a: a.figures.suggested_qty, True),
    (QT_TRANSLATE_NOOP("alerts", "State"),
     state_text, lambda a: (a.snoozed_until is None, a.acknowledged_at is None), False),
]
SEVERITY_COLUMN, KIND_COLUMN, REASON_COLUMN, STATE_COLUMN = 0, 3, 4, 10


class AlertsTableModel(QAbstractTableModel):
    def __init__(self, zone: tzinfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._alerts: list[Alert] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None  # None: the service's order
        self._icons: dict[Severity, QIcon] = {}

    # -- contents --------------------------------------------------------------------------
    def set_zone(self, zone: tzinfo) -> None:
        """The shop's time zone changed: days in the State column follow it."""
        self._zone = zone
        if self._alerts:
            self.dataChanged.emit(self.index(0, STATE_COLUMN),
                                  self.index(len(self._alerts) - 1, STATE_COLUMN))

    def set_alerts(self, alerts: Sequence[Alert]) -> None:
        self.beginResetModel()
        self._alerts = list(alerts)
        if self._sort is not None:
            self._apply_sort(*self._sort)
        self.endResetModel()

    def alert_at(self, row: int) -> Alert | None:
        return self._alerts[row] if 0 <= row < len(self._alerts) else None

    @property
    def alerts(self) -> list[Alert]:
        return list(self._alerts)

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._alerts)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return tr(COLUMNS[section][0])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._alerts):
            return None
        alert, column = self._alerts[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[column][1](alert, self._zone)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(alert, column)
        if role == Qt.ItemDataRole.DecorationRole and column == SEVERITY_COLUMN:
            return self._icon(alert.severity)
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[column][3]:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(alert, column)
        return None

    def _colour(self, alert: Alert, column: int) -> QColor | None:
        if alert.hidden:
            return MUTED
        if column == SEVERITY_COLUMN:
            return SEVERITY_COLOURS[alert.severity]
        return None

    def _icon(self, severity: Severity) -> QIcon:
        if severity not in self._icons:
            self._icons[severity] = QApplication.style().standardIcon(SEVERITY_ICONS[severity])
        return self._icons[severity]

    def _tooltip(self, alert: Alert, column: int) -> str | None:
        if column == REASON_COLUMN:
            return alert.reason
        if column == KIND_COLUMN:
            return translate("alerts", "How bad: %s %s") % (alert.measure, _(MEASURES[alert.kind]))
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        kept = [(index, self._alerts[index.row()]) for index in self.persistentIndexList()]
        self._sort = (column, order)
        self._apply_sort(column, order)
        rows = {id(alert): row for row, alert in enumerate(self._alerts)}
        for index, alert in kept:  # the selection follows its alert to its new row
            self.changePersistentIndex(index, self.index(rows[id(alert)], index.column()))
        self.layoutChanged.emit()

    def _apply_sort(self, column: int, order: Qt.SortOrder) -> None:
        key = COLUMNS[column][2]
        self._alerts.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
