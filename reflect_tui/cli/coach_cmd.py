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

import sys
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from reflect_tui.cli.ids import check_ids
from reflect_tui.core.errors import ReflectError
from reflect_tui.core.safe_text import clean_line, display_id
from reflect_tui.core.wording import sentence_start

if TYPE_CHECKING:
    import argparse

    from reflect_tui.cli.context import CliContext
    from reflect_tui.core.coach.learning import LearningMatch
    from reflect_tui.core.coach.practices import PracticeSuggestion
    from reflect_tui.core.coach.tips import TipMatch
    from reflect_tui.core.content.model import Content, Tip
    from reflect_tui.core.journal.model import ShownTip

MAX_TIPS = 50
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
    from reflect_tui.core.coach.service import as_shown, rank_tips, reflection_tips
    from reflect_tui.core.coach.signals import Signals

    if args.text is None and args.reflection is None:
        raise ReflectError("geef --text TEKST of --reflection ID.", exit_code=2)
    if args.n < 1:
        raise ReflectError("-n moet 1 of meer zijn.", exit_code=2)
    content = ctx.load_content()
    practices = check_ids(args.practice, [p.id for p in content.practices], "werkpraktijk")
    barriers = check_ids(args.barrier, [b.id for b in content.barriers], "belemmering")
    helps = check_ids(args.help_factor, [h.id for h in content.helps], "hulpfactor")
    kinds = check_ids(
        [args.kind] if args.kind else [], [k.id for k in content.case_kinds], "soort casus"
    )
    steps = check_ids(
        [args.step] if args.step else [], [s.id for s in content.lsd_steps], "LSD-stap"
    )
    text = _read_text(args.text) if args.text is not None else ""
    # With only --reflection, the answer is what the summary showed (or would show):
    # the same core call, so the same tips in the same order. Anything added on the
    # command line (text, ids, --explain) asks for a new ranking instead.
    as_summary = not (text or practices or barriers or helps or kinds or steps or args.explain)
    n = min(args.n, MAX_TIPS)
    now = ctx.clock.now()

    store = None
    matches: list[TipMatch] | None
    try:
        if args.reflection is not None:
            if not _journal_exists(ctx):
                raise ReflectError("er is nog geen dagboek, dus ook geen reflectie om te coachen.")
            store = _open_store(ctx)
            reflection = store.get(store.resolve_id(args.reflection))
            signals = Signals.from_reflection(reflection)
            reflection_id: str | None = reflection.id
        else:
            signals = Signals()
            reflection_id = None
            if _journal_exists(ctx):
                try:
                    store = _open_store(ctx)
                except ReflectError as exc:
                    ctx.warn(f"eerder getoonde tips niet gelezen: {exc.message}")
        signals = replace(
            signals,
            text="\n".join(part for part in (signals.text, text) if part),
            case_kind=kinds[0] if kinds else signals.case_kind,
            practices=tuple(dict.fromkeys([*signals.practices, *practices])),
            barriers=tuple(dict.fromkeys([*signals.barriers, *barriers])),
            helps=tuple(dict.fromkeys([*signals.helps, *helps])),
            step=steps[0] if steps else signals.step,
        )
        if reflection_id is not None and as_summary:
            shown, matches = reflection_tips(content, store, now, reflection, n=n)
        else:
            matches = rank_tips(content, store, now, signals, reflection_id=reflection_id, n=n)
            shown = as_shown(matches)
    finally:
        if store is not None:
            store.close()
    tips = [TipView.of(content, s, matches[i] if matches else None) for i, s in enumerate(shown)]
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
                {
                    **tip_json(t),
                    **(
                        {"explain": explain_match(content, t.match)}
                        if args.explain and t.match
                        else {}
                    ),
                }
                for t in tips
            ],
            "suggested_practices": [practice_json(content, s) for s in suggested],
        }
        from reflect_tui.core.journal.interchange import dumps

        print(dumps(payload), file=ctx.stdout)
    else:
        print(render_coach(content, tips, suggested, explain=args.explain), file=ctx.stdout)
    return 0


class TipView(NamedTuple):
    """One tip as shown: kept with a reflection (no score) or freshly matched."""

    shown: ShownTip
    tip: Tip | None  # None: the content no longer has this tip
    match: TipMatch | None

    @classmethod
    def of(cls, content: Content, shown: ShownTip, match: TipMatch | None) -> TipView:
        from reflect_tui.core.coach.service import tip_of

        return cls(shown, match.tip if match else tip_of(content, shown.tip), match)

    @property
    def title(self) -> str:
        return self.tip.title if self.tip else self.shown.tip


def tip_json(view: TipView) -> dict[str, Any]:
    """The JSON contract of one tip: ``rank`` from 1, ``score`` null for kept tips."""
    tip = view.tip
    return {
        "id": view.shown.tip,
        "rank": view.shown.rank,
        "title": view.title,
        "text": tip.text if tip else "",
        "practices": list(tip.practices) if tip else [],
        "principles": list(tip.principles) if tip else [],
        "lsd_steps": list(tip.lsd_steps) if tip else [],
        "barriers": list(tip.barriers) if tip else [],
        "helps": list(tip.helps) if tip else [],
        "source": tip.source if tip else "",
        "score": view.match.score if view.match else None,
        "reasons": list(view.shown.reasons),
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
    "cue": "signaalzin van de tip (cues)",
    "situation": "situatie van de tip (situations)",
    "examples": "lijkt op de voorbeelden bij de tip (examples)",
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
    from reflect_tui.core.wording import decimal

    data = explain_match(content, match)
    lines = [
        f"   Score {decimal(data['score'], 2)} = delen {decimal(data['base'], 2)}"
        f" x recent getoond {decimal(data['recency'], 2)}"
        f" x variatie {decimal(data['variety'], 2)}"
    ]
    for part in data["parts"]:
        label = _PART_LABELS.get(part["kind"], part["kind"])
        name = f" {_clean(part['name'])}" if part["id"] else ""
        words = ", ".join(
            f"'{_clean(m['word'])}' -> {_clean(m['keyword'])}" for m in part["matches"]
        )
        lines.append(
            _wrap(
                f"+{decimal(part['weight'], 2)} {label}{name}" + (f": {words}" if words else ""),
                "   ",
            )
        )
    if data["promoted"]:
        barrier = content.by_id("barriers").get(data["promoted"])
        name = getattr(barrier, "name", data["promoted"])
        lines.append(_wrap(f"in de top gezet voor je aangevinkte belemmering {name}", "   "))
    return lines


def render_coach(
    content: Content,
    tips: Sequence[TipView],
    suggested: Sequence[PracticeSuggestion],
    explain: bool = False,
) -> str:
    """Readable Dutch for the terminal."""
    lines: list[str] = []
    if tips:
        lines.append("Tips bij je casus")
        lines.append("")
        for view in tips:
            lines.append(f"{view.shown.rank}. {_clean(view.title)}")
            if view.tip is None:
                lines.append(_wrap("(Deze tip staat niet meer in de inhoud.)", "   "))
            else:
                lines.append(_wrap(view.tip.text, "   "))
                if view.tip.source:
                    lines.append(_wrap(f"Bron: {view.tip.source}", "   "))
            if view.shown.reasons:  # never a heading with nothing under it
                lines.append("   Waarom deze tip:")
            for reason in view.shown.reasons:
                lines.append(_wrap(reason, "   - "))
            if explain and view.match is not None:
                lines.extend(render_explain(content, view.match))
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
    from reflect_tui.core.coach.learning import suggestions_start_after
    from reflect_tui.core.coach.service import learning_for

    content = ctx.load_content()
    today = ctx.clock.today()
    start_after = suggestions_start_after(content)
    done = 0
    matches = learning_for(content, None, today)
    if _journal_exists(ctx):
        store = _open_store(ctx)
        try:
            # The same call and history as the app's home screen.
            matches = learning_for(content, store, today)
            # Completed reflections, counted as far as the message needs.
            done = len(store.list(limit=max(start_after, 1), status="complete"))
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
                has_journal=done > 0,
                start_after=start_after,
                done=done,
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
            lines.append(_wrap(sentence_start(reason), "   - "))
        shown = ", ".join(display_id(rid[:8]) for rid in match.reflection_ids[:6])
        more = f" en {len(match.reflection_ids) - 6} meer" if len(match.reflection_ids) > 6 else ""
        lines.append(f"   Reflecties: {shown}{more}")
        lines.append("")
    return "\n".join(lines).rstrip()
