"""The pages every file import wizard is made of: the file, the preview, the import itself.

The product import (views/catalog/import_pages.py) and the order import
(views/orders/order_import_pages.py) subclass these and say what their files, counts and
choices are; the pages show what comes back and the wizard runs the jobs on a worker.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ecdesk.services.tabular_io.encoding import SUPPORTED
from ecdesk.views.widgets.import_problems import ProblemsModel, counts_by_column, problems_view
from ecdesk.views.widgets.wizard_parts import (
    ERROR_STYLE,
    WARNING_STYLE,
    busy_row,
    error_text,
    escape,
    show_progress,
)

READ_DELAY_MS = 400
COUNTED_COLUMNS = 6  # columns whose problems the summary counts (the list has every one)


class ImportWizardLike(Protocol):
    """What the pages need of their wizard (a `JobWizard` with the import's state and work)."""

    parsed: Any
    preview: Any
    context: Any
    preview_page: Any

    @property
    def busy(self) -> bool: ...

    def run(self, work: Callable[..., Any], progress: Callable[[int, int], None],
            done: Callable[[Any], None], failed: Callable[[Exception], None],
            cancelled: Callable[[], None]) -> Any: ...

    def cancel_job(self) -> None: ...

    def forget_file(self) -> None: ...

    def read_work(self, path: str, format: str | None, encoding: str | None) -> Callable: ...

    def preview_work(self, channel: int | None) -> Callable: ...

    def import_work(self, channel: int | None, only_valid: bool) -> Callable: ...

    def imported(self, result: Any) -> None: ...


# -- 1. the file ---------------------------------------------------------------------------------
class BaseFilePage(QWizardPage):
    def __init__(self, wizard: ImportWizardLike) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(self.what_files())
        self.path_edit = QLineEdit(placeholderText=self.tr("Path of a .csv or .xlsx file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        self.format_combo = QComboBox()
        self.format_combo.addItem(self.tr("Detect from the columns"), None)
        for name, label in self.formats().items():
            self.format_combo.addItem(label, name)
        self.encoding_combo = QComboBox()
        self.encoding_combo.addItem(self.tr("Detect"), None)
        for name in SUPPORTED:
            self.encoding_combo.addItem(name.upper(), name)
        self.read_button = QPushButton(self.tr("Read again"))
        self.read_button.clicked.connect(self.read)
        self.found = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.
                            TextSelectableByMouse)
        self.bar, self.cancel_button, busy = busy_row(self)
        self.cancel_button.clicked.connect(wizard.cancel_job)

        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        read_row = QHBoxLayout()
        read_row.addWidget(self.encoding_combo, 1)
        read_row.addWidget(self.read_button)
        form = QFormLayout()
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Format"), self.format_combo)
        form.addRow(self.tr("Encoding"), read_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(busy)
        layout.addWidget(self.found, 1, Qt.AlignmentFlag.AlignTop)

        self._timer = QTimer(self, singleShot=True, interval=READ_DELAY_MS)
        self._timer.timeout.connect(self.read)
        self.path_edit.textChanged.connect(self._path_edited)
        self.format_combo.currentIndexChanged.connect(lambda _i: self.read())
        self.encoding_combo.currentIndexChanged.connect(lambda _i: self.read())

    # What each kind of file says and reads (a subclass fills these in):
    def what_files(self) -> str:
        raise NotImplementedError

    def formats(self) -> dict[str, str]:
        """Format name -> label, for the format choice."""
        raise NotImplementedError

    def file_filter(self) -> str:
        raise NotImplementedError

    def columns_hint(self) -> str:
        """What to do about a file whose columns are not all found ("": nothing here)."""
        raise NotImplementedError

    def count_text(self, parsed: Any) -> str:
        raise NotImplementedError

    def can_go_on(self, parsed: Any) -> bool:
        """Whether the next page can work with what was read."""
        raise NotImplementedError

    def chosen_format(self) -> str | None:
        return self.format_combo.currentData()

    def chosen_encoding(self) -> str | None:
        return self.encoding_combo.currentData()

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import which file?"), self.path_edit.text(), self.file_filter())
        if path:
            self.path_edit.setText(path)
            self.read()

    def _path_edited(self) -> None:
        self.owner.parsed = None
        self.found.setText("")
        self.completeChanged.emit()
        self._timer.start()

    def read(self) -> None:
        """Read the file as chosen (in a worker); the page completes when it comes back."""
        self._timer.stop()
        self.owner.forget_file()
        self.completeChanged.emit()
        path = Path(self.path_edit.text().strip())
        if not self.path_edit.text().strip():
            self.found.setText("")
            return
        if not path.is_file():
            self._say(self.tr("There is no file at %s") % path, ERROR_STYLE)
            return
        self._say(self.tr("Reading %s…") % path.name, "")
        self.bar.setRange(0, 0)
        self.bar.show()
        self.cancel_button.show()
        self.owner.run(self.owner.read_work(str(path), self.chosen_format(),
                                            self.chosen_encoding()),
                       lambda done, total: show_progress(self.bar, done, total),
                       self._read, self._failed, self._cancelled)

    def _stop(self) -> None:
        self.bar.hide()
        self.cancel_button.hide()
        self.completeChanged.emit()

    def _read(self, parsed: Any) -> None:
        self.owner.parsed = parsed
        self._stop()
        lines = []
        how = self.tr("detected") if parsed.format_confident else self.tr("not sure")
        if parsed.format_label:
            lines.append(self.tr("Format: <b>%s</b> (%s)") % (parsed.format_label, how))
        if parsed.encoding:
            lines.append(self.tr("Encoding: <b>%s</b>") % parsed.encoding)
        if parsed.header and not parsed.file_error:
            lines.append(self.count_text(parsed))
        style = ""
        if not parsed.format_confident and parsed.header:
            lines.append(self.tr("ecdesk is not sure about the format: choose it above if "
                                 "this is not a %s file.") % parsed.format_label)
            style = WARNING_STYLE
        if parsed.file_error:
            reasons = [str(p) for p in parsed.problems]
            hint = self.columns_hint() if parsed.header else ""
            lines += [escape(r) for r in [*reasons, hint] if r]
            style = WARNING_STYLE if hint else ERROR_STYLE
        self._say("<br>".join(lines), style)

    def _failed(self, error: Exception) -> None:
        self._stop()
        self._say(escape(error_text(error)), ERROR_STYLE)

    def _cancelled(self) -> None:
        self._stop()
        self._say(self.tr("Reading was cancelled."), "")

    def _say(self, text: str, style: str) -> None:
        self.found.setText(text)
        self.found.setStyleSheet(style)

    def isComplete(self) -> bool:
        parsed = self.owner.parsed
        return parsed is not None and self.can_go_on(parsed) and not self.owner.busy


# -- 3. the preview ------------------------------------------------------------------------------
class BasePreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizardLike) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("What the import would do. Nothing has been written yet."))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.setCommitPage(True)
        self.channel_combo = QComboBox()
        self.channel_combo.currentIndexChanged.connect(lambda _i: self.check())
        self.counts = self.make_counts()
        self.summary = QLabel(wordWrap=True)
        self.problems_model = ProblemsModel(self)
        self.problems = problems_view(self.problems_model)
        self.all_radio = QRadioButton(self.all_or_nothing_text(), checked=True)
        self.valid_radio = QRadioButton()
        self._choice = group = QButtonGroup(self)
        group.addButton(self.all_radio)
        group.addButton(self.valid_radio)
        self.valid_radio.toggled.connect(lambda _on: self.completeChanged.emit())
        self.bar, self.cancel_button, busy = busy_row(self)
        self.cancel_button.clicked.connect(wizard.cancel_job)

        form = QFormLayout()
        form.addRow(self.channel_label(), self.channel_combo)
        top = QHBoxLayout()
        top.addWidget(self.counts)
        top.addSpacing(16)
        top.addWidget(self.summary, 1, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(busy)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Problems")))
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.all_radio)
        layout.addWidget(self.valid_radio)

    # What each kind of import says and counts (a subclass fills these in):
    def make_counts(self) -> QWidget:
        raise NotImplementedError

    def channel_label(self) -> str:
        raise NotImplementedError

    def all_or_nothing_text(self) -> str:
        raise NotImplementedError

    def fill_channels(self) -> None:
        raise NotImplementedError

    def take(self, value: Any) -> Any:
        """Keep what the check found on the wizard and show its counts; returns the preview."""
        raise NotImplementedError

    def read_line(self, preview: Any) -> str:
        raise NotImplementedError

    def blocked_text(self, preview: Any) -> str:
        raise NotImplementedError

    def valid_choice(self, preview: Any) -> tuple[str, int, int]:
        """The only-valid choice's text, the items it would import and those it would skip."""
        raise NotImplementedError

    def initializePage(self) -> None:
        self.channel_combo.blockSignals(True)
        self.channel_combo.clear()
        self.fill_channels()
        self.channel_combo.blockSignals(False)
        self.all_radio.setChecked(True)
        self.check()

    def chosen_channel(self) -> int | None:
        return self.channel_combo.currentData()

    @property
    def only_valid(self) -> bool:
        return self.valid_radio.isChecked()

    def check(self) -> None:
        """Compare the file with the shop (in a worker; reads again if the columns changed)."""
        if self.owner.parsed is None:
            return
        self.owner.preview = None
        self.problems_model.set_problems(())
        self.summary.setText(self.tr("Checking the file against the shop…"))
        self.summary.setStyleSheet("")
        self.bar.setRange(0, 0)
        self.bar.show()
        self.cancel_button.show()
        self.completeChanged.emit()
        self.owner.run(self.owner.preview_work(self.chosen_channel()),
                       lambda done, total: show_progress(self.bar, done, total),
                       self._checked, self._failed, self._cancelled)

    def _stop(self) -> None:
        self.bar.hide()
        self.cancel_button.hide()
        self.completeChanged.emit()

    def _checked(self, value: Any) -> None:
        preview = self.take(value)
        self.problems_model.set_problems(preview.problems)
        errors = len(preview.errors)
        warnings = len(preview.problems) - errors
        lines = [self.read_line(preview)]
        if preview.problems:
            lines.append(self.tr("%d error(s), %d warning(s).") % (errors, warnings))
        else:
            lines.append(self.tr("No problems found."))
        lines = [escape(line) for line in [*lines, *preview.notes]]
        for error, column, count in counts_by_column(preview.problems)[:COUNTED_COLUMNS]:
            text = (self.tr("%s: %d error(s)") if error else self.tr("%s: %d warning(s)")) % (
                column, count)
            lines.append(f"<span style='{ERROR_STYLE}'>{escape(text)}</span>" if error
                         else escape(text))
        if preview.blocked:
            lines.append(f"<span style='{ERROR_STYLE}'>{self.blocked_text(preview)}</span>")
        self.summary.setText("<br>".join(lines))
        self.summary.setStyleSheet("")
        text, importable, with_errors = self.valid_choice(preview)
        self.valid_radio.setText(text)
        self.valid_radio.setEnabled(not preview.file.file_error and importable > 0
                                    and with_errors > 0)
        self.all_radio.setEnabled(not preview.blocked)
        if preview.blocked and self.all_radio.isChecked():
            self._choice.setExclusive(False)  # neither chosen until the user picks only-valid
            self.all_radio.setChecked(False)
            self._choice.setExclusive(True)
        self._stop()

    def _failed(self, error: Exception) -> None:
        self._stop()
        self.summary.setText(escape(error_text(error)))
        self.summary.setStyleSheet(ERROR_STYLE)

    def _cancelled(self) -> None:
        self._stop()
        self.summary.setText(self.tr("Checking was cancelled: choose the channel again to "
                                     "check once more."))

    def isComplete(self) -> bool:
        preview = self.owner.preview
        if preview is None or self.owner.busy:
            return False
        if preview.blocked:
            return self.only_valid and self.valid_radio.isEnabled()
        return True


# -- 4. the import -------------------------------------------------------------------------------
class BaseImportPage(QWizardPage):
    def __init__(self, wizard: ImportWizardLike) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr("Everything is written in one step: a cancelled or refused "
                                 "import leaves the shop as it was."))
        self.status = QLabel(wordWrap=True)
        self.bar, self.cancel_button, busy = busy_row(self)
        self.cancel_button.setText(self.tr("Cancel the import"))
        self.cancel_button.clicked.connect(self.cancel)
        self.counts = self.make_counts()
        self.counts.hide()
        self.done = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(busy)
        layout.addWidget(self.counts, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    # What each kind of import counts (a subclass fills these in):
    def make_counts(self) -> QWidget:
        raise NotImplementedError

    def show_counts(self, result: Any) -> None:
        raise NotImplementedError

    def initializePage(self) -> None:
        self.done = False
        preview = self.owner.preview
        assert preview is not None
        self.counts.hide()
        self.status.setText(self.tr("Importing… Nothing is kept if you cancel."))
        self.status.setStyleSheet("")
        self.bar.setRange(0, 0)
        self.bar.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.owner.run_import(self.owner.import_work(self.owner.preview_page.chosen_channel(),
                                                     self.owner.preview_page.only_valid),
                              lambda done, total: show_progress(self.bar, done, total),
                              self._imported, self._failed, self._cancelled)

    def cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Cancelling…"))
        self.owner.cancel_job()

    def _finish(self, text: str, style: str) -> None:
        self.done = True
        self.bar.hide()
        self.cancel_button.hide()
        self.status.setText(text)
        self.status.setStyleSheet(style)
        self.completeChanged.emit()

    def _imported(self, result: Any) -> None:
        self.owner.imported(result)
        self.show_counts(result)
        self.counts.show()
        self._finish(escape(result.message) + ".", "")

    def _failed(self, error: Any) -> None:
        intro = self.tr("Nothing was imported.")
        self._finish(escape(f"{intro}\n{error_text(error)}"), ERROR_STYLE)

    def _cancelled(self) -> None:
        self._finish(self.tr("The import was cancelled: nothing was written."), WARNING_STYLE)

    def isComplete(self) -> bool:
        return self.done

