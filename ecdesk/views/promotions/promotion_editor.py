"""The promotion editor: create, change or duplicate a promotion with every field (name,
channels, window in the shop's time with optional daily hours, scope, type and terms, funding,
stacking and priority, coupon code, notes, status).

The form is checked as it is typed (the service's own check, shown at each field). Save runs
the checks before a promotion starts on the draft as if saved (a rolled-back write, on a
worker) and asks for confirmation when they find something; a refusal keeps the dialog open and
writes nothing. A running, ended or cancelled promotion opens read-only, saying why.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, Qt, QTime, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import EcdeskError, Problem
from ecdesk.i18n import _
from ecdesk.services.channels import list_channels
from ecdesk.services.orders.form_queries import suggest_skus
from ecdesk.services.pricing.rules import SCOPE_LABELS, Scope
from ecdesk.services.pricing.scope_suggestions import suggest_scope_values
from ecdesk.services.promotions.checks import Finding, check_before_saving
from ecdesk.services.promotions.draft import PromotionDraft
from ecdesk.services.promotions.events import EventPreset
from ecdesk.services.promotions.store import promotion_problems, save_promotion
from ecdesk.services.promotions.terms import (
    FUNDING_LABELS,
    KIND_LABELS,
    STACKING_LABELS,
    STATUS_LABELS,
    Funding,
    Kind,
    Stacking,
    Status,
)
from ecdesk.views.promotions.event_presets import EventPresetsDialog
from ecdesk.views.promotions.terms_fields import TermsFields
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.forms import (
    ProblemLabel,
    problem_label,
    save_cancel_buttons,
    show_problems,
    stacked,
)
from ecdesk.views.widgets.operations import explain_refusal
from ecdesk.views.widgets.scope_completer import attach_scope_completer
from ecdesk.views.widgets.sku_completer import attach_sku_completer
from ecdesk.views.widgets.workers import Job

CHECK_DELAY_MS = 250
MOMENT = "yyyy-MM-dd HH:mm"
FINDINGS_LISTED = 12


class PromotionEditor(QDialog):
    """`draft` fills the form (None: a new promotion from tomorrow); `promotion_id` is the
    promotion changed (None: a new one); `locked` is why it cannot be changed ("" when it
    can): the form is then read-only."""

    def __init__(self, context: ShopContext, draft: PromotionDraft | None = None,
                 promotion_id: int | None = None, *, locked: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.promotion_id, self.locked = context, promotion_id, locked
        self.saved_id: int | None = None
        self.time_zone = draft.time_zone if draft and draft.time_zone else context.zone.key
        self.job: Job | None = None
        self.setWindowTitle(self.tr("New promotion") if promotion_id is None
                            else self.tr("Promotion"))
        self._timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check)
        self._build()
        self.fill(draft or self._new_draft())
        if locked:
            self._lock()
        elif draft is not None:
            self.check()
        else:  # a blank form is not wrong before anything is typed (filling it fired signals)
            self._timer.stop()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.problems: dict[str, ProblemLabel] = {}
        self.banner = QLabel(wordWrap=True)
        self.banner.setStyleSheet("background: #fff1c2; padding: 6px")
        self.banner.setVisible(False)
        self.summary = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.buttons = save_cancel_buttons(self, self.save)
        self.from_event = self.buttons.addButton(self.tr("Start from an event…"),
                                                 QDialogButtonBox.ButtonRole.ResetRole)
        self.from_event.clicked.connect(self.choose_event)
        columns = QHBoxLayout()
        columns.addWidget(self._promotion_box(), 1)
        columns.addWidget(self._discount_box(), 1)
        layout = QVBoxLayout(self)
        # grows with the problem lines shown under the fields rather than squeezing them
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.banner)
        layout.addLayout(columns, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        for edit in self.findChildren(QLineEdit):
            edit.textEdited.connect(self._changed)
        for combo in self.findChildren(QComboBox):
            combo.currentIndexChanged.connect(self._changed)
        for moment in self.findChildren(QDateTimeEdit):
            moment.dateTimeChanged.connect(self._changed)
        for spin in self.findChildren(QSpinBox):
            spin.valueChanged.connect(self._changed)
        self.channels.itemChanged.connect(self._changed)
        self.daily.toggled.connect(self._changed)
        self.notes.textChanged.connect(self._changed)

    def _row(self, form: QFormLayout, field: str, text: str, widget: QWidget) -> None:
        """A row whose problem line is keyed by the field's name in the service's words."""
        label = self.problems[_(field)] = problem_label()
        form.addRow(text, stacked(widget, label))

    def _promotion_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Promotion"))
        form = QFormLayout(box)
        self.name = QLineEdit(placeholderText=self.tr("e.g. 双11 满减"))
        self.status = self._combo([(s.value, _(STATUS_LABELS[s]))
                                   for s in (Status.DRAFT, Status.SCHEDULED)])
        self.channels = QListWidget()
        self.channels.setMinimumHeight(100)  # four channels without scrolling
        self.channels.setMaximumHeight(110)
        self.channel_kinds: dict[str, str] = {}
        for channel in list_channels(self.context.uow()):
            self.channel_kinds[channel.name] = channel.kind
            item = QListWidgetItem(channel.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.channels.addItem(item)
        self.starts, self.ends = (QDateTimeEdit(calendarPopup=True, displayFormat=MOMENT)
                                  for _edit in range(2))
        self.daily = QCheckBox(self.tr("Only between"))
        self.daily_from, self.daily_to = (QTimeEdit(displayFormat="HH:mm") for _edit in range(2))
        self.daily.toggled.connect(self.daily_from.setEnabled)
        self.daily.toggled.connect(self.daily_to.setEnabled)
        self.scope = self._combo([(s.value, _(SCOPE_LABELS[s])) for s in Scope])
        self.scope_value = QLineEdit(placeholderText=self.tr("Category path, tag, brand, "
                                                             "product title or SKU"))
        attach_scope_completer(self.scope_value, lambda text: suggest_scope_values(
            self.context.uow(), self.scope.currentData(), text))
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.coupon = QLineEdit(placeholderText=self.tr("optional; no spaces"))
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(60)
        self._row(form, "Name", self.tr("Name"), self.name)
        self._row(form, "Status", self.tr("Status"), self.status)
        self._row(form, "Channels", self.tr("Channels"), self.channels)
        self._row(form, "Starts", self.tr("Starts"), self.starts)
        self._row(form, "Ends", self.tr("Ends (not included)"), self.ends)
        self.zone_note = QLabel(wordWrap=True)
        self.zone_note.setStyleSheet("color: palette(mid)")
        form.addRow("", self.zone_note)
        self._row(form, "Daily hours", self.tr("Daily hours"),
                  _side_by_side(self.daily, self.daily_from, QLabel("–"), self.daily_to))
        self._row(form, "Scope", self.tr("Applies to"),
                  _side_by_side(self.scope, self.scope_value))
        self._row(form, "Coupon code", self.tr("Coupon code"), self.coupon)
        form.addRow(self.tr("Notes"), self.notes)
        return box

    def _discount_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Discount"))
        form = QFormLayout(box)
        self.kind = self._combo([(k.value, _(KIND_LABELS[k])) for k in Kind])
        self.terms = TermsFields(self._changed, lambda edit: attach_sku_completer(
            edit, lambda text: suggest_skus(self.context.uow(), text, None)))
        self.kind.currentIndexChanged.connect(
            lambda _index: self.terms.show_kind(Kind(self.kind.currentData())))
        self.funded_by = self._combo([(f.value, _(FUNDING_LABELS[f])) for f in Funding])
        self.seller_share = QLineEdit(placeholderText=self.tr("the seller's part, e.g. 60"))
        self.funded_by.currentIndexChanged.connect(self._funding_changed)
        self.stacking = self._combo([(s.value, _(STACKING_LABELS[s])) for s in Stacking])
        self.priority = QSpinBox(minimum=1, maximum=999)
        self._row(form, "Type", self.tr("Type"), self.kind)
        form.addRow(self.terms)
        self._row(form, "Funded by", self.tr("Funded by"), self.funded_by)
        self._row(form, "Seller's share", self.tr("Seller's share %"), self.seller_share)
        self._row(form, "Stacking", self.tr("Stacking"), self.stacking)
        self._row(form, "Priority", self.tr("Priority (1 applies first)"), self.priority)
        form.addRow(QLabel(self.tr("An exclusive promotion does not combine: of those that "
                                   "apply, only the first by priority counts. Stackable ones "
                                   "combine with each other, in priority order."),
                           wordWrap=True))
        return box

    def _combo(self, choices: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        for value, label in choices:
            combo.addItem(label, value)
        return combo

    def _scope_changed(self) -> None:
        self.scope_value.setEnabled(not self.locked and self.scope.currentData() != Scope.ALL)

    def _funding_changed(self) -> None:
        self.seller_share.setEnabled(not self.locked
                                     and self.funded_by.currentData() == Funding.SHARED)

    # -- the draft -------------------------------------------------------------------------
    def _new_draft(self) -> PromotionDraft:
        tomorrow = (datetime.now(self.context.zone) + timedelta(days=1)).date()
        return PromotionDraft(name="", kind=Kind.PERCENT_OFF.value, channels=(),
                              starts=f"{tomorrow:%Y-%m-%d} 00:00",
                              ends=f"{tomorrow + timedelta(days=1):%Y-%m-%d} 00:00")

    def draft(self) -> PromotionDraft:
        kind = Kind(self.kind.currentData())
        daily = self.daily.isChecked()
        return PromotionDraft(
            name=self.name.text(), kind=kind.value, channels=self.checked_channels(),
            starts=self.starts.dateTime().toString(MOMENT),
            ends=self.ends.dateTime().toString(MOMENT), time_zone=self.time_zone,
            daily_from=self.daily_from.time().toString("HH:mm") if daily else "",
            daily_to=self.daily_to.time().toString("HH:mm") if daily else "",
            scope=self.scope.currentData(),
            scope_value="" if self.scope.currentData() == Scope.ALL else self.scope_value.text(),
            funded_by=self.funded_by.currentData(),
            seller_share=(self.seller_share.text()
                          if self.funded_by.currentData() == Funding.SHARED else ""),
            stacking=self.stacking.currentData(), priority=str(self.priority.value()),
            coupon_code=self.coupon.text(), notes=self.notes.toPlainText(),
            status=self.status.currentData(), **self.terms.values(kind))

    def fill(self, draft: PromotionDraft) -> None:
        self.name.setText(draft.name)
        self.coupon.setText(draft.coupon_code)
        self.scope_value.setText(draft.scope_value)
        self.seller_share.setText(draft.seller_share)
        self.notes.setPlainText(draft.notes)
        for combo, value in ((self.status, draft.status), (self.kind, draft.kind),
                             (self.scope, draft.scope), (self.funded_by, draft.funded_by),
                             (self.stacking, draft.stacking)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        chosen = set(draft.channels)
        for row in range(self.channels.count()):
            item = self.channels.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.text() in chosen
                               else Qt.CheckState.Unchecked)
        for edit, text in ((self.starts, draft.starts), (self.ends, draft.ends)):
            moment = QDateTime.fromString(text.strip()[:16], MOMENT)
            if not moment.isValid():
                moment = QDateTime.fromString(text.strip()[:10] + " 00:00", MOMENT)
            edit.setDateTime(moment)
        self.daily.setChecked(bool(draft.daily_from and draft.daily_to))
        self.daily_from.setTime(QTime.fromString(draft.daily_from or "10:00", "HH:mm"))
        self.daily_to.setTime(QTime.fromString(draft.daily_to or "12:00", "HH:mm"))
        self.daily_from.setEnabled(self.daily.isChecked())
        self.daily_to.setEnabled(self.daily.isChecked())
        self.priority.setValue(int(draft.priority) if draft.priority.strip().isdigit() else 1)
        self.terms.fill(draft)
        self.terms.show_kind(Kind(draft.kind))
        self._scope_changed()
        self._funding_changed()
        self.zone_note.setText(self.tr("Times are in %1, the end not included: a promotion "
                                       "ending 11-12 00:00 runs through 11-11.")
                               .replace("%1", self.time_zone))

    def checked_channels(self) -> tuple[str, ...]:
        return tuple(self.channels.item(row).text() for row in range(self.channels.count())
                     if self.channels.item(row).checkState() == Qt.CheckState.Checked)

    def choose_event(self) -> None:
        dialog = EventPresetsDialog(self.context, self)
        if dialog.exec() and dialog.chosen is not None:
            self.use_event(dialog.chosen)

    def use_event(self, event: EventPreset) -> None:
        """Take an event's window, its channels (the shop's channels of the kinds that hold
        it, when there are any) and, for an unnamed promotion, a name."""
        draft = self.draft()
        channels = tuple(name for name, kind in self.channel_kinds.items()
                         if kind in event.channel_kinds) or draft.channels
        name = draft.name.strip() or f"{event.label.split(' (')[0]} {event.year}"
        self.fill(replace(draft, name=name, starts=event.starts, ends=event.ends,
                          channels=channels))
        self.check()

    # -- checking and saving ---------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        if not self.locked:
            self._timer.start()

    def check(self) -> list[Problem]:
        """The service's problems with the form as it is, shown at their fields."""
        problems = promotion_problems(self.context.uow(), self.draft(), self.promotion_id)
        self.show_refused(problems)
        return problems

    def show_refused(self, problems: list[Problem]) -> None:
        labels = {**self.problems, **self.terms.problem_labels(Kind(self.kind.currentData()))}
        for kind in Kind:
            for label in self.terms.problem_labels(kind).values():
                label.clear()
        show_problems(problems, self.summary, self.buttons, labels)

    def save(self) -> None:
        """Check the draft as if saved (on a worker); ask when the checks find something."""
        if self.locked or (self.job is not None and self.job.running):
            return
        draft, uow, promotion_id = self.draft(), self.context.uow(), self.promotion_id
        self._busy(True)
        self.job = Job(lambda _progress: check_before_saving(uow, draft, promotion_id), self)
        self.job.signals.finished.connect(lambda findings: self._checked(draft, findings))
        self.job.signals.failed.connect(self._refused)
        self.job.start()

    def _busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        self.summary.setText(self.tr("Checking overlaps, floors and reference prices…")
                             if busy else self.summary.text())

    def _refused(self, error: EcdeskError) -> None:
        self._busy(False)
        explain_refusal(self, error, self.tr("Not saved"))

    def _checked(self, draft: PromotionDraft, findings: list[Finding]) -> None:
        self._busy(False)
        self.summary.clear()
        if findings and not self._confirm(findings):
            return
        result = self.context.write(self, save_promotion, draft, self.promotion_id)
        if result is not None:
            self.saved_id = result.ids[0] if result.ids else None
            self.accept()

    def _confirm(self, findings: list[Finding]) -> bool:
        lines = [f"• {f.label}: {f.promotion} · {f.channel} · {f.detail} ("
                 + ", ".join(f.skus[:5]) + ("…" if len(f.skus) > 5 else "") + ")"
                 for f in findings[:FINDINGS_LISTED]]
        if len(findings) > FINDINGS_LISTED:
            lines.append(self.tr("and %n more", "", len(findings) - FINDINGS_LISTED))
        question = self.tr("The checks before a promotion starts found %n problem(s):", "",
                           len(findings))
        answer = QMessageBox.question(
            self, self.tr("Save with these problems?"),
            question + "\n\n" + "\n".join(lines) + "\n\n" + self.tr("Save it anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _lock(self) -> None:
        """Read-only: every field shown, none editable, and why."""
        self.banner.setText(self.locked)
        self.banner.setVisible(True)
        for widget in (*self.findChildren(QLineEdit), *self.findChildren(QComboBox),
                       *self.findChildren(QDateTimeEdit), *self.findChildren(QSpinBox),
                       *self.findChildren(QCheckBox), *self.findChildren(QPlainTextEdit)):
            widget.setEnabled(False)
        self.channels.setEnabled(False)
        for table in self.terms.findChildren(QWidget):
            if table.metaObject().className() in ("QPushButton", "QTableWidget"):
                table.setEnabled(False)
        save = self.buttons.button(self.buttons.StandardButton.Save)
        save.setEnabled(False)
        save.setVisible(False)
        self.from_event.setVisible(False)
        self.buttons.button(self.buttons.StandardButton.Cancel).setText(self.tr("Close"))


def _side_by_side(*widgets: QWidget) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
    return box
