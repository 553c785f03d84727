"""The Pricing page: the rules (priority by drag or keys, an editor with a live example), the
preview of what they would set with apply and undo, the market prices and the channel
consistency check, one tab each. Each tab reads its data when shown and after a change."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.views.pricing.consistency_panel import ConsistencyPanel
from ecdesk.views.pricing.market_panel import MarketPanel
from ecdesk.views.pricing.preview_panel import PreviewPanel
from ecdesk.views.pricing.rules_panel import RulesPanel
from ecdesk.views.shell.shop_context import ShopContext


class PricingPage(QWidget):
    refresh_on: ClassVar[frozenset[ChangeArea]] = frozenset({
        ChangeArea.PRICING, ChangeArea.CATALOG, ChangeArea.CHANNELS, ChangeArea.SETTINGS})

    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rules = RulesPanel(context)
        self.preview = PreviewPanel(context)
        self.market = MarketPanel(context)
        self.consistency = ConsistencyPanel(context)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.rules, self.tr("Rules"))
        self.tabs.addTab(self.preview, self.tr("Preview and apply"))
        self.tabs.addTab(self.market, self.tr("Market prices"))
        self.tabs.addTab(self.consistency, self.tr("Channel consistency"))
        self.tabs.currentChanged.connect(lambda _index: self._load_current())
        self._stale: set[QWidget] = set()
        QVBoxLayout(self).addWidget(self.tabs)
        context.listen(self, self._on_changed)

    def load(self) -> None:
        self._stale = {self.rules, self.preview, self.market, self.consistency}
        self._load_current()

    def _load_current(self) -> None:
        panel = self.tabs.currentWidget()
        if panel in self._stale:
            self._stale.discard(panel)
            panel.load()  # type: ignore[attr-defined]

    def _on_changed(self, _change: Changed) -> None:
        self.load()

    def new_rule(self) -> None:
        self.tabs.setCurrentWidget(self.rules)
        self.rules.new_rule()

    def import_market_prices(self) -> None:
        self.tabs.setCurrentWidget(self.market)
        self.market.import_file()

    def show_target(self, target: object) -> None:
        """A search hit of a rule: select it on the rules tab."""
        self.tabs.setCurrentWidget(self.rules)
        self.rules.load()
        rule_id = getattr(target, "id", None)
        if isinstance(rule_id, int):
            self.rules.select(rule_id)
