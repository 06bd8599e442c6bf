"""The text of an export: the whole journal or a filtered set, as JSON or Markdown.

Why one function: ``reflect export`` and the journal screen's export must
write the same document for the same reflections, so both call
``export_text``; only where the text goes differs (a file named by the user,
stdout, or the app's export folder). Markdown exports carry the full-id
marker lines of ``exports.with_markers`` so ``delete`` finds the copy later.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from reflect_tui.core.journal.markdown import Namer
    from reflect_tui.core.journal.query import JournalQuery
    from reflect_tui.core.journal.store import JournalStore

FORMATS: tuple[str, ...] = ("json", "md")


class ExportText(NamedTuple):
    """An export document and how many reflections it holds."""

    text: str
    reflections: int


def export_text(
    store: JournalStore,
    fmt: str,
    namer: Namer | None = None,
    query: JournalQuery | None = None,
) -> ExportText:
    """The export of the reflections ``query`` selects (all when it filters nothing).

    ``fmt`` is ``json`` (the interchange format, ``reflect import`` reads it)
    or ``md`` (for reading and sharing). Reflections are in case order,
    oldest first, whatever the query's sort.
    """
    from reflect_tui.core.journal.exports import with_markers

    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    whole = query is None or not query.is_filtered
    if whole and fmt == "json":
        text = store.export_json()  # straight from the rows: the fast path for a big journal
        return ExportText(text, text.count("\n    {"))
    if whole:
        reflections = store.all()
    else:
        from reflect_tui.core.journal.query import matching_ids

        assert query is not None
        reflections = store.get_many(matching_ids(store, query))
    if fmt == "json":
        from reflect_tui.core.journal.interchange import dump_journal

        return ExportText(dump_journal(reflections), len(reflections))
    from reflect_tui.core.journal.markdown import render_journal

    text = render_journal(reflections, namer if reflections else None)
    return ExportText(with_markers(text, [r.id for r in reflections]), len(reflections))
