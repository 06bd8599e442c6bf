"""Checking content ids typed on the command line, for every command alike.

Why one module: ``reflect coach --practice`` refused an unknown id while
``reflect list --practice`` silently found nothing for it, so a typo (or a
screen label such as "relatiewerk" instead of the id ``relaties``) looked
like an empty journal. Both now check through ``check_ids``.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.safe_text import clean_line


def check_ids(given: Sequence[str], known: Sequence[str], what: str) -> list[str]:
    """The given ids (lower-cased, each once), or one clear error naming the closest known id."""
    checked: list[str] = []
    for raw in given:
        item = raw.strip().lower()
        if item not in known:
            close = difflib.get_close_matches(item, known, n=1, cutoff=0.6)
            hint = f" Bedoel je '{close[0]}'?" if close else ""
            raise ReflectError(
                f"onbekende {what} '{clean_line(raw)}'.{hint} Kies uit: {', '.join(known)}.",
                exit_code=2,
            )
        if item not in checked:
            checked.append(item)
    return checked
