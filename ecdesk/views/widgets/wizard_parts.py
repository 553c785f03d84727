"""What the import wizards share: a wizard that runs one job at a time on a worker, and the
small pieces their pages are made of (a progress bar with Cancel, error text, HTML escaping)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget, QWizard

from ecdesk.errors import ValidationError
from ecdesk.views.widgets.operations import Operation, show_progress
from ecdesk.views.widgets.workers import Job

__all__ = ["JobWizard", "busy_row", "error_text", "escape", "show_progress"]

ERROR_STYLE = "color: #b3261e"
WARNING_STYLE = "color: #8a5300"
ERRORS_SHOWN = 20


class JobWizard(QWizard):
    """A wizard whose pages start work with `run` (one job at a time); the work runs on the
    pool and opens its own unit of work, the callbacks come back on the GUI thread.

    The import itself is a write: `run_import` starts it as the shop's background operation
    (`ShopContext.run_operation`), which broadcasts what the import changed.

    A subclass has a `context` (the ShopContext) and an `import_page` with `cancel()`: Cancel
    while it imports stops the import (nothing is written) and keeps the wizard open to say so;
    a second Cancel closes it.
    """

    busy_changed = Signal(bool)
    context: Any
    import_page: Any

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.job: Job | Operation | None = None
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)  # the page has one

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.running

    def run(self, work: Callable[[Callable[[int, int], bool]], Any],
            progress: Callable[[int, int], None], done: Callable[[Any], None],
            failed: Callable[[Exception], None], cancelled: Callable[[], None]) -> Job:
        """Start `work` on the pool (a running job is cancelled first)."""
        if self.job is not None:
            self.job.cancel()
        job = self.job = Job(work, self)

        def finish(callback: Callable[..., None], *args: Any) -> None:
            if self.job is job:
                callback(*args)
                self.busy_changed.emit(False)

        job.signals.progress.connect(lambda a, b: self.job is job and progress(a, b))
        job.signals.finished.connect(lambda value: finish(done, value))
        job.signals.failed.connect(lambda error: finish(failed, error))
        job.signals.cancelled.connect(lambda: finish(cancelled))
        job.start()
        self.busy_changed.emit(True)
        return job

    def run_import(self, work: Callable[[Callable[[int, int], bool]], Any],
                   progress: Callable[[int, int], None], done: Callable[[Any], None],
                   failed: Callable[[Exception], None], cancelled: Callable[[], None]) -> None:
        """Start the import on the worker; its page shows the progress and has the Cancel."""
        if self.job is not None:
            self.job.cancel()

        def finish(callback: Callable[..., None], *args: Any) -> None:
            callback(*args)
            self.busy_changed.emit(False)

        self.job = self.context.run_operation(
            self, self.windowTitle(), work, lambda result: finish(done, result),
            progress=progress, on_failed=lambda error: finish(failed, error),
            on_cancelled=lambda: finish(cancelled))
        self.busy_changed.emit(True)

    def cancel_job(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()

    def reject(self) -> None:
        if self.busy and self.currentPage() is self.import_page:
            self.import_page.cancel()
            return
        self.cancel_job()
        super().reject()


def busy_row(page: QWidget) -> tuple[QProgressBar, QPushButton, QHBoxLayout]:
    """A progress bar and its Cancel button, hidden until work runs (a wizard page, the
    export dialog, the Reports page)."""
    bar = QProgressBar(textVisible=True)
    cancel = QPushButton(QCoreApplication.translate("WizardParts", "Cancel"))
    row = QHBoxLayout()
    row.addWidget(bar, 1)
    row.addWidget(cancel)
    bar.hide()
    cancel.hide()
    return bar, cancel, row


def error_text(error: Exception) -> str:
    if isinstance(error, ValidationError):
        more = len(error.problems) - ERRORS_SHOWN
        return "\n".join(f"• {problem}" for problem in error.problems[:ERRORS_SHOWN]) + (
            f"\n… {more} more" if more > 0 else "")
    return str(error)


def escape(text: str) -> str:
    """Plain text as rich text (a label shows HTML): & < > kept, line breaks kept."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\n", "<br>"))
