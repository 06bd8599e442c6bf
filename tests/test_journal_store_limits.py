"""Limited reads for the home screen: the same answers as the full reads, cut short."""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from journal_fixtures.helpers import open_store, sample_reflection

from reflect_tui.core.journal.model import NextStep


def _uuid(n: int) -> str:
    return f"{n:08x}-0000-4000-8000-000000000000"


def _journal(tmp_path: Path, count: int = 40):  # -> JournalStore
    rng = random.Random(6)
    store = open_store(tmp_path)
    reflections = []
    for n in range(count):
        steps = []
        for _ in range(rng.randint(0, 3)):
            due = None if rng.random() < 0.3 else date(2026, 3, 1) + timedelta(rng.randint(0, 5))
            steps.append(NextStep(rng.choice(["Bellen", "Mailen", ""]), due, rng.random() < 0.2))
        reflections.append(
            sample_reflection(
                _uuid(n),
                occurred_on=date(2026, 1, 1) + timedelta(rng.randint(0, 20)),
                created_at=datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=n),
                updated_at=datetime(2026, 2, 1, tzinfo=UTC)
                + timedelta(minutes=rng.randint(0, 999)),
                status=rng.choice(["draft", "complete"]),
                next_steps=steps,
            )
        )
    store.import_reflections(reflections)
    return store


def test_open_next_steps_with_a_limit_is_a_prefix_of_the_full_list(tmp_path: Path) -> None:
    with _journal(tmp_path) as store:
        everything = store.open_next_steps()
        assert everything, "the fixture must have open steps"
        assert all(step.text and not step.done for _, _, step in everything)
        keys = [(s.due is None, s.due or date.max) for _, _, s in everything]
        assert keys == sorted(keys)  # dated first, soonest first
        for limit in (0, 1, 5, len(everything) - 1, len(everything), len(everything) + 5):
            assert store.open_next_steps(limit=limit) == everything[:limit]
        assert store.count_open_next_steps() == len(everything)


def test_drafts_with_a_limit_gives_the_most_recent_draft(tmp_path: Path) -> None:
    with _journal(tmp_path) as store:
        drafts = store.drafts()
        assert len(drafts) > 1
        assert store.drafts(limit=1) == drafts[:1]
        assert store.drafts(limit=0) == []


@pytest.mark.slow  # a fresh interpreter
def test_the_home_lists_never_import_the_full_model(tmp_path: Path) -> None:
    """The home screen's lists come in the frame right after the first one;
    importing the full model for them cost ~5 ms of it (it returned
    ``model.NextStep``). A fresh interpreter reads them as the home screen
    does and must not have imported ``model``."""
    store = _journal(tmp_path)
    path = store.path
    store.close()
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from reflect_tui.core.clock import SystemClock\n"
        "from reflect_tui.core.journal.store import JournalStore\n"
        f"store = JournalStore.open(Path({str(path)!r}), SystemClock())\n"
        "store.drafts(limit=1); store.count(); store.list(limit=11)\n"
        "steps = store.open_next_steps(limit=15); store.count_open_next_steps()\n"
        "assert steps and steps[0][2].text\n"
        "print('reflect_tui.core.journal.model' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False", done.stderr
