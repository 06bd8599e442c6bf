"""Start-up: content may arrive after the first frame; the home screen fills in."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import CLOCK

from reflect_tui.core.content.layers import LoadResult
from reflect_tui.core.content.model import Content
from reflect_tui.core.journal.store import JournalStore
from reflect_tui.tui.app import ReflectApp
from reflect_tui.tui.screens.home import HomeBody, HomeScreen


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
