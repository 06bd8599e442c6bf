"""Snapshot tests: every screen of the TUI at 80x24 and 120x40.

Why snapshots on top of the Pilot tests: they catch what asserts miss
(overlapping text, a label cut off at 80 columns, a step pushed off screen).
They only work when every run draws the same pixels, so everything that
could vary is pinned: the clock (``CLOCK``), the theme, cursor blinking
(off), reflection ids (``fixed_ids``), the data folder (a temp dir per
test) and toasts (cleared: they time out on the wall clock).

Update after a deliberate UI change with
``.venv/bin/python -m pytest tests/tui/test_snapshots.py --snapshot-update``
and look at the report before committing the new SVGs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, timedelta

import pytest
from textual.pilot import Pilot
from textual.widgets import Input
from tui_helpers import CLOCK, NARROW, WIDE, next_step, session, wait_until

from reflect_tui.core.journal.model import Answer, NextStep, PrincipleRating, Reflection
from reflect_tui.core.journal.store import JournalStore
from reflect_tui.tui.app import ReflectApp
from reflect_tui.tui.dialogs.confirm import ConfirmDialog
from reflect_tui.tui.screens.help import HelpScreen
from reflect_tui.tui.screens.home import HomeScreen
from reflect_tui.tui.screens.read import ReadScreen
from reflect_tui.tui.screens.session import SessionScreen
from reflect_tui.tui.widgets.tip_card import TipRow

SIZES = pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "120x40"])
THEME = "textual-dark"
TODAY = CLOCK.today()  # 2-11-2026

RunBefore = Callable[[Pilot[int]], Awaitable[None]]

# -- a small journal: three finished reflections and a draft ------------------

PARK_ID = "00000001-feed-4000-8000-000000000001"
AFVAL_ID = "00000002-feed-4000-8000-000000000002"
MOESTUIN_ID = "00000003-feed-4000-8000-000000000003"
DRAFT_ID = "00000004-feed-4000-8000-000000000004"


def _reflection(rid: str, title: str, occurred_on: date, **fields: object) -> Reflection:
    created = CLOCK.now() - timedelta(days=(TODAY - occurred_on).days)
    return Reflection(
        id=rid,
        title=title,
        occurred_on=occurred_on,
        created_at=created,
        updated_at=created,
        content_version="snapshot",
        **fields,  # type: ignore[arg-type]
    )


def journal() -> list[Reflection]:
    """Reflections that make the home screen show every section."""
    park = _reflection(
        PARK_ID,
        "Bewonersavond speeltuin Parkwijk",
        date(2026, 10, 28),
        status="complete",
        case_kind="bijeenkomst",
        who="Twintig bewoners, de wijkagent en twee collega's van Groen",
        what_happened="Boze ouders over de kapotte speeltoestellen; veel vragen over de planning.",
        practices=["situatie", "relaties"],
        answers=[
            Answer("situatie", "luisteren", "Wie waren er allemaal?", "Vooral ouders uit de wijk."),
            Answer("relaties", "doorvragen", "Wat hebben ze nodig?", "Een datum en een gezicht."),
        ],
        principles=[
            PrincipleRating("open", 4, "Ik liet iedereen uitpraten"),
            PrincipleRating("resultaatgericht", 2),
        ],
        barriers=["collegas", "verkokering"],
        barrier_note="Groen en Wijkbeheer wezen naar elkaar.",
        helps=["ruimte"],
        insight="Eerst de zorgen horen, dan pas de planning uitleggen.",
        next_steps=[
            NextStep("Wijkraad bellen over de planning", date(2026, 10, 30)),
            NextStep("Verslag naar de bewoners sturen", TODAY),
        ],
        involve="Teamleider Groen",
    )
    afval = _reflection(
        AFVAL_ID,
        "Klacht over afvalbakken Dorpsstraat",
        date(2026, 10, 20),
        status="complete",
        case_kind="klacht",
        practices=["relaties"],
        barriers=["collegas"],
        next_steps=[
            NextStep("Mevrouw De Vries terugbellen", date(2026, 11, 10)),
            NextStep("Melding doorzetten naar Reiniging", None, True),
        ],
    )
    moestuin = _reflection(
        MOESTUIN_ID,
        "Initiatief moestuin bij de school",
        date(2026, 10, 12),
        status="complete",
        case_kind="initiatief",
        practices=["praktisch"],
        barriers=["verkokering", "tijdgebrek"],
        next_steps=[NextStep("Contact leggen met de schooldirecteur")],
    )
    draft = _reflection(
        DRAFT_ID,
        "Overleg herinrichting marktplein",
        date(2026, 11, 1),
        case_kind="project",
        what_happened="Ondernemers willen meer parkeerplekken, bewoners meer groen.",
    )
    return [park, afval, moestuin, draft]


def seed(store: JournalStore) -> None:
    for reflection in journal():
        store.add(reflection)


# -- a case typed into the session --------------------------------------------

TITLE = "Bewonersavond over de speeltuin"
WHO = "Bewoners, de wijkagent, twee collega's van Groen"
WHAT = (
    "Boze ouders over de kapotte speeltoestellen. Ze voelen zich niet gehoord "
    "en willen weten wanneer er iets gebeurt. De wethouder kwam later binnen."
)
PRACTICES = ["situatie", "relaties"]


def fill_intake(s: SessionScreen) -> None:
    s.flow.set_intake(title=TITLE, case_kind="bijeenkomst", who=WHO, what_happened=WHAT)


def fill_all(s: SessionScreen) -> None:
    """A reflection filled up to the summary, as a user would have typed it."""
    flow = s.flow
    fill_intake(s)
    flow.set_practices(PRACTICES)
    for key, text in [
        ("lsd:situatie:luisteren", "Ouders, kinderen en een paar buren zonder kinderen."),
        ("lsd:relaties:doorvragen", "Ze willen een vast aanspreekpunt bij de gemeente."),
    ]:
        flow.set_answer(text, next(step for step in flow.steps if step.key == key))
    flow.set_rating("open", 4)
    flow.set_principle_note("open", "Ik liet iedereen uitpraten")
    flow.set_rating("resultaatgericht", 2)
    flow.set_rating("verbindend", 3)
    flow.set_factors("barriers", ["collegas", "tijdgebrek"])
    flow.set_factor_note("barriers", "Groen en Wijkbeheer wezen naar elkaar.")
    flow.set_factors("helps", ["ruimte"])
    flow.set_closing(
        insight="Eerst de zorgen horen, dan pas de planning uitleggen.",
        involve="Teamleider Groen en de wijkregisseur",
    )
    flow.set_next_steps(
        [
            ("Wijkraad bellen over de planning", date(2026, 11, 6)),
            ("Verslag naar de bewoners sturen", date(2026, 11, 9)),
        ]
    )


async def start_session(pilot: Pilot[int]) -> SessionScreen:
    await pilot.press("n")
    await pilot.pause()
    return session(pilot.app)  # type: ignore[arg-type]


async def show(pilot: Pilot[int], s: SessionScreen, key: str) -> None:
    s.flow.go_to(key)
    await s.show_step()
    await settle(pilot)


async def settle(pilot: Pilot[int]) -> None:
    """Wait until nothing is left to draw: workers (Markdown), animations, toasts."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.wait_for_scheduled_animations()
    pilot.app.clear_notifications()
    await pilot.pause()


# -- the app under test ---------------------------------------------------------


@pytest.fixture
def snap_app(make_app, fixed_ids) -> Callable[..., ReflectApp]:
    """An app with every source of variation pinned (see the module docstring)."""

    def factory(*, with_journal: bool = False) -> ReflectApp:
        app = make_app(theme=THEME, cursor_blink=False)
        if with_journal:
            seed(app.store)
        return app

    return factory


def check(snap_compare, app: ReflectApp, size: tuple[int, int], run_before: RunBefore) -> None:
    assert snap_compare(app, run_before=run_before, terminal_size=size)


# -- home, help, read -------------------------------------------------------------


@SIZES
def test_home_empty_journal_explains_the_method(snap_compare, snap_app, size):
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)
        assert pilot.app.screen.query("#welcome")
        await settle(pilot)

    check(snap_compare, snap_app(), size, run_before)


@SIZES
def test_home_with_journal(snap_compare, snap_app, size):
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, HomeScreen)
        # The learning suggestions come from a worker after the lists' frame.
        await wait_until(pilot, lambda: screen.query("TipCard"))
        for part in ("#resume", "#draft-line", "#recent", "#steps", "TipCard"):
            assert screen.query(part), part
        await settle(pilot)

    check(snap_compare, snap_app(with_journal=True), size, run_before)


@SIZES
def test_help_screen(snap_compare, snap_app, size):
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(pilot.app.screen, HelpScreen)

    check(snap_compare, snap_app(), size, run_before)


@SIZES
def test_read_screen_renders_a_reflection_as_markdown(snap_compare, snap_app, size):
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        pilot.app.open_reflection(PARK_ID)  # type: ignore[attr-defined]
        await settle(pilot)
        assert isinstance(pilot.app.screen, ReadScreen)

    check(snap_compare, snap_app(with_journal=True), size, run_before)


# -- the session, step by step --------------------------------------------------


@SIZES
def test_step_intake(snap_compare, snap_app, size):
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        s = await start_session(pilot)
        fill_intake(s)
        await show(pilot, s, "intake")

    check(snap_compare, snap_app(), size, run_before)


@SIZES
def test_step_practices_with_coach_preselection(snap_compare, snap_app, size):
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        s = await start_session(pilot)
        fill_intake(s)
        await show(pilot, s, "intake")
        await next_step(pilot)  # the coach pre-selects on the way in
        await settle(pilot)
        assert s.flow.current.key == "practices"
        await wait_until(pilot, lambda: s.query(".reason"))  # the step is built
        await settle(pilot)
        assert s.flow.reflection.practices, "the coach should pre-select a practice"
        assert s.query(".reason"), "the coach should give its reasons"

    check(snap_compare, snap_app(), size, run_before)


@SIZES
def test_step_lsd_with_prompt_and_answer(snap_compare, snap_app, size):
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        s = await start_session(pilot)
        fill_all(s)
        await show(pilot, s, "lsd:relaties:doorvragen")

    check(snap_compare, snap_app(), size, run_before)


@SIZES
def test_step_principles_with_a_rating_and_its_anchor(snap_compare, snap_app, size):
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        s = await start_session(pilot)
        fill_all(s)
        s.flow.set_rating("open", None)
        await show(pilot, s, "principles")
        await pilot.press("4")  # focus is on the first rating: open
        await settle(pilot)
        assert s.flow.rating("open").rating == 4

    check(snap_compare, snap_app(), size, run_before)


@SIZES
def test_step_organisation_barriers_and_helps(snap_compare, snap_app, size):
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        s = await start_session(pilot)
        fill_all(s)
        await show(pilot, s, "organisation")

    check(snap_compare, snap_app(), size, run_before)


@SIZES
def test_step_closing(snap_compare, snap_app, size):
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        s = await start_session(pilot)
        fill_all(s)
        await show(pilot, s, "closing")

    check(snap_compare, snap_app(), size, run_before)


@SIZES
def test_step_summary_with_tips_and_reasons(snap_compare, snap_app, size):
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        s = await start_session(pilot)
        fill_all(s)
        await show(pilot, s, "summary")
        assert s.query("TipRow"), "the summary should show matched tips"
        # The summary prints the id: it must come from ``fixed_ids``, not uuid4.
        assert s.flow.reflection.id.startswith("00000001-5eed-")

    check(snap_compare, snap_app(), size, run_before)


@SIZES
def test_step_summary_scrolled_to_the_reflection(snap_compare, snap_app, size):
    """The tips come first; this shot shows the whole reflection below them."""

    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        s = await start_session(pilot)
        fill_all(s)
        await show(pilot, s, "summary")
        assert s.view is not None and s.view.query("TipRow")
        heading = s.view.query(".section-title").last()  # "Je reflectie", above the Markdown
        s.view.scroll_to_widget(heading, animate=False, top=True, immediate=True)
        await settle(pilot)

    check(snap_compare, snap_app(), size, run_before)


# -- issue 16: the session as a newcomer meets it -----------------------------------


@SIZES
def test_step_closing_with_an_unreadable_date_on_its_row(snap_compare, snap_app, size):
    """The row with the bad date is named and marked; the other row shows what
    its word was read as."""

    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        s = await start_session(pilot)
        fill_all(s)
        await show(pilot, s, "closing")
        s.query_one("#due-0", Input).value = "vrijdag"
        bad = s.query_one("#due-1", Input)
        bad.value = "vrijdagg"
        bad.focus()
        await settle(pilot)
        assert s.view is not None and s.view.blocking_field() is bad

    check(snap_compare, snap_app(), size, run_before)


@SIZES
def test_step_summary_with_one_tip_opened(snap_compare, snap_app, size):
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        s = await start_session(pilot)
        fill_all(s)
        await show(pilot, s, "summary")
        first = s.query(TipRow).first()
        first.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert first.expanded

    check(snap_compare, snap_app(), size, run_before)


@SIZES
def test_confirm_before_finishing_a_nearly_empty_reflection(snap_compare, snap_app, size):
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        s = await start_session(pilot)
        s.flow.set_intake(title="Alleen een titel")
        await show(pilot, s, "summary")
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ConfirmDialog)

    check(snap_compare, snap_app(), size, run_before)


def test_home_under_no_color_shows_focus_by_shape(snap_compare, snap_app, monkeypatch):
    """NO_COLOR: the focused list has a heavy frame, the other a round one."""
    monkeypatch.setenv("NO_COLOR", "1")  # read (and removed) when the app is made

    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        assert pilot.app.no_color
        await settle(pilot)
        pilot.app.screen.query_one("#steps").focus()
        await settle(pilot)

    check(snap_compare, snap_app(with_journal=True), NARROW, run_before)


def test_step_lsd_under_no_color(snap_compare, snap_app, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")

    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        s = await start_session(pilot)
        fill_all(s)
        await show(pilot, s, "lsd:relaties:doorvragen")

    check(snap_compare, snap_app(), NARROW, run_before)
