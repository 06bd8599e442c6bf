"""The argument parser of ``reflect``: global options and every subcommand.

Kept apart from ``main`` so plain ``reflect`` (the terminal UI) never
imports argparse; each group of subcommands registers itself from its own
module.
"""

from __future__ import annotations

import argparse
from typing import NoReturn

from reflect_tui import __version__
from reflect_tui.cli import tui_cmd
from reflect_tui.core.errors import ReflectError


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line (exit 2)."""

    def error(self, message: str) -> NoReturn:
        raise ReflectError(f"{message} (zie 'reflect --help')", exit_code=2)


def build_parser() -> argparse.ArgumentParser:
    from reflect_tui.cli import (
        argparse_nl,
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
    parser.set_defaults(handler=tui_cmd.run_tui)
    return parser
