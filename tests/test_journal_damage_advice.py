"""A damaged journal's advice leads with what saves the most (a tester's report).

The tester overwrote part of journal.sqlite3; the message said "restore the
newest backup", which was the day's first-start copy with 0 reflections,
while 'reflect doctor' rescued all 4. The advice now counts both.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from journal_fixtures.helpers import open_store, run_cli, sample_reflection

from reflect_tui.core.journal import backup
from reflect_tui.core.journal.sqlite_errors import DamagedJournal, restore_advice

DAY = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
IDS = [f"aaaa{i}111-0000-4000-8000-00000000000{i}" for i in range(1, 5)]


def _journal(home: Path, reflections: int, *, empty_backup: bool = True) -> Path:
    """A journal of ``reflections`` and, like the tester's, a backup made while it was empty."""
    home.mkdir(parents=True, exist_ok=True)
    with open_store(home) as store:
        if empty_backup:
            target = home / "backups" / "daily-2026-11-30.sqlite3"
            backup.back_up(home / "journal.sqlite3", target)
        store.import_reflections([sample_reflection(i) for i in IDS[:reflections]])
    journal = home / "journal.sqlite3"
    conn = sqlite3.connect(journal)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return journal


def _damage_search_index(journal: Path) -> None:
    """Overwrite the search index's first page: reflections stay readable, search fails."""
    conn = sqlite3.connect(journal)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'reflection_fts_data'"
    ).fetchone()[0]
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    with journal.open("r+b") as handle:
        handle.seek((root - 1) * page)
        handle.write(b"\xa5" * page)


def test_damage_found_by_a_read_leads_with_doctor_and_counts_the_backups(
    isolated_home: Path,
) -> None:
    journal = _journal(isolated_home, 4)
    _damage_search_index(journal)
    code, _, err = run_cli(isolated_home, "search", "kapvergunning", at=DAY)
    assert code == 1 and err.count("\n") == 1
    advice = err.split("het bestand is niet gewijzigd. ", 1)[1]
    assert advice.startswith("Red eerst met 'reflect doctor' wat nog leesbaar is")
    assert "(het dagboek telt nog 4 reflecties)" in advice
    assert "daily-2026-11-30.sqlite3 (0 reflecties)" in advice
    assert "Zet de nieuwste back-up" not in err


def test_a_backup_holding_more_than_the_journal_counts_leads(tmp_path: Path) -> None:
    journal = _journal(tmp_path / "home", 1, empty_backup=False)
    other = _journal(tmp_path / "elsewhere", 2, empty_backup=False)
    fuller = tmp_path / "home" / "backups" / "manual-2026-11-29.sqlite3"
    backup.back_up(other, fuller)
    advice = restore_advice(journal)
    assert advice.startswith(
        f"Zet de back-up met de meeste reflecties terug: 'reflect restore {fuller}' "
        "(2 reflecties, gemaakt "
    )
    assert "'reflect doctor' wat nog leesbaar is (het dagboek telt nog 1 reflectie)" in advice


def test_an_unreadable_journal_with_a_filled_backup_leads_with_the_backup(tmp_path: Path) -> None:
    journal = _journal(tmp_path, 3, empty_backup=False)
    kept = tmp_path / "backups" / "daily-2026-11-29.sqlite3"
    backup.back_up(journal, kept)
    journal.write_bytes(b"geen database" * 400)
    advice = restore_advice(journal)
    assert advice.startswith(
        f"Zet de back-up met de meeste reflecties terug: 'reflect restore {kept}'"
    )
    assert "telt nog" not in advice  # the journal could not be counted: no number made up


def test_the_daily_check_names_the_journal_not_the_backup(tmp_path: Path) -> None:
    """The once-a-day check on the backup copy is what finds damage no read touched;
    it said the new backup file was damaged and that there was no backup yet."""
    journal = _journal(tmp_path, 4)
    _damage_search_index(journal)
    try:
        backup.daily_backup(journal, tmp_path / "backups", DAY.date().replace(day=1))
    except DamagedJournal as exc:
        assert exc.message.startswith(f"{journal} is beschadigd")
        assert "gevonden bij de controle voor de back-up" in exc.message
        assert "daily-2026-11-30.sqlite3 (0 reflecties)" in exc.message
    else:
        raise AssertionError("the damaged journal was backed up")
    assert sorted(p.name for p in (tmp_path / "backups").iterdir()) == ["daily-2026-11-30.sqlite3"]


def _garble_reflections_table(journal: Path) -> None:
    """Overwrite every page of the reflections table (not its indexes) with garbage."""
    conn = sqlite3.connect(journal)
    conn.execute("PRAGMA journal_mode = DELETE")
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = (
        [
            r[0]
            for r in conn.execute("SELECT pageno FROM dbstat WHERE name = 'reflections'").fetchall()
        ]
        if _has_dbstat(conn)
        else [
            conn.execute(
                "SELECT rootpage FROM sqlite_master WHERE name = 'reflections'"
            ).fetchone()[0]
        ]
    )
    conn.close()
    with journal.open("r+b") as handle:
        for number in pages:
            handle.seek((number - 1) * page)
            handle.write(b"\xa5" * page)


def _has_dbstat(conn: sqlite3.Connection) -> bool:
    try:
        conn.execute("SELECT 1 FROM dbstat LIMIT 1")
    except sqlite3.Error:
        return False
    return True


def test_a_garbled_reflections_table_promises_no_count_and_the_backup_leads(
    tmp_path: Path,
) -> None:
    """Reproduction (tester, stop 14): 8 reflections, the daily backup 7, the
    reflections table's pages garbage. 'reflect list' said doctor first ("het
    dagboek telt nog 8 reflecties", read from an index); doctor rescued 0 and
    still put its rescue first, the 7-reflection backup only as "Of ..."."""
    home = tmp_path / "home"
    ids = [f"bbbb{i}111-0000-4000-8000-00000000000{i}" for i in range(1, 9)]
    home.mkdir()
    with open_store(home) as store:
        store.import_reflections([sample_reflection(i) for i in ids[:7]])
    kept = home / "backups" / "daily-2026-11-30.sqlite3"
    backup.back_up(home / "journal.sqlite3", kept)
    with open_store(home) as store:
        store.import_reflections([sample_reflection(ids[7])])
    journal = home / "journal.sqlite3"
    conn = sqlite3.connect(journal)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    _garble_reflections_table(journal)

    code, _, err = run_cli(home, "list", at=DAY)
    assert code == 1
    assert "telt nog 8" not in err  # the index's count is no promise of readable rows
    advice = err.split("het bestand is niet gewijzigd. ", 1)[1]
    assert advice.startswith(
        f"Zet de back-up met de meeste reflecties terug: 'reflect restore {kept}'"
    )

    code, out, err = run_cli(home, "doctor", at=DAY)
    assert code == 1
    lines = out.splitlines()
    first = next(i for i, line in enumerate(lines) if "'reflect restore " in line)
    assert f"'reflect restore {kept}'" in lines[first]  # the fuller backup comes first
    assert "7 reflecties" in lines[first]
    assert lines[first + 1].startswith("Of neem het geredde dagboek in gebruik")
