"""The light half of the journal model: names, statuses and the summary row.

Why a module of its own: the home screen's first frame needs one summary
row (the draft to resume); the full ``Reflection`` model (five dataclasses, about a
millisecond each to create) is imported only when a whole reflection is
read or written. ``model`` re-exports everything here.
"""

from __future__ import annotations

from datetime import date, datetime

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal, NamedTuple

    Status = Literal["draft", "complete"]
else:  # typing is kept off the path of ``reflect list`` (see core/lean_typing.py)
    from reflect_tui.core.lean_typing import NamedTuple

    Status = str  # what a status is at run time; type checkers see the Literal
STATUSES: tuple[str, ...] = ("draft", "complete")


class ReflectionSummary(NamedTuple):
    """A light row for lists: what ``reflect list`` and the home screen show."""

    id: str
    title: str
    occurred_on: date
    status: Status
    case_kind: str | None
    updated_at: datetime


class OpenStep(NamedTuple):
    """An open next step as a list shows it (``JournalStore.open_next_steps``).

    Why not ``model.NextStep``: the home screen's lists are drawn in the
    frame right after the first one, and importing the full model for them
    cost about 5 ms of that frame (10 ms on a loaded machine).
    """

    text: str
    due: date | None
    done: bool = False


class Overdue(NamedTuple):
    """Open next steps past their date: how many, the oldest date, and the few most urgent.

    Why not the list of all of them: a journal of years holds thousands of
    forgotten steps, and the home screen and the coach need only a count,
    the oldest date and a handful of reflections to point at.
    ``urgent`` holds (reflection id, due date) of at most ``OVERDUE_SHOWN``
    steps with the oldest dates, ordered newest case first.
    """

    total: int
    oldest: date | None
    urgent: tuple[tuple[str, date], ...]
    texts: tuple[str, ...] = ()  # the step text of each ``urgent`` entry, same order


OVERDUE_SHOWN = 10
