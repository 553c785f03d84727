"""Market reference prices (市场定价): a competitor's or the market's price of a SKU, on one
channel or anywhere, on a day; typed or imported from CSV/XLSX. Every row is checked first and
the rows are written all together or not at all; a problem names its row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError, Problem, ValidationError
from ecdesk.i18n import _
from ecdesk.models import Channel, MarketPrice, Variant
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.common.amounts import read_amount
from ecdesk.services.common.page import Page
from ecdesk.services.tabular_io.columns import Columns, match_aliases
from ecdesk.services.tabular_io.table import TableError, open_table

ALIASES = {"sku": ("sku", "商家编码", "variant sku"), "channel": ("channel", "渠道", "平台"),
           "price": ("price", "market price", "市场价", "价格", "competitor price"),
           "date": ("date", "observed on", "日期"), "source": ("source", "来源", "competitor")}


@dataclass(frozen=True)
class MarketPriceDraft:
    sku: str
    channel: str  # "" for any channel
    price: str
    observed_on: str  # YYYY-MM-DD
    source: str = ""


@dataclass(frozen=True)
class MarketPriceRow:
    id: int
    sku: str
    channel: str
    price: Decimal
    observed_on: date
    source: str


@dataclass(frozen=True)
class MarketImportResult:
    rows: int
    changed: Changed


def add_market_prices(uow: UnitOfWork, drafts: list[MarketPriceDraft], *,
                      first_row: int | None = None) -> MarketImportResult:
    """Check every draft (rows numbered from `first_row` when they come from a file), then
    write them all in one transaction; with any problem, none."""
    with uow:
        session = uow.session
        rows, problems = _checked(session, drafts, first_row)
        if problems:
            raise ValidationError(problems)
        if rows:
            session.execute(insert(MarketPrice), rows)
        uow.commit()
    return MarketImportResult(len(rows), Changed.of(ChangeArea.PRICING, message=_(
        "{n} market prices saved").format(n=len(rows))))


def save_market_price(uow: UnitOfWork, draft: MarketPriceDraft, price_id: int | None = None
                      ) -> Changed:
    """Add one typed market price, or change the one `price_id` names; refused whole, naming
    each field that is wrong, with nothing written."""
    with uow:
        session = uow.session
        rows, problems = _checked(session, [draft], None)
        if problems:
            raise ValidationError(problems)
        if price_id is None:
            stored = MarketPrice(**rows[0])
            session.add(stored)
        else:
            stored = _get(session, price_id)
            for key, value in rows[0].items():
                setattr(stored, key, value)
        session.flush()
        saved = stored.id
        uow.commit()
    return Changed.of(ChangeArea.PRICING, message=_("Market price of {sku} saved").format(
        sku=draft.sku.strip()), ids=(saved,))


def delete_market_price(uow: UnitOfWork, price_id: int) -> Changed:
    """Delete one market price (a rule based on the market then reads the next newest)."""
    with uow:
        stored = _get(uow.session, price_id)
        sku = uow.session.scalar(select(Variant.sku).where(Variant.id == stored.variant_id))
        uow.session.delete(stored)
        uow.commit()
    return Changed.of(ChangeArea.PRICING, message=_("Market price of {sku} deleted").format(
        sku=sku), ids=(price_id,))


def _get(session: Session, price_id: int) -> MarketPrice:
    stored = session.get(MarketPrice, price_id)
    if stored is None:
        raise NotFoundError(_("There is no market price {id}").format(id=price_id))
    return stored


def _checked(session: Session, drafts: list[MarketPriceDraft], first_row: int | None
             ) -> tuple[list[dict[str, object]], list[Problem]]:
    skus = {d.sku.strip() for d in drafts}
    known = dict(session.execute(select(Variant.sku, Variant.id).where(
        Variant.sku.in_(skus))).tuples().all()) if skus else {}
    channels = {name.lower(): cid for cid, name in session.execute(
        select(Channel.id, Channel.name)).tuples()}
    rows, problems = [], []
    for index, draft in enumerate(drafts):
        row = None if first_row is None else first_row + index
        before = len(problems)
        variant_id = known.get(draft.sku.strip())
        if variant_id is None:
            problems.append(Problem(_("SKU"), _("there is no SKU '{sku}'").format(
                sku=draft.sku.strip()), row))
        channel_id = None
        if draft.channel.strip():
            channel_id = channels.get(draft.channel.strip().lower())
            if channel_id is None:
                problems.append(Problem(_("Channel"), _("there is no channel named '{name}'")
                                        .format(name=draft.channel.strip()), row))
        price = read_amount(draft.price, _("Price"), row, problems)
        if price is not None and price <= 0:
            problems.append(Problem(_("Price"), _("must be more than 0"), row))
        try:
            observed = date.fromisoformat(draft.observed_on.strip())
        except ValueError:
            problems.append(Problem(_("Date"), _("'{value}' is not a date (YYYY-MM-DD)").format(
                value=draft.observed_on), row))
            continue
        if len(problems) == before:
            rows.append({"variant_id": variant_id, "channel_id": channel_id, "price": price,
                         "observed_on": observed, "source": draft.source.strip()[:120]})
    return rows, problems


def import_market_prices(uow: UnitOfWork, path: Path) -> MarketImportResult:
    """Read a CSV or XLSX file of market prices (columns SKU, Price, Date; Channel and Source
    optional) and save them, or refuse the whole file naming each bad row."""
    try:
        table = open_table(path)
    except (TableError, OSError) as error:
        raise ValidationError([Problem(_("File"), str(error))]) from None
    try:
        columns = Columns(table.header, match_aliases(table.header, ALIASES))
        missing = [name for name in ("sku", "price", "date") if not columns.has(name)]
        if missing:
            raise ValidationError([Problem(_("File"), _("the file has no column for: {names}")
                                           .format(names=", ".join(missing)))])
        drafts, numbers = [], []
        for row, cells in table.rows:
            if not any(c.strip() for c in cells):
                continue
            drafts.append(MarketPriceDraft(columns.get(cells, "sku"), columns.get(cells,
                                                                                  "channel"),
                                           columns.get(cells, "price"),
                                           columns.get(cells, "date"),
                                           columns.get(cells, "source")))
            numbers.append(row)
    finally:
        table.close()
    try:
        return add_market_prices(uow, drafts, first_row=numbers[0] if numbers else 1)
    except ValidationError as error:
        # the rows of a file are numbered as the file numbers them (blank rows skipped)
        by_index = {numbers[0] + i: n for i, n in enumerate(numbers)} if numbers else {}
        raise ValidationError([Problem(p.field, p.message, by_index.get(p.row, p.row))
                               for p in error.problems]) from None


def list_market_prices(uow: UnitOfWork, *, sku_text: str = "", offset: int = 0,
                       limit: int = 200) -> Page[MarketPriceRow]:
    """The market prices, newest first, paged."""
    query = (select(MarketPrice, Variant.sku, Channel.name)
             .join(Variant, Variant.id == MarketPrice.variant_id)
             .outerjoin(Channel, Channel.id == MarketPrice.channel_id))
    if sku_text.strip():
        from ecdesk.services.common.text_search import contains

        query = query.where(contains(Variant.sku, sku_text.strip()))
    with uow:
        session = uow.session
        total = session.scalar(select(func.count()).select_from(query.subquery()))
        rows = [MarketPriceRow(m.id, sku, channel or "", m.price, m.observed_on, m.source)
                for m, sku, channel in session.execute(
                    query.order_by(MarketPrice.observed_on.desc(), MarketPrice.id.desc())
                    .offset(offset).limit(limit))]
    return Page(rows, total, has_more=offset + len(rows) < (total or 0))
