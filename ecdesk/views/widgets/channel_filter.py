"""A page's channel filter: "All channels" then every channel (archived ones too: their old
orders and tickets stay findable), refilled when channels change and keeping the channel that
was chosen, without telling the page it changed (its filter did not)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from ecdesk.db import UnitOfWork
from ecdesk.services.channels import list_channels


def refill_channel_filter(combo: QComboBox, uow: UnitOfWork) -> None:
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(QCoreApplication.translate("ChannelFilter", "All channels"), None)
    for channel in list_channels(uow, include_archived=True):
        combo.addItem(channel.name, channel.id)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)
