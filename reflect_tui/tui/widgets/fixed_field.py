"""A one-line ``Input`` whose size never depends on what is typed in it.

Why: Textual's ``Input`` sets its ``virtual_size`` to the width of its text
on every change, and ``virtual_size`` asks the whole screen for a new
layout. On the journal screen a layout arranges every widget (the list,
the detail pane's Markdown blocks, the footer's keys) and repaints them all:
it ran before each keystroke's search could even start, a second full pass
per key beside the list update (issue 13: each search keystroke <= 50 ms at
50,000 reflections). A compact field with a fixed width and height never
changes size by its text, so the new virtual size needs no layout: the
field still scrolls to its cursor (``scroll_to_region`` reads
``virtual_size`` directly) and repaints as before.

Use it only where the field's width and height are fixed by CSS (not
``auto``).
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class FixedField(Input):
    """An ``Input`` whose text changes repaint it without a screen layout."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=True)
