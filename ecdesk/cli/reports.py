"""`report NAME --from DATE --to DATE --out FILE`: a PDF report (or its CSV/XLSX twin), headless.

Exit codes as the other commands: 0 written, 2 for a usage error (unknown report, a date that is
not YYYY-MM-DD, a period that ends before it starts, an unknown channel, a file type other than
.pdf/.csv/.xlsx), 1 when the shop cannot be read or the report cannot be written.

The header of every page says when the report was generated, so two runs differ in that line.
`--generated-at` states the time instead of taking the clock's: the same shop, period and
stated time give the same PDF bytes, which is how two copies can be compared.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ecdesk.i18n import LANGUAGES, _

EXIT_OK, EXIT_USAGE = 0, 2
# As ecdesk.services.reports.REPORTS (a test checks), without importing the reports.
REPORT_NAMES = ("sales", "inventory", "accountant-pack", "service", "price-list", "suppliers",
                "promotions")


def add_report_arguments(report: argparse.ArgumentParser) -> None:
    report.add_argument("name", metavar="NAME", help=", ".join(REPORT_NAMES))
    report.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help=_("shop file (default: your shop)"))
    report.add_argument("--from", dest="first", metavar="DATE",
                        help=_("first day of the period, YYYY-MM-DD (the shop's time zone)"))
    report.add_argument("--to", dest="last", metavar="DATE",
                        help=_("last day of the period, included, YYYY-MM-DD"))
    report.add_argument("--promotion", metavar="ID|NAME",
                        help=_("promotions: this promotion only (the period defaults to the "
                               "days of its window)"))
    report.add_argument("--channel", metavar="NAME",
                        help=_("only this channel's orders (sales and accountant-pack)"))
    report.add_argument("--out", type=Path, required=True, metavar="FILE",
                        help=_("the file to write: FILE.pdf, FILE.csv or FILE.xlsx"))
    report.add_argument("--generated-at", metavar="TIME",
                        help=_("the generation time printed on the report, 'YYYY-MM-DD HH:MM' in "
                        "the shop's time zone (default: now); the same time gives the same PDF "
                        "bytes"))
    report.add_argument("--lang", choices=LANGUAGES, dest="report_language",
                        help=_("the report's language (default: the command line's, from "
                               "--lang or LC_ALL / LANG)"))
    report.set_defaults(handler=_report)


def _report(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import existing_shop
    from ecdesk.db import open_for_reading
    from ecdesk.errors import ValidationError
    from ecdesk.services.common.period import Period, parse_period
    from ecdesk.services.reports import ReportRequest, generate_report
    from ecdesk.services.reports.generate import check_request
    from ecdesk.services.settings import get_settings

    promotion = getattr(args, "promotion", None)
    try:
        _refuse(_period_given(args, promotion))
        period = parse_period(args.first, args.last) if args.first else None
        # check_request reads no period: one promotion's days are known once the shop is open
        request = ReportRequest(args.name, period or Period.month(2000, 1), args.out,
                                args.channel, language=args.report_language, promotion=promotion)
        _refuse(check_request(request))
    except ValidationError as error:
        return _usage(error)
    db = open_for_reading(existing_shop(args))  # a read-only shop can be looked at
    try:
        zone = ZoneInfo(get_settings(db.uow("cli")).timezone)
        try:
            stamp = parse_generated_at(args.generated_at, zone)
            if period is None:
                from ecdesk.services.promotions.report import window_period

                period = window_period(db.uow("cli"), promotion or "", zone)
            result = generate_report(db.uow("cli"), ReportRequest(
                args.name, period, args.out, args.channel, stamp, args.report_language,
                promotion))
        except ValidationError as error:  # the request itself (e.g. no such channel)
            return _usage(error)
    finally:
        db.close()
    print(result.message)
    return EXIT_OK


def _period_given(args: argparse.Namespace, promotion: str | None) -> list[Any]:
    """--from and --to, both (or neither, for one promotion: its window's days)."""
    from ecdesk.errors import Problem

    if (args.first is None) != (args.last is None):
        return [Problem("--from/--to", _("give both --from and --to"))]
    if args.first is None and not promotion:
        return [Problem("--from/--to", _("give the period: --from DATE --to DATE"))]
    return []


def parse_generated_at(text: str | None, zone: ZoneInfo) -> datetime | None:
    """'YYYY-MM-DD HH:MM' in the shop's zone, or an ISO time with its own offset."""
    from ecdesk.errors import Problem, ValidationError

    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError([Problem("--generated-at", _(
            "'{text}' is not a time: write it as YYYY-MM-DD HH:MM").format(text=text))]) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def _refuse(problems: list[Any]) -> None:
    from ecdesk.errors import ValidationError

    if problems:
        raise ValidationError(problems)


def _usage(error: Any) -> int:
    for problem in error.problems:
        print(_("ecdesk report: {problem}").format(problem=problem), file=sys.stderr)
    print(_("Try 'python main.py report --help'."), file=sys.stderr)
    return EXIT_USAGE
