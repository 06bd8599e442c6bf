"""The round runner: a state machine over the rounds of a method, on an injected clock.

Why a state machine with a clock rather than a timer: the front end only
asks "where are we now?" (``tick``) as often as it likes; time comes from
``Clock.now()``, so a test moves a ``FixedClock`` by hand and sees the
warning, the overrun, a pause or an extension exactly when it should. The
runner never sleeps and never starts a thread.

Each round keeps the time it has used, so going back to a round continues
its clock instead of starting it again, and the summary can say how long
each round took.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from reflect_tui.core.clock import Clock
from reflect_tui.core.content.model import IntervisionMethod
from reflect_tui.core.intervision import labels

State = Literal["loopt", "bijna", "over", "pauze"]
Event = Literal["waarschuwing", "overtijd"]
# A gentle warning this long before the end of a round.
WARN_SECONDS = 60
# What one press of "extend" adds.
EXTEND_SECONDS = 60
CLOSING_MINUTES = 10


@dataclass(frozen=True, slots=True)
class RoundPlan:
    """One round as the conductor shows it."""

    name: str
    role: str
    minutes: int
    purpose: str
    prompts: tuple[str, ...]
    rule: str
    questions: bool = False
    closing: bool = False


@dataclass(frozen=True, slots=True)
class Tick:
    """Where the session is now: the round, the time left (negative: overrun), the state."""

    index: int
    count: int
    plan: RoundPlan
    seconds_left: int
    planned_seconds: int
    state: State

    @property
    def overrun(self) -> bool:
        return self.seconds_left < 0


@dataclass(frozen=True, slots=True)
class RoundLog:
    """How a round went: planned and used seconds, and whether it was skipped."""

    name: str
    planned_seconds: int
    used_seconds: int
    skipped: bool


def plan_rounds(method: IntervisionMethod, extra_prompts: Sequence[str] = ()) -> list[RoundPlan]:
    """The method's rounds plus the closing round, with rules filled in.

    ``extra_prompts`` (a chosen prompt set) are added to every round in which
    the group speaks.
    """
    plans: list[RoundPlan] = []
    for r in method.rounds:
        prompts = r.prompts
        if extra_prompts and r.role in ("groep", "iedereen"):
            prompts = (*prompts, *extra_prompts)
        rule = r.rule or labels.DEFAULT_RULES.get(r.role, "")
        plans.append(RoundPlan(r.name, r.role, r.minutes, r.purpose, prompts, rule, r.questions))
    plans.append(
        RoundPlan(
            labels.CLOSING_NAME,
            "iedereen",
            CLOSING_MINUTES,
            labels.CLOSING_PURPOSE,
            labels.CLOSING_PROMPTS,
            labels.CLOSING_RULE,
            closing=True,
        )
    )
    return plans


@dataclass(frozen=True, slots=True)
class Shape:
    """How many rounds a method runs and how many minutes it plans, closing round included."""

    rounds: int
    minutes: int


def method_shape(method: IntervisionMethod) -> Shape:
    """The one count of a method's rounds and minutes, for every list, CLI included.

    Why from ``plan_rounds``: the conductor shows the closing round as a
    round of its own ("Ronde 8 van 8 · Afsluiting") with its own minutes,
    so a list that counted only the YAML rounds said 7 where the run said 8.
    """
    plans = plan_rounds(method)
    return Shape(len(plans), sum(p.minutes for p in plans))


class Runner:
    """Runs rounds one after another: pause, extend, skip, back, finish."""

    def __init__(self, rounds: Sequence[RoundPlan], clock: Clock) -> None:
        if not rounds:
            raise ValueError("a session needs at least one round")
        self.rounds = tuple(rounds)
        self.clock = clock
        self.index = 0
        self.started = False
        self.finished = False
        self._used = [0.0] * len(rounds)  # seconds used before the current stint
        self._extra = [0] * len(rounds)  # seconds added with "extend"
        self._skipped = [False] * len(rounds)
        self._visited = [False] * len(rounds)
        self._stint_start: datetime | None = None
        self._paused_at: datetime | None = None
        self._announced: set[tuple[int, Event]] = set()

    # -- reading ---------------------------------------------------------

    @property
    def plan(self) -> RoundPlan:
        return self.rounds[self.index]

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def used_seconds(self, index: int | None = None) -> float:
        """Seconds the round has run (pauses not counted)."""
        i = self.index if index is None else index
        used = self._used[i]
        if i == self.index and self._stint_start is not None:
            end = self._paused_at or self.clock.now()
            used += max(0.0, (end - self._stint_start).total_seconds())
        return used

    def planned_seconds(self, index: int | None = None) -> int:
        i = self.index if index is None else index
        return self.rounds[i].minutes * 60 + self._extra[i]

    def tick(self) -> Tick:
        """The state right now; cheap, call it as often as the screen redraws."""
        planned = self.planned_seconds()
        left_exact = planned - self.used_seconds()
        # Round towards "more time left" so the display shows 0:00 only at the end.
        left = int(left_exact) if left_exact >= 0 else -int(-left_exact)
        if left_exact > 0 and left_exact != int(left_exact):
            left += 1
        state: State
        if self.paused:
            state = "pauze"
        elif left_exact <= 0:
            state = "over"
        elif left_exact <= min(WARN_SECONDS, planned / 2):
            state = "bijna"
        else:
            state = "loopt"
        return Tick(self.index, len(self.rounds), self.plan, left, planned, state)

    def events(self) -> list[Event]:
        """Warnings not announced yet for this round (each one once): for a bell or a notice."""
        if not self.started or self.finished:
            return []
        tick = self.tick()
        new: list[Event] = []
        left = tick.seconds_left
        if left <= min(WARN_SECONDS, tick.planned_seconds / 2) and left > 0:
            new.append("waarschuwing")
        if left <= 0 and self.used_seconds() >= tick.planned_seconds:
            new.append("overtijd")
        out = [e for e in new if (self.index, e) not in self._announced]
        self._announced.update((self.index, e) for e in out)
        return out

    def log(self) -> list[RoundLog]:
        """Every round visited or skipped, in order, with its time."""
        return [
            RoundLog(r.name, self.planned_seconds(i), round(self.used_seconds(i)), self._skipped[i])
            for i, r in enumerate(self.rounds)
            if self._visited[i] or self._skipped[i]
        ]

    # -- moving ----------------------------------------------------------

    def start(self) -> None:
        """Begin the first round."""
        if self.started:
            return
        self.started = True
        self._enter(0)

    def toggle_pause(self) -> None:
        if self.paused:
            self.resume()
        else:
            self.pause()

    def pause(self) -> None:
        if self.started and not self.finished and not self.paused:
            self._paused_at = self.clock.now()

    def resume(self) -> None:
        if self._paused_at is None or self._stint_start is None:
            return
        # Shift the stint's start by the pause, so the pause never counts.
        self._stint_start += self.clock.now() - self._paused_at
        self._paused_at = None

    def extend(self, seconds: int = EXTEND_SECONDS) -> None:
        """More time for this round; the warning may sound again later."""
        self._extra[self.index] += seconds
        self._announced -= {(self.index, "waarschuwing"), (self.index, "overtijd")}

    def next(self) -> None:
        """The round is done: on to the next one (after the last: finished)."""
        self._leave(skipped=False)
        self._advance()

    def skip(self) -> None:
        """Leave this round out and go on."""
        self._leave(skipped=True)
        self._advance()

    def back(self) -> None:
        """Back to the previous round; its clock goes on where it stopped."""
        if self.finished:
            self.finished = False
            self._enter(self.index)
            return
        if self.index == 0:
            return
        self._leave(skipped=False)
        self._enter(self.index - 1)
        self._skipped[self.index] = False

    def finish(self) -> None:
        """Stop the clock for good (the closing round's end, or the chair's choice)."""
        if not self.finished:
            self._leave(skipped=False)
            self.finished = True

    # -- internals --------------------------------------------------------

    def _advance(self) -> None:
        if self.index + 1 < len(self.rounds):
            self._enter(self.index + 1)
        else:
            self.finished = True

    def _enter(self, index: int) -> None:
        self.index = index
        self._visited[index] = True
        self._stint_start = self.clock.now()
        self._paused_at = None

    def _leave(self, skipped: bool) -> None:
        self._used[self.index] = self.used_seconds()
        self._stint_start = None
        self._paused_at = None
        if skipped:
            self._skipped[self.index] = True
