"""The app autosaving while the CLI lists and deletes elsewhere (issue 10, reproduction)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reflect_tui.core.clock import SystemClock
from reflect_tui.core.journal.model import Answer
from reflect_tui.core.journal.store import JournalStore
from reflect_tui.core.session.autosave import DraftSaver


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, REFLECT_HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "reflect_tui", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.slow  # not in the quick loop: CLI subprocesses beside a writer thread
def test_autosave_beside_cli_list_and_delete_keeps_the_journal_whole(isolated_home: Path) -> None:
    path = isolated_home / "journal.sqlite3"
    clock = SystemClock()
    # The app: a UI store, and the draft writer thread opening its own store the way
    # ``launch`` does (``open_writer_store``).
    ui = JournalStore.open(path, clock)
    victim = ui.create_draft(title="Te wissen casus")
    victim.answers.append(Answer("situatie", "wat", "Vraag?", "WISMIJ-geheime-tekst"))
    ui.save(victim)
    draft = ui.create_draft(title="concept")
    errors: list[Exception] = []
    saver = DraftSaver(lambda: JournalStore.open(path, clock), on_error=errors.append)
    try:
        draft.title = "concept met titel"
        saver.submit(draft)
        assert saver.flush()
        # Another terminal: list, then delete another reflection.
        listed = _cli(isolated_home, "list")
        assert listed.returncode == 0, listed.stderr
        deleted = _cli(isolated_home, "delete", "--yes", victim.id)
        assert deleted.returncode == 0, deleted.stderr
        # Back in the app: more text, more autosaves, then finish and quit.
        for i in range(5):
            draft.answers.append(Answer("situatie", f"stap-{i}", "Vraag?", f"antwoord {i}"))
            saver.submit(draft)
            assert saver.flush()
        draft.status = "complete"
        saver.submit(draft)
        assert saver.close()
        assert errors == []
        assert ui.get(draft.id).status == "complete"
    finally:
        saver.close()
        ui.close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        titles = [row[0] for row in conn.execute("SELECT title FROM reflections")]
    finally:
        conn.close()
    assert titles == ["concept met titel"]
    listed = _cli(isolated_home, "list")
    assert listed.returncode == 0, listed.stderr
    for name in ("journal.sqlite3", "journal.sqlite3-wal", "journal.sqlite3-shm"):
        file = isolated_home / name
        assert not file.exists() or b"WISMIJ" not in file.read_bytes()
