"""The one font of the reports: WenQuanYi Micro Hei, shipped in resources/fonts.

reportlab embeds it as a TrueType subset (its built-in CJK fonts are not embedded, so a reader
without them shows boxes) and matplotlib draws the charts' labels with it. Both registrations are
done once per process, when the first report or chart needs them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ecdesk.config import resource_path
from ecdesk.errors import EcdeskError
from ecdesk.i18n import _

FONT_FILE = "wqy-microhei.ttc"
FONT_NAME = "WenQuanYiMicroHei"  # the name reportlab knows it by
CHART_FAMILY = "WenQuanYi Micro Hei"  # the family name matplotlib reads from the file


def font_path() -> Path:
    path = resource_path("fonts", FONT_FILE)
    if not path.is_file():
        raise EcdeskError(
            _("The report font {path} is missing: reinstall ecdesk.").format(path=path)
        )
    return path


@cache
def pdf_font() -> str:
    """Register the font with reportlab (face 0 of the collection); return its name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_path()), subfontIndex=0))
    return FONT_NAME


@cache
def chart_font() -> str:
    """Make the font known to matplotlib; return the family name charts ask for."""
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(font_path()))
    return CHART_FAMILY
