"""Intervision in the TUI: the conductor on a hand-moved clock, harvesting, closing, saving.

The app gets its own ``FixedClock``; the test moves it and asks the screen
to read the runner (``refresh_timer``), so warnings and overruns happen
exactly when the clock says, without waiting for real time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Digits, Input, SelectionList, Static
from tui_helpers import WIDE, drain, notices, record_notices, type_text, visible_text, wait_until

from reflect_tui.core.clock import FixedClock
from reflect_tui.core.content.model import Content
from reflect_tui.core.journal.store import JournalStore
from reflect_tui.core.paths import Locations
from reflect_tui.tui import strings
from reflect_tui.tui.app import ReflectApp
from reflect_tui.tui.factory import BuiltApp, build_app
from reflect_tui.tui.screens.intervision import ConductorScreen, QuestionList, RoundBody
from reflect_tui.tui.screens.intervision_review import ReviewScreen
from reflect_tui.tui.screens.intervision_setup import IntervisionSetupScreen

START = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def locations(tmp_path: Path) -> Locations:
    return Locations(data_dir=tmp_path / "data", config_dir=tmp_path / "config")


@pytest.fixture
def iv_app(
    locations: Locations, clock: FixedClock, content: Content
) -> Iterator[Callable[[], ReflectApp]]:
    built: list[BuiltApp] = []

    def factory() -> ReflectApp:
        one = build_app(
            locations, clock, content=content, take_lock=False, cursor_blink=False, debounce=0.05
        )
        built.append(one)
        return one.app

    yield factory
    for one in built:
        one.close(timeout=2)


def conductor(app: ReflectApp) -> ConductorScreen:
    screen = app.screen
    assert isinstance(screen, ConductorScreen), screen
    return screen


def text_of(app: ReflectApp, selector: str) -> str:
    return visible_text(app.screen.query_one(selector, Static))


async def tick(pilot: Pilot[int], clock: FixedClock, seconds: float) -> ConductorScreen:
    clock.moment += timedelta(seconds=seconds)
    screen = conductor(pilot.app)  # type: ignore[arg-type]
    screen.refresh_timer()
    await pilot.pause()
    return screen


def digits(app: ReflectApp) -> str:
    return app.screen.query_one("#iv-digits", Digits).value


async def press(pilot: Pilot[int], *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


async def fill(pilot: Pilot[int], selector: str, text: str) -> None:
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    await pilot.pause()
    await type_text(pilot, text[:2])
    field.insert_text_at_cursor(text[2:])
    await press(pilot, "enter")


async def test_incident_method_end_to_end(
    iv_app: Callable[[], ReflectApp], clock: FixedClock, locations: Locations
) -> None:
    app = iv_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await press(pilot, "g")
        setup = app.screen
        assert isinstance(setup, IntervisionSetupScreen)
        setup.query_one("#iv-role-casusinbrenger", Input).value = "Anna"
        setup.query_one("#iv-case", Input).value = "Boze buurman Kees Mulder"
        setup.query_one("#iv-methods").focus()
        await press(pilot, "enter")

        screen = conductor(app)
        assert "Ronde 1 van 8 · Incident kiezen" in text_of(app, "#iv-round")
        assert digits(app) == "5:00"

        # A gentle warning one minute before the end, once.
        await tick(pilot, clock, 4 * 60)
        assert text_of(app, "#iv-state") == strings.IV_STATE_WARNING
        assert screen.query_one("#iv-stage").has_class("-bijna")
        assert notices(app).count(strings.IV_WARNING_NOTICE) == 1
        # Overrun is visible: the clock counts up with a plus, the state says so.
        await tick(pilot, clock, 75)
        assert digits(app) == "+0:15"
        assert text_of(app, "#iv-state") == strings.IV_STATE_OVER.format(over="0:15")
        assert screen.query_one("#iv-stage").has_class("-over")
        assert strings.IV_OVER_NOTICE in notices(app)
        # Extend: a minute more, back to the warning.
        await press(pilot, "plus")
        assert digits(app) == "0:45"
        # Pause: time stands still.
        await press(pilot, "space")
        await tick(pilot, clock, 300)
        assert digits(app) == "0:45" and text_of(app, "#iv-state") == strings.IV_STATE_PAUSED
        await press(pilot, "space")

        # Next, skip, back (the round's clock goes on), next.
        await press(pilot, "n")
        assert "Incident vertellen" in text_of(app, "#iv-round")
        assert "De casusinbrenger (Anna)" in text_of(app, "#iv-speaker")
        assert text_of(app, "#iv-roles") == "Rollen: casusinbrenger Anna"
        await tick(pilot, clock, 30)
        await press(pilot, "s")
        assert "Informatieve vragen" in text_of(app, "#iv-round")
        assert "Alleen feitelijke vragen" in text_of(app, "#iv-rule")
        await press(pilot, "b")
        assert "Incident vertellen" in text_of(app, "#iv-round")
        assert digits(app) == "4:30"
        await press(pilot, "n")

        # Harvest: the note-taker types, the case-bringer marks.
        await press(pilot, "v")
        await fill(pilot, "#iv-question", "Wat zei Kees Mulder precies?")
        await fill(pilot, "#iv-question", "Wie was er nog meer bij?")
        await press(pilot, "escape")
        questions = screen.query_one(QuestionList)
        questions.focus()
        questions.highlighted = 0
        await press(pilot, "w")
        questions.highlighted = 1
        await press(pilot, "minus")
        assert [q.mark for q in screen.meeting.questions] == ["warm", "koud"]
        assert "Vragen van de groep (2)" in text_of(app, "#iv-questions-title")

        await press(pilot, "escape")  # leave the list, keys go to the screen again
        await press(pilot, "n", "n", "n", "n", "n")
        assert "Ronde 8 van 8 · Afsluiting" in text_of(app, "#iv-round")
        await fill(pilot, "#iv-lesson", "Eerst vragen wat iemand nodig heeft")
        app.screen.query_one("#iv-due", Input).value = "8-12-2026"
        await fill(pilot, "#iv-step", "Kees Mulder terugbellen")
        app.screen.query_one("#iv-rating", Input).value = "4"
        app.screen.query_one("#iv-evaluation", Input).value = "Goede vragen"
        await pilot.pause()
        meeting = screen.meeting
        assert meeting.lessons == ["Eerst vragen wat iemand nodig heeft"]
        assert [(s.text, s.due) for s in meeting.steps] == [
            ("Kees Mulder terugbellen", date(2026, 12, 8))
        ]
        assert (meeting.rating, meeting.evaluation) == (4, "Goede vragen")
        await press(pilot, "escape", "n")

        # The review: nothing written yet, the preview is pseudonymised.
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert not locations.exports_dir.exists()
        preview = text_of(app, "#iv-preview")
        assert "Mulder" not in preview and "Anna" not in preview
        assert "[warm] Wat zei buurman A precies?" in preview
        assert "Vervangen: 3 namen." in preview
        await press(pilot, "e")
        (summary_file,) = locations.exports_dir.glob("*.md")
        assert summary_file.name == "2026-12-01-intervisie-incidentmethode.md"
        assert summary_file.stat().st_mode & 0o777 == 0o600
        assert "Mulder" not in summary_file.read_text(encoding="utf-8")
        await press(pilot, "j")
        (reflection_file,) = locations.exports_dir.glob("*.json")
        assert '"case_kind": "intervisie"' in reflection_file.read_text(encoding="utf-8")
        await press(pilot, "r")
        await press(pilot, "escape")
        assert not isinstance(app.screen, ReviewScreen)

        # The case-bringer's reflection is in the journal; next time its steps come first.
        store = JournalStore.open(locations.journal_path, clock)
        try:
            (summary,) = store.list()
            assert summary.case_kind == "intervisie"
            saved = store.get(summary.id)
            assert "[warm] Wat zei Kees Mulder precies?" in saved.notes
        finally:
            store.close()
        await press(pilot, "g")
        assert "Kees Mulder terugbellen" in text_of(app, "#iv-previous")


async def test_r_twice_saves_one_reflection_and_the_top_line_says_what_is_saved(
    iv_app: Callable[[], ReflectApp], clock: FixedClock, locations: Locations
) -> None:
    """Tester: ``r`` twice gave two identical rows in ``reflect list``, and the top of the
    screen still said nothing was saved after "Reflectie bewaard in je eigen dagboek."."""
    app = iv_app()
    sent = record_notices(app)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await press(pilot, "g")
        app.screen.query_one("#iv-case", Input).value = "Klacht van de buurman"
        app.screen.query_one("#iv-methods").focus()
        await press(pilot, "enter")
        screen = conductor(app)
        screen.meeting.add_lesson("Eerst luisteren")
        screen._finish()
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert text_of(app, "#iv-saved") == strings.IV_REVIEW_NOTHING_YET
        await press(pilot, "r")
        await drain(pilot)
        assert text_of(app, "#iv-saved") == strings.IV_REVIEW_SAVED.format(
            what=strings.IV_REVIEW_SAVED_REFLECTION
        )
        await press(pilot, "r")
        await drain(pilot)
        assert sent.count(strings.IV_REFLECTION_SAVED) == 1
        assert strings.IV_REFLECTION_ALREADY_SAVED in sent
        await press(pilot, "j")
        await drain(pilot)
        assert text_of(app, "#iv-saved") == strings.IV_REVIEW_SAVED.format(
            what=f"{strings.IV_REVIEW_SAVED_REFLECTION} en {strings.IV_REVIEW_SAVED_FILE}"
        )
    store = JournalStore.open(locations.journal_path, clock)
    try:
        (row,) = store.list()
        assert row.title == "Intervisie (Incidentmethode): Klacht van de buurman"
    finally:
        store.close()
    # The file for the case-bringer is the same reflection (same id), not a third one.
    (reflection_file,) = locations.exports_dir.glob("*.json")
    assert row.id in reflection_file.read_text(encoding="utf-8")


async def test_roddelmethode_runs_and_leaves_nothing_behind(
    iv_app: Callable[[], ReflectApp], clock: FixedClock, locations: Locations
) -> None:
    app = iv_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        app.action_intervision()
        await pilot.pause()
        app.screen.query_one("#iv-methods").focus()
        await press(pilot, "down", "enter")
        names = []
        screen = conductor(app)
        while not isinstance(app.screen, ReviewScreen):
            names.append(screen.meeting.runner.plan.name)
            await tick(pilot, clock, screen.meeting.runner.plan.minutes * 60 + 5)
            assert digits(app) == "+0:05"
            if screen.meeting.runner.plan.name == "Roddelen":
                await press(pilot, "f")
                assert screen.has_class("projector")
                assert (
                    not screen.query_one(RoundBody).display
                    or screen.query_one(RoundBody).styles.display == "none"
                )
                await press(pilot, "f")
            await press(pilot, "n")
        assert names == [
            "Casus inbrengen",
            "Verhelderende vragen",
            "Roddelen",
            "Reactie van de inbrenger",
            "Gesprek",
            "Afronding",
            "Afsluiting",
        ]
        # Closing without saving asks once more, then writes nothing at all.
        await press(pilot, "escape")
        assert isinstance(app.screen, ReviewScreen)
        await press(pilot, "escape")
        assert not isinstance(app.screen, ReviewScreen)
        assert strings.IV_NOTHING_SAVED in notices(app)
    assert not locations.exports_dir.exists()
    store = JournalStore.open(locations.journal_path, clock)
    try:
        assert store.count() == 0
    finally:
        store.close()


async def test_palette_and_command_line_open_intervision(
    iv_app: Callable[[], ReflectApp],
) -> None:
    from reflect_tui.cli.parser import build_parser
    from reflect_tui.cli.tui_cmd import run_tui

    args = build_parser().parse_args(["intervisie"])
    assert (args.handler, args.start) == (run_tui, "intervisie")
    app = iv_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert strings.CMD_INTERVISION in titles
    started = build_app_with_start(iv_app)
    async with started.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(started.screen, IntervisionSetupScreen)


def build_app_with_start(iv_app: Callable[[], ReflectApp]) -> ReflectApp:
    """The app as ``reflect intervisie`` makes it: start on the intervision setup."""
    app = iv_app()
    app._start = "intervisie"
    return app


async def test_letters_typed_in_closing_fields_never_act_as_round_keys(
    iv_app: Callable[[], ReflectApp],
) -> None:
    """n/s/b/f/v typed into a field are text, not next/skip/back/projector (tester, 80x24)."""
    app = iv_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, "g")
        setup = app.screen
        assert isinstance(setup, IntervisionSetupScreen)
        setup.query_one("#iv-methods").focus()
        await press(pilot, "enter")
        screen = conductor(app)
        for _ in range(len(screen.meeting.runner.rounds) - 1):
            await press(pilot, "n")
        assert screen.meeting.runner.plan.closing
        # As a person does it: Tab into the field (the first Tab once landed on
        # the scrolling body, so the sentence's letters skipped and left rounds).
        await press(pilot, "tab")
        assert app.focused is screen.query_one("#iv-lesson", Input)
        await type_text(pilot, "Vooraf [b]rollen[/b] afspreken, niet snel bijsturen")
        await press(pilot, "enter")
        assert app.screen is screen and not screen.has_class("projector")
        assert screen.meeting.lessons == ["Vooraf [b]rollen[/b] afspreken, niet snel bijsturen"]
        assert not any(log.skipped for log in screen.meeting.runner.log())
        # Typing in the question field of a question round is text as well.
        await press(pilot, "escape")
        while not screen.meeting.runner.plan.questions:
            await press(pilot, "b")
        screen.set_focus(None)
        await press(pilot, "tab")
        assert app.focused is screen.query_one("#iv-question", Input)
        index = screen.meeting.runner.index
        await type_text(pilot, "Wat wil je nu bereiken?")
        await press(pilot, "enter")
        assert screen.meeting.runner.index == index
        assert [q.text for q in screen.meeting.questions] == ["Wat wil je nu bereiken?"]


async def test_after_esc_one_tab_reaches_the_questions_from_the_first(
    iv_app: Callable[[], ReflectApp],
) -> None:
    """Tester: after Esc, Tab went back into the question field ("wlkw" typed there), and
    rating started at the newest question. The hint says: Esc, then Tab to pick a question."""
    app = iv_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await press(pilot, "g")
        app.screen.query_one("#iv-methods").focus()
        await press(pilot, "enter")
        screen = conductor(app)
        while not screen.meeting.runner.plan.questions:
            await press(pilot, "n")
        await press(pilot, "v")
        for question in ("Wat zei hij?", "Wie was erbij?", "Wat wil je?"):
            await type_text(pilot, question)
            await press(pilot, "enter")
        await press(pilot, "escape", "tab")
        assert app.focused is screen.query_one(QuestionList)
        await press(pilot, "w", "down", "l", "down", "k")
        assert [q.mark for q in screen.meeting.questions] == ["warm", "lauw", "koud"]
        assert screen.query_one("#iv-question", Input).value == ""


@pytest.mark.parametrize("size", [(120, 100), (80, 24)])
async def test_review_shows_every_finding_and_how_many(
    iv_app: Callable[[], ReflectApp], size: tuple[int, int]
) -> None:
    """Tester: 13 findings, a box of 8 rows, no count: 5 replaced without anyone seeing them."""
    app = iv_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await press(pilot, "g")
        app.screen.query_one("#iv-methods").focus()
        await press(pilot, "enter")
        screen = conductor(app)
        names = ["Kees Mulder", "Anja Bakker", "Henk Jansen", "Noor Bos", "Tom Visser"]
        names += ["Gerrit Smit", "Lotte de Graaf", "Fatima Amrani", "Jeroen Willems"]
        for i, name in enumerate(names):
            screen.meeting.add_lesson(f"Met {name} van de Kerkstraat {i + 1} praten")
        screen.meeting.add_step("Bel 06-12345678 of mail a.bakker@example.nl")
        screen.meeting.add_step("Mevrouw Prins terugbellen")
        screen._finish()
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        count = len(review.first.findings)
        assert count >= 13
        findings = review.query_one("#iv-findings", SelectionList)
        assert findings.option_count == count
        if size[1] >= count + 20:
            assert findings.content_region.height >= count  # every row on screen, none hidden
        else:  # a small window: the list fills it and says there is more
            assert findings.content_region.height >= size[1] - 8
            assert findings.show_vertical_scrollbar
        label = visible_text(review.query_one("#iv-findings-title", Static))
        assert f"{count} persoonsgegevens gevonden" in label


def test_method_row_counts_the_rounds_the_conductor_shows(content: Content) -> None:
    """The set-up list says as many rounds as "Ronde n van N" will (Afsluiting included)."""
    from reflect_tui.core.intervision.runner import plan_rounds
    from reflect_tui.tui.screens.intervision_setup import method_row

    for method in content.intervision_methods:
        plans = plan_rounds(method)
        minutes = sum(p.minutes for p in plans)
        assert f"· {len(plans)} rondes · {minutes} min" in method_row(method)


async def test_setup_opens_at_the_top_at_80x24(iv_app: Callable[[], ReflectApp]) -> None:
    """Tester: the set-up opened scrolled past its "Methode" heading."""
    from textual.containers import VerticalScroll

    app = iv_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, "g")
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, IntervisionSetupScreen)
        assert setup.query_one("#iv-setup", VerticalScroll).scroll_y == 0
        assert app.focused is setup.query_one("#iv-methods")


async def test_keys_typed_right_after_tab_land_in_the_new_field_in_order(
    iv_app: Callable[[], ReflectApp],
) -> None:
    """Tester: Tabs and at once the case, Tab and two names: the case kept
    only its tail and a name landed in it (keys went to the field being left)."""
    from textual import events

    app = iv_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, "g")
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, IntervisionSetupScreen)
        case = "Buurman de boos, 06-12345678"
        keys = ["tab", "tab", *case, "tab", *"Fatima", "tab", *"Pieter"]
        for key in keys:
            character = key if len(key) == 1 else None
            name = {" ": "space", ",": "comma", "-": "minus"}.get(key, key)
            app.post_message(events.Key(name, character))
        fields = [w for w in setup.query(Input) if w.id and w.id.startswith("iv-role-")]
        typed = [setup.query_one("#iv-case", Input), *fields[:2]]
        # Every character reached some field (on a loaded machine that takes a while).
        await wait_until(pilot, lambda: sum(len(f.value) for f in typed) >= len(case) + 12)
        assert setup.query_one("#iv-case", Input).value == case
        assert [f.value for f in fields[:2]] == ["Fatima", "Pieter"]
