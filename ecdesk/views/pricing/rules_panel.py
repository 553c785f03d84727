"""The rules tab: the price rules in priority order. Drag a rule, or Ctrl+Up / Ctrl+Down, to
change its priority; Enter edits it; the list says which rules are off or due for review."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ecdesk.services.channels import list_channels
from ecdesk.services.pricing.rule_store import (
    RuleRow,
    delete_rule,
    list_rules,
    move_rule,
    rule_draft,
    set_rule_active,
)
from ecdesk.views.pricing.rule_editor import RuleEditor
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.page_actions import page_action

ROLE_ID = Qt.ItemDataRole.UserRole


class RulesPanel(QWidget):
    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rules: list[RuleRow] = []
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.model().rowsMoved.connect(self._dropped)
        self.list.itemActivated.connect(lambda _item: self.edit_rule())
        self.list.currentRowChanged.connect(lambda _row: self._update_actions())
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # (its key, Ctrl+Shift+N, is the page's File > New entry's)
        self.new_action = toolbar.addAction(self.tr("New rule…"), self.new_rule)
        self.edit_action = page_action(self, self.tr("Edit…"), "Return", self.edit_rule,
                                       toolbar)
        self.toggle_action = page_action(self, self.tr("Switch off"), "Ctrl+T",
                                         self.toggle_rule, toolbar)
        self.up_action = page_action(self, self.tr("Move up"), "Ctrl+Up",
                                     lambda: self.move(-1), toolbar)
        self.down_action = page_action(self, self.tr("Move down"), "Ctrl+Down",
                                       lambda: self.move(1), toolbar)
        self.delete_action = page_action(self, self.tr("Delete…"), "Del", self.delete,
                                         toolbar)
        hint = QLabel(self.tr("The most specific rule prices each SKU (SKU, then product, then "
                              "brand, category or tag, then all SKUs; a channel's own rule "
                              "before a general one); among equals, the higher in this list. "
                              "Drag a rule or press Ctrl+Up / Ctrl+Down to move it."),
                      wordWrap=True)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(toolbar)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        self._update_actions()

    def load(self) -> None:
        current = self.current_rule()
        self.rules = list_rules(self.context.uow())
        self.list.blockSignals(True)
        self.list.clear()
        for row in self.rules:
            item = QListWidgetItem(self._text(row))
            item.setData(ROLE_ID, row.info.id)
            if not row.in_force:
                item.setForeground(Qt.GlobalColor.gray)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if current is not None:
            self.select(current.info.id)
        elif self.rules:
            self.list.setCurrentRow(0)
        self._update_actions()

    def _text(self, row: RuleRow) -> str:
        rule = row.info
        where = row.channel or self.tr("List price")
        marks = []
        if not rule.active:
            marks.append(self.tr("off"))
        elif not row.in_force:
            marks.append(self.tr("not in its dates"))
        if row.review_due:
            marks.append(self.tr("review due"))
        suffix = f"  [{', '.join(marks)}]" if marks else ""
        return f"{rule.priority}. {rule.name} — {row.scope_text} · {where} · " \
               f"{row.computation}{suffix}"

    def current_rule(self) -> RuleRow | None:
        row = self.list.currentRow()
        return self.rules[row] if 0 <= row < len(self.rules) else None

    def select(self, rule_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ROLE_ID) == rule_id:
                self.list.setCurrentRow(row)

    def _update_actions(self) -> None:
        rule = self.current_rule()
        for action in (self.edit_action, self.toggle_action, self.up_action, self.down_action,
                       self.delete_action):
            action.setEnabled(rule is not None and not self.context.db.read_only)
        self.new_action.setEnabled(not self.context.db.read_only)
        if rule is not None:
            self.toggle_action.setText(self.tr("Switch off") if rule.info.active
                                       else self.tr("Switch on"))

    # -- actions ---------------------------------------------------------------------------
    def new_rule(self) -> None:
        editor = RuleEditor(self.context, parent=self)
        if editor.exec() and editor.saved_id is not None:
            self.select(editor.saved_id)

    def edit_rule(self) -> None:
        rule = self.current_rule()
        if rule is None:
            return
        names = {c.id: c.name for c in list_channels(self.context.uow(), include_archived=True)}
        RuleEditor(self.context, rule_draft(rule.info, names), rule.info.id, self).exec()

    def toggle_rule(self) -> None:
        rule = self.current_rule()
        if rule is not None:
            self.context.write(self, set_rule_active, rule.info.id, not rule.info.active)

    def move(self, steps: int) -> None:
        rule = self.current_rule()
        if rule is not None:
            self.context.write(self, move_rule, rule.info.id, steps)

    def delete(self) -> None:
        rule = self.current_rule()
        if rule is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete rule"),
            self.tr("Delete the rule '%1'? Prices it set stay as they are; switching it off "
                    "keeps its settings.").replace("%1", rule.info.name))
        if answer == QMessageBox.StandardButton.Yes:
            self.context.write(self, delete_rule, rule.info.id)

    def _dropped(self, _parent: QModelIndex, start: int, _end: int, _destination: QModelIndex,
                 row: int) -> None:
        """A drag moved the rule at `start` to before `row`: the service moves it as many
        places, and the reload that follows shows the order it keeps."""
        new_index = row if row < start else row - 1
        if new_index != start and 0 <= start < len(self.rules):
            self.context.write(self, move_rule, self.rules[start].info.id, new_index - start)
