"""Content errors as values, so validation can collect every one of them.

Why not exceptions: a trainer who edits a YAML file wants all mistakes in one
run, not one per run. Each error knows its file, 1-based line and column and
the dotted path inside the content, and prints as the single line
``FILE:LINE:COL: path: message`` that editors and ``grep`` understand.

Dotted paths: ``collection.ID.field[i]`` when the item has a valid id (e.g.
``tips.vraag-achter-de-vraag.practices[1]``), ``collection[N]`` when it has
not; list positions are 0-based, as in JSON tools. Errors that belong to the
file as a whole (empty file, YAML syntax) use the path ``(bestand)``.
"""

from __future__ import annotations

from dataclasses import dataclass

from reflect_tui.core.wording import counted

FILE_PATH = "(bestand)"


def printable(text: str) -> str:
    """``text`` with control characters (newlines, terminal escapes) spelled out.

    Why: messages quote what the user wrote, and one error must stay one
    line that cannot recolour or scramble the trainer's terminal.
    """
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text
    )


def quoted(value: str, limit: int = 40) -> str:
    """A user's value for a message: printable, shortened, in single quotes."""
    value = printable(value)
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    return f"'{value}'"


@dataclass(frozen=True, slots=True)
class ContentError:
    """One problem in one content file (always printable, always one line)."""

    file: str
    line: int
    col: int
    path: str
    message: str

    def __post_init__(self) -> None:
        for name in ("file", "path", "message"):
            value = getattr(self, name)
            if not value.isprintable():
                object.__setattr__(self, name, printable(value))

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.path}: {self.message}"

    @property
    def sort_key(self) -> tuple[str, int, int]:
        """Order for reports: by file, then position."""
        return (self.file, self.line, self.col)


def format_errors(errors: list[ContentError], limit: int = 1) -> str:
    """The first ``limit`` errors plus a count of the rest, on one line."""
    shown = "; ".join(str(e) for e in errors[:limit])
    rest = len(errors) - limit
    if rest > 0:
        shown += f" (en nog {counted(rest, 'fout', 'fouten')})"
    return shown
