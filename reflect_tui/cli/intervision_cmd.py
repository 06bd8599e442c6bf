"""``reflect anonimiseer``: the intervision group's privacy check on any text.

``anonimiseer`` never imports Textual: it reads a text, runs the same
pseudonymisation pass the intervision summary uses, prints the result on
stdout and what kinds were replaced on stderr (so ``> bestand.txt`` keeps
only the text).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.os_messages import os_reason

if TYPE_CHECKING:
    from reflect_tui.cli.context import CliContext

# Far more than any case text; stops a mistaken multi-gigabyte file early.
MAX_BYTES = 5_000_000


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``anonimiseer``."""
    anon = sub.add_parser(
        "anonimiseer",
        help="vervang namen, adressen en nummers in een tekst (om te delen)",
        description=(
            "Zoek persoonsgegevens in een tekst en vervang ze door rollen en plaatshouders. "
            "De tekst komt op het scherm; wat er vervangen is (alleen de soort) volgt daarna."
        ),
    )
    anon.add_argument(
        "file", nargs="?", default="-", metavar="BESTAND", help="tekstbestand, of - voor invoer"
    )
    anon.set_defaults(handler=run_anonimiseer)


def read_text(name: str) -> str:
    """The text of a file or of standard input, as UTF-8; one clear error otherwise."""
    try:
        if name == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with Path(name).expanduser().open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError as exc:
        raise ReflectError(f"bestand niet gevonden: {name}") from exc
    except IsADirectoryError as exc:
        raise ReflectError(f"{name} is een map, geen tekstbestand") from exc
    except OSError as exc:
        raise ReflectError(f"kan {name} niet lezen: {os_reason(exc)}") from exc
    if len(data) > MAX_BYTES:
        raise ReflectError(f"{name} is te groot (meer dan {MAX_BYTES // 1_000_000} MB)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReflectError(f"{name} is geen tekst in UTF-8") from exc


def run_anonimiseer(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print the pseudonymised text, then the kinds replaced."""
    from reflect_tui.core.privacy import labels
    from reflect_tui.core.privacy.pseudonymise import pseudonymise
    from reflect_tui.core.safe_text import clean_block

    text = read_text(args.file)
    result = pseudonymise(text)
    # Escape codes in a pasted text must not drive the reader's terminal.
    ctx.stdout.write(clean_block(result.text))
    if not result.text.endswith("\n"):
        ctx.stdout.write("\n")
    ctx.stdout.flush()
    print(labels.replaced_line(result.counts, result.kinds()), file=ctx.stderr)
    if result.counts:
        print(labels.REVIEW_HINT, file=ctx.stderr)
    return 0
