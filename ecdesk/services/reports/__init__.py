"""Reports: SQL GROUP BY queries -> pandas frames -> matplotlib figures -> reportlab PDF, and the
same tables as CSV or XLSX. Start at `generate` (the registry and `generate_report`)."""

from ecdesk.services.common.period import Period
from ecdesk.services.reports.generate import (
    REPORTS,
    ReportRequest,
    ReportResult,
    generate_report,
)

__all__ = ["REPORTS", "Period", "ReportRequest", "ReportResult", "generate_report"]
