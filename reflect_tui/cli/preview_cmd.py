"""``reflect content preview [MAP]``: wired here, not in ``content_cmd``.

Why apart: ``content_cmd`` is a non-UI command module that must never reach
Textual (an import-linter contract); the preview is the terminal UI, so its
handler lives beside ``tui_cmd`` and imports the TUI inside the function.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reflect_tui.cli.context import CliContext


def register(actions: argparse._SubParsersAction[Any]) -> None:
    """Add ``preview`` to the ``content`` subcommands."""
    preview = actions.add_parser(
        "preview",
        help="probeer inhoud uit in de app, met een tijdelijk dagboek",
        description=(
            "Open de app op deze inhoud (bovenop de ingebouwde) met een tijdelijk dagboek dat "
            "wordt gewist als je stopt. Wijzigingen in de bestanden zie je binnen een seconde."
        ),
    )
    preview.add_argument("dir", nargs="?", metavar="MAP", help="inhoudsmap (zonder: alle lagen)")
    preview.set_defaults(handler=run_preview)


def run_preview(args: argparse.Namespace, ctx: CliContext) -> int:
    from reflect_tui.core.paths import content_layer_dirs
    from reflect_tui.tui.preview import preview

    if args.dir:
        layers = [Path(args.dir).expanduser()]
    else:
        layers = content_layer_dirs(ctx.locations, ctx.content_dirs, ctx.env)
    return preview(layers, ctx.clock, env=ctx.env, stderr=ctx.stderr)
