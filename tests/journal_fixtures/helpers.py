"""Shared pieces of the journal tests: a fixed clock, data builders, hypothesis strategies."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from hypothesis import strategies as st

from reflect_tui.core.clock import FixedClock
from reflect_tui.core.journal.model import (
    Answer,
    NextStep,
    PrincipleRating,
    Reflection,
    ShownTip,
)
from reflect_tui.core.journal.store import JournalStore

CLOCK = FixedClock(datetime(2026, 3, 1, 14, 5, 0, 123456, tzinfo=UTC))
FIXTURES = Path(__file__).parent
CLI_NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)  # the clock of ``run_cli``'s commands


def run_cli(home: Path, *argv: str, at: datetime = CLI_NOW) -> tuple[int, str, str]:
    """One ``reflect`` command in this process: its exit code, standard output and error.

    Its data under ``home`` (``REFLECT_HOME``), its clock fixed ``at``, the
    arguments parsed by ``main`` as from the shell.
    """
    import argparse
    import io

    from reflect_tui.cli.context import CliContext
    from reflect_tui.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    ctx = CliContext(
        argparse.Namespace(),
        env={"REFLECT_HOME": str(home)},
        clock=FixedClock(at),
        stdout=out,
        stderr=err,
    )
    return main(list(argv), ctx), out.getvalue(), err.getvalue()


class TickingClock:
    """A deterministic clock that moves one second per call (distinct updated_at values)."""

    def __init__(self, start: datetime = CLOCK.moment) -> None:
        self.moment = start

    def now(self) -> datetime:
        self.moment += timedelta(seconds=1)
        return self.moment

    def today(self) -> date:
        return self.moment.date()


def save_answer(store: JournalStore, reflection_id: str, answer: Answer) -> None:
    """Read, set one answer (same practice and step replaced in place), save whole.

    The store saves whole reflections only (as the app's autosave does);
    tests that change one piece go through this.
    """
    reflection = store.get(reflection_id)
    for i, old in enumerate(reflection.answers):
        if (old.practice, old.step) == (answer.practice, answer.step):
            reflection.answers[i] = answer
            break
    else:
        reflection.answers.append(answer)
    store.save(reflection)


def update_fields(store: JournalStore, reflection_id: str, **fields: object) -> None:
    """Read, change some fields, save the whole reflection."""
    reflection = store.get(reflection_id)
    for name, value in fields.items():
        if not hasattr(reflection, name):
            raise TypeError(f"no field {name!r}")
        setattr(reflection, name, value)
    store.save(reflection)


def open_store(directory: Path, clock: object = CLOCK, **kwargs: object) -> JournalStore:
    return JournalStore.open(directory / "journal.sqlite3", clock, **kwargs)  # type: ignore[arg-type]


def sample_reflection(
    rid: str = "11111111-2222-4333-8444-555555555555", **over: object
) -> Reflection:
    base = Reflection(
        id=rid,
        title="Bewonersavond over de kapvergunning",
        occurred_on=date(2026, 2, 27),
        created_at=datetime(2026, 2, 27, 19, 0, tzinfo=UTC),
        updated_at=datetime(2026, 2, 27, 21, 30, tzinfo=UTC),
        status="complete",
        case_kind="klacht",
        who="Bewoners van de Lindelaan, wethouder",
        what_happened="Boze reacties over de bomen die weg moeten.",
        practices=["situatie", "relaties"],
        answers=[
            Answer("situatie", "luisteren", "Wie heb je gehoord?", "Vooral de ouderen.", "p-1"),
            Answer("relaties", "doorvragen", "Wat vroeg je door?", "Wat er vorig jaar misging."),
        ],
        principles=[
            PrincipleRating("open", 4, "Liet ze uitpraten."),
            PrincipleRating("verbindend", None),
        ],
        barriers=["verkokering", "tijdgebrek"],
        barrier_note="Groen en vergunningen praten niet met elkaar.",
        helps=["collegas"],
        help_note="",
        insight="Eerst de geschiedenis ophalen, dan pas uitleggen.",
        next_steps=[
            NextStep("Bel de boomdeskundige", date(2026, 3, 6)),
            NextStep("Terugkoppelen", None, True),
        ],
        involve="Team groen",
        tags=["bomen", "lindelaan"],
        notes="Volgende keer een kaart meenemen.",
        content_version="abc123",
    )
    for key, value in over.items():
        setattr(base, key, value)
    return base


# --- hypothesis strategies ---------------------------------------------------------------

SPECIAL = [
    "",
    "😀 emoji 👩‍👩‍👧 café",
    "regel een\r\nregel twee\r\n",
    "nul\x00byte",
    "[bold]geen opmaak[/]",
    "\x1b[2J wis scherm",
    "# geen kop\n- geen lijst",
    "\u202egekeerd",
]
texts = st.one_of(st.text(max_size=40), st.sampled_from(SPECIAL)).map(str)
ids = st.text(alphabet="abcdefghijklmnopqrstuvwxyz-0123456789", min_size=1, max_size=14)
moments = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31), timezones=st.just(UTC)
)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31))

answers = st.builds(
    Answer,
    practice=ids,
    step=ids,
    prompt=texts,
    text=texts,
    prompt_id=st.none() | ids,
)
ratings = st.builds(PrincipleRating, id=ids, rating=st.none() | st.integers(1, 5), note=texts)
next_steps = st.builds(NextStep, text=texts, due=st.none() | days, done=st.booleans())
shown_tips = st.builds(
    ShownTip, tip=ids, rank=st.integers(1, 50), reasons=st.lists(texts, max_size=3)
)

reflections = st.builds(
    Reflection,
    id=st.uuids().map(str),
    title=texts,
    occurred_on=days,
    created_at=moments,
    updated_at=moments,
    status=st.sampled_from(["draft", "complete"]),
    case_kind=st.none() | ids,
    who=texts,
    what_happened=texts,
    practices=st.lists(ids, max_size=5),
    answers=st.lists(answers, max_size=6),
    principles=st.lists(ratings, max_size=4),
    barriers=st.lists(ids, max_size=4),
    barrier_note=texts,
    helps=st.lists(ids, max_size=4),
    help_note=texts,
    insight=texts,
    next_steps=st.lists(next_steps, max_size=3),
    involve=texts,
    tags=st.lists(texts, max_size=3),
    notes=texts,
    content_version=texts,
    tips=st.lists(shown_tips, max_size=3),
)
