"""Earlier similar cases on a big journal: how long ``similar_cases`` takes.

The app asks for similar cases in a worker thread after the intake (and
again once practices and barriers are chosen), so the target is loose but
real: well under 100 ms on 50,000 reflections, whatever the case text.
Prints, measured in this one run, the median and worst wall and CPU time
per case text:

- a short intake with filler words and one rare name;
- an intake written only in the journal's most common words (every word
  must be read from the index up to its cap: the worst case for lookups);
- a whole reflection from the journal (intake, answers, insight), and the
  same with a 100 KB answer pasted in (the text analysis is bounded).

Uses the 50,000-reflection journal of ``bench_lookback.py`` (generated once
under /tmp). On a shared machine wall times move 10-20 %; CPU time less.
"""

from __future__ import annotations

import argparse
import copy
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

TARGET_MS = 100.0


def main() -> int:
    from bench_lookback import build_journal

    from reflect_tui.core.clock import SystemClock
    from reflect_tui.core.journal.model import Answer
    from reflect_tui.core.journal.query import JournalQuery, find
    from reflect_tui.core.journal.similar import similar_cases
    from reflect_tui.core.journal.store import JournalStore
    from reflect_tui.core.text_analysis import warm_up

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    directory = Path(tempfile.gettempdir()) / f"reflect-bench-lookback-{args.count}"
    journal = build_journal(directory, args.count, fresh=False)
    warm_up()  # the session screen warms the dictionary up before the intake is done

    with JournalStore.open(journal, SystemClock(), read_only=True) as store:
        newest = find(store, JournalQuery(), 1)[0]
        whole = store.get(newest.id)
        whole.id = "ffffffff-0000-4000-8000-000000000000"  # a new case, not in the journal
        short = copy.deepcopy(whole)
        short.title = "Kermis op het Marktplein"
        short.who = "Marktkooplui, collega van evenementen"
        short.what_happened = (
            "Mijn collega vraagt omdat de bewoners hebben willen weten hoe het verder gaat."
            " Daarna belde iemand over de kermis op het Marktplein."
        )
        short.answers, short.insight = [], ""
        common = copy.deepcopy(short)
        common.title = "Vraag over de buurttuin"
        common.what_happened = (
            "De bewoners en mijn collega van vastgoed spraken over de buurttuin, het"
            " bestemmingsplan, de kapvergunning, de afvalbakken en het budget. De wethouder"
            " en de projectleider waren boos over de inspraakprocedure en de bewonersavond."
        )
        pasted = copy.deepcopy(whole)
        pasted.answers = [*whole.answers, Answer("situatie", "luisteren", "", "woord " * 20_000)]
        cases = {
            "short intake, filler + a rare name": short,
            "intake of only common words": common,
            "a whole reflection": whole,
            "the same with a 100 KB answer": pasted,
        }
        print(
            f"\n{store.count()} reflections, {args.rounds} rounds per case, one run; machine"
            f" load {os.getloadavg()[0]:.1f} (a shared machine: expect 10-20 % noise)"
        )
        for name, case in cases.items():
            start_cpu = time.process_time()
            similar_cases(store, case)  # first call: fills the caches of this text's words
            first_cpu = (time.process_time() - start_cpu) * 1000
            walls, cpus = [], []
            for _ in range(args.rounds):
                start, start_cpu = time.perf_counter(), time.process_time()
                found = similar_cases(store, case)
                walls.append((time.perf_counter() - start) * 1000)
                cpus.append((time.process_time() - start_cpu) * 1000)
            verdict = "ok" if max(walls) <= TARGET_MS else "OVER TARGET"
            print(
                f"{name:<38} wall median {statistics.median(walls):6.1f} worst {max(walls):6.1f}"
                f" ms, CPU median {statistics.median(cpus):6.1f} ms (first call"
                f" {first_cpu:5.1f} ms), {len(found)} found"
                f"  target {TARGET_MS:.0f} ms  {verdict}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
