"""``n`` while another program holds the journal: a notice says so at once,
and the keys typed behind ``n`` never run as home-screen commands. Tester:
five silent seconds, then "...ti..." typed meanwhile opened the insights."""

from __future__ import annotations

import asyncio
import sqlite3

from textual import events
from tui_helpers import WIDE, notices, settle

from reflect_tui.tui import strings
from reflect_tui.tui.screens.home import HomeScreen
from reflect_tui.tui.screens.session import SessionScreen

WAIT_MS = 1500  # the app's busy timeout in these tests (5 s in use)


async def until(condition, rounds: int = 1000) -> None:
    """Wait until ``condition()`` holds (bounded, so a failure cannot hang).
    A plain sleep, not ``pilot.pause``: that waits for the app to be idle,
    which it is only once the wait for the journal is over."""
    for _ in range(rounds):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("condition never held")


def type_now(app, keys: str) -> None:
    """Keys as a fast typist's, arriving while the app is busy (``pilot.press``
    waits for each key to be handled before it sends the next)."""
    for key in keys:
        app.post_message(events.Key(key, key))


def hold_the_journal(path) -> sqlite3.Connection:
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # the writer's lock, as another program holds it
    return other


async def test_keys_behind_n_are_dropped_when_the_journal_stays_locked(seeded, make_app) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.store._conn.execute(f"PRAGMA busy_timeout = {WAIT_MS}")
        other = hold_the_journal(seeded)
        try:
            # The press returns once the app is idle again, after the wait.
            typing = asyncio.create_task(pilot.press("n"))
            await until(lambda: strings.JOURNAL_WAIT in notices(app))
            type_now(app, "tij")
            assert isinstance(app.screen, HomeScreen)  # the notice came during the wait
            assert not notices(app, "error")
            await typing
            assert notices(app, "error")
        finally:
            other.rollback()
            other.close()
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)  # not the insights ("i"), nor the journal
        assert app._held_keys is None
        assert strings.JOURNAL_WAIT not in notices(app)  # the wait is over
        assert any("bezet" in n for n in notices(app, "error"))


async def test_keys_behind_n_reach_the_session_when_the_lock_is_let_go(seeded, make_app) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.store._conn.execute("PRAGMA busy_timeout = 20000")
        other = hold_the_journal(seeded)
        try:
            typing = asyncio.create_task(pilot.press("n"))
            await until(lambda: strings.JOURNAL_WAIT in notices(app))
            type_now(app, "ti")
        finally:
            other.rollback()
            other.close()
        await typing
        await until(lambda: isinstance(app.screen, SessionScreen))
        await settle(pilot)
        assert strings.JOURNAL_WAIT not in notices(app)
        field = app.focused
        assert field is not None and getattr(field, "value", "").endswith("ti")
