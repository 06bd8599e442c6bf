"""A batch of checked reflections in the tables' own layout: what the import's reader sends.

Kept apart from ``import_rows`` (which builds batches) so the writer's
process needs neither the row builder nor the model to receive and write
them: importing those (``dataclasses`` with ``inspect``, ``ast``,
``tokenize``; the model's classes) was about 100 M instructions of the
writer's start-up, time in which the reader, forked later, could not begin.
The column layout comes from ``field_table`` (the field table's copy that
``tests/test_journal_fields.py`` holds equal to the model's).
"""

from __future__ import annotations

from reflect_tui.core.journal.field_table import CHILDREN, SCALARS, Field

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, NamedTuple

    from reflect_tui.core.journal.import_rows import Prepared
else:  # typing is kept off the writer's path (see core/lean_typing.py)
    from reflect_tui.core.lean_typing import NamedTuple

# Where a rating's principle and value sit in a batched ``principle_ratings`` row
# (index, position, *columns), and which child list that is; where a reflection's
# status and day sit among its columns.
_RATINGS = next(i for i, c in enumerate(CHILDREN) if c.table == "principle_ratings")
_PRINCIPLE = 2 + next(i for i, f in enumerate(CHILDREN[_RATINGS].fields) if f.column == "principle")
_RATING = 2 + next(i for i, f in enumerate(CHILDREN[_RATINGS].fields) if f.column == "rating")
_STATUS_AT = next(i for i, f in enumerate(SCALARS) if f.name == "status")
_DAY_AT = next(i for i, f in enumerate(SCALARS) if f.name == "occurred_on")

# A missing value (SQL NULL) travels in a batch as this integer, and the
# writer's SQL turns it back into NULL (``NULLIF(?, -1)``, see ``bulk_load``).
# Why: binding ``None`` costs the sqlite3 module an adapter lookup per value
# (~2.5 k instructions; a reflection has about six: prompt ids, due dates,
# ratings), a string or an integer none. Only columns that may be NULL carry
# it, and none of them can hold -1 otherwise (text, dates, ratings 1-5).
NONE = -1


def may_be_null(f: Field) -> bool:
    return f.kind.default is None


_NULLABLE = tuple(i for i, f in enumerate(SCALARS) if may_be_null(f))
_NULLABLE_IN = tuple(tuple(i for i, f in enumerate(c.fields) if may_be_null(f)) for c in CHILDREN)


def _restored(values: tuple[Any, ...], nullable: tuple[int, ...]) -> tuple[Any, ...]:
    """``values`` with the marker at the ``nullable`` places back to None."""
    if not any(values[i] == NONE for i in nullable):
        return values
    found = list(values)
    for i in nullable:
        if found[i] == NONE:
            found[i] = None
    return tuple(found)


class Batch(NamedTuple):
    """Checked reflections ``first``, ``first + 1``, ... of a file, table by table.

    Why: the import's writer hands each table its rows with one ``executemany``;
    in this layout it does so without touching a row in Python (the helper
    process, which reads the file, builds the lists). Rows carry the
    reflection's index in the file where the table has ``seq``; the writer
    adds one offset in SQL (``bulk_load``).
    """

    first: int
    ids: list[str]
    updated: list[str]  # stored ``updated_at`` per reflection
    # NULL as ``NONE`` in both:
    rows: list[tuple[Any, ...]]  # (index, *reflection columns in ``SCALARS`` order)
    children: tuple[list[tuple[Any, ...]], ...]  # per ``CHILDREN``: (index, position, *columns)
    texts: list[tuple[int, str, str]]  # (index, title, ``fts.body_of``'s text)
    odd: list[int]  # indices whose index text only the view can give (see ``fts.body_of``)
    # The ``rating_days`` sums (status, day, principle) -> [total, n] of every
    # reflection read so far; the last batch of a file carries them, the others None.
    sums: dict[tuple[str, str, str], list[int]] | None

    def items(self) -> list[Prepared]:
        """The same reflections one by one (for a batch that updates known reflections)."""
        from reflect_tui.core.journal.import_rows import Prepared

        at = {row[0]: n for n, row in enumerate(self.rows)}
        children: list[tuple[list[tuple[Any, ...]], ...]] = [
            tuple([] for _ in CHILDREN) for _ in self.rows
        ]
        for k, rows in enumerate(self.children):
            # (position, *columns): the columns' places are one further on
            nullable = tuple(1 + i for i in _NULLABLE_IN[k])
            for row in rows:
                children[at[row[0]]][k].append(_restored(row[1:], nullable))
        bodies = {index: body for index, _title, body in self.texts}
        return [
            Prepared(
                self.ids[n],
                self.updated[n],
                _restored(row[1:], _NULLABLE),
                children[n],
                bodies.get(row[0]),
            )
            for n, row in enumerate(self.rows)
        ]

    def rating_sums(self) -> dict[tuple[str, str, str], list[int]]:
        """This batch's own share of ``sums``."""
        day_of = {row[0]: (row[1 + _STATUS_AT], row[1 + _DAY_AT]) for row in self.rows}
        sums: dict[tuple[str, str, str], list[int]] = {}
        for rating in self.children[_RATINGS]:
            if rating[_RATING] != NONE:
                add_sum(sums, (*day_of[rating[0]], rating[_PRINCIPLE]), rating[_RATING])
        return sums


def add_sum(sums: dict[tuple[str, str, str], list[int]], key: tuple[str, str, str], n: int) -> None:
    found = sums.get(key)
    if found is None:
        sums[key] = [n, 1]
    else:
        found[0] += n
        found[1] += 1
