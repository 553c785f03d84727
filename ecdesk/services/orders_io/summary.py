"""The order import preview as plain text, for the command line."""

from __future__ import annotations

from ecdesk.services.orders_io.dto import OrderImportPreview
from ecdesk.services.tabular_io.problems import file_lines, problem_lines


def describe_order_preview(preview: OrderImportPreview, max_problems: int | None = None) -> str:
    parsed, counts = preview.file, preview.counts
    lines = file_lines(parsed)
    if preview.channel is not None:
        lines.append(f"Channel: {preview.channel.name} ({preview.channel.currency})")
    if not parsed.file_error:
        lines += [
            f"Rows read: {parsed.rows}; orders in the file: {len(parsed.orders)}, lines: "
            f"{parsed.lines}",
            f"Would create: {counts.orders_new} order(s) with {counts.lines_new} line(s), "
            f"{counts.units_new} unit(s)",
            f"Would update: {counts.orders_updated} order(s) (status or refund)",
            f"Unchanged: {counts.orders_unchanged} order(s)",
            f"Stock: {counts.units_issued} unit(s) would leave the shelf, "
            f"{counts.units_returned} come back",
        ]
        if preview.orders_with_errors:
            lines.append(f"Orders with problems (not importable as they are): "
                         f"{preview.orders_with_errors}")
    lines += [f"Note: {note}" for note in preview.notes]
    return "\n".join(lines + problem_lines(preview.problems, max_problems))
