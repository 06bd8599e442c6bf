"""Keep a big screen's long-lived objects out of the garbage collector's full passes.

Why: the app freezes what is alive after its first frame (``app.py``), but
the journal screen arrives later with ~65,000 objects of its own (the
modules it imports, its widgets, the detail pane's Markdown blocks, a page
of rows). Each full collection walked them all again: 40-120 ms on a
loaded machine, landing on whichever search keystroke happened to trigger
it, usually the first (issue 13: each keystroke <= 50 ms). Freezing them
once the screen is ready makes those passes walk only what the typing
itself creates.

Frozen objects are never collected, so what the screen leaves behind when
it closes (widgets refer to their parents: cycles) would stay for good.
``release`` therefore unfreezes when such a screen closes and, once the
next screen is drawn, collects once and freezes what is still alive: one
full pass at a moment nobody types, instead of one in the middle of typing.
"""

from __future__ import annotations

import gc
from collections.abc import Callable


def freeze() -> None:
    """Take everything alive now out of the collector's full passes."""
    gc.freeze()


def release(after_refresh: Callable[[Callable[[], None]], object]) -> None:
    """Give frozen objects back to the collector (a frozen screen closed);
    ``after_refresh`` (``App.call_after_refresh``) runs the collection and
    the new freeze after the next frame."""
    gc.unfreeze()

    def collect_and_freeze() -> None:
        gc.collect()
        gc.freeze()

    after_refresh(collect_and_freeze)


def tidy() -> None:
    """Collect what typing left behind and freeze what is still alive.

    Why: after the freeze, everything a search creates that lives on (rows,
    rendered lines, caches) piles up unfrozen, and the collector's next full
    pass walks it all: ~20 ms, measured landing between a filter change's
    page and its paint (issue 13's worst filter change, 61 ms). Done while
    the user pauses, that pass costs nobody a keystroke, and the next one
    during typing walks only what came after. Objects freed by reference
    counting are freed as before; only cycles wait for ``release``.
    """
    gc.collect()
    gc.freeze()
