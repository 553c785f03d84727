"""Writing a Report as a PDF: reportlab platypus, two passes, identical bytes for identical input.

Every page carries the shop's name, the report's title, the period, the channel and the time it
was generated in its header, and "Page n of N" in its footer. N (and the contents page's
numbers) are known before anything is drawn: a first pass lays the document out without drawing
its tables (their heights are arithmetic, see pdf_tables), the second draws it. All text is in
the embedded WenQuanYi Micro Hei font, as text a reader can select and search; charts are PNG
images. reportlab's invariant mode fixes the document id and dates, so the same report,
generated at the same stated time, gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from ecdesk.errors import CancelledError
from ecdesk.i18n import _, currency_label
from ecdesk.private_files import owner_only
from ecdesk.services.common.progress import Progress
from ecdesk.services.reports.fonts import pdf_font
from ecdesk.services.reports.model import (
    COUNT,
    TEXT,
    Chart,
    Column,
    Report,
    Section,
    Table,
)
from ecdesk.services.reports.pdf_layout import (
    BOTTOM_BAND,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    INK,
    MARGIN_X,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    TOP_BAND,
    RenderState,
    fit_text,
    text_styles,
)
from ecdesk.services.reports.pdf_tables import min_height, table_flowable

CM = 72 / 2.54
CHART_CAPTION = 24.0  # the title line above a chart


def render_pdf(report: Report, path: Path, progress: Progress | None = None) -> int:
    """Write `report` to `path` (via a temporary file: no half-written PDF is ever left);
    return the number of pages. `progress(page, pages)` returning False cancels."""
    report.check_totals()
    font = pdf_font()
    measured = RenderState(measuring=True)
    _build(report, io.BytesIO(), measured, font)
    partial = path.with_name(path.name + ".partial")
    try:
        while True:
            state = RenderState(measuring=False, total_pages=measured.pages,
                                known_pages=measured.section_pages, progress=progress)
            _build(report, str(partial), state, font)
            if (state.pages, state.section_pages) == (measured.pages, measured.section_pages):
                break
            measured = state  # the drawn layout differed from the measured one: draw again
        owner_only(partial).replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return state.pages


def _build(report: Report, target: Any, state: RenderState, font: str) -> None:
    from reportlab import rl_config
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    # Binary (compressed) streams: ASCII85 makes every page 25 % bigger and, without
    # reportlab's optional C accelerator, costs a pure-Python pass over every page.
    rl_config.useA85 = 0

    doc = BaseDocTemplate(
        target, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), leftMargin=MARGIN_X, rightMargin=MARGIN_X,
        topMargin=TOP_BAND, bottomMargin=BOTTOM_BAND, invariant=1, initialFontName=font,
        initialFontSize=9, title=f"{_(report.title)} — {report.period.label()}",
        author=report.shop_name, subject=f"{_(report.title)}, {report.scope}", creator="ecdesk")
    frame = Frame(MARGIN_X, BOTTOM_BAND, FRAME_WIDTH, FRAME_HEIGHT, id="body", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)

    furniture = _Furniture(report, font)

    def on_page(canvas: Any, document: Any) -> None:
        if not state.measuring:  # the first pass needs no header and footer
            furniture.draw(canvas, document.page, state.total_pages or document.page)

    def on_page_end(_canvas: Any, document: Any) -> None:
        state.pages = document.page
        if state.progress is not None and not state.measuring and \
                state.progress(state.pages, state.total_pages) is False:
            raise CancelledError(_("The report was cancelled: no file was written"))

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page,
                                       onPageEnd=on_page_end)])
    doc.afterFlowable = _section_recorder(doc, state)  # type: ignore[method-assign]
    doc.build(_story(report, state, font))


def _section_recorder(doc: Any, state: RenderState) -> Callable[[Any], None]:
    """Note the page each section heading lands on, and add it to the PDF's outline."""
    levels: list[int] = []

    def after_flowable(flowable: Any) -> None:
        key = getattr(flowable, "ecdesk_section", None)
        if key is None:
            return
        state.section_pages.setdefault(key, doc.page)
        canvas = doc.canv
        canvas.bookmarkPage(key)
        level = 0 if flowable.ecdesk_level == 1 or not levels else 1
        levels.append(level)
        canvas.addOutlineEntry(flowable.ecdesk_title, key, level=level)

    return after_flowable


class _Furniture:
    """The header and footer of every page, their texts made once per document."""

    def __init__(self, report: Report, font: str) -> None:
        self.font = font
        self.shop = fit_text(report.shop_name or "ecdesk", FRAME_WIDTH * 0.55, font, 12)
        self.title = _(report.title)
        self.period = fit_text(_("Period: {period} · {scope}").format(
            period=report.period.label(), scope=report.scope), FRAME_WIDTH * 0.6, font, 8)
        self.generated = _("Generated {stamp}").format(stamp=report.generated_label())
        self.footer = _("Amounts in {currency} · {title} · ecdesk").format(
            currency=currency_label(report.currency), title=self.title)

    def draw(self, canvas: Any, page: int, pages: int) -> None:
        from reportlab.lib.colors import HexColor

        left, right = MARGIN_X, PAGE_WIDTH - MARGIN_X
        top = PAGE_HEIGHT - 26
        canvas.saveState()
        canvas.setFillColor(HexColor(INK))
        canvas.setFont(self.font, 12)
        canvas.drawString(left, top, self.shop)
        canvas.drawRightString(right, top, self.title)
        canvas.setFont(self.font, 8)
        canvas.setFillColor(HexColor(MUTED))
        canvas.drawString(left, top - 14, self.period)
        canvas.drawRightString(right, top - 14, self.generated)
        canvas.setStrokeColor(HexColor(RULE))
        canvas.setLineWidth(0.6)
        canvas.line(left, PAGE_HEIGHT - TOP_BAND + 10, right, PAGE_HEIGHT - TOP_BAND + 10)
        canvas.line(left, BOTTOM_BAND - 12, right, BOTTOM_BAND - 12)
        canvas.drawString(left, BOTTOM_BAND - 24,
                          _("Page {page} of {pages}").format(page=page, pages=pages))
        canvas.drawRightString(right, BOTTOM_BAND - 24, self.footer)
        canvas.restoreState()


def _story(report: Report, state: RenderState, font: str) -> list[Any]:
    from reportlab.platypus import PageBreak

    styles = text_styles(font)
    story: list[Any] = [_para(_(report.title), styles.title),
                        _para(f"{report.shop_name} · {report.period.label()} · {report.scope}",
                              styles.body),
                        _para(_("Generated {stamp}. Amounts in {currency}.").format(
                            stamp=report.generated_label(),
                            currency=currency_label(report.currency)), styles.small)]
    if report.contents:
        story += [_spacer(8), table_flowable(_contents(report, state), state=state, font=font,
                                             currency=report.currency), PageBreak()]
    for index, section in enumerate(report.sections):
        if section.new_page and index > 0:
            story.append(PageBreak())
        story += _section(section, f"s{index}", state, font, report.currency)
    return story


def _section(section: Section, key: str, state: RenderState, font: str,
             currency: str) -> list[Any]:
    from reportlab.platypus import CondPageBreak

    styles = text_styles(font)
    heading = _para(_(section.title), styles.heading if section.level == 1 else styles.subheading)
    heading.ecdesk_section, heading.ecdesk_title = key, _(section.title)
    heading.ecdesk_level = section.level
    first = section.blocks[0] if section.blocks else None
    flowables: list[Any] = [CondPageBreak(30 + _least_height(first)), heading]
    for block in section.blocks:
        if isinstance(block, Table):
            flowables += [table_flowable(block, state=state, font=font, currency=currency),
                          _spacer(10)]
        elif isinstance(block, Chart):
            flowables += [CondPageBreak(_least_height(block)), _para(_(block.title), styles.body),
                          _image(block), _spacer(8)]
        else:
            flowables.append(_para(block.text, styles.small if block.small else styles.body))
    return flowables


def _least_height(block: Any) -> float:
    if isinstance(block, Table):
        return min_height()
    if isinstance(block, Chart):
        return block.height_cm * CM + CHART_CAPTION
    return 40.0


def _contents(report: Report, state: RenderState) -> Table:
    import pandas as pd

    rows = []
    number = 0
    for index, section in enumerate(report.sections):
        if section.level == 1:
            number += 1
            title = f"{number}  {_(section.title)}"
        else:
            title = f"      {_(section.title)}"
        page = state.known_pages.get(f"s{index}")
        rows.append({"title": title, "page": None if state.measuring else page})
    columns = (Column("title", _("Section"), TEXT, 8), Column("page", _("Page"), COUNT, 1))
    return Table("contents", _("Contents"), columns, pd.DataFrame(rows, columns=["title", "page"]),
                 width=0.7)


def _para(text: str, style: Any) -> Any:
    from reportlab.platypus import Paragraph as RLParagraph

    return RLParagraph(escape(text), style)


def _spacer(height: float) -> Any:
    from reportlab.platypus import Spacer

    return Spacer(1, height)


def _image(chart: Chart) -> Any:
    from reportlab.platypus import Image

    return Image(io.BytesIO(chart.png), width=chart.width_cm * CM, height=chart.height_cm * CM)

