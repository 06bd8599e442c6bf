"""Keep a fast burst of keys in order across focus moves and step changes.

Why: Textual hands each key to the widget that has the focus *when the app
reads the key*, but Tab, shift+Tab and the step keys (alt+←/→) act only once
they have bubbled back up from that widget to the screen's bindings. Keys
typed right behind them (a fast burst, a loaded machine) were therefore
already given to the old field: a rating digit landed in the note before it,
ticks went to a step that was then removed. For the few keys a screen lists
in ``ORDERED_KEYS`` (Tab and shift+Tab on every screen,
``DEFAULT_ORDERED_KEYS``) the app instead first lets the focused field and its
ancestors finish the keys they already hold, queues the key behind the ones
those passed up to the app (widget bindings such as a rating's digits run
there), holds the keys typed after it, runs its binding, and then hands the
held keys to the field that has the focus by then. Ordinary typing
is untouched (no extra work per typed character).
"""

from __future__ import annotations

import asyncio
import contextlib

from textual import events
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget

# Keys ordered on every screen that does not list its own ``ORDERED_KEYS``:
# Tab and shift+Tab move the focus everywhere (forms such as the intervision
# set-up lost the text typed right behind a Tab to the field it left).
DEFAULT_ORDERED_KEYS: frozenset[str] = frozenset({"tab", "shift+tab"})

# Longest wait for one queue; only reached if a handler itself waits on the
# app, which must never freeze the keyboard for longer than this.
_SETTLE_TIMEOUT = 1.0


async def settle(widget: Widget, screen: Screen[object]) -> None:
    """Wait until ``widget`` and each ancestor up to ``screen`` has handled
    every message queued before now (typed keys and the changes they post)."""
    node: DOMNode | None = widget
    while node is not None:
        done = asyncio.Event()
        if node.call_later(done.set):
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), _SETTLE_TIMEOUT)
        if node is screen:
            break
        node = node.parent


def handles_key_itself(widget: Widget, key: str) -> bool:
    """Whether the focused field uses ``key`` as text (a TextArea that indents)."""
    return key == "tab" and getattr(widget, "tab_behavior", None) == "indent"


class OrderedKey(Message, bubble=False):
    """An ordered key, queued on the app behind the keys typed before it."""

    def __init__(self, key: events.Key) -> None:
        super().__init__()
        self.key = key
