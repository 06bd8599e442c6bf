"""SIGKILL during encrypt, decrypt or passphrase change: one journal, old or new key.

A child process switches a journal (with backups) and is killed at a random
moment inside the switch (after its imports, within the time a whole switch
takes). Then, as a fresh process would, the journal must open: plaintext,
or with the old passphrase, or with the new one; every reflection there,
``integrity_check`` ok, and every backup readable. Then the command is run
again and must finish the job.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from journal_fixtures.encrypt_victim import NEW, OLD
from journal_fixtures.helpers import CLOCK, open_store, sample_reflection

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal import backup, encryption, keyfile, keys

pytest.importorskip("sqlcipher3")

VICTIM = Path(__file__).parent / "journal_fixtures" / "encrypt_victim.py"
COUNT = 40


def _template(folder: Path, encrypted: bool) -> Path:
    with open_store(folder) as store:
        for i in range(COUNT):
            store.add(
                sample_reflection(f"11111111-2222-4333-8444-{i:012d}", title=f"Titel {i} " * 40)
            )
    journal = folder / "journal.sqlite3"
    backup.back_up(journal, backup.manual_backup_path(folder / "backups", CLOCK.now()))
    backup.daily_backup(journal, folder / "backups", date(2026, 3, 1))
    if encrypted:
        encryption.encrypt(journal, OLD, iterations=1)
        keys.forget()
    return journal


def _start(journal: Path, action: str) -> subprocess.Popen[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).parent), *sys.path])
    child = subprocess.Popen(
        [sys.executable, str(VICTIM), str(journal), action],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    return child


def _duration(template: Path, work: Path, action: str) -> float:
    shutil.copytree(template.parent, work)
    child = _start(work / template.name, action)
    began = time.perf_counter()
    assert child.stdout is not None
    line = child.stdout.readline().strip()
    taken = time.perf_counter() - began
    child.wait()
    assert line == "done", child.stderr.read() if child.stderr else ""
    shutil.rmtree(work)
    return taken


def _open_state(journal: Path) -> str:
    """How the journal opens now: 'plain', 'old' or 'new'; every reflection there."""
    keys.forget()
    state = "plain"
    if keys.journal_is_encrypted(journal):
        for name, passphrase in (("old", OLD), ("new", NEW)):
            try:
                keys.unlock(journal, passphrase)
            except keyfile.WrongPassphrase:
                continue
            state = name
            break
        else:
            raise AssertionError("the journal opens with neither passphrase")
    with open_store(journal.parent) as store:
        assert store.count() == COUNT
        assert store.read_rows("SELECT * FROM pragma_integrity_check()") == [("ok",)]
    for path in sorted((journal.parent / "backups").glob("*.sqlite3")):
        assert backup.describe(path).reflections == COUNT, path
    return state


def _kill_loop(tmp_path: Path, action: str, kills: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    template = _template(tmp_path / "template", encrypted=action != "encrypt")
    span = _duration(template, tmp_path / "calibrate", action)
    seen: dict[str, int] = {}
    for i in range(kills):
        work = tmp_path / f"run{i}"
        shutil.copytree(template.parent, work)
        journal = work / template.name
        child = _start(journal, action)
        time.sleep(rng.uniform(0, span * 1.1))
        child.send_signal(signal.SIGKILL)
        child.wait()
        state = _open_state(journal)
        seen[state] = seen.get(state, 0) + 1
        # Running the command again finishes the job.
        keys.forget()
        try:
            if action == "encrypt":
                encryption.encrypt(journal, NEW, iterations=1)
            elif action == "decrypt":
                encryption.decrypt(journal, OLD if state == "old" else None)
            elif state == "old":
                encryption.change_passphrase(journal, OLD, NEW)
        except ReflectError as exc:
            if "niet versleuteld" not in exc.message:
                raise
        final = _open_state(journal)
        assert final == {"encrypt": "new", "decrypt": "plain", "passphrase": "new"}[action]
        for path in (journal.parent / "backups").glob("*.sqlite3"):
            assert keys.looks_encrypted(keys.read_header(path)) == (action != "decrypt"), path
        if action != "passphrase":
            assert not list(work.rglob(f"*{encryption.TEMP_MARK}*"))
        shutil.rmtree(work)
    return seen


@pytest.fixture(autouse=True)
def _clean_keys(monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.setattr(keyfile, "MIN_ITERATIONS", 1)
    yield None
    keys.forget()


@pytest.mark.slow  # 30 child processes killed mid-encrypt, each journal reopened and checked
def test_sigkill_during_encrypt_always_leaves_a_journal_with_the_old_or_new_key(
    tmp_path: Path,
) -> None:
    seen = _kill_loop(tmp_path, "encrypt", kills=30, seed=17)
    print("states after a kill:", seen)
    assert sum(seen.values()) == 30
    assert set(seen) <= {"plain", "new"}


@pytest.mark.slow  # 10 kills mid-decrypt and 5 mid-passphrase change
def test_sigkill_during_decrypt_and_passphrase_change(tmp_path: Path) -> None:
    seen = _kill_loop(tmp_path / "d", "decrypt", kills=10, seed=3)
    assert set(seen) <= {"plain", "old"}
    seen = _kill_loop(tmp_path / "p", "passphrase", kills=5, seed=5)
    assert set(seen) <= {"old", "new"}
