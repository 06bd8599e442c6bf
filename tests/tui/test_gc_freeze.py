"""The start-up runs without the cyclic collector; once the first screen is
complete, what it made is frozen out of the collector's sight and the
collector comes on.

Why it matters: without the freeze each full collection walked every module
and widget again while the user typed (typing CPU 1.28-1.35x a bare app; with
it 1.07x). Without the collector during the start-up, its passes over
objects that all live on (and are frozen anyway) no longer delay the home
screen's lists (issue 12: ~25 M instructions of the 50k home lists' start).
"""

from __future__ import annotations

import gc
import io
from collections.abc import Iterator

import pytest
from tui_helpers import settle


@pytest.fixture
def fresh_gc() -> Iterator[None]:
    """The process is shared with other tests: nothing frozen before, collector on after."""
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    try:
        yield
    finally:
        gc.enable()
        gc.unfreeze()


async def test_start_up_objects_are_frozen_after_the_first_frame(make_app, fresh_gc) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert gc.get_freeze_count() > 0


async def test_the_collector_comes_on_once_the_home_lists_are_drawn(
    make_app, journal_path, fresh_gc
) -> None:
    from journal_fixtures.helpers import open_store, sample_reflection

    from reflect_tui.tui.screens.home import HomeBody

    with open_store(journal_path.parent) as store:
        store.import_reflections([sample_reflection()])
    gc.disable()  # as ``launch`` leaves it
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(HomeBody).query("#recent")  # the lists are there
        assert app.started_up
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0


async def test_another_first_screen_turns_the_collector_on_too(make_app, fresh_gc) -> None:
    from reflect_tui.tui.screens.intervision_setup import IntervisionSetupScreen

    gc.disable()
    app = make_app(start="intervisie")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, IntervisionSetupScreen)
        assert gc.isenabled()


def test_launch_starts_without_the_collector_and_always_turns_it_on_again(
    tmp_path, monkeypatch, fresh_gc
) -> None:
    from reflect_tui.core.errors import ReflectError
    from reflect_tui.tui import launch as launch_module

    seen: list[bool] = []

    def build_app(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        raise ReflectError("kapot")

    monkeypatch.setattr("reflect_tui.tui.factory.build_app", build_app)
    from reflect_tui.core.clock import SystemClock
    from reflect_tui.core.paths import Locations

    locations = Locations(data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    err = io.StringIO()
    assert launch_module.launch(locations, SystemClock(), stderr=err) == 1
    assert seen == [False]
    assert gc.isenabled()


def test_the_passphrase_dialog_is_collected_before_the_app_starts(
    tmp_path, monkeypatch, fresh_gc
) -> None:
    """Its widgets (cycles) would otherwise be frozen with the start-up's objects for good."""
    import weakref

    from reflect_tui.core.journal import keys
    from reflect_tui.tui import launch as launch_module

    made: list[weakref.ref[object]] = []

    class Dialog:
        def __init__(self, journal: object) -> None:
            self.me = self  # a cycle: only the collector frees it
            self.message = "geweigerd"
            made.append(weakref.ref(self))

        def run(self) -> bool:
            return False

    monkeypatch.setattr("reflect_tui.tui.dialogs.passphrase.PassphraseApp", Dialog)
    monkeypatch.setattr(keys, "registered", lambda journal: None)
    monkeypatch.setattr(keys, "journal_is_encrypted", lambda journal: True)
    monkeypatch.setattr(keys, "cipher_driver", lambda: None)
    monkeypatch.setattr(keys, "unlock_from_keyring", lambda journal: False)
    monkeypatch.setattr(launch_module, "_has_terminal", lambda: True)
    gc.disable()  # as ``launch`` leaves it
    assert launch_module._unlock(tmp_path / "journal.sqlite3") == "geweigerd"
    assert made and made[0]() is None
