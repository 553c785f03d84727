"""Change areas: every area a write can name has a page that refreshes on it, every page says
which areas it refreshes on, and the shell hands a page only the changes of its areas."""

from __future__ import annotations

import gc
import weakref
from typing import ClassVar

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject

from ecdesk.db import Database
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.views.shell.pages import PAGES, page_class
from ecdesk.views.shell.shop_context import ShopContext


def test_every_page_declares_the_areas_it_refreshes_on_in_its_own_class() -> None:
    for spec in PAGES:
        cls = page_class(spec)
        assert "refresh_on" in vars(cls), f"{cls.__name__} does not say what it refreshes on " \
            "(frozenset() when nothing)"
        assert isinstance(cls.refresh_on, frozenset)  # type: ignore[attr-defined]
        assert all(isinstance(area, ChangeArea) for area in cls.refresh_on), cls.__name__  # type: ignore[attr-defined]


def test_every_change_area_refreshes_at_least_one_page() -> None:
    heard = set().union(*(page_class(spec).refresh_on for spec in PAGES))  # type: ignore[attr-defined]
    assert set(ChangeArea) - heard == set(), "a write to these areas would refresh no page"


def test_a_change_of_an_area_that_does_not_exist_is_refused() -> None:
    with pytest.raises(ValueError, match="catlog"):
        Changed.of("catlog")  # type: ignore[arg-type]
    assert Changed.of(ChangeArea.STOCK).areas == {ChangeArea.STOCK}


class StockListener(QObject):
    refresh_on: ClassVar[frozenset[ChangeArea]] = frozenset({ChangeArea.STOCK})

    def __init__(self, context: ShopContext) -> None:
        super().__init__()
        self.heard: list[Changed] = []
        context.listen(self, self.hear)

    def hear(self, change: Changed) -> None:
        self.heard.append(change)


def test_a_page_is_handed_only_the_changes_that_touch_its_areas(
        empty_context: ShopContext) -> None:
    listener = StockListener(empty_context)
    orders, both = Changed.of(ChangeArea.ORDERS), Changed.of(ChangeArea.ORDERS, ChangeArea.STOCK)
    empty_context.changed.emit(orders)
    empty_context.changed.emit(both)
    empty_context.changed.emit(Changed.of())  # a backup: touches nothing
    assert listener.heard == [both]


def test_a_page_that_is_gone_hears_no_more_changes(empty_context: ShopContext) -> None:
    listener = StockListener(empty_context)
    heard = listener.heard
    listener.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    empty_context.changed.emit(Changed.of(ChangeArea.STOCK))
    assert heard == []


def test_listening_does_not_keep_a_closed_page_alive(empty_context: ShopContext) -> None:
    listener = StockListener(empty_context)
    gone = weakref.ref(listener)
    del listener
    gc.collect()
    assert gone() is None


def test_a_shops_context_and_its_clock_do_not_outlive_their_last_user(
        qapp: object, empty_db: Database) -> None:
    context = ShopContext(empty_db)
    gone = weakref.ref(context)
    del context
    gc.collect()
    assert gone() is None
