"""After the closing round: review the pseudonymisation, then save or export, or not.

Nothing has been written when this screen opens. The summary for the group
is pseudonymised by default; every finding is listed (kind, text, what
replaces it) and can be un-ticked when it is no personal data. Only the
buttons write: the summary into the app's export folder, the case-bringer's
reflection into this journal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Footer, Header, SelectionList, Static

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.intervision.meeting import Meeting
from reflect_tui.core.intervision.outcome import (
    Summary,
    build_reflection,
    save_reflection,
    summary_markdown,
    write_reflection_file,
    write_summary,
)
from reflect_tui.core.privacy.labels import KIND_NAMES
from reflect_tui.core.wording import by_count
from reflect_tui.tui import strings
from reflect_tui.tui.screens.intervision_setup import CSS
from reflect_tui.tui.text import one_line, path_lines, plain

if TYPE_CHECKING:
    from reflect_tui.tui.app import ReflectApp


class ReviewScreen(Screen[None]):
    """The save/export step with the pseudonymisation review."""

    CSS_PATH = CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "export", strings.KEY_EXPORT),
        Binding("r", "save_reflection", strings.KEY_SAVE),
        Binding("j", "reflection_file", strings.KEY_EXPORT, show=False),
        Binding("escape", "done", strings.KEY_CLOSE),
    ]

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.meeting = meeting
        self.first = summary_markdown(meeting)
        self.summary: Summary = self.first
        # What this screen wrote, in the order it was written (the line at the top says it).
        self.saved: list[str] = []
        self._leave_armed = False

    @property
    def reflect_app(self) -> ReflectApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="iv-review"):
            yield Static(plain(strings.IV_REVIEW_TITLE, "bold"), classes="iv-heading")
            yield Static(plain(self._saved_text()), id="iv-saved")
            yield Static(plain(strings.IV_REVIEW_INTRO), classes="hint")
            # One compact button per line: four side by side do not fit in 80 columns.
            with Vertical(id="iv-actions"):
                yield Button(strings.IV_SAVE_SUMMARY, id="iv-export", compact=True)
                yield Button(strings.IV_REFLECTION_FILE, id="iv-file", compact=True)
                yield Button(strings.IV_SAVE_REFLECTION, id="iv-save", compact=True)
                yield Button(strings.IV_DONE, id="iv-done", compact=True)
            yield Checkbox(strings.IV_REVIEW_PSEUDONYMISE, value=True, id="iv-pseudo")
            if self.first.findings:
                title = by_count(strings.IV_REVIEW_FINDINGS, len(self.first.findings))
                yield Static(plain(title), classes="iv-label", id="iv-findings-title")
                yield SelectionList[int](
                    *(
                        (
                            plain(
                                strings.IV_REVIEW_FINDING.format(
                                    kind=KIND_NAMES[kind][0],
                                    text=one_line(text, 60),
                                    replacement=replacement,
                                )
                            ),
                            i,
                            True,
                        )
                        for i, (kind, text, replacement) in enumerate(self.first.findings)
                    ),
                    id="iv-findings",
                )
            else:
                yield Static(plain(strings.IV_REVIEW_NO_FINDINGS), classes="hint")
            yield Static(plain(strings.IV_REVIEW_PREVIEW), classes="iv-label")
            yield Static(plain(self.summary.markdown), id="iv-preview")
        yield Footer(compact=True)

    @property
    def saved_anything(self) -> bool:
        return bool(self.saved)

    def _saved_text(self) -> str:
        if not self.saved:
            return strings.IV_REVIEW_NOTHING_YET
        from reflect_tui.core.wording import listed

        return strings.IV_REVIEW_SAVED.format(what=listed(self.saved))

    def _wrote(self, what: str) -> None:
        """Remember what was written and say it at the top (it said "nothing yet" after a save)."""
        if what not in self.saved:
            self.saved.append(what)
        self.query_one("#iv-saved", Static).update(plain(self._saved_text()))

    def _rebuild(self) -> None:
        pseudonymise = self.query_one("#iv-pseudo", Checkbox).value
        keep: list[str] = []
        for widget in self.query("#iv-findings").results(SelectionList):
            chosen = set(widget.selected)
            keep = [t for i, (_, t, _) in enumerate(self.first.findings) if i not in chosen]
            widget.disabled = not pseudonymise
        self.summary = summary_markdown(self.meeting, pseudonymise=pseudonymise, keep=keep)
        self.query_one("#iv-preview", Static).update(plain(self.summary.markdown))

    @on(Checkbox.Changed, "#iv-pseudo")
    @on(SelectionList.SelectedChanged, "#iv-findings")
    def _changed(self) -> None:
        self._rebuild()

    @on(Button.Pressed, "#iv-export")
    def action_export(self) -> None:
        exports = self.reflect_app.services.exports_dir
        if exports is None:
            self.notify(strings.IV_NO_EXPORT_DIR, severity="warning", markup=False)
            return
        try:
            path = write_summary(
                exports,
                self.reflect_app.clock.today(),
                self.meeting.method.id,
                self.summary.markdown,
            )
        except (ReflectError, OSError) as exc:
            self.notify(strings.IV_SAVE_FAILED.format(error=exc), severity="error", markup=False)
            return
        self._wrote(strings.IV_REVIEW_SAVED_SUMMARY)
        self.notify(strings.IV_SUMMARY_SAVED.format(path=path_lines(path)), markup=False, timeout=8)

    @on(Button.Pressed, "#iv-save")
    def action_save_reflection(self) -> None:
        app = self.reflect_app
        reflection = build_reflection(self.meeting, app.content.version)
        try:
            added = save_reflection(app.store, reflection)
        except ReflectError as exc:
            self.notify(strings.IV_SAVE_FAILED.format(error=exc), severity="error", markup=False)
            return
        self._wrote(strings.IV_REVIEW_SAVED_REFLECTION)
        if added:
            self.notify(strings.IV_REFLECTION_SAVED, markup=False)
        else:
            self.notify(strings.IV_REFLECTION_ALREADY_SAVED, markup=False)

    @on(Button.Pressed, "#iv-file")
    def action_reflection_file(self) -> None:
        app = self.reflect_app
        exports = app.services.exports_dir
        if exports is None:
            self.notify(strings.IV_NO_EXPORT_DIR, severity="warning", markup=False)
            return
        reflection = build_reflection(self.meeting, app.content.version)
        try:
            path = write_reflection_file(exports, reflection)
        except (ReflectError, OSError) as exc:
            self.notify(strings.IV_SAVE_FAILED.format(error=exc), severity="error", markup=False)
            return
        self._wrote(strings.IV_REVIEW_SAVED_FILE)
        self.notify(
            strings.IV_REFLECTION_FILE_SAVED.format(path=path_lines(path)), markup=False, timeout=10
        )

    @on(Button.Pressed, "#iv-done")
    def action_done(self) -> None:
        if not self.saved_anything and not self._leave_armed:
            self._leave_armed = True
            self.notify(strings.IV_LEAVE_CONFIRM, severity="warning", markup=False, timeout=5)
            return
        self.app.pop_screen()
        if not self.saved_anything:
            self.notify(strings.IV_NOTHING_SAVED, markup=False)
