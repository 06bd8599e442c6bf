"""The guided reflection: one step at a time, with progress and autosave.

The screen is a thin host: the step order and all edits live in the core
``SessionFlow``; each step kind has its own view in ``tui/steps``. Every
edit calls ``draft_changed``; the screen batches those and hands a
snapshot to the app's background writer (see ``ReflectApp.save_draft``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.geometry import Region
from textual.screen import Screen
from textual.strip import Strip
from textual.timer import Timer
from textual.widgets import Button, Footer, Header, Static

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.session.flow import PHASES, SessionFlow, Step
from reflect_tui.core.wording import by_count, listed
from reflect_tui.tui import strings
from reflect_tui.tui.render import reflection_markdown
from reflect_tui.tui.steps.base import Services, StepView
from reflect_tui.tui.steps.closing import ClosingView
from reflect_tui.tui.steps.intake import IntakeView
from reflect_tui.tui.steps.lsd import LsdView
from reflect_tui.tui.steps.organisation import OrganisationView
from reflect_tui.tui.steps.practices import PracticesView
from reflect_tui.tui.steps.principles import PrinciplesView
from reflect_tui.tui.steps.summary import SummaryView
from reflect_tui.tui.text import path_lines, plain
from reflect_tui.tui.widgets.blank import blank_lines
from reflect_tui.tui.widgets.progress import StepProgress

if TYPE_CHECKING:
    from reflect_tui.core.instance import InstanceLock
    from reflect_tui.tui.app import ReflectApp

VIEWS: dict[str, type[StepView]] = {
    "intake": IntakeView,
    "practices": PracticesView,
    "lsd": LsdView,
    "principles": PrinciplesView,
    "organisation": OrganisationView,
    "closing": ClosingView,
    "summary": SummaryView,
}


def step_label(flow: SessionFlow, step: Step) -> str:
    """The Dutch name of a step for the progress line."""
    if step.kind == "lsd":
        practice = flow.content.practice(step.practice or "")
        lsd = flow.content.by_id("lsd_steps").get(step.lsd_step or "")
        name = lsd.name if lsd is not None else step.lsd_step  # type: ignore[attr-defined]
        return strings.STEP_LSD.format(practice=practice.short, step=name)
    return {
        "intake": strings.STEP_INTAKE,
        "practices": strings.STEP_PRACTICES,
        "principles": strings.STEP_PRINCIPLES,
        "organisation": strings.STEP_ORGANISATION,
        "closing": strings.STEP_CLOSING,
        "summary": strings.STEP_SUMMARY,
    }[step.kind]


class SessionScreen(Screen[None]):
    CSS_PATH = Path(__file__).parent / "session.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not priority bindings on purpose: none of these keys is used by
        # Input, TextArea, Select or SelectionList, so they bubble up from
        # the focused field *after* the keys typed before them. A priority
        # binding would run first and could leave the step before the last
        # typed characters reached the field (fast typing, pasting).
        # alt+→ / alt+← as every common terminal sends them; macOS Terminal's
        # ESC f / ESC b arrive as these too (tui/keys.py). The Terug/Verder
        # buttons under each step do the same with Tab and Enter or a click.
        Binding("alt+right", "next_step", strings.KEY_NEXT, show=False),
        Binding("alt+left", "previous_step", strings.KEY_PREV, show=False),
        # The Footer shows a key only where it does something (check_action):
        # F5 on LSD steps. alt+←/alt+→ are on the Terug/Verder buttons instead
        # (at 80 columns the Footer cannot hold them next to F5, Bewaar, Hulp).
        Binding("f5", "another_prompt", strings.KEY_OTHER_PROMPT),
        Binding("escape", "home", strings.KEY_HOME),
        Binding("ctrl+s", "save_now", strings.KEY_SAVE),
    ]

    # Keys that move the focus or the step: the app runs them in key order,
    # after the keys typed before them and before the keys typed after.
    ORDERED_KEYS: ClassVar[frozenset[str]] = frozenset(
        {"tab", "shift+tab", "alt+left", "alt+right"}
    )

    def __init__(self, flow: SessionFlow, services: Services) -> None:
        super().__init__()
        self.flow = flow
        self.services = services
        self._save_timer: Timer | None = None
        self.view: StepView | None = None
        self._claim: InstanceLock | None = None
        # Opened from a screen that should come back when the session closes
        # (editing from the journal screen), instead of the home screen.
        self.back_to_previous = False

    def render_lines(self, crop: Region) -> list[Strip]:
        """All blank (the screen draws only its children): drawn in one go,
        see ``widgets/blank.py``; it runs for every key typed in an answer."""
        return blank_lines(self, crop) or super().render_lines(crop)

    @property
    def reflect_app(self) -> ReflectApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield StepProgress(PHASES, id="progress")
        with Horizontal(id="nav"):
            yield Button(strings.NAV_BACK_BUTTON, id="nav-back", compact=True)
            yield Static(plain(strings.NAV_KEYS), id="nav-keys")
            yield Button(strings.NAV_NEXT_BUTTON, id="nav-next", compact=True)
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        from reflect_tui.tui.coaching import warm_up_in_background

        warm_up_in_background(self.services.content)
        # The claim on this draft (``ReflectApp.start_session``) is given up
        # when this screen goes, so another window may then edit it.
        self._claim = self.reflect_app.draft_claim
        await self.show_step()

    def on_unmount(self) -> None:
        self.reflect_app.release_draft(self._claim)

    async def show_step(self) -> None:
        """Replace the current view with the view of ``flow.current``."""
        if self.view is not None:
            await self.view.remove()
        step = self.flow.current
        if step.kind in ("practices", "lsd", "closing"):
            # Earlier similar cases: once the intake is written (words, kind
            # of case), and again once practices (first LSD step) and
            # barriers (closing) are chosen; only news is offered again.
            self.reflect_app.offer_similar(self.flow.reflection)
        self.view = VIEWS[step.kind](self.flow, self.services, step, self.draft_changed)
        self.view.id = "step"
        await self.mount(self.view, before=self.query_one("#nav"))
        self._update_progress()
        self.query_one("#nav-back").display = self.flow.can_back
        self.query_one("#nav-next").display = self.flow.can_forward
        target = self.view.first_focus()
        if target is not None:
            # Not Textual's scroll-on-focus: it can run before the new view is
            # laid out and then centres the field, hiding the step's intro at
            # 80x24 (now and then, depending on timing). Once the layout exists,
            # scroll only as far as needed to show the field.
            # ``focus()`` waits a turn of the app's queue; keys typed right after
            # the step change are held by the app until that turn has run
            # (``ReflectApp.on_ordered_key``), so they still reach this field.
            # Not ``self.set_focus`` here: focusing before that turn made every
            # later keystroke in the field cost ~8 % more (callgrind, tuiperf).
            target.focus(scroll_visible=False)
            self.call_after_refresh(target.scroll_visible, animate=False)
        self.refresh_bindings()

    def _update_progress(self) -> None:
        flow = self.flow
        detail = ""
        lsd = flow.lsd_position
        if lsd is not None:
            detail = strings.PROGRESS_LSD.format(i=lsd[0], n=lsd[1])
        elif flow.phase == "practices":
            k = len(flow.reflection.practices)
            detail = by_count(strings.PROGRESS_PRACTICES, flow.lsd_total, k=k)
        label = step_label(flow, flow.current)
        self.query_one(StepProgress).update_position(flow.phase, label, detail)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "another_prompt":
            return self.flow.current.kind == "lsd"
        # False hides the key from the Footer: it shows only what works here.
        if action == "previous_step":
            return self.flow.can_back
        if action == "next_step":
            return self.flow.can_forward
        return True

    # -- autosave -------------------------------------------------------------

    def draft_changed(self) -> None:
        """A step view edited the draft (called on every change, so kept cheap)."""
        # Only ticking practices changes the progress line ("2 van 3", the LSD
        # count); recomputing it on every typed key cost ~0.3 ms a key.
        if self.flow.phase == "practices":
            self._update_progress()
        # Trailing throttle rather than a resetting debounce: the first edit
        # starts the timer and later edits ride along, so even non-stop
        # typing is written at least every ``debounce`` seconds and a crash
        # loses no more than that window.
        if self._save_timer is None:
            self._save_timer = self.set_timer(self.reflect_app.debounce, self.submit_draft)

    def submit_draft(self) -> None:
        """Hand the current draft to the background writer now."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        self.reflect_app.save_draft(self.flow.reflection)

    @property
    def is_gone(self) -> bool:
        """Whether this reflection was erased elsewhere (the writer was refused)."""
        return self.reflect_app.saver.is_gone(self.flow.reflection.id)

    def gone(self) -> None:
        """The reflection on this screen was erased elsewhere: say so, and let the
        user choose between keeping the text on screen as a new reflection and
        closing without saving ("close" has the focus: the erasure was asked for)."""
        from reflect_tui.tui.dialogs.confirm import ConfirmDialog

        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None

        def answered(keep: bool | None) -> None:
            if keep and self.reflect_app.keep_as_new(self.flow.reflection):
                self._claim = self.reflect_app.draft_claim
                self.notify(strings.GONE_KEPT_AS_NEW, markup=False)
            elif not keep:
                self._close()

        dialog = ConfirmDialog(
            strings.GONE_ELSEWHERE_TITLE,
            strings.GONE_ELSEWHERE,
            strings.GONE_KEEP_AS_NEW,
            strings.GONE_CLOSE,
        )
        self.app.push_screen(dialog, answered)

    @property
    def dirty(self) -> bool:
        return self._save_timer is not None

    # -- actions --------------------------------------------------------------

    def _blocked(self) -> bool:
        """Whether the step holds something that must be fixed before leaving
        (an unreadable date); if so the field gets the focus and a notice."""
        field = self.view.blocking_field() if self.view is not None else None
        if field is None:
            return False
        self.set_focus(field)
        self.app.bell()
        self.notify(strings.DATE_BLOCKED, severity="warning", timeout=4)
        return True

    async def action_next_step(self) -> None:
        if self.flow.can_forward and not self._blocked():
            self.flow.forward()
            await self.show_step()

    async def action_previous_step(self) -> None:
        if self.flow.can_back and not self._blocked():
            self.flow.back()
            await self.show_step()

    @on(Button.Pressed, "#nav-next")
    async def _next_pressed(self) -> None:
        await self.action_next_step()

    @on(Button.Pressed, "#nav-back")
    async def _back_pressed(self) -> None:
        await self.action_previous_step()

    def action_another_prompt(self) -> None:
        if isinstance(self.view, LsdView):
            self.view.another_prompt()

    async def action_save_now(self) -> None:
        self.submit_draft()
        if await self.reflect_app.flush_saves() and not self.is_gone:
            self.notify(strings.SAVED, timeout=2)

    async def action_home(self) -> None:
        if self._blocked():
            return
        await self.leave()
        self._close()

    def _close(self) -> None:
        """Back to the screen the session was opened from, or home."""
        if self.back_to_previous and self.app.screen is self:
            self.app.pop_screen()
        else:
            self.reflect_app.go_home()

    async def leave(self) -> bool:
        """Save everything before the session closes; True when all was written.

        Flushing first matters: the home screen may change this reflection
        (tick a next step) and must not be overwritten by an older snapshot.
        A draft left completely empty (``n`` pressed by accident) is removed
        so it is not offered for resuming.
        """
        self.submit_draft()
        saved = await self.reflect_app.flush_saves()
        if saved and self.flow.is_empty() and self.flow.reflection.status == "draft":
            self.reflect_app.discard(self.flow.reflection.id)
        return saved

    def action_export(self) -> None:
        from reflect_tui.core.journal.exports import write_reflection_export

        r = self.flow.reflection
        exports = self.services.exports_dir
        if exports is None:
            return
        if self.is_gone:  # erased elsewhere: its text goes into no new file
            self.notify(strings.GONE_NO_EXPORT, severity="warning", markup=False)
            return
        try:
            # The file shows the short id; the full one sits in a marker
            # comment (invisible when rendered) so ``reflect delete`` finds
            # and erases this copy too (``core/journal/exports``).
            text = reflection_markdown(r, self.services.content)
            path = write_reflection_export(exports, r.id, r.occurred_on, text)
        except (OSError, ReflectError) as exc:
            self.notify(strings.EXPORT_FAILED.format(error=exc), severity="error", markup=False)
            return
        from reflect_tui.core.journal.keys import export_warning

        if export_warning(self.services.store.path) is not None:
            self.notify(strings.EXPORT_PLAINTEXT, severity="warning", markup=False, timeout=8)
        # The path in full width under the buttons: in a notice it was folded
        # mid-word at 80 columns. Elsewhere (the palette) a notice must do.
        if isinstance(self.view, SummaryView):
            self.view.show_export(str(path))
        else:
            self.notify(strings.EXPORTED.format(path=path_lines(path)), markup=False, timeout=6)

    async def action_finish(self) -> None:
        """Finish, after asking before answers set aside are dropped (an unticked
        practice's answers, ``SessionFlow.set_aside_answers``), and when there
        is hardly anything in the reflection."""
        from reflect_tui.tui.dialogs.confirm import ConfirmDialog

        aside = self.flow.set_aside_practices()
        if not aside:
            await self._finish_unless_nearly_empty()
            return

        async def drop(yes: bool | None) -> None:
            if yes:
                self.flow.drop_set_aside()
                await self._finish_unless_nearly_empty()

        content = self.services.content
        names = listed([f"'{content.practice(p).name}'" for p in aside])
        dialog = ConfirmDialog(
            strings.CONFIRM_ASIDE_TITLE,
            strings.CONFIRM_ASIDE.format(names=names),
            strings.CONFIRM_ASIDE_YES,
            strings.CONFIRM_ASIDE_NO,
        )
        self.app.push_screen(dialog, drop)

    async def _finish_unless_nearly_empty(self) -> None:
        """Finish, after asking when there is hardly anything in the reflection."""
        if not self.flow.is_nearly_empty():
            await self.finish()
            return
        from reflect_tui.tui.dialogs.confirm import ConfirmDialog

        async def answered(yes: bool | None) -> None:
            if yes:
                await self.finish()

        dialog = ConfirmDialog(
            strings.CONFIRM_EMPTY_TITLE,
            strings.CONFIRM_EMPTY,
            strings.CONFIRM_YES,
            strings.CONFIRM_NO,
        )
        self.app.push_screen(dialog, answered)

    async def finish(self) -> None:
        """Mark the reflection complete, write it, and go home."""
        self.flow.reflection.status = "complete"
        self.submit_draft()
        if await self.reflect_app.flush_saves() and not self.is_gone:
            self.notify(strings.FINISHED)
            self._close()
        else:
            if self.is_gone:
                self.notify(strings.GONE_NOT_FINISHED, severity="warning", markup=False)
            self.flow.reflection.status = "draft"

    @on(Button.Pressed, "#finish")
    async def _finish_pressed(self) -> None:
        await self.action_finish()

    @on(Button.Pressed, "#export")
    def _export_pressed(self) -> None:
        self.action_export()
