"""``reflect list|show|search|export|import|delete``: the journal from the shell.

Why everything is imported inside the handlers: these commands are run
from scripts and benchmarks, so start-up time is most of their cost. Only
``argparse`` is needed to register them; SQLite, JSON and the store load
when a command actually runs, and the content (YAML) only for
``show --format md``, which wants Dutch display names.

User text printed to a terminal is cleaned of control and escape
characters, so an answer containing ``\\x1b[2J`` cannot clear the screen.
"""

from __future__ import annotations

import sys

from reflect_tui.cli import filters
from reflect_tui.core.dates import format_date
from reflect_tui.core.os_messages import os_reason
from reflect_tui.core.safe_text import clean_block, clean_line, display_id

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Generator, Sequence
    from pathlib import Path
    from typing import Any

    from reflect_tui.cli.context import CliContext
    from reflect_tui.core.journal.elsewhere import CopyElsewhere
    from reflect_tui.core.journal.model import ReflectionSummary
    from reflect_tui.core.journal.store import JournalStore

STATUS_NAMES = {"draft": "concept", "complete": "afgerond"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this group's subcommands to the parser."""
    p = sub.add_parser("list", help="toon de reflecties, nieuwste eerst")
    p.add_argument("-n", type=int, metavar="N", help="hoogstens N reflecties")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON-lijst")
    filters.add_filter_args(p)
    p.set_defaults(handler=run_list)

    p = sub.add_parser("show", help="toon één reflectie")
    p.add_argument("id", metavar="ID", help="id of een uniek begin ervan")
    p.add_argument(
        "--format",
        choices=("md", "json"),
        default=None,
        help="md: Markdown voor een Markdown-lezer; zonder: gewone leesbare tekst",
    )
    p.add_argument("--json", action="store_true", help="uitvoer als JSON (als --format json)")
    p.set_defaults(handler=run_show)

    p = sub.add_parser("search", help="zoek in titels, antwoorden, inzichten en notities")
    p.add_argument("query", metavar="QUERY", nargs="+", help="zoekwoorden (alle moeten voorkomen)")
    p.add_argument("-n", type=int, default=50, metavar="N", help="hoogstens N resultaten")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON-lijst")
    filters.add_filter_args(p)
    p.set_defaults(handler=run_search)

    p = sub.add_parser("export", help="exporteer het hele dagboek")
    p.add_argument("--format", choices=("json", "md"), default="json")
    p.add_argument("-o", "--output", metavar="FILE", help="schrijf naar FILE (0600) i.p.v. stdout")
    filters.add_filter_args(p)
    p.set_defaults(handler=run_export)

    p = sub.add_parser("import", help="importeer een JSON-export (reflect-journal)")
    p.add_argument("file", metavar="FILE", help="JSON-bestand, of - voor stdin")
    p.set_defaults(handler=run_import)

    p = sub.add_parser("delete", help="wis een reflectie definitief")
    p.add_argument("id", metavar="ID", help="id of een uniek begin ervan")
    p.add_argument("--yes", action="store_true", help="niet om bevestiging vragen")
    p.set_defaults(handler=run_delete)


# --- helpers ---------------------------------------------------------------------------


def open_store(ctx: CliContext, reading: bool = False) -> JournalStore:
    """The journal for this run, at the location the global options decide.

    ``reading``: the command only reads, so a journal that cannot be written
    (a read-only file system, a backup on a read-only medium) is opened
    read-only instead of refused.
    """
    return ctx.open_journal(reading=reading)


def _summary_json(s: ReflectionSummary) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "occurred_on": s.occurred_on.isoformat(),
        "status": s.status,
        "case_kind": s.case_kind,
        "updated_at": s.updated_at.isoformat(),
    }


def _row(s: ReflectionSummary) -> str:
    status = STATUS_NAMES.get(s.status, s.status)
    title = clean_line(s.title) or "(zonder titel)"
    # Dates for people as the app shows them (day first); JSON keeps ISO.
    return f"{format_date(s.occurred_on):>10}  {status:<8}  {display_id(s.id[:8])}  {title}"


def _write(ctx: CliContext, text: str) -> None:
    ctx.stdout.write(text)
    ctx.stdout.flush()


def _is_tty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


# --- handlers ----------------------------------------------------------------------------


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.n is not None and args.n < 0:
        from reflect_tui.core.errors import ReflectError

        raise ReflectError("-n moet 0 of groter zijn.", exit_code=2)
    # Unfiltered (the usual case): no JournalQuery, so no query module to import.
    query = (
        filters.query_from_args(args, ctx.clock.today(), load_content=ctx.load_content)
        if filters.any_given(args)
        else None
    )
    filtered = query is not None and query.is_filtered
    with open_store(ctx, reading=True) as store:
        if query is not None and filtered:
            from reflect_tui.core.journal.query import find

            rows = find(store, query, limit=args.n)
        else:
            rows = store.list(limit=args.n)
    if args.json:
        from reflect_tui.core.journal.interchange import dumps

        _write(ctx, dumps([_summary_json(s) for s in rows]) + "\n")
    elif not rows and args.n != 0 and filtered:
        _write(ctx, "Geen reflecties gevonden met deze filters.\n")
    elif not rows and args.n != 0:
        _write(ctx, "Je dagboek is nog leeg. Start 'reflect' om een reflectie te beginnen.\n")
    else:
        _write(ctx, "".join(_row(s) + "\n" for s in rows))
    return 0


def run_show(args: argparse.Namespace, ctx: CliContext) -> int:
    with open_store(ctx, reading=True) as store:
        reflection = store.get(store.resolve_id(args.id))
    if args.format == "json" or getattr(args, "json", False):
        from reflect_tui.core.journal.interchange import dumps, reflection_to_dict

        _write(ctx, dumps(reflection_to_dict(reflection)) + "\n")
        return 0
    from reflect_tui.core.journal.markdown import render_reflection

    # Read in a terminal by default; escaped Markdown only when asked for.
    text = render_reflection(reflection, _namer(ctx), plain=args.format != "md")
    _write(ctx, clean_block(text) if _is_tty(ctx.stdout) else text)
    return 0


def _namer(ctx: CliContext) -> Any:
    """Dutch names from the content; ids if the content cannot be loaded."""
    from reflect_tui.core.errors import ReflectError
    from reflect_tui.core.journal.markdown import content_namer

    try:
        return content_namer(ctx.load_content())
    except (ReflectError, ImportError, OSError) as exc:
        ctx.warn(f"inhoud niet geladen, ids worden getoond ({exc})")
        return None


def run_search(args: argparse.Namespace, ctx: CliContext) -> int:
    text = " ".join(args.query)
    if not text.strip():
        from reflect_tui.core.errors import ReflectError

        raise ReflectError(
            "geef een zoekwoord; een lege zoekterm vindt niets (alles zien: 'reflect list').",
            exit_code=2,
        )
    # Unfiltered (the usual case): no JournalQuery, so no query module to import.
    query = (
        filters.query_from_args(args, ctx.clock.today(), text, load_content=ctx.load_content)
        if filters.any_given(args)
        else None
    )
    with open_store(ctx, reading=True) as store:
        hits = store.search_hits(text, limit=max(0, args.n), filters=query)
    if args.json:
        from reflect_tui.core.journal.interchange import dumps

        items = [{**_summary_json(h.summary), "snippet": h.snippet} for h in hits]
        _write(ctx, dumps(items) + "\n")
    elif not hits:
        _write(ctx, "Niets gevonden.\n")
    else:
        lines = []
        for hit in hits:
            lines.append(_row(hit.summary))
            snippet = clean_line(hit.snippet)
            if snippet:
                lines.append(f"    {snippet}")
        _write(ctx, "\n".join(lines) + "\n")
    return 0


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    to_file = bool(args.output and args.output != "-")
    target = None
    if to_file:  # refuse a FIFO, device or directory before reading the journal
        from pathlib import Path

        from reflect_tui.core.journal.exports import check_export_target

        target = check_export_target(Path(args.output).expanduser())
    to_terminal = not to_file and _is_tty(ctx.stdout)
    from reflect_tui.core.journal.keys import export_warning

    warning = export_warning(ctx.journal_file)
    if warning is not None:
        ctx.warn(warning)
    # Unfiltered (the usual case): no JournalQuery, so no query module to import.
    query = (
        filters.query_from_args(args, ctx.clock.today(), load_content=ctx.load_content)
        if filters.any_given(args)
        else None
    )
    from reflect_tui.core.journal.export_set import export_chunks, write_export

    with open_store(ctx, reading=True) as store:
        namer = _namer(ctx) if args.format == "md" and store.count() else None
        if to_terminal:
            _show(ctx, export_chunks(store, args.format, namer, query), args.format)
            return 0
        if target is None:  # a file or pipe: the bytes as they are
            write_export(ctx.stdout, store, args.format, namer, query)
            return 0
        from reflect_tui.core.journal.sqlite_errors import translate

        try:
            written = write_export(target, store, args.format, namer, query)
        except OSError as exc:
            raise translate(exc, target) from None
    _remember(ctx, target)
    print(f"{_reflections(written)} geëxporteerd naar {args.output}", file=ctx.stderr)
    return 0


def _show(ctx: CliContext, source: Generator[str, None, None], fmt: str) -> None:
    """An export on a terminal: unsafe characters escaped (JSON) or replaced (Markdown).

    Piece by piece; pieces end at line breaks, so that is what whole-text
    cleaning gives. A file or pipe gets ``export_set.write_export``'s bytes.
    """
    clean = clean_block
    if fmt == "json":
        from reflect_tui.core.journal.interchange import escape_unsafe as clean
    try:
        from reflect_tui.core.output import write_chunks_fully

        write_chunks_fully(ctx.stdout, (clean(chunk) for chunk in source))
    finally:
        source.close()  # ends the read transaction before the store closes, even on error


def _remember(ctx: CliContext, target: Path) -> None:
    """An export outside the data folder goes on the list a delete warns about."""
    from reflect_tui.core.journal import elsewhere
    from reflect_tui.core.journal.sqlite_errors import translate

    journal = ctx.locations.journal_path
    try:
        elsewhere.record(journal, target, elsewhere.EXPORT, ctx.clock.now())
    except OSError as exc:
        raise translate(exc, journal) from None


def _reflections(count: int) -> str:
    """'1 reflectie', '2 reflecties': a count read aloud in correct Dutch."""
    from reflect_tui.core.wording import counted

    return counted(count, "reflectie", "reflecties")


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    """Import an interchange file, streamed: memory stays flat, a flaw imports nothing."""
    import contextlib
    import io
    from pathlib import Path

    from reflect_tui.core.errors import ReflectError
    from reflect_tui.core.journal.import_helper import prepared_rows

    source = args.file
    try:
        raw = sys.stdin.buffer if source == "-" else Path(source).expanduser().open("rb")
    except OSError as exc:
        raise ReflectError(f"kan {source} niet lezen: {os_reason(exc)}") from None
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline="")
    try:
        with contextlib.ExitStack() as stack:
            if source == "-":
                # The journal first: a passphrase may come first on standard input.
                store = stack.enter_context(open_store(ctx))
                rows = stack.enter_context(prepared_rows(text, source))
            else:
                # The reader first: it reads the file while the journal is opened
                # (migrated, backed up), a fifth of a 1,000-reflection import's time.
                rows = stack.enter_context(prepared_rows(text, source))
                store = stack.enter_context(open_store(ctx))
            result = store.import_stream(rows)
    except OSError as exc:  # a read error halfway; the transaction was rolled back
        raise ReflectError(
            f"kan {source} niet lezen: {os_reason(exc)}; er is niets geïmporteerd."
        ) from None
    finally:
        if source != "-":
            text.close()
        else:
            text.detach()
    origin = "standaardinvoer" if source == "-" else source
    _write(
        ctx,
        f"Geïmporteerd uit {origin}: {result.added} nieuw, {result.updated} bijgewerkt, "
        f"{result.unchanged} ongewijzigd.\n",
    )
    return 0


def run_delete(args: argparse.Namespace, ctx: CliContext) -> int:
    from reflect_tui.core.errors import ReflectError

    with open_store(ctx) as store:
        reflection_id = store.resolve_id(args.id)
        if not args.yes:
            summary = store.get(reflection_id)
            if not _is_tty(sys.stdin):
                raise ReflectError(
                    "wissen kan niet ongedaan worden gemaakt; bevestig met --yes "
                    "(er wordt niet gevraagd omdat invoer geen terminal is)."
                )
            title = clean_line(summary.title) or "(zonder titel)"
            from reflect_tui.core.journal.exports import copies_elsewhere_since

            copies = copies_elsewhere_since(store.path, summary.created_at)
            for line in _elsewhere_lines(copies):
                ctx.stdout.write(line + "\n")
            ctx.stdout.write(
                f"Reflectie '{title}' van {format_date(summary.occurred_on)} definitief wissen? "
                "Dit kan niet ongedaan worden gemaakt. [j/N] "
            )
            ctx.stdout.flush()
            answer = sys.stdin.readline().strip().lower()
            if answer not in ("j", "ja", "y", "yes"):
                _write(ctx, "Niet gewist.\n")
                return 1
        from reflect_tui.core.journal.exports import delete_with_copies

        done = delete_with_copies(store, ctx.locations, reflection_id)
    _write(ctx, f"Reflectie {display_id(reflection_id)} is gewist, ook uit de back-ups.\n")
    for path in done.erased:
        _write(ctx, f"Ook de export {clean_line(str(path))} is gewist.\n")
    for path, exc in done.failed:
        ctx.warn(f"let op: kon de export {path} niet wissen ({os_reason(exc)}); wis die zelf.")
    for line in _elsewhere_lines(done.elsewhere):
        ctx.warn(line)
    return 0


_KIND_NAMES = {"backup": "back-up", "export": "export"}


def _elsewhere_lines(copies: Sequence[CopyElsewhere]) -> list[str]:
    """The plain warning about copies outside the data folder that a delete cannot reach."""
    if not copies:
        return []
    lines = [
        "Let op: reflect heeft ook kopieën buiten de gegevensmap gemaakt. Daaruit kan reflect "
        "niets wissen; staat deze reflectie erin, verwijder of vervang die kopie dan zelf:"
    ]
    for copy in copies:
        kind = _KIND_NAMES.get(copy.kind, copy.kind)
        lines.append(f"  {clean_line(str(copy.path))} ({kind} van {copy.made_at:%Y-%m-%d})")
    return lines
