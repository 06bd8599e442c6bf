"""``reflect backup|restore|doctor``: keeping the journal safe from the shell.

Thin on purpose: making, choosing, restoring and rescuing live in
``core/journal/backup.py`` and ``core/journal/doctor.py``; this module only
asks, prints and turns results into Dutch sentences.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from reflect_tui.core.wording import by_count, counted

if TYPE_CHECKING:
    from pathlib import Path

    from reflect_tui.cli.context import CliContext
    from reflect_tui.core.journal.backup import BackupSummary
    from reflect_tui.core.journal.doctor import RescueResult


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this group's subcommands to the parser."""
    p = sub.add_parser("backup", help="maak nu een back-up van het dagboek")
    p.add_argument("-o", "--output", metavar="FILE", help="schrijf de back-up naar FILE")
    p.set_defaults(handler=run_backup)

    p = sub.add_parser("restore", help="zet een back-up terug (zonder FILE: de nieuwste)")
    p.add_argument("file", metavar="FILE", nargs="?", help="de back-up die terug moet")
    p.add_argument("--yes", action="store_true", help="niet om bevestiging vragen")
    p.set_defaults(handler=run_restore)

    p = sub.add_parser("doctor", help="controleer het dagboek en red wat leesbaar is")
    p.set_defaults(handler=run_doctor)


def _say(ctx: CliContext, text: str) -> None:
    ctx.stdout.write(text + "\n")
    ctx.stdout.flush()


def reflections(count: int) -> str:
    return counted(count, "reflectie", "reflecties")


def describe_backup(summary: BackupSummary) -> str:
    """One line on what a backup holds: count and newest reflection."""
    from reflect_tui.core.safe_text import clean_line

    count = reflections(summary.reflections)
    made = summary.made_at.strftime("%Y-%m-%d %H:%M")
    if summary.newest_title is None or summary.newest_on is None:
        return f"{clean_line(str(summary.path))} (gemaakt {made}): {count}."
    title = clean_line(summary.newest_title) or "(zonder titel)"
    return (
        f"{clean_line(str(summary.path))} (gemaakt {made}): {count}, de nieuwste "
        f"'{title}' van {summary.newest_on.isoformat()}."
    )


def run_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    from pathlib import Path

    from reflect_tui.core.errors import ReflectError
    from reflect_tui.core.journal.backup import back_up, manual_backup_path

    locations = ctx.locations
    if not locations.journal_path.exists():
        raise ReflectError("er is nog geen dagboek om een back-up van te maken.")
    if args.output:
        target = Path(args.output).expanduser().absolute()
        if target.exists():
            raise ReflectError(f"{target} bestaat al; kies een andere naam.")
        from reflect_tui.core.journal.exports import require_folder

        require_folder(target)
    else:
        target = manual_backup_path(locations.backups_dir, ctx.clock.now())
    summary = back_up(locations.journal_path, target)
    _say(ctx, f"Back-up gemaakt: {describe_backup(summary)}")
    if args.output:
        _say(ctx, "Let op: wie later een reflectie wist, moet deze kopie zelf opruimen.")
    return 0


def run_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    from pathlib import Path

    from reflect_tui.cli.journal_cmd import _is_tty
    from reflect_tui.core.errors import ReflectError
    from reflect_tui.core.journal.backup import describe, newest_backup, restore

    locations = ctx.locations
    if args.file:
        source = Path(args.file).expanduser().absolute()
    else:
        found = newest_backup(locations.backups_dir)
        if found is None:
            raise ReflectError(
                f"er is nog geen back-up in {locations.backups_dir}; maak er een met "
                "'reflect backup'."
            )
        source = found
    from reflect_tui.core.journal.keys import key_for_journal

    key_for_journal(locations.journal_path)  # an encrypted journal's key opens its backups
    summary = describe(source)
    _say(ctx, f"Back-up: {describe_backup(summary)}")
    if not args.yes:
        if not _is_tty(sys.stdin):
            raise ReflectError(
                "terugzetten vervangt het huidige dagboek; bevestig met --yes "
                "(er wordt niet gevraagd omdat invoer geen terminal is)."
            )
        ctx.stdout.write(
            "Het huidige dagboek vervangen door deze back-up? Er wordt eerst een "
            "veiligheidskopie van gemaakt. [j/N] "
        )
        ctx.stdout.flush()
        if sys.stdin.readline().strip().lower() not in ("j", "ja", "y", "yes"):
            _say(ctx, "Niets teruggezet.")
            return 1
    from reflect_tui.core.instance import InstanceLock
    from reflect_tui.core.journal.backup import APP_OPEN

    lock = InstanceLock.acquire(locations.lock_path)
    if lock is None:
        raise ReflectError(APP_OPEN)
    try:
        result = restore(locations.journal_path, source, locations.backups_dir, ctx.clock.now())
    finally:
        lock.release()
    _say(ctx, f"Teruggezet: {reflections(result.restored.reflections)}.")
    _say(ctx, f"Het vorige dagboek staat veilig in {result.safety_copy}.")
    return 0


def run_doctor(args: argparse.Namespace, ctx: CliContext) -> int:
    from reflect_tui.core.errors import ReflectError
    from reflect_tui.core.journal.backup import newest_backup
    from reflect_tui.core.journal.doctor import examine, rescue, rescue_path
    from reflect_tui.core.journal.sqlite_errors import backup_leads, fullest_backup, technical_note

    locations = ctx.locations
    journal = locations.journal_path
    health = examine(journal)
    if health.ok:
        _say(ctx, f"Het dagboek {journal} is in orde ({reflections(health.reflections or 0)}).")
        newest = newest_backup(locations.backups_dir)
        if newest is not None:
            _say(ctx, f"Nieuwste back-up: {newest}.")
        return 0
    _say(ctx, f"Het dagboek {journal} is beschadigd:")
    for problem in health.problems[:5]:
        _say(ctx, f"  - {problem}")
    if health.technical:
        # SQLite's own words, marked as such: useful to whoever helps, not needed to act.
        _say(ctx, f"  {technical_note('; '.join(health.technical[:3]))}")
    target = rescue_path(journal, ctx.clock.now().strftime("%Y%m%dT%H%M%S"))
    best = fullest_backup(journal)
    try:
        result = rescue(journal, target)
    except ReflectError as exc:
        _say(ctx, f"Redden lukt niet: {exc.message}")
        if best is not None:
            _say(ctx, _backup_line(*best))
        return 1
    for line in rescue_report(result):
        _say(ctx, line)
    use_rescue = f"'reflect restore {result.target}'"
    rescued = result.saved.get("reflections", 0)
    if best is not None and backup_leads(best[1], rescued):
        # A backup holds more than was rescued (maybe nothing was): it comes first.
        _say(ctx, _backup_line(*best))
        _say(ctx, f"Of neem het geredde dagboek in gebruik met {use_rescue}.")
    else:
        _say(ctx, f"Neem het geredde dagboek in gebruik met {use_rescue}.")
        if best is not None:
            _say(ctx, _backup_line(*best, alternative=True))
    return 1


DOCTOR_BACKUP = "Zet de back-up met de meeste reflecties terug met 'reflect restore {path}' ({n})."
DOCTOR_BACKUP_OR = (
    "Of zet de back-up met de meeste reflecties terug met 'reflect restore {path}' ({n})."
)


def _backup_line(path: Path, count: int | None, alternative: bool = False) -> str:
    """Doctor's advice to restore the fullest backup, with what it holds."""
    held = "aantal onbekend" if count is None else reflections(count)
    return (DOCTOR_BACKUP_OR if alternative else DOCTOR_BACKUP).format(path=path, n=held)


# table -> (one, many)
_TABLE_NAMES = {
    "reflections": ("reflectie", "reflecties"),
    "answers": ("antwoord", "antwoorden"),
    "principle_ratings": ("beoordeling van een principe", "beoordelingen van principes"),
    "next_steps": ("volgende stap", "volgende stappen"),
    "tips_shown": ("getoonde tip", "getoonde tips"),
    "reflection_tips": ("bewaarde tip bij een reflectie", "bewaarde tips bij reflecties"),
}


def rescue_report(result: RescueResult) -> list[str]:
    """What ``reflect doctor`` saved and what it could not, in plain Dutch."""
    from reflect_tui.core.safe_text import clean_line

    lines = [f"Gered in een nieuw dagboek {result.target} (het origineel is niet aangeraakt):"]
    for table, count in result.saved.items():
        one, many = _TABLE_NAMES.get(table, (table, table))
        lines.append(f"  {counted(count, one, many)}")
    lost: list[str] = []
    for gap in result.gaps:
        name = _TABLE_NAMES.get(gap.table, (gap.table, gap.table))[1]
        if gap.last is None:
            lost.append(f"  {name} vanaf volgnummer {gap.first} (beschadigd deel)")
        else:
            most = gap.last - gap.first + 1
            one, many = _TABLE_NAMES.get(gap.table, (gap.table, gap.table))
            lost.append(
                f"  hoogstens {counted(most, one, many)} "
                f"(volgnummers {gap.first}-{gap.last}, beschadigd deel)"
            )
    for item in result.incomplete:
        title = clean_line(item.title) or "(zonder titel)"
        lost.append(
            f"  de {_TABLE_NAMES.get(item.table, (item.table, item.table))[1]} van '{title}'"
        )
    if result.orphans:
        lost.append(
            by_count(
                (
                    "  1 losse rij waarvan de reflectie verloren is",
                    "  {n} losse rijen waarvan de reflectie verloren is",
                ),
                result.orphans,
            )
        )
    if lost:
        lines.append("Niet te redden:")
        lines += lost
    else:
        lines.append("Alles wat gelezen kon worden is gered; er ontbrak niets.")
    return lines
