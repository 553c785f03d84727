"""The unit of work: one open transaction at a time, and reads that join the caller's."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ecdesk.db import Database, UnitOfWorkReenteredError
from ecdesk.models import Channel, ChannelKind, Setting
from ecdesk.services.settings import get_settings, read_settings, update_settings
from ecdesk.services.stock.defaults import StockDefaults, read_stock_defaults


def channel_names(db: Database) -> list[str]:
    with db.uow() as uow:
        return list(uow.session.scalars(select(Channel.name).order_by(Channel.id)))


def add_channel(session: Session, name: str) -> None:
    session.add(Channel(name=name, kind=ChannelKind.JD, currency="CNY"))


def test_reading_settings_through_the_open_unit_of_work_raises_instead_of_losing_the_write(
        tmp_shop: Database) -> None:
    # Before: the inner `with` replaced the session, the channel was lost, commit() succeeded.
    uow = tmp_shop.uow()
    with pytest.raises(UnitOfWorkReenteredError, match="already open"), uow:
        add_channel(uow.session, "JD")
        get_settings(uow)
        uow.commit()
    assert channel_names(tmp_shop) == [], "nothing half-done was committed"


def test_a_refused_reentry_leaves_the_outer_transaction_and_its_writes_intact(
        tmp_shop: Database) -> None:
    uow = tmp_shop.uow()
    with uow:
        add_channel(uow.session, "JD")
        outer = uow.session
        with pytest.raises(UnitOfWorkReenteredError):
            uow.__enter__()
        assert uow.session is outer
        uow.commit()
    assert channel_names(tmp_shop) == ["JD"]


def test_a_unit_of_work_can_be_entered_again_after_it_was_left(tmp_shop: Database) -> None:
    uow = tmp_shop.uow()
    with uow:
        add_channel(uow.session, "JD")
        uow.commit()
    with uow:
        add_channel(uow.session, "Tmall")
        uow.commit()
    assert channel_names(tmp_shop) == ["JD", "Tmall"]


def test_a_unit_of_work_left_by_an_error_can_be_entered_again(tmp_shop: Database) -> None:
    uow = tmp_shop.uow()
    with pytest.raises(ZeroDivisionError), uow:
        add_channel(uow.session, "JD")
        _ = 1 / 0
    with uow:
        assert uow.session.scalar(select(func.count()).select_from(Channel)) == 0


def test_settings_read_inside_a_transaction_see_its_own_uncommitted_change(
        tmp_shop: Database) -> None:
    update_settings(tmp_shop.uow(), shop_name="Xiaoman", currency="CNY",
                    timezone="Asia/Shanghai", min_margin="0.20")
    uow = tmp_shop.uow()
    with uow:
        uow.session.get(Setting, "min_margin").value = "0.40"  # type: ignore[union-attr]
        assert read_settings(uow.session).min_margin == Decimal("0.40")
    assert get_settings(tmp_shop.uow()).min_margin == Decimal("0.20"), "rolled back on exit"


def test_stock_defaults_read_inside_a_transaction_see_its_own_uncommitted_change(
        tmp_shop: Database) -> None:
    uow = tmp_shop.uow()
    with uow:
        assert read_stock_defaults(uow.session) == StockDefaults()
        uow.session.add(Setting(key="stock.lead_time_days", value="21"))
        assert read_stock_defaults(uow.session).lead_time_days == 21
