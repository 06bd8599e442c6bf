"""Crash safety and concurrency: acknowledged answers survive SIGKILL and a second writer."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from journal_fixtures.helpers import FIXTURES, open_store

WRITER = FIXTURES / "crash_writer.py"


def _start(db: Path, tag: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(db), tag, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _collect(proc: subprocess.Popen[str], acks: list[tuple[str, str, int]]) -> threading.Thread:
    def reader() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            parts = line.split()
            if parts and parts[0] == "ACK":
                acks.append((parts[1], parts[2], int(parts[3])))

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    return thread


def _check(db: Path, acks: list[tuple[str, str, int]]) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    with open_store(db.parent) as store:
        by_reflection: dict[str, dict[str, int]] = {}
        for rid, step, length in acks:
            if rid not in by_reflection:
                by_reflection[rid] = {a.step: len(a.text) for a in store.get(rid).answers}
            assert by_reflection[rid].get(step) == length, (rid, step)
        # The index agrees with the tables after every crash.
        fts_rows = store._conn.execute("SELECT count(*) FROM reflection_fts").fetchone()[0]
        assert fts_rows == store.count()


@pytest.mark.slow
def test_sigkill_at_random_moments_never_loses_an_acknowledged_answer(tmp_path: Path) -> None:
    db = tmp_path / "data" / "journal.sqlite3"
    rng = random.Random(4)
    acks: list[tuple[str, str, int]] = []
    for iteration in range(30):
        proc = _start(db, f"it{iteration}", 10_000)
        thread = _collect(proc, acks)
        time.sleep(rng.uniform(0.05, 0.6))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        thread.join(timeout=10)
        assert proc.returncode == -signal.SIGKILL, proc.stderr.read() if proc.stderr else ""
    assert len(acks) > 10  # the writers really got going before they were killed
    _check(db, acks)


@pytest.mark.slow
def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "data" / "journal.sqlite3"
    open_store(db.parent).close()
    acks: list[tuple[str, str, int]] = []
    procs = [_start(db, tag, 150) for tag in ("links", "rechts")]
    threads = [_collect(p, acks) for p in procs]
    for proc in procs:
        assert proc.wait(timeout=120) == 0, proc.stderr.read() if proc.stderr else ""
    for thread in threads:
        thread.join(timeout=10)
    assert len(acks) == 300
    _check(db, acks)
    with open_store(db.parent) as store:
        assert store.count() == 2
        assert sorted(len(store.get(r.id).answers) for r in store.list()) == [150, 150]
