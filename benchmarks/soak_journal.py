"""Soak: the app's autosave writer beside thousands of random CLI commands on one journal.

Run: ``.venv/bin/python benchmarks/soak_journal.py [--commands 2000] [--rounds 40]``.

The harness (``tests/journal_fixtures/stress.py``) keeps a real app side in
this process (a UI store plus the draft writer thread with its own
connection, autosaving a draft) while worker threads start CLI processes:
``list``, ``show``, ``search``, ``export``, ``import``, ``delete``,
``backup`` and marking next steps done. After each round a separate
process checks the journal. Prints the counts; integrity failures, lost
answers and resurrected deletions must all be 0 (exit code 1 otherwise).
Operations count CLI commands and acknowledged autosaves, shown apart.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from journal_fixtures.stress import StressRun  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commands", type=int, default=2000, help="CLI commands in total")
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2, help="CLI processes at once")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    per_round = max(1, args.commands // args.rounds)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="reflect-soak-") as tmp:
        run = StressRun(Path(tmp) / "home", seed=args.seed, workers=args.workers)
        run.start()
        try:
            for number in range(1, args.rounds + 1):
                found = run.round(per_round)
                bad = found["integrity_failures"] + found["lost_answers"]
                bad += found["resurrected_deletions"]
                if bad:
                    print(f"round {number}: {found}", flush=True)
        finally:
            run.stop()
        run.check()  # once more after the app closed
    t = run.tally
    elapsed = time.perf_counter() - started
    print(f"operations:             {t.operations}")
    print(f"  cli commands:         {t.cli_commands}  {dict(sorted(t.by_op.items()))}")
    print(f"  autosaves (acked):    {t.autosaves}")
    print(f"  refused by the CLI:   {t.refused}")
    for line in sorted(set(t.refusals))[:10]:
        print(f"    {line}")
    print(f"autosave errors:        {len(run.errors)}")
    print(f"integrity failures:     {t.integrity_failures}")
    print(f"lost answers:           {t.lost_answers}")
    print(f"resurrected deletions:  {t.resurrected_deletions}")
    print(f"deletions checked:      {len(run.deleted)}")
    print(f"time:                   {elapsed:.0f} s (shared, loaded machine)")
    return 1 if t.failures or run.errors else 0


if __name__ == "__main__":
    sys.exit(main())
