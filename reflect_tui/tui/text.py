"""Showing user text safely: never as markup, never as terminal codes.

Why: a title like ``[bold]`` or ``[/]`` must show literally (and must not
crash the renderer), and escape codes pasted or imported into the journal
must not reach the terminal. Every piece of user text goes through
``clean`` or ``plain`` before a widget shows it.
"""

from __future__ import annotations

from textual.content import Content

from reflect_tui.core.safe_text import strip_unsafe


def clean(text: str) -> str:
    """``text`` without control, bidi or escape characters (tab and newline kept).

    The same character set as the CLI's (``core/safe_text``): one sanitiser.
    """
    return strip_unsafe(text)


def one_line(text: str, limit: int = 200) -> str:
    """A single display line: newlines become spaces, long text is cut."""
    flat = " ".join(clean(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def plain(text: str, style: str = "") -> Content:
    """A Content that shows ``text`` literally (no markup parsing)."""
    content = Content(clean(text))
    return content.stylize(style) if style and content else content


def join(*parts: Content | str) -> Content:
    """Concatenate pieces; plain ``str`` parts are treated as literal text too."""
    return Content("").join(p if isinstance(p, Content) else plain(p) for p in parts)


def path_lines(path: object) -> str:
    """A file path for a notice: its folder, then the file name whole on a line of its own.

    Why: a notice wraps at its width, and a long path was folded inside the
    file name ("dagboek-20261202-0" / "45544.md" at 80 columns). The name
    (what the user looks for) now always starts a line; a long folder may
    still fold, but at its own separators' line.
    """
    text = clean(str(path))
    folder, sep, name = text.rpartition("/")
    if not sep:
        folder, sep, name = text.rpartition("\\")
    return f"\n{folder}{sep}\n{name}" if sep else text
