"""Concurrency stress harness: the app's autosave beside random CLI commands on one journal.

Used by ``tests/test_journal_stress.py`` (a short run) and
``benchmarks/soak_journal.py`` (thousands of operations).

The app side is real: a UI store plus the ``DraftSaver`` writer thread that
opens its own store the way ``tui/launch.py`` does, in this process. The
other side is real too: every CLI command is a separate ``python -m
reflect_tui`` process (marking a next step done has no CLI command, so a
small script calls the same core method the home screen calls,
``JournalStore.set_next_step_done``).

After every round a checker runs in *another process* (reading the files'
bytes here would drop this process's SQLite locks, the very defect this
harness guards against): ``integrity_check`` is ok, every acknowledged
write is there, and every deleted reflection's secret text is in no file
under the data folder (journal, ``-wal``, ``-shm``, backups).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from reflect_tui.core.clock import SystemClock
from reflect_tui.core.journal.interchange import dump_journal
from reflect_tui.core.journal.model import Answer, NextStep, Reflection
from reflect_tui.core.journal.store import JournalStore
from reflect_tui.core.session.autosave import DraftSaver

HERE = Path(__file__).resolve().parent
CHECKER = HERE / "stress_check.py"
MARKER = HERE / "stress_mark.py"
OPS = ("list", "show", "search", "export", "import", "delete", "mark", "backup")
WEIGHTS = (4, 3, 3, 2, 2, 3, 3, 1)


@dataclass
class Tally:
    """What a run did and what it found; the last three must stay 0."""

    operations: int = 0
    cli_commands: int = 0
    autosaves: int = 0
    refused: int = 0  # CLI commands that exited non-zero (e.g. the target was just deleted)
    by_op: dict[str, int] = field(default_factory=dict)
    integrity_failures: int = 0
    lost_answers: int = 0
    resurrected_deletions: int = 0
    refusals: list[str] = field(default_factory=list)

    @property
    def failures(self) -> int:
        return self.integrity_failures + self.lost_answers + self.resurrected_deletions


def _secret() -> str:
    return "GEHEIM" + uuid.uuid4().hex


def make_reflection(title: str, secret: str, steps: int = 2) -> Reflection:
    now = datetime.now(UTC)
    return Reflection(
        id=str(uuid.uuid4()),
        title=title,
        occurred_on=date(2026, 11, 1),
        created_at=now,
        updated_at=now,
        status="complete",
        answers=[Answer("situatie", "luisteren", "Wie hoorde je?", f"bewoners {secret}")],
        insight=f"inzicht bij {title}",
        next_steps=[NextStep(f"stap {i}", None, False) for i in range(steps)],
    )


class StressRun:
    """One journal, one running app, CLI processes around it."""

    def __init__(
        self, home: Path, seed: int = 1, workers: int = 2, typing_pause: float = 0.01
    ) -> None:
        self.typing_pause = typing_pause
        self.home = home
        self.path = home / "journal.sqlite3"
        self.rng = random.Random(seed)
        self.workers = workers
        self.tally = Tally()
        self.env = dict(os.environ, REFLECT_HOME=str(home))
        self.scratch = home.parent / f"{home.name}-scratch"
        self.scratch.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        # id -> {step: text} of acknowledged answers (the app's drafts and imports)
        self.expected: dict[str, dict[str, str]] = {}
        self.marked: set[tuple[str, int]] = set()  # acknowledged "done" marks
        self.secrets: dict[str, str] = {}  # id -> secret of every deletable reflection
        self.deleted: dict[str, str] = {}  # acknowledged deletions: id -> secret
        self.pool: list[str] = []  # deletable, markable reflections not (being) deleted
        self.clock = SystemClock()
        self.ui: JournalStore | None = None
        self.saver: DraftSaver | None = None
        self.errors: list[Exception] = []

    # -- set-up and tear-down ---------------------------------------------------------------

    def start(self, seeded: int = 6) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        self.ui = JournalStore.open(self.path, self.clock)
        seeds = [make_reflection(f"casus {i}", _secret()) for i in range(seeded)]
        self.ui.import_reflections(seeds)
        for reflection in seeds:
            self._register(reflection)
        path, clock = self.path, self.clock
        self.saver = DraftSaver(lambda: JournalStore.open(path, clock), on_error=self.errors.append)

    def _register(self, reflection: Reflection) -> None:
        """A reflection now acknowledged in the journal: expected, deletable, markable."""
        secret = reflection.answers[0].text.split()[-1]
        with self._lock:
            self.secrets[reflection.id] = secret
            self.expected[reflection.id] = {a.step: a.text for a in reflection.answers}
            self.pool.append(reflection.id)

    def stop(self) -> None:
        if self.saver is not None:
            self.saver.close()
        if self.ui is not None:
            self.ui.close()

    # -- one round ---------------------------------------------------------------------------

    def round(self, commands: int) -> dict[str, int]:
        """``commands`` CLI commands in parallel with autosaving; then check. Returns the check."""
        assert self.ui is not None and self.saver is not None
        queue = [self.rng.choices(OPS, WEIGHTS)[0] for _ in range(commands)]
        seeds = [self.rng.randrange(1 << 30) for _ in range(self.workers)]
        done = threading.Event()
        threads = [
            threading.Thread(target=self._worker, args=(queue, random.Random(s))) for s in seeds
        ]
        draft = self.ui.create_draft(title="concept van de app")
        for thread in threads:
            thread.start()
        app = threading.Thread(target=self._app, args=(draft, done))
        app.start()
        for thread in threads:
            thread.join()
        done.set()
        app.join()
        return self.check()

    def _app(self, draft: Reflection, done: threading.Event) -> None:
        """Type into a draft, autosaving; acknowledge what the writer confirmed saved."""
        assert self.saver is not None
        i = 0
        while not done.is_set() or i < 3:
            step = f"stap-{i % 5}"
            text = f"antwoord {i} " + "woord " * (i % 40)
            existing = draft.answer_for("situatie", step)
            if existing is None:
                draft.answers.append(Answer("situatie", step, "Vraag?", text))
            else:
                existing.text = text
            self.saver.submit(draft)
            time.sleep(self.typing_pause)  # a person types between autosaves
            if self.saver.flush(timeout=30.0):
                with self._lock:
                    self.expected[draft.id] = {a.step: a.text for a in draft.answers}
                    self.tally.autosaves += 1
                    self.tally.operations += 1
            i += 1

    def _worker(self, queue: list[str], rng: random.Random) -> None:
        while True:
            with self._lock:
                if not queue:
                    return
                op = queue.pop()
            self._run_op(op, rng)

    def _cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "reflect_tui", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    def _run_op(self, op: str, rng: random.Random) -> None:
        with self._lock:
            target = rng.choice(self.pool) if self.pool else None
            if target is None and op in ("show", "delete", "mark"):
                op = "list"  # nothing left to pick: still one command
            if op == "delete" and target is not None:
                self.pool.remove(target)  # nothing else picks it from now on
        result: subprocess.CompletedProcess[str] | None = None
        if op == "list":
            result = self._cli("list")
        elif op == "show" and target:
            result = self._cli("show", target)
        elif op == "search":
            result = self._cli("search", rng.choice(["bewoners", "inzicht", "antwoord", "casus"]))
        elif op == "export":
            result = self._cli("export")
        elif op == "backup":
            result = self._cli("backup", "-o", str(self.scratch / f"b-{uuid.uuid4().hex}.sqlite3"))
        elif op == "import":
            # Two per import, so deletions do not drain the pool of targets.
            fresh = [make_reflection(f"import {rng.randrange(10**6)}", _secret()) for _ in "ab"]
            file = self.scratch / f"import-{uuid.uuid4().hex}.json"
            file.write_text(dump_journal(fresh), encoding="utf-8")
            result = self._cli("import", str(file))
            if result.returncode == 0:
                for reflection in fresh:
                    self._register(reflection)
        elif op == "delete" and target:
            result = self._cli("delete", "--yes", target)
            if result.returncode == 0:
                with self._lock:
                    self.deleted[target] = self.secrets[target]
                    self.expected.pop(target, None)
                    self.marked = {m for m in self.marked if m[0] != target}
            else:
                with self._lock:
                    self.pool.append(target)
        elif op == "mark" and target:
            index = rng.randrange(2)
            result = subprocess.run(
                [sys.executable, str(MARKER), str(self.path), target, str(index)],
                capture_output=True,
                text=True,
                timeout=120,
            )
            if result.returncode == 0:
                with self._lock:
                    if target not in self.deleted:
                        self.marked.add((target, index))
        if result is None:
            return
        with self._lock:
            self.tally.operations += 1
            self.tally.cli_commands += 1
            self.tally.by_op[op] = self.tally.by_op.get(op, 0) + 1
            if result.returncode != 0:
                self.tally.refused += 1
                last = (result.stderr.strip().splitlines() or ["?"])[-1]
                self.tally.refusals.append(f"{op}: {last[:200]}")

    # -- checking ----------------------------------------------------------------------------

    def check(self) -> dict[str, int]:
        """Run the checker in another process and add its findings to the tally."""
        spec = self.scratch / "expect.json"
        with self._lock:
            spec.write_text(
                json.dumps(
                    {
                        "home": str(self.home),
                        "expected": self.expected,
                        "marked": sorted(self.marked),
                        "deleted": self.deleted,
                    }
                ),
                encoding="utf-8",
            )
        out = subprocess.run(
            [sys.executable, str(CHECKER), str(spec)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if out.returncode != 0:
            raise RuntimeError(f"checker failed: {out.stderr[-2000:]}")
        found: dict[str, int] = json.loads(out.stdout)
        self.tally.integrity_failures += found["integrity_failures"]
        self.tally.lost_answers += found["lost_answers"]
        self.tally.resurrected_deletions += found["resurrected_deletions"]
        return found
