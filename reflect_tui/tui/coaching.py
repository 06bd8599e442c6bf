"""The TUI's side of the coach: warming it up off the UI thread.

What the coach says (tips, learning suggestions, with which history) is
decided in one place for the app and the CLI alike: ``core/coach/service``.
"""

from __future__ import annotations


def warm_up_in_background() -> None:
    """Load the coach's Dutch dictionary in a worker thread (about half a second).

    Why: the first coach call of a session (the practice suggestions after the
    intake) would otherwise pause the screen while the dictionary loads; the
    user spends that time typing the intake.
    """
    import threading

    from reflect_tui.core.text_analysis import warm_up

    threading.Thread(target=warm_up, name="coach-warm-up", daemon=True).start()
