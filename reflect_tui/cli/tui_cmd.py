"""``reflect`` without a subcommand: open the terminal UI.

Textual is imported here, inside the function, so no other command pays
for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reflect_tui.cli.context import CliContext

if TYPE_CHECKING:
    import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``intervisie``: the terminal UI, opened on the intervision setup."""
    group = sub.add_parser(
        "intervisie",
        help="begeleid een intervisiebijeenkomst ronde na ronde (timer, rollen, vragen)",
        description=(
            "Open reflect op het intervisiescherm: kies een methode, verdeel de rollen en "
            "laat de timer per ronde lopen. Er wordt niets bewaard tenzij je dat zelf kiest."
        ),
    )
    group.set_defaults(handler=run_tui, start="intervisie")


def run_tui(args: argparse.Namespace, ctx: CliContext) -> int:
    from reflect_tui.tui.launch import launch

    return launch(
        ctx.locations,
        ctx.clock,
        content_dirs=ctx.content_dirs,
        env=ctx.env,
        stderr=ctx.stderr,
        watch=bool(getattr(args, "watch", False)),
        start=getattr(args, "start", None),
    )
