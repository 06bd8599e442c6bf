"""Print a judging sheet: each case's text with the top-5 tips as the app shows them.

Run:  .venv/bin/python benchmarks/coach_judge_sheet.py tests/data/coach_cases_heldout.yaml

For a blind reader in the role of an experienced coach: per case the text (and
what the user ticked), then each shown tip with its title, text and reason lines,
with empty boxes to rate fit (goed / enigszins / niet) and to mark a misread
reason. Nothing of the coach's keywords, scores or the case's labels is shown,
so the reader judges the advice, not the tags.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reflect_tui.core.coach.evaluate import coach_case, load_cases
from reflect_tui.core.content.loader import load_builtin


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", type=Path, help="a cases YAML file")
    parser.add_argument("-n", type=int, default=5, help="tips per case (default 5)")
    args = parser.parse_args()
    content = load_builtin()
    barriers = content.by_id("barriers")
    for number, case in enumerate(load_cases(args.cases), 1):
        print(f"## Casus {number} ({case.id})\n")
        print(case.text.strip() + "\n")
        if case.ticked_barriers:
            names = [getattr(barriers.get(b), "name", b) for b in case.ticked_barriers]
            print(f"Aangevinkt als wat hinderde: {', '.join(names)}\n")
        if case.ticked_helps:
            helps = content.by_id("helps")
            names = [getattr(helps.get(h), "name", h) for h in case.ticked_helps]
            print(f"Aangevinkt als wat hielp: {', '.join(names)}\n")
        for rank, match in enumerate(coach_case(content, case, n=args.n), 1):
            print(f"{rank}. **{match.tip.title}**")
            print(f"   {match.tip.text.strip()}")
            for reason in match.reasons:
                print(f"   - Waarom: {reason}   [ ] misleest de tekst")
            print("   Past: [ ] goed  [ ] enigszins  [ ] niet\n")
        print("Welke tip had je als coach het liefst gegeven? ______\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
