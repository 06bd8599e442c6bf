"""The round conductor: one round at a time, a big timer, harvesting and closing.

Everything the screen shows comes from the core ``Meeting`` and its
``Runner``; the screen only asks ``tick()`` a few times a second and turns
keys into runner calls. Time comes from the app's clock, so a test moves a
``FixedClock`` and calls ``refresh_timer``.

The projector view (``f``) hides everything but the round, who speaks, the
speaking rule and the timer, in high contrast; the state is always written
out in words too, so it reads under NO_COLOR and in black and white.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Digits, Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from reflect_tui.core.dates import format_date, parse_date
from reflect_tui.core.intervision.labels import MARK_SYMBOLS
from reflect_tui.core.intervision.meeting import Meeting, Step
from reflect_tui.core.intervision.runner import Tick
from reflect_tui.core.wording import clock
from reflect_tui.tui import strings
from reflect_tui.tui.screens.intervision_setup import CSS
from reflect_tui.tui.text import one_line, plain
from reflect_tui.tui.widgets.big_clock import BigClock

if TYPE_CHECKING:
    from textual.css.query import QueryType

    from reflect_tui.tui.app import ReflectApp

TICK_SECONDS = 0.25


def clock_text(seconds: int) -> str:
    """``9:05`` counting down, ``+1:20`` in overrun."""
    return ("+" if seconds < 0 else "") + clock(seconds)


class QuestionList(OptionList):
    """The harvested questions; the case-bringer marks the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w,plus", "mark('warm')", "warm", show=False),
        Binding("l,0,tilde", "mark('lauw')", "lauw", show=False),
        Binding("k,minus", "mark('koud')", "koud", show=False),
        Binding("x", "mark('')", "geen", show=False),
        Binding("delete", "remove", "weg", show=False),
    ]

    def _on_focus(self, event: events.Focus) -> None:
        """Arriving in the list, the case-bringer starts at the first question still unmarked.

        The note-taker's Enter highlights each new question, so the list used
        to open on the newest one, and rating began at the bottom.
        """
        super()._on_focus(event)
        screen = self.screen
        if isinstance(screen, ConductorScreen) and screen.meeting.questions:
            questions = screen.meeting.questions
            self.highlighted = next((i for i, q in enumerate(questions) if q.mark is None), 0)

    def action_mark(self, mark: str) -> None:
        screen = self.screen
        if isinstance(screen, ConductorScreen) and self.highlighted is not None:
            screen.mark_question(self.highlighted, mark or None)

    def action_remove(self) -> None:
        screen = self.screen
        if isinstance(screen, ConductorScreen) and self.highlighted is not None:
            screen.remove_question(self.highlighted)


class RoundBody(VerticalScroll):
    """Purpose, prompts and the round's panels; recomposed when the round changes."""

    def compose(self) -> ComposeResult:
        screen = self.screen
        if isinstance(screen, ConductorScreen):
            yield from screen.round_widgets()


class ConductorScreen(Screen[None]):
    """One round on screen; keys for pause, extend, next, skip and back."""

    CSS_PATH = CSS
    AUTO_FOCUS = ""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "pause", strings.IV_KEY_PAUSE),
        Binding("plus,equals_sign", "extend", strings.IV_KEY_EXTEND, show=False),
        Binding("n,right", "next", strings.IV_KEY_NEXT),
        Binding("s", "skip", strings.IV_KEY_SKIP),
        # Not in the footer (+ above too): at 80 columns it cut "f1 Hulp" and
        # "^p Opdrachten" off (help lists + and b/←; Esc stops the meeting,
        # ctrl+q still quits).
        Binding("b,left", "back", strings.IV_KEY_BACK, show=False),
        Binding("f", "projector", strings.IV_KEY_PROJECTOR),
        Binding("v", "question", strings.IV_KEY_QUESTION, show=False),
        Binding("escape", "stop", strings.IV_KEY_STOP),
        Binding("ctrl+q", "app.quit", strings.KEY_QUIT, show=False),
    ]

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.meeting = meeting
        self._leave_armed = False
        self._shown_index = -1
        self._last_state = ""
        self._rating_ok = True  # the rating field's text reads as a rating (or is empty)

    @property
    def reflect_app(self) -> ReflectApp:
        return self.app  # type: ignore[return-value]

    # -- layout -------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="iv-stage"):
            yield Static(id="iv-round")
            yield Static(id="iv-speaker")
            yield Static(id="iv-rule")
            with Horizontal(id="iv-clock"):
                yield Digits("0:00", id="iv-digits")
                yield Static(id="iv-state")
            yield BigClock(id="iv-big")
        yield RoundBody(id="iv-body")
        # Fits 80 columns with "f1 Hulp" and "^p Opdrachten": the rarer keys
        # (+, b, ctrl+q) are in the help screen, not in the footer.
        yield Footer(compact=True)

    def focus_next(self, selector: str | type[QueryType] = "*") -> Widget | None:
        """Tab after Esc (nothing focused) goes to the question list, as the hint says.

        The note-taker reaches the field with ``v``; the case-bringer's one
        Tab used to land in that field, so marks typed there ("wlkw") became
        text. With no questions yet there is nothing to mark: Tab goes to the
        field as before.
        """
        if self.focused is None and self.meeting.questions:
            for questions in self.query("#iv-questions").results(QuestionList):
                questions.focus()
                return questions
        return super().focus_next(selector)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "question":
            return self.meeting.runner.plan.questions
        return True

    def on_mount(self) -> None:
        self.show_round()
        self.set_interval(TICK_SECONDS, self.refresh_timer)

    def show_round(self) -> None:
        """Redraw the fixed parts of the round (name, speaker, rule, prompts, panels)."""
        runner = self.meeting.runner
        plan = runner.plan
        self._shown_index = runner.index
        title = f"{strings.IV_ROUND.format(n=runner.index + 1, count=len(runner.rounds))} · "
        self.query_one("#iv-round", Static).update(plain(title + plan.name, "bold"))
        speaker = self.meeting.roles.speaker(plan.role)
        self.query_one("#iv-speaker", Static).update(
            plain(strings.IV_SPEAKER.format(speaker=speaker))
        )
        self.query_one("#iv-rule", Static).update(plain(strings.IV_RULE.format(rule=plan.rule)))
        body = self.query_one(RoundBody)
        # A round with fields must never give focus to the scrolling body:
        # Tab landed there first, and a sentence typed "into the field" then
        # reached the round keys (n, s, b, f) and skipped rounds. Focusing a
        # field scrolls it into view, so the body needs no focus of its own.
        body.can_focus = not (plan.questions or plan.closing)
        if not body.can_focus and self.focused is body:
            self.set_focus(None)
        body.refresh(recompose=True)
        self.refresh_bindings()
        self.refresh_timer()

    def round_widgets(self) -> list[Widget]:
        """What the body shows for the current round."""
        plan = self.meeting.runner.plan
        # In a question round the note-taker's field comes first: at 80x24
        # the prompts would push it below the fold.
        widgets: list[Widget] = self._question_panel() if plan.questions else []
        widgets += [
            Static(plain(strings.IV_PURPOSE.format(purpose=plan.purpose)), classes="hint"),
            Static(plain(strings.IV_PROMPTS), classes="iv-label"),
            Static(plain("\n".join(f"• {p}" for p in plan.prompts)), id="iv-prompts"),
        ]
        if plan.closing:
            widgets += self._closing_panel()
        named = self.meeting.roles.named()
        if named:
            roles = " · ".join(f"{label.lower()} {one_line(name, 40)}" for label, name in named)
            widgets.append(Static(plain(strings.IV_ROLES_LINE.format(roles=roles)), id="iv-roles"))
        return widgets

    def _question_panel(self) -> list[Widget]:
        return [
            Static(plain(self._questions_title()), classes="iv-label", id="iv-questions-title"),
            Input(placeholder=self._question_placeholder(), id="iv-question", max_length=500),
            QuestionList(*self._question_options(), id="iv-questions"),
            Static(plain(strings.IV_QUESTIONS_HINT), classes="hint"),
        ]

    def _question_placeholder(self) -> str:
        """After the first question: the field stays open, type the next one straight away.

        The hint once read "v, vraag typen, Enter" as if ``v`` came before every
        question; the field keeps the focus after Enter, so that second ``v``
        became the first letter of the next question ("vWat zei ...").
        """
        if self.meeting.questions:
            return strings.IV_QUESTION_NEXT_PLACEHOLDER
        return strings.IV_QUESTION_PLACEHOLDER

    def _closing_panel(self) -> list[Widget]:
        m = self.meeting
        return [
            Static(plain(strings.IV_CLOSING_LESSON), classes="iv-label"),
            Input(placeholder=self._more(m.lessons), id="iv-lesson", max_length=500),
            Static(plain(self._list_text(strings.IV_LESSONS, m.lessons)), id="iv-lessons"),
            Static(plain(strings.IV_CLOSING_STEP), classes="iv-label"),
            Input(placeholder=self._more(m.steps), id="iv-step", max_length=500),
            Static(plain(strings.IV_CLOSING_DUE), classes="iv-label"),
            Input(id="iv-due", max_length=40),
            Static(plain(self._steps_text()), id="iv-steps"),
            Static(plain(strings.IV_CLOSING_RATING), classes="iv-label"),
            # Not max_length=1: a sentence typed here by mistake (the tester's
            # evaluation) was cut to its first letter and lost. It stays, and
            # the round cannot be left until it is a rating or empty.
            Input(value=str(m.rating or ""), id="iv-rating", max_length=1000),
            Static(plain(strings.IV_CLOSING_EVALUATION), classes="iv-label"),
            Input(value=m.evaluation, id="iv-evaluation", max_length=1000),
        ]

    @staticmethod
    def _more(items: list[str] | list[Step]) -> str:
        """Once a field has added something, it says how to add another or go on."""
        return strings.IV_CLOSING_MORE_PLACEHOLDER if items else ""

    @staticmethod
    def _list_text(title: str, items: list[str]) -> str:
        return "\n".join([title.format(n=len(items)), *(f"• {one_line(i, 200)}" for i in items)])

    def _steps_text(self) -> str:
        lines = [strings.IV_STEPS.format(n=len(self.meeting.steps))]
        for step in self.meeting.steps:
            due = f" ({format_date(step.due)})" if step.due else ""
            lines.append(f"• {one_line(step.text, 200)}{due}")
        return "\n".join(lines)

    def _questions_title(self) -> str:
        return strings.IV_QUESTIONS.format(n=len(self.meeting.questions))

    def _question_options(self) -> list[Option]:
        options = []
        for q in self.meeting.questions:
            symbol = MARK_SYMBOLS[q.mark] if q.mark else " "
            word = f"[{q.mark}] " if q.mark else ""
            options.append(Option(plain(f"{symbol} {word}{one_line(q.text, 300)}")))
        if not options:
            options.append(Option(plain(strings.IV_NO_QUESTIONS), disabled=True))
        return options

    def _refresh_questions(self, highlight: int | None = None) -> None:
        for widget in self.query("#iv-questions").results(QuestionList):
            widget.clear_options()
            widget.add_options(self._question_options())
            if highlight is not None and self.meeting.questions:
                widget.highlighted = min(highlight, len(self.meeting.questions) - 1)
        for title in self.query("#iv-questions-title").results(Static):
            title.update(plain(self._questions_title()))

    # -- the timer ------------------------------------------------------------

    def refresh_timer(self) -> None:
        """Ask the runner where we are; update the clock, the state and the warnings."""
        runner = self.meeting.runner
        if runner.finished or not self.is_attached:
            return
        if runner.index != self._shown_index:
            self.show_round()
            return
        tick = runner.tick()
        self.query_one("#iv-digits", Digits).update(clock_text(tick.seconds_left))
        self.query_one(BigClock).update(clock_text(tick.seconds_left))
        self.query_one("#iv-state", Static).update(plain(self._state_text(tick), "bold"))
        if tick.state != self._last_state:
            stage = self.query_one("#iv-stage")
            for state in ("loopt", "bijna", "over", "pauze"):
                stage.set_class(tick.state == state, f"-{state}")
            self._last_state = tick.state
        for event in runner.events():
            if event == "waarschuwing":
                self.notify(strings.IV_WARNING_NOTICE, markup=False, timeout=5)
            else:
                self.app.bell()
                self.notify(strings.IV_OVER_NOTICE, severity="warning", markup=False, timeout=8)

    @staticmethod
    def _state_text(tick: Tick) -> str:
        if tick.state == "pauze":
            return strings.IV_STATE_PAUSED
        if tick.state == "over":
            return strings.IV_STATE_OVER.format(over=clock_text(-tick.seconds_left).lstrip("+"))
        if tick.state == "bijna":
            return strings.IV_STATE_WARNING
        return strings.IV_STATE_RUNNING

    # -- actions ----------------------------------------------------------------

    def action_pause(self) -> None:
        self.meeting.runner.toggle_pause()
        self.refresh_timer()

    def action_extend(self) -> None:
        self.meeting.runner.extend()
        self.notify(strings.IV_EXTENDED, markup=False, timeout=2)
        self.refresh_timer()

    def action_next(self) -> None:
        runner = self.meeting.runner
        if not self._keep_typed():
            return
        if runner.plan.closing:
            self._finish()
            return
        runner.next()
        self.show_round()

    def action_skip(self) -> None:
        runner = self.meeting.runner
        if not self._keep_typed():
            return
        if runner.plan.closing:
            self._finish()
            return
        runner.skip()
        self.show_round()

    def action_back(self) -> None:
        if not self._keep_typed():
            return
        self.meeting.runner.back()
        self.show_round()

    def _keep_typed(self) -> bool:
        """Before the round's fields go: keep what was typed but not yet added with Enter.

        A question, lesson or step still in its field is added as if Enter was
        pressed. A rating or date that cannot be read stops the move: the
        field gets the focus and keeps its text (the tester's rating field took
        an evaluation, a toast said so, ``n`` went on and both were gone).
        """
        for field in self.query("#iv-question").results(Input):
            self._add_question(field)
        if not self.meeting.runner.plan.closing:
            return True
        for field in self.query("#iv-lesson").results(Input):
            if field.value.strip():
                self._add_lesson(field)
        step = self.query_one("#iv-step", Input)
        due = self.query_one("#iv-due", Input)
        if step.value.strip() or due.value.strip():
            if not step.value.strip():
                self.notify(strings.IV_DUE_WITHOUT_STEP, severity="warning", markup=False)
                step.focus()
                return False
            if not self._add_step():
                return False
        rating = self.query_one("#iv-rating", Input)
        if not self.meeting.set_rating_text(rating.value):
            self.notify(strings.IV_BAD_RATING_KEPT, severity="warning", markup=False)
            rating.focus()
            return False
        return True

    def action_projector(self) -> None:
        self.toggle_class("projector")

    def action_question(self) -> None:
        for widget in self.query("#iv-question").results(Input):
            widget.focus()

    def action_stop(self) -> None:
        if isinstance(self.focused, Input | OptionList):
            self.set_focus(None)
            return
        if self._leave_armed:
            self.app.pop_screen()
            self.notify(strings.IV_NOTHING_SAVED, markup=False)
            return
        self._leave_armed = True
        self.notify(strings.IV_LEAVE_CONFIRM, severity="warning", markup=False, timeout=5)

    def _finish(self) -> None:
        from reflect_tui.tui.screens.intervision_review import ReviewScreen

        self.meeting.runner.finish()
        self.app.switch_screen(ReviewScreen(self.meeting))

    # -- harvesting and closing ----------------------------------------------------

    def mark_question(self, index: int, mark: str | None) -> None:
        if 0 <= index < len(self.meeting.questions):
            self.meeting.mark(index, mark)
            self._refresh_questions(index)

    def remove_question(self, index: int) -> None:
        if 0 <= index < len(self.meeting.questions):
            self.meeting.remove_question(index)
            self._refresh_questions(index)

    @on(Input.Submitted, "#iv-question")
    def _question_added(self, event: Input.Submitted) -> None:
        self._add_question(event.input)

    def _add_question(self, field: Input) -> None:
        """Add what ``field`` holds (Enter, or leaving the round) and empty it for the next."""
        if self.meeting.add_question(field.value) is not None:
            field.value = ""
            field.placeholder = self._question_placeholder()
            self._refresh_questions(len(self.meeting.questions) - 1)

    # Enter in the closing round: a filled list field adds and stays for the next
    # one (its placeholder then says so); Enter on an empty one moves on, in the
    # order on screen: lesson, step (and date), rating, evaluation, out.

    @on(Input.Submitted, "#iv-lesson")
    def _lesson_submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self.query_one("#iv-step", Input).focus()
            return
        self._add_lesson(event.input)

    def _add_lesson(self, field: Input) -> None:
        self.meeting.add_lesson(field.value)
        field.value = ""
        field.placeholder = self._more(self.meeting.lessons)
        self.query_one("#iv-lessons", Static).update(
            plain(self._list_text(strings.IV_LESSONS, self.meeting.lessons))
        )

    @on(Input.Submitted, "#iv-step")
    @on(Input.Submitted, "#iv-due")
    def _step_submitted(self) -> None:
        text_input = self.query_one("#iv-step", Input)
        if not text_input.value.strip():
            if self.query_one("#iv-due", Input).value.strip():
                text_input.focus()  # a date needs its step
            else:
                self.query_one("#iv-rating", Input).focus()
            return
        if self._add_step():
            text_input.focus()

    def _add_step(self) -> bool:
        """Add the step in the fields; False (the date field focused) for a date not understood."""
        text_input = self.query_one("#iv-step", Input)
        due_input = self.query_one("#iv-due", Input)
        try:
            # parse_date raises on text it cannot read (None is blank): this used to
            # expect None, so a date such as "morgen?" stopped the whole app.
            due = parse_date(due_input.value, self.reflect_app.clock.today(), future=True)
        except ValueError:
            self.notify(strings.IV_BAD_DATE, severity="warning", markup=False)
            due_input.focus()
            return False
        self.meeting.add_step(text_input.value, due)
        text_input.value = ""
        due_input.value = ""
        text_input.placeholder = self._more(self.meeting.steps)
        self.query_one("#iv-steps", Static).update(plain(self._steps_text()))
        return True

    @on(Input.Changed, "#iv-rating")
    def _rating_changed(self, event: Input.Changed) -> None:
        good = self.meeting.set_rating_text(event.value)
        if self._rating_ok and not good:  # once when it turns bad, not at every key
            self.notify(strings.IV_BAD_RATING, severity="warning", markup=False)
        self._rating_ok = good

    @on(Input.Submitted, "#iv-rating")
    def _rating_submitted(self, event: Input.Submitted) -> None:
        if self.meeting.set_rating_text(event.value):
            self.query_one("#iv-evaluation", Input).focus()
        else:
            self.notify(strings.IV_BAD_RATING_KEPT, severity="warning", markup=False)

    @on(Input.Changed, "#iv-evaluation")
    def _evaluation_changed(self, event: Input.Changed) -> None:
        self.meeting.evaluation = event.value.strip()

    @on(Input.Submitted, "#iv-evaluation")
    def _evaluation_submitted(self) -> None:
        self.set_focus(None)  # the last field: n (verder) works again
