"""Rebuild ``reflect_tui/core/privacy/dutch_words.txt`` (developers only, not shipped).

Why derived: the pseudonymiser treats a capitalised word as a possible name
only when it is not a Dutch word. Words the essay and our own content write in
lowercase are Dutch words by construction, so the list grows with the content
and never needs a dictionary download. ``EXTRA`` adds everyday words that case
texts use but the essay happens not to. Run from the worktree root:
``python scripts/derive_dutch_words.py ../shared/source/essay.txt``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "reflect_tui" / "core" / "privacy" / "dutch_words.txt"
EXTRA_FILE = ROOT / "scripts" / "dutch_words_extra.txt"
WORD = re.compile(r"[a-zà-ÿ][a-zà-ÿ'’-]*")


def main(argv: list[str]) -> int:
    sources = [Path(a) for a in argv] + sorted((ROOT / "content").glob("*.yaml"))
    words: set[str] = set()
    for source in sources:
        for word in WORD.findall(source.read_text(encoding="utf-8")):
            words.add(word.strip("'’-"))
    for line in EXTRA_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            words.update(line.lower().split())
    from reflect_tui.core.privacy.names import FIRST_NAMES, SURNAMES

    # A name that is also a word stays a word only if it is a real common word
    # in the sources; the lists of names decide for the rest.
    words -= {w for w in FIRST_NAMES | SURNAMES if w not in words}
    header = (
        "# Derived by scripts/derive_dutch_words.py: lowercase words of essay, content, extras.\n"
    )
    OUT.write_text(
        header + "\n".join(sorted(w for w in words if len(w) > 1)) + "\n", encoding="utf-8"
    )
    print(f"{OUT.name}: {len(words)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
