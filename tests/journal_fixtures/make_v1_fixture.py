"""Generate ``v1_journal.sqlite3``: a journal as the first release (schema 1) wrote it.

Run from the project root: ``python tests/journal_fixtures/make_v1_fixture.py``.
The DDL is ``migrations.V1_DDL`` (frozen); rows use v1's JSON columns. The
committed file is what the migration test upgrades, so regenerate it only
if the v1 definition itself was wrong.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from reflect_tui.core.journal.migrations import V1_DDL, _statements

TARGET = Path(__file__).with_name("v1_journal.sqlite3")

ROWS = [
    {
        "id": "0b9f6c1e-1111-4d4e-9a51-000000000001",
        "title": "Bewonersavond over de speeltuin",
        "case_kind": "bijeenkomst",
        "occurred_on": "2025-03-04",
        "created_at": "2025-03-04T20:15:00.000000+00:00",
        "updated_at": "2025-03-04T21:02:10.500000+00:00",
        "status": "complete",
        "practices": ["situatie", "relaties"],
        "answers": [
            {
                "practice": "situatie",
                "step": "luisteren",
                "prompt": "Wie heb je gehoord?",
                "text": (
                    "De ouders uit de Kastanjelaan; café-eigenaar wil geen overlast. ZWAANMARKER"
                ),
            },
            {
                "practice": "relaties",
                "step": "doorvragen",
                "prompt": "Wat vroeg je door?",
                "text": "Waarom de vorige keer niemand terugbelde.",
            },
        ],
        "principles": [{"id": "open", "rating": 4, "note": "Ik liet ze uitpraten."}],
        "barriers": ["verkokering"],
        "helps": ["collegas"],
        "insight": "Eerst de geschiedenis ophalen.",
        "next_steps": [{"text": "Beheer bellen over het hek", "due": "2025-03-11", "done": False}],
        "tags": ["speeltuin"],
        "notes": "",
        "content_version": "v1-content",
    },
    {
        "id": "0b9f6c1e-2222-4d4e-9a51-000000000002",
        "title": "Klacht over de kapvergunning",
        "case_kind": "klacht",
        "occurred_on": "2025-04-10",
        "created_at": "2025-04-10T09:00:00.000000+00:00",
        "updated_at": "2025-04-10T09:30:00.000000+00:00",
        "status": "draft",
        "practices": ["binnen-buiten"],
        "answers": [],
        "principles": [],
        "barriers": [],
        "helps": [],
        "insight": "",
        "next_steps": [],
        "tags": [],
        "notes": "Nog afmaken.",
        "content_version": "v1-content",
    },
]


def main() -> None:
    TARGET.unlink(missing_ok=True)
    conn = sqlite3.connect(TARGET, isolation_level=None)
    conn.execute("BEGIN")
    for statement in _statements(V1_DDL):
        conn.execute(statement)
    for row in ROWS:
        values = {
            k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v
            for k, v in row.items()
        }
        cols = ", ".join(values)
        conn.execute(
            f"INSERT INTO reflections ({cols}) VALUES ({', '.join('?' * len(values))})",
            tuple(values.values()),
        )
        body = "\n".join(
            [a["text"] for a in row["answers"]] + [row["insight"], row["notes"]]  # type: ignore[index]
        )
        conn.execute(
            "INSERT INTO reflection_fts (reflection_id, title, body) VALUES (?, ?, ?)",
            (row["id"], row["title"], body),
        )
    conn.execute("PRAGMA user_version = 1")
    conn.execute("COMMIT")
    conn.execute("VACUUM")
    conn.close()
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
