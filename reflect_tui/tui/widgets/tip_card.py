"""A tip or learning suggestion with the reasons it was chosen and its source."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from reflect_tui.tui import strings
from reflect_tui.tui.text import plain


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
            # Tip reasons are whole sentences; learning reasons are phrases.
            sentences = all(r.rstrip().endswith((".", "!", "?")) for r in self._reasons)
            joined = (" " if sentences else "; ").join(self._reasons)
            why = strings.SUMMARY_TIP_WHY.format(reasons=joined)
            yield Static(plain(why, "italic"), classes="tip-why")
        if self._source:
            source = strings.SUMMARY_TIP_SOURCE.format(source=self._source)
            yield Static(plain(source), classes="tip-source")
