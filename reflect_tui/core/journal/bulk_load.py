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
from collections.abc import Iterable, Iterator, Sequence

from reflect_tui.core.journal import codec, fts
from reflect_tui.core.journal.field_table import CHILDREN, SCALARS, Field
from reflect_tui.core.journal.import_batch import NONE, Batch, add_sum, may_be_null
from reflect_tui.core.journal.row_sql import CHILD_INSERT, COLUMNS, INSERT_SEQ_SQL

TYPE_CHECKING = False
if TYPE_CHECKING:
    from reflect_tui.core.journal.import_rows import Prepared
    from reflect_tui.core.journal.model import Reflection

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

# The inserts (``row_sql``, shared with ``records``) are built from the field
# table's copy, so the writer of a batched import never imports the model.
TITLE = next(i for i, f in enumerate(SCALARS) if f.name == "title")


def _marks(fields: Sequence[Field]) -> str:
    """A batch's placeholders: NULL comes as ``NONE`` (see ``import_batch``)."""
    return ", ".join(f"NULLIF(?, {NONE})" if may_be_null(f) else "?" for f in fields)


# A ``Batch``'s inserts (``_shifted`` adds the offset that turns an index into a seq).
_BATCH_REFLECTIONS = (
    f"INSERT INTO reflections (seq, {', '.join(COLUMNS)}) VALUES (?, {_marks(SCALARS)})"
)
_BATCH_CHILDREN = {
    child.name: f"INSERT INTO {child.table} (reflection_seq, position,"
    f" {', '.join(f.column for f in child.fields)}) VALUES (?, ?, {_marks(child.fields)})"
    for child in CHILDREN
}
_STATUS = next(i for i, f in enumerate(SCALARS) if f.name == "status")
_DAY = next(i for i, f in enumerate(SCALARS) if f.name == "occurred_on")
_RATINGS = next(i for i, c in enumerate(CHILDREN) if c.table == "principle_ratings")
# Child rows are (position, *columns): the principle and its rating.
_PRINCIPLE = 1 + next(i for i, f in enumerate(CHILDREN[_RATINGS].fields) if f.column == "principle")
_RATING = 1 + next(i for i, f in enumerate(CHILDREN[_RATINGS].fields) if f.column == "rating")


_FTS_INSERT = "INSERT INTO reflection_fts (rowid, title, body) VALUES (?, ?, ?)"
_Sums = dict[tuple[str, str, str], list[int]]


def _shifted(sql: str, offset: int) -> str:
    """``sql`` with ``offset`` added to its first value (a file index becomes a ``seq``)."""
    return sql.replace("VALUES (?", f"VALUES (? + {int(offset)}", 1)


class BulkLoad:
    """New reflections written in batches while the insert triggers are suspended."""

    def __init__(self, conn: sqlite3.Connection, suspended: frozenset[str]) -> None:
        self._conn = conn
        self._suspended = suspended
        self._sums: _Sums = {}
        # The sums the parser sent for a whole file of ``Batch``es, less the
        # share of batches that went in one reflection at a time (``split``).
        self._totals: _Sums | None = None
        self._split: list[_Sums] = []
        self._batches = 0

    def insert_batch(self, batch: Batch, top: int) -> int:
        """Insert a batch of reflections known to be absent as ``seq`` ``top + 1`` on;
        the new top. Every table gets its rows as they came (see ``Batch``)."""
        conn = self._conn
        n = len(batch.ids)
        if n:
            offset = top + 1 - batch.first
            conn.executemany(_shifted(_BATCH_REFLECTIONS, offset), batch.rows)
            for child, rows in zip(CHILDREN, batch.children, strict=True):
                if rows:
                    conn.executemany(_shifted(_BATCH_CHILDREN[child.name], offset), rows)
            conn.executemany(_shifted(_FTS_INSERT, offset), batch.texts)
            if batch.odd:
                fts.index_many(conn, [index + offset for index in batch.odd])
            for name in ("count_reflection_added", "count_step_added"):
                if name in self._suspended:
                    conn.execute(_CATCH_UP[name], (top + 1, top + n))
        self.batch_seen(batch)
        return top + n

    def batch_seen(self, batch: Batch) -> None:
        """Count a batch (inserted, or split up by the caller) and take the file's sums
        from the last one."""
        self._batches += 1
        if batch.sums is not None:
            self._totals = batch.sums

    def split(self, batch: Batch) -> None:
        """``batch`` goes in one reflection at a time (it updates known ones): its share
        of the file's sums is taken off again (``insert_new`` counts what it adds)."""
        if "rating_days_added" in self._suspended:
            self._split.append(batch.rating_sums())
        self.batch_seen(batch)

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
                conn.executemany(CHILD_INSERT[child.name], rows)
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
                        add_sum(sums, (status, day, rating[_PRINCIPLE]), rating[_RATING])
        return seqs

    def write_all(
        self, items: Iterable[Reflection | Prepared | Batch], batch: int
    ) -> tuple[int, int, int]:
        """Add or update every reflection of ``items``: (added, updated, unchanged).

        Same id: the newer ``updated_at`` wins. Reflections and prepared rows
        are written ``batch`` at a time; a ``Batch`` of only new reflections
        goes in as it came, one with a known reflection one reflection at a
        time (in order: what is pending is written first).
        """
        conn = self._conn
        top = int(conn.execute("SELECT coalesce(max(seq), 0) FROM reflections").fetchone()[0])
        was_empty = top == 0
        written: set[str] = set()
        pending: list[Prepared] = []
        counts = [0, 0, 0]  # added, updated, unchanged

        def lookup(ids: list[str]) -> dict[str, str]:
            """The stored ``updated_at`` of those ``ids`` the journal holds.

            Into an empty journal only ids seen earlier in this import can be
            known (a parsed file repeats none), so the lookup is skipped.
            """
            known: dict[str, str] = {}
            if not was_empty or not written.isdisjoint(ids):
                for start in range(0, len(ids), 500):
                    chunk = ids[start : start + 500]
                    marks = ", ".join("?" * len(chunk))
                    sql = f"SELECT id, updated_at FROM reflections WHERE id IN ({marks})"
                    known.update(conn.execute(sql, chunk).fetchall())
            if was_empty:
                written.update(ids)
            return known

        def write_pending() -> None:
            from reflect_tui.core.journal import records

            nonlocal top
            known = lookup([p.id for p in pending])
            fresh = [p for p in pending if p.id not in known]
            for item in pending:
                if item.id not in known:
                    continue
                if codec.ts_from_db(known[item.id]) < codec.ts_from_db(item.updated_at):
                    counts[1] += 1
                    reflection = item.reflection()
                    records.check_reflection(reflection)
                    self.replaced(records.write_reflection(conn, reflection))
                else:
                    counts[2] += 1
            if fresh:
                counts[0] += len(fresh)
                top = self.insert_new(fresh, top)[-1]
            pending.clear()

        for item in items:
            if isinstance(item, Batch):
                if pending:
                    write_pending()
                if not lookup(item.ids):
                    top = self.insert_batch(item, top)
                    counts[0] += len(item.ids)
                    continue
                self.split(item)
                for prepared in item.items():
                    pending.append(prepared)
                    if len(pending) >= batch:
                        write_pending()
                continue
            from reflect_tui.core.journal import records
            from reflect_tui.core.journal.import_rows import Prepared, from_reflection

            if not isinstance(item, Prepared):
                records.check_reflection(item)
                item = from_reflection(item)
            pending.append(item)
            if len(pending) >= batch:
                write_pending()
        if pending:
            write_pending()
        return counts[0], counts[1], counts[2]

    def replaced(self, seq: int) -> None:
        """Catch up after ``records.write_reflection`` replaced reflection ``seq``
        (its row stays, its children were all inserted again)."""
        for name, sql in _CATCH_UP.items():
            if name in self._suspended and name != "count_reflection_added":
                self._conn.execute(sql, (seq, seq))

    def finish(self) -> None:
        """Write the summed ratings (once, instead of once per rating)."""
        sums = self._sums
        if self._batches and "rating_days_added" in self._suspended:
            if self._totals is None:  # a stream of batches always ends with the sums
                raise RuntimeError("the last batch of the import did not carry the sums")
            if not self._split and not self._sums:  # the common case: the file's sums as sent
                sums = self._totals
            else:
                sums = {key: list(value) for key, value in self._totals.items()}
            for share in self._split:
                for key, (total, n) in share.items():
                    sums[key][0] -= total
                    sums[key][1] -= n
            for key, (total, n) in self._sums.items():
                found = sums.setdefault(key, [0, 0])
                found[0] += total
                found[1] += n
        rows = [(*key, total, n) for key, (total, n) in sums.items() if n]
        if rows:
            self._conn.executemany(_ADD_RATING_DAYS, rows)
        self._sums = {}


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
