"""What every CLI command needs, resolved lazily from the global options.

Commands ask the context for content or the journal only when they need
them, so ``reflect --version`` or ``reflect content check`` never open the
database and nothing in the CLI imports Textual.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from reflect_tui.core.clock import Clock, SystemClock
from reflect_tui.core.paths import Locations, journal_file, resolve_locations
from reflect_tui.core.safe_text import clean_block

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import TextIO, cast

    from reflect_tui.core.content.model import Content
    from reflect_tui.core.journal.store import JournalStore
else:  # typing is kept off the path of ``reflect list`` (see core/lean_typing.py)
    from reflect_tui.core.lean_typing import cast


class CliContext:
    """Global options plus lazily created shared objects.

    A plain class (not a dataclass, which costs more to create than every
    use of it): it is built on every start, before the terminal UI draws.
    Tests pass their own environment, clock and streams.
    """

    def __init__(
        self,
        args: argparse.Namespace,
        env: Mapping[str, str] | None = None,
        clock: Clock | None = None,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
    ) -> None:
        self.args = args
        self.env: Mapping[str, str] = dict(os.environ) if env is None else env
        self.clock: Clock = SystemClock() if clock is None else clock
        self.stdout: TextIO = guard_terminal(sys.stdout if stdout is None else stdout)
        self.stderr: TextIO = guard_terminal(sys.stderr if stderr is None else stderr)

    @property
    def locations(self) -> Locations:
        return resolve_locations(getattr(self.args, "data_dir", None), self.env)

    @property
    def journal_file(self) -> str:
        """``locations.journal_path`` as a string: the scripted read commands need no
        ``Path`` (``core/paths.py``)."""
        return journal_file(getattr(self.args, "data_dir", None), self.env)

    @property
    def content_dirs(self) -> list[str]:
        """Folders given with ``--content`` (highest priority layers)."""
        return list(getattr(self.args, "content", None) or [])

    def warn(self, message: str) -> None:
        """One line on stderr, prefixed so it is clear where it comes from."""
        print(f"reflect: {clean_block(message)}", file=self.stderr)

    def open_journal(self, reading: bool = False) -> JournalStore:
        """The journal at the location the global options decide, after today's backup.

        The first open of a day makes the daily snapshot
        (``core/journal/backup.daily_backup``); every later one costs one
        ``stat``. A failed snapshot is a warning, never a reason to refuse.
        ``reading`` commands (list, show, search, export, ...) open a journal
        that cannot be written (read-only file system or folder) read-only,
        without a snapshot, instead of failing.
        """
        from reflect_tui.core.errors import ReflectError
        from reflect_tui.core.journal.store import JournalStore
        from reflect_tui.core.paths import backups_folder, can_write_beside, daily_backup_due

        path = self.journal_file
        if reading and os.path.exists(path) and not can_write_beside(path):
            return JournalStore.open(path, self.clock, read_only=True)
        store = JournalStore.open(path, self.clock)
        today = self.clock.today()
        if not daily_backup_due(path, backups_folder(path), today, new_journal=store.fresh):
            return store  # the usual case: nothing to import or write
        from reflect_tui.core.journal.backup import daily_backup

        locations = self.locations
        try:
            daily_backup(locations.journal_path, locations.backups_dir, today)
        except ReflectError as exc:
            self.warn(f"de dagelijkse back-up is niet gemaakt: {exc.message}")
        return store

    def load_content(self) -> Content:
        """The merged content of all layers; skipped layers are warned about."""
        from reflect_tui.core.content.loader import load_content

        result = load_content(self.locations, extra=self.content_dirs, env=self.env)
        for notice in result.notices:
            self.warn(notice)
        return result.content


class TerminalGuard:
    """A text stream that passes everything through ``clean_block`` first.

    Why a wrapper on top of the cleaning each command does: the promise is
    "no raw control character in any output on a terminal", and a guard at
    the stream cannot be forgotten by the next command that prints a value.
    Only terminals are guarded; files and pipes get the exact bytes.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(clean_block(text))
        return len(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def guard_terminal(stream: TextIO) -> TextIO:
    """``stream`` itself, or a ``TerminalGuard`` around it when it is a terminal."""
    try:
        tty = bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        tty = False
    return cast("TextIO", TerminalGuard(stream)) if tty else stream
