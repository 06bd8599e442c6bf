"""Start the terminal UI: build the app (``factory.build_app``), run it, clean up.

Everything that can fail before the UI exists (a broken built-in content
file, a corrupt or locked journal) is a ``ReflectError``: one line on
stderr and exit code 1, never a traceback. Problems with optional content
layers are not fatal; they are shown as notices inside the UI.

The caller passes plain values (not the CLI's context object), so the TUI
never depends on the CLI.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from reflect_tui.core.errors import ReflectError
from reflect_tui.tui import strings

if TYPE_CHECKING:
    from pathlib import Path

    from reflect_tui.core.clock import Clock
    from reflect_tui.core.paths import Locations


def launch(
    locations: Locations,
    clock: Clock,
    *,
    content_dirs: Sequence[str | os.PathLike[str]] = (),
    env: Mapping[str, str] | None = None,
    stderr: TextIO,
    watch: bool = False,
    start: str | None = None,
) -> int:
    """Resolve the content, open the journal, run the app; the exit code.

    ``watch`` (``reflect --watch``) loads the content now instead of through
    the cache and reloads it whenever a content file changes.

    The cyclic garbage collector is off from here until the app's first
    screen is complete (``ReflectApp.start_up_done`` turns it on): nearly
    everything the start-up makes lives as long as the app, so the
    collector's passes over it were wasted work (~25 M instructions, 2 %,
    until the home screen's lists were drawn at 50,000 reflections). It is
    on again when this returns, whatever happened.
    """
    import gc

    gc.disable()
    try:
        return _launch(
            locations,
            clock,
            content_dirs=content_dirs,
            env=env,
            stderr=stderr,
            watch=watch,
            start=start,
        )
    finally:
        gc.enable()


def _launch(
    locations: Locations,
    clock: Clock,
    *,
    content_dirs: Sequence[str | os.PathLike[str]],
    env: Mapping[str, str] | None,
    stderr: TextIO,
    watch: bool,
    start: str | None,
) -> int:
    from reflect_tui.tui.factory import build_app

    try:
        unlocked = _unlock(locations.journal_path)
    except ReflectError as exc:
        print(strings.LAUNCH_FAILED.format(error=exc.message), file=stderr)
        return exc.exit_code or 1
    if unlocked is not None:
        print(strings.LAUNCH_FAILED.format(error=unlocked), file=stderr)
        return 1
    options: dict[str, Any] = {"start": start} if start else {}
    if watch:
        from reflect_tui.core.content.loader import load_content
        from reflect_tui.core.content.reload import ContentReloader
        from reflect_tui.core.paths import content_layer_dirs

        try:
            loaded = load_content(locations, extra=content_dirs, env=env)
        except ReflectError as exc:
            print(strings.LAUNCH_FAILED.format(error=exc.message), file=stderr)
            return exc.exit_code or 1
        layers = content_layer_dirs(locations, content_dirs, env)
        options |= {
            "content": loaded.content,
            "notices": loaded.notices,
            "content_reloader": ContentReloader(layers, loaded.content),
        }
    try:
        built = build_app(
            locations,
            clock,
            content_dirs=content_dirs,
            env=env,
            backups_dir=locations.backups_dir,
            **options,
        )
    except ReflectError as exc:
        print(strings.LAUNCH_FAILED.format(error=exc.message), file=stderr)
        return exc.exit_code or 1
    with built:
        if not _has_terminal():
            print(strings.LAUNCH_FAILED.format(error=strings.NEEDS_TERMINAL), file=stderr)
            return 2
        code = built.app.run()
    if built.app.launch_error is not None:
        print(strings.LAUNCH_FAILED.format(error=built.app.launch_error), file=stderr)
        return 1
    return int(code or 0)


def _unlock(journal: Path) -> str | None:
    """Ask for the passphrase of an encrypted journal first; why not, or None when open.

    A plain journal costs one small read here. Without ``sqlcipher3`` the
    message says how to install it; without a terminal the passphrase cannot
    be asked (``ReflectError`` from ``keys``).
    """
    from reflect_tui.core.journal import keys

    if keys.registered(journal) is not None or not keys.journal_is_encrypted(journal):
        return None
    keys.cipher_driver()
    if keys.unlock_from_keyring(journal):
        return None
    if not _has_terminal():
        return strings.NEEDS_TERMINAL
    from reflect_tui.tui.dialogs.passphrase import PassphraseApp

    dialog = PassphraseApp(journal)
    accepted = dialog.run()
    message = dialog.message
    del dialog
    # The collector is off during the start-up (``launch``): the dialog's
    # widgets (cycles) are garbage now and must not be frozen with the app's.
    import gc

    gc.collect()
    return None if accepted else message or strings.PASSPHRASE_CANCELLED


def _has_terminal() -> bool:
    """Are standard input and output both terminals?

    Why: with a pipe or a file as input (``reflect < /dev/null``, cron, an
    editor's task runner) Textual never gets a key and the app spun forever
    on a full core; with output to a file it would fill it with escape codes.
    """
    import sys

    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False
