"""Where reflect's start-up time goes, part by part, in one fresh process.

Run by ``bench_tui.py`` (with ``REFLECT_HOME`` set) after the start-up
ratio, so a miss comes with the parts to look at. Prints one
``name<TAB>milliseconds`` line per part, in the order ``launch`` meets them:
what the bare Textual app also pays first, then what only reflect pays
(its own imports, the content, the journal, the home screen's queries).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

_PARTS: list[tuple[str, float]] = []


def timed(name: str, call: Callable[[], Any]) -> Any:
    began = time.perf_counter()
    result = call()
    _PARTS.append((name, (time.perf_counter() - began) * 1000))
    return result


def _import_textual() -> None:
    import textual.app  # noqa: F401
    from textual.widgets import Footer, Header, Static  # noqa: F401


def _import_reflect() -> None:
    import reflect_tui.cli.main
    import reflect_tui.core.content.loader
    import reflect_tui.core.journal.store
    import reflect_tui.tui.app
    import reflect_tui.tui.launch  # noqa: F401


def main() -> None:
    timed("import textual (bare app pays this too)", _import_textual)
    timed("import reflect modules on top", _import_reflect)

    from reflect_tui.cli.context import CliContext
    from reflect_tui.cli.main import build_parser
    from reflect_tui.core.content.loader import load_content
    from reflect_tui.core.journal.store import JournalStore
    from reflect_tui.tui.coaching import learning_for
    from reflect_tui.tui.screens.home import RECENT_LIMIT

    ctx = CliContext(args=build_parser().parse_args([]))
    locations = ctx.locations
    result = timed("load_content (YAML, validate)", lambda: load_content(locations, env=ctx.env))
    store = timed("JournalStore.open", lambda: JournalStore.open(locations.journal_path, ctx.clock))
    try:
        count = timed("store.count", store.count)
        drafts = timed("store.drafts (x2 at start)", store.drafts)
        timed("store.list(10)", lambda: store.list(limit=RECENT_LIMIT))
        steps = timed("store.open_next_steps", store.open_next_steps)
        timed("learning_for (home)", lambda: learning_for(result.content, store, ctx.clock))
    finally:
        store.close()
    for name, ms in _PARTS:
        print(f"{name}\t{ms:.1f}")
    print(f"(journal: {count} reflections, {len(drafts)} drafts, {len(steps)} open next steps)")


if __name__ == "__main__":
    main()
