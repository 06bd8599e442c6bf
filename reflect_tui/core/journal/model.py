"""The journal's model: one reflection on one case, and the table of its fields.

Plain mutable dataclasses: the session UI edits a draft field by field and
the store persists each change. Dates are ``datetime.date``; timestamps are
timezone-aware UTC ``datetime``. Ids are the glossary's canonical ids.

Why each field carries a ``kind`` (see ``kinds``): these dataclasses are
the one declaration of a reflection's fields. The row writer and reader,
the interchange encoder and decoder, the fast export and the search index
are all built from it (``fields``), in the order declared here, which is
the documented key order of the interchange format. Adding a field is one
line here plus a migration step that adds its column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from reflect_tui.core.journal import kinds
from reflect_tui.core.journal.summary import STATUSES, ReflectionSummary, Status

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "STATUSES",
    "Answer",
    "NextStep",
    "PrincipleRating",
    "Reflection",
    "ReflectionSummary",
    "ShownTip",
    "Status",
    "new_reflection_id",
]


def new_reflection_id() -> str:
    """A fresh, globally unique id (uuid4, hex with dashes)."""
    import uuid  # here, not at the top: uuid brings platform, and exports never make ids

    return str(uuid.uuid4())


def value(
    kind: kinds.Kind,
    *,
    required: bool = False,
    search: bool = False,
    column: str | None = None,
    omit_none: bool = False,
    nonempty: bool = False,
    **options: Any,
) -> Any:
    """A dataclass field tagged for the field table.

    ``required``: an interchange file must have it. ``search``: its text is
    indexed. ``column``: the SQLite column when not the field's name.
    ``omit_none``: the interchange leaves the key out when the value is None.
    ``nonempty``: an imported value may not be empty text.
    """
    meta = {
        "kind": kind,
        "required": required,
        "search": search,
        "column": column,
        "omit_none": omit_none,
        "nonempty": nonempty,
    }
    return field(metadata=meta, **options)


def children(table: str, item: type, *, omit_empty: bool = False) -> Any:
    """A list of child records kept in their own table (``position`` keeps the order).

    ``omit_empty``: an optional interchange key, left out when the list is empty.
    """
    meta = {"table": table, "item": item, "omit_empty": omit_empty}
    return field(default_factory=list, metadata=meta)


@dataclass(slots=True)
class Answer:
    """The answer to one LSD prompt for one practice.

    ``prompt`` is the prompt text exactly as it was shown, because content
    changes over time and the answer only makes sense beside its question.
    ``prompt_id`` is kept when known (optional in the interchange format).
    """

    practice: str = value(kinds.TEXT, required=True)
    step: str = value(kinds.TEXT, required=True, nonempty=True)
    prompt: str = value(kinds.TEXT)
    text: str = value(kinds.TEXT, required=True, search=True)
    prompt_id: str | None = value(kinds.OPTIONAL_TEXT, omit_none=True, default=None)


@dataclass(slots=True)
class PrincipleRating:
    """A self-rating of one principle, 1..5, with an optional note."""

    id: str = value(kinds.TEXT, required=True, column="principle")
    rating: int | None = value(kinds.RATING)
    note: str = value(kinds.TEXT, search=True, default="")


@dataclass(slots=True)
class NextStep:
    """A concrete next step with an optional due date."""

    text: str = value(kinds.TEXT, required=True, search=True)
    due: date | None = value(kinds.OPTIONAL_DAY, default=None)
    done: bool = value(kinds.FLAG, default=False)


@dataclass(slots=True)
class ShownTip:
    """A tip as the summary showed it: its id, its place (1 = first) and the reasons given.

    Kept with the reflection, so reopening it, ``reflect show``, ``reflect
    coach --reflection`` and the exports give what the user saw, not a fresh
    ranking (the content and the rotation of tips change over time).
    """

    tip: str = value(kinds.TEXT, required=True, nonempty=True, column="tip_id")
    rank: int = value(kinds.COUNT, required=True)
    reasons: list[str] = value(kinds.TEXT_LIST, default_factory=list)


@dataclass(slots=True)
class Reflection:
    """One reflection on one case; a draft until the user finishes it.

    Field order is the interchange key order; ``case_kind`` is keyword-only
    so it can sit there while the first five fields stay positional.
    """

    id: str = value(kinds.ID, required=True)
    title: str = value(kinds.TEXT, required=True)
    case_kind: str | None = value(kinds.OPTIONAL_TEXT, default=None, kw_only=True)
    occurred_on: date = value(kinds.DAY, required=True)
    created_at: datetime = value(kinds.TIMESTAMP, required=True)
    updated_at: datetime = value(kinds.TIMESTAMP, required=True)
    status: Status = value(kinds.STATUS, required=True, default="draft")
    practices: list[str] = value(kinds.TEXT_LIST, default_factory=list)
    answers: list[Answer] = children("answers", Answer)
    principles: list[PrincipleRating] = children("principle_ratings", PrincipleRating)
    barriers: list[str] = value(kinds.TEXT_LIST, default_factory=list)
    helps: list[str] = value(kinds.TEXT_LIST, default_factory=list)
    insight: str = value(kinds.TEXT, search=True, default="")
    next_steps: list[NextStep] = children("next_steps", NextStep)
    tags: list[str] = value(kinds.TEXT_LIST, search=True, default_factory=list)
    notes: str = value(kinds.TEXT, search=True, default="")
    who: str = value(kinds.TEXT, search=True, default="")
    what_happened: str = value(kinds.TEXT, search=True, default="")
    barrier_note: str = value(kinds.TEXT, search=True, default="")
    help_note: str = value(kinds.TEXT, search=True, default="")
    involve: str = value(kinds.TEXT, search=True, default="")
    content_version: str = value(kinds.TEXT, default="")
    tips: list[ShownTip] = children("reflection_tips", ShownTip, omit_empty=True)

    def answer_for(self, practice: str, step: str) -> Answer | None:
        """The answer for one practice and LSD step, if any."""
        for answer in self.answers:
            if answer.practice == practice and answer.step == step:
                return answer
        return None

    def chosen_answers(self) -> list[Answer]:
        """The answers of the ticked practices: what the reflection shows and coaches on.

        A draft may also hold answers of a practice the user unticked, kept
        aside until it is ticked again or the user agrees to drop them when
        finishing (``session.flow``); they neither show nor steer tips.
        """
        chosen = set(self.practices)
        return [a for a in self.answers if a.practice in chosen]

    def all_text(self, chosen_only: bool = False) -> str:
        """Every piece of free text: for search (all of it) and for the coach
        (``chosen_only``: answers set aside do not steer tips)."""
        parts = [self.title, self.who, self.what_happened]
        parts += [a.text for a in (self.chosen_answers() if chosen_only else self.answers)]
        parts += [p.note for p in self.principles]
        parts += [self.barrier_note, self.help_note, self.insight, self.involve, self.notes]
        parts += [s.text for s in self.next_steps]
        return "\n".join(p for p in parts if p)
