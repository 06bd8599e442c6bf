"""Backups that exist: the daily snapshot, ``reflect backup`` and ``reflect restore``."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

from journal_fixtures.helpers import open_store, run_cli, sample_reflection

from reflect_tui.core.instance import InstanceLock
from reflect_tui.core.journal import backup
from reflect_tui.core.paths import resolve_locations

DAY1 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
DAY2 = DAY1 + timedelta(days=1)
A = "aaaa1111-0000-4000-8000-000000000001"
B = "aaaa2222-0000-4000-8000-000000000002"
C = "aaaa3333-0000-4000-8000-000000000003"


def _titles(home: Path) -> list[str]:
    with open_store(home) as store:
        return sorted(s.title for s in store.list())


def test_restore_brings_back_yesterdays_journal(isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        store.import_reflections(
            [sample_reflection(A, title="Eerste"), sample_reflection(B, title="Tweede")]
        )
    code, _, err = run_cli(isolated_home, "list", at=DAY1)  # first open of day 1: snapshot
    assert code == 0, err
    daily = isolated_home / "backups" / "daily-2026-11-30.sqlite3"
    assert daily.is_file() and stat.S_IMODE(daily.stat().st_mode) == 0o600
    run_cli(isolated_home, "list", at=DAY1)  # later that day: no second snapshot
    assert len(list((isolated_home / "backups").iterdir())) == 1
    with open_store(isolated_home) as store:
        store.import_reflections([sample_reflection(C, title="Later op dag 1")])
    # Overnight the disk damages the journal.
    journal = isolated_home / "journal.sqlite3"
    journal.write_bytes(b"\x00kapot" * 2000)
    code, _, err = run_cli(isolated_home, "list", at=DAY2)
    assert code != 0
    assert "reflect restore" in err and str(daily) in err  # names the command and the backup
    code, out, err = run_cli(isolated_home, "restore", "--yes", at=DAY2)
    assert code == 0, err
    assert "2 reflecties" in out and "daily-2026-11-30" in out
    assert _titles(isolated_home) == ["Eerste", "Tweede"]
    safety = [p for p in (isolated_home / "backups").iterdir() if "before-restore" in p.name]
    assert len(safety) == 1 and safety[0].read_bytes() == b"\x00kapot" * 2000
    conn = sqlite3.connect(journal)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_restore_of_a_healthy_journal_keeps_a_safety_copy_and_shows_what_it_restores(
    isolated_home: Path,
) -> None:
    with open_store(isolated_home) as store:
        store.import_reflections([sample_reflection(A, title="Eerste")])
    run_cli(isolated_home, "list", at=DAY1)
    with open_store(isolated_home) as store:
        store.import_reflections([sample_reflection(B, title="Tweede")])
    yesterday = isolated_home / "backups" / "daily-2026-11-30.sqlite3"
    code, out, err = run_cli(isolated_home, "restore", str(yesterday), at=DAY2)
    assert code != 0 and "--yes" in err  # no terminal to ask on: refuses
    assert "1 reflectie" in out and "'Eerste' van 2026-02-27" in out
    assert _titles(isolated_home) == ["Eerste", "Tweede"]
    code, out, err = run_cli(isolated_home, "restore", "--yes", str(yesterday), at=DAY2)
    assert code == 0, err
    assert _titles(isolated_home) == ["Eerste"]
    safety = next((isolated_home / "backups").glob("before-restore-*.sqlite3"))
    assert stat.S_IMODE(safety.stat().st_mode) == 0o600
    assert backup.describe(safety).reflections == 2  # what was replaced is kept


def test_restore_refuses_while_the_app_holds_the_journal(isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        store.import_reflections([sample_reflection(A, title="Eerste")])
    code, out, err = run_cli(isolated_home, "backup", at=DAY1)
    assert code == 0 and "Back-up gemaakt" in out, err
    lock = InstanceLock.acquire(
        resolve_locations(env={"REFLECT_HOME": str(isolated_home)}).lock_path
    )
    assert lock is not None
    try:
        code, _, err = run_cli(isolated_home, "restore", "--yes", at=DAY1)
        assert code != 0 and "sluit de app" in err
    finally:
        lock.release()
    assert not list((isolated_home / "backups").glob("before-restore-*"))


def test_backup_to_a_file_and_never_over_one(isolated_home: Path, tmp_path: Path) -> None:
    with open_store(isolated_home) as store:
        store.import_reflections([sample_reflection(A, title="Eerste")])
    target = tmp_path / "mijn-kopie.sqlite3"
    code, _, err = run_cli(isolated_home, "backup", "-o", str(target), at=DAY1)
    assert code == 0, err
    assert backup.describe(target).reflections == 1
    assert not (tmp_path / "mijn-kopie.sqlite3-wal").exists()
    code, _, err = run_cli(isolated_home, "backup", "-o", str(target), at=DAY1)
    assert code != 0 and "bestaat al" in err


def test_seven_daily_backups_are_kept(isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        store.import_reflections([sample_reflection(A)])
    for day in range(10):
        assert run_cli(isolated_home, "list", at=DAY1 + timedelta(days=day))[0] == 0
    names = sorted(p.name for p in (isolated_home / "backups").glob("daily-*"))
    assert names == [f"daily-2026-12-{d:02d}.sqlite3" for d in range(3, 10)]


def test_delete_erases_the_reflection_from_daily_backups(isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        store.import_reflections(
            [sample_reflection(A, title="Blijft"), sample_reflection(B, notes="ZWAANGEHEIM")]
        )
    run_cli(isolated_home, "list", at=DAY1)
    daily = isolated_home / "backups" / "daily-2026-11-30.sqlite3"
    assert b"ZWAANGEHEIM" in daily.read_bytes()
    code, _, err = run_cli(isolated_home, "delete", "--yes", B, at=DAY1)
    assert code == 0, err
    for path in (isolated_home / "backups").iterdir():
        assert b"ZWAANGEHEIM" not in path.read_bytes(), path
    assert backup.describe(daily).reflections == 1


def test_a_snapshot_racing_a_delete_drops_what_the_journal_no_longer_has(tmp_path: Path) -> None:
    # The delete committed (and scrubbed the folder) while the snapshot was being read.
    with open_store(tmp_path) as store:
        store.import_reflections([sample_reflection(A), sample_reflection(B, notes="ZWAANGEHEIM")])
        from reflect_tui.core.journal.connection import connect

        stale = tmp_path / "stale.sqlite3"
        conn = connect(tmp_path / "journal.sqlite3")
        try:
            backup.snapshot(conn, stale)
            store.delete(B)
            backup._drop_erased(conn, stale)
        finally:
            conn.close()
    assert b"ZWAANGEHEIM" not in stale.read_bytes()
    assert backup.describe(stale).reflections == 1


def test_messages_without_a_backup_point_to_doctor(isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True)
    (isolated_home / "journal.sqlite3").write_bytes(b"geen database" * 100)
    code, _, err = run_cli(isolated_home, "list", at=DAY1)
    assert code != 0 and "nog geen back-up" in err and "reflect doctor" in err
    code, _, err = run_cli(isolated_home, "restore", "--yes", at=DAY1)
    assert code != 0 and "reflect backup" in err


def test_daily_backup_without_a_journal_makes_nothing(tmp_path: Path) -> None:
    assert backup.daily_backup(tmp_path / "journal.sqlite3", tmp_path / "b", DAY1.date()) is None
    assert not (tmp_path / "b").exists()
