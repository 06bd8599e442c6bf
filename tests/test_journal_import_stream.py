"""Streaming import: the same reflections and messages as ``parse_journal``, flat memory,
and a flaw anywhere (even after several written batches) imports nothing."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from journal_fixtures.helpers import open_store, reflections, sample_reflection
from quickloop import examples

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal import fts, json_stream
from reflect_tui.core.journal.interchange import (
    dump_journal,
    iter_journal,
    parse_journal,
    reflection_to_dict,
)


@pytest.fixture
def tiny_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Buffers of a few characters: every value is cut by a buffer end somewhere."""
    monkeypatch.setattr(json_stream, "CHUNK", 5)


def _stream(text: str) -> io.StringIO:
    return io.StringIO(text)


@settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    items=st.lists(reflections, max_size=4, unique_by=lambda r: r.id),
    indent=st.sampled_from([None, 0, 2]),
    chunk=st.integers(1, 64),
)
def test_streamed_parse_equals_the_whole_document_parse(items, indent, chunk) -> None:  # type: ignore[no-untyped-def]
    for text in (
        dump_journal(items),
        json.dumps(
            {
                "reflections": [reflection_to_dict(r) for r in items],
                "version": 1,
                "format": "reflect-journal",
            },
            indent=indent,
            ensure_ascii=indent is None,
        ),
    ):
        old, json_stream.CHUNK = json_stream.CHUNK, chunk
        try:
            assert list(iter_journal(_stream(text))) == parse_journal(text) == items
        finally:
            json_stream.CHUNK = old


def _error(text: str) -> str:
    with pytest.raises(ReflectError) as caught:
        list(iter_journal(_stream(text), "in.json"))
    return str(caught.value)


@pytest.mark.usefixtures("tiny_chunks")
@pytest.mark.parametrize(
    "text",
    [
        '{"format": "reflect-journal", "version": 1, "reflections": [\n  {"id": 1,}]}',
        '{"format": "reflect-journal",\n\n "version": 1 "reflections": []}',
        '{"format": "reflect-journal", "version": 1, "reflections": []} extra',
        '{"format": "reflect-journal" "version": 1, "reflections": []}',
        '{"format": "reflect-journal", "version": 1, "reflections": ["abc',
        "",
        "   \n  ",
        '{"a": tru}',
    ],
)
def test_syntax_errors_name_the_same_line_and_column_as_json(text: str) -> None:
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        expected = f"(regel {exc.lineno}, kolom {exc.colno})"
    else:  # pragma: no cover
        raise AssertionError("the case is valid JSON")
    message = _error(text)
    assert message.startswith("in.json: geen geldige JSON") and expected in message
    assert message.endswith("er is niets geïmporteerd.")


@pytest.mark.usefixtures("tiny_chunks")
def test_document_level_problems_match_parse_journal() -> None:
    cases = [
        "[]",
        '"tekst"',
        '{"format": "jrnl", "version": 1, "reflections": []}',
        '{"format": "reflect-journal", "version": 2, "reflections": []}',
        '{"format": "reflect-journal", "version": 1, "reflections": {}}',
        '{"format": "reflect-journal", "version": 1}',
        '{"version": 1, "reflections": []}',
    ]
    for text in cases:
        with pytest.raises(ReflectError) as whole:
            parse_journal(text, "in.json")
        assert _error(text) == str(whole.value), text


def test_nesting_and_huge_numbers_are_one_clear_line() -> None:
    deep = '{"format": "reflect-journal", "version": 1, "reflections": [' + "[" * 100_000
    text = deep + "]" * 100_000 + "]}"
    with pytest.raises(ReflectError) as whole:
        parse_journal(text, "in.json")
    assert _error(text) == str(whole.value) and "te diep genest" in str(whole.value)
    huge = '{"format": "reflect-journal", "version": 1, "reflections": [' + "9" * 5000 + "]}"
    with pytest.raises(ReflectError) as whole:
        parse_journal(huge, "in.json")
    assert _error(huge) == str(whole.value) and "te veel cijfers" in str(whole.value)


@pytest.mark.parametrize(
    "number",
    ["9" * 40, "-" + "9" * 300, "9" * 5000, "1e400", "2.5"],
    ids=["40 digits", "300 digits", "5000 digits", "1e400", "2.5"],
)
def test_a_wrong_number_inside_a_reflection_is_named_as_the_whole_parse_names_it(
    number: str,
) -> None:
    """Elements are decoded without the number hooks; one in doubt is decoded again with
    them, so a long number is still named by its length, never printed whole."""
    from reflect_tui.core.journal.interchange import iter_journal_rows

    item = reflection_to_dict(sample_reflection("id-1"))
    item["principles"] = [{"id": "open", "rating": 0, "note": ""}]
    good = json.dumps(reflection_to_dict(sample_reflection("id-0")))
    bad = json.dumps(item).replace('"rating": 0', f'"rating": {number}')
    text = f'{{"format": "reflect-journal", "version": 1, "reflections": [{good}, {bad}]}}'
    with pytest.raises(ReflectError) as whole:
        parse_journal(text, "in.json")
    with pytest.raises(ReflectError) as rows:
        list(iter_journal_rows(_stream(text), "in.json"))
    assert _error(text) == str(rows.value) == str(whole.value)
    assert "reflections[1].principles[0].rating" in str(whole.value)
    assert len(str(whole.value)) < 200


def test_a_flaw_after_several_written_batches_imports_nothing(tmp_path: Path) -> None:
    before = sample_reflection("before-1")
    good = [sample_reflection(f"id-{n:03d}") for n in range(7)]
    doc = json.loads(dump_journal(good))
    doc["reflections"].append({"id": "kapot"})  # the flaw comes last
    with open_store(tmp_path) as store:
        store.import_reflections([before])
        with pytest.raises(ReflectError, match=r"reflections\[7\]"):
            store.import_stream(iter_journal(_stream(json.dumps(doc)), "in.json"), batch=2)
        assert [s.id for s in store.list()] == ["before-1"]
        assert store.count() == 1 and store.search("Bewonersavond") != []
        store._conn.execute(
            "INSERT INTO reflection_fts (reflection_fts) VALUES ('integrity-check')"
        )
        # And the same file without the flaw: added, then unchanged on a second run.
        doc["reflections"].pop()
        first = store.import_stream(iter_journal(_stream(json.dumps(doc))), batch=2)
        again = store.import_stream(iter_journal(_stream(json.dumps(doc))), batch=2)
        assert (first.added, again.unchanged) == (7, 7)
        assert store.count() == 8
        newer = sample_reflection("id-003", title="Nieuwer")
        newer.updated_at = newer.updated_at.replace(year=2027)
        result = store.import_stream(iter([newer, sample_reflection("id-009")]))
        assert (result.added, result.updated) == (1, 1)
        assert [s.id for s in store.search("nieuwer")] == ["id-003"]
        store._conn.execute(
            "INSERT INTO reflection_fts (reflection_fts) VALUES ('integrity-check')"
        )


def test_cli_import_from_stdin_and_file_streams(tmp_path: Path) -> None:
    import subprocess
    import sys

    items = [sample_reflection(f"id-{n:03d}") for n in range(3)]
    path = tmp_path / "in.json"
    path.write_text("\ufeff" + dump_journal(items), encoding="utf-8")  # a BOM is fine
    data = tmp_path / "data"
    command = [sys.executable, "-m", "reflect_tui", "--data-dir", str(data), "import"]
    done = subprocess.run([*command, str(path)], capture_output=True, text=True, check=True)
    assert "3 nieuw" in done.stdout
    piped = subprocess.run(
        [*command, "-"], input=path.read_text(encoding="utf-8"), capture_output=True, text=True
    )
    assert piped.returncode == 0 and "3 ongewijzigd" in piped.stdout
    with open_store(data) as store:
        assert store.count() == 3


@settings(max_examples=examples(15), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(reflections, min_size=1, max_size=4, unique_by=lambda r: r.id))
def test_bulk_import_indexes_exactly_the_text_the_view_gives(items, tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    """The bulk path builds the index text in Python (``fts.body_of``); it must be the
    view's text to the byte, or deleting the reflection later would leave terms behind."""
    with open_store(tmp_path_factory.mktemp("j")) as store:
        store.import_stream(items, batch=2)
        conn = store._conn
        conn.execute("INSERT INTO reflection_fts (reflection_fts) VALUES ('integrity-check')")
        view = dict(
            conn.execute(
                "SELECT r.id, v.body FROM reflection_fts_source v JOIN reflections r USING (seq)"
            ).fetchall()
        )
        python = {r.id: fts.body_of(r) for r in items}
        assert {rid: body for rid, body in view.items() if python[rid] is not None} == {
            rid: body for rid, body in python.items() if body is not None
        }
        store.delete(items[0].id)
        conn.execute("INSERT INTO reflection_fts (reflection_fts) VALUES ('integrity-check')")


@settings(max_examples=examples(15), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(reflections, min_size=1, max_size=5, unique_by=lambda r: r.id))
def test_batches_index_every_reflection_as_a_rebuild_from_the_view_does(  # type: ignore[no-untyped-def]
    items, tmp_path_factory
) -> None:
    """The parser's batches go into every table and the index as they came (one offset
    added in SQL): every term of every reflection must sit where a rebuild of the
    index from the view puts it."""
    from reflect_tui.core.journal.interchange import iter_journal_batches

    with open_store(tmp_path_factory.mktemp("j")) as store:
        store.import_reflections([sample_reflection("before")])  # seq does not start at 1
        batches = iter_journal_batches(io.StringIO(dump_journal(items)), size=2)
        assert store.import_stream(batches).added == len(items)
        assert sorted(store.get(r.id) == r for r in items) == [True] * len(items)
        conn = store._conn
        conn.execute(
            "CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, reflection_fts, 'instance')"
        )
        instances = "SELECT * FROM temp.terms ORDER BY 1, 2, 3, 4"
        imported = conn.execute(instances).fetchall()
        fts.rebuild(conn)
        assert imported == conn.execute(instances).fetchall()


def test_import_into_an_empty_journal_rebuilds_the_same_indexes(tmp_path: Path) -> None:
    """Secondary indexes are dropped for the load and re-created from their stored SQL:
    afterwards the schema is exactly as before, and a failed import leaves it so too."""
    items = [sample_reflection(f"0000000{n}-2222-4333-8444-555555555555") for n in range(5)]
    with open_store(tmp_path) as store:
        conn = store._conn
        schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
        before = conn.execute(schema).fetchall()

        def broken():  # type: ignore[no-untyped-def]
            yield items[0]
            raise ReflectError("kapot halverwege")

        with pytest.raises(ReflectError):
            store.import_stream(broken())
        assert conn.execute(schema).fetchall() == before and store.count() == 0
        store.import_stream(items, batch=2)
        assert conn.execute(schema).fetchall() == before
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        plan = conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM reflections ORDER BY occurred_on, created_at"
        ).fetchall()
        assert "reflections_by_date" in str(plan)
        assert store.count() == 5 and store.count_open_next_steps() == 5


@settings(max_examples=examples(200), deadline=None)
@given(
    lines=st.lists(
        st.text(alphabet=st.sampled_from("ab é😀\r"), max_size=700).map(lambda t: t * 3),
        max_size=40,
    ),
    tail=st.text(max_size=5),
)
def test_newlines_are_counted_as_str_count_counts_them(lines: list[str], tail: str) -> None:
    text = "\n".join(lines) + tail
    assert json_stream.count_newlines(text) == text.count("\n")
