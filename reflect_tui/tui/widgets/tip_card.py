"""A tip or learning suggestion with the reasons it was chosen and its source."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from reflect_tui.core.coach.reasons import reason_gist
from reflect_tui.core.wording import sentence_start
from reflect_tui.tui import strings
from reflect_tui.tui.text import plain


def join_reasons(reasons: Sequence[str]) -> str:
    """Reason lines as one text: sentences follow each other, phrases take '; '.

    Why per line: tip reasons are whole sentences and learning reasons are
    phrases; joining sentences with '; ' printed "verdriet.; Je koos ...".
    The line starts with a capital (``wording.sentence_start``), whichever
    reason comes first.
    """
    parts: list[str] = []
    for reason in reasons:
        if parts:
            parts.append(" " if parts[-1].rstrip().endswith((".", "!", "?")) else "; ")
        parts.append(reason)
    return sentence_start("".join(parts))


class TipCard(Vertical):
    """Title, text, "Waarom: ..." and the essay section it comes from.

    Showing the reasons is the point: a tip the user cannot connect to
    their own case is easily dismissed.
    """

    DEFAULT_CLASSES = "tip-card"

    def __init__(self, title: str, text: str, reasons: Sequence[str], source: str = "") -> None:
        super().__init__()
        self._title, self._text, self._reasons, self._source = title, text, reasons, source

    def compose(self) -> ComposeResult:
        yield Static(plain(self._title, "bold"), classes="tip-title")
        yield Static(plain(self._text), classes="tip-text")
        if self._reasons:
            why = strings.SUMMARY_TIP_WHY.format(reasons=join_reasons(self._reasons))
            yield Static(plain(why, "italic"), classes="tip-why")
        if self._source:
            source = strings.SUMMARY_TIP_SOURCE.format(source=self._source)
            yield Static(plain(source), classes="tip-source")


class TipRow(Vertical, can_focus=True):
    """A tip in a list: its title and one line of why; Enter (or a click) opens it.

    Why: at 80x24 a full card per tip showed about one tip per screen, so
    the summary lists them compactly and the reader opens what interests them.
    The marker (▸ closed, ▾ open) and the bar on the left show state and
    focus without colour.
    """

    DEFAULT_CLASSES = "tip-row"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_close", strings.KEY_TIP_OPEN),
    ]

    def __init__(self, title: str, text: str, reasons: Sequence[str], source: str = "") -> None:
        super().__init__()
        self._title, self._text, self._reasons, self._source = title, text, reasons, source

    def compose(self) -> ComposeResult:
        yield Static(self._head(), classes="tip-head")
        if self._reasons:
            why = strings.SUMMARY_TIP_WHY.format(reasons=join_reasons(self._reasons))
            gist = strings.SUMMARY_TIP_WHY.format(
                reasons=join_reasons(list(dict.fromkeys(map(reason_gist, self._reasons))))
            )
            yield Static(plain(gist, "italic"), classes="tip-why tip-why-line")
        with Vertical(classes="tip-more"):
            yield Static(plain(self._text), classes="tip-text")
            if self._reasons:
                yield Static(plain(why, "italic"), classes="tip-why")
            if self._source:
                source = strings.SUMMARY_TIP_SOURCE.format(source=self._source)
                yield Static(plain(source), classes="tip-source")

    @property
    def expanded(self) -> bool:
        return self.has_class("-expanded")

    def _head(self) -> Content:
        marker = "▾ " if self.expanded else "▸ "
        return plain(marker + self._title, "bold")

    def action_open_close(self) -> None:
        self.toggle_class("-expanded")
        self.query_one(".tip-head", Static).update(self._head())

    def on_click(self) -> None:
        self.action_open_close()
