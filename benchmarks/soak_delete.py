"""Soak: SIGKILL ``reflect delete`` mid-erasure many times; count text that survived.

Run: ``.venv/bin/python benchmarks/soak_delete.py [--kills 80] [--seed 18]`` (deletes attempted;
the kill delay runs a little past one erasure, so some finish first).

Uses the harness of the suite's delete-crash test
(``tests/journal_fixtures/delete_crash.py``): each reflection has a unique
word in its title, answers, note and next step, an app export and a copy in
a pre-migration backup; one erasure is timed, then each delete is killed at
a random moment within that time. Printed: kills, reflections gone right
after the kill, reflections still there (finished by a second delete), and
survivors: reflections whose word was found in any file under the data
folder or in the search index after erasure. Target: 0 survivors over
>= 60 kills (issue 18).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from journal_fixtures.delete_crash import run  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=80, help="deletes to attempt (some finish)")
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        outcome = run(Path(tmp) / "home", kills=args.kills, seed=args.seed)
    print(f"deletes attempted:            {args.kills}")
    print(f"one erasure takes:            {outcome.calibration * 1000:.0f} ms")
    print(f"killed mid-erasure (SIGKILL): {outcome.kills}")
    print(f"gone right after the kill:    {outcome.gone_after_kill}")
    print(f"still there, second delete:   {outcome.still_there}")
    print(f"survivors (text left behind): {len(outcome.survivors)} (target 0)")
    for line in outcome.survivors[:10]:
        print(f"   {line}")
    ok = not outcome.survivors and outcome.kills >= 60
    print(f"{'PASS' if ok else 'MISS'} ({time.perf_counter() - began:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
