"""A burst of typed characters into a text field becomes one insert.

Why: a terminal without bracketed paste sends pasted text as one key event
per character. Each key made TextArea re-wrap and re-measure the whole line
it edits, so per key the cost grew with the line: 100 KB pasted as a single
paragraph took ~45 ms a key at 50 KB (minutes for the whole paste, measured
on a loaded 2-core machine), and even with line breaks every key paid the
edit, the change report and the repaint once. Characters already waiting in
the app's queue behind the one being handled are taken out and handed to
the field as one ``Paste``, which TextArea inserts in one edit (as it does a
bracketed paste). Normal typing is untouched: the check is one look at the
next message, and a key is never held back to wait for others.

Only printable characters with no priority binding are gathered; Enter, Tab,
the step keys and anything bound stay separate key events, in order.
"""

from __future__ import annotations

import sys
from typing import Any

from textual import events
from textual.app import App

# Upper bound on one gathered insert: the frame after it still comes quickly.
MAX_BURST = 8192


def _next_message(app: App[Any]) -> object | None:
    """The message the app handles next, without taking it.

    Textual's message loop peeks one message ahead (``_pending_message``, to
    merge messages that replace each other); the rest wait in its queue.
    """
    pending = app._pending_message
    if pending is not None:
        return pending
    values = getattr(app._message_queue, "values", None)
    return values[0] if values else None


def _drop_next_message(app: App[Any]) -> None:
    if app._pending_message is not None:
        app._pending_message = None
    else:
        app._message_queue.get_nowait()


def _plain_character(event: object) -> str:
    """The character a key event types, or "" when it is not a plain character."""
    if not isinstance(event, events.Key) or event.is_forwarded:
        return ""
    character = event.character or ""
    return character if len(character) == 1 and event.is_printable else ""


def take_burst(app: App[Any], event: events.Key) -> str | None:
    """The text of ``event`` plus the plain characters queued right behind it.

    None when there is no burst (the usual case: nothing queued), when the
    focus is not an editable TextArea, or when the first key is not a plain
    character. The gathered key events are removed from the queue.
    """
    if not _plain_character(_next_message(app)):
        return None
    first = _plain_character(event)
    # TextArea's module is looked up, not imported: importing it here cost
    # every start-up ~35 M instructions (3 %; the app loads it only when a
    # screen with an answer field opens). Not loaded means none is focused.
    text_area = sys.modules.get("textual.widgets._text_area")
    focused = app.focused
    if not first or text_area is None or not isinstance(focused, text_area.TextArea):
        return None
    if focused.read_only:
        return None
    bound = {key for key, active in app.screen.active_bindings.items() if active.binding.priority}
    if event.key in bound:
        return None
    parts = [first]
    while len(parts) < MAX_BURST:
        nxt = _next_message(app)
        character = _plain_character(nxt)
        if not character or nxt.key in bound:  # type: ignore[attr-defined]
            break
        _drop_next_message(app)
        parts.append(character)
    return "".join(parts)
