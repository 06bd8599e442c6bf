"""``reflect coach`` and ``reflect suggest``: the coach from the shell.

Why the journal is optional here: ``reflect coach --text`` must work on a
fresh install without creating a journal; it only reads the tips-shown
history when a journal already exists (and goes on without it if that
journal cannot be read). ``--reflection`` and ``suggest`` need the journal,
but ``suggest`` on a fresh install simply has nothing to say.

Heavy imports (content loader, SQLite store) happen inside the handlers so
registering the commands stays cheap. Nothing here imports Textual.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import textwrap
from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.safe_text import clean_line, display_id

if TYPE_CHECKING:
    from reflect_tui.cli.context import CliContext
    from reflect_tui.core.coach.learning import LearningMatch
    from reflect_tui.core.coach.practices import PracticeSuggestion
    from reflect_tui.core.coach.tips import TipMatch
    from reflect_tui.core.content.model import Content
    from reflect_tui.core.journal.model import Reflection

HISTORY_DAYS = 90  # how far back "recently shown" tips are looked up
MAX_TIPS = 50
SUGGEST_LOOKBACK = 200  # reflections read for learning suggestions (at least every window)
_WIDTH = 78


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``coach`` and ``suggest`` to the parser."""
    p = sub.add_parser("coach", help="tips bij je casus, met de redenen erbij")
    p.add_argument(
        "--text", metavar="TEXT", help="wat er gebeurde, in je eigen woorden (- = stdin)"
    )
    p.add_argument("--reflection", metavar="ID", help="een reflectie uit je dagboek (id of begin)")
    p.add_argument(
        "--practice", action="append", default=[], metavar="ID", help="gekozen werkpraktijk"
    )
    p.add_argument("--barrier", action="append", default=[], metavar="ID", help="wat hinderde")
    p.add_argument(
        "--help-factor",
        dest="help_factor",
        action="append",
        default=[],
        metavar="ID",
        help="wat hielp",
    )
    p.add_argument("--kind", metavar="KIND", help="soort casus (vraag, klacht, initiatief, ...)")
    p.add_argument("--step", metavar="STEP", help="LSD-stap: luisteren, samenvatten, doorvragen")
    p.add_argument("-n", type=int, default=5, metavar="N", help="aantal tips (standaard 5)")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.add_argument(
        "--explain",
        action="store_true",
        help="laat per tip de delen van de score zien (voor trainers die trefwoorden afstemmen)",
    )
    p.set_defaults(handler=run_coach)

    p = sub.add_parser("suggest", help="leersuggesties op basis van je dagboek")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON-lijst")
    p.set_defaults(handler=run_suggest)


# --- helpers ---------------------------------------------------------------------------


def _clean(text: str) -> str:
    """One terminal line (the shared sanitiser in ``core/safe_text``)."""
    return clean_line(text)


def _check_ids(given: Sequence[str], known: Sequence[str], what: str) -> list[str]:
    """The given ids, or one clear error naming the closest known id."""
    checked: list[str] = []
    for raw in given:
        item = raw.strip().lower()
        if item not in known:
            close = difflib.get_close_matches(item, known, n=1, cutoff=0.6)
            hint = f" Bedoel je '{close[0]}'?" if close else ""
            raise ReflectError(
                f"onbekende {what} '{_clean(raw)}'.{hint} Kies uit: {', '.join(known)}.",
                exit_code=2,
            )
        if item not in checked:
            checked.append(item)
    return checked


def _journal_exists(ctx: CliContext) -> bool:
    path = ctx.locations.journal_path
    return path.exists() or path.is_symlink()


def _open_store(ctx: CliContext) -> Any:
    return ctx.open_journal(reading=True)


def _read_text(value: str) -> str:
    if value == "-":
        try:
            return sys.stdin.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise ReflectError(f"kon de tekst niet van stdin lezen: {exc}") from None
    return value


# --- reflect coach ---------------------------------------------------------------------


def run_coach(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print the best tips for a text or a reflection, and the practices at play."""
    from dataclasses import replace

    from reflect_tui.core.coach.explain import explain_match
    from reflect_tui.core.coach.practices import suggest_practices
    from reflect_tui.core.coach.signals import Signals
    from reflect_tui.core.coach.tips import match_tips

    if args.text is None and args.reflection is None:
        raise ReflectError("geef --text TEKST of --reflection ID.", exit_code=2)
    if args.n < 1:
        raise ReflectError("-n moet 1 of meer zijn.", exit_code=2)
    content = ctx.load_content()
    practices = _check_ids(args.practice, [p.id for p in content.practices], "werkpraktijk")
    barriers = _check_ids(args.barrier, [b.id for b in content.barriers], "belemmering")
    helps = _check_ids(args.help_factor, [h.id for h in content.helps], "hulpfactor")
    kinds = _check_ids(
        [args.kind] if args.kind else [], [k.id for k in content.case_kinds], "soort casus"
    )
    steps = _check_ids(
        [args.step] if args.step else [], [s.id for s in content.lsd_steps], "LSD-stap"
    )
    text = _read_text(args.text) if args.text is not None else ""

    store = None
    history: dict[str, Any] = {}
    try:
        if args.reflection is not None:
            if not _journal_exists(ctx):
                raise ReflectError("er is nog geen dagboek, dus ook geen reflectie om te coachen.")
            store = _open_store(ctx)
            reflection = store.get(store.resolve_id(args.reflection))
            signals = Signals.from_reflection(reflection)
        else:
            signals = Signals()
            if _journal_exists(ctx):
                try:
                    store = _open_store(ctx)
                except ReflectError as exc:
                    ctx.warn(f"eerder getoonde tips niet gelezen: {exc.message}")
        if store is not None:
            since = ctx.clock.now() - timedelta(days=HISTORY_DAYS)
            history = store.tips_shown_since(since)
    finally:
        if store is not None:
            store.close()

    signals = replace(
        signals,
        text="\n".join(part for part in (signals.text, text) if part),
        case_kind=kinds[0] if kinds else signals.case_kind,
        practices=tuple(dict.fromkeys([*signals.practices, *practices])),
        barriers=tuple(dict.fromkeys([*signals.barriers, *barriers])),
        helps=tuple(dict.fromkeys([*signals.helps, *helps])),
        step=steps[0] if steps else signals.step,
    )
    tips = match_tips(
        content, signals, n=min(args.n, MAX_TIPS), recently_shown=history, now=ctx.clock.now()
    )
    suggested = [
        s
        for s in suggest_practices(
            content, signals.text, signals.case_kind, barriers=signals.barriers, helps=signals.helps
        )
        if s.score > 0
    ]
    if args.json:
        payload = {
            "tips": [
                {**tip_json(m), **({"explain": explain_match(content, m)} if args.explain else {})}
                for m in tips
            ],
            "suggested_practices": [practice_json(content, s) for s in suggested],
        }
        from reflect_tui.core.journal.interchange import dumps

        print(dumps(payload), file=ctx.stdout)
    else:
        print(render_coach(content, tips, suggested, explain=args.explain), file=ctx.stdout)
    return 0


def tip_json(match: TipMatch) -> dict[str, Any]:
    """The JSON contract of one matched tip."""
    tip = match.tip
    return {
        "id": tip.id,
        "title": tip.title,
        "text": tip.text,
        "practices": list(tip.practices),
        "principles": list(tip.principles),
        "lsd_steps": list(tip.lsd_steps),
        "barriers": list(tip.barriers),
        "helps": list(tip.helps),
        "source": tip.source,
        "score": match.score,
        "reasons": list(match.reasons),
    }


def practice_json(content: Content, suggestion: PracticeSuggestion) -> dict[str, Any]:
    """The JSON contract of one suggested practice."""
    practice = content.by_id("practices").get(suggestion.id)
    return {
        "id": suggestion.id,
        "name": getattr(practice, "name", suggestion.id),
        "score": suggestion.score,
        "reasons": list(suggestion.reasons),
    }


def _wrap(text: str, indent: str) -> str:
    """Wrap at the terminal width; a bullet indent continues as plain spaces."""
    return textwrap.fill(
        _clean(text), width=_WIDTH, initial_indent=indent, subsequent_indent=" " * len(indent)
    )


# Dutch labels of the score parts for --explain (trainers read them).
_PART_LABELS = {
    "keyword": "eigen trefwoorden van de tip",
    "chosen_practice": "gekozen werkpraktijk",
    "inferred_practice": "werkpraktijk uit de tekst",
    "ticked_barrier": "aangevinkt: wat hinderde",
    "inferred_barrier": "uit de tekst: wat hinderde",
    "ticked_help": "aangevinkt: wat hielp",
    "inferred_help": "uit de tekst: wat hielp",
    "absent_help": "uit de tekst: wat ontbrak",
    "low_principle": "laag cijfer voor werkprincipe",
    "step": "LSD-stap",
    "case_kind": "soort casus",
}


def render_explain(content: Content, match: TipMatch) -> list[str]:
    """The score of one tip, part by part, as indented lines."""
    from reflect_tui.core.coach.explain import explain_match

    data = explain_match(content, match)
    lines = [
        f"   Score {data['score']:.2f} = delen {data['base']:.2f}"
        f" x recent getoond {data['recency']:.2f} x variatie {data['variety']:.2f}"
    ]
    for part in data["parts"]:
        label = _PART_LABELS.get(part["kind"], part["kind"])
        name = f" {_clean(part['name'])}" if part["id"] else ""
        words = ", ".join(
            f"'{_clean(m['word'])}' -> {_clean(m['keyword'])}" for m in part["matches"]
        )
        lines.append(
            _wrap(f"+{part['weight']:.2f} {label}{name}" + (f": {words}" if words else ""), "   ")
        )
    if data["promoted"]:
        barrier = content.by_id("barriers").get(data["promoted"])
        name = getattr(barrier, "name", data["promoted"])
        lines.append(_wrap(f"in de top gezet voor je aangevinkte belemmering {name}", "   "))
    return lines


def render_coach(
    content: Content,
    tips: Sequence[TipMatch],
    suggested: Sequence[PracticeSuggestion],
    explain: bool = False,
) -> str:
    """Readable Dutch for the terminal."""
    lines: list[str] = []
    if tips:
        lines.append("Tips bij je casus")
        lines.append("")
        for number, match in enumerate(tips, 1):
            lines.append(f"{number}. {_clean(match.tip.title)}")
            lines.append(_wrap(match.tip.text, "   "))
            if match.tip.source:
                lines.append(_wrap(f"Bron: {match.tip.source}", "   "))
            lines.append("   Waarom deze tip:")
            for reason in match.reasons:
                lines.append(_wrap(reason, "   - "))
            if explain:
                lines.extend(render_explain(content, match))
            lines.append("")
    else:
        lines.append("Geen tips gevonden die bij je casus passen.")
        lines.append(
            "Vertel wat meer over wat er gebeurde, of kies een werkpraktijk met --practice."
        )
        lines.append("")
    if suggested:
        lines.append("Werkpraktijken die lijken te spelen")
        lines.append("")
        for suggestion in suggested[:3]:
            practice = content.by_id("practices").get(suggestion.id)
            name = getattr(practice, "name", suggestion.id)
            lines.append(f"- {_clean(name)} ({_clean(suggestion.id)})")
            for reason in suggestion.reasons[:3]:
                lines.append(_wrap(reason, "    · "))
    return "\n".join(lines).rstrip()


# --- reflect suggest -------------------------------------------------------------------


def run_suggest(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print the learning suggestions that fit the journal."""
    from reflect_tui.core.coach.learning import learning_suggestions, suggestions_start_after

    content = ctx.load_content()
    today = ctx.clock.today()
    reflections: list[Reflection] = []
    matches = learning_suggestions(content, reflections, today)
    if _journal_exists(ctx):
        lookback = max(
            [SUGGEST_LOOKBACK, *(s.trigger.window for s in content.learning_suggestions)]
        )
        store = _open_store(ctx)
        try:
            reflections = store.recent(lookback)
            matches = learning_suggestions(
                content, reflections, today, overdue_steps=store.overdue_next_steps
            )
        finally:
            store.close()
    if args.json:
        from reflect_tui.core.journal.interchange import dumps

        print(
            dumps([learning_json(m) for m in matches]),
            file=ctx.stdout,
        )
    else:
        print(
            render_suggest(
                matches,
                has_journal=any(r.status == "complete" for r in reflections),
                start_after=suggestions_start_after(content),
                done=sum(r.status == "complete" for r in reflections),
            ),
            file=ctx.stdout,
        )
    return 0


def learning_json(match: LearningMatch) -> dict[str, Any]:
    """The JSON contract of one learning suggestion."""
    return {
        "id": match.suggestion.id,
        "title": match.suggestion.title,
        "text": match.suggestion.text,
        "source": match.suggestion.source,
        "reasons": list(match.reasons),
        "reflection_ids": list(match.reflection_ids),
        "also": [s.id for s in match.also],
    }


def render_suggest(
    matches: Sequence[LearningMatch], has_journal: bool, start_after: int = 0, done: int = 0
) -> str:
    """Readable Dutch for the terminal."""
    if not matches:
        when = ""
        if start_after > done:
            when = (
                f" Leersuggesties komen op zijn vroegst na {start_after} afgeronde reflecties"
                f" (je hebt er nu {done})."
            )
        if not has_journal:
            return (
                "Nog geen afgeronde reflecties, dus nog geen leersuggesties. Begin met 'reflect'."
                + when
            )
        return (
            "Geen leersuggesties op dit moment: je dagboek laat geen patroon zien dat erom vraagt."
            + when
        )
    lines = ["Leersuggesties", ""]
    for number, match in enumerate(matches, 1):
        lines.append(f"{number}. {_clean(match.suggestion.title)}")
        lines.append(_wrap(match.suggestion.text, "   "))
        lines.append("   Waarom nu:")
        for reason in match.reasons:
            lines.append(_wrap(reason, "   - "))
        shown = ", ".join(display_id(rid[:8]) for rid in match.reflection_ids[:6])
        more = f" en {len(match.reflection_ids) - 6} meer" if len(match.reflection_ids) > 6 else ""
        lines.append(f"   Reflecties: {shown}{more}")
        lines.append("")
    return "\n".join(lines).rstrip()
