"""Coach benchmark: quality on the tuned and held-out cases, and speed at 10,000 reflections.

Run from the project root:  .venv/bin/python benchmarks/bench_coach.py [--runs N]
[--tuned-only]  (--tuned-only skips the held-out halves: for whoever tunes the coach)
[--cases FILE ...]  (only these case files, aggregate figures only: e.g. the tuning
sets and a validation set; held-out files are refused)

Quality (issue 11), each case run as a user would: its text, its case kind
and the barriers its writer says were ticked; printed separately for the
TUNED half (tests/data/coach_cases.yaml), the HELD-OUT half
(tests/data/coach_cases_heldout.yaml) and the HELD-OUT B half
(tests/data/coach_cases_heldout_b.yaml, 40 cases written blind later by
another writer). The held-out halves are never tuned on: only these
aggregate figures are ever looked at, never per-case misses. Targets apply
to the held-out halves:
- practice precision@5 (share of shown tips with an expected practice)  >= 0.80
  (the coach shows fewer than 5 tips when evidence is thin: the share is over
  the tips shown, a case with none counts 0; see coach/evaluate.py)
- barrier precision@5 (share of shown tips with an expected barrier)     (reported)
- hit@5 practice / barrier (at least one fitting tip)            barrier >= 0.95
- suggested practice top-1 >= 0.85 and top-2 (reported)
- ticked barrier served (a tip for it in the top 5, where content has one) 100 %
- misread rate of reason lines on a labelled set (tests/data/coach_reason_labels.yaml,
  labelled on the tuned half; the held-out half is judged by a blind reader)

Speed: one "coach pass" = learning suggestions over the journal plus tip
matching for the newest reflection with a tips-shown history. Measured on
10,000 synthetic reflections (a) in memory, over all 10,000, and (b) through
a real SQLite journal the way ``reflect suggest``/``reflect coach`` read it.
Target: at most 50 ms per pass. Ratios are time / target (<= 1.0 is met).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reflect_tui.core.clock import FixedClock  # noqa: E402
from reflect_tui.core.coach.evaluate import (  # noqa: E402
    coach_case,
    evaluate,
    good_tip_measures,
    load_cases,
)
from reflect_tui.core.coach.examples import example_model, forget_models  # noqa: E402
from reflect_tui.core.coach.index import build_index  # noqa: E402
from reflect_tui.core.coach.learning import learning_suggestions  # noqa: E402
from reflect_tui.core.coach.signals import Signals  # noqa: E402
from reflect_tui.core.coach.tips import match_tips  # noqa: E402
from reflect_tui.core.content.loader import load_builtin  # noqa: E402
from reflect_tui.core.content.model import Content  # noqa: E402
from reflect_tui.core.journal.model import (  # noqa: E402
    Answer,
    NextStep,
    PrincipleRating,
    Reflection,
)

TARGET_PRACTICE = 0.80
TARGET_BARRIER_HIT = 0.95
TARGET_TOP1 = 0.85
TARGET_TICKED = 1.0
TARGET_MISREAD = 0.05
TARGET_MS = 50.0
JOURNAL_SIZE = 10_000
NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)

SENTENCES = [
    "Bewonersavond over de herinrichting van het plein, veel vragen over parkeren.",
    "Mijn collega's van beheer willen er niet aan, geen budget dit jaar.",
    "De wethouder wil snel een besluit, de buurt is nog niet zover.",
    "Klacht over de kapvergunning, meneer voelde zich niet gehoord.",
    "Initiatiefnemers van de buurttuin zoeken geld voor een hek.",
    "Ik had geen tijd om het dossier goed te lezen.",
    "Het overleg met de ondernemers liep vast op de venstertijden.",
    "Samen met de wijkagent langsgegaan bij de bewoners aan de dijk.",
    "De procedure duurt maanden, de vrijwilligers haken af.",
    "Goed gesprek gehad, dankzij mijn collega van groen kwam er een oplossing.",
]


def make_journal(content: Content, size: int, seed: int = 5) -> list[Reflection]:
    """Realistic-looking reflections: choices, answers, ratings, next steps."""
    rng = random.Random(seed)
    practices = [p.id for p in content.practices]
    barriers = [b.id for b in content.barriers]
    helps = [h.id for h in content.helps]
    kinds = [k.id for k in content.case_kinds]
    steps = [s.id for s in content.lsd_steps]
    journal = []
    for number in range(size):
        moment = NOW - timedelta(hours=6 * number + rng.randint(0, 5))
        chosen = rng.sample(practices, rng.randint(1, 3))
        answers = [
            Answer(p, s, "Vraag?", " ".join(rng.sample(SENTENCES, 2)))
            for p in chosen
            for s in steps
            if rng.random() < 0.85
        ]
        journal.append(
            Reflection(
                id=f"{number:08x}-bench-0000-0000-000000000000",
                title=f"Casus {number}",
                occurred_on=moment.date(),
                created_at=moment,
                updated_at=moment,
                status="complete" if rng.random() < 0.95 else "draft",
                case_kind=rng.choice(kinds),
                what_happened=rng.choice(SENTENCES),
                practices=chosen,
                answers=answers,
                principles=[PrincipleRating(p.id, rng.randint(1, 5)) for p in content.principles],
                barriers=rng.sample(barriers, rng.randint(0, 2)),
                helps=rng.sample(helps, rng.randint(0, 2)),
                insight=rng.choice(SENTENCES),
                next_steps=[
                    NextStep("Terugbellen", moment.date() + timedelta(days=7), rng.random() < 0.7)
                ],
            )
        )
    return journal


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """(median, max) wall time in ms over ``runs`` calls after one warm-up."""
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def line(label: str, value: float, target: float, higher_is_better: bool = True) -> str:
    ok = value >= target if higher_is_better else value <= target
    ratio = value / target if target else float("inf")
    verdict = "OK" if ok else "MISSED"
    return f"  {label:<58} {value:8.3f}  target {target:6.2f}  ratio {ratio:5.2f}  {verdict}"


def info(label: str, value: float, extra: str = "") -> str:
    return f"  {label:<58} {value:8.3f}{extra}"


def load_labels(path: Path) -> dict[tuple[str, str], bool]:
    """(case id, reason line) -> misread?, from the labelled reasons file."""
    if not path.exists():
        return {}
    import yaml

    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {(str(e["case"]), str(e["reason"])): bool(e["misread"]) for e in raw.get("labels", [])}


def reason_misreads(
    content: Content, cases: list, labels: dict[tuple[str, str], bool]
) -> tuple[int, int, int]:
    """(misread, labelled, unlabelled) over the distinct reason lines of each case's top 5."""
    misread = labelled = unlabelled = 0
    for case in cases:
        lines = {r for m in coach_case(content, case) for r in m.reasons}
        for reason in lines:
            verdict = labels.get((case.id, reason))
            if verdict is None:
                unlabelled += 1
            else:
                labelled += 1
                misread += verdict
    return misread, labelled, unlabelled


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--no-store", action="store_true", help="skip the SQLite part")
    parser.add_argument(
        "--tuned-only",
        action="store_true",
        help="only the tuned half (for whoever tunes: never see held-out figures)",
    )
    parser.add_argument(
        "--cases",
        nargs="+",
        type=Path,
        default=None,
        help="only these case files (aggregates only; held-out files are refused)",
    )
    args = parser.parse_args()

    content = load_builtin()
    counts = f"{len(content.tips)} tips, {len(content.learning_suggestions)} learning suggestions"
    print(f"content {content.version}: {counts}")

    data = ROOT / "tests" / "data"
    labels = load_labels(data / "coach_reason_labels.yaml")
    halves = [
        ("TUNED", "coach_cases.yaml"),
        ("HELD-OUT", "coach_cases_heldout.yaml"),
        ("HELD-OUT B", "coach_cases_heldout_b.yaml"),
    ]
    if args.tuned_only:
        halves = halves[:1]
    if args.cases:
        if any("heldout" in p.name for p in args.cases):
            print("held-out case files are not for --cases", file=sys.stderr)
            return 2
        halves = [(p.stem, str(p.resolve())) for p in args.cases]
    for name, path in halves:
        if not (data / path).exists():
            print(f"\n{name}: {path} missing")
            continue
        cases = load_cases(data / path)
        result = evaluate(content, cases)
        print(
            f"\nQuality, {name} half ({result.cases} cases, "
            f"{result.barrier_cases} expect a barrier,"
        )
        print(f"  {result.ticked_pairs} ticked barriers with content)")
        print(line("practice precision@5", result.practice_precision, TARGET_PRACTICE))
        print(info("barrier precision@5", result.barrier_precision))
        print(info("hit@5, practice", result.practice_hit))
        print(line("hit@5, barrier", result.barrier_hit, TARGET_BARRIER_HIT))
        print(line("suggested practice, top-1", result.suggestion_top1, TARGET_TOP1))
        print(info("suggested practice, top-2", result.suggestion_top2))
        print(line("ticked barrier served", result.ticked_served, TARGET_TICKED))
        good = good_tip_measures(content, cases)
        if good is not None:
            print(info("share of shown tips among the case's good tips", good.share))
            print(info("cases with a good tip in the five", good.with_good))
            print(info("cases with the core move (first good tip) in the five", good.with_core))
            print(info("shown tips per case", good.shown))
        slots = sum(result.practice_slots.values()) or 1
        spread = ", ".join(f"{p} {c / slots:.2f}" for p, c in result.practice_slots.items())
        print(f"    tip slots per practice: {spread}")
        firsts = ", ".join(f"{p} {c}" for p, c in result.top_suggestions.items())
        print(f"    first suggested practice: {firsts}")
        misread, labelled, unlabelled = reason_misreads(content, cases, labels)
        if labelled:
            print(
                line(
                    f"misread reason lines ({labelled} labelled, {unlabelled} not)",
                    misread / labelled,
                    TARGET_MISREAD,
                    higher_is_better=False,
                )
            )
        else:
            print(f"    reason lines: {unlabelled} distinct, none labelled (blind reader judges)")
        if name == "TUNED":  # case ids of misses only for the half we may tune on
            for label, misses in (
                ("practice misses", result.practice_misses),
                ("barrier misses", result.barrier_misses),
                ("suggestion misses", result.suggestion_misses),
                ("ticked misses", result.ticked_misses),
            ):
                print(f"    {label}: {', '.join(misses) or '-'}")

    journal = make_journal(content, JOURNAL_SIZE)
    today: date = NOW.date()
    rng = random.Random(7)
    history = {
        tip.id: NOW - timedelta(days=rng.uniform(0, 60))
        for tip in rng.sample(list(content.tips), min(30, len(content.tips)))
    }
    newest = journal[0]

    def coach_pass() -> None:
        learning_suggestions(content, journal, today)
        match_tips(content, Signals.from_reflection(newest), recently_shown=history, now=NOW)

    print(f"\nSpeed ({JOURNAL_SIZE} reflections, median of {args.runs} runs, ms)")
    start = time.perf_counter()
    build_index(content)
    print(info("build keyword index (once per content)", (time.perf_counter() - start) * 1000))
    forget_models()  # the quality part above built it already
    start = time.perf_counter()
    example_model(content)
    print(
        info(
            "read example notes, build their model (once per content; the TUI warms it)",
            (time.perf_counter() - start) * 1000,
        )
    )
    med, worst = timed(lambda: learning_suggestions(content, journal, today), args.runs)
    print(info("learning suggestions over all 10,000 (in memory)", med, f"  (max {worst:.1f})"))
    med, worst = timed(
        lambda: match_tips(
            content, Signals.from_reflection(newest), recently_shown=history, now=NOW
        ),
        args.runs,
    )
    print(info("tip matching, newest reflection + tips-shown history", med, f"  (max {worst:.1f})"))
    med_mem, worst = timed(coach_pass, args.runs)
    print(
        line("coach pass, in memory (learning + tips)", med_mem, TARGET_MS, higher_is_better=False)
    )
    big = Signals(text=" ".join(SENTENCES) * 150)
    med, _ = timed(lambda: match_tips(content, big, recently_shown=history, now=NOW), 3)
    print(info("(info) tip matching for a ~100 KB text", med))

    if not args.no_store:
        from reflect_tui.core.coach.service import RECENTLY_SHOWN_DAYS as HISTORY_DAYS
        from reflect_tui.core.coach.service import learning_lookback
        from reflect_tui.core.journal.store import JournalStore

        with tempfile.TemporaryDirectory() as folder:
            clock = FixedClock(NOW)
            store = JournalStore.open(Path(folder) / "journal.sqlite3", clock)
            start = time.perf_counter()
            store.import_reflections(journal)
            store.record_tips_shown(list(history))
            setup_ms = (time.perf_counter() - start) * 1000
            print(info("(setup) write 10,000 reflections to SQLite", setup_ms))
            lookback = learning_lookback(content)

            def store_pass() -> None:
                recent = store.recent(lookback, complete_only=True)
                shown = store.tips_shown_since(NOW - timedelta(days=HISTORY_DAYS))
                learning_suggestions(content, recent, today, overdue_steps=store.overdue_next_steps)
                match_tips(
                    content, Signals.from_reflection(recent[0]), recently_shown=shown, now=NOW
                )

            med_store, _ = timed(store_pass, args.runs)
            store.close()
        print(
            line(
                f"coach pass via SQLite journal (recent {lookback}, all overdue steps)",
                med_store,
                TARGET_MS,
                higher_is_better=False,
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
