"""A worker's answer that reaches a screen while the app closes is dropped.

CI once failed on a journal test: a detail pane's text arrived (through
``call_from_thread``) while Textual's shutdown was removing the screen's
widgets. The screen was still in the stack then, so the guard let the answer
through, ``query_one('#journal-markdown')`` raised ``NoMatches`` and the app
ended with a crash report. These tests put an answer in exactly that moment.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.app import App
from tui_helpers import WIDE, open_journal, settle

from reflect_tui.tui.screens.insights import InsightsScreen


def answer_during_shutdown(app: App[object], answer: Callable[[], Awaitable[None]]) -> list[str]:
    """Run ``answer`` where Textual's shutdown is: not running any more, every
    screen still in its stack. Returns a list that says whether it ran."""
    ran: list[str] = []
    close_all = app._close_all

    async def close_all_after_answer() -> None:
        assert not app.is_running
        await answer()
        ran.append("answered")
        await close_all()

    app._close_all = close_all_after_answer  # type: ignore[method-assign]
    return ran


async def test_a_late_detail_text_is_dropped_while_the_app_closes(seeded, make_app) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_journal(pilot)
        await settle(pilot)

        async def answer() -> None:
            # Textual removes the widgets before the screen leaves the stack.
            await screen.query_one("#journal-main").remove()
            screen._show_detail_text("te laat")
            screen._show_count(screen._generation, 3)
            screen._set_tags(["laat"])

        ran = answer_during_shutdown(app, answer)
    assert ran == ["answered"]
    assert app.return_code in (None, 0)


async def test_late_insights_are_dropped_while_the_app_closes(seeded, make_app) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("i")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InsightsScreen)
        result = screen.result

        async def answer() -> None:
            await screen.query_one("#insights-body").remove()
            assert result is not None
            screen._show(result)
            screen._failed("te laat")

        ran = answer_during_shutdown(app, answer)
    assert ran == ["answered"]


def answer_after_the_screens_closed(
    app: App[object], answer: Callable[[], Awaitable[None]]
) -> list[str]:
    """Run ``answer`` where Textual's shutdown has closed every screen and
    emptied the stack, while the app's own queue and workers still run."""
    ran: list[str] = []
    close_all = app._close_all

    async def close_all_then_answer() -> None:
        await close_all()
        assert not app.is_running
        await answer()
        ran.append("answered")

    app._close_all = close_all_then_answer  # type: ignore[method-assign]
    return ran


async def test_keys_held_behind_an_ordered_key_are_dropped_once_the_screens_closed(
    make_app,
) -> None:
    """The release of keys held behind Tab (``ReflectApp._release_after_widget``,
    a worker) can come after the shutdown emptied the screen stack; asking for
    the screen then raised ScreenStackError and the test run failed."""
    from textual import events

    from reflect_tui.tui.key_order import OrderedKey

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        home = app.screen

        async def answer() -> None:
            app._held_keys = [events.Key("x", "x")]
            await app._release_held_keys(home)
            assert app._held_keys is None
            app._held_keys = []
            await app.on_ordered_key(OrderedKey(events.Key("tab", None)))
            assert app._held_keys is None

        ran = answer_after_the_screens_closed(app, answer)
    assert ran == ["answered"]


async def test_a_late_similar_cases_notice_is_dropped_while_the_app_closes(make_app) -> None:
    """The similar-cases worker hands its notice to ``notify_on`` through
    ``call_from_thread``; arriving after the shutdown emptied the screen stack,
    ``notify_on`` asked for the current screen and raised ScreenStackError."""
    from reflect_tui.tui.screen_notices import notify_on

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen

        async def answer() -> None:
            notify_on(screen, "te laat")

        ran = answer_after_the_screens_closed(app, answer)
    assert ran == ["answered"]
    assert "te laat" not in [n.message for n in app._notifications]
