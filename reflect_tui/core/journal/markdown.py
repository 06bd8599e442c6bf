"""Markdown rendering of reflections, for reading, printing and sharing.

Why escaping: user text is plain text, not Markdown. A line an answer
starts with ``#`` or ``- `` must not turn into a heading or list when the
file is shown by a Markdown viewer, so Markdown-significant starts of lines
and inline markers are backslash-escaped. Display names come from the
content when the caller has it; otherwise the canonical ids are shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from reflect_tui.core.dates import format_date
from reflect_tui.core.journal.model import Reflection

Namer = Callable[[str, str], str]
"""``namer(collection, id)`` -> display name; collection as in the content model."""

SHORT_ID = 8
# Under a practice that holds answers but is not ticked (a draft's answers set
# aside, ``SessionFlow.set_practices``): the text is kept, and says why it is apart.
SET_ASIDE_NOTE = "*(werkpraktijk uitgevinkt: deze antwoorden staan apart)*"
STATUS_NAMES = {"draft": "concept", "complete": "afgerond"}
_STEP_FALLBACK = {
    "luisteren": "Luisteren",
    "samenvatten": "Samenvatten",
    "doorvragen": "Doorvragen",
    "intake": "Intake",
    "closing": "Afsluiting",
}

# An id the current content does not know (Dutch: shown to the user).
UNKNOWN_ITEM = "{id} (niet in de huidige inhoud)"

_BLOCK_START = re.compile(r"^(\s*)([>+=|\-~]|\d+(?=[.)]))")
_INLINE = re.compile(r"([\\`*_\[\]<>#])")


def _plain_namer(collection: str, item_id: str) -> str:
    if collection == "lsd_steps":
        return _STEP_FALLBACK.get(item_id, item_id)
    return item_id


def content_namer(content: Any) -> Namer:
    """A namer backed by a loaded ``Content``.

    An id the content does not know (an organisation layer that is gone, a
    reflection imported from elsewhere) is shown with a note, so a reader
    sees that the name is missing rather than a bare code like
    ``wijkstad-ict``. The LSD steps keep their fixed fallback names.
    """

    def namer(collection: str, item_id: str) -> str:
        try:
            item = content.by_id(collection).get(item_id)
        except (KeyError, AttributeError):
            item = None
        name = getattr(item, "name", None) or getattr(item, "title", None)  # tips have titles
        if isinstance(name, str) and name:
            return name
        if collection == "lsd_steps" and item_id in _STEP_FALLBACK:
            return _STEP_FALLBACK[item_id]
        return UNKNOWN_ITEM.format(id=item_id)

    return namer


def escape_inline(text: str) -> str:
    """Text for inside a heading or list item: one line, markers escaped."""
    one_line = " ".join(text.split())
    return _INLINE.sub(r"\\\1", one_line)


def one_line(text: str) -> str:
    """Text for inside a heading or list item, unescaped: one line."""
    return " ".join(text.split())


def plain_block(text: str) -> str:
    """Multi-line user text as typed, with one kind of line break."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").rstrip()


def escape_block(text: str) -> str:
    """Multi-line user text as paragraphs that render as the text itself."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").split("\n")
    out = []
    for line in lines:
        line = _INLINE.sub(r"\\\1", line)
        line = _BLOCK_START.sub(_escape_start, line, count=1)
        out.append(line + ("  " if line.strip() else ""))  # keep the user's line breaks
    return "\n".join(out).rstrip()


def _escape_start(match: re.Match[str]) -> str:
    """Backslash the character that would start a list, quote, heading or table."""
    indent, marker = match.group(1), match.group(2)
    if marker[0].isdigit():
        return f"{indent}{marker}\\"  # "1." -> "1\." (a backslash before a digit is literal)
    return f"{indent}\\{marker}"


def render_reflection(
    r: Reflection, namer: Namer | None = None, level: int = 1, *, plain: bool = False
) -> str:
    """One reflection as a Markdown document section.

    ``plain`` is for reading in a terminal (``reflect show``): the same
    layout, but user text is not backslash-escaped, so "- [warm]" reads as
    typed. Escapes belong only where a Markdown viewer reads the text
    (``export --format md``, ``show --format md``, the app's Markdown pane).
    """
    name = namer or _plain_namer
    inline = one_line if plain else escape_inline
    block = plain_block if plain else escape_block
    h = "#" * level
    out: list[str] = [f"{h} {inline(r.title) or '(zonder titel)'}", ""]
    meta = [f"- Datum: {format_date(r.occurred_on)}"]
    if r.case_kind:
        meta.append(f"- Soort casus: {inline(name('case_kinds', r.case_kind))}")
    meta.append(f"- Status: {STATUS_NAMES.get(r.status, r.status)}")
    if r.tags:
        meta.append(f"- Labels: {', '.join(inline(t) for t in r.tags)}")
    # The short id is enough for ``reflect show`` (it takes a unique prefix)
    # and does not bury the reflection under a 36-character code.
    meta.append(f"- Kenmerk: `{r.id[:SHORT_ID]}`")
    out += [*meta, ""]

    def section(title: str, text: str) -> None:
        if text.strip():
            out.extend([f"{h}# {title}", "", block(text), ""])

    section("Wie waren erbij", r.who)
    section("Wat er gebeurde", r.what_happened)
    practices = list(r.practices)
    for answer in r.answers:
        if answer.practice not in practices:
            practices.append(answer.practice)
    for practice in practices:
        answers = [a for a in r.answers if a.practice == practice]
        title = name("practices", practice) if practice else "Algemeen"
        out.extend([f"{h}# Praktijk: {inline(title)}", ""])
        if practice not in r.practices:
            out.extend([SET_ASIDE_NOTE, ""])
        if not answers:
            out.extend(["*(nog geen antwoorden)*", ""])
        for answer in answers:
            out.extend([f"{h}## {inline(name('lsd_steps', answer.step))}", ""])
            if answer.prompt.strip():
                out.extend([f"*{inline(answer.prompt)}*", ""])
            out.extend([block(answer.text) or "*(leeg)*", ""])
    if r.principles:
        out.extend([f"{h}# Werkprincipes", ""])
        for p in r.principles:
            score = f"{p.rating}/5" if p.rating is not None else "niet gescoord"
            note = f": {inline(p.note)}" if p.note.strip() else ""
            out.append(f"- {inline(name('principles', p.id))}: {score}{note}")
        out.append("")
    for label, ids, note, collection in (
        ("Wat hinderde", r.barriers, r.barrier_note, "barriers"),
        ("Wat hielp", r.helps, r.help_note, "helps"),
    ):
        if ids or note.strip():
            out.extend([f"{h}# {label}", ""])
            out.extend(f"- {inline(name(collection, i))}" for i in ids)
            if ids:
                out.append("")
            if note.strip():
                out.extend([block(note), ""])
    section("Inzicht", r.insight)
    if r.next_steps:
        out.extend([f"{h}# Volgende stappen", ""])
        for s in r.next_steps:
            box = "[x]" if s.done else "[ ]"
            due = f" (uiterlijk {format_date(s.due)})" if s.due else ""
            out.append(f"- {box} {inline(s.text)}{due}")
        out.append("")
    section("Wie betrekken", r.involve)
    section("Notities", r.notes)
    if r.tips:
        # The tips the summary showed, in its order, with the reasons given then.
        out.extend([f"{h}# Tips bij deze reflectie", ""])
        for tip in sorted(r.tips, key=lambda t: t.rank):
            out.append(f"{tip.rank}. {inline(name('tips', tip.tip))}")
            if tip.reasons:
                # Its own paragraph in the list item: a line right under the
                # title joined it ("1. Maak ruimte voor emoties Waarom: ...").
                reasons = " ".join(inline(reason) for reason in tip.reasons)
                out.extend(["", f"   Waarom: {reasons}"])
        out.append("")
    return "\n".join(out).rstrip() + "\n"


JOURNAL_TITLE = "# Reflectiedagboek\n"


def render_journal(reflections: Iterable[Reflection], namer: Namer | None = None) -> str:
    """Every reflection, oldest first, under one title."""
    return "".join(journal_pieces([list(reflections)], namer)).rstrip() + "\n"


def journal_pieces(pages: Iterable[list[Reflection]], namer: Namer | None = None) -> Iterator[str]:
    """``render_journal`` a page at a time, for writing with flat memory.

    The title, then per page its reflections, each as a level-2 section
    closed by a rule and a blank line. Every piece ends with a line break,
    so line-wise cleaning of the pieces (``safe_text.clean_block``) gives
    what cleaning the joined text gives. Joined and right-stripped, plus a
    line break, the pieces are ``render_journal``'s text.
    """
    yield JOURNAL_TITLE + "\n"
    for page in pages:
        yield "".join(f"{render_reflection(r, namer, level=2)}\n---\n\n" for r in page)
