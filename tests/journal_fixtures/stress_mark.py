"""Mark a next step done from another process, as the home screen does.

There is no CLI command for it, so this calls the same core method the TUI
calls (``JournalStore.set_next_step_done``). Usage: ``python stress_mark.py
DB REFLECTION_ID INDEX``; exit 0 when it committed, 1 with one line otherwise.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reflect_tui.core.clock import SystemClock
from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal.store import JournalStore


def main() -> int:
    db, rid, index = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    try:
        with JournalStore.open(db, SystemClock()) as store:
            store.set_next_step_done(rid, index, True)
    except ReflectError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
