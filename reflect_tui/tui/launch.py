"""Start the terminal UI from the CLI context.

Everything that can fail before the UI exists (a broken built-in content
file, a corrupt or locked journal) is a ``ReflectError``: one line on
stderr and exit code 1, never a traceback. Problems with optional content
layers are not fatal; they are shown as notices inside the UI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reflect_tui.core.errors import ReflectError
from reflect_tui.tui import strings

if TYPE_CHECKING:
    from reflect_tui.cli.context import CliContext


def launch(ctx: CliContext) -> int:
    """Resolve paths, check the content, open the journal, run the app; the exit code."""
    # The content cache (not the YAML loader) keeps start-up close to a bare
    # Textual app: when it is current, the content is built after the home
    # screen's first frame. ``reflect content check`` always reads the files.
    from reflect_tui.core.content.cache import PendingContent, prepare_content
    from reflect_tui.core.instance import InstanceLock
    from reflect_tui.core.journal.store import JournalStore

    try:
        locations = ctx.locations
        prepared = prepare_content(locations, extra=ctx.content_dirs, env=ctx.env)
        store = JournalStore.open(locations.journal_path, ctx.clock)
    except ReflectError as exc:
        print(strings.LAUNCH_FAILED.format(error=exc.message), file=ctx.stderr)
        return exc.exit_code or 1

    from reflect_tui.tui.app import ReflectApp

    lock = InstanceLock.acquire(locations.lock_path)
    notices = () if isinstance(prepared, PendingContent) else prepared.notices
    if lock is None:
        notices = (strings.ALREADY_OPEN, *notices)
    clock = ctx.clock
    path = locations.journal_path
    app = ReflectApp(
        store,
        None if isinstance(prepared, PendingContent) else prepared.content,
        clock,
        notices=notices,
        load_content=prepared.load if isinstance(prepared, PendingContent) else None,
        exports_dir=locations.exports_dir,
        open_writer_store=lambda: JournalStore.open(path, clock),
    )
    try:
        code = app.run()
    finally:
        app.saver.close()
        store.close()
        if lock is not None:
            lock.release()
    if app.launch_error is not None:
        print(strings.LAUNCH_FAILED.format(error=app.launch_error), file=ctx.stderr)
        return 1
    return int(code or 0)
