"""Every Dutch sentence the coach uses to explain itself, in one place.

Why one module: reasons are user-facing text (plain Dutch, B1) shown in the
TUI, the CLI and JSON; keeping the phrasing together keeps it consistent
and lets a reviewer read all of it at once. Quotes are the user's own
words as plain strings; the UI must escape them for its markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reflect_tui.core.content.model import Content
from reflect_tui.core.wording import counted, is_plural, verb


def quoted(quotes: Sequence[str]) -> str:
    """'a' | 'a' en 'b' | 'a', 'b' en 'c'."""
    parts = [f"'{q}'" for q in quotes]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " en " + parts[-1]


def _name(content: Content, collection: str, item_id: str) -> str:
    return content.name_of(collection, item_id)


def _plural(content: Content, collection: str, ids: Sequence[str]) -> bool:
    """Whether the named items take a plural verb: several, or one plural name."""
    return is_plural(ids, [content.plural_of(collection, i) for i in ids])


def practice_label(content: Content, practice_id: str) -> str:
    """The practice's short label when it has one (fits a reason line)."""
    item = content.by_id("practices").get(practice_id)
    if item is None:
        return practice_id
    return getattr(item, "short", "") or getattr(item, "name", practice_id)


def kind_phrase(content: Content, kind_id: str) -> str:
    """'een klacht', 'een overleg met collega's'."""
    return "een " + _name(content, "case_kinds", kind_id).lower()


# --- tips ---------------------------------------------------------------


def chosen_practice(content: Content, practice_id: str) -> str:
    return f"praktijk: {_name(content, 'practices', practice_id)}"


def inferred_practice(content: Content, practice_id: str, quotes: Sequence[str]) -> str:
    label = _name(content, "practices", practice_id)
    if quotes:
        return f"je noemde {quoted(quotes)} → praktijk {label}"
    return f"past bij je verhaal: {label}"


def listed(names: Sequence[str]) -> str:
    """'a' | 'a en b' | 'a, b en c' (names, not quotes)."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " en " + names[-1]


def chosen_barriers(content: Content, barrier_ids: Sequence[str]) -> str:
    """One line for all ticked barriers a tip is about.

    Why grouped: "je koos belemmering A; je koos belemmering B" repeats
    itself and pushes the other reasons out of view.
    """
    names = [_name(content, "barriers", b) for b in barrier_ids]
    if len(names) == 1:
        return f"je koos de belemmering {names[0]}"
    return f"je koos de belemmeringen {listed(names)}"


def inferred_barrier(content: Content, barrier_id: str, quotes: Sequence[str]) -> str:
    name = _name(content, "barriers", barrier_id)
    if quotes:
        return f"je noemde {quoted(quotes)} → belemmering {name}"
    return f"gaat over belemmering {name}"


def chosen_helps(content: Content, help_ids: Sequence[str]) -> str:
    """One line for all ticked helps a tip is about (grouped like barriers)."""
    return f"je koos wat hielp: {listed([_name(content, 'helps', h) for h in help_ids])}"


def inferred_help(content: Content, help_id: str, quotes: Sequence[str]) -> str:
    name = _name(content, "helps", help_id)
    if quotes:
        return f"je noemde {quoted(quotes)} → wat helpt: {name}"
    return f"gaat over wat helpt: {name}"


def low_principle(content: Content, principle_id: str, rating: int | None) -> str:
    name = _name(content, "principles", principle_id)
    if rating is None:
        return f"je scoorde jezelf laag op {name}"
    return f"je gaf jezelf een {rating} voor {name}"


def step(content: Content, step_id: str) -> str:
    return f"past bij de stap {_name(content, 'lsd_steps', step_id)}"


def case_kind(content: Content, kind_id: str) -> str:
    return f"past bij {kind_phrase(content, kind_id)}"


def keywords(quotes: Sequence[str]) -> str:
    return f"je noemde {quoted(quotes)}" if quotes else ""


# --- tip reasons from score parts (issue 11) --------------------------------
#
# One or two whole Dutch sentences per tip that connect the user's own
# words (or ticks) to what the tip is about. Never a line without evidence:
# a practice the text merely "fits" is said only with the words that show it.


def _q(name: str) -> str:
    return f"'{name}'"


def _names(content: Content, collection: str, ids: Sequence[str]) -> str:
    return listed([_q(_name(content, collection, i)) for i in ids])


def _tip_line(
    content: Content, kind: str, items: Sequence[str], quotes: Sequence[str], about: str = ""
) -> str:
    said = f"Je schreef {quoted(quotes)}" if quotes else ""
    if kind == "examples":
        if not said:
            return ""
        if about:
            return f"{said}; deze tip gaat over {about}."
        return f"{said}: dat lijkt op de voorbeelden bij deze tip."
    if kind in ("keyword", "cue"):
        if not said:
            return ""
        if about:
            return f"{said}; deze tip gaat over {about}."
        return (
            f"{said}; daar gaat deze tip over."
            if kind == "keyword"
            else (f"{said}; voor zo'n situatie is deze tip.")
        )
    if kind == "ticked_barrier":
        names = _names(content, "barriers", items)
        if about:
            return f"Je vinkte {names} aan als wat je hinderde; deze tip gaat over {about}."
        return f"Je vinkte {names} aan als wat je hinderde; deze tip gaat daarover."
    if kind == "inferred_barrier":
        # Says which hindrance the words show: "deze tip gaat over ..." after a
        # department's name read as a non sequitur ('potje' -> taking residents inside).
        name = _names(content, "barriers", items)
        return f"{said}: dat wijst op {name} als hindernis." if said else ""
    if kind == "ticked_help":
        names = _names(content, "helps", items)
        if about:
            return (
                f"Je vinkte {names} aan als wat hielp; deze tip bouwt daarop voort"
                f" en gaat over {about}."
            )
        return f"Je vinkte {names} aan als wat hielp; deze tip bouwt daarop voort."
    if kind == "inferred_help":
        name = _names(content, "helps", items)
        return f"{said}; deze tip bouwt voort op wat hielp: {name}." if said else ""
    if kind == "absent_help":
        name = _names(content, "helps", items)
        lacks = verb(_plural(content, "helps", items), "ontbreekt", "ontbreken")
        return f"{said}; deze tip gaat over wat je kunt doen als {name} {lacks}." if said else ""
    if kind == "chosen_practice":
        names = _names(content, "practices", items)
        noun = verb(len(items) > 1, "werkpraktijk", "werkpraktijken")
        if about:
            return f"Je koos de {noun} {names}; deze tip gaat over {about}."
        return f"Je koos de {noun} {names}; deze tip hoort daarbij."
    if kind == "step":
        noun = verb(len(items) > 1, "stap", "stappen")
        return f"Deze tip helpt bij de {noun} {_names(content, 'lsd_steps', items)}."
    if kind == "case_kind":
        if about:
            return (
                f"Deze tip is bedoeld voor {kind_phrase(content, items[0])} en gaat over {about}."
            )
        return f"Deze tip is bedoeld voor {kind_phrase(content, items[0])}."
    return ""


def situation_line(reason: str, about: str = "", quotes: Sequence[str] = ()) -> str:
    """The trainer's sentence naming the situation, and what the tip advises.

    Why the trainer's words: the situation was recognised from several things
    said together, so the line names the situation ("Je beschrijft dat de
    raad nee zei") instead of quoting one of the user's words back.
    """
    said = reason.strip().rstrip(".;:!")
    if quotes:
        said = f"{said} ({quoted(quotes)})"
    return f"{said}; deze tip gaat over {about}." if about else f"{said}."


# Score parts that rest on the user's own words about the case.
_FOUND_IN_TEXT = frozenset({"cue", "keyword", "situation", "examples"})


# Where a tip's reason line turns from the user's situation to what the tip
# is about (the phrases ``_tip_line`` builds with).
_ABOUT_JOINERS = (
    "; deze tip ",
    "; daar gaat deze tip over",
    "; voor zo'n situatie",
    " en gaat over ",
)


def reason_gist(line: str) -> str:
    """The part of a tip's reason line that is about the user's own case.

    Why: the summary lists tips compactly, one line each, right under the
    tip's title; at 80 columns the whole reason was cut, and as every line of
    a case starts alike ("Je koos de werkpraktijk ...") the cut lines all read
    the same. What the tip is about is what its title says; what differs is
    the user's side, so the compact line shows that and Enter the whole line.
    """
    cut = min((i for j in _ABOUT_JOINERS if (i := line.find(j)) > 0), default=-1)
    return line if cut < 0 else line[:cut].rstrip(" ;:,") + "."


# Which evidence explains a tip best, first: the hindrances and helps the user
# ticked, then what their own words show, then their other choices.
_PHRASE_ORDER = (
    "situation",
    "ticked_barrier",
    "ticked_help",
    "cue",
    "examples",
    "inferred_barrier",
    "absent_help",
    "keyword",
    "inferred_help",
    "low_principle",
    "chosen_practice",
    "inferred_practice",
    "step",
    "case_kind",
)


# Parts that explain a tip only when nothing more telling does: the LSD step,
# the case kind.
_ONLY_ALONE = frozenset({"inferred_practice", "step", "case_kind"})


def own_words_line(words: Sequence[str]) -> str:
    """The line for a tip without ``about`` (an organisation's own tip): its words.

    Why this phrasing: such a tip has no sentence saying what it is about, so
    its own keywords found in the text are its reason. The line says only
    what is certainly true (the user wrote these words and they belong to the
    tip), not that the text is about the tip's subject: a loose word may be
    meant in another sense.
    """
    if len(words) == 1:
        return f"Je schreef {quoted(words)}: een woord dat bij deze tip hoort."
    return f"Je schreef {quoted(words)}: woorden die bij deze tip horen."


def _user_words(part: Any) -> list[str]:
    """The user's own words behind a part, each once, in the order found."""
    seen: dict[str, str] = {}
    for word, _keyword in part.matches:
        seen.setdefault(word.casefold(), word)
    return list(seen.values())[:3]


def _several_words(part: Any) -> bool:
    """Three or more distinct own keywords back this part (the bar for a second line)."""
    return len({k.casefold() for _, k in part.matches}) >= 3


def tip_reasons(content: Content, tip: object, parts: Sequence[Any], limit: int) -> tuple[str, ...]:
    """The reason lines for a tip's score parts (``tips.ScorePart``), strongest first.

    Why so strict (blind readings, stop 10): a line that quotes one word in
    another sense ("vier" read as celebrating, "Collega van beheer" read as a
    hindrance while the user ticked colleagues as a help) tells the user the
    coach misread them, which costs more trust than a plainer line earns. So
    a line quotes the user's words only when the part is ``sure`` (a cue or
    phrase with its own context, or several of the tip's words together);
    what the user ticked or chose is said plainly; a practice the text
    roughly fits is never quoted. When nothing else explains the tip, the
    line says what the tip is about (and for which kind of case), which
    cannot misread the text. Ticked barriers, ticked helps and chosen
    practices share one sentence each; a quote is shown once.
    """
    lines: list[str] = []
    used: list[str] = []
    grouped: dict[str, list[str]] = {}
    for part in parts:
        if part.kind in ("ticked_barrier", "ticked_help", "chosen_practice"):
            grouped.setdefault(part.kind, []).append(part.item)
    done: set[str] = set()
    about = str(getattr(tip, "about", "") or "")
    kinds = tuple(getattr(tip, "case_kinds", ()) or ())

    def about_unsaid() -> str:
        return about if not any(about and about in line for line in lines) else ""

    cue_said = False
    lone: list[str] = []  # one own word of a tip without 'about', said only as a last resort
    for part in sorted(parts, key=lambda p: _PHRASE_ORDER.index(p.kind)):
        if part.kind in _ONLY_ALONE:
            continue  # said below, only when nothing more telling explains the tip
        if part.kind == "keyword" and not about:
            # A tip without 'about' has no fallback line: its own words are its
            # reason. Two or more are said at once; one lone word only when
            # nothing else explains the tip (below).
            words = [w for w in _user_words(part) if not _overlaps(w, used)]
            if len(words) < 2:
                lone = words
                continue
            used.extend(words)
            lines.append(own_words_line(words))
            if len(lines) >= limit:
                break
            continue
        if part.kind == "keyword" and lines and (cue_said or not _several_words(part)):
            continue  # loose words say less than what is already said
        if part.kind == "situation":
            line = situation_line(part.item, about_unsaid(), part.quotes)
            used.extend(part.quotes)
        elif part.kind == "low_principle":
            name = _name(content, "principles", part.item)
            rating = part.rating
            line = (
                f"Je gaf jezelf een {rating} voor {name}; deze tip helpt je daarin."
                if rating is not None
                else f"Je scoorde jezelf laag op {name}; deze tip helpt je daarin."
            )
        elif part.kind in grouped:
            if part.kind in done:
                continue
            done.add(part.kind)
            line = _tip_line(content, part.kind, grouped[part.kind], (), about_unsaid())
        else:
            if not getattr(part, "sure", True):
                continue  # weak words count for the score, but are not quoted back
            fresh = [q for q in part.quotes if not _overlaps(q, used)]
            if not fresh or (part.kind == "keyword" and len(fresh) < len(part.quotes)):
                continue  # no words of the user to show, or (some) already quoted
            line = _tip_line(content, part.kind, [part.item], fresh, about_unsaid())
            used.extend(fresh)
        if line and line not in lines:
            lines.append(line)
            cue_said = cue_said or part.kind in ("cue", "situation")
        if len(lines) >= limit:
            break
    if not lines and lone:
        lines.append(own_words_line(lone))
    if not lines:
        step_part = next((p for p in parts if p.kind == "step"), None)
        kind_part = next((p for p in parts if p.kind == "case_kind"), None)
        if step_part is not None:
            lines.append(_tip_line(content, "step", [step_part.item], ()))
        # "Bedoeld voor een bijeenkomst" only when the kind is all there is: a
        # tip found by the user's words (not quoted, see ``tips``) was read
        # as a filler picked for the kind of case (blind readers, stop 15).
        found_in_text = any(p.kind in _FOUND_IN_TEXT and p.weight > 0 for p in parts)
        if kind_part is not None and kind_part.item in kinds and not found_in_text:
            lines.append(_tip_line(content, "case_kind", [kind_part.item], (), about))
        elif about and len(lines) < limit:
            lines.append(f"Deze tip gaat over {about}.")
    return tuple(lines[:limit])


# --- practice suggestions -----------------------------------------------


def practice_words(quotes: Sequence[str]) -> str:
    return f"je schreef {quoted(quotes)}" if quotes else ""


# Practice reasons are main clauses the TUI puts after "voorgesteld, want";
# each says how the user's words or ticks lead to this practice.


def practice_via_barrier(
    content: Content, barrier_id: str, ticked: bool, quotes: Sequence[str]
) -> str:
    """``quotes`` are empty when ticked, or when a stronger reason quoted the words."""
    name = _name(content, "barriers", barrier_id)
    if quotes:
        return f"je schreef {quoted(quotes)}, en bij de hindernis {name} helpt deze praktijk vaak"
    if ticked:
        return f"je vinkte {name} aan, en bij die hindernis helpt deze praktijk vaak"
    return f"bij de hindernis {name} helpt deze praktijk vaak"


def practice_via_help(content: Content, help_id: str, ticked: bool, quotes: Sequence[str]) -> str:
    name = _name(content, "helps", help_id)
    if quotes:
        return f"je schreef {quoted(quotes)}, en deze praktijk bouwt voort op wat hielp: {name}"
    if ticked:
        return f"je vinkte {name} aan als wat hielp, en deze praktijk bouwt daarop voort"
    return f"deze praktijk bouwt voort op wat hielp: {name}"


def practice_via_tips(quotes: Sequence[str]) -> str:
    # A main clause (the TUI puts "want" before it), number agreeing with the words.
    if not quotes:
        return ""
    if len(quotes) == 1:
        return f"je woord {quoted(quotes)} komt terug in tips bij deze praktijk"
    return f"je woorden {quoted(quotes)} komen terug in tips bij deze praktijk"


def practice_via_kind(content: Content, kind_id: str) -> str:
    return f"deze praktijk speelt vaak bij {kind_phrase(content, kind_id)}"


# --- learning suggestions -----------------------------------------------


def reflections(count: int) -> str:
    return "reflectie" if count == 1 else "reflecties"


def barrier_recurring(content: Content, barrier_id: str, hits: int, window: int) -> str:
    name = _name(content, "barriers", barrier_id)
    hindered = verb(_plural(content, "barriers", [barrier_id]), "hinderde", "hinderden")
    return f"{name} {hindered} je in {hits} van je laatste {window} {reflections(window)}"


def practice_unreflected(content: Content, practice_id: str, window: int) -> str:
    name = _name(content, "practices", practice_id)
    return f"je koos '{name}' niet in je laatste {window} {reflections(window)}"


def principle_low(
    content: Content, principle_id: str, hits: int, window: int, max_rating: int
) -> str:
    name = _name(content, "principles", principle_id)
    return (
        f"je gaf jezelf een {max_rating} of lager voor {name} "
        f"in {hits} van je laatste {window} {reflections(window)}"
    )


def next_steps_overdue(count: int, oldest_days: int, steps: Sequence[str] = ()) -> str:
    noun = "vervolgstap staat" if count == 1 else "vervolgstappen staan"
    oldest = counted(oldest_days, "dag", "dagen")
    line = f"{count} {noun} nog open na de afgesproken datum (de oudste {oldest})"
    if steps:
        line += ": " + "; ".join(f"'{_short(s)}'" for s in steps)
    return line


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


SEE_ALSO_PREFIX = "zie ook: "


def see_also(titles: Sequence[str]) -> str:
    """The line that names suggestions merged into another."""
    return SEE_ALSO_PREFIX + listed(list(titles))


def step_skipped(content: Content, step_id: str, hits: int, window: int) -> str:
    name = _name(content, "lsd_steps", step_id)
    return f"je liet {name} leeg in {hits} van je laatste {window} {reflections(window)}"


def help_absent(content: Content, help_ids: Sequence[str], window: int) -> str:
    names = [_name(content, "helps", h) for h in help_ids]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " of " + names[-1]
    return (
        f"je noemde {listed} niet als iets wat hielp in je laatste {window} {reflections(window)}"
    )


def reflection_gap(days: int) -> str:
    return f"je laatste reflectie is van {counted(days, 'dag', 'dagen')} geleden"


def no_help_at_all(window: int) -> str:
    return f"je noemde niets wat hielp in je laatste {window} {reflections(window)}"


# --- assembling ----------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """One contribution to a score: its weight, the user's words, and its phrasing.

    ``render`` gets the quotes that are still new (not already quoted by a
    stronger reason) and returns the sentence, or "" to drop it.
    """

    weight: float
    quotes: tuple[str, ...]
    render: Callable[[Sequence[str]], str]


def _overlaps(quote: str, used: Sequence[str]) -> bool:
    folded = quote.casefold()
    return any(folded in u.casefold() or u.casefold() in folded for u in used)


def assemble(parts: Sequence[Part], limit: int) -> tuple[float, tuple[str, ...]]:
    """Total weight and the reasons, strongest first, each quote shown once.

    Why: the same words ("collega's van vastgoed") often support several
    conclusions; repeating them in every line reads as noise.
    """
    ordered = sorted(parts, key=lambda p: (-p.weight, p.quotes, p.render(p.quotes)))
    used: list[str] = []
    lines: list[str] = []
    for part in ordered:
        fresh = [q for q in part.quotes if not _overlaps(q, used)]
        line = part.render(fresh)
        used.extend(fresh)
        if line and line not in lines:
            lines.append(line)
    return sum(p.weight for p in parts), tuple(lines[:limit])
