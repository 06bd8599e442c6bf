"""The TUI's calls into the coach, in one place.

Why: the home screen and the summary both ask for learning suggestions and
tips with the same journal context (recently shown tips, the current draft
counted in the history); doing that once keeps them consistent.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from reflect_tui.core.errors import ReflectError

if TYPE_CHECKING:
    from reflect_tui.core.clock import Clock
    from reflect_tui.core.coach.learning import LearningMatch
    from reflect_tui.core.coach.tips import TipMatch
    from reflect_tui.core.content.model import Content
    from reflect_tui.core.journal.model import Reflection
    from reflect_tui.core.journal.store import JournalStore

TIPS_SHOWN = 5


def warm_up_in_background() -> None:
    """Load the coach's Dutch dictionary in a worker thread (about half a second).

    Why: the first coach call of a session (the practice suggestions after the
    intake) would otherwise pause the screen while the dictionary loads; the
    user spends that time typing the intake.
    """
    import threading

    from reflect_tui.core.text_analysis import warm_up

    threading.Thread(target=warm_up, name="coach-warm-up", daemon=True).start()


RECENTLY_SHOWN_DAYS = 14
LEARNING_WINDOW = 50


def tips_for(
    reflection: Reflection, content: Content, store: JournalStore, clock: Clock
) -> list[TipMatch]:
    """Tips for a reflection; tips shown lately rank lower so advice rotates."""
    from reflect_tui.core.coach.signals import Signals
    from reflect_tui.core.coach.tips import match_tips

    now = clock.now()
    try:
        recent = store.tips_shown_since(
            now - timedelta(days=RECENTLY_SHOWN_DAYS), exclude_reflection=reflection.id
        )
    except ReflectError:
        recent = {}
    signals = Signals.from_reflection(reflection)
    return match_tips(content, signals, n=TIPS_SHOWN, recently_shown=recent, now=now)


def learning_for(
    content: Content,
    store: JournalStore,
    clock: Clock,
    current: Reflection | None = None,
) -> list[LearningMatch]:
    """Learning suggestions from the recent journal (plus the draft being written)."""
    from reflect_tui.core.coach.learning import learning_suggestions

    history = store.recent(LEARNING_WINDOW)
    if current is not None:
        history = [current, *(h for h in history if h.id != current.id)]
    return learning_suggestions(
        content, history, clock.today(), overdue_steps=store.overdue_next_steps
    )
