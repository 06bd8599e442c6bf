"""The command palette in Dutch, offering the app's own actions.

Textual 8 lets an app set the palette's placeholder (``CommandPalette(placeholder=...)``)
and its commands (``App.get_system_commands``, read by ``SystemCommandsProvider``),
but two texts are fixed in its source: "No matches found" (built inside
``CommandPalette._start_no_matches_countdown``) and "Search for themes…" (the
placeholder ``App.search_themes`` passes). ``DutchCommandPalette`` replaces the
first and ``ReflectApp.search_themes`` the second; the key descriptions are
translated by overriding ``BINDINGS``.

The app's commands are one list (``AppCommand`` rows, ``app_commands``), so a
new screen adds its entry in one place: a row with the palette's label, a help
line, the app action it runs and, when needed, a condition.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rich.align import Align
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from reflect_tui.tui import strings

if TYPE_CHECKING:
    from reflect_tui.tui.app import ReflectApp


class AppCommand(NamedTuple):
    """One palette entry: what it says, what it does, when it is offered."""

    title: str
    help: str
    action: str  # an ``action_*`` method of ReflectApp, without the prefix
    when: Callable[[ReflectApp], bool] | None = None


def _in_session(app: ReflectApp) -> bool:
    return app.in_session()


def _has_draft(app: ReflectApp) -> bool:
    return app.has_draft()


def _has_similar(app: ReflectApp) -> bool:
    return bool(app.similar_ids) and app.in_session()


# The palette's list, in the order it is shown. Add a row for a new action.
APP_COMMANDS: tuple[AppCommand, ...] = (
    AppCommand(strings.CMD_NEW, strings.CMD_NEW_HELP, "new_reflection"),
    AppCommand(strings.CMD_RESUME, strings.CMD_RESUME_HELP, "resume", _has_draft),
    AppCommand(strings.CMD_SAVE, strings.CMD_SAVE_HELP, "save_now", _in_session),
    AppCommand(strings.CMD_EXPORT, strings.CMD_EXPORT_HELP, "export", _in_session),
    AppCommand(strings.CMD_HOME, strings.CMD_HOME_HELP, "home", _in_session),
    AppCommand(strings.CMD_STEPS, strings.CMD_STEPS_HELP, "next_steps"),
    AppCommand(strings.CMD_SIMILAR, strings.CMD_SIMILAR_HELP, "similar", _has_similar),
    AppCommand(strings.CMD_INTERVISION, strings.CMD_INTERVISION_HELP, "intervision"),
    AppCommand(strings.CMD_JOURNAL, strings.CMD_JOURNAL_HELP, "journal"),
    AppCommand(strings.CMD_INSIGHTS, strings.CMD_INSIGHTS_HELP, "insights"),
    AppCommand(strings.CMD_HELP, strings.CMD_HELP_HELP, "help"),
    AppCommand(strings.CMD_THEME, strings.CMD_THEME_HELP, "change_theme"),
    AppCommand(strings.CMD_QUIT, strings.CMD_QUIT_HELP, "quit"),
)


def app_commands(app: ReflectApp) -> list[tuple[str, str, Callable[[], object]]]:
    """The entries offered now, as (title, help, callback)."""
    offered = []
    for command in APP_COMMANDS:
        if command.when is not None and not command.when(app):
            continue
        offered.append((command.title, command.help, getattr(app, f"action_{command.action}")))
    return offered


class DutchCommandPalette(CommandPalette):
    """Textual's palette with its fixed English texts in Dutch."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+end, shift+end", "command_list('last')", strings.PALETTE_LAST, show=False),
        Binding(
            "ctrl+home, shift+home", "command_list('first')", strings.PALETTE_FIRST, show=False
        ),
        Binding("down", "cursor_down", strings.PALETTE_NEXT, show=False),
        Binding("escape", "escape", strings.PALETTE_CLOSE),
        Binding("pagedown", "command_list('page_down')", strings.PALETTE_NEXT_PAGE, show=False),
        Binding("pageup", "command_list('page_up')", strings.PALETTE_PREV_PAGE, show=False),
        Binding("up", "command_list('cursor_up')", strings.PALETTE_PREV, show=False),
    ]

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """As Textual 8's, with the "no matches" line in Dutch."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(strings.PALETTE_NO_MATCHES, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
