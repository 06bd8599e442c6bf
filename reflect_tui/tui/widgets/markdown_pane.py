"""Markdown drawn by one widget (Rich's renderer), for a pane that changes often.

Why not Textual's ``Markdown`` widget: it mounts a widget per block (every
heading, paragraph, list and list item), and each new reflection shown
replaced them all: styling, mounting and two full screen layouts cost
about 250 ms of the UI thread per highlighted reflection on the journal
screen (a loaded machine; ~110 block widgets for a typical reflection). A
search keystroke typed during that waited for it (issue 13: each keystroke
<= 50 ms). Rich renders the same Markdown as lines of one widget in about
a tenth of that, and the pane's layout has a single child to arrange.

The text given is Markdown written by ``render.reflection_markdown``, which
escapes user text: answers are never Markdown or markup here either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markdown import Markdown
from rich.theme import Theme
from textual.widgets import Static

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

# Rich's Markdown colours its headings magenta and its code cyan on black,
# whatever the app's theme: here headings are told apart by weight and
# underline in the theme's own text colour, readable in every theme and
# under NO_COLOR.
PLAIN_MARKDOWN = Theme(
    {
        "markdown.h1": "bold underline",
        "markdown.h2": "bold underline",
        "markdown.h3": "bold",
        "markdown.h4": "italic",
        "markdown.code": "bold",
        "markdown.code_block": "none",
        "markdown.block_quote": "italic",
        "markdown.list": "none",
        "markdown.item.number": "none",
        "markdown.link": "underline",
        "markdown.link_url": "underline",
        "markdown.table.border": "none",
        "markdown.table.header": "bold",
    }
)


class _Themed:
    """A renderable drawn with ``PLAIN_MARKDOWN`` on top of the console's styles."""

    def __init__(self, markdown: Markdown) -> None:
        self.markdown = markdown

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        with console.use_theme(PLAIN_MARKDOWN):
            lines = list(console.render(self.markdown, options))
        yield from lines


class MarkdownPane(Static):
    """Shows one Markdown document; ``source`` is the text last shown."""

    def __init__(self, source: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = ""
        self.show(source)

    def show(self, source: str) -> None:
        """Replace the document (its height changes, so with a layout of the pane)."""
        self.source = source
        self.update(_Themed(Markdown(source, hyperlinks=False)))
