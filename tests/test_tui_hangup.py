"""Closing the terminal (SIGHUP) or ``kill`` (SIGTERM) saves what was typed.

The background writer saves a draft half a second after the last key, and
Python's default for both signals ends the process at once: a title typed
just before the window was closed was lost (found by hand in tmux: the
stored title stayed empty). Runs the real app on a pseudo-terminal.
"""

from __future__ import annotations

import os
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

WORD = "Kastanjelaan"


def _read_until(master: int, proc: subprocess.Popen[bytes], needle: bytes, seen: bytearray) -> None:
    deadline = time.monotonic() + 60
    while needle not in seen:
        assert time.monotonic() < deadline, f"{needle!r} never appeared"
        assert proc.poll() is None, "the app ended early"
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            seen += os.read(master, 65536)


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_a_title_typed_just_before_the_terminal_closes_is_saved(
    tmp_path: Path, signum: signal.Signals
) -> None:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "REFLECT_", "NO_COLOR"))
    }
    env.update(REFLECT_HOME=str(tmp_path), TERM="xterm-256color", COLUMNS="100", LINES="30")
    master, slave = os.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "reflect_tui"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        close_fds=True,
        start_new_session=True,
    )
    os.close(slave)
    seen = bytearray()
    try:
        _read_until(master, proc, b"Nieuwe reflectie", seen)
        os.write(master, b"n")
        _read_until(master, proc, b"Titel", seen)
        del seen[:]
        os.write(master, WORD.encode())
        _read_until(master, proc, WORD.encode(), seen)
        proc.send_signal(signum)  # well inside the half second before the autosave
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    with sqlite3.connect(tmp_path / "journal.sqlite3") as db:
        titles = [row[0] for row in db.execute("SELECT title FROM reflections")]
    assert titles == [WORD]
