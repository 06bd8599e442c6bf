"""A writer process for the crash and concurrency tests.

Usage: ``python crash_writer.py DB TAG COUNT``. Creates a draft, then saves
COUNT answers one by one (sometimes another field too), saving the whole draft
each time, and prints
``ACK <reflection-id> <step> <text>`` after each save returned, i.e. after
its transaction committed. The test kills it at random moments and checks
that every acknowledged answer is in the journal.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from reflect_tui.core.clock import SystemClock
from reflect_tui.core.journal.model import Answer
from reflect_tui.core.journal.store import JournalStore


def main() -> None:
    db, tag, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    rng = random.Random(tag)
    store = JournalStore.open(db, SystemClock(), busy_timeout=30.0)
    draft = store.create_draft(f"crash {tag}")
    print(f"DRAFT {draft.id}", flush=True)
    for i in range(count):
        text = f"{tag}-{i}-" + "tekst " * rng.randint(1, 400)
        # Like the app's autosave: the draft lives in memory and is saved whole.
        draft.answers.append(Answer("situatie", f"stap-{i}", "Vraag?", text))
        if i % 7 == 3:
            draft.insight = f"{tag} inzicht {i}"
        store.save(draft)
        print(f"ACK {draft.id} stap-{i} {len(text)}", flush=True)
    store.close()
    print("DONE", flush=True)


if __name__ == "__main__":
    main()
