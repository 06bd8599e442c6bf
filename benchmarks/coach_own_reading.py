"""Print the coach's five tips and reasons for the developer's own tuning cases, with a tally.

Run:  .venv/bin/python benchmarks/coach_own_reading.py [tests/data/coach_cases_own.yaml] [-q]

Why: tag-level figures can look fine while the advice does not fit; a coach
reads the five tips and the reason lines per case. Each case in the file
names ``good_tips`` (the first is the core move). The tally counts shown tips
among them, cases with one, the core tip in the five and a good tip first;
whether a reason line misreads the text is left to the reader (printed).
Only for tuning cases: never run it on the held-out halves.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reflect_tui.core.coach.evaluate import coach_case, load_cases  # noqa: E402
from reflect_tui.core.content.loader import load_builtin  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "cases", type=Path, nargs="?", default=ROOT / "tests/data/coach_cases_own.yaml"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="only the tally")
    args = parser.parse_args()
    if "heldout" in args.cases.name:
        print("not on held-out cases", file=sys.stderr)
        return 2
    raw = {c["id"]: c for c in yaml.safe_load(args.cases.read_text(encoding="utf-8"))["cases"]}
    content = load_builtin()
    shown = good_shown = with_good = core_in = first_good = lines = 0
    cases = load_cases(args.cases)
    for case in cases:
        good = list(raw[case.id].get("good_tips") or ())
        matches = coach_case(content, case)
        if not args.quiet:
            ticks = f" ticked {case.ticked_barriers} helps {case.ticked_helps}"
            print(f"\n## {case.id}{ticks}\n{case.text.strip()}")
        for rank, match in enumerate(matches, 1):
            mark = "*" if match.tip.id in good else " "
            if not args.quiet:
                print(f" {mark}{rank}. {match.tip.id} ({match.score:.1f})")
                for reason in match.reasons:
                    print(f"      - {reason}")
            lines += len(match.reasons)
        ids = [m.tip.id for m in matches]
        shown += len(ids)
        good_shown += sum(1 for i in ids if i in good)
        with_good += any(i in good for i in ids)
        core_in += bool(good) and good[0] in ids
        first_good += bool(ids) and ids[0] in good
    n = len(cases)
    print(
        f"\n{n} cases: good share of shown {good_shown / max(shown, 1):.3f}, "
        f"cases with a good tip {with_good / n:.3f}, core tip in five {core_in / n:.3f}, "
        f"good tip first {first_good / n:.3f}, reason lines {lines}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
