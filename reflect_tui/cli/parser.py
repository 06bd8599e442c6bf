"""The argument parser of ``reflect``: global options and every subcommand.

Kept apart from ``main`` so plain ``reflect`` (the terminal UI) never
imports argparse; each group of subcommands registers itself from its own
module.

Why ``build_parser`` can build a parser for one command: ``reflect list``
and ``reflect search`` are run from scripts and measured against jrnl as
whole processes, and importing every command module (the coach's, the
content checker's with ``json``/``difflib``/``textwrap``) and building all
two dozen subparsers cost more than the query itself. When the command
word is known (``COMMAND_MODULES``), only its module is imported and
registered; anything unusual (``--help``, an unknown word, an abbreviated
global option) gets the full parser, so help and errors read as before.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from reflect_tui import __version__
from reflect_tui.cli import tui_cmd
from reflect_tui.core.errors import ReflectError

# Which module registers each command word (a test keeps this equal to the
# full parser). A command missing here still works, through the full parser.
COMMAND_MODULES: dict[str, str] = {
    "list": "journal_cmd",
    "show": "journal_cmd",
    "search": "journal_cmd",
    "export": "journal_cmd",
    "import": "journal_cmd",
    "delete": "journal_cmd",
    "backup": "backup_cmd",
    "restore": "backup_cmd",
    "doctor": "backup_cmd",
    "encrypt": "encrypt_cmd",
    "decrypt": "encrypt_cmd",
    "passphrase": "encrypt_cmd",
    "coach": "coach_cmd",
    "suggest": "coach_cmd",
    "share": "share_cmd",
    "org": "share_cmd",
    "stats": "stats_cmd",
    "anonimiseer": "intervision_cmd",
    "intervisie": "tui_cmd",
}

# Global options that take a value (the next word, or ``--option=value``).
_GLOBAL_WITH_VALUE = ("--data-dir", "--content")
_GLOBAL_FLAGS = ("--watch",)


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, with the terminal width read without ``shutil``.

    argparse makes a formatter for every option it adds (to check the
    metavar) and each one imports ``shutil`` for the width, which brings
    ``bz2`` and ``lzma`` along: about 3 ms on every command, for help that
    is almost never printed. Same width rule as ``shutil.get_terminal_size``.
    """

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``: ``$COLUMNS``, else the terminal, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line (exit 2)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise ReflectError(f"{message} (zie 'reflect --help')", exit_code=2)


def chosen_command(argv: Sequence[str]) -> str | None:
    """The command word of ``argv`` when it is plainly one of ``COMMAND_MODULES``.

    Global options before it are skipped in the forms the full parser
    documents; anything else (help, version, an abbreviation argparse would
    expand, an unknown word) gives None: build the full parser.
    """
    index = 0
    while index < len(argv):
        word = argv[index]
        if word in _GLOBAL_WITH_VALUE:
            index += 2
        elif word in _GLOBAL_FLAGS or word.startswith(tuple(f"{o}=" for o in _GLOBAL_WITH_VALUE)):
            index += 1
        elif word in COMMAND_MODULES:
            return word
        else:
            return None
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``reflect``; given ``argv`` with a known command, only that command's."""
    from reflect_tui.cli import argparse_nl

    argparse_nl.install()

    parser = _Parser(
        prog="reflect",
        description="Reflecteer op je eigen casussen: luisteren, samenvatten, doorvragen.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"reflect {__version__}",
        help="toon het versienummer en stop",
    )
    parser.add_argument(
        "--data-dir", metavar="DIR", help="map voor het dagboek (overschrijft REFLECT_HOME)"
    )
    parser.add_argument(
        "--content",
        metavar="DIR",
        action="append",
        help="extra inhoudsmap, bovenop de andere lagen (mag vaker)",
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help="laad de inhoud opnieuw zodra een inhoudsbestand verandert (voor trainers)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    command = chosen_command(argv) if argv is not None else None
    if command is not None:
        module = importlib.import_module(f"reflect_tui.cli.{COMMAND_MODULES[command]}")
        module.register(sub)
    else:
        _register_all(sub)
    parser.set_defaults(handler=tui_cmd.run_tui)
    return parser


def _register_all(sub: argparse._SubParsersAction[Any]) -> None:
    from reflect_tui.cli import (
        backup_cmd,
        coach_cmd,
        content_cmd,
        encrypt_cmd,
        intervision_cmd,
        journal_cmd,
        preview_cmd,
        share_cmd,
        stats_cmd,
    )

    preview_cmd.register(content_cmd.register(sub))
    for module in (
        journal_cmd,
        backup_cmd,
        encrypt_cmd,
        coach_cmd,
        share_cmd,
        stats_cmd,
        intervision_cmd,
        tui_cmd,
    ):
        module.register(sub)
