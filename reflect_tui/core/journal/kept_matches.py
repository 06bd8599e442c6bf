"""The search index's matches of the last counted search, kept in a temp table.

Why: a search's page query matches its words in the index and gathers every
matching row number into a throw-away index before walking the date index
(``query.py``): 29,000 row numbers for "bomen" at 50,000 reflections, most
of the query's time (~5 ms of 5.5 on a quiet machine). Each filter change on
the journal screen repeats the same words, and so does typing on within a
word ("bom", "bome", "bomen" search the same stem). The journal screen's
count, which needs every match anyway, therefore stores them once in
``temp.reflection_match`` (this connection's own temporary database: no
journal text, nothing in the journal file), and the next page queries with
the same words look row numbers up there: ~0.3 ms instead of ~5.

The table is valid while the journal is unchanged: the store's own writes
and other connections' commits (``PRAGMA data_version``) make it stale, as
they do ``index_terms``. Only the TUI asks for it (``find(reuse=True)``);
the CLI runs one query per process and matches inline, as before.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not ``typing``'s: the CLI's hot commands never import typing
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any

TABLE = "temp.reflection_match"


class KeptQuery:
    """A SELECT that reads ``TABLE`` instead of matching ``expression`` again.

    ``fill``: make the table hold ``expression``'s matches when it does not
    (the count does; a page query only uses what is there).
    """

    __slots__ = ("expression", "fill", "params", "sql")

    def __init__(self, expression: str, sql: str, params: Sequence[Any], fill: bool) -> None:
        self.expression = expression
        self.sql = sql
        self.params = params
        self.fill = fill


class KeptMatches:
    """Which expression ``TABLE`` holds, on one connection (the store's)."""

    def __init__(self) -> None:
        self._held: tuple[str, object] | None = None
        self._made = False

    def holds(self, expression: str, version: object) -> bool:
        return self._held == (expression, version)

    def fill(
        self, expression: str, version: object, run: Callable[[str, Sequence[Any]], object]
    ) -> None:
        """Put ``expression``'s matches in the table. ``run(sql, params)``
        executes a statement on the store's connection (under its lock and
        cancel handler); if it raises, the table counts as holding nothing."""
        self._held = None
        if not self._made:
            run(f"CREATE TABLE IF NOT EXISTS {TABLE} (seq INTEGER PRIMARY KEY)", ())
            self._made = True
        run(f"DELETE FROM {TABLE}", ())
        run(
            f"INSERT INTO {TABLE} SELECT rowid FROM reflection_fts WHERE reflection_fts MATCH ?",
            (expression,),
        )
        self._held = (expression, version)
