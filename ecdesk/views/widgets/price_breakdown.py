"""A price breakdown as rich text (each step, then the price, the fees and the margin after
them): the rule editor's live example and the product dialog's Prices tab show the same."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from ecdesk.services.pricing.breakdown import PriceBreakdown
from ecdesk.views.widgets.locale_format import amount, percent


def breakdown_html(breakdown: PriceBreakdown) -> str:
    steps = "".join(f"<li>{html.escape(step.text)}</li>" for step in breakdown.steps)
    lines = [f"<ol>{steps}</ol>",
             QCoreApplication.translate("price_breakdown", "<b>Price %1</b> (now %2)")
             .replace("%1", amount(breakdown.price))
             .replace("%2", amount(breakdown.current_price)),
             QCoreApplication.translate("price_breakdown", "Fees %1 · margin after fees %2")
             .replace("%1", amount(breakdown.fees))
             .replace("%2", percent(breakdown.margin_after_fees) or "—")]
    if breakdown.flags:
        lines.append(f'<span style="color:#b3261e">{html.escape(breakdown.flag_text)}</span>')
    return "<br>".join(lines)
