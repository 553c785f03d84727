"""SIGKILL at a random moment of a batch leaves the whole batch or none of it, never a mess."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.crash.harness import BATCHES, make_template, run_kills

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill harness needs fork and SIGKILL"),
]
KILLS = 15  # per batch kind: 60 in all


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("kill-template") / "demo.ecdesk")


@pytest.mark.parametrize("batch", sorted(BATCHES))
def test_a_killed_batch_is_entirely_present_or_entirely_absent(batch: str,
                                                                template: Path) -> None:
    outcomes = run_kills(BATCHES[batch], template, kills=KILLS)
    bad = {state: n for state, n in outcomes.items() if state not in ("none", "all")}
    assert bad == {}, f"half-written or corrupt after a kill: {bad}"
    assert sum(outcomes.values()) == KILLS
