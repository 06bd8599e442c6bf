"""A journal made by this very open gets no daily snapshot; the next open today makes it.

Why: a new journal holds nothing to protect, and its snapshot cost eight
syncs of the disk in the way of a new journal's first import. The next open
finds no snapshot of today and takes one of what was put in it.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from journal_fixtures.helpers import open_store, sample_reflection

from reflect_tui.cli.main import main
from reflect_tui.core import paths
from reflect_tui.core.journal import backup
from reflect_tui.core.journal.interchange import dump_journal


def test_only_the_open_that_made_the_journal_and_wrote_nothing_calls_it_fresh(
    tmp_path: Path,
) -> None:
    with open_store(tmp_path) as store:
        assert store.fresh
        store.create_draft("iets")
        assert not store.fresh  # something to protect now
    with open_store(tmp_path) as store:
        assert not store.fresh


def test_no_snapshot_is_due_for_a_new_journal(tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite3"
    open_store(tmp_path).close()
    today = datetime.date(2026, 12, 2)
    assert paths.daily_backup_due(journal, tmp_path / "b", today)
    assert not paths.daily_backup_due(journal, tmp_path / "b", today, new_journal=True)
    assert backup.daily_backup(journal, tmp_path / "b", today, new_journal=True) is None
    assert not (tmp_path / "b").exists()


def test_the_first_import_into_a_new_journal_leaves_the_snapshot_to_the_next_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("REFLECT_HOME", str(home))
    source = tmp_path / "in.json"
    source.write_text(dump_journal([sample_reflection(f"id-{i}") for i in range(3)]), "utf-8")
    assert main(["import", str(source)]) == 0
    backups = home / "backups"
    assert not list(backups.glob("daily-*"))
    assert main(["list"]) == 0
    (snapshot,) = backups.glob("daily-*")
    assert backup.describe(snapshot).reflections == 3  # the imported journal, not an empty one
