"""Start-up: content may arrive after the first frame; the home screen fills in."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from test_snapshots import seed
from tui_helpers import CLOCK, wait_until

from reflect_tui.core.content.layers import LoadResult
from reflect_tui.core.content.model import Content
from reflect_tui.core.journal.store import JournalStore
from reflect_tui.tui.app import ReflectApp
from reflect_tui.tui.screens.home import HomeBody, HomeScreen
from reflect_tui.tui.widgets.tip_card import TipCard


async def test_pending_content_loads_once_shows_its_notices_and_n_works(
    journal_path: Path, data_dir: Path, content: Content
) -> None:
    calls: list[int] = []

    def loader() -> LoadResult:
        calls.append(1)
        return LoadResult(content, ("inhoudslaag org overgeslagen: kapot",))

    store = JournalStore.open(journal_path, CLOCK)
    app = ReflectApp(
        store,
        None,
        CLOCK,
        load_content=loader,
        exports_dir=data_dir / "exports",
        cursor_blink=False,
    )
    shown: list[str] = []
    notify = app.notify

    def recording(message: str, *args: object, **kwargs: object) -> None:
        shown.append(message)
        notify(message, *args, **kwargs)  # type: ignore[arg-type]

    app.notify = recording  # type: ignore[method-assign]
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, HomeScreen)
            # The lists come after the first frame, the content from a worker after them.
            await wait_until(pilot, lambda: screen.query_one(HomeBody).filled and shown)
            assert screen.query_one(HomeBody).filled  # the lists were added
            assert calls == [1]  # loaded for the home screen's learning suggestions
            assert app.content is content
            assert calls == [1]  # and only once
            assert "inhoudslaag org overgeslagen: kapot" in shown
            assert app.notices == ("inhoudslaag org overgeslagen: kapot",)
            await pilot.press("n")
            await pilot.pause()
            assert type(app.screen).__name__ == "SessionScreen"
    finally:
        app.saver.close(timeout=2)
        store.close()


def test_an_app_needs_content_or_a_loader(journal_path: Path) -> None:
    with JournalStore.open(journal_path, CLOCK) as store, pytest.raises(ValueError):
        ReflectApp(store, None, CLOCK)


async def test_the_lists_come_without_waiting_for_the_content(
    journal_path: Path, data_dir: Path, content: Content
) -> None:
    """Next steps and recent reflections need only the journal: they are on the
    screen while the content (which the learning suggestions need) still
    loads; the suggestions then take their place between the two lists.
    (They all came from one worker, after the content: ~280 ms late.)"""
    release = threading.Event()

    def loader() -> LoadResult:
        release.wait(10)
        return LoadResult(content, ())

    store = JournalStore.open(journal_path, CLOCK)
    seed(store)
    app = ReflectApp(
        store,
        None,
        CLOCK,
        load_content=loader,
        exports_dir=data_dir / "exports",
        cursor_blink=False,
    )
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            body = app.screen.query_one(HomeBody)
            assert body.query("#steps")
            assert body.query("#recent")
            assert not body.query(TipCard)  # the content is still loading
            release.set()
            await wait_until(pilot, lambda: body.query(TipCard))
            order = [child.id or type(child).__name__ for child in body.children]
            assert order.index("steps") < order.index("TipCard") < order.index("recent")
    finally:
        release.set()
        app.saver.close(timeout=2)
        store.close()


def test_the_lists_without_suggestions_never_import_the_tip_card(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The frame that draws the lists shows no tip (the suggestions come
    later, from a worker); importing the tip card there (the coach's reasons
    and the content model, ~70 M instructions) held the lists back. With the
    module made unimportable, the sections without suggestions still build."""
    import sys

    monkeypatch.setitem(sys.modules, "reflect_tui.tui.widgets.tip_card", None)
    body = HomeBody()
    body.learning = []
    assert list(body._learning_section()) == []


async def test_a_resize_to_the_same_size_does_not_lay_out_the_home_screen_again(
    journal_path: Path, data_dir: Path, content: Content
) -> None:
    """Textual sends the screen Resize events with the unchanged terminal size
    right after the first frame; each laid the whole screen out again before
    the lists could come. Those are skipped; a real resize is laid out."""
    from textual import events
    from textual.geometry import Size

    store = JournalStore.open(journal_path, CLOCK)
    seed(store)
    app = ReflectApp(store, content, CLOCK, exports_dir=data_dir / "exports", cursor_blink=False)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, HomeScreen)
            assert screen.query_one(HomeBody).query("#steps")
            laid_out: list[Size] = []
            original = screen._screen_resized

            def recording(size: Size) -> None:
                laid_out.append(size)
                original(size)

            screen._screen_resized = recording  # type: ignore[method-assign]
            screen.post_message(events.Resize(Size(100, 30), Size(100, 30)))
            await pilot.pause()
            await pilot.pause(0.05)
            assert laid_out == []
            await pilot.resize_terminal(80, 24)
            # The app passes a resize on from a short timer.
            await wait_until(pilot, lambda: Size(80, 24) in laid_out)
            assert Size(80, 24) in laid_out
            assert screen.outer_size == Size(80, 24)
    finally:
        app.saver.close(timeout=2)
        store.close()
