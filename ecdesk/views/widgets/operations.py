"""One way to write in the background: an operation runs a service on a worker, shows its
progress and, when the service succeeds, broadcasts the `Changed` the service returned.

Anki's way (DESIGN.md "Qt kept apart from the core"): the work is a plain function
`work(progress) -> result` that opens its own unit of work on the worker (see `workers`) and
returns a result carrying `.changed`; views never make a Changed up. Start one with
`ShopContext.run_operation`. Its progress shows in the one `ProgressDialog`, or in a bar of the
caller's own (an import wizard's last page) when the caller passes `progress`.

The operation is owned by the shop (its ShopContext), not by the window that started it: a
committed write is broadcast even when that window has gone meanwhile; only the callbacks
into the window are skipped then.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import EcdeskError, ValidationError
from ecdesk.services.changes import Changed
from ecdesk.views.widgets.damage_watch import report_damage
from ecdesk.views.widgets.workers import Job, Work

SHOW_AFTER_MS = 200  # a write that ends sooner shows no dialog (no flash for a small count)


class Outcome(Protocol):
    """What a background write returns: at least what it changed."""

    @property
    def changed(self) -> Changed: ...


class ProgressDialog(QDialog):
    """The progress of a background write: a bar, and Cancel when the work can stop.

    Window-modal, shown after SHOW_AFTER_MS. Cancel, Escape and closing the window all ask the
    work to stop (the dialog stays, saying so, until the work has stopped); without Cancel they
    do nothing: the write ends by itself.
    """

    cancel_requested = Signal()

    def __init__(self, parent: QWidget, title: str, text: str, cancellable: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(380)
        self.cancellable = cancellable
        self.text = QLabel(text, wordWrap=True)
        self.bar = QProgressBar(textVisible=True)
        self.bar.setRange(0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.bar)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.cancel_button.setVisible(cancellable)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        self._show_timer = QTimer(self, singleShot=True, interval=SHOW_AFTER_MS)
        self._show_timer.timeout.connect(self.show)
        self._show_timer.start()

    def show_progress(self, done: int, total: int) -> None:
        show_progress(self.bar, done, total)

    def reject(self) -> None:
        if self.cancellable and self.cancel_button.isEnabled():
            self.cancel_button.setEnabled(False)
            self.text.setText(self.tr("Cancelling…"))
            self.cancel_requested.emit()

    def finish(self) -> None:
        self._show_timer.stop()
        self.hide()
        self.deleteLater()


class Operation(QObject):
    """One background write; `cancel()` asks its work to stop at its next progress report."""

    def __init__(self, owner: QObject, parent: QWidget, title: str, work: Work,
                 broadcast: Callable[[Changed], None],
                 on_done: Callable[[Any], None] | None = None, *, cancellable: bool = True,
                 progress: Callable[[int, int], None] | None = None,
                 on_failed: Callable[[EcdeskError], None] | None = None,
                 on_cancelled: Callable[[], None] | None = None, text: str = "") -> None:
        super().__init__(owner)
        self.title, self.parent_widget = title, parent
        self._broadcast, self._on_done = broadcast, on_done
        self._on_failed, self._on_cancelled = on_failed, on_cancelled
        self._widget_alive = True
        parent.destroyed.connect(self._widget_gone)
        self.job = Job(work, self)
        self.dialog: ProgressDialog | None = None
        if progress is None:
            self.dialog = ProgressDialog(parent, title, text or title + "…", cancellable)
            self.dialog.cancel_requested.connect(self.cancel)
            progress = self.dialog.show_progress
        self._show_progress = progress
        self.job.signals.progress.connect(self._progress)
        self.job.signals.finished.connect(self._finished)
        self.job.signals.failed.connect(self._failed)
        self.job.signals.cancelled.connect(self._cancelled)

    def start(self) -> Operation:
        self.job.start()
        return self

    @property
    def running(self) -> bool:
        return self.job.running

    def cancel(self) -> None:
        self.job.cancel()

    def _progress(self, done: int, total: int) -> None:
        if self._widget_alive:
            self._show_progress(done, total)

    def _widget_gone(self) -> None:
        self._widget_alive = False
        self.dialog = None  # deleted with its parent

    def _end(self) -> bool:
        """Close the dialog and let the operation go; True when the window is still there."""
        if self.dialog is not None:
            self.dialog.finish()
            self.dialog = None
        self.deleteLater()
        return self._widget_alive

    def _finished(self, result: Outcome) -> None:
        alive = self._end()
        self._broadcast(result.changed)
        if alive and self._on_done is not None:
            self._on_done(result)

    def _failed(self, error: EcdeskError) -> None:
        if not self._end():
            return
        if self._on_failed is not None:
            self._on_failed(error)
        else:
            explain_refusal(self.parent_widget, error, self.title)

    def _cancelled(self) -> None:
        if self._end() and self._on_cancelled is not None:
            self._on_cancelled()


def explain_refusal(parent: QWidget, error: EcdeskError, title: str) -> None:
    """A service's refusal in its own words: a form marks its fields itself (`show_refused`),
    otherwise a message lists the problems or says what went wrong. Damage is the shell's to
    explain, with the offer of a backup."""
    if report_damage(error):
        return
    if isinstance(error, ValidationError):
        inline = getattr(parent, "show_refused", None)
        if callable(inline):
            inline(error.problems)
        else:
            _warn_problems(parent, error)
    else:
        QMessageBox.warning(parent, title, str(error))


def _warn_problems(parent: QWidget, error: ValidationError) -> None:
    lines = "\n".join(f"• {problem}" for problem in error.problems)
    QMessageBox.warning(parent, QCoreApplication.translate("Operations", "Please check"), lines)


def show_progress(bar: QProgressBar, done: int, total: int) -> None:
    """`done` of `total` on a bar; a total of 0 (work that cannot measure itself) keeps it busy."""
    if total <= 0:
        bar.setRange(0, 0)
    else:
        bar.setRange(0, 1000)
        bar.setValue(min(1000, done * 1000 // total))
