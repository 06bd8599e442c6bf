"""What to do about a YAML syntax error, read from the lines around it.

Why look at the text: the parser names the symptom where it noticed it,
not the cause. A tab reads as "a character that cannot start any token", a
key indented one space too far as "mapping values are not allowed" and an
unclosed quote as "unexpected end of stream" at the end of the file. The
common causes are easy to see in the lines themselves, so each rule below
looks at the line the parser stopped at (and the one above it) and, when it
recognises the cause, gives the line to fix and one plain hint. No rule
matching means the parser's own (translated) message stands.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# The hints, one per cause (Dutch: shown to trainers). The error line in
# front of them names the line and column they are about.
TAB = "deze regel springt in met een tab; gebruik alleen spaties om in te springen"
UNCLOSED_QUOTE = (
    "het aanhalingsteken ({quote}) hier wordt niet gesloten; "
    "zet hetzelfde teken aan het eind van de tekst"
)
NO_SPACE = "na de dubbele punt ontbreekt een spatie; schrijf '{key}: ...'"
INDENT = (
    "deze regel springt {this} spaties in en de regel erboven {above}; "
    "zet regels die bij elkaar horen precies onder elkaar"
)
COLON_IN_TEXT = (
    "de tekst op deze regel bevat een dubbele punt (:); "
    'zet de hele tekst tussen aanhalingstekens ("...")'
)

# Parser complaints that mean "this line does not fit the block it is in".
_INDENT_PROBLEMS = (
    "mapping values are not allowed",
    "did not find expected key",
    "did not find expected '-' indicator",
    "expected <block end>",
)
# A key glued to its value: "title:Iets" or "- id:x" (not "http://").
_NO_SPACE = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*):(?![\s/:]|$)")
# "key: value" whose value holds another colon followed by a space or the end.
_COLON_IN_VALUE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:\s+[^\"'\s|>&*!\[{#][^#]*?:(?:\s|$)")
# A line that opens a nested block: the next line may be indented deeper.
_OPENS_BLOCK = re.compile(r"(?::|[|>][+-]?\d*)\s*(?:#.*)?$")


class Hint(NamedTuple):
    """The line and column (1-based) to fix and what to do there."""

    line: int
    col: int
    text: str


def yaml_hint(
    text: str,
    line: int,
    context: str | None,
    context_at: tuple[int, int] | None,
    problem: str,
) -> Hint | None:
    """A hint for the parser error at ``line``, or None if the cause is not clear.

    ``context_at`` (line, column) is where the parser started the construct
    it was reading (for an unclosed quote: the opening quote).
    """
    lines = text.splitlines()
    if not 1 <= line <= len(lines) + 1:
        return None
    near = [n for n in (line - 1, line) if 1 <= n <= len(lines)]
    for n in near:
        if "\t" in _leading_space(lines[n - 1]):
            return Hint(n, lines[n - 1].index("\t") + 1, TAB)
    if context == "while scanning a quoted scalar" and context_at is not None:
        at, col = context_at
        opening = lines[at - 1] if 1 <= at <= len(lines) else ""
        quote = "'" if opening[col - 1 : col] == "'" else '"'
        return Hint(at, col, UNCLOSED_QUOTE.format(quote=quote))
    for n in near:
        glued = _NO_SPACE.match(lines[n - 1])
        if glued:
            return Hint(n, glued.end(1) + 1, NO_SPACE.format(key=glued.group(1)))
    if (
        line <= len(lines)
        and problem.startswith("mapping values are not allowed")
        and _COLON_IN_VALUE.match(lines[line - 1])
    ):
        return Hint(line, _start(lines[line - 1]), COLON_IN_TEXT)
    if line <= len(lines) and problem.startswith(_INDENT_PROBLEMS):
        return _indent_hint(lines, line)
    return None


def _indent_hint(lines: list[str], line: int) -> Hint | None:
    """The line's indent fits neither the line above nor a list item's text there."""
    this = len(_leading_space(lines[line - 1]))
    above_n = next(
        (
            n
            for n in range(line - 1, 0, -1)
            if lines[n - 1].strip() and not _is_comment(lines[n - 1])
        ),
        None,
    )
    if above_n is None:
        return None
    above_line = lines[above_n - 1]
    above = len(_leading_space(above_line))
    fits = {above}
    dash = re.match(r"\s*-\s+", above_line)
    if dash:
        fits.add(dash.end())  # the keys of a list item line up after "- "
    if this in fits or (this > above and _OPENS_BLOCK.search(above_line)):
        return None
    shown = dash.end() if dash and this > above else above
    return Hint(line, this + 1, INDENT.format(this=this, above=shown))


def _leading_space(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _start(line: str) -> int:
    """The column (1-based) of the line's first character after its indent."""
    return len(_leading_space(line)) + 1


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")
