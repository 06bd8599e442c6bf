"""A small journal for the looking-back tests: varied practices, factors, tags, dates.

The fixed clock of ``helpers.CLOCK`` says 2026-03-01, so "the last 90 days"
start on 2025-12-01: three reflections fall before it, the rest after.
"""

from __future__ import annotations

from datetime import date, timedelta

from journal_fixtures.helpers import sample_reflection
from reflect_tui.core.journal.model import Answer, NextStep, PrincipleRating, Reflection


def rid(n: int) -> str:
    return f"{n:08x}-0000-4000-8000-000000000000"


def lookback_reflections() -> list[Reflection]:
    """Eight reflections; each filter of the journal screen singles out a known few."""
    specs = [
        # n, day, status, kind, practices, barriers, helps, tags, title, text
        (
            1,
            date(2025, 6, 2),
            "complete",
            "klacht",
            ["situatie"],
            ["politiek"],
            ["ruimte"],
            ["verkeer"],
            "Klacht over de oversteekplaats",
            "De wethouder wilde snel iets doen.",
        ),
        (
            2,
            date(2025, 9, 15),
            "complete",
            "initiatief",
            ["relaties", "praktisch"],
            [],
            ["visie", "collegas"],
            ["groen"],
            "Moestuin bij het buurthuis",
            "Het café doet mee.",
        ),
        (
            3,
            date(2025, 11, 20),
            "draft",
            "vraag",
            ["oplossingen"],
            ["tijdgebrek"],
            [],
            [],
            "Vraag over de subsidie",
            "Nog niet af.",
        ),
        (
            4,
            date(2025, 12, 10),
            "complete",
            "bijeenkomst",
            ["situatie", "relaties"],
            ["collegas", "politiek"],
            [],
            ["bomen"],
            "Bewonersavond Lindelaan",
            "Een boom moet weg; de bewoners waren boos.",
        ),
        (
            5,
            date(2026, 1, 8),
            "complete",
            "klacht",
            ["binnen-buiten"],
            ["verkokering"],
            ["integraal"],
            ["riolering"],
            "Riolering en wensen",
            "Werk met werk maken.",
        ),
        (
            6,
            date(2026, 2, 3),
            "complete",
            "project",
            ["situatie"],
            ["politiek"],
            ["rugdekking"],
            ["bomen", "groen"],
            "Project groene straat",
            "Nieuwe bomen in de straat.",
        ),
        (
            7,
            date(2026, 2, 20),
            "complete",
            "initiatief",
            ["praktisch"],
            [],
            ["tools"],
            [],
            "Straatfeest",
            "Een feest in plaats van een vergadering.",
        ),
        (
            8,
            date(2026, 2, 27),
            "draft",
            "klacht",
            ["relaties"],
            ["collegas"],
            [],
            ["overlast"],
            "Geluidsoverlast",
            "Bellen met de buren.",
        ),
    ]
    out = []
    for n, day, status, kind, practices, barriers, helps, tags, title, text in specs:
        created = sample_reflection().created_at.replace(
            year=day.year, month=day.month, day=day.day
        )
        out.append(
            sample_reflection(
                rid(n),
                title=title,
                occurred_on=day,
                created_at=created,
                updated_at=created + timedelta(hours=1),
                status=status,
                case_kind=kind,
                what_happened=text,
                who="",
                practices=practices,
                answers=[
                    Answer(p, "luisteren", "Wie heb je gehoord?", f"Antwoord {n}.")
                    for p in practices
                ],
                principles=[PrincipleRating("open", 1 + n % 5), PrincipleRating("verbindend", 3)],
                barriers=barriers,
                helps=helps,
                tags=tags,
                insight="",
                notes="",
                barrier_note="",
                involve="",
                next_steps=[NextStep(f"Stap {n}", day + timedelta(days=30), n % 2 == 0)],
            )
        )
    return out
