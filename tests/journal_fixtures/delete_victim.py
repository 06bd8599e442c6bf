"""A process that deletes one reflection the way ``reflect delete`` does, on a signal.

Usage: ``python delete_victim.py HOME ID``. Imports and opens everything,
prints ``READY``, waits for one line on stdin, then runs the CLI's erasure
(``exports.delete_with_copies``) and prints ``DONE <seconds>``. The delete
crash test kills it at a random moment after ``READY``, so the kills land
inside the erasure itself instead of in Python's start-up.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from reflect_tui.core.clock import SystemClock
from reflect_tui.core.journal.exports import delete_with_copies
from reflect_tui.core.journal.store import JournalStore
from reflect_tui.core.paths import resolve_locations


def main() -> None:
    home, reflection_id = Path(sys.argv[1]), sys.argv[2]
    locations = resolve_locations(env={"REFLECT_HOME": str(home)})
    store = JournalStore.open(locations.journal_path, SystemClock(), busy_timeout=30.0)
    print("READY", flush=True)
    sys.stdin.readline()
    began = time.perf_counter()
    delete_with_copies(store, locations, reflection_id)
    store.close()
    print(f"DONE {time.perf_counter() - began:.4f}", flush=True)


if __name__ == "__main__":
    main()
