"""`promotions add`, `promotions edit ID`, `promotions schedule ID`, `promotions cancel ID`.

A promotion is given by options, one per field (no file): `add` needs the name, type,
channels and window; `edit` starts from the stored promotion and changes only the options
given. Before saving, the checks before a promotion starts run on it as if saved: their
findings are printed and nothing is saved (exit 3) unless --yes, as the editor asks first.
Problems print by field (exit 3); an unknown id exits 2.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from ecdesk.i18n import _

EXIT_OK, EXIT_USAGE, EXIT_FLAGGED = 0, 2, 3
KINDS = ("percent_off", "amount_off", "basket_tiers", "multi_buy", "gift", "bundle",
         "fixed_price")
SCOPES = ("all", "category", "tag", "brand", "product", "sku")
# option -> the draft's field, for the options that are text as typed
TEXT_OPTIONS = {"type": "kind", "start": "starts", "end": "ends", "scope": "scope",
                "scope_value": "scope_value", "rate": "rate", "amount": "amount",
                "tiers": "tiers", "every": "every", "gift_sku": "gift_sku",
                "gift_quantity": "gift_quantity", "threshold": "threshold", "items": "items",
                "funded_by": "funded_by", "seller_share": "seller_share",
                "stacking": "stacking", "priority": "priority", "code": "coupon_code",
                "notes": "notes", "status": "status", "name": "name"}


def add_promotion_writes(commands: Any) -> None:
    add = commands.add_parser("add", help=_("add a promotion, every field as an option "
                                            "(no file); a draft unless --status scheduled"))
    add.add_argument("name", help=_("the promotion's name"))
    _fields(add, new=True)
    add.set_defaults(handler=_add)
    edit = commands.add_parser("edit", help=_("change a draft, or a scheduled promotion that "
                                              "has not started: only the options given"))
    edit.add_argument("id", type=int, help=_("the promotion's id (see 'promotions')"))
    edit.add_argument("--name", help=_("a new name"))
    _fields(edit, new=False)
    edit.set_defaults(handler=_edit)
    for name, status, text in (
            ("schedule", "scheduled", _("schedule a draft: it runs in its window")),
            ("cancel", "cancelled", _("cancel a promotion (kept, shown as cancelled)")),
            ("draft", "draft", _("take a scheduled or cancelled promotion back to draft"))):
        command = commands.add_parser(name, help=text)
        command.add_argument("id", type=int, help=_("the promotion's id (see 'promotions')"))
        db_argument(command)
        command.set_defaults(handler=_set_status, status=status)


def db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help=_("shop file (default: your shop)"))


def _fields(parser: argparse.ArgumentParser, *, new: bool) -> None:
    """The promotion's fields; required for a new one where a promotion cannot do without."""
    parser.add_argument("--type", choices=KINDS, required=new, help=_("what it does"))
    parser.add_argument("--channel", action="append", required=new, metavar="NAME",
                        help=_("a channel it runs on (repeat for several; edit: replaces them)"))
    parser.add_argument("--start", required=new, metavar="'YYYY-MM-DD HH:MM'",
                        help=_("the first moment, in the shop's time zone"))
    parser.add_argument("--end", required=new, metavar="'YYYY-MM-DD HH:MM'",
                        help=_("the end, not included: '2026-11-12 00:00' ends with 11-11"))
    hours = parser.add_mutually_exclusive_group()
    hours.add_argument("--daily-hours", metavar="HH:MM-HH:MM",
                       help=_("only these hours each day (限时购), e.g. 10:00-12:00"))
    hours.add_argument("--all-day", action="store_true",
                       help=_("no daily hours (edit: removes them)"))
    parser.add_argument("--scope", choices=SCOPES, help=_("what it covers (default: all)"))
    parser.add_argument("--scope-value", metavar="VALUE",
                        help=_("the category path, tag, brand, product title or SKU"))
    parser.add_argument("--rate", metavar="PERCENT",
                        help=_("percent off (percent_off; multi_buy: off the nth unit)"))
    parser.add_argument("--amount", help=_("amount off (amount_off), the promotional price "
                                           "(fixed_price) or the bundle's price (bundle)"))
    parser.add_argument("--tiers", metavar="'200:30, 300:50'",
                        help=_("basket_tiers: spend at least : take off, per tier"))
    parser.add_argument("--every", metavar="N", help=_("multi_buy: every nth unit of a SKU"))
    parser.add_argument("--gift-sku", metavar="SKU", help=_("gift: the gift's SKU"))
    parser.add_argument("--gift-quantity", metavar="N", help=_("gift: how many (default 1)"))
    parser.add_argument("--threshold", help=_("gift: the basket at least this (empty: any)"))
    parser.add_argument("--items", metavar="'SKU-A:1, SKU-B:2'",
                        help=_("bundle: the SKUs in the set and their units"))
    parser.add_argument("--funded-by", choices=("seller", "platform", "shared"),
                        help=_("who pays the discount (default: seller)"))
    parser.add_argument("--seller-share", metavar="PERCENT",
                        help=_("shared: the seller's part of the discount"))
    parser.add_argument("--stacking", choices=("exclusive", "stackable"),
                        help=_("exclusive (default) or stackable with others"))
    parser.add_argument("--priority", metavar="N", help=_("1 applies first (default 1)"))
    parser.add_argument("--code", metavar="CODE", help=_("a coupon code"))
    parser.add_argument("--notes", help=_("notes"))
    parser.add_argument("--status", choices=("draft", "scheduled"),
                        help=_("draft (default) or scheduled"))
    parser.add_argument("--yes", action="store_true",
                        help=_("save even when the checks find an overlap, a price below the "
                               "floor or a misleading 'was' price"))
    db_argument(parser)


def _draft(base: Any, args: argparse.Namespace) -> Any:
    """`base` (a PromotionDraft) with the options given."""
    changes = {field: getattr(args, option) for option, field in TEXT_OPTIONS.items()
               if getattr(args, option, None) is not None}
    if args.channel is not None:
        changes["channels"] = tuple(args.channel)
    if args.all_day:
        changes.update(daily_from="", daily_to="")
    elif args.daily_hours is not None:
        start, _dash, end = args.daily_hours.partition("-")
        changes.update(daily_from=start.strip(), daily_to=end.strip())
    return replace(base, **changes)


def _add(args: argparse.Namespace) -> int:
    from ecdesk.services.promotions.draft import PromotionDraft

    blank = PromotionDraft(name="", kind="", channels=(), starts="", ends="")
    return _save(args, lambda _db: _draft(blank, args), None)


def _edit(args: argparse.Namespace) -> int:
    from ecdesk.services.promotions.draft import draft_of
    from ecdesk.services.promotions.store import get_promotion

    return _save(args, lambda db: _draft(draft_of(get_promotion(db.uow("cli"), args.id)), args),
                 args.id)


def _save(args: argparse.Namespace, make: Any, promotion_id: int | None) -> int:
    from ecdesk.cli.shop_access import existing_shop, writing_to
    from ecdesk.db import open_database
    from ecdesk.errors import NotFoundError
    from ecdesk.services.promotions.checks import check_before_saving
    from ecdesk.services.promotions.store import save_promotion

    shop = existing_shop(args)
    with writing_to(shop, "promotions"):
        db = open_database(shop)
        try:
            draft = make(db)
            findings = check_before_saving(db.uow("cli"), draft, promotion_id)
            if findings and not args.yes:
                return _refused(findings)
            changed = save_promotion(db.uow("cli"), draft, promotion_id)
        except NotFoundError as error:
            print(_("ecdesk: {error}").format(error=error), file=sys.stderr)
            return EXIT_USAGE
        finally:
            db.close()
    print(_("{message} (id {id})").format(message=changed.message, id=changed.ids[0]))
    return EXIT_OK


def _refused(findings: list[Any]) -> int:
    from ecdesk.cli.promotions import _finding_text

    print(_("Not saved: the checks before a promotion starts found {count}:").format(
        count=len(findings)), file=sys.stderr)
    for finding in findings:
        print(_finding_text(finding), file=sys.stderr)
    print(_("Change it, or save it anyway with --yes."), file=sys.stderr)
    return EXIT_FLAGGED


def _set_status(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import existing_shop, writing_to
    from ecdesk.db import open_database
    from ecdesk.errors import NotFoundError
    from ecdesk.services.promotions.store import set_promotion_status
    from ecdesk.services.promotions.terms import Status

    shop = existing_shop(args)
    with writing_to(shop, "promotions"):
        db = open_database(shop)
        try:
            changed = set_promotion_status(db.uow("cli"), args.id, Status(args.status))
        except NotFoundError as error:
            print(_("ecdesk: {error}").format(error=error), file=sys.stderr)
            return EXIT_USAGE
        finally:
            db.close()
    print(changed.message)
    return EXIT_OK
