"""One coaching service: the tips and learning suggestions a reflection gets, whoever asks.

Why one place: the summary screen, ``reflect coach --reflection ID`` and
the home screen used to ask the coach each with their own history (14 days
of recently shown tips in the app, 90 in the CLI; 50 reflections for
learning suggestions in the app, 200 in the CLI), so the same reflection
got different tips depending on where you looked. Here the history is
chosen once, and the tips the summary showed are kept with the reflection
(``Reflection.tips``): asking again gives back what the user saw, not a
new ranking, because the rotation of tips and the content move on.

This module wraps ``match_tips`` and ``learning_suggestions`` by their
public signatures only; how they score is the coach's business.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from reflect_tui.core.errors import ReflectError

if TYPE_CHECKING:
    from reflect_tui.core.coach.learning import LearningMatch
    from reflect_tui.core.coach.signals import Signals
    from reflect_tui.core.coach.tips import TipMatch
    from reflect_tui.core.content.model import Content, Tip
    from reflect_tui.core.journal.model import Reflection, ShownTip
    from reflect_tui.core.journal.store import JournalStore

TIPS_SHOWN = 5
# How far back shown tips count for rotation. The penalty halves every week
# (``tips.RECENT_HALF_LIFE_DAYS``); after 90 days it is below 0.01 %, so the
# window never cuts the decay off (14 days did, with a 15 % jump).
RECENTLY_SHOWN_DAYS = 90


def learning_lookback(content: Content) -> int:
    """How many of the newest completed reflections the learning triggers read.

    Every trigger looks at its own window of completed reflections, newest
    first (``min_count`` of them at least), and no further; overdue next
    steps come from the store's index over the whole journal. So the largest
    window is enough. (It was 200 reflections of any status: reading them
    whole took ~100 ms and held up the home screen's lists.)
    """
    return max(
        [1, *(max(s.trigger.window, s.trigger.min_count) for s in content.learning_suggestions)]
    )


def recently_shown(
    store: JournalStore | None, now: datetime, exclude_reflection: str | None = None
) -> dict[str, datetime]:
    """When each tip was last shown within the window; empty without a readable journal.

    What was shown for ``exclude_reflection`` itself does not count, so
    ranking a reflection again does not rotate its own tips away.
    """
    if store is None:
        return {}
    try:
        return store.tips_shown_since(
            now - timedelta(days=RECENTLY_SHOWN_DAYS), exclude_reflection=exclude_reflection
        )
    except ReflectError:
        return {}  # rotation is a nicety; a journal problem shows up elsewhere


def rank_tips(
    content: Content,
    store: JournalStore | None,
    now: datetime,
    signals: Signals,
    *,
    reflection_id: str | None = None,
    n: int = TIPS_SHOWN,
) -> list[TipMatch]:
    """A fresh ranking of tips for ``signals`` with the journal's rotation history."""
    from reflect_tui.core.coach.tips import match_tips

    history = recently_shown(store, now, exclude_reflection=reflection_id)
    return match_tips(content, signals, n=n, recently_shown=history, now=now)


def as_shown(matches: Sequence[TipMatch]) -> list[ShownTip]:
    """Ranked matches as they are kept with a reflection (id, rank from 1, reasons)."""
    from reflect_tui.core.journal.model import ShownTip

    return [ShownTip(m.tip.id, rank, list(m.reasons)) for rank, m in enumerate(matches, 1)]


class ReflectionTips(NamedTuple):
    """The tips for a reflection; ``matches`` (with scores) only when freshly ranked."""

    shown: list[ShownTip]
    matches: list[TipMatch] | None

    @property
    def fresh(self) -> bool:
        """True when ranked now (not kept from an earlier summary): keep them when shown."""
        return self.matches is not None


def reflection_tips(
    content: Content,
    store: JournalStore | None,
    now: datetime,
    reflection: Reflection,
    n: int = TIPS_SHOWN,
) -> ReflectionTips:
    """The tips for a reflection: what the summary shows.

    The tips kept with the reflection when it has them (what the user saw);
    otherwise a fresh ranking, which the caller keeps with the reflection
    (``reflection.tips``) when it shows it. ``reflect coach --reflection``
    calls this too, so both list the same tips in the same order.
    """
    if reflection.tips:
        return ReflectionTips(sorted(reflection.tips, key=lambda t: t.rank)[:n], None)
    from reflect_tui.core.coach.signals import Signals

    signals = Signals.from_reflection(reflection)
    matches = rank_tips(content, store, now, signals, reflection_id=reflection.id, n=n)
    return ReflectionTips(as_shown(matches), matches)


def tip_of(content: Content, tip_id: str) -> Tip | None:
    """The content's tip for a kept id (None when the content no longer has it)."""
    from reflect_tui.core.content.model import Tip

    found = content.by_id("tips").get(tip_id)
    return found if isinstance(found, Tip) else None


def learning_for(
    content: Content,
    store: JournalStore | None,
    today: date,
    current: Reflection | None = None,
) -> list[LearningMatch]:
    """Learning suggestions from the recent journal (plus the reflection being written)."""
    from reflect_tui.core.coach.learning import learning_suggestions

    history: list[Reflection] = []
    overdue = None
    if store is not None:
        lookback = learning_lookback(content)
        history = store.recent(lookback, complete_only=True)
        overdue = store.overdue_next_steps
    if current is not None:
        history = [current, *(h for h in history if h.id != current.id)]
    return learning_suggestions(content, history, today, overdue_steps=overdue)
