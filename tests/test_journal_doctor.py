"""``reflect doctor``: checking the journal and rescuing the readable rows of a damaged one."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from journal_fixtures.helpers import open_store, run_cli

from reflect_tui.core.journal import doctor
from reflect_tui.core.journal.model import Answer, NextStep


def _journal_with_a_damaged_page(home: Path, count: int = 60) -> tuple[Path, int]:
    """A real journal of ``count`` reflections; one page of the reflections table zeroed out.

    The marker sits in ``content_version``, which is not in the search index,
    so the only page holding it is a leaf of the ``reflections`` table.
    """
    with open_store(home) as store:
        for i in range(count):
            r = store.create_draft(f"casus {i}", content_version=f"CVMARK{i:03d}")
            r.answers.append(Answer("situatie", "luisteren", "Vraag?", f"antwoord {i} " * 20))
            r.next_steps.append(NextStep(f"stap {i}", None))
            store.save(r)
    journal = home / "journal.sqlite3"
    assert not journal.with_name("journal.sqlite3-wal").exists()  # all in the main file
    data = bytearray(journal.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    page = data.find(b"CVMARK030") // page_size
    assert page > 0
    data[page * page_size : (page + 1) * page_size] = b"\xa5" * page_size
    journal.write_bytes(bytes(data))
    return journal, page


def test_doctor_rescues_the_readable_rows_of_a_damaged_page(isolated_home: Path) -> None:
    journal, _page = _journal_with_a_damaged_page(isolated_home)
    before = hashlib.sha256(journal.read_bytes()).hexdigest()
    siblings = sorted(p.name for p in isolated_home.iterdir())
    code, out, err = run_cli(isolated_home, "doctor")
    assert code == 1, err
    assert "beschadigd" in out and "Niet te redden" in out
    # The original is untouched, and nothing appeared beside it but the rescued journal.
    assert hashlib.sha256(journal.read_bytes()).hexdigest() == before
    rescued = isolated_home / "journal-rescued-20261201T100000.sqlite3"
    assert sorted(p.name for p in isolated_home.iterdir()) == sorted([*siblings, rescued.name])
    assert str(rescued) in out and f"reflect restore {rescued}" in out
    conn = sqlite3.connect(rescued)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        marks = {r[0] for r in conn.execute("SELECT content_version FROM reflections")}
        answers = conn.execute("SELECT count(*) FROM answers").fetchone()[0]
        steps = conn.execute("SELECT count(*) FROM next_steps").fetchone()[0]
    finally:
        conn.close()
    assert "CVMARK030" not in marks  # on the damaged page
    assert {"CVMARK000", "CVMARK059"} <= marks  # before and after it
    assert 30 <= len(marks) < 60
    assert answers == steps == len(marks)  # every rescued reflection kept its rows
    assert f"{len(marks)} reflecties" in out
    # The rescued journal is a working journal: search index rebuilt.
    store_dir = isolated_home / "rescued-open"
    store_dir.mkdir()
    rescued.rename(store_dir / "journal.sqlite3")
    with open_store(store_dir) as store:
        assert store.count() == len(marks)
        assert len(store.search("antwoord", limit=100)) == len(marks)


def test_doctor_on_a_healthy_journal_says_so_and_writes_nothing(isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        store.create_draft("gezond")
    code, out, err = run_cli(isolated_home, "doctor")
    assert code == 0, err
    assert "in orde (1 reflectie)" in out
    assert not list(isolated_home.glob("journal-rescued-*"))


def test_examine_finds_the_damage_without_creating_files(tmp_path: Path) -> None:
    journal, _ = _journal_with_a_damaged_page(tmp_path, count=40)
    health = doctor.examine(journal)
    assert not health.ok and health.problems
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.sqlite3"]


def test_a_damaged_journal_gets_no_daily_backup_and_restore_sets_it_aside(
    isolated_home: Path,
) -> None:
    _journal_with_a_damaged_page(isolated_home)
    good = isolated_home.parent / "goed"
    with open_store(good) as store:
        store.create_draft("uit de back-up")
    # The page damage is not in the header: the journal opens, but no backup is made of it.
    _, _, err = run_cli(isolated_home, "list", "-n", "1")
    assert "geen back-up" in err and "reflect doctor" in err
    assert not list((isolated_home / "backups").glob("daily-*"))
    code, _, err = run_cli(isolated_home, "restore", "--yes", str(good / "journal.sqlite3"))
    assert code == 0, err
    (kept,) = (isolated_home / "backups").glob("before-restore-*")
    assert kept.name.endswith(".sqlite3.damaged")  # not picked by restore
    with open_store(isolated_home) as store:
        assert [s.title for s in store.list()] == ["uit de back-up"]
        store.delete(store.list()[0].id)  # the scrub of the backups folder is not tripped


_SQLITE_ENGLISH = ("malformed", "not a database", "database disk image", "Tree ", "Page ")


def _user_lines(out: str) -> list[str]:
    """Everything doctor prints except its one marked technical line."""
    return [line for line in out.splitlines() if "technisch, van SQLite" not in line]


def test_doctor_speaks_dutch_about_a_damaged_page(isolated_home: Path) -> None:
    """SQLite's English is only on the line marked as technical (issue 16)."""
    _journal_with_a_damaged_page(isolated_home)
    code, out, _ = run_cli(isolated_home, "doctor")
    assert code == 1
    problems = [line for line in out.splitlines() if line.startswith("  - ")]
    assert problems and all(not any(w in p for w in _SQLITE_ENGLISH) for p in problems)
    assert not any(w in line for line in _user_lines(out) for w in _SQLITE_ENGLISH)
    assert "(technisch, van SQLite: " in out
    assert "reflection_tips" not in out  # every table has a Dutch name


def test_doctor_never_advises_running_doctor(isolated_home: Path) -> None:
    """A truncated or foreign file: the finding, without "run 'reflect doctor'"."""
    journal, _ = _journal_with_a_damaged_page(isolated_home)
    for broken in (journal.read_bytes()[:20_000], b"geen dagboek" * 100):
        journal.write_bytes(broken)
        code, out, err = run_cli(isolated_home, "doctor")
        assert code == 1
        assert "reflect doctor" not in out + err
        assert "beschadigd of is geen dagboek" in out
        assert not any(w in line for line in _user_lines(out) for w in _SQLITE_ENGLISH)


def test_examine_keeps_sqlites_words_apart(tmp_path: Path) -> None:
    journal, _ = _journal_with_a_damaged_page(tmp_path, count=40)
    health = doctor.examine(journal)
    assert health.technical and all("reflect doctor" not in p for p in health.problems)
