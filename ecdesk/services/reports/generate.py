"""Making a report: check the request, read the figures in one transaction, write the file.

The registry `REPORTS` is the one place a report is declared: a name, a title, a builder
(session, scope -> Report) and whether it reads per channel or needs the current alerts. A later
capability (promotions, customer service, suppliers) adds its report here; period handling, the
PDF's pages, tables, totals and the CSV/XLSX twin come with the framework.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import CancelledError, Problem, ValidationError
from ecdesk.i18n import N_, _, current_language, language
from ecdesk.models import Channel
from ecdesk.services.common.period import Period
from ecdesk.services.common.progress import Progress
from ecdesk.services.reports.alerts_part import current_alerts
from ecdesk.services.reports.model import Block, Report
from ecdesk.services.reports.scope import ReportScope, Step
from ecdesk.services.settings import read_settings

Alerts = tuple[Block, ...] | None  # the current alerts' part, for the reports that show it
Builder = Callable[[Session, ReportScope, Alerts, Step], Report]
SUFFIXES = (".pdf", ".csv", ".xlsx")
PROGRESS_TOTAL = 1000
BUILD_SHARE = 200  # of PROGRESS_TOTAL: reading the figures; the rest is writing the file
BUILD_STEPS = 12  # about how many steps a builder reports


@dataclass(frozen=True)
class ReportKind:
    name: str
    title: str
    build: Builder
    per_channel: bool  # False: the report covers the whole shop (a channel is refused)
    with_alerts: bool = False


def _sales(session: Session, scope: ReportScope, _alerts: Alerts, step: Step) -> Report:
    from ecdesk.services.reports.sales import build_sales_report

    return build_sales_report(session, scope, step)


def _inventory(session: Session, scope: ReportScope, alerts: Alerts, step: Step) -> Report:
    from ecdesk.services.reports.inventory import build_inventory_report

    return build_inventory_report(session, scope, alerts, step)


def _pack(session: Session, scope: ReportScope, alerts: Alerts, step: Step) -> Report:
    from ecdesk.services.reports.pack import build_accountant_pack

    return build_accountant_pack(session, scope, alerts, step)


def _service(session: Session, scope: ReportScope, _alerts: Alerts, step: Step) -> Report:
    from ecdesk.services.tickets.report import build_service_report

    return build_service_report(session, scope, step)


def _price_list(session: Session, scope: ReportScope, _alerts: Alerts, step: Step) -> Report:
    from ecdesk.services.pricing.price_list_report import build_price_list_report

    return build_price_list_report(session, scope, step)


def _suppliers(session: Session, scope: ReportScope, _alerts: Alerts, step: Step) -> Report:
    from ecdesk.services.suppliers.report import build_suppliers_report

    return build_suppliers_report(session, scope, step)


def _promotions(session: Session, scope: ReportScope, _alerts: Alerts, step: Step) -> Report:
    from ecdesk.services.promotions.report import build_promotions_report

    return build_promotions_report(session, scope, step)


REPORTS = {kind.name: kind for kind in (
    ReportKind("sales", N_("Sales and margin"), _sales, per_channel=True),
    ReportKind("inventory", N_("Inventory valuation"), _inventory, per_channel=False,
               with_alerts=True),
    ReportKind("accountant-pack", N_("Accountant pack (sales and inventory)"), _pack,
               per_channel=True, with_alerts=True),
    ReportKind("service", N_("Service (tickets, returns, refunds)"), _service, per_channel=False),
    ReportKind("price-list", N_("Price list per channel"), _price_list, per_channel=True),
    ReportKind("suppliers", N_("Suppliers (scorecards, open orders)"), _suppliers,
               per_channel=False),
    ReportKind("promotions", N_("Promotion results"), _promotions, per_channel=False),
)}
FOR_ONE_PROMOTION = frozenset({"promotions"})  # the reports a request may name a promotion for


@dataclass(frozen=True)
class ReportRequest:
    name: str  # a key of REPORTS
    period: Period
    out: Path  # .pdf, .csv or .xlsx
    channel: str | None = None  # a channel's name; None: every channel
    generated_at: datetime | None = None  # aware; None: now. Same time, same PDF bytes.
    # The report's language (an accountant abroad reads English); None: the window's or the
    # command line's. Same shop, period, time and language: same bytes.
    language: str | None = None
    promotion: str | None = None  # the promotion results report: this one (id or name) only


@dataclass(frozen=True)
class ReportResult:
    path: Path
    title: str
    pages: int | None  # for a PDF
    message: str


def check_request(request: ReportRequest) -> list[Problem]:
    """What is wrong with a request before the shop is read (file, name, channel use)."""
    problems = []
    kind = REPORTS.get(request.name)
    if kind is None:
        problems.append(Problem(N_("Report"), _("'{name}' is not a report: choose one of {join}")
                                          .format(name=request.name, join=', '.join(REPORTS))))
    elif request.channel and not kind.per_channel:
        problems.append(
            Problem(
                N_("Channel"),
                _(
                    "the {lower} report covers the whole shop's stock, which every channel shares: "
                    "leave the channel out"
                ).format(lower=_(kind.title).lower()),
            )
        )
    if request.promotion and request.name not in FOR_ONE_PROMOTION:
        problems.append(Problem(N_("Promotion"), _("only the promotions report is made for one "
                                               "promotion: leave the promotion out")))
    out = Path(request.out)
    if out.suffix.lower() not in SUFFIXES:
        problems.append(
            Problem(
                N_("Output file"),
                _("'{name}' must end in .pdf, .csv or .xlsx").format(name=out.name)
            )
        )
    elif out.is_dir():
        problems.append(
            Problem(N_("Output file"), _("{out} is a folder: add a file name").format(out=out))
        )
    elif not out.parent.is_dir():
        problems.append(
            Problem(N_("Output file"), _("there is no folder {parent}").format(parent=out.parent))
        )
    if request.generated_at is not None and request.generated_at.tzinfo is None:
        problems.append(Problem(N_("Generated at"), _("needs a time zone")))
    return problems


def generate_report(uow: UnitOfWork, request: ReportRequest,
                    progress: Progress | None = None) -> ReportResult:
    """Make the report and write it to `request.out`; nothing is written when it fails or is
    cancelled. Raises ValidationError naming what is wrong with the request."""
    with language(request.language or current_language()):
        return _generate(uow, request, progress)


def _generate(uow: UnitOfWork, request: ReportRequest, progress: Progress | None) -> ReportResult:
    problems = check_request(request)
    if problems:
        raise ValidationError(problems)
    kind = REPORTS[request.name]
    steps = _Steps(progress)
    scope = _scope(uow, request)
    alerts = current_alerts(uow, scope.generated_at) if kind.with_alerts else None  # own read
    steps()
    with uow:  # one read transaction: every figure comes from the same state of the shop
        report = kind.build(uow.session, scope, alerts, steps)
    return write_report(report, Path(request.out), steps.writing)


def write_report(report: Report, out: Path, progress: Progress | None = None) -> ReportResult:
    from ecdesk.services.reports.pdf import render_pdf
    from ecdesk.services.reports.twin import write_twin

    if out.suffix.lower() == ".pdf":
        pages = render_pdf(report, out, progress)
        return ReportResult(out, report.title, pages, _("Wrote {title} ({pages} pages) to {out}")
                            .format(title=report.title, pages=pages, out=out))
    write_twin(report, out, progress)
    return ReportResult(out, report.title, None, _("Wrote {title} to {out}").format(
        title=report.title, out=out))


def _scope(uow: UnitOfWork, request: ReportRequest) -> ReportScope:
    channel_id, channel_name, promotion_id = None, None, None
    with uow:
        settings = read_settings(uow.session)
        if request.channel:
            channel_id, channel_name = find_channel(uow.session, request.channel)
        if request.promotion:
            from ecdesk.services.promotions.report import resolve_promotion

            promotion_id = resolve_promotion(uow.session, request.promotion)
    return ReportScope(settings.shop_name, settings.currency, settings.timezone, request.period,
                       request.generated_at or datetime.now(UTC), channel_id, channel_name,
                       promotion_id)


def find_channel(session: Session, name: str) -> tuple[int, str]:
    """The channel called `name`, in any case, or else the only one whose name contains it
    ("JD" for "京东 JD"). Archived channels count too: they have past orders."""
    wanted = name.strip().casefold()
    channels = session.execute(select(Channel.id, Channel.name).order_by(
        Channel.position, Channel.name)).tuples().all()
    exact = [c for c in channels if c[1].casefold() == wanted]
    partial = [c for c in channels if wanted and wanted in c[1].casefold()]
    found = exact or partial
    if len(found) == 1:
        return found[0]
    if found:
        message = _("'{name}' could be {channels}: write more of the channel's name").format(
            name=name, channels=", ".join(c[1] for c in found))
    else:
        known = ", ".join(c[1] for c in channels) or _("none yet")
        message = _("there is no channel named '{name}' (the shop's channels: {known})").format(
            name=name, known=known)
    raise ValidationError([Problem(N_("Channel"), message)])


class _Steps:
    """Progress while the figures are read (a share of the bar), then while writing."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.done = 0

    def __call__(self) -> None:
        self.done = min(self.done + 1, BUILD_STEPS)
        self._report(BUILD_SHARE * self.done // BUILD_STEPS)

    def writing(self, done: int, total: int) -> bool:
        share = PROGRESS_TOTAL - BUILD_SHARE
        if self.progress is None:
            return True
        return self.progress(BUILD_SHARE + share * done // max(total, 1), PROGRESS_TOTAL)

    def _report(self, done: int) -> None:
        if self.progress is not None and self.progress(done, PROGRESS_TOTAL) is False:
            raise CancelledError(_("The report was cancelled: no file was written"))
