"""Entry point of the ``reflect`` command.

Each group of subcommands lives in its own module with a ``register``
function and ``parser`` wires them together; this module picks the
handler and turns a ``ReflectError`` into one line on stderr and a
non-zero exit. Plain ``reflect`` skips argparse altogether.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, cast

from reflect_tui.cli import tui_cmd
from reflect_tui.cli.context import CliContext
from reflect_tui.core.errors import ReflectError
from reflect_tui.core.os_messages import os_reason

if TYPE_CHECKING:
    import argparse


def no_arguments() -> argparse.Namespace:
    """What ``build_parser().parse_args([])`` returns, without argparse.

    Plain ``reflect`` is the most common command and the one whose start-up
    is measured against a bare Textual app: importing argparse (and the
    gettext it pulls in) and building every subparser costs it about 3 ms.
    A test keeps the two equal.
    """
    options = SimpleNamespace(
        data_dir=None, content=None, watch=False, command=None, handler=tui_cmd.run_tui
    )
    return cast("argparse.Namespace", options)


def main(argv: Sequence[str] | None = None, ctx: CliContext | None = None) -> int:
    """Run the CLI and return the exit code (never raises for user errors)."""
    try:
        if argv is None:
            argv = sys.argv[1:]
        if argv:
            from reflect_tui.cli.quick_args import quick_args

            # The plain forms of the scripted commands skip argparse (see quick_args).
            quick = quick_args(list(argv))
            if quick is not None:
                args = cast("argparse.Namespace", quick)
            else:
                from reflect_tui.cli.parser import build_parser

                args = build_parser(argv).parse_args(argv)
        else:
            args = no_arguments()
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
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:
        # Output that cannot be written (a full disk behind ``> file``, /dev/full):
        # one line and a failure exit, never a traceback or a silent half file.
        print(
            f"reflect: schrijven of lezen mislukt ({os_reason(exc)}); de uitvoer is onvolledig.",
            file=sys.stderr if ctx is None else ctx.stderr,
        )
        return 1
    except Exception as exc:  # a bug: say where, keep the details (no journal text) in a file
        return _crashed(exc, ctx)


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
    """Console-script entry point."""
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except OSError as exc:
        _silence_stdout()
        print(f"reflect: schrijven mislukt ({os_reason(exc)}).", file=sys.stderr)
        code = code or 1
    sys.exit(code)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's own flush at exit cannot fail again."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
