"""A small hand-made Content and reflection builders for the coach tests.

Why hand-made: the coach's behaviour (reasons, variety, triggers) must be
testable independently of the built-in content, which trainers change.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from reflect_tui.core.content.model import (
    CaseKind,
    Content,
    Factor,
    LearningSuggestion,
    LsdStep,
    Practice,
    Principle,
    Tip,
    Trigger,
)
from reflect_tui.core.journal.model import Answer, NextStep, PrincipleRating, Reflection

ANCHORS = {1: "nooit", 2: "zelden", 3: "soms", 4: "vaak", 5: "altijd"}


def tip(tip_id: str, title: str, **tags: Sequence[str]) -> Tip:
    return Tip(
        id=tip_id,
        title=title,
        text=f"Tekst van {title}.",
        source="Testbron",
        **{key: tuple(value) for key, value in tags.items()},
    )


def learning(suggestion_id: str, kind: str, **fields: object) -> LearningSuggestion:
    return LearningSuggestion(
        id=suggestion_id,
        title=f"Suggestie {suggestion_id}",
        text="Probeer dit eens.",
        source="Hoe nu verder?",
        trigger=Trigger(kind=kind, **fields),  # type: ignore[arg-type]
    )


def make_content(
    tips: Sequence[Tip] | None = None,
    learning_suggestions: Sequence[LearningSuggestion] = (),
) -> Content:
    practices = (
        Practice("situatie", "De situatie in kaart brengen", "Situatie", "", ("betrokken", "wie")),
        Practice("relaties", "Relatiewerk verrichten", "Relaties", "", ("vertrouwen", "boos")),
        Practice("oplossingen", "Werken aan gedragen oplossingen", "Oplossingen", "", ("ruzie",)),
        Practice(
            "binnen-buiten",
            "Buiten op binnen aansluiten",
            "Binnen-buiten",
            "",
            ("afdeling", "vergunning"),
        ),
        Practice("praktisch", "Praktisch ondersteunen", "Praktisch", "", ("tuin", "zaal")),
    )
    default_tips = (
        tip(
            "collegas-meenemen",
            "Neem collega's mee naar buiten",
            practices=["binnen-buiten"],
            barriers=["collegas"],
            keywords=["collega", "vastgoed"],
            case_kinds=["initiatief"],
        ),
        tip(
            "vraag-achter-de-vraag",
            "Zoek de vraag achter de vraag",
            practices=["situatie"],
            principles=["open"],
            lsd_steps=["doorvragen"],
            keywords=["klacht", "vergunning"],
            case_kinds=["klacht"],
        ),
        tip(
            "ruimte-voor-emotie",
            "Geef ruimte aan boosheid",
            practices=["relaties"],
            principles=["open"],
            lsd_steps=["luisteren"],
            keywords=["boos", "boosheid"],
            case_kinds=["klacht"],
        ),
        tip(
            "potjes-zoeken",
            "Zoek het juiste potje",
            practices=["praktisch", "binnen-buiten"],
            keywords=["geld", "subsidie", "tuin"],
            case_kinds=["initiatief"],
        ),
        tip(
            "wethouder-meenemen",
            "Neem de wethouder tijdig mee",
            practices=["binnen-buiten"],
            barriers=["politiek"],
            helps=["rugdekking"],
            keywords=["wethouder"],
        ),
        tip(
            "gedeeld-belang",
            "Zoek het gedeelde belang",
            practices=["oplossingen"],
            principles=["verbindend"],
            keywords=["ruzie", "partijen"],
        ),
    )
    return Content(
        practices=practices,
        principles=tuple(
            Principle(pid, name, "", f"Hoe {name.lower()} was je?", ANCHORS)
            for pid, name in (
                ("open", "Open"),
                ("resultaatgericht", "Resultaatgericht"),
                ("verbindend", "Verbindend"),
                ("bricolerend", "Bricolerend"),
            )
        ),
        lsd_steps=(
            LsdStep("luisteren", "Luisteren", ""),
            LsdStep("samenvatten", "Samenvatten", ""),
            LsdStep("doorvragen", "Doorvragen", ""),
        ),
        activities=(),
        barriers=(
            Factor(
                "collegas", "Collega's", "", 1, ("collega", "collega's", "vastgoed"), plural=True
            ),
            Factor("politiek", "Politiek", "", 3, ("wethouder", "raad")),
            Factor(
                "tijdgebrek", "Tijdgebrek en werkdruk", "", 6, ("geen tijd", "druk"), plural=True
            ),
        ),
        helps=(
            Factor("collegas", "Collega's", "", 3, ("collega", "collega's"), plural=True),
            Factor(
                "rugdekking",
                "Bestuurlijk draagvlak en rugdekking",
                "",
                5,
                ("wethouder",),
                plural=True,
            ),
            Factor("ruimte", "Ruimte voor participatie", "", 1, ("budget", "geld")),
        ),
        case_kinds=(
            CaseKind("klacht", "Klacht", ""),
            CaseKind("initiatief", "Initiatief", ""),
        ),
        prompts=(),
        tips=tuple(default_tips if tips is None else tips),
        learning_suggestions=tuple(learning_suggestions),
        intervision_methods=(),
        version="test",
    )


BASE = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def reflection(
    number: int,
    *,
    days_ago: int = 0,
    status: str = "complete",
    practices: Sequence[str] = (),
    barriers: Sequence[str] = (),
    helps: Sequence[str] = (),
    ratings: dict[str, int] | None = None,
    answers: dict[tuple[str, str], str] | None = None,
    next_steps: Sequence[NextStep] = (),
    text: str = "",
    case_kind: str | None = None,
) -> Reflection:
    """A reflection ``days_ago`` days before BASE with the given choices."""
    moment = BASE - timedelta(days=days_ago)
    return Reflection(
        id=f"r{number:04d}-0000-0000-0000-000000000000",
        title=f"Casus {number}",
        occurred_on=moment.date(),
        created_at=moment,
        updated_at=moment,
        status=status,  # type: ignore[arg-type]
        case_kind=case_kind,
        what_happened=text,
        practices=list(practices),
        answers=[
            Answer(practice=p, step=s, prompt="?", text=t) for (p, s), t in (answers or {}).items()
        ],
        principles=[PrincipleRating(pid, r) for pid, r in (ratings or {}).items()],
        barriers=list(barriers),
        helps=list(helps),
        next_steps=list(next_steps),
    )


TODAY: date = BASE.date()
