"""Stress: the app's autosave writer beside random CLI processes on one journal (short run).

``benchmarks/soak_journal.py`` runs the same harness for thousands of operations.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from journal_fixtures.stress import StressRun


@pytest.mark.slow
def test_autosave_beside_random_cli_commands_never_corrupts_loses_or_resurrects(
    isolated_home: Path,
) -> None:
    run = StressRun(isolated_home, seed=10)
    run.start()
    try:
        for _ in range(3):
            found = run.round(commands=8)
            assert found["integrity_failures"] == 0, found["details"]
            assert found["lost_answers"] == 0, found["details"]
            assert found["resurrected_deletions"] == 0, found["details"]
    finally:
        run.stop()
    final = run.check()  # and after the app has closed
    assert final["integrity_failures"] == final["lost_answers"] == 0, final["details"]
    assert final["resurrected_deletions"] == 0, final["details"]
    assert run.errors == []
    # The only refusals allowed: the target was deleted meanwhile (never "busy" or "damaged").
    assert all("geen reflectie" in line for line in run.tally.refusals), run.tally.refusals
    assert run.tally.cli_commands == 24
    assert run.tally.autosaves > 0
    assert run.deleted, "no deletion was exercised"
