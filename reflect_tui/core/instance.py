"""Knowing whether another ``reflect`` window is open on the same journal.

Why: the user should know before typing in two windows. One reflection
(draft or finished) is edited in one window at a time (``claim_draft``);
what another window or ``reflect`` changes meanwhile (a step ticked done, an
erasure) is not undone by the editing window's saves (``JournalStore.save``
merges, and refuses a reflection erased elsewhere). The terminal UI holds
an advisory lock (``flock``) on a small file beside the journal while it runs. The operating system
drops the lock when the process ends, also after a crash or a kill, so a
left-over lock file never blocks anyone. Where ``flock`` does not exist
(Windows) every start gets the lock: no warning, as before.

Only the terminal UI takes the lock; the CLI commands are short and write
in single transactions.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from reflect_tui.core.paths import PRIVATE_FILE_MODE, ensure_private_dir

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX
    fcntl = None  # type: ignore[assignment]


class InstanceLock:
    """The lock of one running app; ``release`` (or process exit) frees it."""

    def __init__(self, fd: int | None) -> None:
        self._fd = fd

    @classmethod
    def acquire(cls, path: Path) -> InstanceLock | None:
        """The lock, or None when another running app holds it.

        An unusable lock file (a read-only folder, say) is not a reason to
        refuse the start or to warn: the lock is then simply not taken.
        """
        try:
            ensure_private_dir(path.parent)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
        except OSError:
            return cls(None)
        if fcntl is None:
            return cls(fd)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        except OSError:  # a file system without locks: carry on unlocked
            return cls(fd)
        return cls(fd)

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None


def claim_draft(journal_path: Path, reflection_id: str) -> InstanceLock | None:
    """The right to edit one draft, or None while another window edits it.

    Why refuse rather than merge (issue 18, defect 10): two windows on one
    draft silently undid each other, because each window saves its whole
    draft and the last save wins. A merge per field would still lose one
    side's edits to the same field (the answer both were typing in), and a
    merge the user does not see is a silent undo by another name. So the
    first window owns the draft until it leaves it; a second window is told
    so and shows the draft read-only. The lock is an ``flock`` the operating
    system drops when the owning process ends, so a crash never strands it.
    """
    from reflect_tui.core.paths import draft_lock_path

    return InstanceLock.acquire(draft_lock_path(journal_path, reflection_id))
