"""Entry point of the ``reflect`` command.

Each group of subcommands lives in its own module with a ``register``
function and ``parser`` wires them together; this module picks the
handler and turns a ``ReflectError`` into one line on stderr and a
non-zero exit. Plain ``reflect`` skips argparse altogether.

Everything is imported inside the functions: ``run`` must switch the
cyclic garbage collector off before the first import (see ``run``).
"""

from __future__ import annotations

import sys

from reflect_tui.core.errors import ReflectError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from typing import TextIO

    from reflect_tui.cli.context import CliContext

# The scripted commands: short, bounded processes (see ``run``).
LEAN_COMMANDS = frozenset({"list", "search", "export", "import"})


def no_arguments() -> argparse.Namespace:
    """What ``build_parser().parse_args([])`` returns, without argparse.

    Plain ``reflect`` is the most common command and the one whose start-up
    is measured against a bare Textual app: importing argparse (and the
    gettext it pulls in) and building every subparser costs it about 3 ms.
    A test keeps the two equal.
    """
    from types import SimpleNamespace

    from reflect_tui.cli import tui_cmd

    options = SimpleNamespace(
        data_dir=None, content=None, watch=False, command=None, handler=tui_cmd.run_tui
    )
    return options  # type: ignore[return-value]  # reads like a Namespace


def main(argv: Sequence[str] | None = None, ctx: CliContext | None = None) -> int:
    """Run the CLI and return the exit code (never raises for user errors)."""
    args: argparse.Namespace
    try:
        if argv is None:
            argv = sys.argv[1:]
        if argv:
            from reflect_tui.cli.quick_args import quick_args

            # The plain forms of the scripted commands skip argparse (see quick_args).
            quick = quick_args(list(argv))
            if quick is not None:
                args = quick  # type: ignore[assignment]  # reads like a Namespace
            else:
                from reflect_tui.cli.parser import build_parser

                args = build_parser(argv).parse_args(argv)
        else:
            args = no_arguments()
        from reflect_tui.cli.context import CliContext

        context = ctx or CliContext(args=args)
        context.args = args
        from reflect_tui.cli.passphrase import install

        install()  # an encrypted journal asks for its passphrase on first open
        return int(args.handler(args, context) or 0)
    except ReflectError as exc:
        from reflect_tui.core.safe_text import clean_block

        print(
            f"reflect: {clean_block(exc.message)}", file=sys.stderr if ctx is None else ctx.stderr
        )
        return exc.exit_code
    except KeyboardInterrupt:
        _close_interrupted_line(sys.stderr if ctx is None else ctx.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:
        # Output that cannot be written (a full disk behind ``> file``, /dev/full):
        # one line and a failure exit, never a traceback or a silent half file.
        from reflect_tui.core.os_messages import os_reason

        print(
            f"reflect: schrijven of lezen mislukt ({os_reason(exc)}); de uitvoer is onvolledig.",
            file=sys.stderr if ctx is None else ctx.stderr,
        )
        return 1
    except Exception as exc:  # a bug: say where, keep the details (no journal text) in a file
        return _crashed(exc, ctx)


def _close_interrupted_line(stderr: TextIO) -> None:
    """End the line that Ctrl+C left open, so the shell's prompt starts on its own.

    Why here: the shell prints that newline itself only for a process killed
    by SIGINT; ``reflect`` catches the interrupt and exits with 130, and
    ``getpass`` (or ``input``) leaves its prompt line open when interrupted.
    Only on a terminal: a redirected stderr gets no stray empty line.
    """
    try:
        if stderr.isatty():
            print(file=stderr, flush=True)
    except (OSError, ValueError):  # a closed or broken stream: nothing to tidy
        pass


def _crashed(error: Exception, ctx: CliContext | None) -> int:
    """One line naming the place and error type; the report goes into the data folder."""
    from reflect_tui.core.crash import write_crash_report
    from reflect_tui.core.paths import resolve_locations

    try:
        data_dir = (ctx.locations if ctx is not None else resolve_locations()).data_dir
    except Exception:  # the locations themselves failed: report nowhere
        from pathlib import Path

        data_dir = Path("/nonexistent")
    report = write_crash_report(data_dir, error)
    where = f"; verslag in {report.path}" if report.path else ""
    print(
        f"reflect: interne fout ({report.kind} in {report.place}){where}",
        file=sys.stderr if ctx is None else ctx.stderr,
    )
    return 70


def run() -> None:
    """Console-script entry point.

    Why the garbage collector is off and the interpreter is left with
    ``os._exit`` for ``list``, ``search``, ``export`` and ``import FILE`` (the
    commands that scripts run in loops and that are measured against jrnl as
    whole processes): at 1,000 reflections the cyclic collector's passes over
    the objects that the imports create were ~14 % of a ``reflect list``'s
    instructions, and the interpreter's shutdown (module teardown and one
    more full collection) another ~11 %. These commands make little cyclic
    garbage (an import's batches are freed batch by batch; its write ran
    without the collector already, see ``JournalStore.import_stream``);
    reference counting frees the rest, and the journal is closed (an import's
    transaction committed, its helper process reaped), stdout and stderr
    flushed before the exit. For an import this took ~70 M instructions off
    the part before its helper starts reading (1,000 reflections: 171 -> 99 M,
    argparse skipped too). Every other command (the terminal UI above all)
    runs with the collector on and ends normally.
    """
    import gc

    gc.disable()
    argv = sys.argv[1:]
    lean = _is_lean(argv)
    if not lean:
        gc.enable()
    code = main(argv)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except OSError as exc:
        from reflect_tui.core.os_messages import os_reason

        _silence_stdout()
        print(f"reflect: schrijven mislukt ({os_reason(exc)}).", file=sys.stderr)
        code = code or 1
    if lean:
        import os

        try:
            sys.stderr.flush()
        finally:
            os._exit(code)
    sys.exit(code)


def _is_lean(argv: list[str]) -> bool:
    """True for the plain forms of ``LEAN_COMMANDS`` (those ``quick_args`` reads)."""
    if not argv:
        return False
    from reflect_tui.cli.quick_args import quick_args

    quick = quick_args(list(argv))
    return quick is not None and quick.command in LEAN_COMMANDS


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's own flush at exit cannot fail again."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
