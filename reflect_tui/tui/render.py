"""The Markdown text of a reflection, for reading it in the TUI and exporting it.

Why a wrapper: the journal's own renderer (``core/journal/markdown.py``) is
the single source of the Markdown layout; this module only adapts its call
and sanitises control characters so nothing reaches the terminal raw.
"""

from __future__ import annotations

from reflect_tui.core.content.model import Content
from reflect_tui.core.journal.model import Reflection
from reflect_tui.tui.text import clean


def reflection_markdown(reflection: Reflection, content: Content) -> str:
    """Markdown for ``reflection``, from the journal's renderer."""
    from reflect_tui.core.journal.markdown import content_namer, render_reflection

    return clean(render_reflection(reflection, content_namer(content)))
