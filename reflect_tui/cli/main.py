"""Entry point of the ``reflect`` command.

Each group of subcommands lives in its own module with a ``register``
function; this module only wires them together and turns a
``ReflectError`` into one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from reflect_tui import __version__
from reflect_tui.cli import tui_cmd
from reflect_tui.cli.context import CliContext
from reflect_tui.core.errors import ReflectError


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line (exit 2)."""

    def error(self, message: str) -> NoReturn:
        raise ReflectError(f"{message} (zie 'reflect --help')", exit_code=2)


def build_parser() -> argparse.ArgumentParser:
    # The subcommand modules are imported here, not at the top: plain
    # ``reflect`` (the terminal UI) does not build the parser at all.
    from reflect_tui.cli import coach_cmd, content_cmd, journal_cmd

    parser = _Parser(
        prog="reflect",
        description="Reflecteer op je eigen casussen: luisteren, samenvatten, doorvragen.",
    )
    parser.add_argument("--version", action="version", version=f"reflect {__version__}")
    parser.add_argument(
        "--data-dir", metavar="DIR", help="map voor het dagboek (overschrijft REFLECT_HOME)"
    )
    parser.add_argument(
        "--content",
        metavar="DIR",
        action="append",
        help="extra inhoudsmap, bovenop de andere lagen (mag vaker)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in (content_cmd, journal_cmd, coach_cmd):
        module.register(sub)
    parser.set_defaults(handler=tui_cmd.run_tui)
    return parser


def no_arguments() -> argparse.Namespace:
    """What ``build_parser().parse_args([])`` returns, without building the parser.

    Plain ``reflect`` is the most common command and the one whose start-up
    is measured against a bare Textual app; a test keeps the two equal.
    """
    return argparse.Namespace(data_dir=None, content=None, command=None, handler=tui_cmd.run_tui)


def main(argv: Sequence[str] | None = None, ctx: CliContext | None = None) -> int:
    """Run the CLI and return the exit code (never raises for user errors)."""
    try:
        if argv is None:
            argv = sys.argv[1:]
        args = no_arguments() if not argv else build_parser().parse_args(argv)
        context = ctx or CliContext(args=args)
        context.args = args
        return int(args.handler(args, context) or 0)
    except ReflectError as exc:
        print(f"reflect: {exc.message}", file=sys.stderr if ctx is None else ctx.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
