"""Every Dutch sentence the coach uses to explain itself, in one place.

Why one module: reasons are user-facing text (plain Dutch, B1) shown in the
TUI, the CLI and JSON; keeping the phrasing together keeps it consistent
and lets a reviewer read all of it at once. Quotes are the user's own
words as plain strings; the UI must escape them for its markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reflect_tui.core.content.model import Content


def quoted(quotes: Sequence[str]) -> str:
    """'a' | 'a' en 'b' | 'a', 'b' en 'c'."""
    parts = [f"'{q}'" for q in quotes]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " en " + parts[-1]


def _name(content: Content, collection: str, item_id: str) -> str:
    item = content.by_id(collection).get(item_id)
    return getattr(item, "name", item_id) if item is not None else item_id


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


# --- practice suggestions -----------------------------------------------


def practice_words(quotes: Sequence[str]) -> str:
    return f"je schreef {quoted(quotes)}" if quotes else ""


def practice_via_barrier(content: Content, barrier_id: str, quotes: Sequence[str]) -> str:
    name = _name(content, "barriers", barrier_id)
    if quotes:
        return f"je noemde {quoted(quotes)} → belemmering {name}, en die speelt vaak hier"
    return f"belemmering {name} speelt vaak hier"


def practice_via_help(content: Content, help_id: str, quotes: Sequence[str]) -> str:
    name = _name(content, "helps", help_id)
    if quotes:
        return f"je noemde {quoted(quotes)} → wat helpt: {name}"
    return f"wat helpt: {name}"


def practice_via_tips(quotes: Sequence[str]) -> str:
    return f"je woorden {quoted(quotes)} komen terug in tips bij deze praktijk" if quotes else ""


def practice_via_kind(content: Content, kind_id: str) -> str:
    return f"speelt vaak bij {kind_phrase(content, kind_id)}"


# --- learning suggestions -----------------------------------------------


def reflections(count: int) -> str:
    return "reflectie" if count == 1 else "reflecties"


def barrier_recurring(content: Content, barrier_id: str, hits: int, window: int) -> str:
    name = _name(content, "barriers", barrier_id)
    return f"{name} hinderde je in {hits} van je laatste {window} {reflections(window)}"


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


def next_steps_overdue(count: int, oldest_days: int) -> str:
    steps = "vervolgstap staat" if count == 1 else "vervolgstappen staan"
    return f"{count} {steps} nog open na de afgesproken datum (de oudste {oldest_days} dagen)"


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
    return f"je laatste reflectie is van {days} dagen geleden"


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
