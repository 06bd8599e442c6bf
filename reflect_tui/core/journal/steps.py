"""All next steps of the journal, for the overview: open ones first, then done.

Why beside ``query.py``: the overview lists steps, not reflections, across
the whole journal; the store's ``open_next_steps`` only knows open steps.
Changing a step goes through the store (``set_next_step_done``,
``set_next_step_due``), so the screen's undo is simply the opposite call.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from reflect_tui.core.journal import codec

if TYPE_CHECKING:
    from reflect_tui.core.journal.store import JournalStore

STEPS_LIMIT = 500


class StepRow(NamedTuple):
    """One next step and the reflection it belongs to."""

    reflection_id: str
    reflection_title: str
    position: int
    text: str
    due: date | None
    done: bool

    def overdue(self, today: date) -> bool:
        return not self.done and self.due is not None and self.due < today


def all_steps(store: JournalStore, limit: int = STEPS_LIMIT) -> list[StepRow]:
    """Open steps first (soonest due first, undated last), then done ones, newest case first."""
    rows = store.read_rows(
        "SELECT r.id, r.title, n.position, n.text, n.due, n.done FROM next_steps n"
        " JOIN reflections r ON r.seq = n.reflection_seq WHERE trim(n.text) != ''"
        " ORDER BY n.done, n.due IS NULL, n.due, r.occurred_on DESC, n.position LIMIT ?",
        [int(limit)],
    )
    return [
        StepRow(rid, title, int(pos), text, codec.date_from_db(due), bool(done))
        for rid, title, pos, text, due, done in rows
    ]
