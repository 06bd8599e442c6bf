"""The bulk import's row builder (``import_rows``) and its suspended triggers.

The builder goes from parsed JSON straight to stored rows; it must accept
only what the full decoder accepts and give exactly the rows the model
object gives. The bulk write suspends the per-row insert triggers: the
counters and the ratings summary must still equal the rows afterwards, with
new and replaced reflections mixed, and the triggers must be back unchanged.
"""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from journal_fixtures.helpers import open_store, reflections, sample_reflection
from quickloop import examples

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal.fields import SCALARS
from reflect_tui.core.journal.import_rows import BatchBuilder, from_reflection, prepare
from reflect_tui.core.journal.interchange import (
    _Problem,
    dump_journal,
    iter_journal_batches,
    iter_journal_rows,
    reflection_from_dict,
    reflection_to_dict,
)
from reflect_tui.core.journal.model import NextStep, PrincipleRating
from reflect_tui.core.journal.values import parse_float, parse_int

SETTINGS = settings(
    max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _rows(prepared: Any) -> Any:
    return None if prepared is None else tuple(prepared)[:5]  # all but the source


def _full(obj: Any) -> Any:
    try:
        return _rows(from_reflection(reflection_from_dict(obj, "r")))
    except (_Problem, ReflectError):
        return "refused"


@SETTINGS
@given(reflection=reflections)
def test_a_valid_reflection_gives_the_rows_of_its_model_object(reflection) -> None:  # type: ignore[no-untyped-def]
    obj = json.loads(json.dumps(reflection_to_dict(reflection)))
    fast = prepare(obj)
    assert fast is not None
    assert _rows(fast) == _rows(from_reflection(reflection)) == _full(obj)
    assert fast.reflection() == reflection
    # The batched builder takes it too (no detour through the full decoder), same rows.
    builder = BatchBuilder()
    assert builder.add(obj, 7) == reflection.id
    batch = builder.take(last=True)
    assert [_rows(p) for p in batch.items()] == [_rows(fast)]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5) | st.just("\ud800"),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)


@SETTINGS
@given(
    path=st.sampled_from(
        [
            ("id",),
            ("status",),
            ("title",),
            ("occurred_on",),
            ("updated_at",),
            ("tags",),
            ("tags", 0),
            ("case_kind",),
            ("answers",),
            ("answers", 0),
            ("answers", 0, "step"),
            ("answers", 0, "text"),
            ("answers", 0, "prompt_id"),
            ("principles", 0, "rating"),
            ("principles", 0, "note"),
            ("next_steps", 0, "due"),
            ("next_steps", 0, "done"),
            ("tips",),
            ("extra",),
            ("answers", 0, "extra"),
        ]
    ),
    value=json_values,
    drop=st.booleans(),
)
def test_a_damaged_reflection_is_never_accepted_by_the_row_builder_alone(
    path: tuple[Any, ...], value: Any, drop: bool
) -> None:
    reflection = sample_reflection()
    reflection.tags = ["wijk"]
    obj = json.loads(
        json.dumps(reflection_to_dict(reflection)), parse_int=parse_int, parse_float=parse_float
    )
    target = obj
    for step in path[:-1]:
        target = target[step]
    if drop and isinstance(target, dict):
        target.pop(path[-1], None)
    else:
        target[path[-1]] = value
    fast = prepare(obj)
    full = _full(obj)
    assert _rows(fast) == full if fast is not None else True
    if full == "refused":
        assert fast is None


# Moments and days as files write them and near misses: other offsets, "Z", a
# space, minutes only, short fractions, non-ASCII digits, days that do not exist.
moments = st.one_of(
    st.datetimes(timezones=st.just(UTC)).map(lambda d: d.isoformat()),
    st.datetimes(timezones=st.none() | st.just(UTC) | st.timezones()).map(
        lambda d: d.isoformat(sep=" ", timespec="minutes")
    ),
    st.from_regex(
        r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{6})?\+00:00",
        fullmatch=True,
    ),
    st.from_regex(
        r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?",
        fullmatch=True,
    ),
)
days = st.one_of(
    st.dates().map(date.isoformat),
    st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
    st.from_regex(r"\d{4}-?\d{2}-?\d{2}|\d{4}-W\d{2}-\d", fullmatch=True),
)


@SETTINGS
@given(
    created=moments,
    updated=moments,
    occurred=days,
    due=days | st.none(),
    rating=st.none() | st.integers(-1, 7) | st.booleans(),
    done=st.booleans() | st.integers(0, 1),
)
def test_moments_days_ratings_and_flags_are_stored_as_the_full_decoder_stores_them(
    created: str, updated: str, occurred: str, due: str | None, rating: Any, done: Any
) -> None:
    """The row builder checks these inline (without the kinds' round trips): it must
    accept only what the full decoder accepts and store it the same (other forms it
    leaves to the full decoder)."""
    reflection = sample_reflection()
    reflection.next_steps = [NextStep("bellen")]
    reflection.principles = [PrincipleRating("open", 2)]
    obj = json.loads(json.dumps(reflection_to_dict(reflection)))
    obj.update(created_at=created, updated_at=updated, occurred_on=occurred)
    obj["next_steps"][0].update(due=due, done=done)
    obj["principles"][0]["rating"] = rating
    fast, full = prepare(obj), _full(obj)
    if full == "refused":
        assert fast is None
    elif fast is not None:
        assert _rows(fast) == full


def test_the_exports_own_forms_take_the_fast_path() -> None:
    reflection = sample_reflection()
    reflection.created_at = datetime(2026, 3, 1, 14, 5, tzinfo=UTC)  # no microseconds
    reflection.next_steps = [NextStep("bellen", due=date(2026, 2, 28), done=True)]
    obj = json.loads(json.dumps(reflection_to_dict(reflection)))
    fast = prepare(obj)
    assert fast is not None and _rows(fast) == _full(obj)
    assert fast.row[4] == "2026-03-01T14:05:00.000000+00:00"


def _counts(store: Any) -> dict[str, int]:
    conn = store._conn
    return dict(conn.execute("SELECT name, value FROM journal_counts").fetchall())


def _true_counts(store: Any) -> dict[str, int]:
    conn = store._conn
    return {
        "reflections": conn.execute("SELECT count(*) FROM reflections").fetchone()[0],
        "open_steps": conn.execute(
            "SELECT count(*) FROM next_steps WHERE done = 0 AND text != ''"
        ).fetchone()[0],
    }


def _summary_matches(store: Any) -> bool:
    conn = store._conn
    kept = set(conn.execute("SELECT status, day, principle, total, n FROM rating_days WHERE n > 0"))
    summed = set(
        conn.execute(
            "SELECT r.status, r.occurred_on, p.principle, sum(p.rating), count(p.rating)"
            " FROM reflections r JOIN principle_ratings p ON p.reflection_seq = r.seq"
            " WHERE p.rating IS NOT NULL GROUP BY 1, 2, 3"
        )
    )
    return bool(kept) and kept == summed


@pytest.mark.parametrize("parser", ["rows", "batches"])
def test_counters_and_summary_follow_a_bulk_import_of_new_and_replaced(
    tmp_path: Path, parser: str
) -> None:
    """Both of the parser's layouts; batches of two: one holds only new reflections
    (written as they came), some a known one (split up, their sums taken off)."""
    old = [sample_reflection(f"id-{n:03d}") for n in range(4)]
    for r in old:
        r.next_steps = [NextStep("bellen"), NextStep("mailen", done=True)]
        r.principles = [PrincipleRating("open", 2)]
    newer = [replace(r, updated_at=r.updated_at.replace(year=2027)) for r in old[:2]]
    newer[0].next_steps = [NextStep("a"), NextStep("b"), NextStep("")]
    newer[1].status = "draft"
    newer[1].principles = [PrincipleRating("open", 5), PrincipleRating("eerlijk", 3)]
    fresh = [sample_reflection(f"id-{n:03d}") for n in range(4, 9)]
    for r in fresh:
        r.next_steps = [NextStep("plannen")]
        r.principles = [PrincipleRating("eerlijk", 4), PrincipleRating("open", None)]
    with open_store(tmp_path) as store:
        conn = store._conn
        store.import_reflections(old)
        triggers = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        before = conn.execute(triggers).fetchall()
        settings = "SELECT k, v FROM reflection_fts_config ORDER BY k"
        kept = (conn.execute(settings).fetchall(), conn.execute("PRAGMA cache_size").fetchone())
        doc = dump_journal([newer[0], *fresh[:3], newer[1], *fresh[3:], old[3]])
        parsed = (
            iter_journal_rows(io.StringIO(doc))
            if parser == "rows"
            else iter_journal_batches(io.StringIO(doc), size=2)
        )
        result = store.import_stream(parsed, batch=3)
        assert (result.added, result.updated, result.unchanged) == (5, 2, 1)
        assert conn.execute(triggers).fetchall() == before
        # The import's bigger index buffer and page cache are not left behind.
        assert (
            conn.execute(settings).fetchall(),
            conn.execute("PRAGMA cache_size").fetchone(),
        ) == kept
        assert _counts(store) == _true_counts(store) == {"reflections": 9, "open_steps": 10}
        assert _summary_matches(store)
        assert store.get("id-000").next_steps == newer[0].next_steps
        conn.execute("INSERT INTO reflection_fts (reflection_fts) VALUES ('integrity-check')")
        # The triggers work again after the import.
        store.delete("id-004")
        assert _counts(store) == _true_counts(store) and _summary_matches(store)


def test_a_failed_bulk_import_leaves_counters_and_triggers_as_they_were(tmp_path: Path) -> None:
    items = [sample_reflection(f"id-{n:03d}") for n in range(5)]
    doc = json.loads(dump_journal(items))
    doc["reflections"].append({"id": "kapot"})
    with open_store(tmp_path) as store:
        conn = store._conn
        store.import_reflections(items[:1])
        schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
        before = (conn.execute(schema).fetchall(), _counts(store))
        try:
            store.import_stream(iter_journal_rows(io.StringIO(json.dumps(doc))), batch=2)
        except ReflectError as exc:
            assert "reflections[5]" in str(exc)
        else:
            raise AssertionError("a flawed file was imported")
        assert (conn.execute(schema).fetchall(), _counts(store)) == before
        assert store.count() == 1


@SETTINGS
@given(
    items=st.lists(st.text(max_size=6) | st.just("\ud800") | st.just("a\x00\x7f\u2028"), max_size=4)
)
def test_stored_lists_are_the_json_encoders_text(items: list[str]) -> None:
    """``ids_to_db`` joins strings itself; the fast export splices its text as it is, so it
    must be the encoder's text to the byte."""
    from reflect_tui.core.journal.codec import ids_to_db

    assert ids_to_db(items) == json.JSONEncoder(ensure_ascii=False).encode(items)


def test_an_id_repeated_across_batches_into_an_empty_journal_is_an_update(tmp_path: Path) -> None:
    """Into an empty journal the bulk path skips the lookup of known ids; a caller that
    gives the same id twice (the parser never does) still gets an update, not a crash."""
    first = sample_reflection("id-001")
    newer = replace(first, title="Nieuwer", updated_at=first.updated_at.replace(year=2027))
    others = [sample_reflection(f"id-{n:03d}") for n in range(2, 6)]
    with open_store(tmp_path) as store:
        result = store.import_stream([first, *others, newer], batch=2)
        assert (result.added, result.updated) == (5, 1)
        assert store.get("id-001").title == "Nieuwer" and store.count() == 5
        assert _counts(store) == _true_counts(store)


def test_foreign_keys_are_checked_again_after_an_import_and_every_row_has_its_parent(
    tmp_path: Path,
) -> None:
    """The import switches the foreign-key checks off for its transaction (every child
    row is written with its reflection); afterwards they are on, failed import or not."""
    items = [sample_reflection(f"id-{n:03d}") for n in range(6)]
    doc = json.loads(dump_journal(items))
    doc["reflections"].append({"id": "kapot"})
    with open_store(tmp_path) as store:
        conn = store._conn
        store.import_reflections(items[:1])
        with pytest.raises(ReflectError):
            store.import_stream(iter_journal_batches(io.StringIO(json.dumps(doc)), size=2))
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1 and store.count() == 1
        newer = replace(items[0], title="Nieuw", updated_at=items[0].updated_at.replace(year=2027))
        text = dump_journal([*items[1:], newer])
        assert store.import_stream(iter_journal_batches(io.StringIO(text), size=2)).added == 5
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        store.delete("id-003")  # the cascade works again
        assert (
            conn.execute(
                "SELECT count(*) FROM answers a LEFT JOIN reflections r"
                " ON r.seq = a.reflection_seq WHERE r.seq IS NULL"
            ).fetchone()[0]
            == 0
        )


def test_the_batched_writer_inserts_as_records_does() -> None:
    """A ``Batch``'s inserts are built apart from ``row_sql``'s (NULL comes as a mark,
    see ``import_batch``); but for the marks they are the statements ``records`` uses:
    the same tables, columns and order."""
    from reflect_tui.core.journal import bulk_load, row_sql
    from reflect_tui.core.journal.import_batch import NONE

    def unmarked(sql: str) -> str:
        return sql.replace(f"NULLIF(?, {NONE})", "?")

    assert f"NULLIF(?, {NONE})" in bulk_load._BATCH_REFLECTIONS  # the marks are there
    assert unmarked(bulk_load._BATCH_REFLECTIONS) == row_sql.INSERT_SEQ_SQL
    assert {k: unmarked(v) for k, v in bulk_load._BATCH_CHILDREN.items()} == row_sql.CHILD_INSERT
    assert next(i for i, f in enumerate(SCALARS) if f.name == "title") == bulk_load.TITLE
