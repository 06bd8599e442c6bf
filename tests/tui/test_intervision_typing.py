"""Intervision: what the note-taker and the closing round type is never lost (tester, issue 11).

Findings: the hint said "v, vraag typen, Enter", so a second ``v`` became the
first letter of the next question; in the closing round an evaluation typed
into the one-character rating field was cut to a letter, a toast said so and
``n`` went on without it; Enter on the step's date sent the focus back up.
"""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input
from tui_helpers import drain, record_notices
from tui_helpers import type_text as type_keys

from reflect_tui.core.intervision.outcome import summary_markdown
from reflect_tui.tui import strings
from reflect_tui.tui.app import ReflectApp
from reflect_tui.tui.screens.intervision import ConductorScreen
from reflect_tui.tui.screens.intervision_review import ReviewScreen


async def press(pilot: Pilot[int], *keys: str) -> None:
    """Each key handled, and all it set off, before the next (a loaded machine fakes idle)."""
    for key in keys:
        await pilot.press(key)
        await drain(pilot)


async def type_text(pilot: Pilot[int], text: str) -> None:
    await type_keys(pilot, text)
    await drain(pilot)


async def start(pilot: Pilot[int]) -> ConductorScreen:
    app = pilot.app
    await pilot.pause()
    await press(pilot, "g")
    app.screen.query_one("#iv-methods").focus()
    await press(pilot, "enter")
    screen = app.screen
    assert isinstance(screen, ConductorScreen)
    return screen


async def to_closing(pilot: Pilot[int]) -> ConductorScreen:
    screen = await start(pilot)
    while not screen.meeting.runner.plan.closing:
        await press(pilot, "n")
    return screen


def focused_id(app: ReflectApp) -> str | None:
    return app.focused.id if app.focused is not None else None


async def test_questions_one_after_another_with_enter_between(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        while not screen.meeting.runner.plan.questions:
            await press(pilot, "n")
        field = screen.query_one("#iv-question", Input)
        assert field.placeholder == strings.IV_QUESTION_PLACEHOLDER
        await press(pilot, "v")
        await type_text(pilot, "Wat zei de wethouder?")
        await press(pilot, "enter")
        # The field stays open and says the next question can be typed at once.
        assert app.focused is field and field.value == ""
        assert field.placeholder == strings.IV_QUESTION_NEXT_PLACEHOLDER
        await type_text(pilot, "Wie was erbij?")
        await press(pilot, "enter")
        # Typed, not yet added: leaving the round keeps it.
        await type_text(pilot, "En toen?")
        await press(pilot, "escape", "n")
        assert [q.text for q in screen.meeting.questions] == [
            "Wat zei de wethouder?",
            "Wie was erbij?",
            "En toen?",
        ]


async def test_an_evaluation_typed_in_the_rating_field_stays_and_stops_the_round(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    sent = record_notices(app)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await to_closing(pilot)
        screen.query_one("#iv-step", Input).focus()
        await type_text(pilot, "Wethouder bellen")
        await press(pilot, "tab")
        await type_text(pilot, "15-12-2026")
        await press(pilot, "enter")
        assert [s.text for s in screen.meeting.steps] == ["Wethouder bellen"]
        step = screen.query_one("#iv-step", Input)
        assert app.focused is step and step.placeholder == strings.IV_CLOSING_MORE_PLACEHOLDER
        # As the tester did: two Tabs, thinking the date field was still focused.
        await press(pilot, "tab", "tab")
        assert focused_id(app) == "iv-rating"
        evaluation = "Goede sfeer, strakke tijd"
        await type_text(pilot, evaluation)
        rating = screen.query_one("#iv-rating", Input)
        assert rating.value == evaluation  # once cut to "G"
        assert sent.count(strings.IV_BAD_RATING) == 1  # once, not at every key
        await press(pilot, "escape", "n")
        assert app.screen is screen  # not on to the review, nothing dropped
        assert strings.IV_BAD_RATING_KEPT in sent
        assert app.focused is rating and rating.value == evaluation
        rating.value = ""
        await type_text(pilot, "4")
        await press(pilot, "enter")
        assert focused_id(app) == "iv-evaluation"
        await type_text(pilot, evaluation)
        await press(pilot, "enter")
        assert app.focused is None
        await press(pilot, "n")
        assert isinstance(app.screen, ReviewScreen)
        markdown = summary_markdown(screen.meeting, pseudonymise=False).markdown
        assert "4 van 5" in markdown and evaluation in markdown


async def test_enter_on_an_empty_field_moves_forward_and_typed_text_is_kept(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    sent = record_notices(app)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await to_closing(pilot)
        screen.query_one("#iv-lesson", Input).focus()
        await type_text(pilot, "Eerst luisteren")
        await press(pilot, "enter")
        assert focused_id(app) == "iv-lesson"
        await press(pilot, "enter")
        assert focused_id(app) == "iv-step"
        await press(pilot, "enter")
        assert focused_id(app) == "iv-rating"
        # A lesson and a step typed without Enter are kept when the round is left.
        screen.query_one("#iv-lesson", Input).focus()
        await type_text(pilot, "Tijd bewaken")
        screen.query_one("#iv-step", Input).focus()
        await type_text(pilot, "Verslag sturen")
        await press(pilot, "tab")
        await type_text(pilot, "morgen?")
        await press(pilot, "escape", "n")
        assert app.screen is screen  # a date it cannot read stops the move
        assert focused_id(app) == "iv-due"
        assert strings.IV_BAD_DATE in sent
        screen.query_one("#iv-due", Input).value = ""
        await press(pilot, "escape", "n")
        assert isinstance(app.screen, ReviewScreen)
        assert screen.meeting.lessons == ["Eerst luisteren", "Tijd bewaken"]
        assert [s.text for s in screen.meeting.steps] == ["Verslag sturen"]
