"""What a fresh-eyes tester found in the CLI and its messages: each case failed before its fix."""

from __future__ import annotations

import io
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from journal_fixtures.helpers import CLI_NOW as NOW
from journal_fixtures.helpers import open_store, run_cli, sample_reflection

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal import backup, elsewhere
from reflect_tui.core.journal.exports import delete_with_copies
from reflect_tui.core.journal.sqlite_errors import DamagedJournal
from reflect_tui.core.paths import backups_dir_beside, resolve_locations

RID = "11111111-2222-4333-8444-555555555555"


def _one(home: Path) -> None:
    with open_store(home) as store:
        store.add(sample_reflection(title="Bomen in de Lindelaan"))  # 27-2-2026, afgerond


def test_stats_since_a_later_day_names_the_period(isolated_home: Path) -> None:
    _one(isolated_home)
    code, out, _ = run_cli(isolated_home, "stats", "--since", "morgen")
    assert code == 0
    assert "Nog geen afgeronde" not in out
    assert "vanaf 2-12-2026" in out and "toekomst" in out
    code, out, _ = run_cli(isolated_home, "stats", "--since", "1-3-2026")
    assert out == "Geen afgeronde reflecties vanaf 1-3-2026.\n"


def test_an_empty_or_blank_search_term_is_an_error(isolated_home: Path) -> None:
    _one(isolated_home)
    for term in ("", "   "):
        code, out, err = run_cli(isolated_home, "search", term)
        assert code == 2 and out == ""
        assert "geef een zoekwoord" in err and "Niets gevonden" not in out


def test_show_takes_json_like_the_other_commands(isolated_home: Path) -> None:
    _one(isolated_home)
    code, by_flag, err = run_cli(isolated_home, "show", RID[:8], "--json")
    assert code == 0, err
    assert by_flag == run_cli(isolated_home, "show", RID[:8], "--format", "json")[1]
    assert json.loads(by_flag)["title"] == "Bomen in de Lindelaan"


def test_sqlite_words_are_labelled_in_restore_and_damage_messages(
    isolated_home: Path, tmp_path: Path
) -> None:
    _one(isolated_home)
    not_a_db = tmp_path / "tekst.sqlite3"
    not_a_db.write_text("dit is geen database\n" * 100, encoding="utf-8")
    code, _, err = run_cli(isolated_home, "restore", "--yes", str(not_a_db))
    assert code != 0
    assert "(technisch, van SQLite: file is not a database)" in err
    text = str(DamagedJournal(tmp_path / "j.sqlite3", technical="database disk image is malformed"))
    assert "(technisch, van SQLite: database disk image is malformed)" in text


def test_status_errors_offer_only_the_dutch_choices(isolated_home: Path) -> None:
    _one(isolated_home)
    code, _, err = run_cli(isolated_home, "list", "--status", "klaar")
    assert code == 2 and "'concept', 'afgerond'" in err and "complete" not in err
    code, out, _ = run_cli(isolated_home, "list", "--status", "complete")  # alias still works
    assert code == 0 and "Bomen" in out


def test_backup_into_a_missing_folder_is_refused_like_export(
    isolated_home: Path, tmp_path: Path
) -> None:
    _one(isolated_home)
    missing = tmp_path / "bestaat-niet"
    code, _, backup_err = run_cli(isolated_home, "backup", "-o", str(missing / "x.sqlite3"))
    assert code == 1 and not missing.exists()
    code, _, export_err = run_cli(isolated_home, "export", "-o", str(missing / "x.json"))
    assert code == 1 and not missing.exists()
    expected = f"de map {missing} bestaat niet"
    assert expected in backup_err and expected in export_err


def test_delete_names_only_copies_made_after_the_reflection(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _one(home)  # created 27-2-2026 19:00 UTC
    journal = home / "journal.sqlite3"
    stick = tmp_path / "usb"
    stick.mkdir()
    older, newer = stick / "oud.json", stick / "nieuw.json"
    for path in (older, newer):
        path.write_text("[]", encoding="utf-8")
    elsewhere.record(journal, older, elsewhere.EXPORT, datetime(2026, 2, 1, tzinfo=UTC))
    elsewhere.record(journal, newer, elsewhere.EXPORT, datetime(2026, 3, 1, tzinfo=UTC))
    with open_store(home) as store:
        done = delete_with_copies(store, resolve_locations(env={"REFLECT_HOME": str(home)}), RID)
    assert [c.path for c in done.elsewhere] == [newer]


def test_a_scrubbed_backup_keeps_the_time_it_was_taken(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _one(home)
    journal = home / "journal.sqlite3"
    folder = backups_dir_beside(journal)
    daily = backup.daily_backup(journal, folder, NOW.date())
    assert daily is not None
    manual = backup.back_up(journal, backup.manual_backup_path(folder, NOW)).path
    taken_manual = datetime(2026, 11, 30, 8, 0).timestamp()
    taken_daily = datetime(2026, 12, 1, 8, 0).timestamp()  # the newer one
    os.utime(manual, (taken_manual, taken_manual))
    os.utime(daily, (taken_daily, taken_daily))
    with open_store(home) as store:
        store.delete(RID)
    assert backup.describe(daily).reflections == 0  # scrubbed
    made = backup.describe(daily).made_at
    assert made.strftime("%Y-%m-%d %H:%M") == "2026-12-01 08:00"
    assert backup.newest_backup(folder) == daily


def test_a_read_only_command_without_passphrase_does_not_talk_of_changes(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("sqlcipher3")
    from reflect_tui.core.journal import keyfile, keys

    monkeypatch.setattr(keyfile, "MIN_ITERATIONS", 1)
    monkeypatch.setattr(keyfile, "DEFAULT_ITERATIONS", 1)
    _one(isolated_home)
    try:
        monkeypatch.setattr(sys, "stdin", io.StringIO("een\neen\n"))
        assert run_cli(isolated_home, "encrypt")[0] == 0
        for stdin in ("", "\n"):  # no input at all, or an empty line
            keys.forget()
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
            code, out, err = run_cli(isolated_home, "list")
            assert code != 0 and out == ""
            assert "versleuteld" in err and "niets veranderd" not in err
    finally:
        keys.forget()
        keys.set_passphrase_source(None)


def test_a_copy_that_cannot_be_scrubbed_labels_sqlites_words(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _one(home)
    folder = backups_dir_beside(home / "journal.sqlite3")
    folder.mkdir(mode=0o700)
    junk = folder / "manual-20261130T080000.sqlite3"
    junk.write_bytes(b"geen database " * 200)
    with open_store(home) as store, pytest.raises(ReflectError) as caught:
        store.delete(RID)
    assert "niet gewist" in caught.value.message
    assert "(technisch, van SQLite: file is not a database)" in caught.value.message
