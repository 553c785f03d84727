"""The page of every PDF report: A4 landscape, the header band, the footer, type sizes.

Table rows have one fixed height (one line of text, cut with "…" when too long), so a table's
height is arithmetic: the renderer can lay out a 100,000-row table without measuring it, and a
page holds a known number of rows (fewer than 50, the size that keeps reportlab's tables fast).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate

PAGE_WIDTH, PAGE_HEIGHT = 841.89, 595.28  # A4 landscape, points
MARGIN_X = 36.0
TOP_BAND = 62.0  # header band above the frame
BOTTOM_BAND = 40.0  # footer band below the frame
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_HEIGHT - TOP_BAND - BOTTOM_BAND

TABLE_FONT_SIZE = 7.5
ROW_HEIGHT = 12.0
HEADER_ROW_HEIGHT = 15.0
CAPTION_HEIGHT = 18.0  # a table's title line above its header
CELL_PADDING = 6.0  # reportlab's own side padding of a table cell
MAX_TABLE_ROWS = 50  # rows per reportlab Table, header included
MIN_ROWS_ON_PAGE = 3  # fewer would leave a caption and header alone at a page's foot

INK = "#222222"
MUTED = "#666666"
RULE = "#999999"
HEADER_FILL = "#e4ecee"
SUBTOTAL_FILL = "#f3f5f6"
TOTAL_FILL = "#dfe7ea"

ELLIPSIS = "…"


@dataclass(frozen=True)
class TextStyles:
    title: object
    heading: object
    subheading: object
    body: object
    small: object


@cache
def text_styles(font: str) -> TextStyles:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("ecdesk-body", fontName=font, fontSize=9, leading=12.5,
                          textColor=HexColor(INK), spaceAfter=4)
    return TextStyles(
        title=ParagraphStyle("ecdesk-title", parent=base, fontSize=18, leading=23,
                             spaceAfter=6),
        heading=ParagraphStyle("ecdesk-heading", parent=base, fontSize=14, leading=18,
                               spaceBefore=6, spaceAfter=6),
        subheading=ParagraphStyle("ecdesk-subheading", parent=base, fontSize=11.5,
                                  leading=15, spaceBefore=8, spaceAfter=4),
        body=base,
        small=ParagraphStyle("ecdesk-small", parent=base, fontSize=7.5, leading=10,
                             textColor=HexColor(MUTED)),
    )


def fit_text(text: str, width: float, font: str, size: float) -> str:
    """`text` cut to `width` points with "…" at the end (one line, never wrapped)."""
    if len(text) * size <= width:  # even all-CJK text (1 em a character) fits: no measuring
        return text
    widths = _char_widths(font)
    limit = width * 1000.0 / size  # in the font's units (1/1000 em)
    advances = list(accumulate(map(widths.__getitem__, map(ord, text))))
    if advances[-1] <= limit:
        return text
    keep = bisect_right(advances, limit - widths[ord(ELLIPSIS)])
    return text[:keep].rstrip() + ELLIPSIS


class _Widths(dict[int, float]):
    """Advance widths by code point; a character the font lacks takes its default width."""

    def __init__(self, widths: dict[int, float], default: float) -> None:
        super().__init__(widths)
        self.default = default

    def __missing__(self, _code: int) -> float:
        return self.default


@cache
def _char_widths(font: str) -> _Widths:
    """The registered TrueType font's advance widths (1/1000 em)."""
    from reportlab.pdfbase.pdfmetrics import getFont

    face = getFont(font).face
    return _Widths(face.charWidths, float(face.defaultWidth))


@dataclass
class RenderState:
    """What one rendering pass knows and learns.

    The first pass only measures (tables are laid out by arithmetic and not drawn): it learns the
    page count and the page each section starts on. The second pass draws, printing "Page n of
    N" and the contents page's numbers from what the first one learned.
    """

    measuring: bool
    total_pages: int = 0  # from the measuring pass (0 while measuring)
    known_pages: dict[str, int] = field(default_factory=dict)  # from the measuring pass
    section_pages: dict[str, int] = field(default_factory=dict)  # learned: key -> first page
    pages: int = 0  # pages finished in this pass
    progress: Callable[[int, int], bool] | None = None  # False from it means "stop"
