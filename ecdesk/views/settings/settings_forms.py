"""Small forms shared by the first-run dialog and the Settings page."""

from __future__ import annotations

from decimal import Decimal
from zoneinfo import available_timezones

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QLineEdit, QWidget

from ecdesk.money import HUNDRED
from ecdesk.services.settings import CURRENCIES, ShopSettings


class ShopSettingsForm(QWidget):
    """Shop name, currency, timezone and minimum margin (after the channel's fees)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop_name = QLineEdit(placeholderText=self.tr("e.g. Lin's Tea House 林家茶铺"))
        self.currency = QComboBox(editable=True)
        self.currency.addItems(list(CURRENCIES))
        self.timezone = QComboBox(editable=True)  # filled when first shown: listing the zones
        self._timezones_listed = False             # reads ~600 files, too slow for start-up
        self.min_margin = QDoubleSpinBox(suffix=" %", decimals=1, maximum=99.9, singleStep=1.0)
        self.min_margin.setToolTip(self.tr(
            "What you keep of a price, as a share of it: (price - cost - the channel's "
            "commission and payment fee) / price. A listing under this minimum is shown in red "
            "on the Listings page. The list price has no channel, so its margin is price less "
            "cost. SKUs without a cost are not judged."))
        layout = QFormLayout(self)
        layout.addRow(self.tr("Shop name"), self.shop_name)
        layout.addRow(self.tr("Currency"), self.currency)
        layout.addRow(self.tr("Timezone"), self.timezone)
        layout.addRow(self.tr("Minimum margin after channel fees"), self.min_margin)
        layout.labelForField(self.min_margin).setToolTip(self.min_margin.toolTip())

    def showEvent(self, event: QShowEvent) -> None:
        if not self._timezones_listed:
            self._timezones_listed = True
            current = self.timezone.currentText()
            self.timezone.clear()
            self.timezone.addItems(sorted(available_timezones()))
            self.timezone.setCurrentText(current)
        super().showEvent(event)

    def set_values(self, settings: ShopSettings) -> None:
        self.shop_name.setText(settings.shop_name)
        self.currency.setCurrentText(settings.currency)
        self.timezone.setCurrentText(settings.timezone)
        self.min_margin.setValue(float(settings.min_margin * HUNDRED))

    def values(self) -> dict[str, object]:
        # The spin box holds a float; its text is exact to the one decimal it shows.
        percent = Decimal(self.min_margin.cleanText().replace(",", "."))
        return {"shop_name": self.shop_name.text(), "currency": self.currency.currentText().strip(),
                "timezone": self.timezone.currentText().strip(), "min_margin": percent / HUNDRED}
