"""The journal's model: one reflection on one case.

Plain mutable dataclasses: the session UI edits a draft field by field and
the store persists each change. Dates are ``datetime.date``; timestamps are
timezone-aware UTC ``datetime``. Ids are the glossary's canonical ids.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from reflect_tui.core.journal.summary import (
    ID_LIST_FIELDS,
    STATUSES,
    TEXT_FIELDS,
    ReflectionSummary,
    Status,
)

__all__ = [
    "ID_LIST_FIELDS",
    "STATUSES",
    "TEXT_FIELDS",
    "Answer",
    "NextStep",
    "PrincipleRating",
    "Reflection",
    "ReflectionSummary",
    "Status",
    "new_reflection_id",
]


def new_reflection_id() -> str:
    """A fresh, globally unique id (uuid4, hex with dashes)."""
    return str(uuid.uuid4())


@dataclass(slots=True)
class Answer:
    """The answer to one LSD prompt for one practice.

    ``prompt`` is the prompt text exactly as it was shown, because content
    changes over time and the answer only makes sense beside its question.
    ``prompt_id`` is kept when known (not part of the interchange contract).
    """

    practice: str
    step: str
    prompt: str
    text: str
    prompt_id: str | None = None


@dataclass(slots=True)
class PrincipleRating:
    """A self-rating of one principle, 1..5, with an optional note."""

    id: str
    rating: int | None
    note: str = ""


@dataclass(slots=True)
class NextStep:
    """A concrete next step with an optional due date."""

    text: str
    due: date | None = None
    done: bool = False


@dataclass(slots=True)
class Reflection:
    """One reflection on one case; a draft until the user finishes it."""

    id: str
    title: str
    occurred_on: date
    created_at: datetime
    updated_at: datetime
    status: Status = "draft"
    case_kind: str | None = None
    who: str = ""
    what_happened: str = ""
    practices: list[str] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    principles: list[PrincipleRating] = field(default_factory=list)
    barriers: list[str] = field(default_factory=list)
    barrier_note: str = ""
    helps: list[str] = field(default_factory=list)
    help_note: str = ""
    insight: str = ""
    next_steps: list[NextStep] = field(default_factory=list)
    involve: str = ""
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    content_version: str = ""

    def answer_for(self, practice: str, step: str) -> Answer | None:
        """The answer for one practice and LSD step, if any."""
        for answer in self.answers:
            if answer.practice == practice and answer.step == step:
                return answer
        return None

    def all_text(self) -> str:
        """Every piece of free text, for the coach and for search."""
        parts = [self.title, self.who, self.what_happened]
        parts += [a.text for a in self.answers]
        parts += [p.note for p in self.principles]
        parts += [self.barrier_note, self.help_note, self.insight, self.involve, self.notes]
        parts += [s.text for s in self.next_steps]
        return "\n".join(p for p in parts if p)
