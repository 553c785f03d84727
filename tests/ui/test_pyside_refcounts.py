"""Regression test for the PySide6 6.12.0 / Python 3.11 crash (see DESIGN.md, last section).

On that pair, calls that return None (model resets, a Python `data()` returning None) and signal
emits each drop a reference to None/True/False; after a few thousand calls the process aborts with
"Fatal Python error: none_dealloc". A short test passes anyway, so this one makes the calls many
thousand times and checks that the reference counts of the singletons did not fall.

The work is done in batches and the counts are checked after each batch, so that a leaking build
fails here with a readable assertion long before the interpreter aborts.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from typing import Any

import PySide6
import pytest
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from ecdesk.services.catalog.dto import VariantQuery
from ecdesk.services.common.page import Page
from ecdesk.views.catalog.listings_model import ListingsTableModel

CALLS = 20_000
BATCH = 1_000
# Counts move a little while Python runs (frames, caches); the bug takes one per call.
TOLERANCE = 200
UNSERVED_ROLE = Qt.ItemDataRole.UserRole + 77


AnyIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()


class _TinyModel(QAbstractTableModel):
    def rowCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else 3

    def columnCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else 2

    def data(self, index: AnyIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return f"{index.row()},{index.column()}"
        return None  # every other role: the None the bug leaks

    def reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()


class _Emitter(QObject):
    plain = Signal()
    flag = Signal(bool)
    anything = Signal(object)


def _counts(collect: bool = False) -> dict[str, int]:
    if collect:
        gc.collect()
    return {"None": sys.getrefcount(None), "True": sys.getrefcount(True),
            "False": sys.getrefcount(False)}


def _hammer(action: Callable[[], object]) -> None:
    """Call `action` CALLS times, failing as soon as a singleton's count falls."""
    before = _counts(collect=True)
    for done in range(BATCH, CALLS + 1, BATCH):
        for _ in range(BATCH):
            action()
        now = _counts(collect=done == CALLS)
        fallen = {name: before[name] - now[name] for name in before
                  if before[name] - now[name] > TOLERANCE}
        assert not fallen, (
            f"reference counts fell by {fallen} after {done} calls: this PySide6 drops "
            "references to None/True/False and will abort with none_dealloc (pin PySide6 < 6.12 "
            "on Python 3.11)")


def test_pyside_is_below_6_12_on_python_3_11() -> None:
    if sys.version_info[:2] == (3, 11):
        assert tuple(PySide6.__version_info__[:2]) < (6, 12), (
            f"PySide6 {PySide6.__version__} crashes on Python 3.11: keep the pin <6.12")
    else:
        assert tuple(PySide6.__version_info__[:2]) >= (6, 11)


def test_resetting_a_model_many_thousand_times_keeps_none_alive(qapp: Any) -> None:
    model = _TinyModel()
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    _hammer(model.reset)
    assert len(resets) == CALLS


def test_emitting_signals_many_thousand_times_keeps_the_singletons_alive(qapp: Any) -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.plain.connect(lambda: received.append(None))
    emitter.flag.connect(received.append)
    emitter.anything.connect(received.append)
    calls = iter(range(10 * CALLS))

    def emit_some() -> None:
        step = next(calls)
        if step % 4 == 0:
            emitter.plain.emit()
        elif step % 4 == 1:
            emitter.flag.emit(True)
        elif step % 4 == 2:
            emitter.flag.emit(False)
        else:
            emitter.anything.emit(None)

    _hammer(emit_some)
    assert len(received) == CALLS
    assert received[:4] == [None, True, False, None]


def test_a_python_data_returning_none_many_thousand_times_keeps_none_alive(qapp: Any) -> None:
    model = _TinyModel()
    index = model.index(1, 1)
    # Through C++ too: QModelIndex.data and a proxy call the Python override as a virtual.
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy_index = proxy.index(1, 1)
    results: list[object] = []

    def ask() -> None:
        results.append(model.data(index, UNSERVED_ROLE))
        results.append(index.data(UNSERVED_ROLE))
        results.append(proxy.data(proxy_index, UNSERVED_ROLE))

    _hammer(ask)
    assert results.count(None) == 3 * CALLS
    results.clear()


def test_the_listings_model_survives_many_thousand_resets_and_signals(qapp: Any) -> None:
    """The app's own model: set_query resets the model and emits total_changed each time."""
    model = ListingsTableModel(lambda _q, _offset, _limit: Page([], 0), [])
    totals: list[int] = []
    model.total_changed.connect(totals.append)
    queries = [VariantQuery(search=s) for s in ("", "a")]
    turn = iter(range(CALLS))

    def reset() -> None:
        model.set_query(queries[next(turn) % 2])
        model.data(model.index(0, 0), UNSERVED_ROLE)

    _hammer(reset)
    assert totals == [0] * CALLS


@pytest.mark.parametrize("singleton", [None, True, False])
def test_the_singletons_are_counted_at_all(singleton: object) -> None:
    """Guards the guard: on 3.11 the counts are real numbers that a leak would lower."""
    if sys.version_info >= (3, 12):
        pytest.skip("None/True/False are immortal from Python 3.12: their count never falls")
    held = [singleton] * 1000
    assert sys.getrefcount(singleton) >= 1000
    del held
