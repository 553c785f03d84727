"""The new shop's first steps on the Dashboard: add channels, bring in the catalog, set the
stock, bring in the orders. Each step left has buttons that start the right page's dialog (as
its File menu entry does); a step disappears once done, the panel once all are."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from ecdesk.services.dashboard.first_steps import FirstSteps, first_steps
from ecdesk.views.shell.pages import StartOnPage
from ecdesk.views.shell.shop_context import ShopContext

TITLE_MAX_WIDTH = 320
CONTEXT = "FirstStepsPanel"  # (lupdate needs it written out in each QT_TRANSLATE_NOOP)


@dataclass(frozen=True)
class StepButton:
    label: str
    page: str  # the page key (PageSpec.key)
    start: StartOnPage


@dataclass(frozen=True)
class Step:
    done_when: str  # the FirstSteps field that says it is done
    title: str
    hint: str
    buttons: tuple[StepButton, ...]


STEPS = (
    Step("channels", QT_TRANSLATE_NOOP("FirstStepsPanel", "1. Add your sales channels"),
         QT_TRANSLATE_NOOP("FirstStepsPanel",
                           "Each store or marketplace you sell on, with its currency and fees."),
         (StepButton(QT_TRANSLATE_NOOP("FirstStepsPanel", "Add a channel…"), "settings_page",
                     StartOnPage("add_channel")),)),
    Step("products",
         QT_TRANSLATE_NOOP("FirstStepsPanel", "2. Import your catalog or add a product"),
         QT_TRANSLATE_NOOP("FirstStepsPanel",
                           "A Shopify or Taobao export, an ecdesk template, or one product by "
                           "hand."),
         (StepButton(QT_TRANSLATE_NOOP("FirstStepsPanel", "Import products…"), "listings",
                     StartOnPage("ecdesk.views.catalog.import_wizard:ImportWizard", "imports")),
          StepButton(QT_TRANSLATE_NOOP("FirstStepsPanel", "New product…"), "listings",
                     StartOnPage("new_product")))),
    Step("stock", QT_TRANSLATE_NOOP("FirstStepsPanel", "3. Set the stock on hand"),
         QT_TRANSLATE_NOOP("FirstStepsPanel",
                           "Count what is on the shelf: the available stock and the alerts "
                           "start from it."),
         (StepButton(QT_TRANSLATE_NOOP("FirstStepsPanel", "Stock count…"), "inventory",
                     StartOnPage("stock_count")),)),
    Step("orders", QT_TRANSLATE_NOOP("FirstStepsPanel", "4. Import your orders"),
         QT_TRANSLATE_NOOP("FirstStepsPanel",
                           "The platforms' order exports (Shopify, Taobao/Tmall, JD, Pinduoduo, "
                           "Douyin), or an order by hand."),
         (StepButton(QT_TRANSLATE_NOOP("FirstStepsPanel", "Import orders…"), "orders",
                     StartOnPage("ecdesk.views.orders.order_import_wizard:OrderImportWizard",
                                 "imports")),
          StepButton(QT_TRANSLATE_NOOP("FirstStepsPanel", "New order…"), "orders",
                     StartOnPage("new_order")))),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class FirstStepsPanel(QGroupBox):
    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setTitle(self.tr("First steps"))
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        self.rows: dict[str, list[QWidget]] = {}
        self.buttons: dict[str, list[QPushButton]] = {}
        for number, step in enumerate(STEPS):
            title = QLabel(f"<b>{_tr(step.title)}</b>", wordWrap=True)
            hint = QLabel(_tr(step.hint), wordWrap=True, styleSheet="color: #6a6a6a;")
            actions = QWidget()
            row = QHBoxLayout(actions)
            row.setContentsMargins(0, 0, 0, 0)
            self.buttons[step.done_when] = []
            for button in step.buttons:
                push = QPushButton(_tr(button.label))
                push.clicked.connect(
                    lambda _=False, b=button: self.context.show_on_page(b.page, b.start))
                row.addWidget(push)
                self.buttons[step.done_when].append(push)
            grid.addWidget(title, number, 0)
            grid.addWidget(hint, number, 1)
            grid.addWidget(actions, number, 2)
            self.rows[step.done_when] = [title, hint, actions]
        # The titles on one line where they fit (bold is wider: a tenth more), the hints wrap.
        widest = max(self.fontMetrics().horizontalAdvance(_tr(s.title)) for s in STEPS)
        grid.setColumnMinimumWidth(0, min(TITLE_MAX_WIDTH, widest * 11 // 10))
        self.steps: FirstSteps | None = None  # not asked yet: the page hides the panel

    def refresh(self) -> None:
        """Show the steps left (none: the panel hides)."""
        self.steps = first_steps(self.context.uow())
        for field, widgets in self.rows.items():
            for widget in widgets:
                widget.setVisible(not getattr(self.steps, field))
        self.setVisible(not self.steps.done)

    def steps_left(self) -> list[str]:
        return [step.done_when for step in STEPS
                if self.steps is not None and not getattr(self.steps, step.done_when)]
