"""Real `sfjwt` processes SIGKILLed at random instants on the real Secret Service: nothing lost, nothing half-made.

The campaign and its checks are in tests/support/vault_kills.py. 50+ kills, bounded in time.
Run: ``dbus-run-session -- .ci/with-keyring .venv/bin/python -m pytest tests/vault/test_vault_kill.py``.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from vault_kills import Campaign, items

pytestmark = [pytest.mark.secret_service, pytest.mark.slow]

KILLS = 54
BUDGET_S = 70.0  # stop early (after at least 50 kills) rather than overrun CI


@pytest.fixture
def campaign(secret_service_keyring: Any, tmp_path: Path) -> Iterator[Campaign]:
    made = Campaign(tmp_path, secret_service_keyring)
    yield made
    made.clean_up()


def test_sigkill_at_random_instants_loses_nothing_and_leaves_nothing(campaign: Campaign) -> None:
    campaign.baseline = {u for u in items() if u.startswith("chunk:")}  # other tests' entries are not ours
    rng = random.Random(int(os.environ.get("SFJWT_KILL_SEED", "14")))
    campaign.measure(rng)
    started = time.monotonic()
    while campaign.tally["kills"] < KILLS:
        if campaign.tally["kills"] >= 50 and time.monotonic() - started > BUDGET_S:
            break
        campaign.kill_one(rng)
    print(f"\nkill campaign: {campaign.tally}, command seconds {campaign.durations}")
    assert campaign.tally["kills"] >= 50
