"""`promotions [--json]`: the promotion calendar, by start; `promotions check [--json]`: the
checks before a promotion starts, exit 3 when one finds something; `promotions export --out
FILE.ics`: the calendar as iCalendar for any calendar app; `promotions add` / `edit ID` (every
field as an option; the checks' findings refuse the save, exit 3, unless --yes), `schedule ID`,
`cancel ID` (exit 2 for an unknown id, 3 with the problems by field)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ecdesk.cli.promotion_events import add_presets_arguments
from ecdesk.cli.promotion_writes import add_promotion_writes, db_argument
from ecdesk.i18n import _

if TYPE_CHECKING:
    from ecdesk.services.promotions.checks import Finding
    from ecdesk.services.promotions.terms import PromotionInfo

EXIT_OK, EXIT_USAGE, EXIT_FLAGGED = 0, 2, 3


def add_promotions_arguments(promotions: argparse.ArgumentParser) -> None:
    promotions.add_argument("--json", action="store_true", help=_("print JSON (times in UTC)"))
    db_argument(promotions)
    promotions.set_defaults(handler=_list)
    commands = promotions.add_subparsers(dest="promotions_command")
    check = commands.add_parser("check", help=_("overlaps, prices below cost or the margin "
                                                "floor after fees, compare-at prices above the "
                                                "7-day lowest price; exit 3 when a check finds "
                                                "something"))
    check.add_argument("--json", action="store_true", help=_("print JSON"))
    db_argument(check)
    check.set_defaults(handler=_check)
    export = commands.add_parser("export", help=_("write the calendar as iCalendar (.ics)"))
    export.add_argument("--out", type=Path, required=True, help=_("the .ics file to write"))
    db_argument(export)
    export.set_defaults(handler=_export)
    add_promotion_writes(commands)
    add_presets_arguments(commands, db_argument)


def _print(text: str) -> None:
    try:
        print(text)
    except BrokenPipeError:  # piped into `head`: the reader has all it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes stdout at exit


def _list(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import existing_shop
    from ecdesk.db import open_for_reading
    from ecdesk.services.common.shop_time import shop_zone
    from ecdesk.services.promotions.store import list_promotions

    db = open_for_reading(existing_shop(args))
    try:
        promotions = list_promotions(db.uow("cli"))
        with db.uow("cli") as uow:
            zone = shop_zone(uow.session)
    finally:
        db.close()
    now = datetime.now(UTC)
    if args.json:
        _print(json.dumps([_promotion_json(p, now) for p in promotions], ensure_ascii=False,
                          indent=1))
    elif not promotions:
        _print(_("No promotions."))
    else:
        _print("\n".join(_promotion_line(p, now, zone) for p in promotions))
    return EXIT_OK


def _promotion_json(p: PromotionInfo, now: datetime) -> dict[str, object]:
    return {"id": p.id, "name": p.name, "type": p.kind.value, "status": p.status.value,
            "phase": p.phase(now).value, "starts_at": p.starts_at.isoformat(),
            "ends_at": p.ends_at.isoformat(), "time_zone": p.time_zone,
            "daily_hours": (f"{p.daily_from:%H:%M}-{p.daily_to:%H:%M}"
                            if p.daily_from and p.daily_to else None),
            "channels": list(p.channel_names), "scope": p.scope.value,
            "scope_value": p.scope_text or None, "funded_by": p.funded_by.value,
            "seller_share": str(p.seller_rate), "stacking": p.stacking.value,
            "priority": p.priority, "coupon_code": p.coupon_code or None,
            "terms": json.loads(p.terms.to_json()), "notes": p.notes}


def _promotion_line(p: PromotionInfo, now: datetime, zone: object) -> str:
    from ecdesk.services.promotions.terms import KIND_LABELS, PHASE_LABELS, STACKING_LABELS

    start, end = p.starts_at.astimezone(zone), p.ends_at.astimezone(zone)  # type: ignore[arg-type]
    hours = f" {p.daily_from:%H:%M}-{p.daily_to:%H:%M}" if p.daily_from and p.daily_to else ""
    return (f"{p.id:>4}  {start:%Y-%m-%d %H:%M} – {end:%Y-%m-%d %H:%M}{hours}  "
            f"[{_(PHASE_LABELS[p.phase(now)])}]  {p.name} · {_(KIND_LABELS[p.kind])} · "
            f"{', '.join(p.channel_names)} · {_(STACKING_LABELS[p.stacking])} "
            f"{p.priority}" + (f" · {p.coupon_code}" if p.coupon_code else ""))


def _check(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import existing_shop
    from ecdesk.db import open_for_reading
    from ecdesk.services.promotions.checks import check_promotions

    db = open_for_reading(existing_shop(args))
    try:
        findings = check_promotions(db.uow("cli"))
    finally:
        db.close()
    if args.json:
        _print(json.dumps([_finding_json(f) for f in findings], ensure_ascii=False, indent=1))
    elif not findings:
        _print(_("Every check passed."))
    else:
        _print("\n".join(_finding_text(f) for f in findings))
    return EXIT_FLAGGED if findings else EXIT_OK


def _finding_json(f: Finding) -> dict[str, object]:
    return {"check": f.check.value, "promotion": f.promotion, "channel": f.channel,
            "skus": list(f.skus), "detail": f.detail}


def _finding_text(f: Finding) -> str:
    shown = ", ".join(f.skus[:10]) + (_(" and {more} more").format(more=len(f.skus) - 10)
                                       if len(f.skus) > 10 else "")
    return f"{f.label}: {f.promotion} · {f.channel} · {f.detail}\n  {shown}"


def _export(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import existing_shop
    from ecdesk.db import open_for_reading
    from ecdesk.services.promotions.calendar_export import export_calendar

    if args.out.suffix.lower() != ".ics":
        print(_("The file name must end in .ics"), file=sys.stderr)
        return EXIT_USAGE
    db = open_for_reading(existing_shop(args))
    try:
        count = export_calendar(db.uow("cli"), args.out)
    finally:
        db.close()
    _print(_("Wrote {count} promotions to {path}").format(count=count, path=args.out))
    return EXIT_OK
