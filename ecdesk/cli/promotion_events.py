"""`promotions presets [--year YEAR] [--json]`: the platform events of a year with their dates
(the shop's own where it set some, marked *), to plan a promotion on; `--set KEY START END`
keeps other dates for an event of that year, `--reset` puts the year back to the defaults."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ecdesk.i18n import _

EXIT_OK = 0


def add_presets_arguments(commands: Any, db_argument: Any) -> None:
    presets = commands.add_parser("presets", help=_("the platform events of a year (年货节, "
                                                    "38女王节, 618, 99大促, 双11, 双12, Black "
                                                    "Friday, Cyber Monday) and their dates"))
    presets.add_argument("--year", type=int, help=_("the year (default: this year)"))
    presets.add_argument("--json", action="store_true", help=_("print JSON"))
    change = presets.add_mutually_exclusive_group()
    change.add_argument("--set", nargs=3, action="append", metavar=("KEY", "START", "END"),
                        help=_("keep these dates for an event of the year (the end not "
                               "included), e.g. --set double_11 '2027-10-20 20:00' "
                               "'2027-11-12 00:00'"))
    change.add_argument("--reset", action="store_true",
                        help=_("the year's default dates again"))
    db_argument(presets)
    presets.set_defaults(handler=_presets)


def _presets(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import existing_shop, writing_to
    from ecdesk.db import open_database, open_for_reading
    from ecdesk.services.promotions.events import (
        event_presets,
        reset_event_dates,
        save_event_dates,
    )

    shop = existing_shop(args)
    if args.set or args.reset:
        with writing_to(shop, "promotions presets"):
            db = open_database(shop)
            try:
                year = args.year or _this_year(db)
                changed = (reset_event_dates(db.uow("cli"), year) if args.reset else
                           save_event_dates(db.uow("cli"), year,
                                            {key: (start, end) for key, start, end in args.set}))
                print(changed.message)
                events = event_presets(db.uow("cli"), year)
            finally:
                db.close()
    else:
        db = open_for_reading(shop)
        try:
            events = event_presets(db.uow("cli"), args.year or _this_year(db))
        finally:
            db.close()
    if args.json:
        print(json.dumps([{"key": e.key, "name": e.label, "year": e.year, "starts": e.starts,
                           "ends": e.ends, "channel_kinds": list(e.channel_kinds),
                           "edited": e.edited} for e in events], ensure_ascii=False, indent=1))
    else:
        for e in events:
            print(f"{e.key:<15} {e.starts} – {e.ends}{' *' if e.edited else '  '}  {e.label} "
                  f"({', '.join(e.channel_kinds)})")
    return EXIT_OK


def _this_year(db: Any) -> int:
    from datetime import datetime

    from ecdesk.services.common.shop_time import shop_zone

    with db.uow("cli") as uow:
        return datetime.now(shop_zone(uow.session)).year
