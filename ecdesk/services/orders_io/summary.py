"""The order import preview as plain text, for the command line."""

from __future__ import annotations

from ecdesk.i18n import _
from ecdesk.services.orders_io.dto import OrderImportPreview
from ecdesk.services.tabular_io.problems import file_lines, problem_lines


def describe_order_preview(preview: OrderImportPreview, max_problems: int | None = None) -> str:
    parsed, counts = preview.file, preview.counts
    lines = file_lines(parsed)
    if preview.channel is not None:
        lines.append(_("Channel: {name} ({currency})").format(
            name=preview.channel.name, currency=preview.channel.currency))
    if not parsed.file_error:
        lines += [
            _("Rows read: {rows}; orders in the file: {orders}, lines: {lines}").format(
                rows=parsed.rows, orders=len(parsed.orders), lines=parsed.lines),
            _("Would create: {orders} order(s) with {lines} line(s), {units} unit(s)").format(
                orders=counts.orders_new, lines=counts.lines_new, units=counts.units_new),
            _("Would update: {orders} order(s) (status or refund)").format(
                orders=counts.orders_updated),
            _("Unchanged: {orders} order(s)").format(orders=counts.orders_unchanged),
            _("Stock: {issued} unit(s) would leave the shelf, {returned} come back").format(
                issued=counts.units_issued, returned=counts.units_returned),
        ]
        if preview.orders_with_errors:
            lines.append(_("Orders with problems (not importable as they are): {count}")
                         .format(count=preview.orders_with_errors))
    lines += [_("Note: {note}").format(note=note) for note in preview.notes]
    return "\n".join(lines + problem_lines(preview.problems, max_problems))
