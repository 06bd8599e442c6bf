"""One intervision session: method, roles, runner, harvested questions and the closing.

Why one object: the conductor screen, the save step and the tests all need
the same state, and none of it touches the disk. Nothing here is written
anywhere until ``outcome`` is asked to build a reflection or a summary and
the user chooses to save it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from reflect_tui.core.clock import Clock
from reflect_tui.core.content.model import IntervisionMethod, PromptSet
from reflect_tui.core.intervision.roles import Roles
from reflect_tui.core.intervision.runner import Runner, plan_rounds
from reflect_tui.core.journal.model import new_reflection_id

MARKS: tuple[str, ...] = ("warm", "lauw", "koud")
# What a case-bringer may type or press for a mark.
MARK_ALIASES: dict[str, str] = {
    "+": "warm",
    "warm": "warm",
    "~": "lauw",
    "0": "lauw",
    "lauw": "lauw",
    "-": "koud",
    "−": "koud",
    "koud": "koud",
}
# Longer than any real question; a paste of a whole document is cut, not refused.
MAX_TEXT = 2000


@dataclass
class Question:
    """A question from the group, as the note-taker typed it, and the case-bringer's mark."""

    text: str
    round_name: str
    mark: str | None = None


@dataclass
class Step:
    """A next step the case-bringer takes away, with an optional due date."""

    text: str
    due: date | None = None


@dataclass
class Meeting:
    """The whole session in memory."""

    method: IntervisionMethod
    clock: Clock
    roles: Roles = field(default_factory=Roles)
    prompt_set: PromptSet | None = None
    case_title: str = ""
    questions: list[Question] = field(default_factory=list)
    lessons: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    rating: int | None = None
    evaluation: str = ""
    # The case-bringer's reflection has one id for the whole meeting: saving it
    # twice, or as a file and in the journal, is the same reflection, not two.
    reflection_id: str = field(default_factory=new_reflection_id)
    runner: Runner = field(init=False)

    def __post_init__(self) -> None:
        self.runner = Runner(plan_rounds(self.method, self.extra_prompts()), self.clock)

    def extra_prompts(self) -> tuple[str, ...]:
        """The chosen set's prompts, if the set is meant for this method (empty: any method)."""
        chosen = self.prompt_set
        if chosen is None or (chosen.methods and self.method.id not in chosen.methods):
            return ()
        return chosen.prompts

    # -- harvesting -------------------------------------------------------

    def add_question(self, text: str) -> Question | None:
        """The note-taker adds a question to the current round; blank text is ignored."""
        text = " ".join(text.split())[:MAX_TEXT]
        if not text:
            return None
        question = Question(text, self.runner.plan.name)
        self.questions.append(question)
        return question

    def mark(self, index: int, value: str | None) -> None:
        """The case-bringer marks a question (``+``/``-``/warm/lauw/koud); None clears it."""
        if value is None:
            self.questions[index].mark = None
            return
        mark = MARK_ALIASES.get(value.strip().lower())
        if mark is None:
            raise ValueError(f"unknown mark {value!r}")
        self.questions[index].mark = mark

    def cycle_mark(self, index: int) -> str | None:
        """No mark -> warm -> lauw -> koud -> no mark: one key for the case-bringer."""
        order: Sequence[str | None] = (None, *MARKS)
        current = self.questions[index].mark
        new = order[(order.index(current) + 1) % len(order)]
        self.questions[index].mark = new
        return new

    def remove_question(self, index: int) -> None:
        del self.questions[index]

    def marked_questions(self) -> list[Question]:
        """Marked questions, warm first, then lauw, then koud (typing order within a mark)."""
        rank = {m: i for i, m in enumerate(MARKS)}
        marked = [q for q in self.questions if q.mark is not None]
        return sorted(marked, key=lambda q: rank[q.mark or ""])

    # -- closing ------------------------------------------------------------

    def add_lesson(self, text: str) -> None:
        text = " ".join(text.split())[:MAX_TEXT]
        if text:
            self.lessons.append(text)

    def add_step(self, text: str, due: date | None = None) -> None:
        text = " ".join(text.split())[:MAX_TEXT]
        if text:
            self.steps.append(Step(text, due))

    def set_rating(self, rating: int | None) -> None:
        if rating is not None and not 1 <= rating <= 5:
            raise ValueError("rating must be 1..5")
        self.rating = rating

    def set_rating_text(self, text: str) -> bool:
        """The rating as typed: ``"4"`` sets it, blank clears it; False for anything else.

        Anything else leaves ``rating`` cleared, so a text that is no rating never
        passes for the last good one; the screen keeps the text and asks again.
        """
        value = text.strip()
        try:
            self.set_rating(int(value) if value.isdigit() else None)
        except ValueError:  # out of range: set_rating holds the rule
            self.rating = None
            return False
        return value.isdigit() or not value
