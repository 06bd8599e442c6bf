"""Notices that belong to one screen: cleared when that screen is left.

Why: Textual's notifications are the app's, so a toast outlives the screen
that raised it. A tester saw the wizard's "Eerder vergelijkbaar" cover the
home screen after Esc, and "Vervolgstap afgevinkt. Druk op u ..." cover the
insights header, where ``u`` does nothing. A notice posted with
``notify_on`` is taken away as soon as another screen becomes current (a
dialog opened over its screen keeps it: the screen is still there beneath).
Errors and app-wide notices keep using ``notify``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.notifications import Notification, SeverityLevel
from textual.screen import ModalScreen

from reflect_tui.tui.screen_state import is_open

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

_BOUND = "_screen_notices"  # on the app: [(screen, notification)] still showing


def notify_on(
    screen: Screen[Any],
    message: str,
    *,
    title: str = "",
    severity: SeverityLevel = "information",
    timeout: float | None = None,
) -> Notification | None:
    """Show ``message`` (never markup) while ``screen`` is the current screen.

    UI thread only (from a worker: ``app.call_from_thread(notify_on, ...)``).
    A screen left before its notice was ready gets none; one under a
    dialog gets it (a dialog's callback may run before the dialog is gone).
    """
    if not is_open(screen):  # left, or the app is closing (its stack may be empty)
        return None
    app = screen.app
    current = app.screen
    if not (current is screen or isinstance(current, ModalScreen)):
        return None
    notification = Notification(
        message,
        title,
        severity,
        app.NOTIFICATION_TIMEOUT if timeout is None else timeout,
        markup=False,
    )
    bound = _bound(app)
    bound[:] = [(s, n) for s, n in bound if not n.has_expired]
    bound.append((screen, notification))
    # Added at once (what App._on_notify does), not posted as a message: a
    # screen change before the message was handled would miss it.
    app._notifications.add(notification)
    _show_now(app)
    return notification


def _show_now(app: App[object]) -> None:
    """Hand the notices to the current screen's toast rack through the rack's
    own queue: ``App._refresh_notifications`` goes through the app's queue,
    which waits while the app awaits a key's action (``journal_wait``)."""
    from textual.widgets._toast import ToastRack

    for rack in app.screen.query(ToastRack).results(ToastRack):
        rack.call_later(rack.show, app._notifications)


def withdraw(app: App[object], notification: Notification) -> None:
    """Take a notice away before its time (a wait that is over)."""
    bound = _bound(app)
    bound[:] = [(s, n) for s, n in bound if n is not notification]
    app._unnotify(notification)


def _bound(app: App[object]) -> list[tuple[Screen[Any], Notification]]:
    bound: list[tuple[Screen[Any], Notification]] | None = getattr(app, _BOUND, None)
    if bound is None:
        bound = []
        setattr(app, _BOUND, bound)
        app.screen_change_signal.subscribe(
            app, lambda current: _screen_changed(app, current), immediate=True
        )
    return bound


def _screen_changed(app: App[object], current: Screen[Any]) -> None:
    if isinstance(current, ModalScreen):
        return  # a dialog over the screen: what the notice says still holds below
    bound = _bound(app)
    left = [n for s, n in bound if s is not current]
    if not left:
        return
    bound[:] = [(s, n) for s, n in bound if s is current]
    for notification in left:
        app._unnotify(notification, refresh=False)
    app._refresh_notifications()
