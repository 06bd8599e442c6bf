"""``reflect share`` and ``reflect org report``: an organisation's own table.

The rules (what a share file holds, validation, k-anonymity) live in
``core/share.py``; this module asks, shows and prints. No Textual.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.os_messages import os_reason
from reflect_tui.core.wording import counted

if TYPE_CHECKING:
    from reflect_tui.cli.context import CliContext
    from reflect_tui.core.content.model import Content
    from reflect_tui.core.share import OrgReport

_CATEGORY_TITLES = {
    "barriers": "Wat hindert bij ons",
    "helps": "Wat helpt bij ons",
    "practices": "Welke werkpraktijken we kozen",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``share`` and ``org report``."""
    share = sub.add_parser(
        "share",
        help="deelbestand met alleen tellingen per maand (geen tekst)",
        description=(
            "Schrijf een deelbestand voor je organisatie: per maand hoe vaak je werkpraktijken "
            "koos, hindernissen en hulpbronnen aanvinkte en welke cijfers je gaf. Geen tekst, "
            "geen datums per dag. Je ziet eerst precies wat erin komt."
        ),
    )
    share.add_argument("-o", "--output", metavar="BESTAND", required=True, help="het deelbestand")
    share.add_argument("--yes", action="store_true", help="niet vragen, meteen schrijven")
    share.set_defaults(handler=run_share)

    org = sub.add_parser("org", help="voor trainers: deelbestanden samenvoegen")
    actions = org.add_subparsers(dest="org_command", metavar="ACTIE", required=True)
    report = actions.add_parser(
        "report",
        help="tabel van wat hindert en helpt, uit veel deelbestanden",
        description=(
            "Voeg de deelbestanden (*.json) in MAP samen tot een gerangschikte tabel. "
            "Cellen uit minder dan 5 deelbestanden worden niet getoond."
        ),
    )
    report.add_argument("dir", metavar="MAP", help="map met deelbestanden")
    report.add_argument("--json", action="store_true", help="als JSON (machineleesbaar)")
    report.add_argument("--md", metavar="BESTAND", help="schrijf ook een Markdown-rapport")
    report.set_defaults(handler=run_org_report)


def run_share(args: argparse.Namespace, ctx: CliContext) -> int:
    """Show the file's exact content, ask, then write it (0600, atomically)."""
    from reflect_tui.cli.journal_cmd import open_store
    from reflect_tui.core.paths import write_private_file
    from reflect_tui.core.share import build_share, share_json

    target = Path(args.output).expanduser()
    if target.exists() and not target.is_file():
        raise ReflectError(f"{target} is geen gewoon bestand; kies een andere naam")
    with open_store(ctx, reading=True) as store:
        text = share_json(build_share(store.all()))
    print(text, end="", file=ctx.stdout)
    if not args.yes:
        if not sys.stdin.isatty():
            raise ReflectError("niets geschreven: bevestig met --yes (geen terminal om te vragen)")
        # Through ctx.stdout, not input(): the prompt names a path, and only
        # ctx.stdout keeps escape codes in it off the terminal.
        ctx.stdout.write(f"Dit bestand schrijven naar {target}? [j/N] ")
        ctx.stdout.flush()
        answer = sys.stdin.readline()
        if answer.strip().lower() not in ("j", "ja", "y", "yes"):
            print("Niets geschreven.", file=ctx.stdout)
            return 1
    try:
        write_private_file(target, text.encode("utf-8"))
    except OSError as exc:
        raise ReflectError(f"kan {target} niet schrijven: {os_reason(exc)}") from exc
    print(f"geschreven: {target}", file=ctx.stdout)
    return 0


def run_org_report(args: argparse.Namespace, ctx: CliContext) -> int:
    """Aggregate, report skipped files on stderr, print the table or JSON."""
    from reflect_tui.core.share import ShareError, aggregate

    folder = Path(args.dir).expanduser()
    if not folder.is_dir():
        raise ReflectError(f"{folder} is geen map")
    try:
        report = aggregate(folder)
    except ShareError as exc:
        raise ReflectError(f"{folder}: {exc}") from exc
    for name, why in report.skipped:
        ctx.warn(f"overgeslagen: {_plain(name)}: {why}")
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2), file=ctx.stdout)
    markdown = render_markdown(report, ctx.load_content())
    if not args.json:
        print(markdown, end="", file=ctx.stdout)
    if args.md:
        target = Path(args.md).expanduser()
        try:
            target.write_text(markdown, encoding="utf-8")
        except OSError as exc:
            raise ReflectError(f"kan {target} niet schrijven: {os_reason(exc)}") from exc
    return 0


def _plain(text: str) -> str:
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def _name(content: Content, category: str, item: str) -> str:
    lookup = content.by_id(category)
    found = lookup.get(item)
    return str(getattr(found, "name", item)) if found is not None else item


def _shown(value: int | None) -> str:
    return "–" if value is None else str(value)


def render_markdown(report: OrgReport, content: Content) -> str:
    """A ranked table like the essay's, then trends per quarter; '–' marks suppressed cells."""
    data = report.to_json()
    lines = [
        "# Wat hindert en helpt bij ons",
        "",
        f"Samengevoegd uit {counted(report.files_read, 'deelbestand', 'deelbestanden')} "
        f"({_shown(data['reflections'])} "
        f"{'reflectie' if data['reflections'] == 1 else 'reflecties'}). Cellen uit minder dan "
        f"{report.k} deelbestanden staan als '–', zodat niemand herkenbaar is.",
        "",
    ]
    quarters: list[str] = data["quarters"]
    for category in ("barriers", "helps", "practices"):
        lines += [f"## {_CATEGORY_TITLES[category]}", ""]
        header = "| | mensen | keer | " + " | ".join(quarters) + " |"
        lines += [header, "|" + "---|" * (3 + len(quarters))]
        for row in data["ranked"][category]:
            cells = [_shown(row["by_quarter"][q]) for q in quarters]
            name = _name(content, category, row["id"])
            lines.append(
                f"| {name} | {_shown(row['people'])} | {_shown(row['times'])} | "
                + " | ".join(cells)
                + " |"
            )
        lines.append("")
    lines += [
        "## Cijfers per werkprincipe",
        "",
        "| | 1 | 2 | 3 | 4 | 5 |",
        "|---|---|---|---|---|---|",
    ]
    for principle, per in data["ratings"].items():
        name = _name(content, "principles", principle)
        lines.append(f"| {name} | " + " | ".join(_shown(per[r]) for r in "12345") + " |")
    lines.append("")
    if report.skipped:
        n = len(report.skipped)
        lines += [f"{counted(n, 'bestand', 'bestanden')} overgeslagen (zie de meldingen).", ""]
    return "\n".join(lines)
