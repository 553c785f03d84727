"""Stock count (stocktake): count what is on the shelf and post the differences.

The sheet holds the SKUs the Inventory page shows, or only the SKUs scanned or typed. Counts
are checked as they are typed; a blank count leaves the SKU as it is. Before posting, the
summary says how many SKUs were counted, how many differ and by how many units; the count is
then posted in one transaction on a worker (the shop's background write, which broadcasts what
the service says changed), with a reference such as "Count 2026-12-01".
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import EcdeskError, Problem
from ecdesk.services.shop_file.backups import BULK_BACKUP_ROWS
from ecdesk.services.stock.commands import CountResult, post_stock_count
from ecdesk.services.stock.inventory_dto import CountLine, InventoryQuery
from ecdesk.services.stock.queries import count_sheet, find_count_line
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.stock.stock_labels import signed
from ecdesk.views.stock.stocktake_model import COUNTED, StocktakeModel
from ecdesk.views.widgets.forms import problem_label
from ecdesk.views.widgets.operations import Operation, explain_refusal
from ecdesk.views.widgets.workers import Job

SHEET, SCANNED = "sheet", "scanned"
PROBLEMS_SHOWN = 5


class StocktakeDialog(QDialog):
    def __init__(self, context: ShopContext, query: InventoryQuery, scope: str,
                 parent: QWidget | None = None) -> None:
        """Count the SKUs of `query` (the Inventory page's view, described by `scope`)."""
        super().__init__(parent)
        self.context = context
        self.query = query
        self.model = StocktakeModel(self)
        self.loading = False
        self._jobs: set[Job] = set()
        self.posting: Operation | None = None
        self.posted: CountResult | None = None
        self.setWindowTitle(self.tr("Stock count"))
        self.resize(900, 640)
        self._build(scope)
        self.model.counts_changed.connect(self.validate)
        self._on_scope()

    # -- layout ----------------------------------------------------------------------------
    def _build(self, scope: str) -> None:
        self.scope = QComboBox()
        self.scope.addItem(self.tr("The SKUs on the Inventory page: %s") % scope, SHEET)
        self.scope.addItem(self.tr("Only the SKUs I scan or type"), SCANNED)
        self.scope.currentIndexChanged.connect(self._on_scope)
        self.scan = QLineEdit(placeholderText=self.tr("Scan or type a SKU or barcode, then Enter"))
        self.scan.returnPressed.connect(self.add_scanned)
        self.each_scan_adds = QCheckBox(self.tr("Each scan counts one unit"))
        self.scan_problem = problem_label()
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan, 1)
        scan_row.addWidget(self.each_scan_adds)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Typing over a cell or double-clicking it edits the count; moving to a cell does not
        # (a scan moves there, and the next scan must still go to the scan box).
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed
                                   | triggers.AnyKeyPressed | triggers.SelectedClicked)
        self.table.itemDelegate().closeEditor.connect(self._after_edit)
        self._back_to_scan = False  # the open count was started by a scan
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((150, 300, 130, 80, 80, 80)):
            self.table.setColumnWidth(column, width)
        self.status = QLabel()

        self.reference = QLineEdit(self.tr("Count %s") % self.context.clock.today().isoformat())
        self.reference.setMaxLength(120)
        self.note = QLineEdit(placeholderText=self.tr("optional, e.g. year-end count, shelf A"))
        self.note.setMaxLength(120)
        form = QFormLayout()
        form.addRow(self.tr("Reference"), self.reference)
        form.addRow(self.tr("Note"), self.note)

        self.summary = QLabel()
        self.problems = problem_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.post_button = self.buttons.addButton(self.tr("Post count…"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.post)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.post)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("What to count")))
        layout.addWidget(self.scope)
        layout.addLayout(scan_row)
        layout.addWidget(self.scan_problem)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

    # -- the sheet -------------------------------------------------------------------------
    def _on_scope(self) -> None:
        typed = self.model.summary()
        if typed.counted + typed.invalid and not self._confirm(
                self.tr("Start again with another sheet? The counts typed so far are dropped.")):
            self.scope.blockSignals(True)
            self.scope.setCurrentIndex(1 - self.scope.currentIndex())
            self.scope.blockSignals(False)
            return
        self.model.set_lines([])
        if self.scope.currentData() == SHEET:
            self._load_sheet()
        else:
            self.status.setText(self.tr("Scan or type the SKUs you count."))
        self.scan.setFocus()

    def _load_sheet(self) -> None:
        """Read the sheet on a worker: a whole shop's sheet takes a few seconds."""
        self.loading = True
        self.status.setText(self.tr("Loading the SKUs to count…"))
        query, context = self.query, self.context
        job = Job(lambda _progress: count_sheet(context.uow(), query), self)
        self._jobs.add(job)
        job.signals.finished.connect(self._on_sheet)
        job.signals.failed.connect(self._on_sheet_failed)
        for end in (job.signals.finished, job.signals.failed, job.signals.cancelled):
            end.connect(lambda *_args, j=job: self._jobs.discard(j))
        job.start()

    def _on_sheet(self, lines: list[CountLine]) -> None:
        self.loading = False
        if self.scope.currentData() != SHEET:
            return  # the user switched to scanning meanwhile
        self.model.set_lines(lines)
        self.status.setText(self.tr("%n SKU(s) to count. Leave a SKU blank to keep its "
                                    "on-hand as it is.", "", len(lines)))

    def _on_sheet_failed(self, error: EcdeskError) -> None:
        self.loading = False
        self.status.setText(str(error))

    def add_scanned(self) -> None:
        """Find the scanned or typed code, put its SKU on the sheet and count it."""
        code = self.scan.text().strip()
        if not code:
            return
        row = self.model.row_of_code(code)
        if row is None:
            line = find_count_line(self.context.uow(), code)
            if line is None:
                self.scan_problem.setText(self.tr("No SKU or barcode '%s' in the shop") % code)
                self.scan.selectAll()
                return
            row = self.model.add_line(line)
        self.scan_problem.clear()
        self.scan.clear()
        index = self.model.index(row, COUNTED)
        self.table.scrollTo(index)
        self.table.setCurrentIndex(index)
        if self.each_scan_adds.isChecked():
            self.model.increment(row)
            self.scan.setFocus()
        else:
            self._back_to_scan = True
            self.table.edit(index)

    def _after_edit(self) -> None:
        """After typing the count of a scanned SKU, the scan box waits for the next one."""
        if self._back_to_scan:
            self._back_to_scan = False
            QTimer.singleShot(0, self.scan.setFocus)  # after the view has moved focus itself

    # -- checking and posting --------------------------------------------------------------
    def validate(self) -> bool:
        summary = self.model.summary()
        text = self.tr("%n SKU(s) counted", "", summary.counted)
        text += self.tr(", %n differ", "", summary.differ)
        text += self.tr(", net %s units") % signed(summary.net)
        if summary.not_counted:
            text += self.tr(" · %n not counted (left as they are)", "", summary.not_counted)
        self.summary.setText(text)
        problems = self.model.problems()
        shown = problems[:PROBLEMS_SHOWN]
        if len(problems) > PROBLEMS_SHOWN:
            shown.append(self.tr("… and %n more", "", len(problems) - PROBLEMS_SHOWN))
        self.problems.setText("\n".join(shown))
        ok = summary.counted > 0 and not problems
        self.post_button.setEnabled(ok)
        return ok

    def post(self) -> None:
        if not self.validate():
            return
        summary = self.model.summary()
        question = self.tr(
            "Post the count? %s SKU(s) counted; %s differ and change on hand by %s units. "
            "SKUs left blank are not changed.") % (summary.counted, summary.differ,
                                                   signed(summary.net))
        if not self._confirm(question):
            return
        counts = self.model.counts()
        reference, note = self.reference.text().strip(), self.note.text().strip()
        uow = self.context.uow
        text = (self.tr("Posting the count (a backup is taken first)…")
                if len(counts) > BULK_BACKUP_ROWS else self.tr("Posting the count…"))
        self.post_button.setEnabled(False)
        # One transaction, all of it or none: nothing to stop half-way, so no Cancel.
        self.posting = self.context.run_operation(
            self, self.tr("Stock count"),
            lambda _progress: post_stock_count(uow(), counts, reference=reference, note=note),
            self._on_posted, cancellable=False, on_failed=self._on_post_failed, text=text)

    def _on_posted(self, result: CountResult) -> None:
        self.posting = None
        self.posted = result
        self.accept()

    def _on_post_failed(self, error: EcdeskError) -> None:
        self.posting = None
        self.validate()
        explain_refusal(self, error, self.tr("Not posted"))

    def show_refused(self, problems: list[Problem]) -> None:
        self.problems.setText("\n".join(str(p) for p in problems))

    @property
    def busy(self) -> bool:
        return bool(self._jobs) or self.posting is not None

    # -- leaving ---------------------------------------------------------------------------
    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Stock count"), question)
        return answer == QMessageBox.StandardButton.Yes

    def reject(self) -> None:
        if self.posting is not None:
            return  # a count is being posted: it ends by itself
        typed = self.model.summary()
        if (typed.counted or typed.invalid) and not self._confirm(
                self.tr("Close without posting? The counts typed are dropped.")):
            return
        super().reject()  # (closing the window comes here too, through QDialog.closeEvent)
