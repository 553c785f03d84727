"""SIGKILL at a random moment of a batch leaves the whole batch or none of it, never a mess."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.crash.harness import BATCHES, run_kills

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill harness needs fork and SIGKILL"),
]


@pytest.mark.parametrize("batch", sorted(BATCHES))
def test_a_killed_batch_is_entirely_present_or_entirely_absent(batch: str,
                                                                demo_shop_file: Path) -> None:
    outcomes = run_kills(BATCHES[batch], demo_shop_file, kills=30)
    bad = {state: n for state, n in outcomes.items() if state not in ("none", "all")}
    assert bad == {}, f"half-written or corrupt after a kill: {bad}"
    assert sum(outcomes.values()) == 30
