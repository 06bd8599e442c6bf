"""Step (g): the whole reflection, matched tips with reasons, learning suggestions."""

from __future__ import annotations

import contextlib
import dataclasses
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Markdown, Static

from reflect_tui.core.coach.service import learning_for, reflection_tips, tip_of
from reflect_tui.core.errors import ReflectError
from reflect_tui.tui import strings
from reflect_tui.tui.render import reflection_markdown
from reflect_tui.tui.steps.base import StepView
from reflect_tui.tui.text import plain
from reflect_tui.tui.widgets.tip_card import TipRow


class SummaryView(StepView):
    BINDINGS: ClassVar[list[BindingType]] = [
        # Out of the Footer: the buttons already say "(a)" and "(e)", and at
        # 80 columns these would push Stop and Hulp off the Footer.
        Binding("e", "screen.export", strings.KEY_EXPORT, show=False),
        Binding("a", "screen.finish", strings.KEY_FINISH, show=False),
    ]

    def compose(self) -> ComposeResult:
        services = self.services
        # What the user wrote for the practices ticked: answers set aside (of an
        # unticked practice) stay in the draft but neither show nor steer tips.
        r = dataclasses.replace(self.flow.reflection, answers=self.flow.reflection.chosen_answers())
        yield Static(plain(strings.SUMMARY_INTRO), classes="intro")
        with Horizontal(classes="buttons"):
            yield Button(strings.SUMMARY_FINISH_BUTTON, id="finish", variant="primary")
            yield Button(strings.SUMMARY_EXPORT_BUTTON, id="export")
        yield Static("", id="export-path", classes="export-path")
        # The tips and their reasons are the payoff, so they come first;
        # the whole reflection (which the user just wrote) follows below.
        yield Static(plain(strings.SUMMARY_TIPS), classes="section-title")
        # The tips kept with the reflection when the summary showed them before
        # (what the user saw then), otherwise a fresh ranking that is kept now.
        content, store = services.content, services.store
        tips, matches = reflection_tips(content, store, services.clock.now(), r)
        if not tips:
            yield Static(plain(strings.SUMMARY_TIPS_NONE), classes="hint")
        else:
            yield Static(plain(strings.SUMMARY_TIP_HINT), classes="hint")
        for shown in tips:
            tip = tip_of(content, shown.tip)
            if tip is None:  # the content no longer has it: say so, keep the reasons
                yield TipRow(shown.tip, strings.SUMMARY_TIP_GONE, shown.reasons)
            else:
                yield TipRow(tip.title, tip.text, shown.reasons, tip.source)
        self._fresh = tips if matches is not None else []
        try:
            learning = learning_for(content, store, services.clock.today(), r)
        except ReflectError:
            learning = []
        if learning:
            yield Static(plain(strings.SUMMARY_LEARNING), classes="section-title")
            for item in learning:
                s = item.suggestion
                yield TipRow(s.title, s.text, item.reasons, s.source)
        yield Static(plain(strings.SUMMARY_REFLECTION), classes="section-title")
        # The tips are the cards above; the reflection below is what the user wrote.
        written = dataclasses.replace(r, tips=[])
        yield Markdown(reflection_markdown(written, services.content), classes="reflection")

    def on_mount(self) -> None:
        if self._fresh:
            # Kept with the reflection (saved with the draft), so reopening it,
            # ``reflect show`` and the exports show these same tips.
            self.flow.reflection.tips = self._fresh
            self.changed()
            # The rotation history only affects which tips come first next time.
            with contextlib.suppress(ReflectError):
                ids = [t.tip for t in self._fresh]
                self.services.store.record_tips_shown(ids, self.flow.reflection.id)

    def show_export(self, path: str) -> None:
        """Say where the export went, the path whole on a line of its own."""
        line = self.query_one("#export-path", Static)
        line.update(plain(strings.EXPORTED_TO.format(path=path)))
        line.display = True

    def first_focus(self) -> Widget | None:
        """The first tip, as the hint right above it says ("Kies een tip en druk
        op Enter"): on the finish button, that Enter finished the reflection.
        Finishing stays on ``a`` and the button; without tips it has the focus."""
        tips = self.query(TipRow)
        return tips.first() if tips else self.query_one("#finish", Button)
