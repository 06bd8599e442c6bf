"""Whether a screen (or a widget on it) may still draw a worker's answer.

A thread worker hands its result to the UI thread with ``call_from_thread``;
by the time that callback runs the screen may be gone, or going, and looking
up one of its widgets then raises ``NoMatches``, which ends the app. One rule
for every screen, so a late answer is dropped the same way everywhere.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widget import Widget


def is_open(widget: Widget) -> bool:
    """True while ``widget``'s screen is in the app's stack and the app is not closing.

    Each half covers a moment ``is_attached`` alone misses: a screen being
    popped is still attached while its widgets are removed (not in the stack
    any more), and while the app shuts down every screen stays in the stack
    while its widgets are removed (the app no longer running).
    """
    app = widget.app
    if not app.is_running or not widget.is_attached:
        return False
    screen = widget if isinstance(widget, Screen) else widget.screen
    return screen in app.screen_stack
