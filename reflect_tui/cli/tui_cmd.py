"""``reflect`` without a subcommand: open the terminal UI.

Textual is imported here, inside the function, so no other command pays
for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reflect_tui.cli.context import CliContext

if TYPE_CHECKING:
    import argparse


def run_tui(args: argparse.Namespace, ctx: CliContext) -> int:
    from reflect_tui.tui.launch import launch

    return launch(
        ctx.locations,
        ctx.clock,
        content_dirs=ctx.content_dirs,
        env=ctx.env,
        stderr=ctx.stderr,
        watch=bool(getattr(args, "watch", False)),
    )
