"""Deleting a reflection erases it from every copy of the journal the app made in the data folder.

Besides the journal and its backups (``test_journal_delete.py``,
``test_journal_backup.py``): the journal ``reflect doctor`` rescued into, the
``.damaged`` copy a restore sets aside, a restore's safety copy, and temp
copies a killed process left behind. Each test puts a unique word in one
reflection, makes the copy, deletes the reflection and scans every file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from journal_fixtures.helpers import CLI_NOW as NOW
from journal_fixtures.helpers import open_store, run_cli, sample_reflection

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal import backup, doctor
from reflect_tui.core.journal.connection import connect_file
from reflect_tui.core.journal.model import Answer, NextStep

WORD = "Pimpelmeesgeheim4Z"
GONE = "abcd0001-0000-4000-8000-000000000001"
KEEP = "abcd0002-0000-4000-8000-000000000002"


def _files_containing(root: Path, needle: str) -> list[str]:
    encodings = {needle.encode("utf-8"), needle.lower().encode()}
    return sorted(
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and any(e in p.read_bytes() for e in encodings)
    )


def _journal(folder: Path) -> Path:
    """A journal of two reflections; only ``GONE`` holds ``WORD`` (title, notes, answer)."""
    with open_store(folder) as store:
        store.import_reflections(
            [
                sample_reflection(GONE, title=f"Weg {WORD}", notes=WORD * 50),
                sample_reflection(KEEP, title="Blijft staan"),
            ]
        )
    return folder / "journal.sqlite3"


def _delete(folder: Path) -> None:
    with open_store(folder) as store:
        store.delete(GONE)
        assert [s.id for s in store.list()] == [KEEP]


def _ids(path: Path) -> set[str]:
    conn = connect_file(path, readonly=True)
    try:
        return {str(r[0]) for r in conn.execute("SELECT id FROM reflections")}
    finally:
        conn.close()


def _dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], check=True,
                          capture_output=True, text=True)  # fmt: skip
    return int(proc.stdout)


def test_delete_erases_the_reflection_from_a_rescued_journal(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    rescued = doctor.rescue(journal, doctor.rescue_path(journal, "20261201T100000")).target
    assert _files_containing(tmp_path, WORD) == sorted(["journal.sqlite3", rescued.name])
    _delete(tmp_path)
    assert _files_containing(tmp_path, WORD) == []
    assert _ids(rescued) == {KEEP}  # the rest of the rescue is untouched


def test_delete_erases_the_reflection_from_a_restores_safety_copy(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elders"
    elsewhere.mkdir()
    older = backup.back_up(journal, elsewhere / "oud.sqlite3").path
    result = backup.restore(journal, older, tmp_path / "backups", NOW)
    assert WORD.encode() in result.safety_copy.read_bytes()
    _delete(tmp_path)
    assert _files_containing(tmp_path, WORD) == []
    assert _ids(result.safety_copy) == {KEEP}


def _damaged_journal(folder: Path) -> Path:
    """``GONE`` (with ``WORD``) and 60 more; a page of other reflections zeroed out."""
    with open_store(folder) as store:
        store.import_reflections([sample_reflection(GONE, title=f"Weg {WORD}", notes=WORD)])
        for i in range(60):
            r = store.create_draft(f"casus {i}", content_version=f"CVMARK{i:03d}")
            r.answers.append(Answer("situatie", "luisteren", "Vraag?", f"antwoord {i} " * 20))
            r.next_steps.append(NextStep(f"stap {i}", None))
            store.save(r)
    journal = folder / "journal.sqlite3"
    data = bytearray(journal.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    page = data.find(b"CVMARK030") // page_size
    assert page > 0 and data.find(WORD.encode()) // page_size != page
    data[page * page_size : (page + 1) * page_size] = b"\xa5" * page_size
    journal.write_bytes(bytes(data))
    return journal


def test_delete_erases_the_reflection_from_a_damaged_copy_restore_set_aside(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    journal = _damaged_journal(data)
    good = tmp_path / "goed"
    with open_store(good) as store:
        store.import_reflections([sample_reflection(GONE, title=f"Weg {WORD}", notes=WORD)])
    result = backup.restore(journal, good / "journal.sqlite3", data / "backups", NOW)
    assert result.safety_copy.name.endswith(".sqlite3.damaged")
    assert _files_containing(data, WORD) == [
        "backups/" + result.safety_copy.name,
        "journal.sqlite3",
    ]
    with open_store(data) as store:
        store.delete(GONE)
    assert _files_containing(data, WORD) == []
    # What the damaged copy held besides stays there for a later rescue.
    assert b"CVMARK010" in result.safety_copy.read_bytes()


def test_a_copy_that_cannot_be_scrubbed_keeps_the_reflection_and_names_the_copy(
    tmp_path: Path,
) -> None:
    _journal(tmp_path)
    backups = tmp_path / "backups"
    backups.mkdir(mode=0o700)
    junk = backups / "before-restore-20261201T100000.sqlite3.damaged"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 80 + WORD.encode())
    with open_store(tmp_path) as store:
        with pytest.raises(ReflectError) as caught:
            store.delete(GONE)
        assert str(junk) in caught.value.message and "niet gewist" in caught.value.message
        assert store.get(GONE).title == f"Weg {WORD}"  # a second delete can finish the job


def test_delete_removes_temp_copies_a_killed_process_left(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    backups = tmp_path / "backups"
    backups.mkdir(mode=0o700)
    dead = _dead_pid()
    left = [
        backups / f".daily-2026-12-01.sqlite3.{dead}.0a1b2c3d.tmp",  # backup.snapshot
        tmp_path / f".journal.sqlite3.convert.{dead}.tmp",  # encryption's twin
        tmp_path / "exports" / f".dagboek-20261201-100000.md.{dead}.tmp",  # an export
        tmp_path / ".rescue-k2j4h5g6" / "copy.sqlite3",  # doctor before it named its pid
        tmp_path / f".rescue-{dead}-ab12cd34" / "copy.sqlite3",
    ]
    for path in left:
        path.parent.mkdir(mode=0o700, exist_ok=True)
        shutil.copyfile(journal, path)
    running = backups / f".daily-2026-12-02.sqlite3.{os.getpid()}.0a1b2c3d.tmp"
    shutil.copyfile(journal, running)  # a snapshot still being written is left to its writer
    _delete(tmp_path)
    assert _files_containing(tmp_path, WORD) == ["backups/" + running.name]
    assert not any(p.exists() for p in left)
    assert not (tmp_path / ".rescue-k2j4h5g6").exists()


def test_a_rescue_work_folder_names_its_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = _journal(tmp_path)
    seen: list[str] = []
    real = shutil.copyfile

    def spy(src: object, dst: object) -> object:
        seen.append(Path(str(dst)).parent.name)
        return real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(doctor.shutil, "copyfile", spy)
    doctor.rescue(journal, doctor.rescue_path(journal, "20261201T100000"))
    assert seen and seen[0].startswith(f".rescue-{os.getpid()}-")


def test_delete_names_the_copies_it_made_outside_the_data_folder(
    isolated_home: Path, tmp_path: Path
) -> None:
    _journal(isolated_home)
    code, _, err = run_cli(isolated_home, "delete", "--yes", KEEP)
    assert code == 0 and "buiten de gegevensmap" not in err  # none made yet: nothing to say
    with open_store(isolated_home) as store:
        store.import_reflections([sample_reflection(KEEP, title="Blijft staan")])
    stick = tmp_path / "usb"
    stick.mkdir()
    assert run_cli(isolated_home, "backup", "-o", str(stick / "kopie.sqlite3"))[0] == 0
    assert (
        run_cli(isolated_home, "export", "--format", "json", "-o", str(stick / "al.json"))[0] == 0
    )
    assert run_cli(isolated_home, "export", "-o", str(isolated_home / "binnen.md"))[0] == 0
    listed = isolated_home / "copies-elsewhere.json"
    assert listed.stat().st_mode & 0o777 == 0o600
    assert WORD.encode() not in listed.read_bytes()  # paths and times only
    code, _, err = run_cli(isolated_home, "delete", "--yes", GONE)
    assert code == 0, err
    assert "buiten de gegevensmap" in err
    assert str(stick / "kopie.sqlite3") in err and "(back-up van " in err
    assert f"{stick / 'al.json'} (export van 2026-12-01)" in err and "binnen.md" not in err
    assert _files_containing(isolated_home, WORD) == []  # inside: erased, export included
    assert WORD.encode() in (stick / "kopie.sqlite3").read_bytes()  # outside: named, not touched
    (stick / "kopie.sqlite3").unlink()  # the user cleaned up one copy
    code, _, err = run_cli(isolated_home, "delete", "--yes", KEEP)
    assert code == 0 and str(stick / "al.json") in err and "kopie.sqlite3" not in err


def test_a_json_export_named_md_in_the_data_folder_is_erased_too(isolated_home: Path) -> None:
    # ``reflect export`` writes JSON by default, whatever the name after -o says.
    _journal(isolated_home)
    assert run_cli(isolated_home, "export", "-o", str(isolated_home / "notities.md"))[0] == 0
    assert (
        run_cli(isolated_home, "export", "--format", "md", "-o", str(isolated_home / "x.json"))[0]
        == 0
    )
    code, _, err = run_cli(isolated_home, "delete", "--yes", GONE)
    assert code == 0, err
    assert _files_containing(isolated_home, WORD) == []
    assert not (isolated_home / "notities.md").exists() and not (isolated_home / "x.json").exists()


def test_copies_written_with_o_elsewhere_inside_the_data_folder_are_erased(
    isolated_home: Path,
) -> None:
    _journal(isolated_home)
    sub = isolated_home / "mijn-kopieen"
    sub.mkdir(mode=0o700)
    assert run_cli(isolated_home, "backup", "-o", str(isolated_home / "kopie.sqlite3"))[0] == 0
    assert run_cli(isolated_home, "export", "-o", str(sub / "alles.txt"))[0] == 0
    assert {"kopie.sqlite3", "mijn-kopieen/alles.txt"} <= set(
        _files_containing(isolated_home, WORD)
    )
    code, _, err = run_cli(isolated_home, "delete", "--yes", GONE)
    assert code == 0, err
    assert "buiten de gegevensmap" not in err  # inside: erased, nothing to name
    assert _files_containing(isolated_home, WORD) == []
    assert _ids(isolated_home / "kopie.sqlite3") == {KEEP}  # the backup keeps the rest
    assert not (sub / "alles.txt").exists()
