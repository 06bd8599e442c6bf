"""Small Pilot helpers shared by the TUI tests."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widget import Widget

from reflect_tui.tui.app import ReflectApp
from reflect_tui.tui.screens.session import SessionScreen


async def type_text(pilot: Pilot[int], text: str) -> None:
    """Type ``text`` key by key into the focused widget."""
    keys = ["space" if ch == " " else ch for ch in text]
    await pilot.press(*keys)


def session(app: ReflectApp) -> SessionScreen:
    screen = app.screen
    assert isinstance(screen, SessionScreen), f"expected the session, got {screen!r}"
    return screen


async def next_step(pilot: Pilot[int]) -> None:
    await pilot.press("alt+right")
    await pilot.pause()


async def previous_step(pilot: Pilot[int]) -> None:
    await pilot.press("alt+left")
    await pilot.pause()


def visible_text(widget: Widget) -> str:
    """The text a Static-like widget shows (its rendered content, plain)."""
    rendered = widget.render()
    return getattr(rendered, "plain", str(rendered))


def notices(app: ReflectApp, severity: str | None = None) -> list[str]:
    """Messages of the notifications the app currently shows."""
    return [
        n.message
        for n in app._notifications  # no public accessor in Textual 8
        if severity is None or n.severity == severity
    ]


async def enter_text(pilot: Pilot[int], text: str) -> None:
    """Type the first keys for real, then insert the rest at the cursor.

    Pilot spends ~60 ms per key; inserting goes through the same Changed
    events, so the app cannot tell the difference, but the test runs faster.
    """
    await type_text(pilot, text[:3])
    focused = pilot.app.focused
    rest = text[3:]
    if hasattr(focused, "insert_text_at_cursor"):
        focused.insert_text_at_cursor(rest)  # Input
    else:
        focused.insert(rest)  # TextArea
    await pilot.pause()
