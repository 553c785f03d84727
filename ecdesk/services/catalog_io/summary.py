"""The preview as plain text, for the command line (the GUI wizard lays out the same DTO)."""

from __future__ import annotations

from ecdesk.i18n import _
from ecdesk.services.catalog_io.dto import ImportPreview
from ecdesk.services.tabular_io.problems import file_lines, problem_lines


def describe_preview(preview: ImportPreview, max_problems: int | None = None) -> str:
    parsed, counts = preview.file, preview.counts
    lines = file_lines(parsed)
    if not parsed.file_error:
        into = (_(" into channel '{channel}'").format(channel=preview.channel)
                if preview.channel else "")
        lines += [
            _("Rows read: {rows}; products in the file: {products}").format(
                rows=parsed.rows, products=len(parsed.products)),
            _("Would create{into}: {products} product(s), {skus} SKU(s), {listings} listing(s)")
            .format(into=into, products=counts.products_created, skus=counts.variants_created,
                    listings=counts.listings_created),
            _("Would update: {products} product(s), {skus} SKU(s), {listings} listing(s)").format(
                products=counts.products_updated, skus=counts.variants_updated,
                listings=counts.listings_updated),
            _("Unchanged: {products} product(s), {skus} SKU(s)").format(
                products=counts.products_unchanged, skus=counts.variants_unchanged),
        ]
        if preview.products_with_errors:
            lines.append(_("Products with problems (not importable as they are): {count}")
                         .format(count=preview.products_with_errors))
    lines += [_("Note: {note}").format(note=note) for note in preview.notes]
    return "\n".join(lines + problem_lines(preview.problems, max_problems))

