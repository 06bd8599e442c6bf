"""The step sequence of a guided reflection, independent of any UI.

Why a separate core module: the order of steps, which prompt is shown, and
how an edit lands in the ``Reflection`` are the rules of the method, not of
the screen. Keeping them here lets the TUI stay thin, lets a later web view
reuse them, and lets them be tested without Textual.

The flow owns one ``Reflection`` (a draft) and mutates it in place; saving
is someone else's job (see ``autosave.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from reflect_tui.core.content.model import CLOSING, INTAKE, LSD_STEP_IDS, Content, Prompt
from reflect_tui.core.journal.model import Answer, NextStep, PrincipleRating, Reflection

StepKind = Literal["intake", "practices", "lsd", "principles", "organisation", "closing", "summary"]
FIXED_BEFORE: tuple[StepKind, ...] = ("intake", "practices")
FIXED_AFTER: tuple[StepKind, ...] = ("principles", "organisation", "closing", "summary")
PHASES: tuple[StepKind, ...] = (*FIXED_BEFORE, "lsd", *FIXED_AFTER)
"""The parts of a session as the user sees them; every LSD step is one phase.

Why phases: the number of steps depends on the practices chosen, so a
"step i of n" count jumps once they are picked. The phases never change,
so they make a calm progress indicator; the LSD phase counts its own
questions.
"""
RATING_MIN, RATING_MAX = 1, 5


@dataclass(frozen=True, slots=True)
class Step:
    """One screenful of the session: a fixed step or one LSD step of one practice."""

    kind: StepKind
    practice: str | None = None
    lsd_step: str | None = None

    @property
    def key(self) -> str:
        """A stable name, e.g. ``lsd:situatie:luisteren``, for prompt choice and tests."""
        if self.kind == "lsd":
            return f"lsd:{self.practice}:{self.lsd_step}"
        return self.kind


def build_steps(practices: Sequence[str]) -> tuple[Step, ...]:
    """The full sequence for the chosen practices, in the order given."""
    lsd = tuple(Step("lsd", p, s) for p in practices for s in LSD_STEP_IDS)
    return tuple(Step(k) for k in FIXED_BEFORE) + lsd + tuple(Step(k) for k in FIXED_AFTER)


# Fewer filled parts than this and finishing asks first (``is_nearly_empty``).
NEARLY_EMPTY_BELOW = 2


class SessionFlow:
    """Navigation and editing for one draft reflection.

    Prompt choice is deterministic: each step starts at the first prompt of
    its kind in content order (or at the prompt already answered, when a
    draft is resumed) and "another prompt" moves to the next one, wrapping.
    """

    def __init__(self, reflection: Reflection, content: Content, start: int = 0) -> None:
        self.reflection = reflection
        self.content = content
        self._prompt_index: dict[str, int] = {}
        self._steps = build_steps(self._ordered(reflection.practices))
        # False until practices were chosen (by the user or by applying the
        # coach's suggestions), so suggestions are applied only once. Answers
        # (set aside, when no practice is ticked) show a choice was made: the
        # user unticked everything, and reopening must not tick it again.
        self.practices_chosen = bool(reflection.practices or reflection.answers)
        self.index = max(0, min(start, len(self._steps) - 1))

    # -- sequence -------------------------------------------------------------

    @property
    def steps(self) -> tuple[Step, ...]:
        return self._steps

    @property
    def current(self) -> Step:
        return self._steps[self.index]

    @property
    def total(self) -> int:
        return len(self._steps)

    @property
    def position(self) -> tuple[int, int]:
        """(1-based step number, number of steps), for "stap i van n"."""
        return self.index + 1, len(self._steps)

    @property
    def phase(self) -> StepKind:
        """The phase of the current step (its kind: all LSD steps share one)."""
        return self.current.kind

    @property
    def phase_position(self) -> tuple[int, int]:
        """(1-based phase number, number of phases); the same for any practices."""
        return PHASES.index(self.phase) + 1, len(PHASES)

    @property
    def lsd_position(self) -> tuple[int, int] | None:
        """(1-based LSD question, LSD questions in all) on an LSD step, else None."""
        lsd = [i for i, step in enumerate(self._steps) if step.kind == "lsd"]
        if self.index not in lsd:
            return None
        return lsd.index(self.index) + 1, len(lsd)

    @property
    def lsd_total(self) -> int:
        """How many LSD questions the chosen practices give (three per practice)."""
        return sum(1 for step in self._steps if step.kind == "lsd")

    @property
    def can_back(self) -> bool:
        return self.index > 0

    @property
    def can_forward(self) -> bool:
        return self.index < len(self._steps) - 1

    def forward(self) -> Step:
        if self.can_forward:
            self.index += 1
        return self.current

    def back(self) -> Step:
        if self.can_back:
            self.index -= 1
        return self.current

    def go_to(self, key: str) -> Step:
        """Jump to the step with ``key``; ValueError if there is none."""
        for i, step in enumerate(self._steps):
            if step.key == key:
                self.index = i
                return step
        raise ValueError(f"no step {key!r}")

    def resume_index(self) -> int:
        """Where to continue a saved draft: the last step that holds any data."""
        last = 0
        for i, step in enumerate(self._steps):
            if self.has_data(step):
                last = i
        return last

    def is_empty(self) -> bool:
        """Nothing was filled in anywhere: the draft is not worth keeping.

        Answers set aside (``set_aside_answers``) count: a draft holding only
        those is still the user's text.
        """
        if self.set_aside_answers():
            return False
        return not any(self.has_data(step) for step in self._steps)

    def is_nearly_empty(self) -> bool:
        """Too little to look back on later: finishing it deserves a question.

        Counted are the parts that hold reflection (what happened, each LSD
        answer, the ratings, the organisation, the closing); a title, the
        people involved and ticked practices alone do not count.
        """
        parts = int(bool(self.reflection.what_happened))
        parts += sum(
            1
            for step in self._steps
            if step.kind not in ("intake", "practices") and self.has_data(step)
        )
        return parts < NEARLY_EMPTY_BELOW

    def has_data(self, step: Step) -> bool:
        """Whether the user filled in anything on ``step``."""
        r = self.reflection
        if step.kind == "intake":
            return bool(r.title or r.what_happened or r.who)
        if step.kind == "practices":
            return bool(r.practices)
        if step.kind == "lsd":
            return bool(self.answer_text(step))
        if step.kind == "principles":
            return any(p.rating or p.note for p in r.principles)
        if step.kind == "organisation":
            return bool(r.barriers or r.helps or r.barrier_note or r.help_note)
        if step.kind == "closing":
            return bool(r.insight or r.next_steps or r.involve)
        return False

    # -- prompts --------------------------------------------------------------

    def prompts_for(self, step: Step) -> tuple[Prompt, ...]:
        if step.kind == "lsd":
            return self.content.prompts_for(
                step.lsd_step or "", step.practice, self.reflection.case_kind
            )
        if step.kind == "intake":
            return self.content.prompts_for(INTAKE)
        if step.kind == "closing":
            return self.content.prompts_for(CLOSING)
        return ()

    def prompt_for(self, step: Step | None = None) -> Prompt | None:
        """The prompt currently shown for an LSD step (None when content has none)."""
        step = step or self.current
        prompts = self.prompts_for(step)
        if not prompts:
            return None
        if step.key not in self._prompt_index:
            self._prompt_index[step.key] = self._initial_prompt(step, prompts)
        return prompts[self._prompt_index[step.key] % len(prompts)]

    def another_prompt(self, step: Step | None = None) -> Prompt | None:
        """Show the next prompt for an LSD step; an existing answer moves with it."""
        step = step or self.current
        prompts = self.prompts_for(step)
        if not prompts or step.kind != "lsd":
            return self.prompt_for(step)
        current = self.prompt_for(step)
        self._prompt_index[step.key] = (self._prompt_index[step.key] + 1) % len(prompts)
        new = self.prompt_for(step)
        answer = self.reflection.answer_for(step.practice or "", step.lsd_step or "")
        if answer is not None and new is not None and new is not current:
            answer.prompt = new.text
            answer.prompt_id = new.id
        return new

    def topic_prompts(self, step_kind: str, topic: str | None) -> tuple[Prompt, ...]:
        """Intake or closing prompts about one field, used as help text beside it."""
        return tuple(p for p in self.content.prompts_for(step_kind) if p.topic == topic)

    def _initial_prompt(self, step: Step, prompts: tuple[Prompt, ...]) -> int:
        if step.kind == "lsd":
            answer = self.reflection.answer_for(step.practice or "", step.lsd_step or "")
            if answer is not None:
                for i, prompt in enumerate(prompts):
                    if prompt.id == answer.prompt_id or prompt.text == answer.prompt:
                        return i
        return 0

    # -- edits ----------------------------------------------------------------

    def set_intake(
        self,
        *,
        title: str | None = None,
        case_kind: str | Literal[False] | None = False,
        occurred_on: date | None = None,
        who: str | None = None,
        what_happened: str | None = None,
    ) -> None:
        """Change any intake field; ``case_kind=None`` clears it, ``False`` leaves it."""
        r = self.reflection
        if title is not None:
            r.title = title
        if case_kind is not False:
            r.case_kind = case_kind
        if occurred_on is not None:
            r.occurred_on = occurred_on
        if who is not None:
            r.who = who
        if what_happened is not None:
            r.what_happened = what_happened

    def set_practices(self, practice_ids: Iterable[str]) -> None:
        """Choose the practices to reflect on; the step list follows.

        Answers of a practice that is unticked stay in the draft, set aside
        (``set_aside_answers``): they are saved with it and come back when
        the practice is ticked again, in this session or after reopening.
        Only finishing can drop them (``drop_set_aside``), after asking.
        """
        chosen = self._ordered(practice_ids)
        self.practices_chosen = True
        r = self.reflection
        r.practices = list(chosen)
        self._sort_answers()
        current_key = self.current.key
        self._steps = build_steps(chosen)
        try:
            self.go_to(current_key)
        except ValueError:
            self.index = min(self.index, len(self._steps) - 1)

    def set_aside_answers(self) -> list[Answer]:
        """Non-blank answers of practices that are not ticked (any more)."""
        chosen = set(self.reflection.practices)
        return [a for a in self.reflection.answers if a.practice not in chosen and a.text.strip()]

    def set_aside_practices(self) -> list[str]:
        """The ids of the unticked practices that still hold answers, in order."""
        return list(dict.fromkeys(a.practice for a in self.set_aside_answers()))

    def drop_set_aside(self) -> int:
        """Remove the answers set aside (the user agreed when finishing); how many."""
        before = len(self.reflection.answers)
        self.reflection.answers = self.reflection.chosen_answers()
        return before - len(self.reflection.answers)

    def set_answer(self, text: str, step: Step | None = None) -> Answer | None:
        """Store the answer for an LSD step with the prompt shown; blank removes it."""
        step = step or self.current
        if step.kind != "lsd" or step.practice is None or step.lsd_step is None:
            raise ValueError(f"step {step.key} takes no answer")
        r = self.reflection
        existing = r.answer_for(step.practice, step.lsd_step)
        if not text.strip():
            if existing is not None:
                r.answers.remove(existing)
            return None
        prompt = self.prompt_for(step)
        prompt_text = prompt.text if prompt else ""
        prompt_id = prompt.id if prompt else None
        if existing is not None:
            existing.text, existing.prompt, existing.prompt_id = text, prompt_text, prompt_id
            return existing
        answer = Answer(step.practice, step.lsd_step, prompt_text, text, prompt_id)
        r.answers.append(answer)
        self._sort_answers()
        return answer

    def answer_text(self, step: Step | None = None) -> str:
        step = step or self.current
        answer = self.reflection.answer_for(step.practice or "", step.lsd_step or "")
        return answer.text if answer else ""

    def rating(self, principle_id: str) -> PrincipleRating | None:
        """The stored rating of a principle, if any."""
        for entry in self.reflection.principles:
            if entry.id == principle_id:
                return entry
        return None

    def _rating_entry(self, principle_id: str) -> PrincipleRating:
        """The rating entry for a principle, created empty on first use."""
        for entry in self.reflection.principles:
            if entry.id == principle_id:
                return entry
        entry = PrincipleRating(principle_id, None)
        self.reflection.principles.append(entry)
        order = {p.id: i for i, p in enumerate(self.content.principles)}
        self.reflection.principles.sort(key=lambda e: order.get(e.id, 99))
        return entry

    def set_rating(self, principle_id: str, rating: int | None) -> None:
        if rating is not None and not RATING_MIN <= rating <= RATING_MAX:
            raise ValueError(f"rating must be {RATING_MIN}..{RATING_MAX}")
        self._rating_entry(principle_id).rating = rating
        self._drop_empty_ratings()

    def set_principle_note(self, principle_id: str, note: str) -> None:
        self._rating_entry(principle_id).note = note
        self._drop_empty_ratings()

    def set_factors(self, kind: Literal["barriers", "helps"], ids: Iterable[str]) -> None:
        """Tick barriers or helps; kept in the essay's order (content order)."""
        wanted = set(ids)
        items = self.content.barriers if kind == "barriers" else self.content.helps
        setattr(self.reflection, kind, [f.id for f in items if f.id in wanted])

    def set_factor_note(self, kind: Literal["barriers", "helps"], note: str) -> None:
        if kind == "barriers":
            self.reflection.barrier_note = note
        else:
            self.reflection.help_note = note

    def set_closing(self, *, insight: str | None = None, involve: str | None = None) -> None:
        if insight is not None:
            self.reflection.insight = insight
        if involve is not None:
            self.reflection.involve = involve

    def set_tags(self, text: str) -> bool:
        """Labels from one comma-separated line (``journal.tags.parse_tags``);
        True when they changed."""
        from reflect_tui.core.journal.tags import parse_tags

        tags = parse_tags(text)
        if tags == self.reflection.tags:
            return False
        self.reflection.tags = tags
        return True

    def set_next_step(self, index: int, text: str, due: date | None) -> None:
        """Edit next step ``index`` (0-based; may be one past the end to add).

        Blank text removes the step, so the list never holds empty rows.
        """
        steps = self.reflection.next_steps
        if index < len(steps):
            if text.strip():
                steps[index].text, steps[index].due = text, due
            else:
                del steps[index]
        elif text.strip():
            steps.append(NextStep(text, due))

    def set_next_steps(self, items: Sequence[tuple[str, date | None]]) -> None:
        """Replace all next steps from the form's rows; blank rows are left out.

        A step that keeps its text keeps its ``done`` mark.
        """
        done = {s.text: s.done for s in self.reflection.next_steps}
        self.reflection.next_steps = [
            NextStep(text, due, done.get(text, False)) for text, due in items if text.strip()
        ]

    # -- helpers --------------------------------------------------------------

    def _ordered(self, practice_ids: Iterable[str]) -> list[str]:
        """Known practice ids, deduplicated, in content order."""
        wanted = set(practice_ids)
        return [p.id for p in self.content.practices if p.id in wanted]

    def _sort_answers(self) -> None:
        """Ticked practices first (in their order), answers set aside after them."""
        order = {p: i for i, p in enumerate(self.reflection.practices)}
        later = len(order)
        order.update(
            {p.id: later + i for i, p in enumerate(self.content.practices) if p.id not in order}
        )
        steps = {s: i for i, s in enumerate(LSD_STEP_IDS)}
        self.reflection.answers.sort(
            key=lambda a: (order.get(a.practice, 99), steps.get(a.step, 99))
        )

    def _drop_empty_ratings(self) -> None:
        self.reflection.principles = [
            p for p in self.reflection.principles if p.rating is not None or p.note
        ]
