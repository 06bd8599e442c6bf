"""The JournalStore API the TUI and the coach rely on."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from journal_fixtures.helpers import TickingClock, open_store, sample_reflection, update_fields

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal.model import Answer, NextStep, Reflection
from reflect_tui.core.journal.search import match_expression


def _uuid(n: int) -> str:
    return f"{n:08x}-0000-4000-8000-000000000000"


def test_every_connection_setting_is_applied(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        conn = store._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert conn.execute("PRAGMA user_version").fetchone()[0] >= 2


def test_list_is_newest_first_with_limit_and_status(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        for n, day in enumerate([3, 1, 2]):
            store.import_reflections(
                [
                    sample_reflection(
                        _uuid(n),
                        occurred_on=date(2026, 1, day),
                        status="draft" if n == 2 else "complete",
                    )
                ]
            )
        assert [s.occurred_on.day for s in store.list()] == [3, 2, 1]
        assert [s.occurred_on.day for s in store.list(limit=2)] == [3, 2]
        assert [s.id for s in store.list(status="draft")] == [_uuid(2)]
        assert store.count() == 3
        assert [r.occurred_on.day for r in store.recent(2)] == [3, 2]


def test_resolve_id_by_unique_prefix(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.import_reflections([sample_reflection("abc11111-x"), sample_reflection("abc22222-x")])
        assert store.resolve_id("abc1") == "abc11111-x"
        assert store.resolve_id("ABC2") == "abc22222-x"
        with pytest.raises(ReflectError, match="meer dan één"):
            store.resolve_id("abc")
        with pytest.raises(ReflectError, match="geen reflectie"):
            store.resolve_id("zzz")
        with pytest.raises(ReflectError):
            store.get("nope")


def test_saving_fields_status_and_next_steps(tmp_path: Path) -> None:
    with open_store(tmp_path, clock=TickingClock()) as store:
        draft = store.create_draft("Inloop")
        update_fields(
            store,
            draft.id,
            title="Inloopavond",
            barriers=["politiek"],
            next_steps=[NextStep("Mail sturen", date(2026, 3, 2)), NextStep("Later", None)],
            occurred_on=date(2026, 2, 1),
        )
        update_fields(store, draft.id, status="complete")
        got = store.get(draft.id)
        assert (got.title, got.barriers, got.status) == ("Inloopavond", ["politiek"], "complete")
        assert [(n.text, i) for _r, i, n in store.open_next_steps()] == [
            ("Mail sturen", 0),
            ("Later", 1),
        ]
        store.set_next_step_done(draft.id, 0, True)
        assert [n.text for _r, _i, n in store.open_next_steps()] == ["Later"]
        with pytest.raises(ReflectError):
            store.set_next_step_done(draft.id, 7, True)
        with pytest.raises(ValueError):
            update_fields(store, draft.id, status="gone")


def test_tips_shown_history(tmp_path: Path) -> None:
    clock = TickingClock()
    with open_store(tmp_path, clock=clock) as store:
        draft = store.create_draft("x")
        store.record_tips_shown(["a", "b"], draft.id)
        mark = clock.moment + timedelta(microseconds=1)
        store.record_tips_shown(["b"])
        since = store.tips_shown_since(mark)
        assert set(since) == {"b"}
        assert since["b"] > mark
        assert set(store.tips_shown_since(datetime(2000, 1, 1, tzinfo=UTC))) == {"a", "b"}
        other = store.tips_shown_since(
            datetime(2000, 1, 1, tzinfo=UTC), exclude_reflection=draft.id
        )
        assert set(other) == {"b"}  # "b" was also shown without a reflection
        store.delete(draft.id)
        assert set(store.tips_shown_since(datetime(2000, 1, 1, tzinfo=UTC))) == {"a", "b"}


@pytest.mark.parametrize(
    "query",
    ['"', "AND", "OR NOT", "title:x", "NEAR(a b)", "*", "a*b", "(", "^x", "-x", "' ; DROP", "ü"],
)
def test_search_never_raises_on_fts_syntax(tmp_path: Path, query: str) -> None:
    with open_store(tmp_path) as store:
        store.import_reflections([sample_reflection()])
        assert isinstance(store.search(query), list)


def test_search_folds_diacritics_ands_words_and_prefixes_last(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.import_reflections(
            [
                sample_reflection(_uuid(1), title="Overleg in het café", insight="financiën rond"),
                sample_reflection(_uuid(2), title="Overleg met de wethouder", insight="geen geld"),
            ]
        )
        assert [s.id for s in store.search("cafe")] == [_uuid(1)]
        assert [s.id for s in store.search("CAFÉ financien")] == [_uuid(1)]
        assert [s.id for s in store.search("overleg geld")] == [_uuid(2)]
        assert {s.id for s in store.search("overl")} == {_uuid(1), _uuid(2)}
        assert store.search("boomdeskundige")  # next step text is indexed
        assert store.search("   ") == []
        hits = store.search_hits("financien")
        assert "financiën" in hits[0].snippet


def _one_query_hits(store: object, expression: str, limit: int) -> list[tuple[object, ...]]:
    """The search as one statement (excerpts for every hit, then sort): the reference."""
    from reflect_tui.core.journal.store import _SUMMARY_COLS

    return list(
        store._conn.execute(  # type: ignore[attr-defined]
            f"SELECT {_SUMMARY_COLS}, snippet(reflection_fts, -1, '', '', '…', 12)"
            " FROM reflection_fts JOIN reflections r ON r.seq = reflection_fts.rowid"
            " WHERE reflection_fts MATCH ? ORDER BY bm25(reflection_fts, 4.0, 1.0) LIMIT ?",
            (expression, limit),
        )
    )


def test_search_builds_excerpts_only_for_the_hits_shown(tmp_path: Path) -> None:
    # A common word: ranking 150 hits must not read the text of all 150 to show 5.
    # Each later reflection ranks better (more "wijk"), so a sort that builds the
    # excerpt of every row that enters its top 5 builds all 150. Work is counted
    # in SQLite VM steps (the excerpts' reads of the text view run on the same
    # connection), so the test does not depend on timing.
    many = [
        sample_reflection(
            _uuid(n),
            insight=" ".join(["wijk"] * (n + 1)),
            occurred_on=date(2026, 1, 1) + timedelta(days=n),
        )
        for n in range(150)
    ]
    with open_store(tmp_path) as store:
        store.import_reflections(many)
        expression = match_expression("wijk", store.index_terms)
        assert expression is not None
        steps = [0]

        def count() -> int:
            steps[0] += 1
            return 0

        store._conn.set_progress_handler(count, 100)
        shown = store.search_hits("wijk", limit=5)
        few, steps[0] = steps[0], 0
        every = store.search_hits("wijk", limit=150)
        all_of_them = steps[0]
        store._conn.set_progress_handler(None, 0)
        assert len(shown) == 5 and len(every) == 150
        assert few * 4 < all_of_them  # before: excerpts for all 150 either way (about equal)
        # Same rows, order (ties included) and excerpts as the one-statement search.
        for limit in (5, 37, 150):
            reference = _one_query_hits(store, expression, limit)
            hits = store.search_hits("wijk", limit=limit)
            assert [h.summary.id for h in hits] == [row[0] for row in reference]
            assert [h.snippet for h in hits] == [row[6] or "" for row in reference]


def test_match_expression_quotes_every_word() -> None:
    # every word quoted and ANDed; one-letter words are not searched (see search.py)
    assert match_expression('kap" OR x') == '"kap"* AND "or"*'
    assert match_expression("!!!") is None


def test_store_is_usable_from_a_worker_thread(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        drafts = [store.create_draft(f"thread {n}") for n in range(3)]
        errors: list[BaseException] = []

        def work(draft: Reflection) -> None:
            try:
                for i in range(20):
                    draft.answers.append(Answer("situatie", f"s{i}", "", f"t{i}"))
                    store.save(draft)
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(d,)) for d in drafts]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert [len(store.get(d.id).answers) for d in drafts] == [20, 20, 20]


def test_foreign_keys_cascade_children(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.import_reflections([sample_reflection()])
        store.delete(sample_reflection().id)
        conn = store._conn
        for table in ("answers", "principle_ratings", "next_steps", "reflection_fts"):
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(
                "INSERT INTO answers (reflection_seq, position, practice, step)"
                " VALUES (424242, 0, 'a', 'b')"
            )


def test_open_next_steps_limit(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.import_reflections([sample_reflection(_uuid(n)) for n in range(3)])
        assert len(store.open_next_steps()) == 3  # one open step each (the other is done)
        assert len(store.open_next_steps(limit=2)) == 2
