"""``reflect stats``: the insights screen's numbers, on the terminal or as JSON.

Why it calls ``core.insights.compute``: the screen and this command must
print the same numbers for the same journal; only the layout differs here.
Display names come from the content when it loads, otherwise the ids show.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from reflect_tui.cli import filters

if TYPE_CHECKING:
    from reflect_tui.cli.context import CliContext
    from reflect_tui.core.insights import Count, Insights

ARROWS = {"up": "↑", "down": "↓", "flat": "→"}
# What "het essay" is, under the first table (as the insights screen says it).
ESSAY_NOTE = (
    "  (Het essay is de tekst waarop deze app is gebouwd. Een tabel daarin zet op een rij wat\n"
    "  ambtenaren in groepsgesprekken het vaakst noemden als hinder en als hulp binnen de\n"
    "  gemeente; essay 1 is het vaakst genoemd.)"
)
# Beside a barrier or help: its place in the essay's table, or, for an item an
# organisation layer added (the essay does not name it), whose it is.
ESSAY_RANK = "essay {rank}"
OWN_ITEM = "van je organisatie"
# A count's trend compares shares (``core.insights.share_trend``), so it shows them.
SHARE_TREND = "{arrow} {now}% (was {before}%)"
RATING_ARROWS = {"up": "↑ hoger", "down": "↓ lager", "flat": "→ gelijk", "": ""}
STEP_NAMES = {"luisteren": "luisteren", "samenvatten": "samenvatten", "doorvragen": "doorvragen"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("stats", help="inzichten: praktijken, principes, wat hindert en helpt")
    p.add_argument("--since", metavar="DATUM", help="alleen reflecties vanaf deze datum")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.set_defaults(handler=run_stats)


def run_stats(args: argparse.Namespace, ctx: CliContext) -> int:
    from reflect_tui.cli.journal_cmd import open_store
    from reflect_tui.core.insights import compute, in_content_order

    today = ctx.clock.today()
    since = filters.parse_day(args.since, "--since", today)
    with open_store(ctx, reading=True) as store:
        result = compute(store, today, since=since)
    content = _names(ctx) if result.total else None
    if content is not None:
        result = in_content_order(result, content)
    if args.json:
        from reflect_tui.core.journal.interchange import dumps

        ctx.stdout.write(dumps(result.to_json()) + "\n")
        return 0
    ctx.stdout.write(render(result, content))
    ctx.stdout.flush()
    return 0


def _names(ctx: CliContext) -> Any:
    from reflect_tui.core.errors import ReflectError

    try:
        return ctx.load_content()
    except (ReflectError, OSError) as exc:
        ctx.warn(f"inhoud niet geladen, ids worden getoond ({exc})")
        return None


def render(result: Insights, content: Any) -> str:
    """The insights as plain text lines (Dutch), the same numbers as the screen."""
    from reflect_tui.core.dates import format_date
    from reflect_tui.core.insights import RECENT_DAYS, SKIP_WINDOW, own_table
    from reflect_tui.core.wording import counted, decimal, percent

    def name(collection: str, item_id: str) -> str:
        return item_id if content is None else content.name_of(collection, item_id)

    if not result.total and result.since is not None:
        later = " (die datum ligt in de toekomst)" if result.since > result.today else ""
        return f"Geen afgeronde reflecties vanaf {format_date(result.since)}{later}.\n"
    if not result.total:
        return "Nog geen afgeronde reflecties om inzichten uit te halen.\n"
    since = f" vanaf {format_date(result.since)}" if result.since else ""
    out = [
        f"Inzichten over {counted(result.total, 'afgeronde reflectie', 'afgeronde reflecties')}"
        f"{since}"
        f" (laatste {RECENT_DAYS} dagen: {result.recent_total}, daarvoor: {result.before_total})",
    ]
    if result.has_trends:  # no arrow can show without reflections in both periods
        out.append(
            f"Pijlen: in welk deel van je reflecties iets voorkwam, de laatste {RECENT_DAYS}"
            " dagen tegenover daarvoor (was)."
        )
    out += ["", "Gekozen werkpraktijken"]
    out += _count_lines(result.practices, lambda i: name("practices", i))
    out += ["", "Soort casus"]
    out += _count_lines(result.case_kinds, lambda i: name("case_kinds", i))
    for title, collection, counts in (
        ("Wat hindert jou (jouw volgorde, met die van het essay)", "barriers", result.barriers),
        ("Wat helpt jou (jouw volgorde, met die van het essay)", "helps", result.helps),
    ):
        out += ["", title]
        if collection == "barriers":
            out += [ESSAY_NOTE]
        factors = list(getattr(content, collection, ())) if content is not None else []
        if factors:
            for row in own_table(counts, factors, collection):
                rank = f"{row.own_rank}." if row.own_rank else "-"
                essay = ESSAY_RANK.format(rank=row.essay_rank) if row.essay_rank else OWN_ITEM
                out.append(
                    f"  {rank:>3} {name(collection, row.factor_id):<40} {row.times:>6}"
                    f"  {essay}"
                    f"  {_trend(row.trend, row.recent_share, row.before_share)}".rstrip()
                )
        else:
            out += _count_lines(counts, lambda i: i)
    out += ["", "Zelfbeoordeling per principe (gemiddeld, 1-5)"]
    for series in result.ratings:
        mean = decimal(series.mean) if series.mean is not None else "-"
        out.append(
            f"  {name('principles', series.principle):<30} {mean:>4}"
            f"  {RATING_ARROWS[series.trend]}".rstrip()
        )
    out += [
        "",
        "Overgeslagen LSD-stappen (leeg gelaten als de praktijk gekozen was;"
        f" laatste {SKIP_WINDOW} reflecties)",
    ]
    for skip in result.skips:
        if skip.chosen:
            share = percent(skip.skipped, skip.chosen)
            practice = name("practices", skip.practice)
            step = STEP_NAMES.get(skip.step, skip.step)
            out.append(
                f"  {practice:<42} {step:<12} {skip.skipped:>6} van {skip.chosen} ({share}%)"
            )
    steps = result.next_steps
    out += [
        "",
        # Next steps count in drafts too (``insights.steps_scope``), as on the home screen.
        f"Vervolgstappen (ook die in concepten): {steps.done} gedaan, {steps.open} open,"
        f" {steps.overdue} te laat, {steps.undated} zonder datum",
    ]
    return "\n".join(out) + "\n"


def _count_lines(counts: tuple[Count, ...], label: Any) -> list[str]:
    if not counts:
        return ["  (geen)"]
    return [
        f"  {label(c.key):<44} {c.count:>6}"
        f"  {_trend(c.trend, c.recent_share, c.before_share)}".rstrip()
        for c in counts
    ]


def _trend(trend: str, now: int, before: int) -> str:
    return SHARE_TREND.format(arrow=ARROWS[trend], now=now, before=before) if trend else ""
