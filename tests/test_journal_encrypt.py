"""Encryption at rest (issue 17): journal, WAL and backups unreadable without the key."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from journal_fixtures.helpers import CLOCK, open_store, sample_reflection
from quickloop import examples

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal import backup, encryption, keyfile, keys
from reflect_tui.core.journal.connection import connect_file
from reflect_tui.core.journal.store import JournalStore

pytest.importorskip("sqlcipher3")

PASS = "correct paard batterij niet"
# Few iterations keep the tests fast; the command itself never goes below the minimum.
FAST = 1


@pytest.fixture(autouse=True)
def _fast_kdf_and_clean_keys(monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.setattr(keyfile, "MIN_ITERATIONS", FAST)
    keys.set_passphrase_source(None)
    yield None
    keys.forget()
    keys.set_passphrase_source(None)


def _words(n: int) -> list[str]:
    return [f"uniekwoord{i:04d}zqx" for i in range(n)]


def _fill(folder: Path, words: list[str]) -> Path:
    with open_store(folder) as store:
        for i, word in enumerate(words):
            rid = f"11111111-2222-4333-8444-{i:012d}"
            store.add(
                sample_reflection(rid, title=f"Titel {word}", what_happened=f"Het ging om {word}.")
            )
    return folder / "journal.sqlite3"


def _files_with(folder: Path, word: str) -> list[Path]:
    needle = word.encode()
    return [p for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]


def _titles(folder: Path) -> list[str]:
    with open_store(folder) as store:
        return sorted(s.title for s in store.list())


def test_after_encrypt_no_file_under_the_data_folder_holds_a_reflection(tmp_path: Path) -> None:
    words = _words(6)
    journal = _fill(tmp_path, words[:3])
    backup.back_up(journal, backup.manual_backup_path(tmp_path / "backups", CLOCK.now()))
    backup.daily_backup(journal, tmp_path / "backups", date(2026, 3, 1))
    assert _files_with(tmp_path, words[0])  # plaintext before
    encryption.encrypt(journal, PASS, iterations=FAST)
    # Use it encrypted: more reflections (WAL), a migration-free daily backup, a search.
    with open_store(tmp_path) as store:
        for i, word in enumerate(words[3:], start=3):
            store.add(sample_reflection(f"11111111-2222-4333-8444-{i:012d}", title=word))
        assert len(store.list()) == 6
        backup.daily_backup(journal, tmp_path / "backups", date(2026, 3, 2))
        for word in words:
            assert _files_with(tmp_path, word) == [], word  # WAL included, while open
    for word in words:
        assert _files_with(tmp_path, word) == [], word
    assert keys.read_header(journal)[:6] != b"SQLite"
    for path in (tmp_path / "backups").iterdir():
        assert keys.looks_encrypted(keys.read_header(path)), path
        assert path.stat().st_mode & 0o077 == 0
    doc = json.loads(keyfile.key_file_path(journal).read_text())
    assert doc["kdf"] == "pbkdf2-hmac-sha512" and doc["iterations"] >= FAST
    assert keyfile.key_file_path(journal).stat().st_mode & 0o777 == 0o600
    # The backups open with the journal's key: restore lists and describes them.
    assert backup.describe(backup.newest_backup(tmp_path / "backups")).reflections >= 3


def test_a_fresh_process_needs_the_passphrase_and_three_wrong_tries_refuse(tmp_path: Path) -> None:
    journal = _fill(tmp_path, _words(2))
    encryption.encrypt(journal, PASS, iterations=FAST)
    keys.forget()
    with pytest.raises(ReflectError, match="wachtwoord"):
        open_store(tmp_path)  # no source to ask
    asked: list[tuple[int, bool]] = []

    def wrong(path: Path, attempt: int, was_wrong: bool) -> str:
        asked.append((attempt, was_wrong))
        return "fout"

    keys.set_passphrase_source(wrong)
    with pytest.raises(keyfile.WrongPassphrase, match="drie keer"):
        open_store(tmp_path)
    assert asked == [(1, False), (2, True), (3, True)]
    keys.set_passphrase_source(lambda p, a, w: "fout" if a == 1 else PASS)
    assert len(_titles(tmp_path)) == 2


def test_wrong_passphrase_and_corrupt_file_say_different_things(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    journal = _fill(tmp_path, _words(3))
    encryption.encrypt(journal, PASS, iterations=FAST)
    keys.forget()
    with pytest.raises(keyfile.WrongPassphrase, match="klopt niet"):
        keys.unlock(journal, "verkeerd")
    # Damage a page in the middle: the right passphrase, but the file does not open.
    data = bytearray(journal.read_bytes())
    data[:4096] = bytes(4096)
    journal.write_bytes(bytes(data))
    keys.unlock(journal, PASS)
    with pytest.raises(ReflectError) as caught:
        open_store(tmp_path)
    assert "beschadigd" in caught.value.message
    assert "klopt wel" in caught.value.message
    assert not isinstance(caught.value, keyfile.WrongPassphrase)
    assert capfd.readouterr().err == ""  # SQLCipher's own log is silenced


def test_a_damaged_key_file_says_so(tmp_path: Path) -> None:
    journal = _fill(tmp_path, _words(1))
    encryption.encrypt(journal, PASS, iterations=FAST)
    keys.forget()
    keyfile.key_file_path(journal).write_text("{niet json")
    with pytest.raises(ReflectError, match=r"sleutelbestand .* beschadigd"):
        keys.unlock(journal, PASS)


def test_erasure_removes_a_deleted_reflection_from_every_encrypted_file(tmp_path: Path) -> None:
    words = _words(3)
    journal = _fill(tmp_path, words)
    encryption.encrypt(journal, PASS, iterations=FAST)
    backup.back_up(journal, backup.manual_backup_path(tmp_path / "backups", CLOCK.now()))
    gone = "11111111-2222-4333-8444-000000000001"
    with open_store(tmp_path) as store:
        store.delete(gone)
    # Decrypt only to look inside every file: the deleted reflection is nowhere.
    encryption.decrypt(journal)
    assert _files_with(tmp_path, words[1]) == []
    assert _files_with(tmp_path, words[0])  # the others are still there, readable again
    for path in (tmp_path / "backups").glob("*.sqlite3"):
        conn = connect_file(path, readonly=True)
        try:
            ids = {r[0] for r in conn.execute("SELECT id FROM reflections")}
        finally:
            conn.close()
        assert gone not in ids


def test_passphrase_change_is_one_rename_and_backups_stay_readable(tmp_path: Path) -> None:
    journal = _fill(tmp_path, _words(2))
    encryption.encrypt(journal, PASS, iterations=FAST)
    backup.back_up(journal, backup.manual_backup_path(tmp_path / "backups", CLOCK.now()))
    before = journal.read_bytes()
    encryption.change_passphrase(journal, PASS, "nieuw wachtwoord")
    assert journal.read_bytes() == before  # the data key stays; only the key file changed
    keys.forget()
    with pytest.raises(keyfile.WrongPassphrase):
        keys.unlock(journal, PASS)
    keys.unlock(journal, "nieuw wachtwoord")
    assert len(_titles(tmp_path)) == 2
    assert backup.describe(backup.newest_backup(tmp_path / "backups")).reflections == 2


def test_decrypt_brings_back_a_plain_journal_and_forgets_the_key_file(tmp_path: Path) -> None:
    journal = _fill(tmp_path, _words(2))
    encryption.encrypt(journal, PASS, iterations=FAST)
    keys.forget()
    encryption.decrypt(journal, PASS)
    assert not keyfile.key_file_path(journal).exists()
    assert journal.read_bytes()[:16] == keys.SQLITE_MAGIC
    keys.forget()
    assert len(_titles(tmp_path)) == 2
    with pytest.raises(ReflectError, match="niet versleuteld"):
        encryption.decrypt(journal, PASS)


def test_an_interrupted_encrypt_leaves_a_stale_key_file_that_is_ignored(tmp_path: Path) -> None:
    journal = _fill(tmp_path, _words(2))
    keyfile.write(keyfile.key_file_path(journal), keyfile.wrap(keyfile.new_data_key(), "x", FAST))
    assert len(_titles(tmp_path)) == 2  # plaintext header decides
    encryption.encrypt(journal, PASS, iterations=FAST)
    keys.forget()
    keys.unlock(journal, PASS)
    assert len(_titles(tmp_path)) == 2


_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60
)


@settings(
    max_examples=examples(20),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(titles=st.lists(_text, min_size=1, max_size=4))
def test_encrypt_decrypt_encrypt_loses_nothing(
    tmp_path_factory: pytest.TempPathFactory, titles: list[str]
) -> None:
    folder = tmp_path_factory.mktemp("rt")
    with open_store(folder) as store:
        for i, title in enumerate(titles):
            store.add(sample_reflection(f"11111111-2222-4333-8444-{i:012d}", title=title))
        before = store.all()
    journal = folder / "journal.sqlite3"
    encryption.encrypt(journal, PASS, iterations=FAST)
    encryption.decrypt(journal)
    encryption.encrypt(journal, "ander", iterations=FAST)
    keys.forget()
    keys.unlock(journal, "ander")
    with open_store(folder) as store:
        after = store.all()
        hits = store.search(titles[0]) if titles[0].strip() else None
    assert after == before
    del hits


def test_asking_whether_an_open_plain_journal_is_encrypted_never_reads_its_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Reading a file this process holds open through SQLite drops its POSIX locks
    # (connection.py); the export warning asks while the app has the journal open.
    journal = _fill(tmp_path, _words(1))

    def no_reading(path: Path) -> bytes:
        raise AssertionError(f"read {path} while it is open")

    with open_store(tmp_path), monkeypatch.context() as patch:
        patch.setattr(keys, "read_header", no_reading)
        assert keys.export_warning(journal) is None
    encryption.encrypt(journal, PASS, iterations=FAST)
    assert keys.export_warning(journal) == keys.EXPORT_PLAINTEXT


def test_doctor_rescues_an_encrypted_journal_into_an_encrypted_one(tmp_path: Path) -> None:
    from reflect_tui.core.journal import doctor

    words = _words(3)
    journal = _fill(tmp_path, words)
    encryption.encrypt(journal, PASS, iterations=FAST)
    target = doctor.rescue_path(journal, "20260301T000000")
    result = doctor.rescue(journal, target)
    assert result.saved.get("reflections") == 3
    for word in words:
        assert _files_with(tmp_path, word) == [], word
    keys.forget()
    keys.unlock(target, PASS)  # the same passphrase opens the rescued journal
    with JournalStore.open(target, CLOCK) as store:
        assert store.count() == 3


def test_an_encrypted_old_journal_migrates_with_an_encrypted_backup(tmp_path: Path) -> None:
    import shutil

    from journal_fixtures.helpers import FIXTURES

    from reflect_tui.core.journal.migrations import CURRENT_VERSION

    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    shutil.copy(FIXTURES / "v2_journal.sqlite3", data / "journal.sqlite3")
    assert _files_with(data, "buurthuis")
    encryption.encrypt(data / "journal.sqlite3", PASS, iterations=FAST)
    assert _files_with(data, "buurthuis") == []
    with open_store(data) as store:  # migrates, after a pre-migration backup
        assert store.read_rows("SELECT * FROM pragma_user_version()") == [(CURRENT_VERSION,)]
        assert store.search("buurthuis")
    made = list((data / "backups").glob("*.sqlite3"))
    assert made, "no pre-migration backup"
    assert all(keys.looks_encrypted(keys.read_header(p)) for p in made)
    assert _files_with(data, "buurthuis") == []


def test_erasure_reaches_an_encrypted_rescued_journal_and_damaged_copy(tmp_path: Path) -> None:
    from reflect_tui.core.journal import doctor

    words = _words(3)
    journal = _fill(tmp_path, words)
    encryption.encrypt(journal, PASS, iterations=FAST)
    rescued = doctor.rescue(journal, doctor.rescue_path(journal, "20260301T000000")).target
    damaged = tmp_path / "backups" / "before-restore-20260301T000000.sqlite3.damaged"
    backup.back_up(journal, damaged)  # as a restore sets a (here readable) journal aside
    gone = "11111111-2222-4333-8444-000000000001"
    keys.forget()
    keys.unlock(journal, PASS)  # a later process
    with open_store(tmp_path) as store:
        store.delete(gone)
    for path in (rescued, damaged):
        conn = connect_file(path, readonly=True)
        try:
            ids = {r[0] for r in conn.execute("SELECT id FROM reflections")}
            tables = [
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            ]
            cells = [v for t in tables for row in conn.execute(f'SELECT * FROM "{t}"') for v in row]
            dump = "\n".join(v.decode("latin-1") if isinstance(v, bytes) else str(v) for v in cells)
        finally:
            conn.close()
        assert gone not in ids and len(ids) == 2, path
        assert words[1] not in dump, path  # rows, index terms and segments alike
        assert words[0] in dump, path
    assert all(keys.looks_encrypted(keys.read_header(p)) for p in (rescued, damaged))
