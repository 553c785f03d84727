"""`price SKU`: a SKU's prices explained (the rule, each step, fees, margin after fees);
`pricing preview | apply | undo`: the rules' preview, applying it after a backup, undoing the
last apply; `import market-prices FILE`. Exit 3 when `pricing preview` shows a flagged change
(below the margin floor or cost, a big change, channels inconsistent) that applying would make,
or when a file or rule is refused with problems."""

from __future__ import annotations

import argparse
import json
import os
import sys
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from ecdesk.errors import Problem
from ecdesk.i18n import N_, _

if TYPE_CHECKING:
    from ecdesk.services.pricing.breakdown import PriceBreakdown
    from ecdesk.services.pricing.preview import PreviewRow, PreviewSummary
    from ecdesk.services.pricing.promoted import PromotedPrice

EXIT_OK, EXIT_FLAGGED = 0, 3
PREVIEW_FIELDS = ("sku", "channel", "rule", "old_price", "new_price", "change",
                  "margin_before", "margin_after", "follows_list_price", "writes", "flags")
# The history table's headings, one per HISTORY_FIELDS column (the CSV/XLSX keep the field names).
HISTORY_HEADER = (N_("time (UTC)"), N_("SKU"), N_("channel"), N_("old"), N_("new"),
                  N_("changed by"), N_("rule"))


def _db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help=_("shop file (default: your shop)"))


def add_price_arguments(price: argparse.ArgumentParser) -> None:
    price.add_argument("sku", help=_("the SKU"))
    price.add_argument("--channel", help=_("only this channel's price ('' for the list price)"))
    price.add_argument("--quantity", type=int, default=1,
                       help=_("units in the order (a quantity tier's rule applies from its "
                       "quantity; default 1)"))
    price.add_argument("--at", help=_("a moment in the shop's time (\"2026-11-11 10:00\"): the "
                       "price with the promotions running then"))
    price.add_argument("--code", action="append", default=[],
                       help=_("a coupon code the buyer gives (with --at; may be repeated)"))
    price.add_argument("--json", action="store_true", help=_("print JSON (amounts as strings)"))
    _db_argument(price)
    price.set_defaults(handler=_price)


def add_pricing_arguments(pricing: argparse.ArgumentParser) -> None:
    commands = pricing.add_subparsers(dest="pricing_command", required=True)
    preview = commands.add_parser("preview", help=_("compute what the rules would set and show "
                                  "the changes; exit 3 when a flagged change would apply"))
    preview.add_argument("--rule", help=_("only the prices this rule wins"))
    shown = preview.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true", help=_("print every change as JSON"))
    shown.add_argument("--out", type=Path, help=_("write every change to a CSV or XLSX file"))
    preview.add_argument("--limit", type=int, default=30,
                         help=_("changes to print in the table (default 30; 0: all)"))
    _db_argument(preview)
    preview.set_defaults(handler=_preview)
    apply = commands.add_parser("apply", help=_("write the last preview's prices (after a "
                                "backup), in one step that 'pricing undo' reverses"))
    apply.add_argument("--yes", action="store_true", help=_("do not ask"))
    _db_argument(apply)
    apply.set_defaults(handler=_apply)
    undo = commands.add_parser("undo", help=_("put back every price the last apply wrote"))
    _db_argument(undo)
    undo.set_defaults(handler=_undo)
    history = commands.add_parser("history", help=_("the price history (every change, whatever "
                                  "made it), newest first; --out writes CSV or XLSX"))
    history.add_argument("--sku", help=_("only this SKU"))
    history.add_argument("--limit", type=int, default=1000, help=_("changes (default 1000)"))
    history.add_argument("--out", type=Path, help=_("write to a CSV or XLSX file"))
    _db_argument(history)
    history.set_defaults(handler=_history)


def add_import_market_prices_arguments(market: argparse.ArgumentParser) -> None:
    market.add_argument("file", type=Path, help=_("CSV or XLSX: SKU, Price, Date (YYYY-MM-DD); "
                        "Channel and Source optional"))
    _db_argument(market)
    market.set_defaults(handler=_import_market)


# -- price SKU -----------------------------------------------------------------------------------
def _price(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import existing_shop
    from ecdesk.db import open_for_reading
    from ecdesk.services.pricing.breakdown import explain_price

    if args.at:
        return _promoted_price(args)
    db = open_for_reading(existing_shop(args))
    try:
        breakdowns = explain_price(db.uow("cli"), args.sku, channel=args.channel,
                                   quantity=args.quantity)
    finally:
        db.close()
    if args.json:
        _print(json.dumps([_breakdown_json(b) for b in breakdowns], ensure_ascii=False,
                          indent=1))
    else:
        _print("\n\n".join(_breakdown_text(b) for b in breakdowns))
    return EXIT_OK


def _promoted_price(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import existing_shop
    from ecdesk.db import open_for_reading
    from ecdesk.errors import ValidationError
    from ecdesk.services.common.shop_time import shop_moment
    from ecdesk.services.pricing.promoted import explain_promoted_price

    db = open_for_reading(existing_shop(args))
    try:
        with db.uow("cli") as uow:
            at = shop_moment(uow.session, args.at)
        if at is None:
            raise ValidationError([Problem("--at", _("'{value}' is not a time (YYYY-MM-DD "
                                                     "HH:MM)").format(value=args.at))])
        prices = explain_promoted_price(db.uow("cli"), args.sku, at=at, channel=args.channel,
                                        quantity=args.quantity, codes=args.code)
    finally:
        db.close()
    if args.json:
        _print(json.dumps([{**_breakdown_json(p.breakdown), **_basket_json(p)} for p in prices],
                          ensure_ascii=False, indent=1))
    else:
        _print("\n\n".join(_breakdown_text(p.breakdown) + _basket_text(p) for p in prices))
    return EXIT_OK


def _basket_json(p: PromotedPrice) -> dict[str, object]:
    basket = p.basket
    return {"promotions": [{"name": a.promotion.name, "text": a.text,
                            "discount": _money(a.discount), "seller_cost": _money(a.seller_cost)}
                           for a in basket.applied],
            "passed_over": [{"name": name, "why": why} for name, why in basket.passed_over],
            "basket_total": _money(basket.total), "discount": _money(basket.discount),
            "seller_cost": _money(basket.seller_cost),
            "basket_margin_after_fees": _rate(p.margin_after_fees)}


def _basket_text(p: PromotedPrice) -> str:
    from ecdesk.money import format_rate

    basket = p.basket
    if not basket.applied and not basket.passed_over:
        return ""
    lines = [_("  promotions: {total} for the basket ({discount} off, {cost} paid by the "
               "seller); margin after fees {margin}").format(
        total=_money(basket.total), discount=_money(basket.discount),
        cost=_money(basket.seller_cost), margin=format_rate(p.margin_after_fees) or "—")]
    lines += [_("  not applied: {name} ({why})").format(name=name, why=why)
              for name, why in basket.passed_over]
    return "\n" + "\n".join(lines)


def _print(text: str) -> None:
    try:
        print(text)
    except BrokenPipeError:  # piped into `head`: the reader has all it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes stdout at exit


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def _rate(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.4f}"


def _breakdown_json(b: PriceBreakdown) -> dict[str, object]:
    return {"sku": b.sku, "channel": b.channel or None, "quantity": b.quantity,
            "current_price": _money(b.current_price), "price": _money(b.price),
            "rule": b.rule_name or None, "follows_list_price": b.follows_list,
            "steps": [{"text": s.text, "price": _money(s.price)} for s in b.steps],
            "fees": _money(b.fees), "cost": _money(b.cost),
            "margin_after_fees": _rate(b.margin_after_fees),
            "flags": [name for name in b.flag_text.split(", ") if name]}


def _breakdown_text(b: PriceBreakdown) -> str:
    from ecdesk.money import format_rate

    where = b.channel or _("list price")
    rule = b.rule_name or _("no rule")
    lines = [f"{b.sku} · {where} · {rule}"]
    lines += [f"  {n}. {s.text}" + (f" -> {_money(s.price)}" if s.price is not None else "")
              for n, s in enumerate(b.steps, start=1)]
    lines.append(_("  price {price} (now {current}); fees {fees}; margin after fees {margin}")
                 .format(price=_money(b.price), current=_money(b.current_price),
                         fees=_money(b.fees), margin=format_rate(b.margin_after_fees) or "—"))
    if b.flags:
        lines.append(_("  flagged: {flags}").format(flags=b.flag_text))
    return "\n".join(lines)


# -- pricing preview / apply / undo --------------------------------------------------------------
def _preview(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import existing_shop, writing_to
    from ecdesk.db import open_database
    from ecdesk.services.pricing.preview import PreviewQuery, build_price_preview, iter_preview

    shop = existing_shop(args)
    with writing_to(shop, "pricing preview"):  # the preview is kept in the shop for apply
        db = open_database(shop)
        try:
            if args.rule and args.rule not in _rule_names(db):
                from ecdesk.errors import NotFoundError

                raise NotFoundError(_("There is no price rule named '{name}'").format(
                    name=args.rule))
            summary = build_price_preview(db.uow("cli"), rule_name=args.rule)
            rows = list(iter_preview(db.uow("cli"), PreviewQuery(sort="sku"))) \
                if args.json or args.out else None
            if rows is None:
                limit = args.limit or None
                table = _first_rows(db, limit)
        finally:
            db.close()
    if args.json:
        _print(json.dumps({"summary": _summary_json(summary),
                          "changes": [_row_json(r) for r in rows or []]},
                         ensure_ascii=False, indent=1))
    elif args.out:
        _write_rows(args.out, rows or [])
        print(_summary_text(summary))
        print(_("Written to {path}").format(path=args.out))
    else:
        _print(_summary_text(summary) + "\n" + table)
    return EXIT_FLAGGED if summary.flagged_changes else EXIT_OK


def _rule_names(db: object) -> set[str]:
    from ecdesk.services.pricing.rule_store import rule_names

    return set(rule_names(db.uow("cli")))  # type: ignore[attr-defined]


def _first_rows(db: object, limit: int | None) -> str:
    from ecdesk.cli.columns import columns
    from ecdesk.services.pricing.preview import PreviewQuery, read_preview_page

    page = read_preview_page(db.uow("cli"), PreviewQuery(sort="change", descending=True),  # type: ignore[attr-defined]
                             0, limit or 1_000_000)
    header = [_("SKU"), _("channel"), _("rule"), _("old"), _("new"), _("change"),
              _("margin after"), _("flags")]
    body = [[r.sku, r.channel or _("list price"), r.rule_name, _money(r.old_effective) or "",
             _money(r.new_price) or "", _percent(r.change_rate), _percent(r.margin_after),
             r.flag_text] for r in page.rows]
    return "\n".join(columns([header, *body], right=range(3, 7)))


def _percent(rate: Decimal | None) -> str:
    from ecdesk.money import format_rate

    return format_rate(rate) if rate is not None else ""


def _summary_text(summary: PreviewSummary) -> str:
    from ecdesk.services.pricing.flags import flag_names

    counts = ", ".join(f"{flag_names(flag)[0]} {count}" for flag, count in
                       summary.by_flag.items() if count)
    return _("{rows} prices looked at; {changes} would change ({writes} stored prices "
             "written); {flagged} of the changes are flagged{detail}.").format(
        rows=summary.rows, changes=summary.changes, writes=summary.writes,
        flagged=summary.flagged_changes, detail=f" ({counts})" if counts else "")


def _summary_json(summary: PreviewSummary) -> dict[str, object]:
    return {"rows": summary.rows, "changes": summary.changes, "writes": summary.writes,
            "flagged_changes": summary.flagged_changes,
            "by_flag": {flag.name.lower(): count for flag, count in summary.by_flag.items()}}


def _row_json(row: PreviewRow) -> dict[str, object]:
    return dict(zip(PREVIEW_FIELDS, _row_values(row), strict=True))


def _row_values(row: PreviewRow) -> tuple[object, ...]:
    return (row.sku, row.channel or None, row.rule_name, _money(row.old_effective),
            _money(row.new_price), _rate(row.change_rate), _rate(row.margin_before),
            _rate(row.margin_after), row.follows_list, row.writes,
            [f.name.lower() for f in type(row.flags) if row.flags & f])


def _write_rows(path: Path, rows: list[PreviewRow]) -> None:
    values = [[v if not isinstance(v, list) else " ".join(v) for v in _row_values(r)]
              for r in rows]
    from ecdesk.services.pricing.table_file import write_table

    write_table(path, PREVIEW_FIELDS, values)


def _history(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import existing_shop
    from ecdesk.db import open_for_reading
    from ecdesk.services.pricing.history import (
        export_price_history,
        history_table,
        price_history,
    )

    db = open_for_reading(existing_shop(args))
    try:
        if args.out:
            print(export_price_history(db.uow("cli"), args.out, sku=args.sku,
                                       limit=args.limit).changed.message)
            return EXIT_OK
        rows = history_table(price_history(db.uow("cli"), sku=args.sku, limit=args.limit))
    finally:
        db.close()
    from ecdesk.cli.columns import columns

    _print("\n".join(columns([[_(text) for text in HISTORY_HEADER],
                              *[[v or "" for v in r] for r in rows]],
                             right=range(3, 5))))
    return EXIT_OK


def _apply(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import existing_shop, writing_to
    from ecdesk.db import open_database
    from ecdesk.services.pricing.apply import apply_price_preview
    from ecdesk.services.pricing.preview import preview_summary

    shop = existing_shop(args)
    with writing_to(shop, "pricing apply"):
        db = open_database(shop)
        try:
            summary = preview_summary(db.uow("cli"))
            if not args.yes and not _confirm(summary):
                print(_("Nothing was applied."))
                return EXIT_OK
            result = apply_price_preview(db.uow("cli"))
        finally:
            db.close()
    print(_("{count} prices applied; backup: {backup}. 'pricing undo' puts them back.").format(
        count=result.prices, backup=result.backup or "—"))
    return EXIT_OK


def _confirm(summary: PreviewSummary) -> bool:
    if not sys.stdin.isatty():
        from ecdesk.errors import EcdeskError

        raise EcdeskError(_("pricing apply asks before it writes: add --yes to apply without "
                            "asking"))
    answer = input(_("Write {writes} prices ({flagged} flagged changes)? [y/N] ").format(
        writes=summary.writes, flagged=summary.flagged_changes))
    return answer.strip().lower() in ("y", "yes")


def _undo(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import existing_shop, writing_to
    from ecdesk.db import open_database
    from ecdesk.services.pricing.apply import undo_last_apply

    shop = existing_shop(args)
    with writing_to(shop, "pricing undo"):
        db = open_database(shop)
        try:
            result = undo_last_apply(db.uow("cli"))
        finally:
            db.close()
    print(_("{count} prices put back.").format(count=result.prices))
    return EXIT_OK


def _import_market(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import existing_shop, input_file_missing, writing_to
    from ecdesk.db import open_database
    from ecdesk.services.pricing.market import import_market_prices

    if input_file_missing(args.file):
        return 2
    shop = existing_shop(args)
    with writing_to(shop, "import market-prices"):
        db = open_database(shop)
        try:
            result = import_market_prices(db.uow("cli"), args.file)
        finally:
            db.close()
    print(_("{count} market prices imported.").format(count=result.rows))
    return EXIT_OK
