"""Issue 18 defect 7: a crash during delete never leaves the text behind.

Before: 3 of 60 kills at ~40 ms left the words in the search index, the
row gone, and a second ``delete`` said there was no such reflection. The
long form (>= 60 kills) is ``benchmarks/soak_delete.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from journal_fixtures.delete_crash import run


@pytest.mark.slow
def test_killed_deletes_leave_no_text_anywhere(tmp_path: Path) -> None:
    outcome = run(tmp_path / "home", kills=10, seed=7)
    assert outcome.survivors == []
    assert outcome.gone_after_kill + outcome.still_there == 10
