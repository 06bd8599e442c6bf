"""Writing many new reflections at once, inside an import's transaction.

Why a bulk path beside ``records.write_reflection``: a streamed import of
10,000 reflections spent a third of its write time in per-row work that a
batch can do at once. Here a batch of prepared rows (``import_rows``) goes
in with one ``executemany`` per table, and the per-row insert triggers
(the journal's counters and the ``rating_days`` summary, schemas 5 and 6)
are suspended for the whole load: the counters are caught up with one
statement per batch, the ratings are summed in Python from the rows in hand
and written once at the end. The triggers are dropped and re-created from
their stored SQL inside the import's transaction, so a failure anywhere
rolls all of it back. ``tests/test_journal_import_rows.py`` and
``tests/test_rating_days.py`` hold counters and summary equal to the rows.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence

from reflect_tui.core.journal import fts
from reflect_tui.core.journal.fields import CHILDREN, SCALARS
from reflect_tui.core.journal.import_rows import TITLE, Prepared
from reflect_tui.core.journal.records import _CHILD_INSERT, INSERT_SEQ_SQL

# The per-row AFTER INSERT triggers, and for a range of freshly written rows
# (seq BETWEEN ?1 AND ?2, all their children new) the statement that does for
# the whole range what the trigger does per row.
_CATCH_UP = {
    "count_reflection_added": (
        "UPDATE journal_counts SET value = value + (SELECT count(*) FROM reflections"
        " WHERE seq BETWEEN ?1 AND ?2) WHERE name = 'reflections'"
    ),
    "count_step_added": (
        "UPDATE journal_counts SET value = value + (SELECT count(*) FROM next_steps"
        " WHERE reflection_seq BETWEEN ?1 AND ?2 AND done = 0 AND text != '')"
        " WHERE name = 'open_steps'"
    ),
    "rating_days_added": (
        "INSERT INTO rating_days (status, day, principle, total, n)"
        " SELECT r.status, r.occurred_on, p.principle, sum(p.rating), count(p.rating)"
        " FROM principle_ratings p JOIN reflections r ON r.seq = p.reflection_seq"
        " WHERE p.reflection_seq BETWEEN ?1 AND ?2 AND p.rating IS NOT NULL GROUP BY 1, 2, 3"
        " ON CONFLICT DO UPDATE SET total = total + excluded.total, n = n + excluded.n"
    ),
}
_ADD_RATING_DAYS = (
    "INSERT INTO rating_days (status, day, principle, total, n) VALUES (?, ?, ?, ?, ?)"
    " ON CONFLICT DO UPDATE SET total = total + excluded.total, n = n + excluded.n"
)

_STATUS = next(i for i, f in enumerate(SCALARS) if f.name == "status")
_DAY = next(i for i, f in enumerate(SCALARS) if f.name == "occurred_on")
_RATINGS = next(i for i, c in enumerate(CHILDREN) if c.table == "principle_ratings")
# Child rows are (position, *columns): the principle and its rating.
_PRINCIPLE = 1 + next(i for i, f in enumerate(CHILDREN[_RATINGS].fields) if f.column == "principle")
_RATING = 1 + next(i for i, f in enumerate(CHILDREN[_RATINGS].fields) if f.column == "rating")


class BulkLoad:
    """New reflections written in batches while the insert triggers are suspended."""

    def __init__(self, conn: sqlite3.Connection, suspended: frozenset[str]) -> None:
        self._conn = conn
        self._suspended = suspended
        self._sums: dict[tuple[str, str, str], list[int]] = {}

    def insert_new(self, batch: Sequence[Prepared], top: int) -> list[int]:
        """Insert reflections known to be absent, children of the whole batch at once.

        Each new row gets the next ``seq`` after ``top`` (the caller holds the
        write lock), so its children are appended at the end of their tables;
        the search index gets the text in hand. Returns the new ``seq``s.
        """
        conn = self._conn
        seqs = list(range(top + 1, top + 1 + len(batch)))
        pairs = list(zip(seqs, batch, strict=True))
        conn.executemany(INSERT_SEQ_SQL, [(seq, *p.row) for seq, p in pairs])
        for index, child in enumerate(CHILDREN):
            rows = [(seq, *row) for seq, p in pairs for row in p.children[index]]
            if rows:
                conn.executemany(_CHILD_INSERT[child.name], rows)
        fts.index_texts(conn, [(seq, p.row[TITLE], p.body) for seq, p in pairs])
        for name in ("count_reflection_added", "count_step_added"):
            if name in self._suspended:
                conn.execute(_CATCH_UP[name], (seqs[0], seqs[-1]))
        if "rating_days_added" in self._suspended:
            sums = self._sums
            for p in batch:
                status, day = p.row[_STATUS], p.row[_DAY]
                for rating in p.children[_RATINGS]:
                    if rating[_RATING] is not None:
                        key = (status, day, rating[_PRINCIPLE])
                        found = sums.get(key)
                        if found is None:
                            sums[key] = [rating[_RATING], 1]
                        else:
                            found[0] += rating[_RATING]
                            found[1] += 1
        return seqs

    def replaced(self, seq: int) -> None:
        """Catch up after ``records.write_reflection`` replaced reflection ``seq``
        (its row stays, its children were all inserted again)."""
        for name, sql in _CATCH_UP.items():
            if name in self._suspended and name != "count_reflection_added":
                self._conn.execute(sql, (seq, seq))

    def finish(self) -> None:
        """Write the summed ratings (once, instead of once per rating)."""
        if self._sums:
            self._conn.executemany(
                _ADD_RATING_DAYS, [(*key, total, n) for key, (total, n) in self._sums.items()]
            )
            self._sums.clear()


@contextlib.contextmanager
def bulk_load(conn: sqlite3.Connection) -> Iterator[BulkLoad]:
    """Suspend the per-row insert triggers for one bulk load, inside a transaction.

    While the load is open every write must go through it (``insert_new``)
    or be reported to it (``replaced``). A trigger this schema does not have
    is left alone. On an error nothing is restored here: the caller's
    rollback brings back the triggers with everything else.
    """
    stored = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN"
        f" ({', '.join('?' * len(_CATCH_UP))})",
        list(_CATCH_UP),
    ).fetchall()
    for name, _sql in stored:
        conn.execute(f'DROP TRIGGER "{name}"')
    load = BulkLoad(conn, frozenset(name for name, _sql in stored))
    yield load
    load.finish()
    for _name, sql in stored:
        conn.execute(sql)
