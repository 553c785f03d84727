"""Back up now and Restore: the shop owner's own safety net, with a look before restoring."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecdesk.services.shop_file.backups import BackupSummary, back_up
from ecdesk.views.shell.shop_clock import shop_time_text
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.locale_format import integer
from ecdesk.views.widgets.operations import Operation


def start_backup(parent: QWidget, context: ShopContext, folder: Path) -> Operation:
    """Back up now: copy and check the shop on a worker (the full integrity check), with the
    pages copied as progress and Cancel; the operation says where the copy went."""
    shop = context.db.path
    return context.run_operation(
        parent, QCoreApplication.translate("BackupDialogs", "Back up"),
        lambda progress: back_up(shop, "manual", folder=folder, progress=progress),
        text=QCoreApplication.translate("BackupDialogs", "Copying and checking the shop…"))


class RestoreDialog(QDialog):
    """Shows what a backup holds next to the current shop and asks before replacing it."""

    def __init__(self, backup: BackupSummary, current: BackupSummary,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        when = shop_time_text(backup.created_at, ZoneInfo(backup.timezone), day=True) \
            if backup.created_at else self.tr("unknown date")
        intro = QLabel(self.tr(
            "Restore <b>%s</b> (shop “%s”, taken %s)?<br>The current shop is backed up first, "
            "so this can be undone by restoring that copy.") % (
                backup.path.name, backup.shop_name, when), wordWrap=True)
        table = QTableWidget(len(backup.counts), 3)
        table.setHorizontalHeaderLabels([self.tr("Area"), self.tr("In the backup"),
                                          self.tr("Now")])
        table.verticalHeader().setVisible(False)
        for row, (area, count) in enumerate(backup.counts.items()):
            for column, text in enumerate((area, integer(count), integer(current.counts[area]))):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(self.tr("Restore"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.backup_path: Path = backup.path
