"""Step (g): the whole reflection, matched tips with reasons, learning suggestions."""

from __future__ import annotations

import contextlib
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Markdown, Static

from reflect_tui.core.errors import ReflectError
from reflect_tui.tui import strings
from reflect_tui.tui.coaching import learning_for, tips_for
from reflect_tui.tui.render import reflection_markdown
from reflect_tui.tui.steps.base import StepView
from reflect_tui.tui.text import plain
from reflect_tui.tui.widgets.tip_card import TipCard


class SummaryView(StepView):
    BINDINGS: ClassVar[list[BindingType]] = [
        # Out of the Footer: the buttons already say "(a)" and "(e)", and at
        # 80 columns these would push Stop and Hulp off the Footer.
        Binding("e", "screen.export", strings.KEY_EXPORT, show=False),
        Binding("a", "screen.finish", strings.KEY_FINISH, show=False),
    ]

    def compose(self) -> ComposeResult:
        services = self.services
        r = self.flow.reflection
        yield Static(plain(strings.SUMMARY_INTRO), classes="intro")
        with Horizontal(classes="buttons"):
            yield Button(strings.SUMMARY_FINISH_BUTTON, id="finish", variant="primary")
            yield Button(strings.SUMMARY_EXPORT_BUTTON, id="export")
        # The tips and their reasons are the payoff, so they come first;
        # the whole reflection (which the user just wrote) follows below.
        yield Static(plain(strings.SUMMARY_TIPS), classes="section-title")
        tips = tips_for(r, services.content, services.store, services.clock)
        if not tips:
            yield Static(plain(strings.SUMMARY_TIPS_NONE), classes="hint")
        for match in tips:
            yield TipCard(match.tip.title, match.tip.text, match.reasons, match.tip.source)
        self._shown = [m.tip.id for m in tips]
        try:
            learning = learning_for(services.content, services.store, services.clock, r)
        except ReflectError:
            learning = []
        if learning:
            yield Static(plain(strings.SUMMARY_LEARNING), classes="section-title")
            for item in learning:
                s = item.suggestion
                yield TipCard(s.title, s.text, item.reasons, s.source)
        yield Static(plain(strings.SUMMARY_REFLECTION), classes="section-title")
        yield Markdown(reflection_markdown(r, services.content), classes="reflection")

    def on_mount(self) -> None:
        if self._shown:
            # Only affects which tips rotate next time; not worth a notice.
            with contextlib.suppress(ReflectError):
                self.services.store.record_tips_shown(self._shown, self.flow.reflection.id)

    def first_focus(self) -> Widget | None:
        return self.query_one("#finish", Button)
