"""The delete-crash harness: SIGKILL ``reflect delete`` mid-erasure, then look for its words.

Shared by ``tests/test_hostile_delete_crash.py`` (a short run) and
``benchmarks/soak_delete.py`` (>= 60 kills). Every reflection carries a
unique word in its title, an answer, a note and a next step; each one also
has an app export (``exports/``) and sits in a pre-migration backup
(``backups/``). A kill lands at a random moment inside the erasure. Then
the journal is opened and closed once (as the next ``reflect`` command
would) and, if the reflection is gone, its word must be in no file under
the data folder and not in the search index. If it is still there, the
erasure had not started; ``delete`` is run again to the end and the same
check applies.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from journal_fixtures.helpers import CLOCK, sample_reflection
from reflect_tui.core.journal.exports import delete_with_copies, write_reflection_export
from reflect_tui.core.journal.model import Answer, NextStep
from reflect_tui.core.journal.store import JournalStore
from reflect_tui.core.paths import resolve_locations

VICTIM = Path(__file__).parent / "delete_victim.py"


@dataclass
class Outcome:
    kills: int = 0
    gone_after_kill: int = 0  # the kill came after the commit
    still_there: int = 0  # the kill came before it: finished by a second delete
    survivors: list[str] = field(default_factory=list)  # text found after erasure
    calibration: float = 0.0  # seconds one uninterrupted erasure took


def word(i: int) -> str:
    return f"qzxv{i:04d}geheim"


def build(home: Path, count: int) -> list[str]:
    """``count`` reflections with unique words, exports and a backup holding them all."""
    locations = resolve_locations(env={"REFLECT_HOME": str(home)})
    ids = []
    reflections = []
    for i in range(count):
        w = word(i)
        r = sample_reflection(f"del-{i:04d}-0000-4000-8000-000000000000", title=f"Casus {w}")
        r.answers = [*r.answers, Answer("situatie", "samenvatten", "Vraag?", f"antwoord {w}")]
        r.notes = f"notitie {w}"
        r.next_steps = [NextStep(f"stap {w}", date(2026, 3, 9))]
        reflections.append(r)
        ids.append(r.id)
    with JournalStore.open(locations.journal_path, CLOCK) as store:
        store.import_reflections(reflections)
    locations.backups_dir.mkdir(mode=0o700, exist_ok=True)
    shutil.copy(locations.journal_path, locations.backups_dir / "journal-v0-backup.sqlite3")
    for r in reflections:
        write_reflection_export(locations.exports_dir, r.id, r.occurred_on, f"# {r.title}\n")
    return ids


def _timed_delete(home: Path, reflection_id: str, env: dict[str, str]) -> float:
    """Seconds one uninterrupted erasure takes (as the victim measures it)."""
    victim = subprocess.run(
        [sys.executable, str(VICTIM), str(home), reflection_id],
        input="go\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return float(victim.stdout.split("DONE")[1])


def _word_in_files(home: Path, needle: bytes) -> list[str]:
    found = []
    for path in home.rglob("*"):
        if path.is_file() and needle in path.read_bytes():
            found.append(str(path.relative_to(home)))
    return found


def _exists(home: Path, reflection_id: str) -> bool:
    locations = resolve_locations(env={"REFLECT_HOME": str(home)})
    with JournalStore.open(locations.journal_path, CLOCK) as store:  # closing checkpoints
        try:
            store.get(reflection_id)
        except Exception:
            return False
        return True


def _in_index(home: Path, w: str) -> bool:
    conn = sqlite3.connect(home / "journal.sqlite3")
    try:
        rows = conn.execute(
            "SELECT count(*) FROM reflection_fts WHERE reflection_fts MATCH ?", (w,)
        ).fetchone()
        terms = (
            conn.execute(
                "SELECT count(*) FROM reflection_fts_vocab WHERE term = ?", (w,)
            ).fetchone()
            if _has_vocab(conn)
            else (0,)
        )
        return bool(rows[0] or terms[0])
    finally:
        conn.close()


def _has_vocab(conn: sqlite3.Connection) -> bool:
    return bool(
        conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'reflection_fts_vocab'").fetchone()
    )


def run(home: Path, kills: int, seed: int = 18) -> Outcome:
    """Kill ``kills`` deletes at random moments; count what survived erasure.

    Three deletes run to the end first, to time them; each later one is
    killed after a random delay between 0 and the slowest of those (plus
    30%), so the kills spread over the whole erasure and a little past it.
    """
    rng = random.Random(seed)
    timed = 3
    ids = build(home, kills + timed)
    locations = resolve_locations(env={"REFLECT_HOME": str(home)})
    outcome = Outcome()
    env = {**os.environ, "REFLECT_HOME": str(home)}
    outcome.calibration = max(_timed_delete(home, ids[i], env) for i in range(timed))
    max_delay = 1.3 * outcome.calibration
    for i, reflection_id in enumerate(ids):
        if i < timed:
            continue
        victim = subprocess.Popen(
            [sys.executable, str(VICTIM), str(home), reflection_id],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert victim.stdin is not None and victim.stdout is not None
        assert victim.stdout.readline().strip() == "READY"
        victim.stdin.write("go\n")
        victim.stdin.flush()
        delay = rng.uniform(0.0, max_delay)
        try:
            victim.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.kill(victim.pid, signal.SIGKILL)
        victim.wait()
        victim.stdout.close()
        victim.stdin.close()
        outcome.kills += victim.returncode == -signal.SIGKILL
        if _exists(home, reflection_id):
            outcome.still_there += 1
            with JournalStore.open(locations.journal_path, CLOCK) as store:
                delete_with_copies(store, locations, reflection_id)
            _exists(home, reflection_id)  # one more open/close, as the next command would
        else:
            outcome.gone_after_kill += 1
        w = word(i)
        leftovers = _word_in_files(home, w.encode())
        if leftovers or _in_index(home, w):
            outcome.survivors.append(f"{reflection_id}: {leftovers or 'index'}")
    return outcome
