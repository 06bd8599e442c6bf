"""The start screen: begin, resume, read back, follow up next steps, keep learning."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from reflect_tui.core.dates import format_date
from reflect_tui.core.errors import ReflectError
from reflect_tui.core.wording import by_count
from reflect_tui.tui import strings
from reflect_tui.tui.screen_notices import notify_on
from reflect_tui.tui.screen_state import is_open
from reflect_tui.tui.text import join, one_line, plain
from reflect_tui.tui.widgets.light_button import LightButton

if TYPE_CHECKING:
    from textual.content import Content
    from textual.css.query import QueryType

    from reflect_tui.core.coach.learning import LearningMatch
    from reflect_tui.core.content.model import Content as ContentModel
    from reflect_tui.core.journal.summary import OpenStep, ReflectionSummary
    from reflect_tui.tui.app import ReflectApp

RECENT_LIMIT = 10
STEPS_LIMIT = 15


def summary_row(summary: ReflectionSummary) -> Content:
    status = strings.STATUS_DRAFT if summary.status == "draft" else strings.STATUS_COMPLETE
    return join(
        plain(format_date(summary.occurred_on), "$text-muted"),
        "  ",
        plain(one_line(summary.title or strings.UNTITLED, 80), "bold"),
        plain(f"  ({status})", "$text-muted"),
    )


class HomeScreen(Screen[None]):
    # Styles: home.tcss, loaded with the app's CSS (see ``ReflectApp.CSS_PATH``).

    # No focus before the first frame: Textual's auto-focus would restyle the
    # button and rebuild the Footer's keys before anything is drawn. ``n`` and
    # ``r`` are screen keys and work without focus; ``_focus_new`` puts the
    # focus on "Nieuwe reflectie" right after the first frame.
    AUTO_FOCUS = ""

    BINDINGS: ClassVar[list[BindingType]] = [
        # n and r are written on their buttons; out of the Footer, which at 80
        # columns has room for the keys that are shown nowhere else.
        Binding("n", "new", strings.KEY_NEW, show=False),
        Binding("r", "resume", strings.KEY_RESUME, show=False),
        # The journal, insights and next steps in the Footer: a fresh user found
        # them nowhere (the hint naming j and i sat below the fold). d and u are
        # out of it to make room at 80 columns: the steps' hint names d, the
        # undo notice names u.
        Binding("j", "app.journal", strings.KEY_JOURNAL),
        Binding("i", "app.insights", strings.KEY_INSIGHTS),
        Binding("v", "app.next_steps", strings.KEY_STEPS),
        Binding("d", "step_done", strings.KEY_DONE, show=False),
        Binding("g", "intervision", strings.KEY_INTERVISION),
        Binding("u", "undo_done", strings.KEY_UNDO, show=False),
        # All drafts in the journal: the draft line names only the newest.
        Binding("c", "drafts", strings.KEY_DRAFTS, show=False),
    ]

    # Keys that open a screen run in key order (``key_order.py``): the keys
    # typed right behind them wait for that screen and its focused field (a
    # title typed at once after ``n``), instead of running as this screen's
    # one-letter commands while the new screen is still being built. The
    # OPENING_KEYS open a screen: when it does not open (a locked journal,
    # nothing to resume), the keys held behind them are dropped.
    OPENING_KEYS: ClassVar[frozenset[str]] = frozenset({"n", "r", "j", "i", "v", "g", "c"})
    ORDERED_KEYS: ClassVar[frozenset[str]] = OPENING_KEYS | {"tab", "shift+tab", "enter"}

    # The next step ticked off last, as (reflection id, index): ``u`` reopens it.
    last_done: tuple[str, int] | None = None

    @property
    def reflect_app(self) -> ReflectApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield HomeBody(id="home-body")
        yield Footer(compact=True)

    def reload(self) -> None:
        """Re-read the journal and rebuild the body (after a session, a tick, ...)."""
        self.call_later(self._rebuild)

    async def _rebuild(self) -> None:
        # Focus "Nieuwe reflectie" only once the new body is mounted: focusing
        # right after asking for the rebuild focused the old button, which the
        # rebuild then removed, so after coming back from another screen nothing
        # had the focus and Enter did nothing.
        await self.query_one(HomeBody).recompose()
        self._focus_new()

    _resumed_before = False

    def on_screen_resume(self) -> None:
        # The first resume is the first showing: the body was just composed.
        if self._resumed_before:
            self.reload()
        self._resumed_before = True

    def _focus_new(self) -> None:
        for button in self.query("#new").results(Button):
            button.focus()
        self.refresh_bindings()

    def on_mount(self) -> None:
        self.call_after_refresh(self._focus_new)

    def on_resize(self, event: events.Resize) -> None:
        """Skip a resize to the size the screen is already laid out at.

        Why: right after the first frame Textual hands the screen three
        Resize events with the terminal's unchanged size (the app's start-up
        resize and the driver's, queued before the screen existed). Each one
        laid the whole screen out again and one painted a full frame, all
        before the lists (``HomeBody._fill``) could come: the lists reached
        the terminal a frame late. A real resize has another size and is
        laid out as before (Screen's own handler, breakpoints included).
        """
        if event.size == self.outer_size:
            event.prevent_default()  # the base Screen handler does not run

    def focus_next(self, selector: str | type[QueryType] = "*") -> Widget | None:
        """Tab before anything has the focus starts from "Nieuwe reflectie", as if
        it had it: a quick Tab then Enter must reach the next element, never
        start a new reflection."""
        if self.focused is None:
            for button in self.query("#new").results(Button):
                self.set_focus(button, scroll_visible=False)
        return super().focus_next(selector)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "step_done":
            bodies = self.query(HomeBody)
            return bool(bodies and getattr(bodies.first(), "steps", None))
        if action == "undo_done":
            return self.last_done is not None
        if action in ("resume", "drafts"):
            bodies = self.query(HomeBody)
            return bool(bodies and getattr(bodies.first(), "drafts", None))
        return True

    def action_step_done(self) -> None:
        self.query_one(HomeBody).step_done()

    def action_undo_done(self) -> None:
        if self.last_done is None:
            return
        reflection_id, index = self.last_done
        try:
            self.reflect_app.store.set_next_step_done(reflection_id, index, False)
        except ReflectError as exc:
            self.reflect_app.report_error(exc)
            return
        self.last_done = None
        notify_on(self, strings.HOME_STEP_UNDONE, timeout=3)
        self.reload()

    async def action_new(self) -> None:
        await self.reflect_app.action_new_reflection()

    def action_resume(self) -> None:
        self.reflect_app.action_resume()

    def action_intervision(self) -> None:
        self.reflect_app.action_intervision()

    def action_drafts(self) -> None:
        """The journal showing drafts only, newest first (Enter resumes one)."""
        from reflect_tui.core.journal.query import JournalQuery
        from reflect_tui.tui.screens.journal import JournalScreen

        self.app.push_screen(
            JournalScreen(JournalQuery(status="draft"), strings.HOME_DRAFTS_HEADING)
        )


class HomeBody(VerticalScroll, can_focus=False):
    """Everything below the header; recomposed whenever the journal changed.

    Drawn in three steps the first time, so the screen is usable at once even
    on a journal of 50,000 reflections: the first frame holds what you can
    do (the heading, the buttons and the draft line; ``n`` and ``r`` work
    from then on); the next frame adds what needs only the journal (the
    welcome text of an empty journal, next steps, recent reflections: a few
    bounded, indexed queries, read on the UI thread in ``_fill``); the
    learning suggestions need the content and the coach (tens of
    milliseconds), so a worker reads them after that frame and they are
    put in their place between the two lists. Waiting for them held the
    lists back by about 280 ms. A recompose (after a session) draws
    everything in one go, in the same order.
    """

    filled = False
    _generation = 0  # bumped by every compose: a late worker result is dropped

    @property
    def reflect_app(self) -> ReflectApp:
        return self.app  # type: ignore[return-value]

    def _load_head(self) -> None:
        """What the first frame shows: the draft to resume, if any, and how many
        others there are (two cheap queries on the partial index of drafts)."""
        self.drafts: list[ReflectionSummary] = []
        self.other_drafts = 0
        try:
            store = self.reflect_app.store
            self.drafts = store.drafts(limit=1)
            if self.drafts:
                self.other_drafts = max(0, store.count_drafts() - 1)
        except ReflectError as exc:
            self.reflect_app.notify_error(exc)

    def _load_lists(self) -> None:
        """Read the lists that need only the journal; a problem becomes a notice.

        Every query is bounded and indexed (counts come from the maintained
        ``journal_counts``, lists have limits and walk an index in order), so
        this costs well under a millisecond at 50,000 reflections: cheap
        enough for the UI thread right after the first frame.
        """
        store = self.reflect_app.store
        self.count = 0
        self.recent: list[ReflectionSummary] = []
        self.steps: list[tuple[ReflectionSummary, int, OpenStep]] = []
        self.more_steps = 0
        try:
            # The draft that "Verder met concept" (r) resumes is left out: the
            # draft line already shows it, and listing it twice reads as two
            # cases. Older drafts stay listed, as Enter is their only way back.
            self.count = store.count()
            resumable = self.drafts[0].id if self.drafts else None
            recent = store.list(limit=RECENT_LIMIT + 1)
            self.recent = [s for s in recent if s.id != resumable][:RECENT_LIMIT]
            if self.count:
                # Soonest due first (no date last); a long list is cut so the
                # home screen stays fast with a big journal.
                self.steps = store.open_next_steps(limit=STEPS_LIMIT)
                if len(self.steps) == STEPS_LIMIT:
                    self.more_steps = max(0, store.count_open_next_steps() - STEPS_LIMIT)
        except ReflectError as exc:
            self.reflect_app.notify_error(exc)

    def _load_learning(self, content: ContentModel) -> list[LearningMatch]:
        """The learning suggestions; they need the content and the coach, so
        the first showing reads them in a worker thread, after the lists."""
        from reflect_tui.core.coach.service import learning_for

        try:
            return learning_for(content, self.reflect_app.store, self.reflect_app.clock.today())
        except ReflectError as exc:
            # notify posts a message, which Textual allows from any thread.
            self.reflect_app.notify_error(exc)
            return []

    def compose(self) -> ComposeResult:
        self._generation += 1
        self._load_head()
        yield Static(plain(strings.HOME_HEADING, "bold"), id="heading")
        with Horizontal(classes="buttons"):
            yield LightButton(strings.HOME_NEW_BUTTON, id="new", variant="primary")
            if self.drafts:
                yield LightButton(strings.HOME_RESUME_BUTTON, id="resume")
        if self.drafts:
            draft = self.drafts[0]
            yield Static(
                plain(
                    strings.HOME_DRAFT.format(
                        title=one_line(draft.title or strings.UNTITLED, 80),
                        when=format_date(draft.updated_at.date()),
                    )
                ),
                id="draft-line",
            )
            if self.other_drafts:
                more = by_count(strings.HOME_MORE_DRAFTS, self.other_drafts)
                yield Static(plain(more), id="more-drafts", classes="hint")
        if self.filled:
            self._load_lists()
            self.learning = self._load_learning(self.reflect_app.content)
            yield from self._sections()

    def on_show(self) -> None:
        # Show is handled after the frame that made the body visible was
        # handed to the terminal, so the lists come in the very next frame.
        if not self.filled:
            self._fill()

    def _fill(self) -> None:
        """The second step of the first showing: the lists that need only the
        journal (next steps, recent reflections) at once, then the learning
        suggestions, which need the content and the coach, from a worker."""
        if self.filled:
            return
        self.filled = True
        self._load_lists()
        self.learning = []
        widgets = list(self._sections())
        if widgets:
            self.mount_all(widgets)
        self.screen.refresh_bindings()  # "d" (step done) needs the steps
        # After the lists' frame: the start-up is over (the collector comes
        # on, ``ReflectApp.start_up_done``), and the worker would hold the GIL
        # while the lists are drawn.
        self.call_after_refresh(self.reflect_app.start_up_done)
        self.call_after_refresh(self._start_learning, self._generation)

    def _start_learning(self, generation: int) -> None:
        self.run_worker(
            lambda: self._learning_in_thread(generation),
            thread=True,
            group="home-learning",
            exit_on_error=False,
        )

    def _learning_in_thread(self, generation: int) -> None:
        # The content too is resolved here, off the UI thread (read from the
        # cache: 25-100 ms that held up keys and the lists); its notices are
        # posted with ``notify``, which Textual allows from any thread.
        import reflect_tui.tui.widgets.tip_card  # noqa: F401  (imported here, not on the UI thread)

        learning = self._load_learning(self.reflect_app.content)
        if learning:
            self.app.call_from_thread(self._show_learning, generation, learning)

    def _show_learning(self, generation: int, learning: list[LearningMatch]) -> None:
        if not is_open(self) or generation != self._generation:
            return  # the body was recomposed meanwhile and already shows fresh lists
        self.learning = learning
        widgets = list(self._learning_section())
        recent = self.query("#recent-title")
        if recent:
            self.mount_all(widgets, before=recent.first())
        else:
            self.mount_all(widgets)

    def _sections(self) -> Iterator[Widget]:
        """What asks for action comes first (open and overdue next steps, then
        what to learn); reading back old reflections comes last. An empty
        journal gets the method explained instead."""
        if self.count == 0:
            yield Static(plain(strings.HOME_WELCOME_TITLE), classes="section-title")
            # The preview (a banner) runs on a throwaway journal: nothing is kept.
            preview = self.reflect_app.banner is not None
            welcome = strings.HOME_WELCOME_PREVIEW if preview else strings.HOME_WELCOME
            yield Static(plain(welcome), id="welcome")
        if self.count:
            yield Static(plain(strings.HOME_STEPS), classes="section-title")
            if self.steps:
                yield Static(plain(strings.HOME_STEPS_HINT), classes="hint")
                yield OptionList(
                    *(
                        Option(self._step_row(s, step), id=f"{i}")
                        for i, (s, _, step) in enumerate(self.steps)
                    ),
                    id="steps",
                )
                # Rows are cut at 80 columns; the highlighted step in full.
                yield Static("", id="step-full", classes="step-full")
                if self.more_steps:
                    more = by_count(strings.HOME_STEPS_MORE, self.more_steps)
                    yield Static(plain(more), classes="hint")
            else:
                yield Static(plain(strings.HOME_STEPS_NONE), classes="hint")
        yield from self._learning_section()
        if self.recent:
            yield Static(plain(strings.HOME_RECENT), classes="section-title", id="recent-title")
            yield Static(plain(strings.HOME_RECENT_HINT), classes="hint")
            yield OptionList(*(Option(summary_row(s), id=s.id) for s in self.recent), id="recent")

    def _learning_section(self) -> Iterator[Widget]:
        if self.learning:
            # Imported only when there is something to show: the lists' frame
            # draws no tip, and the import (the coach's reasons and the content
            # model, ~14 ms) held it back; the worker imports it off the UI thread.
            from reflect_tui.tui.widgets.tip_card import TipCard

            yield Static(plain(strings.HOME_LEARNING), classes="section-title")
            for item in self.learning:
                s = item.suggestion
                yield TipCard(s.title, s.text, item.reasons, s.source)

    def _step_row(self, summary: ReflectionSummary, step: OpenStep) -> Content:
        """One line per step, the date first: rows are cut (not wrapped) at 80
        columns, so what is late must come before the text that may be cut."""
        today = self.reflect_app.clock.today()
        if step.due is None:
            due = plain("")
        elif step.due < today:
            due = plain(strings.HOME_STEP_OVERDUE.format(due=format_date(step.due)), "bold $error")
        elif step.due == today:
            due = plain(strings.HOME_STEP_TODAY, "bold $warning")
        else:
            due = plain(strings.HOME_STEP_DUE.format(due=format_date(step.due)))
        return join(
            due,
            "  " if step.due is not None else "",
            plain(one_line(step.text, 100)),
            plain("  · " + one_line(summary.title or strings.UNTITLED, 40), "$text-muted"),
        )

    @on(Button.Pressed, "#new")
    async def _new(self) -> None:
        await self.reflect_app.action_new_reflection()

    @on(Button.Pressed, "#resume")
    def _resume(self) -> None:
        self.reflect_app.action_resume()

    @on(OptionList.OptionSelected, "#recent")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.reflect_app.open_reflection(event.option.id)

    @on(OptionList.OptionHighlighted, "#steps")
    def _step_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        summary, _index, step = self.steps[event.option_index]
        text = strings.HOME_STEP_FULL.format(
            step=one_line(step.text, 400), title=one_line(summary.title or strings.UNTITLED, 120)
        )
        for line in self.query("#step-full").results(Static):
            line.update(plain(text))

    @on(OptionList.OptionSelected, "#steps")
    def _step_selected(self, event: OptionList.OptionSelected) -> None:
        # Enter or a click opens the reflection the step belongs to; ticking
        # it off is a deliberate "d", so a stray click never closes a step.
        summary, _index, _step = self.steps[event.option_index]
        self.reflect_app.open_reflection(summary.id)

    def step_done(self) -> None:
        lists = self.query("#steps").results(OptionList)
        option_list = next(iter(lists), None)
        if option_list is None or option_list.highlighted is None:
            return
        summary, index, _step = self.steps[option_list.highlighted]
        try:
            self.reflect_app.store.set_next_step_done(summary.id, index, True)
        except ReflectError as exc:
            self.reflect_app.report_error(exc)
            return
        home = self.screen
        if isinstance(home, HomeScreen):
            home.last_done = (summary.id, index)
            home.reload()
        notify_on(self.screen, strings.HOME_STEP_DONE_UNDO, timeout=8)  # u: this screen's
