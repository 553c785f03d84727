"""The preview as plain text, for the command line (the GUI wizard lays out the same DTO)."""

from __future__ import annotations

from ecdesk.services.catalog_io.dto import ImportPreview
from ecdesk.services.tabular_io.problems import file_lines, problem_lines


def describe_preview(preview: ImportPreview, max_problems: int | None = None) -> str:
    parsed, counts = preview.file, preview.counts
    lines = file_lines(parsed)
    if not parsed.file_error:
        into = f" into channel '{preview.channel}'" if preview.channel else ""
        lines += [
            f"Rows read: {parsed.rows}; products in the file: {len(parsed.products)}",
            f"Would create{into}: {counts.products_created} product(s), "
            f"{counts.variants_created} SKU(s), {counts.listings_created} listing(s)",
            f"Would update: {counts.products_updated} product(s), {counts.variants_updated} "
            f"SKU(s), {counts.listings_updated} listing(s)",
            f"Unchanged: {counts.products_unchanged} product(s), {counts.variants_unchanged} "
            "SKU(s)",
        ]
        if preview.products_with_errors:
            lines.append(f"Products with problems (not importable as they are): "
                         f"{preview.products_with_errors}")
    lines += [f"Note: {note}" for note in preview.notes]
    return "\n".join(lines + problem_lines(preview.problems, max_problems))

