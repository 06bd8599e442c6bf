"""The first start of a day makes the daily snapshot, on a thread, after the first frame."""

from __future__ import annotations

import threading
from pathlib import Path

from tui_helpers import WIDE

from reflect_tui.core.journal.backup import describe


def _backup_thread() -> threading.Thread | None:
    return next((t for t in threading.enumerate() if t.name == "reflect-daily-backup"), None)


async def test_first_start_of_the_day_snapshots_the_journal(make_app, data_dir: Path) -> None:
    backups = data_dir / "backups"
    app = make_app(backups_dir=backups)
    app.store.create_draft("voor de back-up")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        for _ in range(50):  # after the first frame, on its own thread
            thread = _backup_thread()
            if thread is None and (backups / "daily-2026-11-02.sqlite3").exists():
                break
            if thread is not None:
                thread.join(5)
            await pilot.pause(0.05)
    daily = backups / "daily-2026-11-02.sqlite3"
    assert daily.is_file()
    assert describe(daily).reflections == 1


async def test_without_a_backups_folder_the_app_makes_none(make_app, data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
    assert not (data_dir / "backups").exists()
