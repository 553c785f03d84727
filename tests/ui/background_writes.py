"""What the background-write tests share: a spy on the service a view runs on a worker (the
thread of each call, what it returned) and a recorder of what the shop broadcast."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

import pytest

from ecdesk.services.changes import Changed
from ecdesk.views.shell.shop_context import ShopContext


@dataclass
class Spy:
    on_gui_thread: list[bool] = field(default_factory=list)
    results: list[Any] = field(default_factory=list)


def spy_on(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> Spy:
    """Replace `module.name` with a wrapper that records where each call ran and its result."""
    real, spy = getattr(module, name), Spy()

    def spied(*args: Any, **kwargs: Any) -> Any:
        spy.on_gui_thread.append(threading.current_thread() is threading.main_thread())
        result = real(*args, **kwargs)
        spy.results.append(result)
        return result

    monkeypatch.setattr(module, name, spied)
    return spy


def broadcasts(context: ShopContext) -> list[Changed]:
    seen: list[Changed] = []
    context.changed.connect(seen.append)
    return seen
