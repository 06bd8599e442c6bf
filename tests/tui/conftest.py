"""Fixtures for the TUI tests: a real journal in a temp folder, built-in content,
a fixed clock and an app factory with blinking off."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from journal_fixtures.lookback import lookback_reflections
from tui_helpers import CLOCK

from reflect_tui.core.content.loader import load_builtin
from reflect_tui.core.content.model import Content
from reflect_tui.core.journal.store import JournalStore
from reflect_tui.core.paths import Locations
from reflect_tui.tui.app import ReflectApp
from reflect_tui.tui.factory import BuiltApp, build_app


@pytest.fixture(autouse=True)
def notices_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    """A notice raised in a test stays among the app's notifications until the
    test ends, instead of expiring after its timeout (3-10 s of wall time).

    Why: tests read the notices shown (``tui_helpers.notices``) after waiting
    for workers and keys; on a loaded machine that wait can outlast a short
    notice, which then was gone before the test looked. How long a notice
    shows is the app's choice and no test measures it by waiting.
    """
    from textual.notifications import Notification

    monkeypatch.setattr(Notification, "has_expired", property(lambda self: False))


@pytest.fixture(scope="session")
def content() -> Content:
    return load_builtin()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def journal_path(data_dir: Path) -> Path:
    return data_dir / "journal.sqlite3"


AppFactory = Callable[..., ReflectApp]


@pytest.fixture
def make_app(journal_path: Path, data_dir: Path, content: Content) -> Iterator[AppFactory]:
    """Build a ReflectApp on the temp journal with the app's own factory
    (``build_app``); what it holds open is closed afterwards."""
    built: list[BuiltApp] = []
    locations = Locations(data_dir=data_dir, config_dir=data_dir.parent / "config")
    assert locations.journal_path == journal_path

    def factory(**kwargs: object) -> ReflectApp:
        options: dict[str, object] = {"cursor_blink": False, "debounce": 0.05}
        options.update(kwargs)
        chosen = options.pop("content", content)  # a test may bring its own content
        one = build_app(locations, CLOCK, content=chosen, take_lock=False, **options)  # type: ignore[arg-type]
        built.append(one)
        return one.app

    yield factory
    for one in built:
        one.close(timeout=2)


@pytest.fixture
def read_journal(journal_path: Path) -> Iterator[Callable[[], JournalStore]]:
    """Open a fresh connection to check what really reached the disk."""
    opened: list[JournalStore] = []

    def opener() -> JournalStore:
        store = JournalStore.open(journal_path, CLOCK)
        opened.append(store)
        return store

    yield opener
    for store in opened:
        store.close()


def counter_ids(prefix: str = "5eed") -> Callable[[], str]:
    """A deterministic stand-in for ``new_reflection_id``: valid uuids from a counter."""
    counter = iter(range(1, 1_000_000))

    def next_id() -> str:
        n = next(counter)
        return f"{n:08x}-{prefix}-4000-8000-{n:012x}"

    return next_id


@pytest.fixture
def fixed_ids(monkeypatch: pytest.MonkeyPatch) -> Callable[[], str]:
    """Drafts created by the app get predictable ids (snapshots show them).

    The store makes drafts through ``records``, which imported
    ``new_reflection_id`` by name, so it is patched there.
    """
    next_id = counter_ids()
    monkeypatch.setattr("reflect_tui.core.journal.records.new_reflection_id", next_id)
    return next_id


@pytest.fixture
def seeded(journal_path: Path) -> Path:
    """The journal of ``journal_fixtures.lookback`` (the journal and insights
    screens' tests); a test module may seed its own under the same name."""
    with JournalStore.open(journal_path, CLOCK) as store:
        store.import_reflections(lookback_reflections())
    return journal_path
