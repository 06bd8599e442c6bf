"""Learning suggestions: patterns across the journal that call for a way to keep learning.

Why only completed reflections count: a draft may be abandoned halfway, and
an unanswered step in a draft says nothing about habits. Overdue next steps
are the exception: a step typed in a draft is still one the user means to
take, and the home screen and the insights list it (one rule, the store's
``overdue_next_steps``). Each trigger kind
is one small function that returns Dutch reasons and the ids of the
reflections that made it fire, so the user can look them up.

Input order does not matter: reflections are sorted newest first here
(by the date of the case, then creation time), in one pass that stays
well within the time budget for 10,000 reflections.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from reflect_tui.core.coach import reasons
from reflect_tui.core.content.model import Content, LearningSuggestion, Trigger
from reflect_tui.core.journal.model import Reflection
from reflect_tui.core.journal.summary import OVERDUE_SHOWN, Overdue


@dataclass(frozen=True)
class LearningMatch:
    """A learning suggestion whose trigger fired, why (Dutch) and on which reflections.

    ``also`` holds suggestions that fired on the same evidence and were merged
    into this one (their titles are named in the last reason line).
    """

    suggestion: LearningSuggestion
    reasons: tuple[str, ...]
    reflection_ids: tuple[str, ...]
    also: tuple[LearningSuggestion, ...] = ()


# Urgency of each trigger kind, most urgent first: a promise past its date and
# a hindrance that keeps coming back call for action before a help that is
# merely absent or a practice not looked at lately.
URGENCY: tuple[str, ...] = (
    "next_steps_overdue",
    "barrier_recurring",
    "principle_low",
    "step_skipped",
    "reflection_gap",
    "practice_unreflected",
    "help_absent",
)


Found = tuple[list[str], list[str]] | None  # (reasons, reflection ids) or None

OverdueSteps = Callable[[date], Overdue]
"""Open next steps due before a date (drafts' too), counted, with the few
most urgent (``journal.summary.Overdue``): ``JournalStore.overdue_next_steps``
(the whole journal, from an index), or ``overdue_in`` over reflections in memory."""


class History(NamedTuple):
    """What the triggers look at.

    ``done``: completed reflections, newest first (often only the recent part
    of the journal: every trigger but one looks at a window of it).
    ``overdue_steps``: overdue next steps can sit in a reflection of years
    ago, so that trigger asks a source that may cover the whole journal.
    """

    done: Sequence[Reflection]
    overdue_steps: OverdueSteps


def overdue_in(done: Sequence[Reflection]) -> OverdueSteps:
    """An ``OverdueSteps`` over the reflections given (in memory, newest first)."""

    def steps(due_before: date) -> Overdue:
        found = [
            (step.due, n, position, r.id, step.text)
            for n, r in enumerate(done)
            for position, step in enumerate(r.next_steps)
            if not step.done and step.text and step.due is not None and step.due < due_before
        ]
        if not found:
            return Overdue(0, None, ())
        urgent = sorted(found)[:OVERDUE_SHOWN]
        urgent.sort(key=lambda item: (item[1], -item[2]))  # back to newest case first
        return Overdue(
            len(found),
            min(f[0] for f in found),
            tuple((r, d) for d, _, _, r, _ in urgent),
            tuple(text for *_, text in urgent),
        )

    return steps


def _window(done: Sequence[Reflection], trigger: Trigger) -> Sequence[Reflection]:
    return done[: max(trigger.window, 1)]


def _barrier_recurring(content: Content, history: History, trigger: Trigger, today: date) -> Found:
    window = _window(history.done, trigger)
    wanted = trigger.ids or tuple(b.id for b in content.barriers)
    found_reasons: list[str] = []
    ids: list[str] = []
    for barrier_id in wanted:
        hits = [r.id for r in window if barrier_id in r.barriers]
        if hits and len(hits) >= trigger.min_count:
            found_reasons.append(
                reasons.barrier_recurring(content, barrier_id, len(hits), len(window))
            )
            ids.extend(hits)
    return (found_reasons, ids) if found_reasons else None


def _practice_unreflected(
    content: Content, history: History, trigger: Trigger, today: date
) -> Found:
    if len(history.done) < trigger.min_count or not history.done:
        return None
    window = _window(history.done, trigger)
    chosen = {p for r in window for p in r.practices}
    wanted = trigger.ids or tuple(p.id for p in content.practices)
    missing = [p for p in wanted if p not in chosen]
    if not missing:
        return None
    found_reasons = [reasons.practice_unreflected(content, p, len(window)) for p in missing]
    return found_reasons, [r.id for r in window]


def _principle_low(content: Content, history: History, trigger: Trigger, today: date) -> Found:
    window = _window(history.done, trigger)
    wanted = trigger.ids or tuple(p.id for p in content.principles)
    found_reasons: list[str] = []
    ids: list[str] = []
    for principle_id in wanted:
        hits = [
            r.id
            for r in window
            if any(
                p.id == principle_id and p.rating is not None and p.rating <= trigger.max_rating
                for p in r.principles
            )
        ]
        if hits and len(hits) >= trigger.min_count:
            found_reasons.append(
                reasons.principle_low(
                    content, principle_id, len(hits), len(window), trigger.max_rating
                )
            )
            ids.extend(hits)
    return (found_reasons, ids) if found_reasons else None


def _next_steps_overdue(content: Content, history: History, trigger: Trigger, today: date) -> Found:
    overdue = history.overdue_steps(days_before(today, trigger.days))
    if overdue.oldest is None or overdue.total < max(trigger.min_count, 1):
        return None
    oldest = (today - overdue.oldest).days
    # Naming the steps ("'Terugbellen over het hek'") lets the user act on them
    # instead of going to look; the rest are counted.
    steps = list(dict.fromkeys(overdue.texts))[:OVERDUE_LISTED]
    line = reasons.next_steps_overdue(overdue.total, oldest, steps)
    return [line], [rid for rid, _ in overdue.urgent]


OVERDUE_LISTED = 3  # steps named in the suggestion's reason


def _step_skipped(content: Content, history: History, trigger: Trigger, today: date) -> Found:
    window = _window(history.done, trigger)
    wanted = trigger.ids or tuple(s.id for s in content.lsd_steps)
    found_reasons: list[str] = []
    ids: list[str] = []
    for step_id in wanted:
        hits = []
        for r in window:
            for practice_id in r.practices:
                answer = r.answer_for(practice_id, step_id)
                if answer is None or not answer.text.strip():
                    hits.append(r.id)
                    break
        if hits and len(hits) >= trigger.min_count:
            found_reasons.append(reasons.step_skipped(content, step_id, len(hits), len(window)))
            ids.extend(hits)
    return (found_reasons, ids) if found_reasons else None


def _help_absent(content: Content, history: History, trigger: Trigger, today: date) -> Found:
    if len(history.done) < trigger.min_count or not history.done:
        return None
    window = _window(history.done, trigger)
    wanted = trigger.ids or tuple(h.id for h in content.helps)
    if any(h in r.helps for r in window for h in wanted):
        return None
    if trigger.ids:
        reason = reasons.help_absent(content, wanted, len(window))
    else:
        reason = reasons.no_help_at_all(len(window))
    return [reason], [r.id for r in window]


def _reflection_gap(content: Content, history: History, trigger: Trigger, today: date) -> Found:
    if not history.done:
        return None
    latest = history.done[0]
    last_day = max(latest.occurred_on, latest.created_at.date())
    gap = (today - last_day).days
    if gap <= trigger.days:
        return None
    return [reasons.reflection_gap(gap)], [latest.id]


_EVALUATORS: dict[str, Callable[[Content, History, Trigger, date], Found]] = {
    "barrier_recurring": _barrier_recurring,
    "practice_unreflected": _practice_unreflected,
    "principle_low": _principle_low,
    "next_steps_overdue": _next_steps_overdue,
    "step_skipped": _step_skipped,
    "help_absent": _help_absent,
    "reflection_gap": _reflection_gap,
}


def newest_first(reflections: Sequence[Reflection]) -> list[Reflection]:
    """Completed reflections, newest case first (ties: newest created, then id)."""
    done = [r for r in reflections if r.status == "complete"]
    done.sort(key=lambda r: (r.occurred_on, r.created_at, r.id), reverse=True)
    return done


def learning_suggestions(
    content: Content,
    reflections: Sequence[Reflection],
    today: date,
    *,
    overdue_steps: OverdueSteps | None = None,
) -> list[LearningMatch]:
    """Every learning suggestion whose trigger matches, in content order.

    ``reflections`` may be only the recent part of the journal; pass the
    store's ``overdue_next_steps`` as ``overdue_steps`` so overdue next steps
    in older reflections count too (see ``History``). Without it they are
    looked for in ``reflections``.

    Unknown trigger kinds (from a newer content layer) are skipped rather
    than failing, so old apps keep working with new content.
    """
    done = newest_first(reflections)
    history = History(done, overdue_steps or overdue_in(done))
    matches: list[LearningMatch] = []
    for suggestion in content.learning_suggestions:
        trigger = suggestion.trigger
        evaluate = _EVALUATORS.get(trigger.kind)
        if evaluate is None:
            continue
        found = evaluate(content, history, trigger, today)
        if found is None:
            continue
        found_reasons, ids = found
        matches.append(LearningMatch(suggestion, tuple(found_reasons), tuple(dict.fromkeys(ids))))
    return _merge(_rank(matches))


def _rank(matches: list[LearningMatch]) -> list[LearningMatch]:
    """Most urgent first, then strongest evidence (more reflections), then content order."""

    def key(item: tuple[int, LearningMatch]) -> tuple[int, int, int]:
        position, match = item
        kind = match.suggestion.trigger.kind
        urgency = URGENCY.index(kind) if kind in URGENCY else len(URGENCY)
        return (urgency, -len(match.reflection_ids), position)

    return [m for _, m in sorted(enumerate(matches), key=key)]


def _same_evidence(a: LearningMatch, b: LearningMatch) -> bool:
    """Two suggestions fired by the same trigger kind on the same items and reflections."""
    ta, tb = a.suggestion.trigger, b.suggestion.trigger
    if ta.kind != tb.kind:
        return False
    items = not ta.ids or not tb.ids or bool(set(ta.ids) & set(tb.ids))
    return items and bool(set(a.reflection_ids) & set(b.reflection_ids))


def _merge(matches: list[LearningMatch]) -> list[LearningMatch]:
    """Suggestions that fired on the same evidence are shown as one.

    Why: two suggestions for the same recurring barrier ("Collega's hinderde
    je in 3 van je laatste 5") say the same thing twice; the first (most
    urgent, strongest) keeps its place and names the other in a last line.
    """
    merged: list[LearningMatch] = []
    for match in matches:
        host = next((i for i, m in enumerate(merged) if _same_evidence(m, match)), None)
        if host is None:
            merged.append(match)
            continue
        first = merged[host]
        also = (*first.also, match.suggestion)
        lines = [r for r in first.reasons if not r.startswith(reasons.SEE_ALSO_PREFIX)]
        lines.append(reasons.see_also([s.title for s in also]))
        ids = tuple(dict.fromkeys((*first.reflection_ids, *match.reflection_ids)))
        merged[host] = LearningMatch(first.suggestion, tuple(lines), ids, also)
    return merged


def suggestions_start_after(content: Content) -> int:
    """How many completed reflections the first pattern-based suggestion needs.

    For the message shown while there are no suggestions yet: time-based
    triggers (a gap, overdue steps) are left out, they need no count.
    """
    counts = [
        max(s.trigger.min_count, 1)
        for s in content.learning_suggestions
        if s.trigger.kind in _EVALUATORS
        and s.trigger.kind not in ("reflection_gap", "next_steps_overdue")
    ]
    return min(counts, default=0)


def days_before(today: date, days: int) -> date:
    """``today`` minus ``days``, or the first day of the calendar if that is earlier.

    The validator keeps ``days`` within ``MAX_TRIGGER_DAYS``; this guard keeps
    a clock near year 1 (or content built by code) from an OverflowError.
    """
    try:
        return today - timedelta(days=days)
    except OverflowError:
        return date.min
