"""The one exception family the CLI and TUI turn into a friendly message.

Anything the user can cause (bad YAML, a corrupt database, a full disk) is
raised as a ``ReflectError`` with a message that is already fit to show, so
the UI layers never have to format a traceback.
"""

from __future__ import annotations


class ReflectError(Exception):
    """A problem the user can understand and act on.

    ``exit_code`` is what the CLI returns: 1 for "your input is wrong or the
    data is unusable", 2 for bad command-line usage.
    """

    exit_code: int = 1

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message


class ReflectionGone(ReflectError):
    """The reflection asked for is not in the journal (any more).

    Its own type because a screen may still list a reflection that another
    window or ``reflect delete`` removed: the TUI then says so plainly and
    refreshes its lists instead of showing this message.
    """


class ReflectionChanged(ReflectError):
    """A whole reflection was to be written over a stored one that changed since it
    was read (another window, ``reflect``), and the caller gave no base to merge
    with (``JournalStore.save``): writing it would undo that change unseen."""
