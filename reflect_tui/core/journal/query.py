"""A query over the journal: search words, filters, sort order and paging.

Why one object: the journal screen, ``reflect list`` / ``reflect search``
and the insights' "show me the reflections behind this number" all ask the
same question ("which reflections match?"), so they share one definition of
each filter and one SQL translation of it, here.

Filters combine with AND across kinds and OR within a kind: practice
``situatie`` or ``relaties``, and barrier ``politiek``, and since 1 March.
Search words go through ``search.match_expression`` (the same analysis as
``reflect search``): every word must occur, as itself or as its Dutch stem,
with prefixes, diacritics folded.

Speed on a big journal: newest-first pages walk the date index and check
each row against the filters, stopping after one page; the words are
matched once, as a set of index row numbers (``+seq IN (SELECT rowid ...)``;
the ``+`` keeps SQLite from driving the query from that set, which would
make it sort every match of a common word before taking one page). Counting all
matches scans more and is a separate call (``count``), for a background
worker.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from reflect_tui.core.journal import codec
from reflect_tui.core.journal.kept_matches import TABLE as KEPT_TABLE
from reflect_tui.core.journal.kept_matches import KeptQuery
from reflect_tui.core.journal.summary import ReflectionSummary

if TYPE_CHECKING:
    from reflect_tui.core.journal.search import Terms
    from reflect_tui.core.journal.store import JournalStore

Sort = Literal["newest", "oldest"]
SORTS: tuple[str, ...] = ("newest", "oldest")
PAGE_SIZE = 100  # two screens of rows at 120x40; more load as the highlight moves on

# The id-list columns a filter can test, by filter name.
LIST_FILTERS: dict[str, str] = {
    "practices": "practices",
    "barriers": "barriers",
    "helps": "helps",
    "tags": "tags",
}

# Next-step states as the insights count them; ``?`` is the day they are judged on.
STEP_STATES: dict[str, str] = {
    "done": "n.done = 1",
    "open": "n.done = 0 AND n.due >= ?",
    "overdue": "n.done = 0 AND n.due < ?",
    "undated": "n.done = 0 AND n.due IS NULL",
}

_SUMMARY_COLS = "r.id, r.title, r.occurred_on, r.status, r.case_kind, r.updated_at"
_ORDER = {
    "newest": "r.occurred_on DESC, r.created_at DESC, r.id DESC",
    "oldest": "r.occurred_on, r.created_at, r.id",
}


@dataclass(frozen=True)
class JournalQuery:
    """Which reflections to show and in what order (immutable; use ``replace``)."""

    text: str = ""
    practices: tuple[str, ...] = ()
    case_kinds: tuple[str, ...] = ()
    barriers: tuple[str, ...] = ()
    helps: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    status: str | None = None
    since: date | None = None
    until: date | None = None
    rated: tuple[str, ...] = ()  # principles given a self-rating (the insights' rating lines)
    steps: tuple[str, str] | None = None  # (STEP_STATES key, ISO day): a next step in it
    ids: tuple[str, ...] | None = None  # "the reflections behind this number"
    sort: Sort = "newest"

    def replace(self, **changes: Any) -> JournalQuery:
        """A copy with some fields changed (lists given as any sequence)."""
        for name in ("practices", "case_kinds", "barriers", "helps", "tags", "rated"):
            if name in changes and changes[name] is not None:
                changes[name] = tuple(changes[name])
        return dataclasses.replace(self, **changes)

    @property
    def is_filtered(self) -> bool:
        """True when anything narrows the journal (words or a filter)."""
        return bool(
            self.text.strip()
            or self.practices
            or self.case_kinds
            or self.barriers
            or self.helps
            or self.tags
            or self.rated
            or self.steps
            or self.status
            or self.since
            or self.until
            or self.ids is not None
        )

    def words(self, terms: Terms | None = None) -> str | None:
        """The search index expression of the search words (None: no words)."""
        from reflect_tui.core.journal.search import match_expression

        return match_expression(self.text, terms)

    def where(self, terms: Terms | None = None, kept: bool = False) -> tuple[str, list[Any]] | None:
        """The SQL condition on ``reflections r`` and its parameters.

        None means "nothing can match" (search words that hold no letters
        are ignored; an empty ``ids`` list matches nothing). ``terms`` (the
        store's ``index_terms``) lets a word find its other forms. ``kept``:
        read the words' matches from ``kept_matches.TABLE`` (the store runs
        that form only when the table holds them).
        """
        clauses: list[str] = []
        params: list[Any] = []
        if self.ids is not None:
            if not self.ids:
                return None
            clauses.append(f"r.id IN ({', '.join('?' * len(self.ids))})")
            params.extend(self.ids)
        expression = self.words(terms)
        if expression is not None and kept:
            clauses.append(f"+r.seq IN {KEPT_TABLE}")
        elif expression is not None:
            clauses.append(
                "+r.seq IN (SELECT rowid FROM reflection_fts WHERE reflection_fts MATCH ?)"
            )
            params.append(expression)
        for name, column in LIST_FILTERS.items():
            values: Sequence[str] = getattr(self, name)
            if values:
                # A substring test on the stored JSON text first (cheap; the list
                # is stored as ``codec.ids_to_db`` writes it), then the exact test.
                quick = " OR ".join(f"instr(r.{column}, ?) > 0" for _ in values)
                marks = ", ".join("?" * len(values))
                clauses.append(
                    f"({quick}) AND EXISTS (SELECT 1 FROM json_each(r.{column})"
                    f" WHERE value IN ({marks}))"
                )
                params.extend(codec.ids_to_db([v])[1:-1] for v in values)
                params.extend(values)
        if self.rated:
            clauses.append(
                "EXISTS (SELECT 1 FROM principle_ratings p WHERE p.reflection_seq = r.seq"
                f" AND p.principle IN ({', '.join('?' * len(self.rated))})"
                " AND p.rating IS NOT NULL)"
            )
            params.extend(self.rated)
        if self.steps is not None:
            state, day = self.steps
            test = STEP_STATES.get(state, STEP_STATES["open"])
            clauses.append(
                "EXISTS (SELECT 1 FROM next_steps n WHERE n.reflection_seq = r.seq"
                f" AND trim(n.text) != '' AND {test})"
            )
            if "?" in test:
                params.append(day)
        if self.case_kinds:
            clauses.append(f"r.case_kind IN ({', '.join('?' * len(self.case_kinds))})")
            params.extend(self.case_kinds)
        if self.status:
            clauses.append("r.status = ?")
            params.append(self.status)
        if self.since:
            clauses.append("r.occurred_on >= ?")
            params.append(self.since.isoformat())
        if self.until:
            clauses.append("r.occurred_on <= ?")
            params.append(self.until.isoformat())
        return (" AND ".join(clauses) or "1", params)

    def page_sql(
        self, limit: int | None, offset: int = 0, terms: Terms | None = None, kept: bool = False
    ) -> tuple[str, list[Any]] | None:
        """SELECT of summary rows for one page, all rows for ``limit=None``
        (None: nothing can match)."""
        condition = self.where(terms, kept)
        if condition is None:
            return None
        sql, params = condition
        order = _ORDER.get(self.sort, _ORDER["newest"])
        return (
            f"SELECT {_SUMMARY_COLS} FROM reflections r WHERE {sql}"
            f" ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, -1 if limit is None else max(0, int(limit)), max(0, int(offset))],
        )

    def ids_sql(self, terms: Terms | None = None) -> tuple[str, list[Any]] | None:
        """SELECT of the ids of every match (for aggregates and bulk export)."""
        condition = self.where(terms)
        if condition is None:
            return None
        sql, params = condition
        order = _ORDER.get(self.sort, _ORDER["newest"])
        return f"SELECT r.id FROM reflections r WHERE {sql} ORDER BY {order}", params


def find(
    store: JournalStore,
    query: JournalQuery,
    limit: int | None = PAGE_SIZE,
    offset: int = 0,
    reuse: bool = False,
) -> list[ReflectionSummary]:
    """One page of matching summaries, in the query's order (``limit=None``: all).

    ``reuse``: answer from the search matches a ``count(reuse=True)`` kept,
    when they are this query's words (``kept_matches``; the journal screen)."""
    from reflect_tui.core.journal.store import summary_from_row

    built = query.page_sql(limit, offset, store.index_terms)
    if built is None:
        return []
    kept = None
    if reuse and (expression := query.words(store.index_terms)) is not None:
        kept_sql = query.page_sql(limit, offset, store.index_terms, kept=True)
        assert kept_sql is not None  # same query, same conditions
        kept = KeptQuery(expression, *kept_sql, fill=False)
    return [summary_from_row(row) for row in store.read_rows(*built, kept=kept)]


def count(
    store: JournalStore,
    query: JournalQuery,
    cancelled: Callable[[], bool] | None = None,
    reuse: bool = False,
) -> int:
    """How many reflections match (scans more than ``find``: call it off the UI thread).

    ``cancelled`` stops the scan (raising ``store.Cancelled``) once it says
    True: the journal screen's count of an outdated query. ``reuse``: keep
    the search words' matches for the next ``find(reuse=True)`` with the
    same words (the count needs them all anyway).
    """
    condition = query.where(store.index_terms)
    if condition is None:
        return 0
    sql, params = condition
    select = "SELECT count(*) FROM reflections r WHERE "
    kept = None
    if reuse and (expression := query.words(store.index_terms)) is not None:
        kept_sql, kept_params = query.where(store.index_terms, kept=True) or ("0", [])
        kept = KeptQuery(expression, select + kept_sql, kept_params, fill=True)
    rows = store.read_rows(select + sql, params, cancelled, kept=kept)
    return int(rows[0][0])


def matching_ids(store: JournalStore, query: JournalQuery) -> list[str]:
    """Every matching id, in the query's order (export of a filtered set)."""
    built = query.ids_sql(store.index_terms)
    if built is None:
        return []
    return [str(row[0]) for row in store.read_rows(*built)]


def distinct_tags(store: JournalStore, limit: int = 500) -> list[str]:
    """The labels used in the journal, most used first (for the tag filter)."""
    rows = store.read_rows(
        "SELECT j.value, count(*) FROM reflections r, json_each(r.tags) j"
        " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?",
        [int(limit)],
    )
    return [str(row[0]) for row in rows if row[0]]
