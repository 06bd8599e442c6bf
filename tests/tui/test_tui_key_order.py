"""Keys pressed in a fast burst land where the user was, in order.

Textual forwards each key to the widget focused *when the app reads it*,
but a Tab or step key (alt+←/→) only acts once it has bubbled back up to
the screen. Without care, the keys right behind it went to the old field
(or a removed step) and were lost.
"""

from __future__ import annotations

from textual.widgets import Input
from tui_helpers import NARROW, WIDE, burst, session

from reflect_tui.tui.widgets.rating import RatingInput


async def test_keys_right_after_a_step_change_go_to_the_new_step(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        s = session(app)
        s.flow.go_to("closing")
        await s.show_step()
        await pilot.pause()
        # One burst: back to the Binnen step, then tick the 2nd and 3rd barrier.
        await burst(pilot, "alt+left", "down", "space", "down", "space")
        await pilot.pause()
        assert s.flow.current.key == "organisation"
        ids = [f.id for f in s.services.content.barriers]
        assert sorted(s.flow.reflection.barriers) == sorted(ids[1:3])


async def test_ratings_and_notes_in_a_fast_tab_burst_land_where_the_user_was(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        s = session(app)
        s.flow.go_to("principles")
        await s.show_step()
        await pilot.pause()
        principles = [p.id for p in s.services.content.principles]
        sentence = ["space" if c == " " else c for c in "Ik was open."]
        await burst(pilot, "3", "tab", *sentence)
        await burst(pilot, "tab", "2", "tab", "tab", "2", "tab", "tab", "4", "tab")
        await pilot.pause()
        got = [
            (s.flow.rating(p).rating, s.flow.rating(p).note) if s.flow.rating(p) else None
            for p in principles[:4]
        ]
        assert got == [(3, "Ik was open."), (2, ""), (2, ""), (4, "")]
        assert s.query_one(f"#rating-{principles[3]}", RatingInput).value == 4


async def test_tabbing_into_a_filled_field_never_replaces_its_text(make_app):
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("n")
        await pilot.pause()
        s = session(app)
        title = s.query_one("#title", Input)
        long = "Een lange titel over de buurtwinkel die niet op de eerste regel past, " * 2
        title.value = long
        s.set_focus(title)
        await pilot.pause()
        await burst(pilot, "home", "end")
        assert title.scroll_x > 0  # scrolled to the cursor at the end
        await burst(pilot, "tab")
        # Left: the field shows the start of its text again.
        assert title.scroll_x == 0
        await burst(pilot, "shift+tab", "x")
        assert title.value.startswith(long)
        assert "x" in title.value


async def test_a_title_typed_right_behind_n_lands_in_the_new_reflection(make_app):
    """Typing the title at once after ``n`` (a fast typist, a loaded machine).

    The session screen took up to 2.4 s to open on a loaded machine; the keys
    typed meanwhile went to the home screen, whose letters are commands: "t i"
    opened the insights, "d" ticked a next step done, and the title was lost.
    """
    from reflect_tui.tui.screens.home import HomeScreen
    from reflect_tui.tui.screens.session import SessionScreen

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        title = "Snelle titel vandaag"
        await burst(pilot, "n", *["space" if c == " " else c for c in title])
        for _ in range(20):
            await pilot.pause()
            if isinstance(app.screen, SessionScreen) and app.screen.flow.reflection.title:
                break
        assert isinstance(app.screen, SessionScreen)
        assert [type(s).__name__ for s in app.screen_stack] == ["HomeScreen", "SessionScreen"]
        assert app.screen.flow.reflection.title == title


async def test_keys_right_behind_j_go_to_the_journal_search(make_app):
    """The journal opens with its search field focused: a word typed right behind
    ``j`` is searched for, not run as home-screen commands."""
    from textual.widgets import Input

    from reflect_tui.tui.screens.journal import JournalScreen

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await burst(pilot, "j", "b", "o", "o", "m")
        for _ in range(20):
            await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        focused = app.focused
        assert isinstance(focused, Input) and focused.value == "boom"


async def test_enter_opens_a_new_reflection_after_coming_back_home(make_app):
    """Back on the home screen from the insights, "Nieuwe reflectie" has the focus
    again, so Enter starts a reflection (nothing had the focus, Enter did nothing)."""
    from textual.widgets import Button

    from reflect_tui.tui.screens.session import SessionScreen

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("escape")
        for _ in range(5):
            await pilot.pause()
        assert isinstance(app.focused, Button) and app.focused.id == "new"
        await pilot.press("enter")
        for _ in range(10):
            await pilot.pause()
        assert isinstance(app.screen, SessionScreen)


async def test_a_title_typed_right_behind_enter_on_the_new_button_lands_in_it(make_app):
    """Enter on "Nieuwe reflectie" acts through the button's Pressed message, a
    turn later than a key binding: the title typed behind it waits for that too
    (it went to the home screen, where 'd' ticks a step done and 'i' opens the
    insights; seen in tmux as the title 'nzichten' for 'Na de inzichten')."""
    from reflect_tui.tui.screens.session import SessionScreen

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        for _ in range(3):
            await pilot.pause()
        assert app.focused is not None and app.focused.id == "new"
        title = "Na de inzichten"
        await burst(pilot, "enter", *["space" if c == " " else c for c in title])
        for _ in range(20):
            await pilot.pause()
        assert [type(s).__name__ for s in app.screen_stack] == ["HomeScreen", "SessionScreen"]
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.flow.reflection.title == title
