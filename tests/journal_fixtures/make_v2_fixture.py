"""Generate ``v2_journal.sqlite3``: a journal as the release with schema 2 wrote it.

The file must be written by that release's own code, not by today's, so run
this script against a checkout of it (the committed file
was made from main at 6d642ce): ``PYTHONPATH=/path/to/that/checkout python
tests/journal_fixtures/make_v2_fixture.py``. It refuses to run when the
importable reflect writes another schema. The committed file is what
``test_journal_migration_v3.py`` upgrades.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from reflect_tui.core.clock import FixedClock
from reflect_tui.core.journal.model import Answer, NextStep, PrincipleRating, Reflection
from reflect_tui.core.journal.store import JournalStore

TARGET = Path(__file__).with_name("v2_journal.sqlite3")
MARKER = "Reigersnestmarker5K"  # only in the reflection the migration test deletes


def _reflection(n: int, **over: object) -> Reflection:
    day = date(2025, 1, 1 + n)
    base = Reflection(
        id=f"0c2a7d3e-{n:04d}-4d4e-9a51-00000000000{n}",
        title=f"Overleg {n} over het buurthuis",
        occurred_on=day,
        created_at=datetime(2025, 1, 1 + n, 9, 0, tzinfo=UTC),
        updated_at=datetime(2025, 1, 1 + n, 10, 0, 0, 250000, tzinfo=UTC),
        status="complete",
        case_kind="overleg",
        who="De beheerder en twee vrijwilligers",
        what_happened="Zorgen over de openingstijden en het café",
        practices=["situatie"],
        answers=[Answer("situatie", "luisteren", "Wie heb je gehoord?", f"Antwoord {n}", "p-1")],
        principles=[PrincipleRating("open", 2 + n % 3, "Rustig gebleven.")],
        barriers=["tijdgebrek"],
        helps=["collegas"],
        insight="Vaker langsgaan.",
        next_steps=[
            NextStep(f"Beheerder bellen {n}", date(2025, 2, 1 + n)),
            NextStep("Verslag sturen", None, True),
        ],
        tags=["buurthuis"],
        notes="",
        content_version="v2-content",
    )
    for key, value in over.items():
        setattr(base, key, value)
    return base


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "journal.sqlite3"
        clock = FixedClock(datetime(2025, 3, 1, 12, 0, tzinfo=UTC))
        with JournalStore.open(path, clock) as store:
            version = store._conn.execute("PRAGMA user_version").fetchone()[0]
            if version != 2:
                print(f"this reflect writes schema {version}, not 2; see the docstring")
                return 1
            store.import_reflections(
                [
                    _reflection(1),
                    _reflection(2, notes=f"Geheim {MARKER}", status="draft"),
                    _reflection(3, next_steps=[NextStep("", date(2025, 1, 5))]),
                ]
            )
            store.record_tips_shown(["vraag-achter-de-vraag"], _reflection(1).id)
        conn = sqlite3.connect(path)
        conn.execute("VACUUM")
        conn.close()
        TARGET.write_bytes(path.read_bytes())
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
