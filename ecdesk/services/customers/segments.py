"""The RFM segments' names and labels (rfm.py says what puts a customer in one). Kept apart
from the SQL so that the CLI's parser can name them without loading SQLAlchemy."""

from __future__ import annotations

from ecdesk.i18n import N_, NC_, _

SEGMENTS = ("high_value", "potential", "new", "at_risk", "lost", "regular")
SEGMENT_LABELS = {
    "high_value": N_("High value"), "potential": N_("Potential high value"),
    "new": NC_("customer segment", "New"), "at_risk": N_("At risk"), "lost": N_("Lost"),
    "regular": N_("Regular"),
}


def segment_label(segment: str) -> str:
    """The segment's name in the current language ('' for a customer who never bought)."""
    return _(SEGMENT_LABELS[segment]) if segment in SEGMENT_LABELS else ""
