"""Generate ``v5_journal.sqlite3`` and ``v5_export.json``: a journal as the release
with schema 5 wrote it, and that release's own JSON export of it.

The file must be written by that release's own code, not by today's, so run
this script against a checkout of it (the committed files were made from
main at 1151eff): ``PYTHONPATH=/path/to/that/checkout python
tests/journal_fixtures/make_v5_fixture.py``. It refuses to run when the
importable reflect writes another schema. ``test_journal_migration_v6.py``
upgrades the journal and compares the new export with ``v5_export.json``
byte for byte, so every field of every reflection must survive.

The reflections cover every field: drafts and completed ones, children of
every kind (answers, ratings with and without a rating, next steps open,
done, undated and empty, tips shown), optional values left out, emoji,
combining accents, markup-like text and a reflection without any children.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from reflect_tui.core.clock import FixedClock
from reflect_tui.core.journal.model import (
    Answer,
    NextStep,
    PrincipleRating,
    Reflection,
    ShownTip,
)
from reflect_tui.core.journal.store import JournalStore

HERE = Path(__file__).parent
TARGET = HERE / "v5_journal.sqlite3"
EXPORT = HERE / "v5_export.json"
MARKER = "Reigersnestmarker6K"  # only in the reflection the migration test deletes


def _reflection(n: int, **over: object) -> Reflection:
    base = Reflection(
        id=f"5d1e0f2a-{n:04d}-4b7c-8e9f-0000000000{n:02d}",
        title=f"Gesprek {n} over de speeltuin",
        occurred_on=date(2026, 1, n),
        created_at=datetime(2026, 1, n, 9, 0, tzinfo=UTC),
        updated_at=datetime(2026, 1, n, 10, 0, 0, 250000, tzinfo=UTC),
        status="complete",
        case_kind="overleg",
        who="Ouders uit de wijk en de beheerder",
        what_happened="Zorgen over de veiligheid van het klimrek",
        practices=["situatie", "luisteren"],
        answers=[
            Answer("situatie", "luisteren", "Wie heb je gehoord?", f"Antwoord {n}", "p-1"),
            Answer("situatie", "samenvatten", "", "Kort: ze willen meedenken 🙂", None),
            Answer("luisteren", "doorvragen", "Wat nog meer?", "Cafe\u0301 als [bold]plek[/]"),
        ],
        principles=[
            PrincipleRating("open", 1 + n % 5, "Rustig gebleven."),
            PrincipleRating("samen", None, ""),
        ],
        barriers=["tijdgebrek", "regels"],
        helps=["collegas"],
        insight="Vaker langsgaan.",
        involve="De wijkagent",
        barrier_note="Weinig tijd",
        help_note="Collega dacht mee",
        next_steps=[
            NextStep(f"Beheerder bellen {n}", date(2026, 2, n)),
            NextStep("Verslag sturen", None, True),
            NextStep("Terugkoppelen aan ouders", None, False),
        ],
        tags=["speeltuin", "veiligheid"],
        notes="Eerste notitie\nmet een tweede regel",
        content_version="v5-content",
        tips=[
            ShownTip("vraag-achter-de-vraag", 1, ["je noemde tijdgebrek"]),
            ShownTip("samen-kijken", 2, []),
        ],
    )
    for key, value in over.items():
        setattr(base, key, value)
    return base


def reflections() -> list[Reflection]:
    return [
        _reflection(1),
        _reflection(2, notes=f"Geheim {MARKER}", status="draft"),
        _reflection(3, next_steps=[NextStep("", date(2026, 1, 5))], tips=[]),
        _reflection(
            4,
            case_kind=None,
            answers=[],
            principles=[],
            next_steps=[],
            tips=[],
            practices=[],
            barriers=[],
            helps=[],
            tags=[],
            title="",
            status="draft",
        ),
        _reflection(5, occurred_on=date(2026, 1, 1)),  # same day as 1: order by creation
    ]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "journal.sqlite3"
        clock = FixedClock(datetime(2026, 3, 1, 12, 0, tzinfo=UTC))
        with JournalStore.open(path, clock) as store:
            version = store._conn.execute("PRAGMA user_version").fetchone()[0]
            if version != 5:
                print(f"this reflect writes schema {version}, not 5; see the docstring")
                return 1
            store.import_reflections(reflections())
            store.record_tips_shown(["vraag-achter-de-vraag"], _reflection(1).id)
            store.record_tips_shown(["samen-kijken"])
            store.set_next_step_done(_reflection(5).id, 0, True)
            EXPORT.write_text(store.export_json(), encoding="utf-8")
        conn = sqlite3.connect(path)
        conn.execute("VACUUM")
        conn.close()
        TARGET.write_bytes(path.read_bytes())
    print(f"wrote {TARGET} and {EXPORT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
