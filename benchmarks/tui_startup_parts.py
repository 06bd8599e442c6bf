"""Where reflect's start-up time goes, part by part, in one fresh process.

Run by ``bench_tui.py`` (with ``REFLECT_HOME`` set) after the start-up
ratio, so a miss comes with the parts to look at. Prints one
``name<TAB>milliseconds`` line per part, in the order ``launch`` meets them:
what the bare Textual app also pays first, then what only reflect pays
(its own imports, the content cache check, the journal, the home screen's
first-frame queries), then what the next frame (the lists) pays on the
UI thread, then what a worker reads after it for the learning suggestions
(the content built from the cache, the coach), and, for comparison, what
a start with a stale cache pays for the YAML.
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
    import reflect_tui.core.content.cache
    import reflect_tui.core.journal.store
    import reflect_tui.tui.app
    import reflect_tui.tui.launch  # noqa: F401


def _import_journal_model() -> None:
    import reflect_tui.core.journal.model  # noqa: F401


def main() -> None:
    timed("import textual (bare app pays this too)", _import_textual)
    timed("import reflect modules on top", _import_reflect)

    from reflect_tui.cli.context import CliContext
    from reflect_tui.cli.main import no_arguments
    from reflect_tui.core.coach.service import learning_for
    from reflect_tui.core.content.cache import PendingContent, prepare_content
    from reflect_tui.core.journal.store import JournalStore
    from reflect_tui.tui.screens.home import RECENT_LIMIT, STEPS_LIMIT

    ctx = CliContext(args=no_arguments())
    locations = ctx.locations
    prepared = timed(
        "content cache check (before the UI)", lambda: prepare_content(locations, env=ctx.env)
    )
    store = timed("JournalStore.open", lambda: JournalStore.open(locations.journal_path, ctx.clock))
    try:
        timed("store.drafts(limit=1) (first frame)", lambda: store.drafts(limit=1))
        # The second frame: the lists that need only the journal (UI thread).
        timed("import journal.model (lists frame)", _import_journal_model)
        count = timed("store.count (lists frame)", store.count)
        timed("store.list(11) (lists frame)", lambda: store.list(limit=RECENT_LIMIT + 1))
        steps = timed(
            "store.open_next_steps(15) (lists frame)", lambda: store.open_next_steps(STEPS_LIMIT)
        )
        open_steps = timed("store.count_open_next_steps (lists frame)", store.count_open_next_steps)
        # After that frame, in a worker: what the learning suggestions need.
        if isinstance(prepared, PendingContent):
            content = timed("content from the cache (worker, after it)", prepared.load).content
        else:  # the check found the cache stale and loaded the YAML itself
            content = prepared.content
        timed(
            "learning_for (worker, after it)",
            lambda: learning_for(content, store, ctx.clock.today()),
        )
        drafts = store.drafts()
    finally:
        store.close()

    def stale_cache_load() -> None:
        from reflect_tui.core.content.loader import load_content

        load_content(locations, env=ctx.env)

    timed("load_content: YAML, validate (stale cache only)", stale_cache_load)
    for name, ms in _PARTS:
        print(f"{name}\t{ms:.1f}")
    cache_note = "" if isinstance(prepared, PendingContent) else "; content cache was STALE"
    print(
        f"(journal: {count} reflections, {len(drafts)} drafts,"
        f" {open_steps} open next steps, {len(steps)} shown{cache_note})"
    )


if __name__ == "__main__":
    main()
