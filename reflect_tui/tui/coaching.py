"""The TUI's side of the coach: warming it up off the UI thread.

What the coach says (tips, learning suggestions, with which history) is
decided in one place for the app and the CLI alike: ``core/coach/service``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reflect_tui.core.content.model import Content


def warm_up_in_background(content: Content | None = None) -> None:
    """Load the coach's Dutch dictionary, then the tips' example notes, in a thread.

    Why: the first coach call of a session (the practice suggestions after the
    intake) would otherwise pause the screen while the dictionary loads, and
    the first tips (the summary) while about a thousand example notes are read
    (about half a second each); the user spends that time typing.
    """
    import threading

    from reflect_tui.core.text_analysis import warm_up

    def work() -> None:
        warm_up()
        if content is not None:
            from reflect_tui.core.coach.examples import example_model

            example_model(content)

    threading.Thread(target=work, name="coach-warm-up", daemon=True).start()
